//! Language knowledge loaded from `resources/fr/{dates,numbers,units}.txt`.
//!
//! The files are embedded with `include_str!` so the binary works anywhere. Every key is
//! folded (lowercase, accents removed, typographic apostrophe → `'`) on both sides, so the
//! text "Août" matches the entry "août" and the unaccented "aout".

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const DATES_TXT: &str = include_str!("../../../resources/fr/dates.txt");
const NUMBERS_TXT: &str = include_str!("../../../resources/fr/numbers.txt");
const UNITS_TXT: &str = include_str!("../../../resources/fr/units.txt");
/// Nationality adjectives in every gender and number (first column), shared with the entity
/// stage: after a counted noun they are its adjectives ("sept soldats kényans").
const DEMONYMS_TSV: &str = include_str!("../../../resources/fr/demonyms.tsv");

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}:{line}: entry `{entry}` appears before any [section] header")]
    NoSection {
        file: &'static str,
        line: usize,
        entry: String,
    },
    #[error("{file}:{line}: entry `{entry}` has no valid value ({reason})")]
    BadValue {
        file: &'static str,
        line: usize,
        entry: String,
        reason: String,
    },
    #[error("{file}: section [{section}] is missing or empty")]
    MissingSection {
        file: &'static str,
        section: &'static str,
    },
}

/// Qualifier phrases as parsed from numbers.txt; mirrors `recoupe_model::Qualifier`.
pub use recoupe_model::Qualifier;

/// One parsed resource file: section name → (folded phrase → raw value fields).
type Sections = HashMap<String, Vec<(String, Vec<String>)>>;

