//! The queries behind the workbench's pages (`recoupe serve`): faceted search, an
//! entity's profile (mentions over time, what it said, what was said of it, its places),
//! timelines and the map. Each takes a [`Browse`] store and returns plain, serialisable
//! data; the server renders it as JSON or pages.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use recoupe_model::{AttributionKind, Document, Span};
use recoupe_store::{Browse, Claim, EntityDetail, MapPlace, MonthCount, SearchFilter, SearchPage};
use serde::Serialize;

use crate::AppError;

/// Documents read to find what was said of an entity, its places and its timeline: the
/// most recent ones mentioning it.
pub const PROFILE_DOCUMENTS: usize = 60;

/// Documents an entity's profile lists (newest first); it counts them all.
pub const LISTED_DOCUMENTS: usize = 100;

/// Statements of an entity a profile lists (newest first).
pub const LISTED_CLAIMS: usize = 100;

/// Faceted search: a page of documents and the counts by outlet, language, year,
/// entity and place.
pub fn search_page(store: &dyn Browse, filter: &SearchFilter) -> Result<SearchPage, AppError> {
    Ok(store.search_page(filter)?)
}

/// Places with coordinates, most documents first.
pub fn map_places(
    store: &dyn Browse,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    limit: usize,
) -> Result<Vec<MapPlace>, AppError> {
    Ok(store.map_places(from, to, limit)?)
}

/// A statement of one document, located in its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementRef {
    pub doc_id: String,
    /// The document's headline (its title, or its text's first line).
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// The speaker as written, `None` for an unattributed "according to" with no name.
    pub speaker: Option<String>,
    pub speaker_key: Option<String>,
    pub content: String,
    /// Index of the attribution in the document's attributions layer.
    pub position: usize,
    /// Byte span of the content in the document's text.
    pub span: Span,
    pub kind: AttributionKind,
    pub via: Vec<String>,
    pub hedged: bool,
}

/// A place named in an entity's documents (or the entity itself, for a place).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceCount {
    pub key: String,
    pub name: String,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// Documents, among those read, where it was geocoded.
    pub documents: u64,
}

/// Everything the entity page shows. Every list is bounded: the newest
/// [`LISTED_DOCUMENTS`] documents (`detail.documents_total` counts them all), the newest
/// [`LISTED_CLAIMS`] statements, co-mentions among its newest documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityProfile {
    #[serde(flatten)]
    pub detail: EntityDetail,
    /// Every key of the entity: its canonical key first, then the keys merged into it.
    pub keys: Vec<String>,
    /// Mentions per month of publication.
    pub by_month: Vec<MonthCount>,
    /// What it is reported to have said, newest first.
    pub said: Vec<Claim>,
    /// Statements of others whose content names it, newest first.
    pub said_of: Vec<StatementRef>,
    /// Where it is (a place) or the places of its documents, most documents first.
    pub located: Vec<PlaceCount>,
    /// Documents read for `said_of` and `located` (the most recent ones mentioning it).
    pub documents_read: usize,
    /// Headline (title, or first line) of every document listed above, by id.
    pub headlines: BTreeMap<String, String>,
}

/// A document's title, or its text's first line.
pub fn headline_of(doc: &Document) -> String {
    recoupe_store::headline(doc.meta.title.as_deref(), &doc.text)
}

/// Loads the documents with these ids, skipping any that vanished meanwhile.
fn load(store: &dyn Browse, ids: &[String]) -> Result<Vec<Document>, AppError> {
    let mut docs = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(doc) = store.get(id)? {
            docs.push(doc);
        }
    }
    Ok(docs)
}

fn statement_ref(doc: &Document, index: usize) -> StatementRef {
    let a = &doc.layers.attributions[index];
    StatementRef {
        doc_id: doc.id.to_string(),
        title: Some(headline_of(doc)),
        outlet: doc.meta.outlet.clone(),
        published: doc.meta.published.map(|p| p.date),
        speaker: a.speaker.map(|s| doc.slice(s).to_string()),
        speaker_key: a.speaker_entity.clone(),
        content: doc.slice(a.content).to_string(),
        position: index,
        span: a.content,
        kind: a.kind,
        via: a.via.clone(),
        hedged: a.hedged,
    }
}

