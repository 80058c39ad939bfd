//! A small single-pass tokenizer over the original text, so the stages need no other layer.
//!
//! It dispatches on the first character of each token (letter, digit, space, other) and never
//! backtracks more than a few bytes, so it is linear in the text length.

use std::borrow::Cow;

use crate::lexicon::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner hyphens ("week-end", "vingt-deux"); an elision keeps its apostrophe
    /// ("l'", "d'", "jusqu'").
    Word,
    /// Digits with their thousand separators, decimal comma, or date slashes ("10.000",
    /// "1 500", "1,5", "18/01/2019", "5-0").
    Number,
    /// Letters and digits glued together: ordinals and codes ("37e", "1er", "G7", "14h").
    Alnum,
    /// Any other character, one per token; a line break is a token too ("\n").
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'t> {
    /// The token as written in the original text.
    pub raw: &'t str,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Folded text (see [`fold`]) for words; the raw text for numbers and punctuation.
    /// Borrowed from the text when folding changes nothing (most words), so tokenizing
    /// allocates only for capitalised or accented words.
    pub key: Cow<'t, str>,
    /// Index of the sentence the token is in (split at . ! ? and line breaks).
    pub sentence: usize,
    /// First character is uppercase.
    pub capitalised: bool,
}

/// Elided words that keep their apostrophe as a separate word ("l'an", "d'euros").
const ELISIONS: [&str; 12] = [
    "l", "d", "qu", "jusqu", "lorsqu", "puisqu", "n", "s", "c", "j", "m", "t",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_thousands_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Swiss press groups thousands with an apostrophe ("10'000", "1’250").
fn is_thousands_mark(c: char) -> bool {
    is_thousands_space(c) || matches!(c, '\'' | '’')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2011}' | '\u{2010}')
}

/// [`fold`] without allocating when the word is already folded (ASCII without capitals).
fn fold_key(raw: &str) -> Cow<'_, str> {
    if raw.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(raw)
    } else {
        Cow::Owned(fold(raw))
    }
}

/// Opening and closing quotation marks: a count may sit inside them ("au moins « 12 blessés
/// »"), and a quoted phrase stays in the clause of the verb around it ("le Sénat se saisira du
/// texte « dès la mi-mars »").
pub(crate) fn is_quote(raw: &str) -> bool {
    matches!(raw, "«" | "»" | "\"" | "“" | "”")
}

/// Tokenizes `text`. Offsets are byte offsets on char boundaries.
///
/// The dates and the quantities stages both tokenize the same document, one after the
/// other: the tokens of the text last tokenized on this thread are remembered, and a second
/// call with an equal text rebuilds them from memory instead of scanning again.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    if let Some(tokens) = LAST.with(|last| last.borrow().tokens_of(text)) {
        return tokens;
    }
    let tokens = tokenize_fresh(text);
    LAST.with(|last| last.borrow_mut().remember(text, &tokens));
    tokens
}

thread_local! {
    static LAST: std::cell::RefCell<Remembered> = std::cell::RefCell::new(Remembered::default());
}

/// Texts longer than this (in bytes) are not remembered: a book-length text's copy and
/// tokens would stay in memory for nothing.
const REMEMBERED_TEXT_MAX: usize = 1 << 20;

/// The last text tokenized on a thread, with its tokens as offsets into it.
#[derive(Default)]
struct Remembered {
    text: String,
    tokens: Vec<RememberedToken>,
    /// The folded keys that are not slices of the text, one after the other.
    keys: String,
}

struct RememberedToken {
    start: usize,
    end: usize,
    kind: Kind,
    /// Where the key lies: in the text (`borrowed`) or in `Remembered::keys`.
    key: (usize, usize),
    borrowed: bool,
    sentence: usize,
    capitalised: bool,
}

impl Remembered {
    fn tokens_of<'t>(&self, text: &'t str) -> Option<Vec<Token<'t>>> {
        if self.text.len() != text.len() || self.text != text || self.text.is_empty() {
            return None;
        }
        Some(
            self.tokens
                .iter()
                .map(|t| Token {
                    raw: &text[t.start..t.end],
                    start: t.start,
                    end: t.end,
                    kind: t.kind,
                    key: if t.borrowed {
                        Cow::Borrowed(&text[t.key.0..t.key.1])
                    } else {
                        Cow::Owned(self.keys[t.key.0..t.key.1].to_string())
                    },
                    sentence: t.sentence,
                    capitalised: t.capitalised,
                })
                .collect(),
        )
    }

    fn remember(&mut self, text: &str, tokens: &[Token<'_>]) {
        self.text.clear();
        self.tokens.clear();
        self.keys.clear();
        if text.len() > REMEMBERED_TEXT_MAX {
            // (and the buffers of a long text before it are let go)
            *self = Remembered::default();
            return;
        }
        let base = text.as_ptr() as usize;
        for t in tokens {
            // a borrowed key is a slice of the text (any other is copied, to be safe)
            let in_text = match &t.key {
                Cow::Borrowed(k) => {
                    let at = (k.as_ptr() as usize).wrapping_sub(base);
                    (at <= text.len() && k.len() <= text.len() - at).then_some(at)
                }
                Cow::Owned(_) => None,
            };
            let (key, borrowed) = match in_text {
                Some(at) => ((at, at + t.key.len()), true),
                None => {
                    let at = self.keys.len();
                    self.keys.push_str(&t.key);
                    ((at, self.keys.len()), false)
                }
            };
            self.tokens.push(RememberedToken {
                start: t.start,
                end: t.end,
                kind: t.kind,
                key,
                borrowed,
                sentence: t.sentence,
                capitalised: t.capitalised,
            });
        }
        self.text.push_str(text);
    }
}

