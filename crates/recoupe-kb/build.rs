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

/// Writes `$OUT_DIR/place_index.txt`: one line per key, `key TAB row,row,...`, keys in byte
/// order, rows (0-based data rows of places.tsv) by decreasing population; and returns the
/// largest token bound (`key::token_bound`) of a place name.
fn build_place_index(places: &Path, out_dir: &Path) -> usize {
    println!("cargo:rerun-if-changed={}", places.display());
    let compressed =
        std::fs::read(places).unwrap_or_else(|e| panic!("cannot read {}: {e}", places.display()));
    let raw = zstd::decode_all(compressed.as_slice())
        .unwrap_or_else(|e| panic!("cannot decompress {}: {e}", places.display()));
    let text =
        String::from_utf8(raw).unwrap_or_else(|e| panic!("{} is not UTF-8: {e}", places.display()));
    let mut pairs: Vec<(String, u64, u32)> = Vec::new();
    let mut own: Vec<String> = Vec::new();
    let mut longest = 1;
    let rows = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    for (row, line) in (0u32..).zip(rows) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            10,
            "{}: malformed row {line:?}",
            places.display()
        );
        let population: u64 = cols[8]
            .parse()
            .unwrap_or_else(|_| panic!("bad population in {line:?}"));
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
    let path = out_dir.join("place_index.txt");
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    longest
}

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
    let longest = build_place_index(
        &manifest.join("../../resources/geo/places.tsv.zst"),
        &out_dir,
    );
    writeln!(code, "/// Largest token bound of a place name (see key::token_bound).\npub const PLACE_INDEX_LONGEST: usize = {longest};")
        .expect("writing to a String cannot fail");
    code.push_str("/// Precomputed place name index (see build.rs).\npub static PLACE_INDEX: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/place_index.txt\"));\n");
    println!("cargo:rerun-if-changed=src/key.rs");
    let out = out_dir.join("actor_files.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
