//! Scorer behaviour on a small hand-annotated corpus (tests/fixtures/mini).

use std::path::{Path, PathBuf};

use recoupe_eval::{
    evaluate, evaluate_with, load_corpus, oracle_documents, EvalOptions, LayerOutcome, Prf, Report,
};
use recoupe_model::{EntityType, Layer, Provenance, Qualifier, Quantity, QuantityValue, Span};

fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

fn f1(prf: &Prf) -> f64 {
    prf.f1.expect("f1 defined")
}

fn assert_all_perfect(report: &Report) {
    let layers = &report.layers;
    let entities = layers.entities.scored().expect("entities scored");
    assert_eq!(f1(&entities.overall), 1.0);
    for (label, prf) in &entities.by_type {
        if prf.tp + prf.fn_ > 0 {
            assert_eq!(f1(prf), 1.0, "{label}");
        }
    }
    assert_eq!(f1(&layers.nationalities.scored().unwrap().found), 1.0);
    let alias = layers.alias_clustering.scored().unwrap();
    assert_eq!(alias.b_cubed.f1, Some(1.0));
    assert_eq!(alias.matched_fraction, Some(1.0));
    let places = layers.places.scored().unwrap();
    assert_eq!(places.accuracy.accuracy, Some(1.0));
    assert_eq!(places.precision.accuracy, Some(1.0));
    for values in [
        layers.dates.scored().unwrap(),
        layers.quantities.scored().unwrap(),
    ] {
        if values.found.tp + values.found.fn_ > 0 {
            assert_eq!(f1(&values.found), 1.0);
            assert_eq!(values.value.accuracy, Some(1.0));
        }
    }
    let attributions = layers.attributions.scored().unwrap();
    assert_eq!(f1(&attributions.found), 1.0);
    for accuracy in [
        attributions.speaker,
        attributions.chain,
        attributions.hedged,
        attributions.kind,
    ] {
        assert_eq!(accuracy.accuracy, Some(1.0), "{attributions:?}");
    }
    assert_eq!(f1(&layers.unsourced.scored().unwrap().found), 1.0);
}

#[test]
fn loads_articles_seeds_and_metadata() {
    let corpus = load_corpus(&mini()).unwrap();
    assert_eq!(corpus.articles.len(), 3);
    assert_eq!(corpus.gold.len(), 3);
    let m1 = corpus.article("m1").unwrap();
    assert_eq!(m1.meta.outlet.as_deref(), Some("exemple-info"));
    assert_eq!(m1.meta.published.unwrap().date.to_string(), "2020-01-07");
    assert_eq!(m1.meta.origin.record.as_deref(), Some("1"));
    let m2 = corpus.article("m2").unwrap();
    assert!(m2.meta.published.is_none());
    assert_eq!(m2.meta.cluster.as_deref(), Some("budget"));
    let seed = corpus.article("seed-001").unwrap();
    assert!(seed.meta.origin.path.ends_with("seed-001.txt"));
    assert!(seed.meta.url.is_none());
}

#[test]
fn a_perfect_system_scores_one_everywhere() {
    let corpus = load_corpus(&mini()).unwrap();
    let report = evaluate(&corpus, &oracle_documents(&corpus));
    assert_eq!(report.documents, 3);
    assert_eq!(
        report.unlocated_gold.count, 0,
        "{:?}",
        report.unlocated_gold
    );
    assert!(report.missing_documents.is_empty());
    assert_all_perfect(&report);
}

#[test]
fn system_keys_need_not_be_gold_ids() {
    // Cluster keys are arbitrary strings; only their grouping and alignment matter.
    let corpus = load_corpus(&mini()).unwrap();
    let mut docs = oracle_documents(&corpus);
    let rename = |key: &str| format!("sys:{}", key.chars().rev().collect::<String>());
    for doc in &mut docs {
        for mention in &mut doc.layers.entities {
            mention.entity = rename(&mention.entity);
        }
        for place in &mut doc.layers.places {
            place.entity = rename(&place.entity);
        }
        for attribution in &mut doc.layers.attributions {
            attribution.speaker_entity = attribution.speaker_entity.as_deref().map(rename);
            attribution.via = attribution.via.iter().map(|v| rename(v)).collect();
        }
    }
    let keys: std::collections::HashSet<String> = docs
        .iter()
        .flat_map(|d| d.layers.entities.iter().map(|m| m.entity.clone()))
        .collect();
    let ids: std::collections::HashSet<String> = corpus
        .gold
        .values()
        .flat_map(|g| g.entities.iter().map(|e| e.id.clone()))
        .collect();
    // The renaming must stay one-to-one for this test to mean anything.
    assert_eq!(keys.len(), ids.len());
    let report = evaluate(&corpus, &docs);
    assert_all_perfect(&report);
}

