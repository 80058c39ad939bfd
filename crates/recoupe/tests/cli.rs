//! End-to-end tests of the `recoupe` binary: every subcommand is run as a user would run
//! it (a separate process, a temporary store), and checked on its exit code, its stdout
//! and its stderr as documented in the README.
//!
//! Inputs: the repository's `demo/` corpus and the hand-written French reports under
//! `tests/fixtures/inbox/` (a text with a sidecar, an HTML page with JSON-LD, an RSS feed,
//! a JSONL file with one malformed line, a windows-1252 text).
//!
//! Stores that many tests only read (the demo store, the inbox store) are built once per
//! test binary and shared, because assembling the pipeline costs about a second in debug.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

// ------------------------------------------------------------------ harness

/// What one run of the binary produced.
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

    fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                serde_json::from_str(line)
                    .unwrap_or_else(|err| panic!("not a JSON line ({err}): {line}"))
            })
            .collect()
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// The binary with an environment that does not leak from the developer's shell.
fn recoupe() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_recoupe"));
    command.env_remove("RECOUPE_DB").env("NO_COLOR", "1");
    command
}

fn run_with(mut command: Command, stdin: Option<&[u8]>) -> Run {
    command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("spawning the recoupe binary");
    if let Some(bytes) = stdin {
        // Written from a thread: a large input could otherwise fill the pipe while the
        // child blocks writing its own stdout.
        let mut pipe = child.stdin.take().expect("piped stdin");
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    let output = child.wait_with_output().expect("waiting for recoupe");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn run(args: &[&str]) -> Run {
    let mut command = recoupe();
    command.args(args);
    run_with(command, None)
}

/// Runs a command against a store.
fn run_db(db: &Path, args: &[&str]) -> Run {
    let mut command = recoupe();
    command.arg("--db").arg(db).args(args);
    run_with(command, None)
}

fn run_stdin(args: &[&str], stdin: &[u8]) -> Run {
    let mut command = recoupe();
    command.args(args);
    run_with(command, Some(stdin))
}

fn assert_code(run: &Run, expected: i32) {
    assert_eq!(run.code, Some(expected), "unexpected exit code: {run:?}");
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn inbox() -> PathBuf {
    manifest_dir().join("tests/fixtures/inbox")
}

fn inbox_file(name: &str) -> PathBuf {
    inbox().join(name)
}

fn demo_corpus_dir() -> PathBuf {
    manifest_dir().join("../../demo")
}

fn non_empty_lines(path: &Path) -> usize {
    std::fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("reading {}: {err}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
}

/// Number of articles in the bundled demo corpus (so that adding one breaks nothing here).
fn demo_article_count() -> usize {
    non_empty_lines(&demo_corpus_dir().join("articles.jsonl"))
}

/// Documents the inbox yields: 1 text (+ sidecar) + 1 HTML + 2 feed items + 2 good JSONL
/// lines + 1 windows-1252 text; line 2 of the JSONL file is malformed.
const INBOX_DOCUMENTS: u64 = 7;
const INBOX_FAILURES: u64 = 1;

fn temp_dir() -> TempDir {
    tempfile::Builder::new()
        .prefix("recoupe-cli-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("creating a temporary directory")
}

/// A store filled by `recoupe demo`, shared by the read-only tests.
fn demo_store() -> &'static Path {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE.get_or_init(|| {
        let db = shared_dir().join("demo.db");
        let run = run_db(&db, &["--no-progress", "demo"]);
        assert_code(&run, 0);
        db
    })
}

/// A directory for the stores shared by the tests of this run. Statics are never dropped,
/// so a `TempDir` would leak: instead each run gets `shared/<pid>` and removes the
/// directories that earlier runs left more than an hour ago (a concurrent run is younger).
fn shared_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("recoupe-cli-shared");
        if let Ok(entries) = std::fs::read_dir(&root) {
            for entry in entries.flatten() {
                let stale = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > Duration::from_secs(3600));
                if stale {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
        }
        let dir = root.join(std::process::id().to_string());
        // A leftover from an earlier run with the same pid would hold stale stores.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("creating the shared test directory");
        dir
    })
}

/// A store filled by `recoupe ingest --json tests/fixtures/inbox`, with that first run.
fn inbox_store() -> &'static (PathBuf, Run) {
    static STORE: OnceLock<(PathBuf, Run)> = OnceLock::new();
    STORE.get_or_init(|| {
        let db = shared_dir().join("inbox.db");
        let inbox = inbox();
        let run = run_db(&db, &["ingest", "--json", inbox.to_str().unwrap()]);
        (db, run)
    })
}

fn inbox_db() -> &'static Path {
    &inbox_store().0
}

/// Every stored document, through `export --format jsonl`.
fn exported_documents(db: &Path) -> Vec<Value> {
    let run = run_db(db, &["export", "--format", "jsonl"]);
    assert_code(&run, 0);
    run.json_lines()
}

/// The stored document read from `origin_file` (a file name of the inbox).
fn inbox_document(origin_file: &str) -> Value {
    exported_documents(inbox_db())
        .into_iter()
        .find(|doc| {
            doc["meta"]["origin"]["path"]
                .as_str()
                .is_some_and(|p| p.ends_with(origin_file))
        })
        .unwrap_or_else(|| panic!("no stored document comes from {origin_file}"))
}

fn str_field<'a>(value: &'a Value, field: &str) -> &'a str {
    value[field]
        .as_str()
        .unwrap_or_else(|| panic!("`{field}` is not a string in {value}"))
}

fn u64_field(value: &Value, field: &str) -> u64 {
    value[field]
        .as_u64()
        .unwrap_or_else(|| panic!("`{field}` is not an unsigned integer in {value}"))
}

/// The text covered by a `{"start", "end"}` span of a document.
fn span_text<'a>(doc: &'a Value, span: &Value) -> &'a str {
    let text = str_field(doc, "text");
    let start = span["start"].as_u64().expect("span start") as usize;
    let end = span["end"].as_u64().expect("span end") as usize;
    text.get(start..end)
        .unwrap_or_else(|| panic!("span {span} is not a char range of the text"))
}

