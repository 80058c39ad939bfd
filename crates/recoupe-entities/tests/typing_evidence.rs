//! Evidence-based typing of names no reference entry knows (issue 13): a person needs a
//! person's evidence, an article or quotation marks or an apposition tell another type.
//! Every example is written for these tests.

use std::sync::{Arc, OnceLock};

use recoupe_entities::{EntityStage, ReferenceKnowledge};
use recoupe_model::{Document, EntityType, Metadata, Origin, OriginKind, Stage};

struct Stages {
    text: recoupe_text::TextStage,
    entities: EntityStage,
}

fn stages() -> &'static Stages {
    static STAGES: OnceLock<Stages> = OnceLock::new();
    STAGES.get_or_init(|| Stages {
        text: recoupe_text::TextStage,
        entities: EntityStage::new(Arc::new(ReferenceKnowledge::embedded())),
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
    doc
}

fn label_of(doc: &Document, text: &str) -> Option<EntityType> {
    doc.layers
        .entities
        .iter()
        .find(|m| doc.slice(m.span) == text)
        .map(|m| m.label)
}

fn assert_label(text: &str, name: &str, want: EntityType) {
    let doc = run(text);
    assert_eq!(
        label_of(&doc, name),
        Some(want),
        "{name:?} in {text:?}: {:?}",
        doc.layers
            .entities
            .iter()
            .map(|m| (m.label, doc.slice(m.span)))
            .collect::<Vec<_>>()
    );
}

fn assert_not_person(text: &str, name: &str) {
    let doc = run(text);
    let got = label_of(&doc, name);
    assert_ne!(got, Some(EntityType::PER), "{name:?} in {text:?}");
}

#[test]
fn an_unknown_name_after_an_article_is_not_a_person() {
    assert_label(
        "La manifestation a été organisée par les Vignerons Unis Rhodaniens devant la mairie.",
        "Vignerons Unis Rhodaniens",
        EntityType::ORG,
    );
    assert_label(
        "Une étude publiée par le Kestrel Policy Forum décrit une hausse des violences.",
        "Kestrel Policy Forum",
        EntityType::ORG,
    );
    // the same kind of name, unknown, without an article, stays a person
    assert_label(
        "« Nous avons tout perdu », a raconté Tobias Ferrandel devant sa maison.",
        "Tobias Ferrandel",
        EntityType::PER,
    );
}

#[test]
fn a_surname_word_after_an_article_is_no_person_by_itself() {
    // "Martin" is a surname of the lexicon; "la Martin" is no way to write a person
    assert_not_person(
        "Les pêcheurs ont remonté leurs filets vers la Martin Creek hier matin.",
        "Martin Creek",
    );
}

#[test]
fn a_quoted_name_without_a_first_name_is_a_title() {
    assert_label(
        "Le collectif a présenté « Lumière Tardive » au festival samedi.",
        "Lumière Tardive",
        EntityType::MISC,
    );
    assert_not_person(
        "Le réalisateur a défendu \"Grand Large Sud\" devant la presse.",
        "Grand Large Sud",
    );
}

#[test]
fn a_quoted_title_after_a_work_noun_is_a_misc_name_with_its_small_words() {
    assert_label(
        "Le théâtre reprend le spectacle « Nuit de la comète » jusqu'en mars.",
        "Nuit de la comète",
        EntityType::MISC,
    );
    assert_label(
        "Les électeurs ont accepté l'initiative « Vivre en ville » dimanche.",
        "Vivre en ville",
        EntityType::MISC,
    );
}

#[test]
fn foreign_organisation_words_make_an_unknown_name_an_organisation() {
    assert_label(
        "Selon Orla Brennan, chercheuse au Halvorsen Research Center, la menace grandit.",
        "Halvorsen Research Center",
        EntityType::ORG,
    );
    assert_label(
        "Un rapport de Fundación Tierra Abierta dénonce la déforestation.",
        "Fundación Tierra Abierta",
        EntityType::ORG,
    );
    assert_label(
        "La photo est fournie par Varnhold Images à la rédaction.",
        "Varnhold Images",
        EntityType::ORG,
    );
}

#[test]
fn an_apposition_without_article_types_a_company_or_a_place() {
    assert_label(
        "Les salariés de Plastivor, fabricant de tubes, ont cessé le travail.",
        "Plastivor",
        EntityType::ORG,
    );
    assert_label(
        "Les secours sont arrivés à Kimbuli, village du territoire de Masisi, dans la nuit.",
        "Kimbuli",
        EntityType::LOC,
    );
    // a noun that may describe a person types nothing without its article
    let doc = run("Selon Haroun Bakel, spécialiste de la région, la situation empire.");
    assert_ne!(label_of(&doc, "Haroun Bakel"), Some(EntityType::ORG));
}

#[test]
fn a_description_noun_written_as_an_acronym_announces_an_organisation() {
    assert_label(
        "D'après l'ONG Terra Solidaria Norte, une centaine de familles ont fui.",
        "Terra Solidaria Norte",
        EntityType::ORG,
    );
}

#[test]
fn adjectives_the_tagger_reads_between_the_description_and_the_name() {
    // "laitier" and "normand" carry none of the adjective endings the rule lists
    assert_label(
        "Le groupe laitier normand Ferlac a annoncé la fermeture de deux sites.",
        "Ferlac",
        EntityType::ORG,
    );
}

#[test]
fn a_first_name_inside_keeps_a_person_after_a_noun_with_its_article() {
    // the article belongs to a people noun the lists may lack ("le Gallois"), not to the name
    let doc = run("Dimanche, le Gallois Owen Pritchard a remporté la course devant la foule.");
    assert!(
        doc.layers
            .entities
            .iter()
            .any(|m| m.label == EntityType::PER && doc.slice(m.span).ends_with("Owen Pritchard")),
        "{:?}",
        doc.layers
            .entities
            .iter()
            .map(|m| (m.label, doc.slice(m.span)))
            .collect::<Vec<_>>()
    );
}

#[test]
fn des_with_its_accent_opens_no_complement_of_a_name() {
    // "dès" folds to "des" but is a preposition of time, not a "de" complement
    let doc = run("Le texte sera soumis au Bureau dès lundi prochain.");
    assert!(
        doc.layers
            .entities
            .iter()
            .all(|m| !doc.slice(m.span).contains("lundi")),
        "{:?}",
        doc.layers
            .entities
            .iter()
            .map(|m| (m.label, doc.slice(m.span)))
            .collect::<Vec<_>>()
    );
}

#[test]
fn an_unknown_plural_word_is_no_place_by_default() {
    for (text, word) in [
        (
            "Les candidats se préparent déjà aux Municipales de mars prochain.",
            "Municipales",
        ),
        (
            "Le cortège est parti de la salle Polyvalents vers la mairie.",
            "Polyvalents",
        ),
        (
            "La fête a réuni les Joyeux venus de toute la vallée.",
            "Joyeux",
        ),
    ] {
        let doc = run(text);
        assert_ne!(
            label_of(&doc, word),
            Some(EntityType::LOC),
            "{word:?} in {text:?}"
        );
    }
    // a firm's name with an ending of its own keeps the document's evidence
    assert_label(
        "Le groupe pharmaceutique Novarys a racheté un laboratoire. Novarys emploie 300 personnes.",
        "Novarys",
        EntityType::ORG,
    );
}

#[test]
fn an_organisation_runs_to_the_acronym_written_after_it() {
    assert_label(
        "Selon la Fédération des brasseurs artisanaux belges (FBA), les ventes ont chuté.",
        "Fédération des brasseurs artisanaux belges",
        EntityType::ORG,
    );
    let doc = run(
        "La grève vise l'Office de contrôle des pêches en Afrique et à Madagascar (Ocopam), \
         qui emploie les inspecteurs.",
    );
    assert_eq!(
        label_of(
            &doc,
            "Office de contrôle des pêches en Afrique et à Madagascar"
        ),
        Some(EntityType::ORG)
    );
    assert_eq!(label_of(&doc, "Madagascar"), None);
    // a verb between the name and the parenthesis: the acronym is said of something else
    let doc = run("La Fédération des brasseurs a salué la décision (FBA) hier.");
    assert_eq!(
        label_of(&doc, "Fédération des brasseurs a salué la décision"),
        None
    );
}
