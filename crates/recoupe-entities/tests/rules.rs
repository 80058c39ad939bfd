//! Rule-level tests through the real text stage and reference data.

use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use recoupe_entities::{EntityStage, PlaceStage, ReferenceKnowledge};
use recoupe_model::{Document, EntityType, Metadata, Origin, OriginKind, PlaceKind, Stage};

struct Stages {
    text: recoupe_text::TextStage,
    entities: EntityStage,
    places: PlaceStage,
}

fn stages() -> &'static Stages {
    static STAGES: OnceLock<Stages> = OnceLock::new();
    STAGES.get_or_init(|| {
        let kb = Arc::new(ReferenceKnowledge::embedded());
        Stages {
            text: recoupe_text::TextStage,
            entities: EntityStage::new(kb.clone()),
            places: PlaceStage::new(kb),
        }
    })
}

fn run(text: &str) -> Document {
    let mut doc = Document::new(
        text.to_string(),
        Metadata::new(Origin {
            kind: OriginKind::Text,
            path: "test".to_string(),
            record: None,
        }),
    );
    let s = stages();
    s.text.run(&mut doc).expect("text stage");
    s.entities.run(&mut doc).expect("entity stage");
    s.places.run(&mut doc).expect("place stage");
    doc
}

fn mentions(doc: &Document) -> Vec<(EntityType, String)> {
    doc.layers
        .entities
        .iter()
        .map(|m| (m.label, doc.slice(m.span).to_string()))
        .collect()
}

fn has(doc: &Document, ty: EntityType, text: &str) -> bool {
    mentions(doc).iter().any(|(t, s)| *t == ty && s == text)
}

fn key_of(doc: &Document, text: &str) -> Vec<String> {
    doc.layers
        .entities
        .iter()
        .filter(|m| doc.slice(m.span) == text)
        .map(|m| m.entity.clone())
        .collect()
}

#[test]
fn arabic_particles_stay_inside_names() {
    let doc = run(
        "Des combats ont eu lieu à Deir ez-Zor et près d'Abou Kamal, selon Abou Bakr al-Baghdadi.",
    );
    assert!(
        has(&doc, EntityType::LOC, "Deir ez-Zor"),
        "{:?}",
        mentions(&doc)
    );
    assert!(
        has(&doc, EntityType::PER, "Abou Bakr al-Baghdadi"),
        "{:?}",
        mentions(&doc)
    );
}

#[test]
fn titles_are_not_part_of_the_span() {
    let doc =
        run("Le général Ismaïl Farouk a rencontré M. Durand et le porte-parole, Youssef Karam.");
    let got = mentions(&doc);
    assert!(has(&doc, EntityType::PER, "Ismaïl Farouk"), "{got:?}");
    assert!(has(&doc, EntityType::PER, "Durand"), "{got:?}");
    assert!(has(&doc, EntityType::PER, "Youssef Karam"), "{got:?}");
    assert!(
        !got.iter()
            .any(|(_, s)| s.contains("général") || s.starts_with('M')),
        "{got:?}"
    );
}

#[test]
fn later_surname_is_the_same_person() {
    let doc = run("Nabil Qassoum a démissionné mardi. Qassoum dirigeait l'agence depuis dix ans, a rappelé un proche de Qassoum.");
    let keys: Vec<String> = doc
        .layers
        .entities
        .iter()
        .filter(|m| m.label == EntityType::PER)
        .map(|m| m.entity.clone())
        .collect();
    assert_eq!(keys.len(), 3, "{:?}", mentions(&doc));
    assert!(keys.iter().all(|k| k == &keys[0]), "{keys:?}");
}

#[test]
fn transliterations_share_a_key_across_documents() {
    let a = run("Le colonel Kassem Moslah a parlé à la presse.");
    let b = run("Le colonel Qassim Musleh a parlé à la presse.");
    assert_eq!(key_of(&a, "Kassem Moslah"), key_of(&b, "Qassim Musleh"));
}

#[test]
fn sentence_initial_common_word_is_not_a_name() {
    let doc = run("Pourtant rien ne bouge. Hier soir, la ville était calme. Mercredi, rien.");
    assert!(mentions(&doc).is_empty(), "{:?}", mentions(&doc));
}

