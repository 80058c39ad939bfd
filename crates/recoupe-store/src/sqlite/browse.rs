//! [`Browse`] for [`SqliteStore`]: the workbench's queries.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, LazyLock, Mutex};

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension};
use serde::Deserialize;

use super::{failed, optional_date, SqliteStore};
use crate::browse::*;
use crate::query::fts_query;
use crate::{StoreError, Tally};

/// Marks around matched words in the FTS5 snippet: control characters, which the
/// snippet splitter turns into [`SnippetPart`]s and which never reach a page.
const HIT_START: &str = "\u{2}";
const HIT_END: &str = "\u{3}";

/// Characters of a document's opening shown when there is no query.
const OPENING_CHARS: usize = 240;

/// Words of a snippet around the matches.
const SNIPPET_WORDS: usize = 24;

/// Documents a search reads at most (ranks, counts by outlet, language and year): with a
/// query the most recently stored matches, without one the newest documents.
const CANDIDATES: usize = 500;

/// Counts of matching documents are exact up to this.
const COUNT_CAP: u64 = 2_000;

/// Documents the entity and place facets are counted over (the best ones).
const FACET_SAMPLE: usize = 40;

/// Entities and places listed in each facet.
const FACET_TOP: usize = 15;

/// Documents whose facet contributions are kept in memory (a few hundred bytes each); the
/// cache starts again empty when full.
const FACET_CACHE_DOCUMENTS: usize = 50_000;

/// What one document contributes to the entity and place facets: its distinct entities
/// (key as stored, label, name) other than places, and its distinct geocoded places (key,
/// name). A stored document never changes (rows are only added), so this is kept per
/// store file and row, for every connection of the process; the merges are applied when
/// counting, so an undone merge shows at once.
#[derive(Default)]
struct DocFacets {
    entities: Vec<(String, String, String)>,
    places: Vec<(String, String)>,
}

type FacetCache = HashMap<(PathBuf, i64), Arc<DocFacets>>;

static FACET_CACHE: LazyLock<Mutex<FacetCache>> = LazyLock::new(Default::default);

/// Just the parts of the stored layers the facets need; serde skips the rest.
#[derive(Deserialize)]
struct FacetLayers {
    layers: FacetLayersInner,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FacetLayersInner {
    entities: Vec<FacetMention>,
    places: Vec<FacetPlace>,
}

#[derive(Deserialize)]
struct FacetMention {
    label: String,
    entity: String,
    span: recoupe_model::Span,
    #[serde(default)]
    kb: Option<FacetKb>,
}

#[derive(Deserialize)]
struct FacetKb {
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
struct FacetPlace {
    entity: String,
    name: String,
    #[serde(default)]
    lat: Option<f64>,
}

/// One matching document before the page is cut.
struct Match {
    rowid: i64,
    outlet: Option<String>,
    language: Option<String>,
    published: Option<String>,
    score: Option<f64>,
}

/// Splits an FTS5 snippet at the hit marks.
fn snippet_parts(snippet: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut rest = snippet;
    let mut hit = false;
    while !rest.is_empty() {
        let mark = if hit { HIT_END } else { HIT_START };
        let (text, after) = match rest.find(mark) {
            Some(at) => (&rest[..at], &rest[at + mark.len()..]),
            None => (rest, ""),
        };
        // A stray mark of the other kind (a control character in the text) is dropped.
        let text: String = text
            .chars()
            .filter(|c| *c != '\u{2}' && *c != '\u{3}')
            .collect();
        if !text.is_empty() {
            parts.push(SnippetPart { text, hit });
        }
        rest = after;
        hit = !hit;
    }
    parts
}

fn tally(counts: BTreeMap<Option<String>, u64>, by_count: bool) -> Vec<Tally> {
    let mut tallies: Vec<Tally> = counts
        .into_iter()
        .map(|(value, count)| Tally { value, count })
        .collect();
    if by_count {
        tallies.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    }
    tallies
}

impl SqliteStore {
    /// The canonical key of `key` (itself when it is not merged).
    fn canonical_key(&self, key: &str) -> Result<String, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT coalesce((SELECT canonical_key FROM entity_canonical WHERE entity_key = ?1), ?1)",
            )
            .and_then(|mut stmt| stmt.query_row([key], |row| row.get(0)))
            .map_err(failed(&self.path, &format!("read the canonical key of {key}")))
    }

