//! Behaviour of the SQLite store through the `Store` trait.

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use recoupe_model::*;
use recoupe_store::*;
use tempfile::TempDir;

fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the test text"));
    Span::new(start, start + needle.len())
}

fn new_store() -> (TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let store = SqliteStore::open(dir.path().join("recoupe.db")).expect("open a new store");
    (dir, store)
}

fn prov(stage: &str, rule: &str) -> Provenance {
    Provenance::new(stage, rule)
}

fn mention(text: &str, surface: &str, label: EntityType, key: &str) -> EntityMention {
    EntityMention {
        span: span_of(text, surface),
        label,
        kb: None,
        entity: key.into(),
        provenance: prov("entities", "test"),
        evidence: Vec::new(),
    }
}

/// A plain French report: metadata, text, no layers.
fn report(external_id: &str, title: &str, text: &str, published: (i32, u32, u32)) -> Document {
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Jsonl,
        path: "reports.jsonl".into(),
        record: Some(format!("line {external_id}")),
    });
    meta.external_id = Some(external_id.into());
    meta.outlet = Some("Le Témoin".into());
    meta.title = Some(title.into());
    meta.published = Some(Published {
        date: NaiveDate::from_ymd_opt(published.0, published.1, published.2).unwrap(),
        source: DateSource::Metadata,
        inferred_from: None,
    });
    meta.language = Some(Language {
        code: "fr".into(),
        confidence: 0.93,
    });
    meta.ingested_at = Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 15).unwrap();
    Document::new(text.to_string(), meta)
}

