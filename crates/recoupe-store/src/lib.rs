//! The embedded store of recoupe.
//!
//! Stages and commands talk to the [`Store`] trait only, so a PostgreSQL backend can be
//! added without touching them. [`SqliteStore`] is the embedded backend: one SQLite file
//! in WAL mode, numbered migrations, an FTS5 index for accent-insensitive search, and
//! the entity mentions, attributions and places flattened into tables for cross-article
//! queries.
//!
//! Documents are keyed by their content hash ([`recoupe_model::DocId`]): a text is stored
//! and annotated once. Every publication of it is an [`Appearance`] (outlet, URL, date,
//! source id, origin; `migrations/0003_appearances.sql`): putting a stored text with
//! another publication adds an appearance ([`PutOutcome::Appearance`]); putting the very
//! same publication again is a no-op ([`PutOutcome::Duplicate`]).
//!
//! Durability: each [`Store::put_batch`] is one transaction. With WAL and
//! `synchronous = NORMAL`, a batch whose call returned survives the process being killed
//! at any point (`tests/crash.rs` kills a filler process mid-ingest to check it); an OS
//! crash or power cut may lose the last batches, never corrupt the file.
//!
//! Layout (see `migrations/0001_initial.sql`): `documents` holds the metadata, the original
//! text and the layers (zstd-compressed JSON with tokens in a compact form, see
//! `layers_codec.rs`); `mentions`, `entity_names`, `entity_links`, `attributions` and
//! `places` flatten the layers for cross-article queries; `documents_fts` is an FTS5
//! index over title and text, accent-insensitive, with both apostrophes as separators.
//!
//! Entity merges (`migrations/0002_entity_merges.sql`, `src/cluster.rs`): `entity_merges`
//! records each cross-article merge of one entity key into another with its rule and JSON
//! evidence, undone merges included (never redone); `entity_canonical`, derived from the
//! active merges, maps every merged key to its canonical key, and the entity queries and
//! counts aggregate through it.
//!
//! Pending work (`migrations/0005_pending_work.sql`): storing new documents records that a
//! clustering pass is owed, in the same transaction; the pass clears it in the
//! transaction that records its merges. An ingest killed before or during clustering
//! leaves it set and [`Store::clustering_pending`] tells the next ingest to run the pass.

mod browse;
mod cluster;
mod error;
mod export;
mod fold;
mod layers_codec;
mod query;
mod snippet;
mod sqlite;
mod stories;
pub mod synthetic;
pub mod tables;
mod types;

pub use browse::*;
pub use error::StoreError;
pub use export::{export_csv, export_jsonl};
pub use fold::fold;
pub use query::{fts_query, search_query_problem, SearchQuery, SNIPPET_END, SNIPPET_START};
/// The cross-article types the story queries return, from the crates that compute them.
pub use recoupe_events::{EventRecord, RecordEntity};
pub use recoupe_stories::{CopyPair, Fact, Link, Story};
pub use sqlite::listing::StatementAt;
pub use sqlite::stories::SqliteIndex;
pub use sqlite::{SqliteStore, SQLITE_SCHEMA_VERSION};
pub use stories::*;
pub use types::*;

use std::collections::HashSet;

use recoupe_model::{DocId, Document, EntityType};

/// What the store did with one document of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PutOutcome {
    Inserted,
    /// The text was already stored (or came earlier in the same batch) and this is another
    /// publication of it: an appearance was added, the document left as it was.
    Appearance,
    /// The text and this very publication were already stored; nothing was written.
    Duplicate,
}

/// A document store. Every method is one consistent read, or for [`Store::put_batch`]
/// one atomic write.
pub trait Store {
    /// Stores a batch in one transaction: either every new document of the batch is
    /// stored, or (on error) none is. The outcomes are in the order of `docs`. The
    /// cross-article layer is updated in the same transaction: the new articles' stories,
    /// copies, facts and event records.
    fn put_batch(&mut self, docs: &[Document]) -> Result<Vec<PutOutcome>, StoreError>;

    /// Adds to the cross-article layer the stored documents it does not hold yet (stored
    /// with the layer switched off, or before the store had it), in batches.
    fn update_stories(&mut self) -> Result<StoryUpdate, StoreError>;

    /// Which of `ids` are stored, so that an ingest can skip the pipeline for texts it
    /// already has (their new publications only add appearances).
    fn stored_ids(&self, ids: &[&DocId]) -> Result<HashSet<DocId>, StoreError>;

    /// Every publication of the document `id`, in the order they were stored.
    fn appearances(&self, id: &DocId) -> Result<Vec<Appearance>, StoreError>;

