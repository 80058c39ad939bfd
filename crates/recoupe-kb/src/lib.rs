//! Reference data of recoupe, embedded in the binary and loaded once:
//!
//! * **countries** — ISO 3166-1 table (GeoNames) with French and English names and aliases
//!   (CLDR, world-countries, curated extras);
//! * **places** — GeoNames populated places (cities500 selection, see `tools/reference/build.py`)
//!   with Latin-script alternate names, plus ISO 3166-2 subdivisions with French/English names
//!   (CLDR);
//! * **demonyms** — French nationality adjectives in every gender and number → ISO2;
//! * **name lexicons** — first names and surnames (Dicollecte hunspell-fr, romanised Arabic
//!   names) and transliteration variant groups (Qassem/Qassim/Kassem);
//! * **actors** — the curated actor KB, `resources/kb/actors/*.tsv`.
//!
//! Every lookup goes through [`Reference::key`], an accent/case/punctuation-insensitive match
//! key. Build the data with `python3 tools/reference/build.py`.

mod actors;
mod key;
mod load;
mod loose;
mod loose_key;

use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::Duration;

use recoupe_model::{EntityType, KbLink, PlaceKind};
use rustc_hash::{FxHashMap, FxHashSet};

pub use actors::{parse_actor_file, ActorIssue, ActorIssueKind};
pub use load::{actor_files, LoadError};

/// Knowledge-base names used in [`KbLink::kb`].
pub const KB_ACTORS: &str = "actors";
pub const KB_GEONAMES: &str = "geonames";
pub const KB_COUNTRY: &str = "country";
pub const KB_SUBDIVISION: &str = "iso3166-2";
/// Hand-curated places GeoNames and ISO 3166-2 lack (`resources/geo/places_extra.tsv`):
/// continents, world regions, seas, rivers, mountain ranges.
pub const KB_PLACES_EXTRA: &str = "places-extra";

/// A curated actor: organisation, person, event or named place of the actor KB.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Slug of the usual English name (`iraqi-army`).
    pub id: String,
    pub etype: EntityType,
    /// Free short word: `armed_group`, `army`, `ministry`, `party`, `media`, …
    pub kind: String,
    /// ISO 3166-1 alpha-2 of the actor's home country.
    pub country: Option<String>,
    /// Wikidata QID (`Q12345`).
    pub wikidata: Option<String>,
    /// Canonical display name.
    pub name: String,
    /// Other forms as usually written (French, English, transliterations, acronyms).
    pub aliases: Vec<String>,
    /// KB file the entry comes from, for diagnostics.
    pub source_file: String,
}

/// Actor kinds of the state institutions of one country (army, ministries, government…):
/// their names are generic ("ministère de l'Intérieur") unless a country is written in them.
pub const STATE_KINDS: &[&str] = &[
    "ministry",
    "government",
    "presidency",
    "parliament",
    "army",
    "air_force",
    "navy",
    "police",
    "intelligence",
    "court",
    "central_bank",
];

impl Actor {
    /// Whether the actor is a state institution of its country ([`STATE_KINDS`]).
    pub fn is_state_institution(&self) -> bool {
        self.country.is_some() && STATE_KINDS.contains(&self.kind.as_str())
    }

    pub fn kb_link(&self) -> KbLink {
        KbLink {
            kb: KB_ACTORS.to_string(),
            id: self.id.clone(),
            name: Some(self.name.clone()),
        }
    }
}

