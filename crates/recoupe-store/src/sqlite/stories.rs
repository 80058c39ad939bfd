//! The cross-article layer over SQLite (`migrations/0004_stories.sql`).
//!
//! When articles are stored, each one's [`DocFeatures`] and index keys are persisted; its
//! candidates come from the `story_keys` index ([`SqliteIndex`], never a scan of the
//! archive); story links and copied passages with those candidates are persisted; then the
//! region of links around the new articles is clustered again and only the stories whose
//! members changed are rewritten, with their facts, reports and event record
//! (`recoupe_events::story_event`). This is what `recoupe_stories::StoryEngine` does in
//! memory, with the same functions, so the stories depend on the set of articles, not on
//! the order they were stored in.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::rc::Rc;

use chrono::NaiveDate;
use recoupe_events::{story_event, EventRecord, StoryFact};
use recoupe_model::{DocId, Document, Span};
use recoupe_stories::{
    build_story, cluster, copy_candidates, find_copies_in, index_keys, is_link, score_pair,
    story_candidate, words, CandidateIndex, Config, CopyPair, DocFeatures, Hits, IndexKey, KeyKind,
    Link, Passage, Story,
};
use rusqlite::{params, Connection, OptionalExtension};

use super::{failed, RawDocument, DOCUMENT_COLUMNS};
use crate::fold;
use crate::stories::StoryUpdate;
use crate::StoreError;

fn kind_code(kind: KeyKind) -> i64 {
    match kind {
        KeyKind::Term => 0,
        KeyKind::Entity => 1,
        KeyKind::Fingerprint => 2,
    }
}

/// Index keys are 64-bit hashes; SQLite integers are signed: the bits are kept.
fn key_code(key: u64) -> i64 {
    key as i64
}

/// recoupe-stories' candidate index over the `story_keys` table: one indexed lookup per key
/// of the new article. The trait has no error channel, so the first SQLite error is kept
/// and read back with [`SqliteIndex::take_error`].
pub struct SqliteIndex<'c> {
    conn: &'c Connection,
    error: RefCell<Option<rusqlite::Error>>,
}

impl<'c> SqliteIndex<'c> {
    pub(super) fn new(conn: &'c Connection) -> SqliteIndex<'c> {
        SqliteIndex {
            conn,
            error: RefCell::new(None),
        }
    }

    /// The first error met by [`CandidateIndex`] calls, if any.
    pub fn take_error(&self) -> Option<rusqlite::Error> {
        self.error.borrow_mut().take()
    }

    fn keep(&self, error: rusqlite::Error) {
        let mut slot = self.error.borrow_mut();
        if slot.is_none() {
            *slot = Some(error);
        }
    }

    /// Documents (by rowid) sharing keys with `keys`, with the shared keys counted by kind.
    pub(super) fn hits(&self, keys: &[IndexKey]) -> rusqlite::Result<BTreeMap<i64, Hits>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT doc_rowid FROM story_keys WHERE kind = ?1 AND key = ?2")?;
        let mut out: BTreeMap<i64, Hits> = BTreeMap::new();
        let mut docs: Vec<i64> = Vec::new();
        for key in keys {
            docs.clear();
            let mut rows = stmt.query(params![kind_code(key.kind), key_code(key.key)])?;
            while let Some(row) = rows.next()? {
                docs.push(row.get(0)?);
            }
            for &doc in &docs {
                out.entry(doc).or_default().add(key.kind, docs.len());
            }
        }
        Ok(out)
    }

    pub(super) fn file(&self, rowid: i64, keys: &[IndexKey]) -> rusqlite::Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO story_keys (kind, key, doc_rowid) VALUES (?1, ?2, ?3)
             ON CONFLICT DO NOTHING",
        )?;
        for key in keys {
            stmt.execute(params![kind_code(key.kind), key_code(key.key), rowid])?;
        }
        Ok(())
    }

    fn rowid(&self, doc: &DocId) -> rusqlite::Result<Option<i64>> {
        self.conn
            .prepare_cached("SELECT doc_rowid FROM documents WHERE id = ?1")?
            .query_row([doc.as_str()], |row| row.get(0))
            .optional()
    }

    fn id(&self, rowid: i64) -> rusqlite::Result<String> {
        self.conn
            .prepare_cached("SELECT id FROM documents WHERE doc_rowid = ?1")?
            .query_row([rowid], |row| row.get(0))
    }
}

