//! Measures the stages against the shared evaluation corpus (`../shared/corpus` from the
//! repository root) and prints the figures; skips cleanly when the corpus is absent.
//!
//! Run: `cargo test -p recoupe-values --test corpus_measure -- --nocapture`
//! (`RECOUPE_VALUES_VERBOSE=1` also lists every miss).
//!
//! Gold items are located with the cursor rule of FORMAT.md. A gold date is right when a
//! predicted date overlapping its span has the same value; a gold quantity is right when an
//! overlapping predicted quantity has the same value and qualifier. Precision counts
//! predictions that overlap no gold item of their layer.

use std::path::PathBuf;

use chrono::NaiveDate;
use recoupe_model::{
    DateSource, Document, Metadata, Origin, OriginKind, Published, QuantityValue, Span, Stage,
};
use recoupe_values::{DateStage, QuantityStage};
use serde_json::Value;

fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    dir.join("gold.jsonl").is_file().then_some(dir)
}

struct Article {
    id: String,
    published: Option<NaiveDate>,
    text: String,
}

fn articles(dir: &std::path::Path) -> Vec<Article> {
    let mut out = Vec::new();
    let jsonl =
        std::fs::read_to_string(dir.join("articles.jsonl")).expect("articles.jsonl readable");
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let record: Value = serde_json::from_str(line).expect("article line is JSON");
        out.push(Article {
            id: record["id"].as_str().unwrap_or_default().to_string(),
            published: record["published"]
                .as_str()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            text: record["text"].as_str().unwrap_or_default().to_string(),
        });
    }
    if let Ok(entries) = std::fs::read_dir(dir.join("seeds")) {
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            out.push(Article {
                id: stem.to_string(),
                published: None,
                text: std::fs::read_to_string(&path).expect("seed readable"),
            });
        }
    }
    out
}

/// Locates `items[*][key]` in order with the FORMAT.md cursor rule.
fn locate(text: &str, items: &[Value], key: &str) -> Vec<Option<Span>> {
    let mut cursor = 0;
    items
        .iter()
        .map(|item| {
            let needle = item[key].as_str()?;
            let found = text.get(cursor..)?.find(needle)? + cursor;
            cursor = found + needle.len();
            Some(Span::new(found, found + needle.len()))
        })
        .collect()
}

fn json_value(value: &QuantityValue) -> Value {
    match value {
        QuantityValue::Single(v) => serde_json::json!(v),
        QuantityValue::Range([a, b]) => serde_json::json!([a, b]),
    }
}

fn same_number(gold: &Value, predicted: &Value) -> bool {
    match (gold, predicted) {
        (Value::Array(g), Value::Array(p)) => {
            g.len() == p.len() && g.iter().zip(p).all(|(a, b)| same_number(a, b))
        }
        (g, p) => match (g.as_f64(), p.as_f64()) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            _ => false,
        },
    }
}

#[derive(Default)]
struct Tally {
    gold: usize,
    right: usize,
    exact_span: usize,
    predicted: usize,
    spurious: usize,
}

impl Tally {
    fn print(&self, name: &str) {
        println!(
            "{name}: value-exact {}/{} = {:.3}; exact span {}/{}; predictions {} of which {} overlap no gold (precision {:.3})",
            self.right,
            self.gold,
            self.right as f64 / self.gold.max(1) as f64,
            self.exact_span,
            self.gold,
            self.predicted,
            self.spurious,
            1.0 - self.spurious as f64 / self.predicted.max(1) as f64
        );
    }
}

