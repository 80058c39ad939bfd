//! Tokenizer for French news text.
//!
//! Works on the normalised text (plain apostrophes, plain spaces, `"` for every double
//! quote) with a byte-level scanner: ASCII bytes are classified by table, and only
//! non-ASCII characters are decoded. Tokens are written into a caller-provided vector, so
//! the scanner itself never allocates.
//!
//! What counts as one token:
//! - a word, with its internal hyphens and apostrophes ("Jean-Pierre", "al-Anbar",
//!   "aujourd'hui", "Qa'im"), but split from an elided article or pronoun ("l'", "qu'",
//!   "jusqu'", an [`TokenKind::Elision`]) and from the subject of an inverted incise
//!   ("dit" + "-elle", "a" + "-t-il", a [`TokenKind::Clitic`]);
//! - a number with its thousand groups ("1 500 000", "10.000", "1'500") and decimals
//!   ("1,5", "2.5"); a year is never glued to a following count ("2019 15");
//! - an ordinal ("37e", "1er", "2ème", "XXIe");
//! - a URL, an e-mail address, a hashtag or a handle ([`TokenKind::Symbol`]);
//! - a run of final punctuation ("...", "?!"), or any other single punctuation mark or
//!   symbol. Abbreviation periods are separate tokens ("M" + "."); the sentence splitter
//!   knows the abbreviations.

use recoupe_model::{Span, Token, TokenKind};
use unicode_normalization::char::is_combining_mark;

use crate::lexicon::{eq_ignore_case, is_elision};
use crate::normalize::decode_at;

/// Suffixes that turn a number into an ordinal ("1er", "2nde", "37e", "XXIᵉ").
const ORDINAL_SUFFIXES: &[&str] = &[
    "e", "er", "re", "ère", "ere", "ème", "eme", "nd", "nde", "es", "ers", "res", "ères", "èmes",
    "emes", "ᵉ", "ᵉʳ", "ʳᵉ", "ᵉˢ", "ᵉʳˢ", "ʳᵉˢ",
];

/// Suffixes of a Roman-numeral ordinal ("Ier", "XXIe", "Ve").
const ROMAN_ORDINAL_SUFFIXES: &[&str] = &["e", "er", "re", "ère", "ème", "eme", "ᵉ", "ᵉʳ", "ʳᵉ"];

/// Inverted-subject pronouns split off a verb ("dit-elle", "faut-il").
const PLAIN_CLITICS: &[&str] = &["il", "elle", "ils", "elles", "on", "je", "tu"];

/// Inverted-subject pronouns with the euphonic "t" ("a-t-il", "va-t-on").
const T_CLITICS: &[&str] = &["il", "elle", "ils", "elles", "on"];

/// Appends the tokens of the normalised `text` to `out`, with spans in `text`'s offsets.
pub(crate) fn tokenize_normalized(text: &str, out: &mut Vec<Token>) {
    Scanner {
        text,
        bytes: text.as_bytes(),
        out,
    }
    .run();
}

struct Scanner<'t, 'o> {
    text: &'t str,
    bytes: &'t [u8],
    out: &'o mut Vec<Token>,
}

impl Scanner<'_, '_> {
    fn run(&mut self) {
        let len = self.bytes.len();
        let mut i = 0;
        while i < len {
            let byte = self.bytes[i];
            i = if byte < 0x80 {
                self.ascii(i, byte)
            } else {
                self.non_ascii(i)
            };
        }
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.out.push(Token {
            span: Span { start, end },
            kind,
        });
    }

    /// Handles the token starting with ASCII byte `byte` at `i`; returns the next offset.
    #[inline]
    fn ascii(&mut self, i: usize, byte: u8) -> usize {
        match byte {
            b' ' | b'\n' | b'\t' | b'\r' | 0x0B | 0x0C => i + 1,
            b'0'..=b'9' => self.number(i),
            b'a'..=b'z' | b'A'..=b'Z' => self.word(i),
            b'"' | b'\'' => {
                self.push(i, i + 1, TokenKind::Quote);
                i + 1
            }
            b'.' | b'?' | b'!' => {
                let end = self.final_punct_run(i);
                self.push(i, end, TokenKind::Punct);
                end
            }
            b'#' | b'@' if self.is_word_char_at(i + 1) => {
                let end = self.handle_end(i + 1);
                self.push(i, end, TokenKind::Symbol);
                end
            }
            b',' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'-' | b'/' | b'\\' => {
                self.push(i, i + 1, TokenKind::Punct);
                i + 1
            }
            _ => {
                self.push(i, i + 1, TokenKind::Symbol);
                i + 1
            }
        }
    }

