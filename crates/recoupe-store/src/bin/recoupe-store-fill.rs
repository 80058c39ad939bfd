//! Inserts generated documents into a store in batches until killed, printing
//! `committed <total>` after each committed batch. The crash test kills it mid-ingest
//! and checks that the store lost nothing it reported as committed.
//!
//! Usage: recoupe-store-fill <database> [batch-size] [batches]

use std::io::Write;
use std::process::ExitCode;

use recoupe_store::{synthetic, SqliteStore, Store};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: recoupe-store-fill <database> [batch-size] [batches]");
        return ExitCode::from(2);
    };
    let batch_size: u64 = match args.get(1).map(|s| s.parse()) {
        None => 256,
        Some(Ok(size)) if size > 0 => size,
        Some(_) => {
            eprintln!("batch size must be a positive integer, got `{}`", args[1]);
            return ExitCode::from(2);
        }
    };
    let batches: Option<u64> = match args.get(2).map(|s| s.parse()) {
        None => None,
        Some(Ok(n)) => Some(n),
        Some(Err(_)) => {
            eprintln!("batch count must be an integer, got `{}`", args[2]);
            return ExitCode::from(2);
        }
    };
    match fill(path, batch_size, batches) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("recoupe-store-fill: {e}");
            ExitCode::FAILURE
        }
    }
}

fn fill(
    path: &str,
    batch_size: u64,
    batches: Option<u64>,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut store = SqliteStore::open(path)?;
    // The generated documents are variations of one template, so the cross-article layer
    // would see a single story of every document; this filler measures and tests the
    // document store (the layer has its own tests and benchmark).
    store.set_story_layer(false);
    // Continue numbering after what is stored, so every run inserts new documents.
    let mut next = store.count()?;
    let stdout = std::io::stdout();
    let mut done = 0;
    while batches.is_none_or(|limit| done < limit) {
        let batch: Vec<_> = (next..next + batch_size).map(synthetic::document).collect();
        store.put_batch(&batch)?;
        next += batch_size;
        done += 1;
        let mut out = stdout.lock();
        writeln!(out, "committed {}", store.count()?)?;
        out.flush()?;
    }
    Ok(())
}
