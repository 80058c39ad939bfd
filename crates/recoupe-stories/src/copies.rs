//! Copied passages: winnowing fingerprints of word n-grams give candidates (Schleimer,
//! Wilkerson & Aiken 2003), then an alignment of the two word sequences finds the maximal
//! shared passages, allowing a few edited words between exact runs.

use std::collections::HashMap;

use recoupe_model::Span;
use serde::{Deserialize, Serialize};

use crate::features::DocFeatures;
use crate::words::{stable_hash, words, Word};

/// Settings of the copy detector (what counts as a copied passage).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CopyConfig {
    /// Words per fingerprinted n-gram.
    pub ngram: usize,
    /// Winnowing window, in n-grams: any shared run of `ngram + window - 1` words shares a
    /// fingerprint.
    pub window: usize,
    /// Shared fingerprints for two articles to be compared at all.
    pub min_shared_fingerprints: usize,
    /// Shortest exact run of words that seeds an alignment.
    pub seed_words: usize,
    /// Most words edited (inserted, deleted, replaced) between two exact runs of one passage.
    pub max_gap: usize,
    /// Fewest aligned words for a passage to count as copied ("about 30 words").
    pub min_words: usize,
    /// Least share of a passage's words (on its shorter side) aligned exactly: a passage is
    /// "identical or nearly so", not a paraphrase.
    pub min_density: f64,
    /// A passage with at least this share of its words inside quotation marks in both texts
    /// is one quotation reported twice, not a copy.
    pub quote_share: f64,
    /// Most copy candidates one new article is aligned with (see
    /// [`crate::copy_candidates`]): bounds the cost of a flood of near-identical texts, or
    /// of stock phrases shared across a large archive, which would otherwise align every
    /// new article with every earlier one.
    pub max_candidates: usize,
}

impl Default for CopyConfig {
    fn default() -> Self {
        CopyConfig {
            ngram: 5,
            window: 6,
            min_shared_fingerprints: 1,
            seed_words: 4,
            max_gap: 8,
            min_words: 20,
            min_density: 0.8,
            quote_share: 0.6,
            max_candidates: 16,
        }
    }
}

/// One passage shared by two articles: byte spans in each text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    pub a: Span,
    pub b: Span,
    /// Words aligned exactly.
    pub words: usize,
}

/// Two articles that share copied text. `a` sorts before `b` (content-hash ids).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyPair {
    pub a: recoupe_model::DocId,
    pub b: recoupe_model::DocId,
    pub passages: Vec<Passage>,
    /// Share of each text's words inside the copied passages.
    pub share_a: f64,
    pub share_b: f64,
    /// The earlier-published of the two, the likely origin (`None` when the dates do not
    /// tell: unknown or the same day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<recoupe_model::DocId>,
}

fn ngram_hashes(words: &[Word], n: usize) -> Vec<u64> {
    if n == 0 || words.len() < n {
        return Vec::new();
    }
    let mut buffer = Vec::new();
    (0..=words.len() - n)
        .map(|i| {
            buffer.clear();
            for w in &words[i..i + n] {
                buffer.extend_from_slice(w.folded.as_bytes());
                buffer.push(b' ');
            }
            stable_hash(&buffer)
        })
        .collect()
}

