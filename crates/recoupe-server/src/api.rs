//! The JSON API under `/api/v1/`, and its OpenAPI document at `/api/openapi.json`,
//! generated from the handlers' annotations and the response types below.
//!
//! The response types are this crate's own: the HTTP contract is written down here, and
//! each is filled from what `recoupe-app` returns. A stored document is the exception: it
//! is the document JSON of docs/schema.md, as `recoupe show --json` prints it.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::NaiveDate;
use recoupe_app::browse::{self, TimelineSubject};
use recoupe_app::{query, SearchFilter};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use crate::error::{ApiError, ErrorBody};
use crate::params::{check_range, Params};
use crate::state::AppState;

type Shared = State<Arc<AppState>>;

// ------------------------------------------------------------------ parameters

/// Parameters of each endpoint. The OpenAPI document lists the same (a test checks it).
pub const SEARCH_PARAMS: &[&str] = &[
    "q", "outlet", "language", "from", "to", "entity", "place", "offset", "limit",
];
pub const DOCUMENTS_PARAMS: &[&str] = &["outlet", "language", "from", "to", "offset", "limit"];
pub const ENTITIES_PARAMS: &[&str] = &["type", "limit"];
pub const CLAIMS_PARAMS: &[&str] = &["speaker"];
pub const PLACES_PARAMS: &[&str] = &["from", "to", "limit"];
pub const TIMELINE_PARAMS: &[&str] = &["entity", "story"];
pub const INGEST_PARAMS: &[&str] = &["format"];
pub const STORIES_PARAMS: &[&str] = &["min_articles", "disagreeing", "sort", "limit"];
pub const FACTS_PARAMS: &[&str] = &["disagreeing", "story", "limit"];

/// Most results one request returns.
pub const MAX_LIMIT: usize = 200;
/// Furthest offset: deeper pages are better reached by narrowing the search.
pub const MAX_OFFSET: usize = 100_000;

/// The filter shared by search and the document list.
pub fn search_filter(params: &Params, with_query: bool) -> Result<SearchFilter, ApiError> {
    let from = params.date("from", false)?;
    let to = params.date("to", true)?;
    check_range(from, to)?;
    Ok(SearchFilter {
        query: if with_query { params.owned("q") } else { None },
        outlet: params.owned("outlet"),
        language: params.owned("language"),
        from,
        to,
        entity: params.owned("entity"),
        place: params.owned("place"),
        offset: params.number("offset", 0, MAX_OFFSET, 0)?,
        limit: params.number("limit", 1, MAX_LIMIT, 20)?,
    })
}

// ------------------------------------------------------------------ response types

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// Always `ok`.
    pub status: &'static str,
    pub documents: u64,
    /// Whether this server accepts ingest and merge undos.
    pub allow_ingest: bool,
    pub version: &'static str,
}

/// A value and how many documents have it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Count {
    /// `null` for documents without the field.
    pub value: Option<String>,
    pub count: u64,
}

