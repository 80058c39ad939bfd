//! A story as a reader sees it, shared by `recoupe story` and the workbench's story page
//! and API: the articles named by their labels, the groups of articles that copy one
//! another, each fact as a table value → sources → outlets with the values that disagree
//! marked, and the statements of each speaker.
//!
//! The store returns the story as `recoupe-stories` built it ([`StoryDetail`]); what is
//! here turns it into rows. Nothing is recomputed: sources, independent counts and
//! disagreements are the layer's.

use std::collections::{BTreeMap, BTreeSet};

use recoupe_model::{DocId, Qualifier, QuantityValue, Span};
use recoupe_store::{Browse, Fact, StoryDetail};
use serde::Serialize;

use crate::AppError;

/// A number as a reader writes it: integers without a fraction.
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// A quantity's value: `12`, `10–15`.
pub fn format_value(v: &QuantityValue) -> String {
    match v {
        QuantityValue::Single(x) => format_number(*x),
        QuantityValue::Range([a, b]) => format!("{}–{}", format_number(*a), format_number(*b)),
    }
}

/// A value with its qualifier: `more than 12`, `about 300`.
pub fn format_qualified(v: &QuantityValue, q: Qualifier) -> String {
    let prefix = match q {
        Qualifier::MoreThan => "more than ",
        Qualifier::LessThan => "less than ",
        Qualifier::About => "about ",
        Qualifier::Exact | Qualifier::Range => "",
    };
    format!("{prefix}{}", format_value(v))
}

/// The label of each article of the story (its source id, as the corpus calls it), by id.
pub fn labels(detail: &StoryDetail) -> BTreeMap<String, String> {
    detail
        .story
        .articles
        .iter()
        .zip(&detail.story.labels)
        .map(|(a, l)| (a.to_string(), l.clone()))
        .collect()
}

/// What the layer counted as one source of a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceName {
    /// The claimant's name, or `article LABEL` for an unsourced report (an article, or a
    /// group of articles copying one another, counts once).
    pub text: String,
    /// For an unsourced report: the article standing for its group.
    pub article: Option<String>,
}

/// A source as the layer writes it (`claimant NAME`, `article group ID`), named for a reader.
pub fn source_name(source: &str, labels: &BTreeMap<String, String>) -> SourceName {
    match source.strip_prefix("article group ") {
        Some(id) => SourceName {
            text: format!(
                "article {}",
                labels
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| id.chars().take(8).collect())
            ),
            article: Some(id.to_string()),
        },
        None => SourceName {
            text: source
                .strip_prefix("claimant ")
                .unwrap_or(source)
                .to_string(),
            article: None,
        },
    }
}

/// One value of a fact: who reports it, through which outlets, and whether it disagrees.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactValue {
    pub value: QuantityValue,
    pub qualifier: Qualifier,
    /// The value as shown: `more than 12`.
    pub shown: String,
    pub sources: Vec<SourceName>,
    pub independent_sources: usize,
    pub outlets: Vec<String>,
    /// Articles reporting it.
    pub articles: Vec<String>,
    /// Some report of this value disagrees with a report of another value.
    pub disagrees: bool,
    /// The values (as shown) of the reports it disagrees with.
    pub disagrees_with: Vec<String>,
}

/// A figure an article gives as an earlier or superseded one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EarlierFigure {
    pub shown: String,
    pub article: String,
    pub label: String,
}

/// A fact of a story as a table: value → sources → outlets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactTable {
    /// `category` or `category@part`.
    pub key: String,
    /// `category @ part name`, or the category.
    pub name: String,
    pub category: String,
    pub part_name: Option<String>,
    /// Articles reporting it.
    pub articles: usize,
    /// Pairs of reports whose values cannot both hold.
    pub disagreements: usize,
    /// Values, best supported first, as the layer ranks them.
    pub values: Vec<FactValue>,
    pub earlier: Vec<EarlierFigure>,
}

