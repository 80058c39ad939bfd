//! Attributions: every statement an article attributes to someone, with its speaker, cue,
//! kind, channel, source chain (`via`), hedged flag and polarity (assert, deny, confirm,
//! no_comment); and the factual sentences the article asserts with no source at all
//! (`unsourced`).
//!
//! The stage works sentence by sentence on the text layer and the entity layer:
//!
//! 1. cues are found from data lists (`resources/fr/speech_verbs.txt`,
//!    `resources/fr/attribution_cues.txt`): speech verbs (a participle only after an
//!    auxiliary, so "les résultats annoncés mercredi" is not a speech act), "selon" /
//!    "d'après", relays ("citant", "cité par", "publiée par"), channels ("dans un
//!    communiqué", "sur son compte Telegram");
//! 2. each verb cue is read either as an incise placed after its content
//!    ("…, a-t-il ajouté", "…, ont annoncé les autorités", "…, comme l'a noté X"; also
//!    an incise left inside the guillemets of its quotation: "« …, indique un témoin.
//!    … »") or with its speaker before it ("X a affirmé que …", "X a déclaré : « … »";
//!    a gerund "en précisant que …" speaks for the subject of the verb it hangs on);
//!    saying yes or no ("a dit « non »") is a vote, not a statement;
//! 3. "selon X" alone makes an `according_to` attribution (what X says follows the phrase
//!    after an opener: "Mais selon X, …", "Peu après, selon X, …"); next to a verb cue it
//!    becomes the outer links of the verb's source chain, nearest first, unless the verb
//!    opens a relative clause on X ("selon X, qui fait aussi état de …"): then both stand;
//!    with no cue at all, a quotation framed by its speaker ("Pour X, « … »", "Pour X, le
//!    plan « … »", "Un témoin : « … »") and a headline closed by its source in parentheses
//!    are statements too;
//! 4. speakers are linked to entities: a named person or organisation inside the speaker
//!    phrase, pronouns and definite descriptions ("il", "le ministère", "la source") to the
//!    speaker or entity named before, indefinite descriptions ("une source sécuritaire")
//!    kept as unnamed speakers whose organisations become intermediaries;
//! 5. hedged when the verb itself hedges ("prétend"), the sentence says the claim is
//!    unconfirmed, or the content is in a reported conditional ("selon X, il aurait…",
//!    "300 personnes auraient été tuées, a indiqué X"; not a forecast, "devrait");
//! 6. polarity from the verb's class and a negation: deny ("a démenti"), confirm ("a
//!    confirmé"), else assert; a refusal to comment ("n'a pas souhaité commenter", "n'a
//!    pas précisé") is read as one (polarity no_comment) but states nothing: it is left
//!    out of the attributions, and its sentence is unsourced.
//!
//! Where each rule lives:
//!
//! | module | concern |
//! |---|---|
//! | `cues` | finding speech verbs and "selon" / "d'après" in a sentence, with what follows the verb |
//! | `subjects` | the speaker phrase of a verb cue, before it ("X a affirmé") or after it ("…, a indiqué X") |
//! | `speakers` | linking a speaker phrase to an entity, and what pronouns and descriptions refer back to |
//! | `chains` | the `via` chain: "selon X citant Y", relays, outlets spoken to, the chain a speaker keeps |
//! | `statements` | one sentence read into attributions (its submodules: verb statements, their clauses and speakers, "selon", verbless frames, hedging, quotations) |
//! | `unsourced` | sentences asserted with no source: statements, opinion, first-person words, bylines, datelines |
//! | `grammar`, `view`, `words`, `lexicon` | closed word classes, the document seen by the stage, the word scanner, the data lists |

mod chains;
mod cues;
mod grammar;
mod lexicon;
mod speakers;
mod statements;
mod subjects;
mod unsourced;
mod view;
mod words;

#[cfg(test)]
mod testutil;

use recoupe_model::{
    Attribution, Document, EntityMention, Layer, Polarity, Span, Stage, StageError, Unsourced,
};

pub use lexicon::{FormKind, Lexicon, LexiconError, VerbClass};
pub use words::fold;

use speakers::Seen;
use statements::QuoteState;
use view::DocView;
use words::scan_into;

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

