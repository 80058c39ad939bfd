//! Publication dates given as metadata strings.
//!
//! The date kept is the calendar date *as written by the source* (the local date of a
//! timestamp with an offset), because that is the date relative expressions in the article
//! ("hier", "mardi") are anchored on; converting to UTC would move late-evening reports to
//! the next day.

use chrono::{DateTime, NaiveDate};

/// Parses `YYYY-MM-DD`, ISO 8601/RFC 3339 timestamps (date part kept), RFC 2822 timestamps
/// (local date), `YYYY/MM/DD` and `YYYYMMDD`.
pub fn parse_published(value: &str) -> Option<NaiveDate> {
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
    fn rejects_non_dates() {
        assert_eq!(parse_published("2024-13-05"), None);
        assert_eq!(parse_published("hier"), None);
        assert_eq!(parse_published("2024-03-05garbage"), None);
        assert_eq!(parse_published(""), None);
    }
}
