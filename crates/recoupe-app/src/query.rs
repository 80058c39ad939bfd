//! The queries behind `search`, `show`, `stats`, `export`, `entities`, `entity`, `claims`,
//! `merges`, `unmerge`, and of the cross-article layer: `stories`, `story`, `facts`,
//! `events`. Each takes a [`Store`] and returns plain, serialisable data; the
//! command line renders it as text or JSON, a server as pages or JSON.

use std::collections::HashMap;
use std::io::Write;

use chrono::NaiveDate;
use recoupe_model::{AttributionKind, DocId, Document, EntityType, Polarity};
pub use recoupe_store::{
    Appearance, CopyOf, DocFact, EventFilter, EventRecord, EventRow, FactFilter, FactRow,
    RecordEntity, SharedPassage, StoryDetail, StoryFilter, StoryOrder, StorySummary, StoryUpdate,
};
use recoupe_store::{
    Claim, ClusterReport, EntityDetail, EntityMerge, EntitySummary, SearchHit, SqliteStore, Stats,
    Store,
};
use serde::Serialize;

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

// ------------------------------------------------------------------ listings for readers

/// Characters of a first line shown as a headline when it is a sentence, not a headline.
const HEADLINE_CUT: usize = 100;

/// The headline of a document: its title; else the first line of its text when it ends
/// without final punctuation (a headline, as the sentence layer marks it); else the
/// opening of that first line, cut with "…". Never "(untitled)" for a document with text.
pub fn headline_of(title: Option<&str>, text: &str) -> String {
    if let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) {
        return title.to_string();
    }
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let is_sentence = line.ends_with(['.', '!', '?', '…', ':', ';']);
    if !is_sentence && line.chars().count() <= recoupe_store::HEADLINE_CHARS {
        return line.to_string();
    }
    if line.chars().count() <= HEADLINE_CUT {
        return line.to_string();
    }
    let mut cut: String = line.chars().take(HEADLINE_CUT).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// The name of the entity `key` as this document gives it: its knowledge-base name, else
/// its longest surface form; `None` when no mention of the document carries the key.
pub fn entity_name_in(doc: &Document, key: &str) -> Option<String> {
    let mentions = doc.layers.entities.iter().filter(|e| e.entity == key);
    let mut best: Option<&str> = None;
    for mention in mentions {
        if let Some(name) = mention.kb.as_ref().and_then(|kb| kb.name.as_deref()) {
            return Some(name.to_string());
        }
        let surface = doc.slice(mention.span);
        if best.is_none_or(|b| surface.chars().count() > b.chars().count()) {
            best = Some(surface);
        }
    }
    best.map(str::to_string)
}

/// A relay of a statement, by key and by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relay {
    pub key: String,
    pub name: String,
}

/// One attributed statement as a reader needs it: the article it is in, who said it
/// (resolved to the entity's name), how (cue verb, polarity, hedging) and through whom.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    pub doc_id: String,
    /// Index of the attribution in the document's attributions layer.
    pub position: usize,
    /// The document's title, or its headline (see [`headline_of`]).
    pub headline: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// The speaker resolved to the entity it designates ("Hussein Qassim" for "-t-il"),
    /// else as written; `None` for an unnamed "selon" with no speaker.
    pub speaker: Option<String>,
    /// The speaker as written in the text.
    pub speaker_as_written: Option<String>,
    pub speaker_key: Option<String>,
    /// True when the speaker is a description, not a name ("une source sécuritaire").
    pub speaker_unnamed: bool,
    /// The cue as written: the speech verb, "selon", a quotation mark.
    pub cue: Option<String>,
    pub content: String,
    pub kind: AttributionKind,
    /// The speaker's stance: `assert`, `deny`, `confirm` or `no_comment`.
    pub polarity: Polarity,
    pub channel: Option<String>,
    /// Outlets or intermediaries the statement passed through, nearest first.
    pub via: Vec<Relay>,
    pub hedged: bool,
}

