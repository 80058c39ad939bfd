//! Store connections for request handlers. A SQLite connection serves one thread at a
//! time, so each query runs on a blocking thread with a connection taken from the pool;
//! the number running at once is bounded so that 200 waiting clients do not mean 200
//! connections with their own page caches.

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use recoupe_app::{AppError, SqliteStore};
use tokio::sync::Semaphore;

use crate::error::ApiError;

pub struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<SqliteStore>>,
    permits: Arc<Semaphore>,
}

/// A connection on loan; it goes back to the pool when dropped.
pub struct Pooled<'p> {
    pool: &'p Pool,
    store: Option<SqliteStore>,
}

impl Deref for Pooled<'_> {
    type Target = SqliteStore;

    fn deref(&self) -> &SqliteStore {
        self.store.as_ref().expect("present until dropped")
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let (Some(store), Ok(mut idle)) = (self.store.take(), self.pool.idle.lock()) {
            idle.push(store);
        }
    }
}

impl Pool {
    /// Checks that the store opens, and keeps that first connection.
    pub fn open(path: PathBuf, concurrency: usize) -> Result<Pool, AppError> {
        let first = recoupe_app::open_existing(&path)?;
        Ok(Pool {
            path,
            idle: Mutex::new(vec![first]),
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
        })
    }

    fn take(&self) -> Result<Pooled<'_>, AppError> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let store = match idle {
            Some(store) => store,
            None => recoupe_app::open_existing(&self.path)?,
        };
        Ok(Pooled {
            pool: self,
            store: Some(store),
        })
    }

    /// Runs `query` with a connection on a blocking thread, at most `concurrency` at once.
    pub async fn run<T, F>(self: &Arc<Self>, query: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::unavailable("the server is shutting down"))?;
        let pool = self.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let store = pool.take().map_err(ApiError::from)?;
            query(&store)
        })
        .await
        .map_err(|e| ApiError::internal(format!("a query thread failed: {e}")))?
    }
}
