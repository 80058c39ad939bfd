//! Order independence on the shared corpus, when it sits beside the repository: the corpus
//! ingested in shuffled orders gives the same stories, copies and facts.

use std::collections::BTreeSet;
use std::path::Path;

use recoupe_model::{Document, Metadata, Origin, OriginKind};
use recoupe_stories::{Config, StoryEngine};

type Outcome = (
    BTreeSet<Vec<String>>,
    BTreeSet<(String, String)>,
    BTreeSet<String>,
);

fn outcome(engine: &StoryEngine) -> Outcome {
    let stories = engine.stories();
    let stories_set = stories
        .iter()
        .map(|s| s.articles.iter().map(|a| a.to_string()).collect())
        .collect();
    let copies = engine
        .copies()
        .map(|c| (c.a.to_string(), c.b.to_string()))
        .collect();
    let facts = stories
        .iter()
        .flat_map(|s| {
            s.facts.iter().map(|f| {
                let reports: Vec<String> = f
                    .reports
                    .iter()
                    .map(|r| format!("{}@{}", r.doc, r.span.start))
                    .collect();
                format!("{} {} {}", f.key, reports.join(","), f.disagreements.len())
            })
        })
        .collect();
    (stories_set, copies, facts)
}

#[test]
fn issue12_shared_corpus_in_shuffled_orders_gives_the_same_result() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/articles.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{} not found: skipped", path.display());
        return;
    };
    let pipeline = recoupe_pipeline::french_news().expect("pipeline");
    let docs: Vec<Document> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).expect("article");
            let mut meta = Metadata::new(Origin {
                kind: OriginKind::Jsonl,
                path: "articles.jsonl".into(),
                record: None,
            });
            meta.external_id = record["id"].as_str().map(str::to_string);
            meta.outlet = record["outlet"].as_str().map(str::to_string);
            let mut doc = Document::new(record["text"].as_str().unwrap_or("").to_string(), meta);
            pipeline.run(&mut doc).expect("pipeline runs");
            doc
        })
        .collect();
    let run = |order: &[usize]| {
        let mut engine = StoryEngine::new(Config::default());
        for &i in order {
            engine.add(&docs[i]);
        }
        outcome(&engine)
    };
    let forward: Vec<usize> = (0..docs.len()).collect();
    let reference = run(&forward);
    let backward: Vec<usize> = forward.iter().rev().copied().collect();
    assert_eq!(run(&backward), reference);
    // A fixed pseudo-random permutation (multiplicative step coprime with the length).
    let step = (1..docs.len())
        .find(|s| gcd(*s * 37 + 1, docs.len()) == 1)
        .unwrap_or(1)
        * 37
        + 1;
    let shuffled: Vec<usize> = (0..docs.len())
        .map(|i| (i * step + 5) % docs.len())
        .collect();
    assert_eq!(run(&shuffled), reference);
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}
