//! Measures the entity stages against the shared evaluation corpus, when it is present.
//!
//! `cargo run -p recoupe-entities --example measure [-- --errors]`
//!
//! Reads `../shared/corpus` relative to the repository root (override with the
//! `RECOUPE_CORPUS` environment variable), runs TextStage + EntityStage + PlaceStage over every
//! article with gold, and prints mention precision/recall/F1 per type (exact span and type),
//! nationality P/R/F1, B³ F1 of the entity keys against gold ids, and places right.
//! The figures are for improving general rules; names from the corpus never go into lists.

use std::collections::HashMap;
use std::path::PathBuf;

use recoupe_entities::{EntityStage, PlaceStage};
use recoupe_model::{Document, Metadata, Origin, OriginKind, Stage};
use serde_json::Value;

fn corpus_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("RECOUPE_CORPUS") {
        return PathBuf::from(dir);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

/// Locates `items` (in order) with the cursor rule of FORMAT.md: each is the first occurrence
/// at or after the cursor, which then moves to its end.
fn locate(text: &str, items: &[&str]) -> Vec<Option<(usize, usize)>> {
    let mut cursor = 0;
    items
        .iter()
        .map(|item| {
            let found = text.get(cursor..).and_then(|rest| rest.find(item));
            found.map(|at| {
                let start = cursor + at;
                cursor = start + item.len();
                (start, start + item.len())
            })
        })
        .collect()
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        };
        let r = if self.tp + self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    recoupe_model::haversine_km(a.0, a.1, b.0, b.1)
}

