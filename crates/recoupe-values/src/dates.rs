//! The date stage: every date expression of a French news text, placed on the calendar.
//!
//! Two passes. The first recognises expressions on the token stream and records what each
//! one says (an explicit date, a weekday, "hier", "la semaine dernière", …). The second
//! places them: against `doc.meta.published` when known; otherwise against a publication
//! date inferred from the text's own anchored dates (see [`infer_publication`]), which is
//! then written back to `doc.meta.published` with `DateSource::Inferred` so that every
//! consumer sees where the anchor came from. With no anchor at all, relative expressions get
//! `value: None`.

use chrono::{Datelike, NaiveDate};
use recoupe_model::{
    DateMention, DateSource, Document, Granularity, Layer, Provenance, Published, Span, Stage,
    StageError,
};

use crate::calendar;
use crate::lexicon::Lexicon;
use crate::spelled::spelled_number;
use crate::tokens::{tokenize, Kind, Token};

pub(crate) const STAGE: &str = "values.dates";

/// What a recognised expression says, before it is placed on the calendar.
#[derive(Debug, Clone, PartialEq)]
pub enum DateExpr {
    /// A full date written with its year ("18 janvier 2019", "18/01/2019").
    Full(NaiveDate),
    /// Weekday, day and month without year ("ce vendredi 18 janvier").
    WeekdayDayMonth {
        weekday: u32,
        day: u32,
        month: u32,
    },
    /// Day and month without year ("24 mars", "3 octobre dernier").
    DayMonth {
        day: u32,
        month: u32,
        direction: i32,
    },
    /// Two days ("du 3 au 5 mars"); year optional.
    DayInterval {
        from: (u32, u32),
        to: (u32, u32),
        year: Option<i32>,
    },
    MonthYear {
        month: u32,
        year: i32,
    },
    /// A month without year ("en mars", "fin février", "mars dernier").
    Month {
        month: u32,
        direction: i32,
    },
    Year(i32),
    YearInterval(i32, i32),
    /// A bare weekday ("mardi", "ce mercredi", "lundi dernier"); direction 0, -1 or +1.
    Weekday {
        weekday: u32,
        direction: i32,
    },
    /// "dans la nuit de vendredi à samedi".
    Night {
        from: u32,
        to: u32,
    },
    /// Day offset from publication ("hier" -1, "aujourd'hui" 0).
    RelativeDay(i64),
    /// Week offset ("cette semaine" 0, "la semaine dernière" -1).
    RelativeWeek(i64),
    /// Week-end: 0 = "ce week-end", -1 = last, +1 = next.
    Weekend(i64),
    RelativeMonth(i64),
    RelativeYear(i64),
    /// "il y a N …" in days, months or years.
    AgoDays(i64),
    AgoMonths(i64),
    AgoYears(i64),
    /// "les six premiers mois de cette année": months 1..=n of a year (offset from
    /// publication, or explicit).
    FirstMonths {
        count: u32,
        year: YearRef,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YearRef {
    Explicit(i32),
    Relative(i64),
}

/// One recognised expression with its span and the rule that found it.
#[derive(Debug, Clone, PartialEq)]
pub struct DateCandidate {
    pub span: Span,
    pub expr: DateExpr,
    pub rule: &'static str,
}

/// Recognises and places date expressions (provides [`Layer::Dates`]).
///
/// Requires no layer: it scans `doc.text` with its own tokenizer.
#[derive(Debug, Default, Clone, Copy)]
pub struct DateStage;

impl Stage for DateStage {
    fn name(&self) -> &'static str {
        "dates"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Dates]
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let lexicon = Lexicon::builtin();
        let tokens = tokenize(&doc.text);
        let candidates = recognise(&tokens, lexicon);
        let today = doc.meta.ingested_at.date_naive();
        let published = match doc.meta.published {
            Some(published) => Some(published.date),
            None => {
                let inferred = infer_publication(&tokens, &candidates, today);
                if let Some((date, span)) = inferred {
                    doc.meta.published = Some(Published {
                        date,
                        source: DateSource::Inferred,
                        inferred_from: Some(span),
                    });
                }
                inferred.map(|(date, _)| date)
            }
        };
        let context = Context {
            published,
            latest_year: latest_year(&tokens, today),
            today,
        };
        doc.layers.dates = candidates
            .into_iter()
            .map(|candidate| {
                let placed = place(&candidate.expr, &context);
                DateMention {
                    span: candidate.span,
                    value: placed.value,
                    granularity: placed.granularity,
                    relative: placed.relative,
                    provenance: Provenance::new(STAGE, candidate.rule),
                }
            })
            .collect();
        doc.mark_produced(Layer::Dates);
        Ok(())
    }
}

/// What the placement step knows.
struct Context {
    published: Option<NaiveDate>,
    /// Latest year written in the text (up to `today`'s year).
    latest_year: Option<i32>,
    /// Ingestion date: publication cannot be later.
    today: NaiveDate,
}

struct Placed {
    value: Option<String>,
    granularity: Granularity,
    relative: bool,
}