    /// Handles the token starting with the non-ASCII character at `i`.
    fn non_ascii(&mut self, i: usize) -> usize {
        let c = decode_at(self.text, i);
        let end = i + c.len_utf8();
        if is_latin_letter(c) {
            return self.word(i);
        }
        if c.is_whitespace() {
            return end;
        }
        if is_attaching_mark(c) {
            // A combining mark belongs to whatever precedes it; glued to a token, it
            // extends it, otherwise it stands alone.
            if let Some(last) = self.out.last_mut() {
                if last.span.end == i {
                    last.span.end = end;
                    return end;
                }
            }
            self.push(i, end, TokenKind::Symbol);
            return end;
        }
        if c.is_alphanumeric() {
            return self.word(i);
        }
        let kind = match c {
            '…' => {
                let run_end = self.final_punct_run(i);
                self.push(i, run_end, TokenKind::Punct);
                return run_end;
            }
            '–' | '—' | '‒' | '―' | '•' | '·' | '¡' | '¿' => TokenKind::Punct,
            _ => TokenKind::Symbol,
        };
        self.push(i, end, kind);
        end
    }

    /// End of a run of final punctuation (`.`, `?`, `!`, `…`) starting at `i`.
    fn final_punct_run(&self, mut i: usize) -> usize {
        let len = self.bytes.len();
        while i < len {
            match self.bytes[i] {
                b'.' | b'?' | b'!' => i += 1,
                // "…" is E2 80 A6 in UTF-8.
                0xE2 if self.bytes[i..].starts_with("…".as_bytes()) => i += 3,
                _ => break,
            }
        }
        i
    }

    /// Whether a word character (letter, digit, combining mark) starts at `i`.
    #[inline]
    fn is_word_char_at(&self, i: usize) -> bool {
        match self.bytes.get(i) {
            None => false,
            Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
            Some(_) => is_word_char(decode_at(self.text, i)),
        }
    }

    /// Whether a letter (not a digit) starts at `i`.
    #[inline]
    fn is_letter_at(&self, i: usize) -> bool {
        match self.bytes.get(i) {
            None => false,
            Some(&b) if b < 0x80 => b.is_ascii_alphabetic(),
            Some(_) => decode_at(self.text, i).is_alphabetic(),
        }
    }

