//! Placing recognised expressions on the calendar, and the publication date inferred from them.

use chrono::{Datelike, NaiveDate};
use recoupe_model::{Granularity, Span};

use super::{DateCandidate, DateExpr, PeriodUnit, YearRef, FUTURE, SINCE, THIS_WEEK};
use crate::calendar;

/// What the placement step knows.
pub(super) struct Context {
    pub(super) published: Option<NaiveDate>,
    /// The publication date is the latest date of the article's events, read from the text:
    /// the article itself may be from the day after.
    pub(super) inferred: bool,
    /// The article's own latest explicit year (see [`text_year`]).
    pub(super) text_year: Option<i32>,
    /// The time of reading: no inferred date is later.
    pub(super) today: NaiveDate,
}

/// How far back an explicit year of the text may lie and still be taken for the article's
/// own: older ones are history it recalls ("le premier depuis 1962").
const OWN_YEAR_SPAN: i32 = 15;

/// The latest year the text writes in a date ("le 24 août 2024", "en 2023", "mars 2022"),
/// not after today's year and at most `OWN_YEAR_SPAN` (15) years before it. It anchors every
/// year-less date when no publication date is known.
pub fn text_year(candidates: &[DateCandidate], today: NaiveDate) -> Option<i32> {
    candidates
        .iter()
        .filter_map(|candidate| match &candidate.expr {
            DateExpr::Full(date) => Some(date.year()),
            DateExpr::MonthYear { year, .. } | DateExpr::Year(year) => Some(*year),
            DateExpr::YearInterval(_, to) => Some(*to),
            DateExpr::DayInterval { year, .. } => *year,
            DateExpr::FirstMonths {
                year: YearRef::Explicit(year),
                ..
            }
            | DateExpr::MonthSpan {
                year: YearRef::Explicit(year),
                ..
            } => Some(*year),
            DateExpr::MonthInterval { from, to } => to.1.or(from.1),
            DateExpr::Season { year, .. } => *year,
            _ => None,
        })
        .filter(|year| (today.year() - OWN_YEAR_SPAN..=today.year()).contains(year))
        .max()
}

pub(super) struct Placed {
    pub(super) value: Option<String>,
    pub(super) granularity: Granularity,
    pub(super) relative: bool,
}

/// Year for "weekday day month" with no publication date: the first year on or after the
/// article's own explicit year (see [`text_year`]) in which that day falls on that weekday
/// (a report is written after the events it recalls), else the most recent such year up to
/// the time of reading — never one decades back because an old year is written somewhere.
fn year_for_weekday_date(
    weekday: u32,
    day: u32,
    month: u32,
    text_year: Option<i32>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let matches = |year: i32| {
        NaiveDate::from_ymd_opt(year, month, day)
            .filter(|date| calendar::weekday_number(*date) == weekday && *date <= today)
    };
    if let Some(from) = text_year {
        if let Some(date) = (from..=today.year()).find_map(matches) {
            return Some(date);
        }
    }
    // Most dates fall on the same weekday again within eleven years; 29 February takes
    // up to 28.
    (today.year() - 30..=today.year()).rev().find_map(matches)
}

/// Days after a publication date inferred from the latest event dated in which a bare
/// weekday is read as a later day of the report rather than one of the week before.
const INFERRED_DAYS_AFTER: i64 = 2;

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

