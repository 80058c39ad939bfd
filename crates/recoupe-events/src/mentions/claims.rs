//! Responsibility claims of a sentence: who some source holds responsible, who claims it,
//! who denies it, from the cues and the sentences before.

use super::*;

/// What the sentence says before a claim verb, when that is no named participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Subject {
    /// "nous", "je", "on" (inside a quotation: the speaker's side).
    FirstPerson,
    /// "il", "ils", "elle", "elles".
    ThirdPronoun,
    /// A definite noun phrase between the clause start and the verb ("les paramilitaires").
    CommonNoun,
    Other,
}

/// The words between the start of the clause and the verb group at `group`, read as the
/// verb's subject.
pub(super) fn subject_words(words: &[Word], group: usize) -> Subject {
    let mut k = group;
    let mut seen: Vec<&str> = Vec::new();
    while k > 0 && seen.len() < 6 {
        let w = &words[k - 1];
        if w.is_clause_break()
            || w.is_comma()
            || w.kind == recoupe_model::TokenKind::Quote
            || LEFT_STOPS.contains(&w.folded.as_str())
        {
            break;
        }
        seen.push(w.folded.as_str());
        k -= 1;
    }
    // Auxiliaries, negation and adverbs belong to the verb group, not to the subject.
    seen.retain(|w| {
        (!VERB_FILLERS.contains(w) || matches!(*w, "les" | "la" | "le" | "l'"))
            && !AVOIR.contains(w)
            && !ETRE.contains(w)
            && !matches!(*w, "avons" | "ai" | "avez" | "sommes" | "suis" | "etes")
    });
    seen.reverse();
    // A clause that opens with a subject pronoun has it as subject, over an adverbial
    // before the verb ("il a de nouveau imputé").
    match seen.as_slice() {
        [] => Subject::Other,
        [one, ..] if matches!(*one, "nous" | "je" | "j'" | "on") => Subject::FirstPerson,
        [one, ..] if matches!(*one, "il" | "ils" | "elle" | "elles") => Subject::ThirdPronoun,
        [det, rest @ ..]
            if !rest.is_empty()
                && rest.len() <= 3
                && matches!(*det, "les" | "le" | "la" | "l'" | "ces" | "ce" | "cette") =>
        {
            Subject::CommonNoun
        }
        _ => Subject::Other,
    }
}

/// Who spoke in the sentence `sentence` (the last attribution whose speaker is inside it and
/// is named, or names a person).
pub(super) fn previous_speaker(doc: &Document, sentence: Span) -> Option<EventArgument> {
    doc.layers
        .attributions
        .iter()
        .rev()
        .filter(|a| a.speaker.is_some_and(|s| sentence.contains(&s)))
        .find_map(|a| {
            let span = a.speaker?;
            // A speaker phrase the attributions left unlinked ("un porte-parole de l'armée,
            // le général X") is the person it names.
            let entity = a.speaker_entity.clone().or_else(|| {
                doc.layers
                    .entities
                    .iter()
                    .rev()
                    .find(|m| m.label == EntityType::PER && span.contains(&m.span))
                    .map(|m| m.entity.clone())
            })?;
            Some(EventArgument { span, entity })
        })
}

/// Nouns of a figure: a denial of "le bilan" or "ces chiffres" disputes a count, not who did
/// the event.
pub(super) const FIGURE_NOUNS: &[&str] = &[
    "bilan",
    "bilans",
    "chiffre",
    "chiffres",
    "nombre",
    "decompte",
    "estimation",
    "estimations",
];

/// Whether the words right after cue `cue` (over a determiner) name a figure.
pub(super) fn figure_after(words: &[Word], cue: Span) -> bool {
    let Some(k) = words.iter().position(|w| w.span.start >= cue.end) else {
        return false;
    };
    words[k..]
        .iter()
        .take(3)
        .skip_while(|w| {
            DETERMINERS.contains(&w.folded.as_str()) || w.folded == "ce" || w.folded == "ces"
        })
        .take(1)
        .any(|w| FIGURE_NOUNS.contains(&w.folded.as_str()))
}

/// Nouns that name an armed group again after a definite or demonstrative determiner ("le
/// groupe", "ces jihadistes"), as the object of an accusation.
pub(super) const GROUP_NOUNS: &[&str] = &[
    "groupe",
    "mouvement",
    "milice",
    "gang",
    "jihadistes",
    "djihadistes",
    "islamistes",
    "rebelles",
    "insurges",
    "terroristes",
    "miliciens",
    "paramilitaires",
];

