//! Prints the event record of every gold story of a corpus (`events.jsonl`), computed from the
//! articles `stories.jsonl` lists for it, next to the gold record: one JSON object a line
//! (`story`, `gold`, `system` with its evidence). For reading the event-record errors.
//!
//! `cargo run --release -p recoupe-eval --example event_records -- CORPUS_DIR [STORY]`

use std::collections::HashMap;
use std::path::PathBuf;

use recoupe_eval::{load_corpus, load_event_gold};
use recoupe_model::{Document, OriginKind};
use serde_json::json;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .map(PathBuf::from)
        .ok_or("usage: event_records CORPUS_DIR [STORY]")?;
    let only = args.next();
    let corpus = load_corpus(&dir)?;
    let gold = load_event_gold(&dir)?.ok_or("the corpus has no events.jsonl")?;
    let pipeline = recoupe_pipeline::french_news()?;
    let wanted: std::collections::BTreeSet<&str> = gold
        .stories
        .iter()
        .filter(|s| only.as_deref().is_none_or(|o| s.story == o))
        .flat_map(|s| s.articles.iter().map(String::as_str))
        .collect();
    let mut docs: HashMap<String, Document> = HashMap::new();
    for article in &corpus.articles {
        let Some(id) = article.meta.external_id.clone() else {
            continue;
        };
        if article.meta.origin.kind != OriginKind::Jsonl || !wanted.contains(id.as_str()) {
            continue;
        }
        let mut doc = article.clone();
        doc.meta.cluster = None;
        pipeline.run(&mut doc)?;
        docs.insert(id, doc);
    }
    for story in &gold.stories {
        if only.as_deref().is_some_and(|o| story.story != o) {
            continue;
        }
        let members: Vec<&Document> = story.articles.iter().filter_map(|a| docs.get(a)).collect();
        let mut record = recoupe_events::story_event(&members, &[]);
        if let Some(r) = record.as_mut() {
            if let Some(f) = r.fatalities.as_mut() {
                f.reports.clear();
            }
        }
        println!(
            "{}",
            json!({"story": story.story, "gold": story.event, "system": record})
        );
    }
    Ok(())
}
