//! Long names defined by the acronym that follows them: "Centre national pour la recherche
//! scientifique et technique (CNRST)", "Collectif justice pour Barsalgho (CJB)". The
//! initials of the content words right before the parenthesis spell the acronym, which
//! fixes where the name starts however many lowercase words it holds.

use recoupe_model::EntityType;

use super::{Cand, Recogniser, STRENGTH_CUE};
use crate::tokens::{SentenceRange, Tk};

/// Words an acronym skips ("de", "la", "pour", "et"…).
const SKIPPED: &[&str] = &[
    "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "a", "au", "aux", "pour", "en", "sur",
    "contre", "par", "of", "the", "and", "for",
];

/// Longest name (in tokens) looked for before an acronym.
const MAX_LONG_FORM: usize = 14;

/// Letters of an acronym-like token ("CNRST", "AEFBA"): 2 to 8 letters, all capitals.
fn acronym_letters(t: &Tk<'_>) -> Option<String> {
    let letters: String = t.text.chars().filter(|c| c.is_alphabetic()).collect();
    let n = letters.chars().count();
    (t.all_caps && (2..=8).contains(&n)).then(|| letters.to_lowercase())
}

/// Initials of a word's parts ("Saint-Nicolas" → "sn", "d'appui" → "a").
fn initials(t: &Tk<'_>, out: &mut String) {
    for part in t.folded.split(['-', '\'']).filter(|p| !p.is_empty()) {
        if !SKIPPED.contains(&part) {
            out.extend(part.chars().next());
        }
    }
}

impl Recogniser<'_> {
    /// Replaces the mentions found inside a long name spelled out by the acronym that follows
    /// it ("(CNRST)") with the whole name, an organisation.
    pub(super) fn acronym_long_forms(
        &self,
        toks: &[Tk<'_>],
        s: SentenceRange,
        out: &mut Vec<Cand>,
        first: usize,
    ) {
        for k in s.start + 1..s.end.saturating_sub(2) {
            if toks[k].text != "(" || toks[k + 2].text != ")" {
                continue;
            }
            let Some(letters) = acronym_letters(&toks[k + 1]) else {
                continue;
            };
            let Some(start) = self.long_form_start(toks, s, k, &letters) else {
                continue;
            };
            let end = k;
            let mine = first..out.len();
            // a mention reaching further left already covers the name (a reference match)
            if out[mine.clone()]
                .iter()
                .any(|c| c.start < start && c.end > start)
                || out[mine.clone()]
                    .iter()
                    .any(|c| c.start == start && c.end == end)
            {
                continue;
            }
            let inside = |c: &Cand| c.start >= start && c.end <= end;
            let mut kept: Vec<Cand> = out.drain(mine).filter(|c| !inside(c)).collect();
            let at = kept.partition_point(|c| c.start < start);
            kept.insert(
                at,
                Cand {
                    start,
                    end,
                    label: EntityType::ORG,
                    strength: STRENGTH_CUE,
                    hits: Vec::new(),
                    rule: "acronym-long-form",
                    evidence: vec![format!(
                        "initials spell the acronym \"{}\" that follows",
                        toks[k + 1].text
                    )],
                    weak: false,
                    admin_cue: false,
                },
            );
            out.extend(kept);
        }
    }

    /// Start of the words before `paren` whose initials are exactly `letters`, the first of
    /// them capitalised.
    fn long_form_start(
        &self,
        toks: &[Tk<'_>],
        s: SentenceRange,
        paren: usize,
        letters: &str,
    ) -> Option<usize> {
        let lower = paren.saturating_sub(MAX_LONG_FORM).max(s.start);
        let mut spelled = String::new();
        for start in (lower..paren).rev() {
            let t = &toks[start];
            if !(t.is_word() || t.kind == recoupe_model::TokenKind::Elision) {
                return None;
            }
            // initials are collected right to left
            let mut own = String::new();
            initials(t, &mut own);
            spelled.insert_str(0, &own);
            if spelled.len() > letters.len() || !letters.ends_with(spelled.as_str()) {
                return None;
            }
            // a lowercase first word is a description of the name ("l'organisation État
            // islamique (OEI)")
            let opens = !own.is_empty() && t.name_like;
            if spelled == letters && opens && paren - start >= 2 {
                return Some(start);
            }
        }
        None
    }
}
