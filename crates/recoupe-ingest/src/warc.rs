//! WARC archives (e.g. Common Crawl News), read record by record from a `BufRead` so a
//! multi-gigabyte file streams in constant memory. Only `response` records with HTTP 200
//! and an HTML content type become documents; bodies of other records are skipped without
//! being buffered.
//!
//! A malformed record yields an error for that record and the reader resynchronises on the
//! next `WARC/` version line; a truncated record (end of file or of the gzip stream inside
//! its content) ends the file after its error. Record offsets are byte offsets in the
//! (decompressed) WARC stream.

use std::collections::BTreeMap;
use std::io::{BufRead, Read};
use std::sync::{mpsc, Arc, Mutex};

use recoupe_model::{Document, Metadata, Origin, OriginKind};

use crate::encoding::{charset_param, decode, html_declared_charset};
use crate::error::{ErrorReason, IngestError, Note, RecordRef};
use crate::html::extract_html;
use crate::{finish_page, read_line_bounded, IngestOptions, LineRead, RecordSource};

/// Finished outcomes held for re-ordering before the reader stops reading ahead.
const MAX_READY: usize = 4096;

/// Longest WARC header line accepted.
const MAX_HEADER_LINE: u64 = 64 * 1024;

/// One WARC record; `body` is `None` when the caller did not want it.
#[derive(Debug, Clone)]
pub struct WarcRecord {
    pub number: u64,
    pub offset: u64,
    pub headers: Vec<(String, String)>,
    pub content_length: u64,
    pub body: Option<Vec<u8>>,
}

impl WarcRecord {
    /// Value of a header, names compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        header_value(&self.headers, name)
    }
}

fn header_value<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// An error in one record. After a `fatal` error the reader yields nothing more.
#[derive(Debug)]
pub struct WarcError {
    pub number: u64,
    pub offset: u64,
    pub reason: ErrorReason,
    pub fatal: bool,
}

/// Streaming WARC record reader.
pub struct WarcReader<R> {
    reader: R,
    position: u64,
    number: u64,
    finished: bool,
    /// Offset of a version line already consumed while resynchronising.
    pending_version_at: Option<u64>,
    line: Vec<u8>,
    max_body: u64,
}

impl<R: BufRead> WarcReader<R> {
    /// `max_body`: bodies larger than this are skipped with a `TooLarge` error.
    pub fn new(reader: R, max_body: u64) -> Self {
        WarcReader {
            reader,
            position: 0,
            number: 0,
            finished: false,
            pending_version_at: None,
            line: Vec::with_capacity(1024),
            max_body,
        }
    }

    fn read_line(&mut self) -> Result<Option<()>, ErrorReason> {
        match read_line_bounded(&mut self.reader, &mut self.line, MAX_HEADER_LINE)? {
            LineRead::Eof => Ok(None),
            LineRead::Line { consumed } => {
                self.position += consumed;
                Ok(Some(()))
            }
            LineRead::TooLong { size } => {
                self.position += size;
                Err(ErrorReason::Warc(format!(
                    "header line of {size} bytes is longer than {MAX_HEADER_LINE}"
                )))
            }
        }
    }

    /// Skips lines up to the next `WARC/` version line; returns false at end of file.
    fn resync(&mut self) -> bool {
        loop {
            let start = self.position;
            match self.read_line() {
                Ok(Some(())) if self.line.starts_with(b"WARC/") => {
                    self.pending_version_at = Some(start);
                    return true;
                }
                Ok(Some(())) | Err(ErrorReason::Warc(_)) => continue,
                Ok(None) | Err(_) => {
                    self.finished = true;
                    return false;
                }
            }
        }
    }

    fn fail(
        &mut self,
        offset: u64,
        reason: ErrorReason,
        fatal: bool,
    ) -> Option<Result<WarcRecord, WarcError>> {
        if fatal {
            self.finished = true;
        } else {
            self.resync();
        }
        Some(Err(WarcError {
            number: self.number,
            offset,
            reason,
            fatal,
        }))
    }

