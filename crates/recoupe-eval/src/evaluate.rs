//! Scoring annotated documents against the gold of a corpus.

use std::collections::{BTreeMap, HashMap, HashSet};

use recoupe_model::{Document, EntityType, Layer, Place, QuantityValue, Span};
use serde::{Deserialize, Serialize};

use crate::corpus::{Corpus, Gold, GoldAttribution, GoldPlace};
use crate::events::{score_events, EventScores, StoryGrouping, SystemStory};
use crate::locate::{locate_gold, LocatedGold, UnlocatedItem};
use crate::metrics::{
    b_cubed, haversine_km, match_exact, normalise_name, ratio, Accuracy, BCubed, Counts, Prf,
};

/// A system place within this distance of the gold point is the same place.
pub const PLACE_TOLERANCE_KM: f64 = 25.0;

/// How many unlocated gold items the report lists by name (all are counted).
pub const UNLOCATED_EXAMPLES: usize = 20;

/// How many document ids a "not produced" entry lists.
const NOT_PRODUCED_EXAMPLES: usize = 5;

/// The whole evaluation, serialisable as one JSON object (shape in the crate docs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The corpus directory as given.
    pub corpus: String,
    /// Gold documents that had an annotated document and were scored.
    pub documents: usize,
    /// Gold documents in the corpus.
    pub gold_documents: usize,
    /// Gold documents with no annotated document (matched by `external_id`): their gold
    /// items count as false negatives, never as skipped.
    pub missing_documents: Vec<String>,
    /// Documents whose annotated text differs from the corpus text; their gold is placed
    /// in the annotated text, which is what the system spans point into.
    pub text_mismatches: Vec<String>,
    pub unlocated_gold: UnlocatedSummary,
    pub layers: LayerReports,
    /// Every disagreement with the gold, when asked for ([`EvalOptions::mismatches`]);
    /// absent from the JSON otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mismatches: Option<Vec<Mismatch>>,
}

/// What [`evaluate_with`] does beyond the scores.
#[derive(Debug, Clone, Copy, Default)]
pub struct EvalOptions {
    /// List every gold item the system missed or got wrong and every system item the gold
    /// does not have, in [`Report::mismatches`].
    pub mismatches: bool,
}

/// One disagreement between the system and the gold, for reading errors one by one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mismatch {
    /// Corpus id of the article.
    pub article: String,
    /// `entities`, `places`, `dates`, `quantities`, `attributions` or `unsourced`.
    pub layer: String,
    /// `missed` (gold item not found), `spurious` (system item not in the gold), or the
    /// field that differs on a found item: `type`, `value`, `place`, `speaker`, `chain`,
    /// `hedged`, `kind`.
    pub problem: String,
    /// Byte offset of the item in the article text.
    pub at: usize,
    /// The item's text (shortened to [`MISMATCH_TEXT_CHARS`] characters).
    pub text: String,
    /// What the gold says, for a field that differs (or the gold item, when missed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// What the system says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub got: Option<String>,
}

/// How many characters of an item's text a [`Mismatch`] keeps.
pub const MISMATCH_TEXT_CHARS: usize = 90;

/// Collects mismatches when asked, and costs nothing otherwise.
struct Sink {
    enabled: bool,
    items: Vec<Mismatch>,
}

impl Sink {
    fn push(
        &mut self,
        pair: &Pair,
        layer: &str,
        problem: &str,
        span: Span,
        expected: Option<String>,
        got: Option<String>,
    ) {
        if !self.enabled {
            return;
        }
        let text: String = pair
            .doc
            .text
            .get(span.start..span.end)
            .unwrap_or_default()
            .chars()
            .take(MISMATCH_TEXT_CHARS)
            .collect();
        self.items.push(Mismatch {
            article: pair.id.to_string(),
            layer: layer.to_string(),
            problem: problem.to_string(),
            at: span.start,
            text,
            expected,
            got,
        });
    }
}

/// Gold items that could not be placed in their article. They are left out of every score
/// (a gold error is not a system error) and listed here instead.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UnlocatedSummary {
    pub count: usize,
    /// Gold items placed, for scale.
    pub located: usize,
    /// Count per gold list, only lists with at least one.
    pub by_list: BTreeMap<String, usize>,
    /// The first [`UNLOCATED_EXAMPLES`] items.
    pub examples: Vec<UnlocatedItem>,
}

/// A layer's result: scored, or not produced by every document (never a silent zero).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum LayerOutcome<T> {
    Scored(T),
    NotProduced(NotProduced),
}

