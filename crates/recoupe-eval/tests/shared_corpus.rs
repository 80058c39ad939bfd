//! The shared evaluation corpus (`../shared/corpus` from the repository root), read in
//! place and never copied. Skips when it is absent.

use std::path::PathBuf;

use recoupe_eval::{evaluate, load_corpus, locate_gold, oracle_documents};

fn shared_corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    dir.join("gold.jsonl").is_file().then_some(dir)
}

#[test]
fn shared_gold_is_placed_and_scores_itself_perfectly() {
    let Some(dir) = shared_corpus() else {
        eprintln!("SKIP: no shared corpus next to the repository");
        return;
    };
    let corpus = load_corpus(&dir).unwrap();
    let (mut located, mut unlocated) = (0, Vec::new());
    for (id, gold) in &corpus.gold {
        let article = corpus.article(id).expect("load_corpus checks gold ids");
        let placed = locate_gold(&article.text, gold);
        located += placed.counts().0;
        unlocated.extend(placed.unlocated(id, gold));
    }
    eprintln!(
        "shared corpus: {} gold documents, {located} gold items placed, {} not placed",
        corpus.gold.len(),
        unlocated.len()
    );
    for item in &unlocated {
        eprintln!(
            "  {} {}[{}] {:?}: {}",
            item.article, item.list, item.index, item.text, item.reason
        );
    }
    assert!(
        unlocated.is_empty(),
        "{} shared gold items cannot be placed",
        unlocated.len()
    );

    let report = evaluate(&corpus, &oracle_documents(&corpus));
    let entities = report.layers.entities.scored().unwrap();
    assert_eq!(entities.overall.f1, Some(1.0));
    assert_eq!(
        report.layers.alias_clustering.scored().unwrap().b_cubed.f1,
        Some(1.0)
    );
    let places = report.layers.places.scored().unwrap();
    assert_eq!(places.accuracy.accuracy, Some(1.0), "{places:?}");
    let attributions = report.layers.attributions.scored().unwrap();
    assert_eq!(attributions.found.f1, Some(1.0));
    assert_eq!(attributions.speaker.accuracy, Some(1.0), "{attributions:?}");
    assert_eq!(attributions.chain.accuracy, Some(1.0));
}
