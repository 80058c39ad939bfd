//! What the layer reads in one count: sentences written for these tests, annotated by the
//! real pipeline, then read by `figures_of`.

use std::sync::OnceLock;

use recoupe_model::{Document, Metadata, Origin, OriginKind};
use recoupe_pipeline::Pipeline;
use recoupe_stories::{figures_of, Figure};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE
        .get_or_init(|| recoupe_pipeline::french_news().expect("the standard pipeline is valid"))
}

fn read(text: &str) -> (Document, Vec<Figure>) {
    let mut doc = Document::new(
        text.to_string(),
        Metadata::new(Origin {
            kind: OriginKind::Jsonl,
            path: "fact_reading".into(),
            record: None,
        }),
    );
    pipeline().run(&mut doc).expect("pipeline runs");
    let figures = figures_of(&doc);
    (doc, figures)
}

/// The figure whose text starts with `start`.
fn figure<'f>(doc: &Document, figures: &'f [Figure], start: &str) -> &'f Figure {
    figures
        .iter()
        .find(|f| doc.slice(f.span).starts_with(start))
        .unwrap_or_else(|| {
            panic!(
                "no figure starting with {start:?} in {:?}",
                figures
                    .iter()
                    .map(|f| doc.slice(f.span))
                    .collect::<Vec<_>>()
            )
        })
}

fn category<'f>(doc: &Document, figures: &'f [Figure], start: &str) -> Option<&'f str> {
    figure(doc, figures, start).category.as_deref()
}

#[test]
fn bare_numbers_of_a_breakdown_count_what_the_first_one_counts() {
    let (doc, figures) = read(
        "La tempête a fait 120 morts dans la province de Tiznit, 45 dans la province \
         d'Essaouira et 12 dans la province de Chtouka.",
    );
    assert_eq!(category(&doc, &figures, "120"), Some("killed"));
    for start in ["45", "12"] {
        assert_eq!(category(&doc, &figures, start), Some("killed"), "{start}");
    }
}

#[test]
fn the_number_of_dead_before_a_bare_number_says_what_it_counts() {
    let (doc, figures) = read(
        "D'après le gouverneur, le nombre de morts a atteint 87 dans la région de Souss, \
         selon un communiqué diffusé dimanche.",
    );
    assert_eq!(category(&doc, &figures, "87"), Some("killed"));
}

#[test]
fn a_count_of_people_reads_its_verb_after_an_aside() {
    let (doc, figures) = read(
        "Cinq personnes, dont deux enfants de quatre ans, ont été tuées mardi dans un \
         bombardement sur la ville.",
    );
    assert_eq!(category(&doc, &figures, "Cinq personnes"), Some("killed"));
}

#[test]
fn a_noun_further_in_the_clause_is_no_verb_of_the_count() {
    let (doc, figures) = read(
        "Jeudi, plusieurs dizaines de membres de l'association se sont rassemblés devant \
         la mairie pour rendre hommage aux victimes de l'incendie.",
    );
    assert_ne!(
        category(&doc, &figures, "plusieurs dizaines"),
        Some("killed")
    );
}

#[test]
fn some_nouns_say_what_is_counted_by_themselves() {
    let (doc, figures) = read(
        "Les secouristes ont retrouvé 40 corps dans les décombres. Le village se trouve à \
         150 km de la capitale, soit près de 100 kilomètres de la frontière. Les pompiers \
         ont recensé 30 logements et 12 appartements détruits.",
    );
    assert_eq!(category(&doc, &figures, "40 corps"), Some("bodies"));
    assert_eq!(category(&doc, &figures, "150 km"), Some("distance_km"));
    assert_eq!(
        category(&doc, &figures, "près de 100 kilomètres"),
        Some("distance_km")
    );
    assert_eq!(category(&doc, &figures, "30 logements"), Some("dwellings"));

    let (doc, figures) = read("Les corps de 14 villageois ont été retrouvés jeudi matin.");
    assert_eq!(category(&doc, &figures, "14 villageois"), Some("killed"));
}

#[test]
fn heavy_goods_vehicles_are_counted_as_trucks() {
    // "poids lourds" and "camions" name the same vehicles: one article's count of the one
    // is another's count of the other.
    let (doc, figures) = read(
        "Quelque 600 camions attendent au poste frontière. Plus loin, 250 poids lourds sont \
         bloqués sur la route nationale.",
    );
    let trucks = category(&doc, &figures, "Quelque 600 camions");
    assert!(trucks.is_some());
    assert_eq!(category(&doc, &figures, "250 poids lourds"), trucks);
}

#[test]
fn a_hyphenated_unit_is_one_word() {
    let (doc, figures) =
        read("Le tribunal a condamné les 20 co-prévenus. Les 20 coprévenus ont fait appel.");
    let a = category(&doc, &figures, "20 co-prévenus");
    let b = category(&doc, &figures, "20 coprévenus");
    assert!(a.is_some());
    assert_eq!(a, b);
}

#[test]
fn a_first_toll_with_no_later_one_is_the_current_toll() {
    let (doc, figures) =
        read("Selon un premier bilan, 12 personnes ont été tuées dans l'explosion.");
    assert!(!figure(&doc, &figures, "12").earlier);

    let (doc, figures) = read(
        "Selon un premier bilan, 12 personnes ont été tuées dans l'explosion. Les autorités \
         font désormais état de 20 morts.",
    );
    assert!(figure(&doc, &figures, "12").earlier);
    assert!(!figure(&doc, &figures, "20").earlier);
}

