//! The cross-article commands (`stories`, `story`, `facts`, `events`) and what `show` adds
//! about an article's publications, story and copied passages.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;
use recoupe_app::query::{
    self, Appearance, CopyOf, EventFilter, EventRow, FactFilter, StoryDetail, StoryFilter,
    StorySummary,
};
use recoupe_app::story;
use recoupe_model::{Document, Qualifier, QuantityValue};

use crate::commands::{print_json, short};
use crate::render::Style;
use crate::Outcome;

/// The publications of one text, as `show` lists them after the document.
pub fn render_appearances(appearances: &[Appearance], style: Style) -> String {
    let mut out = String::new();
    if appearances.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "\n{}",
        style.bold(&format!("Appearances ({})", appearances.len()))
    );
    for a in appearances {
        let origin = match &a.origin.record {
            Some(record) => format!("{} {record}", a.origin.path),
            None => a.origin.path.clone(),
        };
        let _ = writeln!(
            out,
            "  {}  {:<24} {:<12} {}  [{}]",
            a.published
                .map(|p| p.date.to_string())
                .unwrap_or_else(|| "          ".into()),
            a.outlet.as_deref().unwrap_or("-"),
            a.external_id.as_deref().unwrap_or("-"),
            a.url.as_deref().unwrap_or("-"),
            origin
        );
    }
    out
}

fn excerpt(text: &str, start: usize, end: usize, max_chars: usize) -> String {
    let s = text.get(start..end).unwrap_or("").replace('\n', " ");
    if s.chars().count() <= max_chars {
        return s;
    }
    let head: String = s.chars().take(max_chars / 2).collect();
    let tail: String = s
        .chars()
        .rev()
        .take(max_chars / 2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{head} … {tail}")
}

/// The story of an article and the passages it shares with others, each marked with the
/// other article (`show`).
pub fn render_story_and_copies(
    doc: &Document,
    story: Option<&StorySummary>,
    copies: &[CopyOf],
    style: Style,
) -> String {
    let mut out = String::new();
    if let Some(s) = story {
        let _ = writeln!(
            out,
            "\n{} {} — {} ({} articles, {} independent sources) · recoupe story {}",
            style.bold("Story"),
            short(&s.id, 12),
            s.title,
            s.articles,
            s.independent_sources,
            short(&s.id, 8)
        );
    }
    if copies.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "\n{}",
        style.bold(&format!("Copied passages ({} articles)", copies.len()))
    );
    for c in copies {
        let origin = match &c.origin {
            Some(o) if *o == doc.id.as_str() => " · this one is the earlier".to_string(),
            Some(o) => format!(" · {} is the earlier", short(o, 12)),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "  with {} ({}) {} — {:.0}% of this text, {:.0}% of that one{}",
            short(&c.other, 12),
            c.other_outlet.as_deref().unwrap_or("-"),
            c.other_title.as_deref().unwrap_or("(untitled)"),
            100.0 * c.share,
            100.0 * c.other_share,
            origin
        );
        for p in &c.passages {
            let _ = writeln!(
                out,
                "    [{}..{}] ⇄ {} [{}..{}] {} words: {}",
                p.here.start,
                p.here.end,
                short(&c.other, 8),
                p.there.start,
                p.there.end,
                p.words,
                style.dim(&format!(
                    "«{}»",
                    excerpt(&doc.text, p.here.start, p.here.end, 120)
                ))
            );
        }
    }
    out
}

fn flags(s: &StorySummary) -> String {
    let mut flags = Vec::new();
    if s.single_source {
        flags.push("SINGLE-SOURCE");
    }
    if s.disagreeing {
        flags.push("DISAGREEING");
    }
    flags.join(" ")
}

fn dates(s: &StorySummary) -> String {
    match (s.first_date, s.last_date) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}…{b}"),
        _ => "-".into(),
    }
}

