//! Issue 10, "A new user's first hour": set-up and help, answers a reader can trust, clean
//! inputs. Each test runs the binary as a user would (a separate process, a temporary store).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
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

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|err| panic!("stdout is not JSON ({err}): {self:?}"))
    }
}

fn recoupe() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_recoupe"));
    command
        .env_remove("RECOUPE_DB")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    command
}

fn run_command(mut command: Command) -> Run {
    let output = command.output().expect("running recoupe");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn run(args: &[&str]) -> Run {
    let mut command = recoupe();
    command.args(args);
    run_command(command)
}

fn run_db(db: &Path, args: &[&str]) -> Run {
    let mut command = recoupe();
    command.arg("--db").arg(db).args(args);
    run_command(command)
}

fn assert_code(run: &Run, code: i32) {
    assert_eq!(run.code, Some(code), "{run:?}");
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("recoupe-issue10-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("temporary directory")
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The demo store, built once per test binary (kept for the run's lifetime).
fn demo_db() -> &'static Path {
    static DB: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DB.get_or_init(|| {
        let dir = temp_dir();
        let db = dir.path().join("demo.db");
        assert_code(&run_db(&db, &["--no-progress", "demo"]), 0);
        (dir, db)
    })
    .1
}

// ------------------------------------------------------------------ set-up and help

#[test]
fn issue10_try_next_lines_are_runnable_as_printed() {
    let dir = temp_dir();
    let db = dir.path().join("r.db");
    let demo = run_db(&db, &["--no-progress", "demo"]);
    assert_code(&demo, 0);
    let lines: Vec<&str> = demo
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Try next:"))
        .skip(1)
        .map(str::trim)
        .filter(|l| l.contains("--db"))
        .collect();
    assert!(lines.len() >= 3, "{demo:?}");
    for line in lines {
        let program = line.split_whitespace().next().unwrap();
        // Either `recoupe` is this binary on PATH, or the printed path runs it.
        if program != "recoupe" {
            let path = Path::new(program);
            assert!(path.is_file(), "{program} is not a file: {demo:?}");
        }
    }
    assert!(
        demo.stdout.contains("cargo install --path crates/recoupe")
            || !demo.stdout.contains("target/"),
        "{demo:?}"
    );
    let readme = std::fs::read_to_string(manifest_dir().join("../../README.md")).unwrap();
    assert!(readme.contains("cargo install --path crates/recoupe"));
    assert!(readme.contains("articles.jsonl") && readme.contains("gold.jsonl"));
}

#[test]
fn issue10_exit_codes_are_the_same_in_help_and_readme() {
    let help = run(&["--help"]);
    assert_code(&help, 0);
    // Help lines may be wrapped: a line not starting with a code continues the previous one.
    let mut from_help: Vec<(String, String)> = Vec::new();
    for line in help
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Exit codes:"))
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        match line.split_once("  ") {
            Some((code, meaning)) if code.parse::<u8>().is_ok() => {
                from_help.push((code.to_string(), meaning.trim().to_string()))
            }
            _ => {
                let last = from_help.last_mut().expect("a code first");
                last.1.push(' ');
                last.1.push_str(line);
            }
        }
    }
    let readme = std::fs::read_to_string(manifest_dir().join("../../README.md")).unwrap();
    let from_readme: Vec<(String, String)> = readme
        .lines()
        .skip_while(|l| !l.starts_with("### Exit codes"))
        .skip_while(|l| !l.starts_with("| code"))
        .skip(2)
        .take_while(|l| l.starts_with("| "))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").collect();
            (cells[0].trim().to_string(), cells[1].trim().to_string())
        })
        .collect();
    assert_eq!(from_help.len(), 5, "{help:?}");
    assert_eq!(from_help, from_readme);
}

