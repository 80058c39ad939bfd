//! Prints the report of the gold-built documents on a corpus (default: the bundled demo),
//! as a text table and as JSON: what a perfect run looks like, and the JSON shape.
//!
//! `cargo run -p recoupe-eval --example oracle_report -- [CORPUS_DIR] [--drop LAYER]`
//! (`--drop places` removes a layer from one document to show a "not produced" entry).

use std::path::PathBuf;

use recoupe_eval::{evaluate, load_corpus, oracle_documents};
use recoupe_model::Layer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../demo");
    let mut drop = None;
    while let Some(arg) = args.next() {
        if arg == "--drop" {
            let name = args.next().ok_or("--drop needs a layer name")?;
            let layer = Layer::ALL
                .into_iter()
                .find(|l| l.name() == name)
                .ok_or_else(|| format!("unknown layer `{name}`"))?;
            drop = Some(layer);
        } else {
            dir = PathBuf::from(arg);
        }
    }
    let corpus = load_corpus(&dir)?;
    let mut documents = oracle_documents(&corpus);
    if let (Some(layer), Some(first)) = (drop, documents.first_mut()) {
        first.produced.remove(&layer);
    }
    let report = evaluate(&corpus, &documents);
    println!("{}", report.render_text());
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
