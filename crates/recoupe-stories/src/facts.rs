//! Figures and facts. Each count of an article gets what it counts (a category from
//! `resources/fr/fact_categories.tsv`: the unit noun, the verb of its clause, a "dont"
//! subset), the part of the whole it covers (a place or a party named with it in a
//! breakdown), whether the article presents it as superseded, and its source (the speaker of
//! the attribution holding it). Within a story, figures with the same category and part are
//! reports of one fact; reports whose intervals cannot both hold disagree.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use recoupe_model::{
    DocId, Document, EntityType, Granularity, PlaceKind, Qualifier, QuantityValue, Span,
};
use serde::{Deserialize, Serialize};

use crate::features::{cross_key, entity_key, DocFeatures};
use crate::relays::only_relayed;
use crate::words::{fold, words, Word};

const CATEGORIES: &str = include_str!("../../../resources/fr/fact_categories.tsv");
const PLACE_BODIES: &str = include_str!("../../../resources/fr/place_bodies.txt");

/// Most words of the clause after a number that are read for what it counts.
const AFTER_WORDS: usize = 8;
/// Most words of the clause after a number searched for the place of a breakdown ("Deux
/// autres décès ont été enregistrés dans la région voisine de Castille-La Manche").
const PLACE_WORDS: usize = 12;
/// Most words between a bare number and the count after it whose noun it shares ("pas 203,
/// mais au moins 300 personnes", "de 70 à 115 morts").
const ELLIPSIS_WORDS: usize = 3;
/// Bytes before a count of seats or votes searched for the party it belongs to.
const GROUP_REACH: usize = 80;
/// Most words after a count of people read for its verb across an aside.
const REST_WORDS: usize = 25;
/// Most words before a number read for a cue ("tuant", "un précédent bilan de").
const BEFORE_WORDS: usize = 6;
/// Days before the article's own time from which a date is of an earlier event.
const PAST_DAYS: i64 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Where {
    After,
    Before,
    Sentence,
    RightBefore,
    /// Anywhere among the words before the number in its clause ("le nombre de morts a
    /// atteint 1 293").
    ClauseBefore,
    /// The unit's head noun itself ("3 895 corps", "150 km").
    Head,
}

struct Rule {
    category: String,
    place: Where,
    phrase: Vec<String>,
    /// For `earlier` cues: the cue says the figure is superseded only when the article gives
    /// another figure of the same thing that is not ("un premier bilan" with no later one
    /// is the current toll).
    weak: bool,
}

struct Lexicon {
    rules: Vec<Rule>,
    earlier: Vec<Rule>,
    period: Vec<Rule>,
    past: Vec<Rule>,
    later: Vec<Rule>,
    /// A span of days the event itself lasts ("depuis lundi"): no `period` of its own.
    recent: Vec<Rule>,
    /// Participles the values stage may take for a bare number's noun ("contre neuf annoncés
    /// lundi"): the number has no noun of its own.
    not_unit: BTreeSet<String>,
    ellipsis: BTreeSet<String>,
    generic: BTreeSet<String>,
    person: BTreeSet<String>,
    by_group: BTreeSet<String>,
    /// Generic nouns that name anyone at all ("personnes", "gens"): a count of them whose
    /// clause says nothing the rules read still counts them, keyed by the noun.
    plain_people: BTreeSet<String>,
    /// Categories whose words only say something of living beings ("tués", "blessés",
    /// "portés disparus"): they say what a count of any noun counts, not only of the nouns
    /// listed as people ("plus de 40 chrétiens tués").
    animate: BTreeSet<String>,
    /// Words of a toll said of things too ("un bilan de 300 interventions"): a rule holding
    /// one reads no count of things, even of an `animate` category.
    neutral: BTreeSet<String>,
    /// Nouns of the security forces ("policiers", "agents"): their casualties are a part of
    /// a toll, told apart from the others'.
    forces: BTreeSet<String>,
    /// Nouns of armed groups' fighters ("assaillants", "djihadistes"): their dead are a part
    /// of a toll of their own, told apart from the victims' when an article gives both.
    fighters: BTreeSet<String>,
    /// Words making a count of seats or votes a threshold ("la majorité requise").
    threshold: BTreeSet<String>,
    /// `lying` rules: bodies lying at the scene ("gisent"), counted as the dead.
    lying: Vec<Rule>,
    /// `bodies_of` rules: the word joining a count of bodies to the people they were ("23
    /// corps de soldats"): such a count is of those people's dead.
    bodies_of: Vec<Rule>,
    /// Words of images: a count seen on them is no toll ("vidéo").
    image: BTreeSet<String>,
    /// Currency nouns (singular) → one name for each currency ("fcfa" → "franc").
    currency: BTreeMap<String, String>,
    /// What a sum of money is (`money:fine` …), from the words right before it.
    money: Vec<Rule>,
    /// Categories whose words say more than a unit's head noun ("10 km de profondeur" is a
    /// depth, not any distance): their rules are tried before the `head` rules; with the head
    /// category they refine when only that one ("41 cas confirmés" among the `cases`).
    refines_head: BTreeMap<String, Option<String>>,
    /// The rules of the categories that refine one head category only: read for a count of
    /// that head, never for any other count ("confirmés" says nothing of "12 décès confirmés").
    refiners: Vec<Rule>,
    /// Unit nouns (singular) that name the same people or things as another one ("lycéens"
    /// and "élèves", "prisonniers" and "détenus"): the noun a count of them is keyed by.
    same: BTreeMap<String, String>,
    /// Categories counting a subset of another's people (those placed in custody among the
    /// arrested) → that broader category: one fact with it unless an article gives both.
    narrower: BTreeMap<String, String>,
}

fn phrase_words(phrase: &str) -> Vec<String> {
    words(phrase).into_iter().map(|w| w.folded).collect()
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lexicon = Lexicon {
            rules: Vec::new(),
            earlier: Vec::new(),
            period: Vec::new(),
            past: Vec::new(),
            later: Vec::new(),
            recent: Vec::new(),
            not_unit: BTreeSet::new(),
            ellipsis: BTreeSet::new(),
            generic: BTreeSet::new(),
            plain_people: BTreeSet::new(),
            person: BTreeSet::new(),
            by_group: BTreeSet::new(),
            animate: BTreeSet::new(),
            neutral: BTreeSet::new(),
            forces: BTreeSet::new(),
            fighters: BTreeSet::new(),
            threshold: BTreeSet::new(),
            lying: Vec::new(),
            bodies_of: Vec::new(),
            image: BTreeSet::new(),
            currency: BTreeMap::new(),
            money: Vec::new(),
            refines_head: BTreeMap::new(),
            same: BTreeMap::new(),
            narrower: BTreeMap::new(),
            refiners: Vec::new(),
        };
        for line in CATEGORIES.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [category, place, phrase] = fields[..] else {
                continue;
            };
            match (category, place) {
                ("generic", place) => {
                    let noun = singular(&phrase_words(phrase).join(" "));
                    if place == "plain" {
                        lexicon.plain_people.insert(noun.clone());
                    }
                    lexicon.generic.insert(noun);
                }
                ("person", _) => {
                    lexicon
                        .person
                        .insert(singular(&phrase_words(phrase).join(" ")));
                }
                ("by_group", _) => {
                    lexicon.by_group.insert(phrase.to_string());
                }
                ("animate", _) => {
                    lexicon.animate.insert(phrase.to_string());
                }
                ("refines_head", head) => {
                    let head = (head != "category").then(|| head.to_string());
                    lexicon.refines_head.insert(phrase.to_string(), head);
                }
                ("not_unit", _) => {
                    lexicon
                        .not_unit
                        .insert(singular(&phrase_words(phrase).concat()));
                }
                ("narrower", narrow) => {
                    lexicon
                        .narrower
                        .insert(narrow.to_string(), phrase.to_string());
                }
                ("same", canonical) => {
                    lexicon.same.insert(
                        singular(&phrase_words(phrase).concat()),
                        canonical.to_string(),
                    );
                }
                ("fighters", _) => {
                    lexicon
                        .fighters
                        .insert(singular(&phrase_words(phrase).join(" ")));
                }
                ("bodies_of", _) => {
                    lexicon.bodies_of.push(Rule {
                        category: "killed".to_string(),
                        place: Where::After,
                        phrase: phrase_words(phrase),
                        weak: false,
                    });
                }
                ("forces", _) => {
                    lexicon
                        .forces
                        .insert(singular(&phrase_words(phrase).join(" ")));
                }
                ("currency", canonical) => {
                    lexicon.currency.insert(
                        singular(&phrase_words(phrase).concat()),
                        canonical.to_string(),
                    );
                }
                (money, _) if money.starts_with("money:") => {
                    lexicon.money.push(Rule {
                        category: money.to_string(),
                        place: Where::Before,
                        phrase: phrase_words(phrase),
                        weak: false,
                    });
                }
                ("image", _) => {
                    lexicon.image.extend(phrase_words(phrase));
                }
                ("lying", _) => {
                    lexicon.lying.push(Rule {
                        category: "killed".to_string(),
                        place: Where::After,
                        phrase: phrase_words(phrase),
                        weak: false,
                    });
                }
                ("threshold", _) => {
                    lexicon.threshold.extend(phrase_words(phrase));
                }
                ("neutral", _) => {
                    lexicon.neutral.extend(phrase_words(phrase));
                }
                ("ellipsis", _) => {
                    lexicon.ellipsis.extend(phrase_words(phrase));
                }
                _ => {
                    // `weak` on a `later` cue: it revises its own claimant's figures only.
                    let weak = category == "earlier_if_revised" || category == "later_own";
                    let category = match category {
                        "earlier_if_revised" => "earlier",
                        "later_own" => "later",
                        other => other,
                    };
                    let rule = Rule {
                        category: category.to_string(),
                        place: match place {
                            "before" => Where::Before,
                            "sentence" => Where::Sentence,
                            "right_before" => Where::RightBefore,
                            "clause_before" => Where::ClauseBefore,
                            "head" => Where::Head,
                            _ => Where::After,
                        },
                        phrase: if place == "head" {
                            vec![singular(&phrase_words(phrase).concat())]
                        } else {
                            phrase_words(phrase)
                        },
                        weak,
                    };
                    if category == "earlier" {
                        lexicon.earlier.push(rule);
                    } else if category == "period" {
                        lexicon.period.push(rule);
                    } else if category == "past" {
                        lexicon.past.push(rule);
                    } else if category == "later" {
                        lexicon.later.push(rule);
                    } else if category == "recent" {
                        lexicon.recent.push(rule);
                    } else {
                        lexicon.rules.push(rule);
                    }
                }
            }
        }
        let (refiners, rules) = std::mem::take(&mut lexicon.rules)
            .into_iter()
            .partition(|r| {
                lexicon
                    .refines_head
                    .get(&r.category)
                    .is_some_and(Option::is_some)
            });
        lexicon.refiners = refiners;
        lexicon.rules = rules;
        lexicon
    })
}

/// The original claimant of a figure: the speaker of the attribution whose content holds it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Source {
    /// Cross-article key (`actors:…`, `name:ORG:…`): the same claimant in every article.
    pub key: String,
    /// Document-level entity key of the speaker in its article (empty when the speaker is
    /// named but not recognised as an entity: then `key` is its folded text).
    pub entity: String,
    pub name: String,
    /// The speaker as written in the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// One count of an article, read for linking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The quantity mention.
    pub span: Span,
    pub value: QuantityValue,
    pub qualifier: Qualifier,
    /// What is counted: `killed`, `injured`, `seats`, … or `unit:<noun>`; `None` when the
    /// article does not say (then the figure links to nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The part of the whole it covers: the place of a breakdown by place, the party of a
    /// count by party (cross-article key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_name: Option<String>,
    /// The article presents the figure as an earlier or superseded one.
    pub earlier: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Which words decided the category, part and flag.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

impl Figure {
    /// The interval of values the report allows (FORMAT.md): exact v → [v, v], more_than v →
    /// [v, ∞), less_than v → (−∞, v], about v → [0.9v, 1.1v], range → [l, h].
    pub fn interval(&self) -> (f64, f64) {
        interval(&self.value, self.qualifier)
    }
}

