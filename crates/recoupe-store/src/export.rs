//! Exports of a whole store, for any backend.

use std::io::Write;

use crate::{Store, StoreError};

/// Writes every document as one JSON object per line (the `recoupe extract` schema).
/// Returns the number of documents written.
pub fn export_jsonl(store: &dyn Store, writer: &mut dyn Write) -> Result<u64, StoreError> {
    let written = store.for_each_document(&mut |doc| {
        let failed = |reason: String| StoreError::Export {
            id: doc.id.to_string(),
            reason,
        };
        serde_json::to_writer(&mut *writer, &doc).map_err(|e| failed(e.to_string()))?;
        writer.write_all(b"\n").map_err(|e| failed(e.to_string()))
    })?;
    writer.flush().map_err(|e| StoreError::Export {
        id: "(end of export)".into(),
        reason: e.to_string(),
    })?;
    Ok(written)
}

/// Writes one CSV row per document: the [`crate::tables::DOCUMENTS`] table (metadata,
/// text length, one count per layer, empty when the layer was not produced, and the text).
/// Returns the number of documents written.
pub fn export_csv(store: &dyn Store, writer: &mut dyn Write) -> Result<u64, StoreError> {
    crate::tables::export_table_csv(store, &crate::tables::DOCUMENTS, writer)
}
