//! Insert throughput of the SQLite store: 10,000 generated documents (~2.9 KB of text,
//! ~560 tokens, ~34 entity mentions, ~11 attributions, every layer produced) in batches
//! of 64, 256 and 1024 into a fresh WAL database.
//!
//! Run: `cargo bench -p recoupe-store --bench insert`. The `docs/s` figure is the
//! items/s column.

use divan::counter::ItemsCount;
use divan::Bencher;
use recoupe_model::Document;
use recoupe_store::{synthetic, PutOutcome, SqliteStore, Store};

const DOCUMENTS: u64 = 10_000;

fn main() {
    divan::main();
}

#[divan::bench(args = [64, 256, 1024], sample_count = 4, sample_size = 1)]
fn insert_batches(bencher: Bencher, batch_size: usize) {
    let docs: Vec<Document> = (0..DOCUMENTS).map(synthetic::document).collect();
    bencher
        .counter(ItemsCount::new(DOCUMENTS))
        .with_inputs(|| {
            let dir = tempfile::tempdir().expect("temporary directory");
            let mut store = SqliteStore::open(dir.path().join("bench.db")).expect("open store");
            // The document store alone: generated documents are variations of one template
            // (one story); the cross-article layer has its own benchmark (tools/bench).
            store.set_story_layer(false);
            (dir, store)
        })
        .bench_local_values(|(dir, mut store)| {
            for batch in docs.chunks(batch_size) {
                let outcomes = store.put_batch(batch).expect("insert batch");
                assert!(outcomes.iter().all(|o| *o == PutOutcome::Inserted));
            }
            assert_eq!(store.count().expect("count"), DOCUMENTS);
            // Returned, so closing (a final WAL checkpoint, paid once per ingest however
            // long) happens outside the timing; the automatic checkpoints every 64 MB of
            // WAL during the run are timed. This is the sustained rate.
            (dir, store)
        });
}
