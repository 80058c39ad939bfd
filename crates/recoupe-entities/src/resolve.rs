//! Document-level decisions: acronyms, surnames of earlier full names, one sense per
//! name, confirmation of sentence-initial words, choice among reference candidates using
//! the document's countries, and the cross-article entity key.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use recoupe_model::{EntityType, PlaceKind};

use crate::facilities::{feature_word_before, FeatureWord};
use crate::knowledge::{Candidate, Knowledge};
use crate::normalize::skeleton;
use crate::recognise::{
    Cand, RULE_DEFAULT_PERSON_UNKNOWN, RULE_DEFINED_ACRONYM, RULE_SHORT_FORM, STRENGTH_CUE,
    STRENGTH_DEFAULT, STRENGTH_LEXICON,
};
use crate::tokens::Tk;

/// A mention after resolution: its cluster (index of the representative mention) and chosen entry.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub cand: Cand,
    pub chosen: Option<Candidate>,
    pub entity: String,
}

fn surface<'t>(toks: &[Tk<'t>], c: &Cand, text: &'t str) -> &'t str {
    text.get(toks[c.start].span.start..toks[c.end - 1].span.end)
        .unwrap_or("")
}

struct Clusters {
    parent: Vec<usize>,
}

impl Clusters {
    fn new(n: usize) -> Self {
        Clusters {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[rb] = ra;
        }
    }
}

/// Below this population a town abroad reached only through one of its alternate names is
/// not trusted against the document's own countries (large cities have French exonyms:
/// "Londres", "Anvers").
const ALIAS_TRUSTED_POPULATION: u64 = 500_000;

/// "Kasulo, un quartier de Kolwezi" in a report on Congo is not Kasulu in Tanzania, which
/// GeoNames lists under that spelling too: a town whose country only its own mentions name,
/// matched by an alternate name rather than its own, beside a place of another country the
/// document names, is a homonym; the mention stays a place of that country without a link.
/// (A French exonym of a town abroad, "Tyr", has no such neighbour against it.)
fn alias_abroad(
    e: &Candidate,
    folded_surface: &str,
    countries: &HashMap<String, u32>,
    own_support: &HashMap<String, u32>,
    beside: &[String],
) -> Option<String> {
    if e.label != EntityType::LOC
        || e.link.kb == "country"
        || e.kind != Some(PlaceKind::City)
        || e.population >= ALIAS_TRUSTED_POPULATION
    {
        return None;
    }
    let country = e.country.as_deref()?;
    let own = own_support.get(folded_surface).copied().unwrap_or(0);
    let support = countries.get(country).copied().unwrap_or(0);
    let elsewhere = beside
        .iter()
        .any(|k| k != country && countries.get(k).is_some_and(|&w| w >= 2));
    let alias = e
        .link
        .name
        .as_deref()
        .is_some_and(|n| crate::normalize::fold(n) != folded_surface);
    (support <= own && elsewhere && alias).then(|| {
        format!(
            "not {}:{} (a town of {} only its own mentions name, matched by an alternate name)",
            e.link.kb, e.link.id, country
        )
    })
}

/// Words before a pair of names that open an enumeration of places ("entre X et Y", "comme
/// X et Y", "dont X et Y", "à X et Y", "de X et Y").
const PLACE_PAIR_OPENERS: &[&str] = &[
    "entre",
    "comme",
    "dont",
    "notamment",
    "a",
    "de",
    "d'",
    "du",
    "vers",
    "depuis",
    "pres",
    "dans",
];

/// Population from which an unambiguous place is trusted to tell the document's country.
const TRUSTED_PLACE_POPULATION: u64 = 50_000;

/// Whether `h` is reached by another name than its own (an article the text leaves out,
/// "au Plateau" for "Le Plateau", is no other name).
fn reached_by_alias(h: &Candidate, folded_surface: &str) -> bool {
    h.link.name.as_deref().is_some_and(|n| {
        let own = crate::normalize::fold(n);
        let bare = ["le ", "la ", "les ", "l'"]
            .iter()
            .find_map(|a| own.strip_prefix(a))
            .unwrap_or(&own);
        own != folded_surface && bare != folded_surface
    })
}

fn french_writing(h: &Candidate) -> bool {
    h.country
        .as_deref()
        .is_some_and(crate::places::writes_french)
}

/// GeoNames names some towns of the countries of French speech in their other language
/// and files the French name as an alternate one ("Sitten" for Sion, "Biel" for Bienne):
/// a town of some size there reached by an alternate name is most likely reached by its
/// French name, which a place abroad that bears the name only as one of its many other
/// names ("Sion", an old name of Jerusalem) does not outrank. A town of such a country
/// named by its own name ("Vienne" in France) is a plain homonym: the capital abroad whose
/// French name it is keeps its rank.
fn french_name_of_a_town(hits: &[Candidate], folded_surface: &str) -> bool {
    hits.iter().any(|o| {
        o.label == EntityType::LOC
            && o.kind == Some(PlaceKind::City)
            && o.population >= VILLAGE_POPULATION
            && french_writing(o)
            && reached_by_alias(o, folded_surface)
    })
}

