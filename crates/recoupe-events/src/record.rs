//! One event record per story: the main event of a story's articles, coded as an event data
//! set codes an incident (ACLED-like, PLOVER-typed), with who some source holds responsible
//! and who denies it.

use std::collections::{BTreeMap, BTreeSet};

use recoupe_kb::Reference;
use recoupe_model::{
    DateSource, Document, Event, EventType, Granularity, Layer, PlaceKind, Qualifier,
    QuantityValue, ResponsibilityClaim, Span, Stance,
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

/// Share of the best type's score another type needs for its headlines to count.
const TYPE_MARGIN: f64 = 0.85;

/// A mention in the article's headline (or its first sentence when it has none marked).
fn in_headline(doc: &Document, event: &Event) -> bool {
    let k = doc
        .layers
        .sentences
        .partition_point(|s| s.span.end <= event.span.start);
    doc.layers
        .sentences
        .get(k)
        .is_some_and(|s| s.headline || k == 0)
}

fn is_weak(event: &Event) -> bool {
    event.provenance.rule.contains("weak-")
}

/// A mention that names the occasion of the sentence's event ("après des manifestations")
/// or only its participants ("manifestants"): it says less about what the story is.
fn is_indirect(event: &Event) -> bool {
    event.provenance.rule.starts_with("antecedent-")
        || event.provenance.rule.starts_with("participant-")
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
            // The occasion of another event is background; participants imply the event.
            if e.provenance.rule.starts_with("antecedent-") {
                w *= 0.3;
            } else if e.provenance.rule.starts_with("participant-") {
                w *= 0.5;
            }
            *per.entry(e.event_type).or_default() += w;
        }
        for (t, s) in per {
            *scores.entry(t).or_default() += s.min(6.0);
        }
    }
    accusation_only(documents, &mut scores);
    // The articles whose headline names each type: what the story is about, as its outlets
    // put it first ("La police disperse une marche" is about the march).
    let mut headlines: BTreeMap<EventType, usize> = BTreeMap::new();
    for doc in documents {
        let named: BTreeSet<EventType> = doc
            .layers
            .events
            .iter()
            .filter(|e| {
                !e.negated
                    && !is_cue_only(e)
                    && !is_weak(e)
                    && !is_indirect(e)
                    && in_headline(doc, e)
            })
            .map(|e| e.event_type)
            .collect();
        for t in named {
            *headlines.entry(t).or_default() += 1;
        }
    }
    // Among the types within `TYPE_MARGIN` of the best score (the per-article cap makes a
    // body full of follow-ups score as high as the event itself), the one most headlines
    // name.
    let top = scores.values().copied().fold(0.0_f64, f64::max);
    let (&main, &best) = scores
        .iter()
        .filter(|(_, &s)| s >= TYPE_MARGIN * top)
        .max_by(|a, b| {
            let h = |t: &EventType| headlines.get(t).copied().unwrap_or(0);
            h(a.0)
                .cmp(&h(b.0))
                .then_with(|| a.1.partial_cmp(b.1).unwrap_or(std::cmp::Ordering::Equal))
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
    // An article that does not say when it was written places its relative dates ("samedi",
    // "dans la nuit de mardi à mercredi") against the earliest publication date of the
    // story's other reports: they report the same event within days.
    let earliest = documents
        .iter()
        .filter_map(|d| d.meta.published.as_ref().map(|p| p.date))
        .min();
    // An article whose publication date was only inferred from its text (often from the
    // date of an earlier step it recalls, "entrée en vigueur le mardi 1er décembre") places
    // its relative dates against the earliest date a report's metadata gives, when that
    // differs: the inference is a guess, the metadata is not.
    let earliest_given = documents
        .iter()
        .filter_map(|d| d.meta.published.as_ref())
        .filter(|p| p.source == DateSource::Metadata)
        .map(|p| p.date)
        .min();
    let inferred_apart = |d: &Document| {
        d.meta.published.as_ref().is_some_and(|p| {
            p.source == DateSource::Inferred && earliest_given.is_some_and(|g| g != p.date)
        })
    };
    let borrowed: Vec<Vec<(Span, Option<String>)>> = documents
        .iter()
        .map(|d| match (earliest, &d.meta.published) {
            (Some(reference), None) if d.layers.dates.iter().any(|m| m.value.is_none()) => {
                recoupe_values::dates::place_against(
                    &d.text,
                    reference,
                    d.meta.ingested_at.date_naive(),
                )
            }
            (_, Some(_)) if inferred_apart(d) && d.layers.dates.iter().any(|m| m.relative) => {
                recoupe_values::dates::place_against(
                    &d.text,
                    earliest_given.unwrap_or_default(),
                    d.meta.ingested_at.date_naive(),
                )
            }
            _ => Vec::new(),
        })
        .collect();
    let mut dates: BTreeMap<String, BTreeMap<usize, f64>> = BTreeMap::new();
    // The values some dated report gives itself.
    let mut dated: BTreeSet<String> = BTreeSet::new();
    for (k, e) in &main_mentions {
        // As in the mentions: a date among an attribution's speaker and cue, outside the
        // words it reports, dates the statement.
        let reporting = |span: &Span| {
            documents[*k].layers.attributions.iter().any(|a| {
                a.content.contains(&e.trigger)
                    && !a.content.contains(span)
                    && [a.speaker, a.cue]
                        .into_iter()
                        .flatten()
                        .fold(a.content, |hull, s| hull.cover(&s))
                        .contains(span)
            })
        };
        // The relative date an inferred-date report gave the clause, placed again.
        let replaced = e
            .date
            .as_deref()
            .filter(|_| inferred_apart(documents[*k]))
            .and_then(|given| {
                documents[*k]
                    .layers
                    .dates
                    .iter()
                    .filter(|m| {
                        m.relative && e.span.contains(&m.span) && m.value.as_deref() == Some(given)
                    })
                    .min_by_key(|m| m.span.start.abs_diff(e.trigger.start))
            })
            .and_then(|m| borrowed[*k].iter().find(|(span, _)| *span == m.span))
            .and_then(|(_, value)| value.clone());
        let own = replaced.is_none() && e.date.is_some();
        let value = replaced.or_else(|| e.date.clone()).or_else(|| {
            borrowed[*k]
                .iter()
                .filter(|(span, value)| {
                    e.span.contains(span)
                        && value.is_some()
                        && !reporting(span)
                        && !(span.start < e.trigger.end && e.trigger.start < span.end)
                })
                .min_by_key(|(span, _)| span.start.abs_diff(e.trigger.start))
                .and_then(|(_, value)| value.clone())
        });
        if let Some(d) = value {
            if own {
                dated.insert(d.clone());
            }
            let w = position_weight(documents[*k], e);
            let slot = dates.entry(d).or_default().entry(*k).or_default();
            *slot = slot.max(w);
        }
    }
    let in_window = |value: &str| -> bool {
        let Some(latest) = latest else { return true };
        first_day(value).is_some_and(|d| d <= latest && (latest - d).num_days() <= 62)
    };
    // A weekday an undated report names was placed against the story's earliest publication
    // date, but the report may have been written days later ("the toll given on Friday
    // evening"): placed against the wrong week, it lands before every date the dated reports
    // give. Such a borrowed date counts only from two days before the earliest dated one.
    let earliest_dated = dated
        .iter()
        .filter(|v| in_window(v))
        .filter_map(|v| first_day(v))
        .min();
    let plausible = |value: &str| -> bool {
        in_window(value)
            && (dated.contains(value)
                || !matches!((first_day(value), earliest_dated), (Some(d), Some(first))
                    if (first - d).num_days() > 2))
    };
    // The event is the first thing its reports date: later dates in its clauses are most
    // often the follow-up (a toll revised, a visit, a reaction). Among the dates to the day
    // (or a night, a few days) that at least half as much support as the best one, the
    // earliest; with none, the best supported.
    let candidates: Vec<(&String, &BTreeMap<usize, f64>, f64)> = dates
        .iter()
        .filter(|(value, _)| plausible(value))
        .map(|(value, arts)| (value, arts, arts.values().sum::<f64>()))
        .collect();
    let top = candidates.iter().map(|c| c.2).fold(0.0_f64, f64::max);
    let strong: Vec<&(&String, &BTreeMap<usize, f64>, f64)> = candidates
        .iter()
        .filter(|c| 2.0 * c.2 >= top && date_specificity(c.0) >= 2)
        .collect();
    let date = if strong.is_empty() {
        candidates.iter().max_by(|a, b| {
            a.2.partial_cmp(&b.2)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| date_specificity(a.0).cmp(&date_specificity(b.0)))
                .then_with(|| b.0.cmp(a.0))
        })
    } else {
        strong.into_iter().min_by(|a, b| {
            first_day(a.0)
                .cmp(&first_day(b.0))
                .then_with(|| b.2.partial_cmp(&a.2).unwrap_or(std::cmp::Ordering::Equal))
                .then_with(|| date_specificity(b.0).cmp(&date_specificity(a.0)))
                .then_with(|| a.0.cmp(b.0))
        })
    }
    .map(|(value, arts, _)| {
        let mut ranked: Vec<String> = candidates
            .iter()
            .map(|(v, _, score)| format!("{v} {score:.1}"))
            .collect();
        ranked.sort();
        evidence.push(format!("date {value} among {}", ranked.join(", ")));
        RecordDate {
            value: value.to_string(),
            precision: granularity_of(value),
            articles: arts.keys().map(|k| article_id(documents[*k])).collect(),
        }
    });

    // ---- modes: supported by the mentions of the main event.
    // A mention dated well before the event recalls an earlier one ("X avait été tué en
    // 2020 lors d'une frappe de drone"): neither its modes nor its participants are this
    // event's.
    let event_day = date.as_ref().and_then(|d| first_day(&d.value));
    // "Le poste avait déjà été visé il y a dix jours par des tirs d'obus": "déjà" before
    // the trigger of a clause in a past tense marks an earlier occurrence, whatever its date.
    let recalled = |k: usize, e: &Event| {
        let day = e.date.as_deref().and_then(first_day);
        matches!((day, event_day), (Some(d), Some(event)) if (event - d).num_days() > RECALLED_DAYS)
            || already(&documents[k].text[e.span.start..e.trigger.start.max(e.span.start)])
    };
    let mut mode_articles: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (k, e) in main_mentions.iter().filter(|(k, e)| !recalled(*k, e)) {
        for m in &e.modes {
            mode_articles.entry(m.as_str()).or_default().insert(*k);
        }
    }
    // A mode the articles name outside the event's own clauses ("armés de machettes")
    // counts when two articles name it.
    let lex = crate::Lexicon::embedded();
    let mut named: BTreeMap<String, usize> = BTreeMap::new();
    for doc in documents {
        for m in crate::mentions::document_modes(lex, kb, doc, main, event_day) {
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
        // "kamikaze" drone is no suicide attack; the missile it fires is its munition, not
        // shelling from the ground.
        modes.retain(|m| m != "aerial" && m != "suicide-attack" && m != "heavy-weapons");
    } else if modes.iter().any(|m| m == "aerial") {
        // An air strike is coded as such (ACLED's "air/drone strike"): the bombs and missiles
        // it drops, the explosion they cause, are its munition, not a bombing or shelling.
        modes.retain(|m| m != "explosives" && m != "heavy-weapons");
    }

    // ---- actors (stated as fact) and recipients.
    let mut established: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut recipients: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (k, e) in main_mentions.iter().filter(|(k, e)| !recalled(*k, e)) {
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
    for (what, map) in [("actors", &established), ("recipients", &recipients)] {
        if !map.is_empty() {
            let listed: Vec<String> = map
                .iter()
                .map(|(key, arts)| format!("{key} {}", arts.len()))
                .collect();
            evidence.push(format!("{what} among {}", listed.join(", ")));
        }
    }
    let actors = keep(&established, 1);
    let mut recipients = keep(&recipients, 1);
    recipients.retain(|r| !actors.iter().any(|a| a.entity == r.entity));

    // The dead an agreement, a verdict, a protest's demands or an accusation mention were
    // killed by the events it is about (the fighting a truce ends, the crime a court
    // judges): the record's toll is that of an act of violence, a disaster or an
    // accident, or of a protest or an arrest operation that turned deadly.
    let fatalities = matches!(
        main,
        EventType::Assault | EventType::Other | EventType::Coerce | EventType::Protest
    )
    .then(|| fatalities(documents, facts))
    .flatten();
    // Disasters, accidents, results: no one is held responsible in the sense of an event
    // data set (who did it); a protest's organisers are its actors, and its "revendications"
    // are demands, not claims of an act.
    // A deployment is announced by the state making it: what its reports blame or deny is
    // the violence it answers ("X accuse Y d'avoir orchestré les troubles"), not the move.
    let mut responsibility = if matches!(main, EventType::Protest | EventType::Mobilize) {
        Vec::new()
    } else {
        responsibility(documents, main, &names, &established)
    };
    // An accident, a disaster, an agreement or an aid has no perpetrator to establish; it is
    // a matter of responsibility only when the reports dispute the blame: someone holds an
    // actor responsible ("le syndicat accuse la compagnie de négligence") and the actor
    // denies it. A claim no one disputes is a view ("X revendique sa part du succès").
    if matches!(
        main,
        EventType::Other
            | EventType::Agree
            | EventType::Consult
            | EventType::Support
            | EventType::Concede
            | EventType::Cooperate
            | EventType::Aid
            | EventType::Retreat
    ) {
        responsibility.retain(|r| {
            !r.denied_by.is_empty() && r.claimed_by.iter().any(|c| c.entity != r.actor.entity)
        });
    }
    // An actor whose part some source denies, or that blames the one blaming it, is
    // disputed: it stays in `responsibility` and out of the established actors, with the
    // state bodies that stand for it ("l'armée russe" when Moscow denies).
    let disputed = disputed_actors(&responsibility);
    let mut actors = actors;
    actors.retain(|a| {
        !disputed.contains(&a.entity)
            && !state_side(kb, &a.entity).is_some_and(|side| disputed.contains(&side))
    });
    // A sentence or an arrest whose reports name no one doing it ("X a été condamné", "18
    // personnes ont été interpellées") was done by the court or the police the story names.
    if actors.is_empty() && matches!(main, EventType::Sanction | EventType::Coerce) {
        actors = institution(documents, main, &names);
    }
    for r in &mut responsibility {
        r.established = actors.iter().any(|a| a.entity == r.actor.entity);
    }
    // Responsibility lists the actors some source holds responsible: a denial no one
    // prompts ("X dément toute implication" with no accuser in the reports) keeps the actor
    // out of the established ones (above), but holds no one responsible.
    responsibility.retain(|r| !r.claimed_by.is_empty());
    // The country where it happened is a recipient only as the country attacked by another
    // (below): "l'est du pays a été frappé", "défilé dans les rues de la capitale" say where.
    if let Some(iso) = &country {
        let home = format!("country:{iso}");
        recipients.retain(|r| r.entity != home);
    }
    // A strike or a march whose reports name no one leading it ("lancée par les principales
    // confédérations syndicales du pays") was called by the unions they name.
    if main == EventType::Protest && actors.is_empty() {
        actors = organisers(documents, &names);
    }
    // A protest with no one named as its target addresses the ministry in charge of what
    // it protests against.
    if main == EventType::Protest && recipients.is_empty() {
        recipients = addressed_ministry(documents, &names);
        recipients.retain(|r| !actors.iter().any(|a| a.entity == r.entity));
    }
    if main == EventType::Assault {
        let support: BTreeSet<String> = article_set
            .iter()
            .map(|k| article_id(documents[*k]))
            .collect();
        collective_recipient(
            kb,
            &names,
            country.as_deref(),
            &actors,
            &responsibility,
            &support,
            &mut recipients,
        );
        if recipients.is_empty() {
            recipients = attacked_army(
                kb,
                documents,
                &main_mentions,
                country.as_deref(),
                &actors,
                &responsibility,
                &names,
            );
        }
    }

    // "Bakou accuse Erevan" in a headline, "le ministère azerbaïdjanais de la Défense a
    // accusé" in the lead: the country a state body of the list acts for is that body, coded
    // once, by its more precise name.
    for list in [&mut actors, &mut recipients] {
        let sides: BTreeSet<String> = list
            .iter()
            .filter_map(|e| state_side(kb, &e.entity))
            .collect();
        list.retain(|e| !(e.entity.starts_with("country:") && sides.contains(&e.entity)));
    }

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

/// "Neuf soldats tués dans l'attaque d'un poste militaire": an attack whose clauses in the
/// headline or first sentence of at least two reports (or of the only one) name soldiers or
/// a military site as what it hit
/// (`event_military_targets.tsv`), with no one else named as its target, was made on the
/// army of the country where it happened, when the reports name that army (the body of kind
/// `army` of the reference data most of them name) and it is not the one doing it.
fn attacked_army(
    kb: &Reference,
    documents: &[&Document],
    main: &[(usize, &Event)],
    country: Option<&str>,
    actors: &[RecordEntity],
    responsibility: &[Responsibility],
    names: &Names<'_>,
) -> Vec<RecordEntity> {
    let Some(iso) = country else {
        return Vec::new();
    };
    let targets = crate::lexicon::military_targets();
    let names_target = |text: &str| {
        let folded = crate::words::fold(text);
        let words: Vec<&str> = folded
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        targets.iter().any(|t| {
            words
                .windows(t.len())
                .any(|w| w.iter().zip(t).all(|(a, b)| *a == b.as_str()))
        })
    };
    // Only the headline and the first sentence after it: further on, a military site or
    // soldiers are as often what the doers say they were after ("des combattants qui
    // s'apprêtaient à attaquer un poste militaire").
    let opening = |doc: &Document, e: &Event| {
        doc.layers
            .sentences
            .partition_point(|s| s.span.end <= e.span.start)
            <= 1
    };
    let hit: BTreeSet<usize> = main
        .iter()
        .filter(|(k, e)| {
            opening(documents[*k], e) && names_target(&documents[*k].text[e.span.start..e.span.end])
        })
        .map(|(k, _)| *k)
        .collect();
    let reporting: BTreeSet<usize> = main.iter().map(|(k, _)| *k).collect();
    if hit.is_empty() || (hit.len() < 2 && reporting.len() > 1) {
        return Vec::new();
    }
    let mut support: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for doc in documents {
        for m in &doc.layers.entities {
            let army = m
                .entity
                .strip_prefix("actors:")
                .and_then(|id| kb.actor(id))
                .is_some_and(|a| a.kind == "army" && a.country.as_deref() == Some(iso));
            if army {
                support
                    .entry(m.entity.as_str())
                    .or_default()
                    .insert(article_id(doc));
            }
        }
    }
    let doing = |key: &str| {
        actors.iter().any(|a| a.entity == key)
            || responsibility.iter().any(|r| r.actor.entity == key)
    };
    support
        .iter()
        .filter(|(key, _)| !doing(key))
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then_with(|| b.0.cmp(a.0)))
        .map(|(key, arts)| vec![names.entity(key, arts)])
        .unwrap_or_default()
}

/// "Bakou accuse Erevan d'avoir ouvert le feu, l'Arménie dément": when every report of the
/// best-scored material event is someone's word — the accusation's complement, the accuser's
/// quoted statement, a hedged clause —, the accused denies it, and a headline names the
/// accusation, the story is the accusation (the act is not established). Mentions dated
/// months before the latest report recall older events and do not count either way. The
/// accusation then takes the material type's score.
fn accusation_only(documents: &[&Document], scores: &mut BTreeMap<EventType, f64>) {
    let Some((&material, &score)) = scores
        .iter()
        .filter(|(t, _)| t.is_material())
        .max_by(|a, b| a.1.partial_cmp(b.1).unwrap_or(std::cmp::Ordering::Equal))
    else {
        return;
    };
    let latest = documents
        .iter()
        .filter_map(|d| d.meta.published.as_ref().map(|p| p.date))
        .max();
    let current = |e: &Event| {
        let day = e.date.as_deref().and_then(first_day);
        !matches!((day, latest), (Some(d), Some(l)) if (l - d).num_days() > 62)
    };
    let mentions = || {
        documents
            .iter()
            .flat_map(|d| d.layers.events.iter())
            .filter(|e| e.event_type == material && !e.negated && !is_cue_only(e) && current(e))
    };
    let said_only = |e: &Event| e.source.is_some() || e.hedged || !e.responsibility.is_empty();
    if mentions().next().is_none() || !mentions().all(said_only) {
        return;
    }
    let claims: Vec<&ResponsibilityClaim> = documents
        .iter()
        .flat_map(|d| d.layers.events.iter())
        .flat_map(|e| e.responsibility.iter())
        .collect();
    let denied = claims.iter().any(|c| {
        c.stance == Stance::Denies
            && claims.iter().any(|o| {
                o.stance == Stance::Claims
                    && o.actor.entity == c.actor.entity
                    && o.by.as_ref().is_some_and(|b| b.entity != c.actor.entity)
            })
    });
    let headlined = documents.iter().any(|d| {
        d.layers.events.iter().any(|e| {
            e.event_type == EventType::Accuse
                && !e.negated
                && !is_cue_only(e)
                && !is_weak(e)
                && in_headline(d, e)
        })
    });
    if denied && headlined {
        scores.remove(&material);
        let accuse = scores.entry(EventType::Accuse).or_default();
        *accuse = accuse.max(score);
    }
}

/// The side a participant stands for: a country itself, or the country of a state body.
fn side_of(kb: &Reference, key: &str) -> Option<String> {
    if key.starts_with("country:") {
        Some(key.to_string())
    } else {
        state_side(kb, key)
    }
}

/// A person of the registry or named as one.
fn is_person(kb: &Reference, key: &str) -> bool {
    key.starts_with("name:PER:")
        || key
            .strip_prefix("actors:")
            .and_then(|id| kb.actor(id))
            .is_some_and(|a| a.etype == recoupe_model::EntityType::PER)
}

/// An attack by the side of another country (a state or its forces, established or held
/// responsible by some source) on a country was done to that country: event data sets code
/// its recipient collectively, and the victims named one by one in a single report are part
/// of it. A story that already names a group or a body as recipient keeps it instead, and a
/// country whose own side is an established actor is no recipient.
fn collective_recipient(
    kb: &Reference,
    names: &Names<'_>,
    country: Option<&str>,
    actors: &[RecordEntity],
    responsibility: &[Responsibility],
    support: &BTreeSet<String>,
    recipients: &mut Vec<RecordEntity>,
) {
    let Some(iso) = country else { return };
    let home = format!("country:{iso}");
    let foreign = actors
        .iter()
        .map(|a| a.entity.as_str())
        .chain(responsibility.iter().map(|r| r.actor.entity.as_str()))
        .filter_map(|key| side_of(kb, key))
        .any(|side| side != home);
    let home_acts = actors
        .iter()
        .filter_map(|a| side_of(kb, &a.entity))
        .any(|side| side == home);
    let named_group = recipients.iter().any(|r| !is_person(kb, &r.entity));
    if !foreign || home_acts || named_group {
        return;
    }
    recipients.retain(|r| r.articles.len() >= 2);
    recipients.push(names.entity(&home, support));
}

/// Whether the words of a clause before its trigger say it happened before ("avait déjà
/// été visé", "a déjà été attaqué à deux reprises").
fn already(before_trigger: &str) -> bool {
    crate::words::fold(before_trigger)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "deja")
}

/// How many days before the event's date a mention's own date makes it a recalled, earlier
/// event.
pub(crate) const RECALLED_DAYS: i64 = 31;

/// Heads of the names of courts and of police forces.
const COURT_HEADS: &[&str] = &["tribunal", "cour", "juridiction", "chambre"];
const POLICE_HEADS: &[&str] = &["police", "gendarmerie", "prefecture"];

/// The court (for a sanction) or the police (for an arrest) the most articles of the story
/// name: an ORG of that kind in the actors registry, or one whose name starts with the head
/// of such a name ("cour criminelle de X", "police de Y").
fn institution(documents: &[&Document], main: EventType, names: &Names<'_>) -> Vec<RecordEntity> {
    let (kinds, heads): (&[&str], &[&str]) = match main {
        EventType::Sanction => (&["court"], COURT_HEADS),
        _ => (&["police"], POLICE_HEADS),
    };
    let support = organisation_support(
        documents,
        |kind| kinds.contains(&kind),
        |doc, m| {
            let folded = crate::words::fold(&doc.text[m.span.start..m.span.end]);
            let head = folded.split([' ', '\'']).next().unwrap_or("");
            heads.contains(&head)
        },
    );
    let best = support.values().map(BTreeSet::len).max().unwrap_or(0);
    support
        .iter()
        .filter(|(_, arts)| arts.len() == best)
        .map(|(key, arts)| names.entity(key, arts))
        .collect()
}

/// The unions a protest's reports name, in more than half of them (and two at least): a
/// union of the actors registry, or an organisation whose name starts with the head of a
/// union's name and names workers, a trade or a union ("Union générale des travailleurs",
/// "Fédération nationale des transporteurs"); or one such a name's words describe as a
/// union ("le syndicat des fonctionnaires X"). The words: `event_organisers.tsv`.
fn organisers(documents: &[&Document], names: &Names<'_>) -> Vec<RecordEntity> {
    let unions = crate::lexicon::organisers();
    let support = organisation_support(
        documents,
        |kind| kind == "union",
        |doc, m| {
            let folded = crate::words::fold(&doc.text[m.span.start..m.span.end]);
            let mut words = folded.split([' ', '\'']);
            let head = words.next().unwrap_or("");
            let before = crate::words::fold(&doc.text[..m.span.start]);
            let described = before
                .trim_end()
                .rsplit(' ')
                .take(4)
                .any(|w| unions.describers.iter().any(|d| d == w));
            described
                || (unions.heads.iter().any(|h| h == head)
                    && words.any(|w| {
                        unions
                            .members
                            .iter()
                            .any(|stem| w.starts_with(stem.as_str()))
                    }))
        },
    );
    support
        .iter()
        .filter(|(_, arts)| arts.len() >= 2 && 2 * arts.len() > documents.len())
        .map(|(key, arts)| names.entity(key, arts))
        .collect()
}

/// The organisations the reports name, each with the articles naming it, that are of a kind
/// `registered_kind` accepts in the actors registry or, unregistered, that `named` accepts by
/// their words.
fn organisation_support<'d>(
    documents: &[&'d Document],
    registered_kind: impl Fn(&str) -> bool,
    named: impl Fn(&Document, &recoupe_model::EntityMention) -> bool,
) -> BTreeMap<&'d str, BTreeSet<String>> {
    let kb = Reference::embedded();
    let mut support: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for doc in documents {
        for m in &doc.layers.entities {
            if m.label != recoupe_model::EntityType::ORG {
                continue;
            }
            let registered = m
                .entity
                .strip_prefix("actors:")
                .and_then(|id| kb.actor(id))
                .map(|a| registered_kind(a.kind.as_str()));
            if registered.unwrap_or_else(|| named(doc, m)) {
                support
                    .entry(m.entity.as_str())
                    .or_default()
                    .insert(article_id(doc));
            }
        }
    }
    support
}

