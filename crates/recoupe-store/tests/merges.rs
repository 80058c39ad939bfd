//! Cross-article entity merges: the migration that adds them, each clustering rule on
//! hand-built documents, idempotence, undoing, and queries aggregated across merged keys.

use chrono::{NaiveDate, TimeZone, Utc};
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

/// A mention of `surface` (its first occurrence), linked when `kb` is given.
fn mention(text: &str, surface: &str, label: EntityType, key: &str) -> EntityMention {
    let kb = key.split_once(':').and_then(|(kb, id)| {
        (kb != "name").then(|| KbLink {
            kb: kb.to_string(),
            id: id.to_string(),
            name: None,
        })
    });
    EntityMention {
        span: span_of(text, surface),
        label,
        kb,
        entity: key.into(),
        provenance: Provenance::new("entities", "test"),
        evidence: Vec::new(),
    }
}

fn report(external_id: &str, text: &str, mentions: &[(&str, EntityType, &str)]) -> Document {
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Jsonl,
        path: "reports.jsonl".into(),
        record: Some(external_id.into()),
    });
    meta.external_id = Some(external_id.into());
    meta.title = Some(format!("Report {external_id}"));
    meta.published = Some(Published {
        date: NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
        source: DateSource::Metadata,
        inferred_from: None,
    });
    meta.ingested_at = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    let mut doc = Document::new(text.to_string(), meta);
    doc.layers.entities = mentions
        .iter()
        .map(|(surface, label, key)| mention(text, surface, *label, key))
        .collect();
    doc.mark_produced(Layer::Entities);
    doc.mark_produced(Layer::Attributions);
    doc
}

fn claim(doc: &mut Document, speaker: &str, content: &str) {
    let key = doc
        .layers
        .entities
        .iter()
        .find(|m| doc.slice(m.span) == speaker)
        .map(|m| m.entity.clone());
    doc.layers.attributions.push(Attribution {
        content: span_of(&doc.text, content),
        speaker: Some(span_of(&doc.text, speaker)),
        speaker_entity: key,
        speaker_unnamed: false,
        cue: None,
        kind: AttributionKind::Indirect,
        channel: None,
        via: Vec::new(),
        hedged: false,
        polarity: recoupe_model::Polarity::Assert,
        provenance: Provenance::new("attributions", "test"),
    });
}

const SDF_LONG: &str = "name:ORG:frs dmkrtks srns";

/// An acronym defined in one article and used alone in another.
fn acronym_documents() -> Vec<Document> {
    let a = report(
        "a1",
        "Les Forces démocratiques syriennes (FDS) ont repris le village.",
        &[
            ("Forces démocratiques syriennes", EntityType::ORG, SDF_LONG),
            ("FDS", EntityType::ORG, SDF_LONG),
        ],
    );
    let mut b = report(
        "a2",
        "Les FDS ont affirmé que la ville était tombée.",
        &[("FDS", EntityType::ORG, "name:ORG:fds")],
    );
    claim(&mut b, "FDS", "que la ville était tombée");
    vec![a, b]
}

fn merge_pairs(store: &SqliteStore) -> Vec<(String, String, String)> {
    store
        .merges()
        .unwrap()
        .into_iter()
        .map(|m| (m.from_key, m.to_key, m.rule))
        .collect()
}

fn pair(from: &str, to: &str, rule: &str) -> (String, String, String) {
    (from.to_string(), to.to_string(), rule.to_string())
}

#[test]
fn a_schema_1_database_is_migrated_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.put_batch(&acronym_documents()).unwrap();
    }
    // Turn it back into what schema 1 created: no merge tables, user_version 1.
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE entity_merges; DROP TABLE entity_canonical; DROP TABLE pending_work;
             DROP TABLE appearances;
             DROP TABLE story_features; DROP TABLE story_keys; DROP TABLE story_links;
             DROP TABLE copies; DROP TABLE copy_passages; DROP TABLE stories;
             DROP TABLE story_members; DROP TABLE facts; DROP TABLE fact_reports;
             DROP TABLE event_entities;
             ALTER TABLE documents DROP COLUMN published_from_start;
             ALTER TABLE documents DROP COLUMN published_from_end;
             DELETE FROM schema_migrations WHERE version >= 2;
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SQLITE_SCHEMA_VERSION);
    assert_eq!(store.count().unwrap(), 2);
    assert!(store.integrity_check().unwrap().is_empty());
    assert!(store.merges().unwrap().is_empty());
    let report = store.cluster_entities().unwrap();
    assert_eq!(report.added, 1);
    assert_eq!(
        merge_pairs(&store),
        vec![pair("name:ORG:fds", SDF_LONG, "acronym")]
    );
}

