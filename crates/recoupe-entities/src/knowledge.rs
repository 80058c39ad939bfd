//! What the recogniser needs from reference data, as a narrow trait. The production
//! implementation wraps `recoupe_kb::Reference`; keeping the seam narrow lets the recogniser
//! stay independent of how the reference data is stored.

use recoupe_model::{EntityType, KbLink, PlaceKind};

/// One reference entry that a surface form may denote.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub link: KbLink,
    pub label: EntityType,
    /// ISO 3166-1 alpha-2 of the country the entry belongs to (a place's country, an actor's home).
    pub country: Option<String>,
    /// Population for places (0 when unknown), used to break ties.
    pub population: u64,
    pub kind: Option<PlaceKind>,
    /// A national capital ("Washington", "Ankara"): in news the usual sense of the name.
    pub capital: bool,
    /// A state institution of `country` (army, ministry, government…): named without a
    /// country ("ministère de la Défense nationale") it only means that country's when the
    /// document is about that country.
    pub state: bool,
}

impl Candidate {
    /// Cross-article key of the entry: `"<kb>:<id>"`.
    pub fn entity_key(&self) -> String {
        format!("{}:{}", self.link.kb, self.link.id)
    }
}

/// Coordinates and class of a resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceInfo {
    pub name: String,
    pub country: Option<String>,
    pub kind: PlaceKind,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// Reference data seen by the entity stages.
pub trait Knowledge: Send + Sync {
    /// Entries whose name or alias matches `surface` (accent/case-insensitive), best first.
    fn candidates(&self, surface: &str) -> Vec<Candidate> {
        self.candidates_for_key(&self.key(surface))
    }
    /// Match key of a surface form (the reference data's normalisation).
    fn key(&self, surface: &str) -> String;
    /// [`Knowledge::candidates`] for an already computed key.
    fn candidates_for_key(&self, key: &str) -> Vec<Candidate>;
    /// Whether some multi-word organisation or country name starts with the words of `key`
    /// and continues after them; lets lookup windows cross lowercase words only when a
    /// known name could ("armée" → "armée irakienne").
    fn continues_known_name(&self, key: &str) -> bool;
    /// ISO2 country of a nationality adjective or demonym ("irakiennes" → "IQ").
    fn demonym(&self, word: &str) -> Option<String>;
    fn is_first_name(&self, word: &str) -> bool;
    fn is_surname(&self, word: &str) -> bool;
    /// Length in tokens of the longest name in the reference data; bounds lookup windows.
    fn longest_entry_tokens(&self) -> usize;
    /// Details of a linked place or country.
    fn place(&self, link: &KbLink) -> Option<PlaceInfo>;
    /// The armed group or militia a lowercase word names, when the reference lists that very
    /// lowercase spelling as one of its forms ("shebab", "talibans", "wazalendo").
    fn lowercase_group(&self, _word: &str) -> Option<Candidate> {
        None
    }
    /// The state institution of `country` a name without a country denotes in a document
    /// about that country ("ministère de l'Intérieur" in a report on Morocco).
    fn generic_actor(&self, _surface: &str, _country: &str) -> Option<Candidate> {
        None
    }
}
