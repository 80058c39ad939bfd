//! One function per subcommand: call `recoupe_app`, render what it returns.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use recoupe_app::eval::EvalProgress;
use recoupe_app::ingest::{IngestObserver, IngestProgress};
use recoupe_app::{query, IngestError, Note};
use recoupe_model::AttributionKind;
use serde::Serialize;

use crate::cli::{Cli, ColorChoice, Command, ExportFormat};
use crate::render::{self, Style};
use crate::Outcome;

pub fn run(cli: Cli) -> Result<Outcome> {
    let style = Style {
        color: match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        },
    };
    let progress = !cli.no_progress && std::io::stderr().is_terminal();
    match cli.command {
        Command::Ingest {
            paths,
            batch,
            no_cluster,
            no_stories,
            json,
        } => {
            let settings = recoupe_app::ingest::IngestSettings {
                batch,
                cluster: !no_cluster,
                stories: !no_stories,
            };
            ingest(&cli.db, &paths, &settings, json, progress)
        }
        Command::Extract { paths, without } => extract(&paths, &without),
        Command::Search { query, limit, json } => search(&cli.db, &query, limit as usize, json),
        Command::Show { doc, explain, json } => show(&cli.db, &doc, explain, json, style),
        Command::Stats { json } => stats(&cli.db, json),
        Command::Export { format, output } => export(&cli.db, format, output.as_deref()),
        Command::Demo { serve, server } => {
            demo(&cli.db, style)?;
            if serve {
                crate::serve::serve(&cli.db, &server)?;
            }
            Ok(Outcome::Success)
        }
        Command::Serve { server } => crate::serve::serve(&cli.db, &server),
        Command::Eval {
            corpus,
            json,
            mismatches,
        } => eval(&corpus, json, mismatches, progress),
        Command::Entities { label, top, json } => {
            entities(&cli.db, label.as_deref(), top as usize, json)
        }
        Command::Entity { name, json } => entity(&cli.db, &name, json),
        Command::Claims { speaker, json } => claims(&cli.db, &speaker, json),
        Command::Merges { recluster, json } => merges(&cli.db, recluster, json),
        Command::Unmerge { from_key, json } => unmerge(&cli.db, &from_key, json),
        Command::Stories {
            min_articles,
            disagreeing,
            limit,
            update,
            json,
        } => {
            let filter = query::StoryFilter {
                min_articles: min_articles as usize,
                disagreeing,
                limit: limit as usize,
            };
            crate::stories::stories(&cli.db, &filter, update, json, style)
        }
        Command::Story { id, explain, json } => {
            crate::stories::story(&cli.db, &id, explain, json, style)
        }
        Command::Facts {
            disagreeing,
            story,
            limit,
            json,
        } => {
            let filter = query::FactFilter {
                disagreeing,
                story,
                limit: limit as usize,
            };
            crate::stories::facts(&cli.db, &filter, json, style)
        }
        Command::Events {
            event_type,
            country,
            from,
            to,
            actor,
            limit,
            json,
        } => {
            let filter = query::EventFilter {
                event_type,
                country,
                from,
                to,
                actor,
                limit: Some(limit as usize),
            };
            crate::stories::events(&cli.db, &filter, json, style)
        }
    }
}

pub(crate) fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

pub(crate) fn short(id: &str, len: usize) -> &str {
    &id[..len.min(id.len())]
}

// ------------------------------------------------------------------ progress

fn progress_bar(enabled: bool, total: u64, template: &str) -> Option<ProgressBar> {
    if !enabled {
        return None;
    }
    let bar = ProgressBar::new(total);
    bar.set_style(ProgressStyle::with_template(template).expect("static template"));
    Some(bar)
}

/// Prints notes and failures as they happen, above the progress bar when there is one.
struct Terminal {
    bar: Option<ProgressBar>,
}

impl Terminal {
    fn println(&self, line: String) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }
}

impl IngestObserver for Terminal {
    fn note(&mut self, note: &Note) {
        self.println(format!("note: {note}"));
    }

