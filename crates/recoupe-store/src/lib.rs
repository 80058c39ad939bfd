//! The embedded store of recoupe.
//!
//! Stages and commands talk to the [`Store`] trait only, so a PostgreSQL backend can be
//! added without touching them. [`SqliteStore`] is the embedded backend: one SQLite file
//! in WAL mode, numbered migrations, an FTS5 index for accent-insensitive search, and
//! the entity mentions, attributions and places flattened into tables for cross-article
//! queries.
//!
//! Documents are keyed by their content hash ([`recoupe_model::DocId`]); putting a
//! document whose id is already stored is a no-op reported as [`PutOutcome::Duplicate`].
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

mod browse;
mod cluster;
mod error;
mod export;
mod fold;
mod layers_codec;
mod query;
mod sqlite;
pub mod synthetic;
pub mod tables;
mod types;

pub use browse::*;
pub use error::StoreError;
pub use export::{export_csv, export_jsonl};
pub use fold::fold;
pub use query::{fts_query, search_query_problem, SearchQuery, SNIPPET_END, SNIPPET_START};
pub use sqlite::listing::StatementAt;
pub use sqlite::{SqliteStore, SQLITE_SCHEMA_VERSION};
pub use types::*;

use recoupe_model::{Document, EntityType};

/// What the store did with one document of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PutOutcome {
    Inserted,
    /// A document with the same content id was already stored (or appeared earlier in
    /// the same batch); nothing was written.
    Duplicate,
}

/// A document store. Every method is one consistent read, or for [`Store::put_batch`]
/// one atomic write.
pub trait Store {
    /// Stores a batch in one transaction: either every new document of the batch is
    /// stored, or (on error) none is. The outcomes are in the order of `docs`.
    fn put_batch(&mut self, docs: &[Document]) -> Result<Vec<PutOutcome>, StoreError>;

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

    /// Undoes the active merge of `from_key`; returns it, or `None` when `from_key` is not
    /// merged. The merge stays recorded as undone, so clustering does not redo it.
    fn unmerge(&mut self, from_key: &str) -> Result<Option<EntityMerge>, StoreError>;
}
