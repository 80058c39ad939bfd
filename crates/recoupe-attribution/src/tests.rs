//! Unit tests on hand-built documents: sentences split at line ends and sentence stops,
//! entity mentions given explicitly, so that these tests exercise this stage alone.

use super::*;
use recoupe_model::{Metadata, Origin, OriginKind, Sentence};

fn doc(text: &str, outlet: Option<&str>, entities: &[(&str, EntityType, &str)]) -> Document {
    let mut meta = Metadata::new(Origin {
        kind: OriginKind::Text,
        path: "test".into(),
        record: None,
    });
    meta.outlet = outlet.map(str::to_string);
    let mut d = Document::new(text.to_string(), meta);
    // Sentences: split after ". " / "» " / newline, but not inside « ».
    let mut start = 0;
    let mut depth = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(i, c)) in bytes.iter().enumerate() {
        match c {
            '«' => depth += 1,
            '»' => depth -= 1,
            _ => {}
        }
        let next_is_space = bytes.get(n + 1).is_none_or(|(_, c)| c.is_whitespace());
        let ends = c == '\n' || (depth == 0 && matches!(c, '.' | '?' | '!') && next_is_space);
        if ends || n + 1 == bytes.len() {
            let end = if c == '\n' { i } else { i + c.len_utf8() };
            let s = text[start..end].trim();
            if !s.is_empty() {
                let offset = start + text[start..end].find(s).unwrap();
                d.layers.sentences.push(Sentence {
                    span: Span::new(offset, offset + s.len()),
                    headline: false,
                });
            }
            start = i + c.len_utf8();
        }
    }
    let mut cursor = 0;
    for (surface, label, key) in entities {
        let at = cursor + text[cursor..].find(surface).expect("entity in text");
        d.layers.entities.push(EntityMention {
            span: Span::new(at, at + surface.len()),
            label: *label,
            kb: None,
            entity: key.to_string(),
            provenance: Provenance::new("test", "given"),
            evidence: vec![],
        });
        cursor = at + surface.len();
    }
    d.mark_produced(Layer::Sentences);
    d.mark_produced(Layer::Entities);
    AttributionStage::new().run(&mut d).unwrap();
    d
}

fn content(d: &Document, a: &Attribution) -> String {
    d.slice(a.content).to_string()
}

#[test]
fn indirect_speech_with_que() {
    let d = doc(
        "Le ministre Karim Haddad a affirmé mardi que les convois avaient quitté la ville.",
        None,
        &[("Karim Haddad", EntityType::PER, "per:haddad")],
    );
    assert_eq!(d.layers.attributions.len(), 1);
    let a = &d.layers.attributions[0];
    assert_eq!(content(&d, a), "les convois avaient quitté la ville");
    assert_eq!(a.speaker_entity.as_deref(), Some("per:haddad"));
    assert_eq!(a.kind, AttributionKind::Indirect);
    assert!(!a.hedged);
}

#[test]
fn direct_quote_with_inverted_incise_and_pronoun() {
    let d = doc(
        "Karim Haddad a visité la base. « Nous ne reculerons pas devant les menaces », a-t-il ajouté.",
        None,
        &[("Karim Haddad", EntityType::PER, "per:haddad")],
    );
    let a = d.layers.attributions.last().unwrap();
    assert_eq!(content(&d, a), "Nous ne reculerons pas devant les menaces");
    assert_eq!(a.kind, AttributionKind::Direct);
    assert_eq!(a.speaker_entity.as_deref(), Some("per:haddad"));
    assert_eq!(d.slice(a.speaker.unwrap()), "-t-il");
}

#[test]
fn according_to_at_the_end_and_start() {
    let d = doc(
        "Trois camions ont franchi la frontière, selon la chaîne Al-Rafidain.\nSelon l'agence Nour, les combats ont repris.",
        None,
        &[
            ("Al-Rafidain", EntityType::ORG, "org:rafidain"),
            ("Nour", EntityType::ORG, "org:nour"),
        ],
    );
    assert_eq!(d.layers.attributions.len(), 2);
    let a = &d.layers.attributions[0];
    assert_eq!(content(&d, a), "Trois camions ont franchi la frontière");
    assert_eq!(a.kind, AttributionKind::AccordingTo);
    assert_eq!(a.speaker_entity.as_deref(), Some("org:rafidain"));
    assert_eq!(a.channel.as_deref(), Some("television"));
    let b = &d.layers.attributions[1];
    assert_eq!(content(&d, b), "les combats ont repris");
    assert_eq!(b.speaker_entity.as_deref(), Some("org:nour"));
}

