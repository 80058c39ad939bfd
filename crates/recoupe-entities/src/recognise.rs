//! Sentence-level recognition of entity mentions over the token view.
//!
//! At each token, in order of preference: an organisation pattern built on a head noun
//! ("armée irakienne", "Forces démocratiques syriennes"), the longest reference-data match
//! over a bounded token window, or a capitalised proper-noun sequence typed by contextual cues.
//! Everything is hash lookups on precomputed folded keys; no regular expressions.

use recoupe_model::{EntityType, PlaceKind, TokenKind};

use crate::cache::{CandidateCache, DemonymCache};
use crate::knowledge::{Candidate, Knowledge};
use crate::lexicon::{Lexicon, OrgHead};
use crate::tokens::{SentenceRange, Tk};

/// How much a type decision is worth when mentions of the same name disagree.
pub const STRENGTH_KB: u8 = 4;
pub const STRENGTH_CUE: u8 = 3;
pub const STRENGTH_LEXICON: u8 = 2;
pub const STRENGTH_DEFAULT: u8 = 1;
/// A city this large after "ministre de" is the minister's jurisdiction ("ministre de
/// Paris"), not a portfolio.
const TRUSTED_CITY_POPULATION: u64 = 100_000;
/// How many adjectives may stand between a description noun and the name it introduces.
const APPOSITION_ADJECTIVES: usize = 2;

/// Places below this population lose against contrary cues (titles, "l'agence X"): GeoNames
/// holds villages named like surnames and common words.
const SMALL_PLACE: u64 = 20_000;

/// A recognised mention before document-level resolution.
#[derive(Debug, Clone)]
pub struct Cand {
    /// Token range, end exclusive.
    pub start: usize,
    pub end: usize,
    pub label: EntityType,
    pub strength: u8,
    /// Reference entries matching the whole span, best first.
    pub hits: Vec<Candidate>,
    pub rule: &'static str,
    pub evidence: Vec<String>,
    /// Sentence-initial single word typed by default only: kept only if the document confirms it.
    pub weak: bool,
    /// Announced by "province de", "gouvernorat de"…: an administrative division is meant.
    pub admin_cue: bool,
}

pub struct Recogniser<'a> {
    pub lex: &'a Lexicon,
    pub kb: &'a dyn Knowledge,
    pub max_window: usize,
    /// Reference lookups already made (names repeat within and across documents).
    pub cache: &'a CandidateCache,
    /// Demonym probes already made.
    pub demonyms: &'a DemonymCache,
}

/// Rule name of a lone capitalised organisation head, kept only as the short form of a
/// longer name of the same document.
pub const RULE_SHORT_FORM: &str = "org-short-form";

/// Nouns whose "de" complement is a person: "le dauphin de X", "l'épouse de X".
const RELATIONAL_TITLES: &[&str] = &[
    "dauphin",
    "fils",
    "fille",
    "epouse",
    "mari",
    "veuve",
    "frere",
    "soeur",
    "successeur",
    "predecesseur",
    "rival",
    "rivale",
    "adversaire",
    "allie",
    "alliee",
    "proche",
    "pere",
    "mere",
    "oncle",
    "neveu",
    "cousin",
    "conseiller",
    "conseillere",
    "avocat",
    "avocate",
    "biographe",
];

/// Words across which a title no longer describes the following name.
const CLAUSE_BREAKERS: &[&str] = &[
    "a", "ont", "est", "sont", "etait", "sera", "et", "ou", "qui", "que", "qu'", "a", "en", "dans",
    "sur", "vers", "avec", "par", "pour", "contre", "selon", "apres", "avant", "lors",
];

fn is_de(folded: &str) -> bool {
    matches!(folded, "de" | "du" | "des" | "d'")
}

