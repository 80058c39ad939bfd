//! Sentence-level recognition of entity mentions over the token view.
//!
//! At each token, in order of preference: an organisation pattern built on a head noun
//! ("armée irakienne", "Forces démocratiques syriennes"), the longest reference-data match
//! over a bounded token window, or a capitalised proper-noun sequence typed by contextual cues.
//! Everything is hash lookups on precomputed folded keys; no regular expressions.

use std::cell::RefCell;

use recoupe_model::{EntityType, TokenKind};
use recoupe_tagger::Upos;

use crate::cache::{CandidateCache, DemonymCache};
use crate::knowledge::{Candidate, Knowledge};
use crate::lexicon::Lexicon;
use crate::tokens::{SentenceRange, Tk};

mod acronyms;
mod locations;
mod lookup;
mod misc;
mod organisations;
mod persons;
mod teams;
mod typing;
mod words;

pub use acronyms::RULE_DEFINED_ACRONYM;

use words::{is_bare_web_address, text_of};

/// How much a type decision is worth when mentions of the same name disagree.
pub const STRENGTH_KB: u8 = 4;
pub const STRENGTH_CUE: u8 = 3;
pub const STRENGTH_LEXICON: u8 = 2;
pub const STRENGTH_DEFAULT: u8 = 1;
/// A city this large after "ministre de" is the minister's jurisdiction ("ministre de
/// Paris"), not a portfolio.
pub(crate) const TRUSTED_CITY_POPULATION: u64 = 100_000;
/// How many adjectives may stand between a description noun and the name it introduces.
pub(crate) const APPOSITION_ADJECTIVES: usize = 2;

/// Places below this population lose against contrary cues (titles, "l'agence X"): GeoNames
/// holds villages named like surnames and common words.
pub(crate) const SMALL_PLACE: u64 = 20_000;

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
    /// Part-of-speech tags of the sentence last asked about, by the start of that sentence;
    /// computed only when and as far as a rule needs a tag (most sentences never do).
    pub tags: RefCell<(Option<usize>, recoupe_tagger::Prefix)>,
}

/// Rule name of a lone capitalised organisation head, kept only as the short form of a
/// longer name of the same document.
pub const RULE_SHORT_FORM: &str = "org-short-form";

/// Rule name of a name of several unknown capitalised words typed a person for want of any
/// cue: coordination with a place overrides it.
pub const RULE_DEFAULT_PERSON_UNKNOWN: &str = "default-person-unknown";

