//! Attributions: every statement an article attributes to someone, with its speaker, cue,
//! kind, channel, source chain (`via`) and hedged flag; and the factual sentences the
//! article asserts with no source at all (`unsourced`).
//!
//! The stage works sentence by sentence on the text layer and the entity layer:
//!
//! 1. cues are found from data lists (`resources/fr/speech_verbs.txt`,
//!    `resources/fr/attribution_cues.txt`): speech verbs (a participle only after an
//!    auxiliary, so "les résultats annoncés mercredi" is not a speech act), "selon" /
//!    "d'après", relays ("citant", "cité par", "publiée par"), channels ("dans un
//!    communiqué", "sur son compte Telegram");
//! 2. each verb cue is read either as an incise placed after its content
//!    ("…, a-t-il ajouté", "…, ont annoncé les autorités") or with its speaker before it
//!    ("X a affirmé que …", "X a déclaré : « … »");
//! 3. "selon X" alone makes an `according_to` attribution; next to a verb cue it becomes
//!    the outer links of the verb's source chain, nearest first;
//! 4. speakers are linked to entities: a named person or organisation inside the speaker
//!    phrase, pronouns and definite descriptions ("il", "le ministère", "la source") to the
//!    speaker or entity named before, indefinite descriptions ("une source sécuritaire")
//!    kept as unnamed speakers whose organisations become intermediaries;
//! 5. hedged when the verb itself hedges ("prétend"), the sentence says the claim is
//!    unconfirmed, or an according-to claim is in the conditional ("selon X, il aurait…").

mod lexicon;
mod words;

use recoupe_model::{
    Attribution, AttributionKind, Document, EntityMention, EntityType, Layer, Provenance, Sentence,
    Span, Stage, StageError, Unsourced,
};

pub use lexicon::{FormKind, Lexicon, LexiconError, VerbClass};
pub use words::fold;
use words::{scan, Word, WordKind};

const STAGE: &str = "attributions";

/// The attributions stage.
pub struct AttributionStage {
    lex: &'static Lexicon,
}

impl Default for AttributionStage {
    fn default() -> Self {
        AttributionStage {
            lex: Lexicon::embedded(),
        }
    }
}

impl AttributionStage {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Stage for AttributionStage {
    fn name(&self) -> &'static str {
        STAGE
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Entities]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Attributions, Layer::Unsourced]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let (attributions, unsourced) = analyse(self.lex, doc);
        doc.layers.attributions = attributions;
        doc.layers.unsourced = unsourced;
        doc.mark_produced(Layer::Attributions);
        doc.mark_produced(Layer::Unsourced);
        Ok(())
    }
}

/// A resolved speaker, remembered for pronouns and definite descriptions that follow.
#[derive(Debug, Clone)]
struct SpeakerRef {
    entity: Option<String>,
    unnamed: bool,
    /// Folded head noun of the description ("source", "ministere"), if any.
    head: Option<String>,
    /// Whether the speaker is a named person (what "il" / "elle" most often refers to).
    person: bool,
    /// The chain the speaker's last statement came through: a later "la source a ajouté"
    /// or "a-t-il ajouté" comes through it too.
    via: Vec<String>,
}

struct DocView<'d> {
    text: &'d str,
    entities: Vec<&'d EntityMention>,
    /// The document's sentences, in text order (the text stage's segmentation).
    sentences: &'d [Sentence],
    outlet_key: Option<String>,
}

impl<'d> DocView<'d> {
    fn mentions_in(&self, span: Span) -> impl Iterator<Item = &&'d EntityMention> {
        self.entities.iter().filter(move |e| span.contains(&e.span))
    }

    /// Whether an organisation's name starts at this word ("à *Xinhua*").
    fn organisation_at(&self, word: &Word) -> bool {
        self.mention_starting_at(word.start)
            .is_some_and(|m| m.label == EntityType::ORG)
    }

    /// Where the sentence holding byte `offset` starts.
    fn sentence_start_before(&self, offset: usize) -> usize {
        let after = self.sentences.partition_point(|s| s.span.start <= offset);
        after
            .checked_sub(1)
            .map_or(0, |k| self.sentences[k].span.start)
    }

    fn mention_starting_at(&self, start: usize) -> Option<&'d EntityMention> {
        self.entities
            .iter()
            .copied()
            .find(|e| e.span.start == start)
    }

    fn is_own_outlet(&self, mention: &EntityMention) -> bool {
        let Some(outlet) = &self.outlet_key else {
            return false;
        };
        let key = alnum_key(&self.text[mention.span.start..mention.span.end]);
        let kb_key = mention
            .kb
            .as_ref()
            .and_then(|k| k.name.as_deref())
            .map(alnum_key)
            .unwrap_or_default();
        let matches =
            |k: &str| k.len() >= 2 && (outlet.starts_with(k) || k.starts_with(outlet.as_str()));
        matches(&key) || matches(&kb_key)
    }
}

