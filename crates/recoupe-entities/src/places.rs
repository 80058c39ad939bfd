//! [`PlaceStage`]: one place per LOC entity, geocoded from the linked reference entry, or
//! from the reference data directly when the entity stage left the mention unlinked.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

use recoupe_kb::{Hit, PlaceRecord, Reference};
use recoupe_model::{
    Document, EntityType, KbLink, Layer, Place, PlaceKind, Provenance, Span, Stage, StageError,
};

use crate::facilities::{
    facility_phrase, feature_word_before, is_compass_word, FacilityKind, FeatureWord,
};
use crate::knowledge::{Candidate, Knowledge, PlaceInfo};
use crate::normalize::fold;
use crate::reference::ReferenceKnowledge;
use crate::PLACE_STAGE;

/// One place per LOC entity of the document, geocoded from the linked reference entry.
pub struct PlaceStage {
    kb: Arc<dyn Knowledge>,
    /// The reference data itself, for what the narrow [`Knowledge`] trait does not offer:
    /// places spanning several countries and transliteration-tolerant lookups of unlinked
    /// mentions. `None` when the stage runs over another [`Knowledge`].
    reference: Option<&'static Reference>,
}

impl PlaceStage {
    /// The stage over the embedded reference data.
    pub fn embedded() -> PlaceStage {
        PlaceStage {
            kb: Arc::new(ReferenceKnowledge::embedded()),
            reference: Some(Reference::embedded()),
        }
    }

    pub fn new(kb: Arc<dyn Knowledge>) -> PlaceStage {
        PlaceStage {
            kb,
            reference: None,
        }
    }

    /// The most populous city of `country` bearing the division's name, or the name after
    /// "Grand" ("Grand Casablanca", "Grand Tunis": the area around the city).
    fn eponymous_city(&self, name: &str, country: Option<&str>) -> Option<Candidate> {
        let country = country?;
        let name = metropolis_of(name).unwrap_or(name);
        self.kb
            .candidates(name)
            .into_iter()
            .filter(|c| c.kind == Some(PlaceKind::City) && c.country.as_deref() == Some(country))
            .max_by_key(|c| c.population)
    }
}

impl PlaceStage {
    /// Whether `place` is linked to a national capital of the reference data.
    fn is_capital(&self, place: &Place) -> bool {
        let (Some(reference), Some(link)) = (self.reference, place.kb.as_ref()) else {
            return false;
        };
        matches!(reference.resolve(link), Some(Hit::Place(p)) if p.feature_code == "PPLC")
    }
}

impl PlaceStage {
    /// The usual English name of a subdivision whose English name takes a word after it
    /// ("Kerman Province", "Deir ez-Zor Governorate", "Odesa Oblast"): the name of its
    /// same-named city when the mention names one (the city's spelling is the usual one:
    /// "Odessa" → "Odesa"), else the division's own English name, then the word. A name
    /// made of a compass word and another name ("North Kivu", "South Darfur") tells the
    /// division from any town already, and English writes it bare.
    fn division_name(&self, place: &PlaceRecord, surface: &str) -> Option<String> {
        let word = place.division_word.as_deref()?;
        let base = match self.eponymous_city(without_article(surface), Some(&place.country)) {
            Some(city) => self.kb.place(&city.link).map(|c| c.name),
            None => None,
        }
        .unwrap_or_else(|| display_name(place));
        if compass_and_name(&base) {
            return None;
        }
        Some(format!("{base} {word}"))
    }
}

impl PlaceStage {
    /// The country of the resolved place nearest to `span` in its sentence (a country, a
    /// division or a town, linked by the entity stage or found by this one: "Kfar X, un
    /// village du caza de Nabatiyé", "Matonge, le quartier d'Ixelles"), if any; the
    /// document's main country `main` when a town or division of its sentence lies there ("les
    /// supporters, à Munich comme au Parc des Princes, … Paris": the visitors' town beside
    /// the stadium says nothing of its country).
    fn sentence_country(
        &self,
        doc: &Document,
        places: &[Place],
        span: Span,
        main: Option<&String>,
    ) -> Option<String> {
        let sentence = doc
            .layers
            .sentences
            .iter()
            .find(|s| s.span.start <= span.start && span.end <= s.span.end)?
            .span;
        doc.layers
            .entities
            .iter()
            .filter(|m| {
                m.label == EntityType::LOC
                    && m.span != span
                    && sentence.start <= m.span.start
                    && m.span.end <= sentence.end
            })
            .filter_map(|m| {
                let place = places.iter().find(|p| p.entity == m.entity)?;
                // a river or a region crossing borders says nothing of the village's
                // country, nor does another place the data lacks
                if !matches!(
                    place.kind,
                    PlaceKind::Country | PlaceKind::Admin | PlaceKind::City
                ) || place.provenance.rule == RULE_UNRESOLVED
                {
                    return None;
                }
                let country = place.country.clone()?;
                // "… d'Al-Hali, un bilan que Washington n'a pas commenté": a foreign capital
                // standing for its government as a verb's subject says where a government
                // sits, not where the place of the sentence lies
                if place.kind == PlaceKind::City
                    && Some(&country) != main
                    && self.is_capital(place)
                    && subject_of_a_verb(&doc.text, m.span.end)
                {
                    return None;
                }
                // "le poste frontalier avec le Burundi": the neighbour across a border is
                // not the country the place lies in
                if place.kind == PlaceKind::Country
                    && Some(&country) != main
                    && neighbour_named_before(&doc.text, m.span.start)
                {
                    return None;
                }
                let distance = if m.span.start >= span.end {
                    m.span.start - span.end
                } else {
                    span.start.saturating_sub(m.span.end)
                };
                // a town or division of the main country, not the country's own name
                // ("près de la frontière avec Israël" says nothing of a Lebanese village)
                let preferred = Some(&country) == main && place.kind != PlaceKind::Country;
                Some((!preferred, distance, country))
            })
            .min_by_key(|(foreign, d, _)| (*foreign, *d))
            .map(|(_, _, c)| c)
    }