#[test]
fn an_acronym_defined_elsewhere_merges_into_its_long_form() {
    let (_dir, mut store) = new_store();
    store.put_batch(&acronym_documents()).unwrap();
    let report = store.cluster_entities().unwrap();
    assert_eq!(report.added, 1);
    assert_eq!(report.by_rule.get("acronym"), Some(&1));
    let merges = store.merges().unwrap();
    assert_eq!(merges.len(), 1);
    let merge = &merges[0];
    assert_eq!(merge.from_key, "name:ORG:fds");
    assert_eq!(merge.to_key, SDF_LONG);
    assert_eq!(merge.evidence["acronym"], "FDS");
    assert_eq!(
        merge.evidence["long_form"],
        "Forces démocratiques syriennes"
    );
    assert_eq!(merge.evidence["defined_in_parentheses"], true);
    assert_eq!(merge.from_name.as_deref(), Some("FDS"));
    assert!(merge.undone_at.is_none());
}

#[test]
fn an_acronym_is_not_merged_without_matching_initials_or_evidence() {
    let (_dir, mut store) = new_store();
    let docs = vec![
        // Initials do not spell it.
        report(
            "n1",
            "Le Parti des travailleurs (PKK) manifeste.",
            &[
                (
                    "Parti des travailleurs",
                    EntityType::ORG,
                    "name:ORG:prt ds trvlrs",
                ),
                ("PKK", EntityType::ORG, "name:ORG:pk"),
            ],
        ),
        // Initials match, but the two never meet: no definition, no shared document.
        report(
            "n2",
            "La Banque centrale européenne relève ses taux.",
            &[(
                "Banque centrale européenne",
                EntityType::ORG,
                "name:ORG:bnk sntrl arpn",
            )],
        ),
        report(
            "n3",
            "La BCE a parlé.",
            &[("BCE", EntityType::ORG, "name:ORG:bk")],
        ),
    ];
    store.put_batch(&docs).unwrap();
    assert_eq!(store.cluster_entities().unwrap().added, 0);
}

#[test]
fn an_acronym_next_to_its_long_form_in_one_document_merges_even_across_org_and_misc() {
    let (_dir, mut store) = new_store();
    let docs = vec![report(
        "m1",
        "au titre du Règlement sanitaire international (2005) (RSI), puis le comité du RSI",
        &[
            (
                "Règlement sanitaire international",
                EntityType::MISC,
                "name:MISC:rglmnt sntr antrntnl",
            ),
            ("RSI", EntityType::ORG, "name:ORG:rs"),
        ],
    )];
    store.put_batch(&docs).unwrap();
    store.cluster_entities().unwrap();
    assert_eq!(
        merge_pairs(&store),
        vec![pair(
            "name:ORG:rs",
            "name:MISC:rglmnt sntr antrntnl",
            "acronym"
        )]
    );
    // Without the parenthetical definition, ORG and MISC stay apart.
    let (_dir, mut store) = new_store();
    let docs = vec![report(
        "m2",
        "le Règlement sanitaire international et le RSI",
        &[
            (
                "Règlement sanitaire international",
                EntityType::MISC,
                "name:MISC:rglmnt sntr antrntnl",
            ),
            ("RSI", EntityType::ORG, "name:ORG:rs"),
        ],
    )];
    store.put_batch(&docs).unwrap();
    assert_eq!(store.cluster_entities().unwrap().added, 0);
}