pub fn interval(value: &QuantityValue, qualifier: Qualifier) -> (f64, f64) {
    match (value, qualifier) {
        (QuantityValue::Range([l, h]), _) => (l.min(*h), l.max(*h)),
        (QuantityValue::Single(v), Qualifier::MoreThan) => (*v, f64::INFINITY),
        (QuantityValue::Single(v), Qualifier::LessThan) => (f64::NEG_INFINITY, *v),
        (QuantityValue::Single(v), Qualifier::About) => (0.9 * v, 1.1 * v),
        (QuantityValue::Single(v), _) => (*v, *v),
    }
}

/// Two intervals that do not meet: the values cannot both hold.
pub fn disjoint(a: (f64, f64), b: (f64, f64)) -> bool {
    a.1 < b.0 || b.1 < a.0
}

fn singular(word: &str) -> String {
    let w = word.trim_end_matches(['s', 'x']);
    if w.len() >= 3 {
        w.to_string()
    } else {
        word.to_string()
    }
}

/// Whether `window` ends with the words of `phrase`.
fn ends_with_phrase(window: &[&str], phrase: &[String]) -> bool {
    window.len() >= phrase.len()
        && window[window.len() - phrase.len()..]
            .iter()
            .zip(phrase)
            .all(|(a, b)| *a == b)
}

/// Whether `phrase` occurs as consecutive words of `window`.
fn has_phrase(window: &[&str], phrase: &[String]) -> bool {
    !phrase.is_empty()
        && window.len() >= phrase.len()
        && window
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase).all(|(a, b)| *a == b))
}

/// Whether the text between two words ends a clause.
fn clause_break(gap: &str) -> bool {
    gap.contains(['.', ';', ':', '!', '?', ',', '\n', '(', ')'])
}

struct Context<'d> {
    doc: &'d Document,
    words: Vec<Word>,
}

impl Context<'_> {
    /// Index of the first word starting at or after `at`.
    fn first_word_from(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.span.start < at)
    }

    /// Words after `span` in its clause, before `stop` (the next quantity).
    fn after(&self, span: Span, stop: usize) -> Vec<usize> {
        self.after_limit(span, stop, AFTER_WORDS)
    }

    /// [`Context::after`] with another limit of words.
    fn after_limit(&self, span: Span, stop: usize, limit: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut k = self.first_word_from(span.end);
        let mut previous_end = span.end;
        while k < self.words.len() && out.len() < limit {
            let w = &self.words[k];
            if w.span.start >= stop {
                break;
            }
            let gap = &self.doc.text[previous_end..w.span.start];
            if clause_break(gap) {
                // ", dont un enfant, ont été tuées": the subset in between says nothing of
                // what the whole counts; read on after it.
                if gap.trim() == "," && w.folded == "dont" {
                    let mut skip = k + 1;
                    while skip < self.words.len() && skip < k + 12 {
                        let between = &self.doc.text
                            [self.words[skip - 1].span.end..self.words[skip].span.start];
                        if between.trim() == "," {
                            break;
                        }
                        if clause_break(between) || self.words[skip].span.start >= stop {
                            return out;
                        }
                        skip += 1;
                    }
                    if skip < self.words.len() && skip < k + 12 {
                        previous_end = self.words[skip].span.start;
                        k = skip;
                        continue;
                    }
                }
                break;
            }
            out.push(k);
            previous_end = w.span.end;
            k += 1;
        }
        out
    }

    /// Words before `span` in its clause, after `stop` (the previous quantity's end).
    fn before(&self, span: Span, stop: usize, limit: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut k = self.first_word_from(span.start);
        let mut next_start = span.start;
        while k > 0 && out.len() < limit {
            let w = &self.words[k - 1];
            if w.span.end <= stop || clause_break(&self.doc.text[w.span.end..next_start]) {
                break;
            }
            out.push(k - 1);
            next_start = w.span.start;
            k -= 1;
        }
        out.reverse();
        out
    }

    /// Words after `span` to the end of its sentence (at most [`REST_WORDS`]), across
    /// commas and asides: a count met inside a ", dont …," aside is passed over, any other
    /// count ends the run.
    fn clause_rest(
        &self,
        span: Span,
        sentence_end: usize,
        quantities: &[&recoupe_model::Quantity],
    ) -> Vec<usize> {
        let mut out = Vec::new();
        let mut k = self.first_word_from(span.end);
        let mut previous_end = span.end;
        let mut in_aside = false;
        while k < self.words.len() && out.len() < REST_WORDS {
            let w = &self.words[k];
            if w.span.start >= sentence_end {
                break;
            }
            let gap = &self.doc.text[previous_end..w.span.start];
            if gap.contains(['.', ';', '!', '?', '\n']) {
                break;
            }
            if gap.contains(',') {
                in_aside = w.folded == "dont";
            }
            let counted = quantities
                .iter()
                .any(|q| q.span.start >= span.end && q.span.contains(&w.span));
            if counted && !in_aside {
                break;
            }
            out.push(k);
            previous_end = w.span.end;
            k += 1;
        }
        out
    }

    fn folded(&self, indices: &[usize]) -> Vec<&str> {
        indices
            .iter()
            .map(|&k| self.words[k].folded.as_str())
            .collect()
    }
}

/// The words between a part and its whole: "Quatre des six morts", "trois d'entre les huit".
fn partitive_gap(gap: &str) -> bool {
    let gap = gap.trim().replace('\u{2019}', "'").to_lowercase();
    gap == "des" || gap == "d'entre les"
}

/// Whether the text after a number opens with the group it is taken from: "des", "de ses",
/// "de leurs", "de ces", "d'entre eux" ("Deux des rescapés", "quatre de leurs véhicules").
fn takes_from_group(after: &str) -> bool {
    let folded = after.trim_start().replace('\u{2019}', "'").to_lowercase();
    ["des ", "de ses ", "de leurs ", "de ces ", "d'entre "]
        .iter()
        .any(|start| folded.starts_with(start))
}

/// Whether the quantity's own words hold its unit's head noun ("six morts"), not a unit the
/// values stage gave a bare number from a count near it ("Quatre" of "Quatre des six morts").
fn has_own_noun(doc: &Document, quantity: &recoupe_model::Quantity) -> bool {
    let Some(head) = quantity
        .unit
        .as_deref()
        .and_then(|u| words(u).into_iter().next())
    else {
        return false;
    };
    words(doc.slice(quantity.span))
        .iter()
        .any(|w| w.folded == head.folded)
}

fn sentence_of(doc: &Document, span: Span) -> Span {
    doc.layers
        .sentences
        .iter()
        .find(|s| s.span.start <= span.start && span.start < s.span.end)
        .map(|s| s.span)
        .unwrap_or(Span::new(0, doc.text.len()))
}