impl Recogniser<'_> {
    /// Reference entries of a surface form ([`Knowledge::candidates`], through the cache).
    fn candidates(&self, surface: &str) -> Vec<Candidate> {
        self.cache.get(self.kb, &self.kb.key(surface)).to_vec()
    }

    /// Whether a surface form has any reference entry.
    fn has_candidates(&self, surface: &str) -> bool {
        !self.cache.get(self.kb, &self.kb.key(surface)).is_empty()
    }

    /// All mentions of one sentence, non-overlapping, in text order.
    pub fn sentence(&self, toks: &[Tk<'_>], s: SentenceRange, text: &str, out: &mut Vec<Cand>) {
        let mut i = s.start;
        while i < s.end {
            let t = &toks[i];
            if t.kind == TokenKind::Symbol && is_bare_web_address(t.text) {
                // "selon le site vie-publique.fr": a site named by its address is a media ORG.
                out.push(Cand {
                    start: i,
                    end: i + 1,
                    label: EntityType::ORG,
                    strength: STRENGTH_CUE,
                    hits: Vec::new(),
                    rule: "web-address",
                    evidence: vec![format!("web address \"{}\"", t.text)],
                    weak: false,
                    admin_cue: false,
                });
                i += 1;
                continue;
            }
            // "L'Équipe", "L'Orient-Le Jour": a name the reference lists with its elided
            // article
            if t.kind == TokenKind::Elision
                && t.cap
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.name_like && i + 1 < s.end)
            {
                if let Some(c) = self.kb_window(toks, i, s, text) {
                    if c.end > i + 1 && c.label == EntityType::ORG {
                        i = c.end;
                        out.push(c);
                        continue;
                    }
                }
            }
            if !t.is_word() {
                i += 1;
                continue;
            }
            // "le quotidien La Meuse", "le journal Le Soir": a title with its own article
            if let Some(c) = self.titled_organisation(toks, i, s) {
                i = c.end;
                out.push(c);
                continue;
            }
            // "Mme Le Gall", "M. Le Drian": after a title, a capitalised article opens the
            // surname
            if t.cap
                && matches!(&*t.folded, "le" | "la")
                && i > s.start
                && i + 1 < s.end
                && toks[i + 1].name_like
                && self.title_before(toks, i, s).is_some()
            {
                let end = self.extend_caps(toks, i + 1, s.end);
                out.push(Cand {
                    start: i,
                    end,
                    label: EntityType::PER,
                    strength: STRENGTH_CUE,
                    hits: Vec::new(),
                    rule: "title-surname",
                    evidence: vec![format!(
                        "surname \"{}\" after a title",
                        text_of(toks, i, end)
                    )],
                    weak: false,
                    admin_cue: false,
                });
                i = end;
                continue;
            }
            // "la ministre de la Santé": a portfolio, not a name
            if t.name_like && self.after_minister_of(toks, i, s) {
                i = self.extend_caps(toks, i, s.end);
                continue;
            }
            if let Some(c) = self.place_whole_pattern(toks, i, s, text) {
                i = c.end;
                out.push(c);
                continue;
            }
            let org = self.org_pattern(toks, i, s, text);
            let kb = if t.name_like || org.is_some() || self.lowercase_start_allowed(t) {
                self.kb_window(toks, i, s, text)
            } else {
                None
            };
            let best = match (org, kb) {
                (Some(o), Some(k)) => Some(if o.end > k.end { o } else { k }),
                (o, k) => o.or(k),
            };
            if let Some(mut c) = best {
                // A place name opening a longer capitalised name ("Jordan Bardella", "Washington
                // Post") yields to that name when cues type it otherwise.
                if c.label == EntityType::LOC && t.name_like {
                    let caps_end = self.extend_caps(toks, i, s.end);
                    if caps_end > c.end {
                        if let Some(alt) = self.type_sequence(toks, i, caps_end, s, text) {
                            if alt.label != EntityType::LOC && alt.strength >= STRENGTH_LEXICON {
                                c = alt;
                                c.evidence
                                    .push("longer than the place-name match".to_string());
                            }
                        }
                    }
                }
                i = c.end;
                out.push(c);
                continue;
            }
            if !t.name_like {
                i += 1;
                continue;
            }
            // Capitalised function words and titles are not names themselves; "M." neither.
            if self.lex.stopwords_caps.contains(&*t.folded)
                || self.lex.person_titles.contains(&*t.folded)
                || (t.folded == "m" && toks.get(i + 1).is_some_and(|n| n.text == "."))
            {
                i += 1;
                continue;
            }
            let caps_end = self.extend_caps(toks, i, s.end);
            let end = self.split_sequence(toks, i, caps_end);
            if end < caps_end {
                // split off a known name ("Telegram" before "Tymur Tkachenko"): it keeps its
                // reference entries
                let left = text_of(toks, i, end);
                let hits = self.candidates(&left);
                if let Some(best) = hits.first() {
                    out.push(Cand {
                        start: i,
                        end,
                        label: best.label,
                        strength: STRENGTH_KB,
                        rule: "kb",
                        evidence: vec![
                            format!("reference match \"{left}\""),
                            "split from the capitalised name that follows".to_string(),
                        ],
                        hits,
                        weak: false,
                        admin_cue: false,
                    });
                    i = end;
                    continue;
                }
            }
            if let Some(mut c) = self.type_sequence(toks, i, end, s, text) {
                if c.hits.is_empty() && c.label != EntityType::PER {
                    self.try_variants(toks, &mut c, text);
                }
                out.push(c);
            }
            i = end;
        }
    }

    /// Named facility or landform whose whole phrase is the place: "vallée de l'Euphrate",
    /// "aéroport de Bagdad" (lowercase head, "de", capitalised name).
    fn place_whole_pattern(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
        text: &str,
    ) -> Option<Cand> {
        let head = &toks[i];
        if !self.lex.loc_whole.contains(&*head.folded) {
            return None;
        }
        let mut after = i + 1;
        if after >= s.end || !is_de(&toks[after].folded) {
            return None;
        }
        after += 1;
        if after < s.end
            && toks[after - 1].folded == "de"
            && matches!(toks[after].folded.as_ref(), "la" | "l'")
        {
            after += 1;
        }
        if after >= s.end
            || !toks[after].name_like
            || self.lex.stopwords_caps.contains(&*toks[after].folded)
        {
            return None;
        }
        let end = self.extend_caps(toks, after, s.end);
        let name = text.get(toks[after].span.start..toks[end - 1].span.end)?;
        Some(Cand {
            start: i,
            end,
            label: EntityType::LOC,
            strength: STRENGTH_CUE,
            hits: Vec::new(),
            rule: "place-whole",
            evidence: vec![format!("\"{}\" + name \"{name}\"", head.text)],
            weak: false,
            admin_cue: false,
        })
    }

    /// Looks an unknown name up under its other transliterations ("Deir Ezzor" → "Deir ez-Zor").
    fn try_variants(&self, toks: &[Tk<'_>], c: &mut Cand, text: &str) {
        let Some(surface) = text.get(toks[c.start].span.start..toks[c.end - 1].span.end) else {
            return;
        };
        for variant in crate::normalize::spelling_variants(surface) {
            let hits = self.candidates(&variant);
            if let Some(first) = hits.first() {
                c.label = first.label;
                c.strength = STRENGTH_KB;
                c.evidence.push(format!("reference match as \"{variant}\""));
                c.hits = hits;
                c.weak = false;
                return;
            }
        }
    }

    /// Lowercase tokens that may open a reference-data name ("armée", "forces").
    fn lowercase_start_allowed(&self, t: &Tk<'_>) -> bool {
        matches!(
            self.lex.org_heads.get(&*t.folded),
            Some(OrgHead::AlsoLowercase | OrgHead::NeedsComplement)
        ) || self.lex.landforms.contains(&*t.folded)
    }

    /// Longest reference match starting at token `i`. Windows stay inside the capitalised
    /// run (names, particles) unless a known multi-word organisation or country name continues
    /// through lowercase words, so a lookup costs a few hash probes per capitalised word.
    fn kb_window(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange, text: &str) -> Option<Cand> {
        let first = &toks[i];
        let limit = s.end.min(i + self.max_window.max(1));
        let caps_end = if first.name_like {
            self.extend_caps(toks, i, s.end)
        } else if self.lex.landforms.contains(&*first.folded)
            && toks
                .get(i + 1)
                .is_some_and(|n| n.name_like && i + 1 < s.end)
        {
            // "mer Rouge": the generic noun and the capitalised name that follows
            self.extend_caps(toks, i + 1, s.end)
        } else {
            i + 1
        };
        // keys of the windows [i, j) for j = i+1..; built token by token
        // key of [i, j) is key[..ends[j - i - 1]]
        let mut ends: Vec<usize> = Vec::with_capacity(4);
        let mut key = String::new();
        let mut j = i;
        while j < limit {
            let t = &toks[j];
            if j > i && t.breaks_name() {
                break;
            }
            if j > i {
                let gap = text.get(toks[j - 1].span.end..t.span.start).unwrap_or(" ");
                if !gap.is_empty() && !key.ends_with('\'') {
                    key.push(' ');
                }
            }
            key.push_str(t.kb_key.get_or_init(|| self.kb.key(t.text)));
            ends.push(key.len());
            j += 1;
            if j >= caps_end && !self.kb.continues_known_name(&key) && !key.ends_with('\'') {
                break;
            }
        }
        for j in (i + 1..=i + ends.len()).rev() {
            let last = &toks[j - 1];
            if !(last.is_word() || last.kind == recoupe_model::TokenKind::Number) {
                continue;
            }
            // a window ends on a word ("Forces de") or a number ("Ligue 1", "G7")
            let number = last.kind == recoupe_model::TokenKind::Number;
            if j - 1 > i
                && (self.lex.particle_words.contains(&*last.folded) || !(last.is_word() || number))
            {
                continue;
            }
            let single = j == i + 1;
            // a lowercase single word is a common noun, never a reference name
            if single && !first.name_like {
                continue;
            }
            // a window may not cut a name in two: "les forces du Hachd al-Chaabi" is not the
            // alias "forces du Hachd" followed by "al-Chaabi"
            if last.name_like
                && toks.get(j).is_some_and(|n| {
                    n.sent == last.sent
                        && n.is_word()
                        && (n.name_like || self.lex.has_article_prefix(&n.folded))
                        && !self.lex.stopwords_caps.contains(&*n.folded)
                })
            {
                continue;
            }
            let Some(surface) = text.get(first.span.start..last.span.end) else {
                continue;
            };
            let window_key = &key[..ends[j - i - 1]];
            let known = self.cache.get(self.kb, window_key);
            if known.is_empty() {
                continue;
            }
            let mut hits = known.to_vec();
            let mut rejected = Vec::new();
            hits.retain(|h| {
                let keep = self.hit_acceptable(toks, i, j, h, s);
                if !keep {
                    rejected.push(format!("rejected {}:{}", h.link.kb, h.link.id));
                }
                keep
            });
            if hits.is_empty() {
                continue;
            }
            let mut evidence = vec![format!("reference match \"{surface}\"")];
            // "la mer Rouge" in lowercase is the sea; the governorate would be written "la
            // Mer Rouge" or "gouvernorat de la mer Rouge".
            if !first.name_like
                && self.lex.landforms.contains(&*first.folded)
                && hits
                    .iter()
                    .any(|h| matches!(h.kind, Some(PlaceKind::River | PlaceKind::Area)))
            {
                hits.retain(|h| {
                    let natural = matches!(h.kind, Some(PlaceKind::River | PlaceKind::Area));
                    if !natural {
                        evidence.push(format!(
                            "not {}:{} (a generic landform noun names the natural feature)",
                            h.link.kb, h.link.id
                        ));
                    }
                    natural
                });
            }
            // only villages under this spelling: the usual spelling may name the real place
            // ("Anbar" is a Turkish village, "al-Anbar" the Iraqi province)
            if hits.iter().all(|h| {
                h.label == EntityType::LOC
                    && matches!(h.kind, Some(PlaceKind::City | PlaceKind::Other))
                    && h.population < SMALL_PLACE
            }) {
                for variant in crate::normalize::spelling_variants(surface) {
                    let more = self.candidates(&variant);
                    if !more.is_empty() {
                        evidence.push(format!("also looked up as \"{variant}\""));
                        hits.extend(more);
                        break;
                    }
                }
            }
            let label = hits[0].label;
            evidence.extend(rejected);
            // "l'agence Reuters", "la chaîne Al-Jazeera": the reference knows the phrase, but
            // the name is what follows the lowercase description noun.
            let start = if !first.name_like
                && j > i + 1
                && self.lex.org_appositions.contains(&*first.folded)
                && toks[i + 1].name_like
            {
                evidence.push(format!(
                    "description \"{}\" left out of the name",
                    first.text
                ));
                i + 1
            } else if j > i + 1
                && first.initial
                && matches!(&*first.folded, "le" | "la" | "les" | "l'")
                && self
                    .names_same_entry(key[ends[0]..ends[j - i - 1]].trim_start_matches(' '), &hits)
            {
                // "Les Houthis", "La France insoumise" opening a sentence: the reference
                // lists the name with and without its article, and only the sentence start
                // capitalises it. ("Les Républicains" keeps it: "Républicains" alone names
                // no party; "selon Le Figaro" too: capitalised mid-sentence, the article is
                // part of the title.)
                evidence.push(format!("article \"{}\" left out of the name", first.text));
                i + 1
            } else {
                i
            };
            return Some(Cand {
                start,
                end: j,
                label,
                strength: STRENGTH_KB,
                hits,
                rule: "kb",
                evidence,
                weak: false,
                admin_cue: self.admin_cue_before(toks, i, s),
            });
        }
        None
    }

    /// "le quotidien La Meuse", "l'hebdomadaire Le Point": after a lowercase description
    /// noun, a capitalised article and a name form one organisation, article included.
    fn titled_organisation(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> Option<Cand> {
        let t = &toks[i];
        if !t.cap || !matches!(&*t.folded, "le" | "la" | "les") || i <= s.start || i + 1 >= s.end {
            return None;
        }
        let description = &toks[i - 1];
        if description.cap || !self.lex.org_appositions.contains(&*description.folded) {
            return None;
        }
        if !toks[i + 1].name_like {
            return None;
        }
        let end = self.extend_caps(toks, i + 1, s.end);
        Some(Cand {
            start: i,
            end,
            label: EntityType::ORG,
            strength: STRENGTH_CUE,
            hits: self.candidates(&text_of(toks, i, end)),
            rule: "titled-organisation",
            evidence: vec![format!(
                "title after \"{}\", with its article",
                description.text
            )],
            weak: false,
            admin_cue: false,
        })
    }

    /// Whether the capitalised word at `i` names a minister's portfolio: "ministre de la
    /// Santé", "secrétaire d'État aux Transports".
    fn after_minister_of(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> bool {
        // "ministre du Québec" names a jurisdiction, a place the reference knows
        if self.candidates(toks[i].text).iter().any(|c| {
            c.label == EntityType::ORG
                || matches!(c.kind, Some(PlaceKind::Country | PlaceKind::Admin))
                || c.population >= TRUSTED_CITY_POPULATION
        }) {
            return false;
        }
        let mut k = i;
        for step in 0..3 {
            if k <= s.start {
                return false;
            }
            let prev = &toks[k - 1];
            if matches!(
                &*prev.folded,
                "de" | "d'" | "du" | "des" | "la" | "l'" | "aux" | "au" | "a"
            ) && !prev.cap
            {
                k -= 1;
                continue;
            }
            // "ministre François Legault": a name right after the title is the minister
            return step > 0
                && !prev.cap
                && matches!(
                    &*prev.folded,
                    "ministre" | "ministres" | "secretaire" | "commissaire" | "etat"
                );
        }
        false
    }

    /// Whether the reference key `key` (a window's key without its first word) names the
    /// same entry as `hits[0]`.
    fn names_same_entry(&self, key: &str, hits: &[Candidate]) -> bool {
        let Some(best) = hits.first() else {
            return false;
        };
        self.cache
            .get(self.kb, key)
            .iter()
            .any(|c| c.link.kb == best.link.kb && c.link.id == best.link.id)
    }

    /// Filters reference hits that the context makes implausible.
    fn hit_acceptable(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        j: usize,
        hit: &Candidate,
        s: SentenceRange,
    ) -> bool {
        let first = &toks[i];
        let single = j == i + 1;
        // "forces irakiennes" is a description even when the reference data lists it as an
        // alias: a plural head plus a nationality names no particular organisation
        if !first.cap
            && self.lex.org_heads.get(&*first.folded) == Some(&OrgHead::NeedsComplement)
            && !toks[i + 1..j].iter().any(|t| is_de(&t.folded) || t.cap)
        {
            return false;
        }
        if hit.label == EntityType::LOC {
            // places need capitalisation ("bar", "orange" are common words), but for a generic
            // landform noun opening a capitalised name ("mer Rouge", "golfe Persique")
            let landform = self.lex.landforms.contains(&*first.folded)
                && toks.get(i + 1).is_some_and(|n| n.name_like);
            if !first.name_like && !landform {
                return false;
            }
            // "La source": the words of a place name are capitalised, particles and
            // adjectives aside ("République démocratique du Congo")
            if toks[i..j].iter().skip(1).any(|t| {
                t.is_word()
                    && !t.name_like
                    && !self.lex.particle_words.contains(&*t.folded)
                    && !self.lex.has_article_prefix(&t.folded)
                    && !is_adjective(&t.folded)
            }) {
                return false;
            }
            let small_place = hit.kind != Some(PlaceKind::Country)
                && hit.kind != Some(PlaceKind::Admin)
                && hit.population < SMALL_PLACE;
            if small_place
                && (self.title_before(toks, i, s).is_some()
                    || self.org_apposition_before(toks, i, s).is_some())
            {
                return false;
            }
            if single {
                if self.lex.stopwords_caps.contains(&*first.folded)
                    || self.lex.person_titles.contains(&*first.folded)
                {
                    return false;
                }
                // a sentence-initial capitalised word that is only a village name is usually a
                // common word ("Durant")
                if first.initial && small_place {
                    return false;
                }
                // or a participle/adjective that happens to be a foreign town's alias ("Situé")
                if first.initial
                    && hit.kind == Some(PlaceKind::City)
                    && self.has_candidates(&first.folded)
                    && is_adjective(&first.folded)
                {
                    return false;
                }
                let after_loc_preposition =
                    i > s.start && self.lex.loc_prepositions.contains(&*toks[i - 1].folded);
                if self.lex.place_stoplist.contains(&*first.folded) && !after_loc_preposition {
                    return false;
                }
                // a first name right before a surname-like place ("Jean Paris") belongs to a person
                if let Some(next) = toks.get(j) {
                    if next.sent == first.sent && next.cap && self.kb.is_first_name(first.text) {
                        return false;
                    }
                }
            }
        }
        if single && first.initial && self.lex.stopwords_caps.contains(&*first.folded) {
            return false;
        }
        true
    }

    /// Organisation built on a head noun: "armée irakienne", "ministère irakien de la Défense",
    /// "forces de sécurité irakiennes", "37e brigade d'infanterie", "Forces démocratiques syriennes".
    fn org_pattern(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange, text: &str) -> Option<Cand> {
        let head = &toks[i];
        let misc = head.cap && self.lex.misc_cap_heads.contains(&*head.folded);
        let head_kind = if misc {
            OrgHead::CapitalisedOnly
        } else {
            *self.lex.org_heads.get(&*head.folded)?
        };
        if !head.cap && head_kind == OrgHead::CapitalisedOnly {
            return None;
        }
        // "l'agence britannique UKMTO", "la chaîne qatarie Al-Jazeera": the name that follows
        // the description is the organisation, not the description.
        if !head.cap
            && self.lex.org_appositions.contains(&*head.folded)
            && self.describes_next_name(toks, i, s)
        {
            return None;
        }
        // "forces armées": the second head is an adjective of the first, which already failed
        if i > s.start && self.lex.org_heads.contains_key(&*toks[i - 1].folded) {
            return None;
        }
        let ordinal = i > s.start && toks[i - 1].is_ordinal();
        let max_complements = if head.cap { 3 } else { 1 };
        let mut j = i + 1;
        // end of the part already justified by an anchor (nationality or capitalised complement)
        let mut end_ok: Option<usize> = None;
        let mut tentative = i + 1;
        let mut pending_noun = false;
        let mut complements = 0;
        let mut adjectives = false;
        let mut evidence = vec![format!("organisation head \"{}\"", head.text)];
        while j < s.end {
            let t = &toks[j];
            if t.is_word() && !t.cap && self.demonyms.get(self.kb, t.text).is_some() {
                // "Unités de mobilisation populaire irakiennes": a nationality after a complement
                // of a capitalised name describes it rather than belonging to it
                if head.cap && complements > 0 {
                    break;
                }
                j += 1;
                tentative = j;
                end_ok = Some(j);
                pending_noun = false;
                evidence.push(format!("nationality \"{}\"", t.text));
                continue;
            }
            if t.is_word() && !t.cap && is_adjective(&t.folded) {
                adjectives = true;
                j += 1;
                tentative = j;
                if !pending_noun && end_ok.is_some() {
                    end_ok = Some(j);
                }
                continue;
            }
            // "Centre de contrôle et de prévention", "opérations de la Djézireh et de la Badiya":
            // coordinated complements (for a lowercase head only after a capitalised one)
            let mut de_at = j;
            if t.folded == "et"
                && complements > 0
                && (head.cap || end_ok == Some(j))
                && toks.get(j + 1).is_some_and(|n| is_de(&n.folded))
            {
                de_at = j + 1;
            }
            if de_at + 1 < s.end && is_de(&toks[de_at].folded) {
                let mut after = de_at + 1;
                if toks[de_at].folded == "de" && matches!(toks[after].folded.as_ref(), "la" | "l'")
                {
                    after += 1;
                }
                if after < s.end {
                    let n = &toks[after];
                    if n.name_like && !self.lex.stopwords_caps.contains(&*n.folded) {
                        let e = self.extend_caps(toks, after, s.end);
                        if self.starts_known_actor(toks, after, e, text) {
                            evidence
                                .push(format!("complement \"{}\" is an actor of its own", n.text));
                            break;
                        }
                        evidence.push(format!(
                            "complement \"{}\"",
                            toks[after..e]
                                .iter()
                                .map(|t| t.text)
                                .collect::<Vec<_>>()
                                .join(" ")
                        ));
                        j = e;
                        tentative = j;
                        end_ok = Some(j);
                        pending_noun = false;
                        complements += 1;
                        continue;
                    }
                    if n.is_word()
                        && !n.cap
                        && complements < max_complements
                        && n.folded.len() >= 3
                        && !self.lex.stopwords_caps.contains(&*n.folded)
                    {
                        // "unités de la police fédérale": the organisation starts at "police"
                        if !head.cap && self.lex.org_heads.contains_key(&*n.folded) {
                            return None;
                        }
                        j = after + 1;
                        tentative = j;
                        pending_noun = true;
                        complements += 1;
                        continue;
                    }
                }
            }
            break;
        }
        let (start, end, rule) = if ordinal {
            (i - 1, tentative, "org-ordinal-unit")
        } else if misc {
            // "la Constitution" alone is the name of a law; at a sentence start it may be a noun
            if head.initial && tentative == i + 1 {
                return None;
            }
            (i, tentative, "misc-capitalised-head")
        } else if head.cap {
            // a bare capitalised head ("Conseil") or one opening a sentence says too little
            if tentative == i + 1 || (head.initial && end_ok.is_none()) {
                return None;
            }
            (i, tentative, "org-capitalised-head")
        } else {
            // "forces irakiennes" is a description; "forces de sécurité irakiennes" a name
            if head_kind == OrgHead::NeedsComplement && complements == 0 && !adjectives {
                return None;
            }
            (i, end_ok?, "org-lowercase-pattern")
        };
        Some(Cand {
            start,
            end,
            label: if misc {
                EntityType::MISC
            } else {
                EntityType::ORG
            },
            strength: STRENGTH_CUE,
            hits: Vec::new(),
            rule,
            evidence,
            weak: false,
            admin_cue: false,
        })
    }

    /// "l'agence X", "la chaîne X", "le site X": a capitalised name right after such a noun is
    /// an organisation, whatever else it could be.
    fn org_apposition_before(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> Option<String> {
        // "l'agence X", and over a nationality or adjective: "l'agence britannique X"
        let mut k = i;
        for _ in 0..=APPOSITION_ADJECTIVES {
            if k <= s.start {
                return None;
            }
            let prev = &toks[k - 1];
            if prev.cap {
                return None;
            }
            if self.lex.org_appositions.contains(&*prev.folded) {
                return Some(prev.text.to_string());
            }
            if !self.is_description_adjective(prev) {
                return None;
            }
            k -= 1;
        }
        None
    }

    /// A lowercase nationality or adjective that may stand between a description noun and a
    /// name ("l'agence *britannique* UKMTO").
    fn is_description_adjective(&self, t: &Tk<'_>) -> bool {
        t.is_word()
            && !t.cap
            && (self.demonyms.get(self.kb, t.text).is_some() || is_adjective(&t.folded))
    }

    /// Whether the description noun at `i`, over at most [`APPOSITION_ADJECTIVES`]
    /// adjectives, stands right before a capitalised name.
    fn describes_next_name(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> bool {
        let mut k = i + 1;
        while k < s.end && k <= i + APPOSITION_ADJECTIVES && self.is_description_adjective(&toks[k])
        {
            k += 1;
        }
        k < s.end && toks[k].name_like && !self.lex.stopwords_caps.contains(&*toks[k].folded)
    }

    /// Whether the capitalised name at `i` is a known organisation or person (it is then its
    /// own mention, not the complement of a descriptive head: "les forces du Hachd").
    fn starts_known_actor(&self, toks: &[Tk<'_>], i: usize, end: usize, text: &str) -> bool {
        let Some(surface) = text.get(toks[i].span.start..toks[end - 1].span.end) else {
            return false;
        };
        self.cache
            .get(self.kb, &self.kb.key(surface))
            .iter()
            .chain(self.cache.get(self.kb, &self.kb.key(toks[i].text)).iter())
            .any(|h| h.label == EntityType::ORG || h.label == EntityType::PER)
    }

    /// "province de X", "gouvernorat d'X": X names an administrative division.
    fn admin_cue_before(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> bool {
        i >= s.start + 2
            && is_de(&toks[i - 1].folded)
            && matches!(
                toks[i - 2].folded.as_ref(),
                "province"
                    | "gouvernorat"
                    | "region"
                    | "departement"
                    | "district"
                    | "canton"
                    | "prefecture"
                    | "etat"
                    | "wilaya"
                    | "oblast"
            )
    }

    /// End (exclusive) of the capitalised sequence starting at `i`, with name particles inside.
    pub fn extend_caps(&self, toks: &[Tk<'_>], i: usize, end: usize) -> usize {
        let mut j = i + 1;
        let mut last = i + 1;
        while j < end {
            let t = &toks[j];
            if t.is_word() && t.name_like && !self.lex.stopwords_caps.contains(&*t.folded) {
                j += 1;
                last = j;
                continue;
            }
            // "Sophie Le Gall", "Marine Le Pen": after a first name, a capitalised article
            // opens the surname
            if t.is_word()
                && t.cap
                && matches!(&*t.folded, "le" | "la")
                && j + 1 < end
                && toks[j + 1].is_word()
                && toks[j + 1].name_like
                && self.kb.is_first_name(toks[j - 1].text)
            {
                j += 2;
                last = j;
                continue;
            }
            if t.is_word() && self.lex.has_article_prefix(&t.folded) {
                // "Hachd al-chaabi": a lowercase attached article continues an Arabic name
                j += 1;
                last = j;
                continue;
            }
            let particle = |t: &Tk<'_>| {
                !t.cap && (self.lex.particle_words.contains(&*t.folded) || t.folded == "d'")
            };
            if particle(t) {
                let mut k = j + 1;
                if k < end && particle(&toks[k]) {
                    k += 1;
                }
                // after a particle even "Nord" or "Mars" is part of the name ("Bouclier du Nord")
                if k < end && toks[k].is_word() && toks[k].name_like {
                    j = k + 1;
                    last = j;
                    continue;
                }
            }
            break;
        }
        last
    }

    /// Two names side by side ("sur Telegram Tymur Tkachenko", "LFI Manuel Bompard"): cut
    /// before an inner first name that follows a non-first-name, and after a leading acronym.
    fn split_sequence(&self, toks: &[Tk<'_>], i: usize, end: usize) -> usize {
        if end - i < 2 {
            return end;
        }
        if toks[i].all_caps && !toks[i + 1].all_caps && toks[i + 1].cap {
            return i + 1;
        }
        if end - i >= 3 {
            for k in i + 1..end - 1 {
                if toks[k].cap
                    && toks[k + 1].cap
                    && self.kb.is_first_name(toks[k].text)
                    && !self.kb.is_first_name(toks[k - 1].text)
                    && toks[k - 1].cap
                {
                    // only when the left part is a name of its own ("Telegram", "LFI")
                    let left = text_of(toks, i, k);
                    if toks[i].all_caps || self.has_candidates(&left) {
                        return k;
                    }
                }
            }
            // "sur Telegram Tymur Tkachenko": a known organisation, then a name of two words
            // or more that the first-name lexicon does not know
            for k in i + 1..=end - 2 {
                let left = text_of(toks, i, k);
                let candidates = self.candidates(&left);
                if !candidates.is_empty()
                    && candidates.iter().all(|c| c.label == EntityType::ORG)
                    && toks[k..end].iter().all(|t| t.is_word() && t.cap)
                    && self.candidates(&text_of(toks, i, end)).is_empty()
                {
                    return k;
                }
            }
        }
        end
    }

    /// Title or role announcing a person just before token `i` ("le général", "M.", "le
    /// maire de la ville, X").
    fn title_before(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> Option<String> {
        if i <= s.start {
            return None;
        }
        let p = i - 1;
        let prev = &toks[p];
        if prev.text == "." && p > s.start && toks[p - 1].folded == "m" {
            return Some("M.".to_string());
        }
        if self.lex.person_titles.contains(&*prev.folded) {
            if p > s.start {
                let two = format!("{} {}", toks[p - 1].folded, prev.folded);
                if self.lex.person_titles.contains(&two) {
                    return Some(two);
                }
            }
            return Some(prev.text.to_string());
        }
        // "le président turc X", "l'opposant sénégalais X", "le président sortant X"
        let mut k = p;
        let mut skipped = 0;
        while k > s.start
            && skipped < 2
            && toks[k].is_word()
            && !toks[k].cap
            && (is_adjective(&toks[k].folded)
                || self.demonyms.get(self.kb, toks[k].text).is_some()
                || toks[k].folded.ends_with("ant"))
        {
            k -= 1;
            skipped += 1;
            if self.lex.person_titles.contains(&*toks[k].folded) && !toks[k].cap {
                return Some(toks[k].text.to_string());
            }
        }
        // "le dauphin de X", "le candidat de l'opposition X": a title, its complement, then the name
        let lower = p.saturating_sub(5).max(s.start);
        if prev.text != "," {
            let mut k = p;
            while k > lower {
                let t = &toks[k];
                if t.breaks_name() || CLAUSE_BREAKERS.contains(&t.folded.as_ref()) {
                    break;
                }
                if !t.cap && k < p && self.lex.person_titles.contains(&*t.folded) {
                    // only "le dauphin de X": "le directeur de l'OMS" names an organisation and
                    // "élu d'Afrique" a place
                    if k + 2 == i
                        && matches!(toks[k + 1].folded.as_ref(), "de" | "d'")
                        && RELATIONAL_TITLES.contains(&t.folded.as_ref())
                    {
                        return Some(t.text.to_string());
                    }
                    break;
                }
                k -= 1;
            }
        }
        if prev.text == "," {
            // apposition: "le chef de l'administration militaire de Kiev, Tymur Tkachenko"
            let lower = p.saturating_sub(12).max(s.start);
            for k in (lower..p).rev() {
                let t = &toks[k];
                if t.breaks_name() {
                    break;
                }
                if (!t.cap || t.initial) && self.lex.person_titles.contains(&*t.folded) {
                    return Some(t.text.to_string());
                }
            }
        }
        None
    }

    /// Types a capitalised sequence `[i, end)` by its context.
    fn type_sequence(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        end: usize,
        s: SentenceRange,
        text: &str,
    ) -> Option<Cand> {
        let first = &toks[i];
        let single = end == i + 1;
        let prev = (i > s.start).then(|| &toks[i - 1]);
        let prev_folded = prev.map(|p| p.folded.as_ref()).unwrap_or("");
        let surface = text.get(first.span.start..toks[end - 1].span.end)?;
        let mut evidence = Vec::new();
        let make = |label, strength, rule, evidence: Vec<String>| {
            Some(Cand {
                start: i,
                end,
                label,
                strength,
                hits: Vec::new(),
                rule,
                evidence,
                weak: false,
                admin_cue: false,
            })
        };
        if single && self.lex.org_heads.contains_key(&*first.folded) && !first.initial {
            // "le Conseil" alone is a short form only if the document named "le Conseil
            // constitutionnel" before; the document pass decides
            let mut c = make(
                EntityType::ORG,
                STRENGTH_DEFAULT,
                RULE_SHORT_FORM,
                vec![format!("capitalised head \"{surface}\" alone")],
            )?;
            c.weak = true;
            return Some(c);
        }
        if single
            && (self.lex.org_heads.contains_key(&*first.folded)
                || self.lex.loc_before_de.contains(&*first.folded)
                || self.lex.loc_whole.contains(&*first.folded))
        {
            // "la Coalition", "le Comité" alone are descriptions
            return None;
        }
        if single && first.text.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return None;
        }
        if !single && toks[i..end].iter().all(|t| t.all_caps || !t.is_word()) {
            // all-caps headline words ("HOMMAGE À"); acronyms come one at a time
            return None;
        }
        // "le député LFI": after a title an acronym is the person's party, not the person
        let acronym = single && first.all_caps;
        if let Some(title) = self.title_before(toks, i, s).filter(|_| !acronym) {
            evidence.push(format!("title \"{title}\" before \"{surface}\""));
            return make(EntityType::PER, STRENGTH_CUE, "person-title", evidence);
        }
        if let Some(noun) = self.org_apposition_before(toks, i, s) {
            evidence.push(format!("after \"{noun}\""));
            return make(EntityType::ORG, STRENGTH_CUE, "org-apposition", evidence);
        }
        if let Some(w) = toks[i..end]
            .iter()
            .find(|t| self.lex.org_tails.contains(&*t.folded))
        {
            evidence.push(format!("organisation word \"{}\"", w.text));
            return make(EntityType::ORG, STRENGTH_CUE, "org-word", evidence);
        }
        if self.lex.misc_heads.contains(prev_folded) {
            evidence.push(format!("after \"{prev_folded}\""));
            return make(EntityType::MISC, STRENGTH_CUE, "misc-head", evidence);
        }
        if is_de(prev_folded) && i >= s.start + 2 {
            let head = &toks[i - 2];
            if self.lex.loc_before_de.contains(&*head.folded) {
                evidence.push(format!("place cue \"{} {}\"", head.text, prev_folded));
                let mut c = make(EntityType::LOC, STRENGTH_CUE, "place-cue", evidence)?;
                c.admin_cue = self.admin_cue_before(toks, i, s);
                return Some(c);
            }
        }
        if single
            && first.cap
            && (self.lex.peoples.contains(&*first.folded)
                || self.demonyms.get(self.kb, first.text).is_some())
        {
            evidence.push("nationality or people used as a noun".to_string());
            return make(EntityType::MISC, STRENGTH_CUE, "people-noun", evidence);
        }
        if !single && self.kb.is_first_name(first.text) {
            evidence.push(format!("first name \"{}\"", first.text));
            return make(EntityType::PER, STRENGTH_LEXICON, "first-name", evidence);
        }
        if single && first.all_caps && first.text.chars().count() > 5 {
            // a long all-caps word the reference does not know is a shouted common word
            // ("HOMMAGE", "EXCLUSIF"), not an acronym
            return None;
        }
        if single && first.all_caps {
            evidence.push("acronym".to_string());
            return make(EntityType::ORG, STRENGTH_LEXICON, "acronym", evidence);
        }
        if single && first.name_like && !first.cap {
            evidence.push("Arabic article before a capitalised word".to_string());
            return make(
                EntityType::LOC,
                STRENGTH_LEXICON,
                "arabic-article-place",
                evidence,
            );
        }
        if self.lex.loc_prepositions.contains(prev_folded) {
            evidence.push(format!("after \"{prev_folded}\""));
            return make(
                EntityType::LOC,
                STRENGTH_LEXICON,
                "place-preposition",
                evidence,
            );
        }
        let last = &toks[end - 1];
        if self.kb.is_surname(last.text) {
            evidence.push(format!("surname \"{}\"", last.text));
            let mut c = make(EntityType::PER, STRENGTH_LEXICON, "surname", evidence)?;
            // many surnames are also common words: a sentence-initial one needs confirmation
            c.weak = single && first.initial;
            return Some(c);
        }
        if !single {
            let has_de = toks[i..end].iter().any(|t| is_de(&t.folded));
            if has_de {
                evidence.push("multi-word name with \"de\"".to_string());
                return make(EntityType::ORG, STRENGTH_DEFAULT, "default-org", evidence);
            }
            if self.kb.is_first_name(first.text) || self.kb.is_surname(last.text) {
                evidence.push("multi-word name of name-lexicon words".to_string());
                return make(
                    EntityType::PER,
                    STRENGTH_DEFAULT,
                    "default-person",
                    evidence,
                );
            }
            // An unknown name of several capitalised words with no cue is most often a person
            // whose first name the lexicon lacks ("Aliou Mamadou Dia", "Senny Mayulu"): places
            // come with a preposition or a cue ("à Tell Abyad", "localité de X"), checked above.
            evidence
                .push("multi-word capitalised name without place or organisation cue".to_string());
            return make(
                EntityType::PER,
                STRENGTH_DEFAULT,
                "default-person-unknown",
                evidence,
            );
        }
        let determiner = matches!(
            prev_folded,
            "le" | "la" | "l'" | "les" | "du" | "au" | "aux"
        );
        if first.all_caps && first.text.chars().count() > 5 {
            // a long all-caps word is a shouted common word, not an acronym
            return None;
        }
        let mut c = if determiner {
            // rivers, regions and continents take the article ("l'Euphrate", "la Méditerranée")
            evidence.push(format!("after determiner \"{prev_folded}\""));
            make(EntityType::LOC, STRENGTH_DEFAULT, "default-place", evidence)?
        } else {
            evidence.push("single capitalised word".to_string());
            make(
                EntityType::LOC,
                STRENGTH_DEFAULT,
                "default-single",
                evidence,
            )?
        };
        c.weak = first.initial;
        Some(c)
    }
}

/// Words of `toks[a..b]` joined by spaces (for reference lookups of a sub-sequence).
fn text_of(toks: &[Tk<'_>], a: usize, b: usize) -> String {
    toks[a..b]
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lowercase word with a typical French adjective ending (agreeing forms included).
/// A site's address with no scheme and no path ("vie-publique.fr", "www.lemonde.fr"): it
/// names the site. Full links, paths and e-mail addresses point to pages, not outlets.
fn is_bare_web_address(text: &str) -> bool {
    let host = text.strip_prefix("www.").unwrap_or(text);
    host.contains('.')
        && !host.contains(['/', '@', ':'])
        && host.bytes().any(|b| b.is_ascii_alphabetic())
}

pub fn is_adjective(folded: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ale", "ales", "al", "aux", "ique", "iques", "ien", "ienne", "iens", "iennes", "aire",
        "aires", "ee", "ees", "ive", "ives", "if", "ifs", "elle", "elles", "el", "els", "ais",
        "aise", "aises", "ain", "aine", "ains", "aines", "iste", "istes", "ier", "iere", "iers",
        "ieres", "eure", "eures",
    ];
    const NOT: &[&str] = &[
        "mais",
        "jamais",
        "desormais",
        "frais",
        "pres",
        "apres",
        "entree",
        "armee",
        "annee",
        "journee",
        "soiree",
        "arrivee",
        "idee",
        "lieutenant",
        "demain",
        "main",
        "certain",
        "certaine",
        "certains",
        "certaines",
        "quel",
        "tel",
        "telle",
        "elle",
        "elles",
        "chaque",
        "lequel",
        "laquelle",
        "auquel",
        "duquel",
        "hier",
        "premier",
        "derniere",
        "dernier",
        "pays",
        "avait",
        "etais",
        "vais",
        "fais",
    ];
    folded.len() >= 4 && !NOT.contains(&folded) && ENDINGS.iter().any(|e| folded.ends_with(e))
}