#[test]
fn an_unlinked_name_merges_into_the_kb_key_it_is_linked_to_elsewhere() {
    let (_dir, mut store) = new_store();
    let docs = vec![
        report(
            "k1",
            "Daech a revendiqué l'attaque. Amadou Ba est à Dakar. Washington réagit.",
            &[
                ("Daech", EntityType::ORG, "actors:islamic-state"),
                ("Amadou Ba", EntityType::PER, "actors:amadou-ba"),
                ("Washington", EntityType::LOC, "geonames:4140963"),
            ],
        ),
        report(
            "k2",
            "Selon Daech, la ville est tombée. Ba a démissionné. Washington a parlé.",
            &[
                ("Daech", EntityType::ORG, "name:ORG:dch"),
                ("Ba", EntityType::PER, "name:PER:b"),
                ("Washington", EntityType::PER, "name:PER:asngtn"),
            ],
        ),
        report(
            "k3",
            "Amadou Ba a voté; Ba est rentré.",
            &[("Ba", EntityType::PER, "actors:amadou-ba")],
        ),
    ];
    store.put_batch(&docs).unwrap();
    let report = store.cluster_entities().unwrap();
    // "Ba" alone is a surname (many people), "Washington" is a PER here and a LOC there.
    assert_eq!(
        merge_pairs(&store),
        vec![pair("name:ORG:dch", "actors:islamic-state", "kb-surface")]
    );
    assert_eq!(report.by_rule.get("kb-surface"), Some(&1));
    let merge = &store.merges().unwrap()[0];
    assert_eq!(merge.evidence["surface"], "Daech");
    assert_eq!(merge.evidence["linked_key"], "actors:islamic-state");
}

#[test]
fn spellings_with_and_without_arabic_articles_merge() {
    let (_dir, mut store) = new_store();
    let docs = vec![
        report("s1", "à Al-Qaïm, près de la frontière", &[("Al-Qaïm", EntityType::LOC, "geonames:92138")]),
        report("s2", "les combats d'al-Qaem ont cessé", &[("al-Qaem", EntityType::LOC, "name:LOC:km")]),
        report(
            "s3",
            "Homs est calme. l'Autorité générale syrienne a fermé le poste.",
            &[
                ("Homs", EntityType::LOC, "geonames:169577"),
                ("l'Autorité générale syrienne", EntityType::ORG, "name:ORG:l atrt gnrl srn"),
            ],
        ),
        report(
            "s4",
            "Hamas est un nom de lieu ici. L'Autorité générale syrienne et Autorité générale syrienne.",
            &[("Hamas", EntityType::LOC, "name:LOC:hms")],
        ),
    ];
    let mut docs = docs;
    let text = docs[3].text.clone();
    let second = text.rfind("Autorité générale syrienne").unwrap();
    docs[3].layers.entities.push(EntityMention {
        span: Span::new(second, second + "Autorité générale syrienne".len()),
        ..mention(&text, "Autorité", EntityType::ORG, "name:ORG:atrt gnrl srn")
    });
    docs[3].layers.entities.push(EntityMention {
        span: span_of(&text, "Autorité générale syrienne"),
        ..mention(&text, "Autorité", EntityType::ORG, "name:ORG:atrt gnrl srn")
    });
    store.put_batch(&docs).unwrap();
    let report = store.cluster_entities().unwrap();
    // "Hamas" shares the skeleton of "Homs" but is two edits away.
    assert_eq!(
        merge_pairs(&store),
        vec![
            pair("name:LOC:km", "geonames:92138", "skeleton"),
            pair(
                "name:ORG:l atrt gnrl srn",
                "name:ORG:atrt gnrl srn",
                "skeleton"
            ),
        ]
    );
    assert_eq!(report.by_rule.get("skeleton"), Some(&2));
}

#[test]
fn clustering_twice_adds_nothing() {
    let (_dir, mut store) = new_store();
    store.put_batch(&acronym_documents()).unwrap();
    let first = store.cluster_entities().unwrap();
    let merges = store.merges().unwrap();
    let second = store.cluster_entities().unwrap();
    assert_eq!(first.added, 1);
    assert_eq!(second.added, 0);
    assert_eq!(second.active, 1);
    assert_eq!(store.merges().unwrap(), merges);
}

