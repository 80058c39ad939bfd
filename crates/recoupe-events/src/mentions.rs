//! Event mentions in one article: sentence by sentence, triggers from the lexicon, then the
//! participants, place, date, killed counts and responsibility claims the clause ties to
//! each trigger.

use recoupe_kb::Reference;
use recoupe_model::{
    Attribution, DateMention, Document, EntityMention, EntityType, Event, EventArgument, EventType,
    Nationality, Polarity, Provenance, ResponsibilityClaim, Span, Stance,
};
use recoupe_tagger::{Tagger, Upos};

use crate::lexicon::{Lexicon, Phrase, Pos, Role};
use crate::nearby::Sweep;
use crate::words::{words_in, Word};

pub(crate) const STAGE: &str = "events";

/// Forms of "être" that make a participle passive ("a été frappé", "sont arrêtés").
const ETRE: &[&str] = &[
    "est", "sont", "etait", "etaient", "sera", "seront", "serait", "seraient", "ete", "etre",
    "fut", "furent", "soit", "soient", "etant",
];
/// Forms of "avoir" before a participle.
const AVOIR: &[&str] = &[
    "a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "ayant", "avoir", "eu",
];
/// Words that may stand between an auxiliary and its participle, or before a verb.
const VERB_FILLERS: &[&str] = &[
    "ne",
    "n'",
    "pas",
    "plus",
    "jamais",
    "deja",
    "encore",
    "aussi",
    "egalement",
    "meme",
    "notamment",
    "ensuite",
    "finalement",
    "aussitot",
    "y",
    "en",
    "se",
    "s'",
    "l'",
    "le",
    "la",
    "les",
    "lui",
    "leur",
    "bien",
    "alors",
    "ainsi",
    "d'abord",
    "vraisemblablement",
    "apparemment",
    "probablement",
    "peut-etre",
    "violemment",
    "massivement",
    "directement",
    "delibere",
];
/// Prepositions that make the following name a complement, not a subject or object.
const COMPLEMENT_PREPOSITIONS: &[&str] = &[
    "a", "au", "aux", "en", "dans", "sur", "par", "contre", "selon", "pour", "avec", "vers",
    "chez", "depuis", "pres", "entre", "sans", "apres", "avant", "d'apres", "envers", "face",
    "lors", "malgre", "parmi", "outre",
];
const DETERMINERS: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d'",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "ce",
    "cet",
    "cette",
    "ces",
    "plusieurs",
    "deux",
    "trois",
];
/// Words that end the search for a subject to the left (a new clause starts after them).
const LEFT_STOPS: &[&str] = &[
    "que", "qu'", "lorsque", "lorsqu'", "quand", "si", "mais", "car", "dont", "puisque", "tandis",
    "alors", "selon", "d'apres", "comme",
];
/// Words that end the search for an object to the right.
const RIGHT_STOPS: &[&str] = &[
    "que", "qu'", "qui", "lorsque", "lorsqu'", "quand", "mais", "car", "dont", "puisque", "tandis",
    "alors", "selon", "d'apres", "apres", "avant", "et", "ou",
];
/// Markers of a clause presenting the event as alleged, expected or possible.
const HEDGES: &[&str] = &[
    "aurait",
    "auraient",
    "serait",
    "seraient",
    "pourrait",
    "pourraient",
    "presume",
    "presumee",
    "presumes",
    "presumees",
    "suppose",
    "supposee",
    "supposes",
    "imminent",
    "imminente",
    "imminents",
    "imminentes",
    "eventuel",
    "eventuelle",
    "eventuels",
    "possible",
    "possibles",
    "probable",
    "risque",
    "menace",
    "menacent",
    "craint",
    "craignent",
    "crainte",
    "prevu",
    "prevue",
    "prevus",
    "projet",
    "projette",
    "pretendu",
    "pretendue",
    "allegue",
    "alleguee",
    "ecarte",
    "ecartee",
    "ecartes",
    "exclu",
    "exclue",
    "exclut",
    "piste",
    "hypothese",
];
/// Negations before a noun or around a verb.
const NEGATIONS: &[&str] = &["ne", "n'", "aucun", "aucune", "sans", "nul", "nulle", "ni"];
/// Participles that introduce the doer of a nominal event ("attaque menée par X").
const AGENT_PARTICIPLES: &[&str] = &[
    "mene",
    "menee",
    "menes",
    "menees",
    "perpetre",
    "perpetree",
    "perpetres",
    "perpetrees",
    "commis",
    "commise",
    "commises",
    "lance",
    "lancee",
    "lances",
    "lancees",
    "orchestre",
    "orchestree",
    // "une embuscade tendue par X"
    "tendu",
    "tendue",
    "tendus",
    "tendues",
    "conduit",
    "conduite",
    "conduits",
    "conduites",
    "effectue",
    "effectuee",
    "effectues",
    "effectuees",
    "realise",
    "realisee",
    "tire",
    "tiree",
    "tires",
    "tirees",
    "organise",
    "organisee",
    "declenche",
    "declenchee",
    "execute",
    "executee",
    "prononce",
    "prononcee",
    "adopte",
    "adoptee",
    "depose",
    "deposee",
    "remporte",
    "remportee",
    "proclame",
    "proclames",
    "proclamee",
    "proclamees",
    "decretee",
    "decrete",
    "ordonne",
    "ordonnee",
    "votee",
    "votees",
    "approuvee",
    "approuvees",
];
/// Verbs whose subject did what their object noun names ("X a mené une attaque", "X a
/// remporté l'élection", "X a déclaré l'urgence sanitaire").
const GOVERNING_VERBS: &[&str] = &[
    // "X et Y ont conclu un accord", "ont scellé une trêve"
    "conclu",
    "conclut",
    "concluent",
    "conclure",
    "scelle",
    "scellent",
    "sceller",
    "mene",
    "menent",
    "lance",
    "lancent",
    "perpetre",
    "commis",
    "commet",
    "conduit",
    "organise",
    "remporte",
    "remportent",
    "adopte",
    "adoptent",
    "declare",
    "proclame",
    "decrete",
    "decretent",
    "inaugure",
    "inaugurent",
    "prononce",
    "ordonne",
    "decide",
    "gagne",
    "signe",
    "signent",
    "depose",
    "votent",
    "vote",
    "ouvert",
    "ouvre",
    "declenche",
    "accepte",
    "acceptent",
    "approuve",
    "approuvent",
    "mener",
    "lancer",
    "declarer",
    "proclamer",
    "remporter",
];
/// Present participles of the governing verbs: after "en", a gerund whose subject is the
/// main clause's ("En déclarant l'urgence sanitaire, le directeur X a appelé…", "X a
/// répondu en lançant une offensive").
const GERUND_GOVERNING_VERBS: &[&str] = &[
    "menant",
    "lancant",
    "perpetrant",
    "commettant",
    "conduisant",
    "organisant",
    "remportant",
    "adoptant",
    "declarant",
    "proclamant",
    "decretant",
    "inaugurant",
    "prononcant",
    "ordonnant",
    "decidant",
    "gagnant",
    "signant",
    "deposant",
    "votant",
    "ouvrant",
    "declenchant",
];
/// Participles after which "par X" names a claimant, not a doer ("revendiquée par X").
const CLAIM_PARTICIPLE_STEMS: &[&str] = &[
    "revendique",
    "attribue",
    "impute",
    "accuse",
    "denonce",
    "condamne",
];
/// Words after "par" that mean the agent is a means, not a doer ("par balles", "par drone").
const MEANS_AFTER_PAR: &[&str] = &["balle", "balles", "drone", "drones", "missile", "missiles"];
/// Units that count the dead by themselves.
const KILLED_UNITS: &[&str] = &[
    "mort",
    "morts",
    "mortes",
    "tue",
    "tues",
    "tuees",
    "deces",
    "cadavres",
    "victimes mortelles",
];
/// Words after a count of people that say they were killed.
const KILLED_WORDS: &[&str] = &[
    "tue",
    "tuee",
    "tues",
    "tuees",
    "mort",
    "morte",
    "morts",
    "mortes",
    "peri",
    "decede",
    "decedee",
    "decedes",
    "decedees",
    "succombe",
    "succombes",
    "executes",
    "executees",
    "massacres",
    "massacrees",
    "abattus",
    "abattues",
    "neutralises",
    "perissent",
    "perirent",
    "noyes",
    "noyees",
    "ensevelis",
    "ensevelies",
    "carbonises",
    "tuant",
];
/// Multi-word expressions of death after a count ("ont perdu la vie", "ont trouvé la mort").
const KILLED_PHRASES: &[&[&str]] = &[
    &["perdu", "la", "vie"],
    &["trouve", "la", "mort"],
    &["sans", "vie"],
    &["coute", "la", "vie"],
];
/// Words before a count that say the count is of the dead ("tuant 12 personnes").
const KILLED_BEFORE: &[&str] = &[
    "tuant", "tue", "tues", "tuee", "tuees", "tuer", "massacre", "fauche",
];
/// Words that make a figure an earlier, superseded toll.
const EARLIER_MARKERS: &[&[&str]] = &[
    &["premier", "bilan"],
    &["precedent", "bilan"],
    &["bilan", "precedent"],
    &["bilan", "initial"],
    &["plus", "tot"],
    &["initialement"],
    &["auparavant"],
    &["faisait", "etat"],
];

/// A participant candidate of a sentence: a named entity or a nationality adjective.
#[derive(Debug, Clone)]
struct Part {
    /// First and last word index in the sentence.
    first: usize,
    last: usize,
    span: Span,
    /// The mention's entity key (for an argument as written).
    entity: String,
    /// The key an actor is counted under: a capital city stands for its country.
    actor_key: String,
    label: Option<EntityType>,
    /// A LOC that is no country nor capital, or a frame: a place, not a participant.
    place_only: bool,
    /// A competition, event, law or operation of the registry: no participant, but it
    /// names what a weak trigger reports ("la finale de la Ligue des champions").
    frame: bool,
}

/// The kind of `event_generic_actors.tsv` for a title that names one person.
const PERSON_KIND: &str = "person";

/// A person the document names with a title: "le Premier ministre, X".
#[derive(Debug, Clone, PartialEq, Eq)]
struct Titled {
    /// Index of the title in the generic actors.
    title: usize,
    /// Nationality adjective after the title ("le président ukrainien X").
    demonym: Option<String>,
    entity: String,
}

/// A trigger found in a sentence.
#[derive(Debug, Clone)]
struct Found {
    first: usize,
    end: usize,
    head: usize,
    entry: usize,
    verbal: bool,
}

/// What the analysis of one document needs besides the document.
pub(crate) struct Analyser<'a> {
    pub lex: &'a Lexicon,
    pub kb: &'a Reference,
}

/// Quantities of the document that count people killed, with whether the article presents
/// them as an earlier toll.
pub fn killed_quantities(doc: &Document) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    let mut words = Vec::new();
    let mut current: Option<Span> = None;
    for (k, q) in doc.layers.quantities.iter().enumerate() {
        let sentence = sentence_of(doc, q.span);
        // Quantities come in text order: each sentence is folded once.
        if current != Some(sentence) {
            words_in(&doc.text, &doc.layers.tokens, sentence, &mut words);
            current = Some(sentence);
        }
        if let Some(earlier) = killed_in(&words, q) {
            out.push((k, earlier));
        }
    }
    out
}

/// Every token of the document, folded once.
fn document_words(doc: &Document) -> Vec<Word> {
    let mut words = Vec::new();
    words_in(
        &doc.text,
        &doc.layers.tokens,
        Span::new(0, doc.text.len()),
        &mut words,
    );
    words
}

/// The words of `all` inside `span`.
fn words_of(all: &[Word], span: Span) -> &[Word] {
    let first = all.partition_point(|w| w.span.start < span.start);
    let end = first + all[first..].partition_point(|w| w.span.start < span.end);
    &all[first..end]
}

fn sentence_of(doc: &Document, span: Span) -> Span {
    let sentences = &doc.layers.sentences;
    let k = sentences.partition_point(|s| s.span.end <= span.start);
    sentences
        .get(k)
        .filter(|s| s.span.start <= span.start)
        .map_or(span, |s| s.span)
}

