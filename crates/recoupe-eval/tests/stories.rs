//! The cross-article scores on the repository's story check corpus (`checks/stories-a`, our
//! own words) and the reading of `stories.jsonl`.

use std::path::Path;

use recoupe_eval::{evaluate, load_corpus, EvalError, LayerOutcome};

fn repo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

#[test]
fn issue12_story_layers_are_scored_with_their_baselines() {
    let corpus = load_corpus(&repo("checks/stories-a")).expect("check corpus loads");
    assert!(corpus.stories.is_some());
    let pipeline = recoupe_pipeline::french_news().expect("pipeline");
    let mut docs = corpus.articles.clone();
    for doc in &mut docs {
        pipeline.run(doc).expect("pipeline runs");
    }
    let report = evaluate(&corpus, &docs);
    let Some(LayerOutcome::Scored(stories)) = &report.layers.stories else {
        panic!("stories not scored: {:?}", report.layers.stories);
    };
    assert_eq!(stories.articles, 16);
    // Floors well under today's figures: a regression that loses the layer fails here.
    assert!(stories.pairwise.f1.unwrap_or(0.0) >= 0.9, "{stories:?}");
    assert!(stories.baseline.pairwise.f1.is_some());
    let Some(LayerOutcome::Scored(copies)) = &report.layers.copies else {
        panic!("copies not scored");
    };
    assert!(copies.pairs.f1.unwrap_or(0.0) >= 0.9, "{copies:?}");
    let Some(LayerOutcome::Scored(facts)) = &report.layers.facts else {
        panic!("facts not scored");
    };
    assert!(
        facts.pairs.f1.unwrap_or(0.0) > facts.baseline.pairs.f1.unwrap_or(1.0),
        "{facts:?}"
    );
    let json = serde_json::to_value(&report).expect("json");
    for layer in ["stories", "copies", "facts", "disagreements", "sources"] {
        assert_eq!(json["layers"][layer]["status"], "scored", "{layer}");
        assert!(json["layers"][layer]["baseline"].is_object(), "{layer}");
    }
}

#[test]
fn issue12_a_corpus_without_stories_has_no_story_layers() {
    let corpus = load_corpus(&repo("checks/general-a")).expect("check corpus loads");
    assert!(corpus.stories.is_none());
    let report = evaluate(&corpus, &corpus.articles);
    let json = serde_json::to_value(&report).expect("json");
    assert!(json["layers"].get("stories").is_none());
}

#[test]
fn issue12_a_story_naming_an_unknown_article_is_an_error_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("articles.jsonl"),
        "{\"id\": \"a1\", \"text\": \"Un texte.\"}\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("gold.jsonl"),
        "{\"id\": \"a1\", \"entities\": [], \"nationalities\": [], \"places\": [], \"dates\": [], \"quantities\": [], \"attributions\": [], \"unsourced\": []}\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("stories.jsonl"),
        "{\"story\": \"s\", \"articles\": [\"a1\", \"a9\"], \"copies\": [], \"facts\": []}\n",
    )
    .expect("write");
    match load_corpus(dir.path()) {
        Err(EvalError::Record { line, message, .. }) => {
            assert_eq!(line, 1);
            assert!(message.contains("a9"), "{message}");
        }
        other => panic!("expected a record error, got {other:?}"),
    }
}