/// Publication date stated by a dateline or a publication stamp (see
/// [`DateCandidate::dateline`]): the date itself when written with its year. A dateline
/// writes the year rarely ("RAMADI (Irak), 13 mars (AMN) - …"); the dispatch then tells on
/// which weekday it reports ("a annoncé jeudi"), so the year is the first one from the
/// article's own explicit year (else the most recent one up to the time of reading) in which
/// that day falls on a weekday the lead names — bare, or written with the same day and month
/// ("ce mardi 17 février") —, else the article's own year.
pub fn dateline_publication(
    candidates: &[DateCandidate],
    text_year: Option<i32>,
    today: NaiveDate,
) -> Option<(NaiveDate, Span)> {
    let line = candidates.iter().find(|candidate| candidate.dateline)?;
    let date = match line.expr {
        DateExpr::Full(date) => Some(date),
        DateExpr::DayMonth { day, month, .. } => {
            let lead = || {
                candidates
                    .iter()
                    .filter(|c| !c.future && c.sentence <= line.sentence + 1)
            };
            // The weekday the text writes with the same day and month first, then the bare
            // weekdays of the lead from the last: the day the news came is told after the
            // day of the events ("tués mercredi …, a-t-on appris jeudi").
            let same_day = lead().filter_map(|c| match c.expr {
                DateExpr::WeekdayDayMonth {
                    weekday,
                    day: d,
                    month: m,
                } if (d, m) == (day, month) => Some(weekday),
                _ => None,
            });
            let bare: Vec<u32> = lead()
                .filter_map(|c| match c.expr {
                    DateExpr::Weekday {
                        weekday,
                        direction: 0,
                    } => Some(weekday),
                    _ => None,
                })
                .collect();
            // `shift`: days from the weekday named to the dispatch's date (0 the same day).
            let fits = move |weekday: u32, shift: i64, year: i32| {
                NaiveDate::from_ymd_opt(year, month, day).filter(|date| {
                    *date <= today
                        && calendar::add_days(*date, -shift)
                            .is_some_and(|named| calendar::weekday_number(named) == weekday)
                })
            };
            let on = |weekday: u32| {
                text_year
                    .and_then(|from| (from..=today.year()).find_map(|y| fits(weekday, 0, y)))
                    .or_else(|| {
                        // A dispatch tells the day before as readily as its own day ("MORONI,
                        // 6 mars – … a procédé mercredi soir …", dated a Thursday): from the
                        // article's own year on, the lead's last bare weekday may be the
                        // eve of the dateline, before any year earlier than the text's own
                        // (a report is written after the events it dates with a year).
                        let from = text_year?;
                        let eve = bare.last().copied()?;
                        (from..=today.year()).find_map(|y| fits(eve, 1, y))
                    })
                    .or_else(|| {
                        (today.year() - 30..=today.year())
                            .rev()
                            .find_map(|y| fits(weekday, 0, y))
                    })
            };
            same_day
                .chain(bare.iter().rev().copied())
                .find_map(on)
                .or_else(|| text_year.and_then(|year| NaiveDate::from_ymd_opt(year, month, day)))
        }
        _ => None,
    }?;
    (date <= today).then_some((date, line.span))
}

/// Publication date from a weekday the lead tells without its date ("Le rideau est tombé
/// samedi soir sur le festival, qui s'est tenu du 3 au 25 juillet 2026"), when the text
/// writes with its year a day that falls on that weekday: the latest such day (the end of an
/// interval, "du 3 au 25 juillet 2026"), told as reported, not announced nor recalled. The
/// last resort of the stage, after the dateline and [`infer_publication`]. Returns the date
/// and the span of the words it was read from.
pub fn weekday_publication(
    candidates: &[DateCandidate],
    today: NaiveDate,
) -> Option<(NaiveDate, Span)> {
    // The lead: the headline and the first sentences.
    const LEAD_SENTENCES: usize = 3;
    let weekdays: Vec<u32> = candidates
        .iter()
        .filter(|c| !c.future && c.sentence < LEAD_SENTENCES)
        .filter_map(|c| match c.expr {
            DateExpr::Weekday {
                weekday,
                direction: 0,
            } => Some(weekday),
            _ => None,
        })
        .collect();
    if weekdays.is_empty() {
        return None;
    }
    candidates
        .iter()
        .filter(|c| !c.future && !c.recalled)
        .filter_map(|c| {
            let date = match c.expr {
                DateExpr::Full(date) => date,
                DateExpr::DayInterval {
                    from,
                    to,
                    year: Some(year),
                    ..
                } => NaiveDate::from_ymd_opt(year, to.1, to.0).filter(|_| from.1 <= to.1)?,
                _ => return None,
            };
            let named = weekdays.contains(&calendar::weekday_number(date));
            (named && date <= today).then_some((date, c.span))
        })
        .max_by_key(|(date, _)| *date)
}

