//! Issue 12: the cross-article layer in the store. Stories, copies, facts and event
//! records are kept up to date as articles are stored, from an index in the store, and
//! depend on the set of articles, not on the order they were stored in.

use std::collections::BTreeSet;

use recoupe_app::query::{self, EventFilter, FactFilter, StoryFilter};
use recoupe_app::{SqliteStore, Store};
use recoupe_model::{DocId, Document};
use recoupe_stories::{CandidateIndex, Config, StoryEngine};

fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("recoupe-stories-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("temporary directory")
}

/// checks/stories-a annotated once, with the corpus's own story labels removed: the layer
/// must not depend on them.
fn corpus() -> Vec<Document> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../checks/stories-a/articles.jsonl"
    );
    let mut docs: Vec<Document> = recoupe_ingest::read_inputs(
        &[path.to_string()],
        &recoupe_ingest::IngestOptions::default(),
    )
    .map(|d| d.expect("read checks/stories-a"))
    .collect();
    let pipeline = recoupe_app::pipeline().unwrap();
    recoupe_app::ingest::annotate(&pipeline, &mut docs).unwrap();
    for doc in &mut docs {
        doc.meta.cluster = None;
    }
    docs
}

/// A deterministic shuffle (SplitMix64), so a failure reproduces.
fn shuffled(docs: &[Document], seed: u64) -> Vec<Document> {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut out = docs.to_vec();
    for i in (1..out.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        out.swap(i, j);
    }
    out
}

/// Stores `docs` in batches of `batch` and returns the store.
fn stored(dir: &tempfile::TempDir, name: &str, docs: &[Document], batch: usize) -> SqliteStore {
    let mut store = SqliteStore::open(dir.path().join(name)).unwrap();
    for chunk in docs.chunks(batch) {
        store.put_batch(chunk).unwrap();
    }
    store
}

/// Every story as (id, sorted members, facts, disagreements, event record JSON).
type Snapshot = Vec<(String, Vec<String>, Vec<String>, u64, Option<String>)>;

fn snapshot(store: &SqliteStore) -> Snapshot {
    let mut out = Vec::new();
    for summary in query::stories(store, &StoryFilter::default()).unwrap() {
        let detail = query::story(store, &summary.id)
            .unwrap()
            .expect("listed story");
        let mut members: Vec<String> = detail.members.iter().map(|m| m.id.clone()).collect();
        members.sort();
        let facts = detail
            .story
            .facts
            .iter()
            .map(|f| serde_json::to_string(f).unwrap())
            .collect();
        out.push((
            summary.id,
            members,
            facts,
            summary.disagreements,
            detail.event.map(|e| serde_json::to_string(&e).unwrap()),
        ));
    }
    out.sort();
    out
}

#[test]
fn issue12_stories_are_the_same_whatever_the_ingest_order_and_batches() {
    let docs = corpus();
    let dir = temp_dir();
    let reference = snapshot(&stored(&dir, "in-order.db", &docs, 256));
    assert!(
        reference.iter().any(|s| s.1.len() >= 3),
        "stories-a has stories of several articles: {reference:?}"
    );
    for (seed, batch) in [(1, 1), (7, 5), (42, 64)] {
        let store = stored(
            &dir,
            &format!("shuffled-{seed}.db"),
            &shuffled(&docs, seed),
            batch,
        );
        assert_eq!(
            snapshot(&store),
            reference,
            "order seed {seed}, batches of {batch}"
        );
    }

    // The same stories as the in-memory engine the evaluation scores.
    let mut engine = StoryEngine::new(Config::default());
    for doc in &docs {
        engine.add(doc);
    }
    let from_engine: BTreeSet<Vec<String>> = engine
        .stories()
        .iter()
        .map(|s| s.articles.iter().map(|a| a.to_string()).collect())
        .collect();
    let from_store: BTreeSet<Vec<String>> = reference.iter().map(|s| s.1.clone()).collect();
    assert_eq!(from_store, from_engine);
}

