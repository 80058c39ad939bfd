//! Events: what happened, in one article and across a story.
//!
//! **Mentions** (stage `events`, after `attributions`): sentence by sentence, triggers from
//! `resources/fr/event_triggers.tsv` ("frappe", "ont été interpellés", "séisme", "motion de
//! censure") give a PLOVER category; the part-of-speech tagger decides forms that are both
//! noun and verb ("frappe"). Around each trigger, in its clause: actors and recipients from
//! the entities and nationality adjectives and the syntax (subject, passive agent "par X",
//! object, "<noun> de X", "contre X", "frappe russe", the organisers "à l'appel de X et de
//! Y"; one named in a "selon" source phrase reports the event and is no subject), modes from
//! `resources/fr/event_modes.tsv` ("drone", "à bout portant", "garde à vue"), the place (a
//! LOC after a locative preposition), the date, the quantities that count the dead, the
//! attribution that carries it (its speaker is the event's `source`), hedging and negation.
//! Responsibility cues (`resources/fr/event_responsibility.tsv`: "revendiquer", "accuser",
//! "imputer à", "dément", "s'accusent mutuellement", "est une provocation") give who some
//! source holds responsible or cleared; the sentences before resolve a denial by a common
//! noun or a pronoun ("les rebelles ont démenti": the group just accused) and a blame by
//! "il" (the previous speaker).
//!
//! Generic descriptions ("la police", "l'armée", `resources/fr/event_generic_actors.tsv`)
//! stand for the body of that kind the article named before.
//!
//! **Records** ([`story_event`]): the main event of a story's articles, with its type (among
//! the types scoring close to the best, the one most headlines name), modes (not those of a
//! recalled earlier event),
//! actors stated as fact (an actor some source denies, or that blames its accuser, is
//! disputed and stays out), recipients, the place (the main event's clauses and the leads
//! weigh each place; one more precise than the country wins when it outweighs every other
//! precise place away from it; a place that speaks, "selon Kiev", is no lead support), the
//! date (the earliest day-level date with at least half the best support; an undated report
//! places its relative dates against the story's earliest publication date), the toll of
//! the dead with every report, and responsibility by actor (claimed by, denied by). [`AcledRow`] flattens a record into the columns of an ACLED-like table.

mod lexicon;
mod mentions;
mod nearby;
mod record;
mod words;

use recoupe_model::{Document, Layer, Stage, StageError};

pub use lexicon::{Lexicon, LexiconError};
pub use mentions::killed_quantities;
pub use record::{
    story_event, EventRecord, Fatalities, FatalityReport, GeoPrecision, RecordDate, RecordEntity,
    RecordPlace, Responsibility, StoryFact,
};
pub use words::fold;

mod acled;
pub use acled::{AcledRow, StoryContext, ACLED_COLUMNS};

/// The events stage.
pub struct EventStage {
    lex: &'static Lexicon,
    kb: &'static recoupe_kb::Reference,
}

impl Default for EventStage {
    fn default() -> Self {
        EventStage {
            lex: Lexicon::embedded(),
            kb: recoupe_kb::Reference::embedded(),
        }
    }
}

impl EventStage {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        mentions::STAGE
    }
    fn requires(&self) -> &'static [Layer] {
        &[
            Layer::Sentences,
            Layer::Tokens,
            Layer::Entities,
            Layer::Nationalities,
            Layer::Places,
            Layer::Dates,
            Layer::Quantities,
            Layer::Attributions,
        ]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Events]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let analyser = mentions::Analyser {
            lex: self.lex,
            kb: self.kb,
        };
        doc.layers.events = analyser.analyse(doc);
        doc.mark_produced(Layer::Events);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