/// Publication date from the text alone: the most recent date of the article's own events,
/// where such a date is written the way reports date what they report — a weekday with day
/// and month, with or without year ("ce mercredi 20 février", "jeudi 3 octobre 2024"), or a
/// full date with a demonstrative ("ce 4 décembre 2024"). A full date without either is
/// usually an event the article recalls (a death years earlier, the date of a law) and is no
/// evidence; so is a date the article announces ("jusqu'au samedi 2 novembre"), except that
/// when only announced dates are written, the article comes the day before the first one.
/// Never after `today`. Returns the date and the span of the words it was read from.
pub fn infer_publication(
    candidates: &[DateCandidate],
    text_year: Option<i32>,
    today: NaiveDate,
) -> Option<(NaiveDate, Span)> {
    let evidence: Vec<(NaiveDate, &DateCandidate)> = candidates
        .iter()
        // Told in the pluperfect ("le procès s'était ouvert le jeudi 12 novembre"), a date
        // is an earlier event the report recalls, not the day it reports.
        .filter(|candidate| !candidate.recalled || candidate.deictic)
        .filter_map(|candidate| {
            let date = match &candidate.expr {
                DateExpr::Full(date)
                    if candidate.deictic || candidate.rule == "weekday_full_date" =>
                {
                    Some(*date)
                }
                DateExpr::WeekdayDayMonth {
                    weekday,
                    day,
                    month,
                } => year_for_weekday_date(*weekday, *day, *month, text_year, today),
                // "la nuit du samedi 21 au dimanche 22 novembre": its last day, in the year
                // its first falls on that weekday.
                DateExpr::DayInterval {
                    from,
                    to,
                    year: None,
                    first_weekday: Some(weekday),
                } => {
                    let start = year_for_weekday_date(*weekday, from.0, from.1, text_year, today)?;
                    let end_year = start.year() + i32::from(from.1 > to.1);
                    NaiveDate::from_ymd_opt(end_year, to.1, to.0)
                }
                _ => None,
            }?;
            (date <= today).then_some((date, candidate))
        })
        .collect();
    let reported = evidence
        .iter()
        .filter(|(_, candidate)| !candidate.future)
        .max_by_key(|(date, candidate)| (*date, std::cmp::Reverse(candidate.span.start)));
    if let Some((date, candidate)) = reported {
        return Some((*date, candidate.span));
    }
    let (first, candidate) = evidence.iter().min_by_key(|(date, _)| *date)?;
    Some((calendar::add_days(*first, -1)?, candidate.span))
}

