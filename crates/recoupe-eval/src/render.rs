//! Human-readable rendering of a [`Report`].

use std::fmt::Write;

use crate::evaluate::{LayerOutcome, NotProduced, Report};
use crate::metrics::{Accuracy, Prf};

fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "  —  ".to_string(), |v| format!("{v:.3}"))
}

fn prf_row(out: &mut String, name: &str, prf: &Prf) {
    let _ = writeln!(
        out,
        "  {name:<24} {:>6} {:>6} {:>6}  {:>5} {:>5} {:>5}",
        score(prf.p),
        score(prf.r),
        score(prf.f1),
        prf.tp,
        prf.fp,
        prf.fn_
    );
}

fn accuracy_row(out: &mut String, name: &str, accuracy: &Accuracy) {
    let _ = writeln!(
        out,
        "  {name:<24} {:>6}  ({}/{})",
        score(accuracy.accuracy),
        accuracy.right,
        accuracy.total
    );
}

fn not_produced_row(out: &mut String, name: &str, np: &NotProduced) {
    let requires: Vec<&str> = np.requires.iter().map(|l| l.name()).collect();
    let _ = writeln!(
        out,
        "  {name:<24} not produced (layer {} missing in {} document(s), e.g. {})",
        requires.join("+"),
        np.documents_without,
        if np.examples.is_empty() {
            "none evaluated".to_string()
        } else {
            np.examples.join(", ")
        }
    );
}

impl Report {
    /// A plain-text table of every score, for the terminal.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "corpus {}: {} of {} gold documents evaluated",
            self.corpus, self.documents, self.gold_documents
        );
        if !self.missing_documents.is_empty() {
            let _ = writeln!(
                out,
                "  missing (gold counted as not found): {}",
                self.missing_documents.join(", ")
            );
        }
        if !self.text_mismatches.is_empty() {
            let _ = writeln!(
                out,
                "  annotated text differs from corpus text: {}",
                self.text_mismatches.join(", ")
            );
        }
        let unlocated = &self.unlocated_gold;
        let _ = writeln!(
            out,
            "gold items placed: {}, not placed (left out of scores): {}",
            unlocated.located, unlocated.count
        );
        for item in &unlocated.examples {
            let _ = writeln!(
                out,
                "  {} {}[{}] {:?}: {}",
                item.article, item.list, item.index, item.text, item.reason
            );
        }
        if unlocated.count > unlocated.examples.len() {
            let _ = writeln!(
                out,
                "  … and {} more",
                unlocated.count - unlocated.examples.len()
            );
        }

        let _ = writeln!(
            out,
            "\n  {:<24} {:>6} {:>6} {:>6}  {:>5} {:>5} {:>5}",
            "layer", "P", "R", "F1", "tp", "fp", "fn"
        );
        let layers = &self.layers;
        match &layers.entities {
            LayerOutcome::Scored(s) => {
                prf_row(&mut out, "entities", &s.overall);
                for (label, prf) in &s.by_type {
                    prf_row(&mut out, &format!("  {label}"), prf);
                }
            }
            LayerOutcome::NotProduced(np) => not_produced_row(&mut out, "entities", np),
        }
        match &layers.nationalities {
            LayerOutcome::Scored(s) => prf_row(&mut out, "nationalities", &s.found),
            LayerOutcome::NotProduced(np) => not_produced_row(&mut out, "nationalities", np),
        }
        match &layers.alias_clustering {
            LayerOutcome::Scored(s) => {
                let _ = writeln!(
                    out,
                    "  {:<24} {:>6} {:>6} {:>6}  B³ over {}/{} matched mentions ({})",
                    "alias clustering",
                    score(s.b_cubed.p),
                    score(s.b_cubed.r),
                    score(s.b_cubed.f1),
                    s.matched_mentions,
                    s.gold_mentions,
                    score(s.matched_fraction)
                );
            }
            LayerOutcome::NotProduced(np) => not_produced_row(&mut out, "alias clustering", np),
        }
        match &layers.dates {
            LayerOutcome::Scored(s) => {
                prf_row(&mut out, "dates found", &s.found);
                accuracy_row(&mut out, "  value right", &s.value);
                accuracy_row(&mut out, "  value right (found)", &s.value_on_found);
                prf_row(&mut out, "  found, spans overlap", &s.found_overlap);
                accuracy_row(&mut out, "  value right, overlap", &s.value_overlap);
            }
            LayerOutcome::NotProduced(np) => not_produced_row(&mut out, "dates", np),
        }
        match &layers.quantities {
            LayerOutcome::Scored(s) => {
                prf_row(&mut out, "quantities found", &s.found);
                accuracy_row(&mut out, "  value+qualifier right", &s.value);
                accuracy_row(&mut out, "  … right (found)", &s.value_on_found);
                prf_row(&mut out, "  found, spans overlap", &s.found_overlap);
                accuracy_row(&mut out, "  … right, overlap", &s.value_overlap);
            }
            LayerOutcome::NotProduced(np) => not_produced_row(&mut out, "quantities", np),
        }
        match &layers.attributions {
            LayerOutcome::Scored(s) => {
                prf_row(&mut out, "attributions found", &s.found);
                accuracy_row(&mut out, "  speaker right", &s.speaker);
                accuracy_row(&mut out, "  via chain equal", &s.chain);
                accuracy_row(&mut out, "  hedged right", &s.hedged);
                accuracy_row(&mut out, "  kind right", &s.kind);
            }
            LayerOutcome::NotProduced(np) => not_produced_row(&mut out, "attributions", np),
        }
        match &layers.unsourced {
            LayerOutcome::Scored(s) => prf_row(&mut out, "unsourced", &s.found),
            LayerOutcome::NotProduced(np) => not_produced_row(&mut out, "unsourced", np),
        }
        match &layers.places {
            LayerOutcome::Scored(s) => {
                accuracy_row(&mut out, "places right (of gold)", &s.accuracy);
                accuracy_row(&mut out, "places right (of system)", &s.precision);
            }
            LayerOutcome::NotProduced(np) => not_produced_row(&mut out, "places", np),
        }
        render_stories(&mut out, layers);
        match &layers.events {
            Some(LayerOutcome::Scored(s)) => {
                let _ = writeln!(
                    out,
                    "  events: {} stories ({}), {} without a record",
                    s.stories,
                    s.grouping.replace('_', " "),
                    s.without_record
                );
                accuracy_row(&mut out, "  type right", &s.type_accuracy);
                accuracy_row(&mut out, "    always ASSAULT", &s.baseline_always_assault);
                prf_row(&mut out, "  modes", &s.modes);
                prf_row(&mut out, "  actors", &s.actors);
                prf_row(&mut out, "  recipients", &s.recipients);
                accuracy_row(&mut out, "  place right", &s.place);
                accuracy_row(&mut out, "  date right", &s.date);
                accuracy_row(&mut out, "  fatalities fact right", &s.fatalities);
                prf_row(&mut out, "  responsibility", &s.responsibility);
            }
            Some(LayerOutcome::NotProduced(np)) => not_produced_row(&mut out, "events", np),
            None => {}
        }
        if let Some(mismatches) = &self.mismatches {
            let _ = writeln!(out, "\nmismatches: {}", mismatches.len());
            for m in mismatches {
                let _ = write!(
                    out,
                    "  {} @{} {} {}: {:?}",
                    m.article, m.at, m.layer, m.problem, m.text
                );
                if let Some(expected) = &m.expected {
                    let _ = write!(out, "\n      gold:   {expected}");
                }
                if let Some(got) = &m.got {
                    let _ = write!(out, "\n      system: {got}");
                }
                out.push('\n');
            }
        }
        out
    }
}