impl From<&recoupe_app::Tally> for Count {
    fn from(t: &recoupe_app::Tally) -> Count {
        Count {
            value: t.value.clone(),
            count: t.count,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StoreStats {
    pub documents: u64,
    pub by_language: Vec<Count>,
    pub by_outlet: Vec<Count>,
    pub entities: u64,
    pub mentions: u64,
    pub attributions: u64,
    pub dates: u64,
    pub quantities: u64,
    pub places: u64,
    pub oldest_published: Option<NaiveDate>,
    pub newest_published: Option<NaiveDate>,
    pub db_size_bytes: u64,
}

impl From<recoupe_app::Stats> for StoreStats {
    fn from(s: recoupe_app::Stats) -> StoreStats {
        StoreStats {
            documents: s.documents,
            by_language: s.by_language.iter().map(Count::from).collect(),
            by_outlet: s.by_outlet.iter().map(Count::from).collect(),
            entities: s.entities,
            mentions: s.mentions,
            attributions: s.attributions,
            dates: s.dates,
            quantities: s.quantities,
            places: s.places,
            oldest_published: s.oldest_published,
            newest_published: s.newest_published,
            db_size_bytes: s.db_size_bytes,
        }
    }
}

/// A piece of a snippet; matched words have `hit` set.
#[derive(Debug, Serialize, ToSchema)]
pub struct Snippet {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Hit {
    pub id: String,
    pub title: Option<String>,
    /// The title, or the text's first line when there is none.
    pub headline: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub language: Option<String>,
    /// Relevance (higher is better); `null` without a query.
    pub score: Option<f64>,
    /// The passage around the matches, or the opening of the text without a query.
    pub snippet: Vec<Snippet>,
}

impl From<&recoupe_app::BrowseHit> for Hit {
    fn from(h: &recoupe_app::BrowseHit) -> Hit {
        Hit {
            id: h.id.clone(),
            title: h.title.clone(),
            headline: h.headline.clone(),
            outlet: h.outlet.clone(),
            published: h.published,
            language: h.language.clone(),
            score: h.score,
            snippet: h
                .snippet
                .iter()
                .map(|p| Snippet {
                    text: p.text.clone(),
                    hit: p.hit,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FacetEntry {
    /// The entity or place key, as taken by the `entity` and `place` filters.
    pub key: String,
    pub name: String,
    pub label: String,
    pub documents: u64,
}

impl From<&recoupe_store::FacetEntity> for FacetEntry {
    fn from(f: &recoupe_store::FacetEntity) -> FacetEntry {
        FacetEntry {
            key: f.key.clone(),
            name: f.name.clone(),
            label: f.label.clone(),
            documents: f.documents,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchFacets {
    /// Over the ranked matches.
    pub outlets: Vec<Count>,
    pub languages: Vec<Count>,
    /// Publication years, oldest first.
    pub years: Vec<Count>,
    /// Entities of the best `sampled` documents.
    pub entities: Vec<FacetEntry>,
    /// Geocoded places of the best `sampled` documents.
    pub places: Vec<FacetEntry>,
    pub sampled: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResults {
    /// Documents matching the query and filters; at least this many when not `total_exact`.
    pub total: u64,
    pub total_exact: bool,
    /// Matches ranked and counted in the facets: all of them, or when there are more than
    /// a search reads (500), the most recently stored.
    pub ranked: u64,
    pub offset: u64,
    pub hits: Vec<Hit>,
    pub facets: SearchFacets,
}

impl From<&recoupe_app::SearchPage> for SearchResults {
    fn from(p: &recoupe_app::SearchPage) -> SearchResults {
        let f = &p.facets;
        SearchResults {
            total: p.total,
            total_exact: p.total_exact,
            ranked: p.ranked,
            offset: p.offset,
            hits: p.hits.iter().map(Hit::from).collect(),
            facets: SearchFacets {
                outlets: f.outlets.iter().map(Count::from).collect(),
                languages: f.languages.iter().map(Count::from).collect(),
                years: f.years.iter().map(Count::from).collect(),
                entities: f.entities.iter().map(FacetEntry::from).collect(),
                places: f.places.iter().map(FacetEntry::from).collect(),
                sampled: f.sampled,
            },
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentList {
    pub total: u64,
    pub offset: u64,
    pub documents: Vec<Hit>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EntitySummary {
    /// Cross-article entity key ("actors:press-tv", "geonames:170794").
    pub key: String,
    /// PER, ORG, LOC or MISC.
    pub label: String,
    pub name: String,
    pub mentions: u64,
    pub documents: u64,
}

impl From<&recoupe_app::EntitySummary> for EntitySummary {
    fn from(e: &recoupe_app::EntitySummary) -> EntitySummary {
        EntitySummary {
            key: e.key.clone(),
            label: e.label.as_str().to_string(),
            name: e.name.clone(),
            mentions: e.mentions,
            documents: e.documents,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Alias {
    pub surface: String,
    pub count: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DocRef {
    pub id: String,
    pub title: Option<String>,
    /// The title, or the text's first line.
    pub headline: String,
    pub published: Option<NaiveDate>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CoMention {
    pub key: String,
    pub name: String,
    pub label: String,
    /// Documents mentioning both.
    pub documents: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct KbRef {
    pub kb: String,
    pub id: String,
    pub name: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Merge {
    pub id: i64,
    pub from_key: String,
    pub from_name: Option<String>,
    pub to_key: String,
    pub to_name: Option<String>,
    /// `acronym`, `kb-surface` or `skeleton`.
    pub rule: String,
    /// What the rule saw: surfaces, documents, an explanation.
    #[schema(value_type = Object)]
    pub evidence: serde_json::Value,
    pub created_at: String,
    pub undone_at: Option<String>,
}

impl From<&recoupe_app::EntityMerge> for Merge {
    fn from(m: &recoupe_app::EntityMerge) -> Merge {
        Merge {
            id: m.id,
            from_key: m.from_key.clone(),
            from_name: m.from_name.clone(),
            to_key: m.to_key.clone(),
            to_name: m.to_name.clone(),
            rule: m.rule.clone(),
            evidence: m.evidence.clone(),
            created_at: m.created_at.clone(),
            undone_at: m.undone_at.clone(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Claim {
    pub doc_id: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub speaker: Option<String>,
    pub speaker_key: Option<String>,
    pub content: String,
    /// `direct`, `indirect`, `mixed` or `according_to`.
    pub kind: String,
    pub channel: Option<String>,
    /// Entity keys of the outlets or intermediaries, nearest first.
    pub via: Vec<String>,
    pub hedged: bool,
}

fn kind_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

impl From<&recoupe_app::Claim> for Claim {
    fn from(c: &recoupe_app::Claim) -> Claim {
        Claim {
            doc_id: c.doc_id.clone(),
            title: c.title.clone(),
            published: c.published,
            speaker: c.speaker.clone(),
            speaker_key: c.speaker_key.clone(),
            content: c.content.clone(),
            kind: kind_name(&c.kind),
            channel: c.channel.clone(),
            via: c.via.clone(),
            hedged: c.hedged,
        }
    }
}

/// A byte span `[start, end)` of a document's text.
#[derive(Debug, Serialize, ToSchema)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
}

impl From<recoupe_model::Span> for TextSpan {
    fn from(s: recoupe_model::Span) -> TextSpan {
        TextSpan {
            start: s.start,
            end: s.end,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Statement {
    pub doc_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub speaker: Option<String>,
    pub speaker_key: Option<String>,
    pub content: String,
    pub span: TextSpan,
    pub kind: String,
    pub via: Vec<String>,
    pub hedged: bool,
}

impl From<&browse::StatementRef> for Statement {
    fn from(s: &browse::StatementRef) -> Statement {
        Statement {
            doc_id: s.doc_id.clone(),
            title: s.title.clone(),
            outlet: s.outlet.clone(),
            published: s.published,
            speaker: s.speaker.clone(),
            speaker_key: s.speaker_key.clone(),
            content: s.content.clone(),
            span: s.span.into(),
            kind: kind_name(&s.kind),
            via: s.via.clone(),
            hedged: s.hedged,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MonthMentions {
    /// `YYYY-MM`.
    pub month: String,
    pub mentions: u64,
    pub documents: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Place {
    /// The place's key, as taken by the search `place` filter.
    pub key: String,
    pub name: String,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub documents: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MapPlace {
    pub key: String,
    pub name: String,
    pub country: Option<String>,
    /// `country`, `admin`, `city`, `river`, `area` or `other`.
    pub kind: String,
    pub lat: f64,
    pub lon: f64,
    pub documents: u64,
}

impl From<&recoupe_app::MapPlace> for MapPlace {
    fn from(p: &recoupe_app::MapPlace) -> MapPlace {
        MapPlace {
            key: p.key.clone(),
            name: p.name.clone(),
            country: p.country.clone(),
            kind: p.kind.clone(),
            lat: p.lat,
            lon: p.lon,
            documents: p.documents,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EntityProfile {
    pub key: String,
    pub label: String,
    pub name: String,
    pub mentions: u64,
    pub kb: Option<KbRef>,
    pub aliases: Vec<Alias>,
    /// Documents mentioning it.
    pub documents_total: u64,
    /// The newest 100 of them, newest first.
    pub documents: Vec<DocRef>,
    pub co_mentioned: Vec<CoMention>,
    /// Where it was geocoded (places).
    pub places: Vec<Place>,
    pub other_matches: Vec<String>,
    /// Active merges that made it, with rule and evidence.
    pub merged_from: Vec<Merge>,
    /// Its canonical key first, then the keys merged into it.
    pub keys: Vec<String>,
    pub by_month: Vec<MonthMentions>,
    /// What it is reported to have said.
    pub said: Vec<Claim>,
    /// Statements of others naming it.
    pub said_of: Vec<Statement>,
    /// Its place, or the places of its documents.
    pub located: Vec<Place>,
    /// Documents read for `said_of` and `located` (the most recent mentioning it).
    pub documents_read: usize,
}

impl From<&browse::EntityProfile> for EntityProfile {
    fn from(p: &browse::EntityProfile) -> EntityProfile {
        let d = &p.detail;
        EntityProfile {
            key: d.key.clone(),
            label: d.label.as_str().to_string(),
            name: d.name.clone(),
            mentions: d.mentions,
            kb: d.kb.as_ref().map(|k| KbRef {
                kb: k.kb.clone(),
                id: k.id.clone(),
                name: k.name.clone(),
            }),
            aliases: d
                .aliases
                .iter()
                .map(|a| Alias {
                    surface: a.surface.clone(),
                    count: a.count,
                })
                .collect(),
            documents_total: d.documents_total,
            documents: d
                .documents
                .iter()
                .map(|r| DocRef {
                    id: r.id.clone(),
                    title: r.title.clone(),
                    headline: p.headlines.get(&r.id).cloned().unwrap_or_default(),
                    published: r.published,
                })
                .collect(),
            co_mentioned: d
                .co_mentioned
                .iter()
                .map(|c| CoMention {
                    key: c.key.clone(),
                    name: c.name.clone(),
                    label: c.label.as_str().to_string(),
                    documents: c.documents,
                })
                .collect(),
            places: d
                .places
                .iter()
                .filter_map(|pl| {
                    Some(Place {
                        key: d.key.clone(),
                        name: pl.name.clone(),
                        country: pl.country.clone(),
                        lat: pl.lat?,
                        lon: pl.lon?,
                        documents: 0,
                    })
                })
                .collect(),
            other_matches: d.other_matches.clone(),
            merged_from: d.merged_from.iter().map(Merge::from).collect(),
            keys: p.keys.clone(),
            by_month: p
                .by_month
                .iter()
                .map(|m| MonthMentions {
                    month: m.month.clone(),
                    mentions: m.mentions,
                    documents: m.documents,
                })
                .collect(),
            said: p.said.iter().map(Claim::from).collect(),
            said_of: p.said_of.iter().map(Statement::from).collect(),
            located: p
                .located
                .iter()
                .map(|pl| Place {
                    key: pl.key.clone(),
                    name: pl.name.clone(),
                    country: pl.country.clone(),
                    lat: pl.lat,
                    lon: pl.lon,
                    documents: pl.documents,
                })
                .collect(),
            documents_read: p.documents_read,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineItem {
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `start/end`.
    pub date: String,
    /// `text` (a date written in the statement or sentence) or `published`.
    pub date_from: String,
    /// `statement_by`, `statement_about`, `figure`, or in a story's timeline `statement`.
    pub kind: String,
    pub text: String,
    pub span: TextSpan,
    pub speaker: Option<String>,
    pub hedged: bool,
    pub figure: Option<String>,
    pub unit: Option<String>,
    pub doc_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Timeline {
    /// `entity` or `story`: what `key` names.
    pub subject: String,
    pub key: String,
    pub name: String,
    pub items: Vec<TimelineItem>,
    /// Items left out for having no date at all.
    pub undated: usize,
    pub documents_read: usize,
}

impl From<&browse::Timeline> for Timeline {
    fn from(t: &browse::Timeline) -> Timeline {
        Timeline {
            subject: kind_name(&t.subject),
            key: t.key.clone(),
            name: t.name.clone(),
            items: t
                .items
                .iter()
                .map(|i| TimelineItem {
                    date: i.date.clone(),
                    date_from: kind_name(&i.date_from),
                    kind: kind_name(&i.kind),
                    text: i.text.clone(),
                    span: i.span.into(),
                    speaker: i.speaker.clone(),
                    hedged: i.hedged,
                    figure: i.figure.clone(),
                    unit: i.unit.clone(),
                    doc_id: i.doc_id.clone(),
                    title: i.title.clone(),
                    outlet: i.outlet.clone(),
                })
                .collect(),
            undated: t.undated,
            documents_read: t.documents_read,
        }
    }
}

// ------------------------------------------------------------------ stories

/// A story as listed.
#[derive(Debug, Serialize, ToSchema)]
pub struct StoryItem {
    /// The smallest content-hash id of its articles (a unique prefix is enough).
    pub id: String,
    pub title: String,
    /// Earliest and latest event date of its articles.
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Distinct texts.
    pub articles: u64,
    /// Publications of those texts (a text from two outlets counts twice).
    pub appearances: u64,
    pub outlets: Vec<String>,
    /// Articles once copies are collapsed: a group of articles sharing copied text is one.
    pub independent_sources: u64,
    /// Pairs of reports of one fact whose values cannot both hold.
    pub disagreements: u64,
    /// Everything it says comes from one source (one article or one group of copies).
    pub single_source: bool,
    pub disagreeing: bool,
    /// PLOVER type of its event record, when it has one.
    pub event_type: Option<String>,
}

impl From<&recoupe_app::query::StorySummary> for StoryItem {
    fn from(s: &recoupe_app::query::StorySummary) -> StoryItem {
        StoryItem {
            id: s.id.clone(),
            title: s.title.clone(),
            first_date: s.first_date,
            last_date: s.last_date,
            articles: s.articles,
            appearances: s.appearances,
            outlets: s.outlets.clone(),
            independent_sources: s.independent_sources,
            disagreements: s.disagreements,
            single_source: s.single_source,
            disagreeing: s.disagreeing,
            event_type: s.event_type.clone(),
        }
    }
}

/// One publication of an article.
#[derive(Debug, Serialize, ToSchema)]
pub struct Publication {
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
}

/// An article of a story.
#[derive(Debug, Serialize, ToSchema)]
pub struct StoryArticle {
    pub id: String,
    /// Its source id, as the corpus calls it.
    pub label: String,
    pub title: Option<String>,
    /// The title, or the text's first line when there is none.
    pub headline: String,
    /// Outlet and date of its first publication.
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// Every publication, oldest first.
    pub appearances: Vec<Publication>,
    /// Index in `copy_groups` of the group it belongs to, when it copies or is copied.
    pub copy_group: Option<usize>,
}

/// Two articles sharing copied passages.
#[derive(Debug, Serialize, ToSchema)]
pub struct CopyLink {
    pub a: String,
    pub b: String,
    pub passages: usize,
    pub words: usize,
    /// Share of each text's words inside the passages.
    pub share_a: f64,
    pub share_b: f64,
    /// The earlier-published of the two, when the dates tell.
    pub origin: Option<String>,
}

/// Articles that copy one another: one source, not several.
#[derive(Debug, Serialize, ToSchema)]
pub struct CopyGroup {
    pub articles: Vec<String>,
    pub links: Vec<CopyLink>,
}

/// What the layer counted as one source.
#[derive(Debug, Serialize, ToSchema)]
pub struct FactSource {
    /// The claimant's name, or `article LABEL` for an unsourced report.
    pub name: String,
    /// For an unsourced report: the article standing for its group of copies.
    pub article: Option<String>,
}

/// One value of a fact and who reports it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FactValue {
    /// The value as shown: `more than 12`, `10–15`.
    pub shown: String,
    pub low: f64,
    pub high: f64,
    /// `exact`, `more_than`, `less_than`, `about` or `range`.
    pub qualifier: String,
    pub sources: Vec<FactSource>,
    /// Copies and relays of one claim count once.
    pub independent_sources: usize,
    pub outlets: Vec<String>,
    pub articles: Vec<String>,
    /// A report of this value disagrees with a report of another.
    pub disagrees: bool,
    /// The values it disagrees with, as shown.
    pub disagrees_with: Vec<String>,
}

/// A figure an article gives as an earlier or superseded one.
#[derive(Debug, Serialize, ToSchema)]
pub struct EarlierFigure {
    pub shown: String,
    pub article: String,
    pub label: String,
}

/// A fact: value → sources → outlets.
#[derive(Debug, Serialize, ToSchema)]
pub struct FactTable {
    /// `category` or `category@part`.
    pub key: String,
    pub name: String,
    pub category: String,
    pub part_name: Option<String>,
    pub articles: usize,
    pub disagreements: usize,
    pub values: Vec<FactValue>,
    pub earlier: Vec<EarlierFigure>,
}

impl From<&recoupe_app::story::FactTable> for FactTable {
    fn from(t: &recoupe_app::story::FactTable) -> FactTable {
        FactTable {
            key: t.key.clone(),
            name: t.name.clone(),
            category: t.category.clone(),
            part_name: t.part_name.clone(),
            articles: t.articles,
            disagreements: t.disagreements,
            values: t
                .values
                .iter()
                .map(|v| {
                    let (low, high) = match v.value {
                        recoupe_model::QuantityValue::Single(x) => (x, x),
                        recoupe_model::QuantityValue::Range([a, b]) => (a, b),
                    };
                    FactValue {
                        shown: v.shown.clone(),
                        low,
                        high,
                        qualifier: kind_name(&v.qualifier),
                        sources: v
                            .sources
                            .iter()
                            .map(|s| FactSource {
                                name: s.text.clone(),
                                article: s.article.clone(),
                            })
                            .collect(),
                        independent_sources: v.independent_sources,
                        outlets: v.outlets.clone(),
                        articles: v.articles.clone(),
                        disagrees: v.disagrees,
                        disagrees_with: v.disagrees_with.clone(),
                    }
                })
                .collect(),
            earlier: t
                .earlier
                .iter()
                .map(|e| EarlierFigure {
                    shown: e.shown.clone(),
                    article: e.article.clone(),
                    label: e.label.clone(),
                })
                .collect(),
        }
    }
}

/// A statement of a speaker in one article of the story.
#[derive(Debug, Serialize, ToSchema)]
pub struct SpeakerStatement {
    pub article: String,
    pub label: String,
    pub span: TextSpan,
    pub content: String,
}

/// A speaker of the story and what the articles report it said.
#[derive(Debug, Serialize, ToSchema)]
pub struct StorySpeaker {
    /// Cross-article key.
    pub key: String,
    pub name: String,
    pub names: Vec<String>,
    /// Outlets relaying it.
    pub outlets: Vec<String>,
    /// Statements in all; `statements` holds the first 20.
    pub total: usize,
    pub statements: Vec<SpeakerStatement>,
}

/// One line of the event record.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventLine {
    pub label: String,
    pub value: String,
    pub details: Vec<String>,
}

/// The event record of a story, as stored and as read.
#[derive(Debug, Serialize, ToSchema)]
pub struct StoryEvent {
    /// PLOVER type and modes.
    pub kind: String,
    pub mentions: usize,
    pub articles: usize,
    pub lines: Vec<EventLine>,
    /// The record itself (recoupe-events' EventRecord, as `recoupe story --json` prints it).
    #[schema(value_type = Object)]
    pub record: serde_json::Value,
}

/// A story with its event record, articles, copy groups, facts and speakers.
#[derive(Debug, Serialize, ToSchema)]
pub struct StoryDetail {
    pub story: StoryItem,
    pub event: Option<StoryEvent>,
    pub articles: Vec<StoryArticle>,
    pub copy_groups: Vec<CopyGroup>,
    pub facts: Vec<FactTable>,
    pub speakers: Vec<StorySpeaker>,
}

impl From<&recoupe_app::story::StoryView> for StoryDetail {
    fn from(v: &recoupe_app::story::StoryView) -> StoryDetail {
        let d = &v.detail;
        let group_of = |id: &str| {
            v.copy_groups
                .iter()
                .position(|g| g.articles.iter().any(|a| a == id))
        };
        StoryDetail {
            story: (&d.summary).into(),
            event: d
                .event
                .as_ref()
                .zip(v.event.as_ref())
                .map(|(record, view)| StoryEvent {
                    kind: view.kind.clone(),
                    mentions: view.mentions,
                    articles: view.articles,
                    lines: view
                        .fields
                        .iter()
                        .map(|f| EventLine {
                            label: f.label.to_string(),
                            value: f.value.clone(),
                            details: f.details.clone(),
                        })
                        .collect(),
                    record: serde_json::to_value(record).unwrap_or_default(),
                }),
            articles: d
                .members
                .iter()
                .map(|m| {
                    let first = m.appearances.first();
                    StoryArticle {
                        id: m.id.clone(),
                        label: v.labels.get(&m.id).cloned().unwrap_or_default(),
                        title: m.title.clone(),
                        headline: v.headlines.get(&m.id).cloned().unwrap_or_default(),
                        outlet: first.and_then(|a| a.outlet.clone()),
                        published: first.and_then(|a| a.published).map(|p| p.date),
                        appearances: m
                            .appearances
                            .iter()
                            .map(|a| Publication {
                                outlet: a.outlet.clone(),
                                published: a.published.map(|p| p.date),
                                url: a.url.clone(),
                            })
                            .collect(),
                        copy_group: group_of(&m.id),
                    }
                })
                .collect(),
            copy_groups: v
                .copy_groups
                .iter()
                .map(|g| CopyGroup {
                    articles: g.articles.clone(),
                    links: g
                        .links
                        .iter()
                        .map(|l| CopyLink {
                            a: l.a.clone(),
                            b: l.b.clone(),
                            passages: l.passages,
                            words: l.words,
                            share_a: l.share_a,
                            share_b: l.share_b,
                            origin: l.origin.clone(),
                        })
                        .collect(),
                })
                .collect(),
            facts: v.facts.iter().map(FactTable::from).collect(),
            speakers: v
                .speakers
                .iter()
                .map(|sp| StorySpeaker {
                    key: sp.key.clone(),
                    name: sp.name.clone(),
                    names: sp.names.clone(),
                    outlets: sp.outlets.clone(),
                    total: sp.total,
                    statements: sp
                        .statements
                        .iter()
                        .map(|st| SpeakerStatement {
                            article: st.article.clone(),
                            label: st.label.clone(),
                            span: st.span.into(),
                            content: st.content.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// A fact of a story, as the fact list gives it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FactItem {
    /// `<story id>/<fact key>`.
    pub id: String,
    pub story: String,
    pub story_title: String,
    pub fact: FactTable,
}

/// The story filter of the list endpoint and page.
pub fn story_filter(params: &Params) -> Result<recoupe_app::query::StoryFilter, ApiError> {
    use recoupe_app::query::StoryOrder;
    let order = match params
        .choice("sort", &["independent", "articles"])?
        .as_deref()
    {
        Some("articles") => StoryOrder::Articles,
        _ => StoryOrder::IndependentSources,
    };
    Ok(recoupe_app::query::StoryFilter {
        min_articles: params.number("min_articles", 1, 100_000, 1)?,
        disagreeing: params.flag("disagreeing", false)?,
        limit: params.number("limit", 1, MAX_LIMIT, 50)?,
        order,
    })
}

// ------------------------------------------------------------------ handlers

pub fn read_routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/v1/health", get(health))
        .route("/api/v1/stats", get(stats))
        .route("/api/v1/search", get(search))
        .route("/api/v1/documents", get(documents))
        .route("/api/v1/documents/{id}", get(document))
        .route("/api/v1/entities", get(entities))
        .route("/api/v1/entities/{key}", get(entity))
        .route("/api/v1/claims", get(claims))
        .route("/api/v1/places", get(places))
        .route("/api/v1/timeline", get(timeline))
        .route("/api/v1/merges", get(merges))
        .route("/api/v1/stories", get(stories))
        .route("/api/v1/stories/{id}", get(story))
        .route("/api/v1/facts", get(facts))
}

pub fn write_routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/api/v1/documents", post(ingest))
        .route("/api/v1/merges/{from_key}/undo", post(undo_merge))
}

/// `Path` whose failures are API errors naming the parameter.
fn path_value(
    value: Result<Path<String>, axum::extract::rejection::PathRejection>,
    name: &str,
) -> Result<String, ApiError> {
    let Path(value) = value.map_err(|e| ApiError::bad_parameter(name, e.body_text()))?;
    let value = value.trim().to_string();
    if value.is_empty() {
        return Err(ApiError::bad_parameter(name, "empty"));
    }
    if value.chars().count() > crate::params::MAX_VALUE_CHARS {
        return Err(ApiError::bad_parameter(name, "too long"));
    }
    Ok(value)
}

#[utoipa::path(get, path = "/api/openapi.json", tag = "meta",
    responses((status = 200, description = "This document")))]
async fn openapi() -> Response {
    Json(ApiDoc::openapi()).into_response()
}

#[utoipa::path(get, path = "/api/v1/health", tag = "meta",
    responses((status = 200, body = Health)))]
async fn health(State(state): Shared, RawQuery(raw): RawQuery) -> Result<Json<Health>, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let allow_ingest = state.allow_ingest;
    let documents = state
        .pool
        .run(|store| Ok(recoupe_app::Store::count(store)?))
        .await?;
    Ok(Json(Health {
        status: "ok",
        documents,
        allow_ingest,
        version: env!("CARGO_PKG_VERSION"),
    }))
}

#[utoipa::path(get, path = "/api/v1/stats", tag = "store",
    responses((status = 200, body = StoreStats), (status = 400, body = ErrorBody)))]
async fn stats(
    State(state): Shared,
    RawQuery(raw): RawQuery,
) -> Result<Json<StoreStats>, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let stats = state.pool.run(|store| Ok(query::stats(store)?)).await?;
    Ok(Json(stats.into()))
}

#[utoipa::path(get, path = "/api/v1/search", tag = "documents",
    params(
        ("q" = Option<String>, Query, description = "Words (all must match), \"quoted phrases\", prefix*; accents and case ignored. Without it, documents are listed newest first."),
        ("outlet" = Option<String>, Query, description = "Only this outlet"),
        ("language" = Option<String>, Query, description = "Only this language (ISO 639-1)"),
        ("from" = Option<String>, Query, description = "Published on or after: YYYY-MM-DD, YYYY-MM or YYYY"),
        ("to" = Option<String>, Query, description = "Published on or before: YYYY-MM-DD, YYYY-MM (its last day) or YYYY"),
        ("entity" = Option<String>, Query, description = "Only documents mentioning this entity key"),
        ("place" = Option<String>, Query, description = "Only documents where this place key was geocoded"),
        ("offset" = Option<usize>, Query, description = "Results to skip (0 to 100000)"),
        ("limit" = Option<usize>, Query, description = "Results to return (1 to 200, default 20)"),
    ),
    responses((status = 200, body = SearchResults), (status = 400, body = ErrorBody)))]
async fn search(
    State(state): Shared,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResults>, ApiError> {
    let params = Params::parse(raw.as_deref(), SEARCH_PARAMS)?;
    let filter = search_filter(&params, true)?;
    let page = state
        .pool
        .run(move |store| Ok(browse::search_page(store, &filter)?))
        .await?;
    Ok(Json((&page).into()))
}

#[utoipa::path(get, path = "/api/v1/documents", tag = "documents",
    params(
        ("outlet" = Option<String>, Query, description = "Only this outlet"),
        ("language" = Option<String>, Query, description = "Only this language (ISO 639-1)"),
        ("from" = Option<String>, Query, description = "Published on or after: YYYY-MM-DD, YYYY-MM or YYYY"),
        ("to" = Option<String>, Query, description = "Published on or before"),
        ("offset" = Option<usize>, Query, description = "Documents to skip (0 to 100000)"),
        ("limit" = Option<usize>, Query, description = "Documents to return (1 to 200, default 20)"),
    ),
    responses((status = 200, body = DocumentList), (status = 400, body = ErrorBody)))]
async fn documents(
    State(state): Shared,
    RawQuery(raw): RawQuery,
) -> Result<Json<DocumentList>, ApiError> {
    let params = Params::parse(raw.as_deref(), DOCUMENTS_PARAMS)?;
    let filter = search_filter(&params, false)?;
    let page = state
        .pool
        .run(move |store| Ok(browse::search_page(store, &filter)?))
        .await?;
    Ok(Json(DocumentList {
        total: page.total,
        offset: page.offset,
        documents: page.hits.iter().map(Hit::from).collect(),
    }))
}

#[utoipa::path(get, path = "/api/v1/documents/{id}", tag = "documents",
    params(("id" = String, Path, description = "Document id, unique id prefix, or the source's own id")),
    responses(
        (status = 200, description = "The stored document: the document JSON of docs/schema.md (text, metadata, every layer)", body = Object),
        (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn document(
    State(state): Shared,
    id: Result<Path<String>, axum::extract::rejection::PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let id = path_value(id, "id")?;
    let wanted = id.clone();
    let doc = state
        .pool
        .run(move |store| Ok(query::document(store, &wanted)?))
        .await?
        .ok_or_else(|| {
            ApiError::not_found("id", format!("no document `{}`", crate::params::clip(&id)))
        })?;
    Ok(Json(doc).into_response())
}

#[utoipa::path(get, path = "/api/v1/entities", tag = "entities",
    params(
        ("type" = Option<String>, Query, description = "PER, ORG, LOC or MISC"),
        ("limit" = Option<usize>, Query, description = "Entities to return (1 to 200, default 50)"),
    ),
    responses((status = 200, body = Vec<EntitySummary>), (status = 400, body = ErrorBody)))]
async fn entities(
    State(state): Shared,
    RawQuery(raw): RawQuery,
) -> Result<Json<Vec<EntitySummary>>, ApiError> {
    let params = Params::parse(raw.as_deref(), ENTITIES_PARAMS)?;
    let label = params.choice("type", &["PER", "ORG", "LOC", "MISC"])?;
    let limit = params.number("limit", 1, MAX_LIMIT, 50)?;
    let list = state
        .pool
        .run(move |store| Ok(query::entities(store, label.as_deref(), limit)?))
        .await?;
    Ok(Json(list.iter().map(EntitySummary::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/entities/{key}", tag = "entities",
    params(("key" = String, Path, description = "Entity key (\"actors:press-tv\") or any of its names")),
    responses((status = 200, body = EntityProfile), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn entity(
    State(state): Shared,
    key: Result<Path<String>, axum::extract::rejection::PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Json<EntityProfile>, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let key = path_value(key, "key")?;
    let wanted = key.clone();
    let profile = state
        .pool
        .run(move |store| Ok(browse::entity_profile(store, &wanted)?))
        .await?
        .ok_or_else(|| {
            ApiError::not_found("key", format!("no entity `{}`", crate::params::clip(&key)))
        })?;
    Ok(Json((&profile).into()))
}

#[utoipa::path(get, path = "/api/v1/claims", tag = "entities",
    params(("speaker" = String, Query, description = "Entity key, a name, or words of the speaker as written")),
    responses((status = 200, body = Vec<Claim>), (status = 400, body = ErrorBody)))]
async fn claims(
    State(state): Shared,
    RawQuery(raw): RawQuery,
) -> Result<Json<Vec<Claim>>, ApiError> {
    let params = Params::parse(raw.as_deref(), CLAIMS_PARAMS)?;
    let speaker = params
        .owned("speaker")
        .ok_or_else(|| ApiError::bad_parameter("speaker", "required"))?;
    let list = state
        .pool
        .run(move |store| Ok(query::claims(store, &speaker)?))
        .await?;
    Ok(Json(list.iter().map(Claim::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/places", tag = "places",
    params(
        ("from" = Option<String>, Query, description = "Only documents published on or after"),
        ("to" = Option<String>, Query, description = "Only documents published on or before"),
        ("limit" = Option<usize>, Query, description = "Places to return (1 to 2000, default 500)"),
    ),
    responses((status = 200, body = Vec<MapPlace>), (status = 400, body = ErrorBody)))]
async fn places(
    State(state): Shared,
    RawQuery(raw): RawQuery,
) -> Result<Json<Vec<MapPlace>>, ApiError> {
    let params = Params::parse(raw.as_deref(), PLACES_PARAMS)?;
    let from = params.date("from", false)?;
    let to = params.date("to", true)?;
    check_range(from, to)?;
    let limit = params.number("limit", 1, 2000, 500)?;
    let list = state
        .pool
        .run(move |store| Ok(browse::map_places(store, from, to, limit)?))
        .await?;
    Ok(Json(list.iter().map(MapPlace::from).collect()))
}

/// The subject of a timeline request: exactly one of `entity` and `story`; shared by the
/// API and the page so both answer the same mistakes the same way.
pub(crate) fn timeline_subject(
    params: &Params,
) -> Result<(TimelineSubject, &'static str, String), ApiError> {
    match (params.owned("entity"), params.owned("story")) {
        (Some(entity), None) => Ok((TimelineSubject::Entity(entity.clone()), "entity", entity)),
        (None, Some(story)) => Ok((TimelineSubject::Story(story.clone()), "story", story)),
        (Some(_), Some(_)) => Err(ApiError::bad_parameter(
            "story",
            "give either entity or story, not both",
        )),
        (None, None) => Err(ApiError::bad_parameter(
            "entity",
            "required (or story: a story id)",
        )),
    }
}

/// Why a timeline subject was not found, naming the parameter it came from.
pub(crate) fn timeline_not_found(parameter: &str, value: &str) -> ApiError {
    ApiError::not_found(
        parameter,
        format!("no {parameter} `{}`", crate::params::clip(value)),
    )
}

#[utoipa::path(get, path = "/api/v1/timeline", tag = "entities",
    params(("entity" = Option<String>, Query, description = "Entity or place: key or name (this or `story`)"),
        ("story" = Option<String>, Query, description = "Story id or unique prefix: every dated statement and figure of its articles (this or `entity`)")),
    responses((status = 200, body = Timeline), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn timeline(
    State(state): Shared,
    RawQuery(raw): RawQuery,
) -> Result<Json<Timeline>, ApiError> {
    let params = Params::parse(raw.as_deref(), TIMELINE_PARAMS)?;
    let (subject, parameter, value) = timeline_subject(&params)?;
    let timeline = state
        .pool
        .run(move |store| Ok(browse::timeline(store, &subject)?))
        .await?
        .ok_or_else(|| timeline_not_found(parameter, &value))?;
    Ok(Json((&timeline).into()))
}

#[utoipa::path(get, path = "/api/v1/merges", tag = "entities",
    responses((status = 200, body = Vec<Merge>), (status = 400, body = ErrorBody)))]
async fn merges(
    State(state): Shared,
    RawQuery(raw): RawQuery,
) -> Result<Json<Vec<Merge>>, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let list = state.pool.run(|store| Ok(query::merges(store)?)).await?;
    Ok(Json(list.iter().map(Merge::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/stories", tag = "stories",
    params(
        ("min_articles" = Option<usize>, Query, description = "Only stories of at least this many articles (default 1)"),
        ("disagreeing" = Option<bool>, Query, description = "Only stories whose reports disagree on a fact"),
        ("sort" = Option<String>, Query, description = "`independent` (default): most independent sources first; `articles`: most articles first"),
        ("limit" = Option<usize>, Query, description = "Stories to return (1 to 200, default 50)"),
    ),
    responses((status = 200, body = Vec<StoryItem>), (status = 400, body = ErrorBody)))]
async fn stories(
    State(state): Shared,
    RawQuery(raw): RawQuery,
) -> Result<Json<Vec<StoryItem>>, ApiError> {
    let params = Params::parse(raw.as_deref(), STORIES_PARAMS)?;
    let filter = story_filter(&params)?;
    let list = state
        .pool
        .run(move |store| Ok(query::stories(store, &filter)?))
        .await?;
    Ok(Json(list.iter().map(StoryItem::from).collect()))
}

#[utoipa::path(get, path = "/api/v1/stories/{id}", tag = "stories",
    params(("id" = String, Path, description = "Story id, a unique prefix of one, or the id of one of its articles")),
    responses((status = 200, body = StoryDetail), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn story(
    State(state): Shared,
    id: Result<Path<String>, axum::extract::rejection::PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Json<StoryDetail>, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let id = path_value(id, "id")?;
    let wanted = id.clone();
    let view = state
        .pool
        .run(move |store| Ok(recoupe_app::story::story_view(store, &wanted)?))
        .await?
        .ok_or_else(|| {
            ApiError::not_found("id", format!("no story `{}`", crate::params::clip(&id)))
        })?;
    Ok(Json((&view).into()))
}

#[utoipa::path(get, path = "/api/v1/facts", tag = "stories",
    params(
        ("disagreeing" = Option<bool>, Query, description = "Only facts whose reports disagree"),
        ("story" = Option<String>, Query, description = "Only the facts of this story (id, prefix, or one of its articles)"),
        ("limit" = Option<usize>, Query, description = "Facts to return (1 to 200, default 50)"),
    ),
    responses((status = 200, body = Vec<FactItem>), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn facts(
    State(state): Shared,
    RawQuery(raw): RawQuery,
) -> Result<Json<Vec<FactItem>>, ApiError> {
    let params = Params::parse(raw.as_deref(), FACTS_PARAMS)?;
    let filter = recoupe_app::query::FactFilter {
        disagreeing: params.flag("disagreeing", false)?,
        story: params.owned("story"),
        limit: params.number("limit", 1, MAX_LIMIT, 50)?,
    };
    let wanted = filter.story.clone();
    let list = state
        .pool
        .run(move |store| {
            let list = query::facts(store, &filter)?;
            // An unknown story lists no fact either: say which of the two it is.
            if let Some(id) = filter.story.as_deref().filter(|_| list.is_empty()) {
                if query::story(store, id)?.is_none() {
                    return Ok(None);
                }
            }
            Ok(Some(list))
        })
        .await
        .map_err(|mut e| {
            // An ambiguous prefix is a bad `story`, the parameter this endpoint takes.
            if e.parameter.as_deref() == Some("id") {
                e.parameter = Some("story".into());
            }
            e
        })?
        .ok_or_else(|| {
            ApiError::not_found(
                "story",
                format!(
                    "no story `{}`",
                    crate::params::clip(wanted.as_deref().unwrap_or(""))
                ),
            )
        })?;
    let no_labels = std::collections::BTreeMap::new();
    Ok(Json(
        list.iter()
            .map(|row| FactItem {
                id: row.id.clone(),
                story: row.story.clone(),
                story_title: row.story_title.clone(),
                fact: (&recoupe_app::story::fact_table(&row.fact, &no_labels)).into(),
            })
            .collect(),
    ))
}

fn read_only() -> ApiError {
    ApiError::forbidden(
        "this server is read-only: start it with --allow-ingest to change the store",
    )
}

/// Undoes a merge; shared with the entity page's button.
pub(crate) async fn undo(
    state: &Arc<AppState>,
    from_key: String,
) -> Result<recoupe_app::EntityMerge, ApiError> {
    if !state.allow_ingest {
        return Err(read_only());
    }
    let _write = state.writes.lock().await;
    let db = state.db.clone();
    let wanted = from_key.clone();
    let result = tokio::task::spawn_blocking(move || -> Result<_, ApiError> {
        let mut store = recoupe_app::open_existing(&db)?;
        Ok(query::unmerge(&mut store, &wanted)?)
    })
    .await
    .map_err(|e| ApiError::internal(format!("the unmerge thread failed: {e}")))?;
    state.cache.invalidate();
    result?.ok_or_else(|| {
        ApiError::not_found(
            "from_key",
            format!(
                "`{}` is not merged into anything",
                crate::params::clip(&from_key)
            ),
        )
    })
}

#[utoipa::path(post, path = "/api/v1/merges/{from_key}/undo", tag = "entities",
    params(("from_key" = String, Path, description = "The merged key, as listed by /api/v1/merges")),
    responses((status = 200, body = Merge), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn undo_merge(
    State(state): Shared,
    from_key: Result<Path<String>, axum::extract::rejection::PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Merge>, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let from_key = path_value(from_key, "from_key")?;
    let merge = undo(&state, from_key).await?;
    Ok(Json((&merge).into()))
}

/// The input format of an ingest body: the `format` parameter, else the content type.
fn ingest_extension(params: &Params, headers: &HeaderMap) -> Result<&'static str, ApiError> {
    const FORMATS: &[(&str, &str)] = &[
        ("jsonl", "jsonl"),
        ("text", "txt"),
        ("html", "html"),
        ("feed", "xml"),
        ("warc", "warc"),
    ];
    if let Some(format) =
        params.choice("format", &FORMATS.iter().map(|f| f.0).collect::<Vec<_>>())?
    {
        return Ok(FORMATS
            .iter()
            .find(|f| f.0 == format)
            .map_or("txt", |f| f.1));
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    Ok(match content_type.as_str() {
        "application/x-ndjson" | "application/jsonl" | "application/json" => "jsonl",
        "text/html" | "application/xhtml+xml" => "html",
        "application/rss+xml" | "application/atom+xml" | "application/xml" | "text/xml" => "xml",
        "application/warc" => "warc",
        "text/plain" | "" => "txt",
        other => {
            return Err(ApiError {
                status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
                code: "bad_parameter",
                parameter: Some("content-type".into()),
                reason: format!(
                    "cannot ingest `{}`: send text/plain, text/html, application/x-ndjson (corpus JSONL), an RSS/Atom feed or application/warc, or pass format=",
                    crate::params::clip(other)
                ),
            })
        }
    })
}

#[utoipa::path(post, path = "/api/v1/documents", tag = "documents",
    params(("format" = Option<String>, Query, description = "jsonl, text, html, feed or warc; by default from the Content-Type")),
    request_body(content = String, description = "The input, as `recoupe ingest` reads a file of that format",
        content_type = "text/plain"),
    responses(
        (status = 200, description = "What was stored, as `recoupe ingest --json` prints it", body = Object),
        (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 413, description = "Body larger than the server's limit"),
        (status = 415, body = ErrorBody)))]
async fn ingest(
    State(state): Shared,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    if !state.allow_ingest {
        return Err(read_only());
    }
    let params = Params::parse(raw.as_deref(), INGEST_PARAMS)?;
    let extension = ingest_extension(&params, &headers)?;
    if body.is_empty() {
        return Err(ApiError::bad_parameter(
            "body",
            "empty: send the documents in the request body",
        ));
    }
    let _write = state.writes.lock().await;
    let db = state.db.clone();
    let summary = tokio::task::spawn_blocking(move || -> Result<_, ApiError> {
        let dir = tempfile::tempdir()
            .map_err(|e| ApiError::internal(format!("temporary directory: {e}")))?;
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
        let path = dir.path().join(format!("upload-{stamp}.{extension}"));
        std::fs::write(&path, &body)
            .map_err(|e| ApiError::internal(format!("writing the upload: {e}")))?;
        let paths = [path.to_string_lossy().into_owned()];
        Ok(recoupe_app::ingest::ingest(
            &db,
            &paths,
            256,
            true,
            &mut recoupe_app::ingest::Quiet,
        )?)
    })
    .await
    .map_err(|e| ApiError::internal(format!("the ingest thread failed: {e}")));
    state.cache.invalidate();
    Ok(Json(summary??).into_response())
}

// ------------------------------------------------------------------ OpenAPI

#[derive(OpenApi)]
#[openapi(
    info(
        title = "recoupe",
        description = "The store of recoupe: French news read into entities, places, dates, \
            figures and attributions, searchable and cross-checked. Errors are \
            `{\"error\": {\"status\", \"code\", \"parameter\", \"reason\"}}`; a bad parameter \
            is a 400 naming it. Every request needs the server's token when it has one \
            (`Authorization: Bearer TOKEN`)."
    ),
    paths(
        openapi, health, stats, search, documents, document, entities, entity, claims, places,
        timeline, merges, undo_merge, ingest, stories, story, facts
    ),
    components(schemas(ErrorBody))
)]
pub struct ApiDoc;

/// The OpenAPI document as served.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}
