//! The `layers` column: a document's layers as zstd-compressed JSON, with the token
//! layer in a compact text form. Tokens are most of a document's annotations (one per
//! word) and their JSON alone is ten times the text; written as `{gap}{kind}{len}` runs
//! they are a tenth of that. The rest of the JSON repeats its keys and compresses about
//! eight times. Both matter for insert speed: bytes written are pages to write to the WAL
//! and copy back at checkpoint.

use std::collections::BTreeSet;

use recoupe_model::*;
use serde::{Deserialize, Serialize};

/// Serialises like [`Layers`] minus the tokens.
#[derive(Serialize)]
struct LayersWithoutTokens<'a> {
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    sentences: &'a [Sentence],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    entities: &'a [EntityMention],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    nationalities: &'a [Nationality],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    places: &'a [Place],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    dates: &'a [DateMention],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    quantities: &'a [Quantity],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    attributions: &'a [Attribution],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    unsourced: &'a [Unsourced],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    events: &'a [Event],
}

#[derive(Serialize)]
struct StoredLayersRef<'a> {
    produced: &'a BTreeSet<Layer>,
    #[serde(skip_serializing_if = "String::is_empty")]
    tokens: String,
    layers: LayersWithoutTokens<'a>,
}

#[derive(Deserialize)]
struct StoredLayers {
    produced: BTreeSet<Layer>,
    #[serde(default)]
    tokens: String,
    layers: Layers,
}

/// zstd level: 1 is the fastest; higher levels gain little on this JSON.
const COMPRESSION_LEVEL: i32 = 1;

/// Encodes layers, reusing one compression context for a whole batch.
pub(crate) struct LayersEncoder {
    compressor: zstd::bulk::Compressor<'static>,
}

impl LayersEncoder {
    pub(crate) fn new() -> std::io::Result<LayersEncoder> {
        Ok(LayersEncoder {
            compressor: zstd::bulk::Compressor::new(COMPRESSION_LEVEL)?,
        })
    }

    /// What the pipeline produced and every layer, as the column's bytes.
    pub(crate) fn encode(
        &mut self,
        produced: &BTreeSet<Layer>,
        layers: &Layers,
    ) -> Result<Vec<u8>, String> {
        let json = to_json(produced, layers).map_err(|e| format!("layers JSON: {e}"))?;
        self.compressor
            .compress(json.as_bytes())
            .map_err(|e| format!("compressing layers: {e}"))
    }
}

fn to_json(produced: &BTreeSet<Layer>, layers: &Layers) -> serde_json::Result<String> {
    // Exhaustive on purpose: a layer added to the model fails to compile here until it
    // is stored too, instead of being silently dropped.
    let Layers {
        sentences,
        tokens,
        entities,
        nationalities,
        places,
        dates,
        quantities,
        attributions,
        unsourced,
        events,
    } = layers;
    serde_json::to_string(&StoredLayersRef {
        produced,
        tokens: encode_tokens(tokens),
        layers: LayersWithoutTokens {
            sentences,
            entities,
            nationalities,
            places,
            dates,
            quantities,
            attributions,
            unsourced,
            events,
        },
    })
}

/// Decodes [`LayersEncoder::encode`]'s output.
pub(crate) fn decode(bytes: &[u8]) -> Result<(BTreeSet<Layer>, Layers), String> {
    let json = zstd::decode_all(bytes).map_err(|e| format!("decompressing layers: {e}"))?;
    let mut stored: StoredLayers =
        serde_json::from_slice(&json).map_err(|e| format!("layers JSON: {e}"))?;
    stored.layers.tokens = decode_tokens(&stored.tokens)?;
    Ok((stored.produced, stored.layers))
}

fn kind_letter(kind: TokenKind) -> char {
    match kind {
        TokenKind::Word => 'w',
        TokenKind::Elision => 'e',
        TokenKind::Clitic => 'c',
        TokenKind::Number => 'n',
        TokenKind::Ordinal => 'o',
        TokenKind::Quote => 'q',
        TokenKind::Punct => 'p',
        TokenKind::Symbol => 's',
    }
}

