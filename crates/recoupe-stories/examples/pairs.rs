//! Diagnostics: story and copy decisions on annotated documents (`recoupe extract` output)
//! against a story gold, over a range of story thresholds.
//! Run: `cargo run --release -p recoupe-stories --example pairs -- annotated.jsonl stories.jsonl`.

use std::collections::{BTreeSet, HashMap};

use recoupe_model::Document;
use recoupe_stories::{Config, StoryEngine};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let docs: Vec<Document> = std::fs::read_to_string(&args[1])
        .expect("annotated jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("document"))
        .collect();
    let mut gold: HashMap<String, String> = HashMap::new();
    let mut gold_copies: BTreeSet<(String, String)> = BTreeSet::new();
    for line in std::fs::read_to_string(&args[2]).expect("stories").lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("story");
        for a in v["articles"].as_array().expect("articles") {
            gold.insert(
                a.as_str().unwrap_or("").to_string(),
                v["story"].as_str().unwrap_or("").to_string(),
            );
        }
        for c in v["copies"].as_array().expect("copies") {
            let (a, b) = (
                c["a"].as_str().unwrap_or("").to_string(),
                c["b"].as_str().unwrap_or("").to_string(),
            );
            gold_copies.insert((a.clone().min(b.clone()), a.max(b)));
        }
    }
    for min_words in [15usize, 20, 25, 30] {
        for density in [0.5, 0.6, 0.8] {
            let mut config = Config::default();
            config.copies.min_words = min_words;
            config.copies.min_density = density;
            let mut engine = StoryEngine::new(config);
            for d in &docs {
                engine.add(d);
            }
            let found: BTreeSet<(String, String)> = engine
                .copies()
                .map(|c| {
                    let a = engine
                        .features(&c.a)
                        .map(|f| f.display().to_string())
                        .unwrap_or_default();
                    let b = engine
                        .features(&c.b)
                        .map(|f| f.display().to_string())
                        .unwrap_or_default();
                    (a.clone().min(b.clone()), a.max(b))
                })
                .collect();
            let tp = found.intersection(&gold_copies).count();
            let (p, r) = (
                tp as f64 / found.len().max(1) as f64,
                tp as f64 / gold_copies.len().max(1) as f64,
            );
            println!(
                "copies min_words {min_words} density {density}: P {p:.3} R {r:.3} F1 {:.3}",
                2.0 * p * r / (p + r).max(1e-9)
            );
        }
    }
    let avgs: Vec<f64> = args
        .get(3)
        .map(|a| a.split(',').map(|x| x.parse().unwrap()).collect())
        .unwrap_or(vec![0.15]);
    for avg in avgs {
        for t in [0.12, 0.15, 0.18, 0.2, 0.22, 0.25, 0.28, 0.3, 0.35] {
            let mut config = Config::default();
            config.stories.threshold = t;
            config.stories.group_average = avg;
            print!("avg {avg} ");
            let mut engine = StoryEngine::new(config);
            for d in &docs {
                engine.add(d);
            }
            let stories = engine.stories();
            let mut system: HashMap<String, usize> = HashMap::new();
            for (i, s) in stories.iter().enumerate() {
                for l in &s.labels {
                    system.insert(l.clone(), i);
                }
            }
            let labels: Vec<String> = docs
                .iter()
                .filter_map(|d| d.meta.external_id.clone())
                .collect();
            let (mut tp, mut fp, mut fn_) = (0, 0, 0);
            let mut errors = Vec::new();
            for i in 0..labels.len() {
                for j in i + 1..labels.len() {
                    let g = gold.contains_key(&labels[i])
                        && gold.get(&labels[i]) == gold.get(&labels[j]);
                    let s = system[&labels[i]] == system[&labels[j]];
                    match (g, s) {
                        (true, true) => tp += 1,
                        (false, true) => {
                            fp += 1;
                            errors.push(format!("FP {}-{}", labels[i], labels[j]))
                        }
                        (true, false) => {
                            fn_ += 1;
                            errors.push(format!("FN {}-{}", labels[i], labels[j]))
                        }
                        _ => {}
                    }
                }
            }
            let p = tp as f64 / (tp + fp).max(1) as f64;
            let r = tp as f64 / (tp + fn_).max(1) as f64;
            println!(
                "threshold {t}: P {p:.3} R {r:.3} F1 {:.3}  ({tp}/{fp}/{fn_})",
                2.0 * p * r / (p + r).max(1e-9)
            );
            if (t - 0.2f64).abs() < 1e-9 && args.len() > 4 {
                println!("  {}", errors.join(" "));
                let mut found: BTreeSet<(String, String)> = BTreeSet::new();
                for c in engine.copies() {
                    let (a, b) = (
                        engine.features(&c.a).unwrap().display().to_string(),
                        engine.features(&c.b).unwrap().display().to_string(),
                    );
                    found.insert((a.clone().min(b.clone()), a.max(b)));
                }
                let tp = found.intersection(&gold_copies).count();
                println!(
                    "copies tp {tp} fp {:?} fn {:?}",
                    found.difference(&gold_copies).collect::<Vec<_>>(),
                    gold_copies.difference(&found).collect::<Vec<_>>()
                );
            }
        }
    }
}