#[test]
fn lowercase_organisation_patterns() {
    let doc = run("L'armée syrienne et les forces de sécurité irakiennes ont reçu l'appui du ministère de la Défense nationale.");
    let got = mentions(&doc);
    assert!(has(&doc, EntityType::ORG, "armée syrienne"), "{got:?}");
    assert!(
        has(&doc, EntityType::ORG, "forces de sécurité irakiennes"),
        "{got:?}"
    );
    assert!(
        has(&doc, EntityType::ORG, "ministère de la Défense nationale"),
        "{got:?}"
    );
    // a head noun with no anchor is a description, not a name
    let doc = run("Les forces de l'ordre sont intervenues et l'armée a tiré.");
    assert!(mentions(&doc).is_empty(), "{:?}", mentions(&doc));
}

#[test]
fn nationalities_exclude_compounds_and_ethnic_adjectives() {
    let doc = run("La frontière irako-syrienne est gardée par des combattants kurdes et des soldats turcs, avec l'aide américaine.");
    let nats: Vec<(String, String)> = doc
        .layers
        .nationalities
        .iter()
        .map(|n| (doc.slice(n.span).to_string(), n.country.clone()))
        .collect();
    assert_eq!(
        nats,
        vec![
            ("turcs".to_string(), "TR".to_string()),
            ("américaine".to_string(), "US".to_string())
        ]
    );
}

#[test]
fn nationality_nouns_are_misc() {
    let doc = run("Les Américains et les Kurdes ont signé un accord.");
    assert!(
        has(&doc, EntityType::MISC, "Américains"),
        "{:?}",
        mentions(&doc)
    );
    assert!(
        has(&doc, EntityType::MISC, "Kurdes"),
        "{:?}",
        mentions(&doc)
    );
    assert!(doc.layers.nationalities.is_empty());
}

#[test]
fn places_are_geocoded_with_document_context() {
    let doc = run("Des tirs ont visé Homs, dans l'ouest de la Syrie, puis Damas.");
    let homs = doc
        .layers
        .places
        .iter()
        .find(|p| doc.slice(p.span) == "Homs")
        .expect("Homs place");
    assert_eq!(homs.country.as_deref(), Some("SY"));
    assert!(homs.lat.is_some());
    let syria = doc
        .layers
        .places
        .iter()
        .find(|p| doc.slice(p.span) == "Syrie")
        .expect("Syrie");
    assert_eq!(syria.kind, PlaceKind::Country);
    assert_eq!(syria.entity, "country:SY");
}

#[test]
fn unknown_place_is_honestly_unresolved() {
    let doc = run("Les habitants du village de Kfar Zoubeidat ont fui.");
    let p = doc
        .layers
        .places
        .iter()
        .find(|p| doc.slice(p.span) == "Kfar Zoubeidat")
        .expect("place");
    assert!(p.kb.is_none() && p.lat.is_none());
}

#[test]
fn acronym_takes_the_long_form_key() {
    let doc = run("Le Front de résistance populaire (FRP) a revendiqué l'attaque. Le FRP dément.");
    let long = key_of(&doc, "Front de résistance populaire");
    let short = key_of(&doc, "FRP");
    assert!(!long.is_empty() && short.len() == 2, "{:?}", mentions(&doc));
    assert!(short.iter().all(|k| k == &long[0]));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn spans_are_char_boundaries(text in "[A-Za-zÉéèàçîï' ,.()«»-]{0,120}") {
        let doc = run(&text);
        for m in &doc.layers.entities {
            prop_assert!(doc.text.is_char_boundary(m.span.start) && doc.text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start < m.span.end);
        }
        for n in &doc.layers.nationalities {
            prop_assert!(doc.text.is_char_boundary(n.span.start) && doc.text.is_char_boundary(n.span.end));
        }
    }
}

#[test]
fn a_reference_alias_does_not_cut_a_longer_name() {
    let doc = run("Les forces du Hachd al-Chaabi avancent vers la frontière.");
    let got = mentions(&doc);
    assert!(has(&doc, EntityType::ORG, "Hachd al-Chaabi"), "{got:?}");
    assert!(!got.iter().any(|(_, s)| s.starts_with("forces")), "{got:?}");
}

