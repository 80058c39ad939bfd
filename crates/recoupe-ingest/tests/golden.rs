//! Golden tests: every input under `tests/fixtures/golden/` is read with `read_path` and the
//! documents, errors and notes it yields are compared with `<input>.expected.json`.
//! Run with `UPDATE_GOLDEN=1` to rewrite the expected files (then review the diff).

use std::path::{Path, PathBuf};

use recoupe_ingest::{read_path, IngestOptions, InputFormat};
use serde_json::{json, Value};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden")
}

fn summarise(path: &Path) -> Value {
    let root = fixtures().display().to_string();
    let relative = |text: String| text.replace(&root, "<fixtures>");
    let mut documents = read_path(path, &IngestOptions::default());
    let mut items = Vec::new();
    let mut notes = Vec::new();
    for result in documents.by_ref() {
        items.push(match result {
            Ok(document) => {
                let meta = &document.meta;
                json!({
                    "text": document.text,
                    "title": meta.title,
                    "outlet": meta.outlet,
                    "url": meta.url,
                    "published": meta.published.map(|p| p.date.to_string()),
                    "language": meta.language.as_ref().map(|l| l.code.clone()),
                    "external_id": meta.external_id,
                    "cluster": meta.cluster,
                    "origin": format!("{:?}", meta.origin.kind),
                    "record": meta.origin.record,
                })
            }
            Err(error) => json!({ "error": relative(error.to_string()) }),
        });
    }
    notes.extend(
        documents
            .take_notes()
            .into_iter()
            .map(|note| relative(note.to_string())),
    );
    json!({ "documents": items, "notes": notes })
}

#[test]
fn golden_fixtures_match_expected_output() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures directory")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| InputFormat::from_path(path).is_some())
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 9, "fixtures missing: {inputs:?}");
    let mut failures = Vec::new();
    for input in &inputs {
        let actual = summarise(input);
        let expected_path = PathBuf::from(format!("{}.expected.json", input.display()));
        if update {
            let pretty = serde_json::to_string_pretty(&actual).expect("serialisable") + "\n";
            std::fs::write(&expected_path, pretty).expect("write expected");
            continue;
        }
        let expected: Value = match std::fs::read_to_string(&expected_path) {
            Ok(text) => serde_json::from_str(&text).expect("expected file is JSON"),
            Err(error) => {
                failures.push(format!("{}: {error}", expected_path.display()));
                continue;
            }
        };
        if actual != expected {
            failures.push(format!(
                "{}: output differs\nexpected: {}\nactual:   {}",
                input.display(),
                serde_json::to_string_pretty(&expected).unwrap_or_default(),
                serde_json::to_string_pretty(&actual).unwrap_or_default()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
