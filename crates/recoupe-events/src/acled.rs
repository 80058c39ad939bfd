//! An event record as one row of an ACLED-like table (CSV, Parquet).

use serde::{Deserialize, Serialize};

use crate::record::EventRecord;

/// Column names of [`AcledRow`], in order.
pub const ACLED_COLUMNS: &[&str] = &[
    "event_id",
    "date",
    "date_precision",
    "type",
    "mode",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "country",
    "lat",
    "lon",
    "geo_precision",
    "fatalities_low",
    "fatalities_high",
    "sources",
    "independent_sources",
    "disputed",
];

/// What the story layer knows of a story that the record does not: its id and how many
/// sources (and independent ones, copies and relays collapsed) report it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoryContext {
    pub story_id: String,
    pub sources: usize,
    pub independent_sources: usize,
}

/// One row of the events table. `actor1`/`actor2` join several entities with `; `; `disputed`
/// is true when some source denies an actor's responsibility or two actors are blamed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AcledRow {
    pub event_id: String,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    #[serde(rename = "type")]
    pub event_type: String,
    pub mode: String,
    pub actor1: String,
    pub actor2: String,
    pub admin1: Option<String>,
    pub location: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geo_precision: Option<u8>,
    pub fatalities_low: Option<f64>,
    pub fatalities_high: Option<f64>,
    pub sources: usize,
    pub independent_sources: usize,
    pub disputed: bool,
}

impl EventRecord {
    /// The record as a row of the events table.
    pub fn acled_row(&self, story: &StoryContext) -> AcledRow {
        let join = |list: &[crate::RecordEntity]| {
            list.iter()
                .map(|e| e.name.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        let granularity = |g: recoupe_model::Granularity| {
            use recoupe_model::Granularity::*;
            Some(
                match g {
                    Day => "day",
                    Week => "week",
                    Month => "month",
                    Year => "year",
                    Interval => "interval",
                }
                .to_string(),
            )
        };
        AcledRow {
            event_id: story.story_id.clone(),
            date: self.date.as_ref().map(|d| d.value.clone()),
            date_precision: self.date.as_ref().and_then(|d| granularity(d.precision)),
            event_type: self.event_type.as_str().to_string(),
            mode: self.modes.join("; "),
            actor1: join(&self.actors),
            actor2: join(&self.recipients),
            admin1: self.place.as_ref().and_then(|p| p.admin1.clone()),
            location: self.place.as_ref().map(|p| p.name.clone()),
            country: self.country.clone(),
            lat: self.place.as_ref().and_then(|p| p.lat),
            lon: self.place.as_ref().and_then(|p| p.lon),
            geo_precision: self.place.as_ref().map(|p| p.precision.code()),
            fatalities_low: self.fatalities.as_ref().and_then(|f| f.low),
            fatalities_high: self.fatalities.as_ref().and_then(|f| f.high),
            sources: story.sources,
            independent_sources: story.independent_sources,
            disputed: self.responsibility.iter().any(|r| !r.denied_by.is_empty())
                || self
                    .responsibility
                    .iter()
                    .filter(|r| !r.claimed_by.is_empty())
                    .count()
                    > 1,
        }
    }
}
