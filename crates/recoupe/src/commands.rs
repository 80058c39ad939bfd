//! One function per subcommand.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use recoupe_model::{Document, EntityType, Layer};
use recoupe_pipeline::Pipeline;
use recoupe_store::{PutOutcome, SqliteStore, Store};
use serde::Serialize;

use crate::cli::{Cli, ColorChoice, Command, ExportFormat};
use crate::inputs::{self, InputError};
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
            json,
        } => ingest(&cli.db, &paths, batch, !no_cluster, json, progress),
        Command::Extract { paths, without } => extract(&paths, &without),
        Command::Search { query, limit, json } => search(&cli.db, &query, limit as usize, json),
        Command::Show { doc, explain, json } => show(&cli.db, &doc, explain, json, style),
        Command::Stats { json } => stats(&cli.db, json),
        Command::Export { format, output } => export(&cli.db, format, output.as_deref()),
        Command::Demo => demo(&cli.db, style),
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
    }
}

fn pipeline() -> Result<Pipeline> {
    recoupe_pipeline::french_news().context("assembling the pipeline")
}

fn open_store(db: &Path) -> Result<SqliteStore> {
    SqliteStore::open(db).with_context(|| format!("opening the store {}", db.display()))
}

/// Opens an existing store for reading; a missing file is a user error, not an empty store.
fn open_existing(db: &Path) -> Result<SqliteStore> {
    if !db.exists() {
        bail!(
            "no store at {} — run `recoupe ingest PATH…` or `recoupe demo` first, or pass --db",
            db.display()
        );
    }
    open_store(db)
}

fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

// ------------------------------------------------------------------ ingest

#[derive(Debug, Default, Serialize)]
pub struct IngestSummary {
    pub ingested: u64,
    pub duplicates: u64,
    pub failed: u64,
    pub failures: Vec<String>,
    pub seconds: f64,
    pub docs_per_second: f64,
    /// Cross-article entity merges added by the clustering pass after storing.
    pub merges_added: u64,
    pub cluster_seconds: f64,
}

