//! Turning the paths given on a command line into a sorted list of files.

use std::path::{Path, PathBuf};

use crate::error::{ErrorReason, IngestError, Note};
use crate::format::InputFormat;

/// One input after resolution.
#[derive(Debug)]
pub enum ResolvedInput {
    /// A file; `display` is the path as given or as found while walking.
    File {
        path: PathBuf,
        display: String,
    },
    Stdin,
    /// A path that does not exist, a glob matching nothing, an unreadable directory.
    Error(IngestError),
}

/// Expands paths: `-` is standard input; an existing file is read whatever its extension
/// (format sniffed when unknown); a directory is walked recursively in sorted order, skipping
/// hidden entries, sidecar `.json` files next to a `.txt`, and files of unknown extension
/// (each with a note); anything else containing `*`, `?` or `[` is a glob pattern whose
/// matches are treated like the contents of a directory.
pub fn resolve_inputs(paths: &[String]) -> (Vec<ResolvedInput>, Vec<Note>) {
    let mut inputs = Vec::new();
    let mut notes = Vec::new();
    for given in paths {
        if given == "-" {
            inputs.push(ResolvedInput::Stdin);
            continue;
        }
        let path = Path::new(given);
        if path.is_dir() {
            walk(path, &mut inputs, &mut notes);
        } else if path.exists() {
            inputs.push(ResolvedInput::File {
                path: path.to_owned(),
                display: given.clone(),
            });
        } else if given.contains(['*', '?', '[']) {
            expand_glob(given, &mut inputs, &mut notes);
        } else {
            inputs.push(ResolvedInput::Error(IngestError::new(
                given.clone(),
                None,
                ErrorReason::NotFound,
            )));
        }
    }
    (inputs, notes)
}

/// Total size in bytes of the files the paths resolve to (stdin counts as 0), for a
/// progress bar against `Documents::bytes_read`.
pub fn input_size(paths: &[String]) -> u64 {
    resolve_inputs(paths)
        .0
        .iter()
        .filter_map(|input| match input {
            ResolvedInput::File { path, .. } => std::fs::metadata(path).ok().map(|m| m.len()),
            _ => None,
        })
        .sum()
}

fn expand_glob(pattern: &str, inputs: &mut Vec<ResolvedInput>, notes: &mut Vec<Note>) {
    let matches = match glob::glob(pattern) {
        Ok(matches) => matches,
        Err(error) => {
            inputs.push(ResolvedInput::Error(IngestError::new(
                pattern,
                None,
                ErrorReason::Glob(error.to_string()),
            )));
            return;
        }
    };
    let mut found = false;
    for entry in matches {
        match entry {
            Ok(path) if path.is_dir() => {
                found = true;
                walk(&path, inputs, notes);
            }
            Ok(path) => {
                found = true;
                add_walked_file(path, inputs, notes);
            }
            Err(error) => {
                let path = error.path().display().to_string();
                inputs.push(ResolvedInput::Error(IngestError::new(
                    path,
                    None,
                    ErrorReason::Io(error.into()),
                )));
            }
        }
    }
    if !found {
        inputs.push(ResolvedInput::Error(IngestError::new(
            pattern,
            None,
            ErrorReason::GlobNoMatch,
        )));
    }
}

/// Directories are walked with an explicit stack; symbolic links to directories are not
/// followed, which rules out cycles.
fn walk(root: &Path, inputs: &mut Vec<ResolvedInput>, notes: &mut Vec<Note>) {
    let found_before = inputs.len();
    let mut stack = vec![root.to_owned()];
    while let Some(directory) = stack.pop() {
        let entries = match std::fs::read_dir(&directory) {
            Ok(entries) => entries,
            Err(error) => {
                inputs.push(ResolvedInput::Error(IngestError::new(
                    directory.display().to_string(),
                    None,
                    ErrorReason::Io(error),
                )));
                continue;
            }
        };
        let mut children: Vec<(PathBuf, bool)> = Vec::new();
        for entry in entries {
            let Ok(entry) = entry else { continue };
            if entry.file_name().to_string_lossy().starts_with('.') {
                let what = match entry.file_type() {
                    Ok(kind) if kind.is_dir() => "skipped: hidden directory (not walked)",
                    _ => "skipped: hidden file",
                };
                notes.push(Note::new(entry.path().display().to_string(), None, what));
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() {
                children.push((path, true));
            } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
                children.push((path, false));
            }
        }
        children.sort();
        // Files of this directory first (sorted), then its subdirectories in sorted order.
        for (path, _) in children.iter().filter(|(_, is_dir)| !is_dir) {
            add_walked_file(path.clone(), inputs, notes);
        }
        for (path, _) in children.iter().rev().filter(|(_, is_dir)| *is_dir) {
            stack.push(path.clone());
        }
    }
    if inputs.len() == found_before {
        notes.push(Note::new(
            root.display().to_string(),
            None,
            "no file to read in this directory (formats: .txt, .html, .xml/.rss/.atom, \
             .warc[.gz], .jsonl)",
        ));
    }
}

fn add_walked_file(path: PathBuf, inputs: &mut Vec<ResolvedInput>, notes: &mut Vec<Note>) {
    let display = path.display().to_string();
    if InputFormat::from_path(&path).is_some() {
        inputs.push(ResolvedInput::File { path, display });
        return;
    }
    let is_sidecar = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
        && path.with_extension("txt").is_file();
    if !is_sidecar {
        notes.push(Note::new(display, None, "skipped: unknown extension"));
    }
}
