//! Per-document features: everything the cross-article layer needs from one article,
//! computed once when it arrives, serialisable so that a store persists it, and never
//! recomputed from other articles (which is what keeps decisions independent of ingest order).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use recoupe_model::{DateSource, DocId, Document, EntityType, PlaceKind};
use serde::{Deserialize, Serialize};

use crate::copies::fingerprints;
use crate::facts::{figures_of, Figure};
use crate::statements::{statements_of, Statement};
use crate::words::{fold, stable_hash, words, Reference};
use crate::Config;

/// A linked entity or place of the article, with the cross-article key it is compared by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityFeature {
    /// `kb:id` for a linked entity (`actors:irgc`, `geonames:2509954`), else the
    /// entities stage's name key (`name:ORG:…`).
    pub key: String,
    /// The name as first written in the article.
    pub name: String,
    pub label: EntityType,
    /// How much sharing it says about being the same story: a country says little, a town
    /// or a person much (see [`entity_weight`]).
    pub weight: f64,
}

/// Everything the cross-article layer keeps of one article. A store persists it (JSON) next
/// to the document and its [`crate::IndexKey`]s in an indexed table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocFeatures {
    pub id: DocId,
    /// The source's own identifier (corpus id), for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Words of the text.
    pub words: usize,
    /// Content words with their TF-IDF weight (reference IDF), L2-normalised, by term.
    pub terms: BTreeMap<String, f64>,
    pub entities: Vec<EntityFeature>,
    /// Day-precise dates the text places on the calendar (intervals as start/end).
    pub dates: Vec<(NaiveDate, NaiveDate)>,
    /// The article's event date: its publication date (given by the source, or inferred by
    /// the dates stage from the text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<NaiveDate>,
    /// The anchor is the date the source gave (not one inferred from the text).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anchor_given: bool,
    /// Winnowed fingerprints of word n-grams (sorted, unique): candidates for copies.
    pub fingerprints: Vec<u64>,
    /// Counts of the article with what they count, their source and whether superseded.
    pub figures: Vec<Figure>,
    /// The article's attributions by speaker.
    pub statements: Vec<Statement>,
    /// The town the article is mostly about, when one stands out (see [`main_place`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_place: Option<MainPlace>,
}

/// The town an article is mostly about: its cross-article key, name and coordinates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MainPlace {
    pub key: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

