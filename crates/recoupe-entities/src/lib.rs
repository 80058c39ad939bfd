//! Named-entity recognition, linking, nationalities and geocoding for French news.
//!
//! Two stages:
//! - [`EntityStage`] (needs Sentences + Tokens; provides Entities + Nationalities) finds
//!   PER/ORG/LOC/MISC mentions with exact spans, links them to the reference data when it
//!   can, and gives each a cross-article `entity` key; it also lists nationality adjectives.
//! - [`PlaceStage`] (needs Entities; provides Places) gives one place per LOC entity, with
//!   coordinates and precision, or an honest "unresolved".

mod cache;
mod facilities;
mod knowledge;
mod lexicon;
mod normalize;
mod places;
mod recognise;
mod reference;
mod resolve;
mod tokens;

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use recoupe_model::{
    Document, EntityMention, EntityType, Layer, Nationality, Provenance, Stage, StageError,
    TokenKind,
};

pub use knowledge::{Candidate, Knowledge, PlaceInfo};
pub use lexicon::{Lexicon, OrgHead};
pub use normalize::{fold, skeleton};
pub use reference::ReferenceKnowledge;

use recognise::Recogniser;
use tokens::{token_view, Tk};

const ENTITY_STAGE: &str = "entities";
const PLACE_STAGE: &str = "places";

/// Recognises and links entity mentions; lists nationality adjectives.
pub struct EntityStage {
    kb: Arc<dyn Knowledge>,
    lex: Lexicon,
    /// Reference lookups of earlier documents (names recur from one report to the next).
    cache: cache::CandidateCache,
    /// Demonym probes of earlier documents.
    demonyms: cache::DemonymCache,
}

impl EntityStage {
    /// The stage over the embedded reference data.
    pub fn embedded() -> EntityStage {
        EntityStage::new(Arc::new(ReferenceKnowledge::embedded()))
    }

    pub fn new(kb: Arc<dyn Knowledge>) -> EntityStage {
        EntityStage {
            kb,
            lex: Lexicon::embedded(),
            cache: cache::CandidateCache::default(),
            demonyms: cache::DemonymCache::default(),
        }
    }
}

/// Hyphenated compounds ("irako-syrienne") and their split forms are not nationalities.
fn in_compound(toks: &[Tk<'_>], k: usize) -> bool {
    let t = &toks[k];
    if t.folded.contains('-') {
        return true;
    }
    let glued_before = k > 0 && toks[k - 1].text == "-" && toks[k - 1].span.end == t.span.start;
    let glued_after = toks
        .get(k + 1)
        .is_some_and(|n| n.text == "-" && n.span.start == t.span.end);
    glued_before || glued_after
}

impl Stage for EntityStage {
    fn name(&self) -> &'static str {
        ENTITY_STAGE
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Entities, Layer::Nationalities]
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        for &layer in self.requires() {
            if !doc.has(layer) {
                return Err(StageError::MissingLayer {
                    stage: ENTITY_STAGE,
                    missing: layer,
                });
            }
        }
        let (mentions, nationalities) = {
            let (toks, sentences) = token_view(doc, &self.lex);
            let text = doc.text.as_str();
            let recogniser = Recogniser {
                lex: &self.lex,
                kb: self.kb.as_ref(),
                max_window: self.kb.longest_entry_tokens().clamp(4, 12),
                cache: &self.cache,
                demonyms: &self.demonyms,
                tags: Default::default(),
            };
            let mut cands = Vec::new();
            for &s in &sentences {
                recogniser.sentence(&toks, s, text, &mut cands);
            }
            recogniser.defined_acronyms(&toks, &sentences, &mut cands);
            recogniser.common_phrase_acronyms(&toks, &sentences, &mut cands);
            // Tokens inside a person's name (a mask: asking each token against every
            // person of a long document would be quadratic).
            let mut inside_person = vec![false; toks.len()];
            for c in cands.iter().filter(|c| c.label == EntityType::PER) {
                for inside in &mut inside_person[c.start..c.end] {
                    *inside = true;
                }
            }
            let mut nationalities = Vec::new();
            // words repeat within a document: one reference probe per distinct word
            let mut seen: HashMap<&str, Option<String>> = HashMap::default();
            for (k, t) in toks.iter().enumerate() {
                // function words (short, or in the capitalised-stopword list) are never demonyms
                if t.kind != TokenKind::Word
                    || t.cap
                    || t.folded.len() < 4
                    || self.lex.stopwords_caps.contains(&*t.folded)
                    || in_compound(&toks, k)
                {
                    continue;
                }
                if self.lex.peoples.contains(&*t.folded) || inside_person[k] {
                    continue;
                }
                let country = seen
                    .entry(t.folded.as_ref())
                    .or_insert_with(|| {
                        self.demonyms
                            .get(self.kb.as_ref(), t.text)
                            .map(|c| c.to_string())
                    })
                    .clone();
                if let Some(country) = country {
                    nationalities.push(Nationality {
                        span: t.span,
                        country,
                        provenance: Provenance::new(ENTITY_STAGE, "demonym"),
                    });
                }
            }
            let countries: Vec<String> = nationalities.iter().map(|n| n.country.clone()).collect();
            let mut resolved = resolve::resolve(self.kb.as_ref(), &toks, text, cands, &countries);
            recogniser.towns_as_clubs(&toks, &sentences, text, &mut resolved);
            let mentions: Vec<EntityMention> = resolved
                .into_iter()
                .map(|r| {
                    let span = toks[r.cand.start].span.cover(&toks[r.cand.end - 1].span);
                    let mut evidence = r.cand.evidence;
                    if let Some(e) = &r.chosen {
                        evidence.push(format!("linked {}:{}", e.link.kb, e.link.id));
                    }
                    EntityMention {
                        span,
                        label: r.cand.label,
                        kb: r.chosen.map(|e| e.link),
                        entity: r.entity,
                        provenance: Provenance::new(ENTITY_STAGE, r.cand.rule),
                        evidence,
                    }
                })
                .collect();
            let mut mentions = mentions;
            country_pairs(self.kb.as_ref(), &toks, &mut mentions);
            route_pairs(self.kb.as_ref(), &self.lex, &toks, &mut mentions);
            (mentions, nationalities)
        };
        doc.layers.entities = mentions;
        doc.layers.nationalities = nationalities;
        doc.mark_produced(Layer::Entities);
        doc.mark_produced(Layer::Nationalities);
        Ok(())
    }
}

