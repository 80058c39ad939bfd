use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The covered slice of `text`, or `None` when the span is out of range or not on
    /// char boundaries (which would be a bug in the stage that produced it).
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Which stage produced an annotation, and by which rule, list or model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    pub stage: String,
    pub rule: String,
}

impl Provenance {
    pub fn new(stage: impl Into<String>, rule: impl Into<String>) -> Self {
        Provenance {
            stage: stage.into(),
            rule: rule.into(),
        }
    }
}

/// A link from an annotation to a knowledge-base entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KbLink {
    /// Which knowledge base: `actors` (the curated actor KB), `geonames`, `country` (ISO 3166-1).
    pub kb: String,
    /// The entry's identifier inside that knowledge base.
    pub id: String,
    /// The entry's canonical name, for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}
