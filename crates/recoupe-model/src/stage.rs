use serde::{Deserialize, Serialize};

use crate::Document;

/// An annotation layer of a document. The order is the order of the JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    Sentences,
    Tokens,
    Entities,
    Nationalities,
    Places,
    Dates,
    Quantities,
    Attributions,
    Unsourced,
    Events,
}

impl Layer {
    pub const ALL: [Layer; 10] = [
        Layer::Sentences,
        Layer::Tokens,
        Layer::Entities,
        Layer::Nationalities,
        Layer::Places,
        Layer::Dates,
        Layer::Quantities,
        Layer::Attributions,
        Layer::Unsourced,
        Layer::Events,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layer::Sentences => "sentences",
            Layer::Tokens => "tokens",
            Layer::Entities => "entities",
            Layer::Nationalities => "nationalities",
            Layer::Places => "places",
            Layer::Dates => "dates",
            Layer::Quantities => "quantities",
            Layer::Attributions => "attributions",
            Layer::Unsourced => "unsourced",
            Layer::Events => "events",
        }
    }
}

impl std::fmt::Display for Layer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Error raised by a stage on one document.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    #[error("stage `{stage}` needs layer `{missing}`, which no earlier stage produced")]
    MissingLayer { stage: &'static str, missing: Layer },
    #[error("stage `{stage}` failed on document {doc}: {reason}")]
    Failed {
        stage: &'static str,
        doc: String,
        reason: String,
    },
}

/// One step of the pipeline. A stage reads the layers it `requires` and adds the
/// layers it `provides`; the pipeline refuses an order in which a requirement is not
/// provided by an earlier stage.
pub trait Stage: Send + Sync {
    fn name(&self) -> &'static str;
    fn requires(&self) -> &'static [Layer];
    fn provides(&self) -> &'static [Layer];
    /// Whether the stage depends on French; such stages are skipped for other languages.
    fn french_only(&self) -> bool {
        true
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError>;
}