    /// A gazetteer town far from every place of the countries the rest of the document names
    /// is a homonym of a place the data lacks ("Kita" in a Malian report is no ward of Tokyo,
    /// "Beni" in a Nepalese one no Congolese town): a link must agree with the country the
    /// document is about, so the town becomes a name without link, which
    /// [`PlaceStage::settle_countries`] then gives that country. Big cities keep their link
    /// (a report names "Washington" or "Lagos" without its country), and so does a town when
    /// nothing else in the document is placed, or when its country is named by another
    /// mention or a nationality.
    fn unlink_distant_towns(&self, doc: &Document, places: &mut [Place]) {
        let Some(reference) = self.reference else {
            return;
        };
        let mut distant = Vec::new();
        for (k, place) in places.iter().enumerate() {
            // "les wilayas de l'Est" in an Algerian report is no region of Burkina Faso: a
            // division named by a compass word is as much a homonym as a small town
            let compass_division = place.kind == PlaceKind::Admin
                && is_compass_word(without_article(doc.slice(place.span)));
            if place.kind != PlaceKind::City && !compass_division {
                continue;
            }
            let (Some(country), Some(lat), Some(lon)) = (&place.country, place.lat, place.lon)
            else {
                continue;
            };
            let Some(Hit::Place(record)) = place.kb.as_ref().and_then(|l| reference.resolve(l))
            else {
                continue;
            };
            // big cities, capitals and towns the world writes in many languages ("Genève",
            // "Gaza") are named alone abroad
            if !compass_division
                && (record.population >= DISTANT_TOWN_MAX_POPULATION
                    || record.feature_code == "PPLC"
                    || record.alt_names.len() >= KNOWN_TOWN_NAMES)
            {
                continue;
            }
            // countries the rest of the document names
            let mut named: Vec<&str> = doc
                .layers
                .nationalities
                .iter()
                .map(|n| n.country.as_str())
                .collect();
            let mut near = false;
            for p in places
                .iter()
                .filter(|p| p.entity != place.entity && p.provenance.rule != RULE_UNRESOLVED)
            {
                if let Some(c) = &p.country {
                    named.push(c.as_str());
                }
                if let (Some(plat), Some(plon)) = (p.lat, p.lon) {
                    near |= recoupe_model::haversine_km(lat, lon, plat, plon) <= DISTANT_TOWN_KM;
                }
            }
            if near || named.is_empty() || named.contains(&country.as_str()) {
                continue;
            }
            let surface = without_article(doc.slice(place.span));
            // a town of that name in a country the document names is the one ("Kita" in a
            // Malian report)
            let homonym = self
                .kb
                .candidates(surface)
                .into_iter()
                .filter(|c| {
                    c.kind == Some(PlaceKind::City)
                        && c.country.as_deref().is_some_and(|c| named.contains(&c))
                })
                .max_by_key(|c| c.population)
                .and_then(|c| Some((c.link.clone(), self.kb.place(&c.link)?)));
            // else a town reached only by another spelling ("Boni" filed under Bonn) is a
            // place the data lacks; a town of a country of French speech written as the
            // mention is written stays: a report on Congo names the Brussels quarter of its
            // diaspora ("Ixelles"), one on Colombia a Quebec university town, as often as a
            // homonym the data lacks
            // (a town of the French-speaking world, that is: a report on a far country
            // names a Congolese town alone only where the data lacks the local one, "Beni"
            // in Nepal)
            if homonym.is_some()
                || compass_division
                || fold(surface) != fold(&record.name)
                || !writes_french(country)
            {
                distant.push((k, homonym));
            }
        }
        for (k, homonym) in distant {
            let place = &mut places[k];
            place.evidence.push(format!(
                "not the town {} [{}]: more than {DISTANT_TOWN_KM} km from every other place \
                 of the document, in a country it names nowhere else",
                place.name,
                place.country.as_deref().unwrap_or("-")
            ));
            match homonym {
                Some((link, info)) => {
                    place.evidence.push(format!(
                        "the town of that name in a country the document names, {}:{}",
                        link.kb, link.id
                    ));
                    place.kb = Some(link);
                    place.name = info.name;
                    place.country = info.country;
                    place.lat = info.lat;
                    place.lon = info.lon;
                }
                None => unresolve(doc, place),
            }
        }
    }

    /// "Rutshuru-centre", "Walikale-centre": the town at the centre of the territory or
    /// commune of its name (Congolese usage), when the data lacks the whole name and knows
    /// the town.
    fn town_centres(&self, doc: &Document, context: &[String], places: &mut [Place]) {
        let Some(reference) = self.reference else {
            return;
        };
        for place in places.iter_mut() {
            if place.provenance.rule != RULE_UNRESOLVED {
                continue;
            }
            let surface = without_article(doc.slice(place.span));
            let Some(base) = ["-centre", "-Centre", " centre", "-center"]
                .iter()
                .find_map(|suffix| surface.strip_suffix(suffix))
                .filter(|b| !b.is_empty())
            else {
                continue;
            };
            let town = self
                .fallback(reference, base, context)
                .map(|(p, _)| p)
                .filter(|p| p.kind == PlaceKind::City)
                .or_else(|| {
                    let city = self.eponymous_city(base, context.first().map(String::as_str))?;
                    match reference.resolve(&city.link) {
                        Some(Hit::Place(p)) => Some(p),
                        _ => None,
                    }
                });
            let Some(town) = town else {
                continue;
            };
            place.evidence.push(format!(
                "the centre of {base}: the town {}",
                display_name(town)
            ));
            place.kb = Some(town.kb_link());
            place.name = display_name(town);
            place.country = country_in_context(town, context);
            place.kind = PlaceKind::City;
            place.lat = town.lat;
            place.lon = town.lon;
            place.provenance = Provenance::new(PLACE_STAGE, "town-centre");
        }
    }

    /// A place found only by the transliteration-tolerant lookup in a country other than the
    /// document's main one is dropped when its sentence places it elsewhere: it names a place
    /// of another country and none of the match's (no place, no nationality): "le village de
    /// Kani Rash, près de Dohouk" in a report on Iraq is no Turkish town whose Kurdish name
    /// sounds alike, though the report names Turkey elsewhere. Unlinked, the place takes the country of its sentence
    /// ([`PlaceStage::settle_countries`]).
    fn unlink_foreign_transliterations(doc: &Document, context: &[String], places: &mut [Place]) {
        let Some(main) = context.first() else {
            return;
        };
        let foreign: Vec<usize> = (0..places.len())
            .filter(|&k| {
                places[k].provenance.rule == RULE_TRANSLITERATION
                    && places[k].country.as_ref().is_some_and(|c| c != main)
            })
            .collect();
        for k in foreign {
            let span = places[k].span;
            let country = places[k].country.clone().unwrap_or_default();
            let Some(sentence) = doc
                .layers
                .sentences
                .iter()
                .find(|s| s.span.start <= span.start && span.end <= s.span.end)
                .map(|s| s.span)
            else {
                continue;
            };
            let inside = |x: Span| sentence.start <= x.start && x.end <= sentence.end;
            let by_nationality = doc
                .layers
                .nationalities
                .iter()
                .any(|n| inside(n.span) && n.country == country);
            // the countries of the other resolved places its sentence names
            let beside: Vec<&str> = places
                .iter()
                .enumerate()
                .filter(|&(j, p)| {
                    j != k
                        && p.provenance.rule != RULE_UNRESOLVED
                        && doc
                            .layers
                            .entities
                            .iter()
                            .any(|m| m.entity == p.entity && m.span != span && inside(m.span))
                })
                .filter_map(|(_, p)| p.country.as_deref())
                .collect();
            // kept when its sentence names its country, or names no other ("… à Nabatiyé"
            // in a report a neighbour's army makes about that neighbour's country: no
            // evidence against the match)
            if by_nationality || beside.contains(&country.as_str()) || beside.is_empty() {
                continue;
            }
            let place = &mut places[k];
            place.evidence.push(format!(
                "not {} [{country}]: found by transliteration in a country its sentence does not \
                 name, the document being about {main}",
                place.name
            ));
            unresolve(doc, place);
        }
    }

    /// Places the reference data lacks, and rivers named by their noun, take the country of
    /// the resolved places of their sentence (those this stage found by transliteration
    /// included), else the country the document names most: no point rather than a wrong one.
    fn settle_countries(&self, doc: &Document, context: &[String], places: &mut [Place]) {
        for k in 0..places.len() {
            let rule = places[k].provenance.rule.as_str();
            let unsettled =
                rule == RULE_UNRESOLVED || (rule == RULE_RIVER && places[k].country.is_none());
            if !unsettled {
                continue;
            }
            let beside = self.sentence_country(doc, places, places[k].span, context.first());
            let place = &mut places[k];
            match (&beside, context.first()) {
                (Some(c), _) => {
                    place
                        .evidence
                        .push(format!("country of the places in its sentence: {c}"));
                    place.country = beside;
                }
                (None, Some(c)) => {
                    place.evidence.push(format!("country of the document: {c}"));
                    place.country = Some(c.clone());
                }
                (None, None) => {}
            }
        }
    }

