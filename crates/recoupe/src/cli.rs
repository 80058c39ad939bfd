//! Command-line interface definition (clap). Every subcommand documents itself with `--help`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "recoupe",
    version,
    about = "Read French news reports and build a sourced, cross-checked knowledge base.",
    long_about = "recoupe reads news reports (French first) and records who is involved, where, when, \
what happened, who claims it and on whose authority, with every annotation tied to a byte span of \
the original text.",
    after_help = exit_codes_help()
)]
pub struct Cli {
    /// SQLite database file of the store, for the commands that use one (also accepted
    /// after the command name; default `recoupe.db`, or $RECOUPE_DB).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// When to colour terminal output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Do not draw progress bars (they are drawn on stderr only when it is a terminal).
    #[arg(long, global = true)]
    pub no_progress: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// Exit codes of every command: one list, printed by `recoupe --help` and copied in the
/// README (a test checks that both say the same).
pub const EXIT_CODES: &[(u8, &str)] = &[
    (0, "success"),
    (
        1,
        "error (I/O, store, bad configuration); the message names the file and what to do",
    ),
    (
        2,
        "usage error (unknown option, missing argument, empty search query, an option the command does not use)",
    ),
    (
        3,
        "finished, but some inputs failed (`ingest`, `extract`); each failure was printed with its file, record and reason",
    ),
    (
        4,
        "nothing found (`show`, `entity`, `claims`, `search`, `entities`, `stories`, `story`, `facts`, `events`; `unmerge` of a key that is not merged)",
    ),
];

/// The "Exit codes" section of `recoupe --help`.
pub fn exit_codes_help() -> String {
    let mut text = String::from("Exit codes:\n");
    for (code, meaning) in EXIT_CODES {
        text.push_str(&format!("  {code}  {meaning}\n"));
    }
    text
}

/// The store file of a command that reads or writes one.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArg {
    /// SQLite database file of the store [default: recoupe.db].
    #[arg(long, env = "RECOUPE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
}

/// Print JSON instead of text (for scripts).
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct JsonArg {
    /// Print the result as JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Layer names accepted by `extract --without`.
fn layer_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(recoupe_model::Layer::ALL.map(|l| l.name()))
}

/// `--type` of `entities`: any case accepted, upper-cased.
fn entity_type(value: &str) -> Result<String, String> {
    let upper = value.trim().to_ascii_uppercase();
    match upper.as_str() {
        "PER" | "ORG" | "LOC" | "MISC" => Ok(upper),
        _ => Err(format!(
            "`{value}` is not an entity type (PER, ORG, LOC or MISC, any case)"
        )),
    }
}

/// A language code: ISO 639-1 (`fr`) or 639-3 (`fra`), a region allowed (`fr-CA`).
fn lang_code(value: &str) -> Result<String, String> {
    let code = value.trim();
    let primary = code.split(['-', '_']).next().unwrap_or_default();
    if (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(code.to_ascii_lowercase())
    } else {
        Err(format!(
            "`{value}` is not a language code (ISO 639-1, e.g. `fr`)"
        ))
    }
}