#[test]
fn a_revision_in_parentheses_concerns_the_figure_inside_them() {
    let (doc, figures) = read(
        "Un bilan provisoire fait état de 4 morts (et non pas 5, comme annoncé plus tôt), \
         12 blessés graves et 20 blessés légers.",
    );
    assert!(figure(&doc, &figures, "5").earlier);
    assert!(!figure(&doc, &figures, "12").earlier);
    assert!(!figure(&doc, &figures, "20").earlier);
}

#[test]
fn the_whole_after_sur_is_not_another_count_of_the_part() {
    let (doc, figures) = read("La motion a été adoptée : 301 députés sur 577 l'ont votée.");
    let part = category(&doc, &figures, "301");
    let whole = category(&doc, &figures, "577");
    assert!(part.is_some());
    assert_ne!(whole, part);
}

fn source_key<'f>(doc: &Document, figures: &'f [Figure], start: &str) -> Option<&'f str> {
    figure(doc, figures, start)
        .source
        .as_ref()
        .map(|s| s.key.as_str())
}

#[test]
fn the_numbers_of_a_sourced_breakdown_share_its_source() {
    let (doc, figures) = read(
        "Le séisme a fait 300 morts, a annoncé samedi le ministère marocain de la Santé. \
         Selon le communiqué, le nombre de morts a atteint 140 dans la province de Tiznit, \
         60 dans la province d'Essaouira et 25 dans la province de Chtouka.",
    );
    let first = source_key(&doc, &figures, "300").expect("the toll has a source");
    for start in ["140", "60", "25"] {
        assert_eq!(source_key(&doc, &figures, start), Some(first), "{start}");
    }
}

#[test]
fn authorities_of_a_place_are_no_named_claimant() {
    let (doc, figures) =
        read("Trois personnes ont été tuées dans la nuit, ont indiqué les autorités de Kharkiv.");
    assert_eq!(source_key(&doc, &figures, "Trois"), None);
}

#[test]
fn a_bare_number_shares_the_noun_of_the_count_it_is_contrasted_with() {
    let (doc, figures) = read(
        "D'après l'ONG, ce ne sont pas 45, mais au moins 80 personnes qui ont été tuées \
         dans le village.",
    );
    let after = category(&doc, &figures, "au moins 80").expect("the second count is read");
    assert_eq!(category(&doc, &figures, "45"), Some(after));

    let (doc, figures) =
        read("Le bilan des inondations est passé de 12 à au moins 19 morts lundi.");
    assert_eq!(category(&doc, &figures, "12"), Some("killed"));
    assert!(figure(&doc, &figures, "12").earlier);
    assert!(!figure(&doc, &figures, "au moins 19").earlier);
}

#[test]
fn a_number_whose_noun_names_another_thing_is_no_enumeration() {
    let (doc, figures) = read(
        "La tempête a fait 640 morts, mais le bilan risque de s'alourdir en raison du nombre \
         de disparus, estimé à des centaines.",
    );
    assert_eq!(category(&doc, &figures, "640"), Some("killed"));
    assert_ne!(category(&doc, &figures, "des centaines"), Some("killed"));
}

#[test]
fn a_place_a_dozen_words_on_is_still_the_part_of_a_breakdown() {
    let (doc, figures) = read(
        "Trois autres décès ont été signalés dans la province voisine de Cuenca, et un \
         quatrième à Teruel.",
    );
    let part = figure(&doc, &figures, "Trois").part_name.as_deref();
    assert_eq!(part, Some("Cuenca"));
}

#[test]
fn the_seats_of_a_party_belong_to_the_party_not_its_leader() {
    let (doc, figures) = read(
        "Résultats : Union démocratique du Centre (UDC, dirigée par Jean-Paul Mabillard) : \
         31,2 % – 57 élus.",
    );
    let part = figure(&doc, &figures, "57").part_name.as_deref();
    assert!(part.is_some_and(|p| !p.contains("Mabillard")), "{part:?}");
}

#[test]
fn victims_of_abuse_and_identified_bodies_are_no_toll() {
    let (doc, figures) = read(
        "Selon l'ONU, 34 femmes ont été victimes de violences sexuelles pendant l'assaut. \
         Les corps de 212 personnes ont été retrouvés et identifiés à la morgue.",
    );
    assert_ne!(category(&doc, &figures, "34 femmes"), Some("killed"));
    assert_eq!(category(&doc, &figures, "212"), Some("bodies"));
}

#[test]
fn the_less_seriously_injured_are_a_count_of_their_own() {
    let (doc, figures) = read(
        "L'accident a fait 4 blessés graves et 9 blessés un peu moins graves, selon les \
         pompiers.",
    );
    let grave = category(&doc, &figures, "4 blessés");
    let less = category(&doc, &figures, "9 blessés");
    assert_eq!(grave, Some("seriously_injured"));
    assert!(less.is_some() && less != grave && less != Some("injured"));
}

#[test]
fn a_figure_announced_later_supersedes_the_one_before_it() {
    let (doc, figures) = read(
        "Incendie à Lyon : une dizaine de morts dans un immeuble. Le feu a pris dans la nuit \
         au rez-de-chaussée. Le maire a d'abord évoqué 8 morts. Les secours ont annoncé un peu \
         plus tard 13 morts dans le quartier, dont 2 pompiers.",
    );
    assert!(figure(&doc, &figures, "8 morts").earlier);
    assert!(!figure(&doc, &figures, "13 morts").earlier);
    // The headline's summary two sentences up is not what the newer figure revises.
    assert!(!figure(&doc, &figures, "une dizaine").earlier);

    // With no other value of the same thing, "d'abord" supersedes nothing.
    let (doc, figures) = read("Les pompiers ont d'abord secouru 6 blessés dans l'immeuble.");
    assert!(!figure(&doc, &figures, "6 blessés").earlier);
}