    /// A quarter ("le quartier de X", "le quartier X", "un faubourg de X") is a part of a
    /// town: of the town named right after it ("…, à Bamako", "d'Ixelles"), else of the town
    /// the document names most in its main country. It takes that town's country and point
    /// (a quarter lies within a few kilometres of its town's centre), rather than the
    /// country of whatever other place its sentence names. A town of the quarter's name far
    /// from the town it is said to be in is a homonym ("le quartier Saint-Michel, à
    /// Montréal" is no Haitian town), and is read as the quarter too; with no town named, a
    /// link is kept.
    fn settle_quarters(doc: &Document, context: &[String], places: &mut [Place]) {
        // most documents name no quarter: the towns are counted only for those that do
        let quarters: Vec<usize> = (0..places.len())
            .filter(|&k| {
                let p = &places[k];
                (p.provenance.rule == RULE_UNRESOLVED || p.kind == PlaceKind::City)
                    && quarter_listed_before(doc, p.span.start, 0)
            })
            .collect();
        if quarters.is_empty() {
            return;
        }
        let towns = main_towns(doc, places);
        let main = context
            .first()
            .and_then(|c| towns.iter().find(|t| &t.country == c));
        let mut settled = Vec::new();
        for k in quarters {
            let place = &places[k];
            let unresolved = place.provenance.rule == RULE_UNRESOLVED;
            let named = town_named_after(doc, places, place.span);
            // with no town named after it, a quarter is in the town the document names most
            // in its main country; a town elsewhere of a name like the quarter's is a homonym
            // ("les quartiers de Kasenga et de Kalundu" in a report on Uvira)
            let town = match (&named, main) {
                (Some(t), _) => t,
                (None, Some(t)) => t,
                _ => continue,
            };
            if !unresolved {
                let near = place.lat.zip(place.lon).is_some_and(|(lat, lon)| {
                    recoupe_model::haversine_km(lat, lon, town.lat, town.lon) <= QUARTER_KM
                });
                if near || town.entity == place.entity {
                    continue;
                }
            }
            settled.push((k, town.clone()));
        }
        for (k, town) in settled {
            let place = &mut places[k];
            if place.provenance.rule != RULE_UNRESOLVED {
                place.evidence.push(format!(
                    "not the town {}: a quarter of {}, {QUARTER_KM} km or more away",
                    place.name, town.name
                ));
                place.kb = None;
                place.name = without_article(doc.slice(place.span)).to_string();
                place.kind = PlaceKind::Other;
            }
            place
                .evidence
                .push(format!("a quarter of the town {}", town.name));
            place.country = Some(town.country.clone());
            place.lat = Some(town.lat);
            place.lon = Some(town.lon);
            place.provenance = Provenance::new(PLACE_STAGE, RULE_QUARTER);
        }
    }

    /// The reference spelling of the town a facility phrase names after "de" ("Zaporijjia"
    /// → "Zaporizhzhia"), with its point.
    fn town(&self, name: &str, context: &[String]) -> Option<PlaceInfo> {
        let reference = self.reference?;
        let (p, _) = self.fallback(reference, name, context)?;
        match p.kind {
            PlaceKind::City => Some(info_of(p, context)),
            PlaceKind::Admin => {
                let city = self.eponymous_city(name, Some(&p.country))?;
                self.kb.place(&city.link)
            }
            _ => None,
        }
    }

    /// Facilities and landforms not known by name to the reference data ("mosquée Lakhmi",
    /// "centrale nucléaire de Zaporijjia", "îles Kerkennah") take their English name
    /// ("Lakhmi Mosque", with the town's reference spelling after "de"); a site with no
    /// point stands at the town it names, else at the town the document names most in its
    /// country (a report on an attack in a mosque is a report on that mosque's town).
    fn name_facilities(&self, doc: &Document, context: &[String], places: &mut [Place]) {
        let main_towns = main_towns(doc, places);
        for place in places.iter_mut() {
            if place
                .kb
                .as_ref()
                .is_some_and(|l| l.kb != recoupe_kb::KB_ACTORS)
            {
                continue;
            }
            let surface = doc.slice(place.span);
            let Some(phrase) = facility_phrase(without_article(surface)) else {
                continue;
            };
            // a valley or islands named after a town ("vallée de Saas") are not at the town
            // "gare du Nord": a point of the compass names no town
            let site = matches!(phrase.kind, FacilityKind::Site | FacilityKind::Border);
            let town = if phrase.after_de && site && !is_compass_word(phrase.name) {
                self.town(phrase.name, context)
            } else {
                None
            };
            // the town's reference spelling, unless a scholarly romanisation the report's
            // own spelling is closer to usual English than ("hôpital de Haditha": not
            // "Ḩadīthah Hospital")
            let name = match &town {
                Some(t) if !romanised_beyond(&t.name, phrase.name) => t.name.as_str(),
                _ => phrase.name,
            };
            if phrase.kind != FacilityKind::Street {
                place.name = phrase.english(name);
            }
            // "le poste-frontière de Beitbridge" in a South African report: a crossing lies on
            // both sides of its border, its town on one; the report means its own side
            if phrase.kind == FacilityKind::Border {
                if let Some(main) = context.first() {
                    if place.country.as_ref().is_some_and(|c| c != main) {
                        place.evidence.push(format!(
                            "a border crossing, on the side of the document's country {main}"
                        ));
                        place.country = Some(main.clone());
                    }
                }
            }
            if (site || phrase.kind == FacilityKind::Street) && place.lat.is_none() {
                let point = match &town {
                    Some(t) => t.lat.zip(t.lon),
                    None => main_towns
                        .iter()
                        .find(|t| Some(&t.country) == place.country.as_ref())
                        .map(|t| (t.lat, t.lon)),
                };
                if let Some((lat, lon)) = point {
                    place.lat = Some(lat);
                    place.lon = Some(lon);
                    place.evidence.push(match &town {
                        Some(t) => format!("point of the town it names, {}", t.name),
                        None => "point of the town the document names most".to_string(),
                    });
                }
            }
        }
    }
}

/// English words of first-level divisions: after "province de", "la wilaya de", the
/// division may be filed under another spelling than the town ("Bassora" the town, "Basra"
/// the governorate).
const FIRST_LEVEL_WORDS: &[&str] = &["Province", "Region", "Governorate", "Oblast"];

/// English words of divisions whose name after their noun is the division's own, also
/// where the reference data lacks it ("la province de Karnali": "Karnali Province").
const NAMED_DIVISION_WORDS: &[&str] = &["Province", "Governorate"];

/// English words of divisions named after their seat town, which English names with the
/// word ("Kherrata District").
const SEAT_NAMED_WORDS: &[&str] = &["District", "Territory", "Cercle", "County"];

impl PlaceStage {
    /// "le district de Macomia" where the reference data knows only the town Macomia: the
    /// place is the division, named in English with the noun's word ("Macomia District"), at
    /// the town's point (a division's usual point is its seat); a first-level division
    /// filed under another spelling of the town's name is that division ("la province de
    /// Bassora": Basra Governorate). As for every place, its first mention says what it is:
    /// "Husaybah …, dans le district d'al-Qaïm" (one reference entry under two names) stays
    /// the town. A name the data lacks after a division noun ("la daïra de X") is that
    /// division, without a point.
    fn name_divisions(&self, doc: &Document, places: &mut [Place]) {
        for place in places.iter_mut() {
            let unresolved = place.provenance.rule == RULE_UNRESOLVED;
            if place.kind == PlaceKind::Admin {
                self.retype_division(doc, place);
                continue;
            }
            if place.kind != PlaceKind::City && !unresolved {
                continue;
            }
            if unresolved {
                let Some(word) = lacking_division_word(doc, &place.entity) else {
                    continue;
                };
                let surface = without_article(doc.slice(place.span));
                place
                    .evidence
                    .push("a division noun before a name the data lacks".to_string());
                place.name = format!("{surface} {word}");
                place.kind = PlaceKind::Admin;
                place.provenance = Provenance::new(PLACE_STAGE, RULE_DIVISION);
                continue;
            }
            let Some(FeatureWord::Division(word)) =
                feature_word_before(&doc.text, place.span.start)
            else {
                continue;
            };
            if FIRST_LEVEL_WORDS.contains(&word) {
                if let Some(division) = self.division_of_town(doc.slice(place.span), place) {
                    place.evidence.push(format!(
                        "a division noun before the name: the division {}",
                        division.name
                    ));
                    place.kb = Some(division.kb_link());
                    place.name = format!(
                        "{} {}",
                        display_name(division),
                        division.division_word.as_deref().unwrap_or(word)
                    );
                    place.kind = PlaceKind::Admin;
                    if let (Some(lat), Some(lon)) = (division.lat, division.lon) {
                        place.lat = Some(lat);
                        place.lon = Some(lon);
                    }
                    place.provenance = Provenance::new(PLACE_STAGE, RULE_DIVISION);
                    continue;
                }
            }
            // "les régions d'Androy, d'Anosy": a village the transliteration-tolerant lookup
            // found for a name after a division noun is no answer; the division is one the
            // data lacks
            if place.provenance.rule == RULE_TRANSLITERATION {
                let surface = without_article(doc.slice(place.span));
                place.evidence.push(format!(
                    "a division noun before the name: not the town {} found by transliteration",
                    place.name
                ));
                place.kb = None;
                place.name = format!("{surface} {word}");
                place.kind = PlaceKind::Admin;
                place.lat = None;
                place.lon = None;
                place.provenance = Provenance::new(PLACE_STAGE, RULE_DIVISION);
                continue;
            }
            // "la région de X" where no region bears the name is the area around the town
            if word == "Region" {
                continue;
            }
            place.evidence.push(format!(
                "a division noun before the name, the data knowing only the town {}",
                place.name
            ));
            place.name = format!("{} {word}", place.name);
            place.kind = PlaceKind::Admin;
            place.provenance = Provenance::new(PLACE_STAGE, RULE_DIVISION);
        }
    }

