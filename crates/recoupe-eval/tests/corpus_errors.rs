//! Broken corpus files fail with the file, line and problem.

use std::fs;

use recoupe_eval::{load_corpus, EvalError};

const ARTICLE: &str = r#"{"id": "a1", "pool": "general", "url": "https://example.org/a", "outlet": "x", "published": null, "cluster": null, "text": "Paris est calme."}"#;
const GOLD_OK: &str = r#"{"id": "a1", "entities": [{"text": "Paris", "type": "LOC", "id": "paris"}], "nationalities": [], "places": [], "dates": [], "quantities": [], "attributions": [], "unsourced": ["Paris est calme"]}"#;

fn corpus_with(articles: &str, gold: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("articles.jsonl"), articles).unwrap();
    fs::write(dir.path().join("gold.jsonl"), gold).unwrap();
    let display = dir.path().display().to_string();
    (dir, display)
}

#[test]
fn missing_field_names_file_and_line() {
    let gold = format!("{GOLD_OK}\n\n{}\n", r#"{"id": "a1", "nationalities": []}"#);
    let (dir, path) = corpus_with(ARTICLE, &gold);
    let error = load_corpus(dir.path()).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("{path}/gold.jsonl:3: missing field `entities`")
    );
}

#[test]
fn unknown_entity_type_is_reported() {
    let gold = GOLD_OK.replace("\"LOC\"", "\"PLACE\"");
    let (dir, path) = corpus_with(ARTICLE, &gold);
    let message = load_corpus(dir.path()).unwrap_err().to_string();
    assert!(
        message.starts_with(&format!("{path}/gold.jsonl:1: unknown variant `PLACE`")),
        "{message}"
    );
}

#[test]
fn gold_for_an_unknown_article_is_an_error() {
    let gold = GOLD_OK.replace("\"a1\"", "\"a9\"");
    let (dir, _) = corpus_with(ARTICLE, &gold);
    let message = load_corpus(dir.path()).unwrap_err().to_string();
    assert!(message.contains("gold id `a9` has no article"), "{message}");
}

#[test]
fn bad_publication_date_is_reported() {
    let article = ARTICLE.replace("\"published\": null", "\"published\": \"18/01/2019\"");
    let (dir, path) = corpus_with(&article, GOLD_OK);
    let message = load_corpus(dir.path()).unwrap_err().to_string();
    assert_eq!(
        message,
        format!(
            "{path}/articles.jsonl:1: `published` must be YYYY-MM-DD or null, found `18/01/2019`"
        )
    );
}

#[test]
fn duplicate_ids_are_errors() {
    let articles = format!("{ARTICLE}\n{ARTICLE}\n");
    let (dir, _) = corpus_with(&articles, GOLD_OK);
    let message = load_corpus(dir.path()).unwrap_err().to_string();
    assert!(
        message.contains(":2: duplicate article id `a1`"),
        "{message}"
    );
}

#[test]
fn missing_gold_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("articles.jsonl"), ARTICLE).unwrap();
    assert!(matches!(
        load_corpus(dir.path()),
        Err(EvalError::MissingFile {
            name: "gold.jsonl",
            ..
        })
    ));
}

#[test]
fn invalid_json_is_reported_with_its_line() {
    let (dir, path) = corpus_with(ARTICLE, "{\"id\": \"a1\",");
    let message = load_corpus(dir.path()).unwrap_err().to_string();
    assert!(
        message.starts_with(&format!("{path}/gold.jsonl:1: ")),
        "{message}"
    );
}
