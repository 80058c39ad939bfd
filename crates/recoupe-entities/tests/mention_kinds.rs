//! Regression tests of mention detection and typing on unseen news (issue 13): each test is
//! one kind of error seen across several check corpora, with examples written for the test.

use std::sync::{Arc, OnceLock};

use recoupe_entities::{EntityStage, ReferenceKnowledge};
use recoupe_model::{Document, EntityType, Metadata, Origin, OriginKind, Stage};

fn stage() -> &'static EntityStage {
    static STAGE: OnceLock<EntityStage> = OnceLock::new();
    STAGE.get_or_init(|| EntityStage::new(Arc::new(ReferenceKnowledge::embedded())))
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
    recoupe_text::TextStage.run(&mut doc).expect("text stage");
    stage().run(&mut doc).expect("entity stage");
    doc
}

fn mentions(doc: &Document) -> Vec<(EntityType, String)> {
    doc.layers
        .entities
        .iter()
        .map(|m| (m.label, doc.slice(m.span).to_string()))
        .collect()
}

#[track_caller]
fn assert_has(doc: &Document, ty: EntityType, text: &str) {
    let all = mentions(doc);
    assert!(
        all.iter().any(|(t, s)| *t == ty && s == text),
        "expected {ty:?} \"{text}\" in {all:?}"
    );
}

#[track_caller]
fn assert_lacks(doc: &Document, text: &str) {
    let all = mentions(doc);
    assert!(
        !all.iter().any(|(_, s)| s == text),
        "did not expect \"{text}\" in {all:?}"
    );
}

#[test]
fn portfolio_after_a_minister_and_his_nationality() {
    let doc = run(
        "La vice-ministre kazakhe du Commerce est attendue lundi. Le ministre malien de \
         l'Agriculture, Oumar Traoré, l'accueillera avec son conseiller à la Santé.",
    );
    assert_lacks(&doc, "Commerce");
    assert_lacks(&doc, "Agriculture");
    assert_lacks(&doc, "Santé");
    assert_has(&doc, EntityType::PER, "Oumar Traoré");
}

#[test]
fn a_ministry_with_a_nationality_before_its_portfolios() {
    let doc = run("Selon le ministère ouzbek des Transports et du Commerce, le trafic a doublé.");
    assert_has(
        &doc,
        EntityType::ORG,
        "ministère ouzbek des Transports et du Commerce",
    );
}

#[test]
fn the_minister_named_right_after_the_portfolio() {
    let doc = run(
        "Le ministre de l'Économie Claire Dubreuil a présenté le budget. L'ancien ministre \
         des Mines Amadou Lamine Sow a été entendu.",
    );
    assert_has(&doc, EntityType::PER, "Claire Dubreuil");
    assert_has(&doc, EntityType::PER, "Amadou Lamine Sow");
    assert_lacks(&doc, "Économie Claire Dubreuil");
}

#[test]
fn an_acronym_read_syllable_by_syllable_defines_its_organisation() {
    let doc = run(
        "Le Syndicat national des enseignants du primaire (Synaep) appelle à la grève. Selon \
         la Société nationale des eaux du Togo (Sonetog), les coupures vont durer. La Sonetog \
         promet des camions-citernes et le Synaep maintient son mot d'ordre.",
    );
    assert_has(
        &doc,
        EntityType::ORG,
        "Syndicat national des enseignants du primaire",
    );
    assert_has(&doc, EntityType::ORG, "Synaep");
    assert_has(&doc, EntityType::ORG, "Société nationale des eaux du Togo");
    let sonetog = mentions(&doc)
        .into_iter()
        .filter(|(t, s)| *t == EntityType::ORG && s == "Sonetog")
        .count();
    assert_eq!(sonetog, 2, "{:?}", mentions(&doc));
}