/// The oracle documents with the errors of [`errors_are_counted_where_they_are`].
fn documents_with_errors(corpus: &recoupe_eval::Corpus) -> Vec<recoupe_model::Document> {
    let mut docs = oracle_documents(corpus);
    let m1 = docs
        .iter_mut()
        .find(|d| d.meta.external_id.as_deref() == Some("m1"))
        .unwrap();
    // Wrong type on "Abou Ali": one PER missed, one ORG spurious.
    let abou = m1
        .layers
        .entities
        .iter_mut()
        .find(|m| m.entity == "abu-ali")
        .unwrap();
    abou.label = EntityType::ORG;
    // Merge Tasnim into Press TV: hurts B³ precision only.
    for mention in &mut m1.layers.entities {
        if mention.entity == "tasnim" {
            mention.entity = "press-tv".into();
        }
    }
    // A spurious quantity, and the right span with a wrong qualifier.
    m1.layers.quantities[0].qualifier = Qualifier::About;
    m1.layers.quantities.push(Quantity {
        span: Span::new(0, 6),
        value: QuantityValue::Single(1.0),
        qualifier: Qualifier::Exact,
        unit: None,
        provenance: Provenance::new("test", "spurious"),
    });
    // The date is missed.
    m1.layers.dates.clear();
    // The hedged statement is reported as a plain one, from the wrong speaker.
    let hedged = m1
        .layers
        .attributions
        .iter_mut()
        .find(|a| a.hedged)
        .unwrap();
    hedged.hedged = false;
    hedged.speaker_entity = Some("abu-ali".into());
    hedged.via.clear();
    // The attribution's content span grows to the whole sentence: still found.
    let content = m1.layers.attributions[0].content;
    m1.layers.attributions[0].content = Span::new(content.start - 5, content.end + 10);
    docs
}

#[test]
fn errors_are_counted_where_they_are() {
    let corpus = load_corpus(&mini()).unwrap();
    let docs = documents_with_errors(&corpus);
    let report = evaluate(&corpus, &docs);
    assert!(report.mismatches.is_none(), "listed only when asked for");
    let entities = report.layers.entities.scored().unwrap();
    assert_eq!(entities.by_type["PER"].fn_, 1);
    assert_eq!(entities.by_type["PER"].fp, 0);
    assert_eq!(entities.by_type["ORG"].fp, 1);
    assert_eq!((entities.overall.fp, entities.overall.fn_), (1, 1));

    let alias = report.layers.alias_clustering.scored().unwrap();
    assert!(alias.b_cubed.p.unwrap() < 1.0);
    assert_eq!(alias.b_cubed.r, Some(1.0));

    let quantities = report.layers.quantities.scored().unwrap();
    assert_eq!(quantities.found.fp, 1);
    assert_eq!(quantities.found.fn_, 0);
    assert_eq!(quantities.value.right + 1, quantities.value.total);

    let dates = report.layers.dates.scored().unwrap();
    assert_eq!(dates.found.fn_, 1);
    // m2's two dates are null-valued and found.
    assert_eq!((dates.value.right, dates.value.total), (2, 3));
    assert_eq!(dates.value_on_found.accuracy, Some(1.0));

    let attributions = report.layers.attributions.scored().unwrap();
    assert_eq!(f1(&attributions.found), 1.0);
    assert_eq!(attributions.hedged.right + 1, attributions.hedged.total);
    assert_eq!(attributions.speaker.right + 1, attributions.speaker.total);
    assert_eq!(attributions.chain.right + 1, attributions.chain.total);
}

#[test]
fn a_layer_missing_in_one_document_is_not_produced() {
    let corpus = load_corpus(&mini()).unwrap();
    let mut docs = oracle_documents(&corpus);
    docs[1].produced.remove(&Layer::Places);
    let id = docs[1].meta.external_id.clone().unwrap();
    let report = evaluate(&corpus, &docs);
    match &report.layers.places {
        LayerOutcome::NotProduced(np) => {
            assert_eq!(np.documents_without, 1);
            assert_eq!(np.examples, vec![id]);
            assert_eq!(np.requires, vec![Layer::Places]);
        }
        other => panic!("places should be not produced, got {other:?}"),
    }
    assert!(report.layers.entities.scored().is_some());
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["layers"]["places"]["status"], "not_produced");
    assert_eq!(json["layers"]["entities"]["status"], "scored");
    assert!(report.render_text().contains("not produced"));
}

#[test]
fn nothing_annotated_scores_nothing() {
    let corpus = load_corpus(&mini()).unwrap();
    let report = evaluate(&corpus, &[]);
    assert_eq!(report.documents, 0);
    assert_eq!(report.missing_documents.len(), 3);
    assert!(matches!(
        report.layers.entities,
        LayerOutcome::NotProduced(_)
    ));
    assert!(matches!(
        report.layers.unsourced,
        LayerOutcome::NotProduced(_)
    ));
}

#[test]
fn a_missing_document_counts_its_gold_as_not_found() {
    let corpus = load_corpus(&mini()).unwrap();
    let docs: Vec<_> = oracle_documents(&corpus)
        .into_iter()
        .filter(|d| d.meta.external_id.as_deref() != Some("m2"))
        .collect();
    let report = evaluate(&corpus, &docs);
    assert_eq!(report.missing_documents, vec!["m2".to_string()]);
    let entities = report.layers.entities.scored().unwrap();
    assert_eq!(entities.overall.fn_, corpus.gold["m2"].entities.len());
    assert_eq!(entities.overall.fp, 0);
}

