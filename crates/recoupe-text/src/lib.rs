//! The French text layer of recoupe: normalisation with an offset map, tokenisation and
//! sentence segmentation.
//!
//! Everything works on the original text of a [`Document`] and returns spans of
//! **original** byte offsets. Internally the text is first [normalised](normalize)
//! (NFC, plain apostrophes, spaces and quotes) so the rules see one spelling of each
//! typographic variant; token spans are then mapped back through the offset map.
//!
//! ```
//! let analysis = recoupe_text::analyze("« Nous avons frappé », a-t-il dit. L’armée dément.");
//! let words: Vec<&str> = analysis.tokens.iter().map(|t| t.span.slice(
//!     "« Nous avons frappé », a-t-il dit. L’armée dément.").unwrap()).collect();
//! assert_eq!(words[..8], ["«", "Nous", "avons", "frappé", "»", ",", "a", "-t-il"]);
//! assert_eq!(analysis.sentences.len(), 2);
//! ```
//!
//! [`TextStage`] runs the whole layer as a pipeline stage.

mod fold;
mod lexicon;
mod normalize;
mod segment;
mod tokenize;

use recoupe_model::{Document, Layer, Sentence, Span, Stage, StageError, Token};

pub use fold::{fold, fold_into};
pub use lexicon::{abbreviations, elisions, AbbreviationClass, Abbreviations, DataError};
pub use normalize::{is_blank, normalize, Edit, EditKind, Normalized, QuoteDirection};
pub use segment::split_sentences;

use normalize::{normalize_cow, SequentialMapper};

/// Tokens and sentences of a text, with spans into the original text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// Tokens in text order, non-overlapping; together they hold every character of the
    /// text that is not [blank](is_blank).
    pub tokens: Vec<Token>,
    /// Sentences in text order, non-overlapping; every token lies in exactly one.
    pub sentences: Vec<Sentence>,
}

/// Tokenises `original` (see the [`tokenize` module rules](crate#)): spans are original
/// byte offsets.
pub fn tokenize(original: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(original, &mut tokens);
    tokens
}

/// [`tokenize`] into a reused vector (cleared first).
pub fn tokenize_into(original: &str, tokens: &mut Vec<Token>) {
    tokens.clear();
    // French news averages a token every five or six bytes.
    tokens.reserve(original.len() / 5 + 1);
    let (normalized, edits) = normalize_cow(original);
    tokenize::tokenize_normalized(&normalized, tokens);
    if !edits.is_empty() {
        map_to_original(tokens, &edits);
    }
}

/// Tokenises `original` and splits it into sentences.
pub fn analyze(original: &str) -> Analysis {
    let tokens = tokenize(original);
    let sentences = split_sentences(original, &tokens);
    Analysis { tokens, sentences }
}

/// Maps token spans from normalised to original offsets. A token that shares a
/// rewritten stretch with the previous one (only possible with exotic non-NFC input)
/// is merged into it, so spans stay disjoint.
fn map_to_original(tokens: &mut Vec<Token>, edits: &[normalize::Edit]) {
    let mut mapper = SequentialMapper::new(edits);
    let mut kept = 0;
    for index in 0..tokens.len() {
        let token = tokens[index];
        let start = mapper.floor(token.span.start);
        let end = mapper.ceil(token.span.end).max(start);
        if kept > 0 && start < tokens[kept - 1].span.end {
            let previous = &mut tokens[kept - 1];
            previous.span.end = previous.span.end.max(end);
            continue;
        }
        tokens[kept] = Token {
            span: Span { start, end },
            kind: token.kind,
        };
        kept += 1;
    }
    tokens.truncate(kept);
}

/// The text stage: fills [`Layer::Sentences`] and [`Layer::Tokens`].
///
/// Not French-only: the tokenizer and splitter are harmless on other Latin-script
/// languages, and later language-independent stages need tokens.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextStage;

impl Stage for TextStage {
    fn name(&self) -> &'static str {
        "text"
    }

    fn requires(&self) -> &'static [Layer] {
        &[]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }

    fn french_only(&self) -> bool {
        false
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let analysis = analyze(&doc.text);
        doc.layers.tokens = analysis.tokens;
        doc.layers.sentences = analysis.sentences;
        doc.mark_produced(Layer::Sentences);
        doc.mark_produced(Layer::Tokens);
        Ok(())
    }
}
