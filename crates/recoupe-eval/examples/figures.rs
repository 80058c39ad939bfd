//! Prints what the cross-article layer reads in every count of a corpus: one JSON object a
//! line per article (its corpus id and its figures: text, span, category, part, earlier,
//! source, evidence). For reading the fact-linking errors next to `stories.jsonl`.
//!
//! `cargo run --release -p recoupe-eval --example figures -- CORPUS_DIR`

use std::path::PathBuf;

use recoupe_eval::load_corpus;
use recoupe_model::OriginKind;
use recoupe_stories::{Config, DocFeatures};
use serde_json::json;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: figures CORPUS_DIR")?;
    let corpus = load_corpus(&dir)?;
    let pipeline = recoupe_pipeline::french_news()?;
    let config = Config::default();
    for article in &corpus.articles {
        if article.meta.origin.kind != OriginKind::Jsonl {
            continue;
        }
        let mut doc = article.clone();
        doc.meta.cluster = None;
        pipeline.run(&mut doc)?;
        let features = DocFeatures::of(&doc, &config);
        let figures: Vec<_> = features
            .figures
            .iter()
            .map(|f| {
                json!({
                    "text": doc.slice(f.span),
                    "start": f.span.start,
                    "end": f.span.end,
                    "category": f.category,
                    "part": f.part,
                    "earlier": f.earlier,
                    "source": f.source.as_ref().map(|s| format!("{} ({})", s.key, s.name)),
                    "evidence": f.evidence,
                })
            })
            .collect();
        println!(
            "{}",
            json!({"article": features.display(), "figures": figures})
        );
    }
    Ok(())
}
