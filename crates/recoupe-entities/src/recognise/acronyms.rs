//! Long names defined by the acronym that follows them: "Centre national pour la recherche
//! scientifique et technique (CNRST)", "Collectif justice pour Barsalgho (CJB)". The
//! initials of the content words right before the parenthesis spell the acronym, which
//! fixes where the name starts however many lowercase words it holds.

use recoupe_model::EntityType;

use recoupe_tagger::Upos;

use super::words::{is_de, text_of};
use super::{Cand, Recogniser, STRENGTH_CUE};
use crate::tokens::{SentenceRange, Tk};

/// Words an acronym skips ("de", "la", "pour", "et"…).
const SKIPPED: &[&str] = &[
    "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "a", "au", "aux", "pour", "en", "sur",
    "contre", "par", "of", "the", "and", "for",
];

/// Longest name (in tokens) looked for before an acronym.
const MAX_LONG_FORM: usize = 20;

/// Letters of an acronym-like token: 2 to 8 letters, all capitals ("CNRST", "AEFBA"), or
/// 3 to 8 written as a word with only its first capital ("Dreets", "Anses"), which the
/// initials of the long form must then spell.
fn acronym_letters(t: &Tk<'_>) -> Option<String> {
    let letters: String = t.text.chars().filter(|c| c.is_alphabetic()).collect();
    let n = letters.chars().count();
    let word_like = t.cap && t.is_word() && letters.len() == t.text.len() && (3..=8).contains(&n);
    ((t.all_caps && (2..=8).contains(&n)) || word_like).then(|| letters.to_lowercase())
}

/// Whether `letters` are the words' opening syllables in order: each word used gives its
/// first letter and then any of its later letters in order, a word may give nothing (but
/// the first), and at least two words give something.
fn syllables_spell(words: &[&str], letters: &[char]) -> bool {
    // reachable[i][u]: the first i letters spelled, by u words (u capped at 2)
    let n = letters.len();
    let mut reach = vec![[false; 3]; n + 1];
    let Some(first) = words.first() else {
        return false;
    };
    for m in prefix_spells(first, letters, 0) {
        reach[m][1] = true;
    }
    for w in &words[1..] {
        let mut next = reach.clone();
        for (i, at) in reach.iter().enumerate().take(n) {
            for u in 1..3 {
                if at[u] {
                    for m in prefix_spells(w, letters, i) {
                        next[m][(u + 1).min(2)] = true;
                    }
                }
            }
        }
        reach = next;
    }
    reach[n][2]
}

/// Letter counts `letters` can reach from `at` with one word: its first letter, then any of
/// its later letters in order (the greedy longest run and every shorter one).
fn prefix_spells(word: &str, letters: &[char], at: usize) -> std::ops::Range<usize> {
    let mut chars = word.chars();
    if at >= letters.len() || chars.next() != Some(letters[at]) {
        return 0..0;
    }
    let mut i = at + 1;
    for c in chars {
        if i < letters.len() && c == letters[i] {
            i += 1;
        }
    }
    at + 1..i + 1
}

