//! `recoupe eval`: the pipeline scored against a gold corpus directory.

use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use recoupe_eval::{EvalOptions, Report};

use crate::AppError;

/// Follows the pipeline over the corpus; called from several threads at once.
pub trait EvalProgress: Sync {
    /// Before the first document: how many there are.
    fn start(&self, documents: u64) {
        let _ = documents;
    }
    /// After each document.
    fn document_done(&self) {}
}

/// An observer that ignores everything.
pub struct Silent;

impl EvalProgress for Silent {}

/// A finished evaluation and what it cost.
#[derive(Debug)]
pub struct EvalRun {
    pub report: Report,
    /// Documents run through the pipeline.
    pub documents: usize,
    /// Time spent in the pipeline.
    pub elapsed: Duration,
    /// The pipeline's stages, in order.
    pub stages: Vec<&'static str>,
}

/// Loads `corpus` (articles.jsonl + gold.jsonl, see the corpus FORMAT.md), runs the
/// pipeline on its articles and scores every layer. With `mismatches`, the report also
/// lists every disagreement with the gold, only for the named layers when any is named.
pub fn evaluate(
    corpus: &Path,
    mismatches: Option<&[String]>,
    progress: &dyn EvalProgress,
) -> Result<EvalRun, AppError> {
    let loaded = recoupe_eval::load_corpus(corpus).map_err(|source| AppError::Corpus {
        dir: corpus.to_path_buf(),
        source: Box::new(source),
    })?;
    let pipeline = crate::pipeline()?;
    let mut docs = loaded.articles.clone();
    progress.start(docs.len() as u64);
    let started = Instant::now();
    docs.par_iter_mut().try_for_each(|doc| {
        let result = pipeline.run(doc);
        progress.document_done();
        result
    })?;
    let elapsed = started.elapsed();
    let options = EvalOptions {
        mismatches: mismatches.is_some(),
    };
    let mut report = recoupe_eval::evaluate_with(&loaded, &docs, options);
    // Mismatches asked for with no layer: all of them.
    if let (Some(layers), Some(items)) = (mismatches, &mut report.mismatches) {
        if !layers.is_empty() {
            items.retain(|m| layers.contains(&m.layer));
        }
    }
    Ok(EvalRun {
        report,
        documents: docs.len(),
        elapsed,
        stages: pipeline.stage_names(),
    })
}