    /// Reads the next record; its body is read only when `want_body(headers)` is true.
    pub fn next_record(
        &mut self,
        want_body: impl Fn(&[(String, String)]) -> bool,
    ) -> Option<Result<WarcRecord, WarcError>> {
        if self.finished {
            return None;
        }
        let offset = match self.pending_version_at.take() {
            Some(offset) => offset,
            None => loop {
                let start = self.position;
                match self.read_line() {
                    Ok(None) => {
                        self.finished = true;
                        return None;
                    }
                    Err(reason) => {
                        self.number += 1;
                        return self.fail(start, reason, false);
                    }
                    Ok(Some(())) if self.line.iter().all(u8::is_ascii_whitespace) => continue,
                    Ok(Some(())) => {
                        if !self.line.starts_with(b"WARC/") {
                            self.number += 1;
                            let found =
                                String::from_utf8_lossy(&self.line[..self.line.len().min(40)])
                                    .into_owned();
                            return self.fail(
                                start,
                                ErrorReason::Warc(format!(
                                    "expected a `WARC/1.x` version line, found `{found}`"
                                )),
                                false,
                            );
                        }
                        break start;
                    }
                }
            },
        };
        self.number += 1;
        let mut headers: Vec<(String, String)> = Vec::with_capacity(16);
        loop {
            match self.read_line() {
                Ok(None) => {
                    return self.fail(
                        offset,
                        ErrorReason::Warc("end of input inside the record header".to_owned()),
                        true,
                    )
                }
                Err(reason) => return self.fail(offset, reason, false),
                Ok(Some(())) => {}
            }
            if self.line.is_empty() {
                break;
            }
            let line = String::from_utf8_lossy(&self.line);
            if line.starts_with([' ', '\t']) {
                // Folded header continuation.
                if let Some((_, value)) = headers.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                continue;
            }
            match line.split_once(':') {
                Some((name, value)) => {
                    headers.push((name.trim().to_owned(), value.trim().to_owned()))
                }
                None => {
                    let reason = ErrorReason::Warc(format!(
                        "header line without `:`: `{}`",
                        line.chars().take(60).collect::<String>()
                    ));
                    return self.fail(offset, reason, false);
                }
            }
        }
        let length = match header_value(&headers, "Content-Length").map(|v| v.parse::<u64>()) {
            Some(Ok(length)) => length,
            Some(Err(_)) | None => {
                let found = header_value(&headers, "Content-Length")
                    .unwrap_or("(missing)")
                    .to_owned();
                return self.fail(
                    offset,
                    ErrorReason::Warc(format!("invalid Content-Length `{found}`")),
                    false,
                );
            }
        };
        let wanted = want_body(&headers);
        if !wanted || length > self.max_body {
            let skipped = std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink());
            match skipped {
                Ok(copied) if copied == length => {}
                Ok(copied) => {
                    return self.fail(
                        offset,
                        ErrorReason::Truncated {
                            expected: length,
                            got: copied,
                        },
                        true,
                    )
                }
                Err(error) => return self.fail(offset, ErrorReason::Io(error), true),
            }
            self.position += length;
            if wanted {
                return Some(Err(WarcError {
                    number: self.number,
                    offset,
                    reason: ErrorReason::TooLarge {
                        size: length,
                        limit: self.max_body,
                    },
                    fatal: false,
                }));
            }
            return Some(Ok(WarcRecord {
                number: self.number,
                offset,
                headers,
                content_length: length,
                body: None,
            }));
        }
        let mut body = Vec::with_capacity(length.min(16 << 20) as usize);
        match (&mut self.reader).take(length).read_to_end(&mut body) {
            Ok(got) if got as u64 == length => {}
            Ok(got) => {
                return self.fail(
                    offset,
                    ErrorReason::Truncated {
                        expected: length,
                        got: got as u64,
                    },
                    true,
                )
            }
            Err(error) => return self.fail(offset, ErrorReason::Io(error), true),
        }
        self.position += length;
        Some(Ok(WarcRecord {
            number: self.number,
            offset,
            headers,
            content_length: length,
            body: Some(body),
        }))
    }
}

/// Counts of records that were read but are not documents, reported once per file.
#[derive(Default)]
struct Skipped {
    not_response: u64,
    not_ok: u64,
    not_html: u64,
}

fn is_response(headers: &[(String, String)]) -> bool {
    header_value(headers, "WARC-Type").is_some_and(|kind| kind.eq_ignore_ascii_case("response"))
}

/// Outcome of reading the HTTP response inside a record.
enum Response {
    Html {
        body: Vec<u8>,
        charset: Option<String>,
    },
    Non200,
    NonHtml,
}