/// A day, `YYYY-MM-DD`.
fn day(value: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{value}` is not a day (expected YYYY-MM-DD)"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Options of `serve` and `demo --serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on (IP:PORT); a non-loopback address needs --token.
    #[arg(long, default_value = "127.0.0.1:8787")]
    pub addr: std::net::SocketAddr,
    /// Access token required on every request (at least 16 characters).
    #[arg(long, env = "RECOUPE_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Allow requests that change the store (ingest, undoing a merge).
    #[arg(long)]
    pub allow_ingest: bool,
    /// Largest request body accepted, in MiB.
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub max_body_mib: u64,
    /// Longest a request may take, in seconds.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout_secs: u64,
    /// Request logs as JSON lines (default: compact text); RUST_LOG filters them.
    #[arg(long)]
    pub log_json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Parquet,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read files, directories, globs or `-` (stdin), run the pipeline and store the documents.
    ///
    /// Formats: .txt (with optional sibling .json or front matter), .html, RSS/Atom feeds,
    /// WARC (.warc, .warc.gz), JSONL in the corpus format. Re-ingesting the same text is a
    /// no-op reported as a duplicate; a bad file is reported and the batch goes on.
    /// Example: recoupe ingest articles/ feeds/*.xml crawl.warc.gz
    Ingest {
        /// Files, directories (walked recursively), glob patterns, or `-` for stdin.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<String>,
        /// Documents per store transaction.
        #[arg(long, default_value_t = 256)]
        batch: usize,
        /// Do not run the cross-article entity clustering pass after storing
        /// (run it later with `recoupe merges --recluster`).
        #[arg(long)]
        no_cluster: bool,
        /// Take every document to be in this language (ISO 639-1, e.g. `fr`) instead of
        /// identifying it; a language declared by the source (JSONL `language`, front
        /// matter, sidecar) still wins.
        #[arg(long, value_name = "CODE", value_parser = lang_code)]
        lang: Option<String>,
        /// Do not update the cross-article layer (stories, copies, facts, events) while
        /// storing; the next ingest or `recoupe stories --update` adds the new documents.
        #[arg(long)]
        no_stories: bool,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Run the pipeline without a store and print one JSON document per line (docs/schema.md).
    ///
    /// With no PATH, reads stdin. Example: cat article.txt | recoupe extract > out.jsonl
    Extract {
        /// Inputs as for `ingest` (files, directories, globs); none or `-` reads stdin.
        #[arg(value_name = "PATH")]
        paths: Vec<String>,
        /// Leave these layers out of the output, comma-separated (e.g. `--without
        /// tokens,sentences`).
        #[arg(long, value_delimiter = ',', value_name = "LAYER", value_parser = layer_names())]
        without: Vec<String>,
        /// Take every document to be in this language (as `ingest --lang`).
        #[arg(long, value_name = "CODE", value_parser = lang_code)]
        lang: Option<String>,
    },
    /// Full-text search (accent- and case-insensitive), ranked, with snippets.
    ///
    /// Syntax: words are ANDed (`frappes Raqqa`); `OR` between two words or phrases
    /// matches either (`Daech OR EI`); `NOT word` or `-word` leaves out the documents
    /// with that word; "quoted words" match as a phrase; `word*` matches a prefix
    /// (`bombard*`). Punctuation is ignored (`OSDH:` is `OSDH`). Quote the whole query
    /// in the shell (`"frappes -Daech"`); unquoted, only its first word may start with `-`.
    /// Example: recoupe search "frappes Deir ez-Zor -Raqqa" --from 2024-03-01 --outlet "Le Monde"
    Search {
        /// Words to find (see the syntax above); it may start with `-` (`-Daech`).
        #[arg(allow_hyphen_values = true, value_name = "QUERY")]
        query: String,
        /// More words, joined to QUERY with spaces (`recoupe search Deir ez-Zor` is
        /// `recoupe search "Deir ez-Zor"`); one starting with `-` goes after `--`.
        #[arg(value_name = "WORDS")]
        words: Vec<String>,
        /// Number of hits to show (at least 1).
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
        limit: u64,
        /// Only documents of this outlet (as listed by `recoupe stats`).
        #[arg(long, value_name = "NAME")]
        outlet: Option<String>,
        /// Only documents published on or after this day (YYYY-MM-DD).
        #[arg(long, value_name = "DAY", value_parser = day)]
        from: Option<chrono::NaiveDate>,
        /// Only documents published on or before this day (YYYY-MM-DD).
        #[arg(long, value_name = "DAY", value_parser = day)]
        to: Option<chrono::NaiveDate>,
        /// Only documents mentioning this entity (a name or key, as for `recoupe entity`).
        #[arg(long, value_name = "NAME")]
        entity: Option<String>,
        /// Only documents in this language (ISO 639-1, e.g. `fr`).
        #[arg(long, value_name = "CODE", value_parser = lang_code)]
        lang: Option<String>,
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Show one document with its spans marked and its layers listed.
    ///
    /// Example: recoupe show 3fa2 --explain
    Show {
        /// The document: its id, a unique prefix of its id, or the source's own id.
        #[arg(value_name = "DOC")]
        doc: String,
        /// Print the evidence behind each entity and place decision.
        #[arg(long)]
        explain: bool,
        /// Print the stored JSON document instead.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Counts of documents, languages, outlets and annotations in the store.
    Stats {
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Export the store: JSONL (one document per line), CSV (one table) or Parquet (every table).
    ///
    /// Tables (columns in docs/schema.md): documents, mentions, places, attributions,
    /// stories, facts (one row per report), copies, events (ACLED-like columns).
    /// Examples: recoupe export --format csv --table mentions --output mentions.csv;
    /// recoupe export --format parquet --out tables/
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Output file (default stdout); for JSONL and CSV.
        #[arg(long, short, value_name = "FILE", conflicts_with = "out")]
        output: Option<PathBuf>,
        /// Table written by --format csv (default documents).
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(
            recoupe_app::tables::table_names()
        ))]
        table: Option<String>,
        /// Directory of the Parquet files (one <table>.parquet per table); required by
        /// --format parquet.
        #[arg(long, required_if_eq("format", "parquet"))]
        out: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Ingest the bundled demo corpus (a dozen French reports written for recoupe) and summarise it.
    ///
    /// With --serve, then serve it in the workbench (as `recoupe serve`) and print the URL.
    Demo {
        /// Serve the store after ingesting the demo.
        #[arg(long)]
        serve: bool,
        #[command(flatten)]
        server: ServeArgs,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Serve the workbench: web pages and a JSON API (/api/v1/, OpenAPI at /api/openapi.json)
    /// over the store.
    ///
    /// Binds 127.0.0.1:8787 by default. Any other address needs an access token (--token or
    /// RECOUPE_TOKEN), then required on every request. Read-only unless --allow-ingest.
    /// Stops on Ctrl-C or SIGTERM after the requests in flight. Example: recoupe serve --addr 127.0.0.1:9000
    Serve {
        #[command(flatten)]
        server: ServeArgs,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Score the pipeline against a gold corpus directory (articles.jsonl + gold.jsonl, see the
    /// corpus FORMAT.md and the README). Layers the pipeline does not produce yet are reported
    /// as "not produced". Reads and writes no store of yours: the cross-article layers go
    /// through a temporary SQLite store, deleted afterwards.
    ///
    /// Example: recoupe eval --corpus ../shared/corpus --json
    Eval {
        /// Directory of the gold corpus: articles.jsonl (one article per line, the JSONL
        /// input format) and gold.jsonl (the expected annotations), as described in the README.
        #[arg(long, value_name = "DIR")]
        corpus: PathBuf,
        /// Print the report as JSON (its shape is in the README).
        #[arg(long)]
        json: bool,
        /// Also list every disagreement with the gold (missed, spurious, wrong field), one
        /// per item; optionally only for these layers. In --json they are the "mismatches" array.
        #[arg(long, value_name = "LAYER", num_args = 0.., value_delimiter = ',',
              value_parser = ["entities", "places", "dates", "quantities", "attributions", "unsourced",
                              "stories", "copies", "facts", "disagreements", "sources", "events"])]
        mismatches: Option<Vec<String>>,
    },
    /// List entities in the store, most mentioned first.
    ///
    /// Example: recoupe entities --type org --top 20
    Entities {
        /// Only this type: PER, ORG, LOC or MISC (any case).
        #[arg(long = "type", value_name = "TYPE", value_parser = entity_type)]
        label: Option<String>,
        /// Number of entities to list (at least 1).
        #[arg(long, default_value_t = 25, value_parser = clap::value_parser!(u64).range(1..))]
        top: u64,
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        store: StoreArg,
    },
    /// One entity: aliases, articles, co-mentioned entities, places with coordinates.
    ///
    /// Example: recoupe entity "Deir ez-Zor"
    Entity {
        /// A name as written in an article or in the knowledge base (any case, accents
        /// optional), or an entity key (`actors:press-tv`).
        #[arg(value_name = "NAME")]
        name: String,
        /// Number of articles to list (at least 1).
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..))]
        limit: u64,
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        store: StoreArg,
    },
    /// What a speaker is reported to have said across the store, or what reached the
    /// articles through a relay (`--via`), newest first.
    ///
    /// Each statement shows its article (outlet, date, headline), the speaker as resolved
    /// and as written, the cue verb, its polarity (asserts, denies, confirms, declines to
    /// comment), the relays by name and whether it is hedged.
    /// Example: recoupe claims --speaker FDS ; recoupe claims --via "Press TV"
    #[command(group(clap::ArgGroup::new("who").required(true).multiple(true).args(["speaker", "via"])))]
    Claims {
        /// The speaker: a name or part of one ("Trump"), an alias or acronym ("FDS"), or an
        /// entity key; every spelling merged into the same entity counts.
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only statements that reached the article through this relay (an outlet or
        /// intermediary: "Press TV", "l'OSDH"); alone, every statement relayed by it.
        #[arg(long, value_name = "NAME")]
        via: Option<String>,
        /// Number of statements to show (at least 1); the rest are counted.
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..))]
        limit: u64,
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        store: StoreArg,
    },
    /// List the active cross-article entity merges with their rule and evidence.
    ///
    /// Merges are made after each ingest: an acronym and its long form, an unlinked name and
    /// the reference entity it is linked to elsewhere, spellings with and without Arabic
    /// articles. Example: recoupe merges --json
    Merges {
        /// Run the clustering pass first (it also runs after `ingest` and `demo`).
        #[arg(long)]
        recluster: bool,
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        store: StoreArg,
    },
    /// List stories: articles about one event, with their dates, outlets, independent
    /// sources and disagreements.
    ///
    /// A story is single-source when its articles reduce to one source once copies are
    /// collapsed; disagreeing when two reports of one of its facts cannot both hold.
    /// Example: recoupe stories --min-articles 2
    Stories {
        /// Only stories of at least this many articles.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..))]
        min_articles: u64,
        /// Only stories whose reports disagree.
        #[arg(long)]
        disagreeing: bool,
        /// Number of stories to list.
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..))]
        limit: u64,
        /// First add to the layer the stored documents it does not hold yet (stored with
        /// `ingest --no-stories` or by an older recoupe).
        #[arg(long)]
        update: bool,
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        store: StoreArg,
    },
    /// One story: its event record, articles, copies, facts and who says what.
    ///
    /// ID is a story id, a unique prefix, or any of its articles (as for `show`).
    /// Example: recoupe story 3fa2 --explain
    Story {
        /// Story id, a unique prefix of it, or the id of one of its articles.
        #[arg(value_name = "ID")]
        id: String,
        /// Show why each article belongs: similarity, shared entities, dates.
        #[arg(long)]
        explain: bool,
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Facts of stories: each figure with its values, their sources and outlets.
    ///
    /// Example: recoupe facts --disagreeing
    Facts {
        /// Only facts whose reports disagree.
        #[arg(long)]
        disagreeing: bool,
        /// Only the facts of this story (id, prefix or one of its articles).
        #[arg(long)]
        story: Option<String>,
        /// Number of facts to list.
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..))]
        limit: u64,
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Event records of stories (ACLED-like): type, actors, place, date, fatalities.
    ///
    /// Example: recoupe events --type ASSAULT --country CD --from 2026-10-01
    Events {
        /// PLOVER type (ASSAULT, PROTEST, COERCE, …).
        #[arg(long = "type")]
        event_type: Option<String>,
        /// ISO 3166-1 alpha-2 country code of the event.
        #[arg(long)]
        country: Option<String>,
        /// Events on or after this day (YYYY-MM-DD).
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Events on or before this day (YYYY-MM-DD).
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        /// An actor, recipient or party held responsible: entity key or words of its name.
        #[arg(long)]
        actor: Option<String>,
        /// Number of events to list.
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..))]
        limit: u64,
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Undo the merge of an entity key into another; clustering will not redo it.
    ///
    /// Example: recoupe unmerge "name:ORG:fds"
    Unmerge {
        /// The merged key, as listed by `recoupe merges`.
        #[arg(value_name = "FROM_KEY")]
        from_key: String,
        #[command(flatten)]
        json: JsonArg,
        #[command(flatten)]
        store: StoreArg,
    },
}