/// A document with every layer filled, including optional fields.
fn full_document() -> Document {
    let text = "Frappes près de Deir ez-Zor\nSelon l’Observatoire syrien, « plus de 1 500 \
                combattants » seraient arrivés ce vendredi 18 janvier, a déclaré Rami Abdel \
                Rahmane à l'AFP. Des soldats étatsuniens étaient présents.";
    let mut doc = report("full-1", "Frappes près de Deir ez-Zor", text, (2019, 1, 19));
    doc.meta.url = Some("https://example.org/frappes".into());
    doc.meta.cluster = Some("deir-strikes".into());
    doc.meta.published = Some(Published {
        date: NaiveDate::from_ymd_opt(2019, 1, 19).unwrap(),
        source: DateSource::Inferred,
        inferred_from: Some(span_of(text, "ce vendredi 18 janvier")),
    });
    doc.meta.ingested_at = Utc.timestamp_opt(1_790_000_000, 123_456_789).unwrap();
    let l = &mut doc.layers;
    l.sentences.push(Sentence {
        span: span_of(text, "Frappes près de Deir ez-Zor"),
        headline: true,
    });
    l.sentences.push(Sentence {
        span: span_of(text, "Des soldats étatsuniens étaient présents."),
        headline: false,
    });
    l.tokens.push(Token {
        span: span_of(text, "Frappes"),
        kind: TokenKind::Word,
    });
    l.tokens.push(Token {
        span: span_of(text, "1 500"),
        kind: TokenKind::Number,
    });
    let mut deir = mention(text, "Deir ez-Zor", EntityType::LOC, "geonames:170794");
    deir.kb = Some(KbLink {
        kb: "geonames".into(),
        id: "170794".into(),
        name: Some("Deir ez-Zor".into()),
    });
    deir.evidence = vec!["gazetteer: Deir ez-Zor (SY, city)".into()];
    l.entities.push(deir);
    l.entities.push(mention(
        text,
        "Observatoire syrien",
        EntityType::ORG,
        "actors:osdh",
    ));
    l.entities.push(mention(
        text,
        "Rami Abdel Rahmane",
        EntityType::PER,
        "actors:rami-abdel-rahmane",
    ));
    l.entities
        .push(mention(text, "AFP", EntityType::ORG, "actors:afp"));
    l.nationalities.push(Nationality {
        span: span_of(text, "étatsuniens"),
        country: "US".into(),
        provenance: prov("entities", "demonym"),
    });
    l.places.push(Place {
        span: span_of(text, "Deir ez-Zor"),
        entity: "geonames:170794".into(),
        kb: Some(KbLink {
            kb: "geonames".into(),
            id: "170794".into(),
            name: None,
        }),
        name: "Deir ez-Zor".into(),
        country: Some("SY".into()),
        kind: PlaceKind::City,
        // Values that do not survive a naive float parse.
        lat: Some(35.336_000_000_000_01),
        lon: Some(40.141_234_567_890_12),
        provenance: prov("places", "population"),
        evidence: vec!["largest population".into()],
    });
    l.dates.push(DateMention {
        span: span_of(text, "ce vendredi 18 janvier"),
        value: Some("2019-01-18".into()),
        granularity: Granularity::Day,
        relative: true,
        provenance: prov("dates", "weekday-day-month"),
    });
    l.quantities.push(Quantity {
        span: span_of(text, "plus de 1 500 combattants"),
        value: QuantityValue::Single(1500.0),
        qualifier: Qualifier::MoreThan,
        unit: Some("combattants".into()),
        provenance: prov("quantities", "digits"),
    });
    l.quantities.push(Quantity {
        span: span_of(text, "1 500"),
        value: QuantityValue::Range([20.0, 90.5]),
        qualifier: Qualifier::Range,
        unit: None,
        provenance: prov("quantities", "vague"),
    });
    l.attributions.push(Attribution {
        content: span_of(text, "plus de 1 500 combattants"),
        speaker: Some(span_of(text, "Observatoire syrien")),
        speaker_entity: Some("actors:osdh".into()),
        speaker_unnamed: false,
        cue: Some(span_of(text, "Selon")),
        kind: AttributionKind::AccordingTo,
        channel: Some("communiqué".into()),
        via: vec!["actors:afp".into()],
        hedged: true,
        polarity: recoupe_model::Polarity::Assert,
        provenance: prov("attributions", "selon"),
    });
    l.attributions.push(Attribution {
        content: span_of(text, "seraient arrivés ce vendredi 18 janvier"),
        speaker: Some(span_of(text, "Rami Abdel Rahmane")),
        speaker_entity: Some("actors:rami-abdel-rahmane".into()),
        speaker_unnamed: false,
        cue: Some(span_of(text, "a déclaré")),
        kind: AttributionKind::Indirect,
        channel: None,
        via: vec!["actors:afp".into()],
        hedged: false,
        polarity: recoupe_model::Polarity::Assert,
        provenance: prov("attributions", "speech-verb"),
    });
    l.unsourced.push(Unsourced {
        span: span_of(text, "Des soldats étatsuniens étaient présents."),
        provenance: prov("attributions", "no-cue"),
    });
    l.events.push(Event {
        span: span_of(text, "Frappes"),
        trigger: span_of(text, "Frappes"),
        event_type: EventType::Assault,
        modes: vec!["aerial".into()],
        actors: vec![],
        recipients: vec![],
        place: None,
        date: None,
        killed: vec![],
        responsibility: vec![],
        source: None,
        hedged: false,
        negated: false,
        provenance: prov("events", "trigger"),
    });
    for layer in Layer::ALL {
        doc.mark_produced(layer);
    }
    doc
}

#[test]
fn a_document_with_every_layer_reads_back_identical() {
    let (_dir, mut store) = new_store();
    let doc = full_document();
    assert_eq!(
        store.put_batch(std::slice::from_ref(&doc)).unwrap(),
        vec![PutOutcome::Inserted]
    );
    let back = store
        .get(doc.id.as_str())
        .unwrap()
        .expect("stored document");
    assert_eq!(back, doc);
    // A document with nothing produced keeps "not computed" distinct from "empty".
    let bare = report(
        "bare",
        "Sans couches",
        "Un texte sans annotation.",
        (2020, 2, 29),
    );
    store.put_batch(std::slice::from_ref(&bare)).unwrap();
    let back = store.get("bare").unwrap().expect("by external id");
    assert!(back.produced.is_empty());
    assert_eq!(back, bare);
}