pub fn stories(
    db: &Path,
    filter: &StoryFilter,
    update: bool,
    json: bool,
    style: Style,
) -> Result<Outcome> {
    let mut store = recoupe_app::open_existing(db)?;
    if update {
        let done = query::update_stories(&mut store)?;
        if !json {
            eprintln!(
                "stories: {} documents added to the layer, {} links, {} copy pairs, {} stories written",
                done.articles, done.links, done.copies, done.stories_written
            );
        }
    }
    let list = query::stories(&store, filter)?;
    if json {
        print_json(&list)?;
    } else if list.is_empty() {
        println!("no story (ingest articles first, or lower --min-articles)");
    } else {
        println!(
            "{:<12} {:<21} {:>4} {:>4} {:>7} {:>6} {:>8}  title",
            "story", "dates", "art.", "app.", "outlets", "indep.", "disagree"
        );
        for s in &list {
            let flags = flags(s);
            println!(
                "{:<12} {:<21} {:>4} {:>4} {:>7} {:>6} {:>8}  {}{}",
                short(&s.id, 12),
                dates(s),
                s.articles,
                s.appearances,
                s.outlets.len(),
                s.independent_sources,
                s.disagreements,
                s.title,
                if flags.is_empty() {
                    String::new()
                } else {
                    format!("  {}", style.bold(&flags))
                }
            );
        }
    }
    Ok(if list.is_empty() {
        Outcome::NotFound
    } else {
        Outcome::Success
    })
}

fn value(v: &QuantityValue) -> String {
    story::format_value(v)
}

fn qualified(v: &QuantityValue, q: Qualifier) -> String {
    story::format_qualified(v, q)
}

fn render_event(out: &mut String, d: &StoryDetail, style: Style) {
    let Some(e) = &d.event else {
        let _ = writeln!(
            out,
            "\n{} none (no article reports an event)",
            style.bold("Event")
        );
        return;
    };
    let view = story::event_view(e);
    let _ = writeln!(
        out,
        "\n{} {} — {} mentions in {} articles",
        style.bold("Event"),
        view.kind,
        view.mentions,
        view.articles
    );
    for field in &view.fields {
        let _ = writeln!(out, "  {:<15} {}", field.label, field.value);
        for line in &field.details {
            let _ = writeln!(out, "    {line}");
        }
    }
}