/// Whether the words from `at` name an armed group again by a determiner and a group noun.
pub(super) fn group_noun_at(words: &[Word], at: usize) -> bool {
    words.get(at).is_some_and(|w| {
        matches!(
            w.folded.as_str(),
            "le" | "la" | "les" | "l'" | "ce" | "cet" | "cette" | "ces"
        )
    }) && words
        .get(at + 1)
        .is_some_and(|w| GROUP_NOUNS.contains(&w.folded.as_str()))
}

/// The end of "mutuellement" or "l'un l'autre" within three words after `from`, if there.
pub(super) fn mutual_after(words: &[Word], from: usize) -> Option<usize> {
    (from..words.len().min(from + 3)).find_map(|k| {
        if !words[k].is_wordlike() {
            return None;
        }
        match words[k].folded.as_str() {
            "mutuellement" => Some(k + 1),
            "l'un" if words.get(k + 1).is_some_and(|w| w.folded == "l'autre") => Some(k + 2),
            _ => None,
        }
    })
}

/// Determiners before "responsable" used as a noun (an official, a head).
pub(super) const OFFICIAL_DETERMINERS: &[&str] = &[
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "notre",
    "nos",
    "votre",
    "vos",
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "ce",
    "cet",
    "ces",
    "plusieurs",
];

/// Whether "responsable(s)" at `at` is the noun naming an official ("son responsable", "un
/// responsable du ministère"), not the predicate that holds someone responsible ("X est
/// responsable", "X est le responsable de l'attaque").
pub(super) fn official_noun(words: &[Word], at: usize) -> bool {
    if !words[at].folded.starts_with("responsable") {
        return false;
    }
    let Some(det) = at.checked_sub(1) else {
        return false;
    };
    OFFICIAL_DETERMINERS.contains(&words[det].folded.as_str())
        && !det
            .checked_sub(1)
            .is_some_and(|k| ETRE.contains(&words[k].folded.as_str()))
}

/// Nouns of state bodies: with a nationality after them they speak for the state.
pub(super) const STATE_BODIES: &[&str] = &[
    "gouvernement",
    "armee",
    "ministere",
    "autorites",
    "president",
    "presidence",
    "diplomatie",
    "forces",
    "police",
    "etat-major",
    "executif",
    "regime",
    "pouvoir",
    "junte",
    "dirigeants",
];

pub(super) fn state_body_before(words: &[Word], p: &Part) -> bool {
    p.first
        .checked_sub(1)
        .is_some_and(|k| STATE_BODIES.contains(&words[k].folded.as_str()))
}

