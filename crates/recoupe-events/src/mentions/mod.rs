//! Event mentions in one article: sentence by sentence, triggers from the lexicon, then the
//! participants, place, date, killed counts and responsibility claims the clause ties to
//! each trigger.

mod claims;
mod killed;
mod modes;
mod syntax;
mod triggers;

use claims::*;
pub use killed::killed_quantities;
pub(crate) use modes::document_modes;
use modes::*;
use syntax::*;
use triggers::*;

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
            // Who speaks in the sentence: a place in his title ("le gouverneur de la région
            // de X") says whom he governs, not where the event happened.
            let speakers: Vec<Span> = attributions.iter().filter_map(|a| a.speaker).collect();
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
                    && !(trigger.event_type == EventType::Protest && counted_crowd(words, f))
                    // "Un drone a frappé un immeuble": a weapon in the clause is what a weak
                    // assault verb needs to be one, as a named participant would be.
                    && !(trigger.event_type == EventType::Assault
                        && self
                            .mode_cues(words, clause, EventType::Assault, &framed)
                            .iter()
                            .any(|m| WEAPON_MODES.contains(&m.as_str())))
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
                    place: place_of(words, &parts, f, clause, &speakers),
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
            // The weak readings give way to a strong trigger of another category, but not to
            // the occasion of the sentence's event ("X a déployé des troupes au lendemain
            // d'affrontements entre des manifestants et la police") nor to the participants
            // named in that occasion: those report an earlier event, not this one.
            let occasion = sentence_events
                .iter()
                .filter(|e| e.provenance.rule.starts_with("antecedent-"))
                .map(|e| e.trigger.start)
                .min();
            let strong: Vec<EventType> = found
                .iter()
                .filter(|f| !self.lex.triggers[f.entry].phrase.options.weak)
                .filter(|f| {
                    let start = words[f.first].span.start;
                    !sentence_events.iter().any(|e| {
                        e.trigger.start == start
                            && (e.provenance.rule.starts_with("antecedent-")
                                || (e.provenance.rule.starts_with("participant-")
                                    && occasion.is_some_and(|o| o < start)))
                    })
                })
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

/// The place of the clause: the LOC after a locative preposition nearest the trigger, else
/// the nearest LOC of the clause. "à l'entrée de X", "à la périphérie de X" are at X; a place
/// inside a speaker's words ("a annoncé le gouverneur de la région de Y") is no candidate.
/// Assault modes that name a weapon.
const WEAPON_MODES: &[&str] = &["drone", "aerial", "heavy-weapons", "explosives", "firearms"];

fn place_of(
    words: &[Word],
    parts: &[Part],
    f: &Found,
    clause: (usize, usize),
    speakers: &[Span],
) -> Option<String> {
    let locs: Vec<&Part> = parts
        .iter()
        .filter(|p| p.label == Some(EntityType::LOC) && p.first >= clause.0 && p.last < clause.1)
        .filter(|p| !speakers.iter().any(|s| s.contains(&p.span)))
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
                            | "entree"
                            | "sortie"
                            | "peripherie"
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
    // "X déploie des troupes après des heurts à Jarinje": a place after the occasion of
    // the event is where that earlier event happened.
    let occasion = |p: &Part| {
        p.first >= f.end
            && words[f.end..p.first]
                .iter()
                .any(|w| triggers::OCCASION_WORDS.contains(&w.folded.as_str()))
    };
    // A country named as a participant ("accuse la Russie") is no place.
    locs.iter()
        .filter(|p| locative(p) && !occasion(p))
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

/// Nouns of ordinary people that, counted, make a crowd ("12 000 personnes", "des milliers de
/// manifestants"); soldiers or athletes who parade are no protest.
const CROWD_NOUNS: &[&str] = &[
    "personne",
    "personnes",
    "manifestant",
    "manifestants",
    "habitants",
    "citoyens",
    "etudiants",
    "salaries",
    "travailleurs",
    "agriculteurs",
    "enseignants",
    "femmes",
];
/// Words that count a crowd without a figure ("des milliers de personnes").
const CROWD_COUNTS: &[&str] = &["centaines", "milliers", "dizaines", "foule"];

/// Whether the subject of the weak protest verb at `f` is a counted crowd: "Quelque 12 000
/// personnes ont défilé", "des milliers d'habitants ont manifesté". A figure of people marching
/// is a demonstration even when no organiser is named.
fn counted_crowd(words: &[Word], f: &Found) -> bool {
    if !f.verbal {
        return false;
    }
    let group = auxiliary_before(words, f.first).unwrap_or(f.first);
    let from = group.saturating_sub(6);
    let Some(noun) = (from..group)
        .rev()
        .take_while(|&k| !words[k].is_comma() && !words[k].is_clause_break())
        .find(|&k| CROWD_NOUNS.contains(&words[k].folded.as_str()))
    else {
        return false;
    };
    words[noun.saturating_sub(3)..noun].iter().any(|w| {
        let folded = w.folded.as_str();
        folded.starts_with(|c: char| c.is_ascii_digit())
            || CROWD_COUNTS.contains(&folded)
            || (folded != "et"
                && recoupe_values::Lexicon::builtin()
                    .number_words
                    .contains(folded))
    })
}
