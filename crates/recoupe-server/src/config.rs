use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Shortest access token accepted: a guessable token is no protection.
pub const MIN_TOKEN_LEN: usize = 16;

/// How `recoupe serve` runs.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub addr: SocketAddr,
    /// The store; it must exist (run `recoupe ingest` or `recoupe demo` first).
    pub db: PathBuf,
    /// Access token required on every request; mandatory on a non-loopback address.
    pub token: Option<String>,
    /// Allow requests that change the store: ingest, undoing a merge.
    pub allow_ingest: bool,
    /// Largest request body accepted, in bytes (ingest bodies included).
    pub body_limit: usize,
    /// Longest a request may take before it is answered 408.
    pub request_timeout: Duration,
    /// Longest an ingest request may take.
    pub ingest_timeout: Duration,
}

impl ServeConfig {
    /// Defaults: loopback port 8787, read-only, 16 MiB bodies, 30 s per request, 10 min
    /// per ingest.
    pub fn new(db: PathBuf) -> ServeConfig {
        ServeConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 8787)),
            db,
            token: None,
            allow_ingest: false,
            body_limit: 16 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            ingest_timeout: Duration::from_secs(600),
        }
    }

    /// Refuses a configuration that would expose the store: a non-loopback address
    /// without a token, or a token too short to protect anything.
    pub fn check(&self) -> Result<(), ServerError> {
        if let Some(token) = &self.token {
            if token.chars().count() < MIN_TOKEN_LEN {
                return Err(ServerError::WeakToken {
                    length: token.chars().count(),
                });
            }
        } else if !self.addr.ip().is_loopback() {
            return Err(ServerError::TokenRequired { addr: self.addr });
        }
        Ok(())
    }
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(
        "refusing to serve on {addr} without an access token: anyone who can reach that address \
         could read the store. Pass --token (or set RECOUPE_TOKEN, at least {MIN_TOKEN_LEN} \
         characters), or serve on a loopback address such as 127.0.0.1"
    )]
    TokenRequired { addr: SocketAddr },
    #[error("the access token has {length} characters; it needs at least {MIN_TOKEN_LEN}")]
    WeakToken { length: usize },
    #[error(transparent)]
    Store(#[from] recoupe_app::AppError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot start the async runtime: {0}")]
    Runtime(#[source] std::io::Error),
    #[error("the server failed: {0}")]
    Serve(#[source] std::io::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_loopback_needs_a_token() {
        let mut config = ServeConfig::new("x.db".into());
        assert!(config.check().is_ok());
        config.addr = "0.0.0.0:8787".parse().unwrap();
        let err = config.check().unwrap_err();
        assert!(matches!(err, ServerError::TokenRequired { .. }), "{err}");
        assert!(err.to_string().contains("--token"));
        config.token = Some("short".into());
        assert!(matches!(
            config.check(),
            Err(ServerError::WeakToken { length: 5 })
        ));
        config.token = Some("a-long-enough-token".into());
        assert!(config.check().is_ok());
        config.addr = "[::1]:8787".parse().unwrap();
        config.token = None;
        assert!(config.check().is_ok());
    }
}
