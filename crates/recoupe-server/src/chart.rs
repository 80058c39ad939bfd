//! Counts over time as an SVG bar chart, drawn on the server (no script, no style
//! attribute, so the page's Content-Security-Policy holds).

use std::fmt::Write;

use crate::markup::escape;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 130.0;
const AXIS: f64 = 18.0;

/// Months (`YYYY-MM`) from the first to the last given, with the ones missing as zero;
/// by year when they span more than six years.
fn series(counts: &[(String, u64)]) -> Vec<(String, u64)> {
    let parse = |m: &str| -> Option<(i32, u32)> {
        let (y, mo) = m.split_once('-')?;
        Some((y.parse().ok()?, mo.get(..2)?.parse().ok()?))
    };
    let known: Vec<((i32, u32), u64)> = counts
        .iter()
        .filter_map(|(m, n)| parse(m).map(|k| (k, *n)))
        .collect();
    let (Some(first), Some(last)) = (
        known.iter().map(|(k, _)| *k).min(),
        known.iter().map(|(k, _)| *k).max(),
    ) else {
        return Vec::new();
    };
    if last.0 - first.0 > 6 {
        return (first.0..=last.0)
            .map(|y| {
                let n = known.iter().filter(|(k, _)| k.0 == y).map(|(_, n)| n).sum();
                (y.to_string(), n)
            })
            .collect();
    }
    let mut out = Vec::new();
    let (mut y, mut m) = first;
    while (y, m) <= last {
        let n = known
            .iter()
            .filter(|(k, _)| *k == (y, m))
            .map(|(_, n)| n)
            .sum();
        out.push((format!("{y:04}-{m:02}"), n));
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    out
}

/// A bar per period; each bar's tooltip gives the period and the count in `unit`, and
/// links to `href(period)` when given.
pub fn bars(counts: &[(String, u64)], unit: &str, href: impl Fn(&str) -> Option<String>) -> String {
    let series = series(counts);
    if series.is_empty() {
        return String::new();
    }
    let most = series.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1) as f64;
    // Bars no wider than a few characters, so one month does not fill the chart.
    let slot = (WIDTH / series.len() as f64).min(36.0);
    let gap = (slot * 0.15).min(2.0);
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" \
         role=\"img\" aria-label=\"{unit} over time\">"
    );
    let _ = write!(
        out,
        "<line class=\"axis\" x1=\"0\" y1=\"{0}\" x2=\"{WIDTH}\" y2=\"{0}\"/>",
        HEIGHT - AXIS
    );
    let mut last_label_x = f64::MIN;
    for (i, (period, n)) in series.iter().enumerate() {
        let x = i as f64 * slot;
        let h = (HEIGHT - AXIS - 12.0) * (*n as f64 / most);
        let y = HEIGHT - AXIS - h;
        let link = href(period);
        if let Some(link) = &link {
            out.push_str("<a href=\"");
            escape(link, &mut out);
            out.push_str("\">");
        }
        let _ = write!(
            out,
            "<rect class=\"bar\" x=\"{:.2}\" y=\"{y:.2}\" width=\"{:.2}\" height=\"{h:.2}\"><title>",
            x + gap / 2.0,
            (slot - gap).max(0.5)
        );
        escape(&format!("{period}: {n} {unit}"), &mut out);
        out.push_str("</title></rect>");
        if link.is_some() {
            out.push_str("</a>");
        }
        // The year at each new year (or each period, by year); with few months, each
        // month too.
        let is_year_start = period.len() == 4 || period.ends_with("-01") || i == 0;
        let label = if is_year_start {
            Some(period.get(..4).unwrap_or(period).to_string())
        } else if series.len() <= 24 {
            period.get(5..7).map(str::to_string)
        } else {
            None
        };
        if let Some(label) = label.filter(|_| x - last_label_x > 26.0) {
            let _ = write!(
                out,
                "<text class=\"tick\" x=\"{:.2}\" y=\"{:.2}\">",
                x + 1.0,
                HEIGHT - 4.0
            );
            escape(&label, &mut out);
            out.push_str("</text>");
            last_label_x = x;
        }
    }
    let _ = write!(
        out,
        "<text class=\"tick\" x=\"{WIDTH}\" y=\"10\" text-anchor=\"end\">max {most} {}</text></svg>",
        unit
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_months_are_zero() {
        let s = series(&[("2023-11".into(), 2), ("2024-02".into(), 1)]);
        let months: Vec<&str> = s.iter().map(|(m, _)| m.as_str()).collect();
        assert_eq!(months, ["2023-11", "2023-12", "2024-01", "2024-02"]);
        assert_eq!(s[1].1, 0);
    }

    #[test]
    fn long_spans_go_by_year() {
        let s = series(&[
            ("2010-03".into(), 2),
            ("2019-02".into(), 1),
            ("2019-05".into(), 4),
        ]);
        assert_eq!(s.len(), 10);
        assert_eq!(s.last().unwrap(), &("2019".to_string(), 5));
    }

    #[test]
    fn bars_link_and_escape() {
        let svg = bars(&[("2024-01".into(), 3)], "mentions", |p| {
            Some(format!("/x?m={p}&a=1"))
        });
        assert!(svg.contains("href=\"/x?m=2024-01&amp;a=1\""));
        assert!(svg.contains("2024-01: 3 mentions"));
        assert!(bars(&[], "mentions", |_| None).is_empty());
    }
}
