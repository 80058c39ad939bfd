//! Annotation types, one per layer. Every annotation carries a [`Span`] into the
//! original text and a [`Provenance`].

use serde::{Deserialize, Serialize};

use crate::span::{KbLink, Provenance, Span};

/// All annotation layers of a document. Empty vectors are omitted from JSON; whether a
/// layer was computed at all is recorded in `Document::produced`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Layers {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<Sentence>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<Token>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<EntityMention>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nationalities: Vec<Nationality>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<DateMention>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<Quantity>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributions: Vec<Attribution>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unsourced: Vec<Unsourced>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
}

// ---------------------------------------------------------------- text layer

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// True for a line that ends without final punctuation (a headline, a subtitle).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// A word, including hyphenated and particle names ("al-Anbar", "ez-Zor").
    Word,
    /// An elided article, pronoun or conjunction with its apostrophe ("l'", "qu'", "jusqu'").
    Elision,
    /// The "-t-il" / "-elle" part of an inverted incise ("a-t-il", "dit-elle").
    Clitic,
    /// A number, with its thousand separators and decimal comma ("10.000", "1 500", "1,5").
    Number,
    /// An ordinal ("37e", "1er", "9ème").
    Ordinal,
    /// Opening or closing quotation mark.
    Quote,
    Punct,
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

// ---------------------------------------------------------------- entities

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    PER,
    ORG,
    LOC,
    MISC,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::PER => "PER",
            EntityType::ORG => "ORG",
            EntityType::LOC => "LOC",
            EntityType::MISC => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        match s {
            "PER" => Some(EntityType::PER),
            "ORG" => Some(EntityType::ORG),
            "LOC" => Some(EntityType::LOC),
            "MISC" => Some(EntityType::MISC),
            _ => None,
        }
    }
}

/// A mention of a named entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    pub span: Span,
    pub label: EntityType,
    /// Knowledge-base entry the mention was linked to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kb: Option<KbLink>,
    /// Document-level entity key: mentions of the same entity in this document share it
    /// ("Qassem Mosleh" … "Mosleh").
    pub entity: String,
    pub provenance: Provenance,
    /// Why this span and type and link were chosen, and what was rejected (`show --explain`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

/// A nationality adjective or demonym linked to a country ("étatsuniennes" → US).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nationality {
    pub span: Span,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub provenance: Provenance,
}

// ---------------------------------------------------------------- places

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Country,
    Admin,
    City,
    River,
    Area,
    Other,
}

/// A geocoded place: one per distinct LOC entity of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// First mention of the place in the document.
    pub span: Span,
    /// Document-level entity key of the LOC mentions this place resolves.
    pub entity: String,
    /// `None` when the place could not be resolved (an honest answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kb: Option<KbLink>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub kind: PlaceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    pub provenance: Provenance,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

// ---------------------------------------------------------------- dates

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
    Interval,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub span: Span,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `start/end`; `None` when it cannot be placed.
    pub value: Option<String>,
    pub granularity: Granularity,
    /// True when the value was computed relative to an anchor (publication date or
    /// another date of the text) rather than written in full.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relative: bool,
    pub provenance: Provenance,
}

// ---------------------------------------------------------------- quantities

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    MoreThan,
    LessThan,
    About,
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum QuantityValue {
    Single(f64),
    Range([f64; 2]),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub span: Span,
    pub value: QuantityValue,
    pub qualifier: Qualifier,
    /// The counted noun as written ("combattants").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub provenance: Provenance,
}

// ---------------------------------------------------------------- attributions

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    Direct,
    Indirect,
    Mixed,
    AccordingTo,
}

/// The speaker's stance towards the content, as the cue says it: "a affirmé" (assert), "a
/// démenti", "nie", "rejette les accusations" (deny), "a confirmé", "a reconnu" (confirm), "n'a
/// pas souhaité commenter", "n'a pas confirmé" (no_comment). A negative content asserted ("a
/// affirmé ne pas être impliqué") stays `assert`: the polarity is the speech act's, the content
/// says the rest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// The speaker states the content.
    #[default]
    Assert,
    /// The speaker says the content is false, or rejects it.
    Deny,
    /// The speaker says a claim already made is true, or admits it.
    Confirm,
    /// The speaker declines to say: a refusal to comment, a negated verb of saying.
    NoComment,
}

impl Polarity {
    /// The name used in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Assert => "assert",
            Polarity::Deny => "deny",
            Polarity::Confirm => "confirm",
            Polarity::NoComment => "no_comment",
        }
    }
}

/// A statement the article attributes to a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The attributed content.
    pub content: Span,
    /// The speaker as written in the text ("le ministère", "un colonel de l'armée").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Span>,
    /// Document-level entity key of the speaker, when it resolves to a named entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_entity: Option<String>,
    /// True when the speaker is a description, not a name ("une source sécuritaire").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub speaker_unnamed: bool,
    /// The cue: speech verb, "selon", quotation mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    pub kind: AttributionKind,
    /// Channel when named: interview, communiqué, video, television, website, social media…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// Entity keys of the outlets or intermediaries the statement passed through, nearest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    pub hedged: bool,
    /// The speaker's stance towards the content; `assert` when absent (documents stored before
    /// the field existed).
    #[serde(default)]
    pub polarity: Polarity,
    pub provenance: Provenance,
}

/// A factual sentence the article asserts with no source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unsourced {
    pub span: Span,
    pub provenance: Provenance,
}

// ---------------------------------------------------------------- events

/// Reserved for the events layer (a later issue).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub span: Span,
    pub label: String,
    pub provenance: Provenance,
}
