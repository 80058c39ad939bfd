//! The search syntax: a user's search words turned into an FTS5 query that can never be a
//! syntax error.
//!
//! - words are ANDed: `frappes Raqqa`;
//! - `OR` (upper case) between two terms matches either: `Daech OR EI`; it binds tighter
//!   than the implicit AND, as in web search engines (`frappes Daech OR EI` is
//!   `frappes AND (Daech OR EI)`);
//! - `NOT word` or `-word` leaves out the documents containing it (a `-` inside a word, as in
//!   `ez-Zor`, is part of the word);
//! - `"quoted words"` match as a phrase; an unclosed quote closes at the end;
//! - `word*` matches every word starting with `word`;
//! - `AND` (upper case) is accepted and changes nothing; lower-case `or`, `not`, `and` are
//!   ordinary words;
//! - everything else is a word: FTS5 operators and punctuation typed by the user (`:`,
//!   `^`, `NEAR(`, parentheses) are never interpreted, so `OSDH:` searches for `OSDH`.
//!
//! Every term is emitted as an FTS5 string literal. Terms without any letter or digit are
//! dropped because the tokenizer would make them empty.

/// Marks around the matched words in [`crate::SearchHit::snippet`].
pub const SNIPPET_START: &str = "[";
pub const SNIPPET_END: &str = "]";

/// One term of a parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    /// The FTS5 string literal, with `*` for a prefix.
    literal: String,
    negated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Term(Term),
    Or,
    Not,
}

fn tokens(user_query: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = user_query;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        // A leading `-` excludes the term that follows it (word or phrase).
        let negated = c == '-';
        let body = if negated { &rest[1..] } else { rest };
        let (raw, is_phrase, after) = if let Some(inner) = body.strip_prefix('"') {
            match inner.find('"') {
                Some(close) => (&inner[..close], true, &inner[close + 1..]),
                None => (inner, true, ""),
            }
        } else {
            let end = body
                .find(|ch: char| ch.is_whitespace() || ch == '"')
                .unwrap_or(body.len());
            (&body[..end], false, &body[end..])
        };
        rest = after;
        if !is_phrase && !negated {
            match raw {
                "OR" => {
                    tokens.push(Token::Or);
                    continue;
                }
                "NOT" => {
                    tokens.push(Token::Not);
                    continue;
                }
                "AND" => continue,
                _ => {}
            }
        }
        let (word, prefix) = match raw.trim_end_matches('*') {
            stripped if !is_phrase && stripped.len() < raw.len() => (stripped, true),
            _ => (raw, false),
        };
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        // Inside an FTS5 string a double quote is written twice; phrases never contain
        // one (they end at it) but bare words can't either, so this is belt and braces.
        let literal = format!("\"{}\"", word.replace('"', "\"\""));
        tokens.push(Token::Term(Term {
            literal: if prefix { literal + "*" } else { literal },
            negated,
        }));
    }
    tokens
}

/// A user query, parsed: groups of alternatives that must all match, and terms that must
/// not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Each group matches when one of its terms does; every group must match.
    groups: Vec<Vec<String>>,
    /// Documents with any of these are left out.
    excluded: Vec<String>,
}

impl SearchQuery {
    pub fn parse(user_query: &str) -> SearchQuery {
        let mut query = SearchQuery::default();
        let mut after_or = false;
        let mut after_not = false;
        for token in tokens(user_query) {
            match token {
                Token::Or => after_or = !query.groups.is_empty(),
                Token::Not => after_not = true,
                Token::Term(term) => {
                    if term.negated || after_not {
                        query.excluded.push(term.literal);
                    } else if after_or {
                        query
                            .groups
                            .last_mut()
                            .expect("after_or implies a group")
                            .push(term.literal);
                    } else {
                        query.groups.push(vec![term.literal]);
                    }
                    after_or = false;
                    after_not = false;
                }
            }
        }
        query
    }