fn parse_http(payload: &[u8], max_body: u64) -> Result<Response, ErrorReason> {
    let (head_end, separator) = match memchr::memmem::find(payload, b"\r\n\r\n") {
        Some(end) => (end, 4),
        None => match memchr::memmem::find(payload, b"\n\n") {
            Some(end) => (end, 2),
            None => {
                return Err(ErrorReason::Http(
                    "no blank line after the HTTP headers".to_owned(),
                ))
            }
        },
    };
    let head = String::from_utf8_lossy(&payload[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.split_whitespace();
    let version = parts.next().unwrap_or("");
    if !version.starts_with("HTTP/") {
        return Err(ErrorReason::Http(format!(
            "bad status line `{}`",
            status_line.chars().take(60).collect::<String>()
        )));
    }
    let status: u16 = parts
        .next()
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| {
            ErrorReason::Http(format!(
                "bad status line `{}`",
                status_line.chars().take(60).collect::<String>()
            ))
        })?;
    if status != 200 {
        return Ok(Response::Non200);
    }
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    let body = &payload[head_end + separator..];
    let content_type = header_value(&headers, "Content-Type").map(str::to_ascii_lowercase);
    let is_html = match &content_type {
        Some(kind) => kind.contains("text/html") || kind.contains("application/xhtml"),
        None => {
            let start = &body[..body.len().min(512)];
            let lower: Vec<u8> = start.iter().map(u8::to_ascii_lowercase).collect();
            memchr::memmem::find(&lower, b"<html").is_some()
                || memchr::memmem::find(&lower, b"<!doctype html").is_some()
        }
    };
    if !is_html {
        return Ok(Response::NonHtml);
    }
    let mut body = body.to_vec();
    if header_value(&headers, "Transfer-Encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"))
    {
        body = dechunk(&body)?;
    }
    if let Some(encoding) = header_value(&headers, "Content-Encoding").map(str::to_ascii_lowercase)
    {
        body = match encoding.trim() {
            "" | "identity" | "none" => body,
            "gzip" | "x-gzip" => inflate(flate2::read::MultiGzDecoder::new(&body[..]), max_body)?,
            "deflate" => inflate(flate2::read::ZlibDecoder::new(&body[..]), max_body)?,
            other => {
                return Err(ErrorReason::Http(format!(
                    "unsupported Content-Encoding `{other}`"
                )))
            }
        };
    }
    let charset = content_type
        .as_deref()
        .and_then(|kind| charset_param(kind.as_bytes()));
    Ok(Response::Html { body, charset })
}

fn inflate(decoder: impl Read, max_body: u64) -> Result<Vec<u8>, ErrorReason> {
    let mut out = Vec::new();
    decoder
        .take(max_body + 1)
        .read_to_end(&mut out)
        .map_err(|error| ErrorReason::Http(format!("cannot decompress the body: {error}")))?;
    if out.len() as u64 > max_body {
        return Err(ErrorReason::TooLarge {
            size: out.len() as u64,
            limit: max_body,
        });
    }
    Ok(out)
}

/// Decodes an HTTP/1.1 chunked body.
fn dechunk(mut input: &[u8]) -> Result<Vec<u8>, ErrorReason> {
    let mut out = Vec::with_capacity(input.len());
    loop {
        let line_end = memchr::memchr(b'\n', input)
            .ok_or_else(|| ErrorReason::Http("chunk size line missing".to_owned()))?;
        let size_line = String::from_utf8_lossy(&input[..line_end]);
        let size_text = size_line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| ErrorReason::Http(format!("bad chunk size `{size_text}`")))?;
        input = &input[line_end + 1..];
        if size == 0 {
            return Ok(out);
        }
        if input.len() < size {
            return Err(ErrorReason::Http(
                "chunk shorter than its declared size".to_owned(),
            ));
        }
        out.extend_from_slice(&input[..size]);
        input = &input[size..];
        input = input
            .strip_prefix(b"\r\n")
            .or_else(|| input.strip_prefix(b"\n"))
            .unwrap_or(input);
    }
}

/// What became of one record.
enum Outcome {
    Document(Box<Document>),
    Skipped(SkipKind),
    Failed(IngestError),
}

#[derive(Clone, Copy)]
enum SkipKind {
    NonResponse,
    Non200,
    NonHtml,
}

