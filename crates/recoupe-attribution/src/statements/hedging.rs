//! The hedged flag from the content's mood: a reportative compound conditional ("auraient
//! été tuées") hedges, a counterfactual ("aurait pu"), a relative clause or a future of the
//! past ("qu'il viendrait demain") does not.

use crate::grammar::{conditional, is_adverb, Conditional};
use crate::words::{Word, WordKind};

/// Whether a verb statement's content (words `from..=to`) is in a reportative conditional:
/// a compound one ("auraient été tuées") anywhere, a simple one only in a main clause before
/// an incise ("L'usine fermerait, ont annoncé les syndicats"), since after "a déclaré que" it
/// is also the future of the past ("qu'il viendrait"). A future after the verb ("seraient
/// trouvés dans les prochains mois") is the future of the past.
pub(super) fn verb_content_hedged(
    words: &[Word],
    quoted: &[bool],
    from: usize,
    to: usize,
    incise: bool,
) -> bool {
    let future = !incise && (from..=to).any(|k| FUTURE_MARKERS.contains(&words[k].folded.as_str()));
    !future
        && (from..=to).any(|k| match conditional(&words[k]) {
            Some(Conditional::Compound) => reportative_compound(words, k),
            // A simple conditional quoted is the speaker's own mood ("« un rachat qui
            // coûterait des emplois »"), not the article's hedge.
            Some(Conditional::Simple) => incise && !quoted[k],
            _ => false,
        })
}

/// Whether a "selon X" statement's content is in a conditional: "Selon X, 300 personnes
/// auraient été tuées / l'usine fermerait" is hedged; not a forecast ("devrait",
/// "pourrait"). A simple conditional inside quotation marks is the speaker's own ("Selon
/// lui, la réforme « coûterait des emplois »"); a compound one still reports a claim.
pub(super) fn according_content_hedged(
    words: &[Word],
    quoted: &[bool],
    from: usize,
    to: usize,
) -> bool {
    (from..=to).any(|k| match conditional(&words[k]) {
        Some(Conditional::Compound) => true,
        Some(Conditional::Simple) => !quoted[k],
        _ => false,
    })
}

/// Whether a view framed by its holder ("Pour X, …") is in a compound conditional ("Pour
/// l'ONG, les soldats auraient tiré").
pub(super) fn framed_view_hedged(words: &[Word], from: usize, to: usize) -> bool {
    (from..=to).any(|k| conditional(&words[k]) == Some(Conditional::Compound))
}

/// Words that put a conditional in the future of the past ("qu'ils seraient trouvés *dans
/// les prochains mois*", "qu'il partirait *demain*").
const FUTURE_MARKERS: [&str; 7] = [
    "prochain",
    "prochaine",
    "prochains",
    "prochaines",
    "demain",
    "bientot",
    "venir",
];

/// Past participles that make "aurait" + participle a counterfactual, not a report ("aurait
/// pu", "aurait dû", "aurait voulu").
const MODAL_PARTICIPLES: [&str; 5] = ["pu", "du", "voulu", "su", "fallu"];

/// Whether the compound conditional at `k` reports an unconfirmed fact ("300 personnes
/// auraient été tuées", "il aurait fui"): followed by a past participle, not a modal one
/// ("aurait pu être évité"), not negated ("qu'il n'aurait jamais cru"), not in a relative
/// clause ("le président, qui aurait fui").
fn reportative_compound(words: &[Word], k: usize) -> bool {
    let before = k.checked_sub(1).map(|p| words[p].folded.as_str());
    if matches!(before, Some("qui" | "ne" | "n'")) {
        return false;
    }
    let Some(next) = words[k + 1..].iter().find(|w| !is_adverb(w)) else {
        return false;
    };
    const ENDINGS: [&str; 16] = [
        "é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite", "int",
        "ert",
    ];
    next.kind == WordKind::Word
        && !next.capitalised
        && !MODAL_PARTICIPLES.contains(&next.folded.as_str())
        && ENDINGS.iter().any(|e| next.lower.ends_with(e))
}

#[cfg(test)]
mod tests {

    use crate::testutil::{content, doc};

    use recoupe_model::EntityType;

    #[test]
    fn hedged_by_conditional_according_to_and_by_verb() {
        let d = doc(
            "Selon la chaîne Al-Rafidain, les combattants seraient confinés près du fleuve.\nLe groupe prétend que ses hommes contrôlent le pont.",
            None,
            &[("Al-Rafidain", EntityType::ORG, "org:rafidain")],
        );
        assert_eq!(d.layers.attributions.len(), 2);
        assert!(d.layers.attributions[0].hedged);
        assert!(d.layers.attributions[1].hedged);
    }

    #[test]
    fn conditional_in_reported_speech_is_not_a_hedge() {
        let d = doc(
            "Le porte-parole Karim Haddad a déclaré que l'armée se retirerait demain.",
            None,
            &[("Karim Haddad", EntityType::PER, "per:haddad")],
        );
        assert!(!d.layers.attributions[0].hedged);
    }

    #[test]
    fn issue13_a_reported_conditional_is_hedged_a_forecast_or_a_future_of_the_past_is_not() {
        let d = doc(
            "L'usine de Vierzon fermerait en mai, selon les syndicats.\nSelon la banque centrale, l'inflation devrait reculer.\nLe préfet a indiqué que trois randonneurs auraient été emportés.\nLe maire a assuré que la digue serait réparée dans les prochains mois.\nLa crue aurait pu être évitée, a estimé le maire.\nLes villageois préparaient la fête, a raconté un habitant.",
            None,
            &[],
        );
        let hedged: Vec<(String, bool)> = d
            .layers
            .attributions
            .iter()
            .map(|a| (content(&d, a), a.hedged))
            .collect();
        assert_eq!(
            hedged.iter().map(|(_, h)| *h).collect::<Vec<_>>(),
            vec![true, false, true, false, false, false],
            "{hedged:#?}"
        );
    }

    #[test]
    fn issue13_a_simple_conditional_quoted_is_no_hedge() {
        let d = doc(
            "Selon la fédération, la taxe « ruinerait les petits exploitants ».\nSelon la fédération, la taxe ruinerait les petits exploitants.",
            None,
            &[],
        );
        let hedged: Vec<bool> = d.layers.attributions.iter().map(|a| a.hedged).collect();
        assert_eq!(hedged, vec![false, true], "{:#?}", d.layers.attributions);
    }
}
