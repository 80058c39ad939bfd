//! Statements: one sentence read into attributions. Each verb cue is read either as an
//! incise after its content ("…, a-t-il ajouté", "…, ont annoncé les autorités") or with its
//! speaker before it and its content after ("X a affirmé que …", "X a déclaré : « … »");
//! with no verb cue, "selon X" makes an according-to attribution. Here the content span,
//! the kind (direct, indirect, mixed) and the hedged flag are decided; speakers and chains
//! come from their modules.

use recoupe_model::{Attribution, AttributionKind, EntityType, Polarity, Provenance, Span};

use crate::chains::{
    according_chains, cited_source, clean_via, inherit_via, is_channel_phrase, outlet_after_clitic,
    relay_links, speaker_before_relay, AccordingChain,
};
use crate::cues::{
    complement_after, find_cues, incises_in_quotations, tagged_as_verb, tagged_as_verb_or_aux,
    Complement, CueKind, Tags, VerbCue,
};
use crate::grammar::{
    aside_len, conditional, direct_object_after, figure_after, is_adverb, is_boundary, quoted_mask,
    span_of, trim_range, Conditional, AUXILIARIES, CONJUNCTIONS, DETERMINERS, WEEKDAYS,
};
use crate::lexicon::{Lexicon, VerbClass};
use crate::speakers::{
    description_head, pronoun_speaker, resolve_speaker, same_as, subject_of_clitic, Seen, Speaker,
    SpeakerRef,
};
use crate::subjects::{name_in_apposition, subject_after, subject_before, topic_head};
use crate::view::DocView;
use crate::words::{fold, Word, WordKind};
use crate::STAGE;

/// What a sentence holds that every statement in it shares.
struct Reading<'a, 'd> {
    lex: &'a Lexicon,
    view: &'a DocView<'d>,
    words: &'a [Word],
    /// Which words are inside quotation marks.
    quoted: Vec<bool>,
    /// The head noun of "Quant au maire, il …".
    topic: Option<String>,
    /// The sentence says the claim is unconfirmed ("non confirmé", "sans preuve").
    hedged: bool,
    /// The first channel named outside quotations ("dans un communiqué").
    channel: Option<String>,
    /// Entities named by relays ("citant X"), in order of appearance.
    relays: Vec<String>,
    /// The "selon X" phrases.
    according: Vec<AccordingChain>,
}

/// A verb statement's word ranges before its speaker is resolved.
struct Parts {
    content: Option<(usize, usize)>,
    speaker: Option<(usize, usize)>,
    /// Words that start an outlet or platform the words went through.
    channel_words: Vec<usize>,
}