/// All the French vocabulary the two stages need.
#[derive(Debug)]
pub struct Lexicon {
    pub months: HashMap<String, u32>,
    pub weekdays: HashMap<String, u32>,
    pub relative_days: HashMap<String, i64>,
    pub day_parts: HashSet<String>,
    pub directions: HashMap<String, i32>,
    /// Season → the month it starts in (`[season]`).
    pub seasons: HashMap<String, u32>,
    /// Holiday of fixed date → (day, month) (`[holiday]`).
    pub holidays: HashMap<String, (u32, u32)>,
    pub period_parts: HashSet<String>,
    pub ago_units: HashMap<String, u32>,
    pub year_cues: HashSet<String>,
    pub number_words: HashSet<String>,
    pub scales: HashMap<String, f64>,
    /// Scale letters before a currency symbol ("G$").
    pub currency_scales: HashMap<String, f64>,
    pub approx_nouns: HashMap<String, f64>,
    pub range_nouns: HashMap<String, [f64; 2]>,
    /// Qualifier phrases as folded word sequences (an elided "d'" is its own word).
    pub qualifiers: Vec<(Vec<String>, Qualifier)>,
    /// Verbs right before a number that qualify it while staying out of the span ("le
    /// bilan dépasse 80 morts"), numbers.txt `[verb_qualifier]`.
    pub verb_qualifiers: HashMap<String, Qualifier>,
    /// Adverbs between such a verb and its number (`[verb_qualifier_adverb]`).
    pub verb_qualifier_adverbs: HashSet<String>,
    /// First words of the qualifier phrases.
    pub qualifier_starts: HashSet<String>,
    pub casualty: HashSet<String>,
    pub not_unit: HashSet<String>,
    pub function: HashSet<String>,
    pub pre_adjectives: HashSet<String>,
    pub unit_adjectives: HashSet<String>,
    /// Multi-word units as folded word sequences.
    pub compounds: Vec<Vec<String>>,
    pub both_determiners: HashSet<String>,
    /// Nouns of the two sides of a relation ("les deux pays", "des deux camps"): after a
    /// determiner, "deux" before them means both, not a count (units.txt `[both_noun]`).
    pub both_nouns: HashSet<String>,
    pub persons: HashSet<String>,
    pub abbreviations: HashSet<String>,
    pub exact_nouns: HashMap<String, f64>,
    pub one_range_nouns: HashMap<String, [f64; 2]>,
    pub post_adjectives: HashSet<String>,
    /// Nationality adjectives, folded (demonyms.tsv).
    pub demonyms: HashSet<String>,
    /// Post-noun adverbs as folded word sequences, longest first.
    pub post_adverbs: Vec<Vec<String>>,
    /// Post-noun fixed phrases as folded word sequences, longest first.
    pub post_phrases: Vec<Vec<String>>,
    pub casualty_adverbs: HashSet<String>,
    /// Participles of counting and reporting ("annoncés", "confirmés"): never the noun of
    /// the number right before them.
    pub reporting_participles: HashSet<String>,
    pub member_nouns: HashSet<String>,
    pub currencies: HashSet<String>,
    pub bare_next: HashSet<String>,
    pub bare_not_after: HashSet<String>,
    pub toll_nouns: HashSet<String>,
    pub measure_complements: HashSet<String>,
    /// Every word a date rule may start with: the calendar vocabulary, number words and the
    /// rules' own first words (`dates::STARTERS`).
    pub date_starters: HashSet<String>,
    pub complement_adjectives: HashSet<String>,
    pub complement_units: HashSet<String>,
    /// Beginnings of words whose "à"/"de" + infinitive complement looks ahead (dates.txt
    /// `[prospective_governor]`).
    pub prospective_governors: Vec<String>,
    /// Beginnings of participles of a decision or an announcement (dates.txt
    /// `[decision_verb]`).
    pub decision_verbs: Vec<String>,
    /// Beginnings of words whose "à" + noun complement names an event to come (dates.txt
    /// `[prospective_noun_governor]`).
    pub prospective_noun_governors: Vec<String>,
    /// Nouns whose plural has no "s" ("sans-abri", "pick-up"), units.txt `[invariable_noun]`.
    pub invariable_nouns: HashSet<String>,
    /// The votes of a ballot ("3'204 oui contre 2'611 non"), units.txt `[vote_noun]`.
    pub vote_nouns: HashSet<String>,
    /// What a sum of money is ("d'amende", "de dommages et intérêts"), units.txt
    /// `[money_complement]`, as folded word sequences, longest first.
    pub money_complements: Vec<Vec<String>>,
    /// Words that make a sentence tell a habit ("chaque année", "généralement"), dates.txt
    /// `[habitual]`, as folded word sequences.
    pub habitual: Vec<Vec<String>>,
}

/// Folds a word for matching: lowercase, common Latin accents removed, `’` → `'`.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        // no accent nor typographic mark: lowering is all (as the loop below does)
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let c = match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'Î' | 'Ï' => 'i',
            'ô' | 'ö' | 'Ô' | 'Ö' => 'o',
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ÿ' => 'y',
            '’' | 'ʼ' | '‘' => '\'',
            '\u{2011}' | '\u{2010}' => '-',
            c => c,
        };
        for lower in c.to_lowercase() {
            out.push(lower);
        }
    }
    out
}

/// Splits a folded phrase into the words the tokenizer would produce: an elision ("d'",
/// "jusqu'") stays one word with its apostrophe.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in phrase.split_whitespace() {
        let folded = fold(part);
        match folded.find('\'') {
            Some(pos) if pos + 1 < folded.len() && folded != "aujourd'hui" => {
                words.push(folded[..=pos].to_string());
                words.push(folded[pos + 1..].to_string());
            }
            _ => words.push(folded),
        }
    }
    words
}

