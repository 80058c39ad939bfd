//! Trains the French UPOS tagger from the UD treebanks and writes the committed model.
//!
//! Usage: cargo run --release -p recoupe-tagger --bin recoupe-train-tagger [UD_DIR] [OUT_DIR]
//! (defaults: ../shared/ud and resources/models). Training: Sequoia train+dev and GSD dev;
//! held-out evaluation: Sequoia test and GSD test. Deterministic.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use recoupe_tagger::conllu::{parse, TaggedSentence};
use recoupe_tagger::train::{evaluate, train, TrainConfig};

fn read(dir: &Path, rel: &str) -> Result<Vec<TaggedSentence>, String> {
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read {}: {e} (is ../shared/ud present?)",
            path.display()
        )
    })?;
    parse(&text, &path.display().to_string()).map_err(|e| e.to_string())
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let ud = PathBuf::from(args.next().unwrap_or_else(|| "../shared/ud".into()));
    let out = PathBuf::from(args.next().unwrap_or_else(|| "resources/models".into()));
    let mut training = Vec::new();
    for rel in [
        "fr_sequoia/fr_sequoia-ud-train.conllu",
        "fr_sequoia/fr_sequoia-ud-dev.conllu",
        "fr_gsd/fr_gsd-ud-dev.conllu",
    ] {
        training.extend(read(&ud, rel)?);
    }
    let mut heldout = Vec::new();
    for rel in [
        "fr_sequoia/fr_sequoia-ud-test.conllu",
        "fr_gsd/fr_gsd-ud-test.conllu",
    ] {
        heldout.extend(read(&ud, rel)?);
    }
    let config = TrainConfig::default();
    eprintln!(
        "training on {} sentences ({} tokens), {} epochs",
        training.len(),
        training.iter().map(|s| s.words.len()).sum::<usize>(),
        config.epochs
    );
    let tagger = train(&training, &config);
    let bytes = tagger.to_bytes().map_err(|e| e.to_string())?;
    // Evaluate the model as it will be loaded (quantised), not the in-memory floats.
    let loaded = recoupe_tagger::Tagger::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let e = evaluate(&loaded, &heldout);
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let model_path = out.join("fr-upos.bin");
    std::fs::write(&model_path, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", model_path.display()))?;
    let report = format!(
        "# French UPOS tagger (averaged perceptron), built by recoupe-train-tagger\n\
         # training: UD_French-Sequoia train+dev (LGPL-LR), UD_French-GSD dev (CC BY-SA 4.0)\n\
         # held-out: UD_French-Sequoia test + UD_French-GSD test\n\
         features\t{}\nmodel_bytes\t{}\nheldout_tokens\t{}\nheldout_accuracy\t{:.4}\nheldout_propn_f1\t{:.4}\n",
        loaded.feature_count(),
        bytes.len(),
        e.tokens,
        e.accuracy(),
        e.propn_f1()
    );
    std::fs::write(out.join("fr-upos.txt"), &report).map_err(|e| e.to_string())?;
    print!("{report}");
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
