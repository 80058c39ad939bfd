//! RSS and Atom feeds (feed-rs): one document per item.
//!
//! Item text = title + "\n" + content (or summary when there is no content), HTML stripped
//! to one block per line. The feed title is the outlet. Dates are kept as the local date
//! written in the feed (see `dates`): feed-rs converts to UTC, so the timestamp parser
//! given to it drops the offset instead of applying it.

use std::io::Read;

use chrono::{DateTime, NaiveDate, Utc};
use feed_rs::model::{Entry, Text};
use recoupe_model::{DateSource, Metadata, Origin, OriginKind, Published};

use crate::error::{ErrorReason, IngestError, Note, RecordRef};
use crate::html::{host_of, html_fragment_to_text};
use crate::{finish_document, IngestOptions};

/// Timestamp parser handed to feed-rs: the wall-clock time as written, labelled UTC.
fn local_timestamp(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    if let Ok(stamp) = DateTime::parse_from_rfc2822(value) {
        return Some(stamp.naive_local().and_utc());
    }
    if let Ok(stamp) = DateTime::parse_from_rfc3339(value) {
        return Some(stamp.naive_local().and_utc());
    }
    let date: NaiveDate = crate::dates::parse_published(value)?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc())
}

fn parse_feed(bytes: &[u8]) -> Result<feed_rs::model::Feed, feed_rs::parser::ParseFeedError> {
    feed_rs::parser::Builder::new()
        .timestamp_parser(local_timestamp)
        // No invented ids: an item without a GUID has no external id.
        .id_generator(|_links, _title, _uri| String::new())
        .build()
        .parse(bytes)
}

/// A feed cut short (a truncated download, a disk full) keeps its complete items: the bytes
/// up to the last closing `</item>` or `</entry>`, with the elements still open closed.
/// Returns the repaired feed and the byte offset where the complete items end.
fn complete_items(bytes: &[u8]) -> Option<(Vec<u8>, usize)> {
    let lower: Vec<u8> = bytes.iter().map(u8::to_ascii_lowercase).collect();
    let last = |needle: &[u8]| memchr::memmem::rfind(&lower, needle).map(|at| at + needle.len());
    let (end, closing): (usize, &[u8]) = match (last(b"</item>"), last(b"</entry>")) {
        (Some(item), entry) if entry.is_none_or(|e| item > e) => {
            let closing: &[u8] = if memchr::memmem::find(&lower, b"<rdf:rdf").is_some() {
                b"</rdf:RDF>"
            } else {
                b"</channel></rss>"
            };
            (item, closing)
        }
        (_, Some(entry)) => (entry, b"</feed>"),
        _ => return None,
    };
    let mut repaired = bytes[..end].to_vec();
    repaired.extend_from_slice(closing);
    Some((repaired, end))
}

/// Parses a whole feed and turns each item into a document (or an error for that item).
pub fn feed_documents(
    mut reader: impl Read,
    path: &str,
    opts: &IngestOptions,
    notes: &mut Vec<Note>,
) -> Result<Vec<Result<recoupe_model::Document, IngestError>>, IngestError> {
    let error = |reason| IngestError::new(path, None, reason);
    let mut bytes = Vec::new();
    (&mut reader)
        .take(opts.max_document_bytes.saturating_mul(4))
        .read_to_end(&mut bytes)
        .map_err(|e| error(ErrorReason::Io(e)))?;
    let body = bytes
        .strip_prefix(crate::format::UTF8_BOM)
        .unwrap_or(&bytes);
    let feed = match parse_feed(body) {
        Ok(feed) => feed,
        Err(parse_error) => {
            let repaired = complete_items(body)
                .and_then(|(repaired, end)| Some((parse_feed(&repaired).ok()?, end)));
            let Some((feed, end)) = repaired else {
                return Err(error(ErrorReason::Feed(parse_error.to_string())));
            };
            notes.push(Note::new(
                path,
                None,
                format!(
                    "the feed breaks after byte {end} of {} ({parse_error}); its {} complete \
                     item{} before that point were kept",
                    body.len(),
                    feed.entries.len(),
                    if feed.entries.len() == 1 { "" } else { "s" }
                ),
            ));
            feed
        }
    };
    let outlet = feed
        .title
        .as_ref()
        .map(text_of)
        .filter(|title| !title.is_empty())
        .or_else(|| feed.links.first().and_then(|link| host_of(&link.href)));
    let feed_language = feed.language.clone();
    let mut documents = Vec::with_capacity(feed.entries.len());
    for (index, entry) in feed.entries.into_iter().enumerate() {
        let record = RecordRef::Item {
            index,
            guid: (!entry.id.is_empty()).then(|| entry.id.clone()),
        };
        match entry_document(
            entry,
            path,
            &record,
            outlet.as_deref(),
            feed_language.as_deref(),
            opts,
        ) {
            Some(document) => documents.push(Ok(document)),
            None => notes.push(Note::new(
                path,
                Some(record),
                "item has neither content nor summary nor title; skipped",
            )),
        }
    }
    Ok(documents)
}

fn entry_document(
    entry: Entry,
    path: &str,
    record: &RecordRef,
    outlet: Option<&str>,
    feed_language: Option<&str>,
    opts: &IngestOptions,
) -> Option<recoupe_model::Document> {
    let title = entry.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let body = entry
        .content
        .as_ref()
        .and_then(|content| {
            let body = content.body.as_deref()?;
            Some(markup_to_text(
                body,
                content.content_type.essence().to_string().contains("html"),
            ))
        })
        .filter(|body| !body.is_empty())
        .or_else(|| entry.summary.as_ref().map(text_of))
        .filter(|body| !body.is_empty());
    let text = match (&title, body) {
        (Some(title), Some(body)) if opts.prepend_title && !body.starts_with(title.as_str()) => {
            format!("{title}\n{body}")
        }
        (_, Some(body)) => body,
        (Some(title), None) => title.clone(),
        (None, None) => return None,
    };
    let url = entry
        .links
        .iter()
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or(entry.links.first())
        .map(|link| link.href.trim().to_owned());
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Feed,
        path: path.to_owned(),
        record: Some(record.to_origin_record()),
    });
    meta.external_id = (!entry.id.is_empty()).then(|| entry.id.clone());
    meta.outlet = outlet
        .map(str::to_owned)
        .or_else(|| url.as_deref().and_then(host_of));
    meta.url = url;
    meta.title = title;
    meta.published = entry.published.or(entry.updated).map(|stamp| Published {
        date: stamp.date_naive(),
        source: DateSource::Metadata,
        inferred_from: None,
    });
    let declared = entry.language.as_deref().or(feed_language);
    Some(finish_document(text, meta, declared, false, opts))
}

/// Text of a feed `Text` construct, HTML stripped when it is (or looks like) markup.
fn text_of(text: &Text) -> String {
    let is_html = text.content_type.essence().to_string().contains("html");
    markup_to_text(&text.content, is_html)
}

fn markup_to_text(content: &str, is_html: bool) -> String {
    // RSS gives no content type and escapes HTML in descriptions, so markup is sniffed.
    if is_html || content.contains('<') || content.contains("&") {
        html_fragment_to_text(content)
    } else {
        content.trim().to_owned()
    }
}
