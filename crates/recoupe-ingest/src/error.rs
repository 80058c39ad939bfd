//! Errors and notes produced while reading inputs.
//!
//! Every error names the input path and, for files that hold many documents, the record
//! inside it, so that one bad line or WARC record can be reported and skipped while the
//! rest of the input is still read.

use std::fmt;

/// A record inside a multi-document input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordRef {
    /// 1-based line number in a JSONL file.
    Line(u64),
    /// 0-based item index in an RSS/Atom feed, with the item's GUID/id when it has one.
    Item { index: usize, guid: Option<String> },
    /// 1-based record number in a WARC file and the byte offset where the record starts
    /// (in the decompressed stream for `.warc.gz`).
    Warc { number: u64, offset: u64 },
}

impl RecordRef {
    /// The value stored in `Origin::record`.
    pub fn to_origin_record(&self) -> String {
        match self {
            RecordRef::Line(line) => format!("line {line}"),
            RecordRef::Item {
                index,
                guid: Some(guid),
            } => format!("item {index} ({guid})"),
            RecordRef::Item { index, guid: None } => format!("item {index}"),
            RecordRef::Warc { number, offset } => format!("record {number} @ {offset}"),
        }
    }
}

/// Formats the location suffix after a path: `:12` for a line, ` record 3 @ 1024` otherwise.
struct Location<'a>(&'a Option<RecordRef>);

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => Ok(()),
            Some(RecordRef::Line(line)) => write!(f, ":{line}"),
            Some(other) => write!(f, " ({})", other.to_origin_record()),
        }
    }
}

/// Why an input (or one record of it) could not be turned into a document.
#[derive(Debug, thiserror::Error)]
pub enum ErrorReason {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("no such file or directory")]
    NotFound,
    #[error("invalid glob pattern: {0}")]
    Glob(String),
    #[error("glob pattern matches no file")]
    GlobNoMatch,
    #[error("invalid JSON: {0}")]
    Json(String),
    #[error("invalid sidecar metadata {sidecar}: {message}")]
    Sidecar { sidecar: String, message: String },
    #[error("front matter line {line}: {message}")]
    FrontMatter { line: usize, message: String },
    #[error("field `{field}`: `{value}` is not a date (expected YYYY-MM-DD or an RFC 3339/2822 timestamp)")]
    InvalidDate { field: &'static str, value: String },
    #[error("not a valid RSS/Atom feed: {0}")]
    Feed(String),
    #[error("malformed WARC record: {0}")]
    Warc(String),
    #[error("truncated record: expected {expected} bytes of content, got {got}")]
    Truncated { expected: u64, got: u64 },
    #[error("malformed HTTP response: {0}")]
    Http(String),
    #[error("record of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("line is not valid UTF-8: {0}")]
    Utf8(String),
    #[error("no text: {0}")]
    Empty(&'static str),
    #[error("not text: the content is {0}; nothing was read from it")]
    Binary(&'static str),
}

/// An input, or one record of it, that could not be read. Reading continues with the next
/// record when the format allows it.
#[derive(Debug, thiserror::Error)]
#[error("{path}{}: {reason}", Location(.record))]
pub struct IngestError {
    /// The path as given (or found by walking a directory), `-` for stdin.
    pub path: String,
    pub record: Option<RecordRef>,
    #[source]
    pub reason: ErrorReason,
}

impl IngestError {
    pub fn new(path: impl Into<String>, record: Option<RecordRef>, reason: ErrorReason) -> Self {
        IngestError {
            path: path.into(),
            record,
            reason,
        }
    }
}

/// Something the caller may want to show but that is not an error: a skipped file, a lossy
/// decode, a summary of skipped WARC records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub path: String,
    pub record: Option<RecordRef>,
    pub message: String,
}

impl Note {
    pub fn new(
        path: impl Into<String>,
        record: Option<RecordRef>,
        message: impl Into<String>,
    ) -> Self {
        Note {
            path: path.into(),
            record,
            message: message.into(),
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}: {}",
            self.path,
            Location(&self.record),
            self.message
        )
    }
}