/// Whether quantity `q` (inside the sentence of `words`) counts the dead; `Some(earlier)`.
fn killed_in(words: &[Word], q: &recoupe_model::Quantity) -> Option<bool> {
    let first = words.iter().position(|w| w.span.start >= q.span.start)?;
    let end = words
        .iter()
        .position(|w| w.span.start >= q.span.end)
        .unwrap_or(words.len());
    // A subset of a toll given before ("dont quatre enfants", "parmi lesquels 3 soldats").
    let before: Vec<&str> = words[first.saturating_sub(3)..first]
        .iter()
        .map(|w| w.folded.as_str())
        .collect();
    if before
        .iter()
        .any(|w| matches!(*w, "dont" | "parmi" | "lesquels" | "lesquelles"))
    {
        return None;
    }
    let unit = q
        .unit
        .as_deref()
        .map(crate::words::fold)
        .unwrap_or_default();
    let mut killed = KILLED_UNITS.contains(&unit.as_str());
    if !killed && !unit.starts_with("bless") {
        // "12 personnes ont été tuées", "30 civils ont péri": a death word after the count
        // before any word of injury or a new clause.
        let mut k = end;
        while k < words.len() && k < end + 8 {
            let w = &words[k];
            if w.is_clause_break() || w.folded.starts_with("bless") {
                break;
            }
            if KILLED_WORDS.contains(&w.folded.as_str())
                || KILLED_PHRASES
                    .iter()
                    .any(|p| starts_with_words(words, k, p))
            {
                killed = true;
                break;
            }
            k += 1;
        }
        if !killed {
            killed = before.last().is_some_and(|w| KILLED_BEFORE.contains(w))
                || (first >= 2 && KILLED_BEFORE.contains(&words[first - 2].folded.as_str()));
        }
    }
    if !killed {
        return None;
    }
    let earlier = (0..words.len()).any(|k| {
        EARLIER_MARKERS
            .iter()
            .any(|m| starts_with_words(words, k, m))
    });
    Some(earlier)
}

fn starts_with_words(words: &[Word], at: usize, phrase: &[&str]) -> bool {
    phrase.len() <= words.len().saturating_sub(at)
        && phrase.iter().zip(&words[at..]).all(|(p, w)| w.folded == *p)
}

/// Modes of category `event_type` that the document's sentences name anywhere ("les
/// assaillants étaient armés de machettes"), for the story record. A sentence that dates
/// something more than `RECALLED_DAYS` before `event_day` recalls an earlier event ("depuis
/// l'assassinat du président en 2021"): its modes are that event's. Words an accuser is
/// quoted with ("accusé d'avoir commis « un massacre »") are his description, not the
/// reports'.
pub(crate) fn document_modes(
    lex: &Lexicon,
    kb: &Reference,
    doc: &Document,
    event_type: EventType,
    event_day: Option<chrono::NaiveDate>,
) -> Vec<String> {
    let all = document_words(doc);
    let analyser = Analyser { lex, kb };
    let mut names: Vec<Span> = doc.layers.entities.iter().map(|m| m.span).collect();
    names.sort_by_key(|m| m.start);
    let mut modes = Vec::new();
    for sentence in &doc.layers.sentences {
        let words = words_of(&all, sentence.span);
        if words.is_empty() {
            continue;
        }
        let recalls = event_day.is_some_and(|event| {
            doc.layers.dates.iter().any(|d| {
                sentence.span.contains(&d.span)
                    && d.value
                        .as_deref()
                        .and_then(crate::record::last_day)
                        .is_some_and(|day| (event - day).num_days() > crate::record::RECALLED_DAYS)
            })
        });
        if recalls {
            continue;
        }
        // The same cues as the mentions read (`Analyser::find_cues`), so a mode is framed
        // here exactly when it is in the sentence's own event mentions.
        let first = names.partition_point(|m| m.start < sentence.span.start);
        let here: Vec<Span> = names[first..]
            .iter()
            .take_while(|m| m.start < sentence.span.end)
            .filter(|m| m.end <= sentence.span.end)
            .copied()
            .collect();
        let inside_name = |w: &Word| {
            here.iter()
                .any(|m| m.start <= w.span.start && w.span.end <= m.end)
        };
        let cues = analyser.find_cues(words, &inside_name);
        let framed = framed_words(words, &cues);
        let framed = |k: usize| framed[k];
        for mode in analyser.mode_cues(words, (0, words.len()), event_type, &framed) {
            if !modes.contains(&mode) {
                modes.push(mode);
            }
        }
    }
    modes
}

