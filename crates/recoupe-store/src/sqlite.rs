//! The SQLite backend.

mod browse;
pub(crate) mod listing;
pub(crate) mod stories;
mod story_queries;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use recoupe_model::{DocId, Document, EntityType, Language, Metadata, Origin, Published, Span};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{de::DeserializeOwned, Serialize};

use crate::cluster::{self, Inputs, KeyInfo, MentionRow};
use crate::layers_codec::{self, LayersEncoder};
use crate::query::{fts_query, SNIPPET_END, SNIPPET_START};
use crate::stories::*;
use crate::types::*;
use crate::{fold, EventRecord, PutOutcome, Store, StoreError};

struct Migration {
    version: u32,
    name: &'static str,
    sql: &'static str,
}

/// Migrations in order; each runs once, in its own transaction. Never edit a released
/// one: add the next number.
const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "initial",
        sql: include_str!("../migrations/0001_initial.sql"),
    },
    Migration {
        version: 2,
        name: "entity_merges",
        sql: include_str!("../migrations/0002_entity_merges.sql"),
    },
    Migration {
        version: 3,
        name: "appearances",
        sql: include_str!("../migrations/0003_appearances.sql"),
    },
    Migration {
        version: 4,
        name: "stories",
        sql: include_str!("../migrations/0004_stories.sql"),
    },
    Migration {
        version: 5,
        name: "pending_work",
        sql: include_str!("../migrations/0005_pending_work.sql"),
    },
    Migration {
        version: 6,
        name: "entity_counts",
        sql: include_str!("../migrations/0006_entity_counts.sql"),
    },
    Migration {
        version: 7,
        name: "published_evidence",
        sql: include_str!("../migrations/0007_published_evidence.sql"),
    },
];

/// Schema version this build creates and understands (`PRAGMA user_version`).
pub const SQLITE_SCHEMA_VERSION: u32 = 7;

/// Marks the file as a recoupe database (`PRAGMA application_id`), "RCUP".
const APPLICATION_ID: i32 = 0x5243_5550;

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

const DOCUMENT_COLUMNS: &str = "id, external_id, url, outlet, title, published, published_source, \
     language, language_confidence, cluster, ingested_at, origin_kind, origin_path, \
     origin_record, text, layers, schema_version, published_from_start, published_from_end";

const INSERT_DOCUMENT: &str = "INSERT INTO documents (id, external_id, url, outlet, title, \
     published, published_source, language, language_confidence, cluster, ingested_at, \
     origin_kind, origin_path, origin_record, text, layers, schema_version, n_sentences, \
     n_tokens, n_entities, n_nationalities, n_places, n_dates, n_quantities, n_attributions, \
     n_unsourced, n_events, published_from_start, published_from_end) VALUES (?1, ?2, ?3, ?4, \
     ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, \
     ?24, ?25, ?26, ?27, ?28, ?29) \
     ON CONFLICT(id) DO NOTHING";

/// One appearance of a document (`?1` its rowid) with its identity computed as migration
/// 0003 computes it for the documents stored before it.
const INSERT_APPEARANCE: &str = "INSERT INTO appearances (doc_rowid, identity, external_id, \
     url, outlet, title, published, published_source, cluster, ingested_at, origin_kind, \
     origin_path, origin_record) VALUES (?1, \
     CASE WHEN ?4 IS NULL AND ?3 IS NULL AND ?2 IS NULL THEN json_array('record', ?11, ?12) \
     ELSE json_array('publication', ?4, ?3, ?2, CASE WHEN ?7 = 'metadata' THEN ?6 END) END, \
     ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
     ON CONFLICT(doc_rowid, identity) DO NOTHING";

const APPEARANCE_COLUMNS: &str = "external_id, url, outlet, title, published, \
     published_source, cluster, ingested_at, origin_kind, origin_path, origin_record";

const INSERT_FTS: &str = "INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)";

const INSERT_MENTION: &str = "INSERT INTO mentions (entity_key, doc_rowid, position, \
     start_byte, end_byte, label, surface) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

const COUNT_SURFACE: &str = "INSERT INTO entity_surfaces (entity_key, surface, label, mentions) \
     VALUES (?1, ?2, ?3, 1) ON CONFLICT DO UPDATE SET mentions = mentions + 1";

const COUNT_MONTH: &str = "INSERT INTO entity_months (entity_key, month, mentions, documents) \
     VALUES (?1, ?2, ?3, 1) ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions, \
     documents = documents + 1";

const INSERT_ENTITY_NAME: &str = "INSERT INTO entity_names (name_folded, entity_key) \
     VALUES (?1, ?2) ON CONFLICT DO NOTHING";

const INSERT_ENTITY_LINK: &str = "INSERT INTO entity_links (entity_key, kb, kb_id, kb_name) \
     VALUES (?1, ?2, ?3, ?4) ON CONFLICT(entity_key) DO NOTHING";

const INSERT_ATTRIBUTION: &str = "INSERT INTO attributions (doc_rowid, position, speaker, \
     speaker_folded, speaker_key, speaker_unnamed, content, kind, channel, via, hedged) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

const INSERT_PLACE: &str = "INSERT INTO places (doc_rowid, entity_key, name, country, kind, \
     lat, lon, kb, kb_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/// The keys of the entity whose canonical key is `{root}` (an SQL expression): the root
/// and every key merged into it. For `entity_key IN (…)`.
macro_rules! group_keys {
    ($root:literal) => {
        concat!(
            "(SELECT ",
            $root,
            " UNION SELECT entity_key FROM entity_canonical WHERE canonical_key = ",
            $root,
            ")"
        )
    };
}

/// Canonical key of the key in column or parameter `{key}`.
macro_rules! canonical_of {
    ($key:literal) => {
        concat!(
            "coalesce((SELECT canonical_key FROM entity_canonical WHERE entity_key = ",
            $key,
            "), ",
            $key,
            ")"
        )
    };
}

/// Most frequent surface of the key `?1`, for merge listings.
const NAME_OF_KEY: &str = "SELECT surface FROM mentions WHERE entity_key = ?1 \
     GROUP BY surface ORDER BY count(*) DESC, surface LIMIT 1";

/// A document listed for an entity: rowid, id, title, publication day.
pub(crate) type LatestDocument = (i64, String, Option<String>, Option<String>);

/// Documents of an entity read for its co-mentioned entities: its most recent ones.
pub(crate) const CO_MENTION_DOCUMENTS: usize = 500;

const MERGE_COLUMNS: &str = "merge_id, from_key, to_key, rule, evidence, created_at, undone_at";

/// A documents row as read, before the fields are parsed.
struct RawDocument {
    id: String,
    external_id: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    published: Option<String>,
    published_source: Option<String>,
    language: Option<String>,
    language_confidence: Option<f64>,
    cluster: Option<String>,
    ingested_at: String,
    origin_kind: String,
    origin_path: String,
    origin_record: Option<String>,
    text: String,
    layers: Vec<u8>,
    schema_version: u32,
    published_from: (Option<i64>, Option<i64>),
}

impl RawDocument {
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<RawDocument> {
        Ok(RawDocument {
            id: row.get(0)?,
            external_id: row.get(1)?,
            url: row.get(2)?,
            outlet: row.get(3)?,
            title: row.get(4)?,
            published: row.get(5)?,
            published_source: row.get(6)?,
            language: row.get(7)?,
            language_confidence: row.get(8)?,
            cluster: row.get(9)?,
            ingested_at: row.get(10)?,
            origin_kind: row.get(11)?,
            origin_path: row.get(12)?,
            origin_record: row.get(13)?,
            text: row.get(14)?,
            layers: row.get(15)?,
            schema_version: row.get(16)?,
            published_from: (row.get(17)?, row.get(18)?),
        })
    }