/// Countries the document talks about, with weights: linked countries, nationality
/// adjectives and unambiguous places.
pub fn document_countries(
    toks: &[Tk<'_>],
    text: &str,
    cands: &[Cand],
    nationalities: &[String],
) -> HashMap<String, u32> {
    let mut counts: HashMap<String, u32> = HashMap::default();
    for c in cands {
        // a country, or the only entry of a sizeable place; a lone village or division would
        // vouch for itself ("Falcon" the Venezuelan state making Venezuela a context country)
        let Some(first) = c.hits.first() else {
            continue;
        };
        let vouches = first.link.kb == "country"
            || (c.hits.len() == 1 && first.population >= TRUSTED_PLACE_POPULATION);
        if vouches {
            if let Some(country) = &first.country {
                *counts.entry(country.clone()).or_default() += 2;
            }
        }
    }
    // A city far larger than every homonym ("Montréal" and its French villages, "Gaza" and
    // the Mozambican province) vouches for its country too, unless a homonym lies in a
    // country the document names otherwise: in a report on Syria, "al-Soussa" is the Syrian
    // village, not Sousse in Tunisia.
    let named: HashSet<String> = counts.keys().cloned().collect();
    for c in cands {
        let Some(dominant) = dominant_place(&c.hits) else {
            continue;
        };
        let Some(country) = dominant.country.as_ref() else {
            continue;
        };
        let homonym_in_named = c.hits.iter().any(|h| {
            h.label == EntityType::LOC
                && h.country
                    .as_ref()
                    .is_some_and(|k| k != country && named.contains(k))
        });
        let vouched = c.hits.len() == 1 || dominant.link.kb == "country";
        // nor when the name is the French name of a town of French speech
        // (`french_name_of_a_town`: "Sion", the Valais town, beside Jerusalem's old name)
        let folded = crate::normalize::fold(surface(toks, c, text));
        let french_town_homonym =
            !french_writing(dominant) && french_name_of_a_town(&c.hits, &folded);
        // nor when the city is reached only by one of its other names while a division bears
        // the name as its own ("Jura", an old name of Győr, and the Swiss canton): a local
        // report names its canton, not a foreign city by a name it no longer goes by
        let alias_over_division = alias_over_division(dominant, &c.hits, &folded);
        if !homonym_in_named && !vouched && !french_town_homonym && !alias_over_division {
            *counts.entry(country.clone()).or_default() += 2;
        }
    }
    for n in nationalities {
        *counts.entry(n.clone()).or_default() += 1;
    }
    counts
}

/// Whether `dominant` is reached by another name than its own while a division among
/// `hits` bears the name as its own ("Jura": Győr's old name, the Swiss canton's and the
/// French department's own): the city's size then says nothing of the document's country.
fn alias_over_division(dominant: &Candidate, hits: &[Candidate], folded_surface: &str) -> bool {
    reached_by_alias(dominant, folded_surface)
        && hits.iter().any(|o| {
            !std::ptr::eq(o, dominant)
                && o.label == EntityType::LOC
                && o.kind == Some(PlaceKind::Admin)
                && !reached_by_alias(o, folded_surface)
        })
}

/// From this population a place of a named country stands up to a foreign capital.
const CITY_POPULATION: u64 = 100_000;

/// Below this population a populated place is a village: a region of the same name is
/// the likelier reading.
const VILLAGE_POPULATION: u64 = 10_000;

/// How many times larger than every homonym a place must be to vouch for its country.
const DOMINANT_FACTOR: u64 = 20;

/// The place among `hits` that is both sizeable and [`DOMINANT_FACTOR`] times more
/// populous than every other place entry, if there is one.
fn dominant_place(hits: &[Candidate]) -> Option<&Candidate> {
    let places: Vec<&Candidate> = hits.iter().filter(|h| h.label == EntityType::LOC).collect();
    let largest = places.iter().max_by_key(|h| h.population)?;
    let second = places
        .iter()
        .filter(|h| !std::ptr::eq(**h, *largest))
        .map(|h| h.population)
        .max()
        .unwrap_or(0);
    (largest.population >= TRUSTED_PLACE_POPULATION
        && largest.population >= second.saturating_mul(DOMINANT_FACTOR))
    .then_some(*largest)
}

/// Beyond this distance from the capital of every country the document names, a division
/// is on another continent than the report (Pas-de-Calais is some 250 km from Brussels).
const NEIGHBOUR_KM: f64 = 1500.0;

/// Whether `place` lies within [`NEIGHBOUR_KM`] of the capital of a country the document
/// names (or whether either point is unknown: no evidence against it).
fn near_named_countries(
    kb: &dyn Knowledge,
    place: &Candidate,
    countries: &HashMap<String, u32>,
) -> bool {
    let Some((lat, lon)) = kb.place(&place.link).and_then(|p| p.lat.zip(p.lon)) else {
        return true;
    };
    let capitals: Vec<(f64, f64)> = countries
        .iter()
        .filter(|(_, &w)| w >= 2)
        .filter_map(|(iso, _)| {
            let link = recoupe_model::KbLink {
                kb: "country".to_string(),
                id: iso.clone(),
                name: None,
            };
            kb.place(&link).and_then(|p| p.lat.zip(p.lon))
        })
        .collect();
    capitals.is_empty()
        || capitals
            .iter()
            .any(|&(a, b)| recoupe_model::haversine_km(lat, lon, a, b) <= NEIGHBOUR_KM)
}

/// Picks the reference entry that fits the mention's label and the document best.
/// `country_marked`: the mention itself names a country ("armée irakienne"), so a state
/// institution of that country needs no support from the rest of the document.
fn choose(
    kb: &dyn Knowledge,
    c: &Cand,
    folded_surface: &str,
    countries: &HashMap<String, u32>,
    local: &HashSet<String>,
    country_marked: bool,
) -> (Option<Candidate>, Vec<String>) {
    if c.hits.is_empty() {
        return (None, Vec::new());
    }
    // "ministère de la Défense nationale" in a report on Iraq is not Canada's ministry: a
    // state institution named without its country must be of a country the document names
    if !country_marked && !countries.is_empty() {
        let foreign = |h: &Candidate| {
            h.state
                && h.country
                    .as_ref()
                    .is_some_and(|k| !countries.contains_key(k))
        };
        if c.hits.iter().all(foreign) {
            let rejected = c
                .hits
                .iter()
                .take(4)
                .map(|h| {
                    format!(
                        "not {}:{} (an institution of {}, a country the document does not name)",
                        h.link.kb,
                        h.link.id,
                        h.country.as_deref().unwrap_or("-")
                    )
                })
                .collect();
            return (None, rejected);
        }
    }
    let in_named = |h: &Candidate| {
        h.country
            .as_ref()
            .and_then(|k| countries.get(k))
            .is_some_and(|&w| w >= 2)
    };
    let reached_by_alias = |h: &Candidate| reached_by_alias(h, folded_surface);
    let alias_beside_named = |h: &Candidate| {
        reached_by_alias(h)
            && c.hits.iter().any(|o| {
                !std::ptr::eq(o, h)
                    && o.label == EntityType::LOC
                    && o.link.kb != "country"
                    && in_named(o)
            })
    };
    // a place abroad reached by a name that is the French name of a town of French speech
    // (see `french_name_of_a_town`) does not outrank that town unless the document names
    // the country of the place abroad
    let french_town_named = french_name_of_a_town(&c.hits, folded_surface);
    let alias_beside_french_town =
        |h: &Candidate| french_town_named && !french_writing(h) && reached_by_alias(h);
    let score = |h: &Candidate| {
        let in_doc = h
            .country
            .as_ref()
            .and_then(|k| countries.get(k))
            .copied()
            .unwrap_or(0);
        // with no country named, the country of the document's unambiguous small places
        // tells homonymous divisions apart ("dans le Centre" beside Hinche is Haiti's)
        let local_fit =
            countries.is_empty() && h.country.as_ref().is_some_and(|k| local.contains(k));
        // a country outranks any homonym; then cities, unless "province de" asked for a division
        let kind_rank = match h.kind {
            Some(PlaceKind::Country) => 3,
            Some(PlaceKind::Admin) if c.admin_cue => 2,
            // a village does not outrank a region of the same name ("Vaud" the canton,
            // not the village Le Vaud)
            Some(PlaceKind::City) if !c.admin_cue && h.population >= VILLAGE_POPULATION => 2,
            Some(PlaceKind::City) if !c.admin_cue => 0,
            Some(PlaceKind::Admin | PlaceKind::City) => 1,
            _ => 0,
        };
        // actors (non-places) first unless the context asked for a place
        let label_fit = u8::from(h.label == c.label) + u8::from(h.link.kb == "actors");
        // A country named in the document (a place or country mention counts 2) decides
        // between homonyms; a nationality adjective alone ("britannique") does not outweigh
        // a national capital ("Washington" the US capital, not the English town).
        let named_country = u8::from(in_doc >= 2);
        // A national capital outranks a town of a country the document names ("Washington"
        // beside "basée au Royaume-Uni"), but not a city of that country ("Tripoli" in a
        // report on Lebanon).
        // ("province de Kerman" asked for the division: the city's size is beside the point)
        // A capital reached only by an alternate spelling while another entry of that very
        // name lies in a country the document names ("Bienne" beside "en Suisse" is Biel,
        // whatever spelling GeoNames also files under Vienna) is a homonym there.
        let capital = h.capital
            && (named_country == 1 || !(alias_beside_named(h) || alias_beside_french_town(h)));
        // A city's size speaks only where no homonym lies in a country the document names
        // more ("Kita" in a report on Mali that names Japan once is not Tokyo's ward).
        let outweighed = || {
            c.hits.iter().any(|o| {
                o.label == EntityType::LOC
                    && o.link.kb != "country"
                    && o.country != h.country
                    && o.country
                        .as_ref()
                        .and_then(|k| countries.get(k))
                        .is_some_and(|&w| w > in_doc)
            })
        };
        let prominent = !c.admin_cue
            && (capital
                || (named_country == 1 && h.population >= CITY_POPULATION && !outweighed()));
        (
            label_fit,
            kind_rank == 3,
            prominent,
            named_country,
            // (before the weak support a mention lends its own first entry's country)
            !(named_country == 0 && alias_beside_french_town(h)),
            in_doc.min(1),
            local_fit,
            kind_rank,
            in_doc,
            h.population,
        )
    };
    let mut best = 0;
    for (k, h) in c.hits.iter().enumerate() {
        if score(h) > score(&c.hits[best]) {
            best = k;
        }
    }
    let chosen = c.hits[best].clone();
    // A village in a country the document never mentions is more likely a homonym than the
    // place meant: leave the mention unresolved rather than pin it on the wrong continent.
    // ("le gouverneur d'Odessa" asked for a division: a division of that name is no village)
    let foreign = chosen.label == EntityType::LOC
        && chosen.link.kb != "country"
        && !countries.is_empty()
        && chosen
            .country
            .as_ref()
            .is_none_or(|k| !countries.contains_key(k));
    // ("Pas-de-Calais" in a report on Belgium: a division whose name nothing else bears is
    // no homonym)
    // ... unless it lies an ocean away from every country the document names ("la base
    // Falcon, au sud de Bagdad" is no Venezuelan state)
    // ... a division of a country of French speech excepted: French news names those by
    // their own names wherever the report is ("un alpiniste du Valais mort au Népal")
    let sole_division = chosen.kind == Some(PlaceKind::Admin)
        && c.hits.iter().filter(|h| h.label == EntityType::LOC).count() == 1
        && (chosen
            .country
            .as_deref()
            .is_some_and(crate::places::writes_french)
            || near_named_countries(kb, &chosen, countries));
    let foreign_small = foreign
        && !(c.admin_cue && chosen.kind == Some(PlaceKind::Admin))
        && !sole_division
        && chosen.population < TRUSTED_PLACE_POPULATION;
    // "les régions de Sava et d'Analanjirofo" in a report on Madagascar asked for a
    // division: a town of that name abroad, however large, is a homonym
    let foreign_town_for_division = foreign && c.admin_cue && chosen.kind == Some(PlaceKind::City);
    if foreign_small || foreign_town_for_division {
        let why = if foreign_small {
            "small place"
        } else {
            "a town where a division was named"
        };
        return (
            None,
            vec![format!(
                "not {}:{} ({why} in {}, a country the document does not mention)",
                chosen.link.kb,
                chosen.link.id,
                chosen.country.as_deref().unwrap_or("-")
            )],
        );
    }
    let rejected = c
        .hits
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != best)
        .take(4)
        .map(|(_, h)| {
            format!(
                "not {}:{} ({})",
                h.link.kb,
                h.link.id,
                h.country.as_deref().unwrap_or("-")
            )
        })
        .collect();
    (Some(chosen), rejected)
}