#[test]
fn issue12_the_store_index_finds_what_the_memory_index_finds() {
    let docs = corpus();
    let dir = temp_dir();
    let store = stored(&dir, "index.db", &docs, 32);
    let config = Config::default();
    let mut memory = recoupe_stories::MemoryIndex::default();
    for doc in &docs {
        let features = recoupe_stories::DocFeatures::of(doc, &config);
        memory.insert(&doc.id, &recoupe_stories::index_keys(&features, &config));
    }
    let index = store.candidate_index();
    for doc in docs.iter().take(10) {
        let features = recoupe_stories::DocFeatures::of(doc, &config);
        let keys = recoupe_stories::index_keys(&features, &config);
        assert_eq!(index.lookup(&keys), memory.lookup(&keys), "{}", doc.id);
        assert!(index.take_error().is_none());
    }
}

#[test]
fn issue14_stories_facts_events_and_copies_are_queryable() {
    let docs = corpus();
    let dir = temp_dir();
    let store = stored(&dir, "queries.db", &docs, 16);
    let stories = query::stories(
        &store,
        &StoryFilter {
            min_articles: 2,
            ..StoryFilter::default()
        },
    )
    .unwrap();
    assert!(!stories.is_empty());
    assert!(stories.iter().all(|s| s.articles >= 2));
    let biggest = &stories[0];
    assert!(!biggest.outlets.is_empty());
    assert!(biggest.independent_sources <= biggest.articles);

    // A story is found by its id, a prefix, and any of its articles.
    let detail = query::story(&store, &biggest.id[..10]).unwrap().unwrap();
    assert_eq!(detail.summary.id, biggest.id);
    let member = &detail.members[detail.members.len() - 1];
    let by_member = query::story(&store, &member.id).unwrap().unwrap();
    assert_eq!(by_member.summary.id, biggest.id);
    assert!(detail.members.iter().all(|m| m.explanation.is_some()));
    let of = query::story_of(&store, &DocId(member.id.clone()))
        .unwrap()
        .unwrap();
    assert_eq!(of.id, biggest.id);

    // Facts, and the disagreeing ones only.
    let all = query::facts(&store, &FactFilter::default()).unwrap();
    assert!(!all.is_empty());
    let disagreeing = query::facts(
        &store,
        &FactFilter {
            disagreeing: true,
            ..FactFilter::default()
        },
    )
    .unwrap();
    assert!(disagreeing.iter().all(|f| !f.fact.disagreements.is_empty()));
    assert_eq!(
        disagreeing.len(),
        all.iter()
            .filter(|f| !f.fact.disagreements.is_empty())
            .count()
    );
    // Each report of a fact is listed among the facts of its article.
    let fact = &all[0];
    let report = &fact.fact.reports[0];
    let of_doc = store.facts_of(&report.doc).unwrap();
    assert!(of_doc
        .iter()
        .any(|f| f.fact == fact.id && f.span == report.span));

    // Event records, filtered by type, country, date and actor.
    let events = query::events(&store, &EventFilter::default()).unwrap();
    assert!(!events.is_empty());
    let first = &events[0];
    let by_type = query::events(
        &store,
        &EventFilter {
            event_type: Some(first.record.event_type.as_str().to_lowercase()),
            ..EventFilter::default()
        },
    )
    .unwrap();
    assert!(by_type.iter().any(|e| e.story == first.story));
    assert!(by_type
        .iter()
        .all(|e| e.record.event_type == first.record.event_type));
    if let Some(country) = &first.record.country {
        let elsewhere = query::events(
            &store,
            &EventFilter {
                country: Some(if country == "FR" { "DE" } else { "FR" }.into()),
                ..EventFilter::default()
            },
        )
        .unwrap();
        assert!(elsewhere.iter().all(|e| e.story != first.story));
    }
    let with_actor = events
        .iter()
        .find(|e| !e.record.actors.is_empty())
        .expect("an event with an actor");
    let name = &with_actor.record.actors[0].name;
    let by_actor = query::events(
        &store,
        &EventFilter {
            actor: Some(name.clone()),
            ..EventFilter::default()
        },
    )
    .unwrap();
    assert!(by_actor.iter().any(|e| e.story == with_actor.story));
    let nobody = query::events(
        &store,
        &EventFilter {
            actor: Some("Personne De Tel Nom Nulle Part".into()),
            ..EventFilter::default()
        },
    )
    .unwrap();
    assert!(nobody.is_empty());

    // Copies are seen from both sides, passages pointing into each text.
    let with_copies = stories
        .iter()
        .filter_map(|s| query::story(&store, &s.id).unwrap())
        .find(|d| !d.story.copies.is_empty())
        .expect("stories-a has copied articles");
    let pair = &with_copies.story.copies[0];
    let from_a = query::copies_of(&store, &pair.a).unwrap();
    let from_b = query::copies_of(&store, &pair.b).unwrap();
    let seen_a = from_a.iter().find(|c| c.other == pair.b.as_str()).unwrap();
    let seen_b = from_b.iter().find(|c| c.other == pair.a.as_str()).unwrap();
    assert_eq!(seen_a.passages[0].here, pair.passages[0].a);
    assert_eq!(seen_b.passages[0].here, pair.passages[0].b);
    assert_eq!(seen_a.share, pair.share_a);
}