/// "Niger-Turquie : …": two country names joined by a hyphen into one word, the topic that
/// opens a headline or a paragraph (a bilateral meeting, a visit), name both countries,
/// each its own mention. Only a word the reference data does not know whole
/// ("Guinée-Bissau", "Bosnie-Herzégovine" are one country), and only countries: a pair of
/// towns is as often one place ("Casablanca-Settat", "Bruxelles-Midi").
fn country_pairs(kb: &dyn Knowledge, toks: &[Tk<'_>], mentions: &mut Vec<EntityMention>) {
    let country = |name: &str| {
        kb.candidates(name)
            .into_iter()
            .find(|c| c.link.kb == "country")
    };
    let mut added = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        // the topic of a headline or a paragraph ("Niger-Turquie : …"); in running text the
        // pair is as often the name of one thing ("l'oléoduc Niger-Bénin", "le match
        // Maroc-Espagne": a pipeline, two teams)
        let topic = (k == 0 || toks[k - 1].sent != t.sent)
            && toks.get(k + 1).is_some_and(|n| n.text == ":");
        if t.kind != TokenKind::Word || !t.cap || !topic {
            continue;
        }
        let Some((first, second)) = t.text.split_once('-') else {
            continue;
        };
        if first.chars().count() < 3
            || second.contains('-')
            || !second.chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        // a mention over the word already, unless one that found no reference entry
        let existing = mentions
            .iter()
            .position(|m| m.span.start < t.span.end && t.span.start < m.span.end);
        if existing.is_some_and(|k| mentions[k].span != t.span || mentions[k].kb.is_some()) {
            continue;
        }
        if !kb.candidates(t.text).is_empty() {
            continue;
        }
        let (Some(a), Some(b)) = (country(first), country(second)) else {
            continue;
        };
        if let Some(k) = existing {
            mentions.remove(k);
        }
        let cut = t.span.start + first.len();
        for (span, c) in [
            (
                recoupe_model::Span {
                    start: t.span.start,
                    end: cut,
                },
                a,
            ),
            (
                recoupe_model::Span {
                    start: cut + 1,
                    end: t.span.end,
                },
                b,
            ),
        ] {
            added.push(EntityMention {
                span,
                label: EntityType::LOC,
                entity: c.entity_key(),
                evidence: vec![
                    format!("one of two countries joined by a hyphen in \"{}\"", t.text),
                    format!("linked {}:{}", c.link.kb, c.link.id),
                ],
                kb: Some(c.link),
                provenance: Provenance::new(ENTITY_STAGE, "country-pair"),
            });
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

/// "l'axe Ménaka-Anderamboukane", "la ligne Tours-Chinon", "les liaisons Lyon-Dijon et
/// Lyon-Mâcon": two names joined by a hyphen after a noun of a route are its two ends, each a
/// place of its own (a word the reference knows whole, "Casablanca-Settat", stays one). An end
/// is linked to a place of a country the document's other places lie in, or to a country,
/// else left unlinked: a town's homonyms abroad are many.
fn route_pairs(
    kb: &dyn Knowledge,
    lex: &lexicon::Lexicon,
    toks: &[Tk<'_>],
    mentions: &mut Vec<EntityMention>,
) {
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut doc_countries: Option<Vec<String>> = None;
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || !t.cap || !t.text.contains('-') {
            continue;
        }
        let Some((first, second)) = t.text.split_once('-') else {
            continue;
        };
        if first.chars().count() < 3
            || second.chars().count() < 3
            || second.contains('-')
            || !second.chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        // the route noun, over the other pairs of a list ("liaisons X-Y et Z-W")
        let mut b = k;
        while b > 0 && toks[b - 1].sent == t.sent {
            let p = &toks[b - 1];
            if p.text == "," || p.folded == "et" || (p.cap && p.text.contains('-')) {
                b -= 1;
                continue;
            }
            break;
        }
        let routed = b > 0
            && b < k + 1
            && toks[b - 1].sent == t.sent
            && !toks[b - 1].cap
            && lex.route_pair.contains(&*toks[b - 1].folded);
        if !routed || !kb.candidates(t.text).is_empty() {
            continue;
        }
        // two names the reference knows neither of may be one place's ("l'axe X-Y" of two
        // quarters naming a street): a town or country at one end at least
        let known = |name: &str| {
            kb.candidates(name)
                .iter()
                .any(|c| c.label == EntityType::LOC)
        };
        if !known(first) && !known(second) {
            continue;
        }
        // a mention over the word: replaced; none: the word was no name to the recogniser
        let Some(existing) = mentions
            .iter()
            .position(|m| m.span.start <= t.span.start && t.span.end <= m.span.end)
        else {
            continue;
        };
        if mentions[existing].span != t.span {
            continue;
        }
        let countries = doc_countries.get_or_insert_with(|| {
            mentions
                .iter()
                .filter(|m| m.label == EntityType::LOC)
                .filter_map(|m| m.kb.as_ref())
                .filter_map(|l| kb.place(l).and_then(|p| p.country))
                .collect()
        });
        removed.push(existing);
        let cut = t.span.start + first.len();
        for (span, name) in [
            (
                recoupe_model::Span {
                    start: t.span.start,
                    end: cut,
                },
                first,
            ),
            (
                recoupe_model::Span {
                    start: cut + 1,
                    end: t.span.end,
                },
                second,
            ),
        ] {
            let found: Vec<_> = kb
                .candidates(name)
                .into_iter()
                .filter(|c| c.label == EntityType::LOC)
                .collect();
            // else the first entry when it is a capital or a city of 100,000 ("Paris")
            let link = found
                .iter()
                .find(|c| {
                    c.link.kb == "country"
                        || c.country.as_ref().is_some_and(|cc| countries.contains(cc))
                })
                .or_else(|| {
                    found
                        .first()
                        .filter(|c| countries.is_empty() && (c.capital || c.population >= 100_000))
                })
                .cloned();
            let mut evidence = vec![format!(
                "one end of the route \"{}\" after \"{}\"",
                t.text,
                toks[b - 1].text
            )];
            let entity = match &link {
                Some(c) => {
                    evidence.push(format!("linked {}:{}", c.link.kb, c.link.id));
                    c.entity_key()
                }
                None => format!("name:LOC:{}", normalize::skeleton(name)),
            };
            added.push(EntityMention {
                span,
                label: EntityType::LOC,
                entity,
                evidence,
                kb: link.map(|c| c.link),
                provenance: Provenance::new(ENTITY_STAGE, "route-pair"),
            });
        }
    }
    if !added.is_empty() {
        removed.sort_unstable();
        for k in removed.into_iter().rev() {
            mentions.remove(k);
        }
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

pub use places::PlaceStage;
