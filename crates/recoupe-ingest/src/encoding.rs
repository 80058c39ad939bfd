//! Byte-to-text decoding for HTML and plain text.
//!
//! Order of evidence: a byte-order mark wins; then a declared charset (HTTP header or HTML
//! `<meta charset>`) if the bytes decode cleanly with it; then valid UTF-8; then chardetng's
//! guess for legacy encodings (windows-1252/latin-1 being the usual one for French pages).
//!
//! Decision: decoding never fails. Malformed sequences become U+FFFD and the result says
//! `lossy`, which the readers turn into a [`crate::Note`]; a page with a few bad bytes is
//! still worth reading, and the caller sees the warning.

use encoding_rs::Encoding;

#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    /// Some bytes could not be decoded and were replaced by U+FFFD.
    pub lossy: bool,
}

/// Decodes `bytes` to UTF-8; `declared` is a charset label from the transport or markup.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, lossy) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding,
            lossy,
        };
    }
    if let Some(encoding) = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()))
    {
        // A page declaring UTF-16 in ASCII-compatible markup is lying (HTML spec: treat as UTF-8).
        let encoding = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            encoding
        };
        let (text, lossy) = encoding.decode_without_bom_handling(bytes);
        if !lossy {
            return Decoded {
                text: text.into_owned(),
                encoding,
                lossy,
            };
        }
        // The declaration is wrong (typically "utf-8" over latin-1 bytes): fall through to detection.
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_owned(),
            encoding: encoding_rs::UTF_8,
            lossy: false,
        };
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, lossy) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding,
        lossy,
    }
}

/// Finds a charset declared in the first KiB of an HTML document (`<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">`), as the HTML
/// prescan does.
pub fn html_declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        if let Some(label) = charset_param(&lower[start..end]) {
            return Some(label);
        }
        from = end;
    }
    None
}

/// Extracts the value of `charset=` from a header value or a meta tag.
pub fn charset_param(bytes: &[u8]) -> Option<String> {
    let lower: Vec<u8> = bytes.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = memchr::memmem::find(&lower, b"charset")?;
    let rest = &lower[pos + "charset".len()..];
    let rest = trim_start(rest);
    let rest = rest.strip_prefix(b"=")?;
    let rest = trim_start(rest);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| {
            matches!(
                b,
                b'"' | b'\'' | b';' | b' ' | b'/' | b'>' | b'\t' | b'\r' | b'\n'
            )
        })
        .unwrap_or(rest.len());
    let label = std::str::from_utf8(&rest[..len]).ok()?.trim();
    (!label.is_empty()).then(|| label.to_owned())
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_without_declaration_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(
            "Le député a déclaré à la presse que l'été serait décisif pour l'économie française.",
        );
        let decoded = decode(&bytes, None);
        assert!(decoded.text.contains("député a déclaré"));
        assert!(!decoded.lossy);
    }

    #[test]
    fn wrong_utf8_declaration_falls_back_to_detection() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Réunion à Genève, après l'élection.");
        let decoded = decode(&bytes, Some("utf-8"));
        assert_eq!(decoded.text, "Réunion à Genève, après l'élection.");
    }

    #[test]
    fn bom_wins_and_is_stripped() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("Élysée".as_bytes());
        let decoded = decode(&bytes, Some("windows-1252"));
        assert_eq!(decoded.text, "Élysée");
    }

    #[test]
    fn meta_charset_forms_are_found() {
        assert_eq!(
            html_declared_charset(b"<html><head><META charset=\"ISO-8859-1\">").as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(
            html_declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\" />"
            )
            .as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            html_declared_charset(b"<meta name=\"x\" content=\"y\">"),
            None
        );
    }
}