/// The cross-article rows, each with its naive baseline from the same run.
fn render_stories(out: &mut String, layers: &crate::evaluate::LayerReports) {
    let Some(LayerOutcome::Scored(stories)) = &layers.stories else {
        return;
    };
    let _ = writeln!(
        out,
        "\n  across articles (system, then the naive baseline of the same run)"
    );
    prf_row(out, "stories pairwise", &stories.pairwise);
    let _ = writeln!(
        out,
        "  {:<24} {:>6} {:>6} {:>6}  {} articles, {} gold / {} system stories",
        "  B³",
        score(stories.b_cubed.p),
        score(stories.b_cubed.r),
        score(stories.b_cubed.f1),
        stories.articles,
        stories.gold_stories,
        stories.system_stories
    );
    prf_row(
        out,
        &format!("  baseline (t={:.3})", stories.baseline.threshold),
        &stories.baseline.pairwise,
    );
    for (name, layer) in [
        ("copies (pairs)", &layers.copies),
        ("fact linking", &layers.facts),
        ("disagreements", &layers.disagreements),
    ] {
        if let Some(LayerOutcome::Scored(s)) = layer {
            prf_row(out, name, &s.pairs);
            prf_row(out, "  baseline", &s.baseline.pairs);
        }
    }
    if let Some(LayerOutcome::Scored(s)) = &layers.sources {
        accuracy_row(out, "sources right", &s.right);
        accuracy_row(out, "  baseline (always none)", &s.baseline.right);
    }
}
