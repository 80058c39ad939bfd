//! Words of a sentence as the events stage reads them: the text layer's tokens, folded.

use recoupe_model::{Span, Token, TokenKind};

/// Lowercase without diacritics, typographic apostrophes made straight: the form every
/// lexicon entry and every word is compared in ("Frappée" → "frappee", "l’" → "l'").
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] into a reused buffer.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            'a'..='z' | '0'..='9' | '-' | '\'' => out.push(c),
            '’' | 'ʼ' | '`' => out.push('\''),
            'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'Î' | 'Ï' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' => out.push('u'),
            'ç' | 'Ç' => out.push('c'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ÿ' => out.push('y'),
            'ñ' | 'Ñ' => out.push('n'),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// One token of a sentence.
#[derive(Debug, Clone)]
pub struct Word {
    pub span: Span,
    pub kind: TokenKind,
    pub folded: String,
    /// Written as a past participle of an -er verb ("condamné", "frappées").
    pub participle: bool,
}

impl Word {
    /// A word that can take part in a phrase (not punctuation or a quotation mark).
    pub fn is_wordlike(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Word
                | TokenKind::Elision
                | TokenKind::Clitic
                | TokenKind::Number
                | TokenKind::Ordinal
        )
    }

    /// Punctuation that ends a clause for argument search.
    pub fn is_clause_break(&self) -> bool {
        self.kind == TokenKind::Punct
            && matches!(
                self.folded.as_str(),
                ";" | ":" | "." | "!" | "?" | "(" | ")" | "–" | "—"
            )
    }

    pub fn is_comma(&self) -> bool {
        self.kind == TokenKind::Punct && self.folded == ","
    }
}

/// The words of the tokens inside `span`, folded; `buf` is reused between sentences.
pub fn words_in(text: &str, tokens: &[Token], span: Span, out: &mut Vec<Word>) {
    // The words of the previous sentence are overwritten in place, so their folded
    // strings' buffers are reused (one allocation per word of every sentence otherwise).
    let mut n = 0;
    let first = tokens.partition_point(|t| t.span.start < span.start);
    for token in &tokens[first..] {
        if token.span.start >= span.end {
            break;
        }
        let surface = &text[token.span.start..token.span.end];
        let participle = ["é", "ée", "és", "ées"]
            .iter()
            .any(|e| surface.ends_with(e));
        if let Some(word) = out.get_mut(n) {
            word.span = token.span;
            word.kind = token.kind;
            fold_into(surface, &mut word.folded);
            word.participle = participle;
        } else {
            out.push(Word {
                span: token.span,
                kind: token.kind,
                folded: fold(surface),
                participle,
            });
        }
        n += 1;
    }
    out.truncate(n);
}

/// Every token of a document folded once, in one string: a sentence is looked up word by
/// word before anything else is read, and the sentences that hold a trigger read the same
/// forms again (folding them twice cost more than copying them).
pub struct Folded {
    forms: String,
    /// End of each token's form in `forms` (its start is the previous token's end).
    ends: Vec<usize>,
}

impl Folded {
    pub fn new(text: &str, tokens: &[Token]) -> Folded {
        let mut forms = String::with_capacity(text.len());
        let mut ends = Vec::with_capacity(tokens.len());
        let mut buffer = String::new();
        for token in tokens {
            fold_into(&text[token.span.start..token.span.end], &mut buffer);
            forms.push_str(&buffer);
            ends.push(forms.len());
        }
        Folded { forms, ends }
    }

    /// The folded form of token `k`.
    pub fn get(&self, k: usize) -> &str {
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        &self.forms[start..self.ends[k]]
    }
}

/// [`words_in`] with the forms [`Folded`] made for the same tokens.
pub fn words_in_folded(
    text: &str,
    tokens: &[Token],
    folded: &Folded,
    span: Span,
    out: &mut Vec<Word>,
) {
    let mut n = 0;
    let first = tokens.partition_point(|t| t.span.start < span.start);
    for (k, token) in tokens.iter().enumerate().skip(first) {
        if token.span.start >= span.end {
            break;
        }
        let surface = &text[token.span.start..token.span.end];
        let participle = ["é", "ée", "és", "ées"]
            .iter()
            .any(|e| surface.ends_with(e));
        let form = folded.get(k);
        if let Some(word) = out.get_mut(n) {
            word.span = token.span;
            word.kind = token.kind;
            word.folded.clear();
            word.folded.push_str(form);
            word.participle = participle;
        } else {
            out.push(Word {
                span: token.span,
                kind: token.kind,
                folded: form.to_string(),
                participle,
            });
        }
        n += 1;
    }
    out.truncate(n);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_from_the_folded_tokens_equal_words_folded_afresh() {
        // the same words, span by span, whether each sentence folds its tokens or reads
        // the forms folded once for the whole text
        let text = "L’Armée frappée. Élan « Œuvre » à Noël";
        let mut tokens = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            if c.is_alphanumeric() || c == '’' {
                start.get_or_insert(i);
                continue;
            }
            if let Some(s) = start.take() {
                tokens.push(Token {
                    span: Span::new(s, i),
                    kind: TokenKind::Word,
                });
            }
            if !c.is_whitespace() && i < text.len() {
                tokens.push(Token {
                    span: Span::new(i, i + c.len_utf8()),
                    kind: TokenKind::Punct,
                });
            }
        }
        let folded = Folded::new(text, &tokens);
        let (mut fresh, mut reused) = (Vec::new(), Vec::new());
        for span in [Span::new(0, 17), Span::new(18, text.len()), Span::new(0, 5)] {
            words_in(text, &tokens, span, &mut fresh);
            words_in_folded(text, &tokens, &folded, span, &mut reused);
            assert_eq!(fresh.len(), reused.len());
            for (a, b) in fresh.iter().zip(&reused) {
                assert_eq!(
                    (a.span, a.kind, &a.folded, a.participle),
                    (b.span, b.kind, &b.folded, b.participle)
                );
            }
        }
        assert_eq!(folded.get(0), "l'armee");
    }

    #[test]
    fn a_short_sentence_after_a_long_one_has_only_its_own_words() {
        // the buffer's words are overwritten in place: none of the longer sentence remains
        let text = "Les Gendarmes arrivent. Un tir";
        let token = |start: usize, end: usize, kind: TokenKind| Token {
            span: Span::new(start, end),
            kind,
        };
        let tokens = [
            token(0, 3, TokenKind::Word),
            token(4, 13, TokenKind::Word),
            token(14, 22, TokenKind::Word),
            token(22, 23, TokenKind::Punct),
            token(24, 26, TokenKind::Word),
            token(27, 30, TokenKind::Word),
        ];
        let mut words = Vec::new();
        words_in(text, &tokens, Span::new(0, 23), &mut words);
        let folded = |w: &[Word]| w.iter().map(|w| w.folded.clone()).collect::<Vec<_>>();
        assert_eq!(folded(&words), ["les", "gendarmes", "arrivent", "."]);
        words_in(text, &tokens, Span::new(24, 30), &mut words);
        assert_eq!(folded(&words), ["un", "tir"]);
        assert_eq!(words[1].span, Span::new(27, 30));
        assert!(!words[1].participle);
    }

    #[test]
    fn folding_drops_case_and_diacritics() {
        assert_eq!(fold("Frappée"), "frappee");
        assert_eq!(fold("l’"), "l'");
        assert_eq!(fold("MANŒUVRES"), "manoeuvres");
        assert_eq!(fold("Élu"), "elu");
    }
}
