//! Measures tokenisation and sentence splitting against the French Universal Dependencies
//! treebanks in `/work/shared/ud` (read from `../shared/ud` relative to the repository
//! root; the test is skipped when they are absent). UD conventions differ from ours in a
//! few places (UD glues some multi-word expressions), so the floors are below 1 and a
//! drop below them is a regression.
//!
//! `cargo test -p recoupe-text --test ud -- --nocapture` prints the figures.

use std::collections::HashSet;
use std::path::PathBuf;

/// Sentences per pseudo-document: UD files carry no document boundaries, so consecutive
/// sentences are joined and the splitter must find the joins. A sentence that ends with
/// final punctuation is followed by a space; one that does not (a title, a list item) by
/// a line break, as it would be laid out in a real article.
const SENTENCES_PER_DOCUMENT: usize = 10;

struct UdSentence {
    text: String,
    /// Surface tokens (multi-word tokens like "du" count once).
    forms: Vec<String>,
}

fn ud_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/ud")
}

fn read_conllu(path: &PathBuf) -> Vec<UdSentence> {
    let content = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut sentences = Vec::new();
    let mut text = None;
    let mut forms = Vec::new();
    let mut skip_until = 0usize;
    for line in content.lines() {
        if let Some(value) = line.strip_prefix("# text = ") {
            text = Some(value.to_string());
        } else if line.is_empty() {
            if let Some(text) = text.take() {
                sentences.push(UdSentence {
                    text,
                    forms: std::mem::take(&mut forms),
                });
            }
            skip_until = 0;
        } else if !line.starts_with('#') {
            let mut columns = line.split('\t');
            let id = columns.next().unwrap_or("");
            let form = columns.next().unwrap_or("").to_string();
            if let Some((first, last)) = id.split_once('-') {
                let _ = first;
                skip_until = last.parse().unwrap_or(0);
                forms.push(form);
            } else if id.contains('.') {
                // Empty nodes have no surface form.
            } else {
                let index: usize = id.parse().unwrap_or(0);
                if index > skip_until {
                    forms.push(form);
                }
            }
        }
    }
    sentences
}

#[derive(Default)]
struct Counts {
    gold: usize,
    predicted: usize,
    correct: usize,
}

impl Counts {
    fn f1(&self) -> f64 {
        let precision = self.correct as f64 / self.predicted.max(1) as f64;
        let recall = self.correct as f64 / self.gold.max(1) as f64;
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }
}

fn evaluate(sentences: &[UdSentence], tokens: &mut Counts, boundaries: &mut Counts) {
    for chunk in sentences.chunks(SENTENCES_PER_DOCUMENT) {
        let mut document = String::new();
        let mut gold_tokens = HashSet::new();
        let mut gold_ends = HashSet::new();
        for (k, sentence) in chunk.iter().enumerate() {
            if k > 0 {
                let previous = chunk[k - 1].text.trim_end_matches([')', '"', '»', ' ']);
                let separator = if previous.ends_with(['.', '!', '?', '…']) {
                    ' '
                } else {
                    '\n'
                };
                document.push(separator);
            }
            let base = document.len();
            document.push_str(&sentence.text);
            // Align the surface forms on the sentence text.
            let mut at = 0;
            for form in &sentence.forms {
                match sentence.text[at..].find(form.as_str()) {
                    Some(offset) => {
                        let start = at + offset;
                        gold_tokens.insert((base + start, base + start + form.len()));
                        at = start + form.len();
                    }
                    None => break,
                }
            }
            if k + 1 < chunk.len() {
                gold_ends.insert(document.len());
            }
        }
        let analysis = recoupe_text::analyze(&document);
        let predicted_tokens: HashSet<(usize, usize)> = analysis
            .tokens
            .iter()
            .map(|t| (t.span.start, t.span.end))
            .collect();
        tokens.gold += gold_tokens.len();
        tokens.predicted += predicted_tokens.len();
        tokens.correct += gold_tokens.intersection(&predicted_tokens).count();
        let predicted_ends: HashSet<usize> = analysis
            .sentences
            .iter()
            .map(|s| s.span.end)
            .filter(|&end| end < document.len())
            .collect();
        boundaries.gold += gold_ends.len();
        boundaries.predicted += predicted_ends.len();
        boundaries.correct += gold_ends.intersection(&predicted_ends).count();
        if std::env::var_os("RECOUPE_UD_SHOW").is_some() {
            for &end in gold_ends.difference(&predicted_ends) {
                let from = document.floor_char_boundary(end.saturating_sub(40));
                let to = document.ceil_char_boundary((end + 30).min(document.len()));
                println!("missed: {}⟦⟧{}", &document[from..end], &document[end..to]);
            }
            for &end in predicted_ends.difference(&gold_ends) {
                let from = document.floor_char_boundary(end.saturating_sub(40));
                let to = document.ceil_char_boundary((end + 30).min(document.len()));
                println!("spurious: {}⟦⟧{}", &document[from..end], &document[end..to]);
            }
        }
    }
}

#[test]
fn agreement_with_french_ud_treebanks() {
    let dir = ud_dir();
    if !dir.is_dir() {
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let files = [
        ("fr_sequoia", "fr_sequoia/fr_sequoia-ud-test.conllu"),
        ("fr_gsd", "fr_gsd/fr_gsd-ud-test.conllu"),
    ];
    for (name, file) in files {
        let path = dir.join(file);
        if !path.is_file() {
            eprintln!("skipped {name}: {} not found", path.display());
            continue;
        }
        let sentences = read_conllu(&path);
        assert!(
            sentences.len() > 100,
            "{name}: only {} sentences read",
            sentences.len()
        );
        let mut tokens = Counts::default();
        let mut boundaries = Counts::default();
        evaluate(&sentences, &mut tokens, &mut boundaries);
        println!(
            "{name}: {} sentences, token F1 {:.4} ({} gold, {} predicted), sentence-boundary F1 {:.4} ({} gold, {} predicted, {} correct)",
            sentences.len(),
            tokens.f1(),
            tokens.gold,
            tokens.predicted,
            boundaries.f1(),
            boundaries.gold,
            boundaries.predicted,
            boundaries.correct
        );
        assert!(
            tokens.f1() > 0.95,
            "{name}: token F1 {:.4} below 0.95",
            tokens.f1()
        );
        assert!(
            boundaries.f1() > 0.96,
            "{name}: sentence-boundary F1 {:.4} below 0.96",
            boundaries.f1()
        );
    }
}
