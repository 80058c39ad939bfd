//! Build-time preparation of the embedded data:
//!
//! * embeds every `resources/kb/actors/*.tsv` file — the actor KB is split into files by
//!   topic and grows independently of this crate, so the list is discovered here;
//! * precomputes the name index of the GeoNames places (`key(name) → place rows`, sorted by
//!   key), so that loading the reference data does not hash ~300,000 names at every start.
//!   The key function is the crate's own `src/key.rs`, so build-time and run-time keys
//!   cannot drift apart.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/key.rs"]
mod key;

#[allow(dead_code)]
#[path = "src/loose_key.rs"]
mod loose_key;

/// Writes `$OUT_DIR/place_index.txt`: one line per key, `key TAB row,row,...`, keys in byte
/// order, rows (0-based data rows of places.tsv) by decreasing population; and returns the
/// largest token bound (`key::token_bound`) of a place name.
fn build_place_index(places: &Path, out_dir: &Path) -> (usize, Vec<(String, usize, usize)>) {
    println!("cargo:rerun-if-changed={}", places.display());
    let compressed =
        std::fs::read(places).unwrap_or_else(|e| panic!("cannot read {}: {e}", places.display()));
    let raw = zstd::decode_all(compressed.as_slice())
        .unwrap_or_else(|e| panic!("cannot decompress {}: {e}", places.display()));
    let text =
        String::from_utf8(raw).unwrap_or_else(|e| panic!("{} is not UTF-8: {e}", places.display()));
    assert!(
        !text.contains('\r'),
        "{}: carriage returns would break the row offsets",
        places.display()
    );
    let mut pairs: Vec<(String, u64, u32)> = Vec::new();
    let mut own: Vec<String> = Vec::new();
    let mut longest = 1;
    // `place_rows.bin`: for each data row, the byte offset of its line in the text and its
    // geonameid (little-endian u32s), so the loader finds a row without scanning the text.
    let mut row_table: Vec<u8> = Vec::new();
    let mut previous_id: Option<u32> = None;
    // The loose-key entries of every row (country, hash of the key, row): a country's
    // transliteration-tolerant index is otherwise built at run time from every name of its
    // places, which cost more than anything else the places stage does.
    let mut loose: Vec<(&str, u64, u32)> = Vec::new();
    let mut buffers = loose_key::KeyBuffers::default();
    let mut offset = 0usize;
    let rows = text.split_inclusive('\n').filter_map(|l| {
        let at = offset;
        offset += l.len();
        let l = l.strip_suffix('\n').unwrap_or(l);
        (!l.is_empty() && !l.starts_with('#')).then_some((at, l))
    });
    for (row, (at, line)) in (0u32..).zip(rows) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            10,
            "{}: malformed row {line:?}",
            places.display()
        );
        // The loader parses a row only when it is first asked for: every check it would
        // make is made here, so a malformed row fails the build, not a lookup.
        let geonameid: u32 = cols[0]
            .parse()
            .unwrap_or_else(|_| panic!("bad geonameid in {line:?}"));
        assert!(
            previous_id.is_none_or(|p| p < geonameid),
            "geonameids not increasing at {line:?}"
        );
        previous_id = Some(geonameid);
        for code in [cols[4], cols[5]] {
            assert!(
                FEATURE_CODES.contains(&code),
                "unknown feature code in {line:?}"
            );
        }
        for coordinate in [cols[6], cols[7]] {
            assert!(
                coordinate.is_empty() || coordinate.parse::<f64>().is_ok(),
                "bad coordinate in {line:?}"
            );
        }
        let population: u64 = cols[8]
            .parse()
            .unwrap_or_else(|_| panic!("bad population in {line:?}"));
        row_table.extend_from_slice(
            &u32::try_from(at)
                .expect("places.tsv under 4 GB")
                .to_le_bytes(),
        );
        row_table.extend_from_slice(&geonameid.to_le_bytes());
        for name in std::iter::once(cols[1]).chain(cols[9].split('|').filter(|a| !a.is_empty())) {
            buffers.keys_of(name, |k| loose.push((cols[2], loose_key::hash_of(k), row)));
        }
        own.clear();
        for name in std::iter::once(cols[1]).chain(cols[9].split('|')) {
            longest = longest.max(key::token_bound(name));
            let k = key::key(name);
            if !k.is_empty() && !own.contains(&k) {
                own.push(k);
            }
        }
        pairs.extend(own.drain(..).map(|k| (k, population, row)));
    }
    pairs.sort_by(|a, b| {
        a.0.as_bytes()
            .cmp(b.0.as_bytes())
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
    });
    let mut out = String::with_capacity(pairs.len() * 24);
    let mut previous: Option<&str> = None;
    for (k, _, row) in &pairs {
        if previous == Some(k.as_str()) {
            write!(out, ",{row}").expect("writing to a String cannot fail");
        } else {
            if previous.is_some() {
                out.push('\n');
            }
            write!(out, "{k}\t{row}").expect("writing to a String cannot fail");
            previous = Some(k);
        }
    }
    out.push('\n');
    // `place_index_lines.bin`: the byte offset of each line of the index (little-endian
    // u32s), which the loader would otherwise find by scanning the whole index at start-up.
    let mut line_table: Vec<u8> = Vec::with_capacity(out.len() / 5);
    let mut start = 0usize;
    for (i, b) in out.bytes().enumerate() {
        if b == b'\n' {
            line_table.extend_from_slice(
                &u32::try_from(start)
                    .expect("index under 4 GB")
                    .to_le_bytes(),
            );
            start = i + 1;
        }
    }
    loose.sort_unstable();
    loose.dedup();
    let mut loose_table: Vec<u8> = Vec::with_capacity(loose.len() * 12);
    let mut loose_countries: Vec<(String, usize, usize)> = Vec::new();
    for (country, hash, row) in &loose {
        let at = loose_table.len();
        match loose_countries.last_mut() {
            Some((last, _, end)) if last.as_str() == *country => *end = at + 12,
            _ => loose_countries.push((country.to_string(), at, at + 12)),
        }
        loose_table.extend_from_slice(&hash.to_le_bytes());
        loose_table.extend_from_slice(&row.to_le_bytes());
    }
    for (name, bytes) in [
        ("loose_index.bin", loose_table.as_slice()),
        ("place_index.txt", out.as_bytes()),
        ("place_index_lines.bin", &line_table),
        // the places themselves uncompressed: read in place, row by row, when asked for
        ("places.tsv", text.as_bytes()),
        ("place_rows.bin", &row_table),
    ] {
        let path = out_dir.join(name);
        std::fs::write(&path, bytes)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
    (longest, loose_countries)
}

