//! Publication dates given as metadata strings.
//!
//! The date kept is the calendar date *as written by the source* (the local date of a
//! timestamp with an offset), because that is the date relative expressions in the article
//! ("hier", "mardi") are anchored on; converting to UTC would move late-evening reports to
//! the next day.

use chrono::{DateTime, NaiveDate};

/// Parses `YYYY-MM-DD`, ISO 8601/RFC 3339 timestamps (date part kept), RFC 2822 timestamps
/// (local date), `YYYY/MM/DD`, `YYYYMMDD`, and the French forms: day first (`05/03/2024`,
/// `5-3-2024`, `05.03.2024`, optionally followed by a time) and written out (`5 mars 2024`,
/// `mardi 5 mars 2024`, `1er mars 2024`). A numeric date is never read month first: a
/// `03/25/2024` is not a date.
pub fn parse_published(value: &str) -> Option<NaiveDate> {
    parse_iso_like(value).or_else(|| parse_french(value))
}

/// French month names (and common abbreviations), folded to ASCII lower case.
const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("fevrier", 2),
    ("fevr", 2),
    ("fev", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("aout", 8),
    ("septembre", 9),
    ("sept", 9),
    ("octobre", 10),
    ("oct", 10),
    ("novembre", 11),
    ("nov", 11),
    ("decembre", 12),
    ("dec", 12),
];

fn parse_french(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    // Day first with `/`, `-` or `.`; a time after a space or `T` is ignored.
    let date_part = value.split([' ', 'T']).next().unwrap_or(value);
    let numbers: Vec<&str> = date_part.split(['/', '-', '.']).collect();
    if numbers.len() == 3
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && numbers[0].len() <= 2
        && numbers[1].len() <= 2
        && numbers[2].len() == 4
    {
        let day = numbers[0].parse().ok()?;
        let month = numbers[1].parse().ok()?;
        let year = numbers[2].parse().ok()?;
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    // "mardi 5 mars 2024", "1er mars 2024 à 10h", "5 mars 2024, 10:00"
    let folded: String = value
        .to_lowercase()
        .replace(['é', 'è', 'ê'], "e")
        .replace('û', "u")
        .replace(',', " ");
    let words: Vec<&str> = folded.split_whitespace().collect();
    for window in words.windows(3) {
        let day = window[0].strip_suffix("er").unwrap_or(window[0]);
        let Ok(day) = day.parse::<u32>() else {
            continue;
        };
        let month_word = window[1].trim_end_matches('.');
        let Some(&(_, month)) = MONTHS.iter().find(|(name, _)| *name == month_word) else {
            continue;
        };
        let Ok(year) = window[2].parse::<i32>() else {
            continue;
        };
        if window[2].len() == 4 {
            return NaiveDate::from_ymd_opt(year, month, day);
        }
    }
    None
}

fn parse_iso_like(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    let bytes = value.as_bytes();
    if bytes.len() >= 10
        && bytes[4] == bytes[7]
        && (bytes[4] == b'-' || bytes[4] == b'/')
        && (bytes.len() == 10 || matches!(bytes[10], b'T' | b't' | b' '))
    {
        let format = if bytes[4] == b'-' {
            "%Y-%m-%d"
        } else {
            "%Y/%m/%d"
        };
        return NaiveDate::parse_from_str(&value[..10], format).ok();
    }
    if bytes.len() == 8 && bytes.iter().all(u8::is_ascii_digit) {
        return NaiveDate::parse_from_str(value, "%Y%m%d").ok();
    }
    if let Ok(timestamp) = DateTime::parse_from_rfc2822(value) {
        return Some(timestamp.date_naive());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn keeps_the_local_date_of_timestamps() {
        assert_eq!(parse_published("2024-03-05"), date(2024, 3, 5));
        assert_eq!(
            parse_published("2024-03-05T23:30:00+01:00"),
            date(2024, 3, 5)
        );
        assert_eq!(parse_published(" 2024-03-05 08:00:00 "), date(2024, 3, 5));
        assert_eq!(
            parse_published("Tue, 05 Mar 2024 00:30:00 +0100"),
            date(2024, 3, 5)
        );
        assert_eq!(parse_published("2024/03/05"), date(2024, 3, 5));
        assert_eq!(parse_published("20240305"), date(2024, 3, 5));
    }

    #[test]
    fn issue10_french_forms_are_read_day_first() {
        assert_eq!(parse_published("05/03/2024"), date(2024, 3, 5));
        assert_eq!(parse_published("5-3-2024"), date(2024, 3, 5));
        assert_eq!(parse_published("05.03.2024 14:30"), date(2024, 3, 5));
        assert_eq!(parse_published("25/12/2023"), date(2023, 12, 25));
        assert_eq!(parse_published("5 mars 2024"), date(2024, 3, 5));
        assert_eq!(parse_published("mardi 5 mars 2024"), date(2024, 3, 5));
        assert_eq!(parse_published("1er février 2024, 10:00"), date(2024, 2, 1));
        assert_eq!(parse_published("12 déc. 2023"), date(2023, 12, 12));
        // never month first
        assert_eq!(parse_published("03/25/2024"), None);
        assert_eq!(parse_published("31 février 2024"), None);
        assert_eq!(parse_published("05/03/24"), None);
    }

    #[test]
    fn rejects_non_dates() {
        assert_eq!(parse_published("2024-13-05"), None);
        assert_eq!(parse_published("hier"), None);
        assert_eq!(parse_published("2024-03-05garbage"), None);
        assert_eq!(parse_published(""), None);
    }
}
