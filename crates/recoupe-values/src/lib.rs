//! Dates and quantities of French news reports.
//!
//! - [`DateStage`] finds every date expression and places it on the calendar (`YYYY-MM-DD`,
//!   `YYYY-MM`, `YYYY` or `start/end`), resolving relative ones ("hier", "mardi",
//!   "la semaine dernière") against the publication date. When the document has none, the
//!   stage infers it from the text's own anchored dates and records it in
//!   `doc.meta.published` with `DateSource::Inferred`.
//! - [`QuantityStage`] finds counts (people, vehicles, money, distances, votes…) with their
//!   value, qualifier ("plus de" → more_than) and counted noun.
//!
//! Both scan `doc.text` with their own linear tokenizer and require no other layer. Language
//! knowledge lives in `resources/fr/{dates,numbers,units}.txt`, embedded at build time.

mod calendar;
pub mod dates;
pub mod lexicon;
pub mod quantities;
mod spelled;
pub mod tokens;

pub use dates::{DateCandidate, DateExpr, DateStage};
pub use lexicon::{Lexicon, LexiconError};
pub use quantities::QuantityStage;