    fn into_document(self, path: &Path) -> Result<Document, StoreError> {
        let corrupt = |reason: String| StoreError::CorruptDocument {
            path: path.to_path_buf(),
            id: self.id.clone(),
            reason,
        };
        let published = match (&self.published, &self.published_source) {
            (Some(date), Some(source)) => Some(Published {
                date: parse_date(date).map_err(&corrupt)?,
                source: enum_from_str(source).map_err(&corrupt)?,
                inferred_from: match self.published_from {
                    (Some(start), Some(end)) => {
                        let offset = |column: &str, value: i64| {
                            usize::try_from(value)
                                .map_err(|e| corrupt(format!("{column} {value}: {e}")))
                        };
                        Some(Span::new(
                            offset("published_from_start", start)?,
                            offset("published_from_end", end)?,
                        ))
                    }
                    _ => None,
                },
            }),
            (None, _) => None,
            (Some(date), None) => {
                return Err(corrupt(format!("published date {date} has no source")))
            }
        };
        let language = self.language.clone().map(|code| Language {
            code,
            // Stored from an f32, so the narrowing is exact.
            confidence: self.language_confidence.unwrap_or(0.0) as f32,
        });
        let ingested_at = DateTime::parse_from_rfc3339(&self.ingested_at)
            .map_err(|e| corrupt(format!("ingested_at `{}`: {e}", self.ingested_at)))?
            .with_timezone(&Utc);
        let origin = Origin {
            kind: enum_from_str(&self.origin_kind).map_err(&corrupt)?,
            path: self.origin_path.clone(),
            record: self.origin_record.clone(),
        };
        let (produced, layers) = layers_codec::decode(&self.layers).map_err(&corrupt)?;
        Ok(Document {
            schema_version: self.schema_version,
            id: DocId(self.id),
            meta: Metadata {
                external_id: self.external_id,
                url: self.url,
                outlet: self.outlet,
                title: self.title,
                published,
                language,
                cluster: self.cluster,
                ingested_at,
                origin,
            },
            text: self.text,
            produced,
            layers,
        })
    }
}

/// The serde name of a unit enum variant ("according_to", "jsonl").
fn enum_str<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        // Only unit variants are passed here; anything else is a programming error
        // that the roundtrip tests catch.
        other => format!("{other:?}"),
    }
}

fn enum_from_str<T: DeserializeOwned>(name: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(name.to_string()))
        .map_err(|e| format!("unknown value `{name}`: {e}"))
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| format!("date `{text}`: {e}"))
}

fn parse_label(text: &str, path: &Path) -> Result<EntityType, StoreError> {
    EntityType::parse(text).ok_or_else(|| StoreError::CorruptRow {
        path: path.to_path_buf(),
        table: "mentions",
        reason: format!("unknown entity label `{text}`"),
    })
}

fn optional_date(text: Option<String>, path: &Path) -> Result<Option<NaiveDate>, StoreError> {
    text.map(|t| parse_date(&t))
        .transpose()
        .map_err(|reason| StoreError::CorruptRow {
            path: path.to_path_buf(),
            table: "documents",
            reason,
        })
}

/// Maps a SQLite error to a [`StoreError`] naming the database and the operation.
fn failed(path: &Path, operation: &str) -> impl FnOnce(rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    let operation = operation.to_string();
    move |source| StoreError::Sqlite {
        path,
        operation,
        source,
    }
}