#[test]
fn source_chain_nearest_first_without_own_outlet() {
    let d = doc(
        "Selon l'agence Nour citant le site Al-Wadi, une source sécuritaire a annoncé l'arrivée de renforts.",
        Some("nour"),
        &[
            ("Nour", EntityType::ORG, "org:nour"),
            ("Al-Wadi", EntityType::ORG, "org:wadi"),
        ],
    );
    assert_eq!(
        d.layers.attributions.len(),
        1,
        "{:#?}",
        d.layers.attributions
    );
    let a = &d.layers.attributions[0];
    assert_eq!(content(&d, a), "l'arrivée de renforts");
    assert!(a.speaker_unnamed);
    assert_eq!(a.speaker_entity, None);
    assert_eq!(d.slice(a.speaker.unwrap()), "une source sécuritaire");
    assert_eq!(
        a.via,
        vec!["org:wadi".to_string()],
        "own outlet Nour must be dropped"
    );
}

#[test]
fn hedged_by_conditional_according_to_and_by_verb() {
    let d = doc(
        "Selon la chaîne Al-Rafidain, les combattants seraient confinés près du fleuve.\nLe groupe prétend que ses hommes contrôlent le pont.",
        None,
        &[("Al-Rafidain", EntityType::ORG, "org:rafidain")],
    );
    assert_eq!(d.layers.attributions.len(), 2);
    assert!(d.layers.attributions[0].hedged);
    assert!(d.layers.attributions[1].hedged);
}

#[test]
fn conditional_in_reported_speech_is_not_a_hedge() {
    let d = doc(
        "Le porte-parole Karim Haddad a déclaré que l'armée se retirerait demain.",
        None,
        &[("Karim Haddad", EntityType::PER, "per:haddad")],
    );
    assert!(!d.layers.attributions[0].hedged);
}

#[test]
fn postposed_speaker_with_channel_and_apposition() {
    let d = doc(
        "« Deux personnes ont été blessées » dans le quartier, a indiqué sur son compte Telegram le gouverneur de la province, Omar Saleh, précisant que les secours étaient sur place.",
        None,
        &[
            ("Telegram", EntityType::ORG, "org:telegram"),
            ("Omar Saleh", EntityType::PER, "per:saleh"),
        ],
    );
    let a = &d.layers.attributions[0];
    assert_eq!(a.kind, AttributionKind::Mixed);
    assert_eq!(a.speaker_entity.as_deref(), Some("per:saleh"));
    assert_eq!(
        d.slice(a.speaker.unwrap()),
        "le gouverneur de la province, Omar Saleh"
    );
    assert_eq!(a.via, vec!["org:telegram".to_string()]);
    assert_eq!(a.channel.as_deref(), Some("social_media"));
}

#[test]
fn definite_description_resolves_to_named_organisation() {
    let d = doc(
        "Le ministère libanais de la Santé a publié un bilan. Le ministère a ajouté que les hôpitaux étaient saturés.",
        None,
        &[("ministère libanais de la Santé", EntityType::ORG, "org:lb-health")],
    );
    let a = d.layers.attributions.last().unwrap();
    assert_eq!(content(&d, a), "les hôpitaux étaient saturés");
    assert_eq!(a.speaker_entity.as_deref(), Some("org:lb-health"));
}

#[test]
fn participle_without_auxiliary_is_not_a_cue_and_sentence_is_unsourced() {
    let d = doc(
        "Les résultats annoncés mercredi donnent une large avance au sortant.\nLa note de la banque centrale circule.",
        None,
        &[],
    );
    assert!(
        d.layers.attributions.is_empty(),
        "{:?}",
        d.layers.attributions
    );
    assert_eq!(d.layers.unsourced.len(), 2);
}

#[test]
fn bylines_are_neither_attributions_nor_statements() {
    let d = doc(
        "Les pluies ont inondé trois villages du sud.\nAvec AFP",
        None,
        &[],
    );
    assert_eq!(d.layers.unsourced.len(), 1);
    assert!(d.layers.attributions.is_empty());
}

