//! Scoring the cross-article layer (`recoupe-stories`) against `stories.jsonl`, as the shared
//! corpus's FORMAT.md says, with the naive baselines of issue 12 computed in the same run.
//!
//! The layer's output ([`SystemLayer`]) is computed from the annotated documents with their
//! `cluster` removed: `recoupe eval` ingests them into a temporary store and reads the layer
//! back (`recoupe-app`'s eval); [`SystemLayer::in_memory`] adds them in corpus order to
//! an in-memory index, as [`score_stories`] does when given no layer.
//! - **stories**: pairwise P/R/F1 over all article pairs (same story or not) and B³; an
//!   article in no gold story is a story of its own.
//! - **copies**: P/R/F1 over unordered article pairs.
//! - **facts**: recall over pairs of reports of one gold fact in different articles (both
//!   overlapped by system figures of one system fact); precision over the system's
//!   cross-article pairs of figures in one fact whose figures both overlap gold quantities
//!   (right when they are reports of one gold fact).
//! - **disagreements**: pairs of reports of one gold fact in different articles, neither
//!   `earlier`, whose intervals do not meet; a flagged pair is right when its two figures
//!   overlap the two reports of such a pair.
//! - **sources**: over the gold reports the system links (a system figure overlapping it is
//!   in a fact reported by two or more articles), the share whose source maps to the gold
//!   `source` (none for null); a system speaker key maps to a gold id through exact-span
//!   mentions, in its article first, else in the corpus.
//!
//! Baselines: stories, TF-IDF (IDF of the corpus itself) cosine single link at the best
//! threshold of a grid on the corpus scored (as favourable to it as can be); copies,
//! whole-text 5-word-shingle Jaccard ≥ 0.2; facts, gold stories and gold quantities linked by
//! the head word of the unit; disagreements, those links whose intervals do not meet; sources,
//! always none (over all gold reports).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use recoupe_events::EventRecord;
use recoupe_model::{DocId, Document, OriginKind, Qualifier, QuantityValue, Span};
use recoupe_stories::{
    disjoint, fold, interval, words, Config, CopyPair, DocFeatures, Story, StoryEngine,
};
use serde::{Deserialize, Serialize};

use crate::corpus::{jsonl_lines, read_file, record_message, Corpus, EvalError};
use crate::evaluate::{Mismatch, MISMATCH_TEXT_CHARS};
use crate::locate::locate_gold;
use crate::metrics::{b_cubed, Accuracy, BCubed, Counts, Prf};