    /// "la préfecture de Kindia" linked to the region of that name: where divisions of two
    /// levels share a name in one country, the one of the kind its noun says (the noun's
    /// English word is the division's word).
    fn retype_division(&self, doc: &Document, place: &mut Place) {
        let Some(reference) = self.reference else {
            return;
        };
        let Some(Hit::Place(record)) = place.kb.as_ref().and_then(|l| reference.resolve(l)) else {
            return;
        };
        if record.subdivision.is_none() {
            return;
        }
        let word = match feature_word_before(&doc.text, place.span.start) {
            Some(FeatureWord::Division(word) | FeatureWord::LackingDivision(word)) => word,
            _ => return,
        };
        if record.division_word.as_deref() == Some(word) {
            return;
        }
        let surface = without_article(doc.slice(place.span));
        let Some(other) = reference.places_by_name(surface).into_iter().find(|p| {
            p.subdivision.is_some()
                && p.country == record.country
                && p.division_word.as_deref() == Some(word)
        }) else {
            return;
        };
        place.evidence.push(format!(
            "the noun before the name names a {word}: not {}",
            place.name
        ));
        place.kb = Some(other.kb_link());
        place.name = self
            .division_name(other, surface)
            .unwrap_or_else(|| display_name(other));
        place.lat = other.lat;
        place.lon = other.lon;
        place.provenance = Provenance::new(PLACE_STAGE, RULE_DIVISION);
    }

    /// A town named first as the town ("au sud-ouest de Kirkouk") and later after a
    /// first-level division noun ("dans la province de Kirkouk") names two places: the later
    /// mention is the division (its own place, at that mention's span), as the first
    /// mention's reading stays the town's. The entity keeps one key: the name is one, the
    /// places it stands for two.
    fn division_mentions(&self, doc: &Document, places: &mut Vec<Place>) {
        let mut added: Vec<Place> = Vec::new();
        for m in &doc.layers.entities {
            if m.label != EntityType::LOC || added.iter().any(|p| p.entity == m.entity) {
                continue;
            }
            let Some(town) = places.iter().find(|p| p.entity == m.entity) else {
                continue;
            };
            if town.span != m.span && town.kind == PlaceKind::Admin {
                if let Some(city) = self.town_of_division_mention(doc, m.span, town) {
                    added.push(city);
                }
                continue;
            }
            if town.span == m.span
                || town.kind != PlaceKind::City
                || town.provenance.rule == RULE_UNRESOLVED
            {
                continue;
            }
            let Some(FeatureWord::Division(word)) = feature_word_before(&doc.text, m.span.start)
            else {
                continue;
            };
            if SEAT_NAMED_WORDS.contains(&word) {
                // "près de Mocímboa da Praia … dans le district de Mocímboa da Praia": the
                // district named after its seat, at the seat's point
                added.push(Place {
                    span: m.span,
                    entity: m.entity.clone(),
                    // the seat's entry: the data has none of the division's own
                    kb: town.kb.clone(),
                    name: format!("{} {word}", town.name),
                    country: town.country.clone(),
                    kind: PlaceKind::Admin,
                    lat: town.lat,
                    lon: town.lon,
                    provenance: Provenance::new(PLACE_STAGE, RULE_DIVISION),
                    evidence: vec![
                        format!("from entity {}", m.entity),
                        format!(
                            "a division noun before a later mention of the town {}: the \
                             division named after it",
                            town.name
                        ),
                    ],
                });
                continue;
            }
            if !FIRST_LEVEL_WORDS.contains(&word) {
                continue;
            }
            let Some(division) = self.division_of_town(doc.slice(m.span), town) else {
                continue;
            };
            added.push(Place {
                span: m.span,
                entity: m.entity.clone(),
                kb: Some(division.kb_link()),
                name: format!(
                    "{} {}",
                    display_name(division),
                    division.division_word.as_deref().unwrap_or(word)
                ),
                country: town.country.clone(),
                kind: PlaceKind::Admin,
                lat: division
                    .lat
                    .and(division.lon)
                    .and(division.lat)
                    .or(town.lat),
                lon: division.lat.and(division.lon).or(town.lon),
                provenance: Provenance::new(PLACE_STAGE, RULE_DIVISION),
                evidence: vec![
                    format!("from entity {}", m.entity),
                    format!(
                        "a division noun before a later mention of the town {}: the division {}",
                        town.name, division.name
                    ),
                ],
            });
        }
        places.extend(added);
    }

    /// The reverse of [`PlaceStage::division_mentions`]: a division named first ("la province
    /// de X") and later as a town ("la ville de X", "à X", "X-ville") — the later mention is
    /// the division's same-named town, more than [`TOWN_OF_DIVISION_KM`] from the division's
    /// point, a place of its own at that span.
    fn town_of_division_mention(
        &self,
        doc: &Document,
        span: Span,
        division: &Place,
    ) -> Option<Place> {
        let before = doc.text.get(..span.start)?;
        let cue = TOWN_CUES.iter().find(|c| {
            before.len() >= c.len()
                && before.is_char_boundary(before.len() - c.len())
                && before[before.len() - c.len()..].eq_ignore_ascii_case(c)
        })?;
        let surface = without_article(doc.slice(span));
        let city = self.eponymous_city(surface, division.country.as_deref())?;
        let info = self.kb.place(&city.link)?;
        let (lat, lon) = (info.lat?, info.lon?);
        if let (Some(dlat), Some(dlon)) = (division.lat, division.lon) {
            if recoupe_model::haversine_km(lat, lon, dlat, dlon) <= TOWN_OF_DIVISION_KM {
                return None;
            }
        }
        Some(Place {
            span,
            entity: division.entity.clone(),
            kb: Some(city.link.clone()),
            name: info.name,
            country: info.country,
            kind: PlaceKind::City,
            lat: Some(lat),
            lon: Some(lon),
            provenance: Provenance::new(PLACE_STAGE, RULE_TOWN_OF_DIVISION),
            evidence: vec![
                format!("from entity {}", division.entity),
                format!(
                    "\"{}\" before a later mention of the division {}: its town",
                    cue.trim(),
                    division.name
                ),
            ],
        })
    }

