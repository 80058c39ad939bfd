//! Lookups against the embedded reference data.

use recoupe_kb::{Hit, Reference};
use recoupe_model::{EntityType, PlaceKind};

fn reference() -> &'static Reference {
    Reference::embedded()
}

#[test]
fn countries_by_french_english_and_short_names() {
    let r = reference();
    for (surface, iso2) in [
        ("Irak", "IQ"),
        ("Iraq", "IQ"),
        ("irak", "IQ"),
        ("États-Unis", "US"),
        ("Etats-Unis", "US"),
        ("etats unis", "US"),
        ("USA", "US"),
        ("United States", "US"),
        ("Syrie", "SY"),
        ("Liban", "LB"),
        ("Côte d'Ivoire", "CI"),
        ("Royaume-Uni", "GB"),
        ("RDC", "CD"),
        ("Allemagne", "DE"),
    ] {
        assert_eq!(
            r.country_by_name(surface).map(|c| c.iso2.as_str()),
            Some(iso2),
            "{surface}"
        );
    }
    assert_eq!(r.country_by_name("Kurdistan"), None);
    let iq = r.country("iq").expect("IQ");
    assert_eq!(
        (
            iq.name_fr.as_str(),
            iq.name_en.as_str(),
            iq.capital.as_str()
        ),
        ("Irak", "Iraq", "Baghdad")
    );
    assert!(iq.lat.is_some_and(|lat| (33.0..34.0).contains(&lat)));
    assert_eq!(iq.kb_link().id, "IQ");
}

#[test]
fn demonyms_in_every_gender_and_number() {
    let r = reference();
    for (word, iso2) in [
        ("étatsuniennes", "US"),
        ("étatsunien", "US"),
        ("américains", "US"),
        ("Américaine", "US"),
        ("irakienne", "IQ"),
        ("irakiens", "IQ"),
        ("syriens", "SY"),
        ("libanaise", "LB"),
        ("libanais", "LB"),
        ("français", "FR"),
        ("françaises", "FR"),
        ("israéliens", "IL"),
        ("palestiniennes", "PS"),
        ("belges", "BE"),
        ("québécoise", "CA"),
        ("turque", "TR"),
    ] {
        assert_eq!(r.demonym(word), Some(iso2), "{word}");
    }
    for word in ["kurde", "kurdes", "druze", "chiite", "irak", "maison"] {
        assert_eq!(r.demonym(word), None, "{word}");
    }
}

fn first_city<'a>(r: &'a Reference, surface: &str) -> &'a recoupe_kb::PlaceRecord {
    r.places_by_name(surface)
        .into_iter()
        .find(|p| p.kind == PlaceKind::City)
        .unwrap_or_else(|| panic!("no city {surface}"))
}

#[test]
fn cities_by_french_and_english_names() {
    let r = reference();
    for (surface, name, country) in [
        ("Bagdad", "Baghdad", "IQ"),
        ("Baghdad", "Baghdad", "IQ"),
        ("Damas", "Damascus", "SY"),
        ("Mossoul", "Mosul", "IQ"),
        ("Mosul", "Mosul", "IQ"),
        ("Homs", "Homs", "SY"),
        ("Beyrouth", "Beirut", "LB"),
        ("Paris", "Paris", "FR"),
        ("Genève", "Geneva", "CH"),
    ] {
        let p = first_city(r, surface);
        assert_eq!(
            (p.name.as_str(), p.country.as_str()),
            (name, country),
            "{surface}"
        );
        assert!(p.lat.is_some() && p.lon.is_some(), "{surface}");
    }
    let baghdad = first_city(r, "Bagdad");
    assert_eq!(baghdad.geonameid, Some(98182));
    assert_eq!(baghdad.feature_code, "PPLC");
    assert_eq!(
        r.place_by_geonameid(98182).map(|p| p.name.as_str()),
        Some("Baghdad")
    );
    let link = baghdad.kb_link();
    assert!(matches!(r.resolve(&link), Some(Hit::Place(p)) if p.geonameid == Some(98182)));
}