impl Command {
    /// The store file the command was given, `None` for the commands that use none.
    pub fn store(&self) -> Option<&StoreArg> {
        match self {
            Command::Extract { .. } | Command::Eval { .. } => None,
            Command::Ingest { store, .. }
            | Command::Search { store, .. }
            | Command::Show { store, .. }
            | Command::Stats { store, .. }
            | Command::Export { store, .. }
            | Command::Demo { store, .. }
            | Command::Serve { store, .. }
            | Command::Entities { store, .. }
            | Command::Entity { store, .. }
            | Command::Claims { store, .. }
            | Command::Merges { store, .. }
            | Command::Unmerge { store, .. }
            | Command::Stories { store, .. }
            | Command::Story { store, .. }
            | Command::Facts { store, .. }
            | Command::Events { store, .. } => Some(store),
        }
    }

    /// The subcommand's name, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Ingest { .. } => "ingest",
            Command::Extract { .. } => "extract",
            Command::Search { .. } => "search",
            Command::Show { .. } => "show",
            Command::Stats { .. } => "stats",
            Command::Export { .. } => "export",
            Command::Demo { .. } => "demo",
            Command::Serve { .. } => "serve",
            Command::Eval { .. } => "eval",
            Command::Entities { .. } => "entities",
            Command::Entity { .. } => "entity",
            Command::Claims { .. } => "claims",
            Command::Merges { .. } => "merges",
            Command::Unmerge { .. } => "unmerge",
            Command::Stories { .. } => "stories",
            Command::Story { .. } => "story",
            Command::Facts { .. } => "facts",
            Command::Events { .. } => "events",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn issue10_every_argument_and_flag_has_help() {
        Cli::command().debug_assert();
        fn check(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                if arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("{path} {id}"));
                }
            }
            for sub in command.get_subcommands() {
                check(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        check(&Cli::command(), "recoupe", &mut missing);
        assert!(missing.is_empty(), "arguments without help: {missing:?}");
    }

    #[test]
    fn issue10_exit_codes_in_readme_are_the_list() {
        let readme =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
                .expect("README");
        for (code, meaning) in EXIT_CODES {
            let row = format!("| {code} | {meaning} |");
            assert!(readme.contains(&row), "README lacks {row}");
        }
        assert!(exit_codes_help().lines().count() == EXIT_CODES.len() + 1);
    }

    #[test]
    fn issue10_search_query_starting_with_a_minus_is_a_query() {
        let cli = Cli::try_parse_from(["recoupe", "search", "-Daech", "Raqqa", "--limit", "3"])
            .expect("parses");
        match cli.command {
            Command::Search {
                query,
                words,
                limit,
                ..
            } => {
                assert_eq!(query, "-Daech");
                assert_eq!(words, ["Raqqa"]);
                assert_eq!(limit, 3);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn issue10_entity_type_any_case() {
        assert_eq!(entity_type("org").unwrap(), "ORG");
        assert_eq!(entity_type("Per").unwrap(), "PER");
        assert!(entity_type("company").is_err());
    }
}
