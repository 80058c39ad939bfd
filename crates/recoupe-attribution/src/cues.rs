//! Cues: the speech verbs of a sentence (with their auxiliary, pronominal "se" and inverted
//! clitic), "selon" / "d'après", and what follows a verb (a "que" clause, a colon, a
//! quotation). Relay words ("citant", "cité par") are skipped here: they link a chain
//! (`chains`) and are no statement of their own.

use recoupe_model::Polarity;

use crate::grammar::{aside_len, is_adverb, is_boundary, AUXILIARIES, DETERMINERS, SUBORDINATORS};
use crate::lexicon::{FormKind, Lexicon, VerbClass};
use crate::words::{Word, WordKind};

/// Part-of-speech tags of one sentence, computed only when a form is ambiguous.
/// A sentence's part-of-speech tags, computed on first use and only as far as asked.
pub(crate) type Tags = Option<recoupe_tagger::Prefix>;

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
    /// The speaker's stance the group expresses.
    pub(crate) polarity: Polarity,
    /// A refusal to comment ("n'a pas souhaité commenter"): `verb` is the commenting word.
    pub(crate) refusal: bool,
    /// A passive participle with its agent ("qualifié d'acte terroriste *par* le
    /// gouverneur", "un chiffre démenti *par* le Croissant-Rouge"): the index of "par".
    pub(crate) agent: Option<usize>,
}

