use std::path::PathBuf;

/// Errors of the store. Each names the database or document it concerns.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open database {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("database {path} was created by a newer recoupe (schema {found} > {supported}): upgrade recoupe")]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{path} is not a recoupe database ({reason})")]
    NotRecoupe { path: PathBuf, reason: String },
    #[error("database {path}: migration {version} ({name}) failed: {source}")]
    Migration {
        path: PathBuf,
        version: u32,
        name: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    #[error("database {path}: {operation}: {source}")]
    Sqlite {
        path: PathBuf,
        operation: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("database {path}: stored document {id} cannot be read back: {reason}")]
    CorruptDocument {
        path: PathBuf,
        id: String,
        reason: String,
    },
    #[error("cannot encode the layers of document {id}: {reason}")]
    Encode { id: String, reason: String },
    #[error("cannot serialise {id}: {source}")]
    Serialize {
        id: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("document reference `{reference}` is ambiguous: it matches {}", candidates.join(", "))]
    AmbiguousId {
        reference: String,
        candidates: Vec<String>,
    },
    #[error("database {path}: table {table} holds an unreadable row: {reason}")]
    CorruptRow {
        path: PathBuf,
        table: &'static str,
        reason: String,
    },
    #[error("export failed while writing document {id}: {reason}")]
    Export { id: String, reason: String },
    #[error("export of table {table} failed: {reason}")]
    ExportTable { table: &'static str, reason: String },
    #[error("no table named `{name}` (tables: {known})")]
    UnknownTable { name: String, known: String },
}