impl Analyser<'_> {
    /// Every event mention of the document, in text order.
    pub fn analyse(&self, doc: &Document) -> Vec<Event> {
        let text = &doc.text;
        let killed: Vec<Span> = killed_quantities(doc)
            .into_iter()
            .map(|(k, _)| doc.layers.quantities[k].span)
            .collect();
        let tokens = &doc.layers.tokens;
        let mut buffer = String::new();
        let mut sentence_words = Vec::new();
        let mut events = Vec::new();
        let mut entities: Vec<&EntityMention> = doc.layers.entities.iter().collect();
        entities.sort_by_key(|m| m.span.start);
        let titled = self.titled_persons(text, &entities);
        // The layers near each sentence, swept in text order: only items overlapping a
        // sentence can be inside, cover or speak in it.
        let mut near_attributions = Sweep::new(&doc.layers.attributions, attribution_hull);
        let mut near_dates = Sweep::new(&doc.layers.dates, |d| d.span);
        let mut near_nationalities = Sweep::new(&doc.layers.nationalities, |n| n.span);
        let mut near_killed = Sweep::new(&killed, |q| *q);
        // The one the latest sentences hold responsible, for a denial that names no one
        // ("X accuse Y. Les paramilitaires ont nié toute implication"): (sentence, actor).
        let mut recent_accused: Option<(usize, EventArgument)> = None;
        let mut recent_responsible: Option<(usize, EventArgument)> = None;
        for (index, sentence) in doc.layers.sentences.iter().enumerate() {
            let span = sentence.span;
            // Most sentences hold no trigger and no cue: they are only looked up, word by word
            // in one reused buffer, and nothing else is computed for them.
            let first_token = tokens.partition_point(|t| t.span.start < span.start);
            let candidate = tokens[first_token..]
                .iter()
                .take_while(|t| t.span.start < span.end)
                .any(|t| {
                    crate::words::fold_into(&text[t.span.start..t.span.end], &mut buffer);
                    self.lex.opening_words.contains(buffer.as_str())
                });
            if !candidate {
                continue;
            }
            words_in(text, tokens, span, &mut sentence_words);
            let words = &sentence_words[..];
            let attributions = near_attributions.at(span);
            let dates = near_dates.at(span);
            let nationalities = near_nationalities.at(span);
            let killed = near_killed.at(span);
            let mut tags: Option<recoupe_tagger::Prefix> = None;
            let first = entities.partition_point(|m| m.span.start < span.start);
            let mentions: Vec<&EntityMention> = entities[first..]
                .iter()
                .take_while(|m| m.span.start < span.end)
                .filter(|m| m.span.end <= span.end)
                .copied()
                .collect();
            let inside_name = |w: &Word| {
                mentions
                    .iter()
                    .any(|m| m.span.start <= w.span.start && w.span.end <= m.span.end)
            };
            let mut parts = self.participants(&nationalities, words, &mentions);
            self.generic_parts(
                text,
                words,
                &entities[..first],
                &mentions,
                &titled,
                &mut parts,
            );
            let parts_end_at = |k: usize| parts.iter().any(|p| p.last == k);
            // The words of the sentence's dates: "X a mené dans la nuit de samedi à dimanche
            // des frappes" has its verb as close to the noun as without the date.
            let dated: Vec<bool> = words
                .iter()
                .map(|w| dates.iter().any(|d| d.span.contains(&w.span)))
                .collect();
            let found =
                self.find_triggers(text, words, &dated, &inside_name, &parts_end_at, &mut tags);
            let cues = self.find_cues(words, &inside_name);
            if found.is_empty() && cues.is_empty() {
                continue;
            }
            let attribution = covering_attribution(&attributions, span);
            let framed = framed_words(words, &cues);
            let framed = |k: usize| framed[k];
            // A date after "depuis" or "jusqu'à" says when a state began or ends, not when the
            // event happened.
            // "X a revendiqué jeudi l'attaque", "Y a démenti mardi": a date right after a
            // claim or a denial dates that statement.
            let statement_dates: Vec<Span> = cues
                .iter()
                .map(|&(first, end, _)| {
                    let last = end.min(words.len() - 1);
                    Span::new(words[first].span.start, words[last].span.end)
                })
                .collect();
            let open_dates: Vec<_> = dates
                .iter()
                .copied()
                .filter(|d| !since_date(words, d.span))
                .collect();
            let event_dates: Vec<_> = open_dates
                .iter()
                .copied()
                .filter(|d| !statement_dates.iter().any(|s| s.contains(&d.span)))
                .collect();
            let mut sentence_events: Vec<Event> = Vec::new();
            let mut previous_actors: Vec<&Part> = Vec::new();
            for f in &found {
                let trigger = &self.lex.triggers[f.entry];
                let (mut actors, recipients) = arguments(
                    words,
                    &parts,
                    f,
                    trigger.event_type,
                    &trigger.phrase,
                    &dated,
                );
                // "X a bombardé le sud du pays, tuant trois personnes": a present participle
                // after a comma has the subject of the clause before, the doer of the event
                // read there, not the name nearest to its left.
                if f.verbal
                    && f.head == f.first
                    && words[f.head].folded.ends_with("ant")
                    && f.first.checked_sub(1).is_some_and(|k| words[k].is_comma())
                {
                    actors = previous_actors.clone();
                }
                previous_actors = actors.clone();
                let clause = clause_bounds(words, f);
                let clause_span =
                    Span::new(words[clause.0].span.start, words[clause.1 - 1].span.end);
                let killed_here: Vec<Span> = killed
                    .iter()
                    .filter(|q| clause_span.contains(q))
                    .map(|q| **q)
                    .collect();
                if trigger.phrase.options.weak
                    && actors.is_empty()
                    && recipients.is_empty()
                    && killed_here.is_empty()
                    && !parts
                        .iter()
                        .any(|p| p.frame && p.first >= clause.0 && p.last < clause.1)
                {
                    continue;
                }
                let trigger_span = Span::new(words[f.first].span.start, words[f.end - 1].span.end);
                let own_attribution = attributions
                    .iter()
                    .copied()
                    .find(|a| a.content.contains(&trigger_span))
                    .or(attribution);
                let hedged = own_attribution.is_some_and(|a| a.hedged) || hedged_near(words, f);
                let negated = negated_near(words, f);
                // "X accuse Y d'avoir commis « un massacre »": the accuser's own words say
                // how he describes the act, not how the reports establish it was done.
                let mut modes = if framed(f.head) {
                    Vec::new()
                } else {
                    trigger.modes.clone()
                };
                for mode in self.mode_cues(words, clause, trigger.event_type, &framed) {
                    if !modes.contains(&mode) {
                        modes.push(mode);
                    }
                }
                events.push(Event {
                    span: clause_span,
                    trigger: trigger_span,
                    event_type: trigger.event_type,
                    modes,
                    // "Selon un responsable local, X, les assaillants ont ouvert le feu":
                    // who is named in the source phrase reports the event, he is not the
                    // subject of its verb (unless the report is his own infinitive clause,
                    // "X a affirmé avoir abattu …"). A noun the speech verb governs is his
                    // own act ("X a déclaré l'état d'urgence").
                    actors: actors
                        .iter()
                        .filter(|p| {
                            !own_attribution.is_some_and(|a| {
                                f.verbal
                                    && a.speaker.is_some_and(|s| s.contains(&p.span))
                                    && a.content.contains(&trigger_span)
                                    && !infinitive_report(words, a.content)
                            })
                        })
                        .map(|p| argument(p))
                        .collect(),
                    // "Selon le préfet, X, 12 personnes ont été tuées": who reports the
                    // event is not the verb's subject it was done to.
                    recipients: recipients
                        .iter()
                        .filter(|p| {
                            !f.verbal
                                || own_attribution
                                    .and_then(|a| a.speaker_entity.as_deref())
                                    .is_none_or(|speaker| speaker != p.entity)
                        })
                        .map(|p| argument(p))
                        .collect(),
                    place: place_of(words, &parts, f, clause),
                    // The date of a claim or an accusation that is itself the event ("X a
                    // accusé dimanche Y de …") is the event's date.
                    date: date_of(
                        if cues
                            .iter()
                            .any(|&(first, end, _)| first <= f.head && f.head <= end)
                        {
                            &open_dates
                        } else {
                            &event_dates
                        },
                        clause_span,
                        trigger_span,
                        own_attribution,
                    ),
                    killed: killed_here,
                    responsibility: Vec::new(),
                    source: own_attribution.and_then(|a| a.speaker_entity.clone()),
                    hedged,
                    negated,
                    provenance: Provenance::new(
                        STAGE,
                        rule_name(
                            trigger.phrase.options.weak,
                            f.verbal,
                            trigger.phrase.options.participant,
                            !f.verbal
                                && antecedent_noun(words, f.first)
                                && found.iter().any(|g| {
                                    g.first < f.first
                                        && self.lex.triggers[g.entry].event_type
                                            != trigger.event_type
                                }),
                        ),
                    ),
                });
                sentence_events.push(events.pop().expect("just pushed"));
            }
            // The weak readings give way to a strong trigger of another category.
            let strong: Vec<EventType> = found
                .iter()
                .filter(|f| !self.lex.triggers[f.entry].phrase.options.weak)
                .map(|f| self.lex.triggers[f.entry].event_type)
                .collect();
            sentence_events.retain(|e| {
                let weak = found.iter().any(|f| {
                    Span::new(words[f.first].span.start, words[f.end - 1].span.end) == e.trigger
                        && self.lex.triggers[f.entry].phrase.options.weak
                });
                !weak || strong.is_empty() || strong.contains(&e.event_type)
            });
            // Clashes in a sentence about a protest are the protest turning violent (CAMEO
            // 145 "Protest violently, riot" → PLOVER PROTEST), not an armed assault.
            if sentence_events
                .iter()
                .any(|e| e.event_type == EventType::Protest)
            {
                for e in sentence_events.iter_mut() {
                    let clash = e.event_type == EventType::Assault
                        && found.iter().any(|f| {
                            Span::new(words[f.first].span.start, words[f.end - 1].span.end)
                                == e.trigger
                                && CLASH_WORDS
                                    .iter()
                                    .any(|c| words[f.head].folded.starts_with(c))
                        });
                    if clash {
                        e.event_type = EventType::Protest;
                        e.modes.clear();
                    }
                }
            }
            let context = Context {
                previous_speaker: index
                    .checked_sub(1)
                    .and_then(|k| previous_speaker(doc, doc.layers.sentences[k].span)),
                recent_accused: recent_accused
                    .as_ref()
                    .filter(|(k, _)| index - k <= 2)
                    .map(|(_, a)| a.clone()),
                recent_responsible: recent_responsible
                    .as_ref()
                    .filter(|(k, _)| index - k <= 2)
                    .map(|(_, a)| a.clone()),
            };
            let claims = self.claims(words, &parts, &cues, attribution, &context);
            if let Some(c) = claims.iter().rev().find(|c| {
                c.stance == Stance::Claims
                    && c.by.as_ref().is_some_and(|b| b.entity != c.actor.entity)
            }) {
                recent_accused = Some((index, c.actor.clone()));
            }
            if let Some(c) = claims.iter().rev().find(|c| c.stance == Stance::Claims) {
                recent_responsible = Some((index, c.actor.clone()));
            }
            // A denial the attributions layer reads ("a rejeté ces accusations", polarity
            // `deny`) that no cue of ours caught: its speaker denies its own side's part in
            // the event the sentence reports.
            if !cues
                .iter()
                .any(|c| matches!(c.2, Role::Deny | Role::MutualDeny))
            {
                let denials: Vec<ResponsibilityClaim> = attributions
                    .iter()
                    .filter(|a| {
                        a.polarity == Polarity::Deny
                            && a.cue
                                .is_some_and(|c| span.contains(&c) && !figure_after(words, c))
                    })
                    .filter_map(|a| {
                        let key = a.speaker_entity.as_ref()?;
                        let part = parts.iter().find(|p| &p.entity == key)?;
                        Some(ResponsibilityClaim {
                            actor: EventArgument {
                                span: part.span,
                                entity: self.own_side(part),
                            },
                            by: Some(as_arg(part)),
                            stance: Stance::Denies,
                        })
                    })
                    .collect();
                if !denials.is_empty() {
                    let anchor = denials[0].actor.span.start;
                    if let Some(event) = sentence_events
                        .iter_mut()
                        .filter(|e| e.event_type.is_material())
                        .min_by_key(|e| e.trigger.start.abs_diff(anchor))
                    {
                        for d in denials {
                            if !event.responsibility.contains(&d) {
                                event.responsibility.push(d);
                            }
                        }
                    }
                }
            }
            // "Les affirmations selon lesquelles X a frappé sont une provocation": who calls
            // the account false denies the part of the actors it names.
            if cues.iter().any(|c| c.2 == Role::Refute) {
                for e in sentence_events
                    .iter_mut()
                    .filter(|e| e.event_type.is_material() && !e.negated)
                {
                    let Some(speaker) = attributions
                        .iter()
                        .copied()
                        .find(|a| a.content.contains(&e.trigger))
                        .or(attribution)
                        .filter(|a| a.speaker_entity == e.source)
                    else {
                        continue;
                    };
                    let Some(key) = speaker.speaker_entity.as_ref() else {
                        continue;
                    };
                    let by = parts.iter().find(|p| &p.entity == key).map_or_else(
                        || EventArgument {
                            span: speaker.speaker.unwrap_or(speaker.content),
                            entity: key.clone(),
                        },
                        |p| EventArgument {
                            span: p.span,
                            entity: p.actor_key.clone(),
                        },
                    );
                    let denials: Vec<ResponsibilityClaim> = e
                        .actors
                        .iter()
                        .filter(|a| &a.entity != key)
                        .map(|a| ResponsibilityClaim {
                            actor: a.clone(),
                            by: Some(by.clone()),
                            stance: Stance::Denies,
                        })
                        .collect();
                    for d in denials {
                        if !e.responsibility.contains(&d) {
                            e.responsibility.push(d);
                        }
                    }
                }
            }
            if !claims.is_empty() {
                // The claims go to the event they are about: the nearest material trigger,
                // or a verbal mention of the cue itself.
                let cue_at = words[cues[0].0].span;
                let target = sentence_events
                    .iter_mut()
                    .filter(|e| e.event_type.is_material())
                    .min_by_key(|e| e.trigger.start.abs_diff(cue_at.start));
                match target {
                    Some(event) => event.responsibility.extend(claims),
                    None => {
                        let (first, end, role) = cues[0];
                        let denial = matches!(role, Role::Deny | Role::MutualDeny);
                        let trigger = Span::new(words[first].span.start, words[end - 1].span.end);
                        sentence_events.push(Event {
                            span,
                            trigger,
                            event_type: if denial {
                                EventType::Reject
                            } else {
                                EventType::Accuse
                            },
                            modes: Vec::new(),
                            actors: Vec::new(),
                            recipients: Vec::new(),
                            place: None,
                            date: None,
                            killed: Vec::new(),
                            responsibility: claims,
                            source: attribution.and_then(|a| a.speaker_entity.clone()),
                            hedged: false,
                            negated: false,
                            provenance: Provenance::new(STAGE, "responsibility-cue"),
                        });
                    }
                }
            }
            sentence_events.sort_by_key(|e| e.trigger.start);
            events.extend(sentence_events);
        }
        events
    }

    fn find_triggers(
        &self,
        text: &str,
        words: &[Word],
        dated: &[bool],
        inside_name: &dyn Fn(&Word) -> bool,
        parts_end_at: &dyn Fn(usize) -> bool,
        tags: &mut Option<recoupe_tagger::Prefix>,
    ) -> Vec<Found> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if !words[i].is_wordlike() || inside_name(&words[i]) {
                i += 1;
                continue;
            }
            let candidates = self.lex.trigger_index.starting_with(&words[i].folded);
            if candidates.is_empty() {
                i += 1;
                continue;
            }
            let matching: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&k| matches_at(&self.lex.triggers[k].phrase, words, i))
                .collect();
            if matching.is_empty() {
                i += 1;
                continue;
            }
            let longest = matching
                .iter()
                .map(|&k| self.lex.triggers[k].phrase.words.len())
                .max()
                .unwrap_or(1);
            let mut matching: Vec<usize> = matching
                .into_iter()
                .filter(|&k| self.lex.triggers[k].phrase.words.len() == longest)
                .collect();
            // "frappe" noun or verb: the tagger decides when both readings match.
            let has =
                |pos: Pos, m: &[usize]| m.iter().any(|&k| self.lex.triggers[k].phrase.pos == pos);
            if has(Pos::Verb, &matching)
                && (has(Pos::Noun, &matching) || has(Pos::Adjective, &matching))
            {
                let head = i + self.lex.triggers[matching[0]].phrase.head;
                let after_determiner = head.checked_sub(1).is_some_and(|k| {
                    DETERMINERS.contains(&words[k].folded.as_str())
                        || matches!(words[k].folded.as_str(), "cette" | "une" | "leur")
                });
                // Right after a subject pronoun or a named subject, the form is the verb
                // ("l'armée israélienne frappe").
                let after_subject = head.checked_sub(1).is_some_and(|k| {
                    matches!(
                        words[k].folded.as_str(),
                        "il" | "elle" | "ils" | "elles" | "on" | "qui"
                    ) || parts_end_at(k)
                });
                // The context decides most cases; the tagger (once per sentence) the rest.
                let verb = if auxiliary_before(words, head).is_some() {
                    true
                } else if after_determiner {
                    false
                } else if after_subject {
                    true
                } else {
                    let prefix = tags.get_or_insert_with(|| {
                        let mut prefix = recoupe_tagger::Prefix::default();
                        prefix.start(words.len());
                        prefix
                    });
                    let tag = Tagger::embedded().tag_at(prefix, head, |k| {
                        std::borrow::Cow::Borrowed(&text[words[k].span.start..words[k].span.end])
                    });
                    matches!(tag, Some(Upos::Verb | Upos::Aux))
                };
                matching.retain(|&k| (self.lex.triggers[k].phrase.pos == Pos::Verb) == verb);
            }
            let chosen = matching.into_iter().find(|&k| {
                let phrase = &self.lex.triggers[k].phrase;
                let head = i + phrase.head;
                let end = i + phrase.words.len();
                let opts = &phrase.options;
                let generic_noun =
                    matches!(phrase.pos, Pos::Noun | Pos::Fixed) && not_this_event(words, i);
                let accented =
                    opts.plain && !text[words[head].span.start..words[head].span.end].is_ascii();
                let excluded = near_excluded(phrase, words, i);
                // "les accusés", "18 des 21 accusés", "Onze condamnés": a participle after
                // an article or a count names the people (the defendants, the convicted),
                // not someone's act of accusing or condemning.
                let named_people = phrase.pos == Pos::Verb
                    && !self.lex.triggers[k].event_type.is_material()
                    && words[head].participle
                    && auxiliary_before(words, head).is_none()
                    && head.checked_sub(1).is_some_and(|p| {
                        words[p].kind == recoupe_model::TokenKind::Number
                            || people_determiner(&words[p].folded)
                    });
                (!opts.passive || is_passive(words, head))
                    && !named_people
                    && !generic_noun
                    && !accented
                    && !excluded
                    && (opts.prev.is_empty()
                        || i.checked_sub(opts.prev.len()).is_some_and(|from| {
                            words[from..i]
                                .iter()
                                .zip(&opts.prev)
                                .all(|(w, p)| &w.folded == p)
                        }))
                    && (opts.next.is_empty()
                        || next_within(words, dated, end, &opts.next)
                        || penalty_after(words, end, &opts.next))
            });
            match chosen {
                Some(k) => {
                    let phrase = &self.lex.triggers[k].phrase;
                    found.push(Found {
                        first: i,
                        end: i + phrase.words.len(),
                        head: i + phrase.head,
                        entry: k,
                        verbal: phrase.pos == Pos::Verb
                            || (phrase.pos == Pos::Adjective
                                && auxiliary_before(words, i + phrase.head).is_some()),
                    });
                    i += phrase.words.len();
                }
                None => i += 1,
            }
        }
        found
    }

    /// Responsibility cues of the sentence: (first word, end word, role).
    fn find_cues(
        &self,
        words: &[Word],
        inside_name: &dyn Fn(&Word) -> bool,
    ) -> Vec<(usize, usize, Role)> {
        let mut cues = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if !words[i].is_wordlike() || inside_name(&words[i]) {
                i += 1;
                continue;
            }
            let best = self
                .lex
                .responsibility_index
                .starting_with(&words[i].folded)
                .iter()
                .copied()
                .filter(|&k| {
                    let phrase = &self.lex.responsibility[k].phrase;
                    matches_at(phrase, words, i) && !near_excluded(phrase, words, i)
                })
                .max_by_key(|&k| {
                    (
                        self.lex.responsibility[k].phrase.words.len(),
                        usize::MAX - k,
                    )
                });
            match best {
                Some(k) => {
                    let len = self.lex.responsibility[k].phrase.words.len();
                    let mut role = self.lex.responsibility[k].role;
                    let mut end = i + len;
                    // "se sont à nouveau accusées mutuellement", "s'accusent encore l'un
                    // l'autre": the adverb after the participle makes it mutual.
                    if role == Role::Accuse {
                        if let Some(m) = mutual_after(words, end) {
                            role = Role::Mutual;
                            end = m;
                        }
                    }
                    cues.push((i, end, role));
                    i = end;
                }
                None => i += 1,
            }
        }
        cues
    }

    /// PLOVER modes of category `event_type` the clause's words support.
    fn mode_cues(
        &self,
        words: &[Word],
        clause: (usize, usize),
        event_type: EventType,
        skip: &dyn Fn(usize) -> bool,
    ) -> Vec<String> {
        let mut modes = Vec::new();
        let mut i = clause.0;
        while i < clause.1 {
            if skip(i) {
                i += 1;
                continue;
            }
            let best = self
                .lex
                .mode_index
                .starting_with(&words[i].folded)
                .iter()
                .copied()
                .filter(|&k| {
                    let cue = &self.lex.modes[k];
                    cue.event_type == event_type
                        && matches_at(&cue.phrase, words, i)
                        && !near_excluded(&cue.phrase, words, i)
                        && (!cue.phrase.options.passive || is_passive(words, i + cue.phrase.head))
                })
                .max_by_key(|&k| (self.lex.modes[k].phrase.words.len(), usize::MAX - k));
            match best {
                Some(k) => {
                    let cue = &self.lex.modes[k];
                    if !modes.contains(&cue.mode) {
                        modes.push(cue.mode.clone());
                    }
                    i += cue.phrase.words.len();
                }
                None => i += 1,
            }
        }
        modes
    }

    /// Named entities and nationality adjectives of the sentence that can take part in an
    /// event.
    fn participants(
        &self,
        nationalities: &[&Nationality],
        words: &[Word],
        mentions: &[&EntityMention],
    ) -> Vec<Part> {
        let mut parts = Vec::new();
        let word_range = |span: Span| -> Option<(usize, usize)> {
            let first = words.iter().position(|w| w.span.start >= span.start)?;
            let last = words.iter().rposition(|w| w.span.end <= span.end)?;
            (first <= last).then_some((first, last))
        };
        for m in mentions {
            // Outlets report events; they take no part in them.
            let registered =
                m.kb.as_ref()
                    .filter(|l| l.kb == recoupe_kb::KB_ACTORS)
                    .and_then(|_| m.entity.strip_prefix("actors:"))
                    .and_then(|id| self.kb.actor(id));
            let outlet = registered.is_some_and(|a| {
                matches!(a.kind.as_str(), "media" | "news_agency" | "social_network")
            });
            if outlet {
                continue;
            }
            // Nor do the MISC entries of the registry (competitions, events, laws,
            // operations, awards, weapons): they are what happens, its frame or its means
            // (peoples, "les Kurdes", are no entries). They still name the event's frame.
            let frame = registered.is_some_and(|a| a.etype == EntityType::MISC);
            let Some((first, last)) = word_range(m.span) else {
                continue;
            };
            let (mut actor_key, place_only) = self.actor_key(m);
            // "l'œuvre des Russes": a people named by its demonym stands for its country.
            if m.label == EntityType::MISC && first == last {
                if let Some(iso) = self.kb.demonym(&words[first].folded) {
                    actor_key = format!("country:{iso}");
                }
            }
            let place_only = place_only || frame;
            parts.push(Part {
                first,
                last,
                span: m.span,
                entity: m.entity.clone(),
                actor_key,
                label: Some(m.label),
                place_only,
                frame,
            });
        }
        for n in nationalities {
            if words.first().is_none_or(|w| n.span.start < w.span.start)
                || words.last().is_none_or(|w| n.span.end > w.span.end)
                || mentions
                    .iter()
                    .any(|m| m.span.start <= n.span.start && n.span.end <= m.span.end)
            {
                continue;
            }
            let Some((first, last)) = word_range(n.span) else {
                continue;
            };
            let key = format!("country:{}", n.country);
            parts.push(Part {
                first,
                last,
                span: n.span,
                entity: key.clone(),
                actor_key: key,
                label: None,
                place_only: false,
                frame: false,
            });
        }
        parts.sort_by_key(|p| p.first);
        parts
    }

    /// "la police", "l'armée", "les forces de sécurité" (`event_generic_actors.tsv`) after a
    /// definite article and outside a name: the body of that kind named last before it in
    /// the article (or earlier in the sentence), an ORG whose name starts with the same word
    /// ("la Police nationale d'Haïti") or a registry entry of one of the kinds; the voters
    /// ("le peuple", "les électeurs", kind `country`) as the country named last before. With
    /// none named, the description stays no participant.
    /// The persons the document names with a title of `event_generic_actors.tsv` of kind
    /// `person` ("le Premier ministre, X", "le président ukrainien X", "la maire de la
    /// ville, X" is not one: a complement makes it another office): (index of the title,
    /// nationality adjective after it, entity key).
    fn titled_persons(&self, text: &str, entities: &[&EntityMention]) -> Vec<Titled> {
        let generics = crate::lexicon::generic_actors();
        let titles: Vec<(usize, String)> = generics
            .iter()
            .enumerate()
            .filter(|(_, g)| g.kinds.iter().any(|k| k == PERSON_KIND))
            .map(|(k, g)| (k, g.words.join(" ").replace("' ", "'")))
            .collect();
        let mut out: Vec<Titled> = Vec::new();
        if titles.is_empty() {
            return out;
        }
        for m in entities.iter().filter(|m| m.label == EntityType::PER) {
            let mut from = m.span.start.saturating_sub(60);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let before = crate::words::fold(&text[from..m.span.start]);
            let before = before.trim_end().trim_end_matches(',').trim_end();
            // "le président ukrainien X": the adjective qualifies the title.
            let (head, demonym) = match before.rsplit_once(' ') {
                Some((head, last)) if self.kb.demonym(last).is_some() => {
                    (head.trim_end(), Some(last.to_string()))
                }
                _ => (before, None),
            };
            for (k, title) in &titles {
                let Some(rest) = head.strip_suffix(title.as_str()) else {
                    continue;
                };
                if !(rest.is_empty() || rest.ends_with(' ') || rest.ends_with('\'')) {
                    continue;
                }
                // A former or a future holder is not the one "le président" names.
                let previous = rest.trim_end().rsplit([' ', '\'']).next().unwrap_or("");
                if matches!(
                    previous,
                    "ancien" | "ancienne" | "ex" | "futur" | "future" | "feu"
                ) {
                    continue;
                }
                let entry = Titled {
                    title: *k,
                    demonym: demonym.clone(),
                    entity: m.entity.clone(),
                };
                if !out.contains(&entry) {
                    out.push(entry);
                }
            }
        }
        out
    }

    fn generic_parts(
        &self,
        text: &str,
        words: &[Word],
        before: &[&EntityMention],
        mentions: &[&EntityMention],
        titled: &[Titled],
        parts: &mut Vec<Part>,
    ) {
        let generics = crate::lexicon::generic_actors();
        let mut added = Vec::new();
        for i in 1..words.len() {
            if parts.iter().any(|p| p.first <= i && i <= p.last) {
                continue;
            }
            // ("la démission du Premier ministre": after "du" a title is a complement, no
            // participant.)
            if !matches!(words[i - 1].folded.as_str(), "la" | "le" | "les" | "l'") {
                continue;
            }
            let Some((index, g)) = generics.iter().enumerate().find(|(_, g)| {
                g.words.len() <= words.len() - i
                    && g.words.iter().zip(&words[i..]).all(|(a, w)| *a == w.folded)
            }) else {
                continue;
            };
            let mut last = i + g.words.len() - 1;
            if g.kinds.iter().any(|k| k == PERSON_KIND) {
                // "le Premier ministre", "le président russe": the one person the document
                // names with that title (and that nationality, when it gives one); a name
                // right after is read as that name.
                let demonym = words
                    .get(last + 1)
                    .filter(|w| self.kb.demonym(&w.folded).is_some())
                    .map(|w| w.folded.clone());
                if demonym.is_some() {
                    last += 1;
                }
                let next = words.get(last + 1);
                if next.is_some_and(|w| {
                    matches!(w.folded.as_str(), "de" | "d'" | "du" | "des")
                        || parts.iter().any(|p| p.first == last + 1)
                }) {
                    continue;
                }
                let mut holders = titled
                    .iter()
                    .filter(|t| t.title == index && (demonym.is_none() || t.demonym == demonym));
                let Some(holder) = holders.next() else {
                    continue;
                };
                if holders.any(|t| t.entity != holder.entity) {
                    continue;
                }
                added.push(Part {
                    first: i,
                    last,
                    span: Span::new(words[i].span.start, words[last].span.end),
                    entity: holder.entity.clone(),
                    actor_key: holder.entity.clone(),
                    label: Some(EntityType::PER),
                    place_only: false,
                    frame: false,
                });
                continue;
            }
            // "la police de Dakar", "l'armée malienne": a complement or an adjective makes
            // it another body, or one the entities layer already read.
            if words.get(last + 1).is_some_and(|w| {
                matches!(w.folded.as_str(), "de" | "d'" | "du" | "des")
                    || self.kb.demonym(&w.folded).is_some()
            }) {
                continue;
            }
            let start = words[i].span.start;
            let fits = |m: &&&EntityMention| {
                if m.span.end > start {
                    return false;
                }
                // "les électeurs", "le peuple": the voters of the country named before.
                if g.kinds.iter().any(|k| k == "country") {
                    return m.label == EntityType::LOC && m.entity.starts_with("country:");
                }
                if m.label != EntityType::ORG {
                    return false;
                }
                // A registered body counts by its kind ("l'Armée de libération nationale" is
                // an armed group, no army); another by the first word of its name.
                match m
                    .entity
                    .strip_prefix("actors:")
                    .and_then(|id| self.kb.actor(id))
                {
                    Some(actor) => g.kinds.contains(&actor.kind),
                    None => {
                        let name = crate::words::fold(&text[m.span.start..m.span.end]);
                        name.split([' ', '\'']).next() == Some(g.words[0].as_str())
                    }
                }
            };
            let Some(m) = mentions
                .iter()
                .rev()
                .find(fits)
                .or_else(|| before.iter().rev().find(fits))
            else {
                continue;
            };
            added.push(Part {
                first: i,
                last,
                span: Span::new(start, words[last].span.end),
                entity: m.entity.clone(),
                actor_key: m.entity.clone(),
                label: Some(m.label),
                place_only: false,
                frame: false,
            });
        }
        if !added.is_empty() {
            parts.extend(added);
            parts.sort_by_key(|p| p.first);
        }
    }

    /// The key a mention counts under as an actor, and whether it is only a place.
    fn actor_key(&self, m: &EntityMention) -> (String, bool) {
        if m.label != EntityType::LOC {
            return (m.entity.clone(), false);
        }
        if m.entity.starts_with("country:") {
            return (m.entity.clone(), false);
        }
        // "Moscou dément", "Kiev accuse": a capital speaks and acts for its state.
        if let Some(link) = &m.kb {
            if link.kb == recoupe_kb::KB_GEONAMES {
                if let Some(place) = link
                    .id
                    .parse()
                    .ok()
                    .and_then(|id| self.kb.place_by_geonameid(id))
                {
                    if place.feature_code == "PPLC" && !place.country.is_empty() {
                        return (format!("country:{}", place.country), false);
                    }
                }
            }
        }
        (m.entity.clone(), true)
    }

    /// The side an actor denying its own involvement stands for: a state body's country.
    fn own_side(&self, part: &Part) -> String {
        if let Some(id) = part.entity.strip_prefix("actors:") {
            if let Some(actor) = self.kb.actor(id) {
                if let Some(country) = &actor.country {
                    if matches!(
                        actor.kind.as_str(),
                        "army"
                            | "air_force"
                            | "navy"
                            | "ministry"
                            | "government"
                            | "presidency"
                            | "police"
                            | "intelligence"
                            | "armed_forces"
                    ) {
                        return format!("country:{country}");
                    }
                }
            }
        }
        part.actor_key.clone()
    }

    /// Responsibility claims of a sentence from its cues.
    fn claims(
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
                        // de X, Y": the speaker denies for the body his title names (else
                        // for his own side).
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
                            let actor = body.map_or_else(
                                || by.clone(),
                                |p| EventArgument {
                                    span: p.span,
                                    entity: p.actor_key.clone(),
                                },
                            );
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

/// What the sentence says before a claim verb, when that is no named participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
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
fn subject_words(words: &[Word], group: usize) -> Subject {
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
fn previous_speaker(doc: &Document, sentence: Span) -> Option<EventArgument> {
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
const FIGURE_NOUNS: &[&str] = &[
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
fn figure_after(words: &[Word], cue: Span) -> bool {
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

/// What the sentences before tell a claim of the current one.
#[derive(Debug, Default)]
struct Context {
    /// The named speaker of the sentence before, for a subject pronoun.
    previous_speaker: Option<EventArgument>,
    /// The one held responsible in one of the two sentences before.
    recent_accused: Option<EventArgument>,
    /// The one any claim of the two sentences before holds responsible, its own claim
    /// included ("Les X ont revendiqué l'attaque. Le ministère a accusé le groupe de …").
    recent_responsible: Option<EventArgument>,
}

/// Nouns that name an armed group again after a definite or demonstrative determiner ("le
/// groupe", "ces jihadistes"), as the object of an accusation.
const GROUP_NOUNS: &[&str] = &[
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
fn group_noun_at(words: &[Word], at: usize) -> bool {
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
fn mutual_after(words: &[Word], from: usize) -> Option<usize> {
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
const OFFICIAL_DETERMINERS: &[&str] = &[
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
fn official_noun(words: &[Word], at: usize) -> bool {
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
const STATE_BODIES: &[&str] = &[
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

fn state_body_before(words: &[Word], p: &Part) -> bool {
    p.first
        .checked_sub(1)
        .is_some_and(|k| STATE_BODIES.contains(&words[k].folded.as_str()))
}

fn as_arg(p: &Part) -> EventArgument {
    EventArgument {
        span: p.span,
        entity: p.entity.clone(),
    }
}

fn argument(p: &Part) -> EventArgument {
    EventArgument {
        span: p.span,
        entity: p.actor_key.clone(),
    }
}

fn matches_at(phrase: &Phrase, words: &[Word], i: usize) -> bool {
    phrase.words.iter().enumerate().all(|(k, alternatives)| {
        // Punctuation inside the phrase's reach ends the match.
        words
            .get(i + k)
            .is_some_and(|w| w.is_wordlike() && alternatives.contains(&w.folded))
    })
}

/// A `next` word within three words after the trigger, the words of a date in between not
/// counted: "ont bloqué ce lundi les accès au port" reads as "ont bloqué les accès".
fn next_within(words: &[Word], dated: &[bool], end: usize, next: &[String]) -> bool {
    (end..words.len())
        .filter(|&k| !dated.get(k).copied().unwrap_or(false))
        .take(3)
        .any(|k| next.contains(&words[k].folded))
}

/// Articles and quantifiers before a participle that make it a noun naming people ("les
/// accusés", "d'autres accusés"); a count in words does too ("dix condamnés"), read from the
/// number words of `resources/fr/numbers.txt` (`people_determiner`).
const PEOPLE_DETERMINERS: &[&str] = &[
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "ces",
    "ses",
    "leurs",
    "plusieurs",
    "quelques",
    "certains",
    "autres",
    "nombreux",
];

/// Whether a folded word before a participle makes it a noun naming people: an article, a
/// quantifier or a number word ("et" joins number words, it counts nothing itself).
fn people_determiner(folded: &str) -> bool {
    PEOPLE_DETERMINERS.contains(&folded)
        || (folded != "et"
            && recoupe_values::Lexicon::builtin()
                .number_words
                .contains(folded))
}

/// "a condamné l'ancien maire de la ville X à cinq ans de prison": a `next` word ("à")
/// further on, after the object, in the same clause, when a penalty follows it (a number, "la
/// réclusion", "une amende", "perpétuité"). "condamne l'attaque à Kaboul" names no penalty.
/// The object may be long ("18 des 21 accusés jugés pour « complot contre … » à des peines
/// de"): twenty words, a quotation mark not ending the clause.
fn penalty_after(words: &[Word], end: usize, next: &[String]) -> bool {
    (end..words.len().min(end + 20))
        .take_while(|&k| !words[k].is_clause_break() && !words[k].is_comma())
        .any(|k| {
            next.contains(&words[k].folded)
                && words[k + 1..words.len().min(k + 4)].iter().any(|w| {
                    w.kind == recoupe_model::TokenKind::Number
                        || PENALTY_WORDS.contains(&w.folded.as_str())
                })
        })
}

/// Words that name a penalty after "condamné à".
const PENALTY_WORDS: &[&str] = &[
    "an",
    "ans",
    "mois",
    "perpetuite",
    "reclusion",
    "prison",
    "amende",
    "peine",
    "peines",
    "mort",
    "travaux",
    "sursis",
];

/// Whether a participant is named as what another is affiliated to: "affilié à X", "liés
/// à X", "proche de X".
fn affiliation(words: &[Word], p: &Part) -> bool {
    (p.first.saturating_sub(4)..p.first).any(|k| {
        let w = words[k].folded.as_str();
        w.starts_with("affili")
            || matches!(w, "lie" | "lies" | "liee" | "liees" | "proche" | "proches")
    })
}

/// Forms of "appeler" that call for a protest ("appellent à la grève").
const CALL_VERBS: &[&str] = &[
    "appelle",
    "appellent",
    "appele",
    "appeles",
    "appelait",
    "appelaient",
    "appeler",
];

/// Whether one of the phrase's `notnear` words stands right before the phrase matched at
/// word `i` or right after it, over one determiner ("marche arrière", "les propos attribués
/// à", "attribuer cette déclaration à").
fn near_excluded(phrase: &Phrase, words: &[Word], i: usize) -> bool {
    if phrase.options.no_reflexive && reflexive_before(words, i) {
        return true;
    }
    if phrase.options.not_near.is_empty() {
        return false;
    }
    let mut end = i + phrase.words.len();
    if words
        .get(end)
        .is_some_and(|w| NEAR_DETERMINERS.contains(&w.folded.as_str()))
    {
        end += 1;
    }
    phrase.options.not_near.iter().any(|n| {
        i.checked_sub(1).is_some_and(|k| &words[k].folded == n)
            || words.get(end).is_some_and(|w| &w.folded == n)
    })
}

/// Whether the word at `i` is the verb of a pronominal construction: "se"/"s'" right
/// before it, or before the one auxiliary of être in front of it ("s'abat", "se sont
/// abattues", "s'était arrêté").
fn reflexive_before(words: &[Word], i: usize) -> bool {
    let reflexive = |k: usize| matches!(words[k].folded.as_str(), "se" | "s'");
    match i.checked_sub(1) {
        Some(k) if reflexive(k) => true,
        Some(k) if ETRE.contains(&words[k].folded.as_str()) => {
            k.checked_sub(1).is_some_and(reflexive)
        }
        _ => false,
    }
}

/// Determiners a `notnear` word may follow.
const NEAR_DETERMINERS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur",
    "leurs",
];

/// Nouns that name the remembrance of an earlier event: "le quatrième anniversaire de son
/// assassinat", "la commémoration du massacre".
const RECALL_NOUNS: &[&str] = &[
    "anniversaire",
    "anniversaires",
    "commemoration",
    "commemorations",
    "memorial",
];

/// A trigger noun at `i` that names no particular event of the story: one of a kind ("à
/// chaque attaque", "après chaque massacre"), or an earlier one remembered ("l'anniversaire
/// de l'attentat").
fn not_this_event(words: &[Word], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1) else {
        return false;
    };
    if words[prev].folded == "chaque" {
        return true;
    }
    // Back over the article or possessive, then "de", to the noun that governs it.
    let mut k = prev;
    if DETERMINERS.contains(&words[k].folded.as_str())
        && !matches!(words[k].folded.as_str(), "de" | "d'" | "du" | "des")
    {
        let Some(before) = k.checked_sub(1) else {
            return false;
        };
        k = before;
    }
    if !matches!(words[k].folded.as_str(), "de" | "d'" | "du" | "des") {
        return false;
    }
    k.checked_sub(1)
        .is_some_and(|n| RECALL_NOUNS.contains(&words[n].folded.as_str()))
}

/// Nouns of a fight between two sides that a protest can turn into ("affrontements",
/// "heurts", "échauffourées").
const CLASH_WORDS: &[&str] = &["affrontement", "heurt", "echauffouree"];

/// The rule of a trigger mention. Besides strong/weak and verb/noun it says when the noun
/// names the participants ("manifestants": who, not what happened) and when it names what
/// came before the sentence's own event ("200 arrestations après des manifestations": the
/// arrests are the news, the protests their occasion). The record weighs both less.
fn rule_name(weak: bool, verbal: bool, participant: bool, antecedent: bool) -> &'static str {
    match (antecedent, participant, weak, verbal) {
        (_, _, false, true) => "trigger-verb",
        (_, _, true, true) => "weak-trigger-verb",
        (true, _, false, false) => "antecedent-trigger-noun",
        (true, _, true, false) => "antecedent-weak-trigger-noun",
        (false, true, false, false) => "participant-trigger-noun",
        (false, true, true, false) => "participant-weak-trigger-noun",
        (false, false, false, false) => "trigger-noun",
        (false, false, true, false) => "weak-trigger-noun",
    }
}

/// Words that make the noun after them the occasion of another event: "après", "à la suite
/// de", "suite à", "au lendemain de", "en réaction à", "en représailles à".
const OCCASION_WORDS: &[&str] = &["apres", "suite", "lendemain", "reaction", "represailles"];

/// A trigger noun at `i` governed by an occasion word, over determiners, numbers and a
/// length of time ("après deux jours de blocage", "à la suite des heurts").
fn antecedent_noun(words: &[Word], i: usize) -> bool {
    let mut k = i;
    for _ in 0..5 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        let w = words[prev].folded.as_str();
        if OCCASION_WORDS.contains(&w) {
            return true;
        }
        let skippable = DETERMINERS.contains(&w)
            || matches!(
                w,
                "a" | "au"
                    | "aux"
                    | "quelques"
                    | "jours"
                    | "semaines"
                    | "mois"
                    | "heures"
                    | "nuits"
            )
            || w.bytes().all(|b| b.is_ascii_digit());
        if !skippable {
            return false;
        }
        k = prev;
    }
    false
}

/// A date written as a bound of a state that lasts: its start ("en grève depuis le 5
/// octobre") or its end ("la grève est reconduite jusqu'à lundi", "jusqu'au 12"). It dates
/// when something began or will stop, not the event reported.
fn since_date(words: &[Word], date: Span) -> bool {
    let k = words.partition_point(|w| w.span.start < date.start);
    let mut j = k;
    while let Some(prev) = j.checked_sub(1) {
        match words[prev].folded.as_str() {
            "le" | "la" | "l'" => j = prev,
            "depuis" | "jusqu'a" | "jusqu'au" => return true,
            "a" | "au" => {
                return prev
                    .checked_sub(1)
                    .is_some_and(|n| matches!(words[n].folded.as_str(), "jusqu'" | "jusqu"))
            }
            _ => return false,
        }
    }
    false
}

/// For each word of a sentence, whether it is framed by the sentence's cues (from
/// `Analyser::find_cues`): between quotation marks in a sentence that accuses someone, or in
/// the act someone denies having done. A framed word describes what is claimed or denied,
/// not how the event was done. One definition for the mentions and `document_modes`.
fn framed_words(words: &[Word], cues: &[(usize, usize, Role)]) -> Vec<bool> {
    let accused = cues.iter().any(|c| c.2 != Role::Own);
    let quoted = inside_quotes(words);
    let denied_from = denied_act(words, cues.iter().map(|c| (c.1, c.2)));
    (0..words.len())
        .map(|k| (accused && quoted[k]) || denied_from.is_some_and(|d| k >= d))
        .collect()
}

/// The first word of an act someone denies having done ("a démenti avoir exécuté des
/// prisonniers", "nie d'avoir tiré"): from `(end of cue, role)` pairs, the word after the
/// infinitive "avoir" that follows a denial. What comes after describes the denied act, not
/// how the event was done.
fn denied_act(words: &[Word], cues: impl Iterator<Item = (usize, Role)>) -> Option<usize> {
    cues.filter(|(_, role)| *role == Role::Deny)
        .find_map(|(end, _)| {
            let mut k = end;
            if words.get(k).is_some_and(|w| w.folded == "d'") {
                k += 1;
            }
            words
                .get(k)
                .is_some_and(|w| w.folded == "avoir")
                .then_some(k + 1)
        })
}

/// For each word of a sentence, whether it stands between quotation marks ("« un massacre
/// délibéré »"); straight quotes open and close in turn.
fn inside_quotes(words: &[Word]) -> Vec<bool> {
    let mut inside = false;
    words
        .iter()
        .map(|w| {
            if w.kind == recoupe_model::TokenKind::Quote {
                inside = match w.folded.as_str() {
                    "«" | "“" => true,
                    "»" | "”" => false,
                    _ => !inside,
                };
                false
            } else {
                inside
            }
        })
        .collect()
}

/// The auxiliary before a verb form at `i`, skipping adverbs, negation and clitics.
fn auxiliary_before(words: &[Word], i: usize) -> Option<usize> {
    let mut k = i;
    for _ in 0..5 {
        k = k.checked_sub(1)?;
        let w = words[k].folded.as_str();
        if ETRE.contains(&w) || AVOIR.contains(&w) {
            return Some(k);
        }
        if !VERB_FILLERS.contains(&w) {
            return None;
        }
    }
    None
}

/// "a été frappé", "sont arrêtés" (not the reflexive "s'est imposé").
fn is_passive(words: &[Word], i: usize) -> bool {
    let Some(aux) = auxiliary_before(words, i) else {
        return false;
    };
    if !ETRE.contains(&words[aux].folded.as_str()) {
        return false;
    }
    let before = aux.checked_sub(1).map(|k| words[k].folded.as_str());
    !matches!(
        before,
        Some("s'" | "se" | "me" | "m'" | "te" | "t'" | "nous" | "vous")
    ) || words[aux].folded == "ete"
}

fn is_complement(words: &[Word], p: &Part) -> bool {
    let mut k = p.first;
    for _ in 0..3 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        let w = words[prev].folded.as_str();
        if COMPLEMENT_PREPOSITIONS.contains(&w) {
            return true;
        }
        if !DETERMINERS.contains(&w) || matches!(w, "de" | "d'" | "du" | "des") {
            return false;
        }
        k = prev;
    }
    false
}

/// Whether words `from..at` (between a comma and a verb) are a common noun phrase that can
/// be the verb's subject: they start with an article or a count, hold no comma and no
/// participant ("91 personnes", "les agriculteurs", not "de son côté" nor "le 3 mars").
fn common_subject(words: &[Word], parts: &[Part], from: usize, at: usize) -> bool {
    let first = &words[from];
    let starts = first.kind == recoupe_model::TokenKind::Number
        || matches!(
            first.folded.as_str(),
            "le" | "la" | "les" | "l'" | "un" | "une" | "des" | "plusieurs" | "deux" | "trois"
        );
    starts
        && words[from..at].iter().all(|w| w.is_wordlike())
        && !parts.iter().any(|p| p.first >= from && p.first < at)
        && !words[from + 1..at].iter().any(|w| {
            w.kind == recoupe_model::TokenKind::Number
                || w.folded.parse::<u32>().is_ok()
                || MONTHS.contains(&w.folded.as_str())
        })
}

/// Month names: "le 3 mars" between commas is a date, not a subject.
const MONTHS: &[&str] = &[
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// The subject(s) before word `at`: the nearest participant in the clause that is no
/// complement, with one coordinated before it ("la Russie et l'Ukraine").
fn subjects_left<'p>(words: &[Word], parts: &'p [Part], at: usize) -> Vec<&'p Part> {
    let mut out: Vec<&Part> = Vec::new();
    let mut k = skip_inserts(words, at);
    let mut seen = 0;
    while k > 0 && seen < 14 {
        k -= 1;
        seen += 1;
        let w = &words[k];
        if w.is_clause_break() || LEFT_STOPS.contains(&w.folded.as_str()) {
            break;
        }
        // "Kiev impute la frappe à la Russie, qui a nié": the subject of a relative clause
        // is its antecedent, right before "qui" (over a comma), even after a preposition;
        // with no named antecedent ("les hommes qui ont tiré") there is none to read.
        if w.folded == "qui" {
            // ("des combattants du groupe X, affilié à Y, qui ont ouvert le feu": the name
            // of an affiliation is no antecedent.)
            let antecedent = parts.iter().find(|p| {
                !p.place_only
                    && (p.last + 1 == k || (p.last + 2 == k && words[k - 1].is_comma()))
                    && !affiliation(words, p)
            });
            out.extend(antecedent);
            break;
        }
        // "Au lendemain du discours de X, 91 personnes ont été interpellées": a noun phrase
        // with its determiner or count between the comma and the verb is the subject; what
        // stands before the comma is an adverbial, not a second subject.
        if w.is_comma() && k + 1 < at && common_subject(words, parts, k + 1, at) {
            break;
        }
        if let Some(p) = parts.iter().find(|p| p.last == k) {
            if !p.place_only && !is_complement(words, p) && !followers_leader(words, p) {
                out.push(p);
                // One coordinated subject: "X et Y", "X, Y" (over Y's determiner).
                let mut b = p.first;
                while b > 0
                    && DETERMINERS.contains(&words[b - 1].folded.as_str())
                    && !matches!(words[b - 1].folded.as_str(), "de" | "d'" | "du" | "des")
                {
                    b -= 1;
                }
                let before = b.checked_sub(1).map(|b| &words[b]);
                if before.is_some_and(|b| b.folded == "et" || b.is_comma()) {
                    let q = b - 1;
                    let comma = words[q].is_comma();
                    // "L'opposant sénégalais, X": a nationality before a comma qualifies the
                    // apposition's head; it is no second subject.
                    if let Some(other) = parts.iter().rev().find(|o| {
                        o.last < q
                            && q - o.last <= 3
                            && !o.place_only
                            && !is_complement(words, o)
                            && !(comma && o.label.is_none())
                    }) {
                        out.push(other);
                    }
                }
                break;
            }
            k = p.first;
        }
    }
    out.reverse();
    out
}

/// Plural nouns of the people who follow a leader ("les paramilitaires du général X").
const FOLLOWER_NOUNS: &[&str] = &[
    "paramilitaires",
    "combattants",
    "hommes",
    "forces",
    "troupes",
    "soldats",
    "milices",
    "miliciens",
    "partisans",
    "fideles",
    "rebelles",
    "jihadistes",
    "djihadistes",
    "militants",
    "insurges",
];

/// Whether person `p` is named as the leader of the subject group ("les paramilitaires du
/// général X ont attaqué", "les combattants de X"): the group did it, not the person.
fn followers_leader(words: &[Word], p: &Part) -> bool {
    if p.label != Some(EntityType::PER) {
        return false;
    }
    let mut k = p.first;
    // Over a title or a rank ("général", "chef de guerre" is not needed: one word).
    for _ in 0..2 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        match words[prev].folded.as_str() {
            "de" | "d'" | "du" | "des" => {
                return prev
                    .checked_sub(1)
                    .is_some_and(|g| FOLLOWER_NOUNS.contains(&words[g].folded.as_str()));
            }
            w if w.chars().all(char::is_alphabetic) => k = prev,
            _ => return false,
        }
    }
    false
}

/// Words that open an apposition or a relative clause set between commas after a subject.
const INSERT_OPENERS: &[&str] = &[
    "un", "une", "le", "la", "les", "l'", "des", "ce", "cet", "cette", "ces", "son", "sa", "ses",
    "leur", "leurs", "qui",
];

/// Where the search for a subject before word `at` starts: before the parentheses and the
/// appositions set between the subject and its verb ("les Forces de soutien rapide (FSR)
/// ont attaqué", "X, une coalition de milices formée en 2014, a accusé", "X, qui dément, a
/// accusé").
fn skip_inserts(words: &[Word], at: usize) -> usize {
    let mut k = at;
    loop {
        let Some(prev) = k.checked_sub(1) else {
            return k;
        };
        let w = &words[prev];
        if w.kind == recoupe_model::TokenKind::Punct && w.folded == ")" {
            let open = (prev.saturating_sub(12)..prev)
                .rev()
                .find(|&j| matches!(words[j].folded.as_str(), "(" | ")"));
            match open {
                Some(j) if words[j].folded == "(" => k = j,
                _ => return k,
            }
        } else if w.is_comma() {
            let open = (prev.saturating_sub(25)..prev).rev().find(|&j| {
                words[j].is_comma()
                    || words[j].is_clause_break()
                    || LEFT_STOPS.contains(&words[j].folded.as_str())
            });
            match open {
                Some(j)
                    if words[j].is_comma()
                        && j + 1 < prev
                        && INSERT_OPENERS.contains(&words[j + 1].folded.as_str()) =>
                {
                    k = j
                }
                _ => return k,
            }
        } else {
            return k;
        }
    }
}

/// The participant after "par" following word `from` in the clause.
fn agent_right<'p>(words: &[Word], parts: &'p [Part], from: usize) -> Option<&'p Part> {
    let mut k = from;
    while k < words.len() && k < from + 10 {
        let w = &words[k];
        if w.is_clause_break()
            || w.is_comma()
            || matches!(w.folded.as_str(), "que" | "qu'" | "dont" | "selon")
            || CLAIM_PARTICIPLE_STEMS
                .iter()
                .any(|c| w.folded.starts_with(c))
        {
            return None;
        }
        if w.folded == "par" {
            if words
                .get(k + 1)
                .is_some_and(|n| MEANS_AFTER_PAR.contains(&n.folded.as_str()))
            {
                return None;
            }
            // "par des djihadistes liés à Al-Qaïda": the name after "à" is an affiliation.
            return parts.iter().find(|p| {
                p.first > k
                    && p.first <= k + 6
                    && !p.place_only
                    && ((k + 1..p.first).all(|j| DETERMINERS.contains(&words[j].folded.as_str()))
                        || !is_complement(words, p))
            });
        }
        k += 1;
    }
    None
}

/// An agent and the agents coordinated with it: "par X et Y", "par X et par Y", over an
/// apposition that describes X ("par X, directeur de Z, et par le ministre W"). A title with
/// a nationality before a comma names its holder right after it ("le ministre syrien de
/// l'Intérieur, Y"): both are agents. A verb after "et" starts another clause ("menée par X
/// et revendiquée par Y").
fn with_coordinated<'p>(words: &[Word], parts: &'p [Part], agent: &'p Part) -> Vec<&'p Part> {
    let mut out = vec![agent];
    let mut last = agent.last;
    loop {
        let plain = |w: &Word| {
            w.is_wordlike()
                && !w.participle
                && !AGENT_PARTICIPLES.contains(&w.folded.as_str())
                && !ETRE.contains(&w.folded.as_str())
                && !AVOIR.contains(&w.folded.as_str())
                && !matches!(w.folded.as_str(), "qui" | "que" | "qu'" | "dont" | "selon")
        };
        // The next participant within four plain words from `k`.
        let next_at = |k: usize| {
            parts.iter().find(|p| {
                p.first >= k
                    && p.first <= k + 4
                    && !p.place_only
                    && words[k..p.first].iter().all(plain)
            })
        };
        let mut k = last + 1;
        if words.get(k).is_some_and(Word::is_comma) {
            // A list, "par X, Y et Z": the next agent right after the comma.
            let listed = next_at(k + 1).filter(|p| {
                p.first <= k + 2
                    && words[p.last + 1..]
                        .iter()
                        .take(1)
                        .any(|w| w.is_comma() || w.folded == "et")
            });
            if let Some(p) = listed {
                if !out.iter().any(|o| o.entity == p.entity) {
                    out.push(p);
                }
                last = p.last;
                continue;
            }
            // An apposition after the agent, closed by the comma before "et".
            let Some(close) = (k + 1..words.len().min(k + 16))
                .take_while(|&j| words[j].is_comma() || plain(&words[j]))
                .find(|&j| words[j].is_comma())
            else {
                break;
            };
            k = close + 1;
        }
        if words.get(k).is_none_or(|w| w.folded != "et") {
            break;
        }
        k += 1;
        if words.get(k).is_some_and(|w| w.folded == "par") {
            k += 1;
        }
        let Some(next) = next_at(k) else {
            break;
        };
        if !out.iter().any(|o| o.entity == next.entity) {
            out.push(next);
        }
        last = next.last;
        // "le ministre syrien de l'Intérieur, Y": the holder named after the title.
        if next.label.is_none() {
            if let Some(holder) = (next.last + 1..words.len().min(next.last + 6))
                .take_while(|&j| words[j].is_wordlike() || words[j].is_comma())
                .find(|&j| words[j].is_comma())
                .and_then(|comma| {
                    parts
                        .iter()
                        .find(|p| p.first == comma + 1 && p.label == Some(EntityType::PER))
                })
            {
                if !out.iter().any(|o| o.entity == holder.entity) {
                    out.push(holder);
                }
                last = holder.last;
            }
        }
    }
    out
}

/// The first participant after word `from` reached before a clause break: the object.
fn object_right<'p>(words: &[Word], parts: &'p [Part], from: usize) -> Option<&'p Part> {
    let mut k = from;
    while k < words.len() && k < from + 10 {
        let w = &words[k];
        if w.is_clause_break() || w.is_comma() || RIGHT_STOPS.contains(&w.folded.as_str()) {
            return None;
        }
        if let Some(p) = parts.iter().find(|p| p.first == k) {
            let prev = k
                .checked_sub(1)
                .map(|b| words[b].folded.as_str())
                .unwrap_or("");
            // "dans les rues de Bruxelles": a place after "de" completes a noun.
            let place_of_noun = p.label == Some(EntityType::LOC)
                && k > from
                && matches!(prev, "de" | "d'" | "du" | "des");
            if !p.place_only
                && !place_of_noun
                && !matches!(
                    prev,
                    "a" | "au" | "aux" | "selon" | "par" | "dans" | "en" | "avec" | "pour"
                )
            {
                return Some(p);
            }
            k = p.last + 1;
            continue;
        }
        k += 1;
    }
    None
}

