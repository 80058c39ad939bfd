//! Plain-text documents with optional metadata, from a sibling `<name>.json` sidecar or a
//! front-matter block at the top of the file:
//!
//! ```text
//! ---
//! url: https://www.example.fr/article
//! outlet: Le Quotidien
//! published: 2024-03-05
//! ---
//! Le texte commence ici.
//! ```
//!
//! Both accept the same keys (`url`, `outlet`, `title`, `published`, `language`, `id`,
//! `cluster`); an unknown key is an error naming it. When both exist, sidecar fields
//! override front-matter fields. The front-matter block (and the blank lines after it) is
//! removed from the document text; the rest of the text is kept exactly as decoded.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::error::ErrorReason;

/// Metadata a sidecar or front matter may give for a text document.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextMetadata {
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// `YYYY-MM-DD` or a timestamp; `null` when unknown.
    #[serde(default)]
    pub published: Option<String>,
    /// ISO 639-1 code; overrides language identification.
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub cluster: Option<String>,
}

impl TextMetadata {
    /// Fields set in `other` replace those of `self`.
    pub fn overridden_by(self, other: TextMetadata) -> TextMetadata {
        TextMetadata {
            url: other.url.or(self.url),
            outlet: other.outlet.or(self.outlet),
            title: other.title.or(self.title),
            published: other.published.or(self.published),
            language: other.language.or(self.language),
            id: other.id.or(self.id),
            cluster: other.cluster.or(self.cluster),
        }
    }
}

/// `article.txt` → `article.json`.
pub fn sidecar_path(text_path: &Path) -> PathBuf {
    text_path.with_extension("json")
}

/// Reads the sidecar of a text file if there is one.
pub fn read_sidecar(text_path: &Path) -> Result<Option<TextMetadata>, ErrorReason> {
    let sidecar = sidecar_path(text_path);
    let bytes = match std::fs::read(&sidecar) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(ErrorReason::Io(error)),
    };
    let bytes = bytes
        .strip_prefix(crate::format::UTF8_BOM)
        .unwrap_or(&bytes);
    serde_json::from_slice(bytes)
        .map(Some)
        .map_err(|error| ErrorReason::Sidecar {
            sidecar: sidecar.display().to_string(),
            message: error.to_string(),
        })
}

/// Lines looked at for the end of a front-matter block; beyond that the `---` is taken to
/// be part of the text.
const MAX_FRONT_MATTER_LINES: usize = 64;

/// Splits a leading front-matter block from the text. Returns the metadata (if the text
/// starts with a well-formed block) and the remaining text. A block is recognised only if
/// it opens with `---` on the first line, closes with `---` (or `...`) and every line in
/// between is `key: value` (or blank or a `#` comment); otherwise the text is returned
/// unchanged.
pub fn split_front_matter(text: &str) -> Result<(Option<TextMetadata>, &str), ErrorReason> {
    let Some(after_open) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok((None, text));
    };
    let mut fields = Map::new();
    let mut offset = text.len() - after_open.len();
    for (index, raw_line) in after_open.split_inclusive('\n').enumerate() {
        if index >= MAX_FRONT_MATTER_LINES {
            return Ok((None, text));
        }
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        if line == "---" || line == "..." {
            let rest = text[offset..].trim_start_matches(['\n', '\r']);
            let metadata = serde_json::from_value(Value::Object(fields)).map_err(|error| {
                ErrorReason::FrontMatter {
                    line: 1,
                    message: error.to_string(),
                }
            })?;
            return Ok((Some(metadata), rest));
        }
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            return Ok((None, text));
        };
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Ok((None, text));
        }
        let value = unquote(value.trim());
        let value = if value.is_empty() || value == "null" || value == "~" {
            Value::Null
        } else {
            Value::String(value.to_owned())
        };
        if fields.insert(key.to_owned(), value).is_some() {
            return Err(ErrorReason::FrontMatter {
                line: index + 2,
                message: format!("key `{key}` appears twice"),
            });
        }
    }
    Ok((None, text))
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_and_parsed() {
        let (meta, rest) =
            split_front_matter("---\nurl: https://exemple.fr/a\noutlet: \"Le Quotidien\"\npublished: 2024-03-05\n---\n\nCorps.\n")
                .expect("valid");
        let meta = meta.expect("front matter");
        assert_eq!(meta.outlet.as_deref(), Some("Le Quotidien"));
        assert_eq!(meta.published.as_deref(), Some("2024-03-05"));
        assert_eq!(rest, "Corps.\n");
    }

    #[test]
    fn unknown_front_matter_key_is_named() {
        let error = split_front_matter("---\nauteur: X\n---\nCorps").expect_err("unknown key");
        assert!(error.to_string().contains("auteur"), "{error}");
    }

    #[test]
    fn a_leading_rule_without_keys_is_text() {
        let text = "---\nCeci n'est pas un bloc de métadonnées.\n---\nSuite";
        let (meta, rest) = split_front_matter(text).expect("not an error");
        assert!(meta.is_none());
        assert_eq!(rest, text);
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        let text = "---\ntitle: x\nSuite sans fin";
        let (meta, rest) = split_front_matter(text).expect("not an error");
        assert!(meta.is_none());
        assert_eq!(rest, text);
    }
}