fn parse_sections(file: &'static str, text: &str) -> Result<Sections, LexiconError> {
    let mut sections: Sections = HashMap::default();
    let mut current: Option<String> = None;
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(name.to_string());
            sections.entry(name.to_string()).or_default();
            continue;
        }
        let Some(section) = &current else {
            return Err(LexiconError::NoSection {
                file,
                line: index + 1,
                entry: line.to_string(),
            });
        };
        // The phrase is every field up to the first one that parses as a value; sections
        // without values keep the whole line.
        let fields: Vec<&str> = line.split_whitespace().collect();
        let first_value = fields
            .iter()
            .position(|f| f.parse::<f64>().is_ok() || is_qualifier_name(f))
            .unwrap_or(fields.len());
        let phrase = fields[..first_value].join(" ");
        let values = fields[first_value..]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sections
            .entry(section.clone())
            .or_default()
            .push((fold(&phrase), values));
    }
    Ok(sections)
}

fn is_qualifier_name(field: &str) -> bool {
    matches!(
        field,
        "more_than" | "less_than" | "about" | "exact" | "range"
    )
}

fn section<'s>(
    sections: &'s Sections,
    file: &'static str,
    name: &'static str,
) -> Result<&'s Vec<(String, Vec<String>)>, LexiconError> {
    match sections.get(name) {
        Some(entries) if !entries.is_empty() => Ok(entries),
        _ => Err(LexiconError::MissingSection {
            file,
            section: name,
        }),
    }
}

fn numbers<T: std::str::FromStr>(
    sections: &Sections,
    file: &'static str,
    name: &'static str,
) -> Result<HashMap<String, T>, LexiconError> {
    let mut map = HashMap::default();
    for (line, (phrase, values)) in section(sections, file, name)?.iter().enumerate() {
        let parsed = values.first().and_then(|v| v.parse::<T>().ok());
        match parsed {
            Some(value) => {
                map.insert(phrase.clone(), value);
            }
            None => {
                return Err(LexiconError::BadValue {
                    file,
                    line,
                    entry: phrase.clone(),
                    reason: format!("section [{name}] wants one number, got {values:?}"),
                })
            }
        }
    }
    Ok(map)
}

/// A section of "word day month" lines ("noël 25 12").
fn day_months(
    sections: &Sections,
    file: &'static str,
    name: &'static str,
) -> Result<HashMap<String, (u32, u32)>, LexiconError> {
    let mut map = HashMap::default();
    for (line, (phrase, values)) in section(sections, file, name)?.iter().enumerate() {
        let parsed = match values[..] {
            [ref day, ref month] => day.parse::<u32>().ok().zip(month.parse::<u32>().ok()),
            _ => None,
        }
        .filter(|&(day, month)| chrono::NaiveDate::from_ymd_opt(2000, month, day).is_some());
        let Some(value) = parsed else {
            return Err(LexiconError::BadValue {
                file,
                line,
                entry: phrase.clone(),
                reason: format!("section [{name}] wants a day and a month, got {values:?}"),
            });
        };
        map.insert(phrase.clone(), value);
    }
    Ok(map)
}

fn words(
    sections: &Sections,
    file: &'static str,
    name: &'static str,
) -> Result<HashSet<String>, LexiconError> {
    Ok(section(sections, file, name)?
        .iter()
        .map(|(phrase, _)| phrase.clone())
        .collect())
}

