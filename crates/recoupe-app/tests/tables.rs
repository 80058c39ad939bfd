//! `export --format parquet|csv`: the demo store written as tables, read back with the
//! Parquet reader and the CSV reader, and checked against the store.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::sync::OnceLock;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type, TimestampMicrosecondType};
use arrow_array::{Array, RecordBatch};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use recoupe_app::tables::{arrow_schema, export_csv_table, export_parquet, table_names};
use recoupe_app::{SqliteStore, Store};
use recoupe_model::Document;
use recoupe_store::tables::TABLES;

struct Demo {
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
    out: std::path::PathBuf,
}

/// The demo corpus in a store with its merges, exported once as Parquet.
fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = tempfile::Builder::new()
            .prefix("recoupe-tables-")
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .expect("temporary directory");
        let db = dir.path().join("store.db");
        let mut store = recoupe_app::open_store(&db).expect("store");
        recoupe_app::demo::run_demo(&mut store).expect("demo");
        let out = dir.path().join("tables");
        let files = export_parquet(&store, &out).expect("parquet export");
        assert_eq!(
            files.iter().map(|f| f.table).collect::<Vec<_>>(),
            table_names()
        );
        Demo { _dir: dir, db, out }
    })
}

fn store() -> SqliteStore {
    recoupe_app::open_existing(&demo().db).expect("demo store")
}

fn documents() -> Vec<Document> {
    let mut docs = Vec::new();
    store()
        .for_each_document(&mut |doc| {
            docs.push(doc);
            Ok(())
        })
        .unwrap();
    docs
}

/// Every record batch of `DIR/<name>.parquet`, with the file's schema checked against the
/// table's.
fn read(name: &str) -> Vec<RecordBatch> {
    let path = demo().out.join(format!("{name}.parquet"));
    let file = File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).expect("a Parquet file");
    let table = TABLES.iter().find(|t| t.name == name).unwrap();
    let expected = arrow_schema(table);
    assert_eq!(
        builder.schema().fields(),
        expected.fields(),
        "schema of {name}.parquet"
    );
    builder
        .build()
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap()
}

fn rows(batches: &[RecordBatch]) -> usize {
    batches.iter().map(RecordBatch::num_rows).sum()
}

fn strings(batches: &[RecordBatch], column: &str) -> Vec<Option<String>> {
    let mut out = Vec::new();
    for batch in batches {
        let array = batch.column_by_name(column).unwrap().as_string::<i32>();
        for i in 0..array.len() {
            out.push(array.is_valid(i).then(|| array.value(i).to_string()));
        }
    }
    out
}

fn ints(batches: &[RecordBatch], column: &str) -> Vec<Option<i64>> {
    let mut out = Vec::new();
    for batch in batches {
        let array = batch
            .column_by_name(column)
            .unwrap()
            .as_primitive::<Int64Type>();
        for i in 0..array.len() {
            out.push(array.is_valid(i).then(|| array.value(i)));
        }
    }
    out
}

#[test]
fn row_counts_match_the_store() {
    let stats = store().stats().unwrap();
    assert!(stats.documents > 0 && stats.mentions > 0 && stats.attributions > 0);
    let count = |name: &str| rows(&read(name)) as u64;
    assert_eq!(count("documents"), stats.documents);
    assert_eq!(count("mentions"), stats.mentions);
    assert_eq!(count("places"), stats.places);
    assert_eq!(count("attributions"), stats.attributions);
}

#[test]
fn documents_read_back_as_stored() {
    let batches = read("documents");
    let docs = documents();
    let ids = strings(&batches, "id");
    assert_eq!(
        ids,
        docs.iter()
            .map(|d| Some(d.id.to_string()))
            .collect::<Vec<_>>(),
        "insertion order"
    );
    let texts = strings(&batches, "text");
    let bytes = ints(&batches, "text_bytes");
    let entities = ints(&batches, "entities");
    let outlets = strings(&batches, "outlet");
    let mut published = Vec::new();
    let mut ingested = Vec::new();
    for batch in &batches {
        let days = batch
            .column_by_name("published")
            .unwrap()
            .as_primitive::<Date32Type>();
        let micros = batch
            .column_by_name("ingested_at")
            .unwrap()
            .as_primitive::<TimestampMicrosecondType>();
        for i in 0..batch.num_rows() {
            published.push(days.is_valid(i).then(|| days.value_as_date(i).unwrap()));
            ingested.push(micros.value(i));
        }
    }
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(texts[i].as_deref(), Some(doc.text.as_str()));
        assert_eq!(bytes[i], Some(doc.text.len() as i64));
        assert_eq!(entities[i], Some(doc.layers.entities.len() as i64));
        assert_eq!(outlets[i], doc.meta.outlet);
        assert_eq!(published[i], doc.meta.published.map(|p| p.date));
        assert_eq!(ingested[i], doc.meta.ingested_at.timestamp_micros());
    }
    assert!(published.iter().any(Option::is_some));
}

