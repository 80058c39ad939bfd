//! One event record per story: the main event of a story's articles, coded as an event data
//! set codes an incident (ACLED-like, PLOVER-typed), with who some source holds responsible
//! and who denies it.

use std::collections::{BTreeMap, BTreeSet};

use recoupe_kb::Reference;
use recoupe_model::{
    Document, Event, EventType, Granularity, Layer, PlaceKind, Qualifier, QuantityValue, Span,
    Stance,
};
use serde::{Deserialize, Serialize};

use crate::mentions::killed_quantities;

/// The main event of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// PLOVER modes the articles support.
    pub modes: Vec<String>,
    /// Who did it, where the articles state it as fact (an actor only claimed or accused is
    /// in `responsibility`, not here).
    pub actors: Vec<RecordEntity>,
    /// Who it was done to.
    pub recipients: Vec<RecordEntity>,
    /// The most precise place of the event the articles give.
    pub place: Option<RecordPlace>,
    /// ISO 3166-1 alpha-2 of the event's country.
    pub country: Option<String>,
    pub date: Option<RecordDate>,
    /// The people killed, with every report of the figure.
    pub fatalities: Option<Fatalities>,
    /// Each actor some source holds responsible, with who says so and who denies it.
    pub responsibility: Vec<Responsibility>,
    /// Mentions of the main event, and the articles they are in.
    pub mentions: usize,
    pub articles: usize,
    /// Why the type, place and date were chosen, and what was rejected.
    pub evidence: Vec<String>,
}

/// An entity of the record with the articles that support it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordEntity {
    /// Entity key (`actors:jnim`, `country:RU`, `name:ORG:…`).
    pub entity: String,
    /// The name as the articles or the reference data give it.
    pub name: String,
    /// Corpus ids (or document ids) of the articles that support it.
    pub articles: Vec<String>,
}

/// How precisely a place locates the event (ACLED's geo-precision, 1 most precise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeoPrecision {
    /// A town, a village, a site in one: ACLED 1.
    Town,
    /// A province, a region, a river: ACLED 2.
    Region,
    /// A whole country or a wider area: ACLED 3.
    Country,
}

impl GeoPrecision {
    /// ACLED's numeric code.
    pub fn code(self) -> u8 {
        match self {
            GeoPrecision::Town => 1,
            GeoPrecision::Region => 2,
            GeoPrecision::Country => 3,
        }
    }

    fn of(kind: PlaceKind) -> GeoPrecision {
        match kind {
            PlaceKind::City | PlaceKind::Other => GeoPrecision::Town,
            PlaceKind::Admin | PlaceKind::River => GeoPrecision::Region,
            PlaceKind::Country | PlaceKind::Area => GeoPrecision::Country,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordPlace {
    /// Entity key of the place (as in the places layer).
    pub entity: String,
    pub name: String,
    pub country: Option<String>,
    pub kind: PlaceKind,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: GeoPrecision,
    /// Admin-1 region when the reference data gives it (GeoNames admin1 code).
    pub admin1: Option<String>,
    pub articles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordDate {
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `start/end`.
    pub value: String,
    pub precision: Granularity,
    pub articles: Vec<String>,
}

/// The story's toll of the dead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fatalities {
    /// The story's fact (of the stories layer) that counts the dead, when facts were given.
    pub fact: Option<String>,
    /// Lowest and highest current figure (earlier tolls left out); `None` for an open bound.
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub reports: Vec<FatalityReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FatalityReport {
    pub article: String,
    pub span: Span,
    pub value: QuantityValue,
    pub qualifier: Qualifier,
    /// Entity key of who gives the figure, when the article says.
    pub source: Option<String>,
    /// The article presents it as an earlier, superseded toll.
    pub earlier: bool,
}

/// Who holds one actor responsible, and who denies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Responsibility {
    pub actor: RecordEntity,
    pub claimed_by: Vec<RecordEntity>,
    pub denied_by: Vec<RecordEntity>,
    /// Whether the articles also state the actor's part as fact (it is then in `actors`).
    pub established: bool,
}

/// A fact of the story (from the stories layer): its id and where each report stands.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryFact {
    pub id: String,
    /// (index into the story's documents, span of the quantity).
    pub reports: Vec<(usize, Span)>,
}

/// Weight of a mention by where it stands: the headline and the lead say what the story is.
fn position_weight(doc: &Document, event: &Event) -> f64 {
    let k = doc
        .layers
        .sentences
        .partition_point(|s| s.span.end <= event.span.start);
    match doc.layers.sentences.get(k) {
        Some(s) if s.headline || k == 0 => 3.0,
        _ if k <= 2 => 2.0,
        _ => 1.0,
    }
}

fn is_weak(event: &Event) -> bool {
    event.provenance.rule.starts_with("weak-")
}

fn is_cue_only(event: &Event) -> bool {
    event.provenance.rule == "responsibility-cue"
}

fn article_id(doc: &Document) -> String {
    doc.meta
        .external_id
        .clone()
        .unwrap_or_else(|| doc.id.to_string())
}

/// Names of entity keys, from the documents' mentions and the reference data.
struct Names<'a> {
    docs: &'a [&'a Document],
    kb: &'a Reference,
}