#[test]
fn the_outlet_a_reporter_works_for_is_no_claimant() {
    let (doc, figures) = read(
        "Sur l'autoroute, une quarantaine de tracteurs bloquent la sortie, a constaté un \
         journaliste de l'AFP.",
    );
    assert_eq!(source_key(&doc, &figures, "une quarantaine"), None);
}

#[test]
fn marchers_are_counted_as_such_unless_the_clause_says_what_befell_them() {
    let (doc, figures) = read(
        "Des milliers de personnes ont défilé samedi à Lomé. Selon les organisateurs, la \
         marche a rassemblé 20 000 personnes. Onze manifestants ont été blessés et plus de 30 \
         militants ont été interpellés.",
    );
    let marchers = category(&doc, &figures, "Des milliers");
    assert!(marchers.is_some());
    assert_eq!(category(&doc, &figures, "20 000"), marchers);
    assert_eq!(category(&doc, &figures, "Onze"), Some("injured"));
    assert_eq!(category(&doc, &figures, "plus de 30"), Some("arrested"));
}

#[test]
fn a_toll_over_a_season_is_told_apart_from_the_event_toll() {
    let (doc, figures) = read(
        "Depuis le début de l'hivernage, les pluies ont fait 58 morts dans le pays. Le \
         glissement de terrain de mardi a fait 9 morts.",
    );
    let season = figure(&doc, &figures, "58");
    let event = figure(&doc, &figures, "9 morts");
    assert_eq!(season.category, event.category);
    assert_ne!(season.part, event.part);
}

#[test]
fn a_party_named_right_before_the_next_count_is_that_counts_party() {
    let (doc, figures) =
        read("Au Grand Conseil, le Parti socialiste obtient 41 sièges et l'UDC 30, selon la chancellerie.");
    let part = figure(&doc, &figures, "41").part_name.as_deref();
    assert!(part.is_some_and(|p| p.contains("socialiste")), "{part:?}");
}

fn part<'f>(doc: &Document, figures: &'f [Figure], start: &str) -> Option<&'f str> {
    figure(doc, figures, start).part.as_deref()
}

#[test]
fn issue12_a_verb_said_only_of_the_living_reads_any_noun_of_people() {
    let (doc, figures) =
        read("Dans la nuit, 14 bergers ont été tués par des hommes armés près du lac.");
    assert_eq!(category(&doc, &figures, "14 bergers"), Some("killed"));
    // A toll word says nothing of things: a count of operations stays a count of its noun.
    let (doc, figures) =
        read("Les pompiers dressent un bilan de 320 interventions depuis le début de l'orage.");
    assert_ne!(category(&doc, &figures, "320"), Some("killed"));
}

#[test]
fn issue12_a_count_after_parmi_is_a_subset_of_the_toll_before_it() {
    let (doc, figures) = read(
        "Au moins 23 personnes ont été tuées dans l'effondrement de l'immeuble. Parmi les \
         victimes figurent six enfants.",
    );
    assert_eq!(
        category(&doc, &figures, "six enfants"),
        Some("killed>enfant")
    );
}

#[test]
fn issue12_other_defendants_are_the_fellow_defendants_not_all_of_them() {
    let (doc, figures) = read(
        "Le tribunal a jugé 14 prévenus au total. L'ancien maire et 13 autres prévenus ont été \
         condamnés, tandis que 13 co-prévenus ont fait appel.",
    );
    let all = category(&doc, &figures, "14 prévenus");
    let others = category(&doc, &figures, "13 autres");
    assert_ne!(all, others);
    assert_eq!(others, category(&doc, &figures, "13 co-prévenus"));
}

#[test]
fn issue12_injured_police_are_a_part_of_their_own() {
    let (doc, figures) = read(
        "Lors des heurts, sept policiers ont été blessés, tandis que 25 manifestants ont été \
         blessés selon les organisateurs.",
    );
    assert_eq!(category(&doc, &figures, "sept policiers"), Some("injured"));
    assert_eq!(part(&doc, &figures, "sept policiers"), Some("forces"));
    assert_eq!(part(&doc, &figures, "25 manifestants"), None);
}

#[test]
fn issue12_a_toll_in_the_pluperfect_after_an_old_date_is_of_an_earlier_event() {
    let (doc, figures) = read(
        "Les pluies du mardi 14 octobre 2025 ont fait six morts dans la province. La région \
         avait déjà été frappée en mars 2019 par un cyclone qui avait fait 40 morts.",
    );
    assert_eq!(part(&doc, &figures, "six morts"), None);
    assert!(
        part(&doc, &figures, "40 morts").is_some_and(|p| p.starts_with("past:2019")),
        "{:?}",
        part(&doc, &figures, "40 morts")
    );
}

#[test]
fn issue12_a_place_in_another_country_is_a_part_of_its_own() {
    let (doc, figures) = read(
        "Au Maroc, les inondations ont fait neuf morts à Tanger et à Tétouan, et les secours \
         restent mobilisés dans tout le Maroc. En Espagne, les pluies ont fait un mort à Malaga.",
    );
    assert_eq!(category(&doc, &figures, "un mort"), Some("killed"));
    assert!(part(&doc, &figures, "un mort").is_some());
    assert_eq!(part(&doc, &figures, "neuf morts"), None);
}

