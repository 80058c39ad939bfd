//! `recoupe extract`: the pipeline without a store, one JSON document per line.

use std::io::Write;

use recoupe_ingest::{read_inputs, IngestOptions};
use recoupe_model::{Document, Layer};
use recoupe_pipeline::Pipeline;

use crate::ingest::{annotate, IngestObserver};
use crate::AppError;

/// Documents annotated together (in parallel) before being written.
const BATCH: usize = 64;

/// The layers named in `names` (as in `--without tokens,sentences`); an unknown name is an
/// error listing the known ones.
pub fn parse_layers(names: &[String]) -> Result<Vec<Layer>, AppError> {
    names
        .iter()
        .map(|name| {
            Layer::ALL
                .iter()
                .copied()
                .find(|l| l.name() == name.trim())
                .ok_or_else(|| AppError::UnknownLayer {
                    name: name.clone(),
                    known: layer_names().join(", "),
                })
        })
        .collect()
}

/// Every layer name, in schema order.
pub fn layer_names() -> Vec<&'static str> {
    Layer::ALL.iter().map(|l| l.name()).collect()
}

/// What [`extract`] did.
#[derive(Debug, Default, Clone, Copy)]
pub struct ExtractSummary {
    pub written: u64,
    pub failed: u64,
}

/// Reads `paths` (stdin when empty), runs the pipeline and writes each document as one JSON
/// line to `out`, without the layers in `drop`. Notes and unreadable inputs go to
/// `observer`; reading goes on after them.
pub fn extract(
    pipeline: &Pipeline,
    paths: &[String],
    drop: &[Layer],
    out: &mut dyn Write,
    observer: &mut dyn IngestObserver,
) -> Result<ExtractSummary, AppError> {
    let opts = IngestOptions::default();
    extract_with(pipeline, paths, drop, &opts, out, observer)
}

/// [`extract`] with reader options (e.g. a language forced by `--lang`).
pub fn extract_with(
    pipeline: &Pipeline,
    paths: &[String],
    drop: &[Layer],
    opts: &IngestOptions,
    out: &mut dyn Write,
    observer: &mut dyn IngestObserver,
) -> Result<ExtractSummary, AppError> {
    let stdin_only = vec!["-".to_string()];
    let paths = if paths.is_empty() { &stdin_only } else { paths };
    let mut summary = ExtractSummary::default();
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let write_batch = |batch: &mut Vec<Document>, out: &mut dyn Write| -> Result<u64, AppError> {
        annotate(pipeline, batch)?;
        for doc in batch.iter_mut() {
            strip_layers(doc, drop);
            serde_json::to_writer(&mut *out, doc).map_err(AppError::OutputJson)?;
            out.write_all(b"\n").map_err(AppError::Output)?;
        }
        let written = batch.len() as u64;
        batch.clear();
        Ok(written)
    };
    let mut documents = read_inputs(paths, opts);
    while let Some(item) = documents.next() {
        for note in documents.take_notes() {
            observer.note(&note);
        }
        match item {
            Ok(doc) => {
                batch.push(doc);
                if batch.len() == BATCH {
                    summary.written += write_batch(&mut batch, out)?;
                }
            }
            Err(err) => {
                summary.failed += 1;
                observer.failure(&err);
            }
        }
    }
    for note in documents.take_notes() {
        observer.note(&note);
    }
    summary.written += write_batch(&mut batch, out)?;
    out.flush().map_err(AppError::Output)?;
    Ok(summary)
}

/// Removes the layers in `drop` from a document and from its `produced` set.
pub fn strip_layers(doc: &mut Document, drop: &[Layer]) {
    for layer in drop {
        doc.produced.remove(layer);
        let l = &mut doc.layers;
        match layer {
            Layer::Sentences => l.sentences.clear(),
            Layer::Tokens => l.tokens.clear(),
            Layer::Entities => l.entities.clear(),
            Layer::Nationalities => l.nationalities.clear(),
            Layer::Places => l.places.clear(),
            Layer::Dates => l.dates.clear(),
            Layer::Quantities => l.quantities.clear(),
            Layer::Attributions => l.attributions.clear(),
            Layer::Unsourced => l.unsourced.clear(),
            Layer::Events => l.events.clear(),
        }
    }
}
