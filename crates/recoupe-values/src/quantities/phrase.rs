//! The counted noun phrase: the noun after a number and the words that say what kind of
//! thing is counted (adjectives, "de" complements, a coordinated noun), by the span rule of
//! the annotation guidelines.

use recoupe_tagger::Upos;

use super::context::GROUP_DETERMINERS;
use super::{
    is_demonym, is_quote, join_unit, looks_plural, Head, Noun, Scanner, COMPLEMENT_DETERMINERS,
};
use crate::tokens::{Kind, Token};
use recoupe_model::QuantityValue;

impl<'a> Scanner<'a> {
    /// The counted noun after the head at `at`, with the words that say what kind of thing
    /// is counted (see [`Scanner::extend_noun`]).
    pub(super) fn noun(&self, at: usize, needs_de: bool, head: &Head) -> Option<Noun> {
        let mut at = at;
        if needs_de {
            // "2 millions $", "1,5 milliard €": the currency sign after the scale.
            if let Some(sign) = self
                .tokens
                .get(at)
                .filter(|t| matches!(t.raw, "€" | "$" | "£"))
            {
                return Some(Noun {
                    unit: sign.raw.to_string(),
                    end: at + 1,
                });
            }
            if !self.is(at, &["de", "d'"]) {
                return None;
            }
            at += 1;
        }
        // "plusieurs milliers de ces engins": a collective count of a group named with a
        // determiner keeps the group.
        let possessive = ["leurs", "leur", "ses", "ces", "nos", "vos", "mes", "tes"];
        if needs_de && self.is(at, &possessive) {
            at += 1;
        } else if !needs_de && self.is(at, &["de", "d'"]) && self.is(at + 1, &possessive) {
            // "deux de ses frères", "16 de leurs militants": the part of a group is the number
            // alone, as the check corpora's annotators draw it (see `bare_count`); "un de ses
            // frères" is a toll's "un", read with its noun.
            if !head.is_one_article && self.is(at + 1, &GROUP_DETERMINERS) {
                return None;
            }
            at += 2;
        }
        // "Deux des rescapés", "Trois des huit blessés": a part of a group is the number
        // alone, and the group with a number of its own is a second count (see `bare_count`).
        if !needs_de && !head.is_one_article && self.is(at, &["des"]) {
            return None;
        }
        // "12 « blessés graves »", "une vingtaine d'"obus"": the noun inside quotation marks.
        let quoted = self.tokens.get(at).is_some_and(|t| is_quote(t.raw))
            && self
                .tokens
                .get(at + 1)
                .is_some_and(|t| t.kind == Kind::Word);
        if quoted {
            at += 1;
        }
        let mut unit_words: Vec<&str> = Vec::new();
        let mut end = at;
        let plural = match head.value {
            QuantityValue::Single(v) => v >= 2.0 || needs_de,
            QuantityValue::Range(_) => true,
        };
        // Adjectives between number and noun.
        loop {
            let key = self.key(end);
            if self.lexicon.unit_adjectives.contains(key) {
                unit_words.push(self.raw(end));
                end += 1;
            } else if self.lexicon.pre_adjectives.contains(key)
                && self.noun_at(end + 1, plural).is_some()
                || key == "autres" && !head.is_one_article
                || key == "autre" && head.is_one_article
            {
                end += 1;
            } else {
                break;
            }
        }
        let (noun, noun_end) = match self.noun_at(end, plural) {
            Some(found) => found,
            // "environ 90 000 jeunes concernés par …": the adjective was the noun.
            None if end > at && self.lexicon.pre_adjectives.contains(self.key(end - 1)) => {
                end -= 1;
                (self.raw(end).to_string(), end + 1)
            }
            // "Trois jeunes avaient été écroués": an adjective right before a verb is the noun.
            None if end == at
                && self.lexicon.pre_adjectives.contains(self.key(end))
                && self.looks_like_verb(end + 1) =>
            {
                (self.raw(end).to_string(), end + 1)
            }
            None => return None,
        };
        // "une zone de contrebande": "un"/"une" counts only in a toll; decided before the
        // noun phrase is read further.
        if head.is_one_article {
            let probe = Noun {
                unit: noun.clone(),
                end: noun_end,
            };
            if !self.is_casualty_count(head.end - 1, &probe) {
                return None;
            }
        }
        let mut end = self.extend_noun(end, noun_end, self.key(noun_end - 1));
        if quoted && self.tokens.get(end).is_some_and(|t| is_quote(t.raw)) {
            end += 1;
        }
        let found = Noun {
            unit: join_unit(&unit_words, &noun),
            end,
        };
        // The toll must be told after the whole phrase: "un enfant mort" on a photograph
        // is no casualty count.
        if head.is_one_article && !self.is_casualty_count(head.end - 1, &found) {
            return None;
        }
        Some(found)
    }