/// Turns one record into a document. Runs on worker threads; a panic inside the HTML
/// extractor is contained and reported as an error for the record.
fn process_record(record: WarcRecord, path: &str, opts: &IngestOptions) -> (Outcome, Option<Note>) {
    let record_ref = RecordRef::Warc {
        number: record.number,
        offset: record.offset,
    };
    let fail = |reason| Outcome::Failed(IngestError::new(path, Some(record_ref.clone()), reason));
    let Some(payload) = record.body.as_deref() else {
        return (Outcome::Skipped(SkipKind::NonResponse), None);
    };
    let (body, charset) = match parse_http(payload, opts.max_document_bytes) {
        Err(reason) => return (fail(reason), None),
        Ok(Response::Non200) => return (Outcome::Skipped(SkipKind::Non200), None),
        Ok(Response::NonHtml) => return (Outcome::Skipped(SkipKind::NonHtml), None),
        Ok(Response::Html { body, charset }) => (body, charset),
    };
    let declared = charset.or_else(|| html_declared_charset(&body));
    let decoded = decode(&body, declared.as_deref());
    let note = decoded.lossy.then(|| {
        Note::new(
            path,
            Some(record_ref.clone()),
            format!(
                "some bytes are not valid {}; replaced by U+FFFD",
                decoded.encoding.name()
            ),
        )
    });
    let target = record
        .header("WARC-Target-URI")
        .map(|uri| uri.trim_matches(['<', '>']).to_owned());
    let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extract_html(&decoded.text, target.as_deref(), opts.prepend_title)
    }));
    let page = match extracted {
        Ok(Ok(page)) => page,
        Ok(Err(reason)) => return (fail(reason), note),
        Err(_) => {
            return (
                fail(ErrorReason::Http(
                    "the HTML extractor panicked on this page".to_owned(),
                )),
                note,
            )
        }
    };
    let meta = Metadata::new(Origin {
        kind: OriginKind::Warc,
        path: path.to_owned(),
        record: Some(record_ref.to_origin_record()),
    });
    (
        Outcome::Document(Box::new(finish_page(page, meta, opts))),
        note,
    )
}

/// Worker threads extracting pages while the reader thread keeps parsing the archive.
/// Results are re-ordered by sequence number, so output order is the archive order.
struct Pool {
    jobs: Option<mpsc::SyncSender<(u64, WarcRecord)>>,
    results: mpsc::Receiver<(u64, Outcome, Option<Note>)>,
    workers: Vec<std::thread::JoinHandle<()>>,
    in_flight: usize,
    window: usize,
}

