//! Results of store queries. All are plain data, serialisable for `--json` output.

use chrono::{DateTime, NaiveDate, Utc};
use recoupe_model::{AttributionKind, EntityType, Metadata, Origin, Published};
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
    /// Distinct texts (content-hash ids).
    pub documents: u64,
    /// Publications of those texts: a text published by two outlets counts twice.
    pub appearances: u64,
    /// Documents per language code, most frequent first.
    pub by_language: Vec<Tally>,
    /// Appearances per outlet, most frequent first.
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
    /// Documents mentioning it in all.
    pub documents_total: u64,
    /// Documents mentioning it, newest first (all of them, or the newest when the query
    /// asked for a page).
    pub documents: Vec<DocRef>,
    /// Entities sharing documents with it, most shared first (at most 25), counted in its
    /// 500 most recent documents.
    pub co_mentioned: Vec<CoMention>,
    /// Where it was geocoded (LOC entities), distinct.
    pub places: Vec<PlaceRef>,
    /// Other entity keys the same name matched, most mentioned first.
    pub other_matches: Vec<String>,
    /// The active merges that made this entity: keys merged into it (directly or through
    /// another merged key), with rule and evidence. Empty when it is one key.
    pub merged_from: Vec<EntityMerge>,
}

/// One cross-article merge: `from_key` is the same entity as `to_key`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityMerge {
    pub id: i64,
    pub from_key: String,
    /// Most frequent surface of `from_key`, when it still has mentions.
    pub from_name: Option<String>,
    pub to_key: String,
    pub to_name: Option<String>,
    /// `acronym`, `kb-surface` or `skeleton`.
    pub rule: String,
    /// What the rule saw: surfaces, documents, an explanation sentence.
    pub evidence: serde_json::Value,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// When it was undone (RFC 3339, UTC); `None` while active.
    pub undone_at: Option<String>,
}

/// A step of the clustering pass, for progress reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClusterStep {
    /// Reading the stored mentions (`done`/`total` in mentions).
    Reading,
    /// Acronym evidence, then acronym keys (`done`/`total` in documents, then keys).
    Acronyms,
    /// Unlinked names linked elsewhere (`done`/`total` in keys).
    KbSurfaces,
    /// Spellings with the same skeleton (`done`/`total` in keys).
    Skeletons,
    /// Writing the merges (`done`/`total` in merges).
    Writing,
}

impl ClusterStep {
    /// A few words for a progress bar.
    pub fn describe(self) -> &'static str {
        match self {
            ClusterStep::Reading => "reading mentions",
            ClusterStep::Acronyms => "acronyms",
            ClusterStep::KbSurfaces => "names linked elsewhere",
            ClusterStep::Skeletons => "spellings",
            ClusterStep::Writing => "writing merges",
        }
    }
}

/// Where a clustering pass stands: its step and how far into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ClusterProgress {
    pub step: ClusterStep,
    pub done: u64,
    pub total: u64,
}

/// What one clustering pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ClusterReport {
    /// Merges added by this pass.
    pub added: u64,
    /// Merges added per rule.
    pub by_rule: std::collections::BTreeMap<String, u64>,
    /// Keys left alone because several entities fitted equally.
    pub ambiguous: u64,
    /// Merges not made again because they were undone before.
    pub kept_undone: u64,
    /// Active merges after the pass.
    pub active: u64,
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

/// One publication of a stored text: where and when it appeared, and where it was read.
/// A text keeps its content-hash identity; the same text from two outlets is one document
/// with two appearances.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Appearance {
    pub external_id: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<Published>,
    pub cluster: Option<String>,
    pub ingested_at: DateTime<Utc>,
    pub origin: Origin,
}

impl Appearance {
    /// The document's metadata as this appearance gives it: its own publication fields,
    /// the document's language; a publication date the dates stage inferred from the text
    /// stands when the appearance gives none.
    pub fn metadata(&self, document: &Metadata) -> Metadata {
        Metadata {
            external_id: self.external_id.clone(),
            url: self.url.clone(),
            outlet: self.outlet.clone(),
            title: self.title.clone(),
            // An appearance whose date was inferred read it from the same text as the
            // document: the words it was read from are the document's.
            published: match (self.published, document.published) {
                (Some(own), Some(stored))
                    if own.source == stored.source && own.date == stored.date =>
                {
                    Some(stored)
                }
                (Some(own), _) => Some(own),
                (None, stored) => {
                    stored.filter(|p| p.source == recoupe_model::DateSource::Inferred)
                }
            },
            language: document.language.clone(),
            cluster: self.cluster.clone(),
            ingested_at: self.ingested_at,
            origin: self.origin.clone(),
        }
    }
}