/// The table of one fact; `labels` names the articles (see [`labels`]).
pub fn fact_table(fact: &Fact, labels: &BTreeMap<String, String>) -> FactTable {
    let value_of_report: BTreeMap<usize, usize> = fact
        .support
        .iter()
        .enumerate()
        .flat_map(|(k, s)| s.reports.iter().map(move |r| (*r, k)))
        .collect();
    let shown: Vec<String> = fact
        .support
        .iter()
        .map(|s| format_qualified(&s.value, s.qualifier))
        .collect();
    let values = fact
        .support
        .iter()
        .enumerate()
        .map(|(k, support)| {
            let mine: BTreeSet<usize> = support.reports.iter().copied().collect();
            let mut against: BTreeSet<usize> = BTreeSet::new();
            for d in &fact.disagreements {
                for (here, there) in [(d.a, d.b), (d.b, d.a)] {
                    if mine.contains(&here) {
                        if let Some(&other) = value_of_report.get(&there) {
                            if other != k {
                                against.insert(other);
                            }
                        }
                    }
                }
            }
            let disagrees = fact
                .disagreements
                .iter()
                .any(|d| mine.contains(&d.a) || mine.contains(&d.b));
            let articles: BTreeSet<String> = support
                .reports
                .iter()
                .filter_map(|r| fact.reports.get(*r))
                .map(|r| r.doc.to_string())
                .collect();
            FactValue {
                value: support.value,
                qualifier: support.qualifier,
                shown: shown[k].clone(),
                sources: support
                    .sources
                    .iter()
                    .map(|s| source_name(s, labels))
                    .collect(),
                independent_sources: support.independent_sources,
                outlets: support.outlets.clone(),
                articles: articles.into_iter().collect(),
                disagrees,
                disagrees_with: against.into_iter().map(|o| shown[o].clone()).collect(),
            }
        })
        .collect();
    let earlier = fact
        .reports
        .iter()
        .filter(|r| r.earlier)
        .map(|r| EarlierFigure {
            shown: format_qualified(&r.value, r.qualifier),
            article: r.doc.to_string(),
            label: labels.get(r.doc.as_str()).cloned().unwrap_or_default(),
        })
        .collect();
    FactTable {
        key: fact.key.clone(),
        name: match &fact.part_name {
            Some(p) => format!("{} @ {p}", fact.category),
            None => fact.category.clone(),
        },
        category: fact.category.clone(),
        part_name: fact.part_name.clone(),
        articles: fact.articles(),
        disagreements: fact.disagreements.len(),
        values,
        earlier,
    }
}

/// One line of an event record as a reader sees it: `actors`, `place`, `fatalities`…
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventField {
    pub label: &'static str,
    pub value: String,
    /// Lines under it: each report of the fatalities.
    pub details: Vec<String>,
}

/// An event record as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventView {
    /// PLOVER type and modes: `ASSAULT (aerial)`.
    pub kind: String,
    pub mentions: usize,
    pub articles: usize,
    pub fields: Vec<EventField>,
}

fn entity_names(list: &[recoupe_store::RecordEntity]) -> String {
    list.iter()
        .map(|a| format!("{} ({})", a.name, a.entity))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The lines of an event record: actors, recipients, place, date, fatalities (with each
/// report) and responsibility.
pub fn event_view(e: &recoupe_store::EventRecord) -> EventView {
    let mut fields = Vec::new();
    let mut push = |label: &'static str, value: String, details: Vec<String>| {
        fields.push(EventField {
            label,
            value,
            details,
        })
    };
    if !e.actors.is_empty() {
        push("actors", entity_names(&e.actors), Vec::new());
    }
    if !e.recipients.is_empty() {
        push("recipients", entity_names(&e.recipients), Vec::new());
    }
    if let Some(p) = &e.place {
        push(
            "place",
            format!(
                "{}{}{} (precision {})",
                p.name,
                p.admin1
                    .as_deref()
                    .map(|a| format!(", {a}"))
                    .unwrap_or_default(),
                p.country
                    .as_deref()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default(),
                p.precision.code()
            ),
            Vec::new(),
        );
    } else if let Some(c) = &e.country {
        push("country", c.clone(), Vec::new());
    }
    if let Some(date) = &e.date {
        push(
            "date",
            format!("{} (in {} articles)", date.value, date.articles.len()),
            Vec::new(),
        );
    }
    if let Some(f) = &e.fatalities {
        let range = match (f.low, f.high) {
            (Some(l), Some(h)) if l == h => format_number(l),
            (Some(l), Some(h)) => format!("{}–{}", format_number(l), format_number(h)),
            (Some(l), None) => format!("at least {}", format_number(l)),
            (None, Some(h)) => format!("at most {}", format_number(h)),
            (None, None) => "unknown".into(),
        };
        let details = f
            .reports
            .iter()
            .map(|r| {
                format!(
                    "{:<14} {}{}{}",
                    r.article,
                    format_qualified(&r.value, r.qualifier),
                    r.source
                        .as_deref()
                        .map(|s| format!(" according to {s}"))
                        .unwrap_or_default(),
                    if r.earlier { " (earlier figure)" } else { "" }
                )
            })
            .collect();
        push(
            "fatalities",
            format!(
                "{range}{}",
                f.fact
                    .as_deref()
                    .map(|id| format!(" (fact {id})"))
                    .unwrap_or_default()
            ),
            details,
        );
    }
    for r in &e.responsibility {
        let mut parts = Vec::new();
        if !r.claimed_by.is_empty() {
            parts.push(format!(
                "held responsible by {}",
                entity_names(&r.claimed_by)
            ));
        }
        if !r.denied_by.is_empty() {
            parts.push(format!("denied by {}", entity_names(&r.denied_by)));
        }
        push(
            "responsibility",
            format!(
                "{} ({}): {}{}",
                r.actor.name,
                r.actor.entity,
                if parts.is_empty() {
                    "stated".to_string()
                } else {
                    parts.join("; ")
                },
                if r.established { " · established" } else { "" }
            ),
            Vec::new(),
        );
    }
    EventView {
        kind: if e.modes.is_empty() {
            e.event_type.as_str().to_string()
        } else {
            format!("{} ({})", e.event_type.as_str(), e.modes.join(", "))
        },
        mentions: e.mentions,
        articles: e.articles,
        fields,
    }
}

/// Two articles of a copy group and what they share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyLink {
    pub a: String,
    pub b: String,
    pub passages: usize,
    pub words: usize,
    /// Share of each text inside the copied passages.
    pub share_a: f64,
    pub share_b: f64,
    /// The earlier-published of the two, when the dates tell.
    pub origin: Option<String>,
}

