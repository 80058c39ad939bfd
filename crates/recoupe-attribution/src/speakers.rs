//! Speakers: a speaker phrase linked to an entity, and what pronouns ("il", "selon lui"),
//! definite descriptions ("le ministère", "la source", "le chef caquiste", "cette force
//! paramilitaire") and "ce dernier" refer back to, from the speakers seen before in the
//! document and the entities named before.

use recoupe_model::{EntityMention, EntityType, Span};
use rustc_hash::FxHashMap as HashMap;

use crate::grammar::{span_of, DEFINITE, DETERMINERS, INDEFINITE, PRONOUNS};
use crate::lexicon::Lexicon;
use crate::view::{last_mention_before, last_organisation_before, DocView, Question};
use crate::words::{fold, Word, WordKind};

/// A resolved speaker, remembered for pronouns and definite descriptions that follow.
#[derive(Debug, Clone)]
pub(crate) struct SpeakerRef {
    pub(crate) entity: Option<String>,
    pub(crate) unnamed: bool,
    /// Folded head noun of the description ("source", "ministere"), if any.
    pub(crate) head: Option<String>,
    /// Whether the speaker is a named person (what "il" / "elle" most often refers to).
    pub(crate) person: bool,
    /// The chain the speaker's last statement came through: a later "la source a ajouté"
    /// or "a-t-il ajouté" comes through it too.
    pub(crate) via: Vec<String>,
    /// Where the speaker's last statement was made (its speaker phrase, else its content).
    pub(crate) at: usize,
    /// The channel of the speaker's last statement ("communique", "report"), so that "le
    /// communiqué" later refers back to whoever spoke through one.
    pub(crate) channel: Option<String>,
}

/// Endings of nouns of inhabitants ("Syrien", "Bruxellois", "Marocaine", "Américain"),
/// folded.
const INHABITANT_ENDINGS: [&str; 8] = ["ien", "ienne", "ois", "oise", "ais", "aise", "ain", "aine"];

/// How far after a role description ("le Premier ministre irakien déclare …", a headline)
/// the person it describes may be named when no one was named before.
const CATAPHORA_BYTES: usize = 300;
/// How close to a person's mention a role word must be to describe that person ("le
/// président turc Recep Tayyip Erdogan", "Tymur Tkachenko, chef de …").
const ROLE_WINDOW_BYTES: usize = 60;

/// A speaker phrase read: its span, the entity it names or refers to, the chain links
/// its description carries ("un correspondant de l'AFP" → AFP), and what later pronouns
/// and descriptions may refer back to.
pub(crate) struct Speaker {
    pub(crate) span: Option<Span>,
    pub(crate) entity: Option<String>,
    pub(crate) unnamed: bool,
    pub(crate) via: Vec<String>,
    pub(crate) remember: Option<SpeakerRef>,
}

/// The speaker of a phrase (word range) or of an inverted clitic ("-t-il").
pub(crate) fn resolve_speaker(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    range: Option<(usize, usize)>,
    clitic: Option<&Word>,
    seen: &Seen,
    topic: Option<&str>,
) -> Speaker {
    if let Some(c) = clitic {
        return pronoun_speaker(Span::new(c.start, c.end), view, seen, topic);
    }
    let Some((from, to)) = range else {
        return Speaker {
            span: None,
            entity: None,
            unnamed: true,
            via: vec![],
            remember: None,
        };
    };
    let span = span_of(words, from, to);
    let first = words[from].folded.as_str();
    if from == to && PRONOUNS.contains(&first) {
        return pronoun_speaker(span, view, seen, topic);
    }
    let phrase = Phrase::new(lex, view, &words[from..=to], span);
    // Each reading in turn, the first that applies wins.
    phrase
        .same_source(seen)
        .or_else(|| phrase.own_channel(seen))
        .or_else(|| phrase.named_person())
        .or_else(|| phrase.person_by_role(seen))
        .or_else(|| phrase.channel_author(seen))
        .or_else(|| phrase.unnamed_description(seen))
        .or_else(|| phrase.named_body())
        .or_else(|| phrase.definite_description(seen))
        .unwrap_or_else(|| unnamed(span, phrase.head.clone(), vec![]))
}

/// A speaker phrase of more than a pronoun, with what its readings share.
struct Phrase<'a, 'd> {
    lex: &'a Lexicon,
    view: &'a DocView<'d>,
    words: &'a [Word],
    span: Span,
    /// Folded head noun ("le premier ministre désigné" → "ministre").
    head: Option<String>,
    /// Opens with an indefinite determiner ("un", "des", "plusieurs").
    indefinite: bool,
    /// Opens with a definite or demonstrative determiner ("le", "cette").
    definite: bool,
    /// Persons and organisations named inside the phrase, in text order.
    mentions: Vec<&'d EntityMention>,
}

