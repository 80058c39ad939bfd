//! The quantity stage: counts of people, vehicles, weapons, objects, money, distances, seats
//! and votes, with value, qualifier and counted noun.
//!
//! A quantity is `[qualifier] number [adjective] noun [what kind]`: the qualifier ("plus de",
//! "près d'", "environ") sets `more_than`/`about`/`less_than`; the number is digits
//! ("10.000", "1 500", "10'000", "1,5 million"), spelled words (text2num), a collective noun
//! ("une quinzaine de", "des centaines de") or "quelques"; the noun becomes `unit`. The span
//! runs to the counted noun phrase as the annotation guidelines draw it: the noun with its
//! adjectives ("12 blessés graves"), a "de" complement that forms one noun with it ("483 cas
//! de rougeole", "sept membres des forces spéciales") and a noun coordinated without article
//! ("policiers et gendarmes"); not a following place, date or relative clause. The
//! part-of-speech tagger decides whether a word after the noun is its adjective.
//!
//! A number whose noun is elsewhere ("le bilan est passé à 103", "dont 195 sont
//! hospitalisés") is the number alone, when the context gives the noun. Numbers whose noun is
//! a time, age or duration unit, a percentage, an ordinal, a date or part of a name are not
//! counts. "un"/"une" count only in casualty tolls ("un mort", "une personne a été tuée").

use std::cell::RefCell;

use recoupe_model::{
    Document, Layer, Provenance, Qualifier, Quantity, QuantityValue, Span, Stage, StageError,
};
use recoupe_tagger::{Tagger, Upos};

use crate::dates;
use crate::lexicon::Lexicon;
use crate::spelled::spelled_number;
use crate::tokens::{parse_number, tokenize, Kind, Token};

const STAGE: &str = "values.quantities";

/// Recognises quantities (provides [`Layer::Quantities`]).
///
/// Requires no layer: it scans `doc.text` with its own tokenizer and, so that dates
/// ("18 janvier", "2019") are never counts, takes the date spans from the Dates layer when
/// [`crate::DateStage`] has produced it (its mentions are exactly the recogniser's
/// candidates), else runs the date recogniser itself.
#[derive(Debug, Default, Clone, Copy)]
pub struct QuantityStage;

impl Stage for QuantityStage {
    fn name(&self) -> &'static str {
        "quantities"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Quantities]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let known_dates: Option<Vec<Span>> = doc.has(Layer::Dates).then(|| {
            doc.layers
                .dates
                .iter()
                .filter(|d| d.provenance.stage == dates::STAGE)
                .map(|d| d.span)
                .collect()
        });
        doc.layers.quantities = match known_dates {
            Some(spans) if spans.len() == doc.layers.dates.len() => {
                quantities_with_dates(&doc.text, &spans)
            }
            _ => find_quantities(&doc.text),
        };
        doc.mark_produced(Layer::Quantities);
        Ok(())
    }
}

/// All quantities of `text`, in order.
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    let tokens = tokenize(text);
    let spans: Vec<Span> = dates::recognise(&tokens, Lexicon::builtin())
        .into_iter()
        .map(|candidate| candidate.span)
        .collect();
    scan(&tokens, &spans)
}

/// [`find_quantities`] with the date spans already known (the date recogniser's candidates,
/// in text order).
fn quantities_with_dates(text: &str, date_spans: &[Span]) -> Vec<Quantity> {
    scan(&tokenize(text), date_spans)
}