/// Articles that copy one another (connected by shared passages): one source, not several.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyGroup {
    /// Its articles, by id.
    pub articles: Vec<String>,
    pub links: Vec<CopyLink>,
}

/// The copy groups of a story (groups of two articles or more), largest first.
pub fn copy_groups(detail: &StoryDetail) -> Vec<CopyGroup> {
    let story = &detail.story;
    let pairs: Vec<&recoupe_store::CopyPair> = story.copies.iter().collect();
    let roots = recoupe_stories::copy_groups(&story.articles, &pairs);
    let mut groups: BTreeMap<&DocId, CopyGroup> = BTreeMap::new();
    for (article, root) in &roots {
        groups
            .entry(root)
            .or_insert_with(|| CopyGroup {
                articles: Vec::new(),
                links: Vec::new(),
            })
            .articles
            .push(article.to_string());
    }
    for pair in &story.copies {
        let Some(root) = roots.get(&pair.a) else {
            continue;
        };
        if let Some(group) = groups.get_mut(root) {
            group.links.push(CopyLink {
                a: pair.a.to_string(),
                b: pair.b.to_string(),
                passages: pair.passages.len(),
                words: pair.passages.iter().map(|p| p.words).sum(),
                share_a: pair.share_a,
                share_b: pair.share_b,
                origin: pair.origin.as_ref().map(|o| o.to_string()),
            });
        }
    }
    let mut out: Vec<CopyGroup> = groups
        .into_values()
        .filter(|g| g.articles.len() > 1)
        .collect();
    out.sort_by(|x, y| {
        y.articles
            .len()
            .cmp(&x.articles.len())
            .then_with(|| x.articles.cmp(&y.articles))
    });
    out
}

/// One statement of a speaker in a story's article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerStatement {
    pub article: String,
    pub label: String,
    /// Byte span of the content in the article's text.
    pub span: Span,
    /// The content as written (empty when the article could not be read).
    pub content: String,
}

/// A speaker of the story and what each article reports it said.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerView {
    /// Cross-article key.
    pub key: String,
    /// The most frequent name as written.
    pub name: String,
    pub names: Vec<String>,
    /// Outlets that relay it.
    pub outlets: Vec<String>,
    /// Statements in all.
    pub total: usize,
    /// The first [`STATEMENTS_SHOWN`] of them, in article order.
    pub statements: Vec<SpeakerStatement>,
}

/// Statements shown per speaker.
pub const STATEMENTS_SHOWN: usize = 20;

/// Everything a story page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryView {
    pub detail: StoryDetail,
    /// Headline of each article (its title, or its text's first line), by id.
    pub headlines: BTreeMap<String, String>,
    /// The event record's lines, when the story has one.
    pub event: Option<EventView>,
    pub labels: BTreeMap<String, String>,
    pub copy_groups: Vec<CopyGroup>,
    pub facts: Vec<FactTable>,
    pub speakers: Vec<SpeakerView>,
}

/// The fact tables of a story, in the layer's order.
pub fn fact_tables(detail: &StoryDetail, labels: &BTreeMap<String, String>) -> Vec<FactTable> {
    detail
        .story
        .facts
        .iter()
        .map(|f| fact_table(f, labels))
        .collect()
}