/// Whether a word of the mention is a nationality adjective, a country name or a place
/// ("armée *irakienne*", "ministère de la Défense du *Canada*", "Ville de *Montréal*").
fn names_a_country(kb: &dyn Knowledge, toks: &[Tk<'_>], c: &Cand) -> bool {
    toks[c.start..c.end].iter().any(|t| {
        t.is_word()
            && (kb.demonym(t.text).is_some()
                || (t.cap
                    && kb
                        .candidates(t.text)
                        .iter()
                        .any(|h| h.label == EntityType::LOC && h.population >= 1)))
    })
}

/// The state institution of `country` that a name without a country denotes; "Défense
/// nationale" is the defence portfolio under another name.
fn generic_institution(kb: &dyn Knowledge, name: &str, country: &str) -> Option<Candidate> {
    kb.generic_actor(name, country).or_else(|| {
        ["nationale", "national"]
            .iter()
            .find_map(|w| name.strip_suffix(w))
            .and_then(|rest| kb.generic_actor(rest.trim_end(), country))
    })
}

/// The state institution an unlinked organisation name denotes: with a nationality in it,
/// that country's ("ministère de l'intérieur marocain", in any word order); without, the
/// institution of the country the document names most ("ministère de l'Intérieur" in a
/// report on Morocco).
fn institution_in_context(
    kb: &dyn Knowledge,
    toks: &[Tk<'_>],
    text: &str,
    c: &Cand,
    main_country: &Option<String>,
) -> Option<(Candidate, String)> {
    let words = &toks[c.start..c.end];
    let own: Vec<(usize, String)> = words
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_word() && !t.cap)
        .filter_map(|(k, t)| kb.demonym(t.text).map(|country| (k, country)))
        .collect();
    match own.as_slice() {
        [] => {
            let country = main_country.as_ref()?;
            let e = generic_institution(kb, surface(toks, c, text), country)?;
            Some((
                e,
                format!("an institution of {country}, the country the document names most"),
            ))
        }
        [(k, country)] => {
            // the name without its nationality adjective
            let mut name = String::new();
            for (j, t) in words.iter().enumerate() {
                if j == *k {
                    continue;
                }
                if !name.is_empty() && !name.ends_with('\'') && !name.ends_with('’') {
                    name.push(' ');
                }
                name.push_str(t.text);
            }
            let e = generic_institution(kb, &name, country)?;
            Some((
                e,
                format!("an institution of {country}, named by its nationality"),
            ))
        }
        _ => None,
    }
}

/// Population below which a place may be a common word written with a capital at the
/// start of a sentence ("Peste", "Marche", "Grève" open headlines as nouns).
const COMMON_WORD_PLACE_POPULATION: u64 = 100_000;

/// "Grève des enseignants : …", "Peste : 23 morts…": a single word opening a sentence
/// matched only by places of little weight (no country, no capital, no sizeable city) is
/// the common noun when the document also writes it in lowercase ("en grève", "la peste").
/// Places announced by a cue ("département du Centre") are not concerned.
fn common_word_opening(toks: &[Tk<'_>], c: &Cand, lowercase: &HashSet<&str>) -> bool {
    let t = &toks[c.start];
    c.end == c.start + 1
        && t.initial
        && c.label == EntityType::LOC
        && !c.admin_cue
        && matches!(c.rule, "kb" | "default-single")
        && lowercase.contains(t.folded.as_ref())
        && c.hits.iter().all(|h| {
            // a sizeable town counts only under its own name ("Peste" is GeoNames' French
            // spelling of Pest, and first the disease)
            let own_name = h
                .link
                .name
                .as_deref()
                .is_some_and(|n| crate::normalize::fold(n) == *t.folded);
            h.label == EntityType::LOC
                && h.link.kb != "country"
                && !h.capital
                && (h.population < COMMON_WORD_PLACE_POPULATION || !own_name)
        })
}

/// "Police nationale d'Haïti", "Banque centrale du Congo": a country named as the
/// complement of an organisation's name is a country the document talks about (the name
/// hides it from the place mentions), weighted like a country mention.
fn countries_in_names(
    kb: &dyn Knowledge,
    toks: &[Tk<'_>],
    text: &str,
    cands: &[Cand],
    counts: &mut HashMap<String, u32>,
) {
    for c in cands.iter().filter(|c| c.label == EntityType::ORG) {
        // the country is the whole rest of the name ("… de la République démocratique du
        // Congo" is not the Congo of its last word)
        for k in c.start + 1..c.end {
            let t = &toks[k];
            let after_de = matches!(&*toks[k - 1].folded, "de" | "d'" | "du" | "des")
                || (toks[k - 1].folded == "la" && k >= c.start + 2 && toks[k - 2].folded == "de");
            if !(t.is_word() && t.cap && after_de) {
                continue;
            }
            let Some(rest) = text.get(t.span.start..toks[c.end - 1].span.end) else {
                continue;
            };
            // a country ("Police nationale d'Haïti"), or a sizeable town no homonym
            // contests ("tribunal correctionnel de Charleroi", "parquet de Nanterre": the
            // courts and offices of a town are in its country)
            let hits = kb.candidates(rest);
            let country = hits
                .iter()
                .find(|h| h.link.kb == "country")
                .or_else(|| {
                    let places: Vec<&Candidate> =
                        hits.iter().filter(|h| h.label == EntityType::LOC).collect();
                    match places.as_slice() {
                        [only] if only.population >= TRUSTED_PLACE_POPULATION => Some(*only),
                        _ => dominant_place(&hits),
                    }
                })
                .and_then(|h| h.country.clone());
            if let Some(country) = country {
                *counts.entry(country).or_default() += 2;
                break;
            }
        }
    }
}

/// How many names of places that lie in one country only make it the document's country
/// when no country is named.
const IMPLICIT_COUNTRY_NAMES: usize = 2;

/// A local report may never name its country ("Fribourg", "Bulle", "Morat": Switzerland).
/// When no country is named (no weight of 2), a country in which every entry of at least
/// [`IMPLICIT_COUNTRY_NAMES`] distinct place names lies counts as named: a lone village
/// elsewhere ("le Schoenberg", a quarter, not the Belgian village) is then a homonym.
fn implicit_countries(
    toks: &[Tk<'_>],
    text: &str,
    cands: &[Cand],
    countries: &mut HashMap<String, u32>,
) {
    if countries.values().any(|&w| w >= 2) {
        return;
    }
    let mut names: HashMap<String, HashSet<String>> = HashMap::default();
    for c in cands.iter().filter(|c| c.label == EntityType::LOC) {
        let mut places = c.hits.iter().filter(|h| h.label == EntityType::LOC);
        let Some(country) = places.next().and_then(|h| h.country.as_ref()) else {
            continue;
        };
        if places.all(|h| h.country.as_ref() == Some(country)) {
            names
                .entry(country.clone())
                .or_default()
                .insert(crate::normalize::fold(surface(toks, c, text)));
        }
    }
    for (country, names) in names {
        if names.len() >= IMPLICIT_COUNTRY_NAMES {
            *countries.entry(country).or_default() += 2;
        }
    }
}

/// Runs the document-level passes and returns the kept mentions with entity keys.
pub fn resolve(
    kb: &dyn Knowledge,
    toks: &[Tk<'_>],
    text: &str,
    mut cands: Vec<Cand>,
    nationalities: &[String],
) -> Vec<Resolved> {
    let n = cands.len();
    let mut clusters = Clusters::new(n);

    // Acronym defined in parentheses right after its long form: "Forces démocratiques syriennes (FDS)".
    let mut acronyms: HashMap<String, usize> = HashMap::default();
    for k in 0..n.saturating_sub(1) {
        let (long, short) = (&cands[k], &cands[k + 1]);
        let single_caps = short.end == short.start + 1
            && (toks[short.start].all_caps || short.rule == RULE_DEFINED_ACRONYM);
        let in_parens = short.start == long.end + 1
            && toks[long.end].text == "("
            && toks.get(short.end).is_some_and(|t| t.text == ")");
        if single_caps && in_parens && long.end - long.start > 1 {
            acronyms.insert(toks[short.start].folded.to_string(), k);
        }
    }
    for k in 0..n {
        let c = &cands[k];
        if c.end == c.start + 1 {
            if let Some(&long) = acronyms.get(&*toks[c.start].folded) {
                if long != k {
                    let (label, hits) = (cands[long].label, cands[long].hits.clone());
                    let name = surface(toks, &cands[long], text).to_string();
                    let c = &mut cands[k];
                    if c.hits.is_empty() || !hits.is_empty() {
                        c.hits = hits;
                    }
                    c.label = label;
                    c.strength = c.strength.max(STRENGTH_CUE);
                    c.weak = false;
                    c.evidence.push(format!("acronym of \"{name}\""));
                    clusters.union(long, k);
                }
            }
        }
    }

    // "Sahel Dépêches" … "(SD)": a name the rules typed only by default whose capitalised
    // words spell the initials of an organisation's acronym in the document is that
    // organisation's long form.
    let org_acronyms: HashMap<String, usize> = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.label == EntityType::ORG
                && c.end == c.start + 1
                && toks[c.start].all_caps
                && c.strength >= STRENGTH_CUE
        })
        .map(|(k, c)| (toks[c.start].folded.to_string(), k))
        .collect();
    if !org_acronyms.is_empty() {
        for k in 0..n {
            let c = &cands[k];
            if c.label == EntityType::ORG
                || c.end - c.start < 2
                || c.strength > STRENGTH_LEXICON
                || !c.hits.is_empty()
            {
                continue;
            }
            let words = &toks[c.start..c.end];
            if !words.iter().all(|t| t.is_word() && t.cap) {
                continue;
            }
            let initials: String = words
                .iter()
                .filter_map(|t| t.folded.chars().next())
                .collect();
            if let Some(&a) = org_acronyms.get(&initials) {
                let acronym = toks[cands[a].start].text.to_string();
                let c = &mut cands[k];
                c.label = EntityType::ORG;
                c.strength = STRENGTH_CUE;
                c.weak = false;
                c.evidence
                    .push(format!("its initials spell the organisation \"{acronym}\""));
                clusters.union(a, k);
            }
        }
    }

    // A single word repeating the last word of an earlier multi-word person is that person.
    let mut surnames: HashMap<String, usize> = HashMap::default();
    for (k, c) in cands.iter().enumerate() {
        if c.label == EntityType::PER && c.end - c.start > 1 {
            surnames.entry(skeleton(toks[c.end - 1].text)).or_insert(k);
        }
    }
    for k in 0..n {
        let c = &cands[k];
        // a single-word place match yields to a person of the document ("Amadou Ba" … "Ba"),
        // but a country never does
        let place_only = c
            .hits
            .iter()
            .all(|h| h.label == EntityType::LOC && h.link.kb != "country");
        if c.end != c.start + 1 || (c.strength > STRENGTH_CUE && !place_only) {
            continue;
        }
        if let Some(&full) = surnames.get(&skeleton(toks[c.start].text)) {
            // an acronym shares its consonants with a surname only by chance ("CREE" and
            // "Coura"): it is that surname only written the same, shouted
            if toks[c.start].all_caps && toks[c.start].folded != toks[cands[full].end - 1].folded {
                continue;
            }
            // a place the reference knows yields only to the very surname, not to one
            // sharing its consonants ("Yaoundé" is not "Ewondo"), nor to a name ending in
            // "de" and that place ("l'hôpital Prince Régent Charles de Bujumbura" names the
            // town after the person: "Bujumbura" alone stays the town)
            let full_end = cands[full].end;
            let after_de =
                full_end >= 2 && matches!(&*toks[full_end - 2].folded, "de" | "d'" | "du");
            if place_only
                && !c.hits.is_empty()
                && (after_de || toks[c.start].folded != toks[full_end - 1].folded)
            {
                continue;
            }
            let name = surface(toks, &cands[full], text).to_string();
            let c = &mut cands[k];
            c.label = EntityType::PER;
            c.strength = STRENGTH_CUE;
            c.weak = false;
            c.hits.clear();
            c.evidence.push(format!("surname of \"{name}\""));
            clusters.union(full, k);
        }
    }

    // "le Dr Tedros" makes the earlier untyped "Tedros Adhanom Ghebreyesus" a person too.
    let cued_people: HashMap<String, usize> = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.label == EntityType::PER && c.strength >= STRENGTH_CUE && c.end == c.start + 1
        })
        .map(|(k, c)| (toks[c.start].folded.to_string(), k))
        .collect();
    for (k, c) in cands.iter_mut().enumerate() {
        if c.end - c.start < 2 || c.strength > STRENGTH_DEFAULT || !c.hits.is_empty() {
            continue;
        }
        let person = cued_people
            .get(&*toks[c.start].folded)
            .or_else(|| cued_people.get(&*toks[c.end - 1].folded))
            .copied();
        if let Some(p) = person {
            c.label = EntityType::PER;
            c.strength = STRENGTH_CUE;
            c.evidence
                .push("a word of it is a person elsewhere in the document".to_string());
            clusters.union(k, p);
        }
    }

    // Coordinated names share their type: "Désiré Doué, Khvicha Kvaratskhelia et Senny Mayulu".
    for k in 0..n.saturating_sub(1) {
        let (a, b) = (&cands[k], &cands[k + 1]);
        let linked = b.start == a.end + 1 && matches!(toks[a.end].text, "," | "et" | "ou");
        if !linked || a.label == b.label {
            continue;
        }
        let (strong, weak) = if a.strength > STRENGTH_DEFAULT && b.strength == STRENGTH_DEFAULT {
            (k, k + 1)
        } else if b.strength > STRENGTH_DEFAULT && a.strength == STRENGTH_DEFAULT {
            (k + 1, k)
        } else {
            continue;
        };
        // "le gouverneur du Hiraan, Abdirahman Nur Gedi": a name after "de" before the comma
        // is the complement of a title, whose holder the apposition names
        let complement_before_apposition = weak < strong
            && toks[a.end].text == ","
            && cands[weak].start > 0
            && matches!(
                &*toks[cands[weak].start - 1].folded,
                "de" | "du" | "d'" | "des" | "la" | "l'"
            );
        if cands[strong].label == EntityType::PER
            && cands[weak].hits.is_empty()
            && !complement_before_apposition
        {
            cands[weak].label = EntityType::PER;
            cands[weak]
                .evidence
                .push("coordinated with a person".to_string());
        }
    }
    // propagate forward along longer enumerations once more, but not from a name typed a
    // person only for want of another cue to a single word where places are listed: "des
    // quartiers comme Kalaban Coura et Sogoniko" (persons are listed by their full names)
    // linked[k]: mentions k - 1 and k are coordinated
    let linked: Vec<bool> = (0..n)
        .map(|k| {
            k > 0 && {
                let (a, b) = (&cands[k - 1], &cands[k]);
                b.start == a.end + 1 && matches!(toks[a.end].text, "," | "et" | "ou")
            }
        })
        .collect();
    // a person by a cue or a lexicon, or listed with one ("Sylvie Marchand, Kolo Tarvinek et
    // …"): such a list is of persons
    let mut vouched: Vec<bool> = cands
        .iter()
        .map(|c| {
            c.label == EntityType::PER
                && (c.strength > STRENGTH_DEFAULT || c.rule != RULE_DEFAULT_PERSON_UNKNOWN)
        })
        .collect();
    for k in 1..n {
        if linked[k] && cands[k].label == EntityType::PER && vouched[k - 1] {
            vouched[k] = true;
        }
    }
    for k in (1..n).rev() {
        if linked[k] && cands[k - 1].label == EntityType::PER && vouched[k] {
            vouched[k - 1] = true;
        }
    }
    for k in 1..n {
        let (a, b) = (&cands[k - 1], &cands[k]);
        let guessed = !vouched[k - 1]
            && a.start > 0
            && PLACE_PAIR_OPENERS.contains(&&*toks[a.start - 1].folded);
        if linked[k]
            && a.label == EntityType::PER
            && !(guessed && b.end == b.start + 1)
            && b.strength == STRENGTH_DEFAULT
            && b.hits.is_empty()
        {
            cands[k].label = EntityType::PER;
        }
    }
    // "entre Kani Rash et Sheladiz", "comme Kalaban Coura et Sogoniko": an unknown name of
    // several words typed a person only by default, coordinated with a single unknown word
    // typed a place by default or a place named with a cue, is a place too
    for k in 0..n.saturating_sub(1) {
        if !linked[k + 1] {
            continue;
        }
        let (a, b) = (&cands[k], &cands[k + 1]);
        let guessed = |j: usize| {
            let c = &cands[j];
            c.label == EntityType::PER
                && !vouched[j]
                && c.strength == STRENGTH_DEFAULT
                && c.hits.is_empty()
        };
        let place = |c: &Cand| {
            c.label == EntityType::LOC
                && (c.strength >= STRENGTH_CUE || (c.end == c.start + 1 && c.hits.is_empty()))
        };
        // the pair where places are named: after "entre", "comme", "dont", a preposition
        // ("Kolo Tarvinek et Brunel ont signé" stays two persons)
        let opened = a.start > 0 && PLACE_PAIR_OPENERS.contains(&&*toks[a.start - 1].folded);
        if !opened {
            continue;
        }
        let target = if guessed(k) && place(b) {
            k
        } else if guessed(k + 1) && place(a) {
            k + 1
        } else {
            continue;
        };
        cands[target].label = EntityType::LOC;
        cands[target]
            .evidence
            .push("coordinated with a place".to_string());
    }

    // One sense per document: mentions with the same folded name share the strongest type.
    // (Folded, not skeleton: "Homs" and "Hamas" share a skeleton.)
    // "le fleuve Lualaba" is the river, not the province the document also names Lualaba:
    // its own entry (looked up with its noun, "fleuve Niger") or none, and a name of its own
    let mut river = vec![false; n];
    for (k, c) in cands.iter_mut().enumerate() {
        if c.label != EntityType::LOC || c.start == 0 {
            continue;
        }
        let cued = matches!(
            feature_word_before(text, toks[c.start].span.start),
            Some(FeatureWord::River(_))
        );
        if !cued {
            continue;
        }
        river[k] = true;
        let phrase = format!("{} {}", toks[c.start - 1].text, surface(toks, c, text));
        let is_river = |h: &Candidate| h.kind == Some(PlaceKind::River);
        c.hits.retain(is_river);
        if c.hits.is_empty() {
            c.hits = kb
                .candidates(&phrase)
                .into_iter()
                .filter(is_river)
                .collect();
        }
        c.evidence.push("a river noun before the name".to_string());
    }
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::default();
    for (k, c) in cands.iter().enumerate() {
        let name = crate::normalize::fold(surface(toks, c, text));
        let name = if river[k] {
            format!("river {name}")
        } else {
            name
        };
        by_name.entry(name).or_default().push(k);
    }
    for group in by_name.values() {
        let best = *group
            .iter()
            .max_by_key(|&&k| (cands[k].strength, std::cmp::Reverse(k)))
            .unwrap_or(&group[0]);
        let (label, strength) = (cands[best].label, cands[best].strength);
        let hits = cands[best].hits.clone();
        for &k in group {
            clusters.union(best, k);
            let c = &mut cands[k];
            if c.label != label && c.strength < strength {
                c.evidence.push(format!(
                    "type {} overridden by a stronger mention",
                    c.label.as_str()
                ));
                c.label = label;
            }
            if c.hits.is_empty() && !hits.is_empty() {
                c.hits = hits.clone();
            }
        }
    }

    // Confirm sentence-initial guesses: the word must also appear capitalised mid-sentence.
    // A word also written in lowercase in the document is a common word ("Situé", "Hier").
    let mut confirmed: HashSet<&str> = HashSet::default();
    let mut lowercase: HashSet<&str> = HashSet::default();
    for t in toks {
        if t.cap && !t.initial {
            confirmed.insert(t.folded.as_ref());
        } else if !t.cap && t.is_word() {
            lowercase.insert(t.folded.as_ref());
        }
    }
    let mut keep = vec![true; n];
    // The latest multi-word organisation before each mention, by its first word (kept up
    // to date as the loop goes, rather than looked for backwards from every short form).
    let mut long_orgs: HashMap<&str, usize> = HashMap::default();
    for k in 0..n {
        let word = toks[cands[k].start].folded.as_ref();
        if k > 0 {
            let o = k - 1;
            if cands[o].label == EntityType::ORG && cands[o].end - cands[o].start > 1 {
                long_orgs.insert(toks[cands[o].start].folded.as_ref(), o);
            }
        }
        if cands[k].rule == RULE_SHORT_FORM {
            // "le Conseil" after "le Conseil constitutionnel": the same organisation
            let long = long_orgs.get(word).copied();
            match long {
                Some(o) => {
                    clusters.union(o, k);
                    let name = surface(toks, &cands[o], text).to_string();
                    cands[k].evidence.push(format!("short form of \"{name}\""));
                }
                None => keep[k] = false,
            }
            continue;
        }
        if cands[k].weak && (!confirmed.contains(word) || lowercase.contains(word)) {
            keep[k] = false;
        }
        if common_word_opening(toks, &cands[k], &lowercase) {
            keep[k] = false;
        }
    }

    // Choose entries with the document's countries as context.
    let mut countries = document_countries(toks, text, &cands, nationalities);
    countries_in_names(kb, toks, text, &cands, &mut countries);
    implicit_countries(toks, text, &cands, &mut countries);
    let main_country = countries
        .iter()
        .filter(|(_, &w)| w >= 2)
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(k, _)| k.clone());
    // Countries of the places with a single reference entry, however small.
    let mut local: HashSet<String> = HashSet::default();
    for c in cands.iter() {
        if let [only] = c.hits.as_slice() {
            if only.label == EntityType::LOC && only.kind == Some(PlaceKind::City) {
                if let Some(country) = &only.country {
                    local.insert(country.clone());
                }
            }
        }
    }
    // What each name adds to the document's countries by itself (a sizeable place with one
    // entry vouches for its own country).
    let mut own_support: HashMap<String, u32> = HashMap::default();
    for c in cands.iter() {
        if let [only] = c.hits.as_slice() {
            if only.link.kb != "country" && only.population >= TRUSTED_PLACE_POPULATION {
                *own_support
                    .entry(crate::normalize::fold(surface(toks, c, text)))
                    .or_default() += 2;
            }
        }
    }
    // Countries of the places named in each sentence, by their first reference entry.
    let mut sentence_countries: HashMap<usize, Vec<String>> = HashMap::default();
    for c in cands.iter() {
        if let Some(country) = c
            .hits
            .first()
            .filter(|h| h.label == EntityType::LOC)
            .and_then(|h| h.country.clone())
        {
            sentence_countries
                .entry(toks[c.start].sent)
                .or_default()
                .push(country);
        }
    }
    let mut chosen: Vec<Option<Candidate>> = Vec::with_capacity(n);
    for c in cands.iter_mut() {
        let marked = c.hits.iter().any(|h| h.state) && names_a_country(kb, toks, c);
        let name = crate::normalize::fold(surface(toks, c, text));
        let (mut entry, mut rejected) = choose(kb, c, &name, &countries, &local, marked);
        if let Some(e) = &entry {
            let beside = sentence_countries
                .get(&toks[c.start].sent)
                .map(Vec::as_slice)
                .unwrap_or_default();
            if let Some(why) = alias_abroad(e, &name, &countries, &own_support, beside) {
                rejected.push(why);
                entry = None;
            }
        }
        c.evidence.extend(rejected);
        if entry.is_none() && c.label == EntityType::ORG {
            if let Some((e, why)) = institution_in_context(kb, toks, text, c, &main_country) {
                c.evidence.push(why);
                entry = Some(e);
            }
        }
        if let Some(e) = &entry {
            if c.label != e.label {
                c.evidence.push(format!(
                    "type {} from the reference entry",
                    e.label.as_str()
                ));
                c.label = e.label;
            }
        }
        chosen.push(entry);
    }

    // Entity key: the reference id when linked, else the skeleton of the cluster's longest name.
    let mut longest: HashMap<usize, usize> = HashMap::default();
    for k in 0..n {
        let root = clusters.find(k);
        let entry = longest.entry(root).or_insert(k);
        let cur = surface(toks, &cands[*entry], text).len();
        if surface(toks, &cands[k], text).len() > cur {
            *entry = k;
        }
    }
    let mut cluster_link: HashMap<usize, Candidate> = HashMap::default();
    for (k, entry) in chosen.iter().enumerate() {
        if let Some(e) = entry {
            cluster_link
                .entry(clusters.find(k))
                .or_insert_with(|| e.clone());
        }
    }
    let rep_name: HashMap<usize, String> = longest
        .iter()
        .map(|(&root, &k)| {
            let c = &cands[k];
            (root, skeleton(surface(toks, c, text)))
        })
        .collect();
    let mut out = Vec::with_capacity(n);
    for (k, cand) in cands.into_iter().enumerate() {
        if !keep[k] {
            continue;
        }
        let root = clusters.find(k);
        let entry = chosen[k].clone().or_else(|| {
            cluster_link
                .get(&root)
                .filter(|e| e.label == cand.label)
                .cloned()
        });
        let entity = match &entry {
            Some(e) => e.entity_key(),
            // a river keeps apart from an unlinked town or division of its name
            None if river[k] => format!(
                "name:LOC:{}",
                skeleton(&format!("fleuve {}", surface(toks, &cand, text)))
            ),
            None => format!(
                "name:{}:{}",
                cand.label.as_str(),
                rep_name.get(&root).map(String::as_str).unwrap_or("")
            ),
        };
        out.push(Resolved {
            cand,
            chosen: entry,
            entity,
        });
    }
    out
}
