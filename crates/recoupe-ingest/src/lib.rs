//! Readers that turn input files into [`recoupe_model::Document`]s.
//!
//! Formats ([`InputFormat`]): plain text (with a `<name>.json` sidecar or front matter),
//! HTML pages (main content via dom_smoothie/Readability, metadata from meta tags and
//! JSON-LD), RSS/Atom feeds (feed-rs, one document per item), WARC archives (streamed,
//! one document per HTML 200 response) and the corpus JSONL format. Any file may be
//! gzipped (detected by its magic number).
//!
//! ```no_run
//! use recoupe_ingest::{read_inputs, input_size, IngestOptions};
//! let paths = vec!["articles/".to_owned(), "crawl/*.warc.gz".to_owned(), "-".to_owned()];
//! let total = input_size(&paths);
//! let mut documents = read_inputs(&paths, &IngestOptions::default());
//! while let Some(result) = documents.next() {
//!     match result {
//!         Ok(document) => println!("{} {:?}", document.id, document.meta.title),
//!         Err(error) => eprintln!("{error}"),
//!     }
//!     for note in documents.take_notes() {
//!         eprintln!("note: {note}");
//!     }
//!     eprintln!("{}/{} bytes", documents.bytes_read(), total);
//! }
//! ```
//!
//! Everything is lazy: files are opened one at a time, multi-document files (JSONL, WARC)
//! are read record by record, so memory does not grow with the input size. Errors carry
//! the path and the record (line, feed item, WARC record) and reading goes on with the next
//! record. Non-error events (skipped files, lossy decodes, skipped WARC records) are
//! [`Note`]s collected on the iterator.

mod dates;
mod encoding;
mod error;
mod feed;
mod format;
mod html;
mod inputs;
mod jsonl;
mod lang;
mod text;
mod warc;

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use recoupe_model::{DateSource, Document, Metadata, Origin, OriginKind, Published};
use serde::Deserialize;

pub use dates::parse_published;
pub use encoding::{decode, html_declared_charset, Decoded};
pub use error::{ErrorReason, IngestError, Note, RecordRef};
pub use format::InputFormat;
pub use html::{extract_html, html_fragment_to_text, HtmlPage};
pub use inputs::{input_size, resolve_inputs, ResolvedInput};
pub use lang::identify as identify_language;
pub use text::{split_front_matter, TextMetadata};
pub use warc::{WarcError, WarcReader, WarcRecord};

/// Options for all readers.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct IngestOptions {
    /// Read every input as this format instead of detecting it.
    pub format: Option<InputFormat>,
    /// Identify the language of each document (whatlang) unless the source declares it.
    pub detect_language: bool,
    /// Prepend the title to HTML and feed texts that do not already start with it.
    pub prepend_title: bool,
    /// Largest single document (text/HTML file, JSONL line, WARC record body) accepted;
    /// larger ones are reported as errors instead of exhausting memory.
    pub max_document_bytes: u64,
    /// Threads extracting HTML pages from WARC archives (records are still read by one
    /// thread and documents come out in archive order). 1 extracts on the calling thread.
    pub threads: usize,
    /// Take every document to be in this language (ISO 639-1 or 639-3, `fr-CA` → `fr`)
    /// whatever its source declares or identification says (`--lang`).
    pub language: Option<String>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            format: None,
            detect_language: true,
            prepend_title: true,
            max_document_bytes: 64 << 20,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get().min(4)),
            language: None,
        }
    }
}

/// Reads documents from paths: files, directories (walked recursively in sorted order,
/// hidden entries and unknown extensions skipped with a note), glob patterns, and `-` for
/// standard input (format sniffed).
pub fn read_inputs(paths: &[String], opts: &IngestOptions) -> Documents {
    let (resolved, notes) = resolve_inputs(paths);
    let mut documents = Documents::empty(opts);
    documents.notes = notes;
    for input in resolved {
        documents.pending.push_back(match input {
            ResolvedInput::File { path, display } => Pending::File { path, display },
            ResolvedInput::Stdin => Pending::Reader {
                reader: Box::new(std::io::stdin()),
                name: "-".to_owned(),
                format: None,
                stdin: true,
            },
            ResolvedInput::Error(error) => Pending::Error(error),
        });
    }
    documents
}