fn main() -> anyhow::Result<()> {
    let show_errors = std::env::args().any(|a| a == "--errors");
    let dir = corpus_dir();
    let gold_path = dir.join("gold.jsonl");
    if !gold_path.exists() {
        println!("corpus not found at {}: skipping", dir.display());
        return Ok(());
    }
    let mut texts: HashMap<String, String> = HashMap::new();
    for line in std::fs::read_to_string(dir.join("articles.jsonl"))?.lines() {
        let v: Value = serde_json::from_str(line)?;
        if let (Some(id), Some(text)) = (v["id"].as_str(), v["text"].as_str()) {
            texts.insert(id.to_string(), text.to_string());
        }
    }
    for seed in ["seed-000", "seed-003"] {
        let path = dir.join("seeds").join(format!("{seed}.txt"));
        if let Ok(text) = std::fs::read_to_string(&path) {
            texts.insert(seed.to_string(), text);
        }
    }
    let reference = std::sync::Arc::new(recoupe_entities::ReferenceKnowledge::embedded());
    let text_stage = recoupe_text::TextStage;
    let entity_stage = EntityStage::new(reference.clone());
    let place_stage = PlaceStage::new(reference);

    let mut per_type: HashMap<&'static str, Counts> = HashMap::new();
    let mut all = Counts::default();
    let mut nat = Counts::default();
    // B³ over gold mentions: (gold id, predicted key or a unique singleton)
    let mut b3_items: Vec<(String, String)> = Vec::new();
    let (mut places_right, mut places_gold, mut places_pred) = (0usize, 0usize, 0usize);
    let mut unlocated = 0usize;
    let mut words = 0usize;
    let started = std::time::Instant::now();

    for line in std::fs::read_to_string(&gold_path)?.lines() {
        let gold: Value = serde_json::from_str(line)?;
        let Some(id) = gold["id"].as_str() else {
            continue;
        };
        let Some(text) = texts.get(id) else {
            println!("{id}: no article text");
            continue;
        };
        let mut doc = Document::new(
            text.clone(),
            Metadata::new(Origin {
                kind: OriginKind::Jsonl,
                path: id.to_string(),
                record: None,
            }),
        );
        text_stage.run(&mut doc)?;
        entity_stage.run(&mut doc)?;
        place_stage.run(&mut doc)?;
        words += doc.layers.tokens.len();
        if std::env::args().any(|a| a == format!("--show={id}")) {
            for m in &doc.layers.entities {
                println!(
                    "  {id} {} {:?} {} [{}] {:?}",
                    m.label.as_str(),
                    doc.slice(m.span),
                    m.entity,
                    m.provenance.rule,
                    m.evidence
                );
            }
        }

        let empty = Vec::new();
        let gold_entities = gold["entities"].as_array().unwrap_or(&empty);
        let gold_texts: Vec<&str> = gold_entities
            .iter()
            .map(|e| e["text"].as_str().unwrap_or(""))
            .collect();
        let spans = locate(text, &gold_texts);
        let mut gold_set: HashMap<(usize, usize), (&str, &str)> = HashMap::new();
        for (e, span) in gold_entities.iter().zip(&spans) {
            match span {
                Some(s) => {
                    gold_set.insert(
                        *s,
                        (
                            e["type"].as_str().unwrap_or(""),
                            e["id"].as_str().unwrap_or(""),
                        ),
                    );
                }
                None => unlocated += 1,
            }
        }
        let mut pred_set: HashMap<(usize, usize), (&str, &str)> = HashMap::new();
        for m in &doc.layers.entities {
            pred_set.insert(
                (m.span.start, m.span.end),
                (m.label.as_str(), m.entity.as_str()),
            );
        }
        for (span, (ty, _)) in &pred_set {
            let ok = gold_set.get(span).is_some_and(|(g, _)| g == ty);
            let c = per_type.entry(ty).or_default();
            if ok {
                c.tp += 1;
                all.tp += 1;
            } else {
                c.fp += 1;
                all.fp += 1;
                if show_errors {
                    let g = gold_set.get(span).map(|(g, _)| *g).unwrap_or("-");
                    println!("  {id} FP {ty} {:?} (gold {g})", &text[span.0..span.1]);
                }
            }
        }
        for (span, (ty, gid)) in &gold_set {
            let ok = pred_set.get(span).is_some_and(|(p, _)| p == ty);
            if !ok {
                let key: &'static str = match *ty {
                    "PER" => "PER",
                    "ORG" => "ORG",
                    "LOC" => "LOC",
                    _ => "MISC",
                };
                per_type.entry(key).or_default().fn_ += 1;
                all.fn_ += 1;
                if show_errors {
                    let p = pred_set.get(span).map(|(p, _)| *p).unwrap_or("-");
                    println!("  {id} FN {ty} {:?} (pred {p})", &text[span.0..span.1]);
                }
            }
            let pred_key = pred_set
                .get(span)
                .map(|(_, k)| k.to_string())
                .unwrap_or_else(|| format!("missing:{id}:{}", span.0));
            b3_items.push((gid.to_string(), pred_key));
        }

        let gold_nats = gold["nationalities"].as_array().unwrap_or(&empty);
        let nat_texts: Vec<&str> = gold_nats
            .iter()
            .map(|n| n["text"].as_str().unwrap_or(""))
            .collect();
        let nat_spans = locate(text, &nat_texts);
        let gold_nat: HashMap<(usize, usize), &str> = gold_nats
            .iter()
            .zip(&nat_spans)
            .filter_map(|(n, s)| s.map(|s| (s, n["country"].as_str().unwrap_or(""))))
            .collect();
        for n in &doc.layers.nationalities {
            let span = (n.span.start, n.span.end);
            if gold_nat.get(&span) == Some(&n.country.as_str()) {
                nat.tp += 1;
            } else {
                nat.fp += 1;
                if show_errors {
                    println!("  {id} FP NAT {:?} {}", &text[span.0..span.1], n.country);
                }
            }
        }
        for (span, country) in &gold_nat {
            if !doc
                .layers
                .nationalities
                .iter()
                .any(|n| (n.span.start, n.span.end) == *span && n.country == *country)
            {
                nat.fn_ += 1;
                if show_errors {
                    println!("  {id} FN NAT {:?} {country}", &text[span.0..span.1]);
                }
            }
        }

        // Places: a gold place is right when some predicted place of an entity mentioned at one of
        // the gold id's spans has the same country and is within 25 km (or has the same name).
        places_pred += doc.layers.places.len();
        for gp in gold["places"].as_array().unwrap_or(&empty) {
            places_gold += 1;
            let gid = gp["id"].as_str().unwrap_or("");
            let keys: Vec<&str> = gold_set
                .iter()
                .filter(|(_, (_, g))| *g == gid)
                .filter_map(|(span, _)| pred_set.get(span).map(|(_, k)| *k))
                .collect();
            let right = doc.layers.places.iter().any(|p| {
                if !keys.contains(&p.entity.as_str()) {
                    return false;
                }
                let same_country = p.country.as_deref() == gp["country"].as_str();
                let near = match (p.lat, p.lon, gp["lat"].as_f64(), gp["lon"].as_f64()) {
                    (Some(a), Some(b), Some(c), Some(d)) => haversine_km((a, b), (c, d)) <= 25.0,
                    _ => false,
                };
                // as the project's eval: the name equals the gold name or id, punctuation aside
                let ours = name_key(&p.name);
                let same_name = !ours.is_empty()
                    && [gp["name"].as_str(), gp["id"].as_str()]
                        .into_iter()
                        .flatten()
                        .any(|n| name_key(n) == ours);
                same_country && (near || same_name)
            });
            if right {
                places_right += 1;
            } else if show_errors {
                println!("  {id} PLACE wrong {gid} {} (keys {keys:?})", gp["name"]);
            }
        }
    }

    let mut elapsed = started.elapsed().as_secs_f64();
    // --speed: time the entity stages alone over all texts, several rounds
    if std::env::args().any(|a| a == "--speed") {
        let mut docs = Vec::new();
        for text in texts.values() {
            let mut doc = Document::new(
                text.clone(),
                Metadata::new(Origin {
                    kind: OriginKind::Jsonl,
                    path: String::new(),
                    record: None,
                }),
            );
            text_stage.run(&mut doc)?;
            docs.push(doc);
        }
        let t0 = std::time::Instant::now();
        let mut n = 0;
        for _ in 0..200 {
            for d in &docs {
                let mut d = d.clone();
                entity_stage.run(&mut d)?;
                place_stage.run(&mut d)?;
                n += d.layers.tokens.len();
            }
        }
        words = n;
        elapsed = t0.elapsed().as_secs_f64();
    }
    println!("type   P      R      F1     (tp/fp/fn)");
    let mut types: Vec<_> = per_type.iter().collect();
    types.sort_by_key(|(t, _)| **t);
    for (ty, c) in types.into_iter().chain([(&"ALL", &all), (&"NAT", &nat)]) {
        let (p, r, f) = c.prf();
        println!(
            "{ty:<6} {p:.3}  {r:.3}  {f:.3}  ({}/{}/{})",
            c.tp, c.fp, c.fn_
        );
    }
    println!(
        "B3 F1  {:.3}  over {} gold mentions",
        b_cubed(&b3_items),
        b3_items.len()
    );
    println!(
        "places right {places_right}/{places_gold} = {:.3} ({places_pred} predicted)",
        if places_gold == 0 {
            0.0
        } else {
            places_right as f64 / places_gold as f64
        }
    );
    if unlocated > 0 {
        println!("{unlocated} gold mentions could not be located");
    }
    println!("{words} tokens in {elapsed:.3}s (debug builds are slow; use --release for speed)");
    Ok(())
}

/// Folded name with every run of non-alphanumeric characters as one space.
fn name_key(name: &str) -> String {
    recoupe_entities::fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// B³ F1 of predicted clusters against gold clusters over the same items.
fn b_cubed(items: &[(String, String)]) -> f64 {
    if items.is_empty() {
        return 0.0;
    }
    let mut gold: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut pred: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, (g, p)) in items.iter().enumerate() {
        gold.entry(g).or_default().push(k);
        pred.entry(p).or_default().push(k);
    }
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for (g, p) in items {
        let gc = &gold[g.as_str()];
        let pc = &pred[p.as_str()];
        let common = gc.iter().filter(|k| pc.contains(k)).count() as f64;
        p_sum += common / pc.len() as f64;
        r_sum += common / gc.len() as f64;
    }
    let n = items.len() as f64;
    let (p, r) = (p_sum / n, r_sum / n);
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}