    fn failure(&mut self, error: &IngestError) {
        self.println(format!("error: {error}"));
    }

    fn progress(&mut self, p: &IngestProgress) {
        if let Some(bar) = &self.bar {
            bar.set_position(p.bytes_read);
            bar.set_message(format!(
                "{} stored, {} new appearances, {} duplicates, {} failed",
                p.stored, p.appearances, p.duplicates, p.failed
            ));
        }
    }
}

struct EvalBar(Option<ProgressBar>);

impl EvalProgress for EvalBar {
    fn start(&self, documents: u64) {
        if let Some(bar) = &self.0 {
            bar.set_length(documents);
        }
    }

    fn document_done(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }
}

// ------------------------------------------------------------------ ingest

fn ingest(
    db: &Path,
    paths: &[String],
    settings: &recoupe_app::ingest::IngestSettings,
    json: bool,
    progress: bool,
) -> Result<Outcome> {
    let mut terminal = Terminal {
        bar: progress_bar(
            progress,
            recoupe_app::ingest::input_size(paths),
            "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} ({bytes_per_sec}) {msg}",
        ),
    };
    let summary = recoupe_app::ingest::ingest_with(db, paths, settings, &mut terminal)?;
    if let Some(bar) = terminal.bar {
        bar.finish_and_clear();
    }
    if json {
        print_json(&summary)?;
    } else {
        println!(
            "ingested {} · duplicates {} · failed {} · {:.2}s · {:.0} docs/s → {}",
            summary.ingested,
            summary.duplicates,
            summary.failed,
            summary.seconds,
            summary.docs_per_second,
            db.display()
        );
        for f in &summary.failures {
            println!("  failed: {f}");
        }
        if summary.appearances > 0 || summary.pipeline_skipped > 0 {
            println!(
                "texts already stored: {} new appearances (another outlet or record), {} not annotated again",
                summary.appearances, summary.pipeline_skipped
            );
        }
        if summary.stories_pending_added > 0 {
            println!(
                "stories: {} documents stored earlier added to the cross-article layer ({:.2}s)",
                summary.stories_pending_added, summary.stories_seconds
            );
        }
        if summary.merges_added > 0 {
            println!(
                "entity clustering: {} new merges ({:.2}s) — `recoupe merges` lists them with their evidence",
                summary.merges_added, summary.cluster_seconds
            );
        }
    }
    Ok(if summary.failed > 0 {
        Outcome::PartialFailure
    } else {
        Outcome::Success
    })
}

// ------------------------------------------------------------------ extract

fn extract(paths: &[String], without: &[String]) -> Result<Outcome> {
    let drop = recoupe_app::extract::parse_layers(without)?;
    let pipeline = recoupe_app::pipeline()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut terminal = Terminal { bar: None };
    let summary = recoupe_app::extract::extract(&pipeline, paths, &drop, &mut out, &mut terminal)?;
    Ok(if summary.failed > 0 {
        Outcome::PartialFailure
    } else {
        Outcome::Success
    })
}

// ------------------------------------------------------------------ queries

fn search(db: &Path, query: &str, limit: usize, json: bool) -> Result<Outcome> {
    let store = recoupe_app::open_existing(db)?;
    let hits = query::search(&store, query, limit)?;
    if json {
        print_json(&hits)?;
    } else if hits.is_empty() {
        println!("no document matches {query:?}");
    } else {
        for hit in &hits {
            println!(
                "{}  {}  {}  {}",
                short(&hit.id, 12),
                hit.published
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "          ".into()),
                hit.outlet.as_deref().unwrap_or("-"),
                hit.title.as_deref().unwrap_or("(untitled)")
            );
            let snippet = hit
                .snippet
                .replace(recoupe_app::SNIPPET_START, "[")
                .replace(recoupe_app::SNIPPET_END, "]")
                .replace('\n', " ");
            println!("    {snippet}");
        }
    }
    Ok(if hits.is_empty() {
        Outcome::NotFound
    } else {
        Outcome::Success
    })
}

