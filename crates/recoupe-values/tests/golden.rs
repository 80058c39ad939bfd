//! Golden cases: every `tests/golden/*.jsonl` line is one input sentence with its
//! publication date and the exact list of dates and/or quantities the stages must produce
//! (text as written, value, and for quantities qualifier and unit). A case lists a layer
//! only when it checks it; a listed layer must match item for item, extras included.
//! `inferred` is the publication date the dates stage must infer, `inferred_from` the words
//! it must say it inferred it from.

use std::path::Path;

use chrono::{NaiveDate, TimeZone, Utc};
use recoupe_model::{
    DateSource, Document, Metadata, Origin, OriginKind, Published, QuantityValue, Stage,
};
use recoupe_values::{DateStage, QuantityStage};
use serde_json::Value;

fn date(value: &Value) -> Option<NaiveDate> {
    value
        .as_str()
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

fn run_case(case: &Value) -> Vec<String> {
    let name = case["name"].as_str().unwrap_or("?");
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Text,
        path: "golden".into(),
        record: Some(name.to_string()),
    });
    meta.published = date(&case["published"]).map(|date| Published {
        date,
        source: DateSource::Metadata,
        inferred_from: None,
    });
    let today = date(&case["today"])
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid"));
    meta.ingested_at = Utc.from_utc_datetime(&today.and_hms_opt(12, 0, 0).expect("valid time"));
    let mut doc = Document::new(case["text"].as_str().unwrap_or_default().to_string(), meta);
    let mut failures = Vec::new();

    if let Some(expected) = case["dates"].as_array() {
        DateStage.run(&mut doc).expect("date stage runs");
        let got: Vec<(String, Option<String>)> = doc
            .layers
            .dates
            .iter()
            .map(|d| (doc.slice(d.span).to_string(), d.value.clone()))
            .collect();
        let want: Vec<(String, Option<String>)> = expected
            .iter()
            .map(|item| {
                (
                    item[0].as_str().unwrap_or_default().to_string(),
                    item[1].as_str().map(str::to_string),
                )
            })
            .collect();
        if got != want {
            failures.push(format!("[{name}] dates\n  want {want:?}\n  got  {got:?}"));
        }
        if let Some(inferred) = date(&case["inferred"]) {
            let published = doc.meta.published;
            let ok =
                published.is_some_and(|p| p.date == inferred && p.source == DateSource::Inferred);
            if !ok {
                failures.push(format!(
                    "[{name}] inferred publication want {inferred} got {published:?}"
                ));
            }
            if let Some(words) = case["inferred_from"].as_str() {
                let got = published
                    .and_then(|p| p.inferred_from)
                    .map(|span| doc.slice(span).to_string());
                if got.as_deref() != Some(words) {
                    failures.push(format!(
                        "[{name}] publication inferred from {got:?}, want {words:?}"
                    ));
                }
            }
        }
    }
    if let Some(expected) = case["quantities"].as_array() {
        QuantityStage.run(&mut doc).expect("quantity stage runs");
        let got: Vec<String> = doc
            .layers
            .quantities
            .iter()
            .map(|q| {
                let value = match q.value {
                    QuantityValue::Single(v) => serde_json::json!(v),
                    QuantityValue::Range([a, b]) => serde_json::json!([a, b]),
                };
                let qualifier = serde_json::to_value(q.qualifier).unwrap_or(Value::Null);
                format!(
                    "{:?} {} {} {:?}",
                    doc.slice(q.span),
                    normalise(&value),
                    qualifier,
                    q.unit.as_deref().unwrap_or("")
                )
            })
            .collect();
        let want: Vec<String> = expected
            .iter()
            .map(|item| {
                format!(
                    "{:?} {} {} {:?}",
                    item[0].as_str().unwrap_or_default(),
                    normalise(&item[1]),
                    item[2],
                    item[3].as_str().unwrap_or_default()
                )
            })
            .collect();
        if got != want {
            failures.push(format!(
                "[{name}] quantities\n  want {want:?}\n  got  {got:?}"
            ));
        }
    }
    failures
}

/// Numbers compared as f64 so that `15` and `15.0` agree.
fn normalise(value: &Value) -> String {
    match value {
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(normalise).collect::<Vec<_>>().join(",")
        ),
        other => other
            .as_f64()
            .map(|v| format!("{v}"))
            .unwrap_or_else(|| other.to_string()),
    }
}

#[test]
fn golden_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/golden exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let mut cases = 0;
    let mut failures = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("golden file readable");
        for (line_number, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let case: Value = serde_json::from_str(line).unwrap_or_else(|error| {
                panic!(
                    "{}:{}: invalid JSON: {error}",
                    file.display(),
                    line_number + 1
                )
            });
            cases += 1;
            failures.extend(run_case(&case));
        }
    }
    assert!(cases > 0, "no golden cases found in {}", dir.display());
    assert!(
        failures.is_empty(),
        "{} failing golden case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