/// Initials of a word's parts ("Saint-Nicolas" → "sn", "d'appui" → "a"); an elided article
/// or preposition ("d'", "l'") spells nothing.
fn initials(t: &Tk<'_>, out: &mut String) {
    for part in t.folded.split(['-', '\'', '’']).filter(|p| !p.is_empty()) {
        if !SKIPPED.contains(&part) && !matches!(part, "d" | "l") {
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
            // "Marché d'intérêt national (Min)": a facility named by its acronym is a place
            let head = &*toks[start].folded;
            // ("Centrale ouvrière bolivienne (COB)": a facility noun described by a nationality
            // names a body, a union, not a site)
            let national = toks[start + 1..end]
                .iter()
                .any(|t| t.is_word() && !t.cap && self.demonyms.get(self.kb, t.text).is_some());
            let label = if (self.lex.loc_whole.contains(head) || self.lex.loc_named.contains(head))
                && !national
            {
                EntityType::LOC
            } else {
                EntityType::ORG
            };
            let inside = |c: &Cand| c.start >= start && c.end <= end;
            let mut kept: Vec<Cand> = out.drain(mine).filter(|c| !inside(c)).collect();
            let at = kept.partition_point(|c| c.start < start);
            kept.insert(
                at,
                Cand {
                    start,
                    end,
                    label,
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
    /// them capitalised. The acronym may leave out a place that ends the name ("Direction
    /// régionale … d'Auvergne-Rhône-Alpes (Dreets)"): the name still runs to the parenthesis.
    fn long_form_start(
        &self,
        toks: &[Tk<'_>],
        s: SentenceRange,
        paren: usize,
        letters: &str,
    ) -> Option<usize> {
        if let Some(start) = self.spelled_before(toks, s, paren, letters) {
            return Some(start);
        }
        // "… d'Auvergne-Rhône-Alpes", "… du Québec": a capitalised complement at the end
        let mut k = paren;
        while k > s.start && toks[k - 1].is_word() && toks[k - 1].name_like {
            k -= 1;
        }
        if k < paren && k > s.start + 1 && is_de(&toks[k - 1].folded) {
            if let Some(start) = self.spelled_before(toks, s, k - 1, letters) {
                return Some(start);
            }
        }
        self.syllables_before(toks, s, paren, letters)
    }

    /// Start of a name opened by an organisation's head whose words' first syllables spell
    /// `letters` ("Syndicat national des travailleurs portuaires (Synatrap)", "Union patronale
    /// et interprofessionnelle du Congo (Unicongo)", "Société d'exploitation du
    /// Transgabonais (Setrag)"): the acronyms of West and Central African bodies are read
    /// syllable by syllable. The nearest head before the parenthesis whose first letter
    /// opens the acronym, at least two of the name's words spelling part of it.
    fn syllables_before(
        &self,
        toks: &[Tk<'_>],
        s: SentenceRange,
        paren: usize,
        letters: &str,
    ) -> Option<usize> {
        let letters: Vec<char> = letters.chars().collect();
        if letters.len() < 4 {
            return None;
        }
        let lower = paren.saturating_sub(MAX_LONG_FORM).max(s.start);
        for start in (lower..paren.saturating_sub(1)).rev() {
            let t = &toks[start];
            if !(t.is_word() || t.kind == recoupe_model::TokenKind::Elision || t.text == ",") {
                return None;
            }
            if !t.cap
                || !t.is_word()
                || !t.folded.starts_with(letters[0])
                || !(self.lex.org_heads.contains_key(&*t.folded)
                    || self.lex.loc_whole.contains(&*t.folded))
            {
                continue;
            }
            let words: Vec<&str> = toks[start..paren]
                .iter()
                .filter(|t| t.is_word())
                .flat_map(|t| t.folded.split(['-', '\'', '’']))
                .filter(|p| p.len() > 1 && !SKIPPED.contains(p))
                .collect();
            if syllables_spell(&words, &letters) {
                return Some(start);
            }
        }
        None
    }

    /// Start of the words ending right before `end` whose initials are exactly `letters`.
    fn spelled_before(
        &self,
        toks: &[Tk<'_>],
        s: SentenceRange,
        end: usize,
        letters: &str,
    ) -> Option<usize> {
        let paren = end;
        let lower = paren.saturating_sub(MAX_LONG_FORM).max(s.start);
        let mut spelled = String::new();
        for start in (lower..paren).rev() {
            let t = &toks[start];
            // "de l'économie, de l'emploi, du travail": commas of a list inside the name
            if t.text == "," && start + 1 < paren {
                continue;
            }
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

impl Recogniser<'_> {
    /// "le syndrome de la personne raide (SPR)", "un plan de sauvegarde de l'emploi (PSE)": an
    /// acronym in parentheses spelled by the initials of the lowercase words right before it,
    /// which no mention covers and no organisation's head opens, abbreviates a common noun
    /// phrase; it names nothing there nor anywhere else in the document, whatever body the
    /// reference data files under the same letters (the document's own definition wins).
    pub fn common_phrase_acronyms(
        &self,
        toks: &[Tk<'_>],
        sentences: &[SentenceRange],
        cands: &mut Vec<Cand>,
    ) {
        let mut phrases: Vec<&str> = Vec::new();
        for s in sentences {
            for k in s.start + 2..s.end.saturating_sub(2) {
                let acronym = &toks[k + 1];
                if toks[k].text != "(" || toks[k + 2].text != ")" || !acronym.all_caps {
                    continue;
                }
                let Some(letters) = acronym_letters(acronym) else {
                    continue;
                };
                let Some(start) = self.lowercase_spelled_before(toks, *s, k, &letters) else {
                    continue;
                };
                let covered = cands.iter().any(|c| c.start < k && c.end > start);
                if !covered && !self.lex.org_heads.contains_key(&*toks[start].folded) {
                    phrases.push(acronym.text);
                }
            }
        }
        if phrases.is_empty() {
            return;
        }
        cands.retain(|c| {
            !(c.end == c.start + 1
                && c.rule != RULE_DEFINED_ACRONYM
                && phrases.contains(&toks[c.start].text))
        });
    }

    /// Start of the lowercase words ending right before `paren` whose initials are exactly
    /// `letters`, at least two of them giving a letter.
    fn lowercase_spelled_before(
        &self,
        toks: &[Tk<'_>],
        s: SentenceRange,
        paren: usize,
        letters: &str,
    ) -> Option<usize> {
        let lower = paren.saturating_sub(MAX_LONG_FORM).max(s.start);
        let mut spelled = String::new();
        let mut giving = 0;
        for start in (lower..paren).rev() {
            let t = &toks[start];
            if t.cap || !(t.is_word() || t.kind == recoupe_model::TokenKind::Elision) {
                return None;
            }
            let mut own = String::new();
            initials(t, &mut own);
            if !own.is_empty() {
                giving += 1;
            }
            spelled.insert_str(0, &own);
            if spelled.len() > letters.len() || !letters.ends_with(spelled.as_str()) {
                return None;
            }
            if spelled == letters && !own.is_empty() && giving >= 2 {
                return Some(start);
            }
        }
        None
    }
}

/// Longest stretch (in tokens) between an organisation's name and the acronym that defines
/// it which still belongs to the name ("horlogère suisse", "en Afrique et à Madagascar").
const MAX_GAP_TO_ACRONYM: usize = 7;

impl Recogniser<'_> {
    /// "Fédération de l'industrie horlogère suisse (FH)", "Agence pour la sécurité … en
    /// Afrique et à Madagascar (Asecna)": French writes an acronym right after the whole name
    /// it abbreviates, so an organisation whose name a rule ended a few words before such an
    /// acronym (of its first letter) runs to the parenthesis; the places and adjectives in
    /// between are the name's. Not over punctuation, a verb or another organisation.
    pub(super) fn names_up_to_acronym(
        &self,
        toks: &[Tk<'_>],
        s: SentenceRange,
        out: &mut Vec<Cand>,
        first: usize,
    ) {
        let mut k = first;
        while k < out.len() {
            let c = &out[k];
            let long = c.label == EntityType::ORG
                && c.end - c.start >= 2
                && matches!(c.rule, "org-capitalised-head" | "org-lowercase-pattern");
            let Some(paren) = long
                .then(|| {
                    (c.end + 1..=c.end + MAX_GAP_TO_ACRONYM)
                        .find(|&p| p < s.end && toks[p].text == "(")
                })
                .flatten()
            else {
                k += 1;
                continue;
            };
            let closes = toks.get(paren + 2).is_some_and(|t| t.text == ")") && paren + 2 < s.end;
            let letters = acronym_letters(&toks[paren + 1]).filter(|_| closes);
            let initial = toks[c.start].folded.chars().next();
            let gap_ok = toks[c.end..paren].iter().enumerate().all(|(n, t)| {
                (t.is_word() || t.kind == recoupe_model::TokenKind::Elision)
                    && !matches!(
                        self.upos(toks, s, c.end + n),
                        Upos::Verb | Upos::Aux | Upos::Pron | Upos::Sconj
                    )
            });
            // the mentions in the gap: places and names only, no organisation of its own
            let inside: Vec<usize> = (k + 1..out.len())
                .take_while(|&m| out[m].start < paren)
                .collect();
            let no_org_inside = inside.iter().all(|&m| out[m].label != EntityType::ORG);
            if letters.is_some_and(|l| l.chars().next() == initial)
                && gap_ok
                && no_org_inside
                && inside.last().is_none_or(|&m| out[m].end <= paren)
            {
                let gap = text_of(toks, out[k].end, paren);
                out[k].end = paren;
                out[k]
                    .evidence
                    .push(format!("\"{gap}\" runs to the acronym that follows"));
                for m in inside.into_iter().rev() {
                    out.remove(m);
                }
            }
            k += 1;
        }
    }
}

/// Rule name of an acronym the document defines in parentheses after a long name.
pub const RULE_DEFINED_ACRONYM: &str = "acronym-defined";

impl Recogniser<'_> {
    /// Acronyms the document defines in parentheses right after an organisation or event
    /// name ("Société de protection des forêts contre le feu (SOPFEU)", "… (Dreets)") are
    /// names of the same type there and wherever the document uses them again, however long
    /// or however spelled: "SOPFEU" alone is no shouted common word in such a document.
    /// An all-capitals acronym needs the first letter of the name; one written as a word
    /// ("Dreets") must be spelled by the name's initials.
    pub fn defined_acronyms(
        &self,
        toks: &[Tk<'_>],
        sentences: &[SentenceRange],
        cands: &mut Vec<Cand>,
    ) {
        let mut defined: Vec<(String, recoupe_model::EntityType)> = Vec::new();
        for c in cands.iter() {
            let named = matches!(c.label, EntityType::ORG | EntityType::MISC)
                || c.rule == "acronym-long-form";
            if !named || c.end - c.start < 2 {
                continue;
            }
            let (Some(open), Some(t), Some(close)) =
                (toks.get(c.end), toks.get(c.end + 1), toks.get(c.end + 2))
            else {
                continue;
            };
            if open.text != "(" || close.text != ")" || close.sent != toks[c.start].sent {
                continue;
            }
            let Some(letters) = acronym_letters(t) else {
                continue;
            };
            let spelled = if t.all_caps {
                let mut first = String::new();
                for tok in &toks[c.start..c.end] {
                    initials(tok, &mut first);
                    if !first.is_empty() {
                        break;
                    }
                }
                first.chars().next() == letters.chars().next()
            } else {
                let s = sentences[toks[c.start].sent];
                self.long_form_start(toks, s, c.end, &letters) == Some(c.start)
            };
            if spelled && !defined.iter().any(|(f, _)| *f == *t.folded) {
                defined.push((t.folded.to_string(), c.label));
            }
        }
        if defined.is_empty() {
            return;
        }
        for (k, t) in toks.iter().enumerate() {
            if !t.is_word() || !t.cap {
                continue;
            }
            let Some((_, label)) = defined.iter().find(|(f, _)| *f == *t.folded) else {
                continue;
            };
            let at = cands.partition_point(|c| c.end <= k);
            match cands.get_mut(at) {
                Some(c) if c.start <= k && c.end > k + 1 => {}
                Some(c) if c.start == k && c.end == k + 1 => {
                    if c.label != *label || c.rule != RULE_DEFINED_ACRONYM {
                        c.label = *label;
                        c.strength = c.strength.max(STRENGTH_CUE);
                        c.weak = false;
                        c.rule = RULE_DEFINED_ACRONYM;
                        c.evidence
                            .push("acronym defined in parentheses after its name".to_string());
                    }
                }
                Some(c) if c.start <= k => {}
                _ => cands.insert(
                    at,
                    Cand {
                        start: k,
                        end: k + 1,
                        label: *label,
                        strength: STRENGTH_CUE,
                        hits: Vec::new(),
                        rule: RULE_DEFINED_ACRONYM,
                        evidence: vec!["acronym defined in parentheses after its name".to_string()],
                        weak: false,
                        admin_cue: false,
                    },
                ),
            }
        }
    }
}