#[test]
fn issue10_db_is_not_offered_where_it_is_ignored() {
    let dir = temp_dir();
    let db = dir.path().join("x.db");
    let db = db.to_str().unwrap();
    for args in [
        vec!["eval", "--db", db, "--corpus", "demo"],
        vec!["extract", "--db", db],
    ] {
        assert_code(&run(&args), 2);
    }
    let before = run(&["--db", db, "eval", "--corpus", "demo"]);
    assert_code(&before, 2);
    assert!(before.stderr.contains("--db"), "{before:?}");
    for command in ["eval", "extract"] {
        let help = run(&[command, "--help"]);
        assert!(!help.stdout.contains("--db"), "{help:?}");
    }
    // Store commands take it before or after their name.
    let after = run(&["stats", "--db", db]);
    assert_code(&after, 1);
    assert!(after.stderr.contains("no store at"), "{after:?}");
}

#[test]
fn issue10_without_lists_the_layer_names() {
    let help = run(&["extract", "--help"]);
    for layer in [
        "sentences",
        "tokens",
        "entities",
        "places",
        "dates",
        "quantities",
        "attributions",
        "unsourced",
    ] {
        assert!(help.stdout.contains(layer), "{layer}: {help:?}");
    }
}

#[test]
fn issue10_every_subcommand_documents_its_arguments() {
    let help = run(&["search", "--help"]);
    for needle in [
        "QUERY", "OR", "NOT", "-word", "prefix", "--outlet", "--from", "--to", "--entity", "--lang",
    ] {
        assert!(help.stdout.contains(needle), "{needle}: {help:?}");
    }
    for (command, needle) in [
        ("show", "DOC"),
        ("entity", "NAME"),
        ("claims", "--speaker"),
        ("claims", "--via"),
        ("eval", "--corpus"),
        ("stats", "--json"),
    ] {
        let help = run(&[command, "--help"]);
        let line = help
            .stdout
            .lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{command}: no {needle}"));
        // The argument is followed by its description (same line or the next).
        let described = help.stdout.lines().skip(line).take(2).any(|l| {
            l.trim_start()
                .trim_start_matches(needle)
                .split_whitespace()
                .count()
                >= 2
        });
        assert!(described, "{command} {needle}: {help:?}");
    }
}

// ------------------------------------------------------------------ search

#[test]
fn issue10_search_syntax_counts_and_usage_errors() {
    let db = demo_db();
    let total = |query: &str| -> u64 {
        let run = run_db(db, &["search", query, "--json", "--limit", "50"]);
        if run.code == Some(4) {
            return 0;
        }
        assert_code(&run, 0);
        run.json()["total"].as_u64().unwrap()
    };
    let osdh = total("OSDH");
    assert!(osdh >= 1);
    assert_eq!(
        total("OSDH:"),
        osdh,
        "punctuation must not change the search"
    );
    let hachd = total("Hachd");
    let either = total("OSDH OR Hachd");
    assert!(either >= osdh.max(hachd), "OR: {either}");
    let both = total("OSDH Hachd");
    assert!(both <= osdh.min(hachd));
    assert_eq!(total("Hachd -OSDH"), hachd - both);
    assert_eq!(total("Hachd NOT OSDH"), hachd - both);
    // `-word` first is a query, not an option; alone it is a usage error.
    let only_minus = run_db(db, &["search", "-Daech"]);
    assert_code(&only_minus, 2);
    assert!(only_minus.stderr.contains("leave out"), "{only_minus:?}");
    assert_code(&run_db(db, &["search", ""]), 2);
    assert_code(&run_db(db, &["search", "  \" "]), 2);
    // The number of hits is printed.
    let text = run_db(db, &["search", "Hachd", "--limit", "1"]);
    assert_code(&text, 0);
    assert!(
        text.stdout.starts_with(&format!("{hachd} document")),
        "{text:?}"
    );
    assert!(!text.stdout.contains("(untitled)"), "{text:?}");
}