/// [`tokenize`] without the memory of the last text.
fn tokenize_fresh(text: &str) -> Vec<Token<'_>> {
    thread_local! {
        // The characters of the text being tokenized, in a buffer kept between calls: a
        // long text's table (16 bytes a character) is otherwise fresh memory every time.
        static CHARS: std::cell::Cell<Vec<(usize, char)>> = const { std::cell::Cell::new(Vec::new()) };
    }
    let mut chars = CHARS.take();
    chars.clear();
    chars.extend(text.char_indices());
    let tokens = tokenize_chars(text, &chars);
    // (a book-length text's table is not kept)
    if chars.capacity() <= 1 << 20 {
        CHARS.set(chars);
    }
    tokens
}

/// [`tokenize`] over the text's `(byte offset, char)` table.
fn tokenize_chars<'t>(text: &'t str, chars: &[(usize, char)]) -> Vec<Token<'t>> {
    let byte_at = |index: usize| chars.get(index).map(|&(b, _)| b).unwrap_or(text.len());
    let char_at = |index: usize| chars.get(index).map(|&(_, c)| c);
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut sentence = 0usize;
    let mut i = 0usize;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() && c != '\n' {
            i += 1;
            continue;
        }
        let start_index = i;
        let kind;
        if c.is_ascii_digit() {
            i += 1;
            let mut group_len = 1usize;
            let mut has_comma = false;
            let mut has_space = false;
            loop {
                match char_at(i) {
                    Some(d) if d.is_ascii_digit() => {
                        group_len += 1;
                        i += 1;
                    }
                    Some(sep @ ('.' | ',' | '/' | '-'))
                        if char_at(i + 1).is_some_and(|d| d.is_ascii_digit()) =>
                    {
                        has_comma |= sep == ',';
                        group_len = 0;
                        i += 1;
                    }
                    // "1 500": a space then exactly three digits, after a group of at most
                    // three digits (so "en 2014 500 soldats" stays two numbers).
                    Some(sp)
                        if is_thousands_mark(sp)
                            && !has_comma
                            && group_len <= 3
                            && (!has_space || group_len == 3)
                            && (1..=3)
                                .all(|k| char_at(i + k).is_some_and(|d| d.is_ascii_digit()))
                            && !char_at(i + 4).is_some_and(|d| d.is_alphanumeric()) =>
                    {
                        has_space = true;
                        group_len = 0;
                        i += 1;
                    }
                    _ => break,
                }
            }
            if char_at(i).is_some_and(|l| l.is_alphabetic()) {
                while char_at(i).is_some_and(|l| l.is_alphanumeric()) {
                    i += 1;
                }
                kind = Kind::Alnum;
            } else {
                kind = Kind::Number;
            }
        } else if c.is_alphabetic() {
            let mut has_digit = false;
            i += 1;
            loop {
                match char_at(i) {
                    Some(l) if l.is_alphabetic() => i += 1,
                    Some(l) if l.is_ascii_digit() => {
                        has_digit = true;
                        i += 1
                    }
                    Some(h)
                        if is_hyphen(h) && char_at(i + 1).is_some_and(|l| l.is_alphabetic()) =>
                    {
                        i += 2
                    }
                    Some(a)
                        if is_apostrophe(a)
                            && char_at(i + 1).is_some_and(|l| l.is_alphabetic()) =>
                    {
                        let word = fold_key(&text[byte_at(start_index)..byte_at(i)]);
                        if ELISIONS.contains(&word.as_ref()) {
                            // The elision ends after its apostrophe.
                            i += 1;
                            break;
                        }
                        i += 2;
                    }
                    // "d'« obus »", "d'"obus"": an elision before a quotation mark.
                    Some(a)
                        if is_apostrophe(a)
                            && char_at(i + 1).is_some_and(|q| matches!(q, '«' | '"' | '“'))
                            && ELISIONS.contains(
                                &fold_key(&text[byte_at(start_index)..byte_at(i)]).as_ref(),
                            ) =>
                    {
                        i += 1;
                        break;
                    }
                    _ => break,
                }
            }
            kind = if has_digit { Kind::Alnum } else { Kind::Word };
        } else {
            i += 1;
            kind = Kind::Punct;
        }
        let start = byte_at(start_index);
        let end = byte_at(i);
        let raw = &text[start..end];
        let key = match kind {
            Kind::Word | Kind::Alnum => fold_key(raw),
            _ => Cow::Borrowed(raw),
        };
        tokens.push(Token {
            raw,
            start,
            end,
            kind,
            key,
            sentence,
            capitalised: c.is_uppercase(),
        });
        if kind == Kind::Punct && matches!(c, '.' | '!' | '?' | '\n') {
            sentence += 1;
        }
    }
    tokens
}

