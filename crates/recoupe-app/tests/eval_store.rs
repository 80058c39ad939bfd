//! `recoupe eval` scores the cross-article layer as a store computes it: the corpus is
//! ingested into a temporary store without its `cluster` field, and what is read back
//! scores the same as the layer run in memory.

use std::path::{Path, PathBuf};

use recoupe_app::eval::{evaluate, store_articles, Silent};
use recoupe_eval::{evaluate_with, load_corpus, EvalOptions, Report};
use recoupe_model::{Document, OriginKind};

fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("recoupe-eval-store-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("temporary directory")
}

fn stories_a() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checks/stories-a")
}

/// The cross-article scores of a report, as JSON (stories, copies, facts, disagreements,
/// sources, events).
fn story_layers(report: &Report) -> serde_json::Value {
    let json = serde_json::to_value(report).unwrap();
    let layers = &json["layers"];
    serde_json::json!({
        "stories": layers["stories"],
        "copies": layers["copies"],
        "facts": layers["facts"],
        "disagreements": layers["disagreements"],
        "sources": layers["sources"],
        "events": layers["events"],
    })
}

/// A copy of checks/stories-a whose `cluster` fields are all wrong: each article gets
/// the cluster of another story (rotated), and one gets none.
fn scrambled_corpus(dir: &Path) -> PathBuf {
    let out = dir.join("scrambled");
    std::fs::create_dir_all(&out).unwrap();
    for name in ["gold.jsonl", "stories.jsonl", "events.jsonl"] {
        std::fs::copy(stories_a().join(name), out.join(name)).unwrap();
    }
    let text = std::fs::read_to_string(stories_a().join("articles.jsonl")).unwrap();
    let mut records: Vec<serde_json::Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let clusters: Vec<serde_json::Value> = records.iter().map(|r| r["cluster"].clone()).collect();
    let distinct: std::collections::BTreeSet<String> = clusters
        .iter()
        .filter_map(|c| c.as_str())
        .map(String::from)
        .collect();
    assert!(distinct.len() >= 3, "stories-a has several story clusters");
    for (i, record) in records.iter_mut().enumerate() {
        record["cluster"] = if i == 0 {
            serde_json::Value::Null
        } else {
            clusters[(i + 5) % clusters.len()].clone()
        };
    }
    let lines: Vec<String> = records.iter().map(|r| r.to_string()).collect();
    std::fs::write(out.join("articles.jsonl"), lines.join("\n") + "\n").unwrap();
    out
}

#[test]
fn eval_through_the_store_ignores_the_cluster_field() {
    let dir = temp_dir();
    let scrambled = scrambled_corpus(dir.path());
    let original = evaluate(&stories_a(), None, &Silent).unwrap();
    let wrong = evaluate(&scrambled, None, &Silent).unwrap();
    let scored = story_layers(&original.report);
    assert!(
        scored["stories"]["pairwise"]["tp"].as_u64().unwrap() > 0,
        "stories are scored: {scored}"
    );
    assert_eq!(scored, story_layers(&wrong.report));
}

#[test]
fn the_stored_layer_scores_as_the_layer_in_memory() {
    let corpus = load_corpus(&stories_a()).unwrap();
    let pipeline = recoupe_app::pipeline().unwrap();
    let articles: Vec<Document> = corpus
        .articles
        .iter()
        .filter(|d| d.meta.origin.kind == OriginKind::Jsonl)
        .cloned()
        .collect();
    let mut in_memory = corpus.articles.clone();
    recoupe_app::ingest::annotate(&pipeline, &mut in_memory).unwrap();
    let expected = story_layers(&evaluate_with(&corpus, &in_memory, EvalOptions::default()));
    // Small batches: the layer is updated across many transactions.
    for batch in [3, 64] {
        let dir = temp_dir();
        let (stored, layer) = store_articles(
            &dir.path().join("eval.db"),
            &pipeline,
            &articles,
            batch,
            &Silent,
        )
        .unwrap();
        assert_eq!(stored.len(), articles.len());
        assert!(stored.iter().all(|d| d.meta.cluster.is_none()));
        let report = recoupe_eval::evaluate_with_layer(
            &corpus,
            &stored,
            EvalOptions::default(),
            Some(layer),
        );
        assert_eq!(story_layers(&report), expected, "batches of {batch}");
    }
}