/// The participant right after one of `preps` following word `from`, in the clause.
fn after_word<'p>(
    words: &[Word],
    parts: &'p [Part],
    from: usize,
    preps: &[&str],
) -> Option<&'p Part> {
    let mut k = from;
    while k < words.len() && k < from + 10 {
        let w = &words[k];
        if w.is_clause_break() {
            return None;
        }
        if preps.contains(&w.folded.as_str()) {
            return parts
                .iter()
                .find(|p| p.first > k && p.first <= k + 5 && !p.place_only);
        }
        k += 1;
    }
    None
}

/// Actors and recipients of trigger `f`.
fn arguments<'p>(
    words: &[Word],
    parts: &'p [Part],
    f: &Found,
    event_type: EventType,
    phrase: &Phrase,
    dated: &[bool],
) -> (Vec<&'p Part>, Vec<&'p Part>) {
    let patient_type = matches!(event_type, EventType::Coerce | EventType::Sanction);
    let mut actors: Vec<&Part> = Vec::new();
    let mut recipients: Vec<&Part> = Vec::new();
    if f.verbal {
        // "X condamné à cinq ans", "l'immeuble, frappé à l'aube": a participle with no
        // auxiliary is a passive too.
        let passive = is_passive(words, f.head)
            || (words[f.head].participle && auxiliary_before(words, f.head).is_none());
        let group_start = auxiliary_before(words, f.head).unwrap_or(f.first);
        let subjects = subjects_left(words, parts, group_start);
        if passive {
            if let Some(agent) = agent_right(words, parts, f.end) {
                actors.extend(with_coordinated(words, parts, agent));
            }
            if phrase.options.subject_is_actor {
                actors.extend(subjects);
            } else {
                recipients.extend(subjects);
            }
        } else if phrase.options.subject_is_patient {
            // "X a écopé de cinq ans": the subject undergoes the event.
            recipients.extend(subjects);
        } else {
            actors.extend(subjects);
            if let Some(object) = object_right(words, parts, f.end) {
                recipients.push(object);
            }
        }
    } else {
        // Nationality adjectives right after the noun: "frappe russe", "frappes aériennes
        // israéliennes".
        // After a disaster or a vote the adjective says where ("élections québécoises").
        let mut k = f.end;
        while event_type != EventType::Other && k < words.len() && k < f.end + 4 {
            match parts.iter().find(|p| p.first == k && p.label.is_none()) {
                Some(p) => {
                    if patient_type {
                        recipients.push(p)
                    } else {
                        actors.push(p)
                    }
                }
                None if words[k].folded.ends_with("ien")
                    || words[k].folded.ends_with("iens")
                    || words[k].folded.ends_with("ienne")
                    || words[k].folded.ends_with("iennes")
                    || matches!(words[k].folded.as_str(), "aerienne" | "aeriennes" | "aerien" | "aeriens" | "meurtrier" | "meurtriere" | "sanglant" | "sanglante" | "terroriste" | "jihadiste" | "djihadiste")
                    // "attaque de drone russe", "frappes de missiles russes"
                    || (matches!(words[k].folded.as_str(), "de" | "d'") && k == f.end)
                    || (k == f.end + 1 && words[k - 1].folded == "de" && words[k].kind == recoupe_model::TokenKind::Word && !parts.iter().any(|p| p.first == k)) =>
                    {}
                None => break,
            }
            k += 1;
        }
        // "<noun> de X": the doer or the one it was done to.
        if let Some(next) = words.get(f.end) {
            if matches!(next.folded.as_str(), "de" | "d'" | "du" | "des") {
                let start = f.end + 1;
                let skip_det = words
                    .get(start)
                    .is_some_and(|w| matches!(w.folded.as_str(), "la" | "l'" | "les" | "le"));
                let at = if skip_det { start + 1 } else { start };
                // "l'attentat de Kaboul": a city after the noun says where, even a capital.
                let city = |p: &Part| {
                    p.label == Some(EntityType::LOC) && !p.entity.starts_with("country:")
                };
                if let Some(p) = parts
                    .iter()
                    .find(|p| p.first == at && !p.place_only && !city(p))
                {
                    let patient = phrase.options.of_patient
                        || patient_type
                        || !matches!(
                            event_type,
                            EventType::Assault
                                | EventType::Protest
                                | EventType::Mobilize
                                | EventType::Threaten
                                | EventType::Aid
                        );
                    if patient {
                        recipients.push(p)
                    } else {
                        actors.push(p)
                    }
                }
            }
        }
        // "attaque menée par X", "… revendiquée par X" is a claim, not a fact.
        let mut k = f.end;
        while k < words.len() && k < f.end + 8 {
            let w = &words[k];
            if w.is_clause_break() || matches!(w.folded.as_str(), "que" | "qu'" | "dont" | "selon")
            {
                break;
            }
            if AGENT_PARTICIPLES.contains(&w.folded.as_str())
                && words.get(k + 1).is_some_and(|n| n.folded == "par")
            {
                // "motion déposée par les partis de gauche et votée par l'Assemblée": an
                // agent that is no named participant leaves the next one to be read.
                if let Some(agent) = agent_right(words, parts, k + 1) {
                    for a in with_coordinated(words, parts, agent) {
                        if !actors.iter().any(|b| b.entity == a.entity) {
                            actors.push(a);
                        }
                    }
                    break;
                }
            }
            k += 1;
        }
        // "Une motion de censure déposée par la gauche … a été votée, mercredi soir, par
        // l'Assemblée nationale": the noun that opens its clause is the subject of the
        // clause's passive verb, whose agent did it.
        if actors.is_empty() && opens_clause(words, f) {
            if let Some(agent) = main_passive_agent(words, parts, f.end) {
                actors.extend(with_coordinated(words, parts, agent));
            }
        }
        // "contre X", "visant X": the target.
        if let Some(target) = after_word(
            words,
            parts,
            f.end,
            &["contre", "visant", "ciblant", "encontre"],
        ) {
            if !recipients.iter().any(|r| r.entity == target.entity) {
                recipients.push(target);
            }
        }
        // A noun whose clause has a subject and the doer as its verb's subject: "X a lancé
        // une offensive", "X a mené une attaque".
        // "X a adopté une motion de censure", "X a procédé à l'arrestation": the same holds
        // for sanctions and arrests.
        if actors.is_empty() {
            // Four words before the noun, not counting those of a date.
            let mut from = f.first;
            let mut counted = 0;
            while from > 0 && counted < 4 {
                from -= 1;
                if !dated.get(from).copied().unwrap_or(false) {
                    counted += 1;
                }
            }
            // "X a déclaré que deux explosions…": a verb that opens a completive clause
            // governs the clause, not the noun inside it.
            let verb = (from..f.first)
                .rev()
                .take_while(|&k| {
                    !matches!(words[k].folded.as_str(), "que" | "qu'")
                        && !words[k].is_clause_break()
                })
                .find(|&k| GOVERNING_VERBS.contains(&words[k].folded.as_str()));
            if let Some(verb) = verb {
                let group = auxiliary_before(words, verb).unwrap_or(verb);
                if !is_passive(words, verb) {
                    actors.extend(subjects_left(words, parts, group));
                }
            }
        }
        if actors.is_empty() {
            if let Some(en) = gerund_before(words, f.first) {
                actors.extend(gerund_subject(words, parts, en, f.end));
            }
        }
    }
    // "X et Y appellent à la grève", "X a appelé à une journée de mobilisation": who calls
    // a protest organises it.
    if actors.is_empty() && !f.verbal && matches!(event_type, EventType::Protest) {
        let call = (f.first.saturating_sub(4)..f.first)
            .rev()
            .take_while(|&k| !words[k].is_clause_break() && !words[k].is_comma())
            .find(|&k| {
                CALL_VERBS.contains(&words[k].folded.as_str())
                    && words.get(k + 1).is_some_and(|w| w.folded == "a")
            });
        if let Some(verb) = call {
            let group = auxiliary_before(words, verb).unwrap_or(verb);
            actors.extend(subjects_left(words, parts, group));
        }
    }
    // "à l'appel des syndicats X, Y et Z": who called a protest organised it.
    if matches!(event_type, EventType::Protest | EventType::Mobilize) {
        let (start, end) = clause_bounds(words, f);
        if let Some(k) = (start + 2..end).find(|&k| {
            words[k].folded == "appel" && words[k - 1].folded == "l'" && words[k - 2].folded == "a"
        }) {
            // The list of organisers may run past an acronym's parenthesis.
            for p in callers(words, parts, k + 1, words.len()) {
                if !actors.iter().any(|a| a.entity == p.entity) {
                    actors.push(p);
                }
            }
        }
    }
    // "Le tribunal … de Dakar a condamné", "la police de X a interpellé": a court or a
    // police force convicts and arrests, not the country a city in its name stands for.
    if patient_type {
        actors.retain(|a| !(a.label == Some(EntityType::LOC) && a.entity != a.actor_key));
    }
    actors.dedup_by(|a, b| a.entity == b.entity);
    recipients.retain(|r| !actors.iter().any(|a| a.actor_key == r.actor_key));
    (actors, recipients)
}

