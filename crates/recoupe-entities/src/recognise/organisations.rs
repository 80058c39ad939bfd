//! Organisations built on a head noun ("armée irakienne", "Forces démocratiques syriennes",
//! "ministère de la Défense"), titled media ("le quotidien La Meuse") and the description nouns
//! that announce an organisation name ("l'agence X").

use recoupe_model::{EntityType, PlaceKind};

use super::words::{is_adjective, is_de, text_of};
use super::{Cand, Recogniser, APPOSITION_ADJECTIVES, STRENGTH_CUE, TRUSTED_CITY_POPULATION};
use crate::lexicon::OrgHead;
use crate::tokens::{SentenceRange, Tk};

impl Recogniser<'_> {
    /// "le quotidien La Meuse", "l'hebdomadaire Le Point": after a lowercase description
    /// noun, a capitalised article and a name form one organisation, article included.
    pub(super) fn titled_organisation(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
    ) -> Option<Cand> {
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
    pub(super) fn after_minister_of(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> bool {
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

    /// Organisation built on a head noun: "armée irakienne", "ministère irakien de la Défense",
    /// "forces de sécurité irakiennes", "37e brigade d'infanterie", "Forces démocratiques syriennes".
    pub(super) fn org_pattern(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
        text: &str,
    ) -> Option<Cand> {
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
    pub(super) fn org_apposition_before(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
    ) -> Option<String> {
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
    pub(super) fn is_description_adjective(&self, t: &Tk<'_>) -> bool {
        t.is_word()
            && !t.cap
            && (self.demonyms.get(self.kb, t.text).is_some() || is_adjective(&t.folded))
    }

    /// Whether the description noun at `i`, over at most [`APPOSITION_ADJECTIVES`]
    /// adjectives, stands right before a capitalised name.
    pub(super) fn describes_next_name(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> bool {
        let mut k = i + 1;
        while k < s.end && k <= i + APPOSITION_ADJECTIVES && self.is_description_adjective(&toks[k])
        {
            k += 1;
        }
        k < s.end && toks[k].name_like && !self.lex.stopwords_caps.contains(&*toks[k].folded)
    }

    /// Whether the capitalised name at `i` is a known organisation or person (it is then its
    /// own mention, not the complement of a descriptive head: "les forces du Hachd").
    pub(super) fn starts_known_actor(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        end: usize,
        text: &str,
    ) -> bool {
        let Some(surface) = text.get(toks[i].span.start..toks[end - 1].span.end) else {
            return false;
        };
        self.cache
            .get(self.kb, &self.kb.key(surface))
            .iter()
            .chain(self.cache.get(self.kb, &self.kb.key(toks[i].text)).iter())
            .any(|h| h.label == EntityType::ORG || h.label == EntityType::PER)
    }
}