#[test]
fn issue12_documents_stored_without_the_layer_are_added_later() {
    let docs = corpus();
    let dir = temp_dir();
    let reference = snapshot(&stored(&dir, "with.db", &docs, 64));
    let mut store = SqliteStore::open(dir.path().join("later.db")).unwrap();
    store.set_story_layer(false);
    let half = docs.len() / 2;
    store.put_batch(&docs[..half]).unwrap();
    store.set_story_layer(true);
    store.put_batch(&docs[half..]).unwrap();
    let update = store.update_stories().unwrap();
    assert_eq!(update.articles as usize, half);
    assert_eq!(snapshot(&store), reference);
    assert_eq!(store.update_stories().unwrap().articles, 0);
}

fn collect_keys(value: &serde_json::Value, keys: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                keys.insert(k.clone());
                collect_keys(v, keys);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_keys(v, keys)),
        _ => {}
    }
}

/// Whether `word` occurs in `text` as a whole identifier.
fn mentions_word(text: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

#[test]
fn issue14_export_lines_carry_story_copies_facts_and_event_all_documented() {
    let docs = corpus();
    let dir = temp_dir();
    let store = stored(&dir, "export.db", &docs, 64);
    let mut out = Vec::new();
    let written = query::export(&store, query::ExportFormat::Jsonl, &mut out).unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len() as u64, written);
    assert!(lines.iter().all(|l| l["story"].is_string()));
    let with = |field: &str| lines.iter().filter(|l| !l[field].is_null()).count();
    assert!(with("copies") > 0 && with("facts") > 0 && with("event") > 0);
    // A line's story, facts and copies agree with the queries.
    let line = lines
        .iter()
        .find(|l| !l["facts"].is_null() && !l["copies"].is_null())
        .expect("an article with copies and facts");
    let id = DocId(line["id"].as_str().unwrap().to_string());
    let story = query::story_of(&store, &id).unwrap().unwrap();
    assert_eq!(line["story"], story.id.as_str());
    let fact = &line["facts"][0];
    assert!(fact["fact"]
        .as_str()
        .unwrap()
        .starts_with(&format!("{}/", story.id)));
    let other = line["copies"][0]["other"].as_str().unwrap();
    assert!(query::copies_of(&store, &id)
        .unwrap()
        .iter()
        .any(|c| c.other == other));

    // Every field of the cross-article part of a line is described in docs/schema.md.
    let schema_md = include_str!("../../../docs/schema.md");
    let mut keys = BTreeSet::new();
    for l in &lines {
        for field in ["story", "copies", "facts", "event"] {
            keys.insert(field.to_string());
            collect_keys(&l[field], &mut keys);
        }
    }
    for key in keys {
        assert!(
            mentions_word(schema_md, &key),
            "field `{key}` of export lines is not described in docs/schema.md"
        );
    }
}
