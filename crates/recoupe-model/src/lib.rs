//! The recoupe document model.
//!
//! One [`Document`] owns the original text. Every annotation is a [`Span`] of byte
//! offsets into that text plus a label, an optional knowledge-base link and a
//! [`Provenance`] saying which stage (and which rule or model) produced it. The
//! original text is never rewritten, so offsets never drift.
//!
//! Stages implement [`Stage`]: they declare the [`Layer`]s they need and the ones
//! they add, and the pipeline checks the order before running anything.

mod annotations;
mod document;
mod geo;
mod span;
mod stage;

pub use annotations::*;
pub use document::*;
pub use geo::haversine_km;
pub use span::*;
pub use stage::*;

/// Version of the JSON document schema written by `recoupe extract` (see `docs/schema.md`).
/// Bump it whenever a field is renamed, removed or changes meaning.
pub const SCHEMA_VERSION: u32 = 2;