fn alnum_key(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

const AUXILIARIES: [&str; 14] = [
    "a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "est", "sont", "etait",
    "etaient", "ete", "avoir",
];
const OBJECT_PRONOUNS: [&str; 14] = [
    "le", "la", "les", "l'", "lui", "leur", "y", "en", "se", "s'", "ne", "n'", "l", "nous",
];
const DETERMINERS: [&str; 16] = [
    "un", "une", "la", "le", "les", "l'", "des", "du", "ce", "cet", "cette", "sa", "son", "ses",
    "leur", "leurs",
];
const INDEFINITE: [&str; 10] = [
    "un",
    "une",
    "des",
    "certains",
    "certaines",
    "plusieurs",
    "quelques",
    "de",
    "d'",
    "deux",
];
/// Pronouns that stand for a speaker: subjects ("il a ajouté") and the stressed forms after
/// "selon" ("selon lui").
const PRONOUNS: [&str; 8] = [
    "il", "elle", "ils", "elles", "celui-ci", "celle-ci", "lui", "eux",
];
/// Determiners that make a description refer to something already known.
const DEFINITE: [&str; 8] = ["le", "la", "l'", "les", "ce", "cet", "cette", "ces"];
/// How far after a role description ("le Premier ministre irakien déclare …", a headline)
/// the person it describes may be named when no one was named before.
const CATAPHORA_BYTES: usize = 300;
/// How close to a person's mention a role word must be to describe that person ("le
/// président turc Recep Tayyip Erdogan", "Tymur Tkachenko, chef de …").
const ROLE_WINDOW_BYTES: usize = 60;
const ADVERBS: [&str; 22] = [
    "aussi",
    "encore",
    "egalement",
    "notamment",
    "ensuite",
    "alors",
    "enfin",
    "aussitot",
    "auparavant",
    "deja",
    "d'ailleurs",
    "toutefois",
    "cependant",
    "pourtant",
    "meme",
    "lui-meme",
    "elle-meme",
    "recemment",
    "hier",
    "publiquement",
    "clairement",
    "ainsi",
];
const PREPOSITIONS: [&str; 9] = [
    "dans", "sur", "a", "lors", "via", "au", "aux", "par", "devant",
];
const CONJUNCTIONS: [&str; 4] = ["et", "mais", "puis", "car"];
/// Words that open a subordinate clause before its subject ("où l'autorité a indiqué").
const RELATIVES: [&str; 9] = [
    "ou", "dont", "qui", "si", "quand", "lorsque", "lorsqu'", "comme", "puisque",
];
/// Words that turn a following "que" into a subordinator ("après que", "alors que").
const SUBORDINATORS: [&str; 14] = [
    "apres", "avant", "alors", "pendant", "tandis", "bien", "pour", "sans", "parce", "afin", "des",
    "ainsi", "tant", "lors",
];
/// Words that end a speaker phrase placed after its verb.
const PHRASE_ENDS: [&str; 20] = [
    "dans", "lors", "selon", "citant", "cite", "citee", "cites", "citees", "sur", "apres", "avant",
    "alors", "pendant", "tandis", "lorsque", "lorsqu'", "quand", "parce", "afin", "pour",
];

/// Analyses a whole document.
fn analyse(lex: &Lexicon, doc: &Document) -> (Vec<Attribution>, Vec<Unsourced>) {
    let mut entities: Vec<&EntityMention> = doc.layers.entities.iter().collect();
    entities.sort_by_key(|e| (e.span.start, e.span.end));
    let view = DocView {
        text: &doc.text,
        entities,
        sentences: &doc.layers.sentences,
        outlet_key: doc
            .meta
            .outlet
            .as_deref()
            .map(alnum_key)
            .filter(|k| !k.is_empty()),
    };
    let mut attributions = Vec::new();
    let mut unsourced = Vec::new();
    let mut last_speaker: Option<SpeakerRef> = None;
    let mut speakers_seen: Vec<SpeakerRef> = Vec::new();
    let mut previous_had_attribution = false;
    for sentence in &doc.layers.sentences {
        let Some(_) = sentence.span.slice(&doc.text) else {
            continue;
        };
        let words = scan(&doc.text, sentence.span.start, sentence.span.end);
        if words.is_empty() || is_byline(lex, &words) {
            continue;
        }
        let mut found = analyse_sentence(lex, &view, &words, &mut last_speaker, &mut speakers_seen);
        if found.is_empty() && previous_had_attribution && is_quotation(&words) {
            // A quotation continuing the previous speaker's words in a new sentence.
            if let (Some(prev), Some(last)) = (attributions.last().cloned(), last_speaker.clone()) {
                let prev: Attribution = prev;
                let inner = quote_inner(&words).unwrap_or(sentence.span);
                found.push(Attribution {
                    content: inner,
                    speaker: prev.speaker,
                    speaker_entity: last.entity.clone(),
                    speaker_unnamed: last.unnamed,
                    cue: None,
                    kind: AttributionKind::Direct,
                    channel: prev.channel.clone(),
                    via: prev.via.clone(),
                    hedged: false,
                    provenance: Provenance::new(STAGE, "quote-continuation"),
                });
            }
        }
        previous_had_attribution = !found.is_empty();
        if found.is_empty() {
            if is_statement(&words) && !is_opinion(lex, &words) {
                unsourced.push(Unsourced {
                    span: after_dateline(&doc.text, sentence.span),
                    provenance: Provenance::new(STAGE, "no-cue"),
                });
            }
        } else {
            attributions.extend(found);
        }
    }
    (attributions, unsourced)
}

/// A sentence in the outlet's own voice of judgement ("sans doute", "si l'on"), outside
/// quotes: opinion, not an asserted fact.
fn is_opinion(lex: &Lexicon, words: &[Word]) -> bool {
    let quoted = quoted_mask(words);
    (0..words.len()).any(|i| !quoted[i] && lex.opinions.at(words, i).is_some())
}

/// A sentence's span without a leading agency dateline ("DEIR EZ-ZOR (Syrie), 30 septembre
/// (Xinhua) -- Le poste-frontière …" starts at "Le").
fn after_dateline(text: &str, span: Span) -> Span {
    let Some(sentence) = span.slice(text) else {
        return span;
    };
    let mut head_end = sentence.len().min(DATELINE_MAX_BYTES);
    while !sentence.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &sentence[..head_end];
    let Some((dash_at, dash)) = ["--", "\u{2014}", "\u{2013}"]
        .iter()
        .filter_map(|d| head.find(d).map(|at| (at, *d)))
        .min_by_key(|(at, _)| *at)
    else {
        return span;
    };
    // The place opens the dateline in capitals: "BEYROUTH,", "DEIR EZ-ZOR (Syrie)".
    let first_word: String = sentence.chars().take_while(|c| c.is_alphabetic()).collect();
    let capitals = first_word.chars().count() >= 3 && first_word.chars().all(char::is_uppercase);
    if !capitals {
        return span;
    }
    let rest = &sentence[dash_at + dash.len()..];
    let skipped = sentence.len() - rest.trim_start().len();
    if skipped >= sentence.len() {
        return span;
    }
    Span::new(span.start + skipped, span.end)
}

/// How far into a sentence an agency dateline may end.
const DATELINE_MAX_BYTES: usize = 100;

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

fn is_byline(lex: &Lexicon, words: &[Word]) -> bool {
    let content_words = words
        .iter()
        .filter(|w| matches!(w.kind, WordKind::Word | WordKind::Elision))
        .count();
    // "A.S. avec AFP", "Jean Dupont avec agences": a credit line ending on its agency
    let credit = content_words <= 6
        && words
            .iter()
            .rposition(|w| w.folded == "avec")
            .is_some_and(|k| {
                k > 0
                    && words[k + 1..]
                        .iter()
                        .filter(|w| w.kind == WordKind::Word)
                        .all(|w| w.capitalised || w.folded == "agences")
                    && words[k + 1..].iter().any(|w| w.kind == WordKind::Word)
            });
    if credit {
        return true;
    }
    content_words <= 5
        && lex.bylines.iter().any(|phrase| {
            phrase.len() <= words.len()
                && phrase.iter().zip(words).all(|(p, w)| *p == w.folded)
                && words
                    .get(phrase.len())
                    .is_none_or(|w| matches!(w.kind, WordKind::Colon | WordKind::Word))
        })
}

/// A sentence that states something: enough words, not a question.
fn is_statement(words: &[Word]) -> bool {
    let n = words
        .iter()
        .filter(|w| matches!(w.kind, WordKind::Word))
        .count();
    let question = words.iter().any(|w| w.folded == "?");
    n >= 4 && !question
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    Verb {
        class: VerbClass,
        weak: bool,
        opinion: bool,
        /// Index of the verb itself (first word of a multi-word verb).
        verb: usize,
        /// Index of the first word of the verb group (auxiliary or verb).
        group_start: usize,
        /// Index of the last word of the verb group (the verb, or its clitic).
        group_end: usize,
        clitic: Option<usize>,
    },
    According {
        start: usize,
        end: usize,
    },
}

/// Word indices inside quotation marks.
fn quoted_mask(words: &[Word]) -> Vec<bool> {
    let mut mask = vec![false; words.len()];
    // Straight quotes give no direction; when a sentence holds an odd number of them the
    // pairing is unknown (a quote opened in another sentence) and they are ignored.
    let straight = words
        .iter()
        .filter(|w| w.kind == WordKind::StraightQuote)
        .count();
    let use_straight = straight % 2 == 0;
    let mut depth = 0i32;
    let mut straight_open = false;
    for (i, w) in words.iter().enumerate() {
        match w.kind {
            WordKind::OpenQuote => {
                depth += 1;
                mask[i] = true;
            }
            WordKind::CloseQuote => {
                mask[i] = true;
                depth = (depth - 1).max(0);
            }
            WordKind::StraightQuote => {
                if use_straight {
                    straight_open = !straight_open;
                }
                mask[i] = true;
            }
            _ => mask[i] = depth > 0 || straight_open,
        }
    }
    mask
}

fn find_cues(lex: &Lexicon, text: &str, words: &[Word], quoted: &[bool]) -> Vec<CueKind> {
    let mut cues = Vec::new();
    // Part-of-speech tags of the sentence, computed only if a form is ambiguous.
    let mut tags: Option<Vec<recoupe_tagger::Upos>> = None;
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
                    cues.push(CueKind::Verb {
                        class: form.class,
                        weak: form.weak,
                        opinion: form.opinion,
                        verb: i,
                        group_start,
                        group_end,
                        clitic,
                    });
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
fn tagged_as_verb(
    text: &str,
    words: &[Word],
    i: usize,
    tags: &mut Option<Vec<recoupe_tagger::Upos>>,
) -> bool {
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

fn is_adverb(w: &Word) -> bool {
    ADVERBS.contains(&w.folded.as_str())
        || (w.kind == WordKind::Word
            && !w.capitalised
            && w.folded.len() > 6
            && w.folded.ends_with("ment")
            && !matches!(
                w.folded.as_str(),
                "gouvernement"
                    | "parlement"
                    | "commandement"
                    | "departement"
                    | "regiment"
                    | "mouvement"
                    | "moment"
                    | "document"
                    | "evenement"
                    | "traitement"
                    | "rassemblement"
                    | "batiment"
                    | "reglement"
                    | "armement"
                    | "financement"
                    | "etablissement"
                    | "engagement"
                    | "deploiement"
                    | "enlevement"
                    | "bombardement"
                    | "affrontement"
                    | "soulevement"
                    | "jugement"
                    | "logement"
                    | "changement"
                    | "developpement"
            ))
}

fn is_boundary(w: &Word) -> bool {
    matches!(
        w.kind,
        WordKind::Comma
            | WordKind::Colon
            | WordKind::Stop
            | WordKind::CloseQuote
            | WordKind::OpenQuote
    )
}

fn span_of(words: &[Word], from: usize, to_inclusive: usize) -> Span {
    Span::new(words[from].start, words[to_inclusive].end)
}

/// Trims quotation marks and punctuation from both ends of a word range.
fn trim_range(words: &[Word], mut from: usize, mut to: usize) -> Option<(usize, usize)> {
    while from <= to && !matches!(words[from].kind, WordKind::Word | WordKind::Elision) {
        from += 1;
    }
    while to > from
        && !matches!(
            words[to].kind,
            WordKind::Word | WordKind::Elision | WordKind::CloseQuote | WordKind::StraightQuote
        )
    {
        to -= 1;
    }
    // A closing quote at the end belongs to the quotation, not to the content we mark.
    while to > from
        && matches!(
            words[to].kind,
            WordKind::CloseQuote | WordKind::StraightQuote
        )
    {
        to -= 1;
    }
    (from <= to && matches!(words[from].kind, WordKind::Word | WordKind::Elision))
        .then_some((from, to))
}

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

struct Speaker {
    span: Option<Span>,
    entity: Option<String>,
    unnamed: bool,
    via: Vec<String>,
    remember: Option<SpeakerRef>,
}

fn resolve_speaker(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    range: Option<(usize, usize)>,
    clitic: Option<&Word>,
    seen: &[SpeakerRef],
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
    // "la même source", "le texte", "le communiqué": the source just quoted.
    let same_source = words[from..=to].iter().any(|w| w.folded == "meme")
        || (to == from + 1
            && DEFINITE.contains(&first)
            && (lex.channels.contains_word(&words[to].folded)
                || matches!(words[to].folded.as_str(), "texte" | "document")));
    if same_source {
        if let Some(prev) = seen.last() {
            return same_as(span, prev, vec![]);
        }
    }
    // "ce dernier", "cette dernière": the last person named.
    if to == from + 1
        && matches!(first, "ce" | "cette")
        && matches!(words[to].folded.as_str(), "dernier" | "derniere")
    {
        if let Some(m) = last_mention_before(view, span.start, EntityType::PER) {
            return named(span, m, None);
        }
    }
    let mentions: Vec<&&EntityMention> = view
        .mentions_in(span)
        .filter(|m| m.label != EntityType::LOC && m.label != EntityType::MISC)
        .collect();
    let head = description_head(lex, &words[from..=to]);
    let indefinite = INDEFINITE.contains(&first);
    let definite = DEFINITE.contains(&first);
    let person = mentions.iter().rev().find(|m| m.label == EntityType::PER);
    if let Some(p) = person {
        // "Un porte-parole des Unités, Hussein Qassim, a accusé": an indefinite description
        // with the person's name in apposition is that person.
        let in_apposition = view.text[span.start..p.span.start]
            .trim_end()
            .ends_with(',');
        if !indefinite || in_apposition {
            return named(span, p, head);
        }
    }
    // "le chef de la CAQ", "le premier ministre désigné": a person named before, even when
    // the description names the organisation the person leads.
    if let Some(role) = head.as_deref().filter(|_| definite) {
        let unnamed_noun = lex.unnamed.contains_key(role);
        if unnamed_noun || lex.person_roles.contains(role) {
            if let Some(prev) = speaker_with_head(seen, role).filter(|p| p.person) {
                return same_as(span, prev, vec![]);
            }
            // An unnamed-source noun ("le porte-parole") only takes a person named with
            // that role; otherwise it stays an unnamed source (below).
            if let Some(found) = person_by_role(view, seen, span, role, unnamed_noun) {
                return found;
            }
        }
    }
    let organisation = mentions.first();
    // "un communiqué des Hachd", "une vidéo du ministère": the channel's author speaks.
    let channel_head = head
        .as_deref()
        .is_some_and(|h| lex.channels.contains_word(h));
    if channel_head {
        if let Some(author) = person.or(organisation) {
            return named(span, author, head);
        }
        // "le communiqué de la société": the organisation that description refers back to.
        let author_role = words[from..=to].windows(2).find_map(|pair| {
            let determiner = pair[0].folded.as_str();
            let noun = pair[1].folded.as_str();
            (matches!(
                determiner,
                "la" | "le" | "l'" | "du" | "cette" | "ce" | "cet"
            ) && lex.organisation_roles.contains(noun))
            .then_some(noun)
        });
        if author_role.is_some() {
            // "selon le site X … indique le site": the same channel as before.
            if let Some(prev) = head.as_deref().and_then(|h| speaker_with_head(seen, h)) {
                return same_as(span, prev, vec![]);
            }
            if let Some(m) = last_organisation_before(view, span.start) {
                return named(span, m, head);
            }
        }
    }
    if indefinite
        || head
            .as_deref()
            .is_some_and(|h| lex.unnamed.contains_key(h) && organisation.is_none())
    {
        // "un correspondant de l'AFP", "une source sécuritaire": the speaker is unnamed; the
        // outlet a reporter works for is the channel the words came through.
        let reporter = head.as_deref().is_some_and(|h| lex.reporters.contains(h));
        let via = mentions
            .iter()
            .filter(|m| m.label == EntityType::ORG && reporter)
            .map(|m| m.entity.clone())
            .collect();
        // A definite description ("la source") may refer back to an unnamed speaker.
        if !indefinite {
            if let Some(h) = &head {
                if let Some(prev) = speaker_with_head(seen, h) {
                    return same_as(span, prev, via);
                }
            }
        }
        return Speaker {
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
            }),
        };
    }
    if let Some(org) = organisation {
        return named(span, org, head);
    }
    // A country or capital speaking for its government: "Ankara considère", "L'Égypte a appelé".
    if !indefinite {
        if let Some(place) = view
            .mentions_in(span)
            .find(|m| m.label == EntityType::LOC && m.span.start <= words[from].end)
        {
            return named(span, place, head);
        }
    }
    // A definite description with no name: "le ministère", "le commandant".
    if let Some(h) = &head {
        if let Some(prev) = speaker_with_head(seen, h) {
            return same_as(span, prev, vec![]);
        }
        if let Some(m) = view
            .entities
            .iter()
            .rev()
            .filter(|m| m.span.end <= span.start && m.label != EntityType::LOC)
            .find(|m| fold(&view.text[m.span.start..m.span.end]).contains(h.as_str()))
        {
            return named(span, m, head);
        }
        // "cette force paramilitaire", "l'alliance", "le site": the organisation named before.
        if definite && lex.organisation_roles.contains(h.as_str()) {
            if let Some(m) = last_organisation_before(view, span.start) {
                return named(span, m, head);
            }
        }
    }
    Speaker {
        span: Some(span),
        entity: None,
        unnamed: true,
        via: vec![],
        remember: Some(SpeakerRef {
            entity: None,
            unnamed: true,
            head,
            person: false,
            via: vec![],
        }),
    }
}

/// Words between a speech verb and a name that make the name the outlet or platform the
/// words went through: "a déclaré à Xinhua", "a nié auprès de la chaîne Rudaw", "a indiqué
/// sur son compte Telegram"; not "a félicité les forces pour leur victoire sur Daech".
fn is_channel_phrase(lex: &Lexicon, between: &[Word]) -> bool {
    between
        .iter()
        .any(|x| matches!(x.folded.as_str(), "a" | "au" | "aux" | "sur" | "aupres"))
        && between.iter().all(|x| {
            matches!(
                x.folded.as_str(),
                "a" | "au"
                    | "aux"
                    | "sur"
                    | "aupres"
                    | "de"
                    | "du"
                    | "d'"
                    | "l'"
                    | "la"
                    | "le"
                    | "les"
                    | "son"
                    | "sa"
                    | "ses"
                    | "leur"
                    | "leurs"
            ) || lex.channels.contains_word(&x.folded)
                || is_adverb(x)
        })
}

/// The head noun of a speaker phrase: its first word that is not a determiner or a
/// pre-nominal adjective ("le premier ministre désigné" → "ministre").
fn description_head(lex: &Lexicon, words: &[Word]) -> Option<String> {
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

/// The latest organisation named before `offset`, the article's own outlet aside: what
/// "cette force paramilitaire" or "le communiqué de la société" refers back to.
fn last_organisation_before<'d>(view: &DocView<'d>, offset: usize) -> Option<&'d EntityMention> {
    view.entities
        .iter()
        .rev()
        .filter(|m| m.span.end <= offset && m.label == EntityType::ORG)
        .find(|m| !view.is_own_outlet(m))
        .copied()
}