fn year_value(key: &str) -> Option<i32> {
    if key.len() == 4 && key.bytes().all(|b| b.is_ascii_digit()) {
        let year: i32 = key.parse().ok()?;
        (1800..=2100).contains(&year).then_some(year)
    } else {
        None
    }
}

fn latest_year(tokens: &[Token], today: NaiveDate) -> Option<i32> {
    tokens
        .iter()
        .filter(|t| t.kind == Kind::Number)
        .filter_map(|t| year_value(&t.key))
        .filter(|&y| y <= today.year())
        .max()
}

/// Year for "weekday day month" with no publication date: the first year on or after the
/// latest year the text mentions in which that day falls on that weekday (a report is written
/// after the events it recalls), else the most recent such year not after `today`.
fn year_for_weekday_date(
    weekday: u32,
    day: u32,
    month: u32,
    latest_year: Option<i32>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let matches = |year: i32| {
        NaiveDate::from_ymd_opt(year, month, day)
            .filter(|date| calendar::weekday_number(*date) == weekday && *date <= today)
    };
    if let Some(from) = latest_year {
        if let Some(date) = (from..=today.year()).find_map(matches) {
            return Some(date);
        }
    }
    (today.year() - 40..=today.year()).rev().find_map(matches)
}

/// How far ahead of the publication a bare month may lie ("mi-mars" written in February);
/// further ahead the month is read as last year's, news reporting mostly on what happened
/// ("en janvier" written in November).
const NEAR_FUTURE_MONTHS: u32 = 1;

/// Year for "weekday day month" given the publication date: the matching date nearest it.
fn nearest_weekday_date(
    weekday: u32,
    day: u32,
    month: u32,
    anchor: NaiveDate,
) -> Option<NaiveDate> {
    (anchor.year() - 11..=anchor.year() + 11)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .filter(|date| calendar::weekday_number(*date) == weekday)
        .min_by_key(|date| (*date - anchor).num_days().abs())
}

/// Publication date from the text alone: the latest anchored date, where an anchor is a
/// weekday with day and month (reporting language: "ce mercredi 20 février"), or a full
/// date whose year is the latest year of the text (older full dates are history, e.g.
/// "le 5 octobre 1962" in a 2022 article). Never after `today`.
pub fn infer_publication(
    tokens: &[Token],
    candidates: &[DateCandidate],
    today: NaiveDate,
) -> Option<(NaiveDate, Span)> {
    let latest = latest_year(tokens, today);
    candidates
        .iter()
        .filter_map(|candidate| {
            let date = match &candidate.expr {
                DateExpr::Full(date) if Some(date.year()) == latest => Some(*date),
                DateExpr::WeekdayDayMonth {
                    weekday,
                    day,
                    month,
                } => year_for_weekday_date(*weekday, *day, *month, latest, today),
                _ => None,
            }?;
            Some((date, candidate.span))
        })
        .filter(|(date, _)| *date <= today)
        .max_by_key(|(date, span)| (*date, std::cmp::Reverse(span.start)))
}

