use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::annotations::Layers;
use crate::span::Span;
use crate::stage::Layer;
use crate::SCHEMA_VERSION;

/// Content-hash identifier of a document: the first 16 bytes of the SHA-256 of its
/// original text, in lowercase hex. Identical text gives the same id whatever the
/// file it came from, which is what makes re-ingestion a no-op.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub String);

impl DocId {
    pub fn of_text(text: &str) -> DocId {
        let digest = Sha256::digest(text.as_bytes());
        let mut hex = String::with_capacity(32);
        for byte in &digest[..16] {
            hex.push_str(&format!("{byte:02x}"));
        }
        DocId(hex)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for DocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Given by the source itself: HTML meta tags, JSON-LD, feed item, sidecar, corpus field.
    Metadata,
    /// Inferred from the text's own anchored dates.
    Inferred,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub date: NaiveDate,
    pub source: DateSource,
    /// For an inferred date, the date expression of the text it was read from, so that a
    /// reader can check the inference ("ce mercredi 20 février"). `None` for metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred_from: Option<Span>,
}

impl Published {
    /// How a reader can check the date: "from the source", or "inferred from the text" with
    /// the words of `text` it was read from when they are known.
    pub fn provenance(&self, text: &str) -> String {
        match (
            self.source,
            self.inferred_from.and_then(|s| text.get(s.start..s.end)),
        ) {
            (DateSource::Metadata, _) => "from the source".to_string(),
            (DateSource::Inferred, Some(words)) => format!(
                "inferred from the text: \"{}\"",
                words.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
            (DateSource::Inferred, None) => "inferred from the text".to_string(),
        }
    }
}

/// Language identification result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1 code (`fr`, `en`, …) or `und` when undetermined.
    pub code: String,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
}

impl Language {
    pub fn is_french(&self) -> bool {
        self.code == "fr"
    }
}

/// The kind of input a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OriginKind {
    Text,
    Html,
    Feed,
    Warc,
    Jsonl,
    Stdin,
    Demo,
}

/// Where a document came from: the file, and the record inside it when the file holds many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub kind: OriginKind,
    /// File path as given on the command line (or `-` for stdin).
    pub path: String,
    /// Record inside the file: JSONL line number, feed item index, WARC record offset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
}

/// Everything known about a document apart from its text and annotations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Identifier the source gave the document (a corpus `id`, a feed GUID), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Outlet (site name or host) that published the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// Story cluster given by the source (corpus `cluster`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    pub ingested_at: DateTime<Utc>,
    pub origin: Origin,
}

impl Metadata {
    pub fn new(origin: Origin) -> Self {
        Metadata {
            external_id: None,
            url: None,
            outlet: None,
            title: None,
            published: None,
            language: None,
            cluster: None,
            ingested_at: Utc::now(),
            origin,
        }
    }
}

/// One news report: its original text, metadata, and annotation layers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub schema_version: u32,
    pub id: DocId,
    pub meta: Metadata,
    /// The original text, exactly as read (after decoding to UTF-8). Never modified.
    pub text: String,
    /// Layers the pipeline has produced, in a stable order. A layer absent from this set
    /// was not computed (which is different from computed-and-empty).
    pub produced: BTreeSet<Layer>,
    pub layers: Layers,
}

impl Document {
    pub fn new(text: String, meta: Metadata) -> Self {
        Document {
            schema_version: SCHEMA_VERSION,
            id: DocId::of_text(&text),
            meta,
            text,
            produced: BTreeSet::new(),
            layers: Layers::default(),
        }
    }

    pub fn has(&self, layer: Layer) -> bool {
        self.produced.contains(&layer)
    }

    pub fn mark_produced(&mut self, layer: Layer) {
        self.produced.insert(layer);
    }

    /// The text covered by a span, or `""` if the span is invalid.
    pub fn slice(&self, span: crate::Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }

    /// Whether the language-dependent (French) stages should run on this document.
    pub fn is_french(&self) -> bool {
        self.meta
            .language
            .as_ref()
            .map(Language::is_french)
            .unwrap_or(true)
    }
}