impl CandidateIndex for SqliteIndex<'_> {
    /// Files a stored document under its keys (a document not stored is an error kept for
    /// [`SqliteIndex::take_error`]).
    fn insert(&mut self, doc: &DocId, keys: &[IndexKey]) {
        let result = self.rowid(doc).and_then(|rowid| match rowid {
            Some(rowid) => self.file(rowid, keys),
            None => Err(rusqlite::Error::QueryReturnedNoRows),
        });
        if let Err(e) = result {
            self.keep(e);
        }
    }

    fn lookup(&self, keys: &[IndexKey]) -> BTreeMap<DocId, Hits> {
        let run = || -> rusqlite::Result<BTreeMap<DocId, Hits>> {
            let mut out = BTreeMap::new();
            for (rowid, hits) in self.hits(keys)? {
                out.insert(DocId(self.id(rowid)?), hits);
            }
            Ok(out)
        };
        run().unwrap_or_else(|e| {
            self.keep(e);
            BTreeMap::new()
        })
    }
}

/// zstd-compressed JSON.
fn pack<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, String> {
    let json = serde_json::to_vec(value).map_err(|e| e.to_string())?;
    zstd::bulk::compress(&json, 3).map_err(|e| e.to_string())
}

pub(super) fn unpack<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let json = zstd::stream::decode_all(bytes).map_err(|e| e.to_string())?;
    serde_json::from_slice(&json).map_err(|e| e.to_string())
}

/// First and last day of a record date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `start/end`).
pub(crate) fn date_bounds(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    fn first(v: &str) -> Option<NaiveDate> {
        match v.len() {
            10 => NaiveDate::parse_from_str(v, "%Y-%m-%d").ok(),
            7 => NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").ok(),
            4 => NaiveDate::from_ymd_opt(v.parse().ok()?, 1, 1),
            _ => None,
        }
    }
    fn last(v: &str) -> Option<NaiveDate> {
        match v.len() {
            10 => NaiveDate::parse_from_str(v, "%Y-%m-%d").ok(),
            7 => {
                let start = first(v)?;
                let next = start.checked_add_months(chrono::Months::new(1))?;
                next.pred_opt()
            }
            4 => NaiveDate::from_ymd_opt(v.parse().ok()?, 12, 31),
            _ => None,
        }
    }
    match value.split_once('/') {
        Some((a, b)) => Some((first(a)?, last(b)?)),
        None => Some((first(value)?, last(value)?)),
    }
}

/// One article being added: its row, its features, and the document when it is at hand
/// (the batch being stored) rather than to be read back.
pub(super) struct NewArticle<'d> {
    pub rowid: i64,
    pub features: DocFeatures,
    pub document: Option<&'d Document>,
}

/// The layer's view of the database during one update (one write transaction).
pub(super) struct Layer<'c, 'd> {
    conn: &'c Connection,
    path: &'c Path,
    config: &'c Config,
    features: HashMap<i64, Rc<DocFeatures>>,
    rowids: HashMap<DocId, i64>,
    documents: HashMap<i64, &'d Document>,
}

type Result<T, E = StoreError> = std::result::Result<T, E>;

impl<'c, 'd> Layer<'c, 'd> {
    pub(super) fn new(conn: &'c Connection, path: &'c Path, config: &'c Config) -> Self {
        Layer {
            conn,
            path,
            config,
            features: HashMap::new(),
            rowids: HashMap::new(),
            documents: HashMap::new(),
        }
    }

    fn fail(&self, operation: &str) -> impl FnOnce(rusqlite::Error) -> StoreError {
        failed(self.path, operation)
    }

    fn corrupt(&self, table: &'static str, reason: String) -> StoreError {
        StoreError::CorruptRow {
            path: self.path.to_path_buf(),
            table,
            reason,
        }
    }

    fn features(&mut self, rowid: i64) -> Result<Rc<DocFeatures>> {
        if let Some(f) = self.features.get(&rowid) {
            return Ok(f.clone());
        }
        let bytes: Vec<u8> = self
            .conn
            .prepare_cached("SELECT features FROM story_features WHERE doc_rowid = ?1")
            .and_then(|mut stmt| stmt.query_row([rowid], |row| row.get(0)))
            .map_err(self.fail(&format!("read the story features of document row {rowid}")))?;
        let features: DocFeatures = unpack(&bytes)
            .map_err(|e| self.corrupt("story_features", format!("document row {rowid}: {e}")))?;
        Ok(self.remember(rowid, features))
    }

