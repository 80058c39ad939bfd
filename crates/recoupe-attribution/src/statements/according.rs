//! "Selon X" / "d'après X" statements: where what the source says lies (after a sentence
//! opener, or before the phrase), the source named or described, and when a verb cue next to
//! the phrase is the source's second statement rather than the phrase's content.

use recoupe_model::{Attribution, AttributionKind, EntityType, Polarity, Provenance};

use crate::chains::{clean_via, inherit_via, AccordingChain};
use crate::cues::{tagged_as_verb, Tags, VerbCue};
use crate::grammar::{is_adverb, span_of, trim_range, AUXILIARIES};
use crate::speakers::{description_head, resolve_speaker, Seen, Speaker, SpeakerRef};
use crate::words::{Word, WordKind};
use crate::STAGE;

use super::hedging::according_content_hedged;
use super::{remember, Reading};

/// Whether a verb cue opens a relative clause hanging on a "selon" phrase's source ("selon
/// la police, qui fait état de …", "d'après l'agence X (officielle), qui affirme …"): only
/// punctuation and a parenthesis stand between the source phrase and "qui".
pub(super) fn relative_to_source(
    words: &[Word],
    according: &AccordingChain,
    cue: &VerbCue,
) -> bool {
    let Some(qui) = cue.group_start.checked_sub(1) else {
        return false;
    };
    if words[qui].folded != "qui" || qui <= according.start {
        return false;
    }
    let mut depth = 0usize;
    for (k, w) in words.iter().enumerate().take(qui).skip(according.start) {
        match w.folded.as_str() {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ => {
                let outside = k >= according.end && depth == 0;
                if outside && matches!(w.kind, WordKind::Word | WordKind::Elision) {
                    return false;
                }
                if matches!(w.kind, WordKind::Stop | WordKind::Colon) {
                    return false;
                }
            }
        }
    }
    true
}

/// Connectives that may stand before "selon" without being what the source said ("Mais
/// selon X, …", "…, et selon X, …").
const CONNECTIVES: [&str; 5] = ["et", "mais", "or", "puis", "donc"];

/// How many words a sentence opener before "selon X," may have ("Peu après, selon X, …",
/// "Dans la soirée de mardi, selon X, …").
const OPENER_WORDS: usize = 5;

impl Reading<'_, '_> {
    /// "Selon X, content." or "content, selon X.": one according-to attribution per phrase.
    pub(super) fn according_statements(
        &self,
        out: &mut Vec<Attribution>,
        seen: &mut Seen,
        keep: impl Fn(usize) -> bool,
    ) {
        let words = self.words;
        let sentence_end = words.len() - 1;
        let mut tags: Tags = None;
        for (n, according) in self.according.iter().enumerate() {
            if !keep(n) {
                continue;
            }
            let AccordingChain {
                start,
                end: np_end,
                chain,
                speaker_links,
                speaker_phrase: np,
            } = according;
            let content = if self.opens_before(*start, *np_end, &mut tags) {
                trim_range(words, (*np_end).min(sentence_end), sentence_end)
            } else {
                trim_range(words, 0, start.saturating_sub(1))
            };
            let Some((cfrom, cto)) = content else {
                continue;
            };
            let (speaker_entity, rest) = match chain.split_last() {
                Some((last, rest)) if *speaker_links > 0 => (Some(last.clone()), rest.to_vec()),
                _ => (None, chain.clone()),
            };
            let speaker = match (speaker_entity, np) {
                (Some(e), _) => self.named_source(e, *np),
                (None, Some(range)) => resolve_speaker(
                    self.lex,
                    self.view,
                    words,
                    Some(*range),
                    None,
                    seen,
                    self.topic.as_deref(),
                ),
                (None, None) => continue,
            };
            let mut via: Vec<String> = rest.into_iter().rev().collect();
            via.extend(speaker.via.iter().cloned());
            via.extend(self.relays.iter().cloned());
            let via = clean_via(self.view, via, speaker.entity.as_deref());
            let via = inherit_via(self.view, via, &speaker);
            out.push(Attribution {
                content: span_of(words, cfrom, cto),
                speaker: speaker.span,
                speaker_entity: speaker.entity.clone(),
                speaker_unnamed: speaker.unnamed,
                cue: Some(span_of(words, *start, *start)),
                kind: AttributionKind::AccordingTo,
                channel: self.channel.clone(),
                via,
                hedged: self.hedged || according_content_hedged(words, &self.quoted, cfrom, cto),
                polarity: Polarity::Assert,
                provenance: Provenance::new(STAGE, "according-to"),
            });
            remember(speaker, out, seen);
        }
    }

