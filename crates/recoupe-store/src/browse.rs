//! Queries behind the workbench (`recoupe serve`): faceted search, document listings,
//! mentions over time, places for the map. They read the same tables as [`crate::Store`]'s
//! queries and aggregate entities through the same merges.

use chrono::NaiveDate;
use serde::Serialize;

use crate::{StoreError, Tally};

/// Characters of a headline taken from a text's first line.
pub const HEADLINE_CHARS: usize = 160;

/// `title`, or the first non-empty line of `text` (cut at [`HEADLINE_CHARS`]).
pub fn headline(title: Option<&str>, text: &str) -> String {
    if let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) {
        return title.to_string();
    }
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if line.chars().count() <= HEADLINE_CHARS {
        return line.to_string();
    }
    let mut cut: String = line.chars().take(HEADLINE_CHARS).collect();
    cut.push('…');
    cut
}

/// What a faceted search asks for. Every filter is optional; with no `query`, the
/// documents that pass the filters are listed newest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchFilter {
    /// Words as for [`crate::Store::search`]; `None` or nothing searchable lists documents.
    pub query: Option<String>,
    /// Only documents published by this outlet.
    pub outlet: Option<String>,
    /// Only documents in this language (ISO 639-1).
    pub language: Option<String>,
    /// Only documents published on or after this day.
    pub from: Option<NaiveDate>,
    /// Only documents published on or before this day.
    pub to: Option<NaiveDate>,
    /// Only documents mentioning this entity (a key; every key merged into it counts).
    pub entity: Option<String>,
    /// Only documents where this place (a place's entity key) was geocoded.
    pub place: Option<String>,
    pub offset: usize,
    pub limit: usize,
}

/// One piece of a snippet: matched words have `hit` set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// One document of a faceted search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BrowseHit {
    pub id: String,
    pub title: Option<String>,
    /// The title, or the text's first line when there is none.
    pub headline: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub language: Option<String>,
    /// Relevance (negated BM25, title weighted above text), `None` without a query. Without
    /// filters it is the BM25 of the query's words, each phrase counted as its words.
    pub score: Option<f64>,
    /// A passage around the matches, or the opening of the text without a query.
    pub snippet: Vec<SnippetPart>,
}

/// An entity or place counted among search results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetEntity {
    pub key: String,
    pub name: String,
    pub label: String,
    /// Documents among those counted that mention it.
    pub documents: u64,
}

/// Counts of the documents matching a search, by field.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facets {
    /// Over the ranked candidates (every match when `ranked == total`), most frequent
    /// first.
    pub outlets: Vec<Tally>,
    pub languages: Vec<Tally>,
    /// Publication years, oldest first.
    pub years: Vec<Tally>,
    /// Entities (PER, ORG, MISC) of the best `sampled` documents, most frequent first.
    pub entities: Vec<FacetEntity>,
    /// Geocoded places of the best `sampled` documents, most frequent first.
    pub places: Vec<FacetEntity>,
    /// How many of the best documents the entity and place counts were taken from.
    pub sampled: u64,
}

/// A page of faceted search results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchPage {
    /// Documents matching the query and filters (at least this many when not
    /// `total_exact`).
    pub total: u64,
    pub total_exact: bool,
    /// Candidates ranked and counted in the facets: every match, or when there are more
    /// than a search reads, the most recently stored ones (with a query) or the newest.
    pub ranked: u64,
    pub offset: u64,
    pub hits: Vec<BrowseHit>,
    pub facets: Facets,
}

/// A place with how often the store mentions it, for the map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapPlace {
    /// The place's entity key (`geonames:…`, `country:…`), as in the search `place` filter.
    pub key: String,
    pub name: String,
    pub country: Option<String>,
    pub kind: String,
    pub lat: f64,
    pub lon: f64,
    /// Documents where it was geocoded.
    pub documents: u64,
}

/// Mentions of an entity in the documents published in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    pub mentions: u64,
    pub documents: u64,
}

/// The workbench's queries. Implemented by every store the server can open.
pub trait Browse: crate::Store {
    /// Documents matching a query and filters, a page of them and the facet counts.
    fn search_page(&self, filter: &SearchFilter) -> Result<SearchPage, StoreError>;

    /// Geocoded places with coordinates, most documents first, at most `limit`; only in
    /// documents published within `from`..=`to` when given.
    fn map_places(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        limit: usize,
    ) -> Result<Vec<MapPlace>, StoreError>;

    /// An entity by key or name, as [`crate::Store::entity`] finds it, with only its
    /// `documents` newest documents listed (`documents_total` counts them all): what a
    /// page shows, at a cost that does not grow with the entity's size.
    fn entity_page(
        &self,
        name_or_key: &str,
        documents: usize,
    ) -> Result<Option<crate::EntityDetail>, StoreError>;

    /// What the entity `key` (every key merged into it) is reported to have said, newest
    /// first, at most `limit` statements.
    fn claims_of_entity(&self, key: &str, limit: usize) -> Result<Vec<crate::Claim>, StoreError>;

    /// Mentions of an entity (every key merged into it) per month of publication, oldest
    /// first; documents without a date are left out.
    fn mentions_by_month(&self, key: &str) -> Result<Vec<MonthCount>, StoreError>;

    /// The keys of the entity `key` belongs to: its canonical key first, then every key
    /// merged into it.
    fn entity_keys(&self, key: &str) -> Result<Vec<String>, StoreError>;

    /// Ids of the documents mentioning an entity (every key merged into it), newest
    /// first, at most `limit`.
    fn documents_mentioning(&self, key: &str, limit: usize) -> Result<Vec<String>, StoreError>;

    /// Ids of the documents where a place (its entity key) was geocoded, newest first,
    /// at most `limit`.
    fn documents_at_place(&self, key: &str, limit: usize) -> Result<Vec<String>, StoreError>;

    /// The headline of each document in `ids` that exists: its title, or its text's first
    /// line when it has none.
    fn headlines(
        &self,
        ids: &[String],
    ) -> Result<std::collections::BTreeMap<String, String>, StoreError>;

    /// A number that changes whenever another connection commits to the store, so that
    /// a reader can tell whether what it computed before is still current.
    fn data_version(&self) -> Result<u64, StoreError>;
}
