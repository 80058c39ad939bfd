//! Invariants of the text layer for arbitrary input: no panic, spans on char boundaries,
//! tokens ordered and disjoint and losing nothing, sentences covering every token, and a
//! monotonic, round-tripping offset map.

use proptest::prelude::*;
use recoupe_model::{Sentence, Token};
use recoupe_text::{analyze, is_blank, normalize};

/// Fragments that exercise every rule, glued in random order.
const FRAGMENTS: &[&str] = &[
    "l'",
    "L’",
    "qu’",
    "jusqu'",
    "aujourd'hui",
    "Qa'im",
    "N'Djamena",
    "a-t-il",
    "dit-elle",
    "Faut-il",
    "peut-être",
    "al-Anbar",
    "ez-Zor",
    "Jean-Pierre",
    "37e",
    "1er",
    "XXe",
    "2ème",
    "10.000",
    "1 500",
    "1\u{a0}500",
    "1\u{202f}500",
    "2019",
    "15",
    "1,5",
    "2.5",
    "1'500",
    "M.",
    "Mme",
    "J.-C.",
    "etc.",
    "av.",
    "p.",
    "J.",
    "«",
    "»",
    "“",
    "”",
    "„",
    "\"",
    "'",
    ".",
    "?!",
    "…",
    "...",
    "?",
    "!",
    ",",
    ";",
    ":",
    "(",
    ")",
    "-",
    "—",
    "–",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\u{a0}",
    "\u{202f}",
    "\u{2009}",
    "\u{200b}",
    "\u{feff}",
    "\u{301}",
    "e\u{301}",
    "\u{327}",
    "ﬁ",
    "ﬂ",
    "œ",
    "É",
    "ä",
    "Ω",
    "\u{2126}",
    "\u{37e}",
    "\u{2000}",
    "\u{ad}",
    "\u{200d}",
    "\u{fe0f}",
    "😀",
    "http://x.fr/a.",
    "www.a.b",
    "a@b.fr",
    "@AFP",
    "#Gaza",
    "Nous",
    "avons",
    "frappé",
    "Il",
    "a",
    "dit",
    "ONU",
    "13h30",
    "3km",
    "%",
    "€",
    "\t",
    "\u{2028}",
    "\u{85}",
    "ᵉ",
    "ʳ",
    "\u{0}",
    "\u{fffd}",
];

fn french_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|parts| parts.concat())
}

fn check_tokens(text: &str, tokens: &[Token]) -> Result<(), TestCaseError> {
    let mut previous_end = 0;
    let mut joined = String::with_capacity(text.len());
    for token in tokens {
        let span = token.span;
        prop_assert!(
            span.start < span.end,
            "empty token {:?} in {:?}",
            token,
            text
        );
        prop_assert!(
            span.end <= text.len(),
            "token {:?} past the end of {:?}",
            token,
            text
        );
        prop_assert!(
            span.start >= previous_end,
            "token {:?} overlaps or precedes the previous one in {:?}",
            token,
            text
        );
        let slice = text.get(span.start..span.end);
        prop_assert!(
            slice.is_some(),
            "token {:?} not on char boundaries in {:?}",
            token,
            text
        );
        joined.push_str(slice.unwrap_or(""));
        previous_end = span.end;
    }
    // Every non-blank character is in exactly one token, and tokens hold nothing else
    // (blank characters inside a token, like the space of "1 500", are dropped on both sides).
    let expected: String = text.chars().filter(|&c| !is_blank(c)).collect();
    let got: String = joined.chars().filter(|&c| !is_blank(c)).collect();
    prop_assert_eq!(got, expected, "tokens lose or duplicate text of {:?}", text);
    // Tokens never start or end with a blank character.
    for token in tokens {
        let slice = &text[token.span.start..token.span.end];
        let first = slice.chars().next().unwrap_or('x');
        let last = slice.chars().next_back().unwrap_or('x');
        prop_assert!(
            !is_blank(first) && !is_blank(last),
            "token {:?} has blank edges",
            slice
        );
    }
    Ok(())
}

fn check_sentences(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> Result<(), TestCaseError> {
    prop_assert_eq!(tokens.is_empty(), sentences.is_empty());
    let mut previous_end = 0;
    for sentence in sentences {
        let span = sentence.span;
        prop_assert!(span.start < span.end && span.end <= text.len());
        prop_assert!(
            span.start >= previous_end,
            "sentences overlap in {:?}",
            text
        );
        prop_assert!(text.get(span.start..span.end).is_some());
        previous_end = span.end;
    }
    // Each token lies in exactly one sentence (sentences are disjoint, so "at least one").
    let mut s = 0;
    for token in tokens {
        while s < sentences.len() && sentences[s].span.end <= token.span.start {
            s += 1;
        }
        prop_assert!(
            s < sentences.len() && sentences[s].span.contains(&token.span),
            "token {:?} outside every sentence of {:?}",
            token,
            text
        );
    }
    Ok(())
}

fn check_offset_map(original: &str) -> Result<(), TestCaseError> {
    let normalized = normalize(original);
    let text = &normalized.text;
    let edits = normalized.edits();
    // Outside edits the texts are identical; edits are ordered, disjoint, non-empty.
    let (mut orig_at, mut norm_at) = (0, 0);
    for edit in edits {
        prop_assert!(edit.orig_start >= orig_at && edit.norm_start >= norm_at);
        prop_assert!(edit.orig_start < edit.orig_end && edit.norm_start < edit.norm_end);
        prop_assert_eq!(edit.orig_start - orig_at, edit.norm_start - norm_at);
        prop_assert_eq!(
            &original[orig_at..edit.orig_start],
            &text[norm_at..edit.norm_start]
        );
        orig_at = edit.orig_end;
        norm_at = edit.norm_end;
    }
    prop_assert_eq!(&original[orig_at..], &text[norm_at..]);
    let inside_norm = |n: usize| edits.iter().any(|e| e.norm_start < n && n < e.norm_end);
    let inside_orig = |o: usize| edits.iter().any(|e| e.orig_start < o && o < e.orig_end);
    // Monotonic, onto char boundaries, and round-tripping outside edits.
    let mut previous = 0;
    for n in (0..=text.len()).filter(|&n| text.is_char_boundary(n)) {
        let o = normalized.to_original(n);
        prop_assert!(
            o >= previous,
            "map not monotonic at {} in {:?}",
            n,
            original
        );
        prop_assert!(original.is_char_boundary(o));
        previous = o;
        if !inside_norm(n) {
            prop_assert_eq!(normalized.to_normalized(o), n, "round trip from norm {}", n);
        }
        let span = normalized.span_to_original(n, text.len());
        prop_assert!(original.get(span.start..span.end).is_some());
    }
    prop_assert_eq!(normalized.to_original(text.len()), original.len());
    for o in (0..=original.len()).filter(|&o| original.is_char_boundary(o)) {
        if !inside_orig(o) {
            prop_assert_eq!(normalized.to_original(normalized.to_normalized(o)), o);
        }
    }
    Ok(())
}

fn check_all(text: &str) -> Result<(), TestCaseError> {
    let analysis = analyze(text);
    check_tokens(text, &analysis.tokens)?;
    check_sentences(text, &analysis.tokens, &analysis.sentences)?;
    check_offset_map(text)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string(text in any::<String>()) {
        check_all(&text)?;
    }

    #[test]
    fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        check_all(&text)?;
    }

    #[test]
    fn french_like_text(text in french_like()) {
        check_all(&text)?;
    }
}
