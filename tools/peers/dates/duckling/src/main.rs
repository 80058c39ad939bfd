//! Runs duckling (French, Time dimension) on each gold date text of the shared corpus with
//! the article's publication date as reference time, and prints value-exact accuracy.
//! Same protocol as run_dateparser.py: an article without publication date is given the
//! current date as reference (duckling cannot answer "unknown"), and the figure on the
//! subset of articles that have a publication date is printed too.

use std::path::PathBuf;

use chrono::{Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use duckling::{
    parse, Context, DimensionKind, DimensionValue, Grain, Lang, Locale, Options, TimePoint,
    TimeValue,
};
use serde_json::Value;

fn corpus_dir() -> PathBuf {
    // tools/peers/dates/duckling → repository root → ../shared/corpus
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../../../../../shared/corpus"))
}

fn naive(point: &TimePoint) -> (NaiveDateTime, Grain) {
    match point {
        TimePoint::Naive { value, grain } => (*value, *grain),
        TimePoint::Instant { value, grain } => (value.naive_local(), *grain),
    }
}

fn format_point(value: NaiveDateTime, grain: Grain) -> String {
    let date = value.date();
    match grain {
        Grain::Year => format!("{:04}", date.year()),
        Grain::Month | Grain::Quarter => format!("{:04}-{:02}", date.year(), date.month()),
        Grain::Week => {
            let end = date + Duration::days(6);
            format!("{}/{}", date.format("%Y-%m-%d"), end.format("%Y-%m-%d"))
        }
        _ => date.format("%Y-%m-%d").to_string(),
    }
}

/// Interval end is exclusive in duckling: step back one grain.
fn format_interval(from: &TimePoint, to: &TimePoint) -> String {
    let (start, grain) = naive(from);
    let (end, end_grain) = naive(to);
    let end_date = end.date();
    let inclusive = match end_grain {
        Grain::Year => NaiveDate::from_ymd_opt(end_date.year() - 1, 1, 1).unwrap_or(end_date),
        Grain::Month => end_date
            .checked_sub_months(chrono::Months::new(1))
            .unwrap_or(end_date),
        _ => end_date - Duration::days(1),
    };
    let end_text = format_point(inclusive.and_hms_opt(0, 0, 0).unwrap_or(end), end_grain);
    format!("{}/{}", format_point(start, grain), end_text)
}

fn resolve(text: &str, reference: NaiveDate) -> Option<String> {
    let locale = Locale::new(Lang::FR, None);
    let offset = FixedOffset::east_opt(0)?;
    let now = offset
        .with_ymd_and_hms(reference.year(), reference.month(), reference.day(), 12, 0, 0)
        .single()?;
    let context = Context::new(now, locale);
    // Latent readings included: duckling marks a bare year ("2014") as latent.
    let options = Options { with_latent: true };
    let entities = parse(text, &locale, &[DimensionKind::Time], &context, &options);
    // The longest match is duckling's reading of the whole expression.
    let best = entities.iter().max_by_key(|e| e.end - e.start)?;
    match &best.value {
        DimensionValue::Time(TimeValue::Single { value, .. }) => {
            let (v, g) = naive(value);
            Some(format_point(v, g))
        }
        DimensionValue::Time(TimeValue::Interval {
            from: Some(from),
            to: Some(to),
            ..
        }) => Some(format_interval(from, to)),
        DimensionValue::Time(TimeValue::Interval { from: Some(p), .. })
        | DimensionValue::Time(TimeValue::Interval { to: Some(p), .. }) => {
            let (v, g) = naive(p);
            Some(format_point(v, g))
        }
        _ => None,
    }
}

fn main() {
    let dir = corpus_dir();
    let Ok(gold_text) = std::fs::read_to_string(dir.join("gold.jsonl")) else {
        eprintln!("no corpus at {}; skipping", dir.display());
        return;
    };
    let mut published = std::collections::HashMap::new();
    if let Ok(articles) = std::fs::read_to_string(dir.join("articles.jsonl")) {
        for line in articles.lines().filter(|l| !l.trim().is_empty()) {
            if let Ok(record) = serde_json::from_str::<Value>(line) {
                let id = record["id"].as_str().unwrap_or_default().to_string();
                let date = record["published"]
                    .as_str()
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                published.insert(id, date);
            }
        }
    }
    let today = Utc::now().date_naive();
    let verbose = std::env::var_os("PEER_VERBOSE").is_some();
    let (mut total, mut right, mut sub_total, mut sub_right) = (0, 0, 0, 0);
    for line in gold_text.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(gold) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let id = gold["id"].as_str().unwrap_or_default();
        let anchor = published.get(id).copied().flatten();
        for item in gold["dates"].as_array().into_iter().flatten() {
            let text = item["text"].as_str().unwrap_or_default();
            let want = item["value"].as_str().map(str::to_string);
            let got = resolve(text, anchor.unwrap_or(today));
            let ok = got == want;
            total += 1;
            right += usize::from(ok);
            if anchor.is_some() {
                sub_total += 1;
                sub_right += usize::from(ok);
            }
            if verbose && !ok {
                println!("{id}: {text:?} want {want:?} got {got:?}");
            }
        }
    }
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    println!(
        "duckling 0.4 (fr): value-exact {right}/{total} = {:.3}; on articles with a publication date {sub_right}/{sub_total} = {:.3}",
        ratio(right, total),
        ratio(sub_right, sub_total)
    );
}
