//! Diagnostics: the figures of annotated documents (`recoupe extract` output) with what each
//! counts, its part, source and earlier flag.
//! Run: `cargo run --release -p recoupe-stories --example figures -- annotated.jsonl [ID…]`.

use recoupe_model::Document;
use recoupe_stories::{figures_of, words};

trait Floor {
    fn floor_char_boundary_compat(&self, at: usize) -> usize;
    fn ceil_compat(&self, at: usize) -> usize;
}

impl Floor for String {
    fn floor_char_boundary_compat(&self, mut at: usize) -> usize {
        while !self.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    fn ceil_compat(&self, mut at: usize) -> usize {
        at = at.min(self.len());
        while !self.is_char_boundary(at) {
            at += 1;
        }
        at
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    for line in std::fs::read_to_string(&args[1])
        .expect("annotated jsonl")
        .lines()
    {
        let doc: Document = serde_json::from_str(line).expect("document");
        let id = doc.meta.external_id.clone().unwrap_or_default();
        if args.len() > 2 && !args[2..].contains(&id) {
            continue;
        }
        for f in figures_of(&doc) {
            let context: Vec<String> =
                words(&doc.text[f.span.end..doc.text.ceil_compat(f.span.end + 60)])
                    .into_iter()
                    .take(6)
                    .map(|w| w.folded)
                    .collect();
            let start = doc
                .text
                .floor_char_boundary_compat(f.span.start.saturating_sub(50));
            let before: Vec<String> = words(&doc.text[start..f.span.start])
                .into_iter()
                .map(|w| w.folded)
                .collect();
            let before = before[before.len().saturating_sub(5)..].join(" ");
            println!(
                "{id} {before} > {:?} [{}] cat={:?} part={:?} earlier={} source={:?} | {}",
                doc.slice(f.span),
                f.span.start,
                f.category,
                f.part_name,
                f.earlier,
                f.source.as_ref().map(|s| &s.name),
                context.join(" ")
            );
        }
    }
}
