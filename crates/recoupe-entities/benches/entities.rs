//! Throughput of TextStage + EntityStage + PlaceStage over a fixed French report.
//! `cargo bench -p recoupe-entities --bench entities`
//! The report (written for this bench) is repeated to reach a realistic article size; the
//! mention counts are asserted once before timing so a broken recogniser cannot look fast.

use std::sync::{Arc, OnceLock};

use recoupe_entities::{EntityStage, PlaceStage, ReferenceKnowledge};
use recoupe_model::{Document, Metadata, Origin, OriginKind, Stage};

const REPORT: &str = "Le commandant Karim Haddad, un responsable des Hachd al-Chaabi, a été tué jeudi \
dans la province d'al-Anbar, a annoncé l'armée irakienne. Selon le ministère irakien de la Défense, \
la frappe visait un convoi qui venait de Syrie. Haddad dirigeait depuis 2017 une unité déployée le \
long de l'Euphrate. Les forces de sécurité irakiennes ont bouclé le secteur, tandis que les Forces \
démocratiques syriennes (FDS) affirment ne pas être impliquées. Les FDS, soutenues par les \
Etats-Unis, combattent Daech dans la région de Deir ez-Zor. Le président Emmanuel Macron a reçu \
mardi à Marseille le chancelier allemand Olaf Scholz. M. Scholz a ensuite rencontré à Paris des \
représentants du Parti socialiste, avant un entretien téléphonique avec les autorités de Bagdad.\n";

const REPEATS: usize = 20;

struct Setup {
    text_stage: recoupe_text::TextStage,
    entity_stage: EntityStage,
    place_stage: PlaceStage,
    text: String,
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let kb = Arc::new(ReferenceKnowledge::embedded());
        Setup {
            text_stage: recoupe_text::TextStage,
            entity_stage: EntityStage::new(kb.clone()),
            place_stage: PlaceStage::new(kb),
            text: REPORT.repeat(REPEATS),
        }
    })
}

fn analyse(s: &Setup) -> Document {
    let mut doc = Document::new(
        s.text.clone(),
        Metadata::new(Origin {
            kind: OriginKind::Demo,
            path: "bench".to_string(),
            record: None,
        }),
    );
    s.text_stage.run(&mut doc).expect("text stage");
    s.entity_stage.run(&mut doc).expect("entity stage");
    s.place_stage.run(&mut doc).expect("place stage");
    doc
}

#[divan::bench]
fn pipeline(bencher: divan::Bencher) {
    let s = setup();
    let doc = analyse(s);
    // 22 mentions and 5 nationalities per copy of the report
    assert_eq!(
        doc.layers.entities.len(),
        22 * REPEATS,
        "entity count changed"
    );
    assert_eq!(
        doc.layers.nationalities.len(),
        5 * REPEATS,
        "nationality count changed"
    );
    let words = doc.layers.tokens.len();
    bencher
        .counter(divan::counter::ItemsCount::new(words))
        .bench(|| analyse(divan::black_box(s)));
}

fn main() {
    divan::main();
}
