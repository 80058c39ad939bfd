//! Regression tests of the events stage and the story record, on sentences written for them.

use recoupe_model::{
    DateSource, Document, Event, EventType, Language, Metadata, Origin, OriginKind, Published,
    Stage, Stance,
};

use crate::{story_event, EventStage};

fn annotate(id: &str, published: Option<&str>, text: &str) -> Document {
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Text,
        path: format!("{id}.txt"),
        record: None,
    });
    meta.external_id = Some(id.to_string());
    meta.language = Some(Language {
        code: "fr".into(),
        confidence: 1.0,
    });
    meta.published = published.map(|d| Published {
        date: chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap(),
        source: DateSource::Metadata,
        inferred_from: None,
    });
    let mut doc = Document::new(text.to_string(), meta);
    let stages: Vec<Box<dyn Stage>> = vec![
        Box::new(recoupe_text::TextStage),
        Box::new(recoupe_entities::EntityStage::embedded()),
        Box::new(recoupe_entities::PlaceStage::embedded()),
        Box::new(recoupe_values::DateStage),
        Box::new(recoupe_values::QuantityStage),
        Box::new(recoupe_attribution::AttributionStage::new()),
        Box::new(EventStage::new()),
    ];
    for stage in &stages {
        stage.run(&mut doc).unwrap();
    }
    doc
}

fn trigger<'a>(doc: &'a Document, event: &Event) -> &'a str {
    &doc.text[event.trigger.start..event.trigger.end]
}

fn of_type(doc: &Document, t: EventType) -> Vec<&Event> {
    doc.layers
        .events
        .iter()
        .filter(|e| e.event_type == t)
        .collect()
}

#[test]
fn issue14_a_drone_strike_is_an_assault_by_drone_with_its_place_and_date() {
    let doc = annotate(
        "d1",
        Some("2023-05-08"),
        "Un drone a frappé dimanche un dépôt de carburant à Kherson, faisant trois morts.",
    );
    let assaults = of_type(&doc, EventType::Assault);
    assert!(!assaults.is_empty(), "{:?}", doc.layers.events);
    let e = assaults[0];
    assert_eq!(trigger(&doc, e), "frappé");
    assert!(e.modes.contains(&"drone".to_string()));
    assert_eq!(e.date.as_deref(), Some("2023-05-07"));
    assert!(e.place.is_some());
}

#[test]
fn issue14_the_tagger_tells_the_noun_frappe_from_the_verb() {
    let noun = annotate(
        "n1",
        None,
        "La frappe israélienne a visé un entrepôt près de Beyrouth.",
    );
    let e = of_type(&noun, EventType::Assault)[0];
    assert_eq!(e.provenance.rule, "trigger-noun");
    // The nationality after the noun is the doer.
    assert_eq!(
        e.actors.first().map(|a| a.entity.as_str()),
        Some("country:IL")
    );

    let verb = annotate(
        "n2",
        None,
        "L'armée israélienne frappe de nouveau le sud du Liban.",
    );
    let e = of_type(&verb, EventType::Assault)[0];
    assert!(
        e.provenance.rule.ends_with("trigger-verb"),
        "{}",
        e.provenance.rule
    );
}

#[test]
fn issue14_a_passive_agent_is_the_actor_and_the_subject_the_recipient() {
    let doc = annotate(
        "p1",
        None,
        "Le porte-parole du Hezbollah a été arrêté mardi par la police libanaise.",
    );
    let e = of_type(&doc, EventType::Coerce)[0];
    assert!(e.modes.contains(&"arrest".to_string()));
    assert!(
        e.actors
            .iter()
            .any(|a| a.entity == "actors:lebanese-police"),
        "{e:?}"
    );
    assert!(
        e.recipients.iter().any(|r| r.entity.contains("hezbollah")),
        "{e:?}"
    );
}

#[test]
fn issue14_sentenced_to_prison_is_a_sanction_but_condemning_an_attack_is_an_accusation() {
    let court = annotate(
        "c1",
        None,
        "L'ancien maire a été condamné à cinq ans de prison ferme.",
    );
    assert_eq!(of_type(&court, EventType::Sanction).len(), 1);
    assert!(of_type(&court, EventType::Sanction)[0]
        .modes
        .contains(&"convict".to_string()));
    let words = annotate(
        "c2",
        None,
        "Le gouvernement français condamne fermement cette attaque.",
    );
    assert!(of_type(&words, EventType::Sanction).is_empty());
    assert_eq!(of_type(&words, EventType::Accuse).len(), 1);
}

#[test]
fn issue14_an_own_claim_an_accusation_and_a_denial_are_responsibility_claims() {
    let doc = annotate(
        "r1",
        None,
        "L'État islamique a revendiqué l'attentat. \
         Téhéran accuse Israël d'avoir commandité cette attaque. \
         Le gouvernement israélien a démenti toute implication.",
    );
    let claims: Vec<(String, Option<String>, Stance)> = doc
        .layers
        .events
        .iter()
        .flat_map(|e| e.responsibility.iter())
        .map(|c| {
            (
                c.actor.entity.clone(),
                c.by.as_ref().map(|b| b.entity.clone()),
                c.stance,
            )
        })
        .collect();
    assert!(claims.contains(&(
        "actors:islamic-state".into(),
        Some("actors:islamic-state".into()),
        Stance::Claims
    )));
    assert!(
        claims.iter().any(|(a, by, s)| a == "country:IL"
            && by.as_deref().is_some_and(|b| b.starts_with("geonames:"))
            && *s == Stance::Claims),
        "{claims:?}"
    );
    assert!(
        claims
            .iter()
            .any(|(a, _, s)| a == "country:IL" && *s == Stance::Denies),
        "{claims:?}"
    );
}

#[test]
fn issue14_two_sides_blaming_each_other_claim_both_ways() {
    let doc = annotate(
        "m1",
        None,
        "L'Arménie et l'Azerbaïdjan s'accusent mutuellement d'avoir ouvert le feu à la frontière.",
    );
    let claims: Vec<(String, String)> = doc
        .layers
        .events
        .iter()
        .flat_map(|e| e.responsibility.iter())
        .filter(|c| c.stance == Stance::Claims)
        .map(|c| {
            (
                c.actor.entity.clone(),
                c.by.as_ref().unwrap().entity.clone(),
            )
        })
        .collect();
    assert!(
        claims.contains(&("country:AZ".into(), "country:AM".into())),
        "{claims:?}"
    );
    assert!(
        claims.contains(&("country:AM".into(), "country:AZ".into())),
        "{claims:?}"
    );
}

#[test]
fn issue14_an_earthquake_is_other_and_an_imminent_attack_is_hedged() {
    let quake = annotate(
        "q1",
        None,
        "Un violent séisme a secoué l'ouest de la Turquie dans la nuit.",
    );
    assert_eq!(quake.layers.events[0].event_type, EventType::Other);
    let fear = annotate(
        "q2",
        None,
        "Les habitants fuient une offensive imminente sur la ville.",
    );
    assert!(of_type(&fear, EventType::Assault)[0].hedged);
}

#[test]
fn issue14_the_story_record_keeps_a_claimed_actor_out_of_actors() {
    let a = annotate(
        "s1",
        Some("2024-06-02"),
        "Attaque contre une caserne à Tillabéri\n\
         Une attaque a visé samedi une caserne de l'armée à Tillabéri, tuant 20 soldats. \
         L'attaque a été revendiquée par l'État islamique.",
    );
    let b = annotate(
        "s2",
        Some("2024-06-02"),
        "Au moins 20 soldats ont été tués samedi dans l'attaque d'une caserne à Tillabéri, \
         a annoncé le ministère de la Défense. Le groupe État islamique a revendiqué l'attaque.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(record.event_type, EventType::Assault);
    assert!(
        record
            .actors
            .iter()
            .all(|x| x.entity != "actors:islamic-state"),
        "{record:?}"
    );
    let r = record
        .responsibility
        .iter()
        .find(|r| r.actor.entity == "actors:islamic-state")
        .expect("the claim");
    assert!(r
        .claimed_by
        .iter()
        .any(|c| c.entity == "actors:islamic-state"));
    assert!(!r.established);
    assert_eq!(
        record.date.as_ref().map(|d| d.value.as_str()),
        Some("2024-06-01")
    );
    let f = record.fatalities.as_ref().expect("a toll");
    // "au moins 20" leaves the toll open above.
    assert_eq!((f.low, f.high), (Some(20.0), None));
    assert_eq!(
        record.place.as_ref().map(|p| p.country.as_deref()),
        Some(Some("NE"))
    );
}

#[test]
fn issue14_a_figure_given_by_one_article_only_is_no_toll() {
    let a = annotate(
        "t1",
        None,
        "Des milliers de manifestants ont défilé à Lyon contre la réforme. \
         Trois personnes ont été tuées en marge du cortège.",
    );
    let b = annotate(
        "t2",
        None,
        "La manifestation de Lyon contre la réforme a réuni des milliers de personnes.",
    );
    let record = story_event(&[&a, &b], &[]).unwrap();
    assert_eq!(record.event_type, EventType::Protest);
    assert!(record.fatalities.is_none());
}

#[test]
fn issue14_the_acled_row_has_every_column() {
    let a = annotate(
        "u1",
        Some("2024-01-10"),
        "Des soldats ont ouvert le feu sur des civils à Goma mardi, tuant 4 personnes.",
    );
    let b = annotate(
        "u2",
        Some("2024-01-10"),
        "Quatre civils ont été tués mardi à Goma par des tirs de soldats.",
    );
    let record = story_event(&[&a, &b], &[]).unwrap();
    let row = record.acled_row(&crate::StoryContext {
        story_id: "goma".into(),
        sources: 2,
        independent_sources: 2,
    });
    let value = serde_json::to_value(&row).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for column in crate::ACLED_COLUMNS {
        assert!(keys.contains(column), "{column}");
    }
    assert_eq!(row.event_type, "ASSAULT");
    assert!(row.mode.contains("firearms"));
}

mod properties {
    use proptest::prelude::*;

    use super::annotate;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Any text: no panic, every event span on character boundaries.
        #[test]
        fn issue14_events_never_panic_and_stay_on_char_boundaries(
            text in "[a-zéèàçA-Z0-9 ,.;:'’«»()-]{0,160}( a frappé | ont été tués | dément | s'accusent mutuellement | revendiqué par )[a-zéA-Z ,.']{0,60}"
        ) {
            let doc = annotate("p", None, &text);
            for e in &doc.layers.events {
                prop_assert!(e.span.slice(&doc.text).is_some());
                prop_assert!(e.trigger.slice(&doc.text).is_some());
                for a in e.actors.iter().chain(&e.recipients) {
                    prop_assert!(a.span.slice(&doc.text).is_some());
                }
            }
        }
    }
}

#[test]
fn issue14_an_undated_report_places_its_weekdays_against_the_other_reports() {
    // The dated report says nothing of when; the undated one says "la nuit de samedi à
    // dimanche", which only the other report's publication date (a Monday) can place.
    let a = annotate(
        "w1",
        Some("2024-05-06"),
        "Inondations en Tunisie\nDes inondations ont fait douze morts à Sfax, selon la protection civile.",
    );
    let b = annotate(
        "w2",
        None,
        "Dans la nuit de samedi à dimanche, des inondations ont fait douze morts à Sfax.",
    );
    assert!(b.meta.published.is_none() || b.layers.dates.iter().all(|d| d.value.is_none()));
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(record.event_type, EventType::Other);
    assert_eq!(
        record.date.as_ref().map(|d| d.value.as_str()),
        Some("2024-05-04/2024-05-05"),
        "{record:?}"
    );
}