/// The figures of an annotated document, in text order.
pub fn figures_of(doc: &Document) -> Vec<Figure> {
    let lexicon = lexicon();
    let context = Context {
        doc,
        words: words(&doc.text),
    };
    let mut quantities: Vec<&recoupe_model::Quantity> = doc.layers.quantities.iter().collect();
    quantities.sort_by_key(|q| q.span);
    let place_kind: HashMap<&str, PlaceKind> = doc
        .layers
        .places
        .iter()
        .map(|p| (p.entity.as_str(), p.kind))
        .collect();
    let place_country: HashMap<&str, &str> = doc
        .layers
        .places
        .iter()
        .filter_map(|p| p.country.as_deref().map(|c| (p.entity.as_str(), c)))
        .collect();
    let country = main_country(doc, &place_country);
    // The article's own time: its publication date, else the latest day its text gives.
    let reference = doc.meta.published.map(|p| p.date).or_else(|| {
        doc.layers
            .dates
            .iter()
            .filter(|d| d.granularity == Granularity::Day)
            .filter_map(|d| d.value.as_deref().and_then(date_end))
            .max()
    });

    let mut figures: Vec<Figure> = Vec::new();
    let mut weak_earlier: Vec<bool> = Vec::new();
    // Per figure: the singular head noun of its unit, and whether the number stands without
    // a noun of its own (no unit, or one the values stage took from a count before it).
    let mut heads: Vec<Option<String>> = Vec::new();
    let mut bare: Vec<bool> = Vec::new();
    // Per figure: it counts a part of the count right after it ("Quatre des six morts").
    let mut partitive: Vec<bool> = Vec::new();
    // Per figure: a cue in its sentence says it is newer than what came before ("ont annoncé
    // un peu plus tard 39 morts").
    let mut later: Vec<bool> = Vec::new();
    // Per figure: its `later` cue revises only its own claimant's figures ("désormais").
    let mut later_own: Vec<bool> = Vec::new();
    let mut last_source: Option<Source> = None;
    for (index, quantity) in quantities.iter().enumerate() {
        let span = quantity.span;
        let sentence = sentence_of(doc, span);
        let next_start = quantities
            .get(index + 1)
            .map(|q| q.span.start)
            .unwrap_or(usize::MAX)
            .min(sentence.end);
        let previous_end = index
            .checked_sub(1)
            .map(|i| quantities[i].span.end)
            .unwrap_or(0)
            .max(sentence.start);
        // The quantity's own words (its unit) count as the start of the window after it.
        let own: Vec<usize> = context
            .words
            .iter()
            .enumerate()
            .filter(|(_, w)| span.contains(&w.span))
            .map(|(k, _)| k)
            .collect();
        let after = context.after(span, next_start);
        // "331 députés sur 577 ont voté": the whole after "sur" does not end the clause
        // that says what the count counts.
        let out_of = quantities.get(index + 1).is_some_and(|next| {
            next.span.start < sentence.end
                && context.folded(
                    &(context.first_word_from(span.end)..context.first_word_from(next.span.start))
                        .collect::<Vec<_>>(),
                ) == ["sur"]
        });
        let read_stop = if out_of {
            quantities
                .get(index + 2)
                .map_or(usize::MAX, |q| q.span.start)
                .min(sentence.end)
        } else {
            next_start
        };
        // "Quatre des six morts sont …", "trois d'entre les huit blessés": a number with no
        // noun of its own before "des" and a count with one is a part of that count. It reads
        // its clause after the whole, never the whole's noun (four of the dead are not four
        // dead against six), and the whole reads only its own noun.
        let part_of_next = quantities.get(index + 1).filter(|next| {
            next.span.start < sentence.end
                && doc
                    .text
                    .get(span.end..next.span.start)
                    .is_some_and(partitive_gap)
                && !has_own_noun(doc, quantity)
                && has_own_noun(doc, next)
        });
        let whole_of_part = index > 0 && partitive.get(index - 1).copied().unwrap_or(false);
        let mut window: Vec<usize> = own.clone();
        match part_of_next {
            Some(next) => {
                let stop = quantities
                    .get(index + 2)
                    .map_or(usize::MAX, |q| q.span.start)
                    .min(sentence.end);
                window.extend(&context.after(next.span, stop));
            }
            None => window.extend(&context.after(span, read_stop)),
        }
        let window_words = context.folded(&window);
        let before = context.before(span, previous_end, BEFORE_WORDS);
        let before_words = context.folded(&before);
        let long_before = context.before(span, previous_end, 14);

        let mut evidence = Vec::new();
        // The head noun of the unit; a hyphenated compound is one word ("co-accusés" and
        // "coaccusés" count the same people).
        let unit_head = quantity
            .unit
            .as_deref()
            .and_then(|u| u.split_whitespace().next())
            .map(|token| {
                words(token)
                    .into_iter()
                    .map(|w| w.folded)
                    .collect::<String>()
            })
            .filter(|head| !head.is_empty());
        // "contre neuf annoncés lundi": a reporting participle is no noun of the count,
        // whether the values stage took it for the unit or left the number bare right before
        // it (and gave it the unit of a count before).
        let participle_unit = unit_head
            .as_ref()
            .is_some_and(|head| lexicon.not_unit.contains(&singular(head)));
        let announced = participle_unit
            || after.first().is_some_and(|&k| {
                context.words[k].span.start == span.end + 1
                    && lexicon
                        .not_unit
                        .contains(&singular(&context.words[k].folded))
            });
        let unit_head = unit_head.filter(|_| !participle_unit);
        let own_words = context.folded(&own);
        // The values stage may give a bare number the unit of a count before it ("290 morts
        // à Al Haouz, 190 à Taroudant"): that unit is not among the number's own words.
        let unit_inferred = unit_head.as_ref().is_some_and(|head| {
            let first = quantity
                .unit
                .as_deref()
                .and_then(|u| words(u).into_iter().next())
                .map(|w| w.folded)
                .unwrap_or_default();
            !own_words.iter().any(|w| *w == head || *w == first)
        });
        let head_rule = unit_head
            .as_ref()
            .filter(|_| !unit_inferred)
            .and_then(|head| {
                let head = singular(head);
                lexicon
                    .rules
                    .iter()
                    .find(|r| r.place == Where::Head && r.phrase.first() == Some(&head))
            });
        // "Des dizaines de corps gisent au sol": bodies lying where the event struck are its
        // dead, unless they are counted on images ("une vidéo où l'on voit 110 corps").
        let sentence_words = context.folded(
            &(context.first_word_from(sentence.start)..context.first_word_from(sentence.end))
                .collect::<Vec<_>>(),
        );
        let on_images = sentence_words.iter().any(|w| lexicon.image.contains(*w));
        let lying = lexicon
            .lying
            .iter()
            .find(|r| has_phrase(&window_words, &r.phrase));
        let head_rule = match (head_rule, lying) {
            (Some(head), Some(rule)) if head.category == "bodies" && !on_images => Some(rule),
            (head, _) => head,
        };
        // "au moins 23 corps de soldats": bodies named with the people they were count those
        // people's dead (their noun, not "corps", says whose: the forces' or others').
        let is_people = |noun: &str| {
            let noun = singular(noun);
            lexicon.generic.contains(&noun)
                || lexicon.person.contains(&noun)
                || lexicon.forces.contains(&noun)
                || lexicon.fighters.contains(&noun)
        };
        let bodies_of = head_rule
            .filter(|h| h.category == "bodies")
            .zip(unit_head.as_ref())
            .and_then(|(_, head)| {
                let head = singular(head);
                let at = window_words.iter().position(|w| singular(w) == head)?;
                let (link, noun) = (window_words.get(at + 1)?, window_words.get(at + 2)?);
                let rule = lexicon.bodies_of.iter().find(|r| r.phrase == [*link])?;
                is_people(noun).then(|| (rule, singular(noun)))
            });
        let head_rule = bodies_of.as_ref().map(|(rule, _)| *rule).or(head_rule);
        // "à 10 km de profondeur": words that say more than the head noun come first.
        let right_before = &before_words[before_words.len().saturating_sub(3)..];
        let head_rule = head_rule.map(|head| {
            lexicon
                .rules
                .iter()
                .chain(&lexicon.refiners)
                .filter(|r| {
                    lexicon
                        .refines_head
                        .get(&r.category)
                        .is_some_and(|only| only.as_ref().is_none_or(|c| *c == head.category))
                })
                .find(|r| match r.place {
                    Where::After => has_phrase(&window_words, &r.phrase),
                    Where::RightBefore => ends_with_phrase(right_before, &r.phrase),
                    _ => false,
                })
                .unwrap_or(head)
        });
        // A count of things (not people, and not itself a category word) counts its noun.
        let thing = unit_head.as_ref().is_some_and(|head| {
            !lexicon.generic.contains(&singular(head))
                && !lexicon.person.contains(&singular(head))
                && !lexicon.rules.iter().any(|r| r.phrase.first() == Some(head))
        });
        // A count of things reads no verb of its clause, except one said only of living
        // beings: a noun not listed as people may still name them.
        // A sum of money is never a count of people, whatever its clause says ("une aide de
        // 200 000 dollars aux familles des victimes").
        let money = unit_head
            .as_ref()
            .is_some_and(|head| lexicon.currency.contains_key(&singular(head)));
        let reads = |r: &&Rule| {
            !thing
                || (!money
                    && lexicon.animate.contains(&r.category)
                    && !r.phrase.iter().any(|w| lexicon.neutral.contains(w)))
        };
        let clause_rule = |place: Where, words: &[&str]| {
            lexicon
                .rules
                .iter()
                .filter(reads)
                .find(|r| r.place == place && has_phrase(words, &r.phrase))
        };
        // "331 députés sur 577 ont voté": the bare whole after "sur" reads no verb; it is
        // the whole the count before it is out of (below).
        let out_of_whole = (unit_head.is_none() || unit_inferred)
            && before_words.last().is_some_and(|w| *w == "sur")
            && figures
                .last()
                .is_some_and(|f| sentence.contains(&f.span) && f.span.end <= span.start);
        let mut category = head_rule
            .filter(|_| !out_of_whole)
            .or_else(|| {
                if whole_of_part {
                    return None;
                }
                lexicon.rules.iter().filter(reads).find(|r| {
                    r.place == Where::RightBefore && ends_with_phrase(right_before, &r.phrase)
                })
            })
            .or_else(|| {
                if whole_of_part {
                    return clause_rule(Where::After, &own_words);
                }
                // A verb before the number says what it counts only within the number's own
                // clause: "trois bouviers ont été blessés et qu'une dizaine de bêtes ont été
                // abattues" says nothing of the beasts by "blessés".
                let before_tail = &before_words[before_words.len().saturating_sub(4)..];
                let joined_at = before_tail
                    .iter()
                    .rposition(|w| matches!(*w, "et" | "qu" | "que"))
                    .map_or(0, |k| k + 1);
                clause_rule(Where::After, &window_words)
                    .or_else(|| clause_rule(Where::Before, &before_tail[joined_at..]))
                    .or_else(|| clause_rule(Where::ClauseBefore, &before_words))
            })
            .filter(|_| !out_of_whole)
            .map(|r| {
                evidence.push(format!("counts {}: \"{}\"", r.category, r.phrase.join(" ")));
                r.category.clone()
            });
        if out_of_whole {
            if let Some(parent) = figures
                .last()
                .and_then(|f| f.category.as_deref())
                .filter(|c| !c.ends_with("/whole"))
            {
                evidence.push(format!("the whole a count of {parent} is out of"));
                category = Some(format!("{parent}/whole"));
            }
        }
        // "la majorité requise étant de 288 voix", "288 voix étaient nécessaires": a
        // threshold, not a result.
        if let Some(cat) = category.as_ref().filter(|c| lexicon.by_group.contains(*c)) {
            let threshold = before_words
                .iter()
                .chain(&window_words)
                .find(|w| lexicon.threshold.contains(**w));
            if let Some(word) = threshold {
                evidence.push(format!("a threshold: \"{word}\""));
                category = Some(format!("{cat}_required"));
            }
        }
        // A count of people whose own clause is cut by an aside ("Quatre personnes, dont un
        // enfant, ont été tuées", "300 personnes -selon d'autres bien plus- qui auraient été
        // tuées"): the verb after the aside says what happened to them; the nearest one.
        let people = unit_head.as_ref().is_some_and(|head| {
            let head = singular(head);
            lexicon.generic.contains(&head)
                || lexicon.person.contains(&head)
                || lexicon.forces.contains(&head)
        });
        let aside_follows = doc.text[span.end..]
            .trim_start()
            .starts_with([',', '(', '-', '–', '—']);
        if category.is_none() && people && !unit_inferred && aside_follows {
            let rest = context.clause_rest(span, sentence.end, &quantities);
            let rest_words = context.folded(&rest);
            let nearest = lexicon
                .rules
                .iter()
                .filter(|r| r.place == Where::After)
                .filter_map(|r| {
                    let n = r.phrase.len();
                    (0..rest_words.len().saturating_sub(n - 1))
                        .find(|&k| {
                            rest_words[k..k + n]
                                .iter()
                                .zip(&r.phrase)
                                .all(|(a, b)| *a == b)
                        })
                        .map(|k| (k, r))
                })
                .min_by_key(|(k, _)| *k);
            if let Some((_, r)) = nearest {
                evidence.push(format!(
                    "counts {}: \"{}\" after an aside",
                    r.category,
                    r.phrase.join(" ")
                ));
                category = Some(r.category.clone());
            }
        }
        // "Cinq policiers et un civil ont été tués": two counts joined by "et" share the
        // verb after the second.
        if category.is_none() && people && !unit_inferred {
            let joined = quantities
                .get(index + 1)
                .filter(|next| next.span.start < sentence.end)
                .filter(|next| {
                    let between = context.folded(
                        &(context.first_word_from(span.end)
                            ..context.first_word_from(next.span.start))
                            .collect::<Vec<_>>(),
                    );
                    between == ["et"] || between == ["ou"]
                });
            if let Some(next) = joined {
                let stop = quantities
                    .get(index + 2)
                    .map_or(usize::MAX, |q| q.span.start)
                    .min(sentence.end);
                let shared = context.folded(&context.after(next.span, stop));
                if let Some(rule) = clause_rule(Where::After, &shared) {
                    evidence.push(format!(
                        "counts {}: \"{}\" after the count joined to it",
                        rule.category,
                        rule.phrase.join(" ")
                    ));
                    category = Some(rule.category.clone());
                }
            }
        }
        let in_sentence = |f: &Figure| sentence.contains(&f.span) && f.span.end <= span.start;
        let previous_index = figures.iter().rposition(in_sentence);
        let previous = previous_index.map(|i| &figures[i]);
        let subset = before_words.last().is_some_and(|w| *w == "dont");
        // "dont neuf femmes et quatre enfants": the second is a subset of the same whole.
        let joined_subset = before_words.last().is_some_and(|w| *w == "et")
            && previous.is_some_and(|p| {
                p.category.as_ref().is_some_and(|c| c.contains('>'))
                    && context.words[context.first_word_from(p.span.end)..]
                        .iter()
                        .take_while(|w| w.span.start < span.start)
                        .count()
                        == 1
            });
        if joined_subset {
            if let (Some(parent), Some(head)) = (
                previous
                    .and_then(|p| p.category.as_deref())
                    .and_then(|c| c.split('>').next()),
                unit_head.as_ref(),
            ) {
                evidence.push(format!("second item of a \"dont\" subset of {parent}"));
                category = Some(format!("{parent}>{}", singular(head)));
            }
        } else if subset {
            if let Some(parent) = previous.and_then(|p| p.category.clone()) {
                let own_is_refinement = category.as_ref().is_some_and(|c| *c != parent);
                if !own_is_refinement {
                    category = unit_head.as_ref().map(|head| {
                        evidence.push(format!("\"dont\" subset of {parent}"));
                        format!("{parent}>{}", singular(head))
                    });
                }
            }
        }
        // "Parmi les victimes figurent onze femmes", "Parmi eux, trois enfants": a count of
        // people with no verb of its own, first of a sentence that opens with "parmi", is a
        // subset of the whole named after "parmi", else of the last count before it (in its
        // sentence or the one before).
        let opens_with_among = previous_index.is_none()
            && context
                .words
                .get(context.first_word_from(sentence.start))
                .is_some_and(|w| w.folded == "parmi" && w.span.start < span.start);
        // "Parmi elles, trois enfants sont morts": after "parmi", a count whose own verb says
        // what the whole counts is a subset too, not another value of the whole.
        let among_parent = opens_with_among
            .then(|| {
                figures
                    .iter()
                    .rev()
                    .take(4)
                    .find_map(|f| f.category.as_deref())
                    .and_then(|c| c.split('>').next())
                    .map(str::to_string)
            })
            .flatten();
        let restates_whole = category
            .as_ref()
            .is_some_and(|c| among_parent.as_ref() == Some(c));
        if (category.is_none() || restates_whole) && opens_with_among && people && !unit_inferred {
            let named: Vec<&str> = context.folded(
                &(context.first_word_from(sentence.start) + 1..context.first_word_from(span.start))
                    .collect::<Vec<_>>(),
            );
            let named_whole = lexicon
                .rules
                .iter()
                .find(|r| r.place == Where::After && has_phrase(&named, &r.phrase))
                .map(|r| r.category.clone());
            let reach = doc
                .layers
                .sentences
                .iter()
                .rfind(|s| s.span.end <= sentence.start)
                .map_or(sentence.start, |s| s.span.start);
            let last_whole = figures
                .iter()
                .rev()
                .take_while(|f| f.span.start >= reach)
                .find_map(|f| f.category.as_deref())
                .and_then(|c| c.split('>').next())
                .filter(|c| !c.starts_with("unit:"))
                .map(str::to_string);
            let parent = named_whole
                .or(last_whole)
                .or_else(|| category.clone().filter(|_| restates_whole));
            if let (Some(parent), Some(head)) = (parent, unit_head.as_ref()) {
                evidence.push(format!("\"parmi\" subset of {parent}"));
                category = Some(format!("{parent}>{}", singular(head)));
            }
        }
        let mut enumeration = false;
        if category.is_none() && (unit_head.is_none() || unit_inferred) {
            // "le nombre de disparus, évalué à des milliers": a count named before a number
            // with no noun of its own, in its sentence across commas, says what it counts
            // (before any enumeration of the count ahead of it).
            let sentence_words = context.folded(
                &(context.first_word_from(previous_end)..context.first_word_from(span.start))
                    .collect::<Vec<_>>(),
            );
            let named = lexicon.rules.iter().find(|r| {
                r.place == Where::ClauseBefore
                    && has_phrase(
                        &sentence_words[sentence_words.len().saturating_sub(10)..],
                        &r.phrase,
                    )
            });
            if let Some(rule) = named {
                evidence.push(format!(
                    "counts {}: \"{}\" before it in its sentence",
                    rule.category,
                    rule.phrase.join(" ")
                ));
                category = Some(rule.category.clone());
            }
        }
        if category.is_none() && unit_head.is_none() {
            // "Les manifestants, plus de 20 000 selon la CGT, …": a number with no noun in
            // apposition right after a noun that names a count counts what that noun names.
            let gap_start = previous_end.min(span.start);
            let gap = doc.text[gap_start..span.start].trim_end();
            let before_comma = gap.trim_end_matches(',');
            let apposed = gap.ends_with(',') && !before_comma.contains([',', '.', ';', ':']);
            // The word right before the comma, within the gap.
            let noun = context.words[..context.first_word_from(gap_start + before_comma.len())]
                .last()
                .filter(|w| apposed && w.span.start >= gap_start);
            if let Some(noun) = noun {
                let rule = lexicon.rules.iter().find(|r| {
                    r.place == Where::After && r.phrase.len() == 1 && r.phrase[0] == noun.folded
                });
                if let Some(rule) = rule {
                    evidence.push(format!(
                        "counts {}: in apposition to \"{}\"",
                        rule.category, rule.phrase[0]
                    ));
                    category = Some(rule.category.clone());
                }
            }
        }
        if category.is_none() && (unit_head.is_none() || unit_inferred) && previous_index.is_none()
        {
            // "Nombre de députés : • Caq : 90 • PLQ : 21": the first number of an item of a
            // list counts what the list's heading names.
            if let Some(heading) = list_heading(doc, sentence) {
                let heading_words = context.folded(
                    &(context.first_word_from(heading.start)..context.first_word_from(heading.end))
                        .collect::<Vec<_>>(),
                );
                let named = lexicon.rules.iter().find(|r| {
                    matches!(r.place, Where::ClauseBefore | Where::After)
                        && has_phrase(&heading_words, &r.phrase)
                });
                if let Some(rule) = named {
                    evidence.push(format!(
                        "counts {}: \"{}\" in the heading of its list",
                        rule.category,
                        rule.phrase.join(" ")
                    ));
                    category = Some(rule.category.clone());
                }
            }
        }
        // "17 morts, dont deux enfants, contre neuf selon le gouverneur": a number set against
        // another ("contre") is a rival figure of the count, not of the subset in its aside.
        let rival = before_words.iter().rev().take(2).any(|w| *w == "contre");
        let inherit = |parent: String| -> String {
            match parent.split_once('>') {
                Some((whole, _)) if rival => whole.to_string(),
                _ => parent,
            }
        };
        if category.is_none() && unit_inferred && part_of_next.is_none() {
            // A number whose unit comes from a count before it continues that count's
            // enumeration ("290 morts à Al Haouz, 190 à Taroudant"); with none before it in
            // its sentence, its unit says what it counts.
            // "331 députés sur 577": the number after "sur" is the whole the count is
            // part of, not another count of the same thing.
            let whole = before_words.last().is_some_and(|w| *w == "sur");
            // The category its own (inferred) unit names, when that unit is not the one of the
            // count before it: "3 252 morts … le nombre de disparus, évalué à des milliers"
            // counts the missing, not the dead.
            let own_rule = unit_head.as_ref().and_then(|head| {
                let head = singular(head);
                let same_as_previous = previous_index
                    .and_then(|i| heads[i].as_ref())
                    .is_some_and(|h| *h == head);
                if same_as_previous {
                    return None;
                }
                lexicon.rules.iter().find(|r| {
                    (r.place == Where::Head || r.place == Where::After)
                        && r.phrase.len() == 1
                        && singular(&r.phrase[0]) == head
                })
            });
            if let Some(rule) = own_rule.filter(|_| !whole) {
                evidence.push(format!(
                    "counts {}: its unit, not the count's before",
                    rule.category
                ));
                category = Some(rule.category.clone());
            } else if let Some(parent) = previous.and_then(|p| p.category.clone()) {
                if whole {
                    evidence.push(format!("the whole a count of {parent} is out of"));
                    category = Some(format!("{parent}/whole"));
                } else {
                    let parent = inherit(parent);
                    evidence.push(format!("enumeration after a count of {parent}"));
                    category = Some(parent);
                    enumeration = true;
                }
            } else if let Some(rule) = unit_head.as_ref().and_then(|head| {
                let head = singular(head);
                lexicon.rules.iter().find(|r| {
                    (r.place == Where::Head || r.place == Where::After)
                        && r.phrase.len() == 1
                        && singular(&r.phrase[0]) == head
                })
            }) {
                evidence.push(format!("counts {}: its unit", rule.category));
                category = Some(rule.category.clone());
            }
        }
        if category.is_none() && part_of_next.is_none() {
            match &unit_head {
                Some(head) if !lexicon.generic.contains(&singular(head)) => {
                    // "49 autres accusés" are the fellow accused, as "49 coaccusés": not the
                    // same set as "51 accusés".
                    let other = own_words.iter().any(|w| *w == "autres" || *w == "autre");
                    let noun = if other && !head.starts_with("co") {
                        format!("co{head}")
                    } else {
                        head.clone()
                    };
                    let noun = lexicon
                        .currency
                        .get(&singular(&noun))
                        .cloned()
                        .unwrap_or(noun);
                    // "une amende de 500 millions de francs", "le détournement de 2 milliards":
                    // what a sum of money is, from the noun or verb right before it.
                    let kind = lexicon
                        .currency
                        .values()
                        .any(|c| *c == noun)
                        .then(|| {
                            lexicon.money.iter().find(|r| {
                                has_phrase(
                                    &before_words[before_words.len().saturating_sub(4)..],
                                    &r.phrase,
                                )
                            })
                        })
                        .flatten();
                    if let Some(rule) = kind {
                        evidence.push(format!(
                            "a sum of {}: \"{}\"",
                            rule.category,
                            rule.phrase.join(" ")
                        ));
                        category = Some(rule.category.clone());
                    } else {
                        let noun = singular(&noun);
                        let noun = lexicon.same.get(&noun).cloned().unwrap_or(noun);
                        evidence.push(format!("counts the unit \"{noun}\""));
                        category = Some(format!("unit:{noun}"));
                    }
                }
                Some(head) => {
                    // "ne sont pas 203 mais au moins 300 personnes": a generic noun right
                    // after a bare number of the sentence counts the same thing. After a
                    // count with a noun of its own it does not: "des dizaines de maisons
                    // ont brûlé et 3 000 habitants ont fui" counts two things.
                    let near = previous_index.is_some_and(|i| bare[i])
                        && previous.is_some_and(|p| {
                            context.words[context.first_word_from(p.span.end)..]
                                .iter()
                                .take_while(|w| w.span.start < span.start)
                                .count()
                                <= 4
                        });
                    if let Some(parent) = previous.filter(|_| near).and_then(|p| p.category.clone())
                    {
                        evidence.push(format!("generic noun right after a count of {parent}"));
                        category = Some(parent);
                    } else if !unit_inferred && lexicon.plain_people.contains(&singular(head)) {
                        // "300 personnes" whose clause says nothing the rules read: the noun
                        // alone, as another outlet's "300 personnes" of the same story is
                        // most often the same count. Only the nouns that name anyone at all:
                        // "hommes" are as often the armed men as their victims.
                        let noun = singular(head);
                        evidence.push(format!("counts the generic unit \"{noun}\""));
                        category = Some(format!("unit:{noun}"));
                    }
                }
                None => {
                    // "290 morts à Al Haouz, 190 à Taroudant": an enumeration inherits.
                    if let Some(parent) = previous.and_then(|p| p.category.clone()) {
                        let parent = inherit(parent);
                        evidence.push(format!("enumeration after a count of {parent}"));
                        category = Some(parent);
                        enumeration = true;
                    }
                }
            }
        }

        // "dont trois soldats", "Parmi les morts figurent trois soldats": the security forces
        // among a toll are its forces' part (below), as "trois soldats tués" are.
        if let Some((parent, head)) = category.as_deref().and_then(|c| c.split_once('>')) {
            if lexicon.forces.contains(head) && lexicon.animate.contains(parent) {
                evidence.push(format!("the forces among the {parent}"));
                category = Some(parent.to_string());
            }
        }
        // The part: a place right after the number in a breakdown, or the group of a count
        // of seats or votes.
        let mut part: Option<(String, String)> = None;
        if let Some(cat) = &category {
            let by_group = lexicon.by_group.contains(cat);
            let after_end = after
                .last()
                .map(|&k| context.words[k].span.end)
                .unwrap_or(span.end);
            // A party's count may follow its name across a comma, a parenthesis or a colon
            // ("le Parti libéral du Québec (PLQ), 21"; "Québec solidaire : 11"): for those,
            // the words back to the previous count, within [`GROUP_REACH`] bytes.
            let before_start = if by_group {
                previous_end.max(span.start.saturating_sub(GROUP_REACH))
            } else {
                long_before
                    .first()
                    .map(|&k| context.words[k].span.start)
                    .unwrap_or(span.start)
            };
            let place_end = context
                .after_limit(span, next_start, PLACE_WORDS)
                .last()
                .map(|&k| context.words[k].span.end)
                .unwrap_or(span.end);
            let place = doc.layers.entities.iter().find(|m| {
                m.label == EntityType::LOC
                    && m.span.start >= span.end
                    && m.span.end <= place_end
                    && place_kind.get(m.entity.as_str()) != Some(&PlaceKind::Country)
            });
            if let Some(place) = place {
                // A place in another country than the article's own is never where the
                // article's event is counted ("En Algérie voisine, les intempéries ont fait
                // un mort dans la wilaya de Tizi Ouzou").
                let foreign = country.is_some_and(|c| {
                    place_country
                        .get(place.entity.as_str())
                        .is_some_and(|other| *other != c)
                });
                // A distance is measured from a place: "à 250 km d'Alger" and "à 9 km de
                // Kherrata" are two facts, whatever else the story says.
                let restricted = cat == "distance_km"
                    || has_phrase(&window_words, &["seule".into()])
                    || has_phrase(&window_words, &["seul".into()])
                    || foreign
                    || breakdown(doc, &quantities, index, sentence, &context, cat);
                if restricted {
                    part = Some((entity_key(place), doc.slice(place.span).to_string()));
                }
            }
            // "Le PS obtient 34 sièges et l'UDC 26": a name right before the next count (at
            // most two words between) is that count's group, not this one's.
            let labels_next = |name: Span| {
                let from = context.first_word_from(name.end);
                let numeral_follows = context.words[from..]
                    .iter()
                    .take(3)
                    .take_while(|w| w.span.start < sentence.end)
                    .any(|w| w.folded.chars().all(|c| c.is_ascii_digit()));
                numeral_follows
                    || quantities.get(index + 1).is_some_and(|next| {
                        next.span.start >= name.end
                            && context.words[from..context.first_word_from(next.span.start)].len()
                                <= 2
                    })
            };
            // A name inside the description of who speaks ("La présidente de l'Assemblée
            // nationale Yaël Braun-Pivet a annoncé que 331 députés…") is no count's group.
            let describes_speaker = |m: &recoupe_model::EntityMention| {
                doc.layers.attributions.iter().any(|a| {
                    a.speaker.is_some_and(|s| s.contains(&m.span))
                        && (m.label == EntityType::PER
                            || a.speaker_entity.as_deref() != Some(m.entity.as_str()))
                })
            };
            if by_group && part.is_none() {
                // "à Montréal, où la CAQ n'aura que deux sièges": the count of a place.
                let relative = long_before.iter().find(|&&k| {
                    context.words[k].folded == "ou"
                        && doc.layers.entities.iter().any(|m| {
                            m.label == EntityType::LOC
                                && m.span.end <= context.words[k].span.start
                                && doc.text[m.span.end..context.words[k].span.start]
                                    .trim_matches([' ', ','])
                                    .is_empty()
                        })
                });
                if let Some(&k) = relative {
                    let at = context.words[k].span.start;
                    if let Some(place) = doc
                        .layers
                        .entities
                        .iter()
                        .rfind(|m| m.label == EntityType::LOC && m.span.end <= at)
                    {
                        part = Some((entity_key(place), doc.slice(place.span).to_string()));
                    }
                }
            }
            if by_group && part.is_none() {
                let group = doc
                    .layers
                    .entities
                    .iter()
                    .filter(|m| m.label != EntityType::LOC && !describes_speaker(m))
                    .filter(|m| {
                        (m.span.start >= span.end
                            && m.span.end <= after_end
                            && !labels_next(m.span))
                            || (m.span.start >= before_start && m.span.end <= span.start)
                    })
                    // A party is an organisation: "Coalition avenir Québec (CAQ, François
                    // Legault) : 93 élus" counts the party's seats, not its leader's.
                    .min_by_key(|m| {
                        let distance = if m.span.start >= span.end {
                            m.span.start - span.end
                        } else {
                            span.start - m.span.end
                        };
                        (m.label != EntityType::ORG, distance)
                    });
                // With no name next to it, a count with a noun of its own, first of its
                // sentence, belongs to the sentence's subject (a bare number of a list does
                // not: "devant l'UDC (25) et les Verts (22)").
                let own_noun = unit_head.is_some() && !unit_inferred;
                let group = group.or_else(|| {
                    subject_group(doc, &context, span, sentence)
                        .filter(|_| own_noun && previous_index.is_none())
                });
                if let Some(group) = group.filter(|g| !describes_speaker(g)) {
                    part = Some((entity_key(group), doc.slice(group.span).to_string()));
                }
            }
            if part.is_none() {
                // "Depuis le début de la saison des pluies, les intempéries ont fait 31
                // morts": a `sentence` period cue anywhere before the number in its sentence.
                let whole_before = context.folded(
                    &(context.first_word_from(sentence.start)..context.first_word_from(span.start))
                        .collect::<Vec<_>>(),
                );
                // "34 personnes interpellées depuis lundi": the days of the event itself are
                // no span apart from it.
                // "au moins 32 morts depuis le 8 novembre": a span counted from a given day is
                // the running toll of the event that began that day, not a season's or a
                // year's ("depuis janvier", "depuis le début de l'année").
                let window_end = window
                    .last()
                    .map_or(span.end, |&k| context.words[k].span.end);
                let from_a_day = doc.layers.dates.iter().any(|d| {
                    d.granularity == Granularity::Day
                        && d.span.start >= span.end
                        && d.span.start < window_end
                        && doc.text[span.end..d.span.start].contains("depuis")
                });
                let recent = from_a_day
                    || lexicon
                        .recent
                        .iter()
                        .any(|r| has_phrase(&window_words, &r.phrase));
                let period = lexicon.period.iter().find(|r| match r.place {
                    Where::Sentence => has_phrase(&whole_before, &r.phrase),
                    _ => {
                        has_phrase(&window_words, &r.phrase)
                            && !from_place(doc, &context, &window, &r.phrase)
                    }
                });
                if let Some(rule) = period.filter(|_| !recent) {
                    part = Some(("period".to_string(), rule.phrase.join(" ")));
                }
            }
            if part.is_none() {
                // "La région avait été frappée en octobre 2025 par des crues qui avaient fait
                // trois morts": a count in the pluperfect after a date months before the
                // article is of an earlier event.
                // The auxiliary before the number, or right after its noun ("plus de 200
                // personnes avaient péri").
                let auxiliary_after = &window_words[own.len().min(window_words.len())..];
                let auxiliary_after = &auxiliary_after[..auxiliary_after.len().min(1)];
                // Close to the count (right after its noun, or among the last words before
                // it: "avaient fait des centaines de morts"), the auxiliary is the count's own
                // verb's, so a date after the count dates it too; not farther ("était accusé
                // d'avoir détourné 2 milliards entre 2019 et 2022").
                let close_past = |r: &&Rule| {
                    has_phrase(right_before, &r.phrase)
                        || (!own.is_empty() && has_phrase(auxiliary_after, &r.phrase))
                };
                let close_past = lexicon.past.iter().find(close_past);
                let past_tense = lexicon
                    .past
                    .iter()
                    .find(|r| has_phrase(&before_words, &r.phrase))
                    .or(close_past);
                let days_before = |d: &recoupe_model::DateMention| {
                    d.value
                        .as_deref()
                        .and_then(date_end)
                        .zip(reference)
                        .map(|(end, now)| (now - end).num_days())
                };
                let in_sentence_before = |d: &&recoupe_model::DateMention| {
                    d.span.start >= sentence.start && d.span.end <= span.start
                };
                // The date may follow the count in the pluperfect ("avaient fait des
                // centaines de morts entre décembre 2022 et février 2023").
                let past_date = past_tense.and_then(|_| {
                    doc.layers
                        .dates
                        .iter()
                        .filter(|d| {
                            sentence.contains(&d.span)
                                && (close_past.is_some() || in_sentence_before(d))
                        })
                        .find(|d| days_before(d).is_some_and(|days| days >= PAST_DAYS))
                });
                // "En mars 2024, une attaque similaire a fait 30 morts": in any tense, a count
                // after a date over a year before the article, in a sentence that dates nothing
                // nearer, is of an earlier event ("la plus meurtrière depuis 2019" dates when
                // a state began, not the count).
                let past_date = past_date.or_else(|| {
                    let sentence_dates: Vec<_> = doc
                        .layers
                        .dates
                        .iter()
                        .filter(|d| sentence.contains(&d.span))
                        .collect();
                    let all_old = sentence_dates
                        .iter()
                        .all(|d| days_before(d).is_none_or(|days| days >= PAST_DAYS));
                    if !all_old {
                        return None;
                    }
                    let since = |d: &recoupe_model::DateMention| {
                        let before = context.before(d.span, sentence.start, 2);
                        context
                            .folded(&before)
                            .iter()
                            .any(|w| matches!(*w, "depuis" | "des" | "jusqu" | "avant"))
                    };
                    sentence_dates
                        .iter()
                        .copied()
                        .filter(in_sentence_before)
                        .find(|d| days_before(d).is_some_and(|days| days >= 365) && !since(d))
                });
                if let Some(date) = past_date {
                    let value = date.value.as_deref().unwrap_or_default();
                    part = Some((
                        format!("past:{}", &value[..value.len().min(7)]),
                        doc.slice(date.span).to_string(),
                    ));
                }
            }
            if part.is_none() && lexicon.animate.contains(cat) {
                // "neuf agents blessés" beside "14 manifestants blessés": the security forces'
                // casualties are a part of the toll of their own.
                // "une trentaine d'assaillants tués" beside "neuf soldats tués": the attackers'
                // dead are a part of their own too.
                let noun = bodies_of
                    .as_ref()
                    .map(|(_, noun)| noun.clone())
                    .or_else(|| unit_head.clone());
                if let Some(head) = noun.as_ref() {
                    if lexicon.forces.contains(&singular(head)) {
                        part = Some(("forces".to_string(), head.clone()));
                    } else if lexicon.fighters.contains(&singular(head)) {
                        part = Some(("fighters".to_string(), head.clone()));
                    }
                }
            }
            if let Some((_, name)) = &part {
                evidence.push(format!("part: {name}"));
            }
        }

        let tail = &window_words[..window_words.len().min(own.len() + 4)];
        // The sentence before the number, without the asides in parentheses closed before
        // it: "4 morts (et non pas 5, comme annoncé plus tôt), 12 blessés" revises the 5,
        // not the 12.
        let closed = closed_parentheses(&doc.text[sentence.start..span.start.max(sentence.start)]);
        let sentence_before: Vec<&str> = context.words
            [context.first_word_from(sentence.start)..context.first_word_from(span.start)]
            .iter()
            .filter(|w| {
                let at = w.span.start - sentence.start;
                !closed.iter().any(|(open, close)| *open < at && at < *close)
            })
            .map(|w| w.folded.as_str())
            .collect();
        let earlier_rule = lexicon.earlier.iter().find(|r| match r.place {
            Where::Before | Where::Sentence => has_phrase(&sentence_before, &r.phrase),
            Where::RightBefore => ends_with_phrase(right_before, &r.phrase),
            Where::ClauseBefore => has_phrase(&before_words, &r.phrase),
            Where::After => has_phrase(tail, &r.phrase),
            Where::Head => false,
        });
        if let Some(rule) = earlier_rule {
            evidence.push(format!("earlier: \"{}\"", rule.phrase.join(" ")));
        }
        // "52 interpellations, contre 43 annoncées jeudi": a figure set against the count as
        // one announced before is superseded when the article gives the current one.
        let announced_before = earlier_rule.is_none() && rival && announced;
        if announced_before {
            evidence.push("earlier: set against the count as announced".to_string());
        }
        weak_earlier.push(earlier_rule.is_some_and(|r| r.weak) || announced_before);
        // The cue introduces the first figure after it in its sentence, not the ones after
        // that ("selon un dernier bilan, 3 252 morts, mais des milliers de disparus").
        let first_of_sentence = previous_index.is_none();
        let later_rule = lexicon
            .later
            .iter()
            .filter(|_| first_of_sentence)
            .find(|r| has_phrase(&sentence_before, &r.phrase));
        if let Some(rule) = later_rule {
            evidence.push(format!("newer: \"{}\"", rule.phrase.join(" ")));
        }
        later.push(later_rule.is_some());
        later_own.push(later_rule.is_some_and(|r| r.weak));
        heads.push(unit_head.as_deref().map(singular));
        partitive.push(part_of_next.is_some());
        bare.push(unit_head.is_none() || unit_inferred);

        let holder = doc
            .layers
            .attributions
            .iter()
            .filter(|a| a.content.contains(&span))
            .min_by_key(|a| a.content.len());
        let source = match holder {
            Some(a) => source_of(doc, a, last_source.as_ref()),
            // A number continuing an enumeration whose first count is sourced, with no
            // attribution of its own: the same claimant ("selon le ministère, 290 morts à
            // Al Haouz, 190 à Taroudant").
            None if enumeration => previous.and_then(|p| p.source.clone()),
            None => None,
        };
        if source.is_some() {
            last_source.clone_from(&source);
        }

        figures.push(Figure {
            span,
            value: quantity.value,
            qualifier: quantity.qualifier,
            category,
            part: part.as_ref().map(|p| p.0.clone()),
            part_name: part.map(|p| p.1),
            earlier: earlier_rule.is_some() || announced_before,
            source,
            evidence,
        });
    }
    // A bare number right before another count, joined by a conjunction, shares that count's
    // noun ("ce ne sont pas 203, mais au moins 300 personnes", "de 70 à 115 morts").
    for i in (0..figures.len().saturating_sub(1)).rev() {
        if figures[i].category.is_some() || !bare[i] {
            continue;
        }
        let next = &figures[i + 1];
        let Some(category) = next.category.clone() else {
            continue;
        };
        if sentence_of(doc, figures[i].span) != sentence_of(doc, next.span) {
            continue;
        }
        let between: Vec<&str> = context.words[context.first_word_from(figures[i].span.end)
            ..context.first_word_from(next.span.start)]
            .iter()
            .map(|w| w.folded.as_str())
            .collect();
        let joined = between.len() <= ELLIPSIS_WORDS
            && between.iter().any(|w| lexicon.ellipsis.contains(*w))
            && between
                .iter()
                .all(|w| lexicon.ellipsis.contains(*w) || matches!(*w, "pas" | "non" | "ne" | "n"));
        if joined {
            let (part, part_name) = (next.part.clone(), next.part_name.clone());
            let figure = &mut figures[i];
            figure.evidence.push(format!(
                "counts {category}: shares the noun of the count after it"
            ));
            figure.category = Some(category);
            figure.part = part;
            figure.part_name = part_name;
        }
    }
    // "Deux des rescapés", "quatre de leurs véhicules": a number with no noun of its own
    // before a group it is taken from counts a part of that group, never the group itself
    // (whatever its clause says, two of the survivors are no rival count of survivors).
    for (i, figure) in figures.iter_mut().enumerate() {
        if partitive[i] || !bare[i] || !takes_from_group(&doc.text[figure.span.end..]) {
            continue;
        }
        if let Some(category) = figure.category.clone().filter(|c| !c.contains('>')) {
            figure
                .evidence
                .push(format!("a part of a group: {category}>part"));
            figure.category = Some(format!("{category}>part"));
        }
    }
    // A part whose clause names no count of its own is a part of what the whole counts:
    // "Quatre des six morts sont membres d'une même famille" counts `killed>part`, apart from
    // the six dead.
    for i in 0..figures.len().saturating_sub(1) {
        if !partitive[i] || figures[i].category.is_some() {
            continue;
        }
        if let Some(whole) = figures[i + 1].category.clone() {
            let figure = &mut figures[i];
            figure
                .evidence
                .push(format!("a part of the count of {whole} after it"));
            figure.category = Some(format!("{whole}>part"));
        }
    }
    // A figure given as newer ("ont annoncé un peu plus tard 39 morts") supersedes the other
    // values of the same thing given just before it (in its sentence or the one before; the
    // lead's summary further up is the article's own current reading).
    let sentences: Vec<Span> = figures.iter().map(|f| sentence_of(doc, f.span)).collect();
    for j in 0..figures.len() {
        if !later[j] || figures[j].earlier || figures[j].category.is_none() {
            continue;
        }
        let reach = doc
            .layers
            .sentences
            .iter()
            .rfind(|s| s.span.end <= sentences[j].start)
            .map(|s| s.span.start)
            .unwrap_or(sentences[j].start);
        for i in 0..j {
            let (a, b) = (&figures[i], &figures[j]);
            if a.earlier
                || sentences[i].start < reach
                || a.category != b.category
                || a.part != b.part
                || a.span.end > b.span.start
                || a.interval() == b.interval()
                || (later_own[j] && other_claimant(a, b))
            {
                continue;
            }
            let shown = doc.slice(b.span).to_string();
            let figure = &mut figures[i];
            figure.earlier = true;
            figure
                .evidence
                .push(format!("earlier: superseded by the newer \"{shown}\""));
        }
    }
    // A weak cue ("selon un premier bilan") marks a figure as superseded only when the
    // article gives a current figure of the same thing with another value.
    let current: Vec<bool> = figures
        .iter()
        .zip(&weak_earlier)
        .map(|(f, weak)| !f.earlier && !weak)
        .collect();
    let revised: Vec<bool> = (0..figures.len())
        .map(|i| {
            weak_earlier[i]
                && figures[i].earlier
                && figures.iter().enumerate().any(|(j, other)| {
                    j != i
                        && current[j]
                        && other.category.is_some()
                        && other.category == figures[i].category
                        && other.interval() != figures[i].interval()
                })
        })
        .collect();
    for i in 0..figures.len() {
        if !weak_earlier[i] || !figures[i].earlier || revised[i] {
            continue;
        }
        // "Kamychine avait plus tôt évoqué 30 morts et plus de 100 blessés": one cue for
        // the sentence; when one of its figures was revised, so is the other.
        let sentence = sentence_of(doc, figures[i].span);
        let shared =
            (0..figures.len()).any(|j| j != i && revised[j] && sentence.contains(&figures[j].span));
        if !shared {
            figures[i].earlier = false;
            figures[i]
                .evidence
                .push("not earlier: the article gives no other figure of it".to_string());
        }
    }
    figures
}

