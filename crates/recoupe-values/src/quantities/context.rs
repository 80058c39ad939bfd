//! Counts whose noun is in the context: a bare number ("le bilan est passé à 103", "dont 195
//! sont hospitalisés"), "29 autres", "un troisième", and whether "un"/"une" is a toll.

use recoupe_model::{Qualifier, Quantity, QuantityValue};
use recoupe_tagger::Upos;

use super::{is_demonym, is_ordinal, Head, Noun, Scanner};
use crate::tokens::{Kind, Token};

/// Determiners of a group a count is part of: "dix de ces treize", "deux de ses frères".
pub(super) const GROUP_DETERMINERS: [&str; 5] = ["ces", "ses", "leurs", "nos", "vos"];

impl<'a> Scanner<'a> {
    /// The last quantity when it is in sentence `sentence` or the one before (blank lines
    /// between them are no sentence).
    pub(super) fn recent_quantity<'q>(
        &self,
        previous: &'q [Quantity],
        sentence: usize,
    ) -> Option<&'q Quantity> {
        let last = previous.last()?;
        let mut before = sentence.saturating_sub(1);
        while before > 0 && {
            let (first, end) = self.sentences[before];
            self.tokens[first..end]
                .iter()
                .all(|t| t.kind == Kind::Punct)
        } {
            before -= 1;
        }
        let from = self.sentences[before].0;
        (last.span.start >= self.tokens[from].start).then_some(last)
    }

    /// No noun after the number: "29 autres [blessées]", "51 nouveaux élus sur 74" and
    /// "350 voix contre 200" take
    /// the unit of the previous quantity of the sentence.
    pub(super) fn elliptic_noun(
        &self,
        at: usize,
        head: &Head,
        previous: &[Quantity],
    ) -> Option<Noun> {
        if head.is_one_article || !matches!(head.value, QuantityValue::Single(_)) {
            return self.one_other_casualty(head, at, previous);
        }
        let sentence = self.tokens[at].sentence;
        // "51 élus sur 74 ont …", "350 voix contre 200.". "trois trains sur quatre", "un sur
        // deux" give a proportion: a small second number is no count.
        // "sur les quelque 3 900 qui circulent", "sur les 30": an article and a qualifier
        // may stand between "sur" and the number.
        let mut before = at;
        while before > 0 && self.is(before - 1, &["les", "quelque", "environ"]) {
            before -= 1;
        }
        let proportion = before > 0
            && self.is(before - 1, &["sur"])
            && matches!(head.value, QuantityValue::Single(v) if v <= 10.0);
        let after_sur = before > 0
            && self.is(before - 1, &["sur", "contre"])
            && !proportion
            && self.closes_bare(head.end, sentence);
        let others = self.key(head.end) == "autres";
        if !(after_sur || others) {
            return None;
        }
        let (first, _) = self.sentences[sentence];
        let last = previous
            .last()
            .filter(|last| last.span.start >= self.tokens[first].start);
        // "comme les 50 autres": the noun is only in the context.
        let Some(unit) = last.and_then(|last| last.unit.as_deref()) else {
            return (others && self.closes_bare(head.end + 1, sentence)).then(|| Noun {
                unit: String::new(),
                end: head.end + 1,
            });
        };
        let head_noun = unit.rsplit(' ').next().unwrap_or(unit);
        let unit = if others && !head_noun.ends_with(['s', 'x']) {
            format!("{head_noun}s")
        } else {
            head_noun.to_string()
        };
        Some(Noun {
            unit,
            end: if others { head.end + 1 } else { head.end },
        })
    }

    /// "un autre grièvement blessé": one more casualty, the participle is the unit; "deux
    /// autres décès …, et un troisième en Andalousie": one more of the count just given.
    pub(super) fn one_other_casualty(
        &self,
        head: &Head,
        at: usize,
        previous: &[Quantity],
    ) -> Option<Noun> {
        if !head.is_one_article {
            return None;
        }
        if is_ordinal(self.key(head.end)) {
            let sentence = self.tokens[at].sentence;
            let last = self.recent_quantity(previous, sentence)?;
            return self
                .closes_bare(head.end + 1, sentence)
                .then(|| Noun {
                    unit: last.unit.clone().unwrap_or_default(),
                    end: head.end + 1,
                })
                .filter(|noun| !noun.unit.is_empty());
        }
        if !self.is(head.end, &["autre"]) {
            return None;
        }
        let mut index = head.end + 1;
        while self.key(index).ends_with("ment") && self.tokens.get(index)?.kind == Kind::Word {
            index += 1;
        }
        let key = self.key(index);
        if self.lexicon.casualty.contains(key) {
            return Some(Noun {
                unit: self.tokens[index].raw.to_string(),
                end: index + 1,
            });
        }
        None
    }

    /// Whether the token at `index` ends a count whose noun is elsewhere: punctuation other
    /// than a unit sign, a listed preposition or conjunction, "d'entre", a verb or a
    /// pronoun; not a noun, a name, a time or age unit, nor "à 3" (a score, an hour).
    pub(super) fn closes_bare(&self, index: usize, sentence: usize) -> bool {
        let Some(token) = self.tokens.get(index) else {
            return true;
        };
        // "contre 1,6 million la semaine précédente": a date after the number.
        if token.sentence != sentence || self.is_date[index] {
            return true;
        }
        let key = token.key.as_ref();
        match token.kind {
            Kind::Punct => !matches!(key, "%" | "°" | "€" | "$" | "£" | "‰" | "/" | "-" | "+"),
            Kind::Word => {
                // "12 pour cent" is a percentage.
                if key == "pour" && self.is(index + 1, &["cent", "mille"]) {
                    return false;
                }
                if self.lexicon.not_unit.contains(key) && !self.lexicon.bare_next.contains(key)
                    || token.capitalised
                {
                    return false;
                }
                // "Quatre d'entre eux"; "20 000 d'après la CGT", a count and its source.
                if key == "d'" {
                    return self.is(index + 1, &["entre", "apres"]);
                }
                // "soit deux de moins qu'en 2022": a difference counted in the noun before.
                if key == "de" && self.is(index + 1, &["moins", "plus"]) {
                    return true;
                }
                // "Trois des huit blessés", "Deux des rescapés", "Dix de ces treize", "deux de
                // ses frères": the part of a group, the number alone.
                if key == "des" || key == "de" && self.is(index + 1, &GROUP_DETERMINERS) {
                    return true;
                }
                // "porte à 11 916 le nombre de morts", "dont 35 le seraient grièvement".
                if matches!(key, "le" | "la" | "les" | "l'") {
                    let next = self.key(index + 1);
                    return self.lexicon.toll_nouns.contains(next)
                        || self.looks_like_verb(index + 1)
                        || self.is_date.get(index + 1).copied().unwrap_or(false);
                }
                // "12 à 15 ans", "3 à 1", "de 9 h à 12 h": a second number after the joiner;
                // but "17 et 29 migrants" counts the same noun twice.
                if let Some((_, after)) = matches!(key, "a" | "et" | "ou")
                    .then(|| self.plain_number(index + 1))
                    .flatten()
                {
                    let shared_noun = key != "a"
                        && self.noun_word(after, true).is_some()
                        && !self.list_ends_in_measure(index + 1, sentence);
                    return shared_noun;
                }
                self.lexicon.bare_next.contains(key)
                    // "96 confirmés", "neuf annoncés lundi": the noun is named elsewhere.
                    || self.lexicon.reporting_participles.contains(key)
                    || self.looks_like_verb(index)
                    || self.tag(index) == Some(Upos::Pron)
                    // "dont 319 sommairement exécutés", "dont 120 entièrement détruites": a
                    // manner adverb before the verb or its participle.
                    || key.ends_with("ment")
                        && self.tag(index) == Some(Upos::Adv)
                        && (self.looks_like_verb(index + 1)
                            || self.tag(index + 1) == Some(Upos::Adj))
            }
            _ => false,
        }
    }

    /// Whether sentence `sentence` is an item of a list ("• Parti X : 90") whose heading
    /// names a toll ("Nombre de députés :").
    pub(super) fn heading_has_toll(&self, sentence: usize) -> bool {
        let words = |s: usize| {
            let (first, end) = self.sentences[s];
            self.tokens[first..end].iter().filter(|t| t.raw != "\n")
        };
        let is_item = |s: usize| {
            words(s)
                .next()
                .is_some_and(|t| matches!(t.raw, "•" | "-" | "–" | "—" | "*" | "·" | "▪"))
        };
        if !is_item(sentence) {
            return false;
        }
        let mut current = sentence;
        // A list of a dozen items at most is read back to its heading.
        for _ in 0..24 {
            let Some(before) = current.checked_sub(1) else {
                return false;
            };
            current = before;
            let Some(last) = words(current).next_back() else {
                continue;
            };
            if last.raw == ":" {
                return words(current).any(|t| self.lexicon.toll_nouns.contains(t.key.as_ref()));
            }
            // An item may run over several sentences ("• X : 90 (76 avant …).").
            if !is_item(current) && !words(current).all(|t| t.kind == Kind::Punct) {
                let (first, _) = self.sentences[current];
                let continues_item = first > 0 && self.tokens[first - 1].raw != "\n";
                if !continues_item {
                    return false;
                }
            }
        }
        false
    }

    /// "de 73 et de 31 ans", "35, 40 et 54 ans": a number in a list whose last member
    /// carries a time or age unit is a measure too.
    pub(super) fn list_ends_in_measure(&self, mut index: usize, sentence: usize) -> bool {
        let mut numbers = 0;
        while let Some(token) = self.tokens.get(index).filter(|t| t.sentence == sentence) {
            match token.kind {
                Kind::Number => numbers += 1,
                Kind::Punct if token.raw == "," => {}
                Kind::Word if matches!(token.key.as_ref(), "et" | "ou" | "de" | "d'" | "a") => {}
                Kind::Word => {
                    return numbers > 0 && self.lexicon.not_unit.contains(token.key.as_ref())
                }
                _ => return false,
            }
            index += 1;
        }
        false
    }

    /// Whether token `index` reads as a verb. The tagger reads a word after a number as its
    /// noun ("10 100 restent"), so a third-person plural ending and the forms of "être" and
    /// "avoir" say verb too.
    pub(super) fn looks_like_verb(&self, index: usize) -> bool {
        let key = self.key(index);
        let long = key.chars().count() >= 4;
        key.ends_with("ent") && !key.ends_with("ment")
            // Future and conditional ("aura", "seront", "devrait"), present participle
            // ("blessant").
            || long && ["ra", "ront", "rait", "raient", "ant"].iter().any(|e| key.ends_with(e))
            || matches!(
                key,
                "a" | "est"
                    | "sont"
                    | "ont"
                    | "etait"
                    | "etaient"
                    | "sera"
                    | "seront"
                    | "serait"
                    | "seraient"
                    | "avait"
                    | "avaient"
                    | "aurait"
                    | "auraient"
            )
            || matches!(self.tag(index), Some(Upos::Verb | Upos::Aux))
    }

    /// A number whose noun is elsewhere ("le bilan est passé à 103", "284 blessés, dont 195
    /// sont hospitalisés", "Quinze d'entre elles"): the span is the number alone (with its
    /// qualifier, and a wound adverb standing for the noun: "dont 51 grièvement"). It counts
    /// when the context gives the noun: a quantity in this sentence or the one before, a
    /// toll noun before it in the sentence, a qualifier, or a verb it is the subject of.
    pub(super) fn bare_count(
        &self,
        start: usize,
        at: usize,
        head: &Head,
        qualifier: Qualifier,
        previous: &[Quantity],
    ) -> Option<Noun> {
        let token = &self.tokens[at];
        let sentence = token.sentence;
        // Whole numbers, scaled numbers ("2,59 millions") and collective nouns ("des
        // milliers", "quelques-uns"); not a bare "quelques" nor "un".
        match head.value {
            QuantityValue::Single(v) if v.fract() == 0.0 || head.needs_de => {}
            QuantityValue::Range(_) if head.needs_de || head.pronoun => {}
            _ => return None,
        }
        if head.is_one_article {
            return self.one_in_a_list(start, at, head, previous);
        }
        // Glued to a word before ("COVID-19", "A-86"): part of a name.
        if let Some(before) = start.checked_sub(1).map(|p| &self.tokens[p]) {
            let glued = |a: &Token, b: &Token| a.end == b.start;
            // "d'au moins 27": an elided word is glued to what follows, and no name.
            let elided = before.raw.ends_with(['\'', '’']);
            let name_part = glued(before, &self.tokens[start])
                && !elided
                && (before.kind != Kind::Punct
                    || before.raw == "-"
                        && start >= 2
                        && glued(&self.tokens[start - 2], before)
                        && self.tokens[start - 2].kind != Kind::Punct);
            if name_part {
                return None;
            }
            // "Ligue 1", "France 2": a number after a name is part of it, unless the name
            // is the subject of a clause whose verb and noun are left out ("et l'UDC 26").
            if before.kind == Kind::Word && before.capitalised && before.sentence == sentence {
                let first = self.sentences[sentence].0;
                if start - 1 > first {
                    return self.gapped_count(start, head, previous);
                }
            }
        }
        let previous_word =
            |back: usize| start.checked_sub(back).map(|p| self.key(p)).unwrap_or("");
        // "ils seraient 53 à avoir fui", "ils sont en réalité 19", "le ministère en compte
        // 38": the number is what a group named before counts, told as the predicate of a
        // personal pronoun or as the object of a counting verb after "en".
        let predicate = {
            let first = self.sentences[sentence].0;
            let mut k = start;
            while k > first + 1
                && start - k < 2
                && matches!(
                    self.key(k - 1),
                    "realite" | "desormais" | "deja" | "encore" | "toujours" | "donc"
                )
            {
                k -= 1;
                if self.key(k) == "realite" && self.is(k - 1, &["en"]) {
                    k -= 1;
                }
            }
            let word = |back: usize| {
                k.checked_sub(back)
                    .filter(|&p| p >= first)
                    .map(|p| self.key(p))
            };
            let copula = word(1).is_some_and(|w| {
                matches!(
                    w,
                    "sont" | "etaient" | "seraient" | "seront" | "sommes" | "etions" | "serions"
                )
            }) && word(2).is_some_and(|w| matches!(w, "ils" | "elles" | "nous"));
            let counted = word(1).is_some_and(|w| {
                ["compt", "denombr", "recens"]
                    .iter()
                    .any(|stem| w.starts_with(stem))
            }) && word(2) == Some("en");
            copula || counted
        };
        // "la route nationale 7", "la ligne 14": a number right after a noun or an adjective
        // is its label. A bare count follows punctuation, a grammatical word or a verb.
        if let Some(before) = start.checked_sub(1).map(|p| &self.tokens[p]) {
            let key = before.key.as_ref();
            let opens_count = before.kind != Kind::Word
                || predicate
                || self.lexicon.function.contains(key)
                || self.lexicon.bare_next.contains(key)
                // "seuls 5 ont survécu": the few left of a group named before.
                || matches!(
                    key,
                    "pas" | "dont" | "parmi" | "soit" | "encore" | "meme" | "seuls" | "seules"
                )
                || self.looks_like_verb(start - 1)
                // "a condamné ce mardi quatorze des seize prévenus": a date before it.
                || self.is_date[start - 1]
                // "puis deux millions", "voire 40": an adverb or a conjunction.
                || matches!(
                    self.tag(start - 1),
                    Some(Upos::Adv | Upos::Cconj | Upos::Sconj | Upos::Adp | Upos::Pron)
                );
            // "compte deux de leurs points de passage": a part of a group is a count
            // whatever word comes before it.
            let part = self.is(head.end, &["des"])
                || self.is(head.end, &["de"]) && self.is(head.end + 1, &GROUP_DETERMINERS);
            if !opens_count && !part {
                return self.gapped_count(start, head, previous);
            }
        }
        let labelled = self.lexicon.bare_not_after.contains(previous_word(1))
            || (matches!(previous_word(1), "de" | "d'")
                && self.lexicon.bare_not_after.contains(previous_word(2)));
        // "trois bus sur quatre", "un sur deux": a proportion.
        let proportion = previous_word(1) == "sur"
            && matches!(head.value, QuantityValue::Single(v) if v <= 10.0);
        if labelled || proportion {
            return None;
        }
        // The context first (cheap), the words after the number last (they may need the
        // tagger).
        let collective = head.needs_de;
        let corrected = previous_word(1) == "pas";
        // "Trois des huit blessés", "Deux des rescapés", "deux de ses frères": the group is
        // named right after; "17 et 29 migrants": the noun of the next count.
        let part_of_group = self.is(head.end, &["des"])
            || self.is(head.end, &["de"]) && self.is(head.end + 1, &GROUP_DETERMINERS)
            // "Quatre d'entre eux": a part of a group named before.
            || self.is(head.end, &["d'"]) && self.is(head.end + 1, &["entre"]);
        let shared_noun = self
            .is(head.end, &["et", "ou"])
            .then(|| self.plain_number(head.end + 1))
            .flatten()
            .filter(|(_, after)| self.noun_word(*after, true).is_some())
            .map(|(_, after)| self.raw(after).to_string());
        let recent = self.recent_quantity(previous, sentence);
        // "Ils étaient 20 000 selon la CGT, 8 000 d'après la police": a figure with its
        // source is a count (of the crowd the clause is about).
        let sourced = self.is(head.end, &["selon"])
            || self.is(head.end, &["d'"]) && self.is(head.end + 1, &["apres"]);
        let in_context = || {
            let (first, _) = self.sentences[sentence];
            collective
                || corrected
                || sourced
                || predicate
                || part_of_group
                || shared_noun.is_some()
                || recent.is_some()
                || qualifier != Qualifier::Exact
                || self.tokens[first..at]
                    .iter()
                    .any(|t| self.lexicon.toll_nouns.contains(t.key.as_ref()))
                || self.heading_has_toll(sentence)
                // "6 800 annoncés par …", "10 100 restent …": the subject of a verb.
                || self.token_in(head.end, sentence).is_some_and(|t| {
                    t.kind == Kind::Word
                        && !self.lexicon.bare_next.contains(t.key.as_ref())
                        && (self.looks_like_verb(head.end)
                            || self.lexicon.reporting_participles.contains(t.key.as_ref()))
                })
        };
        if !in_context() {
            return None;
        }
        let mut end = head.end;
        if self.lexicon.casualty_adverbs.contains(self.key(end))
            && self.token_in(end, sentence).is_some()
        {
            // "329 blessés, dont 51 grièvement": the adverb stands for the toll's noun and
            // stays in the span; after a toll told by a verb ("ont été blessés, dont deux
            // grièvement") it says how the elided verb applies, and the count is the number
            // alone (as both the real articles' gold and the check corpora draw them).
            if self.after_verbal_toll(start, recent) {
                return Some(Noun {
                    unit: recent.and_then(|q| q.unit.clone()).unwrap_or_default(),
                    end,
                });
            }
            end += 1;
            if self.lexicon.casualty.contains(self.key(end))
                && self.token_in(end, sentence).is_some()
            {
                end += 1;
            }
        } else if !self.closes_bare(end, sentence) || self.list_ends_in_measure(end, sentence) {
            return None;
        }
        Some(Noun {
            unit: shared_noun
                .or_else(|| recent.and_then(|q| q.unit.clone()))
                .unwrap_or_default(),
            end,
        })
    }

    /// Whether the count at `start` follows "dont" after a casualty word that is no count's
    /// noun: "14 personnes ont été blessées, dont deux …" (a toll told by a verb), not "329
    /// blessés, dont 51 …" (the casualty word ends the quantity `recent`).
    fn after_verbal_toll(&self, start: usize, recent: Option<&Quantity>) -> bool {
        let mut k = start;
        if k == 0 || !self.is(k - 1, &["dont"]) {
            return false;
        }
        k -= 1;
        if k > 0 && self.is(k - 1, &[","]) {
            k -= 1;
        }
        let Some(word) = k.checked_sub(1).map(|p| &self.tokens[p]) else {
            return false;
        };
        let noun_of_count = recent.is_some_and(|q| q.span.end == word.end);
        self.lexicon.casualty.contains(word.key.as_ref()) && !noun_of_count
    }

    /// "Le PS obtient 34 sièges, les Verts 21 et l'UDC 26", "la CGT a compté 400 000
    /// manifestants, la préfecture de police 42 000": after "et" or a comma, an article and
    /// a name or a noun phrase, the verb and the noun of the clause before are left out
    /// (gapping) and the count takes the unit of the sentence's previous quantity. The
    /// article is required: "TF1 et France 2" names a channel. After a common noun the count
    /// must end its clause and the noun must be no label ("la route nationale 7" ends on an
    /// adjective, "la ligne 14" on a label noun).
    fn gapped_count(&self, start: usize, head: &Head, previous: &[Quantity]) -> Option<Noun> {
        let sentence = self.tokens[start].sentence;
        let (first, _) = self.sentences[sentence];
        let last = start - 1;
        let named = self.tokens[last].capitalised;
        if !named {
            let ends_clause = self.tokens.get(head.end).is_none_or(|t| {
                t.sentence != sentence
                    || t.kind == Kind::Punct && matches!(t.key.as_ref(), "." | ";" | "," | ")")
            });
            let label = self.lexicon.bare_not_after.contains(self.key(last));
            if !ends_clause || label || self.tag(last) != Some(Upos::Noun) {
                return None;
            }
        }
        let mut name = last;
        while name > first && last + 1 - name < 4 {
            let before = &self.tokens[name - 1];
            let key = before.key.as_ref();
            if before.kind != Kind::Word || matches!(key, "le" | "la" | "les" | "l'") {
                break;
            }
            let joins = before.capitalised
                || matches!(key, "de" | "du" | "des" | "d'")
                || !named && matches!(self.tag(name - 1), Some(Upos::Noun | Upos::Adj));
            if !joins {
                break;
            }
            name -= 1;
        }
        let article = name
            .checked_sub(1)
            .filter(|&a| a > first && matches!(self.key(a), "le" | "la" | "les" | "l'"))?;
        if !matches!(self.key(article - 1), "et" | ",") {
            return None;
        }
        let clause_start = self.tokens[article - 1].start;
        let unit = previous
            .last()
            .filter(|q| q.span.start >= self.tokens[first].start && q.span.end <= clause_start)
            .and_then(|q| q.unit.clone())
            .filter(|unit| !unit.is_empty())?;
        self.closes_bare(head.end, sentence).then_some(Noun {
            unit,
            end: head.end,
        })
    }

    /// "14 victimes à A, deux à B et une à C": "un"/"une" as the last count of a list of
    /// places, the noun being the list's.
    pub(super) fn one_in_a_list(
        &self,
        start: usize,
        at: usize,
        head: &Head,
        previous: &[Quantity],
    ) -> Option<Noun> {
        let sentence = self.tokens[at].sentence;
        let listed = start == at && at > 0 && self.is(at - 1, &[",", "et"]);
        let place_follows = self
            .token_in(head.end, sentence)
            .is_some_and(|t| matches!(t.key.as_ref(), "a" | "au" | "aux" | "en" | "dans"));
        let (first, _) = self.sentences[sentence];
        let last = previous
            .last()
            .filter(|q| q.span.start >= self.tokens[first].start)?;
        (listed && place_follows).then(|| Noun {
            unit: last.unit.clone().unwrap_or_default(),
            end: head.end,
        })
    }

    /// "un"/"une" counts when its noun is a casualty word ("un mort", "un tué"), or a person
    /// in a sentence that reports casualties of which it is one: the casualty word comes
    /// after it ("une personne a été tuée", "quatre personnes, dont un enfant, ont été
    /// tuées"), it is listed with "dont" after a toll ("huit blessés, dont une fillette"),
    /// or the casualty noun governs it ("la mort d'une personne").
    pub(super) fn is_casualty_count(&self, at: usize, noun: &Noun) -> bool {
        let unit = crate::lexicon::fold(&noun.unit);
        if self.lexicon.casualty.contains(&unit) {
            return true;
        }
        let capitalised = noun.unit.chars().next().is_some_and(char::is_uppercase);
        if !(self.lexicon.persons.contains(&unit) || capitalised && is_demonym(&unit)) {
            return false;
        }
        let sentence = self.tokens[at].sentence;
        let (first, end) = self.sentences[sentence];
        let casualty = |t: &Token| self.lexicon.casualty.contains(&*t.key);
        let back = |k: usize| {
            at.checked_sub(k)
                .filter(|&p| p >= first)
                .map(|p| &self.tokens[p])
        };
        let key_back = |k: usize| back(k).map_or("", |t| t.key.as_ref());
        // "selon un médecin", "d'après une infirmière": the source of a toll, not a count.
        if key_back(1) == "selon" || key_back(1) == "apres" && key_back(2) == "d'" {
            return false;
        }
        // "la victime, un homme de 23 ans": the description of the one person the article
        // already spoke of, in apposition to the casualty noun with its definite article (an
        // ordinal, "la quatrième victime, un adolescent", may add one to a toll: left as is).
        let apposition = back(1).is_some_and(|t| t.raw == ",")
            && back(2).is_some_and(casualty)
            && matches!(key_back(3), "la" | "l'" | "cette" | "le");
        if apposition {
            return false;
        }
        // The casualty word after it must not be another count's noun ("Un médecin …
        // évoque douze blessés"): a casualty word right after a number is that number's.
        let counted = |k: usize| {
            k.checked_sub(1).is_some_and(|p| {
                let key = self.tokens[p].key.as_ref();
                self.tokens[p].kind == Kind::Number
                    || self.lexicon.number_words.contains(key)
                        && !matches!(key, "un" | "une" | "et")
            })
        };
        let after = (noun.end.min(end)..end).any(|k| casualty(&self.tokens[k]) && !counted(k));
        let before = &self.tokens[first..at];
        let listed_after_toll =
            before.iter().rev().take(6).any(|t| t.key == "dont") && before.iter().any(casualty);
        let governed = before.iter().rev().take(2).any(casualty);
        after || listed_after_toll || governed
    }
}