/// One line of `stories.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldStory {
    pub story: String,
    pub articles: Vec<String>,
    #[serde(default)]
    pub copies: Vec<GoldCopy>,
    #[serde(default)]
    pub facts: Vec<GoldFact>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldCopy {
    pub a: String,
    pub b: String,
    #[serde(default)]
    pub passage: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldFact {
    pub fact: String,
    #[serde(default)]
    pub about: String,
    pub reports: Vec<GoldReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldReport {
    pub article: String,
    /// Index into the article's gold `quantities`.
    pub q: usize,
    #[serde(default)]
    pub text: String,
    pub source: Option<String>,
    #[serde(default)]
    pub earlier: bool,
}

/// Reads `stories.jsonl` when present; every article it names must be in the corpus.
pub(crate) fn load_stories(
    path: &Path,
    articles: &HashMap<String, usize>,
) -> Result<Option<Vec<GoldStory>>, EvalError> {
    if !path.is_file() {
        return Ok(None);
    }
    let text = read_file(path)?;
    let mut out = Vec::new();
    for (line, record) in jsonl_lines(&text) {
        let at = |message: String| EvalError::Record {
            path: path.to_path_buf(),
            line,
            message,
        };
        let story: GoldStory = serde_json::from_str(record).map_err(|e| at(record_message(&e)))?;
        let named = story
            .articles
            .iter()
            .chain(story.copies.iter().flat_map(|c| [&c.a, &c.b]))
            .chain(
                story
                    .facts
                    .iter()
                    .flat_map(|f| f.reports.iter().map(|r| &r.article)),
            );
        for id in named {
            if !articles.contains_key(id) {
                return Err(at(format!(
                    "story `{}` names article `{id}`, which is not in articles.jsonl",
                    story.story
                )));
            }
        }
        out.push(story);
    }
    Ok(Some(out))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryScores {
    pub pairwise: Prf,
    pub b_cubed: BCubed,
    pub articles: usize,
    pub gold_stories: usize,
    pub system_stories: usize,
    pub baseline: StoryBaseline,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryBaseline {
    pub method: String,
    pub threshold: f64,
    pub pairwise: Prf,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairScores {
    pub pairs: Prf,
    pub baseline: PairBaseline,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairBaseline {
    pub method: String,
    pub pairs: Prf,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceScores {
    pub right: Accuracy,
    pub baseline: SourceBaseline,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceBaseline {
    pub method: String,
    pub right: Accuracy,
}

/// The five cross-article scores.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryReports {
    pub stories: StoryScores,
    pub copies: PairScores,
    pub facts: PairScores,
    pub disagreements: PairScores,
    pub sources: SourceScores,
    /// The system's stories, for the layers scored per story (events).
    pub system: Vec<recoupe_stories::Story>,
    /// The event record the layer computed for each story of `system` (same order), when
    /// it did (a store does, as it writes a story); `None`: the event scoring computes them.
    pub records: Option<Vec<Option<EventRecord>>>,
}

/// What the cross-article layer produced over the corpus articles, as scored.
#[derive(Debug, Clone, Default)]
pub struct SystemLayer {
    /// Every story, singletons included.
    pub stories: Vec<Story>,
    /// The event record of each story of `stories` (same order), when the layer computed
    /// them; `None`: the event scoring computes them from the stories' articles.
    pub records: Option<Vec<Option<EventRecord>>>,
    /// Every copy pair.
    pub copies: Vec<CopyPair>,
    /// Each article's features (its label, its figures), by content-hash id.
    pub features: HashMap<DocId, DocFeatures>,
}

impl SystemLayer {
    /// The layer run in memory: `docs` added in their order to a [`StoryEngine`] with the
    /// default settings (what a store does, without the store).
    pub fn in_memory(docs: &[Document]) -> SystemLayer {
        let mut engine = StoryEngine::new(Config::default());
        for doc in docs {
            engine.add(doc);
        }
        SystemLayer {
            stories: engine.stories(),
            records: None,
            copies: engine.copies().cloned().collect(),
            features: docs
                .iter()
                .filter_map(|d| engine.features(&d.id).map(|f| (d.id.clone(), f.clone())))
                .collect(),
        }
    }
}

type Pair2 = (String, String);

fn ordered(a: &str, b: &str) -> Pair2 {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

fn prf_of_sets(gold: &BTreeSet<Pair2>, system: &BTreeSet<Pair2>) -> Prf {
    let tp = gold.intersection(system).count();
    Prf::from_counts(tp, system.len() - tp, gold.len() - tp)
}

/// A gold report located: `(article, q)` → span.
type GoldQ = (String, usize);
/// Unordered pairs of gold reports.
type GoldPairs = BTreeSet<(GoldQ, GoldQ)>;
/// A gold quantity's value, qualifier and unit.
type GoldValue = (QuantityValue, Qualifier, Option<String>);

struct Mismatches<'a> {
    enabled: bool,
    items: Vec<Mismatch>,
    texts: &'a HashMap<String, &'a Document>,
}

impl Mismatches<'_> {
    fn push(
        &mut self,
        article: &str,
        layer: &str,
        problem: &str,
        span: Span,
        expected: Option<String>,
        got: Option<String>,
    ) {
        if !self.enabled {
            return;
        }
        let text = self
            .texts
            .get(article)
            .and_then(|d| d.text.get(span.start..span.end))
            .unwrap_or_default()
            .chars()
            .take(MISMATCH_TEXT_CHARS)
            .collect();
        self.items.push(Mismatch {
            article: article.to_string(),
            layer: layer.to_string(),
            problem: problem.to_string(),
            at: span.start,
            text,
            expected,
            got,
        });
    }
}

/// Scores the layer run in memory ([`SystemLayer::in_memory`]); `None` when the corpus has
/// no `stories.jsonl`.
pub fn score_stories(
    corpus: &Corpus,
    annotated: &[Document],
    mismatches: Option<&mut Vec<Mismatch>>,
) -> Option<StoryReports> {
    score_stories_of(corpus, annotated, None, mismatches)
}

/// Scores `system`, the layer's output over the articles of `annotated` (computed in memory
/// when `None`); `None` when the corpus has no `stories.jsonl`.
pub fn score_stories_of(
    corpus: &Corpus,
    annotated: &[Document],
    system: Option<SystemLayer>,
    mismatches: Option<&mut Vec<Mismatch>>,
) -> Option<StoryReports> {
    let gold_stories = corpus.stories.as_ref()?;
    // The articles of articles.jsonl (seeds are not news of any story), annotated ones first.
    let mut docs: Vec<Document> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for doc in annotated.iter().chain(&corpus.articles) {
        let Some(id) = doc.meta.external_id.clone() else {
            continue;
        };
        if doc.meta.origin.kind != OriginKind::Jsonl || !seen.insert(id) {
            continue;
        }
        let mut doc = doc.clone();
        // The layer must not see the gold's grouping.
        doc.meta.cluster = None;
        docs.push(doc);
    }
    let by_id: HashMap<String, &Document> = docs
        .iter()
        .filter_map(|d| d.meta.external_id.clone().map(|id| (id, d)))
        .collect();
    let mut sink = Mismatches {
        enabled: mismatches.is_some(),
        items: Vec::new(),
        texts: &by_id,
    };

    let system = system.unwrap_or_else(|| SystemLayer::in_memory(&docs));
    let label = |id: &recoupe_model::DocId| -> String {
        system
            .features
            .get(id)
            .map(|f| f.display().to_string())
            .unwrap_or_default()
    };
    let stories = system.stories.clone();

    // ---- stories
    let labels: Vec<String> = docs
        .iter()
        .filter_map(|d| d.meta.external_id.clone())
        .collect();
    let mut gold_of: HashMap<String, String> = HashMap::new();
    for story in gold_stories {
        for a in &story.articles {
            gold_of.insert(a.clone(), story.story.clone());
        }
    }
    let gold_cluster = |a: &str| {
        gold_of
            .get(a)
            .cloned()
            .unwrap_or_else(|| format!("single:{a}"))
    };
    let mut system_of: HashMap<String, usize> = HashMap::new();
    for (index, story) in stories.iter().enumerate() {
        for id in &story.articles {
            system_of.insert(label(id), index);
        }
    }
    let mut counts = Counts::default();
    for i in 0..labels.len() {
        for j in i + 1..labels.len() {
            let (a, b) = (&labels[i], &labels[j]);
            let gold_same = gold_cluster(a) == gold_cluster(b);
            let system_same = system_of.get(a) == system_of.get(b);
            match (gold_same, system_same) {
                (true, true) => counts.tp += 1,
                (false, true) => {
                    counts.fp += 1;
                    sink.push(
                        a,
                        "stories",
                        "spurious",
                        Span::new(0, 0),
                        Some(format!(
                            "{a} ({}) and {b} ({}) apart",
                            gold_cluster(a),
                            gold_cluster(b)
                        )),
                        Some(format!("together in story {}", system_of[a])),
                    );
                }
                (true, false) => {
                    counts.fn_ += 1;
                    sink.push(
                        a,
                        "stories",
                        "missed",
                        Span::new(0, 0),
                        Some(format!("{a} and {b} together ({})", gold_cluster(a))),
                        Some(format!(
                            "apart: stories {:?} and {:?}",
                            system_of.get(a),
                            system_of.get(b)
                        )),
                    );
                }
                _ => {}
            }
        }
    }
    let items: Vec<(String, usize)> = labels
        .iter()
        .map(|a| {
            (
                gold_cluster(a),
                system_of.get(a).copied().unwrap_or(usize::MAX),
            )
        })
        .collect();
    let (threshold, baseline_prf) = tfidf_baseline(&docs, &labels, &gold_cluster);
    let story_scores = StoryScores {
        pairwise: counts.prf(),
        b_cubed: b_cubed(&items),
        articles: labels.len(),
        gold_stories: items.iter().map(|i| &i.0).collect::<BTreeSet<_>>().len(),
        system_stories: stories.len(),
        baseline: StoryBaseline {
            method: "TF-IDF cosine (corpus IDF), single link, best threshold of a grid".into(),
            threshold,
            pairwise: baseline_prf,
        },
    };

    // ---- copies
    let gold_copies: BTreeSet<Pair2> = gold_stories
        .iter()
        .flat_map(|s| s.copies.iter().map(|c| ordered(&c.a, &c.b)))
        .collect();
    let mut system_copies: BTreeMap<Pair2, Span> = BTreeMap::new();
    for pair in &system.copies {
        let (a, b) = (label(&pair.a), label(&pair.b));
        let first = pair
            .passages
            .first()
            .map(|p| if a <= b { p.a } else { p.b });
        system_copies.insert(ordered(&a, &b), first.unwrap_or(Span::new(0, 0)));
    }
    let system_copy_set: BTreeSet<Pair2> = system_copies.keys().cloned().collect();
    for pair in gold_copies.difference(&system_copy_set) {
        sink.push(
            &pair.0,
            "copies",
            "missed",
            Span::new(0, 0),
            Some(format!("{} copies {}", pair.0, pair.1)),
            None,
        );
    }
    for pair in system_copy_set.difference(&gold_copies) {
        sink.push(
            &pair.0,
            "copies",
            "spurious",
            system_copies[pair],
            None,
            Some(format!("{} copies {}", pair.0, pair.1)),
        );
    }
    let copy_scores = PairScores {
        pairs: prf_of_sets(&gold_copies, &system_copy_set),
        baseline: PairBaseline {
            method: "whole-text 5-word-shingle Jaccard >= 0.2".into(),
            pairs: prf_of_sets(&gold_copies, &shingle_baseline(&docs, &labels)),
        },
    };

    // ---- facts: locate the gold quantities, map system figures onto them
    let mut gold_spans: HashMap<GoldQ, Span> = HashMap::new();
    let mut gold_values: HashMap<GoldQ, (QuantityValue, Qualifier, Option<String>)> =
        HashMap::new();
    for (id, gold) in &corpus.gold {
        let Some(doc) = by_id.get(id) else { continue };
        let located = locate_gold(&doc.text, gold);
        for (q, (quantity, span)) in gold.quantities.iter().zip(&located.quantities).enumerate() {
            if let Ok(span) = span {
                gold_spans.insert((id.clone(), q), *span);
                gold_values.insert(
                    (id.clone(), q),
                    (quantity.value, quantity.qualifier, quantity.unit.clone()),
                );
            }
        }
    }
    let mut gold_spans_by_article: HashMap<&str, Vec<(usize, Span)>> = HashMap::new();
    for ((article, q), span) in &gold_spans {
        gold_spans_by_article
            .entry(article.as_str())
            .or_default()
            .push((*q, *span));
    }
    for list in gold_spans_by_article.values_mut() {
        list.sort_by_key(|(q, _)| *q);
    }
    let to_gold = |article: &str, span: Span| -> Option<GoldQ> {
        gold_spans_by_article
            .get(article)?
            .iter()
            .filter(|(_, g)| g.overlaps(&span))
            .max_by_key(|(_, g)| g.end.min(span.end) - g.start.max(span.start))
            .map(|(q, _)| (article.to_string(), *q))
    };
    // What the system made of each gold quantity (for the mismatches): the fact key of the
    // figure overlapping it, with its flags.
    let mut reading: HashMap<GoldQ, String> = HashMap::new();
    if sink.enabled {
        for doc in &docs {
            let Some(features) = system.features.get(&doc.id) else {
                continue;
            };
            let article = features.display().to_string();
            for figure in &features.figures {
                let Some(key) = to_gold(&article, figure.span) else {
                    continue;
                };
                let mut shown = match (&figure.category, &figure.part) {
                    (Some(c), Some(p)) => format!("{c}@{p}"),
                    (Some(c), None) => c.clone(),
                    (None, _) => "no category".to_string(),
                };
                if figure.earlier {
                    shown.push_str(" earlier");
                }
                reading.entry(key).or_insert(shown);
            }
        }
    }
    let read = |key: &GoldQ| -> String {
        reading
            .get(key)
            .cloned()
            .unwrap_or_else(|| "no figure".to_string())
    };
    // Gold fact of each gold report.
    let mut fact_of: HashMap<GoldQ, String> = HashMap::new();
    let mut gold_reports: Vec<(GoldQ, &GoldReport, String)> = Vec::new();
    for story in gold_stories {
        for fact in &story.facts {
            for report in &fact.reports {
                let key = (report.article.clone(), report.q);
                fact_of.insert(key.clone(), fact.fact.clone());
                gold_reports.push((key, report, fact.fact.clone()));
            }
        }
    }
    let mut gold_link_pairs: BTreeSet<(GoldQ, GoldQ)> = BTreeSet::new();
    let mut gold_disagreements: BTreeSet<(GoldQ, GoldQ)> = BTreeSet::new();
    for story in gold_stories {
        for fact in &story.facts {
            for (i, x) in fact.reports.iter().enumerate() {
                for y in &fact.reports[i + 1..] {
                    if x.article == y.article {
                        continue;
                    }
                    let (kx, ky) = ((x.article.clone(), x.q), (y.article.clone(), y.q));
                    let pair = if kx <= ky { (kx, ky) } else { (ky, kx) };
                    if !x.earlier && !y.earlier {
                        if let (Some(vx), Some(vy)) =
                            (gold_values.get(&pair.0), gold_values.get(&pair.1))
                        {
                            if disjoint(interval(&vx.0, vx.1), interval(&vy.0, vy.1)) {
                                gold_disagreements.insert(pair.clone());
                            }
                        }
                    }
                    gold_link_pairs.insert(pair);
                }
            }
        }
    }

    // System figures in facts: (article, span, fact index, source entity).
    struct SysReport {
        article: String,
        span: Span,
        fact: usize,
        fact_key: String,
        source: Option<String>,
        source_span: Option<Span>,
        gold: Option<GoldQ>,
    }
    let mut reports: Vec<SysReport> = Vec::new();
    let mut fact_articles: Vec<usize> = Vec::new();
    let mut system_disagreements: Vec<(usize, usize)> = Vec::new();
    for story in &stories {
        for fact in &story.facts {
            let index = fact_articles.len();
            fact_articles.push(fact.articles());
            let base = reports.len();
            for r in &fact.reports {
                let article = label(&r.doc);
                let gold = to_gold(&article, r.span);
                reports.push(SysReport {
                    article,
                    span: r.span,
                    fact: index,
                    fact_key: fact.key.clone(),
                    source: r
                        .source
                        .as_ref()
                        .map(|s| s.entity.clone())
                        .filter(|e| !e.is_empty()),
                    source_span: r.source.as_ref().and_then(|s| s.span),
                    gold,
                });
            }
            for d in &fact.disagreements {
                system_disagreements.push((base + d.a, base + d.b));
            }
        }
    }
    let mut system_link_pairs: BTreeSet<(GoldQ, GoldQ)> = BTreeSet::new();
    let mut link_counts = Counts::default();
    let mut by_fact: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, r) in reports.iter().enumerate() {
        by_fact.entry(r.fact).or_default().push(i);
    }
    let mut judged: BTreeSet<(GoldQ, GoldQ)> = BTreeSet::new();
    for members in by_fact.values() {
        for (n, &i) in members.iter().enumerate() {
            for &j in &members[n + 1..] {
                let (x, y) = (&reports[i], &reports[j]);
                if x.article == y.article {
                    continue;
                }
                let (Some(gx), Some(gy)) = (&x.gold, &y.gold) else {
                    continue;
                };
                let pair = if gx <= gy {
                    (gx.clone(), gy.clone())
                } else {
                    (gy.clone(), gx.clone())
                };
                system_link_pairs.insert(pair.clone());
                if !judged.insert(pair.clone()) {
                    continue;
                }
                if gold_link_pairs.contains(&pair) {
                    link_counts.tp += 1;
                } else {
                    link_counts.fp += 1;
                    sink.push(
                        &x.article,
                        "facts",
                        "spurious",
                        x.span,
                        Some(format!(
                            "{:?} and {}#{} {:?} are not one fact",
                            fact_of.get(gx),
                            gy.0,
                            gy.1,
                            fact_of.get(gy)
                        )),
                        Some(format!(
                            "linked with {} @{} in {}",
                            y.article, y.span.start, x.fact_key
                        )),
                    );
                }
            }
        }
    }
    for pair in gold_link_pairs.difference(&system_link_pairs) {
        link_counts.fn_ += 1;
        let span = gold_spans.get(&pair.0).copied().unwrap_or(Span::new(0, 0));
        sink.push(
            &pair.0 .0,
            "facts",
            "missed",
            span,
            Some(format!(
                "one fact ({}) with {}#{}",
                fact_of.get(&pair.0).cloned().unwrap_or_default(),
                pair.1 .0,
                pair.1 .1
            )),
            Some(format!("read as {} and {}", read(&pair.0), read(&pair.1))),
        );
    }
    let (baseline_links, baseline_disagreements) =
        unit_baseline(gold_stories, &gold_values, &by_id);
    let fact_scores = PairScores {
        pairs: link_counts.prf(),
        baseline: PairBaseline {
            method: "gold stories and gold quantities, linked by the unit's head word".into(),
            pairs: baseline_prf_links(&baseline_links, &gold_link_pairs, &fact_of),
        },
    };

    // ---- disagreements
    let mut flagged: BTreeSet<(GoldQ, GoldQ)> = BTreeSet::new();
    let mut dis_counts = Counts::default();
    for (i, j) in system_disagreements {
        let (x, y) = (&reports[i], &reports[j]);
        match (&x.gold, &y.gold) {
            (Some(gx), Some(gy)) => {
                let pair = if gx <= gy {
                    (gx.clone(), gy.clone())
                } else {
                    (gy.clone(), gx.clone())
                };
                if !flagged.insert(pair.clone()) {
                    continue;
                }
                if gold_disagreements.contains(&pair) {
                    dis_counts.tp += 1;
                } else {
                    dis_counts.fp += 1;
                    sink.push(
                        &x.article,
                        "disagreements",
                        "spurious",
                        x.span,
                        Some(format!(
                            "{}#{} in {} and {}#{} in {}",
                            gx.0,
                            gx.1,
                            fact_of
                                .get(gx)
                                .map(String::as_str)
                                .unwrap_or("no gold fact"),
                            gy.0,
                            gy.1,
                            fact_of
                                .get(gy)
                                .map(String::as_str)
                                .unwrap_or("no gold fact")
                        )),
                        Some(format!(
                            "disagrees with {} @{} in {}",
                            y.article, y.span.start, x.fact_key
                        )),
                    );
                }
            }
            _ => {
                dis_counts.fp += 1;
                sink.push(
                    &x.article,
                    "disagreements",
                    "spurious",
                    x.span,
                    None,
                    Some(format!(
                        "disagrees with {} @{} (not a gold quantity)",
                        y.article, y.span.start
                    )),
                );
            }
        }
    }
    for pair in gold_disagreements.difference(&flagged) {
        dis_counts.fn_ += 1;
        let span = gold_spans.get(&pair.0).copied().unwrap_or(Span::new(0, 0));
        sink.push(
            &pair.0 .0,
            "disagreements",
            "missed",
            span,
            Some(format!("disagrees with {}#{}", pair.1 .0, pair.1 .1)),
            Some(format!("read as {} and {}", read(&pair.0), read(&pair.1))),
        );
    }
    let baseline_dis: BTreeSet<(GoldQ, GoldQ)> = baseline_disagreements;
    let tp = baseline_dis.intersection(&gold_disagreements).count();
    let disagreement_scores = PairScores {
        pairs: dis_counts.prf(),
        baseline: PairBaseline {
            method: "the facts baseline's links whose intervals do not meet".into(),
            pairs: Prf::from_counts(tp, baseline_dis.len() - tp, gold_disagreements.len() - tp),
        },
    };

    // ---- sources
    let alignment = Alignment::new(corpus, &by_id);
    let (mut right, mut total, mut none_right) = (0, 0, 0);
    for (key, report, _) in &gold_reports {
        if report.source.is_none() {
            none_right += 1;
        }
        let linked = reports
            .iter()
            .filter(|r| r.gold.as_ref() == Some(key) && fact_articles[r.fact] >= 2)
            .min_by_key(|r| r.span.start);
        let Some(system) = linked else { continue };
        total += 1;
        let got = system
            .source
            .as_deref()
            .and_then(|entity| alignment.resolve(&key.0, entity))
            .or_else(|| {
                system
                    .source_span
                    .and_then(|span| alignment.by_span(&key.0, span))
            });
        if got.as_deref() == report.source.as_deref() {
            right += 1;
        } else {
            sink.push(
                &key.0,
                "sources",
                "source",
                system.span,
                Some(report.source.clone().unwrap_or_else(|| "none".into())),
                Some(match (&system.source, &got) {
                    (Some(entity), Some(id)) => format!("{entity} = {id}"),
                    (Some(entity), None) => format!("{entity} (no gold id)"),
                    (None, Some(id)) => format!("speaker span = {id}"),
                    (None, None) => match system.source_span {
                        Some(span) => format!("speaker @{} (no gold id)", span.start),
                        None => "none".into(),
                    },
                }),
            );
        }
    }
    let source_scores = SourceScores {
        right: Accuracy::new(right, total),
        baseline: SourceBaseline {
            method: "always none, over all gold reports".into(),
            right: Accuracy::new(none_right, gold_reports.len()),
        },
    };

    if let Some(out) = mismatches {
        out.extend(sink.items);
    }
    Some(StoryReports {
        stories: story_scores,
        copies: copy_scores,
        facts: fact_scores,
        disagreements: disagreement_scores,
        sources: source_scores,
        system: stories,
        records: system.records,
    })
}

/// System entity keys mapped to gold ids through exact-span mentions.
struct Alignment {
    local: HashMap<(String, String), HashMap<String, usize>>,
    global: HashMap<String, HashMap<String, usize>>,
    /// Located gold entity mentions of each article: `(span, id)`.
    mentions: HashMap<String, Vec<(Span, String)>>,
}

impl Alignment {
    fn new(corpus: &Corpus, docs: &HashMap<String, &Document>) -> Alignment {
        let mut local: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
        let mut global: HashMap<String, HashMap<String, usize>> = HashMap::new();
        let mut mentions: HashMap<String, Vec<(Span, String)>> = HashMap::new();
        for (id, gold) in &corpus.gold {
            let Some(doc) = docs.get(id) else { continue };
            let located = locate_gold(&doc.text, gold);
            let by_span: HashMap<Span, &str> = doc
                .layers
                .entities
                .iter()
                .rev()
                .map(|m| (m.span, m.entity.as_str()))
                .collect();
            for (entity, span) in gold.entities.iter().zip(&located.entities) {
                let Ok(span) = span else { continue };
                mentions
                    .entry(id.clone())
                    .or_default()
                    .push((*span, entity.id.clone()));
                if let Some(key) = by_span.get(span) {
                    *local
                        .entry((id.clone(), key.to_string()))
                        .or_default()
                        .entry(entity.id.clone())
                        .or_default() += 1;
                    *global
                        .entry(key.to_string())
                        .or_default()
                        .entry(entity.id.clone())
                        .or_default() += 1;
                }
            }
        }
        Alignment {
            local,
            global,
            mentions,
        }
    }

    /// The gold entity a speaker span overlaps (the last one: the head of "le ministre de
    /// l'Intérieur, X" is the name at the end).
    fn by_span(&self, article: &str, span: Span) -> Option<String> {
        self.mentions
            .get(article)?
            .iter()
            .rfind(|(s, _)| s.overlaps(&span))
            .map(|(_, id)| id.clone())
    }

    fn resolve(&self, article: &str, key: &str) -> Option<String> {
        let best = |votes: &HashMap<String, usize>| {
            votes
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(id, _)| id.clone())
        };
        self.local
            .get(&(article.to_string(), key.to_string()))
            .and_then(best)
            .or_else(|| self.global.get(key).and_then(best))
    }
}

/// Content words of a text for the TF-IDF baseline: folded words of three letters or more.
fn baseline_terms(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for w in words(text) {
        if w.folded.chars().count() >= 3 && !w.folded.chars().all(|c| c.is_ascii_digit()) {
            *out.entry(w.folded).or_default() += 1;
        }
    }
    out
}

fn tfidf_baseline(
    docs: &[Document],
    labels: &[String],
    gold_cluster: &dyn Fn(&str) -> String,
) -> (f64, Prf) {
    let terms: Vec<HashMap<String, usize>> = docs.iter().map(|d| baseline_terms(&d.text)).collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for t in &terms {
        for k in t.keys() {
            *df.entry(k.as_str()).or_default() += 1;
        }
    }
    let n = docs.len().max(1) as f64;
    let vectors: Vec<HashMap<&str, f64>> = terms
        .iter()
        .map(|t| {
            let mut v: HashMap<&str, f64> = t
                .iter()
                .map(|(k, c)| {
                    (
                        k.as_str(),
                        (1.0 + (*c as f64).ln()) * (n / df[k.as_str()] as f64).ln(),
                    )
                })
                .collect();
            let norm = v.values().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.values_mut().for_each(|x| *x /= norm);
            }
            v
        })
        .collect();
    let mut sims = Vec::new();
    for i in 0..vectors.len() {
        for j in i + 1..vectors.len() {
            let s: f64 = vectors[i]
                .iter()
                .filter_map(|(k, w)| vectors[j].get(k).map(|v| v * w))
                .sum();
            sims.push((i, j, s));
        }
    }
    let mut best = (0.0, Prf::from_counts(0, 0, 0));
    for step in 1..40 {
        let threshold = f64::from(step) * 0.025;
        let mut parent: Vec<usize> = (0..labels.len()).collect();
        fn find(p: &mut [usize], mut i: usize) -> usize {
            while p[i] != i {
                p[i] = p[p[i]];
                i = p[i];
            }
            i
        }
        for &(i, j, s) in &sims {
            if s >= threshold {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
        let mut counts = Counts::default();
        for i in 0..labels.len() {
            for j in i + 1..labels.len() {
                let g = gold_cluster(&labels[i]) == gold_cluster(&labels[j]);
                let s = find(&mut parent, i) == find(&mut parent, j);
                match (g, s) {
                    (true, true) => counts.tp += 1,
                    (false, true) => counts.fp += 1,
                    (true, false) => counts.fn_ += 1,
                    _ => {}
                }
            }
        }
        let prf = counts.prf();
        if prf.f1.unwrap_or(0.0) > best.1.f1.unwrap_or(0.0) {
            best = (threshold, prf);
        }
    }
    best
}

fn shingles(text: &str) -> HashSet<u64> {
    let w: Vec<String> = words(text).into_iter().map(|w| w.folded).collect();
    w.windows(5)
        .map(|g| recoupe_stories_hash(&g.join(" ")))
        .collect()
}

fn recoupe_stories_hash(s: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn shingle_baseline(docs: &[Document], labels: &[String]) -> BTreeSet<Pair2> {
    let sets: Vec<HashSet<u64>> = docs.iter().map(|d| shingles(&d.text)).collect();
    let mut out = BTreeSet::new();
    for i in 0..sets.len() {
        for j in i + 1..sets.len() {
            let inter = sets[i].intersection(&sets[j]).count();
            let union = sets[i].len() + sets[j].len() - inter;
            if union > 0 && inter as f64 / union as f64 >= 0.2 {
                out.insert(ordered(&labels[i], &labels[j]));
            }
        }
    }
    out
}

/// The facts baseline: in each gold story, gold quantities of different articles whose
/// units have the same head word; and those of them whose intervals do not meet.
fn unit_baseline(
    stories: &[GoldStory],
    values: &HashMap<GoldQ, GoldValue>,
    docs: &HashMap<String, &Document>,
) -> (GoldPairs, GoldPairs) {
    let mut links = BTreeSet::new();
    let mut disagreements = BTreeSet::new();
    for story in stories {
        let mut items: Vec<(GoldQ, String)> = Vec::new();
        for article in &story.articles {
            if !docs.contains_key(article) {
                continue;
            }
            let mut qs: Vec<(&GoldQ, &GoldValue)> =
                values.iter().filter(|(k, _)| &k.0 == article).collect();
            qs.sort_by_key(|(k, _)| k.1);
            for (key, (_, _, unit)) in qs {
                let head = unit
                    .as_deref()
                    .and_then(|u| words(u).into_iter().next())
                    .map(|w| fold(&w.folded));
                if let Some(head) = head {
                    items.push((key.clone(), head));
                }
            }
        }
        for (i, (kx, hx)) in items.iter().enumerate() {
            for (ky, hy) in &items[i + 1..] {
                if kx.0 == ky.0 || hx != hy {
                    continue;
                }
                let pair = if kx <= ky {
                    (kx.clone(), ky.clone())
                } else {
                    (ky.clone(), kx.clone())
                };
                let (vx, vy) = (&values[kx], &values[ky]);
                if disjoint(interval(&vx.0, vx.1), interval(&vy.0, vy.1)) {
                    disagreements.insert(pair.clone());
                }
                links.insert(pair);
            }
        }
    }
    (links, disagreements)
}

fn baseline_prf_links(
    links: &BTreeSet<(GoldQ, GoldQ)>,
    gold: &BTreeSet<(GoldQ, GoldQ)>,
    fact_of: &HashMap<GoldQ, String>,
) -> Prf {
    let mut tp = 0;
    for (a, b) in links {
        if fact_of.get(a).is_some() && fact_of.get(a) == fact_of.get(b) {
            tp += 1;
        }
    }
    let recall_tp = gold.intersection(links).count();
    let p = Prf::from_counts(tp, links.len() - tp, 0).p;
    let r = Prf::from_counts(recall_tp, 0, gold.len() - recall_tp).r;
    let f1 = match (p, r) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    };
    Prf {
        p,
        r,
        f1,
        tp,
        fp: links.len() - tp,
        fn_: gold.len() - recall_tp,
    }
}