impl Pool {
    fn new(threads: usize, path: &str, opts: &IngestOptions) -> Pool {
        let window = threads * 4;
        let (job_sender, job_receiver) = mpsc::sync_channel::<(u64, WarcRecord)>(window);
        let job_receiver = Arc::new(Mutex::new(job_receiver));
        let (result_sender, results) = mpsc::channel();
        let workers = (0..threads)
            .map(|_| {
                let jobs = Arc::clone(&job_receiver);
                let results = result_sender.clone();
                let path = path.to_owned();
                let opts = opts.clone();
                std::thread::spawn(move || loop {
                    // The lock is held only while waiting for a job, not while working.
                    let job = match jobs.lock() {
                        Ok(receiver) => receiver.recv(),
                        Err(_) => return,
                    };
                    let Ok((sequence, record)) = job else { return };
                    let (outcome, note) = process_record(record, &path, &opts);
                    if results.send((sequence, outcome, note)).is_err() {
                        return;
                    }
                })
            })
            .collect();
        Pool {
            jobs: Some(job_sender),
            results,
            workers,
            in_flight: 0,
            window,
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // Closing the job channel stops the workers once their current page is done.
        self.jobs = None;
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

/// WARC file → documents.
pub struct WarcSource<R> {
    reader: WarcReader<R>,
    path: String,
    opts: IngestOptions,
    skipped: Skipped,
    summarised: bool,
    pool: Option<Pool>,
    /// Finished outcomes waiting for their turn, by sequence number.
    ready: BTreeMap<u64, (Outcome, Option<Note>)>,
    next_sequence: u64,
    next_to_emit: u64,
    reader_done: bool,
}

impl<R: BufRead> WarcSource<R> {
    pub fn new(reader: R, path: String, opts: IngestOptions) -> Self {
        let pool = (opts.threads > 1).then(|| Pool::new(opts.threads, &path, &opts));
        WarcSource {
            reader: WarcReader::new(reader, opts.max_document_bytes),
            path,
            opts,
            skipped: Skipped::default(),
            summarised: false,
            pool,
            ready: BTreeMap::new(),
            next_sequence: 0,
            next_to_emit: 0,
            reader_done: false,
        }
    }

    /// Reads the next record and either finishes it here (errors, skipped records, or all
    /// records without a pool) or hands it to a worker.
    fn feed_one(&mut self) {
        let sequence = self.next_sequence;
        let Some(next) = self.reader.next_record(is_response) else {
            self.reader_done = true;
            return;
        };
        self.next_sequence += 1;
        let record = match next {
            Err(error) => {
                let failure = IngestError::new(
                    self.path.clone(),
                    Some(RecordRef::Warc {
                        number: error.number,
                        offset: error.offset,
                    }),
                    error.reason,
                );
                self.ready
                    .insert(sequence, (Outcome::Failed(failure), None));
                return;
            }
            Ok(record) => record,
        };
        if record.body.is_none() {
            self.ready
                .insert(sequence, (Outcome::Skipped(SkipKind::NonResponse), None));
            return;
        }
        match self.pool.as_mut() {
            Some(pool) => {
                let sent = pool
                    .jobs
                    .as_ref()
                    .is_some_and(|jobs| jobs.send((sequence, record)).is_ok());
                if sent {
                    pool.in_flight += 1;
                } else {
                    let failure = IngestError::new(
                        self.path.clone(),
                        None,
                        ErrorReason::Http("extraction workers stopped".to_owned()),
                    );
                    self.ready
                        .insert(sequence, (Outcome::Failed(failure), None));
                }
            }
            None => {
                let outcome = process_record(record, &self.path, &self.opts);
                self.ready.insert(sequence, outcome);
            }
        }
    }

    fn summary(&mut self, notes: &mut Vec<Note>) {
        if self.summarised {
            return;
        }
        self.summarised = true;
        let Skipped {
            not_response,
            not_ok,
            not_html,
        } = self.skipped;
        if not_response + not_ok + not_html > 0 {
            notes.push(Note::new(
                self.path.clone(),
                None,
                format!(
                    "skipped {not_response} non-response record(s), {not_ok} non-200 response(s), {not_html} non-HTML response(s)"
                ),
            ));
        }
    }
}

impl<R: BufRead + Send> RecordSource for WarcSource<R> {
    fn next_record(&mut self, notes: &mut Vec<Note>) -> Option<Result<Document, IngestError>> {
        loop {
            if let Some((outcome, note)) = self.ready.remove(&self.next_to_emit) {
                self.next_to_emit += 1;
                notes.extend(note);
                match outcome {
                    Outcome::Document(document) => return Some(Ok(*document)),
                    Outcome::Failed(error) => return Some(Err(error)),
                    Outcome::Skipped(kind) => {
                        match kind {
                            SkipKind::NonResponse => self.skipped.not_response += 1,
                            SkipKind::Non200 => self.skipped.not_ok += 1,
                            SkipKind::NonHtml => self.skipped.not_html += 1,
                        }
                        continue;
                    }
                }
            }
            let (in_flight, window) = self
                .pool
                .as_ref()
                .map_or((0, 1), |pool| (pool.in_flight, pool.window));
            // Skipped records waiting behind a slow page are cheap but still bounded.
            if !self.reader_done && in_flight < window && self.ready.len() < MAX_READY {
                self.feed_one();
                continue;
            }
            if self.next_to_emit >= self.next_sequence && self.reader_done {
                self.summary(notes);
                return None;
            }
            // The next record in order is being processed by a worker: wait for results.
            let pool = self.pool.as_mut()?;
            match pool.results.recv() {
                Ok((sequence, outcome, note)) => {
                    pool.in_flight -= 1;
                    self.ready.insert(sequence, (outcome, note));
                }
                Err(_) => {
                    self.reader_done = true;
                    self.next_to_emit = self.next_sequence;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        let body = dechunk(b"5\r\nHello\r\n6;ext=1\r\n World\r\n0\r\n\r\n").expect("valid");
        assert_eq!(body, b"Hello World");
        assert!(dechunk(b"zz\r\nHello").is_err());
        assert!(dechunk(b"10\r\nshort").is_err());
    }
}
