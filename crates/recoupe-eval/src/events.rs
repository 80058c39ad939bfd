//! Event records scored against `events.jsonl` (the last section of the shared corpus's
//! FORMAT.md): one gold record per story, compared with the system's record of the story.
//!
//! Which documents make a system story: until the stories layer is part of the pipeline the
//! evaluation runs in the **gold-membership development mode** ([`StoryGrouping::GoldMembership`]):
//! each gold story's record is computed from exactly the articles `stories.jsonl` lists for
//! it, so the scores measure the event layer alone. With system stories
//! ([`StoryGrouping::System`]) each gold story is scored on the system story most of its
//! articles fall in.
//!
//! Per story: type equal; modes, actors, recipients as sets (system entity keys mapped to gold
//! ids through exact-span mentions, in the story's articles first, else in the corpus),
//! micro-averaged P/R/F1; place right when the mapped id is the gold place or the system
//! point lies within 25 km of it; date equal (`null` ↔ none); fatalities right when both are
//! absent, or when the system's toll holds most of the gold fact's located reports and more of
//! them than of any other gold fact's; responsibility P/R/F1 over (actor, who, claims|denies)
//! triples. The trivial baseline "always ASSAULT" is scored on the same stories.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use recoupe_events::{story_event, EventRecord, StoryFact};
use recoupe_model::{Document, EventType, Span};
use serde::{Deserialize, Serialize};

use crate::corpus::{EvalError, Gold};
use crate::evaluate::{Mismatch, PLACE_TOLERANCE_KM};
use crate::locate::locate_gold;
use crate::metrics::{haversine_km, Accuracy, Counts, Prf};

/// The gold of `events.jsonl` with the story membership and facts of `stories.jsonl`.
#[derive(Debug, Clone, PartialEq)]
pub struct EventGold {
    pub stories: Vec<GoldStory>,
}

/// One gold story: its articles, its event and its facts' reports.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldStory {
    pub story: String,
    pub articles: Vec<String>,
    pub event: GoldEvent,
    /// Every report of every fact: (fact id, article id, index in the article's quantities).
    pub fact_reports: Vec<(String, String, usize)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldEvent {
    #[serde(rename = "type")]
    pub event_type: EventType,
    #[serde(default)]
    pub modes: Vec<String>,
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub recipients: Vec<String>,
    pub place: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    pub date: Option<String>,
    pub fatalities_fact: Option<String>,
    #[serde(default)]
    pub responsibility: Vec<GoldResponsibility>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldResponsibility {
    pub actor: String,
    #[serde(default)]
    pub claimed_by: Vec<String>,
    #[serde(default)]
    pub denied_by: Vec<String>,
}

#[derive(Deserialize)]
struct EventLine {
    story: String,
    event: GoldEvent,
}

#[derive(Deserialize)]
struct StoryLine {
    story: String,
    articles: Vec<String>,
    #[serde(default)]
    facts: Vec<FactLine>,
}

#[derive(Deserialize)]
struct FactLine {
    fact: String,
    reports: Vec<ReportLine>,
}

#[derive(Deserialize)]
struct ReportLine {
    article: String,
    q: usize,
}

/// Reads `dir/events.jsonl` (and the membership and facts of `dir/stories.jsonl`), or
/// `None` when the corpus has no event gold.
pub fn load_event_gold(dir: &Path) -> Result<Option<EventGold>, EvalError> {
    let events_path = dir.join("events.jsonl");
    if !events_path.is_file() {
        return Ok(None);
    }
    let stories_path = dir.join("stories.jsonl");
    if !stories_path.is_file() {
        return Err(EvalError::MissingFile {
            dir: dir.to_path_buf(),
            name: "stories.jsonl",
        });
    }
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|source| EvalError::Io {
            path: path.to_path_buf(),
            source,
        })
    };
    let mut stories: HashMap<String, StoryLine> = HashMap::new();
    for (k, line) in read(&stories_path)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: StoryLine = serde_json::from_str(line).map_err(|e| EvalError::Record {
            path: stories_path.clone(),
            line: k + 1,
            message: e.to_string(),
        })?;
        stories.insert(record.story.clone(), record);
    }
    let mut out = Vec::new();
    for (k, line) in read(&events_path)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |message: String| EvalError::Record {
            path: events_path.clone(),
            line: k + 1,
            message,
        };
        let record: EventLine = serde_json::from_str(line).map_err(|e| at(e.to_string()))?;
        let story = stories
            .get(&record.story)
            .ok_or_else(|| at(format!("story `{}` is not in stories.jsonl", record.story)))?;
        out.push(GoldStory {
            story: record.story.clone(),
            articles: story.articles.clone(),
            event: record.event,
            fact_reports: story
                .facts
                .iter()
                .flat_map(|f| {
                    f.reports
                        .iter()
                        .map(move |r| (f.fact.clone(), r.article.clone(), r.q))
                })
                .collect(),
        });
    }
    Ok(Some(EventGold { stories: out }))
}