/// Embedded store in one SQLite file.
///
/// WAL journal with `synchronous = NORMAL`: a committed batch survives the process being
/// killed at any point (only an OS crash or power cut can lose the last commits), and
/// readers never block the writer.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    /// Whether [`Store::put_batch`] keeps the cross-article layer up to date.
    story_layer: bool,
    story_config: recoupe_stories::Config,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<SqliteStore, StoreError> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open(&path).map_err(|source| StoreError::Open {
            path: path.clone(),
            source,
        })?;
        let mut store = SqliteStore {
            conn,
            path,
            story_layer: true,
            story_config: recoupe_stories::Config::default(),
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Whether storing documents also updates the cross-article layer (stories, copies,
    /// facts, event records); on by default. Switched off, new documents are left pending
    /// until [`Store::update_stories`] (which the next ingest calls) adds them.
    pub fn set_story_layer(&mut self, on: bool) {
        self.story_layer = on;
    }

    /// recoupe-stories' candidate index over this database's `story_keys` table.
    pub fn candidate_index(&self) -> stories::SqliteIndex<'_> {
        stories::SqliteIndex::new(&self.conn)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        self.conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(failed(&self.path, "read schema version"))
    }

    /// Runs SQLite's and FTS5's integrity checks. Returns the problems found (empty when
    /// the database is sound).
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let mut problems: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare("PRAGMA integrity_check")
                .map_err(failed(&self.path, "integrity check"))?;
            let rows = stmt
                .query_map([], |row| row.get::<_, String>(0))
                .map_err(failed(&self.path, "integrity check"))?;
            rows.collect::<rusqlite::Result<Vec<String>>>()
                .map_err(failed(&self.path, "integrity check"))?
        };
        problems.retain(|line| line != "ok");
        // Compares the full-text index with the documents table it indexes.
        if let Err(e) = self.conn.execute(
            "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')",
            [],
        ) {
            problems.push(format!("full-text index: {e}"));
        }
        Ok(problems)
    }

    /// Settings for filling a store in large batches (a tool building a synthetic store of
    /// 100,000 articles): a 512 MB page cache and a checkpoint every 512 MB of WAL instead
    /// of 32 MB and 64 MB, so that the index pages each batch dirties (random keys of
    /// `story_keys`, `mentions`, the full-text index) are read and copied back less often.
    /// Durability is unchanged. `false` restores the ordinary settings.
    pub fn set_bulk_load(&mut self, on: bool) -> Result<(), StoreError> {
        let (cache, checkpoint) = if on {
            (-512_000, 65_536)
        } else {
            (-32_000, 8_192)
        };
        self.conn
            .execute_batch(&format!(
                "PRAGMA cache_size = {cache}; PRAGMA wal_autocheckpoint = {checkpoint};"
            ))
            .map_err(failed(&self.path, "change the cache settings"))
    }

    fn configure(&mut self) -> Result<(), StoreError> {
        let open_failed = |source| StoreError::Open {
            path: self.path.clone(),
            source,
        };
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(open_failed)?;
        // Only takes effect on a new file (before the switch to WAL): a document row (text
        // plus compressed layers, ~6 KB) then fits one page instead of spilling to overflow
        // pages, which measured ~9% faster inserts than 4 KB pages.
        self.conn
            .execute_batch("PRAGMA page_size = 8192;")
            .map_err(open_failed)?;
        // Reading the journal mode back also surfaces "file is not a database" here,
        // with the path, rather than at the first query.
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(open_failed)?;
        if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
            return Err(StoreError::NotRecoupe {
                path: self.path.clone(),
                reason: format!("cannot switch it to WAL journal mode (got `{mode}`)"),
            });
        }
        self.conn
            .execute_batch(
                "PRAGMA synchronous = NORMAL;
                 -- The REFERENCES clauses document the schema; checking them would cost ~6%
                 -- of an insert, and the only writer adds child rows right after their
                 -- document, in the same transaction, with its new rowid.
                 PRAGMA foreign_keys = OFF;
                 PRAGMA temp_store = MEMORY;
                 PRAGMA cache_size = -32000;
                 -- Checkpoint every ~64 MB of WAL rather than 4 MB: index pages rewritten
                 -- by successive batches are copied back once.
                 PRAGMA wal_autocheckpoint = 8192;",
            )
            .map_err(open_failed)?;
        self.conn.set_prepared_statement_cache_capacity(64);
        Ok(())
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let application_id: i32 = self
            .conn
            .pragma_query_value(None, "application_id", |row| row.get(0))
            .map_err(failed(&path, "read application id"))?;
        if application_id != APPLICATION_ID {
            if application_id != 0 {
                return Err(StoreError::NotRecoupe {
                    path,
                    reason: format!("its application_id is {application_id:#x}"),
                });
            }
            let tables: u32 = self
                .conn
                .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
                .map_err(failed(&path, "list tables"))?;
            if tables > 0 {
                return Err(StoreError::NotRecoupe {
                    path,
                    reason: format!(
                        "it already holds {tables} schema objects recoupe did not create"
                    ),
                });
            }
        }
        let found = self.schema_version()?;
        if found > SQLITE_SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path,
                found,
                supported: SQLITE_SCHEMA_VERSION,
            });
        }
        for migration in MIGRATIONS.iter().filter(|m| m.version > found) {
            let fail = |source| StoreError::Migration {
                path: path.clone(),
                version: migration.version,
                name: migration.name,
                source,
            };
            // IMMEDIATE takes the write lock first, so two processes opening a new
            // database at once apply each migration once.
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(fail)?;
            let current: u32 = tx
                .pragma_query_value(None, "user_version", |row| row.get(0))
                .map_err(fail)?;
            if current >= migration.version {
                continue;
            }
            tx.execute_batch(
                "CREATE TABLE IF NOT EXISTS schema_migrations (
                     version INTEGER PRIMARY KEY,
                     name TEXT NOT NULL,
                     applied_at TEXT NOT NULL
                 );",
            )
            .map_err(fail)?;
            tx.execute_batch(migration.sql).map_err(fail)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
                params![
                    migration.version,
                    migration.name,
                    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
                ],
            )
            .map_err(fail)?;
            tx.pragma_update(None, "user_version", migration.version)
                .map_err(fail)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(fail)?;
            tx.commit().map_err(fail)?;
        }
        Ok(())
    }

    fn load_document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?1");
        let raw = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut stmt| stmt.query_row([id], RawDocument::from_row).optional())
            .map_err(failed(&self.path, &format!("read document {id}")))?;
        raw.map(|raw| raw.into_document(&self.path)).transpose()
    }

    /// Ids matching `sql` (one `?1` parameter), at most 11 so that callers can tell
    /// "exactly one" from "several" and list a few candidates.
    fn candidate_ids(&self, sql: &str, value: &str) -> Result<Vec<String>, StoreError> {
        let fail = failed(&self.path, &format!("look up document `{value}`"));
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt.query_map([value], |row| row.get(0))?;
            rows.collect()
        };
        run().map_err(fail)
    }

    /// Canonical keys of the entities matching a key or a name, most mentioned first (the
    /// entity of an exact key first).
    fn matching_keys(&self, name_or_key: &str) -> Result<Vec<String>, StoreError> {
        let folded = fold(name_or_key);
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut stmt = self.conn.prepare_cached(concat!(
                "WITH keys AS (
                     SELECT entity_key FROM mentions WHERE entity_key = ?1
                     UNION SELECT entity_key FROM entity_names WHERE name_folded = ?2),
                 roots AS (SELECT DISTINCT ",
                canonical_of!("keys.entity_key"),
                " AS root FROM keys)
                 SELECT root,
                        (SELECT coalesce(sum(c.mentions), 0) FROM entity_surfaces c
                         WHERE c.entity_key IN ",
                group_keys!("roots.root"),
                ") AS n
                 FROM roots WHERE n > 0
                 ORDER BY root = ",
                canonical_of!("?1"),
                " DESC, n DESC, root"
            ))?;
            let rows = stmt.query_map(params![name_or_key.trim(), folded], |row| row.get(0))?;
            rows.collect()
        };
        run().map_err(failed(
            &self.path,
            &format!("look up entity `{name_or_key}`"),
        ))
    }

    /// The keys of one entity: its canonical key and every key merged into it.
    fn group_members(&self, root: &str) -> Result<Vec<String>, StoreError> {
        let run = || -> rusqlite::Result<Vec<String>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT ?1 UNION SELECT entity_key FROM entity_canonical WHERE canonical_key = ?1",
            )?;
            let rows = stmt.query_map([root], |row| row.get(0))?;
            rows.collect()
        };
        run().map_err(failed(
            &self.path,
            &format!("read the keys merged into {root}"),
        ))
    }

    /// An entity by key or name (see [`Store::entity`]), with at most `documents` of its
    /// documents when given.
    pub(crate) fn entity_with(
        &self,
        name_or_key: &str,
        documents: Option<usize>,
    ) -> Result<Option<EntityDetail>, StoreError> {
        let _snapshot = self
            .conn
            .unchecked_transaction()
            .map_err(failed(&self.path, "read entity"))?;
        let mut keys = self.matching_keys(name_or_key)?.into_iter();
        let Some(key) = keys.next() else {
            return Ok(None);
        };
        let mut detail = self.entity_detail(&key, documents)?;
        if let Some(detail) = detail.as_mut() {
            detail.other_matches = keys.collect();
        }
        Ok(detail)
    }

    /// Claims selected by `filter`: the FROM … WHERE … ORDER BY … of a query over
    /// `attributions a` and `documents d`.
    pub(crate) fn read_claims(
        &self,
        filter: &str,
        params: impl rusqlite::Params,
        what: &str,
    ) -> Result<Vec<Claim>, StoreError> {
        let path = &self.path;
        type RawClaim = (
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            String,
            String,
            Option<String>,
            String,
            bool,
        );
        let run = || -> rusqlite::Result<Vec<RawClaim>> {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT d.id, d.title, d.published, a.speaker, a.speaker_key, a.content,
                        a.kind, a.channel, a.via, a.hedged {filter}"
            ))?;
            let rows = stmt.query_map(params, |row| row.try_into())?;
            rows.collect()
        };
        let corrupt = |reason: String| StoreError::CorruptRow {
            path: path.to_path_buf(),
            table: "attributions",
            reason,
        };
        run()
            .map_err(failed(path, what))?
            .into_iter()
            .map(
                |(
                    doc_id,
                    title,
                    published,
                    speaker,
                    speaker_key,
                    content,
                    kind,
                    channel,
                    via,
                    hedged,
                )| {
                    Ok(Claim {
                        doc_id,
                        title,
                        published: optional_date(published, path)?,
                        speaker,
                        speaker_key,
                        content,
                        kind: enum_from_str(&kind).map_err(corrupt)?,
                        channel,
                        via: serde_json::from_str(&via)
                            .map_err(|e| corrupt(format!("via `{via}`: {e}")))?,
                        hedged,
                    })
                },
            )
            .collect()
    }

    /// Documents mentioning the entity of keys `members` (`members_json`): exact for one
    /// key, from the counts by month; for a merged entity, counted in its mentions (a
    /// document naming two of its keys counts once).
    fn documents_of_group(
        &self,
        members: &[String],
        members_json: &str,
    ) -> Result<u64, StoreError> {
        let sql = if members.len() == 1 {
            "SELECT coalesce(sum(documents), 0) FROM entity_months
             WHERE entity_key IN (SELECT value FROM json_each(?1))"
        } else {
            "SELECT count(DISTINCT doc_rowid) FROM mentions
             WHERE entity_key IN (SELECT value FROM json_each(?1))"
        };
        self.conn
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.query_row([members_json], |row| row.get(0)))
            .map_err(failed(&self.path, "count the documents of an entity"))
    }

    /// The newest `limit` documents mentioning one of the keys `members_json` (of
    /// `documents` in all): `(rowid, id, title, published)`, newest first. An entity of
    /// many documents is found walking the documents newest first (a few steps per
    /// document listed); a rarer one from its mentions (a few steps per mention).
    pub(crate) fn latest_documents(
        &self,
        members_json: &str,
        documents: u64,
        limit: usize,
    ) -> Result<Vec<LatestDocument>, StoreError> {
        let stored: u64 = self
            .conn
            .prepare_cached("SELECT coalesce(max(doc_rowid), 0) FROM documents")
            .and_then(|mut stmt| stmt.query_row([], |row| row.get(0)))
            .map_err(failed(&self.path, "count documents"))?;
        let common = documents.saturating_mul(20) >= stored && (limit as u64) < documents;
        let sql = if common {
            "SELECT doc_rowid, id, title, published FROM documents d INDEXED BY documents_published
             WHERE EXISTS (SELECT 1 FROM mentions m
                           WHERE m.entity_key IN (SELECT value FROM json_each(?1))
                             AND m.doc_rowid = d.doc_rowid)
             ORDER BY published DESC, id LIMIT ?2"
        } else {
            "SELECT doc_rowid, id, title, published FROM documents
             WHERE doc_rowid IN (SELECT doc_rowid FROM mentions
                                 WHERE entity_key IN (SELECT value FROM json_each(?1)))
             ORDER BY published DESC, id LIMIT ?2"
        };
        self.conn
            .prepare_cached(sql)
            .and_then(|mut stmt| {
                stmt.query_map(
                    params![members_json, limit.min(i64::MAX as usize) as i64],
                    |row| row.try_into(),
                )?
                .collect()
            })
            .map_err(failed(&self.path, "list the documents of an entity"))
    }

    /// The entity of canonical key `key`, with at most `documents` of its documents
    /// (newest first; all of them when `None`).
    pub(crate) fn entity_detail(
        &self,
        key: &str,
        documents: Option<usize>,
    ) -> Result<Option<EntityDetail>, StoreError> {
        let path = &self.path;
        let fail = || failed(path, &format!("read entity {key}"));
        let members = self.group_members(key)?;
        let members_json =
            serde_json::to_string(&members).map_err(|source| StoreError::Serialize {
                id: key.to_string(),
                source,
            })?;
        let members_json = members_json.as_str();
        // From the counts kept as documents arrive (migration 0006): the same cost for
        // an entity of every document as for one of a single document.
        let summary = self
            .conn
            .prepare_cached(
                "WITH c AS (SELECT * FROM entity_surfaces
                            WHERE entity_key IN (SELECT value FROM json_each(?1)))
                 SELECT (SELECT sum(mentions) FROM c),
                    (SELECT surface FROM c GROUP BY surface
                     ORDER BY sum(mentions) DESC, surface LIMIT 1),
                    (SELECT label FROM c GROUP BY label
                     ORDER BY sum(mentions) DESC, label LIMIT 1)",
            )
            .and_then(|mut stmt| {
                stmt.query_row([members_json], |row| {
                    Ok((
                        row.get::<_, Option<u64>>(0)?,
                        row.get::<_, Option<String>>(1)?,
                        row.get::<_, Option<String>>(2)?,
                    ))
                })
            })
            .map_err(fail())?;
        let (Some(mentions), Some(name), Some(label)) = summary else {
            return Ok(None);
        };
        let label = parse_label(&label, path)?;
        // The canonical key's own link first: merges only ever go into linked keys or
        // between unlinked ones, so a linked entity has its link on its canonical key.
        let kb = self
            .conn
            .prepare_cached(
                "SELECT kb, kb_id, kb_name FROM entity_links
                 WHERE entity_key IN (SELECT value FROM json_each(?1))
                 ORDER BY entity_key <> ?2, entity_key LIMIT 1",
            )
            .and_then(|mut stmt| {
                stmt.query_row([members_json, key], |row| {
                    Ok(KbRef {
                        kb: row.get(0)?,
                        id: row.get(1)?,
                        name: row.get(2)?,
                    })
                })
                .optional()
            })
            .map_err(fail())?;
        let aliases = self
            .conn
            .prepare_cached(
                "SELECT surface, sum(mentions) FROM entity_surfaces
                 WHERE entity_key IN (SELECT value FROM json_each(?1))
                 GROUP BY surface ORDER BY sum(mentions) DESC, surface",
            )
            .and_then(|mut stmt| {
                stmt.query_map([members_json], |row| {
                    Ok(Alias {
                        surface: row.get(0)?,
                        count: row.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(fail())?;
        let documents_total = self.documents_of_group(&members, members_json)?;
        let raw_documents = self.latest_documents(
            members_json,
            documents_total,
            documents.unwrap_or(usize::MAX),
        )?;
        let documents = raw_documents
            .into_iter()
            .map(|(_, id, title, published)| {
                Ok(DocRef {
                    id,
                    title,
                    published: optional_date(published, path)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        // Co-mentions among its most recent documents: bounded whatever its size.
        let sample: Vec<i64> = self
            .latest_documents(members_json, documents_total, CO_MENTION_DOCUMENTS)?
            .into_iter()
            .map(|d| d.0)
            .collect();
        let sample_json =
            serde_json::to_string(&sample).map_err(|source| StoreError::Serialize {
                id: key.to_string(),
                source,
            })?;
        let raw_co = self
            .conn
            .prepare_cached(concat!(
                "WITH own AS (SELECT value AS entity_key FROM json_each(?1)),
                 docs AS (SELECT value AS doc_rowid FROM json_each(?2)),
                 co AS (
                     SELECT coalesce(c.canonical_key, m.entity_key) AS key,
                            count(DISTINCT m.doc_rowid) AS shared
                     FROM mentions m JOIN docs USING (doc_rowid)
                     LEFT JOIN entity_canonical c ON c.entity_key = m.entity_key
                     WHERE m.entity_key NOT IN (SELECT entity_key FROM own)
                     GROUP BY 1
                     ORDER BY shared DESC, key LIMIT 25)
                 SELECT key, shared,
                    (SELECT surface FROM entity_surfaces s WHERE s.entity_key IN ",
                group_keys!("co.key"),
                " GROUP BY surface ORDER BY sum(mentions) DESC, surface LIMIT 1),
                    (SELECT label FROM entity_surfaces l WHERE l.entity_key IN ",
                group_keys!("co.key"),
                " GROUP BY label ORDER BY sum(mentions) DESC, label LIMIT 1)
                 FROM co ORDER BY shared DESC, key"
            ))
            .and_then(|mut stmt| {
                stmt.query_map([members_json, sample_json.as_str()], |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, u64>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(fail())?;
        let co_mentioned = raw_co
            .into_iter()
            .map(|(key, documents, name, label)| {
                Ok(CoMention {
                    key,
                    name,
                    label: parse_label(&label, path)?,
                    documents,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        // Where it was geocoded: in all its documents, or in its newest ones when it has
        // more than the sample.
        let places_sql = if documents_total as usize > sample.len() {
            "SELECT p.name, p.country, p.lat, p.lon
             FROM json_each(?2) s CROSS JOIN places p ON p.doc_rowid = s.value
             WHERE p.entity_key IN (SELECT value FROM json_each(?1))
             GROUP BY 1, 2, 3, 4 ORDER BY count(*) DESC, p.name"
        } else {
            "SELECT name, country, lat, lon FROM places
             WHERE entity_key IN (SELECT value FROM json_each(?1)) AND ?2 IS NOT NULL
             GROUP BY name, country, lat, lon ORDER BY count(*) DESC, name"
        };
        let places = self
            .conn
            .prepare_cached(places_sql)
            .and_then(|mut stmt| {
                stmt.query_map([members_json, sample_json.as_str()], |row| {
                    Ok(PlaceRef {
                        name: row.get(0)?,
                        country: row.get(1)?,
                        lat: row.get(2)?,
                        lon: row.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(fail())?;
        let merged_from = self.read_merges(
            "WHERE undone_at IS NULL AND to_key IN (SELECT value FROM json_each(?1))
             ORDER BY merge_id",
            members_json,
        )?;
        Ok(Some(EntityDetail {
            key: key.to_string(),
            label,
            name,
            mentions,
            kb,
            aliases,
            documents_total,
            documents,
            co_mentioned,
            places,
            other_matches: Vec::new(),
            merged_from,
        }))
    }

    /// Merges selected by `filter` (a WHERE … ORDER BY clause with one parameter `?1`).
    fn read_merges(&self, filter: &str, param: &str) -> Result<Vec<EntityMerge>, StoreError> {
        let path = &self.path;
        type RawMerge = (i64, String, String, String, String, String, Option<String>);
        let run = || -> rusqlite::Result<Vec<RawMerge>> {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT {MERGE_COLUMNS} FROM entity_merges {filter}"
            ))?;
            let rows = stmt.query_map([param], |row| row.try_into())?;
            rows.collect()
        };
        let raw = run().map_err(failed(path, "read entity merges"))?;
        raw.into_iter()
            .map(
                |(id, from_key, to_key, rule, evidence, created_at, undone_at)| {
                    let evidence =
                        serde_json::from_str(&evidence).map_err(|e| StoreError::CorruptRow {
                            path: path.to_path_buf(),
                            table: "entity_merges",
                            reason: format!("merge {id}: evidence `{evidence}`: {e}"),
                        })?;
                    Ok(EntityMerge {
                        id,
                        from_name: self.name_of_key(&from_key)?,
                        to_name: self.name_of_key(&to_key)?,
                        from_key,
                        to_key,
                        rule,
                        evidence,
                        created_at,
                        undone_at,
                    })
                },
            )
            .collect()
    }

    fn name_of_key(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached(NAME_OF_KEY)
            .and_then(|mut stmt| stmt.query_row([key], |row| row.get(0)).optional())
            .map_err(failed(&self.path, &format!("read the name of {key}")))
    }
}

/// The `pending_work` task of a clustering pass not yet recorded (migration 0005).
const PENDING_CLUSTERING: &str = "cluster-entities";

const MARK_CLUSTERING_PENDING: &str = "INSERT INTO pending_work (task, since) \
     VALUES ('cluster-entities', ?1) ON CONFLICT(task) DO NOTHING";

fn now_rfc3339() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Reads what the clustering pass needs, inside the caller's transaction; `progress` is
/// told how many mentions were read.
fn load_cluster_inputs(
    tx: &rusqlite::Transaction<'_>,
    progress: &mut dyn FnMut(ClusterStep, u64, u64),
) -> rusqlite::Result<Inputs> {
    let total: u64 = tx.query_row("SELECT count(*) FROM mentions", [], |row| row.get(0))?;
    let mut read: u64 = 0;
    progress(ClusterStep::Reading, 0, total);
    let mut keys: BTreeMap<String, KeyInfo> = BTreeMap::new();
    let mut labels: HashMap<String, BTreeMap<String, u64>> = HashMap::new();
    let mut mentions_by_doc: BTreeMap<i64, Vec<MentionRow>> = BTreeMap::new();
    {
        let mut stmt = tx.prepare(
            "SELECT entity_key, doc_rowid, label, surface, start_byte, end_byte FROM mentions",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            read += 1;
            if read.is_multiple_of(8192) {
                progress(ClusterStep::Reading, read, total);
            }
            let key: String = row.get(0)?;
            let doc: i64 = row.get(1)?;
            let label: String = row.get(2)?;
            let surface: String = row.get(3)?;
            let Some(parsed) = EntityType::parse(&label) else {
                continue;
            };
            let info = keys.entry(key.clone()).or_insert_with(|| KeyInfo {
                label: parsed,
                mentions: 0,
                surfaces: BTreeMap::new(),
                docs: BTreeSet::new(),
            });
            info.mentions += 1;
            *info.surfaces.entry(surface.clone()).or_default() += 1;
            info.docs.insert(doc);
            *labels
                .entry(key.clone())
                .or_default()
                .entry(label)
                .or_default() += 1;
            mentions_by_doc.entry(doc).or_default().push(MentionRow {
                key,
                start: row.get(4)?,
                end: row.get(5)?,
                surface,
            });
        }
    }
    for (key, counts) in &labels {
        // Majority label, ties broken by name as in the queries.
        let best = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .and_then(|(label, _)| EntityType::parse(label));
        if let (Some(info), Some(best)) = (keys.get_mut(key), best) {
            info.label = best;
        }
    }
    // Only documents with an acronym can hold acronym evidence.
    mentions_by_doc.retain(|_, mentions| {
        mentions
            .iter()
            .any(|m| cluster::acronym_letters(&m.surface).is_some())
    });
    let mut texts = HashMap::new();
    {
        let mut stmt = tx.prepare_cached("SELECT text FROM documents WHERE doc_rowid = ?1")?;
        for (doc, mentions) in mentions_by_doc.iter_mut() {
            mentions.sort_by_key(|m| (m.start, m.end));
            let text: String = stmt.query_row([doc], |row| row.get(0))?;
            texts.insert(*doc, text);
        }
    }
    let doc_ids = tx
        .prepare("SELECT doc_rowid, id FROM documents")?
        .query_map([], |row| row.try_into())?
        .collect::<rusqlite::Result<HashMap<i64, String>>>()?;
    let names = tx
        .prepare("SELECT name_folded, entity_key FROM entity_names")?
        .query_map([], |row| row.try_into())?
        .collect::<rusqlite::Result<Vec<(String, String)>>>()?;
    let pairs = |sql: &str| -> rusqlite::Result<Vec<(String, String)>> {
        tx.prepare(sql)?
            .query_map([], |row| row.try_into())?
            .collect()
    };
    Ok(Inputs {
        keys,
        mentions_by_doc,
        texts,
        doc_ids,
        names,
        active: pairs(
            "SELECT from_key, to_key FROM entity_merges WHERE undone_at IS NULL ORDER BY merge_id",
        )?,
        undone: pairs(
            "SELECT from_key, to_key FROM entity_merges WHERE undone_at IS NOT NULL ORDER BY merge_id",
        )?,
    })
}

/// Recomputes `entity_canonical` from the active merges.
fn rebuild_canonical(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<u64> {
    let active: Vec<(String, String)> = tx
        .prepare("SELECT from_key, to_key FROM entity_merges WHERE undone_at IS NULL")?
        .query_map([], |row| row.try_into())?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute("DELETE FROM entity_canonical", [])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO entity_canonical (entity_key, canonical_key) VALUES (?1, ?2)",
    )?;
    for (key, root) in cluster::canonical_map(&active) {
        insert.execute(params![key, root])?;
    }
    Ok(active.len() as u64)
}

/// What a document needs written besides its own fields, computed before the write
/// transaction and in parallel: the encoded layers and the folded names.
struct Encoded {
    layers: Vec<u8>,
    via: Vec<String>,
    /// Distinct (folded name, entity key) pairs: surfaces and knowledge-base names.
    names: Vec<(String, String)>,
    speaker_folds: Vec<Option<String>>,
    /// What the cross-article layer keeps of an annotated document (computed here, on the
    /// encoding threads, rather than under the write lock).
    features: Option<recoupe_stories::DocFeatures>,
}

fn encode_document(
    encoder: &mut LayersEncoder,
    doc: &Document,
    stories: Option<&recoupe_stories::Config>,
) -> Result<Encoded, StoreError> {
    let encode_failed = |reason: String| StoreError::Encode {
        id: doc.id.to_string(),
        reason,
    };
    let layers = encoder
        .encode(&doc.produced, &doc.layers)
        .map_err(encode_failed)?;
    let via = doc
        .layers
        .attributions
        .iter()
        .map(|attribution| serde_json::to_string(&attribution.via))
        .collect::<Result<Vec<String>, _>>()
        .map_err(|e| encode_failed(format!("attribution via: {e}")))?;
    let mut names: Vec<(String, String)> = Vec::new();
    for mention in &doc.layers.entities {
        let kb_name = mention.kb.as_ref().and_then(|kb| kb.name.as_deref());
        for name in std::iter::once(doc.slice(mention.span)).chain(kb_name) {
            let folded = fold(name);
            if folded.is_empty() {
                continue;
            }
            let pair = (folded, mention.entity.clone());
            if !names.contains(&pair) {
                names.push(pair);
            }
        }
    }
    let speaker_folds = doc
        .layers
        .attributions
        .iter()
        .map(|attribution| attribution.speaker.map(|span| fold(doc.slice(span))))
        .collect();
    let features = stories
        .filter(|_| !doc.produced.is_empty())
        .map(|config| recoupe_stories::DocFeatures::of(doc, config));
    Ok(Encoded {
        layers,
        via,
        names,
        speaker_folds,
        features,
    })
}

fn encode_chunk(
    docs: &[Document],
    stories: Option<&recoupe_stories::Config>,
) -> Result<Vec<Encoded>, StoreError> {
    let mut encoder = LayersEncoder::new().map_err(|e| StoreError::Encode {
        id: docs.first().map(|d| d.id.to_string()).unwrap_or_default(),
        reason: format!("cannot create a compression context: {e}"),
    })?;
    docs.iter()
        .map(|doc| encode_document(&mut encoder, doc, stories))
        .collect()
}

/// Batches smaller than this are encoded on the calling thread.
const PARALLEL_ENCODE_MIN: usize = 32;

/// Encodes a batch on up to 4 threads: serialising and compressing the layers is a
/// third of the cost of an insert and needs no database access.
fn encode_batch(
    docs: &[Document],
    stories: Option<&recoupe_stories::Config>,
) -> Result<Vec<Encoded>, StoreError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4);
    if threads < 2 || docs.len() < PARALLEL_ENCODE_MIN {
        return encode_chunk(docs, stories);
    }
    let chunk_len = docs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = docs
            .chunks(chunk_len)
            .map(|chunk| scope.spawn(move || encode_chunk(chunk, stories)))
            .collect();
        let mut encoded = Vec::with_capacity(docs.len());
        for (worker, chunk) in workers.into_iter().zip(docs.chunks(chunk_len)) {
            let result = worker.join().map_err(|_| StoreError::Encode {
                id: chunk.first().map(|d| d.id.to_string()).unwrap_or_default(),
                reason: "the encoding thread panicked".into(),
            })?;
            encoded.extend(result?);
        }
        Ok(encoded)
    })
}

fn write_document(
    tx: &rusqlite::Transaction<'_>,
    doc: &Document,
    encoded: &Encoded,
) -> rusqlite::Result<(PutOutcome, i64)> {
    let meta = &doc.meta;
    let layers = &doc.layers;
    let evidence = meta.published.and_then(|p| p.inferred_from);
    let inserted = tx.prepare_cached(INSERT_DOCUMENT)?.execute(params![
        doc.id.as_str(),
        meta.external_id,
        meta.url,
        meta.outlet,
        meta.title,
        meta.published
            .map(|p| p.date.format("%Y-%m-%d").to_string()),
        meta.published.map(|p| enum_str(&p.source)),
        meta.language.as_ref().map(|l| l.code.as_str()),
        meta.language.as_ref().map(|l| f64::from(l.confidence)),
        meta.cluster,
        meta.ingested_at
            .to_rfc3339_opts(SecondsFormat::AutoSi, true),
        enum_str(&meta.origin.kind),
        meta.origin.path,
        meta.origin.record,
        doc.text,
        encoded.layers,
        doc.schema_version,
        layers.sentences.len(),
        layers.tokens.len(),
        layers.entities.len(),
        layers.nationalities.len(),
        layers.places.len(),
        layers.dates.len(),
        layers.quantities.len(),
        layers.attributions.len(),
        layers.unsourced.len(),
        layers.events.len(),
        evidence.map(|s| s.start),
        evidence.map(|s| s.end),
    ])?;
    if inserted == 0 {
        let doc_rowid: i64 = tx
            .prepare_cached("SELECT doc_rowid FROM documents WHERE id = ?1")?
            .query_row([doc.id.as_str()], |row| row.get(0))?;
        let outcome = if insert_appearance(tx, doc_rowid, meta)? {
            PutOutcome::Appearance
        } else {
            PutOutcome::Duplicate
        };
        return Ok((outcome, doc_rowid));
    }
    let doc_rowid = tx.last_insert_rowid();
    insert_appearance(tx, doc_rowid, meta)?;
    tx.prepare_cached(INSERT_FTS)?
        .execute(params![doc_rowid, meta.title, doc.text])?;
    if !layers.entities.is_empty() {
        let mut stmt = tx.prepare_cached(INSERT_MENTION)?;
        for (position, mention) in layers.entities.iter().enumerate() {
            stmt.execute(params![
                mention.entity,
                doc_rowid,
                position,
                mention.span.start,
                mention.span.end,
                mention.label.as_str(),
                doc.slice(mention.span),
            ])?;
        }
        // The entity counts of migration 0006 (documents are only ever added).
        let mut stmt = tx.prepare_cached(COUNT_SURFACE)?;
        let mut per_key: BTreeMap<&str, u64> = BTreeMap::new();
        for mention in &layers.entities {
            stmt.execute(params![
                mention.entity,
                doc.slice(mention.span),
                mention.label.as_str()
            ])?;
            *per_key.entry(mention.entity.as_str()).or_default() += 1;
        }
        let month = meta
            .published
            .map(|p| p.date.format("%Y-%m").to_string())
            .unwrap_or_default();
        let mut stmt = tx.prepare_cached(COUNT_MONTH)?;
        for (key, mentions) in per_key {
            stmt.execute(params![key, month, mentions])?;
        }
        let mut stmt = tx.prepare_cached(INSERT_ENTITY_NAME)?;
        for (folded, key) in &encoded.names {
            stmt.execute(params![folded, key])?;
        }
        let mut stmt = tx.prepare_cached(INSERT_ENTITY_LINK)?;
        let mut linked: Vec<&str> = Vec::new();
        for mention in &layers.entities {
            let Some(kb) = &mention.kb else { continue };
            // Once per key and document: the table keeps the first link anyway.
            if linked.contains(&mention.entity.as_str()) {
                continue;
            }
            linked.push(&mention.entity);
            stmt.execute(params![mention.entity, kb.kb, kb.id, kb.name])?;
        }
    }
    if !layers.attributions.is_empty() {
        let mut stmt = tx.prepare_cached(INSERT_ATTRIBUTION)?;
        let per_attribution = encoded.via.iter().zip(&encoded.speaker_folds);
        for (position, (attribution, (via, speaker_folded))) in
            layers.attributions.iter().zip(per_attribution).enumerate()
        {
            let speaker = attribution.speaker.map(|span| doc.slice(span));
            stmt.execute(params![
                doc_rowid,
                position,
                speaker,
                speaker_folded,
                attribution.speaker_entity,
                attribution.speaker_unnamed,
                doc.slice(attribution.content),
                enum_str(&attribution.kind),
                attribution.channel,
                via,
                attribution.hedged,
            ])?;
        }
    }
    if !layers.places.is_empty() {
        let mut stmt = tx.prepare_cached(INSERT_PLACE)?;
        for place in &layers.places {
            let kb = place.kb.as_ref();
            stmt.execute(params![
                doc_rowid,
                place.entity,
                place.name,
                place.country,
                enum_str(&place.kind),
                place.lat,
                place.lon,
                kb.map(|k| k.kb.as_str()),
                kb.map(|k| k.id.as_str()),
            ])?;
        }
    }
    Ok((PutOutcome::Inserted, doc_rowid))
}

/// Records one appearance of the document `doc_rowid`; false when the same publication was
/// already recorded.
fn insert_appearance(
    tx: &rusqlite::Transaction<'_>,
    doc_rowid: i64,
    meta: &Metadata,
) -> rusqlite::Result<bool> {
    let added = tx.prepare_cached(INSERT_APPEARANCE)?.execute(params![
        doc_rowid,
        meta.external_id,
        meta.url,
        meta.outlet,
        meta.title,
        meta.published
            .map(|p| p.date.format("%Y-%m-%d").to_string()),
        meta.published.map(|p| enum_str(&p.source)),
        meta.cluster,
        meta.ingested_at
            .to_rfc3339_opts(SecondsFormat::AutoSi, true),
        enum_str(&meta.origin.kind),
        meta.origin.path,
        meta.origin.record,
    ])?;
    Ok(added > 0)
}

/// An appearances row as read.
type RawAppearance = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
);

fn raw_appearance(row: &rusqlite::Row<'_>) -> rusqlite::Result<RawAppearance> {
    // Every column in order, as the tuple's types say.
    RawAppearance::try_from(row)
}

fn parse_appearance(raw: RawAppearance, path: &Path) -> Result<Appearance, StoreError> {
    let (
        external_id,
        url,
        outlet,
        title,
        published,
        source,
        cluster,
        ingested,
        kind,
        origin_path,
        record,
    ) = raw;
    let corrupt = |reason: String| StoreError::CorruptRow {
        path: path.to_path_buf(),
        table: "appearances",
        reason,
    };
    let published = match (published, source) {
        (Some(date), Some(source)) => Some(Published {
            date: parse_date(&date).map_err(corrupt)?,
            source: enum_from_str(&source).map_err(corrupt)?,
            inferred_from: None,
        }),
        (Some(date), None) => return Err(corrupt(format!("published date {date} has no source"))),
        (None, _) => None,
    };
    let ingested_at = DateTime::parse_from_rfc3339(&ingested)
        .map_err(|e| corrupt(format!("ingested_at `{ingested}`: {e}")))?
        .with_timezone(&Utc);
    Ok(Appearance {
        external_id,
        url,
        outlet,
        title,
        published,
        cluster,
        ingested_at,
        origin: Origin {
            kind: enum_from_str(&kind).map_err(corrupt)?,
            path: origin_path,
            record,
        },
    })
}

impl Store for SqliteStore {
    fn put_batch(&mut self, docs: &[Document]) -> Result<Vec<PutOutcome>, StoreError> {
        // Encoded before taking the write lock, so other writers wait less. Documents
        // already stored are encoded for nothing; re-ingestion is the rare case.
        let config = self.story_layer.then_some(&self.story_config);
        let encoded = encode_batch(docs, config)?;
        let path = &self.path;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(failed(path, "begin batch"))?;
        let mut outcomes = Vec::with_capacity(docs.len());
        let mut new_articles = Vec::new();
        let mut appeared = Vec::new();
        for (doc, encoded) in docs.iter().zip(encoded) {
            // On error the transaction is dropped, which rolls the whole batch back.
            let (outcome, rowid) =
                write_document(&tx, doc, &encoded).map_err(|source| StoreError::Sqlite {
                    path: path.to_path_buf(),
                    operation: format!("store document {}", doc.id),
                    source,
                })?;
            match (outcome, config) {
                (PutOutcome::Inserted, Some(config)) => new_articles.push(stories::NewArticle {
                    rowid,
                    features: encoded
                        .features
                        .unwrap_or_else(|| recoupe_stories::DocFeatures::of(doc, config)),
                    document: Some(doc),
                }),
                (PutOutcome::Appearance, Some(_)) => appeared.push(rowid),
                _ => {}
            }
            outcomes.push(outcome);
        }
        if outcomes.contains(&PutOutcome::Inserted) {
            // New documents: the clustering pass has work until it records its merges.
            tx.execute(MARK_CLUSTERING_PENDING, [now_rfc3339()])
                .map_err(failed(path, "record that clustering is pending"))?;
        }
        if let Some(config) = config {
            stories::Layer::new(&tx, path, config).add(new_articles)?;
            for rowid in appeared {
                stories::refresh_counts(&tx, rowid)
                    .map_err(failed(path, "count the appearances of a story"))?;
            }
        }
        tx.commit().map_err(failed(path, "commit batch"))?;
        Ok(outcomes)
    }

    fn update_stories(&mut self) -> Result<StoryUpdate, StoreError> {
        let path = &self.path;
        let config = &self.story_config;
        let mut total = StoryUpdate::default();
        loop {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(failed(path, "begin a story update"))?;
            let pending: Vec<i64> = tx
                .prepare_cached(
                    "SELECT doc_rowid FROM documents d WHERE NOT EXISTS
                     (SELECT 1 FROM story_features f WHERE f.doc_rowid = d.doc_rowid)
                     ORDER BY doc_rowid LIMIT 256",
                )
                .and_then(|mut stmt| {
                    stmt.query_map([], |row| row.get(0))?
                        .collect::<rusqlite::Result<Vec<i64>>>()
                })
                .map_err(failed(path, "list documents without stories"))?;
            if pending.is_empty() {
                break;
            }
            let documents = pending
                .iter()
                .map(|&rowid| stories::read_document(&tx, path, rowid))
                .collect::<Result<Vec<Document>, StoreError>>()?;
            let articles = pending
                .iter()
                .zip(&documents)
                .map(|(&rowid, doc)| stories::NewArticle {
                    rowid,
                    features: recoupe_stories::DocFeatures::of(doc, config),
                    document: Some(doc),
                })
                .collect();
            let update = stories::Layer::new(&tx, path, config).add(articles)?;
            tx.commit().map_err(failed(path, "commit a story update"))?;
            total.articles += update.articles;
            total.links += update.links;
            total.copies += update.copies;
            total.stories_written += update.stories_written;
        }
        Ok(total)
    }

    fn stored_ids(&self, ids: &[&DocId]) -> Result<HashSet<DocId>, StoreError> {
        let fail = failed(&self.path, "look up stored ids");
        let run = || -> rusqlite::Result<HashSet<DocId>> {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?;
            let mut found = HashSet::new();
            for id in ids {
                if stmt.exists([id.as_str()])? {
                    found.insert((*id).clone());
                }
            }
            Ok(found)
        };
        run().map_err(fail)
    }

    fn appearances(&self, id: &DocId) -> Result<Vec<Appearance>, StoreError> {
        let fail = failed(&self.path, &format!("read the appearances of {id}"));
        let sql = format!(
            "SELECT {APPEARANCE_COLUMNS} FROM appearances
             WHERE doc_rowid = (SELECT doc_rowid FROM documents WHERE id = ?1)
             ORDER BY appearance_id"
        );
        let run = || -> rusqlite::Result<Vec<RawAppearance>> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map([id.as_str()], raw_appearance)?;
            rows.collect()
        };
        run()
            .map_err(fail)?
            .into_iter()
            .map(|raw| parse_appearance(raw, &self.path))
            .collect()
    }

    fn get(&self, id_or_prefix: &str) -> Result<Option<Document>, StoreError> {
        let reference = id_or_prefix.trim();
        if reference.is_empty() {
            return Ok(None);
        }
        if let Some(doc) = self.load_document(reference)? {
            return Ok(Some(doc));
        }
        let mut candidates = self.candidate_ids(
            "SELECT id FROM documents WHERE external_id = ?1 ORDER BY id LIMIT 11",
            reference,
        )?;
        let lowercase = reference.to_ascii_lowercase();
        if candidates.is_empty()
            && lowercase.len() <= 32
            && lowercase.bytes().all(|b| b.is_ascii_hexdigit())
        {
            // Hex digits contain no GLOB metacharacters, and GLOB on the UNIQUE id
            // column is a range scan of its index.
            candidates = self.candidate_ids(
                "SELECT id FROM documents WHERE id GLOB ?1 || '*' ORDER BY id LIMIT 11",
                &lowercase,
            )?;
        }
        match candidates.len() {
            0 => Ok(None),
            1 => self.load_document(&candidates[0]),
            _ => {
                if candidates.len() > 10 {
                    candidates.truncate(10);
                    candidates.push("…".to_string());
                }
                Err(StoreError::AmbiguousId {
                    reference: reference.to_string(),
                    candidates,
                })
            }
        }
    }

    fn count(&self) -> Result<u64, StoreError> {
        self.conn
            .query_row("SELECT count(*) FROM documents", [], |row| row.get(0))
            .map_err(failed(&self.path, "count documents"))
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let fail = failed(&self.path, &format!("search `{query}`"));
        let run = || -> rusqlite::Result<Vec<_>> {
            // Title matches weigh four times text matches.
            let mut stmt = self.conn.prepare_cached(
                "SELECT d.id, d.title, d.outlet, d.published,
                        bm25(documents_fts, 4.0, 1.0) AS score,
                        snippet(documents_fts, -1, ?3, ?4, '…', 16)
                 FROM documents_fts JOIN documents d ON d.doc_rowid = documents_fts.rowid
                 WHERE documents_fts MATCH ?1
                 ORDER BY score LIMIT ?2",
            )?;
            let rows = stmt.query_map(
                params![
                    fts,
                    limit.min(i64::MAX as usize) as i64,
                    SNIPPET_START,
                    SNIPPET_END
                ],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, Option<String>>(1)?,
                        row.get::<_, Option<String>>(2)?,
                        row.get::<_, Option<String>>(3)?,
                        row.get::<_, f64>(4)?,
                        row.get::<_, Option<String>>(5)?,
                    ))
                },
            )?;
            rows.collect()
        };
        run()
            .map_err(fail)?
            .into_iter()
            .map(|(id, title, outlet, published, bm25, snippet)| {
                Ok(SearchHit {
                    id,
                    title,
                    outlet,
                    published: optional_date(published, &self.path)?,
                    // bm25() is lower-is-better; hits read more naturally higher-is-better.
                    score: -bm25,
                    snippet: snippet.unwrap_or_default(),
                })
            })
            .collect()
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        let path = &self.path;
        let fail = || failed(path, "compute stats");
        // One read transaction so every figure describes the same state.
        let tx = self.conn.unchecked_transaction().map_err(fail())?;
        let (documents, dates, quantities, places, oldest, newest) = tx
            .query_row(
                "SELECT count(*), coalesce(sum(n_dates), 0), coalesce(sum(n_quantities), 0),
                        coalesce(sum(n_places), 0), min(published), max(published)
                 FROM documents",
                [],
                |row| {
                    Ok((
                        row.get::<_, u64>(0)?,
                        row.get::<_, u64>(1)?,
                        row.get::<_, u64>(2)?,
                        row.get::<_, u64>(3)?,
                        row.get::<_, Option<String>>(4)?,
                        row.get::<_, Option<String>>(5)?,
                    ))
                },
            )
            .map_err(fail())?;
        let tally = |column: &str| -> rusqlite::Result<Vec<Tally>> {
            let mut stmt = tx.prepare(&format!(
                "SELECT {column}, count(*) FROM documents GROUP BY {column}
                 ORDER BY count(*) DESC, {column}"
            ))?;
            let rows = stmt.query_map([], |row| {
                Ok(Tally {
                    value: row.get(0)?,
                    count: row.get(1)?,
                })
            })?;
            rows.collect()
        };
        let by_language = tally("language").map_err(fail())?;
        let by_outlet = {
            let mut stmt = tx
                .prepare(
                    "SELECT outlet, count(*) FROM appearances GROUP BY outlet
                     ORDER BY count(*) DESC, outlet",
                )
                .map_err(fail())?;
            let rows = stmt
                .query_map([], |row| {
                    Ok(Tally {
                        value: row.get(0)?,
                        count: row.get(1)?,
                    })
                })
                .map_err(fail())?;
            rows.collect::<rusqlite::Result<Vec<Tally>>>()
                .map_err(fail())?
        };
        let appearances = tx
            .query_row("SELECT count(*) FROM appearances", [], |row| row.get(0))
            .map_err(fail())?;
        let (mentions, entities) = tx
            .query_row(
                "SELECT (SELECT count(*) FROM mentions),
                        (SELECT count(DISTINCT coalesce(c.canonical_key, k.entity_key))
                         FROM (SELECT DISTINCT entity_key FROM mentions) k
                         LEFT JOIN entity_canonical c USING (entity_key))",
                [],
                |row| Ok((row.get::<_, u64>(0)?, row.get::<_, u64>(1)?)),
            )
            .map_err(fail())?;
        let attributions = tx
            .query_row("SELECT count(*) FROM attributions", [], |row| row.get(0))
            .map_err(fail())?;
        let db_size_bytes = tx
            .query_row(
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
                [],
                |row| row.get(0),
            )
            .map_err(fail())?;
        drop(tx);
        Ok(Stats {
            documents,
            appearances,
            by_language,
            by_outlet,
            entities,
            mentions,
            attributions,
            dates,
            quantities,
            places,
            oldest_published: optional_date(oldest, path)?,
            newest_published: optional_date(newest, path)?,
            db_size_bytes,
        })
    }

    fn for_each_document(
        &self,
        visit: &mut dyn FnMut(Document) -> Result<(), StoreError>,
    ) -> Result<u64, StoreError> {
        let fail = || failed(&self.path, "read documents");
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY doc_rowid"
            ))
            .map_err(fail())?;
        let rows = stmt.query_map([], RawDocument::from_row).map_err(fail())?;
        let mut visited = 0;
        for raw in rows {
            visit(raw.map_err(fail())?.into_document(&self.path)?)?;
            visited += 1;
        }
        Ok(visited)
    }

    fn top_entities(
        &self,
        label: Option<EntityType>,
        limit: usize,
    ) -> Result<Vec<EntitySummary>, StoreError> {
        let path = &self.path;
        // key, mentions, documents, name, label
        type RawSummary = (String, u64, u64, String, String);
        let run = || -> rusqlite::Result<Vec<RawSummary>> {
            // Counted per key first (one ordered scan of the mentions), then summed per
            // canonical key; only entities made of several keys need their documents
            // counted again, as a document may mention several of their keys.
            //
            // Per key from the counts kept as documents arrive (migration 0006): its
            // documents from the counts by month, unless a type is asked and the key has
            // mentions of several types (then its documents of that type are counted).
            let mut stmt = self.conn.prepare_cached(concat!(
                "WITH per_key AS (
                     SELECT s.entity_key AS key, sum(s.mentions) AS n,
                        CASE WHEN ?1 IS NULL OR (SELECT count(DISTINCT t.label)
                                FROM entity_surfaces t WHERE t.entity_key = s.entity_key) = 1
                        THEN (SELECT sum(c.documents) FROM entity_months c
                              WHERE c.entity_key = s.entity_key)
                        ELSE (SELECT count(DISTINCT m.doc_rowid) FROM mentions m
                              WHERE m.entity_key = s.entity_key AND m.label = ?1) END AS d
                     FROM entity_surfaces s WHERE ?1 IS NULL OR s.label = ?1
                     GROUP BY s.entity_key),
                 grouped AS (
                     SELECT coalesce(c.canonical_key, p.key) AS key, sum(p.n) AS n,
                            max(p.d) AS d, count(*) AS keys
                     FROM per_key p LEFT JOIN entity_canonical c ON c.entity_key = p.key
                     GROUP BY 1),
                 counted AS (
                     SELECT key, n, CASE WHEN keys = 1 THEN d ELSE
                        (SELECT count(DISTINCT doc_rowid) FROM mentions m
                         WHERE m.entity_key IN ",
                group_keys!("grouped.key"),
                " AND (?1 IS NULL OR m.label = ?1)) END AS d
                     FROM grouped),
                 top AS (SELECT * FROM counted ORDER BY n DESC, d DESC, key LIMIT ?2)
                 SELECT key, n, d,
                    (SELECT surface FROM entity_surfaces s WHERE s.entity_key IN ",
                group_keys!("top.key"),
                " AND (?1 IS NULL OR s.label = ?1)
                     GROUP BY surface ORDER BY sum(mentions) DESC, surface LIMIT 1),
                    (SELECT label FROM entity_surfaces l WHERE l.entity_key IN ",
                group_keys!("top.key"),
                " AND (?1 IS NULL OR l.label = ?1)
                     GROUP BY label ORDER BY sum(mentions) DESC, label LIMIT 1)
                 FROM top ORDER BY n DESC, d DESC, key"
            ))?;
            let rows = stmt.query_map(
                params![
                    label.map(EntityType::as_str),
                    limit.min(i64::MAX as usize) as i64
                ],
                |row| row.try_into(),
            )?;
            rows.collect()
        };
        run()
            .map_err(failed(path, "list top entities"))?
            .into_iter()
            .map(|(key, mentions, documents, name, label)| {
                Ok(EntitySummary {
                    key,
                    label: parse_label(&label, path)?,
                    name,
                    mentions,
                    documents,
                })
            })
            .collect()
    }

    fn entity(&self, name_or_key: &str) -> Result<Option<EntityDetail>, StoreError> {
        self.entity_with(name_or_key, None)
    }

    fn claims_by_speaker(&self, name: &str) -> Result<Vec<Claim>, StoreError> {
        let _snapshot = self
            .conn
            .unchecked_transaction()
            .map_err(failed(&self.path, "read claims"))?;
        let mut members: Vec<String> = Vec::new();
        for root in self.matching_keys(name)? {
            members.extend(self.group_members(&root)?);
        }
        let keys = serde_json::to_string(&members).map_err(|source| StoreError::Serialize {
            id: name.to_string(),
            source,
        })?;
        let folded = fold(name);
        // Folded speakers contain only letters, digits and single spaces, so the LIKE
        // pattern has no wildcard but the ones written here: a word match.
        self.read_claims(
            "FROM attributions a JOIN documents d USING (doc_rowid)
             WHERE a.speaker_key IN (SELECT value FROM json_each(?1))
                OR a.speaker_key = ?2
                OR (?3 <> '' AND (a.speaker_folded = ?3
                    OR ' ' || a.speaker_folded || ' ' LIKE '% ' || ?3 || ' %'))
             ORDER BY d.published DESC, d.id, a.position",
            params![keys, name.trim(), folded],
            &format!("read claims of `{name}`"),
        )
    }

    fn cluster_entities_with_progress(
        &mut self,
        progress: &mut dyn FnMut(&ClusterProgress),
    ) -> Result<ClusterReport, StoreError> {
        let path = &self.path;
        let fail = || failed(path, "cluster entities");
        let mut report_step = |step: ClusterStep, done: u64, total: u64| {
            progress(&ClusterProgress { step, done, total });
        };
        // One write transaction: the merges are planned on the state they are written to.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail())?;
        let inputs = load_cluster_inputs(&tx, &mut report_step).map_err(fail())?;
        let plan = cluster::plan(&inputs, &mut report_step);
        let total = plan.proposals.len() as u64;
        let created_at = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        let mut report = ClusterReport {
            ambiguous: plan.ambiguous,
            kept_undone: plan.kept_undone,
            ..ClusterReport::default()
        };
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO entity_merges (from_key, to_key, rule, evidence, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(fail())?;
            report_step(ClusterStep::Writing, 0, total);
            for (done, proposal) in plan.proposals.iter().enumerate() {
                if done > 0 && done.is_multiple_of(256) {
                    report_step(ClusterStep::Writing, done as u64, total);
                }
                insert
                    .execute(params![
                        proposal.from,
                        proposal.to,
                        proposal.rule,
                        proposal.evidence.to_string(),
                        created_at
                    ])
                    .map_err(failed(
                        path,
                        &format!("record the merge {} → {}", proposal.from, proposal.to),
                    ))?;
                report.added += 1;
                *report.by_rule.entry(proposal.rule.to_string()).or_default() += 1;
            }
        }
        report.active = rebuild_canonical(&tx).map_err(fail())?;
        tx.execute(
            "DELETE FROM pending_work WHERE task = ?1",
            [PENDING_CLUSTERING],
        )
        .map_err(fail())?;
        tx.commit().map_err(fail())?;
        report_step(ClusterStep::Writing, total, total);
        Ok(report)
    }

    fn clustering_pending(&self) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM pending_work WHERE task = ?1)",
                [PENDING_CLUSTERING],
                |row| row.get(0),
            )
            .map_err(failed(&self.path, "read the pending work"))
    }

    fn merges(&self) -> Result<Vec<EntityMerge>, StoreError> {
        // `?1 IS NOT NULL` only gives the one-parameter filter its parameter.
        self.read_merges(
            "WHERE undone_at IS NULL AND ?1 IS NOT NULL ORDER BY merge_id",
            "",
        )
    }

    fn stories(&self, filter: &StoryFilter) -> Result<Vec<StorySummary>, StoreError> {
        self.list_stories(filter)
    }

    fn story(&self, reference: &str) -> Result<Option<StoryDetail>, StoreError> {
        self.read_story(reference)
    }

    fn story_of(&self, doc: &DocId) -> Result<Option<StorySummary>, StoreError> {
        self.story_of_doc(doc)
    }

    fn facts(&self, filter: &FactFilter) -> Result<Vec<FactRow>, StoreError> {
        self.list_facts(filter)
    }

    fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
        self.list_events(filter)
    }

    fn event_of_story(&self, story_id: &str) -> Result<Option<EventRecord>, StoreError> {
        self.read_event_of_story(story_id)
    }

    fn copies_of(&self, doc: &DocId) -> Result<Vec<CopyOf>, StoreError> {
        self.read_copies_of(doc)
    }

    fn facts_of(&self, doc: &DocId) -> Result<Vec<DocFact>, StoreError> {
        self.read_facts_of(doc)
    }

    fn unmerge(&mut self, from_key: &str) -> Result<Option<EntityMerge>, StoreError> {
        let path = self.path.clone();
        let fail = || failed(&path, &format!("undo the merge of {from_key}"));
        let found =
            self.read_merges("WHERE undone_at IS NULL AND from_key = ?1", from_key.trim())?;
        let Some(mut merge) = found.into_iter().next() else {
            return Ok(None);
        };
        let undone_at = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail())?;
        let changed = tx
            .execute(
                "UPDATE entity_merges SET undone_at = ?1 WHERE merge_id = ?2 AND undone_at IS NULL",
                params![undone_at, merge.id],
            )
            .map_err(fail())?;
        if changed == 0 {
            // Undone by another process since it was read.
            return Ok(None);
        }
        rebuild_canonical(&tx).map_err(fail())?;
        tx.commit().map_err(fail())?;
        merge.undone_at = Some(undone_at);
        Ok(Some(merge))
    }
}