    /// The keys of the entity `key` belongs to, canonical key first.
    fn group_of(&self, key: &str) -> Result<Vec<String>, StoreError> {
        let root = self.canonical_key(key)?;
        let mut members = self.group_members(&root)?;
        members.sort_by_key(|member| *member != root);
        Ok(members)
    }

    /// [`Self::group_of`] as a JSON array for `json_each`.
    fn group_json(&self, key: &str) -> Result<String, StoreError> {
        serde_json::to_string(&self.group_of(key)?).map_err(|source| StoreError::Serialize {
            id: key.to_string(),
            source,
        })
    }

    /// The candidates of a search: the documents passing the filter, at most
    /// [`CANDIDATES`] of them, most recently stored first (with a query) or newest first
    /// (without), with what the facets and the ordering need. Never more rows than that
    /// are read, whatever the store's size: a word found in every document costs the same
    /// as a rare one.
    fn matches(
        &self,
        filter: &SearchFilter,
        fts: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Match>, StoreError> {
        let (conditions, mut args) = self.conditions(filter)?;
        let sql = match fts {
            Some(_) if conditions.is_empty() => {
                // The FTS index alone yields the candidates; only those rows of documents
                // are read. They are scored afterwards (see `score_by_words`).
                format!(
                    "SELECT d.doc_rowid, d.outlet, d.language, d.published, NULL
                     FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?{}
                           ORDER BY rowid DESC LIMIT ?{}) m
                     JOIN documents d ON d.doc_rowid = m.rowid",
                    args.len() + 1,
                    args.len() + 2
                )
            }
            Some(_) => format!(
                "SELECT d.doc_rowid, d.outlet, d.language, d.published,
                        bm25(documents_fts, 4.0, 1.0)
                 FROM documents_fts JOIN documents d ON d.doc_rowid = documents_fts.rowid
                 WHERE documents_fts MATCH ?{}{conditions}
                 ORDER BY documents_fts.rowid DESC LIMIT ?{}",
                args.len() + 1,
                args.len() + 2
            ),
            None => format!(
                "SELECT d.doc_rowid, d.outlet, d.language, d.published, NULL
                 FROM documents d WHERE 1{conditions}
                 ORDER BY d.published DESC, d.doc_rowid DESC LIMIT ?{}",
                args.len() + 1
            ),
        };
        if let Some(fts) = fts {
            args.push(Value::Text(fts.to_string()));
        }
        args.push(Value::Integer(limit.min(i64::MAX as usize) as i64));
        let run = || -> rusqlite::Result<Vec<Match>> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(args.iter()), |row| {
                Ok(Match {
                    rowid: row.get(0)?,
                    outlet: row.get(1)?,
                    language: row.get(2)?,
                    published: row.get(3)?,
                    score: row.get::<_, Option<f64>>(4)?.map(|bm25| -bm25),
                })
            })?;
            rows.collect()
        };
        let mut matches = run().map_err(failed(&self.path, "search documents"))?;
        if let (Some(fts), true) = (fts, conditions.is_empty()) {
            self.score_by_words(fts, &mut matches)?;
        }
        Ok(matches)
    }

    /// Scores unfiltered candidates: BM25 (title weighted 4, text 1) of the query's words,
    /// phrases split into their words, over the rowid range of the candidates.
    ///
    /// `bm25()` first counts, for each phrase of its query, the documents holding it in the
    /// whole index: for a phrase that means reading the positions of its words in every
    /// document holding them all, tens of milliseconds when they are common, for every
    /// search. Words alone are counted from their document lists. The candidates are the
    /// most recently stored matches, so they fill the top of their rowid range and the
    /// words query over that range reads little more than them.
    fn score_by_words(&self, fts: &str, matches: &mut [Match]) -> Result<(), StoreError> {
        let (Some(low), Some(high)) = (
            matches.iter().map(|m| m.rowid).min(),
            matches.iter().map(|m| m.rowid).max(),
        ) else {
            return Ok(());
        };
        let Some(words) = crate::snippet::words_query(fts) else {
            return Ok(());
        };
        let at: HashMap<i64, usize> = matches
            .iter()
            .enumerate()
            .map(|(i, m)| (m.rowid, i))
            .collect();
        let mut run = || -> rusqlite::Result<()> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT rowid, bm25(documents_fts, 4.0, 1.0) FROM documents_fts
                 WHERE documents_fts MATCH ?1 AND rowid >= ?2 AND rowid <= ?3",
            )?;
            let mut rows = stmt.query(params![words, low, high])?;
            while let Some(row) = rows.next()? {
                let rowid: i64 = row.get(0)?;
                if let Some(&i) = at.get(&rowid) {
                    matches[i].score = Some(-row.get::<_, f64>(1)?);
                }
            }
            Ok(())
        };
        run().map_err(failed(&self.path, "rank search results"))
    }

    /// The filter's conditions on `documents d` (each starting with ` AND `) and their
    /// parameters, numbered from `?1`.
    fn conditions(&self, filter: &SearchFilter) -> Result<(String, Vec<Value>), StoreError> {
        let mut sql = String::new();
        let mut args: Vec<Value> = Vec::new();
        let arg = |value: Value, args: &mut Vec<Value>| {
            args.push(value);
            format!("?{}", args.len())
        };
        if let Some(outlet) = &filter.outlet {
            let p = arg(Value::Text(outlet.clone()), &mut args);
            sql.push_str(&format!(" AND d.outlet = {p}"));
        }
        if let Some(language) = &filter.language {
            let p = arg(Value::Text(language.clone()), &mut args);
            sql.push_str(&format!(" AND d.language = {p}"));
        }
        if let Some(from) = filter.from {
            let p = arg(Value::Text(from.format("%Y-%m-%d").to_string()), &mut args);
            sql.push_str(&format!(" AND d.published >= {p}"));
        }
        if let Some(to) = filter.to {
            let p = arg(Value::Text(to.format("%Y-%m-%d").to_string()), &mut args);
            sql.push_str(&format!(" AND d.published <= {p}"));
        }
        if let Some(entity) = &filter.entity {
            let p = arg(Value::Text(self.group_json(entity)?), &mut args);
            sql.push_str(&format!(
                " AND d.doc_rowid IN (SELECT doc_rowid FROM mentions
                     WHERE entity_key IN (SELECT value FROM json_each({p})))"
            ));
        }
        if let Some(place) = &filter.place {
            let p = arg(Value::Text(place.clone()), &mut args);
            sql.push_str(&format!(
                " AND d.doc_rowid IN (SELECT doc_rowid FROM places WHERE entity_key = {p})"
            ));
        }
        Ok((sql, args))
    }

    /// How many documents pass the filter: exact up to [`COUNT_CAP`], else `COUNT_CAP`
    /// and `false`. Without a query or filter every document counts, exactly.
    fn count_matches(
        &self,
        filter: &SearchFilter,
        fts: Option<&str>,
    ) -> Result<(u64, bool), StoreError> {
        let (conditions, mut args) = self.conditions(filter)?;
        let sql = match fts {
            None if conditions.is_empty() => "SELECT count(*) FROM documents".to_string(),
            _ => {
                let source = match fts {
                    // Counting every match of a common word or phrase reads its whole
                    // list (and for a phrase the positions): capped like the rest.
                    Some(fts) if conditions.is_empty() => {
                        args.push(Value::Text(fts.to_string()));
                        format!("documents_fts WHERE documents_fts MATCH ?{}", args.len())
                    }
                    Some(fts) => {
                        args.push(Value::Text(fts.to_string()));
                        format!(
                            "documents_fts JOIN documents d ON d.doc_rowid = documents_fts.rowid
                             WHERE documents_fts MATCH ?{}",
                            args.len()
                        )
                    }
                    None => "documents d WHERE 1".to_string(),
                };
                format!(
                    "SELECT count(*) FROM (SELECT 1 FROM {source}{conditions} LIMIT {})",
                    COUNT_CAP + 1
                )
            }
        };
        let count: u64 = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut stmt| stmt.query_row(params_from_iter(args.iter()), |row| row.get(0)))
            .map_err(failed(&self.path, "count search results"))?;
        // Only the capped subquery can stop short; the count of all documents is exact.
        let capped = fts.is_some() || !conditions.is_empty();
        Ok(if capped && count > COUNT_CAP {
            (COUNT_CAP, false)
        } else {
            (count, true)
        })
    }

    /// What one document gives the facets, from its stored layers (or the cache).
    fn doc_facets(&self, rowid: i64) -> Result<Arc<DocFacets>, StoreError> {
        let key = (self.path.clone(), rowid);
        if let Some(cached) = FACET_CACHE
            .lock()
            .ok()
            .and_then(|cache| cache.get(&key).cloned())
        {
            return Ok(cached);
        }
        let (blob, text): (Vec<u8>, String) = self
            .conn
            .prepare_cached("SELECT layers, text FROM documents WHERE doc_rowid = ?1")
            .and_then(|mut stmt| stmt.query_row([rowid], |row| row.try_into()))
            .map_err(failed(&self.path, "read layers for facets"))?;
        let corrupt = |reason: String| StoreError::CorruptRow {
            path: self.path.clone(),
            table: "documents",
            reason: format!("layers of row {rowid}: {reason}"),
        };
        let json = zstd::decode_all(blob.as_slice()).map_err(|e| corrupt(e.to_string()))?;
        let stored: FacetLayers =
            serde_json::from_slice(&json).map_err(|e| corrupt(e.to_string()))?;
        let mut facets = DocFacets::default();
        for mention in stored.layers.entities {
            if mention.label == "LOC" || facets.entities.iter().any(|e| e.0 == mention.entity) {
                continue;
            }
            let name = mention.kb.and_then(|kb| kb.name).unwrap_or_else(|| {
                text.get(mention.span.start..mention.span.end)
                    .unwrap_or("")
                    .to_string()
            });
            facets.entities.push((mention.entity, mention.label, name));
        }
        for place in stored.layers.places {
            if place.lat.is_none() || facets.places.iter().any(|p| p.0 == place.entity) {
                continue;
            }
            facets.places.push((place.entity, place.name));
        }
        let facets = Arc::new(facets);
        if let Ok(mut cache) = FACET_CACHE.lock() {
            if cache.len() >= FACET_CACHE_DOCUMENTS {
                cache.clear();
            }
            cache.insert(key, facets.clone());
        }
        Ok(facets)
    }

    /// Entity and place counts over the stored layers of `rowids`.
    fn sample_facets(
        &self,
        rowids: &[i64],
    ) -> Result<(Vec<FacetEntity>, Vec<FacetEntity>), StoreError> {
        // key -> (documents, label, name votes)
        type Count = (u64, String, HashMap<String, u64>);
        let mut entities: HashMap<String, Count> = HashMap::new();
        let mut places: HashMap<String, Count> = HashMap::new();
        let mut canonical: HashMap<String, String> = HashMap::new();
        for &rowid in rowids {
            let facets = self.doc_facets(rowid)?;
            for (key, label, name) in &facets.entities {
                let root = match canonical.get(key) {
                    Some(root) => root.clone(),
                    None => {
                        let root = self.canonical_key(key)?;
                        canonical.insert(key.clone(), root.clone());
                        root
                    }
                };
                let entry = entities
                    .entry(root)
                    .or_insert_with(|| (0, label.clone(), HashMap::new()));
                entry.0 += 1;
                *entry.2.entry(name.clone()).or_default() += 1;
            }
            for (key, name) in &facets.places {
                let entry = places
                    .entry(key.clone())
                    .or_insert_with(|| (0, "LOC".to_string(), HashMap::new()));
                entry.0 += 1;
                *entry.2.entry(name.clone()).or_default() += 1;
            }
        }
        let top = |counts: HashMap<String, Count>| -> Vec<FacetEntity> {
            let mut list: Vec<FacetEntity> = counts
                .into_iter()
                .map(|(key, (documents, label, names))| {
                    let name = names
                        .into_iter()
                        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                        .map(|(name, _)| name)
                        .unwrap_or_default();
                    FacetEntity {
                        key,
                        name,
                        label,
                        documents,
                    }
                })
                .collect();
            list.sort_by(|a, b| {
                b.documents
                    .cmp(&a.documents)
                    .then_with(|| a.name.cmp(&b.name))
            });
            list.truncate(FACET_TOP);
            list
        };
        Ok((top(entities), top(places)))
    }

    /// The page's documents: id, title, snippet (around the query's words, or the
    /// opening of the text without a query).
    fn page_hits(&self, page: &[Match], fts: Option<&str>) -> Result<Vec<BrowseHit>, StoreError> {
        let terms = fts.map(crate::snippet::terms).unwrap_or_default();
        let mut hits = Vec::with_capacity(page.len());
        for m in page {
            let (id, title, text): (String, Option<String>, String) = self
                .conn
                .prepare_cached("SELECT id, title, text FROM documents WHERE doc_rowid = ?1")
                .and_then(|mut stmt| stmt.query_row([m.rowid], |row| row.try_into()))
                .map_err(failed(&self.path, "read search hits"))?;
            let around = |text: &str| {
                crate::snippet::snippet(text, &terms, SNIPPET_WORDS, HIT_START, HIT_END)
            };
            let snippet = match fts {
                // The text's passage, or the title when only the title matched.
                Some(_) => around(&text)
                    .or_else(|| title.as_deref().and_then(around))
                    .unwrap_or_else(|| opening(&text)),
                None => opening(&text),
            };
            hits.push(BrowseHit {
                id,
                headline: headline(title.as_deref(), &text),
                title,
                outlet: m.outlet.clone(),
                published: optional_date(m.published.clone(), &self.path)?,
                language: m.language.clone(),
                score: m.score,
                snippet: snippet_parts(&snippet),
            });
        }
        Ok(hits)
    }
}