#[test]
fn issue10_search_filters_by_outlet_dates_entity_and_language() {
    let db = demo_db();
    let hits = |args: &[&str]| -> Vec<Value> {
        let mut all = vec!["search", "le", "--json", "--limit", "50"];
        all.extend_from_slice(args);
        let run = run_db(db, &all);
        if run.code == Some(4) {
            return Vec::new();
        }
        assert_code(&run, 0);
        run.json()["hits"].as_array().unwrap().clone()
    };
    let all = hits(&[]);
    assert!(all.len() >= 5);
    let outlet = hits(&["--outlet", "courrier-du-levant"]);
    assert!(!outlet.is_empty() && outlet.len() < all.len());
    assert!(outlet.iter().all(|h| h["outlet"] == "courrier-du-levant"));
    let dated = hits(&["--from", "2019-01-01", "--to", "2019-12-31"]);
    assert!(dated.len() < all.len());
    assert!(dated
        .iter()
        .all(|h| h["published"].as_str().unwrap().starts_with("2019")));
    let entity = hits(&["--entity", "Hachd al-Chaabi"]);
    assert!(!entity.is_empty() && entity.len() < all.len());
    assert!(hits(&["--lang", "en"]).is_empty());
    assert_eq!(hits(&["--lang", "fr"]).len(), all.len());
    let unknown = run_db(db, &["search", "le", "--entity", "hachd al chabi"]);
    assert_code(&unknown, 4);
    assert!(unknown.stderr.contains("Hachd al-Chaabi"), "{unknown:?}");
    assert_code(&run_db(db, &["search", "le", "--from", "05/03/2024"]), 2);
}

// ------------------------------------------------------------------ answers

#[test]
fn issue10_no_listing_shows_untitled_for_a_corpus_article() {
    let db = demo_db();
    for args in [
        vec!["search", "frontière"],
        vec!["entity", "Hachd al-Chaabi"],
        vec!["claims", "--speaker", "Hussein Qassem"],
    ] {
        let run = run_db(db, &args);
        assert_code(&run, 0);
        assert!(!run.stdout.contains("(untitled)"), "{args:?}: {run:?}");
    }
    let search = run_db(db, &["search", "renforts", "--json"]).json();
    let first = &search["hits"][0];
    let show = run_db(db, &["show", first["id"].as_str().unwrap()]);
    assert_code(&show, 0);
    assert!(
        show.stdout
            .starts_with("Les Hachd al-Chaabi envoient des renforts vers la frontière syrienne\n"),
        "{show:?}"
    );
}

#[test]
fn issue10_claims_show_resolved_speaker_cue_polarity_relays_outlet_and_date() {
    let db = demo_db();
    let run = run_db(db, &["claims", "--speaker", "Hussein Qassem"]);
    assert_code(&run, 0);
    // "a-t-il déclaré": the pronoun is resolved to the speaker's name.
    assert!(run.stdout.contains("Hussein Qassem"), "{run:?}");
    assert!(run.stdout.contains("cue “"), "{run:?}");
    assert!(run.stdout.contains("courrier-du-levant"), "{run:?}");
    assert!(run.stdout.contains("2019-01-20"), "{run:?}");
    let json = run_db(db, &["claims", "--speaker", "Hussein Qassem", "--json"]).json();
    let statements = json["statements"].as_array().unwrap();
    assert_eq!(json["total"].as_u64().unwrap() as usize, statements.len());
    for s in statements {
        assert!(s["polarity"].is_string() && s["cue"].is_string(), "{s}");
        assert_eq!(s["outlet"], "courrier-du-levant");
    }
    // Relays are named, not keyed, in every listing.
    let all = run_db(db, &["claims", "--via", "Press TV"]);
    assert_code(&all, 0);
    assert!(all.stdout.contains("via Press TV"), "{all:?}");
    assert!(!all.stdout.contains("via actors:"), "{all:?}");
}

