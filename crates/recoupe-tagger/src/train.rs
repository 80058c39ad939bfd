//! Averaged-perceptron training (Collins 2002), greedy decoding with gold history.

use crate::conllu::TaggedSentence;
use crate::features::{extract, lowered};
use crate::model::{best, context, FeatureMap, Tagger};
use crate::Upos;

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub epochs: usize,
    /// Features seen fewer times than this in training are dropped from the model.
    pub min_count: u32,
    /// Seed of the deterministic shuffle between epochs.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 8,
            min_count: 2,
            seed: 42,
        }
    }
}

struct Accum {
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u64>,
    counts: Vec<u32>,
}

/// Trains a tagger; deterministic for a given input order and config.
pub fn train(sentences: &[TaggedSentence], config: &TrainConfig) -> Tagger {
    let mut rows: FeatureMap<u32> = FeatureMap::default();
    let mut acc = Accum {
        weights: Vec::new(),
        totals: Vec::new(),
        stamps: Vec::new(),
        counts: Vec::new(),
    };
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = config.seed.max(1);
    let mut step: u64 = 0;
    let mut feats = Vec::with_capacity(24);
    let mut shape = Vec::new();
    for _epoch in 0..config.epochs {
        for &si in &order {
            let s = &sentences[si];
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let lowers = lowered(&words);
            let mut history: Vec<Upos> = Vec::with_capacity(words.len());
            for i in 0..words.len() {
                step += 1;
                let ctx = context(&words, &lowers, i, &history);
                extract(&ctx, &mut shape, &mut feats);
                let mut scores = [0.0f32; Upos::COUNT];
                for f in &feats {
                    if let Some(&row) = rows.get(f) {
                        let base = row as usize * Upos::COUNT;
                        for (k, s) in scores.iter_mut().enumerate() {
                            *s += acc.weights[base + k];
                        }
                    }
                }
                let guess = best(&scores);
                let truth = s.tags[i];
                for f in &feats {
                    let row = *rows.entry(*f).or_insert_with(|| {
                        let r = acc.counts.len() as u32;
                        acc.weights.extend([0.0; Upos::COUNT]);
                        acc.totals.extend([0.0; Upos::COUNT]);
                        acc.stamps.extend([0; Upos::COUNT]);
                        acc.counts.push(0);
                        r
                    });
                    acc.counts[row as usize] += 1;
                    if guess != truth {
                        let base = row as usize * Upos::COUNT;
                        for (class, delta) in [(truth as usize, 1.0f32), (guess as usize, -1.0)] {
                            let i = base + class;
                            acc.totals[i] += (step - acc.stamps[i]) as f64 * acc.weights[i] as f64;
                            acc.stamps[i] = step;
                            acc.weights[i] += delta;
                        }
                    }
                }
                // Gold history while training, so errors do not cascade into the features.
                history.push(truth);
            }
        }
        shuffle(&mut order, &mut rng);
    }
    // Average and prune.
    let mut kept: FeatureMap<u32> = FeatureMap::default();
    let mut weights = Vec::new();
    let mut entries: Vec<(u64, u32)> = rows.into_iter().collect();
    entries.sort();
    for (key, row) in entries {
        if acc.counts[row as usize] < config.min_count {
            continue;
        }
        let base = row as usize * Upos::COUNT;
        let mut averaged = [0.0f32; Upos::COUNT];
        for (k, a) in averaged.iter_mut().enumerate() {
            let i = base + k;
            let total = acc.totals[i] + (step - acc.stamps[i]) as f64 * acc.weights[i] as f64;
            *a = (total / step as f64) as f32;
        }
        if averaged.iter().all(|w| w.abs() < 1e-4) {
            continue;
        }
        kept.insert(key, (weights.len() / Upos::COUNT) as u32);
        weights.extend(averaged);
    }
    Tagger::from_rows(kept, weights)
}

/// Token accuracy of `tagger` on gold sentences, overall and on PROPN (precision, recall).
pub fn evaluate(tagger: &Tagger, sentences: &[TaggedSentence]) -> Evaluation {
    let mut e = Evaluation::default();
    let mut out = Vec::new();
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        tagger.tag_into(&words, &mut out);
        for (guess, truth) in out.iter().zip(&s.tags) {
            e.tokens += 1;
            e.correct += (guess == truth) as usize;
            let (g, t) = (*guess == Upos::Propn, *truth == Upos::Propn);
            e.propn_tp += (g && t) as usize;
            e.propn_fp += (g && !t) as usize;
            e.propn_fn += (!g && t) as usize;
        }
    }
    e
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Evaluation {
    pub tokens: usize,
    pub correct: usize,
    pub propn_tp: usize,
    pub propn_fp: usize,
    pub propn_fn: usize,
}

impl Evaluation {
    pub fn accuracy(&self) -> f64 {
        self.correct as f64 / self.tokens.max(1) as f64
    }
    pub fn propn_f1(&self) -> f64 {
        let p = self.propn_tp as f64 / (self.propn_tp + self.propn_fp).max(1) as f64;
        let r = self.propn_tp as f64 / (self.propn_tp + self.propn_fn).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn shuffle(v: &mut [usize], state: &mut u64) {
    for i in (1..v.len()).rev() {
        // xorshift64: deterministic, no dependency.
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(pairs: &[(&str, Upos)]) -> TaggedSentence {
        TaggedSentence {
            words: pairs.iter().map(|(w, _)| w.to_string()).collect(),
            tags: pairs.iter().map(|(_, t)| *t).collect(),
        }
    }

    #[test]
    fn learns_a_toy_language() {
        use Upos::*;
        let data: Vec<TaggedSentence> = (0..30)
            .flat_map(|_| {
                [
                    sent(&[("Le", Det), ("chat", Noun), ("dort", Verb), (".", Punct)]),
                    sent(&[("Marie", Propn), ("dort", Verb), (".", Punct)]),
                    sent(&[
                        ("Le", Det),
                        ("chien", Noun),
                        ("voit", Verb),
                        ("Paul", Propn),
                        (".", Punct),
                    ]),
                ]
            })
            .collect();
        let tagger = train(
            &data,
            &TrainConfig {
                epochs: 5,
                min_count: 1,
                seed: 7,
            },
        );
        let e = evaluate(&tagger, &data);
        assert!(e.accuracy() > 0.99, "accuracy {}", e.accuracy());
        // Deterministic: same data, same model bytes.
        let again = train(
            &data,
            &TrainConfig {
                epochs: 5,
                min_count: 1,
                seed: 7,
            },
        );
        assert_eq!(tagger.to_bytes().unwrap(), again.to_bytes().unwrap());
    }
}