/// One story by id, id prefix or one of its articles, as a page shows it; `None` when no
/// story matches. Reads the articles whose statements it shows.
pub fn story_view(store: &dyn Browse, reference: &str) -> Result<Option<StoryView>, AppError> {
    let Some(detail) = store.story(reference)? else {
        return Ok(None);
    };
    let labels = labels(&detail);
    let ids: Vec<String> = detail.members.iter().map(|m| m.id.clone()).collect();
    let headlines = store.headlines(&ids)?;
    let mut texts: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut speakers = Vec::with_capacity(detail.story.speakers.len());
    for sp in &detail.story.speakers {
        let mut statements = Vec::new();
        for (article, span) in sp.statements.iter().take(STATEMENTS_SHOWN) {
            let id = article.to_string();
            if !texts.contains_key(&id) {
                let text = store.get(&id)?.map(|d| d.text);
                texts.insert(id.clone(), text);
            }
            let content = texts[&id]
                .as_deref()
                .and_then(|t| t.get(span.start..span.end))
                .unwrap_or("")
                .to_string();
            statements.push(SpeakerStatement {
                label: labels.get(&id).cloned().unwrap_or_default(),
                article: id,
                span: *span,
                content,
            });
        }
        speakers.push(SpeakerView {
            key: sp.speaker.clone(),
            name: sp
                .names
                .first()
                .cloned()
                .unwrap_or_else(|| sp.speaker.clone()),
            names: sp.names.clone(),
            outlets: sp.outlets.clone(),
            total: sp.statements.len(),
            statements,
        });
    }
    Ok(Some(StoryView {
        event: detail.event.as_ref().map(event_view),
        copy_groups: copy_groups(&detail),
        facts: fact_tables(&detail, &labels),
        speakers,
        labels,
        headlines,
        detail,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_written() {
        assert_eq!(format_value(&QuantityValue::Single(12.0)), "12");
        assert_eq!(format_value(&QuantityValue::Single(2.5)), "2.5");
        assert_eq!(format_value(&QuantityValue::Range([10.0, 15.0])), "10–15");
        assert_eq!(
            format_qualified(&QuantityValue::Single(300.0), Qualifier::MoreThan),
            "more than 300"
        );
    }

    /// Three articles give a toll: two say 12 (one of them with no source), one says 30.
    /// The two values disagree; an earlier figure of 8 is listed apart.
    #[test]
    fn a_fact_table_marks_the_values_that_disagree() {
        use recoupe_stories::{Disagreement, Report, Support};
        let report = |doc: &str, value: f64, earlier: bool| Report {
            doc: DocId(doc.into()),
            figure: 0,
            span: Span::new(0, 2),
            value: QuantityValue::Single(value),
            qualifier: Qualifier::Exact,
            earlier,
            source: None,
            outlet: None,
        };
        let fact = Fact {
            key: "killed".into(),
            category: "killed".into(),
            part: None,
            part_name: None,
            reports: vec![
                report("a1", 12.0, false),
                report("b2", 12.0, false),
                report("c3", 30.0, false),
                report("a1", 8.0, true),
            ],
            disagreements: vec![Disagreement { a: 1, b: 2 }],
            support: vec![
                Support {
                    value: QuantityValue::Single(12.0),
                    qualifier: Qualifier::Exact,
                    reports: vec![0, 1],
                    independent_sources: 2,
                    sources: vec!["claimant ministère".into(), "article group b2".into()],
                    outlets: vec!["Le Soir".into(), "RFI".into()],
                },
                Support {
                    value: QuantityValue::Single(30.0),
                    qualifier: Qualifier::MoreThan,
                    reports: vec![2],
                    independent_sources: 1,
                    sources: vec!["article group c3".into()],
                    outlets: vec!["Le Monde".into()],
                },
            ],
        };
        let labels: BTreeMap<String, String> = [("b2", "rfi-2"), ("c3", "lemonde-3")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        let table = fact_table(&fact, &labels);
        assert_eq!(table.articles, 3);
        assert_eq!(table.disagreements, 1);
        let [twelve, thirty] = &table.values[..] else {
            panic!("two values: {table:?}")
        };
        assert_eq!(twelve.shown, "12");
        assert_eq!(thirty.shown, "more than 30");
        assert!(twelve.disagrees && thirty.disagrees);
        assert_eq!(twelve.disagrees_with, vec!["more than 30".to_string()]);
        assert_eq!(thirty.disagrees_with, vec!["12".to_string()]);
        let names: Vec<&str> = twelve.sources.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(names, ["ministère", "article rfi-2"]);
        assert_eq!(twelve.articles, ["a1", "b2"]);
        assert_eq!(table.earlier.len(), 1);
        assert_eq!(table.earlier[0].shown, "8");
        assert_eq!(table.earlier[0].article, "a1");
    }

    #[test]
    fn sources_are_named_for_a_reader() {
        let labels: BTreeMap<String, String> = [("abc123".to_string(), "lemonde-3".to_string())]
            .into_iter()
            .collect();
        let group = source_name("article group abc123", &labels);
        assert_eq!(group.text, "article lemonde-3");
        assert_eq!(group.article.as_deref(), Some("abc123"));
        let unknown = source_name("article group 0123456789abcdef", &labels);
        assert_eq!(unknown.text, "article 01234567");
        let claimant = source_name("claimant ministère de la Santé", &labels);
        assert_eq!(claimant.text, "ministère de la Santé");
        assert_eq!(claimant.article, None);
    }
}
