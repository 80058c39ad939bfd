//! A light word scanner over one sentence: words, elisions, clitics and punctuation with
//! byte offsets into the document text, each with its folded form for matching.

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    Word,
    /// "l'", "qu'", "d'": elided word with its apostrophe.
    Elision,
    /// "-t-il", "-elle" after a verb in an inverted incise.
    Clitic,
    Comma,
    /// ; : and dashes: clause boundaries.
    Colon,
    Stop,
    OpenQuote,
    CloseQuote,
    /// A straight double quote, whose direction is decided by pairing.
    StraightQuote,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub kind: WordKind,
    /// Lowercase, accents removed, typographic apostrophes as `'`.
    pub folded: String,
    /// Lowercase with accents kept ("affirmé" ≠ "affirme"), apostrophes unified.
    pub lower: String,
    /// First character is uppercase ("Muraselon", "Le").
    pub capitalised: bool,
}

/// Lowercases and unifies apostrophes, keeping accents.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Lowercases, strips diacritics and unifies apostrophes.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // The accented letters of French (and common transliterations) without the cost
        // of a full decomposition; anything else goes through NFD.
        let base = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => {
                'a'
            }
            'ç' | 'Ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => 'o',
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
            'ÿ' | 'ý' | 'Ÿ' | 'Ý' => 'y',
            'ñ' | 'Ñ' => 'n',
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            'œ' | 'Œ' => {
                out.push_str("oe");
                continue;
            }
            'æ' | 'Æ' => {
                out.push_str("ae");
                continue;
            }
            c if c.is_ascii() => c.to_ascii_lowercase(),
            c => {
                for d in std::iter::once(c).nfd() {
                    if !unicode_normalization::char::is_combining_mark(d) {
                        out.extend(d.to_lowercase());
                    }
                }
                continue;
            }
        };
        out.push(base);
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

const ELIDED: [&str; 13] = [
    "l", "d", "qu", "jusqu", "lorsqu", "puisqu", "s", "n", "m", "t", "c", "j", "quoiqu",
];
const TITLE_ABBREVIATIONS: [&str; 9] = ["M", "MM", "Mme", "Mmes", "Dr", "Pr", "Me", "Mgr", "St"];
const CLITICS: [&str; 6] = ["il", "elle", "ils", "elles", "on", "t"];

/// Scans `text[start..end]` into words.
pub fn scan(text: &str, start: usize, end: usize) -> Vec<Word> {
    let mut words = Vec::new();
    let slice = &text[start..end];
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let abs = start + i;
        if c.is_alphanumeric() {
            let mut j = i + c.len_utf8();
            let mut last = c;
            while let Some(&(k, d)) = iter.peek() {
                let next = slice[k + d.len_utf8()..].chars().next();
                // A dot between lowercase letters with no space is inside an address
                // ("vie-publique.fr"), never a sentence end.
                let in_address = d == '.'
                    && (last.is_ascii_lowercase() || last.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_lowercase());
                let joins = d.is_alphanumeric()
                    || in_address
                    || ((d == '-' || is_apostrophe(d) || d == '.' || d == ',')
                        && next.is_some_and(|n| n.is_alphanumeric())
                        && (d != '.' && d != ',' || c.is_ascii_digit()));
                if !joins {
                    break;
                }
                j = k + d.len_utf8();
                last = d;
                iter.next();
            }
            // Title abbreviations keep their period ("M. Legault", "Dr. Tedros"): it does not
            // end a sentence or a speaker phrase.
            let run = &slice[i..j];
            if slice[j..].starts_with('.') && TITLE_ABBREVIATIONS.contains(&run) {
                j += 1;
                iter.next();
            }
            push_run(&mut words, text, abs, start + j);
        } else if c.is_whitespace() {
            continue;
        } else {
            let kind = match c {
                ',' => WordKind::Comma,
                ';' | ':' | '–' | '—' => WordKind::Colon,
                '.' | '!' | '?' | '…' => WordKind::Stop,
                '«' | '“' | '„' => WordKind::OpenQuote,
                '»' | '”' => WordKind::CloseQuote,
                '"' => WordKind::StraightQuote,
                _ => WordKind::Other,
            };
            let folded = c.to_string();
            words.push(Word {
                start: abs,
                end: abs + c.len_utf8(),
                kind,
                lower: folded.clone(),
                folded,
                capitalised: false,
            });
        }
    }
    words
}