    /// The subdivision of the town's country written like the mention or the town's own
    /// name, transliteration aside ("Bassora", "Basrah" → the governorate "Basra").
    fn division_of_town(&self, surface: &str, town: &Place) -> Option<&'static PlaceRecord> {
        let reference = self.reference?;
        let country = town.country.as_deref()?;
        [without_article(surface), town.name.as_str()]
            .into_iter()
            .find_map(|name| {
                reference
                    .loose_places(name, &[country])
                    .into_iter()
                    .find(|p| p.subdivision.is_some() && p.kind == PlaceKind::Admin)
            })
    }
}

/// The division noun before a mention of a name the data lacks that says which division it
/// is, its English word: the first mention's, else a later one's ("le séisme de Kherrata …
/// la daïra de Kherrata"). A district is named after its seat ("la daïra de X", "le cercle
/// de X"), a province, governorate or prefecture the data lacks bears the name it is given
/// ("la province de Karnali", "la préfecture de l'Oti"); a region or department may bear a
/// name of its own that English writes bare ("le département du Wouri": Wouri; "la région
/// du Catatumbo": an area), and "la région de X" is as often the area around the town X.
fn lacking_division_word(doc: &Document, entity: &str) -> Option<&'static str> {
    doc.layers
        .entities
        .iter()
        .filter(|m| m.label == EntityType::LOC && m.entity == entity)
        .find_map(|m| {
            let (word, lacking) = match feature_word_before(&doc.text, m.span.start)? {
                FeatureWord::Division(word) => (word, false),
                FeatureWord::LackingDivision(word) => (word, true),
                _ => return None,
            };
            (lacking || SEAT_NAMED_WORDS.contains(&word) || NAMED_DIVISION_WORDS.contains(&word))
                .then_some(word)
        })
}

/// The town the document names most often in a country (the first named among equals).
#[derive(Clone)]
struct MainTown {
    country: String,
    entity: String,
    name: String,
    lat: f64,
    lon: f64,
}

/// For each country, the town the document names most often (the first named among equals).
fn main_towns(doc: &Document, places: &[Place]) -> Vec<MainTown> {
    let mut mentions: HashMap<&str, usize> = HashMap::default();
    for m in &doc.layers.entities {
        if m.label == EntityType::LOC {
            *mentions.entry(m.entity.as_str()).or_default() += 1;
        }
    }
    let mut best: Vec<(MainTown, usize)> = Vec::new();
    for p in places {
        let Some(town) = town_of(p) else {
            continue;
        };
        let n = mentions.get(p.entity.as_str()).copied().unwrap_or(0);
        match best.iter_mut().find(|b| b.0.country == town.country) {
            Some(b) if b.1 >= n => {}
            Some(b) => *b = (town, n),
            None => best.push((town, n)),
        }
    }
    best.into_iter().map(|(t, _)| t).collect()
}

/// A resolved town with its country and point, as a [`MainTown`].
fn town_of(p: &Place) -> Option<MainTown> {
    let (Some(country), Some(lat), Some(lon)) = (&p.country, p.lat, p.lon) else {
        return None;
    };
    (p.kind == PlaceKind::City && p.provenance.rule != RULE_QUARTER).then(|| MainTown {
        country: country.clone(),
        entity: p.entity.clone(),
        name: p.name.clone(),
        lat,
        lon,
    })
}

/// A town farther than this from every other place of the document, in a country the
/// document names nowhere else, is a homonym of a place the data lacks.
const DISTANT_TOWN_KM: f64 = 1000.0;

/// Cities this populous are named alone abroad ("Lagos", "Chicago"): never unlinked for
/// their distance.
const DISTANT_TOWN_MAX_POPULATION: u64 = 1_000_000;

/// A town with this many alternate names in the reference data is written about in many
/// languages: known well enough to be named alone abroad.
const KNOWN_TOWN_NAMES: usize = 10;

/// Beyond this distance a town of a quarter's name is not in the town the quarter is said
/// to be in (a city's quarters lie within some 20 km of its centre).
const QUARTER_KM: f64 = 30.0;

/// Nouns of a part of a town, before the part's name.
const QUARTER_NOUNS: &[&str] = &["quartier", "quartiers", "faubourg", "faubourgs"];

/// Whether a quarter noun stands right before the mention at `start`: directly ("le
/// quartier Saint-Michel") or before its "de" ("le quartier de Kipé", "d'Achrafieh").
fn quarter_noun_before(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let mut rest = before.trim_end();
    if let Some(r) = ["d'", "d’"].iter().find_map(|e| rest.strip_suffix(e)) {
        rest = r;
    } else if let Some(r) = [" de", " du", " des"]
        .iter()
        .find_map(|e| rest.strip_suffix(e))
    {
        rest = r;
    }
    let last = rest
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '\'' | '’' | '(' | ','))
        .next()
        .unwrap_or("");
    QUARTER_NOUNS.contains(&last)
}

/// Whether a quarter noun stands before the mention at `start`, directly ("le quartier de
/// Kipé"), before the first name of an enumeration the mention closes ("les quartiers de
/// Koko, de Kasenga et de Kalundu"), or before "comme" opening it ("dans certains quartiers,
/// comme X ou Y").
fn quarter_listed_before(doc: &Document, start: usize, depth: u8) -> bool {
    let text = &doc.text;
    if quarter_noun_before(text, start) {
        return true;
    }
    let Some(before) = text.get(..start) else {
        return false;
    };
    let before = before.trim_end();
    if let Some(rest) = before.strip_suffix("comme") {
        // the quarter noun a few words before "comme" ("quartiers de la rive droite, comme")
        return rest.ends_with([' ', ',']) && {
            rest.trim_end_matches([' ', ','])
                .rsplit(|c: char| c.is_whitespace() || matches!(c, '\'' | '’' | ','))
                .take(QUARTER_COMME_REACH)
                .any(|w| QUARTER_NOUNS.contains(&w))
        };
    }
    if depth >= QUARTER_LIST_DEPTH {
        return false;
    }
    // back over the connector to the name before it
    let rest = [
        " et de", " et d'", " et d’", " ou de", " et", " ou", ", de", ", d'", ",",
    ]
    .iter()
    .find_map(|c| before.strip_suffix(c))
    .map(str::trim_end);
    let Some(rest) = rest else {
        return false;
    };
    doc.layers
        .entities
        .iter()
        .find(|m| m.span.end == rest.len())
        .is_some_and(|m| quarter_listed_before(doc, m.span.start, depth + 1))
}

/// How many names back an enumeration of quarters is read.
const QUARTER_LIST_DEPTH: u8 = 6;

/// How many words before "comme" a quarter noun may stand.
const QUARTER_COMME_REACH: usize = 6;

/// The resolved town named right after the mention at `span`, joined to it by "à", "de" or
/// "dans" ("le quartier de Niaréla, à Bamako", "le quartier Matonge d'Ixelles").
fn town_named_after(doc: &Document, places: &[Place], span: Span) -> Option<MainTown> {
    let m = doc
        .layers
        .entities
        .iter()
        .find(|m| m.label == EntityType::LOC && m.span.start >= span.end)?;
    let between = doc.text.get(span.end..m.span.start)?;
    let between = between.trim_start_matches([',', ' ']);
    let joined = ["à ", "de ", "d'", "d’", "dans "]
        .iter()
        .any(|j| between.strip_prefix(j).is_some_and(|r| r.trim().is_empty()));
    if !joined {
        return None;
    }
    places
        .iter()
        .find(|p| p.entity == m.entity)
        .and_then(town_of)
}

