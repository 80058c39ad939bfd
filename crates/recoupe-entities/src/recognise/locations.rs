//! Place cues: facilities and landforms whose whole phrase is the place ("aéroport de
//! Bagdad", "vallée de l'Euphrate", "mosquée Saheb al-Zaman") and the nouns announcing an
//! administrative division ("province de X").

use recoupe_model::{EntityType, PlaceKind, TokenKind};
use recoupe_tagger::Upos;

use super::words::{is_de, text_of};
use super::{Cand, Recogniser, STRENGTH_CUE, STRENGTH_KB};
use crate::tokens::{SentenceRange, Tk};

/// Adjectives a facility noun may take before its "de" complement ("aéroport
/// *international* de Damas", "centrale *nucléaire* de Zaporijjia").
const FACILITY_ADJECTIVES: usize = 2;

/// Possessive determiners: "son usine", "leur site" describe an owner's site.
const POSSESSIVES: &[&str] = &[
    "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes",
];

/// How many words back a pronoun ("celle de X") looks for the noun it stands for.
const ANAPHOR_REACH: usize = 16;

/// Words after which a road code is a road ("la RN3", "l'A-86", "l'autoroute A1").
const BEFORE_ROAD_CODE: &[&str] = &["l'", "la", "autoroute", "route"];

