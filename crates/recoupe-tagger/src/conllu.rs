//! Minimal CoNLL-U reader for training: surface tokens with their UPOS.
//!
//! Multiword tokens ("du" = "de le", "au" = "à le") are kept as the surface form the
//! tokeniser sees, tagged with the tag of their first part (ADP).

use crate::Upos;

#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    #[error("{path}:{line}: {reason}")]
    Malformed {
        path: String,
        line: usize,
        reason: String,
    },
}

/// One tagged sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedSentence {
    pub words: Vec<String>,
    pub tags: Vec<Upos>,
}

/// Parses CoNLL-U text; `path` is only used in error messages.
pub fn parse(text: &str, path: &str) -> Result<Vec<TaggedSentence>, ConlluError> {
    let mut sentences = Vec::new();
    let mut current = TaggedSentence {
        words: Vec::new(),
        tags: Vec::new(),
    };
    // End (inclusive) of the multiword token being read, whose parts are skipped.
    let mut skip_until: usize = 0;
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if line.is_empty() {
            if !current.words.is_empty() {
                sentences.push(std::mem::replace(
                    &mut current,
                    TaggedSentence {
                        words: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            skip_until = 0;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError::Malformed {
                path: path.into(),
                line: line_no,
                reason: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty nodes of enhanced dependencies
        }
        if let Some((a, b)) = id.split_once('-') {
            let (Ok(_), Ok(end)) = (a.parse::<usize>(), b.parse::<usize>()) else {
                return Err(ConlluError::Malformed {
                    path: path.into(),
                    line: line_no,
                    reason: format!("bad multiword token range `{id}`"),
                });
            };
            current.words.push(cols[1].to_string());
            current.tags.push(Upos::X); // replaced by the first part's tag below
            skip_until = end;
            continue;
        }
        let index: usize = id.parse().map_err(|_| ConlluError::Malformed {
            path: path.into(),
            line: line_no,
            reason: format!("bad token id `{id}`"),
        })?;
        let tag = Upos::parse(cols[3]).ok_or_else(|| ConlluError::Malformed {
            path: path.into(),
            line: line_no,
            reason: format!("unknown UPOS `{}`", cols[3]),
        })?;
        if index <= skip_until {
            // First part of a multiword token gives the surface token its tag.
            if let Some(last) = current.tags.last_mut() {
                if *last == Upos::X {
                    *last = tag;
                }
            }
            continue;
        }
        current.words.push(cols[1].to_string());
        current.tags.push(tag);
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiword_tokens_keep_their_surface_form() {
        let text = "# text = Il va au marché.\n1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_\n2\tva\taller\tVERB\t_\t_\t0\troot\t_\t_\n3-4\tau\t_\t_\t_\t_\t_\t_\t_\t_\n3\tà\tà\tADP\t_\t_\t5\tcase\t_\t_\n4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_\n5\tmarché\tmarché\tNOUN\t_\t_\t2\tobl\t_\t_\n6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n";
        let s = parse(text, "t.conllu").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words, vec!["Il", "va", "au", "marché", "."]);
        assert_eq!(
            s[0].tags,
            vec![Upos::Pron, Upos::Verb, Upos::Adp, Upos::Noun, Upos::Punct]
        );
    }

    #[test]
    fn malformed_lines_name_the_file_and_line() {
        let err = parse("1\tIl\n", "bad.conllu").unwrap_err();
        assert!(err.to_string().starts_with("bad.conllu:1:"), "{err}");
    }
}