/// The city of a metropolitan area named "Grand X" / "Grand-X" / "Greater X".
fn metropolis_of(name: &str) -> Option<&str> {
    ["Grand ", "Grand-", "Greater "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .filter(|rest| rest.chars().next().is_some_and(char::is_uppercase))
}

/// Countries the document's places and nationalities point to, most frequent first (every
/// mention counts: "Dakar" named twice outweighs "Madagascar" named once); among equals, the
/// one more of its places name (an Ivorian player's nationality does not outweigh the French
/// town the report is about).
fn context_countries(doc: &Document, kb: &dyn Knowledge) -> Vec<String> {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::default();
    let mut seen: HashSet<&str> = HashSet::default();
    for m in &doc.layers.entities {
        if m.label != EntityType::LOC {
            continue;
        }
        if let Some(country) =
            m.kb.as_ref()
                .and_then(|l| kb.place(l))
                .and_then(|p| p.country)
        {
            let c = counts.entry(country).or_default();
            c.0 += 2;
            c.1 += u32::from(seen.insert(m.entity.as_str()));
        }
    }
    for n in &doc.layers.nationalities {
        counts.entry(n.country.clone()).or_default().0 += 1;
    }
    // "Colombie : … signent un cessez-le-feu à La Havane": a headline opening with a country
    // and a colon says which country the report is about, whatever other country its
    // dateline or its events name as often
    if let Some(country) = headline_country(doc, kb) {
        counts.entry(country).or_default().0 += HEADLINE_COUNTRY_WEIGHT;
    }
    let mut ranked: Vec<(String, (u32, u32))> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let ranked: Vec<String> = ranked.into_iter().map(|(c, _)| c).collect();
    if ranked.is_empty() {
        // a short dispatch may name its country only inside an organisation's name ("la
        // Mission des Nations unies au Soudan du Sud"): its villages are of that country
        return countries_in_org_names(doc, kb);
    }
    ranked
}

/// What a headline's opening country weighs among the document's mentions (each counts 2).
const HEADLINE_COUNTRY_WEIGHT: u32 = 8;

/// The country a headline opens with before a colon ("Colombie : …", "Mozambique: …").
fn headline_country(doc: &Document, kb: &dyn Knowledge) -> Option<String> {
    let first = doc
        .layers
        .entities
        .iter()
        .find(|m| m.label == EntityType::LOC)?;
    // the mention opens the text (after spaces) and only spaces lie between it and the colon
    if !doc.text.get(..first.span.start)?.trim().is_empty()
        || !doc
            .text
            .get(first.span.end..)?
            .trim_start()
            .starts_with(':')
    {
        return None;
    }
    let place = kb.place(first.kb.as_ref()?)?;
    (place.kind == PlaceKind::Country)
        .then_some(place.country)
        .flatten()
}

/// Links of French phrases that open the complement of an organisation's name ("… au
/// Soudan du Sud", "… d'Haïti", "… de la République centrafricaine").
const ORG_COMPLEMENTS: &[&str] = &[
    " au ", " aux ", " en ", " du ", " des ", " de la ", " de l'", " de l’", " de ", " d'", " d’",
];

/// Countries named as the complement of an organisation's name, in order of appearance.
fn countries_in_org_names(doc: &Document, kb: &dyn Knowledge) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in &doc.layers.entities {
        if m.label != EntityType::ORG {
            continue;
        }
        let surface = doc.slice(m.span);
        for link in ORG_COMPLEMENTS {
            let mut from = 0;
            while let Some(k) = surface[from..].find(link) {
                let rest = &surface[from + k + link.len()..];
                from += k + 1;
                let country = kb
                    .candidates(rest)
                    .into_iter()
                    .find(|c| c.link.kb == "country")
                    .and_then(|c| c.country);
                if let Some(country) = country {
                    if !out.contains(&country) {
                        out.push(country);
                    }
                }
            }
        }
    }
    out
}

/// Whether the words before `start` name a border's other side ("la frontière avec", "le
/// poste frontalier avec le", "limitrophe du"): the country named there is a neighbour.
fn neighbour_named_before(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(48);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = fold(&text[from..start]);
    let words: Vec<&str> = before.split_whitespace().collect();
    let tail = &words[words.len().saturating_sub(4)..];
    tail.iter().any(|w| {
        w.starts_with("frontal") || w.starts_with("frontier") || w.starts_with("limitroph")
    }) || tail.iter().rev().take(2).any(|w| *w == "avec")
}

/// Letters of scholarly romanisations of Arabic and Persian (macrons, dots below, the
/// half-rings of ain and hamza) that usual English spelling leaves out.
const ROMANISATION_MARKS: &[char] = &[
    'ā', 'Ā', 'ī', 'Ī', 'ū', 'Ū', 'ḩ', 'Ḩ', 'ḥ', 'Ḥ', 'ṣ', 'Ṣ', 'ḍ', 'Ḍ', 'ṭ', 'Ṭ', 'ẓ', 'Ẓ', 'ẕ',
    'Ẕ', '‘', '’', 'ʿ', 'ʾ',
];

/// Arabic articles opening a romanised name ("Ar Raqqah", "Al Ḩawl").
const ROMANISED_ARTICLES: &[&str] = &[
    "Al ", "Ar ", "As ", "Ad ", "An ", "At ", "Az ", "Ash ", "Adh ", "Al-", "Ar-", "As-", "Ad-",
];

/// Whether the reference spelling `reference` of a town is a scholarly romanisation that
/// the report's spelling `surface` is closer to usual English than: marks of romanisation,
/// or an Arabic article the report does not write ("Ar Raqqah" for "Raqqa").
fn romanised_beyond(reference: &str, surface: &str) -> bool {
    if reference.contains(ROMANISATION_MARKS) {
        return true;
    }
    let article = |s: &str| {
        ROMANISED_ARTICLES
            .iter()
            .any(|a| s.get(..a.len()).is_some_and(|p| p.eq_ignore_ascii_case(a)))
    };
    article(reference) && !article(surface)
}

/// English compass adjectives opening the names of divisions ("North Kivu", "South Darfur").
const ENGLISH_COMPASS: &[&str] = &["North", "South", "East", "West", "Central"];

/// Whether an English name is a compass adjective followed by a name that is no compass
/// word itself ("North Kivu", not "North West" nor "West").
fn compass_and_name(name: &str) -> bool {
    let mut words = name.split([' ', '-']);
    let first = words.next().unwrap_or_default();
    let rest: Vec<&str> = words.collect();
    ENGLISH_COMPASS.contains(&first)
        && !rest.is_empty()
        && !rest
            .iter()
            .any(|w| ENGLISH_COMPASS.contains(w) || matches!(*w, "Region" | "State" | "Province"))
}

/// Words that, right after a name, make it the subject of a clause: auxiliaries, modals and
/// the clitics of a negated or reflexive verb ("Washington n'a pas commenté", "Harare se
/// prépare", "Moscou a démenti", "Paris doit répondre").
const CLAUSE_OPENERS: &[&str] = &[
    "a", "avait", "aurait", "aura", "est", "était", "serait", "sera", "ne", "n'", "n’", "se", "s'",
    "s’", "y", "doit", "devait", "devrait", "peut", "pourrait", "veut", "voulait", "entend",
    "refuse", "dément", "accuse", "affirme", "assure", "estime", "juge", "dénonce",
];

