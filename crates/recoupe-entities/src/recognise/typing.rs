//! Typing of a capitalised sequence no pattern or reference entry claimed, by the words
//! around it (titles, description nouns, prepositions, name lexicons), with defaults last.

use recoupe_model::EntityType;

use super::words::is_de;
use super::{Cand, Recogniser, RULE_SHORT_FORM, STRENGTH_CUE, STRENGTH_DEFAULT, STRENGTH_LEXICON};
use crate::tokens::{SentenceRange, Tk};

impl Recogniser<'_> {
    /// Types a capitalised sequence `[i, end)` by its context.
    pub(super) fn type_sequence(
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