/// Reads, annotates and stores documents in batches; returns the summary.
///
/// Three stages overlap: a reader thread decodes the inputs (and identifies languages), the
/// calling thread runs the pipeline on each batch across all cores, and a writer thread
/// commits the previous batch to the store meanwhile. Each batch is one transaction, so a
/// killed ingest loses at most the batches not yet committed.
pub fn ingest_into(
    store: &mut (dyn Store + Send),
    pipeline: &Pipeline,
    paths: &[String],
    batch: usize,
    progress: bool,
) -> Result<IngestSummary> {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::mpsc::sync_channel;

    enum ReadEvent {
        Batch(Vec<Document>),
        Failure(InputError),
        Note(String),
    }

    let started = Instant::now();
    let mut summary = IngestSummary::default();
    let bar = progress_bar(progress, inputs::total_bytes(paths));
    let batch = batch.max(1);
    let ingested = AtomicU64::new(0);
    let duplicates = AtomicU64::new(0);
    let mut documents = inputs::open(paths);
    let bytes_read = documents.bytes_read_counter();
    let (read_tx, read_rx) = sync_channel::<ReadEvent>(4);
    let (write_tx, write_rx) = sync_channel::<Vec<Document>>(2);

    std::thread::scope(|scope| -> Result<()> {
        // Owned by this closure so that an early error return closes the writer's channel
        // (and the reader's, through `read_rx`) instead of leaving their threads waiting.
        let write_tx = write_tx;
        scope.spawn(move || {
            let mut pending = Vec::with_capacity(batch);
            while let Some(item) = documents.next() {
                let event = match item {
                    Ok(doc) => {
                        pending.push(doc);
                        if pending.len() < batch {
                            None
                        } else {
                            Some(ReadEvent::Batch(std::mem::replace(
                                &mut pending,
                                Vec::with_capacity(batch),
                            )))
                        }
                    }
                    Err(err) => Some(ReadEvent::Failure(err)),
                };
                let notes = documents.take_notes();
                for event in event
                    .into_iter()
                    .chain(notes.into_iter().map(|n| ReadEvent::Note(n.to_string())))
                {
                    if read_tx.send(event).is_err() {
                        return; // the consumer stopped on an error
                    }
                }
            }
            if !pending.is_empty() {
                let _ = read_tx.send(ReadEvent::Batch(pending));
            }
        });
        let writer = scope.spawn(|| -> Result<()> {
            for docs in write_rx {
                let outcomes = store
                    .put_batch(&docs)
                    .context("writing a batch to the store")?;
                for o in outcomes {
                    match o {
                        PutOutcome::Inserted => ingested.fetch_add(1, Ordering::Relaxed),
                        PutOutcome::Duplicate => duplicates.fetch_add(1, Ordering::Relaxed),
                    };
                }
            }
            Ok(())
        });
        for event in read_rx {
            match event {
                ReadEvent::Batch(mut docs) => {
                    annotate(pipeline, &mut docs)?;
                    if write_tx.send(docs).is_err() {
                        break; // the writer failed; its error is reported below
                    }
                }
                ReadEvent::Failure(err) => report_failure(&mut summary, &err, &bar),
                ReadEvent::Note(note) => match &bar {
                    Some(bar) => bar.println(format!("note: {note}")),
                    None => eprintln!("note: {note}"),
                },
            }
            if let Some(bar) = &bar {
                bar.set_position(bytes_read.load(Ordering::Relaxed));
                bar.set_message(format!(
                    "{} stored, {} duplicates, {} failed",
                    ingested.load(Ordering::Relaxed),
                    duplicates.load(Ordering::Relaxed),
                    summary.failed
                ));
            }
        }
        drop(write_tx);
        writer
            .join()
            .map_err(|_| anyhow::anyhow!("the store writer thread panicked"))?
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    summary.ingested = ingested.into_inner();
    summary.duplicates = duplicates.into_inner();
    summary.seconds = started.elapsed().as_secs_f64();
    let handled = (summary.ingested + summary.duplicates) as f64;
    summary.docs_per_second = handled / summary.seconds.max(1e-9);
    Ok(summary)
}

fn report_failure(summary: &mut IngestSummary, err: &InputError, bar: &Option<ProgressBar>) {
    summary.failed += 1;
    let line = err.to_string();
    match bar {
        Some(bar) => bar.println(format!("error: {line}")),
        None => eprintln!("error: {line}"),
    }
    summary.failures.push(line);
}

fn progress_bar(enabled: bool, total_bytes: u64) -> Option<ProgressBar> {
    if !enabled {
        return None;
    }
    let bar = ProgressBar::new(total_bytes);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} ({bytes_per_sec}) {msg}",
        )
        .expect("static template"),
    );
    Some(bar)
}

/// Runs the pipeline over a batch, in parallel across documents.
fn annotate(pipeline: &Pipeline, docs: &mut [Document]) -> Result<()> {
    docs.par_iter_mut()
        .try_for_each(|doc| pipeline.run(doc))
        .context("running the pipeline")?;
    Ok(())
}

