//! The match key shared by every table (see `Reference::key`).

use unicode_normalization::char::{decompose_compatible, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// Characters that separate words like a space does in a name.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '_' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
        )
}

/// Pushes the key form of one already decomposed, non-combining character.
fn push_folded(out: &mut String, c: char, pending_space: &mut bool) {
    if is_separator(c) {
        *pending_space = !out.is_empty();
        return;
    }
    if *pending_space {
        out.push(' ');
        *pending_space = false;
    }
    match c {
        // Apostrophes and the modifier letters used in transliterations (ʿ ʾ) all read as '.
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '`' | '\u{00B4}' | '\u{2032}' => {
            out.push('\'')
        }
        '\u{02BF}' | '\u{02BE}' => out.push('\''),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        'ı' => out.push('i'),
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        // Lower-casing may yield decomposable characters ('İ' → 'i' + dot above), and what
        // comes out may itself need mapping ('ẞ' → 'ß' → "ss", '﹣' → '-' → separator), so
        // each resulting character goes through the mapping again; this keeps the key
        // idempotent.
        _ => {
            for d in c
                .to_lowercase()
                .flat_map(|l| l.nfkd())
                .filter(|&l| !is_combining_mark(l))
            {
                if d == c {
                    out.push(d);
                } else {
                    push_folded(out, d, pending_space);
                }
            }
        }
    }
}

pub(crate) fn key(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    key_into(surface, &mut out);
    out
}

/// [`key`] written into `out` (cleared first), to reuse one buffer over many names.
pub(crate) fn key_into(surface: &str, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    if surface.is_ascii() {
        // Fast path: most gazetteer names are plain ASCII and need no decomposition; this
        // loop is the same mapping as `push_folded` restricted to ASCII.
        for &b in surface.as_bytes() {
            if b == b' ' || b == b'-' || b == b'_' || (b'\t'..=b'\r').contains(&b) {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(if b == b'`' {
                '\''
            } else {
                char::from(b.to_ascii_lowercase())
            });
        }
    } else {
        // Each character decomposed on its own: the decomposition of a text is that of its
        // characters with runs of combining characters put in canonical order, and every
        // combining character is a combining mark (`combining_characters_are_marks`), all of
        // them dropped here, so their order never shows. Cheaper than `nfkd()`'s buffered
        // reordering, and the same key (`per_character_decomposition_is_nfkd`).
        for c in surface.chars() {
            if c.is_ascii() {
                push_folded(out, c, &mut pending_space);
            } else {
                decompose_compatible(c, |d| {
                    if !is_combining_mark(d) {
                        push_folded(out, d, &mut pending_space);
                    }
                });
            }
        }
    }
}

/// Upper bound of the number of tokens a tokenizer makes of `name`: every run of
/// alphanumeric characters is a word and every other non-space character ('-', '\'', '.')
/// may be a token of its own.
pub(crate) fn token_bound(name: &str) -> usize {
    let mut tokens = 0;
    let mut in_word = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                tokens += 1;
                in_word = true;
            }
        } else {
            in_word = false;
            if !c.is_whitespace() && !is_combining_mark(c) {
                tokens += 1;
            }
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::key;

    /// What makes decomposing character by character exact: canonical reordering moves only
    /// characters of a non-zero combining class, and the key drops every one of them.
    #[test]
    fn combining_characters_are_marks() {
        use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if canonical_combining_class(c) != 0 {
                assert!(is_combining_mark(c), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn token_bound_counts_words_and_punctuation() {
        use super::token_bound;
        assert_eq!(token_bound("Bagdad"), 1);
        assert_eq!(
            token_bound("Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"),
            13
        );
        assert_eq!(token_bound("É.-U."), 5);
        assert_eq!(token_bound("  "), 0);
    }

    #[test]
    fn folds_accents_case_hyphens_and_apostrophes() {
        assert_eq!(key("États-Unis"), "etats unis");
        assert_eq!(key("  etats   unis "), "etats unis");
        assert_eq!(key("Côte d’Ivoire"), "cote d'ivoire");
        assert_eq!(key("Cœur"), "coeur");
        assert_eq!(key("Deir ez-Zor"), "deir ez zor");
        assert_ne!(key("Deir ez-Zor"), key("Deir Ezzor"));
        assert_eq!(key("Mūṣil"), "musil");
        assert_eq!(key(""), "");
        assert_eq!(key("--"), "");
    }

    proptest::proptest! {
        #[test]
        fn ascii_fast_path_matches_general_mapping(s in "[ -~\t\n]{0,40}") {
            let mut general = String::new();
            let mut pending = false;
            for c in s.chars() {
                super::push_folded(&mut general, c, &mut pending);
            }
            proptest::prop_assert_eq!(key(&s), general);
        }

        #[test]
        fn per_character_decomposition_is_nfkd(
            s in "([a-zA-Z '-]|\\PC|\\p{M}|[\u{00C0}-\u{024F}]|[\u{1E00}-\u{1EFF}]){0,40}"
        ) {
            use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
            let mut reference = String::new();
            let mut pending = false;
            for c in s.nfkd() {
                if !is_combining_mark(c) {
                    super::push_folded(&mut reference, c, &mut pending);
                }
            }
            proptest::prop_assert_eq!(key(&s), reference);
        }

        #[test]
        fn key_is_idempotent_and_trimmed(s in "\\PC{0,40}") {
            let k = key(&s);
            proptest::prop_assert_eq!(key(&k), k.clone());
            proptest::prop_assert!(!k.starts_with(' ') && !k.ends_with(' ') && !k.contains("  "));
        }
    }
}