impl Analyser<'_> {
    /// Responsibility claims of a sentence from its cues.
    pub(super) fn claims(
        &self,
        words: &[Word],
        parts: &[Part],
        cues: &[(usize, usize, Role)],
        attribution: Option<&Attribution>,
        context: &Context,
    ) -> Vec<ResponsibilityClaim> {
        let mut out = Vec::new();
        // Denials read from the context, added once the cues are read.
        let mut extra: Vec<ResponsibilityClaim> = Vec::new();
        let speaker = |parts: &[Part]| -> Option<EventArgument> {
            let a = attribution?;
            let key = a.speaker_entity.as_ref()?;
            let span = a.speaker.unwrap_or(a.content);
            let part = parts.iter().find(|p| &p.entity == key);
            Some(EventArgument {
                span: part.map_or(span, |p| p.span),
                entity: part.map_or_else(|| key.clone(), |p| p.actor_key.clone()),
            })
        };
        let mut push = |actor: &Part, by: Option<EventArgument>, stance: Stance, own_side: bool| {
            let actor = EventArgument {
                span: actor.span,
                entity: if own_side {
                    self.own_side(actor)
                } else {
                    actor.actor_key.clone()
                },
            };
            let claim = ResponsibilityClaim { actor, by, stance };
            if !out.contains(&claim) {
                out.push(claim);
            }
        };
        for &(first, end, role) in cues {
            // "« Nous ne sommes pas responsables de ce massacre », écrit X": a first person
            // saying it is not responsible denies, as "nous n'avons rien à voir avec" does.
            let role = if role == Role::Held
                && negated_before(words, first)
                && subject_words(words, first) == Subject::FirstPerson
            {
                Role::Deny
            } else {
                role
            };
            if negated_before(words, first) && !matches!(role, Role::Deny | Role::MutualDeny) {
                continue;
            }
            // "X a démenti être à l'origine de la frappe", "nie en être responsable": what a
            // denial is about blames no one.
            let denied = cues
                .iter()
                .any(|&(f, e, r)| r == Role::Deny && e <= first && first - e <= 3 && f < first);
            if denied && matches!(role, Role::Held | Role::Of | Role::To) {
                continue;
            }
            // "Y, accusé par X": a participle after a comma is a passive too; "…, pointant du
            // doigt Y" is not.
            let passive = is_passive(words, first)
                || (words[first].participle
                    && first.checked_sub(1).is_some_and(|k| words[k].is_comma()));
            // A claimant is someone named, or a state body by its nationality ("le
            // gouvernement israélien"); "les rebelles syriens" speak for no state.
            let speaks = |p: &Part| p.label.is_some() || state_body_before(words, p);
            let subjects: Vec<&Part> = subjects_left(words, parts, first)
                .into_iter()
                .filter(|p| speaks(p))
                .collect();
            let agent = agent_right(words, parts, end).filter(|p| speaks(p));
            // "revendiqué par X et Y", "accusé par X, Y et Z": every agent of the list.
            let agents: Vec<&Part> = agent.map_or_else(Vec::new, |a| {
                with_coordinated(words, parts, a)
                    .into_iter()
                    .filter(|p| speaks(p))
                    .collect()
            });
            // "Il a imputé la frappe à X": a subject pronoun stands for the one who spoke in
            // the sentence before.
            let group = auxiliary_before(words, first).unwrap_or(first);
            let pronoun =
                subjects.is_empty() && matches!(subject_words(words, group), Subject::ThirdPronoun);
            let previous = || {
                if pronoun {
                    context.previous_speaker.clone()
                } else {
                    None
                }
            };
            match role {
                Role::Own => {
                    let who = if passive { agents } else { subjects };
                    for p in who {
                        push(p, Some(as_arg(p)), Stance::Claims, false);
                    }
                }
                Role::Accuse => {
                    // "« … », a accusé le président X": after a quotation the verb comes
                    // before its subject; who is accused is inside the quotation.
                    let group = auxiliary_before(words, first).unwrap_or(first);
                    let incise = group >= 2
                        && words[group - 1].is_comma()
                        && words[group - 2].kind == recoupe_model::TokenKind::Quote;
                    if incise {
                        continue;
                    }
                    if passive {
                        for p in subjects {
                            if agents.is_empty() {
                                push(p, None, Stance::Claims, false);
                            }
                            for a in &agents {
                                push(p, Some(as_arg(a)), Stance::Claims, false);
                            }
                        }
                    } else if let Some(accused) = object_right(words, parts, end) {
                        let by: Vec<Option<EventArgument>> = if subjects.is_empty() {
                            vec![speaker(parts).or_else(previous)]
                        } else {
                            subjects.iter().map(|p| Some(as_arg(p))).collect()
                        };
                        for b in by {
                            push(accused, b, Stance::Claims, false);
                        }
                    } else if group_noun_at(words, end) {
                        // "… ont revendiqué l'attaque. Le ministère a accusé le groupe de
                        // …": the group named again is the one just held responsible.
                        let Some(actor) = context.recent_responsible.clone() else {
                            continue;
                        };
                        let by = subjects
                            .first()
                            .map(|p| as_arg(p))
                            .or_else(|| speaker(parts));
                        if by.as_ref().is_some_and(|b| b.entity == actor.entity) {
                            continue;
                        }
                        extra.push(ResponsibilityClaim {
                            actor,
                            by,
                            stance: Stance::Claims,
                        });
                    }
                }
                Role::To => {
                    // "imputé à X (par Y)", "X attribue l'attaque à Y".
                    let Some(target) = after_word(words, parts, end, &["a", "au", "aux"]) else {
                        continue;
                    };
                    // "imputé à X par Y et Z": each agent of the list blames X.
                    let by_list: Vec<&Part> = agent_right(words, parts, target.last + 1)
                        .map_or_else(Vec::new, |a| with_coordinated(words, parts, a));
                    if !by_list.is_empty() {
                        for a in by_list {
                            push(target, Some(as_arg(a)), Stance::Claims, false);
                        }
                        continue;
                    }
                    let by = subjects
                        .first()
                        .filter(|_| !passive)
                        .map(|p| as_arg(p))
                        .or_else(|| speaker(parts))
                        .or_else(previous);
                    push(target, by, Stance::Claims, false);
                }
                Role::Of => {
                    // "c'est l'œuvre des Russes", "X y voit la main de Y": the one right
                    // after "de" did it, by the subject's or the speaker's account.
                    // ("mise en œuvre de" is no authorship.)
                    let en_before = first
                        .checked_sub(1)
                        .is_some_and(|k| words[k].folded == "en");
                    if en_before
                        || !words.get(end).is_some_and(|w| {
                            matches!(w.folded.as_str(), "de" | "d'" | "du" | "des")
                        })
                    {
                        continue;
                    }
                    let Some(target) = parts
                        .iter()
                        .find(|p| p.first > end && p.first <= end + 2 && !p.place_only)
                    else {
                        continue;
                    };
                    let by = subjects
                        .first()
                        .map(|p| as_arg(p))
                        .or_else(|| speaker(parts));
                    push(target, by, Stance::Claims, false);
                }
                Role::Held => {
                    // "son responsable", "les responsables de l'agence": the noun names an
                    // official; "X est le responsable" still holds X responsible.
                    if official_noun(words, first) {
                        continue;
                    }
                    let Some(held) = parts
                        .iter()
                        .rev()
                        .find(|p| p.last < first && first - p.last <= 6 && !p.place_only)
                    else {
                        continue;
                    };
                    let by = parts
                        .iter()
                        .rev()
                        .find(|p| p.last < held.first && !p.place_only && held.first - p.last <= 6)
                        .map(as_arg)
                        .or_else(|| speaker(parts));
                    push(held, by, Stance::Claims, false);
                }
                Role::Deny => {
                    // "une accusation rejetée par X": the agent denies its own part.
                    if passive && !agents.is_empty() {
                        for p in &agents {
                            push(p, Some(as_arg(p)), Stance::Denies, true);
                        }
                        continue;
                    }
                    if !subjects.is_empty() {
                        for p in subjects {
                            push(p, Some(as_arg(p)), Stance::Denies, true);
                        }
                        continue;
                    }
                    match subject_words(words, group) {
                        // "« Nous n'avons rien à voir avec ce crime », a dit le porte-parole
                        // de X, Y": the speaker denies for the body his title names; with
                        // none named there ("écrit l'un de ses porte-parole, Y"), for the
                        // group the sentences before hold responsible; else for his own
                        // side.
                        Subject::FirstPerson => {
                            let Some(a) = attribution else { continue };
                            let Some(by) = speaker(parts) else { continue };
                            let body = a.speaker.and_then(|s| {
                                parts.iter().find(|p| {
                                    s.contains(&p.span)
                                        && !p.place_only
                                        && p.label.is_some_and(|l| l != EntityType::PER)
                                })
                            });
                            let actor = match body {
                                Some(p) => EventArgument {
                                    span: p.span,
                                    entity: p.actor_key.clone(),
                                },
                                None => context
                                    .recent_accused
                                    .clone()
                                    .or_else(|| context.recent_responsible.clone())
                                    .filter(|g| g.entity != by.entity)
                                    .unwrap_or_else(|| by.clone()),
                            };
                            let claim = ResponsibilityClaim {
                                actor,
                                by: Some(by),
                                stance: Stance::Denies,
                            };
                            extra.push(claim);
                        }
                        // "X accuse Y. Les paramilitaires ont nié": the group just held
                        // responsible, named again by a noun or a pronoun, denies.
                        Subject::ThirdPronoun | Subject::CommonNoun => {
                            let Some(accused) = context.recent_accused.clone() else {
                                continue;
                            };
                            let claim = ResponsibilityClaim {
                                actor: accused.clone(),
                                by: Some(accused),
                                stance: Stance::Denies,
                            };
                            extra.push(claim);
                        }
                        Subject::Other => {}
                    }
                }
                // Read against the events of the sentence (below).
                Role::Refute => {}
                Role::Mutual | Role::MutualDeny => {
                    if subjects.len() >= 2 {
                        for (a, b) in [(subjects[0], subjects[1]), (subjects[1], subjects[0])] {
                            push(b, Some(as_arg(a)), Stance::Claims, false);
                            if role == Role::MutualDeny {
                                push(a, Some(as_arg(a)), Stance::Denies, true);
                            }
                        }
                    }
                }
            }
        }
        for claim in extra {
            if !out.contains(&claim) {
                out.push(claim);
            }
        }
        out
    }
}
