//! Clustering left pending by an interrupted run is recorded and resumed (migration 0005),
//! and the pass reports its progress.

use std::panic::{catch_unwind, AssertUnwindSafe};

use chrono::NaiveDate;
use recoupe_model::*;
use recoupe_store::*;

const LONG: &str = "name:ORG:frs dmkrtks srns";

fn report(id: &str, text: &str, mentions: &[(&str, &str)]) -> Document {
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Jsonl,
        path: "reports.jsonl".into(),
        record: Some(id.into()),
    });
    meta.external_id = Some(id.into());
    meta.published = Some(Published {
        date: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
        source: DateSource::Metadata,
        inferred_from: None,
    });
    let mut doc = Document::new(text.to_string(), meta);
    doc.layers.entities = mentions
        .iter()
        .map(|(surface, key)| {
            let start = text.find(surface).unwrap();
            EntityMention {
                span: Span::new(start, start + surface.len()),
                label: EntityType::ORG,
                kb: None,
                entity: key.to_string(),
                provenance: Provenance::new("entities", "test"),
                evidence: Vec::new(),
            }
        })
        .collect();
    doc.mark_produced(Layer::Entities);
    doc
}

/// Two reports: an acronym defined in one and used alone in the other (one merge).
fn reports() -> Vec<Document> {
    vec![
        report(
            "p1",
            "Les Forces démocratiques syriennes (FDS) ont repris le village.",
            &[("Forces démocratiques syriennes", LONG), ("FDS", LONG)],
        ),
        report(
            "p2",
            "Les FDS ont affirmé que la ville était tombée.",
            &[("FDS", "name:ORG:fds")],
        ),
    ]
}

#[test]
fn new_documents_leave_clustering_pending_until_a_pass_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path().join("r.db")).unwrap();
    assert!(!store.clustering_pending().unwrap(), "an empty store");
    let docs = reports();
    store.put_batch(&docs[..1]).unwrap();
    assert!(store.clustering_pending().unwrap());
    assert_eq!(store.cluster_entities().unwrap().added, 0);
    assert!(!store.clustering_pending().unwrap());
    // Duplicates store nothing new: nothing to cluster.
    store.put_batch(&docs[..1]).unwrap();
    assert!(!store.clustering_pending().unwrap());
    store.put_batch(&docs[1..]).unwrap();
    assert!(store.clustering_pending().unwrap());
}

#[test]
fn a_pass_interrupted_midway_stays_pending_and_the_next_one_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.put_batch(&reports()).unwrap();
        // The pass dies while planning (as a killed process would): its transaction is
        // never committed.
        let died = catch_unwind(AssertUnwindSafe(|| {
            store.cluster_entities_with_progress(&mut |p| {
                if p.step == ClusterStep::KbSurfaces {
                    panic!("killed during clustering");
                }
            })
        }));
        assert!(died.is_err());
    }
    let mut store = SqliteStore::open(&path).unwrap();
    assert!(store.merges().unwrap().is_empty(), "nothing half-written");
    assert!(
        store.clustering_pending().unwrap(),
        "the pass is still owed"
    );
    let report = store.cluster_entities().unwrap();
    assert_eq!(report.added, 1);
    assert!(!store.clustering_pending().unwrap());
}

#[test]
fn a_store_upgraded_with_documents_runs_the_pass_once_more() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.put_batch(&reports()).unwrap();
        store.cluster_entities().unwrap();
    }
    // Back to schema 4, before pending work was recorded.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE pending_work; DROP TABLE entity_surfaces; DROP TABLE entity_months;
             DROP INDEX mentions_doc; ALTER TABLE documents DROP COLUMN published_from_start;
             ALTER TABLE documents DROP COLUMN published_from_end;
             DELETE FROM schema_migrations WHERE version >= 5;
             PRAGMA user_version = 4;",
        )
        .unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SQLITE_SCHEMA_VERSION);
    assert!(store.clustering_pending().unwrap());
}

#[test]
fn the_pass_reports_each_step_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(dir.path().join("r.db")).unwrap();
    store.put_batch(&reports()).unwrap();
    let mut seen: Vec<ClusterProgress> = Vec::new();
    let report = store
        .cluster_entities_with_progress(&mut |p| seen.push(*p))
        .unwrap();
    assert_eq!(report.added, 1);
    assert!(seen.iter().all(|p| p.done <= p.total), "{seen:?}");
    let mut steps: Vec<ClusterStep> = seen.iter().map(|p| p.step).collect();
    steps.dedup();
    assert_eq!(
        steps,
        vec![
            ClusterStep::Reading,
            ClusterStep::Acronyms,
            ClusterStep::KbSurfaces,
            ClusterStep::Skeletons,
            ClusterStep::Writing
        ]
    );
    // The last report says the pass is complete.
    let last = seen.last().unwrap();
    assert_eq!(last.done, last.total);
}
