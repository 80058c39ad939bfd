//! Time to add one article to the cross-article layer of a large store (stories, copies,
//! facts and event records updated in the transaction that stores it).
//!
//! Usage: recoupe-stories-bench <database> <articles> [probes]
//!
//! Fills the store (story layer on) with generated articles of [`synthetic::story_document`]
//! up to `articles` (resuming where an earlier run stopped, so a 100k store is built once;
//! transactions of 2,048 articles with [`SqliteStore::set_bulk_load`]),
//! then stores `probes` (default 200; 0 only fills) further articles one transaction each, in arrival
//! order (later ones join the stories of earlier ones), and prints one JSON line: the fill
//! time and the p50 / p95 / max milliseconds of one article's `put_batch`. Run it through
//! `tools/bench/stories.sh`.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use recoupe_store::{synthetic, SqliteStore, Store};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(articles)) = (args.first(), args.get(1).and_then(|a| a.parse().ok()))
    else {
        eprintln!("usage: recoupe-stories-bench <database> <articles> [probes]");
        return ExitCode::from(2);
    };
    let probes: u64 = match args.get(2).map(|p| p.parse()) {
        None => 200,
        Some(Ok(p)) => p,
        Some(Err(_)) => {
            eprintln!("probes must be an integer, got `{}`", args[2]);
            return ExitCode::from(2);
        }
    };
    match run(path, articles, probes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("recoupe-stories-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

/// CPU seconds (user + system) this process has used, from /proc (Linux; `None`
/// elsewhere): on a shared machine the wall-clock percentiles include waiting for a core.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks = |i: usize| fields.get(i)?.parse::<f64>().ok();
    // utime and stime are fields 14 and 15 of the line, 11 and 12 after the name; USER_HZ
    // is 100 on Linux.
    Some((ticks(11)? + ticks(12)?) / 100.0)
}

/// Articles per transaction while filling.
const FILL_BATCH: u64 = 2048;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn run(path: &str, articles: u64, probes: u64) -> Result<(), Box<dyn std::error::Error>> {
    let mut store = SqliteStore::open(path)?;
    let mut next = store.count()?;
    let started = Instant::now();
    let fill_cpu_before = cpu_seconds();
    let filled_from = next;
    // Large transactions with a large cache: each batch dirties pages all over the random-key
    // indexes (story_keys, mentions, full text), so fewer, larger batches write far less.
    store.set_bulk_load(true)?;
    while next < articles {
        let end = (next + FILL_BATCH).min(articles);
        let batch: Vec<_> = (next..end).map(synthetic::story_document).collect();
        store.put_batch(&batch)?;
        next = end;
        if next % 10_000 < FILL_BATCH {
            eprintln!(
                "filled {next} ({:.0} articles/s)",
                (next - filled_from) as f64 / started.elapsed().as_secs_f64().max(1e-9)
            );
        }
    }
    store.set_bulk_load(false)?;
    let fill_seconds = started.elapsed().as_secs_f64();
    let fill_cpu = cpu_seconds()
        .zip(fill_cpu_before)
        .map(|(after, before)| after - before);
    let mut times = Vec::with_capacity(probes as usize);
    let cpu_before = cpu_seconds();
    for k in 0..probes {
        let doc = synthetic::story_document(next + k);
        let t = Instant::now();
        store.put_batch(std::slice::from_ref(&doc))?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let cpu = cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| (after - before) * 1000.0 / probes.max(1) as f64);
    let stored = store.count()?;
    let multi = store
        .stories(&recoupe_store::StoryFilter {
            min_articles: 2,
            limit: usize::MAX,
            ..Default::default()
        })?
        .len();
    times.sort_by(f64::total_cmp);
    let line = serde_json::json!({
        "store_articles": next,
        "filled": next - filled_from,
        "fill_seconds": fill_seconds,
        "fill_cpu_seconds": fill_cpu,
        "probes": probes,
        "add_ms_p50": if times.is_empty() { 0.0 } else { percentile(&times, 0.50) },
        "add_ms_p95": if times.is_empty() { 0.0 } else { percentile(&times, 0.95) },
        "add_ms_max": times.last().copied().unwrap_or(0.0),
        "add_cpu_ms_mean": cpu,
        "documents_after": stored,
        "stories_of_several_articles": multi,
    });
    writeln!(std::io::stdout(), "{line}")?;
    Ok(())
}
