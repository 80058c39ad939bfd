//! Ingest orchestration: readers → pipeline → store, then cross-article clustering.

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;
use recoupe_ingest::{read_inputs, IngestError, IngestOptions, Note};
use recoupe_model::{DocId, Document};
use recoupe_pipeline::Pipeline;
use recoupe_store::{ClusterProgress, PutOutcome, SqliteStore, Store};
use serde::Serialize;

use crate::AppError;

/// What one ingest did, as printed by `recoupe ingest` (and `--json`).
#[derive(Debug, Default, Clone, Serialize)]
pub struct IngestSummary {
    /// Texts stored for the first time (each annotated by the pipeline).
    pub ingested: u64,
    /// Texts already stored, read from another publication: an appearance was added.
    pub appearances: u64,
    /// The very same publication read again: nothing was written.
    pub duplicates: u64,
    /// Documents whose text was already stored, so the pipeline did not run on them.
    pub pipeline_skipped: u64,
    pub failed: u64,
    pub failures: Vec<String>,
    pub seconds: f64,
    pub docs_per_second: f64,
    /// Cross-article entity merges added by the clustering pass after storing.
    pub merges_added: u64,
    pub cluster_seconds: f64,
    /// Documents read in another language than French, by language code: the French
    /// stages (entities, places, attributions…) were skipped for them.
    pub not_french: std::collections::BTreeMap<String, u64>,
    /// Documents stored earlier without the cross-article layer, added to it after this
    /// ingest, and how long that took.
    pub stories_pending_added: u64,
    pub stories_seconds: f64,
}

/// Where an ingest stands, reported after every event.
#[derive(Debug, Clone, Copy, Default)]
pub struct IngestProgress {
    /// Bytes read from the inputs so far (compare with [`input_size`]).
    pub bytes_read: u64,
    pub stored: u64,
    pub appearances: u64,
    pub duplicates: u64,
    pub failed: u64,
}

/// Receives what happens during an ingest, as it happens, on the calling thread: the
/// command line draws a progress bar and prints notes and failures; a server may log them.
pub trait IngestObserver {
    /// Something worth showing that is not an error (a skipped file, a lossy decode).
    fn note(&mut self, note: &Note) {
        let _ = note;
    }
    /// An input or record that could not be read; the ingest goes on.
    fn failure(&mut self, error: &IngestError) {
        let _ = error;
    }
    fn progress(&mut self, progress: &IngestProgress) {
        let _ = progress;
    }
    /// Where the entity clustering pass after the ingest stands.
    fn cluster_progress(&mut self, progress: &ClusterProgress) {
        let _ = progress;
    }
}

/// An observer that ignores everything.
pub struct Quiet;

impl IngestObserver for Quiet {}

/// Total size of the inputs in bytes, for progress bars (0 when unknown, e.g. stdin).
pub fn input_size(paths: &[String]) -> u64 {
    recoupe_ingest::input_size(paths)
}

/// Runs the pipeline over a batch, in parallel across documents.
pub fn annotate(pipeline: &Pipeline, docs: &mut [Document]) -> Result<(), AppError> {
    docs.par_iter_mut().try_for_each(|doc| pipeline.run(doc))?;
    Ok(())
}

/// Runs the pipeline on the documents of a batch whose text is neither stored (`known`
/// answers from the store) nor already annotated in this ingest (`seen`): hash first, so a
/// re-read text costs a lookup, not a pipeline run. Returns how many were skipped.
pub fn annotate_new(
    pipeline: &Pipeline,
    docs: &mut [Document],
    known: &dyn Store,
    seen: &mut HashSet<DocId>,
) -> Result<u64, AppError> {
    let ids: Vec<&DocId> = docs.iter().map(|d| &d.id).collect();
    let stored = known.stored_ids(&ids)?;
    let mut run = vec![false; docs.len()];
    for (i, doc) in docs.iter().enumerate() {
        run[i] = !stored.contains(&doc.id) && seen.insert(doc.id.clone());
    }
    let skipped = run.iter().filter(|r| !**r).count() as u64;
    docs.par_iter_mut()
        .zip(run.par_iter())
        .filter(|(_, run)| **run)
        .try_for_each(|(doc, _)| pipeline.run(doc))?;
    Ok(skipped)
}

/// Reads, annotates and stores documents in batches; returns the summary.
///
/// Three stages overlap: a reader thread decodes the inputs (and identifies languages), the
/// calling thread runs the pipeline on each batch across all cores, and a writer thread
/// commits the previous batch to the store meanwhile. Each batch is one transaction, so a
/// killed ingest loses at most the batches not yet committed.
///
/// Hash first: `known` (a read connection to the same store) says which texts are stored
/// already; the pipeline runs only on new texts, the others only add an appearance.
pub fn ingest_into(
    store: &mut (dyn Store + Send),
    known: &dyn Store,
    pipeline: &Pipeline,
    paths: &[String],
    batch: usize,
    observer: &mut dyn IngestObserver,
) -> Result<IngestSummary, AppError> {
    let opts = IngestOptions::default();
    ingest_into_with(store, known, pipeline, paths, batch, &opts, observer)
}