/// The "en" of a gerund of a governing verb within four words before word `at`, in the
/// same clause ("en déclarant l'urgence", "en lançant une offensive").
fn gerund_before(words: &[Word], at: usize) -> Option<usize> {
    (at.saturating_sub(4)..at)
        .rev()
        .take_while(|&k| !words[k].is_clause_break() && !words[k].is_comma())
        .find(|&k| {
            k > 0
                && words[k - 1].folded == "en"
                && GERUND_GOVERNING_VERBS.contains(&words[k].folded.as_str())
        })
        .map(|k| k - 1)
}

/// The subject of the gerund opening at word `en`: the main clause's. A gerund that opens
/// its clause ("En déclarant l'urgence, le directeur X a indiqué") has it right after the
/// comma that closes the gerund phrase; one after the main clause ("X a réagi en lançant
/// une offensive") before it.
fn gerund_subject<'p>(words: &[Word], parts: &'p [Part], en: usize, from: usize) -> Vec<&'p Part> {
    let opens = en == 0 || words[en - 1].is_clause_break();
    if !opens {
        return subjects_left(words, parts, en);
    }
    let Some(comma) = (from..words.len())
        .take_while(|&k| !words[k].is_clause_break())
        .find(|&k| words[k].is_comma())
    else {
        return Vec::new();
    };
    parts
        .iter()
        .find(|p| {
            p.first > comma
                && p.first <= comma + 4
                && !p.place_only
                && words[comma + 1..p.first].iter().all(|w| {
                    w.is_wordlike()
                        && !matches!(
                            w.folded.as_str(),
                            "de" | "d'" | "du" | "des" | "selon" | "a" | "au" | "aux" | "par"
                        )
                })
        })
        .into_iter()
        .collect()
}