#[test]
fn subdivisions_have_french_and_english_names() {
    let r = reference();
    let nineveh = r.subdivision("IQ-NI").expect("IQ-NI");
    assert_eq!(nineveh.kind, PlaceKind::Admin);
    // iso3166-2 centroids; Homs governorate lies around its capital.
    let homs = r.subdivision("SY-HI").expect("SY-HI");
    assert!(
        homs.lat.is_some_and(|lat| (34.0..35.5).contains(&lat)),
        "{homs:?}"
    );
    assert!(nineveh.lat.is_some());
    assert!(r.places().all(|p| !p.name.contains('\u{b2}')));
    assert!(r
        .places_by_name("Nineveh")
        .iter()
        .any(|p| p.subdivision.as_deref() == Some("IQ-NI")));
    // "Gouvernorat d'Idleb" is also indexed without its prefix.
    assert!(r
        .places_by_name("Idleb")
        .iter()
        .any(|p| p.subdivision.as_deref() == Some("SY-ID")));
    assert!(r
        .places_by_name("Île-de-France")
        .iter()
        .any(|p| p.subdivision.as_deref() == Some("FR-IDF")));
}

#[test]
fn lookup_orders_countries_before_places() {
    let r = reference();
    let hits = r.lookup("Liban");
    assert!(
        matches!(hits.first(), Some(Hit::Country(c)) if c.iso2 == "LB"),
        "{hits:?}"
    );
    assert_eq!(hits[0].entity_type(), EntityType::LOC);
    // Several places named Tripoli: the most populous first.
    let tripolis = r.places_by_name("Tripoli");
    assert!(tripolis.len() >= 2);
    assert!(tripolis
        .windows(2)
        .all(|w| w[0].population >= w[1].population));
    assert!(r.lookup("zzzz qqqq").is_empty());
}

#[test]
fn name_lexicons() {
    let r = reference();
    for name in [
        "Pierre", "Mohammed", "Mohamed", "Marie", "Jean", "Fatima", "Ahmed",
    ] {
        assert!(r.is_first_name(name), "{name}");
    }
    assert!(!r.is_first_name("Gouvernement"));
    for name in ["Dupont", "Durand", "Sarkozy"] {
        assert!(r.is_surname(name), "{name}");
    }
    let qassem = r.name_variants("Qassem").expect("Qassem");
    assert_eq!(r.name_variants("Qassim"), Some(qassem));
    assert_eq!(r.name_variants("Kassem"), Some(qassem));
    let mohammed = r.name_variants("Mohammed").expect("Mohammed");
    assert_eq!(r.name_variants("Muhammad"), Some(mohammed));
    assert_eq!(r.name_variants("Mohamed"), Some(mohammed));
    assert_ne!(qassem, mohammed);
    let spellings = r.variant_group(mohammed);
    assert!(
        spellings.iter().any(|s| s == "Muhammad") && spellings.iter().any(|s| s == "Mohamed"),
        "{spellings:?}"
    );
    assert!(r.variant_group(u32::MAX).is_empty());
    assert_eq!(r.name_variants("Bonjour"), None);
}

#[test]
fn stats_and_window_size_are_plausible() {
    let r = reference();
    let s = r.stats();
    assert!(s.countries >= 249, "{s:?}");
    assert!(s.places >= 50_000, "{s:?}");
    assert!(s.subdivisions >= 3_000, "{s:?}");
    assert!(s.demonym_forms >= 600, "{s:?}");
    assert!(s.first_names >= 2_000 && s.surnames >= 1_000, "{s:?}");
    assert!(s.variant_groups >= 500, "{s:?}");
    assert!(
        (5..=24).contains(&r.longest_entry_tokens()),
        "{}",
        r.longest_entry_tokens()
    );
}

