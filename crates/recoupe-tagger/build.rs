//! Inflates the committed model (`resources/models/fr-upos.bin`, deflate-compressed) into
//! `$OUT_DIR/fr-upos.raw`, which the crate embeds: a process that tags then reads the
//! weights without inflating them first.

use std::io::Read as _;
use std::path::PathBuf;

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let model = manifest.join("../../resources/models/fr-upos.bin");
    println!("cargo:rerun-if-changed={}", model.display());
    let bytes =
        std::fs::read(&model).unwrap_or_else(|e| panic!("cannot read {}: {e}", model.display()));
    let mut raw = Vec::new();
    flate2::read::DeflateDecoder::new(bytes.as_slice())
        .read_to_end(&mut raw)
        .unwrap_or_else(|e| panic!("cannot inflate {}: {e}", model.display()));
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("fr-upos.raw");
    std::fs::write(&out, raw).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