fn place(expr: &DateExpr, context: &Context) -> Placed {
    use Granularity::*;
    let absolute = |value: String, granularity| Placed {
        value: Some(value),
        granularity,
        relative: false,
    };
    let relative = |value: Option<String>, granularity| Placed {
        value,
        granularity,
        relative: true,
    };
    let anchor = context.published;
    match expr {
        DateExpr::Full(date) => absolute(calendar::day(*date), Day),
        DateExpr::MonthYear { month, year } => absolute(calendar::month(*year, *month), Month),
        DateExpr::Year(year) => absolute(calendar::year(*year), Year),
        DateExpr::YearInterval(from, to) => absolute(
            format!("{}/{}", calendar::year(*from), calendar::year(*to)),
            Interval,
        ),
        DateExpr::DayInterval { from, to, year } => {
            let written = year.is_some();
            let year = year.or_else(|| {
                anchor.and_then(|a| nearest_day_month(to.0, to.1, 0, a).map(|d| d.year()))
            });
            let value = year.and_then(|year| {
                let start = NaiveDate::from_ymd_opt(year, from.1, from.0)?;
                let end = NaiveDate::from_ymd_opt(year, to.1, to.0)?;
                Some(format!("{}/{}", calendar::day(start), calendar::day(end)))
            });
            Placed {
                value,
                granularity: Interval,
                relative: !written,
            }
        }
        DateExpr::WeekdayDayMonth {
            weekday,
            day,
            month,
        } => {
            let date = match anchor {
                Some(anchor) => nearest_weekday_date(*weekday, *day, *month, anchor),
                None => year_for_weekday_date(
                    *weekday,
                    *day,
                    *month,
                    context.latest_year,
                    context.today,
                ),
            };
            relative(date.map(calendar::day), Day)
        }
        DateExpr::DayMonth {
            day,
            month,
            direction,
        } => relative(
            anchor
                .and_then(|a| nearest_day_month(*day, *month, *direction, a))
                .map(calendar::day),
            Day,
        ),
        DateExpr::Month { month, direction } => relative(
            anchor.map(|a| {
                let year = match direction {
                    1 if *month > a.month() => a.year(),
                    1 => a.year() + 1,
                    -1 if *month < a.month() => a.year(),
                    -1 => a.year() - 1,
                    // A bare month is the nearest one, the past on a tie: "mi-mars" written in
                    // February is next month, "en décembre" written in January last month.
                    _ if *month <= a.month() => {
                        let back = a.month() - *month;
                        if back > 6 && 12 - back < back {
                            a.year() + 1
                        } else {
                            a.year()
                        }
                    }
                    _ => {
                        let ahead = *month - a.month();
                        if ahead < 12 - ahead && ahead <= NEAR_FUTURE_MONTHS {
                            a.year()
                        } else {
                            a.year() - 1
                        }
                    }
                };
                calendar::month(year, *month)
            }),
            Month,
        ),
        DateExpr::Weekday { weekday, direction } => relative(
            anchor
                .and_then(|a| match *direction {
                    1 => calendar::weekday_after(a, *weekday),
                    FUTURE if calendar::weekday_number(a) == *weekday => Some(a),
                    FUTURE => calendar::weekday_after(a, *weekday),
                    -1 => calendar::weekday_on_or_before(a, *weekday, true),
                    _ => calendar::weekday_on_or_before(a, *weekday, false),
                })
                .map(calendar::day),
            Day,
        ),
        DateExpr::Night { from, to } => relative(
            anchor.and_then(|a| {
                let end = calendar::weekday_on_or_before(a, *to, false)?;
                let start = calendar::weekday_on_or_before(end, *from, true)?;
                Some(format!("{}/{}", calendar::day(start), calendar::day(end)))
            }),
            Interval,
        ),
        DateExpr::RelativeDay(offset) => relative(
            anchor
                .and_then(|a| calendar::add_days(a, *offset))
                .map(calendar::day),
            Day,
        ),
        DateExpr::AgoDays(days) => relative(
            anchor
                .and_then(|a| calendar::add_days(a, -days))
                .map(calendar::day),
            Day,
        ),
        DateExpr::RelativeWeek(offset) => relative(
            anchor.and_then(|a| {
                let start = calendar::add_days(calendar::week_start(a)?, offset * 7)?;
                let end = calendar::add_days(start, 6)?;
                Some(format!("{}/{}", calendar::day(start), calendar::day(end)))
            }),
            Week,
        ),
        DateExpr::Weekend(offset) => relative(
            anchor.and_then(|a| {
                // "ce week-end" on Monday or Tuesday is the one just past; from Wednesday on,
                // the coming one; on the week-end itself, that week-end.
                let weekday = calendar::weekday_number(a);
                let saturday = match (offset, weekday) {
                    (0, 6) => a,
                    (0, 7) => calendar::add_days(a, -1)?,
                    (0, 1..=2) => calendar::weekday_on_or_before(a, 6, true)?,
                    (0, _) => calendar::weekday_after(a, 6)?,
                    (o, _) if *o < 0 => calendar::weekday_on_or_before(a, 6, true)?,
                    _ => calendar::weekday_after(a, 6)?,
                };
                let sunday = calendar::add_days(saturday, 1)?;
                Some(format!(
                    "{}/{}",
                    calendar::day(saturday),
                    calendar::day(sunday)
                ))
            }),
            Interval,
        ),
        DateExpr::RelativeMonth(offset) => relative(
            anchor
                .and_then(|a| calendar::add_months(a, *offset))
                .map(|d| calendar::month(d.year(), d.month())),
            Month,
        ),
        DateExpr::AgoMonths(months) => relative(
            anchor
                .and_then(|a| calendar::add_months(a, -months))
                .map(|d| calendar::month(d.year(), d.month())),
            Month,
        ),
        DateExpr::RelativeYear(offset) => relative(
            anchor.map(|a| calendar::year(a.year() + *offset as i32)),
            Year,
        ),
        DateExpr::AgoYears(years) => relative(
            anchor.map(|a| calendar::year(a.year() - *years as i32)),
            Year,
        ),
        DateExpr::FirstMonths { count, year } => {
            let resolved = match year {
                YearRef::Explicit(y) => Some(*y),
                YearRef::Relative(offset) => anchor.map(|a| a.year() + *offset as i32),
            };
            let value = resolved
                .map(|y| format!("{}/{}", calendar::month(y, 1), calendar::month(y, *count)));
            Placed {
                value,
                granularity: Interval,
                relative: matches!(year, YearRef::Relative(_)),
            }
        }
    }
}

/// Day and month without year: the year placing it nearest the anchor, or strictly before
/// ("dernier") or after ("prochain") it.
fn nearest_day_month(day: u32, month: u32, direction: i32, anchor: NaiveDate) -> Option<NaiveDate> {
    let candidates = (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day));
    match direction {
        -1 => candidates.filter(|d| *d < anchor).max(),
        1 => candidates.filter(|d| *d > anchor).min(),
        _ => candidates.min_by_key(|d| (*d - anchor).num_days().abs()),
    }
}