#[test]
fn lone_capitalised_head_is_a_short_form_only_after_the_full_name() {
    let doc = run("Le Conseil national de transition a siégé lundi. Mardi, le Conseil a voté.");
    let keys: Vec<String> = doc
        .layers
        .entities
        .iter()
        .filter(|m| m.label == EntityType::ORG)
        .map(|m| m.entity.clone())
        .collect();
    assert_eq!(keys.len(), 2, "{:?}", mentions(&doc));
    assert_eq!(keys[0], keys[1]);
    let doc = run("Mardi, le Conseil a voté.");
    assert!(mentions(&doc).is_empty(), "{:?}", mentions(&doc));
}

#[test]
fn division_without_coordinates_takes_its_eponymous_city() {
    let doc = run("Des combats ont eu lieu dans la province de Deir ez-Zor, en Syrie.");
    let place = doc
        .layers
        .places
        .iter()
        .find(|p| doc.slice(p.span) == "Deir ez-Zor")
        .expect("Deir ez-Zor place");
    assert_eq!(place.country.as_deref(), Some("SY"));
    assert!(place.lat.is_some() && place.lon.is_some(), "{place:?}");
}

#[test]
fn unknown_multi_word_names_without_cues_are_people() {
    let doc = run("Le candidat Ousmane Kadidiatou Ndaw a recueilli 3 % des voix. Plus tard, Ousmane Kadidiatou Ndaw a salué ses électeurs.");
    let got = mentions(&doc);
    assert!(
        has(&doc, EntityType::PER, "Ousmane Kadidiatou Ndaw"),
        "{got:?}"
    );
    // a place still comes with its preposition
    let doc = run("Les combats ont repris près de Tell Aswad Kabir.");
    assert!(
        has(&doc, EntityType::LOC, "Tell Aswad Kabir"),
        "{:?}",
        mentions(&doc)
    );
}

#[test]
fn a_shouted_word_is_no_acronym() {
    let doc = run("HOMMAGE. Le maire a salué les bénévoles. Selon l'ONU, la crise dure.");
    let got = mentions(&doc);
    assert!(!got.iter().any(|(_, t)| t == "HOMMAGE"), "{got:?}");
    assert!(has(&doc, EntityType::ORG, "ONU"), "{got:?}");
}

#[test]
fn a_known_organisation_does_not_swallow_the_name_after_it() {
    let doc = run("Le responsable a écrit sur Telegram Dmytro Kovalenko que la ville tenait.");
    let got = mentions(&doc);
    assert!(has(&doc, EntityType::ORG, "Telegram"), "{got:?}");
    assert!(has(&doc, EntityType::PER, "Dmytro Kovalenko"), "{got:?}");
}

#[test]
fn surnames_with_an_article_and_english_of() {
    let doc = run("La directrice financière Sophie Le Gall a présenté les comptes, a confirmé un analyste de Bank of America. Sophie Le Gall a quitté la salle.");
    let got = mentions(&doc);
    assert!(has(&doc, EntityType::PER, "Sophie Le Gall"), "{got:?}");
    assert!(got.iter().any(|(_, t)| t == "Bank of America"), "{got:?}");
}

#[test]
fn an_article_after_a_title_opens_the_surname_and_a_nationality_does_not_make_an_agency_a_name() {
    let doc = run("Selon Mme Le Gall, les comptes sont justes. L'un d'eux s'est confié à l'agence britannique. L'Agence nationale de sécurité sanitaire a publié un avis.");
    let got = mentions(&doc);
    assert!(has(&doc, EntityType::PER, "Le Gall"), "{got:?}");
    assert!(
        !got.iter().any(|(_, t)| t == "agence britannique"),
        "{got:?}"
    );
    // a capitalised agency name is still a name
    assert!(
        got.iter()
            .any(|(ty, t)| *ty == EntityType::ORG && t.starts_with("Agence nationale de")),
        "{got:?}"
    );
}
