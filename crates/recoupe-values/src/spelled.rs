//! Spelled-out cardinals ("trois", "vingt-deux", "quatre cents") via the `text2num` crate.

use std::cell::RefCell;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use text2num::{text2digits, Language};

use crate::lexicon::Lexicon;
use crate::tokens::{Kind, Token};

fn french() -> &'static Language {
    static FRENCH: OnceLock<Language> = OnceLock::new();
    FRENCH.get_or_init(Language::french)
}

/// Phrases memoised per thread; news text repeats the same few ("un", "deux", "trois").
const MEMO_CAPACITY: usize = 4096;

/// `text2digits` of a phrase as a number, memoised: the parse is a pure function of the
/// phrase and costs far more than a hash probe.
fn phrase_value(phrase: &str) -> Option<f64> {
    thread_local! {
        static MEMO: RefCell<FxHashMap<String, Option<f64>>> = RefCell::new(FxHashMap::default());
    }
    if let Some(known) = MEMO.with(|memo| memo.borrow().get(phrase).copied()) {
        return known;
    }
    let value = text2digits(phrase, french())
        .ok()
        .and_then(|digits| digits.parse::<f64>().ok());
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.len() < MEMO_CAPACITY {
            memo.insert(phrase.to_string(), value);
        }
    });
    value
}

/// Whether a folded word is made only of number words ("vingt-deux", "quatre-vingt-dix").
fn is_number_word(key: &str, lexicon: &Lexicon) -> bool {
    // it is asked of nearly every word: one probe when there is no hyphen to split at
    if !key.bytes().any(|b| b == b'-') {
        return !key.is_empty() && lexicon.number_words.contains(key);
    }
    key.split('-')
        .all(|part| lexicon.number_words.contains(part))
}

/// The spelled number starting at token `index`: its value and the index just past it.
/// The longest run of number words that text2num accepts wins ("quatre cents soldats" → 400).
pub fn spelled_number(tokens: &[Token], index: usize, lexicon: &Lexicon) -> Option<(f64, usize)> {
    let first = tokens.get(index)?;
    if first.kind != Kind::Word || first.key == "et" || !is_number_word(&first.key, lexicon) {
        return None;
    }
    // text2num wants the accent the folded key has lost.
    if first.key == "zero" {
        return Some((0.0, index + 1));
    }
    let mut end = index + 1;
    while end < tokens.len()
        && tokens[end].kind == Kind::Word
        && is_number_word(&tokens[end].key, lexicon)
        // Stop at "un"/"une" after a complete number ("deux un" is not a number), unless
        // "et" joins them ("vingt et un").
        && (!matches!(tokens[end].key.as_ref(), "un" | "une") || tokens[end - 1].key == "et")
    {
        end += 1;
    }
    // One word (most of them: "un", "trois"): no phrase to build.
    if end == index + 1 {
        let word = if first.key == "une" {
            "un"
        } else {
            first.key.as_ref()
        };
        return phrase_value(word).map(|value| (value, end));
    }
    while end > index {
        if tokens[end - 1].key != "et" {
            let words: Vec<&str> = tokens[index..end]
                .iter()
                .map(|t| if t.key == "une" { "un" } else { t.key.as_ref() })
                .collect();
            let phrase = words.join(" ");
            if let Some(value) = phrase_value(&phrase) {
                return Some((value, end));
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
        assert_eq!(value("zéro mort"), Some((0.0, 1)));
        assert_eq!(value("vingt et un blessés"), Some((21.0, 3)));
        assert_eq!(value("et deux"), None);
        assert_eq!(value("soldats"), None);
    }
}
