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
//! hospitalisés") is the number alone, when the context gives the noun; so is the part of a
//! group ("Deux des rescapés", "quatre de ses membres"), the group being counted apart when
//! it has a number of its own ("huit blessés" in "Trois des huit blessés"). Numbers whose noun is
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
use crate::tokens::{is_quote, parse_number, tokenize, Kind, Token};

mod context;
mod phrase;

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
        // "une « quinzaine de morts »", "des « dizaines de blessés »": a quotation mark
        // after the article.
        let quoted = quoted_number
            || self.is(at, &["un", "une", "des"])
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
            (Qualifier::Exact, None) => self.verb_qualifier(i).unwrap_or(Qualifier::Exact),
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

    /// The qualifier a verb right before the count gives it ("le bilan dépasse 80 morts",
    /// "avoisine les 300 000 manifestants"), the verb staying out of the span.
    fn verb_qualifier(&self, i: usize) -> Option<Qualifier> {
        let sentence = self.tokens[i].sentence;
        let mut before = i.checked_sub(1)?;
        if self.is(before, &["les"]) {
            before = before.checked_sub(1)?;
        }
        // "dépasseraient déjà 1 milliard": an adverb between the verb and the count.
        if self
            .lexicon
            .verb_qualifier_adverbs
            .contains(self.key(before))
        {
            before = before.checked_sub(1)?;
        }
        let token = self.token_in(before, sentence)?;
        self.lexicon
            .verb_qualifiers
            .get(token.key.as_ref())
            .copied()
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
        // "entre 30 et 40 000 personnes": the thousands of the high bound are the low
        // bound's too.
        let low_value = if high_value >= 1000.0
            && high_value % 1000.0 == 0.0
            && low_value < 1000.0
            && low_value * 1000.0 < high_value
        {
            low_value * 1000.0
        } else {
            low_value
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
        // "une prime de 300 à 500 dollars", "la construction de 220 à 260 logements": after
        // a noun or its adjective, "de" is the preposition of that noun's complement and
        // stays out of the span, as it does before a single count ("une prime de 500
        // dollars"); after a verb ("est passé de 76 à 90 députés") it opens the range.
        let start = if self.key(i) == "de" && self.complement_of_noun(i) {
            i + 1
        } else {
            i
        };
        Some((
            noun.end,
            self.quantity(start, noun, head.value, Qualifier::Range, "range"),
        ))
    }

    /// Whether the "de" at `i` follows a noun or an adjective of the same sentence.
    fn complement_of_noun(&self, i: usize) -> bool {
        let Some(before) = i.checked_sub(1) else {
            return false;
        };
        let token = &self.tokens[before];
        token.kind == Kind::Word
            && token.sentence == self.tokens[i].sentence
            && matches!(self.tag(before), Some(Upos::Noun | Upos::Adj))
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
        // "des centaines de", "quelques milliers de", "plusieurs dizaines de", and with a
        // quotation mark after the determiner: "des « dizaines de blessés »".
        if matches!(key, "des" | "quelques" | "plusieurs") {
            let quote = usize::from(self.tokens.get(at + 1).is_some_and(|t| is_quote(t.raw)));
            let noun_at = at + 1 + quote;
            if let Some(&range) = self.lexicon.range_nouns.get(self.key(noun_at)) {
                // "des dizaines de milliers de": the range scales.
                let (range, end) = match self.scale(noun_at + 2) {
                    Some(scale) if self.is(noun_at + 1, &["de", "d'"]) && scale > 1.0 => {
                        ([range[0] * scale, range[1] * scale], noun_at + 3)
                    }
                    _ => (range, noun_at + 1),
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
                // "une soixantaine de milliers de personnes": the approximation scales, as
                // "des dizaines de milliers de" does.
                let (value, end) = match self.scale(noun_at + 2) {
                    Some(scale) if self.is(noun_at + 1, &["de", "d'"]) && scale > 1.0 => {
                        (value * scale, noun_at + 3)
                    }
                    _ => (value, noun_at + 1),
                };
                return Some(collective(QuantityValue::Single(value), end, Some(implied)));
            }
            if let Some(&value) = self.lexicon.exact_nouns.get(noun) {
                return Some(collective(QuantityValue::Single(value), noun_at + 1, None));
            }
            if let Some(&range) = self.lexicon.one_range_nouns.get(noun) {
                return Some(collective(QuantityValue::Range(range), noun_at + 1, None));
            }
        }
        // "SIX Swiss Exchange": a number word in capitals before a capitalised word is part
        // of a name (a headline in capitals goes on in capitals).
        let capitals = token.kind == Kind::Word
            && token.raw.chars().count() > 1
            && token.raw.chars().all(char::is_uppercase);
        if capitals
            && self
                .tokens
                .get(at + 1)
                .is_some_and(|t| t.capitalised && t.raw.chars().skip(1).any(char::is_lowercase))
        {
            return None;
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
        // "les deux pays", "des deux camps" refer to both sides of a relation; "les deux
        // usines", "leurs deux véhicules", "les deux personnes à bord" still count things
        // and people, and "les deux principales gares" picks two out of more.
        if self.key(at) == "deux"
            && self.lexicon.both_determiners.contains(previous)
            && self.lexicon.both_nouns.contains(self.key(at + 1))
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
    fn issue13_proportions_time_units_and_parts_of_groups() {
        // A proportion is no count; days, nights and weekday plurals are time.
        assert_eq!(
            found("Seuls trois bus sur quatre roulaient, et les magasins ouvrent douze dimanches."),
            ["trois bus = 3"]
        );
        assert_eq!(
            found("La grève a duré 14 journées et deux nuits."),
            Vec::<String>::new()
        );
        // The part of a group named with a possessive or a demonstrative.
        assert_eq!(
            found("Quinze otages ont été libérés. Neuf de ces quinze otages sont des enfants."),
            ["Quinze otages = 15", "Neuf = 9", "quinze otages = 15"]
        );
        // An adjective used as the noun, and a manner adverb before the participle.
        assert_eq!(
            found("Quatre jeunes ont été interpellés dans la nuit."),
            ["Quatre jeunes = 4"]
        );
        assert_eq!(
            found("On dénombre 212 victimes, dont 140 sommairement exécutées."),
            ["212 victimes = 212", "140 = 140"]
        );
    }

    #[test]
    fn issue12_counts_whose_verb_and_noun_are_left_out() {
        // Gapping in election results: the later clauses keep only a name and a number.
        assert_eq!(
            found("Le parti bleu remporte 41 sièges, les Verts 17 et l'Alliance 9."),
            ["41 sièges = 41", "17 = 17", "9 = 9"]
        );
        assert_eq!(
            found("Le syndicat a compté 8 000 marcheurs, la préfecture de police 3 100."),
            ["8 000 marcheurs = 8000", "3 100 = 3100"]
        );
        // A road or a line named with a number stays a name.
        assert_eq!(
            found("Le convoi transportait 40 blessés, et la route nationale 7 était fermée."),
            ["40 blessés = 40"]
        );
        // A channel or a league named with a number stays a name.
        assert_eq!(
            found("Le débat a réuni 5 millions de téléspectateurs sur TF1 et France 2."),
            ["5 millions de téléspectateurs = 5000000"]
        );
        // A part of a toll with its cause, a correction and a difference.
        assert_eq!(
            found("Au total, 31 manifestants ont été blessés, dont trois par balle."),
            ["31 manifestants = 31", "trois = 3"]
        );
        assert_eq!(
            found("La liste obtient 28 sièges, et non 27 comme annoncé dimanche."),
            ["28 sièges = 28", "27 = 27"]
        );
        assert_eq!(
            found("Le groupe compte 44 élus, soit trois de moins qu'en 2021."),
            ["44 élus = 44", "trois = 3"]
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
    fn issue13_a_range_after_a_noun_leaves_its_de_out() {
        // "de" after a noun (or its adjective) is the noun's preposition, as before a single
        // count; after a verb it opens the range of a change.
        assert_eq!(
            found("Le plan prévoit une indemnité de 2 000 à 4 000 euros par foyer et une subvention exceptionnelle de 150 à 200 euros."),
            ["2 000 à 4 000 euros = 2000-4000 range", "150 à 200 euros = 150-200 range"]
        );
        assert_eq!(
            found("Le groupe est passé de 12 à 19 élus en un an."),
            ["de 12 à 19 élus = 12-19 range"]
        );
    }

    #[test]
    fn issue13_bare_counts_after_dont_with_an_adverb_or_a_preposition() {
        assert_eq!(
            found("La tempête a touché 640 maisons, dont 85 totalement détruites."),
            ["640 maisons = 640", "85 = 85"]
        );
        assert_eq!(
            found("Au total 54 nageurs ont terminé, dont une dizaine hors délai."),
            ["54 nageurs = 54", "une dizaine = 10 ~"]
        );
    }

    #[test]
    fn issue13_les_deux_with_an_adjective_of_rank_picks_two_out_of_more() {
        assert_eq!(
            found("Les grévistes ont bloqué les deux principaux ponts de la ville, puis les deux pays ont négocié."),
            ["deux principaux ponts = 2"]
        );
    }

    #[test]
    fn issue13_a_quotation_mark_after_des() {
        assert_eq!(
            found("Le groupe dit avoir capturé des « centaines de soldats » lors de l'offensive."),
            ["des « centaines de soldats » = 200-900 range"]
        );
    }

    #[test]
    fn issue13_scales_shared_by_both_bounds_and_half_millions() {
        assert_eq!(
            found("Ils étaient entre 30 et 40 000 personnes, près d'un demi-million de réfugiés ont fui, puis deux millions le lendemain."),
            [
                "entre 30 et 40 000 personnes = 30000-40000 range",
                "près d'un demi-million de réfugiés = 500000 ~",
                "deux millions = 2000000"
            ]
        );
    }

    #[test]
    fn issue13_spelled_counts_side_by_side_and_parts_of_groups() {
        assert_eq!(
            found("Dix-sept soldats et quatre-vingts civils ont été tués. Quatre d'entre eux étaient des enfants."),
            ["Dix-sept soldats = 17", "quatre-vingts civils = 80", "Quatre = 4"]
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
            ["Trois = 3", "huit blessés = 8", "49 = 49"]
        );
        // Without a number of its own, the group stays out: the part is the number alone,
        // after a date too.
        assert_eq!(
            found(
                "Cinq des otages ont été libérés. Le parti dit que 12 de ses élus ont démissionné."
            ),
            ["Cinq = 5", "12 = 12"]
        );
        assert_eq!(
            found("La cour a relaxé ce lundi sept des onze policiers poursuivis."),
            ["sept = 7", "onze policiers = 11"]
        );
    }

    #[test]
    fn issue13_qualifiers_votes_names_and_other_counts_nouns() {
        // An elided "d'" before the qualifier; a verb that qualifies the count from outside.
        assert_eq!(
            found("La police parle de 9 morts, les habitants d'au moins 30."),
            ["9 morts = 9", "au moins 30 = 30 >"]
        );
        assert_eq!(
            found("Le nombre de sinistrés dépasse 4 000 familles et avoisine les 300 tentes."),
            ["4 000 familles = 4000 >", "300 tentes = 300 ~"]
        );
        // A ballot's yes and no; an area is no count; a number word in capitals before a
        // name is part of it.
        assert_eq!(
            found("Le projet a été adopté par 1'502 oui contre 998 non, et 40 hectares seront boisés."),
            ["1'502 oui = 1502", "998 non = 998"]
        );
        assert_eq!(
            found("Les titres de la société sont cotés à la bourse SIX Swiss Exchange."),
            Vec::<String>::new()
        );
        // A person whose sentence counts casualties with a number of their own is no toll.
        assert_eq!(
            found("Un infirmier de la clinique fait état de sept blessés."),
            ["sept blessés = 7"]
        );
        // A capitalised group after the noun names whom they belong to.
        assert_eq!(
            found("Près de 600 sapeurs de la Sécurité civile sont engagés."),
            ["Près de 600 sapeurs = 600 ~"]
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
            ["5 000 euros d'amende = 5000", "6 800 athlètes = 6800"]
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

    #[test]
    fn issue13_a_sum_keeps_the_complement_that_says_what_it_is() {
        assert_eq!(
            found("Le tribunal lui a infligé 80 000 euros d'amende et 12 000 euros de dommages et intérêts."),
            [
                "80 000 euros d'amende = 80000",
                "12 000 euros de dommages et intérêts = 12000"
            ]
        );
        assert_eq!(
            found("L'État doit 4 milliards de francs CFA d'arriérés ; Bruxelles promet 3 millions d'euros d'aide alimentaire."),
            [
                "4 milliards de francs CFA d'arriérés = 4000000000",
                "3 millions d'euros d'aide alimentaire = 3000000"
            ]
        );
        // Other complements of a sum stay out.
        assert_eq!(
            found("La commune recevra 2 millions d'euros de la région."),
            ["2 millions d'euros = 2000000"]
        );
    }

    #[test]
    fn issue13_invariable_plurals_and_numbers_after_a_road_or_a_preposition() {
        assert_eq!(
            found("Plus de 4 500 sans-abri ont été hébergés, et une dizaine de pick-up ont été saisis."),
            [
                "Plus de 4 500 sans-abri = 4500 >",
                "une dizaine de pick-up = 10 ~"
            ]
        );
        // "la nationale 5 près de …": a road's number, and "près" is no counted noun.
        assert_eq!(
            found("Deux camions se sont percutés sur la nationale 5 près de Thiès, faisant trois morts."),
            ["Deux camions = 2", "trois morts = 3"]
        );
    }

    #[test]
    fn issue13_a_total_after_sur_with_an_article_or_a_qualifier() {
        assert_eq!(
            found("Seuls 300 bus roulaient sur les quelque 1 100 que compte le réseau."),
            ["300 bus = 300", "quelque 1 100 = 1100 ~"]
        );
        assert_eq!(
            found("18 candidats ont été reçus sur les 42 inscrits."),
            ["18 candidats = 18", "42 inscrits = 42"]
        );
        // A small second number is still a proportion.
        assert_eq!(
            found("Un vol sur les trois a été annulé."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn issue13_member_states_are_one_counted_noun() {
        // "États membres": the counted noun is two nouns.
        assert_eq!(
            found("Les 27 États membres et 4 pays membres associés ont signé."),
            ["27 États membres = 27", "4 pays membres associés = 4"]
        );
    }

    #[test]
    fn issue13_a_bare_figure_given_with_its_source_counts() {
        assert_eq!(
            found("Ils étaient 20 000 selon la CGT, 8 000 d'après la police."),
            ["20 000 = 20000", "8 000 = 8000"]
        );
        // A number after a label stays out, sourced or not.
        assert_eq!(
            found("L'article 12 selon le code pénal ne s'applique pas."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn issue13_a_currency_sign_after_a_scale_and_the_few_left_of_a_group() {
        assert_eq!(
            found("La rançon réclamée s'élevait à 2 millions $, puis à 1,5 milliard €."),
            ["2 millions $ = 2000000", "1,5 milliard € = 1500000000"]
        );
        assert_eq!(
            found("Sur les 35 passagers du canot, seuls 5 ont été retrouvés vivants."),
            ["35 passagers = 35", "5 = 5"]
        );
    }

    #[test]
    fn issue13_a_wound_adverb_after_a_verbal_toll_stays_out() {
        // The toll told by its noun: the adverb stands for it and stays in the span.
        assert_eq!(
            found("Le glissement de terrain a fait 12 morts et 40 blessés, dont 9 grièvement."),
            ["12 morts = 12", "40 blessés = 40", "9 grièvement = 9"]
        );
        // Told by a verb: the count is the number alone.
        assert_eq!(
            found("Onze gendarmes ont été blessés, dont trois grièvement, lors de la charge."),
            ["Onze gendarmes = 11", "trois = 3"]
        );
        assert_eq!(
            found("Au moins 80 passagers ont été blessés, dont une vingtaine légèrement."),
            ["Au moins 80 passagers = 80 >", "une vingtaine = 20 ~"]
        );
    }

    #[test]
    fn issue13_armed_men_water_bombers_and_dividends_are_one_counted_phrase() {
        assert_eq!(
            found("Une trentaine d'hommes armés ont attaqué le poste."),
            ["Une trentaine d'hommes armés = 30 ~"]
        );
        assert_eq!(
            found("Trois avions bombardiers d'eau survolent la colline."),
            ["Trois avions bombardiers d'eau = 3"]
        );
        assert_eq!(
            found("Le groupe a distribué 40 millions d'euros de dividendes l'an passé."),
            ["40 millions d'euros de dividendes = 40000000"]
        );
    }

    #[test]
    fn issue13_a_bare_complement_after_a_true_adjective_names_the_kind() {
        assert_eq!(
            found("La région a ouvert quatre centres régionaux de vaccination."),
            ["quatre centres régionaux de vaccination = 4"]
        );
        assert_eq!(
            found("Le pays compte deux laboratoires publics de niveau 4."),
            ["deux laboratoires publics de niveau 4 = 2"]
        );
        // A participle listed as an adjective keeps the complement out.
        assert_eq!(
            found("On recense 300 familles déplacées de force vers le sud."),
            ["300 familles déplacées = 300"]
        );
    }

    #[test]
    fn issue13_a_nationality_adjective_and_blue_helmets_belong_to_the_counted_noun() {
        assert_eq!(
            found("Les rebelles disent avoir capturé « quatre soldats tanzaniens » lundi."),
            ["quatre soldats tanzaniens = 4"]
        );
        assert_eq!(
            found("Le mémorial rappelle les douze Casques bleus népalais tombés en 2003."),
            ["douze Casques bleus népalais = 12"]
        );
    }

    #[test]
    fn issue13_the_two_defendants_or_victims_are_counted() {
        assert_eq!(
            found("Ses trois coaccusés ont été relaxés."),
            ["trois coaccusés = 3"]
        );
        assert_eq!(
            found("Les deux victimes ont été retrouvées mardi."),
            ["deux victimes = 2"]
        );
        // Both of a pair named before stays no count.
        assert_eq!(found("Les deux pays ont signé."), Vec::<String>::new());
    }

    #[test]
    fn issue13_masses_areas_volumes_and_rainfall_are_no_counts_however_written() {
        assert_eq!(
            found(
                "Les douaniers ont saisi 5 kg de cocaïne et 3 t de riz ; 12 ha de forêt ont brûlé."
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            found("Il est tombé 210 mm de pluie, soit 70 millimètres de plus qu'en 2019."),
            Vec::<String>::new()
        );
        // A distance stays a count.
        assert_eq!(
            found("Le village est à 12 km de la frontière."),
            ["12 km = 12"]
        );
    }
    #[test]
    fn issue13_match_results_scoring_and_evenings_are_no_counts() {
        assert_eq!(
            found("Les visiteurs ont marqué trois essais et enchaîné quatre victoires."),
            Vec::<String>::new()
        );
        assert_eq!(
            found("La troupe a joué neuf soirs de suite devant 2 000 spectateurs."),
            ["2 000 spectateurs = 2000"]
        );
    }

    #[test]
    fn issue13_an_adverbial_after_the_counted_noun_stays_out() {
        assert_eq!(
            found("Les combats ont fait des centaines de blessés de part et d'autre du fleuve."),
            ["des centaines de blessés = 200-900 range"]
        );
        assert_eq!(
            found("Le blocage a retenu des milliers de camionneurs de retour du port."),
            ["des milliers de camionneurs = 2000-9000 range"]
        );
        // Where the migrants stand with the law is no kind of migrant.
        assert_eq!(
            found("La police a interpellé 45 migrants en situation irrégulière mardi."),
            ["45 migrants = 45"]
        );
    }

    #[test]
    fn issue13_les_deux_means_both_only_before_the_sides_of_a_relation() {
        assert_eq!(
            found("Les pompiers ont évacué les deux entrepôts, puis les deux camps ont signé une trêve."),
            ["deux entrepôts = 2"]
        );
        assert_eq!(
            found("Des hommes armés ont incendié leurs deux camions près des deux rives du lac."),
            ["deux camions = 2"]
        );
    }
}