/// Which documents make the system story a gold story is scored on.
#[derive(Debug, Clone, PartialEq)]
pub enum StoryGrouping {
    /// Development mode: the gold membership of `stories.jsonl` (the stories layer is not
    /// measured; the event layer is, on the right articles).
    GoldMembership,
    /// The system's stories with their facts.
    System(Vec<SystemStory>),
}

/// A system story as the event scoring needs it: corpus ids of its articles and its facts.
#[derive(Debug, Clone, PartialEq)]
pub struct SystemStory {
    pub articles: Vec<String>,
    /// (fact id, reports as (article id, span)).
    pub facts: Vec<(String, Vec<(String, Span)>)>,
    /// The event record the layer stored for the story (a store computes it as it writes
    /// the story; its fact ids are `<story id>/<fact key>`); `None`: the scoring computes
    /// it from the articles and `facts`.
    pub record: Option<Option<EventRecord>>,
}

impl SystemStory {
    /// The stories layer's story, its articles named by their corpus ids.
    pub fn from_story(story: &recoupe_stories::Story) -> SystemStory {
        let label_of: HashMap<&recoupe_model::DocId, &String> =
            story.articles.iter().zip(&story.labels).collect();
        SystemStory {
            articles: story.labels.clone(),
            facts: story
                .facts
                .iter()
                .map(|f| {
                    (
                        f.key.clone(),
                        f.reports
                            .iter()
                            .filter_map(|r| label_of.get(&r.doc).map(|l| ((*l).clone(), r.span)))
                            .collect(),
                    )
                })
                .collect(),
            record: None,
        }
    }

    /// The story with the event record a store computed for it: fact ids as the store
    /// names them (`<story id>/<fact key>`), so that the record's fatalities fact is one
    /// of them.
    pub fn stored(story: &recoupe_stories::Story, record: Option<EventRecord>) -> SystemStory {
        let mut out = SystemStory::from_story(story);
        for (id, _) in &mut out.facts {
            *id = format!("{}/{id}", story.id);
        }
        out.record = Some(record);
        out
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventScores {
    /// `gold_membership` (development mode) or `system_stories`.
    pub grouping: String,
    /// Gold stories scored; those with no system record count as wrong everywhere.
    pub stories: usize,
    pub without_record: usize,
    #[serde(rename = "type")]
    pub type_accuracy: Accuracy,
    pub modes: Prf,
    pub actors: Prf,
    pub recipients: Prf,
    pub place: Accuracy,
    pub date: Accuracy,
    pub fatalities: Accuracy,
    pub responsibility: Prf,
    /// The trivial baseline on the same stories: every story an ASSAULT.
    pub baseline_always_assault: Accuracy,
}

/// System entity keys → gold ids, by exact-span mentions.
#[derive(Default)]
struct Votes(HashMap<String, HashMap<String, usize>>);

impl Votes {
    fn vote(&mut self, key: &str, id: &str) {
        *self
            .0
            .entry(key.to_string())
            .or_default()
            .entry(id.to_string())
            .or_default() += 1;
    }
    fn resolve(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| {
            v.iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(id, _)| id.as_str())
        })
    }
}

fn vote_document(doc: &Document, gold: &Gold, votes: &mut Votes) {
    let located = locate_gold(&doc.text, gold);
    let mut by_span: HashMap<Span, &str> = HashMap::new();
    for m in &doc.layers.entities {
        by_span.entry(m.span).or_insert(m.entity.as_str());
    }
    for (entity, span) in gold.entities.iter().zip(&located.entities) {
        if let Ok(span) = span {
            if let Some(key) = by_span.get(span) {
                votes.vote(key, &entity.id);
            }
        }
    }
}