/// Reads one file, its format taken from `opts.format`, its extension, or its content.
pub fn read_path(path: &Path, opts: &IngestOptions) -> Documents {
    let mut documents = Documents::empty(opts);
    documents.pending.push_back(Pending::File {
        path: path.to_owned(),
        display: path.display().to_string(),
    });
    documents
}

/// Reads documents from any byte stream; `name` is used as the origin path. The format is
/// `format`, else `opts.format`, else sniffed from the first bytes.
pub fn read_reader(
    reader: impl Read + Send + 'static,
    name: &str,
    format: Option<InputFormat>,
    opts: &IngestOptions,
) -> Documents {
    let mut documents = Documents::empty(opts);
    documents.pending.push_back(Pending::Reader {
        reader: Box::new(reader),
        name: name.to_owned(),
        format,
        stdin: false,
    });
    documents
}

enum Pending {
    File {
        path: PathBuf,
        display: String,
    },
    Reader {
        reader: Box<dyn Read + Send>,
        name: String,
        format: Option<InputFormat>,
        stdin: bool,
    },
    Error(IngestError),
}

/// A source of documents inside one opened input.
pub(crate) trait RecordSource: Send {
    fn next_record(&mut self, notes: &mut Vec<Note>) -> Option<Result<Document, IngestError>>;
}

/// Documents already built (single-document files, feeds).
struct Ready(VecDeque<Result<Document, IngestError>>);

impl RecordSource for Ready {
    fn next_record(&mut self, _notes: &mut Vec<Note>) -> Option<Result<Document, IngestError>> {
        self.0.pop_front()
    }
}

/// Lazy stream of documents over a list of inputs. `Send`, so it can feed a worker thread.
pub struct Documents {
    pending: VecDeque<Pending>,
    current: Option<Box<dyn RecordSource>>,
    notes: Vec<Note>,
    bytes_read: Arc<AtomicU64>,
    opts: IngestOptions,
}

impl Documents {
    fn empty(opts: &IngestOptions) -> Self {
        Documents {
            pending: VecDeque::new(),
            current: None,
            notes: Vec::new(),
            bytes_read: Arc::new(AtomicU64::new(0)),
            opts: opts.clone(),
        }
    }

    /// Notes gathered since the last call (skipped files, lossy decodes, skipped records).
    pub fn take_notes(&mut self) -> Vec<Note> {
        std::mem::take(&mut self.notes)
    }

    /// Bytes read so far from the input files (compressed bytes for gzipped files), to
    /// compare with [`input_size`] for a progress bar.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read.load(Ordering::Relaxed)
    }

    /// Shared counter behind [`Documents::bytes_read`], readable from another thread.
    pub fn bytes_read_counter(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.bytes_read)
    }

    fn open(&mut self, pending: Pending) -> Result<Box<dyn RecordSource>, IngestError> {
        match pending {
            Pending::Error(error) => Err(error),
            Pending::File { path, display } => {
                let file = std::fs::File::open(&path).map_err(|error| {
                    IngestError::new(display.clone(), None, ErrorReason::Io(error))
                })?;
                let format = self.opts.format.or_else(|| InputFormat::from_path(&path));
                self.open_stream(Box::new(file), display, format, Some(path), false)
            }
            Pending::Reader {
                reader,
                name,
                format,
                stdin,
            } => {
                let format = format.or(self.opts.format);
                self.open_stream(reader, name, format, None, stdin)
            }
        }
    }

    fn open_stream(
        &mut self,
        reader: Box<dyn Read + Send>,
        display: String,
        format: Option<InputFormat>,
        path: Option<PathBuf>,
        stdin: bool,
    ) -> Result<Box<dyn RecordSource>, IngestError> {
        let io_error =
            |error: std::io::Error| IngestError::new(display.clone(), None, ErrorReason::Io(error));
        let counted = CountingReader {
            inner: reader,
            counter: Arc::clone(&self.bytes_read),
        };
        let mut buffered: Box<dyn BufRead + Send> =
            Box::new(BufReader::with_capacity(256 * 1024, counted));
        if format::is_gzip(buffered.fill_buf().map_err(io_error)?) {
            // MultiGzDecoder reads every member, as in per-record gzipped WARC files.
            buffered = Box::new(BufReader::with_capacity(
                256 * 1024,
                flate2::read::MultiGzDecoder::new(buffered),
            ));
        }
        let format = match format {
            Some(format) => format,
            None => InputFormat::sniff(buffered.fill_buf().map_err(io_error)?),
        };
        let opts = self.opts.clone();
        Ok(match format {
            InputFormat::Jsonl => Box::new(jsonl::JsonlSource::new(buffered, display, opts)),
            InputFormat::Warc => Box::new(warc::WarcSource::new(buffered, display, opts)),
            InputFormat::Feed => {
                let documents = feed::feed_documents(buffered, &display, &opts, &mut self.notes)?;
                Box::new(Ready(documents.into()))
            }
            InputFormat::Text | InputFormat::Html => {
                let bytes = read_bounded(buffered, opts.max_document_bytes)
                    .map_err(|reason| IngestError::new(display.clone(), None, reason))?;
                if let Some(kind) = format::binary_kind(&bytes) {
                    return Err(IngestError::new(display, None, ErrorReason::Binary(kind)));
                }
                let document = if format == InputFormat::Text {
                    text_document(
                        &bytes,
                        &display,
                        path.as_deref(),
                        stdin,
                        &opts,
                        &mut self.notes,
                    )
                } else {
                    html_document(&bytes, &display, &opts, &mut self.notes)
                };
                Box::new(Ready(VecDeque::from([document])))
            }
        })
    }
}

