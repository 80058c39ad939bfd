//! Calendar arithmetic used to place relative expressions.

use chrono::{Datelike, Days, Months, NaiveDate};

/// 1 = Monday … 7 = Sunday, as in resources/fr/dates.txt.
pub fn weekday_number(date: NaiveDate) -> u32 {
    date.weekday().number_from_monday()
}

pub fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

pub fn add_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let first = date.with_day(1)?;
    let count = u32::try_from(months.unsigned_abs()).ok()?;
    if months >= 0 {
        first.checked_add_months(Months::new(count))
    } else {
        first.checked_sub_months(Months::new(count))
    }
}

/// The latest date with weekday `weekday` that is on or before `anchor` (same day allowed),
/// or strictly before it when `strict`.
pub fn weekday_on_or_before(anchor: NaiveDate, weekday: u32, strict: bool) -> Option<NaiveDate> {
    let current = weekday_number(anchor) as i64;
    let mut back = (current - weekday as i64).rem_euclid(7);
    if strict && back == 0 {
        back = 7;
    }
    add_days(anchor, -back)
}

/// The earliest date with weekday `weekday` strictly after `anchor`.
pub fn weekday_after(anchor: NaiveDate, weekday: u32) -> Option<NaiveDate> {
    let current = weekday_number(anchor) as i64;
    let mut forward = (weekday as i64 - current).rem_euclid(7);
    if forward == 0 {
        forward = 7;
    }
    add_days(anchor, forward)
}

/// Monday of the ISO week containing `date`.
pub fn week_start(date: NaiveDate) -> Option<NaiveDate> {
    add_days(date, -(weekday_number(date) as i64 - 1))
}

pub fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub fn month(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

pub fn year(year: i32) -> String {
    format!("{year:04}")
}
