//! The quantity stage: counts of people, vehicles, weapons, objects, money, distances, seats
//! and votes, with value, qualifier and counted noun.
//!
//! A quantity is `[qualifier] number [adjective] noun`: the qualifier ("plus de", "près d'",
//! "environ") sets `more_than`/`about`/`less_than`; the number is digits ("10.000", "1 500",
//! "1,5 million"), spelled words (text2num), a collective noun ("une quinzaine de",
//! "des centaines de") or "quelques"; the noun becomes `unit`. Numbers whose noun is a time,
//! age or duration unit, a percentage, an ordinal, a date or part of a name are not counts.
//! "un"/"une" count only in casualty tolls ("un mort", "une personne a été tuée").

use recoupe_model::{
    Document, Layer, Provenance, Qualifier, Quantity, QuantityValue, Span, Stage, StageError,
};

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
}

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
}

struct Noun {
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

    fn match_at(&self, i: usize, previous: &[Quantity]) -> Option<(usize, Quantity)> {
        if !self.usable(i) {
            return None;
        }
        if let Some(found) = self.match_range(i) {
            return Some(found);
        }
        let (qualifier, at) = self.qualifier(i);
        let head = self.head(at)?;
        if self.excluded_before(at) {
            return None;
        }
        let noun = match self.noun(head.end, head.needs_de, &head) {
            Some(noun) => noun,
            None => self.elliptic_noun(at, &head, previous)?,
        };
        if head.is_one_article && !self.is_casualty_count(at, &noun) {
            return None;
        }
        let qualifier = match (qualifier, head.implied) {
            (Qualifier::Exact, Some(implied)) => implied,
            (q, _) => q,
        };
        let rule = if head.is_one_article {
            "casualty_one"
        } else {
            "count"
        };
        Some((
            noun.end,
            self.quantity(i, noun, head.value, qualifier, rule),
        ))
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
            unit: Some(noun.unit),
            provenance: Provenance::new(STAGE, rule),
        }
    }

    /// "entre 20 et 30 morts", "de 76 à 90 députés".
    fn match_range(&self, i: usize) -> Option<(usize, Quantity)> {
        let joiner: &[&str] = match self.key(i) {
            "entre" => &["et"],
            "de" => &["a"],
            _ => return None,
        };
        let low = self.plain_number(i + 1)?;
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
        };
        let noun = self.noun(head.end, head.needs_de, &head)?;
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
                return Some(Head {
                    value: QuantityValue::Range(range),
                    end,
                    implied: None,
                    needs_de: true,
                    is_one_article: false,
                });
            }
            if key == "quelques" {
                return Some(Head {
                    value: QuantityValue::Range([2.0, 9.0]),
                    end: at + 1,
                    implied: None,
                    needs_de: false,
                    is_one_article: false,
                });
            }
            return None;
        }
        // "une quinzaine de", "un millier de".
        if matches!(key, "un" | "une") {
            if let Some(&value) = self.lexicon.approx_nouns.get(self.key(at + 1)) {
                return Some(Head {
                    value: QuantityValue::Single(value),
                    end: at + 2,
                    implied: Some(Qualifier::About),
                    needs_de: true,
                    is_one_article: false,
                });
            }
        }
        let (mut value, mut end) = match token.kind {
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
        })
    }

    /// Numbers that are not counts whatever follows: "les deux pays" (both), "article 12".
    fn excluded_before(&self, at: usize) -> bool {
        let previous = at.checked_sub(1).map(|p| self.key(p)).unwrap_or("");
        if self.key(at) == "deux" && self.lexicon.both_determiners.contains(previous) {
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
                "article" | "articles" | "n°" | "numero" | "no" | "alinea"
            )
    }

    /// The counted noun after the head at `at`.
    fn noun(&self, at: usize, needs_de: bool, head: &Head) -> Option<Noun> {
        let mut at = at;
        if needs_de {
            if !self.is(at, &["de", "d'"]) {
                return None;
            }
            at += 1;
        }
        // "deux de leurs véhicules".
        if !needs_de
            && self.is(at, &["de", "d'"])
            && self.is(
                at + 1,
                &["leurs", "leur", "ses", "ces", "nos", "vos", "mes", "tes"],
            )
        {
            at += 2;
        }
        let mut unit_words: Vec<&str> = Vec::new();
        let mut end = at;
        let plural = match head.value {
            QuantityValue::Single(v) => v >= 2.0 || needs_de,
            QuantityValue::Range(_) => true,
        };
        // Adjectives between number and noun.
        let mut after_others = false;
        loop {
            let key = self.key(end);
            if self.lexicon.unit_adjectives.contains(key) {
                unit_words.push(self.raw(end));
                end += 1;
            } else if self.lexicon.pre_adjectives.contains(key)
                && self.noun_at(end + 1, plural).is_some()
            {
                after_others |= key == "autres";
                end += 1;
            } else if key == "autres" && !head.is_one_article {
                after_others = true;
                end += 1;
            } else {
                break;
            }
        }
        let (noun, noun_end) = self.noun_at(end, plural)?;
        // "29 autres blessées": the participle describes the others; the count is of the
        // noun of the previous quantity (see `elliptic_noun`).
        if after_others && self.lexicon.casualty.contains(self.key(end)) && noun_end == end + 1 {
            return None;
        }
        Some(Noun {
            unit: join_unit(&unit_words, &noun),
            end: noun_end,
        })
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

    /// Whether the token at `index` can be a counted noun; returns the index past it.
    fn noun_word(&self, index: usize, plural: bool) -> Option<usize> {
        let token = self.tokens.get(index)?;
        let key = token.key.as_ref();
        if self.is_date.get(index).copied().unwrap_or(true) {
            return None;
        }
        if self.lexicon.abbreviations.contains(key) {
            return Some(index + 1);
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

    /// No noun after the number: "29 autres [blessées]", "51 nouveaux élus sur 74" and
    /// "350 voix contre 200" take
    /// the unit of the previous quantity of the sentence.
    fn elliptic_noun(&self, at: usize, head: &Head, previous: &[Quantity]) -> Option<Noun> {
        if head.is_one_article || !matches!(head.value, QuantityValue::Single(_)) {
            return self.one_other_casualty(head);
        }
        let sentence = self.tokens[at].sentence;
        let last = previous.last()?;
        let (first, _) = self.sentences[sentence];
        if last.span.start < self.tokens[first].start {
            return None;
        }
        // "51 élus sur 74", "350 voix contre 200".
        let after_sur = at > 0 && self.is(at - 1, &["sur", "contre"]);
        let others = self.key(head.end) == "autres";
        if !(after_sur || others) {
            return None;
        }
        let unit = last.unit.as_deref()?;
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

    /// "un autre grièvement blessé": one more casualty, the participle is the unit.
    fn one_other_casualty(&self, head: &Head) -> Option<Noun> {
        if !head.is_one_article || !self.is(head.end, &["autre"]) {
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

    /// "un"/"une" counts when its noun is a casualty word ("un mort", "un tué"), or a person
    /// in a sentence that reports casualties ("une personne a été tuée"), unless it is a
    /// member of a toll already given ("… 11 blessés, dont un enfant").
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
        let in_sentence = self.tokens[first..end].iter();
        // "dont un enfant", "parmi les blessés": a member of a toll counted elsewhere.
        let member_of_toll = self.tokens[..at]
            .iter()
            .rev()
            .take_while(|t| t.sentence == sentence)
            .any(|t| t.key == "dont")
            || in_sentence.clone().any(|t| t.key == "parmi");
        !member_of_toll
            && in_sentence
                .into_iter()
                .any(|t| self.lexicon.casualty.contains(&*t.key))
    }
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