#[test]
fn reingesting_the_same_text_is_a_duplicate() {
    let (_dir, mut store) = new_store();
    let a = report("a", "Titre", "Même texte exactement.", (2021, 5, 1));
    // Same content, other file: same id, so a duplicate.
    let mut a_again = a.clone();
    a_again.meta.origin.path = "other.jsonl".into();
    let b = report("b", "Titre", "Un autre texte.", (2021, 5, 1));
    assert_eq!(
        store.put_batch(&[a.clone(), a_again, b.clone()]).unwrap(),
        vec![
            PutOutcome::Inserted,
            PutOutcome::Duplicate,
            PutOutcome::Inserted
        ]
    );
    assert_eq!(
        store.put_batch(&[b, a]).unwrap(),
        vec![PutOutcome::Duplicate, PutOutcome::Duplicate]
    );
    assert_eq!(store.count().unwrap(), 2);
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 2);
}

#[test]
fn documents_are_found_by_id_prefix_and_external_id() {
    let (_dir, mut store) = new_store();
    let docs: Vec<Document> = (0..64).map(synthetic::document).collect();
    store.put_batch(&docs).unwrap();
    let target = &docs[17];
    let id = target.id.as_str();
    // The shortest prefix no other document shares.
    let unique_len = (1..=32)
        .find(|&len| {
            docs.iter()
                .filter(|d| d.id.as_str().starts_with(&id[..len]))
                .count()
                == 1
        })
        .unwrap();
    let by_prefix = store
        .get(&id[..unique_len])
        .unwrap()
        .expect("unique prefix");
    assert_eq!(by_prefix.id, target.id);
    let upper = id[..unique_len.max(8)].to_ascii_uppercase();
    assert_eq!(store.get(&upper).unwrap().unwrap().id, target.id);
    assert_eq!(
        store.get(&id.to_ascii_uppercase()).unwrap().unwrap().id,
        target.id
    );
    assert_eq!(
        store.get("synthetic-17").unwrap().unwrap().id,
        target.id,
        "external id"
    );

    // One hex digit is shared by several of 64 documents.
    let digit = &id[..1];
    match store.get(digit) {
        Err(StoreError::AmbiguousId {
            reference,
            candidates,
        }) => {
            assert_eq!(reference, digit);
            assert!(candidates.len() >= 2);
            assert!(candidates
                .iter()
                .filter(|c| c.as_str() != "…")
                .all(|c| c.starts_with(digit)));
            let message = store.get(digit).unwrap_err().to_string();
            assert!(message.contains(&candidates[0]), "{message}");
        }
        other => panic!("expected an ambiguous prefix error, got {other:?}"),
    }
    assert!(store
        .get("ffffffffffffffffffffffffffffffff")
        .unwrap()
        .is_none());
    assert!(store.get("no-such-document").unwrap().is_none());
    assert!(store.get("").unwrap().is_none());
    assert!(store.get("*").unwrap().is_none());
}

fn search_fixture() -> (TempDir, SqliteStore) {
    let (dir, mut store) = new_store();
    let docs = [
        report(
            "syria",
            "Combats près de deir ezzor",
            "Des frappes ont visé la région de deir ezzor, selon l'armée syrienne.",
            (2019, 1, 18),
        ),
        report(
            "usa",
            "Diplomatie",
            "Les États-Unis ont réagi. Washington a salué l’armée régulière.",
            (2020, 3, 4),
        ),
        report(
            "weather",
            "Météo",
            "Il neigera sur le Jura demain matin.",
            (2021, 12, 24),
        ),
        report(
            "armee-title",
            "L'armée se retire",
            "Le retrait a commencé hier soir.",
            (2022, 6, 1),
        ),
    ];
    store.put_batch(&docs).unwrap();
    (dir, store)
}

fn hit_ids(store: &SqliteStore, query: &str) -> Vec<String> {
    let hits = store.search(query, 10).unwrap();
    hits.iter()
        .map(|hit| {
            store
                .get(&hit.id)
                .unwrap()
                .unwrap()
                .meta
                .external_id
                .unwrap()
        })
        .collect()
}

