//! Who speaks a verb cue when the speaker phrase alone does not tell: a participle or a
//! coordinated verb goes on with the statement before, "Et d'ajouter" with the last speaker,
//! "qui" stands for its antecedent, an inverted clitic for the subject of its clause.

use recoupe_model::Attribution;

use crate::cues::VerbCue;
use crate::grammar::{is_boundary, span_of, trim_range, AUXILIARIES, CONJUNCTIONS};
use crate::speakers::{
    pronoun_speaker, resolve_speaker, same_as, subject_of_clitic, Seen, Speaker,
};
use crate::words::{Word, WordKind};

use super::Reading;

/// The noun phrase a relative "qui" at `qui` stands for: the words before it (past a
/// comma) back to a clause boundary, a preposition that introduces it ("rejetée *par* les
/// autorités qui …") or a verb.
fn antecedent_of_qui(words: &[Word], qui: usize) -> Option<(usize, usize)> {
    let mut to = qui.checked_sub(1)?;
    if words[to].kind == WordKind::Comma {
        to = to.checked_sub(1)?;
    }
    // "l'Agence X (ANI, officielle), qui …": the name before the parenthesis.
    if words[to].folded == ")" {
        let open = (0..to).rev().find(|&k| words[k].folded == "(")?;
        to = open.checked_sub(1)?;
    }
    let mut from = to;
    while from > 0 && to - from < 8 {
        let w = &words[from - 1];
        if is_boundary(w)
            || AUXILIARIES.contains(&w.lower.as_str())
            || matches!(
                w.folded.as_str(),
                "par"
                    | "a"
                    | "pour"
                    | "avec"
                    | "contre"
                    | "selon"
                    | "chez"
                    | "sur"
                    | "dans"
                    | "que"
            )
        {
            break;
        }
        from -= 1;
    }
    trim_range(words, from, to)
}

