//! [`Knowledge`] backed by the project's reference data (`recoupe_kb::Reference`).

use rustc_hash::FxHashSet as HashSet;
use std::sync::Arc;

use recoupe_kb::{Hit, Reference};
use recoupe_model::{EntityType, KbLink, PlaceKind};

use crate::knowledge::{Candidate, Knowledge, PlaceInfo};

/// Reference entries considered per surface form: actors and countries come first, then
/// places by decreasing population, so the tail is tiny homonymous villages.
const MAX_CANDIDATES: usize = 12;

/// The embedded reference data seen through the [`Knowledge`] trait.
#[derive(Clone)]
pub struct ReferenceKnowledge {
    reference: &'static Reference,
    /// Keys of every proper word-prefix of multi-word actor and country names.
    prefixes: Arc<HashSet<String>>,
    /// Single-word forms of armed groups and militias the curated reference writes in
    /// lowercase ("shebab", "talibans"), exactly as written there.
    lowercase_groups: Arc<HashSet<String>>,
}

impl ReferenceKnowledge {
    /// The reference data compiled into the binary. Built once per process: the entity and
    /// place stages share it (a clone shares the prefix set).
    pub fn embedded() -> ReferenceKnowledge {
        static EMBEDDED: std::sync::OnceLock<ReferenceKnowledge> = std::sync::OnceLock::new();
        EMBEDDED
            .get_or_init(|| ReferenceKnowledge::new(Reference::embedded()))
            .clone()
    }

    pub fn new(reference: &'static Reference) -> ReferenceKnowledge {
        let mut prefixes = HashSet::default();
        let mut add = |name: &str| {
            let key = Reference::key(name);
            let mut at = 0;
            while let Some(pos) = key[at..].find([' ', '\'']) {
                let end = at + pos + usize::from(key.as_bytes()[at + pos] == b'\'');
                prefixes.insert(key[..at + pos].to_string());
                if end > at + pos {
                    prefixes.insert(key[..end].to_string());
                }
                at = at + pos + 1;
            }
        };
        for actor in reference.actors() {
            add(&actor.name);
            for alias in &actor.aliases {
                add(alias);
            }
        }
        // curated places named with lowercase words after a capitalised one ("Suisse
        // romande", "Afrique de l'Ouest", "France métropolitaine"), and divisions, which
        // French writes with a lowercase compass adjective as often as with a hyphen
        // ("Darfour occidental", "Kasaï oriental")
        for place in reference
            .subdivisions_and_extra_places()
            .iter()
            .filter(|p| p.extra_id.is_some() || p.kind == PlaceKind::Admin)
        {
            add(&place.name);
            for alias in &place.alt_names {
                add(alias);
            }
        }
        for country in reference.countries() {
            add(&country.name_fr);
            add(&country.name_en);
            for alias in &country.aliases {
                add(alias);
            }
        }
        let lowercase_groups = reference
            .actors()
            .iter()
            .filter(|a| matches!(a.kind.as_str(), "armed_group" | "militia"))
            .flat_map(|a| a.aliases.iter())
            .filter(|alias| {
                !alias.contains(' ') && alias.chars().next().is_some_and(char::is_lowercase)
            })
            .cloned()
            .collect();
        ReferenceKnowledge {
            reference,
            prefixes: Arc::new(prefixes),
            lowercase_groups: Arc::new(lowercase_groups),
        }
    }
}

fn candidate(hit: &Hit<'_>) -> Candidate {
    let link = hit.kb_link();
    match hit {
        Hit::Actor(a) => Candidate {
            link,
            label: a.etype,
            country: a.country.clone(),
            population: 0,
            kind: None,
            capital: false,
            state: a.is_state_institution(),
        },
        Hit::Country(c) => Candidate {
            link,
            label: EntityType::LOC,
            country: Some(c.iso2.clone()),
            population: c.population,
            kind: Some(PlaceKind::Country),
            capital: false,
            state: false,
        },
        Hit::Place(p) => Candidate {
            link,
            label: EntityType::LOC,
            country: Some(p.country.clone()),
            population: p.population,
            kind: Some(p.kind),
            capital: p.feature_code == "PPLC",
            state: false,
        },
    }
}

impl Knowledge for ReferenceKnowledge {
    fn key(&self, surface: &str) -> String {
        Reference::key(surface)
    }

    fn lowercase_group(&self, word: &str) -> Option<Candidate> {
        if !self.lowercase_groups.contains(word) {
            return None;
        }
        self.candidates(word)
            .into_iter()
            .find(|c| c.label == EntityType::ORG && c.link.kb == "actors")
    }

    fn candidates_for_key(&self, key: &str) -> Vec<Candidate> {
        let hits = self.reference.lookup_key(key);
        // a division without a point beside a same-named one of its country that has one is
        // a former division the code list still carries (Nepal's zone "Karnali" beside the
        // province): the current one comes first
        let pointed_admin = |country: &str| {
            hits.iter().any(|h| {
                matches!(h, Hit::Place(q) if q.kind == PlaceKind::Admin
                    && q.lat.is_some()
                    && q.country == country)
            })
        };
        let former = |h: &Hit<'_>| {
            matches!(h, Hit::Place(p) if p.kind == PlaceKind::Admin
                && p.lat.is_none()
                && pointed_admin(&p.country))
        };
        let (current, former): (Vec<&Hit<'_>>, Vec<&Hit<'_>>) =
            hits.iter().partition(|h| !former(h));
        current
            .into_iter()
            .chain(former)
            .take(MAX_CANDIDATES)
            .map(candidate)
            .collect()
    }

    fn continues_known_name(&self, key: &str) -> bool {
        self.prefixes.contains(key)
    }

    fn demonym(&self, word: &str) -> Option<String> {
        self.reference.demonym(word).map(str::to_string)
    }

    fn is_first_name(&self, word: &str) -> bool {
        self.reference.is_first_name(word)
    }

    fn is_surname(&self, word: &str) -> bool {
        self.reference.is_surname(word)
    }

    fn longest_entry_tokens(&self) -> usize {
        self.reference.longest_entry_tokens()
    }

    fn generic_actor(&self, surface: &str, country: &str) -> Option<Candidate> {
        self.reference
            .generic_actor(surface, country)
            .map(|a| candidate(&Hit::Actor(a)))
    }

    fn place(&self, link: &KbLink) -> Option<PlaceInfo> {
        match self.reference.resolve(link)? {
            Hit::Country(c) => Some(PlaceInfo {
                name: c.name_en.clone(),
                country: Some(c.iso2.clone()),
                kind: PlaceKind::Country,
                lat: c.lat,
                lon: c.lon,
            }),
            // English names where the data has them, like countries (`name_en`); continents
            // and seas have no country
            Hit::Place(p) => Some(PlaceInfo {
                name: p.name_en.clone().unwrap_or_else(|| p.name.clone()),
                country: (!p.country.is_empty()).then(|| p.country.clone()),
                kind: p.kind,
                lat: p.lat,
                lon: p.lon,
            }),
            // named places of the actor KB (borders, valleys) have no single point
            Hit::Actor(a) => Some(PlaceInfo {
                name: a.name.clone(),
                country: a.country.clone(),
                kind: PlaceKind::Area,
                lat: None,
                lon: None,
            }),
        }
    }
}
