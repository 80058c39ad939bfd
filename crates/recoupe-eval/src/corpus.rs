//! Reading an evaluation corpus directory: `articles.jsonl`, `gold.jsonl` and the optional
//! `seeds/*.txt` (see the shared corpus's FORMAT.md for the record shapes).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use recoupe_model::{
    AttributionKind, DateSource, Document, EntityType, Metadata, Origin, OriginKind, PlaceKind,
    Published, Qualifier, QuantityValue,
};
use serde::{Deserialize, Serialize};

/// Error raised while reading a corpus directory. Every variant names the file (and line)
/// at fault so that a broken gold file can be fixed without guessing.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}: {message}", path.display())]
    Record {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{}: the corpus directory has no `{name}`", dir.display())]
    MissingFile { dir: PathBuf, name: &'static str },
}

/// One gold record of `gold.jsonl`: the annotations of one article or seed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gold {
    pub id: String,
    pub entities: Vec<GoldEntity>,
    pub nationalities: Vec<GoldNationality>,
    pub places: Vec<GoldPlace>,
    pub dates: Vec<GoldDate>,
    pub quantities: Vec<GoldQuantity>,
    pub attributions: Vec<GoldAttribution>,
    /// First words of each factual sentence asserted with no source.
    pub unsourced: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldEntity {
    pub text: String,
    #[serde(rename = "type")]
    pub label: EntityType,
    /// Canonical key shared by every mention of the same real-world entity, across articles.
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldNationality {
    pub text: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldPlace {
    /// The LOC entity id this place resolves.
    pub id: String,
    pub name: String,
    /// `None` for areas spanning several countries ("Middle East").
    pub country: Option<String>,
    pub kind: PlaceKind,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldDate {
    pub text: String,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `start/end`; `None` when the text cannot place it.
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldQuantity {
    pub text: String,
    pub value: QuantityValue,
    pub qualifier: Qualifier,
    #[serde(default)]
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldAttribution {
    /// First words of the attributed content, verbatim.
    pub content: String,
    /// Entity id of the speaker, `None` when unnamed.
    pub speaker: Option<String>,
    /// The speaker as written ("un colonel de l'armée").
    #[serde(default)]
    pub speaker_text: Option<String>,
    /// Ids of the outlets or intermediaries, nearest first.
    #[serde(default)]
    pub via: Vec<String>,
    pub kind: AttributionKind,
    pub hedged: bool,
}

/// An evaluation corpus: its documents (articles and seeds) and the gold keyed by article id.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub dir: PathBuf,
    /// Articles of `articles.jsonl` in file order, then seeds in file-name order.
    pub articles: Vec<Document>,
    pub gold: HashMap<String, Gold>,
    /// Event gold (`events.jsonl` with the membership of `stories.jsonl`), when present.
    pub events: Option<crate::events::EventGold>,
    /// `stories.jsonl` (story gold across articles), when the directory has one.
    pub stories: Option<Vec<crate::stories::GoldStory>>,
}

impl Corpus {
    /// The article whose corpus id is `id`.
    pub fn article(&self, id: &str) -> Option<&Document> {
        self.articles
            .iter()
            .find(|doc| doc.meta.external_id.as_deref() == Some(id))
    }
}

/// One line of `articles.jsonl`. Unknown fields ("query", …) are allowed on purpose: corpus
/// builders add bookkeeping fields that the evaluator has no use for.
#[derive(Debug, Deserialize)]
struct ArticleRecord {
    id: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    cluster: Option<String>,
    text: String,
}

/// serde_json appends " at line 1 column 42" (the position inside the one-line record);
/// the file line is what the reader needs, so the suffix is dropped.
pub(crate) fn record_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    }
}

pub(crate) fn read_file(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Non-blank lines of a JSONL file with their 1-based line numbers.
pub(crate) fn jsonl_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty())
}

/// Reads `dir/articles.jsonl`, `dir/gold.jsonl` and `dir/seeds/*.txt`.
///
/// Every gold record must name an article of `articles.jsonl` or a seed file
/// (`seed-000` ↔ `seeds/seed-000.txt`); ids must be unique in each file.
pub fn load_corpus(dir: &Path) -> Result<Corpus, EvalError> {
    let articles_path = dir.join("articles.jsonl");
    let gold_path = dir.join("gold.jsonl");
    if !articles_path.is_file() {
        return Err(EvalError::MissingFile {
            dir: dir.to_path_buf(),
            name: "articles.jsonl",
        });
    }
    if !gold_path.is_file() {
        return Err(EvalError::MissingFile {
            dir: dir.to_path_buf(),
            name: "gold.jsonl",
        });
    }

    let mut articles = Vec::new();
    let mut article_lines: HashMap<String, usize> = HashMap::new();
    let articles_text = read_file(&articles_path)?;
    for (line, record) in jsonl_lines(&articles_text) {
        let at = |message: String| EvalError::Record {
            path: articles_path.clone(),
            line,
            message,
        };
        let record: ArticleRecord =
            serde_json::from_str(record).map_err(|e| at(record_message(&e)))?;
        if let Some(first) = article_lines.insert(record.id.clone(), line) {
            return Err(at(format!(
                "duplicate article id `{}` (first on line {first})",
                record.id
            )));
        }
        let published = match record.published.as_deref() {
            None => None,
            Some(value) => {
                let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
                    at(format!(
                        "`published` must be YYYY-MM-DD or null, found `{value}`"
                    ))
                })?;
                Some(Published {
                    date,
                    source: DateSource::Metadata,
                    inferred_from: None,
                })
            }
        };
        let mut meta = Metadata::new(Origin {
            kind: OriginKind::Jsonl,
            path: articles_path.display().to_string(),
            record: Some(line.to_string()),
        });
        meta.external_id = Some(record.id);
        meta.url = record.url;
        meta.outlet = record.outlet;
        meta.published = published;
        meta.cluster = record.cluster;
        articles.push(Document::new(record.text, meta));
    }

    let seeds_dir = dir.join("seeds");
    if seeds_dir.is_dir() {
        let entries = std::fs::read_dir(&seeds_dir).map_err(|source| EvalError::Io {
            path: seeds_dir.clone(),
            source,
        })?;
        let mut seed_paths = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| EvalError::Io {
                path: seeds_dir.clone(),
                source,
            })?;
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) == Some("txt") {
                seed_paths.push(path);
            }
        }
        seed_paths.sort();
        for path in seed_paths {
            let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
                continue;
            };
            if article_lines.contains_key(&id) {
                return Err(EvalError::Record {
                    path: path.clone(),
                    line: 1,
                    message: format!("seed id `{id}` is also an article id in articles.jsonl"),
                });
            }
            let text = read_file(&path)?;
            let mut meta = Metadata::new(Origin {
                kind: OriginKind::Text,
                path: path.display().to_string(),
                record: None,
            });
            meta.external_id = Some(id.clone());
            article_lines.insert(id, 0);
            articles.push(Document::new(text, meta));
        }
    }

    let mut gold = HashMap::new();
    let mut gold_lines: HashMap<String, usize> = HashMap::new();
    let gold_text = read_file(&gold_path)?;
    for (line, record) in jsonl_lines(&gold_text) {
        let at = |message: String| EvalError::Record {
            path: gold_path.clone(),
            line,
            message,
        };
        let record: Gold = serde_json::from_str(record).map_err(|e| at(record_message(&e)))?;
        if !article_lines.contains_key(&record.id) {
            return Err(at(format!(
                "gold id `{}` has no article in articles.jsonl nor a seeds/{}.txt",
                record.id, record.id
            )));
        }
        if let Some(first) = gold_lines.insert(record.id.clone(), line) {
            return Err(at(format!(
                "duplicate gold id `{}` (first on line {first})",
                record.id
            )));
        }
        gold.insert(record.id.clone(), record);
    }

    let events = crate::events::load_event_gold(dir)?;
    let stories = crate::stories::load_stories(&dir.join("stories.jsonl"), &article_lines)?;

    Ok(Corpus {
        dir: dir.to_path_buf(),
        articles,
        gold,
        events,
        stories,
    })
}
