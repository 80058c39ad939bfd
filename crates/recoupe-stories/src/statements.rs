//! Statements by speaker across a story: every attribution of its articles, grouped by
//! original speaker (the claimant, not the outlets relaying it).

use std::collections::BTreeMap;

use recoupe_model::{AttributionKind, DocId, Document, Span};
use serde::{Deserialize, Serialize};

use crate::features::{cross_key, DocFeatures};

/// One attribution of an article, kept for grouping across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Cross-article key of the speaker; `None` for an unnamed speaker ("une source").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The speaker as written.
    pub speaker_text: String,
    pub content: Span,
    pub kind: AttributionKind,
    pub hedged: bool,
    /// Cross-article keys of the intermediaries, nearest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
}

pub fn statements_of(doc: &Document) -> Vec<Statement> {
    doc.layers
        .attributions
        .iter()
        .map(|a| {
            let speaker = if a.speaker_unnamed {
                None
            } else {
                a.speaker_entity
                    .as_deref()
                    .and_then(|e| cross_key(doc, e))
                    .map(|k| k.0)
            };
            Statement {
                speaker,
                speaker_text: a
                    .speaker
                    .map(|s| doc.slice(s).to_string())
                    .unwrap_or_default(),
                content: a.content,
                kind: a.kind,
                hedged: a.hedged,
                via: a
                    .via
                    .iter()
                    .map(|v| cross_key(doc, v).map(|k| k.0).unwrap_or_else(|| v.clone()))
                    .collect(),
            }
        })
        .collect()
}

/// What one speaker is reported to say across a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerStatements {
    /// Cross-article key of the speaker.
    pub speaker: String,
    /// Names as written, by frequency then alphabetically.
    pub names: Vec<String>,
    /// `(article, content span)` in article-id order.
    pub statements: Vec<(DocId, Span)>,
    /// Outlets that relay the speaker.
    pub outlets: Vec<String>,
}

/// The named speakers of a story's articles with what each is reported to say.
pub fn by_speaker(docs: &[&DocFeatures]) -> Vec<SpeakerStatements> {
    let mut docs: Vec<&DocFeatures> = docs.to_vec();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    let mut out: BTreeMap<String, (BTreeMap<String, usize>, SpeakerStatements)> = BTreeMap::new();
    for doc in docs {
        for statement in &doc.statements {
            let Some(speaker) = &statement.speaker else {
                continue;
            };
            let (names, entry) = out.entry(speaker.clone()).or_insert_with(|| {
                (
                    BTreeMap::new(),
                    SpeakerStatements {
                        speaker: speaker.clone(),
                        names: Vec::new(),
                        statements: Vec::new(),
                        outlets: Vec::new(),
                    },
                )
            });
            *names.entry(statement.speaker_text.clone()).or_default() += 1;
            entry.statements.push((doc.id.clone(), statement.content));
            if let Some(outlet) = &doc.outlet {
                if !entry.outlets.contains(outlet) {
                    entry.outlets.push(outlet.clone());
                }
            }
        }
    }
    out.into_values()
        .map(|(names, mut entry)| {
            let mut names: Vec<(String, usize)> =
                names.into_iter().filter(|(n, _)| !n.is_empty()).collect();
            names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            entry.names = names.into_iter().map(|(n, _)| n).collect();
            entry.outlets.sort();
            entry
        })
        .collect()
}
