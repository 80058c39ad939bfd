//! Typing of a capitalised sequence no pattern or reference entry claimed, by the words
//! around it (titles, description nouns, prepositions, name lexicons), with defaults last.

use recoupe_model::{EntityType, TokenKind};

use recoupe_tagger::Upos;

use super::words::{is_adjective, is_adjective_before, is_de};
use super::{Cand, Recogniser, RULE_SHORT_FORM, STRENGTH_CUE, STRENGTH_DEFAULT, STRENGTH_LEXICON};
use crate::tokens::{SentenceRange, Tk};

/// Plural endings of the nouns for a town's inhabitants ("Dunkerquois", "Lilloises",
/// "Parisiens", "Marseillaises").
const INHABITANT_ENDINGS: &[&str] = &["ois", "oises", "aises", "iens", "iennes"];

/// Whether a word has a capital after a lowercase letter ("AeroSen", "beIN", "iPhone").
fn is_camel_case(word: &str) -> bool {
    let mut lower_seen = false;
    for c in word.chars() {
        if c.is_lowercase() {
            lower_seen = true;
        } else if c.is_uppercase() && lower_seen {
            return true;
        } else if !c.is_alphabetic() {
            lower_seen = false;
        }
    }
    false
}

/// Endings of the lowercase demonyms of towns and regions that business news uses as nouns
/// for a firm ("le genevois X", "le fribourgeois Y", "le lyonnais Z", "le bordelais W"); the
/// reference lists the demonyms of countries only. ("-ien" is left out: "le gardien X".)
const REGIONAL_DEMONYM_ENDINGS: &[&str] = &["ois", "oise", "ais", "aise"];

/// Whether a folded lowercase word looks like a town's or region's demonym.
fn is_regional_demonym(folded: &str) -> bool {
    folded.chars().count() >= 6
        && !matches!(
            folded,
            "jamais"
                | "desormais"
                | "mauvais"
                | "palais"
                | "marais"
                | "relais"
                | "falaise"
                | "chaise"
                | "fournaise"
                | "tournois"
                | "chamois"
        )
        && REGIONAL_DEMONYM_ENDINGS.iter().any(|e| folded.ends_with(e))
}

/// Articles, contracted ones included, that never stand right before a person's name.
fn is_article(folded: &str) -> bool {
    matches!(
        folded,
        "le" | "la" | "les" | "l'" | "du" | "des" | "au" | "aux" | "un" | "une"
    )
}

/// Endings of French plural nouns and adjectives ("Législatives", "Cheminots", "Musulmans",
/// "Bleus", "Généraux"); names of firms and places the reference lacks end otherwise more
/// often ("Kerlys", "Hydralis", "Lascahobas").
const PLURAL_ENDINGS: &[&str] = &["es", "ts", "ns", "us", "ds", "rs", "ls", "aux", "eux"];

/// Whether a folded word of five letters or more, unhyphenated, has a plural ending.
fn looks_plural(folded: &str) -> bool {
    folded.chars().count() >= 5
        && !folded.contains('-')
        && PLURAL_ENDINGS.iter().any(|e| folded.ends_with(e))
}

/// Participles after which "par X" names who asked or reported ("joint par X", "interrogée
/// par X", "des informations recueillies par X").
const ASKED_BY: &[&str] = &[
    "interroge",
    "interrogee",
    "interroges",
    "interrogees",
    "joint",
    "jointe",
    "joints",
    "jointes",
    "contacte",
    "contactee",
    "contactes",
    "contactees",
    "sollicite",
    "sollicitee",
    "consulte",
    "consultee",
    "consultes",
    "consultees",
    "recueillis",
    "recueillies",
];

/// Participles of speech after which "à X" names whom it was said to ("a confirmé à X", "a
/// indiqué au X").
const SAID_TO: &[&str] = &[
    "declare", "confirme", "indique", "raconte", "precise", "affirme", "explique", "assure",
    "confie", "souligne",
];

