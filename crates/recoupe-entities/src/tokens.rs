//! Token view used by the recogniser: the document's tokens enriched once with the features
//! every rule needs (folded key, capitalisation, sentence position), so rules never re-scan text.

use std::borrow::Cow;
use std::cell::OnceCell;

use recoupe_model::{Document, Span, TokenKind};

use crate::lexicon::Lexicon;
use crate::normalize::fold_into;

#[derive(Debug, Clone)]
pub struct Tk<'t> {
    pub text: &'t str,
    /// [`crate::fold`]ed text; borrowed from the document when folding changes nothing.
    pub folded: Cow<'t, str>,
    pub span: Span,
    pub kind: TokenKind,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Can be part of a proper name: capitalised, or an attached Arabic article before a
    /// capitalised word ("al-Anbar").
    pub name_like: bool,
    /// Acronym-like: at least two letters, all uppercase ("FDS", "ONU").
    pub all_caps: bool,
    /// Index of the sentence holding the token.
    pub sent: usize,
    /// First word of its sentence, or first word after an opening quote, colon or dash:
    /// capitalisation there says nothing about being a name.
    pub initial: bool,
    /// Reference-data match key of the token, made on first use (only tokens inside lookup
    /// windows need it, and a window start re-reads the following tokens).
    pub kb_key: OnceCell<String>,
}

impl Tk<'_> {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word)
    }

    /// Punctuation, quotes and symbols end a name.
    pub fn breaks_name(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Punct | TokenKind::Quote | TokenKind::Symbol
        )
    }

    pub fn is_ordinal(&self) -> bool {
        if self.kind == TokenKind::Ordinal {
            return true;
        }
        let digits = self.folded.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0
            && matches!(
                &self.folded[digits..],
                "e" | "er" | "eme" | "ere" | "ieme" | "nd" | "nde"
            )
    }
}

/// A sentence as a half-open range of token indices.
#[derive(Debug, Clone, Copy)]
pub struct SentenceRange {
    pub start: usize,
    pub end: usize,
}

/// Builds the token view from the document's Tokens and Sentences layers.
pub fn token_view<'t>(doc: &'t Document, lex: &Lexicon) -> (Vec<Tk<'t>>, Vec<SentenceRange>) {
    let text = doc.text.as_str();
    let mut toks: Vec<Tk<'t>> = Vec::with_capacity(doc.layers.tokens.len());
    let mut sentences = Vec::with_capacity(doc.layers.sentences.len());
    let mut sent_idx = 0usize;
    let sents = &doc.layers.sentences;
    let mut current_start = 0usize;
    let mut prev_opens = true;
    for token in &doc.layers.tokens {
        // advance to the sentence containing this token (tokens and sentences are both in order)
        let mut new_sentence = false;
        while sent_idx < sents.len() && sents[sent_idx].span.end <= token.span.start {
            sent_idx += 1;
            new_sentence = true;
        }
        if new_sentence && !toks.is_empty() {
            sentences.push(SentenceRange {
                start: current_start,
                end: toks.len(),
            });
            current_start = toks.len();
            prev_opens = true;
        }
        let Some(raw) = token.span.slice(text) else {
            continue;
        };
        // lowercase ASCII (most words) folds to itself: no allocation
        let folded: Cow<'t, str> = if raw.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            Cow::Borrowed(raw)
        } else {
            let mut folded = String::with_capacity(raw.len());
            fold_into(raw, &mut folded);
            Cow::Owned(folded)
        };
        let first = raw.chars().next().unwrap_or(' ');
        let cap = first.is_uppercase();
        let name_like = cap
            || (lex.has_article_prefix(&folded)
                && raw
                    .split_once(['-', '‑'])
                    .and_then(|(_, rest)| rest.chars().next())
                    .is_some_and(char::is_uppercase));
        let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters >= 2 && raw.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        let kind = token.kind;
        // an elided article opening a sentence ("L'ONU") is as initial as a word
        let initial = prev_opens && matches!(kind, TokenKind::Word | TokenKind::Elision);
        prev_opens = match kind {
            TokenKind::Quote => true,
            TokenKind::Punct | TokenKind::Symbol => {
                matches!(
                    raw,
                    ":" | "—" | "–" | "-" | "(" | "«" | "\"" | "“" | "•" | "*" | "|"
                ) || (prev_opens && matches!(raw, "." | "…"))
            }
            TokenKind::Word | TokenKind::Number | TokenKind::Ordinal => false,
            TokenKind::Elision | TokenKind::Clitic => prev_opens,
        };
        toks.push(Tk {
            text: raw,
            folded,
            span: token.span,
            kind,
            cap,
            name_like,
            all_caps,
            sent: sentences.len(),
            initial,
            kb_key: OnceCell::new(),
        });
    }
    if current_start < toks.len() {
        sentences.push(SentenceRange {
            start: current_start,
            end: toks.len(),
        });
    }
    (toks, sentences)
}
