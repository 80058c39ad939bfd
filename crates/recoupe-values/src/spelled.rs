//! Spelled-out cardinals ("trois", "vingt-deux", "quatre cents") via the `text2num` crate.

use std::sync::OnceLock;

use text2num::{text2digits, Language};

use crate::lexicon::Lexicon;
use crate::tokens::{Kind, Token};

fn french() -> &'static Language {
    static FRENCH: OnceLock<Language> = OnceLock::new();
    FRENCH.get_or_init(Language::french)
}

/// Whether a folded word is made only of number words ("vingt-deux", "quatre-vingt-dix").
fn is_number_word(key: &str, lexicon: &Lexicon) -> bool {
    !key.is_empty()
        && key
            .split('-')
            .all(|part| lexicon.number_words.contains(part))
}

/// The spelled number starting at token `index`: its value and the index just past it.
/// The longest run of number words that text2num accepts wins ("quatre cents soldats" → 400).
pub fn spelled_number(tokens: &[Token], index: usize, lexicon: &Lexicon) -> Option<(f64, usize)> {
    let first = tokens.get(index)?;
    if first.kind != Kind::Word || first.key == "et" || !is_number_word(&first.key, lexicon) {
        return None;
    }
    let mut end = index + 1;
    while end < tokens.len()
        && tokens[end].kind == Kind::Word
        && is_number_word(&tokens[end].key, lexicon)
        // Stop at "un"/"une" after a complete number: "deux un" is not a number.
        && !matches!(tokens[end].key.as_str(), "un" | "une")
    {
        end += 1;
    }
    while end > index {
        if tokens[end - 1].key != "et" {
            let words: Vec<&str> = tokens[index..end]
                .iter()
                .map(|t| if t.key == "une" { "un" } else { t.key.as_str() })
                .collect();
            let phrase = words.join(" ");
            if let Ok(digits) = text2digits(&phrase, french()) {
                if let Ok(value) = digits.parse::<f64>() {
                    return Some((value, end));
                }
            }
        }
        end -= 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn value(text: &str) -> Option<(f64, usize)> {
        spelled_number(&tokenize(text), 0, Lexicon::builtin())
    }

    #[test]
    fn reads_compound_numbers() {
        assert_eq!(value("trois villes"), Some((3.0, 1)));
        assert_eq!(value("vingt-deux soldats"), Some((22.0, 1)));
        assert_eq!(value("quatre cents soldats"), Some((400.0, 2)));
        assert_eq!(value("une personne"), Some((1.0, 1)));
        assert_eq!(value("et deux"), None);
        assert_eq!(value("soldats"), None);
    }
}