    /// End of the run of word characters starting at `i`.
    #[inline]
    fn skip_word_chars(&self, mut i: usize) -> usize {
        let len = self.bytes.len();
        while i < len {
            let b = self.bytes[i];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                break;
            }
            let c = decode_at(self.text, i);
            if !is_word_char(c) {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    /// End of a hashtag or handle body starting at `i` (word characters and `_`).
    fn handle_end(&self, mut i: usize) -> usize {
        loop {
            let next = self.skip_word_chars(i);
            if next < self.bytes.len() && self.bytes[next] == b'_' {
                i = next + 1;
            } else {
                return next;
            }
        }
    }

    /// Scans a word (or a URL / e-mail address) starting with a letter at `start`.
    fn word(&mut self, start: usize) -> usize {
        if let Some(end) = self.url_end(start) {
            self.push(start, end, TokenKind::Symbol);
            return end;
        }
        let len = self.bytes.len();
        let mut joined = false;
        // Start of the current hyphen- or apostrophe-separated part.
        let mut part_start = start;
        let mut j = start;
        loop {
            j = self.skip_word_chars(j);
            if j >= len {
                break;
            }
            match self.bytes[j] {
                b'\'' => {
                    let after = j + 1;
                    if part_start == start && is_elision(&self.text[start..j]) {
                        if self.is_name_apostrophe(start, j) {
                            j = after;
                            part_start = after;
                            joined = true;
                            continue;
                        }
                        self.push(start, after, TokenKind::Elision);
                        return after;
                    }
                    // "aujourd'hui", "Qa'im", "quelqu'un": the apostrophe is inside a word.
                    if self.is_letter_at(after) {
                        j = after;
                        part_start = after;
                        joined = true;
                        continue;
                    }
                    break;
                }
                b'-' => {
                    if part_start == start {
                        if let Some(clitic_end) = self.clitic_end(start, j) {
                            self.push(start, j, TokenKind::Word);
                            self.push(j, clitic_end, TokenKind::Clitic);
                            return clitic_end;
                        }
                    }
                    let after = j + 1;
                    if !self.is_word_char_at(after) {
                        break;
                    }
                    // "2019-2020" is two numbers and a dash, "F-16" one word.
                    let part_is_digits = self.bytes[part_start..j].iter().all(u8::is_ascii_digit);
                    if part_is_digits && self.bytes[after].is_ascii_digit() {
                        break;
                    }
                    j = after;
                    part_start = after;
                    joined = true;
                }
                b'.' | b'@' | b'_' | b'+' | b'%' => {
                    if let Some(end) = self.email_end(start) {
                        self.push(start, end, TokenKind::Symbol);
                        return end;
                    }
                    if let Some(end) = self.domain_end(start) {
                        self.push(start, end, TokenKind::Symbol);
                        return end;
                    }
                    break;
                }
                _ => break,
            }
        }
        let kind = if !joined && self.is_roman_ordinal(start, j) {
            TokenKind::Ordinal
        } else {
            TokenKind::Word
        };
        self.push(start, j, kind);
        j
    }

    /// "N'Djamena", "M'Bala": a capital N or M, an apostrophe, then a capitalised word is a
    /// West African name, not an elision (which would be followed by a lowercase verb or
    /// by an all-capitals word in a headline).
    fn is_name_apostrophe(&self, start: usize, apostrophe: usize) -> bool {
        let letter = &self.bytes[start..apostrophe];
        if letter != b"N" && letter != b"M" {
            return false;
        }
        let mut rest = self.text[apostrophe + 1..].chars();
        matches!(
            (rest.next(), rest.next()),
            (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase()
        )
    }

    /// End of an inverted-subject clitic starting with the hyphen at `hyphen`, if the word
    /// `[start, hyphen)` is followed by one ("-t-il", "-elle").
    fn clitic_end(&self, start: usize, hyphen: usize) -> Option<usize> {
        let rest = &self.bytes[hyphen + 1..];
        // Euphonic "t": unambiguous, whatever the case of the verb ("A-t-il").
        if rest.len() > 2 && rest[0].eq_ignore_ascii_case(&b't') && matches!(rest[1], b'-' | b'\'')
        {
            for pronoun in T_CLITICS {
                let end = hyphen + 3 + pronoun.len();
                if self.pronoun_at(hyphen + 3, pronoun) {
                    return Some(end);
                }
            }
            return None;
        }
        let is_est_ce = self.bytes[start..hyphen].eq_ignore_ascii_case(b"est")
            && self.pronoun_at(hyphen + 1, "ce");
        let pronoun_end = if is_est_ce {
            hyphen + 3
        } else {
            let pronoun = PLAIN_CLITICS
                .iter()
                .find(|pronoun| self.pronoun_at(hyphen + 1, pronoun))?;
            hyphen + 1 + pronoun.len()
        };
        self.looks_like_verb(start, hyphen).then_some(pronoun_end)
    }

    /// Whether `pronoun` (lowercase ASCII) is at `at`, case-insensitively, and ends a word.
    fn pronoun_at(&self, at: usize, pronoun: &str) -> bool {
        let end = at + pronoun.len();
        end <= self.bytes.len()
            && self.bytes[at..end].eq_ignore_ascii_case(pronoun.as_bytes())
            && !self.is_word_char_at(end)
    }

    /// A verb before an inverted subject is lowercase ("dit-il"), or capitalised at the
    /// start of a sentence or line ("Faut-il"). A capitalised word elsewhere is a name
    /// ("Kim Jong-il").
    fn looks_like_verb(&self, start: usize, end: usize) -> bool {
        let word = &self.text[start..end];
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        if !chars.all(char::is_lowercase) {
            return false;
        }
        if first.is_lowercase() {
            return true;
        }
        let before = self.text[..start].trim_end_matches([' ', '\t']);
        match before.chars().next_back() {
            None => true,
            Some(c) => matches!(
                c,
                '.' | '!' | '?' | '…' | '"' | '(' | '—' | '–' | '-' | ':' | '\n' | '\r'
            ),
        }
    }

    /// Whether `[start, end)` is a Roman-numeral ordinal ("XXIe", "Ier").
    fn is_roman_ordinal(&self, start: usize, end: usize) -> bool {
        let word = &self.bytes[start..end];
        let numeral_len = word
            .iter()
            .take_while(|b| matches!(b, b'I' | b'V' | b'X'))
            .count();
        if numeral_len == 0 || numeral_len == word.len() {
            return false;
        }
        let suffix = &self.text[start + numeral_len..end];
        ROMAN_ORDINAL_SUFFIXES.contains(&suffix)
    }

    /// Scans a number, an ordinal or a word starting with a digit at `start`.
    fn number(&mut self, start: usize) -> usize {
        let bytes = self.bytes;
        let len = bytes.len();
        let digits_end = skip_digits(bytes, start);
        if self.is_word_char_at(digits_end) {
            let alnum_end = self.skip_word_chars(digits_end);
            let suffix = &self.text[digits_end..alnum_end];
            if ORDINAL_SUFFIXES.iter().any(|s| eq_ignore_case(s, suffix)) {
                self.push(start, alnum_end, TokenKind::Ordinal);
                return alnum_end;
            }
            if suffix.chars().all(char::is_alphabetic) {
                // "3km", "10h": the number, then the unit as a word of its own.
                self.push(start, digits_end, TokenKind::Number);
                return digits_end;
            }
            // "13h30", "4x4", "H5N1"-like codes are words.
            return self.word(start);
        }
        let mut end = digits_end;
        // Thousand groups: a first group of one to three digits, then groups of exactly
        // three digits, all with the same separator. "1 500" is one number; "2019 15"
        // (a year, then a count) is not.
        if digits_end - start <= 3 {
            let mut separator = None;
            while end + 4 <= len
                && matches!(bytes[end], b' ' | b'.' | b'\'')
                && separator.is_none_or(|s| s == bytes[end])
                && bytes[end + 1..end + 4].iter().all(u8::is_ascii_digit)
                && !bytes.get(end + 4).is_some_and(u8::is_ascii_digit)
            {
                separator = Some(bytes[end]);
                end += 4;
            }
        }
        // Decimals ("1,5", "2.5") and dotted sequences ("12.03.2020").
        while end + 1 < len && matches!(bytes[end], b',' | b'.') && bytes[end + 1].is_ascii_digit()
        {
            end = skip_digits(bytes, end + 1);
        }
        self.push(start, end, TokenKind::Number);
        end
    }

    /// End of a URL starting at `start`, if one does.
    fn url_end(&self, start: usize) -> Option<usize> {
        if !matches!(self.bytes[start], b'h' | b'H' | b'w' | b'W') {
            return None;
        }
        let rest = &self.bytes[start..];
        let has_prefix = [&b"http://"[..], b"https://", b"www."]
            .iter()
            .any(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p));
        if !has_prefix {
            return None;
        }
        self.url_end_from(start, start)
    }

    /// End of a bare web address starting at `start` ("vie-publique.fr",
    /// "lemonde.fr/politique"), if one does: dot-separated labels of ASCII letters, digits
    /// and hyphens ending in a known top-level domain, then a path up to the next space.
    fn domain_end(&self, start: usize) -> Option<usize> {
        let bytes = self.bytes;
        // RFC 1035 limits a name to 253 bytes; the cap keeps long dotted runs cheap.
        const MAX_DOMAIN: usize = 253;
        let mut end = start;
        while end < bytes.len()
            && end - start <= MAX_DOMAIN
            && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'.' | b'-'))
        {
            end += 1;
        }
        while end > start && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let domain = &self.text[start..end];
        let (name, tld) = domain.rsplit_once('.')?;
        if name.is_empty() || name.ends_with('-') || !TOP_LEVEL_DOMAINS.contains(&tld) {
            return None;
        }
        // "fin.Le" or "10.000" are no addresses: the suffix is lowercase letters and the
        // address is not followed by more letters (an accented one, say).
        if self.is_word_char_at(end) {
            return None;
        }
        if bytes.get(end) == Some(&b'/')
            && bytes.get(end + 1).is_some_and(|b| !b.is_ascii_whitespace())
        {
            return self.url_end_from(start, end);
        }
        Some(end)
    }