fn scan(tokens: &[Token<'_>], date_spans: &[Span]) -> Vec<Quantity> {
    let lexicon = Lexicon::builtin();
    // Date spans and tokens are both in text order: one merge pass marks date tokens.
    let mut is_date = vec![false; tokens.len()];
    let mut index = 0;
    for span in date_spans {
        while index < tokens.len() && tokens[index].start < span.start {
            index += 1;
        }
        while index < tokens.len() && tokens[index].end <= span.end {
            is_date[index] = true;
            index += 1;
        }
    }
    // Token range of each sentence, for the casualty and ellipsis rules.
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        if token.sentence >= sentences.len() {
            sentences.resize(token.sentence + 1, (index, index));
        }
        sentences[token.sentence].1 = index + 1;
    }
    let scanner = Scanner {
        sentences: &sentences,
        tokens,
        lexicon,
        is_date: &is_date,
        tags: RefCell::new(None),
    };
    let mut found: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match scanner.match_at(i, &found) {
            Some((end, quantity)) => {
                found.push(quantity);
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

struct Scanner<'a> {
    /// `[first, end)` token indices of each sentence.
    sentences: &'a [(usize, usize)],
    tokens: &'a [Token<'a>],
    lexicon: &'a Lexicon,
    is_date: &'a [bool],
    /// Part-of-speech tags of the last window of tokens tagged: `[start, end)` and tags.
    tags: RefCell<Option<(usize, usize, Vec<Upos>)>>,
}

/// Opening and closing quotation marks a count may sit inside ("au moins « 12 blessés »").
fn is_quote(raw: &str) -> bool {
    matches!(raw, "«" | "»" | "\"" | "“" | "”")
}

/// Determiners that open a complement naming a group ("de la tribu", "de sa famille").
const COMPLEMENT_DETERMINERS: [&str; 13] = [
    "la", "l'", "sa", "son", "ses", "leur", "leurs", "cette", "ce", "cet", "ces", "notre", "nos",
];

/// A number head: its value, where it ends, and what it implies.
struct Head {
    value: QuantityValue,
    end: usize,
    /// The qualifier the head itself implies ("une quinzaine" → about).
    implied: Option<Qualifier>,
    /// The head needs "de"/"d'" before its noun ("un million de", "des centaines de").
    needs_de: bool,
    /// The head is "un"/"une": a count only in a casualty toll.
    is_one_article: bool,
    /// The head is a pronoun ("quelques-uns"): it never has a noun.
    pronoun: bool,
}

struct Noun {
    /// The counted noun as written; empty when it is only in the context.
    unit: String,
    /// Index just past the span.
    end: usize,
}

impl<'a> Scanner<'a> {
    fn key(&self, index: usize) -> &'a str {
        self.tokens.get(index).map(|t| t.key.as_ref()).unwrap_or("")
    }

    fn is(&self, index: usize, words: &[&str]) -> bool {
        words.contains(&self.key(index))
    }

    fn usable(&self, index: usize) -> bool {
        index < self.tokens.len() && !self.is_date[index]
    }

    /// The token at `index` when it is usable and in sentence `sentence`.
    fn token_in(&self, index: usize, sentence: usize) -> Option<&'a Token<'a>> {
        self.tokens
            .get(index)
            .filter(|t| t.sentence == sentence && !self.is_date[index])
    }

    /// The part-of-speech tag of token `index`. Only a window of the sentence around it is
    /// tagged (the tagger looks two words and two tags back and two words ahead), so the
    /// cost stays a few tokens per question whatever the sentence length; a window already
    /// tagged answers for the tokens well inside it.
    fn tag(&self, index: usize) -> Option<Upos> {
        const BEFORE: usize = 4;
        const AFTER: usize = 3;
        let sentence = self.tokens.get(index)?.sentence;
        let (first, last) = self.sentences[sentence];
        let start = index.saturating_sub(BEFORE).max(first);
        let end = (index + AFTER).min(last);
        let mut cache = self.tags.borrow_mut();
        let covered = cache
            .as_ref()
            .is_some_and(|(s, e, _)| *s <= start && end <= *e);
        if !covered {
            // Tag a little further ahead than asked: the next question is usually nearby.
            let end = (index + 2 * AFTER).min(last);
            let words: Vec<&str> = self.tokens[start..end].iter().map(|t| t.raw).collect();
            *cache = Some((start, end, Tagger::embedded().tag(&words)));
        }
        let (s, _, tags) = cache.as_ref()?;
        tags.get(index - s).copied()
    }

    fn match_at(&self, i: usize, previous: &[Quantity]) -> Option<(usize, Quantity)> {
        if !self.usable(i) || !self.could_start(i) {
            return None;
        }
        if let Some(found) = self.match_range(i, previous) {
            return Some(found);
        }
        let (qualifier, mut at) = self.qualifier(i);
        // "plus d'une centaine": the qualifier phrase "plus d'une" took the article of the
        // collective noun.
        if qualifier != Qualifier::Exact
            && self.key(at.wrapping_sub(1)) == "une"
            && self.lexicon.approx_nouns.contains_key(self.key(at))
        {
            at -= 1;
        }
        // "au moins « 12 blessés »": a quotation mark between qualifier and number.
        let quoted_number = at > i
            && self.tokens.get(at).is_some_and(|t| is_quote(t.raw))
            && self
                .tokens
                .get(at + 1)
                .is_some_and(|t| t.kind == Kind::Number);
        if quoted_number {
            at += 1;
        }
        // "une « quinzaine de morts »": a quotation mark after the article.
        let quoted = quoted_number
            || self.is(at, &["un", "une"])
                && self.tokens.get(at + 1).is_some_and(|t| is_quote(t.raw));
        let head = self.head(at)?;
        if self.excluded_before(at) {
            return None;
        }
        // "un troisième": its unit comes from the count it continues.
        let ordinal_one = head.is_one_article && is_ordinal(self.key(head.end));
        // `noun` checks "un"/"une" itself, on the head noun before its complements.
        let (noun, checked) = match (!head.pronoun && !ordinal_one)
            .then(|| self.noun(head.end, head.needs_de, &head))
            .flatten()
        {
            Some(noun) => (noun, true),
            _ => match self.elliptic_noun(at, &head, previous) {
                Some(noun) => (noun, false),
                None => (self.bare_count(i, at, &head, qualifier, previous)?, false),
            },
        };
        if head.is_one_article && !ordinal_one && !checked && !self.is_casualty_count(at, &noun) {
            return None;
        }
        let qualifier = match (qualifier, head.implied) {
            (Qualifier::Exact, Some(implied)) => implied,
            (q, _) => q,
        };
        let rule = if head.is_one_article {
            "casualty_one"
        } else if noun.unit.is_empty() {
            "bare_count"
        } else {
            "count"
        };
        let mut noun = noun;
        if quoted && self.tokens.get(noun.end).is_some_and(|t| is_quote(t.raw)) {
            noun.end += 1;
        }
        Some((
            noun.end,
            self.quantity(i, noun, head.value, qualifier, rule),
        ))
    }

    /// Whether a quantity may start at `i`: a number, a number word, the first word of a
    /// qualifier, or a word that opens a range or a collective count. One set lookup skips
    /// every other word.
    fn could_start(&self, i: usize) -> bool {
        let token = &self.tokens[i];
        if token.kind != Kind::Word {
            return token.kind == Kind::Number;
        }
        let key = token.key.as_ref();
        self.lexicon.qualifier_starts.contains(key)
            || self.lexicon.number_words.contains(key)
            || self.lexicon.range_nouns.contains_key(key)
            || matches!(
                key,
                "entre"
                    | "de"
                    | "des"
                    | "quelques"
                    | "plusieurs"
                    | "quelques-uns"
                    | "quelques-unes"
            )
            || key.contains('-')
                && key
                    .split('-')
                    .all(|part| self.lexicon.number_words.contains(part))
    }

    fn quantity(
        &self,
        start: usize,
        noun: Noun,
        value: QuantityValue,
        qualifier: Qualifier,
        rule: &'static str,
    ) -> Quantity {
        let qualifier = if matches!(value, QuantityValue::Range(_)) {
            Qualifier::Range
        } else {
            qualifier
        };
        Quantity {
            span: Span::new(self.tokens[start].start, self.tokens[noun.end - 1].end),
            value,
            qualifier,
            unit: (!noun.unit.is_empty()).then_some(noun.unit),
            provenance: Provenance::new(STAGE, rule),
        }
    }

    /// "entre 20 et 30 morts", "de 76 à 90 députés", "140 à 152 sièges", "entre 2 000 et
    /// 3 000" (the noun in the context).
    fn match_range(&self, i: usize, previous: &[Quantity]) -> Option<(usize, Quantity)> {
        let (joiner, low_at): (&[&str], usize) = match self.key(i) {
            "entre" => (&["et", "a"], i + 1),
            "de" => (&["a"], i + 1),
            // "140 à 152 sièges": a bare range needs its noun.
            _ if self.tokens[i].kind == Kind::Number => (&["a"], i),
            _ => return None,
        };
        let low = self.plain_number(low_at)?;
        if !self.is(low.1, joiner) {
            return None;
        }
        let high = self.plain_number(low.1 + 1)?;
        // "entre 40 et 45 millions de francs": a scale after the high bound applies to both,
        // and then "de" comes before the noun.
        let scale = self.scale(high.1);
        let (low_value, high_value, end) = match scale {
            Some(scale) => (low.0 * scale, high.0 * scale, high.1 + 1),
            None => (low.0, high.0, high.1),
        };
        if high_value <= low_value {
            return None;
        }
        let head = Head {
            value: QuantityValue::Range([low_value, high_value]),
            end,
            implied: None,
            needs_de: scale.is_some(),
            is_one_article: false,
            pronoun: false,
        };
        let noun = match self.noun(head.end, head.needs_de, &head) {
            Some(noun) => noun,
            // "ils seraient entre 2 000 et 3 000 à …", "… contre 98 à 110 pour l'autre": the
            // bounds alone, the noun elsewhere.
            None if self.closes_bare(head.end, self.tokens[i].sentence)
                && (low_at > i
                    || self
                        .recent_quantity(previous, self.tokens[i].sentence)
                        .is_some()) =>
            {
                Noun {
                    unit: String::new(),
                    end: head.end,
                }
            }
            None => return None,
        };
        Some((
            noun.end,
            self.quantity(i, noun, head.value, Qualifier::Range, "range"),
        ))
    }

    /// A number in digits or words (no collective nouns), for ranges.
    fn plain_number(&self, index: usize) -> Option<(f64, usize)> {
        if !self.usable(index) {
            return None;
        }
        let token = self.tokens.get(index)?;
        if token.kind == Kind::Number {
            return parse_number(&token.key).map(|v| (v, index + 1));
        }
        spelled_number(self.tokens, index, self.lexicon)
    }

    /// The longest qualifier phrase at `i`, if any.
    fn qualifier(&self, i: usize) -> (Qualifier, usize) {
        if !self.lexicon.qualifier_starts.contains(self.key(i)) {
            return (Qualifier::Exact, i);
        }
        for (words, qualifier) in &self.lexicon.qualifiers {
            if words
                .iter()
                .enumerate()
                .all(|(k, w)| self.key(i + k) == w && self.usable(i + k))
            {
                return (*qualifier, i + words.len());
            }
        }
        (Qualifier::Exact, i)
    }

    fn scale(&self, index: usize) -> Option<f64> {
        self.lexicon.scales.get(self.key(index)).copied()
    }

    fn head(&self, at: usize) -> Option<Head> {
        if !self.usable(at) {
            return None;
        }
        let token = &self.tokens[at];
        let key = token.key.as_ref();
        let collective = |value: QuantityValue, end: usize, implied: Option<Qualifier>| Head {
            value,
            end,
            implied,
            needs_de: true,
            is_one_article: false,
            pronoun: false,
        };
        // "des centaines de", "quelques milliers de", "plusieurs dizaines de".
        if matches!(key, "des" | "quelques" | "plusieurs") {
            if let Some(&range) = self.lexicon.range_nouns.get(self.key(at + 1)) {
                // "des dizaines de milliers de": the range scales.
                let (range, end) = match self.scale(at + 3) {
                    Some(scale) if self.is(at + 2, &["de", "d'"]) && scale > 1.0 => {
                        ([range[0] * scale, range[1] * scale], at + 4)
                    }
                    _ => (range, at + 2),
                };
                return Some(collective(QuantityValue::Range(range), end, None));
            }
            if key == "quelques" {
                return Some(Head {
                    value: QuantityValue::Range([2.0, 9.0]),
                    end: at + 1,
                    implied: None,
                    needs_de: false,
                    is_one_article: false,
                    pronoun: false,
                });
            }
            return None;
        }
        // "[accusés] de centaines de civils", "état de « dizaines de corps »": the collective
        // noun after a "de" that swallowed its article.
        if let Some(&range) = self.lexicon.range_nouns.get(key) {
            let de_at = match at.checked_sub(1) {
                Some(p) if is_quote(self.tokens[p].raw) => p.checked_sub(1),
                other => other,
            };
            if de_at.is_some_and(|p| self.is(p, &["de", "d'"])) && self.is(at + 1, &["de", "d'"]) {
                return Some(collective(QuantityValue::Range(range), at + 1, None));
            }
        }
        // "quelques-uns ont été blessés": a count whose noun is in the context.
        if matches!(key, "quelques-uns" | "quelques-unes") {
            return Some(Head {
                value: QuantityValue::Range([2.0, 9.0]),
                end: at + 1,
                implied: None,
                needs_de: false,
                is_one_article: false,
                pronoun: true,
            });
        }
        // "une quinzaine de", "un millier de", "une bonne douzaine de", "un trio de",
        // "une poignée de", "une « quinzaine de morts »".
        if matches!(key, "un" | "une") {
            let quote = usize::from(self.tokens.get(at + 1).is_some_and(|t| is_quote(t.raw)));
            let (noun_at, implied) = if self.is(at + 1 + quote, &["bonne"]) {
                (at + 2 + quote, Qualifier::MoreThan)
            } else {
                (at + 1 + quote, Qualifier::About)
            };
            let noun = self.key(noun_at);
            if let Some(&value) = self.lexicon.approx_nouns.get(noun) {
                return Some(collective(
                    QuantityValue::Single(value),
                    noun_at + 1,
                    Some(implied),
                ));
            }
            if let Some(&value) = self.lexicon.exact_nouns.get(noun) {
                return Some(collective(QuantityValue::Single(value), noun_at + 1, None));
            }
            if let Some(&range) = self.lexicon.one_range_nouns.get(noun) {
                return Some(collective(QuantityValue::Range(range), noun_at + 1, None));
            }
        }
        let (mut value, mut end) = match token.kind {
            // "0630 GMT", "07h00": a leading zero writes a time or a code.
            Kind::Number if key.len() > 1 && key.starts_with('0') && !key.starts_with("0,") => {
                return None
            }
            Kind::Number => (parse_number(key)?, at + 1),
            Kind::Word => spelled_number(self.tokens, at, self.lexicon)?,
            _ => return None,
        };
        let mut needs_de = false;
        // "1,2 G$": a scale letter glued to the currency symbol that follows.
        if let (Some(&scale), Some(symbol)) = (
            self.lexicon.currency_scales.get(self.key(end)),
            self.tokens.get(end + 1),
        ) {
            if matches!(symbol.raw, "$" | "€" | "£") && symbol.start == self.tokens[end].end {
                value *= scale;
                end += 1;
            }
        }
        if let Some(scale) = self.scale(end) {
            value *= scale;
            end += 1;
            needs_de = true;
        }
        let is_one_article = !needs_de && token.kind == Kind::Word && matches!(key, "un" | "une");
        Some(Head {
            value: QuantityValue::Single(value),
            end,
            implied: None,
            needs_de,
            is_one_article,
            pronoun: false,
        })
    }

    /// Numbers that are not counts whatever follows: "les deux pays" (both), "article 12".
    fn excluded_before(&self, at: usize) -> bool {
        let previous = at.checked_sub(1).map(|p| self.key(p)).unwrap_or("");
        // "les deux pays" refers back to both; "les deux personnes à bord" still counts people.
        if self.key(at) == "deux"
            && self.lexicon.both_determiners.contains(previous)
            && !self.lexicon.persons.contains(self.key(at + 1))
        {
            return true;
        }
        // "3 à 1": the second number of a score (a range "de 3 à 5 …" is matched earlier).
        let score = previous == "a"
            && at >= 2
            && self.tokens[at - 2].kind == Kind::Number
            && !(at >= 3 && self.is(at - 3, &["de", "entre"]));
        score
            || matches!(
                previous,
                "article" | "articles" | "n°" | "numero" | "no" | "alinea" | "°"
            )
    }

    /// The counted noun after the head at `at`, with the words that say what kind of thing
    /// is counted (see [`Scanner::extend_noun`]).
    fn noun(&self, at: usize, needs_de: bool, head: &Head) -> Option<Noun> {
        let mut at = at;
        if needs_de {
            if !self.is(at, &["de", "d'"]) {
                return None;
            }
            at += 1;
        }
        // "deux de leurs véhicules", "plusieurs milliers de ces engins".
        let possessive = ["leurs", "leur", "ses", "ces", "nos", "vos", "mes", "tes"];
        if needs_de && self.is(at, &possessive) {
            at += 1;
        } else if !needs_de && self.is(at, &["de", "d'"]) && self.is(at + 1, &possessive) {
            at += 2;
        }
        // "49 des coaccusés": a part of a group. "Trois des huit blessés" is two counts, the
        // part alone and the group (see `bare_count`).
        if !needs_de && !head.is_one_article && self.is(at, &["des"]) {
            if self.plain_number(at + 1).is_some() {
                return None;
            }
            at += 1;
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
    fn extend_noun(&self, noun_start: usize, start: usize, noun_key: &str) -> usize {
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
        }
        if let Some(after) = self.coordinated_noun(end, sentence) {
            end = after;
        }
        end
    }

    /// The longest listed phrase at `at`, inside sentence `sentence`; the index past it.
    fn phrase_at(&self, phrases: &[Vec<String>], at: usize, sentence: usize) -> Option<usize> {
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
    fn post_modifiers(&self, mut end: usize, sentence: usize, plural: bool) -> usize {
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
    fn is_post_adjective(&self, index: usize, sentence: usize, plural: bool) -> bool {
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
        self.lexicon.post_adjectives.contains(key) || self.tag(index) == Some(Upos::Adj)
    }

    /// A common noun (or an acronym, "de CRS") that can head a complement without article.
    fn is_complement_noun(&self, index: usize, sentence: usize) -> bool {
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
    fn de_complement(&self, end: usize, noun_key: &str, sentence: usize) -> Option<usize> {
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
    fn bare_complement(&self, at: usize, sentence: usize) -> Option<usize> {
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
        let mut end = self.post_modifiers(noun + 1, sentence, looks_plural(self.key(noun)));
        if self.is(end, &["de", "d'"]) && self.is_complement_noun(end + 1, sentence) {
            end = self.post_modifiers(end + 2, sentence, looks_plural(self.key(end + 1)));
        }
        Some(end)
    }

    /// The group after a determiner: "[adjective] noun [adjectives] [Name]" and a nested
    /// complement without article ("forces de sécurité").
    fn group_complement(&self, at: usize, sentence: usize) -> Option<usize> {
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
        if token.kind != Kind::Word
            || !(token.capitalised || self.tag(noun) == Some(Upos::Noun))
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
    fn coordinated_noun(&self, end: usize, sentence: usize) -> Option<usize> {
        if self.token_in(end, sentence).is_none_or(|t| t.key != "et") {
            return None;
        }
        let mut noun = end + 1;
        if self.lexicon.pre_adjectives.contains(self.key(noun)) {
            noun += 1;
        }
        let token = self.token_in(noun, sentence)?;
        let key = token.key.as_ref();
        if token.kind != Kind::Word
            || token.capitalised
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
    fn noun_at(&self, index: usize, plural: bool) -> Option<(String, usize)> {
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
    fn is_acronym(&self, index: usize) -> bool {
        self.tokens.get(index).is_some_and(|t| {
            let letters = t.raw.chars().count();
            t.kind == Kind::Word
                && (2..=5).contains(&letters)
                && t.raw.chars().all(char::is_uppercase)
        })
    }

    /// Whether the token at `index` can be a counted noun; returns the index past it.
    fn noun_word(&self, index: usize, plural: bool) -> Option<usize> {
        let token = self.tokens.get(index)?;
        let key = token.key.as_ref();
        if self.is_date.get(index).copied().unwrap_or(true) {
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
        if token.kind != Kind::Word
            || self.lexicon.function.contains(key)
            || self.lexicon.not_unit.contains(key)
            || self.lexicon.bare_next.contains(key)
            || self.lexicon.casualty_adverbs.contains(key)
            || self.lexicon.pre_adjectives.contains(key)
            || self.lexicon.number_words.contains(key)
        {
            return None;
        }
        // A plural count wants a plural-looking noun: this keeps verbs and adverbs out
        // ("deux ont", "trois seulement").
        if plural && !looks_plural(key) {
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

    fn raw(&self, index: usize) -> &'a str {
        self.tokens[index].raw
    }

    fn raw_range(&self, from: usize, to_exclusive: usize) -> String {
        self.tokens[from..to_exclusive]
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let glue = k > 0 && self.tokens[from + k - 1].end == t.start;
                (glue, t.raw)
            })
            .fold(String::new(), |mut acc, (glue, text)| {
                if !acc.is_empty() && !glue {
                    acc.push(' ');
                }
                acc.push_str(text);
                acc
            })
    }

    /// The last quantity when it is in sentence `sentence` or the one before (blank lines
    /// between them are no sentence).
    fn recent_quantity<'q>(
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
    fn elliptic_noun(&self, at: usize, head: &Head, previous: &[Quantity]) -> Option<Noun> {
        if head.is_one_article || !matches!(head.value, QuantityValue::Single(_)) {
            return self.one_other_casualty(head, at, previous);
        }
        let sentence = self.tokens[at].sentence;
        // "51 élus sur 74 ont …", "350 voix contre 200.".
        let after_sur =
            at > 0 && self.is(at - 1, &["sur", "contre"]) && self.closes_bare(head.end, sentence);
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
    fn one_other_casualty(&self, head: &Head, at: usize, previous: &[Quantity]) -> Option<Noun> {
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
    fn closes_bare(&self, index: usize, sentence: usize) -> bool {
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
                if key == "d'" {
                    return self.is(index + 1, &["entre"]);
                }
                // "Trois des huit blessés": the part of a counted group.
                if key == "des" {
                    return self.plain_number(index + 1).is_some();
                }
                // "porte à 11 916 le nombre de morts", "dont 35 le seraient grièvement".
                if matches!(key, "le" | "la" | "les" | "l'") {
                    let next = self.key(index + 1);
                    return self.lexicon.toll_nouns.contains(next)
                        || self.looks_like_verb(index + 1);
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
                    || self.looks_like_verb(index)
                    || self.tag(index) == Some(Upos::Pron)
            }
            _ => false,
        }
    }

    /// Whether sentence `sentence` is an item of a list ("• Parti X : 90") whose heading
    /// names a toll ("Nombre de députés :").
    fn heading_has_toll(&self, sentence: usize) -> bool {
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
    fn list_ends_in_measure(&self, mut index: usize, sentence: usize) -> bool {
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
    fn looks_like_verb(&self, index: usize) -> bool {
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
    fn bare_count(
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
            let name_part = glued(before, &self.tokens[start])
                && (before.kind != Kind::Punct
                    || before.raw == "-"
                        && start >= 2
                        && glued(&self.tokens[start - 2], before)
                        && self.tokens[start - 2].kind != Kind::Punct);
            if name_part {
                return None;
            }
            // "Ligue 1", "France 2": a number after a name is part of it.
            if before.kind == Kind::Word && before.capitalised && before.sentence == sentence {
                let first = self.sentences[sentence].0;
                if start - 1 > first {
                    return None;
                }
            }
        }
        let previous_word =
            |back: usize| start.checked_sub(back).map(|p| self.key(p)).unwrap_or("");
        // "la route nationale 7", "la ligne 14": a number right after a noun or an adjective
        // is its label. A bare count follows punctuation, a grammatical word or a verb.
        if let Some(before) = start.checked_sub(1).map(|p| &self.tokens[p]) {
            let key = before.key.as_ref();
            let opens_count = before.kind != Kind::Word
                || self.lexicon.function.contains(key)
                || self.lexicon.bare_next.contains(key)
                || matches!(key, "pas" | "dont" | "parmi" | "soit" | "encore" | "meme")
                || self.looks_like_verb(start - 1);
            if !opens_count {
                return None;
            }
        }
        let labelled = self.lexicon.bare_not_after.contains(previous_word(1))
            || (matches!(previous_word(1), "de" | "d'")
                && self.lexicon.bare_not_after.contains(previous_word(2)));
        if labelled {
            return None;
        }
        // The context first (cheap), the words after the number last (they may need the
        // tagger).
        let collective = head.needs_de;
        let corrected = previous_word(1) == "pas";
        // "Trois des huit blessés": the group counted right after; "17 et 29 migrants": the
        // noun of the next count.
        let part_of_group =
            self.is(head.end, &["des"]) && self.plain_number(head.end + 1).is_some();
        let shared_noun = self
            .is(head.end, &["et", "ou"])
            .then(|| self.plain_number(head.end + 1))
            .flatten()
            .filter(|(_, after)| self.noun_word(*after, true).is_some())
            .map(|(_, after)| self.raw(after).to_string());
        let recent = self.recent_quantity(previous, sentence);
        let in_context = || {
            let (first, _) = self.sentences[sentence];
            collective
                || corrected
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
                        && self.looks_like_verb(head.end)
                })
        };
        if !in_context() {
            return None;
        }
        let mut end = head.end;
        if self.lexicon.casualty_adverbs.contains(self.key(end))
            && self.token_in(end, sentence).is_some()
        {
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

    /// "14 victimes à A, deux à B et une à C": "un"/"une" as the last count of a list of
    /// places, the noun being the list's.
    fn one_in_a_list(
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
    fn is_casualty_count(&self, at: usize, noun: &Noun) -> bool {
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
        let after = self.tokens[noun.end.min(end)..end].iter().any(casualty);
        let before = &self.tokens[first..at];
        let listed_after_toll =
            before.iter().rev().take(6).any(|t| t.key == "dont") && before.iter().any(casualty);
        let governed = before.iter().rev().take(2).any(casualty);
        after || listed_after_toll || governed
    }
}

/// "troisième", "second": an ordinal standing for one more of a count ("et un troisième").
fn is_ordinal(key: &str) -> bool {
    key.ends_with("ieme") || matches!(key, "second" | "seconde")
}

fn looks_plural(key: &str) -> bool {
    key.ends_with(['s', 'x', 'z'])
}

/// Singular demonym shapes ("israelien", "palestinienne", "francais", "americain").
fn is_demonym(key: &str) -> bool {
    [
        "ien", "ienne", "ais", "aise", "ain", "aine", "ite", "ois", "oise",
    ]
    .iter()
    .any(|suffix| key.len() > suffix.len() + 2 && key.ends_with(suffix))
}

fn join_unit(adjectives: &[&str], noun: &str) -> String {
    if adjectives.is_empty() {
        noun.to_string()
    } else {
        format!("{} {}", adjectives.join(" "), noun)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each quantity as `text = value qualifier`.
    fn found(text: &str) -> Vec<String> {
        find_quantities(text)
            .iter()
            .map(|q| {
                let value = match q.value {
                    QuantityValue::Single(v) => format!("{v}"),
                    QuantityValue::Range([a, b]) => format!("{a}-{b}"),
                };
                let qualifier = match q.qualifier {
                    Qualifier::Exact => "",
                    Qualifier::MoreThan => " >",
                    Qualifier::LessThan => " <",
                    Qualifier::About => " ~",
                    Qualifier::Range => " range",
                };
                format!("{} = {value}{qualifier}", &text[q.span.start..q.span.end])
            })
            .collect()
    }

    #[test]
    fn issue13_bare_numbers_whose_noun_is_elsewhere() {
        assert_eq!(
            found("Le bilan de l'effondrement est passé à 57 après la mort de deux blessés."),
            ["57 = 57", "deux blessés = 2"]
        );
        assert_eq!(
            found("Les secours ont recensé 312 blessés, dont 88 sont toujours hospitalisés."),
            ["312 blessés = 312", "88 = 88"]
        );
        assert_eq!(
            found("La crue a fait 840 morts et 1 210 blessés, dont 403 grièvement."),
            [
                "840 morts = 840",
                "1 210 blessés = 1210",
                "403 grièvement = 403"
            ]
        );
        assert_eq!(
            found(
                "Le nombre de victimes a atteint 64 dans la province nord et 5 dans la capitale."
            ),
            ["64 = 64", "5 = 5"]
        );
        assert_eq!(
            found("Plus de 90 corps ont été retrouvés. Il y en aurait « au moins 250 », dit-il."),
            ["Plus de 90 corps = 90 >", "au moins 250 = 250 >"]
        );
        assert_eq!(
            found("Ce ne sont pas 40, mais au moins 90 personnes qui ont péri."),
            ["40 = 40", "au moins 90 personnes = 90 >"]
        );
        assert_eq!(
            found("Au moins 7 300 habitants ont fui et 2 150 restent introuvables."),
            ["Au moins 7 300 habitants = 7300 >", "2 150 = 2150"]
        );
        assert_eq!(
            found("Vingt-deux manifestants ont été arrêtés. Douze d'entre eux ont été relâchés."),
            ["Vingt-deux manifestants = 22", "Douze = 12"]
        );
        assert_eq!(
            found("Le budget franchit le cap des 2.000 milliards, contre 1.975,5 milliards avant."),
            [
                "2.000 milliards = 2000000000000",
                "1.975,5 milliards = 1975500000000"
            ]
        );
        assert_eq!(
            found("Deux autres personnes sont mortes dans le nord et une troisième dans le sud."),
            ["Deux autres personnes = 2", "une troisième = 1"]
        );
    }

    #[test]
    fn issue13_counts_listed_by_place_and_tolls_carried_forward() {
        assert_eq!(
            found(
                "La préfecture recense 14 victimes à Valmont, cinq à Sainte-Croix et une au Fenil."
            ),
            ["14 victimes = 14", "cinq = 5", "une = 1"]
        );
        assert_eq!(
            found("On compte 9 812 morts au nord et 2 104 au sud, ce qui porte à 11 916 le nombre total de morts."),
            ["9 812 morts = 9812", "2 104 = 2104", "11 916 = 11916"]
        );
        assert_eq!(
            found("Les urgences ont reçu 120 blessés, dont au moins 35 le seraient grièvement."),
            ["120 blessés = 120", "au moins 35 = 35 >"]
        );
        assert_eq!(
            found("Deux canots ont recueilli 17 et 29 migrants; 1,9 million de grévistes, contre 1,6 million la semaine précédente."),
            [
                "Deux canots = 2",
                "17 = 17",
                "29 migrants = 29",
                "1,9 million de grévistes = 1900000",
                "1,6 million = 1600000"
            ]
        );
        assert_eq!(
            found("Plus de 5.200 membres des forces de l'ordre seront déployés."),
            ["Plus de 5.200 membres des forces de l'ordre = 5200 >"]
        );
        assert_eq!(
            found("Une source évoque un bilan d'une « quinzaine de morts », une autre vingt et un blessés."),
            ["une « quinzaine de morts » = 15 ~", "vingt et un blessés = 21"]
        );
        // "une" before a noun stays an article.
        assert_eq!(
            found("On compte 14 victimes, deux à Berlaz et une femme au Fenil."),
            ["14 victimes = 14", "deux = 2"]
        );
    }

    #[test]
    fn issue13_bare_numbers_that_are_no_count() {
        for text in [
            "Un troisième mandat est en jeu et une deuxième réunion aura lieu.",
            "Deux femmes de 73 et de 31 ans et trois hommes de 35, 40 et 54 ans ont été tués.",
            "Le Covid-19 a frappé la région, selon le bulletin publié à 0630 GMT.",
            "L'article 12 de la loi et la magnitude 6 du séisme ont été cités.",
            "Le chômage recule de 0,2 point sur trois mois.",
            "Le nombre de cas est multiplié par quatre, selon l'agence.",
        ] {
            let numbers: Vec<String> = found(text)
                .into_iter()
                .filter(|q| !q.contains("femmes") && !q.contains("hommes"))
                .collect();
            assert!(numbers.is_empty(), "{text}: {numbers:?}");
        }
    }

    #[test]
    fn issue13_labels_rates_and_measures_are_no_counts() {
        assert_eq!(
            found("La route nationale 7 est coupée; la voiture roulait à 130 km/h à 10 kilomètres de profondeur du tunnel, et l'équipe a 15 points d'avance."),
            ["10 kilomètres = 10"]
        );
        assert_eq!(
            found("L'appartement de 400 m² compte 14 secrétaires d'État pour voisins."),
            ["400 m² = 400", "14 secrétaires d'État = 14"]
        );
        assert_eq!(
            found("L'attaque a tué 17 civils en blessant huit; le parti en aura 3."),
            ["17 civils = 17", "huit = 8", "3 = 3"]
        );
    }

    #[test]
    fn issue13_ranges_with_a_and_entre() {
        assert_eq!(
            found("Les sondages donnent au parti entre 140 à 152 sièges, contre 98 à 110 pour son rival."),
            ["entre 140 à 152 sièges = 140-152 range", "98 à 110 = 98-110 range"]
        );
        assert_eq!(
            found("Ils obtiendraient 140 à 152 sièges."),
            ["140 à 152 sièges = 140-152 range"]
        );
        assert_eq!(
            found("Ses combattants seraient entre 2 000 et 3 000 à tenir la ligne."),
            ["entre 2 000 et 3 000 = 2000-3000 range"]
        );
    }

    #[test]
    fn issue13_quote_marks_inside_a_count() {
        assert_eq!(
            found("Le dernier bilan fait état d'au moins « 12 blessés » dans le quartier."),
            ["au moins « 12 blessés » = 12 >"]
        );
        assert_eq!(
            found("Plus d'une vingtaine d'« obus de gros calibre » sont tombés."),
            ["Plus d'une vingtaine d'« obus de gros calibre » = 20 >"]
        );
    }

    #[test]
    fn issue13_thousand_separators_in_every_position() {
        assert_eq!(
            found("On recense 1 210 blessés, 10 100 disparus, 1\u{202f}250\u{202f}000 sinistrés et 10'000 manifestants."),
            [
                "1 210 blessés = 1210",
                "10 100 disparus = 10100",
                "1\u{202f}250\u{202f}000 sinistrés = 1250000",
                "10'000 manifestants = 10000"
            ]
        );
        assert_eq!(found("Il y a eu 2.059 blessés."), ["2.059 blessés = 2059"]);
    }

    #[test]
    fn issue13_part_of_a_group() {
        // With the group's own number, the part and the group are two counts.
        assert_eq!(
            found("Trois des huit blessés ont été évacués et 49 des coaccusés condamnés."),
            ["Trois = 3", "huit blessés = 8", "49 des coaccusés = 49"]
        );
    }

    #[test]
    fn issue13_span_to_the_counted_noun_phrase() {
        assert_eq!(
            found("L'attaque a fait 14 blessés graves et 31 blessés légers."),
            ["14 blessés graves = 14", "31 blessés légers = 31"]
        );
        assert_eq!(
            found("On compte 480 cas de choléra et 12 000 personnes déplacées dans 18 districts ruraux."),
            [
                "480 cas de choléra = 480",
                "12 000 personnes déplacées = 12000",
                "18 districts ruraux = 18"
            ]
        );
        assert_eq!(
            found("Sept membres des forces spéciales et huit membres de sa famille ont été tués."),
            [
                "Sept membres des forces spéciales = 7",
                "huit membres de sa famille = 8"
            ]
        );
        assert_eq!(
            found("Quelque 6 000 policiers et gendarmes seront mobilisés."),
            ["Quelque 6 000 policiers et gendarmes = 6000 ~"]
        );
        assert_eq!(
            found("Une personne a été tuée et 170 autres blessées."),
            ["Une personne = 1", "170 autres blessées = 170"]
        );
        // Not a following place, date or relative clause, nor a complement after an
        // adjective, nor an adjective with its own complement.
        assert_eq!(
            found("Trois soldats de la garnison, 40 habitants qui fuyaient et 15 kilomètres de la ville."),
            ["Trois soldats = 3", "40 habitants = 40", "15 kilomètres = 15"]
        );
        assert_eq!(
            found("Plus de 300 cas présumés de dengue et deux témoins présents dans la salle."),
            ["Plus de 300 cas présumés = 300 >", "deux témoins = 2"]
        );
        assert_eq!(
            found("Il a payé 5 000 euros d'amende et placé 6 800 athlètes annoncés par le comité."),
            ["5 000 euros = 5000", "6 800 athlètes = 6800"]
        );
        assert_eq!(
            found("Les autorités ont déployé une dizaine de véhicules de CRS et plus de 100 points de contrôle."),
            [
                "une dizaine de véhicules de CRS = 10 ~",
                "plus de 100 points de contrôle = 100 >"
            ]
        );
    }

    #[test]
    fn issue13_one_counts_as_a_victim_among_others() {
        assert_eq!(
            found("Quatre personnes, dont un nourrisson, ont été tuées."),
            ["Quatre personnes = 4", "un nourrisson = 1"]
        );
        assert_eq!(
            found("Un autre garçon a été tué dans la frappe."),
            ["Un autre garçon = 1"]
        );
        // A person who speaks about the victims is not one.
        assert_eq!(
            found("Tous les hommes ont été tués, raconte une personne du village."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn issue13_lists_under_a_heading_that_names_the_count() {
        let text = "Résultats.\nNombre de sièges :\n\n  • Parti A : 71 (64 auparavant).\n  • Parti B : 12\n";
        assert_eq!(found(text), ["71 = 71", "64 = 64", "12 = 12"]);
        let plain = "Programme :\n  • Salle 12 : conférence\n";
        assert!(found(plain).is_empty(), "{:?}", found(plain));
    }
}
