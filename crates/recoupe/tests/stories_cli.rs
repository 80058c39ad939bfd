//! Issue 12/14: `recoupe stories`, `story`, `facts`, `events`, and what `show` and `stats`
//! say of appearances, stories and copies, on checks/stories-a ingested once.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|err| panic!("stdout is not one JSON value ({err}):\n{}", self.stdout))
    }
}

fn run_db(db: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_recoupe"))
        .env_remove("RECOUPE_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("running recoupe");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn ok(run: &Run) {
    assert_eq!(
        run.code,
        Some(0),
        "stdout:\n{}\nstderr:\n{}",
        run.stdout,
        run.stderr
    );
}

/// checks/stories-a ingested by the binary, shared by the tests.
fn store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let dir = tempfile::Builder::new()
                .prefix("recoupe-stories-cli-")
                .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
                .unwrap();
            let db = dir.path().join("stories.db");
            let corpus = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../checks/stories-a/articles.jsonl"
            );
            ok(&run_db(&db, &["--no-progress", "ingest", corpus]));
            (dir, db)
        })
        .1
}

#[test]
fn issue14_stories_lists_and_flags_stories() {
    let run = run_db(store(), &["stories", "--min-articles", "2", "--json"]);
    ok(&run);
    let list = run.json();
    let list = list.as_array().unwrap();
    assert!(!list.is_empty());
    for s in list {
        assert!(s["articles"].as_u64().unwrap() >= 2);
        assert_eq!(
            s["single_source"].as_bool().unwrap(),
            s["independent_sources"].as_u64().unwrap() <= 1
        );
        assert_eq!(
            s["disagreeing"].as_bool().unwrap(),
            s["disagreements"].as_u64().unwrap() > 0
        );
    }
    let text = run_db(store(), &["stories", "--min-articles", "2"]);
    ok(&text);
    assert!(text.stdout.contains("indep."), "{}", text.stdout);
    let id = list[0]["id"].as_str().unwrap();
    assert!(text.stdout.contains(&id[..12]));
}

#[test]
fn issue14_story_opens_with_the_event_record_then_articles_copies_facts_speakers() {
    let list = run_db(store(), &["stories", "--min-articles", "3", "--json"]).json();
    let id = list[0]["id"].as_str().unwrap().to_string();
    let run = run_db(store(), &["story", &id[..10], "--explain"]);
    ok(&run);
    let out = &run.stdout;
    let at = |needle: &str| {
        out.find(needle)
            .unwrap_or_else(|| panic!("`{needle}` not in:\n{out}"))
    };
    assert!(at("Event") < at("Articles"));
    assert!(
        out.contains("why"),
        "--explain shows each membership:\n{out}"
    );
    assert!(out.contains("score"), "{out}");
    let json = run_db(store(), &["story", &id, "--json"]);
    ok(&json);
    let detail = json.json();
    assert_eq!(detail["summary"]["id"], id.as_str());
    assert!(detail["members"].as_array().unwrap().len() >= 3);
    assert!(detail["members"][0]["explanation"]["similarity"].is_number());
    // Unknown story: exit code 4.
    assert_eq!(
        run_db(store(), &["story", "ffffffffffffffff"]).code,
        Some(4)
    );
}

#[test]
fn issue14_facts_and_events_filter() {
    let facts = run_db(store(), &["facts", "--json"]);
    ok(&facts);
    let all = facts.json();
    assert!(!all.as_array().unwrap().is_empty());
    let disagreeing = run_db(store(), &["facts", "--disagreeing", "--json"]);
    if disagreeing.code == Some(0) {
        for f in disagreeing.json().as_array().unwrap() {
            assert!(!f["fact"]["disagreements"].as_array().unwrap().is_empty());
        }
    } else {
        assert_eq!(disagreeing.code, Some(4));
    }
    // A story that does not exist is named as such, not listed as "no fact".
    let unknown = run_db(store(), &["facts", "--story", "ffffffffffffffff"]);
    assert_eq!(unknown.code, Some(4));
    assert!(
        unknown.stderr.contains("no story \"ffffffffffffffff\""),
        "{}",
        unknown.stderr
    );

    let events = run_db(store(), &["events", "--json"]);
    ok(&events);
    let events = events.json();
    let first = &events[0];
    let kind = first["record"]["type"].as_str().unwrap();
    let typed = run_db(store(), &["events", "--type", kind, "--json"]).json();
    assert!(typed
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["record"]["type"] == kind));
    let none = run_db(store(), &["events", "--from", "2100-01-01"]);
    assert_eq!(none.code, Some(4), "{}", none.stdout);
    let text = run_db(store(), &["events"]);
    ok(&text);
    assert!(text.stdout.contains(kind));
}

#[test]
fn issue14_show_marks_copied_passages_with_the_other_article() {
    let list = run_db(store(), &["stories", "--json"]).json();
    let with_copies = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| {
            let d = run_db(store(), &["story", s["id"].as_str().unwrap(), "--json"]).json();
            let copies = d["story"]["copies"].as_array()?.clone();
            copies.first().cloned()
        })
        .next()
        .expect("stories-a has copies");
    let a = with_copies["a"].as_str().unwrap();
    let b = with_copies["b"].as_str().unwrap();
    let show = run_db(store(), &["show", a]);
    ok(&show);
    assert!(show.stdout.contains("Copied passages"), "{}", show.stdout);
    assert!(show.stdout.contains(&b[..12]), "{}", show.stdout);
    assert!(show.stdout.contains("Appearances"), "{}", show.stdout);
    assert!(show.stdout.contains("Story"), "{}", show.stdout);
}

#[test]
fn issue12_stats_counts_appearances() {
    let stats = run_db(store(), &["stats", "--json"]).json();
    assert_eq!(stats["appearances"], stats["documents"]);
}
