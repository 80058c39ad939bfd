//! Person cues: titles and roles before a name ("le général X", "le maire de la ville, X")
//! and the cut between two names written side by side.

use recoupe_model::EntityType;

use super::words::{is_adjective, text_of};
use super::Recogniser;
use crate::tokens::{SentenceRange, Tk};

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

impl Recogniser<'_> {
    /// Two names side by side ("sur Telegram Tymur Tkachenko", "LFI Manuel Bompard"): cut
    /// before an inner first name that follows a non-first-name, and after a leading acronym.
    pub(super) fn split_sequence(&self, toks: &[Tk<'_>], i: usize, end: usize) -> usize {
        if end - i < 2 {
            return end;
        }
        if toks[i].all_caps && !toks[i + 1].all_caps && toks[i + 1].cap {
            if self.acronym_led_name(toks, i, end) {
                return end;
            }
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
                    // only when the left part is a name of its own ("Telegram", "LFI",
                    // "Radio RFM" ending on an acronym)
                    let left = text_of(toks, i, k);
                    if toks[i].all_caps || toks[k - 1].all_caps || self.has_candidates(&left) {
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

    /// "le CR Belouizdad", "la SRM Oriental", "le PLR Vaud": an acronym and one capitalised
    /// word that is no first name nor surname is one name, a club's, a party's branch or a
    /// firm's ("le député LFI Bompard", "LFI Manuel Bompard" are a party and a person).
    pub(super) fn acronym_led_name(&self, toks: &[Tk<'_>], i: usize, end: usize) -> bool {
        let (acronym, word) = (&toks[i], &toks[i + 1]);
        // after a person's title the acronym is the person's party
        let titled = i > 0 && self.lex.person_titles.contains(&*toks[i - 1].folded);
        end == i + 2
            && !titled
            && acronym.text.chars().count() >= 2
            && word.is_word()
            && word.text.chars().count() >= 3
            && !word.folded.contains('-')
            && !self.kb.is_first_name(word.text)
            && !self.kb.is_surname(word.text)
    }

    /// Title or role announcing a person just before token `i` ("le général", "M.", "le
    /// maire de la ville, X").
    pub(super) fn title_before(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
    ) -> Option<String> {
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
}

/// Words after which a name is what a person is called ("qui se fait appeler X",
/// "surnommé X"), folded.
const CALLED: &[&str] = &[
    "appeler",
    "appelle",
    "surnomme",
    "surnommee",
    "prenomme",
    "prenommee",
    "denomme",
    "denommee",
];

impl Recogniser<'_> {
    /// What says that the name `[i, end)` is a person's even where the reference knows a
    /// village so named: the subject of a speech verb inverted after a quotation or an
    /// incise ("», soupire Rania,", "», a raconté Afi"), an age in apposition ("Soa, 34
    /// ans,"), a name one is called by ("qui se fait appeler Ramiro").
    pub(super) fn person_cue(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        end: usize,
        s: SentenceRange,
    ) -> Option<&'static str> {
        // ", 34 ans," (not "à Lyon, 12 ans après")
        if end + 2 < s.end
            && toks[end].text == ","
            && toks[end + 1].kind == recoupe_model::TokenKind::Number
            && matches!(&*toks[end + 2].folded, "ans" | "an")
            && (end + 3 >= s.end || matches!(toks[end + 3].text, "," | "." | ")"))
        {
            return Some("age in apposition");
        }
        if i <= s.start {
            return None;
        }
        let prev = &toks[i - 1];
        if CALLED.contains(&&*prev.folded) {
            return Some("name one is called by");
        }
        // "», soupire X", "», s'interroge X", "», a raconté X": a verb of speech inverted
        // after what was said, its subject a name closing the clause
        if !self.lex.speech_present.contains(&*prev.folded)
            || !toks
                .get(end)
                .is_some_and(|t| matches!(t.text, "," | "." | "!" | "?") || end >= s.end)
        {
            return None;
        }
        let mut k = i - 1;
        if k > s.start && matches!(&*toks[k - 1].folded, "s'" | "a" | "avait") {
            k -= 1;
        }
        (k > s.start && matches!(toks[k - 1].text, "," | "»" | "\"" | "”"))
            .then_some("subject of a speech verb after what was said")
    }

    /// "le Belge Kobe Vandamme", "la Française Anne Martin", "le Néerlandais Sem de Wit": a
    /// capitalised nationality noun after its article, right before a capitalised name, is a
    /// MISC of its own (a nationality noun), and the name after it a person, unless the
    /// reference knows that name as something else.
    pub(super) fn nationality_before_name(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
    ) -> Option<Vec<super::Cand>> {
        let t = &toks[i];
        if !t.cap || t.all_caps || i <= s.start || i + 1 >= s.end {
            return None;
        }
        if !matches!(
            &*toks[i - 1].folded,
            "le" | "la" | "l'" | "les" | "du" | "au" | "aux" | "des"
        ) {
            return None;
        }
        let next = &toks[i + 1];
        if !next.is_word() || !next.name_like || next.all_caps || is_stop(self, next) {
            return None;
        }
        if !(self.lex.peoples.contains(&*t.folded) || self.demonyms.get(self.kb, t.text).is_some())
        {
            return None;
        }
        let end = self.extend_caps(toks, i + 1, s.end);
        let name = text_of(toks, i + 1, end);
        let hits = self.candidates(&name);
        let nationality = super::Cand {
            start: i,
            end: i + 1,
            label: EntityType::MISC,
            strength: super::STRENGTH_CUE,
            hits: Vec::new(),
            rule: "people-noun",
            evidence: vec![format!("nationality noun \"{}\" before a name", t.text)],
            weak: false,
            admin_cue: false,
        };
        if hits.iter().any(|h| h.label != EntityType::PER) {
            return Some(vec![nationality]);
        }
        let person = super::Cand {
            start: i + 1,
            end,
            label: EntityType::PER,
            strength: super::STRENGTH_CUE,
            hits,
            rule: "person-after-nationality",
            evidence: vec![format!("after the nationality noun \"{}\"", t.text)],
            weak: false,
            admin_cue: false,
        };
        Some(vec![nationality, person])
    }
}

/// Whether a capitalised word is one the recogniser never takes as a name on its own.
fn is_stop(r: &Recogniser<'_>, t: &Tk<'_>) -> bool {
    r.lex.stopwords_caps.contains(&*t.folded) || r.lex.person_titles.contains(&*t.folded)
}
