//! Snippets of search hits, computed from the text and the query's words rather than by
//! an FTS5 `snippet()` statement per hit: such a statement runs the whole full-text query
//! again for its one row (a prefix like `évacu*` is expanded over the index each time),
//! which made twenty snippets cost more than the search itself on a large store.
//!
//! Words are compared folded (lowercase, accents removed, as the index does), so what is
//! highlighted is what the index matched: a word, a phrase (its words in sequence), or a
//! prefix (the last word of a term ending in `*`).

use crate::fold::fold;

/// One term of a full-text query: a word, or a phrase of several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// The words as written (for a new FTS5 query), and folded (for comparisons).
    pub words: Vec<String>,
    folded: Vec<String>,
    /// The last word is a prefix.
    pub prefix: bool,
}

/// A piece of an FTS5 query written by [`crate::fts_query`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// A string literal, with `*` after it for a prefix.
    Literal(String, bool),
    /// `AND`, `OR`, `NOT`, `(`, `)`.
    Operator(String),
}

/// The pieces of an FTS5 query written by [`crate::fts_query`]: string literals (`"…"`, a
/// quote inside written twice, optionally followed by `*`), operators and parentheses.
fn pieces(fts: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut chars = fts.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let mut literal = String::new();
                while let Some(c) = chars.next() {
                    if c == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            literal.push('"');
                            continue;
                        }
                        break;
                    }
                    literal.push(c);
                }
                let prefix = chars.peek() == Some(&'*');
                if prefix {
                    chars.next();
                }
                out.push(Piece::Literal(literal, prefix));
            }
            '(' | ')' => out.push(Piece::Operator(c.to_string())),
            c if c.is_whitespace() => {}
            c => {
                let mut word = c.to_string();
                while let Some(&next) = chars.peek() {
                    if next.is_whitespace() || matches!(next, '(' | ')' | '"') {
                        break;
                    }
                    word.push(next);
                    chars.next();
                }
                out.push(Piece::Operator(word));
            }
        }
    }
    out
}

/// The pieces before the words to leave out: [`crate::fts_query`] writes
/// `(wanted) NOT (left out)` when there are some.
fn wanted(fts: &str) -> Vec<Piece> {
    let mut pieces = pieces(fts);
    if let Some(not) = pieces
        .iter()
        .position(|p| *p == Piece::Operator("NOT".into()))
    {
        pieces.truncate(not);
    }
    pieces
}

fn words_of(literal: &str) -> Vec<String> {
    literal
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The terms a matching document holds, or may hold for alternatives: every word or
/// phrase of the query but those left out.
pub(crate) fn terms(fts: &str) -> Vec<Term> {
    wanted(fts)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Literal(literal, prefix) => {
                let words = words_of(&literal);
                let folded = words.iter().map(|w| fold(w)).collect();
                (!words.is_empty()).then_some(Term {
                    words,
                    folded,
                    prefix,
                })
            }
            Piece::Operator(_) => None,
        })
        .collect()
}

/// An FTS5 query matching every document the query `fts` matches and a few more: the
/// words to leave out dropped, each phrase replaced by its words ANDed. Ranking with it
/// needs the document frequency of each word, read from the word's list alone, where a
/// phrase's needs the positions of its words in every document holding them all.
pub(crate) fn words_query(fts: &str) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in wanted(fts) {
        match piece {
            Piece::Operator(op) => out.push(op),
            Piece::Literal(literal, prefix) => {
                let words = words_of(&literal);
                if words.is_empty() {
                    return None;
                }
                let n = words.len();
                let words: Vec<String> = words
                    .into_iter()
                    .enumerate()
                    .map(|(i, word)| {
                        let literal = format!("\"{}\"", word.replace('"', "\"\""));
                        if prefix && i + 1 == n {
                            literal + "*"
                        } else {
                            literal
                        }
                    })
                    .collect();
                out.push(if n == 1 {
                    words.into_iter().next().unwrap_or_default()
                } else {
                    format!("({})", words.join(" AND "))
                });
            }
        }
    }
    (!out.is_empty()).then(|| out.join(" "))
}

/// The words of `text` with their byte spans: runs of alphanumeric characters.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push((s, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Which tokens of `folded` the terms match: `hit[i]` is the index of the term whose match
/// covers token `i`.
fn hits(folded: &[String], terms: &[Term]) -> Vec<Option<usize>> {
    let mut hit = vec![None; folded.len()];
    for (t, term) in terms.iter().enumerate() {
        let n = term.folded.len();
        if n == 0 || n > folded.len() {
            continue;
        }
        for i in 0..=folded.len() - n {
            let matched = term.folded.iter().enumerate().all(|(k, word)| {
                let token = &folded[i + k];
                if term.prefix && k + 1 == n {
                    token.starts_with(word.as_str())
                } else {
                    token == word
                }
            });
            if matched {
                for slot in &mut hit[i..i + n] {
                    *slot = Some(t);
                }
            }
        }
    }
    hit
}

/// How good a window is: distinct terms, matched words, balance of the margins.
type WindowKey = (usize, usize, std::cmp::Reverse<usize>);

