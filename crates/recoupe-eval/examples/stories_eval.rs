//! Scores the cross-article layer (facts, disagreements, sources, stories) on documents
//! annotated beforehand, without running the pipeline: a quick loop while working on
//! `recoupe-stories` (the pipeline's layers do not change, only the cross-article reading).
//! The figures equal `recoupe eval`'s, which computes the same layer in a store.
//!
//! `recoupe extract --no-progress DIR/articles.jsonl > annotated.jsonl`, then
//! `cargo run --release -p recoupe-eval --example stories_eval -- DIR annotated.jsonl [LAYER…]`
//! (LAYER: facts, disagreements, sources, stories, copies: list their mismatches).

use std::collections::HashSet;
use std::path::PathBuf;

use recoupe_eval::{load_corpus, score_stories, Prf};
use recoupe_model::{Document, OriginKind};

fn shown(prf: &Prf) -> String {
    format!(
        "P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {})",
        prf.p.unwrap_or(0.0),
        prf.r.unwrap_or(0.0),
        prf.f1.unwrap_or(0.0),
        prf.tp,
        prf.fp,
        prf.fn_
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(annotated)) = (args.get(1), args.get(2)) else {
        return Err("usage: stories_eval CORPUS_DIR ANNOTATED_JSONL [LAYER…]".into());
    };
    let corpus = load_corpus(&PathBuf::from(dir))?;
    let mut docs: Vec<Document> = Vec::new();
    for line in std::fs::read_to_string(annotated)?.lines() {
        docs.push(serde_json::from_str(line)?);
    }
    // `extract` writes a text published twice once: the other appearances get its layers.
    let have: HashSet<String> = docs
        .iter()
        .filter_map(|d| d.meta.external_id.clone())
        .collect();
    for article in &corpus.articles {
        let Some(id) = &article.meta.external_id else {
            continue;
        };
        if article.meta.origin.kind != OriginKind::Jsonl || have.contains(id) {
            continue;
        }
        if let Some(same) = docs.iter().find(|d| d.text == article.text).cloned() {
            let mut copy = same;
            copy.meta = article.meta.clone();
            docs.push(copy);
        }
    }
    let mut mismatches = Vec::new();
    let report = score_stories(&corpus, &docs, Some(&mut mismatches)).ok_or("no stories.jsonl")?;
    println!("stories        {}", shown(&report.stories.pairwise));
    println!("facts          {}", shown(&report.facts.pairs));
    println!("disagreements  {}", shown(&report.disagreements.pairs));
    println!(
        "sources        {:.3} ({}/{})",
        report.sources.right.accuracy.unwrap_or(0.0),
        report.sources.right.right,
        report.sources.right.total
    );
    for m in mismatches.iter().filter(|m| args[3..].contains(&m.layer)) {
        println!(
            "  {} @{} {} {}: {:?}\n      gold:   {}\n      system: {}",
            m.article,
            m.at,
            m.layer,
            m.problem,
            m.text,
            m.expected.as_deref().unwrap_or(""),
            m.got.as_deref().unwrap_or("")
        );
    }
    Ok(())
}
