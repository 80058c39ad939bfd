//! A killed ingest leaves the store consistent and loses nothing it committed: a child
//! process fills a store in batches, is SIGKILLed mid-ingest, and the store is checked.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use recoupe_store::{synthetic, PutOutcome, SqliteStore, Store};

const FILL: &str = env!("CARGO_BIN_EXE_recoupe-store-fill");
const BATCH: u64 = 64;

/// Starts the filler, waits until it reported `batches` commits, kills it, and returns
/// the last committed count it reported.
fn fill_then_kill(db: &std::path::Path, batches: usize, delay: Duration) -> u64 {
    let mut child = Command::new(FILL)
        .arg(db)
        .arg(BATCH.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start recoupe-store-fill");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut last_committed = 0;
    let deadline = Instant::now() + Duration::from_secs(120);
    for _ in 0..batches {
        let line = lines
            .next()
            .expect("filler exited before committing enough batches")
            .expect("read filler output");
        last_committed = line
            .strip_prefix("committed ")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("unexpected filler output `{line}`"));
        assert!(Instant::now() < deadline, "filler too slow");
    }
    // The filler is now generating or writing its next batch (it never waits between
    // batches); the delay moves the kill to different points of that work.
    std::thread::sleep(delay);
    // Child::kill is SIGKILL on Unix: no destructor, no checkpoint, no rollback.
    child.kill().expect("kill the filler");
    let status = child.wait().expect("reap the filler");
    assert!(!status.success(), "the filler was killed, not finished");
    last_committed
}

fn check_consistent(store: &SqliteStore, at_least: u64) -> u64 {
    assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
    let count = store.count().unwrap();
    assert!(
        count >= at_least,
        "lost committed documents: {count} < {at_least}"
    );
    assert_eq!(count % BATCH, 0, "a partial batch was stored: {count}");
    // Every generated document says "Dépêche": the full-text index agrees with the table.
    let hits = store.search("depeche", count as usize + 10).unwrap();
    assert_eq!(
        hits.len() as u64,
        count,
        "full-text index and documents disagree"
    );
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, count);
    // Every stored document reads back whole.
    let mut seen = 0;
    store
        .for_each_document(&mut |doc| {
            assert_eq!(doc, synthetic::document(seen));
            seen += 1;
            Ok(())
        })
        .unwrap();
    assert_eq!(seen, count);
    count
}

#[test]
fn a_killed_ingest_keeps_every_committed_batch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("killed.db");

    let mut count = 0;
    for (round, (batches, delay_ms)) in [(5, 0), (3, 15), (2, 40), (2, 90)].into_iter().enumerate()
    {
        // Each run resumes numbering after what is stored.
        let reported = fill_then_kill(&db, batches, Duration::from_millis(delay_ms));
        assert!(reported > count, "round {round}: no progress");
        let store = SqliteStore::open(&db).expect("reopen after kill");
        count = check_consistent(&store, reported);
    }
    let mut store = SqliteStore::open(&db).expect("reopen");

    // Ingesting again works, and re-ingesting stored documents is a no-op.
    let next: Vec<_> = (count..count + BATCH).map(synthetic::document).collect();
    assert!(store
        .put_batch(&next)
        .unwrap()
        .iter()
        .all(|o| *o == PutOutcome::Inserted));
    assert!(store
        .put_batch(&next)
        .unwrap()
        .iter()
        .all(|o| *o == PutOutcome::Duplicate));
    check_consistent(&store, count + BATCH);
}
