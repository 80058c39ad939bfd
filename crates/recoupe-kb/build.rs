//! Embeds every `resources/kb/actors/*.tsv` file. The actor KB is split into files by topic
//! and grows independently of this crate, so the file list is discovered at build time
//! rather than written by hand.

use std::fmt::Write as _;
use std::path::PathBuf;

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

    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("actor_files.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
