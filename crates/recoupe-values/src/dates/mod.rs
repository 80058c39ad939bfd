//! The date stage: every date expression of a French news text, placed on the calendar.
//!
//! Two passes. The first recognises expressions on the token stream and records what each
//! one says (an explicit date, a weekday, "hier", "la semaine dernière", "entre mars 2021 et
//! mars 2022", "la veille", …), whether it is written with a demonstrative ("ce 4 décembre")
//! and whether the article announces it rather than reports it ("jusqu'au 2 novembre"). The
//! second places them: against `doc.meta.published` when known; otherwise against a
//! publication date inferred from the dates of the article's own events (see
//! [`infer_publication`]), written back to `doc.meta.published` with `DateSource::Inferred`
//! and the span it was read from. Without a publication date, the article's own explicit
//! year (see [`text_year`]) places year-less dates; a weekday with day and month takes the
//! most recent matching year up to the time of reading (`ingested_at`). Dates counted from
//! another date of the text ("la veille", "quatre jours après le massacre") are placed last.
//! With no anchor at all, relative expressions get `value: None`.

use chrono::NaiveDate;
use recoupe_model::{
    DateMention, DateSource, Document, Layer, Provenance, Published, Span, Stage, StageError,
};

use crate::lexicon::Lexicon;
use crate::tokens::tokenize;

mod place;
mod recognise;

