//! MISC names built on a cue: "la Ve République" (a roman ordinal before a capitalised
//! noun), "la tempête Daniel" (a storm noun and its name), "la loi de finances 2024" (a
//! budget law and its year), and the year that ends an event's name ("JO 2024",
//! "Coupe du monde de football 2022").

use recoupe_model::{EntityType, TokenKind};

use super::words::is_de;
use super::{Cand, Recogniser, STRENGTH_CUE};
use crate::tokens::{SentenceRange, Tk};

/// Longest quoted title (in tokens) taken as a law's or an operation's name.
const MAX_QUOTED_TITLE: usize = 6;

/// Years an event's name may end with.
const YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

/// Whether the token is a year written in digits ("2024").
fn is_year(t: &Tk<'_>) -> bool {
    t.kind == TokenKind::Number
        && t.text.len() == 4
        && t.text.parse::<u32>().is_ok_and(|y| YEARS.contains(&y))
}

impl Recogniser<'_> {
    /// A MISC name starting at `i`, or `None`.
    pub(super) fn misc_pattern(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> Option<Cand> {
        let t = &toks[i];
        let next = toks.get(i + 1).filter(|_| i + 1 < s.end)?;
        let make = |end: usize, rule: &'static str, evidence: String| Cand {
            start: i,
            end,
            label: EntityType::MISC,
            strength: STRENGTH_CUE,
            hits: Vec::new(),
            rule,
            evidence: vec![evidence],
            weak: false,
            admin_cue: false,
        };
        // "la Ve République", "le IIIe Reich": a roman ordinal (the tokenizer tells it from
        // a word) before a capitalised noun
        if t.kind == TokenKind::Ordinal
            && !t.text.starts_with(|c: char| c.is_ascii_digit())
            && next.is_word()
            && next.cap
        {
            return Some(make(
                i + 2,
                "misc-ordinal-name",
                format!("ordinal \"{}\" before \"{}\"", t.text, next.text),
            ));
        }
        // "la tempête Daniel", "le cyclone Freddy"
        if !t.cap
            && self.lex.misc_whole.contains(&*t.folded)
            && next.is_word()
            && next.name_like
            && !self.lex.stopwords_caps.contains(&*next.folded)
        {
            let end = self.extend_caps(toks, i + 1, s.end);
            return Some(make(end, "misc-whole", format!("\"{}\" + name", t.text)));
        }
        // "le projet de loi « Énergie souveraine »", "l'opération « Bouclier du Nord »", "le
        // film « Les Ombres »": a quoted title after a law, operation or work noun is its
        // name, lowercase words included
        if !t.cap
            && (self.lex.misc_heads.contains(&*t.folded)
                || self.lex.misc_before_quoted.contains(&*t.folded))
            && next.kind == TokenKind::Quote
        {
            let open = i + 1;
            let close = (open + 2..s.end.min(open + 2 + MAX_QUOTED_TITLE))
                .find(|&k| toks[k].kind == TokenKind::Quote)?;
            let title = &toks[open + 1..close];
            if title.first().is_some_and(|w| w.is_word() && w.cap)
                && title.iter().all(|w| !w.breaks_name())
            {
                let mut c = make(
                    close,
                    "misc-quoted-title",
                    format!("quoted title after \"{}\"", t.text),
                );
                c.start = open + 1;
                return Some(c);
            }
        }
        // "la loi de finances 2024", "la loi de finances rectificative 2023": a budget law
        // is named by its year
        if t.folded == "loi" && is_de(&next.folded) {
            let mut j = i + 2;
            let mut words = 0;
            while j < s.end && words < 3 && toks[j].is_word() && !toks[j].cap {
                j += 1;
                words += 1;
            }
            if words > 0 && j < s.end && is_year(&toks[j]) {
                return Some(make(
                    j + 1,
                    "misc-law-year",
                    format!("law named by the year {}", toks[j].text),
                ));
            }
        }
        None
    }

    /// "JO 2024", "Jeux de Paris 2024": a year right after an event's name belongs to it.
    pub(super) fn extend_by_year(&self, toks: &[Tk<'_>], s: SentenceRange, c: &mut Cand) {
        if c.label == EntityType::MISC
            && c.end < s.end
            && is_year(&toks[c.end])
            && toks[c.end - 1].span.end < toks[c.end].span.start
        {
            c.end += 1;
            c.evidence
                .push("the year that follows is part of the name".to_string());
        }
    }
}
