//! Names that only ever pass a statement on: an outlet that reached, cited or was told by
//! the speaker ("joint par Radio X", "consulté par l'agence Y", "a indiqué à l'agence Z un
//! secouriste"). Such a name is a link of the attribution chain, never the claimant of a
//! figure, even when the attributions stage took it for the speaker.

use std::collections::HashSet;
use std::sync::OnceLock;

use recoupe_model::{Document, Span};

use crate::words::{fold, words};

/// The relay phrases of the attributions stage ("cité par", "joint par", …): one list for both
/// layers.
const CUES: &str = include_str!("../../../resources/fr/attribution_cues.txt");

/// Most bytes before a name read for the phrase that introduces it.
const BEFORE_BYTES: usize = 48;

/// Relay phrases, folded word by word; and the prepositions naming who a statement was made
/// to ("à l'agence X", "au journal Y").
fn relay_phrases() -> &'static Vec<Vec<String>> {
    static PHRASES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut phrases: Vec<Vec<String>> = CUES
            .lines()
            .filter_map(|line| line.strip_prefix("relay\t"))
            .map(|phrase| phrase.split('\t').next().unwrap_or(phrase))
            .map(|phrase| words(phrase).into_iter().map(|w| w.folded).collect())
            .filter(|p: &Vec<String>| p.last().is_some_and(|w| w == "par"))
            .collect();
        for to in ["a", "au", "aux"] {
            phrases.push(vec![to.to_string()]);
        }
        phrases
    })
}

/// Articles and generic outlet nouns between a relay phrase and the name ("joint par
/// l'agence X", "à la radio Y").
fn filler() -> &'static HashSet<String> {
    static FILLER: OnceLock<HashSet<String>> = OnceLock::new();
    FILLER.get_or_init(|| {
        [
            "l",
            "la",
            "le",
            "les",
            "agence",
            "journal",
            "quotidien",
            "radio",
            "chaine",
            "television",
            "site",
            "hebdomadaire",
            "media",
        ]
        .iter()
        .map(|w| fold(w))
        .collect()
    })
}

/// Whether the name at `span` is introduced by a relay phrase, or signs the dispatch in its
/// dateline ("MANDALAY, 21 novembre (AASP) -": the agency passes the report on).
fn after_relay(doc: &Document, span: Span) -> bool {
    let dateline = doc.text[..span.start].trim_end().ends_with('(')
        && doc.text[span.end..]
            .trim_start()
            .strip_prefix(')')
            .is_some_and(|rest| rest.trim_start().starts_with(['-', '–', '—']));
    if dateline {
        return true;
    }
    let mut from = span.start.saturating_sub(BEFORE_BYTES);
    while !doc.text.is_char_boundary(from) {
        from += 1;
    }
    let mut before: Vec<String> = words(&doc.text[from..span.start])
        .into_iter()
        .map(|w| w.folded)
        .collect();
    while before.last().is_some_and(|w| filler().contains(w)) {
        before.pop();
    }
    relay_phrases().iter().any(|phrase| {
        before.len() >= phrase.len() && before[before.len() - phrase.len()..] == phrase[..]
    })
}

/// Whether every mention of the entity `key` in the document is introduced by a relay
/// phrase: the name only ever passes statements on.
pub(crate) fn only_relayed(doc: &Document, key: &str) -> bool {
    let mut mentions = doc
        .layers
        .entities
        .iter()
        .filter(|m| m.entity == key)
        .peekable();
    mentions.peek().is_some() && mentions.all(|m| after_relay(doc, m.span))
}