/// The statement at `position` of the document's attributions layer. Relay and speaker
/// names come from the document's own entity mentions; `name_of` is asked for the keys
/// the document does not name (e.g. the store's name for the entity).
pub fn statement_in(
    doc: &Document,
    position: usize,
    name_of: &mut dyn FnMut(&str) -> Option<String>,
) -> Option<Statement> {
    let a = doc.layers.attributions.get(position)?;
    let as_written = a.speaker.map(|s| doc.slice(s).to_string());
    let resolved = a
        .speaker_entity
        .as_deref()
        .and_then(|key| entity_name_in(doc, key).or_else(|| name_of(key)));
    let via = a
        .via
        .iter()
        .map(|key| Relay {
            key: key.clone(),
            name: entity_name_in(doc, key)
                .or_else(|| name_of(key))
                .unwrap_or_else(|| key.clone()),
        })
        .collect();
    Some(Statement {
        doc_id: doc.id.to_string(),
        position,
        headline: headline_of(doc.meta.title.as_deref(), &doc.text),
        outlet: doc.meta.outlet.clone(),
        published: doc.meta.published.as_ref().map(|p| p.date),
        speaker: resolved.or_else(|| as_written.clone()),
        speaker_as_written: as_written,
        speaker_key: a.speaker_entity.clone(),
        speaker_unnamed: a.speaker_unnamed,
        cue: a.cue.map(|c| doc.slice(c).to_string()),
        content: doc.slice(a.content).to_string(),
        kind: a.kind,
        polarity: a.polarity,
        channel: a.channel.clone(),
        via,
        hedged: a.hedged,
    })
}

/// A page of statements and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementList {
    /// Statements matching the filters.
    pub total: usize,
    /// The first of them, newest first.
    pub statements: Vec<Statement>,
    /// With a speaker and no relay filter: how many statements reached the articles
    /// through that speaker as a relay (`claims --via NAME` lists them).
    pub relayed: usize,
}

/// Statements of `speaker` (any name, alias, acronym or key of the entity, or words of the
/// speaker as written) that reached the article through `via` (a relay named the same
/// ways); either filter may be left out. At most `limit` are read in full.
pub fn statements(
    store: &SqliteStore,
    speaker: Option<&str>,
    via: Option<&str>,
    limit: usize,
) -> Result<StatementList, AppError> {
    let found = store.statements(speaker, via)?;
    let relayed = match (speaker, via) {
        (Some(name), None) => store.statements(None, Some(name))?.len(),
        _ => 0,
    };
    let mut documents: HashMap<String, Option<Document>> = HashMap::new();
    let mut names: HashMap<String, Option<String>> = HashMap::new();
    let mut statements = Vec::new();
    for at in found.iter().take(limit) {
        if !documents.contains_key(&at.doc_id) {
            documents.insert(at.doc_id.clone(), store.get(&at.doc_id)?);
        }
        let Some(doc) = documents[&at.doc_id].as_ref() else {
            continue;
        };
        let mut name_of = |key: &str| -> Option<String> {
            names
                .entry(key.to_string())
                .or_insert_with(|| store.entity(key).ok().flatten().map(|e| e.name))
                .clone()
        };
        if let Some(statement) = statement_in(doc, at.position, &mut name_of) {
            statements.push(statement);
        }
    }
    Ok(StatementList {
        total: found.len(),
        statements,
        relayed,
    })
}

/// The most mentioned entities and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityListing {
    /// Entities of the requested type in the store.
    pub total: u64,
    pub entities: Vec<EntitySummary>,
}

/// The `top` most mentioned entities (optionally of one type, any case) and their number.
pub fn entity_listing(
    store: &SqliteStore,
    label: Option<&str>,
    top: usize,
) -> Result<EntityListing, AppError> {
    let label = label.and_then(|l| EntityType::parse(&l.trim().to_ascii_uppercase()));
    Ok(EntityListing {
        total: store.count_entities(label)?,
        entities: store.top_entities(label, top)?,
    })
}

/// Fills the missing titles of document references with their headlines.
pub fn fill_headlines(
    store: &SqliteStore,
    docs: &mut [recoupe_store::DocRef],
) -> Result<(), AppError> {
    let missing: Vec<String> = docs
        .iter()
        .filter(|d| d.title.as_deref().is_none_or(|t| t.trim().is_empty()))
        .map(|d| d.id.clone())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let headlines = recoupe_store::Browse::headlines(store, &missing)?;
    for doc in docs.iter_mut() {
        if doc.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
            doc.title = headlines.get(&doc.id).cloned();
        }
    }
    Ok(())
}