    /// The words after the counted noun that say what kind of thing is counted, by the
    /// guidelines' span rule: its adjectives ("12 blessés graves"), a "de" complement that
    /// forms one noun with it ("483 cas de rougeole", "sept membres des forces spéciales"),
    /// a noun coordinated with it ("45 000 policiers et gendarmes"); not a following place,
    /// date or relative clause. Returns the index past the span.
    pub(super) fn extend_noun(&self, noun_start: usize, start: usize, noun_key: &str) -> usize {
        let Some(sentence) = start.checked_sub(1).map(|last| self.tokens[last].sentence) else {
            return start;
        };
        let plural = looks_plural(noun_key);
        let mut end = self.post_modifiers(start, sentence, plural);
        // A "de" complement belongs to the noun only directly after it ("cas de rougeole";
        // "cas présumés de mpox" counts "cas présumés", a listed unit ending in an adjective).
        let last = start - 1;
        let ends_in_adjective = last > noun_start
            && (self.lexicon.post_adjectives.contains(self.key(last))
                || self.tag(last) == Some(Upos::Adj));
        if end == start && !ends_in_adjective {
            if let Some(after) = self.de_complement(end, noun_key, sentence) {
                end = after;
            }
        } else if end > start
            && !ends_in_adjective
            && (start..end).all(|k| !self.lexicon.post_adjectives.contains(self.key(k)))
            && self.is(end, &["de", "d'"])
        {
            // "trois unités mobiles de dépistage", "deux sites hospitaliers de soins aigus":
            // after a true adjective (not a participle that reads as one, "déplacées de
            // force"), a complement without article still names the kind of thing counted.
            if let Some(after) = self.bare_complement(end + 1, sentence) {
                end = after;
            }
        }
        // A sum of money keeps the complement that says what it is ("150 000 euros
        // d'amende"), and no other.
        let currency = |key: &str| self.lexicon.currencies.contains(key);
        if (currency(noun_key) || end > 0 && currency(self.key(end - 1)))
            && self.is(end, &["de", "d'"])
        {
            if let Some(after) = self.phrase_at(&self.lexicon.money_complements, end + 1, sentence)
            {
                // With its adjectives: "deux millions de dollars d'aide humanitaire".
                return self.post_modifiers(after, sentence, looks_plural(self.key(after - 1)));
            }
        }
        if let Some(after) = self.coordinated_noun(end, sentence) {
            end = after;
        }
        end
    }

    /// The longest listed phrase at `at`, inside sentence `sentence`; the index past it.
    pub(super) fn phrase_at(
        &self,
        phrases: &[Vec<String>],
        at: usize,
        sentence: usize,
    ) -> Option<usize> {
        phrases
            .iter()
            .find(|words| {
                words.iter().enumerate().all(|(k, w)| {
                    self.token_in(at + k, sentence)
                        .is_some_and(|t| t.key.as_ref() == w.as_str())
                })
            })
            .map(|words| at + words.len())
    }

    /// Adjectives, adverb + adjective and fixed phrases after a noun ending before `end`
    /// (`plural`: the noun is plural, and so are its adjectives).
    pub(super) fn post_modifiers(&self, mut end: usize, sentence: usize, plural: bool) -> usize {
        loop {
            if let Some(after) = self.phrase_at(&self.lexicon.post_phrases, end, sentence) {
                end = after;
                continue;
            }
            if self.is_post_adjective(end, sentence, plural) {
                end += 1;
                continue;
            }
            let mut at = end;
            while let Some(after) = self.phrase_at(&self.lexicon.post_adverbs, at, sentence) {
                at = after;
            }
            if at > end && self.is_post_adjective(at, sentence, plural) {
                end = at + 1;
                continue;
            }
            return end;
        }
    }