    /// Whether the words before a "selon" phrase (its cue at `start`, its source phrase
    /// ending before `end`) only open the sentence, so that what the source says follows
    /// the phrase: nothing or adverbs ("Selon X", "Toutefois, selon X"), connectives ("Ainsi
    /// et selon X", "…, mais selon X, …"), or a short opener with no verb ("Peu après, selon
    /// X, …"); then a clause must follow the phrase's closing comma.
    fn opens_before(&self, start: usize, end: usize, tags: &mut Tags) -> bool {
        let words = self.words;
        let before = &words[..start];
        let opener_word = |w: &Word| {
            is_adverb(w) || CONNECTIVES.contains(&w.folded.as_str()) || w.kind == WordKind::Comma
        };
        if before.iter().all(opener_word) {
            return true;
        }
        let clause_after = words.get(end).is_some_and(|w| w.kind == WordKind::Comma)
            && words[end + 1..]
                .iter()
                .filter(|w| matches!(w.kind, WordKind::Word | WordKind::Elision))
                .count()
                >= 3;
        if !clause_after {
            return false;
        }
        // "…, mais selon X, …": a connective right before the cue.
        let mut k = start;
        while k > 0 && is_adverb(&words[k - 1]) {
            k -= 1;
        }
        if k > 0 && CONNECTIVES.contains(&words[k - 1].folded.as_str()) {
            return true;
        }
        // "Peu après, selon X, …": a few words with no verb, then a comma.
        let Some(comma) = start
            .checked_sub(1)
            .filter(|&c| words[c].kind == WordKind::Comma)
        else {
            return false;
        };
        let opener = &words[..comma];
        opener.len() <= OPENER_WORDS
            && opener.iter().all(|w| {
                matches!(w.kind, WordKind::Word | WordKind::Elision)
                    && !AUXILIARIES.contains(&w.lower.as_str())
            })
            && !(0..comma).any(|k| tagged_as_verb(self.view.text, words, k, tags))
    }

    /// The entity a "selon" phrase names as its source, remembered with its head noun so
    /// that "le site" later refers back to "selon le site vie-publique.fr".
    fn named_source(&self, entity: String, phrase: Option<(usize, usize)>) -> Speaker {
        let head = phrase.and_then(|(a, b)| description_head(self.lex, &self.words[a..=b]));
        let person = self.view.key_has_label(&entity, EntityType::PER);
        Speaker {
            span: phrase.map(|(a, b)| span_of(self.words, a, b)),
            entity: Some(entity.clone()),
            unnamed: false,
            via: vec![],
            remember: Some(SpeakerRef {
                entity: Some(entity),
                unnamed: false,
                head,
                person,
                via: vec![],
                at: 0,
                channel: None,
            }),
        }
    }
}

#[cfg(test)]
mod tests {

    use crate::testutil::{content, contents_and_speaker_keys, doc, found_in};

    use recoupe_model::{AttributionKind, EntityType};

    #[test]
    fn issue13_a_refusal_leaves_the_selon_phrase_its_statement() {
        let d = doc(
            "Le pont rouvrira lundi, selon une note interne, mais le préfet s'est refusé à tout commentaire.",
            None,
            &[],
        );
        let all = &d.layers.attributions;
        assert_eq!(all.len(), 1, "{all:#?}");
        assert_eq!(content(&d, &all[0]), "Le pont rouvrira lundi");
        assert_eq!(d.slice(all[0].speaker.unwrap()), "une note interne");
    }

