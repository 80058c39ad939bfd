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

#[cfg(test)]
mod tests {
    use super::*;

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
