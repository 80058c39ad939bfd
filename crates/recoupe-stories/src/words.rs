//! Words as the cross-article layer sees them: maximal alphanumeric runs of the original
//! text, folded (lowercase, no diacritics), each with its byte span; and the fixed
//! reference weight of a word (`resources/fr/word_df.tsv`).

use std::collections::HashMap;
use std::sync::OnceLock;

use recoupe_model::Span;
use unicode_normalization::UnicodeNormalization;

/// A word of the text: its folded form and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    pub span: Span,
}

/// Lowercase without diacritics ("Général" → "general", "Œuvre" → "oeuvre").
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Maximal runs of alphanumeric characters: "l’explosion" is "l" + "explosion", "2.012" is
/// "2" + "012", so that typographic variants of one passage give the same words.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(at);
            }
        } else if let Some(s) = start.take() {
            out.push(Word {
                folded: fold(&text[s..at]),
                span: Span::new(s, at),
            });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            folded: fold(&text[s..]),
            span: Span::new(s, text.len()),
        });
    }
    out
}

/// The reference table: in how many of `sentences` reference sentences a folded word occurs.
/// Fixed at build time so that a word's weight never depends on which articles came first.
pub struct Reference {
    sentences: f64,
    counts: HashMap<String, u32>,
}

const WORD_DF: &str = include_str!("../../../resources/fr/word_df.tsv");

impl Reference {
    /// The table compiled into the crate.
    pub fn builtin() -> &'static Reference {
        static TABLE: OnceLock<Reference> = OnceLock::new();
        TABLE.get_or_init(|| Reference::parse(WORD_DF))
    }

    fn parse(text: &str) -> Reference {
        let mut sentences = 1.0;
        let mut counts = HashMap::new();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((word, count)) = line.split_once('\t') else {
                continue;
            };
            let Ok(count) = count.trim().parse::<u32>() else {
                continue;
            };
            if word == "sentences" {
                sentences = f64::from(count.max(1));
            } else {
                counts.insert(word.to_string(), count);
            }
        }
        Reference { sentences, counts }
    }

    /// Inverse document frequency of a folded word; a word the reference never saw twice
    /// weighs as much as one seen once.
    pub fn idf(&self, folded: &str) -> f64 {
        let df = self.counts.get(folded).copied().unwrap_or(1).max(1);
        (self.sentences / f64::from(df)).ln()
    }

    /// The weight of the rarest word, for scale.
    pub fn max_idf(&self) -> f64 {
        self.sentences.ln()
    }

    /// Whether the word is a function word or so common that it says nothing about a
    /// story: seen in more than one reference sentence in 50.
    pub fn is_common(&self, folded: &str) -> bool {
        self.counts
            .get(folded)
            .is_some_and(|&df| f64::from(df) * 50.0 > self.sentences)
    }
}

/// 64-bit FNV-1a: stable across runs and platforms, so hashes can be persisted.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_and_fold() {
        let text = "L’Égypte a reçu 2.012 «aides»";
        let got: Vec<String> = words(text).into_iter().map(|w| w.folded).collect();
        assert_eq!(got, ["l", "egypte", "a", "recu", "2", "012", "aides"]);
        for w in words(text) {
            assert!(text.is_char_boundary(w.span.start) && text.is_char_boundary(w.span.end));
        }
    }

    #[test]
    fn reference_weighs_function_words_low() {
        let r = Reference::builtin();
        assert!(r.idf("de") < 1.0);
        assert!(r.idf("kerman") > r.idf("gouvernement"));
        assert!(r.is_common("les"));
        assert!(!r.is_common("inondations"));
    }
}