    /// End of an address from `from` to the next space; trailing punctuation belongs to the
    /// sentence, not the address.
    fn url_end_from(&self, start: usize, from: usize) -> Option<usize> {
        let mut end = from;
        while end < self.bytes.len() {
            let b = self.bytes[end];
            if b < 0x80 {
                if b.is_ascii_whitespace() || matches!(b, b'"' | b'<' | b'>') {
                    break;
                }
                end += 1;
            } else {
                let c = decode_at(self.text, end);
                if c.is_whitespace() || is_attaching_mark(c) {
                    break;
                }
                end += c.len_utf8();
            }
        }
        loop {
            let url = &self.bytes[start..end];
            match url.last() {
                Some(b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'') => end -= 1,
                Some(b')') if count(url, b'(') < count(url, b')') => end -= 1,
                _ => break,
            }
        }
        (end > start).then_some(end)
    }

    /// End of an e-mail address starting at `start`, if one does.
    fn email_end(&self, start: usize) -> Option<usize> {
        let bytes = self.bytes;
        let is_local =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
        // RFC 5321 limits: 64 bytes of local part, 255 of domain. The caps also keep
        // the scan constant-time on long dotted runs ("a.a.a.a…"), where it is retried
        // at every word.
        const MAX_LOCAL: usize = 64;
        const MAX_DOMAIN: usize = 255;
        let mut at = start;
        while at < bytes.len() && at - start <= MAX_LOCAL && is_local(bytes[at]) {
            at += 1;
        }
        if at == start || bytes.get(at) != Some(&b'@') {
            return None;
        }
        let mut end = at + 1;
        while end < bytes.len()
            && end - at <= MAX_DOMAIN
            && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'.' | b'-'))
        {
            end += 1;
        }
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let domain = &bytes[at + 1..end];
        let has_tld = match domain.iter().rposition(|&b| b == b'.') {
            Some(dot) => {
                dot > 0
                    && dot + 1 < domain.len()
                    && domain[dot + 1..].iter().all(u8::is_ascii_alphabetic)
            }
            None => false,
        };
        has_tld.then_some(end)
    }
}

