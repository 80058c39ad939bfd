//! Geocoding of rivers, world regions, seas, governorates and transliterated names through
//! the real text and entity stages and the embedded reference data.

use std::sync::OnceLock;

use recoupe_entities::{EntityStage, PlaceStage};
use recoupe_model::{Document, Metadata, Origin, OriginKind, Place, PlaceKind, Stage};

fn run(text: &str) -> Document {
    static STAGES: OnceLock<(recoupe_text::TextStage, EntityStage, PlaceStage)> = OnceLock::new();
    let (t, e, p) = STAGES.get_or_init(|| {
        (
            recoupe_text::TextStage,
            EntityStage::embedded(),
            PlaceStage::embedded(),
        )
    });
    let mut doc = Document::new(
        text.to_string(),
        Metadata::new(Origin {
            kind: OriginKind::Text,
            path: "test".to_string(),
            record: None,
        }),
    );
    t.run(&mut doc).expect("text stage");
    e.run(&mut doc).expect("entity stage");
    p.run(&mut doc).expect("place stage");
    doc
}

fn place<'d>(doc: &'d Document, surface: &str) -> &'d Place {
    doc.layers
        .places
        .iter()
        .find(|p| doc.slice(p.span).contains(surface))
        .unwrap_or_else(|| panic!("no place for {surface:?}: {:?}", doc.layers.places))
}

#[test]
fn rivers_take_the_country_of_the_document() {
    let doc = run("Les combats se poursuivent en Syrie, sur la rive est de l'Euphrate, près de Raqqa et de Deir ez-Zor.");
    let euphrates = place(&doc, "Euphrate");
    assert_eq!(euphrates.kind, PlaceKind::River);
    assert_eq!(euphrates.name, "Euphrates");
    assert_eq!(euphrates.country.as_deref(), Some("SY"));
    assert_eq!(euphrates.lat, None);
}

#[test]
fn world_regions_and_seas_have_no_country() {
    let doc = run("La France veut peser au Moyen-Orient et en Afrique, a dit le ministre à Paris. Des migrants traversent la Méditerranée.");
    let middle_east = place(&doc, "Moyen-Orient");
    assert_eq!(middle_east.kind, PlaceKind::Area);
    assert_eq!(middle_east.name, "Middle East");
    assert_eq!(middle_east.country, None);
    assert_eq!(place(&doc, "Afrique").name, "Africa");
    assert_eq!(place(&doc, "Méditerranée").name, "Mediterranean Sea");
}

#[test]
fn governorates_have_coordinates() {
    let doc = run("L'armée irakienne a lancé une offensive dans la province d'al-Anbar, à l'ouest de Bagdad, en Irak.");
    let anbar = place(&doc, "Anbar");
    assert_eq!(anbar.kind, PlaceKind::Admin);
    assert_eq!(anbar.country.as_deref(), Some("IQ"));
    let lat = anbar.lat.expect("a governorate has coordinates");
    assert!((31.0..35.0).contains(&lat), "{lat}");
}

#[test]
fn transliterated_names_are_matched_in_the_document_countries() {
    let doc = run("Des frappes ont visé al-Qaem, près de la frontière syrienne, a indiqué l'armée en Irak. Bagdad a protesté.");
    let qaim = place(&doc, "Qaem");
    assert_eq!(qaim.country.as_deref(), Some("IQ"));
    let lon = qaim.lon.expect("al-Qaem is Al Qa'im, a city of Anbar");
    assert!((40.5..41.5).contains(&lon), "{lon}");
}

#[test]
fn a_lowercase_landform_noun_names_the_natural_feature() {
    let doc = run("Les navires évitent la mer Rouge depuis que les Houthis les visent.");
    let sea = place(&doc, "mer Rouge");
    assert_eq!(sea.name, "Red Sea", "{sea:?}");
}

#[test]
fn a_region_outranks_a_village_of_the_same_name() {
    let doc = run("Les électeurs du canton de Genève et ceux de Vaud ont voté dimanche en Suisse.");
    let vaud = place(&doc, "Vaud");
    assert_eq!(vaud.country.as_deref(), Some("CH"));
    assert_ne!(vaud.name, "Le Vaud", "{vaud:?}");
}

#[test]
fn with_no_country_named_a_dominant_city_sets_the_context() {
    let doc = run("Les cols bleus de Montréal ont manifesté devant l'hôtel de ville. À Québec, le gouvernement a promis une aide.");
    let quebec = place(&doc, "Québec");
    assert_eq!(quebec.country.as_deref(), Some("CA"), "{quebec:?}");
}

#[test]
fn a_capital_outranks_a_town_of_a_named_country_but_not_its_city() {
    let doc = run("L'ONG, basée au Royaume-Uni, a recensé les frappes en Syrie. Elles « portent la signature de Washington », selon un responsable.");
    let washington = place(&doc, "Washington");
    assert_eq!(washington.country.as_deref(), Some("US"), "{washington:?}");
    let doc =
        run("Au Liban, des heurts ont éclaté à Tripoli, dans le nord du pays, près de Beyrouth.");
    let tripoli = place(&doc, "Tripoli");
    assert_eq!(tripoli.country.as_deref(), Some("LB"), "{tripoli:?}");
}