/// Checks every `{"start": n, "end": m}` object in a document: a valid, char-aligned range
/// of the original text.
fn assert_spans_valid(doc: &Value) {
    fn walk(value: &Value, text: &str, path: &str) {
        match value {
            Value::Object(map) => {
                if let (Some(start), Some(end)) = (
                    map.get("start").and_then(Value::as_u64),
                    map.get("end").and_then(Value::as_u64),
                ) {
                    let (start, end) = (start as usize, end as usize);
                    assert!(
                        start <= end && end <= text.len(),
                        "span {start}..{end} at {path} out of the text ({} bytes)",
                        text.len()
                    );
                    assert!(
                        text.is_char_boundary(start) && text.is_char_boundary(end),
                        "span {start}..{end} at {path} cuts a character"
                    );
                }
                for (key, child) in map {
                    walk(child, text, &format!("{path}.{key}"));
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, text, &format!("{path}[{i}]"));
                }
            }
            _ => {}
        }
    }
    walk(&doc["layers"], str_field(doc, "text"), "layers");
}

fn produced(doc: &Value) -> BTreeSet<String> {
    doc["produced"]
        .as_array()
        .unwrap_or_else(|| panic!("`produced` is not an array in {doc}"))
        .iter()
        .map(|l| l.as_str().expect("layer name").to_string())
        .collect()
}

fn layer_keys(doc: &Value) -> BTreeSet<String> {
    doc["layers"]
        .as_object()
        .unwrap_or_else(|| panic!("`layers` is not an object in {doc}"))
        .keys()
        .cloned()
        .collect()
}

/// Parses RFC 4180 CSV (quoted fields may hold commas, quotes and newlines).
fn parse_csv(input: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// `(N new, M already there)` from the first line of `recoupe demo`.
fn demo_new_and_existing(stdout: &str) -> (usize, usize) {
    let first = stdout.lines().next().unwrap_or_default();
    let inside = first
        .rsplit_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(inside, _)| inside)
        .unwrap_or_else(|| panic!("no `(N new, M already there)` in {first:?}"));
    let numbers: Vec<usize> = inside
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    assert_eq!(numbers.len(), 2, "expected two counts in {first:?}");
    (numbers[0], numbers[1])
}

// ------------------------------------------------------------------ demo

#[test]
fn demo_ingests_the_bundled_corpus_then_reports_duplicates() {
    let dir = temp_dir();
    let db = dir.path().join("recoupe.db");
    let articles = demo_article_count();
    assert!(articles >= 10, "the demo corpus has {articles} articles");

    let started = Instant::now();
    let first = run_db(&db, &["--no-progress", "demo"]);
    let took = started.elapsed();
    assert_code(&first, 0);
    // Speed is measured by the benchmarks, not asserted here: a shared CI machine's load
    // would make a time limit flaky. Printed for the log.
    eprintln!("demo took {took:?} (debug build)");
    assert!(first
        .stdout
        .starts_with(&format!("recoupe demo: {articles} bundled articles")));
    assert_eq!(demo_new_and_existing(&first.stdout), (articles, 0));
    for section in [
        "sentences ",
        "entities ",
        "attributions ",
        "Most mentioned",
        "Who says what",
        "Try next:",
    ] {
        assert!(
            first.stdout.contains(section),
            "no {section:?} in the summary: {first:?}"
        );
    }
    // Colour is for terminals only.
    assert!(!first.stdout.contains('\x1b'), "escape codes in a pipe");
    assert!(db.is_file(), "demo did not create {}", db.display());

    let second = run_db(&db, &["--no-progress", "demo"]);
    assert_code(&second, 0);
    assert_eq!(demo_new_and_existing(&second.stdout), (0, articles));

    let stats = run_db(&db, &["stats", "--json"]).json();
    assert_eq!(u64_field(&stats, "documents"), articles as u64);

    // Every command the summary suggests works on the store it just filled (each line
    // starts with how to run the program: `recoupe`, or its path when not on PATH).
    let suggestions: Vec<&str> = first
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Try next:"))
        .skip(1)
        .filter(|l| l.contains(" --db "))
        .filter_map(|l| l.trim().split_once(' ').map(|(_, rest)| rest))
        .collect();
    assert!(suggestions.len() >= 3, "{first:?}");
    for suggestion in suggestions {
        let words = shell_words(suggestion);
        let args: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut command = recoupe();
        command.current_dir(dir.path()).args(&args);
        let run = run_with(command, None);
        assert_eq!(run.code, Some(0), "recoupe {suggestion}: {run:?}");
    }
}

/// Splits a suggested command line into words; double quotes group words.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

// ------------------------------------------------------------------ ingest

#[test]
fn ingest_directory_reports_counts_and_names_the_bad_line() {
    let dir = temp_dir();
    let db = dir.path().join("store.db");
    let inbox = inbox();
    let inbox = inbox.to_str().unwrap();

    let first = run_db(&db, &["--no-progress", "ingest", inbox]);
    assert_code(&first, 3);
    let summary = first.stdout.lines().next().unwrap_or_default();
    assert!(
        summary.starts_with(&format!(
            "ingested {INBOX_DOCUMENTS} · duplicates 0 · failed {INBOX_FAILURES} ·"
        )),
        "{first:?}"
    );
    // The failure names the file and the line, on stdout (summary) and stderr (as it happens).
    let failure = "depeches.jsonl:2: invalid JSON";
    let failed_line = first
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with("failed:"))
        .unwrap_or_else(|| panic!("no `failed:` line: {first:?}"));
    assert!(failed_line.contains(failure), "{failed_line}");
    assert!(first.stderr.contains(failure), "{first:?}");
    // Sidecars are metadata, not documents.
    assert!(
        !first.stdout.contains("conseil-municipal.json"),
        "{first:?}"
    );
    assert!(
        !first.stderr.contains("conseil-municipal.json"),
        "{first:?}"
    );

    let again = run_db(&db, &["--no-progress", "ingest", inbox]);
    assert_code(&again, 3);
    assert!(
        again.stdout.starts_with(&format!(
            "ingested 0 · duplicates {INBOX_DOCUMENTS} · failed {INBOX_FAILURES} ·"
        )),
        "{again:?}"
    );
    let stats = run_db(&db, &["stats", "--json"]).json();
    assert_eq!(u64_field(&stats, "documents"), INBOX_DOCUMENTS);
}

