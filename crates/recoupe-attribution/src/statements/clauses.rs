//! The word ranges of a verb statement before its speaker is resolved: whether the verb is an
//! incise after its content or has its subject before it, where the content starts and ends
//! ("que", a colon, a quotation, the object, the next cue), passive agents, participles
//! hanging on a noun or on the verb before, "comme l'a noté X", "a-t-on appris de X".

use crate::chains::{is_channel_phrase, outlet_after_clitic, speaker_before_relay};
use crate::cues::{tagged_as_verb_or_aux, Complement, Tags, VerbCue};
use crate::grammar::{
    aside_len, direct_object_after, is_adverb, is_boundary, trim_range, AUXILIARIES, CONJUNCTIONS,
    DETERMINERS, WEEKDAYS,
};
use crate::lexicon::VerbClass;
use crate::speakers::description_head;
use crate::subjects::{name_in_apposition, subject_after, subject_before};
use crate::words::{Word, WordKind};
use recoupe_model::EntityType;

use super::{Parts, Reading};

/// How many words the noun phrase before a present participle may have ("les
/// témoignages recueillis par ses enquêteurs affirmant que …" is too far to tell).
const PARTICIPLE_NOUN_WORDS: usize = 6;

/// How many words may stand between the end of an incise and the comma and quotation mark
/// that resume the quotation it interrupted.
const RESUME_GAP_WORDS: usize = 8;

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
pub(super) fn comme_contrast(words: &[Word], cue: &VerbCue) -> (Option<usize>, Option<usize>) {
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

impl Reading<'_, '_> {
    /// The quotation resumed right after an incise ending at word `end` ("…, a-t-il
    /// ajouté, « B »"): a comma, then a quotation mark opening within a few words (an
    /// outlet or a time may stand between: ", a-t-il dit à la radio, « … »"), before any
    /// stop or later cue; its words up to its closing mark.
    pub(super) fn resumed_quotation(
        &self,
        end: usize,
        next_cue: Option<usize>,
    ) -> Option<(usize, usize)> {
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
    pub(super) fn is_incise(
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
            && !self.object_after(cue)
    }

    /// Whether the noun phrase right after a verb is its object, not an inverted subject:
    /// a determiner and a head noun naming an event, which never speaks ("…, les rebelles,
    /// affiliés à X, ont revendiqué *l'attaque*", "…, a annoncé *la grève*"), with no person
    /// or body named at its start. Such a verb after a comma closes an apposition; its
    /// subject is before it.
    fn object_after(&self, cue: &VerbCue) -> bool {
        let words = self.words;
        let Some(first) = words.get(cue.group_end + 1) else {
            return false;
        };
        if !DETERMINERS.contains(&first.folded.as_str()) || first.capitalised {
            return false;
        }
        let Some(head) = words[cue.group_end + 2..]
            .iter()
            .take(3)
            .find(|w| !self.lex.premodifiers.contains(w.folded.as_str()))
        else {
            return false;
        };
        head.kind == WordKind::Word
            && !head.capitalised
            && self.lex.event_nouns.contains(head.folded.as_str())
            && ![first, head]
                .iter()
                .any(|w| self.view.mention_starting_at(w.start).is_some())
    }

    /// The side an impersonal "on" speaks for when the sentence opens on it: "Du côté du
    /// PQ, on se dit serein", "Chez X, on se félicite …", "Au parti Y, on estime …"; the
    /// phrase must name an organisation or a person ("À Paris, on …" is a place).
    pub(super) fn side_of_on(&self, on_start: usize) -> Option<(usize, usize)> {
        let words = self.words;
        let on = words.iter().position(|w| w.start == on_start)?;
        let comma = on.checked_sub(1)?;
        if words[comma].kind != WordKind::Comma {
            return None;
        }
        let from = match words.first()?.folded.as_str() {
            "du" if words.get(1)?.folded == "cote"
                && matches!(words.get(2)?.folded.as_str(), "de" | "du" | "d'" | "des") =>
            {
                if words[2].folded == "de" || words[2].folded == "d'" {
                    3
                } else {
                    2
                }
            }
            "chez" | "au" | "aux" => 1,
            _ => return None,
        };
        let to = comma.checked_sub(1)?;
        if from > to || (from..=to).any(|k| is_boundary(&words[k])) {
            return None;
        }
        let names = (from..=to).any(|k| {
            self.view
                .mention_starting_at(words[k].start)
                .is_some_and(|m| matches!(m.label, EntityType::ORG | EntityType::PER))
        });
        names.then_some((from, to))
    }

    /// The source after "a-t-on appris de" / "auprès de": "…, a-t-on appris de sources
    /// policières", "…, apprend-on auprès de la préfecture", "… auprès des autorités
    /// locales" (the article's plural stays: "des autorités locales").
    pub(super) fn learnt_from(&self, cue: &VerbCue) -> Option<(usize, usize)> {
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
    pub(super) fn noun_before_participle(
        &self,
        cue: &VerbCue,
        floor: usize,
    ) -> Option<(usize, usize)> {
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
    pub(super) fn gerund_subject(
        &self,
        group_start: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
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
    pub(super) fn passive_parts(
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

    /// An incise: the content runs from the clause start to the comma before the verb; the
    /// speaker follows the verb, or is its inverted clitic.
    pub(super) fn incise_parts(&self, cue: &VerbCue, floor: usize) -> Parts {
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
    pub(super) fn forward_parts(
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
}

#[cfg(test)]
mod tests {

    use crate::testutil::{
        content, contents, contents_and_speaker_keys, contents_and_speakers, doc, found_in, pair,
        starting,
    };

    use recoupe_model::{AttributionKind, EntityType};

    #[test]
    fn issue13_on_speaks_for_the_side_the_sentence_opens_on() {
        let d = doc(
            "Du côté de la Ligue verte, on se dit confiant pour le second tour.\nChez Valtex, on affirme que les salaires seront versés.\nÀ Lyon, on estime que la grève sera suivie.",
            None,
            &[
                ("Ligue verte", EntityType::ORG, "org:ligue"),
                ("Valtex", EntityType::ORG, "org:valtex"),
                ("Lyon", EntityType::LOC, "loc:lyon"),
            ],
        );
        let speakers = contents_and_speaker_keys(&d);
        assert_eq!(
            speakers,
            vec![
                ("confiant".to_string(), Some("org:ligue")),
                ("les salaires seront versés".to_string(), Some("org:valtex")),
            ],
            "{:#?}",
            d.layers.attributions
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
    fn issue13_an_event_noun_after_the_verb_is_its_object_not_an_inverted_subject() {
        // An opener with a participle ("diffusé") makes the words before the comma look like
        // a clause; the event noun after the verb shows that the verb has its subject before.
        let found = contents_and_speakers(
            "Dans un message diffusé par leur radio, les rebelles, alliés à un groupe armé, ont revendiqué l'attaque et affirment avoir pris le village.",
            &[],
        );
        assert_eq!(
            found,
            vec![
                pair("l'attaque", "les rebelles, alliés à un groupe armé"),
                pair(
                    "avoir pris le village",
                    "les rebelles, alliés à un groupe armé"
                ),
            ]
        );
        // A speaker after the verb is still one.
        let found = contents_and_speakers(
            "Dans un message diffusé par la radio, les rebelles ont pris le village, a affirmé la police.",
            &[],
        );
        assert_eq!(found[0].1.as_deref(), Some("la police"));
    }
}