#[test]
fn issue12_seats_belong_to_the_subject_of_their_sentence() {
    let (doc, figures) =
        read("Avec 52 sièges, le Parti socialiste reste la première force du Parlement.");
    let name = figure(&doc, &figures, "52").part_name.as_deref();
    assert!(name.is_some_and(|p| p.contains("socialiste")), "{name:?}");
    let (doc, figures) = read(
        "Le Parti socialiste progresse nettement. Il obtient 41 sièges, selon les résultats \
         officiels.",
    );
    let name = figure(&doc, &figures, "41").part_name.as_deref();
    assert!(name.is_some_and(|p| p.contains("socialiste")), "{name:?}");
}

#[test]
fn issue12_a_vote_count_its_threshold_and_its_whole_are_three_things() {
    let (doc, figures) =
        read("La motion a été adoptée par 301 voix, la majorité requise étant de 289 voix.");
    assert_eq!(category(&doc, &figures, "301"), Some("votes"));
    assert_eq!(category(&doc, &figures, "289"), Some("votes_required"));
    let (doc, figures) = read("Au total, 301 députés sur 577 ont voté la motion mardi soir.");
    assert_eq!(category(&doc, &figures, "301"), Some("votes"));
    assert_eq!(category(&doc, &figures, "577"), Some("votes/whole"));
}

#[test]
fn issue12_the_numbers_of_a_list_count_what_its_heading_names() {
    let (doc, figures) = read(
        "Les résultats sont tombés dans la nuit.\nNombre de sièges :\n• Parti socialiste : \
         41\n• Les Républicains : 30",
    );
    assert_eq!(category(&doc, &figures, "41"), Some("seats"));
    assert_eq!(category(&doc, &figures, "30"), Some("seats"));
}

#[test]
fn issue12_bodies_lying_at_the_scene_are_the_dead_unless_seen_on_images() {
    let (doc, figures) =
        read("Après l'explosion du dépôt, une quinzaine de corps gisent encore sur la chaussée.");
    assert_eq!(category(&doc, &figures, "une quinzaine"), Some("killed"));
    let (doc, figures) = read(
        "Sur une vidéo publiée par les rebelles, on distingue une quinzaine de corps gisant \
         dans un fossé.",
    );
    assert_eq!(category(&doc, &figures, "une quinzaine"), Some("bodies"));
}

#[test]
fn issue12_a_fine_and_the_sum_embezzled_are_two_things_in_any_spelling_of_the_currency() {
    let (doc, figures) = read(
        "L'ancien trésorier, accusé d'avoir détourné 800 millions de francs CFA, a été condamné \
         à une amende de 40 millions de FCFA.",
    );
    assert_eq!(category(&doc, &figures, "800"), Some("money:embezzled"));
    assert_eq!(category(&doc, &figures, "40"), Some("money:fine"));
    let (doc, figures) = read("Le tribunal lui a infligé une amende de 40 millions de FCFA.");
    assert_eq!(category(&doc, &figures, "40"), Some("money:fine"));
}

#[test]
fn issue12_seats_lost_are_no_count_of_seats_held() {
    let (doc, figures) = read(
        "Les écologistes, avec 17 députés, perdent trois sièges par rapport à la législature \
         sortante.",
    );
    assert_eq!(category(&doc, &figures, "trois"), Some("seat_loss"));
}

#[test]
fn issue12_a_life_in_danger_is_a_serious_injury_and_a_corrected_figure_is_earlier() {
    let (doc, figures) = read(
        "L'accident a fait 30 blessés, dont sept personnes dont les jours sont en danger selon \
         l'hôpital.",
    );
    assert_eq!(category(&doc, &figures, "sept"), Some("seriously_injured"));
    let (doc, figures) = read(
        "Selon les résultats définitifs, la liste obtient 31 sièges, et non 29 comme annoncé \
         dimanche soir.",
    );
    assert!(figure(&doc, &figures, "29").earlier);
    assert!(!figure(&doc, &figures, "31").earlier);
}

#[test]
fn issue13_the_body_of_a_named_place_is_a_claimant() {
    let (doc, figures) = read(
        "Quelque 2 300 manifestants ont défilé samedi à Nantes, selon la préfecture de \
         Loire-Atlantique. Le cortège comptait 9 000 personnes, selon les syndicats. \
         Douze interpellations ont eu lieu, a ajouté la préfecture de Loire-Atlantique.",
    );
    let marchers = source_key(&doc, &figures, "Quelque 2 300").expect("the prefecture counts");
    assert_eq!(source_key(&doc, &figures, "Douze"), Some(marchers));
}

#[test]
fn issue13_people_after_a_count_of_houses_count_what_their_own_verb_says() {
    let (doc, figures) = read(
        "Une trentaine de maisons ont été détruites et près de 2 000 habitants ont fui vers la \
         ville voisine, selon la mairie.",
    );
    assert_eq!(category(&doc, &figures, "Une trentaine"), Some("dwellings"));
    assert_eq!(category(&doc, &figures, "près de 2 000"), Some("displaced"));
}

#[test]
fn issue13_counts_of_marchers_in_apposition_and_a_gathering_count_the_participants() {
    let (doc, figures) = read(
        "Les manifestants, plus de 20 000 selon la CGT, environ 6 500 selon la préfecture, ont \
         rejoint la place de la Bastille en fin de journée.",
    );
    assert_eq!(
        category(&doc, &figures, "plus de 20 000"),
        Some("participants")
    );
    assert_eq!(
        category(&doc, &figures, "environ 6 500"),
        Some("participants")
    );
    let (doc, figures) =
        read("Le rassemblement a réuni quelque 3 000 personnes devant le palais de justice.");
    assert_eq!(
        category(&doc, &figures, "quelque 3 000"),
        Some("participants")
    );
}