#[test]
fn issue14_the_event_date_is_the_earliest_well_supported_day_not_the_follow_up() {
    let first = annotate(
        "e1",
        Some("2024-03-08"),
        "L'attaque de mardi à Kidal a fait cinq morts parmi les soldats.",
    );
    let later = |id: &str| {
        annotate(
            id,
            Some("2024-03-08"),
            "Jeudi, l'armée a annoncé que l'attaque de Kidal avait fait cinq morts.",
        )
    };
    let (b, c) = (later("e2"), later("e3"));
    let record = story_event(&[&first, &b, &c], &[]).expect("a record");
    assert_eq!(record.event_type, EventType::Assault);
    assert_eq!(
        record.date.as_ref().map(|d| d.value.as_str()),
        Some("2024-03-05"),
        "{record:?}"
    );
}

#[test]
fn issue14_a_landmark_after_pres_de_or_au_nord_de_is_no_place_of_the_clause() {
    let near = annotate("l1", None, "Une attaque a tué dix civils au nord de Beni.");
    let e = of_type(&near, EventType::Assault)[0];
    assert_eq!(e.place, None, "{e:?}");
    let inside = annotate(
        "l2",
        None,
        "Une attaque a tué dix civils dans le nord du Mali.",
    );
    let e = of_type(&inside, EventType::Assault)[0];
    assert_eq!(e.place.as_deref(), Some("country:ML"), "{e:?}");
}

#[test]
fn issue14_a_capital_that_speaks_in_the_lead_is_not_where_it_happened() {
    let a = annotate(
        "k1",
        Some("2024-02-10"),
        "Trois morts dans une frappe, selon Kiev\n\
         Une frappe a fait trois morts dans la nuit, selon Kiev. \
         Le missile a touché un immeuble de Kharkiv.",
    );
    let b = annotate(
        "k2",
        Some("2024-02-10"),
        "Une frappe a tué trois personnes, selon Kiev. L'immeuble visé se trouve à Kharkiv.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    let place = record.place.as_ref().expect("a place");
    assert_eq!(place.name, "Kharkiv", "{record:?}");
}

#[test]
fn issue14_a_vote_counted_canton_by_canton_stays_national() {
    let a = annotate(
        "v1",
        Some("2024-03-03"),
        "Le référendum sur les retraites accepté en Suisse\n\
         La Suisse a accepté dimanche par référendum la réforme des retraites. \
         Le Jura a voté oui à 80% et Genève à 75%.",
    );
    let b = annotate(
        "v2",
        Some("2024-03-03"),
        "Le référendum a été accepté en Suisse. Vaud et Genève ont dit oui, le Tessin aussi.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    let place = record.place.as_ref().expect("a place");
    assert_eq!(place.precision, crate::GeoPrecision::Country, "{record:?}");
    assert_eq!(place.country.as_deref(), Some("CH"));
}

#[test]
fn issue14_an_actor_whose_part_is_denied_is_disputed_not_established() {
    let a = annotate(
        "x1",
        Some("2022-11-21"),
        "Des bombardements russes ont frappé la ville de Nikopol samedi. Moscou a démenti.",
    );
    let b = annotate(
        "x2",
        Some("2022-11-21"),
        "Des bombardements russes ont visé Nikopol samedi, selon Kiev. Moscou dément.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert!(
        record.actors.iter().all(|x| x.entity != "country:RU"),
        "{record:?}"
    );
    let r = record
        .responsibility
        .iter()
        .find(|r| r.actor.entity == "country:RU")
        .expect("Russia's part, disputed");
    assert!(!r.denied_by.is_empty());
    assert!(!r.established);
}

#[test]
fn issue14_a_protest_s_revendications_are_no_claim_of_responsibility() {
    let a = annotate(
        "m1",
        None,
        "Des milliers de manifestants ont défilé à Lyon. La CGT revendique une hausse des salaires.",
    );
    let b = annotate(
        "m2",
        None,
        "La manifestation de Lyon a réuni des milliers de personnes. La CGT a revendiqué 20 000 manifestants.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(record.event_type, EventType::Protest);
    assert!(record.responsibility.is_empty(), "{record:?}");
}

#[test]
fn issue14_after_a_quotation_the_accuser_follows_the_verb() {
    let doc = annotate(
        "q1",
        None,
        "« Ces frappes sont l'œuvre des Russes », a accusé le président ukrainien Volodymyr Zelensky.",
    );
    let claims: Vec<_> = doc
        .layers
        .events
        .iter()
        .flat_map(|e| e.responsibility.iter())
        .collect();
    // Zelensky is who accuses: neither he nor Ukraine is the accused.
    assert!(
        claims
            .iter()
            .all(|c| c.actor.entity != "country:UA" && !c.actor.entity.contains("zelensky")),
        "{claims:?}"
    );
}

#[test]
fn issue14_a_nationality_before_an_apposition_is_no_second_subject() {
    let doc = annotate(
        "o1",
        None,
        "Le candidat chilien, Pedro Soto, a remporté l'élection présidentielle.",
    );
    let actors: Vec<&str> = doc
        .layers
        .events
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.entity.as_str()))
        .collect();
    assert!(!actors.contains(&"country:CL"), "{:?}", doc.layers.events);
}

#[test]
fn issue14_the_adjective_after_a_vote_says_where_not_who() {
    let doc = annotate("o2", None, "Les élections québécoises ont eu lieu lundi.");
    let e = of_type(&doc, EventType::Other)[0];
    assert!(e.actors.is_empty(), "{e:?}");
}

#[test]
fn issue14_a_source_is_no_claimant_of_its_own_part_without_a_cue() {
    let text = "Les rebelles du M23 ont attaqué la ville de Sake samedi, selon le M23.";
    let (a, b) = (annotate("c1", None, text), annotate("c2", None, text));
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert!(
        record
            .responsibility
            .iter()
            .all(|r| r.claimed_by.iter().all(|c| c.entity != r.actor.entity)),
        "{record:?}"
    );
}

#[test]
fn issue14_a_sentence_no_one_hands_down_in_the_clause_is_the_named_court_s() {
    let a = annotate(
        "j1",
        Some("2024-06-14"),
        "Le tribunal correctionnel de Lille a rendu son verdict jeudi. \
         L'ancien maire Paul Durand a été condamné à trois ans de prison.",
    );
    let b = annotate(
        "j2",
        Some("2024-06-14"),
        "Paul Durand a été condamné jeudi à trois ans de prison, selon le tribunal correctionnel de Lille.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(record.event_type, EventType::Sanction);
    assert!(
        record.actors.iter().any(|x| x.name.contains("tribunal")),
        "{record:?}"
    );
}

#[test]
fn issue14_a_competition_or_a_law_takes_no_part_in_an_event() {
    let doc = annotate(
        "g1",
        None,
        "Le club a remporté la finale de la Ligue des champions à Munich.",
    );
    let parts: Vec<&str> = doc
        .layers
        .events
        .iter()
        .flat_map(|e| e.actors.iter().chain(&e.recipients))
        .map(|a| a.entity.as_str())
        .collect();
    assert!(
        parts.iter().all(|p| !p.contains("champions-league")),
        "{:?}",
        doc.layers.events
    );
    // It still says what the weak "finale" reports: a sports result.
    assert!(
        !of_type(&doc, EventType::Other).is_empty(),
        "{:?}",
        doc.layers.events
    );
}

#[test]
fn issue14_an_adverbial_before_a_comma_is_no_subject_of_the_arrest() {
    // The noun phrase with its count after the comma is the subject; the person named in
    // the adverbial before it underwent nothing.
    let doc = annotate(
        "s1",
        None,
        "Après le discours du ministre Jean Castex, 40 militants ont été interpellés devant la préfecture.",
    );
    let e = of_type(&doc, EventType::Coerce)[0];
    assert!(e.recipients.is_empty(), "{e:?}");
    // A date between commas leaves the subject before it in place.
    let doc = annotate(
        "s2",
        None,
        "Le Hamas, le 12 mars, a attaqué un poste de l'armée israélienne.",
    );
    let e = of_type(&doc, EventType::Assault)[0];
    assert!(e.actors.iter().any(|a| a.entity.contains("hamas")), "{e:?}");
}

#[test]
fn issue14_who_adopts_a_motion_or_votes_it_is_its_actor() {
    let doc = annotate(
        "v1",
        None,
        "Le Parti socialiste a adopté jeudi une motion de censure contre le gouvernement.",
    );
    let e = of_type(&doc, EventType::Sanction)[0];
    assert!(
        e.actors
            .iter()
            .any(|a| a.entity.contains("socialiste") || a.entity.contains("ps")),
        "{e:?}"
    );
    // An agent that is no named participant does not end the search for one.
    let doc = annotate(
        "v2",
        None,
        "La motion de censure déposée par des députés et votée par le Sénat a été rejetée.",
    );
    let e = of_type(&doc, EventType::Sanction)[0];
    assert!(e.actors.iter().any(|a| a.entity.contains("senat")), "{e:?}");
}

#[test]
fn issue14_a_team_that_wins_against_another_is_the_actor() {
    let doc = annotate(
        "f1",
        None,
        "Le Real Madrid a gagné la finale en s'imposant 3-1 contre le Bayern Munich.",
    );
    let e = doc
        .layers
        .events
        .iter()
        .find(|e| e.event_type == EventType::Other && trigger(&doc, e).ends_with("imposant"))
        .unwrap_or_else(|| panic!("{:?}", doc.layers.events));
    assert!(!e.actors.is_empty(), "{e:?}");
    assert!(!e.recipients.is_empty(), "{e:?}");
}

#[test]
fn issue14_a_recalled_earlier_killing_lends_no_participant_to_the_record() {
    let a = annotate(
        "k1",
        Some("2024-05-10"),
        "Un attentat a frappé jeudi 9 mai un marché de Peshawar, tuant douze personnes. \
         Le chef Abdul Rahman avait été tué en mars 2021 lors d'une frappe de drone.",
    );
    let record = story_event(&[&a], &[]).unwrap();
    assert_eq!(record.event_type, EventType::Assault);
    assert!(
        record.recipients.iter().all(|r| !r.name.contains("Rahman")),
        "{:?}",
        record.recipients
    );
}

#[test]
fn issue14_an_attack_by_another_country_has_the_attacked_country_as_recipient() {
    let a = annotate(
        "c1",
        Some("2023-07-02"),
        "Une frappe de missile russe a touché samedi un immeuble à Kharkiv, tuant six personnes. \
         Parmi les morts figure Olena Petrenko, une enseignante.",
    );
    let b = annotate(
        "c2",
        Some("2023-07-02"),
        "Six personnes ont été tuées samedi à Kharkiv par une frappe russe contre un immeuble.",
    );
    let record = story_event(&[&a, &b], &[]).unwrap();
    assert!(
        record.recipients.iter().any(|r| r.entity == "country:UA"),
        "{:?}",
        record
    );
    assert!(
        record
            .recipients
            .iter()
            .all(|r| !r.name.contains("Petrenko")),
        "{:?}",
        record.recipients
    );
    // A home-grown armed group attacking a village of its own country: no country recipient.
    let c = annotate(
        "c3",
        Some("2023-07-02"),
        "Des hommes armés ont attaqué samedi le village de Kisangani, tuant six civils.",
    );
    let record = story_event(&[&c], &[]).unwrap();
    assert!(
        record
            .recipients
            .iter()
            .all(|r| !r.entity.starts_with("country:")),
        "{:?}",
        record.recipients
    );
}

#[test]
fn issue14_who_reports_a_killing_is_not_its_victim() {
    let doc = annotate(
        "q1",
        None,
        "Selon le maire de la ville, Jean Dupont, entre 20 et 30 personnes ont été tuées par des hommes armés.",
    );
    let e = of_type(&doc, EventType::Assault)[0];
    assert!(
        e.recipients
            .iter()
            .all(|r| !r.entity.contains("dpnt") && !r.entity.contains("dupont")),
        "{e:?}"
    );
}

#[test]
fn issue14_the_country_where_it_happened_is_no_recipient_of_a_march_or_a_domestic_attack() {
    let doc = annotate(
        "b1",
        Some("2026-03-04"),
        "Des milliers de personnes ont défilé mardi dans les rues de Madrid contre la réforme du travail.",
    );
    // (With no one named, the weak "défiler" reports nothing at all.)
    assert!(
        of_type(&doc, EventType::Protest)
            .iter()
            .all(|e| e.recipients.is_empty()),
        "{:?}",
        doc.layers.events
    );
    let a = annotate(
        "b2",
        Some("2026-03-04"),
        "Le nord du Mali a été frappé mardi par une attaque qui a fait dix morts à Gao.",
    );
    let record = story_event(&[&a], &[]).unwrap();
    assert!(
        record.recipients.iter().all(|r| r.entity != "country:ML"),
        "{:?}",
        record.recipients
    );
}

#[test]
fn issue14_a_weekday_of_a_later_undated_report_does_not_date_the_event_a_week_early() {
    // The dated report (a Thursday) dates the floods on Wednesday; the undated one, written
    // days later, gives the toll "vendredi soir": placed against Thursday it would fall on
    // the Friday before the floods.
    let a = annotate(
        "l1",
        Some("2024-05-09"),
        "Inondations en Tunisie\nDes inondations ont fait douze morts mercredi à Sfax, selon la protection civile.",
    );
    let b = annotate(
        "l2",
        None,
        "Le bilan des inondations de Sfax, donné vendredi soir par les autorités, atteint vingt morts.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(
        record.date.as_ref().map(|d| d.value.as_str()),
        Some("2024-05-08"),
        "{record:?}"
    );
}

#[test]
fn issue14_the_work_of_x_and_x_is_behind_it_hold_x_responsible() {
    let claims = |doc: &Document| -> Vec<(String, Option<String>)> {
        doc.layers
            .events
            .iter()
            .flat_map(|e| e.responsibility.iter())
            .filter(|c| c.stance == Stance::Claims)
            .map(|c| {
                (
                    c.actor.entity.clone(),
                    c.by.as_ref().map(|b| b.entity.clone()),
                )
            })
            .collect()
    };
    let doc = annotate(
        "o1",
        None,
        "Le gouvernement israélien estime que l'attentat de Jérusalem est l'œuvre du Hamas.",
    );
    assert!(
        claims(&doc).iter().any(|(a, _)| a.contains("hamas")),
        "{:?}",
        doc.layers.events
    );
    // The capital after the attack's noun is where it happened, not who did it.
    let doc = annotate("o0", None, "L'attentat de Kaboul a fait dix morts.");
    let e = of_type(&doc, EventType::Assault)[0];
    assert!(e.actors.is_empty(), "{e:?}");
    let doc = annotate(
        "o2",
        None,
        "Selon Washington, l'Iran est derrière l'attaque contre le pétrolier.",
    );
    assert!(
        claims(&doc).iter().any(|(a, _)| a == "country:IR"),
        "{:?}",
        doc.layers.events
    );
    // A people named by its demonym stands for its country.
    let doc = annotate(
        "o4",
        None,
        "« Ce bombardement est l'œuvre des Russes », a déclaré le maire.",
    );
    assert!(
        claims(&doc).iter().any(|(a, _)| a == "country:RU"),
        "{:?}",
        doc.layers.events
    );
    // Putting a plan into effect is no authorship.
    let doc = annotate(
        "o3",
        None,
        "La mise en œuvre de l'accord d'Alger a été saluée après l'attaque.",
    );
    assert!(claims(&doc).is_empty(), "{:?}", doc.layers.events);
}

/// Every (actor, by, stance) of the responsibility claims of a document's events.
fn responsibility_triples(doc: &Document) -> Vec<(String, String, Stance)> {
    doc.layers
        .events
        .iter()
        .flat_map(|e| e.responsibility.iter())
        .filter_map(|c| {
            Some((
                c.actor.entity.clone(),
                c.by.as_ref()?.entity.clone(),
                c.stance,
            ))
        })
        .collect()
}

#[test]
fn issue14_an_adverb_before_mutuellement_still_makes_the_accusation_mutual() {
    let doc = annotate(
        "m2",
        None,
        "L'Arménie et l'Azerbaïdjan se sont encore accusées mutuellement d'avoir bombardé un village frontalier.",
    );
    let triples = responsibility_triples(&doc);
    for (actor, by) in [("country:AZ", "country:AM"), ("country:AM", "country:AZ")] {
        assert!(
            triples.contains(&(actor.into(), by.into(), Stance::Claims)),
            "{triples:?}"
        );
    }
}

#[test]
fn issue14_responsable_after_a_possessive_names_an_official_not_a_culprit() {
    let doc = annotate(
        "o1",
        None,
        "Des obus sont tombés sur le barrage, que le Comité international de la Croix-Rouge et son responsable ont visité lundi.",
    );
    let triples = responsibility_triples(&doc);
    assert!(triples.is_empty(), "{triples:?}");
    // The predicate still holds someone responsible.
    let doc = annotate(
        "o2",
        None,
        "Selon Erevan, l'Azerbaïdjan est responsable du bombardement du village.",
    );
    let triples = responsibility_triples(&doc);
    assert!(
        triples
            .iter()
            .any(|(a, _, s)| a == "country:AZ" && *s == Stance::Claims),
        "{triples:?}"
    );
}

#[test]
fn issue14_calling_an_account_a_provocation_denies_the_part_it_gives_the_actor() {
    let doc = annotate(
        "p1",
        None,
        "« Les affirmations selon lesquelles la Russie a bombardé l'hôpital de Kherson sont une provocation », a déclaré le Kremlin.",
    );
    let triples = responsibility_triples(&doc);
    assert!(
        triples
            .iter()
            .any(|(a, _, s)| a == "country:RU" && *s == Stance::Denies),
        "{triples:?}"
    );
    assert!(
        !triples
            .iter()
            .any(|(a, _, s)| a == "country:RU" && *s == Stance::Claims),
        "{triples:?}"
    );
}

#[test]
fn issue14_who_declares_that_blasts_were_heard_did_not_cause_them() {
    let doc = annotate(
        "c1",
        None,
        "Le directeur de l'Agence internationale de l'énergie atomique a déclaré que deux explosions ont touché le site dimanche.",
    );
    let actors: Vec<&str> = doc
        .layers
        .events
        .iter()
        .filter(|e| e.event_type == EventType::Assault)
        .flat_map(|e| e.actors.iter().map(|a| a.entity.as_str()))
        .collect();
    assert!(actors.is_empty(), "{:?}", doc.layers.events);
    // A verb that governs the noun still gives its subject: "X a mené une attaque".
    let doc = annotate(
        "c2",
        None,
        "L'État islamique a mené une attaque contre une caserne dimanche.",
    );
    let actors: Vec<&str> = doc
        .layers
        .events
        .iter()
        .filter(|e| e.event_type == EventType::Assault)
        .flat_map(|e| e.actors.iter().map(|a| a.entity.as_str()))
        .collect();
    assert!(!actors.is_empty(), "{:?}", doc.layers.events);
}

/// The actors of the ASSAULT events of a document.
fn assault_actors(doc: &Document) -> Vec<String> {
    of_type(doc, EventType::Assault)
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.entity.clone()))
        .collect()
}