impl Reading<'_, '_> {
    /// The speaker of a verb cue (`earlier`: the sentence's statements before it): the
    /// participle's speaker is the sentence's last; "qui"
    /// before the verb stands for the speaker of the clause it hangs on ("…, affirme le
    /// texte, qui évoque « des pertes »"); else the speaker phrase or clitic is resolved.
    pub(super) fn verb_speaker(
        &self,
        cue: &VerbCue,
        incise: bool,
        gerund: bool,
        range: Option<(usize, usize)>,
        earlier: &[Attribution],
        seen: &Seen,
    ) -> Speaker {
        let first_in_sentence = earlier.is_empty();
        let previous_speaker = earlier.last().and_then(|a| a.speaker);
        let words = self.words;
        let group_start = cue.group_start;
        let relative_word = !incise && group_start > 0 && words[group_start - 1].folded == "qui";
        let relative_subject = relative_word && !first_in_sentence;
        // "X a reconnu … mais avait nié …": a verb coordinated with no subject of its own
        // shares the previous verb's.
        let coordinated = !incise
            && group_start > 0
            && CONJUNCTIONS.contains(&words[group_start - 1].folded.as_str())
            && !first_in_sentence;
        // "« … », a-t-il déclaré, avant d'ajouter que …": an infinitive after "avant de" has
        // the subject of the verb before it, the speaker of the statement before.
        let after_avant_de = !incise
            && !first_in_sentence
            && group_start >= 2
            && matches!(words[group_start - 1].folded.as_str(), "de" | "d'")
            && words[group_start - 2].folded == "avant";
        // "Et d'ajouter que …": the narrative infinitive goes on with the last speaker.
        let narrative = !incise
            && cue.group_start == cue.verb
            && group_start > 0
            && matches!(words[group_start - 1].folded.as_str(), "de" | "d'")
            && words[..group_start - 1]
                .iter()
                .all(|w| matches!(w.folded.as_str(), "et" | "puis"));
        if narrative {
            if let Some(prev) = seen.last() {
                return Speaker {
                    span: None,
                    ..same_as(
                        span_of(words, group_start - 1, group_start - 1),
                        prev,
                        vec![],
                    )
                };
            }
        }
        // "X a revendiqué l'attaque, affirmant que …": a gerund, as a coordinated verb, has
        // the speaker of the statement before. (A coordinated verb is never a narrative
        // infinitive: one follows "et", the other "de".)
        if coordinated || after_avant_de || gerund && !first_in_sentence {
            if let (Some(prev), Some(span)) = (seen.last(), previous_speaker) {
                return same_as(span, prev, vec![]);
            }
        }
        if gerund {
            pronoun_speaker(
                span_of(words, cue.group_end, cue.group_end),
                self.view,
                seen,
                None,
            )
        } else if relative_word {
            // "…, précise la société, qui affirme …", "par les autorités qui nient …": the
            // relative pronoun stands for the noun phrase before it, the speaker of the
            // clause it hangs on when that is the same.
            let relative = span_of(words, group_start - 1, group_start - 1);
            let antecedent = antecedent_of_qui(words, group_start - 1);
            let same_phrase = match (antecedent, previous_speaker) {
                (Some((a, b)), Some(prev)) => {
                    let ante = span_of(words, a, b);
                    ante.start < prev.end && prev.start < ante.end
                }
                _ => false,
            };
            match (seen.last(), antecedent) {
                (Some(prev), _) if relative_subject && (same_phrase || antecedent.is_none()) => {
                    same_as(relative, prev, vec![])
                }
                (_, Some(range)) => Speaker {
                    span: Some(relative),
                    ..resolve_speaker(self.lex, self.view, words, Some(range), None, seen, None)
                },
                (Some(prev), None) => same_as(relative, prev, vec![]),
                (None, None) => {
                    resolve_speaker(self.lex, self.view, words, range, None, seen, None)
                }
            }
        } else {
            // "La société a suspendu ses achats « jusqu'à nouvel ordre », a-t-elle annoncé":
            // an inverted clitic closing the sentence's first clause, which opens outside
            // any quotation, stands for its subject.
            let opens_unquoted = words
                .iter()
                .take(2)
                .all(|w| !matches!(w.kind, WordKind::OpenQuote | WordKind::StraightQuote))
                && !self.quoted[..group_start.min(2)].iter().any(|q| *q);
            let unquoted_clause =
                incise && first_in_sentence && self.topic.is_none() && opens_unquoted;
            let clause_subject = cue
                .clitic
                .filter(|_| unquoted_clause)
                .and_then(|c| subject_of_clitic(self.view, words, &words[c]));
            clause_subject.unwrap_or_else(|| {
                resolve_speaker(
                    self.lex,
                    self.view,
                    words,
                    range,
                    cue.clitic.map(|c| &words[c]),
                    seen,
                    self.topic.as_deref(),
                )
            })
        }
    }
}

#[cfg(test)]
mod tests {

    use crate::testutil::{
        content, contents_and_speaker_keys, contents_and_speakers, doc, pair, starting,
    };

    use recoupe_model::{AttributionKind, EntityType};

    #[test]
    fn direct_quote_with_inverted_incise_and_pronoun() {
        let d = doc(
            "Karim Haddad a visité la base. « Nous ne reculerons pas devant les menaces », a-t-il ajouté.",
            None,
            &[("Karim Haddad", EntityType::PER, "per:haddad")],
        );
        let a = d.layers.attributions.last().unwrap();
        assert_eq!(content(&d, a), "Nous ne reculerons pas devant les menaces");
        assert_eq!(a.kind, AttributionKind::Direct);
        assert_eq!(a.speaker_entity.as_deref(), Some("per:haddad"));
        assert_eq!(d.slice(a.speaker.unwrap()), "-t-il");
    }

