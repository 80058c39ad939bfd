//! Which quantities of an article count the people killed, and which of them the article
//! presents as an earlier, superseded toll.

use super::*;

/// Units that count the dead by themselves.
pub(super) const KILLED_UNITS: &[&str] = &[
    "mort",
    "morts",
    "mortes",
    "tue",
    "tues",
    "tuees",
    "deces",
    "cadavres",
    "victimes mortelles",
];
/// Words after a count of people that say they were killed.
pub(super) const KILLED_WORDS: &[&str] = &[
    "tue",
    "tuee",
    "tues",
    "tuees",
    "mort",
    "morte",
    "morts",
    "mortes",
    "peri",
    "decede",
    "decedee",
    "decedes",
    "decedees",
    "succombe",
    "succombes",
    "executes",
    "executees",
    "massacres",
    "massacrees",
    "abattus",
    "abattues",
    "neutralises",
    "perissent",
    "perirent",
    "noyes",
    "noyees",
    "ensevelis",
    "ensevelies",
    "carbonises",
    "tuant",
];
/// Multi-word expressions of death after a count ("ont perdu la vie", "ont trouvé la mort").
pub(super) const KILLED_PHRASES: &[&[&str]] = &[
    &["perdu", "la", "vie"],
    &["trouve", "la", "mort"],
    &["sans", "vie"],
    &["coute", "la", "vie"],
];
/// Words before a count that say the count is of the dead ("tuant 12 personnes").
pub(super) const KILLED_BEFORE: &[&str] = &[
    "tuant", "tue", "tues", "tuee", "tuees", "tuer", "massacre", "fauche",
];
/// Words that make a figure an earlier, superseded toll.
pub(super) const EARLIER_MARKERS: &[&[&str]] = &[
    &["premier", "bilan"],
    &["precedent", "bilan"],
    &["bilan", "precedent"],
    &["bilan", "initial"],
    &["plus", "tot"],
    &["initialement"],
    &["auparavant"],
    &["faisait", "etat"],
];

/// Quantities of the document that count people killed, with whether the article presents
/// them as an earlier toll.
pub fn killed_quantities(doc: &Document) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    let mut words = Vec::new();
    let mut current: Option<Span> = None;
    for (k, q) in doc.layers.quantities.iter().enumerate() {
        let sentence = sentence_of(doc, q.span);
        // Quantities come in text order: each sentence is folded once.
        if current != Some(sentence) {
            words_in(&doc.text, &doc.layers.tokens, sentence, &mut words);
            current = Some(sentence);
        }
        if let Some(earlier) = killed_in(&words, q) {
            out.push((k, earlier));
        }
    }
    out
}

/// Whether quantity `q` (inside the sentence of `words`) counts the dead; `Some(earlier)`.
pub(super) fn killed_in(words: &[Word], q: &recoupe_model::Quantity) -> Option<bool> {
    let first = words.iter().position(|w| w.span.start >= q.span.start)?;
    let end = words
        .iter()
        .position(|w| w.span.start >= q.span.end)
        .unwrap_or(words.len());
    // A subset of a toll given before ("dont quatre enfants", "parmi lesquels 3 soldats").
    let before: Vec<&str> = words[first.saturating_sub(3)..first]
        .iter()
        .map(|w| w.folded.as_str())
        .collect();
    if before
        .iter()
        .any(|w| matches!(*w, "dont" | "parmi" | "lesquels" | "lesquelles"))
    {
        return None;
    }
    let unit = q
        .unit
        .as_deref()
        .map(crate::words::fold)
        .unwrap_or_default();
    let mut killed = KILLED_UNITS.contains(&unit.as_str());
    if !killed && !unit.starts_with("bless") {
        // "12 personnes ont été tuées", "30 civils ont péri": a death word after the count
        // before any word of injury or a new clause.
        let mut k = end;
        while k < words.len() && k < end + 8 {
            let w = &words[k];
            if w.is_clause_break() || w.folded.starts_with("bless") {
                break;
            }
            if KILLED_WORDS.contains(&w.folded.as_str())
                || KILLED_PHRASES
                    .iter()
                    .any(|p| starts_with_words(words, k, p))
            {
                killed = true;
                break;
            }
            k += 1;
        }
        if !killed {
            killed = before.last().is_some_and(|w| KILLED_BEFORE.contains(w))
                || (first >= 2 && KILLED_BEFORE.contains(&words[first - 2].folded.as_str()));
        }
    }
    if !killed {
        return None;
    }
    let earlier = (0..words.len()).any(|k| {
        EARLIER_MARKERS
            .iter()
            .any(|m| starts_with_words(words, k, m))
    });
    Some(earlier)
}

pub(super) fn starts_with_words(words: &[Word], at: usize, phrase: &[&str]) -> bool {
    phrase.len() <= words.len().saturating_sub(at)
        && phrase.iter().zip(&words[at..]).all(|(p, w)| w.folded == *p)
}