#[test]
fn search_ignores_case_and_accents() {
    let (_dir, store) = search_fixture();
    assert_eq!(hit_ids(&store, "Deir Ezzor"), vec!["syria"]);
    let armee = hit_ids(&store, "armee");
    assert_eq!(armee.len(), 3, "{armee:?}");
    // The title match ranks first.
    assert_eq!(armee[0], "armee-title");
    assert_eq!(hit_ids(&store, "Etats-Unis"), vec!["usa"]);
    assert_eq!(hit_ids(&store, "ÉTATS unis"), vec!["usa"]);
    // Both apostrophes separate the elided article.
    let mut elided = hit_ids(&store, "l'armée");
    elided.sort();
    assert_eq!(elided, vec!["armee-title", "syria", "usa"]);
    assert_eq!(hit_ids(&store, "l’armee syrienne"), vec!["syria"]);
    // Words are ANDed; a quoted phrase must be contiguous.
    assert_eq!(hit_ids(&store, "armée Washington"), vec!["usa"]);
    assert!(hit_ids(&store, "\"armée Washington\"").is_empty());
    assert_eq!(hit_ids(&store, "\"armée régulière\""), vec!["usa"]);
    assert_eq!(hit_ids(&store, "neig*"), vec!["weather"]);
}

#[test]
fn search_hits_carry_metadata_and_a_snippet() {
    let (_dir, store) = search_fixture();
    let hits = store.search("Jura", 5).unwrap();
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit.title.as_deref(), Some("Météo"));
    assert_eq!(hit.outlet.as_deref(), Some("Le Témoin"));
    assert_eq!(hit.published, NaiveDate::from_ymd_opt(2021, 12, 24));
    assert!(hit.score > 0.0);
    assert!(
        hit.snippet
            .contains(&format!("{SNIPPET_START}Jura{SNIPPET_END}")),
        "{}",
        hit.snippet
    );
    assert_eq!(store.search("armée", 1).unwrap().len(), 1, "limit");
    assert!(store.search("armée", 0).unwrap().is_empty());
}

#[test]
fn search_never_fails_on_odd_input() {
    let (_dir, store) = search_fixture();
    for query in [
        "Deir ez-Zor",
        "l'armée",
        "\"",
        "\"\"",
        "\"unclosed phrase",
        "NEAR(armée",
        "armée AND OR NOT",
        "title:Météo",
        "^armée",
        "*",
        "armée*",
        "-armée",
        "(",
        ")",
        "a + b",
        "' ’ « »",
        "",
        "   ",
        "\u{0}",
        "{title text}: x",
        "💥",
    ] {
        assert!(
            store.search(query, 10).is_ok(),
            "query {query:?} failed: {:?}",
            store.search(query, 10)
        );
    }
    assert_eq!(hit_ids(&store, "Deir ez-Zor").len(), 0, "ez-Zor ≠ ezzor");
    // Column filters are not syntax: "title" is just one more word.
    assert!(hit_ids(&store, "title:Météo").is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_query_is_accepted(query in "\\PC{0,30}") {
        let (_dir, store) = search_fixture();
        prop_assert!(store.search(&query, 5).is_ok(), "{:?}", store.search(&query, 5));
    }
}

#[test]
fn a_new_database_is_migrated_and_reopens_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SQLITE_SCHEMA_VERSION);
        store.put_batch(&[full_document()]).unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SQLITE_SCHEMA_VERSION);
    assert_eq!(store.count().unwrap(), 1);
    assert_eq!(store.get("full-1").unwrap().unwrap(), full_document());
    assert!(store.integrity_check().unwrap().is_empty());
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let applied: Vec<(u32, String)> = conn
        .prepare("SELECT version, name FROM schema_migrations ORDER BY version")
        .unwrap()
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        applied,
        vec![
            (1, "initial".to_string()),
            (2, "entity_merges".to_string()),
            (3, "appearances".to_string()),
            (4, "stories".to_string()),
            (5, "pending_work".to_string()),
            (6, "entity_counts".to_string()),
            (7, "published_evidence".to_string())
        ]
    );
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
}

#[test]
fn a_database_from_a_newer_recoupe_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(SqliteStore::open(&path).unwrap());
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SQLITE_SCHEMA_VERSION + 1)
        .unwrap();
    let error = SqliteStore::open(&path)
        .err()
        .expect("newer schema refused");
    assert!(matches!(
        error,
        StoreError::NewerSchema {
            found,
            supported: SQLITE_SCHEMA_VERSION,
            ..
        } if found == SQLITE_SCHEMA_VERSION + 1
    ));
    assert_eq!(
        error.to_string(),
        format!(
            "database {} was created by a newer recoupe (schema {} > {SQLITE_SCHEMA_VERSION}): upgrade recoupe",
            path.display(),
            SQLITE_SCHEMA_VERSION + 1
        )
    );
}

