//! Reads the shared evaluation corpus when it is present (`../shared/corpus` relative to
//! the repository root); skips otherwise. Nothing from it is copied into the repository.

use std::path::Path;

use recoupe_ingest::{read_path, IngestOptions};

#[test]
fn shared_corpus_jsonl_reads_without_errors() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/articles.jsonl");
    if !path.exists() {
        eprintln!("skipped: {} not present", path.display());
        return;
    }
    let mut count = 0;
    for result in read_path(&path, &IngestOptions::default()) {
        let document = result.unwrap_or_else(|error| panic!("{error}"));
        assert!(document.meta.external_id.is_some());
        assert!(
            document.is_french(),
            "{:?} detected as {:?}",
            document.meta.external_id,
            document.meta.language
        );
        count += 1;
    }
    assert!(count > 0);
}