#[test]
fn load_time_is_reported() {
    let t = Reference::load_time();
    eprintln!(
        "recoupe-kb: embedded reference data loaded in {t:?} ({:?})",
        reference().stats()
    );
    // Debug builds are far slower than release; this bounds only pathological regressions.
    assert!(t.as_secs() < 30, "{t:?}");
}

#[test]
fn actors_kb_is_valid() {
    let r = reference();
    let mut errors = Vec::new();
    for issue in r.actor_issues() {
        if issue.is_error() {
            errors.push(issue.to_string());
        } else {
            eprintln!("warning: {issue}");
        }
    }
    for actor in r.actors() {
        if let Some(country) = &actor.country {
            if r.country(country).is_none() {
                errors.push(format!(
                    "{}: unknown country {country:?} of {:?}",
                    actor.source_file, actor.id
                ));
            }
        }
        assert_eq!(
            r.actor(&actor.id).map(|a| a.source_file.as_str()),
            Some(actor.source_file.as_str())
        );
    }
    assert!(errors.is_empty(), "actor KB errors:\n{}", errors.join("\n"));
    assert_eq!(
        recoupe_kb::actor_files().is_empty(),
        r.actors().is_empty() && r.actor_issues().is_empty()
    );
}

#[test]
fn every_place_name_finds_its_place() {
    // The GeoNames index is precomputed by build.rs; this checks it against the loaded rows.
    let r = reference();
    let mut missing = Vec::new();
    for (geonameid, name) in r
        .places()
        .flat_map(|p| {
            std::iter::once(p.name.as_str())
                .chain(p.alt_names.iter().map(String::as_str))
                .map(move |n| (p, n))
        })
        .map(|(p, n)| (p.kb_link().id, n))
    {
        let found = r
            .places_by_name(name)
            .iter()
            .any(|p| p.kb_link().id == geonameid);
        if !found && missing.len() < 20 {
            missing.push(format!("{geonameid} {name:?}"));
        }
    }
    assert!(missing.is_empty(), "names not indexed: {missing:?}");
}

#[test]
fn country_names_that_are_common_words_are_not_indexed() {
    let r = reference();
    // First names, a politician's surname, a weapon: never countries by themselves.
    for surface in ["Dominique", "Maurice", "Hollande", "grenade", "Jordan"] {
        assert_eq!(r.country_by_name(surface), None, "{surface}");
    }
    assert_eq!(
        r.country_by_name("Île Maurice").map(|c| c.iso2.as_str()),
        Some("MU")
    );
    assert_eq!(
        r.country_by_name("Pays-Bas").map(|c| c.iso2.as_str()),
        Some("NL")
    );
    assert_eq!(
        r.country("DM").map(|c| c.name_fr.as_str()),
        Some("Dominique")
    );
}

#[test]
fn function_words_are_neither_places_nor_names() {
    let r = reference();
    for word in ["Sur", "Selon", "Mais", "Le", "Les", "Mai", "Avril"] {
        assert!(
            r.places_by_name(word).is_empty(),
            "{word}: {:?}",
            r.places_by_name(word)
        );
        assert!(!r.is_first_name(word) && !r.is_surname(word), "{word}");
    }
    // Tyre keeps its other names.
    assert_eq!(first_city(r, "Tyr").name, "Tyre");
}

#[test]
fn extra_places_rivers_regions_and_seas() {
    let r = reference();
    let extra = |surface: &str| {
        r.places_by_name(surface)
            .into_iter()
            .find(|p| p.extra_id.is_some())
            .unwrap_or_else(|| panic!("{surface} is not a curated place"))
    };
    let euphrates = extra("Euphrate");
    assert_eq!(euphrates.kind, PlaceKind::River);
    assert_eq!(euphrates.name, "Euphrates");
    assert!(euphrates.countries.iter().any(|c| c == "IQ"));
    assert_eq!(euphrates.lat, None);
    let middle_east = extra("Moyen-Orient");
    assert_eq!(middle_east.kind, PlaceKind::Area);
    assert_eq!(middle_east.country, "");
    assert_eq!(extra("Afrique").name, "Africa");
    assert_eq!(extra("mer Méditerranée").name, "Mediterranean Sea");
    assert_eq!(extra("Nil").kind, PlaceKind::River);
    let link = euphrates.kb_link();
    assert_eq!(link.kb, recoupe_kb::KB_PLACES_EXTRA);
    assert_eq!(r.resolve(&link), Some(Hit::Place(euphrates)));
    // bare names of countries stay countries
    assert!(r
        .places_by_name("Niger")
        .iter()
        .all(|p| p.extra_id.is_none()));
}