fn letter_kind(letter: char) -> Option<TokenKind> {
    Some(match letter {
        'w' => TokenKind::Word,
        'e' => TokenKind::Elision,
        'c' => TokenKind::Clitic,
        'n' => TokenKind::Number,
        'o' => TokenKind::Ordinal,
        'q' => TokenKind::Quote,
        'p' => TokenKind::Punct,
        's' => TokenKind::Symbol,
        _ => return None,
    })
}

/// One `{gap}{kind}{len}` run per token, space-separated: `gap` is the token's start
/// minus the previous token's end (negative if they overlap), `len` its byte length.
fn encode_tokens(tokens: &[Token]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(tokens.len() * 5);
    let mut previous_end: i64 = 0;
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let start = token.span.start as i64;
        let end = token.span.end as i64;
        // Writing to a String cannot fail.
        let _ = write!(
            out,
            "{}{}{}",
            start - previous_end,
            kind_letter(token.kind),
            end - start
        );
        previous_end = end;
    }
    out
}

fn decode_tokens(encoded: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::with_capacity(encoded.len() / 4);
    let mut previous_end: i64 = 0;
    for run in encoded.split(' ').filter(|run| !run.is_empty()) {
        let bad = || format!("token run `{run}` is not {{gap}}{{kind}}{{len}}");
        let letter_at = run
            .char_indices()
            .skip(1)
            .find(|(_, c)| c.is_ascii_alphabetic())
            .map(|(i, _)| i)
            .ok_or_else(bad)?;
        let gap: i64 = run[..letter_at].parse().map_err(|_| bad())?;
        let kind = run[letter_at..]
            .chars()
            .next()
            .and_then(letter_kind)
            .ok_or_else(bad)?;
        let len: u64 = run[letter_at + 1..].parse().map_err(|_| bad())?;
        let start = previous_end + gap;
        if start < 0 {
            return Err(format!("token run `{run}` starts before the text"));
        }
        let end = start + len as i64;
        tokens.push(Token {
            span: Span::new(start as usize, end as usize),
            kind,
        });
        previous_end = end;
    }
    Ok(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kind_strategy() -> impl Strategy<Value = TokenKind> {
        prop_oneof![
            Just(TokenKind::Word),
            Just(TokenKind::Elision),
            Just(TokenKind::Clitic),
            Just(TokenKind::Number),
            Just(TokenKind::Ordinal),
            Just(TokenKind::Quote),
            Just(TokenKind::Punct),
            Just(TokenKind::Symbol),
        ]
    }

    #[test]
    fn layers_roundtrip_through_the_column_bytes() {
        let doc = crate::synthetic::document(3);
        let bytes = LayersEncoder::new()
            .unwrap()
            .encode(&doc.produced, &doc.layers)
            .unwrap();
        let json_len = to_json(&doc.produced, &doc.layers).unwrap().len();
        assert!(bytes.len() * 4 < json_len, "{} vs {json_len}", bytes.len());
        let (produced, layers) = decode(&bytes).unwrap();
        assert_eq!(produced, doc.produced);
        assert_eq!(layers, doc.layers);
        assert!(decode(b"not zstd").is_err());
    }

    #[test]
    fn tokens_are_written_compactly() {
        let tokens = vec![
            Token {
                span: Span::new(0, 7),
                kind: TokenKind::Word,
            },
            Token {
                span: Span::new(8, 10),
                kind: TokenKind::Elision,
            },
            Token {
                span: Span::new(9, 9),
                kind: TokenKind::Punct,
            },
        ];
        let encoded = encode_tokens(&tokens);
        assert_eq!(encoded, "0w7 1e2 -1p0");
        assert_eq!(decode_tokens(&encoded).unwrap(), tokens);
        assert_eq!(decode_tokens("").unwrap(), vec![]);
        assert!(decode_tokens("3x1").is_err());
        assert!(decode_tokens("-5w1").is_err());
        assert!(decode_tokens("w1").is_err());
    }

    proptest! {
        #[test]
        fn any_token_list_roundtrips(
            raw in proptest::collection::vec((0usize..100_000, 0usize..50, kind_strategy()), 0..50)
        ) {
            let tokens: Vec<Token> = raw
                .into_iter()
                .map(|(start, len, kind)| Token { span: Span::new(start, start + len), kind })
                .collect();
            prop_assert_eq!(decode_tokens(&encode_tokens(&tokens)).unwrap(), tokens);
        }
    }
}