#[test]
fn ingest_json_summary_has_the_documented_fields() {
    let (db, first) = inbox_store();
    assert_code(first, 3);
    let summary = first.json();
    assert_eq!(u64_field(&summary, "ingested"), INBOX_DOCUMENTS);
    assert_eq!(u64_field(&summary, "duplicates"), 0);
    assert_eq!(u64_field(&summary, "failed"), INBOX_FAILURES);
    let failures = summary["failures"].as_array().expect("failures array");
    assert_eq!(failures.len() as u64, INBOX_FAILURES);
    let failure = failures[0].as_str().expect("failure is a string");
    assert!(failure.contains("depeches.jsonl:2:"), "{failure}");
    let seconds = summary["seconds"].as_f64().expect("seconds");
    assert!(seconds >= 0.0);
    let rate = summary["docs_per_second"]
        .as_f64()
        .expect("docs_per_second");
    assert!(rate > 0.0, "{summary}");

    let inbox = inbox();
    let again = run_db(db, &["ingest", "--json", inbox.to_str().unwrap()]);
    assert_code(&again, 3);
    let again = again.json();
    assert_eq!(u64_field(&again, "ingested"), 0);
    assert_eq!(u64_field(&again, "duplicates"), INBOX_DOCUMENTS);
    assert_eq!(u64_field(&again, "failed"), INBOX_FAILURES);
}

#[test]
fn ingest_reads_metadata_of_every_format() {
    let text = inbox_document("conseil-municipal.txt");
    let meta = &text["meta"];
    assert_eq!(
        str_field(meta, "title"),
        "Namur adopte un budget de rigueur"
    );
    assert_eq!(str_field(meta, "outlet"), "echo-de-wallonie");
    assert_eq!(meta["published"]["date"], "2024-11-18");
    assert_eq!(meta["origin"]["kind"], "text");

    let html = inbox_document("crue-meuse.html");
    let meta = &html["meta"];
    assert_eq!(meta["published"]["date"], "2024-03-14", "JSON-LD date");
    assert_eq!(meta["published"]["source"], "metadata");
    assert!(str_field(meta, "title").contains("Crue de la Meuse"));
    assert_eq!(str_field(meta, "outlet"), "Le Guetteur liégeois");
    let body = str_field(&html, "text");
    assert!(body.contains("pont de Fragnée"), "{body}");
    assert!(!body.contains("<p>"), "markup left in the text: {body}");
    assert!(!body.contains("datePublished"), "script left in the text");

    let feed: Vec<Value> = exported_documents(inbox_db())
        .into_iter()
        .filter(|d| d["meta"]["origin"]["kind"] == "feed")
        .collect();
    let mut titles: Vec<&str> = feed
        .iter()
        .map(|d| str_field(&d["meta"], "title"))
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            "Abidjan accueille un sommet régional sur l'eau potable",
            "Dakar : la grève des transporteurs entre dans sa deuxième semaine",
        ]
    );

    let jsonl: Vec<Value> = exported_documents(inbox_db())
        .into_iter()
        .filter(|d| d["meta"]["origin"]["kind"] == "jsonl")
        .collect();
    let mut external: Vec<&str> = jsonl
        .iter()
        .map(|d| str_field(&d["meta"], "external_id"))
        .collect();
    external.sort();
    assert_eq!(external, ["ch-017", "qc-001"]);
}

#[test]
fn ingest_decodes_windows_1252_text() {
    let raw = std::fs::read(inbox_file("metro-lausanne.txt")).unwrap();
    assert!(
        std::str::from_utf8(&raw).is_err(),
        "the fixture must not be UTF-8"
    );
    let doc = inbox_document("metro-lausanne.txt");
    let text = str_field(&doc, "text");
    for expected in [
        "l’élargissement",
        "mise en œuvre",
        "« indispensable »",
        "coût",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }
    assert!(
        !text.contains('\u{FFFD}'),
        "replacement character in {text:?}"
    );
    assert_eq!(doc["meta"]["language"]["code"], "fr");
}

#[test]
fn ingest_reads_stdin_and_globs() {
    let dir = temp_dir();
    let db = dir.path().join("store.db");
    let feed = std::fs::read(inbox_file("fil-afrique.xml")).unwrap();
    let mut command = recoupe();
    command.arg("--db").arg(&db).args(["ingest", "--json", "-"]);
    let from_stdin = run_with(command, Some(&feed));
    assert_code(&from_stdin, 0);
    let summary = from_stdin.json();
    assert_eq!(u64_field(&summary, "ingested"), 2, "{summary}");

    // The same items through a glob are the same documents.
    let pattern = format!("{}/*.xml", inbox().display());
    let by_glob = run_db(&db, &["ingest", "--json", &pattern]);
    assert_code(&by_glob, 0);
    let summary = by_glob.json();
    assert_eq!(u64_field(&summary, "ingested"), 0, "{summary}");
    assert_eq!(u64_field(&summary, "duplicates"), 2, "{summary}");
}

#[test]
fn ingest_of_a_missing_file_is_a_reported_failure() {
    let dir = temp_dir();
    let db = dir.path().join("store.db");
    let missing = dir.path().join("absent.txt");
    let run = run_db(&db, &["ingest", missing.to_str().unwrap()]);
    assert_code(&run, 3);
    assert!(run.stderr.contains("absent.txt"), "{run:?}");
    assert!(run.stdout.contains("failed 1"), "{run:?}");
}

// ------------------------------------------------------------------ extract