impl Lexicon {
    /// Parses the three resource texts.
    pub fn parse(dates: &str, numbers_txt: &str, units: &str) -> Result<Lexicon, LexiconError> {
        const D: &str = "dates.txt";
        const N: &str = "numbers.txt";
        const U: &str = "units.txt";
        let d = parse_sections(D, dates)?;
        let n = parse_sections(N, numbers_txt)?;
        let u = parse_sections(U, units)?;

        let ranges = |name: &'static str| -> Result<HashMap<String, [f64; 2]>, LexiconError> {
            let mut map = HashMap::default();
            for (line, (phrase, values)) in section(&n, N, name)?.iter().enumerate() {
                let low = values.first().and_then(|v| v.parse::<f64>().ok());
                let high = values.get(1).and_then(|v| v.parse::<f64>().ok());
                let (Some(low), Some(high)) = (low, high) else {
                    return Err(LexiconError::BadValue {
                        file: N,
                        line,
                        entry: phrase.clone(),
                        reason: format!("[{name}] wants two numbers, got {values:?}"),
                    });
                };
                map.insert(phrase.clone(), [low, high]);
            }
            Ok(map)
        };
        let range_nouns = ranges("range_noun")?;
        let one_range_nouns = ranges("one_range_noun")?;
        let phrases = |name: &'static str| -> Result<Vec<Vec<String>>, LexiconError> {
            let mut list: Vec<Vec<String>> = section(&u, U, name)?
                .iter()
                .map(|(phrase, _)| phrase_words(phrase))
                .collect();
            list.sort_by_key(|words| std::cmp::Reverse(words.len()));
            Ok(list)
        };
        let qualifiers_of =
            |name: &'static str| -> Result<Vec<(Vec<String>, Qualifier)>, LexiconError> {
                let mut qualifiers = Vec::new();
                for (line, (phrase, values)) in section(&n, N, name)?.iter().enumerate() {
                    let qualifier = match values.first().map(String::as_str) {
                        Some("more_than") => Qualifier::MoreThan,
                        Some("less_than") => Qualifier::LessThan,
                        Some("about") => Qualifier::About,
                        _ => {
                            return Err(LexiconError::BadValue {
                                file: N,
                                line,
                                entry: phrase.clone(),
                                reason: format!(
                                    "[{name}] wants more_than|less_than|about, got {values:?}"
                                ),
                            })
                        }
                    };
                    qualifiers.push((phrase_words(phrase), qualifier));
                }
                // Longest phrases first so "pas moins de" wins over "moins de".
                qualifiers.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
                Ok(qualifiers)
            };
        let qualifiers = qualifiers_of("qualifier")?;
        let verb_qualifiers = qualifiers_of("verb_qualifier")?
            .into_iter()
            .map(|(mut words, qualifier)| (words.swap_remove(0), qualifier))
            .collect();
        let compounds = phrases("compound")?;

        let months = numbers::<u32>(&d, D, "month")?;
        let weekdays = numbers::<u32>(&d, D, "weekday")?;
        let relative_days = numbers::<i64>(&d, D, "relative_day")?;
        let seasons = numbers::<u32>(&d, D, "season")?;
        let holidays = day_months(&d, D, "holiday")?;
        let period_parts = words(&d, D, "period_part")?;
        let number_words = words(&n, N, "number_word")?;
        let date_starters = crate::dates::STARTERS
            .iter()
            .map(|w| w.to_string())
            .chain(months.keys().cloned())
            .chain(weekdays.keys().cloned())
            .chain(relative_days.keys().cloned())
            .chain(seasons.keys().cloned())
            .chain(holidays.keys().cloned())
            .chain(period_parts.iter().cloned())
            .chain(number_words.iter().cloned())
            .collect();
        Ok(Lexicon {
            months,
            weekdays,
            relative_days,
            day_parts: words(&d, D, "day_part")?,
            directions: numbers(&d, D, "direction")?,
            seasons,
            holidays,
            period_parts,
            ago_units: numbers(&d, D, "ago_unit")?,
            year_cues: words(&d, D, "year_cue")?,
            number_words,
            scales: numbers(&n, N, "scale")?,
            currency_scales: numbers(&n, N, "currency_scale")?,
            approx_nouns: numbers(&n, N, "approx_noun")?,
            range_nouns,
            qualifier_starts: qualifiers
                .iter()
                .map(|(words, _)| words[0].clone())
                .collect(),
            qualifiers,
            verb_qualifiers,
            verb_qualifier_adverbs: words(&n, N, "verb_qualifier_adverb")?,
            casualty: words(&u, U, "casualty")?,
            not_unit: words(&u, U, "not_unit")?,
            function: words(&u, U, "function")?,
            pre_adjectives: words(&u, U, "pre_adjective")?,
            unit_adjectives: words(&u, U, "unit_adjective")?,
            compounds,
            both_determiners: words(&u, U, "both_determiner")?,
            both_nouns: words(&u, U, "both_noun")?,
            persons: words(&u, U, "person")?,
            abbreviations: words(&u, U, "abbreviation")?,
            exact_nouns: numbers(&n, N, "exact_noun")?,
            one_range_nouns,
            post_adjectives: words(&u, U, "post_adjective")?,
            demonyms: DEMONYMS_TSV
                .lines()
                .filter(|line| !line.starts_with('#'))
                .filter_map(|line| line.split('\t').next())
                .filter(|form| !form.is_empty())
                .map(fold)
                .collect(),
            post_adverbs: phrases("post_adverb")?,
            post_phrases: phrases("post_phrase")?,
            casualty_adverbs: words(&u, U, "casualty_adverb")?,
            reporting_participles: words(&u, U, "reporting_participle")?,
            member_nouns: words(&u, U, "member_noun")?,
            currencies: words(&u, U, "currency")?,
            bare_next: words(&u, U, "bare_next")?,
            bare_not_after: words(&u, U, "bare_not_after")?,
            toll_nouns: words(&u, U, "toll_noun")?,
            measure_complements: words(&u, U, "measure_complement")?,
            date_starters,
            complement_adjectives: words(&u, U, "complement_adjective")?,
            complement_units: words(&u, U, "complement_unit")?,
            invariable_nouns: words(&u, U, "invariable_noun")?,
            vote_nouns: words(&u, U, "vote_noun")?,
            money_complements: phrases("money_complement")?,
            habitual: section(&d, D, "habitual")?
                .iter()
                .map(|(phrase, _)| phrase_words(phrase))
                .collect(),
            prospective_governors: section(&d, D, "prospective_governor")?
                .iter()
                .map(|(phrase, _)| phrase.clone())
                .collect(),
            decision_verbs: section(&d, D, "decision_verb")?
                .iter()
                .map(|(phrase, _)| phrase.clone())
                .collect(),
            prospective_noun_governors: section(&d, D, "prospective_noun_governor")?
                .iter()
                .map(|(phrase, _)| phrase.clone())
                .collect(),
        })
    }

    /// The embedded lexicon. The files are part of this repository and checked by a unit
    /// test, so failing to parse them is a build defect, not an input error.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            Lexicon::parse(DATES_TXT, NUMBERS_TXT, UNITS_TXT)
                .unwrap_or_else(|error| panic!("embedded resources/fr lexicon is invalid: {error}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses_every_section() {
        let lexicon = Lexicon::parse(DATES_TXT, NUMBERS_TXT, UNITS_TXT).expect("lexicon parses");
        assert_eq!(lexicon.months.get("aout"), Some(&8));
        assert_eq!(lexicon.weekdays.len(), 7);
        assert_eq!(lexicon.relative_days.get("aujourd'hui"), Some(&0));
        assert_eq!(lexicon.range_nouns.get("centaines"), Some(&[200.0, 900.0]));
        assert!(lexicon
            .qualifiers
            .iter()
            .any(|(w, q)| w == &["pres", "d'"] && *q == Qualifier::About));
    }

    #[test]
    fn ascii_words_fold_as_every_other_word() {
        // the ASCII shortcut lowers each character as the general loop does
        let all: String = (0u8..128).map(char::from).collect();
        let folded = fold(&all);
        for c in all.chars() {
            // an accented letter beside it sends the word through the general loop
            let general = fold(&format!("{c}é"));
            assert_eq!(
                folded.chars().nth(c as usize),
                general.chars().next(),
                "{c:?}"
            );
        }
        assert_eq!(fold("Deux-Sèvres"), "deux-sevres");
        assert_eq!(fold("ONU"), "onu");
    }

    #[test]
    fn entry_without_section_is_an_error_naming_it() {
        let error = Lexicon::parse("janvier 1\n", NUMBERS_TXT, UNITS_TXT).unwrap_err();
        assert!(error.to_string().contains("janvier 1"), "{error}");
    }
}