#[test]
fn issue13_people_named_by_their_trade_read_the_verb_of_their_clause() {
    let (doc, figures) =
        read("Douze infirmiers ont été interpellés mardi devant l'hôpital, a indiqué la police.");
    assert_eq!(
        category(&doc, &figures, "Douze infirmiers"),
        Some("arrested")
    );
    // Their count with no verb that says what happened to them stays a count of its noun.
    let (doc, figures) =
        read("Moins de 10 professeurs sur 80 ont fait cours jeudi au lycée, selon le proviseur.");
    assert_eq!(
        category(&doc, &figures, "Moins de 10"),
        Some("unit:professeur")
    );
}

#[test]
fn issue13_the_buried_are_the_dead() {
    let (doc, figures) =
        read("« Nous avons déjà inhumé 31 personnes », a déclaré le maire de la commune.");
    assert_eq!(category(&doc, &figures, "31 personnes"), Some("killed"));
}

#[test]
fn issue13_two_counts_joined_by_et_share_the_verb_after_the_second() {
    let (doc, figures) = read(
        "Trois gendarmes et deux passants ont été tués samedi dans l'explosion, selon la préfecture.",
    );
    assert_eq!(category(&doc, &figures, "Trois gendarmes"), Some("killed"));
    assert_eq!(category(&doc, &figures, "deux passants"), Some("killed"));
}

#[test]
fn issue13_a_trial_counts_the_convicted_and_the_acquitted() {
    let (doc, figures) = read(
        "Onze des treize prévenus ont été condamnés lundi par le tribunal, deux ont été acquittés.",
    );
    assert_eq!(category(&doc, &figures, "deux"), Some("acquitted"));
    let (doc, figures) = read("Le tribunal a prononcé douze condamnations et un acquittement.");
    assert_eq!(category(&doc, &figures, "douze"), Some("convicted"));
}

#[test]
fn issue13_the_depth_of_an_earthquake_is_no_distance() {
    let (doc, figures) = read(
        "L'épicentre a été localisé à 12 km au sud de la ville, à une profondeur de 8 km, selon \
         le centre sismologique.",
    );
    assert_eq!(category(&doc, &figures, "12 km"), Some("distance_km"));
    assert_eq!(category(&doc, &figures, "8 km"), Some("depth_km"));
    let (doc, figures) = read("La secousse s'est produite à 10 km de profondeur.");
    assert_eq!(category(&doc, &figures, "10 km"), Some("depth_km"));
}

#[test]
fn what_happened_to_people_is_read_before_what_they_are() {
    // An escape: those who fled, those caught again, those still out; whichever noun names them.
    let (doc, figures) = read(
        "Au moins 31 détenus se sont évadés mardi soir de la maison d'arrêt de Bouaké. \
         Neuf fugitifs ont été rattrapés mercredi. Les gardiens estiment que 22 évadés sont \
         toujours en cavale.",
    );
    assert_eq!(category(&doc, &figures, "Au moins 31"), Some("escaped"));
    assert_eq!(category(&doc, &figures, "Neuf"), Some("recaptured"));
    assert_eq!(category(&doc, &figures, "22"), Some("at_large"));

    // A kidnapping: the abducted, the freed among them, those still held.
    let (doc, figures) = read(
        "Des hommes armés ont enlevé 57 passagers d'un autocar. Samedi, 20 otages ont été \
         libérés contre rançon. Les 37 autres sont toujours aux mains de leurs ravisseurs.",
    );
    assert_eq!(category(&doc, &figures, "57"), Some("kidnapped"));
    assert_eq!(category(&doc, &figures, "20"), Some("released"));
    assert_eq!(category(&doc, &figures, "37"), Some("still_held"));

    // The dead among the abducted are still a toll.
    let (doc, figures) = read("Trois otages ont été tués lors de l'assaut de l'armée.");
    assert_eq!(category(&doc, &figures, "Trois"), Some("killed"));
}

#[test]
fn cases_of_an_epidemic_are_told_apart_by_what_was_confirmed() {
    let (doc, figures) = read(
        "Les autorités sanitaires ont recensé 412 cas suspects de choléra, dont 96 cas \
         confirmés. Le nombre de cas a atteint 450 vendredi. Douze décès confirmés ont été \
         enregistrés.",
    );
    assert_eq!(category(&doc, &figures, "412"), Some("cases_suspected"));
    assert_eq!(category(&doc, &figures, "96"), Some("cases_confirmed"));
    assert_eq!(category(&doc, &figures, "450"), Some("cases"));
    // "confirmés" refines a count of cases only: confirmed deaths are the toll.
    assert_eq!(category(&doc, &figures, "Douze"), Some("killed"));
}

#[test]
fn two_nouns_for_the_same_people_key_one_fact() {
    let (doc, a) = read("Le car transportait 64 voyageurs.");
    let a = category(&doc, &a, "64").map(str::to_string);
    let (doc, b) = read("Le car transportait 64 passagers.");
    assert_eq!(a.as_deref(), category(&doc, &b, "64"));
    assert_eq!(a.as_deref(), Some("unit:passager"));

    let (doc, c) = read("La prison comptait 900 prisonniers.");
    let (doc2, d) = read("La prison comptait 900 détenus.");
    assert_eq!(category(&doc, &c, "900"), category(&doc2, &d, "900"));
}

#[test]
fn people_saved_from_a_shipwreck_are_one_count_whether_saved_or_rescued() {
    let (doc, figures) = read(
        "Les garde-côtes ont secouru 33 migrants au large de Lampedusa. Une ONG dit avoir \
         sauvé 33 personnes.",
    );
    assert_eq!(category(&doc, &figures, "33 migrants"), Some("rescued"));
    assert_eq!(category(&doc, &figures, "33 personnes"), Some("rescued"));
}