#[test]
fn issue10_denials_never_read_as_assertions() {
    let db = demo_db();
    let export = run_db(db, &["export"]);
    let mut denied = 0;
    for line in export.stdout.lines() {
        let doc: Value = serde_json::from_str(line).unwrap();
        let id = doc["id"].as_str().unwrap();
        let attributions = doc["layers"]["attributions"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if attributions.iter().any(|a| a["polarity"] == "deny") {
            denied += 1;
            let show = run_db(db, &["show", id]);
            assert!(show.stdout.contains("DENIES →"), "{show:?}");
        }
    }
    assert!(
        denied >= 1,
        "the demo has denials (\"a démenti\", \"a nié\")"
    );
}

#[test]
fn issue10_claims_match_acronyms_and_count_what_is_left_out() {
    let dir = temp_dir();
    let jsonl = dir.path().join("acronyms.jsonl");
    let articles = [
        serde_json::json!({"id": "a1", "outlet": "la-gazette", "published": "2024-03-05",
            "text": "Réunion à Lyon\nLe Conseil national des coordinations locales (CNCL) a annoncé mardi la tenue d'une réunion à Lyon. Selon le CNCL, plus de 300 délégués sont attendus."}),
        serde_json::json!({"id": "a2", "outlet": "le-courrier", "published": "2024-03-06",
            "text": "Réunion reportée\nLe CNCL a affirmé mercredi que la réunion de Lyon était reportée."}),
    ];
    std::fs::write(
        &jsonl,
        articles
            .iter()
            .map(|a| a.to_string() + "\n")
            .collect::<String>(),
    )
    .unwrap();
    let db = dir.path().join("s.db");
    let mut command = recoupe();
    command
        .arg("--db")
        .arg(&db)
        .args(["--no-progress", "ingest"])
        .arg(&jsonl);
    assert_code(&run_command(command), 0);
    // The long form finds what was said under the acronym in another article (merge).
    let long = run_db(
        &db,
        &[
            "claims",
            "--speaker",
            "Conseil national des coordinations locales",
            "--json",
        ],
    )
    .json();
    let docs: Vec<&str> = long["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["outlet"].as_str().unwrap())
        .collect();
    assert!(docs.contains(&"le-courrier"), "{long}");
    let total = long["total"].as_u64().unwrap();
    assert!(total >= 2, "{long}");
    let one = run_db(
        &db,
        &[
            "claims",
            "--speaker",
            "Conseil national des coordinations locales",
            "--limit",
            "1",
        ],
    );
    assert_code(&one, 0);
    assert!(
        one.stdout
            .contains(&format!("{} more not shown", total - 1)),
        "{one:?}"
    );
    assert_code(&run_db(&db, &["claims", "--speaker", "Marc Dufour"]), 4);
    assert_code(&run(&["claims"]), 2);
}

#[test]
fn issue10_entities_count_left_out_accept_any_case_and_suggest() {
    let db = demo_db();
    let listing = run_db(db, &["entities", "--type", "org", "--top", "2"]);
    assert_code(&listing, 0);
    assert!(listing.stdout.contains("more entit"), "{listing:?}");
    assert!(
        listing.stdout.starts_with("type"),
        "labelled columns: {listing:?}"
    );
    let json = run_db(db, &["entities", "--type", "Org", "--top", "2", "--json"]).json();
    assert!(json["total"].as_u64().unwrap() > 2);
    assert_eq!(json["entities"].as_array().unwrap().len(), 2);
    assert_code(&run_db(db, &["entities", "--type", "company"]), 2);
    let missing = run_db(db, &["entity", "hachd"]);
    assert_code(&missing, 4);
    assert!(
        missing.stderr.contains("did you mean") && missing.stderr.contains("Hachd al-Chaabi"),
        "{missing:?}"
    );
    let entity = run_db(db, &["entity", "Hachd al-Chaabi", "--limit", "1"]);
    assert_code(&entity, 0);
    assert!(
        entity.stdout.contains("headline"),
        "labelled columns: {entity:?}"
    );
}

// ------------------------------------------------------------------ clean inputs

fn ingest(db: &Path, paths: &[&Path], extra: &[&str]) -> Run {
    let mut command = recoupe();
    command
        .arg("--db")
        .arg(db)
        .args(["--no-progress", "ingest", "--no-cluster"])
        .args(extra)
        .args(paths);
    run_command(command)
}

const FRENCH: &str = "Le ministère de la Défense a annoncé mardi que trois soldats avaient été blessés lors d'une attaque près de la frontière. Selon un porte-parole, les assaillants ont pris la fuite.";

#[test]
fn issue10_binary_content_is_refused_naming_the_file() {
    let dir = temp_dir();
    let image = dir.path().join("photo.html");
    std::fs::write(&image, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0").unwrap();
    let text = dir.path().join("ok.txt");
    std::fs::write(&text, FRENCH).unwrap();
    let db = dir.path().join("s.db");
    let run = ingest(&db, &[&image, &text], &["--json"]);
    assert_code(&run, 3);
    let summary = run.json();
    assert_eq!(summary["ingested"], 1);
    let failure = summary["failures"][0].as_str().unwrap();
    assert!(
        failure.contains("photo.html") && failure.contains("PNG"),
        "{failure}"
    );
}

#[test]
fn issue10_bom_stripped_from_the_first_jsonl_record_and_texts() {
    let dir = temp_dir();
    let jsonl = dir.path().join("a.jsonl");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        serde_json::json!({"id": "bom-1", "text": FRENCH})
            .to_string()
            .as_bytes(),
    );
    bytes.push(b'\n');
    bytes.extend_from_slice(
        serde_json::json!({"id": "bom-2", "text": format!("{FRENCH} Deuxième.")})
            .to_string()
            .as_bytes(),
    );
    std::fs::write(&jsonl, bytes).unwrap();
    let text = dir.path().join("b.txt");
    std::fs::write(
        &text,
        format!("\u{feff}---\ntitle: Titre\n---\n{FRENCH} Troisième."),
    )
    .unwrap();
    let db = dir.path().join("s.db");
    let run = ingest(&db, &[&jsonl, &text], &["--json"]);
    assert_code(&run, 0);
    assert_eq!(run.json()["ingested"], 3, "{run:?}");
    let show = run_db(&db, &["show", "bom-1", "--json"]).json();
    assert!(show["text"].as_str().unwrap().starts_with("Le ministère"));
    let titled = run_db(&db, &["search", "Troisième", "--json"]).json();
    assert_eq!(titled["hits"][0]["title"], "Titre");
}

#[test]
fn issue10_bad_published_keeps_the_article_with_a_warning() {
    let dir = temp_dir();
    let jsonl = dir.path().join("dates.jsonl");
    let lines = [
        serde_json::json!({"id": "d1", "published": "05/03/2024", "text": FRENCH}),
        serde_json::json!({"id": "d2", "published": "hier soir", "text": format!("{FRENCH} Encore.")}),
    ];
    std::fs::write(
        &jsonl,
        lines
            .iter()
            .map(|l| l.to_string() + "\n")
            .collect::<String>(),
    )
    .unwrap();
    let db = dir.path().join("s.db");
    let run = ingest(&db, &[&jsonl], &[]);
    assert_code(&run, 0);
    assert!(
        run.stderr.contains("dates.jsonl:2") && run.stderr.contains("hier soir"),
        "{run:?}"
    );
    let d1 = run_db(&db, &["show", "d1", "--json"]).json();
    assert_eq!(d1["meta"]["published"]["date"], "2024-03-05");
    let d2 = run_db(&db, &["show", "d2", "--json"]).json();
    assert!(d2["meta"]["published"].is_null(), "{d2}");
}

#[test]
fn issue10_truncated_feed_keeps_complete_items() {
    let dir = temp_dir();
    let feed = dir.path().join("flux.xml");
    let item = |n: usize| {
        format!(
            "<item><title>Dépêche {n}</title><link>https://ex.org/{n}</link>\
             <description>{FRENCH} Numéro {n}.</description></item>"
        )
    };
    let full = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Le Flux</title>{}{}{}</channel></rss>",
        item(1),
        item(2),
        item(3)
    );
    let cut = full.find("Numéro 3").unwrap();
    std::fs::write(&feed, &full[..cut]).unwrap();
    let db = dir.path().join("s.db");
    let run = ingest(&db, &[&feed], &["--json"]);
    assert_eq!(run.json()["ingested"], 2, "{run:?}");
    assert!(
        run.stderr.contains("flux.xml") && run.stderr.contains("breaks after byte"),
        "{run:?}"
    );
}

#[test]
fn issue10_language_overrides_and_short_french() {
    let dir = temp_dir();
    let short = dir.path().join("court.txt");
    std::fs::write(&short, "Le président est arrivé à Paris.").unwrap();
    let english = dir.path().join("en.txt");
    std::fs::write(
        &english,
        "The president arrived in Paris on Tuesday for talks with his counterpart.",
    )
    .unwrap();
    let front = dir.path().join("front.txt");
    std::fs::write(
        &front,
        "---\nlanguage: fr\n---\nOK Paris Bruxelles Genève Montréal Dakar.",
    )
    .unwrap();
    let db = dir.path().join("s.db");
    let run = ingest(&db, &[&short, &english, &front], &[]);
    assert_code(&run, 0);
    assert!(
        run.stdout.contains("not in French: 1 document (en 1)"),
        "{run:?}"
    );
    let stats = run_db(&db, &["stats", "--json"]).json();
    let languages = stats["by_language"].to_string();
    assert!(
        languages.contains("{\"count\":2,\"value\":\"fr\"}")
            || languages.contains("\"value\":\"fr\",\"count\":2"),
        "{languages}"
    );
    let forced = dir.path().join("forced.db");
    let run = ingest(&forced, &[&english], &["--lang", "fr", "--json"]);
    assert_code(&run, 0);
    assert!(
        run.json()["not_french"].as_object().unwrap().is_empty(),
        "{run:?}"
    );
}

#[test]
fn issue10_directory_walks_report_what_they_skip() {
    let dir = temp_dir();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(inbox.join(".git")).unwrap();
    std::fs::write(inbox.join(".git/a.txt"), FRENCH).unwrap();
    std::fs::write(inbox.join("notes.md"), FRENCH).unwrap();
    std::fs::write(inbox.join("article.txt"), FRENCH).unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let db = dir.path().join("s.db");
    let run = ingest(&db, &[&inbox, &empty], &[]);
    assert_code(&run, 0);
    assert!(
        run.stderr.contains(".git") && run.stderr.contains("hidden"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("notes.md") && run.stderr.contains("unknown extension"),
        "{run:?}"
    );
    assert!(
        run.stderr.contains("empty") && run.stderr.contains("no file to read"),
        "{run:?}"
    );
}

#[test]
fn issue10_store_in_a_missing_folder_is_one_clear_sentence() {
    let dir = temp_dir();
    let text = dir.path().join("a.txt");
    std::fs::write(&text, FRENCH).unwrap();
    let db = dir.path().join("no/such/folder/s.db");
    let run = ingest(&db, &[&text], &[]);
    assert_code(&run, 1);
    assert!(
        run.stderr.contains("does not exist") && run.stderr.contains("mkdir -p"),
        "{run:?}"
    );
    assert_eq!(run.stderr.trim().lines().count(), 1, "{run:?}");
}

#[test]
fn issue13_show_names_the_words_an_inferred_publication_date_was_read_from() {
    let dir = temp_dir();
    let jsonl = dir.path().join("undated.jsonl");
    let text =
        "Le conseil municipal de Nantes a voté ce jeudi 14 mars 2024 le budget de la ville, \
                a annoncé la mairie.";
    std::fs::write(
        &jsonl,
        serde_json::json!({"id": "undated-1", "text": text}).to_string() + "\n",
    )
    .unwrap();
    let db = dir.path().join("s.db");
    assert_code(&ingest(&db, &[&jsonl], &[]), 0);
    let show = run_db(&db, &["show", "undated-1"]);
    assert_code(&show, 0);
    let line = show
        .stdout
        .lines()
        .find(|l| l.starts_with("published:"))
        .unwrap_or_else(|| panic!("no published line: {show:?}"));
    assert!(
        line.contains("2024-03-14")
            && line.contains("inferred from the text: \"")
            && line.contains("14 mars 2024"),
        "{line}"
    );
}
