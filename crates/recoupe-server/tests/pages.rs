//! The pages, and what protects them: escaping of everything a source wrote, the
//! Content-Security-Policy, the token, the Host check, read-only mode (issue 11).

mod common;

use axum::body::Body;
use axum::http::{header, Method, StatusCode};
use common::*;

fn assert_page(reply: &Reply, wanted: &[&str]) {
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "{}",
        &reply.body[..reply.body.len().min(500)]
    );
    assert!(reply.body.starts_with("<!doctype html>"));
    let ct = reply.headers[header::CONTENT_TYPE].to_str().unwrap();
    assert!(ct.starts_with("text/html"), "{ct}");
    for w in wanted {
        assert!(reply.body.contains(w), "page lacks {w:?}");
    }
}

#[tokio::test]
async fn every_page_renders() {
    let app = read_only();
    assert_page(
        &get(&app, "/").await,
        &["13 documents", "newest first", "class=\"hits\""],
    );
    assert_page(
        &get(&app, "/search?q=Daech").await,
        &["<mark>Daech</mark>", "data-facet=\"outlet\""],
    );
    let id = id_of(&app, "demo-01").await;
    assert_page(
        &get(&app, &format!("/doc/{id}")).await,
        &[
            "class=\"m k-ent t-ORG\"",
            "k-quote",
            "k-uns",
            "Who says what",
            "id=\"x-e0\"",
            "Hussein Qassem",
        ],
    );
    assert_page(
        &get(&app, "/entities").await,
        &["id=\"entities\"", "actors%3Asdf"],
    );
    assert_page(&get(&app, "/entities?type=PER").await, &["t-PER"]);
    assert_page(
        &get(&app, "/entity/actors%3Asdf").await,
        &[
            "FDS",
            "Mentions over time",
            "<svg class=\"chart\"",
            "What was said of it",
            "Co-mentioned",
        ],
    );
    assert_page(
        &get(&app, "/map").await,
        &["<svg class=\"map\"", "Lebanon", "href=\"/search?place="],
    );
    assert_page(&get(&app, "/timeline").await, &["/timeline?entity="]);
    assert_page(
        &get(&app, "/timeline?entity=actors%3Asdf").await,
        &["Timeline", "tl-item"],
    );
}

/// issue 11: the story list and a story page show what the cross-article layer holds;
/// the article page marks the passages it shares and links its story.
#[tokio::test]
async fn issue11_story_pages_and_copied_passages() {
    let app = read_only();
    let list = get(&app, "/stories").await;
    assert_page(
        &list,
        &[
            "id=\"stories\"",
            "most independent sources first",
            "class=\"flag single\"",
            "href=\"/stories\" class=\"active\"",
        ],
    );
    // The demo's story of two articles copying one another is one source.
    let story = get(&app, "/api/v1/stories?min_articles=2").await.json()[0].clone();
    let id = story["id"].as_str().unwrap();
    assert!(list.body.contains(&format!("href=\"/story/{id}\"")));
    let page = get(&app, &format!("/story/{id}")).await;
    let detail = get(&app, &format!("/api/v1/stories/{id}")).await.json();
    let mut wanted = vec![
        "id=\"story-title\"".to_string(),
        "Event record".into(),
        "id=\"story-articles\"".into(),
        "id=\"copy-groups\"".into(),
        "copy group 1".into(),
        "id=\"facts\"".into(),
        "Statements by speaker".into(),
        "<strong id=\"independent\">1</strong>".into(),
        format!("href=\"/timeline?story={id}\""),
    ];
    for article in detail["articles"].as_array().unwrap() {
        wanted.push(format!("href=\"/doc/{}\"", article["id"].as_str().unwrap()));
        wanted.push(article["outlet"].as_str().unwrap().to_string());
        wanted.push(article["headline"].as_str().unwrap().to_string());
        if let Some(date) = article["published"].as_str() {
            wanted.push(date.to_string());
        }
    }
    let wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
    assert_page(&page, &wanted);
    // Its timeline heads back to the story.
    assert_page(
        &get(&app, &format!("/timeline?story={id}")).await,
        &[&format!("href=\"/story/{id}\"")],
    );
    // Either article's page marks the shared passages, names the other, links the story.
    let first = detail["articles"][0]["id"].as_str().unwrap();
    let second = detail["articles"][1]["id"].as_str().unwrap();
    let article = get(&app, &format!("/doc/{first}")).await;
    assert_page(
        &article,
        &[
            "class=\"m k-copy\"",
            "id=\"copies\"",
            &format!("href=\"/doc/{second}\""),
            &format!("id=\"story-link\" href=\"/story/{id}\""),
            "data-kind=\"copy\"",
        ],
    );
    // A story is found from one of its articles too; an unknown one is a 404 page.
    assert_page(
        &get(&app, &format!("/story/{second}")).await,
        &[&format!("story <code>{id}</code>")],
    );
    let missing = get(&app, "/story/ffffffffffff").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("<code>id</code>"));
    let bad = get(&app, "/stories?min_articles=0").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("<code>min_articles</code>"));
    assert_page(
        &get(&app, "/stories?disagreeing=true&sort=articles").await,
        &["most articles first"],
    );
}