impl<'d> Phrase<'_, 'd> {
    fn new<'a>(
        lex: &'a Lexicon,
        view: &'a DocView<'d>,
        words: &'a [Word],
        span: Span,
    ) -> Phrase<'a, 'd> {
        let first = words[0].folded.as_str();
        Phrase {
            lex,
            view,
            words,
            span,
            head: description_head(lex, words),
            indefinite: INDEFINITE.contains(&first),
            definite: DEFINITE.contains(&first),
            mentions: view
                .mentions_in(span)
                .filter(|m| m.label != EntityType::LOC && m.label != EntityType::MISC)
                .copied()
                .collect(),
        }
    }

    /// The last person named inside the phrase.
    fn person(&self) -> Option<&'d EntityMention> {
        self.mentions
            .iter()
            .rev()
            .find(|m| m.label == EntityType::PER)
            .copied()
    }

    /// "la même source", "le texte", "le communiqué": the source just quoted; "ce dernier",
    /// "cette dernière": the last person named.
    fn same_source(&self, seen: &Seen) -> Option<Speaker> {
        let words = self.words;
        let first = words[0].folded.as_str();
        let two_words = words.len() == 2;
        // "le communiqué", "le rapport onusien", "indique le communiqué officiel": the
        // speaker who last spoke through that kind of channel, else the same source as
        // before.
        let head_at = words
            .iter()
            .position(|w| Some(&w.folded) == self.head.as_ref());
        let channel = head_at
            .filter(|_| DEFINITE.contains(&first) && self.mentions.is_empty() && words.len() <= 4)
            .and_then(|k| self.lex.channels.at(words, k))
            .filter(|(phrase, _)| phrase.len() == 1)
            .map(|(_, value)| value.to_string());
        if let Some(value) = channel {
            let author = seen.with_channel_or_head(&value, self.head.as_deref());
            // "la télévision publique", "la radio locale": a broadcaster described by its
            // kind is an outlet of its own, not whoever spoke last; "la chaîne" alone may be
            // the one that did.
            let outlet = words.len() > 2 && matches!(value.as_str(), "television" | "radio");
            if outlet && author.is_none() {
                return None;
            }
            if let Some(prev) = author.or(seen.last()) {
                return Some(same_as(self.span, prev, vec![]));
            }
            // Nobody has spoken yet: the communiqué is the organisation's named before ("Le
            // conseil des ministres a adopté le budget. …, indique le communiqué").
            if let Some(m) = last_organisation_before(self.view, self.span.start) {
                return Some(named(self.span, m, self.head.clone()));
            }
        }
        // "la même source", "ces mêmes sources".
        let same_source = words
            .iter()
            .any(|w| matches!(w.folded.as_str(), "meme" | "memes"))
            || (two_words
                && DEFINITE.contains(&first)
                && (self.lex.channels.contains_word(&words[1].folded)
                    || matches!(words[1].folded.as_str(), "texte" | "document")));
        // "le même institut", "ces mêmes familles": the noun after "même" names who spoke
        // before: the speaker described so; else a group of people ("ces mêmes
        // familles") stays unnamed. "la même source", "ce même texte" may stand for any
        // source or channel: read below.
        let same_noun = words
            .iter()
            .position(|w| matches!(w.folded.as_str(), "meme" | "memes"))
            .and_then(|k| words.get(k + 1))
            .filter(|w| w.kind == WordKind::Word)
            .map(|w| w.folded.as_str())
            .filter(|n| !matches!(*n, "source" | "sources") && !self.lex.channels.contains_word(n));
        if let Some(noun) = same_noun {
            if let Some(prev) = seen.with_head(noun) {
                return Some(same_as(self.span, prev, vec![]));
            }
            if self.lex.unnamed.contains_key(noun) {
                return Some(unnamed(self.span, Some(noun.to_string()), vec![]));
            }
        }
        if same_source {
            // "selon la même source" repeats the construction of the source it names: the
            // latest speaker introduced by "selon" too ("selon un bilan du ministère …",
            // then a witness quoted, then "selon la même source": the ministry)
            let text = self.view.text;
            let according = after_according(text, self.span.start);
            let prev = according
                .then(|| seen.last_that(|r| after_according(text, r.at)))
                .flatten()
                .or(seen.last());
            if let Some(prev) = prev {
                return Some(same_as(self.span, prev, vec![]));
            }
        }
        // "ce dernier", "cette dernière": the last person or organisation named (of that
        // gender, when an organisation's is known).
        if two_words
            && matches!(first, "ce" | "cette")
            && matches!(words[1].folded.as_str(), "dernier" | "derniere")
        {
            let gender = if first == "ce" {
                Gender::Masculine
            } else {
                Gender::Feminine
            };
            let view = self.view;
            let last = view.last_before(self.span.start, Question::Latest(gender), |m| {
                view.is_antecedent(m)
                    && match m.label {
                        EntityType::PER => true,
                        EntityType::ORG => {
                            agrees(org_gender(view, m), Some(gender))
                                && !outlet_or_affiliation(self.lex, view, m)
                        }
                        _ => false,
                    }
            });
            if let Some(m) = last {
                return Some(named(self.span, m, None));
            }
        }
        None
    }

    /// "selon son dernier rapport", "dans leur communiqué": a channel of its owner, the
    /// first person or organisation of the sentence ("Le bureau a recensé 80 morts, selon
    /// son rapport"), else the latest speaker.
    fn own_channel(&self, seen: &Seen) -> Option<Speaker> {
        let first = self.words[0].folded.as_str();
        if !matches!(first, "son" | "sa" | "ses" | "leur" | "leurs") || !self.mentions.is_empty() {
            return None;
        }
        let head = self.head.as_deref()?;
        if !self.lex.channels.contains_word(head) {
            return None;
        }
        // The owner is the clause's subject: the first person or organisation of the
        // sentence before the phrase ("Entre 2021 et 2022, l'agence X avait recensé …,
        // d'après son rapport annuel").
        let view = self.view;
        let sentence_start = view.sentence_start_before(self.span.start);
        let owner = view
            .starting_from(sentence_start)
            .iter()
            .take_while(|m| m.span.start < self.span.start)
            .find(|m| {
                matches!(m.label, EntityType::PER | EntityType::ORG) && view.is_antecedent(m)
            });
        if let Some(m) = owner {
            return Some(named(self.span, m, self.head.clone()));
        }
        seen.last().map(|prev| same_as(self.span, prev, vec![]))
    }

    /// A person named in the phrase; in an indefinite description only in apposition ("Un
    /// porte-parole des Unités, Hussein Qassim, a accusé").
    fn named_person(&self) -> Option<Speaker> {
        let p = self.person()?;
        let in_apposition = self.view.text[self.span.start..p.span.start]
            .trim_end()
            .ends_with(',');
        (!self.indefinite || in_apposition).then(|| named(self.span, p, self.head.clone()))
    }

    /// "le chef de la CAQ", "le premier ministre désigné": a person named before, even when
    /// the description names the organisation the person leads. An unnamed-source noun ("le
    /// porte-parole") only takes a person named with that role; otherwise it stays an
    /// unnamed source.
    fn person_by_role(&self, seen: &Seen) -> Option<Speaker> {
        let role = self.head.as_deref().filter(|_| self.definite)?;
        // "les rebelles", "ces experts": a group, never one person named before.
        if matches!(self.words[0].folded.as_str(), "les" | "ces") {
            return None;
        }
        // "le céréalier de Lavoncourt" right after a farmer named before spoke: that person;
        // else one named with that word nearby, else an unnamed person. An occupation
        // within a body it names ("le gérant de la laiterie X") is not the last speaker.
        if self.lex.occupations.contains(role) && self.person().is_none() {
            let last = seen.last().filter(|p| p.person && p.entity.is_some());
            if let Some(prev) = last.filter(|_| self.mentions.is_empty()) {
                return Some(same_as(self.span, prev, vec![]));
            }
            return person_by_role(self.lex, self.view, seen, self.span, role, true);
        }
        let unnamed_noun = self.lex.unnamed.contains_key(role);
        // "ce Syrien", "le Bruxellois d'origine": an inhabitant's noun, capitalised, naming
        // no entity, describes a person named before.
        let inhabitant = self.mentions.is_empty()
            && INHABITANT_ENDINGS.iter().any(|e| role.ends_with(e))
            && self
                .words
                .iter()
                .find(|w| w.folded == role)
                .is_some_and(|w| w.capitalised);
        if !unnamed_noun && !self.lex.person_roles.contains(role) && !inhabitant {
            return None;
        }
        if let Some(prev) = seen.with_head(role).filter(|p| p.person) {
            return Some(same_as(self.span, prev, vec![]));
        }
        person_by_role(self.lex, self.view, seen, self.span, role, unnamed_noun)
    }

    /// "un communiqué des Hachd", "une vidéo du ministère": the channel's author speaks;
    /// "le communiqué de la société": the organisation that description refers back to.
    fn channel_author(&self, seen: &Seen) -> Option<Speaker> {
        let head = self.head.as_deref()?;
        // "un précédent bilan de l'agence", "les chiffres du ministère": a count is its
        // author's word as a channel is.
        if !self.lex.channels.contains_word(head) && !self.lex.toll_nouns.contains(head) {
            return None;
        }
        if let Some(author) = self.person().or(self.mentions.first().copied()) {
            return Some(named(self.span, author, self.head.clone()));
        }
        // "un premier bilan de la police", "les chiffres de l'armée": a state institution
        // as the author is the one named before whose name holds the noun ("la Police
        // nationale"); it points back to no other organisation (every country has one).
        let author_role = self.words.windows(2).find_map(|pair| {
            let noun = pair[1].folded.as_str();
            (matches!(
                pair[0].folded.as_str(),
                "la" | "le" | "l'" | "du" | "cette" | "ce" | "cet"
            ) && (self.lex.organisation_roles.contains(noun)
                || self.lex.institutions.contains(noun)))
            .then_some(noun)
        });
        let role = author_role?;
        let institution_only = !self.lex.organisation_roles.contains(role);
        // "selon le site X … indique le site": the same channel as before.
        if let Some(prev) = seen.with_head(head) {
            return Some(same_as(self.span, prev, vec![]));
        }
        // "une estimation de l'agence": an organisation whose name holds "agence", else
        // the last one named.
        let view = self.view;
        let holding = view.last_before(self.span.start, Question::NameHolding(role.into()), |m| {
            m.label != EntityType::LOC && fold(&view.text[m.span.start..m.span.end]).contains(role)
        });
        if institution_only {
            return holding.map(|m| named(self.span, m, self.head.clone()));
        }
        holding
            .or_else(|| last_organisation_before(view, self.span.start))
            .map(|m| named(self.span, m, self.head.clone()))
    }

    /// "un correspondant de l'AFP", "une source sécuritaire", "le porte-parole de l'armée":
    /// the speaker is unnamed; the outlet a reporter works for is the channel the words came
    /// through. A definite description ("la source") may refer back to an unnamed speaker.
    fn unnamed_description(&self, seen: &Seen) -> Option<Speaker> {
        let head = self.head.as_deref();
        // "le porte-parole de l'armée", "le commandant de HTS": a person of the body, not
        // the body; it stays unnamed, the body its affiliation.
        let person_noun = head.is_some_and(|h| {
            self.lex.unnamed.contains_key(h)
                || self.lex.person_roles.contains(h)
                || self.lex.occupations.contains(h)
        });
        let unnamed_noun = person_noun && self.person().is_none();
        if !self.indefinite && !unnamed_noun {
            return None;
        }
        let reporter = head.is_some_and(|h| self.lex.reporters.contains(h));
        let via: Vec<String> = self
            .mentions
            .iter()
            .filter(|m| m.label == EntityType::ORG && reporter)
            .map(|m| m.entity.clone())
            .collect();
        if !self.indefinite {
            if let Some(prev) = head.and_then(|h| seen.with_head(h)) {
                return Some(same_as(self.span, prev, via));
            }
        }
        Some(unnamed(self.span, self.head.clone(), via))
    }

    /// An organisation named in the phrase, or a country or capital speaking for its
    /// government: "Ankara considère", "L'Égypte a appelé".
    fn named_body(&self) -> Option<Speaker> {
        if let Some(org) = self.mentions.first() {
            return Some(named(self.span, org, self.head.clone()));
        }
        if self.indefinite {
            return None;
        }
        self.view
            .mentions_in(self.span)
            .find(|m| m.label == EntityType::LOC && m.span.start <= self.words[0].end)
            .map(|place| named(self.span, place, self.head.clone()))
    }

    /// A definite description with no name ("le ministère", "le commandant"): the speaker
    /// described so before, else an entity named before whose name holds the noun; "cette
    /// force paramilitaire", "l'alliance", "le site": the organisation named before.
    fn definite_description(&self, seen: &Seen) -> Option<Speaker> {
        let h = self.head.as_deref()?;
        let view = self.view;
        // "la direction du port", "la direction de l'aéroport": the body its complement
        // names, an organisation whose name holds that noun (before any other "direction"
        // that spoke).
        if self.definite && self.lex.organisation_roles.contains(h) {
            if let Some(m) = self.complement_noun().and_then(|n| {
                view.last_before(self.span.start, Question::NameHolding(n.into()), |m| {
                    m.label != EntityType::LOC
                        && fold(&view.text[m.span.start..m.span.end]).contains(n)
                })
            }) {
                return Some(named(self.span, m, self.head.clone()));
            }
        }
        if let Some(prev) = seen.with_head(h) {
            return Some(same_as(self.span, prev, vec![]));
        }
        if let Some(m) = view.last_before(self.span.start, Question::NameHolding(h.into()), |m| {
            m.label != EntityType::LOC && fold(&view.text[m.span.start..m.span.end]).contains(h)
        }) {
            return Some(named(self.span, m, self.head.clone()));
        }
        if self.definite && self.lex.organisation_roles.contains(h) {
            // "La direction de Corvalis … Le lendemain, la direction a démenti": the body
            // named before after the same noun, not whichever was named last (the union
            // that spoke in between).
            if self.mentions.is_empty() {
                if let Some(m) = organisation_after_noun(view, self.span.start, h) {
                    return Some(named(self.span, m, self.head.clone()));
                }
            }
            return last_organisation_before(view, self.span.start)
                .map(|m| named(self.span, m, self.head.clone()));
        }
        None
    }

    /// The noun of the description's "de" complement, when it names no entity ("la
    /// direction *du port*" → "port").
    fn complement_noun(&self) -> Option<&str> {
        if !self.mentions.is_empty() {
            return None;
        }
        let de = self
            .words
            .iter()
            .position(|w| matches!(w.folded.as_str(), "de" | "du" | "d'" | "des"))?;
        self.words[de + 1..]
            .iter()
            .find(|w| {
                w.kind == WordKind::Word
                    && !DETERMINERS.contains(&w.folded.as_str())
                    && !matches!(w.folded.as_str(), "la" | "l'" | "le" | "les")
            })
            .map(|w| w.folded.as_str())
            .filter(|n| n.len() > 2)
    }
}

