//! Counting metrics: precision/recall/F1, accuracy, B³, great-circle distance.

use std::collections::HashMap;
use std::hash::Hash;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// Divides, or `None` when the denominator is zero: an empty score is undefined, not 0 or 1.
pub fn ratio(numerator: usize, denominator: usize) -> Option<f64> {
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

fn harmonic(p: Option<f64>, r: Option<f64>) -> Option<f64> {
    match (p, r) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    }
}

/// True positives, false positives and false negatives with the derived scores.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Prf {
    pub p: Option<f64>,
    pub r: Option<f64>,
    pub f1: Option<f64>,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Prf {
    pub fn from_counts(tp: usize, fp: usize, fn_: usize) -> Prf {
        let p = ratio(tp, tp + fp);
        let r = ratio(tp, tp + fn_);
        Prf {
            p,
            r,
            f1: harmonic(p, r),
            tp,
            fp,
            fn_,
        }
    }
}

/// Running tp/fp/fn counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    pub fn prf(&self) -> Prf {
        Prf::from_counts(self.tp, self.fp, self.fn_)
    }
}

/// `right` out of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Accuracy {
    pub accuracy: Option<f64>,
    pub right: usize,
    pub total: usize,
}

impl Accuracy {
    pub fn new(right: usize, total: usize) -> Accuracy {
        Accuracy {
            accuracy: ratio(right, total),
            right,
            total,
        }
    }
}

/// Exact multiset matching: each system key matches at most one equal gold key.
pub fn match_exact<K: Hash + Eq>(gold: &[K], system: &[K]) -> Counts {
    let mut available: HashMap<&K, usize> = HashMap::new();
    for key in system {
        *available.entry(key).or_default() += 1;
    }
    let mut tp = 0;
    for key in gold {
        if let Some(left) = available.get_mut(key) {
            if *left > 0 {
                *left -= 1;
                tp += 1;
            }
        }
    }
    Counts {
        tp,
        fp: system.len() - tp,
        fn_: gold.len() - tp,
    }
}

/// B³ precision, recall and F1 of a clustering. Each item is `(gold cluster, system
/// cluster)`; every item weighs the same.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct BCubed {
    pub p: Option<f64>,
    pub r: Option<f64>,
    pub f1: Option<f64>,
}

pub fn b_cubed<G: Hash + Eq, S: Hash + Eq>(items: &[(G, S)]) -> BCubed {
    if items.is_empty() {
        return BCubed::default();
    }
    let mut gold_size: HashMap<&G, usize> = HashMap::new();
    let mut system_size: HashMap<&S, usize> = HashMap::new();
    let mut both_size: HashMap<(&G, &S), usize> = HashMap::new();
    for (g, s) in items {
        *gold_size.entry(g).or_default() += 1;
        *system_size.entry(s).or_default() += 1;
        *both_size.entry((g, s)).or_default() += 1;
    }
    // For an item, |G ∩ S| is the number of items sharing both its gold and its system
    // cluster, so summing per item is summing per (g, s) cell weighted by its size.
    let mut precision = 0.0;
    let mut recall = 0.0;
    for ((g, s), &shared) in &both_size {
        let shared = shared as f64;
        precision += shared * shared / system_size[s] as f64;
        recall += shared * shared / gold_size[g] as f64;
    }
    let n = items.len() as f64;
    let p = Some(precision / n);
    let r = Some(recall / n);
    BCubed {
        p,
        r,
        f1: harmonic(p, r),
    }
}

pub use recoupe_model::haversine_km;

/// Lowercase, diacritics removed, every run of non-alphanumerics one space: the form in
/// which "Deir ez-Zor", "deir-ez-zor" and "Deïr ez Zor" compare equal.
pub fn normalise_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn b_cubed_hand_example() {
        // Gold: {a1 a2 a3} {b1 b2}; system: {a1 a2} {a3 b1 b2}.
        // Precision per item: 1, 1, 1/3, 2/3, 2/3 → 11/15.
        // Recall per item: 2/3, 2/3, 1/3, 1, 1 → 11/15.
        let items = [
            ("A", "s1"),
            ("A", "s1"),
            ("A", "s2"),
            ("B", "s2"),
            ("B", "s2"),
        ];
        let score = b_cubed(&items);
        assert!(close(score.p, 11.0 / 15.0), "{score:?}");
        assert!(close(score.r, 11.0 / 15.0), "{score:?}");
        assert!(close(score.f1, 11.0 / 15.0), "{score:?}");
    }

    #[test]
    fn b_cubed_one_big_system_cluster_has_full_recall() {
        // Gold: {x} {y} {z z}; system puts everything together.
        let items = [("x", 1), ("y", 1), ("z", 1), ("z", 1)];
        let score = b_cubed(&items);
        assert!(close(score.r, 1.0), "{score:?}");
        // Precision per item: 1/4, 1/4, 2/4, 2/4 → 0.375.
        assert!(close(score.p, 0.375), "{score:?}");
    }

    #[test]
    fn b_cubed_of_nothing_is_undefined() {
        let items: [(&str, &str); 0] = [];
        assert_eq!(b_cubed(&items), BCubed::default());
    }

    #[test]
    fn exact_matching_counts_duplicates_once() {
        let counts = match_exact(&[1, 2, 3], &[2, 2, 4]);
        assert_eq!(
            counts,
            Counts {
                tp: 1,
                fp: 2,
                fn_: 2
            }
        );
    }

    #[test]
    fn empty_denominators_give_undefined_scores() {
        let prf = Prf::from_counts(0, 0, 0);
        assert_eq!((prf.p, prf.r, prf.f1), (None, None, None));
        let prf = Prf::from_counts(0, 3, 0);
        assert_eq!((prf.p, prf.r, prf.f1), (Some(0.0), None, None));
    }

    #[test]
    fn names_compare_without_case_accents_or_punctuation() {
        assert_eq!(normalise_name("Deïr ez-Zor"), "deir ez zor");
        assert_eq!(normalise_name("deir-ez-zor"), "deir ez zor");
        assert_eq!(normalise_name("  Québec, QC "), "quebec qc");
    }
}