#[test]
fn governorates_have_coordinates_and_english_names() {
    let r = reference();
    let nineveh = r.subdivision("IQ-NI").expect("IQ-NI");
    assert_eq!(nineveh.name_en.as_deref(), Some("Nineveh"));
    let (lat, lon) = (nineveh.lat.expect("lat"), nineveh.lon.expect("lon"));
    assert!(
        (35.0..37.5).contains(&lat) && (41.0..44.0).contains(&lon),
        "{lat},{lon}"
    );
    let anbar = r.subdivision("IQ-AN").expect("IQ-AN");
    assert!(anbar.lat.is_some());
    let with_point = r
        .places()
        .filter(|p| p.subdivision.is_some() && p.lat.is_some())
        .count();
    assert!(
        with_point > 4500,
        "{with_point} subdivisions with coordinates"
    );
}

#[test]
fn loose_places_match_transliterations_within_countries() {
    let r = reference();
    let names = |surface: &str, countries: &[&str]| -> Vec<String> {
        r.loose_places(surface, countries)
            .iter()
            .map(|p| p.name.clone())
            .collect()
    };
    assert!(r
        .loose_places("al-Qaem", &["IQ"])
        .iter()
        .any(|p| p.population > 10_000 && p.lon.is_some_and(|lon| (40.5..41.5).contains(&lon))));
    assert!(r
        .loose_places("Ninive", &["IQ"])
        .iter()
        .any(|p| p.subdivision.as_deref() == Some("IQ-NI")));
    assert!(names("xy", &["IQ"]).is_empty());
}

/// The iso3166-2 package numbers some countries' subdivisions differently from CLDR (Iran):
/// a subdivision never takes the names or the centroid of another one.
#[test]
fn issue13_subdivisions_keep_their_own_names_and_points() {
    let r = reference();
    let kerman = r.subdivision("IR-15").expect("IR-15");
    assert_eq!(kerman.name_en.as_deref(), Some("Kerman"));
    assert!(
        !kerman.alt_names.iter().any(|n| n.contains("Lorest")),
        "{:?}",
        kerman.alt_names
    );
    let (lat, lon) = (kerman.lat.expect("a point"), kerman.lon.expect("a point"));
    assert!(
        (lat - 30.3).abs() < 2.0 && (lon - 57.1).abs() < 2.0,
        "{lat},{lon}"
    );
    for code in ["IR-08", "IR-05", "IR-17"] {
        let sub = r.subdivision(code).expect(code);
        assert!(
            !sub.alt_names.iter().any(|n| n.starts_with("Kerm")) || sub.name.contains("Kerm"),
            "{code}: {:?}",
            sub.alt_names
        );
    }
}

#[test]
fn issue13_generic_institution_names_by_country() {
    let r = reference();
    let id = |surface: &str, iso2: &str| r.generic_actor(surface, iso2).map(|a| a.id.as_str());
    assert_eq!(
        id("ministère de l'Intérieur", "MA"),
        Some("moroccan-ministry-of-interior")
    );
    assert_eq!(
        id("Ministère de la Défense", "IQ"),
        Some("iraqi-ministry-of-defence")
    );
    assert_eq!(id("gouvernement", "SN"), Some("senegalese-government"));
    // plural descriptions are not generic institution names
    assert_eq!(id("forces armées", "MA"), None);
    assert_eq!(id("ministère de l'Intérieur", "FJ"), None);
}