#[test]
fn issue14_a_parenthesis_or_an_apposition_between_subject_and_verb_keeps_the_subject() {
    let doc = annotate(
        "s1",
        None,
        "Les Forces de soutien rapide (FSR) ont attaqué un camp de déplacés au Darfour.",
    );
    let actors = assault_actors(&doc);
    assert!(
        actors.iter().any(|a| a.contains("rsf")),
        "{:?}",
        doc.layers.events
    );
    let doc = annotate(
        "s2",
        None,
        "Le Hezbollah, un mouvement armé chiite fondé au Liban au début des années 1980, a accusé Israël d'avoir mené la frappe.",
    );
    let triples = responsibility_triples(&doc);
    assert!(
        triples.iter().any(|(a, by, s)| a == "country:IL"
            && by.contains("hezbollah")
            && *s == Stance::Claims),
        "{triples:?}"
    );
}

#[test]
fn issue14_ethnic_cleansing_is_a_targeted_assault() {
    let doc = annotate(
        "e1",
        None,
        "Les habitants décrivent un nettoyage ethnique mené par les Forces de soutien rapide dans la ville.",
    );
    let assaults = of_type(&doc, EventType::Assault);
    assert!(!assaults.is_empty(), "{:?}", doc.layers.events);
    assert!(assaults[0].modes.contains(&"targeted".to_string()));
    assert!(assault_actors(&doc).iter().any(|a| a.contains("rsf")));
}

#[test]
fn issue14_the_agent_of_the_passive_whose_subject_is_the_event_noun_did_it() {
    let doc = annotate(
        "v1",
        None,
        "Une motion de censure déposée par des députés de l'opposition a été votée, mardi soir, par l'Assemblée nationale.",
    );
    let actors: Vec<String> = of_type(&doc, EventType::Sanction)
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.entity.clone()))
        .collect();
    assert!(
        actors.iter().any(|a| a.contains("assembl")),
        "{:?}",
        doc.layers.events
    );
    // A claim is no doing: "revendiquée par X" leaves X out of the actors.
    let doc = annotate(
        "v2",
        None,
        "L'attaque a été revendiquée, dimanche soir, par l'État islamique.",
    );
    assert!(assault_actors(&doc).is_empty(), "{:?}", doc.layers.events);
}

#[test]
fn issue14_the_fighters_of_a_general_attacked_not_the_general_himself() {
    let doc = annotate(
        "f1",
        None,
        "Les combattants du général Khalifa Haftar ont attaqué un poste de police à Tripoli.",
    );
    let actors = assault_actors(&doc);
    assert!(!actors.iter().any(|a| a.contains("haftar")), "{actors:?}");
    // Named alone, the person is the subject.
    let doc = annotate(
        "f2",
        None,
        "Le général Khalifa Haftar a attaqué Tripoli avec ses troupes.",
    );
    let actors = assault_actors(&doc);
    assert!(actors.iter().any(|a| a.contains("haftar")), "{actors:?}");
}

/// Every (actor, by, stance) responsibility claim of the document.
fn claims_of(doc: &Document) -> Vec<(String, Option<String>, Stance)> {
    doc.layers
        .events
        .iter()
        .flat_map(|e| e.responsibility.iter())
        .map(|c| {
            (
                c.actor.entity.clone(),
                c.by.as_ref().map(|b| b.entity.clone()),
                c.stance,
            )
        })
        .collect()
}

#[test]
fn issue14_the_person_named_in_a_selon_phrase_reports_the_event_and_did_not_do_it() {
    let doc = annotate(
        "s1",
        None,
        "Selon un élu de la commune joint par téléphone, Marcel Tavernier, des hommes armés ont ouvert le feu sur la foule du marché de Kidal jeudi.",
    );
    let actors = assault_actors(&doc);
    assert!(!actors.iter().any(|a| a.contains("tvrnr")), "{actors:?}");
    // Reporting one's own deed in an infinitive clause keeps the speaker as its subject.
    let doc = annotate(
        "s2",
        None,
        "Le général Khalifa Haftar a affirmé avoir attaqué un poste de police à Tripoli.",
    );
    let actors = assault_actors(&doc);
    assert!(actors.iter().any(|a| a.contains("haftar")), "{actors:?}");
}

