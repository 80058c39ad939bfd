//! Parser of the curated actor KB (`resources/kb/actors/*.tsv`).
//!
//! Format: `#` lines are comments (the header names source and licence); other non-blank
//! lines have TAB-separated columns `id type kind country wikidata name aliases`, aliases
//! `|`-separated. Malformed lines are reported with file and line and skipped, so one bad
//! line cannot take the whole reference data down; the `actors_kb_is_valid` test fails on them.

use std::fmt;

use recoupe_model::EntityType;

use crate::Actor;

/// What is wrong with an actor KB line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActorIssueKind {
    /// The line cannot be used and was skipped.
    Malformed,
    /// The id was already used by an earlier line; the later line was skipped.
    DuplicateId,
    /// Two entries share a name/alias key. Legitimate for ambiguous acronyms, so a warning.
    SharedAlias,
}

/// One problem found in an actor KB file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorIssue {
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    pub kind: ActorIssueKind,
    pub message: String,
}

impl ActorIssue {
    /// Whether the issue makes the KB invalid (anything but a shared alias).
    pub fn is_error(&self) -> bool {
        self.kind != ActorIssueKind::SharedAlias
    }
}

impl fmt::Display for ActorIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {:?}: {}",
            self.file, self.line, self.kind, self.message
        )
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_' || b == b'.'
        })
}

fn is_kind(kind: &str) -> bool {
    !kind.is_empty()
        && kind
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn is_qid(q: &str) -> bool {
    q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit())
}

fn is_iso2(c: &str) -> bool {
    c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// Parses one actor KB file. Returns the well-formed entries and the problems of the others
/// (duplicate ids and shared aliases across files are checked by the loader).
pub fn parse_actor_file(file: &str, text: &str) -> (Vec<Actor>, Vec<ActorIssue>) {
    let mut actors = Vec::new();
    let mut issues = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut bad = |message: String| {
            issues.push(ActorIssue {
                file: file.to_string(),
                line: index + 1,
                kind: ActorIssueKind::Malformed,
                message,
            })
        };
        let cols: Vec<&str> = line.split('\t').collect();
        // The alias column may be absent when an entry has no alias.
        if cols.len() != 7 && cols.len() != 6 {
            bad(format!("expected 7 TAB-separated columns (id type kind country wikidata name aliases), found {}: {line:?}", cols.len()));
            continue;
        }
        let (id, etype, kind, country, wikidata, name) = (
            cols[0].trim(),
            cols[1].trim(),
            cols[2].trim(),
            cols[3].trim(),
            cols[4].trim(),
            cols[5].trim(),
        );
        if !is_slug(id) {
            bad(format!("id {id:?} is not a lower-case slug"));
            continue;
        }
        let Some(etype) = EntityType::parse(etype) else {
            bad(format!(
                "type {etype:?} of {id:?} is not one of ORG, PER, MISC, LOC"
            ));
            continue;
        };
        if !is_kind(kind) {
            bad(format!(
                "kind {kind:?} of {id:?} is not a short lower-case word"
            ));
            continue;
        }
        if !country.is_empty() && !is_iso2(country) {
            bad(format!(
                "country {country:?} of {id:?} is not an ISO 3166-1 alpha-2 code"
            ));
            continue;
        }
        if !wikidata.is_empty() && !is_qid(wikidata) {
            bad(format!("wikidata {wikidata:?} of {id:?} is not a QID"));
            continue;
        }
        if name.is_empty() {
            bad(format!("entry {id:?} has an empty name"));
            continue;
        }
        let aliases: Vec<String> = cols
            .get(6)
            .map(|a| {
                a.split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        actors.push(Actor {
            id: id.to_string(),
            etype,
            kind: kind.to_string(),
            country: (!country.is_empty()).then(|| country.to_string()),
            wikidata: (!wikidata.is_empty()).then(|| wikidata.to_string()),
            name: name.to_string(),
            aliases,
            source_file: format!("{file}:{}", index + 1),
        });
    }
    (actors, issues)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_and_reports_malformed_lines_with_their_line() {
        let text = "# source: test\n\
                    iraqi-army\tORG\tarmy\tIQ\tQ1\tArmée irakienne\tarmée irakienne|Iraqi Army\n\
                    \n\
                    bad\tXYZ\tarmy\tIQ\t\tBad\t\n\
                    short\tORG\n\
                    un\tORG\tintl_org\t\t\tONU\n";
        let (actors, issues) = parse_actor_file("t.tsv", text);
        assert_eq!(actors.len(), 2);
        assert_eq!(actors[0].aliases, vec!["armée irakienne", "Iraqi Army"]);
        assert_eq!(actors[0].country.as_deref(), Some("IQ"));
        assert_eq!(actors[1].wikidata, None);
        assert!(actors[1].aliases.is_empty());
        let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![4, 5]);
        assert!(issues.iter().all(ActorIssue::is_error));
        assert!(issues[0].to_string().starts_with("t.tsv:4:"));
    }

    #[test]
    fn rejects_bad_ids_countries_and_qids() {
        for line in [
            "Iraqi Army\tORG\tarmy\tIQ\t\tX\t",
            "x\tORG\tarmy\tIraq\t\tX\t",
            "x\tORG\tarmy\tIQ\t12\tX\t",
            "x\tORG\tarmy\tIQ\t\t\t",
            "x\tORG\tArmy Unit\tIQ\t\tX\t",
        ] {
            let (actors, issues) = parse_actor_file("t.tsv", line);
            assert!(actors.is_empty(), "{line:?} accepted");
            assert_eq!(issues.len(), 1, "{line:?}");
        }
    }
}
