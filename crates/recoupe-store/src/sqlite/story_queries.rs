//! Reads of the cross-article layer: stories, one story, facts, event records, the copies
//! and facts of one article.

use std::collections::HashMap;

use recoupe_events::EventRecord;
use recoupe_model::{DocId, Qualifier, QuantityValue, Span};
use recoupe_stories::{Link, Story};
use rusqlite::{params, OptionalExtension};

use super::stories::{read_copies_from, unpack};
use super::{enum_from_str, failed, optional_date, SqliteStore};
use crate::stories::*;
use crate::{fold, Store, StoreError};

const SUMMARY_COLUMNS: &str = "s.story_rowid, s.id, s.title, s.first_date, s.last_date, \
     s.articles, s.appearances, s.independent, s.disagreements, s.event_type";

type RawSummary = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    u64,
    u64,
    u64,
    u64,
    Option<String>,
);

fn raw_summary(row: &rusqlite::Row<'_>) -> rusqlite::Result<RawSummary> {
    // Every column in order, as the tuple's types say.
    RawSummary::try_from(row)
}

impl SqliteStore {
    fn corrupt_story(&self, table: &'static str, reason: String) -> StoreError {
        StoreError::CorruptRow {
            path: self.path.clone(),
            table,
            reason,
        }
    }

    fn doc_rowid(&self, id: &DocId) -> Result<Option<i64>, StoreError> {
        self.conn
            .prepare_cached("SELECT doc_rowid FROM documents WHERE id = ?1")
            .and_then(|mut stmt| stmt.query_row([id.as_str()], |row| row.get(0)).optional())
            .map_err(failed(&self.path, &format!("find document {id}")))
    }

