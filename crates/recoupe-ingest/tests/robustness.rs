//! Invariants on arbitrary input: no reader panics, every error names its input, and the
//! documents produced have non-empty text.

use proptest::prelude::*;
use recoupe_ingest::{read_reader, IngestOptions, InputFormat};

fn formats() -> impl Strategy<Value = Option<InputFormat>> {
    prop_oneof![
        Just(None),
        Just(Some(InputFormat::Text)),
        Just(Some(InputFormat::Html)),
        Just(Some(InputFormat::Feed)),
        Just(Some(InputFormat::Warc)),
        Just(Some(InputFormat::Jsonl)),
    ]
}

/// Bytes biased towards the syntax of the formats, so the parsers get past their first line.
fn inputs() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop_oneof![
        Just(b"WARC/1.0\r\n".to_vec()),
        Just(b"WARC-Type: response\r\n".to_vec()),
        Just(b"Content-Length: 40\r\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec()),
        Just(b"<html><body><p>Un paragraphe \xe9t\xe9.</p>".to_vec()),
        Just(b"<rss><channel><item><title>T</title>".to_vec()),
        Just(b"{\"id\": \"a\", \"text\": \"x\"}\n".to_vec()),
        Just(b"{\"text\": 3}\n".to_vec()),
        Just(b"---\ntitle: x\n---\n".to_vec()),
        Just(vec![0x1f, 0x8b, 0x08, 0x00]),
        proptest::collection::vec(any::<u8>(), 0..40),
    ];
    proptest::collection::vec(pieces, 0..12).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn readers_never_panic(bytes in inputs(), format in formats()) {
        let documents = read_reader(std::io::Cursor::new(bytes), "arbitraire", format, &IngestOptions::default());
        for result in documents.take(1000) {
            match result {
                Ok(document) => prop_assert!(!document.text.trim().is_empty()),
                Err(error) => prop_assert!(error.to_string().starts_with("arbitraire")),
            }
        }
    }
}
