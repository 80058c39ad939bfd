//! Dates and quantities of French news reports.
//!
//! - [`DateStage`] finds every date expression and places it on the calendar (`YYYY-MM-DD`,
//!   `YYYY-MM`, `YYYY` or `start/end`), resolving relative ones ("hier", "mardi",
//!   "la semaine dernière", "les douze derniers mois") against the publication date, and "la
//!   veille", "le lendemain", "l'année suivante", "cette année-là" against the text's own dates (the date of their complement, "la veille du scrutin du 3
//!   mai", or of the event noun told earlier, "la veille de l'arrêt"); a relative day inside
//!   a quotation counts from the day its speech clause names ("« hier », a dit mardi …"). When the document has none, the stage infers it from the
//!   dates of the article's own events and records it in `doc.meta.published` with
//!   `DateSource::Inferred` and the span it was read from.
//!   [`dates::place_against`] places a text's dates against a publication date known from
//!   elsewhere (the other reports of a story).
//! - [`QuantityStage`] finds counts (people, vehicles, money, distances, votes…) with their
//!   value, qualifier ("plus de" → more_than) and counted noun, the span running to the
//!   counted noun phrase; a number whose noun is in the context is the number alone.
//!
//! Both scan `doc.text` with their own linear tokenizer and require no other layer; the
//! quantity stage asks the part-of-speech tagger (`recoupe-tagger`) about a few words around
//! a count ("12 blessés *graves*", "10 100 *restent*"). Language knowledge lives in
//! `resources/fr/{dates,numbers,units}.txt`, embedded at build time.

mod calendar;
pub mod dates;
pub mod lexicon;
pub mod quantities;
mod spelled;
pub mod tokens;

pub use dates::{DateCandidate, DateExpr, DateStage};
pub use lexicon::{Lexicon, LexiconError};
pub use quantities::QuantityStage;
