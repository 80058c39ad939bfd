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

/// PLOVER event category (Political Language Ontology for Verifiable Event Records), plus
/// `OTHER` for events outside political interaction (disasters, accidents, election
/// results, statistics, sport).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
    Other,
}

impl EventType {
    pub const ALL: [EventType; 17] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
        EventType::Other,
    ];

    /// The PLOVER name, as in the JSON (`ASSAULT`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
            EventType::Other => "OTHER",
        }
    }

    /// Parses the PLOVER name (`ASSAULT`), case-insensitively.
    pub fn parse(s: &str) -> Option<EventType> {
        EventType::ALL
            .iter()
            .copied()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
    }

    /// Material events (something was done), as opposed to verbal ones (something was
    /// said: accusations, requests, threats, refusals).
    pub fn is_material(self) -> bool {
        !matches!(
            self,
            EventType::Accuse
                | EventType::Request
                | EventType::Reject
                | EventType::Threaten
                | EventType::Consult
                | EventType::Support
        )
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A participant of an event as written: a named entity or a nationality adjective
/// ("les forces *russes*"), with the document-level entity key it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventArgument {
    pub span: Span,
    /// Entity key (`actors:jnim`, `country:RU`, `name:ORG:…`) of the mention or of the
    /// nationality's country.
    pub entity: String,
}

/// Whether a source holds an actor responsible for an event or denies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// The source says the actor did it (an accusation, or the actor's own claim).
    Claims,
    /// The source says the actor did not do it.
    Denies,
}

/// Who some source says did the event, or did not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponsibilityClaim {
    /// The actor held responsible, or cleared.
    pub actor: EventArgument,
    /// Who says so; absent when the article states the claim with no one behind it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<EventArgument>,
    pub stance: Stance,
}

/// A mention of an event in one article: the clause that reports it, its trigger, its
/// PLOVER category and modes, and the participants, place and date the text ties to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The clause (at most the sentence) reporting the event.
    pub span: Span,
    /// The word or phrase that names the event ("frappe", "ont été interpellés").
    pub trigger: Span,
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// PLOVER modes the clause supports (`drone`, `firearms`, `arrest`, `convict`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modes: Vec<String>,
    /// Who did it, as the clause states it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<EventArgument>,
    /// Who it was done to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<EventArgument>,
    /// Entity key of the place the clause gives (a LOC of the places layer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Value of the date the clause gives (as in the dates layer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Spans of the quantities in the clause that count the people killed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub killed: Vec<Span>,
    /// Who some source in the clause holds responsible, or clears.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibility: Vec<ResponsibilityClaim>,
    /// Entity key of the speaker of the attribution whose content holds the trigger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The clause presents the event as unconfirmed, alleged, expected or possible.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hedged: bool,
    /// The clause says the event did not happen ("n'a pas été attaqué", "dément tout tir").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
    pub provenance: Provenance,
}