impl Iterator for Documents {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(source) = self.current.as_mut() {
                if let Some(result) = source.next_record(&mut self.notes) {
                    return Some(result);
                }
                self.current = None;
            }
            let pending = self.pending.pop_front()?;
            match self.open(pending) {
                Ok(source) => self.current = Some(source),
                Err(error) => return Some(Err(error)),
            }
        }
    }
}

struct CountingReader<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.counter.fetch_add(read as u64, Ordering::Relaxed);
        Ok(read)
    }
}

fn read_bounded(reader: impl Read, limit: u64) -> Result<Vec<u8>, ErrorReason> {
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ErrorReason::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Result of [`read_line_bounded`].
pub(crate) enum LineRead {
    /// A line is in the buffer, without its `\n` / `\r\n`; `consumed` counts the newline.
    Line {
        consumed: u64,
    },
    /// Line longer than the limit; it was consumed and discarded.
    TooLong {
        size: u64,
    },
    Eof,
}

/// Reads one line into `buffer` without ever holding more than `limit` bytes of it.
pub(crate) fn read_line_bounded<R: BufRead + ?Sized>(
    reader: &mut R,
    buffer: &mut Vec<u8>,
    limit: u64,
) -> std::io::Result<LineRead> {
    buffer.clear();
    let mut consumed = 0u64;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            if consumed == 0 {
                return Ok(LineRead::Eof);
            }
            break;
        }
        let (chunk_len, done) = match memchr::memchr(b'\n', available) {
            Some(index) => (index + 1, true),
            None => (available.len(), false),
        };
        if !too_long {
            if (buffer.len() + chunk_len) as u64 > limit.saturating_add(2) {
                too_long = true;
                buffer.clear();
            } else {
                buffer.extend_from_slice(&available[..chunk_len]);
            }
        }
        reader.consume(chunk_len);
        consumed += chunk_len as u64;
        if done {
            break;
        }
    }
    if too_long {
        return Ok(LineRead::TooLong { size: consumed });
    }
    if buffer.last() == Some(&b'\n') {
        buffer.pop();
        if buffer.last() == Some(&b'\r') {
            buffer.pop();
        }
    }
    Ok(LineRead::Line { consumed })
}

/// Sets the language and builds the document. `declared` is a language given by the
/// source; when `authoritative` it wins over identification, otherwise it is only used
/// when whatlang cannot tell.
pub(crate) fn finish_document(
    text: String,
    mut meta: Metadata,
    declared: Option<&str>,
    authoritative: bool,
    opts: &IngestOptions,
) -> Document {
    if let Some(forced) = opts.language.as_deref().and_then(lang::declared) {
        meta.language = Some(forced);
        return Document::new(text, meta);
    }
    let declared = declared.and_then(lang::declared);
    meta.language = match declared {
        Some(language) if authoritative || !opts.detect_language => Some(language),
        declared if opts.detect_language => {
            let detected = lang::identify(&text);
            match declared {
                Some(language) if detected.code == "und" => Some(language),
                _ => Some(detected),
            }
        }
        _ => None,
    };
    Document::new(text, meta)
}

