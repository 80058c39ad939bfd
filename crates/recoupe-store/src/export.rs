//! Exports of a whole store, for any backend.

use std::collections::HashMap;
use std::io::Write;

use recoupe_events::EventRecord;
use recoupe_model::Document;
use serde::Serialize;

use crate::{CopyOf, DocFact, Store, StoreError};

/// One line of the JSONL export: the document with the metadata of one appearance, and
/// what the cross-article layer knows of it (docs/schema.md, "Export lines").
#[derive(Serialize)]
struct ExportLine<'a> {
    #[serde(flatten)]
    document: &'a Document,
    /// Id of the document's story.
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<&'a str>,
    /// The other articles it shares copied passages with.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    copies: &'a [CopyOf],
    /// Its figures that report a fact of its story.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    facts: &'a [DocFact],
    /// The event record of its story.
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<&'a EventRecord>,
}

/// Writes one JSON object per appearance (docs/schema.md): the document with the metadata
/// of that publication, so a text published by two outlets gives two lines with the same
/// `id`, each with the document's `story`, `copies`, `facts` and the story's `event`.
/// Returns the number of lines written.
pub fn export_jsonl(store: &dyn Store, writer: &mut dyn Write) -> Result<u64, StoreError> {
    let mut lines = 0;
    // Records of the stories met so far: the articles of one story share it.
    let mut events: HashMap<String, Option<EventRecord>> = HashMap::new();
    store.for_each_document(&mut |mut doc| {
        let failed = |id: &recoupe_model::DocId, reason: String| StoreError::Export {
            id: id.to_string(),
            reason,
        };
        let appearances = store.appearances(&doc.id)?;
        let story = store.story_of(&doc.id)?.map(|s| s.id);
        let copies = store.copies_of(&doc.id)?;
        let facts = store.facts_of(&doc.id)?;
        let event = match &story {
            Some(id) => {
                if !events.contains_key(id) {
                    events.insert(id.clone(), store.event_of_story(id)?);
                }
                events[id].as_ref()
            }
            None => None,
        };
        // Stored layers are read in the current schema.
        doc.schema_version = recoupe_model::SCHEMA_VERSION;
        let stored_meta = doc.meta.clone();
        for appearance in &appearances {
            doc.meta = appearance.metadata(&stored_meta);
            let line = ExportLine {
                document: &doc,
                story: story.as_deref(),
                copies: &copies,
                facts: &facts,
                event,
            };
            serde_json::to_writer(&mut *writer, &line)
                .map_err(|e| failed(&doc.id, e.to_string()))?;
            writer
                .write_all(b"\n")
                .map_err(|e| failed(&doc.id, e.to_string()))?;
            lines += 1;
        }
        Ok(())
    })?;
    writer.flush().map_err(|e| StoreError::Export {
        id: "(end of export)".into(),
        reason: e.to_string(),
    })?;
    Ok(lines)
}

/// Writes one CSV row per document: the [`crate::tables::DOCUMENTS`] table (metadata,
/// text length, one count per layer, empty when the layer was not produced, and the text).
/// Returns the number of documents written.
pub fn export_csv(store: &dyn Store, writer: &mut dyn Write) -> Result<u64, StoreError> {
    crate::tables::export_table_csv(store, &crate::tables::DOCUMENTS, writer)
}