    fn remember(&mut self, rowid: i64, features: DocFeatures) -> Rc<DocFeatures> {
        let features = Rc::new(features);
        self.rowids.insert(features.id.clone(), rowid);
        self.features.insert(rowid, features.clone());
        features
    }

    fn rowid_of(&self, id: &DocId) -> Result<i64> {
        match self.rowids.get(id) {
            Some(r) => Ok(*r),
            None => self
                .conn
                .prepare_cached("SELECT doc_rowid FROM documents WHERE id = ?1")
                .and_then(|mut stmt| stmt.query_row([id.as_str()], |row| row.get(0)))
                .map_err(self.fail(&format!("find document {id}"))),
        }
    }

    fn text(&self, rowid: i64) -> Result<String> {
        if let Some(doc) = self.documents.get(&rowid) {
            return Ok(doc.text.clone());
        }
        self.conn
            .prepare_cached("SELECT text FROM documents WHERE doc_rowid = ?1")
            .and_then(|mut stmt| stmt.query_row([rowid], |row| row.get(0)))
            .map_err(self.fail(&format!("read the text of document row {rowid}")))
    }

    fn document(&self, rowid: i64) -> Result<Document> {
        if let Some(doc) = self.documents.get(&rowid) {
            return Ok((*doc).clone());
        }
        read_document(self.conn, self.path, rowid)
    }

    /// Adds articles already written to `documents` (in this transaction): features, index
    /// keys, links and copies with their candidates, then the stories of every region of
    /// links they touch.
    pub(super) fn add(&mut self, articles: Vec<NewArticle<'d>>) -> Result<StoryUpdate> {
        let mut update = StoryUpdate::default();
        let mut added: BTreeSet<i64> = BTreeSet::new();
        for article in articles {
            let rowid = article.rowid;
            if let Some(doc) = article.document {
                self.documents.insert(rowid, doc);
            }
            let packed = pack(&article.features).map_err(|reason| StoreError::Encode {
                id: article.features.id.to_string(),
                reason: format!("story features: {reason}"),
            })?;
            let features = self.remember(rowid, article.features);
            let keys = index_keys(&features, self.config);
            let index = SqliteIndex::new(self.conn);
            let candidates = index
                .hits(&keys)
                .map_err(self.fail(&format!("look up the candidates of {}", features.id)))?;
            let to_align =
                copy_candidates(candidates.iter().filter(|(r, _)| **r != rowid), self.config);
            // The new article's text and words, split once for all its copy candidates.
            let mine = if to_align.is_empty() {
                None
            } else {
                let text = self.text(rowid)?;
                let split = words(&text);
                Some((text, split))
            };
            for (other, hits) in candidates {
                if other == rowid {
                    continue;
                }
                let story = story_candidate(&hits);
                let copy = to_align.contains(&other);
                if !story && !copy {
                    continue;
                }
                let theirs = self.features(other)?;
                if story {
                    let link = score_pair(&features, &theirs, &self.config.stories);
                    if is_link(&link, &self.config.stories) {
                        self.write_link(&link)?;
                        update.links += 1;
                    }
                }
                if let (true, Some((my_text, my_words))) = (copy, &mine) {
                    let their_text = self.text(other)?;
                    let their_words = words(&their_text);
                    if let Some(pair) = find_copies_in(
                        (&features, my_text, my_words),
                        (&theirs, &their_text, &their_words),
                        &self.config.copies,
                    ) {
                        self.write_copy(&pair)?;
                        update.copies += 1;
                    }
                }
            }
            index
                .file(rowid, &keys)
                .map_err(self.fail(&format!("index {}", features.id)))?;
            self.conn
                .prepare_cached("INSERT INTO story_features (doc_rowid, features) VALUES (?1, ?2)")
                .and_then(|mut stmt| stmt.execute(params![rowid, packed]))
                .map_err(self.fail(&format!("store the story features of {}", features.id)))?;
            added.insert(rowid);
            update.articles += 1;
        }
        let mut done: BTreeSet<i64> = BTreeSet::new();
        for &rowid in &added {
            if done.contains(&rowid) {
                continue;
            }
            let region = self.region(rowid)?;
            done.extend(region.iter().copied());
            update.stories_written += self.recompute(&region, &added)?;
        }
        Ok(update)
    }