#[test]
fn foreign_files_are_refused_with_their_path() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other-app.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE accounts (id INTEGER)")
        .unwrap();
    let error = SqliteStore::open(&other).err().expect("foreign database");
    assert!(matches!(error, StoreError::NotRecoupe { .. }), "{error}");
    assert!(error.to_string().contains("other-app.db"));

    let garbage = dir.path().join("notes.txt");
    std::fs::write(
        &garbage,
        "ceci n'est pas une base SQLite, mais un texte assez long pour en avoir l'air".repeat(20),
    )
    .unwrap();
    let error = SqliteStore::open(&garbage).err().expect("not a database");
    assert!(error.to_string().contains("notes.txt"), "{error}");
}

/// Three reports sharing entities, for the cross-article queries.
fn entity_fixture() -> (TempDir, SqliteStore) {
    let (dir, mut store) = new_store();
    let mut docs = Vec::new();

    let text = "Élodie Tremblay a annoncé que la Croix-Rouge ouvrirait un centre à Québec.";
    let mut d = report("e1", "Annonce à Québec", text, (2024, 3, 1));
    d.layers.entities = vec![
        mention(text, "Élodie Tremblay", EntityType::PER, "per:tremblay"),
        mention(text, "Croix-Rouge", EntityType::ORG, "org:croix-rouge"),
        mention(text, "Québec", EntityType::LOC, "loc:quebec"),
    ];
    d.layers.places.push(Place {
        span: span_of(text, "Québec"),
        entity: "loc:quebec".into(),
        kb: None,
        name: "Québec".into(),
        country: Some("CA".into()),
        kind: PlaceKind::City,
        lat: Some(46.81),
        lon: Some(-71.21),
        provenance: prov("places", "test"),
        evidence: Vec::new(),
    });
    d.layers.attributions.push(Attribution {
        content: span_of(text, "que la Croix-Rouge ouvrirait un centre à Québec"),
        speaker: Some(span_of(text, "Élodie Tremblay")),
        speaker_entity: Some("per:tremblay".into()),
        speaker_unnamed: false,
        cue: Some(span_of(text, "a annoncé")),
        kind: AttributionKind::Indirect,
        channel: None,
        via: Vec::new(),
        hedged: false,
        polarity: recoupe_model::Polarity::Assert,
        provenance: prov("attributions", "test"),
    });
    docs.push(d);

    let text = "« Nous serons prêts », a dit Mme Tremblay. La Croix-Rouge confirme. \
                Tremblay s'est rendue à Québec, selon la presse locale.";
    let mut d = report("e2", "Préparatifs", text, (2024, 3, 2));
    let second_tremblay = text.rfind("Tremblay s'est").unwrap();
    d.layers.entities = vec![
        mention(text, "Mme Tremblay", EntityType::PER, "per:tremblay"),
        EntityMention {
            span: Span::new(second_tremblay, second_tremblay + "Tremblay".len()),
            ..mention(text, "Tremblay", EntityType::PER, "per:tremblay")
        },
        mention(text, "Croix-Rouge", EntityType::ORG, "org:croix-rouge"),
        mention(text, "Québec", EntityType::LOC, "loc:quebec"),
    ];
    d.layers.attributions.push(Attribution {
        content: span_of(text, "Nous serons prêts"),
        speaker: Some(span_of(text, "Mme Tremblay")),
        speaker_entity: Some("per:tremblay".into()),
        speaker_unnamed: false,
        cue: Some(span_of(text, "a dit")),
        kind: AttributionKind::Direct,
        channel: None,
        via: vec!["org:presse".into()],
        hedged: true,
        polarity: recoupe_model::Polarity::Assert,
        provenance: prov("attributions", "test"),
    });
    d.layers.attributions.push(Attribution {
        content: span_of(text, "Tremblay s'est rendue à Québec"),
        speaker: Some(span_of(text, "la presse locale")),
        speaker_entity: None,
        speaker_unnamed: true,
        cue: Some(span_of(text, "selon")),
        kind: AttributionKind::AccordingTo,
        channel: None,
        via: Vec::new(),
        hedged: true,
        polarity: recoupe_model::Polarity::Assert,
        provenance: prov("attributions", "test"),
    });
    docs.push(d);

    let text = "La Croix-Rouge a distribué des vivres à Genève.";
    let mut d = report("e3", "Distribution", text, (2024, 3, 3));
    d.layers.entities = vec![
        mention(text, "Croix-Rouge", EntityType::ORG, "org:croix-rouge"),
        mention(text, "Genève", EntityType::LOC, "loc:geneve"),
    ];
    docs.push(d);

    for doc in &mut docs {
        for layer in [Layer::Entities, Layer::Places, Layer::Attributions] {
            doc.mark_produced(layer);
        }
    }
    store.put_batch(&docs).unwrap();
    (dir, store)
}

