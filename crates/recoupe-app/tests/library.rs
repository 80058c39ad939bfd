//! The library behind the commands, called directly as a server would call it.

use recoupe_app::ingest::Quiet;
use recoupe_app::{query, AppError};

fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("recoupe-app-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("temporary directory")
}

#[test]
fn a_missing_store_is_named_and_not_created() {
    let dir = temp_dir();
    let db = dir.path().join("absent.db");
    let error = recoupe_app::open_existing(&db)
        .err()
        .expect("no store there");
    assert!(matches!(error, AppError::NoStore { .. }), "{error:?}");
    assert!(error.to_string().contains("absent.db"), "{error}");
    assert!(!db.exists());
}

#[test]
fn unknown_layers_are_named_with_the_known_ones() {
    let error = recoupe_app::extract::parse_layers(&["tokens".into(), "paragraphs".into()])
        .expect_err("paragraphs is no layer");
    let message = error.to_string();
    assert!(message.contains("`paragraphs`"), "{message}");
    assert!(message.contains("sentences, tokens"), "{message}");
}

#[test]
fn demo_then_ingest_then_queries() {
    let dir = temp_dir();
    let db = dir.path().join("store.db");
    let mut store = recoupe_app::open_store(&db).expect("store");
    let report = recoupe_app::demo::run_demo(&mut store).expect("demo");
    assert_eq!(report.inserted, report.articles);
    assert!(report.counts.entities > 0 && !report.top_entities.is_empty());

    // The demo corpus file ingested again through the ordinary path: nothing new.
    drop(store);
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo/articles.jsonl");
    let summary =
        recoupe_app::ingest::ingest(&db, &[corpus.to_string()], 4, true, &mut Quiet).unwrap();
    assert_eq!(summary.ingested, 0, "{summary:?}");
    assert_eq!(summary.duplicates as usize, report.articles, "{summary:?}");
    // Hash first: texts already stored never go through the pipeline again.
    assert_eq!(
        summary.pipeline_skipped as usize, report.articles,
        "{summary:?}"
    );

    let store = recoupe_app::open_existing(&db).unwrap();
    let top = &report.top_entities[0];
    let detail = query::entity(&store, &top.name).unwrap().expect("entity");
    assert_eq!(detail.key, top.key);
    let hits = query::search(&store, &top.name, 5).unwrap();
    assert!(!hits.is_empty());
    let shown = query::document(&store, &hits[0].id).unwrap().expect("doc");
    assert_eq!(shown.id.as_str(), hits[0].id);
}

#[test]
fn issue12_the_same_text_from_another_outlet_adds_an_appearance_without_a_pipeline_run() {
    let dir = temp_dir();
    let db = dir.path().join("store.db");
    let text = "Un séisme de magnitude 6,1 a frappé mardi le nord du pays, selon l'institut de géophysique.";
    let line = |id: &str, outlet: &str, day: u32| {
        serde_json::json!({"id": id, "outlet": outlet, "published": format!("2026-03-{day:02}"), "text": text})
            .to_string()
    };
    let first = dir.path().join("agence.jsonl");
    std::fs::write(&first, line("a-1", "Agence", 3) + "\n").unwrap();
    let second = dir.path().join("quotidien.jsonl");
    std::fs::write(
        &second,
        line("q-7", "Le Quotidien", 4) + "\n" + &line("q-7", "Le Quotidien", 4) + "\n",
    )
    .unwrap();
    let paths = |p: &std::path::Path| vec![p.display().to_string()];
    let summary = recoupe_app::ingest::ingest(&db, &paths(&first), 8, false, &mut Quiet).unwrap();
    assert_eq!((summary.ingested, summary.pipeline_skipped), (1, 0));
    let summary = recoupe_app::ingest::ingest(&db, &paths(&second), 8, false, &mut Quiet).unwrap();
    assert_eq!(
        (summary.ingested, summary.appearances, summary.duplicates),
        (0, 1, 1),
        "{summary:?}"
    );
    assert_eq!(summary.pipeline_skipped, 2, "{summary:?}");
    let store = recoupe_app::open_existing(&db).unwrap();
    let doc = query::document(&store, "a-1").unwrap().unwrap();
    let outlets: Vec<_> = query::appearances(&store, &doc.id)
        .unwrap()
        .into_iter()
        .map(|a| a.outlet.unwrap())
        .collect();
    assert_eq!(outlets, ["Agence", "Le Quotidien"]);
    // The document keeps the annotations of its first reading.
    assert!(!doc.layers.entities.is_empty() || !doc.produced.is_empty());
}

/// Counts the clustering progress reports an ingest makes.
#[derive(Default)]
struct ClusterReports(Vec<recoupe_app::ClusterProgress>);

impl recoupe_app::ingest::IngestObserver for ClusterReports {
    fn cluster_progress(&mut self, progress: &recoupe_app::ClusterProgress) {
        self.0.push(*progress);
    }
}

#[test]
fn an_ingest_runs_the_clustering_an_earlier_one_left_pending() {
    use recoupe_app::Store;
    let dir = temp_dir();
    let db = dir.path().join("store.db");
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo/articles.jsonl").to_string();
    // Stored without clustering (as when an ingest is killed before its pass commits).
    let mut reports = ClusterReports::default();
    let first =
        recoupe_app::ingest::ingest(&db, std::slice::from_ref(&corpus), 4, false, &mut reports)
            .unwrap();
    assert!(first.ingested > 0);
    assert!(reports.0.is_empty(), "no pass, no progress");
    let store = recoupe_app::open_existing(&db).unwrap();
    assert!(store.clustering_pending().unwrap());
    assert!(store.merges().unwrap().is_empty());
    drop(store);
    // Nothing new the second time, but the pass still owed runs, with its progress.
    let second = recoupe_app::ingest::ingest(&db, &[corpus], 4, true, &mut reports).unwrap();
    assert_eq!(second.ingested, 0);
    assert!(!reports.0.is_empty());
    let store = recoupe_app::open_existing(&db).unwrap();
    assert!(!store.clustering_pending().unwrap());
    assert_eq!(store.merges().unwrap().len() as u64, second.merges_added);
    let last = reports.0.last().unwrap();
    assert_eq!(last.step, recoupe_app::ClusterStep::Writing);
    assert_eq!(last.done, last.total);
}