#[tokio::test]
async fn page_errors_are_pages_with_their_status() {
    let app = read_only();
    let reply = get(&app, "/no/such/page").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.body.contains("<!doctype html>") && reply.body.contains("404"));
    let reply = get(&app, "/search?limit=zero").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.body.contains("<code>limit</code>"));
    let reply = get(&app, "/doc/0000000000").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let reply = get(&app, "/entity/%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(
        !reply.body.contains("<script>alert"),
        "the missing key is echoed escaped"
    );
    assert!(reply.body.contains("&#60;script&#62;") || reply.body.contains("&lt;script&gt;"));
}

/// issue 11: an article whose text and metadata carry markup renders inert.
#[tokio::test]
async fn issue11_a_hostile_article_renders_inert() {
    let app = read_only();
    let id = id_of(&app, "hostile-1").await;
    let pages = [
        get(&app, &format!("/doc/{id}")).await,
        get(&app, "/search?q=Attaque").await,
        get(&app, "/search?q=Beyrouth+cliquez").await,
        get(&app, "/entities?limit=200").await,
        get(&app, "/map").await,
        get(&app, &format!("/story/{id}")).await,
        get(&app, "/stories").await,
    ];
    for page in &pages {
        assert_eq!(page.status, StatusCode::OK);
        let lower = page.body.to_ascii_lowercase();
        // The only script is the server's own, loaded from /assets.
        assert_eq!(lower.matches("<script").count(), 1, "{}", page.body);
        assert!(lower.contains("<script src=\"/assets/app.js\" defer></script>"));
        // Markup of the source appears as text only: no element, no attribute, no link.
        for forbidden in [
            "<img",
            "<b>",
            "<a href=\"javascript",
            "href=\"javascript",
            "\" onmouseover",
        ] {
            assert!(
                !lower.contains(forbidden),
                "{forbidden} is live in {}",
                page.body
            );
        }
    }
    let article = &pages[0].body;
    // Shown as written, escaped (askama writes &#60; where the markup writes &lt;).
    let plain = article
        .replace("&#60;", "&lt;")
        .replace("&#62;", "&gt;")
        .replace("&#34;", "&quot;");
    assert!(
        plain.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "the text is shown as written"
    );
    assert!(
        plain.contains("img src=x onerror=alert(3)&gt;"),
        "shown as text"
    );
    assert!(
        plain.contains("&lt;b&gt;Evil&lt;/b&gt;&quot; onmouseover=&quot;alert(2)"),
        "{article}"
    );
    assert!(
        article.contains("class=\"source-unsafe\""),
        "the crafted URL is text, not a link"
    );
    assert!(!article.contains("class=\"source\" href"));
}

#[tokio::test]
async fn security_headers_on_every_response() {
    let app = read_only();
    let id = id_of(&app, "demo-01").await;
    for uri in [
        "/",
        &format!("/doc/{id}"),
        "/api/v1/health",
        "/assets/app.css",
        "/nothing",
        "/api/v1/search?limit=x",
    ] {
        let reply = get(&app, uri).await;
        let h = &reply.headers;
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
            "{uri}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["x-frame-options"], "DENY");
        assert_eq!(h["referrer-policy"], "no-referrer");
    }
    // No inline style or script in any page: the CSP would block them.
    let page = get(&app, &format!("/doc/{id}")).await.body;
    assert!(!page.contains(" style=\""));
    assert!(!page.contains("<style"));
    assert!(!page.contains(" onclick="));
}