impl Names<'_> {
    fn name(&self, key: &str) -> String {
        if let Some(iso) = key.strip_prefix("country:") {
            if let Some(c) = self.kb.country(iso) {
                return c.name_fr.clone();
            }
        }
        for doc in self.docs {
            if let Some(m) = doc.layers.entities.iter().find(|m| m.entity == key) {
                if let Some(name) = m.kb.as_ref().and_then(|l| l.name.clone()) {
                    return name;
                }
                return doc.text[m.span.start..m.span.end].to_string();
            }
        }
        key.rsplit(':').next().unwrap_or(key).to_string()
    }

    fn entity(&self, key: &str, articles: &BTreeSet<String>) -> RecordEntity {
        RecordEntity {
            entity: key.to_string(),
            name: self.name(key),
            articles: articles.iter().cloned().collect(),
        }
    }
}

/// The main event of the story made of `documents` (each run through the pipeline with the
/// events stage), or `None` when no article reports an event. `facts` are the story's
/// facts from the stories layer, if known: the fatalities then name the fact that counts
/// the dead.
pub fn story_event(documents: &[&Document], facts: &[StoryFact]) -> Option<EventRecord> {
    let kb = Reference::embedded();
    let names = Names {
        docs: documents,
        kb,
    };
    let mut evidence = Vec::new();

    // ---- type: per article, weighted mentions (lead over body, material over verbal,
    // strong over weak), capped so that one long article does not outvote the others.
    let mut scores: BTreeMap<EventType, f64> = BTreeMap::new();
    for doc in documents {
        let mut per: BTreeMap<EventType, f64> = BTreeMap::new();
        for e in &doc.layers.events {
            if e.negated || is_cue_only(e) {
                continue;
            }
            let mut w = position_weight(doc, e);
            if !e.event_type.is_material() {
                w *= 0.35;
            }
            if is_weak(e) {
                w *= 0.6;
            }
            if e.hedged {
                w *= 0.5;
            }
            *per.entry(e.event_type).or_default() += w;
        }
        for (t, s) in per {
            *scores.entry(t).or_default() += s.min(6.0);
        }
    }
    let (&main, &best) = scores.iter().max_by(|a, b| {
        a.1.partial_cmp(b.1)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.0.is_material().cmp(&b.0.is_material()))
    })?;
    let mut ranked: Vec<String> = scores.iter().map(|(t, s)| format!("{t} {s:.1}")).collect();
    ranked.sort();
    evidence.push(format!(
        "type {main} ({best:.1}) among {}",
        ranked.join(", ")
    ));

    let main_mentions: Vec<(usize, &Event)> = documents
        .iter()
        .enumerate()
        .flat_map(|(k, d)| d.layers.events.iter().map(move |e| (k, e)))
        .filter(|(_, e)| e.event_type == main && !e.negated && !is_cue_only(e))
        .collect();
    let article_set: BTreeSet<usize> = main_mentions.iter().map(|(k, _)| *k).collect();

    // ---- modes: supported by the mentions of the main event.
    let mut mode_articles: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (k, e) in &main_mentions {
        for m in &e.modes {
            mode_articles.entry(m.as_str()).or_default().insert(*k);
        }
    }
    // A mode the articles name outside the event's own clauses ("armés de machettes")
    // counts when two articles name it.
    let lex = crate::Lexicon::embedded();
    let mut named: BTreeMap<String, usize> = BTreeMap::new();
    for doc in documents {
        for m in crate::mentions::document_modes(lex, kb, doc, main) {
            *named.entry(m).or_default() += 1;
        }
    }
    let mut modes: Vec<String> = mode_articles
        .iter()
        .filter(|(_, arts)| !arts.is_empty())
        .map(|(m, _)| m.to_string())
        .collect();
    for (m, n) in named {
        if n >= 2 && !modes.contains(&m) {
            modes.push(m);
        }
    }
    modes.sort();
    if modes.iter().any(|m| m == "drone") {
        // A drone strike is coded by its weapon, not as a generic air strike, and a
        // "kamikaze" drone is no suicide attack.
        modes.retain(|m| m != "aerial" && m != "suicide-attack");
    }

    // ---- actors (stated as fact) and recipients.
    let mut established: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut recipients: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (k, e) in &main_mentions {
        let id = article_id(documents[*k]);
        if !e.hedged && e.responsibility.is_empty() {
            for a in &e.actors {
                established
                    .entry(a.entity.clone())
                    .or_default()
                    .insert(id.clone());
            }
        }
        for r in &e.recipients {
            recipients
                .entry(r.entity.clone())
                .or_default()
                .insert(id.clone());
        }
    }
    // The participants most articles agree on: at least half the support of the best one.
    let keep = |map: &BTreeMap<String, BTreeSet<String>>, needed: usize| -> Vec<RecordEntity> {
        let best = map.values().map(BTreeSet::len).max().unwrap_or(0);
        let mut list: Vec<(&String, &BTreeSet<String>)> = map
            .iter()
            .filter(|(_, a)| a.len() >= needed && 2 * a.len() >= best)
            .collect();
        list.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0)));
        list.into_iter()
            .map(|(key, a)| names.entity(key, a))
            .collect()
    };
    let actors = keep(&established, 1);
    let mut recipients = keep(&recipients, 1);
    recipients.retain(|r| !actors.iter().any(|a| a.entity == r.entity));

    // ---- place: the most precise place of the main event's clauses that the articles
    // agree on, within the country most of them point to.
    let place = choose_place(documents, &main_mentions, &mut evidence);
    let country = place.as_ref().and_then(|p| p.country.clone());

    // ---- date: the value the articles give most prominently in the main event's clauses,
    // among those not after the latest publication date nor long before it (a clause often
    // recalls an older event: "for the first time since 2014").
    let latest = documents
        .iter()
        .filter_map(|d| d.meta.published.as_ref().map(|p| p.date))
        .max();
    let mut dates: BTreeMap<&str, BTreeMap<usize, f64>> = BTreeMap::new();
    for (k, e) in &main_mentions {
        if let Some(d) = &e.date {
            let w = position_weight(documents[*k], e);
            let slot = dates.entry(d.as_str()).or_default().entry(*k).or_default();
            *slot = slot.max(w);
        }
    }
    let plausible = |value: &str| -> bool {
        let Some(latest) = latest else { return true };
        let start = value.split('/').next().unwrap_or(value);
        let first_day = match start.len() {
            10 => chrono::NaiveDate::parse_from_str(start, "%Y-%m-%d").ok(),
            7 => chrono::NaiveDate::parse_from_str(&format!("{start}-01"), "%Y-%m-%d").ok(),
            _ => chrono::NaiveDate::parse_from_str(&format!("{start}-01-01"), "%Y-%m-%d").ok(),
        };
        first_day.is_some_and(|d| d <= latest && (latest - d).num_days() <= 62)
    };
    let date = dates
        .iter()
        .filter(|(value, _)| plausible(value))
        .map(|(value, arts)| (value, arts, arts.values().sum::<f64>()))
        .max_by(|a, b| {
            a.2.partial_cmp(&b.2)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| date_specificity(a.0).cmp(&date_specificity(b.0)))
                .then_with(|| b.0.cmp(a.0))
        })
        .map(|(value, arts, _)| RecordDate {
            value: value.to_string(),
            precision: granularity_of(value),
            articles: arts.keys().map(|k| article_id(documents[*k])).collect(),
        });

    let fatalities = fatalities(documents, facts);
    // Disasters, accidents, results: no one is held responsible in the sense of an event
    // data set (who did it).
    let responsibility = if main == EventType::Other {
        Vec::new()
    } else {
        responsibility(documents, main, &names, &established)
    };

    Some(EventRecord {
        event_type: main,
        modes,
        actors,
        recipients,
        place,
        country,
        date,
        fatalities,
        responsibility,
        mentions: main_mentions.len(),
        articles: article_set.len(),
        evidence,
    })
}