/// Places every candidate: first each on its own, then those counted from another date of
/// the text ("la veille") or from the date just named in their sentence ("dans la matinée").
pub(super) fn place_all(candidates: &[DateCandidate], context: &Context) -> Vec<Placed> {
    let mut placed: Vec<Placed> = candidates
        .iter()
        .map(|candidate| place(candidate, context))
        .collect();
    // Day bounds of each placed value ("2024-10-02/2024-10-03" → both days).
    let days = |placed: &Placed| -> Option<(NaiveDate, NaiveDate)> {
        let value = placed.value.as_deref()?;
        let parse = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        match value.split_once('/') {
            Some((start, end)) => Some((parse(start)?, parse(end)?)),
            None => parse(value).map(|d| (d, d)),
        }
    };
    // "Sur les trois premiers mois de l'année, …; sur les douze derniers mois, …": months
    // counted back after the text names the period its figures cover end with that period
    // (the latest one named before, an earlier quarter being recalled), not with the month
    // before the report.
    for index in 0..candidates.len() {
        let DateExpr::LastMonths(count) = candidates[index].expr else {
            continue;
        };
        let period_end = (0..index)
            .filter(|&k| {
                matches!(
                    candidates[k].expr,
                    DateExpr::FirstMonths { .. } | DateExpr::MonthSpan { .. }
                )
            })
            .filter_map(|k| {
                let (_, end) = placed[k].value.as_deref()?.split_once('/')?;
                NaiveDate::parse_from_str(&format!("{end}-01"), "%Y-%m-%d").ok()
            })
            .max();
        let before_report = |end: &NaiveDate| {
            context
                .published
                .is_some_and(|a| *end < a.with_day(1).unwrap_or(a))
        };
        if let Some(end) = period_end.filter(before_report) {
            placed[index].value = last_months(count, end);
        }
    }
    // Tied by the text to one day (the day a quotation was spoken, the date of "la veille"'s
    // complement): counted from that day.
    for index in 0..candidates.len() {
        let candidate = &candidates[index];
        let offset = match candidate.expr {
            DateExpr::RelativeDay(offset) | DateExpr::FromTextDate(offset) => offset,
            _ => continue,
        };
        let Some((start, end)) = candidate.anchor.and_then(|k| days(&placed[k])) else {
            continue;
        };
        if let (true, Some(date)) = (start == end, calendar::add_days(start, offset)) {
            placed[index].value = Some(calendar::day(date));
            placed[index].relative = true;
        }
    }
    for index in 0..candidates.len() {
        let candidate = &candidates[index];
        if candidate.anchor.is_some() && placed[index].value.is_some() {
            continue;
        }
        let (offset, same_sentence_only) = match candidate.expr {
            DateExpr::FromTextDate(offset) => (offset, false),
            DateExpr::PartOfDay => (0, true),
            _ => continue,
        };
        // Counted from a date the text gives, not from another one counted ("la veille …
        // le lendemain" both count from the day named).
        let counted = |k: usize| matches!(candidates[k].expr, DateExpr::FromTextDate(_));
        // Told in a past tense, it is not counted from a day the article announces ("la
        // consultation doit s'ouvrir lundi ; les délégués avaient été informés la veille").
        let announced_from_past = |k: usize| candidate.past && candidates[k].future;
        let before = (0..index).rev().find_map(|k| {
            let in_reach = !same_sentence_only || candidates[k].sentence == candidate.sentence;
            (in_reach && !counted(k) && !announced_from_past(k))
                .then(|| days(&placed[k]))
                .flatten()
        });
        let after = || {
            (index + 1..candidates.len())
                .take_while(|&k| candidates[k].sentence == candidate.sentence)
                .filter(|&k| !counted(k) && !announced_from_past(k))
                .find_map(|k| days(&placed[k]))
        };
        let Some((start, end)) = before.or_else(after) else {
            continue;
        };
        // Counted back from the first day of an interval, forward from its last.
        let from = if offset < 0 { start } else { end };
        if let Some(date) = calendar::add_days(from, offset) {
            placed[index].value = Some(calendar::day(date));
        }
    }
    // "l'année suivante", "le mois précédent", "cette année-là": the period of the nearest
    // date before it in the text (any granularity, one counted so too: "l'année suivante …
    // cette année-là"), moved by the offset.
    for index in 0..candidates.len() {
        // "octobre de la même année": a month of the year of that date.
        let (unit, offset, month) = match candidates[index].expr {
            DateExpr::FromTextPeriod { unit, offset } => (unit, offset, None),
            DateExpr::MonthOfTextYear(month) => (PeriodUnit::Year, 0, Some(month)),
            _ => continue,
        };
        if unit == PeriodUnit::Season {
            // The nearest season written before it across two years, moved by the offset
            // (not one counted so: "la saison dernière … la saison précédente" both count
            // from the season written out).
            let written = |k: &usize| matches!(candidates[*k].expr, DateExpr::YearInterval(..));
            let season = (0..index).rev().filter(written).find_map(|k| {
                let (from, to) = placed[k].value.as_deref()?.split_once('/')?;
                let (from, to): (i32, i32) = (from.parse().ok()?, to.parse().ok()?);
                (to == from + 1).then_some(from)
            });
            placed[index].value = season.map(|from| {
                let from = from + offset as i32;
                format!("{}/{}", calendar::year(from), calendar::year(from + 1))
            });
            continue;
        }
        let from = (0..index)
            .rev()
            .filter(|&k| !matches!(candidates[k].expr, DateExpr::Vague))
            .find_map(|k| bounds(placed[k].value.as_deref()?));
        let Some((start, end)) = from else {
            continue;
        };
        let date = if offset < 0 { start } else { end };
        placed[index].value = match unit {
            PeriodUnit::Year if month.is_some() => month.map(|m| calendar::month(date.year(), m)),
            PeriodUnit::Year => Some(calendar::year(date.year() + offset as i32)),
            PeriodUnit::Month => {
                calendar::add_months(date, offset).map(|d| calendar::month(d.year(), d.month()))
            }
            PeriodUnit::Week => week_interval(date, offset),
            PeriodUnit::Season => None,
        };
    }
    placed
}

