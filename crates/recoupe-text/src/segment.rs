//! Sentence segmentation over a token stream.
//!
//! A sentence ends at a run of final punctuation (`.`, `?`, `!`, `…`, `?!`) — together with
//! the closing quotes and brackets glued after it — when the next token can start a
//! sentence (not a lowercase word, not a comma), unless:
//! - the period follows an abbreviation from `resources/fr/abbreviations.txt` ("M.",
//!   "av.", "p. 12") or a single capital initial ("J. Smith");
//! - the end is inside a quotation that, once closed, goes on with the same sentence
//!   (`« Nous avons frappé. Ils ont fui », a-t-il dit.` is one sentence).
//!
//! A line break also ends a sentence (except inside a hard-wrapped paragraph whose next
//! line starts lowercase); a line that ends without final punctuation is a headline.
//!
//! Guard for pathological input: a sentence longer than [`MAX_SENTENCE_TOKENS`] tokens (a
//! text with no punctuation at all, a table flattened into one line) is cut into pieces
//! of at most that many tokens, each cut after the last comma, semicolon, colon or dash of
//! the second half of the piece, else after its last token. The later stages read a
//! sentence as a whole, some in time that grows with the square of its length; no
//! sentence of real news comes near the limit (the longest in the corpora has 100 tokens).

use recoupe_model::{Sentence, Span, Token, TokenKind};

use crate::lexicon::{abbreviations, AbbreviationClass};

/// Longest sentence, in tokens: a longer run with no sentence end is cut into pieces of at
/// most this many tokens (see the module documentation).
pub const MAX_SENTENCE_TOKENS: usize = 300;

/// Splits `original` into sentences from its `tokens` (spans into `original`, in order).
/// Every token falls in exactly one sentence; sentences are in order and do not overlap;
/// none has more than [`MAX_SENTENCE_TOKENS`] tokens.
pub fn split_sentences(original: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut splitter = Splitter {
        text: original,
        tokens,
        sentences: Vec::with_capacity(tokens.len() / 16 + 1),
        quotes: QuoteState::default(),
        verdict: None,
    };
    splitter.run();
    splitter.sentences
}

/// How a quotation mark changes the quotation depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteRole {
    Open,
    Close,
    /// A straight `"`: opens when no straight quotation is open, closes otherwise.
    Toggle,
}

#[derive(Debug, Clone, Copy, Default)]
struct QuoteState {
    typographic: usize,
    straight_open: bool,
}

impl QuoteState {
    fn depth(&self) -> usize {
        self.typographic + usize::from(self.straight_open)
    }

    fn apply(&mut self, role: QuoteRole) {
        match role {
            QuoteRole::Open => self.typographic += 1,
            QuoteRole::Close => self.typographic = self.typographic.saturating_sub(1),
            QuoteRole::Toggle => self.straight_open = !self.straight_open,
        }
    }

    /// Whether a mark with `role` would close a quotation now.
    fn closes(&self, role: QuoteRole) -> bool {
        match role {
            QuoteRole::Open => false,
            QuoteRole::Close => self.typographic > 0,
            QuoteRole::Toggle => self.straight_open,
        }
    }
}

/// Whether the quotation holding a sentence end continues the sentence after closing.
#[derive(Debug, Clone, Copy)]
struct QuoteVerdict {
    /// Token index up to which this verdict holds (the closing mark, or the line end).
    valid_until: usize,
    continues: bool,
}

struct Splitter<'t> {
    text: &'t str,
    tokens: &'t [Token],
    sentences: Vec<Sentence>,
    quotes: QuoteState,
    verdict: Option<QuoteVerdict>,
}

