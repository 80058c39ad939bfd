//! Prints what the reference data returns for each argument (debugging aid).
//!
//! `cargo run -p recoupe-kb --example probe -- Bagdad Mossoul irakiennes`

use recoupe_kb::{Hit, Reference};

fn main() {
    let reference = Reference::embedded();
    for surface in std::env::args().skip(1) {
        let hits = reference.lookup(&surface);
        let shown: Vec<String> = hits
            .iter()
            .take(8)
            .map(|h| match h {
                Hit::Actor(a) => format!("actor:{} {:?}", a.id, a.etype),
                Hit::Country(c) => format!("country:{}", c.iso2),
                Hit::Place(p) => format!(
                    "place:{}({},{},{},{:?},{:?})",
                    p.name, p.country, p.feature_code, p.population, p.lat, p.lon
                ),
            })
            .collect();
        println!(
            "{surface}\t{} hits\t{}\tdemonym={:?}\tfirst={}\tsurname={}\tvariants={:?}",
            hits.len(),
            shown.join("; "),
            reference.demonym(&surface),
            reference.is_first_name(&surface),
            reference.is_surname(&surface),
            reference.name_variants(&surface).map(|g| reference
                .variant_group(g)
                .iter()
                .take(4)
                .cloned()
                .collect::<Vec<_>>())
        );
    }
}
