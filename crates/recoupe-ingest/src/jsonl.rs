//! Corpus JSONL (`FORMAT.md`): `{"id","url","outlet","published","cluster","text", ...}` a
//! line. Extra fields (`pool`, `query`, …) are ignored. One error per bad line; the other
//! lines are still read.

use std::io::BufRead;

use recoupe_model::{DateSource, Document, Metadata, Origin, OriginKind, Published};
use serde::Deserialize;

use crate::dates::parse_published;
use crate::error::{ErrorReason, IngestError, Note, RecordRef};
use crate::{finish_document, read_line_bounded, IngestOptions, LineRead, RecordSource};

#[derive(Debug, Deserialize)]
struct CorpusLine {
    #[serde(default, deserialize_with = "string_or_number")]
    id: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    cluster: Option<String>,
    #[serde(default)]
    language: Option<String>,
    text: String,
}

/// Corpus ids are strings, but a numeric id is common enough in hand-made files to accept.
fn string_or_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Text(String),
        Number(serde_json::Number),
    }
    Ok(Option::<Id>::deserialize(deserializer)?.map(|id| match id {
        Id::Text(text) => text,
        Id::Number(number) => number.to_string(),
    }))
}

pub struct JsonlSource<R> {
    reader: R,
    path: String,
    line_number: u64,
    buffer: Vec<u8>,
    opts: IngestOptions,
    finished: bool,
}

impl<R: BufRead> JsonlSource<R> {
    pub fn new(reader: R, path: String, opts: IngestOptions) -> Self {
        JsonlSource {
            reader,
            path,
            line_number: 0,
            buffer: Vec::with_capacity(64 * 1024),
            opts,
            finished: false,
        }
    }

    fn error(&self, reason: ErrorReason) -> IngestError {
        IngestError::new(
            self.path.clone(),
            Some(RecordRef::Line(self.line_number)),
            reason,
        )
    }

    fn parse_line(&self, notes: &mut Vec<Note>) -> Result<Document, IngestError> {
        let bytes = if self.line_number == 1 {
            self.buffer
                .strip_prefix(crate::format::UTF8_BOM)
                .unwrap_or(&self.buffer)
        } else {
            &self.buffer
        };
        let line = std::str::from_utf8(bytes)
            .map_err(|error| self.error(ErrorReason::Utf8(error.to_string())))?;
        let record: CorpusLine = serde_json::from_str(line)
            .map_err(|error| self.error(ErrorReason::Json(error.to_string())))?;
        if record.text.trim().is_empty() {
            return Err(self.error(ErrorReason::Empty("field `text` is empty")));
        }
        let published = match record
            .published
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            None => None,
            Some(value) => {
                let parsed = parse_published(value);
                if parsed.is_none() {
                    notes.push(crate::bad_date_note(
                        &self.path,
                        Some(RecordRef::Line(self.line_number)),
                        value,
                    ));
                }
                parsed
            }
        };
        let mut meta = Metadata::new(Origin {
            kind: OriginKind::Jsonl,
            path: self.path.clone(),
            record: Some(RecordRef::Line(self.line_number).to_origin_record()),
        });
        meta.external_id = record.id;
        meta.url = record.url;
        meta.outlet = record.outlet;
        meta.title = record.title;
        meta.cluster = record.cluster;
        meta.published = published.map(|date| Published {
            date,
            source: DateSource::Metadata,
            inferred_from: None,
        });
        Ok(finish_document(
            record.text,
            meta,
            record.language.as_deref(),
            true,
            &self.opts,
        ))
    }
}

impl<R: BufRead + Send> RecordSource for JsonlSource<R> {
    fn next_record(&mut self, notes: &mut Vec<Note>) -> Option<Result<Document, IngestError>> {
        loop {
            if self.finished {
                return None;
            }
            self.line_number += 1;
            match read_line_bounded(
                &mut self.reader,
                &mut self.buffer,
                self.opts.max_document_bytes,
            ) {
                Err(error) => {
                    // An I/O error (e.g. a corrupt gzip stream) leaves no reliable position.
                    self.finished = true;
                    return Some(Err(self.error(ErrorReason::Io(error))));
                }
                Ok(LineRead::Eof) => {
                    self.finished = true;
                    return None;
                }
                Ok(LineRead::TooLong { size }) => {
                    return Some(Err(self.error(ErrorReason::TooLarge {
                        size,
                        limit: self.opts.max_document_bytes,
                    })))
                }
                Ok(LineRead::Line { .. }) => {
                    let blank = self
                        .buffer
                        .strip_prefix(crate::format::UTF8_BOM)
                        .unwrap_or(&self.buffer)
                        .iter()
                        .all(u8::is_ascii_whitespace);
                    if blank {
                        continue;
                    }
                    return Some(self.parse_line(notes));
                }
            }
        }
    }
}
