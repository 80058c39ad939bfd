//! The scorer never panics on what a buggy stage might produce: spans out of range, inverted,
//! off char boundaries, duplicated.

use std::path::Path;

use proptest::prelude::*;
use recoupe_eval::{evaluate, load_corpus, oracle_documents};
use recoupe_model::{Span, Unsourced};

fn arbitrary_span() -> impl Strategy<Value = Span> {
    // Built field by field: `Span::new` would refuse an inverted span, a buggy stage might not.
    (0usize..600, 0usize..600).prop_map(|(start, end)| Span { start, end })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn garbage_spans_do_not_panic(spans in proptest::collection::vec(arbitrary_span(), 1..40)) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
        let corpus = load_corpus(&dir).unwrap();
        let mut docs = oracle_documents(&corpus);
        for (i, span) in spans.iter().enumerate() {
            let doc = &mut docs[i % 3];
            let layers = &mut doc.layers;
            if let Some(m) = layers.entities.get_mut(i % 5) { m.span = *span; }
            if let Some(a) = layers.attributions.get_mut(i % 3) {
                a.content = *span;
                a.speaker = Some(*span);
            }
            if let Some(p) = layers.places.get_mut(0) { p.span = *span; }
            if let Some(d) = layers.dates.get_mut(0) { d.span = *span; }
            if let Some(q) = layers.quantities.get_mut(0) { q.span = *span; }
            layers.unsourced.push(Unsourced {
                span: *span,
                provenance: recoupe_model::Provenance::new("test", "garbage"),
            });
        }
        let report = evaluate(&corpus, &docs);
        let json = serde_json::to_string(&report).unwrap();
        prop_assert!(json.contains("\"layers\""));
        let _ = report.render_text();
    }
}
