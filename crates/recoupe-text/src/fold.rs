//! Accent- and case-insensitive matching keys.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::normalize::{replacement, EditKind};

/// Folds `s` for accent-insensitive matching: lowercase, diacritics stripped, typographic
/// apostrophes and quotes made plain (as [`crate::normalize`] does), `œ`/`æ`/`ß` spelt
/// out, and every run of whitespace collapsed to one space with none at either end.
///
/// `fold("  L’Élysée\u{a0}a  DÉMENTI ")` is `"l'elysee a dementi"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] appending to `out`, to reuse one buffer over many keys.
pub fn fold_into(s: &str, out: &mut String) {
    let base = out.len();
    // A space is only written once a non-space follows, so runs collapse and the end is
    // trimmed; the start is trimmed because nothing is pending before the first char.
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_whitespace() {
            pending_space = out.len() > base;
            return;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c, out);
            continue;
        }
        if let Some((plain, kind)) = replacement(c) {
            if kind == EditKind::Space {
                push(' ', out);
            } else {
                plain.chars().for_each(|p| push(p, out));
            }
            continue;
        }
        match c {
            'œ' | 'Œ' => "oe".chars().for_each(|p| push(p, out)),
            'æ' | 'Æ' => "ae".chars().for_each(|p| push(p, out)),
            'ß' => "ss".chars().for_each(|p| push(p, out)),
            _ => decompose_canonical(c, |part| {
                if !is_combining_mark(part) {
                    push(part, out);
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_apostrophes_and_spaces() {
        assert_eq!(fold("  L’Élysée\u{a0}a  DÉMENTI "), "l'elysee a dementi");
        assert_eq!(fold("Œuvre cœur Straße"), "oeuvre coeur strasse");
        assert_eq!(fold("e\u{301}te\u{301}"), "ete");
        assert_eq!(fold("«\u{202f}Çà\u{202f}»"), "\" ca \"");
        assert_eq!(fold(""), "");
        assert_eq!(fold(" \n\t "), "");
    }

    #[test]
    fn fold_into_appends() {
        let mut buffer = String::from("x|");
        fold_into(" Ab ", &mut buffer);
        assert_eq!(buffer, "x|ab");
    }
}