/// A place of the gazetteer: a GeoNames populated place or an ISO 3166-2 subdivision.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRecord {
    /// GeoNames id; `None` for subdivisions, which come from CLDR.
    pub geonameid: Option<u32>,
    /// ISO 3166-2 code (`IQ-BG`) of a subdivision; `None` for GeoNames places.
    pub subdivision: Option<String>,
    /// Slug id (`euphrates`) of a hand-curated place of `places_extra.tsv`.
    pub extra_id: Option<String>,
    /// English name when it differs from `name` (subdivisions: CLDR English name).
    pub name_en: Option<String>,
    /// Every country the place lies in, usual one first (rivers and regions span several);
    /// empty for GeoNames places and subdivisions, whose only country is `country`.
    pub countries: Vec<String>,
    /// Preferred name (GeoNames name; French CLDR name for subdivisions).
    pub name: String,
    /// Alternate names (Latin script).
    pub alt_names: Vec<String>,
    /// ISO 3166-1 alpha-2; empty for places in no country (continents, seas).
    pub country: String,
    /// GeoNames admin1 code (`07`) of a place; empty for subdivisions.
    pub admin1: String,
    pub kind: PlaceKind,
    /// GeoNames feature class (`P`) and code (`PPL`, `PPLC`); `ADM` for subdivisions.
    pub feature_class: &'static str,
    pub feature_code: &'static str,
    /// Coordinates; for a subdivision those of its same-named capital when there is one
    /// ("Gouvernorat de Homs" → Homs), else `None`.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// 0 when unknown (always for subdivisions).
    pub population: u64,
    /// The word English writes after a subdivision's name ("Province" of "Kerman Province",
    /// "Governorate", "Oblast"), from `resources/geo/division_names.tsv`; `None` for other
    /// places and for divisions English names bare ("Vaud", "Quebec").
    pub division_word: Option<String>,
}

impl PlaceRecord {
    pub fn kb_link(&self) -> KbLink {
        let (kb, id) = match (self.geonameid, &self.subdivision, &self.extra_id) {
            (Some(g), _, _) => (KB_GEONAMES, g.to_string()),
            (None, Some(code), _) => (KB_SUBDIVISION, code.clone()),
            (None, None, Some(id)) => (KB_PLACES_EXTRA, id.clone()),
            // The loader gives every place one of the three identifiers.
            (None, None, None) => (KB_GEONAMES, String::new()),
        };
        KbLink {
            kb: kb.to_string(),
            id,
            name: Some(self.name.clone()),
        }
    }
}

/// A country (ISO 3166-1).
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub name_en: String,
    pub name_fr: String,
    /// Every form the country is looked up by: French and English names, official names,
    /// alternative spellings. Display names that are common words or first names
    /// ("Dominique", "Maurice") are deliberately absent.
    pub aliases: Vec<String>,
    pub geonameid: Option<u32>,
    /// Coordinates of the capital (GeoNames), the usual point for a country.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub capital: String,
    pub population: u64,
}

impl Country {
    pub fn kb_link(&self) -> KbLink {
        KbLink {
            kb: KB_COUNTRY.to_string(),
            id: self.iso2.clone(),
            name: Some(self.name_fr.clone()),
        }
    }
}

/// One entry a surface form may denote.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Hit<'a> {
    Actor(&'a Actor),
    Place(&'a PlaceRecord),
    Country(&'a Country),
}

impl Hit<'_> {
    pub fn kb_link(&self) -> KbLink {
        match self {
            Hit::Actor(a) => a.kb_link(),
            Hit::Place(p) => p.kb_link(),
            Hit::Country(c) => c.kb_link(),
        }
    }

    /// Entity type the entry usually has in text: countries and places are LOC.
    pub fn entity_type(&self) -> EntityType {
        match self {
            Hit::Actor(a) => a.etype,
            Hit::Place(_) | Hit::Country(_) => EntityType::LOC,
        }
    }
}

/// Row counts of every table, for `recoupe stats` and the docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReferenceStats {
    pub countries: usize,
    pub places: usize,
    pub subdivisions: usize,
    /// Hand-curated places (`places_extra.tsv`).
    pub extra_places: usize,
    pub actors: usize,
    pub demonym_forms: usize,
    pub first_names: usize,
    pub surnames: usize,
    pub variant_groups: usize,
    /// Match keys of the name index (the place index and the other tables' index summed).
    pub name_keys: usize,
    /// Malformed or suspicious actor KB lines skipped or reported at load.
    pub actor_issues: usize,
}

/// Which table an index entry points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Actor(u32),
    Country(u16),
    Place(u32),
}