#[test]
fn any_word_for_an_earlier_count_marks_it_superseded() {
    let (doc, figures) = read(
        "Un précédent décompte de la gendarmerie faisait mention de 14 interpellations. \
         Vendredi, 19 personnes ont été interpellées.",
    );
    assert!(figure(&doc, &figures, "14").earlier);
    assert!(!figure(&doc, &figures, "19").earlier);

    // A provisional toll is the current one until the article gives another.
    let (doc, figures) = read("Selon un bilan provisoire, l'accident a fait 7 morts.");
    assert!(!figure(&doc, &figures, "7").earlier);
    let (doc, figures) = read(
        "Selon un bilan provisoire, l'accident a fait 7 morts. Le ministère a ensuite \
         annoncé 11 morts.",
    );
    assert!(figure(&doc, &figures, "7").earlier);
    assert!(!figure(&doc, &figures, "11").earlier);
}

#[test]
fn the_drowned_the_charged_and_the_affected_are_counts_of_their_own() {
    let (doc, figures) = read(
        "Six enfants se sont noyés dans le fleuve. Quatre gendarmes ont été inculpés pour \
         négligence. Plus de 2 000 personnes sinistrées attendent une aide.",
    );
    assert_eq!(category(&doc, &figures, "Six"), Some("killed"));
    assert_eq!(category(&doc, &figures, "Quatre"), Some("charged"));
    assert_eq!(category(&doc, &figures, "Plus de 2 000"), Some("affected"));

    // A verb said only of people reads any noun of people, listed or not.
    let (doc, figures) = read("Douze pèlerins chrétiens ont été enlevés près de la frontière.");
    assert_eq!(category(&doc, &figures, "Douze"), Some("kidnapped"));
}

#[test]
fn a_toll_dated_years_before_the_article_is_of_an_earlier_event_in_any_tense() {
    let (doc, figures) = read(
        "Le lundi 5 octobre 2026, une attaque a fait 12 morts à Djibo. En mars 2024, une \
         attaque similaire a fait 30 morts dans la même province. L'attaque de lundi est la \
         plus meurtrière depuis mars 2021, avec 12 morts.",
    );
    assert_eq!(figure(&doc, &figures, "12").part, None);
    assert!(figure(&doc, &figures, "30")
        .part
        .as_deref()
        .is_some_and(|p| p.starts_with("past:2024")));
    let last = figures
        .iter()
        .rfind(|f| doc.slice(f.span).starts_with("12"))
        .expect("the second count of 12");
    assert_eq!(last.part, None, "a date after \"depuis\" dates no count");
}

#[test]
fn a_part_of_a_count_is_neither_the_count_nor_another_value_of_it() {
    // "Quatre des six morts": four of the dead are no rival toll of four.
    let (doc, figures) = read(
        "Le glissement de terrain a fait six morts. Quatre des six morts appartenaient à une \
         même famille, a indiqué le maire.",
    );
    assert_eq!(category(&doc, &figures, "six morts"), Some("killed"));
    assert_eq!(category(&doc, &figures, "Quatre"), Some("killed>part"));
    // The part's own clause says what it counts; the whole keeps its noun.
    let (doc, figures) =
        read("Deux des neuf blessés se trouvent dans un état grave, selon l'hôpital.");
    assert_eq!(category(&doc, &figures, "Deux"), Some("seriously_injured"));
    assert_eq!(category(&doc, &figures, "neuf blessés"), Some("injured"));
}

#[test]
fn the_few_of_a_crowd_are_not_its_size() {
    let (doc, figures) = read(
        "Environ 3 000 personnes ont défilé samedi. Une vingtaine de manifestants ont incendié \
         des poubelles et six manifestants seront jugés mardi.",
    );
    assert_eq!(
        category(&doc, &figures, "Environ 3 000"),
        Some("participants")
    );
    assert_eq!(category(&doc, &figures, "Une vingtaine"), Some("rioters"));
    assert_eq!(category(&doc, &figures, "six manifestants"), Some("tried"));
}

#[test]
fn a_distance_is_a_fact_of_the_place_it_is_measured_from() {
    let (doc, figures) = read(
        "Le séisme a frappé la région, à 80 km au nord de Meknès. L'épicentre se trouvait à \
         7 km de Azrou.",
    );
    let far = figure(&doc, &figures, "80 km");
    let near = figure(&doc, &figures, "7 km");
    assert_eq!(far.category.as_deref(), Some("distance_km"));
    assert_eq!(near.category.as_deref(), Some("distance_km"));
    assert!(
        far.part.is_some() && near.part.is_some(),
        "{far:?} {near:?}"
    );
    assert_ne!(far.part, near.part);
}
#[test]
fn a_sum_of_money_is_no_count_of_people() {
    let (doc, figures) =
        read("Le ministère a annoncé une aide de 200 000 dollars aux familles des victimes.");
    assert_eq!(
        category(&doc, &figures, "200 000 dollars"),
        Some("money:aid")
    );
}

#[test]
fn a_count_after_parmi_with_the_whole_s_own_verb_is_a_subset() {
    let (doc, figures) = read(
        "Les pluies ont fait au moins huit morts. La plupart des victimes vivaient au bord de \
         la rivière. Parmi elles, trois enfants d'une même famille sont morts dans \
         l'effondrement de leur maison.",
    );
    assert_eq!(
        category(&doc, &figures, "au moins huit morts"),
        Some("killed")
    );
    assert_eq!(
        category(&doc, &figures, "trois enfants"),
        Some("killed>enfant")
    );
}

