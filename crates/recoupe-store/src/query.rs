//! Turning a user's search words into an FTS5 query that can never be a syntax error.

/// Marks around the matched words in [`crate::SearchHit::snippet`].
pub const SNIPPET_START: &str = "[";
pub const SNIPPET_END: &str = "]";

/// Translates a user query into FTS5 syntax: bare words are ANDed, `"quoted text"` is a
/// phrase, a word ending in `*` is a prefix. Every term is emitted as an FTS5 string
/// literal, so operators (`AND`, `NEAR`, `-`, `:`, `^`, parentheses) typed by the user
/// are just words, and an unbalanced `"` closes at the end of the input. Terms without
/// any letter or digit are dropped because the tokenizer would make them empty.
/// Returns `None` when nothing searchable remains.
pub fn fts_query(user_query: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut rest = user_query;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let (raw, is_phrase, after) = if c == '"' {
            let body = &rest[1..];
            match body.find('"') {
                Some(close) => (&body[..close], true, &body[close + 1..]),
                None => (body, true, ""),
            }
        } else {
            let end = rest
                .find(|ch: char| ch.is_whitespace() || ch == '"')
                .unwrap_or(rest.len());
            (&rest[..end], false, &rest[end..])
        };
        rest = after;
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
        terms.push(if prefix { literal + "*" } else { literal });
    }
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;
    use proptest::prelude::*;

    #[test]
    fn words_phrases_and_prefixes() {
        assert_eq!(fts_query("Deir ez-Zor").unwrap(), r#""Deir" "ez-Zor""#);
        assert_eq!(
            fts_query(r#"armée "Press TV" attaq*"#).unwrap(),
            r#""armée" "Press TV" "attaq"*"#
        );
        assert_eq!(
            fts_query(r#"l'armée "unclosed"#).unwrap(),
            r#""l'armée" "unclosed""#
        );
        assert_eq!(
            fts_query("NEAR(a b) OR -c").unwrap(),
            r#""NEAR(a" "b)" "OR" "-c""#
        );
    }

    #[test]
    fn nothing_searchable_is_none() {
        assert_eq!(fts_query(""), None);
        assert_eq!(fts_query("\""), None);
        assert_eq!(fts_query(r#" "" * - ' ’ "#), None);
    }

    proptest! {
        #[test]
        fn every_term_is_a_closed_string_literal(input in "\\PC{0,40}") {
            if let Some(query) = fts_query(&input) {
                // An even number of quotes: every literal is closed.
                prop_assert_eq!(query.matches('"').count() % 2, 0);
                prop_assert!(query.starts_with('"'));
            }
        }
    }
}