#[test]
fn a_parenthesis_that_no_syllables_spell_stays_out() {
    // "Lomé" is not spelled by the first syllables of the name before it
    let doc = run("Le Conseil national de la presse (Lomé) a suspendu deux journaux.");
    assert_lacks(&doc, "Conseil national de la presse (Lomé)");
    assert_has(&doc, EntityType::LOC, "Lomé");
}

#[test]
fn the_territory_a_body_serves_is_no_part_of_its_name() {
    let doc = run(
        "Le porte-parole de la Protection civile de la région, Karim Saadi, a parlé. Selon \
         la Croix-Rouge locale, douze maisons sont détruites. Les tirs venaient de l'armée \
         malienne loyale au pouvoir de transition.",
    );
    assert_has(&doc, EntityType::ORG, "Protection civile");
    assert_has(&doc, EntityType::ORG, "Croix-Rouge");
    assert_has(&doc, EntityType::ORG, "armée malienne");
    assert_lacks(&doc, "Croix-Rouge locale");
}

#[test]
fn a_local_council_named_by_its_town_keeps_its_adjective() {
    let doc = run("Un élu du conseil local de Raqqa a démenti. La 4e division blindée a reculé.");
    assert_has(&doc, EntityType::ORG, "conseil local de Raqqa");
    assert_has(&doc, EntityType::ORG, "4e division blindée");
}

#[test]
fn a_radio_after_a_station_noun_is_the_organisation() {
    let doc =
        run("Un policier a déclaré à la station locale Radio Kulmiye que la route est rouverte.");
    assert_has(&doc, EntityType::ORG, "Radio Kulmiye");
    assert_lacks(&doc, "station locale Radio Kulmiye");
}

#[test]
fn a_mission_abroad_is_named_with_its_country() {
    let doc =
        run("La Mission d'observation de l'Union africaine au Tchad publiera son rapport lundi.");
    assert_has(
        &doc,
        EntityType::ORG,
        "Mission d'observation de l'Union africaine au Tchad",
    );
    assert_lacks(&doc, "Tchad");
}

#[test]
fn an_embassy_is_named_by_the_country_it_represents() {
    let doc = run(
        "L'ambassade du Sénégal à Rabat a ouvert une cellule de crise, et le consulat \
         général de Belgique a publié un avis. Une ambassade a été évacuée.",
    );
    assert_has(&doc, EntityType::ORG, "ambassade du Sénégal");
    assert_has(&doc, EntityType::LOC, "Rabat");
    assert_has(&doc, EntityType::ORG, "consulat général de Belgique");
    assert_lacks(&doc, "Sénégal");
}

#[test]
fn a_first_name_alone_is_a_person_by_what_the_person_does() {
    let doc = run(
        "« Nous n'avons plus d'eau depuis lundi », soupire Afi, mère de trois enfants. Soa, \
         52 ans, attend depuis l'aube. Leur chef, qui se fait appeler Ramiro, n'a rien dit. \
         Le ministre a rencontré M. Yang mardi.",
    );
    assert_has(&doc, EntityType::PER, "Afi");
    assert_has(&doc, EntityType::PER, "Soa");
    assert_has(&doc, EntityType::PER, "Ramiro");
    assert_has(&doc, EntityType::PER, "Yang");
}

#[test]
fn a_town_before_a_duration_stays_a_town() {
    let doc =
        run("Ils sont revenus à Lyon, 12 ans après leur départ. « Tout va bien », a dit Madrid.");
    assert_has(&doc, EntityType::LOC, "Lyon");
    assert_has(&doc, EntityType::LOC, "Madrid");
}

#[test]
fn a_body_named_after_its_trade_and_the_trade_s_complements() {
    let doc = run(
        "Le fabricant de portes en aluminium Ferralux a fermé son usine. Le fonds \
         d'investissement belge Orvenne Partners détient le groupe. Son transporteur, \
         Malinka Lines, a confirmé. Les entreprises Dorvil et Fils ont remporté le marché. \
         Lors d'un entretien avec la radio nationale, Karim Belhadj a démenti.",
    );
    assert_has(&doc, EntityType::ORG, "Ferralux");
    assert_has(&doc, EntityType::ORG, "Orvenne Partners");
    assert_has(&doc, EntityType::ORG, "Malinka Lines");
    assert_has(&doc, EntityType::PER, "Karim Belhadj");
}