/// How close a folded name is to a folded query, lower is closer; `None` when it is not
/// close at all. A word of the name starting with the query beats the query inside the
/// name, which beats a few typing errors.
pub fn suggestion_score(query: &str, name: &str) -> Option<usize> {
    if query.is_empty() || name.is_empty() {
        return None;
    }
    if name == query {
        return Some(0);
    }
    if name.starts_with(query) || name.split(' ').any(|w| w.starts_with(query)) {
        return Some(1);
    }
    if name.contains(query) {
        return Some(2);
    }
    let budget = (query.chars().count() / 4).max(1);
    let distance = std::iter::once(name)
        .chain(name.split(' '))
        .map(|candidate| edit_distance(query, candidate))
        .min()?;
    (distance <= budget).then_some(3 + distance)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Entities whose names are close to `name`, closest first, at most `limit`: for "did you
/// mean" when a name matches nothing.
pub fn entity_suggestions(
    store: &SqliteStore,
    name: &str,
    limit: usize,
) -> Result<Vec<EntitySummary>, AppError> {
    let query = recoupe_store::fold(name);
    let mut best: HashMap<String, (usize, usize)> = HashMap::new();
    for (folded, key) in store.entity_names()? {
        if let Some(score) = suggestion_score(&query, &folded) {
            let entry = best.entry(key).or_insert((score, folded.len()));
            *entry = (*entry).min((score, folded.len()));
        }
    }
    let mut ranked: Vec<(String, (usize, usize))> = best.into_iter().collect();
    ranked.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    let mut found = Vec::new();
    for (key, _) in ranked {
        if found.len() >= limit {
            break;
        }
        if let Some(detail) = store.entity(&key)? {
            if found.iter().all(|e: &EntitySummary| e.key != detail.key) {
                found.push(EntitySummary {
                    documents: detail.documents.len() as u64,
                    key: detail.key,
                    label: detail.label,
                    name: detail.name,
                    mentions: detail.mentions,
                });
            }
        }
    }
    Ok(found)
}

/// A search with filters, as `recoupe search` runs it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchRequest {
    pub query: String,
    pub outlet: Option<String>,
    pub language: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// An entity key (see [`entity_key`] to find one from a name).
    pub entity: Option<String>,
    pub limit: usize,
}

/// What a filtered search found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Documents matching the query and the filters (a lower bound when not `total_exact`).
    pub total: u64,
    pub total_exact: bool,
    /// The best of them, with their headline, outlet, date and a snippet.
    pub hits: Vec<recoupe_store::BrowseHit>,
}

/// Full-text search with filters by outlet, language, publication dates and entity.
pub fn search_filtered(
    store: &SqliteStore,
    request: &SearchRequest,
) -> Result<SearchResults, AppError> {
    let page = recoupe_store::Browse::search_page(
        store,
        &recoupe_store::SearchFilter {
            query: Some(request.query.clone()),
            outlet: request.outlet.clone(),
            language: request.language.clone(),
            from: request.from,
            to: request.to,
            entity: request.entity.clone(),
            place: None,
            offset: 0,
            limit: request.limit,
        },
    )?;
    Ok(SearchResults {
        total: page.total,
        total_exact: page.total_exact,
        hits: page.hits,
    })
}

/// The key of the entity `name` designates (as `recoupe entity NAME` finds it).
pub fn entity_key(store: &SqliteStore, name: &str) -> Result<Option<String>, AppError> {
    Ok(store.entity(name)?.map(|e| e.key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue10_headline_instead_of_untitled() {
        assert_eq!(headline_of(Some(" Titre "), "x"), "Titre");
        assert_eq!(
            headline_of(None, "\nFrappes sur Deir ez-Zor\nLe texte."),
            "Frappes sur Deir ez-Zor"
        );
        let long = "Une phrase. ".repeat(20);
        let cut = headline_of(None, &long);
        assert!(cut.ends_with('…') && cut.chars().count() <= HEADLINE_CUT + 1);
        assert_eq!(headline_of(None, "Il a dit.\nSuite"), "Il a dit.");
    }

    #[test]
    fn issue10_suggestions_rank_word_prefixes_first() {
        assert_eq!(suggestion_score("hachd", "hachd al chaabi"), Some(1));
        assert_eq!(suggestion_score("chaabi", "hachd al chaabi"), Some(1));
        assert_eq!(suggestion_score("achd", "hachd al chaabi"), Some(2));
        assert_eq!(
            suggestion_score("hachd al chabi", "hachd al chaabi"),
            Some(4)
        );
        assert_eq!(suggestion_score("pentagone", "press tv"), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