/// The first [`OPENING_CHARS`] characters of a text, `…` when it goes on.
fn opening(text: &str) -> String {
    match text.char_indices().nth(OPENING_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// Statements of a speaker read and sorted all together; a speaker of more is read in its
/// newest [`CLAIM_DOCUMENTS`] documents.
const CLAIMS_SORTED: u64 = 2000;
const CLAIM_DOCUMENTS: usize = 1000;

impl Browse for SqliteStore {
    fn search_page(&self, filter: &SearchFilter) -> Result<SearchPage, StoreError> {
        let _snapshot = self
            .conn
            .unchecked_transaction()
            .map_err(failed(&self.path, "search documents"))?;
        let fts = filter.query.as_deref().and_then(fts_query);
        let wanted = filter.offset.saturating_add(filter.limit);
        let mut matches = self.matches(filter, fts.as_deref(), wanted.max(CANDIDATES))?;
        let (total, total_exact) = if matches.len() < wanted.max(CANDIDATES) {
            (matches.len() as u64, true)
        } else {
            self.count_matches(filter, fts.as_deref())?
        };
        let mut outlets: BTreeMap<Option<String>, u64> = BTreeMap::new();
        let mut languages: BTreeMap<Option<String>, u64> = BTreeMap::new();
        let mut years: BTreeMap<Option<String>, u64> = BTreeMap::new();
        for m in &matches {
            *outlets.entry(m.outlet.clone()).or_default() += 1;
            *languages.entry(m.language.clone()).or_default() += 1;
            let year = m
                .published
                .as_ref()
                .and_then(|p| p.get(..4))
                .map(str::to_string);
            *years.entry(year).or_default() += 1;
        }
        years.remove(&None);
        if fts.is_some() {
            matches.sort_by(|a, b| {
                b.score
                    .unwrap_or(f64::MIN)
                    .total_cmp(&a.score.unwrap_or(f64::MIN))
                    .then(a.rowid.cmp(&b.rowid))
            });
        } else {
            // Newest first; undated documents last, then the most recently stored.
            matches.sort_by(|a, b| {
                b.published
                    .is_some()
                    .cmp(&a.published.is_some())
                    .then_with(|| b.published.cmp(&a.published))
                    .then(b.rowid.cmp(&a.rowid))
            });
        }
        let sample: Vec<i64> = matches.iter().take(FACET_SAMPLE).map(|m| m.rowid).collect();
        let (entities, places) = self.sample_facets(&sample)?;
        let start = filter.offset.min(matches.len());
        let end = start.saturating_add(filter.limit).min(matches.len());
        let hits = self.page_hits(&matches[start..end], fts.as_deref())?;
        Ok(SearchPage {
            total,
            total_exact,
            ranked: matches.len() as u64,
            offset: filter.offset as u64,
            hits,
            facets: Facets {
                outlets: tally(outlets, true),
                languages: tally(languages, true),
                years: tally(years, false),
                entities,
                places,
                sampled: sample.len() as u64,
            },
        })
    }

    fn map_places(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        limit: usize,
    ) -> Result<Vec<MapPlace>, StoreError> {
        let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        let run = || -> rusqlite::Result<Vec<MapPlace>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT p.entity_key, p.name, p.country, p.kind, avg(p.lat), avg(p.lon),
                        count(DISTINCT p.doc_rowid) AS n
                 FROM places p
                 WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL
                   AND (?1 IS NULL AND ?2 IS NULL OR p.doc_rowid IN (
                        SELECT doc_rowid FROM documents
                        WHERE (?1 IS NULL OR published >= ?1) AND (?2 IS NULL OR published <= ?2)))
                 GROUP BY p.entity_key
                 ORDER BY n DESC, p.entity_key LIMIT ?3",
            )?;
            let rows = stmt.query_map(
                params![day(from), day(to), limit.min(i64::MAX as usize) as i64],
                |row| {
                    Ok(MapPlace {
                        key: row.get(0)?,
                        name: row.get(1)?,
                        country: row.get(2)?,
                        kind: row.get(3)?,
                        lat: row.get(4)?,
                        lon: row.get(5)?,
                        documents: row.get(6)?,
                    })
                },
            )?;
            rows.collect()
        };
        run().map_err(failed(&self.path, "list places for the map"))
    }

    fn entity_page(
        &self,
        name_or_key: &str,
        documents: usize,
    ) -> Result<Option<crate::EntityDetail>, StoreError> {
        self.entity_with(name_or_key, Some(documents))
    }

    fn claims_of_entity(&self, key: &str, limit: usize) -> Result<Vec<crate::Claim>, StoreError> {
        let members = self.group_of(key)?;
        let group = self.group_json(key)?;
        let what = format!("read the claims of {key}");
        let limit = limit.min(i64::MAX as usize) as i64;
        let statements: u64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM attributions
                 WHERE speaker_key IN (SELECT value FROM json_each(?1))",
            )
            .and_then(|mut stmt| stmt.query_row([&group], |row| row.get(0)))
            .map_err(failed(&self.path, &what))?;
        if statements <= CLAIMS_SORTED {
            return self.read_claims(
                "FROM attributions a JOIN documents d USING (doc_rowid)
                 WHERE a.speaker_key IN (SELECT value FROM json_each(?1))
                 ORDER BY d.published DESC, d.id, a.position LIMIT ?2",
                params![group, limit],
                &what,
            );
        }
        // A speaker of many statements: its newest are in its newest documents (a speaker
        // is an entity its document mentions).
        let total = self.documents_of_group(&members, &group)?;
        let sample: Vec<i64> = self
            .latest_documents(&group, total, CLAIM_DOCUMENTS)?
            .into_iter()
            .map(|d| d.0)
            .collect();
        let sample = serde_json::to_string(&sample).map_err(|source| StoreError::Serialize {
            id: key.to_string(),
            source,
        })?;
        self.read_claims(
            "FROM json_each(?3) s CROSS JOIN attributions a ON a.doc_rowid = s.value
             JOIN documents d ON d.doc_rowid = a.doc_rowid
             WHERE a.speaker_key IN (SELECT value FROM json_each(?1))
             ORDER BY d.published DESC, d.id, a.position LIMIT ?2",
            params![group, limit, sample],
            &what,
        )
    }

    fn mentions_by_month(&self, key: &str) -> Result<Vec<MonthCount>, StoreError> {
        let group = self.group_json(key)?;
        // From the counts kept as documents arrive (migration 0006). A document naming
        // two keys of a merged entity counts in both.
        let run = || -> rusqlite::Result<Vec<MonthCount>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT month, sum(mentions), sum(documents) FROM entity_months
                 WHERE entity_key IN (SELECT value FROM json_each(?1)) AND month <> ''
                 GROUP BY month ORDER BY month",
            )?;
            let rows = stmt.query_map([group], |row| {
                Ok(MonthCount {
                    month: row.get(0)?,
                    mentions: row.get(1)?,
                    documents: row.get(2)?,
                })
            })?;
            rows.collect()
        };
        run().map_err(failed(
            &self.path,
            &format!("count mentions of {key} by month"),
        ))
    }

    fn entity_keys(&self, key: &str) -> Result<Vec<String>, StoreError> {
        self.group_of(key)
    }

    fn documents_mentioning(&self, key: &str, limit: usize) -> Result<Vec<String>, StoreError> {
        let members = self.group_of(key)?;
        let group = self.group_json(key)?;
        let total = self.documents_of_group(&members, &group)?;
        Ok(self
            .latest_documents(&group, total, limit)?
            .into_iter()
            .map(|d| d.1)
            .collect())
    }

    fn documents_at_place(&self, key: &str, limit: usize) -> Result<Vec<String>, StoreError> {
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id FROM documents
                 WHERE doc_rowid IN (SELECT doc_rowid FROM places WHERE entity_key = ?1)
                 ORDER BY published IS NULL, published DESC, doc_rowid DESC LIMIT ?2",
            )?;
            let rows = stmt
                .query_map(params![key, limit.min(i64::MAX as usize) as i64], |row| {
                    row.get(0)
                })?;
            rows.collect()
        };
        run().map_err(failed(
            &self.path,
            &format!("list documents at place {key}"),
        ))
    }

    fn headlines(&self, ids: &[String]) -> Result<BTreeMap<String, String>, StoreError> {
        let mut out = BTreeMap::new();
        for id in ids {
            let row: Option<(Option<String>, String)> = self
                .conn
                .prepare_cached("SELECT title, substr(text, 1, ?2) FROM documents WHERE id = ?1")
                .and_then(|mut stmt| {
                    stmt.query_row(params![id, OPENING_CHARS], |row| row.try_into())
                        .optional()
                })
                .map_err(failed(&self.path, "read headlines"))?;
            if let Some((title, opening)) = row {
                out.insert(id.clone(), headline(title.as_deref(), &opening));
            }
        }
        Ok(out)
    }

    fn data_version(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))
            .optional()
            .map(Option::unwrap_or_default)
            .map_err(failed(&self.path, "read the data version"))
    }
}

#[cfg(test)]
mod tests {
    use super::snippet_parts;

    #[test]
    fn snippet_marks_become_parts() {
        let parts = snippet_parts("…les \u{2}frappes\u{3} sur \u{2}Deir\u{3}");
        let shown: Vec<(&str, bool)> = parts.iter().map(|p| (p.text.as_str(), p.hit)).collect();
        assert_eq!(
            shown,
            vec![
                ("…les ", false),
                ("frappes", true),
                (" sur ", false),
                ("Deir", true)
            ]
        );
        assert!(snippet_parts("").is_empty());
        // An unbalanced mark never panics and never leaks a control character.
        let stray = snippet_parts("a\u{3}b\u{2}c");
        assert!(stray.iter().all(|p| !p.text.contains(['\u{2}', '\u{3}'])));
    }
}