#[tokio::test]
async fn a_loopback_server_answers_only_to_loopback_names() {
    let app = read_only();
    for host in ["localhost:8787", "127.0.0.1:8787", "[::1]:8787"] {
        let reply = send(
            &app,
            request(Method::GET, "/api/v1/health")
                .header(header::HOST, host)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{host}");
    }
    // A page of another domain resolved to 127.0.0.1 (DNS rebinding) is refused.
    let mut request = axum::http::Request::builder()
        .uri("/api/v1/health")
        .body(Body::empty())
        .unwrap();
    request
        .headers_mut()
        .insert(header::HOST, "attacker.example:8787".parse().unwrap());
    let reply = send(&app, request).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_token_is_required_on_every_request() {
    const TOKEN: &str = "s3cret-token-of-some-length";
    let mut config = config(store());
    config.token = Some(TOKEN.into());
    let app = app(config);
    let bare = get(&app, "/api/v1/health").await;
    assert_eq!(bare.status, StatusCode::UNAUTHORIZED);
    assert_eq!(bare.json()["error"]["code"], "unauthorized");
    let page = get(&app, "/").await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    assert!(page.body.starts_with("<!doctype html>"));
    assert_eq!(
        get(&app, "/assets/app.js").await.status,
        StatusCode::UNAUTHORIZED
    );
    let bearer = |token: &str| {
        request(Method::GET, "/api/v1/health")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(send(&app, bearer(TOKEN)).await.status, StatusCode::OK);
    assert_eq!(
        send(&app, bearer("s3cret-token-of-some-lengtH"))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        send(&app, bearer("")).await.status,
        StatusCode::UNAUTHORIZED
    );
    // A browser opens a page once with ?token=, gets a cookie and a clean URL.
    let visit = get(&app, &format!("/search?q=Daech&token={TOKEN}")).await;
    assert_eq!(visit.status, StatusCode::SEE_OTHER);
    assert_eq!(visit.headers[header::LOCATION], "/search?q=Daech");
    let cookie = visit.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap().to_string();
    let with_cookie = send(
        &app,
        request(Method::GET, "/search?q=Daech")
            .header(header::COOKIE, pair)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(with_cookie.status, StatusCode::OK);
    assert_eq!(
        get(&app, "/?token=wrong-token-of-some-length").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[test]
fn a_public_address_without_token_does_not_start() {
    let mut config = config(store());
    config.addr = "0.0.0.0:8787".parse().unwrap();
    let error = recoupe_server::AppState::open(&config)
        .err()
        .expect("refused");
    assert!(
        error.to_string().contains("without an access token"),
        "{error}"
    );
}

#[tokio::test]
async fn merges_are_undone_from_the_entity_page_only_when_allowed() {
    let (_dir, db) = store_copy();
    let merged = add_acronym_merge(&db);
    let read_only = app(config(&db));
    let page = get(&read_only, "/entity/FDS").await;
    assert_page(&page, &["Merged from", &merged]);
    assert!(!page.body.contains("Undo"));
    let form = |app_uri: &str| {
        request(Method::POST, app_uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!(
                "from_key={}",
                merged.replace(':', "%3A")
            )))
            .unwrap()
    };
    let key = page
        .body
        .split("action=\"/entity/")
        .nth(1)
        .map(|s| s.split('/').next().unwrap().to_string());
    assert!(key.is_none(), "no form on a read-only server");
    let refused = send(&read_only, form("/entity/x/unmerge")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let mut config = config(&db);
    config.allow_ingest = true;
    let writable = app(config);
    let page = get(&writable, "/entity/FDS").await;
    assert!(page.body.contains("Undo"));
    let action = page
        .body
        .split("action=\"/entity/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let action = format!("/entity/{action}");
    let done = send(&writable, form(&action)).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let after = get(&writable, "/api/v1/merges").await.json();
    assert!(after
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["from_key"] != merged.as_str()));
}

/// The server stops on request (SIGINT/SIGTERM in the binary) after answering what is
/// in flight.
#[tokio::test]
async fn serves_on_a_socket_and_stops_gracefully() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut config = config(store());
    config.addr = "127.0.0.1:0".parse().unwrap();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let (addr_tx, addr_rx) = tokio::sync::oneshot::channel();
    let server = tokio::spawn(recoupe_server::serve_until(
        config,
        async move {
            let _ = stop_rx.await;
        },
        move |addr| {
            let _ = addr_tx.send(addr);
        },
    ));
    let addr = addr_rx.await.expect("bound");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(
            format!("GET /api/v1/health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .await
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("\"status\":\"ok\""));
    stop_tx.send(()).unwrap();
    let result = tokio::time::timeout(std::time::Duration::from_secs(10), server).await;
    assert!(matches!(result, Ok(Ok(Ok(())))), "{result:?}");
}