#[test]
fn issue14_the_organisers_a_protest_was_called_by_are_its_actors() {
    let doc = annotate(
        "p1",
        None,
        "Des centaines de tracteurs ont convergé lundi vers Toulouse à l'appel de la Fédération nationale des syndicats d'exploitants agricoles (FNSEA) et de la Confédération paysanne.",
    );
    let protests = of_type(&doc, EventType::Protest);
    assert!(!protests.is_empty(), "{:?}", doc.layers.events);
    let actors: Vec<String> = protests
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.entity.clone()))
        .collect();
    assert!(actors.len() >= 2, "{actors:?}");
    // With no organiser named, the call says nothing.
    let doc = annotate(
        "p2",
        None,
        "Les habitants ont répondu à l'appel au calme lancé dimanche.",
    );
    assert!(
        of_type(&doc, EventType::Protest).is_empty(),
        "{:?}",
        doc.layers.events
    );
}

#[test]
fn issue14_a_denial_by_a_group_named_by_a_noun_or_by_we_is_the_accused_group_s() {
    // The accused group, taken up by a common noun in the next sentence, denies.
    let doc = annotate(
        "d1",
        None,
        "Le gouvernement nigérien a accusé le Front patriotique de libération d'avoir attaqué le convoi militaire. Dans un communiqué, les rebelles ont démenti toute implication.",
    );
    let claims = claims_of(&doc);
    assert!(
        claims.iter().any(|(a, by, s)| a.contains("frnt")
            && by.as_deref() == Some(a.as_str())
            && *s == Stance::Denies),
        "{claims:?}"
    );
    // "Nous" in a quotation: the speaker denies for the body his title names.
    let doc = annotate(
        "d2",
        None,
        "Une patrouille a été visée par une embuscade lundi près de Tyr. « Nous n'avons rien à voir avec cette embuscade », a déclaré le porte-parole du Hezbollah, Ali Haddad.",
    );
    let claims = claims_of(&doc);
    assert!(
        claims.iter().any(|(a, by, s)| a == "actors:hezbollah"
            && by.as_deref().is_some_and(|b| b.starts_with("name:PER:"))
            && *s == Stance::Denies),
        "{claims:?}"
    );
}

#[test]
fn issue14_a_pronoun_subject_of_a_blame_is_the_speaker_of_the_sentence_before() {
    let doc = annotate(
        "i1",
        None,
        "Un porte-parole militaire, le colonel Paul Ndong, a affirmé mardi que deux drones avaient été abattus. Il a une fois de plus imputé le bombardement du camp aux rebelles du M23.",
    );
    let claims = claims_of(&doc);
    assert!(
        claims.iter().any(|(a, by, s)| a == "actors:m23"
            && by.as_deref().is_some_and(|b| b.starts_with("name:PER:"))
            && *s == Stance::Claims),
        "{claims:?}"
    );
}

#[test]
fn issue14_rejecting_a_toll_disputes_the_figure_not_who_did_it() {
    let doc = annotate(
        "b1",
        None,
        "Au moins douze villageois ont été tués samedi dans l'attaque d'un village. Le colonel Ahmed Saleh a rejeté le bilan de quarante morts avancé par les insurgés.",
    );
    let claims = claims_of(&doc);
    assert!(
        !claims.iter().any(|(_, _, s)| *s == Stance::Denies),
        "{claims:?}"
    );
}

#[test]
fn issue14_a_march_is_a_protest_but_a_market_or_a_u_turn_is_not() {
    let doc = annotate(
        "m1",
        None,
        "Une marche de protestation a réuni samedi des milliers de soignants à Lyon.",
    );
    let protests = of_type(&doc, EventType::Protest);
    assert!(!protests.is_empty(), "{:?}", doc.layers.events);
    assert!(protests[0].modes.contains(&"demo".to_string()));
    for text in [
        "Le marché central de Kano a rouvert ses portes lundi matin.",
        "Face à la colère, le gouvernement a fait marche arrière sur la taxe.",
        "Le parti La République en marche a présenté ses candidats.",
    ] {
        let doc = annotate("m2", None, text);
        assert!(
            of_type(&doc, EventType::Protest).is_empty(),
            "{text}: {:?}",
            doc.layers.events
        );
    }
}

#[test]
fn issue14_a_protest_the_police_broke_up_is_the_story_s_event_when_headlines_name_it() {
    // Each report gives as much room to the arrests as to the march; the headlines say
    // what the story is about.
    let a = annotate(
        "h1",
        Some("2025-03-06"),
        "Rennes : la police disperse une marche d'infirmiers\n\
         La police a dispersé jeudi une manifestation d'infirmiers en grève devant la préfecture. \
         Six manifestants ont été interpellés. Deux autres ont été placés en garde à vue. \
         Un syndicaliste a été arrêté dans la soirée. Les interpellations ont été dénoncées.",
    );
    let b = annotate(
        "h2",
        Some("2025-03-06"),
        "Grève des infirmiers : heurts à Rennes\n\
         Une manifestation d'infirmiers en grève a été dispersée jeudi devant la préfecture. \
         Six personnes ont été interpellées. Deux ont été placées en garde à vue. \
         Le délégué syndical a été arrêté le soir même.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(
        record.event_type,
        EventType::Protest,
        "{:?}",
        record.evidence
    );
}

#[test]
fn issue14_the_acronym_after_a_long_union_name_is_the_organiser() {
    let doc = annotate(
        "u1",
        None,
        "Les manifestants répondaient à l'appel de l'Union des cheminots du réseau secondaire (UCRS), en grève depuis lundi.",
    );
    let actors: Vec<String> = of_type(&doc, EventType::Protest)
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.entity.clone()))
        .collect();
    assert!(!actors.is_empty(), "{:?}", doc.layers.events);
}

#[test]
fn issue14_an_accuser_s_quoted_words_give_no_mode() {
    let doc = annotate(
        "q1",
        None,
        "Le gouvernement a accusé les rebelles d'avoir commis « un massacre de civils » lors de l'attaque de Bria.",
    );
    let modes: Vec<String> = of_type(&doc, EventType::Assault)
        .iter()
        .flat_map(|e| e.modes.clone())
        .collect();
    assert!(!modes.contains(&"targeted".to_string()), "{modes:?}");
    // Said by the reporter, it is the reports' own description.
    let doc = annotate(
        "q2",
        None,
        "Les rebelles ont commis un massacre de civils lors de l'attaque de Bria.",
    );
    let modes: Vec<String> = of_type(&doc, EventType::Assault)
        .iter()
        .flat_map(|e| e.modes.clone())
        .collect();
    assert!(modes.contains(&"targeted".to_string()), "{modes:?}");
}

#[test]
fn issue14_an_attack_of_each_time_or_remembered_is_no_mention_of_this_one() {
    for text in [
        "« On enterre des voisins à chaque attaque », a soupiré un habitant.",
        "Des milliers de personnes ont marqué samedi l'anniversaire de l'attentat de la gare.",
    ] {
        let doc = annotate("r1", None, text);
        assert!(
            of_type(&doc, EventType::Assault).is_empty(),
            "{text}: {:?}",
            doc.layers.events
        );
    }
}

#[test]
fn issue14_an_earlier_killing_the_reports_recall_lends_no_mode() {
    let text =
        "Des hommes armés ont attaqué dimanche 9 mars le village de Kiri, tuant six personnes. \
                La région vit dans la peur depuis l'assassinat du chef coutumier en juin 2021.";
    let a = annotate("e1", Some("2025-03-10"), text);
    let b = annotate("e2", Some("2025-03-10"), text);
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert!(
        !record.modes.contains(&"targeted".to_string()),
        "{:?}",
        record.modes
    );
}

#[test]
fn issue14_a_date_after_depuis_is_when_a_strike_began_not_the_event() {
    let doc = annotate(
        "g1",
        Some("2025-03-13"),
        "Les enseignants, en grève depuis le 3 mars, ont défilé jeudi 13 mars à Rennes.",
    );
    let dates: Vec<Option<String>> = of_type(&doc, EventType::Protest)
        .iter()
        .map(|e| e.date.clone())
        .collect();
    assert!(!dates.is_empty(), "{:?}", doc.layers.events);
    assert!(
        dates.iter().all(|d| d.as_deref() != Some("2025-03-03")),
        "{dates:?}"
    );
}

#[test]
fn issue14_the_police_is_the_police_body_the_article_named_before() {
    let doc = annotate(
        "p1",
        None,
        "La Police nationale du Bénin (PNB) a confirmé la mort de quatre gardes. \
         La police a imputé l'attaque au groupe JNIM.",
    );
    let claims = claims_of(&doc);
    let pnb = doc
        .layers
        .entities
        .iter()
        .find(|m| doc.text[m.span.start..m.span.end].starts_with("Police"))
        .map(|m| m.entity.clone())
        .expect("the police is named");
    assert!(
        claims.iter().any(|(_, by, stance)| by.as_deref() == Some(pnb.as_str())
            && *stance == Stance::Claims),
        "{claims:?}"
    );
}

#[test]
fn issue14_shooting_at_people_is_by_firearms() {
    let doc = annotate(
        "f1",
        None,
        "Des assaillants ont attaqué un bus près de Gao et ont tiré sur les passagers.",
    );
    let modes: Vec<String> = of_type(&doc, EventType::Assault)
        .iter()
        .flat_map(|e| e.modes.clone())
        .collect();
    assert!(modes.contains(&"firearms".to_string()), "{modes:?}");
}

#[test]
fn issue14_a_bus_that_overturns_is_an_accident_not_an_assault() {
    let doc = annotate(
        "v1",
        None,
        "Neuf passagers ont péri dans le renversement d'un autocar de la compagnie Sahel Voyages près de Kayes.",
    );
    assert!(
        of_type(&doc, EventType::Assault).is_empty(),
        "{:?}",
        doc.layers.events
    );
    assert!(!of_type(&doc, EventType::Other).is_empty());
    let doc = annotate(
        "v2",
        None,
        "Un minibus s'est renversé samedi soir sur la route de Kayes, tuant quatre passagers.",
    );
    assert!(
        of_type(&doc, EventType::Assault).is_empty(),
        "{:?}",
        doc.layers.events
    );
    assert!(!of_type(&doc, EventType::Other).is_empty());
}

#[test]
fn issue14_the_act_someone_denies_having_done_gives_no_mode() {
    let doc = annotate(
        "n1",
        None,
        "Les rebelles ont pris la ville de Goma. Le M23 a démenti avoir exécuté des prisonniers.",
    );
    let modes: Vec<String> = doc
        .layers
        .events
        .iter()
        .flat_map(|e| e.modes.clone())
        .collect();
    assert!(
        !modes.contains(&"targeted".to_string()),
        "{:?}",
        doc.layers.events
    );
}

#[test]
fn issue14_a_group_that_attributes_an_attack_to_itself_claims_it() {
    let doc = annotate(
        "o1",
        None,
        "Le groupe JNIM s'est attribué l'attaque du poste militaire de Djibo.",
    );
    let claims = claims_of(&doc);
    assert!(
        claims
            .iter()
            .any(|(actor, by, stance)| by.as_deref() == Some(actor.as_str())
                && *stance == Stance::Claims),
        "{claims:?}"
    );
    // Attributing it to another blames that other.
    let doc = annotate(
        "o2",
        None,
        "Le gouvernement a attribué l'attaque du poste militaire de Djibo au groupe JNIM.",
    );
    let claims = claims_of(&doc);
    assert!(
        claims
            .iter()
            .any(|(actor, by, stance)| by.as_deref() != Some(actor.as_str())
                && *stance == Stance::Claims),
        "{claims:?}"
    );
}