/// How many words before "de source" a form of "apprendre" makes it the verb's source ("a
/// appris le journal de source sécuritaire").
const LEARNT_WORDS: usize = 6;

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
    // Whether a refusal to comment may be in the sentence: a negation, a verb of refusing
    // or of commenting (found on the way, so the refusal pass runs only then).
    let mut maybe_refusal = false;
    let mut i = 0;
    while i < words.len() {
        if quoted[i] {
            i += 1;
            continue;
        }
        // "le JNIM selon son acronyme arabe", "selon les cas": no source.
        if let Some((phrase, _)) = lex.not_according.at(words, i) {
            i += phrase.len();
            continue;
        }
        if let Some((phrase, _)) = lex.according.at(words, i) {
            // "une information selon laquelle …", "selon que …" introduce no source.
            let next = words
                .get(i + phrase.len())
                .map(|w| w.folded.as_str())
                .unwrap_or("");
            // "a-t-on appris de source policière", "a appris X de source sûre": the source
            // the verb "apprendre" learnt from, read with that verb (as "de sources …").
            let learnt = phrase.len() == 2
                && words[i].folded == "de"
                && words[i + 1].folded == "source"
                && words[i.saturating_sub(LEARNT_WORDS)..i].iter().any(|w| {
                    matches!(
                        w.folded.trim_end_matches("-on"),
                        "appris" | "apprend" | "apprenait" | "apprennent" | "apprenaient"
                    )
                });
            if learnt
                || next.starts_with("lequel")
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
        maybe_refusal |= matches!(w.folded.as_str(), "ne" | "n'");
        if w.kind == WordKind::Word {
            let forms = lex.verbs_opening_with(&w.lower);
            maybe_refusal |= forms
                .iter()
                .any(|f| matches!(f.class, VerbClass::Refuse | VerbClass::Comment));
            // A multi-word verb may take one adverb after its first word ("fait aussi
            // état", "a mis notamment en garde").
            let tail_at = |f: &crate::lexicon::VerbForm, skip: usize| {
                f.tail.len() + skip < words.len() - i
                    && f.tail
                        .iter()
                        .zip(&words[i + 1 + skip..])
                        .all(|(t, w)| *t == w.lower)
            };
            let adverb_next = words.get(i + 1).is_some_and(is_adverb);
            // The longest verb whose words follow ("fait savoir" before "fait état" is
            // tried, the single-word form last).
            // … or a discourse aside between two of its words ("s'en tient pour l'instant
            // à"): how many words the tail spans then.
            let tail_with_aside = |f: &crate::lexicon::VerbForm| -> Option<usize> {
                let mut k = i + 1;
                let mut aside = 0;
                for t in &f.tail {
                    if aside == 0
                        && words.get(k).is_some_and(|w| {
                            w.lower != *t
                                && matches!(w.folded.as_str(), "pour" | "de" | "a" | "quant" | "en")
                        })
                    {
                        aside = aside_len(words, k);
                        k += aside;
                    }
                    if words.get(k).is_none_or(|w| w.lower != *t) {
                        return None;
                    }
                    k += 1;
                }
                (aside > 0 && k < words.len()).then_some(aside)
            };
            let found = forms.iter().find_map(|f| {
                if tail_at(f, 0) {
                    Some((f, 0))
                } else if !f.tail.is_empty() && adverb_next && tail_at(f, 1) {
                    Some((f, 1))
                } else if let Some(aside) = tail_with_aside(f) {
                    Some((f, aside))
                } else {
                    None
                }
            });
            if let Some((form, skip)) = found {
                let verb_end = i + form.tail.len() + skip;
                let prev = i.checked_sub(1).map(|p| &words[p]);
                // "une avance", "en avance": a noun; "en accusant" is a gerund.
                // "comme le rappelle X": "le" is the object pronoun of an incise.
                let after_comme = i >= 2 && words[i - 2].folded == "comme";
                let after_determiner = !after_comme
                    && prev.is_some_and(|p| {
                        DETERMINERS.contains(&p.folded.as_str())
                            || matches!(p.folded.as_str(), "de" | "d'" | "du" | "l'")
                            || p.folded == "en" && !w.folded.ends_with("ant")
                    });
                let aux = find_auxiliary(words, i);
                // A verb of refusing heads a refusal to comment, never a statement of its
                // own; "rejeter" denies a claim ("rejette les accusations"), or what follows
                // as a clause.
                let names_claim = form.claim && claim_object(lex, words, verb_end);
                // "…, a confirmé le porte-parole": a claim verb with no object of its own
                // may still be an incise (decided with the statement, as for a weak verb).
                let incise_position = words.get(i + 1).is_some_and(|n| n.kind == WordKind::Clitic)
                    || aux.unwrap_or(i).checked_sub(1).is_some_and(|p| {
                        matches!(
                            words[p].kind,
                            WordKind::Comma | WordKind::CloseQuote | WordKind::StraightQuote
                        )
                    });
                // "Un incendie s'est déclaré dans la nuit", "la tendance se confirme": a
                // verb that is not pronominal, used with "se", is another verb; it speaks
                // only with an attribute of its subject ("s'est dit « préoccupé »", "s'est
                // déclaré favorable").
                // Two who accuse or deny each other ("se sont accusés mutuellement", "se
                // rejettent la responsabilité": a plural verb) and who wonders ("se demande
                // si") speak; "le club s'est qualifié" does not.
                let reciprocal = matches!(form.class, VerbClass::Accuse | VerbClass::Deny)
                    && words[aux.unwrap_or(i)].folded.ends_with("nt");
                let reflexive_use = !form.pronominal
                    && !reciprocal
                    && form.class != VerbClass::Ask
                    && third_person_reflexive_before(words, aux.unwrap_or(i))
                    && !attribute_at(text, words, verb_end + 1, &mut tags);
                // "arrêté après avoir appelé au boycott": a past infinitive after "après"
                // tells an earlier act of the subject, not what the article reports said.
                let earlier_act = aux.is_some_and(|a| {
                    words[a].folded == "avoir" && a > 0 && words[a - 1].folded == "apres"
                });
                let speaks = form.class != VerbClass::Refuse
                    && !earlier_act
                    && !votes_yes_or_no(words, i)
                    && !reflexive_use
                    && (!form.pronominal || reflexive_before(words, aux.unwrap_or(i)))
                    && (!form.claim
                        || names_claim
                        || incise_position
                        || complement_after(words, verb_end).is_some());
                // "Ce drame a été qualifié d'acte terroriste par X", "un chiffre démenti par
                // X": the agent of a passive participle said it.
                // "L'attaque a été revendiquée par X" reports an act, not X's words: an
                // announcing verb taking an object ("revendiquer") has no speaking agent.
                // "Des tirs ont été entendus par des journalistes de l'AFP": seeing or
                // hearing in the passive, a statement when the agent is a reporter or a
                // witness (decided with the speaker).
                // "Une somme jugée « dérisoire » par X", "un bilan jugé crédible par X": a
                // verb of judging in the passive is the agent's judgement when an attribute
                // stands between it and "par" ("jugé par un tribunal" is a trial, "informé
                // par" news received).
                let judged = form.kind == FormKind::Participle
                    && aux.is_none()
                    && form.opinion
                    && form.class == VerbClass::Say
                    && judged_attribute_at(text, words, verb_end + 1, &mut tags);
                let agent = (form.kind == FormKind::Participle
                    && aux.is_none()
                    && (!form.weak || form.opinion || form.class == VerbClass::Witness)
                    && !(form.opinion && form.class == VerbClass::Announce)
                    && !form.pronominal
                    && (judged
                        || matches!(
                            form.class,
                            VerbClass::Deny
                                | VerbClass::Confirm
                                | VerbClass::Accuse
                                | VerbClass::Announce
                                | VerbClass::Hedge
                                | VerbClass::Witness
                        )))
                .then(|| passive_agent(words, verb_end))
                .flatten();
                // "a dénoncé « … » et appelé Kinshasa à …": a participle coordinated with an
                // earlier verb of the sentence shares its auxiliary.
                // "L'armée avait mené une opération et indiqué un bilan de 20 morts": or any
                // compound verb before it in the sentence, outside quotations.
                let coordinated = prev.is_some_and(|p| matches!(p.folded.as_str(), "et" | "puis"))
                    && (cues
                        .iter()
                        .any(|c| matches!(c, CueKind::Verb(v) if v.group_start < v.verb))
                        // not a pronominal verb without its "se" ("et emporté du bétail")
                        // nor one often not about speech.
                        || form.kind == FormKind::Participle
                            && !form.pronominal
                            && !form.weak
                            && (0..i.saturating_sub(2)).any(|k| {
                                !quoted[k]
                                    && !words[k].capitalised
                                    && matches!(
                                        words[k].folded.as_str(),
                                        "a" | "ont" | "avait" | "avaient"
                                    )
                            }));
                let ok = speaks
                    && match form.kind {
                        FormKind::Participle => aux.is_some() || agent.is_some() || coordinated,
                        FormKind::Finite => {
                            aux.is_some()
                                || (!after_determiner
                                    && (after_comme
                                        // "faisant état", "met en garde": the words after
                                        // the first make it a verb.
                                        || !form.tail.is_empty()
                                        || finite_in_speech_position(words, i)
                                        || tagged_as_verb(text, words, i, &mut tags)
                                        // "Les secours annoncent retrouver des corps"
                                        || infinitive_at(words, verb_end + 1)
                                            && tagged_as_verb(
                                                text,
                                                words,
                                                verb_end + 1,
                                                &mut tags,
                                            )))
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
                    let mut group_end = agent.unwrap_or(verb_end);
                    let mut clitic = (group_start..=i).find(|&k| words[k].kind == WordKind::Clitic);
                    if clitic.is_none()
                        && words.get(i + 1).is_some_and(|n| n.kind == WordKind::Clitic)
                    {
                        clitic = Some(i + 1);
                        group_end = i + 1;
                    }
                    let polarity = if negated(words, group_start, group_end) {
                        Polarity::NoComment
                    } else {
                        class_polarity(form.class)
                    };
                    cues.push(CueKind::Verb(VerbCue {
                        class: form.class,
                        // A :claim verb is weak but for its claim object.
                        weak: (form.weak || form.claim) && !names_claim,
                        opinion: form.opinion,
                        verb: i,
                        group_start,
                        group_end,
                        clitic,
                        polarity,
                        refusal: false,
                        agent,
                    }));
                    i = group_end + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    if maybe_refusal {
        // A refusal's group replaces the cues inside it ("n'a pas *souhaité* commenter").
        for refusal in refusals_to_comment(lex, words, quoted) {
            cues.retain(|c| match c {
                CueKind::Verb(v) => {
                    v.group_end < refusal.group_start || v.group_start > refusal.group_end
                }
                CueKind::According { start, end } => {
                    *end < refusal.group_start || *start > refusal.group_end
                }
            });
            let at = cues.partition_point(|c| match c {
                CueKind::Verb(v) => v.group_start < refusal.group_start,
                CueKind::According { start, .. } => *start < refusal.group_start,
            });
            cues.insert(at, CueKind::Verb(refusal));
        }
    }
    cues
}

/// Whether the verb group starting at word `start` (its auxiliary or the verb) has the
/// reflexive pronoun a pronominal verb needs: "s'est emporté", "se félicite", "s'en est
/// réjoui", "ne s'est pas dit", "se disant"; without it the form belongs to another verb
/// ("elle a tout emporté sur son passage").
fn reflexive_before(words: &[Word], start: usize) -> bool {
    let mut k = start;
    for _ in 0..2 {
        let Some(p) = k.checked_sub(1) else {
            return false;
        };
        match words[p].folded.as_str() {
            "se" | "s'" | "me" | "m'" | "te" | "t'" | "nous" | "vous" => return true,
            "en" | "y" => k = p,
            _ => return false,
        }
    }
    false
}

/// Whether "se" / "s'" stands right before the verb group starting at word `start` ("s'est
/// déclaré", "se confirme"); "nous" and "vous" may be objects ("nous a dit") and do not count.
fn third_person_reflexive_before(words: &[Word], start: usize) -> bool {
    start
        .checked_sub(1)
        .is_some_and(|p| matches!(words[p].folded.as_str(), "se" | "s'"))
}

/// Whether word `k` opens an attribute of the subject or what was said: a quotation, a
/// clause ("que", "si", a colon) or, past two adverbs, a word the tagger reads as an
/// adjective or a participle ("prêt", "favorable", "très préoccupés").
fn attribute_at(text: &str, words: &[Word], k: usize, tags: &mut Tags) -> bool {
    let mut k = k;
    for _ in 0..3 {
        let Some(w) = words.get(k) else {
            return false;
        };
        if matches!(w.kind, WordKind::OpenQuote | WordKind::StraightQuote)
            || matches!(w.folded.as_str(), "que" | "qu'" | "si" | ":")
        {
            return true;
        }
        match tag_of(text, words, k, tags) {
            Some(recoupe_tagger::Upos::Adj | recoupe_tagger::Upos::Verb) => return true,
            Some(recoupe_tagger::Upos::Adv) => k += 1,
            _ => return false,
        }
    }
    false
}

/// Whether word `k`, right after a passive participle of judging, opens the attribute it
/// gives: a quotation or an adjective, after "de" or not ("jugée « dérisoire »", "estimé
/// trop cher").
fn judged_attribute_at(text: &str, words: &[Word], k: usize, tags: &mut Tags) -> bool {
    let mut k = k;
    if words
        .get(k)
        .is_some_and(|w| matches!(w.folded.as_str(), "de" | "d'"))
    {
        k += 1;
    }
    for _ in 0..2 {
        let Some(w) = words.get(k) else {
            return false;
        };
        if matches!(w.kind, WordKind::OpenQuote | WordKind::StraightQuote) {
            return true;
        }
        match tag_of(text, words, k, tags) {
            Some(recoupe_tagger::Upos::Adj) => return true,
            Some(recoupe_tagger::Upos::Adv) => k += 1,
            _ => return false,
        }
    }
    false
}

/// The "par" that introduces the agent of a passive participle ending at `verb_end`, a
/// few words on in the same clause and followed by a name or a determiner ("qualifié d'acte
/// « terroriste » par Rahman Jalali", "démenti par le Croissant-Rouge").
fn passive_agent(words: &[Word], verb_end: usize) -> Option<usize> {
    let mut k = verb_end + 1;
    while k <= verb_end + 6 {
        let w = words.get(k)?;
        if matches!(w.kind, WordKind::Comma | WordKind::Colon | WordKind::Stop) {
            return None;
        }
        if w.folded == "par" {
            let next = words.get(k + 1)?;
            let opens = next.capitalised
                || DETERMINERS.contains(&next.folded.as_str())
                || matches!(next.folded.as_str(), "plusieurs" | "certains" | "certaines");
            return opens.then_some(k);
        }
        k += 1;
    }
    None
}

/// The polarity a verb class gives a statement.
fn class_polarity(class: VerbClass) -> Polarity {
    match class {
        VerbClass::Deny => Polarity::Deny,
        VerbClass::Confirm => Polarity::Confirm,
        _ => Polarity::Assert,
    }
}

/// Adverbs that with "ne" negate a verb ("n'a *pas* confirmé", "ne commente *jamais*").
const NEGATIONS: [&str; 7] = [
    "pas",
    "jamais",
    "point",
    "guere",
    "plus",
    "nullement",
    "aucunement",
];

/// Whether a verb group is negated: "ne" / "n'" just before it (past object pronouns: "ne
/// l'a pas confirmé") and a negation adverb inside it or right after it ("ne précise pas").
/// "n'a dit que …" (restriction) has no adverb and is not negated.
fn negated(words: &[Word], group_start: usize, group_end: usize) -> bool {
    let ne = (1..=3)
        .map_while(|back| {
            group_start
                .checked_sub(back)
                .map(|k| words[k].folded.as_str())
        })
        .take_while(|w| {
            matches!(
                *w,
                "ne" | "n'"
                    | "le"
                    | "la"
                    | "les"
                    | "l'"
                    | "lui"
                    | "leur"
                    | "y"
                    | "en"
                    | "se"
                    | "s'"
            )
        })
        .any(|w| w == "ne" || w == "n'");
    // "Aucune source n'a confirmé …", "Nul ne conteste …": the subject carries the
    // negation, no "pas" follows.
    let negative_subject = || {
        words[..group_start]
            .iter()
            .rev()
            .take(SUBJECT_NEGATION_WORDS)
            .take_while(|w| !is_boundary(w))
            .any(|w| matches!(w.folded.as_str(), "aucun" | "aucune" | "nul" | "nulle"))
    };
    ne && (words[group_start..=(group_end + 1).min(words.len() - 1)]
        .iter()
        .any(|w| NEGATIONS.contains(&w.folded.as_str()))
        || negative_subject())
}

/// How many words before a verb group a negative subject ("aucune source officielle") may
/// start.
const SUBJECT_NEGATION_WORDS: usize = 6;

/// Whether the words after a verb ending at `verb_end` are its object naming a claim,
/// after at most two determiners or pronouns ("les accusations", "toute responsabilité",
/// "se rejettent la responsabilité").
fn claim_object(lex: &Lexicon, words: &[Word], verb_end: usize) -> bool {
    // Past "pour sa part", "de son côté", "à son tour" and dates of the week.
    words[verb_end + 1..]
        .iter()
        .take(6)
        .find(|w| {
            !DETERMINERS.contains(&w.folded.as_str())
                && !matches!(
                    w.folded.as_str(),
                    "toute"
                        | "tout"
                        | "toutes"
                        | "ces"
                        | "pour"
                        | "part"
                        | "de"
                        | "cote"
                        | "a"
                        | "tour"
                        | "lundi"
                        | "mardi"
                        | "mercredi"
                        | "jeudi"
                        | "vendredi"
                        | "samedi"
                        | "dimanche"
                        // "pour l'instant", "à ce stade"
                        | "instant"
                        | "moment"
                        | "stade"
                        // "son propre décompte", "son dernier bilan"
                        | "propre"
                        | "premier"
                        | "dernier"
                        | "nouveau"
                        | "nouvel"
                        | "precedent"
                )
                && !is_adverb(w)
        })
        .is_some_and(|w| {
            // a count as a claim: "maintient son propre décompte", "une estimation"
            lex.claim_nouns.contains(w.folded.as_str())
                || lex.toll_nouns.contains(w.folded.as_str())
        })
}

/// Refusals to comment: a verb of commenting ("commenter", "réagir", "s'exprimer") or what
/// one declines to give ("tout commentaire", "aucune déclaration") under a verb of refusing
/// ("a refusé de", "s'est refusé à", "a décliné") or a negation ("n'a pas souhaité", "ne …
/// pas", "n'a fait aucun"), in one verb group: its cue runs from the auxiliary or the
/// refusing verb to the commenting word.
fn refusals_to_comment(lex: &Lexicon, words: &[Word], quoted: &[bool]) -> Vec<VerbCue> {
    let mut out: Vec<VerbCue> = Vec::new();
    for j in 0..words.len() {
        if quoted[j] || out.last().is_some_and(|c| c.group_end >= j) {
            continue;
        }
        let commenting = lex
            .verb(&words[j].lower)
            .filter(|f| f.class == VerbClass::Comment);
        let object = lex.no_comment_objects.at(words, j).map(|(p, _)| p.len());
        let end = match (commenting, object) {
            (Some(_), _) => j,
            (None, Some(len)) => j + len - 1,
            (None, None) => continue,
        };
        // Back over the verb group: auxiliaries, negation, verbs of will or refusing and
        // their "de" / "à", pronominal "se".
        let (mut refusal, mut ne, mut adverb) = (false, false, false);
        let mut start = j;
        while start > 0 && j - start < 7 {
            let w = &words[start - 1];
            let f = w.folded.as_str();
            let refusing = lex
                .verb(&w.lower)
                .is_some_and(|v| v.class == VerbClass::Refuse);
            let part = refusing
                || AUXILIARIES.contains(&w.lower.as_str())
                || NEGATIONS.contains(&f)
                || lex.no_comment_heads.contains(f)
                || matches!(f, "ne" | "n'" | "de" | "d'" | "a" | "s'" | "se" | "pu");
            if !part || w.kind != WordKind::Word && w.kind != WordKind::Elision {
                break;
            }
            refusal |= refusing;
            ne |= matches!(f, "ne" | "n'");
            adverb |= NEGATIONS.contains(&f);
            start -= 1;
        }
        // "ne commente pas": the adverb after the verb.
        adverb |= commenting.is_some()
            && words
                .get(j + 1)
                .is_some_and(|w| NEGATIONS.contains(&w.folded.as_str()));
        let no_determiner = matches!(words[j].folded.as_str(), "aucun" | "aucune");
        if !(refusal || ne && (adverb || no_determiner)) {
            continue;
        }
        while start < j && matches!(words[start].folded.as_str(), "ne" | "n'") {
            start += 1;
        }
        let end = if words
            .get(end + 1)
            .is_some_and(|w| NEGATIONS.contains(&w.folded.as_str()))
        {
            end + 1
        } else {
            end
        };
        out.push(VerbCue {
            class: VerbClass::Comment,
            weak: false,
            opinion: false,
            verb: j,
            group_start: start,
            group_end: end,
            clitic: None,
            polarity: Polarity::NoComment,
            refusal: true,
            agent: None,
        });
    }
    out
}

/// "Genève dit oui à la gratuité", "les cantons ont dit « non »": saying yes or no is a
/// vote, not a statement.
fn votes_yes_or_no(words: &[Word], i: usize) -> bool {
    matches!(
        words[i].folded.as_str(),
        "dit" | "disent" | "dire" | "disait" | "disaient" | "dira" | "diront"
    ) && words[i + 1..]
        .iter()
        .find(|w| !matches!(w.kind, WordKind::OpenQuote | WordKind::StraightQuote))
        .is_some_and(|w| matches!(w.folded.as_str(), "oui" | "non"))
}

/// How many words an incise inside a quotation may have, verb included.
const QUOTED_INCISE_WORDS: usize = 10;

/// French typography leaves an incise inside the guillemets of the quotation it cuts: « Nous
/// partons demain, explique la directrice. Rien n'est prêt. » The incise after a comma
/// inside an opened quotation (a verb of saying with its inverted subject: "indique un
/// témoin", "a-t-il ajouté", "a précisé le maire") is the article's words, not the
/// speaker's: its words are taken out of the quoted mask so that it reads as a cue.
pub(crate) fn incises_in_quotations(lex: &Lexicon, words: &[Word], quoted: &mut [bool]) {
    let mut depth = 0usize;
    for i in 0..words.len() {
        match words[i].kind {
            WordKind::OpenQuote => depth += 1,
            WordKind::CloseQuote => depth = depth.saturating_sub(1),
            WordKind::Comma if depth > 0 && quoted[i] => {
                if let Some(end) = quoted_incise(lex, words, i + 1) {
                    for q in &mut quoted[i + 1..=end] {
                        *q = false;
                    }
                }
            }
            _ => {}
        }
    }
}

/// The last word of an incise starting at `at` inside a quotation: a speech verb (after an
/// auxiliary or not) followed by an inverted clitic or by a subject (a determiner or a
/// name), up to the next comma, stop or quotation mark.
fn quoted_incise(lex: &Lexicon, words: &[Word], at: usize) -> Option<usize> {
    let speech = |k: usize, kind: FormKind| {
        words.get(k).is_some_and(|w| {
            w.kind == WordKind::Word
                && !w.capitalised
                && lex
                    .verb(&w.lower)
                    .is_some_and(|f| f.kind == kind && f.class != VerbClass::Refuse)
        })
    };
    let subject = |k: usize| {
        words.get(k).is_some_and(|w| {
            w.kind == WordKind::Clitic
                || DETERMINERS.contains(&w.folded.as_str())
                || w.kind == WordKind::Word && w.capitalised
        })
    };
    let clitic = |k: usize| words.get(k).is_some_and(|w| w.kind == WordKind::Clitic);
    let first = words.get(at)?;
    let verb_end = if AUXILIARIES.contains(&first.lower.as_str()) {
        // "a-t-il ajouté", "a précisé le maire"
        if clitic(at + 1) && speech(at + 2, FormKind::Participle) {
            at + 2
        } else if speech(at + 1, FormKind::Participle) && subject(at + 2) {
            at + 1
        } else {
            return None;
        }
    } else if speech(at, FormKind::Finite) && subject(at + 1) {
        // "indique un témoin", "explique-t-elle"
        at
    } else {
        return None;
    };
    let mut end = verb_end;
    while let Some(w) = words.get(end + 1) {
        match w.kind {
            WordKind::Comma | WordKind::Stop | WordKind::Colon | WordKind::CloseQuote => break,
            WordKind::OpenQuote | WordKind::StraightQuote => return None,
            _ => end += 1,
        }
        if end - at >= QUOTED_INCISE_WORDS {
            return None;
        }
    }
    Some(end)
}

/// Whether word `k` looks like an infinitive ("retrouver", "avoir", "détruire"): lowercase,
/// with an infinitive's ending.
pub(crate) fn infinitive_at(words: &[Word], k: usize) -> bool {
    words.get(k).is_some_and(|w| {
        w.kind == WordKind::Word
            && !w.capitalised
            && w.folded.len() > 4
            && ["er", "ir", "re", "oir"]
                .iter()
                .any(|e| w.folded.ends_with(e))
    })
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
            // "Human Rights Watch (HRW) dénonce …": a name's acronym in parentheses.
            || p.folded == ")"
                && i >= 2
                && words[i - 2].capitalised
                && words[i - 2].kind == WordKind::Word
    });
    let complement_after = after.is_some_and(|n| {
        matches!(n.folded.as_str(), "que" | "qu'" | ":")
            || matches!(
                n.kind,
                WordKind::OpenQuote | WordKind::StraightQuote | WordKind::Clitic
            )
    });
    // "La compagnie (minière) conteste ces chiffres": between a noun phrase and the
    // determiner of its object.
    // "Le syndicat revendique pour sa part 900 grévistes": past an aside.
    let object_after = words.get(i + 1 + aside_len(words, i + 1)).is_some_and(|n| {
        DETERMINERS.contains(&n.folded.as_str())
            // "le gouvernement annonce 300 morts": a count as the object.
            || n.folded.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                n.folded.as_str(),
                "toute" | "tout" | "toutes" | "tous" | "ces"
            )
    });
    let noun_phrase_before = (2..=3).any(|back| {
        i.checked_sub(back).is_some_and(|d| {
            DETERMINERS.contains(&words[d].folded.as_str())
                && words[d + 1..i].iter().all(|w| {
                    w.kind == WordKind::Word
                        && !w.capitalised
                        && !DETERMINERS.contains(&w.folded.as_str())
                        && !matches!(w.folded.as_str(), "de" | "d'" | "a" | "en" | "et" | "ou")
                })
        })
    });
    subject_before || complement_after || (object_after && noun_phrase_before)
}

/// Whether the tagger reads word `i` as a verb ("le Premier ministre déclare la victoire")
/// rather than a noun or adjective ("une large avance"). The sentence is tagged once, and
/// only up to the furthest word asked about.
pub(crate) fn tagged_as_verb(text: &str, words: &[Word], i: usize, tags: &mut Tags) -> bool {
    tag_of(text, words, i, tags) == Some(recoupe_tagger::Upos::Verb)
}

/// Whether the tagger reads word `i` as a verb or as "être" / "avoir" ("La saison *sera*
/// courte"): the word of a clause.
pub(crate) fn tagged_as_verb_or_aux(text: &str, words: &[Word], i: usize, tags: &mut Tags) -> bool {
    matches!(
        tag_of(text, words, i, tags),
        Some(recoupe_tagger::Upos::Verb | recoupe_tagger::Upos::Aux)
    )
}

/// The tagger's part of speech of word `i`, the sentence tagged once up to the furthest word
/// asked about.
fn tag_of(text: &str, words: &[Word], i: usize, tags: &mut Tags) -> Option<recoupe_tagger::Upos> {
    let prefix = tags.get_or_insert_with(|| {
        let mut prefix = recoupe_tagger::Prefix::default();
        prefix.start(words.len());
        prefix
    });
    recoupe_tagger::Tagger::embedded().tag_at(prefix, i, |k| {
        std::borrow::Cow::Borrowed(&text[words[k].start..words[k].end])
    })
}

/// The auxiliary of a participle at `i`, looking back over adverbs, negation and clitics.
fn find_auxiliary(words: &[Word], i: usize) -> Option<usize> {
    let mut k = i;
    let mut skipped_aside = false;
    for _ in 0..6 {
        k = k.checked_sub(1)?;
        let w = &words[k];
        match w.kind {
            WordKind::Clitic => continue,
            // "a, de son côté, confirmé": an aside between commas right after the auxiliary.
            WordKind::Comma if !skipped_aside && k + 1 == i => {
                let open = (k.saturating_sub(7)..k)
                    .rev()
                    .find(|&c| words[c].kind == WordKind::Comma)?;
                let aux = open.checked_sub(1)?;
                if !words[open + 1..k]
                    .iter()
                    .all(|x| matches!(x.kind, WordKind::Word | WordKind::Elision))
                {
                    return None;
                }
                skipped_aside = true;
                k = aux + 1;
            }
            WordKind::Word | WordKind::Elision => {
                if AUXILIARIES.contains(&w.lower.as_str()) {
                    // "ont été proclamés", "est considéré": a passive is not a speech act,
                    // unless pronominal ("s'est dit", "s'est félicité").
                    let passive = matches!(
                        w.lower.as_str(),
                        "est" | "sont" | "était" | "étaient" | "été"
                    ) && !reflexive_before(words, k);
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
                            // "a d'abord annoncé"
                            | "abord"
                            | "plus"
                            | "tard"
                            | "alors"
                            | "aussi"
                            // "a en outre démenti", "se sont à nouveau accusées", "a de
                            // son côté indiqué", "a pour sa part estimé"
                            | "en"
                            | "outre"
                            | "effet"
                            | "revanche"
                            | "nouveau"
                            | "de"
                            | "son"
                            | "sa"
                            | "côté"
                            | "pour"
                            | "part"
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
        // "a reconnu avoir conduit", "nie être impliqué", "a affirmé ne pas avoir vu": a
        // past or passive infinitive is a clause of its own.
        if n <= 3 && matches!(w.folded.as_str(), "avoir" | "etre") {
            return Some(Complement {
                clausal: true,
                distance: n,
            });
        }
        // A colon announces what was said; a semicolon or a dash does not.
        if n <= 8
            && (w.folded == ":" || matches!(w.kind, WordKind::OpenQuote | WordKind::StraightQuote))
        {
            return Some(Complement {
                clausal: false,
                distance: n,
            });
        }
        // "…, a dit le ministère, affirmant que …": the clause of a participle after a
        // comma is its own.
        // "…, précise la société, qui affirme que …": so is a relative clause's.
        let participle_next = w.kind == WordKind::Comma
            && words.get(k + 1).is_some_and(|x| {
                x.kind == WordKind::Word
                    && (x.folded.ends_with("ant")
                        && x.folded.len() > 5
                        && !matches!(
                            x.folded.as_str(),
                            "cependant" | "maintenant" | "pendant" | "durant" | "avant"
                        )
                        || matches!(x.folded.as_str(), "qui" | "dont" | "lequel" | "laquelle"))
            });
        // "a répété, comme il l'avait fait en campagne, que …": an aside between commas
        // before "que" is no boundary.
        let before_que = words
            .get(k + 1)
            .is_some_and(|x| matches!(x.folded.as_str(), "que" | "qu'"));
        if w.kind == WordKind::Stop
            || w.kind == WordKind::Comma && n > 8 && !before_que
            || n > 14
            || participle_next
        {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::quoted_mask;
    use crate::testutil::{content, contents, doc};
    use crate::words::scan;
    use recoupe_model::EntityType;

    #[test]
    fn issue13_a_passive_verb_of_judging_with_an_attribute_is_its_agents_judgement() {
        let d = doc(
            "La ville a promis une prime de 200 euros. Une aide jugée « bien trop faible » par le collectif des locataires.\nLes abonnés paient un tarif jugé excessif par leur association.",
            None,
            &[],
        );
        let all = contents(&d);
        assert!(
            all.iter().any(|c| c.starts_with("Une aide jugée")),
            "{all:#?}"
        );
        assert!(
            all.iter().any(|c| c.contains("un tarif jugé excessif")),
            "{all:#?}"
        );
        // Tried by a court, informed by the police: no judgement of anyone's.
        let d = doc(
            "Le prévenu sera jugé par le tribunal correctionnel en mars.\nLe maire, informé par la police, s'est rendu sur place.",
            None,
            &[],
        );
        assert!(
            d.layers.attributions.is_empty(),
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue13_a_speech_verb_used_with_se_speaks_only_with_an_attribute() {
        // "se déclarer" of a fire, "se confirmer" of a trend: not a statement, and the
        // incise after the clause keeps its content.
        let d = doc(
            "Un feu qui s'est déclaré mardi soir dans un entrepôt du port a détruit trois hangars, a indiqué la préfecture.\nLa baisse des prix se confirme.\nL'équipe s'est qualifiée dimanche pour la finale.\nLe militant a été interpellé après avoir appelé à la grève.",
            None,
            &[],
        );
        let all = contents(&d);
        assert_eq!(all.len(), 1, "{all:#?}");
        assert!(all[0].starts_with("Un feu qui"), "{all:#?}");
        // With an attribute of its subject it says how the subject stands.
        let d = doc(
            "Le maire s'est dit « très inquiet » pour les commerçants.\nLa syndicaliste s'est déclarée favorable à une médiation.\nLe comité se dit très préoccupé par la sécheresse.\nLes deux partis s'accusent mutuellement d'avoir truqué le vote.\nLa directrice se réjouit d'une hausse des inscriptions.",
            None,
            &[],
        );
        assert_eq!(
            d.layers.attributions.len(),
            5,
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue13_a_pronominal_verb_needs_its_reflexive_pronoun() {
        // "emporter" is not "s'emporter", "attendre" not "s'attendre".
        let d = doc(
            "La crue a tout emporté sur son passage.\nLe club attend des renforts pour la saison.",
            None,
            &[],
        );
        assert!(
            d.layers.attributions.is_empty(),
            "{:#?}",
            d.layers.attributions
        );
        assert_eq!(d.layers.unsourced.len(), 2);
        let d = doc(
            "Le maire s'est emporté contre « une décision absurde ».\nPlusieurs analystes s'attendent à une nouvelle hausse des loyers.\nLa syndicaliste s'en est plainte : « Rien n'a changé. »",
            None,
            &[],
        );
        assert_eq!(
            contents(&d),
            vec![
                "une décision absurde",
                "à une nouvelle hausse des loyers",
                "Rien n'a changé"
            ],
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue13_a_claim_verb_is_an_incise_after_its_content() {
        let d = doc(
            "Quatre marins ont été secourus dimanche, a confirmé lundi le porte-parole de la préfecture maritime.\nLa mairie a confirmé son projet de piscine.",
            None,
            &[],
        );
        assert_eq!(
            contents(&d),
            vec!["Quatre marins ont été secourus dimanche"],
            "{:#?}",
            d.layers.attributions
        );
        let a = &d.layers.attributions[0];
        assert_eq!(
            a.speaker.map(|s| d.slice(s)),
            Some("le porte-parole de la préfecture maritime")
        );
    }

    #[test]
    fn issue13_communication_verbs_of_verbenet_with_a_clause_or_a_quotation() {
        let d = doc(
            "La ministre a réaffirmé que la réforme serait votée.\nLe délégué a réitéré : « Nous ne signerons pas. »\nLe comité a formulé une demande de report.",
            None,
            &[],
        );
        assert_eq!(
            contents(&d),
            vec!["la réforme serait votée", "Nous ne signerons pas"],
            "{:#?}",
            d.layers.attributions
        );
    }

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
            "La société Hydro-Nord a dévoilé mercredi un projet éolien.\nLe club a lancé une offensive commerciale.",
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
    fn issue13_claiming_an_attack_is_a_statement_of_its_author() {
        // The guidelines' gold takes "X a revendiqué l'attaque" as X's statement: a claim of
        // responsibility is said, not done.
        let d = doc(
            "Des hommes armés ont attaqué un poste de police mardi.\nLes Brigades Al-Nasr ont revendiqué l'attaque dans la soirée.",
            None,
            &[("Brigades Al-Nasr", EntityType::ORG, "org:nasr")],
        );
        assert_eq!(
            d.layers.attributions.len(),
            1,
            "{:#?}",
            d.layers.attributions
        );
        let a = &d.layers.attributions[0];
        assert_eq!(content(&d, a), "l'attaque dans la soirée");
        assert_eq!(a.speaker_entity.as_deref(), Some("org:nasr"));
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
    fn issue13_saying_yes_or_no_in_a_vote_is_no_statement() {
        for text in [
            "Le canton a dit « non » au projet de tunnel.",
            "Les électeurs disent oui à la réforme.",
        ] {
            let (_, cues) = cues_of(text);
            assert!(cues.is_empty(), "{text}: {cues:?}");
        }
        let (_, cues) = cues_of("Le maire a dit que le projet était abandonné.");
        assert_eq!(cues.len(), 1);
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

    // Issue 10: the polarity of a statement, from the verb's class, a negation of the verb
    // or a refusal to comment.

    fn polarities(d: &recoupe_model::Document) -> Vec<(String, Polarity)> {
        d.layers
            .attributions
            .iter()
            .map(|a| (content(d, a), a.polarity))
            .collect()
    }

    #[test]
    fn issue10_a_denial_never_reads_as_a_claim() {
        let d = doc(
            "Le Pentagone a démenti toute implication dans la frappe de mardi.",
            None,
            &[("Pentagone", EntityType::ORG, "org:pentagon")],
        );
        assert_eq!(
            polarities(&d),
            vec![(
                "toute implication dans la frappe de mardi".to_string(),
                Polarity::Deny
            )]
        );
        assert_eq!(
            d.layers.attributions[0].speaker_entity.as_deref(),
            Some("org:pentagon")
        );
        let d = doc(
            "Le ministère nie que ses gardes aient tiré sur la foule.\nLa compagnie conteste ces chiffres. L'opérateur dément avoir coupé le réseau.",
            None,
            &[],
        );
        assert_eq!(
            polarities(&d)
                .into_iter()
                .map(|(_, p)| p)
                .collect::<Vec<_>>(),
            vec![Polarity::Deny, Polarity::Deny, Polarity::Deny],
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue10_rejecting_denies_a_claim_only() {
        let d = doc(
            "La compagnie minière rejette les accusations du syndicat.\nLe Sénat a rejeté mardi le projet de budget.\nLes deux camps se rejettent la responsabilité de la coupure.",
            None,
            &[],
        );
        assert_eq!(
            polarities(&d),
            vec![
                ("les accusations du syndicat".to_string(), Polarity::Deny),
                (
                    "la responsabilité de la coupure".to_string(),
                    Polarity::Deny
                ),
            ]
        );
    }

    #[test]
    fn issue10_refusals_to_comment() {
        let text = "Interrogé par l'agence Nour, le ministère n'a pas souhaité commenter ces informations.\nLe porte-parole de la police s'est refusé à tout commentaire.\nLa direction a refusé de réagir à la grève.\nSollicitée, la mairie n'a fait aucun commentaire.\nL'avocat du joueur ne s'est pas exprimé.";
        // Each sentence is read as a refusal to comment, from the verb group back to the
        // refusing or negated verb.
        let lex = Lexicon::embedded();
        for line in text.lines() {
            let words = crate::words::scan(line, 0, line.len());
            let quoted = vec![false; words.len()];
            let refusals = refusals_to_comment(lex, &words, &quoted);
            assert_eq!(refusals.len(), 1, "{line}");
            assert_eq!(refusals[0].polarity, Polarity::NoComment, "{line}");
        }
        // A refusal states nothing: no attribution (issue 13: the corpus guidelines count
        // statements only); the refusal is itself a fact the article asserts.
        let d = doc(text, None, &[("Nour", EntityType::ORG, "org:nour")]);
        assert!(
            d.layers.attributions.is_empty(),
            "{:#?}",
            d.layers.attributions
        );
        assert_eq!(d.layers.unsourced.len(), 5, "{:#?}", d.layers.unsourced);
    }

    #[test]
    fn issue10_confirmation_negation_and_plain_assertion() {
        let d = doc(
            "L'armée a confirmé que deux soldats avaient été tués.\nLe gouverneur n'a pas précisé si les écoles rouvriraient.\nLe ministre a affirmé ne pas être au courant de la livraison.\nLa juge n'a pas manqué de rappeler que la loi s'applique à tous.\nL'accusé a reconnu avoir conduit la voiture.",
            None,
            &[],
        );
        // "n'a pas précisé si …" declines to say: no statement.
        assert_eq!(
            polarities(&d)
                .into_iter()
                .map(|(_, p)| p)
                .collect::<Vec<_>>(),
            vec![
                Polarity::Confirm,
                Polarity::Assert,
                Polarity::Assert,
                Polarity::Confirm
            ],
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue10_commenting_without_refusal_is_no_refusal() {
        let d = doc(
            "Le ministre a commenté la décision : « C'est une bonne nouvelle ».\nLe club a répondu que le contrat restait valable.",
            None,
            &[],
        );
        assert_eq!(
            polarities(&d)
                .into_iter()
                .map(|(_, p)| p)
                .collect::<Vec<_>>(),
            vec![Polarity::Assert, Polarity::Assert],
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue13_holding_to_ones_own_count_through_an_aside_is_a_claim() {
        let d = doc(
            "La gendarmerie s'en tient pour le moment à un bilan de six blessés. La préfecture maintient son dernier décompte de neuf blessés.",
            None,
            &[],
        );
        let a = &d.layers.attributions;
        assert_eq!(a.len(), 2, "{a:#?}");
        assert_eq!(d.slice(a[0].content), "un bilan de six blessés");
        assert_eq!(a[0].speaker.map(|s| d.slice(s)), Some("La gendarmerie"));
        assert_eq!(
            d.slice(a[1].content),
            "son dernier décompte de neuf blessés"
        );
        assert!(d.layers.unsourced.is_empty());
    }

    #[test]
    fn issue13_the_independent_source_one_could_not_reach_is_no_speaker() {
        let d = doc(
            "Le naufrage aurait fait douze morts. Ce chiffre n'a pas pu être vérifié de source indépendante.",
            None,
            &[],
        );
        assert!(
            d.layers.attributions.is_empty(),
            "{:#?}",
            d.layers.attributions
        );
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert!(unsourced.contains(&"Ce chiffre n'a pas pu être vérifié de source indépendante."));
    }

    #[test]
    fn issue13_claims_of_a_toll_and_reports_of_a_newspaper() {
        let d = doc(
            "L'association des juristes avance un bilan de 300 morts.\nL'armée avance vers la frontière.\nLe coût a atteint 12 millions, croit savoir l'hebdomadaire Le Veilleur.\nLe syndicat parle de « provocation ».",
            None,
            &[
                ("Le Veilleur", EntityType::ORG, "org:veilleur"),
            ],
        );
        let contents = contents(&d);
        assert_eq!(
            contents,
            vec![
                "un bilan de 300 morts",
                "Le coût a atteint 12 millions",
                "provocation"
            ],
            "{:#?}",
            d.layers.attributions
        );
        assert_eq!(
            d.layers.attributions[1].speaker_entity.as_deref(),
            Some("org:veilleur")
        );
    }

    #[test]
    fn issue13_a_statistics_body_counts_a_country_or_a_description_does_not() {
        let d = doc(
            "L'Institut national de la statistique a enregistré une hausse du chômage.\nL'Institut national de la statistique, qui mesure le chômage, publie ses chiffres.\nLa Belgique a comptabilisé 300 cas.",
            None,
            &[
                ("Institut national de la statistique", EntityType::ORG, "org:ins"),
                ("Institut national de la statistique", EntityType::ORG, "org:ins"),
                ("Belgique", EntityType::LOC, "country:BE"),
            ],
        );
        let contents = contents(&d);
        assert_eq!(
            contents,
            vec!["une hausse du chômage"],
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue13_verbs_of_several_words_sharing_their_first_word_are_each_found() {
        let d = doc(
            "La préfecture a fait savoir que la route restait fermée.\nLe maire fait état de trois blessés.\nLe syndicat a fait valoir que les salaires stagnaient.\nLe club a fait un match nul.",
            None,
            &[],
        );
        let contents = contents(&d);
        assert_eq!(
            contents,
            vec![
                "la route restait fermée",
                "trois blessés",
                "les salaires stagnaient"
            ],
            "{:#?}",
            d.layers.attributions
        );
        let lex = crate::lexicon::Lexicon::embedded();
        let tails: Vec<&[String]> = lex
            .verbs_opening_with("fait")
            .iter()
            .map(|f| f.tail.as_slice())
            .collect();
        assert!(tails.len() >= 3, "{tails:?}");
    }

    #[test]
    fn issue13_an_adverb_of_time_or_stance_inside_a_verb_of_several_words() {
        let d = doc(
            "La mairie fait désormais état de quatre disparus.\nLe collectif a toujours fait valoir que le pont était fragile.",
            None,
            &[],
        );
        let contents = contents(&d);
        assert_eq!(
            contents,
            vec!["quatre disparus", "le pont était fragile"],
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue13_de_source_after_apprendre_is_the_verb_s_source() {
        for text in [
            "Le pont a été fermé dans la nuit, a-t-on appris de source policière.",
            "Deux suspects ont été arrêtés, a appris le journal de source judiciaire.",
        ] {
            let d = doc(text, None, &[]);
            let a = &d.layers.attributions;
            assert_eq!(a.len(), 1, "{a:#?}");
            assert_eq!(
                a[0].kind,
                recoupe_model::AttributionKind::Indirect,
                "{text}: {a:#?}"
            );
        }
    }
}
