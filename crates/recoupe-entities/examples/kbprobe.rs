//! Shows what the entity stage sees in the reference data for some surface forms:
//! `cargo run -p recoupe-entities --example kbprobe -- "Deir ez-Zor" Qassem irakiennes`
//! prints the candidates (kb:id, name, kind, country, population), whether the word is a
//! known first name or surname, and its nationality country.

use recoupe_entities::{Knowledge, ReferenceKnowledge};

fn main() {
    let kb = ReferenceKnowledge::embedded();
    for surface in std::env::args().skip(1) {
        let candidates: Vec<String> = kb
            .candidates(&surface)
            .iter()
            .map(|c| {
                format!(
                    "{}:{} {:?} {:?} {:?} pop={}",
                    c.link.kb, c.link.id, c.link.name, c.kind, c.country, c.population
                )
            })
            .collect();
        println!(
            "{surface}: {candidates:?} first_name={} surname={} demonym={:?}",
            kb.is_first_name(&surface),
            kb.is_surname(&surface),
            kb.demonym(&surface)
        );
    }
    println!("longest entry: {} tokens", kb.longest_entry_tokens());
}
