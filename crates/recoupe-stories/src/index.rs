//! Candidate lookup. Each article is filed under a few keys (its strongest content words,
//! its specific entities, its copy fingerprints); candidates of a new article are the
//! articles sharing enough keys with it. The rule is a symmetric function of the two
//! articles' keys (no cap that depends on what arrived first), so candidates, hence
//! decisions, do not depend on ingest order. A store implements [`CandidateIndex`] with one
//! table `(kind, key, doc)` indexed on `(kind, key)`; [`MemoryIndex`] is the in-memory one.

use std::collections::{BTreeMap, HashMap};

use recoupe_model::DocId;
use serde::{Deserialize, Serialize};

use crate::features::{key_hash, DocFeatures};
use crate::Config;

/// What a key stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// One of the article's strongest content words.
    Term,
    /// A specific entity or place of the article.
    Entity,
    /// A winnowed fingerprint of a word n-gram.
    Fingerprint,
}

impl KeyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            KeyKind::Term => "term",
            KeyKind::Entity => "entity",
            KeyKind::Fingerprint => "fingerprint",
        }
    }
}

/// One index key of an article. `key` is a stable 64-bit hash (persist it as an integer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct IndexKey {
    pub kind: KeyKind,
    pub key: u64,
}

/// The keys an article is filed under.
pub fn index_keys(features: &DocFeatures, config: &Config) -> Vec<IndexKey> {
    let mut terms: Vec<(&String, &f64)> = features.terms.iter().collect();
    terms.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
    let mut keys: Vec<IndexKey> = terms
        .into_iter()
        .take(config.stories.index_terms)
        .map(|(t, _)| IndexKey {
            kind: KeyKind::Term,
            key: key_hash("term", t),
        })
        .collect();
    keys.extend(
        features
            .entities
            .iter()
            .filter(|e| e.weight >= config.stories.index_entity_weight)
            .map(|e| IndexKey {
                kind: KeyKind::Entity,
                key: key_hash("entity", &e.key),
            }),
    );
    keys.extend(features.fingerprints.iter().map(|&f| IndexKey {
        kind: KeyKind::Fingerprint,
        key: f,
    }));
    keys.sort();
    keys.dedup();
    keys
}

/// Shared keys of one candidate, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hits {
    pub terms: usize,
    pub entities: usize,
    pub fingerprints: usize,
}

/// Whether a candidate is worth a story comparison: two strong content words, or one
/// specific entity and one content word, in common.
pub fn story_candidate(hits: &Hits) -> bool {
    hits.terms >= 2 || (hits.entities >= 1 && hits.terms >= 1) || hits.entities >= 2
}

/// Whether a candidate is worth aligning for copies.
pub fn copy_candidate(hits: &Hits, config: &Config) -> bool {
    hits.fingerprints >= config.copies.min_shared_fingerprints
}

/// Where candidates come from: an index of the articles already filed.
pub trait CandidateIndex {
    /// Files an article under its keys.
    fn insert(&mut self, doc: &DocId, keys: &[IndexKey]);
    /// Articles sharing at least one of `keys`, with the shared keys counted by kind.
    /// (SQL: `SELECT doc, kind, count(*) FROM story_keys WHERE key IN (…) GROUP BY doc, kind`.)
    fn lookup(&self, keys: &[IndexKey]) -> BTreeMap<DocId, Hits>;
}

/// The in-memory index: posting lists in a hash map.
#[derive(Debug, Default, Clone)]
pub struct MemoryIndex {
    postings: HashMap<IndexKey, Vec<DocId>>,
}

impl CandidateIndex for MemoryIndex {
    fn insert(&mut self, doc: &DocId, keys: &[IndexKey]) {
        for key in keys {
            let list = self.postings.entry(*key).or_default();
            if !list.contains(doc) {
                list.push(doc.clone());
            }
        }
    }

    fn lookup(&self, keys: &[IndexKey]) -> BTreeMap<DocId, Hits> {
        let mut out: BTreeMap<DocId, Hits> = BTreeMap::new();
        for key in keys {
            let Some(list) = self.postings.get(key) else {
                continue;
            };
            for doc in list {
                let hits = out.entry(doc.clone()).or_default();
                match key.kind {
                    KeyKind::Term => hits.terms += 1,
                    KeyKind::Entity => hits.entities += 1,
                    KeyKind::Fingerprint => hits.fingerprints += 1,
                }
            }
        }
        out
    }
}