/// The attributions of one sentence; speakers found are pushed on `seen`.
pub(crate) fn analyse_sentence(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    headline: bool,
    seen: &mut Seen,
) -> Vec<Attribution> {
    let mut quoted = quoted_mask(words);
    incises_in_quotations(lex, words, &mut quoted);
    let cues = find_cues(lex, view.text, words, &quoted);
    if cues.is_empty() {
        let framed = if headline {
            headline_source(lex, view, words, seen)
        } else {
            framed_quotation(lex, view, words, &quoted, seen)
                .or_else(|| framed_view(lex, view, words, &quoted, seen))
        };
        return framed.into_iter().collect();
    }
    let hedged = (0..words.len()).any(|i| lex.hedges.at(words, i).is_some());
    let channel = (0..words.len())
        .filter(|&i| !quoted[i])
        .find_map(|i| lex.channels.at(words, i))
        .map(|(_, v)| v.to_string());
    let reading = Reading {
        lex,
        view,
        words,
        topic: topic_head(words),
        hedged,
        channel,
        relays: relay_links(lex, view, words, &quoted),
        according: according_chains(lex, view, words, &cues),
        quoted,
    };
    let has_according = !reading.according.is_empty();
    // Next to "selon X", a weak or opinion verb is part of what X reports ("Selon Press TV,
    // la Syrie et l'Irak espèrent rouvrir …"), not a second statement; a participle inside
    // the source phrase ("selon des informations révélées par la mairie") describes the
    // source.
    let in_source_phrase = |v: &VerbCue| {
        reading
            .according
            .iter()
            .any(|a| a.start < v.group_start && v.group_end < a.end)
    };
    let verb_cues: Vec<VerbCue> = cues
        .iter()
        .filter_map(|c| match c {
            CueKind::Verb(v) if !(in_source_phrase(v) || has_according && v.weak) => Some(*v),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    // "X prendrait en charge le coût, selon un document, mais la députée s'est refusée à
    // tout commentaire": a refusal states nothing, so it takes no "selon" phrase as its
    // own; the phrase keeps its statement.
    let only_refusals = verb_cues.iter().all(|v| v.refusal);
    if only_refusals {
        reading.according_statements(&mut out, seen, |_| true);
        reading.verb_statements(&verb_cues, &mut out, seen);
    } else {
        // "…, selon l'agence X, qui fait aussi état de trois blessés": the relative verb is
        // the source's second statement; the "selon" phrase keeps its own.
        // "Selon X, 21 bus …, et non 23 comme l'avait indiqué Y": Y said only the figure
        // set aside; X keeps its own statement.
        let contrast = verb_cues
            .iter()
            .any(|v| comme_contrast(words, v).1.is_some());
        let relative: Vec<usize> = reading
            .according
            .iter()
            .enumerate()
            .filter(|(_, a)| contrast || verb_cues.iter().any(|v| relative_to_source(words, a, v)))
            .map(|(n, _)| n)
            .collect();
        if !relative.is_empty() {
            reading.according_statements(&mut out, seen, |n| relative.contains(&n));
        }
        reading.verb_statements(&verb_cues, &mut out, seen);
    }
    out
}

/// The rule of a statement made by a participle after a comma that hangs on a verb of no
/// speech ("Le ministère a interdit la marche, invoquant des risques"): the main clause is
/// still the article's own statement of fact.
pub(crate) const PARTICIPLE_RULE: &str = "speech-verb-participle";

/// How many words the noun phrase before a present participle may have ("les
/// témoignages recueillis par ses enquêteurs affirmant que …" is too far to tell).
const PARTICIPLE_NOUN_WORDS: usize = 6;

/// How many words may stand between the end of an incise and the comma and quotation mark
/// that resume the quotation it interrupted.
const RESUME_GAP_WORDS: usize = 8;

/// How many words the speaker phrase of a quotation with no verb may have.
const FRAME_WORDS: usize = 12;

/// A quotation framed by its speaker with no verb of saying: "Pour l'entraîneur, Marc
/// Blanc, « … »", "Pour Sandrine, caissière : « … »", "Un pêcheur du port, la voix cassée :
/// « … »"; after "Pour X," also a clause weaving a quotation in ("Pour la maire, la réforme
/// « oublie les communes »": the whole clause). The speaker phrase must name a person or a
/// body, or be a description of a person.
fn framed_quotation(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    quoted: &[bool],
    seen: &mut Seen,
) -> Option<Attribution> {
    let open = (1..words.len()).find(|&k| {
        matches!(words[k].kind, WordKind::OpenQuote | WordKind::StraightQuote)
            && words.get(k + 1).is_some_and(|_| quoted[k + 1])
    })?;
    let by_pour = words[0].folded == "pour";
    // "Pour X, le plan « chasse les habitants »": after "Pour X," the clause may weave a
    // quotation in; the phrase then ends at its first comma.
    let woven_comma = (by_pour
        && !matches!(words[open - 1].kind, WordKind::Comma | WordKind::Colon))
    .then(|| (1..open).find(|&k| words[k].kind == WordKind::Comma))
    .flatten();
    let woven = woven_comma.is_some();
    let mark = woven_comma.unwrap_or(open - 1);
    if !matches!(words[mark].kind, WordKind::Comma | WordKind::Colon)
        || quoted[..open].iter().any(|q| *q)
    {
        return None;
    }
    if !by_pour && words[mark].kind != WordKind::Colon {
        return None;
    }
    let from = usize::from(by_pour);
    if mark <= from || mark - from > FRAME_WORDS {
        return None;
    }
    // The phrase up to its first comma, with a name in apposition ("l'entraîneur, Marc
    // Blanc,"); what follows the comma ("la voix cassée") describes the moment.
    let first_comma = (from..mark).find(|&k| words[k].kind == WordKind::Comma);
    let to = match first_comma {
        Some(c) if c > from => name_in_apposition(view, words, c - 1).unwrap_or(c - 1),
        Some(_) => return None,
        None if woven => name_in_apposition(view, words, mark - 1).unwrap_or(mark - 1),
        None => mark - 1,
    };
    let phrase = &words[from..=to];
    if phrase.iter().any(|w| {
        AUXILIARIES.contains(&w.lower.as_str()) || is_boundary(w) && w.kind != WordKind::Comma
    }) {
        return None;
    }
    let span = span_of(words, from, to);
    // A person, or after "Pour" a body ("Pour l'ONU, « … »"); before a colon a body's name
    // is as often a heading ("Prix du jury : « Titre »").
    let names = view
        .mentions_in(span)
        .any(|m| m.label == EntityType::PER || (by_pour && m.label == EntityType::ORG));
    let person_noun = description_head(lex, phrase).is_some_and(|h| {
        lex.unnamed.contains_key(h.as_str())
            || lex.person_roles.contains(h.as_str())
            || lex.reporters.contains(h.as_str())
    });
    // "Un pêcheur du port : « … »": one person described, before a colon.
    let someone = !by_pour
        && matches!(words[from].folded.as_str(), "un" | "une")
        && words.get(from + 1).is_some_and(|w| !w.capitalised);
    // "Pour la première fois, « … »" names no one.
    if !names && !person_noun && !someone {
        return None;
    }
    let (cfrom, cto) = if woven {
        // The clause after the phrase (and the comma closing a name in apposition).
        let start = if words.get(to + 1).is_some_and(|w| w.kind == WordKind::Comma) {
            to + 2
        } else {
            to + 1
        };
        if start >= open {
            return None;
        }
        trim_range(words, start, words.len() - 1)?
    } else {
        let mut end = open + 1;
        while end + 1 < words.len() && quoted[end + 1] {
            end += 1;
        }
        trim_range(words, open + 1, end)?
    };
    // A quoted title ("« Dogman »") is no statement.
    if words_in(&words[cfrom..=cto]) < 3 {
        return None;
    }
    let speaker = resolve_speaker(lex, view, words, Some((from, to)), None, seen, None);
    let frame = Frame {
        content: span_of(words, cfrom, cto),
        cue: span_of(words, mark, mark),
        kind: kind_of(words, quoted, cfrom, cto),
        hedged: false,
        rule: "framed-quotation",
    };
    Some(frame.said_by(speaker, seen))
}

/// A view framed by its holder with no verb and no quotation: "Pour le politologue X, de
/// l'université Y, le résultat tient à …", "Pour les ONG, ce procès est un test". The
/// holder must name a person or a body, or describe a person or a body ("Pour la première
/// fois", "Pour un ménage moyen" name no one); what the clause after it says is theirs.
fn framed_view(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    quoted: &[bool],
    seen: &mut Seen,
) -> Option<Attribution> {
    if words.first()?.folded != "pour" || quoted.iter().any(|q| *q) {
        return None;
    }
    let comma =
        (2..words.len().min(FRAME_WORDS + 2)).find(|&k| words[k].kind == WordKind::Comma)?;
    let (from, to) = (1, comma - 1);
    let phrase = &words[from..=to];
    if phrase
        .iter()
        .any(|w| AUXILIARIES.contains(&w.lower.as_str()) || is_boundary(w))
    {
        return None;
    }
    let span = span_of(words, from, to);
    // A person anywhere in the phrase ("l'historienne X"), a body only as its head ("Pour
    // la Cimade"; "Pour les sièges du Conseil général" is about the seats).
    let head_at = words[from..=to]
        .iter()
        .position(|w| !DETERMINERS.contains(&w.folded.as_str()))
        .map_or(from, |k| from + k);
    let names = view.mentions_in(span).any(|m| {
        m.label == EntityType::PER
            || m.label == EntityType::ORG && m.span.start <= words[head_at].start
    });
    let holder_noun = description_head(lex, phrase).is_some_and(|h| {
        let singular = h.strip_suffix('s').unwrap_or(&h);
        [h.as_str(), singular].iter().any(|n| {
            lex.unnamed.contains_key(*n)
                || lex.person_roles.contains(*n)
                || lex.reporters.contains(*n)
                || lex.organisation_roles.contains(*n)
                || lex.institutions.contains(*n)
        })
    });
    if !names && !holder_noun {
        return None;
    }
    // An apposition after the holder ("…, de l'université Y,", "…, interrogé par Z,",
    // "…, climatologue à Y,", "…, qui suit le dossier,") ends at the next comma.
    let mut start = comma + 1;
    let next = words.get(start)?;
    let apposition = next.kind == WordKind::Word
        && !next.capitalised
        && !DETERMINERS.contains(&next.folded.as_str())
        && !next.folded.starts_with("ce");
    if apposition {
        let close = (start + 1..words.len().min(start + FRAME_WORDS))
            .find(|&k| words[k].kind == WordKind::Comma)?;
        start = close + 1;
    }
    let (cfrom, cto) = trim_range(words, start, words.len() - 1)?;
    if words_in(&words[cfrom..=cto]) < 3 {
        return None;
    }
    let speaker = resolve_speaker(lex, view, words, Some((from, to)), None, seen, None);
    let frame = Frame {
        content: span_of(words, cfrom, cto),
        cue: span_of(words, 0, 0),
        kind: AttributionKind::AccordingTo,
        hedged: (cfrom..=cto).any(|k| conditional(&words[k]) == Some(Conditional::Compound)),
        rule: "framed-view",
    };
    Some(frame.said_by(speaker, seen))
}

/// How many words (not punctuation or quotation marks) a stretch holds.
fn words_in(words: &[Word]) -> usize {
    words
        .iter()
        .filter(|w| matches!(w.kind, WordKind::Word | WordKind::Elision))
        .count()
}

/// How many words a headline's source in parentheses may have.
const HEADLINE_SOURCE_WORDS: usize = 10;

/// A headline whose source closes it in parentheses: "Inondations : 40 morts (bilan du
/// ministère de l'Intérieur)", "Le barrage a cédé (gouverneur)". The parenthesis must name
/// a person or a body, or hold an institution or a role; "(vidéo)", "(Rhône)" do not.
fn headline_source(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    seen: &mut Seen,
) -> Option<Attribution> {
    let last = words.len().checked_sub(1)?;
    if words[last].folded != ")" {
        return None;
    }
    let open = (0..last).rev().find(|&k| words[k].folded == "(")?;
    if open < 3 || last - open - 1 > HEADLINE_SOURCE_WORDS {
        return None;
    }
    let (from, to) = trim_range(words, open + 1, last - 1)?;
    let span = span_of(words, from, to);
    let names = view
        .mentions_in(span)
        .any(|m| matches!(m.label, EntityType::PER | EntityType::ORG));
    let described = words[from..=to].iter().any(|w| {
        lex.institutions.contains(w.folded.as_str()) || lex.person_roles.contains(w.folded.as_str())
    });
    if !names && !described {
        return None;
    }
    let (cfrom, cto) = trim_range(words, 0, open - 1)?;
    let speaker = resolve_speaker(lex, view, words, Some((from, to)), None, seen, None);
    let frame = Frame {
        content: span_of(words, cfrom, cto),
        cue: span_of(words, open, open),
        kind: AttributionKind::AccordingTo,
        hedged: false,
        rule: "headline-source",
    };
    Some(frame.said_by(speaker, seen))
}

/// A statement framed by its speaker with no verb of saying (a "Pour X," opening, a colon
/// before a quotation, a headline's source in parentheses): what it says, and how.
struct Frame {
    content: Span,
    cue: Span,
    kind: AttributionKind,
    hedged: bool,
    rule: &'static str,
}

impl Frame {
    /// The statement of `speaker`, remembered so that later pronouns and descriptions may
    /// refer back to it.
    fn said_by(self, speaker: Speaker, seen: &mut Seen) -> Attribution {
        let out = [Attribution {
            content: self.content,
            speaker: speaker.span,
            speaker_entity: speaker.entity.clone(),
            speaker_unnamed: speaker.unnamed,
            cue: Some(self.cue),
            kind: self.kind,
            channel: None,
            via: speaker.via.clone(),
            hedged: self.hedged,
            polarity: Polarity::Assert,
            provenance: Provenance::new(STAGE, self.rule),
        }];
        remember(speaker, &out, seen);
        let [attribution] = out;
        attribution
    }
}

/// Whether a verb cue opens a relative clause hanging on a "selon" phrase's source ("selon
/// la police, qui fait état de …", "d'après l'agence X (officielle), qui affirme …"): only
/// punctuation and a parenthesis stand between the source phrase and "qui".
fn relative_to_source(words: &[Word], according: &AccordingChain, cue: &VerbCue) -> bool {
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
    fn verb_statements(&self, cues: &[VerbCue], out: &mut Vec<Attribution>, seen: &mut Seen) {
        let words = self.words;
        // Part-of-speech tags, computed only if a cue needs them.
        let mut tags: Tags = None;
        // Where the clause of the next cue may start: just after the previous verb group.
        let mut floor = 0;
        // Where the clause of a cue that opened a relative clause between commas started.
        let mut relative_floor: Option<usize> = None;
        for cue in cues {
            // "Le ministère, qui a recensé 40 décès, a affirmé que …": right after the comma
            // closing a relative clause whose verb was a cue, the subject is the noun phrase
            // before that clause, not the relative's object.
            let subject_floor = relative_floor
                .take()
                .filter(|_| {
                    cue.group_start > 0 && words[cue.group_start - 1].kind == WordKind::Comma
                })
                .unwrap_or(floor);
            let complement = complement_after(words, cue.group_end);
            // "…, précisant que …": a present participle continues the speaker of the same
            // sentence; elsewhere ("confirmant ainsi la défaite") it is no statement.
            let participle = words[cue.verb].folded.ends_with("ant") && cue.clitic.is_none();
            // "les informations faisant état de …", "des tracts affirmant que …": a present
            // participle right after a noun phrase, with no comma, says what that noun says.
            let attached = participle
                .then(|| self.noun_before_participle(cue, floor))
                .flatten()
                .filter(|_| complement.is_some() || cue.group_end > cue.verb);
            let gerund = participle && attached.is_none();
            // "L'agence a revu ses chiffres en précisant que …": with no statement before it
            // in the sentence, a gerund says what the subject of the verb before it said.
            // "Le ministère avait interdit la manifestation, invoquant des « risques »", "Le
            // groupe a revendiqué l'attaque, affirmant avoir …": a participle after a comma
            // with its complement (or an object, for a verb of opinion) says what the subject
            // of the compound verb before it said.
            // "…, la qualifiant d'acte barbare": past an object pronoun.
            let participle_start = participle_start(words, cue.group_start, floor);
            let after_comma =
                participle_start > floor && words[participle_start - 1].kind == WordKind::Comma;
            // With no statement before it, the participle hangs on the sentence's first
            // compound verb even when a cue turned down there moved the floor past it ("Le
            // ministère a démenti, qualifiant ces accusations de …").
            let gerund_floor = if out.is_empty() { 0 } else { floor };
            let main_subject = (gerund
                && out.is_empty()
                && (complement.is_some_and(|c| c.clausal)
                    || after_comma && (complement.is_some() || cue.opinion)))
                .then(|| self.gerund_subject(participle_start, gerund_floor))
                .flatten();
            if gerund && main_subject.is_none() && (out.is_empty() || complement.is_none()) {
                continue;
            }
            let gerund = gerund && main_subject.is_none();
            let incise = !gerund
                && main_subject.is_none()
                && attached.is_none()
                && cue.agent.is_none()
                && self.is_incise(cue, complement, floor, &mut tags);
            // Verbs often not about speech ("lancer", "confirmer", "dévoiler") need a clause
            // or a quotation; opinion verbs taking an object ("considérer X comme", "appeler
            // à") count when a person or body is their subject.
            let bare = cue.weak && !incise && complement.is_none();
            if bare && !cue.opinion && cue.class != VerbClass::Witness {
                continue;
            }
            // "…, au sud de Paris, que les manifestants menacent de bloquer": a bare verb in
            // a relative clause on the noun before says nothing of its own.
            if bare && object_relative(words, cue.group_start, floor) {
                continue;
            }
            // A later verb cue in the same sentence ends this content.
            let next = cues
                .iter()
                .map(|c| c.group_start)
                .find(|&g| g > cue.group_end);
            let parts = if attached.is_some() {
                Parts {
                    speaker: attached,
                    ..self.forward_parts(cue, floor, true, next)
                }
            } else if let Some(par) = cue.agent {
                self.passive_parts(cue, floor, par, next)
            } else if incise {
                self.incise_parts(cue, floor)
            } else {
                let parts = self.forward_parts(cue, subject_floor, gerund, next);
                Parts {
                    speaker: main_subject.or(parts.speaker),
                    ..parts
                }
            };
            // "…, a rapporté l'agence X, citant le ministère": the ministry spoke, X
            // passed it on.
            let cited = if gerund || attached.is_some() || cue.agent.is_some() {
                None
            } else {
                cited_source(self.lex, self.view, words, parts.speaker)
            };
            let (parts, citer) = match cited {
                Some((source, citer)) => (
                    Parts {
                        speaker: Some(source),
                        ..parts
                    },
                    Some(citer),
                ),
                None => (parts, None),
            };
            // A bare verb turned down below leaves its clause to the next cue ("Les
            // éleveurs réclament un prix, a précisé la fédération": an incise on it).
            let clause_floor = floor;
            floor = cue.group_end + 1;
            relative_floor = (cue.group_start >= 2
                && words[cue.group_start - 1].folded == "qui"
                && words[cue.group_start - 2].kind == WordKind::Comma)
                .then_some(clause_floor);
            let Some((cfrom, cto)) = parts.content else {
                continue;
            };
            // "Le dernier bilan fait état de 92 morts": a toll with no source is the
            // article's own statement.
            if parts.speaker.is_some_and(|r| self.unsourced_toll(r)) {
                continue;
            }
            let speaker = self.verb_speaker(cue, incise, gerund, parts.speaker, out, seen);
            // "X a assuré que …, comme le rappelle le journal Y": Y relays X's statement; it
            // is the outer link of that statement's chain, not a speaker of its own.
            let (comme, contrast) = comme_contrast(words, cue);
            if comme.is_some() && contrast.is_none() {
                if let Some(last) = out.last_mut() {
                    if let Some(entity) = speaker.entity {
                        if last.speaker_entity.as_ref() != Some(&entity)
                            && !last.via.contains(&entity)
                        {
                            last.via.push(entity);
                        }
                    }
                    continue;
                }
            }
            let speaker = Speaker {
                span: if gerund && out.is_empty() {
                    None
                } else {
                    speaker.span
                },
                ..speaker
            };
            // The impersonal "on" ("peut-on lire", "l'on ajoute") names no source; "a-t-on
            // appris de sources diplomatiques" names it after "de".
            let impersonal = speaker.span.is_some_and(|sp| {
                matches!(
                    fold(&self.view.text[sp.start..sp.end]).as_str(),
                    "on" | "l'on" | "-t-on" | "-on"
                )
            });
            let speaker = match (impersonal, self.learnt_from(cue)) {
                (false, _) => speaker,
                (true, Some(range)) => {
                    resolve_speaker(self.lex, self.view, words, Some(range), None, seen, None)
                }
                (true, None) => continue,
            };
            // A verb that is often not about speech ("conclure", "confirmer", "appeler")
            // counts without a clause or quotation only when a named person or body, or a
            // described person ("certains experts"), is its subject.
            // So does a body described by its kind ("la police a imputé l'attaque à …",
            // "le syndicat réclame …", "la direction invoque …") that names no one before,
            // but for an act it announces ("le gouvernement a décrété des mesures"): a
            // figure it puts forward is a claim ("le syndicat revendique 900 grévistes").
            // A person by office or role ("le maire parle de 22 morts") too, and bodies
            // named in the plural ("les syndicats menacent de …"); not a group of people
            // by occupation ("les éleveurs réclament …": what they demand, not words).
            let described_person = speaker.remember.as_ref().is_some_and(|r| {
                r.unnamed
                    && r.head.as_deref().is_some_and(|h| {
                        let singular = h.strip_suffix('s').unwrap_or(h);
                        self.lex.unnamed.contains_key(h)
                            || self.lex.reporters.contains(h)
                            || self.lex.person_roles.contains(h)
                            || (cue.class != VerbClass::Announce
                                || figure_after(words, cue.group_end))
                                && [h, singular].iter().any(|b| {
                                    self.lex.institutions.contains(*b)
                                        || self.lex.organisation_roles.contains(*b)
                                })
                    })
            });
            // Seeing is telling only for a reporter or a witness.
            let witness = speaker.remember.as_ref().is_some_and(|r| {
                r.head.as_deref().is_some_and(|h| {
                    self.lex.reporters.contains(h) || matches!(h, "temoin" | "temoins")
                })
            });
            if bare && cue.class == VerbClass::Witness && !witness {
                floor = clause_floor;
                continue;
            }
            if bare && speaker.entity.is_none() && !described_person {
                floor = clause_floor;
                continue;
            }
            // "L'Insee, qui mesure le chômage": a bare verb of counting in a relative clause
            // describes its antecedent; "la France a comptabilisé 500 cas": a count needs a
            // body, not a country, as its author.
            let relative = cue.group_start > 0 && words[cue.group_start - 1].folded == "qui";
            let place = speaker
                .entity
                .as_deref()
                .is_some_and(|e| self.view.key_has_label(e, EntityType::LOC));
            if bare && cue.class == VerbClass::Report && (relative || place) {
                floor = clause_floor;
                continue;
            }
            let mut via = self.verb_chain(&parts.channel_words, &speaker, contrast.is_none());
            if let Some(citer) = citer {
                let relayer =
                    resolve_speaker(self.lex, self.view, words, Some(citer), None, seen, None);
                if let Some(e) = relayer.entity {
                    if speaker.entity.as_ref() != Some(&e)
                        && !via.contains(&e)
                        && !self.view.key_is_own_outlet(&e)
                    {
                        via.insert(0, e);
                    }
                }
            }
            // The content's conditional hedges it when reportative: a compound one
            // ("auraient été tuées") anywhere, a simple one only in a main clause before an
            // incise ("L'usine fermerait, ont annoncé les syndicats"), since after "a déclaré
            // que" it is also the future of the past ("qu'il viendrait").
            // A future after the verb ("seraient trouvés dans les prochains mois") is the
            // future of the past.
            let future = !incise
                && (cfrom..=cto).any(|k| FUTURE_MARKERS.contains(&words[k].folded.as_str()));
            let conditional_content = !future
                && (cfrom..=cto).any(|k| match conditional(&words[k]) {
                    Some(Conditional::Compound) => reportative_compound(words, k),
                    // A simple conditional quoted is the speaker's own mood ("« un
                    // rachat qui coûterait des emplois »"), not the article's hedge.
                    Some(Conditional::Simple) => incise && !self.quoted[k],
                    _ => false,
                });
            let hedged = cue.class == VerbClass::Hedge || self.hedged || conditional_content;
            out.push(Attribution {
                content: span_of(words, cfrom, cto),
                speaker: speaker.span,
                speaker_entity: speaker.entity.clone(),
                speaker_unnamed: speaker.unnamed,
                cue: Some(span_of(words, cue.group_start, cue.group_end)),
                kind: kind_of(words, &self.quoted, cfrom, cto),
                channel: self.channel.clone(),
                via,
                hedged,
                polarity: cue.polarity,
                provenance: Provenance::new(
                    STAGE,
                    if incise {
                        "speech-verb-incise"
                    } else if after_comma && main_subject.is_some() {
                        PARTICIPLE_RULE
                    } else {
                        "speech-verb"
                    },
                ),
            });
            // « A », a-t-il ajouté, « B »: the quotation resumed after the incise is a second
            // statement of the same speaker.
            let incise_end = parts
                .speaker
                .map_or(cue.group_end, |(_, e)| e.max(cue.group_end));
            if let Some((qfrom, qto)) = incise
                .then(|| self.resumed_quotation(incise_end, next))
                .flatten()
            {
                if let Some(first) = out.last() {
                    let resumed = Attribution {
                        content: span_of(words, qfrom, qto),
                        kind: kind_of(words, &self.quoted, qfrom, qto),
                        provenance: Provenance::new(STAGE, "speech-verb-incise-resumed"),
                        ..first.clone()
                    };
                    out.push(resumed);
                }
            }
            remember(speaker, out, seen);
        }
    }

    /// The quotation resumed right after an incise ending at word `end` ("…, a-t-il
    /// ajouté, « B »"): a comma, then a quotation mark opening within a few words (an
    /// outlet or a time may stand between: ", a-t-il dit à la radio, « … »"), before any
    /// stop or later cue; its words up to its closing mark.
    fn resumed_quotation(&self, end: usize, next_cue: Option<usize>) -> Option<(usize, usize)> {
        let words = self.words;
        let mut k = end + 1;
        let mut after_comma = false;
        while let Some(w) = words.get(k) {
            if k > end + RESUME_GAP_WORDS || next_cue.is_some_and(|n| k >= n) {
                return None;
            }
            match w.kind {
                WordKind::Comma => after_comma = true,
                WordKind::OpenQuote | WordKind::StraightQuote
                    if after_comma && self.quoted.get(k + 1).copied().unwrap_or(false) =>
                {
                    break;
                }
                WordKind::Stop | WordKind::Colon | WordKind::CloseQuote => return None,
                WordKind::OpenQuote | WordKind::StraightQuote => return None,
                _ => after_comma = false,
            }
            k += 1;
        }
        let open = k;
        if open + 1 >= words.len() {
            return None;
        }
        let mut close = open + 1;
        while close < words.len() && self.quoted[close] {
            if matches!(
                words[close].kind,
                WordKind::CloseQuote | WordKind::StraightQuote
            ) {
                break;
            }
            close += 1;
        }
        trim_range(words, open + 1, close.saturating_sub(1).max(open + 1)).filter(|(a, b)| {
            (*a..=*b)
                .filter(|&i| words[i].kind == WordKind::Word)
                .count()
                >= 2
        })
    }

    /// Whether a verb cue is an incise after its content ("…, a indiqué le ministre"),
    /// rather than a verb with its subject before it.
    fn is_incise(
        &self,
        cue: &VerbCue,
        complement: Option<Complement>,
        floor: usize,
        tags: &mut Tags,
    ) -> bool {
        let words = self.words;
        if cue.clitic.is_some() || comme_incise(words, cue).is_some() {
            return true;
        }
        let prev = cue.group_start.checked_sub(1).map(|p| &words[p]);
        // Right after a closing quotation mark ("« … », s'est indigné le directeur de
        // l'AIEA"), the verb introduces the quotation's speaker, whatever follows it.
        let closes_quote = |k: usize| {
            matches!(
                words[k].kind,
                WordKind::CloseQuote | WordKind::StraightQuote
            ) && self.quoted[k]
        };
        let after_quote = cue.group_start.checked_sub(1).is_some_and(|p| {
            closes_quote(p) || words[p].kind == WordKind::Comma && p > 0 && closes_quote(p - 1)
        });
        if after_quote {
            return true;
        }
        // "Les Forces armées (FA), elles, maintiennent …", "Le maire, lui, affirme …": a
        // stressed pronoun between commas resumes the subject before it; the verb is that
        // subject's, not an incise (however the long subject before it reads).
        let g = cue.group_start;
        if g >= 3
            && words[g - 1].kind == WordKind::Comma
            && words[g - 3].kind == WordKind::Comma
            && matches!(
                words[g - 2].folded.as_str(),
                "elle" | "elles" | "lui" | "eux"
            )
        {
            return false;
        }
        // After a comma the verb is an incise unless it opens its own complement: "X,
        // porte-parole de Y, a affirmé que …", "…, a accusé Y de …".
        let accuses = cue.class == VerbClass::Accuse
            && words[cue.group_end + 1..]
                .iter()
                .take(8)
                .any(|w| matches!(w.folded.as_str(), "de" | "d'"));
        // After a plain comma the words before must be a clause: "Les combats ont repris,
        // a annoncé l'armée" is an incise, "Le ministre, Karim Haddad, a annoncé
        // l'arrestation …" is a subject with an apposition.
        // Verbs of an apposition opened after a comma by "qui" or a participle ("Le
        // syndicat, qui représente le personnel, réclame …", "Le syndicat, affilié à la CSN,
        // réclame …") are not a clause of their own.
        let after_clause = |tags: &mut Tags| {
            let floor_word = floor.min(cue.group_start);
            let mut apposition = false;
            (floor_word..cue.group_start).any(|k| {
                let w = &words[k];
                if w.kind == WordKind::Comma {
                    // "Des élus, citant des sources locales, évoquent …" too.
                    apposition = self.lex.relay.at(words, k + 1).is_some()
                        || words.get(k + 1).is_some_and(|n| {
                            matches!(n.folded.as_str(), "qui" | "dont" | "lequel" | "laquelle")
                                || !n.capitalised
                                    && ["é", "ée", "és", "ées"]
                                        .iter()
                                        .any(|e| n.lower.ends_with(e))
                        });
                    return false;
                }
                // "l'Est de la Libye" is a name, not "est".
                !apposition
                    && (AUXILIARIES.contains(&w.lower.as_str()) && !w.capitalised
                        // "La saison sera courte, a indiqué …": a copula makes a clause.
                        || tagged_as_verb_or_aux(self.view.text, words, k, tags))
            })
        };
        prev.is_some_and(|p| matches!(p.kind, WordKind::Comma | WordKind::CloseQuote))
            && !complement.is_some_and(|c| c.clausal || c.distance <= 3)
            && !accuses
            && (prev.is_some_and(|p| p.kind == WordKind::CloseQuote)
                || self.quoted[..cue.group_start].iter().any(|q| *q)
                || after_clause(tags))
    }

    /// The source after "a-t-on appris de" / "auprès de": "…, a-t-on appris de sources
    /// policières", "…, apprend-on auprès de la préfecture", "… auprès des autorités
    /// locales" (the article's plural stays: "des autorités locales").
    fn learnt_from(&self, cue: &VerbCue) -> Option<(usize, usize)> {
        let words = self.words;
        if !words[cue.verb].folded.starts_with("appr") {
            return None;
        }
        let mut k = cue.group_end + 1;
        // "a-t-on appris jeudi auprès de …", "a-t-on appris hier de sources …"
        while words
            .get(k)
            .is_some_and(|w| WEEKDAYS.contains(&w.folded.as_str()) || is_adverb(w))
        {
            k += 1;
        }
        let aupres = words.get(k).is_some_and(|w| w.folded == "aupres");
        if aupres {
            k += 1;
        }
        let from = match words.get(k).map(|w| w.folded.as_str()) {
            Some("de" | "d'") => k + 1,
            Some("du") if aupres => k + 1,
            Some("des") if aupres => k,
            _ => return None,
        };
        let mut end = from;
        while words.get(end + 1).is_some_and(|w| !is_boundary(w)) {
            end += 1;
        }
        trim_range(words, from, end.min(words.len() - 1))
    }

    /// An outlet that learnt what it reports from a source it names after it: "…, a appris
    /// l'ACP auprès de l'administration locale", "… a appris l'agence X de sources
    /// diplomatiques": the outlet's first word (a link of the chain) and the source's
    /// words, the speaker.
    fn learnt_by_outlet(
        &self,
        cue: &VerbCue,
        speaker: Option<(usize, usize)>,
    ) -> Option<(usize, (usize, usize))> {
        let words = self.words;
        let (from, to) = speaker?;
        if !words[cue.verb].folded.starts_with("appr") {
            return None;
        }
        (from + 1..to).find_map(|j| {
            let next = words.get(j + 1).map(|w| w.folded.as_str());
            let start = match (words[j].folded.as_str(), next) {
                ("aupres", Some("de" | "d'" | "du")) => j + 2,
                ("aupres", Some("des")) => j + 1,
                ("de" | "d'", Some("source" | "sources")) => j + 1,
                _ => return None,
            };
            Some((from, trim_range(words, start, to)?))
        })
    }

    /// The noun phrase a present participle hangs on when it follows it with no comma
    /// ("les informations faisant état de …", "face aux « témoignages crédibles » faisant
    /// état de …", "un rapport du HCR affirmant que …"): its words from its determiner
    /// (after "à" / "aux" / "au"), or back over "de" complements. A channel ("un communiqué
    /// affirmant que …") is left to its author, the subject of the verb before; a noun that
    /// cannot speak ("une occupation assurant que …") leaves the participle to that subject
    /// too.
    fn noun_before_participle(&self, cue: &VerbCue, floor: usize) -> Option<(usize, usize)> {
        let words = self.words;
        let mut end = cue.group_start.checked_sub(1)?;
        if matches!(
            words[end].kind,
            WordKind::CloseQuote | WordKind::StraightQuote
        ) {
            end = end.checked_sub(1)?;
        }
        let last = &words[end];
        if last.kind != WordKind::Word
            || matches!(last.folded.as_str(), "en" | "y" | "tout" | "et" | "ou")
            || AUXILIARIES.contains(&last.lower.as_str())
            || is_adverb(last)
        {
            return None;
        }
        // Back to the noun phrase's determiner; past a "de" complement ("un rapport du
        // HCR") only over the one noun it completes, up to that noun's determiner.
        let mut start = None;
        let mut complement_words = 0;
        let mut k = end;
        while k > floor && end - k < PARTICIPLE_NOUN_WORDS {
            let w = &words[k];
            let f = w.folded.as_str();
            let stops = matches!(w.kind, WordKind::Comma | WordKind::Stop | WordKind::Colon)
                || !w.capitalised && AUXILIARIES.contains(&w.lower.as_str())
                || matches!(f, "que" | "qu'" | "qui" | "dont" | "et" | "ou" | "mais");
            if stops {
                break;
            }
            if matches!(f, "aux" | "au") {
                start = Some(k + 1);
                break;
            }
            if DETERMINERS.contains(&f) || f == "ces" {
                start = Some(k);
                let before = k.checked_sub(1).map(|p| &words[p]);
                let complement = matches!(f, "du" | "des")
                    || before.is_some_and(|b| matches!(b.folded.as_str(), "de" | "d'"));
                if !complement {
                    break;
                }
                complement_words = 0;
            } else if start.is_some() && !matches!(f, "de" | "d'") {
                // Between a complement and the noun it completes: plain lowercase words.
                complement_words += 1;
                if w.kind != WordKind::Word
                    || w.capitalised
                    || complement_words > 1
                    || self.lex.verb(&w.lower).is_some()
                {
                    break;
                }
            }
            k -= 1;
        }
        let start = start?;
        let start = if matches!(words[start].folded.as_str(), "de" | "d'") {
            start + 1
        } else {
            start
        };
        let (from, to) = trim_range(words, start, end)?;
        let head = description_head(self.lex, &words[from..=to])?;
        let lex = self.lex;
        let h = head.as_str();
        let speaks = lex.report_nouns.contains(h)
            || lex.unnamed.contains_key(h)
            || lex.reporters.contains(h)
            || lex.person_roles.contains(h)
            || lex.organisation_roles.contains(h);
        (speaks && !lex.channels.contains_word(h)).then_some((from, to))
    }

    /// The subject of the compound verb a gerund after "en" ("Le maire a pris acte du vote
    /// tout en rappelant que …") or a participle after a comma ("L'armée a mené des frappes,
    /// affirmant avoir …") hangs on: the subject before the nearest auxiliary ("a", not the
    /// preposition "à").
    fn gerund_subject(&self, group_start: usize, floor: usize) -> Option<(usize, usize)> {
        let words = self.words;
        let en = group_start.checked_sub(1)?;
        if words[en].folded != "en" && words[en].kind != WordKind::Comma {
            return None;
        }
        let aux = (floor..en).rev().find(|&k| {
            !self.quoted[k]
                && !words[k].capitalised
                && matches!(words[k].lower.as_str(), "a" | "ont" | "avait" | "avaient")
        })?;
        subject_before(words, aux, floor)
    }

    /// A passive participle with its agent: the content is the clause before "par" (or,
    /// when the participle opens it, what follows the agent: "Accusé par X de …"); the
    /// speaker is the agent.
    fn passive_parts(
        &self,
        cue: &VerbCue,
        floor: usize,
        par: usize,
        next_cue: Option<usize>,
    ) -> Parts {
        let words = self.words;
        let mut to = par + 1;
        while let Some(w) = words.get(to + 1) {
            if is_boundary(w)
                || AUXILIARIES.contains(&w.lower.as_str())
                || matches!(w.folded.as_str(), "qui" | "dont" | "que" | "qu'")
                || to > par + 12
            {
                break;
            }
            to += 1;
        }
        // "par le porte-parole du gouvernement, Jean-Claude Mwamba, de …"
        if let Some(end) = name_in_apposition(self.view, words, to) {
            to = end;
        }
        let speaker = trim_range(words, par + 1, to);
        let clause_start = (floor..cue.group_start)
            .rev()
            .find(|&k| matches!(words[k].kind, WordKind::Comma | WordKind::Colon))
            .map_or(floor, |k| k + 1);
        let content = if clause_start < cue.group_start {
            trim_range(words, clause_start, par - 1)
        } else {
            let end = next_cue.map_or(words.len() - 1, |n| n.saturating_sub(1));
            (to < end).then(|| trim_range(words, to + 1, end)).flatten()
        };
        Parts {
            content,
            speaker,
            channel_words: Vec::new(),
        }
    }

    /// Whether a speaker phrase is a toll or count with no source inside ("le dernier
    /// bilan", "les chiffres"; not "le bilan des autorités", "les chiffres du ministère de
    /// la Santé"), outside any "selon".
    fn unsourced_toll(&self, (from, to): (usize, usize)) -> bool {
        let phrase = &self.words[from..=to];
        let toll = description_head(self.lex, phrase)
            .is_some_and(|h| self.lex.toll_nouns.contains(h.as_str()));
        toll && self.according.is_empty()
            && !phrase.iter().any(|w| {
                self.lex.institutions.contains(w.folded.as_str())
                    || self.lex.unnamed.contains_key(w.folded.as_str())
                    || self.lex.organisation_roles.contains(w.folded.as_str())
            })
            && !self
                .view
                .mentions_in(span_of(self.words, from, to))
                .any(|m| m.label != EntityType::MISC)
    }

    /// An incise: the content runs from the clause start to the comma before the verb; the
    /// speaker follows the verb, or is its inverted clitic.
    fn incise_parts(&self, cue: &VerbCue, floor: usize) -> Parts {
        let words = self.words;
        let (comme, contrast) = comme_contrast(words, cue);
        let mut end = comme.unwrap_or(cue.group_start).saturating_sub(1);
        while end > floor && matches!(words[end].kind, WordKind::Comma) {
            end -= 1;
        }
        let start = contrast.map_or(floor, |s| s.max(floor));
        let content = trim_range(words, start, end);
        let (speaker, channel_words) = if cue.clitic.is_some() {
            let outlet = outlet_after_clitic(self.lex, self.view, words, cue.group_end);
            (None, outlet.into_iter().collect())
        } else {
            let (speaker, mut channel_words) =
                subject_after(self.lex, self.view, words, cue.group_end + 1);
            let speaker = speaker_before_relay(self.lex, words, speaker);
            match self.learnt_by_outlet(cue, speaker) {
                Some((outlet, source)) => {
                    if self.view.mention_starting_at(words[outlet].start).is_some() {
                        channel_words.push(outlet);
                    }
                    (Some(source), channel_words)
                }
                None => (speaker, channel_words),
            }
        };
        Parts {
            content,
            speaker,
            channel_words,
        }
    }

    /// A verb with its speaker before it: the content starts after "que", a colon or a
    /// quotation within the clause, else it is the verb's object; it ends at the sentence
    /// end or before the next verb cue. Its subject starts no lower than `subject_floor`.
    fn forward_parts(
        &self,
        cue: &VerbCue,
        subject_floor: usize,
        gerund: bool,
        next_cue: Option<usize>,
    ) -> Parts {
        let words = self.words;
        let sentence_end = words.len() - 1;
        let group_end = cue.group_end;
        let speaker = if gerund {
            None
        } else {
            speaker_before_relay(
                self.lex,
                words,
                subject_before(words, cue.group_start, subject_floor),
            )
        };
        let mut k = group_end + 1;
        let mut content_start = None;
        let mut channel_words = Vec::new();
        // "a démenti le bilan … que lui a attribué l'ONU": after a direct object, "que" is a
        // relative pronoun, and the object is what was said.
        let object_first = direct_object_after(words, group_end);
        while let Some(w) = words.get(k) {
            // "a démenti tout tir, précisant qu'elle …": the next cue's words are its own.
            if next_cue.is_some_and(|n| k >= n) {
                break;
            }
            if matches!(w.folded.as_str(), "que" | "qu'") && !object_first {
                content_start = Some(k + 1);
                break;
            }
            // "affirment être entrés dans la ville et que …", "a assuré ne pas avoir vu …":
            // an infinitive right after the verb is what was said, before any later "que".
            if k <= group_end + 3
                && matches!(w.folded.as_str(), "avoir" | "etre")
                && words[group_end + 1..k].iter().all(|x| {
                    matches!(x.folded.as_str(), "ne" | "n'" | "pas" | "jamais" | "plus")
                        || is_adverb(x)
                })
            {
                content_start = Some(group_end + 1);
                break;
            }
            // "a appelé au respect des instructions, « afin de … »": the complement right
            // after the verb is what was said, not a later quotation.
            if k == group_end + 1
                && matches!(w.lower.as_str(), "à" | "au" | "aux")
                && !words[k..]
                    .iter()
                    .take(10)
                    .take_while(|x| x.kind != WordKind::Comma && x.kind != WordKind::Stop)
                    .any(|x| {
                        matches!(x.folded.as_str(), "que" | "qu'")
                            || matches!(
                                x.kind,
                                WordKind::Colon | WordKind::OpenQuote | WordKind::StraightQuote
                            )
                    })
            {
                content_start = Some(k);
                break;
            }
            if w.folded == ":" || matches!(w.kind, WordKind::OpenQuote | WordKind::StraightQuote) {
                content_start = Some(k + 1);
                break;
            }
            if w.kind == WordKind::Stop || k > group_end + 14 {
                break;
            }
            // "a déclaré à Xinhua", "a nié auprès de la chaîne Rudaw", "a indiqué sur son
            // compte Telegram": the outlet or platform the words went through; not "a
            // félicité les forces pour leur victoire sur Daech".
            if self.view.mention_starting_at(w.start).is_some()
                && k > group_end + 1
                && is_channel_phrase(self.lex, &words[group_end + 1..k])
            {
                channel_words.push(k);
            }
            k += 1;
        }
        // A refusal to comment is about what it declines: "commenter ces informations",
        // "tout commentaire".
        let start = if cue.refusal {
            cue.verb
        } else {
            content_start.unwrap_or_else(|| {
                // "fait état de trois blessés", "fait part d'une inquiétude": the
                // preposition of a verb of several words opens what is said.
                let of = words.get(group_end + 1).is_some_and(|w| {
                    matches!(w.folded.as_str(), "de" | "d'") && group_end > cue.verb
                });
                // "évoque pour sa part au moins 14 morts": the aside is no part of it.
                let from = group_end + 1 + usize::from(of);
                from + aside_len(words, from)
            })
        };
        // "a déclaré : « A. B. »": a full stop inside the quotation, with the quotation
        // going on after it, does not end what is said.
        let quotation_goes_on = |k: usize| {
            self.quoted[k]
                && words.get(k + 1).is_some_and(|n| {
                    self.quoted[k + 1] && matches!(n.kind, WordKind::Word | WordKind::Elision)
                })
        };
        let mut stop = start;
        while stop < sentence_end
            && (words[stop + 1].kind != WordKind::Stop || quotation_goes_on(stop + 1))
        {
            stop += 1;
        }
        // A quotation opening right after the verb's colon ends at its closing mark ("a
        // lancé : « … », avant de quitter la salle"); not a name quoted after the verb ("se
        // fait appeler « X » : « … »").
        let open = (start.saturating_sub(1)..=start.min(sentence_end))
            .find(|&k| words[k].kind == WordKind::OpenQuote);
        let right_after_verb = open.is_some_and(|o| {
            o > group_end + 1
                && words[group_end + 1..o]
                    .iter()
                    .all(|w| w.kind == WordKind::Colon)
        });
        if let Some(o) = open.filter(|_| right_after_verb) {
            if let Some(close) = (o + 1..=stop).find(|&k| words[k].kind == WordKind::CloseQuote) {
                stop = stop.min(close.saturating_sub(1).max(start));
            }
        }
        if let Some(next) = next_cue {
            stop = stop.min(next.saturating_sub(1));
        }
        let content = if start > sentence_end {
            None
        } else {
            trim_range(words, start, stop.max(start))
        };
        // "a reconnu avoir jeté un projectile mais avait nié …": the conjunction joins the
        // next verb, it is not said.
        let content = content.and_then(|(a, b)| {
            if b > a && CONJUNCTIONS.contains(&words[b].folded.as_str()) {
                trim_range(words, a, b - 1)
            } else {
                Some((a, b))
            }
        });
        Parts {
            content,
            speaker,
            channel_words,
        }
    }

    /// The speaker of a verb cue (`earlier`: the sentence's statements before it): the
    /// participle's speaker is the sentence's last; "qui"
    /// before the verb stands for the speaker of the clause it hangs on ("…, affirme le
    /// texte, qui évoque « des pertes »"); else the speaker phrase or clitic is resolved.
    fn verb_speaker(
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
        if coordinated || gerund && !first_in_sentence {
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

    /// The chain of a verb statement, nearest first: outlets spoken to ("sur son compte
    /// Telegram"), links of the speaker's description, relays, then "selon X" next to the
    /// verb (last cited first); else the chain of the speaker referred back to.
    fn verb_chain(
        &self,
        channel_words: &[usize],
        speaker: &Speaker,
        with_according: bool,
    ) -> Vec<String> {
        let mut via: Vec<String> = Vec::new();
        for &k in channel_words {
            if let Some(m) = self.view.mention_starting_at(self.words[k].start) {
                if m.label == EntityType::ORG {
                    via.push(m.entity.clone());
                }
            }
        }
        via.extend(speaker.via.iter().cloned());
        via.extend(self.relays.iter().cloned());
        for AccordingChain { chain, .. } in self.according.iter().filter(|_| with_according) {
            via.extend(chain.iter().rev().cloned());
        }
        let via = clean_via(self.view, via, speaker.entity.as_deref());
        inherit_via(self.view, via, speaker)
    }

    /// "Selon X, content." or "content, selon X.": one according-to attribution per phrase.
    fn according_statements(
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
            // "Selon X, 300 personnes auraient été tuées / l'usine fermerait": hedged; not a
            // forecast ("devrait", "pourrait").
            // A simple conditional inside quotation marks is the speaker's own ("Selon lui,
            // la réforme « coûterait des emplois »"); a compound one still reports a claim.
            let conditional = (cfrom..=cto).any(|k| match conditional(&words[k]) {
                Some(Conditional::Compound) => true,
                Some(Conditional::Simple) => !self.quoted[k],
                _ => false,
            });
            out.push(Attribution {
                content: span_of(words, cfrom, cto),
                speaker: speaker.span,
                speaker_entity: speaker.entity.clone(),
                speaker_unnamed: speaker.unnamed,
                cue: Some(span_of(words, *start, *start)),
                kind: AttributionKind::AccordingTo,
                channel: self.channel.clone(),
                via,
                hedged: self.hedged || conditional,
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

/// Remembers the speaker of the statement just pushed, with that statement's chain.
/// Whether the clause of a verb starting at `group_start` is an object relative: "que"
/// after a comma, then a short subject ("…, que les agriculteurs menacent de bloquer").
fn object_relative(words: &[Word], group_start: usize, floor: usize) -> bool {
    (floor..group_start).rev().take(6).any(|k| {
        matches!(words[k].folded.as_str(), "que" | "qu'")
            && k > 0
            && words[k - 1].kind == WordKind::Comma
            && words[k + 1..group_start]
                .iter()
                .all(|w| matches!(w.kind, WordKind::Word | WordKind::Elision))
    })
}

/// "…, comme l'a noté le quotidien X", "…, comme le rappelle le ministre": an incise
/// whose object pronoun stands for the clause before the comma. Gives the index of
/// "comme".
fn comme_incise(words: &[Word], cue: &VerbCue) -> Option<usize> {
    let pronoun = cue.group_start.checked_sub(1)?;
    let comme = pronoun.checked_sub(1)?;
    (matches!(words[pronoun].folded.as_str(), "l'" | "le")
        && words[comme].folded == "comme"
        && comme > 0
        && (words[comme - 1].kind == WordKind::Comma || contrast_start(words, comme).is_some())
        && words
            .get(cue.group_end + 1)
            .is_some_and(|w| w.kind != WordKind::Comma && w.kind != WordKind::Stop))
    .then_some(comme)
}

/// A "comme" incise ("…, comme l'a noté X") and, when it follows a correction ("et non 23
/// comme l'avait indiqué X"), where the figure set aside starts.
fn comme_contrast(words: &[Word], cue: &VerbCue) -> (Option<usize>, Option<usize>) {
    let comme = comme_incise(words, cue);
    (comme, comme.and_then(|c| contrast_start(words, c)))
}

/// "…, et non 23 comme l'avait indiqué le syndicat": the figure a correction sets aside is
/// what the "comme" incise's speaker said; the first word after "non" ("non pas"), at most
/// four words before "comme" and in the same clause.
fn contrast_start(words: &[Word], comme: usize) -> Option<usize> {
    let non = (comme.saturating_sub(4)..comme)
        .rev()
        .take_while(|&k| !is_boundary(&words[k]))
        .find(|&k| words[k].folded == "non")?;
    let start = if words.get(non + 1).is_some_and(|w| w.folded == "pas") {
        non + 2
    } else {
        non + 1
    };
    (start < comme).then_some(start)
}

fn remember(speaker: Speaker, out: &[Attribution], seen: &mut Seen) {
    if let Some(mut r) = speaker.remember {
        r.via = out.last().map(|a| a.via.clone()).unwrap_or_default();
        r.channel = out.last().and_then(|a| a.channel.clone());
        r.at = out
            .last()
            .map(|a| a.speaker.unwrap_or(a.content).start)
            .unwrap_or_default();
        seen.push(r);
    }
}

/// A sentence that is one quotation right after a sentence with attributions continues
/// the previous speaker's words.
pub(crate) fn quote_continuation(
    words: &[Word],
    sentence: Span,
    inside_new_paragraph: bool,
    previous: Option<&Attribution>,
    last_speaker: Option<&SpeakerRef>,
) -> Option<Attribution> {
    let content = if is_quotation(words) {
        quote_inner(words).unwrap_or(sentence)
    } else if inside_new_paragraph {
        // A new paragraph inside a quotation opened before: the quotation goes on, up to
        // its closing mark.
        let end = words
            .iter()
            .position(|w| w.kind == WordKind::CloseQuote)
            .map_or(words.len() - 1, |k| k.saturating_sub(1));
        let (a, b) = trim_range(words, 0, end)?;
        span_of(words, a, b)
    } else {
        return None;
    };
    let (prev, last) = (previous?, last_speaker?);
    Some(Attribution {
        content,
        speaker: prev.speaker,
        speaker_entity: last.entity.clone(),
        speaker_unnamed: last.unnamed,
        cue: None,
        kind: AttributionKind::Direct,
        channel: prev.channel.clone(),
        via: prev.via.clone(),
        hedged: false,
        polarity: Polarity::Assert,
        provenance: Provenance::new(STAGE, "quote-continuation"),
    })
}

/// How many sentences a quotation may run on without closing before it is taken for a
/// missing closing mark.
const QUOTE_MAX_SENTENCES: usize = 10;

/// Whether the text is inside a quotation opened in an earlier sentence ("… il raconte :
/// « Nous étions … » spread over several sentences or paragraphs). Only typographic marks
/// count: straight quotes give no direction, and one missing in a long article would put
/// the rest of it inside a quotation. Nested openings count once (a closing mark is often
/// left out of "« … «dans un état critique»").
#[derive(Debug, Default)]
pub(crate) struct QuoteState {
    open: bool,
    sentences_inside: usize,
}

impl QuoteState {
    pub(crate) fn inside(&self) -> bool {
        self.open
    }

    /// Moves past a sentence's quotation marks.
    pub(crate) fn advance(&mut self, words: &[Word]) {
        for (k, w) in words.iter().enumerate() {
            match w.kind {
                // An opening mark right before a comma or the end closes ("Sénégal« ,").
                WordKind::OpenQuote => {
                    let closes = words
                        .get(k + 1)
                        .is_none_or(|n| matches!(n.kind, WordKind::Comma | WordKind::Stop));
                    self.open = !closes;
                }
                WordKind::CloseQuote => self.open = false,
                _ => {}
            }
        }
        if self.inside() {
            self.sentences_inside += 1;
            if self.sentences_inside > QUOTE_MAX_SENTENCES {
                *self = QuoteState::default();
            }
        } else {
            self.sentences_inside = 0;
        }
    }
}

/// A sentence that is a quotation of its own: it opens with a quotation mark and at least
/// four fifths of its (four or more) words are quoted. A short quoted subtitle is not.
fn is_quotation(words: &[Word]) -> bool {
    if !matches!(
        words.first().map(|w| w.kind),
        Some(WordKind::OpenQuote | WordKind::StraightQuote)
    ) {
        return false;
    }
    let quoted = quoted_mask(words);
    let (mut inside, mut total) = (0usize, 0usize);
    for (w, q) in words.iter().zip(&quoted) {
        if w.kind == WordKind::Word {
            total += 1;
            inside += *q as usize;
        }
    }
    total >= 4 && inside * 5 >= total * 4
}

/// The inside of a sentence that is one quotation.
fn quote_inner(words: &[Word]) -> Option<Span> {
    let first = words.first()?;
    let last_quote = words
        .iter()
        .rev()
        .find(|w| matches!(w.kind, WordKind::CloseQuote | WordKind::StraightQuote));
    let end = match last_quote {
        Some(q) if q.start > first.start => q.start,
        _ => words.last()?.end,
    };
    let start = words.get(1)?.start;
    (start < end).then(|| Span::new(start, end))
}

/// Direct when the whole content is one quotation, mixed when part of it is quoted, or when
/// a quoted fragment opening in lowercase is woven into the article's own clause ("a
/// dénoncé « une agression flagrante »", "un plan « digne de ce nom »").
fn kind_of(words: &[Word], quoted: &[bool], from: usize, to: usize) -> AttributionKind {
    let inner_words: Vec<usize> = (from..=to)
        .filter(|&k| matches!(words[k].kind, WordKind::Word | WordKind::Elision))
        .collect();
    if inner_words.is_empty() {
        return AttributionKind::Indirect;
    }
    let quoted_count = inner_words.iter().filter(|&&k| quoted[k]).count();
    // A quotation opened before the sentence began counts as opened at its start.
    let opens_at_start = from == 0
        || matches!(
            words[from - 1].kind,
            WordKind::OpenQuote | WordKind::StraightQuote
        );
    let woven = from >= 2
        && matches!(words[from - 2].kind, WordKind::Word | WordKind::Elision)
        && !words[from].capitalised
        && matches!(words[from].kind, WordKind::Word | WordKind::Elision);
    if quoted_count == inner_words.len() && opens_at_start && !woven {
        AttributionKind::Direct
    } else if quoted_count > 0 {
        AttributionKind::Mixed
    } else {
        AttributionKind::Indirect
    }
}

/// Where a participle's group starts once an object pronoun before it is counted ("…, la
/// qualifiant d'acte barbare", "…, les jugeant infondées"), never below `floor`.
fn participle_start(words: &[Word], group_start: usize, floor: usize) -> usize {
    match group_start.checked_sub(1) {
        Some(p)
            if p > floor
                && matches!(
                    words[p].folded.as_str(),
                    "le" | "la" | "les" | "l'" | "lui" | "leur"
                )
                && words[p - 1].kind == WordKind::Comma =>
        {
            p
        }
        _ => group_start,
    }
}

#[cfg(test)]
mod tests {
    use super::kind_of;
    use crate::grammar::quoted_mask;
    use crate::testutil::{content, contents, contents_and_speaker_keys, doc, starting};
    use crate::words::scan;
    use recoupe_model::{AttributionKind, Document, EntityType};

    // Issue 13: shapes of attribution met in unseen news.

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
    fn issue13_the_source_after_a_t_on_appris_de() {
        assert_eq!(
            contents_and_speakers(
                "Le convoi a quitté la frontière dans la nuit, a-t-on appris de sources militaires.\nLa route est rouverte, peut-on lire sur le site.",
                &[]
            ),
            vec![pair("Le convoi a quitté la frontière dans la nuit", "sources militaires")]
        );
    }

    #[test]
    fn issue13_a_participle_after_a_bare_denial_speaks_for_its_subject() {
        assert_eq!(
            contents_and_speakers(
                "La préfecture a démenti, qualifiant ces rumeurs de pure invention.",
                &[]
            ),
            vec![pair("ces rumeurs de pure invention", "La préfecture")]
        );
    }

    #[test]
    fn issue13_a_clause_with_a_copula_before_the_incise_is_its_content() {
        assert_eq!(
            contents_and_speakers(
                "La saison sera courte, a indiqué le chef du service des pêches.",
                &[]
            ),
            vec![pair(
                "La saison sera courte",
                "le chef du service des pêches"
            )]
        );
    }

    #[test]
    fn issue13_an_unnamed_source_cited_by_an_outlet_is_the_speaker() {
        assert_eq!(
            contents_and_speakers(
                "Trois maisons ont brûlé à Tyr, a rapporté l'agence Nour, citant une source locale.",
                &[("Nour", EntityType::ORG, "org:nour")]
            ),
            vec![pair("Trois maisons ont brûlé à Tyr", "une source locale")]
        );
    }

    #[test]
    fn issue13_an_outlet_that_learnt_from_a_source_is_no_speaker_the_source_is() {
        assert_eq!(
            contents_and_speakers(
                "Deux ponts ont cédé à Mbandaka, a appris l'APK auprès de la mairie.\nLe préfet a quitté la ville, a appris l'APK de sources sécuritaires.\nLe marché a brûlé, a-t-on appris mardi auprès des pompiers.",
                &[("APK", EntityType::ORG, "org:apk")]
            ),
            vec![
                pair("Deux ponts ont cédé à Mbandaka", "la mairie"),
                pair("Le préfet a quitté la ville", "sources sécuritaires"),
                pair("Le marché a brûlé", "des pompiers"),
            ]
        );
    }

    #[test]
    fn issue13_a_gerund_with_que_speaks_for_the_subject_of_the_verb_before() {
        assert_eq!(
            contents_and_speakers(
                "La directrice, Anne Roy, a pris acte du vote tout en rappelant que le chantier reste à financer.\nLe comité a revu le calendrier en précisant que les travaux dureront un an.",
                &[("Anne Roy", EntityType::PER, "per:roy")]
            ),
            vec![
                pair("le chantier reste à financer", "La directrice, Anne Roy"),
                pair("les travaux dureront un an", "Le comité"),
            ]
        );
    }

    fn contents_and_speakers(
        text: &str,
        entities: &[(&str, EntityType, &str)],
    ) -> Vec<(String, Option<String>)> {
        found_in(&doc(text, None, entities))
    }

    /// Each attribution of `d` as its content and its speaker as written.
    fn found_in(d: &Document) -> Vec<(String, Option<String>)> {
        d.layers
            .attributions
            .iter()
            .map(|a| (content(d, a), a.speaker.map(|s| d.slice(s).to_string())))
            .collect()
    }

    fn pair(content: &str, speaker: &str) -> (String, Option<String>) {
        (content.to_string(), Some(speaker.to_string()))
    }

    #[test]
    fn issue13_a_capitalised_est_in_a_name_is_no_verb_before_the_apposition() {
        assert_eq!(
            contents_and_speakers(
                "Le gouverneur de l'Est du pays, Ali Samir, avait fait état dimanche d'un bilan de 40 morts.",
                &[("Est", EntityType::LOC, "loc:est"), ("Ali Samir", EntityType::PER, "per:samir")],
            ),
            vec![pair("dimanche d'un bilan de 40 morts", "Le gouverneur de l'Est du pays, Ali Samir")]
        );
    }

    #[test]
    fn issue13_a_count_after_a_finite_verb_is_its_object() {
        assert_eq!(
            contents_and_speakers("Le gouvernement malien annonce 12 morts.", &[]),
            vec![pair("12 morts", "Le gouvernement malien")]
        );
    }

    #[test]
    fn issue13_an_aside_between_the_verb_and_que() {
        assert_eq!(
            contents_and_speakers(
                "Le maire a répété, comme il l'avait fait la veille au conseil municipal, que la route restera fermée.",
                &[]
            ),
            vec![pair("la route restera fermée", "Le maire")]
        );
    }

    #[test]
    fn issue13_a_participle_after_et_shares_an_earlier_auxiliary() {
        let found = contents_and_speakers(
            "La brigade avait fouillé le quartier et annoncé un bilan de six morts.\nLes pillards ont brûlé les granges et emporté « tout le bétail », selon un voisin.",
            &[],
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "un bilan de six morts");
        assert_eq!(
            found[1],
            pair(
                "Les pillards ont brûlé les granges et emporté « tout le bétail",
                "un voisin"
            )
        );
    }

    #[test]
    fn issue13_a_bare_verb_in_an_object_relative_and_a_participle_in_a_source_phrase() {
        assert_eq!(
            contents_and_speakers(
                "Les rues ont été fermées près du stade, au nord de la ville, que les supporters menacent d'envahir, a indiqué la police.\nTrois bateaux ont coulé, selon des informations publiées par la capitainerie.",
                &[]
            ),
            vec![
                pair(
                    "Les rues ont été fermées près du stade, au nord de la ville, que les supporters menacent d'envahir",
                    "la police"
                ),
                pair("Trois bateaux ont coulé", "des informations"),
            ]
        );
    }

    #[test]
    fn issue13_comme_after_a_statement_names_its_relay() {
        let d = doc(
            "Le syndicat Unia a assuré que les salaires seront versés, comme le rappelle le quotidien Le Temps.",
            None,
            &[
                ("Unia", EntityType::ORG, "org:unia"),
                ("Le Temps", EntityType::ORG, "org:temps"),
            ],
        );
        assert_eq!(
            d.layers.attributions.len(),
            1,
            "{:#?}",
            d.layers.attributions
        );
        let a = &d.layers.attributions[0];
        assert_eq!(a.speaker_entity.as_deref(), Some("org:unia"));
        assert_eq!(a.via, vec!["org:temps".to_string()]);
    }

    #[test]
    fn issue13_comme_with_a_pronoun_makes_an_incise_on_the_clause_before() {
        let d = doc(
            "Les loyers ont doublé en dix ans, comme l'a relevé le quotidien Le Temps.\nLa digue avait déjà cédé en 1999, comme le rappelle la préfète.\nLe marché est ouvert, comme le veut la tradition.",
            None,
            &[("Le Temps", EntityType::ORG, "org:temps")],
        );
        let found = found_in(&d);
        assert_eq!(
            found,
            vec![
                (
                    "Les loyers ont doublé en dix ans".to_string(),
                    Some("le quotidien Le Temps".to_string())
                ),
                (
                    "La digue avait déjà cédé en 1999".to_string(),
                    Some("la préfète".to_string())
                ),
            ],
            "{:#?}",
            d.layers.attributions
        );
        assert_eq!(
            d.layers.attributions[0].speaker_entity.as_deref(),
            Some("org:temps")
        );
    }

    #[test]
    fn issue13_an_incise_left_inside_the_guillemets_names_the_speaker() {
        // French typography keeps the incise inside the quotation it cuts; the quotation
        // closes sentences later, or never in the sentence.
        let d = doc(
            "« Le pont ne tiendra pas l'hiver, prévient une ingénieure du canton. Il faut le fermer. »\nLes quais « seront dégagés avant lundi, a-t-il assuré.\n« Il faut reconstruire, rappeler les règles et payer », a déclaré le syndic Paul Roux.",
            None,
            &[("Paul Roux", EntityType::PER, "per:roux")],
        );
        let found = found_in(&d);
        assert_eq!(
            found,
            vec![
                (
                    "Le pont ne tiendra pas l'hiver".to_string(),
                    Some("une ingénieure du canton".to_string())
                ),
                (
                    "Les quais « seront dégagés avant lundi".to_string(),
                    Some("-t-il".to_string())
                ),
                (
                    "Il faut reconstruire, rappeler les règles et payer".to_string(),
                    Some("le syndic Paul Roux".to_string())
                ),
            ],
            "{:#?}",
            d.layers.attributions
        );
        assert_eq!(d.layers.attributions[0].kind, AttributionKind::Direct);
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
    fn issue13_quotations_framed_by_their_speaker_without_a_verb() {
        let d = doc(
            "Pour la gérante du camping, Julie Marchal, « personne n'avait prévu une crue pareille ».\nUne infirmière de garde, épuisée : « Nous avons manqué de brancards toute la nuit. »\nPour la première fois, « le marché » a fermé.\nPalmarès du jury : « Les Oubliés »",
            None,
            &[("Julie Marchal", EntityType::PER, "per:marchal")],
        );
        let found = contents_and_speaker_keys(&d);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            found[0],
            (
                "personne n'avait prévu une crue pareille".to_string(),
                Some("per:marchal")
            )
        );
        assert!(found[1].0.starts_with("Nous avons manqué de brancards"));
        assert!(d.layers.attributions[1].speaker_unnamed);
        assert_eq!(d.layers.attributions[0].kind, AttributionKind::Direct);
    }

    #[test]
    fn issue13_groups_infinitive_contents_and_an_adverb_after_the_auxiliary() {
        let d = doc(
            "Les rebelles ont revendiqué la prise de l'aéroport.\nLe mouvement Hilal a d'abord annoncé son retrait du scrutin.\nLes mutins affirment être sortis de la caserne et que le colonel a fui.\nLes plongeurs annoncent remonter des débris chaque matin.",
            None,
            &[("Hilal", EntityType::ORG, "org:hilal")],
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
                "la prise de l'aéroport",
                "son retrait du scrutin",
                "être sortis de la caserne et que le colonel a fui",
                "remonter des débris chaque matin",
            ],
            "{:#?}",
            d.layers.attributions
        );
        assert!(d.layers.attributions[0].speaker_unnamed);
        assert_eq!(
            d.layers.attributions[1].speaker_entity.as_deref(),
            Some("org:hilal")
        );
    }

    #[test]
    fn issue13_a_headline_closed_by_its_source_in_parentheses() {
        let d = crate::testutil::headed_doc(
            "Crues du Var : douze disparus (bilan de la préfecture maritime)\nLes recherches ont repris à l'aube.",
            &[],
        );
        assert_eq!(
            d.layers.attributions.len(),
            1,
            "{:#?}",
            d.layers.attributions
        );
        let a = &d.layers.attributions[0];
        assert_eq!(content(&d, a), "Crues du Var : douze disparus");
        assert_eq!(a.kind, AttributionKind::AccordingTo);
        // A parenthesis naming a place or a medium is no source.
        let d = crate::testutil::headed_doc(
            "Un bus tombe dans un ravin (vidéo)\nLe chauffeur a été blessé.",
            &[],
        );
        assert!(
            d.layers.attributions.is_empty(),
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue13_the_communique_is_its_author_s_even_after_another_speaker() {
        let d = doc(
            "Dans un communiqué, l'Office des eaux a annoncé la coupure du réseau. « Nous sommes inquiets », a réagi le maire Paul Ronan. Selon le communiqué, la coupure durera trois jours.",
            None,
            &[
                ("Office des eaux", EntityType::ORG, "org:eaux"),
                ("Paul Ronan", EntityType::PER, "per:ronan"),
            ],
        );
        let last = d.layers.attributions.last().unwrap();
        assert_eq!(content(&d, last), "la coupure durera trois jours");
        assert_eq!(last.speaker_entity.as_deref(), Some("org:eaux"));
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
    fn indirect_speech_with_que() {
        let d = doc(
            "Le ministre Karim Haddad a affirmé mardi que les convois avaient quitté la ville.",
            None,
            &[("Karim Haddad", EntityType::PER, "per:haddad")],
        );
        assert_eq!(d.layers.attributions.len(), 1);
        let a = &d.layers.attributions[0];
        assert_eq!(content(&d, a), "les convois avaient quitté la ville");
        assert_eq!(a.speaker_entity.as_deref(), Some("per:haddad"));
        assert_eq!(a.kind, AttributionKind::Indirect);
        assert!(!a.hedged);
    }

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
    fn multi_sentence_quote_keeps_its_speaker() {
        let d = doc(
            "« Les routes sont coupées », a déclaré Omar Saleh. « Nous manquons de carburant depuis une semaine. »",
            None,
            &[("Omar Saleh", EntityType::PER, "per:saleh")],
        );
        assert_eq!(
            d.layers.attributions.len(),
            2,
            "{:?}",
            d.layers.attributions
        );
        let b = &d.layers.attributions[1];
        assert_eq!(b.speaker_entity.as_deref(), Some("per:saleh"));
        assert_eq!(b.kind, AttributionKind::Direct);
    }

    #[test]
    fn quotation_after_verb_is_not_an_incise() {
        let d = doc(
            "Le colonel Omar Saleh, porte-parole de la coalition, a salué « une opération précise ».",
            None,
            &[("Omar Saleh", EntityType::PER, "per:saleh")],
        );
        let a = &d.layers.attributions[0];
        assert_eq!(content(&d, a), "une opération précise");
        assert_eq!(a.speaker_entity.as_deref(), Some("per:saleh"));
    }

    #[test]
    fn issue5_subject_with_apposition_is_not_an_inverted_incise() {
        let d = doc(
            "Le ministre de l'Intérieur, Karim Haddad, a annoncé l'arrestation de trois suspects.\nLes combats ont repris, a annoncé l'armée.",
            None,
            &[("Karim Haddad", EntityType::PER, "per:haddad")],
        );
        let first = &d.layers.attributions[0];
        assert_eq!(content(&d, first), "l'arrestation de trois suspects");
        assert_eq!(first.speaker_entity.as_deref(), Some("per:haddad"));
        let second = &d.layers.attributions[1];
        assert_eq!(content(&d, second), "Les combats ont repris");
        assert_eq!(d.slice(second.speaker.unwrap()), "l'armée");
    }

    #[test]
    fn issue13_pour_x_then_a_clause_weaving_a_quotation_in() {
        let d = doc(
            "Pour la maire de Vienne, Claire Duval, la réforme « oublie les petites communes ».\nPour la première fois, le musée « ouvre ses portes la nuit ».",
            None,
            &[("Claire Duval", EntityType::PER, "per:duval")],
        );
        let found = contents_and_speaker_keys(&d);
        assert_eq!(
            found,
            vec![(
                "la réforme « oublie les petites communes".to_string(),
                Some("per:duval")
            )],
            "{:#?}",
            d.layers.attributions
        );
        assert_eq!(d.layers.attributions[0].kind, AttributionKind::Mixed);
    }

    #[test]
    fn issue13_a_corrected_figure_belongs_to_the_comme_incise_speaker() {
        let d = doc(
            "Selon la préfecture, 14 bus ont été réquisitionnés, et non 20 comme l'avait d'abord annoncé la compagnie.\nLe car transportait 40 passagers, et non pas 45 comme l'affirmait le transporteur.",
            None,
            &[],
        );
        let found: Vec<(String, Option<&str>)> = d
            .layers
            .attributions
            .iter()
            .map(|a| (content(&d, a), a.speaker.map(|s| d.slice(s))))
            .collect();
        assert!(
            found.contains(&("20".to_string(), Some("la compagnie"))),
            "{found:?}"
        );
        assert!(
            found.contains(&("45".to_string(), Some("le transporteur"))),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(c, s)| c.starts_with("14 bus") && *s == Some("la préfecture")),
            "{found:?}"
        );
    }

    #[test]
    fn kind_is_direct_only_for_a_whole_quotation() {
        let text = "« tout est calme » et « rien ne bouge » ici";
        let w = scan(text, 0, text.len());
        let q = quoted_mask(&w);
        assert_eq!(kind_of(&w, &q, 1, 3), AttributionKind::Direct);
        assert_eq!(kind_of(&w, &q, 1, w.len() - 1), AttributionKind::Mixed);
        assert_eq!(
            kind_of(&w, &q, w.len() - 1, w.len() - 1),
            AttributionKind::Indirect
        );
        // A lowercase fragment woven into the clause is mixed; a quoted sentence after a
        // colon stays direct.
        let text = "Le maire a dénoncé « une provocation » hier ; il a dit : « Nous tiendrons »";
        let w = scan(text, 0, text.len());
        let q = quoted_mask(&w);
        let at = |word: &str| w.iter().position(|x| x.folded == word).unwrap();
        assert_eq!(
            kind_of(&w, &q, at("une"), at("provocation")),
            AttributionKind::Mixed
        );
        assert_eq!(
            kind_of(&w, &q, at("nous"), at("tiendrons")),
            AttributionKind::Direct
        );
    }

    // Issue 13: statements read on unseen text.

    #[test]
    fn issue13_a_quotation_closed_before_the_verb_makes_an_incise() {
        // "de" after the verb ("s'est indigné le directeur de l'agence") must not turn the
        // incise into "accuser X de …".
        let d = doc(
            "« Personne ne peut bombarder une centrale », s'est indigné le directeur de l'agence, Paul Ronan.",
            None,
            &[("Paul Ronan", EntityType::PER, "per:ronan")],
        );
        assert_eq!(
            d.layers.attributions.len(),
            1,
            "{:#?}",
            d.layers.attributions
        );
        let a = &d.layers.attributions[0];
        assert_eq!(content(&d, a), "Personne ne peut bombarder une centrale");
        assert_eq!(a.speaker_entity.as_deref(), Some("per:ronan"));
        assert_eq!(a.kind, AttributionKind::Direct);
    }

    #[test]
    fn issue13_the_agent_of_a_passive_verb_of_saying_speaks() {
        let d = doc(
            "L'incendie a été qualifié de « criminel » par le préfet Paul Ronan.\nLa mairie parle de 40 sinistrés, un chiffre démenti par la Croix-Rouge.",
            None,
            &[
                ("Paul Ronan", EntityType::PER, "per:ronan"),
                ("Croix-Rouge", EntityType::ORG, "org:redcross"),
            ],
        );
        let passive: Vec<(String, Option<&str>)> = d
            .layers
            .attributions
            .iter()
            .filter(|a| a.provenance.rule == "speech-verb" && a.speaker_entity.is_some())
            .map(|a| (content(&d, a), a.speaker_entity.as_deref()))
            .collect();
        assert_eq!(
            passive,
            vec![
                (
                    "L'incendie a été qualifié de « criminel".to_string(),
                    Some("per:ronan")
                ),
                ("un chiffre démenti".to_string(), Some("org:redcross")),
            ],
            "{:#?}",
            d.layers.attributions
        );
        assert_eq!(
            starting(&d, "un chiffre démenti").polarity,
            recoupe_model::Polarity::Deny
        );
        // The town hall, a body described by its kind, gives the figure.
        assert_eq!(
            d.slice(starting(&d, "40 sinistrés").speaker.unwrap()),
            "La mairie"
        );
    }

    #[test]
    fn issue13_passive_verbs_that_say_nothing_are_not_statements() {
        let d = doc(
            "Le texte, lancé par les Jeunes verts et soutenu par le Parti du travail, a été adopté.\nDeux randonneurs ont été emportés par la crue du torrent.",
            None,
            &[("Parti du travail", EntityType::ORG, "org:pt")],
        );
        assert!(
            d.layers.attributions.is_empty(),
            "{:#?}",
            d.layers.attributions
        );
        assert_eq!(d.layers.unsourced.len(), 2);
    }

    #[test]
    fn issue13_content_stops_at_the_next_cue_and_after_a_direct_object() {
        let d = doc(
            "La compagnie a démenti le bilan que lui prêtait la presse, précisant que les vols partiront à l'heure.",
            None,
            &[],
        );
        let contents = contents(&d);
        assert_eq!(
            contents,
            vec![
                "le bilan que lui prêtait la presse",
                "les vols partiront à l'heure"
            ],
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn issue13_a_quotation_running_over_paragraphs_is_never_unsourced() {
        let d = doc(
            "Le maire Paul Ronan décrit la nuit : « L'eau est montée en dix minutes, nous avons évacué l'école.\nLes pompiers sont arrivés à l'aube. Personne n'a dormi. »\nLa route a rouvert mardi.",
            None,
            &[("Paul Ronan", EntityType::PER, "per:ronan")],
        );
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(unsourced, vec!["La route a rouvert mardi."]);
        // The new paragraph inside the quotation goes on with the same speaker.
        let continued = d
            .layers
            .attributions
            .iter()
            .find(|a| content(&d, a).starts_with("Les pompiers"))
            .expect("continuation");
        assert_eq!(continued.speaker_entity.as_deref(), Some("per:ronan"));
        assert_eq!(continued.kind, AttributionKind::Direct);
    }

    #[test]
    fn issue13_each_paragraph_of_a_long_quotation_is_its_speaker_s() {
        // Paragraphs of two sentences each, inside one quotation opened in the first.
        let d = doc(
            "La directrice Anne Morel raconte : « Le toit a cédé vers minuit, les élèves dormaient.\nNous avons appelé les secours. Ils sont venus vite.\nLe gymnase est détruit. Les cours reprendront ailleurs.\nNous remercions les voisins. Ils ont tout donné. »\nLa commune a voté une aide.",
            None,
            &[("Anne Morel", EntityType::PER, "per:morel")],
        );
        let found = contents_and_speaker_keys(&d);
        for opening in [
            "Nous avons appelé",
            "Le gymnase est détruit",
            "Nous remercions",
        ] {
            assert!(
                found
                    .iter()
                    .any(|(c, s)| c.starts_with(opening) && *s == Some("per:morel")),
                "{opening}: {found:#?}"
            );
        }
        // The second sentence of a paragraph is part of that paragraph's statement.
        assert!(!found.iter().any(|(c, _)| c.starts_with("Ils sont venus")));
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(unsourced, vec!["La commune a voté une aide."]);
    }

    #[test]
    fn issue13_a_quotation_resumed_after_its_incise_is_a_second_statement() {
        let d = doc(
            "« Les digues ont tenu », a expliqué le maire Luc Perrin, « mais la prochaine crue les emportera. »\n\"Nous resterons\", a-t-elle dit à la radio, \"jusqu'à la fin du chantier\".\n« Le calme est revenu », a indiqué la préfète, avant de quitter les lieux.",
            None,
            &[("Luc Perrin", EntityType::PER, "per:perrin")],
        );
        let found: Vec<(String, Option<&str>, AttributionKind)> = d
            .layers
            .attributions
            .iter()
            .map(|a| (content(&d, a), a.speaker_entity.as_deref(), a.kind))
            .collect();
        assert!(
            found.contains(&(
                "mais la prochaine crue les emportera".to_string(),
                Some("per:perrin"),
                AttributionKind::Direct
            )),
            "{found:#?}"
        );
        assert!(
            found
                .iter()
                .any(|(c, _, k)| c == "jusqu'à la fin du chantier" && *k == AttributionKind::Direct),
            "{found:#?}"
        );
        // No quotation after the incise: one statement only.
        assert_eq!(
            found.iter().filter(|(c, _, _)| c.contains("calme")).count(),
            1,
            "{found:#?}"
        );
        assert_eq!(found.len(), 5, "{found:#?}");
    }

    #[test]
    fn issue13_a_participle_after_a_noun_speaks_for_that_noun() {
        let d = doc(
            "Le syndicat s'inquiète des rumeurs faisant état de 200 licenciements.\nL'ONG est alarmée par les informations faisant état de pillages.\nLa mairie a publié un communiqué affirmant que l'eau est potable.\nLe ministre a qualifié la grève d'échec assurant que les trains rouleront.",
            None,
            &[],
        );
        let found: Vec<(String, Option<String>)> = d
            .layers
            .attributions
            .iter()
            .map(|a| (content(&d, a), a.speaker.map(|s| d.slice(s).to_string())))
            .collect();
        assert!(
            found.contains(&(
                "200 licenciements".to_string(),
                Some("des rumeurs".to_string())
            )),
            "{found:#?}"
        );
        assert!(
            found.contains(&("pillages".to_string(), Some("les informations".to_string()))),
            "{found:#?}"
        );
        // A channel after its author's verb keeps the subject of the verb before.
        let potable = found
            .iter()
            .find(|(c, _)| c.starts_with("l'eau est potable"))
            .expect("communiqué");
        assert_ne!(potable.1.as_deref(), Some("un communiqué"), "{found:#?}");
        // A noun that cannot speak leaves the participle to the subject of the sentence.
        assert!(
            !found
                .iter()
                .any(|(_, s)| s.as_deref().is_some_and(|s| s.contains("grève"))),
            "{found:#?}"
        );
    }

    #[test]
    fn issue13_an_opening_mark_used_as_a_closing_one_closes() {
        let d = doc(
            "« Le scrutin est validé« , indique un arrêt du Conseil.\nLe nouveau président prêtera serment mardi.",
            None,
            &[],
        );
        let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
        assert_eq!(
            unsourced,
            vec!["Le nouveau président prêtera serment mardi."]
        );
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
    fn issue13_the_reporter_as_witness() {
        let d = doc(
            "Un photographe de l'agence Nour a vu les blindés entrer dans la ville.\nLe maire a vu les dégâts mardi.",
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
        assert_eq!(content(&d, a), "les blindés entrer dans la ville");
        assert!(a.speaker_unnamed);
        assert_eq!(a.via, vec!["org:nour".to_string()]);
    }

    #[test]
    fn issue13_a_view_framed_by_its_holder_without_verb_or_quotation() {
        let d = doc(
            "Pour l'historienne Maud Lefranc, de l'université de Caen, la réforme arrive trop tard.\nPour les syndicats, ce plan serait un recul.\nPour la première fois, le musée ouvre le soir.\nPour un couple avec deux enfants, la facture baisse de 8 %.\nPour les trois postes du conseil communal, la liste reste ouverte.",
            None,
            &[
                ("Maud Lefranc", EntityType::PER, "per:lefranc"),
                ("université de Caen", EntityType::ORG, "org:caen"),
                ("conseil communal", EntityType::ORG, "org:conseil"),
            ],
        );
        let found: Vec<(String, bool)> = d
            .layers
            .attributions
            .iter()
            .map(|a| (content(&d, a).to_string(), a.hedged))
            .collect();
        assert_eq!(
            found,
            vec![
                ("la réforme arrive trop tard".to_string(), false),
                ("ce plan serait un recul".to_string(), true)
            ]
        );
        let first = &d.layers.attributions[0];
        assert_eq!(first.speaker_entity.as_deref(), Some("per:lefranc"));
        assert_eq!(first.kind, AttributionKind::AccordingTo);
    }

    #[test]
    fn issue13_the_outlet_s_own_reporter_as_witness() {
        let d = doc(
            "Mardi soir, notre envoyée spéciale a vu des colonnes de camions quitter le port.",
            None,
            &[],
        );
        assert_eq!(
            d.layers.attributions.len(),
            1,
            "{:#?}",
            d.layers.attributions
        );
        let a = &d.layers.attributions[0];
        assert_eq!(content(&d, a), "des colonnes de camions quitter le port");
        assert!(a.speaker_unnamed);
        assert!(a.via.is_empty());
    }

    #[test]
    fn issue13_appositions_coordination_and_semicolons() {
        let d = doc(
            "Le syndicat Unia, qui représente les chauffeurs, réclame une hausse des salaires.\nLa ministre Claire Besson a dénoncé « une provocation » et appelé les deux camps à la retenue.\nLes jeunes voient leur chômage augmenter ; ils représentent 8 % des actifs.",
            None,
            &[
                ("Unia", EntityType::ORG, "org:unia"),
                ("Claire Besson", EntityType::PER, "per:besson"),
            ],
        );
        let found: Vec<(String, Option<&str>)> = d
            .layers
            .attributions
            .iter()
            .map(|a| (content(&d, a), a.speaker.map(|s| d.slice(s))))
            .collect();
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(found[0].0, "une hausse des salaires");
        assert_eq!(
            d.layers.attributions[0].speaker_entity.as_deref(),
            Some("org:unia")
        );
        assert_eq!(found[2].0, "les deux camps à la retenue");
        assert_eq!(found[2].1, found[1].1);
    }

    #[test]
    fn issue13_a_body_described_by_its_kind_blames_and_gives_reasons() {
        assert_eq!(
            contents_and_speakers(
                "La gendarmerie a imputé l'incendie à des chasseurs imprudents.\nLa direction invoque la hausse du prix de l'énergie.\nLa compagnie aérienne a présenté ses condoléances aux proches des passagers.",
                &[]
            ),
            vec![
                pair("l'incendie à des chasseurs imprudents", "La gendarmerie"),
                pair("la hausse du prix de l'énergie", "La direction"),
                pair("aux proches des passagers", "La compagnie aérienne"),
            ]
        );
        // Acts, not words: a decree, support for a bill, a claim reported in the passive.
        assert_eq!(
            contents_and_speakers(
                "Les autorités ont décrété l'état d'urgence dans trois provinces.\nLe Sénat a soutenu le projet de loi.\nL'explosion a été revendiquée par un groupe armé.",
                &[("Sénat", EntityType::ORG, "org:senat")]
            ),
            vec![]
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

    #[test]
    fn issue13_a_participle_after_a_comma_speaks_for_the_subject_of_the_compound_verb() {
        let d = doc(
            "La préfecture avait interdit le rassemblement, invoquant des « menaces sérieuses ».\nLe club a limogé son entraîneur, affirmant que les résultats étaient insuffisants.\nLe camion a percuté un mur à Lyon, tuant deux passants.",
            None,
            &[("Lyon", EntityType::LOC, "loc:lyon")],
        );
        assert_eq!(
            found_in(&d),
            vec![
                pair("menaces sérieuses", "La préfecture"),
                pair("les résultats étaient insuffisants", "Le club"),
            ]
        );
        // The main clauses are still the article's own facts.
        assert_eq!(d.layers.unsourced.len(), 3, "{:#?}", d.layers.unsourced);
    }

    #[test]
    fn issue13_the_cited_source_speaks_and_the_one_citing_it_is_its_link() {
        let d = doc(
            "Trois soldats ont été blessés, a rapporté la radio Kilima FM, citant le gouverneur Paul Amani.\nL'agence Sahara Info, citant le ministère de la Défense, affirme que la frontière est fermée.\nDes élus, citant des sources locales, évoquent une quarantaine de morts.",
            None,
            &[
                ("Kilima FM", EntityType::ORG, "org:kilima"),
                ("Paul Amani", EntityType::PER, "per:amani"),
                ("Sahara Info", EntityType::ORG, "org:sahara"),
                ("ministère de la Défense", EntityType::ORG, "org:defense"),
            ],
        );
        let all = &d.layers.attributions;
        assert_eq!(all.len(), 3, "{:#?}", found_in(&d));
        assert_eq!(all[0].speaker_entity.as_deref(), Some("per:amani"));
        assert_eq!(all[0].via, vec!["org:kilima".to_string()]);
        assert_eq!(all[1].speaker_entity.as_deref(), Some("org:defense"));
        assert_eq!(all[1].via, vec!["org:sahara".to_string()]);
        // Sources that are not named leave the speaker phrase whole.
        assert_eq!(
            d.slice(all[2].speaker.unwrap()),
            "Des élus, citant des sources locales"
        );
    }

    #[test]
    fn issue13_a_time_before_an_inverted_subject_a_relative_and_a_titled_apposition() {
        assert_eq!(
            contents_and_speakers(
                "L'usine fermera en mars, a annoncé ce mardi la direction.\nLe syndicat, qui compte 4 000 adhérents, réclame une prime.",
                &[]
            ),
            vec![
                pair("L'usine fermera en mars", "la direction"),
                pair("une prime", "Le syndicat"),
            ]
        );
        let d = doc(
            "Les deux morts sont des pêcheurs, selon le médecin du district, le Dr Jean Rabe.",
            None,
            &[("Jean Rabe", EntityType::PER, "per:rabe")],
        );
        assert_eq!(
            contents_and_speaker_keys(&d),
            vec![(
                "Les deux morts sont des pêcheurs".to_string(),
                Some("per:rabe")
            )]
        );
    }
    #[test]
    fn issue13_figures_held_to_counts_of_a_body_and_roles_speaking_by_object() {
        assert_eq!(
            contents_and_speakers(
                "La police s'en tient à un bilan de 12 morts.\nLe syndicat parle d'un « coup dur » pour la région.\nLe maire parle de 30 disparus.\nLes syndicats menacent de prolonger la grève.",
                &[]
            ),
            vec![
                pair("un bilan de 12 morts", "La police"),
                pair("coup dur » pour la région", "Le syndicat"),
                pair("30 disparus", "Le maire"),
                pair("de prolonger la grève", "Les syndicats"),
            ]
        );
        // What a group of people by occupation demands is their act; the incise names who
        // said it.
        assert_eq!(
            contents_and_speakers(
                "Les éleveurs réclament un prix plancher, a précisé la fédération.",
                &[]
            ),
            vec![pair(
                "Les éleveurs réclament un prix plancher",
                "la fédération"
            )]
        );
    }

    #[test]
    fn issue13_published_results_and_a_count_of_a_body_are_its_words() {
        let d = doc(
            "Selon les résultats publiés par la Commission électorale, le sortant l'emporte.\nL'Agence congolaise de presse a annoncé trois morts. Un précédent bilan de l'agence faisait état de deux morts.",
            None,
            &[
                ("Commission électorale", EntityType::ORG, "org:ce"),
                ("Agence congolaise de presse", EntityType::ORG, "org:acp"),
            ],
        );
        let a = starting(&d, "le sortant l'emporte");
        assert_eq!(a.speaker_entity.as_deref(), Some("org:ce"));
        assert!(a.via.is_empty(), "{:?}", a.via);
        assert_eq!(
            starting(&d, "deux morts").speaker_entity.as_deref(),
            Some("org:acp")
        );
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
    fn issue13_a_reporter_witnessing_in_the_passive_and_a_description_by_another_office() {
        assert_eq!(
            contents_and_speakers(
                "Des tirs ont été entendus dans la nuit par des journalistes de l'AFP.\nLa voiture a été vue par des passants.",
                &[("AFP", EntityType::ORG, "org:afp")]
            ),
            vec![pair(
                "Des tirs ont été entendus dans la nuit",
                "des journalistes de l'AFP"
            )]
        );
        let d = doc(
            "Le député sortant, Marc Léger, a reconnu sa défaite.\nLe dépouillement durera trois jours, d'après le directeur du scrutin.",
            None,
            &[("Marc Léger", EntityType::PER, "per:leger")],
        );
        let a = starting(&d, "Le dépouillement");
        assert!(a.speaker_unnamed && a.speaker_entity.is_none(), "{a:#?}");
    }

    #[test]
    fn issue13_an_aside_after_the_verb_is_no_part_of_what_is_said() {
        let d = doc(
            "La mairie avance une estimation de 2 000 visiteurs. L'association Festiloire évoque de son côté au moins 5 000 entrées.",
            None,
            &[("Festiloire", EntityType::ORG, "org:festiloire")],
        );
        let a = starting(&d, "au moins");
        assert_eq!(content(&d, a), "au moins 5 000 entrées");
    }

    #[test]
    fn issue13_a_body_claiming_a_figure_speaks_but_not_when_it_decrees_a_length() {
        let d = doc(
            "Le collectif revendique pour sa part 4 500 marcheurs.\nLe gouvernement a décrété deux jours de deuil national.",
            None,
            &[],
        );
        let found = contents(&d);
        assert!(found.contains(&"4 500 marcheurs".to_string()), "{found:?}");
        assert!(!found.iter().any(|c| c.contains("deuil")), "{found:?}");
    }

    #[test]
    fn issue13_the_subject_after_a_relative_clause_whose_verb_is_a_cue() {
        let d = doc(
            "L'Office des eaux, qui a dénombré 60 coupures, a affirmé que le réseau serait rétabli vendredi.",
            None,
            &[("Office des eaux", EntityType::ORG, "org:office-eaux")],
        );
        let a = starting(&d, "le réseau");
        assert_eq!(
            a.speaker_entity.as_deref(),
            Some("org:office-eaux"),
            "{a:#?}"
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

    #[test]
    fn issue13_a_quotation_after_a_colon_runs_over_its_sentences() {
        let d = doc(
            "La directrice a prévenu : « Le bâtiment ne rouvrira pas. Les cours auront lieu ailleurs », avant de partir.",
            None,
            &[],
        );
        let a = starting(&d, "Le bâtiment");
        assert_eq!(
            content(&d, a),
            "Le bâtiment ne rouvrira pas. Les cours auront lieu ailleurs"
        );
    }

    #[test]
    fn issue13_a_stressed_pronoun_between_commas_resumes_a_long_subject() {
        let text = "Les insurgés parlent de 12 morts. Les Forces armées de la République du Nord (FARN), elles, maintiennent un bilan de 27 morts.";
        let d = doc(
            text,
            None,
            &[
                (
                    "Forces armées de la République du Nord",
                    EntityType::ORG,
                    "org:farn",
                ),
                ("FARN", EntityType::ORG, "org:farn"),
            ],
        );
        let a = d.layers.attributions.last().unwrap();
        assert_eq!(
            &text[a.content.start..a.content.end],
            "un bilan de 27 morts"
        );
        assert_eq!(a.speaker_entity.as_deref(), Some("org:farn"));
    }
}