#[test]
fn measure_against_shared_corpus() {
    let Some(dir) = corpus_dir() else {
        eprintln!("shared corpus not found; skipping the measurement");
        return;
    };
    let verbose = std::env::var_os("RECOUPE_VALUES_VERBOSE").is_some();
    let gold_text = std::fs::read_to_string(dir.join("gold.jsonl")).expect("gold readable");
    let articles = articles(&dir);
    let mut dates = Tally::default();
    // The same figure on articles that carry a publication date (the peers' fair subset).
    let mut dates_published = Tally::default();
    let mut quantities = Tally::default();
    for line in gold_text.lines().filter(|l| !l.trim().is_empty()) {
        let gold: Value = serde_json::from_str(line).expect("gold line is JSON");
        let id = gold["id"].as_str().unwrap_or_default();
        let Some(article) = articles.iter().find(|a| a.id == id) else {
            println!("gold {id}: no article");
            continue;
        };
        let mut meta = Metadata::new(Origin {
            kind: OriginKind::Jsonl,
            path: "articles.jsonl".into(),
            record: Some(id.to_string()),
        });
        meta.published = article.published.map(|date| Published {
            date,
            source: DateSource::Metadata,
            inferred_from: None,
        });
        let mut doc = Document::new(article.text.clone(), meta);
        DateStage.run(&mut doc).expect("date stage runs");
        QuantityStage.run(&mut doc).expect("quantity stage runs");

        let gold_dates = gold["dates"].as_array().cloned().unwrap_or_default();
        let spans = locate(&doc.text, &gold_dates, "text");
        for (item, span) in gold_dates.iter().zip(&spans) {
            dates.gold += 1;
            let Some(span) = span else {
                println!("{id}: gold date {item} not found in text");
                continue;
            };
            let expected = item["value"].as_str().map(str::to_string);
            let hits: Vec<_> = doc
                .layers
                .dates
                .iter()
                .filter(|d| d.span.overlaps(span))
                .collect();
            if hits.iter().any(|d| d.span == *span) {
                dates.exact_span += 1;
            }
            if article.published.is_some() {
                dates_published.gold += 1;
            }
            if hits.iter().any(|d| d.value == expected) {
                dates.right += 1;
                if article.published.is_some() {
                    dates_published.right += 1;
                }
            } else if verbose {
                let got: Vec<_> = hits
                    .iter()
                    .map(|d| format!("{:?}={:?}", doc.slice(d.span), d.value))
                    .collect();
                println!(
                    "{id}: DATE {:?} want {:?} got {got:?}",
                    doc.slice(*span),
                    expected
                );
            }
        }
        for predicted in &doc.layers.dates {
            dates.predicted += 1;
            if !spans.iter().flatten().any(|s| s.overlaps(&predicted.span)) {
                dates.spurious += 1;
                if verbose {
                    println!(
                        "{id}: extra date {:?} = {:?}",
                        doc.slice(predicted.span),
                        predicted.value
                    );
                }
            }
        }

        let gold_quantities = gold["quantities"].as_array().cloned().unwrap_or_default();
        let spans = locate(&doc.text, &gold_quantities, "text");
        for (item, span) in gold_quantities.iter().zip(&spans) {
            quantities.gold += 1;
            let Some(span) = span else {
                println!("{id}: gold quantity {item} not found in text");
                continue;
            };
            let hits: Vec<_> = doc
                .layers
                .quantities
                .iter()
                .filter(|q| q.span.overlaps(span))
                .collect();
            if hits.iter().any(|q| q.span == *span) {
                quantities.exact_span += 1;
            } else if verbose {
                let got: Vec<_> = hits.iter().map(|q| doc.slice(q.span)).collect();
                println!("{id}: qty span {:?} got {got:?}", doc.slice(*span));
            }
            let right = hits.iter().any(|q| {
                same_number(&item["value"], &json_value(&q.value))
                    && serde_json::to_value(q.qualifier).ok().as_ref() == Some(&item["qualifier"])
            });
            if right {
                quantities.right += 1;
            } else if verbose {
                let got: Vec<_> = hits
                    .iter()
                    .map(|q| format!("{:?}={:?}/{:?}", doc.slice(q.span), q.value, q.qualifier))
                    .collect();
                println!(
                    "{id}: QTY {:?} want {} {} got {got:?}",
                    doc.slice(*span),
                    item["value"],
                    item["qualifier"]
                );
            }
        }
        for predicted in &doc.layers.quantities {
            quantities.predicted += 1;
            if !spans.iter().flatten().any(|s| s.overlaps(&predicted.span)) {
                quantities.spurious += 1;
                if verbose {
                    println!(
                        "{id}: extra quantity {:?} = {:?}",
                        doc.slice(predicted.span),
                        predicted.value
                    );
                }
            }
        }
    }
    dates.print("dates");
    println!(
        "dates on articles with a publication date: value-exact {}/{} = {:.3}",
        dates_published.right,
        dates_published.gold,
        dates_published.right as f64 / dates_published.gold.max(1) as f64
    );
    quantities.print("quantities (value+qualifier)");
    let date_accuracy = dates.right as f64 / dates.gold.max(1) as f64;
    let quantity_accuracy = quantities.right as f64 / quantities.gold.max(1) as f64;
    // Floors well under the current figures: a regression in the rules shows up here.
    assert!(
        date_accuracy >= 0.85,
        "date value-exact accuracy fell to {date_accuracy:.3}"
    );
    assert!(
        quantity_accuracy >= 0.80,
        "quantity accuracy fell to {quantity_accuracy:.3}"
    );
}