/// The first and last day of a placed value: a day, a month, a year or an interval of them.
fn bounds(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let first = |s: &str| match s.len() {
        10 => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
        7 => NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").ok(),
        4 => NaiveDate::from_ymd_opt(s.parse().ok()?, 1, 1),
        _ => None,
    };
    let last = |s: &str| match s.len() {
        10 => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
        7 => calendar::add_days(calendar::add_months(first(s)?, 1)?, -1),
        4 => NaiveDate::from_ymd_opt(s.parse().ok()?, 12, 31),
        _ => None,
    };
    match value.split_once('/') {
        Some((start, end)) => Some((first(start)?, last(end)?)),
        None => Some((first(value)?, last(value)?)),
    }
}

fn place(candidate: &DateCandidate, context: &Context) -> Placed {
    use Granularity::*;
    let expr = &candidate.expr;
    // Without a publication date, the article's own explicit year places a year-less date,
    // unless a demonstrative points it at the time of writing ("ce 3 janvier").
    let own_year = context.text_year.filter(|_| !candidate.deictic);
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
        DateExpr::DayInterval { from, to, year, .. } => {
            let written = year.is_some();
            // Without a year, the interval is placed by its first day, the one nearest the
            // report: "entre le 21 décembre et le 4 janvier" written in late November starts
            // next month, whatever the distance to its end.
            let wraps = from.1 > to.1;
            let year = year.or_else(|| match anchor {
                Some(a) => year_less_day(from.0, from.1, candidate.future, a).map(|d| {
                    if wraps {
                        d.year() + 1
                    } else {
                        d.year()
                    }
                }),
                None => own_year,
            });
            let value = year.and_then(|year| {
                // "du 28 décembre au 3 janvier 2024" starts the year before.
                let start_year = if wraps { year - 1 } else { year };
                let start = NaiveDate::from_ymd_opt(start_year, from.1, from.0)?;
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
                None => {
                    year_for_weekday_date(*weekday, *day, *month, context.text_year, context.today)
                }
            };
            relative(date.map(calendar::day), Day)
        }
        DateExpr::WeekdayDay { weekday, day } => relative(
            anchor
                .and_then(|a| nearest_weekday_day(*weekday, *day, a))
                .map(calendar::day),
            Day,
        ),
        DateExpr::DayMonth {
            day,
            month,
            direction,
        } => relative(
            match anchor {
                Some(a) if *direction == 0 => year_less_day(*day, *month, candidate.future, a)
                    .and_then(|d| {
                        if candidate.recalled && !candidate.future && d > a {
                            nearest_day_month(*day, *month, -1, a)
                        } else {
                            Some(d)
                        }
                    }),
                Some(a) => nearest_day_month(*day, *month, *direction, a),
                None => own_year.and_then(|year| NaiveDate::from_ymd_opt(year, *month, *day)),
            }
            .map(calendar::day),
            Day,
        ),
        DateExpr::Month {
            month,
            direction: 0,
        } if anchor.is_none() => relative(own_year.map(|y| calendar::month(y, *month)), Month),
        DateExpr::Month { month, direction } => relative(
            anchor.map(|a| {
                let year = match *direction {
                    FUTURE if *month >= a.month() => a.year(),
                    FUTURE => a.year() + 1,
                    1 if *month > a.month() => a.year(),
                    1 => a.year() + 1,
                    -1 if *month < a.month() => a.year(),
                    -1 => a.year() - 1,
                    SINCE if *month <= a.month() => a.year(),
                    SINCE => a.year() - 1,
                    // A bare month is the nearest one, the past on a tie: "mi-mars" written in
                    // February is next month, "en décembre" written in January last month.
                    _ if *month <= a.month() => {
                        let back = a.month() - *month;
                        // Only a month at most `NEAR_FUTURE_MONTHS` ahead is next year's:
                        // "en mars" written in December is the March gone.
                        if back > 6 && 12 - back < back && 12 - back <= NEAR_FUTURE_MONTHS {
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
                    THIS_WEEK if !context.inferred => {
                        let today = calendar::weekday_number(a);
                        let in_week =
                            calendar::add_days(calendar::week_start(a)?, i64::from(*weekday) - 1)?;
                        match (today, *weekday) {
                            (1..=2, 6..=7) => calendar::add_days(in_week, -7),
                            (7, 1) => calendar::add_days(in_week, 7),
                            _ => Some(in_week),
                        }
                    }
                    // "Dimanche dernier" written on a Monday is the Sunday of the week before:
                    // the day just gone is "hier" or the bare weekday.
                    -1 => calendar::weekday_on_or_before(a, *weekday, true).and_then(|day| {
                        if calendar::add_days(day, 1) == Some(a) {
                            calendar::add_days(day, -7)
                        } else {
                            Some(day)
                        }
                    }),
                    // "ce mercredi 31 janvier …, a précisé jeudi le parquet", "l'attaque,
                    // survenue samedi 8 mars … un communiqué lu lundi": the publication
                    // inferred is the latest event dated, and the report, written after it,
                    // goes on to the days that followed; a weekday of the two days after it
                    // is one of those, not one a week before it.
                    _ if context.inferred => (1..=INFERRED_DAYS_AFTER)
                        .filter_map(|offset| calendar::add_days(a, offset))
                        .find(|next| calendar::weekday_number(*next) == *weekday)
                        .or_else(|| calendar::weekday_on_or_before(a, *weekday, false)),
                    _ => calendar::weekday_on_or_before(a, *weekday, false),
                })
                .map(calendar::day),
            Day,
        ),
        DateExpr::Night { from, to, ahead } => relative(
            anchor.and_then(|a| {
                let (start, end) = if *ahead {
                    let start = if calendar::weekday_number(a) == *from {
                        a
                    } else {
                        calendar::weekday_after(a, *from)?
                    };
                    (start, calendar::weekday_after(start, *to)?)
                } else {
                    let end = calendar::weekday_on_or_before(a, *to, false)?;
                    (calendar::weekday_on_or_before(end, *from, true)?, end)
                };
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
        DateExpr::LastNight => relative(
            anchor.and_then(|a| {
                let before = calendar::add_days(a, -1)?;
                Some(format!("{}/{}", calendar::day(before), calendar::day(a)))
            }),
            Interval,
        ),
        DateExpr::LastDays(count) => relative(
            anchor.and_then(|a| {
                let first = calendar::add_days(a, -i64::from(*count))?;
                Some(format!("{}/{}", calendar::day(first), calendar::day(a)))
            }),
            Interval,
        ),
        DateExpr::LastMonths(count) => relative(
            anchor.and_then(|a| last_months(*count, calendar::add_months(a, -1)?)),
            Interval,
        ),
        DateExpr::LastYears(count) => relative(
            anchor.map(|a| {
                format!(
                    "{}/{}",
                    calendar::year(a.year() - *count as i32),
                    calendar::year(a.year() - 1)
                )
            }),
            Interval,
        ),
        DateExpr::AgoDays(days) => relative(
            anchor
                .and_then(|a| calendar::add_days(a, -days))
                .map(calendar::day),
            Day,
        ),
        DateExpr::RelativeWeek(offset) => {
            relative(anchor.and_then(|a| week_interval(a, *offset)), Week)
        }
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
        DateExpr::FirstMonths { count, year } => month_span(1, *count, year, anchor),
        DateExpr::MonthSpan { from, to, year } => month_span(*from, *to, year, anchor),
        DateExpr::MonthInterval { from, to } => {
            let written = to.1.or(from.1);
            // The end's year: written, else the start's (a year later if the months wrap),
            // else that of the publication or of the text.
            let to_year =
                to.1.or_else(|| from.1.map(|y| if to.0 < from.0 { y + 1 } else { y }));
            let to_year = to_year.or_else(|| anchor.map(|a| a.year()).or(own_year));
            let from_year = from
                .1
                .or_else(|| to_year.map(|y| if from.0 > to.0 { y - 1 } else { y }));
            let value = from_year.zip(to_year).map(|(fy, ty)| {
                format!(
                    "{}/{}",
                    calendar::month(fy, from.0),
                    calendar::month(ty, to.0)
                )
            });
            Placed {
                value,
                granularity: Interval,
                relative: written.is_none(),
            }
        }
        DateExpr::Season {
            first_month,
            year,
            direction,
        } => {
            let start_year = match (year, anchor) {
                (Some(year), _) => Some(*year),
                (None, Some(a)) => season_year(*first_month, *direction, a),
                (None, None) if *direction == 0 => own_year,
                (None, None) => None,
            };
            Placed {
                value: start_year.and_then(|year| season_months(year, *first_month)),
                granularity: Interval,
                relative: year.is_none(),
            }
        }
        // Placed by `place_all` from another date of the text.
        DateExpr::FromTextDate(_) => relative(None, Day),
        DateExpr::MonthOfTextYear(_) => relative(None, Month),
        DateExpr::FromTextPeriod { unit, .. } => relative(
            None,
            match unit {
                PeriodUnit::Week => Week,
                PeriodUnit::Month => Month,
                PeriodUnit::Year => Year,
                PeriodUnit::Season => Interval,
            },
        ),
        DateExpr::PartOfDay => relative(anchor.map(calendar::day), Day),
        DateExpr::Vague => relative(None, Interval),
    }
}

/// A season as its three months: "2021-06/2021-09", a winter "2025-12/2026-03".
fn season_months(year: i32, first_month: u32) -> Option<String> {
    let start = NaiveDate::from_ymd_opt(year, first_month, 1)?;
    let end = calendar::add_months(start, 3)?;
    Some(format!(
        "{}/{}",
        calendar::month(start.year(), start.month()),
        calendar::month(end.year(), end.month())
    ))
}

/// The year a season without one begins in, from the anchor: the last one begun by it
/// (direction 0: "depuis le printemps"), the last one over (-1: "l'été dernier" written in
/// November is this year's), the next one to begin (+1, [`FUTURE`]: "d'ici l'été",
/// "l'été prochain"), or the one holding or nearest the anchor ([`THIS_WEEK`]: "cet hiver").
/// A season ends near the 21st of its last month (solstice or equinox).
fn season_year(first_month: u32, direction: i32, anchor: NaiveDate) -> Option<i32> {
    let start = |year: i32| NaiveDate::from_ymd_opt(year, first_month, 1);
    let over = |year: i32| calendar::add_days(calendar::add_months(start(year)?, 3)?, 20);
    let years = anchor.year() - 2..=anchor.year() + 1;
    match direction {
        -1 => years.rev().find(|&y| over(y).is_some_and(|d| d <= anchor)),
        1 | FUTURE => years
            .clone()
            .find(|&y| start(y).is_some_and(|d| d > anchor)),
        THIS_WEEK => years.min_by_key(|&y| {
            let (Some(from), Some(to)) = (start(y), over(y)) else {
                return i64::MAX;
            };
            if from <= anchor && anchor < to {
                0
            } else {
                (from - anchor)
                    .num_days()
                    .abs()
                    .min((to - anchor).num_days().abs())
            }
        }),
        _ => years.rev().find(|&y| start(y).is_some_and(|d| d <= anchor)),
    }
}

/// "les douze derniers mois" up to the month of `last` (its first day): `count` months.
fn last_months(count: u32, last: NaiveDate) -> Option<String> {
    let first = calendar::add_months(last, 1 - i64::from(count))?;
    Some(format!(
        "{}/{}",
        calendar::month(first.year(), first.month()),
        calendar::month(last.year(), last.month())
    ))
}

/// "jeudi 13": the date nearest `anchor` that is the 13th and a Thursday (such a day comes
/// back at least four weeks apart, so the nearest is the one meant).
fn nearest_weekday_day(weekday: u32, day: u32, anchor: NaiveDate) -> Option<NaiveDate> {
    (-45..=45)
        .filter_map(|offset| calendar::add_days(anchor, offset))
        .filter(|date| date.day() == day && calendar::weekday_number(*date) == weekday)
        .min_by_key(|date| (*date - anchor).num_days().abs())
}

/// Months `from..=to` of an explicit year or of the publication's year plus an offset.
fn month_span(from: u32, to: u32, year: &YearRef, anchor: Option<NaiveDate>) -> Placed {
    let resolved = match year {
        YearRef::Explicit(y) => Some(*y),
        YearRef::Relative(offset) => anchor.map(|a| a.year() + *offset as i32),
    };
    Placed {
        value: resolved.map(|y| format!("{}/{}", calendar::month(y, from), calendar::month(y, to))),
        granularity: Granularity::Interval,
        relative: matches!(year, YearRef::Relative(_)),
    }
}

/// Day and month without year: the year placing it nearest the anchor, or strictly before
/// ("dernier") or after ("prochain") it.
/// Days ahead of the report beyond which a year-less date with nothing announcing it ("du
/// 11 au 13 avril" in a December report in the past tense) is last year's rather than the
/// coming one: reports mostly tell what happened, and what is to come carries a future tense
/// or a scheduling word ([`DateCandidate::future`]).
const NEAR_FUTURE_DAYS: i64 = 31;

/// A year-less day and month: the nearest one, unless it lies more than [`NEAR_FUTURE_DAYS`]
/// on the side its tense rules out — ahead of a report telling the past (then the last one
/// before the report), or behind an announcement (then the next one after it).
fn year_less_day(day: u32, month: u32, announced: bool, anchor: NaiveDate) -> Option<NaiveDate> {
    let nearest = nearest_day_month(day, month, 0, anchor)?;
    let ahead = (nearest - anchor).num_days();
    if announced && ahead < -NEAR_FUTURE_DAYS {
        nearest_day_month(day, month, 1, anchor)
    } else if !announced && ahead > NEAR_FUTURE_DAYS {
        nearest_day_month(day, month, -1, anchor)
    } else {
        Some(nearest)
    }
}

fn nearest_day_month(day: u32, month: u32, direction: i32, anchor: NaiveDate) -> Option<NaiveDate> {
    let candidates = (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day));
    match direction {
        -1 => candidates.filter(|d| *d < anchor).max(),
        1 => candidates.filter(|d| *d > anchor).min(),
        _ => candidates.min_by_key(|d| (*d - anchor).num_days().abs()),
    }
}

/// The week `offset` weeks from the one holding `date`, Monday to Sunday, as an interval.
fn week_interval(date: NaiveDate, offset: i64) -> Option<String> {
    let monday = calendar::add_days(calendar::week_start(date)?, offset * 7)?;
    let sunday = calendar::add_days(monday, 6)?;
    Some(format!(
        "{}/{}",
        calendar::day(monday),
        calendar::day(sunday)
    ))
}