#[test]
fn soldiers_among_the_dead_are_the_forces_part_of_the_toll() {
    let (doc, figures) = read(
        "L'explosion a fait neuf morts. Parmi les morts figurent trois soldats et six civils, \
         a précisé la police. Dans un autre quartier, deux militaires ont été tués.",
    );
    let soldiers = figure(&doc, &figures, "trois soldats");
    assert_eq!(soldiers.category.as_deref(), Some("killed"));
    assert_eq!(soldiers.part.as_deref(), Some("forces"));
    let others = figure(&doc, &figures, "deux militaires");
    assert_eq!(others.category.as_deref(), Some("killed"));
    assert_eq!(others.part.as_deref(), Some("forces"));
}

#[test]
fn the_missing_still_searched_for_are_missing_not_at_large() {
    let (doc, figures) = read("Le bilan passe à 13 morts et deux disparus toujours recherchés.");
    assert_eq!(category(&doc, &figures, "deux disparus"), Some("missing"));
}

#[test]
fn a_number_taken_from_a_group_is_a_part_of_it() {
    let (doc, figures) =
        read("Le naufrage a fait 31 rescapés. Deux des rescapés ont été hospitalisés à Dakar.");
    let part = figure(&doc, &figures, "Deux");
    assert!(
        part.category
            .as_deref()
            .is_some_and(|c| c.ends_with(">part")),
        "{part:?}"
    );
}

#[test]
fn overlapping_counts_do_not_break_the_reading_of_parts() {
    // A store may hold quantities that overlap (written by another tool, or two readings of
    // one number): reading parts must never slice between them backwards.
    let (mut doc, _) = read("Selon l'ONG, plus de 1 500 combattants seraient arrivés vendredi.");
    let first = doc.layers.quantities[0].clone();
    let mut inner = first.clone();
    inner.span = recoupe_model::Span::new(first.span.start + 8, first.span.end);
    inner.unit = None;
    let mut outer = first.clone();
    outer.unit = None;
    doc.layers.quantities = vec![outer, inner];
    let figures = figures_of(&doc);
    assert_eq!(figures.len(), 2);
}

#[test]
fn an_active_arrest_verb_before_the_count_says_what_it_counts() {
    // The verb comes before the people it acts on, as "a tué" does for a toll, so a count
    // whose own words ("personnes") say nothing is the number arrested.
    let (doc, figures) = read(
        "La gendarmerie a indiqué jeudi avoir arrêté 87 personnes dans la région de Tahoua. \
         Les policiers ont interpellé 14 hommes près du marché. \
         Le parquet a ordonné l'arrestation de 9 commerçants.",
    );
    for start in ["87", "14", "9"] {
        assert_eq!(category(&doc, &figures, start), Some("arrested"), "{start}");
    }
}

#[test]
fn a_number_set_against_a_toll_with_a_subset_is_a_rival_toll() {
    // The aside names a subset; the figure after "contre" answers the whole toll.
    let (doc, figures) = read(
        "Le maire parle de 31 morts, dont cinq femmes et trois enfants, contre douze selon la \
         police.",
    );
    assert_eq!(category(&doc, &figures, "31"), Some("killed"));
    assert_eq!(category(&doc, &figures, "douze"), Some("killed"));
}

#[test]
fn a_count_since_a_day_of_the_week_is_the_event_count_not_a_period() {
    // "depuis vendredi" spans the event's own days; "depuis janvier" spans many events.
    let (doc, figures) = read(
        "Au total, 58 personnes ont été interpellées depuis vendredi à Kisumu, a dit la police. \
         Au total, 900 personnes ont été interpellées depuis janvier dans le pays.",
    );
    assert_eq!(figure(&doc, &figures, "58").part, None);
    assert_eq!(
        figure(&doc, &figures, "900").part.as_deref(),
        Some("period")
    );
}

#[test]
fn a_figure_set_against_the_count_as_announced_before_is_the_earlier_count() {
    // "annoncées" is no noun of the number: it counts what the count before it counts, and
    // the article's current figure supersedes it.
    let (doc, figures) = read(
        "La gendarmerie fait désormais état de 64 interpellations, contre 41 annoncées samedi.",
    );
    let old = figure(&doc, &figures, "41");
    assert_eq!(old.category.as_deref(), Some("arrested"));
    assert!(old.earlier);
    assert!(!figure(&doc, &figures, "64").earlier);
}

#[test]
fn depuis_before_a_place_tells_where_from_not_since_when() {
    // A march counted from its starting point is the march's count, no count over a period.
    let (doc, figures) = read(
        "Selon les organisateurs, 3 000 personnes ont marché depuis la place de l'Indépendance \
         de Niamey jusqu'au siège du gouvernement.",
    );
    let march = figure(&doc, &figures, "3 000");
    assert_eq!(march.category.as_deref(), Some("participants"));
    assert_eq!(march.part, None);
}

#[test]
fn a_claimant_s_own_new_reading_does_not_supersede_another_claimant() {
    // "désormais" revises what the police said before, not the union's rival count; "un peu
    // plus tard" supersedes the figure given before it whoever gave it.
    let (doc, figures) = read(
        "Le Syndicat national des enseignants (SNE) affirme que 90 personnes ont été arrêtées. La \
         police nationale fait \
         désormais état de 61 interpellations, contre 40 annoncées lundi.",
    );
    assert!(!figure(&doc, &figures, "90").earlier);
    assert!(!figure(&doc, &figures, "61").earlier);
    assert!(figure(&doc, &figures, "40").earlier);
    let (doc, figures) = read(
        "Le maire de la ville a évoqué 12 morts. La protection civile a annoncé un peu plus tard \
         19 morts.",
    );
    assert!(figure(&doc, &figures, "12").earlier);
    assert!(!figure(&doc, &figures, "19").earlier);
}