impl<T> LayerOutcome<T> {
    pub fn scored(&self) -> Option<&T> {
        match self {
            LayerOutcome::Scored(t) => Some(t),
            LayerOutcome::NotProduced(_) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotProduced {
    /// Layers the score needs in `Document::produced`.
    pub requires: Vec<Layer>,
    /// Evaluated documents lacking at least one of them.
    pub documents_without: usize,
    /// The first few of those documents (corpus ids).
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayerReports {
    pub entities: LayerOutcome<EntityScores>,
    pub nationalities: LayerOutcome<FoundScores>,
    pub alias_clustering: LayerOutcome<AliasScores>,
    pub places: LayerOutcome<PlaceScores>,
    pub dates: LayerOutcome<ValueScores>,
    pub quantities: LayerOutcome<ValueScores>,
    pub attributions: LayerOutcome<AttributionScores>,
    pub unsourced: LayerOutcome<FoundScores>,
    /// Event records per story; absent when the corpus has no `events.jsonl`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<LayerOutcome<EventScores>>,
    /// The cross-article layer, scored when the corpus has a `stories.jsonl`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stories: Option<LayerOutcome<crate::stories::StoryScores>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copies: Option<LayerOutcome<crate::stories::PairScores>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<LayerOutcome<crate::stories::PairScores>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disagreements: Option<LayerOutcome<crate::stories::PairScores>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<LayerOutcome<crate::stories::SourceScores>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityScores {
    /// Exact span and type.
    pub overall: Prf,
    /// `PER`, `ORG`, `LOC`, `MISC`, always all four.
    pub by_type: BTreeMap<String, Prf>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FoundScores {
    pub found: Prf,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AliasScores {
    /// B³ over the gold mentions that a system mention matches with the exact span (type
    /// ignored), across all articles: gold cluster = gold `id`, system cluster =
    /// `EntityMention::entity`. Unmatched gold mentions are left out (they are the
    /// entities score's recall problem); `matched_fraction` says how much was scored.
    pub b_cubed: BCubed,
    pub gold_mentions: usize,
    pub matched_mentions: usize,
    pub matched_fraction: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceScores {
    /// Gold places (one per LOC id per article) with a right system place.
    pub accuracy: Accuracy,
    /// System places that are right for some gold place.
    pub precision: Accuracy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueScores {
    /// Exact span.
    pub found: Prf,
    /// Value (and, for quantities, qualifier) right over all placed gold items; an item
    /// not found is wrong.
    pub value: Accuracy,
    /// The same over found items only.
    pub value_on_found: Accuracy,
    /// Found with overlapping spans, paired one-to-one (exact spans first).
    pub found_overlap: Prf,
    /// Value right over all placed gold items, the system item paired by overlap: the
    /// difference from `value` is what span boundaries alone cost.
    pub value_overlap: Accuracy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionScores {
    /// Content overlap (see the crate docs).
    pub found: Prf,
    /// The remaining scores are over found (matched) attributions.
    pub speaker: Accuracy,
    pub chain: Accuracy,
    pub hedged: Accuracy,
    pub kind: Accuracy,
}

/// System entity keys mapped to gold ids through mentions with the same span: a key maps to
/// the gold id it shares most mentions with, in the document first, else in the corpus.
#[derive(Default)]
struct KeyAlignment {
    votes: HashMap<String, HashMap<String, usize>>,
}

impl KeyAlignment {
    fn vote(&mut self, key: &str, gold_id: &str) {
        *self
            .votes
            .entry(key.to_string())
            .or_default()
            .entry(gold_id.to_string())
            .or_default() += 1;
    }

    fn resolve(&self, key: &str) -> Option<&str> {
        let votes = self.votes.get(key)?;
        // Most votes, then the smallest id, so that ties resolve the same way every run.
        votes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(id, _)| id.as_str())
    }
}

/// One gold document with its annotated counterpart.
struct Pair<'a> {
    id: &'a str,
    gold: &'a Gold,
    /// The annotated document, or the corpus article when the system returned nothing for it.
    doc: &'a Document,
    missing: bool,
    located: LocatedGold,
    alignment: KeyAlignment,
}

impl Pair<'_> {
    fn resolve<'k>(&'k self, key: &str, global: &'k KeyAlignment) -> Option<&'k str> {
        self.alignment.resolve(key).or_else(|| global.resolve(key))
    }

    /// Located gold entity spans of one gold id.
    fn gold_spans_of(&self, gold_id: &str) -> Vec<Span> {
        self.gold
            .entities
            .iter()
            .zip(&self.located.entities)
            .filter(|(entity, _)| entity.id == gold_id)
            .filter_map(|(_, located)| located.as_ref().ok().copied())
            .collect()
    }
}

/// Scores `annotated` (the corpus documents after the pipeline ran, matched to the gold by
/// `Metadata::external_id`) against `corpus`.
pub fn evaluate(corpus: &Corpus, annotated: &[Document]) -> Report {
    evaluate_with(corpus, annotated, EvalOptions::default())
}

/// [`evaluate`], with the options.
pub fn evaluate_with(corpus: &Corpus, annotated: &[Document], options: EvalOptions) -> Report {
    evaluate_with_layer(corpus, annotated, options, None)
}

/// [`evaluate_with`], scoring `layer` as the cross-article layer's output over the corpus
/// articles (what a store computed from them: `recoupe eval` ingests the corpus into a
/// temporary store); `None` runs the layer in memory on `annotated`.
pub fn evaluate_with_layer(
    corpus: &Corpus,
    annotated: &[Document],
    options: EvalOptions,
    layer: Option<crate::stories::SystemLayer>,
) -> Report {
    let mut by_external_id: HashMap<&str, &Document> = HashMap::new();
    for doc in annotated {
        if let Some(id) = doc.meta.external_id.as_deref() {
            by_external_id.entry(id).or_insert(doc);
        }
    }

    let mut gold_ids: Vec<&String> = corpus.gold.keys().collect();
    gold_ids.sort();

    let mut pairs = Vec::new();
    let mut missing_documents = Vec::new();
    let mut text_mismatches = Vec::new();
    let mut global = KeyAlignment::default();
    let mut unlocated = UnlocatedSummary::default();
    for id in gold_ids {
        let gold = &corpus.gold[id];
        let (doc, missing) = match by_external_id.get(id.as_str()) {
            Some(doc) => (*doc, false),
            None => {
                missing_documents.push(id.clone());
                match corpus.article(id) {
                    Some(article) => (article, true),
                    // A corpus assembled by hand without the article: nothing to place the
                    // gold in; it is listed as missing.
                    None => continue,
                }
            }
        };
        if !missing {
            if let Some(article) = corpus.article(id) {
                if article.text != doc.text {
                    text_mismatches.push(id.clone());
                }
            }
        }
        let located = locate_gold(&doc.text, gold);
        let (placed, _) = located.counts();
        unlocated.located += placed;
        for item in located.unlocated(id, gold) {
            unlocated.count += 1;
            *unlocated.by_list.entry(item.list.clone()).or_default() += 1;
            if unlocated.examples.len() < UNLOCATED_EXAMPLES {
                unlocated.examples.push(item);
            }
        }
        let mut alignment = KeyAlignment::default();
        if !missing {
            let system_by_span = first_by_span(doc.layers.entities.iter().map(|m| m.span));
            for (entity, span) in gold.entities.iter().zip(&located.entities) {
                let Ok(span) = span else { continue };
                if let Some(&index) = system_by_span.get(span) {
                    let key = &doc.layers.entities[index].entity;
                    alignment.vote(key, &entity.id);
                    global.vote(key, &entity.id);
                }
            }
        }
        pairs.push(Pair {
            id,
            gold,
            doc,
            missing,
            located,
            alignment,
        });
    }

    let present: Vec<&Pair> = pairs.iter().filter(|p| !p.missing).collect();
    let outcome = |requires: &[Layer]| -> Option<NotProduced> {
        let without: Vec<String> = present
            .iter()
            .filter(|p| !requires.iter().all(|layer| p.doc.has(*layer)))
            .map(|p| p.id.to_string())
            .collect();
        if without.is_empty() && !present.is_empty() {
            None
        } else {
            Some(NotProduced {
                requires: requires.to_vec(),
                documents_without: without.len(),
                examples: without.into_iter().take(NOT_PRODUCED_EXAMPLES).collect(),
            })
        }
    };
    fn wrap<T>(not_produced: Option<NotProduced>, score: impl FnOnce() -> T) -> LayerOutcome<T> {
        match not_produced {
            Some(np) => LayerOutcome::NotProduced(np),
            None => LayerOutcome::Scored(score()),
        }
    }

    let mut sink = Sink {
        enabled: options.mismatches,
        items: Vec::new(),
    };
    let layers = LayerReports {
        entities: wrap(outcome(&[Layer::Entities]), || {
            score_entities(&pairs, &mut sink)
        }),
        nationalities: wrap(outcome(&[Layer::Nationalities]), || {
            score_nationalities(&pairs)
        }),
        alias_clustering: wrap(outcome(&[Layer::Entities]), || score_alias(&pairs)),
        places: wrap(outcome(&[Layer::Places]), || {
            score_places(&pairs, &mut sink)
        }),
        dates: wrap(outcome(&[Layer::Dates]), || score_dates(&pairs, &mut sink)),
        quantities: wrap(outcome(&[Layer::Quantities]), || {
            score_quantities(&pairs, &mut sink)
        }),
        attributions: wrap(outcome(&[Layer::Attributions]), || {
            score_attributions(&pairs, &global, &mut sink)
        }),
        unsourced: wrap(outcome(&[Layer::Unsourced]), || {
            score_unsourced(&pairs, &mut sink)
        }),
        events: None,
        stories: None,
        copies: None,
        facts: None,
        disagreements: None,
        sources: None,
    };
    let mut layers = layers;
    let story_sink = if sink.enabled {
        Some(&mut sink.items)
    } else {
        None
    };
    let story_reports = crate::stories::score_stories_of(corpus, annotated, layer, story_sink);
    // Event records per gold story, on the system story most of its articles fall in (on
    // the gold membership when the corpus has no story gold to run the stories layer on).
    if let Some(gold) = &corpus.events {
        let grouping = match &story_reports {
            Some(reports) => StoryGrouping::System(match &reports.records {
                Some(records) => reports
                    .system
                    .iter()
                    .zip(records)
                    .map(|(story, record)| SystemStory::stored(story, record.clone()))
                    .collect(),
                None => reports.system.iter().map(SystemStory::from_story).collect(),
            }),
            None => StoryGrouping::GoldMembership,
        };
        layers.events = Some(wrap(outcome(&[Layer::Events]), || {
            let (scores, items) =
                score_events(gold, &corpus.gold, &by_external_id, &grouping, sink.enabled);
            sink.items.extend(items);
            scores
        }));
    }
    if let Some(scores) = story_reports {
        layers.stories = Some(LayerOutcome::Scored(scores.stories));
        layers.copies = Some(LayerOutcome::Scored(scores.copies));
        layers.facts = Some(LayerOutcome::Scored(scores.facts));
        layers.disagreements = Some(LayerOutcome::Scored(scores.disagreements));
        layers.sources = Some(LayerOutcome::Scored(scores.sources));
    }
    let mismatches = options.mismatches.then(|| {
        let mut items = sink.items;
        items.sort_by(|a, b| {
            (a.article.as_str(), a.at, a.layer.as_str()).cmp(&(
                b.article.as_str(),
                b.at,
                b.layer.as_str(),
            ))
        });
        items
    });

    Report {
        corpus: corpus.dir.display().to_string(),
        documents: present.len(),
        gold_documents: corpus.gold.len(),
        missing_documents,
        text_mismatches,
        unlocated_gold: unlocated,
        layers,
        mismatches,
    }
}

/// Index of the first annotation at each span.
fn first_by_span(spans: impl Iterator<Item = Span>) -> HashMap<Span, usize> {
    let mut out = HashMap::new();
    for (index, span) in spans.enumerate() {
        out.entry(span).or_insert(index);
    }
    out
}

fn located_pairs<'g, T>(
    items: &'g [T],
    located: &[Result<Span, crate::locate::Unlocated>],
) -> Vec<(&'g T, Span)> {
    items
        .iter()
        .zip(located)
        .filter_map(|(item, span)| span.as_ref().ok().map(|s| (item, *s)))
        .collect()
}

fn score_entities(pairs: &[Pair], sink: &mut Sink) -> EntityScores {
    let types = [
        EntityType::PER,
        EntityType::ORG,
        EntityType::LOC,
        EntityType::MISC,
    ];
    let mut overall = Counts::default();
    let mut by_type: BTreeMap<EntityType, Counts> =
        types.iter().map(|t| (*t, Counts::default())).collect();
    for pair in pairs {
        let gold: Vec<(Span, EntityType)> =
            located_pairs(&pair.gold.entities, &pair.located.entities)
                .into_iter()
                .map(|(entity, span)| (span, entity.label))
                .collect();
        let system: Vec<(Span, EntityType)> = if pair.missing {
            Vec::new()
        } else {
            pair.doc
                .layers
                .entities
                .iter()
                .map(|m| (m.span, m.label))
                .collect()
        };
        overall.add(match_exact(&gold, &system));
        if sink.enabled {
            entity_mismatches(pair, &gold, &system, sink);
        }
        for label in types {
            let gold_of: Vec<_> = gold.iter().filter(|g| g.1 == label).copied().collect();
            let system_of: Vec<_> = system.iter().filter(|s| s.1 == label).copied().collect();
            if let Some(counts) = by_type.get_mut(&label) {
                counts.add(match_exact(&gold_of, &system_of));
            }
        }
    }
    EntityScores {
        overall: overall.prf(),
        by_type: by_type
            .into_iter()
            .map(|(label, counts)| (label.as_str().to_string(), counts.prf()))
            .collect(),
    }
}

/// Gold mentions not found with their exact span and type, and system mentions the gold
/// lacks; a mention with the right span and the wrong type is one `type` mismatch.
fn entity_mismatches(
    pair: &Pair,
    gold: &[(Span, EntityType)],
    system: &[(Span, EntityType)],
    sink: &mut Sink,
) {
    let mut system_left: Vec<Option<(Span, EntityType)>> =
        system.iter().copied().map(Some).collect();
    let mut gold_left = Vec::new();
    for item in gold {
        match system_left.iter_mut().find(|s| s.as_ref() == Some(item)) {
            Some(slot) => *slot = None,
            None => gold_left.push(*item),
        }
    }
    for (span, label) in gold_left {
        let same_span = system_left
            .iter_mut()
            .find(|s| s.is_some_and(|(system_span, _)| system_span == span));
        match same_span {
            Some(slot) => {
                let got = slot.take().map(|(_, l)| l.as_str().to_string());
                sink.push(
                    pair,
                    "entities",
                    "type",
                    span,
                    Some(label.as_str().to_string()),
                    got,
                );
            }
            None => sink.push(
                pair,
                "entities",
                "missed",
                span,
                Some(label.as_str().to_string()),
                None,
            ),
        }
    }
    for (span, label) in system_left.into_iter().flatten() {
        sink.push(
            pair,
            "entities",
            "spurious",
            span,
            None,
            Some(label.as_str().to_string()),
        );
    }
}

fn score_nationalities(pairs: &[Pair]) -> FoundScores {
    let mut counts = Counts::default();
    for pair in pairs {
        let gold: Vec<(Span, String)> =
            located_pairs(&pair.gold.nationalities, &pair.located.nationalities)
                .into_iter()
                .map(|(n, span)| (span, n.country.to_ascii_uppercase()))
                .collect();
        let system: Vec<(Span, String)> = if pair.missing {
            Vec::new()
        } else {
            pair.doc
                .layers
                .nationalities
                .iter()
                .map(|n| (n.span, n.country.to_ascii_uppercase()))
                .collect()
        };
        counts.add(match_exact(&gold, &system));
    }
    FoundScores {
        found: counts.prf(),
    }
}

fn score_alias(pairs: &[Pair]) -> AliasScores {
    let mut items: Vec<(String, String)> = Vec::new();
    let mut gold_mentions = 0;
    for pair in pairs {
        let located = located_pairs(&pair.gold.entities, &pair.located.entities);
        gold_mentions += located.len();
        if pair.missing {
            continue;
        }
        let system_by_span = first_by_span(pair.doc.layers.entities.iter().map(|m| m.span));
        for (entity, span) in located {
            if let Some(&index) = system_by_span.get(&span) {
                items.push((
                    entity.id.clone(),
                    pair.doc.layers.entities[index].entity.clone(),
                ));
            }
        }
    }
    AliasScores {
        b_cubed: b_cubed(&items),
        gold_mentions,
        matched_mentions: items.len(),
        matched_fraction: ratio(items.len(), gold_mentions),
    }
}

/// Whether a system place is the gold place: same country, and the same name or a point
/// within [`PLACE_TOLERANCE_KM`].
fn place_is_right(system: &Place, gold: &GoldPlace) -> bool {
    let same_country = system.country.as_deref().map(str::to_ascii_uppercase)
        == gold.country.as_deref().map(str::to_ascii_uppercase);
    if !same_country {
        return false;
    }
    let system_name = normalise_name(&system.name);
    let name_match = !system_name.is_empty()
        && (system_name == normalise_name(&gold.name) || system_name == normalise_name(&gold.id));
    let near = match (system.lat, system.lon, gold.lat, gold.lon) {
        (Some(a), Some(b), Some(c), Some(d)) => haversine_km(a, b, c, d) <= PLACE_TOLERANCE_KM,
        _ => false,
    };
    name_match || near
}

fn score_places(pairs: &[Pair], sink: &mut Sink) -> PlaceScores {
    let (mut gold_total, mut gold_right) = (0, 0);
    let (mut system_total, mut system_right) = (0, 0);
    for pair in pairs {
        gold_total += pair.gold.places.len();
        if pair.missing {
            continue;
        }
        let places = &pair.doc.layers.places;
        system_total += places.len();
        let mut right_places: HashSet<usize> = HashSet::new();
        for gold_place in &pair.gold.places {
            let spans: HashSet<Span> = pair.gold_spans_of(&gold_place.id).into_iter().collect();
            // The system entity keys of mentions that sit exactly on a gold mention of this place.
            let keys: HashSet<&str> = pair
                .doc
                .layers
                .entities
                .iter()
                .filter(|m| spans.contains(&m.span))
                .map(|m| m.entity.as_str())
                .collect();
            let mut right = false;
            let mut covering = None;
            for (index, place) in places.iter().enumerate() {
                let covers = spans.contains(&place.span) || keys.contains(place.entity.as_str());
                if covers {
                    covering.get_or_insert(place);
                }
                if covers && place_is_right(place, gold_place) {
                    right = true;
                    right_places.insert(index);
                }
            }
            if right {
                gold_right += 1;
            } else if sink.enabled {
                let describe =
                    |name: &str, country: Option<&str>, lat: Option<f64>, lon: Option<f64>| {
                        let point = match (lat, lon) {
                            (Some(lat), Some(lon)) => format!(" ({lat:.3}, {lon:.3})"),
                            _ => String::new(),
                        };
                        format!("{name} [{}]{point}", country.unwrap_or("-"))
                    };
                let expected = describe(
                    &gold_place.name,
                    gold_place.country.as_deref(),
                    gold_place.lat,
                    gold_place.lon,
                );
                let at = spans
                    .iter()
                    .min_by_key(|s| s.start)
                    .copied()
                    .unwrap_or(Span { start: 0, end: 0 });
                match covering {
                    Some(place) => sink.push(
                        pair,
                        "places",
                        "place",
                        at,
                        Some(expected),
                        Some(describe(
                            &place.name,
                            place.country.as_deref(),
                            place.lat,
                            place.lon,
                        )),
                    ),
                    None => sink.push(pair, "places", "missed", at, Some(expected), None),
                }
            }
        }
        system_right += right_places.len();
    }
    PlaceScores {
        accuracy: Accuracy::new(gold_right, gold_total),
        precision: Accuracy::new(system_right, system_total),
    }
}

/// A layer of valued items (dates, quantities) as [`score_values`] reads it.
trait ValuedLayer {
    type Gold;
    type System;
    const NAME: &'static str;
    fn gold<'p>(pair: &'p Pair) -> Vec<(&'p Self::Gold, Span)>;
    fn system(doc: &Document) -> &[Self::System];
    fn span(item: &Self::System) -> Span;
    fn same_value(gold: &Self::Gold, system: &Self::System) -> bool;
    fn describe_gold(gold: &Self::Gold) -> String;
    fn describe_system(system: &Self::System) -> String;
}

struct DatesLayer;

impl ValuedLayer for DatesLayer {
    type Gold = crate::corpus::GoldDate;
    type System = recoupe_model::DateMention;
    const NAME: &'static str = "dates";
    fn gold<'p>(pair: &'p Pair) -> Vec<(&'p Self::Gold, Span)> {
        located_pairs(&pair.gold.dates, &pair.located.dates)
    }
    fn system(doc: &Document) -> &[Self::System] {
        &doc.layers.dates
    }
    fn span(item: &Self::System) -> Span {
        item.span
    }
    fn same_value(gold: &Self::Gold, system: &Self::System) -> bool {
        gold.value == system.value
    }
    fn describe_gold(gold: &Self::Gold) -> String {
        format!("{:?}", gold.value)
    }
    fn describe_system(system: &Self::System) -> String {
        format!("{:?}", system.value)
    }
}

fn score_dates(pairs: &[Pair], sink: &mut Sink) -> ValueScores {
    score_values::<DatesLayer>(pairs, sink)
}

fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn same_quantity(a: &QuantityValue, b: &QuantityValue) -> bool {
    match (a, b) {
        (QuantityValue::Single(x), QuantityValue::Single(y)) => same_number(*x, *y),
        (QuantityValue::Range([x1, x2]), QuantityValue::Range([y1, y2])) => {
            same_number(*x1, *y1) && same_number(*x2, *y2)
        }
        _ => false,
    }
}

struct QuantitiesLayer;

impl ValuedLayer for QuantitiesLayer {
    type Gold = crate::corpus::GoldQuantity;
    type System = recoupe_model::Quantity;
    const NAME: &'static str = "quantities";
    fn gold<'p>(pair: &'p Pair) -> Vec<(&'p Self::Gold, Span)> {
        located_pairs(&pair.gold.quantities, &pair.located.quantities)
    }
    fn system(doc: &Document) -> &[Self::System] {
        &doc.layers.quantities
    }
    fn span(item: &Self::System) -> Span {
        item.span
    }
    fn same_value(gold: &Self::Gold, system: &Self::System) -> bool {
        gold.qualifier == system.qualifier && same_quantity(&gold.value, &system.value)
    }
    fn describe_gold(gold: &Self::Gold) -> String {
        format!("{:?} {:?}", gold.value, gold.qualifier)
    }
    fn describe_system(system: &Self::System) -> String {
        format!("{:?} {:?}", system.value, system.qualifier)
    }
}

fn score_quantities(pairs: &[Pair], sink: &mut Sink) -> ValueScores {
    score_values::<QuantitiesLayer>(pairs, sink)
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Found and value scores of a layer of valued items (dates, quantities), with exact spans
/// and with overlapping ones. Overlap pairing is one-to-one: each gold item, in text order,
/// takes the system item with its exact span if there is one, else the first unused system
/// item overlapping it. A pair that overlaps without the same span is listed as a `span`
/// mismatch (system text and value in `got`), so a boundary disagreement reads apart from a
/// wrong value or a miss.
fn score_values<L: ValuedLayer>(pairs: &[Pair], sink: &mut Sink) -> ValueScores {
    let layer = L::NAME;
    let mut found = Counts::default();
    let mut found_overlap = Counts::default();
    let (mut right, mut right_overlap, mut total, mut matched) = (0, 0, 0, 0);
    for pair in pairs {
        let gold = L::gold(pair);
        let system = if pair.missing {
            &[][..]
        } else {
            L::system(pair.doc)
        };
        let gold_spans: Vec<Span> = gold.iter().map(|g| g.1).collect();
        let system_spans: Vec<Span> = system.iter().map(L::span).collect();
        found.add(match_exact(&gold_spans, &system_spans));
        let system_by_span = first_by_span(system_spans.iter().copied());
        total += gold.len();
        let mut used = vec![false; system.len()];
        // Exact spans are paired first so that an overlapping neighbour never takes them.
        let exact: Vec<Option<usize>> = gold
            .iter()
            .map(|(_, span)| {
                let index = *system_by_span.get(span)?;
                (!used[index]).then(|| {
                    used[index] = true;
                    index
                })
            })
            .collect();
        let mut overlap_pairs = 0;
        for ((item, span), exact) in gold.iter().zip(exact) {
            if let Some(index) = exact {
                matched += 1;
                overlap_pairs += 1;
                if L::same_value(item, &system[index]) {
                    right += 1;
                    right_overlap += 1;
                } else {
                    sink.push(
                        pair,
                        layer,
                        "value",
                        *span,
                        Some(L::describe_gold(item)),
                        Some(L::describe_system(&system[index])),
                    );
                }
                continue;
            }
            let overlapping =
                (0..system.len()).find(|&i| !used[i] && overlaps(system_spans[i], *span));
            match overlapping {
                Some(index) => {
                    used[index] = true;
                    overlap_pairs += 1;
                    let value_right = L::same_value(item, &system[index]);
                    right_overlap += usize::from(value_right);
                    let system_span = system_spans[index];
                    let system_text = pair
                        .doc
                        .text
                        .get(system_span.start..system_span.end)
                        .unwrap_or_default();
                    sink.push(
                        pair,
                        layer,
                        "span",
                        *span,
                        Some(L::describe_gold(item)),
                        Some(format!(
                            "{system_text:?} {}{}",
                            L::describe_system(&system[index]),
                            if value_right { "" } else { " (value differs)" }
                        )),
                    );
                }
                None => sink.push(
                    pair,
                    layer,
                    "missed",
                    *span,
                    Some(L::describe_gold(item)),
                    None,
                ),
            }
        }
        found_overlap.add(Counts {
            tp: overlap_pairs,
            fp: system.len() - overlap_pairs,
            fn_: gold.len() - overlap_pairs,
        });
        for (index, item) in system.iter().enumerate() {
            if !used[index] {
                sink.push(
                    pair,
                    layer,
                    "spurious",
                    L::span(item),
                    None,
                    Some(L::describe_system(item)),
                );
            }
        }
    }
    ValueScores {
        found: found.prf(),
        value: Accuracy::new(right, total),
        value_on_found: Accuracy::new(right, matched),
        found_overlap: found_overlap.prf(),
        value_overlap: Accuracy::new(right_overlap, total),
    }
}

/// Whether a system content span matches a gold content placed at `gold`: it contains the
/// gold start, or starts inside the gold first words.
fn content_overlaps(system: Span, gold: Span) -> bool {
    (system.start <= gold.start && gold.start < system.end)
        || (gold.start <= system.start && system.start < gold.end)
}

/// Word-boundary containment of normalised texts.
fn same_description(system: &str, gold: &str) -> bool {
    let (system, gold) = (normalise_name(system), normalise_name(gold));
    if system.is_empty() || gold.is_empty() {
        return false;
    }
    let (padded_system, padded_gold) = (format!(" {system} "), format!(" {gold} "));
    padded_system.contains(&padded_gold) || padded_gold.contains(&padded_system)
}

fn speaker_is_right(
    pair: &Pair,
    global: &KeyAlignment,
    system: &recoupe_model::Attribution,
    gold: &GoldAttribution,
) -> bool {
    match &gold.speaker {
        Some(gold_id) => {
            let by_key = system
                .speaker_entity
                .as_deref()
                .and_then(|key| pair.resolve(key, global))
                == Some(gold_id.as_str());
            let by_span = system.speaker.is_some_and(|speaker| {
                pair.gold_spans_of(gold_id)
                    .iter()
                    .any(|span| span.overlaps(&speaker))
            });
            by_key || by_span
        }
        None => {
            let unnamed = system.speaker_unnamed || system.speaker_entity.is_none();
            let text_matches = match gold.speaker_text.as_deref().filter(|t| !t.is_empty()) {
                Some(gold_text) => system
                    .speaker
                    .is_some_and(|span| same_description(pair.doc.slice(span), gold_text)),
                None => true,
            };
            unnamed && text_matches
        }
    }
}

fn describe_gold_speaker(gold: &GoldAttribution) -> String {
    format!(
        "{} \"{}\"",
        gold.speaker.as_deref().unwrap_or("unnamed"),
        gold.speaker_text.as_deref().unwrap_or("")
    )
}

fn describe_system_speaker(
    pair: &Pair,
    global: &KeyAlignment,
    system: &recoupe_model::Attribution,
) -> String {
    let text = system
        .speaker
        .map(|span| pair.doc.slice(span))
        .unwrap_or("");
    let entity = match system.speaker_entity.as_deref() {
        Some(key) => match pair.resolve(key, global) {
            Some(gold_id) => format!("{key} = {gold_id}"),
            None => format!("{key} (no gold id)"),
        },
        None if system.speaker_unnamed => "unnamed".to_string(),
        None => "no entity".to_string(),
    };
    format!("{entity} \"{text}\"")
}

fn score_attributions(pairs: &[Pair], global: &KeyAlignment, sink: &mut Sink) -> AttributionScores {
    let mut found = Counts::default();
    let (mut matched, mut speaker, mut chain, mut hedged, mut kind) = (0, 0, 0, 0, 0);
    for pair in pairs {
        let gold = located_pairs(&pair.gold.attributions, &pair.located.attributions);
        let system = if pair.missing {
            &[][..]
        } else {
            &pair.doc.layers.attributions[..]
        };
        let mut used = vec![false; system.len()];
        let mut tp = 0;
        for (gold_attribution, span) in gold.iter().copied() {
            // The closest unused system attribution whose content overlaps.
            let best = system
                .iter()
                .enumerate()
                .filter(|(i, a)| !used[*i] && content_overlaps(a.content, span))
                .min_by_key(|(_, a)| a.content.start.abs_diff(span.start))
                .map(|(i, _)| i);
            let Some(index) = best else {
                sink.push(
                    pair,
                    "attributions",
                    "missed",
                    span,
                    Some(describe_gold_speaker(gold_attribution)),
                    None,
                );
                continue;
            };
            used[index] = true;
            tp += 1;
            let candidate = &system[index];
            if speaker_is_right(pair, global, candidate, gold_attribution) {
                speaker += 1;
            } else {
                sink.push(
                    pair,
                    "attributions",
                    "speaker",
                    candidate.content,
                    Some(describe_gold_speaker(gold_attribution)),
                    Some(describe_system_speaker(pair, global, candidate)),
                );
            }
            let via: Vec<Option<&str>> = candidate
                .via
                .iter()
                .map(|key| pair.resolve(key, global))
                .collect();
            let gold_via: Vec<Option<&str>> = gold_attribution
                .via
                .iter()
                .map(|v| Some(v.as_str()))
                .collect();
            if via == gold_via {
                chain += 1;
            } else {
                let shown = |v: &[Option<&str>]| {
                    v.iter()
                        .map(|k| k.unwrap_or("?"))
                        .collect::<Vec<_>>()
                        .join(" → ")
                };
                let got = candidate
                    .via
                    .iter()
                    .zip(&via)
                    .map(|(key, gold_id)| {
                        gold_id.map_or_else(|| format!("{key} (no gold id)"), str::to_string)
                    })
                    .collect::<Vec<_>>()
                    .join(" → ");
                sink.push(
                    pair,
                    "attributions",
                    "chain",
                    candidate.content,
                    Some(format!("[{}]", shown(&gold_via))),
                    Some(format!("[{got}]")),
                );
            }
            if candidate.hedged == gold_attribution.hedged {
                hedged += 1;
            } else {
                sink.push(
                    pair,
                    "attributions",
                    "hedged",
                    candidate.content,
                    Some(gold_attribution.hedged.to_string()),
                    Some(candidate.hedged.to_string()),
                );
            }
            if candidate.kind == gold_attribution.kind {
                kind += 1;
            } else {
                sink.push(
                    pair,
                    "attributions",
                    "kind",
                    candidate.content,
                    Some(format!("{:?}", gold_attribution.kind)),
                    Some(format!("{:?}", candidate.kind)),
                );
            }
        }
        for (attribution, _) in system.iter().zip(&used).filter(|(_, used)| !**used) {
            let got = describe_system_speaker(pair, global, attribution);
            sink.push(
                pair,
                "attributions",
                "spurious",
                attribution.content,
                None,
                Some(got),
            );
        }
        matched += tp;
        found.add(Counts {
            tp,
            fp: system.len() - tp,
            fn_: gold.len() - tp,
        });
    }
    AttributionScores {
        found: found.prf(),
        speaker: Accuracy::new(speaker, matched),
        chain: Accuracy::new(chain, matched),
        hedged: Accuracy::new(hedged, matched),
        kind: Accuracy::new(kind, matched),
    }
}

fn score_unsourced(pairs: &[Pair], sink: &mut Sink) -> FoundScores {
    let mut found = Counts::default();
    for pair in pairs {
        let gold = located_pairs(&pair.gold.unsourced, &pair.located.unsourced);
        let system = if pair.missing {
            &[][..]
        } else {
            &pair.doc.layers.unsourced[..]
        };
        let text = &pair.doc.text;
        let mut used = vec![false; system.len()];
        let mut tp = 0;
        for (_, span) in &gold {
            // A sentence may start on an opening quote or dash that the gold first words
            // leave out: only non-alphanumeric characters may separate the two starts.
            let best = system
                .iter()
                .enumerate()
                .filter(|(i, s)| {
                    !used[*i]
                        && s.span.start <= span.start
                        && text
                            .get(s.span.start..span.start)
                            .is_some_and(|gap| !gap.chars().any(char::is_alphanumeric))
                })
                .max_by_key(|(_, s)| s.span.start)
                .map(|(i, _)| i);
            if let Some(index) = best {
                used[index] = true;
                tp += 1;
            } else {
                sink.push(pair, "unsourced", "missed", *span, None, None);
            }
        }
        for (sentence, _) in system.iter().zip(&used).filter(|(_, used)| !**used) {
            sink.push(pair, "unsourced", "spurious", sentence.span, None, None);
        }
        found.add(Counts {
            tp,
            fp: system.len() - tp,
            fn_: gold.len() - tp,
        });
    }
    FoundScores { found: found.prf() }
}
