//! Answers to GET requests, kept until the store changes.
//!
//! Reading a search, an article or an entity takes milliseconds of SQLite and decoding;
//! the same page asked again, by the same analyst going back or by many, is answered from
//! here. Every entry carries the store *generation* it was computed at: a write through
//! this server bumps it at once, and a commit by another process (a `recoupe ingest`
//! running beside the server) is seen through SQLite's `data_version` within
//! [`CHECK_EVERY`]. Concurrent requests for the same missing entry wait for one
//! computation instead of all running it. The cache holds at most [`BUDGET`] bytes of
//! bodies, oldest entries leaving first.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use recoupe_app::{Browse, SqliteStore};
use tokio::sync::OnceCell;

use crate::state::AppState;

/// How stale an answer may be after another process wrote to the store.
pub const CHECK_EVERY: Duration = Duration::from_millis(200);

/// Bytes of response bodies kept.
pub const BUDGET: usize = 64 * 1024 * 1024;

/// Largest body kept (a bigger page is computed each time).
const LARGEST: usize = 4 * 1024 * 1024;

#[derive(Clone)]
struct Entry {
    generation: u64,
    content_type: Option<HeaderValue>,
    body: Bytes,
}

type Slot = Arc<OnceCell<Entry>>;

pub struct Cache {
    generation: AtomicU64,
    slots: Mutex<Slots>,
    watch: Mutex<Watch>,
}

#[derive(Default)]
struct Slots {
    map: HashMap<String, Slot>,
    order: VecDeque<String>,
    bytes: usize,
}

struct Watch {
    store: Option<SqliteStore>,
    version: u64,
    checked: Instant,
}

impl Cache {
    /// `watch` is a connection kept to read the store's data version.
    pub fn new(watch: Option<SqliteStore>) -> Cache {
        let version = watch
            .as_ref()
            .and_then(|s| s.data_version().ok())
            .unwrap_or(0);
        Cache {
            generation: AtomicU64::new(0),
            slots: Mutex::new(Slots::default()),
            watch: Mutex::new(Watch {
                store: watch,
                version,
                checked: Instant::now(),
            }),
        }
    }

    /// Forgets everything: the store was written to.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut slots) = self.slots.lock() {
            *slots = Slots::default();
        }
    }

    /// The current generation, after checking (at most every [`CHECK_EVERY`]) whether
    /// another process committed to the store.
    fn current(&self) -> u64 {
        if let Ok(mut watch) = self.watch.try_lock() {
            if watch.checked.elapsed() >= CHECK_EVERY {
                watch.checked = Instant::now();
                let version = watch.store.as_ref().and_then(|s| s.data_version().ok());
                if let Some(version) = version {
                    if version != watch.version {
                        watch.version = version;
                        drop(watch);
                        self.invalidate();
                    }
                }
            }
        }
        self.generation.load(Ordering::SeqCst)
    }

    fn slot(&self, key: &str) -> Slot {
        let Ok(mut slots) = self.slots.lock() else {
            return Arc::new(OnceCell::new());
        };
        if let Some(slot) = slots.map.get(key) {
            return slot.clone();
        }
        let slot: Slot = Arc::new(OnceCell::new());
        slots.map.insert(key.to_string(), slot.clone());
        slots.order.push_back(key.to_string());
        slot
    }

    /// Accounts for a filled entry and evicts the oldest beyond the budget.
    fn filled(&self, size: usize) {
        let Ok(mut slots) = self.slots.lock() else {
            return;
        };
        slots.bytes += size;
        while slots.bytes > BUDGET {
            let Some(oldest) = slots.order.pop_front() else {
                break;
            };
            if let Some(slot) = slots.map.remove(&oldest) {
                let freed = slot.get().map_or(0, |e| e.body.len());
                slots.bytes = slots.bytes.saturating_sub(freed);
            }
        }
    }

    fn forget(&self, key: &str, slot: &Slot) {
        if let Ok(mut slots) = self.slots.lock() {
            if slots.map.get(key).is_some_and(|s| Arc::ptr_eq(s, slot)) {
                slots.map.remove(key);
                slots.order.retain(|k| k != key);
                let freed = slot.get().map_or(0, |e| e.body.len());
                slots.bytes = slots.bytes.saturating_sub(freed);
            }
        }
    }
}

fn respond(entry: &Entry, hit: bool) -> Response {
    let mut response = Response::new(Body::from(entry.body.clone()));
    if let Some(content_type) = &entry.content_type {
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, content_type.clone());
    }
    response.headers_mut().insert(
        "x-recoupe-cache",
        HeaderValue::from_static(if hit { "hit" } else { "miss" }),
    );
    response
}

/// The middleware: GET requests are answered from the cache when it holds a current
/// answer; a successful answer computed here is kept.
pub async fn layer(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let cache = &state.cache;
    let key = request.uri().path_and_query().map_or_else(
        || request.uri().path().to_string(),
        |pq| pq.as_str().to_string(),
    );
    let mut pending = Some(request);
    for _ in 0..3 {
        let generation = cache.current();
        let slot = cache.slot(&key);
        if let Some(entry) = slot.get() {
            if entry.generation == generation {
                return respond(entry, true);
            }
            cache.forget(&key, &slot);
            continue;
        }
        // Only the first caller runs the handler; the others wait for its answer. A
        // failed answer is not kept: it goes to its caller, and the others try again.
        let mut own: Option<Response> = None;
        let mut ran = false;
        let result = slot
            .get_or_try_init(|| async {
                ran = true;
                let Some(request) = pending.take() else {
                    return Err(());
                };
                let response = next.clone().run(request).await;
                if response.status() != StatusCode::OK {
                    own = Some(response);
                    return Err(());
                }
                let (parts, body) = response.into_parts();
                match body.collect().await {
                    Ok(collected) => {
                        let body = collected.to_bytes();
                        if body.len() > LARGEST {
                            own = Some(Response::from_parts(parts, Body::from(body)));
                            return Err(());
                        }
                        Ok(Entry {
                            generation,
                            content_type: parts.headers.get(header::CONTENT_TYPE).cloned(),
                            body,
                        })
                    }
                    Err(_) => {
                        own = Some(StatusCode::INTERNAL_SERVER_ERROR.into_response());
                        Err(())
                    }
                }
            })
            .await;
        match result {
            Ok(entry) => {
                if ran {
                    cache.filled(entry.body.len());
                }
                return respond(entry, !ran);
            }
            Err(()) => {
                if let Some(response) = own {
                    cache.forget(&key, &slot);
                    return response;
                }
                if pending.is_none() {
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                }
                // Another caller's computation failed: compute ours.
            }
        }
    }
    match pending {
        Some(request) => next.run(request).await,
        None => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}