/// Analyses a whole document, sentence by sentence; speakers named in one sentence stay
/// known to the sentences after it.
fn analyse(lex: &Lexicon, doc: &Document) -> (Vec<Attribution>, Vec<Unsourced>) {
    let mut entities: Vec<&EntityMention> = doc.layers.entities.iter().collect();
    entities.sort_by_key(|e| (e.span.start, e.span.end));
    let view = DocView::new(lex, doc, entities);
    let mut attributions: Vec<Attribution> = Vec::new();
    let mut unsourced = Vec::new();
    let mut speakers_seen = Seen::default();
    let mut previous_had_attribution = false;
    let mut quote = QuoteState::default();
    let mut previous_end = 0;
    // one vector of words for all the sentences: each overwrites the words of the one before
    let mut words = Vec::new();
    for sentence in &doc.layers.sentences {
        let Some(_) = sentence.span.slice(&doc.text) else {
            continue;
        };
        // An agency dateline ("Lyon, 3 mars (APF) - …") is no part of what the sentence
        // states or attributes.
        let span = unsourced::after_dateline(&doc.text, sentence.span, sentence.headline);
        scan_into(&doc.text, span.start, span.end, &mut words);
        if words.is_empty() || unsourced::is_byline(lex, &doc.text, &words) {
            continue;
        }
        let inside_quote = quote.inside();
        let new_paragraph = doc
            .text
            .get(previous_end.min(sentence.span.start)..sentence.span.start)
            .is_some_and(|gap| gap.contains('\n'));
        previous_end = sentence.span.end;
        quote.advance(&words);
        let mut found =
            statements::analyse_sentence(lex, &view, &words, sentence.headline, &mut speakers_seen);
        // A refusal to comment ("Le ministère n'a pas souhaité commenter.", "n'a pas précisé
        // si …") states nothing: it is no attribution (the corpus guidelines count
        // statements only), and the refusal itself is a fact the article asserts. Its
        // speaker stays known to the sentences after it.
        found.retain(|a| a.polarity != Polarity::NoComment);
        if found.is_empty() && previous_had_attribution {
            found.extend(statements::quote_continuation(
                &words,
                span,
                inside_quote && new_paragraph,
                attributions.last(),
                speakers_seen.last(),
            ));
        }
        // A quotation running over several sentences of one paragraph goes on being the
        // same speaker's: the next paragraph inside it is still theirs ("« A. B. ⏎ C. »").
        // (The sentences after the first of one paragraph are left unmarked, as the shared
        // gold has them: marking them made a dozen spurious statements there.)
        previous_had_attribution =
            !found.is_empty() || previous_had_attribution && inside_quote && quote.inside();
        // Words inside a quotation opened before are someone's, never the article's own.
        // "Le ministère a interdit la marche, invoquant des risques": a statement made only
        // by a participle leaves the main clause a fact the article states.
        // No statement, or only participles: the sentence is unsourced.
        let only_participles = found
            .iter()
            .all(|a| a.provenance.rule == statements::PARTICIPLE_RULE);
        if !inside_quote && only_participles {
            // (the cheap test on the number of words first: most sentences are longer)
            let intertitle = found.is_empty()
                && words.len() <= unsourced::INTERTITLE_MAX_TOKENS
                && line_of_its_own(&doc.text, span)
                && unsourced::is_intertitle(&doc.text, &words);
            unsourced.extend(unsourced::unsourced_line(lex, span, &words, intertitle));
        } else if !inside_quote && sentence.headline {
            // "Ituri : 27 civils tués près de Djugu, l'armée avance un bilan de 12 morts": a
            // headline's fact before a comma, with the sourced clause after it.
            unsourced.extend(unsourced::headline_fact_before_source(
                lex, span, &words, &found,
            ));
        }
        attributions.extend(found);
    }
    (attributions, unsourced)
}

/// Whether only spaces lie between the span and the line breaks (or text edges) around it.
fn line_of_its_own(text: &str, span: Span) -> bool {
    let before = &text[..span.start];
    let after = &text[span.end..];
    let line_start = before.rfind('\n').map_or(0, |k| k + 1);
    let line_end = after.find('\n').unwrap_or(after.len());
    before[line_start..].trim().is_empty() && after[..line_end].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use crate::testutil::doc;

    #[test]
    fn spans_are_on_char_boundaries_for_any_input() {
        use proptest::prelude::*;
        let mut runner = proptest::test_runner::TestRunner::default();
        runner
            .run(&".{0,300}", |s| {
                let d = doc(&s, Some("x"), &[]);
                for a in &d.layers.attributions {
                    prop_assert!(a.content.slice(&d.text).is_some());
                    if let Some(sp) = a.speaker {
                        prop_assert!(sp.slice(&d.text).is_some());
                    }
                }
                for u in &d.layers.unsourced {
                    prop_assert!(u.span.slice(&d.text).is_some());
                }
                Ok(())
            })
            .unwrap();
    }
}