/// Spans of the mentions of any of `keys` in `doc`.
fn mention_spans(doc: &Document, keys: &[String]) -> Vec<Span> {
    doc.layers
        .entities
        .iter()
        .filter(|m| keys.contains(&m.entity))
        .map(|m| m.span)
        .collect()
}

/// An entity's profile by key or name; `None` when nothing in the store matches.
pub fn entity_profile(store: &dyn Browse, name: &str) -> Result<Option<EntityProfile>, AppError> {
    let Some(detail) = store.entity_page(name, LISTED_DOCUMENTS)? else {
        return Ok(None);
    };
    let keys = store.entity_keys(&detail.key)?;
    let by_month = store.mentions_by_month(&detail.key)?;
    let said = store.claims_of_entity(&detail.key, LISTED_CLAIMS)?;
    let ids = store.documents_mentioning(&detail.key, PROFILE_DOCUMENTS)?;
    let docs = load(store, &ids)?;
    let mut said_of = Vec::new();
    let mut places: BTreeMap<String, PlaceCount> = BTreeMap::new();
    for doc in &docs {
        let spans = mention_spans(doc, &keys);
        for (index, a) in doc.layers.attributions.iter().enumerate() {
            let by_it = a.speaker_entity.as_ref().is_some_and(|k| keys.contains(k));
            if !by_it && spans.iter().any(|s| a.content.contains(s)) {
                said_of.push(statement_ref(doc, index));
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for place in &doc.layers.places {
            let (Some(lat), Some(lon)) = (place.lat, place.lon) else {
                continue;
            };
            if seen.contains(&place.entity.as_str()) {
                continue;
            }
            seen.push(&place.entity);
            places
                .entry(place.entity.clone())
                .or_insert_with(|| PlaceCount {
                    key: place.entity.clone(),
                    name: place.name.clone(),
                    country: place.country.clone(),
                    lat,
                    lon,
                    documents: 0,
                })
                .documents += 1;
        }
    }
    let mut located: Vec<PlaceCount> = places.into_values().collect();
    // A place's own coordinates first, then the places of its documents.
    located.sort_by(|a, b| {
        keys.contains(&b.key)
            .cmp(&keys.contains(&a.key))
            .then(b.documents.cmp(&a.documents))
            .then_with(|| a.name.cmp(&b.name))
    });
    let mut listed: Vec<String> = detail.documents.iter().map(|d| d.id.clone()).collect();
    listed.extend(said.iter().map(|c| c.doc_id.clone()));
    listed.sort();
    listed.dedup();
    let headlines = store.headlines(&listed)?;
    Ok(Some(EntityProfile {
        detail,
        headlines,
        keys,
        by_month,
        said,
        said_of,
        located,
        documents_read: docs.len(),
    }))
}

/// What a timeline is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimelineSubject {
    /// An entity or a place, by key or name.
    Entity(String),
    /// A story, by id or unique prefix: every statement and figure of its articles.
    Story(String),
}

/// What a timeline item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Said by the subject.
    StatementBy,
    /// Said by someone else, naming the subject.
    StatementAbout,
    /// A figure in a sentence naming the subject (of a story: any figure of its articles).
    Figure,
    /// A statement in one of a story's articles.
    Statement,
}

/// Where an item's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFrom {
    /// A date written in the statement or sentence itself.
    Text,
    /// The document's publication date.
    Published,
}

/// One dated statement or figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineItem {
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `start/end`, as the dates layer normalised it.
    pub date: String,
    pub date_from: DateFrom,
    pub kind: ItemKind,
    /// The statement's content, or the sentence holding the figure.
    pub text: String,
    pub span: Span,
    pub speaker: Option<String>,
    pub hedged: bool,
    /// The figure as written, for [`ItemKind::Figure`].
    pub figure: Option<String>,
    pub unit: Option<String>,
    pub doc_id: String,
    /// The document's headline (its title, or its text's first line).
    pub title: Option<String>,
    pub outlet: Option<String>,
}

/// What a [`Timeline`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    Entity,
    Story,
}

/// A timeline: dated items oldest first, and how many undated ones were left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// Whether `key` names an entity or a story.
    pub subject: SubjectKind,
    /// The entity's canonical key, or the story's id.
    pub key: String,
    pub name: String,
    pub items: Vec<TimelineItem>,
    /// Items with neither a date in their text nor a publication date.
    pub undated: usize,
    pub documents_read: usize,
}

