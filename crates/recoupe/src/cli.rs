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
the original text.\n\nExit codes: 0 success; 1 error (I/O, store, bad configuration); 2 usage error; \
3 finished but some inputs failed (ingest/extract); 4 nothing found (show, entity, claims)."
)]
pub struct Cli {
    /// SQLite database file of the store.
    #[arg(long, global = true, env = "RECOUPE_DB", default_value = "recoupe.db")]
    pub db: PathBuf,

    /// When to colour terminal output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Do not draw progress bars (they are drawn on stderr only when it is a terminal).
    #[arg(long, global = true)]
    pub no_progress: bool,

    #[command(subcommand)]
    pub command: Command,
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
        #[arg(required = true)]
        paths: Vec<String>,
        /// Documents per store transaction.
        #[arg(long, default_value_t = 256)]
        batch: usize,
        /// Do not run the cross-article entity clustering pass after storing
        /// (run it later with `recoupe merges --recluster`).
        #[arg(long)]
        no_cluster: bool,
        /// Do not update the cross-article layer (stories, copies, facts, events) while
        /// storing; the next ingest or `recoupe stories --update` adds the new documents.
        #[arg(long)]
        no_stories: bool,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Run the pipeline without a store and print one JSON document per line (docs/schema.md).
    ///
    /// With no PATH, reads stdin. Example: cat article.txt | recoupe extract > out.jsonl
    Extract {
        /// Inputs as for `ingest`; none or `-` reads stdin.
        paths: Vec<String>,
        /// Leave these layers out of the output (e.g. `--without tokens,sentences`).
        #[arg(long, value_delimiter = ',')]
        without: Vec<String>,
    },
    /// Full-text search (accent-insensitive), ranked, with snippets.
    ///
    /// Example: recoupe search "Deir ez-Zor frappes"
    Search {
        query: String,
        /// Number of hits to show (at least 1).
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
        limit: u64,
        #[arg(long)]
        json: bool,
    },
    /// Show one document with its spans marked and its layers listed.
    ///
    /// DOC is an id, a unique id prefix, or the source's own id. Example: recoupe show 3fa2 --explain
    Show {
        doc: String,
        /// Print the evidence behind each entity and place decision.
        #[arg(long)]
        explain: bool,
        /// Print the stored JSON document instead.
        #[arg(long)]
        json: bool,
    },
    /// Counts of documents, languages, outlets and annotations in the store.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Export every stored document as JSONL (docs/schema.md) or CSV (one row per document).
    ///
    /// Example: recoupe export --format csv --output corpus.csv
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Output file (default stdout).
        #[arg(long, short)]
        output: Option<PathBuf>,
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
    },
    /// Score the pipeline against a gold corpus directory (articles.jsonl + gold.jsonl, see the
    /// corpus FORMAT.md). Layers the pipeline does not produce yet are reported as "not produced".
    ///
    /// Example: recoupe eval --corpus ../shared/corpus --json
    Eval {
        #[arg(long)]
        corpus: PathBuf,
        #[arg(long)]
        json: bool,
        /// Also list every disagreement with the gold (missed, spurious, wrong field), one
        /// per item; optionally only for these layers (entities, places, dates, quantities,
        /// attributions, unsourced, events). In --json they are the "mismatches" array.
        #[arg(long, value_name = "LAYER", num_args = 0.., value_delimiter = ',',
              value_parser = ["entities", "places", "dates", "quantities", "attributions", "unsourced",
                              "stories", "copies", "facts", "disagreements", "sources", "events"])]
        mismatches: Option<Vec<String>>,
    },
    /// List entities in the store, most mentioned first.
    ///
    /// Example: recoupe entities --type ORG --top 20
    Entities {
        /// Only this type.
        #[arg(long = "type", value_parser = ["PER", "ORG", "LOC", "MISC"])]
        label: Option<String>,
        /// Number of entities to list (at least 1).
        #[arg(long, default_value_t = 25, value_parser = clap::value_parser!(u64).range(1..))]
        top: u64,
        #[arg(long)]
        json: bool,
    },
    /// One entity: aliases, articles, co-mentioned entities, places with coordinates.
    ///
    /// Example: recoupe entity "Deir ez-Zor"
    Entity {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// What a speaker is reported to have said across the store.
    ///
    /// Example: recoupe claims --speaker "Press TV"
    Claims {
        #[arg(long)]
        speaker: String,
        #[arg(long)]
        json: bool,
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
        #[arg(long)]
        json: bool,
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
        #[arg(long)]
        json: bool,
    },
    /// One story: its event record, articles, copies, facts and who says what.
    ///
    /// ID is a story id, a unique prefix, or any of its articles (as for `show`).
    /// Example: recoupe story 3fa2 --explain
    Story {
        id: String,
        /// Show why each article belongs: similarity, shared entities, dates.
        #[arg(long)]
        explain: bool,
        #[arg(long)]
        json: bool,
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
        #[arg(long)]
        json: bool,
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
        #[arg(long)]
        json: bool,
    },
    /// Undo the merge of an entity key into another; clustering will not redo it.
    ///
    /// Example: recoupe unmerge "name:ORG:fds"
    Unmerge {
        /// The merged key, as listed by `recoupe merges`.
        from_key: String,
        #[arg(long)]
        json: bool,
    },
}
