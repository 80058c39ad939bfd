//! Results of store queries. All are plain data, serialisable for `--json` output.

use chrono::NaiveDate;
use recoupe_model::{AttributionKind, EntityType};
use serde::Serialize;

/// One full-text search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// Relevance (negated BM25, title weighted above text): higher is better.
    pub score: f64,
    /// A passage around the matches, matched words between
    /// [`crate::SNIPPET_START`] and [`crate::SNIPPET_END`].
    pub snippet: String,
}

/// A value and how many documents (or rows) have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// `None` when the field is absent.
    pub value: Option<String>,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub documents: u64,
    /// Documents per language code, most frequent first.
    pub by_language: Vec<Tally>,
    /// Documents per outlet, most frequent first.
    pub by_outlet: Vec<Tally>,
    /// Distinct entity keys.
    pub entities: u64,
    pub mentions: u64,
    pub attributions: u64,
    pub dates: u64,
    pub quantities: u64,
    pub places: u64,
    pub oldest_published: Option<NaiveDate>,
    pub newest_published: Option<NaiveDate>,
    /// Bytes used by the database (for SQLite: pages of the main file, WAL excluded).
    pub db_size_bytes: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntitySummary {
    /// Cross-article entity key ("actors:press-tv", "geonames:170794").
    pub key: String,
    /// The label most of its mentions carry.
    pub label: EntityType,
    /// Its most frequent surface form.
    pub name: String,
    pub mentions: u64,
    pub documents: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alias {
    pub surface: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocRef {
    pub id: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
}

/// Another entity mentioned in the same documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoMention {
    pub key: String,
    pub name: String,
    pub label: EntityType,
    /// Number of documents mentioning both.
    pub documents: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceRef {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KbRef {
    pub kb: String,
    pub id: String,
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityDetail {
    pub key: String,
    pub label: EntityType,
    pub name: String,
    pub mentions: u64,
    /// Knowledge-base link carried by its mentions, if any.
    pub kb: Option<KbRef>,
    /// Every surface form, most frequent first.
    pub aliases: Vec<Alias>,
    /// Documents mentioning it, newest first.
    pub documents: Vec<DocRef>,
    /// Entities sharing documents with it, most shared first (at most 25).
    pub co_mentioned: Vec<CoMention>,
    /// Where it was geocoded (LOC entities), distinct.
    pub places: Vec<PlaceRef>,
    /// Other entity keys the same name matched, most mentioned first.
    pub other_matches: Vec<String>,
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub doc_id: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// The speaker as written in the text.
    pub speaker: Option<String>,
    pub speaker_key: Option<String>,
    pub content: String,
    pub kind: AttributionKind,
    pub channel: Option<String>,
    /// Entity keys of the outlets or intermediaries, nearest first.
    pub via: Vec<String>,
    pub hedged: bool,
}