/// The latest organisation named before `offset` right after `noun` and "de" ("la
/// direction de Corvalis", "la direction du Groupe X"): what a later bare "la direction"
/// stands for.
fn organisation_after_noun<'d>(
    view: &DocView<'d>,
    offset: usize,
    noun: &str,
) -> Option<&'d EntityMention> {
    let text = view.text;
    view.up_to(offset).iter().rev().copied().find(|m| {
        if m.label != EntityType::ORG || m.span.end > offset {
            return false;
        }
        let mut from = m.span.start.saturating_sub(40);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = fold(&text[from..m.span.start]);
        let words: Vec<&str> = words_of(&before).filter(|w| !w.is_empty()).collect();
        let mut k = words.len();
        // "de la", "de l'", "du", "des", "d'"
        if k > 0 && matches!(words[k - 1], "la" | "l" | "l'" | "le" | "les") {
            k -= 1;
        }
        k >= 2 && matches!(words[k - 1], "de" | "du" | "des" | "d" | "d'") && words[k - 2] == noun
    })
}

/// Whether an organisation is named as the outlet that quoted or interviewed someone
/// ("cité par la radio X", "interrogé par la Radiodiffusion Y (RTI)") or as a person's
/// affiliation ("secrétaire général du Syndicat Z (SZ)"): "ce dernier" after such a
/// sentence is the person, not the body named in passing. The words read are the three
/// before the name, or before the full name an acronym in parentheses follows.
fn outlet_or_affiliation(lex: &Lexicon, view: &DocView<'_>, m: &EntityMention) -> bool {
    let text = view.text;
    let mut start = m.span.start;
    if text[..start].trim_end().ends_with('(') {
        let open = text[..start].trim_end().len() - 1;
        // The full name just before the parenthesis: the latest mention ending there.
        if let Some(full) = view
            .up_to(open)
            .iter()
            .rev()
            .find(|f| text[f.span.end..open].trim().is_empty())
        {
            start = full.span.start;
        }
    }
    let mut from = start.saturating_sub(ROLE_WINDOW_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = fold(&text[from..start]);
    let words: Vec<&str> = words_of(&before).filter(|w| !w.is_empty()).collect();
    let last3 = &words[words.len().saturating_sub(3)..];
    let agent = last3.contains(&"par");
    let affiliation = last3
        .iter()
        .position(|w| matches!(*w, "du" | "de" | "des"))
        .is_some_and(|k| {
            k > 0 && {
                let role = last3[k - 1];
                lex.person_roles.contains(role)
                    || lex.unnamed.contains_key(role)
                    || lex.occupations.contains(role)
                    || lex.offices.contains_key(role)
                    || role == "general"
            }
        });
    agent || affiliation
}

/// An unnamed speaker described by `head`, remembered so that "la source" may refer back.
fn unnamed(span: Span, head: Option<String>, via: Vec<String>) -> Speaker {
    Speaker {
        span: Some(span),
        entity: None,
        unnamed: true,
        via,
        remember: Some(SpeakerRef {
            entity: None,
            unnamed: true,
            head,
            person: false,
            via: vec![],
            at: 0,
            channel: None,
        }),
    }
}

/// The head noun of a speaker phrase: its first word that is not a determiner or a
/// pre-nominal adjective ("le premier ministre désigné" → "ministre").
pub(crate) fn description_head(lex: &Lexicon, words: &[Word]) -> Option<String> {
    words
        .iter()
        .find(|w| {
            w.kind == WordKind::Word
                && !DETERMINERS.contains(&w.folded.as_str())
                && !INDEFINITE.contains(&w.folded.as_str())
                && !lex.premodifiers.contains(w.folded.as_str())
        })
        .map(|w| w.folded.clone())
}

/// Whether the role word appears just before a person's mention ("le président turc
/// Recep Tayyip Erdogan") or in an apposition right after it ("Tymur Tkachenko, chef de …").
fn role_near(text: &str, mention: Span, role: &str) -> bool {
    let (before, apposition) = role_windows(text, mention);
    let has_role = |window: &str| words_of(window).any(|word| word == role);
    has_role(&before) || has_role(&apposition)
}

/// The folded words of a window of text.
fn words_of(window: &str) -> impl Iterator<Item = &str> {
    window.split(|c: char| !c.is_alphanumeric() && c != '-')
}

/// The office a person is named with: the nearest office word before the mention in its
/// clause ("le maire de la ville, X"), else the first in an apposition after it ("X,
/// gouverneur de …").
fn office_near(lex: &Lexicon, text: &str, mention: Span) -> Option<String> {
    let (before, apposition) = role_windows(text, mention);
    let office = |word: &str| lex.offices.get(word).cloned();
    let last_before = words_of(&before).filter_map(office).last();
    last_before.or_else(|| words_of(&apposition).find_map(office))
}

/// Whether person `key` is named with an office and never with the office of the role word
/// `role`: "le premier ministre" is not the mayor named before. Nor is a person introduced
/// by an occupation in apposition ("Karim, un boulanger du quartier, …" or "…, un habitant"):
/// a witness is not the minister or the prefect the article goes on to.
fn holds_other_office(lex: &Lexicon, view: &DocView<'_>, key: &str, role: &str) -> bool {
    let Some(wanted) = lex.offices.get(role) else {
        return false;
    };
    let mut other = false;
    for m in view.mentions_of(key) {
        match office_near(lex, view.text, m.span) {
            Some(office) if &office == wanted => return false,
            Some(_) => other = true,
            None => {
                other |= occupation_in_apposition(lex, view.text, m.span)
                    || other_role_before(lex, view.text, m.span, wanted)
            }
        }
    }
    other
}

/// How far before a name a role in apposition may start ("le chef de l'administration
/// militaire de l'oblast de Kharkiv, X").
const APPOSED_ROLE_BYTES: usize = 120;

/// Whether a person is named after a role in apposition that is not the office `wanted`
/// ("son porte-parole, X", "le chef de l'administration militaire de la région, X", "le
/// capitaine X"): someone with a role of their own is not the minister or the governor
/// the article names by office alone later.
fn other_role_before(lex: &Lexicon, text: &str, mention: Span, wanted: &str) -> bool {
    let mut start = mention.start.saturating_sub(APPOSED_ROLE_BYTES);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let before = &text[start..mention.start];
    let before = before
        .rfind(['.', ';', '!', '?', '\n', '(', ')'])
        .map_or(before, |cut| &before[cut + 1..]);
    let before = fold(before);
    let described = words_of(&before).any(|word| {
        (lex.person_roles.contains(word)
            || lex.unnamed.contains_key(word)
            || lex.occupations.contains(word))
            && lex.offices.get(word).is_none_or(|office| office != wanted)
    });
    described
}

/// Whether the apposition right after a mention describes the person by an occupation or
/// a situation ("X, une infirmière de l'hôpital", "X, un habitant joint par téléphone").
fn occupation_in_apposition(lex: &Lexicon, text: &str, mention: Span) -> bool {
    let (_, apposition) = role_windows(text, mention);
    let described = words_of(&apposition)
        .filter(|word| !word.is_empty())
        .take(3)
        .any(|word| lex.occupations.contains(word));
    described
}

/// The folded text of the same clause before a mention, and of an apposition after it,
/// within `ROLE_WINDOW_BYTES`.
fn role_windows(text: &str, mention: Span) -> (String, String) {
    let mut before_start = mention.start.saturating_sub(ROLE_WINDOW_BYTES);
    while !text.is_char_boundary(before_start) {
        before_start += 1;
    }
    let mut after_end = (mention.end + ROLE_WINDOW_BYTES).min(text.len());
    while !text.is_char_boundary(after_end) {
        after_end -= 1;
    }
    let before = &text[before_start..mention.start];
    // Only the same clause: a sentence or clause end cuts the window.
    let before = before
        .rfind(['.', ';', '!', '?', '\n'])
        .map_or(before, |cut| &before[cut + 1..]);
    let after = &text[mention.end..after_end];
    let apposition = after
        .strip_prefix(',')
        .map(|rest| rest.split([',', '.', ';', '\n']).next().unwrap_or(""))
        .unwrap_or("");
    (fold(before), fold(apposition))
}

/// The person a definite role description ("le chef caquiste") refers to: the latest person
/// named with that role nearby; unless `strict`, else the latest person speaker, else the
/// latest person named, else a person named just after (a headline naming the person in
/// the lede).
fn person_by_role(
    lex: &Lexicon,
    view: &DocView<'_>,
    seen: &Seen,
    span: Span,
    role: &str,
    strict: bool,
) -> Option<Speaker> {
    let head = Some(role.to_string());
    let with_role = view.last_before(span.start, Question::PersonWithRole(role.into()), |m| {
        m.label == EntityType::PER && role_near(view.text, m.span, role)
    });
    if let Some(m) = with_role {
        return Some(named(span, m, head));
    }
    if strict {
        return None;
    }
    // A person named with another office is someone else: the description stays unnamed.
    let other_office = |key: &str| holds_other_office(lex, view, key, role);
    if let Some(prev) = seen.last_named_person() {
        if prev.entity.as_deref().is_some_and(other_office) {
            return None;
        }
        return Some(same_as(span, prev, vec![]));
    }
    if let Some(m) = last_mention_before(view, span.start, EntityType::PER) {
        return (!other_office(&m.entity)).then(|| named(span, m, head));
    }
    // Mentions are in text order: the first person starting after the phrase, if near.
    view.starting_from(span.end)
        .iter()
        .take_while(|m| m.span.start - span.end <= CATAPHORA_BYTES)
        .find(|m| m.label == EntityType::PER)
        .filter(|m| !other_office(&m.entity))
        .map(|m| named(span, m, head))
}

/// The speakers resolved so far in a document, latest last, with what is asked of them
/// kept up to date as they are pushed (asking by scanning them all would make a long
/// document quadratic).
#[derive(Debug, Default)]
pub(crate) struct Seen {
    list: Vec<SpeakerRef>,
    /// Index of the latest speaker described with each head noun.
    by_head: HashMap<String, usize>,
    /// Index of the latest person speaker, and of the latest one with an entity.
    last_person: Option<usize>,
    last_named_person: Option<usize>,
    /// Index of the latest speaker whose statement came through each kind of channel.
    by_channel: HashMap<String, usize>,
}

impl Seen {
    pub(crate) fn push(&mut self, speaker: SpeakerRef) {
        let k = self.list.len();
        if let Some(head) = &speaker.head {
            self.by_head.insert(head.clone(), k);
        }
        if let Some(channel) = &speaker.channel {
            self.by_channel.insert(channel.clone(), k);
        }
        if speaker.person {
            self.last_person = Some(k);
            if speaker.entity.is_some() {
                self.last_named_person = Some(k);
            }
        }
        self.list.push(speaker);
    }

    /// The latest speaker.
    pub(crate) fn last(&self) -> Option<&SpeakerRef> {
        self.list.last()
    }

    /// The latest speaker described with the head noun `head` ("la source" → "une source
    /// …").
    pub(crate) fn with_head(&self, head: &str) -> Option<&SpeakerRef> {
        self.by_head.get(head).map(|&k| &self.list[k])
    }

    /// The latest speaker who spoke through the kind of channel `channel` ("communique")
    /// or was described with the head noun `head`.
    pub(crate) fn with_channel_or_head(
        &self,
        channel: &str,
        head: Option<&str>,
    ) -> Option<&SpeakerRef> {
        let by_channel = self.by_channel.get(channel).copied();
        let by_head = head.and_then(|h| self.by_head.get(h).copied());
        by_channel.max(by_head).map(|k| &self.list[k])
    }

    /// The latest speaker that `fits`.
    pub(crate) fn last_that(&self, fits: impl Fn(&SpeakerRef) -> bool) -> Option<&SpeakerRef> {
        self.list.iter().rev().find(|s| fits(s))
    }

    /// The latest person speaker.
    pub(crate) fn last_person(&self) -> Option<&SpeakerRef> {
        self.last_person.map(|k| &self.list[k])
    }

    /// The latest person speaker among the last `PERSON_LOOKBACK` speakers that `fits`.
    pub(crate) fn last_person_that(
        &self,
        fits: impl Fn(&SpeakerRef) -> bool,
    ) -> Option<&SpeakerRef> {
        self.list
            .iter()
            .rev()
            .take(PERSON_LOOKBACK)
            .find(|s| s.person && fits(s))
    }

    /// The latest person speaker linked to an entity.
    pub(crate) fn last_named_person(&self) -> Option<&SpeakerRef> {
        self.last_named_person.map(|k| &self.list[k])
    }
}

/// A speaker phrase referring back to an earlier speaker.
pub(crate) fn same_as(span: Span, prev: &SpeakerRef, via: Vec<String>) -> Speaker {
    Speaker {
        span: Some(span),
        entity: prev.entity.clone(),
        unnamed: prev.unnamed,
        via,
        remember: Some(prev.clone()),
    }
}

/// A speaker phrase naming an entity.
pub(crate) fn named(span: Span, m: &EntityMention, head: Option<String>) -> Speaker {
    Speaker {
        span: Some(span),
        entity: Some(m.entity.clone()),
        unnamed: false,
        via: vec![],
        remember: Some(SpeakerRef {
            entity: Some(m.entity.clone()),
            unnamed: false,
            head,
            person: m.label == EntityType::PER,
            via: vec![],
            at: 0,
            channel: None,
        }),
    }
}

/// How many words may stand before a person's name for it to open its sentence ("Le
/// ministre de la Santé, Abakar Hassan, …").
const SUBJECT_WORDS_BEFORE: usize = 8;

/// Whether a person mention opens its sentence as its likely subject: few words before it
/// and no other person named before it in the sentence.
fn opens_its_sentence(view: &DocView<'_>, mention: &EntityMention) -> bool {
    let sentence_start = view.sentence_start_before(mention.span.start);
    let lead = &view.text[sentence_start..mention.span.start];
    let words_before = lead.split_whitespace().count();
    // Mentions are in text order: only those starting from the sentence start up to
    // the mention can lie between them.
    words_before <= SUBJECT_WORDS_BEFORE
        && !view
            .starting_from(sentence_start)
            .iter()
            .take_while(|m| m.span.start <= mention.span.start)
            .any(|m| m.label == EntityType::PER && m.span.end <= mention.span.start)
}

/// Resolves "il", "elle", "-t-il", "ils": the topic of "Quant au maire, il …" when there is
/// one; for a singular pronoun the most recently named of the latest person speaker, the
/// latest speaker when it is an organisation of the pronoun's gender ("Le ministère a
/// dénoncé … Des renforts ont été déployés, a-t-il ajouté"), and a person or organisation
/// that opened an earlier sentence as its subject ("Le ministre, Abakar Hassan, s'est rendu
/// à Moundou. Il a annoncé …"); else the latest speaker, else the last person named.
pub(crate) fn pronoun_speaker(
    span: Span,
    view: &DocView<'_>,
    seen: &Seen,
    topic: Option<&str>,
) -> Speaker {
    let pronoun = fold(&view.text[span.start..span.end]);
    let bare = pronoun.trim_start_matches("-t").trim_start_matches('-');
    let singular = matches!(bare, "il" | "elle" | "lui");
    let gender = match bare {
        "il" | "lui" => Some(Gender::Masculine),
        "elle" => Some(Gender::Feminine),
        _ => None,
    };
    let from_topic = topic.and_then(|h| seen.with_head(h));
    // "…, a-t-elle ajouté" after a man spoke: the woman who spoke before him.
    let agrees_with = |p: &SpeakerRef| {
        agrees(
            p.entity.as_deref().and_then(|e| person_gender(view, e)),
            gender,
        )
    };
    let person = if singular {
        seen.last_person()
            .filter(|p| agrees_with(p))
            .or_else(|| seen.last_person_that(agrees_with))
    } else {
        None
    };
    if singular && from_topic.is_none() {
        // Each candidate with where it was last named or last spoke; the latest wins.
        let named_at = |entity: &str| view.last_of_key_before(entity, span.start);
        let person_at = person.map(|p| {
            let mention = p
                .entity
                .as_deref()
                .and_then(named_at)
                .map_or(0, |m| m.span.start);
            mention.max(p.at)
        });
        // The latest speaker when it is not a person: an organisation of the pronoun's
        // gender ("Le ministère a dénoncé … Des renforts ont été déployés, a-t-il ajouté"),
        // or a description ("Un responsable … estime que … Selon lui, …").
        let other = seen
            .last()
            .filter(|s| !s.person)
            .and_then(|s| match s.entity.as_deref() {
                None => Some((s, s.at)),
                Some(entity) => {
                    let m = named_at(entity)?;
                    (m.label == EntityType::ORG
                        && view.is_antecedent(m)
                        && agrees(org_gender(view, m), gender))
                    .then_some((s, s.at.max(m.span.start)))
                }
            });
        // Only earlier sentences: a name inside the quotation the pronoun closes ("« Ibrahim
        // a apporté … », a-t-il expliqué") is not who speaks.
        let own_sentence_start = view.sentence_start_before(span.start);
        let subject = view.last_before(own_sentence_start, Question::Subject(gender), |m| {
            view.is_antecedent(m)
                && match m.label {
                    EntityType::PER => {
                        opens_its_sentence(view, m)
                            && agrees(person_gender(view, &m.entity), gender)
                    }
                    EntityType::ORG => {
                        org_gender(view, m).is_some_and(|g| Some(g) == gender)
                            && (opens_its_sentence(view, m) || before_relative_qui(view, m))
                    }
                    _ => false,
                }
        });
        // A subject is a new antecedent only when named after the person speaker was.
        let subject = subject.filter(|s| match person {
            Some(p) => {
                p.entity.as_ref() != Some(&s.entity)
                    && person_at.is_some_and(|at| s.span.start > at)
            }
            None => true,
        });
        let subject_at = subject.map(|s| s.span.start);
        if let Some((org, at)) = other {
            if person_at.is_none_or(|p| at > p) && subject_at.is_none_or(|s| at >= s) {
                return same_as(span, org, vec![]);
            }
        }
        if let Some(subject) = subject {
            return named(span, subject, None);
        }
    }
    if let Some(prev) = from_topic.or(person).or(seen.last()) {
        return Speaker {
            span: Some(span),
            entity: prev.entity.clone(),
            unnamed: prev.unnamed,
            via: vec![],
            remember: Some(prev.clone()),
        };
    }
    // No earlier speaker: the last person named before the pronoun.
    let person = last_mention_before(view, span.start, EntityType::PER);
    match person {
        Some(p) => named(span, p, None),
        None => Speaker {
            span: Some(span),
            entity: None,
            unnamed: true,
            via: vec![],
            remember: None,
        },
    }
}

/// The subject that opens a sentence whose unquoted clause an inverted clitic closes: "Le
/// ministère a fermé trois écoles, a-t-il indiqué" → the ministry; "La société a suspendu
/// ses achats, a-t-elle annoncé" → the company. A person, or an organisation of the
/// clitic's gender, named as the sentence's first words (after a determiner).
pub(crate) fn subject_of_clitic(
    view: &DocView<'_>,
    words: &[Word],
    clitic: &Word,
) -> Option<Speaker> {
    let pronoun = fold(&clitic.lower);
    let gender = match pronoun.trim_start_matches("-t").trim_start_matches('-') {
        "il" => Gender::Masculine,
        "elle" => Gender::Feminine,
        _ => return None,
    };
    let first = words.first()?;
    let opening = if DEFINITE.contains(&first.folded.as_str()) {
        words.get(1)?
    } else {
        first
    };
    let m = view.mention_starting_at(opening.start)?;
    let fits = match m.label {
        EntityType::PER => true,
        EntityType::ORG => view.is_antecedent(m) && agrees(org_gender(view, m), Some(gender)),
        _ => false,
    };
    fits.then(|| named(Span::new(clitic.start, clitic.end), m, None))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Gender {
    Masculine,
    Feminine,
}

/// Feminine noun endings, for an organisation named after "l'" ("l'armée", "l'association").
const FEMININE_ENDINGS: [&str; 10] = [
    "ee", "ion", "ite", "ence", "ance", "ie", "ure", "ise", "ade", "ipe",
];
/// Masculine noun endings, the same way ("l'état-major", "l'institut", "l'observatoire",
/// "l'office", "l'exécutif", "l'hôpital").
const MASCULINE_ENDINGS: [&str; 9] = [
    "at", "ment", "isme", "ut", "eau", "if", "oire", "major", "ital",
];

/// How many speakers back a pronoun may find a person of its gender.
const PERSON_LOOKBACK: usize = 12;

/// A person's gender as the article marks it before one of its mentions: a title ("Mme",
/// "M.") or a feminine article before a role noun ("la ministre Anne Roy"; "le Dr X", "le
/// ministre X" may name a woman).
pub(crate) fn person_gender(view: &DocView<'_>, key: &str) -> Option<Gender> {
    view.mentions_of(key)
        .filter(|m| m.label == EntityType::PER)
        .find_map(|m| {
            let from = (m.span.start.saturating_sub(60)..m.span.start)
                .find(|&i| view.text.is_char_boundary(i))
                .unwrap_or(m.span.start);
            let before = &view.text[from..m.span.start];
            let mut words = before.split_whitespace().rev().map(fold);
            let last = words.next()?;
            match last.as_str() {
                "mme" | "mme." | "madame" | "mlle" | "mademoiselle" => {
                    return Some(Gender::Feminine)
                }
                "m." | "monsieur" => return Some(Gender::Masculine),
                _ => {}
            }
            // "le Dr X", "le médecin X" may be a woman: a masculine role noun tells nothing.
            let role = last.chars().all(|c| c.is_alphabetic() || c == '-')
                && !matches!(last.as_str(), "dr" | "pr" | "me");
            // "a lancé à la tribune George X", "devant la presse X": a place or an
            // audience after a preposition, not a title in apposition to the name.
            let determiner = words.next()?;
            let after_preposition = words.next().is_some_and(|p| {
                matches!(
                    p.as_str(),
                    "a" | "sur" | "dans" | "depuis" | "devant" | "vers" | "par" | "pour" | "chez"
                )
            });
            match determiner.as_str() {
                "la" | "une" | "cette" if role && !after_preposition => Some(Gender::Feminine),
                _ => None,
            }
        })
}

/// The grammatical gender of an organisation's name, from the determiner before it ("*le*
/// ministère", "*de la* Défense civile") or after "l'" from its first noun's ending.
pub(crate) fn org_gender(view: &DocView<'_>, mention: &EntityMention) -> Option<Gender> {
    let before = view.text[..mention.span.start].trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .map(fold)
        .unwrap_or_default();
    match last.as_str() {
        "le" | "du" | "au" | "ce" | "cet" => return Some(Gender::Masculine),
        "la" | "cette" => return Some(Gender::Feminine),
        _ => {}
    }
    if !(last.ends_with("l'") || last == "l'") {
        return None;
    }
    let first = fold(&view.text[mention.span.start..mention.span.end]);
    let first = first.split_whitespace().next().unwrap_or("");
    // An acronym ("l'ONU", "l'AIEA") says nothing.
    let surface = &view.text[mention.span.start..mention.span.end];
    if surface.chars().take(2).all(char::is_uppercase) {
        return None;
    }
    if FEMININE_ENDINGS.iter().any(|e| first.ends_with(e)) {
        Some(Gender::Feminine)
    } else if MASCULINE_ENDINGS.iter().any(|e| first.ends_with(e)) {
        Some(Gender::Masculine)
    } else {
        None
    }
}

/// Whether the phrase at byte `at` follows "selon" or "d'après" ("selon la même source").
fn after_according(text: &str, at: usize) -> bool {
    let Some(before) = text.get(..at) else {
        return false;
    };
    let before = before.trim_end();
    let tail: String = before
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase()
        .replace('’', "'");
    tail.ends_with("selon") || tail.ends_with("d'après") || tail.ends_with("d'apres")
}

/// Whether a known gender is compatible with the wanted one.
fn agrees(known: Option<Gender>, wanted: Option<Gender>) -> bool {
    match (known, wanted) {
        (Some(k), Some(w)) => k == w,
        _ => true,
    }
}

/// Whether a mention is the antecedent of a relative "qui" subject ("le ministère du Travail
/// qui, depuis cette année, calcule …").
fn before_relative_qui(view: &DocView<'_>, mention: &EntityMention) -> bool {
    let after = view.text[mention.span.end..].trim_start();
    let after = after.strip_prefix(',').map_or(after, str::trim_start);
    after.starts_with("qui ") || after.starts_with("qui,")
}

#[cfg(test)]
mod tests {
    use super::{description_head, Lexicon};
    use crate::testutil::{content, contents_and_speaker_keys, doc, starting};
    use crate::words::scan;
    use recoupe_model::EntityType;

    #[test]
    fn issue13_the_responsable_alone_is_the_official_who_just_spoke() {
        let d = doc(
            "La saison sera courte, a indiqué le chef du service des pêches, Yann Morvan.\nLe responsable a précisé que les quotas baissent.\nUn responsable du port a dit que les quais sont libres.",
            None,
            &[("Yann Morvan", EntityType::PER, "per:morvan")],
        );
        assert_eq!(
            starting(&d, "les quotas").speaker_entity.as_deref(),
            Some("per:morvan")
        );
        let other = starting(&d, "les quais");
        assert!(
            other.speaker_entity.is_none() && other.speaker_unnamed,
            "{other:#?}"
        );
    }

    #[test]
    fn issue13_an_office_description_is_not_a_person_named_with_another_office() {
        let d = doc(
            "Le maire, Hugo Berthelin, a réclamé des renforts.\nLe ministre a annoncé qu'une aide d'urgence serait versée.\nLe maire a ajouté que l'école restera fermée.",
            None,
            &[("Hugo Berthelin", EntityType::PER, "per:berthelin")],
        );
        let all = &d.layers.attributions;
        assert_eq!(all.len(), 3, "{all:#?}");
        let minister = starting(&d, "une aide");
        assert!(minister.speaker_entity.is_none(), "{minister:#?}");
        assert!(minister.speaker_unnamed);
        let mayor = starting(&d, "l'école");
        assert_eq!(mayor.speaker_entity.as_deref(), Some("per:berthelin"));
    }

    #[test]
    fn issue13_an_inverted_clitic_after_an_unquoted_clause_is_its_subject() {
        let d = doc(
            "Le maire, Hugo Berthelin, a réclamé des renforts.\nLa Compagnie fluviale du Rhône, qui exploite les écluses, a fermé trois passages, a-t-elle indiqué.\n« Le niveau baisse », a-t-il ajouté.",
            None,
            &[
                ("Hugo Berthelin", EntityType::PER, "per:berthelin"),
                ("Compagnie fluviale du Rhône", EntityType::ORG, "org:cfr"),
            ],
        );
        let company = starting(&d, "La Compagnie");
        assert_eq!(company.speaker_entity.as_deref(), Some("org:cfr"));
        assert_eq!(d.slice(company.speaker.unwrap()), "-t-elle");
        // Closing a quotation, the clitic is resolved as before: the person who spoke.
        let quote = starting(&d, "Le niveau");
        assert_eq!(quote.speaker_entity.as_deref(), Some("per:berthelin"));
    }

    #[test]
    fn issue13_a_possessive_channel_is_its_owners() {
        let d = doc(
            "Le maire a fermé le port.\nEn dix ans, la Fondation Lacustre a recensé 42 espèces menacées dans le lac, selon son dernier rapport.\nL'Agence régionale de santé a fermé deux plages gérées par la société Lacanau Loisirs.\nPrès de 300 baigneurs auraient été exposés, selon une estimation de l'agence.",
            None,
            &[
                ("Fondation Lacustre", EntityType::ORG, "org:lacustre"),
                ("Agence régionale de santé", EntityType::ORG, "org:ars"),
                ("Lacanau Loisirs", EntityType::ORG, "org:loisirs"),
            ],
        );
        let report = starting(&d, "En dix ans");
        assert_eq!(report.speaker_entity.as_deref(), Some("org:lacustre"));
        let estimate = starting(&d, "Près de 300");
        assert_eq!(estimate.speaker_entity.as_deref(), Some("org:ars"));
    }

    #[test]
    fn issue13_le_communique_with_no_earlier_speaker_is_the_body_named_before() {
        let d = doc(
            "Le conseil régional a voté le budget mardi.\nLa dette baissera de trois millions, indique le communiqué.",
            None,
            &[("conseil régional", EntityType::ORG, "org:cr")],
        );
        assert_eq!(
            d.layers.attributions.len(),
            1,
            "{:#?}",
            d.layers.attributions
        );
        assert_eq!(
            d.layers.attributions[0].speaker_entity.as_deref(),
            Some("org:cr")
        );
    }

    #[test]
    fn issue13_il_refers_to_a_masculine_body_named_after_l_apostrophe() {
        let d = doc(
            "Le rapport ne fait pas état de blessés.\nL'état-major des armées s'est voulu rassurant.\n« La situation est sous contrôle », assure-t-il.",
            None,
            &[("état-major des armées", EntityType::ORG, "org:em")],
        );
        let last = d.layers.attributions.last().expect("the incise");
        assert_eq!(
            last.speaker_entity.as_deref(),
            Some("org:em"),
            "{:#?}",
            d.layers.attributions
        );
    }

    #[test]
    fn definite_description_resolves_to_named_organisation() {
        let d = doc(
            "Le ministère libanais de la Santé a publié un bilan. Le ministère a ajouté que les hôpitaux étaient saturés.",
            None,
            &[("ministère libanais de la Santé", EntityType::ORG, "org:lb-health")],
        );
        let a = d.layers.attributions.last().unwrap();
        assert_eq!(content(&d, a), "les hôpitaux étaient saturés");
        assert_eq!(a.speaker_entity.as_deref(), Some("org:lb-health"));
    }

    #[test]
    fn pronominal_incise_and_country_speaker() {
        let d = doc(
            "« C'est un compromis fragile », s'est félicitée la rapporteure, Mme Claire Besson.\nL'Egypte a appelé hier à l'ouverture de nouveaux points de passage.",
            None,
            &[
                ("Claire Besson", EntityType::PER, "per:besson"),
                ("Egypte", EntityType::LOC, "country:EG"),
            ],
        );
        assert_eq!(
            d.layers.attributions.len(),
            2,
            "{:?}",
            d.layers.attributions
        );
        let a = &d.layers.attributions[0];
        assert_eq!(content(&d, a), "C'est un compromis fragile");
        assert_eq!(a.speaker_entity.as_deref(), Some("per:besson"));
        assert_eq!(
            d.layers.attributions[1].speaker_entity.as_deref(),
            Some("country:EG")
        );
    }

    #[test]
    fn issue5_role_description_refers_to_the_person_named_before() {
        let d = doc(
            "La maire de Lyon, Sophie Vernet, a inauguré le pont. « Ce chantier a coûté moins que prévu », a déclaré l'édile.\nLe chef de la majorité municipale a ensuite assuré que les travaux suivants commenceraient en mai.",
            None,
            &[
                ("Lyon", EntityType::LOC, "loc:lyon"),
                ("Sophie Vernet", EntityType::PER, "per:vernet"),
            ],
        );
        assert_eq!(
            d.layers.attributions.len(),
            2,
            "{:#?}",
            d.layers.attributions
        );
        for a in &d.layers.attributions {
            assert_eq!(
                a.speaker_entity.as_deref(),
                Some("per:vernet"),
                "{}",
                content(&d, a)
            );
            assert!(!a.speaker_unnamed);
        }
    }

    #[test]
    fn issue5_role_description_with_an_organisation_is_still_the_person() {
        let d = doc(
            "Paul Ronan a présenté son programme devant les militants. Le chef du Parti du travail a affirmé que les impôts baisseraient.",
            None,
            &[
                ("Paul Ronan", EntityType::PER, "per:ronan"),
                ("Parti du travail", EntityType::ORG, "org:pt"),
            ],
        );
        let a = d.layers.attributions.last().unwrap();
        assert_eq!(a.speaker_entity.as_deref(), Some("per:ronan"));
    }

    #[test]
    fn issue5_headline_role_description_names_the_person_in_the_lede() {
        let d = doc(
            "Le président du Conseil déclare la fin des négociations\nLe président du Conseil Marc Duval a annoncé lundi la fin des discussions.",
            None,
            &[("Marc Duval", EntityType::PER, "per:duval")],
        );
        let a = &d.layers.attributions[0];
        assert_eq!(content(&d, a), "la fin des négociations");
        assert_eq!(a.speaker_entity.as_deref(), Some("per:duval"));
    }

    #[test]
    fn issue5_unnamed_source_noun_stays_unnamed_without_a_named_holder() {
        let d = doc(
            "Karim Haddad a visité la base. Le porte-parole de l'armée a assuré que la route était rouverte.",
            None,
            &[("Karim Haddad", EntityType::PER, "per:haddad")],
        );
        let a = d.layers.attributions.last().unwrap();
        assert_eq!(
            a.speaker_entity, None,
            "Haddad was never called porte-parole"
        );
        assert!(a.speaker_unnamed);
    }

    #[test]
    fn issue5_organisation_description_refers_to_the_organisation_named_before() {
        let d = doc(
            "« Nos positions ont été bombardées à l'aube », a déclaré cette milice dans un communiqué, après des frappes contre les Brigades Al-Nasr.",
            None,
            &[("Brigades Al-Nasr", EntityType::ORG, "org:nasr")],
        );
        // The organisation is named only after the description: nothing to refer back to.
        assert_eq!(d.layers.attributions[0].speaker_entity, None);
        let d = doc(
            "Les Brigades Al-Nasr ont perdu deux combattants. « Nos positions ont été bombardées à l'aube », a déclaré cette milice dans un communiqué.",
            None,
            &[("Brigades Al-Nasr", EntityType::ORG, "org:nasr")],
        );
        assert_eq!(
            d.layers.attributions[0].speaker_entity.as_deref(),
            Some("org:nasr")
        );
    }

    #[test]
    fn issue5_selon_lui_and_apposition_after_an_indefinite_description() {
        let d = doc(
            "Un porte-parole des Brigades, Hadi Karim, a affirmé que la frappe visait des civils. Selon lui, les drones venaient du nord.",
            None,
            &[
                ("Brigades", EntityType::ORG, "org:brigades"),
                ("Hadi Karim", EntityType::PER, "per:karim"),
            ],
        );
        assert_eq!(
            d.layers.attributions.len(),
            2,
            "{:#?}",
            d.layers.attributions
        );
        for a in &d.layers.attributions {
            assert_eq!(
                a.speaker_entity.as_deref(),
                Some("per:karim"),
                "{}",
                content(&d, a)
            );
        }
    }

    #[test]
    fn issue5_pronoun_takes_the_person_who_opened_the_last_sentence() {
        let d = doc(
            "« Les stocks suffiront », a affirmé Karim Haddad. Le ministre de la Santé, Nabil Sarraf, s'est rendu jeudi à l'hôpital. Il a annoncé que dix médecins arriveraient lundi.",
            None,
            &[
                ("Karim Haddad", EntityType::PER, "per:haddad"),
                ("Nabil Sarraf", EntityType::PER, "per:sarraf"),
            ],
        );
        let last = d.layers.attributions.last().unwrap();
        assert_eq!(content(&d, last), "dix médecins arriveraient lundi");
        assert_eq!(last.speaker_entity.as_deref(), Some("per:sarraf"));
    }

    #[test]
    fn issue13_a_plural_description_is_a_group_not_the_person_named_before() {
        let d = doc(
            "Les insurgés ont encerclé la villa de Karim Haddad. Les insurgés ont annoncé la prise du port.",
            None,
            &[("Karim Haddad", EntityType::PER, "per:haddad")],
        );
        let last = d.layers.attributions.last().unwrap();
        assert_eq!(content(&d, last), "la prise du port");
        assert_eq!(last.speaker_entity, None);
        assert!(last.speaker_unnamed);
    }

    #[test]
    fn description_head_skips_determiners_and_premodifiers() {
        let lex = Lexicon::embedded();
        let text = "le nouveau Premier ministre désigné";
        let head = description_head(lex, &scan(text, 0, text.len()));
        assert_eq!(head.as_deref(), Some("ministre"));
    }

    // Issue 13: "qui", "il", "ce dernier" refer to organisations as well as persons.

    #[test]
    fn issue13_relative_qui_stands_for_the_noun_phrase_before_it() {
        let d = doc(
            "Les bus circuleront normalement, précise la Régie des transports, qui affirme que la grève coûtera cher.\nUne rumeur a été démentie par la Régie des transports qui assure que les dépôts sont ouverts.",
            None,
            &[
                ("Régie des transports", EntityType::ORG, "org:regie"),
                ("Régie des transports", EntityType::ORG, "org:regie"),
            ],
        );
        let speakers = contents_and_speaker_keys(&d);
        assert!(
            speakers.iter().all(|(_, s)| *s == Some("org:regie")),
            "{speakers:#?}"
        );
        assert!(speakers.iter().any(|(c, _)| c == "la grève coûtera cher"));
        assert!(speakers.iter().any(|(c, _)| c == "les dépôts sont ouverts"));
    }

    #[test]
    fn issue13_the_management_is_the_body_it_was_named_with() {
        // A bare "la direction" after "la direction de X" and a union in between: X.
        let d = doc(
            "La direction de Verrex envisage de fermer l'atelier de Gien, a affirmé le syndicat Force commune.\nLa direction a démenti tout projet de fermeture.\nLe Port autonome de Sète a fermé deux quais. Douze navires attendent au large, a indiqué le syndicat Force commune. Selon la direction du port, l'attente durera deux jours.",
            None,
            &[
                ("Verrex", EntityType::ORG, "org:verrex"),
                ("Force commune", EntityType::ORG, "org:union"),
                ("Port autonome de Sète", EntityType::ORG, "org:port"),
            ],
        );
        assert_eq!(
            starting(&d, "tout projet").speaker_entity.as_deref(),
            Some("org:verrex")
        );
        // "la direction du port": the body whose name holds "port".
        assert_eq!(
            starting(&d, "l'attente").speaker_entity.as_deref(),
            Some("org:port")
        );
    }

    #[test]
    fn issue13_a_place_before_a_name_does_not_make_the_speaker_a_woman() {
        // "à la tribune" is where he spoke, not a feminine title: "il" is still the man.
        let d = doc(
            "Le cabinet de Paul Ronan était tombé en 2019.\n« Le pays est à bout », a lancé à la tribune Marc Dubois. « Nous voulons des élections », a-t-il poursuivi.",
            None,
            &[
                ("Paul Ronan", EntityType::PER, "per:ronan"),
                ("Marc Dubois", EntityType::PER, "per:dubois"),
            ],
        );
        let last = d.layers.attributions.last().unwrap();
        assert_eq!(content(&d, last), "Nous voulons des élections");
        assert_eq!(last.speaker_entity.as_deref(), Some("per:dubois"));
    }

    #[test]
    fn issue13_a_pronoun_refers_to_the_organisation_that_spoke_last() {
        let d = doc(
            "« Nous reconstruirons », a promis le maire Paul Ronan.\nSur sa chaîne Telegram, le ministère de l'Intérieur a dénoncé « un acte lâche ». Des renforts ont été envoyés, a-t-il ajouté.",
            None,
            &[
                ("Paul Ronan", EntityType::PER, "per:ronan"),
                ("Telegram", EntityType::ORG, "org:telegram"),
                ("ministère de l'Intérieur", EntityType::ORG, "org:interior"),
            ],
        );
        let last = d.layers.attributions.last().unwrap();
        assert_eq!(content(&d, last), "Des renforts ont été envoyés");
        assert_eq!(last.speaker_entity.as_deref(), Some("org:interior"));
        // "elle" does not take a masculine body.
        let d = doc(
            "La juge Claire Besson a rappelé les faits. Le parquet a requis dix ans. « La peine est lourde », a-t-elle estimé.",
            None,
            &[("Claire Besson", EntityType::PER, "per:besson")],
        );
        let last = d.layers.attributions.last().unwrap();
        assert_eq!(last.speaker_entity.as_deref(), Some("per:besson"));
    }

    #[test]
    fn issue13_ce_dernier_and_a_rank_in_apposition() {
        let d = doc(
            "Le club a été racheté par l'homme d'affaires Paul Ronan, selon les comptes du FC Lac. Ce dernier a annoncé un nouveau sponsor.\nLes corps ont été retrouvés, a indiqué le porte-parole de l'armée dans la région, le lieutenant Marc Dubois.",
            None,
            &[
                ("Paul Ronan", EntityType::PER, "per:ronan"),
                ("FC Lac", EntityType::ORG, "org:fclac"),
                ("Marc Dubois", EntityType::PER, "per:dubois"),
            ],
        );
        let by = |start: &str| {
            d.layers
                .attributions
                .iter()
                .find(|a| content(&d, a).starts_with(start))
                .and_then(|a| a.speaker_entity.clone())
        };
        assert_eq!(by("un nouveau sponsor").as_deref(), Some("org:fclac"));
        assert_eq!(by("Les corps").as_deref(), Some("per:dubois"));
    }

    #[test]
    fn issue13_a_person_of_a_body_is_unnamed_and_a_dateline_agency_is_no_antecedent() {
        let d = doc(
            "GOMA (Agence Lac) – Le commandant des Brigades Al-Nasr a ordonné un cessez-le-feu, selon un communiqué. L'organisme de surveillance a indiqué que les tirs avaient cessé.",
            None,
            &[
                ("Agence Lac", EntityType::ORG, "org:agencelac"),
                ("Brigades Al-Nasr", EntityType::ORG, "org:nasr"),
            ],
        );
        let first = &d.layers.attributions[0];
        assert_eq!(first.speaker_entity, None, "{:#?}", d.layers.attributions);
        assert!(first.speaker_unnamed);
        let last = d.layers.attributions.last().unwrap();
        assert_ne!(last.speaker_entity.as_deref(), Some("org:agencelac"));
    }

    #[test]
    fn issue13_an_occupation_refers_to_the_person_who_just_spoke() {
        let d = doc(
            "« Le prix du lait ne couvre plus nos frais », a expliqué un des manifestants, Jean Vidal.\nIl a garé son tracteur devant la préfecture. « Nous reviendrons lundi », a ajouté l'éleveur de Saint-Flour, membre du syndicat.\n« Nous ne céderons pas », a prévenu l'éleveur, « ni cette semaine ni la suivante ».\nLe gérant de la laiterie Montvert a assuré que les prix seraient revus.",
            None,
            &[
                ("Jean Vidal", EntityType::PER, "per:vidal"),
                ("Saint-Flour", EntityType::LOC, "loc:saintflour"),
                ("Montvert", EntityType::ORG, "org:montvert"),
            ],
        );
        let by = |start: &str| starting(&d, start);
        assert_eq!(
            by("Nous reviendrons").speaker_entity.as_deref(),
            Some("per:vidal")
        );
        assert_eq!(
            by("Nous ne céderons").speaker_entity.as_deref(),
            Some("per:vidal")
        );
        assert_eq!(
            by("ni cette semaine").speaker_entity.as_deref(),
            Some("per:vidal")
        );
        // No one of that occupation spoke before: an unnamed person of the dairy, not the
        // dairy itself.
        let manager = by("les prix seraient revus");
        assert_eq!(manager.speaker_entity, None);
        assert!(manager.speaker_unnamed);
    }

    #[test]
    fn issue13_a_witness_named_with_an_occupation_is_not_the_minister() {
        let d = doc(
            "« L'eau est montée en une heure », raconte Samir Benali, une infirmière du dispensaire.\nLe ministre a promis une aide d'urgence aux sinistrés.",
            None,
            &[("Samir Benali", EntityType::PER, "per:benali")],
        );
        let a = starting(&d, "une aide");
        assert_eq!(a.speaker_entity, None, "{a:#?}");
        assert!(a.speaker_unnamed);
    }

    #[test]
    fn issue13_a_public_broadcaster_described_by_its_kind_is_not_the_last_speaker() {
        let d = doc(
            "Le maire Paul Girard a annoncé que l'école rouvrira lundi.\nDeux suspects ont été arrêtés, a rapporté la radio régionale.",
            None,
            &[("Paul Girard", EntityType::PER, "per:girard")],
        );
        let a = starting(&d, "Deux suspects");
        assert_eq!(a.speaker_entity, None, "{a:#?}");
    }

    #[test]
    fn issue13_a_count_by_an_institution_is_the_body_whose_name_holds_it() {
        let d = doc(
            "La Police fédérale a bouclé le quartier.\nUn premier bilan de la police fait état de trois blessés.",
            None,
            &[("Police fédérale", EntityType::ORG, "org:police-federale")],
        );
        let a = starting(&d, "trois blessés");
        assert_eq!(
            a.speaker_entity.as_deref(),
            Some("org:police-federale"),
            "{a:#?}"
        );
    }

    #[test]
    fn issue13_ces_memes_sources_are_the_source_quoted_before() {
        let d = doc(
            "La société Vendal a annoncé la fermeture de son site. Selon ces mêmes sources, 200 postes seraient menacés.",
            None,
            &[("Vendal", EntityType::ORG, "org:vendal")],
        );
        let a = starting(&d, "200 postes");
        assert_eq!(a.speaker_entity.as_deref(), Some("org:vendal"), "{a:#?}");
    }

    #[test]
    fn issue13_selon_la_meme_source_is_the_source_last_introduced_by_selon() {
        let d = doc(
            "Douze maisons ont été emportées, selon un premier bilan de la préfecture de Tarn-Ouest.\n« Tout est parti en une heure », a raconté à la radio Lucie Vernet, une riveraine.\nDeux ponts sont fermés, selon la même source.",
            None,
            &[
                ("préfecture de Tarn-Ouest", EntityType::ORG, "org:prefecture"),
                ("Lucie Vernet", EntityType::PER, "per:vernet"),
            ],
        );
        let a = starting(&d, "Deux ponts");
        assert_eq!(
            a.speaker_entity.as_deref(),
            Some("org:prefecture"),
            "{a:#?}"
        );
        // said by a verb, "la même source" is still the latest speaker
        let d = doc(
            "Douze maisons ont été emportées, selon la préfecture de Tarn-Ouest.\n« Tout est parti en une heure », a raconté à la radio Lucie Vernet, une riveraine.\n« Nous avons tout perdu », a ajouté la même source.",
            None,
            &[
                ("préfecture de Tarn-Ouest", EntityType::ORG, "org:prefecture"),
                ("Lucie Vernet", EntityType::PER, "per:vernet"),
            ],
        );
        let a = starting(&d, "Nous avons");
        assert_eq!(a.speaker_entity.as_deref(), Some("per:vernet"), "{a:#?}");
    }

    #[test]
    fn issue13_a_person_named_after_a_role_of_their_own_is_not_the_office_named_later() {
        let d = doc(
            "Le responsable de la cellule de crise de la province du Nord, Paul Mbarga, a annoncé la fermeture des écoles. « Nous restons vigilants », a-t-il ajouté.\nLe gouverneur de la province a assuré que les routes seraient rouvertes.",
            None,
            &[("Paul Mbarga", EntityType::PER, "per:mbarga")],
        );
        let a = d.layers.attributions.last().unwrap();
        assert_eq!(a.speaker_entity, None, "{:#?}", d.layers.attributions);
        assert!(a.speaker_unnamed);
    }

    #[test]
    fn issue13_le_meme_and_a_noun_is_the_speaker_described_by_that_noun() {
        let d = doc(
            "« Les réserves baissent », a prévenu l'observatoire dans une note. Le ministre Jean Rivet a démenti toute pénurie. Les stocks couvriraient deux semaines, selon le même observatoire.",
            None,
            &[("Jean Rivet", EntityType::PER, "per:rivet")],
        );
        let a = d.layers.attributions.last().unwrap();
        assert_ne!(
            a.speaker_entity.as_deref(),
            Some("per:rivet"),
            "{:#?}",
            d.layers.attributions
        );
        assert!(a.speaker_unnamed);
    }

    #[test]
    fn issue13_ce_dernier_is_not_the_outlet_that_quoted_the_person() {
        let d = doc(
            "« Le dossier est vide », a déclaré l'avocat de la défense, Me Paul Ronan, cité par la radio Kalam FM. Ce dernier a ajouté que son client ferait appel.",
            None,
            &[
                ("Paul Ronan", EntityType::PER, "per:ronan"),
                ("Kalam FM", EntityType::ORG, "org:kalam"),
            ],
        );
        let a = d.layers.attributions.last().unwrap();
        assert_eq!(
            a.speaker_entity.as_deref(),
            Some("per:ronan"),
            "{:#?}",
            d.layers.attributions
        );
    }
}