/// Whether the word after `end` opens a clause the name before it is the subject of.
fn subject_of_a_verb(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    // an elided clitic is glued to its verb ("n'a", "s'est")
    for clitic in ["n'", "n’", "s'", "s’"] {
        if rest.starts_with(clitic) {
            return true;
        }
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    !word.is_empty() && CLAUSE_OPENERS.contains(&word.as_str())
}

/// The national capital written `name`, if the name is one's and no other capital's.
fn national_capital(reference: &'static Reference, name: &str) -> Option<&'static PlaceRecord> {
    let mut capitals = reference.lookup(name).into_iter().filter_map(|h| match h {
        Hit::Place(p) if p.feature_code == "PPLC" => Some(p),
        _ => None,
    });
    let first = capitals.next()?;
    capitals.next().is_none().then_some(first)
}

/// A place whose link the evidence withdrew: a name as the report writes it, without a
/// point or a country, rather than a wrong one.
fn unresolve(doc: &Document, place: &mut Place) {
    place.kb = None;
    place.name = without_article(doc.slice(place.span)).to_string();
    place.kind = PlaceKind::Other;
    place.country = None;
    place.lat = None;
    place.lon = None;
    place.provenance = Provenance::new(PLACE_STAGE, RULE_UNRESOLVED);
}

/// The surface without a leading French article or elision ("l'Euphrate", "la Méditerranée").
fn without_article(surface: &str) -> &str {
    for prefix in [
        "l'", "l’", "L'", "L’", "la ", "La ", "le ", "Le ", "les ", "Les ",
    ] {
        if let Some(rest) = surface.strip_prefix(prefix) {
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    surface
}

/// The town a facility phrase names after its last "de" ("gare de Kramatorsk", "hôpital
/// Saint-Nicolas de Saint-Marc", "camp de réfugiés de Zam Zam"): the capitalised rest.
fn facility_town(surface: &str) -> Option<&str> {
    let mut best = None;
    for sep in [
        " de la ", " de l'", " de l’", " du ", " des ", " de ", " d'", " d’",
    ] {
        let mut from = 0;
        while let Some(k) = surface[from..].find(sep) {
            let at = from + k + sep.len();
            let rest = &surface[at..];
            if rest.chars().next().is_some_and(char::is_uppercase)
                && best.is_none_or(|b: usize| at > b)
            {
                best = Some(at);
            }
            from = from + k + 1;
        }
    }
    best.map(|at| &surface[at..])
}

/// The named feature of "vallée de l'Euphrate", "vallée du Jourdain": the valley of a river.
fn valley_of(surface: &str) -> Option<&str> {
    let rest = ["vallée ", "Vallée "]
        .iter()
        .find_map(|p| surface.strip_prefix(p))?;
    ["de la ", "de l'", "de l’", "du ", "des ", "de "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .filter(|r| !r.is_empty())
}

/// The country of a place spanning several (a river, a mountain range) that the document
/// talks about most; its usual country otherwise.
fn country_in_context(place: &PlaceRecord, context: &[String]) -> Option<String> {
    if place.countries.len() > 1 {
        if let Some(c) = context.iter().find(|c| place.countries.contains(c)) {
            return Some(c.clone());
        }
    }
    (!place.country.is_empty()).then(|| place.country.clone())
}

/// The preferred display name of a reference place: English when the data has it, as the
/// places of countries are (GeoNames and curated places are already English).
fn display_name(place: &PlaceRecord) -> String {
    place.name_en.clone().unwrap_or_else(|| place.name.clone())
}

fn info_of(place: &PlaceRecord, context: &[String]) -> PlaceInfo {
    PlaceInfo {
        name: display_name(place),
        country: country_in_context(place, context),
        kind: place.kind,
        lat: place.lat,
        lon: place.lon,
    }
}

impl PlaceStage {
    /// A reference place for a mention the entity stage left unlinked: the name as written
    /// (without its article), then a transliteration-tolerant match in the document's
    /// countries. Gazetteer places must lie in a country of the document (the entity stage
    /// already turned down homonyms elsewhere); curated places (continents, seas, rivers)
    /// need not.
    fn fallback(
        &self,
        reference: &'static Reference,
        surface: &str,
        context: &[String],
    ) -> Option<(&'static PlaceRecord, &'static str)> {
        let bare = without_article(surface);
        let in_context = |p: &PlaceRecord| {
            context
                .iter()
                .any(|c| *c == p.country || p.countries.contains(c))
        };
        for form in [surface, bare] {
            let hits = reference.lookup(form);
            let best = hits.iter().find_map(|h| match h {
                Hit::Place(p) if p.extra_id.is_some() || in_context(p) => Some(*p),
                _ => None,
            });
            if let Some(p) = best {
                return Some((p, "reference-name"));
            }
        }
        if context.is_empty() {
            return None;
        }
        // the transliteration-tolerant key is for names written in another script
        // ("Zaporijia", "al-Qaem"); the places of countries that write French or English
        // are written as the gazetteer writes them, and a word it lacks there ("la
        // Croisette") is no misspelt town (`place_writing.tsv`)
        let countries: Vec<&str> = context
            .iter()
            .take(3)
            .map(String::as_str)
            .filter(|c| !written_as_is(c))
            .collect();
        if countries.is_empty() {
            return None;
        }
        reference
            .loose_places(bare, &countries)
            .into_iter()
            .next()
            .map(|p| (p, RULE_TRANSLITERATION))
    }

    /// Place of a mention with no usable link: a curated or gazetteer place found by
    /// [`PlaceStage::fallback`], or the valley of a known river.
    fn unlinked(
        &self,
        surface: &str,
        context: &[String],
    ) -> Option<(Option<KbLink>, PlaceInfo, &'static str)> {
        let reference = self.reference?;
        if let Some((p, rule)) = self.fallback(reference, surface, context) {
            return Some((Some(p.kb_link()), info_of(p, context), rule));
        }
        let river = valley_of(surface)?;
        let (p, _) = self.fallback(reference, river, context)?;
        if p.kind != PlaceKind::River {
            return None;
        }
        let info = PlaceInfo {
            name: format!("{} valley", display_name(p)),
            country: country_in_context(p, context),
            kind: PlaceKind::Area,
            lat: None,
            lon: None,
        };
        Some((None, info, "valley-of-river"))
    }

    /// A facility ("gare de Kramatorsk") stands where the town it names does: the facility's
    /// name, the town's country and coordinates.
    fn facility(&self, surface: &str, context: &[String]) -> Option<(PlaceInfo, String)> {
        let reference = self.reference?;
        // "boulevard de la Liberté" is no street of a town named Liberté
        if facility_phrase(without_article(surface)).is_some_and(|p| p.kind == FacilityKind::Street)
        {
            return None;
        }
        let town = facility_town(surface).filter(|t| !is_compass_word(t))?;
        // a national capital needs no country named beside it ("le palais de justice de
        // Bissau" in a report that names only the country of an exiled opponent)
        let (p, _) = self
            .fallback(reference, town, context)
            .or_else(|| national_capital(reference, town).map(|p| (p, "reference-capital")))?;
        if !matches!(p.kind, PlaceKind::City | PlaceKind::Admin) {
            return None;
        }
        let info = PlaceInfo {
            name: surface.to_string(),
            country: country_in_context(p, context),
            kind: PlaceKind::Other,
            lat: p.lat,
            lon: p.lon,
        };
        let link = p.kb_link();
        Some((info, format!("in {}:{}", link.kb, link.id)))
    }
}

/// Rule of a place the reference data lacks.
const RULE_UNRESOLVED: &str = "unresolved";
/// Rule of a place found by the transliteration-tolerant lookup of an unlinked mention.
const RULE_TRANSLITERATION: &str = "reference-transliteration";
/// Rule of a river named by the noun before it ("le fleuve Lualaba").
const RULE_RIVER: &str = "river-by-its-noun";
/// Rule of a division named by the noun before it where the data only knows the town.
const RULE_DIVISION: &str = "division-by-its-noun";
/// Rule of a later mention of a division read as its same-named town ("la ville de X").
const RULE_TOWN_OF_DIVISION: &str = "town-of-division";
/// Words right before a name that make it a town: "la ville de X", "à X".
const TOWN_CUES: &[&str] = &["ville de ", "ville d'", "ville d’", " à "];
/// A division's point this close to its same-named town already stands for the town.
const TOWN_OF_DIVISION_KM: f64 = 25.0;
/// Rule of a quarter placed at the town it is part of.
const RULE_QUARTER: &str = "quarter-of-town";

/// How countries write their place names, from `resources/fr/place_writing.tsv`.
const PLACE_WRITING: &str = include_str!("../../../resources/fr/place_writing.tsv");

/// How a country of `place_writing.tsv` writes its place names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Writing {
    French,
    English,
}

fn place_writing() -> &'static HashMap<String, Writing> {
    static TABLE: std::sync::OnceLock<HashMap<String, Writing>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        PLACE_WRITING
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (country, writing) = l.split_once('\t')?;
                let writing = match writing.trim() {
                    "french" => Writing::French,
                    "english" => Writing::English,
                    // the file is ours and checked by a test: an unknown word is a typo
                    _ => return None,
                };
                Some((country.trim().to_string(), writing))
            })
            .collect()
    })
}