#[test]
fn mentions_point_into_their_texts() {
    let batches = read("mentions");
    let texts: BTreeMap<String, String> = documents()
        .into_iter()
        .map(|d| (d.id.to_string(), d.text))
        .collect();
    let doc_ids = strings(&batches, "doc_id");
    let starts = ints(&batches, "start");
    let ends = ints(&batches, "end");
    let surfaces = strings(&batches, "surface");
    let keys = strings(&batches, "entity_key");
    let canonical = strings(&batches, "canonical_key");
    for i in 0..doc_ids.len() {
        let text = &texts[doc_ids[i].as_ref().unwrap()];
        let (start, end) = (starts[i].unwrap() as usize, ends[i].unwrap() as usize);
        assert_eq!(Some(&text[start..end]), surfaces[i].as_deref());
        assert!(keys[i].is_some() && canonical[i].is_some());
    }
    // Merged keys carry their canonical key; the others their own.
    let merges = store().merges().unwrap();
    for i in 0..keys.len() {
        let key = keys[i].as_deref().unwrap();
        let merged = merges.iter().any(|m| m.from_key == key);
        assert_eq!(canonical[i].as_deref() != Some(key), merged, "{key}");
    }
}

#[test]
fn places_and_attributions_keep_their_types() {
    let places = read("places");
    let mut resolved = 0;
    for batch in &places {
        let lat = batch
            .column_by_name("lat")
            .unwrap()
            .as_primitive::<Float64Type>();
        for i in 0..lat.len() {
            if lat.is_valid(i) {
                assert!((-90.0..=90.0).contains(&lat.value(i)));
                resolved += 1;
            }
        }
    }
    assert!(resolved > 0);

    let attributions = read("attributions");
    let kinds: BTreeSet<String> = strings(&attributions, "kind")
        .into_iter()
        .flatten()
        .collect();
    assert!(kinds.is_subset(
        &["direct", "indirect", "mixed", "according_to"]
            .map(String::from)
            .into()
    ));
    let stored: usize = documents()
        .iter()
        .map(|d| {
            d.layers
                .attributions
                .iter()
                .filter(|a| !a.via.is_empty())
                .count()
        })
        .sum();
    let mut with_via = 0;
    for batch in &attributions {
        let via = batch.column_by_name("via").unwrap().as_list::<i32>();
        for i in 0..via.len() {
            assert!(via.is_valid(i), "via is never null");
            with_via += usize::from(!via.value(i).is_empty());
        }
        let hedged = batch.column_by_name("hedged").unwrap().as_boolean();
        assert_eq!(hedged.null_count(), 0);
    }
    assert!(stored > 0);
    assert_eq!(with_via, stored);
}

#[test]
fn csv_tables_have_the_same_rows_as_parquet() {
    let store = store();
    for table in TABLES {
        let mut out = Vec::new();
        let written = export_csv_table(&store, table.name, &mut out).unwrap();
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, table.column_names(), "{}", table.name);
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len() as u64, written);
        assert_eq!(records.len(), rows(&read(table.name)), "{}", table.name);
    }
    let error = export_csv_table(&store, "stories-and-more", &mut Vec::new()).unwrap_err();
    assert!(error.to_string().contains("stories-and-more"), "{error}");
}

/// The cross-article tables have as many rows as the store's story queries return, in
/// Parquet and in CSV.
#[test]
fn story_tables_match_the_story_queries() {
    use recoupe_store::{EventFilter, FactFilter, StoryFilter};
    let store = store();
    let stories = store.stories(&StoryFilter::default()).unwrap();
    assert!(!stories.is_empty(), "the demo has stories");
    let facts = store.facts(&FactFilter::default()).unwrap();
    let reports: usize = facts.iter().map(|f| f.fact.reports.len()).sum();
    assert!(reports > 0, "the demo has facts");
    let copies: usize = stories
        .iter()
        .map(|s| store.story(&s.id).unwrap().unwrap().story.copies.len())
        .sum();
    let events = store.events(&EventFilter::default()).unwrap();
    let expected = [
        ("stories", stories.len()),
        ("facts", reports),
        ("copies", copies),
        ("events", events.len()),
    ];
    for (name, count) in expected {
        assert_eq!(rows(&read(name)), count, "{name}.parquet");
        let mut out = Vec::new();
        let written = export_csv_table(&store, name, &mut out).unwrap();
        assert_eq!(written as usize, count, "{name}.csv");
        let records = csv::Reader::from_reader(out.as_slice()).records().count();
        assert_eq!(records, count, "{name}.csv records");
    }

    // Story ids and the story ids of the other tables join.
    let ids: BTreeSet<String> = strings(&read("stories"), "id")
        .into_iter()
        .flatten()
        .collect();
    assert_eq!(ids, stories.iter().map(|s| s.id.clone()).collect());
    for (name, column) in [
        ("facts", "story_id"),
        ("copies", "story_id"),
        ("events", "event_id"),
    ] {
        for id in strings(&read(name), column) {
            assert!(ids.contains(id.as_deref().unwrap()), "{name}.{column}");
        }
    }
    // Fact reports point into their documents.
    let texts: BTreeMap<String, usize> = documents()
        .into_iter()
        .map(|d| (d.id.to_string(), d.text.len()))
        .collect();
    let batches = read("facts");
    let (docs, ends) = (strings(&batches, "doc_id"), ints(&batches, "end"));
    for (doc, end) in docs.iter().zip(&ends) {
        assert!(end.unwrap() as usize <= texts[doc.as_deref().unwrap()]);
    }
}