/// The latest mention of type `label` ending before `offset`.
fn last_mention_before<'d>(
    view: &DocView<'d>,
    offset: usize,
    label: EntityType,
) -> Option<&'d EntityMention> {
    view.entities
        .iter()
        .rev()
        .find(|m| m.span.end <= offset && m.label == label)
        .copied()
}

/// Whether the role word appears just before a person's mention ("le président turc
/// Recep Tayyip Erdogan") or in an apposition right after it ("Tymur Tkachenko, chef de …").
fn role_near(text: &str, mention: Span, role: &str) -> bool {
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
    let has_role = |window: &str| {
        fold(window)
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|word| word == role)
    };
    has_role(before) || has_role(apposition)
}

/// The person a definite role description ("le chef caquiste") refers to: the latest person
/// named with that role nearby; unless `strict`, else the latest person speaker, else the
/// latest person named, else a person named just after (a headline naming the person in
/// the lede).
fn person_by_role(
    view: &DocView<'_>,
    seen: &[SpeakerRef],
    span: Span,
    role: &str,
    strict: bool,
) -> Option<Speaker> {
    let head = Some(role.to_string());
    let with_role = view.entities.iter().rev().find(|m| {
        m.span.end <= span.start && m.label == EntityType::PER && role_near(view.text, m.span, role)
    });
    if let Some(m) = with_role {
        return Some(named(span, m, head));
    }
    if strict {
        return None;
    }
    if let Some(prev) = seen.iter().rev().find(|s| s.person && s.entity.is_some()) {
        return Some(same_as(span, prev, vec![]));
    }
    if let Some(m) = last_mention_before(view, span.start, EntityType::PER) {
        return Some(named(span, m, head));
    }
    view.entities
        .iter()
        .find(|m| {
            m.label == EntityType::PER
                && m.span.start >= span.end
                && m.span.start - span.end <= CATAPHORA_BYTES
        })
        .map(|m| named(span, m, head))
}

