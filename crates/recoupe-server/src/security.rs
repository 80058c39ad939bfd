//! The layers every request passes: request logs, security headers, time and body
//! limits, the Host check of a loopback server, the access token, and the origin check
//! of requests that change the store.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Router;
use subtle::ConstantTimeEq;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::error::ApiError;
use crate::state::{digest, AppState};

/// Nothing but the server's own scripts, styles and images; no inline script or style,
/// no frames, forms posting only here.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Cookie carrying the token for a browser, set after one visit with `?token=`.
pub const TOKEN_COOKIE: &str = "recoupe_token";

pub fn wrap(app: Router, state: Arc<AppState>) -> Router {
    let header = |name: &'static str, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(
            header::HeaderName::from_static(name),
            HeaderValue::from_static(value),
        )
    };
    // Layers run outside in: the last added sees the request first.
    app.layer(middleware::from_fn_with_state(state, guard))
        .layer(header("content-security-policy", CONTENT_SECURITY_POLICY))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("x-frame-options", "DENY"))
        .layer(header("referrer-policy", "no-referrer"))
        .layer(header("cross-origin-opener-policy", "same-origin"))
        .layer(header("cross-origin-resource-policy", "same-origin"))
        .layer(
            TraceLayer::new_for_http()
                // The path only: query strings hold search words and, once, the token.
                .make_span_with(|request: &Request<Body>| {
                    tracing::info_span!(
                        "request",
                        method = %request.method(),
                        path = %request.uri().path(),
                    )
                })
                .on_request(())
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
}

/// Time and body limits of one group of routes: reads get a short time and a small
/// body (forms), writes the configured ones.
pub fn limits<S: Clone + Send + Sync + 'static>(
    routes: Router<S>,
    timeout: Duration,
    body_limit: usize,
) -> Router<S> {
    routes
        .layer(RequestBodyLimitLayer::new(body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
}

/// Whether `host` (a Host header) names this machine's loopback interface.
fn loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The token of the cookie, percent-decoded (it is stored encoded).
fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == TOKEN_COOKIE).then(|| {
                percent_encoding::percent_decode_str(value)
                    .decode_utf8_lossy()
                    .into_owned()
            })
        })
}

fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

fn matches(expected: &[u8; 32], presented: &str) -> bool {
    bool::from(expected.ct_eq(&digest(presented)))
}

/// The query string without its `token` parameter, for the redirect after a token visit.
fn without_token(uri: &Uri) -> String {
    let kept: Vec<(String, String)> = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .filter(|(name, _)| name != "token")
        .map(|(n, v)| (n.into_owned(), v.into_owned()))
        .collect();
    let mut target = uri.path().to_string();
    if !kept.is_empty() {
        target.push('?');
        target.push_str(
            &form_urlencoded::Serializer::new(String::new())
                .extend_pairs(kept)
                .finish(),
        );
    }
    target
}

fn refuse(uri: &Uri, error: ApiError) -> Response {
    if uri.path().starts_with("/api/") {
        error.into_response()
    } else {
        crate::pages::error_page(error)
    }
}

async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let uri = request.uri().clone();
    match &state.token_digest {
        None => {
            // A loopback server answers only requests addressed to a loopback name, so a
            // web page whose domain was rebound to 127.0.0.1 cannot read it.
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("");
            if !loopback_host(host) {
                return refuse(
                    &uri,
                    ApiError::forbidden(format!(
                        "this server answers only to localhost, not to the host `{}`",
                        crate::params::clip(host)
                    )),
                );
            }
        }
        Some(expected) => {
            let presented = bearer_token(headers)
                .map(str::to_string)
                .or_else(|| cookie_token(headers));
            if !presented.is_some_and(|t| matches(expected, &t)) {
                let query_token = form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
                    .find(|(name, _)| name == "token")
                    .map(|(_, value)| value.into_owned());
                if request.method() == Method::GET
                    && query_token.is_some_and(|t| matches(expected, &t))
                {
                    let mut response = Redirect::to(&without_token(&uri)).into_response();
                    let cookie = format!(
                        "{TOKEN_COOKIE}={}; HttpOnly; SameSite=Strict; Path=/",
                        query_token_value(&uri)
                    );
                    if let Ok(value) = HeaderValue::from_str(&cookie) {
                        response.headers_mut().insert(header::SET_COOKIE, value);
                    }
                    return response;
                }
                return refuse(&uri, ApiError::unauthorized());
            }
        }
    }
    let unsafe_method = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if unsafe_method {
        if let Err(error) = same_origin(headers) {
            return refuse(&uri, error);
        }
    }
    next.run(request).await
}

/// The token as the client sent it in the query, re-encoded for a cookie value.
fn query_token_value(uri: &Uri) -> String {
    form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .find(|(name, _)| name == "token")
        .map(|(_, value)| {
            percent_encoding::utf8_percent_encode(&value, percent_encoding::NON_ALPHANUMERIC)
                .to_string()
        })
        .unwrap_or_default()
}

/// A request that changes the store must come from this server's own pages (or from a
/// client that is not a browser, which sends no Origin).
fn same_origin(headers: &HeaderMap) -> Result<(), ApiError> {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        let expected_http = format!("http://{host}");
        let expected_https = format!("https://{host}");
        if origin != expected_http && origin != expected_https {
            return Err(ApiError::forbidden(format!(
                "a request changing the store must come from this server's pages, not from `{}`",
                crate::params::clip(origin)
            )));
        }
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site == "cross-site" || site == "same-site" {
            return Err(ApiError::forbidden(
                "a request changing the store must come from this server's pages",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for host in [
            "localhost",
            "localhost:8787",
            "127.0.0.1:8787",
            "127.3.2.1",
            "[::1]:80",
            "LOCALHOST",
        ] {
            assert!(loopback_host(host), "{host}");
        }
        for host in [
            "",
            "example.org",
            "evil.localhost.example:8787",
            "10.0.0.1:8787",
            "[::2]:80",
            "0.0.0.0",
        ] {
            assert!(!loopback_host(host), "{host}");
        }
    }

    #[test]
    fn token_parameter_is_dropped_from_the_redirect() {
        let uri: Uri = "/search?q=a+b&token=xyz&outlet=c".parse().unwrap();
        assert_eq!(without_token(&uri), "/search?q=a+b&outlet=c");
        let uri: Uri = "/?token=xyz".parse().unwrap();
        assert_eq!(without_token(&uri), "/");
    }

    #[test]
    fn tokens_compare_by_digest() {
        let expected = digest("correct horse battery staple");
        assert!(matches(&expected, "correct horse battery staple"));
        assert!(!matches(&expected, "correct horse battery stapl"));
        assert!(!matches(&expected, ""));
    }
}