    /// Whether token `index` is an adjective (or a participle read as one) of the noun
    /// before it: it agrees in number, is no noun-shaped word the tagger misread
    /// ("interpellations"), and has no complement of its own ("présents dans la salle",
    /// "annoncés par les organisateurs").
    pub(super) fn is_post_adjective(&self, index: usize, sentence: usize, plural: bool) -> bool {
        let Some(token) = self.token_in(index, sentence) else {
            return false;
        };
        let key = token.key.as_ref();
        if token.kind != Kind::Word
            || token.capitalised
            || self.lexicon.function.contains(key)
            || self.lexicon.not_unit.contains(key)
            || self.lexicon.bare_next.contains(key)
            || self.lexicon.directions.contains_key(key)
            || self.lexicon.number_words.contains(key)
            || self
                .lexicon
                .post_adverbs
                .iter()
                .any(|w| w.len() == 1 && w[0] == key)
            || (plural && !looks_plural(key))
            || ["tion", "sion", "ment", "tions", "sions", "ments"]
                .iter()
                .any(|suffix| key.ends_with(suffix))
        {
            return false;
        }
        let next = self.key(index + 1);
        if next == "par"
            || self.lexicon.complement_adjectives.contains(key)
                && (self.lexicon.bare_next.contains(next) || matches!(next, "de" | "d'"))
        {
            return false;
        }
        self.lexicon.post_adjectives.contains(key)
            || self.lexicon.demonyms.contains(key)
            || self.tag(index) == Some(Upos::Adj)
    }

    /// A common noun (or an acronym, "de CRS") that can head a complement without article.
    pub(super) fn is_complement_noun(&self, index: usize, sentence: usize) -> bool {
        let Some(token) = self.token_in(index, sentence) else {
            return false;
        };
        let key = token.key.as_ref();
        if token.kind != Kind::Word {
            return false;
        }
        let acronym = token.raw.chars().count() >= 2 && token.raw.chars().all(char::is_uppercase);
        if acronym {
            return true;
        }
        !token.capitalised
            && !self.lexicon.function.contains(key)
            && !self.lexicon.measure_complements.contains(key)
            && !self.lexicon.not_unit.contains(key)
            && !self.lexicon.number_words.contains(key)
            && self.tag(index) == Some(Upos::Noun)
    }

    /// "de rougeole", "d'"obus de grand calibre"", and after a noun of membership "de la
    /// tribu Masalit", "des forces de sécurité". `end` is the index just past the noun.
    pub(super) fn de_complement(
        &self,
        end: usize,
        noun_key: &str,
        sentence: usize,
    ) -> Option<usize> {
        let de = self.token_in(end, sentence)?.key.as_ref();
        if !matches!(de, "de" | "d'" | "des" | "du") || self.lexicon.currencies.contains(noun_key) {
            return None;
        }
        let mut at = end + 1;
        let quoted = self.tokens.get(at).is_some_and(|t| is_quote(t.raw));
        if quoted {
            at += 1;
        }
        let close = |after: usize| {
            if quoted && self.tokens.get(after).is_some_and(|t| is_quote(t.raw)) {
                after + 1
            } else {
                after
            }
        };
        let member = self.lexicon.member_nouns.contains(noun_key);
        if matches!(de, "de" | "d'") {
            if let Some(after) = self.bare_complement(at, sentence) {
                return Some(close(after));
            }
            if member && self.is(at, &COMPLEMENT_DETERMINERS) {
                return self.group_complement(at + 1, sentence).map(close);
            }
            return None;
        }
        // "des"/"du" carry their article.
        member
            .then(|| self.group_complement(at, sentence))
            .flatten()
            .map(close)
    }