    fn write_link(&self, link: &Link) -> Result<()> {
        let (a, b) = (self.rowid_of(&link.a)?, self.rowid_of(&link.b)?);
        let json = serde_json::to_string(link).map_err(|source| StoreError::Serialize {
            id: format!("link {} {}", link.a, link.b),
            source,
        })?;
        self.conn
            .prepare_cached(
                "INSERT INTO story_links (a, b, score, link) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(a, b) DO UPDATE SET score = excluded.score, link = excluded.link",
            )
            .and_then(|mut stmt| stmt.execute(params![a, b, link.score, json]))
            .map_err(self.fail(&format!("store the link {} – {}", link.a, link.b)))?;
        Ok(())
    }

    fn write_copy(&self, pair: &CopyPair) -> Result<()> {
        let (a, b) = (self.rowid_of(&pair.a)?, self.rowid_of(&pair.b)?);
        let origin = pair.origin.as_ref().map(|o| self.rowid_of(o)).transpose()?;
        let run = || -> rusqlite::Result<()> {
            self.conn
                .prepare_cached(
                    "INSERT OR REPLACE INTO copies (a, b, share_a, share_b, origin)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![a, b, pair.share_a, pair.share_b, origin])?;
            self.conn
                .prepare_cached("DELETE FROM copy_passages WHERE a = ?1 AND b = ?2")?
                .execute(params![a, b])?;
            let mut stmt = self.conn.prepare_cached(
                "INSERT INTO copy_passages (a, b, position, a_start, a_end, b_start, b_end, words)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for (position, p) in pair.passages.iter().enumerate() {
                stmt.execute(params![
                    a, b, position, p.a.start, p.a.end, p.b.start, p.b.end, p.words
                ])?;
            }
            Ok(())
        };
        run().map_err(self.fail(&format!("store the copies {} – {}", pair.a, pair.b)))
    }

    fn neighbours(&self, rowid: i64) -> Result<Vec<i64>> {
        let run = || -> rusqlite::Result<Vec<i64>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT b FROM story_links WHERE a = ?1 UNION ALL
                 SELECT a FROM story_links WHERE b = ?1",
            )?;
            let rows = stmt.query_map([rowid], |row| row.get(0))?;
            rows.collect()
        };
        run().map_err(self.fail(&format!("read the links of document row {rowid}")))
    }

    /// The connected component of links around `rowid`.
    fn region(&self, rowid: i64) -> Result<Vec<i64>> {
        let mut seen: BTreeSet<i64> = BTreeSet::new();
        let mut todo = vec![rowid];
        while let Some(next) = todo.pop() {
            if !seen.insert(next) {
                continue;
            }
            for n in self.neighbours(next)? {
                if !seen.contains(&n) {
                    todo.push(n);
                }
            }
        }
        Ok(seen.into_iter().collect())
    }

    /// Links among `members` (each once, read from the side of its smaller id).
    fn links_among(&self, members: &[i64]) -> Result<Vec<Link>> {
        let set: BTreeSet<i64> = members.iter().copied().collect();
        let mut out = Vec::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT b, link FROM story_links WHERE a = ?1")
            .map_err(self.fail("read story links"))?;
        for &a in members {
            let rows: Vec<(i64, String)> = stmt
                .query_map([a], |row| row.try_into())
                .and_then(|rows| rows.collect())
                .map_err(failed(self.path, "read story links"))?;
            for (b, json) in rows {
                if set.contains(&b) {
                    let link: Link = serde_json::from_str(&json)
                        .map_err(|e| self.corrupt("story_links", format!("{a}–{b}: {e}")))?;
                    out.push(link);
                }
            }
        }
        Ok(out)
    }

    /// Copy pairs among `members`, with their passages.
    fn copies_among(&self, members: &[i64]) -> Result<Vec<CopyPair>> {
        let set: BTreeSet<i64> = members.iter().copied().collect();
        let mut out = Vec::new();
        for &a in members {
            for (b, pair) in read_copies_from(self.conn, self.path, a)? {
                if set.contains(&b) {
                    out.push(pair);
                }
            }
        }
        Ok(out)
    }

    /// Members of each stored story touching `region`.
    fn old_stories(&self, region: &[i64]) -> Result<BTreeMap<i64, Vec<i64>>> {
        let run = || -> rusqlite::Result<BTreeMap<i64, Vec<i64>>> {
            let mut of = self
                .conn
                .prepare_cached("SELECT story_rowid FROM story_members WHERE doc_rowid = ?1")?;
            let mut members = self.conn.prepare_cached(
                "SELECT doc_rowid FROM story_members WHERE story_rowid = ?1 ORDER BY doc_rowid",
            )?;
            let mut out = BTreeMap::new();
            for &rowid in region {
                let Some(story) = of
                    .query_row([rowid], |row| row.get::<_, i64>(0))
                    .optional()?
                else {
                    continue;
                };
                if out.contains_key(&story) {
                    continue;
                }
                let list: Vec<i64> = members
                    .query_map([story], |row| row.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                out.insert(story, list);
            }
            Ok(out)
        };
        run().map_err(self.fail("read the stories of a region"))
    }

    /// Clusters `region` again and rewrites the stories whose members changed. Returns the
    /// number of stories written.
    fn recompute(&mut self, region: &[i64], added: &BTreeSet<i64>) -> Result<u64> {
        let mut features = Vec::with_capacity(region.len());
        for &rowid in region {
            features.push(self.features(rowid)?);
        }
        let links = self.links_among(region)?;
        let groups = {
            let refs: Vec<&DocFeatures> = features.iter().map(|f| f.as_ref()).collect();
            let link_refs: Vec<&Link> = links.iter().collect();
            cluster(&refs, &link_refs, &self.config.stories)
        };
        let mut groups: Vec<Vec<i64>> = groups
            .iter()
            .map(|g| {
                let mut rows: Vec<i64> = g.iter().map(|id| self.rowids[id]).collect();
                rows.sort_unstable();
                rows
            })
            .collect();
        let old = self.old_stories(region)?;
        let unchanged: BTreeSet<Vec<i64>> = old.values().cloned().collect();
        groups.retain(|g| !(unchanged.contains(g) && g.iter().all(|r| !added.contains(r))));
        // Stories whose members are regrouped are deleted before any is written, so that a
        // story id (its smallest member) can be reused by the new grouping.
        let regrouped: BTreeSet<i64> = groups.iter().flatten().copied().collect();
        for (story, members) in &old {
            if members.iter().any(|m| regrouped.contains(m)) {
                delete_story(self.conn, *story).map_err(self.fail("delete a recomputed story"))?;
            }
        }
        let mut written = 0;
        for group in &groups {
            self.write_story(group, &links)?;
            written += 1;
        }
        Ok(written)
    }

    fn write_story(&mut self, group: &[i64], region_links: &[Link]) -> Result<()> {
        let mut features = Vec::with_capacity(group.len());
        for &rowid in group {
            features.push(self.features(rowid)?);
        }
        let ids: BTreeSet<&DocId> = features.iter().map(|f| &f.id).collect();
        let links: Vec<&Link> = region_links
            .iter()
            .filter(|l| ids.contains(&l.a) && ids.contains(&l.b))
            .collect();
        let copies = self.copies_among(group)?;
        let story = {
            let refs: Vec<&DocFeatures> = features.iter().map(|f| f.as_ref()).collect();
            let copy_refs: Vec<&CopyPair> = copies.iter().collect();
            build_story(&refs, &links, &copy_refs)
        };
        let mut documents = Vec::with_capacity(story.articles.len());
        for id in &story.articles {
            documents.push(self.document(self.rowid_of(id)?)?);
        }
        let record = {
            let refs: Vec<&Document> = documents.iter().collect();
            let facts: Vec<StoryFact> = story
                .facts
                .iter()
                .map(|f| StoryFact {
                    id: fact_id(&story.id, &f.key),
                    reports: f
                        .reports
                        .iter()
                        .filter_map(|r| {
                            let k = story.articles.iter().position(|a| *a == r.doc)?;
                            Some((k, r.span))
                        })
                        .collect(),
                })
                .collect();
            story_event(&refs, &facts)
        };
        write_story_rows(self.conn, self.path, &story, record.as_ref(), group, |id| {
            self.rowids.get(id).copied()
        })
    }
}