/// Splits an alphanumeric run into elision + word, verb + clitics.
fn push_run(words: &mut Vec<Word>, text: &str, start: usize, end: usize) {
    let run = &text[start..end];
    // Elision: "l'armée", "qu'elles", "jusqu'à".
    if let Some((idx, apos)) = run.char_indices().find(|(_, c)| is_apostrophe(*c)) {
        let head = fold(&run[..idx]);
        if ELIDED.contains(&head.as_str()) {
            let cut = start + idx + apos.len_utf8();
            words.push(Word {
                start,
                end: cut,
                kind: WordKind::Elision,
                folded: format!("{head}'"),
                lower: lower(&text[start..cut]),
                capitalised: false,
            });
            if cut < end {
                push_run(words, text, cut, end);
            }
            return;
        }
    }
    // Inverted incise: "a-t-il", "dit-elle", "estime-t-on" (most words have no hyphen:
    // they are not split at all).
    if run.contains('-') {
        let parts: Vec<&str> = run.split('-').collect();
        let tail: Vec<String> = parts[1..].iter().map(|p| fold(p)).collect();
        let is_clitic_tail = tail.iter().all(|t| CLITICS.contains(&t.as_str()))
            && tail.last().is_some_and(|t| t != "t");
        if is_clitic_tail && !parts[0].is_empty() {
            let verb_end = start + parts[0].len();
            words.push(Word {
                start,
                end: verb_end,
                kind: WordKind::Word,
                folded: fold(parts[0]),
                lower: lower(parts[0]),
                capitalised: parts[0].chars().next().is_some_and(char::is_uppercase),
            });
            words.push(Word {
                start: verb_end,
                end,
                kind: WordKind::Clitic,
                folded: fold(&run[parts[0].len()..]),
                lower: lower(&run[parts[0].len()..]),
                capitalised: false,
            });
            return;
        }
    }
    let folded = fold(run);
    // an ASCII word has no accent to keep nor apostrophe to unify: both forms are one
    let lower = if run.is_ascii() {
        folded.clone()
    } else {
        lower(run)
    };
    words.push(Word {
        start,
        end,
        kind: WordKind::Word,
        folded,
        lower,
        capitalised: run.chars().next().is_some_and(char::is_uppercase),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        scan(text, 0, text.len())
            .into_iter()
            .map(|w| w.folded)
            .collect()
    }

    #[test]
    fn splits_elisions_clitics_and_quotes() {
        assert_eq!(
            folded("« L’armée a frappé », a-t-il ajouté, qu'elles"),
            vec![
                "«", "l'", "armee", "a", "frappe", "»", ",", "a", "-t-il", "ajoute", ",", "qu'",
                "elles"
            ]
        );
        assert_eq!(
            folded("Deir ez-Zor, 10.000 et 1,5"),
            vec!["deir", "ez-zor", ",", "10.000", "et", "1,5"]
        );
        assert_eq!(folded("dit-elle."), vec!["dit", "-elle", "."]);
        assert_eq!(
            folded("le site vie-publique.fr. Il"),
            vec!["le", "site", "vie-publique.fr", ".", "il"]
        );
    }

    #[test]
    fn offsets_address_the_text() {
        let text = "Selon l’AFP, « c’est fini ».";
        for w in scan(text, 0, text.len()) {
            assert_eq!(fold(&text[w.start..w.end]), w.folded);
        }
    }
}