#[test]
fn top_entities_rank_by_mentions_and_filter_by_label() {
    let (_dir, store) = entity_fixture();
    let top = store.top_entities(None, 10).unwrap();
    let keys: Vec<&str> = top.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "org:croix-rouge",
            "per:tremblay",
            "loc:quebec",
            "loc:geneve"
        ]
    );
    assert_eq!(top[0].mentions, 3);
    assert_eq!(top[0].documents, 3);
    assert_eq!(top[1].mentions, 3);
    assert_eq!(top[1].documents, 2);
    assert_eq!(top[1].label, EntityType::PER);
    // Three surfaces once each: the alphabetically first wins the tie.
    assert_eq!(top[1].name, "Mme Tremblay");

    let places = store.top_entities(Some(EntityType::LOC), 1).unwrap();
    assert_eq!(places.len(), 1);
    assert_eq!(places[0].key, "loc:quebec");
    assert_eq!(places[0].name, "Québec");
    assert!(store
        .top_entities(Some(EntityType::MISC), 5)
        .unwrap()
        .is_empty());
}

#[test]
fn an_entity_is_found_by_key_or_by_any_name_without_accents() {
    let (_dir, store) = entity_fixture();
    let by_key = store.entity("per:tremblay").unwrap().expect("by key");
    let by_name = store.entity("elodie TREMBLAY").unwrap().expect("by name");
    assert_eq!(by_key, by_name);
    assert_eq!(
        store.entity("tremblay").unwrap().unwrap().key,
        "per:tremblay"
    );
    let detail = by_key;
    assert_eq!(detail.label, EntityType::PER);
    assert_eq!(detail.mentions, 3);
    assert_eq!(detail.aliases.len(), 3);
    assert!(detail.aliases.iter().all(|a| a.count == 1));
    let doc_titles: Vec<_> = detail
        .documents
        .iter()
        .map(|d| d.title.clone().unwrap())
        .collect();
    assert_eq!(
        doc_titles,
        vec!["Préparatifs", "Annonce à Québec"],
        "newest first"
    );
    let co: Vec<(&str, u64)> = detail
        .co_mentioned
        .iter()
        .map(|c| (c.key.as_str(), c.documents))
        .collect();
    assert_eq!(co, vec![("loc:quebec", 2), ("org:croix-rouge", 2)]);
    assert!(detail.places.is_empty());

    let quebec = store.entity("Quebec").unwrap().expect("accent-insensitive");
    assert_eq!(quebec.key, "loc:quebec");
    assert_eq!(
        quebec.places,
        vec![PlaceRef {
            name: "Québec".into(),
            country: Some("CA".into()),
            lat: Some(46.81),
            lon: Some(-71.21),
        }]
    );
    assert!(store.entity("Atlantide").unwrap().is_none());
    assert!(store.entity("").unwrap().is_none());
}