impl Recogniser<'_> {
    /// The tagger's part of speech for token `i` of sentence `s`. The sentence is tagged
    /// left to right only as far as a rule has asked (most ask about its first words).
    pub(crate) fn upos(&self, toks: &[Tk<'_>], s: SentenceRange, i: usize) -> Upos {
        let mut cache = self.tags.borrow_mut();
        let (start, prefix) = &mut *cache;
        if *start != Some(s.start) {
            prefix.start(s.end - s.start);
            *start = Some(s.start);
        }
        let tag = recoupe_tagger::Tagger::embedded().tag_at(prefix, i - s.start, |k| {
            let text = toks[s.start + k].text;
            // the model was trained on straight apostrophes ("l'", not "l’")
            if text.contains('’') {
                std::borrow::Cow::Owned(text.replace('’', "'"))
            } else {
                std::borrow::Cow::Borrowed(text)
            }
        });
        tag.unwrap_or(Upos::X)
    }

    /// Whether the capitalised word at `k` is a noun or adjective to the tagger
    /// ("l'Intérieur", "les Affaires étrangères"), not a function word ("Selon", "Dans").
    pub(crate) fn capitalised_noun(&self, toks: &[Tk<'_>], s: SentenceRange, k: usize) -> bool {
        toks[k].cap && matches!(self.upos(toks, s, k), Upos::Noun | Upos::Propn | Upos::Adj)
    }

    /// Reference entries of a surface form ([`Knowledge::candidates`], through the cache).
    pub(super) fn candidates(&self, surface: &str) -> Vec<Candidate> {
        self.cache.get(self.kb, &self.kb.key(surface)).to_vec()
    }

    /// Whether a surface form has any reference entry.
    pub(super) fn has_candidates(&self, surface: &str) -> bool {
        !self.cache.get(self.kb, &self.kb.key(surface)).is_empty()
    }

    /// All mentions of one sentence, non-overlapping, in text order.
    pub fn sentence(&self, toks: &[Tk<'_>], s: SentenceRange, text: &str, out: &mut Vec<Cand>) {
        let first = out.len();
        self.sentence_mentions(toks, s, text, out);
        for c in &mut out[first..] {
            self.extend_by_year(toks, s, c);
            if c.label == EntityType::PER {
                self.trim_leading_title(toks, c);
                extend_by_initial(toks, s, c);
            }
            if c.label == EntityType::LOC {
                extend_by_district(toks, s, c);
                self.contracted_article(toks, c, text);
            }
        }
        self.acronym_long_forms(toks, s, out, first);
        self.names_up_to_acronym(toks, s, out, first);
        self.join_name_suffixes(toks, s, out, first);
        acronym_of_place(toks, s, out, first);
        affiliations_in_parentheses(toks, out, first);
        agency_of_dateline(toks, s, out, first);
    }

    /// "le Roi Mohammed VI", "l'avocat Maître Lurquin", "du réalisateur Japonais X": a
    /// capitalised title or nationality opening a person's span is no part of the name
    /// (a first name spelled like one, "Romain", stays).
    fn trim_leading_title(&self, toks: &[Tk<'_>], c: &mut Cand) {
        if c.end < c.start + 2 {
            return;
        }
        let t = &toks[c.start];
        let next = &toks[c.start + 1];
        if !t.cap || t.all_caps || !next.is_word() || !next.name_like || next.all_caps {
            return;
        }
        if self.kb.is_first_name(t.text) {
            return;
        }
        let title = self.lex.person_titles.contains(&*t.folded);
        let nationality = !title
            && (self.lex.peoples.contains(&*t.folded)
                || self.demonyms.get(self.kb, t.text).is_some());
        if !title && !nationality {
            return;
        }
        c.start += 1;
        let hits = self.candidates(&text_of(toks, c.start, c.end));
        if !hits.is_empty() {
            c.hits = hits;
        }
        c.evidence.push(format!(
            "{} \"{}\" before the name left out",
            if title { "title" } else { "nationality" },
            t.text
        ));
    }

    /// The mentions of one sentence found token by token, before the acronym pass.
    fn sentence_mentions(
        &self,
        toks: &[Tk<'_>],
        s: SentenceRange,
        text: &str,
        out: &mut Vec<Cand>,
    ) {
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
            if t.kind == TokenKind::Ordinal {
                // "la Ve République"
                if let Some(c) = self.misc_pattern(toks, i, s) {
                    i = c.end;
                    out.push(c);
                    continue;
                }
            }
            if let Some(c) = self.greater_region(toks, i, s) {
                i = c.end;
                out.push(c);
                continue;
            }
            if !t.is_word() {
                i += 1;
                continue;
            }
            if let Some(c) = self.road(toks, i, s) {
                i = c.end;
                out.push(c);
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
                // "le ministre de l'Intérieur Gérald Darmanin", "des Mines Alpha Oumar X": a
                // first name, or a word before one, after the portfolio opens the
                // minister's own name
                let end = self.extend_caps(toks, i, s.end);
                let name = (i + 1..end).find(|&k| {
                    self.kb.is_first_name(toks[k].text)
                        || (k + 2 < end && self.kb.is_first_name(toks[k + 1].text))
                });
                if let Some(k) = name {
                    out.push(Cand {
                        start: k,
                        end,
                        label: EntityType::PER,
                        strength: STRENGTH_CUE,
                        hits: self.candidates(&text_of(toks, k, end)),
                        rule: "name-after-portfolio",
                        evidence: vec![format!(
                            "name \"{}\" after the portfolio \"{}\"",
                            text_of(toks, k, end),
                            text_of(toks, i, k)
                        )],
                        weak: false,
                        admin_cue: false,
                    });
                }
                i = end;
                continue;
            }
            // "le Belge Kobe Vandamme", "la Française Anne Martin": a nationality noun with
            // its article before a name is a MISC of its own, and the name a person
            if let Some(found) = self.nationality_before_name(toks, i, s) {
                i = found.last().map_or(i + 1, |c| c.end);
                out.extend(found);
                continue;
            }
            if let Some(c) = self.misc_pattern(toks, i, s) {
                i = c.end;
                out.push(c);
                continue;
            }
            if let Some(c) = self.compass_region(toks, i, s) {
                i = c.end;
                out.push(c);
                continue;
            }
            if let Some(c) = self.union_branch(toks, i, s) {
                i = c.end;
                out.push(c);
                continue;
            }
            if let Some(c) = self.diplomatic_post(toks, i, s) {
                i = c.end;
                out.push(c);
                continue;
            }
            if let Some(c) = self.police_prefecture(toks, i, s) {
                i = c.end;
                out.push(c);
                continue;
            }
            if let Some(c) = self.prefecture_of_department(toks, i, s) {
                i = c.end;
                out.push(c);
                continue;
            }
            if let Some(c) = self.place_whole_pattern(toks, i, s) {
                i = c.end;
                out.push(c);
                continue;
            }
            // "les shebab", "contre les talibans": an armed group the reference writes in
            // lowercase (not as an adjective after a noun: "le régime taliban")
            if !t.cap && t.text.len() >= 4 {
                if let Some(hit) = self.kb.lowercase_group(t.text) {
                    let after_noun = i > s.start
                        && toks[i - 1].is_word()
                        && !toks[i - 1].cap
                        && !self.lex.org_appositions.contains(&*toks[i - 1].folded)
                        && self.upos(toks, s, i - 1) == Upos::Noun;
                    if !after_noun {
                        out.push(Cand {
                            start: i,
                            end: i + 1,
                            label: EntityType::ORG,
                            strength: STRENGTH_LEXICON,
                            hits: vec![hit],
                            rule: "lowercase-group",
                            evidence: vec![format!(
                                "armed group written \"{}\" in the reference",
                                t.text
                            )],
                            weak: false,
                            admin_cue: false,
                        });
                        i += 1;
                        continue;
                    }
                }
            }
            let org = self.org_pattern(toks, i, s, text);
            let mut kb = if t.name_like || org.is_some() || self.lowercase_start_allowed(t) {
                self.kb_window(toks, i, s, text)
            } else {
                None
            };
            // "La Côte d'Ivoire a…", "Le Centre national de la recherche…": a sentence's
            // capitalised article opening a reference name ("La Côte", "Le Centre") yields
            // to a longer name that starts right after it
            if t.initial
                && org.is_none()
                && matches!(&*t.folded, "le" | "la" | "les" | "l'")
                && kb.as_ref().is_some_and(|k| k.end > i + 1)
            {
                let inner = kb.as_ref().map_or(i, |k| k.end);
                let longer = self
                    .kb_window(toks, i + 1, s, text)
                    .map(|k| k.end)
                    .into_iter()
                    .chain(self.org_pattern(toks, i + 1, s, text).map(|o| o.end))
                    .any(|e| e > inner);
                if longer {
                    kb = None;
                }
            }
            let best = match (org, kb) {
                (Some(o), Some(k)) => Some(if o.end > k.end { o } else { k }),
                (o, k) => o.or(k),
            };
            if let Some(mut c) = best {
                // A place name opening a longer capitalised name ("Jordan Bardella", "Washington
                // Post") yields to that name when cues type it otherwise.
                if c.label == EntityType::LOC && t.name_like {
                    let caps_end = self.extend_caps(toks, i, s.end);
                    // "Yaoundé VI": a Roman number after a town is one of its districts
                    // (extend_by_district), not the regnal number of a person
                    let district = caps_end == c.end + 1
                        && !c.hits.is_empty()
                        && is_bare_roman(toks[c.end].text);
                    if caps_end > c.end && !district {
                        if let Some(alt) = self.type_sequence(toks, i, caps_end, s, text) {
                            // "Tizi n'Test": a particle of another language than French
                            // joins the place name to the word after it
                            let foreign_particle = toks[c.end..caps_end].iter().any(|p| {
                                !p.cap
                                    && self.lex.particle_words.contains(&*p.folded)
                                    && !matches!(
                                        &*p.folded,
                                        "de" | "du" | "des" | "d'" | "la" | "of"
                                    )
                            });
                            if foreign_particle {
                                c.end = caps_end;
                                c.hits = self.candidates(&text_of(toks, i, caps_end));
                                c.evidence
                                    .push("place name joined by a particle".to_string());
                            } else if alt.label != EntityType::LOC
                                && alt.strength >= STRENGTH_LEXICON
                            {
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
            // "Suivent Neuchâtel (78 %)", "Massacre de Kisima-Ruwe :": a verb, an adverb or a
            // place-cue noun opening a sentence is capitalised only by its position
            if t.initial
                && caps_end > i + 1
                && (self.lex.loc_before_de.contains(&*t.folded)
                    || self.topic_noun_before_known_name(toks, s, i, caps_end)
                    || !self.kb.is_first_name(t.text)
                        && matches!(
                            self.upos(toks, s, i),
                            Upos::Verb
                                | Upos::Aux
                                | Upos::Adv
                                | Upos::Adp
                                | Upos::Det
                                | Upos::Pron
                                | Upos::Cconj
                                | Upos::Sconj
                                | Upos::Num
                        ))
            {
                i += 1;
                continue;
            }
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

    /// "Accident d'Édéa : …", "Inondations de Valence : …": a common noun opening a
    /// sentence before "de" and a name the reference knows is the topic of a headline, not
    /// the first word of an organisation (heads of organisations, events and facilities
    /// keep their names: "Banque de France", "Coupe de France", "Stade de France").
    fn topic_noun_before_known_name(
        &self,
        toks: &[Tk<'_>],
        s: SentenceRange,
        i: usize,
        caps_end: usize,
    ) -> bool {
        let t = &toks[i];
        let lex = self.lex;
        caps_end > i + 2
            && words::is_de(&toks[i + 1].folded)
            && !lex.org_heads.contains_key(&*t.folded)
            && !lex.misc_cap_heads.contains(&*t.folded)
            && !lex.loc_whole.contains(&*t.folded)
            && !lex.loc_named.contains(&*t.folded)
            && !lex.admin_cues.contains(&*t.folded)
            && self.upos(toks, s, i) == Upos::Noun
            && (self.headline_topic(toks, i, caps_end)
                || self
                    .candidates(&text_of(toks, i + 2, caps_end))
                    .iter()
                    .any(|h| h.label == EntityType::LOC))
    }

    /// Whether "Noun de Name" at `[i, caps_end)` has a headline's shape: it opens the text
    /// (a title: "Attaque de Lotiliang", "Mort de X, …") or a colon follows it ("Grève de la
    /// Synatee : …"). There the noun is the topic whatever the name after it is (a person, an
    /// acronym, a village the reference lacks), as it is before a known place.
    fn headline_topic(&self, toks: &[Tk<'_>], i: usize, caps_end: usize) -> bool {
        toks[i].span.start == 0 || toks.get(caps_end).is_some_and(|t| t.text == ":")
    }

    /// End (exclusive) of the capitalised sequence starting at `i`, with name particles inside.
    pub fn extend_caps(&self, toks: &[Tk<'_>], i: usize, end: usize) -> usize {
        let mut j = i + 1;
        let mut last = i + 1;
        while j < end {
            let t = &toks[j];
            // "Facebook M. Dupont": a courtesy title opens another name
            if is_courtesy_title(toks, j) {
                break;
            }
            // a word kept out of names on its own ("Matin") still ends a title after a name
            // ("Douala Matin")
            if t.is_word()
                && t.name_like
                && (!self.lex.stopwords_caps.contains(&*t.folded)
                    || self.lex.org_tails.contains(&*t.folded))
            {
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
            // "Valmont & Fils", "Dupuis & Associés": an ampersand joins the names of a firm
            if t.text == "&" && j + 1 < end && toks[j + 1].is_word() && toks[j + 1].cap {
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
}

/// Whether token `k` is a courtesy title written before a surname: "M." (its period glued),
/// "MM.", "Mme", "Mmes", "Mlle".
fn is_courtesy_title(toks: &[Tk<'_>], k: usize) -> bool {
    let Some(t) = toks.get(k) else {
        return false;
    };
    t.cap
        && match &*t.folded {
            "m" | "mm" => toks
                .get(k + 1)
                .is_some_and(|d| d.text == "." && d.span.start == t.span.end),
            "mme" | "mmes" | "mlle" | "mlles" => true,
            _ => false,
        }
}

/// "Thibault Mercier (Valmont-Astéria)", "Anne Roux (Renaissance)": a name in parentheses
/// right after a person's name, which no reference entry knows and only defaults typed, is
/// the team, party or employer the person belongs to, an organisation ("(Gironde)", a place
/// the reference knows, stays a place).
fn affiliations_in_parentheses(toks: &[Tk<'_>], out: &mut [Cand], first: usize) {
    for k in first.max(1)..out.len() {
        let (before, rest) = out.split_at_mut(k);
        let (a, b) = (&before[k - 1], &mut rest[0]);
        let parenthesised = a.label == EntityType::PER
            && b.start == a.end + 1
            && toks[a.end].text == "("
            && toks.get(b.end).is_some_and(|t| t.text == ")");
        if parenthesised
            && b.hits.is_empty()
            && b.strength <= STRENGTH_LEXICON
            && b.label != EntityType::ORG
        {
            b.label = EntityType::ORG;
            b.strength = STRENGTH_CUE;
            b.weak = false;
            b.evidence
                .push("in parentheses after a person: the person's affiliation".to_string());
        }
    }
}

/// "la PJF de Liège", "l'APC de Souk El Tenine", "la FDSEA du Finistère": an organisation's
/// acronym with "de" and a place names its branch or body there, one organisation with the
/// place (the place is not a mention of its own inside it).
fn acronym_of_place(toks: &[Tk<'_>], s: SentenceRange, out: &mut Vec<Cand>, first: usize) {
    let mut k = first;
    while k + 1 < out.len() {
        let (a, b) = (&out[k], &out[k + 1]);
        let acronym = a.label == EntityType::ORG
            && a.end == a.start + 1
            && toks[a.start].all_caps
            && toks[a.start].text.chars().count() >= 2;
        let mut at = a.end;
        if acronym && at < s.end && is_de_word(&toks[at]) {
            at += 1;
            if toks[at - 1].folded == "de" && at < s.end && matches!(&*toks[at].folded, "la" | "l'")
            {
                at += 1;
            }
        }
        // a named place, not a facility described by a lowercase noun ("l'AIEA de
        // l'installation de X": the agency's staff at the site)
        if acronym && at > a.end && b.start == at && b.label == EntityType::LOC && toks[b.start].cap
        {
            let place = text_of(toks, b.start, b.end);
            let end = b.end;
            let c = &mut out[k];
            c.end = end;
            c.hits.clear();
            c.evidence
                .push(format!("branch of the acronym in the place \"{place}\""));
            out.remove(k + 1);
        }
        k += 1;
    }
}

/// "de" and its contracted forms ("dès", which folds alike, aside).
fn is_de_word(t: &Tk<'_>) -> bool {
    matches!(&*t.folded, "de" | "du" | "d'") || t.text == "des"
}

/// "Bamako, 8 septembre 2026 (SD) - …", "DAKAR (APS) – …": an acronym in parentheses
/// right before the dash that opens a dispatch is the news agency signing it, an
/// organisation whatever else the letters spell (a country code, a place) — but for the
/// short form of a country's name French writes in a dateline's parentheses after a town
/// ("Bunia (RDC) –", "Bangui (RCA) –": three letters or more naming a country).
fn agency_of_dateline(toks: &[Tk<'_>], s: SentenceRange, out: &mut [Cand], first: usize) {
    for c in &mut out[first..] {
        let signed = c.end == c.start + 1
            && toks[c.start].all_caps
            && c.start > s.start
            && toks[c.start - 1].text == "("
            && toks.get(c.end).is_some_and(|t| t.text == ")")
            && toks
                .get(c.end + 1)
                .is_some_and(|t| c.end + 1 < s.end && matches!(t.text, "-" | "–" | "—"))
            // asked last: only an acronym in a dateline's parentheses is looked at
            && !(toks[c.start].text.chars().count() >= 3
                && c.hits.iter().any(|h| h.link.kb == "country"));
        if signed {
            c.label = EntityType::ORG;
            c.strength = STRENGTH_KB;
            c.hits.retain(|h| h.label == EntityType::ORG);
            c.weak = false;
            c.rule = "dateline-agency";
            c.evidence
                .push("acronym in parentheses before the dash of a dateline".to_string());
        }
    }
}

/// Compass words that end the name of a regional branch ("Horizons Est", "Radio Nord").
const COMPASS_SUFFIXES: &[&str] = &["nord", "sud", "est", "ouest"];

impl Recogniser<'_> {
    /// Whether what follows a number after an acronym ends the name there ("(FDSEA 35)",
    /// "la FDSEA 35, Marie X", "la FDSEA 35 a appelé"), rather than the number counting
    /// something, said or left out ("l'UDC 26 sièges", "le PS 34 sièges et l'UDC 26, selon…").
    fn branch_number_ends_name(&self, toks: &[Tk<'_>], s: SentenceRange, after: usize) -> bool {
        let Some(w) = toks.get(after).filter(|_| after < s.end) else {
            return false;
        };
        match w.text {
            ")" => true,
            "," => toks
                .get(after + 1)
                .is_some_and(|n| after + 1 < s.end && n.is_word() && n.cap),
            _ => {
                w.is_word() && !w.cap && matches!(self.upos(toks, s, after), Upos::Verb | Upos::Aux)
            }
        }
    }

    /// "Horizons Est": a capitalised compass word right after an organisation names its
    /// regional branch and belongs to it. "FDSEA 35": a département number right after an
    /// acronym names its branch in that département (not "la CGT 35 salariés": a noun after the
    /// number is what it counts).
    fn join_name_suffixes(
        &self,
        toks: &[Tk<'_>],
        s: SentenceRange,
        out: &mut Vec<Cand>,
        first: usize,
    ) {
        let mut k = first;
        while k < out.len() {
            if out[k].label != EntityType::ORG {
                k += 1;
                continue;
            }
            let end = out[k].end;
            let Some(next) = toks.get(end).filter(|_| end < s.end) else {
                k += 1;
                continue;
            };
            let glued = toks[end - 1].span.end < next.span.start;
            if next.is_word() && next.cap && COMPASS_SUFFIXES.contains(&&*next.folded) && glued {
                out[k].end = end + 1;
                out[k]
                    .evidence
                    .push(format!("regional branch \"{}\"", next.text));
                if out.get(k + 1).is_some_and(|c| c.start == end) {
                    out.remove(k + 1);
                }
            } else if next.kind == TokenKind::Number
                && out[k].end == out[k].start + 1
                && toks[out[k].start].all_caps
                && next.text.len() == 2
                && next.text.bytes().all(|b| b.is_ascii_digit())
                && self.branch_number_ends_name(toks, s, end + 1)
            {
                out[k].end = end + 1;
                out[k]
                    .evidence
                    .push(format!("branch of the département \"{}\"", next.text));
            }
            k += 1;
        }
    }
}

/// "Douala IVe", "Yaoundé Ier": a town followed by a Roman ordinal names one of its numbered
/// districts, a place of its own.
fn extend_by_district(toks: &[Tk<'_>], s: SentenceRange, c: &mut Cand) {
    let Some(t) = toks.get(c.end).filter(|_| c.end < s.end) else {
        return;
    };
    let roman = t
        .text
        .strip_suffix("er")
        .or_else(|| t.text.strip_suffix('e'))
        .is_some_and(|r| !r.is_empty() && r.chars().all(|ch| matches!(ch, 'I' | 'V' | 'X')));
    let bare = t.is_word() && !c.hits.is_empty() && is_bare_roman(t.text);
    if (t.kind == TokenKind::Ordinal && roman) || bare {
        c.end += 1;
        c.evidence.push(format!("numbered district \"{}\"", t.text));
    }
}

/// "VI", "II", "XIV": a Roman number written without an ordinal ending.
pub(super) fn is_bare_roman(w: &str) -> bool {
    (1..=4).contains(&w.len()) && w.chars().all(|ch| matches!(ch, 'I' | 'V' | 'X'))
}

/// Whether token `k` is a one-letter capital with its period glued to it ("V." of
/// "Jérôme V."): an initial standing for a withheld surname.
fn initial_at(toks: &[Tk<'_>], s: SentenceRange, k: usize) -> bool {
    let (Some(letter), Some(dot)) = (toks.get(k), toks.get(k + 1)) else {
        return false;
    };
    k + 1 < s.end
        && letter.is_word()
        && letter.cap
        && letter.text.chars().count() == 1
        && dot.text == "."
        && dot.span.start == letter.span.end
}

/// "Jérôme V.", "Charly A.": court and crime reports withhold surnames and write their
/// initial; the initial with its period belongs to the person's name.
fn extend_by_initial(toks: &[Tk<'_>], s: SentenceRange, c: &mut Cand) {
    // the surname initial already in the span, its period just after
    if c.end >= 1 && c.end - 1 > c.start && initial_at(toks, s, c.end - 1) {
        c.end += 1;
        c.evidence.push("initial of the surname".to_string());
    } else if initial_at(toks, s, c.end) && toks[c.end].span.start > toks[c.end - 1].span.end {
        c.end += 2;
        c.evidence.push("initial of the surname".to_string());
    }
}
