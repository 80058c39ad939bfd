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

#![warn(missing_docs)]

mod fold;
mod lexicon;
mod normalize;
mod segment;
mod tokenize;

use recoupe_model::{Document, Layer, Sentence, Span, Stage, StageError, Token};

pub use fold::{fold, fold_into};
pub use lexicon::{abbreviations, elisions, AbbreviationClass, Abbreviations, DataError};
pub use normalize::{is_blank, normalize, Edit, EditKind, Normalized, QuoteDirection};
pub use segment::{split_sentences, MAX_SENTENCE_TOKENS};

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

/// Tokenises `original`; spans are original byte offsets.
///
/// What counts as one token:
/// - a word, with its internal hyphens and apostrophes ("Jean-Pierre", "al-Anbar",
///   "aujourd'hui", "Qa'im"), split from an elided article or pronoun ("l'", "qu'",
///   "jusqu'": a [`TokenKind::Elision`](recoupe_model::TokenKind::Elision)) and from the
///   subject of an inverted incise ("dit" + "-elle", "a" + "-t-il": a
///   [`TokenKind::Clitic`](recoupe_model::TokenKind::Clitic));
/// - a number with its thousand groups ("1 500 000", "10.000", "1'500") and decimals
///   ("1,5", "2.5"); a year is never glued to a following count ("2019 15");
/// - an ordinal ("37e", "1er", "2ème", "XXIe");
/// - a URL, an e-mail address, a hashtag or a handle (a `Symbol`);
/// - a run of final punctuation ("...", "?!"), or any other single punctuation mark,
///   quotation mark or symbol. Abbreviation periods are separate tokens ("M" + "."):
///   [`split_sentences`] knows the abbreviations.
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
    // Fast path: a token that ends before the next edit starts sits in an identical
    // stretch and just shifts by that stretch's offset.
    let mut next_edit_start = edits.first().map_or(usize::MAX, |e| e.norm_start);
    let mut shift_from = 0usize; // norm offset of the current identical stretch
    let mut shift_to = 0usize; // its original offset
    let mut passed = 0usize; // edits that end at or before the last slow-path token
    let mut kept = 0;
    for index in 0..tokens.len() {
        let token = tokens[index];
        let (start, end) = if token.span.end <= next_edit_start {
            (
                token.span.start - shift_from + shift_to,
                token.span.end - shift_from + shift_to,
            )
        } else {
            let start = mapper.floor(token.span.start);
            let end = mapper.ceil(token.span.end).max(start);
            // Re-anchor the fast path after the last edit at or before this token's end
            // (edits and tokens are both in text order, so this only moves forward).
            while passed < edits.len() && edits[passed].norm_end <= token.span.end {
                passed += 1;
            }
            if let Some(previous) = passed.checked_sub(1).map(|k| &edits[k]) {
                shift_from = previous.norm_end;
                shift_to = previous.orig_end;
            }
            next_edit_start = edits.get(passed).map_or(usize::MAX, |e| e.norm_start);
            (start, end)
        };
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

#[cfg(test)]
mod tests {
    use recoupe_model::{Metadata, Origin, OriginKind, TokenKind};

    use super::*;

    /// (text, kind) of every token of `text`.
    fn tokens_of(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .into_iter()
            .map(|t| (&text[t.span.start..t.span.end], t.kind))
            .collect()
    }

    fn sentences_of(text: &str) -> Vec<&str> {
        analyze(text)
            .sentences
            .into_iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn elision_takes_the_apostrophe_with_it() {
        assert_eq!(
            tokens_of("jusqu’à l'armée"),
            [
                ("jusqu’", TokenKind::Elision),
                ("à", TokenKind::Word),
                ("l'", TokenKind::Elision),
                ("armée", TokenKind::Word)
            ]
        );
    }

    #[test]
    fn elision_before_a_space_or_a_number_is_still_an_elision() {
        assert_eq!(tokens_of("d'1,5")[0], ("d'", TokenKind::Elision));
        assert_eq!(tokens_of("d'1,5")[1], ("1,5", TokenKind::Number));
        assert_eq!(tokens_of("jusqu' à")[0], ("jusqu'", TokenKind::Elision));
    }

    #[test]
    fn inverted_incise_splits_the_subject() {
        assert_eq!(
            tokens_of("a-t-il"),
            [("a", TokenKind::Word), ("-t-il", TokenKind::Clitic)]
        );
        assert_eq!(tokens_of("dit-elle")[1], ("-elle", TokenKind::Clitic));
        assert_eq!(tokens_of("peut-être"), [("peut-être", TokenKind::Word)]);
        // A capitalised name is not a verb.
        assert_eq!(tokens_of("Kim Jong-il")[1], ("Jong-il", TokenKind::Word));
        // At the start of a sentence, a capitalised verb is.
        assert_eq!(tokens_of("Faut-il partir")[1], ("-il", TokenKind::Clitic));
    }

    #[test]
    fn particle_names_are_single_words() {
        let words: Vec<&str> = tokens_of("Deir ez-Zor et al-Anbar")
            .iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(words, ["Deir", "ez-Zor", "et", "al-Anbar"]);
        assert_eq!(tokens_of("Al-Qa'im"), [("Al-Qa'im", TokenKind::Word)]);
    }

    #[test]
    fn ordinals_arabic_and_roman() {
        for ordinal in ["37e", "1er", "1re", "2ème", "XXe", "XXIe", "Ier"] {
            assert_eq!(
                tokens_of(ordinal),
                [(ordinal, TokenKind::Ordinal)],
                "{ordinal}"
            );
        }
        assert_eq!(tokens_of("De")[0].1, TokenKind::Word);
    }

    #[test]
    fn numbers_with_separators_are_one_token_and_map_to_the_original() {
        let text = "1\u{202f}500\u{a0}000 morts";
        let tokens = tokenize(text);
        assert_eq!(tokens[0].kind, TokenKind::Number);
        assert_eq!(
            &text[tokens[0].span.start..tokens[0].span.end],
            "1\u{202f}500\u{a0}000"
        );
        assert_eq!(
            tokens_of("en 2019 15 personnes")[1],
            ("2019", TokenKind::Number)
        );
        assert_eq!(
            tokens_of("en 2019 15 personnes")[2],
            ("15", TokenKind::Number)
        );
        assert_eq!(tokens_of("10.000 et 1,5")[0], ("10.000", TokenKind::Number));
        assert_eq!(tokens_of("10.000 et 1,5")[2], ("1,5", TokenKind::Number));
    }

    #[test]
    fn quotes_are_quote_tokens() {
        let kinds: Vec<TokenKind> = tokens_of("«a» “b” \"c\"").iter().map(|t| t.1).collect();
        assert_eq!(kinds.iter().filter(|&&k| k == TokenKind::Quote).count(), 6);
    }

    #[test]
    fn urls_and_emails_are_symbols() {
        assert_eq!(
            tokens_of("https://a.fr/x.")[0],
            ("https://a.fr/x", TokenKind::Symbol)
        );
        assert_eq!(tokens_of("a.b@c.fr")[0], ("a.b@c.fr", TokenKind::Symbol));
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(sentences_of("M. Dupont est là. Mme Durand aussi.").len(), 2);
        assert_eq!(sentences_of("Selon J. Smith, tout va bien.").len(), 1);
        assert_eq!(sentences_of("En 50 av. J.-C. Rome régnait.").len(), 2);
    }

    #[test]
    fn quote_with_incise_is_one_sentence() {
        assert_eq!(
            sentences_of("« Nous avons frappé. Ils ont fui », a-t-il dit."),
            ["« Nous avons frappé. Ils ont fui », a-t-il dit."]
        );
    }

    #[test]
    fn headline_lines_are_marked() {
        let text = "Un titre sans point\nUne phrase. Une autre.";
        let sentences = analyze(text).sentences;
        let flags: Vec<bool> = sentences.iter().map(|s| s.headline).collect();
        assert_eq!(flags, [true, false, false]);
    }

    #[test]
    fn nothing_is_lost_on_typographic_input() {
        let text = "«\u{a0}L’État\u{a0}», dit-il\u{202f}: 1\u{202f}500 ﬁls…";
        let joined: String = tokenize(text)
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect();
        let expected: String = text.chars().filter(|&c| !is_blank(c)).collect();
        assert_eq!(joined.replace(['\u{202f}'], ""), expected);
    }

    #[test]
    fn pathological_inputs_stay_linear() {
        // Each pattern would take minutes if a rule rescanned the rest of the run at
        // every token; linear scanning handles them in milliseconds.
        let patterns = [
            "a.", "a-", "«a. ", "\"a. ", "1 ", "x@", "M. ", "l'", "\u{301}",
        ];
        for pattern in patterns {
            let text = pattern.repeat(200_000 / pattern.len());
            let started = std::time::Instant::now();
            let analysis = analyze(&text);
            assert!(!analysis.tokens.is_empty());
            assert!(
                started.elapsed() < std::time::Duration::from_secs(5),
                "{pattern:?} took {:?}",
                started.elapsed()
            );
        }
    }

    #[test]
    fn stage_fills_and_marks_both_layers() {
        let meta = Metadata::new(Origin {
            kind: OriginKind::Text,
            path: "-".to_string(),
            record: None,
        });
        let mut doc = Document::new("Titre\nM. X a parlé. Il est parti.".to_string(), meta);
        TextStage.run(&mut doc).expect("text stage never fails");
        assert!(doc.has(Layer::Sentences) && doc.has(Layer::Tokens));
        assert_eq!(doc.layers.sentences.len(), 3);
        assert!(doc.layers.sentences[0].headline);
        assert_eq!(doc.layers.tokens.len(), 11);
        assert_eq!(TextStage.provides(), [Layer::Sentences, Layer::Tokens]);
        assert!(!TextStage.french_only());

        let mut empty = Document::new(String::new(), doc.meta.clone());
        TextStage.run(&mut empty).expect("text stage never fails");
        assert!(empty.has(Layer::Sentences) && empty.layers.tokens.is_empty());
    }
}