#[test]
fn issue14_who_is_at_the_origin_of_an_attack_is_held_responsible() {
    let doc = annotate(
        "o3",
        None,
        "Selon le ministère de la Défense, le groupe JNIM est à l'origine de l'attaque du poste militaire de Djibo.",
    );
    let claims = claims_of(&doc);
    assert!(
        claims
            .iter()
            .any(|(_, _, stance)| *stance == Stance::Claims),
        "{claims:?}"
    );
}

#[test]
fn issue14_the_subject_of_the_main_clause_did_what_its_gerund_names() {
    // The gerund opens the sentence: its subject comes after the comma.
    let doc = annotate(
        "g1",
        None,
        "En déclarant l'urgence sanitaire mardi, le ministre Olivier Véran a demandé aux \
         hôpitaux de reporter les opérations.",
    );
    let e = of_type(&doc, EventType::Other)
        .into_iter()
        .find(|e| trigger(&doc, e).contains("urgence"))
        .unwrap_or_else(|| panic!("{:?}", doc.layers.events));
    assert!(e.actors.iter().any(|a| a.entity.contains("veran")), "{e:?}");
    // After the main clause: its subject comes before.
    let doc = annotate(
        "g2",
        None,
        "Le Hamas a riposté samedi en lançant une offensive contre les positions de l'armée.",
    );
    let e = of_type(&doc, EventType::Assault)
        .into_iter()
        .find(|e| trigger(&doc, e) == "offensive")
        .unwrap_or_else(|| panic!("{:?}", doc.layers.events));
    assert!(e.actors.iter().any(|a| a.entity.contains("hamas")), "{e:?}");
    // Not a gerund: "en" as a preposition before a noun gives no subject to borrow.
    let doc = annotate(
        "g3",
        None,
        "En pleine épidémie de choléra, le Premier ministre Ousmane Sonko a visité Dakar.",
    );
    let e = of_type(&doc, EventType::Other)
        .into_iter()
        .find(|e| trigger(&doc, e).contains("pidémie"))
        .unwrap_or_else(|| panic!("{:?}", doc.layers.events));
    assert!(e.actors.is_empty(), "{e:?}");
}

#[test]
fn issue14_words_attributed_to_someone_are_no_act_attributed_to_him() {
    // Ascribing an act to someone is a claim of responsibility.
    let doc = annotate(
        "w1",
        None,
        "Après le bombardement de Kharkiv, l'Ukraine a attribué la frappe à la Russie.",
    );
    assert!(
        claims_of(&doc).iter().any(|c| c.0 == "country:RU"),
        "{:?}",
        doc.layers.events
    );
    // Ascribing words to someone is not: before or after the verb.
    for text in [
        "Après le bombardement de Kharkiv, la presse a repris des propos attribués à la Russie.",
        "Après le bombardement de Kharkiv, un journal a attribué cette déclaration à la Russie.",
    ] {
        let doc = annotate("w2", None, text);
        assert!(
            !claims_of(&doc).iter().any(|c| c.0 == "country:RU"),
            "{text}: {:?}",
            doc.layers.events
        );
    }
}

#[test]
fn issue14_agents_coordinated_after_par_all_did_it() {
    // "par X, <apposition>, et par <title with nationality>, Y"
    let doc = annotate(
        "c1",
        None,
        "La cérémonie de réouverture du pont a été inaugurée par Ahmed Benali, gouverneur de \
         la province, et par le ministre tunisien du Commerce, Samir Saïed.",
    );
    let actors: Vec<String> = doc
        .layers
        .events
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.entity.clone()))
        .collect();
    assert!(actors.iter().any(|a| a.contains("bnl")), "{actors:?}");
    assert!(actors.iter().any(|a| a.contains("sd")), "{actors:?}");
    assert!(actors.iter().any(|a| a == "country:TN"), "{actors:?}");
    // "par X, Y et Z": a list of agents.
    let doc = annotate(
        "c2",
        None,
        "L'offensive a été lancée par le Hamas, le Hezbollah et les Houthis.",
    );
    let e = of_type(&doc, EventType::Assault)[0];
    assert!(e.actors.len() >= 3, "{e:?}");
    // Another participle after "et" starts another clause: who claimed it did not do it.
    let doc = annotate(
        "c3",
        None,
        "Le poste a été attaqué par le Hamas et revendiqué par le Hezbollah.",
    );
    let e = of_type(&doc, EventType::Assault)[0];
    assert!(
        !e.actors.iter().any(|a| a.entity.contains("hezbollah")),
        "{e:?}"
    );
}

#[test]
fn issue14_the_voters_of_a_vote_act_for_the_country_named_before() {
    let doc = annotate(
        "p1",
        None,
        "L'Irlande a voté vendredi. Les électeurs ont approuvé le référendum sur la \
         Constitution à 62 %.",
    );
    let e = of_type(&doc, EventType::Other)
        .into_iter()
        .find(|e| trigger(&doc, e).contains("rendum"))
        .unwrap_or_else(|| panic!("{:?}", doc.layers.events));
    assert!(e.actors.iter().any(|a| a.entity == "country:IE"), "{e:?}");
    let doc = annotate(
        "p2",
        None,
        "En Italie, le peuple a accepté dimanche le référendum constitutionnel.",
    );
    let e = of_type(&doc, EventType::Other)
        .into_iter()
        .find(|e| trigger(&doc, e).contains("rendum"))
        .unwrap_or_else(|| panic!("{:?}", doc.layers.events));
    assert!(e.actors.iter().any(|a| a.entity == "country:IT"), "{e:?}");
    // With no country named before, the voters stay no participant.
    let doc = annotate(
        "p3",
        None,
        "Les électeurs ont approuvé le référendum sur la réforme des retraites.",
    );
    let e = of_type(&doc, EventType::Other)
        .into_iter()
        .find(|e| trigger(&doc, e).contains("rendum"))
        .unwrap_or_else(|| panic!("{:?}", doc.layers.events));
    assert!(e.actors.is_empty(), "{e:?}");
}

#[test]
fn issue14_a_date_after_jusqu_a_is_when_a_strike_ends_not_the_event() {
    let doc = annotate(
        "g2",
        Some("2025-10-09"),
        "Les cheminots ont défilé jeudi à Lyon et la grève est reconduite jusqu'à mardi.",
    );
    let dates: Vec<Option<String>> = of_type(&doc, EventType::Protest)
        .iter()
        .map(|e| e.date.clone())
        .collect();
    assert!(!dates.is_empty(), "{:?}", doc.layers.events);
    assert!(
        dates
            .iter()
            .all(|d| d.as_deref() != Some("2025-10-07") && d.as_deref() != Some("2025-10-14")),
        "{dates:?}"
    );
}

#[test]
fn issue14_every_agent_of_a_coordinated_list_blames_the_accused() {
    let doc = annotate(
        "c2",
        None,
        "L'explosion du dépôt de Tessalit a été imputée aux rebelles du FLA par le gouvernement malien et par l'armée malienne.",
    );
    let claims = claims_of(&doc);
    let by: Vec<&str> = claims
        .iter()
        .filter(|(_, _, s)| *s == Stance::Claims)
        .filter_map(|(_, b, _)| b.as_deref())
        .collect();
    assert!(by.len() >= 2, "{claims:?}");
}

#[test]
fn issue14_a_title_stands_for_the_person_the_article_names_with_it() {
    let doc = annotate(
        "t2",
        None,
        "Le Premier ministre, Jean Valmont, a défendu son budget devant les députés. \
         Mardi, l'opposition a déposé une motion de censure contre le Premier ministre.",
    );
    let valmont = doc
        .layers
        .entities
        .iter()
        .find(|m| &doc.text[m.span.start..m.span.end] == "Jean Valmont")
        .map(|m| m.entity.clone())
        .expect("the person is an entity");
    let recipients: Vec<&str> = of_type(&doc, EventType::Sanction)
        .iter()
        .flat_map(|e| e.recipients.iter().map(|r| r.entity.as_str()))
        .collect();
    assert!(
        recipients.contains(&valmont.as_str()),
        "{:?}",
        doc.layers.events
    );
}

#[test]
fn issue14_a_title_two_people_hold_in_the_article_stands_for_no_one() {
    let doc = annotate(
        "t3",
        None,
        "Le président Jean Valmont a reçu le président Paul Ardent. \
         Des manifestants ont défilé contre le président.",
    );
    let recipients: Vec<&str> = doc
        .layers
        .events
        .iter()
        .flat_map(|e| e.recipients.iter().map(|r| r.entity.as_str()))
        .collect();
    assert!(recipients.is_empty(), "{:?}", doc.layers.events);
}

#[test]
fn issue14_a_date_beside_the_speaker_dates_the_statement_not_the_event() {
    let doc = annotate(
        "d3",
        Some("2025-06-12"),
        "Deux soldats ont été tués dans une embuscade près de Gao, ont annoncé jeudi les autorités maliennes.",
    );
    let dates: Vec<Option<String>> = of_type(&doc, EventType::Assault)
        .iter()
        .map(|e| e.date.clone())
        .collect();
    assert!(!dates.is_empty(), "{:?}", doc.layers.events);
    assert!(
        dates.iter().all(|d| d.as_deref() != Some("2025-06-12")),
        "{dates:?} {:?}",
        doc.layers.attributions
    );
}

#[test]
fn issue14_s_occuper_de_takes_care_and_occupies_nothing() {
    let doc = annotate(
        "o1",
        None,
        "Le metteur en scène Paul Ardent s'occupera aussi de la soirée de clôture.",
    );
    assert!(
        of_type(&doc, EventType::Assault).is_empty(),
        "{:?}",
        doc.layers.events
    );
}

#[test]
fn issue14_assuming_the_responsibility_is_an_own_claim() {
    let doc = annotate(
        "a4",
        None,
        "Le JNIM a assumé la responsabilité de l'embuscade tendue mardi près de Djibo.",
    );
    let claims = claims_of(&doc);
    assert!(
        claims.iter().any(|(a, by, s)| a == "actors:jnim"
            && by.as_deref() == Some("actors:jnim")
            && *s == Stance::Claims),
        "{claims:?}"
    );
}

#[test]
fn issue14_the_antecedent_of_qui_is_the_one_who_denies() {
    let doc = annotate(
        "q1",
        None,
        "Kiev a imputé le bombardement à la Russie, qui a nié avoir visé des civils.",
    );
    let claims = claims_of(&doc);
    assert!(
        claims
            .iter()
            .any(|(a, by, s)| a == "country:RU" && by.is_some() && *s == Stance::Denies),
        "{claims:?}"
    );
    assert!(
        !claims
            .iter()
            .any(|(a, _, s)| a == "country:UA" && *s == Stance::Denies),
        "{claims:?}"
    );
}

#[test]
fn issue14_sentenced_after_a_long_object_to_a_penalty_is_a_sanction() {
    let doc = annotate(
        "c3",
        None,
        "Le tribunal correctionnel de Lille a condamné l'ancien adjoint au maire Paul Ardent à trois ans de prison.",
    );
    assert!(
        !of_type(&doc, EventType::Sanction).is_empty(),
        "{:?}",
        doc.layers.events
    );
    let accuse = annotate(
        "c4",
        None,
        "Le gouvernement français condamne fermement l'attentat commis à Kaboul.",
    );
    assert!(
        of_type(&accuse, EventType::Sanction).is_empty(),
        "{:?}",
        accuse.layers.events
    );
}