/// Most words after "depuis" in which a place makes it a starting point in space.
const FROM_PLACE_WORDS: usize = 3;

/// Whether a period cue found among `window`'s words is followed closely by a place: "ont
/// défilé depuis le carrefour X", "acheminés depuis Goma" tell where from, not since when.
fn from_place(doc: &Document, context: &Context, window: &[usize], phrase: &[String]) -> bool {
    let n = phrase.len();
    let Some(at) = (0..window.len().saturating_sub(n - 1)).find(|&k| {
        window[k..k + n]
            .iter()
            .zip(phrase)
            .all(|(&w, p)| context.words[w].folded == *p)
    }) else {
        return false;
    };
    let cue_end = context.words[window[at + n - 1]].span.end;
    let last = (at + n - 1 + FROM_PLACE_WORDS).min(window.len() - 1);
    let reach = context.words[window[last]].span.end;
    doc.layers
        .entities
        .iter()
        .any(|m| m.label == EntityType::LOC && m.span.start >= cue_end && m.span.start < reach)
}

/// Whether two figures are not given by one claimant (both unsourced count as one: the
/// article's own voice). A claimant's figure cued
/// as its own new reading ("la police fait désormais état de 52 interpellations") revises its
/// own earlier ones, never another claimant's count of the same thing ("le syndicat affirme
/// que 70 personnes ont été arrêtées"), which stays a rival figure; "un peu plus tard" says
/// the newer figure came after whoever gave the one before.
fn other_claimant(a: &Figure, b: &Figure) -> bool {
    a.source.as_ref().map(|s| &s.key) != b.source.as_ref().map(|s| &s.key)
}

