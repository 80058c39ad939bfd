//! Results and filters of the cross-article queries: stories, facts, events, copies and
//! the facts one article reports. The layer itself is `recoupe-stories` (stories, copies,
//! facts) and `recoupe-events` (one event record per story); the store persists what they
//! compute (`migrations/0004_stories.sql`) and keeps it up to date as articles arrive.

use chrono::NaiveDate;
use recoupe_events::EventRecord;
use recoupe_model::{Qualifier, QuantityValue, Span};
use recoupe_stories::{CopyPair, DocFeatures, Fact, Link, Story};
use serde::Serialize;

use crate::Appearance;

/// Which stories [`crate::Store::stories`] lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryFilter {
    /// Only stories of at least this many articles.
    pub min_articles: usize,
    /// Only stories with at least one disagreement between reports.
    pub disagreeing: bool,
    pub limit: usize,
    /// Which come first.
    pub order: StoryOrder,
}

/// The order of a story list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StoryOrder {
    /// Most articles first, then newest.
    #[default]
    Articles,
    /// Most independent sources first (copies of one text count once), then most
    /// articles, then newest: the best cross-checked stories on top.
    IndependentSources,
}

impl Default for StoryFilter {
    fn default() -> Self {
        StoryFilter {
            min_articles: 1,
            disagreeing: false,
            limit: usize::MAX,
            order: StoryOrder::default(),
        }
    }
}

/// One story as listed: most articles first, then newest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StorySummary {
    /// The smallest content-hash id of its articles.
    pub id: String,
    pub title: String,
    /// Earliest and latest event date of its articles.
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Distinct texts.
    pub articles: u64,
    /// Publications of those texts (a text from two outlets counts twice).
    pub appearances: u64,
    /// Outlets that published its articles, from the appearances.
    pub outlets: Vec<String>,
    /// Articles once copies are collapsed: a group of articles sharing copied text is one.
    pub independent_sources: u64,
    /// Pairs of reports of one fact whose values cannot both hold.
    pub disagreements: u64,
    /// Everything it says comes from one source (one article or one group of copies).
    pub single_source: bool,
    /// Some of its reports disagree.
    pub disagreeing: bool,
    /// PLOVER type of its event record, when it has one.
    pub event_type: Option<String>,
}

/// One article of a story, with why it belongs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryMember {
    pub id: String,
    pub title: Option<String>,
    /// Every publication of the text.
    pub appearances: Vec<Appearance>,
    /// The strongest link that puts it in the story (similarity, shared entities, dates);
    /// `None` for a story of one article.
    pub explanation: Option<Link>,
}

/// One story with everything the layer knows of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryDetail {
    pub summary: StorySummary,
    /// The event record of its articles (`None` when none reports an event).
    pub event: Option<EventRecord>,
    pub members: Vec<StoryMember>,
    /// As `recoupe-stories` built it: links, copies, facts, statements by speaker.
    pub story: Story,
}

/// Which facts [`crate::Store::facts`] lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactFilter {
    /// Only facts whose reports disagree.
    pub disagreeing: bool,
    /// Only facts of this story (id or unique prefix).
    pub story: Option<String>,
    pub limit: usize,
}

impl Default for FactFilter {
    fn default() -> Self {
        FactFilter {
            disagreeing: false,
            story: None,
            limit: usize::MAX,
        }
    }
}

/// A fact of a story, with every report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactRow {
    /// `<story id>/<fact key>`.
    pub id: String,
    pub story: String,
    pub story_title: String,
    pub fact: Fact,
}

/// Which event records [`crate::Store::events`] lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// PLOVER type (`ASSAULT`, `PROTEST`, …), case-insensitive.
    pub event_type: Option<String>,
    /// ISO 3166-1 alpha-2 country of the event, case-insensitive.
    pub country: Option<String>,
    /// Events whose date ends on or after this day.
    pub from: Option<NaiveDate>,
    /// Events whose date starts on or before this day.
    pub to: Option<NaiveDate>,
    /// An actor, recipient or party held responsible: entity key or words of its name.
    pub actor: Option<String>,
    pub limit: Option<usize>,
}

/// The event record of one story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub story: String,
    pub title: String,
    pub articles: u64,
    pub independent_sources: u64,
    pub record: EventRecord,
}

/// One passage an article shares with another: its span here and there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SharedPassage {
    /// Byte span in this article's text.
    pub here: Span,
    /// Byte span in the other article's text.
    pub there: Span,
    pub words: u64,
}

/// Another article this one shares copied text with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopyOf {
    /// The other article's content-hash id.
    pub other: String,
    pub other_title: Option<String>,
    pub other_outlet: Option<String>,
    /// Share of this article's words inside the passages.
    pub share: f64,
    /// Share of the other article's words inside them.
    pub other_share: f64,
    /// The earlier-published of the two (likely origin), when the dates tell.
    pub origin: Option<String>,
    pub passages: Vec<SharedPassage>,
}

/// One report of a fact made by an article: the quantity it writes and the fact it counts
/// towards.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocFact {
    /// The quantity mention in the article.
    pub span: Span,
    /// `<story id>/<fact key>`.
    pub fact: String,
    pub value: QuantityValue,
    pub qualifier: Qualifier,
    /// The article presents the figure as an earlier or superseded one.
    pub earlier: bool,
    /// Cross-article key of the claimant the article credits, if any.
    pub source: Option<String>,
}

/// What bringing the layer up to date did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StoryUpdate {
    /// Articles added to the layer.
    pub articles: u64,
    /// Story links and copy pairs found.
    pub links: u64,
    pub copies: u64,
    /// Stories written (new or recomputed).
    pub stories_written: u64,
}

/// Everything the cross-article layer holds, as `recoupe-stories` computed it: what
/// `recoupe eval` scores when it runs the corpus through a temporary store
/// ([`crate::SqliteStore::story_layer`]).
#[derive(Debug, Clone, Default)]
pub struct StoryLayer {
    /// Every story (singletons included) with its event record, in order of story id.
    pub stories: Vec<(Story, Option<EventRecord>)>,
    /// Every copy pair, across stories too, in order of `(a, b)`.
    pub copies: Vec<CopyPair>,
    /// The features of every article the layer holds, in order of id.
    pub features: Vec<DocFeatures>,
}