    #[test]
    fn issue13_an_inverted_pronoun_agrees_with_the_person_it_stands_for() {
        let d = doc(
            "La ministre Anne Roy a visité l'hôpital.\n« Nous manquons de lits », a-t-elle dit.\nM. Paul Marc, le préfet, a rejoint l'équipe.\n« Les moyens arrivent », a-t-il ajouté.\n« Il faut tenir », a-t-elle insisté.\n« Trois camions sont partis », a-t-il précisé.\nMme Claire Besson, qui dirige le service, était présente.\n« Le personnel est épuisé », a répété Paul Marc.\n« Nous tiendrons », a-t-elle assuré.",
            None,
            &[
                ("Anne Roy", EntityType::PER, "per:roy"),
                ("Paul Marc", EntityType::PER, "per:marc"),
                ("Claire Besson", EntityType::PER, "per:besson"),
            ],
        );
        assert_eq!(
            contents_and_speaker_keys(&d),
            vec![
                ("Nous manquons de lits".to_string(), Some("per:roy")),
                ("Les moyens arrivent".to_string(), Some("per:marc")),
                ("Il faut tenir".to_string(), Some("per:roy")),
                ("Trois camions sont partis".to_string(), Some("per:marc")),
                ("Le personnel est épuisé".to_string(), Some("per:marc")),
                ("Nous tiendrons".to_string(), Some("per:besson")),
            ]
        );
    }

    #[test]
    fn issue13_doubled_consonant_forms_adverb_inside_a_verb_and_relative_after_speaker() {
        let d = doc(
            "La ministre Anne Roy a visité le barrage. Les travaux « dureront deux ans », rappelle-t-elle.\nLe syndicat fait également état de retards, a-t-on appris.\n« Nous avons tout perdu », lâche ce Malien qui tient une épicerie.",
            None,
            &[("Anne Roy", EntityType::PER, "per:roy")],
        );
        let by = |start: &str| starting(&d, start);
        assert_eq!(by("Les travaux").speaker_entity.as_deref(), Some("per:roy"));
        assert_eq!(
            by("retards").speaker.map(|s| d.slice(s)),
            Some("Le syndicat")
        );
        let malien = by("Nous avons tout perdu");
        assert_eq!(malien.speaker.map(|s| d.slice(s)), Some("ce Malien"));
        assert_eq!(malien.speaker_entity.as_deref(), Some("per:roy"));
    }

    #[test]
    fn issue13_a_participle_after_a_statement_keeps_its_speaker_phrase() {
        assert_eq!(
            contents_and_speakers(
                "Un homme se disant membre du groupe a revendiqué l'explosion, affirmant qu'elle visait un convoi.",
                &[]
            ),
            vec![
                pair("l'explosion", "Un homme se disant membre du groupe"),
                pair("elle visait un convoi", "Un homme se disant membre du groupe"),
            ]
        );
    }

    #[test]
    fn issue13_an_aside_after_the_auxiliary_and_a_narrative_infinitive() {
        let d = doc(
            "Le ministère de la Santé a, de son côté, confirmé un bilan de trois morts. Et d'ajouter que deux blessés restaient en soins intensifs.\nLe commandant de la police s'est limité à annoncer que plusieurs personnes étaient blessées.",
            None,
            &[("ministère de la Santé", EntityType::ORG, "org:health")],
        );
        let found: Vec<(String, Option<&str>, Option<&str>)> = d
            .layers
            .attributions
            .iter()
            .map(|a| {
                (
                    content(&d, a),
                    a.speaker_entity.as_deref(),
                    a.speaker.map(|s| d.slice(s)),
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    "un bilan de trois morts".to_string(),
                    Some("org:health"),
                    Some("Le ministère de la Santé")
                ),
                (
                    "deux blessés restaient en soins intensifs".to_string(),
                    Some("org:health"),
                    None
                ),
                (
                    "plusieurs personnes étaient blessées".to_string(),
                    None,
                    Some("Le commandant de la police")
                ),
            ]
        );
        assert_eq!(
            d.layers.attributions[0].polarity,
            recoupe_model::Polarity::Confirm
        );
    }

    #[test]
    fn issue13_an_infinitive_after_avant_de_goes_on_with_the_speaker_before() {
        let d = doc(
            "« Nous tiendrons nos engagements », a déclaré la ministre Anne Roy, avant d'ajouter que la réforme ne serait pas retirée.",
            None,
            &[("Anne Roy", EntityType::PER, "anne-roy")],
        );
        assert_eq!(
            contents_and_speaker_keys(&d),
            vec![
                (
                    "Nous tiendrons nos engagements".to_string(),
                    Some("anne-roy")
                ),
                (
                    "la réforme ne serait pas retirée".to_string(),
                    Some("anne-roy")
                ),
            ]
        );
    }
}
