//! Closed word classes of French (auxiliaries, determiners, pronouns, conjunctions) and
//! the word-range helpers every part of the stage shares: quotation marks, clause
//! boundaries, trimming a range to its words.

use recoupe_model::Span;

use crate::words::{Word, WordKind};

pub(crate) const AUXILIARIES: [&str; 14] = [
    "a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "est", "sont", "etait",
    "etaient", "ete", "avoir",
];
pub(crate) const OBJECT_PRONOUNS: [&str; 14] = [
    "le", "la", "les", "l'", "lui", "leur", "y", "en", "se", "s'", "ne", "n'", "l", "nous",
];
pub(crate) const DETERMINERS: [&str; 16] = [
    "un", "une", "la", "le", "les", "l'", "des", "du", "ce", "cet", "cette", "sa", "son", "ses",
    "leur", "leurs",
];
pub(crate) const INDEFINITE: [&str; 10] = [
    "un",
    "une",
    "des",
    "certains",
    "certaines",
    "plusieurs",
    "quelques",
    "de",
    "d'",
    "deux",
];
/// Pronouns that stand for a speaker: subjects ("il a ajouté") and the stressed forms after
/// "selon" ("selon lui").
pub(crate) const PRONOUNS: [&str; 8] = [
    "il", "elle", "ils", "elles", "celui-ci", "celle-ci", "lui", "eux",
];
/// Determiners that make a description refer to something already known.
pub(crate) const DEFINITE: [&str; 8] = ["le", "la", "l'", "les", "ce", "cet", "cette", "ces"];

/// Adverbs skipped between a subject and its verb or after an incise verb.
pub(crate) const ADVERBS: [&str; 22] = [
    "aussi",
    "encore",
    "egalement",
    "notamment",
    "ensuite",
    "alors",
    "enfin",
    "aussitot",
    "auparavant",
    "deja",
    "d'ailleurs",
    "toutefois",
    "cependant",
    "pourtant",
    "meme",
    "lui-meme",
    "elle-meme",
    "recemment",
    "hier",
    "publiquement",
    "clairement",
    "ainsi",
];
/// Prepositions that open a channel phrase after an incise verb ("…, a indiqué *sur* …").
pub(crate) const PREPOSITIONS: [&str; 9] = [
    "dans", "sur", "a", "lors", "via", "au", "aux", "par", "devant",
];
/// Conjunctions that join two clauses: a subject starts after them.
pub(crate) const CONJUNCTIONS: [&str; 4] = ["et", "mais", "puis", "car"];
/// Words that open a subordinate clause before its subject ("où l'autorité a indiqué").
pub(crate) const RELATIVES: [&str; 9] = [
    "ou", "dont", "qui", "si", "quand", "lorsque", "lorsqu'", "comme", "puisque",
];
/// Words that turn a following "que" into a subordinator ("après que", "alors que").
pub(crate) const SUBORDINATORS: [&str; 14] = [
    "apres", "avant", "alors", "pendant", "tandis", "bien", "pour", "sans", "parce", "afin", "des",
    "ainsi", "tant", "lors",
];
/// Words that end a speaker phrase placed after its verb.
pub(crate) const PHRASE_ENDS: [&str; 20] = [
    "dans", "lors", "selon", "citant", "cite", "citee", "cites", "citees", "sur", "apres", "avant",
    "alors", "pendant", "tandis", "lorsque", "lorsqu'", "quand", "parce", "afin", "pour",
];

/// Word indices inside quotation marks.
pub(crate) fn quoted_mask(words: &[Word]) -> Vec<bool> {
    let mut mask = vec![false; words.len()];
    // Straight quotes give no direction; when a sentence holds an odd number of them the
    // pairing is unknown (a quote opened in another sentence) and they are ignored.
    let straight = words
        .iter()
        .filter(|w| w.kind == WordKind::StraightQuote)
        .count();
    let use_straight = straight % 2 == 0;
    let mut depth = 0i32;
    let mut straight_open = false;
    for (i, w) in words.iter().enumerate() {
        match w.kind {
            WordKind::OpenQuote => {
                depth += 1;
                mask[i] = true;
            }
            WordKind::CloseQuote => {
                mask[i] = true;
                depth = (depth - 1).max(0);
            }
            WordKind::StraightQuote => {
                if use_straight {
                    straight_open = !straight_open;
                }
                mask[i] = true;
            }
            _ => mask[i] = depth > 0 || straight_open,
        }
    }
    mask
}

/// A listed adverb, or a lowercase word in -ment that is not a common noun in -ment.
pub(crate) fn is_adverb(w: &Word) -> bool {
    ADVERBS.contains(&w.folded.as_str())
        || (w.kind == WordKind::Word
            && !w.capitalised
            && w.folded.len() > 6
            && w.folded.ends_with("ment")
            && !matches!(
                w.folded.as_str(),
                "gouvernement"
                    | "parlement"
                    | "commandement"
                    | "departement"
                    | "regiment"
                    | "mouvement"
                    | "moment"
                    | "document"
                    | "evenement"
                    | "traitement"
                    | "rassemblement"
                    | "batiment"
                    | "reglement"
                    | "armement"
                    | "financement"
                    | "etablissement"
                    | "engagement"
                    | "deploiement"
                    | "enlevement"
                    | "bombardement"
                    | "affrontement"
                    | "soulevement"
                    | "jugement"
                    | "logement"
                    | "changement"
                    | "developpement"
            ))
}

