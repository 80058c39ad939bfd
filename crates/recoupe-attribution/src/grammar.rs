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
pub(crate) const DETERMINERS: [&str; 18] = [
    "un", "une", "la", "le", "les", "l'", "des", "du", "ce", "cet", "cette", "sa", "son", "ses",
    "leur", "leurs",
    // the outlet's own people: "notre envoyé spécial a vu …", "nos reporters ont constaté"
    "notre", "nos",
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
pub(crate) const ADVERBS: [&str; 27] = [
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
    // Issue 13: adverbs of time and stance that also sit inside multi-word verbs ("fait
    // désormais état de", "a toujours fait valoir", "a néanmoins fait savoir").
    "desormais",
    "toujours",
    "neanmoins",
    "plutot",
    "surtout",
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
    // In a sentence that starts inside a quotation (its first straight quote closes one), a
    // straight quote after the final stop opens the next sentence ('… Omeyyades. "'): the
    // sentence splitter left it here.
    let opens_on_quote = words
        .first()
        .is_some_and(|w| w.kind == WordKind::StraightQuote);
    let first_closes = words
        .iter()
        .position(|w| w.kind == WordKind::StraightQuote)
        .is_some_and(|q| {
            words.get(q + 1).is_some_and(|w| {
                matches!(w.kind, WordKind::Comma | WordKind::Stop | WordKind::Colon)
            })
        });
    let n = match words {
        [.., stop, last]
            if !opens_on_quote
                && first_closes
                && last.kind == WordKind::StraightQuote
                && stop.kind == WordKind::Stop =>
        {
            mask[words.len() - 1] = true;
            words.len() - 1
        }
        _ => words.len(),
    };
    let words = &words[..n];
    // Straight quotes give no direction. With an odd number of them, a sentence whose first
    // one is followed by punctuation closes a quotation opened in the sentence before ('On
    // attendait ce jour", a déclaré X'): its words up to that mark are quoted; otherwise
    // they are ignored.
    let straight: Vec<usize> = (0..n)
        .filter(|&k| words[k].kind == WordKind::StraightQuote)
        .collect();
    let mut use_straight = straight.len().is_multiple_of(2);
    let mut straight_open = false;
    let closing = |q: usize| {
        words
            .get(q + 1)
            .is_none_or(|w| matches!(w.kind, WordKind::Comma | WordKind::Stop | WordKind::Colon))
    };
    if !use_straight
        && straight[0] > 0
        && closing(straight[0])
        && words[0].kind != WordKind::OpenQuote
    {
        use_straight = true;
        straight_open = true;
    }
    let mut depth = 0i32;
    for (i, w) in words.iter().enumerate() {
        // An opening mark right before a comma or the end closes ("validé« , indique …").
        let closes = w.kind == WordKind::OpenQuote
            && depth > 0
            && words
                .get(i + 1)
                .is_none_or(|n| matches!(n.kind, WordKind::Comma | WordKind::Stop));
        match w.kind {
            WordKind::OpenQuote if closes => {
                mask[i] = true;
                depth -= 1;
            }
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

/// Discourse asides that may open what a verb says without being part of it ("Le syndicat
/// avance *pour sa part* un autre chiffre", "évoque *de son côté* …", "*quant à lui*"),
/// folded.
const ASIDES: [&[&str]; 17] = [
    &["pour", "sa", "part"],
    &["pour", "leur", "part"],
    &["pour", "son", "compte"],
    &["de", "son", "cote"],
    &["de", "leur", "cote"],
    &["de", "sa", "part"],
    &["de", "leur", "part"],
    &["a", "son", "tour"],
    &["a", "leur", "tour"],
    &["quant", "a", "lui"],
    &["quant", "a", "elle"],
    &["quant", "a", "eux"],
    &["quant", "a", "elles"],
    &["en", "revanche"],
    // for the time being: "la police s'en tient pour l'instant à un bilan de 14 morts"
    &["pour", "l'", "instant"],
    &["pour", "le", "moment"],
    &["a", "ce", "stade"],
];

/// How many words at `k` (and the comma after them) make a discourse aside; 0 if none.
pub(crate) fn aside_len(words: &[Word], k: usize) -> usize {
    let Some(rest) = words.get(k..) else {
        return 0;
    };
    ASIDES
        .iter()
        .find(|a| rest.len() >= a.len() && rest.iter().zip(a.iter()).all(|(w, f)| w.folded == *f))
        .map_or(0, |a| {
            let comma = rest.get(a.len()).is_some_and(|w| w.kind == WordKind::Comma);
            a.len() + usize::from(comma)
        })
}

/// Number words that open a count ("trois morts", "des centaines de personnes"), folded.
const NUMBER_WORDS: [&str; 36] = [
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "cent",
    "mille",
    "dizaine",
    "dizaines",
    "douzaine",
    "quinzaine",
    "vingtaine",
    "trentaine",
    "quarantaine",
    "cinquantaine",
    "centaine",
    "centaines",
    "millier",
    "milliers",
    "million",
    "millions",
];

/// Words that may stand before a figure in a count ("au moins 14", "plus de 300", "près d'un
/// millier", "quelque 650", "des centaines").
const FIGURE_OPENERS: [&str; 13] = [
    "au",
    "moins",
    "plus",
    "pres",
    "de",
    "d'",
    "quelque",
    "environ",
    "des",
    "un",
    "une",
    "jusqu'a",
    "seulement",
];

/// Whether what follows the verb group ending at `group_end` is a count ("revendique 1 300
/// participants", "évoque pour sa part au moins 14 morts"): a figure given is a claim.
/// A figure of time is a length, not a count: "a décrété trois jours de deuil" is an act.
pub(crate) fn figure_after(words: &[Word], group_end: usize) -> bool {
    let start = group_end + 1;
    let start = start + aside_len(words, start);
    let is_figure = |w: &Word| {
        w.folded.starts_with(|c: char| c.is_ascii_digit())
            || NUMBER_WORDS.contains(&w.folded.as_str())
    };
    let rest = words.get(start..).unwrap_or(&[]);
    let Some(at) = rest.iter().take(5).position(|w| {
        !FIGURE_OPENERS.contains(&w.folded.as_str()) && !WEEKDAYS.contains(&w.folded.as_str())
    }) else {
        return false;
    };
    if !is_figure(&rest[at]) {
        return false;
    }
    let noun = rest[at..]
        .iter()
        .find(|w| !is_figure(w) && !matches!(w.folded.as_str(), "de" | "d'"));
    !noun.is_some_and(|n| TIME_UNITS.contains(&n.folded.as_str()))
}

/// Units of time, folded.
const TIME_UNITS: [&str; 14] = [
    "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "annee", "annees", "heure",
    "heures", "minute", "minutes", "journees",
];

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
/// Weekday names and times of day that may stand between a verb and its object, or between
/// an incise verb and its speaker ("…, ont affirmé mardi les représentants").
pub(crate) const WEEKDAYS: [&str; 11] = [
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "soir",
    "matin",
    "hier",
    "aujourd'hui",
];
/// Nouns of time that make a determiner open a date, not an object ("a affirmé *la
/// semaine dernière* que", "a déclaré *le 3 mars* que").
pub(crate) const TIME_NOUNS: [&str; 19] = [
    "an",
    "annee",
    "semaine",
    "mois",
    "jour",
    "journee",
    "lendemain",
    "veille",
    "matin",
    "matinee",
    "apres-midi",
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

/// What a verb in the conditional says of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Conditional {
    /// "aurait", "serait" (+ participle, or as a copula): the reportative conditional of news
    /// ("300 personnes auraient été tuées"): the claim is not confirmed.
    Compound,
    /// A lexical verb ("fermerait", "accompagneraient"): reportative in a main clause, but
    /// after "a déclaré que" also the future of the past ("il a dit qu'il viendrait").
    Simple,
    /// "pourrait", "devrait": a possibility or a forecast, not a hedge.
    Modal,
}

/// Third-person conditional endings of lexical verbs, with accents ("préparerait",
/// "prendrait", "permettrait", "finirait"): imperfects of verbs in -rer ("préparait",
/// "espérait", "tirait") end otherwise, and so do nouns ("portrait").
const CONDITIONAL_ENDINGS: [&str; 10] = [
    "erait", "eraient", "drait", "draient", "ttrait", "ttraient", "vrait", "vraient", "irait",
    "iraient",
];
/// Imperfects of verbs in -irer, which end like the conditionals of verbs in -ir
/// ("retirait" / "ralentirait").
const IRER_IMPERFECT_STEMS: [&str; 14] = [
    "tir", "retir", "attir", "admir", "desir", "inspir", "expir", "aspir", "respir", "vir",
    "chavir", "soupir", "empir", "transpir",
];
/// Irregular conditionals the endings miss.
const CONDITIONAL_IRREGULAR: [&str; 8] = [
    "dirait",
    "diraient",
    "irait",
    "iraient",
    "saurait",
    "sauraient",
    "verrait",
    "verraient",
];

/// The conditional a word is in, if any (third person).
pub(crate) fn conditional(word: &Word) -> Option<Conditional> {
    match word.folded.as_str() {
        "aurait" | "auraient" | "serait" | "seraient" => Some(Conditional::Compound),
        "pourrait" | "pourraient" | "devrait" | "devraient" => Some(Conditional::Modal),
        f if CONDITIONAL_IRREGULAR.contains(&f) => Some(Conditional::Simple),
        _ => {
            let l = word.lower.as_str();
            // "exagérait" is an imperfect: the e before -rait must be plain.
            let f = word.folded.as_str();
            let irer_imperfect = IRER_IMPERFECT_STEMS.iter().any(|s| {
                f.strip_prefix(s)
                    .is_some_and(|rest| rest == "ait" || rest == "aient")
            });
            let simple = CONDITIONAL_ENDINGS.iter().any(|e| l.ends_with(e))
                && !l.ends_with("érait")
                && !l.ends_with("éraient")
                && !irer_imperfect
                && l.chars().count() > 5;
            simple.then_some(Conditional::Simple)
        }
    }
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

    #[test]
    fn issue13_a_straight_quote_left_by_the_sentence_splitter() {
        // The sentence starts inside a quotation opened before and ends on the opening mark
        // of the next one.
        let w = words("Nous attendions ce jour\", a dit un habitant. \"");
        let mask = quoted_mask(&w);
        let quoted: Vec<&str> = w
            .iter()
            .zip(&mask)
            .filter(|(w, q)| **q && w.kind == WordKind::Word)
            .map(|(w, _)| w.folded.as_str())
            .collect();
        assert_eq!(quoted, vec!["nous", "attendions", "ce", "jour"]);
        // A sentence quoted whole, or a quotation after a colon, keeps its pair.
        let w = words("\"La ville est libre.\"");
        assert!(quoted_mask(&w).iter().all(|q| *q));
        let w = words("Il a dit : \"Nous partons.\"");
        assert_eq!(quoted_mask(&w).iter().filter(|q| **q).count(), 5);
    }
}
