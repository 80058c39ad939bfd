//! Input formats, detected from the file name or sniffed from the first bytes.

use std::path::Path;

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// Plain text, one document per file (optional sidecar JSON or front matter).
    Text,
    /// One HTML page per file; main content extracted.
    Html,
    /// RSS 0.9x/1.0/2.0, Atom or JSON Feed: one document per item.
    Feed,
    /// WARC archive (plain or gzipped): one document per HTML response record.
    Warc,
    /// Corpus JSONL (`/work/shared/corpus/FORMAT.md`): one document per line.
    Jsonl,
}

impl InputFormat {
    /// Format implied by a file name, looking through a trailing `.gz`; `None` when unknown.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let extension = name.rsplit_once('.')?.1;
        Some(match extension {
            "txt" | "text" => InputFormat::Text,
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "xml" | "rss" | "atom" | "rdf" => InputFormat::Feed,
            "warc" => InputFormat::Warc,
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            _ => return None,
        })
    }

    /// Format implied by the first bytes of a (decompressed) input: JSONL if the first
    /// non-space character is `{`, a feed for `<rss`/`<feed`/`<rdf:RDF` (also after an XML
    /// declaration), HTML for any other markup, WARC for `WARC/`, else plain text.
    pub fn sniff(head: &[u8]) -> InputFormat {
        let head = head.strip_prefix(UTF8_BOM).unwrap_or(head);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let head = &head[start..];
        if head.starts_with(b"WARC/") {
            return InputFormat::Warc;
        }
        if head.starts_with(b"{") {
            return InputFormat::Jsonl;
        }
        if head.starts_with(b"<") {
            let window = &head[..head.len().min(2048)];
            let lower: Vec<u8> = window.iter().map(u8::to_ascii_lowercase).collect();
            let has = |needle: &[u8]| memchr::memmem::find(&lower, needle).is_some();
            let is_feed = has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf");
            return if is_feed && !has(b"<html") {
                InputFormat::Feed
            } else {
                InputFormat::Html
            };
        }
        InputFormat::Text
    }

    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Feed => "feed",
            InputFormat::Warc => "warc",
            InputFormat::Jsonl => "jsonl",
        }
    }
}

impl std::str::FromStr for InputFormat {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        match value.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(InputFormat::Text),
            "html" | "htm" => Ok(InputFormat::Html),
            "feed" | "rss" | "atom" => Ok(InputFormat::Feed),
            "warc" => Ok(InputFormat::Warc),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            other => Err(format!(
                "unknown input format `{other}` (expected text, html, feed, warc or jsonl)"
            )),
        }
    }
}

/// The UTF-8 byte-order mark, stripped at the start of every input.
pub const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// File signatures of common non-text formats, with a name for the error message.
const BINARY_SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x7fELF", "an executable"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
];

/// Bytes looked at to tell text from binary content.
const BINARY_SAMPLE: usize = 8192;

/// What the bytes are when they are not text: a known file signature (an image saved as
/// `.html`), or content with NUL bytes or many control characters (random bytes). `None`
/// for text in any encoding the decoder reads (UTF-16 is recognised by its BOM).
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    for (signature, name) in BINARY_SIGNATURES {
        if bytes.starts_with(signature) {
            return Some(name);
        }
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12).is_some_and(|t| t == b"WEBP") {
        return Some("a WebP image");
    }
    if encoding_rs::Encoding::for_bom(bytes).is_some_and(|(e, _)| e != encoding_rs::UTF_8) {
        return None; // UTF-16: NUL bytes are expected
    }
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    if sample.is_empty() {
        return None;
    }
    let nul = memchr::memchr(0, sample).is_some();
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    (nul || control * 20 > sample.len()).then_some("binary data (control bytes), not text")
}

/// Whether the bytes start with the gzip magic number.
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        let of = |name: &str| InputFormat::from_path(Path::new(name));
        assert_eq!(of("a/b.TXT"), Some(InputFormat::Text));
        assert_eq!(of("page.htm"), Some(InputFormat::Html));
        assert_eq!(of("CC-NEWS-1.warc.gz"), Some(InputFormat::Warc));
        assert_eq!(of("flux.atom"), Some(InputFormat::Feed));
        assert_eq!(of("articles.jsonl"), Some(InputFormat::Jsonl));
        assert_eq!(of("notes.md"), None);
        assert_eq!(of("README"), None);
    }

    #[test]
    fn issue10_binary_content_is_recognised() {
        assert_eq!(
            binary_kind(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some("a PNG image")
        );
        assert_eq!(
            binary_kind(b"\xff\xd8\xff\xe0\0\x10JFIF"),
            Some("a JPEG image")
        );
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let random: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        assert!(binary_kind(&random).is_some());
        assert_eq!(binary_kind("Le président a dit\r\n\tque…".as_bytes()), None);
        assert_eq!(binary_kind(b"Le pr\xe9sident (latin-1)"), None);
        assert_eq!(
            binary_kind(b"\xff\xfeL\0e\0"),
            None,
            "UTF-16 with BOM is text"
        );
        assert_eq!(binary_kind(b""), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(InputFormat::sniff(b"  {\"id\":1}"), InputFormat::Jsonl);
        assert_eq!(
            InputFormat::sniff(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            InputFormat::Feed
        );
        assert_eq!(
            InputFormat::sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            InputFormat::Feed
        );
        assert_eq!(
            InputFormat::sniff(b"<!DOCTYPE html><html>"),
            InputFormat::Html
        );
        assert_eq!(InputFormat::sniff(b"WARC/1.0\r\n"), InputFormat::Warc);
        assert_eq!(
            InputFormat::sniff("Le président a dit".as_bytes()),
            InputFormat::Text
        );
    }
}