fn date_specificity(value: &str) -> u8 {
    match granularity_of(value) {
        Granularity::Day => 3,
        Granularity::Interval => 2,
        Granularity::Week | Granularity::Month => 1,
        Granularity::Year => 0,
    }
}

fn granularity_of(value: &str) -> Granularity {
    if value.contains('/') {
        Granularity::Interval
    } else {
        match value.len() {
            10 => Granularity::Day,
            7 => Granularity::Month,
            _ => Granularity::Year,
        }
    }
}

fn choose_place(
    documents: &[&Document],
    main: &[(usize, &Event)],
    evidence: &mut Vec<String>,
) -> Option<RecordPlace> {
    // Candidate places: those of the main event's clauses; with none, every place of the
    // articles' leads.
    let mut support: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (k, e) in main {
        if let Some(p) = &e.place {
            support.entry(p.clone()).or_default().insert(*k);
        }
    }
    if support.is_empty() {
        for (k, doc) in documents.iter().enumerate() {
            let lead_end = doc
                .layers
                .sentences
                .get(2)
                .map_or(doc.text.len(), |s| s.span.end);
            for p in &doc.layers.places {
                if p.span.start < lead_end {
                    support.entry(p.entity.clone()).or_default().insert(k);
                }
            }
        }
    }
    let place_of = |key: &str| {
        documents
            .iter()
            .flat_map(|d| d.layers.places.iter())
            .find(|p| p.entity == key && p.kb.is_some())
    };
    let candidates: Vec<(&recoupe_model::Place, &BTreeSet<usize>)> = support
        .iter()
        .filter_map(|(key, arts)| place_of(key).map(|p| (p, arts)))
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let mut by_country: BTreeMap<Option<&str>, usize> = BTreeMap::new();
    for (p, arts) in &candidates {
        *by_country.entry(p.country.as_deref()).or_default() += arts.len();
    }
    // A wider area with no country ("l'Afrique") locates nothing when a country is named.
    let (&country, _) = by_country
        .iter()
        .max_by_key(|(c, n)| (c.is_some() || by_country.len() == 1, **n))?;
    let in_country: Vec<&(&recoupe_model::Place, &BTreeSet<usize>)> = candidates
        .iter()
        .filter(|(p, _)| p.country.as_deref() == country)
        .collect();
    // The best-supported place, then a more precise one inside it that at least half as
    // many articles give (a town of the province, a site of the town).
    let top = in_country.iter().max_by(|a, b| {
        a.1.len()
            .cmp(&b.1.len())
            .then_with(|| GeoPrecision::of(b.0.kind).cmp(&GeoPrecision::of(a.0.kind)))
            .then_with(|| b.0.entity.cmp(&a.0.entity))
    })?;
    let inside = |p: &recoupe_model::Place| -> bool {
        if GeoPrecision::of(top.0.kind) == GeoPrecision::Country {
            return true;
        }
        match (top.0.lat, top.0.lon, p.lat, p.lon) {
            (Some(a), Some(b), Some(c), Some(d)) => haversine(a, b, c, d) <= 150.0,
            _ => false,
        }
    };
    let (place, arts) = in_country
        .iter()
        .filter(|(p, a)| {
            GeoPrecision::of(p.kind) < GeoPrecision::of(top.0.kind)
                && 2 * a.len() >= top.1.len()
                && inside(p)
        })
        .min_by(|a, b| {
            GeoPrecision::of(a.0.kind)
                .cmp(&GeoPrecision::of(b.0.kind))
                .then_with(|| b.1.len().cmp(&a.1.len()))
                .then_with(|| a.0.entity.cmp(&b.0.entity))
        })
        .copied()
        .unwrap_or(top);
    evidence.push(format!(
        "place {} ({} article(s)) among {}",
        place.name,
        arts.len(),
        candidates
            .iter()
            .map(|(p, a)| format!("{} {}", p.name, a.len()))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    let admin1 = place
        .kb
        .as_ref()
        .filter(|l| l.kb == recoupe_kb::KB_GEONAMES)
        .and_then(|l| l.id.parse().ok())
        .and_then(|id| Reference::embedded().place_by_geonameid(id))
        .map(|r| r.admin1.clone())
        .filter(|a| !a.is_empty());
    Some(RecordPlace {
        entity: place.entity.clone(),
        name: place.name.clone(),
        country: place.country.clone(),
        kind: place.kind,
        lat: place.lat,
        lon: place.lon,
        precision: GeoPrecision::of(place.kind),
        admin1,
        articles: arts.iter().map(|k| article_id(documents[*k])).collect(),
    })
}

/// Great-circle distance in kilometres.
fn haversine(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

fn bounds(value: &QuantityValue, qualifier: Qualifier) -> (f64, f64) {
    match (value, qualifier) {
        (QuantityValue::Range([l, h]), _) => (*l, *h),
        (QuantityValue::Single(v), Qualifier::MoreThan) => (*v, f64::INFINITY),
        (QuantityValue::Single(v), Qualifier::LessThan) => (0.0, *v),
        (QuantityValue::Single(v), Qualifier::About) => (0.9 * v, 1.1 * v),
        (QuantityValue::Single(v), _) => (*v, *v),
    }
}

fn fatalities(documents: &[&Document], facts: &[StoryFact]) -> Option<Fatalities> {
    let mut reports = Vec::new();
    let mut killed_articles = BTreeSet::new();
    for (k, doc) in documents.iter().enumerate() {
        if !doc.has(Layer::Quantities) {
            continue;
        }
        for (q, earlier) in killed_quantities(doc) {
            let quantity = &doc.layers.quantities[q];
            let source = doc
                .layers
                .attributions
                .iter()
                .find(|a| a.content.contains(&quantity.span))
                .and_then(|a| a.speaker_entity.clone());
            killed_articles.insert(k);
            reports.push((
                k,
                FatalityReport {
                    article: article_id(doc),
                    span: quantity.span,
                    value: quantity.value,
                    qualifier: quantity.qualifier,
                    source,
                    earlier,
                },
            ));
        }
    }
    // A figure is a story's toll when two articles give one (as the stories layer's facts).
    if killed_articles.len() < 2 {
        return None;
    }
    let fact = facts
        .iter()
        .map(|f| {
            let n = reports
                .iter()
                .filter(|(k, r)| {
                    f.reports
                        .iter()
                        .any(|(d, s)| d == k && s.start < r.span.end && r.span.start < s.end)
                })
                .count();
            (f, n)
        })
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(f, n)| (*n, std::cmp::Reverse(f.id.clone())))
        .map(|(f, _)| f.id.clone());
    let mut low: Option<f64> = None;
    let mut high: Option<f64> = None;
    for (_, r) in reports.iter().filter(|(_, r)| !r.earlier) {
        let (l, h) = bounds(&r.value, r.qualifier);
        low = Some(low.map_or(l, |x| x.min(l)));
        high = Some(high.map_or(h, |x| x.max(h)));
    }
    Some(Fatalities {
        fact,
        low,
        high: high.filter(|h| h.is_finite()),
        reports: reports.into_iter().map(|(_, r)| r).collect(),
    })
}

fn responsibility(
    documents: &[&Document],
    main: EventType,
    names: &Names<'_>,
    established: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<Responsibility> {
    // (actor, claimant, stance) → articles.
    let mut triples: BTreeMap<(String, String, Stance), BTreeSet<String>> = BTreeMap::new();
    for doc in documents {
        let id = article_id(doc);
        for e in &doc.layers.events {
            let about_main = e.event_type == main || is_cue_only(e);
            if !about_main {
                continue;
            }
            for c in &e.responsibility {
                let Some(by) = &c.by else { continue };
                triples
                    .entry((c.actor.entity.clone(), by.entity.clone(), c.stance))
                    .or_default()
                    .insert(id.clone());
            }
            // A source that reports who did it holds them responsible.
            if main == EventType::Assault && !e.negated && e.responsibility.is_empty() {
                if let Some(source) = &e.source {
                    for a in &e.actors {
                        triples
                            .entry((a.entity.clone(), source.clone(), Stance::Claims))
                            .or_default()
                            .insert(id.clone());
                    }
                }
            }
        }
    }
    let mut by_actor: BTreeMap<String, Responsibility> = BTreeMap::new();
    for ((actor, by, stance), arts) in triples {
        let entry = by_actor
            .entry(actor.clone())
            .or_insert_with(|| Responsibility {
                actor: names.entity(&actor, &BTreeSet::new()),
                claimed_by: Vec::new(),
                denied_by: Vec::new(),
                established: established.contains_key(&actor),
            });
        let who = names.entity(&by, &arts);
        match stance {
            Stance::Claims => entry.claimed_by.push(who),
            Stance::Denies => entry.denied_by.push(who),
        }
    }
    by_actor.into_values().collect()
}
