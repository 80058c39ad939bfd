//! What recoupe's commands do, as a library.
//!
//! The command line (`crates/recoupe`) and the HTTP server call these functions, so that
//! no query or orchestration is written twice: the binary parses arguments, draws
//! progress and renders results; everything it shows comes from here.
//!
//! - [`ingest`]: readers → pipeline → store in overlapping batches, then clustering;
//! - [`extract`]: the pipeline without a store;
//! - [`query`]: the queries behind `search`, `show`, `stats`, `export`, `entities`,
//!   `entity`, `claims`, `merges`, `unmerge`;
//! - [`browse`]: the queries behind the workbench's pages (faceted search, entity
//!   profiles, timelines, the map);
//! - [`story`]: a story as a reader sees it (fact tables, copy groups, statements by
//!   speaker), for `recoupe story` and the workbench's story page;
//! - [`demo`]: the bundled demo corpus ingested and summarised;
//! - [`eval`]: the pipeline scored against a gold corpus;
//! - [`tables`]: the store's tables as Parquet files or CSV (`export --format parquet|csv`).
//!
//! Errors are [`AppError`]s naming the file, store or value concerned.

pub mod browse;
pub mod demo;
mod error;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod query;
pub mod story;
pub mod tables;

use std::path::Path;

pub use error::AppError;
pub use recoupe_ingest::{IngestError, IngestOptions, Note};
pub use recoupe_pipeline::Pipeline;
pub use recoupe_store::{search_query_problem, SearchQuery};
pub use recoupe_store::{
    Browse, BrowseHit, Facets, MapPlace, MonthCount, SearchFilter, SearchPage, SnippetPart,
};
pub use recoupe_store::{
    Claim, ClusterReport, EntityDetail, EntityMerge, EntitySummary, SearchHit, SqliteStore, Stats,
    Store, Tally, SNIPPET_END, SNIPPET_START,
};
pub use recoupe_store::{ClusterProgress, ClusterStep};

/// The standard French news pipeline.
pub fn pipeline() -> Result<Pipeline, AppError> {
    Ok(recoupe_pipeline::french_news()?)
}

/// Opens the store at `db`, creating it when it does not exist.
pub fn open_store(db: &Path) -> Result<SqliteStore, AppError> {
    if let Some(folder) = db.parent().filter(|f| !f.as_os_str().is_empty()) {
        if !folder.is_dir() {
            return Err(AppError::NoStoreFolder {
                path: db.to_path_buf(),
                folder: folder.to_path_buf(),
            });
        }
    }
    SqliteStore::open(db).map_err(|source| AppError::OpenStore {
        path: db.to_path_buf(),
        source: Box::new(source),
    })
}

/// Opens an existing store for reading; a missing file is a user error, not an empty store.
pub fn open_existing(db: &Path) -> Result<SqliteStore, AppError> {
    if !db.exists() {
        return Err(AppError::NoStore {
            path: db.to_path_buf(),
        });
    }
    open_store(db)
}