    fn summary(&self, raw: RawSummary) -> Result<StorySummary, StoreError> {
        let (
            rowid,
            id,
            title,
            first,
            last,
            articles,
            appearances,
            independent,
            disagreements,
            event_type,
        ) = raw;
        let outlets: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT a.outlet FROM story_members m
                 JOIN appearances a ON a.doc_rowid = m.doc_rowid
                 WHERE m.story_rowid = ?1 AND a.outlet IS NOT NULL ORDER BY a.outlet",
            )
            .and_then(|mut stmt| {
                stmt.query_map([rowid], |row| row.get(0))?
                    .collect::<rusqlite::Result<_>>()
            })
            .map_err(failed(
                &self.path,
                &format!("read the outlets of story {id}"),
            ))?;
        Ok(StorySummary {
            first_date: optional_date(first, &self.path)?,
            last_date: optional_date(last, &self.path)?,
            id,
            title,
            articles,
            appearances,
            outlets,
            independent_sources: independent,
            disagreements,
            single_source: independent <= 1,
            disagreeing: disagreements > 0,
            event_type,
        })
    }

    fn summaries(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        what: &str,
    ) -> Result<Vec<StorySummary>, StoreError> {
        let raws: Vec<RawSummary> = self
            .conn
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.query_map(params, raw_summary)?.collect())
            .map_err(failed(&self.path, what))?;
        raws.into_iter().map(|raw| self.summary(raw)).collect()
    }

    /// The story row of a story id, a unique prefix of one, or a document reference (its
    /// story).
    fn find_story(&self, reference: &str) -> Result<Option<i64>, StoreError> {
        let reference = reference.trim();
        if reference.is_empty() {
            return Ok(None);
        }
        let fail = || failed(&self.path, &format!("look up story `{reference}`"));
        let exact: Option<i64> = self
            .conn
            .prepare_cached("SELECT story_rowid FROM stories WHERE id = ?1")
            .and_then(|mut stmt| stmt.query_row([reference], |row| row.get(0)).optional())
            .map_err(fail())?;
        if exact.is_some() {
            return Ok(exact);
        }
        let lowercase = reference.to_ascii_lowercase();
        if lowercase.len() <= 32 && lowercase.bytes().all(|b| b.is_ascii_hexdigit()) {
            let found: Vec<(i64, String)> = self
                .conn
                .prepare_cached(
                    "SELECT story_rowid, id FROM stories WHERE id GLOB ?1 || '*'
                     ORDER BY id LIMIT 11",
                )
                .and_then(|mut stmt| {
                    stmt.query_map([&lowercase], |row| row.try_into())?
                        .collect()
                })
                .map_err(fail())?;
            match found.len() {
                0 => {}
                1 => return Ok(Some(found[0].0)),
                _ => {
                    let mut candidates: Vec<String> = found.into_iter().map(|f| f.1).collect();
                    if candidates.len() > 10 {
                        candidates.truncate(10);
                        candidates.push("…".into());
                    }
                    return Err(StoreError::AmbiguousId {
                        reference: reference.to_string(),
                        candidates,
                    });
                }
            }
        }
        // A document reference: the story it belongs to.
        let Some(doc) = self.get(reference)? else {
            return Ok(None);
        };
        self.conn
            .prepare_cached(
                "SELECT m.story_rowid FROM story_members m JOIN documents d USING (doc_rowid)
                 WHERE d.id = ?1",
            )
            .and_then(|mut stmt| {
                stmt.query_row([doc.id.as_str()], |row| row.get(0))
                    .optional()
            })
            .map_err(fail())
    }

    fn story_json(&self, rowid: i64) -> Result<(Story, Option<EventRecord>), StoreError> {
        let (story, event): (String, Option<String>) = self
            .conn
            .prepare_cached("SELECT story, event FROM stories WHERE story_rowid = ?1")
            .and_then(|mut stmt| stmt.query_row([rowid], |row| row.try_into()))
            .map_err(failed(&self.path, &format!("read story row {rowid}")))?;
        let story: Story = serde_json::from_str(&story)
            .map_err(|e| self.corrupt_story("stories", format!("story row {rowid}: {e}")))?;
        let event = event
            .map(|e| serde_json::from_str::<EventRecord>(&e))
            .transpose()
            .map_err(|e| {
                self.corrupt_story("stories", format!("event of story {}: {e}", story.id))
            })?;
        Ok((story, event))
    }

    /// The whole cross-article layer read back: every story with its event record, every
    /// copy pair with its passages, every article's features. For scoring the layer as
    /// stored (`recoupe eval`); on a large store it is large.
    pub fn story_layer(&self) -> Result<StoryLayer, StoreError> {
        let fail = || failed(&self.path, "read the cross-article layer");
        let rowids: Vec<i64> = self
            .conn
            .prepare("SELECT story_rowid FROM stories ORDER BY id")
            .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
            .map_err(fail())?;
        let mut stories = Vec::with_capacity(rowids.len());
        for rowid in rowids {
            stories.push(self.story_json(rowid)?);
        }
        let firsts: Vec<i64> = self
            .conn
            .prepare("SELECT DISTINCT a FROM copies")
            .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
            .map_err(fail())?;
        let mut copies = Vec::new();
        for a in firsts {
            copies.extend(
                read_copies_from(&self.conn, &self.path, a)?
                    .into_iter()
                    .map(|(_, pair)| pair),
            );
        }
        copies.sort_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
        let packed: Vec<(i64, Vec<u8>)> = self
            .conn
            .prepare("SELECT doc_rowid, features FROM story_features")
            .and_then(|mut stmt| stmt.query_map([], |row| row.try_into())?.collect())
            .map_err(fail())?;
        let mut features = Vec::with_capacity(packed.len());
        for (rowid, bytes) in packed {
            let f: recoupe_stories::DocFeatures = unpack(&bytes).map_err(|e| {
                self.corrupt_story("story_features", format!("document row {rowid}: {e}"))
            })?;
            features.push(f);
        }
        features.sort_by(|x, y| x.id.cmp(&y.id));
        Ok(StoryLayer {
            stories,
            copies,
            features,
        })
    }

    pub(super) fn list_stories(
        &self,
        filter: &StoryFilter,
    ) -> Result<Vec<StorySummary>, StoreError> {
        let order = match filter.order {
            StoryOrder::Articles => "s.articles DESC, s.last_date DESC, s.id",
            StoryOrder::IndependentSources => {
                "s.independent DESC, s.articles DESC, s.last_date DESC, s.id"
            }
        };
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM stories s
             WHERE s.articles >= ?1 AND (?2 = 0 OR s.disagreements > 0)
             ORDER BY {order} LIMIT ?3"
        );
        self.summaries(
            &sql,
            params![
                filter.min_articles.min(i64::MAX as usize) as i64,
                filter.disagreeing,
                filter.limit.min(i64::MAX as usize) as i64
            ],
            "list stories",
        )
    }

    pub(super) fn read_story(&self, reference: &str) -> Result<Option<StoryDetail>, StoreError> {
        let Some(rowid) = self.find_story(reference)? else {
            return Ok(None);
        };
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM stories s WHERE s.story_rowid = ?1");
        let Some(summary) = self
            .summaries(&sql, [rowid], "read a story")?
            .into_iter()
            .next()
        else {
            return Ok(None);
        };
        let (story, event) = self.story_json(rowid)?;
        let rows: Vec<(String, Option<String>, Option<String>)> = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.title, m.explanation FROM story_members m
                 JOIN documents d USING (doc_rowid) WHERE m.story_rowid = ?1 ORDER BY d.id",
            )
            .and_then(|mut stmt| stmt.query_map([rowid], |row| row.try_into())?.collect())
            .map_err(failed(
                &self.path,
                &format!("read the members of story {}", story.id),
            ))?;
        let mut members = Vec::with_capacity(rows.len());
        for (id, title, explanation) in rows {
            let explanation = explanation
                .map(|e| serde_json::from_str::<Link>(&e))
                .transpose()
                .map_err(|e| self.corrupt_story("story_members", format!("{id}: {e}")))?;
            members.push(StoryMember {
                appearances: self.appearances(&DocId(id.clone()))?,
                id,
                title,
                explanation,
            });
        }
        Ok(Some(StoryDetail {
            summary,
            event,
            members,
            story,
        }))
    }

    pub(super) fn story_of_doc(&self, doc: &DocId) -> Result<Option<StorySummary>, StoreError> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM story_members m JOIN documents d USING (doc_rowid)
             JOIN stories s ON s.story_rowid = m.story_rowid WHERE d.id = ?1"
        );
        Ok(self
            .summaries(&sql, [doc.as_str()], &format!("read the story of {doc}"))?
            .into_iter()
            .next())
    }

    pub(super) fn list_facts(&self, filter: &FactFilter) -> Result<Vec<FactRow>, StoreError> {
        let story = match &filter.story {
            Some(reference) => match self.find_story(reference)? {
                Some(rowid) => Some(rowid),
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        let rows: Vec<(i64, usize, String)> = self
            .conn
            .prepare_cached(
                "SELECT f.story_rowid, f.position, f.fact_id FROM facts f
                 JOIN stories s ON s.story_rowid = f.story_rowid
                 WHERE (?1 = 0 OR f.disagreements > 0) AND (?2 IS NULL OR f.story_rowid = ?2)
                 ORDER BY f.disagreements > 0 DESC, s.articles DESC, s.id, f.position
                 LIMIT ?3",
            )
            .and_then(|mut stmt| {
                stmt.query_map(
                    params![
                        filter.disagreeing,
                        story,
                        filter.limit.min(i64::MAX as usize) as i64
                    ],
                    |row| row.try_into(),
                )?
                .collect()
            })
            .map_err(failed(&self.path, "list facts"))?;
        let mut stories: HashMap<i64, Story> = HashMap::new();
        let mut out = Vec::with_capacity(rows.len());
        for (rowid, position, id) in rows {
            if let std::collections::hash_map::Entry::Vacant(e) = stories.entry(rowid) {
                e.insert(self.story_json(rowid)?.0);
            }
            let story = &stories[&rowid];
            let fact = story.facts.get(position).cloned().ok_or_else(|| {
                self.corrupt_story(
                    "facts",
                    format!("{id}: story {} has no fact {position}", story.id),
                )
            })?;
            out.push(FactRow {
                id,
                story: story.id.to_string(),
                story_title: story.title.clone(),
                fact,
            });
        }
        Ok(out)
    }

    pub(super) fn list_events(&self, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
        let actor = filter
            .actor
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty());
        let folded = actor.map(fold);
        let rows: Vec<(String, String, u64, u64, String)> = self
            .conn
            .prepare_cached(
                "SELECT s.id, s.title, s.articles, s.independent, s.event FROM stories s
                 WHERE s.event IS NOT NULL
                   AND (?1 IS NULL OR upper(s.event_type) = upper(?1))
                   AND (?2 IS NULL OR upper(s.event_country) = upper(?2))
                   AND (?3 IS NULL OR s.event_date_end >= ?3)
                   AND (?4 IS NULL OR s.event_date <= ?4)
                   AND (?5 IS NULL OR EXISTS (SELECT 1 FROM event_entities e
                        WHERE e.story_rowid = s.story_rowid
                          AND (e.entity_key = ?5 OR instr(e.name_folded, ?6) > 0)))
                 ORDER BY s.event_date IS NULL, s.event_date DESC, s.articles DESC, s.id
                 LIMIT ?7",
            )
            .and_then(|mut stmt| {
                stmt.query_map(
                    params![
                        filter.event_type,
                        filter.country,
                        filter.from.map(|d| d.to_string()),
                        filter.to.map(|d| d.to_string()),
                        actor,
                        folded,
                        filter.limit.unwrap_or(usize::MAX).min(i64::MAX as usize) as i64,
                    ],
                    |row| row.try_into(),
                )?
                .collect()
            })
            .map_err(failed(&self.path, "list events"))?;
        rows.into_iter()
            .map(|(story, title, articles, independent, event)| {
                let record: EventRecord = serde_json::from_str(&event).map_err(|e| {
                    self.corrupt_story("stories", format!("event of story {story}: {e}"))
                })?;
                Ok(EventRow {
                    story,
                    title,
                    articles,
                    independent_sources: independent,
                    record,
                })
            })
            .collect()
    }

    pub(super) fn read_event_of_story(
        &self,
        story_id: &str,
    ) -> Result<Option<EventRecord>, StoreError> {
        let event: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT event FROM stories WHERE id = ?1")
            .and_then(|mut stmt| stmt.query_row([story_id], |row| row.get(0)).optional())
            .map_err(failed(
                &self.path,
                &format!("read the event of story {story_id}"),
            ))?;
        event
            .flatten()
            .map(|e| serde_json::from_str(&e))
            .transpose()
            .map_err(|e| self.corrupt_story("stories", format!("event of story {story_id}: {e}")))
    }

    pub(super) fn read_copies_of(&self, doc: &DocId) -> Result<Vec<CopyOf>, StoreError> {
        let Some(rowid) = self.doc_rowid(doc)? else {
            return Ok(Vec::new());
        };
        let fail = || failed(&self.path, &format!("read the copies of {doc}"));
        let mut pairs = read_copies_from(&self.conn, &self.path, rowid)?;
        let firsts: Vec<i64> = self
            .conn
            .prepare_cached("SELECT a FROM copies WHERE b = ?1")
            .and_then(|mut stmt| stmt.query_map([rowid], |row| row.get(0))?.collect())
            .map_err(fail())?;
        for a in firsts {
            pairs.extend(
                read_copies_from(&self.conn, &self.path, a)?
                    .into_iter()
                    .filter(|(b, _)| *b == rowid),
            );
        }
        let mut out = Vec::with_capacity(pairs.len());
        for (_, pair) in pairs {
            let here_is_a = pair.a == *doc;
            let other = if here_is_a { &pair.b } else { &pair.a };
            let (title, outlet): (Option<String>, Option<String>) = self
                .conn
                .prepare_cached("SELECT title, outlet FROM documents WHERE id = ?1")
                .and_then(|mut stmt| stmt.query_row([other.as_str()], |row| row.try_into()))
                .map_err(fail())?;
            out.push(CopyOf {
                other: other.to_string(),
                other_title: title,
                other_outlet: outlet,
                share: if here_is_a {
                    pair.share_a
                } else {
                    pair.share_b
                },
                other_share: if here_is_a {
                    pair.share_b
                } else {
                    pair.share_a
                },
                origin: pair.origin.as_ref().map(|o| o.to_string()),
                passages: pair
                    .passages
                    .iter()
                    .map(|p| SharedPassage {
                        here: if here_is_a { p.a } else { p.b },
                        there: if here_is_a { p.b } else { p.a },
                        words: p.words as u64,
                    })
                    .collect(),
            });
        }
        out.sort_by(|x, y| y.share.total_cmp(&x.share).then(x.other.cmp(&y.other)));
        Ok(out)
    }

    pub(super) fn read_facts_of(&self, doc: &DocId) -> Result<Vec<DocFact>, StoreError> {
        let Some(rowid) = self.doc_rowid(doc)? else {
            return Ok(Vec::new());
        };
        type Raw = (usize, usize, String, String, String, bool, Option<String>);
        let rows: Vec<Raw> = self
            .conn
            .prepare_cached(
                "SELECT r.start_byte, r.end_byte, f.fact_id, r.value, r.qualifier, r.earlier,
                        r.source_key
                 FROM fact_reports r JOIN facts f
                   ON f.story_rowid = r.story_rowid AND f.position = r.fact_position
                 WHERE r.doc_rowid = ?1 ORDER BY r.start_byte, f.fact_id",
            )
            .and_then(|mut stmt| stmt.query_map([rowid], |row| row.try_into())?.collect())
            .map_err(failed(&self.path, &format!("read the facts of {doc}")))?;
        rows.into_iter()
            .map(|(start, end, fact, value, qualifier, earlier, source)| {
                let corrupt = |reason: String| {
                    self.corrupt_story("fact_reports", format!("{doc} in {fact}: {reason}"))
                };
                let value: QuantityValue =
                    serde_json::from_str(&value).map_err(|e| corrupt(e.to_string()))?;
                let qualifier: Qualifier = enum_from_str(&qualifier).map_err(corrupt)?;
                Ok(DocFact {
                    span: Span::new(start, end),
                    fact,
                    value,
                    qualifier,
                    earlier,
                    source,
                })
            })
            .collect()
    }
}
