//! recoupe's analyst workbench: `recoupe serve`.
//!
//! An HTTP server (axum on tokio) over one store, with
//! - a JSON API under `/api/v1/` described by an OpenAPI document generated from the
//!   handlers (`/api/openapi.json`), see [`api`];
//! - server-rendered pages (askama templates, assets embedded in the binary, nothing
//!   fetched from the network), see [`pages`].
//!
//! Every query is a call into `recoupe-app`, the library the command line uses too.
//!
//! Security, in [`security`]: loopback only unless an access token is set (then checked on
//! every request, in constant time); the Host header is checked on a loopback server (DNS
//! rebinding); read-only unless ingest is allowed, and then unsafe methods from another
//! origin are refused; request body and time limits; a strict Content-Security-Policy.
//! Every text from a source is escaped where it is written into a page (askama escapes
//! by default; the article markup in [`markup`] escapes each piece of text itself).

pub mod api;
mod assets;
mod cache;
mod chart;
mod config;
mod error;
mod map;
mod markup;
pub mod pages;
mod params;
mod pool;
mod security;
mod state;

use std::future::Future;
use std::net::SocketAddr;

use axum::Router;
use tokio::net::TcpListener;

pub use config::{ServeConfig, ServerError, MIN_TOKEN_LEN};
pub use state::AppState;

/// Largest body of a request that only reads (a form post at most).
const READ_BODY_LIMIT: usize = 64 * 1024;

/// The whole application: API, pages, assets, behind the security layers.
pub fn router(state: AppState) -> Router {
    let state = std::sync::Arc::new(state);
    let reads = Router::new()
        .merge(api::read_routes())
        .merge(pages::read_routes())
        .merge(assets::routes());
    let writes = Router::new()
        .merge(api::write_routes())
        .merge(pages::write_routes());
    let reads = reads.layer(axum::middleware::from_fn_with_state(
        state.clone(),
        cache::layer,
    ));
    let app = security::limits(reads, state.request_timeout, READ_BODY_LIMIT)
        .merge(security::limits(
            writes,
            state.ingest_timeout,
            state.body_limit,
        ))
        .fallback(pages::not_found)
        .with_state(state.clone());
    security::wrap(app, state)
}

/// Binds `config.addr` and serves until `shutdown` resolves, then finishes the requests
/// in flight. `ready` is called with the bound address (the port when 0 was asked).
pub async fn serve_until(
    config: ServeConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServerError> {
    config.check()?;
    let state = AppState::open(&config)?;
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServerError::Bind {
            addr: config.addr,
            source,
        })?;
    let local = listener.local_addr().map_err(|source| ServerError::Bind {
        addr: config.addr,
        source,
    })?;
    tracing::info!(
        addr = %local,
        db = %config.db.display(),
        allow_ingest = config.allow_ingest,
        token = config.token.is_some(),
        "serving"
    );
    ready(local);
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(ServerError::Serve)?;
    tracing::info!("stopped");
    Ok(())
}

/// Serves until SIGINT or SIGTERM. Builds its own runtime, so a synchronous caller (the
/// command line) needs nothing else.
pub fn serve(config: ServeConfig, ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServerError::Runtime)?;
    runtime.block_on(serve_until(config, shutdown_signal(), ready))
}

/// Resolves on the first SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => tracing::info!("SIGINT: finishing the requests in flight"),
        () = terminate => tracing::info!("SIGTERM: finishing the requests in flight"),
    }
}

/// Structured request logs on stderr: `RUST_LOG` filters them (default `info`), JSON
/// lines with `json`. Does nothing when a subscriber is already installed.
pub fn init_logging(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false);
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.compact().try_init()
    };
}
