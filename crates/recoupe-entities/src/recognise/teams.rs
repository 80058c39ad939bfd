//! Towns standing for their clubs in sports reports: "Lens renverse Rennes 3-1", "Sion
//! s'impose", "vainqueur de Bâle (3-0)", "face à Nantes" name clubs, while "à Lugano" and
//! "se déplacera à Marseille" stay places.

use recoupe_model::{EntityType, PlaceKind};
use recoupe_tagger::Upos;

use super::words::text_of;
use super::Recogniser;
use crate::normalize::{fold, skeleton};
use crate::resolve::Resolved;
use crate::tokens::{SentenceRange, Tk};

/// Rule name of a town read as its club.
pub const RULE_TOWN_CLUB: &str = "town-as-club";

/// Distinct match-report words a sports report names at least.
const SPORT_WORDS: usize = 2;

/// Whether `s` opens with a match score: "2-1", "(3-0)", "3 - 1".
fn opens_with_score(s: &str) -> bool {
    let s = s.trim_start();
    let s = s.strip_prefix('(').unwrap_or(s).trim_start();
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    let a = digits(s);
    if !(1..=2).contains(&a) {
        return false;
    }
    let rest = s[a..].trim_start();
    let Some(rest) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('–')) else {
        return false;
    };
    let rest = rest.trim_start();
    let b = digits(rest);
    (1..=2).contains(&b) && !rest[b..].starts_with(|c: char| c.is_ascii_digit())
}

impl Recogniser<'_> {
    /// A match report: a score somewhere, and match-report words.
    fn sports_report(&self, toks: &[Tk<'_>], text: &str) -> bool {
        let mut words: Vec<&str> = Vec::new();
        for t in toks {
            if self.lex.sport_words.contains(&*t.folded) && !words.contains(&&*t.folded) {
                words.push(&t.folded);
            }
        }
        if words.len() < SPORT_WORDS {
            return false;
        }
        // a score: one or two digits, a dash, one or two digits (not "2023-2024")
        toks.iter().any(|t| {
            t.text.starts_with(|c: char| c.is_ascii_digit())
                && (t.span.start == 0
                    || !text[..t.span.start].ends_with(|c: char| c.is_ascii_digit()))
                && opens_with_score(&text[t.span.start..])
        })
    }

    /// A form of a verb of winning or meeting ("bat", "renverse", "affrontera").
    fn sport_verb(&self, t: &Tk<'_>) -> bool {
        !t.cap
            && self
                .lex
                .sport_verbs
                .iter()
                .any(|v| t.folded.starts_with(v.as_str()))
    }

    /// Whether the town at `a..b` of sentence `s` is where a club's name stands: before a
    /// score, the subject of a verb at the head of a clause, the object of a verb of
    /// winning or meeting, or after "face à", "contre", "vainqueur de".
    fn club_position(
        &self,
        toks: &[Tk<'_>],
        s: SentenceRange,
        a: usize,
        b: usize,
        text: &str,
    ) -> bool {
        if opens_with_score(&text[toks[b - 1].span.end..]) {
            return true;
        }
        let prev = (a > s.start).then(|| &toks[a - 1]);
        // a clause opens after punctuation or a conjunction ("Mais Lens a renversé…",
        // "tandis que Lille recevra Brest")
        let clause_head = prev.is_none_or(|p| matches!(p.text, "," | ":" | "–" | "—"))
            || (prev.is_some_and(|p| p.is_word() && !p.cap || p.initial)
                && matches!(self.upos(toks, s, a - 1), Upos::Cconj | Upos::Sconj));
        let verb_at = |k: usize| {
            k < s.end
                && (matches!(toks[k].folded.as_ref(), "se" | "s'" | "s’")
                    || self.sport_verb(&toks[k])
                    || matches!(self.upos(toks, s, k), Upos::Verb | Upos::Aux))
        };
        if clause_head && verb_at(b) {
            return true;
        }
        // "Nantes, qui remonte à la 13e place", "Angers, lui, reste", "Clermont, neuvième,
        // devra": the subject of its clause before a relative or an apposition
        if clause_head
            && b + 1 < s.end
            && toks[b].text == ","
            && (matches!(&*toks[b + 1].folded, "qui" | "lui" | "elle" | "eux")
                || toks[b + 1].is_ordinal()
                || toks[b + 1].folded.ends_with("ieme"))
        {
            return true;
        }
        // "Lens et Lille avaient été sanctionnés": two towns joined as the subject
        if b + 1 < s.end && toks[b].folded == "et" && toks[b + 1].cap {
            let mut k = b + 1;
            while k < s.end && toks[k].is_word() && toks[k].cap {
                k += 1;
            }
            if clause_head && verb_at(k) {
                return true;
            }
        }
        if a >= s.start + 2 && toks[a - 1].folded == "et" && toks[a - 2].cap && verb_at(b) {
            let mut k = a - 2;
            while k > s.start && toks[k - 1].is_word() && toks[k - 1].cap {
                k -= 1;
            }
            let head = k == s.start || matches!(toks[k - 1].text, "," | ":" | "–" | "—");
            if head {
                return true;
            }
        }
        let Some(p) = prev else {
            return false;
        };
        if self.sport_verb(p) || self.lex.sport_before.contains(&*p.folded) {
            return true;
        }
        // "face à Nantes", "vainqueur de Bâle", "la victoire de Lens"
        a >= s.start + 2
            && matches!(p.folded.as_ref(), "a" | "de" | "d'" | "d’")
            && self.lex.sport_before.contains(&*toks[a - 2].folded)
    }

    /// In a sports report, towns where a club's name stands become that club (ORG), in
    /// one entity with a club name of the document holding the town ("FC Sion", "Racing
    /// Club de Lens"), else one of their own.
    pub fn towns_as_clubs(
        &self,
        toks: &[Tk<'_>],
        sentences: &[SentenceRange],
        text: &str,
        resolved: &mut [Resolved],
    ) {
        if resolved.iter().all(|r| r.cand.label != EntityType::LOC)
            || !self.sports_report(toks, text)
        {
            return;
        }
        let clubs: Vec<(Vec<String>, String)> = resolved
            .iter()
            .filter(|r| r.cand.label == EntityType::ORG)
            .map(|r| {
                let words = toks[r.cand.start..r.cand.end]
                    .iter()
                    .map(|t| t.folded.to_string())
                    .collect();
                (words, r.entity.clone())
            })
            .collect();
        for r in resolved.iter_mut() {
            if r.cand.label != EntityType::LOC
                || r.chosen
                    .as_ref()
                    .is_some_and(|c| c.kind != Some(PlaceKind::City))
            {
                continue;
            }
            let (a, b) = (r.cand.start, r.cand.end);
            let Some(&s) = sentences.get(toks[a].sent) else {
                continue;
            };
            if !self.club_position(toks, s, a, b, text) {
                continue;
            }
            let name = text_of(toks, a, b);
            let folded = fold(&name);
            let club = clubs
                .iter()
                .find(|(words, _)| {
                    words.len() > b - a
                        && words
                            .windows(b - a)
                            .any(|w| w.join(" ") == folded || w.concat() == folded)
                })
                .map(|(_, key)| key.clone());
            r.cand.label = EntityType::ORG;
            r.cand.rule = RULE_TOWN_CLUB;
            r.cand
                .evidence
                .push("a town standing for its club in a sports report".to_string());
            r.chosen = None;
            r.entity = club.unwrap_or_else(|| format!("name:ORG:{}", skeleton(&name)));
        }
    }
}
