//! Issue 10/12 "every appearance kept": a text keeps its content-hash identity and every
//! publication of it is an appearance.

use chrono::{NaiveDate, TimeZone, Utc};
use recoupe_model::*;
use recoupe_store::*;
use tempfile::TempDir;

fn new_store() -> (TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let store = SqliteStore::open(dir.path().join("recoupe.db")).expect("open a new store");
    (dir, store)
}

fn published(outlet: &str, id: &str, day: u32, text: &str) -> Document {
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Jsonl,
        path: format!("{outlet}.jsonl"),
        record: Some(format!("line {id}")),
    });
    meta.external_id = Some(id.into());
    meta.outlet = Some(outlet.into());
    meta.url = Some(format!("https://{outlet}.example/{id}"));
    meta.title = Some(format!("Titre chez {outlet}"));
    meta.published = Some(Published {
        date: NaiveDate::from_ymd_opt(2026, 3, day).unwrap(),
        source: DateSource::Metadata,
        inferred_from: None,
    });
    meta.ingested_at = Utc.with_ymd_and_hms(2026, 12, 6, 7, 0, 0).unwrap();
    Document::new(text.to_string(), meta)
}

/// Drops what migration 4 created, to turn a database back into an older schema.
const STORY_TABLES: &str =
    "DROP TABLE story_features; DROP TABLE story_keys; DROP TABLE story_links; \
     DROP TABLE copies; DROP TABLE copy_passages; DROP TABLE stories; DROP TABLE story_members; \
     DROP TABLE facts; DROP TABLE fact_reports; DROP TABLE event_entities;";

const DISPATCH: &str = "Un séisme de magnitude 6,1 a frappé la région mardi, selon l'institut.";

#[test]
fn issue12_the_same_text_from_another_outlet_is_an_appearance_not_a_duplicate() {
    let (_dir, mut store) = new_store();
    let agency = published("agence", "a-1", 3, DISPATCH);
    let paper = published("quotidien", "q-7", 4, DISPATCH);
    assert_eq!(agency.id, paper.id, "same text, same identity");
    assert_eq!(
        store.put_batch(&[agency.clone(), paper.clone()]).unwrap(),
        vec![PutOutcome::Inserted, PutOutcome::Appearance]
    );
    // The very same records again: nothing new, even read from another file.
    let mut again = paper.clone();
    again.meta.origin.path = "copie/quotidien.jsonl".into();
    assert_eq!(
        store.put_batch(&[agency.clone(), again]).unwrap(),
        vec![PutOutcome::Duplicate, PutOutcome::Duplicate]
    );
    assert_eq!(store.count().unwrap(), 1);

    let appearances = store.appearances(&agency.id).unwrap();
    let outlets: Vec<_> = appearances
        .iter()
        .map(|a| a.outlet.as_deref().unwrap())
        .collect();
    assert_eq!(outlets, ["agence", "quotidien"]);
    assert_eq!(appearances[1].external_id.as_deref(), Some("q-7"));
    assert_eq!(
        appearances[1].published.map(|p| p.date),
        NaiveDate::from_ymd_opt(2026, 3, 4)
    );
    assert_eq!(appearances[1].origin.path, "quotidien.jsonl");

    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.appearances), (1, 2));
    let by_outlet: Vec<_> = stats
        .by_outlet
        .iter()
        .map(|t| (t.value.clone().unwrap(), t.count))
        .collect();
    assert_eq!(
        by_outlet,
        [("agence".to_string(), 1), ("quotidien".to_string(), 1)]
    );
}

#[test]
fn issue12_export_writes_one_line_per_appearance_with_its_metadata() {
    let (_dir, mut store) = new_store();
    let other = published(
        "agence",
        "a-2",
        5,
        "Un autre texte, sans rapport avec le premier.",
    );
    store
        .put_batch(&[
            published("agence", "a-1", 3, DISPATCH),
            published("quotidien", "q-7", 4, DISPATCH),
            other,
        ])
        .unwrap();
    let mut out = Vec::new();
    assert_eq!(export_jsonl(&store, &mut out).unwrap(), 3);
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let seen: Vec<(String, String, String)> = lines
        .iter()
        .map(|l| {
            (
                l["meta"]["external_id"].as_str().unwrap().to_string(),
                l["meta"]["outlet"].as_str().unwrap().to_string(),
                l["meta"]["published"]["date"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("a-1".into(), "agence".into(), "2026-03-03".into()),
            ("q-7".into(), "quotidien".into(), "2026-03-04".into()),
            ("a-2".into(), "agence".into(), "2026-03-05".into()),
        ]
    );
    assert_eq!(lines[0]["id"], lines[1]["id"]);
    assert_eq!(lines[0]["schema_version"], SCHEMA_VERSION);
    // Every line is a document the model reads back.
    for line in &lines {
        let doc: Document = serde_json::from_value(line.clone()).unwrap();
        assert_eq!(doc.id, DocId::of_text(&doc.text));
    }
}

#[test]
fn issue12_texts_without_publication_metadata_are_told_apart_by_their_file() {
    let (_dir, mut store) = new_store();
    let bare = |path: &str| {
        let meta = Metadata::new(Origin {
            kind: OriginKind::Text,
            path: path.into(),
            record: None,
        });
        Document::new(DISPATCH.to_string(), meta)
    };
    assert_eq!(
        store
            .put_batch(&[bare("a.txt"), bare("b.txt"), bare("a.txt")])
            .unwrap(),
        vec![
            PutOutcome::Inserted,
            PutOutcome::Appearance,
            PutOutcome::Duplicate
        ]
    );
}

#[test]
fn stored_ids_answers_which_texts_are_there() {
    let (_dir, mut store) = new_store();
    let a = published("agence", "a-1", 3, DISPATCH);
    store.put_batch(std::slice::from_ref(&a)).unwrap();
    let absent = DocId::of_text("absent");
    let found = store.stored_ids(&[&a.id, &absent]).unwrap();
    assert!(found.contains(&a.id) && !found.contains(&absent));
}

#[test]
fn migration_3_gives_every_stored_document_its_appearance() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store
            .put_batch(&[
                published("agence", "a-1", 3, DISPATCH),
                published("agence", "a-2", 5, "Un autre texte."),
            ])
            .unwrap();
    }
    // Back to schema 2: no appearances table.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!(
            "DROP TABLE appearances; DROP TABLE pending_work; {STORY_TABLES}
                 ALTER TABLE documents DROP COLUMN published_from_start;
                 ALTER TABLE documents DROP COLUMN published_from_end;
                 DELETE FROM schema_migrations WHERE version >= 3;
                 PRAGMA user_version = 2;"
        ))
        .unwrap();
    }
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SQLITE_SCHEMA_VERSION);
    assert_eq!(store.stats().unwrap().appearances, 2);
    // The identity written by the migration is the one the store computes: the same
    // publication again is a duplicate, another outlet an appearance.
    assert_eq!(
        store
            .put_batch(&[
                published("agence", "a-1", 3, DISPATCH),
                published("quotidien", "q-7", 4, DISPATCH)
            ])
            .unwrap(),
        vec![PutOutcome::Duplicate, PutOutcome::Appearance]
    );
}
