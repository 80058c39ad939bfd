use std::path::PathBuf;

use recoupe_eval::EvalError;
use recoupe_ingest::IngestError;
use recoupe_model::StageError;
use recoupe_pipeline::PipelineError;
use recoupe_store::StoreError;

/// Errors of the commands. Each names the file, store, value or record it concerns; the
/// underlying error is its `source`, so `{:#}` (anyhow) prints the whole chain.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(
        "no store at {} — run `recoupe ingest PATH…` or `recoupe demo` first, or pass --db",
        path.display()
    )]
    NoStore { path: PathBuf },
    #[error(
        "cannot create the store {}: the folder {} does not exist — create it first \
         (`mkdir -p {}`) or pass another --db",
        path.display(), folder.display(), folder.display()
    )]
    NoStoreFolder { path: PathBuf, folder: PathBuf },
    #[error("opening the store {}", path.display())]
    OpenStore {
        path: PathBuf,
        #[source]
        source: Box<StoreError>,
    },
    #[error(transparent)]
    Store(Box<StoreError>),
    #[error("writing a batch to the store")]
    StoreWrite(#[source] Box<StoreError>),
    #[error("clustering entities across articles")]
    Cluster(#[source] Box<StoreError>),
    #[error("assembling the pipeline")]
    Pipeline(#[source] Box<PipelineError>),
    #[error("running the pipeline")]
    Stage(#[source] Box<StageError>),
    #[error("reading the bundled demo corpus: the bundled demo corpus is broken")]
    Demo(#[source] Box<IngestError>),
    #[error("loading the evaluation corpus {}", dir.display())]
    Corpus {
        dir: PathBuf,
        #[source]
        source: Box<EvalError>,
    },
    #[error("unknown layer `{name}` in --without (layers: {known})")]
    UnknownLayer { name: String, known: String },
    #[error("writing the output")]
    Output(#[source] std::io::Error),
    #[error("creating the directory {}", path.display())]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("writing the output")]
    OutputJson(#[source] serde_json::Error),
    #[error("the store writer thread panicked")]
    WriterPanicked,
    #[error("creating a temporary store for the evaluation")]
    TempStore {
        #[source]
        source: std::io::Error,
    },
    #[error("article `{id}` was ingested but is not in the store")]
    NotStored { id: String },
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        AppError::Store(Box::new(error))
    }
}

impl From<PipelineError> for AppError {
    fn from(error: PipelineError) -> Self {
        AppError::Pipeline(Box::new(error))
    }
}

impl From<StageError> for AppError {
    fn from(error: StageError) -> Self {
        AppError::Stage(Box::new(error))
    }
}
