//! Reference lookups remembered across documents.
//!
//! The recogniser probes the reference data for every window of capitalised words; a miss in
//! the gazetteer index costs a binary search over a large sorted table (a few cache misses
//! per step), and news reports name the same people, places and organisations over and
//! over. [`Knowledge::candidates_for_key`] is a pure function of the key, so remembering its
//! answers changes no result.

use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::FxHashMap;

use crate::knowledge::{Candidate, Knowledge};

/// Keys remembered before the cache starts over: bounds memory on endless streams (a key
/// with its usually empty answer takes well under 100 bytes).
const CAPACITY: usize = 200_000;

/// Answers of [`Knowledge::candidates_for_key`] by key, shared by the threads running the
/// stage.
#[derive(Default)]
pub struct CandidateCache {
    answers: Mutex<FxHashMap<Box<str>, Arc<[Candidate]>>>,
}

impl CandidateCache {
    /// The reference entries of `key`, from memory when this key was looked up before.
    pub fn get(&self, kb: &dyn Knowledge, key: &str) -> Arc<[Candidate]> {
        if let Some(known) = self.lock().get(key) {
            return Arc::clone(known);
        }
        // looked up outside the lock: other threads keep going meanwhile
        let answer: Arc<[Candidate]> = kb.candidates_for_key(key).into();
        let mut answers = self.lock();
        if answers.len() >= CAPACITY {
            answers.clear();
        }
        answers.insert(key.into(), Arc::clone(&answer));
        answer
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FxHashMap<Box<str>, Arc<[Candidate]>>> {
        // a panic elsewhere cannot leave a half-written answer: entries are inserted whole
        self.answers.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Answers of [`Knowledge::demonym`] by word as written: every lowercase word of every
/// document is probed, and the vocabulary of news is small.
#[derive(Default)]
pub struct DemonymCache {
    answers: Mutex<FxHashMap<Box<str>, Option<Arc<str>>>>,
}

impl DemonymCache {
    /// ISO2 country of a nationality word, from memory when this word was probed before.
    pub fn get(&self, kb: &dyn Knowledge, word: &str) -> Option<Arc<str>> {
        let lock = || self.answers.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = lock().get(word) {
            return known.clone();
        }
        let answer: Option<Arc<str>> = kb.demonym(word).map(Arc::from);
        let mut answers = lock();
        if answers.len() >= CAPACITY {
            answers.clear();
        }
        answers.insert(word.into(), answer.clone());
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::ReferenceKnowledge;

    #[test]
    fn remembered_answers_are_the_reference_answers() {
        let kb = ReferenceKnowledge::embedded();
        let cache = CandidateCache::default();
        for surface in [
            "Bagdad",
            "Washington",
            "armée irakienne",
            "Zzyzx Qwerty",
            "Paris",
        ] {
            let key = kb.key(surface);
            let direct = kb.candidates_for_key(&key);
            assert_eq!(
                cache.get(&kb, &key).to_vec(),
                direct,
                "first lookup of {surface}"
            );
            assert_eq!(
                cache.get(&kb, &key).to_vec(),
                direct,
                "cached lookup of {surface}"
            );
        }
        assert_eq!(cache.lock().len(), 5);
    }

    #[test]
    fn remembered_demonyms_are_the_reference_demonyms() {
        let kb = ReferenceKnowledge::embedded();
        let cache = DemonymCache::default();
        for word in ["irakienne", "Syriens", "français", "maison", "irakienne"] {
            let direct = kb.demonym(word);
            assert_eq!(cache.get(&kb, word).as_deref(), direct.as_deref(), "{word}");
        }
        assert_eq!(cache.get(&kb, "irakienne").as_deref(), Some("IQ"));
    }
}
