//! Throughput of the text layer: normalise + tokenise + segment a ~5 MB French news
//! corpus (the committed fixture repeated), single thread.
//!
//! Run with `cargo bench -p recoupe-text`; divan reports bytes per second.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};

const FIXTURE: &str = include_str!("../tests/fixtures/news_fr.txt");
const TARGET_BYTES: usize = 5 * 1024 * 1024;
/// Token and sentence counts of one copy of the fixture (see `tests/fixture.rs`).
const FIXTURE_TOKENS: usize = 629;
const FIXTURE_SENTENCES: usize = 31;

fn corpus() -> String {
    let copies = TARGET_BYTES / FIXTURE.len() + 1;
    let mut corpus = String::with_capacity(copies * (FIXTURE.len() + 1));
    for _ in 0..copies {
        corpus.push_str(FIXTURE);
        // Each copy starts a new paragraph, so counts add up exactly.
        if !corpus.ends_with('\n') {
            corpus.push('\n');
        }
    }
    corpus
}

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 20)]
fn analyze(bencher: Bencher) {
    let corpus = corpus();
    let copies = corpus.len() / FIXTURE.len();
    let all = recoupe_text::analyze(&corpus);
    // Counts scale exactly with the number of copies: nothing leaks across paragraphs.
    assert_eq!(all.tokens.len(), FIXTURE_TOKENS * copies);
    assert_eq!(all.sentences.len(), FIXTURE_SENTENCES * copies);
    bencher
        .counter(BytesCount::new(corpus.len()))
        .bench(|| recoupe_text::analyze(black_box(&corpus)));
}

#[divan::bench(sample_count = 20)]
fn tokenize_only(bencher: Bencher) {
    let corpus = corpus();
    let mut tokens = Vec::new();
    bencher
        .counter(BytesCount::new(corpus.len()))
        .bench_local(|| {
            recoupe_text::tokenize_into(black_box(&corpus), &mut tokens);
            tokens.len()
        });
}

#[divan::bench(sample_count = 20)]
fn normalize_only(bencher: Bencher) {
    let corpus = corpus();
    bencher
        .counter(BytesCount::new(corpus.len()))
        .bench(|| recoupe_text::normalize(black_box(&corpus)).text.len());
}
