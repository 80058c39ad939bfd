//! The binary's view of the readers: one place that turns command-line paths (and the
//! bundled demo corpus) into documents.

use std::io::Cursor;

use anyhow::{bail, Result};
use recoupe_ingest::{read_inputs, read_reader, Documents, IngestOptions, InputFormat};
use recoupe_model::{Document, OriginKind};

pub use recoupe_ingest::IngestError as InputError;

/// The demo corpus, embedded so that `recoupe demo` works from any directory.
const DEMO_ARTICLES: &str = include_str!("../../../demo/articles.jsonl");

/// Lazily reads every input: files, directories, globs, `-` for stdin.
pub fn open(paths: &[String]) -> Documents {
    read_inputs(paths, &IngestOptions::default())
}

/// Total size of the inputs in bytes, for progress bars (0 when unknown, e.g. stdin).
pub fn total_bytes(paths: &[String]) -> u64 {
    recoupe_ingest::input_size(paths)
}

/// The bundled demo articles as documents, origin `demo`.
pub fn demo_documents() -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    let reader = read_reader(
        Cursor::new(DEMO_ARTICLES.as_bytes()),
        "demo/articles.jsonl",
        Some(InputFormat::Jsonl),
        &IngestOptions::default(),
    );
    for item in reader {
        match item {
            Ok(mut doc) => {
                doc.meta.origin.kind = OriginKind::Demo;
                docs.push(doc);
            }
            Err(err) => bail!("the bundled demo corpus is broken: {err}"),
        }
    }
    Ok(docs)
}
