//! Pins the JSON schema of `recoupe extract` (docs/schema.md). If this test fails after a
//! deliberate change, bump `SCHEMA_VERSION`, update docs/schema.md, then regenerate the
//! golden file with `RECOUPE_UPDATE_GOLDEN=1 cargo test -p recoupe-model --test schema_golden`.

use chrono::{NaiveDate, TimeZone, Utc};
use recoupe_model::*;

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

fn sample_document() -> Document {
    let text = "Frappes près de Deir ez-Zor\nSelon Press TV, « plus de 1 500 combattants » seraient arrivés ce vendredi 18 janvier, a-t-il ajouté.";
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Jsonl,
        path: "articles.jsonl".into(),
        record: Some("line 3".into()),
    });
    meta.external_id = Some("a1".into());
    meta.url = Some("https://example.org/a1".into());
    meta.outlet = Some("example".into());
    meta.title = Some("Frappes près de Deir ez-Zor".into());
    meta.published = Some(Published {
        date: NaiveDate::from_ymd_opt(2019, 1, 19).unwrap(),
        source: DateSource::Metadata,
        inferred_from: None,
    });
    meta.language = Some(Language {
        code: "fr".into(),
        confidence: 0.99,
    });
    meta.cluster = Some("deir-strikes".into());
    meta.ingested_at = Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap();
    let mut doc = Document::new(text.to_string(), meta);
    let prov = |stage: &str, rule: &str| Provenance::new(stage, rule);
    let l = &mut doc.layers;
    l.sentences.push(Sentence {
        span: span_of(text, "Frappes près de Deir ez-Zor"),
        headline: true,
    });
    l.tokens.push(Token {
        span: span_of(text, "Frappes"),
        kind: TokenKind::Word,
    });
    l.tokens.push(Token {
        span: span_of(text, "1 500"),
        kind: TokenKind::Number,
    });
    l.entities.push(EntityMention {
        span: span_of(text, "Deir ez-Zor"),
        label: EntityType::LOC,
        kb: Some(KbLink {
            kb: "geonames".into(),
            id: "170794".into(),
            name: Some("Deir ez-Zor".into()),
        }),
        entity: "geonames:170794".into(),
        provenance: prov("entities", "gazetteer"),
        evidence: vec!["gazetteer: Deir ez-Zor (SY, city, pop 242565)".into()],
    });
    l.entities.push(EntityMention {
        span: span_of(text, "Press TV"),
        label: EntityType::ORG,
        kb: Some(KbLink {
            kb: "actors".into(),
            id: "press-tv".into(),
            name: Some("Press TV".into()),
        }),
        entity: "actors:press-tv".into(),
        provenance: prov("entities", "actor-kb"),
        evidence: vec![],
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
        lat: Some(35.336),
        lon: Some(40.141),
        provenance: prov("places", "population"),
        evidence: vec![],
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
        value: QuantityValue::Range([20.0, 90.0]),
        qualifier: Qualifier::Range,
        unit: None,
        provenance: prov("quantities", "vague"),
    });
    l.attributions.push(Attribution {
        content: span_of(text, "plus de 1 500 combattants"),
        speaker: Some(span_of(text, "Press TV")),
        speaker_entity: Some("actors:press-tv".into()),
        speaker_unnamed: false,
        cue: Some(span_of(text, "Selon")),
        kind: AttributionKind::AccordingTo,
        channel: Some("television".into()),
        via: vec!["actors:press-tv".into()],
        hedged: true,
        polarity: Polarity::Assert,
        provenance: prov("attributions", "selon"),
    });
    l.unsourced.push(Unsourced {
        span: span_of(text, "Frappes près de Deir ez-Zor"),
        provenance: prov("attributions", "no-cue"),
    });
    l.nationalities.push(Nationality {
        span: span_of(text, "Frappes"),
        country: "FR".into(),
        provenance: prov("entities", "demonym"),
    });
    l.events.push(Event {
        span: span_of(text, "Frappes près de Deir ez-Zor"),
        trigger: span_of(text, "Frappes"),
        event_type: EventType::Assault,
        modes: vec!["aerial".into()],
        actors: vec![EventArgument {
            span: span_of(text, "Press TV"),
            entity: "actors:press-tv".into(),
        }],
        recipients: vec![],
        place: Some("geonames:170794".into()),
        date: Some("2019-01-18".into()),
        killed: vec![span_of(text, "plus de 1 500 combattants")],
        responsibility: vec![ResponsibilityClaim {
            actor: EventArgument {
                span: span_of(text, "Press TV"),
                entity: "actors:press-tv".into(),
            },
            by: Some(EventArgument {
                span: span_of(text, "Press TV"),
                entity: "actors:press-tv".into(),
            }),
            stance: Stance::Denies,
        }],
        source: Some("actors:press-tv".into()),
        hedged: true,
        negated: false,
        provenance: prov("events", "trigger"),
    });
    for layer in Layer::ALL {
        doc.mark_produced(layer);
    }
    doc
}

#[test]
fn document_json_matches_the_golden_file() {
    let doc = sample_document();
    let json = serde_json::to_string_pretty(&doc).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/document.json");
    if std::env::var_os("RECOUPE_UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &json).unwrap();
    }
    let golden = std::fs::read_to_string(path).expect("golden file exists");
    assert_eq!(
        json, golden,
        "the document JSON schema changed: bump SCHEMA_VERSION, update docs/schema.md and regenerate the golden file"
    );
    assert_eq!(doc.schema_version, 2);
}

#[test]
fn golden_document_deserialises_back_identically() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/document.json");
    let golden = std::fs::read_to_string(path).unwrap();
    let back: Document = serde_json::from_str(&golden).unwrap();
    assert_eq!(back, sample_document());
    // Every span in the golden file addresses the original text on char boundaries.
    for e in &back.layers.entities {
        assert!(e.span.slice(&back.text).is_some());
    }
}

#[test]
fn id_is_a_content_hash() {
    let a = DocId::of_text("même texte");
    assert_eq!(a, DocId::of_text("même texte"));
    assert_ne!(a, DocId::of_text("meme texte"));
    assert_eq!(a.as_str().len(), 32);
}

#[test]
fn every_documented_field_appears_in_docs_schema_md() {
    let schema_md = include_str!("../../../docs/schema.md");
    let golden = include_str!("golden/document.json");
    let value: serde_json::Value = serde_json::from_str(golden).unwrap();
    let mut keys = std::collections::BTreeSet::new();
    collect_keys(&value, &mut keys);
    for key in keys {
        assert!(
            mentions_word(schema_md, &key),
            "field `{key}` of the JSON output is not described in docs/schema.md"
        );
    }
}

fn collect_keys(value: &serde_json::Value, keys: &mut std::collections::BTreeSet<String>) {
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

/// Whether `word` occurs in `text` as a whole identifier (not inside a longer one).
fn mentions_word(text: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

#[test]
fn issue10_an_attribution_stored_before_polarity_reads_as_an_assertion() {
    let old = r#"{"content": {"start": 0, "end": 4}, "kind": "indirect", "hedged": false,
                  "provenance": {"stage": "attributions", "rule": "speech-verb"}}"#;
    let a: Attribution = serde_json::from_str(old).unwrap();
    assert_eq!(a.polarity, Polarity::Assert);
    let denial = Attribution {
        polarity: Polarity::NoComment,
        ..a
    };
    let json = serde_json::to_string(&denial).unwrap();
    assert!(json.contains(r#""polarity":"no_comment""#), "{json}");
    assert_eq!(Polarity::NoComment.as_str(), "no_comment");
}