#[test]
fn multi_sentence_quote_keeps_its_speaker() {
    let d = doc(
        "« Les routes sont coupées », a déclaré Omar Saleh. « Nous manquons de carburant depuis une semaine. »",
        None,
        &[("Omar Saleh", EntityType::PER, "per:saleh")],
    );
    assert_eq!(
        d.layers.attributions.len(),
        2,
        "{:?}",
        d.layers.attributions
    );
    let b = &d.layers.attributions[1];
    assert_eq!(b.speaker_entity.as_deref(), Some("per:saleh"));
    assert_eq!(b.kind, AttributionKind::Direct);
}

#[test]
fn spans_are_on_char_boundaries_for_any_input() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::default();
    runner
        .run(&".{0,300}", |s| {
            let d = doc(&s, Some("x"), &[]);
            for a in &d.layers.attributions {
                prop_assert!(a.content.slice(&d.text).is_some());
                if let Some(sp) = a.speaker {
                    prop_assert!(sp.slice(&d.text).is_some());
                }
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn auxiliary_found_across_interposed_adverbs() {
    let d = doc(
        "M. Qassem a par ailleurs accusé les Américains de survoler la zone sans autorisation.",
        None,
        &[("Qassem", EntityType::PER, "per:q")],
    );
    assert_eq!(
        d.layers.attributions.len(),
        1,
        "{:?}",
        d.layers.attributions
    );
    let a = &d.layers.attributions[0];
    assert_eq!(
        content(&d, a),
        "les Américains de survoler la zone sans autorisation"
    );
    assert_eq!(a.speaker_entity.as_deref(), Some("per:q"));
}

#[test]
fn quotation_after_verb_is_not_an_incise() {
    let d = doc(
        "Le colonel Omar Saleh, porte-parole de la coalition, a salué « une opération précise ».",
        None,
        &[("Omar Saleh", EntityType::PER, "per:saleh")],
    );
    let a = &d.layers.attributions[0];
    assert_eq!(content(&d, a), "une opération précise");
    assert_eq!(a.speaker_entity.as_deref(), Some("per:saleh"));
}

#[test]
fn pronominal_incise_and_country_speaker() {
    let d = doc(
        "« C'est un compromis fragile », s'est félicitée la rapporteure, Mme Claire Besson.\nL'Egypte a appelé hier à l'ouverture de nouveaux points de passage.",
        None,
        &[
            ("Claire Besson", EntityType::PER, "per:besson"),
            ("Egypte", EntityType::LOC, "country:EG"),
        ],
    );
    assert_eq!(
        d.layers.attributions.len(),
        2,
        "{:?}",
        d.layers.attributions
    );
    let a = &d.layers.attributions[0];
    assert_eq!(content(&d, a), "C'est un compromis fragile");
    assert_eq!(a.speaker_entity.as_deref(), Some("per:besson"));
    assert_eq!(
        d.layers.attributions[1].speaker_entity.as_deref(),
        Some("country:EG")
    );
}

#[test]
fn non_speech_senses_of_weak_verbs_are_not_attributions() {
    let d = doc(
        "La société Hydro-Nord a dévoilé mercredi un projet éolien.\nLe groupe a revendiqué une attaque de drones.",
        None,
        &[("Hydro-Nord", EntityType::ORG, "org:hn")],
    );
    assert!(
        d.layers.attributions.is_empty(),
        "{:?}",
        d.layers.attributions
    );
}

// Issue 5: definite descriptions and stressed pronouns resolve to the entity named before.

#[test]
fn issue5_role_description_refers_to_the_person_named_before() {
    let d = doc(
        "La maire de Lyon, Sophie Vernet, a inauguré le pont. « Ce chantier a coûté moins que prévu », a déclaré l'édile.\nLe chef de la majorité municipale a ensuite assuré que les travaux suivants commenceraient en mai.",
        None,
        &[
            ("Lyon", EntityType::LOC, "loc:lyon"),
            ("Sophie Vernet", EntityType::PER, "per:vernet"),
        ],
    );
    assert_eq!(
        d.layers.attributions.len(),
        2,
        "{:#?}",
        d.layers.attributions
    );
    for a in &d.layers.attributions {
        assert_eq!(
            a.speaker_entity.as_deref(),
            Some("per:vernet"),
            "{}",
            content(&d, a)
        );
        assert!(!a.speaker_unnamed);
    }
}

#[test]
fn issue5_role_description_with_an_organisation_is_still_the_person() {
    let d = doc(
        "Paul Ronan a présenté son programme devant les militants. Le chef du Parti du travail a affirmé que les impôts baisseraient.",
        None,
        &[
            ("Paul Ronan", EntityType::PER, "per:ronan"),
            ("Parti du travail", EntityType::ORG, "org:pt"),
        ],
    );
    let a = d.layers.attributions.last().unwrap();
    assert_eq!(a.speaker_entity.as_deref(), Some("per:ronan"));
}

#[test]
fn issue5_headline_role_description_names_the_person_in_the_lede() {
    let d = doc(
        "Le président du Conseil déclare la fin des négociations\nLe président du Conseil Marc Duval a annoncé lundi la fin des discussions.",
        None,
        &[("Marc Duval", EntityType::PER, "per:duval")],
    );
    let a = &d.layers.attributions[0];
    assert_eq!(content(&d, a), "la fin des négociations");
    assert_eq!(a.speaker_entity.as_deref(), Some("per:duval"));
}

#[test]
fn issue5_unnamed_source_noun_stays_unnamed_without_a_named_holder() {
    let d = doc(
        "Karim Haddad a visité la base. Le porte-parole de l'armée a assuré que la route était rouverte.",
        None,
        &[("Karim Haddad", EntityType::PER, "per:haddad")],
    );
    let a = d.layers.attributions.last().unwrap();
    assert_eq!(
        a.speaker_entity, None,
        "Haddad was never called porte-parole"
    );
    assert!(a.speaker_unnamed);
}

#[test]
fn issue5_organisation_description_refers_to_the_organisation_named_before() {
    let d = doc(
        "« Nos positions ont été bombardées à l'aube », a déclaré cette milice dans un communiqué, après des frappes contre les Brigades Al-Nasr.",
        None,
        &[("Brigades Al-Nasr", EntityType::ORG, "org:nasr")],
    );
    // The organisation is named only after the description: nothing to refer back to.
    assert_eq!(d.layers.attributions[0].speaker_entity, None);
    let d = doc(
        "Les Brigades Al-Nasr ont perdu deux combattants. « Nos positions ont été bombardées à l'aube », a déclaré cette milice dans un communiqué.",
        None,
        &[("Brigades Al-Nasr", EntityType::ORG, "org:nasr")],
    );
    assert_eq!(
        d.layers.attributions[0].speaker_entity.as_deref(),
        Some("org:nasr")
    );
}

#[test]
fn issue5_selon_lui_and_apposition_after_an_indefinite_description() {
    let d = doc(
        "Un porte-parole des Brigades, Hadi Karim, a affirmé que la frappe visait des civils. Selon lui, les drones venaient du nord.",
        None,
        &[
            ("Brigades", EntityType::ORG, "org:brigades"),
            ("Hadi Karim", EntityType::PER, "per:karim"),
        ],
    );
    assert_eq!(
        d.layers.attributions.len(),
        2,
        "{:#?}",
        d.layers.attributions
    );
    for a in &d.layers.attributions {
        assert_eq!(
            a.speaker_entity.as_deref(),
            Some("per:karim"),
            "{}",
            content(&d, a)
        );
    }
}

#[test]
fn issue5_subject_with_apposition_is_not_an_inverted_incise() {
    let d = doc(
        "Le ministre de l'Intérieur, Karim Haddad, a annoncé l'arrestation de trois suspects.\nLes combats ont repris, a annoncé l'armée.",
        None,
        &[("Karim Haddad", EntityType::PER, "per:haddad")],
    );
    let first = &d.layers.attributions[0];
    assert_eq!(content(&d, first), "l'arrestation de trois suspects");
    assert_eq!(first.speaker_entity.as_deref(), Some("per:haddad"));
    let second = &d.layers.attributions[1];
    assert_eq!(content(&d, second), "Les combats ont repris");
    assert_eq!(d.slice(second.speaker.unwrap()), "l'armée");
}

#[test]
fn issue5_passive_relay_keeps_the_unnamed_speaker_and_chains_the_outlet() {
    let d = doc(
        "D'après un responsable de la sécurité cité par l'agence Nour, deux commandants se trouvaient dans la zone.",
        None,
        &[("Nour", EntityType::ORG, "org:nour")],
    );
    let a = &d.layers.attributions[0];
    assert_eq!(a.speaker_entity, None);
    assert!(a.speaker_unnamed);
    assert_eq!(a.via, vec!["org:nour".to_string()]);
}

#[test]
fn issue5_addressee_outlet_and_platform_are_chain_links() {
    let d = doc(
        "Le maire, Karim Haddad, a déclaré à Al-Wadi que deux véhicules avaient été touchés.\n« Nous reconstruirons », a-t-il ajouté à la chaîne Al-Rafidain.\nIl a félicité les forces pour leur victoire sur les Brigades Al-Nasr.",
        None,
        &[
            ("Karim Haddad", EntityType::PER, "per:haddad"),
            ("Al-Wadi", EntityType::ORG, "org:wadi"),
            ("Al-Rafidain", EntityType::ORG, "org:rafidain"),
            ("Brigades Al-Nasr", EntityType::ORG, "org:nasr"),
        ],
    );
    let by_content = |start: &str| {
        d.layers
            .attributions
            .iter()
            .find(|a| content(&d, a).starts_with(start))
            .unwrap_or_else(|| {
                panic!(
                    "no attribution starting {start:?}: {:#?}",
                    d.layers.attributions
                )
            })
    };
    assert_eq!(
        by_content("deux véhicules").via,
        vec!["org:wadi".to_string()]
    );
    assert_eq!(
        by_content("Nous reconstruirons").via,
        vec!["org:rafidain".to_string()]
    );
}

#[test]
fn issue5_affiliation_in_an_unnamed_description_is_no_chain_link() {
    let d = doc(
        "Un commandant des Brigades Al-Nasr a affirmé que la ligne tenait. Un correspondant de l'agence Nour a rapporté que les tirs avaient cessé.",
        None,
        &[
            ("Brigades Al-Nasr", EntityType::ORG, "org:nasr"),
            ("Nour", EntityType::ORG, "org:nour"),
        ],
    );
    assert_eq!(
        d.layers.attributions.len(),
        2,
        "{:#?}",
        d.layers.attributions
    );
    assert!(d.layers.attributions[0].via.is_empty());
    assert!(d.layers.attributions[0].speaker_unnamed);
    assert_eq!(d.layers.attributions[1].via, vec!["org:nour".to_string()]);
}

#[test]
fn issue5_relative_clause_after_selon_is_no_chain_link() {
    let d = doc(
        "Selon Karim Haddad qui est le commandant de la région dans les Brigades Al-Nasr, les convois ont quitté la ville.",
        None,
        &[
            ("Karim Haddad", EntityType::PER, "per:haddad"),
            ("Brigades Al-Nasr", EntityType::ORG, "org:nasr"),
        ],
    );
    let a = &d.layers.attributions[0];
    assert_eq!(a.speaker_entity.as_deref(), Some("per:haddad"));
    assert!(a.via.is_empty(), "{:?}", a.via);
}

#[test]
fn issue5_unsourced_leaves_out_opinion_datelines_and_credit_lines() {
    let d = doc(
        "BEYROUTH (Liban), 12 mars (Nour) -- Le port a rouvert après trois semaines de travaux.\nLes armateurs devront sans doute attendre encore un mois avant de revenir.\nLes premiers navires sont arrivés mercredi à l'aube.\nK.H. avec AFP",
        None,
        &[],
    );
    let unsourced: Vec<&str> = d.layers.unsourced.iter().map(|u| d.slice(u.span)).collect();
    assert_eq!(
        unsourced,
        vec![
            "Le port a rouvert après trois semaines de travaux.",
            "Les premiers navires sont arrivés mercredi à l'aube.",
        ]
    );
}

#[test]
fn issue5_dateline_cut_never_splits_a_character() {
    // A long first sentence with accents around the dateline window.
    let text = format!("{}é -- fin de la phrase écrite ici.", "É".repeat(60));
    let d = doc(&text, None, &[]);
    for u in &d.layers.unsourced {
        assert!(text.is_char_boundary(u.span.start));
    }
}

#[test]
fn issue5_relay_after_a_comma_names_the_speaker_and_chains_the_outlet() {
    let d = doc(
        "D'après le quotidien Al-Wadi, citant une source judiciaire, les enquêteurs auraient saisi des documents.\nSelon la chaîne Al-Rafidain, qui cite un responsable local, la route est coupée.",
        None,
        &[
            ("Al-Wadi", EntityType::ORG, "org:wadi"),
            ("Al-Rafidain", EntityType::ORG, "org:rafidain"),
        ],
    );
    assert_eq!(
        d.layers.attributions.len(),
        2,
        "{:#?}",
        d.layers.attributions
    );
    let first = &d.layers.attributions[0];
    assert_eq!(
        content(&d, first),
        "les enquêteurs auraient saisi des documents"
    );
    assert_eq!(d.slice(first.speaker.unwrap()), "une source judiciaire");
    assert!(first.speaker_unnamed);
    assert_eq!(first.via, vec!["org:wadi".to_string()]);
    let second = &d.layers.attributions[1];
    assert_eq!(d.slice(second.speaker.unwrap()), "un responsable local");
    assert_eq!(second.via, vec!["org:rafidain".to_string()]);
}

#[test]
fn issue5_pronoun_takes_the_person_who_opened_the_last_sentence() {
    let d = doc(
        "« Les stocks suffiront », a affirmé Karim Haddad. Le ministre de la Santé, Nabil Sarraf, s'est rendu jeudi à l'hôpital. Il a annoncé que dix médecins arriveraient lundi.",
        None,
        &[
            ("Karim Haddad", EntityType::PER, "per:haddad"),
            ("Nabil Sarraf", EntityType::PER, "per:sarraf"),
        ],
    );
    let last = d.layers.attributions.last().unwrap();
    assert_eq!(content(&d, last), "dix médecins arriveraient lundi");
    assert_eq!(last.speaker_entity.as_deref(), Some("per:sarraf"));
}

#[test]
fn issue5_trailing_channel_relative_subject_and_same_source() {
    let d = doc(
        "Des hommes armés ont attaqué la base, a annoncé l'armée dans un communiqué lu à la télévision Al-Rafidain.\n« Vingt assaillants ont été tués », affirme le texte, qui évoque « des pertes » parmi les supplétifs.\nTrois villages ont été évacués, selon la même source.",
        None,
        &[
            ("armée", EntityType::ORG, "org:army"),
            ("Al-Rafidain", EntityType::ORG, "org:rafidain"),
        ],
    );
    let all = &d.layers.attributions;
    assert!(all.len() >= 4, "{all:#?}");
    for a in all {
        assert_eq!(
            a.speaker_entity.as_deref(),
            Some("org:army"),
            "{}",
            content(&d, a)
        );
        assert_eq!(
            a.via,
            vec!["org:rafidain".to_string()],
            "{}",
            content(&d, a)
        );
    }
}

#[test]
fn issue5_apposition_after_selon_names_the_speaker() {
    let d = doc(
        "Karim Haddad a quitté la réunion. Selon le directeur financier, Nabil Sarraf, la réorganisation coûtera cher.",
        None,
        &[
            ("Karim Haddad", EntityType::PER, "per:haddad"),
            ("Nabil Sarraf", EntityType::PER, "per:sarraf"),
        ],
    );
    let a = d.layers.attributions.last().unwrap();
    assert_eq!(content(&d, a), "la réorganisation coûtera cher");
    assert_eq!(a.speaker_entity.as_deref(), Some("per:sarraf"));
}

#[test]
fn issue5_possessive_speaker_after_a_channel_and_unnamed_member_after_selon() {
    let d = doc(
        "« Le compte n'y est pas », a déclaré sur Al-Wadi son porte-parole, Nabil Sarraf, qui juge le texte « trop timide ».\nSelon un analyste des Brigades Al-Nasr, la ligne tiendra.",
        None,
        &[
            ("Al-Wadi", EntityType::ORG, "org:wadi"),
            ("Nabil Sarraf", EntityType::PER, "per:sarraf"),
            ("Brigades Al-Nasr", EntityType::ORG, "org:nasr"),
        ],
    );
    let first = &d.layers.attributions[0];
    assert_eq!(
        first.speaker_entity.as_deref(),
        Some("per:sarraf"),
        "{:#?}",
        d.layers.attributions
    );
    assert_eq!(first.via, vec!["org:wadi".to_string()]);
    let last = d.layers.attributions.last().unwrap();
    assert_eq!(content(&d, last), "la ligne tiendra");
    assert!(last.speaker_unnamed);
    assert_eq!(last.speaker_entity, None);
    assert!(
        last.via.is_empty(),
        "an affiliation is no chain link: {:?}",
        last.via
    );
}

#[test]
fn issue5_a_named_body_decreeing_is_a_statement() {
    let d = doc(
        "L'agence Nour a décrété mercredi une urgence de santé publique. Le gouvernement a décrété des mesures.",
        None,
        &[("Nour", EntityType::ORG, "org:nour")],
    );
    assert_eq!(
        d.layers.attributions.len(),
        1,
        "{:#?}",
        d.layers.attributions
    );
    let a = &d.layers.attributions[0];
    assert_eq!(a.speaker_entity.as_deref(), Some("org:nour"));
}
