//! Cues: the speech verbs of a sentence (with their auxiliary, pronominal "se" and inverted
//! clitic), "selon" / "d'après", and what follows a verb (a "que" clause, a colon, a
//! quotation). Relay words ("citant", "cité par") are skipped here: they link a chain
//! (`chains`) and are no statement of their own.

use crate::grammar::{is_adverb, AUXILIARIES, DETERMINERS, SUBORDINATORS};
use crate::lexicon::{FormKind, Lexicon, VerbClass};
use crate::words::{Word, WordKind};

/// Part-of-speech tags of one sentence, computed only when a form is ambiguous.
pub(crate) type Tags = Option<Vec<recoupe_tagger::Upos>>;

/// A cue found in a sentence, by word index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    Verb(VerbCue),
    /// "selon", "d'après": words `start..=end`.
    According {
        start: usize,
        end: usize,
    },
}

/// A speech verb with its group: auxiliary, pronominal "se", inverted clitic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VerbCue {
    pub(crate) class: VerbClass,
    /// The verb also has non-speech senses (`:weak` in speech_verbs.txt).
    pub(crate) weak: bool,
    /// A verb of opinion or appeal taking an object (`:opinion`).
    pub(crate) opinion: bool,
    /// Index of the verb itself (first word of a multi-word verb).
    pub(crate) verb: usize,
    /// Index of the first word of the verb group (auxiliary or verb).
    pub(crate) group_start: usize,
    /// Index of the last word of the verb group (the verb, or its clitic).
    pub(crate) group_end: usize,
    /// Index of the inverted clitic ("-t-il"), if any.
    pub(crate) clitic: Option<usize>,
}

