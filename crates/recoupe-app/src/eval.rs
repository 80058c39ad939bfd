//! `recoupe eval`: the pipeline scored against a gold corpus directory.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use recoupe_eval::{EvalOptions, Report, SystemLayer};
use recoupe_model::{DocId, Document, OriginKind};
use recoupe_pipeline::Pipeline;
use recoupe_store::Store;

use crate::ingest::{IngestObserver, IngestProgress};
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
    /// Time spent annotating and storing them.
    pub elapsed: Duration,
    /// The pipeline's stages, in order.
    pub stages: Vec<&'static str>,
}

/// Documents per store transaction when the corpus is stored: small, so that the
/// cross-article layer scored is the one updated incrementally across transactions, as a
/// store fed day after day has it.
pub const EVAL_BATCH: usize = 32;

/// Loads `corpus` (articles.jsonl + gold.jsonl, see the corpus FORMAT.md) and scores every
/// layer. The articles are ingested into a temporary store, without their `cluster` (the
/// gold's grouping), by the code `recoupe ingest` runs (pipeline, then the store's writer,
/// which updates the cross-article layer in each transaction); the documents and the
/// cross-article layer (stories, copies, facts, event records) are read back from it and
/// scored. Seeds (`seeds/*.txt`, not news of any story) are annotated in memory. With
/// `mismatches`, the report also lists every disagreement with the gold, only for the
/// named layers when any is named.
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
    let (articles, mut seeds): (Vec<Document>, Vec<Document>) = loaded
        .articles
        .iter()
        .cloned()
        .partition(|d| d.meta.origin.kind == OriginKind::Jsonl);
    progress.start((articles.len() + seeds.len()) as u64);
    let started = Instant::now();
    let dir = tempfile::tempdir().map_err(|source| AppError::TempStore { source })?;
    let (stored, layer) = store_articles(
        &dir.path().join("eval.db"),
        &pipeline,
        &articles,
        EVAL_BATCH,
        progress,
    )?;
    seeds.par_iter_mut().try_for_each(|doc| {
        let result = pipeline.run(doc);
        progress.document_done();
        result
    })?;
    let elapsed = started.elapsed();
    let docs: Vec<Document> = stored.into_iter().chain(seeds).collect();
    let options = EvalOptions {
        mismatches: mismatches.is_some(),
    };
    let mut report = recoupe_eval::evaluate_with_layer(&loaded, &docs, options, Some(layer));
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

/// Tells the eval's progress how many articles the ingest has stored.
struct StoredProgress<'p> {
    progress: &'p dyn EvalProgress,
    reported: u64,
}

impl IngestObserver for StoredProgress<'_> {
    fn progress(&mut self, now: &IngestProgress) {
        let done = now.stored + now.appearances + now.duplicates;
        while self.reported < done {
            self.progress.document_done();
            self.reported += 1;
        }
    }
}

/// Ingests `articles` into a new store at `db` with their `cluster` removed, `batch`
/// documents per transaction, and reads back the annotated articles (in the order given)
/// and the cross-article layer.
pub fn store_articles(
    db: &Path,
    pipeline: &Pipeline,
    articles: &[Document],
    batch: usize,
    progress: &dyn EvalProgress,
) -> Result<(Vec<Document>, SystemLayer), AppError> {
    let mut input = articles.to_vec();
    for doc in &mut input {
        // The layer must not see the gold's grouping.
        doc.meta.cluster = None;
    }
    let mut store = crate::open_store(db)?;
    store.set_story_layer(true);
    let known = crate::open_store(db)?;
    let mut observer = StoredProgress {
        progress,
        reported: 0,
    };
    let summary = crate::ingest::ingest_documents(
        &mut store,
        &known,
        pipeline,
        input.clone(),
        batch,
        &mut observer,
    )?;
    observer.progress(&IngestProgress {
        stored: summary.ingested,
        appearances: summary.appearances,
        duplicates: summary.duplicates,
        ..IngestProgress::default()
    });
    let mut by_id: HashMap<DocId, Document> = HashMap::new();
    store.for_each_document(&mut |doc| {
        by_id.insert(doc.id.clone(), doc);
        Ok(())
    })?;
    // Each article as stored; an article whose text an earlier one already brought is
    // that document with its own publication's identity.
    let mut out = Vec::with_capacity(input.len());
    for article in input {
        let Some(stored) = by_id.get(&article.id) else {
            return Err(AppError::NotStored {
                id: article
                    .meta
                    .external_id
                    .unwrap_or_else(|| article.id.to_string()),
            });
        };
        let mut doc = stored.clone();
        if doc.meta.external_id != article.meta.external_id {
            doc.meta.external_id = article.meta.external_id;
            doc.meta.url = article.meta.url;
            doc.meta.outlet = article.meta.outlet;
            doc.meta.origin = article.meta.origin;
        }
        out.push(doc);
    }
    let stored = store.story_layer()?;
    let (stories, records) = stored.stories.into_iter().unzip();
    let layer = SystemLayer {
        stories,
        records: Some(records),
        copies: stored.copies,
        features: stored
            .features
            .into_iter()
            .map(|f| (f.id.clone(), f))
            .collect(),
    };
    Ok((out, layer))
}