/// Scores the event records of the gold stories; returns the scores and, when asked, one
/// mismatch per wrong field (article = story id).
pub fn score_events(
    gold: &EventGold,
    corpus_gold: &HashMap<String, Gold>,
    documents: &HashMap<&str, &Document>,
    grouping: &StoryGrouping,
    mismatches: bool,
) -> (EventScores, Vec<Mismatch>) {
    let mut global = Votes::default();
    for (id, doc) in documents {
        if let Some(g) = corpus_gold.get(*id) {
            vote_document(doc, g, &mut global);
        }
    }
    let mut out = Vec::new();
    let mut type_right = 0;
    let mut assault_right = 0;
    let (mut modes, mut actors, mut recipients, mut resp) = (
        Counts::default(),
        Counts::default(),
        Counts::default(),
        Counts::default(),
    );
    let (mut place_right, mut date_right, mut fatal_right) = (0, 0, 0);
    let mut without_record = 0;
    for story in &gold.stories {
        let system: Option<&SystemStory> = match grouping {
            StoryGrouping::GoldMembership => None,
            StoryGrouping::System(stories) => stories
                .iter()
                .max_by_key(|s| {
                    s.articles
                        .iter()
                        .filter(|a| story.articles.contains(a))
                        .count()
                })
                .filter(|s| s.articles.iter().any(|a| story.articles.contains(a))),
        };
        let members: Vec<String> = match (grouping, system) {
            (StoryGrouping::GoldMembership, _) => story.articles.clone(),
            (_, Some(s)) => s.articles.clone(),
            (_, None) => Vec::new(),
        };
        let docs: Vec<&Document> = members
            .iter()
            .filter_map(|a| documents.get(a.as_str()).copied())
            .collect();
        // The story's facts, their reports placed in `docs`.
        let facts: Vec<StoryFact> = system
            .map(|s| {
                s.facts
                    .iter()
                    .map(|(id, reports)| StoryFact {
                        id: id.clone(),
                        reports: reports
                            .iter()
                            .filter_map(|(a, span)| {
                                let k = docs
                                    .iter()
                                    .position(|d| d.meta.external_id.as_deref() == Some(a))?;
                                Some((k, *span))
                            })
                            .collect(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut local = Votes::default();
        for doc in &docs {
            if let Some(g) = doc
                .meta
                .external_id
                .as_deref()
                .and_then(|id| corpus_gold.get(id))
            {
                vote_document(doc, g, &mut local);
            }
        }
        let map = |key: &str| -> String {
            local
                .resolve(key)
                .or_else(|| global.resolve(key))
                .unwrap_or(key)
                .to_string()
        };
        let g = &story.event;
        if g.event_type == EventType::Assault {
            assault_right += 1;
        }
        let record = match system.and_then(|s| s.record.clone()) {
            Some(stored) => stored,
            None => story_event(&docs, &facts),
        };
        let mut miss = |problem: &str, expected: String, got: String| {
            if mismatches {
                out.push(Mismatch {
                    article: story.story.clone(),
                    layer: "events".into(),
                    problem: problem.into(),
                    at: 0,
                    text: g
                        .what
                        .chars()
                        .take(crate::evaluate::MISMATCH_TEXT_CHARS)
                        .collect(),
                    expected: Some(expected),
                    got: Some(got),
                });
            }
        };
        let Some(record) = record else {
            without_record += 1;
            modes.add(set_counts(
                &BTreeSet::new(),
                &g.modes.iter().cloned().collect(),
            ));
            actors.add(set_counts(
                &BTreeSet::new(),
                &g.actors.iter().cloned().collect(),
            ));
            recipients.add(set_counts(
                &BTreeSet::new(),
                &g.recipients.iter().cloned().collect(),
            ));
            resp.add(set_counts(&BTreeSet::new(), &gold_triples(g)));
            miss("type", g.event_type.to_string(), "no record".into());
            continue;
        };
        if record.event_type == g.event_type {
            type_right += 1;
        } else {
            miss(
                "type",
                g.event_type.to_string(),
                record.event_type.to_string(),
            );
        }
        let sys_modes: BTreeSet<String> = record.modes.iter().cloned().collect();
        let gold_modes: BTreeSet<String> = g.modes.iter().cloned().collect();
        let c = set_counts(&sys_modes, &gold_modes);
        if c.fp + c.fn_ > 0 {
            miss("modes", join(&gold_modes), join(&sys_modes));
        }
        modes.add(c);
        for (name, sys, gold_list, counts) in [
            ("actors", &record.actors, &g.actors, &mut actors),
            (
                "recipients",
                &record.recipients,
                &g.recipients,
                &mut recipients,
            ),
        ] {
            let sys: BTreeSet<String> = sys.iter().map(|e| map(&e.entity)).collect();
            let gold_set: BTreeSet<String> = gold_list.iter().cloned().collect();
            let c = set_counts(&sys, &gold_set);
            if c.fp + c.fn_ > 0 {
                miss(name, join(&gold_set), join(&sys));
            }
            counts.add(c);
        }
        // Place.
        let gold_point = g.place.as_ref().and_then(|id| {
            story.articles.iter().find_map(|a| {
                corpus_gold
                    .get(a)
                    .and_then(|gd| gd.places.iter().find(|p| &p.id == id))
                    .and_then(|p| Some((p.lat?, p.lon?)))
            })
        });
        let place_ok = match (&g.place, &record.place) {
            (None, None) => true,
            (Some(id), Some(p)) => {
                map(&p.entity) == *id
                    || matches!((gold_point, p.lat, p.lon), (Some((glat, glon)), Some(lat), Some(lon))
                        if haversine_km(glat, glon, lat, lon) <= PLACE_TOLERANCE_KM)
            }
            _ => false,
        };
        if place_ok {
            place_right += 1;
        } else {
            miss(
                "place",
                g.place.clone().unwrap_or_else(|| "none".into()),
                record.place.as_ref().map_or("none".into(), |p| {
                    format!("{} = {}", p.entity, map(&p.entity))
                }),
            );
        }
        // Date.
        let sys_date = record.date.as_ref().map(|d| d.value.clone());
        if sys_date == g.date {
            date_right += 1;
        } else {
            miss(
                "date",
                g.date.clone().unwrap_or_else(|| "null".into()),
                sys_date.unwrap_or_else(|| "null".into()),
            );
        }
        // Fatalities.
        let (ok, detail) = match system {
            Some(s) => fatalities_fact_right(story, &record, s, documents, corpus_gold),
            None => fatalities_right(story, &record, documents, corpus_gold),
        };
        if ok {
            fatal_right += 1;
        } else {
            miss(
                "fatalities",
                g.fatalities_fact.clone().unwrap_or_else(|| "null".into()),
                detail,
            );
        }
        // Responsibility.
        let mut sys_triples = BTreeSet::new();
        for r in &record.responsibility {
            let actor = map(&r.actor.entity);
            for c in &r.claimed_by {
                sys_triples.insert(format!("{actor} ← {} claims", map(&c.entity)));
            }
            for c in &r.denied_by {
                sys_triples.insert(format!("{actor} ← {} denies", map(&c.entity)));
            }
        }
        let gold_set = gold_triples(g);
        let c = set_counts(&sys_triples, &gold_set);
        if c.fp + c.fn_ > 0 {
            miss("responsibility", join(&gold_set), join(&sys_triples));
        }
        resp.add(c);
    }
    let n = gold.stories.len();
    (
        EventScores {
            grouping: match grouping {
                StoryGrouping::GoldMembership => "gold_membership".into(),
                StoryGrouping::System(_) => "system_stories".into(),
            },
            stories: n,
            without_record,
            type_accuracy: Accuracy::new(type_right, n),
            modes: modes.prf(),
            actors: actors.prf(),
            recipients: recipients.prf(),
            place: Accuracy::new(place_right, n),
            date: Accuracy::new(date_right, n),
            fatalities: Accuracy::new(fatal_right, n),
            responsibility: resp.prf(),
            baseline_always_assault: Accuracy::new(assault_right, n),
        },
        out,
    )
}

fn join(set: &BTreeSet<String>) -> String {
    if set.is_empty() {
        "∅".into()
    } else {
        set.iter().cloned().collect::<Vec<_>>().join(", ")
    }
}

fn gold_triples(g: &GoldEvent) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for r in &g.responsibility {
        for c in &r.claimed_by {
            out.insert(format!("{} ← {c} claims", r.actor));
        }
        for c in &r.denied_by {
            out.insert(format!("{} ← {c} denies", r.actor));
        }
    }
    out
}

fn set_counts(system: &BTreeSet<String>, gold: &BTreeSet<String>) -> Counts {
    let tp = system.intersection(gold).count();
    Counts {
        tp,
        fp: system.len() - tp,
        fn_: gold.len() - tp,
    }
}

/// Located spans of every gold fact report of the story, by fact.
fn located_reports<'g>(
    story: &'g GoldStory,
    documents: &HashMap<&str, &Document>,
    corpus_gold: &HashMap<String, Gold>,
) -> BTreeMap<&'g str, Vec<(&'g str, Span)>> {
    let mut located: BTreeMap<&str, Vec<(&str, Span)>> = BTreeMap::new();
    let mut cache: HashMap<&str, Vec<Option<Span>>> = HashMap::new();
    for (f, article, q) in &story.fact_reports {
        let (Some(doc), Some(g)) = (documents.get(article.as_str()), corpus_gold.get(article))
        else {
            continue;
        };
        let spans = cache.entry(article.as_str()).or_insert_with(|| {
            locate_gold(&doc.text, g)
                .quantities
                .iter()
                .map(|r| r.as_ref().ok().copied())
                .collect()
        });
        if let Some(Some(span)) = spans.get(*q) {
            located
                .entry(f.as_str())
                .or_default()
                .push((article.as_str(), *span));
        }
    }
    located
}

/// With system facts: right when the record names the system fact that most of the gold
/// fatalities fact's reports fall in (FORMAT.md), or both say none.
fn fatalities_fact_right(
    story: &GoldStory,
    record: &EventRecord,
    system: &SystemStory,
    documents: &HashMap<&str, &Document>,
    corpus_gold: &HashMap<String, Gold>,
) -> (bool, String) {
    let got = record.fatalities.as_ref().and_then(|f| f.fact.clone());
    let Some(fact) = &story.event.fatalities_fact else {
        return (got.is_none(), got.unwrap_or_else(|| "none".into()));
    };
    let located = located_reports(story, documents, corpus_gold);
    let gold_reports = located.get(fact.as_str()).cloned().unwrap_or_default();
    let best = system
        .facts
        .iter()
        .map(|(id, reports)| {
            let n = gold_reports
                .iter()
                .filter(|(a, s)| {
                    reports
                        .iter()
                        .any(|(b, r)| b == a && r.start < s.end && s.start < r.end)
                })
                .count();
            (id, n)
        })
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(id, n)| (*n, std::cmp::Reverse((*id).clone())))
        .map(|(id, _)| id.clone());
    (
        best.is_some() && got == best,
        format!(
            "{} (the system fact holding most gold reports: {})",
            got.unwrap_or_else(|| "none".into()),
            best.unwrap_or_else(|| "none".into())
        ),
    )
}

/// Whether the record's toll is the gold fatalities fact (see the module docs).
fn fatalities_right(
    story: &GoldStory,
    record: &EventRecord,
    documents: &HashMap<&str, &Document>,
    corpus_gold: &HashMap<String, Gold>,
) -> (bool, String) {
    let Some(fact) = &story.event.fatalities_fact else {
        return (
            record.fatalities.is_none(),
            record
                .fatalities
                .as_ref()
                .map_or("none".into(), |f| format!("{} report(s)", f.reports.len())),
        );
    };
    let Some(sys) = &record.fatalities else {
        return (false, "none".into());
    };
    // Located spans of every gold fact report of the story, by fact.
    let mut located: BTreeMap<&str, Vec<(&str, Span)>> = BTreeMap::new();
    let mut cache: HashMap<&str, Vec<Option<Span>>> = HashMap::new();
    for (f, article, q) in &story.fact_reports {
        let (Some(doc), Some(g)) = (documents.get(article.as_str()), corpus_gold.get(article))
        else {
            continue;
        };
        let spans = cache.entry(article.as_str()).or_insert_with(|| {
            locate_gold(&doc.text, g)
                .quantities
                .iter()
                .map(|r| r.as_ref().ok().copied())
                .collect()
        });
        if let Some(Some(span)) = spans.get(*q) {
            located
                .entry(f.as_str())
                .or_default()
                .push((article.as_str(), *span));
        }
    }
    let overlaps = |article: &str, span: Span| {
        sys.reports
            .iter()
            .any(|r| r.article == article && r.span.start < span.end && span.start < r.span.end)
    };
    let gold_reports = located.get(fact.as_str()).cloned().unwrap_or_default();
    let held = gold_reports.iter().filter(|(a, s)| overlaps(a, *s)).count();
    let best_other = located
        .iter()
        .filter(|(f, _)| **f != fact.as_str())
        .map(|(_, reports)| reports.iter().filter(|(a, s)| overlaps(a, *s)).count())
        .max()
        .unwrap_or(0);
    (
        2 * held > gold_reports.len() && held > best_other,
        format!(
            "{} report(s), holding {held} of {} gold report(s), {best_other} of another fact's",
            sys.reports.len(),
            gold_reports.len()
        ),
    )
}