/// The latest speaker described with the head noun `head` ("la source" → "une source …").
fn speaker_with_head<'s>(seen: &'s [SpeakerRef], head: &str) -> Option<&'s SpeakerRef> {
    seen.iter().rev().find(|s| s.head.as_deref() == Some(head))
}

/// A speaker phrase referring back to an earlier speaker.
fn same_as(span: Span, prev: &SpeakerRef, via: Vec<String>) -> Speaker {
    Speaker {
        span: Some(span),
        entity: prev.entity.clone(),
        unnamed: prev.unnamed,
        via,
        remember: Some(prev.clone()),
    }
}

fn named(span: Span, m: &EntityMention, head: Option<String>) -> Speaker {
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
    words_before <= SUBJECT_WORDS_BEFORE
        && !view.entities.iter().any(|m| {
            m.label == EntityType::PER
                && m.span.start >= sentence_start
                && m.span.end <= mention.span.start
        })
}

/// Resolves "il", "elle", "-t-il", "ils": the topic of "Quant au maire, il …" when there is
/// one, else the latest person speaker for a singular pronoun, else the latest speaker, else
/// the last person named before the pronoun.
fn pronoun_speaker(
    span: Span,
    view: &DocView<'_>,
    seen: &[SpeakerRef],
    topic: Option<&str>,
) -> Speaker {
    let pronoun = fold(&view.text[span.start..span.end]);
    let singular = matches!(
        pronoun.trim_start_matches("-t").trim_start_matches('-'),
        "il" | "elle" | "lui"
    );
    let from_topic = topic.and_then(|h| seen.iter().rev().find(|s| s.head.as_deref() == Some(h)));
    let person = if singular {
        seen.iter().rev().find(|s| s.person)
    } else {
        None
    };
    // "Le ministre, Abakar Hassan, s'est rendu à Moundou. Il a annoncé …": a person who
    // opened a sentence after the last person speaker was named is the likelier antecedent.
    if singular && from_topic.is_none() {
        let speaker_named_at = person.and_then(|p| {
            view.entities
                .iter()
                .rev()
                .find(|m| Some(&m.entity) == p.entity.as_ref() && m.span.end <= span.start)
                .map(|m| m.span.start)
        });
        // Only earlier sentences: a name inside the quotation the pronoun closes ("« Ibrahim
        // a apporté … », a-t-il expliqué") is not who speaks.
        let own_sentence_start = view.sentence_start_before(span.start);
        let subject = view.entities.iter().rev().find(|m| {
            m.label == EntityType::PER
                && m.span.end <= own_sentence_start
                && opens_its_sentence(view, m)
        });
        if let Some(subject) = subject {
            let newer = match (person, speaker_named_at) {
                (None, _) => true,
                (Some(p), Some(at)) => {
                    p.entity.as_ref() != Some(&subject.entity) && subject.span.start > at
                }
                (Some(_), None) => false,
            };
            if newer {
                return named(span, subject, None);
            }
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
    let person = view
        .entities
        .iter()
        .rev()
        .find(|m| m.span.end <= span.start && m.label == EntityType::PER);
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

/// The head noun of a left-dislocated topic: "Quant au maire, il …" → "maire".
fn topic_head(words: &[Word]) -> Option<String> {
    if words.first()?.folded != "quant" {
        return None;
    }
    words[1..]
        .iter()
        .take(4)
        .find(|w| {
            w.kind == WordKind::Word
                && !matches!(w.folded.as_str(), "a" | "au" | "aux" | "la" | "le" | "les")
        })
        .map(|w| w.folded.clone())
}

/// What follows a speech verb: a clause ("que …") or a quotation / colon, close after it.
#[derive(Debug, Clone, Copy)]
struct Complement {
    clausal: bool,
    /// Words between the verb and the complement's marker.
    distance: usize,
}

fn complement_after(words: &[Word], group_end: usize) -> Option<Complement> {
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

/// The speaker phrase before a verb group: back to the clause boundary, without object
/// pronouns, leading conjunctions or adverbs; an apposition ("le maire, X,") is kept whole.
fn subject_before(words: &[Word], group_start: usize, floor: usize) -> Option<(usize, usize)> {
    let mut to = group_start.checked_sub(1)?;
    while to >= floor && to > 0 && OBJECT_PRONOUNS.contains(&words[to].folded.as_str()) {
        to -= 1;
    }
    if to < floor || is_boundary(&words[to]) {
        // "le maire de la ville, Vitali Klitschko, les a…": the subject is the apposition.
        if to >= floor && words[to].kind == WordKind::Comma && to > floor {
            let inner_end = to - 1;
            let mut k = inner_end;
            while k > floor && !is_boundary(&words[k - 1]) {
                k -= 1;
            }
            if k <= inner_end {
                let mut from = k;
                if k >= floor + 2 && words[k - 1].kind == WordKind::Comma {
                    let mut j = k - 1;
                    while j > floor && !is_boundary(&words[j - 1]) {
                        j -= 1;
                    }
                    if j < k - 1 {
                        from = j;
                    }
                }
                return trim_subject(words, from, inner_end);
            }
        }
        return None;
    }
    let mut from = to;
    while from > floor && !is_boundary(&words[from - 1]) {
        from -= 1;
    }
    trim_subject(words, from, to)
}

fn trim_subject(words: &[Word], mut from: usize, to: usize) -> Option<(usize, usize)> {
    // Long segments contain a previous clause: "… au centre de Kiev et le maire de la ville".
    if to + 1 - from > 6 {
        if let Some(k) = (from..to).rev().find(|&k| {
            CONJUNCTIONS.contains(&words[k].folded.as_str())
                && words
                    .get(k + 1)
                    .is_some_and(|n| n.capitalised || DETERMINERS.contains(&n.folded.as_str()))
        }) {
            from = k + 1;
        }
    }
    // "a indiqué au Directeur général qu'il considérait …": the subject of the second verb
    // starts after the last "que".
    if let Some(k) = (from..to)
        .rev()
        .find(|&k| matches!(words[k].folded.as_str(), "que" | "qu'"))
    {
        from = k + 1;
    }
    while from <= to
        && (CONJUNCTIONS.contains(&words[from].folded.as_str())
            || is_adverb(&words[from])
            || RELATIVES.contains(&words[from].folded.as_str())
            || words[from].folded == "quant"
            || words[from].folded == "que"
            || words[from].folded == "qu'")
    {
        from += 1;
    }
    trim_range(words, from, to)
}

/// The speaker phrase after an incise verb ("…, a indiqué sur son compte Telegram le chef
/// de l'administration, Tymur Tkachenko, précisant…"), and entities of skipped channel phrases.
fn subject_after(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    after: usize,
) -> (Option<(usize, usize)>, Vec<usize>) {
    let mut k = after;
    let mut channel_entities = Vec::new();
    // Skip adverbs and prepositional channel phrases.
    loop {
        let Some(w) = words.get(k) else {
            return (None, channel_entities);
        };
        if is_adverb(w) || w.folded == "plus" {
            k += 1;
            continue;
        }
        if PREPOSITIONS.contains(&w.folded.as_str()) {
            k += 1;
            while let Some(x) = words.get(k) {
                if let Some(m) = view.mention_starting_at(x.start) {
                    channel_entities.push(k);
                    while words.get(k).is_some_and(|y| y.end <= m.span.end) {
                        k += 1;
                    }
                    break;
                }
                // "sur son compte Telegram" is a channel; "sur franceinfo son porte-parole"
                // ends the channel at the possessive
                let channel_possessive =
                    matches!(x.folded.as_str(), "son" | "sa" | "ses" | "leur" | "leurs")
                        && words
                            .get(k + 1)
                            .is_some_and(|n| lex.channels.contains_word(&n.folded));
                if is_boundary(x)
                    || (DETERMINERS.contains(&x.folded.as_str())
                        && !channel_possessive
                        && k > after + 1)
                {
                    break;
                }
                k += 1;
            }
            continue;
        }
        break;
    }
    let from = k;
    let mut to = k;
    while let Some(w) = words.get(to + 1) {
        // "…, Tymur Tkachenko, précisant que": a participle after a comma ends the phrase.
        let gerund_after_comma = w.folded.ends_with("ant") && words[to].kind == WordKind::Comma;
        if is_boundary(w) || PHRASE_ENDS.contains(&w.folded.as_str()) || gerund_after_comma {
            break;
        }
        to += 1;
    }
    if words.get(from).is_none_or(is_boundary) {
        return (None, channel_entities);
    }
    // "…, a confié l'un d'eux à l'agence Reuters": the outlet spoken to ends the phrase
    // and is a link of the chain.
    let spoken_to = (from + 1..=to)
        .filter(|&k| matches!(words[k].lower.as_str(), "à" | "au" | "auprès"))
        .find_map(|k| {
            (k + 1..=to)
                .find(|&m| view.organisation_at(&words[m]) && is_channel_phrase(lex, &words[k..m]))
                .map(|m| (k, m))
        });
    if let Some((k, outlet)) = spoken_to {
        channel_entities.push(outlet);
        to = k - 1;
    }
    // "…, a annoncé l'armée dans un communiqué lu à la télévision nationale RTB": an
    // outlet named in the channel phrase after the speaker is a link of the chain.
    if words.get(to + 1).is_some_and(|w| {
        matches!(
            w.lower.as_str(),
            "dans" | "sur" | "à" | "au" | "lors" | "via" | "auprès"
        )
    }) {
        let mut saw_channel = false;
        for m in to + 2..words.len() {
            let w = &words[m];
            if is_boundary(w) {
                break;
            }
            saw_channel |= lex.channels.contains_word(&w.folded);
            if view.organisation_at(w) && (saw_channel || is_channel_phrase(lex, &words[to + 1..m]))
            {
                channel_entities.push(m);
                break;
            }
        }
    }
    // Apposition: ", Tymur Tkachenko," right after the description.
    if words.get(to + 1).is_some_and(|w| w.kind == WordKind::Comma) {
        // The name may follow a title: ", Mme Claire Besson".
        let title = words.get(to + 2).is_some_and(|w| {
            matches!(
                w.folded.as_str(),
                "m." | "mme" | "mme." | "dr" | "dr." | "me" | "pr"
            )
        });
        if let Some(next) = words.get(to + 2 + usize::from(title)) {
            if let Some(m) = view.mention_starting_at(next.start) {
                if m.label == EntityType::PER {
                    let mut end = to + 2 + usize::from(title);
                    while words.get(end + 1).is_some_and(|w| w.end <= m.span.end) {
                        end += 1;
                    }
                    to = end;
                }
            }
        }
    }
    (trim_range(words, from, to), channel_entities)
}

/// A "selon X [citant Y]" phrase: cue index, end of the phrase, chain entities in order of
/// appearance, and the source phrase's word range.
struct AccordingChain {
    /// Index of the cue's first word.
    start: usize,
    /// Index just past the source phrase.
    end: usize,
    /// Entities of the phrase in chain order, the speaker's own last: "selon X citant Y"
    /// → [X, Y]; "selon un responsable cité par Y" → [Y].
    chain: Vec<String>,
    /// How many entries at the end of `chain` name the speaker (0: an unnamed or
    /// undescribed speaker, resolved from `speaker_phrase`).
    speaker_links: usize,
    /// Word range of the speaker's own phrase.
    speaker_phrase: Option<(usize, usize)>,
}

fn analyse_sentence(
    lex: &Lexicon,
    view: &DocView<'_>,
    words: &[Word],
    last_speaker: &mut Option<SpeakerRef>,
    seen: &mut Vec<SpeakerRef>,
) -> Vec<Attribution> {
    let quoted = quoted_mask(words);
    let cues = find_cues(lex, view.text, words, &quoted);
    if cues.is_empty() {
        return Vec::new();
    }
    let sentence_end = words.len() - 1;
    // Part-of-speech tags, computed only if a cue needs them.
    let mut tags: Option<Vec<recoupe_tagger::Upos>> = None;
    let topic = topic_head(words);
    let hedged_sentence = (0..words.len()).any(|i| lex.hedges.at(words, i).is_some());
    let channel = (0..words.len())
        .filter(|&i| !quoted[i])
        .find_map(|i| lex.channels.at(words, i))
        .map(|(_, v)| v.to_string());
    // Relays ("citant X", "publiée par X") and their entities, in order of appearance.
    let mut relay_entities: Vec<String> = Vec::new();
    for (i, &in_quote) in quoted.iter().enumerate() {
        if in_quote {
            continue;
        }
        if let Some((p, _)) = lex.relay.at(words, i) {
            let mut k = i + p.len();
            while let Some(w) = words.get(k) {
                if is_boundary(w) {
                    break;
                }
                if let Some(m) = view.mention_starting_at(w.start) {
                    // Right after "citant", a name is a source even when typed as a place
                    // (a site or agency named like a town).
                    let right_after = k == i + p.len();
                    if m.label == EntityType::ORG || m.label == EntityType::PER || right_after {
                        relay_entities.push(m.entity.clone());
                        break;
                    }
                }
                k += 1;
            }
        }
    }

    let mut out = Vec::new();
    let mut according_chains: Vec<AccordingChain> = Vec::new();
    let has_according = cues.iter().any(|c| matches!(c, CueKind::According { .. }));
    // Next to "selon X", a weak or opinion verb is part of what X reports ("Selon Press TV,
    // la Syrie et l'Irak espèrent rouvrir …"), not a second statement.
    let verb_cues: Vec<&CueKind> = cues
        .iter()
        .filter(|c| match c {
            CueKind::Verb { weak, .. } => !(has_according && *weak),
            CueKind::According { .. } => false,
        })
        .collect();
    for cue in &cues {
        if let CueKind::According { start, end } = *cue {
            // The source phrase runs to the next clause boundary, and on over a comma into a
            // relay: "selon le quotidien La Meuse, citant une source judiciaire, …",
            // "selon Radio-Canada, qui cite un contremaître, …".
            let mut k = end + 1;
            loop {
                while words.get(k).is_some_and(|w| !is_boundary(w)) {
                    k += 1;
                }
                let after_comma = words.get(k).is_some_and(|w| w.kind == WordKind::Comma);
                if after_comma && lex.relay.at(words, k + 1).is_some() {
                    k += 1;
                    // past the relay words, which hold no boundary
                    k += lex.relay.at(words, k).map_or(0, |(p, _)| p.len());
                    continue;
                }
                // "selon le directeur financier, Marc Duhamel, …": the name in apposition
                if after_comma {
                    if let Some(name_end) = person_in_apposition(view, words, k + 1) {
                        k = name_end + 1;
                        continue;
                    }
                }
                break;
            }
            // "Selon Mosleh qui est le commandant … dans les Hachd": a relative clause
            // describes the source, it is no link of the chain.
            let np_end = (end + 1..k)
                .find(|&r| {
                    r > end + 1
                        && matches!(
                            words[r].folded.as_str(),
                            "qui" | "dont" | "lequel" | "laquelle" | "lesquels" | "lesquelles"
                        )
                        && lex.relay.at(words, r).is_none()
                })
                .unwrap_or(k)
                .saturating_sub(1);
            let np = trim_range(words, end + 1, np_end.max(end + 1).min(sentence_end));
            // A relay inside the phrase splits it: "X citant Y" (Y spoke, X relayed) and
            // "Y cité par X" (the same, passive).
            let (speaker_phrase, relay_phrase) = match np {
                Some((a, b)) => match (a..=b).find_map(|r| {
                    lex.relay
                        .at(words, r)
                        .map(|(p, _)| (r, p.len(), p.last().is_some_and(|w| w == "par")))
                }) {
                    Some((r, len, passive)) => {
                        let before = if r > a {
                            trim_range(words, a, r - 1)
                        } else {
                            None
                        };
                        let after = if r + len <= b {
                            trim_range(words, r + len, b)
                        } else {
                            None
                        };
                        if passive {
                            (before, after)
                        } else {
                            (after, before)
                        }
                    }
                    None => (np, None),
                },
                None => (None, None),
            };
            let links = |range: Option<(usize, usize)>, relayed: bool| -> Vec<String> {
                let Some((a, b)) = range else {
                    return Vec::new();
                };
                view.mentions_in(span_of(words, a, b))
                    .filter(|m| {
                        m.label == EntityType::ORG
                            || m.label == EntityType::PER
                            // right after "citant", a name is a source even typed as a place
                            || (relayed && m.span.start == words[a].start)
                    })
                    .map(|m| m.entity.clone())
                    .collect()
            };
            let relayed_speaker = relay_phrase.is_some();
            let mut chain = links(relay_phrase, false);
            // "selon un analyste de Bank of America": an unnamed person of an organisation;
            // the speaker phrase is resolved as a description (its organisation is an
            // affiliation, or for a reporter the chain)
            let described = speaker_phrase.is_some_and(|(a, b)| {
                INDEFINITE.contains(&words[a].folded.as_str())
                    && !view
                        .mentions_in(span_of(words, a, b))
                        .any(|m| m.label == EntityType::PER)
            });
            let speaker_chain = if described {
                Vec::new()
            } else {
                links(speaker_phrase, relayed_speaker)
            };
            let speaker_links = speaker_chain.len();
            chain.extend(speaker_chain);
            according_chains.push(AccordingChain {
                start,
                end: k,
                chain,
                speaker_links,
                speaker_phrase,
            });
        }
    }

    let mut floor = 0;
    for cue in &verb_cues {
        let CueKind::Verb {
            class,
            weak,
            opinion,
            verb,
            group_start,
            group_end,
            clitic,
        } = **cue
        else {
            continue;
        };
        let prev = group_start.checked_sub(1).map(|p| &words[p]);
        let complement = complement_after(words, group_end);
        // "…, précisant que …": a present participle continues the speaker of the same
        // sentence; elsewhere ("confirmant ainsi la défaite") it is no statement.
        let gerund = words[verb].folded.ends_with("ant") && clitic.is_none();
        if gerund && (out.is_empty() || complement.is_none()) {
            continue;
        }
        // After a comma the verb is an incise ("…, a indiqué le ministre") unless it opens
        // its own complement: "X, porte-parole de Y, a affirmé que …", "…, a accusé Y de …".
        let accuses = class == VerbClass::Accuse
            && words[group_end + 1..]
                .iter()
                .take(8)
                .any(|w| matches!(w.folded.as_str(), "de" | "d'"));
        // After a plain comma the words before must be a clause: "Les combats ont repris,
        // a annoncé l'armée" is an incise, "Le ministre, Karim Haddad, a annoncé
        // l'arrestation …" is a subject with an apposition.
        let after_clause = |tags: &mut Option<Vec<recoupe_tagger::Upos>>| {
            let floor_word = floor.min(group_start);
            (floor_word..group_start).any(|k| {
                AUXILIARIES.contains(&words[k].lower.as_str())
                    || tagged_as_verb(view.text, words, k, tags)
            })
        };
        let incise = !gerund
            && (clitic.is_some()
                || (prev
                    .is_some_and(|p| matches!(p.kind, WordKind::Comma | WordKind::CloseQuote))
                    && !complement.is_some_and(|c| c.clausal || c.distance <= 3)
                    && !accuses
                    && (prev.is_some_and(|p| p.kind == WordKind::CloseQuote)
                        || quoted[..group_start].iter().any(|q| *q)
                        || after_clause(&mut tags))));
        // Verbs often not about speech ("lancer", "confirmer", "dévoiler") need a clause or
        // a quotation; opinion verbs taking an object ("considérer X comme", "appeler à")
        // count when a person or body is their subject.
        let bare = weak && !incise && complement.is_none();
        if bare && !opinion {
            continue;
        }
        let needs_named_speaker = bare;
        let (content, speaker_range, skipped_channel) = if incise {
            // Content: from the clause start to the comma before the verb.
            let mut end = group_start.saturating_sub(1);
            while end > floor && matches!(words[end].kind, WordKind::Comma) {
                end -= 1;
            }
            let content = trim_range(words, floor, end);
            let (speaker, channel_entities) = if clitic.is_some() {
                // "…, a-t-il déclaré à la chaîne al-Sumaria": the channel after the clitic.
                let channel = (group_end + 2..words.len())
                    .take_while(|&k| !is_boundary(&words[k]))
                    .find(|&k| {
                        view.organisation_at(&words[k])
                            && is_channel_phrase(lex, &words[group_end + 1..k])
                    });
                (None, channel.into_iter().collect())
            } else {
                subject_after(lex, view, words, group_end + 1)
            };
            (content, speaker, channel_entities)
        } else {
            let speaker = if gerund {
                None
            } else {
                subject_before(words, group_start, floor)
            };
            // Content: after "que", a colon or a quotation within the clause, else the object.
            let mut k = group_end + 1;
            let mut content_start = None;
            let mut skipped = Vec::new();
            while let Some(w) = words.get(k) {
                if matches!(w.folded.as_str(), "que" | "qu'") {
                    content_start = Some(k + 1);
                    break;
                }
                // "a appelé au respect des instructions, « afin de … »": the complement
                // right after the verb is what was said, not a later quotation.
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
                // "a déclaré à Xinhua", "a nié auprès de la chaîne Rudaw", "a indiqué sur
                // son compte Telegram": the outlet or platform the words went through; not
                // "a félicité les forces pour leur victoire sur Daech".
                if view.mention_starting_at(w.start).is_some()
                    && k > group_end + 1
                    && is_channel_phrase(lex, &words[group_end + 1..k])
                {
                    skipped.push(k);
                }
                k += 1;
            }
            let start = content_start.unwrap_or(group_end + 1);
            let mut stop = start;
            while stop < sentence_end && !matches!(words[stop + 1].kind, WordKind::Stop) {
                stop += 1;
            }
            // A later incise cue in the same sentence ends this content.
            if let Some(next) = verb_cues.iter().find_map(|c| match c {
                CueKind::Verb { group_start: g, .. } if *g > group_end => Some(*g),
                _ => None,
            }) {
                stop = stop.min(next.saturating_sub(1));
            }
            if start > sentence_end {
                (None, speaker, skipped)
            } else {
                (trim_range(words, start, stop.max(start)), speaker, skipped)
            }
        };
        floor = group_end + 1;
        let Some((cfrom, cto)) = content else {
            continue;
        };
        let clitic_word = clitic.map(|c| &words[c]);
        // "…, affirme le texte, qui évoque « des pertes »": the relative pronoun stands for
        // the speaker of the clause it hangs on.
        let relative_subject =
            !incise && group_start > 0 && words[group_start - 1].folded == "qui" && !out.is_empty();
        let speaker = if gerund {
            pronoun_speaker(span_of(words, group_end, group_end), view, seen, None)
        } else if relative_subject {
            let relative = span_of(words, group_start - 1, group_start - 1);
            match seen.last() {
                Some(prev) => same_as(relative, prev, vec![]),
                None => resolve_speaker(lex, view, words, speaker_range, None, seen, None),
            }
        } else {
            resolve_speaker(
                lex,
                view,
                words,
                speaker_range,
                clitic_word,
                seen,
                topic.as_deref(),
            )
        };
        let speaker = Speaker {
            span: if gerund { None } else { speaker.span },
            ..speaker
        };
        // A verb that is often not about speech ("conclure", "confirmer", "appeler") counts
        // without a clause or quotation only when a named person or body is its subject.
        // The impersonal "on" ("peut-on lire", "l'on ajoute") names no source.
        if speaker.span.is_some_and(|sp| {
            matches!(
                fold(&view.text[sp.start..sp.end]).as_str(),
                "on" | "l'on" | "-t-on" | "-on"
            )
        }) {
            continue;
        }
        let described_person = speaker.remember.as_ref().is_some_and(|r| {
            r.unnamed
                && r.head
                    .as_deref()
                    .is_some_and(|h| lex.unnamed.contains_key(h))
        });
        if needs_named_speaker && speaker.entity.is_none() && !described_person {
            continue;
        }
        let mut via: Vec<String> = Vec::new();
        // Channel phrases skipped on the way to the speaker ("sur son compte Telegram").
        for k in skipped_channel {
            if let Some(m) = view.mention_starting_at(words[k].start) {
                if m.label == EntityType::ORG {
                    via.push(m.entity.clone());
                }
            }
        }
        via.extend(speaker.via.iter().cloned());
        via.extend(relay_entities.iter().cloned());
        // Outer links: "selon X" next to the verb, nearest (last cited) first.
        for AccordingChain { chain, .. } in &according_chains {
            via.extend(chain.iter().rev().cloned());
        }
        let via = clean_via(view, via, speaker.entity.as_deref());
        let via = inherit_via(view, via, &speaker);
        let kind = kind_of(words, &quoted, cfrom, cto);
        let content_span = span_of(words, cfrom, cto);
        let hedged = class == VerbClass::Hedge || hedged_sentence;
        out.push(Attribution {
            content: content_span,
            speaker: speaker.span,
            speaker_entity: speaker.entity.clone(),
            speaker_unnamed: speaker.unnamed,
            cue: Some(span_of(words, group_start, group_end)),
            kind,
            channel: channel.clone(),
            via,
            hedged,
            provenance: Provenance::new(
                STAGE,
                if incise {
                    "speech-verb-incise"
                } else {
                    "speech-verb"
                },
            ),
        });
        if let Some(mut r) = speaker.remember {
            r.via = out.last().map(|a| a.via.clone()).unwrap_or_default();
            *last_speaker = Some(r.clone());
            seen.push(r);
        }
    }

    if verb_cues.is_empty() {
        for according in &according_chains {
            let AccordingChain {
                start,
                end: np_end,
                chain,
                speaker_links,
                speaker_phrase: np,
            } = according;
            // "Selon X, content." or "content, selon X."
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
            let speaker_span = np.map(|(a, b)| span_of(words, a, b));
            let speaker = match (speaker_entity, np) {
                (Some(e), _) => {
                    // Remembered with its head noun, so that "le site" later refers back to
                    // "selon le site vie-publique.fr".
                    let head = np.and_then(|(a, b)| description_head(lex, &words[a..=b]));
                    let person = view
                        .entities
                        .iter()
                        .any(|m| m.entity == e && m.label == EntityType::PER);
                    Speaker {
                        span: speaker_span,
                        entity: Some(e.clone()),
                        unnamed: false,
                        via: vec![],
                        remember: Some(SpeakerRef {
                            entity: Some(e),
                            unnamed: false,
                            head,
                            person,
                            via: vec![],
                        }),
                    }
                }
                (None, Some(range)) => {
                    resolve_speaker(lex, view, words, Some(*range), None, seen, topic.as_deref())
                }
                (None, None) => continue,
            };
            let mut via: Vec<String> = rest.into_iter().rev().collect();
            via.extend(speaker.via.iter().cloned());
            via.extend(relay_entities.iter().cloned());
            let via = clean_via(view, via, speaker.entity.as_deref());
            let via = inherit_via(view, via, &speaker);
            let conditional = (cfrom..=cto).any(|k| is_conditional(&words[k].folded));
            out.push(Attribution {
                content: span_of(words, cfrom, cto),
                speaker: speaker.span,
                speaker_entity: speaker.entity.clone(),
                speaker_unnamed: speaker.unnamed,
                cue: Some(span_of(words, *start, *start)),
                kind: AttributionKind::AccordingTo,
                channel: channel.clone(),
                via,
                hedged: hedged_sentence || conditional,
                provenance: Provenance::new(STAGE, "according-to"),
            });
            if let Some(mut r) = speaker.remember {
                r.via = out.last().map(|a| a.via.clone()).unwrap_or_default();
                *last_speaker = Some(r.clone());
                seen.push(r);
            }
        }
    }
    out
}

fn is_conditional(folded: &str) -> bool {
    matches!(
        folded,
        "aurait"
            | "auraient"
            | "serait"
            | "seraient"
            | "pourrait"
            | "pourraient"
            | "devrait"
            | "devraient"
    )
}

/// The index of the last word of a person's name that starts at word `at` and is followed
/// by a comma: an apposition ("le gouverneur régional, Oleh Synegoubov, …").
fn person_in_apposition(view: &DocView<'_>, words: &[Word], at: usize) -> Option<usize> {
    let m = view.mention_starting_at(words.get(at)?.start)?;
    if m.label != EntityType::PER {
        return None;
    }
    let mut end = at;
    while words.get(end + 1).is_some_and(|w| w.end <= m.span.end) {
        end += 1;
    }
    words
        .get(end + 1)
        .is_some_and(|w| w.kind == WordKind::Comma)
        .then_some(end)
}

/// A statement with no chain of its own by a speaker referred back to ("la source a
/// ajouté", "a-t-il précisé") came through the same chain as that speaker's last one.
fn inherit_via(view: &DocView<'_>, via: Vec<String>, speaker: &Speaker) -> Vec<String> {
    match &speaker.remember {
        Some(previous) if via.is_empty() && !previous.via.is_empty() => {
            clean_via(view, previous.via.clone(), speaker.entity.as_deref())
        }
        _ => via,
    }
}

/// Removes the article's own outlet, the speaker itself and duplicates from a chain.
fn clean_via(view: &DocView<'_>, via: Vec<String>, speaker: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for key in via {
        if Some(key.as_str()) == speaker || out.contains(&key) {
            continue;
        }
        let own = view
            .entities
            .iter()
            .filter(|m| m.entity == key)
            .any(|m| view.is_own_outlet(m));
        if !own {
            out.push(key);
        }
    }
    out
}

#[cfg(test)]
mod tests;
