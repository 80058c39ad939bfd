//! Organisations built on a head noun ("armée irakienne", "Forces démocratiques syriennes",
//! "ministère de la Défense"), titled media ("le quotidien La Meuse") and the description nouns
//! that announce an organisation name ("l'agence X").

use recoupe_model::{EntityType, PlaceKind};
use recoupe_tagger::Upos;

use super::words::{is_adjective, is_adjective_before, is_de, text_of};
use super::{Cand, Recogniser, APPOSITION_ADJECTIVES, STRENGTH_CUE, TRUSTED_CITY_POPULATION};
use crate::lexicon::OrgHead;
use crate::tokens::{SentenceRange, Tk};

/// Adjective endings that finite verbs share ("appelle", "indique", "arrive", "insiste").
const VERB_LIKE_ENDINGS: &[&str] = &["elle", "ique", "ive", "iste", "ee", "ees"];

/// Endings of the regional adjectives newspapers take in their titles ("Le Courrier
/// picard", "L'Est républicain" aside: "mosan", "lorrain", "breton", "vaudois").
const REGIONAL_ENDINGS: &[&str] = &[
    "an", "ane", "ain", "aine", "ois", "oise", "ais", "aise", "ien", "ienne", "ard", "arde", "on",
    "onne",
];

/// Whether the word at `k` opens the object or clause of a verb: an article, "que" or an
/// object pronoun ("affirme *que*", "évoque *une* dizaine", "*le* confirme").
fn opens_verb_object(toks: &[Tk<'_>], s: SentenceRange, k: usize) -> bool {
    k < s.end
        && toks[k].is_word()
        && !toks[k].cap
        && matches!(
            &*toks[k].folded,
            "que"
                | "qu'"
                | "un"
                | "une"
                | "le"
                | "la"
                | "les"
                | "l'"
                | "ce"
                | "cette"
                | "ces"
                | "son"
                | "sa"
                | "ses"
                | "leur"
                | "leurs"
                | "se"
                | "s'"
        )
        // "ambitionne de porter", "entend d'abord réduire": "de" and an infinitive
        || (k + 1 < s.end
            && matches!(&*toks[k].folded, "de" | "d'")
            && toks[k + 1].is_word()
            && !toks[k + 1].cap
            && toks[k + 1].folded.len() > 3
            && (toks[k + 1].folded.ends_with("er")
                || toks[k + 1].folded.ends_with("ir")
                || toks[k + 1].folded.ends_with("re")))
}

/// Days of the week and months, folded: after "de" they date something ("le conseil de
/// lundi", "la session de janvier"), they name nothing.
fn is_calendar_word(folded: &str) -> bool {
    matches!(
        folded,
        "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "janvier"
            | "fevrier"
            | "mars"
            | "avril"
            | "mai"
            | "juin"
            | "juillet"
            | "aout"
            | "septembre"
            | "octobre"
            | "novembre"
            | "decembre"
            | "hier"
            | "demain"
    )
}

/// "dès" ("from", "as soon as"), which folds to "des" but opens no complement.
fn is_des_accented(t: &Tk<'_>) -> bool {
    t.text
        .chars()
        .nth(1)
        .is_some_and(|c| matches!(c, 'è' | 'È'))
}

/// Lowercase nouns for a trade union's federations and branches, before the union's acronym.
const UNION_NOUNS: &[&str] = &[
    "syndicat",
    "federation",
    "union",
    "confederation",
    "section",
];

/// Complements a capitalised organisation name may take (up to this many).
const MAX_CAPITALISED_COMPLEMENTS: usize = 5;

/// Prepositions other than "de" that continue a capitalised organisation name with a
/// lowercase noun ("Office central *pour* la répression", "*aux* droits de l'homme").
const OTHER_PREPOSITIONS: &[&str] = &["pour", "a", "au", "aux"];

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
        let described = !description.cap && self.lex.org_appositions.contains(&*description.folded);
        // "selon Le Courrier picard": inside a sentence, a capitalised article before a
        // press word opens a newspaper's title
        let press_title = !t.initial && self.lex.org_tails.contains(&*toks[i + 1].folded);
        if !described && !press_title {
            return None;
        }
        if !toks[i + 1].name_like {
            return None;
        }
        let mut end = self.extend_caps(toks, i + 1, s.end);
        // "Le Courrier picard", "La Tribune savoyarde": an adjective ends the title
        if press_title
            && end < s.end
            && toks[end].is_word()
            && !toks[end].cap
            && !self.lex.stopwords_caps.contains(&*toks[end].folded)
            && (is_adjective(&toks[end].folded)
                || REGIONAL_ENDINGS
                    .iter()
                    .any(|e| toks[end].folded.ends_with(e))
                || self.upos(toks, s, end) == Upos::Adj)
        {
            end += 1;
        }
        Some(Cand {
            start: i,
            end,
            label: EntityType::ORG,
            strength: STRENGTH_CUE,
            hits: self.candidates(&text_of(toks, i, end)),
            rule: "titled-organisation",
            evidence: vec![if described {
                format!("title after \"{}\", with its article", description.text)
            } else {
                format!("newspaper title \"{}\" with its article", toks[i + 1].text)
            }],
            weak: false,
            admin_cue: false,
        })
    }

    /// The end of a name that ends at `end`, taken through a place after "de" ("… de Liège",
    /// "… de la Seine-Saint-Denis", "du Havre") when one follows.
    fn through_place(&self, toks: &[Tk<'_>], end: usize, s: SentenceRange) -> usize {
        if end + 1 < s.end && is_de(&toks[end].folded) && !is_des_accented(&toks[end]) {
            let mut at = end + 1;
            if toks[end].folded == "de" && matches!(&*toks[at].folded, "la" | "l'") {
                at += 1;
            }
            if at < s.end && toks[at].is_word() && toks[at].name_like {
                return self.extend_caps(toks, at, s.end);
            }
        }
        end
    }

    /// "la préfecture de police", "la préfecture de police des Bouches-du-Rhône": the police
    /// prefecture is an organisation (named with its département when one follows), not the
    /// police force of a place nor a division cue.
    pub(super) fn police_prefecture(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
    ) -> Option<Cand> {
        if toks[i].folded != "prefecture"
            || i + 2 >= s.end
            || toks[i + 1].folded != "de"
            || toks[i + 2].folded != "police"
        {
            return None;
        }
        let end = self.through_place(toks, i + 3, s);
        Some(Cand {
            start: i,
            end,
            label: EntityType::ORG,
            strength: STRENGTH_CUE,
            hits: self.candidates(&text_of(toks, i, end)),
            rule: "police-prefecture",
            evidence: vec!["\"préfecture de police\"".to_string()],
            weak: false,
            admin_cue: false,
        })
    }

    /// "la fédération CGT des ports et docks", "le syndicat FO des personnels de la
    /// préfecture", "l'union CFDT de la métallurgie": a lowercase union noun, a union's
    /// acronym and the trade its branch covers form one organisation. Without the trade
    /// ("le syndicat CFDT a dénoncé") the acronym alone is the name, left to the other rules.
    pub(super) fn union_branch(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> Option<Cand> {
        let head = &toks[i];
        if head.cap || !UNION_NOUNS.contains(&&*head.folded) || i + 3 >= s.end {
            return None;
        }
        let acronym = &toks[i + 1];
        if !acronym.is_word() || !acronym.all_caps || acronym.text.chars().count() < 2 {
            return None;
        }
        // the trade: "des dockers", "de la métallurgie", "des ports et docks"
        let de = &toks[i + 2];
        if !is_de(&de.folded) || is_des_accented(de) {
            return None;
        }
        let mut k = i + 3;
        if de.folded == "de" && k < s.end && matches!(&*toks[k].folded, "la" | "l'") {
            k += 1;
        }
        let trade = |k: usize| {
            k < s.end
                && toks[k].is_word()
                && !toks[k].cap
                && toks[k].folded.chars().count() >= 3
                && self.upos(toks, s, k) == Upos::Noun
        };
        if !trade(k) {
            return None;
        }
        let mut end = k + 1;
        // "des ports et docks"
        if end + 1 < s.end && toks[end].folded == "et" && trade(end + 1) {
            end += 2;
        }
        // "du Havre", "de Marseille": the place of the branch
        end = self.through_place(toks, end, s);
        Some(Cand {
            start: i,
            end,
            label: EntityType::ORG,
            strength: STRENGTH_CUE,
            hits: Vec::new(),
            rule: "union-branch",
            evidence: vec![format!(
                "union noun \"{}\", acronym \"{}\" and the trade of its branch",
                head.text, acronym.text
            )],
            weak: false,
            admin_cue: false,
        })
    }

    /// Whether the capitalised word at `i` names a minister's portfolio: "ministre de la
    /// Santé", "secrétaire d'État aux Transports".
    pub(super) fn after_minister_of(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> bool {
        // the words before are read first and the reference last: most capitalised words
        // follow no minister, and a lookup costs more than looking back four words
        let mut k = i;
        let mut adjectives = 0;
        for step in 0..5 {
            if k <= s.start {
                return false;
            }
            let prev = &toks[k - 1];
            // "ministre provincial des Mines", "ministre délégué aux Transports", "le
            // vice-ministre turc du Commerce", "ministre délégué chargé du Commerce": up to
            // two adjectives, participles or nationalities after the title (the nationality
            // is also read by the nationalities layer)
            let modifier = |t: &Tk<'_>| {
                !t.cap
                    && t.is_word()
                    && (is_adjective(&t.folded)
                        || t.folded.ends_with(['e', 'l'])
                        || self.demonyms.get(self.kb, t.text).is_some())
            };
            if step > 0
                && adjectives < 2
                && modifier(prev)
                && k >= s.start + 2
                && (is_minister_title(&toks[k - 2].folded)
                    || (adjectives == 0
                        && k >= s.start + 3
                        && modifier(&toks[k - 2])
                        && is_minister_title(&toks[k - 3].folded)))
            {
                adjectives += 1;
                k -= 1;
                continue;
            }
            // "ministre de l'Industrie, des Mines et du Commerce": a later item of a list of
            // portfolios is a portfolio as the first one is (a portfolio word is no town)
            if step > 0
                && !prev.cap
                && matches!(&*prev.folded, "et" | ",")
                && k >= s.start + 2
                && toks[k - 2].cap
                && toks[k - 2].name_like
                && self.after_minister_of(toks, k - 2, s)
            {
                return !self.place_not_portfolio(toks[i].text);
            }
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
                && (is_minister_title(&prev.folded)
                    || matches!(&*prev.folded, "commissaire" | "etat"))
                && !self.place_not_portfolio(toks[i].text);
        }
        false
    }

    /// "ministre du Québec" names a jurisdiction, a place the reference knows: a country, a
    /// division, a sizeable city or an organisation, not a portfolio.
    fn place_not_portfolio(&self, word: &str) -> bool {
        self.candidates(word).iter().any(|c| {
            c.label == EntityType::ORG
                || matches!(c.kind, Some(PlaceKind::Country | PlaceKind::Admin))
                || c.population >= TRUSTED_CITY_POPULATION
        })
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
        // "à la mairie de Brest": the building, whose town is the mention; "selon la mairie
        // de Quimper": the body
        if !head.cap
            && self.lex.org_also_territory.contains(&*head.folded)
            && i >= s.start + 2
            && matches!(&*toks[i - 1].folded, "la" | "le" | "l'")
            && (toks[i - 2].folded.as_ref() == "de"
                || self.lex.loc_prepositions.contains(&*toks[i - 2].folded)
                || toks[i - 2].folded.as_ref() == "dans")
        {
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
        // "le Grand Conseil", "la Haute Cour de justice": a capitalised "Grand" or "Haut"
        // before the head is part of the name, which then needs nothing after the head
        let grand = !misc
            && head.cap
            && !head.initial
            && i > s.start
            && toks[i - 1].cap
            && matches!(&*toks[i - 1].folded, "grand" | "grande" | "haut" | "haute");
        // "L'Union des syndicats…": after an article a capital is the name's, not only the
        // sentence's
        let after_article =
            i > s.start && matches!(&*toks[i - 1].folded, "l'" | "la" | "le" | "les");
        let max_complements = if head.cap {
            MAX_CAPITALISED_COMPLEMENTS
        } else {
            1
        };
        let mut j = i + 1;
        // end of the part already justified by an anchor (nationality or capitalised complement)
        let mut end_ok: Option<usize> = None;
        let mut tentative = i + 1;
        let mut pending_noun = false;
        let mut complements = 0;
        let mut adjectives = false;
        let mut evidence = vec![format!("organisation head \"{}\"", head.text)];
        // end of the name before a list of complements opened by a comma ("de l'économie, de
        // l'emploi, du travail et des solidarités"): kept only if "et" closes the list
        let mut comma_open: Option<usize> = None;
        // whether the head took its own name right after it ("Association Tifaouine")
        let mut named = false;
        while j < s.end {
            let t = &toks[j];
            if t.is_word() && !t.cap && self.demonyms.get(self.kb, t.text).is_some() {
                // "Unités de mobilisation populaire irakiennes": a nationality after a complement
                // of a capitalised name describes it rather than belonging to it, unless it
                // agrees with the complement's plural noun right before it and not with a
                // singular head ("Confédération générale des travailleurs grecs")
                if head.cap && complements > 0 && !self.describes_plural_complement(toks, i, j) {
                    break;
                }
                j += 1;
                tentative = j;
                end_ok = Some(j);
                pending_noun = false;
                evidence.push(format!("nationality \"{}\"", t.text));
                continue;
            }
            // "des Affaires étrangères": an adjective by its ending or, failing that, to the tagger
            // a participle describes the lowercase complement of a capitalised name ("des
            // personnes déplacées et des réfugiés") unless a complement of its own follows,
            // which makes it a verb ("Comité d'urgence composé d'experts")
            let participle_ok = complements == 0
                || (head.cap
                    && pending_noun
                    && !toks.get(j + 1).is_some_and(|n| {
                        is_de(&n.folded) || matches!(&*n.folded, "par" | "a" | "au" | "aux" | "en")
                    }));
            if t.is_word()
                && !t.cap
                && self.org_adjective(toks, s, j, participle_ok, head.cap || complements > 0)
            {
                adjectives = true;
                j += 1;
                // "scientifique et technique", "terrestres et maritimes": coordinated adjectives
                if j + 1 < s.end
                    && toks[j].folded == "et"
                    && self.org_adjective(
                        toks,
                        s,
                        j + 1,
                        complements == 0,
                        head.cap || complements > 0,
                    )
                {
                    j += 2;
                }
                tentative = j;
                if !pending_noun && end_ok.is_some() {
                    end_ok = Some(j);
                }
                continue;
            }
            // "Office central pour la répression", "Mission d'appui à la sécurité", "aux
            // droits de l'homme": a capitalised name goes on through other prepositions, with
            // a lowercase noun after them (a capitalised word there is a place or a person
            // the name is about)
            if head.cap && complements < max_complements {
                let mut p = j;
                if t.folded == "et"
                    && complements > 0
                    && toks
                        .get(j + 1)
                        .is_some_and(|n| OTHER_PREPOSITIONS.contains(&&*n.folded))
                {
                    p = j + 1;
                }
                // "Société de protection des forêts contre le feu": "contre" only after a
                // complement (a name opened by it is a slogan, not an institution)
                // after its own name only "pour" goes on with the name ("Association X
                // pour le développement"; "X à la presse" is the verb's)
                if (OTHER_PREPOSITIONS.contains(&&*toks[p].folded)
                    && (!named || toks[p].folded == "pour"))
                    || (complements > 0 && toks[p].folded == "contre")
                {
                    let mut after = p + 1;
                    if after < s.end
                        && matches!(toks[after].folded.as_ref(), "la" | "l'" | "le" | "les")
                    {
                        after += 1;
                    }
                    // "et à petite échelle": an adjective that stands before its noun
                    if after + 1 < s.end
                        && toks[after].is_word()
                        && !toks[after].cap
                        && is_adjective_before(&toks[after].folded)
                        && toks[after + 1].is_word()
                        && !toks[after + 1].cap
                    {
                        after += 1;
                    }
                    // "… au ministère de l'Intérieur": another organisation starts there
                    if after < s.end
                        && toks[after].is_word()
                        && !toks[after].cap
                        && toks[after].folded.len() >= 3
                        && !matches!(
                            self.lex.org_heads.get(&*toks[after].folded),
                            Some(OrgHead::AlsoLowercase | OrgHead::NeedsComplement)
                        )
                        && self.upos(toks, s, after) == Upos::Noun
                    {
                        j = after + 1;
                        tentative = j;
                        pending_noun = true;
                        complements += 1;
                        continue;
                    }
                }
            }
            // "Association Tifaouine", "Coopérative minière Tujenge Pamoja": a capitalised
            // head (and its adjectives) right before a capitalised name is that name's
            // organisation, the name part of it
            if head.cap
                && complements == 0
                && (!head.initial || after_article)
                && t.is_word()
                && t.name_like
                && !t.all_caps
                && !self.lex.stopwords_caps.contains(&*t.folded)
                && !self.lex.org_heads.contains_key(&*t.folded)
                && self.demonyms.get(self.kb, t.text).is_none()
                // "la présidente de l'Assemblée nationale Yaël X": a person after the name;
                // "Marine" is a first name before it is the navy
                && !self.kb.is_first_name(t.text)
                && !self.kb.is_first_name(head.text)
            {
                let e = self.extend_caps(toks, j, s.end);
                evidence.push(format!("name \"{}\" after the head", text_of(toks, j, e)));
                j = e;
                tentative = j;
                end_ok = Some(j);
                complements += 1;
                named = true;
                continue;
            }
            // "Union des entreprises de transport et logistique de France": two nouns
            // coordinated without a second "de", the second followed by the name's next
            // complement or its end
            if head.cap
                && pending_noun
                && t.folded == "et"
                && j + 2 < s.end
                && toks[j + 1].is_word()
                && !toks[j + 1].cap
                && toks[j + 1].folded.len() >= 3
                && (is_de(&toks[j + 2].folded) || matches!(toks[j + 2].text, "(" | ","))
                && !self.lex.stopwords_caps.contains(&*toks[j + 1].folded)
                && !matches!(
                    self.upos(toks, s, j + 1),
                    Upos::Verb | Upos::Aux | Upos::Pron | Upos::Det | Upos::Adp | Upos::Adv
                )
            {
                j += 2;
                tentative = j;
                continue;
            }
            // "Centre de contrôle et de prévention", "opérations de la Djézireh et de la Badiya":
            // coordinated complements (for a lowercase head only after a capitalised one);
            // for a capitalised head also a list opened by commas ("de l'économie, de
            // l'emploi, du travail et des solidarités")
            let mut de_at = j;
            let mut comma = false;
            if t.folded == "et"
                && complements > 0
                && (head.cap || end_ok == Some(j))
                && toks.get(j + 1).is_some_and(|n| is_de(&n.folded))
            {
                de_at = j + 1;
            } else if t.text == ","
                && (head.cap || end_ok == Some(j))
                && complements > 0
                && toks.get(j + 1).is_some_and(|n| is_de(&n.folded))
            {
                // a lowercase head lists only capitalised complements after a capitalised
                // one: a ministry's portfolios ("ministère de l'Industrie, des Mines et de
                // l'Énergie"); "et" must close the list as for a capitalised head
                de_at = j + 1;
                comma = true;
            }
            let listed = de_at > j;
            // ("dès lundi" folds to "des" but is no complement)
            if de_at + 1 < s.end && is_de(&toks[de_at].folded) && !is_des_accented(&toks[de_at]) {
                let mut after = de_at + 1;
                if toks[de_at].folded == "de" && matches!(toks[after].folded.as_ref(), "la" | "l'")
                {
                    after += 1;
                }
                if after < s.end {
                    let n = &toks[after];
                    // "ministère de l'Intérieur", "des Affaires étrangères": words kept out of
                    // names on their own are portfolio nouns here
                    if n.name_like
                        && (!self.lex.stopwords_caps.contains(&*n.folded)
                            || self.capitalised_noun(toks, s, after))
                    {
                        // "Université X, de l'Observatoire de Y et du Z": an item of a list
                        // that is an organisation's head with a complement of its own names
                        // another organisation (a portfolio, "de la Culture", "et des
                        // Sports", "de la Sécurité publique", has none)
                        if listed
                            && self.lex.org_heads.contains_key(&*n.folded)
                            && toks.get(after + 1).is_some_and(|d| is_de(&d.folded))
                        {
                            evidence.push(format!("listed organisation \"{}\"", n.text));
                            break;
                        }
                        let e = self.extend_caps(toks, after, s.end);
                        // "les forces du Hachd": a known actor is its own mention after a
                        // description; after a capitalised name of which it is the parent
                        // ("Bureau de coordination des affaires humanitaires de l'ONU") it
                        // belongs to the name
                        let parent = head.cap
                            && !head.initial
                            && self.starts_known_organisation(toks, after, e, text);
                        if !parent && self.starts_known_actor(toks, after, e, text) {
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
                        if comma {
                            comma_open.get_or_insert(tentative);
                        } else if de_at > j {
                            comma_open = None;
                        }
                        j = e;
                        tentative = j;
                        end_ok = Some(j);
                        pending_noun = false;
                        complements += 1;
                        continue;
                    }
                    if n.is_word()
                        && !n.cap
                        && (head.cap || !comma)
                        && complements < max_complements
                        && n.folded.len() >= 3
                        // "le conseil communal de lundi": a day or a month dates the
                        // meeting, it names no part of the body ("d'ici à la fin": a time)
                        && !is_calendar_word(&n.folded)
                        && n.folded != "ici"
                        && (!self.lex.stopwords_caps.contains(&*n.folded)
                            || self.upos(toks, s, after) == Upos::Noun)
                    {
                        // "la Défense civile de la province", "la Croix-Rouge du pays": a
                        // territory the text names elsewhere is where the body acts, no
                        // part of its name (unless its own name follows: "de la province
                        // de X")
                        if (toks[de_at].folded == "du" || after > de_at + 1)
                            && (self.lex.admin_cues.contains(&*n.folded)
                                || matches!(
                                    &*n.folded,
                                    "ville" | "pays" | "commune" | "localite" | "territoire"
                                ))
                            && !toks
                                .get(after + 1)
                                .is_some_and(|d| is_de(&d.folded) || (d.is_word() && d.name_like))
                        {
                            evidence.push(format!("\"{}\" named elsewhere left out", n.text));
                            break;
                        }
                        // "unités de la police fédérale": the organisation starts at "police";
                        // a singular head is an institution of its own ("état-major général
                        // des armées maliennes")
                        // ("les forces de l'ordre": a head that names a body only when
                        // capitalised, "Ordre", is no organisation in lowercase)
                        if !head.cap
                            && head.folded.ends_with(['s', 'x'])
                            && matches!(
                                self.lex.org_heads.get(&*n.folded),
                                Some(OrgHead::AlsoLowercase | OrgHead::NeedsComplement)
                            )
                        {
                            return None;
                        }
                        // "l'état-major de l'armée ukrainienne", "la garde du ministre": a
                        // known organisation or a person's title after a description is
                        // the mention, not part of it
                        if !head.cap
                            && (self.lex.person_titles.contains(&*n.folded)
                                || self.known_organisation_phrase(toks, s, after))
                        {
                            return None;
                        }
                        if comma {
                            comma_open.get_or_insert(tentative);
                        } else if de_at > j {
                            comma_open = None;
                        }
                        j = after + 1;
                        tentative = j;
                        pending_noun = true;
                        complements += 1;
                        // "l'état-major général des armées", "le commandement de la
                        // gendarmerie": a singular head over a force named by its own head
                        // noun is an institution, no country needed
                        if !head.cap
                            && head_kind == OrgHead::AlsoLowercase
                            && i > s.start
                            && matches!(&*toks[i - 1].folded, "l'" | "le" | "la")
                            && matches!(
                                self.lex.org_heads.get(&*n.folded),
                                Some(OrgHead::AlsoLowercase)
                            )
                        {
                            end_ok = Some(j);
                            pending_noun = false;
                            evidence.push(format!("the force \"{}\" completes it", n.text));
                        }
                        continue;
                    }
                }
            }
            break;
        }
        // a list of complements opened by a comma that no "et" closed: the name ends before it
        if let Some(before) = comma_open {
            tentative = before;
            end_ok = end_ok.filter(|&e| e <= before);
        }
        // "la 12e Classique de …": the edition of an event is no part of its name
        let (start, end, rule) = if ordinal && !misc {
            (i - 1, tentative, "org-ordinal-unit")
        } else if misc {
            // "la Constitution" alone is the name of a law; at a sentence start it may be a noun
            if head.initial && tentative == i + 1 {
                return None;
            }
            (i, tentative, "misc-capitalised-head")
        } else if grand {
            (i - 1, tentative, "org-capitalised-head")
        } else if head.cap {
            // a bare capitalised head ("Conseil") or one opening a sentence says too little;
            // after an article ("L'Union des syndicats…", "La Direction de…") the capital is
            // the name's, not the sentence's
            if tentative == i + 1 || (head.initial && !after_article && end_ok.is_none()) {
                return None;
            }
            (i, tentative, "org-capitalised-head")
        } else {
            // "forces irakiennes" is a description; "forces de sécurité irakiennes" a name
            if head_kind == OrgHead::NeedsComplement && complements == 0 && !adjectives {
                return None;
            }
            let end = end_ok?;
            // "le cortège, parti de la gare": a lowercase head must be a noun here (asked
            // last, once the phrase has the shape of a name)
            if self.upos(toks, s, i) != Upos::Noun {
                return None;
            }
            (i, end, "org-lowercase-pattern")
        };
        // "la Mission de l'Union européenne en Arménie": a body kept abroad is named with the
        // country where it works
        let end = if !misc && head.cap && self.lex.org_abroad.contains(&*head.folded) {
            match self.where_abroad(toks, s, end) {
                Some(e) => {
                    evidence.push(format!("where it works: \"{}\"", text_of(toks, end, e)));
                    e
                }
                None => end,
            }
        } else {
            end
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

    /// The end of "en Arménie", "au Mali" right at `at`: the country where a body kept
    /// abroad works.
    fn where_abroad(&self, toks: &[Tk<'_>], s: SentenceRange, at: usize) -> Option<usize> {
        let prep = toks.get(at).filter(|_| at + 1 < s.end)?;
        if !matches!(&*prep.folded, "en" | "au" | "aux") {
            return None;
        }
        let n = &toks[at + 1];
        if !n.is_word() || !n.name_like {
            return None;
        }
        let e = self.extend_caps(toks, at + 1, s.end);
        let hits = self.candidates(&text_of(toks, at + 1, e));
        let first = hits.first()?;
        (first.label == EntityType::LOC && first.kind == Some(PlaceKind::Country)).then_some(e)
    }

    /// "l'ambassade de France", "le consulat général du Mali": a diplomatic post named by
    /// the country it represents is an organisation; the noun alone or before anything else
    /// names none.
    pub(super) fn diplomatic_post(
        &self,
        toks: &[Tk<'_>],
        i: usize,
        s: SentenceRange,
    ) -> Option<Cand> {
        let head = &toks[i];
        if !self.lex.org_abroad.contains(&*head.folded)
            || self.lex.org_heads.contains_key(&*head.folded)
        {
            return None;
        }
        let mut j = i + 1;
        // "consulat général"
        if j < s.end && matches!(&*toks[j].folded, "general" | "generale" | "generaux") {
            j += 1;
        }
        if j + 1 >= s.end || !is_de(&toks[j].folded) {
            return None;
        }
        let mut n = j + 1;
        if toks[j].folded == "de" && matches!(&*toks[n].folded, "la" | "l'") && n + 1 < s.end {
            n += 1;
        }
        if !toks[n].is_word() || !toks[n].name_like {
            return None;
        }
        let e = self.extend_caps(toks, n, s.end);
        let country = self
            .candidates(&text_of(toks, n, e))
            .first()
            .is_some_and(|h| h.label == EntityType::LOC && h.kind == Some(PlaceKind::Country));
        if !country {
            return None;
        }
        // the town after it ("à Kigali") stays a place of its own: the gold corpora split
        // on it, and the place layer needs the town
        let end = e;
        Some(Cand {
            start: i,
            end,
            label: EntityType::ORG,
            strength: STRENGTH_CUE,
            hits: Vec::new(),
            rule: "diplomatic-post",
            evidence: vec![format!(
                "\"{}\" of the country \"{}\"",
                head.text,
                text_of(toks, n, e)
            )],
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
        // Every answer below is a description noun at most APPOSITION_ADJECTIVES + 6 tokens
        // back (the word before the name or the head of its complements, over the
        // adjectives): with none there the answer is None whatever the tags, and the tagger
        // (which tags the sentence from its start) need not be asked.
        let described = |t: &Tk<'_>| {
            let f = &*t.folded;
            self.lex.org_appositions.contains(f)
                // "les entreprises X et Y"
                || (f.len() > 3
                    && f.ends_with('s')
                    && self.lex.org_appositions.contains(&f[..f.len() - 1]))
        };
        let reach = s.start.max(i.saturating_sub(APPOSITION_ADJECTIVES + 6));
        if !toks[reach..i.max(reach)].iter().any(described) {
            return None;
        }
        // "l'agence X", and over a nationality or adjective: "l'agence britannique X"
        let mut k = i;
        // "le bailleur, X", "son armateur grec, X": an apposition between commas
        let mut comma = false;
        if k > s.start + 2 && toks[k - 1].text == "," && !self.kb.is_first_name(toks[i].text) {
            comma = true;
            k -= 1;
        }
        let mut complements = 0;
        for _ in 0..=APPOSITION_ADJECTIVES + 2 {
            if k <= s.start {
                return None;
            }
            let prev = &toks[k - 1];
            // "l'ONG Plataforma…": a description noun written as an acronym
            let is_described = described(prev);
            // (an acronym also over a nationality: "l'ONG espagnole X")
            if prev.cap && !(prev.all_caps && is_described) {
                return None;
            }
            if is_described {
                // between commas only as the subject opening its sentence or clause ("Le
                // bailleur, X, a…"), not after a complement ("avec la télévision, X a…")
                if comma
                    && !(k >= s.start + 2
                        && matches!(
                            &*toks[k - 2].folded,
                            "le" | "la" | "l'" | "son" | "sa" | "leur" | "notre"
                        )
                        && (k - 2 == s.start || toks[k - 3].text == ","))
                {
                    return None;
                }
                return Some(prev.text.to_string());
            }
            // "l'agence de propagande Amaq", "l'agence de presse iranienne Irna", "le
            // fabricant d'emballages en carton X": the noun's own complements
            if !comma
                && complements < 2
                && prev.is_word()
                && !prev.cap
                && k >= s.start + 3
                && (is_de(&toks[k - 2].folded) || toks[k - 2].folded == "en")
            {
                complements += 1;
                k -= 2;
                continue;
            }
            // "le groupe agroalimentaire breton X": an adjective the endings miss, to the
            // tagger
            let tagged_adjective =
                prev.is_word() && !prev.cap && self.upos(toks, s, k - 1) == Upos::Adj;
            if !self.is_description_adjective(prev) && !tagged_adjective {
                return None;
            }
            k -= 1;
        }
        None
    }

    /// Whether the nationality at `j` is plural and follows a lowercase plural noun, the
    /// complement of the singular head at `i`: "Syndicat des enseignants tchadiens", where it
    /// describes the members the name is about, so belongs to the name.
    fn describes_plural_complement(&self, toks: &[Tk<'_>], i: usize, j: usize) -> bool {
        let plural = |f: &str| f.ends_with('s') || f.ends_with('x');
        let noun = &toks[j - 1];
        j > i + 2
            && plural(&toks[j].folded)
            && !plural(&toks[i].folded)
            && noun.is_word()
            && !noun.cap
            && noun.folded.chars().count() > 3
            && plural(&noun.folded)
            && self.demonyms.get(self.kb, noun.text).is_none()
    }

    /// A lowercase nationality or adjective that may stand between a description noun and a
    /// name ("l'agence *britannique* UKMTO").
    pub(super) fn is_description_adjective(&self, t: &Tk<'_>) -> bool {
        t.is_word()
            && !t.cap
            && (self.demonyms.get(self.kb, t.text).is_some() || is_adjective(&t.folded))
    }

    /// Whether the description noun at `i`, over its own "de" complement and at most
    /// [`APPOSITION_ADJECTIVES`] adjectives, stands right before a capitalised name.
    pub(super) fn describes_next_name(&self, toks: &[Tk<'_>], i: usize, s: SentenceRange) -> bool {
        let mut k = i + 1;
        // "l'agence de presse iranienne Irna": over the noun's own "de" complement
        if k + 1 < s.end
            && is_de(&toks[k].folded)
            && toks[k + 1].is_word()
            && !toks[k + 1].cap
            && !self.lex.stopwords_caps.contains(&*toks[k + 1].folded)
        {
            k += 2;
        }
        while k < s.end && k <= i + APPOSITION_ADJECTIVES && self.is_description_adjective(&toks[k])
        {
            k += 1;
        }
        k < s.end && toks[k].name_like && !self.lex.stopwords_caps.contains(&*toks[k].folded)
    }

    /// Whether the capitalised name at `i..end` is a known organisation (and not a person).
    fn starts_known_organisation(&self, toks: &[Tk<'_>], i: usize, end: usize, text: &str) -> bool {
        let Some(surface) = text.get(toks[i].span.start..toks[end - 1].span.end) else {
            return false;
        };
        let hits = self.cache.get(self.kb, &self.kb.key(surface));
        hits.first().is_some_and(|h| h.label == EntityType::ORG)
    }

    /// Whether the lowercase noun at `k` and the nationality after it name a known
    /// organisation ("armée ukrainienne").
    fn known_organisation_phrase(&self, toks: &[Tk<'_>], s: SentenceRange, k: usize) -> bool {
        k + 1 < s.end
            && toks[k + 1].is_word()
            && self.demonyms.get(self.kb, toks[k + 1].text).is_some()
            && self
                .candidates(&text_of(toks, k, k + 2))
                .first()
                .is_some_and(|h| h.label == EntityType::ORG)
    }

    /// A lowercase adjective inside an organisation name: by its ending, or to the tagger.
    /// A past participle counts only before any complement (`participle_ok`): "forces
    /// armées", but not "Comité d'urgence *composé* d'experts"; an adjective only the tagger
    /// sees only where `tagged_adjective_ok`.
    fn org_adjective(
        &self,
        toks: &[Tk<'_>],
        s: SentenceRange,
        k: usize,
        participle_ok: bool,
        tagged_adjective_ok: bool,
    ) -> bool {
        let t = &toks[k];
        if !t.is_word() || t.cap || is_de(&t.folded) || self.lex.stopwords_caps.contains(&*t.folded)
        {
            return false;
        }
        // "le Collectif citoyen affirme de son côté…": a speech verb's present form
        if self.lex.speech_present.contains(&*t.folded) {
            return false;
        }
        // "la Croix-Rouge locale", "l'armée loyale au gouvernement": where it acts or whom
        // it serves, not which body it is ("le conseil local de Manbij" is one body's name)
        if self.lex.org_relation_adjectives.contains(&*t.folded)
            && !toks.get(k + 1).is_some_and(|n| is_de(&n.folded))
        {
            return false;
        }
        // an adjective by its ending needs the tagger only where a finite verb may end alike
        // ("le Haut-Commissariat appelle", "indique", "arrive", "insiste")
        if is_adjective(&t.folded) && !VERB_LIKE_ENDINGS.iter().any(|e| t.folded.ends_with(e)) {
            return true;
        }
        // a past participle is an adjective here ("forces armées", "cols bleus regroupés");
        // a word the endings miss counts in a capitalised name or after a complement
        // ("Protection civile", "des Affaires étrangères"), not after a lowercase head, where
        // the tagger may take a verb for one ("l'armée israélienne frappe")
        match self.upos(toks, s, k) {
            // "le Collectif citoyen affirme que…", "le Croissant-Rouge algérien évoque une
            // dizaine…": a word only the tagger calls an adjective is the sentence's verb
            // when an article, "que" or a pronoun follows it, which no adjective takes
            Upos::Adj if !is_adjective(&t.folded) && opens_verb_object(toks, s, k + 1) => false,
            Upos::Adj => is_adjective(&t.folded) || tagged_adjective_ok,
            // "les milices affiliées au gouvernement": a participle with a complement of its
            // own tells what the body does, after its name
            Upos::Verb | Upos::Aux => {
                participle_ok
                    && ["é", "ée", "és", "ées"].iter().any(|e| t.text.ends_with(e))
                    && !toks
                        .get(k + 1)
                        // ("à" folds like the verb "a": "la 9e division blindée a pris")
                        .is_some_and(|n| matches!(&*n.folded, "au" | "aux" | "par"))
            }
            _ => false,
        }
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

/// A title whose capitalised complement is a portfolio ("ministre de la Santé", "vice-ministre
/// du Commerce", "conseiller à la Santé"), folded.
fn is_minister_title(folded: &str) -> bool {
    matches!(
        folded,
        "ministre"
            | "ministres"
            | "vice-ministre"
            | "vice-ministres"
            | "secretaire"
            | "secretaires"
            | "conseiller"
            | "conseillere"
            | "conseillers"
            | "conseilleres"
    )
}