/// The group a count of seats or votes with no party named next to it belongs to: the
/// subject of its sentence. "Avec ses 89 députés, la CAQ récolte…": the party after the
/// phrase the count opens the sentence with; "La CAQ … décroche un mandat, comptant près
/// d'une centaine de députés": a party opening the sentence; "Il obtient 48 sièges": for a
/// pronoun, the last party named before the sentence.
fn subject_group<'d>(
    doc: &'d Document,
    context: &Context,
    span: Span,
    sentence: Span,
) -> Option<&'d recoupe_model::EntityMention> {
    let first = context.first_word_from(sentence.start);
    let opening: Vec<&str> = context.words[first..context.first_word_from(span.start)]
        .iter()
        .map(|w| w.folded.as_str())
        .collect();
    // Not a name in parentheses: a dateline's agency ("Lausanne (ATR) - Le PLR…") or an
    // abbreviation repeating the name before it.
    let groups = || {
        doc.layers.entities.iter().filter(|m| {
            m.label == EntityType::ORG
                && !(doc.text[..m.span.start].trim_end().ends_with('(')
                    && doc.text[m.span.end..].trim_start().starts_with(')'))
        })
    };
    // The phrase may follow a dateline ("Lausanne - Avec 48 élus, le PLR…").
    let with_at = opening.iter().rposition(|w| *w == "avec");
    let fronted = with_at.is_some_and(|k| {
        opening[k + 1..]
            .iter()
            .all(|w| matches!(*w, "ses" | "son" | "sa" | "leur" | "leurs"))
            && (k == 0
                || doc.text
                    [context.words[first + k - 1].span.end..context.words[first + k].span.start]
                    .contains(['-', '–', '—', ':']))
    });
    if fronted {
        let comma = doc.text[span.end..sentence.end].find(',')? + span.end;
        let from = context.first_word_from(comma);
        let subject_end = context.words[from..(from + 3).min(context.words.len())]
            .last()?
            .span
            .end;
        return groups().find(|m| m.span.start > comma && m.span.end <= subject_end);
    }
    match opening.first() {
        Some(&"il") | Some(&"elle") => {
            // The subject of the sentence before: its first party.
            let before = doc
                .layers
                .sentences
                .iter()
                .rfind(|s| s.span.end <= sentence.start)?
                .span;
            groups().find(|m| before.contains(&m.span))
        }
        _ => {
            let third = context
                .words
                .get(first + 2)
                .map_or(sentence.end, |w| w.span.end);
            groups()
                .find(|m| m.span.start >= sentence.start && m.span.start < third.min(span.start))
        }
    }
}