#[test]
fn an_undone_merge_stays_undone() {
    let (_dir, mut store) = new_store();
    store.put_batch(&acronym_documents()).unwrap();
    store.cluster_entities().unwrap();
    let undone = store
        .unmerge("name:ORG:fds")
        .unwrap()
        .expect("an active merge");
    assert_eq!(undone.to_key, SDF_LONG);
    assert!(undone.undone_at.is_some());
    assert!(store.unmerge("name:ORG:fds").unwrap().is_none());
    assert!(store.unmerge("name:ORG:unknown").unwrap().is_none());
    let report = store.cluster_entities().unwrap();
    assert_eq!(report.added, 0);
    // Two rules would redo it: the acronym rule, and the skeleton rule (the long form's
    // key also carries the surface "FDS").
    assert_eq!(report.kept_undone, 2);
    assert!(store.merges().unwrap().is_empty());
    // The queries see two entities again.
    let fds = store.entity("name:ORG:fds").unwrap().unwrap();
    assert_eq!(fds.key, "name:ORG:fds");
    assert_eq!(fds.mentions, 1);
    assert!(fds.merged_from.is_empty());
}

#[test]
fn queries_aggregate_across_merged_keys() {
    let (_dir, mut store) = new_store();
    let mut docs = acronym_documents();
    docs.push(report(
        "a3",
        "Le régime de Damas a répondu.",
        &[("Damas", EntityType::LOC, "geonames:170654")],
    ));
    store.put_batch(&docs).unwrap();
    assert_eq!(store.stats().unwrap().entities, 3);
    store.cluster_entities().unwrap();
    assert_eq!(store.stats().unwrap().entities, 2);

    let top = store.top_entities(None, 10).unwrap();
    assert_eq!(top[0].key, SDF_LONG);
    assert_eq!(top[0].mentions, 3);
    assert_eq!(top[0].documents, 2);
    assert_eq!(top[0].name, "FDS");
    assert_eq!(top.len(), 2);
    let orgs = store.top_entities(Some(EntityType::ORG), 10).unwrap();
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0].documents, 2);

    // Found by the merged key, by the acronym or by the long form: one entity.
    for name in ["name:ORG:fds", "FDS", "forces democratiques syriennes"] {
        let detail = store.entity(name).unwrap().unwrap();
        assert_eq!(detail.key, SDF_LONG, "{name}");
        assert_eq!(detail.mentions, 3);
        assert_eq!(detail.documents.len(), 2);
        assert!(
            detail.other_matches.is_empty(),
            "{name}: {:?}",
            detail.other_matches
        );
        assert_eq!(detail.merged_from.len(), 1);
        assert_eq!(detail.merged_from[0].from_key, "name:ORG:fds");
        let aliases: Vec<(&str, u64)> = detail
            .aliases
            .iter()
            .map(|a| (a.surface.as_str(), a.count))
            .collect();
        assert_eq!(
            aliases,
            vec![("FDS", 2), ("Forces démocratiques syriennes", 1)]
        );
    }

    // The claim was made under the acronym's key; asking for the long form finds it.
    let claims = store
        .claims_by_speaker("Forces démocratiques syriennes")
        .unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].speaker_key.as_deref(), Some("name:ORG:fds"));

    // Co-mentions are grouped by canonical key too.
    let damas = store.entity("Damas").unwrap().unwrap();
    assert!(damas.co_mentioned.is_empty());
}

/// The `mentions` table of `export --format csv|parquet` carries each mention's canonical
/// key: the key it was merged into, and its own key again once the merge is undone.
#[test]
fn exported_mentions_carry_the_canonical_key() {
    let (_dir, mut store) = new_store();
    store.put_batch(&acronym_documents()).unwrap();
    store.cluster_entities().unwrap();
    let canonical_of_fds = |store: &SqliteStore| -> Vec<String> {
        let mut out = Vec::new();
        tables::export_table_csv(store, &tables::MENTIONS, &mut out).unwrap();
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let header = reader.headers().unwrap().clone();
        let at = |name: &str| header.iter().position(|h| h == name).unwrap();
        let (key, canonical) = (at("entity_key"), at("canonical_key"));
        reader
            .records()
            .map(Result::unwrap)
            .filter(|r| &r[key] == "name:ORG:fds")
            .map(|r| r[canonical].to_string())
            .collect()
    };
    let merged = canonical_of_fds(&store);
    assert!(!merged.is_empty());
    assert!(merged.iter().all(|k| k == SDF_LONG), "{merged:?}");
    store.unmerge("name:ORG:fds").unwrap().expect("merged");
    let undone = canonical_of_fds(&store);
    assert!(undone.iter().all(|k| k == "name:ORG:fds"), "{undone:?}");
}