    #[test]
    fn issue13_selon_after_a_connective_or_a_short_opener_speaks_for_what_follows() {
        let d = doc(
            "Mais selon la préfecture, les routes resteront fermées jusqu'à lundi.\nLe lendemain, selon des témoins, des bulldozers déblayaient la place du marché.\nAucun chiffre n'a été publié par la mairie, mais selon deux élus, la facture dépasse un million.\nLes digues ont cédé dans la nuit, selon la préfecture.",
            None,
            &[],
        );
        let found: Vec<String> = d
            .layers
            .attributions
            .iter()
            .map(|a| content(&d, a))
            .collect();
        assert_eq!(
            found,
            vec![
                "les routes resteront fermées jusqu'à lundi.".trim_end_matches('.'),
                "des bulldozers déblayaient la place du marché",
                "la facture dépasse un million",
                "Les digues ont cédé dans la nuit",
            ],
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue13_a_relative_verb_after_the_selon_source_is_its_second_statement() {
        let d = doc(
            "Un incendie a détruit un entrepôt à Lomé, selon la radio Kanal Sud (privée), qui fait aussi état de deux blessés.",
            None,
            &[("Kanal Sud", EntityType::ORG, "org:kanal")],
        );
        let found = contents_and_speaker_keys(&d);
        assert_eq!(
            found,
            vec![
                (
                    "Un incendie a détruit un entrepôt à Lomé".to_string(),
                    Some("org:kanal")
                ),
                ("deux blessés".to_string(), Some("org:kanal")),
            ],
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn according_to_at_the_end_and_start() {
        let d = doc(
            "Trois camions ont franchi la frontière, selon la chaîne Al-Rafidain.\nSelon l'agence Nour, les combats ont repris.",
            None,
            &[
                ("Al-Rafidain", EntityType::ORG, "org:rafidain"),
                ("Nour", EntityType::ORG, "org:nour"),
            ],
        );
        assert_eq!(d.layers.attributions.len(), 2);
        let a = &d.layers.attributions[0];
        assert_eq!(content(&d, a), "Trois camions ont franchi la frontière");
        assert_eq!(a.kind, AttributionKind::AccordingTo);
        assert_eq!(a.speaker_entity.as_deref(), Some("org:rafidain"));
        assert_eq!(a.channel.as_deref(), Some("television"));
        let b = &d.layers.attributions[1];
        assert_eq!(content(&d, b), "les combats ont repris");
        assert_eq!(b.speaker_entity.as_deref(), Some("org:nour"));
    }

    #[test]
    fn issue13_a_second_figure_with_its_own_source_ends_the_first_source() {
        let d = doc(
            "À Lille, 4 000 personnes ont défilé selon la préfecture et 15 000 selon les organisateurs.",
            None,
            &[],
        );
        let speakers: Vec<Option<String>> = found_in(&d).into_iter().map(|(_, s)| s).collect();
        assert!(
            speakers.contains(&Some("la préfecture".to_string())),
            "{:?}",
            found_in(&d)
        );
        assert!(
            speakers.contains(&Some("les organisateurs".to_string())),
            "{:?}",
            found_in(&d)
        );
    }

    #[test]
    fn issue13_an_acronym_in_parentheses_and_selon_naming_a_form() {
        let d = doc(
            "L'Union des producteurs (UDP) dénonce des prix injustes.\nLe Front de libération (FDL, LF selon son sigle anglais) a revendiqué l'explosion.",
            None,
            &[
                ("Union des producteurs", EntityType::ORG, "org:udp"),
                ("UDP", EntityType::ORG, "org:udp"),
                ("Front de libération", EntityType::ORG, "org:fdl"),
                ("FDL", EntityType::ORG, "org:fdl"),
            ],
        );
        assert_eq!(
            contents_and_speaker_keys(&d),
            vec![
                ("des prix injustes".to_string(), Some("org:udp")),
                ("l'explosion".to_string(), Some("org:fdl")),
            ]
        );
    }
}
