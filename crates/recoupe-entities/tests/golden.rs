//! Golden tests: every `tests/golden/NAME.txt` is run through TextStage + EntityStage and
//! compared with `NAME.expected`:
//! - `TYPE<TAB>text`: the entity mentions, all of them, in text order;
//! - `NAT<TAB>text<TAB>ISO2`: the nationality adjectives, all of them, in order;
//! - `SAME<TAB>a<TAB>b`: the first mention with text `a` and the next one with text `b`
//!   share their entity key.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use recoupe_entities::{EntityStage, ReferenceKnowledge};
use recoupe_model::{Document, Metadata, Origin, OriginKind, Stage};

fn stages() -> &'static (recoupe_text::TextStage, EntityStage) {
    static STAGES: OnceLock<(recoupe_text::TextStage, EntityStage)> = OnceLock::new();
    STAGES.get_or_init(|| {
        let kb = Arc::new(ReferenceKnowledge::embedded());
        (recoupe_text::TextStage, EntityStage::new(kb))
    })
}

fn run(text: &str) -> Document {
    let mut doc = Document::new(
        text.to_string(),
        Metadata::new(Origin {
            kind: OriginKind::Text,
            path: "golden".to_string(),
            record: None,
        }),
    );
    let (text_stage, entity_stage) = stages();
    text_stage.run(&mut doc).expect("text stage");
    entity_stage.run(&mut doc).expect("entity stage");
    doc
}

fn check(input: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(input).expect("golden input");
    let expected_path = input.with_extension("expected");
    let expected = std::fs::read_to_string(&expected_path).expect("golden expectation");
    let doc = run(&text);
    let mut want_entities = Vec::new();
    let mut want_nats = Vec::new();
    let mut same = Vec::new();
    for line in expected.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["NAT", word, iso] => want_nats.push(format!("{word} {iso}")),
            ["SAME", a, b] => same.push((a.to_string(), b.to_string())),
            [ty, name] => want_entities.push(format!("{ty} {name}")),
            _ => panic!("{}: bad line {line:?}", expected_path.display()),
        }
    }
    let got_entities: Vec<String> = doc
        .layers
        .entities
        .iter()
        .map(|m| format!("{} {}", m.label.as_str(), doc.slice(m.span)))
        .collect();
    let got_nats: Vec<String> = doc
        .layers
        .nationalities
        .iter()
        .map(|n| format!("{} {}", doc.slice(n.span), n.country))
        .collect();
    let mut problems = Vec::new();
    let name = input.file_name().unwrap_or_default().to_string_lossy();
    if got_entities != want_entities {
        problems.push(format!(
            "{name}: entities\n  want {want_entities:?}\n  got  {got_entities:?}"
        ));
    }
    if got_nats != want_nats {
        problems.push(format!(
            "{name}: nationalities\n  want {want_nats:?}\n  got  {got_nats:?}"
        ));
    }
    for (a, b) in same {
        let first = doc
            .layers
            .entities
            .iter()
            .position(|m| doc.slice(m.span) == a);
        let second = first.and_then(|f| {
            doc.layers.entities[f + 1..]
                .iter()
                .find(|m| doc.slice(m.span) == b)
        });
        match (first, second) {
            (Some(f), Some(s)) if doc.layers.entities[f].entity == s.entity => {}
            (Some(f), Some(s)) => problems.push(format!(
                "{name}: {a:?} is {} but {b:?} is {}",
                doc.layers.entities[f].entity, s.entity
            )),
            _ => problems.push(format!("{name}: SAME {a:?} {b:?} not both found")),
        }
    }
    problems
}

#[test]
fn golden_files() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("golden dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no golden inputs in {}", dir.display());
    let problems: Vec<String> = inputs.iter().flat_map(|p| check(p)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