impl Recogniser<'_> {
    /// A numbered road: "route nationale 3", "la nationale 3", "la route nationale n° 2"
    /// (the phrase with its number), "la RN3", "la RN 7", "l'A-86", "l'autoroute A1" (the
    /// code). Kinds and codes are the `road-kinds` and `road-codes` of `loc_cues.txt`.
    pub(super) fn road(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> Option<Cand> {
        let t = &toks[i];
        let prev = (i > s.start).then(|| &*toks[i - 1].folded);
        let make = |end: usize, evidence: String| Cand {
            start: i,
            end,
            label: EntityType::LOC,
            strength: STRENGTH_CUE,
            hits: Vec::new(),
            rule: "road",
            evidence: vec![evidence],
            weak: false,
            admin_cue: false,
        };
        // "route nationale 3", "la nationale 3"
        let kind_at = if t.folded == "route" {
            Some(i + 1)
        } else if matches!(prev, Some("la" | "l'")) {
            Some(i)
        } else {
            None
        };
        if let Some(k) = kind_at.filter(|&k| {
            k < s.end && !toks[k].cap && self.lex.road_kinds.contains(&*toks[k].folded)
        }) {
            let mut j = k + 1;
            // "n° 2", "N°1", "no 2"
            if j + 1 < s.end && matches!(&*toks[j].folded, "n" | "no") && toks[j + 1].text == "°" {
                j += 2;
            } else if j < s.end && toks[j].folded == "no" {
                j += 1;
            }
            if j < s.end && toks[j].kind == TokenKind::Number {
                return Some(make(j + 1, format!("numbered road \"{}\"", toks[k].text)));
            }
            return None;
        }
        // "RN3", "A-86", "RN 7" after an article or "autoroute"
        if !t.cap || !prev.is_some_and(|p| BEFORE_ROAD_CODE.contains(&p)) {
            return None;
        }
        let letters: String = t
            .text
            .chars()
            .take_while(|c| c.is_ascii_uppercase())
            .collect();
        let rest = t.text[letters.len()..].trim_start_matches('-');
        if letters.is_empty() || !self.lex.road_codes.contains(&letters.to_ascii_lowercase()) {
            return None;
        }
        // "l'A320" is an aircraft: a motorway number has at most two digits unless
        // "autoroute" precedes
        let longest = if letters == "A" && prev != Some("autoroute") {
            2
        } else {
            4
        };
        let glued =
            !rest.is_empty() && rest.len() <= longest && rest.bytes().all(|b| b.is_ascii_digit());
        if glued {
            return Some(make(i + 1, format!("road code \"{}\"", t.text)));
        }
        let number_after = rest.is_empty()
            && letters.len() >= 2
            && i + 1 < s.end
            && toks[i + 1].kind == TokenKind::Number
            && toks[i + 1].text.len() <= 4
            && toks[i + 1].text.bytes().all(|b| b.is_ascii_digit());
        number_after.then(|| {
            make(
                i + 2,
                format!("road code \"{} {}\"", t.text, toks[i + 1].text),
            )
        })
    }

    /// Named facility or landform whose whole phrase is the place: "vallée de l'Euphrate",
    /// "aéroport international de Damas", "camp de réfugiés de Zam Zam" (head, adjectives or
    /// one lowercase noun complement, "de", capitalised name), or a head followed by its name
    /// directly ("mosquée Saheb al-Zaman", "tour Eiffel").
    pub(super) fn place_whole_pattern(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
    ) -> Option<Cand> {
        let head = &toks[i];
        // "la marche du collectif" is a walk, "le marché de X" a market: folding the accent
        // away must not make one the other
        if head.folded == "marche" && !head.text.to_lowercase().starts_with("marché") {
            return None;
        }
        // "le Stade de France": a capitalised head inside a sentence is part of a proper name
        let proper_head = head.cap && !head.initial;
        // "centre hospitalier régional de X", "maison d'arrêt de X": a head of several words
        let compound_end = self.compound_head(toks, i, s);
        let by_de = compound_end.is_some()
            || self.lex.loc_whole.contains(&*head.folded)
            || (proper_head && self.lex.loc_named.contains(&*head.folded));
        if !by_de && !self.lex.loc_named.contains(&*head.folded) {
            return None;
        }
        // "son usine d'Auxerre": with a possessive the phrase describes the owner's site, and
        // with an indefinite article one site of the town ("une plage de X", "un hôpital de
        // X"; "un Stade de France vide" is still the stadium): only the town is named
        if i > s.start
            && (POSSESSIVES.contains(&&*toks[i - 1].folded)
                || (!head.cap && matches!(&*toks[i - 1].folded, "un" | "une")))
        {
            return None;
        }
        let mut j = compound_end.unwrap_or(i + 1);
        let mut adjectives = 0;
        while j < s.end
            && adjectives < FACILITY_ADJECTIVES
            && self.is_description_adjective(&toks[j])
        {
            // "le port yéménite de Hodeïda": with a nationality the phrase describes the
            // place named after "de" rather than naming a facility
            if self.demonyms.get(self.kb, toks[j].text).is_some() {
                return None;
            }
            j += 1;
            adjectives += 1;
        }
        // "aéroport international Blaise-Diagne": adjectives may come before the name too
        let named_directly = (self.lex.loc_named.contains(&*head.folded)
            || compound_end.is_some())
            && j < s.end
            && toks[j].is_word()
            && toks[j].name_like
            && !self.lex.stopwords_caps.contains(&*toks[j].folded)
            && !self.lex.person_titles.contains(&*toks[j].folded)
            // "la station locale Radio X": a name opened by an organisation's head is that
            // organisation, the noun before it describes it
            && !self.lex.org_heads.contains_key(&*toks[j].folded)
            // "tribune Marc Lejeune": a first name and a surname written apart are a
            // person; sites named after people join the names by hyphens
            // ("barrage Al Massira": an Arabic article is no first name)
            && !(self.kb.is_first_name(toks[j].text)
                && !self.lex.particle_prefixes.contains(&*toks[j].folded)
                && toks.get(j + 1).is_some_and(|n| j + 1 < s.end && n.is_word() && n.cap))
            && self.facility_noun_phrase(toks, i, s);
        let (name_start, end) = if named_directly {
            (j, self.extend_caps(toks, j, s.end))
        } else if by_de {
            // "camp de réfugiés de X", "hôpital général de référence de X": one lowercase
            // noun complement before the name
            let mut at = self.name_after_de(toks, j, s);
            if at.is_none() && j + 2 < s.end && is_de(&toks[j].folded) {
                let noun = &toks[j + 1];
                if noun.is_word() && !noun.cap && noun.folded.len() >= 4 {
                    at = self.name_after_de(toks, j + 2, s);
                }
            }
            let at = at?;
            (at, self.extend_caps(toks, at, s.end))
        } else {
            return None;
        };
        // "la province centrale de X", "qui place Paris": the head must be a noun here (asked
        // last: the tagger runs on the sentence only for a phrase of the right shape)
        if !matches!(self.upos(toks, s, i), Upos::Noun | Upos::Propn) {
            return None;
        }
        let name = text_of(toks, name_start, end);
        // "mer Rouge", "golfe Persique": a landform the reference knows is looked up there,
        // where the generic noun picks the natural feature among homonyms ("plateau du
        // Golan", "canal de Suez": a name after "de" is matched whole below, the lookup
        // reading only a name right after the noun)
        if named_directly
            && self.lex.landforms.contains(&*head.folded)
            && self.has_candidates(&text_of(toks, i, end))
        {
            return None;
        }
        let name_hits = self.candidates(&name);
        if !proper_head && !named_directly {
            // "la plus grande centrale nucléaire d'Europe", "l'hôpital de MSF": a country,
            // a continent or an actor after "de" is a complement, not the facility's name
            let not_a_site = name_hits.first().is_some_and(|h| {
                matches!(
                    h.label,
                    EntityType::ORG | EntityType::PER | EntityType::MISC
                ) || h.kind == Some(PlaceKind::Country)
                    || (h.kind == Some(PlaceKind::Area) && h.country.is_none())
            });
            if not_a_site {
                return None;
            }
        }
        // the reference may know the whole phrase ("camp de Jabaliya", "Tour de France")
        let whole = text_of(toks, i, end);
        let hits = self.candidates(&whole);
        if let Some(best) = hits.first() {
            return Some(Cand {
                start: i,
                end,
                label: best.label,
                strength: STRENGTH_KB,
                rule: "kb",
                evidence: vec![format!("reference match \"{whole}\"")],
                hits,
                weak: false,
                admin_cue: false,
            });
        }
        Some(Cand {
            start: i,
            end,
            label: EntityType::LOC,
            strength: STRENGTH_CUE,
            hits: Vec::new(),
            rule: RULE_PLACE_WHOLE,
            evidence: vec![format!("\"{}\" + name \"{name}\"", head.text)],
            weak: false,
            admin_cue: false,
        })
    }

    /// The index after a facility head of several words of `whole-compound` in
    /// `loc_cues.txt` opening at `i` ("centre de santé", "maison d'arrêt"), if any.
    fn compound_head(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> Option<usize> {
        self.lex
            .loc_compounds
            .get(&*toks[i].folded)?
            .iter()
            .filter(|words| {
                i + words.len() <= s.end
                    && words.iter().zip(&toks[i..]).all(|(w, t)| *w == *t.folded)
            })
            .map(|words| i + words.len())
            .max()
    }

    /// Index of the capitalised name after "de", "du", "des", "d'", "de la", "de l'" at `j`.
    fn name_after_de(&self, toks: &[Tk<'_>], j: usize, s: SentenceRange) -> Option<usize> {
        if j >= s.end || !is_de(&toks[j].folded) {
            return None;
        }
        let mut at = j + 1;
        if at < s.end && toks[j].folded == "de" && matches!(toks[at].folded.as_ref(), "la" | "l'") {
            at += 1;
        }
        // "gare du Nord", "gare du Midi": a capitalised noun of the stop list names it here
        (at < s.end
            && toks[at].name_like
            && (!self.lex.stopwords_caps.contains(&*toks[at].folded)
                || self.capitalised_noun(toks, s, at)))
        .then_some(at)
    }

    /// Whether the facility noun at `i` heads a noun phrase ("la tour", "rue", "l'hôpital")
    /// rather than an idiom ("sur place", "à la place", "à son tour", "au premier tour").
    fn facility_noun_phrase(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> bool {
        if i <= s.start {
            return true;
        }
        let prev = &toks[i - 1];
        let idiom = matches!(
            prev.folded.as_ref(),
            "en" | "sur"
                | "son"
                | "sa"
                | "leur"
                | "mon"
                | "ton"
                | "notre"
                | "votre"
                | "premier"
                | "second"
                | "deuxieme"
                | "dernier"
                | "chaque"
                | "quel"
        );
        // "à la place de", "à la tribune" (the rostrum a speaker stands at)
        let a_la_place = matches!(toks[i].folded.as_ref(), "place" | "tribune")
            && prev.folded == "la"
            && i >= s.start + 2
            && toks[i - 2].folded == "a";
        !idiom && !a_la_place
    }

    /// "province de X", "la région ukrainienne de X", "le gouverneur d'X": X names an
    /// administrative division, not the town of the same name.
    pub(super) fn admin_cue_before(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> bool {
        self.admin_cue_at(toks, i, s, 0)
    }

    /// [`Recogniser::admin_cue_before`], also read over an enumeration ("les provinces de
    /// Kerman et de Yazd", "les wilayas de Tizi Ouzou, de Béjaïa et de Bouira": every name
    /// of it is a division) and through a pronoun standing for the noun ("dans la wilaya de
    /// Tizi Ouzou et dans celle de Béjaïa").
    fn admin_cue_at(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange, depth: u8) -> bool {
        if i < s.start + 2 || !is_de(&toks[i - 1].folded) {
            return false;
        }
        let mut k = i - 2;
        // "la région ukrainienne de X": over a nationality or adjective
        if k > s.start && self.is_description_adjective(&toks[k]) {
            k -= 1;
        }
        if self.lex.admin_cues.contains(&*toks[k].folded) {
            return true;
        }
        if depth >= 4 {
            return false;
        }
        // "celle de X": a division noun shortly before it in the sentence is what it
        // stands for
        if matches!(&*toks[k].folded, "celle" | "celles" | "celui" | "ceux") {
            // the noun heading the first of the two parallel phrases, the furthest place
            // noun within reach ("reliant la ville de X, dans la province de Z, à celle de Y")
            return (s.start..k)
                .rev()
                .take(ANAPHOR_REACH)
                .filter(|&j| {
                    self.lex.admin_cues.contains(&*toks[j].folded)
                        || self.lex.loc_before_de.contains(&*toks[j].folded)
                })
                .last()
                .is_some_and(|j| self.lex.admin_cues.contains(&*toks[j].folded));
        }
        // "… de Kerman et de Yazd", "… de Tizi Ouzou, de Béjaïa": back over the
        // conjunction and the name before it to that name's "de"
        if matches!(&*toks[k].folded, "et" | "ou" | ",") && k > s.start {
            let mut j = k;
            while j > s.start && (toks[j - 1].name_like || matches!(toks[j - 1].text, "-" | "'")) {
                j -= 1;
            }
            if j < k && toks[j].name_like {
                return self.admin_cue_at(toks, j, s, depth + 1);
            }
        }
        false
    }
}

/// French overseas départements and collectivities with a prefect, which the reference
/// (GeoNames) files as countries of their own: Guadeloupe, Martinique, Guyane, La Réunion,
/// Mayotte, Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin.
const FRENCH_OVERSEAS_WITH_A_PREFECT: &[&str] = &["GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF"];

/// Rule name of a facility or landform phrase recognised by its head noun.
const RULE_PLACE_WHOLE: &str = "place-whole";

impl Recogniser<'_> {
    /// "la préfecture du Finistère", "la préfecture d'Ille-et-Vilaine": the prefecture of a
    /// French département is the State's administration there, an organisation named with
    /// its département; elsewhere ("préfecture de Marrakech") the word is a division cue.
    pub(super) fn prefecture_of_department(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
    ) -> Option<Cand> {
        let t = &toks[i];
        if t.cap || t.folded != "prefecture" {
            return None;
        }
        let at = self.name_after_de(toks, i + 1, s)?;
        let end = self.extend_caps(toks, at, s.end);
        let hits = self.candidates(&text_of(toks, at, end));
        let department = hits.first().is_some_and(|h| match h.kind {
            Some(PlaceKind::Admin) => h.country.as_deref() == Some("FR"),
            // an overseas département, a country code of its own in the reference
            Some(PlaceKind::Country) => h
                .country
                .as_deref()
                .is_some_and(|c| FRENCH_OVERSEAS_WITH_A_PREFECT.contains(&c)),
            _ => false,
        });
        department.then(|| Cand {
            start: i,
            end,
            label: EntityType::ORG,
            strength: STRENGTH_CUE,
            hits: Vec::new(),
            rule: "prefecture-of-department",
            evidence: vec![format!(
                "prefecture of the French département \"{}\"",
                text_of(toks, at, end)
            )],
            weak: false,
            admin_cue: false,
        })
    }
}

/// Compass words that name regions of their own after a division noun ("la région de
/// l'Ouest", "la région du Centre-Nord", "la province de l'Est").
const COMPASS_REGIONS: &[&str] = &[
    "nord",
    "sud",
    "est",
    "ouest",
    "centre",
    "nord-est",
    "nord-ouest",
    "sud-est",
    "sud-ouest",
    "centre-nord",
    "centre-sud",
    "centre-est",
    "centre-ouest",
    "extreme-nord",
    "extreme-sud",
];

impl Recogniser<'_> {
    /// "le Grand Sud", "le Grand Pibor", "Grand Casablanca": "Grand" before a compass word
    /// or a place the reference knows names the wider area around it, one place of its own
    /// ("Grand Conseil", "Grand Prix", "Grande Mosquée": the word after it is no place).
    pub(super) fn greater_region(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
    ) -> Option<Cand> {
        let t = &toks[i];
        if !t.cap || !matches!(&*t.folded, "grand" | "grande") || i + 1 >= s.end {
            return None;
        }
        let n = &toks[i + 1];
        if !n.is_word() || !n.cap || n.all_caps {
            return None;
        }
        // "Grand Paris Express": a longer name is another thing than the area
        if toks
            .get(i + 2)
            .is_some_and(|x| i + 2 < s.end && x.is_word() && x.cap)
        {
            return None;
        }
        let compass = COMPASS_REGIONS.contains(&&*n.folded);
        // a common noun the gazetteer also knows as some hamlet ("Grand Prix") is no place
        // here: the tagger must read a proper noun
        if !compass
            && (self.upos(toks, s, i + 1) != Upos::Propn
                || !self
                    .candidates(n.text)
                    .iter()
                    .any(|h| h.label == EntityType::LOC))
        {
            return None;
        }
        Some(Cand {
            start: i,
            end: i + 2,
            label: EntityType::LOC,
            strength: STRENGTH_CUE,
            // the area is not the town at its centre: only an entry for the whole name
            hits: self.candidates(&format!("{} {}", t.text, n.text)),
            rule: "greater-region",
            evidence: vec![format!("\"{}\" before the place \"{}\"", t.text, n.text)],
            weak: false,
            admin_cue: true,
        })
    }

    /// "la région de l'Ouest", "la province du Nord-Kivu"… a capitalised compass word kept
    /// out of names on its own names the division after a division noun ("région",
    /// "province", "département") and "de l'", "du" or "de la".
    pub(super) fn compass_region(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
    ) -> Option<Cand> {
        let t = &toks[i];
        if !t.cap || !COMPASS_REGIONS.contains(&&*t.folded) || i < s.start + 2 {
            return None;
        }
        let noun_at = match &*toks[i - 1].folded {
            "du" => i - 2,
            "l'" | "la" if i >= s.start + 3 && toks[i - 2].folded == "de" => i - 3,
            _ => return None,
        };
        if toks[noun_at].cap || !self.lex.admin_cues.contains(&*toks[noun_at].folded) {
            return None;
        }
        Some(Cand {
            start: i,
            end: i + 1,
            label: EntityType::LOC,
            strength: STRENGTH_CUE,
            hits: self.candidates(t.text),
            rule: "compass-region",
            evidence: vec![format!(
                "region named by a compass word after \"{}\"",
                toks[noun_at].text
            )],
            weak: false,
            admin_cue: true,
        })
    }
}