/// The warning for a `published` value that is not a date: the document is kept without one.
pub(crate) fn bad_date_note(path: &str, record: Option<RecordRef>, value: &str) -> Note {
    Note::new(
        path,
        record,
        format!(
            "field `published`: `{value}` is not a date (expected YYYY-MM-DD, DD/MM/YYYY, \
             \"5 mars 2024\" or an RFC 3339/2822 timestamp); the document is kept without a \
             publication date"
        ),
    )
}

/// Builds the document of an extracted HTML page.
pub(crate) fn finish_page(page: HtmlPage, mut meta: Metadata, opts: &IngestOptions) -> Document {
    meta.url = page.url;
    meta.outlet = page.outlet;
    meta.title = page.title;
    meta.published = page.published.map(|date| Published {
        date,
        source: DateSource::Metadata,
        inferred_from: None,
    });
    finish_document(page.text, meta, page.lang_attribute.as_deref(), false, opts)
}

fn html_document(
    bytes: &[u8],
    display: &str,
    opts: &IngestOptions,
    notes: &mut Vec<Note>,
) -> Result<Document, IngestError> {
    let declared = html_declared_charset(bytes);
    let decoded = decode(bytes, declared.as_deref());
    if decoded.lossy {
        notes.push(Note::new(
            display,
            None,
            format!(
                "some bytes are not valid {}; replaced by U+FFFD",
                decoded.encoding.name()
            ),
        ));
    }
    let page = extract_html(&decoded.text, None, opts.prepend_title)
        .map_err(|reason| IngestError::new(display, None, reason))?;
    let meta = Metadata::new(Origin {
        kind: OriginKind::Html,
        path: display.to_owned(),
        record: None,
    });
    Ok(finish_page(page, meta, opts))
}

fn text_document(
    bytes: &[u8],
    display: &str,
    path: Option<&Path>,
    stdin: bool,
    opts: &IngestOptions,
    notes: &mut Vec<Note>,
) -> Result<Document, IngestError> {
    let error = |reason| IngestError::new(display, None, reason);
    let decoded = decode(bytes, None);
    if decoded.lossy {
        notes.push(Note::new(
            display,
            None,
            format!(
                "some bytes are not valid {}; replaced by U+FFFD",
                decoded.encoding.name()
            ),
        ));
    }
    let (front_matter, body) = split_front_matter(&decoded.text).map_err(error)?;
    let sidecar = match path {
        Some(path) => text::read_sidecar(path).map_err(error)?,
        None => None,
    };
    let metadata = match (front_matter, sidecar) {
        (Some(front), Some(side)) => front.overridden_by(side),
        (front, side) => front.or(side).unwrap_or_default(),
    };
    if body.trim().is_empty() {
        return Err(error(ErrorReason::Empty("the file has no text")));
    }
    let published = match metadata
        .published
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        None => None,
        Some(value) => {
            let parsed = parse_published(value);
            if parsed.is_none() {
                // The line of the front matter that gives it (none for a sidecar).
                let front = &decoded.text[..decoded.text.len() - body.len()];
                let line = front
                    .lines()
                    .position(|l| {
                        l.trim_start()
                            .strip_prefix("published")
                            .is_some_and(|rest| rest.trim_start().starts_with(':'))
                    })
                    .map(|index| RecordRef::Line(index as u64 + 1));
                notes.push(bad_date_note(display, line, value));
            }
            parsed
        }
    };
    let mut meta = Metadata::new(Origin {
        kind: if stdin {
            OriginKind::Stdin
        } else {
            OriginKind::Text
        },
        path: display.to_owned(),
        record: None,
    });
    meta.external_id = metadata.id;
    meta.cluster = metadata.cluster;
    meta.title = metadata.title;
    meta.outlet = metadata
        .outlet
        .or_else(|| metadata.url.as_deref().and_then(html::host_of));
    meta.url = metadata.url;
    meta.published = published.map(|date| Published {
        date,
        source: DateSource::Metadata,
        inferred_from: None,
    });
    Ok(finish_document(
        body.to_owned(),
        meta,
        metadata.language.as_deref(),
        true,
        opts,
    ))
}