#[test]
fn claims_are_found_by_speaker_key_name_or_word() {
    let (_dir, store) = entity_fixture();
    let claims = store.claims_by_speaker("Tremblay").unwrap();
    let contents: Vec<&str> = claims.iter().map(|c| c.content.as_str()).collect();
    assert_eq!(
        contents,
        vec![
            "Nous serons prêts",
            "que la Croix-Rouge ouvrirait un centre à Québec"
        ]
    );
    let direct = &claims[0];
    assert_eq!(direct.kind, AttributionKind::Direct);
    assert_eq!(direct.speaker.as_deref(), Some("Mme Tremblay"));
    assert_eq!(direct.speaker_key.as_deref(), Some("per:tremblay"));
    assert_eq!(direct.via, vec!["org:presse".to_string()]);
    assert!(direct.hedged);
    assert_eq!(direct.title.as_deref(), Some("Préparatifs"));
    assert_eq!(store.claims_by_speaker("per:tremblay").unwrap(), claims);
    assert_eq!(store.claims_by_speaker("ÉLODIE tremblay").unwrap(), claims);

    // An unnamed speaker is found by its words.
    let press = store.claims_by_speaker("presse").unwrap();
    assert_eq!(press.len(), 1);
    assert_eq!(press[0].kind, AttributionKind::AccordingTo);
    assert!(store.claims_by_speaker("personne").unwrap().is_empty());
    assert!(store.claims_by_speaker("%").unwrap().is_empty());
}

#[test]
fn stats_describe_the_store() {
    let (_dir, mut store) = entity_fixture();
    let empty = new_store().1.stats().unwrap();
    assert_eq!(empty.documents, 0);
    assert_eq!(empty.oldest_published, None);

    store.put_batch(&[full_document()]).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 4);
    assert_eq!(
        stats.by_language,
        vec![Tally {
            value: Some("fr".into()),
            count: 4
        }]
    );
    assert_eq!(stats.by_outlet[0].count, 4);
    assert_eq!(stats.mentions, 9 + 4);
    assert_eq!(stats.entities, 4 + 4);
    assert_eq!(stats.attributions, 3 + 2);
    assert_eq!(stats.dates, 1);
    assert_eq!(stats.quantities, 2);
    assert_eq!(stats.places, 2);
    assert_eq!(stats.oldest_published, NaiveDate::from_ymd_opt(2019, 1, 19));
    assert_eq!(stats.newest_published, NaiveDate::from_ymd_opt(2024, 3, 3));
    assert!(stats.db_size_bytes > 0);
}

#[test]
fn exports_write_every_document() {
    let (_dir, mut store) = entity_fixture();
    store.put_batch(&[full_document()]).unwrap();

    let mut jsonl = Vec::new();
    assert_eq!(export_jsonl(&store, &mut jsonl).unwrap(), 4);
    let lines: Vec<Document> = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[3], full_document(), "insertion order, lossless");

    let mut csv = Vec::new();
    assert_eq!(export_csv(&store, &mut csv).unwrap(), 4);
    let csv = String::from_utf8(csv).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, tables::DOCUMENTS.column_names());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let column = |name: &str| header.iter().position(|c| *c == name).unwrap();
    let full = &rows[3];
    assert_eq!(&full[column("external_id")], "full-1");
    assert_eq!(&full[column("title")], "Frappes près de Deir ez-Zor");
    assert_eq!(&full[column("entities")], "4");
    assert_eq!(&full[column("attributions")], "2");
    assert_eq!(&full[column("published_source")], "inferred");
    // e1 never ran the sentence splitter: empty, not 0.
    assert_eq!(&rows[0][column("sentences")], "");
    assert_eq!(&rows[0][column("places")], "1");
}

#[test]
fn an_entity_is_found_by_its_knowledge_base_name() {
    let (_dir, mut store) = new_store();
    let mut doc = full_document();
    let afp = doc
        .layers
        .entities
        .iter_mut()
        .find(|e| e.entity == "actors:afp")
        .unwrap();
    afp.kb = Some(KbLink {
        kb: "actors".into(),
        id: "afp".into(),
        name: Some("Agence France-Presse".into()),
    });
    store.put_batch(&[doc]).unwrap();
    let detail = store
        .entity("agence france presse")
        .unwrap()
        .expect("by knowledge-base name, never written in the text");
    assert_eq!(detail.key, "actors:afp");
    assert_eq!(detail.name, "AFP");
    assert_eq!(
        detail.kb,
        Some(KbRef {
            kb: "actors".into(),
            id: "afp".into(),
            name: Some("Agence France-Presse".into()),
        })
    );
    let deir = store.entity("deir ez zor").unwrap().unwrap();
    assert_eq!(deir.key, "geonames:170794");
    assert_eq!(deir.places[0].country.as_deref(), Some("SY"));
    assert_eq!(deir.places[0].lat, Some(35.336_000_000_000_01));
}