fn ingest(
    db: &Path,
    paths: &[String],
    batch: usize,
    cluster: bool,
    json: bool,
    progress: bool,
) -> Result<Outcome> {
    let pipeline = pipeline()?;
    let mut store = open_store(db)?;
    let mut summary = ingest_into(&mut store, &pipeline, paths, batch, progress)?;
    if cluster && summary.ingested > 0 {
        let started = Instant::now();
        let report = store
            .cluster_entities()
            .context("clustering entities across articles")?;
        summary.merges_added = report.added;
        summary.cluster_seconds = started.elapsed().as_secs_f64();
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
    let mut drop: Vec<Layer> = Vec::new();
    for name in without {
        let layer = Layer::ALL
            .iter()
            .copied()
            .find(|l| l.name() == name.trim())
            .with_context(|| {
                let known: Vec<&str> = Layer::ALL.iter().map(|l| l.name()).collect();
                format!(
                    "unknown layer `{name}` in --without (layers: {})",
                    known.join(", ")
                )
            })?;
        drop.push(layer);
    }
    let pipeline = pipeline()?;
    let stdin_only = vec!["-".to_string()];
    let paths = if paths.is_empty() { &stdin_only } else { paths };
    let mut failed = 0u64;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut batch: Vec<Document> = Vec::with_capacity(64);
    let write_batch = |batch: &mut Vec<Document>, out: &mut dyn Write| -> Result<()> {
        annotate(&pipeline, batch)?;
        for doc in batch.iter_mut() {
            strip_layers(doc, &drop);
            serde_json::to_writer(&mut *out, doc)?;
            out.write_all(b"\n")?;
        }
        batch.clear();
        Ok(())
    };
    let mut documents = inputs::open(paths);
    while let Some(item) = documents.next() {
        for note in documents.take_notes() {
            eprintln!("note: {note}");
        }
        match item {
            Ok(doc) => {
                batch.push(doc);
                if batch.len() == 64 {
                    write_batch(&mut batch, &mut out)?;
                }
            }
            Err(err) => {
                failed += 1;
                eprintln!("error: {err}");
            }
        }
    }
    write_batch(&mut batch, &mut out)?;
    out.flush()?;
    Ok(if failed > 0 {
        Outcome::PartialFailure
    } else {
        Outcome::Success
    })
}

fn strip_layers(doc: &mut Document, drop: &[Layer]) {
    for layer in drop {
        doc.produced.remove(layer);
        let l = &mut doc.layers;
        match layer {
            Layer::Sentences => l.sentences.clear(),
            Layer::Tokens => l.tokens.clear(),
            Layer::Entities => l.entities.clear(),
            Layer::Nationalities => l.nationalities.clear(),
            Layer::Places => l.places.clear(),
            Layer::Dates => l.dates.clear(),
            Layer::Quantities => l.quantities.clear(),
            Layer::Attributions => l.attributions.clear(),
            Layer::Unsourced => l.unsourced.clear(),
            Layer::Events => l.events.clear(),
        }
    }
}

// ------------------------------------------------------------------ queries

fn search(db: &Path, query: &str, limit: usize, json: bool) -> Result<Outcome> {
    let store = open_existing(db)?;
    let hits = store.search(query, limit)?;
    if json {
        print_json(&hits)?;
    } else if hits.is_empty() {
        println!("no document matches {query:?}");
    } else {
        for hit in &hits {
            println!(
                "{}  {}  {}  {}",
                &hit.id[..12.min(hit.id.len())],
                hit.published
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "          ".into()),
                hit.outlet.as_deref().unwrap_or("-"),
                hit.title.as_deref().unwrap_or("(untitled)")
            );
            let snippet = hit
                .snippet
                .replace(recoupe_store::SNIPPET_START, "[")
                .replace(recoupe_store::SNIPPET_END, "]")
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
    let store = open_existing(db)?;
    let Some(document) = store.get(doc)? else {
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
    }
    Ok(Outcome::Success)
}

fn stats(db: &Path, json: bool) -> Result<Outcome> {
    let store = open_existing(db)?;
    let stats = store.stats()?;
    if json {
        print_json(&stats)?;
        return Ok(Outcome::Success);
    }
    println!("store            {}", db.display());
    println!("documents        {}", stats.documents);
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
    let tallies = |t: &[recoupe_store::Tally]| {
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
    let store = open_existing(db)?;
    let mut writer: Box<dyn Write> = match output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("creating the export file {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let n = match format {
        ExportFormat::Jsonl => recoupe_store::export_jsonl(&store, &mut writer)?,
        ExportFormat::Csv => recoupe_store::export_csv(&store, &mut writer)?,
    };
    writer.flush()?;
    if let Some(path) = output {
        eprintln!("exported {n} documents to {}", path.display());
    }
    Ok(Outcome::Success)
}

fn entities(db: &Path, label: Option<&str>, top: usize, json: bool) -> Result<Outcome> {
    let store = open_existing(db)?;
    let label = label.and_then(EntityType::parse);
    let list = store.top_entities(label, top)?;
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
    let store = open_existing(db)?;
    let Some(e) = store.entity(name)? else {
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
            &d.id[..12.min(d.id.len())],
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

fn claims(db: &Path, speaker: &str, json: bool) -> Result<Outcome> {
    let store = open_existing(db)?;
    let claims = store.claims_by_speaker(speaker)?;
    if json {
        print_json(&claims)?;
    } else if claims.is_empty() {
        println!("no statement attributed to {speaker:?}");
    } else {
        for c in &claims {
            println!(
                "{} {} — {}",
                &c.doc_id[..12.min(c.doc_id.len())],
                c.published.map(|p| p.to_string()).unwrap_or_default(),
                c.title.as_deref().unwrap_or("(untitled)")
            );
            println!(
                "  {} → {}",
                c.speaker.as_deref().unwrap_or("(unnamed)"),
                c.content.replace('\n', " ")
            );
            let mut details = vec![format!("{:?}", c.kind).to_lowercase()];
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
    let pipeline = pipeline()?;
    let mut store = open_store(db)?;
    let mut docs = inputs::demo_documents().context("reading the bundled demo corpus")?;
    annotate(&pipeline, &mut docs)?;
    let outcomes = store.put_batch(&docs)?;
    store
        .cluster_entities()
        .context("clustering entities across articles")?;
    let inserted = outcomes
        .iter()
        .filter(|o| **o == PutOutcome::Inserted)
        .count();
    println!(
        "{}",
        style.bold(&format!(
            "recoupe demo: {} bundled articles → {} ({} new, {} already there) in {:.2}s",
            docs.len(),
            db.display(),
            inserted,
            docs.len() - inserted,
            started.elapsed().as_secs_f64()
        ))
    );
    let count = |f: fn(&Document) -> usize| docs.iter().map(f).sum::<usize>();
    println!(
        "  sentences {} · entities {} · places {} · dates {} · quantities {} · attributions {} · unsourced {}",
        count(|d| d.layers.sentences.len()),
        count(|d| d.layers.entities.len()),
        count(|d| d.layers.places.len()),
        count(|d| d.layers.dates.len()),
        count(|d| d.layers.quantities.len()),
        count(|d| d.layers.attributions.len()),
        count(|d| d.layers.unsourced.len()),
    );
    let top = store.top_entities(None, 8)?;
    if !top.is_empty() {
        println!("\n{}", style.bold("Most mentioned"));
        for e in &top {
            println!(
                "  {:<5} {:<34} {} mentions in {} articles",
                e.label.as_str(),
                e.name,
                e.mentions,
                e.documents
            );
        }
    }
    let mut shown = 0;
    println!("\n{}", style.bold("Who says what (first attributions)"));
    'outer: for doc in &docs {
        for a in &doc.layers.attributions {
            let speaker = a.speaker.map(|s| doc.slice(s)).unwrap_or("(no speaker)");
            let content: String = doc.slice(a.content).chars().take(80).collect();
            let mut details = vec![format!("{:?}", a.kind).to_lowercase()];
            if !a.via.is_empty() {
                details.push(format!("via {}", a.via.join(" ← ")));
            }
            if a.hedged {
                details.push("HEDGED".into());
            }
            println!("  {speaker} → {content}…  [{}]", details.join(", "));
            shown += 1;
            if shown == 6 {
                break 'outer;
            }
        }
    }
    let first = docs.first().map(|d| d.id.to_string()).unwrap_or_default();
    println!("\nTry next:");
    println!("  recoupe --db {} search \"Deir ez-Zor\"", db.display());
    println!(
        "  recoupe --db {} show {} --explain",
        db.display(),
        &first[..8.min(first.len())]
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
    let loaded = recoupe_eval::load_corpus(corpus)
        .with_context(|| format!("loading the evaluation corpus {}", corpus.display()))?;
    let pipeline = pipeline()?;
    let mut docs = loaded.articles.clone();
    let bar = progress_bar(progress, docs.len() as u64);
    let started = Instant::now();
    docs.par_iter_mut()
        .try_for_each(|doc| {
            let r = pipeline.run(doc);
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            r
        })
        .context("running the pipeline on the corpus")?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let elapsed = started.elapsed();
    let options = recoupe_eval::EvalOptions {
        mismatches: mismatch_layers.is_some(),
    };
    let mut report = recoupe_eval::evaluate_with(&loaded, &docs, options);
    // `--mismatches` with no layer lists them all.
    if let (Some(layers), Some(items)) = (&mismatch_layers, &mut report.mismatches) {
        if !layers.is_empty() {
            items.retain(|m| layers.contains(&m.layer));
        }
    }
    if json {
        print_json(&report)?;
    } else {
        print!("{}", report.render_text());
        eprintln!(
            "pipeline: {} documents in {:.2}s ({})",
            docs.len(),
            elapsed.as_secs_f64(),
            pipeline.stage_names().join(" → ")
        );
    }
    Ok(Outcome::Success)
}

// ------------------------------------------------------------------ merges

/// "FDS (name:ORG:fds) → actors:sdf [acronym] defined as …"
fn merge_line(m: &recoupe_store::EntityMerge) -> String {
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
    let mut store = open_existing(db)?;
    if recluster {
        let report = store.cluster_entities()?;
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
    let list = store.merges()?;
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
    let mut store = open_existing(db)?;
    let Some(merge) = store.unmerge(from_key)? else {
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