/// The cues of a sentence outside quotations, in text order.
pub(crate) fn find_cues(
    lex: &Lexicon,
    text: &str,
    words: &[Word],
    quoted: &[bool],
) -> Vec<CueKind> {
    let mut cues = Vec::new();
    // Part-of-speech tags of the sentence, computed only if a form is ambiguous.
    let mut tags: Tags = None;
    let mut i = 0;
    while i < words.len() {
        if quoted[i] {
            i += 1;
            continue;
        }
        if let Some((phrase, _)) = lex.according.at(words, i) {
            // "une information selon laquelle …", "selon que …" introduce no source.
            let next = words
                .get(i + phrase.len())
                .map(|w| w.folded.as_str())
                .unwrap_or("");
            if next.starts_with("lequel")
                || next.starts_with("laquelle")
                || next.starts_with("lesquel")
                || next == "que"
                || next == "qu'"
            {
                i += phrase.len();
                continue;
            }
            cues.push(CueKind::According {
                start: i,
                end: i + phrase.len() - 1,
            });
            i += phrase.len();
            continue;
        }
        if let Some((phrase, _)) = lex.relay.at(words, i) {
            // "citant X", "cité par X" link a chain; they are not statements themselves.
            i += phrase.len();
            continue;
        }
        let w = &words[i];
        if w.kind == WordKind::Word {
            if let Some(form) = lex.verbs.get(&w.lower).filter(|f| {
                f.tail.len() < words.len() - i
                    && f.tail
                        .iter()
                        .zip(&words[i + 1..])
                        .all(|(t, w)| *t == w.lower)
            }) {
                let verb_end = i + form.tail.len();
                let prev = i.checked_sub(1).map(|p| &words[p]);
                let after_determiner = prev.is_some_and(|p| {
                    DETERMINERS.contains(&p.folded.as_str())
                        || matches!(p.folded.as_str(), "de" | "d'" | "du" | "l'")
                });
                let aux = find_auxiliary(words, i);
                let ok = match form.kind {
                    FormKind::Participle => aux.is_some(),
                    FormKind::Finite => {
                        aux.is_some()
                            || (!after_determiner
                                && (finite_in_speech_position(words, i)
                                    || tagged_as_verb(text, words, i, &mut tags)))
                    }
                    // "a tenu à rappeler que …": an infinitive needs its complement.
                    FormKind::Infinitive => complement_after(words, i).is_some(),
                };
                if ok {
                    let mut group_start = aux.unwrap_or(i);
                    // Pronominal verbs: "s'est félicitée", "se félicite".
                    if group_start > 0
                        && matches!(words[group_start - 1].folded.as_str(), "s'" | "se")
                    {
                        group_start -= 1;
                    }
                    let mut group_end = verb_end;
                    let mut clitic = (group_start..=i).find(|&k| words[k].kind == WordKind::Clitic);
                    if clitic.is_none()
                        && words.get(i + 1).is_some_and(|n| n.kind == WordKind::Clitic)
                    {
                        clitic = Some(i + 1);
                        group_end = i + 1;
                    }
                    cues.push(CueKind::Verb(VerbCue {
                        class: form.class,
                        weak: form.weak,
                        opinion: form.opinion,
                        verb: i,
                        group_start,
                        group_end,
                        clitic,
                    }));
                    i = group_end + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    cues
}

/// A finite form like "avance" or "note" is also a noun; it is read as a speech verb only
/// where a verb of saying stands: after a subject pronoun, a name or an incise comma, or
/// before "que", a colon, a quotation or an inverted pronoun.
fn finite_in_speech_position(words: &[Word], i: usize) -> bool {
    let before = i.checked_sub(1).map(|p| &words[p]);
    let after = words.get(i + 1);
    let subject_before = before.is_some_and(|p| {
        matches!(
            p.folded.as_str(),
            "il" | "elle" | "ils" | "elles" | "on" | "qui" | "ne" | "n'"
        ) || matches!(p.kind, WordKind::Comma | WordKind::CloseQuote)
            || (p.capitalised && p.kind == WordKind::Word)
    });
    let complement_after = after.is_some_and(|n| {
        matches!(n.folded.as_str(), "que" | "qu'")
            || matches!(
                n.kind,
                WordKind::Colon | WordKind::OpenQuote | WordKind::StraightQuote | WordKind::Clitic
            )
    });
    subject_before || complement_after
}

/// Whether the tagger reads word `i` as a verb ("le Premier ministre déclare la victoire")
/// rather than a noun or adjective ("une large avance"). Tags are computed once per sentence.
pub(crate) fn tagged_as_verb(text: &str, words: &[Word], i: usize, tags: &mut Tags) -> bool {
    let tags = tags.get_or_insert_with(|| {
        let surface: Vec<&str> = words.iter().map(|w| &text[w.start..w.end]).collect();
        recoupe_tagger::Tagger::embedded().tag(&surface)
    });
    tags.get(i) == Some(&recoupe_tagger::Upos::Verb)
}

/// The auxiliary of a participle at `i`, looking back over adverbs, negation and clitics.
fn find_auxiliary(words: &[Word], i: usize) -> Option<usize> {
    let mut k = i;
    for _ in 0..6 {
        k = k.checked_sub(1)?;
        let w = &words[k];
        match w.kind {
            WordKind::Clitic => continue,
            WordKind::Word | WordKind::Elision => {
                if AUXILIARIES.contains(&w.lower.as_str()) {
                    // "ont été proclamés", "est considéré": a passive is not a speech act,
                    // unless pronominal ("s'est dit", "s'est félicité").
                    let passive = matches!(
                        w.lower.as_str(),
                        "est" | "sont" | "était" | "étaient" | "été"
                    ) && !k
                        .checked_sub(1)
                        .is_some_and(|p| matches!(words[p].folded.as_str(), "s'" | "se"));
                    return (!passive).then_some(k);
                }
                if is_adverb(w)
                    || matches!(
                        w.lower.as_str(),
                        "pas"
                            | "jamais"
                            | "bien"
                            | "tout"
                            | "quant"
                            | "à"
                            | "lui"
                            | "elle"
                            | "eux"
                            | "elles"
                            | "par"
                            | "ailleurs"
                            | "d'"
                            | "plus"
                            | "tard"
                            | "alors"
                            | "aussi"
                    )
                {
                    continue;
                }
                return None;
            }
            _ => return None,
        }
    }
    None
}

/// What follows a speech verb: a clause ("que …") or a quotation / colon, close after it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Complement {
    /// A "que" clause (as opposed to a colon or a quotation).
    pub(crate) clausal: bool,
    /// Words between the verb and the complement's marker.
    pub(crate) distance: usize,
}

/// The complement after the verb group ending at `group_end`, if close enough.
pub(crate) fn complement_after(words: &[Word], group_end: usize) -> Option<Complement> {
    for (n, w) in words[group_end + 1..].iter().enumerate() {
        let k = group_end + 1 + n;
        if matches!(w.folded.as_str(), "que" | "qu'") && n <= 14 {
            // "après que", "alors que", "bien que": a subordinate clause, not what was said.
            let subordinator = k > 0 && SUBORDINATORS.contains(&words[k - 1].folded.as_str());
            if subordinator {
                return None;
            }
            return Some(Complement {
                clausal: true,
                distance: n,
            });
        }
        if n <= 8
            && matches!(
                w.kind,
                WordKind::Colon | WordKind::OpenQuote | WordKind::StraightQuote
            )
        {
            return Some(Complement {
                clausal: false,
                distance: n,
            });
        }
        if w.kind == WordKind::Stop || w.kind == WordKind::Comma && n > 8 || n > 14 {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::quoted_mask;
    use crate::testutil::{content, doc};
    use crate::words::scan;
    use recoupe_model::EntityType;

    #[test]
    fn auxiliary_found_across_interposed_adverbs() {
        let d = doc(
            "M. Qassem a par ailleurs accusé les Américains de survoler la zone sans autorisation.",
            None,
            &[("Qassem", EntityType::PER, "per:q")],
        );
        assert_eq!(
            d.layers.attributions.len(),
            1,
            "{:?}",
            d.layers.attributions
        );
        let a = &d.layers.attributions[0];
        assert_eq!(
            content(&d, a),
            "les Américains de survoler la zone sans autorisation"
        );
        assert_eq!(a.speaker_entity.as_deref(), Some("per:q"));
    }

    #[test]
    fn non_speech_senses_of_weak_verbs_are_not_attributions() {
        let d = doc(
            "La société Hydro-Nord a dévoilé mercredi un projet éolien.\nLe groupe a revendiqué une attaque de drones.",
            None,
            &[("Hydro-Nord", EntityType::ORG, "org:hn")],
        );
        assert!(
            d.layers.attributions.is_empty(),
            "{:?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue5_a_named_body_decreeing_is_a_statement() {
        let d = doc(
            "L'agence Nour a décrété mercredi une urgence de santé publique. Le gouvernement a décrété des mesures.",
            None,
            &[("Nour", EntityType::ORG, "org:nour")],
        );
        assert_eq!(
            d.layers.attributions.len(),
            1,
            "{:#?}",
            d.layers.attributions
        );
        let a = &d.layers.attributions[0];
        assert_eq!(a.speaker_entity.as_deref(), Some("org:nour"));
    }

    fn cues_of(text: &str) -> (Vec<Word>, Vec<CueKind>) {
        let w = scan(text, 0, text.len());
        let cues = find_cues(Lexicon::embedded(), text, &w, &quoted_mask(&w));
        (w, cues)
    }

    #[test]
    fn verb_group_spans_auxiliary_adverb_and_pronominal_se() {
        let (w, cues) = cues_of("La ministre s'est aussitôt félicitée de l'accord.");
        let [CueKind::Verb(v)] = cues.as_slice() else {
            panic!("{cues:?}");
        };
        assert_eq!(w[v.group_start].folded, "s'");
        assert_eq!(w[v.verb].folded, "felicitee");
        assert_eq!(v.group_end, v.verb);
    }

    #[test]
    fn inverted_clitic_closes_the_group() {
        let (w, cues) = cues_of("« Rien ne change », a-t-elle ajouté.");
        let [CueKind::Verb(v)] = cues.as_slice() else {
            panic!("{cues:?}");
        };
        assert_eq!(w[v.clitic.unwrap()].folded, "-t-elle");
        assert_eq!(w[v.verb].folded, "ajoute");
    }

    #[test]
    fn selon_laquelle_and_quoted_verbs_are_no_cues() {
        let (_, cues) = cues_of("Une rumeur selon laquelle « il a démenti » circule.");
        assert!(cues.is_empty(), "{cues:?}");
        let (_, cues) = cues_of("D'après les pompiers, le feu est éteint.");
        assert!(matches!(
            cues.as_slice(),
            [CueKind::According { start: 0, end: 1 }]
        ));
    }

    #[test]
    fn complement_is_a_clause_or_a_quotation_close_after_the_verb() {
        let w = scan("Il a affirmé mardi soir que tout allait bien", 0, 44);
        let c = complement_after(&w, 2).unwrap();
        assert!(c.clausal);
        assert_eq!(c.distance, 2);
        let w = scan("Il a ajouté après que la pluie a cessé", 0, 39);
        assert!(complement_after(&w, 2).is_none(), "après que subordinates");
    }
}
