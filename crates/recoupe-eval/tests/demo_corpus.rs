//! The bundled demo corpus (`demo/` at the repository root): every gold item is placed, and
//! documents built from the gold itself score 1.0 (this checks the scorer and the gold's
//! consistency, not the pipeline).

use std::collections::HashSet;
use std::path::PathBuf;

use recoupe_eval::{evaluate, load_corpus, locate_gold, oracle_documents, LayerOutcome};

fn demo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../demo")
}

#[test]
fn demo_gold_is_fully_placed() {
    let corpus = load_corpus(&demo_dir()).unwrap();
    assert_eq!(corpus.articles.len(), 12);
    assert_eq!(corpus.gold.len(), 12);
    let mut placed = 0;
    for (id, gold) in &corpus.gold {
        let article = corpus.article(id).unwrap();
        let located = locate_gold(&article.text, gold);
        let unlocated = located.unlocated(id, gold);
        assert!(unlocated.is_empty(), "{unlocated:#?}");
        placed += located.counts().0;
    }
    assert!(placed > 300, "only {placed} gold items");
}

#[test]
fn demo_corpus_has_what_it_promises() {
    let corpus = load_corpus(&demo_dir()).unwrap();
    let undated = corpus
        .articles
        .iter()
        .filter(|a| a.meta.published.is_none())
        .count();
    assert!(undated >= 1);
    // At least one story told by two outlets.
    let mut clusters = std::collections::HashMap::<&str, HashSet<&str>>::new();
    for article in &corpus.articles {
        if let Some(cluster) = article.meta.cluster.as_deref() {
            clusters
                .entry(cluster)
                .or_default()
                .insert(article.meta.outlet.as_deref().unwrap());
        }
    }
    assert!(clusters.values().any(|outlets| outlets.len() >= 2));
    // Name variants of one entity across articles.
    let surfaces = |id: &str| -> HashSet<String> {
        corpus
            .gold
            .values()
            .flat_map(|g| g.entities.iter())
            .filter(|e| e.id == id)
            .map(|e| e.text.clone())
            .collect()
    };
    assert!(surfaces("deir-ez-zor").len() >= 2);
    assert!(surfaces("hachd-al-chaabi").len() >= 2);
    assert!(surfaces("syrian-democratic-forces").len() >= 2);
    assert!(surfaces("hussein-qassem").len() >= 3);
    for article in &corpus.articles {
        let words = article.text.split_whitespace().count();
        assert!(
            (120..=250).contains(&words),
            "{:?}: {words} words",
            article.meta.external_id
        );
    }
}

#[test]
fn gold_built_documents_score_one() {
    let corpus = load_corpus(&demo_dir()).unwrap();
    let report = evaluate(&corpus, &oracle_documents(&corpus));
    assert_eq!(report.documents, 12);
    assert_eq!(report.unlocated_gold.count, 0);
    let layers = &report.layers;
    let LayerOutcome::Scored(entities) = &layers.entities else {
        panic!("entities not scored")
    };
    assert_eq!(entities.overall.f1, Some(1.0));
    for (label, prf) in &entities.by_type {
        assert_eq!(prf.f1, Some(1.0), "{label}");
    }
    assert_eq!(layers.nationalities.scored().unwrap().found.f1, Some(1.0));
    let alias = layers.alias_clustering.scored().unwrap();
    assert_eq!(
        (alias.b_cubed.f1, alias.matched_fraction),
        (Some(1.0), Some(1.0))
    );
    let places = layers.places.scored().unwrap();
    assert_eq!(places.accuracy.accuracy, Some(1.0), "{places:?}");
    assert_eq!(places.precision.accuracy, Some(1.0));
    for values in [
        layers.dates.scored().unwrap(),
        layers.quantities.scored().unwrap(),
    ] {
        assert_eq!(values.found.f1, Some(1.0));
        assert_eq!(values.value.accuracy, Some(1.0));
    }
    let attributions = layers.attributions.scored().unwrap();
    assert_eq!(attributions.found.f1, Some(1.0));
    for accuracy in [
        attributions.speaker,
        attributions.chain,
        attributions.hedged,
        attributions.kind,
    ] {
        assert_eq!(accuracy.accuracy, Some(1.0), "{attributions:?}");
    }
    assert_eq!(layers.unsourced.scored().unwrap().found.f1, Some(1.0));
}

/// The check corpora under `checks/`: every gold item is placed and the gold scores 1.0
/// against itself.
#[test]
fn check_corpora_are_consistent() {
    for name in ["general-a", "general-b"] {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../checks")
            .join(name);
        let corpus = load_corpus(&dir).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(corpus.gold.len(), 6, "{name}");
        for (id, gold) in &corpus.gold {
            let article = corpus.article(id).unwrap();
            let unlocated = locate_gold(&article.text, gold).unlocated(id, gold);
            assert!(unlocated.is_empty(), "{name}: {unlocated:#?}");
        }
        let report = evaluate(&corpus, &oracle_documents(&corpus));
        let entities = report.layers.entities.scored().unwrap();
        assert_eq!(entities.overall.f1, Some(1.0), "{name}");
        let attributions = report.layers.attributions.scored().unwrap();
        assert_eq!(attributions.speaker.accuracy, Some(1.0), "{name}");
    }
}