pub fn render_story(d: &StoryDetail, explain: bool, style: Style) -> String {
    let mut out = String::new();
    let s = &d.summary;
    let _ = writeln!(out, "{} {}", style.bold("Story"), s.id);
    let _ = writeln!(out, "  {}", s.title);
    let _ = writeln!(
        out,
        "  {} · {} articles ({} appearances) · {} outlets · {} independent sources · {} disagreements {}",
        dates(s),
        s.articles,
        s.appearances,
        s.outlets.len(),
        s.independent_sources,
        s.disagreements,
        style.bold(&flags(s))
    );
    render_event(&mut out, d, style);

    let _ = writeln!(out, "\n{}", style.bold("Articles"));
    let labels = story::labels(d);
    let label: BTreeMap<&str, &str> = labels
        .iter()
        .map(|(a, l)| (a.as_str(), l.as_str()))
        .collect();
    for m in &d.members {
        let first = m.appearances.first();
        let _ = writeln!(
            out,
            "  {}  {}  {:<24} {:<10} {}",
            short(&m.id, 12),
            first
                .and_then(|a| a.published)
                .map(|p| p.date.to_string())
                .unwrap_or_else(|| "          ".into()),
            first.and_then(|a| a.outlet.as_deref()).unwrap_or("-"),
            label.get(m.id.as_str()).copied().unwrap_or("-"),
            m.title.as_deref().unwrap_or("(untitled)")
        );
        for a in m.appearances.iter().skip(1) {
            let _ = writeln!(
                out,
                "      also {} {} {}",
                a.published
                    .map(|p| p.date.to_string())
                    .unwrap_or_else(|| "-".into()),
                a.outlet.as_deref().unwrap_or("-"),
                a.external_id.as_deref().unwrap_or("")
            );
        }
        if explain {
            match &m.explanation {
                Some(l) => {
                    let other = if l.a.as_str() == m.id { &l.b } else { &l.a };
                    let shared: Vec<String> = l
                        .shared_entities
                        .iter()
                        .take(6)
                        .map(|(n, w)| format!("{n} {w:.2}"))
                        .collect();
                    let dates = match l.dates {
                        Some((a, b, gap)) => {
                            format!("{a} / {b} ({gap} d, factor {:.2})", l.date_factor)
                        }
                        None => format!("unknown (factor {:.2})", l.date_factor),
                    };
                    let dates = match &l.places_apart {
                        Some((a, b, km)) => format!("{dates} · towns {a} / {b} ({km:.0} km)"),
                        None => dates,
                    };
                    let _ = writeln!(
                        out,
                        "      {} with {}: score {:.3} · words {:.3} ({}) · entities {:.3} ({}) · dates {}",
                        style.dim("why"),
                        label.get(other.as_str()).copied().unwrap_or(short(other.as_str(), 8)),
                        l.score,
                        l.similarity,
                        l.shared_terms.join(" "),
                        l.entity_similarity,
                        shared.join(", "),
                        dates
                    );
                }
                None => {
                    let _ = writeln!(out, "      {} the only article", style.dim("why"));
                }
            }
        }
    }

    if !d.story.copies.is_empty() {
        let _ = writeln!(out, "\n{}", style.bold("Copies"));
        for c in &d.story.copies {
            let words: usize = c.passages.iter().map(|p| p.words).sum();
            let origin = c
                .origin
                .as_ref()
                .map(|o| {
                    format!(
                        " · origin {}",
                        label.get(o.as_str()).copied().unwrap_or(o.as_str())
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} ⇄ {}: {} passages, {} words, {:.0}% / {:.0}%{}",
                label.get(c.a.as_str()).copied().unwrap_or(c.a.as_str()),
                label.get(c.b.as_str()).copied().unwrap_or(c.b.as_str()),
                c.passages.len(),
                words,
                100.0 * c.share_a,
                100.0 * c.share_b,
                origin
            );
        }
    }

    if !d.story.facts.is_empty() {
        let _ = writeln!(out, "\n{}", style.bold("Facts (value → sources → outlets)"));
        for table in story::fact_tables(d, &labels) {
            for (k, row) in table.values.iter().enumerate() {
                let sources: Vec<&str> = row.sources.iter().map(|s| s.text.as_str()).collect();
                let _ = writeln!(
                    out,
                    "  {:<22} {:<16} → {} ({} independent) → {}{}",
                    if k == 0 { table.name.as_str() } else { "" },
                    row.shown,
                    sources.join(", "),
                    row.independent_sources,
                    row.outlets.join(", "),
                    if row.disagrees {
                        format!("  {}", style.bold("✗ disagrees"))
                    } else {
                        String::new()
                    }
                );
            }
            let earlier: Vec<String> = table
                .earlier
                .iter()
                .map(|e| {
                    format!(
                        "{} in {}",
                        e.shown,
                        if e.label.is_empty() { "-" } else { &e.label }
                    )
                })
                .collect();
            if !earlier.is_empty() {
                let _ = writeln!(out, "  {:<22} earlier figures: {}", "", earlier.join(", "));
            }
        }
    }

    if !d.story.speakers.is_empty() {
        let _ = writeln!(out, "\n{}", style.bold("Statements by speaker"));
        for sp in &d.story.speakers {
            let _ = writeln!(
                out,
                "  {} ({}): {} statements, relayed by {}",
                sp.names
                    .first()
                    .map(String::as_str)
                    .unwrap_or(sp.speaker.as_str()),
                sp.speaker,
                sp.statements.len(),
                if sp.outlets.is_empty() {
                    "-".to_string()
                } else {
                    sp.outlets.join(", ")
                }
            );
        }
    }
    out
}

pub fn story(db: &Path, id: &str, explain: bool, json: bool, style: Style) -> Result<Outcome> {
    let store = recoupe_app::open_existing(db)?;
    let Some(detail) = query::story(&store, id)? else {
        eprintln!(
            "no story {id:?} in {} (try `recoupe stories`)",
            db.display()
        );
        return Ok(Outcome::NotFound);
    };
    if json {
        print_json(&detail)?;
    } else {
        print!("{}", render_story(&detail, explain, style));
    }
    Ok(Outcome::Success)
}

pub fn facts(db: &Path, filter: &FactFilter, json: bool, style: Style) -> Result<Outcome> {
    let store = recoupe_app::open_existing(db)?;
    let list = query::facts(&store, filter)?;
    // An unknown story lists no fact either: say which of the two it is.
    if let Some(id) = filter.story.as_deref().filter(|_| list.is_empty()) {
        if query::story(&store, id)?.is_none() {
            eprintln!(
                "no story {id:?} in {} (try `recoupe stories`)",
                db.display()
            );
            return Ok(Outcome::NotFound);
        }
    }
    if json {
        print_json(&list)?;
    } else if list.is_empty() {
        println!("no fact");
    } else {
        for row in &list {
            println!(
                "{}  {} — {} ({} articles){}",
                style.bold(&row.id[..row.id.len().min(12)]),
                row.fact.key,
                row.story_title,
                row.fact.articles(),
                if row.fact.disagreements.is_empty() {
                    String::new()
                } else {
                    format!("  {}", style.bold("DISAGREEING"))
                }
            );
            for support in &row.fact.support {
                println!(
                    "    {:<18} → {} ({} independent) → {}",
                    qualified(&support.value, support.qualifier),
                    support.sources.join(", "),
                    support.independent_sources,
                    support.outlets.join(", ")
                );
            }
        }
    }
    Ok(if list.is_empty() {
        Outcome::NotFound
    } else {
        Outcome::Success
    })
}

fn event_line(e: &EventRow) -> String {
    let r = &e.record;
    let actors: Vec<&str> = r.actors.iter().map(|a| a.name.as_str()).collect();
    let recipients: Vec<&str> = r.recipients.iter().map(|a| a.name.as_str()).collect();
    let fatalities = r
        .fatalities
        .as_ref()
        .map(|f| match (f.low, f.high) {
            (Some(l), Some(h)) if l == h => value(&QuantityValue::Single(l)),
            (Some(l), Some(h)) => format!(
                "{}–{}",
                value(&QuantityValue::Single(l)),
                value(&QuantityValue::Single(h))
            ),
            (Some(l), None) => format!("≥{}", value(&QuantityValue::Single(l))),
            _ => "?".into(),
        })
        .unwrap_or_else(|| "-".into());
    format!(
        "{:<12} {:<10} {:<9} {:<24} {:<4} {:>6}  {} → {}  ({} articles, {} independent)",
        short(&e.story, 12),
        r.date.as_ref().map(|d| d.value.as_str()).unwrap_or("-"),
        r.event_type.as_str(),
        r.place.as_ref().map(|p| p.name.as_str()).unwrap_or("-"),
        r.country.as_deref().unwrap_or("-"),
        fatalities,
        if actors.is_empty() {
            "-".to_string()
        } else {
            actors.join("; ")
        },
        if recipients.is_empty() {
            "-".to_string()
        } else {
            recipients.join("; ")
        },
        e.articles,
        e.independent_sources
    )
}

pub fn events(db: &Path, filter: &EventFilter, json: bool, style: Style) -> Result<Outcome> {
    let store = recoupe_app::open_existing(db)?;
    let list = query::events(&store, filter)?;
    if json {
        print_json(&list)?;
    } else if list.is_empty() {
        println!("no event record matches");
    } else {
        println!(
            "{}",
            style.bold(&format!(
                "{:<12} {:<10} {:<9} {:<24} {:<4} {:>6}  actors → recipients",
                "story", "date", "type", "place", "cc", "killed"
            ))
        );
        for e in &list {
            println!("{}", event_line(e));
        }
    }
    Ok(if list.is_empty() {
        Outcome::NotFound
    } else {
        Outcome::Success
    })
}
