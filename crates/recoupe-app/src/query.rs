//! The queries behind `search`, `show`, `stats`, `export`, `entities`, `entity`, `claims`,
//! `merges`, `unmerge`, and of the cross-article layer: `stories`, `story`, `facts`,
//! `events`. Each takes a [`Store`] and returns plain, serialisable data; the
//! command line renders it as text or JSON, a server as pages or JSON.

use std::io::Write;

use recoupe_model::{DocId, Document, EntityType};
pub use recoupe_store::{
    Appearance, CopyOf, DocFact, EventFilter, EventRecord, EventRow, FactFilter, FactRow,
    RecordEntity, SharedPassage, StoryDetail, StoryFilter, StorySummary, StoryUpdate,
};
use recoupe_store::{
    Claim, ClusterReport, EntityDetail, EntityMerge, EntitySummary, SearchHit, Stats, Store,
};

use crate::AppError;

/// Full-text search, best first.
pub fn search(store: &dyn Store, query: &str, limit: usize) -> Result<Vec<SearchHit>, AppError> {
    Ok(store.search(query, limit)?)
}

/// One document by id, unique id prefix or the source's own id.
pub fn document(store: &dyn Store, reference: &str) -> Result<Option<Document>, AppError> {
    Ok(store.get(reference)?)
}

/// Every publication of the document `id` (outlet, URL, date, origin), oldest first.
pub fn appearances(store: &dyn Store, id: &DocId) -> Result<Vec<Appearance>, AppError> {
    Ok(store.appearances(id)?)
}

pub fn stats(store: &dyn Store) -> Result<Stats, AppError> {
    Ok(store.stats()?)
}

/// Export formats of [`export`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One JSON document per line (docs/schema.md).
    Jsonl,
    /// One row per document, columns [`recoupe_store::CSV_HEADER`].
    Csv,
}

/// Writes the whole store to `writer`; returns the number of lines (JSONL: one per
/// appearance) or rows (CSV: one per document) written.
pub fn export(
    store: &dyn Store,
    format: ExportFormat,
    writer: &mut dyn Write,
) -> Result<u64, AppError> {
    let written = match format {
        ExportFormat::Jsonl => recoupe_store::export_jsonl(store, writer)?,
        ExportFormat::Csv => recoupe_store::export_csv(store, writer)?,
    };
    writer.flush().map_err(AppError::Output)?;
    Ok(written)
}

/// The most mentioned entities, optionally of one type (`PER`, `ORG`, `LOC`, `MISC`).
pub fn entities(
    store: &dyn Store,
    label: Option<&str>,
    top: usize,
) -> Result<Vec<EntitySummary>, AppError> {
    let label = label.and_then(EntityType::parse);
    Ok(store.top_entities(label, top)?)
}

/// One entity by key or name.
pub fn entity(store: &dyn Store, name: &str) -> Result<Option<EntityDetail>, AppError> {
    Ok(store.entity(name)?)
}

/// What a speaker is reported to have said across the store.
pub fn claims(store: &dyn Store, speaker: &str) -> Result<Vec<Claim>, AppError> {
    Ok(store.claims_by_speaker(speaker)?)
}

/// The active cross-article entity merges, oldest first.
pub fn merges(store: &dyn Store) -> Result<Vec<EntityMerge>, AppError> {
    Ok(store.merges()?)
}

/// Runs the cross-article entity clustering pass.
pub fn recluster(store: &mut dyn Store) -> Result<ClusterReport, AppError> {
    Ok(store.cluster_entities()?)
}

/// Undoes the merge of `from_key`; `None` when it is not merged.
pub fn unmerge(store: &mut dyn Store, from_key: &str) -> Result<Option<EntityMerge>, AppError> {
    Ok(store.unmerge(from_key)?)
}

/// Stories, most articles first.
pub fn stories(store: &dyn Store, filter: &StoryFilter) -> Result<Vec<StorySummary>, AppError> {
    Ok(store.stories(filter)?)
}

/// One story by id, id prefix, or one of its articles.
pub fn story(store: &dyn Store, reference: &str) -> Result<Option<StoryDetail>, AppError> {
    Ok(store.story(reference)?)
}

/// The story of one document.
pub fn story_of(store: &dyn Store, doc: &DocId) -> Result<Option<StorySummary>, AppError> {
    Ok(store.story_of(doc)?)
}

/// Facts of stories, disagreeing first.
pub fn facts(store: &dyn Store, filter: &FactFilter) -> Result<Vec<FactRow>, AppError> {
    Ok(store.facts(filter)?)
}

/// Event records of stories, newest first.
pub fn events(store: &dyn Store, filter: &EventFilter) -> Result<Vec<EventRow>, AppError> {
    Ok(store.events(filter)?)
}

/// The articles a document shares copied passages with.
pub fn copies_of(store: &dyn Store, doc: &DocId) -> Result<Vec<CopyOf>, AppError> {
    Ok(store.copies_of(doc)?)
}

/// Adds to the cross-article layer the documents it does not hold yet.
pub fn update_stories(store: &mut dyn Store) -> Result<StoryUpdate, AppError> {
    Ok(store.update_stories()?)
}