    /// Why the query cannot be run, when it cannot: nothing searchable, or only words to
    /// leave out (FTS5 cannot list "every document without X").
    pub fn problem(&self) -> Option<&'static str> {
        match (self.groups.is_empty(), self.excluded.is_empty()) {
            (false, _) => None,
            (true, true) => Some("the query has no word to search for"),
            (true, false) => Some(
                "the query only has words to leave out (NOT word, -word); add a word to search for",
            ),
        }
    }

    /// The FTS5 query, `None` when [`SearchQuery::problem`] says why not.
    pub fn fts(&self) -> Option<String> {
        if self.groups.is_empty() {
            return None;
        }
        let positive: Vec<String> = self
            .groups
            .iter()
            .map(|group| {
                if group.len() == 1 {
                    group[0].clone()
                } else {
                    format!("({})", group.join(" OR "))
                }
            })
            .collect();
        let positive = positive.join(" AND ");
        Some(if self.excluded.is_empty() {
            positive
        } else {
            format!("({positive}) NOT ({})", self.excluded.join(" OR "))
        })
    }
}

/// Translates a user query into FTS5 syntax (see the module documentation). Returns
/// `None` when nothing searchable remains (no word, or only words to leave out).
pub fn fts_query(user_query: &str) -> Option<String> {
    SearchQuery::parse(user_query).fts()
}

/// Why a user query cannot be searched, or `None` when it can.
pub fn search_query_problem(user_query: &str) -> Option<&'static str> {
    SearchQuery::parse(user_query).problem()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_phrases_and_prefixes() {
        assert_eq!(fts_query("Deir ez-Zor").unwrap(), r#""Deir" AND "ez-Zor""#);
        assert_eq!(
            fts_query(r#"armée "Press TV" attaq*"#).unwrap(),
            r#""armée" AND "Press TV" AND "attaq"*"#
        );
        assert_eq!(
            fts_query(r#"l'armée "unclosed"#).unwrap(),
            r#""l'armée" AND "unclosed""#
        );
    }

    #[test]
    fn issue10_or_not_and_minus() {
        assert_eq!(
            fts_query("frappes Daech OR EI").unwrap(),
            r#""frappes" AND ("Daech" OR "EI")"#
        );
        assert_eq!(
            fts_query("frappes -Daech NOT Raqqa").unwrap(),
            r#"("frappes") NOT ("Daech" OR "Raqqa")"#
        );
        assert_eq!(
            fts_query(r#"frappes -"Etat islamique""#).unwrap(),
            r#"("frappes") NOT ("Etat islamique")"#
        );
        // lower-case operators are French words; AND changes nothing
        assert_eq!(fts_query("or noir").unwrap(), r#""or" AND "noir""#);
        assert_eq!(fts_query("a AND b").unwrap(), r#""a" AND "b""#);
        // dangling operators are ignored
        assert_eq!(fts_query("OR a OR").unwrap(), r#""a""#);
    }

    #[test]
    fn issue10_fts_syntax_typed_by_the_user_is_words() {
        assert_eq!(fts_query("OSDH:").unwrap(), r#""OSDH:""#);
        assert_eq!(
            fts_query("NEAR(a b) ^c").unwrap(),
            r#""NEAR(a" AND "b)" AND "^c""#
        );
    }

    #[test]
    fn nothing_searchable_is_none_with_a_reason() {
        assert_eq!(fts_query(""), None);
        assert_eq!(fts_query("\""), None);
        assert_eq!(fts_query(r#" "" * - ' ’ "#), None);
        assert!(search_query_problem("  ").is_some());
        assert_eq!(fts_query("-Daech"), None);
        assert!(search_query_problem("-Daech")
            .unwrap()
            .contains("leave out"));
        assert_eq!(search_query_problem("Daech"), None);
    }

    proptest! {
        #[test]
        fn every_term_is_a_closed_string_literal(input in "\\PC{0,40}") {
            if let Some(query) = fts_query(&input) {
                // An even number of quotes: every literal is closed.
                prop_assert_eq!(query.matches('"').count() % 2, 0);
                prop_assert!(query.starts_with('"') || query.starts_with("(\""));
            }
        }
    }
}