/// [`ingest_into`] with reader options (e.g. a language forced by `--lang`).
pub fn ingest_into_with(
    store: &mut (dyn Store + Send),
    known: &dyn Store,
    pipeline: &Pipeline,
    paths: &[String],
    batch: usize,
    opts: &IngestOptions,
    observer: &mut dyn IngestObserver,
) -> Result<IngestSummary, AppError> {
    let batch = batch.max(1);
    let mut documents = read_inputs(paths, opts);
    let bytes_read = documents.bytes_read_counter();
    let reader = move |read_tx: SyncSender<ReadEvent>| {
        let mut pending = Vec::with_capacity(batch);
        while let Some(item) = documents.next() {
            let event = match item {
                Ok(doc) => {
                    pending.push(doc);
                    if pending.len() < batch {
                        None
                    } else {
                        Some(ReadEvent::Batch(std::mem::replace(
                            &mut pending,
                            Vec::with_capacity(batch),
                        )))
                    }
                }
                Err(err) => Some(ReadEvent::Failure(err)),
            };
            let notes = documents.take_notes();
            for event in event
                .into_iter()
                .chain(notes.into_iter().map(ReadEvent::Note))
            {
                if read_tx.send(event).is_err() {
                    return; // the consumer stopped on an error
                }
            }
        }
        if !pending.is_empty() {
            let _ = read_tx.send(ReadEvent::Batch(pending));
        }
    };
    run_ingest(store, known, pipeline, &bytes_read, observer, reader)
}

/// [`ingest_into`] for documents already read (`recoupe eval` stores a corpus it has
/// loaded): the same pipeline and writer, in batches of `batch` in the order given.
pub fn ingest_documents(
    store: &mut (dyn Store + Send),
    known: &dyn Store,
    pipeline: &Pipeline,
    documents: Vec<Document>,
    batch: usize,
    observer: &mut dyn IngestObserver,
) -> Result<IngestSummary, AppError> {
    let batch = batch.max(1);
    let bytes_read = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&bytes_read);
    let reader = move |read_tx: SyncSender<ReadEvent>| {
        let mut documents = documents.into_iter().peekable();
        while documents.peek().is_some() {
            let docs: Vec<Document> = documents.by_ref().take(batch).collect();
            let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
            counter.fetch_add(bytes as u64, Ordering::Relaxed);
            if read_tx.send(ReadEvent::Batch(docs)).is_err() {
                return; // the consumer stopped on an error
            }
        }
    };
    run_ingest(store, known, pipeline, &bytes_read, observer, reader)
}

/// What the reader thread sends.
enum ReadEvent {
    Batch(Vec<Document>),
    Failure(IngestError),
    Note(Note),
}

/// The three overlapping stages of an ingest: `reader` (on its own thread) sends batches,
/// the calling thread annotates them, a writer thread stores them.
fn run_ingest(
    store: &mut (dyn Store + Send),
    known: &dyn Store,
    pipeline: &Pipeline,
    bytes_read: &AtomicU64,
    observer: &mut dyn IngestObserver,
    reader: impl FnOnce(SyncSender<ReadEvent>) + Send,
) -> Result<IngestSummary, AppError> {
    let started = Instant::now();
    let mut summary = IngestSummary::default();
    let ingested = AtomicU64::new(0);
    let appearances = AtomicU64::new(0);
    let duplicates = AtomicU64::new(0);
    let mut seen: HashSet<DocId> = HashSet::new();
    let (read_tx, read_rx) = sync_channel::<ReadEvent>(4);
    let (write_tx, write_rx) = sync_channel::<Vec<Document>>(2);

    std::thread::scope(|scope| -> Result<(), AppError> {
        // Owned by this closure so that an early error return closes the writer's channel
        // (and the reader's, through `read_rx`) instead of leaving their threads waiting.
        let write_tx = write_tx;
        scope.spawn(move || reader(read_tx));
        let writer = scope.spawn(|| -> Result<(), AppError> {
            for docs in write_rx {
                let outcomes = store
                    .put_batch(&docs)
                    .map_err(|e| AppError::StoreWrite(Box::new(e)))?;
                for o in outcomes {
                    match o {
                        PutOutcome::Inserted => ingested.fetch_add(1, Ordering::Relaxed),
                        PutOutcome::Appearance => appearances.fetch_add(1, Ordering::Relaxed),
                        PutOutcome::Duplicate => duplicates.fetch_add(1, Ordering::Relaxed),
                    };
                }
            }
            Ok(())
        });
        for event in read_rx {
            match event {
                ReadEvent::Batch(mut docs) => {
                    summary.pipeline_skipped +=
                        annotate_new(pipeline, &mut docs, known, &mut seen)?;
                    count_not_french(&docs, &mut summary);
                    if write_tx.send(docs).is_err() {
                        break; // the writer failed; its error is reported below
                    }
                }
                ReadEvent::Failure(err) => {
                    observer.failure(&err);
                    summary.failed += 1;
                    summary.failures.push(err.to_string());
                }
                ReadEvent::Note(note) => observer.note(&note),
            }
            observer.progress(&IngestProgress {
                bytes_read: bytes_read.load(Ordering::Relaxed),
                stored: ingested.load(Ordering::Relaxed),
                appearances: appearances.load(Ordering::Relaxed),
                duplicates: duplicates.load(Ordering::Relaxed),
                failed: summary.failed,
            });
        }
        drop(write_tx);
        writer.join().map_err(|_| AppError::WriterPanicked)?
    })?;
    summary.ingested = ingested.into_inner();
    summary.appearances = appearances.into_inner();
    summary.duplicates = duplicates.into_inner();
    summary.seconds = started.elapsed().as_secs_f64();
    let handled = (summary.ingested + summary.appearances + summary.duplicates) as f64;
    summary.docs_per_second = handled / summary.seconds.max(1e-9);
    Ok(summary)
}