/// The town an article is mostly about: of its geocoded towns, the one named most often, a
/// mention in the headline or the first sentence counting double; none on a tie, so that an
/// article about two towns has no main place.
pub fn main_place(doc: &Document) -> Option<MainPlace> {
    let lead_end = doc
        .layers
        .sentences
        .get(1)
        .or_else(|| doc.layers.sentences.first())
        .map_or(0, |s| s.span.end);
    let mut scored: Vec<(usize, usize, MainPlace)> = Vec::new();
    for place in &doc.layers.places {
        let (PlaceKind::City, Some(lat), Some(lon)) = (place.kind, place.lat, place.lon) else {
            continue;
        };
        let mentions: Vec<&recoupe_model::EntityMention> = doc
            .layers
            .entities
            .iter()
            .filter(|m| m.entity == place.entity)
            .collect();
        let Some(first) = mentions.first() else {
            continue;
        };
        let score = mentions
            .iter()
            .map(|m| if m.span.start < lead_end { 2 } else { 1 })
            .sum::<usize>();
        scored.push((
            score,
            first.span.start,
            MainPlace {
                key: entity_key(first),
                name: place.name.clone(),
                lat,
                lon,
            },
        ));
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    match scored.as_slice() {
        [] => None,
        [(_, _, only)] => Some(only.clone()),
        [(best, _, top), (second, ..), ..] => (best > second).then(|| top.clone()),
    }
}

/// Weight of an entity by how specific it is: places by kind, names by how rare their
/// words are in the reference table.
pub fn entity_weight(label: EntityType, place: Option<PlaceKind>, name: &str) -> f64 {
    let reference = Reference::builtin();
    let name_words = words(name);
    let rarity = if name_words.is_empty() {
        0.5
    } else {
        let mean = name_words
            .iter()
            .map(|w| reference.idf(&w.folded))
            .sum::<f64>()
            / name_words.len() as f64;
        (mean / reference.max_idf()).clamp(0.3, 1.0)
    };
    let by_kind = match (label, place) {
        (EntityType::LOC, Some(PlaceKind::Country)) => 0.2,
        (EntityType::LOC, Some(PlaceKind::Admin | PlaceKind::Area | PlaceKind::Other)) => 0.6,
        (EntityType::LOC, _) => 1.0,
        (EntityType::PER, _) => 1.0,
        (EntityType::ORG, _) => 0.7,
        (EntityType::MISC, _) => 0.7,
    };
    by_kind * rarity
}

fn parse_day(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// Day-precise intervals of a date value (`YYYY-MM-DD` or `start/end` of days).
fn day_interval(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    match value.split_once('/') {
        Some((a, b)) => {
            let (a, b) = (parse_day(a)?, parse_day(b)?);
            ((b - a).num_days() <= 7).then_some((a.min(b), a.max(b)))
        }
        None => parse_day(value).map(|d| (d, d)),
    }
}

impl DocFeatures {
    /// Features of an annotated document (the pipeline has run). Reads the text, metadata
    /// (never the `cluster` a source gives) and the entity, place, date, quantity and
    /// attribution layers.
    pub fn of(doc: &Document, config: &Config) -> DocFeatures {
        let reference = Reference::builtin();
        let text_words = words(&doc.text);

        let mut counts: HashMap<&str, usize> = HashMap::new();
        for w in &text_words {
            let f = w.folded.as_str();
            if f.chars().count() < 3
                || f.chars().all(|c| c.is_ascii_digit())
                || reference.is_common(f)
            {
                continue;
            }
            *counts.entry(f).or_default() += 1;
        }
        let mut terms: BTreeMap<String, f64> = counts
            .into_iter()
            .map(|(t, n)| (t.to_string(), (1.0 + (n as f64).ln()) * reference.idf(t)))
            .collect();
        let norm = terms.values().map(|w| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            for w in terms.values_mut() {
                *w /= norm;
            }
        }

        // an entity's first place is its first mention's reading: a later mention may add a
        // place of its own under the same key ("près de X … le district de X"), which does not
        // change what the name mostly stands for
        let place_kind: HashMap<&str, PlaceKind> = doc
            .layers
            .places
            .iter()
            .rev()
            .map(|p| (p.entity.as_str(), p.kind))
            .collect();
        let mut entities: Vec<EntityFeature> = Vec::new();
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for mention in &doc.layers.entities {
            let key = entity_key(mention);
            if !seen.insert(key.clone()) {
                continue;
            }
            let name = doc.slice(mention.span).to_string();
            let weight = entity_weight(
                mention.label,
                place_kind.get(mention.entity.as_str()).copied(),
                &name,
            );
            entities.push(EntityFeature {
                key,
                name,
                label: mention.label,
                weight,
            });
        }
        entities.sort_by(|a, b| a.key.cmp(&b.key));

        let mut dates: Vec<(NaiveDate, NaiveDate)> = doc
            .layers
            .dates
            .iter()
            .filter_map(|d| d.value.as_deref().and_then(day_interval))
            .collect();
        dates.sort();
        dates.dedup();
        let published = doc
            .meta
            .published
            .filter(|p| p.source == DateSource::Metadata)
            .map(|p| p.date);
        let anchor = doc.meta.published.map(|p| p.date);

        DocFeatures {
            id: doc.id.clone(),
            label: doc.meta.external_id.clone(),
            outlet: doc.meta.outlet.clone(),
            published,
            words: text_words.len(),
            terms,
            entities,
            dates,
            anchor,
            anchor_given: published.is_some(),
            fingerprints: fingerprints(&text_words, config.copies.ngram, config.copies.window),
            figures: figures_of(doc),
            statements: statements_of(doc),
            main_place: main_place(doc),
        }
    }

    /// The name shown for the article: its source id, else the start of its content hash.
    pub fn display(&self) -> &str {
        self.label
            .as_deref()
            .unwrap_or_else(|| &self.id.as_str()[..8.min(self.id.as_str().len())])
    }
}

/// Cross-article key of an entity mention: its knowledge-base entry when linked, else the
/// entities stage's own name key.
pub fn entity_key(mention: &recoupe_model::EntityMention) -> String {
    match &mention.kb {
        Some(kb) => format!("{}:{}", kb.kb, kb.id),
        None if mention.entity.starts_with("name:") => mention.entity.clone(),
        None => format!("name:{}:{}", mention.label.as_str(), fold(&mention.entity)),
    }
}

/// The cross-article key of the document-level entity key `entity` of `doc` (the key of
/// its first mention), used for speakers of attributions.
pub fn cross_key(doc: &Document, entity: &str) -> Option<(String, String)> {
    doc.layers
        .entities
        .iter()
        .find(|m| m.entity == entity)
        .map(|m| (entity_key(m), doc.slice(m.span).to_string()))
}

/// Stable 64-bit hash of a term or entity key, the form index keys are persisted in.
pub fn key_hash(kind: &str, key: &str) -> u64 {
    let mut bytes = Vec::with_capacity(kind.len() + key.len() + 1);
    bytes.extend_from_slice(kind.as_bytes());
    bytes.push(0);
    bytes.extend_from_slice(key.as_bytes());
    stable_hash(&bytes)
}
