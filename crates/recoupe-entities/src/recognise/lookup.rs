//! Reference-data lookups over a bounded token window: the longest known name starting at a
//! token, the hits the context makes implausible, and other spellings of unknown names.

use recoupe_model::{EntityType, PlaceKind};
use recoupe_tagger::Upos;

use super::words::{is_adjective, is_de};
use super::{Cand, Recogniser, SMALL_PLACE, STRENGTH_KB, TRUSTED_CITY_POPULATION};
use crate::knowledge::Candidate;
use crate::lexicon::OrgHead;
use crate::tokens::{SentenceRange, Tk};

/// Below this population a town is not taken for a word written in capitals.
const ACRONYM_TOWN_POPULATION: u64 = 100_000;

impl Recogniser<'_> {
    /// "au Locle", "du Mans", "aux Abymes": the contraction holds the article of a town
    /// named with one ("Le Locle", "Les Abymes"); the mention is the rest of the name, and
    /// the town with the article is meant before any homonym without it ("Mans" in Turkey).
    pub(super) fn contracted_article(&self, toks: &[Tk<'_>], c: &mut Cand, text: &str) {
        // a country or a capital is meant under its own name ("au Canada", "au Caire")
        if c.label != EntityType::LOC
            || c.admin_cue
            || c.hits.iter().any(|h| h.link.kb == "country" || h.capital)
        {
            return;
        }
        let article = match c.start.checked_sub(1).map(|p| &*toks[p].folded) {
            Some("au" | "du") => "Le",
            Some("aux") => "Les",
            _ => return,
        };
        let Some(surface) = text.get(toks[c.start].span.start..toks[c.end - 1].span.end) else {
            return;
        };
        let name = format!("{article} {surface}");
        let hits: Vec<Candidate> = self
            .candidates(&name)
            .into_iter()
            .filter(|h| h.label == EntityType::LOC)
            .collect();
        if !hits.is_empty() {
            c.hits = hits;
            c.strength = c.strength.max(STRENGTH_KB);
            c.weak = false;
            c.evidence.push(format!("reference match as \"{name}\""));
        }
    }

    /// Looks an unknown name up under its other transliterations ("Deir Ezzor" → "Deir ez-Zor").
    pub(super) fn try_variants(&self, toks: &[Tk<'_>], c: &mut Cand, text: &str) {
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

    /// "le roi d'Espagne Felipe", "la ministre de Bel RTL Anne X": a country or an
    /// organisation the reference knows, right before a first name and another capitalised
    /// word, ends there; the person's name follows.
    fn country_or_organisation_before_person(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        j: usize,
        window_key: &str,
    ) -> bool {
        let (Some(first_name), Some(_)) = (toks.get(j), toks.get(j + 1)) else {
            return false;
        };
        if !self.kb.is_first_name(first_name.text) {
            return false;
        }
        let name_follows =
            toks[j + 1].sent == first_name.sent && toks[j + 1].is_word() && toks[j + 1].cap;
        // "Espagne Felipe" alone (a first name ending the sentence or followed by "et")
        let lone_first_name = toks[i].cap && !toks[j + 1].cap;
        if !(name_follows || lone_first_name) {
            return false;
        }
        let hits = self.cache.get(self.kb, window_key);
        !hits.is_empty()
            && hits
                .iter()
                .all(|h| h.link.kb == "country" || h.label == EntityType::ORG)
    }

    /// Lowercase tokens that may open a reference-data name ("armée", "forces").
    pub(super) fn lowercase_start_allowed(&self, t: &Tk<'_>) -> bool {
        matches!(
            self.lex.org_heads.get(&*t.folded),
            Some(OrgHead::AlsoLowercase | OrgHead::NeedsComplement)
        ) || self.lex.landforms.contains(&*t.folded)
    }

    /// Longest reference match starting at token `i`. Windows stay inside the capitalised
    /// run (names, particles) unless a known multi-word organisation or country name continues
    /// through lowercase words, so a lookup costs a few hash probes per capitalised word.
    pub(super) fn kb_window(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
        text: &str,
    ) -> Option<Cand> {
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
            // "Le monde entier", "La presse": an article capitalised by the sentence start
            // before lowercase words is no title ("Le Monde" capitalises its noun)
            if !single
                && first.initial
                && matches!(&*first.folded, "le" | "la" | "les")
                && toks[i + 1..j].iter().all(|t| !t.cap)
            {
                continue;
            }
            // a window may not cut a name in two: "les forces du Hachd al-Chaabi" is not the
            // alias "forces du Hachd" followed by "al-Chaabi"
            if last.name_like
                && !super::is_courtesy_title(toks, j)
                && toks.get(j).is_some_and(|n| {
                    n.sent == last.sent
                        && n.is_word()
                        && (n.name_like || self.lex.has_article_prefix(&n.folded))
                        && !self.lex.stopwords_caps.contains(&*n.folded)
                })
                && !self.country_or_organisation_before_person(toks, i, j, &key[..ends[j - i - 1]])
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
            // "l'agence de propagande Amaq": past the description's own complement
            let name_at = (!first.name_like
                && j > i + 1
                && self.lex.org_appositions.contains(&*first.folded))
            .then(|| {
                (i + 1..j).find(|&k| {
                    toks[k].name_like
                        && (k == i + 1
                            || self.names_same_entry(
                                key[ends[k - i - 1]..ends[j - i - 1]].trim_start_matches(' '),
                                &hits,
                            ))
                })
            })
            .flatten();
            let start = if let Some(k) = name_at {
                evidence.push(format!(
                    "description \"{}\" left out of the name",
                    text.get(first.span.start..toks[k - 1].span.end)
                        .unwrap_or(first.text)
                ));
                k
            } else if j == i + 2 && first.folded == "l'" && toks[i + 1].all_caps {
                // "L'ONU", "l'OTAN": an acronym takes no article of its own, wherever the
                // article is capitalised
                evidence.push(format!("article \"{}\" left out of the name", first.text));
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
            // "La Côte d'Ivoire a …" opening a sentence: the capitalised article makes a
            // shorter name ("La Côte", a Swiss region) of the start of a longer one that
            // begins after it; the longer name wins
            if start == i
                && first.initial
                && matches!(&*first.folded, "le" | "la" | "les")
                && i + 1 < s.end
            {
                if let Some(mut longer) = self.kb_window(toks, i + 1, s, text) {
                    if longer.end > j {
                        longer.evidence.push(format!(
                            "longer than \"{surface}\", which the sentence-initial article opens"
                        ));
                        return Some(longer);
                    }
                }
            }
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

    /// Whether the reference key `key` (a window's key without its first word) names the
    /// same entry as `hits[0]`.
    pub(super) fn names_same_entry(&self, key: &str, hits: &[Candidate]) -> bool {
        let Some(best) = hits.first() else {
            return false;
        };
        self.cache
            .get(self.kb, key)
            .iter()
            .any(|c| c.link.kb == best.link.kb && c.link.id == best.link.id)
    }

    /// Filters reference hits that the context makes implausible.
    pub(super) fn hit_acceptable(
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
        // "Nos équipes", "l'Est de l'Ukraine": a common word of the stoplist alone is no
        // organisation, though the acronym it folds to is one's (NOS, EST); written in
        // capitals it is the acronym ("l'EST s'impose")
        if single
            && hit.label == EntityType::ORG
            && !first.all_caps
            && self.lex.stopwords_caps.contains(&*first.folded)
        {
            return false;
        }
        if hit.label == EntityType::LOC {
            // places need capitalisation ("bar", "orange" are common words), but for a generic
            // landform noun opening a capitalised name ("mer Rouge", "golfe Persique")
            // ("lac des Quatre-Cantons", "golfe de Suez": also over "de", "du", "des", "de
            // la", "d'" before the name, when the reference knows the whole phrase)
            let name_at = |k: usize| toks.get(k).is_some_and(|n| k < j && n.name_like);
            let landform = self.lex.landforms.contains(&*first.folded)
                && (name_at(i + 1)
                    || (toks.get(i + 1).is_some_and(|n| is_de(&n.folded))
                        && (name_at(i + 2)
                            || (toks
                                .get(i + 2)
                                .is_some_and(|n| matches!(&*n.folded, "la" | "l'"))
                                && name_at(i + 3)))));
            if !first.name_like && !landform {
                return false;
            }
            // "La source": the words of a place name are capitalised, particles and
            // adjectives aside ("République démocratique du Congo"); a country's name is
            // distinctive enough to keep its lowercase words ("Arabie saoudite"), and so is
            // a curated region's ("Suisse romande")
            if hit.kind != Some(PlaceKind::Country)
                && hit.link.kb != "places-extra"
                && toks[i..j].iter().skip(1).any(|t| {
                    t.is_word()
                        && !t.name_like
                        && !self.lex.particle_words.contains(&*t.folded)
                        && !self.lex.has_article_prefix(&t.folded)
                        && !is_adjective(&t.folded)
                })
            {
                return false;
            }
            let small_place = hit.kind != Some(PlaceKind::Country)
                && hit.kind != Some(PlaceKind::Admin)
                && hit.population < SMALL_PLACE;
            // "l'APAC", "la SNCF": a word in capitals is an acronym, not a town written so
            // ("Apac" in Uganda); only a country or a city of some size is written that way
            // (but "FRAUENFELD - …", "KOLDA, 12 mai -": a word in capitals opening a
            // paragraph before a comma or a dash is the dateline's town, of any size)
            let dateline = single && dateline_word(toks, i, s);
            if single
                && first.all_caps
                && first.text.chars().count() >= 3
                && hit.kind != Some(PlaceKind::Country)
                && hit.link.kb != "places-extra"
                && hit.population < ACRONYM_TOWN_POPULATION
                && !dateline
            {
                return false;
            }
            // "La Mission multinationale…", "Le Bureau…" opening a sentence: an article and a
            // common noun, not the village "La Mission"
            if small_place
                && !single
                && first.initial
                && matches!(&*first.folded, "le" | "la" | "les" | "l'")
            {
                return false;
            }
            if small_place && self.title_before(toks, i, s).is_some() {
                return false;
            }
            // "la revue Liberté", "le syndicat de police Alliance": a body's trade before a
            // name makes it that body over a town of the name (a country, a division or a
            // city stays)
            // (and so over a city of any size reached only by another of its names: "l'agence
            // afghane Bakhtar" is no old name of Balkh, "l'agence officielle Saba" none of Sanaa)
            let other_name = single
                && hit
                    .link
                    .name
                    .as_deref()
                    .is_some_and(|n| crate::normalize::fold(n) != *first.folded);
            if hit.kind != Some(PlaceKind::Country)
                && hit.kind != Some(PlaceKind::Admin)
                && (hit.population < TRUSTED_CITY_POPULATION || other_name)
                && self.org_apposition_before(toks, i, s).is_some()
            {
                return false;
            }
            // "», soupire Rania,", "Soa, 34 ans,": what a person does, whatever town shares
            // the name, unless a country, a division or a city
            if hit.kind != Some(PlaceKind::Country)
                && hit.kind != Some(PlaceKind::Admin)
                && hit.population < TRUSTED_CITY_POPULATION
                && self.person_cue(toks, i, j, s).is_some()
            {
                return false;
            }
            // "M. Yang", "Mme Cheng": a courtesy title makes a person of any town's name
            if hit.kind != Some(PlaceKind::Country)
                && hit.kind != Some(PlaceKind::Admin)
                && self.title_before(toks, i, s).is_some_and(|t| {
                    matches!(&*crate::normalize::fold(&t), "m." | "mme" | "mlle" | "me")
                })
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
                // common word ("Durant"), but not the town of a dateline in capitals or before a
                // dash ("SION - …", "Sion – …"), whatever its size
                let dateline_town = dateline && (first.all_caps || toks[i + 1].text != ",");
                if first.initial && small_place && !dateline_town {
                    return false;
                }
                // or a participle/adjective that happens to be a foreign town's alias
                // ("Situé"), not a large city whose ending looks adjectival ("Montréal")
                if first.initial
                    && hit.kind == Some(PlaceKind::City)
                    && hit.population < TRUSTED_CITY_POPULATION
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
                // "sa fille Caroline", "Pour Sandrine,": a first name that is only the
                // name of small places is the person, unless a preposition asks for a place
                if small_place
                    && !after_loc_preposition
                    && first.cap
                    && !first.all_caps
                    && self.kb.is_first_name(first.text)
                {
                    return false;
                }
                // "l'ASI", "(AIBD)": a short acronym is no town; countries and divisions
                // written in capitals stay ("RDC", "USA"), and cities in a dateline ("ROME")
                if first.all_caps
                    && !dateline
                    && first.text.chars().count() <= 4
                    && hit.population < TRUSTED_CITY_POPULATION
                    && matches!(hit.kind, Some(PlaceKind::City | PlaceKind::Other))
                {
                    return false;
                }
                // "la Région", "la Cour", "l'Observatoire": a capitalised common noun after
                // an article, reached only as another name of a place ("Région flamande",
                // "Cour-et-Buis", a Paris quarter), is the body or the thing, not that place
                // (the place's own name, "le Havre", a division's without its noun, "le
                // Tessin", and a large city's French name, "le Caire", stay)
                if !first.all_caps
                    // (a compound, "du Darfour-ouest", is no common noun)
                    && !first.text.contains('-')
                    && hit.kind != Some(PlaceKind::Country)
                    && hit.link.kb != "places-extra"
                    && hit.population < TRUSTED_CITY_POPULATION
                    && i > s.start
                    && matches!(
                        &*toks[i - 1].folded,
                        "le" | "la" | "l'" | "les" | "du" | "au" | "des" | "aux"
                    )
                    && hit.link.name.as_deref().is_some_and(|n| {
                        let own = crate::normalize::fold(n);
                        let bare = ["le ", "la ", "les ", "l'"]
                            .iter()
                            .find_map(|a| own.strip_prefix(a))
                            .unwrap_or(&own);
                        // "canton du Tessin" is written "le Tessin": a name ending on the
                        // word is its own
                        bare != &*first.folded
                            && !own
                                .strip_suffix(&*first.folded)
                                .is_some_and(|head| head.ends_with([' ', '\'', '-']))
                    })
                    && self.upos(toks, s, i) == Upos::Noun
                {
                    return false;
                }
                // "Grève à la STM": a headline's first word the tagger reads as a common
                // noun is not the town of that name
                if first.initial
                    && !dateline_town
                    && hit.population < TRUSTED_CITY_POPULATION
                    && matches!(hit.kind, Some(PlaceKind::City | PlaceKind::Other))
                    && self.upos(toks, s, i) == Upos::Noun
                {
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
        // "Vingt-sept passagers": a number before its noun, not "les Vingt-Sept" (the EU)
        if single
            && self.lex.is_number_word(&first.folded)
            && matches!(self.upos(toks, s, i), Upos::Num | Upos::Det)
        {
            return false;
        }
        true
    }
}

/// Whether the word at `i` opens a paragraph's dateline: first of its sentence and followed
/// by a comma or a dash ("FRAUENFELD - Le Grand Conseil…", "KOLDA, 12 mai (APS) –").
pub(super) fn dateline_word(toks: &[Tk<'_>], i: usize, s: SentenceRange) -> bool {
    i == s.start && i + 1 < s.end && matches!(toks[i + 1].text, "," | "-" | "–" | "—")
}