#[test]
fn issue14_a_date_right_after_a_claim_dates_the_claim() {
    let doc = annotate(
        "d4",
        Some("2025-03-14"),
        "Le JNIM a revendiqué jeudi l'attaque, qui avait fait neuf morts mardi soir près de Djibo.",
    );
    let dates: Vec<Option<String>> = of_type(&doc, EventType::Assault)
        .iter()
        .map(|e| e.date.clone())
        .collect();
    assert!(!dates.is_empty(), "{:?}", doc.layers.events);
    assert!(
        dates.iter().all(|d| d.as_deref() != Some("2025-03-13")),
        "{dates:?}"
    );
}

#[test]
fn issue14_what_a_denial_is_about_blames_no_one_and_rejecting_accusations_denies() {
    let doc = annotate(
        "d5",
        None,
        "Washington a démenti être à l'origine de la frappe contre le convoi. \
         Le Hezbollah a rejeté toute responsabilité dans l'attentat de Beyrouth.",
    );
    let claims = claims_of(&doc);
    assert!(
        !claims.iter().any(|(_, _, s)| *s == Stance::Claims),
        "{claims:?}"
    );
    assert!(
        claims
            .iter()
            .filter(|(_, _, s)| *s == Stance::Denies)
            .count()
            >= 2,
        "{claims:?}"
    );
}

#[test]
fn issue14_the_agent_of_an_ambush_laid_by_x_did_it() {
    let doc = annotate(
        "a5",
        None,
        "L'embuscade a été tendue par Boko Haram près de Maiduguri.",
    );
    let actors: Vec<&str> = of_type(&doc, EventType::Assault)
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.entity.as_str()))
        .collect();
    assert!(!actors.is_empty(), "{:?}", doc.layers.events);
}

#[test]
fn issue14_who_calls_for_a_strike_organises_it_and_a_date_does_not_part_verb_and_noun() {
    let doc = annotate(
        "s5",
        Some("2025-03-14"),
        "La CGT appelle à la grève dans les ports contre la réforme.",
    );
    let actors: Vec<&str> = of_type(&doc, EventType::Protest)
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.entity.as_str()))
        .collect();
    assert!(actors.contains(&"actors:cgt"), "{:?}", doc.layers.events);
    let doc = annotate(
        "s6",
        Some("2025-03-14"),
        "L'armée israélienne a mené dans la nuit de mercredi à jeudi des frappes sur le sud du Liban.",
    );
    let actors: Vec<&str> = of_type(&doc, EventType::Assault)
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.entity.as_str()))
        .collect();
    assert!(!actors.is_empty(), "{:?}", doc.layers.events);
}

#[test]
fn issue14_who_suspects_someone_holds_him_responsible() {
    let doc = annotate(
        "s7",
        None,
        "L'attaque du convoi a fait dix morts, a indiqué la police, qui soupçonne le JNIM.",
    );
    let claims = claims_of(&doc);
    assert!(
        claims
            .iter()
            .any(|(a, _, s)| a == "actors:jnim" && *s == Stance::Claims),
        "{claims:?}"
    );
}

#[test]
fn issue14_a_present_participle_after_a_comma_has_the_main_clause_doer() {
    let doc = annotate(
        "p7",
        Some("2025-03-14"),
        "L'armée israélienne a bombardé jeudi le sud du Liban, tuant quatre personnes.",
    );
    let actors: Vec<&str> = of_type(&doc, EventType::Assault)
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.entity.as_str()))
        .collect();
    assert!(!actors.contains(&"country:LB"), "{:?}", doc.layers.events);
}

#[test]
fn issue14_who_concludes_an_agreement_are_its_parties() {
    let doc = annotate(
        "g7",
        None,
        "Le Soudan et le Tchad ont conclu un accord de sécurité frontalière.",
    );
    let actors: Vec<&str> = of_type(&doc, EventType::Agree)
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.entity.as_str()))
        .collect();
    assert!(actors.len() >= 2, "{:?}", doc.layers.events);
}

#[test]
fn issue14_an_affiliation_before_qui_is_no_antecedent() {
    let doc = annotate(
        "q2",
        None,
        "Les villageois ont été attaqués par des combattants du JNIM, affilié à Al-Qaïda, qui ont ouvert le feu sur eux.",
    );
    let actors: Vec<&str> = of_type(&doc, EventType::Assault)
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.entity.as_str()))
        .collect();
    assert!(
        !actors.contains(&"actors:al-qaeda"),
        "{:?}",
        doc.layers.events
    );
}

#[test]
fn issue14_a_court_named_after_a_capital_is_no_country_convicting() {
    let doc = annotate(
        "c8",
        None,
        "La chambre criminelle spéciale de Bamako a condamné l'ancien ministre Paul Ardent à dix ans de prison.",
    );
    let sanctions = of_type(&doc, EventType::Sanction);
    assert!(!sanctions.is_empty(), "{:?}", doc.layers.events);
    let actors: Vec<&str> = sanctions
        .iter()
        .flat_map(|e| e.actors.iter().map(|a| a.entity.as_str()))
        .collect();
    assert!(!actors.contains(&"country:ML"), "{:?}", doc.layers.events);
}

#[test]
fn issue14_a_date_counted_from_the_event_does_not_date_it() {
    // "Trois jours après l'orage" is when the toll was revised; the storm's own night is in
    // the relative clause.
    let doc = annotate(
        "r1",
        Some("2025-05-17"),
        "Trois jours après les pluies diluviennes qui ont frappé Kinshasa dans la nuit de \
         mardi à mercredi, la mairie a publié ce samedi un nouveau bilan.",
    );
    let others = of_type(&doc, EventType::Other);
    assert!(!others.is_empty(), "{:?}", doc.layers.events);
    assert_eq!(others[0].date.as_deref(), Some("2025-05-13/2025-05-14"));
}

#[test]
fn issue14_rain_that_falls_on_a_town_shoots_no_one_down() {
    let doc = annotate(
        "r2",
        Some("2025-05-14"),
        "Des trombes d'eau se sont abattues mardi soir sur Pointe-Noire, faisant deux morts. \
         Un orage s'abat sur la ville.",
    );
    assert!(
        of_type(&doc, EventType::Assault).is_empty(),
        "{:?}",
        doc.layers.events
    );
    let shot = annotate(
        "r3",
        Some("2025-05-14"),
        "Des jihadistes de l'État islamique ont abattu deux gardes mardi soir à Pointe-Noire.",
    );
    assert!(!of_type(&shot, EventType::Assault).is_empty());
    // A convoy that stops is no arrest.
    let stop = annotate(
        "r4",
        Some("2025-05-14"),
        "Le convoi de la Croix-Rouge s'est arrêté mardi à Goma.",
    );
    assert!(
        of_type(&stop, EventType::Coerce).is_empty(),
        "{:?}",
        stop.layers.events
    );
}