/// Top-level domains that mark a bare web address ("vie-publique.fr"): generic ones and
/// the country codes of French-language news (France, Belgium, Switzerland, Québec,
/// Africa, the Maghreb) and of the countries it most reports on.
const TOP_LEVEL_DOMAINS: [&str; 52] = [
    "com", "org", "net", "info", "int", "gov", "edu", "eu", "io", "tv", "news", "media", "fr",
    "be", "ch", "lu", "ca", "quebec", "mc", "re", "ma", "dz", "tn", "sn", "ci", "cm", "cd", "cg",
    "ml", "bf", "ne", "td", "mg", "ht", "ga", "bj", "tg", "gn", "uk", "de", "it", "es", "us", "ru",
    "ua", "ir", "iq", "sy", "lb", "tr", "il", "ps",
];

/// Letters, digits, combining marks and the soft hyphen make up words.
#[inline]
fn is_word_char(c: char) -> bool {
    is_latin_letter(c) || c.is_alphanumeric() || is_attaching_mark(c)
}

/// Accented Latin letters (Latin-1 Supplement to IPA Extensions, minus `×` and `÷`): the
/// bulk of non-ASCII characters in French text, answered without a table lookup.
#[inline]
fn is_latin_letter(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{2AF}') && c != '\u{D7}' && c != '\u{F7}'
}

/// Characters that never start a token of their own when glued to one: combining marks,
/// the soft hyphen, joiners and variation selectors.
#[inline]
fn is_attaching_mark(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}'
    ) || is_combining_mark(c)
}

#[inline]
fn skip_digits(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    i
}

fn count(bytes: &[u8], needle: u8) -> usize {
    bytes.iter().filter(|&&b| b == needle).count()
}
