//! Query-string parameters, parsed by hand so that every mistake is answered with the
//! parameter's name and what was wrong: unknown or repeated parameters, numbers out of
//! range, malformed dates. An empty value counts as absent (HTML forms send empty fields).

use chrono::NaiveDate;

use crate::error::ApiError;

/// Longest value accepted for any parameter.
pub const MAX_VALUE_CHARS: usize = 500;

#[derive(Debug, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Parses `raw` (the query string, without `?`), accepting only `allowed` names.
    pub fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (name, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            let name = name.into_owned();
            if !allowed.contains(&name.as_str()) {
                let known = if allowed.is_empty() {
                    "this endpoint takes no parameter".to_string()
                } else {
                    format!("known parameters: {}", allowed.join(", "))
                };
                return Err(ApiError::bad_parameter(
                    &clip(&name),
                    format!("unknown parameter ({known})"),
                ));
            }
            if value.chars().count() > MAX_VALUE_CHARS {
                return Err(ApiError::bad_parameter(
                    &name,
                    format!("longer than {MAX_VALUE_CHARS} characters"),
                ));
            }
            if pairs.iter().any(|(n, _)| *n == name) {
                return Err(ApiError::bad_parameter(&name, "given more than once"));
            }
            pairs.push((name, value.into_owned()));
        }
        Ok(Params { pairs })
    }

    /// The trimmed value, `None` when absent or empty.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    pub fn owned(&self, name: &str) -> Option<String> {
        self.text(name).map(str::to_string)
    }

    /// A whole number in `min..=max`, `default` when absent.
    pub fn number(
        &self,
        name: &str,
        min: usize,
        max: usize,
        default: usize,
    ) -> Result<usize, ApiError> {
        let Some(text) = self.text(name) else {
            return Ok(default);
        };
        match text.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad_parameter(
                name,
                format!(
                    "must be a whole number from {min} to {max}, got `{}`",
                    clip(text)
                ),
            )),
        }
    }

    /// A day `YYYY-MM-DD`; a year `YYYY` or a month `YYYY-MM` is read as its first day,
    /// or its last when `end` is set (so `to=2024` means "up to the end of 2024").
    pub fn date(&self, name: &str, end: bool) -> Result<Option<NaiveDate>, ApiError> {
        let Some(text) = self.text(name) else {
            return Ok(None);
        };
        parse_day(text, end).map(Some).ok_or_else(|| {
            ApiError::bad_parameter(
                name,
                format!(
                    "must be a date YYYY-MM-DD, YYYY-MM or YYYY, got `{}`",
                    clip(text)
                ),
            )
        })
    }

    /// `true`/`false`/`1`/`0`, `default` when absent.
    pub fn flag(&self, name: &str, default: bool) -> Result<bool, ApiError> {
        match self.text(name) {
            None => Ok(default),
            Some("true" | "1" | "yes" | "on") => Ok(true),
            Some("false" | "0" | "no" | "off") => Ok(false),
            Some(other) => Err(ApiError::bad_parameter(
                name,
                format!("must be true or false, got `{}`", clip(other)),
            )),
        }
    }

    /// One of `choices`, `None` when absent.
    pub fn choice(&self, name: &str, choices: &[&str]) -> Result<Option<String>, ApiError> {
        match self.text(name) {
            None => Ok(None),
            Some(value) if choices.contains(&value) => Ok(Some(value.to_string())),
            Some(other) => Err(ApiError::bad_parameter(
                name,
                format!(
                    "must be one of {}, got `{}`",
                    choices.join(", "),
                    clip(other)
                ),
            )),
        }
    }
}

/// Checks that `from` is not after `to`.
pub fn check_range(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<(), ApiError> {
    match (from, to) {
        (Some(f), Some(t)) if f > t => Err(ApiError::bad_parameter(
            "from",
            format!("{f} is after to={t}"),
        )),
        _ => Ok(()),
    }
}

fn parse_day(text: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let year = number(parts.first()?, 4)? as i32;
    match parts.len() {
        1 => {
            if end {
                NaiveDate::from_ymd_opt(year, 12, 31)
            } else {
                NaiveDate::from_ymd_opt(year, 1, 1)
            }
        }
        2 => {
            let month = number(parts[1], 2)?;
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            if end {
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)?
                };
                next.pred_opt()
            } else {
                Some(first)
            }
        }
        3 => NaiveDate::from_ymd_opt(year, number(parts[1], 2)?, number(parts[2], 2)?),
        _ => None,
    }
}

/// A value quoted back in an error, cut short.
pub fn clip(text: &str) -> String {
    const SHOWN: usize = 60;
    if text.chars().count() <= SHOWN {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(SHOWN).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_repeated_and_bad_values_name_the_parameter() {
        let err = Params::parse(Some("q=a&bogus=1"), &["q"]).unwrap_err();
        assert_eq!(err.parameter.as_deref(), Some("bogus"));
        let err = Params::parse(Some("q=a&q=b"), &["q"]).unwrap_err();
        assert_eq!(err.parameter.as_deref(), Some("q"));
        let params = Params::parse(Some("limit=0&from=2024-13-01"), &["limit", "from"]).unwrap();
        assert_eq!(
            params
                .number("limit", 1, 100, 20)
                .unwrap_err()
                .parameter
                .as_deref(),
            Some("limit")
        );
        assert_eq!(
            params.date("from", false).unwrap_err().parameter.as_deref(),
            Some("from")
        );
    }

    #[test]
    fn dates_of_any_precision() {
        let day = |s: &str, end| parse_day(s, end).map(|d| d.to_string());
        assert_eq!(day("2024", false).as_deref(), Some("2024-01-01"));
        assert_eq!(day("2024", true).as_deref(), Some("2024-12-31"));
        assert_eq!(day("2024-02", true).as_deref(), Some("2024-02-29"));
        assert_eq!(day("2024-12", true).as_deref(), Some("2024-12-31"));
        assert_eq!(day("2024-02-30", false), None);
        assert_eq!(day("24-02-01", false), None);
        assert_eq!(day("+2024", false), None);
    }

    #[test]
    fn empty_values_are_absent() {
        let params = Params::parse(Some("q=&outlet=+"), &["q", "outlet"]).unwrap();
        assert_eq!(params.text("q"), None);
        assert_eq!(params.text("outlet"), None);
    }
}
