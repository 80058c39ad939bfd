use std::path::PathBuf;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::config::{ServeConfig, ServerError};
use crate::pool::Pool;

/// What every handler shares: the store connections and the security settings.
pub struct AppState {
    pub(crate) pool: Arc<Pool>,
    pub(crate) db: PathBuf,
    /// SHA-256 of the access token: compared digest to digest, so the comparison takes
    /// the same time whatever the length or content of what a client sent.
    pub(crate) token_digest: Option<[u8; 32]>,
    pub(crate) allow_ingest: bool,
    pub(crate) ingest_timeout: std::time::Duration,
    pub(crate) request_timeout: std::time::Duration,
    pub(crate) body_limit: usize,
    /// One write at a time (ingest, unmerge); reads go on meanwhile.
    pub(crate) writes: tokio::sync::Mutex<()>,
    /// Answers to GET requests until the store changes.
    pub(crate) cache: crate::cache::Cache,
}

/// Queries running at once: a few per core keep the cores busy while one waits on I/O.
fn concurrency() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()) * 2
}

impl AppState {
    /// Opens the store (it must exist) with the settings of `config`.
    pub fn open(config: &ServeConfig) -> Result<AppState, ServerError> {
        config.check()?;
        let pool = Pool::open(config.db.clone(), concurrency())?;
        let watch = recoupe_app::open_existing(&config.db)?;
        Ok(AppState {
            pool: Arc::new(pool),
            db: config.db.clone(),
            token_digest: config.token.as_deref().map(digest),
            allow_ingest: config.allow_ingest,
            ingest_timeout: config.ingest_timeout,
            request_timeout: config.request_timeout,
            body_limit: config.body_limit,
            writes: tokio::sync::Mutex::new(()),
            cache: crate::cache::Cache::new(Some(watch)),
        })
    }
}

pub(crate) fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}