/// Winnowed fingerprints of the word n-grams (sorted, unique).
pub fn fingerprints(words: &[Word], n: usize, window: usize) -> Vec<u64> {
    let hashes = ngram_hashes(words, n);
    let window = window.max(1);
    let mut out = Vec::new();
    if hashes.is_empty() {
        return out;
    }
    if hashes.len() <= window {
        out.push(*hashes.iter().min().unwrap_or(&0));
    } else {
        let mut last: Option<usize> = None;
        for start in 0..=hashes.len() - window {
            // Rightmost minimum, so that a window sliding over a run of equal minima keeps one.
            let mut best = start;
            for i in start..start + window {
                if hashes[i] <= hashes[best] {
                    best = i;
                }
            }
            if last != Some(best) {
                out.push(hashes[best]);
                last = Some(best);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Number of equal values in two sorted slices.
pub fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Byte ranges inside quotation marks (« », “ ”, straight double quotes).
fn quoted_ranges(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match c {
            '«' | '“' => open = Some(at),
            '»' | '”' => {
                if let Some(s) = open.take() {
                    out.push(Span::new(s, at + c.len_utf8()));
                }
            }
            '"' => match open.take() {
                Some(s) => out.push(Span::new(s, at + 1)),
                None => open = Some(at),
            },
            '\n' => open = None,
            _ => {}
        }
    }
    out
}

fn inside(ranges: &[Span], span: Span) -> bool {
    ranges.iter().any(|r| r.contains(&span))
}

/// An exact run: `len` words equal from `i` in A and `j` in B.
#[derive(Debug, Clone, Copy)]
struct Run {
    i: usize,
    j: usize,
    len: usize,
}

/// Maximal exact runs of at least `seed` words.
fn exact_runs(a: &[Word], b: &[Word], seed: usize) -> Vec<Run> {
    let ha = ngram_hashes(a, seed);
    let hb = ngram_hashes(b, seed);
    let mut at_b: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, h) in hb.iter().enumerate() {
        at_b.entry(*h).or_default().push(j);
    }
    let mut runs = Vec::new();
    // Diagonal (j - i) → end in A of the last run found on it, to skip seeds inside it.
    let mut covered: HashMap<isize, usize> = HashMap::new();
    for (i, h) in ha.iter().enumerate() {
        let Some(js) = at_b.get(h) else { continue };
        for &j in js {
            let diagonal = j as isize - i as isize;
            if covered.get(&diagonal).is_some_and(|&end| i < end) {
                continue;
            }
            if a[i..i + seed]
                .iter()
                .zip(&b[j..j + seed])
                .any(|(x, y)| x.folded != y.folded)
            {
                continue;
            }
            let mut len = seed;
            while i + len < a.len() && j + len < b.len() && a[i + len].folded == b[j + len].folded {
                len += 1;
            }
            covered.insert(diagonal, i + len);
            runs.push(Run { i, j, len });
        }
    }
    runs
}

/// Aligns two word sequences into maximal passages: exact runs chained in order on both
/// sides with at most `max_gap` edited words between them.
fn passages(a: &[Word], b: &[Word], config: &CopyConfig) -> Vec<(Run, Run, usize)> {
    let mut runs = exact_runs(a, b, config.seed_words);
    // Longest first, so that a long run claims its words before a stray repeat does.
    runs.sort_by(|x, y| y.len.cmp(&x.len).then(x.i.cmp(&y.i)).then(x.j.cmp(&y.j)));
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut kept: Vec<Run> = Vec::new();
    for run in runs {
        // Trim the words an earlier (longer) run already took.
        let mut start = 0;
        while start < run.len && (used_a[run.i + start] || used_b[run.j + start]) {
            start += 1;
        }
        let mut len = 0;
        while start + len < run.len && !used_a[run.i + start + len] && !used_b[run.j + start + len]
        {
            len += 1;
        }
        if len < config.seed_words {
            continue;
        }
        let run = Run {
            i: run.i + start,
            j: run.j + start,
            len,
        };
        for k in 0..run.len {
            used_a[run.i + k] = true;
            used_b[run.j + k] = true;
        }
        kept.push(run);
    }
    kept.sort_by(|x, y| x.i.cmp(&y.i).then(x.j.cmp(&y.j)));
    // Chains: (first run, last run, aligned words).
    let mut chains: Vec<(Run, Run, usize)> = Vec::new();
    for run in kept {
        let gap = config.max_gap;
        let follows = chains.iter_mut().rev().find(|(_, last, _)| {
            let (end_a, end_b) = (last.i + last.len, last.j + last.len);
            run.i >= end_a && run.j >= end_b && run.i - end_a <= gap && run.j - end_b <= gap
        });
        match follows {
            Some(chain) => {
                chain.1 = run;
                chain.2 += run.len;
            }
            None => chains.push((run, run, run.len)),
        }
    }
    chains
}

/// The copied passages two articles share, or `None`. Symmetric: the pair is computed with
/// the smaller id first whatever the order of the arguments.
pub fn find_copies(
    first: (&DocFeatures, &str),
    second: (&DocFeatures, &str),
    config: &CopyConfig,
) -> Option<CopyPair> {
    let (wa, wb) = (words(first.1), words(second.1));
    find_copies_in((first.0, first.1, &wa), (second.0, second.1, &wb), config)
}

/// [`find_copies`] with each text's [`words`] already split: an article aligned with
/// several candidates is split once, not once per candidate.
pub fn find_copies_in(
    first: (&DocFeatures, &str, &[Word]),
    second: (&DocFeatures, &str, &[Word]),
    config: &CopyConfig,
) -> Option<CopyPair> {
    let ((fa, ta, wa), (fb, tb, wb)) = if first.0.id <= second.0.id {
        (first, second)
    } else {
        (second, first)
    };
    if fa.id == fb.id {
        return None;
    }
    let (qa, qb) = (quoted_ranges(ta), quoted_ranges(tb));
    let mut found = Vec::new();
    let (mut copied_a, mut copied_b) = (0usize, 0usize);
    for (first_run, last_run, aligned) in passages(wa, wb, config) {
        let (i0, i1) = (first_run.i, last_run.i + last_run.len);
        let (j0, j1) = (first_run.j, last_run.j + last_run.len);
        let shorter = (i1 - i0).min(j1 - j0);
        if aligned < config.min_words || (aligned as f64) < config.min_density * shorter as f64 {
            continue;
        }
        let quoted = (i0..i1)
            .zip(j0..j1)
            .filter(|&(i, j)| inside(&qa, wa[i].span) && inside(&qb, wb[j].span))
            .count();
        if quoted as f64 >= config.quote_share * (i1 - i0).min(j1 - j0) as f64 {
            continue;
        }
        copied_a += i1 - i0;
        copied_b += j1 - j0;
        found.push(Passage {
            a: Span::new(wa[i0].span.start, wa[i1 - 1].span.end),
            b: Span::new(wb[j0].span.start, wb[j1 - 1].span.end),
            words: aligned,
        });
    }
    if found.is_empty() {
        return None;
    }
    found.sort_by_key(|p| (p.a.start, p.b.start));
    let origin = match (fa.published, fb.published) {
        (Some(x), Some(y)) if x < y => Some(fa.id.clone()),
        (Some(x), Some(y)) if y < x => Some(fb.id.clone()),
        _ => None,
    };
    Some(CopyPair {
        a: fa.id.clone(),
        b: fb.id.clone(),
        passages: found,
        share_a: copied_a as f64 / wa.len().max(1) as f64,
        share_b: copied_b as f64 / wb.len().max(1) as f64,
        origin,
    })
}