fn show(db: &Path, doc: &str, explain: bool, json: bool, style: Style) -> Result<Outcome> {
    let store = recoupe_app::open_existing(db)?;
    let Some(document) = query::document(&store, doc)? else {
        eprintln!(
            "no document {doc:?} in {} (try `recoupe search`)",
            db.display()
        );
        return Ok(Outcome::NotFound);
    };
    if json {
        print_json(&document)?;
    } else {
        print!("{}", render::render_document(&document, explain, style));
        let appearances = query::appearances(&store, &document.id)?;
        print!(
            "{}",
            crate::stories::render_appearances(&appearances, style)
        );
        let story = query::story_of(&store, &document.id)?;
        let copies = query::copies_of(&store, &document.id)?;
        print!(
            "{}",
            crate::stories::render_story_and_copies(&document, story.as_ref(), &copies, style)
        );
    }
    Ok(Outcome::Success)
}

fn stats(db: &Path, json: bool) -> Result<Outcome> {
    let store = recoupe_app::open_existing(db)?;
    let stats = query::stats(&store)?;
    if json {
        print_json(&stats)?;
        return Ok(Outcome::Success);
    }
    println!("store            {}", db.display());
    println!("documents        {}", stats.documents);
    println!("appearances      {}", stats.appearances);
    println!(
        "size             {:.1} MB",
        stats.db_size_bytes as f64 / 1e6
    );
    if let (Some(a), Some(b)) = (stats.oldest_published, stats.newest_published) {
        println!("published        {a} … {b}");
    }
    println!(
        "entity mentions  {} ({} entities)",
        stats.mentions, stats.entities
    );
    println!("places           {}", stats.places);
    println!("dates            {}", stats.dates);
    println!("quantities       {}", stats.quantities);
    println!("attributions     {}", stats.attributions);
    let tallies = |t: &[recoupe_app::Tally]| {
        t.iter()
            .take(10)
            .map(|t| format!("{} {}", t.value.as_deref().unwrap_or("?"), t.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("languages        {}", tallies(&stats.by_language));
    println!("outlets          {}", tallies(&stats.by_outlet));
    Ok(Outcome::Success)
}

fn export(db: &Path, format: ExportFormat, output: Option<&Path>) -> Result<Outcome> {
    let store = recoupe_app::open_existing(db)?;
    let mut writer: Box<dyn Write> = match output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("creating the export file {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let format = match format {
        ExportFormat::Jsonl => query::ExportFormat::Jsonl,
        ExportFormat::Csv => query::ExportFormat::Csv,
    };
    let n = query::export(&store, format, &mut writer)?;
    if let Some(path) = output {
        match format {
            query::ExportFormat::Jsonl => eprintln!(
                "exported {} documents ({n} lines, one per appearance) to {}",
                recoupe_app::Store::count(&store)?,
                path.display()
            ),
            query::ExportFormat::Csv => eprintln!("exported {n} documents to {}", path.display()),
        }
    }
    Ok(Outcome::Success)
}

fn entities(db: &Path, label: Option<&str>, top: usize, json: bool) -> Result<Outcome> {
    let store = recoupe_app::open_existing(db)?;
    let list = query::entities(&store, label, top)?;
    if json {
        print_json(&list)?;
    } else {
        println!(
            "{:<5} {:>8} {:>6}  {:<36} key",
            "type", "mentions", "docs", "name"
        );
        for e in &list {
            println!(
                "{:<5} {:>8} {:>6}  {:<36} {}",
                e.label.as_str(),
                e.mentions,
                e.documents,
                e.name,
                e.key
            );
        }
    }
    Ok(if list.is_empty() {
        Outcome::NotFound
    } else {
        Outcome::Success
    })
}

fn entity(db: &Path, name: &str, json: bool) -> Result<Outcome> {
    let store = recoupe_app::open_existing(db)?;
    let Some(e) = query::entity(&store, name)? else {
        eprintln!("no entity matches {name:?} (try `recoupe entities`)");
        return Ok(Outcome::NotFound);
    };
    if json {
        print_json(&e)?;
        return Ok(Outcome::Success);
    }
    println!(
        "{} ({}) — {} mentions",
        e.name,
        e.label.as_str(),
        e.mentions
    );
    println!("key      {}", e.key);
    if let Some(kb) = &e.kb {
        println!(
            "kb       {}:{}{}",
            kb.kb,
            kb.id,
            kb.name
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default()
        );
    }
    let aliases: Vec<String> = e
        .aliases
        .iter()
        .map(|a| format!("{} ×{}", a.surface, a.count))
        .collect();
    println!("aliases  {}", aliases.join(", "));
    if !e.places.is_empty() {
        println!(
            "\n{:<30} {:<8} {:>9} {:>10}",
            "place", "country", "lat", "lon"
        );
        for p in &e.places {
            let fmt = |v: Option<f64>| v.map(|v| format!("{v:.3}")).unwrap_or_else(|| "-".into());
            println!(
                "{:<30} {:<8} {:>9} {:>10}",
                p.name,
                p.country.as_deref().unwrap_or("-"),
                fmt(p.lat),
                fmt(p.lon)
            );
        }
    }
    println!("\narticles ({})", e.documents.len());
    for d in e.documents.iter().take(20) {
        println!(
            "  {}  {}  {}",
            short(&d.id, 12),
            d.published
                .map(|p| p.to_string())
                .unwrap_or_else(|| "          ".into()),
            d.title.as_deref().unwrap_or("(untitled)")
        );
    }
    if !e.co_mentioned.is_empty() {
        let co: Vec<String> = e
            .co_mentioned
            .iter()
            .take(12)
            .map(|c| format!("{} ({})", c.name, c.documents))
            .collect();
        println!("\nco-mentioned  {}", co.join(", "));
    }
    if !e.other_matches.is_empty() {
        println!("\nalso matched: {}", e.other_matches.join(", "));
    }
    for m in &e.merged_from {
        println!("merged from: {}", merge_line(m));
    }
    Ok(Outcome::Success)
}

fn kind_name(kind: AttributionKind) -> String {
    format!("{kind:?}").to_lowercase()
}

fn claims(db: &Path, speaker: &str, json: bool) -> Result<Outcome> {
    let store = recoupe_app::open_existing(db)?;
    let claims = query::claims(&store, speaker)?;
    if json {
        print_json(&claims)?;
    } else if claims.is_empty() {
        println!("no statement attributed to {speaker:?}");
    } else {
        for c in &claims {
            println!(
                "{} {} — {}",
                short(&c.doc_id, 12),
                c.published.map(|p| p.to_string()).unwrap_or_default(),
                c.title.as_deref().unwrap_or("(untitled)")
            );
            println!(
                "  {} → {}",
                c.speaker.as_deref().unwrap_or("(unnamed)"),
                c.content.replace('\n', " ")
            );
            let mut details = vec![kind_name(c.kind)];
            if !c.via.is_empty() {
                details.push(format!("via {}", c.via.join(" ← ")));
            }
            if let Some(ch) = &c.channel {
                details.push(format!("channel {ch}"));
            }
            if c.hedged {
                details.push("HEDGED".into());
            }
            println!("  {}", details.join(" · "));
        }
    }
    Ok(if claims.is_empty() {
        Outcome::NotFound
    } else {
        Outcome::Success
    })
}

// ------------------------------------------------------------------ demo

fn demo(db: &Path, style: Style) -> Result<Outcome> {
    let started = Instant::now();
    let mut store = recoupe_app::open_store(db)?;
    let report = recoupe_app::demo::run_demo(&mut store)?;
    println!(
        "{}",
        style.bold(&format!(
            "recoupe demo: {} bundled articles → {} ({} new, {} already there) in {:.2}s",
            report.articles,
            db.display(),
            report.inserted,
            report.articles - report.inserted,
            started.elapsed().as_secs_f64()
        ))
    );
    let c = &report.counts;
    println!(
        "  sentences {} · entities {} · places {} · dates {} · quantities {} · attributions {} · unsourced {}",
        c.sentences, c.entities, c.places, c.dates, c.quantities, c.attributions, c.unsourced,
    );
    if !report.top_entities.is_empty() {
        println!("\n{}", style.bold("Most mentioned"));
        for e in &report.top_entities {
            println!(
                "  {:<5} {:<34} {} mentions in {} articles",
                e.label.as_str(),
                e.name,
                e.mentions,
                e.documents
            );
        }
    }
    println!("\n{}", style.bold("Who says what (first attributions)"));
    for a in &report.first_attributions {
        let mut details = vec![kind_name(a.kind)];
        if !a.via.is_empty() {
            details.push(format!("via {}", a.via.join(" ← ")));
        }
        if a.hedged {
            details.push("HEDGED".into());
        }
        println!(
            "  {} → {}…  [{}]",
            a.speaker.as_deref().unwrap_or("(no speaker)"),
            a.content,
            details.join(", ")
        );
    }
    println!("\nTry next:");
    println!("  recoupe --db {} search \"Deir ez-Zor\"", db.display());
    println!(
        "  recoupe --db {} show {} --explain",
        db.display(),
        short(&report.first_id, 8)
    );
    println!("  recoupe --db {} entities --type ORG", db.display());
    println!("  recoupe --db {} stats", db.display());
    Ok(Outcome::Success)
}

// ------------------------------------------------------------------ eval

fn eval(
    corpus: &Path,
    json: bool,
    mismatch_layers: Option<Vec<String>>,
    progress: bool,
) -> Result<Outcome> {
    let bar = EvalBar(progress_bar(
        progress,
        0,
        "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} ({per_sec}) {msg}",
    ));
    let run = recoupe_app::eval::evaluate(corpus, mismatch_layers.as_deref(), &bar)?;
    if let Some(bar) = bar.0 {
        bar.finish_and_clear();
    }
    if json {
        print_json(&run.report)?;
    } else {
        print!("{}", run.report.render_text());
        eprintln!(
            "pipeline: {} documents in {:.2}s ({})",
            run.documents,
            run.elapsed.as_secs_f64(),
            run.stages.join(" → ")
        );
    }
    Ok(Outcome::Success)
}

// ------------------------------------------------------------------ merges

/// "FDS (name:ORG:fds) → actors:sdf [acronym] defined as …"
fn merge_line(m: &recoupe_app::EntityMerge) -> String {
    let explanation = m
        .evidence
        .get("explanation")
        .and_then(|e| e.as_str())
        .unwrap_or_default();
    format!(
        "{} ({}) → {} ({}) [{}] {}",
        m.from_name.as_deref().unwrap_or("-"),
        m.from_key,
        m.to_name.as_deref().unwrap_or("-"),
        m.to_key,
        m.rule,
        explanation
    )
}

fn merges(db: &Path, recluster: bool, json: bool) -> Result<Outcome> {
    let mut store = recoupe_app::open_existing(db)?;
    if recluster {
        let report = query::recluster(&mut store)?;
        if !json {
            let by_rule: Vec<String> = report
                .by_rule
                .iter()
                .map(|(rule, n)| format!(" {rule} {n}"))
                .collect();
            println!(
                "clustering: {} new merges{}, {} ambiguous, {} kept undone, {} active",
                report.added,
                by_rule.join(","),
                report.ambiguous,
                report.kept_undone,
                report.active
            );
        }
    }
    let list = query::merges(&store)?;
    if json {
        print_json(&list)?;
    } else if list.is_empty() {
        println!("no entity merges");
    } else {
        for m in &list {
            println!("{:>5}  {}", m.id, merge_line(m));
        }
    }
    Ok(Outcome::Success)
}

fn unmerge(db: &Path, from_key: &str, json: bool) -> Result<Outcome> {
    let mut store = recoupe_app::open_existing(db)?;
    let Some(merge) = query::unmerge(&mut store, from_key)? else {
        eprintln!("{from_key:?} is not merged into another entity (see `recoupe merges`)");
        return Ok(Outcome::NotFound);
    };
    if json {
        print_json(&merge)?;
    } else {
        println!("undone: {}", merge_line(&merge));
    }
    Ok(Outcome::Success)
}
