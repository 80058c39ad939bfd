//! `recoupe demo`: the bundled demo corpus ingested and summarised.

use std::io::Cursor;

use recoupe_ingest::{read_reader, IngestOptions, InputFormat};
use recoupe_model::{AttributionKind, Document, OriginKind};
use recoupe_store::{EntitySummary, PutOutcome, Store};
use serde::Serialize;

use crate::ingest::annotate;
use crate::AppError;

/// The demo corpus, embedded so that `recoupe demo` works from any directory.
const DEMO_ARTICLES: &str = include_str!("../../../demo/articles.jsonl");

/// Entities listed under "Most mentioned".
const TOP_ENTITIES: usize = 8;
/// Attributions listed under "Who says what".
const FIRST_ATTRIBUTIONS: usize = 6;
/// Characters of each attribution's content shown.
const CONTENT_CHARS: usize = 80;

/// The bundled demo articles as documents, origin `demo`.
pub fn demo_documents() -> Result<Vec<Document>, AppError> {
    let mut docs = Vec::new();
    let reader = read_reader(
        Cursor::new(DEMO_ARTICLES.as_bytes()),
        "demo/articles.jsonl",
        Some(InputFormat::Jsonl),
        &IngestOptions::default(),
    );
    for item in reader {
        let mut doc = item.map_err(|e| AppError::Demo(Box::new(e)))?;
        doc.meta.origin.kind = OriginKind::Demo;
        docs.push(doc);
    }
    Ok(docs)
}

/// Annotation counts summed over the demo articles.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LayerCounts {
    pub sentences: usize,
    pub entities: usize,
    pub places: usize,
    pub dates: usize,
    pub quantities: usize,
    pub attributions: usize,
    pub unsourced: usize,
}

/// One attribution of the demo, as the summary shows it.
#[derive(Debug, Clone, Serialize)]
pub struct DemoAttribution {
    /// The speaker as written, `None` when the statement has no speaker.
    pub speaker: Option<String>,
    /// The first characters of the content.
    pub content: String,
    pub kind: AttributionKind,
    pub via: Vec<String>,
    pub hedged: bool,
    /// The speaker resolved to the entity it designates ("Hussein Qassem" for "-t-il").
    pub speaker_name: Option<String>,
    /// The relays by name, nearest first.
    pub via_names: Vec<String>,
    pub polarity: recoupe_model::Polarity,
}

/// What `recoupe demo` did and found.
#[derive(Debug, Clone, Serialize)]
pub struct DemoReport {
    pub articles: usize,
    /// Articles newly stored (the others were already there).
    pub inserted: usize,
    pub counts: LayerCounts,
    pub top_entities: Vec<EntitySummary>,
    pub first_attributions: Vec<DemoAttribution>,
    /// Id of the first demo article, for the suggested `show` command.
    pub first_id: String,
}

/// Annotates the demo corpus, stores it, clusters entities and summarises the result.
pub fn run_demo(store: &mut dyn Store) -> Result<DemoReport, AppError> {
    let pipeline = crate::pipeline()?;
    let mut docs = demo_documents()?;
    annotate(&pipeline, &mut docs)?;
    let outcomes = store.put_batch(&docs)?;
    store
        .cluster_entities()
        .map_err(|e| AppError::Cluster(Box::new(e)))?;
    let inserted = outcomes
        .iter()
        .filter(|o| **o == PutOutcome::Inserted)
        .count();
    let count = |f: fn(&Document) -> usize| docs.iter().map(f).sum::<usize>();
    let counts = LayerCounts {
        sentences: count(|d| d.layers.sentences.len()),
        entities: count(|d| d.layers.entities.len()),
        places: count(|d| d.layers.places.len()),
        dates: count(|d| d.layers.dates.len()),
        quantities: count(|d| d.layers.quantities.len()),
        attributions: count(|d| d.layers.attributions.len()),
        unsourced: count(|d| d.layers.unsourced.len()),
    };
    let top_entities = store.top_entities(None, TOP_ENTITIES)?;
    let first_attributions = docs
        .iter()
        .flat_map(|doc| {
            doc.layers
                .attributions
                .iter()
                .enumerate()
                .map(move |(position, a)| {
                    let statement = crate::query::statement_in(doc, position, &mut |_| None);
                    DemoAttribution {
                        speaker: a.speaker.map(|s| doc.slice(s).to_string()),
                        content: doc.slice(a.content).chars().take(CONTENT_CHARS).collect(),
                        kind: a.kind,
                        via: a.via.clone(),
                        hedged: a.hedged,
                        speaker_name: statement.as_ref().and_then(|s| s.speaker.clone()),
                        via_names: statement
                            .map(|s| s.via.into_iter().map(|r| r.name).collect())
                            .unwrap_or_default(),
                        polarity: a.polarity,
                    }
                })
        })
        .take(FIRST_ATTRIBUTIONS)
        .collect();
    Ok(DemoReport {
        articles: docs.len(),
        inserted,
        counts,
        top_entities,
        first_attributions,
        first_id: docs.first().map(|d| d.id.to_string()).unwrap_or_default(),
    })
}