    /// A complement without article: "[grand] calibre", "rougeole", "CRS"; and one nested
    /// level ("de section d'assaut").
    pub(super) fn bare_complement(&self, at: usize, sentence: usize) -> Option<usize> {
        let mut noun = at;
        let common_word = self
            .token_in(noun, sentence)
            .is_some_and(|t| t.kind == Kind::Word && !t.capitalised);
        // "de grand calibre": an adjective first (the tagger may call either word the noun).
        let pre_adjective = self.lexicon.pre_adjectives.contains(self.key(noun));
        let adjective = common_word && (pre_adjective || self.tag(noun) == Some(Upos::Adj));
        let then_noun = |index: usize| {
            self.is_complement_noun(index, sentence)
                || pre_adjective
                    && self.token_in(index, sentence).is_some_and(|t| {
                        t.kind == Kind::Word
                            && !t.capitalised
                            && !self.lexicon.function.contains(t.key.as_ref())
                            && self.tag(index) == Some(Upos::Adj)
                    })
        };
        if adjective
            && self
                .token_in(noun, sentence)
                .is_some_and(|t| !t.capitalised)
            && then_noun(noun + 1)
        {
            noun += 1;
            let end = self.post_modifiers(noun + 1, sentence, looks_plural(self.key(noun)));
            return Some(end);
        }
        if !self.is_complement_noun(noun, sentence) {
            return None;
        }
        // "de niveau 3", "de catégorie 4": a label noun takes its number.
        let labelled = self.lexicon.bare_not_after.contains(self.key(noun))
            && self
                .token_in(noun + 1, sentence)
                .is_some_and(|t| t.kind == Kind::Number);
        if labelled {
            return Some(noun + 2);
        }
        let mut end = self.post_modifiers(noun + 1, sentence, looks_plural(self.key(noun)));
        if self.is(end, &["de", "d'"]) && self.is_complement_noun(end + 1, sentence) {
            end = self.post_modifiers(end + 2, sentence, looks_plural(self.key(end + 1)));
        }
        Some(end)
    }

    /// The group after a determiner: "[adjective] noun [adjectives] [Name]" and a nested
    /// complement without article ("forces de sécurité").
    pub(super) fn group_complement(&self, at: usize, sentence: usize) -> Option<usize> {
        // "des forces de l'ordre": a listed name of a group.
        if let Some((_, end)) = self
            .noun_at(at, true)
            .filter(|(unit, end)| *end > at + 1 && unit.contains(' '))
        {
            return Some(end);
        }
        let mut noun = at;
        if self.is_post_adjective(noun, sentence, false)
            && self.token_in(noun + 1, sentence).is_some()
        {
            noun += 1;
        }
        let token = self.token_in(noun, sentence)?;
        // A capitalised group ("agents de la Protection civile", "membres du Hamas") names
        // whom they belong to, a complement of its own: the span stops before it.
        if token.kind != Kind::Word
            || token.capitalised
            || self.tag(noun) != Some(Upos::Noun)
            || self.lexicon.function.contains(token.key.as_ref())
        {
            return None;
        }
        let mut end = self.post_modifiers(noun + 1, sentence, looks_plural(self.key(noun)));
        // "la tribu Masalit": a name after the group noun.
        let mut names = 0;
        // "Hachd al-Chaabi": a name may go on with a lowercase particle.
        let is_name = |t: &Token| {
            t.kind == Kind::Word
                && (t.capitalised
                    || t.raw
                        .split_once('-')
                        .is_some_and(|(_, rest)| rest.starts_with(char::is_uppercase)))
        };
        while names < 3 && self.token_in(end, sentence).is_some_and(is_name) {
            end += 1;
            names += 1;
        }
        if let Some(after) = self
            .is(end, &["de", "d'"])
            .then(|| self.bare_complement(end + 1, sentence))
            .flatten()
        {
            end = after;
        }
        Some(end)
    }

    /// "et gendarmes", "et jeunes filles": a second noun without article or number that
    /// the same count covers.
    pub(super) fn coordinated_noun(&self, end: usize, sentence: usize) -> Option<usize> {
        if self.token_in(end, sentence).is_none_or(|t| t.key != "et") {
            return None;
        }
        let mut noun = end + 1;
        if self.lexicon.pre_adjectives.contains(self.key(noun)) {
            noun += 1;
        }
        let token = self.token_in(noun, sentence)?;
        let key = token.key.as_ref();
        // "dix-sept soldats et quatre-vingts civils": a second count, not a second noun.
        let number = key
            .split('-')
            .all(|part| self.lexicon.number_words.contains(part));
        if token.kind != Kind::Word
            || token.capitalised
            || number
            || !looks_plural(key)
            || self.lexicon.function.contains(key)
            || self.lexicon.not_unit.contains(key)
            || self.tag(noun) != Some(Upos::Noun)
        {
            return None;
        }
        Some(self.post_modifiers(noun + 1, sentence, looks_plural(self.key(noun))))
    }