/// A passage of about `window` words of `text` around the best group of matches, the
/// matched words between `start` and `end` marks, `…` where the text is cut. `None` when
/// no term matches the text.
pub(crate) fn snippet(
    text: &str,
    terms: &[Term],
    window: usize,
    start: &str,
    end: &str,
) -> Option<String> {
    let spans = tokens(text);
    let folded: Vec<String> = spans.iter().map(|&(s, e)| fold(&text[s..e])).collect();
    let hit = hits(&folded, terms);
    if hit.iter().all(Option::is_none) {
        return None;
    }
    let window = window.max(1).min(spans.len());
    // The window with the most distinct terms, then the most matched words, then the
    // matches best centred; the earliest of equals.
    let mut best: Option<(WindowKey, usize)> = None;
    for first in 0..=spans.len() - window {
        let slice = &hit[first..first + window];
        let mut distinct: Vec<usize> = slice.iter().flatten().copied().collect();
        let matched = distinct.len();
        distinct.sort_unstable();
        distinct.dedup();
        let left = slice.iter().position(Option::is_some).unwrap_or(0);
        let right = slice.iter().rev().position(Option::is_some).unwrap_or(0);
        let key = (
            distinct.len(),
            matched,
            std::cmp::Reverse(left.abs_diff(right)),
        );
        if best.as_ref().is_none_or(|(b, _)| key > *b) {
            best = Some((key, first));
        }
    }
    let first = best.map_or(0, |(_, first)| first);
    let last = first + window - 1;
    let mut out = String::new();
    // Start at the window's first word, or at the text's start when nothing is cut.
    let from = if first == 0 { 0 } else { spans[first].0 };
    if first > 0 {
        out.push('…');
    }
    let mut at = from;
    for i in first..=last {
        let (s, e) = spans[i];
        out.push_str(&text[at..s]);
        if hit[i].is_some() {
            out.push_str(start);
            out.push_str(&text[s..e]);
            out.push_str(end);
        } else {
            out.push_str(&text[s..e]);
        }
        at = e;
    }
    if last + 1 == spans.len() {
        out.push_str(&text[at..]);
    } else {
        out.push('…');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fts_query;

    fn marked(text: &str, query: &str, window: usize) -> Option<String> {
        snippet(text, &terms(&fts_query(query).unwrap()), window, "[", "]")
    }

    #[test]
    fn terms_of_an_fts_query() {
        let fts = fts_query(r#"Croix-Rouge "nouvelles tensions" évacu* l'armée"#).unwrap();
        let parsed = terms(&fts);
        let words: Vec<(Vec<&str>, bool)> = parsed
            .iter()
            .map(|t| (t.words.iter().map(String::as_str).collect(), t.prefix))
            .collect();
        assert_eq!(
            words,
            vec![
                (vec!["Croix", "Rouge"], false),
                (vec!["nouvelles", "tensions"], false),
                (vec!["évacu"], true),
                (vec!["l", "armée"], false),
            ]
        );
        assert_eq!(
            words_query(&fts).unwrap(),
            r#"("Croix" AND "Rouge") AND ("nouvelles" AND "tensions") AND "évacu"* AND ("l" AND "armée")"#
        );
        assert_eq!(terms(&fts_query(r#"a"""b"#).unwrap()).len(), 2);
    }

    #[test]
    fn alternatives_stay_and_left_out_words_go() {
        let fts = fts_query("frappes Daech OR \"État islamique\" -Raqqa NOT Alep").unwrap();
        let parsed: Vec<Vec<String>> = terms(&fts).into_iter().map(|t| t.words).collect();
        assert_eq!(
            parsed,
            vec![vec!["frappes"], vec!["Daech"], vec!["État", "islamique"]]
        );
        assert_eq!(
            words_query(&fts).unwrap(),
            r#"( "frappes" AND ( "Daech" OR ("État" AND "islamique") ) )"#
        );
    }

    #[test]
    fn words_phrases_and_prefixes_are_marked_folded() {
        assert_eq!(
            marked(
                "Les habitants ont été évacués par la Croix-Rouge.",
                "croix-rouge EVACU*",
                30
            )
            .unwrap(),
            "Les habitants ont été [évacués] par la [Croix]-[Rouge]."
        );
        // A phrase matches its words in sequence only.
        assert_eq!(
            marked("rouge et croix, puis croix rouge", "\"croix rouge\"", 30).unwrap(),
            "rouge et croix, puis [croix] [rouge]"
        );
        assert_eq!(marked("rien à voir", "Lyon", 10), None);
    }

    #[test]
    fn the_window_goes_to_the_matches_and_says_where_it_cuts() {
        let text = "un deux trois quatre cinq six sept huit neuf Lyon onze douze treize";
        assert_eq!(marked(text, "lyon", 3).unwrap(), "…neuf [Lyon] onze…");
        assert_eq!(marked(text, "un", 2).unwrap(), "[un] deux…");
        assert_eq!(marked(text, "douze", 3).unwrap(), "…onze [douze] treize");
        // Two terms close together beat one alone.
        let text = "Dakar ici. Puis rien du tout ici. Tensions à Dakar hier.";
        assert_eq!(
            marked(text, "tensions dakar", 3).unwrap(),
            "…[Tensions] à [Dakar]…"
        );
    }
}