#[test]
fn extract_reads_stdin_without_a_path() {
    let input = std::fs::read_to_string(inbox_file("conseil-municipal.txt")).unwrap();
    let run = run_stdin(&["extract"], input.as_bytes());
    assert_code(&run, 0);
    let docs = run.json_lines();
    assert_eq!(docs.len(), 1, "{run:?}");
    let doc = &docs[0];
    assert_eq!(doc["schema_version"], 2);
    assert_eq!(doc["meta"]["origin"]["kind"], "stdin");
    // The original text is kept as read.
    assert_eq!(str_field(doc, "text"), input);
    let produced = produced(doc);
    for layer in ["sentences", "tokens", "entities", "dates", "attributions"] {
        assert!(
            produced.contains(layer),
            "{layer} not produced: {produced:?}"
        );
    }
    // Only produced layers appear (empty ones are omitted).
    let keys = layer_keys(doc);
    assert!(keys.is_subset(&produced), "{keys:?} ⊄ {produced:?}");
    assert!(keys.contains("sentences") && keys.contains("tokens"));
    assert_spans_valid(doc);
}

#[test]
fn extract_dash_reads_stdin_and_reports_the_bad_line() {
    let input = std::fs::read(inbox_file("depeches.jsonl")).unwrap();
    let run = run_stdin(&["extract", "-"], &input);
    assert_code(&run, 3);
    let docs = run.json_lines();
    assert_eq!(docs.len(), 2, "{run:?}");
    for doc in &docs {
        assert_eq!(doc["schema_version"], 2);
        assert!(produced(doc).contains("entities"));
        assert!(layer_keys(doc).is_subset(&produced(doc)));
        assert_spans_valid(doc);
    }
    assert!(run.stderr.contains("-:2: invalid JSON"), "{run:?}");
}

#[test]
fn extract_without_drops_layers_from_output_and_produced() {
    let input = std::fs::read(inbox_file("conseil-municipal.txt")).unwrap();
    let run = run_stdin(&["extract", "--without", "tokens,sentences"], &input);
    assert_code(&run, 0);
    let docs = run.json_lines();
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    let produced = produced(doc);
    let keys = layer_keys(doc);
    for dropped in ["tokens", "sentences"] {
        assert!(!produced.contains(dropped), "{dropped} in {produced:?}");
        assert!(!keys.contains(dropped), "{dropped} in {keys:?}");
    }
    assert!(produced.contains("entities"), "{produced:?}");
    assert!(keys.contains("entities"), "{keys:?}");
}

#[test]
fn extract_of_every_fixture_gives_valid_spans() {
    let paths: Vec<String> = [
        "conseil-municipal.txt",
        "crue-meuse.html",
        "fil-afrique.xml",
        "metro-lausanne.txt",
    ]
    .iter()
    .map(|name| inbox_file(name).display().to_string())
    .collect();
    let mut args = vec!["extract"];
    args.extend(paths.iter().map(String::as_str));
    let run = run(&args);
    assert_code(&run, 0);
    let docs = run.json_lines();
    assert_eq!(docs.len(), 5, "{run:?}");
    for doc in &docs {
        assert_spans_valid(doc);
        let id = str_field(doc, "id");
        assert_eq!(id.len(), 32, "{id}");
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
    }
}