// ---------------------------------------------------------------- recognition

/// Token accessors for the matchers.
struct Cursor<'a> {
    tokens: &'a [Token<'a>],
    lexicon: &'a Lexicon,
}

impl<'a> Cursor<'a> {
    fn key(&self, index: usize) -> &'a str {
        self.tokens.get(index).map(|t| t.key.as_ref()).unwrap_or("")
    }
    fn is(&self, index: usize, words: &[&str]) -> bool {
        words.contains(&self.key(index))
    }
    fn kind(&self, index: usize) -> Option<Kind> {
        self.tokens.get(index).map(|t| t.kind)
    }
    fn month(&self, index: usize) -> Option<u32> {
        self.lexicon.months.get(self.key(index)).copied()
    }
    fn weekday(&self, index: usize) -> Option<u32> {
        self.lexicon.weekdays.get(self.key(index)).copied()
    }
    fn direction(&self, index: usize) -> Option<i32> {
        self.lexicon.directions.get(self.key(index)).copied()
    }
    fn year(&self, index: usize) -> Option<i32> {
        if self.kind(index) == Some(Kind::Number) {
            year_value(self.key(index))
        } else {
            None
        }
    }
    /// A day of the month: "1".."31", "1er", "premier".
    fn day(&self, index: usize) -> Option<u32> {
        let key = self.key(index);
        let number = match self.kind(index)? {
            Kind::Number if key.len() <= 2 => key.parse::<u32>().ok()?,
            Kind::Alnum if key == "1er" => 1,
            Kind::Word if key == "premier" => 1,
            _ => return None,
        };
        (1..=31).contains(&number).then_some(number)
    }
    /// A small count in digits or words, for "il y a trois jours", "les six premiers mois".
    fn small_number(&self, index: usize) -> Option<(u32, usize)> {
        if self.kind(index) == Some(Kind::Number) {
            let n = self.key(index).parse::<u32>().ok()?;
            return Some((n, index + 1));
        }
        let (value, end) = spelled_number(self.tokens, index, self.lexicon)?;
        (1.0..=1000.0)
            .contains(&value)
            .then_some((value as u32, end))
    }
    fn span(&self, from: usize, to_exclusive: usize) -> Span {
        Span::new(self.tokens[from].start, self.tokens[to_exclusive - 1].end)
    }
}