/// The reference data, immutable once loaded.
pub struct Reference {
    countries: Vec<Country>,
    country_by_iso2: HashMap<String, u16>,
    /// GeoNames places (parsed on first use), then subdivisions and hand-curated places.
    places: load::Places,
    actors: Vec<Actor>,
    actor_by_id: HashMap<String, u32>,
    actor_issues: Vec<ActorIssue>,
    /// `key(name or alias)` → entries of actors, countries and subdivisions, built at load.
    small: load::Shard,
    /// Name index of the GeoNames places, precomputed at build time.
    place_index: load::PlaceIndex,
    demonyms: FxHashMap<Box<str>, u16>,
    first_names: FxHashSet<Box<str>>,
    surnames: FxHashSet<Box<str>>,
    variants: FxHashMap<Box<str>, u32>,
    variant_groups: Vec<Vec<String>>,
    /// Per-country loose-key indexes of the places, built on demand.
    loose: loose::LooseIndexes,
    /// `"{iso2}\t{key without the country's demonym}"` → state institution: "MA\tministere de
    /// l'interieur" → the Moroccan interior ministry.
    generic: FxHashMap<Box<str>, u32>,
}

static EMBEDDED: OnceLock<Reference> = OnceLock::new();
static LOAD_TIME: OnceLock<Duration> = OnceLock::new();

