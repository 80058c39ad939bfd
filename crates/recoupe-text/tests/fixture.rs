//! The benchmark fixture (`tests/fixtures/news_fr.txt`, French news-style text written
//! for recoupe) has known token and sentence counts; the benchmark asserts the same
//! numbers on its repeated corpus.

const FIXTURE: &str = include_str!("fixtures/news_fr.txt");

/// Sentences of the fixture, checked by reading (`cargo run -p recoupe-text --example
/// segment < tests/fixtures/news_fr.txt`): 31 sentences, 2 of them headlines.
const SENTENCES: usize = 31;
const HEADLINES: usize = 2;
/// Tokens of the fixture (regression value; the phenomena are checked by the golden
/// files). Keep in sync with `benches/text.rs`.
const TOKENS: usize = 629;

#[test]
fn fixture_counts() {
    let analysis = recoupe_text::analyze(FIXTURE);
    assert_eq!(analysis.sentences.len(), SENTENCES);
    assert_eq!(
        analysis.sentences.iter().filter(|s| s.headline).count(),
        HEADLINES
    );
    assert_eq!(analysis.tokens.len(), TOKENS);
}