/// Recognises date expressions, left to right, longest rule first at each position.
pub fn recognise(tokens: &[Token], lexicon: &Lexicon) -> Vec<DateCandidate> {
    let cursor = Cursor { tokens, lexicon };
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match match_at(&cursor, i) {
            Some((end, expr, rule)) => {
                found.push(DateCandidate {
                    span: cursor.span(i, end),
                    expr,
                    rule,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    // Spans never include a leading "en", "le", "au", "depuis": no rule starts on them.
    found
}

type Match = (usize, DateExpr, &'static str);

fn match_at(c: &Cursor, i: usize) -> Option<Match> {
    match_interval(c, i)
        .or_else(|| match_night(c, i))
        .or_else(|| match_weekday(c, i))
        .or_else(|| match_earlier(c, i))
        .or_else(|| match_period_part(c, i))
        .or_else(|| match_first_months(c, i))
        .or_else(|| match_day_month(c, i))
        .or_else(|| match_numeric(c, i))
        .or_else(|| match_month(c, i))
        .or_else(|| match_season(c, i))
        .or_else(|| match_relative(c, i))
        .or_else(|| match_year(c, i))
}

/// "de 2014 à 2017", "entre 2015 et 2018", "du 3 au 5 mars [2019]", "du 28 février au 2 mars".
fn match_interval(c: &Cursor, i: usize) -> Option<Match> {
    if c.is(i, &["de", "entre"]) {
        let joiner: &[&str] = if c.key(i) == "de" { &["a"] } else { &["et"] };
        let from = c.year(i + 1)?;
        if c.is(i + 2, joiner) {
            let to = c.year(i + 3)?;
            // "entre 2000 et 2500 soldats" is a count, not a period.
            if to > from && !count_noun_at(c, i + 4) {
                return Some((i + 4, DateExpr::YearInterval(from, to), "year_interval"));
            }
        }
        return None;
    }
    if c.is(i, &["du"]) {
        let day_from = c.day(i + 1)?;
        let (month_from, next) = match c.month(i + 2) {
            Some(m) => (Some(m), i + 3),
            None => (None, i + 2),
        };
        if !c.is(next, &["au"]) {
            return None;
        }
        let day_to = c.day(next + 1)?;
        let month_to = c.month(next + 2)?;
        let year = c.year(next + 3);
        let end = if year.is_some() { next + 4 } else { next + 3 };
        return Some((
            end,
            DateExpr::DayInterval {
                from: (day_from, month_from.unwrap_or(month_to)),
                to: (day_to, month_to),
                year,
            },
            "day_interval",
        ));
    }
    None
}

/// "nuit de vendredi à samedi", "nuit du vendredi au samedi".
fn match_night(c: &Cursor, i: usize) -> Option<Match> {
    if !c.is(i, &["nuit"]) || !c.is(i + 1, &["de", "du"]) {
        return None;
    }
    let from = c.weekday(i + 2)?;
    if !c.is(i + 3, &["a", "au"]) {
        return None;
    }
    let to = c.weekday(i + 4)?;
    Some((i + 5, DateExpr::Night { from, to }, "night"))
}

/// "[ce] mardi [18 janvier [2019]] [soir|dernier|prochain]".
fn match_weekday(c: &Cursor, i: usize) -> Option<Match> {
    let (this, at) = if c.is(i, &["ce"]) && c.weekday(i + 1).is_some() {
        (true, i + 1)
    } else {
        (false, i)
    };
    let weekday = c.weekday(at)?;
    let mut end = at + 1;
    let mut expr = None;
    if let (Some(day), Some(month)) = (c.day(end), c.month(end + 1)) {
        if let Some(year) = c.year(end + 2) {
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            expr = Some((DateExpr::Full(date), "weekday_full_date"));
            end += 3;
        } else {
            expr = Some((
                DateExpr::WeekdayDayMonth {
                    weekday,
                    day,
                    month,
                },
                "weekday_day_month",
            ));
            end += 2;
        }
    }
    let mut direction = if future_tense_before(c, i) { FUTURE } else { 0 };
    if let Some(d) = c.direction(end) {
        direction = d;
        end += 1;
    } else if c.lexicon.day_parts.contains(c.key(end)) {
        end += 1;
    }
    let (expr, rule) = expr.unwrap_or((
        DateExpr::Weekday { weekday, direction },
        if this { "this_weekday" } else { "weekday" },
    ));
    Some((end, expr, rule))
}

/// Direction of a bare weekday governed by a future-tense verb ("prêtera serment mardi"):
/// the weekday on or after the anchor.
const FUTURE: i32 = 2;

/// Nouns and adverbs that end like future-tense verbs.
const NOT_FUTURE: [&str; 10] = [
    "front", "affront", "camera", "cholera", "opera", "extra", "contra", "sahara", "mantra",
    "tiara",
];

/// Whether a future-tense verb or a scheduling word ("prévu", "doit") stands at most five
/// words before token `i`, in the same clause.
fn future_tense_before(c: &Cursor, i: usize) -> bool {
    for back in 1..=5 {
        let Some(index) = i.checked_sub(back) else {
            return false;
        };
        let token = &c.tokens[index];
        if token.kind == Kind::Punct {
            return false;
        }
        let key = token.key.as_ref();
        if token.kind != Kind::Word || token.capitalised || NOT_FUTURE.contains(&key) {
            continue;
        }
        let future_verb = (key.ends_with("ra") && key.len() >= 4)
            || (key.ends_with("ront") && key.len() >= 6)
            || (key.ends_with("rons") && key.len() >= 6);
        let scheduled = matches!(
            key,
            "prevu"
                | "prevue"
                | "prevus"
                | "prevues"
                | "doit"
                | "doivent"
                | "devrait"
                | "devraient"
                | "programme"
                | "programmee"
        );
        if future_verb || scheduled {
            return true;
        }
    }
    false
}

/// "plus tôt cette semaine", "plus tôt dans la journée", "plus tôt ce mois-ci", "plus tôt cette année".
fn match_earlier(c: &Cursor, i: usize) -> Option<Match> {
    if !(c.is(i, &["plus"]) && c.is(i + 1, &["tot"])) {
        return None;
    }
    let at = i + 2;
    if c.is(at, &["dans"]) && c.is(at + 1, &["la"]) && c.is(at + 2, &["journee"]) {
        return Some((at + 3, DateExpr::RelativeDay(0), "earlier_today"));
    }
    let (end, expr, _) = match_relative(c, at)?;
    match expr {
        DateExpr::RelativeWeek(0) | DateExpr::RelativeMonth(0) | DateExpr::RelativeYear(0) => {
            Some((end, expr, "earlier_this_period"))
        }
        _ => None,
    }
}

/// "début mars", "fin février 2019", "mi-janvier", "début de l'année", "fin 2019", "fin du mois".
fn match_period_part(c: &Cursor, i: usize) -> Option<Match> {
    let key = c.key(i);
    if let Some(rest) = key.strip_prefix("mi-") {
        let month = *c.lexicon.months.get(rest)?;
        return Some(month_with_year(c, i + 1, month, "mid_month"));
    }
    if !c.lexicon.period_parts.contains(key) || key == "mi" {
        return None;
    }
    let at = i + 1;
    if let Some(month) = c.month(at) {
        return Some(month_with_year(c, at + 1, month, "period_part_month"));
    }
    if let Some(year) = c.year(at) {
        return Some((at + 1, DateExpr::Year(year), "period_part_year"));
    }
    // "fin du mois de mars": the named month.
    if c.is(at, &["du"]) && c.is(at + 1, &["mois"]) && c.is(at + 2, &["de", "d'"]) {
        if let Some(month) = c.month(at + 3) {
            return Some(month_with_year(c, at + 4, month, "period_part_month"));
        }
    }
    // "début d'année", "fin d'année": the current year.
    if c.is(at, &["d'"]) && c.is(at + 1, &["annee"]) {
        return Some((at + 2, DateExpr::RelativeYear(0), "period_part_relative"));
    }
    // "de l'année", "de cette année", "de l'année dernière", "du mois", "de l'an dernier".
    if c.is(at, &["de", "du"]) {
        let (end, expr, _) = match_relative(c, at + 1)
            .or_else(|| {
                // "du mois" on its own means the current month.
                c.is(at, &["du"])
                    .then_some(())
                    .filter(|_| c.is(at + 1, &["mois"]))
                    .map(|_| (at + 2, DateExpr::RelativeMonth(0), "month"))
            })
            .or_else(|| {
                (c.is(at + 1, &["l'"]) && c.is(at + 2, &["annee", "an"])).then_some((
                    at + 3,
                    DateExpr::RelativeYear(0),
                    "year",
                ))
            })?;
        return match expr {
            DateExpr::RelativeMonth(_) | DateExpr::RelativeYear(_) | DateExpr::Year(_) => {
                Some((end, expr, "period_part_relative"))
            }
            DateExpr::MonthYear { .. } => Some((end, expr, "period_part_relative")),
            _ => None,
        };
    }
    None
}

fn month_with_year(c: &Cursor, at: usize, month: u32, rule: &'static str) -> Match {
    match c.year(at) {
        Some(year) => (at + 1, DateExpr::MonthYear { month, year }, rule),
        None => (
            at,
            DateExpr::Month {
                month,
                direction: 0,
            },
            rule,
        ),
    }
}

/// "les six premiers mois de cette année" → span from the number.
fn match_first_months(c: &Cursor, i: usize) -> Option<Match> {
    let (count, at) = c.small_number(i)?;
    if !(1..=12).contains(&count) || !c.is(at, &["premiers"]) || !c.is(at + 1, &["mois"]) {
        return None;
    }
    if !c.is(at + 2, &["de", "d'"]) {
        return None;
    }
    let y = at + 3;
    if let Some(year) = c.year(y) {
        return Some((
            y + 1,
            DateExpr::FirstMonths {
                count,
                year: YearRef::Explicit(year),
            },
            "first_months",
        ));
    }
    let (end, expr, _) = match_relative(c, y).or_else(|| {
        (c.is(y, &["l'"]) && c.is(y + 1, &["annee"])).then_some((
            y + 2,
            DateExpr::RelativeYear(0),
            "year",
        ))
    })?;
    match expr {
        DateExpr::RelativeYear(offset) => Some((
            end,
            DateExpr::FirstMonths {
                count,
                year: YearRef::Relative(offset),
            },
            "first_months",
        )),
        _ => None,
    }
}

/// "18 janvier [2019] [dernier]", "1er mars", "ce 18 janvier" (the demonstrative stays).
fn match_day_month(c: &Cursor, i: usize) -> Option<Match> {
    if c.is(i, &["ce"]) {
        return match_day_month(c, i + 1)
            .filter(|(_, expr, _)| matches!(expr, DateExpr::DayMonth { .. } | DateExpr::Full(_)));
    }
    let day = c.day(i)?;
    // "les 3 et 4 février [2024]": two days, one interval.
    if c.is(i + 1, &["et"]) {
        let last = c.day(i + 2)?;
        let month = c.month(i + 3)?;
        let year = c.year(i + 4);
        let end = if year.is_some() { i + 5 } else { i + 4 };
        return (last > day).then_some((
            end,
            DateExpr::DayInterval {
                from: (day, month),
                to: (last, month),
                year,
            },
            "two_days",
        ));
    }
    // "le 7-Octobre": a day turned into the name of an event, always in the past.
    if c.is(i + 1, &["-"])
        && c.tokens
            .get(i + 1)
            .is_some_and(|t| t.start == c.tokens[i].end)
    {
        let month = c.month(i + 2)?;
        let direction = -1;
        return Some((
            i + 3,
            DateExpr::DayMonth {
                day,
                month,
                direction,
            },
            "day_month_event",
        ));
    }
    let month = c.month(i + 1)?;
    if let Some(year) = c.year(i + 2) {
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        return Some((i + 3, DateExpr::Full(date), "day_month_year"));
    }
    let (end, direction) = match c.direction(i + 2) {
        Some(d) => (i + 3, d),
        // "depuis le 7 octobre" is in the past whatever the distance.
        None if preceded_by_since(c, i) => (i + 2, -1),
        None => (i + 2, 0),
    };
    Some((
        end,
        DateExpr::DayMonth {
            day,
            month,
            direction,
        },
        "day_month",
    ))
}

/// "depuis le 7 octobre", "depuis 7 octobre".
fn preceded_by_since(c: &Cursor, i: usize) -> bool {
    let previous = |k: usize| i.checked_sub(k).map(|p| c.key(p)).unwrap_or("");
    previous(1) == "depuis" || (previous(1) == "le" && previous(2) == "depuis")
}

/// "18/01/2019", "18.01.2019", "18/01/19", "2019-01-18", "2014-2017".
fn match_numeric(c: &Cursor, i: usize) -> Option<Match> {
    if c.kind(i) != Some(Kind::Number) {
        return None;
    }
    let key = c.key(i);
    if key.contains('-') {
        let parts: Vec<&str> = key.split('-').collect();
        // "2014-2017": a year range written with a hyphen.
        if let [from, to] = parts[..] {
            let (from, to) = (year_value(from)?, year_value(to)?);
            return (to > from).then_some((i + 1, DateExpr::YearInterval(from, to), "year_range"));
        }
        // "2019-01-18": ISO 8601.
        if let [year, month, day] = parts[..] {
            if year.len() == 4 && month.len() == 2 && day.len() == 2 {
                let date = NaiveDate::from_ymd_opt(
                    year.parse().ok()?,
                    month.parse().ok()?,
                    day.parse().ok()?,
                )?;
                return Some((i + 1, DateExpr::Full(date), "iso_date"));
            }
        }
        return None;
    }
    let separator = if key.contains('/') { '/' } else { '.' };
    let parts: Vec<&str> = key.split(separator).collect();
    if parts.len() != 3 || parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let day: u32 = parts[0].parse().ok()?;
    let month: u32 = parts[1].parse().ok()?;
    let year: i32 = match parts[2].len() {
        4 => parts[2].parse().ok()?,
        2 => 2000 + parts[2].parse::<i32>().ok()?,
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some((i + 1, DateExpr::Full(date), "numeric_date"))
}

/// "janvier 2018"; a bare month only after a cue ("en mars", "depuis mai") or before
/// "dernier"/"prochain".
fn match_month(c: &Cursor, i: usize) -> Option<Match> {
    let month = c.month(i)?;
    if let Some(year) = c.year(i + 1) {
        return Some((i + 2, DateExpr::MonthYear { month, year }, "month_year"));
    }
    if let Some(direction) = c.direction(i + 1) {
        return Some((
            i + 2,
            DateExpr::Month { month, direction },
            "month_direction",
        ));
    }
    // Abbreviations ("oct", "nov") are too ambiguous on their own.
    if c.key(i).len() < 3 || !c.tokens[i].key.chars().all(char::is_alphabetic) {
        return None;
    }
    let previous = i.checked_sub(1).map(|p| c.key(p)).unwrap_or("");
    let after_mois_de = i >= 2 && c.is(i - 2, &["mois"]);
    if c.lexicon.year_cues.contains(previous) || after_mois_de {
        // "mars" capitalised mid-sentence is the planet or a name, not the month.
        if c.tokens[i].capitalised && previous != "(" && previous != "en" {
            return None;
        }
        return Some((
            i + 1,
            DateExpr::Month {
                month,
                direction: 0,
            },
            "month",
        ));
    }
    None
}

/// "l'été 2014", "l'hiver dernier", "printemps 2019".
fn match_season(c: &Cursor, i: usize) -> Option<Match> {
    // "cet été", "ce printemps": this year's season.
    if c.is(i, &["cet", "ce"]) && c.lexicon.seasons.contains(c.key(i + 1)) {
        return Some((i + 2, DateExpr::RelativeYear(0), "season"));
    }
    // The article stays in the span ("l'été 2014"), like "l'an dernier".
    let at = if c.is(i, &["l'"]) { i + 1 } else { i };
    if !c.lexicon.seasons.contains(c.key(at)) {
        return None;
    }
    if let Some(year) = c.year(at + 1) {
        return Some((at + 2, DateExpr::Year(year), "season"));
    }
    if let Some(direction) = c.direction(at + 1) {
        return Some((
            at + 2,
            DateExpr::RelativeYear(direction.min(0) as i64),
            "season",
        ));
    }
    None
}

/// "hier", "aujourd'hui [soir]", "cette semaine", "la semaine dernière", "le mois dernier",
/// "l'an dernier", "l'année prochaine", "cette année", "ce week-end", "il y a trois jours".
fn match_relative(c: &Cursor, i: usize) -> Option<Match> {
    let key = c.key(i);
    if let Some(&offset) = c.lexicon.relative_days.get(key) {
        let end = if c.lexicon.day_parts.contains(c.key(i + 1)) {
            i + 2
        } else {
            i + 1
        };
        return Some((end, DateExpr::RelativeDay(offset), "relative_day"));
    }
    let demonstrative = matches!(key, "ce" | "cet" | "cette");
    let article = matches!(key, "le" | "la" | "l'");
    if demonstrative || article {
        let noun = c.key(i + 1);
        let direction = c.direction(i + 2);
        let this_end = i + 2;
        let (expr, end) = match (noun, demonstrative, direction) {
            ("matin" | "soir" | "apres-midi", true, None) => (DateExpr::RelativeDay(0), this_end),
            ("nuit", true, None) if key == "cette" => (DateExpr::RelativeDay(0), this_end),
            ("semaine", true, None) => (DateExpr::RelativeWeek(0), this_end),
            ("semaine", false, Some(d)) => (DateExpr::RelativeWeek(d as i64), i + 3),
            ("week-end", true, None) => (DateExpr::Weekend(0), this_end),
            ("week-end", false, Some(d)) => (DateExpr::Weekend(d as i64), i + 3),
            ("mois-ci", true, None) | ("mois", true, None) => {
                (DateExpr::RelativeMonth(0), this_end)
            }
            ("mois", false, Some(d)) => (DateExpr::RelativeMonth(d as i64), i + 3),
            ("annee" | "annee-ci", true, None) => (DateExpr::RelativeYear(0), this_end),
            ("annee" | "an", false, Some(d)) => (DateExpr::RelativeYear(d as i64), i + 3),
            _ => return None,
        };
        return Some((end, expr, "relative_period"));
    }
    // "il y a trois jours" looks back; "dans trois jours" looks forward.
    let ago = key == "il" && c.is(i + 1, &["y"]) && c.is(i + 2, &["a"]);
    if ago || key == "dans" {
        let at = if ago { i + 3 } else { i + 1 };
        let sign: i64 = if ago { 1 } else { -1 };
        let rule = if ago { "ago" } else { "in" };
        if c.is(at, &["quelques"]) && c.is(at + 1, &["heures", "minutes"]) {
            return Some((at + 2, DateExpr::RelativeDay(0), rule));
        }
        let (count, unit_at) = c
            .small_number(at)
            .or_else(|| c.is(at, &["un", "une"]).then_some((1, at + 1)))?;
        let unit_days = *c.lexicon.ago_units.get(c.key(unit_at))?;
        let count = sign * i64::from(count);
        let expr = match unit_days {
            0 => DateExpr::RelativeDay(0),
            30 => DateExpr::AgoMonths(count),
            365 => DateExpr::AgoYears(count),
            days => DateExpr::AgoDays(count * i64::from(days)),
        };
        return Some((unit_at + 1, expr, rule));
    }
    None
}

/// A four-digit year, unless it is the count of a noun ("2019 personnes") or part of a
/// quantity ("plus de 2000 soldats").
fn match_year(c: &Cursor, i: usize) -> Option<Match> {
    // "les années 1990": the decade.
    if c.is(i, &["annees"]) {
        let year = c.year(i + 1)?;
        return (year % 10 == 0).then_some((
            i + 2,
            DateExpr::YearInterval(year, year + 9),
            "decade",
        ));
    }
    let year = c.year(i)?;
    let next = c.tokens.get(i + 1);
    let next_is_noun = next.is_some_and(|t| {
        t.kind == Kind::Word
            && !t.capitalised
            && !c.lexicon.function.contains(&*t.key)
            && (c.lexicon.persons.contains(&*t.key)
                || c.lexicon.casualty.contains(&*t.key)
                || c.lexicon.compounds.iter().any(|w| w[0] == t.key)
                || c.lexicon.scales.contains_key(&*t.key)
                || t.key.ends_with('s')
                    && !c.lexicon.not_unit.contains(&*t.key)
                    && !is_adverb(&t.key))
    });
    let previous = i.checked_sub(1).map(|p| c.key(p)).unwrap_or("");
    let counted_before = matches!(previous, "environ" | "quelque" | "les" | "des" | "ces")
        || (matches!(previous, "de" | "d'")
            && i >= 2
            && matches!(c.key(i - 2), "plus" | "moins" | "pres"));
    // "2000 à 3000 manifestants", "entre 2000 et 2500 soldats": the low end of a count.
    let low_end_of_count = c.is(i + 1, &["a", "et", "ou"])
        && c.kind(i + 2) == Some(Kind::Number)
        && count_noun_at(c, i + 3);
    if next_is_noun
        || low_end_of_count
        || counted_before && next.is_some_and(|t| t.kind == Kind::Word && !t.capitalised)
    {
        return None;
    }
    Some((i + 1, DateExpr::Year(year), "year"))
}

/// Whether the token at `index` reads as the noun of a count ("soldats", "personnes").
fn count_noun_at(c: &Cursor, index: usize) -> bool {
    c.tokens.get(index).is_some_and(|t| {
        t.kind == Kind::Word
            && !t.capitalised
            && !c.lexicon.function.contains(&*t.key)
            && !c.lexicon.not_unit.contains(&*t.key)
            && !is_adverb(&t.key)
            && (t.key.ends_with(['s', 'x'])
                || c.lexicon.persons.contains(&*t.key)
                || c.lexicon.scales.contains_key(&*t.key))
    })
}

/// Common adverbs and conjunctions ending in -s that follow a year ("en 2014 puis", "alors").
fn is_adverb(key: &str) -> bool {
    matches!(
        key,
        "puis"
            | "alors"
            | "apres"
            | "depuis"
            | "toujours"
            | "jamais"
            | "mais"
            | "dans"
            | "sous"
            | "vers"
            | "sans"
            | "lors"
            | "tous"
            | "plus"
            | "moins"
            | "ans"
    )
}
