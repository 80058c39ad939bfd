//! Statements: one sentence read into attributions. Each verb cue is read either as an
//! incise after its content ("…, a-t-il ajouté", "…, ont annoncé les autorités") or with its
//! speaker before it and its content after ("X a affirmé que …", "X a déclaré : « … »");
//! with no verb cue, "selon X" makes an according-to attribution. Here the content span,
//! the kind (direct, indirect, mixed) and the hedged flag are decided; speakers and chains
//! come from their modules.

use recoupe_model::{Attribution, AttributionKind, EntityType, Polarity, Provenance, Span};

use crate::chains::{
    according_chains, clean_via, inherit_via, is_channel_phrase, outlet_after_clitic, relay_links,
    AccordingChain,
};
use crate::cues::{
    complement_after, find_cues, tagged_as_verb, Complement, CueKind, Tags, VerbCue,
};
use crate::grammar::{
    direct_object_after, is_adverb, is_conditional, quoted_mask, span_of, trim_range, AUXILIARIES,
    CONJUNCTIONS,
};
use crate::lexicon::{Lexicon, VerbClass};
use crate::speakers::{
    description_head, pronoun_speaker, resolve_speaker, same_as, Speaker, SpeakerRef,
};
use crate::subjects::{subject_after, subject_before, topic_head};
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
    seen: &mut Vec<SpeakerRef>,
) -> Vec<Attribution> {
    let quoted = quoted_mask(words);
    let cues = find_cues(lex, view.text, words, &quoted);
    if cues.is_empty() {
        return Vec::new();
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
    // la Syrie et l'Irak espèrent rouvrir …"), not a second statement.
    let verb_cues: Vec<VerbCue> = cues
        .iter()
        .filter_map(|c| match c {
            CueKind::Verb(v) if !(has_according && v.weak) => Some(*v),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    if verb_cues.is_empty() {
        reading.according_statements(&mut out, seen);
    } else {
        reading.verb_statements(&verb_cues, &mut out, seen);
    }
    out
}

impl Reading<'_, '_> {
    fn verb_statements(
        &self,
        cues: &[VerbCue],
        out: &mut Vec<Attribution>,
        seen: &mut Vec<SpeakerRef>,
    ) {
        let words = self.words;
        // Part-of-speech tags, computed only if a cue needs them.
        let mut tags: Tags = None;
        // Where the clause of the next cue may start: just after the previous verb group.
        let mut floor = 0;
        for cue in cues {
            let complement = complement_after(words, cue.group_end);
            // "…, précisant que …": a present participle continues the speaker of the same
            // sentence; elsewhere ("confirmant ainsi la défaite") it is no statement.
            let gerund = words[cue.verb].folded.ends_with("ant") && cue.clitic.is_none();
            if gerund && (out.is_empty() || complement.is_none()) {
                continue;
            }
            let incise = !gerund && self.is_incise(cue, complement, floor, &mut tags);
            // Verbs often not about speech ("lancer", "confirmer", "dévoiler") need a clause
            // or a quotation; opinion verbs taking an object ("considérer X comme", "appeler
            // à") count when a person or body is their subject.
            let bare = cue.weak && !incise && complement.is_none();
            if bare && !cue.opinion {
                continue;
            }
            let parts = if incise {
                self.incise_parts(cue, floor)
            } else {
                // A later verb cue in the same sentence ends this content.
                let next = cues
                    .iter()
                    .map(|c| c.group_start)
                    .find(|&g| g > cue.group_end);
                self.forward_parts(cue, floor, gerund, next)
            };
            floor = cue.group_end + 1;
            let Some((cfrom, cto)) = parts.content else {
                continue;
            };
            let speaker = self.verb_speaker(cue, incise, gerund, parts.speaker, out, seen);
            let speaker = Speaker {
                span: if gerund { None } else { speaker.span },
                ..speaker
            };
            // The impersonal "on" ("peut-on lire", "l'on ajoute") names no source.
            if speaker.span.is_some_and(|sp| {
                matches!(
                    fold(&self.view.text[sp.start..sp.end]).as_str(),
                    "on" | "l'on" | "-t-on" | "-on"
                )
            }) {
                continue;
            }
            // A verb that is often not about speech ("conclure", "confirmer", "appeler")
            // counts without a clause or quotation only when a named person or body, or a
            // described person ("certains experts"), is its subject.
            let described_person = speaker.remember.as_ref().is_some_and(|r| {
                r.unnamed
                    && r.head
                        .as_deref()
                        .is_some_and(|h| self.lex.unnamed.contains_key(h))
            });
            if bare && speaker.entity.is_none() && !described_person {
                continue;
            }
            let via = self.verb_chain(&parts.channel_words, &speaker);
            let hedged = cue.class == VerbClass::Hedge || self.hedged;
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
                    } else {
                        "speech-verb"
                    },
                ),
            });
            remember(speaker, out, seen);
        }
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
        if cue.clitic.is_some() {
            return true;
        }
        let prev = cue.group_start.checked_sub(1).map(|p| &words[p]);
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
        let after_clause = |tags: &mut Tags| {
            let floor_word = floor.min(cue.group_start);
            (floor_word..cue.group_start).any(|k| {
                AUXILIARIES.contains(&words[k].lower.as_str())
                    || tagged_as_verb(self.view.text, words, k, tags)
            })
        };
        prev.is_some_and(|p| matches!(p.kind, WordKind::Comma | WordKind::CloseQuote))
            && !complement.is_some_and(|c| c.clausal || c.distance <= 3)
            && !accuses
            && (prev.is_some_and(|p| p.kind == WordKind::CloseQuote)
                || self.quoted[..cue.group_start].iter().any(|q| *q)
                || after_clause(tags))
    }

    /// An incise: the content runs from the clause start to the comma before the verb; the
    /// speaker follows the verb, or is its inverted clitic.
    fn incise_parts(&self, cue: &VerbCue, floor: usize) -> Parts {
        let words = self.words;
        let mut end = cue.group_start.saturating_sub(1);
        while end > floor && matches!(words[end].kind, WordKind::Comma) {
            end -= 1;
        }
        let content = trim_range(words, floor, end);
        let (speaker, channel_words) = if cue.clitic.is_some() {
            let outlet = outlet_after_clitic(self.lex, self.view, words, cue.group_end);
            (None, outlet.into_iter().collect())
        } else {
            subject_after(self.lex, self.view, words, cue.group_end + 1)
        };
        Parts {
            content,
            speaker,
            channel_words,
        }
    }

    /// A verb with its speaker before it: the content starts after "que", a colon or a
    /// quotation within the clause, else it is the verb's object; it ends at the sentence
    /// end or before the next verb cue.
    fn forward_parts(
        &self,
        cue: &VerbCue,
        floor: usize,
        gerund: bool,
        next_cue: Option<usize>,
    ) -> Parts {
        let words = self.words;
        let sentence_end = words.len() - 1;
        let group_end = cue.group_end;
        let speaker = if gerund {
            None
        } else {
            subject_before(words, cue.group_start, floor)
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
            if matches!(
                w.kind,
                WordKind::Colon | WordKind::OpenQuote | WordKind::StraightQuote
            ) {
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
            content_start.unwrap_or(group_end + 1)
        };
        let mut stop = start;
        while stop < sentence_end && !matches!(words[stop + 1].kind, WordKind::Stop) {
            stop += 1;
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
        seen: &[SpeakerRef],
    ) -> Speaker {
        let first_in_sentence = earlier.is_empty();
        let previous_speaker = earlier.last().and_then(|a| a.speaker);
        let words = self.words;
        let group_start = cue.group_start;
        let relative_subject = !incise
            && group_start > 0
            && words[group_start - 1].folded == "qui"
            && !first_in_sentence;
        // "X a reconnu … mais avait nié …": a verb coordinated with no subject of its own
        // shares the previous verb's.
        let coordinated = !incise
            && group_start > 0
            && CONJUNCTIONS.contains(&words[group_start - 1].folded.as_str())
            && !first_in_sentence;
        if coordinated {
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
        } else if relative_subject {
            let relative = span_of(words, group_start - 1, group_start - 1);
            match seen.last() {
                Some(prev) => same_as(relative, prev, vec![]),
                None => resolve_speaker(self.lex, self.view, words, range, None, seen, None),
            }
        } else {
            resolve_speaker(
                self.lex,
                self.view,
                words,
                range,
                cue.clitic.map(|c| &words[c]),
                seen,
                self.topic.as_deref(),
            )
        }
    }

    /// The chain of a verb statement, nearest first: outlets spoken to ("sur son compte
    /// Telegram"), links of the speaker's description, relays, then "selon X" next to the
    /// verb (last cited first); else the chain of the speaker referred back to.
    fn verb_chain(&self, channel_words: &[usize], speaker: &Speaker) -> Vec<String> {
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
        for AccordingChain { chain, .. } in &self.according {
            via.extend(chain.iter().rev().cloned());
        }
        let via = clean_via(self.view, via, speaker.entity.as_deref());
        inherit_via(self.view, via, speaker)
    }

    /// "Selon X, content." or "content, selon X.": one according-to attribution per phrase.
    fn according_statements(&self, out: &mut Vec<Attribution>, seen: &mut Vec<SpeakerRef>) {
        let words = self.words;
        let sentence_end = words.len() - 1;
        for according in &self.according {
            let AccordingChain {
                start,
                end: np_end,
                chain,
                speaker_links,
                speaker_phrase: np,
            } = according;
            let content = if *start == 0 || words[..*start].iter().all(is_adverb) {
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
            let conditional = (cfrom..=cto).any(|k| is_conditional(&words[k].folded));
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

    /// The entity a "selon" phrase names as its source, remembered with its head noun so
    /// that "le site" later refers back to "selon le site vie-publique.fr".
    fn named_source(&self, entity: String, phrase: Option<(usize, usize)>) -> Speaker {
        let head = phrase.and_then(|(a, b)| description_head(self.lex, &self.words[a..=b]));
        let person = self
            .view
            .entities
            .iter()
            .any(|m| m.entity == entity && m.label == EntityType::PER);
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
            }),
        }
    }
}

/// Remembers the speaker of the statement just pushed, with that statement's chain.
fn remember(speaker: Speaker, out: &[Attribution], seen: &mut Vec<SpeakerRef>) {
    if let Some(mut r) = speaker.remember {
        r.via = out.last().map(|a| a.via.clone()).unwrap_or_default();
        seen.push(r);
    }
}

/// A sentence that is one quotation right after a sentence with attributions continues
/// the previous speaker's words.
pub(crate) fn quote_continuation(
    words: &[Word],
    sentence: Span,
    previous: Option<&Attribution>,
    last_speaker: Option<&SpeakerRef>,
) -> Option<Attribution> {
    if !is_quotation(words) {
        return None;
    }
    let (prev, last) = (previous?, last_speaker?);
    Some(Attribution {
        content: quote_inner(words).unwrap_or(sentence),
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

/// Direct when the whole content is one quotation, mixed when part of it is quoted.
fn kind_of(words: &[Word], quoted: &[bool], from: usize, to: usize) -> AttributionKind {
    let inner_words: Vec<usize> = (from..=to)
        .filter(|&k| matches!(words[k].kind, WordKind::Word | WordKind::Elision))
        .collect();
    if inner_words.is_empty() {
        return AttributionKind::Indirect;
    }
    let quoted_count = inner_words.iter().filter(|&&k| quoted[k]).count();
    let opens_at_start = from > 0
        && matches!(
            words[from - 1].kind,
            WordKind::OpenQuote | WordKind::StraightQuote
        );
    if quoted_count == inner_words.len() && opens_at_start {
        AttributionKind::Direct
    } else if quoted_count > 0 {
        AttributionKind::Mixed
    } else {
        AttributionKind::Indirect
    }
}

#[cfg(test)]
mod tests {
    use super::kind_of;
    use crate::grammar::quoted_mask;
    use crate::testutil::{content, doc};
    use crate::words::scan;
    use recoupe_model::{AttributionKind, EntityType};

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
    }
}