impl Reference {
    /// The reference data compiled into the binary, loaded on first call.
    ///
    /// # Panics
    /// When the embedded data is malformed; the crate's tests load the same bytes, so this
    /// cannot happen in a build whose tests pass.
    pub fn embedded() -> &'static Reference {
        EMBEDDED.get_or_init(|| {
            let start = std::time::Instant::now();
            let reference = load::load_embedded()
                .unwrap_or_else(|e| panic!("embedded reference data is malformed: {e}"));
            let _ = LOAD_TIME.set(start.elapsed());
            reference
        })
    }

    /// How long [`Reference::embedded`] took to load (loading it first if needed).
    pub fn load_time() -> Duration {
        Self::embedded();
        LOAD_TIME.get().copied().unwrap_or_default()
    }

    /// Match key of a surface form: compatibility decomposition with accents removed,
    /// lower case, typographic apostrophes as `'`, `œ`/`æ` spelled out, hyphens, underscores
    /// and whitespace runs as one space, trimmed. "États-Unis" and "etats unis" share a key;
    /// "Deir ez-Zor" and "Deir Ezzor" do not (transliteration variants are the entities
    /// crate's business).
    pub fn key(surface: &str) -> String {
        key::key(surface)
    }

    /// Every entry whose name or alias has the key of `surface`: actors first, then
    /// countries, then places by decreasing population (subdivisions, population 0, last).
    pub fn lookup(&self, surface: &str) -> Vec<Hit<'_>> {
        self.lookup_key(&Self::key(surface))
    }

    /// [`Reference::lookup`] for an already computed key.
    pub fn lookup_key(&self, key: &str) -> Vec<Hit<'_>> {
        self.entries(key)
            .into_iter()
            .map(|e| match e {
                Entry::Actor(i) => Hit::Actor(&self.actors[i as usize]),
                Entry::Country(i) => Hit::Country(&self.countries[i as usize]),
                Entry::Place(i) => Hit::Place(self.places.get(i as usize)),
            })
            .collect()
    }

    /// Entries of a key over all shards: actors, then countries, then places by decreasing
    /// population (the likeliest reading first).
    fn entries(&self, key: &str) -> Vec<Entry> {
        let mut entries: Vec<Entry> = self.small.entries(key).to_vec();
        entries.extend(self.place_index.rows(key).map(Entry::Place));
        if entries.len() > 1 {
            let order = |e: &Entry| match *e {
                Entry::Actor(_) => (0u8, 0u64),
                Entry::Country(_) => (1, 0),
                Entry::Place(i) => (2, u64::MAX - self.places.get(i as usize).population),
            };
            entries.sort_by_key(order);
        }
        entries
    }

    /// The state institution of `iso2` that a name without any country in it denotes when
    /// the document is about that country: "ministère de l'Intérieur" with "MA" is the
    /// Moroccan interior ministry. Built from the actors' names and aliases that carry their
    /// own country's nationality adjective ("Ministère marocain de l'Intérieur").
    pub fn generic_actor(&self, surface: &str, iso2: &str) -> Option<&Actor> {
        let probe = format!("{}\t{}", iso2.to_ascii_uppercase(), Self::key(surface));
        self.generic
            .get(probe.as_str())
            .map(|&i| &self.actors[i as usize])
    }

    /// Actors with `surface` as name or alias.
    pub fn actors_by_alias(&self, surface: &str) -> Vec<&Actor> {
        self.lookup(surface)
            .into_iter()
            .filter_map(|h| match h {
                Hit::Actor(a) => Some(a),
                _ => None,
            })
            .collect()
    }

    /// The actor with this id (exact, case-sensitive slug).
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_by_id.get(id).map(|&i| &self.actors[i as usize])
    }

    /// All actors, in KB file order.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// Problems found in the actor KB files (malformed lines are skipped at load).
    pub fn actor_issues(&self) -> &[ActorIssue] {
        &self.actor_issues
    }

    /// Places (GeoNames and subdivisions) with `surface` as name or alternate name, by
    /// decreasing population.
    pub fn places_by_name(&self, surface: &str) -> Vec<&PlaceRecord> {
        self.lookup(surface)
            .into_iter()
            .filter_map(|h| match h {
                Hit::Place(p) => Some(p),
                _ => None,
            })
            .collect()
    }

    /// All places: GeoNames places sorted by id, then subdivisions sorted by code, then the
    /// hand-curated places sorted by id. Going through the GeoNames places parses each (they
    /// are parsed on first use): a caller that wants the others only asks
    /// [`Reference::subdivisions_and_extra_places`].
    pub fn places(&self) -> impl ExactSizeIterator<Item = &PlaceRecord> + '_ {
        self.places.iter()
    }

    /// The ISO 3166-2 subdivisions sorted by code, then the hand-curated places sorted by id:
    /// every place that is not a GeoNames populated place.
    pub fn subdivisions_and_extra_places(&self) -> &[PlaceRecord] {
        self.places.not_geonames()
    }

    /// The GeoNames place with this id.
    pub fn place_by_geonameid(&self, geonameid: u32) -> Option<&PlaceRecord> {
        // Places are stored sorted by id within the GeoNames block (see load.rs).
        self.places.by_geonameid(geonameid)
    }

    /// The subdivision with this ISO 3166-2 code (`IQ-BG`).
    pub fn subdivision(&self, code: &str) -> Option<&PlaceRecord> {
        let block = self.places.subdivisions();
        block
            .binary_search_by(|p| p.subdivision.as_deref().unwrap_or("").cmp(code))
            .ok()
            .map(|i| &block[i])
    }

    /// The hand-curated place with this id (`euphrates`, `middle-east`).
    pub fn extra_place(&self, id: &str) -> Option<&PlaceRecord> {
        let block = self.places.extra();
        block
            .binary_search_by(|p| p.extra_id.as_deref().unwrap_or("").cmp(id))
            .ok()
            .map(|i| &block[i])
    }

    /// Places of the given countries whose name or alternate name has the same
    /// transliteration-tolerant key ([`Reference::loose_key`]) as `surface`, most populous
    /// first. For names written in a spelling the gazetteer lacks ("al-Qaem" for "Al Qa'im",
    /// "Ninive" for "Nineveh"); the country restriction keeps the coarse key from matching
    /// homonyms elsewhere. The per-country index is built on first use.
    pub fn loose_places(&self, surface: &str, countries: &[&str]) -> Vec<&PlaceRecord> {
        let key = loose::loose_key(surface);
        if key.len() < 3 {
            return Vec::new();
        }
        let mut out: Vec<&PlaceRecord> = Vec::new();
        // the loose key first; the coarser skeleton only when it finds nothing, and then only
        // for names whose loose key is one or two letters away ("Salahudin" / "Salah ad-Din",
        // not "Senny Mayulu" / "Saint-Malo")
        let skeleton = loose::skeleton_key(surface);
        for (tier, k) in std::iter::once(key.clone()).chain(skeleton).enumerate() {
            for country in countries {
                let index = self.loose.index(country, &self.places);
                let rows = index.rows(k.as_str(), &self.places);
                out.extend(
                    rows.iter()
                        .map(|&i| self.places.get(i as usize))
                        .filter(|p| {
                            tier == 0
                                || std::iter::once(&p.name)
                                    .chain(&p.alt_names)
                                    .chain(p.name_en.as_ref())
                                    .any(|n| loose::edit_distance(&loose::loose_key(n), &key) <= 2)
                        }),
                );
            }
            if !out.is_empty() {
                break;
            }
        }
        // A governorate outranks a small town named like it ("Salahaddin" the resort town
        // vs the Salah ad-Din governorate): news name divisions more than villages.
        out.sort_by_key(|p| {
            let tier = if p.population >= 100_000 {
                0
            } else if p.subdivision.is_some() {
                1
            } else {
                2
            };
            (tier, std::cmp::Reverse(p.population))
        });
        out.dedup_by(|a, b| std::ptr::eq(*a, *b));
        out
    }

    /// Transliteration-tolerant key used by [`Reference::loose_places`]: the match key
    /// without a leading Arabic article, apostrophes, hyphens and spaces, with doubled
    /// letters single, French "ou" as "u", e/i/y as "i", o/u as "u", digraphs unified
    /// (ch/sh → s, kh → k, gh → g, dj → j, q/c → k) and a final "h" dropped:
    /// "al-Qaem", "Al Qa'im" and "Qaim" share one.
    pub fn loose_key(surface: &str) -> String {
        loose::loose_key(surface)
    }

    /// Resolves a [`KbLink`] produced by this crate to its entry.
    pub fn resolve(&self, link: &KbLink) -> Option<Hit<'_>> {
        match link.kb.as_str() {
            KB_ACTORS => self.actor(&link.id).map(Hit::Actor),
            KB_COUNTRY => self.country(&link.id).map(Hit::Country),
            KB_GEONAMES => link
                .id
                .parse()
                .ok()
                .and_then(|g| self.place_by_geonameid(g))
                .map(Hit::Place),
            KB_SUBDIVISION => self.subdivision(&link.id).map(Hit::Place),
            KB_PLACES_EXTRA => self.extra_place(&link.id).map(Hit::Place),
            _ => None,
        }
    }

    /// Country by ISO 3166-1 alpha-2 code (case-insensitive).
    pub fn country(&self, iso2: &str) -> Option<&Country> {
        self.country_by_iso2
            .get(&iso2.to_ascii_uppercase())
            .map(|&i| &self.countries[i as usize])
    }

    /// All countries, sorted by ISO2.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// Country by French or English name or alias ("Irak", "Iraq", "Etats-Unis", "USA").
    pub fn country_by_name(&self, surface: &str) -> Option<&Country> {
        self.entries(&Self::key(surface))
            .into_iter()
            .find_map(|e| match e {
                Entry::Country(i) => Some(&self.countries[i as usize]),
                _ => None,
            })
    }

    /// ISO2 of the country a French nationality adjective or demonym refers to, in any
    /// gender and number ("étatsuniennes" → "US"). Ethnic or religious groups without a
    /// country ("kurde") have none.
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.demonyms
            .get(Self::key(word).as_str())
            .map(|&i| self.countries[i as usize].iso2.as_str())
    }

    /// Whether `word` is a known first name. Case-insensitive: the caller decides whether a
    /// lower-case "pierre" is a name.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(Self::key(word).as_str())
    }

    /// Whether `word` is a known surname (case-insensitive, see [`Reference::is_first_name`]).
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(Self::key(word).as_str())
    }

    /// Transliteration variant group of a romanised Arabic/Persian name unit: spellings of
    /// the same name (Qassem, Qassim, Kassem) share the id.
    pub fn name_variants(&self, word: &str) -> Option<u32> {
        self.variants.get(Self::key(word).as_str()).copied()
    }

    /// Spellings of a variant group, most frequent first (empty for an unknown id).
    pub fn variant_group(&self, id: u32) -> &[String] {
        self.variant_groups
            .get(id as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// Upper bound of the number of tokens of any indexed name, to bound the windows of a
    /// gazetteer scan: words plus every punctuation character ("Grande-Bretagne" = 3,
    /// "d'Irlande" = 3), so it holds for tokenizers that split hyphens and elisions off.
    pub fn longest_entry_tokens(&self) -> usize {
        self.small.longest
    }

    pub fn stats(&self) -> ReferenceStats {
        let subdivisions = self.places.subdivisions().len();
        let extra_places = self.places.extra().len();
        ReferenceStats {
            countries: self.countries.len(),
            places: self.places.geonames_len(),
            subdivisions,
            extra_places,
            actors: self.actors.len(),
            demonym_forms: self.demonyms.len(),
            first_names: self.first_names.len(),
            surnames: self.surnames.len(),
            variant_groups: self.variant_groups.len(),
            name_keys: self.small.names.len() + self.place_index.len(),
            actor_issues: self.actor_issues.len(),
        }
    }
}