/// `<story id>/<fact key>`: the id of a fact in listings, exports and event records.
pub(crate) fn fact_id(story: &DocId, key: &str) -> String {
    format!("{story}/{key}")
}

pub(super) fn read_document(conn: &Connection, path: &Path, rowid: i64) -> Result<Document> {
    let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM documents WHERE doc_rowid = ?1");
    let raw = conn
        .prepare_cached(&sql)
        .and_then(|mut stmt| stmt.query_row([rowid], RawDocument::from_row))
        .map_err(failed(path, &format!("read document row {rowid}")))?;
    raw.into_document(path)
}

fn doc_id(conn: &Connection, rowid: i64) -> rusqlite::Result<DocId> {
    conn.prepare_cached("SELECT id FROM documents WHERE doc_rowid = ?1")?
        .query_row([rowid], |row| row.get(0))
        .map(DocId)
}

/// The copy pairs stored with `a` as their first article: `(b, pair)`.
pub(super) fn read_copies_from(
    conn: &Connection,
    path: &Path,
    a: i64,
) -> Result<Vec<(i64, CopyPair)>> {
    let run = || -> rusqlite::Result<Vec<(i64, CopyPair)>> {
        let rows: Vec<(i64, f64, f64, Option<i64>)> = conn
            .prepare_cached("SELECT b, share_a, share_b, origin FROM copies WHERE a = ?1")?
            .query_map([a], |row| row.try_into())?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(rows.len());
        let a_id = doc_id(conn, a)?;
        for (b, share_a, share_b, origin) in rows {
            let passages = conn
                .prepare_cached(
                    "SELECT a_start, a_end, b_start, b_end, words FROM copy_passages
                     WHERE a = ?1 AND b = ?2 ORDER BY position",
                )?
                .query_map(params![a, b], |row| {
                    Ok(Passage {
                        a: Span::new(row.get(0)?, row.get(1)?),
                        b: Span::new(row.get(2)?, row.get(3)?),
                        words: row.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let origin = origin.map(|o| doc_id(conn, o)).transpose()?;
            out.push((
                b,
                CopyPair {
                    a: a_id.clone(),
                    b: doc_id(conn, b)?,
                    passages,
                    share_a,
                    share_b,
                    origin,
                },
            ));
        }
        Ok(out)
    };
    run().map_err(failed(
        path,
        &format!("read the copies of document row {a}"),
    ))
}

fn delete_story(conn: &Connection, story: i64) -> rusqlite::Result<()> {
    for sql in [
        "DELETE FROM stories WHERE story_rowid = ?1",
        "DELETE FROM facts WHERE story_rowid = ?1",
        "DELETE FROM fact_reports WHERE story_rowid = ?1",
        "DELETE FROM event_entities WHERE story_rowid = ?1",
    ] {
        conn.prepare_cached(sql)?.execute([story])?;
    }
    Ok(())
}

/// Appearances and distinct outlets of the documents `members`.
fn appearance_counts(conn: &Connection, members: &[i64]) -> rusqlite::Result<(u64, u64)> {
    let mut stmt = conn.prepare_cached("SELECT outlet FROM appearances WHERE doc_rowid = ?1")?;
    let (mut appearances, mut outlets) = (0u64, BTreeSet::new());
    for &m in members {
        let rows: Vec<Option<String>> = stmt
            .query_map([m], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        appearances += rows.len() as u64;
        outlets.extend(rows.into_iter().flatten());
    }
    Ok((appearances, outlets.len() as u64))
}

/// Refreshes the appearance and outlet counts of the story of document `rowid` (after a
/// new publication of its text).
pub(super) fn refresh_counts(conn: &Connection, rowid: i64) -> rusqlite::Result<()> {
    let Some(story): Option<i64> = conn
        .prepare_cached("SELECT story_rowid FROM story_members WHERE doc_rowid = ?1")?
        .query_row([rowid], |row| row.get(0))
        .optional()?
    else {
        return Ok(());
    };
    let members: Vec<i64> = conn
        .prepare_cached("SELECT doc_rowid FROM story_members WHERE story_rowid = ?1")?
        .query_map([story], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let (appearances, outlets) = appearance_counts(conn, &members)?;
    conn.prepare_cached(
        "UPDATE stories SET appearances = ?1, outlets = ?2 WHERE story_rowid = ?3",
    )?
    .execute(params![appearances, outlets, story])?;
    Ok(())
}

fn write_story_rows(
    conn: &Connection,
    path: &Path,
    story: &Story,
    record: Option<&EventRecord>,
    members: &[i64],
    rowid_of: impl Fn(&DocId) -> Option<i64>,
) -> Result<()> {
    let serialise = |what: &str, e: serde_json::Error| StoreError::Serialize {
        id: format!("{what} of story {}", story.id),
        source: e,
    };
    let story_json = serde_json::to_string(story).map_err(|e| serialise("the story", e))?;
    let event_json = record
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| serialise("the event record", e))?;
    let mut explanations = Vec::with_capacity(members.len());
    for &m in members {
        let best = story
            .links
            .iter()
            .filter(|l| rowid_of(&l.a) == Some(m) || rowid_of(&l.b) == Some(m))
            .max_by(|x, y| {
                x.score
                    .total_cmp(&y.score)
                    .then((&y.a, &y.b).cmp(&(&x.a, &x.b)))
            });
        explanations.push(
            best.map(serde_json::to_string)
                .transpose()
                .map_err(|e| serialise("a membership", e))?,
        );
    }
    let run = || -> rusqlite::Result<()> {
        let (appearances, outlets) = appearance_counts(conn, members)?;
        let dates = record
            .and_then(|r| r.date.as_ref())
            .and_then(|d| date_bounds(&d.value));
        conn.prepare_cached(
            "INSERT INTO stories (id, title, first_date, last_date, articles, appearances,
                 outlets, independent, disagreements, story, event, event_type, event_country,
                 event_date, event_date_end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        )?
        .execute(params![
            story.id.as_str(),
            story.title,
            story.dates.map(|d| d.0.to_string()),
            story.dates.map(|d| d.1.to_string()),
            story.articles.len(),
            appearances,
            outlets,
            story.independent_articles,
            story.disagreements,
            story_json,
            event_json,
            record.map(|r| r.event_type.as_str()),
            record.and_then(|r| r.country.clone()),
            dates.map(|d| d.0.to_string()),
            dates.map(|d| d.1.to_string()),
        ])?;
        let story_rowid = conn.last_insert_rowid();
        let mut stmt = conn.prepare_cached(
            "INSERT OR REPLACE INTO story_members (doc_rowid, story_rowid, explanation)
             VALUES (?1, ?2, ?3)",
        )?;
        for (&m, explanation) in members.iter().zip(&explanations) {
            stmt.execute(params![m, story_rowid, explanation])?;
        }
        let mut fact_stmt = conn.prepare_cached(
            "INSERT INTO facts (story_rowid, position, fact_id, key, category, part, part_name,
                 articles, disagreements)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        let mut report_stmt = conn.prepare_cached(
            "INSERT INTO fact_reports (story_rowid, fact_position, position, doc_rowid,
                 start_byte, end_byte, value, qualifier, earlier, source_key, source_name)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for (position, fact) in story.facts.iter().enumerate() {
            fact_stmt.execute(params![
                story_rowid,
                position,
                fact_id(&story.id, &fact.key),
                fact.key,
                fact.category,
                fact.part,
                fact.part_name,
                fact.articles(),
                fact.disagreements.len(),
            ])?;
            for (k, report) in fact.reports.iter().enumerate() {
                let Some(doc) = rowid_of(&report.doc) else {
                    continue;
                };
                report_stmt.execute(params![
                    story_rowid,
                    position,
                    k,
                    doc,
                    report.span.start,
                    report.span.end,
                    serde_json::to_string(&report.value).unwrap_or_default(),
                    super::enum_str(&report.qualifier),
                    report.earlier,
                    report.source.as_ref().map(|s| s.key.as_str()),
                    report.source.as_ref().map(|s| s.name.as_str()),
                ])?;
            }
        }
        if let Some(record) = record {
            let mut stmt = conn.prepare_cached(
                "INSERT OR IGNORE INTO event_entities (story_rowid, role, entity_key, name_folded)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            let responsible = record.responsibility.iter().map(|r| &r.actor);
            for (role, entity) in record
                .actors
                .iter()
                .map(|e| ("actor", e))
                .chain(record.recipients.iter().map(|e| ("recipient", e)))
                .chain(responsible.map(|e| ("responsible", e)))
            {
                stmt.execute(params![
                    story_rowid,
                    role,
                    entity.entity,
                    fold(&entity.name)
                ])?;
            }
        }
        Ok(())
    };
    run().map_err(failed(path, &format!("store the story {}", story.id)))
}