/// Most items of a list between an item and its heading.
const LIST_ITEMS: usize = 20;

/// For a sentence that is an item of a list (it opens with a bullet), the heading the list
/// hangs from: the sentence ending with a colon before its items.
fn list_heading(doc: &Document, sentence: Span) -> Option<Span> {
    let bullet = |s: Span| {
        doc.text[s.start..s.end]
            .trim_start()
            .starts_with(['•', '-', '–', '—', '*', '·', '▪'])
    };
    if !bullet(sentence) {
        return None;
    }
    let at = doc
        .layers
        .sentences
        .iter()
        .position(|s| s.span == sentence)?;
    doc.layers.sentences[..at]
        .iter()
        .rev()
        .take(LIST_ITEMS)
        .map(|s| s.span)
        .find(|s| !bullet(*s))
        .filter(|s| doc.text[s.start..s.end].trim_end().ends_with(':'))
}

/// The last day a date value (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `start/end`) covers.
fn date_end(value: &str) -> Option<NaiveDate> {
    let end = value.rsplit('/').next()?;
    let mut parts = end.split('-').map(str::parse::<u32>);
    let year = i32::try_from(parts.next()?.ok()?).ok()?;
    match (parts.next(), parts.next()) {
        (Some(Ok(month)), Some(Ok(day))) => NaiveDate::from_ymd_opt(year, month, day),
        (Some(Ok(month)), None) => {
            NaiveDate::from_ymd_opt(year + i32::from(month == 12), month % 12 + 1, 1)
                .and_then(|d| d.pred_opt())
        }
        (None, _) => NaiveDate::from_ymd_opt(year, 12, 31),
        _ => None,
    }
}

/// The country most of an article's place mentions are in (none on a tie).
fn main_country<'d>(doc: &'d Document, place_country: &HashMap<&str, &'d str>) -> Option<&'d str> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for mention in &doc.layers.entities {
        if let Some(c) = place_country.get(mention.entity.as_str()) {
            *counts.entry(c).or_default() += 1;
        }
    }
    let best = counts.values().copied().max()?;
    let mut top = counts.into_iter().filter(|(_, n)| *n == best);
    let first = top.next().map(|(c, _)| c);
    if top.next().is_some() {
        None
    } else {
        first
    }
}

/// Byte ranges `(open, close)` of the parenthesised asides of `text` that are closed in it.
fn closed_parentheses(text: &str) -> Vec<(usize, usize)> {
    let mut open: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for (at, c) in text.char_indices() {
        match c {
            '(' => open.push(at),
            ')' => {
                if let Some(start) = open.pop() {
                    out.push((start, at));
                }
            }
            _ => {}
        }
    }
    out
}