/// Parses a count written in digits: "10.000", "1 500", "1,5", "42". `None` for anything
/// that is not a plain count: dates ("18/01"), scores ("5-0"), article numbers ("49.3").
pub fn parse_number(raw: &str) -> Option<f64> {
    if raw.contains(['/', '-']) {
        return None;
    }
    let compact: String = raw.chars().filter(|c| !is_thousands_mark(*c)).collect();
    let (integer, fraction) = match compact.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (compact.as_str(), None),
    };
    if fraction.is_some_and(|f| f.contains([',', '.'])) {
        return None;
    }
    let mut groups = integer.split('.');
    let first = groups.next()?;
    let mut digits = first.to_string();
    for group in groups {
        // A dot is a thousands separator only before groups of exactly three digits.
        if group.len() != 3 || first.is_empty() || first.len() > 3 {
            return None;
        }
        digits.push_str(group);
    }
    let mut value: f64 = digits.parse().ok()?;
    if let Some(fraction) = fraction {
        let parsed: f64 = format!("0.{fraction}").parse().ok()?;
        value += parsed;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .map(|t| t.key.into_owned())
            .collect()
    }

    #[test]
    fn a_text_tokenized_again_gives_the_same_tokens() {
        // the second call rebuilds the tokens from the thread's memory of the first
        let text = "Selon l’ONU, 1 500 déplacés ont fui Élisabethville le 3 mai.";
        let first: Vec<Token<'_>> = tokenize_fresh(text);
        assert_eq!(tokenize(text), first);
        assert_eq!(tokenize(text), first);
        assert!(first.iter().any(|t| matches!(t.key, Cow::Owned(_))));
        assert!(first.iter().any(|t| matches!(t.key, Cow::Borrowed(_))));
        // an equal text elsewhere in memory borrows from itself, not from the first
        let copy = text.to_string();
        let again = tokenize(&copy);
        assert_eq!(again, first);
        for t in &again {
            if let Cow::Borrowed(k) = &t.key {
                let at = k.as_ptr() as usize - copy.as_ptr() as usize;
                assert!(at + k.len() <= copy.len());
            }
        }
        // another text is tokenized afresh
        assert_eq!(tokenize("Deux blessés"), tokenize_fresh("Deux blessés"));
    }

    #[test]
    fn a_short_text_after_a_long_one_is_tokenized_alone() {
        // the character table is kept between calls: nothing of the longer text may remain
        let long = "Le conseil municipal de Vernier a voté 1 500 francs le 3 mai dernier.";
        let short = "Deux blessés";
        let alone = keys(short);
        assert!(keys(long).len() > alone.len());
        assert_eq!(keys(short), alone);
        assert_eq!(alone, ["deux", "blesses"]);
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(keys("1 500 terroristes"), ["1 500", "terroristes"]);
        assert_eq!(
            keys("10.000 et 1\u{202f}200"),
            ["10.000", "et", "1\u{202f}200"]
        );
        assert_eq!(
            keys("en 2014 500 soldats"),
            ["en", "2014", "500", "soldats"]
        );
        assert_eq!(keys("le 37e et 5-0"), ["le", "37e", "et", "5-0"]);
    }

    #[test]
    fn issue13_thousands_separators_in_every_position() {
        assert_eq!(keys("10'000 francs"), ["10'000", "francs"]);
        assert_eq!(keys("1’250’000 votants"), ["1’250’000", "votants"]);
        assert_eq!(keys("1 250 000 votants"), ["1 250 000", "votants"]);
        assert_eq!(keys("à 10 100"), ["a", "10 100"]);
        // An apostrophe after a number followed by a word is not a separator.
        assert_eq!(keys("les 12'000"), ["les", "12'000"]);
        assert_eq!(keys("en 2019'"), ["en", "2019", "'"]);
    }

    #[test]
    fn elisions_split_but_aujourdhui_stays_whole() {
        assert_eq!(
            keys("l'an d’euros aujourd’hui"),
            ["l'", "an", "d'", "euros", "aujourd'hui"]
        );
        assert_eq!(keys("jusqu'à mi-janvier"), ["jusqu'", "a", "mi-janvier"]);
        assert_eq!(keys("d'\"obus\""), ["d'", "\"", "obus", "\""]);
        assert_eq!(keys("d’« obus »"), ["d'", "«", "obus", "»"]);
    }

    #[test]
    fn parse_number_reads_french_separators() {
        assert_eq!(parse_number("10.000"), Some(10000.0));
        assert_eq!(parse_number("1 500"), Some(1500.0));
        assert_eq!(parse_number("1,5"), Some(1.5));
        assert_eq!(parse_number("49.3"), None);
        assert_eq!(parse_number("10'000"), Some(10000.0));
        assert_eq!(parse_number("1\u{202f}250\u{202f}000"), Some(1_250_000.0));
        assert_eq!(parse_number("18/01/2019"), None);
    }
}