#[test]
fn extract_unknown_layer_is_an_error_naming_it() {
    let run = run_stdin(
        &["extract", "--without", "tokens,paragraphes"],
        b"Le maire a dit non.",
    );
    // A usage error: `extract --help` lists the layer names.
    assert_code(&run, 2);
    assert!(run.stderr.contains("paragraphes"), "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
}

// ------------------------------------------------------------------ search

#[test]
fn search_is_accent_insensitive() {
    let run = run_db(demo_store(), &["search", "armee", "--json"]);
    assert_code(&run, 0);
    let results = run.json();
    let hits = results["hits"].as_array().expect("array of hits");
    assert!(!hits.is_empty());
    assert!(u64_field(&results, "total") >= hits.len() as u64);
    assert!(
        hits.iter().any(|h| h["snippet"]
            .as_array()
            .expect("snippet parts")
            .iter()
            .any(|part| part["hit"] == true && str_field(part, "text").to_lowercase() == "armée")),
        "no snippet marks `armée`: {hits:?}"
    );
    for hit in hits {
        assert_eq!(str_field(hit, "id").len(), 32);
        assert!(hit["score"].is_number());
    }

    let text = run_db(demo_store(), &["search", "ARMEE"]);
    assert_code(&text, 0);
    assert!(text.stdout.contains("[armée]"), "{text:?}");
}

#[test]
fn search_without_hits_exits_4() {
    let run = run_db(demo_store(), &["search", "hippopotamesque"]);
    assert_code(&run, 4);
    assert!(run.stdout.contains("no document matches"), "{run:?}");

    let json = run_db(demo_store(), &["search", "hippopotamesque", "--json"]);
    assert_code(&json, 4);
    assert_eq!(json.json()["hits"], Value::Array(vec![]));
    assert_eq!(json.json()["total"], 0);
}

// ------------------------------------------------------------------ show

#[test]
fn show_by_id_prefix_renders_title_and_attributions() {
    let doc = inbox_document("conseil-municipal.txt");
    let id = str_field(&doc, "id");
    let run = run_db(inbox_db(), &["show", &id[..8]]);
    assert_code(&run, 0);
    assert!(
        run.stdout.starts_with("Namur adopte un budget de rigueur"),
        "{run:?}"
    );
    assert!(run.stdout.contains(id), "{run:?}");
    assert!(run.stdout.contains("Attributions"), "{run:?}");
    assert!(run.stdout.contains("echo-de-wallonie"), "{run:?}");
    assert!(!run.stdout.contains('\x1b'), "escape codes in a pipe");
}

#[test]
fn show_json_is_the_stored_document() {
    let mut exported = inbox_document("crue-meuse.html");
    // An export line adds the cross-article layer to the document (docs/schema.md).
    for field in ["story", "copies", "facts", "event"] {
        exported.as_object_mut().unwrap().remove(field);
    }
    let id = str_field(&exported, "id").to_string();
    let run = run_db(inbox_db(), &["show", "--json", &id[..10]]);
    assert_code(&run, 0);
    let shown = run.json();
    assert_eq!(shown["schema_version"], 2);
    assert_eq!(shown, exported);
    assert_spans_valid(&shown);
}

#[test]
fn show_accepts_the_source_id() {
    let run = run_db(inbox_db(), &["show", "--json", "qc-001"]);
    assert_code(&run, 0);
    let doc = run.json();
    assert_eq!(doc["meta"]["external_id"], "qc-001");
    assert!(str_field(&doc, "text").starts_with("Verglas"));
}

#[test]
fn show_of_an_unknown_document_exits_4() {
    let run = run_db(demo_store(), &["show", "no-such-document"]);
    assert_code(&run, 4);
    assert!(run.stderr.contains("no-such-document"), "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
}

#[test]
fn show_colours_only_when_asked() {
    let doc = inbox_document("conseil-municipal.txt");
    let id = &str_field(&doc, "id")[..8];
    let always = run_db(inbox_db(), &["--color", "always", "show", id]);
    assert_code(&always, 0);
    assert!(always.stdout.contains("\x1b["), "{always:?}");
    let never = run_db(inbox_db(), &["--color", "never", "show", id]);
    assert_code(&never, 0);
    assert!(!never.stdout.contains('\x1b'), "{never:?}");
}

// ------------------------------------------------------------------ stats and export

#[test]
fn stats_json_has_the_counts() {
    let run = run_db(inbox_db(), &["stats", "--json"]);
    assert_code(&run, 0);
    let stats = run.json();
    assert_eq!(u64_field(&stats, "documents"), INBOX_DOCUMENTS);
    for field in [
        "entities",
        "mentions",
        "attributions",
        "dates",
        "quantities",
        "places",
        "db_size_bytes",
    ] {
        u64_field(&stats, field);
    }
    assert!(u64_field(&stats, "mentions") > 0);
    assert_eq!(stats["by_language"][0]["value"], "fr");
    assert_eq!(
        u64_field(&stats["by_language"][0], "count"),
        INBOX_DOCUMENTS
    );
    let outlets: u64 = stats["by_outlet"]
        .as_array()
        .expect("by_outlet")
        .iter()
        .map(|t| u64_field(t, "count"))
        .sum();
    assert_eq!(outlets, INBOX_DOCUMENTS, "every document counted once");
    assert_eq!(stats["oldest_published"], "2024-03-14");
    assert_eq!(stats["newest_published"], "2025-02-10");

    let text = run_db(inbox_db(), &["stats"]);
    assert_code(&text, 0);
    assert!(text
        .stdout
        .contains(&format!("documents        {INBOX_DOCUMENTS}")));
}

#[test]
fn export_csv_has_a_header_and_one_row_per_document() {
    let run = run_db(demo_store(), &["export", "--format", "csv"]);
    assert_code(&run, 0);
    let records = parse_csv(&run.stdout);
    let (header, rows) = records.split_first().expect("a header");
    assert_eq!(
        &header[..6],
        ["id", "external_id", "url", "outlet", "title", "published"]
    );
    for column in ["entities", "attributions", "text_bytes"] {
        assert!(header.iter().any(|h| h == column), "no {column} column");
    }
    assert_eq!(rows.len(), demo_article_count());
    for row in rows {
        assert_eq!(row.len(), header.len(), "ragged row {row:?}");
    }
    let csv_ids: BTreeSet<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let jsonl_ids: BTreeSet<String> = exported_documents(demo_store())
        .iter()
        .map(|d| str_field(d, "id").to_string())
        .collect();
    assert_eq!(
        csv_ids,
        jsonl_ids
            .iter()
            .map(String::as_str)
            .collect::<BTreeSet<_>>()
    );
}

#[test]
fn export_csv_tables_and_parquet_files() {
    let stats: Value = serde_json::from_str(&run_db(demo_store(), &["stats", "--json"]).stdout)
        .expect("stats JSON");
    let mentions = run_db(
        demo_store(),
        &["export", "--format", "csv", "--table", "mentions"],
    );
    assert_code(&mentions, 0);
    let records = parse_csv(&mentions.stdout);
    let (header, rows) = records.split_first().expect("a header");
    assert_eq!(&header[..3], ["doc_id", "position", "start"]);
    assert_eq!(Some(rows.len() as u64), stats["mentions"].as_u64());

    let dir = temp_dir();
    let out = dir.path().join("tables");
    let run = run_db(
        demo_store(),
        &[
            "export",
            "--format",
            "parquet",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_code(&run, 0);
    for table in recoupe_app::tables::table_names() {
        let file = std::fs::read(out.join(format!("{table}.parquet"))).expect(table);
        assert!(
            file.starts_with(b"PAR1") && file.ends_with(b"PAR1"),
            "{table}"
        );
        assert!(
            run.stderr.contains(&format!("rows of {table}")),
            "{}",
            run.stderr
        );
    }

    // Wrong combinations are usage errors, named.
    let unknown = run_db(
        demo_store(),
        &["export", "--format", "csv", "--table", "nope"],
    );
    assert_code(&unknown, 2);
    assert!(unknown.stderr.contains("nope") && unknown.stderr.contains("mentions"));
    let no_dir = run_db(demo_store(), &["export", "--format", "parquet"]);
    assert_code(&no_dir, 2);
    assert!(no_dir.stderr.contains("--out"), "{}", no_dir.stderr);
}

#[test]
fn export_jsonl_lines_are_documents() {
    let docs = exported_documents(demo_store());
    assert_eq!(docs.len(), demo_article_count());
    for doc in &docs {
        assert_eq!(doc["schema_version"], 2);
        assert_eq!(doc["meta"]["origin"]["kind"], "demo");
        assert!(!str_field(doc, "text").is_empty());
        assert!(produced(doc).contains("attributions"));
        assert!(layer_keys(doc).is_subset(&produced(doc)));
        assert_spans_valid(doc);
    }
}

#[test]
fn export_to_a_file_matches_stdout() {
    let dir = temp_dir();
    let out = dir.path().join("corpus.jsonl");
    let run = run_db(
        inbox_db(),
        &["export", "--format", "jsonl", "-o", out.to_str().unwrap()],
    );
    assert_code(&run, 0);
    assert!(
        run.stderr
            .contains(&format!("exported {INBOX_DOCUMENTS} documents")),
        "{run:?}"
    );
    let written = std::fs::read_to_string(&out).unwrap();
    let stdout = run_db(inbox_db(), &["export"]).stdout;
    assert_eq!(written, stdout);
}

// ------------------------------------------------------------------ entities, entity, claims

#[test]
fn entities_filters_by_type() {
    let run = run_db(demo_store(), &["entities", "--type", "ORG", "--json"]);
    assert_code(&run, 0);
    let listing = run.json();
    let list = listing["entities"].as_array().expect("array");
    assert!(u64_field(&listing, "total") >= list.len() as u64);
    assert!(!list.is_empty());
    for e in list {
        assert_eq!(e["label"], "ORG", "{e}");
        assert!(u64_field(e, "documents") <= u64_field(e, "mentions"));
    }
    let mentions: Vec<u64> = list.iter().map(|e| u64_field(e, "mentions")).collect();
    assert!(
        mentions.windows(2).all(|w| w[0] >= w[1]),
        "not most mentioned first: {mentions:?}"
    );

    let top = run_db(demo_store(), &["entities", "--top", "2", "--json"]).json();
    assert_eq!(top["entities"].as_array().map(Vec::len), Some(2));
}

#[test]
fn entity_by_name_from_the_entities_list() {
    let list = run_db(demo_store(), &["entities", "--json"]).json();
    let first = &list["entities"][0];
    let name = str_field(first, "name");
    let key = str_field(first, "key");

    let run = run_db(demo_store(), &["entity", name, "--json"]);
    assert_code(&run, 0);
    let detail = run.json();
    assert_eq!(str_field(&detail, "key"), key);
    assert_eq!(u64_field(&detail, "mentions"), u64_field(first, "mentions"));
    assert_eq!(
        detail["documents"].as_array().map(|d| d.len() as u64),
        Some(u64_field(first, "documents"))
    );
    assert!(detail["aliases"]
        .as_array()
        .expect("aliases")
        .iter()
        .any(|a| a["surface"] == name));

    let text = run_db(demo_store(), &["entity", key]);
    assert_code(&text, 0);
    assert!(text.stdout.starts_with(name), "{text:?}");
    assert!(text.stdout.contains("articles ("), "{text:?}");

    let missing = run_db(demo_store(), &["entity", "Zorglub de Syldavie"]);
    assert_code(&missing, 4);
    assert!(
        missing.stderr.contains("Zorglub de Syldavie"),
        "{missing:?}"
    );
}

/// The first attribution of the demo store whose speaker is a named entity, as
/// (document id, speaker as written, speaker entity key, content), read with `show --json`.
fn named_attribution() -> (String, String, String, String) {
    for doc in exported_documents(demo_store()) {
        let id = str_field(&doc, "id");
        let shown = run_db(demo_store(), &["show", "--json", id]).json();
        let attributions = shown["layers"]["attributions"].as_array().cloned();
        for a in attributions.unwrap_or_default() {
            if let (Some(speaker), Some(key)) = (a.get("speaker"), a["speaker_entity"].as_str()) {
                return (
                    id.to_string(),
                    span_text(&shown, speaker).to_string(),
                    key.to_string(),
                    span_text(&shown, &a["content"]).to_string(),
                );
            }
        }
    }
    panic!("no attribution with a named speaker in the demo corpus");
}

#[test]
fn claims_by_speaker() {
    let (doc_id, speaker, key, content) = named_attribution();
    let run = run_db(demo_store(), &["claims", "--speaker", &speaker, "--json"]);
    assert_code(&run, 0);
    let claims = run.json();
    let claims = claims["statements"].as_array().expect("array");
    assert!(
        claims
            .iter()
            .any(|c| c["doc_id"] == doc_id.as_str() && c["content"] == content.as_str()),
        "{speaker:?} → {content:?} not among {claims:?}"
    );

    let by_key = run_db(demo_store(), &["claims", "--speaker", &key, "--json"]);
    assert_code(&by_key, 0);
    let by_key = by_key.json();
    let by_key = by_key["statements"].as_array().expect("array");
    assert!(by_key.iter().any(|c| c["speaker_key"] == key.as_str()));

    let text = run_db(demo_store(), &["claims", "--speaker", &speaker]);
    assert_code(&text, 0);
    assert!(text.stdout.contains(&doc_id[..12]), "{text:?}");
    assert!(text.stdout.contains(" → "), "{text:?}");
}

#[test]
fn claims_of_an_unknown_speaker_exits_4() {
    let run = run_db(
        demo_store(),
        &["claims", "--speaker", "Zorglub de Syldavie"],
    );
    assert_code(&run, 4);
    assert!(run.stdout.contains("Zorglub de Syldavie"), "{run:?}");
    let json = run_db(
        demo_store(),
        &["claims", "--speaker", "Zorglub de Syldavie", "--json"],
    );
    assert_code(&json, 4);
    assert_eq!(json.json()["statements"], Value::Array(vec![]));
}

// ------------------------------------------------------------------ eval

/// Every `p`, `r`, `f1` and `accuracy` in the report is in [0, 1] or null.
fn assert_scores_in_range(value: &Value, path: &str) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let here = format!("{path}.{key}");
                let is_score = matches!(key.as_str(), "p" | "r" | "f1" | "accuracy");
                match child {
                    // `places.accuracy` is an ACC object holding its own `accuracy`.
                    Value::Object(_) | Value::Array(_) => assert_scores_in_range(child, &here),
                    Value::Null if is_score => {}
                    Value::Number(n) if is_score => {
                        let x = n.as_f64().unwrap();
                        assert!((0.0..=1.0).contains(&x), "{here} = {x}");
                    }
                    other if is_score => panic!("{here} is {other}"),
                    _ => {}
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                assert_scores_in_range(child, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

#[test]
fn eval_demo_corpus_json() {
    let corpus = demo_corpus_dir();
    let run = run(&["eval", "--corpus", corpus.to_str().unwrap(), "--json"]);
    assert_code(&run, 0);
    let report = run.json();
    for key in ["corpus", "documents", "unlocated_gold", "layers"] {
        assert!(report.get(key).is_some(), "no `{key}` in {report}");
    }
    let gold = non_empty_lines(&corpus.join("gold.jsonl")) as u64;
    assert_eq!(u64_field(&report, "documents"), gold);
    assert_eq!(report["layers"]["entities"]["status"], "scored");
    for label in ["LOC", "MISC", "ORG", "PER"] {
        assert!(
            report["layers"]["entities"]["by_type"].get(label).is_some(),
            "no {label} in entities.by_type"
        );
    }
    u64_field(&report["unlocated_gold"], "count");
    assert_scores_in_range(&report, "report");
}

#[test]
fn eval_mismatches_list_errors_of_the_chosen_layers() {
    let corpus = demo_corpus_dir();
    let corpus = corpus.to_str().unwrap();
    let plain = run(&["eval", "--corpus", corpus, "--json"]).json();
    assert!(plain.get("mismatches").is_none(), "only when asked for");
    let all = run(&["eval", "--corpus", corpus, "--json", "--mismatches"]);
    assert_code(&all, 0);
    let all = all.json();
    let listed = all["mismatches"].as_array().expect("a mismatches array");
    // Every entity false positive and false negative is listed (a wrong type is one line
    // for one of each).
    let entities = &all["layers"]["entities"]["overall"];
    let entity_lines = listed.iter().filter(|m| m["layer"] == "entities").count() as u64;
    let typed = listed
        .iter()
        .filter(|m| m["layer"] == "entities" && m["problem"] == "type")
        .count() as u64;
    assert_eq!(
        entity_lines + typed,
        u64_field(entities, "fp") + u64_field(entities, "fn")
    );
    let only = run(&[
        "eval",
        "--corpus",
        corpus,
        "--json",
        "--mismatches",
        "attributions",
    ])
    .json();
    let only = only["mismatches"].as_array().unwrap();
    assert!(only.iter().all(|m| m["layer"] == "attributions"));
    assert_eq!(
        only.len(),
        listed
            .iter()
            .filter(|m| m["layer"] == "attributions")
            .count()
    );
    let text = run(&["eval", "--corpus", corpus, "--mismatches", "attributions"]);
    assert_code(&text, 0);
    assert!(text.stdout.contains("mismatches: "), "{text:?}");
    let bad = run(&["eval", "--corpus", corpus, "--mismatches", "tokens"]);
    assert_code(&bad, 2);
}

#[test]
fn eval_without_gold_names_the_missing_file() {
    let dir = temp_dir();
    std::fs::copy(
        demo_corpus_dir().join("articles.jsonl"),
        dir.path().join("articles.jsonl"),
    )
    .unwrap();
    let run = run(&["eval", "--corpus", dir.path().to_str().unwrap()]);
    assert_code(&run, 1);
    assert!(run.stderr.contains("gold.jsonl"), "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
}

// ------------------------------------------------------------------ usage and missing store

#[test]
fn usage_errors_exit_2() {
    let cases: &[&[&str]] = &[
        &[],
        &["frobnicate"],
        &["ingest"],
        &["search"],
        &["show"],
        &["claims"],
        &["export", "--format", "xml"],
        &["entities", "--type", "PERSON"],
        &["entities", "--top", "beaucoup"],
        &["--color", "sometimes", "stats"],
        &["stats", "--verbose"],
        &["eval"],
    ];
    for args in cases {
        let run = run(args);
        assert_eq!(run.code, Some(2), "recoupe {args:?}: {run:?}");
        assert!(
            run.stderr.starts_with("error:") || run.stderr.contains("Usage:"),
            "recoupe {args:?}: {run:?}"
        );
        assert!(run.stdout.is_empty(), "recoupe {args:?}: {run:?}");
    }
}

#[test]
fn read_commands_on_a_missing_store_say_what_to_do() {
    let dir = temp_dir();
    let db = dir.path().join("absent.db");
    let cases: &[&[&str]] = &[
        &["search", "Liège"],
        &["show", "abcd"],
        &["stats"],
        &["export", "--format", "csv"],
        &["entities"],
        &["entity", "Liège"],
        &["claims", "--speaker", "Liège"],
    ];
    for args in cases {
        let run = run_db(&db, args);
        assert_eq!(run.code, Some(1), "recoupe {args:?}: {run:?}");
        assert!(
            run.stderr.contains("absent.db")
                && run.stderr.contains("recoupe ingest")
                && run.stderr.contains("recoupe demo"),
            "recoupe {args:?}: {run:?}"
        );
        assert!(!db.exists(), "recoupe {args:?} created the store");
    }
}

#[test]
fn store_path_from_the_environment() {
    let mut command = recoupe();
    command
        .env("RECOUPE_DB", demo_store())
        .args(["stats", "--json"]);
    let run = run_with(command, None);
    assert_code(&run, 0);
    assert_eq!(
        u64_field(&run.json(), "documents"),
        demo_article_count() as u64
    );
}

#[test]
fn closed_stdout_pipe_stops_quietly() {
    let mut child = recoupe()
        .arg("--db")
        .arg(demo_store())
        .args(["export", "--format", "jsonl"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawning recoupe");
    // Read a little, then hang up, like `head`: the export (~200 kB) is larger than a
    // pipe buffer, so the binary is still writing when the pipe closes.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!stderr.contains("Broken pipe"), "stderr: {stderr}");
    // Either a clean exit or death by SIGPIPE, as `cat` or `grep` would.
    assert!(
        status.success() || status.code().is_none(),
        "exit {status:?}, stderr: {stderr}"
    );
}

// ------------------------------------------------------------------ edge cases

#[test]
fn search_accepts_any_query_syntax() {
    // FTS5 operators and stray quotes are the user's words, never a store error.
    for query in [
        "\"Deir ez",
        "NEAR(",
        "*",
        "AND",
        "-",
        "a OR",
        "^",
        ":",
        "\"\"",
        "",
    ] {
        // Found (0), nothing found (4), or nothing to search for (2, with the reason).
        let run = run_db(demo_store(), &["search", query]);
        assert!(
            matches!(run.code, Some(0) | Some(4))
                || (run.code == Some(2) && run.stderr.contains("the query")),
            "search {query:?}: {run:?}"
        );
    }
    let elided = run_db(demo_store(), &["search", "l'armée"]);
    assert_code(&elided, 0);
}

#[test]
fn show_of_an_ambiguous_prefix_lists_the_candidates() {
    let mut ids: Vec<String> = exported_documents(demo_store())
        .iter()
        .map(|d| str_field(d, "id").to_string())
        .collect();
    ids.sort();
    // Two ids sharing their first character: their common prefix is ambiguous.
    let pair = ids
        .windows(2)
        .find(|w| w[0].as_bytes()[0] == w[1].as_bytes()[0])
        .expect("two demo ids share a first character");
    let common = pair[0]
        .bytes()
        .zip(pair[1].bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let prefix = &pair[0][..common];
    let run = run_db(demo_store(), &["show", prefix]);
    assert_code(&run, 1);
    assert!(run.stderr.contains("ambiguous"), "{run:?}");
    assert!(
        run.stderr.contains(&pair[0]) && run.stderr.contains(&pair[1]),
        "{run:?}"
    );
}

#[test]
fn show_explain_prints_the_evidence() {
    let doc = inbox_document("crue-meuse.html");
    let id = &str_field(&doc, "id")[..8];
    let plain = run_db(inbox_db(), &["show", id]);
    let explained = run_db(inbox_db(), &["show", "--explain", id]);
    assert_code(&explained, 0);
    assert!(explained.stdout.contains("by entities/"), "{explained:?}");
    assert!(explained.stdout.len() > plain.stdout.len());
}

#[test]
fn extract_of_empty_input_is_a_reported_failure() {
    let run = run_stdin(&["extract"], b"");
    assert_code(&run, 3);
    assert!(run.stdout.is_empty(), "{run:?}");
    assert!(run.stderr.contains("no text"), "{run:?}");
}

#[test]
fn unwritable_paths_are_errors_naming_them() {
    let dir = temp_dir();
    let nowhere = dir.path().join("no-such-dir");

    let export_to = nowhere.join("corpus.csv");
    let run = run_db(
        demo_store(),
        &[
            "export",
            "--format",
            "csv",
            "-o",
            export_to.to_str().unwrap(),
        ],
    );
    assert_code(&run, 1);
    assert!(run.stderr.contains("corpus.csv"), "{run:?}");

    let db = nowhere.join("store.db");
    let run = run_db(&db, &["demo"]);
    assert_code(&run, 1);
    assert!(run.stderr.contains("store.db"), "{run:?}");
}

#[test]
fn entity_of_a_place_lists_its_coordinates() {
    let places = run_db(demo_store(), &["entities", "--type", "LOC", "--json"]).json();
    let located = places["entities"]
        .as_array()
        .expect("array")
        .iter()
        .find_map(|e| {
            let detail = run_db(demo_store(), &["entity", str_field(e, "key"), "--json"]).json();
            let has_coordinates = detail["places"]
                .as_array()
                .is_some_and(|p| p.iter().any(|p| p["lat"].is_number()));
            has_coordinates.then_some(detail)
        })
        .expect("a geocoded place in the demo corpus");
    for place in located["places"].as_array().unwrap() {
        if let (Some(lat), Some(lon)) = (place["lat"].as_f64(), place["lon"].as_f64()) {
            assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
        }
    }
    let text = run_db(demo_store(), &["entity", str_field(&located, "key")]);
    assert_code(&text, 0);
    assert!(text.stdout.contains("lat"), "{text:?}");
}

#[test]
fn ingest_counts_duplicates_within_one_run() {
    let dir = temp_dir();
    let db = dir.path().join("store.db");
    let feed = inbox_file("fil-afrique.xml").display().to_string();
    // Small batches so that the repeated items land in different store transactions too.
    let run = run_db(
        &db,
        &["ingest", "--json", "--batch", "1", &feed, &feed, &feed],
    );
    assert_code(&run, 0);
    let summary = run.json();
    assert_eq!(u64_field(&summary, "ingested"), 2, "{summary}");
    assert_eq!(u64_field(&summary, "duplicates"), 4, "{summary}");
    assert_eq!(u64_field(&summary, "failed"), 0, "{summary}");
}

#[test]
fn zero_limits_do_not_claim_that_nothing_matches() {
    // `armee` matches a demo document; a zero limit must not report "no document matches".
    // Either reject the value (usage error) or treat it as "no limit".
    let search = run_db(demo_store(), &["search", "armee", "--limit", "0"]);
    assert!(
        search.code == Some(2) || (search.code == Some(0) && search.stdout.contains("[armée]")),
        "{search:?}"
    );
    let entities = run_db(demo_store(), &["entities", "--top", "0", "--json"]);
    assert!(
        entities.code == Some(2)
            || (entities.code == Some(0)
                && entities.json().as_array().is_some_and(|l| !l.is_empty())),
        "{entities:?}"
    );
}

#[test]
fn french_only_layers_are_not_produced_for_other_languages() {
    let english = b"The city council of Springfield approved a new budget on Monday evening. \
The mayor said the vote was a relief for residents, while the opposition criticised the cuts \
to public libraries and swimming pools.\n";
    let dir = temp_dir();
    let db = dir.path().join("store.db");
    let mut command = recoupe();
    command.arg("--db").arg(&db).args(["ingest", "--json", "-"]);
    let run = run_with(command, Some(english));
    assert_code(&run, 0);

    let doc = &exported_documents(&db)[0];
    assert_eq!(doc["meta"]["language"]["code"], "en");
    let produced = produced(doc);
    assert!(produced.contains("sentences"), "{produced:?}");
    for french_only in ["entities", "dates", "attributions", "unsourced"] {
        assert!(
            !produced.contains(french_only),
            "{french_only} in {produced:?}"
        );
    }
    let shown = run_db(&db, &["show", &str_field(doc, "id")[..8]]);
    assert_code(&shown, 0);
    assert!(!shown.stdout.contains("Attributions"), "{shown:?}");
    assert!(shown.stdout.contains("Springfield"), "{shown:?}");
}