impl Splitter<'_> {
    fn run(&mut self) {
        let count = self.tokens.len();
        let mut first: Option<usize> = None;
        let mut i = 0;
        while i < count {
            if i > 0 {
                let breaks = self.line_breaks_before(i);
                if breaks > 0 {
                    // Quotation marks do not carry over paragraphs reliably: an unclosed
                    // quote must not swallow the rest of the article.
                    self.quotes = QuoteState::default();
                    self.verdict = None;
                    if let Some(start) = first {
                        if breaks >= 2 || !self.is_wrapped_line(i) {
                            self.close(start, i - 1);
                            first = None;
                        }
                    }
                }
            }
            let start = *first.get_or_insert(i);
            let token = self.tokens[i];
            if token.kind == TokenKind::Quote {
                if let Some(role) = self.quote_role(i) {
                    self.quotes.apply(role);
                }
            }
            if token.kind == TokenKind::Punct && is_final_punct(self.slice(i)) {
                let end = self.absorb_closers(i);
                if self.ends_sentence(i, end) {
                    self.close(start, end);
                    first = None;
                }
                i = end + 1;
                continue;
            }
            i += 1;
        }
        if let Some(start) = first {
            self.close(start, count - 1);
        }
    }

    /// Records the sentence made of tokens `first..=last`, cut into pieces of at most
    /// [`MAX_SENTENCE_TOKENS`] tokens when longer.
    fn close(&mut self, mut first: usize, last: usize) {
        while last + 1 - first > MAX_SENTENCE_TOKENS {
            let cut = self.length_cut(first);
            let span = Span::new(self.tokens[first].span.start, self.tokens[cut].span.end);
            self.sentences.push(Sentence {
                span,
                headline: false,
            });
            first = cut + 1;
        }
        let span = Span::new(self.tokens[first].span.start, self.tokens[last].span.end);
        let headline = !self.ends_with_final_punct(first, last);
        self.sentences.push(Sentence { span, headline });
    }

    /// The last token of a piece of an over-long sentence starting at token `first`: the
    /// last comma, semicolon, colon or dash in the second half of the piece, else the
    /// piece's last token.
    fn length_cut(&self, first: usize) -> usize {
        let last = first + MAX_SENTENCE_TOKENS - 1;
        (first + MAX_SENTENCE_TOKENS / 2..=last)
            .rev()
            .find(|&k| {
                self.tokens[k].kind == TokenKind::Punct
                    && matches!(self.slice(k), "," | ";" | ":" | "\u{2013}" | "\u{2014}")
            })
            .unwrap_or(last)
    }

    fn slice(&self, index: usize) -> &str {
        let span = self.tokens[index].span;
        self.text.get(span.start..span.end).unwrap_or("")
    }

    fn first_char(&self, index: usize) -> Option<char> {
        self.slice(index).chars().next()
    }

    /// Number of line breaks between token `index - 1` and token `index`.
    #[inline]
    fn line_breaks_before(&self, index: usize) -> usize {
        let gap_start = self.tokens[index - 1].span.end;
        let gap_end = self.tokens[index].span.start;
        // Most gaps are empty or one space.
        if gap_end <= gap_start + 1 && self.text.as_bytes().get(gap_start) != Some(&b'\n') {
            return usize::from(gap_end > gap_start && self.text.as_bytes()[gap_start] == b'\r');
        }
        let gap = self.text.as_bytes().get(gap_start..gap_end).unwrap_or(&[]);
        let mut breaks = 0;
        for (k, &b) in gap.iter().enumerate() {
            match b {
                b'\n' => breaks += 1,
                b'\r' if gap.get(k + 1) != Some(&b'\n') => breaks += 1,
                // U+0085, U+2028, U+2029 (C2 85, E2 80 A8, E2 80 A9).
                0x85 if k > 0 && gap[k - 1] == 0xC2 => breaks += 1,
                0xA8 | 0xA9 if k > 1 && gap[k - 2] == 0xE2 && gap[k - 1] == 0x80 => breaks += 1,
                _ => {}
            }
        }
        breaks
    }

    /// A single line break inside a sentence: a hard-wrapped paragraph whose previous
    /// line stops mid-sentence and whose next one goes on in lowercase, or a quotation
    /// announced by a colon on the line before ("Il a déclaré :⏎« Nous resterons. »"),
    /// which stays with its speaker.
    fn is_wrapped_line(&self, index: usize) -> bool {
        let previous = self.slice(index - 1);
        if previous == ":"
            && matches!(
                self.quote_role(index),
                Some(QuoteRole::Open | QuoteRole::Toggle)
            )
        {
            return true;
        }
        let previous_final = self.tokens[index - 1].kind == TokenKind::Punct
            && previous.ends_with(['.', '!', '?', '…', ':', ';']);
        !previous_final && self.first_char(index).is_some_and(char::is_lowercase)
    }

    fn quote_role(&self, index: usize) -> Option<QuoteRole> {
        match self.first_char(index)? {
            '«' | '“' | '„' | '‟' | '‹' => Some(QuoteRole::Open),
            '»' | '”' | '›' => Some(QuoteRole::Close),
            '"' | '＂' => Some(QuoteRole::Toggle),
            // Single quotes double as apostrophes: too unreliable to track.
            _ => None,
        }
    }

    /// Index of the last token glued after the final punctuation at `index` that belongs
    /// to the same sentence: closing quotes and closing brackets.
    fn absorb_closers(&mut self, index: usize) -> usize {
        let mut end = index;
        while end + 1 < self.tokens.len() && self.line_breaks_before(end + 1) == 0 {
            let next = end + 1;
            match self.tokens[next].kind {
                TokenKind::Quote => match self.quote_role(next) {
                    Some(role) if self.quotes.closes(role) => self.quotes.apply(role),
                    _ => break,
                },
                TokenKind::Punct if matches!(self.slice(next), ")" | "]") => {}
                _ => break,
            }
            end = next;
        }
        end
    }

    /// Whether the final punctuation at `index`, with its closers up to `end`, ends the
    /// sentence.
    fn ends_sentence(&mut self, index: usize, end: usize) -> bool {
        let next = end + 1;
        if next >= self.tokens.len() || self.line_breaks_before(next) > 0 {
            return true;
        }
        if self.slice(index) == "." {
            match self.abbreviation_before(index) {
                Some(AbbreviationClass::Inner) => return false,
                Some(AbbreviationClass::BeforeNumber)
                    if self.tokens[next].kind == TokenKind::Number =>
                {
                    return false
                }
                _ => {}
            }
        }
        if !self.starts_sentence(next) {
            return false;
        }
        if self.quotes.depth() > 0 && self.quote_continues(next) {
            return false;
        }
        true
    }

    /// The class of the word before the period at `index`: a listed abbreviation, or
    /// capital initials ("J. Smith", "J.-P. Bruneau"), which behave as
    /// [`AbbreviationClass::Inner`].
    fn abbreviation_before(&self, index: usize) -> Option<AbbreviationClass> {
        let period = self.tokens[index].span.start;
        let before = &self.text[..period];
        // The abbreviation is the run of letters, periods and hyphens glued before the
        // period ("M", "J.-C", "c.-à-d").
        // Longer runs are not abbreviations; the cap also keeps the walk back constant-time
        // on pathological input ("a.a.a.a…").
        const MAX_CHARS: usize = 12;
        let mut run_start = period;
        let mut taken = 0;
        for (k, c) in before.char_indices().rev() {
            if !(c.is_alphanumeric() || matches!(c, '.' | '-' | '‐' | '‑')) {
                break;
            }
            taken += 1;
            if taken > MAX_CHARS {
                return None;
            }
            run_start = k;
        }
        let run = before[run_start..].trim_start_matches(|c: char| !c.is_alphanumeric());
        if run.is_empty() {
            return None;
        }
        let table = abbreviations();
        let class = if run.contains(['‐', '‑']) {
            table.class(&run.replace(['‐', '‑'], "-"))
        } else {
            table.class(run)
        };
        if class.is_some() {
            return class;
        }
        if is_initials(run) {
            return Some(AbbreviationClass::Inner);
        }
        None
    }

    /// Whether token `index` can open a sentence: not a lowercase word, not punctuation
    /// that continues one.
    fn starts_sentence(&self, index: usize) -> bool {
        match self.first_char(index) {
            None => false,
            Some(c) => {
                !c.is_lowercase()
                    && !matches!(
                        c,
                        ',' | ';'
                            | ':'
                            | ')'
                            | ']'
                            | '}'
                            | '»'
                            | '”'
                            | '›'
                            | '.'
                            | '…'
                            | '?'
                            | '!'
                            | '%'
                    )
            }
        }
    }

    /// Whether the quotation open at a sentence end, once closed, goes on with the same
    /// sentence (a comma or a lowercase incise after the closing mark). `next` is the token
    /// after the sentence end. The answer is cached until the quotation closes.
    fn quote_continues(&mut self, next: usize) -> bool {
        if let Some(verdict) = self.verdict {
            if next <= verdict.valid_until {
                return verdict.continues;
            }
        }
        let depth = self.quotes.depth();
        let mut state = self.quotes;
        let mut k = next;
        let verdict = loop {
            if k >= self.tokens.len() {
                break QuoteVerdict {
                    valid_until: k,
                    continues: false,
                };
            }
            if k > next && self.line_breaks_before(k) > 0 {
                break QuoteVerdict {
                    valid_until: k,
                    continues: false,
                };
            }
            if self.tokens[k].kind == TokenKind::Quote {
                if let Some(role) = self.quote_role(k) {
                    state.apply(role);
                }
                if state.depth() < depth {
                    break QuoteVerdict {
                        valid_until: k,
                        continues: self.continues_after_quote(k + 1),
                    };
                }
            }
            k += 1;
        };
        self.verdict = Some(verdict);
        verdict.continues
    }

    /// Whether token `index`, right after a closing quote, goes on with the sentence.
    fn continues_after_quote(&self, index: usize) -> bool {
        if index >= self.tokens.len() || self.line_breaks_before(index) > 0 {
            return false;
        }
        match self.first_char(index) {
            Some(c) => c.is_lowercase() || matches!(c, ',' | ';' | ':' | '-' | '—' | '–'),
            None => false,
        }
    }

    /// Whether the sentence `first..=last` ends with final punctuation (possibly followed
    /// by closing quotes or brackets); a line that does not is a headline.
    fn ends_with_final_punct(&self, first: usize, last: usize) -> bool {
        let mut k = last;
        loop {
            let token = self.tokens[k];
            let text = self.slice(k);
            match token.kind {
                TokenKind::Punct if text.ends_with(['.', '!', '?', '…', ':', ';']) => {
                    return true
                }
                TokenKind::Quote => {}
                TokenKind::Punct if matches!(text, ")" | "]") => {}
                _ => return false,
            }
            if k == first {
                return false;
            }
            k -= 1;
        }
    }
}

/// Capital initials: single uppercase letters joined by periods and hyphens ("J",
/// "J.-P", "U.S").
fn is_initials(run: &str) -> bool {
    let mut pieces = run
        .split(['.', '-', '‐', '‑'])
        .filter(|piece| !piece.is_empty())
        .peekable();
    pieces.peek().is_some()
        && pieces.all(|piece| {
            let mut chars = piece.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
        })
}

/// A run of final punctuation: `.`, `...`, `?`, `!`, `?!`, `…`.
fn is_final_punct(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| matches!(c, '.' | '?' | '!' | '…'))
}