#[test]
fn a_town_standing_for_its_club_before_a_relative_or_after_a_player() {
    let doc = run(
        "Rennes a battu Metz 2-0 samedi lors de la 14e journée du championnat. Metz, qui \
         reste sur trois défaites, recule au classement. L'attaquant de Rennes a marqué deux \
         buts en première période.",
    );
    let metz: Vec<_> = mentions(&doc)
        .into_iter()
        .filter(|(_, s)| s == "Metz")
        .collect();
    assert!(
        metz.iter().all(|(t, _)| *t == EntityType::ORG),
        "{:?}",
        mentions(&doc)
    );
    let rennes: Vec<_> = mentions(&doc)
        .into_iter()
        .filter(|(_, s)| s == "Rennes")
        .collect();
    assert!(
        rennes.len() == 2 && rennes.iter().all(|(t, _)| *t == EntityType::ORG),
        "{:?}",
        mentions(&doc)
    );
}

#[test]
fn a_grand_council_is_named_by_its_capitalised_adjective() {
    let doc = run(
        "Le texte passera devant le Grand Conseil d'ici à la fin de l'année. Le Grand \
         Conseil vaudois l'a adopté mardi.",
    );
    assert_has(&doc, EntityType::ORG, "Grand Conseil");
    assert_has(&doc, EntityType::ORG, "Grand Conseil vaudois");
    assert_lacks(&doc, "Grand Conseil d'ici à la fin");
}

#[test]
fn a_verb_taking_de_and_an_infinitive_ends_a_ministry_s_name() {
    let doc =
        run("Le ministère de la Pêche et de l'Économie maritime ambitionne de doubler les prises.");
    assert_has(
        &doc,
        EntityType::ORG,
        "ministère de la Pêche et de l'Économie maritime",
    );
}

#[test]
fn operations_weapons_ships_and_festivals_named_after_their_noun() {
    let doc = run(
        "Les opérations Lame-Nord et Lame-Sud ont été lancées en mai. L'armée a demandé des \
         systèmes Kestrel. Le pétrolier Nova Brisa a été arraisonné. Le festival Takamba a \
         attiré du monde.",
    );
    assert_has(&doc, EntityType::MISC, "Lame-Nord");
    assert_has(&doc, EntityType::MISC, "Lame-Sud");
    assert_has(&doc, EntityType::MISC, "Kestrel");
    assert_has(&doc, EntityType::MISC, "Nova Brisa");
    assert_has(&doc, EntityType::MISC, "Takamba");
}

#[test]
fn a_sentence_s_article_yields_to_the_longer_name_after_it() {
    let doc =
        run("Les avocats ont fait appel. La Côte d'Ivoire a durci sa loi. La Haye a tranché.");
    assert_has(&doc, EntityType::LOC, "Côte d'Ivoire");
    assert_lacks(&doc, "La Côte");
    assert_has(&doc, EntityType::LOC, "La Haye");
}

#[test]
fn an_order_a_cell_and_the_chamber_open_names() {
    let doc = run(
        "Selon l'Ordre des médecins, la Cellule de crise sanitaire a été saisie. La Chambre a \
         voté mardi. Les forces de l'ordre maliennes ont bouclé le quartier. Il dort dans sa \
         chambre.",
    );
    assert_has(&doc, EntityType::ORG, "Ordre des médecins");
    assert_has(&doc, EntityType::ORG, "Cellule de crise sanitaire");
    assert_has(&doc, EntityType::ORG, "Chambre");
    assert_has(&doc, EntityType::ORG, "forces de l'ordre maliennes");
}
