//! Candidate lookup. Each article is filed under a few keys (its strongest content words,
//! its specific entities, its copy fingerprints); candidates of a new article are the
//! articles sharing enough keys with it. The rule is a symmetric function of the two
//! articles' keys (no cap that depends on what arrived first), so candidates, hence
//! decisions, do not depend on ingest order. A store implements [`CandidateIndex`] with one
//! table `(kind, key, doc)` indexed on `(kind, key)`; [`MemoryIndex`] is the in-memory one.

use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    /// Articles filed under the rarest fingerprint shared (0 when none is shared): a
    /// passage copied from one dispatch has fingerprints few articles share, a stock phrase
    /// many.
    #[serde(default)]
    pub rarest_fingerprint: usize,
}

impl Hits {
    /// Counts one more shared key of `kind`, filed under `postings` articles.
    pub fn add(&mut self, kind: KeyKind, postings: usize) {
        match kind {
            KeyKind::Term => self.terms += 1,
            KeyKind::Entity => self.entities += 1,
            KeyKind::Fingerprint => {
                self.fingerprints += 1;
                if self.rarest_fingerprint == 0 || postings < self.rarest_fingerprint {
                    self.rarest_fingerprint = postings;
                }
            }
        }
    }
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

/// The copy candidates (by [`copy_candidate`]) a new article is aligned with: all of them
/// up to `config.copies.max_candidates`; beyond, those whose rarest shared fingerprint is
/// rarest first, then those sharing most fingerprints, then in key order (a store: the
/// earliest stored). Below the cap — every article of the evaluation corpora — the
/// candidates, hence the copies, do not depend on arrival order; above it (a flood of
/// near-identical texts, or stock phrases in a large archive) which pairs are recorded
/// may, though a flooded text still has its `max_candidates` closest copies.
pub fn copy_candidates<'k, K: Ord + Clone + 'k>(
    candidates: impl IntoIterator<Item = (&'k K, &'k Hits)>,
    config: &Config,
) -> BTreeSet<K> {
    let mut ranked: Vec<(&K, &Hits)> = candidates
        .into_iter()
        .filter(|(_, hits)| copy_candidate(hits, config))
        .collect();
    if ranked.len() > config.copies.max_candidates {
        ranked.sort_by(|(ka, a), (kb, b)| {
            a.rarest_fingerprint
                .cmp(&b.rarest_fingerprint)
                .then(b.fingerprints.cmp(&a.fingerprints))
                .then(ka.cmp(kb))
        });
        ranked.truncate(config.copies.max_candidates);
    }
    ranked.into_iter().map(|(k, _)| k.clone()).collect()
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
                out.entry(doc.clone())
                    .or_default()
                    .add(key.kind, list.len());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fingerprints(shared: usize, rarest: usize) -> Hits {
        Hits {
            fingerprints: shared,
            rarest_fingerprint: rarest,
            ..Hits::default()
        }
    }

    #[test]
    fn below_the_cap_every_copy_candidate_is_aligned() {
        let config = Config::default();
        let candidates: BTreeMap<u32, Hits> = (0..config.copies.max_candidates as u32)
            .map(|k| (k, fingerprints(1, 500)))
            .chain([(1000, Hits::default())])
            .collect();
        let chosen = copy_candidates(&candidates, &config);
        assert_eq!(chosen.len(), config.copies.max_candidates);
        assert!(
            !chosen.contains(&1000),
            "no shared fingerprint, no alignment"
        );
    }

    #[test]
    fn above_the_cap_the_rarest_shared_fingerprints_come_first() {
        let mut config = Config::default();
        config.copies.max_candidates = 2;
        let candidates: BTreeMap<u32, Hits> = [
            (1, fingerprints(1, 900)), // a stock phrase many articles share
            (2, fingerprints(3, 900)),
            (3, fingerprints(1, 2)), // one fingerprint of a passage two articles share
            (4, fingerprints(1, 900)),
        ]
        .into_iter()
        .collect();
        let chosen: Vec<u32> = copy_candidates(&candidates, &config).into_iter().collect();
        assert_eq!(chosen, vec![2, 3]);
    }
}