/// The claimant of an attribution: its speaker entity; for a speaker the entities stage did
/// not key, an entity named inside the description ("un bilan du ministère de l'Intérieur"),
/// a capitalised institution's own words, or, for "la même source" / "le ministère" right
/// after a figure sourced to it, that earlier claimant. A description naming no one ("une
/// source sécuritaire", "un colonel") is no source.
fn source_of(
    doc: &Document,
    attribution: &recoupe_model::Attribution,
    last: Option<&Source>,
) -> Option<Source> {
    if let Some((entity, (key, name))) = attribution
        .speaker_entity
        .as_deref()
        .and_then(|e| cross_key(doc, e).map(|k| (e, k)))
    {
        // An outlet only ever named as reaching or being told ("joint par X", "a indiqué à
        // l'agence Y un secouriste") relays the figure: the claimant is someone else.
        if !attribution.speaker_unnamed && !only_relayed(doc, entity) {
            return Some(Source {
                key,
                entity: entity.to_string(),
                name,
                span: attribution.speaker,
            });
        }
    }
    let speaker = attribution.speaker?;
    if let Some(mention) = doc.layers.entities.iter().rfind(|m| {
        m.span.overlaps(&speaker)
            && m.label != EntityType::LOC
            && !only_relayed(doc, &m.entity)
            && !attribution.via.contains(&m.entity)
    }) {
        return Some(Source {
            key: entity_key(mention),
            entity: mention.entity.clone(),
            name: doc.slice(mention.span).to_string(),
            span: Some(mention.span),
        });
    }
    // "le texte de l'accord consulté par l'agence X", "l'agence Y un secouriste local": a
    // description around an outlet that only relays names no claimant the layer could key.
    let relayed = doc
        .layers
        .entities
        .iter()
        .any(|m| m.span.overlaps(&speaker) && only_relayed(doc, &m.entity));
    if relayed {
        return None;
    }
    let name = doc.slice(speaker).to_string();
    let folded: Vec<String> = words(&name)
        .into_iter()
        .map(|w| w.folded)
        .filter(|w| {
            !matches!(
                w.as_str(),
                "le" | "la" | "les" | "l" | "un" | "une" | "d" | "de" | "du"
            )
        })
        .collect();
    if folded.is_empty() || is_pronoun(&folded) {
        return None;
    }
    // "Selon le communiqué", "d'après le rapport": the document of the claimant named
    // before.
    let document = folded.len() == 1
        && words(&name)
            .first()
            .is_some_and(|w| matches!(w.folded.as_str(), "le" | "la" | "l" | "ce" | "cette"))
        && matches!(
            folded[0].as_str(),
            "communique" | "rapport" | "texte" | "document" | "bilan" | "declaration"
        );
    let same = folded.first().is_some_and(|w| w == "meme")
        || document
        || last.is_some_and(|l| {
            let last_words: Vec<String> = words(&l.name).into_iter().map(|w| w.folded).collect();
            folded.len() == 1 && last_words.contains(&folded[0])
        });
    if same {
        return last.cloned();
    }
    // A capital names an institution ("le Bureau des Nations unies"), not the place of a
    // description ("les autorités de Kyiv").
    // Nor does the outlet a statement passed through ("un journaliste de l'AFP": the reporter
    // is unnamed, the agency only relays).
    let in_place = |at: Span| {
        doc.layers.entities.iter().any(|m| {
            (m.label == EntityType::LOC || attribution.via.contains(&m.entity))
                && m.span.start <= speaker.start + at.start
                && speaker.start + at.end <= m.span.end
        })
    };
    let capitalised = words(&name).iter().skip(1).any(|w| {
        w.span
            .slice(&name)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase)
            && !in_place(w.span)
    });
    if attribution.speaker_unnamed && !capitalised && !place_body(doc, speaker, &name) {
        return None;
    }
    Some(Source {
        key: format!("speaker:{}", folded.join(" ")),
        entity: String::new(),
        name,
        span: Some(speaker),
    })
}

/// Whether a speaker description is one public body named by its place: a definite
/// determiner, a noun of `place_bodies.txt`, then "de"/"d'"/"du" and a place mention running to
/// the end ("la préfecture d'Ille-et-Vilaine"). A place has one such body, so the description
/// names a claimant other articles can name the same way.
fn place_body(doc: &Document, speaker: Span, name: &str) -> bool {
    static BODIES: OnceLock<HashSet<String>> = OnceLock::new();
    let bodies = BODIES.get_or_init(|| {
        PLACE_BODIES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(fold)
            .collect()
    });
    let trimmed = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    let Some(rest) = ["le ", "la ", "l'", "l’", "Le ", "La ", "L'", "L’"]
        .iter()
        .find_map(|d| trimmed.strip_prefix(d))
    else {
        return false;
    };
    let Some((head, complement)) = rest.split_once(' ') else {
        return false;
    };
    if !bodies.contains(&fold(head)) {
        return false;
    }
    let Some(place) = ["de ", "du ", "d'", "d’", "des "]
        .iter()
        .find_map(|p| complement.strip_prefix(p))
    else {
        return false;
    };
    let place_start = speaker.start + (trimmed.len() - place.len());
    let place_end = speaker.start + trimmed.len();
    doc.layers.entities.iter().any(|m| {
        m.label == EntityType::LOC && m.span.start <= place_start && place_end <= m.span.end
    })
}

/// A speaker that is only a pronoun ("il", "elle") names no one the layer could key.
fn is_pronoun(words: &[String]) -> bool {
    words.len() == 1
        && matches!(
            words[0].as_str(),
            "il" | "elle" | "ils" | "elles" | "on" | "nous" | "je" | "lui" | "celui" | "ce"
        )
}

/// Whether the sentence breaks a count down: another count of the same category is followed
/// by a place too ("290 morts à Al Haouz, 190 à Taroudant").
fn breakdown(
    doc: &Document,
    quantities: &[&recoupe_model::Quantity],
    index: usize,
    sentence: Span,
    context: &Context,
    _category: &str,
) -> bool {
    quantities.iter().enumerate().any(|(other, q)| {
        if other == index || !sentence.contains(&q.span) {
            return false;
        }
        let next = quantities
            .get(other + 1)
            .map(|n| n.span.start)
            .unwrap_or(usize::MAX)
            .min(sentence.end);
        let after = context.after_limit(q.span, next, PLACE_WORDS);
        let end = after
            .last()
            .map(|&k| context.words[k].span.end)
            .unwrap_or(q.span.end);
        doc.layers
            .entities
            .iter()
            .any(|m| m.label == EntityType::LOC && m.span.start >= q.span.end && m.span.end <= end)
    })
}

/// A part that is a span of time ("depuis janvier") or an earlier event, not a place.
fn time_part(part: &str) -> bool {
    part == "period" || part.starts_with("past:")
}

/// One report of a fact: a figure of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub doc: DocId,
    /// Index of the figure in the article's [`DocFeatures::figures`].
    pub figure: usize,
    pub span: Span,
    pub value: QuantityValue,
    pub qualifier: Qualifier,
    pub earlier: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

/// Two reports of one fact, in different articles, neither earlier, whose values cannot
/// both hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    /// Indices into [`Fact::reports`].
    pub a: usize,
    pub b: usize,
}

/// One value of a fact and how many independent sources support it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Support {
    pub value: QuantityValue,
    pub qualifier: Qualifier,
    /// Indices into [`Fact::reports`] (earlier figures excluded).
    pub reports: Vec<usize>,
    /// Distinct original claimants, and for unsourced reports distinct groups of articles
    /// that copy one another: copies and relays of one claim count once.
    pub independent_sources: usize,
    /// What was counted as one source each.
    pub sources: Vec<String>,
    pub outlets: Vec<String>,
}

/// A real-world figure reported by one or more articles of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// `category` or `category@part`.
    pub key: String,
    pub category: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_name: Option<String>,
    pub reports: Vec<Report>,
    pub disagreements: Vec<Disagreement>,
    pub support: Vec<Support>,
}

impl Fact {
    /// Number of distinct articles reporting it.
    pub fn articles(&self) -> usize {
        self.reports
            .iter()
            .map(|r| &r.doc)
            .collect::<BTreeSet<_>>()
            .len()
    }
}

/// Parts of figures that are one place or group under two keys: the entities stage may
/// link "Chichaoua" to the town in one article and to the province in another, or leave
/// "Agadir Ida-Outanane" unlinked where another article's "Agadir" is linked. Two parts are
/// one when the words of one name are all words of the other. Part key → the smallest key
/// of its group.
fn part_groups(docs: &[&DocFeatures]) -> BTreeMap<String, String> {
    let mut names: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for doc in docs {
        for figure in &doc.figures {
            if let (Some(part), Some(name)) = (&figure.part, &figure.part_name) {
                let name_words: BTreeSet<String> = words(name)
                    .into_iter()
                    .map(|w| w.folded)
                    .filter(|w| w.chars().count() > 2)
                    .collect();
                if !name_words.is_empty() {
                    names.entry(part.as_str()).or_insert(name_words);
                }
            }
        }
    }
    let keys: Vec<&str> = names.keys().copied().collect();
    let mut root: Vec<usize> = (0..keys.len()).collect();
    fn find(root: &mut [usize], mut i: usize) -> usize {
        while root[i] != i {
            root[i] = root[root[i]];
            i = root[i];
        }
        i
    }
    for i in 0..keys.len() {
        for j in i + 1..keys.len() {
            let (a, b) = (&names[keys[i]], &names[keys[j]]);
            if a.is_subset(b) || b.is_subset(a) {
                let (x, y) = (find(&mut root, i), find(&mut root, j));
                root[x.max(y)] = x.min(y);
            }
        }
    }
    (0..keys.len())
        .map(|i| (keys[i].to_string(), keys[find(&mut root, i)].to_string()))
        .collect()
}