/// The cue before token `i` (over a definite article) telling that the name there is an
/// outlet: "joint par", "a confirmé à", "citant".
fn outlet_cue_before(toks: &[Tk<'_>], i: usize, s: SentenceRange) -> Option<String> {
    let mut k = i;
    if k > s.start && matches!(&*toks[k - 1].folded, "la" | "le" | "l'") {
        k -= 1;
    }
    if k <= s.start {
        return None;
    }
    let prev = &*toks[k - 1].folded;
    if prev == "citant" {
        return Some("citant".to_string());
    }
    if k - 1 <= s.start {
        return None;
    }
    let verb = &toks[k - 2];
    let cued = match prev {
        "par" => ASKED_BY.contains(&&*verb.folded),
        "a" | "au" => toks[k - 1].text != "a" && SAID_TO.contains(&&*verb.folded),
        _ => false,
    };
    cued.then(|| format!("{} {}", verb.text, toks[k - 1].text))
}

/// Whether `[i, end)` is the whole content of a pair of quotation marks ("« Cold War »").
fn quoted_whole(toks: &[Tk<'_>], i: usize, end: usize, s: SentenceRange) -> bool {
    i > s.start
        && end < s.end
        && toks[i - 1].kind == TokenKind::Quote
        && toks[end].kind == TokenKind::Quote
}

impl Recogniser<'_> {
    /// The type told by an apposition right after `end`: ", un(e) [adjectives] noun" with
    /// an organisation noun ("sous-traitant", "PME"), a settlement noun ("village") or a
    /// person's title ("ancienne ministre"); without the article, ", fabricant de…",
    /// ", village de…", only by a noun that never describes a person.
    pub(super) fn apposition_after(
        &self,
        toks: &[Tk<'_>],
        end: usize,
        s: SentenceRange,
    ) -> Option<(EntityType, String)> {
        if end + 2 >= s.end || toks[end].text != "," {
            return None;
        }
        let det = &toks[end + 1];
        if !matches!(
            det.folded.as_ref(),
            "un" | "une" | "le" | "la" | "l'" | "cette" | "ce"
        ) {
            // "Corvalis, fabricant d'emballages", "Kasulo, quartier de Kolwezi": French
            // drops the article of an apposition; only nouns that never describe a person
            // tell the type then
            if det.is_word() && !det.cap {
                let folded = det.folded.as_ref();
                if self.lex.apposition_org_bare.contains(folded) {
                    return Some((EntityType::ORG, det.text.to_string()));
                }
                if self.lex.apposition_loc.contains(folded) {
                    return Some((EntityType::LOC, det.text.to_string()));
                }
            }
            return None;
        }
        let mut k = end + 2;
        // "une petite PME", "un ancien ministre"
        for _ in 0..2 {
            if k + 1 < s.end
                && toks[k].is_word()
                && !toks[k].cap
                && is_adjective_before(&toks[k].folded)
            {
                k += 1;
            }
        }
        let noun = toks.get(k).filter(|t| t.is_word() && k < s.end)?;
        let folded = noun.folded.as_ref();
        let label = if self.lex.apposition_org.contains(folded) {
            EntityType::ORG
        } else if self.lex.apposition_loc.contains(folded) {
            EntityType::LOC
        } else if !noun.cap && self.lex.person_titles.contains(folded) {
            EntityType::PER
        } else {
            return None;
        };
        Some((label, noun.text.to_string()))
    }

    /// The source preposition ("selon", "d'après") right before token `i`, over a definite
    /// article ("selon la X"), if any.
    pub(super) fn source_preposition_before(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
    ) -> Option<&'static str> {
        let mut k = i;
        if k > s.start && matches!(&*toks[k - 1].folded, "la" | "le" | "l'") {
            k -= 1;
        }
        if k <= s.start {
            return None;
        }
        match &*toks[k - 1].folded {
            "selon" => Some("selon"),
            "apres" if k - 1 > s.start && toks[k - 2].folded == "d'" => Some("d'après"),
            _ => None,
        }
    }

    /// "les communes d'El Aouana et de Selma Benziada", "les villages de X et d'Y": the second
    /// name of a pair joined by "et de" after a place noun and its "de" is a place too (the
    /// noun governs both); the noun found, if any.
    pub(super) fn place_cue_over_pair(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
    ) -> Option<String> {
        if i < s.start + 5 || !is_de(&toks[i - 1].folded) || toks[i - 2].folded != "et" {
            return None;
        }
        // the first name of the pair: capitalised words and name particles
        let mut k = i - 2;
        let lower = k.saturating_sub(6).max(s.start + 2);
        while k > lower && toks[k - 1].is_word() && (toks[k - 1].name_like || toks[k - 1].cap) {
            k -= 1;
        }
        if k == i - 2 || !is_de(&toks[k - 1].folded) {
            return None;
        }
        let head = &toks[k - 2];
        self.lex
            .loc_before_de
            .contains(&*head.folded)
            .then(|| head.text.to_string())
    }

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
        // "le Parlement", "l'Assemblée", "du Congrès": after a definite article these heads
        // name the country's house even alone (not at a sentence start, where the capital
        // may be the sentence's)
        if single
            && !first.initial
            && self.lex.org_alone.contains(&*first.folded)
            && matches!(prev_folded, "le" | "la" | "l'" | "du" | "au")
        {
            evidence.push(format!("institution \"{surface}\" named alone"));
            return make(
                EntityType::ORG,
                STRENGTH_LEXICON,
                "org-institution-alone",
                evidence,
            );
        }
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
        // "Vingt-sept passagers…": a spelled-out number opening a sentence
        if single && self.lex.is_number_word(&first.folded) {
            return None;
        }
        if !single && toks[i..end].iter().all(|t| t.all_caps || !t.is_word()) {
            // all-caps headline words ("HOMMAGE À"); acronyms come one at a time
            return None;
        }
        // "Chibougamau – Les habitants…": a name opening a paragraph before a dash is the
        // dateline, the town the report is filed from
        if first.initial
            && toks
                .get(end)
                .is_some_and(|d| matches!(d.text, "–" | "—" | "-") && end < s.end)
            && toks.get(end + 1).is_some_and(|n| n.cap)
        {
            evidence.push("dateline before a dash".to_string());
            return make(EntityType::LOC, STRENGTH_CUE, "dateline", evidence);
        }
        // "Valmont & Fils": a name joined by an ampersand is a firm's
        if toks[i..end].iter().any(|t| t.text == "&") {
            evidence.push("names joined by \"&\"".to_string());
            return make(EntityType::ORG, STRENGTH_CUE, "ampersand-firm", evidence);
        }
        // "le député LFI": after a title an acronym is the person's party, not the person
        let acronym = single && first.all_caps;
        // "le CR Belouizdad", "la SRM Oriental": an acronym leading one more word
        if end == i + 2 && first.all_caps && self.acronym_led_name(toks, i, end) {
            evidence.push(format!("name led by the acronym \"{}\"", first.text));
            return make(EntityType::ORG, STRENGTH_LEXICON, "acronym-led", evidence);
        }
        if let Some(title) = self.title_before(toks, i, s).filter(|_| !acronym) {
            evidence.push(format!("title \"{title}\" before \"{surface}\""));
            return make(EntityType::PER, STRENGTH_CUE, "person-title", evidence);
        }
        if let Some(cue) = self.person_cue(toks, i, end, s).filter(|_| !acronym) {
            evidence.push(cue.to_string());
            return make(EntityType::PER, STRENGTH_CUE, "person-context", evidence);
        }
        // "au micro de Radio Nord", "sur les ondes de X": the outlet a speaker talked to
        if is_de(prev_folded)
            && i >= s.start + 2
            && self.lex.media_before_de.contains(&*toks[i - 2].folded)
            && !self.kb.is_first_name(first.text)
        {
            evidence.push(format!(
                "outlet after \"{} {}\"",
                toks[i - 2].text,
                prev_folded
            ));
            return make(EntityType::ORG, STRENGTH_CUE, "media-outlet", evidence);
        }
        // "joint par Tchad Horizon", "a confirmé à Horizon Levant", "citant Al-Maalouma": the
        // outlet a witness or an official spoke to, or that a report quotes
        if let Some(cue) = outlet_cue_before(toks, i, s).filter(|_| {
            !(self.kb.is_first_name(first.text) || single && self.kb.is_surname(first.text))
        }) {
            evidence.push(format!("outlet after \"{cue}\""));
            return make(EntityType::ORG, STRENGTH_CUE, "outlet-cue", evidence);
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
        // "Deir Ammar", "Tell Rifaat", "Kaday Kalay": a word of another language that opens
        // or closes a place's name makes an unknown name of several words a place (the name
        // lexicons would read "Ammar", "Rifaat" as a person's surname)
        if !single && toks[i + 1..end].iter().any(|t| t.cap) {
            let opening = self.lex.toponym_first.contains(&*first.folded);
            let last = &toks[end - 1];
            if opening || (last.cap && self.lex.toponym_last.contains(&*last.folded)) {
                let word = if opening { first.text } else { last.text };
                evidence.push(format!("place-name word \"{word}\""));
                return make(EntityType::LOC, STRENGTH_LEXICON, "toponym-word", evidence);
            }
        }
        if self.lex.misc_heads.contains(prev_folded) {
            evidence.push(format!("after \"{prev_folded}\""));
            return make(EntityType::MISC, STRENGTH_CUE, "misc-head", evidence);
        }
        // "les opérations Griffe-Aigle et Griffe-Tigre": the second name of a pair after a
        // plural head is of the head's kind too
        if prev_folded == "et" && i >= s.start + 3 && toks[i - 2].cap {
            let mut k = i - 2;
            while k > s.start && toks[k - 1].is_word() && toks[k - 1].cap {
                k -= 1;
            }
            if k > s.start {
                let head = &*toks[k - 1].folded;
                if head.ends_with('s') && self.lex.misc_heads.contains(head) {
                    evidence.push(format!("second name after \"{head}\""));
                    return make(EntityType::MISC, STRENGTH_CUE, "misc-head", evidence);
                }
            }
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
        if let Some(head) = self.place_cue_over_pair(toks, i, s) {
            evidence.push(format!(
                "second name of a pair after the place cue \"{head}\""
            ));
            let mut c = make(EntityType::LOC, STRENGTH_CUE, "place-cue", evidence)?;
            c.admin_cue = self.admin_cue_before(toks, i, s);
            return Some(c);
        }
        // "la localité bédouine de X", "la ville côtière de X": the place noun over one
        // adjective
        if is_de(prev_folded) && i >= s.start + 3 {
            let (head, adjective) = (&toks[i - 3], &toks[i - 2]);
            if !adjective.cap
                && adjective.is_word()
                && self.lex.loc_before_de.contains(&*head.folded)
                && (is_adjective(&adjective.folded) || self.upos(toks, s, i - 2) == Upos::Adj)
            {
                evidence.push(format!(
                    "place cue \"{} {} {}\"",
                    head.text, adjective.text, prev_folded
                ));
                let mut c = make(EntityType::LOC, STRENGTH_CUE, "place-cue", evidence)?;
                c.admin_cue = self.admin_cue_before(toks, i, s);
                return Some(c);
            }
        }
        // "la région Amoron'i Mania", "la province Sud-Kivu": a division noun followed by
        // its name directly (a governor's title before a name is a person's, left to titles)
        if !is_de(prev_folded)
            && i > s.start
            && !toks[i - 1].cap
            && self.lex.admin_cues.contains(prev_folded)
            && !prev_folded.starts_with("gouverneur")
        {
            evidence.push(format!("division noun \"{prev_folded}\" before its name"));
            let mut c = make(EntityType::LOC, STRENGTH_CUE, "division-name", evidence)?;
            c.admin_cue = true;
            return Some(c);
        }
        if single
            && first.cap
            && (self.lex.peoples.contains(&*first.folded)
                || self.demonyms.get(self.kb, first.text).is_some())
        {
            evidence.push("nationality or people used as a noun".to_string());
            return make(EntityType::MISC, STRENGTH_CUE, "people-noun", evidence);
        }
        // "le film « Cold War »", "l'initiative « Bougeons Ensemble »": a name that is the
        // whole content of quotation marks, with no first name to make it a person, is a
        // title (a work, an operation, a slogan), not a person's name (one quoted word is
        // as often a word quoted for itself: « Terroriser », « Inadmissible »)
        if !single && quoted_whole(toks, i, end, s) && !self.kb.is_first_name(first.text) {
            evidence.push("the whole content of quotation marks".to_string());
            return make(EntityType::MISC, STRENGTH_LEXICON, "quoted-title", evidence);
        }
        // "les Jeunes Agriculteurs", "la Saaser Vispa", "l'Islam": French writes no article
        // before a person's name, so a name after one needs other evidence to be a person
        // ("la Suissesse Lena Kohler": a first name inside says the article is a noun's
        // before the name)
        let article_before = is_article(prev_folded)
            && !toks[i + 1..end]
                .iter()
                .any(|t| t.cap && self.kb.is_first_name(t.text));
        if !single && self.kb.is_first_name(first.text) && !article_before {
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
        // "Technoval, un sous-traitant…", "Kfar Roummane, un village…", "X, une ancienne
        // ministre": the noun in apposition tells the type
        if let Some((label, noun)) = self.apposition_after(toks, end, s) {
            evidence.push(format!("apposition \"{noun}\" after the name"));
            return make(label, STRENGTH_CUE, "apposition-after", evidence);
        }
        // "l'italien Plastex", "le suisse Helvimex": a nationality used as a noun, in
        // lowercase, before a name designates a company (a person's is capitalised: "le
        // Français Thomas Pesquet")
        if i >= s.start + 2
            && matches!(
                toks[i - 2].folded.as_ref(),
                "l'" | "le" | "la" | "les" | "au" | "du"
            )
            && prev.is_some_and(|p| {
                p.is_word()
                    && !p.cap
                    && (self.demonyms.get(self.kb, p.text).is_some()
                        || is_regional_demonym(&p.folded))
            })
        {
            evidence.push(format!("after the nationality noun \"{prev_folded}\""));
            return make(
                EntityType::ORG,
                STRENGTH_LEXICON,
                "nationality-noun-org",
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
        if self.kb.is_surname(last.text) && !article_before {
            evidence.push(format!("surname \"{}\"", last.text));
            let mut c = make(EntityType::PER, STRENGTH_LEXICON, "surname", evidence)?;
            // many surnames are also common words: a sentence-initial one needs confirmation
            c.weak = single && first.initial;
            return Some(c);
        }
        if !single {
            // "Imi n'Tlit", "Tizi n'Test": the Berber particle joins the names of places
            if toks[i..end].iter().any(|t| !t.cap && t.folded == "n'") {
                evidence.push("name joined by the Berber particle \"n'\"".to_string());
                return make(EntityType::LOC, STRENGTH_LEXICON, "berber-place", evidence);
            }
            let has_de = toks[i..end].iter().any(|t| is_de(&t.folded));
            if has_de {
                evidence.push("multi-word name with \"de\"".to_string());
                return make(EntityType::ORG, STRENGTH_DEFAULT, "default-org", evidence);
            }
            if article_before {
                // an unknown name of several capitalised words after an article names a
                // body ("les Jeunes Agriculteurs", "le Soufan Center") more often than
                // anything else
                evidence.push(format!(
                    "multi-word name after the article \"{prev_folded}\", no person's name"
                ));
                return make(
                    EntityType::ORG,
                    STRENGTH_LEXICON,
                    "default-org-article",
                    evidence,
                );
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
            // "Yaoundé VI", "Douala III": a town the reference knows with a Roman number is
            // one of its numbered districts
            if end == i + 2
                && super::is_bare_roman(last.text)
                && self
                    .candidates(first.text)
                    .iter()
                    .any(|h| h.label == EntityType::LOC && h.link.kb != "country")
            {
                evidence.push(format!("numbered district \"{}\"", last.text));
                return make(EntityType::LOC, STRENGTH_LEXICON, "town-district", evidence);
            }
            // "Bel RTL", "Radio RFM": a name ending on an acronym is an organisation's
            if toks[end - 1].all_caps && !toks[i].all_caps {
                evidence.push(format!("ends on the acronym \"{}\"", toks[end - 1].text));
                return make(
                    EntityType::ORG,
                    STRENGTH_DEFAULT,
                    "acronym-ending",
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
                super::RULE_DEFAULT_PERSON_UNKNOWN,
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
        // "les Dunkerquois", "des Lilloises": inhabitants of a town, by the demonym ending of
        // a plural noun after a plural article
        if matches!(prev_folded, "les" | "des" | "aux")
            && INHABITANT_ENDINGS.iter().any(|e| first.folded.ends_with(e))
        {
            evidence.push("inhabitants of a place, by the ending".to_string());
            return make(
                EntityType::MISC,
                STRENGTH_LEXICON,
                "inhabitants-noun",
                evidence,
            );
        }
        // "AeroSen", "beIN": a capital inside a word is a brand's spelling
        if is_camel_case(first.text) {
            evidence.push("capital inside the word".to_string());
            return make(EntityType::ORG, STRENGTH_LEXICON, "camel-case", evidence);
        }
        // "sa fille Caroline", "Pour Sandrine, …": a first name alone is a person (not
        // after an article: "à l'Islam")
        if self.kb.is_first_name(first.text) && !determiner {
            evidence.push(format!("first name \"{}\" alone", first.text));
            let mut c = make(
                EntityType::PER,
                STRENGTH_LEXICON,
                "first-name-alone",
                evidence,
            )?;
            c.weak = first.initial;
            return Some(c);
        }
        // "Quasiment", "Législatives", "Hymne": the tagger reads a capitalised common word
        // as such; a name it reads as a proper noun. A sentence's first word it may read as a
        // noun ("Tihange :") is left to the document-level confirmation instead.
        match self.upos(toks, s, i) {
            Upos::Propn | Upos::X => {}
            Upos::Noun if first.initial => {}
            _ => return None,
        }
        // "les Législatives", "aux Musulmans", "la salle Omnisports": after a plural article
        // or with a French plural ending, a capitalised word is a common noun or a group's
        // name; a place by default needs neither (the reference knows "les Comores")
        if matches!(prev_folded, "les" | "des" | "aux") || looks_plural(&first.folded) {
            return None;
        }
        // "selon Viasna", "d'après la Setrag": an unknown single name given as the source of
        // a statement is a body (an agency, a firm, an association) more often than a place;
        // a place the reference knows, a first name or a surname never reach this default
        if let Some(cue) = self.source_preposition_before(toks, i, s) {
            evidence.push(format!("source of a statement after \"{cue}\""));
            return make(EntityType::ORG, STRENGTH_LEXICON, "source-name", evidence);
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