#[test]
fn report_json_has_the_documented_shape() {
    let corpus = load_corpus(&mini()).unwrap();
    let report = evaluate(&corpus, &oracle_documents(&corpus));
    let json = serde_json::to_value(&report).unwrap();
    for key in [
        "corpus",
        "documents",
        "gold_documents",
        "missing_documents",
        "text_mismatches",
        "unlocated_gold",
        "layers",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    // Layers come in the documented order in the serialised text.
    let text = serde_json::to_string(&report).unwrap();
    let positions: Vec<usize> = [
        "\"entities\":{",
        "\"nationalities\":{",
        "\"alias_clustering\":{",
        "\"places\":{",
        "\"dates\":{",
        "\"quantities\":{",
        "\"attributions\":{",
        "\"unsourced\":{",
    ]
    .iter()
    .map(|key| {
        text.find(key)
            .unwrap_or_else(|| panic!("{key} not in {text}"))
    })
    .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    let overall = &json["layers"]["entities"]["overall"];
    for key in ["p", "r", "f1", "tp", "fp", "fn"] {
        assert!(overall.get(key).is_some(), "PRF lacks {key}");
    }
    assert_eq!(json["layers"]["places"]["accuracy"]["accuracy"], 1.0);
    assert!(json["layers"]["entities"]["by_type"]["MISC"]["p"].is_null());
    // Round trip: the JSON reads back into the same report.
    let back: Report = serde_json::from_value(json).unwrap();
    assert_eq!(back, report);
}

#[test]
fn mismatches_list_each_error_once_with_gold_and_system() {
    let corpus = load_corpus(&mini()).unwrap();
    let docs = documents_with_errors(&corpus);
    let report = evaluate_with(&corpus, &docs, EvalOptions { mismatches: true });
    let mismatches = report.mismatches.as_ref().unwrap();
    let kinds: Vec<(&str, &str)> = mismatches
        .iter()
        .map(|m| (m.layer.as_str(), m.problem.as_str()))
        .collect();
    let count =
        |layer: &str, problem: &str| kinds.iter().filter(|k| **k == (layer, problem)).count();
    // The same scores as the counts above, one line per error.
    assert_eq!(count("entities", "type"), 1, "{kinds:?}");
    assert_eq!(count("quantities", "value"), 1);
    assert_eq!(count("quantities", "spurious"), 1);
    assert_eq!(count("dates", "missed"), 1);
    assert_eq!(count("attributions", "hedged"), 1);
    assert_eq!(count("attributions", "speaker"), 1);
    assert_eq!(count("attributions", "chain"), 1);
    assert_eq!(
        count("attributions", "missed"),
        0,
        "a grown content span is still found"
    );
    assert_eq!(mismatches.len(), 7, "{mismatches:#?}");
    let typed = mismatches.iter().find(|m| m.problem == "type").unwrap();
    assert_eq!(typed.text, "Abou Ali");
    assert_eq!(
        (typed.expected.as_deref(), typed.got.as_deref()),
        (Some("PER"), Some("ORG"))
    );
    // A perfect system has none.
    let perfect = evaluate_with(
        &corpus,
        &oracle_documents(&corpus),
        EvalOptions { mismatches: true },
    );
    assert_eq!(perfect.mismatches, Some(Vec::new()));
    // The scores do not depend on the option.
    assert_eq!(report.layers, evaluate(&corpus, &docs).layers);
}

#[test]
fn issue13_a_span_boundary_is_told_apart_from_a_wrong_value() {
    let corpus = load_corpus(&mini()).unwrap();
    let mut docs = oracle_documents(&corpus);
    let m1 = docs
        .iter_mut()
        .find(|d| d.meta.external_id.as_deref() == Some("m1"))
        .unwrap();
    // "plus de 2.000 combattants" loses its noun: same value, shorter span.
    let first = &mut m1.layers.quantities[0];
    let noun = " combattants".len();
    first.span = Span::new(first.span.start, first.span.end - noun);
    // "Trois roquettes" keeps its span but gets a wrong value.
    m1.layers.quantities[1].value = QuantityValue::Single(4.0);
    let report = evaluate_with(&corpus, &docs, EvalOptions { mismatches: true });
    let quantities = report.layers.quantities.scored().unwrap();
    let total = quantities.value.total;
    assert_eq!(quantities.value.right, total - 2);
    assert_eq!(quantities.value_overlap.right, total - 1);
    assert_eq!((quantities.found.fp, quantities.found.fn_), (1, 1));
    assert_eq!(
        (quantities.found_overlap.fp, quantities.found_overlap.fn_),
        (0, 0)
    );
    let problems: Vec<&str> = report
        .mismatches
        .as_ref()
        .unwrap()
        .iter()
        .filter(|m| m.layer == "quantities")
        .map(|m| m.problem.as_str())
        .collect();
    assert_eq!(
        problems,
        ["span", "value"],
        "one line each, no missed + spurious"
    );
    let text = report.render_text();
    assert!(text.contains("found, spans overlap"), "{text}");
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json["layers"]["quantities"]["value_overlap"]["right"],
        total - 1
    );
}