/// `recoupe ingest`: opens (or creates) the store at `db`, ingests `paths`, then runs the
/// cross-article entity clustering when `cluster` is set and something new was stored, or
/// a pass is still pending (an earlier ingest was killed before its pass was recorded).
/// The cross-article layer (stories, copies, facts, events) is updated as each batch is
/// stored.
pub fn ingest(
    db: &Path,
    paths: &[String],
    batch: usize,
    cluster: bool,
    observer: &mut dyn IngestObserver,
) -> Result<IngestSummary, AppError> {
    ingest_with(
        db,
        paths,
        &IngestSettings {
            batch,
            cluster,
            stories: true,
        },
        &IngestOptions::default(),
        observer,
    )
}

/// What an ingest does besides storing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IngestSettings {
    /// Documents per store transaction.
    pub batch: usize,
    /// Run the cross-article entity clustering afterwards.
    pub cluster: bool,
    /// Keep the cross-article layer up to date while storing (and add the documents it
    /// does not hold yet afterwards). Off, new documents wait for the next ingest or
    /// `recoupe stories --update`.
    pub stories: bool,
}

/// [`ingest`] with every setting.
pub fn ingest_with(
    db: &Path,
    paths: &[String],
    settings: &IngestSettings,
    opts: &IngestOptions,
    observer: &mut dyn IngestObserver,
) -> Result<IngestSummary, AppError> {
    let pipeline = crate::pipeline()?;
    let mut store = crate::open_store(db)?;
    store.set_story_layer(settings.stories);
    // A second connection reads which texts are stored while the first one writes.
    let known = crate::open_store(db)?;
    let mut summary = ingest_into_with(
        &mut store,
        &known,
        &pipeline,
        paths,
        settings.batch,
        opts,
        observer,
    )?;
    if settings.stories {
        // Documents stored with the layer off, or before the store had it.
        let started = Instant::now();
        summary.stories_pending_added = store.update_stories()?.articles;
        summary.stories_seconds = started.elapsed().as_secs_f64();
    }
    if settings.cluster {
        let pending = store
            .clustering_pending()
            .map_err(|e| AppError::Cluster(Box::new(e)))?;
        if summary.ingested > 0 || pending {
            cluster_after_ingest(&mut store, &mut summary, observer)?;
        }
    }
    Ok(summary)
}

fn cluster_after_ingest(
    store: &mut SqliteStore,
    summary: &mut IngestSummary,
    observer: &mut dyn IngestObserver,
) -> Result<(), AppError> {
    let started = Instant::now();
    let report = store
        .cluster_entities_with_progress(&mut |p| observer.cluster_progress(p))
        .map_err(|e| AppError::Cluster(Box::new(e)))?;
    summary.merges_added = report.added;
    summary.cluster_seconds = started.elapsed().as_secs_f64();
    Ok(())
}

/// Counts the documents of a batch whose French stages were skipped, by language.
fn count_not_french(docs: &[Document], summary: &mut IngestSummary) {
    for doc in docs.iter().filter(|d| !d.is_french()) {
        let code = doc
            .meta
            .language
            .as_ref()
            .map_or("und", |l| l.code.as_str());
        *summary.not_french.entry(code.to_string()).or_default() += 1;
    }
}
