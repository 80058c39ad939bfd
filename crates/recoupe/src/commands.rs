//! One function per subcommand: call `recoupe_app`, render what it returns.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use recoupe_app::eval::EvalProgress;
use recoupe_app::ingest::{IngestObserver, IngestProgress};
use recoupe_app::{query, ClusterProgress, ClusterStep, IngestError, Note};
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
    // `--db` before the command name, else after it (or $RECOUPE_DB), else the default.
    let db: PathBuf = match (cli.command.store(), &cli.db) {
        (None, Some(_)) => {
            return Ok(Outcome::Usage(format!(
                "`{}` uses no store: --db is not an option of it",
                cli.command.name()
            )))
        }
        (None, None) => PathBuf::new(),
        (Some(store), top) => top
            .clone()
            .or_else(|| store.db.clone())
            .unwrap_or_else(|| PathBuf::from("recoupe.db")),
    };
    let db = db.as_path();
    match cli.command {
        Command::Ingest {
            paths,
            batch,
            no_cluster,
            no_stories,
            lang,
            json,
            ..
        } => {
            let settings = recoupe_app::ingest::IngestSettings {
                batch,
                cluster: !no_cluster,
                stories: !no_stories,
            };
            ingest(db, &paths, &settings, lang, json, progress)
        }
        Command::Extract {
            paths,
            without,
            lang,
        } => extract(&paths, &without, lang),
        Command::Search {
            query,
            words,
            limit,
            outlet,
            from,
            to,
            entity,
            lang,
            json,
            ..
        } => {
            let request = query::SearchRequest {
                query: std::iter::once(query)
                    .chain(words)
                    .collect::<Vec<_>>()
                    .join(" "),
                outlet,
                language: lang,
                from,
                to,
                entity: None,
                limit: limit as usize,
            };
            search(db, request, entity.as_deref(), json.json)
        }
        Command::Show {
            doc, explain, json, ..
        } => show(db, &doc, explain, json, style),
        Command::Stats { json, .. } => stats(db, json.json),
        Command::Export {
            format,
            output,
            table,
            out,
            ..
        } => export(
            db,
            format,
            output.as_deref(),
            table.as_deref(),
            out.as_deref(),
        ),
        Command::Demo { serve, server, .. } => {
            demo(db, style)?;
            if serve {
                crate::serve::serve(db, &server)?;
            }
            Ok(Outcome::Success)
        }
        Command::Serve { server, .. } => crate::serve::serve(db, &server),
        Command::Eval {
            corpus,
            json,
            mismatches,
        } => eval(&corpus, json, mismatches, progress),
        Command::Entities {
            label, top, json, ..
        } => entities(db, label.as_deref(), top as usize, json.json),
        Command::Entity {
            name, limit, json, ..
        } => entity(db, &name, limit as usize, json.json),
        Command::Claims {
            speaker,
            via,
            limit,
            json,
            ..
        } => claims(
            db,
            speaker.as_deref(),
            via.as_deref(),
            limit as usize,
            json.json,
        ),
        Command::Merges {
            recluster, json, ..
        } => merges(db, recluster, json.json),
        Command::Unmerge { from_key, json, .. } => unmerge(db, &from_key, json.json),
        Command::Stories {
            min_articles,
            disagreeing,
            limit,
            update,
            json,
            ..
        } => {
            let filter = query::StoryFilter {
                min_articles: min_articles as usize,
                disagreeing,
                limit: limit as usize,
                ..Default::default()
            };
            crate::stories::stories(db, &filter, update, json.json, style)
        }
        Command::Story {
            id, explain, json, ..
        } => crate::stories::story(db, &id, explain, json.json, style),
        Command::Facts {
            disagreeing,
            story,
            limit,
            json,
            ..
        } => {
            let filter = query::FactFilter {
                disagreeing,
                story,
                limit: limit as usize,
            };
            crate::stories::facts(db, &filter, json.json, style)
        }
        Command::Events {
            event_type,
            country,
            from,
            to,
            actor,
            limit,
            json,
            ..
        } => {
            let filter = query::EventFilter {
                event_type,
                country,
                from,
                to,
                actor,
                limit: Some(limit as usize),
            };
            crate::stories::events(db, &filter, json.json, style)
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
    /// The clustering step the bar shows, once clustering started.
    clustering: Option<ClusterStep>,
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

    fn cluster_progress(&mut self, p: &ClusterProgress) {
        let Some(bar) = &self.bar else {
            return;
        };
        if self.clustering != Some(p.step) {
            // The ingest bar becomes the clustering bar, one step after another.
            if self.clustering.is_none() {
                bar.set_style(
                    ProgressStyle::with_template(
                        "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} entity clustering: {msg}",
                    )
                    .expect("static template"),
                );
            }
            self.clustering = Some(p.step);
            bar.set_message(p.step.describe());
        }
        bar.set_length(p.total);
        bar.set_position(p.done);
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
    lang: Option<String>,
    json: bool,
    progress: bool,
) -> Result<Outcome> {
    let mut terminal = Terminal {
        bar: progress_bar(
            progress,
            recoupe_app::ingest::input_size(paths),
            "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} ({bytes_per_sec}) {msg}",
        ),
        clustering: None,
    };
    let opts = reader_options(lang)?;
    let summary = recoupe_app::ingest::ingest_with(db, paths, settings, &opts, &mut terminal)?;
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
        if !summary.not_french.is_empty() {
            let languages: Vec<String> = summary
                .not_french
                .iter()
                .map(|(code, n)| format!("{code} {n}"))
                .collect();
            let n: u64 = summary.not_french.values().sum();
            println!(
                "not in French: {n} document{} ({}): French stages skipped (entities, places, attributions…); \
                 `--lang fr` if they are French",
                if n == 1 { "" } else { "s" },
                languages.join(", ")
            );
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

/// Reader options of `--lang CODE`; a code that is not a language code is an error.
fn reader_options(lang: Option<String>) -> Result<recoupe_app::IngestOptions> {
    if let Some(code) = &lang {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
            anyhow::bail!("--lang {code:?} is not a language code (ISO 639-1, e.g. `fr`)");
        }
    }
    Ok(recoupe_app::IngestOptions {
        language: lang,
        ..recoupe_app::IngestOptions::default()
    })
}

// ------------------------------------------------------------------ extract

fn extract(paths: &[String], without: &[String], lang: Option<String>) -> Result<Outcome> {
    let drop = recoupe_app::extract::parse_layers(without)?;
    let opts = reader_options(lang)?;
    let pipeline = recoupe_app::pipeline()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut terminal = Terminal {
        bar: None,
        clustering: None,
    };
    let summary = recoupe_app::extract::extract_with(
        &pipeline,
        paths,
        &drop,
        &opts,
        &mut out,
        &mut terminal,
    )?;
    Ok(if summary.failed > 0 {
        Outcome::PartialFailure
    } else {
        Outcome::Success
    })
}

// ------------------------------------------------------------------ queries

fn search(
    db: &Path,
    mut request: query::SearchRequest,
    entity: Option<&str>,
    json: bool,
) -> Result<Outcome> {
    if let Some(problem) = recoupe_app::search_query_problem(&request.query) {
        return Ok(Outcome::Usage(format!(
            "{problem}: {:?} (see `recoupe search --help` for the syntax)",
            request.query
        )));
    }
    let store = recoupe_app::open_existing(db)?;
    if let Some(name) = entity {
        match query::entity_key(&store, name)? {
            Some(key) => request.entity = Some(key),
            None => {
                eprintln!("no entity matches {name:?}{}", suggestions(&store, name)?);
                return Ok(Outcome::NotFound);
            }
        }
    }
    let results = query::search_filtered(&store, &request)?;
    if json {
        print_json(&results)?;
    } else if results.hits.is_empty() {
        println!("no document matches {:?}", request.query);
    } else {
        println!(
            "{}{} document{} match{} {:?}{}",
            if results.total_exact { "" } else { "at least " },
            results.total,
            if results.total == 1 { "" } else { "s" },
            if results.total == 1 { "es" } else { "" },
            request.query,
            if (results.hits.len() as u64) < results.total {
                format!(" (best {} shown; --limit for more)", results.hits.len())
            } else {
                String::new()
            }
        );
        for hit in &results.hits {
            println!(
                "{}  {}  {}  {}",
                short(&hit.id, 12),
                hit.published
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "          ".into()),
                hit.outlet.as_deref().unwrap_or("-"),
                hit.headline
            );
            let snippet: String = hit
                .snippet
                .iter()
                .map(|part| {
                    if part.hit {
                        format!("[{}]", part.text)
                    } else {
                        part.text.clone()
                    }
                })
                .collect::<String>()
                .replace('\n', " ");
            println!("    {snippet}");
        }
    }
    Ok(if results.hits.is_empty() {
        Outcome::NotFound
    } else {
        Outcome::Success
    })
}

/// " — did you mean: A (ORG), B (PER)?" for a name that matched nothing, or "".
fn suggestions(store: &recoupe_app::SqliteStore, name: &str) -> Result<String> {
    let close = query::entity_suggestions(store, name, 5)?;
    if close.is_empty() {
        return Ok(" (try `recoupe entities`)".into());
    }
    let names: Vec<String> = close
        .iter()
        .map(|e| format!("\"{}\" ({})", e.name, e.label.as_str()))
        .collect();
    Ok(format!(" — did you mean {}?", names.join(", ")))
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

fn export(
    db: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    table: Option<&str>,
    out: Option<&Path>,
) -> Result<Outcome> {
    if format != ExportFormat::Csv && table.is_some() {
        return Ok(Outcome::Usage(
            "--table is for --format csv; --format parquet writes every table".to_string(),
        ));
    }
    if format != ExportFormat::Parquet && out.is_some() {
        return Ok(Outcome::Usage(
            "--out DIR is for --format parquet; use --output FILE".to_string(),
        ));
    }
    let store = recoupe_app::open_existing(db)?;
    if format == ExportFormat::Parquet {
        let Some(dir) = out else {
            return Ok(Outcome::Usage(
                "--format parquet needs --out DIR (one <table>.parquet file per table)".to_string(),
            ));
        };
        for file in recoupe_app::tables::export_parquet(&store, dir)? {
            eprintln!(
                "exported {:>8} rows of {:<12} to {}",
                file.rows,
                file.table,
                file.path.display()
            );
        }
        return Ok(Outcome::Success);
    }
    let table = table.unwrap_or("documents");
    let mut writer: Box<dyn Write> = match output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("creating the export file {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let (n, what) = match format {
        ExportFormat::Csv => (
            recoupe_app::tables::export_csv_table(&store, table, &mut writer)?,
            format!("rows of {table}"),
        ),
        _ => {
            let lines = query::export(&store, query::ExportFormat::Jsonl, &mut writer)?;
            (
                recoupe_app::Store::count(&store)?,
                format!("documents ({lines} lines, one per appearance)"),
            )
        }
    };
    if let Some(path) = output {
        eprintln!("exported {n} {what} to {}", path.display());
    }
    Ok(Outcome::Success)
}

fn entities(db: &Path, label: Option<&str>, top: usize, json: bool) -> Result<Outcome> {
    let store = recoupe_app::open_existing(db)?;
    let listing = query::entity_listing(&store, label, top)?;
    let list = &listing.entities;
    if json {
        print_json(&listing)?;
    } else if list.is_empty() {
        println!(
            "no entity{} in {}",
            label.map(|l| format!(" of type {l}")).unwrap_or_default(),
            db.display()
        );
    } else {
        println!(
            "{:<5} {:>8} {:>9}  {:<36} key",
            "type", "mentions", "documents", "name"
        );
        for e in list {
            println!(
                "{:<5} {:>8} {:>9}  {:<36} {}",
                e.label.as_str(),
                e.mentions,
                e.documents,
                e.name,
                e.key
            );
        }
        let left_out = listing.total.saturating_sub(list.len() as u64);
        if left_out > 0 {
            println!(
                "… {left_out} more entit{} not listed (of {}; --top N for more)",
                if left_out == 1 { "y" } else { "ies" },
                listing.total
            );
        }
    }
    Ok(if list.is_empty() {
        Outcome::NotFound
    } else {
        Outcome::Success
    })
}

fn entity(db: &Path, name: &str, limit: usize, json: bool) -> Result<Outcome> {
    let store = recoupe_app::open_existing(db)?;
    let Some(mut e) = query::entity(&store, name)? else {
        eprintln!("no entity matches {name:?}{}", suggestions(&store, name)?);
        return Ok(Outcome::NotFound);
    };
    query::fill_headlines(&store, &mut e.documents)?;
    if json {
        print_json(&e)?;
        return Ok(Outcome::Success);
    }
    println!(
        "{} ({}) — {} mentions in {} articles",
        e.name,
        e.label.as_str(),
        e.mentions,
        e.documents.len()
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
    println!("  {:<12}  {:<10}  headline", "id", "published");
    for d in e.documents.iter().take(limit) {
        println!(
            "  {:<12}  {:<10}  {}",
            short(&d.id, 12),
            d.published.map(|p| p.to_string()).unwrap_or_default(),
            d.title.as_deref().unwrap_or("-")
        );
    }
    if e.documents.len() > limit {
        println!(
            "  … {} more articles not listed (--limit N for more)",
            e.documents.len() - limit
        );
    }
    if !e.co_mentioned.is_empty() {
        const SHOWN: usize = 12;
        println!("\nco-mentioned (entity, type, articles in common)");
        for c in e.co_mentioned.iter().take(SHOWN) {
            println!("  {:<36} {:<5} {}", c.name, c.label.as_str(), c.documents);
        }
        if e.co_mentioned.len() > SHOWN {
            println!(
                "  … {} more not listed (`--json` lists them)",
                e.co_mentioned.len() - SHOWN
            );
        }
    }
    if !e.other_matches.is_empty() {
        println!("\nalso matched: {}", e.other_matches.join(", "));
    }
    for m in &e.merged_from {
        println!("merged from: {}", merge_line(m));
    }
    Ok(Outcome::Success)
}

/// The kind as the JSON output names it (`according_to`).
fn kind_name(kind: AttributionKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{kind:?}").to_lowercase())
}

fn claims(
    db: &Path,
    speaker: Option<&str>,
    via: Option<&str>,
    limit: usize,
    json: bool,
) -> Result<Outcome> {
    let store = recoupe_app::open_existing(db)?;
    let list = query::statements(&store, speaker, via, limit)?;
    let who = match (speaker, via) {
        (Some(s), Some(v)) => format!("{s:?} via {v:?}"),
        (Some(s), None) => format!("{s:?}"),
        (None, Some(v)) => format!("anyone via {v:?}"),
        (None, None) => String::new(),
    };
    if json {
        print_json(&list)?;
    } else if list.statements.is_empty() {
        println!("no statement attributed to {who}");
        if list.relayed > 0 {
            println!(
                "{} statement{} reached articles via {who}: recoupe claims --via {who}",
                list.relayed,
                if list.relayed == 1 { "" } else { "s" }
            );
        }
        if let Some(name) = speaker.or(via) {
            if query::entity_key(&store, name)?.is_none() {
                eprintln!("no entity matches {name:?}{}", suggestions(&store, name)?);
            }
        }
    } else {
        println!(
            "{} statement{} by {who}",
            list.total,
            if list.total == 1 { "" } else { "s" }
        );
        for c in &list.statements {
            println!();
            print!("{}", render::statement_lines(c));
        }
        let more = list.total - list.statements.len();
        if more > 0 {
            println!("\n… {more} more not shown (--limit N for more)");
        }
        if list.relayed > 0 {
            println!(
                "\n{} more statement{} reached articles via {who} (recoupe claims --via {who})",
                list.relayed,
                if list.relayed == 1 { "" } else { "s" }
            );
        }
    }
    Ok(if list.statements.is_empty() {
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
        if a.polarity != recoupe_model::Polarity::Assert {
            details.push(a.polarity.as_str().to_string());
        }
        if !a.via_names.is_empty() {
            details.push(format!("via {}", a.via_names.join(" ← ")));
        }
        if a.hedged {
            details.push("HEDGED".into());
        }
        println!(
            "  {} {} {}…  [{}]",
            a.speaker_name
                .as_deref()
                .or(a.speaker.as_deref())
                .unwrap_or("(no speaker)"),
            render::polarity_verb(a.polarity),
            a.content,
            details.join(", ")
        );
    }
    let program = program_name();
    println!("\nTry next:");
    println!("  {program} --db {} search \"Deir ez-Zor\"", db.display());
    println!(
        "  {program} --db {} show {} --explain",
        db.display(),
        short(&report.first_id, 8)
    );
    println!("  {program} --db {} entities --type ORG", db.display());
    println!("  {program} --db {} stats", db.display());
    if program != "recoupe" {
        println!(
            "  (`recoupe` is not on your PATH: `cargo install --path crates/recoupe` puts it there)"
        );
    }
    Ok(Outcome::Success)
}

/// How to run this binary again from the current directory: `recoupe` when that name on
/// PATH is this binary, else its path (relative to the current directory when inside it).
fn program_name() -> String {
    let Ok(exe) = std::env::current_exe().and_then(|p| p.canonicalize()) else {
        return "recoupe".into();
    };
    let on_path = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            dir.join("recoupe")
                .canonicalize()
                .is_ok_and(|found| found == exe)
        })
    });
    if on_path {
        return "recoupe".into();
    }
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| cwd.canonicalize().ok())
        .and_then(|cwd| exe.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| exe.clone());
    let shown = shown.display().to_string();
    if shown.contains(char::is_whitespace) {
        format!("\"{shown}\"")
    } else {
        shown
    }
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
