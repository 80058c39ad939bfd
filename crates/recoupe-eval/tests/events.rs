//! Event records scored against `events.jsonl` (issue 14), on a two-article corpus written
//! for this test, run through the real pipeline.

use std::fs;

use recoupe_eval::{evaluate_with, load_corpus, EvalOptions};

const ARTICLES: &str = r#"{"id": "e1", "pool": "general", "url": null, "outlet": "x", "published": "2025-03-09", "cluster": "homs", "text": "Une frappe de drone a tué trois personnes samedi à Homs. L'État islamique a revendiqué l'attaque."}
{"id": "e2", "pool": "general", "url": null, "outlet": "y", "published": "2025-03-09", "cluster": "homs", "text": "Trois civils ont été tués samedi à Homs dans une frappe de drone, revendiquée par l'État islamique."}
"#;
const GOLD: &str = r#"{"id": "e1", "entities": [{"text": "Homs", "type": "LOC", "id": "homs"}, {"text": "État islamique", "type": "ORG", "id": "islamic-state"}], "nationalities": [], "places": [{"id": "homs", "name": "Homs", "country": "SY", "kind": "city", "lat": 34.73, "lon": 36.71}], "dates": [{"text": "samedi", "value": "2025-03-08"}], "quantities": [{"text": "trois personnes", "value": 3, "qualifier": "exact", "unit": "personnes"}], "attributions": [], "unsourced": []}
{"id": "e2", "entities": [{"text": "Homs", "type": "LOC", "id": "homs"}, {"text": "État islamique", "type": "ORG", "id": "islamic-state"}], "nationalities": [], "places": [{"id": "homs", "name": "Homs", "country": "SY", "kind": "city", "lat": 34.73, "lon": 36.71}], "dates": [{"text": "samedi", "value": "2025-03-08"}], "quantities": [{"text": "Trois civils", "value": 3, "qualifier": "exact", "unit": "civils"}], "attributions": [], "unsourced": []}
"#;
const STORIES: &str = r#"{"story": "homs", "articles": ["e1", "e2"], "copies": [], "facts": [{"fact": "homs-killed", "about": "people killed", "reports": [{"article": "e1", "q": 0, "text": "trois personnes", "source": null, "earlier": false}, {"article": "e2", "q": 0, "text": "Trois civils", "source": null, "earlier": false}]}]}
"#;
const EVENTS: &str = r#"{"story": "homs", "event": {"type": "ASSAULT", "modes": ["drone"], "what": "a drone strike killed three people in Homs", "actors": [], "recipients": [], "place": "homs", "country": "SY", "date": "2025-03-08", "fatalities_fact": "homs-killed", "responsibility": [{"actor": "islamic-state", "claimed_by": ["islamic-state"], "denied_by": []}]}}
"#;

fn corpus(events: Option<&str>, stories: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("articles.jsonl"), ARTICLES).unwrap();
    fs::write(dir.path().join("gold.jsonl"), GOLD).unwrap();
    if let Some(s) = stories {
        fs::write(dir.path().join("stories.jsonl"), s).unwrap();
    }
    if let Some(e) = events {
        fs::write(dir.path().join("events.jsonl"), e).unwrap();
    }
    dir
}

#[test]
fn issue14_a_claimed_drone_strike_scores_its_record_field_by_field() {
    let dir = corpus(Some(EVENTS), Some(STORIES));
    let loaded = load_corpus(dir.path()).unwrap();
    let pipeline = recoupe_pipeline::french_news().unwrap();
    let mut docs = loaded.articles.clone();
    for doc in &mut docs {
        pipeline.run(doc).unwrap();
    }
    let report = evaluate_with(&loaded, &docs, EvalOptions { mismatches: true });
    let events = report
        .layers
        .events
        .as_ref()
        .and_then(|e| e.scored())
        .expect("scored");
    // The corpus has story gold, so the stories layer runs and the records are scored on
    // the system's stories.
    assert_eq!(events.grouping, "system_stories");
    assert_eq!(events.stories, 1);
    assert_eq!(events.type_accuracy.right, 1);
    assert_eq!(events.baseline_always_assault.right, 1);
    assert_eq!(events.modes.tp, 1, "{:?}", report.mismatches);
    assert_eq!(events.place.right, 1, "{:?}", report.mismatches);
    assert_eq!(events.fatalities.right, 1, "{:?}", report.mismatches);
    assert_eq!(events.responsibility.tp, 1, "{:?}", report.mismatches);
    let json = serde_json::to_value(&report).unwrap();
    assert!(json["layers"]["events"]["type"]["accuracy"].is_number());
}

#[test]
fn issue14_a_corpus_without_events_gold_has_no_events_entry() {
    let dir = corpus(None, None);
    let loaded = load_corpus(dir.path()).unwrap();
    let report = evaluate_with(&loaded, &loaded.articles, EvalOptions::default());
    assert!(report.layers.events.is_none());
    let json = serde_json::to_value(&report).unwrap();
    assert!(json["layers"].get("events").is_none());
}

#[test]
fn issue14_event_gold_needs_its_stories_and_known_story_ids() {
    let dir = corpus(Some(EVENTS), None);
    let message = load_corpus(dir.path()).unwrap_err().to_string();
    assert!(message.contains("stories.jsonl"), "{message}");
    let dir = corpus(
        Some(&EVENTS.replace("\"homs\", \"event\"", "\"elsewhere\", \"event\"")),
        Some(STORIES),
    );
    let message = load_corpus(dir.path()).unwrap_err().to_string();
    assert!(
        message.contains("events.jsonl:1") && message.contains("elsewhere"),
        "{message}"
    );
}