/// The participants named one after another from word `from` ("de la fédération X (X) et
/// des Jeunes Y, Z", "du front commun syndical X, Y et Z"): the first within a few words
/// (a common noun may describe them), then each next one over a comma or "et", its
/// preposition and determiner and a parenthesis (an acronym) after the previous one.
fn callers<'p>(words: &[Word], parts: &'p [Part], from: usize, end: usize) -> Vec<&'p Part> {
    let mut out = Vec::new();
    let first = (from..end.min(from + 5))
        .take_while(|&k| words[k].is_wordlike())
        .find(|&k| parts.iter().any(|p| p.first == k));
    // "à l'appel de l'Intersyndicale des enseignants du secondaire (ISEMS)": a long name
    // of common words the entities layer did not take, followed by the acronym it did.
    let first = first.or_else(|| {
        let open = (from..end.min(from + 12))
            .take_while(|&k| words[k].is_wordlike() || words[k].folded == "(")
            .find(|&k| words[k].folded == "(")?;
        let p = parts.iter().find(|p| p.first == open + 1)?;
        words
            .get(p.last + 1)
            .is_some_and(|w| w.folded == ")")
            .then_some(open + 1)
    });
    let Some(mut k) = first else {
        return out;
    };
    let glue = |w: &Word| {
        w.is_comma()
            || matches!(
                w.folded.as_str(),
                "et" | "de" | "d'" | "du" | "des" | "la" | "le" | "les" | "l'"
            )
    };
    while k < end {
        if let Some(p) = parts.iter().find(|p| p.first == k && p.last < end) {
            if !p.place_only {
                out.push(p);
            }
            k = p.last + 1;
            // "(FDSEA 35)": an acronym in parentheses after the name.
            if words.get(k).is_some_and(|w| w.folded == "(") {
                match (k..end).find(|&j| words[j].folded == ")") {
                    Some(close) => k = close + 1,
                    None => break,
                }
            }
            continue;
        }
        if !glue(&words[k]) {
            break;
        }
        k += 1;
    }
    out
}