#[test]
fn issue14_setting_fire_to_houses_in_the_active_voice_is_destruction() {
    let a = annotate(
        "b1",
        Some("2025-03-02"),
        "Des assaillants ont attaqué samedi le village de Mabanga, tuant six habitants. \
         « Ils ont brûlé nos maisons », raconte un survivant.",
    );
    let b = annotate(
        "b2",
        Some("2025-03-02"),
        "Six villageois ont été tués samedi lors d'une attaque à Mabanga. Les assaillants \
         ont brûlé des cases avant de fuir.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(record.event_type, EventType::Assault);
    assert!(record.modes.iter().any(|m| m == "destroy"), "{record:?}");
}

#[test]
fn issue14_a_protest_addresses_the_ministry_in_charge_not_the_police_one() {
    let a = annotate(
        "p1",
        Some("2025-02-06"),
        "Grève des infirmiers : des milliers de manifestants à Abidjan\n\
         Des milliers d'infirmiers en grève ont défilé jeudi à Abidjan vers le ministère de la \
         Santé pour réclamer des primes. Le ministère de l'Intérieur avait interdit la marche.",
    );
    let b = annotate(
        "p2",
        Some("2025-02-06"),
        "Les infirmiers en grève ont manifesté jeudi à Abidjan. Le ministre de la Santé a promis \
         de les recevoir lundi. Le ministère de l'Intérieur dénonce des violences.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(record.event_type, EventType::Protest);
    let names: Vec<&str> = record.recipients.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names.len(), 1, "{record:?}");
    assert!(names[0].contains("Santé"), "{names:?}");
    // Named in one report of two, in passing, it is not what the protest is about.
    let c = annotate(
        "p3",
        Some("2025-02-06"),
        "Les infirmiers en grève ont manifesté jeudi à Abidjan pour réclamer des primes.",
    );
    let d = annotate(
        "p4",
        Some("2025-02-06"),
        "Des infirmiers en grève ont défilé jeudi à Abidjan pour réclamer des primes. Le \
         ministère de la Santé n'a pas réagi.",
    );
    let record = story_event(&[&d, &c], &[]).expect("a record");
    assert!(record.recipients.is_empty(), "{record:?}");
}

#[test]
fn issue14_the_group_an_accuser_names_again_is_the_one_that_claimed_the_attack() {
    let doc = annotate(
        "g1",
        None,
        "L'État islamique a revendiqué l'attentat contre la caserne. \
         Le ministère nigérien de la Défense a accusé le groupe de viser des civils.",
    );
    let claims: Vec<(String, Stance)> = doc
        .layers
        .events
        .iter()
        .flat_map(|e| e.responsibility.iter())
        .filter(|c| {
            c.by.as_ref()
                .is_some_and(|b| b.entity != "actors:islamic-state")
        })
        .map(|c| (c.actor.entity.clone(), c.stance))
        .collect();
    assert!(
        claims.contains(&("actors:islamic-state".into(), Stance::Claims)),
        "{claims:?}"
    );
}

#[test]
fn issue14_common_ways_of_naming_a_weapon_or_a_strike_give_their_mode() {
    let doc = annotate(
        "w1",
        Some("2025-04-03"),
        "Des coups de feu ont été tirés mercredi à Bangui lors d'une attaque contre un poste de \
         police, tuant deux agents.",
    );
    let assaults = of_type(&doc, EventType::Assault);
    assert!(
        assaults
            .iter()
            .any(|e| e.modes.iter().any(|m| m == "firearms")),
        "{:?}",
        doc.layers.events
    );
    let strike = annotate(
        "w2",
        Some("2025-04-03"),
        "L'opposition a décrété une journée ville morte mercredi à Douala.",
    );
    assert!(
        of_type(&strike, EventType::Protest)
            .iter()
            .any(|e| e.modes.iter().any(|m| m == "strike")),
        "{:?}",
        strike.layers.events
    );
}

#[test]
fn issue14_an_arrest_wave_after_protests_is_the_story_s_event() {
    // The protests are the occasion ("après des manifestations"); the arrests are the news.
    let a = annotate(
        "aw1",
        Some("2025-05-14"),
        "Lomé : près de 90 interpellations après des manifestations contre la vie chère\n\
         La gendarmerie a interpellé près de 90 personnes mardi à Lomé. \
         Les manifestations contre la hausse des prix avaient rassemblé des centaines de jeunes. \
         Des manifestants ont été conduits au commissariat central. \
         Les interpellations ont été critiquées par la Ligue togolaise des droits de l'homme.",
    );
    let b = annotate(
        "aw2",
        Some("2025-05-14"),
        "Togo : la gendarmerie procède à des dizaines d'arrestations à Lomé\n\
         Des dizaines de jeunes ont été arrêtés mardi à Lomé par la gendarmerie. \
         Les manifestations contre la vie chère se poursuivaient depuis lundi. \
         Selon la Ligue togolaise des droits de l'homme, les arrestations visent des manifestants.",
    );
    let occasion = a
        .layers
        .events
        .iter()
        .find(|e| trigger(&a, e) == "manifestations")
        .expect("the protests are read");
    assert!(
        occasion.provenance.rule.starts_with("antecedent-"),
        "{occasion:?}"
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(
        record.event_type,
        EventType::Coerce,
        "{:?}",
        record.evidence
    );
}

#[test]
fn issue14_a_noun_for_the_protesters_is_a_participant_mention() {
    let doc = annotate(
        "pm1",
        None,
        "Une trentaine de manifestants ont été jugés en comparution immédiate à Nantes.",
    );
    let e = of_type(&doc, EventType::Protest);
    assert_eq!(e.len(), 1, "{:?}", doc.layers.events);
    assert_eq!(e[0].provenance.rule, "participant-trigger-noun");
}

#[test]
fn issue14_clashes_during_a_protest_are_the_protest_not_an_assault() {
    let doc = annotate(
        "cl1",
        None,
        "Des affrontements ont opposé les manifestants aux forces de l'ordre samedi à Dakar.",
    );
    assert!(
        of_type(&doc, EventType::Assault).is_empty(),
        "{:?}",
        doc.layers.events
    );
    assert!(!of_type(&doc, EventType::Protest).is_empty());
    // Between armed groups, clashes stay an assault.
    let doc = annotate(
        "cl2",
        None,
        "De violents affrontements ont opposé l'armée aux rebelles du M23 près de Goma.",
    );
    assert!(
        !of_type(&doc, EventType::Assault).is_empty(),
        "{:?}",
        doc.layers.events
    );
}

#[test]
fn issue14_a_prison_escape_is_no_assault_even_with_a_guard_shot() {
    let a = annotate(
        "pe1",
        Some("2025-02-03"),
        "Évasion spectaculaire à la prison de Bouaké\n\
         Une vingtaine de détenus se sont évadés dans la nuit de dimanche à lundi de la prison \
         civile de Bouaké. Un gardien a été tué par balle par les fugitifs, selon l'administration \
         pénitentiaire.",
    );
    assert!(
        !of_type(&a, EventType::Other).is_empty(),
        "{:?}",
        a.layers.events
    );
    let record = story_event(&[&a], &[]).expect("a record");
    assert_eq!(record.event_type, EventType::Other, "{:?}", record.evidence);
}

#[test]
fn issue14_blocking_a_road_or_a_port_is_protest() {
    let doc = annotate(
        "bl1",
        None,
        "Des chauffeurs de taxi bloquent l'accès à l'aéroport de Douala depuis lundi.",
    );
    assert!(
        !of_type(&doc, EventType::Protest).is_empty(),
        "{:?}",
        doc.layers.events
    );
    let doc = annotate(
        "bl2",
        None,
        "Le blocage du pont de Kinkala a duré deux jours.",
    );
    assert!(
        !of_type(&doc, EventType::Protest).is_empty(),
        "{:?}",
        doc.layers.events
    );
}

#[test]
fn issue14_charges_are_coercion_and_a_prison_term_a_sanction() {
    let doc = annotate(
        "ch1",
        None,
        "Trois anciens ministres ont été inculpés pour détournement de fonds publics.",
    );
    assert!(
        !of_type(&doc, EventType::Coerce).is_empty(),
        "{:?}",
        doc.layers.events
    );
    let doc = annotate(
        "ch2",
        None,
        "L'ancien maire a écopé de quatre ans de prison ferme.",
    );
    assert!(
        !of_type(&doc, EventType::Sanction).is_empty(),
        "{:?}",
        doc.layers.events
    );
}

#[test]
fn issue14_a_new_truce_is_an_agreement_but_the_one_broken_is_not() {
    let doc = annotate(
        "tr1",
        None,
        "Les deux camps ont conclu un accord de cessez-le-feu mardi soir à Doha.",
    );
    assert!(
        !of_type(&doc, EventType::Agree).is_empty(),
        "{:?}",
        doc.layers.events
    );
    let doc = annotate(
        "tr2",
        None,
        "Des tirs ont été signalés malgré le cessez-le-feu.",
    );
    assert!(
        of_type(&doc, EventType::Agree).is_empty(),
        "{:?}",
        doc.layers.events
    );
}

#[test]
fn issue14_a_sentence_with_its_penalty_after_a_long_object_is_a_sanction_and_the_accused_are_people(
) {
    let doc = annotate(
        "k1",
        Some("2025-03-05"),
        "Le tribunal de Lyon a condamné lundi sept des dix accusés poursuivis pour « trafic \
         d'armes en bande organisée » à des peines de trois à douze ans de prison. Les accusés \
         avaient été interpellés en 2023 ; trois condamnés feront appel.",
    );
    let sanctions = of_type(&doc, EventType::Sanction);
    assert!(
        sanctions.iter().any(|e| trigger(&doc, e) == "condamné"),
        "{:?}",
        doc.layers.events
    );
    // "les accusés", "dix accusés", "trois condamnés" name the defendants, no accusation.
    assert!(
        of_type(&doc, EventType::Accuse).is_empty(),
        "{:?}",
        doc.layers.events
    );
}

#[test]
fn issue14_an_accusation_is_dated_by_the_day_right_after_its_verb() {
    let doc = annotate(
        "k2",
        Some("2025-03-10"),
        "Le ministère malien de la Défense a accusé samedi les rebelles d'avoir tiré sur un convoi.",
    );
    let accusations = of_type(&doc, EventType::Accuse);
    assert!(
        accusations
            .iter()
            .any(|e| e.date.as_deref() == Some("2025-03-08")),
        "{:?}",
        doc.layers.events
    );
}

#[test]
fn issue14_a_blockade_with_a_day_before_its_object_and_its_purpose_are_a_protest() {
    let doc = annotate(
        "k3",
        Some("2025-03-05"),
        "Des pêcheurs ont bloqué ce mardi les accès au port de Sfax pour protester contre la \
         hausse du gazole.",
    );
    let protests: Vec<&str> = of_type(&doc, EventType::Protest)
        .iter()
        .map(|e| trigger(&doc, e))
        .collect();
    assert!(protests.contains(&"bloqué"), "{protests:?}");
    assert!(protests.contains(&"protester contre"), "{protests:?}");
}

#[test]
fn issue14_an_attack_known_only_from_a_denied_accusation_is_the_accusation() {
    let a = annotate(
        "k4",
        Some("2025-04-07"),
        "Tachkent accuse Bichkek d'avoir bombardé un poste frontière, le Kirghizistan dément\n\
         Le ministère ouzbek de la Défense a accusé lundi l'armée kirghize d'avoir bombardé dans \
         la nuit un poste frontière. Le ministère kirghiz de la Défense a démenti toute \
         implication.",
    );
    let b = annotate(
        "k5",
        Some("2025-04-07"),
        "Frontière : Tachkent accuse Bichkek, qui dément\n\
         Le ministère ouzbek de la Défense a accusé lundi l'armée kirghize d'avoir bombardé un \
         poste frontière. Le Kirghizistan a démenti toute implication.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(
        record.event_type,
        EventType::Accuse,
        "{:?}",
        record.evidence
    );
    assert_eq!(
        record.date.as_ref().map(|d| d.value.as_str()),
        Some("2025-04-07"),
        "{record:?}"
    );

    // Told as a fact by one report, the shelling is the story's event.
    let c = annotate(
        "k6",
        Some("2025-04-07"),
        "Un poste frontière ouzbek bombardé\n\
         Un poste frontière ouzbek a été bombardé dans la nuit de dimanche à lundi près de la \
         frontière kirghize, blessant deux gardes.",
    );
    let record = story_event(&[&a, &b, &c], &[]).expect("a record");
    assert_eq!(
        record.event_type,
        EventType::Assault,
        "{:?}",
        record.evidence
    );
}

#[test]
fn issue14_a_report_whose_publication_date_was_only_inferred_dates_by_the_given_one() {
    // The second report has no publication date; the full date it names is an earlier step
    // ("entrée en vigueur le lundi 2 juin 2025"), so "ce jeudi" read against it is a week
    // early. The first report's own date places it.
    let a = annotate(
        "k7",
        Some("2025-06-05"),
        "Grève générale au Sénégal\nDes heurts ont opposé jeudi des grévistes aux policiers à \
         Dakar, au premier jour d'une grève générale contre la taxe sur le carburant.",
    );
    let mut b = annotate(
        "k8",
        None,
        "Dakar sous tension\nDes heurts ont opposé ce jeudi des grévistes aux policiers à Dakar, \
         au premier jour d'une grève générale contre la taxe sur le carburant. La taxe, entrée \
         en vigueur le lundi 2 juin 2025, double le prix du litre.",
    );
    assert_eq!(
        b.meta.published.as_ref().map(|p| p.source),
        Some(DateSource::Inferred),
        "{:?}",
        b.meta.published
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(
        record.date.as_ref().map(|d| d.value.as_str()),
        Some("2025-06-05"),
        "{:?}",
        record.evidence
    );
    // The same report alone keeps the dates it gave itself.
    b.meta.external_id = Some("k8-alone".into());
    let alone = story_event(&[&b], &[]).expect("a record");
    assert_ne!(
        alone.date.as_ref().map(|d| d.value.as_str()),
        Some("2025-06-05")
    );
}

#[test]
fn issue14_soldiers_killed_at_a_military_post_make_the_named_army_the_recipient() {
    let a = annotate(
        "m1",
        Some("2025-02-16"),
        "Burkina : douze soldats tués dans l'attaque d'un poste militaire\nAu moins douze \
         soldats ont été tués samedi dans l'attaque du poste militaire de Djibo par des hommes \
         armés, a annoncé l'armée burkinabè.",
    );
    let b = annotate(
        "m2",
        Some("2025-02-16"),
        "Djibo : un poste militaire attaqué, douze soldats tués\nUn poste militaire a été attaqué \
         samedi à Djibo par des hommes armés, a indiqué l'armée burkinabè.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(record.event_type, EventType::Assault);
    assert!(
        record
            .recipients
            .iter()
            .any(|r| r.entity == "actors:burkinabe-army"),
        "{:?} {:?}",
        record.recipients,
        record.evidence
    );

    // Civilians killed in a market name no army, even one that speaks.
    let c = annotate(
        "m3",
        Some("2025-02-16"),
        "Burkina : huit civils tués dans l'attaque d'un marché\nAu moins huit civils ont été tués \
         samedi dans l'attaque du marché de Djibo par des hommes armés, a annoncé l'armée \
         burkinabè.",
    );
    let record = story_event(&[&c], &[]).expect("a record");
    assert!(
        record
            .recipients
            .iter()
            .all(|r| !r.entity.ends_with("-army")),
        "{:?}",
        record.recipients
    );
}

#[test]
fn issue14_an_agreement_has_no_one_responsible_unless_the_blame_is_disputed() {
    let a = annotate(
        "r1",
        Some("2025-05-10"),
        "Soudan du Sud : Juba et les rebelles signent un cessez-le-feu à Nairobi\nLe \
         gouvernement sud-soudanais et les rebelles du Front national de salut (NAS) ont signé \
         vendredi à Nairobi un accord de cessez-le-feu. Le Kenya a revendiqué sa part du succès.",
    );
    let b = annotate(
        "r2",
        Some("2025-05-11"),
        "Cessez-le-feu au Soudan du Sud\nLe gouvernement sud-soudanais et les rebelles du Front \
         national de salut (NAS) ont signé vendredi à Nairobi un accord de cessez-le-feu. Le \
         ministre de l'Information accuse le NAS de gonfler ses effectifs.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(record.event_type, EventType::Agree, "{:?}", record.evidence);
    assert!(
        record.responsibility.is_empty(),
        "{:?}",
        record.responsibility
    );
}

#[test]
fn issue14_a_country_and_its_own_state_body_are_coded_once_by_the_body() {
    let a = annotate(
        "s1",
        Some("2025-04-07"),
        "Tachkent accuse Bichkek d'avoir bombardé un poste frontière, le Kirghizistan dément\n\
         Le ministère ouzbek de la Défense a accusé lundi l'armée kirghize d'avoir bombardé dans \
         la nuit un poste frontière. Le ministère kirghiz de la Défense a démenti toute \
         implication.",
    );
    let b = annotate(
        "s2",
        Some("2025-04-07"),
        "Frontière : nouvelle tension en Asie centrale\n\
         Le ministère ouzbek de la Défense a accusé lundi l'armée kirghize d'avoir bombardé un \
         poste frontière. Le Kirghizistan a démenti toute implication.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    let keys: Vec<&str> = record.actors.iter().map(|a| a.entity.as_str()).collect();
    assert!(
        keys.iter().any(|k| k.starts_with("actors:uzbek")),
        "{keys:?} {:?}",
        record.evidence
    );
    assert!(!keys.contains(&"country:UZ"), "{keys:?}");
}

#[test]
fn issue14_the_outskirts_or_the_entrance_of_a_town_place_the_event_in_it() {
    let doc = annotate(
        "pl1",
        Some("2024-02-12"),
        "Une bombe a explosé lundi matin à la périphérie de Kaboul, faisant deux morts.",
    );
    let e = of_type(&doc, EventType::Assault)
        .into_iter()
        .find(|e| trigger(&doc, e) == "explosé")
        .expect("the explosion");
    let kabul = doc
        .layers
        .places
        .iter()
        .find(|p| &doc.text[p.span.start..p.span.end] == "Kaboul")
        .expect("Kaboul is a place");
    assert_eq!(e.place.as_deref(), Some(kabul.entity.as_str()), "{e:?}");
}

#[test]
fn issue14_a_place_in_the_speakers_title_does_not_place_the_event() {
    let doc = annotate(
        "pl2",
        Some("2024-02-12"),
        "Trois soldats ont été tués jeudi dans l'attaque d'un camp militaire, a déclaré le gouverneur de la région de Mopti.",
    );
    let mopti: Vec<&str> = doc
        .layers
        .places
        .iter()
        .filter(|p| &doc.text[p.span.start..p.span.end] == "Mopti")
        .map(|p| p.entity.as_str())
        .collect();
    assert!(!mopti.is_empty(), "Mopti is a place");
    for e in of_type(&doc, EventType::Assault) {
        assert!(
            e.place.as_deref().is_none_or(|p| !mopti.contains(&p)),
            "{e:?}"
        );
    }
}

#[test]
fn issue14_a_quoted_we_are_not_responsible_denies_for_the_group_just_accused() {
    let doc = annotate(
        "dn1",
        None,
        "Boko Haram, accusé par l'armée nigériane, a démenti avoir attaqué le village. « Nous ne sommes pas responsables de cette tuerie », a écrit l'un de ses porte-parole, Abou Moussa.",
    );
    let triples = responsibility_triples(&doc);
    let spokesman = triples
        .iter()
        .find(|(a, by, s)| *s == Stance::Denies && by.starts_with("name:PER:") && a != by)
        .unwrap_or_else(|| panic!("the spokesman denies for someone else: {triples:?}"));
    assert!(spokesman.0.contains("boko"), "{triples:?}");
}

#[test]
fn issue14_an_air_strike_is_coded_by_its_delivery_not_by_its_munition() {
    let aerial = "Une frappe aérienne a touché lundi un marché de Sittwe, tuant onze personnes. \
                  L'explosion d'une bombe larguée par un avion a détruit plusieurs échoppes.";
    let a = annotate("as1", Some("2025-04-08"), aerial);
    let b = annotate("as2", Some("2025-04-08"), aerial);
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert!(
        record.modes.contains(&"aerial".to_string()),
        "{:?}",
        record.modes
    );
    assert!(
        !record.modes.contains(&"explosives".to_string()),
        "{:?}",
        record.modes
    );
    let drone =
        "Un drone a tiré dimanche un missile sur une position de la milice près de Rutshuru, \
                 tuant quatre combattants.";
    let a = annotate("ds1", Some("2025-04-08"), drone);
    let b = annotate("ds2", Some("2025-04-08"), drone);
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert!(
        record.modes.contains(&"drone".to_string()),
        "{:?}",
        record.modes
    );
    assert!(
        !record.modes.contains(&"heavy-weapons".to_string()),
        "{:?}",
        record.modes
    );
}

#[test]
fn issue14_a_counted_crowd_that_marches_is_a_demonstration() {
    let doc = annotate(
        "cr1",
        Some("2025-03-08"),
        "Quelque 5 000 personnes ont défilé samedi dans les rues de Lyon contre la réforme des retraites.",
    );
    assert!(
        of_type(&doc, EventType::Protest)
            .iter()
            .any(|e| trigger(&doc, e) == "défilé"),
        "{:?}",
        doc.layers.events
    );
    let parade = annotate(
        "cr2",
        Some("2025-03-08"),
        "Des soldats ont défilé samedi sur la grande avenue de la capitale.",
    );
    assert!(
        of_type(&parade, EventType::Protest).is_empty(),
        "{:?}",
        parade.layers.events
    );
}

#[test]
fn issue14_a_date_after_a_partir_de_is_when_a_state_starts_not_the_event() {
    let doc = annotate(
        "ap1",
        Some("2025-03-05"),
        "Les dockers ont appelé à une grève illimitée à partir de lundi.",
    );
    let monday: Vec<String> = doc
        .layers
        .dates
        .iter()
        .filter(|d| doc.text[d.span.start..d.span.end].contains("lundi"))
        .filter_map(|d| d.value.clone())
        .collect();
    assert!(!monday.is_empty(), "{:?}", doc.layers.dates);
    let strikes = of_type(&doc, EventType::Protest);
    assert!(!strikes.is_empty(), "{:?}", doc.layers.events);
    for e in strikes {
        assert!(e.date.as_ref().is_none_or(|d| !monday.contains(d)), "{e:?}");
    }
}

#[test]
fn issue14_a_deployment_is_not_overruled_by_the_clashes_it_follows() {
    let doc = annotate(
        "m1",
        Some("2025-03-10"),
        "Le Monténégro a déployé lundi des unités de l'armée le long de la frontière, au \
         lendemain d'affrontements entre des manifestants et la police à Pljevlja.",
    );
    let mobilize = of_type(&doc, EventType::Mobilize);
    assert!(!mobilize.is_empty(), "{:?}", doc.layers.events);
    // The town of the clashes is not where the troops went.
    assert_eq!(mobilize[0].place, None, "{:?}", mobilize[0]);
    let doc = annotate(
        "m2",
        None,
        "Le Monténégro déploie des soldats à la frontière après des heurts à Pljevlja",
    );
    let mobilize = of_type(&doc, EventType::Mobilize);
    assert!(!mobilize.is_empty(), "{:?}", doc.layers.events);
    assert!(
        mobilize[0]
            .place
            .as_deref()
            .is_none_or(|p| !p.contains("pljevlja") && !p.contains("plj")),
        "{:?}",
        mobilize[0]
    );
}

#[test]
fn issue14_a_weapon_makes_a_weak_assault_verb_an_assault() {
    let doc = annotate(
        "w1",
        Some("2025-02-03"),
        "Un missile a frappé dimanche soir un immeuble du centre-ville.",
    );
    assert!(
        !of_type(&doc, EventType::Assault).is_empty(),
        "{:?}",
        doc.layers.events
    );
    // With no weapon and no participant the verb keeps its other senses.
    let doc = annotate(
        "w2",
        Some("2025-02-03"),
        "La hausse des prix a frappé les ménages cet hiver.",
    );
    assert!(
        of_type(&doc, EventType::Assault).is_empty(),
        "{:?}",
        doc.layers.events
    );
}

#[test]
fn issue14_a_dateline_city_is_not_the_place_of_the_event() {
    let a = annotate(
        "dl1",
        Some("2025-06-12"),
        "Attaque contre un convoi au Niger\nNIAMEY, 12 juin (APN) - Des hommes armés ont \
         attaqué mercredi un convoi militaire près de Tillabéri, tuant neuf soldats, selon \
         l'armée.",
    );
    let b = annotate(
        "dl2",
        Some("2025-06-12"),
        "Niger : neuf soldats tués dans l'attaque d'un convoi\nNIAMEY, 12 juin (APN) - Un \
         convoi de l'armée a été attaqué mercredi près de Tillabéri, a indiqué l'armée.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    let place = record.place.expect("a place");
    assert_ne!(place.name, "Niamey", "{:?}", record.evidence);
}

#[test]
fn issue14_a_truce_has_no_toll_and_an_unprompted_denial_blames_no_one() {
    let a = annotate(
        "t1",
        Some("2025-09-02"),
        "Trêve entre les deux pays\nLes deux pays ont signé mardi un accord de cessez-le-feu, \
         après des combats qui ont fait 40 morts en une semaine.",
    );
    let b = annotate(
        "t2",
        Some("2025-09-03"),
        "Les deux voisins ont conclu mardi un accord de cessez-le-feu. Les combats avaient \
         fait 40 morts.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(record.event_type, EventType::Agree, "{:?}", record.evidence);
    assert!(record.fatalities.is_none(), "{:?}", record.fatalities);
    assert!(record
        .responsibility
        .iter()
        .all(|r| !r.claimed_by.is_empty()));
}

#[test]
fn issue14_a_strike_no_one_is_said_to_lead_was_called_by_the_unions_named() {
    let a = annotate(
        "u1",
        Some("2025-04-09"),
        "Grève générale au Portugal\nLe Portugal tournait au ralenti mercredi, paralysé par \
         une grève générale lancée par les grandes centrales du pays. Selon la Fédération \
         nationale des enseignants (Fenprof), les écoles sont restées fermées.",
    );
    let b = annotate(
        "u2",
        Some("2025-04-10"),
        "Au lendemain de la grève générale de mercredi au Portugal, la Fédération nationale \
         des enseignants (Fenprof) a annoncé une nouvelle journée d'action.",
    );
    let record = story_event(&[&a, &b], &[]).expect("a record");
    assert_eq!(
        record.event_type,
        EventType::Protest,
        "{:?}",
        record.evidence
    );
    assert!(
        record
            .actors
            .iter()
            .any(|a| a.name.contains("Fédération nationale des enseignants")
                || a.name.contains("Fenprof")),
        "{:?}",
        record
    );
}

#[test]
fn issue14_the_capital_the_army_speaks_from_is_not_the_place_of_an_ambush() {
    let a = annotate(
        "c1",
        Some("2026-02-02"),
        "Mali : douze soldats tués dans une embuscade\nBAMAKO, 2 février (AMP) - Douze soldats \
         maliens ont été tués samedi dans une embuscade tendue par des jihadistes près de \
         Boulkessi, dans le centre du pays, a annoncé lundi à Bamako l'état-major des armées.",
    );
    let b = annotate(
        "c2",
        Some("2026-02-02"),
        "Embuscade meurtrière dans le centre du Mali\nBAMAKO, 2 février (AMP) - Une embuscade \
         contre un convoi de l'armée malienne a fait douze morts samedi près de Boulkessi, \
         selon un communiqué publié à Bamako par l'état-major.",
    );
    let c = annotate(
        "c3",
        Some("2026-02-03"),
        "Mali : l'embuscade de Boulkessi revendiquée\nUn groupe jihadiste a revendiqué dimanche \
         soir l'embuscade de samedi, qui a coûté la vie à douze soldats. Le gouvernement de \
         transition à Bamako a décrété un deuil national.",
    );
    let record = story_event(&[&a, &b, &c], &[]).expect("a record");
    let place = record.place.expect("a place");
    assert_eq!(place.name, "Boulkessi", "{:?}", record.evidence);
}