/// GeoNames feature classes and codes the data may use (`load.rs` maps them to static
/// strings).
const FEATURE_CODES: &[&str] = &[
    "P", "PPL", "PPLC", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLX", "A", "ADM",
];

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let actors_dir = manifest.join("../../resources/kb/actors");
    println!("cargo:rerun-if-changed={}", actors_dir.display());

    let mut files: Vec<PathBuf> = match std::fs::read_dir(&actors_dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect(),
        // No actor KB yet: the reference data simply has no actors.
        Err(_) => Vec::new(),
    };
    files.sort();

    let mut code = String::from("/// `(file name, contents)` of every actor KB file, sorted by name.\npub static ACTOR_FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let absolute = path.canonicalize().unwrap_or_else(|_| path.clone());
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            absolute.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");

    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let (longest, loose_countries) = build_place_index(
        &manifest.join("../../resources/geo/places.tsv.zst"),
        &out_dir,
    );
    writeln!(code, "/// Largest token bound of a place name (see key::token_bound).\npub const PLACE_INDEX_LONGEST: usize = {longest};")
        .expect("writing to a String cannot fail");
    code.push_str("/// Precomputed place name index (see build.rs).\npub static PLACE_INDEX: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/place_index.txt\"));\n");
    code.push_str("/// Byte offset of each line of `PLACE_INDEX` (little-endian u32s).\npub static PLACE_INDEX_LINES: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/place_index_lines.bin\"));\n");
    code.push_str("/// Loose-key entries of the GeoNames places (see loose.rs `CountryIndex::geo`), by country.\npub static LOOSE_INDEX: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/loose_index.bin\"));\n");
    code.push_str("/// (country, start, end): the byte range of `LOOSE_INDEX` of each country, sorted.\npub static LOOSE_COUNTRIES: &[(&str, u32, u32)] = &[\n");
    for (country, start, end) in &loose_countries {
        writeln!(code, "    ({country:?}, {start}, {end}),")
            .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    code.push_str("/// places.tsv uncompressed.\npub static PLACES_TEXT: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/places.tsv\"));\n");
    code.push_str("/// For each data row of `PLACES_TEXT`: byte offset of its line, geonameid (little-endian u32s).\npub static PLACE_ROWS: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/place_rows.bin\"));\n");
    println!("cargo:rerun-if-changed=src/key.rs");
    let out = out_dir.join("actor_files.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