/// The ministry a protest addresses: one the articles name by its body ("le ministère des
/// Transports") — not one that polices protests — in more than half of them, by its body or
/// by its head's title ("le ministre des Transports"); the most named when several are. A
/// ministry named in a side remark of one report of two is not what the protest is about.
fn addressed_ministry(documents: &[&Document], names: &Names<'_>) -> Vec<RecordEntity> {
    let data = crate::lexicon::addressees();
    // key → (its portfolio with the preposition, "des transports"; the articles naming it)
    let mut found: BTreeMap<&str, (String, BTreeSet<String>)> = BTreeMap::new();
    for doc in documents {
        for m in &doc.layers.entities {
            if m.label != recoupe_model::EntityType::ORG {
                continue;
            }
            let folded = crate::words::fold(&doc.text[m.span.start..m.span.end]);
            let Some(rest) = data
                .bodies
                .iter()
                .find_map(|b| folded.strip_prefix(b.as_str())?.strip_prefix(' '))
            else {
                continue;
            };
            let Some(portfolio) = ["de la ", "de l'", "des ", "du ", "de ", "d'"]
                .iter()
                .find_map(|p| rest.strip_prefix(p))
            else {
                continue; // "le ministère public" is the prosecution
            };
            if data
                .policing
                .iter()
                .any(|p| portfolio.starts_with(p.as_str()))
            {
                continue;
            }
            found
                .entry(m.entity.as_str())
                .or_insert_with(|| (rest.to_string(), BTreeSet::new()))
                .1
                .insert(article_id(doc));
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    let texts: Vec<String> = documents
        .iter()
        .map(|d| crate::words::fold(&d.text))
        .collect();
    for (rest, articles) in found.values_mut() {
        for (doc, text) in documents.iter().zip(&texts) {
            if data
                .heads
                .iter()
                .any(|h| text.contains(&format!("{h} {rest}")))
            {
                articles.insert(article_id(doc));
            }
        }
    }
    let best = found.values().map(|(_, a)| a.len()).max().unwrap_or(0);
    if 2 * best <= documents.len() {
        return Vec::new();
    }
    found
        .iter()
        .filter(|(_, (_, arts))| arts.len() == best)
        .map(|(key, (_, arts))| names.entity(key, arts))
        .collect()
}

/// Actors of the responsibility list whose part is disputed: some source denies it, or it
/// holds responsible one that holds it responsible.
fn disputed_actors(responsibility: &[Responsibility]) -> BTreeSet<String> {
    let blames = |by: &str, actor: &str| {
        responsibility
            .iter()
            .any(|r| r.actor.entity == actor && r.claimed_by.iter().any(|c| c.entity == by))
    };
    responsibility
        .iter()
        .filter(|r| {
            !r.denied_by.is_empty()
                || r.claimed_by
                    .iter()
                    .any(|c| c.entity != r.actor.entity && blames(&r.actor.entity, &c.entity))
        })
        .map(|r| r.actor.entity.clone())
        .collect()
}

/// The country a state body of the actors registry stands for (`country:RU` for the Russian
/// army), if `key` is one.
fn state_side(kb: &Reference, key: &str) -> Option<String> {
    let actor = kb.actor(key.strip_prefix("actors:")?)?;
    let country = actor.country.as_ref()?;
    recoupe_kb::STATE_KINDS
        .contains(&actor.kind.as_str())
        .then(|| format!("country:{country}"))
}

/// The first day a date value covers (`2024-03` → 1 March).
fn first_day(value: &str) -> Option<chrono::NaiveDate> {
    let start = value.split('/').next().unwrap_or(value);
    match start.len() {
        10 => chrono::NaiveDate::parse_from_str(start, "%Y-%m-%d").ok(),
        7 => chrono::NaiveDate::parse_from_str(&format!("{start}-01"), "%Y-%m-%d").ok(),
        _ => chrono::NaiveDate::parse_from_str(&format!("{start}-01-01"), "%Y-%m-%d").ok(),
    }
}

/// The last day a date value covers (`2024-03` → 31 March, `2021` → 31 December, an
/// interval's end).
pub(crate) fn last_day(value: &str) -> Option<chrono::NaiveDate> {
    let end = value.rsplit('/').next().unwrap_or(value);
    match end.len() {
        10 => chrono::NaiveDate::parse_from_str(end, "%Y-%m-%d").ok(),
        7 => {
            let first = chrono::NaiveDate::parse_from_str(&format!("{end}-01"), "%Y-%m-%d").ok()?;
            let next = first.checked_add_months(chrono::Months::new(1))?;
            next.pred_opt()
        }
        4 => chrono::NaiveDate::parse_from_str(&format!("{end}-12-31"), "%Y-%m-%d").ok(),
        _ => None,
    }
}

/// How closely a value dates an event: a day 3, a night or a few days 2, a week, a month or
/// a longer interval 1, a year 0.
fn date_specificity(value: &str) -> u8 {
    match granularity_of(value) {
        Granularity::Day => 3,
        Granularity::Interval => {
            let days = value.split_once('/').and_then(|(a, b)| {
                let parse = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
                Some((parse(b)? - parse(a)?).num_days())
            });
            if days.is_some_and(|d| (0..=3).contains(&d)) {
                2
            } else {
                1
            }
        }
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

/// How precisely a place of the places layer locates an event: a facility of the actors
/// registry ("centrale nucléaire de X") is a site, an area with a country a region.
fn place_precision(place: &recoupe_model::Place) -> GeoPrecision {
    let facility = place
        .kb
        .as_ref()
        .filter(|l| l.kb == recoupe_kb::KB_ACTORS)
        .and_then(|l| Reference::embedded().actor(&l.id))
        .is_some_and(|a| a.kind == "facility");
    match place.kind {
        _ if facility => GeoPrecision::Town,
        PlaceKind::Area if place.country.is_some() => GeoPrecision::Region,
        kind => GeoPrecision::of(kind),
    }
}

/// Places that name the same spot or one inside the other, as far as coordinates tell (a
/// subdivision is located at its capital).
const SAME_SPOT_KM: f64 = 60.0;

/// A place more precise than the country, the only one the reports give in that country
/// (or all others near it), needs at least a third of the best place's support: the reports
/// name the country in every paragraph but the town where it happened once or twice, in the
/// lead. With other precise places apart from it (a vote counted canton by canton) it needs
/// half.
const PRECISE_SHARE: f64 = 3.0;

fn choose_place(
    documents: &[&Document],
    main: &[(usize, &Event)],
    evidence: &mut Vec<String>,
) -> Option<RecordPlace> {
    // Support of each place, per article: the weight of the main event's clauses that give
    // it (headline 3, lead 2, body 1), or 1 when the article names it in its headline or
    // lead; summed over the articles.
    let mut support: BTreeMap<String, BTreeMap<usize, f64>> = BTreeMap::new();
    for (k, e) in main {
        if let Some(p) = &e.place {
            let w = position_weight(documents[*k], e);
            let slot = support.entry(p.clone()).or_default().entry(*k).or_default();
            *slot = slot.max(w);
        }
    }
    // A place that speaks in the reports ("Kiev dément", "selon Moscou") stands for its
    // government there: naming it in the lead says who talks, not where it happened.
    let speakers: BTreeSet<&str> = documents
        .iter()
        .flat_map(|d| {
            d.layers
                .attributions
                .iter()
                .filter_map(|a| a.speaker_entity.as_deref())
                .chain(d.layers.events.iter().filter_map(|e| e.source.as_deref()))
        })
        .collect();
    for (k, doc) in documents.iter().enumerate() {
        let lead_end = doc
            .layers
            .sentences
            .get(2)
            .map_or(doc.text.len(), |s| s.span.end);
        for p in &doc.layers.places {
            if p.span.start < lead_end
                && !speakers.contains(p.entity.as_str())
                && !in_dateline(doc, p.span)
                && !is_participant(doc, p.span)
            {
                let w = if is_capital(p) { 0.5 } else { 1.0 };
                let slot = support
                    .entry(p.entity.clone())
                    .or_default()
                    .entry(k)
                    .or_default();
                *slot = slot.max(w);
            }
        }
    }
    // A place the gazetteer does not know still locates the event when the places layer
    // gives its country (a village, a site: "gare de X"); a wider area without one does not.
    let place_of = |key: &str| {
        documents
            .iter()
            .flat_map(|d| d.layers.places.iter())
            .filter(|p| p.entity == key)
            .find(|p| p.kb.is_some() || (p.country.is_some() && p.kind != PlaceKind::Area))
    };
    let candidates: Vec<(&recoupe_model::Place, f64, usize)> = support
        .iter()
        .filter_map(|(key, arts)| {
            place_of(key).map(|p| (p, arts.values().sum::<f64>(), arts.len()))
        })
        .collect();
    if candidates.is_empty() {
        return None;
    }
    // The country: most support, a named country before a wider area with none; on a tie
    // the one with the more precise place.
    let mut by_country: BTreeMap<Option<&str>, (f64, std::cmp::Reverse<GeoPrecision>)> =
        BTreeMap::new();
    for (p, score, _) in &candidates {
        let slot = by_country
            .entry(p.country.as_deref())
            .or_insert((0.0, std::cmp::Reverse(GeoPrecision::Country)));
        slot.0 += score;
        slot.1 = slot.1.max(std::cmp::Reverse(place_precision(p)));
    }
    let single = by_country.len() == 1;
    let (&country, _) = by_country.iter().max_by(|a, b| {
        (a.0.is_some() || single)
            .cmp(&(b.0.is_some() || single))
            .then_with(|| {
                a.1 .0
                    .partial_cmp(&b.1 .0)
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
            .then_with(|| a.1 .1.cmp(&b.1 .1))
    })?;
    let in_country: Vec<&(&recoupe_model::Place, f64, usize)> = candidates
        .iter()
        .filter(|(p, _, _)| p.country.as_deref() == country)
        .collect();
    let top = in_country
        .iter()
        .map(|(_, s, _)| *s)
        .fold(0.0_f64, f64::max);
    let related = |a: &recoupe_model::Place, b: &recoupe_model::Place| {
        a.entity == b.entity
            || matches!((a.lat, a.lon, b.lat, b.lon), (Some(w), Some(x), Some(y), Some(z))
                if recoupe_model::haversine_km(w, x, y, z) <= SAME_SPOT_KM)
    };
    // A place more precise than the country is the event's when the articles support it at
    // least a third (half, with others apart from it) as well as the best place and better than any other precise place away from
    // it (rivers and areas run through places and compete with none; a site with no
    // coordinates may lie inside a region): a vote counted canton by canton stays national,
    // a massacre in one village does not.
    let precise_elsewhere = |c: &(&recoupe_model::Place, f64, usize)| {
        in_country.iter().any(|d| {
            !std::ptr::eq(d.0, c.0)
                && place_precision(d.0) != GeoPrecision::Country
                && !matches!(d.0.kind, PlaceKind::River | PlaceKind::Area)
                && !related(c.0, d.0)
        })
    };
    let qualifies = |c: &(&recoupe_model::Place, f64, usize)| {
        let level = place_precision(c.0);
        let share = if precise_elsewhere(c) {
            2.0
        } else {
            PRECISE_SHARE
        };
        share * c.1 >= top
            && in_country.iter().all(|d| {
                std::ptr::eq(d.0, c.0)
                    || place_precision(d.0) == GeoPrecision::Country
                    || matches!(d.0.kind, PlaceKind::River | PlaceKind::Area)
                    || (level == GeoPrecision::Region
                        && place_precision(d.0) == GeoPrecision::Town
                        && d.0.lat.is_none())
                    || related(c.0, d.0)
                    || c.1 > d.1
            })
    };
    let by_support = |a: &&&(&recoupe_model::Place, f64, usize),
                      b: &&&(&recoupe_model::Place, f64, usize)| {
        a.1.partial_cmp(&b.1)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| b.0.entity.cmp(&a.0.entity))
    };
    let chosen = [GeoPrecision::Town, GeoPrecision::Region]
        .into_iter()
        .find_map(|level| {
            in_country
                .iter()
                .filter(|c| place_precision(c.0) == level && qualifies(c))
                .max_by(by_support)
        })
        .or_else(|| {
            in_country
                .iter()
                .filter(|c| place_precision(c.0) == GeoPrecision::Country)
                .max_by(by_support)
        })
        .or_else(|| in_country.iter().max_by(by_support))?;
    let (place, _, _) = **chosen;
    let arts: BTreeSet<usize> = support
        .get(&place.entity)
        .map(|a| a.keys().copied().collect())
        .unwrap_or_default();
    evidence.push(format!(
        "place {} ({:.1}) among {}",
        place.name,
        chosen.1,
        candidates
            .iter()
            .map(|(p, s, _)| format!("{} {s:.1}", p.name))
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
        precision: place_precision(place),
        admin1,
        articles: arts.iter().map(|k| article_id(documents[*k])).collect(),
    })
}

/// A place that opens an agency dateline ("BELGRADE, 23 novembre (AIB) - …", "Lyon, 3 mars
/// (APF) - …") says where the report was filed, not where the event happened: the city in
/// capitals, or followed by a date or an agency in parentheses, at the start of a body
/// sentence whose first words end with a dash.
fn in_dateline(doc: &Document, span: Span) -> bool {
    let Some(sentence) = doc
        .layers
        .sentences
        .iter()
        .find(|s| s.span.start <= span.start && span.end <= s.span.end)
    else {
        return false;
    };
    if sentence.headline || span.start > sentence.span.start + 2 {
        return false;
    }
    let text = &doc.text[sentence.span.start..sentence.span.end];
    let head_end = text
        .char_indices()
        .take_while(|(i, _)| *i < 120)
        .find(|&(i, c)| {
            matches!(c, '-' | '–' | '—')
                && text[..i].ends_with(' ')
                && text[i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, _)| i);
    let Some(head_end) = head_end else {
        return false;
    };
    let name = &doc.text[span.start..span.end];
    let after = doc.text[span.end..sentence.span.start + head_end].trim_start_matches([',', ' ']);
    let capitals = name.chars().any(char::is_alphabetic)
        && !name.chars().any(|c| c.is_alphabetic() && c.is_lowercase());
    capitals || after.starts_with(|c: char| c.is_ascii_digit()) || after.starts_with('(')
}

/// The capital of its country: named in a lead, it is as often where the government, the
/// army staff or the agency speaks from ("a annoncé à Bamako l'état-major") as where the
/// event happened; named there, it counts half as much as another place.
fn is_capital(place: &recoupe_model::Place) -> bool {
    if place.kind != PlaceKind::City {
        return false;
    }
    let Some(country) = place
        .country
        .as_deref()
        .and_then(|iso| Reference::embedded().country(iso))
    else {
        return false;
    };
    crate::words::fold(&place.name) == crate::words::fold(&country.capital)
        && matches!((place.lat, place.lon, country.lat, country.lon),
            (Some(a), Some(b), Some(c), Some(d))
                if recoupe_model::haversine_km(a, b, c, d) <= CAPITAL_KM)
}

/// How near the country's point (its capital's coordinates) a city is that capital.
const CAPITAL_KM: f64 = 15.0;

/// A place named as a participant of an event ("Belgrade envoie des soldats", "Pristina
/// accuse Belgrade"): the capital stands for its government there, it does not say where.
fn is_participant(doc: &Document, span: Span) -> bool {
    doc.layers.events.iter().any(|e| {
        e.actors
            .iter()
            .chain(&e.recipients)
            .any(|a| a.span.start <= span.start && span.end <= a.span.end)
    })
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
                    // Only a cue of its own ("X a revendiqué") makes an actor its claimant.
                    for a in e.actors.iter().filter(|a| &a.entity != source) {
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