/// Whether a reported content opens with an infinitive whose subject is the speaker ("avoir
/// tué", "d'avoir mené", "n'avoir jamais frappé").
fn infinitive_report(words: &[Word], content: Span) -> bool {
    words
        .iter()
        .filter(|w| w.span.start >= content.start && w.span.end <= content.end)
        .filter(|w| w.is_wordlike())
        .take(3)
        .any(|w| {
            matches!(
                w.folded.as_str(),
                "avoir" | "etre" | "d'avoir" | "d'etre" | "n'avoir" | "n'etre"
            )
        })
}

/// Whether the trigger noun opens its clause, after its determiners only ("Une motion de
/// censure …", "L'attaque …").
fn opens_clause(words: &[Word], f: &Found) -> bool {
    let (start, _) = clause_bounds(words, f);
    f.first - start <= 2
        && words[start..f.first]
            .iter()
            .all(|w| DETERMINERS.contains(&w.folded.as_str()))
}

/// The agent of the first compound passive after word `from` in the clause whose
/// participle names doing ("a été votée, mercredi soir, par X", "a été menée par X"), over
/// one short insert between commas.
fn main_passive_agent<'p>(words: &[Word], parts: &'p [Part], from: usize) -> Option<&'p Part> {
    let end = words.len().min(from + 30);
    let k = (from..end)
        .take_while(|&k| !words[k].is_clause_break())
        .find(|&k| {
            words[k].folded == "ete"
                && words
                    .get(k + 1)
                    .is_some_and(|w| AGENT_PARTICIPLES.contains(&w.folded.as_str()))
        })?;
    let mut after = k + 2;
    if words.get(after).is_some_and(Word::is_comma) {
        let close = (after + 1..words.len().min(after + 7)).find(|&j| words[j].is_comma())?;
        after = close + 1;
    }
    agent_right(words, parts, after)
}