#[test]
fn a_pluperfect_count_dated_after_its_verb_is_of_an_earlier_event() {
    let (doc, figures) = read(
        "Le mardi 4 novembre 2025, une crue a fait six morts à Ségou. Des inondations avaient \
         fait des dizaines de morts entre juin 2022 et août 2022 dans la même région. En 2023, \
         plus de 90 personnes avaient péri dans des crues semblables.",
    );
    assert_eq!(figure(&doc, &figures, "six").part, None);
    for start in ["des dizaines", "plus de 90"] {
        let part = figure(&doc, &figures, start)
            .part
            .clone()
            .unwrap_or_default();
        assert!(part.starts_with("past:"), "{start}: {part}");
    }
    // The auxiliary of another verb, far before the count, dates nothing after it.
    let (doc, figures) = read(
        "Le lundi 3 mars 2025, le tribunal a condamné l'ancien maire. Il était poursuivi pour \
         avoir détourné 400 millions de francs CFA entre 2019 et 2022.",
    );
    assert_eq!(figure(&doc, &figures, "400").part, None);
}

#[test]
fn the_attackers_dead_are_a_part_apart_from_the_soldiers() {
    let (doc, figures) = read(
        "Neuf soldats ont été tués dans l'attaque du camp. Une trentaine d'assaillants ont été \
         tués lors de la riposte, selon l'armée.",
    );
    let soldiers = figure(&doc, &figures, "Neuf");
    assert_eq!(soldiers.category.as_deref(), Some("killed"));
    assert_eq!(soldiers.part.as_deref(), Some("forces"));
    let attackers = figure(&doc, &figures, "Une trentaine");
    assert_eq!(attackers.category.as_deref(), Some("killed"));
    assert_eq!(attackers.part.as_deref(), Some("fighters"));
}

#[test]
fn bodies_named_with_the_people_they_were_count_those_people_s_dead() {
    let (doc, figures) = read(
        "Les secouristes ont retrouvé au moins 23 corps de gendarmes près du poste. Ils ont \
         aussi compté 40 corps sur la berge.",
    );
    let dead = figure(&doc, &figures, "au moins 23");
    assert_eq!(dead.category.as_deref(), Some("killed"));
    assert_eq!(dead.part.as_deref(), Some("forces"));
    assert_eq!(category(&doc, &figures, "40"), Some("bodies"));
}

#[test]
fn a_verb_before_a_conjunction_says_nothing_of_the_count_after_it() {
    let (doc, figures) = read(
        "Selon l'association, trois éleveurs ont été blessés et qu'une dizaine de chèvres ont \
         été abattues.",
    );
    assert_eq!(category(&doc, &figures, "trois"), Some("injured"));
    assert_ne!(category(&doc, &figures, "une dizaine"), Some("injured"));
}

#[test]
fn escapees_taken_back_are_the_recaptured() {
    let (doc, figures) = read(
        "Quinze évadés avaient été repris mercredi soir par la gendarmerie. Six fugitifs repris \
         jeudi ont été présentés au juge.",
    );
    assert_eq!(category(&doc, &figures, "Quinze"), Some("recaptured"));
    assert_eq!(category(&doc, &figures, "Six"), Some("recaptured"));
}

#[test]
fn an_outlet_that_only_relays_is_no_claimant() {
    // The agency signs the dispatch and is told the toll; the document it consulted is no
    // named claimant either.
    let (doc, figures) = read(
        "GAO, 3 mars (ASI) - Au moins 14 civils ont été tués samedi dans l'attaque d'un \
         marché, a indiqué à l'ASI un infirmier de l'hôpital. Le groupe armé doit libérer les \
         9 otages qu'il détient encore, selon le texte de l'accord consulté par l'ASI.",
    );
    assert_eq!(source_key(&doc, &figures, "Au moins 14"), None);
    assert_eq!(source_key(&doc, &figures, "9"), None);
}

#[test]
fn a_count_of_anyone_keeps_its_noun_when_its_clause_says_nothing_else() {
    // No verb the rules read: "personnes" keys the count, "hommes" (armed men as often as
    // their victims) does not.
    let (doc, figures) = read(
        "Un premier car emmenait 240 personnes vers le stade. Un second groupe de 35 hommes \
         suivait à pied.",
    );
    assert_eq!(category(&doc, &figures, "240"), Some("unit:personne"));
    assert_eq!(category(&doc, &figures, "35"), None);
}

#[test]
fn the_size_of_a_procession_counts_its_marchers() {
    let (doc, figures) = read(
        "Dans l'après-midi, le cortège comptait environ 6 500 personnes entre la gare et la \
         préfecture.",
    );
    assert_eq!(
        category(&doc, &figures, "environ 6 500"),
        Some("participants")
    );
}

#[test]
fn a_toll_counted_from_a_given_day_is_the_running_toll_not_a_span_apart() {
    let (doc, figures) = read(
        "Les affrontements à la frontière ont fait au moins 41 morts depuis le 3 mars, selon \
         un décompte officiel. Plus de 2 000 personnes ont été déplacées depuis janvier.",
    );
    assert_eq!(category(&doc, &figures, "au moins 41"), Some("killed"));
    assert_eq!(part(&doc, &figures, "au moins 41"), None);
    assert_eq!(part(&doc, &figures, "Plus de 2 000"), Some("period"));
}