/// The facts of a story from its articles' figures. `copy_group` maps an article to a
/// representative of the articles it shares copied text with (itself when none). The result
/// depends only on the set of articles: they are taken in id order.
pub fn link_facts(docs: &[&DocFeatures], copy_group: &BTreeMap<DocId, DocId>) -> Vec<Fact> {
    let mut docs: Vec<&DocFeatures> = docs.to_vec();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    let same_part = part_groups(&docs);
    let part_of = |figure: &Figure| -> Option<String> {
        figure
            .part
            .as_ref()
            .map(|p| same_part.get(p).cloned().unwrap_or_else(|| p.clone()))
    };
    // A place is a part only against a whole it is part of: when the story names one place
    // for a category and no article gives both that place's count and a count with no place,
    // "10 100 disparus dans la seule ville de Derna" is the story's count of the missing.
    let mut places: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut whole_and_part: BTreeSet<&str> = BTreeSet::new();
    for doc in &docs {
        let mut seen: BTreeMap<&str, (bool, bool)> = BTreeMap::new();
        for figure in &doc.figures {
            let Some(category) = figure.category.as_deref() else {
                continue;
            };
            let entry = seen.entry(category).or_default();
            match part_of(figure) {
                Some(part) if !time_part(&part) && !lexicon().by_group.contains(category) => {
                    places.entry(category).or_default().insert(part);
                    entry.1 = true;
                }
                Some(_) => {}
                // A superseded figure sets no whole apart from the place's count.
                None if figure.earlier => {}
                None => entry.0 = true,
            }
        }
        whole_and_part.extend(
            seen.into_iter()
                .filter(|(_, (w, p))| *w && *p)
                .map(|(c, _)| c),
        );
    }
    let lone_place = |category: &str| {
        places.get(category).is_some_and(|p| p.len() == 1) && !whole_and_part.contains(category)
    };
    // A count over a span of time is the story's own count when its article also gives the
    // same number with no span: an epidemic's headline "27 morts" and its lede's "au moins 27
    // morts depuis la mi-novembre" are one figure, while "plus de 4 000 déplacés depuis
    // janvier" beside another article's 1 800 of the day stays a count of its own.
    let period_is_whole: BTreeSet<(&DocId, usize)> = docs
        .iter()
        .flat_map(|doc| {
            let current = || doc.figures.iter().enumerate().filter(|(_, f)| !f.earlier);
            current()
                .filter(|(_, f)| f.part.as_deref() == Some("period"))
                .filter(move |(_, period)| {
                    current().any(|(_, whole)| {
                        whole.part.is_none()
                            && whole.category.is_some()
                            && whole.category == period.category
                            && whole.value == period.value
                    })
                })
                .map(move |(index, _)| (&doc.id, index))
        })
        .collect();
    // Outlets write "arrêtées" or "placées en garde à vue" for the same people; the subset is
    // a fact of its own only when an article tells the two counts apart by giving both.
    let told_apart = |narrow: &str, broad: &str| {
        docs.iter().any(|doc| {
            let current = |c: &str| {
                doc.figures
                    .iter()
                    .any(|f| !f.earlier && f.category.as_deref() == Some(c))
            };
            current(narrow) && current(broad)
        })
    };
    let folded: BTreeMap<&str, &str> = lexicon()
        .narrower
        .iter()
        .filter(|(narrow, broad)| !told_apart(narrow, broad))
        .map(|(narrow, broad)| (narrow.as_str(), broad.as_str()))
        .collect();
    // Per figure with a category: its key, its category and whether the key has a part.
    let mut keyed: Vec<(usize, usize, String, String, bool)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (index, figure) in doc.figures.iter().enumerate() {
            let Some(category) = &figure.category else {
                continue;
            };
            let category: &str = folded.get(category.as_str()).copied().unwrap_or(category);
            let key = match part_of(figure) {
                Some(part) if part == "period" && period_is_whole.contains(&(&doc.id, index)) => {
                    category.to_string()
                }
                Some(part) if time_part(&part) || !lone_place(category) => {
                    format!("{category}@{part}")
                }
                _ => category.to_string(),
            };
            let has_part = key.contains('@');
            keyed.push((d, index, key, category.to_string(), has_part));
        }
    }
    // "300 personnes" read by its noun alone (its clause says nothing the rules read) is the
    // count another article of the story gives the same value with what it counts ("300
    // personnes ont été évacuées"): it joins that fact when one fact only has the value.
    let plain = |category: &str| {
        category
            .strip_prefix("unit:")
            .is_some_and(|noun| lexicon().plain_people.contains(noun))
    };
    // What happened to people, or a count of a noun of people ("800 places" is no count of
    // the 800 people another article names).
    let of_people = |category: &str| {
        category.strip_prefix("unit:").is_none_or(|noun| {
            let noun = noun.split(['@', '>']).next().unwrap_or(noun);
            let lexicon = lexicon();
            lexicon.generic.contains(noun)
                || lexicon.person.contains(noun)
                || lexicon.forces.contains(noun)
                || lexicon.fighters.contains(noun)
        })
    };
    let joined: Vec<Option<usize>> = keyed
        .iter()
        .map(|(d, index, _, category, _)| {
            let figure = &docs[*d].figures[*index];
            if !plain(category) || figure.earlier {
                return None;
            }
            let mut targets = keyed.iter().enumerate().filter(|(_, (e, j, _, c, _))| {
                let other = &docs[*e].figures[*j];
                e != d && !plain(c) && of_people(c) && !other.earlier && other.value == figure.value
            });
            let (first, (_, _, key, _, _)) = targets.next()?;
            targets
                .all(|(_, (_, _, k, _, _))| k == key)
                .then_some(first)
        })
        .collect();
    let mut by_key: BTreeMap<String, Fact> = BTreeMap::new();
    for (n, (d, index, _, _, _)) in keyed.iter().enumerate() {
        let doc = docs[*d];
        let figure = &doc.figures[*index];
        // A joined plain count takes the key of the figure it joins, and so its category.
        let (kd, ki, key, category, has_part) = &keyed[joined[n].unwrap_or(n)];
        let owner = &docs[*kd].figures[*ki];
        let fact = by_key.entry(key.clone()).or_insert_with(|| Fact {
            key: key.clone(),
            category: category.clone(),
            part: owner.part.clone().filter(|_| *has_part),
            part_name: owner.part_name.clone().filter(|_| *has_part),
            reports: Vec::new(),
            disagreements: Vec::new(),
            support: Vec::new(),
        });
        fact.reports.push(Report {
            doc: doc.id.clone(),
            figure: *index,
            span: figure.span,
            value: figure.value,
            qualifier: figure.qualifier,
            earlier: figure.earlier,
            source: figure.source.clone(),
            outlet: doc.outlet.clone(),
        });
    }
    let mut facts: Vec<Fact> = by_key.into_values().collect();
    for fact in &mut facts {
        let reports = &fact.reports;
        for a in 0..reports.len() {
            for b in a + 1..reports.len() {
                let (x, y) = (&reports[a], &reports[b]);
                if x.doc != y.doc
                    && !x.earlier
                    && !y.earlier
                    && disjoint(
                        interval(&x.value, x.qualifier),
                        interval(&y.value, y.qualifier),
                    )
                {
                    fact.disagreements.push(Disagreement { a, b });
                }
            }
        }
        let mut values: BTreeMap<String, Support> = BTreeMap::new();
        for (index, report) in reports.iter().enumerate().filter(|(_, r)| !r.earlier) {
            let shown = format!("{:?} {:?}", report.value, report.qualifier);
            let support = values.entry(shown).or_insert_with(|| Support {
                value: report.value,
                qualifier: report.qualifier,
                reports: Vec::new(),
                independent_sources: 0,
                sources: Vec::new(),
                outlets: Vec::new(),
            });
            support.reports.push(index);
            let source = match &report.source {
                Some(s) => format!("claimant {}", s.key),
                None => {
                    let group = copy_group.get(&report.doc).unwrap_or(&report.doc);
                    format!("article group {group}")
                }
            };
            if !support.sources.contains(&source) {
                support.sources.push(source);
            }
            if let Some(outlet) = &report.outlet {
                if !support.outlets.contains(outlet) {
                    support.outlets.push(outlet.clone());
                }
            }
        }
        fact.support = values
            .into_values()
            .map(|mut s| {
                s.sources.sort();
                s.outlets.sort();
                s.independent_sources = s.sources.len();
                s
            })
            .collect();
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_with(id: &str, figures: &[(usize, f64, &str, &str)]) -> DocFeatures {
        let figures: Vec<Figure> = figures
            .iter()
            .map(|&(at, value, part, name)| Figure {
                span: Span::new(at, at + 2),
                value: QuantityValue::Single(value),
                qualifier: Qualifier::Exact,
                category: Some("killed".to_string()),
                part: Some(part.to_string()),
                part_name: Some(name.to_string()),
                earlier: false,
                source: None,
                evidence: Vec::new(),
            })
            .collect();
        DocFeatures {
            id: DocId(id.to_string()),
            label: None,
            outlet: None,
            published: None,
            words: 0,
            terms: BTreeMap::new(),
            entities: Vec::new(),
            dates: Vec::new(),
            anchor: None,
            anchor_given: false,
            fingerprints: Vec::new(),
            figures,
            statements: Vec::new(),
            main_place: None,
        }
    }

    fn with_whole(mut doc: DocFeatures, value: f64) -> DocFeatures {
        let mut whole = doc_with("whole", &[(90, value, "", "")]).figures.remove(0);
        whole.part = None;
        whole.part_name = None;
        doc.figures.push(whole);
        doc
    }

    fn with_category(mut doc: DocFeatures, category: &str) -> DocFeatures {
        for figure in &mut doc.figures {
            figure.category = Some(category.to_string());
            figure.part = None;
            figure.part_name = None;
        }
        doc
    }

    #[test]
    fn a_count_of_people_read_by_its_noun_joins_the_fact_another_article_names() {
        // "420 personnes" with no verb the rules read, against "420 personnes évacuées"
        // elsewhere: one fact, the evacuated; "610 personnes" in a third article is then a
        // count of the noun only, of its own.
        let a = with_category(doc_with("a", &[(0, 420.0, "", "")]), "unit:personne");
        let b = with_category(doc_with("b", &[(0, 420.0, "", "")]), "evacuated");
        let c = with_category(doc_with("c", &[(0, 610.0, "", "")]), "unit:personne");
        let facts = link_facts(&[&a, &b, &c], &BTreeMap::new());
        let evacuated = facts.iter().find(|f| f.key == "evacuated").unwrap();
        assert_eq!(evacuated.category, "evacuated");
        assert_eq!(evacuated.articles(), 2);
        let plain = facts.iter().find(|f| f.key == "unit:personne").unwrap();
        assert_eq!(plain.articles(), 1);
        // Two facts of people with the value leave it unjoined.
        let d = with_category(doc_with("d", &[(0, 420.0, "", "")]), "arrested");
        let facts = link_facts(&[&a, &b, &d], &BTreeMap::new());
        assert!(facts.iter().any(|f| f.key == "unit:personne"));
    }

    #[test]
    fn a_lone_place_is_the_whole_unless_an_article_sets_the_two_apart() {
        // "4 000 morts dans la seule ville de Derna" against "3 800 morts" elsewhere: the
        // story names no other place and no article gives both, so they are one count.
        let a = doc_with("a", &[(0, 4000.0, "geo:derna", "Derna")]);
        let b = with_whole(doc_with("b", &[]), 3800.0);
        let facts = link_facts(&[&a, &b], &BTreeMap::new());
        assert_eq!(facts.len(), 1);
        assert_eq!(facts[0].part, None);
        assert_eq!(facts[0].disagreements.len(), 1);
        // An article giving the city's count next to the whole keeps the city apart.
        let c = with_whole(doc_with("c", &[(0, 3000.0, "geo:derna", "Derna")]), 3900.0);
        let facts = link_facts(&[&a, &b, &c], &BTreeMap::new());
        assert_eq!(facts.len(), 2);
    }

    fn counting(mut doc: DocFeatures, categories: &[&str]) -> DocFeatures {
        for (figure, category) in doc.figures.iter_mut().zip(categories) {
            figure.category = Some(category.to_string());
            figure.part = None;
            figure.part_name = None;
        }
        doc
    }

    #[test]
    fn custody_is_the_arrest_count_unless_an_article_gives_both() {
        // One outlet says 14 were arrested, another that 19 were held in custody: the same
        // people, counted apart only where an article tells the two figures apart.
        let a = counting(doc_with("a", &[(0, 14.0, "", "")]), &["arrested"]);
        let b = counting(doc_with("b", &[(0, 19.0, "", "")]), &["custody"]);
        let facts = link_facts(&[&a, &b], &BTreeMap::new());
        assert_eq!(facts.len(), 1);
        assert_eq!(facts[0].category, "arrested");
        assert_eq!(facts[0].disagreements.len(), 1);
        let c = counting(
            doc_with("c", &[(0, 20.0, "", ""), (9, 12.0, "", "")]),
            &["arrested", "custody"],
        );
        let facts = link_facts(&[&a, &b, &c], &BTreeMap::new());
        assert_eq!(facts.len(), 2);
    }

    #[test]
    fn issue12_a_superseded_whole_does_not_set_the_place_apart() {
        // An article giving the city's count and, as an earlier figure, a count with no
        // place: the city's count is still the story's count.
        let a = doc_with("a", &[(0, 4000.0, "geo:derna", "Derna")]);
        let b = with_whole(doc_with("b", &[]), 3800.0);
        let mut c = with_whole(doc_with("c", &[(0, 4100.0, "geo:derna", "Derna")]), 3000.0);
        c.figures[1].earlier = true;
        let facts = link_facts(&[&a, &b, &c], &BTreeMap::new());
        assert_eq!(facts.len(), 1);
        assert_eq!(facts[0].articles(), 3);
        // Current, the same whole sets the place apart.
        c.figures[1].earlier = false;
        assert_eq!(link_facts(&[&a, &b, &c], &BTreeMap::new()).len(), 2);
    }

    #[test]
    fn a_count_since_a_date_is_the_story_count_when_its_article_repeats_it_without_one() {
        // A headline's "27 morts" and the lede's "27 morts depuis la mi-novembre" are one
        // figure of the epidemic, which a later article puts at 31.
        let a = with_whole(doc_with("a", &[(0, 27.0, "period", "depuis")]), 27.0);
        let b = with_whole(doc_with("b", &[]), 31.0);
        let facts = link_facts(&[&a, &b], &BTreeMap::new());
        assert_eq!(facts.len(), 1, "{facts:?}");
        assert_eq!(facts[0].reports.len(), 3);
        assert_eq!(facts[0].disagreements.len(), 2);
        // A count since January alone in its article stays apart from the day's count.
        let c = doc_with("c", &[(0, 4000.0, "period", "depuis janvier")]);
        let facts = link_facts(&[&b, &c], &BTreeMap::new());
        assert_eq!(facts.len(), 2, "{facts:?}");
        assert!(facts.iter().all(|f| f.disagreements.is_empty()));
    }

    #[test]
    fn a_place_under_two_keys_is_one_part_when_one_name_holds_the_other() {
        let a = doc_with(
            "a",
            &[
                (0, 5.0, "geo:town-of-Tafraout", "Tafraout"),
                (10, 3.0, "name:LOC:sidi ifni province", "Sidi Ifni-Province"),
                (20, 2.0, "geo:north-kivu", "Nord-Kivu"),
            ],
        );
        let b = doc_with(
            "b",
            &[
                (0, 6.0, "geo:province-of-Tafraout", "Tafraout"),
                (10, 3.0, "geo:sidi-ifni", "Sidi Ifni"),
                (20, 4.0, "geo:south-kivu", "Sud-Kivu"),
            ],
        );
        let facts = link_facts(&[&a, &b], &BTreeMap::new());
        let articles: Vec<(String, usize)> = facts
            .iter()
            .map(|f| (f.part_name.clone().unwrap_or_default(), f.articles()))
            .collect();
        // Tafraout and Sidi Ifni are each one fact of both articles; the two Kivus stay two.
        assert_eq!(facts.len(), 4, "{articles:?}");
        assert_eq!(facts.iter().filter(|f| f.articles() == 2).count(), 2);
        let tafraout = facts
            .iter()
            .find(|f| {
                f.reports
                    .iter()
                    .any(|r| r.value == QuantityValue::Single(6.0))
            })
            .expect("a fact with the 6");
        assert_eq!(tafraout.reports.len(), 2);
        assert_eq!(tafraout.disagreements.len(), 1);
    }
}