    /// A document by full id, external id, or unique prefix of the id. An ambiguous
    /// prefix is an error listing the candidates.
    fn get(&self, id_or_prefix: &str) -> Result<Option<Document>, StoreError>;

    /// Number of stored documents.
    fn count(&self) -> Result<u64, StoreError>;

    /// Full-text search over title and text, best first. Plain words are ANDed,
    /// `"quoted phrases"` match as phrases, a trailing `*` makes a prefix; case and
    /// accents are ignored. Any input is accepted: it never causes a syntax error.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError>;

    /// Size and contents of the store.
    fn stats(&self) -> Result<Stats, StoreError>;

    /// Calls `visit` on every document in insertion order, stopping at its first error.
    /// Returns the number of documents visited.
    fn for_each_document(
        &self,
        visit: &mut dyn FnMut(Document) -> Result<(), StoreError>,
    ) -> Result<u64, StoreError>;

    /// The most mentioned entities (optionally of one type), most mentions first.
    fn top_entities(
        &self,
        label: Option<EntityType>,
        limit: usize,
    ) -> Result<Vec<EntitySummary>, StoreError>;

    /// One entity by key ("actors:press-tv") or by any surface form or knowledge-base
    /// name, compared accent- and case-insensitively. When a name matches several
    /// entities, the most mentioned is returned and the others are listed in
    /// [`EntityDetail::other_matches`].
    fn entity(&self, name_or_key: &str) -> Result<Option<EntityDetail>, StoreError>;

    /// Every attributed statement whose speaker is `name`: an entity key, an entity
    /// surface form, or words of the speaker as written ("Trump" finds "Donald Trump"
    /// and the statements of every mention linked to that entity).
    fn claims_by_speaker(&self, name: &str) -> Result<Vec<Claim>, StoreError>;

    /// Finds entity keys naming the same real-world entity across documents (acronym ↔
    /// long form, unlinked name ↔ the knowledge-base key it is linked to elsewhere, Arabic
    /// spellings with and without articles) and records each merge with its rule and
    /// evidence. Idempotent; never redoes a merge that was undone. The queries above
    /// aggregate an entity over every key merged into it.
    fn cluster_entities(&mut self) -> Result<ClusterReport, StoreError> {
        self.cluster_entities_with_progress(&mut |_| {})
    }

    /// [`Store::cluster_entities`], telling `progress` each step as it goes (for a
    /// progress bar: the pass over a large store takes a while).
    fn cluster_entities_with_progress(
        &mut self,
        progress: &mut dyn FnMut(&ClusterProgress),
    ) -> Result<ClusterReport, StoreError>;

    /// Whether documents were stored since the last clustering pass was recorded: an
    /// ingest killed before or during the pass leaves it pending, and the next ingest
    /// runs it.
    fn clustering_pending(&self) -> Result<bool, StoreError>;

    /// Active merges, oldest first.
    fn merges(&self) -> Result<Vec<EntityMerge>, StoreError>;

    /// Stories (articles about one event), most articles first; singletons are stories
    /// of one article.
    fn stories(&self, filter: &StoryFilter) -> Result<Vec<StorySummary>, StoreError>;

    /// One story by id, unique id prefix, or a reference to one of its articles (as for
    /// [`Store::get`]), with its event record, members and why each belongs.
    fn story(&self, reference: &str) -> Result<Option<StoryDetail>, StoreError>;

    /// The story of the document `doc`.
    fn story_of(&self, doc: &DocId) -> Result<Option<StorySummary>, StoreError>;

    /// Facts of stories (figures reported by their articles), disagreeing ones first.
    fn facts(&self, filter: &FactFilter) -> Result<Vec<FactRow>, StoreError>;

    /// Event records of stories, newest event first.
    fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError>;

    /// The event record of the story `story_id` (`None` when it has none or there is no
    /// such story).
    fn event_of_story(&self, story_id: &str) -> Result<Option<EventRecord>, StoreError>;

    /// The articles `doc` shares copied passages with, most shared first.
    fn copies_of(&self, doc: &DocId) -> Result<Vec<CopyOf>, StoreError>;

    /// The figures of `doc` that report a fact of its story.
    fn facts_of(&self, doc: &DocId) -> Result<Vec<DocFact>, StoreError>;

    /// Undoes the active merge of `from_key`; returns it, or `None` when `from_key` is not
    /// merged. The merge stays recorded as undone, so clustering does not redo it.
    fn unmerge(&mut self, from_key: &str) -> Result<Option<EntityMerge>, StoreError>;
}