    /// A counted noun at `index`: a listed multi-word unit ("points de passage",
    /// "cas présumés") or a single noun. Returns the unit as written and the index past it.
    pub(super) fn noun_at(&self, index: usize, plural: bool) -> Option<(String, usize)> {
        if !self.usable(index) {
            return None;
        }
        for words in &self.lexicon.compounds {
            if words
                .iter()
                .enumerate()
                .all(|(k, w)| self.key(index + k) == w)
            {
                let last = index + words.len();
                return Some((self.raw_range(index, last), last));
            }
        }
        let end = self.noun_word(index, plural)?;
        Some((self.raw(index).to_string(), end))
    }

    /// An acronym counted as a noun ("une dizaine de VDP", "trois ONG").
    pub(super) fn is_acronym(&self, index: usize) -> bool {
        self.tokens.get(index).is_some_and(|t| {
            let letters = t.raw.chars().count();
            t.kind == Kind::Word
                && (2..=5).contains(&letters)
                && t.raw.chars().all(char::is_uppercase)
        })
    }

    /// Whether the token at `index` can be a counted noun; returns the index past it.
    pub(super) fn noun_word(&self, index: usize, plural: bool) -> Option<usize> {
        let token = self.tokens.get(index)?;
        let key = token.key.as_ref();
        if self.is_date.get(index).copied().unwrap_or(true) {
            return None;
        }
        // "5 kg", "3 t", "12 ha", "380 mm [de pluie]": a mass, an area, a volume or a
        // rainfall written short is no count, as written in full.
        if self.lexicon.abbreviations.contains(key) && self.lexicon.not_unit.contains(key) {
            return None;
        }
        if self.lexicon.abbreviations.contains(key) || self.is_acronym(index) {
            let glued = |k: usize| {
                self.tokens
                    .get(k)
                    .filter(|t| t.start == self.tokens[k - 1].end)
                    .map(|t| t.raw)
            };
            return match glued(index + 1) {
                // "130 km/h": a rate, not a count.
                Some("/") => None,
                // "400 m²".
                Some("²" | "³") => Some(index + 2),
                _ => Some(index + 1),
            };
        }
        // "100 points de blocage"; alone, "0,2 point" is a measure.
        if self.lexicon.complement_units.contains(key) {
            let sentence = token.sentence;
            return (self.is(index + 1, &["de", "d'"])
                && self.is_complement_noun(index + 2, sentence))
            .then_some(index + 1);
        }
        // A capitalised noun is a demonym ("trois Palestiniens", "un Israélien") or a name.
        if token.capitalised
            && !(if plural {
                looks_plural(key)
            } else {
                is_demonym(key)
            })
        {
            return None;
        }
        // "3'204 oui contre 2'611 non": the votes of a ballot, when the word ends the count.
        if self.lexicon.vote_nouns.contains(key) {
            let closes = self.tokens.get(index + 1).is_none_or(|t| {
                t.sentence != token.sentence
                    || t.kind == Kind::Punct
                    || matches!(t.key.as_ref(), "contre" | "et" | "ou")
            });
            return closes.then_some(index + 1);
        }
        if token.kind != Kind::Word
            || self.lexicon.function.contains(key)
            || self.lexicon.not_unit.contains(key)
            || self.lexicon.bare_next.contains(key)
            || self.lexicon.casualty_adverbs.contains(key)
            || self.lexicon.reporting_participles.contains(key)
            || self.lexicon.pre_adjectives.contains(key)
            || self.lexicon.number_words.contains(key)
        {
            return None;
        }
        // A plural count wants a plural-looking noun: this keeps verbs and adverbs out
        // ("deux ont", "trois seulement").
        if plural && !looks_plural(key) && !self.lexicon.invariable_nouns.contains(key) {
            return None;
        }
        // "6 800 annoncés par les organisateurs": a participle with its agent, the noun is
        // elsewhere.
        if self.is(index + 1, &["par"])
            && !self.lexicon.casualty.contains(key)
            && self.tag(index) == Some(Upos::Verb)
        {
            return None;
        }
        Some(index + 1)
    }
}