/// Punctuation that ends a clause or a speaker phrase.
pub(crate) fn is_boundary(w: &Word) -> bool {
    matches!(
        w.kind,
        WordKind::Comma
            | WordKind::Colon
            | WordKind::Stop
            | WordKind::CloseQuote
            | WordKind::OpenQuote
    )
}

/// The byte span of words `from..=to_inclusive`.
pub(crate) fn span_of(words: &[Word], from: usize, to_inclusive: usize) -> Span {
    Span::new(words[from].start, words[to_inclusive].end)
}

/// Trims quotation marks and punctuation from both ends of a word range.
pub(crate) fn trim_range(words: &[Word], mut from: usize, mut to: usize) -> Option<(usize, usize)> {
    while from <= to && !matches!(words[from].kind, WordKind::Word | WordKind::Elision) {
        from += 1;
    }
    while to > from
        && !matches!(
            words[to].kind,
            WordKind::Word | WordKind::Elision | WordKind::CloseQuote | WordKind::StraightQuote
        )
    {
        to -= 1;
    }
    // A closing quote at the end belongs to the quotation, not to the content we mark.
    while to > from
        && matches!(
            words[to].kind,
            WordKind::CloseQuote | WordKind::StraightQuote
        )
    {
        to -= 1;
    }
    (from <= to && matches!(words[from].kind, WordKind::Word | WordKind::Elision))
        .then_some((from, to))
}

/// Determiners that open a direct object right after a verb ("a démenti *le* bilan").
const OBJECT_DETERMINERS: [&str; 16] = [
    "le", "la", "les", "l'", "un", "une", "des", "tout", "toute", "tous", "toutes", "son", "sa",
    "ses", "leur", "leurs",
];
/// Weekday names and times of day that may stand between a verb and its object.
const WEEKDAYS: [&str; 10] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "soir", "matin",
    "hier",
];
/// Nouns of time that make a determiner open a date, not an object ("a affirmé *la
/// semaine dernière* que", "a déclaré *le 3 mars* que").
const TIME_NOUNS: [&str; 17] = [
    "an",
    "annee",
    "semaine",
    "mois",
    "jour",
    "journee",
    "lendemain",
    "veille",
    "matin",
    "soir",
    "soiree",
    "nuit",
    "week-end",
    "weekend",
    "meme",
    "premier",
    "dernier",
];

/// Whether a direct object opens right after the verb group ending at `group_end` (past
/// adverbs and weekday names): a determiner that does not open a date.
pub(crate) fn direct_object_after(words: &[Word], group_end: usize) -> bool {
    let mut k = group_end + 1;
    while words
        .get(k)
        .is_some_and(|w| is_adverb(w) || WEEKDAYS.contains(&w.folded.as_str()))
    {
        k += 1;
    }
    let Some(w) = words.get(k) else {
        return false;
    };
    OBJECT_DETERMINERS.contains(&w.folded.as_str())
        && words.get(k + 1).is_some_and(|n| {
            n.kind == WordKind::Word
                && !TIME_NOUNS.contains(&n.folded.as_str())
                && !WEEKDAYS.contains(&n.folded.as_str())
                && !n.folded.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// A conditional form of the auxiliaries and modals that mark an unconfirmed claim
/// ("aurait", "serait", "pourrait").
pub(crate) fn is_conditional(folded: &str) -> bool {
    matches!(
        folded,
        "aurait"
            | "auraient"
            | "serait"
            | "seraient"
            | "pourrait"
            | "pourraient"
            | "devrait"
            | "devraient"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::scan;

    fn words(text: &str) -> Vec<Word> {
        scan(text, 0, text.len())
    }

    #[test]
    fn quoted_mask_pairs_guillemets_and_ignores_an_odd_straight_quote() {
        let w = words("Il a dit « non » puis \" rien");
        let mask = quoted_mask(&w);
        let inside: Vec<&str> = w
            .iter()
            .zip(&mask)
            .filter(|(_, q)| **q)
            .map(|(w, _)| w.folded.as_str())
            .collect();
        assert_eq!(inside, vec!["«", "non", "»", "\""]);
    }

    #[test]
    fn adverbs_in_ment_are_not_nouns_in_ment() {
        let w = words("rapidement gouvernement Clement aussi");
        let adverbs: Vec<bool> = w.iter().map(is_adverb).collect();
        assert_eq!(adverbs, vec![true, false, false, true]);
    }

    #[test]
    fn trim_range_drops_punctuation_and_a_closing_quote() {
        let w = words(", « les routes sont coupées » .");
        let (from, to) = trim_range(&w, 0, w.len() - 1).unwrap();
        assert_eq!(w[from].folded, "les");
        assert_eq!(w[to].folded, "coupees");
        assert_eq!(trim_range(&w, 0, 1), None);
    }
}