/// Whether the country writes its place names in French (France and its neighbours of
/// French speech, Quebec's Canada, Haiti): a French report writes them as their own
/// gazetteer entries do.
pub(crate) fn writes_french(country: &str) -> bool {
    place_writing().get(country) == Some(&Writing::French)
}

/// Whether a French report writes the country's place names as they are written there (in
/// French or in English), so that a transliteration-tolerant match there is no answer.
fn written_as_is(country: &str) -> bool {
    place_writing().contains_key(country)
}

impl Stage for PlaceStage {
    fn name(&self) -> &'static str {
        PLACE_STAGE
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Places]
    }

    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        if !doc.has(Layer::Entities) {
            return Err(StageError::MissingLayer {
                stage: PLACE_STAGE,
                missing: Layer::Entities,
            });
        }
        let context = context_countries(doc, self.kb.as_ref());
        let mut seen: HashSet<&str> = HashSet::default();
        let mut places = Vec::new();
        for m in &doc.layers.entities {
            if m.label != EntityType::LOC || !seen.insert(m.entity.as_str()) {
                continue;
            }
            let surface = doc.slice(m.span).to_string();
            // a curated place spanning several countries takes the document's one
            let linked_record =
                m.kb.as_ref()
                    .zip(self.reference)
                    .and_then(|(link, r)| match r.resolve(link) {
                        Some(Hit::Place(p)) => Some(p),
                        _ => None,
                    });
            // "le fleuve Lualaba" is the river, whatever division or town bears its name
            // (whose country it keeps: the river of that name flows there)
            if let Some(FeatureWord::River(word)) = feature_word_before(&doc.text, m.span.start) {
                let homonym = m.kb.as_ref().and_then(|link| self.kb.place(link));
                if homonym.as_ref().is_none_or(|p| p.kind != PlaceKind::River) {
                    let mut evidence = vec![
                        format!("from entity {}", m.entity),
                        "a river noun before the name".to_string(),
                    ];
                    if let Some(h) = &homonym {
                        evidence.push(format!("country of its homonym {}", h.name));
                    }
                    places.push(Place {
                        span: m.span,
                        entity: m.entity.clone(),
                        kb: None,
                        name: format!("{} {word}", without_article(&surface)),
                        country: homonym.and_then(|h| h.country),
                        kind: PlaceKind::River,
                        lat: None,
                        lon: None,
                        provenance: Provenance::new(PLACE_STAGE, RULE_RIVER),
                        evidence,
                    });
                    continue;
                }
            }
            let info = match linked_record {
                Some(p) => {
                    let mut info = info_of(p, &context);
                    if let Some(name) = self.division_name(p, &surface) {
                        info.name = name;
                    }
                    Some(info)
                }
                None => m.kb.as_ref().and_then(|link| self.kb.place(link)),
            };
            let place = match info {
                Some(mut info) => {
                    let mut evidence = vec![format!("from entity {}", m.entity)];
                    let mut rule = "reference";
                    if info.kind == PlaceKind::Admin
                        && (info.lat.is_none() || metropolis_of(&surface).is_some())
                    {
                        // divisions without coordinates, and metropolitan areas: the city
                        // they are named after (Deir ez-Zor, Homs, Grand Casablanca) is the
                        // usual point for them
                        if let Some(city) = self.eponymous_city(&surface, info.country.as_deref()) {
                            evidence.push(format!(
                                "coordinates of the city {}:{}",
                                city.link.kb, city.link.id
                            ));
                            if let Some(point) = self.kb.place(&city.link) {
                                info.lat = point.lat;
                                info.lon = point.lon;
                                rule = "reference-eponymous-city";
                            }
                        }
                    }
                    Place {
                        span: m.span,
                        entity: m.entity.clone(),
                        kb: m.kb.clone(),
                        name: info.name,
                        country: info.country,
                        kind: info.kind,
                        lat: info.lat,
                        lon: info.lon,
                        provenance: Provenance::new(PLACE_STAGE, rule),
                        evidence,
                    }
                }
                None => match self.unlinked(&surface, &context) {
                    Some((link, info, rule)) => {
                        let mut evidence = vec![format!("from entity {}", m.entity)];
                        if let Some(l) = &link {
                            evidence.push(format!("looked up {}:{}", l.kb, l.id));
                        }
                        if !context.is_empty() {
                            evidence.push(format!("document countries {}", context.join(",")));
                        }
                        Place {
                            span: m.span,
                            entity: m.entity.clone(),
                            kb: link,
                            name: info.name,
                            country: info.country,
                            kind: info.kind,
                            lat: info.lat,
                            lon: info.lon,
                            provenance: Provenance::new(PLACE_STAGE, rule),
                            evidence,
                        }
                    }
                    None => match self.facility(&surface, &context) {
                        Some((info, town)) => Place {
                            span: m.span,
                            entity: m.entity.clone(),
                            kb: None,
                            name: info.name,
                            country: info.country,
                            kind: info.kind,
                            lat: info.lat,
                            lon: info.lon,
                            provenance: Provenance::new(PLACE_STAGE, "facility-in-town"),
                            evidence: vec![format!("from entity {}", m.entity), town],
                        },
                        // a village the gazetteer lacks is still a place of the country of
                        // the places named beside it ("Kfar X, un village du caza de Tyr"),
                        // else of the country the document names most
                        // ([`PlaceStage::settle_countries`], once every place is resolved)
                        None => Place {
                            span: m.span,
                            entity: m.entity.clone(),
                            kb: None,
                            name: surface,
                            country: None,
                            kind: PlaceKind::Other,
                            lat: None,
                            lon: None,
                            provenance: Provenance::new(PLACE_STAGE, RULE_UNRESOLVED),
                            evidence: vec!["no reference entry".to_string()],
                        },
                    },
                },
            };
            places.push(place);
        }
        self.town_centres(doc, &context, &mut places);
        Self::unlink_foreign_transliterations(doc, &context, &mut places);
        self.unlink_distant_towns(doc, &mut places);
        self.settle_countries(doc, &context, &mut places);
        Self::settle_quarters(doc, &context, &mut places);
        self.name_divisions(doc, &mut places);
        self.division_mentions(doc, &mut places);
        self.name_facilities(doc, &context, &mut places);
        doc.layers.places = places;
        doc.mark_produced(Layer::Places);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_place_writing_table_is_read() {
        let rows = PLACE_WRITING
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(place_writing().len(), rows);
        assert!(writes_french("BE") && !writes_french("US"));
        assert!(written_as_is("US") && !written_as_is("IQ"));
    }

    #[test]
    fn scholarly_romanisations_give_way_to_the_report_spelling() {
        assert!(romanised_beyond("Ḩadīthah", "Haditha"));
        assert!(romanised_beyond("Ar Raqqah", "Raqqa"));
        assert!(!romanised_beyond("Al Qa'im", "al-Qaem"));
        assert!(!romanised_beyond("Kharkiv", "Kharkov"));
    }

    #[test]
    fn compass_names_are_told_from_compass_words() {
        assert!(compass_and_name("North Kivu"));
        assert!(compass_and_name("South Darfur"));
        assert!(!compass_and_name("West"));
        assert!(!compass_and_name("North West"));
        assert!(!compass_and_name("Kasai"));
    }

    #[test]
    fn a_clause_after_a_name_makes_it_a_subject() {
        assert!(subject_of_a_verb("Moscou n'a pas réagi", 6));
        assert!(subject_of_a_verb("Harare se prépare", 6));
        assert!(!subject_of_a_verb("Harare et Pretoria", 6));
    }
}