/// The words of the clause around a trigger: the sentence, cut at semicolons, colons and
/// dashes.
fn clause_bounds(words: &[Word], f: &Found) -> (usize, usize) {
    let mut start = f.first;
    while start > 0 && !words[start - 1].is_clause_break() {
        start -= 1;
    }
    let mut end = f.end;
    while end < words.len() && !words[end].is_clause_break() {
        end += 1;
    }
    if end < words.len() && words[end].folded == "." {
        end += 1;
    }
    (start, end.max(start + 1).min(words.len()))
}

fn hedged_near(words: &[Word], f: &Found) -> bool {
    let from = f.first.saturating_sub(5);
    let to = words.len().min(f.end + 3);
    words[from..to]
        .iter()
        .any(|w| HEDGES.contains(&w.folded.as_str()))
}

fn negated_before(words: &[Word], at: usize) -> bool {
    let from = at.saturating_sub(3);
    words[from..at]
        .iter()
        .any(|w| NEGATIONS.contains(&w.folded.as_str()))
}

fn negated_near(words: &[Word], f: &Found) -> bool {
    if negated_before(words, f.first) {
        return true;
    }
    // "dément tout tir", "a démenti toute frappe".
    let from = f.first.saturating_sub(5);
    words[from..f.first].iter().any(|w| {
        w.folded.starts_with("dement")
            || w.folded.starts_with("ni") && w.folded.len() <= 5 && w.folded != "ni"
    }) && words[from..f.first]
        .iter()
        .any(|w| matches!(w.folded.as_str(), "tout" | "toute" | "tous" | "toutes"))
}

/// The place of the clause: the LOC after a locative preposition nearest the trigger, else
/// the nearest LOC of the clause.
fn place_of(words: &[Word], parts: &[Part], f: &Found, clause: (usize, usize)) -> Option<String> {
    let locs: Vec<&Part> = parts
        .iter()
        .filter(|p| p.label == Some(EntityType::LOC) && p.first >= clause.0 && p.last < clause.1)
        .collect();
    let distance = |p: &Part| {
        if p.first >= f.end {
            p.first - f.end
        } else {
            f.first - p.last
        }
    };
    let locative = |p: &Part| {
        p.first.checked_sub(1).is_some_and(|k| {
            matches!(
                words[k].folded.as_str(),
                "a" | "au" | "aux" | "dans" | "en" | "sur"
            ) || (matches!(words[k].folded.as_str(), "de" | "d'" | "du")
                && k.checked_sub(1).is_some_and(|j| {
                    matches!(
                        words[j].folded.as_str(),
                        "gare"
                            | "ville"
                            | "region"
                            | "province"
                            | "village"
                            | "localite"
                            | "centrale"
                            | "quartier"
                            | "commune"
                            | "banlieue"
                            | "centre"
                            | "marche"
                            | "port"
                            | "camp"
                            | "base"
                    ) || (matches!(
                        words[j].folded.as_str(),
                        "nord" | "sud" | "est" | "ouest" | "nord-est" | "nord-ouest" | "sud-est"
                            | "sud-ouest"
                    )
                        // "dans le nord du pays" is inside it; "au nord de Beni", "près
                        // de Beni" only say where the place is from a landmark.
                        && j.checked_sub(1)
                            .is_some_and(|i| matches!(words[i].folded.as_str(), "le" | "l'")))
                }))
        })
    };
    // A country named as a participant ("accuse la Russie") is no place.
    locs.iter()
        .filter(|p| locative(p))
        .min_by_key(|p| distance(p))
        .map(|p| p.entity.clone())
}

/// The value of the clause's date nearest the trigger, among the dates near its sentence
/// (not one whose words overlap the trigger: it counts from the event). A
/// date outside the words an attribution
/// reports but among its speaker and cue ("X a été tué mardi, a annoncé mercredi la police")
/// dates the statement, not the event reported. (Not when the trigger is outside those words:
/// "X a proclamé lundi la victoire" dates the proclamation, which is the event.)
fn date_of(
    dates: &[&DateMention],
    clause: Span,
    trigger: Span,
    attribution: Option<&Attribution>,
) -> Option<String> {
    let reporting = |d: &DateMention| {
        attribution.is_some_and(|a| {
            a.content.contains(&trigger)
                && !a.content.contains(&d.span)
                && attribution_hull(a).contains(&d.span)
        })
    };
    // A date reckoned from the event itself ("deux jours après les pluies", "une semaine
    // avant l'attaque") is when something else happened.
    dates
        .iter()
        .filter(|d| {
            clause.contains(&d.span)
                && d.value.is_some()
                && !reporting(d)
                && !(d.span.start < trigger.end && trigger.start < d.span.end)
        })
        .min_by_key(|d| d.span.start.abs_diff(trigger.start))
        .and_then(|d| d.value.clone())
}

/// Everything an attribution spans: content, speaker and cue.
fn attribution_hull(a: &Attribution) -> Span {
    [a.speaker, a.cue]
        .into_iter()
        .flatten()
        .fold(a.content, |hull, s| hull.cover(&s))
}

/// The attribution whose content covers the sentence start or that speaks in it, among the
/// attributions near the sentence (in layer order).
fn covering_attribution<'a>(
    attributions: &[&'a Attribution],
    sentence: Span,
) -> Option<&'a Attribution> {
    attributions
        .iter()
        .copied()
        .find(|a| {
            a.content.start <= sentence.start.max(a.content.start)
                && a.content.end > sentence.start
                && a.content.start < sentence.end
        })
        .filter(|a| a.speaker_entity.is_some())
}