pub use place::{dateline_publication, infer_publication, text_year, weekday_publication};
use place::{place_all, Context};
pub use recognise::recognise;
use recognise::EVENT_NEXT_DAY;
pub(crate) use recognise::STARTERS;

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
    /// Weekday and day of the month without month ("jeudi 13", "ce lundi 10"): the date
    /// nearest the anchor that falls on that weekday.
    WeekdayDay {
        weekday: u32,
        day: u32,
    },
    /// Day and month without year ("24 mars", "3 octobre dernier").
    DayMonth {
        day: u32,
        month: u32,
        direction: i32,
    },
    /// Two days ("du 3 au 5 mars"); year optional; the weekday written before the first day
    /// ("la nuit du samedi 21 au dimanche 22 novembre") places a year-less one as a weekday
    /// date does.
    DayInterval {
        from: (u32, u32),
        to: (u32, u32),
        year: Option<i32>,
        first_weekday: Option<u32>,
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
    /// A bare weekday ("mardi", "ce mercredi", "lundi dernier"); direction 0 (the last one up
    /// to the anchor), -1 ("dernier": before it, never the day just gone), +1, [`FUTURE`] (on
    /// or after it: a future tense, a schedule, an appeal "à manifester jeudi") or
    /// [`THIS_WEEK`] ("ce jeudi" with no past tense).
    Weekday {
        weekday: u32,
        direction: i32,
    },
    /// "dans la nuit de vendredi à samedi", "samedi et dimanche"; `ahead` when a future
    /// tense or a forecast places the two days after the anchor ("prévoit … vendredi et
    /// samedi"), else the last such days up to it.
    Night {
        from: u32,
        to: u32,
        ahead: bool,
    },
    /// Day offset from publication ("hier" -1, "aujourd'hui" 0).
    RelativeDay(i64),
    /// "la nuit dernière": the night that ended on the publication day, from the day before
    /// to it.
    LastNight,
    /// "au cours des dernières 24 heures", "les 48 dernières heures": the days up to the
    /// publication day, from that many days before it.
    LastDays(u32),
    /// "en octobre de la même année": the month of the year of the date the text gave just
    /// before.
    MonthOfTextYear(u32),
    /// "les douze derniers mois": the months before the publication month (or up to the end
    /// of the statistics period the text names before it, see `place_all`).
    LastMonths(u32),
    /// "les dix dernières années": the years before the publication year.
    LastYears(u32),
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
    /// Months `from..=to` of one year: "le premier trimestre 2018", "le second semestre".
    MonthSpan {
        from: u32,
        to: u32,
        year: YearRef,
    },
    /// "entre mars 2021 et mars 2022", "de janvier à avril": months with their years when
    /// written.
    MonthInterval {
        from: (u32, Option<i32>),
        to: (u32, Option<i32>),
    },
    /// Days from another date of the text: "la veille" (-1), "le lendemain" (+1), "ce
    /// jour-là" (0), "quatre jours après le massacre" (+4). The date is the nearest one
    /// before it in the text, else the first one after it in its sentence.
    FromTextDate(i64),
    /// A week, month or year counted from the date the text gave just before: "l'année
    /// suivante" (+1), "le mois précédent" (-1), "cette année-là" (0).
    FromTextPeriod {
        unit: PeriodUnit,
        offset: i64,
    },
    /// A season, the three months from `first_month` ("l'été 2021" = 2021-06/2021-09): with
    /// its year when written, else placed by `direction` like a bare month (0: the last one
    /// begun by the anchor, -1 "dernier": the last one over, +1 "prochain" or [`FUTURE`]: the
    /// next one to begin, [`THIS_WEEK`] "cet été": the one nearest the anchor).
    Season {
        first_month: u32,
        year: Option<i32>,
        direction: i32,
    },
    /// "ces derniers jours": a period no calendar date bounds.
    Vague,
    /// "dans la matinée", "en fin d'après-midi": a part of the day of the date just named in
    /// the sentence, else of the publication day.
    PartOfDay,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PeriodUnit {
    Week,
    Month,
    Year,
    /// A season of sport or a farming campaign written across two years ("la saison
    /// 2025-2026", "la campagne 2026-2027"): "la saison dernière" is the one before it.
    Season,
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
    /// Index of the sentence it starts in.
    pub sentence: usize,
    /// Written with a demonstrative ("ce 4 décembre", "ce mardi 14 mars"): it points at the
    /// time of the report, so only a publication date can give its year.
    pub deictic: bool,
    /// Announced rather than reported ("se poursuivront jusqu'au samedi 2 novembre", "prévu
    /// le 12 mars"): not evidence of when the article was written.
    pub future: bool,
    /// Told in a past tense: a past auxiliary or an imperfect before it in its clause ("les
    /// délégués avaient été informés la veille"). Such a date is not counted from a date the
    /// article announces.
    pub past: bool,
    /// Told in the pluperfect ("la Cour avait validé la loi le 11 décembre"): an earlier
    /// event the report recalls, so a year-less day ahead of the report is last year's.
    pub recalled: bool,
    /// Index of the candidate it is counted from when the text ties the two together: a
    /// relative day inside a quotation from the date of the speech clause around the
    /// quotation ("« nous partons demain », a déclaré mardi le chef" → the Wednesday), "la
    /// veille" from the date of its complement ("la veille du scrutin du 3 mai").
    pub anchor: Option<usize>,
    /// Written where a dispatch or a page states its own date: an agency dateline ("RAMADI
    /// (Irak), 13 mars (AMN) - …") or a publication stamp ("Publié le 03/02 à 09h47"). It is
    /// the publication date itself, not a date of the events told.
    pub dateline: bool,
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
        // The time of reading: the run's own date, which tests set through `ingested_at`.
        let today = doc.meta.ingested_at.date_naive();
        let text_year = text_year(&candidates, today);
        // A dateline or a page's stamp states the publication date: the report is of that
        // day, not possibly of the day after as when it is read from the events told.
        let mut stated = false;
        let published = match doc.meta.published {
            Some(published) => Some(published.date),
            None => {
                let from_line = dateline_publication(&candidates, text_year, today);
                stated = from_line.is_some();
                let inferred = from_line
                    .or_else(|| infer_publication(&candidates, text_year, today))
                    .or_else(|| weekday_publication(&candidates, today));
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
            inferred: !stated
                && doc
                    .meta
                    .published
                    .is_some_and(|p| p.source == DateSource::Inferred),
            text_year,
            today,
        };
        doc.layers.dates = placed_and_kept(candidates, &context)
            .map(|(candidate, placed)| DateMention {
                span: candidate.span,
                value: placed.value,
                granularity: placed.granularity,
                relative: placed.relative,
                provenance: Provenance::new(STAGE, candidate.rule),
            })
            .collect();
        doc.mark_produced(Layer::Dates);
        Ok(())
    }
}

/// The date expressions of `text` placed as if it had been published on `published` (read
/// on `today`): `(span, value)` in text order, as the stage would give them. For a reader
/// that knows when a text was written from elsewhere (the other reports of one story), when
/// the text itself does not say.
pub fn place_against(
    text: &str,
    published: NaiveDate,
    today: NaiveDate,
) -> Vec<(Span, Option<String>)> {
    let tokens = tokenize(text);
    let candidates = recognise(&tokens, Lexicon::builtin());
    let context = Context {
        published: Some(published),
        inferred: true,
        text_year: text_year(&candidates, today),
        today,
    };
    placed_and_kept(candidates, &context)
        .map(|(candidate, placed)| (candidate.span, placed.value))
        .collect()
}

/// The candidates placed on the calendar, without those the layer leaves out ([`kept`]):
/// the stage and [`place_against`] keep the same dates.
fn placed_and_kept(
    candidates: Vec<DateCandidate>,
    context: &Context,
) -> impl Iterator<Item = (DateCandidate, place::Placed)> {
    let placed = place_all(&candidates, context);
    let dated = dated_sentences(&candidates);
    candidates
        .into_iter()
        .zip(placed)
        .filter(move |(candidate, _)| kept(candidate, &dated))
}

/// The sentences that hold a date other than a part of the day.
fn dated_sentences(candidates: &[DateCandidate]) -> std::collections::HashSet<usize> {
    candidates
        .iter()
        .filter(|candidate| candidate.expr != DateExpr::PartOfDay)
        .map(|candidate| candidate.sentence)
        .collect()
}

/// A part of the day with no other date in its sentence ("le préfet s'est
/// rendu sur place dans la matinée") is a time of day the report does not date: no date of
/// the layer. With a date in its sentence, or announced ("sera organisé dans la matinée",
/// the morning of the report), it stays.
/// "au lendemain de" an event is kept only when the event's day was found.
fn kept(candidate: &DateCandidate, dated: &std::collections::HashSet<usize>) -> bool {
    if candidate.rule == EVENT_NEXT_DAY {
        return candidate.anchor.is_some();
    }
    candidate.expr != DateExpr::PartOfDay || candidate.future || dated.contains(&candidate.sentence)
}

/// Direction of a bare weekday governed by a future-tense verb ("prêtera serment mardi"):
/// the weekday on or after the anchor.
pub(crate) const FUTURE: i32 = 2;

/// Direction of a weekday written with a demonstrative and no past tense ("ce jeudi", "un
/// train sur quatre ce mercredi"): the day of the report's own week (Monday to Sunday), so
/// ahead of the report when later in the week; a Saturday or Sunday written on a Monday or
/// Tuesday is the week-end just past, a Monday written on a Sunday the next day.
pub(crate) const THIS_WEEK: i32 = 3;

/// Direction of a month after "depuis" ("depuis la mi-mars"): the last one begun by the
/// anchor, the anchor's own month included (unlike "mars dernier", which is over).
pub(crate) const SINCE: i32 = 4;

pub(crate) fn year_value(key: &str) -> Option<i32> {
    if key.len() == 4 && key.bytes().all(|b| b.is_ascii_digit()) {
        let year: i32 = key.parse().ok()?;
        (1800..=2100).contains(&year).then_some(year)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use recoupe_model::{Metadata, Origin, OriginKind};

    /// Runs the stage on `text` read on `today`, with an optional publication date; returns
    /// each date as `text = value` and the document.
    fn dates(text: &str, published: Option<&str>, today: &str) -> (Vec<String>, Document) {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date");
        let mut meta = Metadata::new(Origin {
            kind: OriginKind::Text,
            path: "test".into(),
            record: None,
        });
        meta.published = published.map(|date| Published {
            date: day(date),
            source: DateSource::Metadata,
            inferred_from: None,
        });
        meta.ingested_at = Utc.from_utc_datetime(&day(today).and_hms_opt(9, 0, 0).expect("time"));
        let mut doc = Document::new(text.to_string(), meta);
        DateStage.run(&mut doc).expect("dates run");
        let found = doc
            .layers
            .dates
            .iter()
            .map(|d| {
                let value = d.value.as_deref().unwrap_or("null");
                format!("{} = {value}", &doc.text[d.span.start..d.span.end])
            })
            .collect();
        (found, doc)
    }

    const TODAY: &str = "2026-12-06";

    #[test]
    fn issue13_la_stays_before_a_part_of_a_period() {
        // Only a leading "en", "le", "au", "depuis" are left out of a span: "la" stays, after
        // a preposition as well.
        let (found, _) = dates(
            "Le chantier durera jusqu'à la fin de l'année; la ligne est fermée depuis la fin mai et rouvrira à la mi-janvier. Depuis le début de l'année, trois accidents.",
            Some("2025-09-10"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "la fin de l'année = 2025",
                "la fin mai = 2025-05",
                "la mi-janvier = 2026-01",
                "début de l'année = 2025",
            ]
        );
    }

    #[test]
    fn issue13_a_month_set_as_a_deadline_with_pour_lies_ahead() {
        let (found, _) = dates(
            "Les premiers logements sont promis pour octobre, le permis est tombé en février.",
            Some("2025-03-02"),
            TODAY,
        );
        assert_eq!(found, ["octobre = 2025-10", "février = 2025-02"]);
    }

    #[test]
    fn issue13_a_weekday_bounding_the_present_lies_ahead() {
        // Written on a Thursday: "jusqu'à lundi" in the present tense is the coming Monday,
        // in a past tense the Monday gone.
        let (found, _) = dates(
            "Les écoles restent fermées jusqu'à lundi.",
            Some("2025-05-15"),
            TODAY,
        );
        assert_eq!(found, ["lundi = 2025-05-19"]);
        let (found, _) = dates(
            "Les coupures de courant ont duré jusqu'à lundi.",
            Some("2025-05-15"),
            TODAY,
        );
        assert_eq!(found, ["lundi = 2025-05-12"]);
        let (found, _) = dates(
            "Le stade sera ouvert au public à partir de samedi.",
            Some("2025-05-15"),
            TODAY,
        );
        assert_eq!(found, ["samedi = 2025-05-17"]);
    }

    #[test]
    fn issue13_relative_days_in_a_quotation_count_from_the_day_it_was_spoken() {
        // Published on a Friday; the quotation was spoken on the Wednesday.
        let (found, _) = dates(
            "« Les renforts sont arrivés hier soir », a affirmé mercredi le préfet. Il a ajouté qu'ils repartiraient demain.",
            Some("2025-04-11"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "hier soir = 2025-04-08",
                "mercredi = 2025-04-09",
                "demain = 2025-04-12"
            ]
        );
        // The speech clause before the quotation, in the same sentence.
        let (found, _) = dates(
            "Mardi, la maire a déclaré : « Nous rouvrirons l'école demain. »",
            Some("2025-04-11"),
            TODAY,
        );
        assert_eq!(found, ["Mardi = 2025-04-08", "demain = 2025-04-09"]);
        // No day in the speech clause: the publication date.
        let (found, _) = dates(
            "« Nous rouvrirons l'école demain », a déclaré la maire.",
            Some("2025-04-11"),
            TODAY,
        );
        assert_eq!(found, ["demain = 2025-04-12"]);
    }

    #[test]
    fn issue13_the_eve_of_a_dated_event_counts_from_its_date() {
        let (found, _) = dates(
            "Le 28 avril, les bureaux ont été fermés. Les affiches ont été arrachées la veille du scrutin du 3 mai.",
            Some("2025-05-06"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "28 avril = 2025-04-28",
                "la veille = 2025-05-02",
                "3 mai = 2025-05-03"
            ]
        );
    }

    #[test]
    fn issue13_the_eve_of_an_event_told_earlier_counts_from_its_day() {
        // Published on a Thursday: the strike was dated Tuesday, the statement Wednesday.
        let (found, _) = dates(
            "La grève a été déclenchée mardi à l'usine, a annoncé mercredi le syndicat. Un préavis avait été déposé la veille de la grève.",
            Some("2025-06-12"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "mardi = 2025-06-10",
                "mercredi = 2025-06-11",
                "la veille = 2025-06-09"
            ]
        );
    }

    #[test]
    fn issue13_two_weekdays_apart_are_two_dates_and_a_past_schedule_is_past() {
        // Written on a Wednesday: the storms expected are the coming days.
        let (found, _) = dates(
            "Des orages sont attendus samedi et lundi sur la côte.",
            Some("2025-06-11"),
            TODAY,
        );
        assert_eq!(found, ["samedi = 2025-06-14", "lundi = 2025-06-16"]);
        let (found, _) = dates(
            "La réunion, qui était prévue lundi, a été annulée.",
            Some("2025-06-11"),
            TODAY,
        );
        assert_eq!(found, ["lundi = 2025-06-09"]);
    }

    #[test]
    fn issue13_seven_is_no_september_and_forecasts_look_ahead() {
        // "sept" is the abbreviation of September only with a day or a year.
        let (found, _) = dates(
            "Le bilan faisait état de sept morts. Le 4 sept 2025, la crue avait tout emporté.",
            Some("2025-09-20"),
            TODAY,
        );
        assert_eq!(found, ["4 sept 2025 = 2025-09-04"]);
        // A forecast in the present tense ("prévoit") places its weekdays after the report.
        let (found, _) = dates(
            "Le service météo prévoit un ciel couvert pour vendredi et samedi.",
            Some("2025-03-12"),
            TODAY,
        );
        assert_eq!(found, ["vendredi et samedi = 2025-03-14/2025-03-15"]);
    }

    #[test]
    fn issue13_lists_that_look_ahead_and_year_less_days_told_in_the_past() {
        // Monday 10 March 2025: the Monday listed after "dès ce vendredi" is the next one.
        let (found, _) = dates(
            "Le syndicat appelle à cesser le travail dès ce vendredi, puis samedi et lundi. Il \
             manifestera dès jeudi et ce week-end.",
            Some("2025-03-10"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "ce vendredi = 2025-03-14",
                "samedi = 2025-03-15",
                "lundi = 2025-03-17",
                "jeudi = 2025-03-13",
                "ce week-end = 2025-03-15/2025-03-16"
            ]
        );
        // Told in the past in December, "du 11 au 13 avril" is last April; announced, the next.
        let (found, _) = dates(
            "La foire s'est tenue du 11 au 13 avril. La prochaine se tiendra du 9 au 11 avril.",
            Some("2025-12-10"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "du 11 au 13 avril = 2025-04-11/2025-04-13",
                "du 9 au 11 avril = 2026-04-09/2026-04-11"
            ]
        );
        // Two months after one cue, a night told with "ce", the weekend in Québec usage.
        let (found, _) = dates(
            "Il a plu en juin et juillet. Les pompiers sont sortis dans la nuit de samedi 8 à ce \
             dimanche 9 mars. La fin de semaine dernière a été calme.",
            Some("2025-03-10"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "juin = 2024-06",
                "juillet = 2024-07",
                "nuit de samedi 8 à ce dimanche 9 mars = 2025-03-08/2025-03-09",
                "La fin de semaine dernière = 2025-03-08/2025-03-09"
            ]
        );
    }

    #[test]
    fn issue13_weekday_date_takes_the_most_recent_year_up_to_reading() {
        // 14 March fell on a Tuesday in 2023 (and 2017, 2006): the most recent up to today.
        let (found, doc) = dates("Le scrutin s'est tenu ce mardi 14 mars.", None, TODAY);
        assert_eq!(found, ["ce mardi 14 mars = 2023-03-14"]);
        let published = doc.meta.published.expect("inferred");
        assert_eq!(published.date.to_string(), "2023-03-14");
        assert_eq!(published.source, DateSource::Inferred);
        let from = published.inferred_from.expect("evidence");
        assert_eq!(&doc.text[from.start..from.end], "ce mardi 14 mars");
        // An old year written in the text is history, not the article's year.
        let (found, _) = dates(
            "Le précédent remonte à 1968. Mercredi 4 décembre, les députés ont voté.",
            None,
            TODAY,
        );
        assert_eq!(found, ["1968 = 1968", "Mercredi 4 décembre = 2024-12-04"]);
    }

    #[test]
    fn issue13_the_articles_own_year_anchors_year_less_dates() {
        let (found, _) = dates(
            "La réforme votée en 2017 est entrée en vigueur. Mardi 14 mars, les syndicats ont défilé; ils défileront encore en juin.",
            None,
            TODAY,
        );
        assert_eq!(
            found,
            [
                "2017 = 2017",
                "Mardi 14 mars = 2017-03-14",
                "juin = 2017-06"
            ]
        );
        // With no weekday date, the year still places a month, but a date written with a
        // demonstrative points at the (unknown) time of writing.
        let (found, doc) = dates(
            "L'incendie du 24 août 2024 a détruit le marché. Ce 3 janvier, les commerçants attendent encore; en juin, ils avaient manifesté.",
            None,
            TODAY,
        );
        assert_eq!(
            found,
            [
                "24 août 2024 = 2024-08-24",
                "Ce 3 janvier = null",
                "juin = 2024-06"
            ]
        );
        assert!(
            doc.meta.published.is_none(),
            "a past event is no publication date"
        );
    }

    #[test]
    fn issue13_publication_is_the_latest_date_of_the_articles_own_events() {
        let (found, doc) = dates(
            "Le général, tué le 3 janvier 2020, était honoré ce mercredi 3 janvier. La loi n°1835 date de 2016. Jeudi, les hommages ont continué.",
            None,
            TODAY,
        );
        let published = doc.meta.published.expect("inferred");
        assert_eq!(published.date.to_string(), "2024-01-03");
        // The article may be from the day after its latest dated event: "Jeudi" is that day.
        assert!(
            found.contains(&"Jeudi = 2024-01-04".to_string()),
            "{found:?}"
        );
        assert!(!found.iter().any(|f| f.starts_with("1835")), "{found:?}");
        // Dates the article announces do not date it, unless they are all it gives.
        let (_, doc) = dates(
            "Le deuil national durera à partir du jeudi 31 octobre et se poursuivra jusqu'au samedi 2 novembre. Mercredi, le roi a parlé.",
            None,
            TODAY,
        );
        assert_eq!(
            doc.meta.published.expect("inferred").date.to_string(),
            "2024-10-30"
        );
    }

    #[test]
    fn issue13_intervals() {
        let (found, _) = dates(
            "Le tunnel a été fermé entre mars 2021 et mars 2022 puis de janvier à avril. Les dégâts datent d'entre le 27 et le 31 mars 2022.",
            Some("2026-06-10"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "entre mars 2021 et mars 2022 = 2021-03/2022-03",
                "de janvier à avril = 2026-01/2026-04",
                "entre le 27 et le 31 mars 2022 = 2022-03-27/2022-03-31"
            ]
        );
        let (found, _) = dates(
            "Des tirs ont visé la ville dans la nuit du 3 au 4 mai, puis de samedi à dimanche.",
            Some("2026-05-06"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "nuit du 3 au 4 mai = 2026-05-03/2026-05-04",
                "de samedi à dimanche = 2026-05-02/2026-05-03"
            ]
        );
        let (found, _) = dates(
            "La nuit du mercredi 2 au jeudi 3 octobre 2024, le quartier a brûlé.",
            None,
            TODAY,
        );
        assert_eq!(
            found,
            ["La nuit du mercredi 2 au jeudi 3 octobre 2024 = 2024-10-02/2024-10-03"]
        );
    }

    #[test]
    fn issue13_intervals_of_parts_of_months_and_lists_of_days() {
        let (found, _) = dates(
            "Il a plu sans arrêt entre mi-octobre et mi-novembre 2023; trois crues ont eu lieu les 13, 14 et 17 janvier, à la fin de l'année 2023 et au début de l'année 2024.",
            Some("2024-03-01"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "entre mi-octobre et mi-novembre 2023 = 2023-10/2023-11",
                "13, 14 et 17 janvier = 2024-01-13/2024-01-17",
                // "à la fin" keeps its article, "au début" has none to keep.
                "la fin de l'année 2023 = 2023",
                "début de l'année 2024 = 2024"
            ]
        );
    }

    #[test]
    fn issue13_coordinated_days_and_weekday_ranges() {
        let (found, _) = dates(
            "Les deux tours, le 30 juin et le 7 juillet 2024, ont eu lieu; le sommet s'est tenu mardi 11 et mercredi 12 mars, l'accueil est ouvert du lundi au vendredi, et les cours reprendront dès mardi, mi-2025.",
            Some("2025-03-14"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "30 juin = 2024-06-30",
                "7 juillet 2024 = 2024-07-07",
                "mardi 11 et mercredi 12 mars = 2025-03-11/2025-03-12",
                "du lundi au vendredi = 2025-03-10/2025-03-14",
                "mardi = 2025-03-18",
                "mi-2025 = 2025"
            ]
        );
    }

    #[test]
    fn issue13_parts_of_periods() {
        let (found, _) = dates(
            "Le chantier, lancé fin 2019, a repris au mois de mai puis mi-juin; un bilan est attendu début de l'année.",
            Some("2026-09-01"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "fin 2019 = 2019",
                "mois de mai = 2026-05",
                "mi-juin = 2026-06",
                "début de l'année = 2026"
            ]
        );
    }

    #[test]
    fn issue13_dates_counted_from_the_articles_own_dates() {
        let (found, _) = dates(
            "L'usine a fermé samedi 14 mars. La veille, une alerte avait été lancée; le lendemain, les ouvriers ont manifesté. Dix jours plus tard, l'enquête a commencé.",
            None,
            TODAY,
        );
        assert_eq!(
            found,
            [
                "samedi 14 mars = 2026-03-14",
                "La veille = 2026-03-13",
                "lendemain = 2026-03-15",
                "Dix jours plus tard = 2026-03-24"
            ]
        );
        let (found, _) = dates(
            "Il y a une dizaine de jours, le barrage a cédé; ces derniers jours, la décrue a commencé.",
            Some("2026-10-08"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "Il y a une dizaine de jours = 2026-09-28",
                "ces derniers jours = null"
            ]
        );
    }

    #[test]
    fn issue13_eve_and_morrow_of_an_event_are_no_dates() {
        let (found, _) = dates(
            "Samedi 14 mars, le barrage a cédé. Au lendemain du drame, un collectif a été créé; on est à la veille d'une crise.",
            None,
            TODAY,
        );
        assert_eq!(found, ["Samedi 14 mars = 2026-03-14"]);
    }

    #[test]
    fn issue13_months_look_back_or_ahead_from_their_cue() {
        let (found, _) = dates(
            "Les pertes s'accumulent depuis janvier; une décision est attendue avant fin juin et une baisse d'ici décembre.",
            Some("2026-02-05"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "janvier = 2026-01",
                "fin juin = 2026-06",
                "décembre = 2026-12"
            ]
        );
        let (found, _) = dates(
            "Plus de 500 personnes ont été tuées depuis janvier.",
            Some("2025-11-11"),
            TODAY,
        );
        assert_eq!(found, ["janvier = 2025-01"]);
    }

    #[test]
    fn issue13_a_month_aimed_at_with_pour_le_mois_de_lies_ahead() {
        let (found, _) = dates(
            "Les syndicats ont annoncé une journée de grève pour le mois de mars et une autre pour le mois de décembre.",
            Some("2026-11-03"),
            TODAY,
        );
        assert_eq!(
            found,
            ["mois de mars = 2027-03", "mois de décembre = 2026-12"]
        );
    }

    #[test]
    fn issue13_past_infinitives_weeks_and_days_to_come() {
        // "dès mardi" in a past infinitive is the Tuesday gone, after a past auxiliary the
        // day to come; "doivent être entendus lundi" lies ahead; "la fin de la semaine" is
        // the report's week.
        let (found, _) = dates(
            "Le maire dit avoir été prévenu dès mardi. Le syndicat a appelé à la grève dès vendredi. Trois témoins doivent être entendus lundi. Le rapport sera rendu d'ici à la fin de la semaine.",
            Some("2026-11-12"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "mardi = 2026-11-10",
                "vendredi = 2026-11-13",
                "lundi = 2026-11-16",
                "la fin de la semaine = 2026-11-09/2026-11-15"
            ]
        );
        // "prochain" after days keeps them ahead.
        let (found, _) = dates(
            "Un salon se tiendra du 8 au 10 mai prochain.",
            Some("2026-06-20"),
            TODAY,
        );
        assert_eq!(found, ["du 8 au 10 mai prochain = 2027-05-08/2027-05-10"]);
    }

    #[test]
    fn issue13_a_future_tense_reaches_a_quoted_date() {
        // Written in November: a quotation mark between the future verb and the date does not
        // end its clause, so the coming March is meant.
        let (found, _) = dates(
            "La commission examinera le dossier « dès la mi-mars », a promis la présidente. Le vote aura lieu « d'ici février ».",
            Some("2026-11-20"),
            TODAY,
        );
        assert_eq!(found, ["la mi-mars = 2027-03", "février = 2027-02"]);
    }

    #[test]
    fn issue13_a_demonstrative_weekday_is_the_day_of_the_reports_week() {
        // Written on a Tuesday (2026-11-24): "ce vendredi" with no past tense lies ahead in the
        // same week, "ce lundi" is the day before; "ce samedi" written early in the week is
        // the week-end gone; told in a past tense, "ce jeudi" is the one gone.
        let (found, _) = dates(
            "Nouvelle journée de blocage ce vendredi. Ce lundi, les gares étaient vides. Le concert de ce samedi a attiré du monde. Il a été entendu ce jeudi par les juges.",
            Some("2026-11-24"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "ce vendredi = 2026-11-27",
                "Ce lundi = 2026-11-23",
                "ce samedi = 2026-11-21",
                "ce jeudi = 2026-11-19",
            ]
        );
        // A past tense after the date says the same: the Friday gone; a future, the coming one.
        let (found, _) = dates(
            "Ce vendredi, la police a interpellé deux hommes. Ce vendredi, les routiers bloqueront le port.",
            Some("2026-11-24"),
            TODAY,
        );
        assert_eq!(
            found,
            ["Ce vendredi = 2026-11-20", "Ce vendredi = 2026-11-27"]
        );
        // Written on a Sunday, "ce lundi" is the next day.
        let (found, _) = dates("Les écoles rouvrent ce lundi.", Some("2026-11-29"), TODAY);
        assert_eq!(found, ["ce lundi = 2026-11-30"]);
    }

    #[test]
    fn issue13_a_weekday_in_an_appeal_or_invitation_lies_ahead() {
        // Written on a Friday (2026-10-16): the infinitive after "inviter à", "appeler à",
        // "menacer de", "décider de" tells what is still to come, whatever the tense of the
        // verb that governs it; a pluperfect tells of a day gone, and a weekday that dates
        // the speech verb itself stays in the past.
        let (found, _) = dates(
            "Le préfet a invité les éleveurs à lever leurs barrages lundi. Les collectifs appellent à se rassembler samedi devant la mairie. La direction a décidé de fermer l'usine mardi. Les routiers menacent de bloquer le port mercredi. Les pêcheurs avaient appelé à manifester jeudi; ils étaient 300. Le maire a annoncé jeudi une enquête.",
            Some("2026-10-16"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "lundi = 2026-10-19",
                "samedi = 2026-10-17",
                "mardi = 2026-10-20",
                "mercredi = 2026-10-21",
                "jeudi = 2026-10-15",
                "jeudi = 2026-10-15",
            ]
        );
    }

    #[test]
    fn issue13_the_eve_told_in_a_past_tense_is_not_counted_from_an_announced_day() {
        // Written on Thursday 2026-11-05: the hearing is announced for Monday; the staff
        // "had been told the day before" the report's own day, not the eve of that Monday.
        let (found, _) = dates(
            "La direction a confirmé ce jeudi la fermeture du site. Une audience doit se tenir lundi au tribunal. Les salariés avaient été prévenus la veille par courriel.",
            Some("2026-11-05"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "ce jeudi = 2026-11-05",
                "lundi = 2026-11-09",
                "la veille = 2026-11-04",
            ]
        );
        // Announced itself, the eve still counts from the announced day.
        let (found, _) = dates(
            "Le sommet est prévu lundi. La veille, les ministres se retrouveront à Rome.",
            Some("2026-11-05"),
            TODAY,
        );
        assert_eq!(found, ["lundi = 2026-11-09", "La veille = 2026-11-08"]);
    }

    #[test]
    fn issue13_a_weekday_with_dernier_is_never_the_day_before() {
        // Written on a Monday: "dimanche dernier" is the Sunday of the week before (the day
        // just gone would be "hier" or "dimanche"); "jeudi dernier" is the Thursday gone.
        let (found, _) = dates(
            "Dimanche dernier, la digue a cédé. Jeudi dernier, les pluies avaient commencé. Dimanche, l'eau est redescendue.",
            Some("2026-11-30"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "Dimanche dernier = 2026-11-22",
                "Jeudi dernier = 2026-11-26",
                "Dimanche = 2026-11-29",
            ]
        );
    }

    #[test]
    fn issue13_months_of_a_habit_are_no_dates() {
        // A sentence that tells what happens every year names a season of the year, not a
        // month on the calendar; a dated month or a month told once stays.
        let (found, _) = dates(
            "Le paludisme y frappe surtout entre juin et octobre, chaque année. Les criquets arrivent généralement en mars. En mars, un essaim a ravagé les cultures. D'habitude, la récolte de janvier 2025 suffit.",
            Some("2026-05-12"),
            TODAY,
        );
        assert_eq!(found, ["mars = 2026-03", "janvier 2025 = 2025-01"]);
    }

    #[test]
    fn issue13_a_part_of_a_month_keeps_its_direction() {
        // Written in March: "fin février dernier" is this February, "mi-décembre dernier"
        // last December; "dernier" stays in the span.
        let (found, _) = dates(
            "Fin février dernier, les négociations ont échoué; mi-décembre dernier, elles avaient repris. Le chantier s'achèvera début juin prochain.",
            Some("2025-03-12"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "Fin février dernier = 2025-02",
                "mi-décembre dernier = 2024-12",
                "début juin prochain = 2025-06",
            ]
        );
    }

    #[test]
    fn issue13_a_part_of_the_month_or_week_before() {
        let (found, _) = dates(
            "Au début du mois dernier, la digue a cédé. Les pluies ont cessé à la fin de la semaine dernière; une réunion aura lieu en début de semaine prochaine.",
            Some("2025-03-12"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "début du mois dernier = 2025-02",
                "la fin de la semaine dernière = 2025-03-03/2025-03-09",
                "début de semaine prochaine = 2025-03-17/2025-03-23",
            ]
        );
    }

    #[test]
    fn issue13_a_weekday_with_a_day_and_no_month() {
        // Written on Wednesday 12 March 2025: "jeudi 13" is tomorrow, "lundi 10" two days
        // ago, "samedi 1er" the first of the month; "samedi 3 buts" counts goals.
        let (found, _) = dates(
            "Jeudi 13, les enseignants défileront; lundi 10, ils avaient été reçus par le recteur. Le samedi 1er, une pétition a été lancée.",
            Some("2025-03-12"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "Jeudi 13 = 2025-03-13",
                "lundi 10 = 2025-03-10",
                "samedi 1er = 2025-03-01",
            ]
        );
        let (found, _) = dates(
            "L'attaquant a marqué samedi 3 buts.",
            Some("2025-03-12"),
            TODAY,
        );
        assert_eq!(found, ["samedi = 2025-03-08"]);
    }

    #[test]
    fn issue13_a_weekday_opening_a_clause_in_the_future_lies_ahead() {
        // Written on a Wednesday.
        let (found, _) = dates(
            "Vendredi, les dockers bloqueront le port. Lundi, la direction a reçu les syndicats. Samedi, une marche est prévue en ville. Le ministre ira jeudi à Dakar, puis vendredi à Abidjan.",
            Some("2025-03-12"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "Vendredi = 2025-03-14",
                "Lundi = 2025-03-10",
                "Samedi = 2025-03-15",
                "jeudi = 2025-03-13",
                "vendredi = 2025-03-14",
            ]
        );
    }

    #[test]
    fn issue13_last_night_and_months_counted_back() {
        let (found, _) = dates(
            "La nuit dernière, des pillards ont vidé l'entrepôt. Les loyers ont grimpé de 8 % au cours des douze derniers mois et les salaires de 2 % ces trois dernières années.",
            Some("2025-03-12"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "La nuit dernière = 2025-03-11/2025-03-12",
                "douze derniers mois = 2024-03/2025-02",
                "ces trois dernières années = 2022/2024",
            ]
        );
        // In a text about the figures of a quarter, months are counted back from its end.
        let (found, _) = dates(
            "Au premier trimestre, les ventes ont reculé de 3 %, et de 5 % sur les six derniers mois. Les exportations ont baissé de 2 % sur les douze derniers mois.",
            Some("2025-05-20"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "premier trimestre = 2025-01/2025-03",
                "six derniers mois = 2024-10/2025-03",
                "douze derniers mois = 2024-04/2025-03",
            ]
        );
    }

    #[test]
    fn issue13_more_ways_to_count_days_from_a_date() {
        let (found, _) = dates(
            "Voilà deux ans, la centrale a fermé. Il y a tout juste un mois, le site a été vendu. Le pont a cédé samedi 8 mars; 48 heures plus tard, les secours arrivaient, et deux jours plus tôt une alerte avait été donnée. Le jour suivant, la route a rouvert.",
            Some("2025-03-12"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "Voilà deux ans = 2023",
                "Il y a tout juste un mois = 2025-02",
                "samedi 8 mars = 2025-03-08",
                "48 heures plus tard = 2025-03-10",
                "deux jours plus tôt = 2025-03-06",
                "jour suivant = 2025-03-09",
            ]
        );
    }

    #[test]
    fn issue13_periods_counted_from_the_texts_own_date() {
        // "suivant", "précédent" and "-là" count from the date told before, not from the
        // report; "dernier", "prochain" from the report.
        let (found, _) = dates(
            "La digue a cédé en 2019. L'année suivante, une autre a été construite. Cette année-là, la ville a grandi. Le pont a été inauguré en juin 2021; le mois précédent, les essais avaient eu lieu. L'année prochaine, il sera rénové.",
            Some("2025-03-12"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "2019 = 2019",
                "L'année suivante = 2020",
                "Cette année-là = 2020",
                "juin 2021 = 2021-06",
                "mois précédent = 2021-05",
                "L'année prochaine = 2026",
            ]
        );
    }

    #[test]
    fn issue13_parts_of_a_dated_day_and_days_two_apart() {
        let (found, _) = dates(
            "Au matin du 3 mars, la rivière est sortie de son lit; quelques heures plus tard, la pluie a cessé. Le surlendemain, les secours ont évacué le quartier. L'avant-veille, une alerte avait été lancée.",
            Some("2025-03-12"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "matin du 3 mars = 2025-03-03",
                "quelques heures plus tard = 2025-03-03",
                "surlendemain = 2025-03-05",
                // Counted from the day named, as "la veille" and "le lendemain" are.
                "L'avant-veille = 2025-03-01",
            ]
        );
        // "le soir du scrutin" names an event, not a date.
        let (found, _) = dates(
            "Le soir du scrutin, la foule a envahi la place.",
            Some("2025-03-12"),
            TODAY,
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn issue13_a_weekday_after_the_noun_of_an_appeal_lies_ahead() {
        // Written on a Tuesday: the strike called for and the day prepared for are to come;
        // a weekday before "à" dates the appeal, and a pluperfect tells of a day gone.
        let (found, _) = dates(
            "Les syndicats appellent à une grève générale jeudi. Le pays se prépare à une journée de mobilisation vendredi. La CGT a appelé lundi à la grève. Les enseignants avaient appelé à une grève mercredi.",
            Some("2025-03-11"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "jeudi = 2025-03-13",
                "vendredi = 2025-03-14",
                "lundi = 2025-03-10",
                "mercredi = 2025-03-05",
            ]
        );
    }

    #[test]
    fn issue13_a_lieu_is_a_schedule_not_a_past() {
        // Written on a Tuesday: "a lieu" is the present of "avoir lieu", "a eu lieu" its past.
        let (found, _) = dates(
            "Le second tour a lieu ce dimanche. Dimanche, la finale a lieu à Lyon. La réunion a lieu jeudi. Le premier tour a eu lieu dimanche.",
            Some("2025-03-11"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "ce dimanche = 2025-03-16",
                "Dimanche = 2025-03-16",
                "jeudi = 2025-03-13",
                "dimanche = 2025-03-09",
            ]
        );
    }

    #[test]
    fn issue13_seasons_are_their_three_months() {
        // A season is the three months from its first; without a year it is placed like a
        // bare month (begun, over, to come), and "a été" stays a verb.
        let (found, _) = dates(
            "Les loyers montent depuis le printemps. Le club avait recruté l'été dernier un ailier, qui a été blessé. Le chantier finira d'ici l'été. Au printemps 2025, la gare fermait, et à l'automne 2023 aussi.",
            Some("2026-11-20"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "printemps = 2026-03/2026-06",
                "l'été dernier = 2026-06/2026-09",
                "l'été = 2027-06/2027-09",
                "printemps 2025 = 2025-03/2025-06",
                "l'automne 2023 = 2023-09/2023-12",
            ]
        );
    }

    #[test]
    fn issue13_a_bare_month_months_ahead_is_the_one_gone() {
        // Written in December, a bare "mars" is the March gone, not the coming one.
        let (found, _) = dates(
            "La société avait racheté un concurrent en mars.",
            Some("2026-12-03"),
            TODAY,
        );
        assert_eq!(found, ["mars = 2026-03"]);
    }

    #[test]
    fn issue13_a_weekday_bound_after_a_past_verb() {
        // Published on a Friday: a decision's bound lies ahead, "d'ici" always does, a
        // planned end ("devaient") too; what simply happened from a day on is gone.
        let (found, _) = dates(
            "Les grévistes ont voté jeudi la reconduction du mouvement jusqu'à lundi. Les rebelles ont revendiqué l'enlèvement dès mercredi. L'entraide s'est organisée dès mardi. L'agence a promis des renforts d'ici dimanche. Les réparations devaient s'achever samedi.",
            Some("2026-12-04"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "jeudi = 2026-12-03",
                "lundi = 2026-12-07",
                "mercredi = 2026-12-02",
                "mardi = 2026-12-01",
                "dimanche = 2026-12-06",
                "samedi = 2026-12-05",
            ]
        );
    }

    #[test]
    fn issue13_a_part_of_the_day_needs_a_date_of_its_sentence() {
        // "dans la matinée" with a day named in its sentence is that day; alone and told in
        // the past it is left out.
        let (found, _) = dates(
            "Le préfet s'est rendu sur place dans la matinée. Lundi, dans la matinée, le pont a cédé. La dette atteindra 4 milliards en 2028. Il a démissionné aujourd'hui.",
            Some("2026-12-02"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "Lundi = 2026-11-30",
                "la matinée = 2026-11-30",
                "2028 = 2028",
                "aujourd'hui = 2026-12-02",
            ]
        );
    }

    #[test]
    fn issue13_the_day_after_an_event_whose_day_is_named() {
        let (found, _) = dates(
            "Au lendemain d'un rassemblement qui a réuni mardi 900 agriculteurs, le blocage continue. Au lendemain du séisme, les secours manquaient.",
            Some("2026-12-04"),
            TODAY,
        );
        assert_eq!(found, ["lendemain = 2026-12-02", "mardi = 2026-12-01"]);
    }

    #[test]
    fn issue13_an_abbreviated_month_keeps_its_point() {
        let (found, _) = dates(
            "Mis en ligne le 1er déc. à 9 h. Le salon avait fermé le 3 mai.",
            Some("2026-12-01"),
            TODAY,
        );
        assert_eq!(found, ["1er déc. = 2026-12-01", "3 mai = 2026-05-03"]);
    }

    #[test]
    fn issue13_a_year_less_month_told_as_to_come_lies_ahead() {
        // A modal earlier in the sentence, a conditional, a bound in the present, an
        // announcement with "dès": the month ahead of the report, not last year's.
        let (found, _) = dates(
            "Le conseil doit encore trancher, lors de sa session de décembre, sur le second volet.",
            Some("2026-08-10"),
            TODAY,
        );
        assert_eq!(found, ["décembre = 2026-12"]);
        let (found, _) = dates(
            "Selon le maire, les chantiers reprendraient « avant la saison sèche de novembre ».",
            Some("2026-06-02"),
            TODAY,
        );
        assert_eq!(found, ["novembre = 2026-11"]);
        let (found, _) = dates(
            "Un moratoire sur les saisies s'applique jusqu'à la fin mars. Le bilan est attendu d'ici à la fin janvier.",
            Some("2026-11-20"),
            TODAY,
        );
        assert_eq!(found, ["la fin mars = 2027-03", "la fin janvier = 2027-01"]);
        let (found, _) = dates(
            "La préfecture a annoncé des contrôles renforcés dès le mois d'octobre. Les loyers avaient grimpé dès mars.",
            Some("2026-08-17"),
            TODAY,
        );
        assert_eq!(found, ["mois d'octobre = 2026-10", "mars = 2026-03"]);
    }

    #[test]
    fn issue13_a_month_that_lasted_or_began_stays_behind() {
        // A bound in a past tense tells what lasted; "depuis" takes the report's own month.
        let (found, _) = dates(
            "Les crues ont duré jusqu'à fin mars. Les coupures se répètent depuis la mi-novembre.",
            Some("2026-11-20"),
            TODAY,
        );
        assert_eq!(found, ["fin mars = 2026-03", "la mi-novembre = 2026-11"]);
    }

    #[test]
    fn issue13_a_year_less_interval_is_placed_by_its_first_day() {
        let (found, _) = dates(
            "Le procès reprend ensuite, avec une pause entre le 20 décembre et le 5 janvier.",
            Some("2026-11-24"),
            TODAY,
        );
        assert_eq!(
            found,
            ["entre le 20 décembre et le 5 janvier = 2026-12-20/2027-01-05"]
        );
    }

    #[test]
    fn issue13_a_day_told_in_the_pluperfect_is_not_ahead() {
        let (found, _) = dates(
            "Le tribunal avait rendu son verdict le 12 décembre.",
            Some("2026-11-20"),
            TODAY,
        );
        assert_eq!(found, ["12 décembre = 2025-12-12"]);
    }

    #[test]
    fn issue13_a_weekday_set_for_later_or_told_as_future_in_the_past() {
        // Written on a Saturday and on a Wednesday.
        let (found, _) = dates(
            "Le club a précisé que le gardien serait examiné lundi par le médecin.",
            Some("2026-11-21"),
            TODAY,
        );
        assert_eq!(found, ["lundi = 2026-11-23"]);
        let (found, _) = dates(
            "La direction a convoqué les délégués pour vendredi.",
            Some("2026-08-19"),
            TODAY,
        );
        assert_eq!(found, ["vendredi = 2026-08-21"]);
        // "mais" opens another clause: its future does not move the weekday before it.
        let (found, _) = dates(
            "Le parti a gagné le scrutin de dimanche, mais il devra chercher des alliés.",
            Some("2026-10-19"),
            TODAY,
        );
        assert_eq!(found, ["dimanche = 2026-10-18"]);
    }

    #[test]
    fn issue13_the_eve_in_the_morning_keeps_its_part_of_the_day() {
        let (found, _) = dates(
            "Le convoi est parti jeudi. Le maire avait été prévenu la veille au matin.",
            Some("2026-11-20"),
            TODAY,
        );
        assert_eq!(
            found,
            ["jeudi = 2026-11-19", "la veille au matin = 2026-11-18"]
        );
    }

    #[test]
    fn issue13_the_same_day_is_the_day_named_before() {
        let (found, _) = dates(
            "Le sommet s'est ouvert le 4 mars 2026 ; le même jour, la police a bouclé le centre. La veille du sommet, des heurts avaient éclaté.",
            None,
            TODAY,
        );
        assert_eq!(
            found,
            [
                "4 mars 2026 = 2026-03-04",
                "même jour = 2026-03-04",
                // Fronted and closed by a comma, the eve keeps its event (see
                // `widen_fronted_eves`).
                "La veille du sommet = 2026-03-03",
            ]
        );
    }

    #[test]
    fn issue13_a_year_keeps_the_part_written_before_it() {
        let (found, _) = dates(
            "Les travaux dureront jusqu'à la fin de 2027, après un retard pris début de 2026.",
            Some("2026-09-01"),
            TODAY,
        );
        assert_eq!(found, ["la fin de 2027 = 2027", "début de 2026 = 2026"]);
    }

    #[test]
    fn issue13_a_hedge_does_not_move_a_month_done() {
        // The conditional hedges a figure; the participle dates the report in the past.
        let (found, _) = dates(
            "La dette dépasserait 300 millions, d'après un audit publié en septembre.",
            Some("2026-11-28"),
            TODAY,
        );
        assert_eq!(found, ["septembre = 2026-09"]);
    }

    #[test]
    fn issue13_a_month_recalled_in_the_pluperfect_takes_the_year_of_its_sentence() {
        let (found, _) = dates(
            "En 2023, une grève avait paralysé le campus de février à mai. L'été 2022 avait été le plus sec, surtout entre juin et août.",
            Some("2026-01-29"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "2023 = 2023",
                "de février à mai = 2023-02/2023-05",
                "L'été 2022 = 2022-06/2022-09",
                "entre juin et août = 2022-06/2022-08",
            ]
        );
    }

    #[test]
    fn issue13_des_after_a_demand_or_an_announcement_lies_ahead() {
        let (found, _) = dates(
            "Le syndicat a réclamé une hausse du salaire minimum dès septembre.",
            Some("2026-07-24"),
            TODAY,
        );
        assert_eq!(found, ["septembre = 2026-09"]);
        let (found, _) = dates(
            "Le ministère a annoncé mercredi le recrutement de maîtres dès la rentrée de septembre.",
            Some("2026-11-19"),
            TODAY,
        );
        assert_eq!(found, ["mercredi = 2026-11-18", "septembre = 2027-09"]);
        let (found, _) = dates(
            "Le préfet a annoncé des contrôles « dès le mois de septembre ».",
            Some("2026-08-17"),
            TODAY,
        );
        assert_eq!(found, ["mois de septembre = 2026-09"]);
    }
    #[test]
    fn issue13_an_update_stamp_with_its_year_dates_the_page() {
        let (found, doc) = dates(
            "Inondations : trois morts\nMis à jour le 14/10/2026 à 09h10\nTrois personnes sont mortes mardi dans la crue.",
            None,
            TODAY,
        );
        assert_eq!(found, ["14/10/2026 = 2026-10-14", "mardi = 2026-10-13"]);
        assert_eq!(
            doc.meta.published.expect("from the stamp").date.to_string(),
            "2026-10-14"
        );
    }
    #[test]
    fn issue13_an_eve_opening_its_sentence_in_the_past_is_not_counted_from_an_announced_day() {
        let (found, _) = dates(
            "Le festival a ouvert ce vendredi 10 juillet et se tiendra jusqu'au 26 juillet. La veille, les bénévoles avaient monté les scènes.",
            Some("2026-07-10"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "ce vendredi 10 juillet = 2026-07-10",
                "26 juillet = 2026-07-26",
                "La veille = 2026-07-09"
            ]
        );
    }

    #[test]
    fn issue13_a_stamp_after_a_colon_dates_the_page() {
        let (found, doc) = dates(
            "Publié : 14.03.2026, 18:05\nLe club a gagné samedi soir son dernier match de la saison.",
            None,
            TODAY,
        );
        assert_eq!(
            found,
            ["14.03.2026 = 2026-03-14", "samedi soir = 2026-03-14"]
        );
        assert_eq!(
            doc.meta.published.map(|p| p.date.to_string()).as_deref(),
            Some("2026-03-14")
        );
    }

    #[test]
    fn issue13_a_dateline_without_year_may_follow_the_day_it_tells() {
        // The 9th of April is a Wednesday in 2025; the council met the evening before.
        let (found, _) = dates(
            "TOLIARA, 9 avril (ANTA) – Le conseil municipal a voté mardi soir le budget, \
             après le rejet de celui de janvier 2025.",
            None,
            TODAY,
        );
        assert_eq!(
            found,
            [
                "9 avril = 2025-04-09",
                "mardi soir = 2025-04-08",
                "janvier 2025 = 2025-01"
            ]
        );
    }

    #[test]
    fn issue13_the_day_after_an_undated_event_is_the_day_of_its_clause() {
        let (found, _) = dates(
            "Les commerces ont rouvert mardi à Tamatave, au lendemain de violentes pluies.",
            Some("2026-12-03"),
            TODAY,
        );
        assert_eq!(found, ["mardi = 2026-12-01", "lendemain = 2026-12-01"]);
    }

    #[test]
    fn issue13_a_fronted_eve_keeps_its_event_up_to_the_comma() {
        let (found, _) = dates(
            "Le budget a été voté le 12 mars. La veille du vote, des syndicats ont défilé.",
            Some("2026-03-20"),
            TODAY,
        );
        assert_eq!(
            found,
            ["12 mars = 2026-03-12", "La veille du vote = 2026-03-11"]
        );
    }

    #[test]
    fn issue13_an_appeal_bounds_a_day_ahead() {
        let (found, _) = dates(
            "Le syndicat a appelé à une grève illimitée à partir de lundi.",
            Some("2026-11-25"),
            TODAY,
        );
        assert_eq!(found, ["lundi = 2026-11-30"]);
    }

    #[test]
    fn issue13_the_last_season_is_the_one_before_the_season_written() {
        let (found, _) = dates(
            "Les coopératives attendent 900 tonnes pour la campagne 2027-2028, contre 700 la \
             saison dernière et 650 la saison précédente.",
            Some("2027-09-10"),
            TODAY,
        );
        assert_eq!(
            found,
            [
                "2027-2028 = 2027/2028",
                "la saison dernière = 2026/2027",
                "la saison précédente = 2026/2027"
            ]
        );
    }

    #[test]
    fn issue13_a_weekday_of_the_lead_on_a_day_written_with_its_year_dates_the_report() {
        // The 14th of June 2026 is a Sunday: the fair closed on its last day.
        let (found, doc) = dates(
            "La foire agricole a fermé ses portes dimanche soir, après s'être tenue du 5 au 14 \
             juin 2026 à Sikasso. L'an dernier, elle avait attiré moins de visiteurs.",
            None,
            TODAY,
        );
        assert_eq!(
            found,
            [
                "dimanche soir = 2026-06-14",
                "du 5 au 14 juin 2026 = 2026-06-05/2026-06-14",
                "L'an dernier = 2025"
            ]
        );
        assert_eq!(
            doc.meta.published.map(|p| p.date.to_string()).as_deref(),
            Some("2026-06-14")
        );
    }
}