/// The first date with a value written inside `span`.
fn date_within(doc: &Document, span: Span) -> Option<String> {
    doc.layers
        .dates
        .iter()
        .filter(|d| span.contains(&d.span))
        .find_map(|d| d.value.clone())
}

/// Dated statements by and about an entity (or place) and the figures given in sentences
/// that name it, or every dated statement and figure of a story's articles, oldest first;
/// `None` when nothing matches the subject.
pub fn timeline(
    store: &dyn Browse,
    subject: &TimelineSubject,
) -> Result<Option<Timeline>, AppError> {
    // A story's timeline takes everything its articles date; an entity's, what names it.
    let (kind, key, name, keys, ids) = match subject {
        TimelineSubject::Entity(name) => {
            let Some(detail) = store.entity_page(name, 0)? else {
                return Ok(None);
            };
            let keys = store.entity_keys(&detail.key)?;
            let ids = store.documents_mentioning(&detail.key, PROFILE_DOCUMENTS)?;
            (SubjectKind::Entity, detail.key, detail.name, keys, ids)
        }
        TimelineSubject::Story(reference) => {
            let Some(detail) = store.story(reference)? else {
                return Ok(None);
            };
            let ids = detail.members.iter().map(|m| m.id.clone()).collect();
            let summary = detail.summary;
            (
                SubjectKind::Story,
                summary.id,
                summary.title,
                Vec::new(),
                ids,
            )
        }
    };
    let whole_story = kind == SubjectKind::Story;
    let docs = load(store, &ids)?;
    let mut items = Vec::new();
    let mut undated = 0;
    for doc in &docs {
        let published = doc
            .meta
            .published
            .map(|p| p.date.format("%Y-%m-%d").to_string());
        let mut push = |item: TimelineItem| items.push(item);
        let dated = |span: Span| -> Option<(String, DateFrom)> {
            date_within(doc, span)
                .map(|d| (d, DateFrom::Text))
                .or_else(|| published.clone().map(|d| (d, DateFrom::Published)))
        };
        let spans = mention_spans(doc, &keys);
        for a in &doc.layers.attributions {
            let by_it = a.speaker_entity.as_ref().is_some_and(|k| keys.contains(k));
            let about = spans.iter().any(|s| a.content.contains(s));
            if !by_it && !about && !whole_story {
                continue;
            }
            let Some((date, date_from)) = dated(a.content) else {
                undated += 1;
                continue;
            };
            push(TimelineItem {
                date,
                date_from,
                kind: if whole_story {
                    ItemKind::Statement
                } else if by_it {
                    ItemKind::StatementBy
                } else {
                    ItemKind::StatementAbout
                },
                text: doc.slice(a.content).to_string(),
                span: a.content,
                speaker: a.speaker.map(|s| doc.slice(s).to_string()),
                hedged: a.hedged,
                figure: None,
                unit: None,
                doc_id: doc.id.to_string(),
                title: Some(headline_of(doc)),
                outlet: doc.meta.outlet.clone(),
            });
        }
        for sentence in &doc.layers.sentences {
            if !whole_story && !spans.iter().any(|s| sentence.span.contains(s)) {
                continue;
            }
            for q in doc
                .layers
                .quantities
                .iter()
                .filter(|q| sentence.span.contains(&q.span))
            {
                let Some((date, date_from)) = dated(sentence.span) else {
                    undated += 1;
                    continue;
                };
                push(TimelineItem {
                    date,
                    date_from,
                    kind: ItemKind::Figure,
                    text: doc.slice(sentence.span).to_string(),
                    span: sentence.span,
                    speaker: None,
                    hedged: false,
                    figure: Some(doc.slice(q.span).to_string()),
                    unit: q.unit.clone(),
                    doc_id: doc.id.to_string(),
                    title: Some(headline_of(doc)),
                    outlet: doc.meta.outlet.clone(),
                });
            }
        }
    }
    items.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| a.doc_id.cmp(&b.doc_id))
            .then(a.span.start.cmp(&b.span.start))
    });
    Ok(Some(Timeline {
        subject: kind,
        key,
        name,
        items,
        undated,
        documents_read: docs.len(),
    }))
}
