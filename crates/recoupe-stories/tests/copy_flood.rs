//! A flood of near-identical texts (one dispatch republished many times) costs a bounded
//! number of alignments per new article, and the copies still hold the flood together.

use recoupe_model::{Document, Metadata, Origin, OriginKind};
use recoupe_stories::{copy_groups, Config, StoryEngine};

const DISPATCH: &str = "Les pompiers de la région ont lutté toute la nuit contre un incendie \
    qui a ravagé un entrepôt de la zone portuaire, sans faire de victime selon un premier \
    constat des services de secours. Le feu, parti vers vingt-deux heures d'un local \
    technique, a été maîtrisé au petit matin après l'intervention de quatre-vingts \
    sapeurs-pompiers venus de trois casernes voisines. Une enquête a été ouverte pour \
    déterminer l'origine du sinistre, et les riverains ont été invités à garder leurs \
    fenêtres fermées en raison des fumées.";

fn republished(n: usize) -> Vec<Document> {
    (0..n)
        .map(|i| {
            let text = format!("{DISPATCH}\nMise à jour numéro {i} de la rédaction locale.");
            let mut meta = Metadata::new(Origin {
                kind: OriginKind::Jsonl,
                path: "flood.jsonl".into(),
                record: Some(i.to_string()),
            });
            meta.external_id = Some(format!("flood-{i}"));
            Document::new(text, meta)
        })
        .collect()
}

fn engine_over(docs: &[Document], config: Config) -> (StoryEngine, usize) {
    let mut engine = StoryEngine::new(config);
    let mut most = 0;
    for doc in docs {
        most = most.max(engine.add(doc).copies.len());
    }
    (engine, most)
}

#[test]
fn a_flood_of_copies_is_aligned_with_a_bounded_number_of_candidates() {
    let docs = republished(40);
    let config = Config::default();
    let cap = config.copies.max_candidates;
    assert!(cap < docs.len() - 1, "the flood is larger than the cap");
    let (engine, most) = engine_over(&docs, config);
    // Each new article is aligned with at most `cap` earlier ones…
    assert_eq!(most, cap);
    let pairs = engine.copies().count();
    assert!(pairs < docs.len() * (docs.len() - 1) / 2);
    // …and the copies still make the whole flood one group of copies (one source).
    let ids: Vec<_> = docs.iter().map(|d| d.id.clone()).collect();
    let copies: Vec<_> = engine.copies().collect();
    let groups = copy_groups(&ids, &copies);
    let roots: std::collections::BTreeSet<_> = groups.values().collect();
    assert_eq!(roots.len(), 1, "one group of copies");

    // Without the cap every pair is aligned (the cost the cap bounds).
    let mut uncapped = Config::default();
    uncapped.copies.max_candidates = usize::MAX;
    let (engine, _) = engine_over(&docs, uncapped);
    assert_eq!(engine.copies().count(), docs.len() * (docs.len() - 1) / 2);
}
