//! Recognising date expressions on the token stream: each rule reads what an expression
//! says ([`DateExpr`]), longest first at each position.

use chrono::{Datelike, NaiveDate};
use recoupe_model::Span;

use super::{year_value, DateCandidate, DateExpr, PeriodUnit, YearRef, FUTURE, SINCE, THIS_WEEK};
use crate::lexicon::Lexicon;
use crate::spelled::spelled_number;
use crate::tokens::{is_quote, Kind, Token};

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
    /// The tokens after candidate `before` and before candidate `after` (tokens are in text
    /// order, so two binary searches find them).
    fn between(&self, before: &DateCandidate, after: &DateCandidate) -> &'a [Token<'a>] {
        let from = self.tokens.partition_point(|t| t.start < before.span.end);
        let to = self.tokens.partition_point(|t| t.end <= after.span.start);
        &self.tokens[from..to.max(from)]
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
    /// The value of an approximate collective noun ("dizaine" → 10).
    fn lexicon_approx(&self, index: usize) -> Option<u32> {
        self.lexicon
            .approx_nouns
            .get(self.key(index))
            .map(|&v| v as u32)
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
        // Most words can start no date expression: one set lookup skips them.
        if tokens[i].kind == Kind::Word && !could_start(&cursor, i) {
            i += 1;
            continue;
        }
        match match_at(&cursor, i) {
            Some((end, expr, rule)) => {
                let end = with_abbreviation_point(&cursor, end);
                let deictic = matches!(cursor.key(i), "ce" | "cette" | "cet");
                // "du 3 au 5 juin prochain", "lundi prochain": a date said to come is
                // announced whatever the tense.
                let future = announced(&cursor, i)
                    || cursor
                        .key(end - 1)
                        .trim_end_matches('s')
                        .trim_end_matches('e')
                        == "prochain";
                let expr = match expr {
                    DateExpr::Month {
                        month,
                        direction: 0,
                    } => DateExpr::Month {
                        month,
                        direction: month_direction(&cursor, i),
                    },
                    other => other,
                };
                let counted_from_text = matches!(expr, DateExpr::FromTextDate(_));
                let dateline = matches!(expr, DateExpr::DayMonth { .. } | DateExpr::Full(_))
                    && dateline_at(&cursor, i, end, matches!(expr, DateExpr::Full(_)));
                found.push(DateCandidate {
                    span: cursor.span(i, end),
                    expr,
                    rule,
                    sentence: tokens[i].sentence,
                    deictic,
                    future,
                    // "La veille, des marches avaient été organisées": a day counted from
                    // another opens its sentence, and its verb comes after it.
                    past: past_tense_before(&cursor, i)
                        || counted_from_text && past_tense_after(&cursor, end),
                    recalled: pluperfect_in_sentence_before(&cursor, i),
                    anchor: None,
                    dateline,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    drop_habitual_months(&cursor, &mut found);
    lend_coordinated_years(&cursor, &mut found);
    lend_recalled_years(&cursor, &mut found);
    lend_coordinated_future(&cursor, &mut found);
    anchor_quoted_relative_days(&cursor, &mut found);
    anchor_days_to_their_complement(&cursor, &mut found);
    widen_fronted_eves(&cursor, &mut found);
    // Spans never include a leading "en", "le", "au", "depuis": no rule starts on them.
    found
}

type Match = (usize, DateExpr, &'static str);

/// Rule of "au lendemain de" + an event: a date only when its complement names the event's
/// day.
pub(crate) const EVENT_NEXT_DAY: &str = "next_day_of_event";

/// Words of a page's publication stamp before "le" and its date ("Publié le 03/02", "Mis à
/// jour le 03/02").
const STAMP_WORDS: [&str; 4] = ["publie", "jour", "modifie", "actualise"];

/// Whether the date starting at token `i` follows a publication or update stamp: "Publié le
/// 03/02", and the form of page headers that sets the date after a colon ("Publié : 21.11.2026",
/// "Mis à jour le : 3 mars 2026").
fn after_stamp(c: &Cursor, i: usize) -> bool {
    let stamp_at = |k: usize| c.is(k, &STAMP_WORDS);
    (i >= 2 && c.is(i - 1, &["le", ":"]) && stamp_at(i - 2))
        || (i >= 3 && c.is(i - 1, &[":"]) && c.is(i - 2, &["le"]) && stamp_at(i - 3))
}

/// Whether the date at tokens `i..end` (`with_year`: a full date) states when the text was
/// written: a publication or update stamp written with its year ("Publié le 4 oct. 2022"), or an agency dateline — a line opening with a
/// capitalised place ("RAMADI (Irak), 13 mars (AMN) - …", "Daloa, 5 mars 2026 (AIP) – …"),
/// a comma before the date, at most the agency in parentheses after it, then a dash.
fn dateline_at(c: &Cursor, i: usize, end: usize, with_year: bool) -> bool {
    // A stamp with its year dates the page; without it ("Publié le 26 juillet") the year is
    // left to the rest of the text, the real articles' gold reading no more into it. An
    // update stamp ("Mis à jour le 22/09/2026") dates it as well: a report is updated on the
    // days it tells ("lundi" is the Monday of that week).
    let stamp = after_stamp(c, i);
    if stamp {
        return with_year || c.year(end - 1).is_some();
    }
    if i == 0 || !c.is(i - 1, &[","]) {
        return false;
    }
    // After the date: "(AGENCY)" of a few tokens, then the dash.
    let mut after = end;
    if c.is(after, &["("]) {
        let close = (after + 1..(after + 6).min(c.tokens.len())).find(|&k| c.is(k, &[")"]));
        let Some(close) = close else {
            return false;
        };
        after = close + 1;
    }
    if !c
        .tokens
        .get(after)
        .is_some_and(|t| matches!(t.raw, "-" | "–" | "—"))
    {
        return false;
    }
    // Before it: the start of a line within a dozen tokens, opened by a capitalised word.
    let line_start = (i.saturating_sub(12)..i)
        .rev()
        .find(|&k| c.tokens[k].raw == "\n")
        .map(|k| k + 1)
        .or((i <= 12).then_some(0));
    line_start.is_some_and(|start| {
        c.tokens[start].capitalised
            && (start..i).all(|k| !matches!(c.tokens[k].raw, "." | "!" | "?" | ":" | "«" | "\""))
    })
}

/// A month written short ends with its abbreviation point ("1er déc.", "le 3 janv."): the
/// point glued to it belongs to the word, as in "M."; a full name ("le 3 mai.") ends a
/// sentence instead.
fn with_abbreviation_point(c: &Cursor, end: usize) -> usize {
    let last = &c.tokens[end - 1];
    let short = c.month(end - 1).is_some()
        && last.raw.chars().count() <= 4
        && !c.is(end - 1, &["mars", "mai", "juin", "aout"]);
    let glued_point = c
        .tokens
        .get(end)
        .is_some_and(|t| t.raw == "." && t.start == last.end);
    if short && glued_point {
        end + 1
    } else {
        end
    }
}

/// "dès ce vendredi, ce week-end et lundi", "mardi et mercredi prochains": a weekday listed
/// after a date that looks ahead (only commas, "et", "ou" and "puis" between the items of
/// the list) is the next such day after the anchor, and "ce week-end" the coming one. A list
/// that runs on into the following week ("jeudi, ce week-end et mardi") is not followed: its
/// last weekday is still the first one after the anchor.
fn lend_coordinated_future(c: &Cursor, found: &mut [DateCandidate]) {
    let looks_ahead = |candidate: &DateCandidate| {
        candidate.future
            || matches!(
                candidate.expr,
                DateExpr::Weekday {
                    direction: FUTURE | 1,
                    ..
                } | DateExpr::Night { ahead: true, .. }
            )
    };
    let mut list_ahead = found.first().is_some_and(looks_ahead);
    for k in 1..found.len() {
        let joined = || {
            let between = c.between(&found[k - 1], &found[k]);
            let joiner = |t: &Token| matches!(t.key.as_ref(), "," | "et" | "ou" | "puis");
            between.iter().all(joiner) || place_then_joiner(between)
        };
        if list_ahead && joined() {
            match &mut found[k].expr {
                DateExpr::Weekday { direction, .. } if *direction == 0 => *direction = 1,
                DateExpr::Night { ahead, .. } => *ahead = true,
                DateExpr::Weekend(offset) if *offset == 0 => *offset = 1,
                _ => {}
            }
            found[k].future = true;
        } else {
            list_ahead = looks_ahead(&found[k]);
        }
    }
}

/// "jeudi à Dakar, puis vendredi à Abidjan": between two dates of one list, the place (or
/// other complement) of the first — a preposition and a few words, no verb of a past tense
/// nor a clause boundary — then the joiner.
fn place_then_joiner(between: &[Token]) -> bool {
    const PREPOSITIONS: [&str; 9] = [
        "a", "au", "aux", "en", "dans", "chez", "pour", "sur", "devant",
    ];
    let (Some(first), Some(last)) = (between.first(), between.last()) else {
        return false;
    };
    between.len() <= 8
        && PREPOSITIONS.contains(&first.key.as_ref())
        && matches!(last.key.as_ref(), "," | "et" | "ou" | "puis")
        && between.iter().all(|t| {
            !matches!(t.raw, "." | ";" | ":" | "!" | "?")
                && !is_quote(t.raw)
                && !matches!(t.key.as_ref(), "que" | "qu'" | "qui")
                && !past_tense_word(t.key.as_ref(), t.raw)
        })
}

/// Whether a candidate names one day ("mardi", "le 3 mai", "hier"), which a date counted
/// from it can be placed against.
fn names_a_day(candidate: &DateCandidate) -> bool {
    matches!(
        candidate.expr,
        DateExpr::Full(_)
            | DateExpr::WeekdayDayMonth { .. }
            | DateExpr::WeekdayDay { .. }
            | DateExpr::DayMonth { .. }
            | DateExpr::Weekday { .. }
            | DateExpr::RelativeDay(_)
    )
}

/// The index of the first token of a candidate.
fn first_token(c: &Cursor, candidate: &DateCandidate) -> usize {
    c.tokens.partition_point(|t| t.start < candidate.span.start)
}

/// Whether the tokens `from..to` hold sentence-final punctuation or a quotation mark.
fn crosses_sentence_or_quote(c: &Cursor, from: usize, to: usize) -> bool {
    c.tokens[from.min(to)..to]
        .iter()
        .any(|t| matches!(t.raw, "." | "!" | "?") || is_quote(t.raw))
}

/// The opening and closing quotation marks around token `at`, when it stands inside a
/// quotation: « … », “ … ”, or straight quotes (an odd number of them before it).
fn quotation_around(c: &Cursor, at: usize) -> Option<(usize, usize)> {
    const REACH: usize = 150;
    let from = at.saturating_sub(REACH);
    let mut open = None;
    for k in (from..at).rev() {
        match c.tokens[k].raw {
            "«" | "“" => {
                open = Some(k);
                break;
            }
            "»" | "”" => return None,
            _ => {}
        }
    }
    let (open, closing): (usize, &[&str]) = match open {
        Some(open) => (open, &["»", "”"]),
        None => {
            let straight = c.tokens[..at].iter().filter(|t| t.raw == "\"").count();
            if straight % 2 == 0 {
                return None;
            }
            let open = (from..at).rev().find(|&k| c.tokens[k].raw == "\"")?;
            (open, &["\""])
        }
    };
    let close =
        (at..c.tokens.len().min(at + REACH)).find(|&k| closing.contains(&c.tokens[k].raw))?;
    Some((open, close))
}

/// "« Nous avons reçu l'ordre hier », a déclaré mardi le commandant": a relative day inside
/// a quotation counts from the day the quotation was spoken, when the speech clause right
/// around it (a few words after the closing mark, or before the opening one in the same
/// sentence) names that day.
fn anchor_quoted_relative_days(c: &Cursor, found: &mut [DateCandidate]) {
    const SPEECH_CLAUSE_WORDS: usize = 8;
    for k in 0..found.len() {
        if !matches!(found[k].expr, DateExpr::RelativeDay(_)) {
            continue;
        }
        let at = first_token(c, &found[k]);
        let Some((open, close)) = quotation_around(c, at) else {
            continue;
        };
        let after = (k + 1..found.len()).find(|&j| {
            let first = first_token(c, &found[j]);
            first > close
                && first - close <= SPEECH_CLAUSE_WORDS
                && names_a_day(&found[j])
                && !crosses_sentence_or_quote(c, close + 1, first)
        });
        let before = || {
            (0..k).rev().find(|&j| {
                let last = c.tokens.partition_point(|t| t.end <= found[j].span.end);
                last <= open
                    && open - last <= SPEECH_CLAUSE_WORDS
                    && c.tokens[open].sentence == found[j].sentence
                    && names_a_day(&found[j])
                    && !crosses_sentence_or_quote(c, last, open)
            })
        };
        found[k].anchor = after.or_else(before);
    }
}

/// "la veille du scrutin du 3 mai", "le lendemain de l'élection du dimanche 5 mars": a day
/// counted from another counts from the date of its own complement, when that follows
/// within a few words.
fn anchor_days_to_their_complement(c: &Cursor, found: &mut [DateCandidate]) {
    for k in 0..found.len() {
        // "au lendemain d'une manifestation qui a réuni jeudi": the event's own clause may
        // run a few words longer before its day.
        let (reach, event_noun) = if found[k].rule == EVENT_NEXT_DAY {
            (8, false)
        } else {
            (5, true)
        };
        if !matches!(found[k].expr, DateExpr::FromTextDate(_)) {
            continue;
        }
        let end = c.tokens.partition_point(|t| t.start < found[k].span.end);
        if !c.is(end, &["de", "du", "d'", "des"]) {
            continue;
        }
        let in_reach = |next: &DateCandidate| {
            let first = first_token(c, next);
            first > end
                && first - end <= reach
                && next.sentence == found[k].sentence
                && c.tokens[end..first].iter().all(|t| t.kind != Kind::Punct)
                && names_a_day(next)
        };
        if found.get(k + 1).is_some_and(in_reach) {
            found[k].anchor = Some(k + 1);
        } else if event_noun {
            found[k].anchor = anchor_of_event_noun(c, found, k, end);
        } else if let Some(day) = clause_day(found, k) {
            // "L'armée a été déployée lundi, au lendemain d'affrontements …": the event's
            // day is not written, but the clause dates what happened on the day after it,
            // which is that clause's own day.
            found[k].anchor = Some(day);
            found[k].expr = DateExpr::FromTextDate(0);
        }
    }
}

/// The day named by another date of candidate `k`'s sentence, not itself counted from a
/// date of the text: the nearest before it, else the first after it.
fn clause_day(found: &[DateCandidate], k: usize) -> Option<usize> {
    let fits = |j: &usize| {
        found[*j].sentence == found[k].sentence
            && names_a_day(&found[*j])
            && !matches!(found[*j].expr, DateExpr::FromTextDate(_))
    };
    (0..k)
        .rev()
        .find(fits)
        .or_else(|| (k + 1..found.len()).find(fits))
}

/// "La veille de l'annonce, une soirée a réuni …": a fronted "la veille" with its
/// complement up to the comma that closes it is one expression, its event included (the
/// complement was read for the anchor before, see `anchor_days_to_their_complement`).
fn widen_fronted_eves(c: &Cursor, found: &mut [DateCandidate]) {
    for index in 0..found.len() {
        let candidate = &found[index];
        if candidate.rule != "eve" {
            continue;
        }
        let first = first_token(c, candidate);
        let end = c.tokens.partition_point(|t| t.start < candidate.span.end);
        let opens_sentence = first == 0 || c.tokens[first - 1].sentence != c.tokens[first].sentence;
        if !opens_sentence || end != first + 2 || !c.is(end, &["de", "du", "d'", "des"]) {
            continue;
        }
        // Words only (no number, no date) up to the comma, within six tokens.
        let comma = (end + 1..(end + 8).min(c.tokens.len()))
            .take_while(|&k| c.tokens[k].kind != Kind::Alnum)
            .find(|&k| c.tokens[k].kind == Kind::Punct);
        let Some(comma) = comma.filter(|&k| c.is(k, &[","]) && k > end + 1) else {
            continue;
        };
        let widened = c.tokens[comma - 1].end;
        // A date of its own inside the complement ("la veille du scrutin de dimanche") stays
        // apart.
        let (from, to) = (candidate.span.end, widened);
        if !found
            .iter()
            .any(|o| o.span.start >= from && o.span.start < to)
        {
            found[index].span.end = widened;
        }
    }
}

/// "la veille de l'arrêt", after "le réacteur a été mis à l'arrêt mardi": the noun of the
/// complement names an event the text dated before; the day counts from the date nearest
/// that noun's last earlier mention whose sentence dates it.
fn anchor_of_event_noun(c: &Cursor, found: &[DateCandidate], k: usize, de: usize) -> Option<usize> {
    let article = usize::from(c.is(de + 1, &["l'", "la", "le", "les"]) && c.key(de) == "de");
    let noun = de + 1 + article;
    let token = c.tokens.get(noun)?;
    if token.kind != Kind::Word || token.capitalised || token.key.chars().count() < 4 {
        return None;
    }
    let start = first_token(c, &found[k]);
    (0..start)
        .rev()
        .filter(|&m| c.tokens[m].key == token.key)
        .find_map(|m| {
            let sentence = c.tokens[m].sentence;
            (0..k)
                .filter(|&j| found[j].sentence == sentence && names_a_day(&found[j]))
                .min_by_key(|&j| first_token(c, &found[j]).abs_diff(m))
        })
}

/// A month or a span of months with no year in a sentence that tells a habit ("chaque
/// année, principalement entre septembre et avril", "les pluies tombent généralement en
/// juillet"): a season of every year, not a date (dates.txt `[habitual]`).
fn drop_habitual_months(c: &Cursor, found: &mut Vec<DateCandidate>) {
    let habitual_sentence = |sentence: usize| {
        let from = c.tokens.partition_point(|t| t.sentence < sentence);
        let to = c.tokens.partition_point(|t| t.sentence <= sentence);
        (from..to).any(|k| {
            c.lexicon
                .habitual
                .iter()
                .any(|words| words.iter().enumerate().all(|(n, w)| c.key(k + n) == w))
        })
    };
    found.retain(|candidate| {
        let yearless = match &candidate.expr {
            DateExpr::Month { .. } => true,
            DateExpr::Season { year, .. } => year.is_none(),
            DateExpr::MonthInterval { from, to } => from.1.is_none() && to.1.is_none(),
            _ => false,
        };
        !(yearless && habitual_sentence(candidate.sentence))
    });
}

/// "En 2023, une grève avait paralysé l'université de février à mai", "L'été 2022 avait
/// été associé à 4 600 décès entre juin et août": a year-less month or span of months told
/// in the pluperfect, in a sentence whose time is set by a year written before it ("en
/// 2023", "l'année 2022", a season with its year), lies in that year, not the report's.
fn lend_recalled_years(c: &Cursor, found: &mut [DateCandidate]) {
    for k in 1..found.len() {
        if !found[k].recalled || found[k].future {
            continue;
        }
        let framing = (0..k)
            .rev()
            .take_while(|&j| found[j].sentence == found[k].sentence)
            .find_map(|j| match found[j].expr {
                DateExpr::Year(year) => {
                    let first = first_token(c, &found[j]);
                    let set = first > 0 && c.is(first - 1, &["en"]) || found[j].rule == "the_year";
                    set.then_some(year)
                }
                DateExpr::Season {
                    year: Some(year), ..
                } => Some(year),
                _ => None,
            });
        let Some(year) = framing else {
            continue;
        };
        found[k].expr = match found[k].expr {
            DateExpr::Month {
                month,
                direction: 0,
            } => DateExpr::MonthYear { month, year },
            DateExpr::MonthInterval {
                from: (from, None),
                to: (to, None),
            } => DateExpr::MonthInterval {
                from: (from, Some(year)),
                to: (to, Some(if to < from { year + 1 } else { year })),
            },
            ref other => other.clone(),
        };
    }
}

/// "le 30 juin et le 7 juillet 2024", "du 30 juin et du 7 juillet 2024": a day and month
/// coordinated with a full date take its year (the year before when the month is later).
fn lend_coordinated_years(c: &Cursor, found: &mut [DateCandidate]) {
    for k in 1..found.len() {
        let DateExpr::Full(date) = found[k].expr else {
            continue;
        };
        let DateExpr::DayMonth {
            day,
            month,
            direction: 0,
        } = found[k - 1].expr
        else {
            continue;
        };
        // Only "et" and an article between the two.
        let between: Vec<&str> = c
            .between(&found[k - 1], &found[k])
            .iter()
            .map(|t| t.key.as_ref())
            .collect();
        let joined = matches!(between.as_slice(), ["et"] | ["et", "le" | "du" | "au"]);
        let year = if month > date.month() {
            date.year() - 1
        } else {
            date.year()
        };
        if let (true, Some(full)) = (joined, NaiveDate::from_ymd_opt(year, month, day)) {
            found[k - 1].expr = DateExpr::Full(full);
        }
    }
}

/// Words, besides those of the calendar vocabulary and numbers, with which a rule of
/// [`match_at`] may start.
pub(crate) const STARTERS: [&str; 45] = [
    "nuit",
    "la",
    "l'",
    "le",
    "les",
    "premieres",
    "dernieres",
    "matinee",
    "soiree",
    "apres-midi",
    "journee",
    "aube",
    "de",
    "d'",
    "entre",
    "du",
    "lendemain",
    "ce",
    "cet",
    "cette",
    "ces",
    "jour",
    "un",
    "une",
    "derniers",
    "plus",
    "mois",
    "il",
    "dans",
    "week-end",
    "annees",
    "premier",
    "deuxieme",
    "second",
    "troisieme",
    "quatrieme",
    "dernier",
    "voila",
    "voici",
    "matin",
    "soir",
    "surlendemain",
    "avant-veille",
    "quelques",
    "meme",
];

/// Whether the word at `i` may start a date expression.
fn could_start(c: &Cursor, i: usize) -> bool {
    let key = c.key(i);
    c.lexicon.date_starters.contains(key)
        || key.starts_with("mi-")
        || key.contains('-')
            && key
                .split('-')
                .all(|part| c.lexicon.number_words.contains(part))
}

/// Direction of a bare month from the words before it: "depuis janvier", "dès mars" look
/// back (-1); "d'ici décembre", "avant fin juin" and a future tense look ahead, the current
/// month included ([`FUTURE`]); otherwise 0 (see `place`).
fn month_direction(c: &Cursor, i: usize) -> i32 {
    // "pour le mois de mars": the words before "le mois de".
    let skip = usize::from(c.is(i, &["mois"]) && i > 0 && c.is(i - 1, &["le"]));
    let previous = |k: usize| i.checked_sub(k + skip).map(|p| c.key(p)).unwrap_or("");
    // "depuis la mi-mars": the last one begun, this month included.
    if previous(1) == "depuis" {
        return SINCE;
    }
    // A future, a conditional or a modal of schedule earlier in the sentence ("doit se
    // prononcer, lors de sa session de décembre", "les travaux reprendraient avant la saison
    // des pluies de septembre").
    let prospective = future_tense_before(c, i) || prospective_verb_before(c, i);
    // "dès mars" looks back, unless a future tense, an announcement or a demand says it
    // starts ahead ("se saisira du texte dès la mi-mars", "a annoncé des contrôles dès le
    // mois de septembre", "réclame une hausse dès la rentrée de septembre").
    let since_when = previous(1) == "des"
        || matches!(previous(1), "de" | "d'") && (2..=4).any(|k| previous(k) == "des");
    if since_when {
        let announced = announcement_in_sentence_before(c, i);
        return if prospective || announced { FUTURE } else { -1 };
    }
    // "avant juin", "d'ici décembre", "prévu pour septembre": a deadline or a schedule; so
    // is a bound ("jusqu'à la fin février") unless its clause tells what lasted ("les pluies
    // ont duré jusqu'à fin mars").
    let bound_ahead = bounded(c, i) && (!past_tense_before(c, i) || decision_before(c, i));
    let ahead = matches!(previous(1), "avant" | "pour")
        || (previous(2), previous(1)) == ("d'", "ici")
        || bound_ahead;
    if ahead || prospective {
        FUTURE
    } else {
        0
    }
}

/// Whether a word of a decision or an announcement (`[decision_verb]` of dates.txt) or of a
/// demand or a call (`[prospective_governor]`: "réclame", "appelle") stands in the sentence
/// before token `i`, back over at most twelve words to a semicolon or a colon, across
/// quotation marks ("a annoncé des contrôles « dès le mois de septembre »"): what it
/// announces or asks for is to come.
fn announcement_in_sentence_before(c: &Cursor, i: usize) -> bool {
    let sentence = c.tokens.get(i).map(|t| t.sentence);
    (0..i)
        .rev()
        .take_while(|&k| {
            Some(c.tokens[k].sentence) == sentence && !matches!(c.tokens[k].raw, ";" | ":")
        })
        .filter(|&k| c.tokens[k].kind == Kind::Word)
        .take(12)
        .any(|k| {
            let token = &c.tokens[k];
            !token.capitalised
                && c.lexicon
                    .decision_verbs
                    .iter()
                    .chain(c.lexicon.prospective_governors.iter())
                    .any(|stem| token.key.starts_with(stem.as_str()))
        })
}

/// Words that read as a future or a conditional by their ending but are neither.
const NOT_CONDITIONAL: [&str; 8] = [
    "aurait", "auraient", "portrait", "retrait", "extrait", "attrait", "abstrait", "distrait",
];

/// Whether the sentence before token `i`, back to a semicolon, a colon or its start and
/// over at most `REACH` words, holds a future, a present conditional or a modal of
/// schedule ("doit", "devrait", "pourrait") with no past-tense verb nearer: what it tells
/// lies ahead. A past conditional ("aurait attaqué") tells an alleged past.
fn prospective_verb_before(c: &Cursor, i: usize) -> bool {
    const REACH: usize = 16;
    let sentence = c.tokens.get(i).map(|t| t.sentence);
    for index in (0..i).rev().take(REACH * 2) {
        let token = &c.tokens[index];
        if Some(token.sentence) != sentence || matches!(token.raw, ";" | ":") {
            return false;
        }
        if token.kind != Kind::Word || token.capitalised {
            continue;
        }
        let key = token.key.as_ref();
        // A past participle nearer the date dates what was done ("d'après un rapport
        // publié en septembre"), whatever the mood of the main verb.
        let participle = {
            let raw = token.raw.to_lowercase();
            let raw = raw.trim_end_matches('s');
            raw.ends_with('é') || raw.ends_with("ée")
        };
        if past_tense_word(key, token.raw) || participle {
            return false;
        }
        let conditional = (key.ends_with("rait") || key.ends_with("raient"))
            && key.chars().count() >= 6
            && !NOT_CONDITIONAL.contains(&key);
        let future = (key.ends_with("ra") && key.len() >= 4 && !NOT_FUTURE.contains(&key))
            || (key.ends_with("ront") && key.len() >= 6 && !NOT_FUTURE.contains(&key));
        let modal = matches!(
            key,
            "doit" | "doivent" | "devra" | "devront" | "pourra" | "pourront"
        );
        if conditional || future || modal {
            return true;
        }
    }
    false
}

/// Whether the expression at `i` announces a date to come: a future tense or a scheduling
/// word in its clause, or "jusqu'au", "à partir du", "à compter du", "d'ici".
fn announced(c: &Cursor, i: usize) -> bool {
    bounded(c, i) || future_tense_before(c, i) || prospective_infinitive_before(c, i)
}

/// Clitics and negation between "à"/"de" and an infinitive ("à se réunir", "de ne pas la
/// rouvrir").
const BEFORE_INFINITIVE: [&str; 14] = [
    "se", "s'", "le", "la", "les", "l'", "leur", "y", "en", "ne", "n'", "pas", "nous", "vous",
];

/// Words that end like infinitives.
const NOT_INFINITIVE: [&str; 9] = [
    "notre", "votre", "entre", "contre", "premier", "dernier", "hier", "autre", "mer",
];

/// Whether the expression at `i` stands in a complement that tells what is still to come:
/// "à"/"de" + infinitive, governed by a word of `[prospective_governor]` a few words before,
/// or "à" + noun governed by a word of `[prospective_noun_governor]` ("a invité les syndicats à reprendre le dialogue lundi", "appellent à manifester
/// ce jeudi"), with no pluperfect in the clause ("avaient appelé à manifester jeudi" is a day
/// gone). The clause runs back to a punctuation mark other than a quotation mark.
fn prospective_infinitive_before(c: &Cursor, i: usize) -> bool {
    const REACH: usize = 8;
    let start = i.saturating_sub(REACH);
    let in_clause = |index: usize| {
        let token = &c.tokens[index];
        token.kind != Kind::Punct || is_quote(token.raw)
    };
    let first = (start..i)
        .rev()
        .find(|&k| !in_clause(k))
        .map_or(start, |k| k + 1);
    let words: Vec<usize> = (first..i)
        .filter(|&k| c.tokens[k].kind == Kind::Word)
        .collect();
    let preposition = |k: usize| {
        let token = &c.tokens[k];
        (token.key == "a" && token.raw != "a") || matches!(token.key.as_ref(), "de" | "d'")
    };
    for (n, &k) in words.iter().enumerate() {
        let key = c.key(k);
        let infinitive = key.chars().count() >= 4
            && (key.ends_with("er") || key.ends_with("ir") || key.ends_with("re"))
            && !NOT_INFINITIVE.contains(&key);
        if !infinitive || c.tokens[k].capitalised {
            continue;
        }
        // Back over clitics to the preposition, then to the governing word.
        let mut m = n;
        while m > 0 && BEFORE_INFINITIVE.contains(&c.key(words[m - 1])) {
            m -= 1;
        }
        if m == 0 || !preposition(words[m - 1]) {
            continue;
        }
        let governed = words[m.saturating_sub(5)..m - 1].iter().any(|&g| {
            let key = c.key(g);
            c.lexicon
                .prospective_governors
                .iter()
                .any(|stem| key.starts_with(stem.as_str()))
        });
        if governed {
            return !pluperfect_in_sentence_before(c, i);
        }
    }
    // "appellent à une grève générale jeudi", "se prépare à une journée de grève jeudi": the
    // noun complement of an appeal or a preparation is an event to come.
    for (n, &k) in words.iter().enumerate() {
        let key = c.key(k);
        let governor = !c.tokens[k].capitalised
            && c.lexicon
                .prospective_noun_governors
                .iter()
                .any(|stem| key.starts_with(stem.as_str()));
        let Some(&to) = words.get(n + 1).filter(|_| governor) else {
            continue;
        };
        let noun_follows = preposition(to)
            && c.key(to) != "de"
            && c.key(to) != "d'"
            && words
                .get(n + 2)
                .is_some_and(|&a| matches!(c.key(a), "un" | "une" | "des" | "la" | "le" | "l'"))
            || matches!(c.key(to), "au" | "aux");
        let no_verb_between = words[n + 1..]
            .iter()
            .all(|&w| !past_tense_word(c.key(w), c.tokens[w].raw));
        if noun_follows && no_verb_between {
            return !pluperfect_in_sentence_before(c, i);
        }
    }
    false
}

/// Whether a pluperfect auxiliary ("avait", "avaient") stands before token `i` in its
/// sentence.
fn pluperfect_in_sentence_before(c: &Cursor, i: usize) -> bool {
    let sentence = c.tokens[i].sentence;
    (0..i)
        .rev()
        .take_while(|&k| c.tokens[k].sentence == sentence)
        .any(|k| match c.key(k) {
            "avait" | "avaient" => true,
            // "le procès s'était ouvert", "ils étaient partis": the auxiliary "être" with a
            // participle ("était de 12 morts" is an imperfect).
            "etait" | "etaient" => {
                k + 1 < i && {
                    let next = c.key(k + 1).trim_end_matches(['s', 'e']);
                    past_participle(c.tokens[k + 1].raw)
                        || ["ert", "ort", "eint", "aint"]
                            .iter()
                            .any(|end| next.ends_with(end))
                }
            }
            _ => false,
        })
}

/// Whether a bound opens the expression at `i`: "jusqu'au", "jusqu'à", "à partir du", "à
/// compter de", "d'ici".
fn bounded(c: &Cursor, i: usize) -> bool {
    let previous = |k: usize| i.checked_sub(k).map(|p| c.key(p)).unwrap_or("");
    matches!(previous(1), "jusqu'au" | "jusqu'a")
        // "d'ici à la fin janvier".
        || (previous(3), previous(2), previous(1)) == ("d'", "ici", "a")
        || matches!(
            (previous(2), previous(1)),
            ("jusqu'", "au" | "a") | ("d'", "ici")
        )
        || matches!(
            (previous(2), previous(1)),
            ("partir" | "compter", "du" | "de")
        )
}

/// Auxiliaries and forms of "être" and "avoir" that put a clause in a past tense ("ont
/// duré", "avait été", "étaient fermées").
const PAST_AUXILIARIES: [&str; 13] = [
    "a", "ont", "avait", "avaient", "eut", "eurent", "etait", "etaient", "fut", "furent",
    // First and second persons, in quotations ("nous avons retiré des corps jusqu'à mardi").
    "ai", "avons", "avez",
];

/// The tokens of the clause before token `i`, nearest first: back to the start of its
/// sentence, a semicolon, a colon, a quotation mark or a "que"/"qui" opening a subordinate
/// clause.
fn clause_before<'c>(c: &'c Cursor<'c>, i: usize) -> impl Iterator<Item = usize> + 'c {
    let sentence = c.tokens.get(i).map(|t| t.sentence);
    (0..i).rev().take_while(move |&index| {
        let token = &c.tokens[index];
        let clause_starts = matches!(token.raw, ";" | ":" | "«" | "»" | "\"")
            || matches!(token.key.as_ref(), "que" | "qu'" | "qui");
        Some(token.sentence) == sentence && !clause_starts
    })
}

/// Whether the clause before token `i` ([`clause_before`]) is told in a past tense: a past
/// auxiliary ("a", written without accent, is the verb, "à" the preposition) or an imperfect
/// ("restait", "duraient"; a conditional such as "resterait" is no past).
fn past_tense_before(c: &Cursor, i: usize) -> bool {
    clause_before(c, i).any(|index| {
        let token = &c.tokens[index];
        if token.kind != Kind::Word {
            return false;
        }
        let key = token.key.as_ref();
        (past_tense_word(key, token.raw) && !takes_place(c, index))
            // "s'est organisée", "se sont réunis": a pronominal verb in the passé composé.
            || (matches!(key, "est" | "sont")
                && index > 0
                && c.is(index - 1, &["s'", "se"])
                && c.tokens
                    .get(index + 1)
                    .is_some_and(|t| past_participle(t.raw)))
            // "affirme avoir reçu", "dit avoir été alertée": a past infinitive.
            || past_infinitive_at(c, index)
    })
}

/// Whether the clause after token `end` (to the end of its sentence, a semicolon, a colon,
/// a quotation mark or a "que"/"qui") holds a past auxiliary or an imperfect, as
/// [`past_tense_before`] reads them.
fn past_tense_after(c: &Cursor, end: usize) -> bool {
    let Some(sentence) = c.tokens.get(end.saturating_sub(1)).map(|t| t.sentence) else {
        return false;
    };
    (end..c.tokens.len())
        .take_while(|&index| {
            let token = &c.tokens[index];
            token.sentence == sentence
                && !matches!(token.raw, ";" | ":" | "«" | "»" | "\"")
                && !matches!(token.key.as_ref(), "que" | "qu'" | "qui")
        })
        .any(|index| {
            let token = &c.tokens[index];
            token.kind == Kind::Word
                && past_tense_word(token.key.as_ref(), token.raw)
                && !takes_place(c, index)
        })
}

/// Whether the clause before token `i` ([`clause_before`]) holds a participle of a decision
/// or an announcement (dates.txt `[decision_verb]`).
fn decision_before(c: &Cursor, i: usize) -> bool {
    clause_before(c, i).any(|index| {
        let token = &c.tokens[index];
        token.kind == Kind::Word
            && !token.capitalised
            && c.lexicon
                .decision_verbs
                .iter()
                .any(|stem| token.key.starts_with(stem.as_str()))
    })
}

/// Whether the clause before token `i` (back over at most eight words, to a punctuation
/// mark other than a quotation mark) holds a past infinitive.
fn past_infinitive_before(c: &Cursor, i: usize) -> bool {
    (i.saturating_sub(8)..i)
        .rev()
        .take_while(|&k| c.tokens[k].kind != Kind::Punct || is_quote(c.tokens[k].raw))
        .any(|k| past_infinitive_at(c, k))
}

/// "avoir reçu", "avoir été alertée": "avoir" and a past participle at `index`.
fn past_infinitive_at(c: &Cursor, index: usize) -> bool {
    c.is(index, &["avoir"])
        && c.tokens
            .get(index + 1)
            .is_some_and(|t| past_participle(t.raw))
}

/// Whether a word has the shape of a past participle ("été", "reçu", "pris", "alertés");
/// the accent of "-é" tells it from "une", and "lieu", "du", "peu" are no participles.
fn past_participle(raw: &str) -> bool {
    let word = raw.to_lowercase();
    let word = word.trim_end_matches('s');
    let accented = word.ends_with('é') || word.ends_with("ée");
    let short = ["i", "u", "it"].iter().any(|end| word.ends_with(end))
        && word.chars().count() >= 2
        && !matches!(
            word,
            "lieu" | "du" | "peu" | "plu" | "tu" | "tou" | "qui" | "si" | "ni" | "lui"
        );
    accented || short
}

/// Whether the word at `index` is the "a" or "ont" of "a lieu", "ont lieu": the present of
/// "avoir lieu", a schedule ("le scrutin a lieu dimanche"), no past auxiliary ("a eu lieu").
fn takes_place(c: &Cursor, index: usize) -> bool {
    c.is(index, &["a", "ont"]) && c.tokens[index].raw != "à" && c.is(index + 1, &["lieu"])
}

fn match_at(c: &Cursor, i: usize) -> Option<Match> {
    match_night(c, i)
        .or_else(|| match_part_of_day_alone(c, i))
        .or_else(|| match_part_of_day(c, i))
        .or_else(|| match_interval(c, i))
        .or_else(|| match_from_text_date(c, i))
        .or_else(|| match_vague(c, i))
        .or_else(|| match_last_period(c, i))
        .or_else(|| match_weekday(c, i))
        .or_else(|| match_earlier(c, i))
        .or_else(|| match_period_part(c, i))
        .or_else(|| match_first_months(c, i))
        .or_else(|| match_quarter(c, i))
        .or_else(|| match_same_year(c, i))
        .or_else(|| match_holiday(c, i))
        .or_else(|| match_day_month(c, i))
        .or_else(|| match_numeric(c, i))
        .or_else(|| match_month(c, i))
        .or_else(|| match_season(c, i))
        .or_else(|| match_relative(c, i))
        .or_else(|| match_year(c, i))
}

/// "de 2014 à 2017", "entre 2015 et 2018", "du 3 au 5 mars [2019]", "du 28 février au 2 mars",
/// "entre le 27 et le 31 mars 2022", "entre mars 2021 et mars 2022", "de janvier à avril",
/// "de samedi à dimanche", "entre samedi soir et dimanche matin".
fn match_interval(c: &Cursor, i: usize) -> Option<Match> {
    if c.is(i, &["de", "d'", "entre"]) {
        let joiner: &[&str] = if c.key(i) == "entre" { &["et"] } else { &["a"] };
        if let Some(from) = c.year(i + 1) {
            if c.is(i + 2, joiner) {
                let to = c.year(i + 3)?;
                // "entre 2000 et 2500 soldats" is a count, not a period.
                if to > from && !count_noun_at(c, i + 4) {
                    return Some((i + 4, DateExpr::YearInterval(from, to), "year_interval"));
                }
            }
            return None;
        }
        return match_month_interval(c, i, joiner)
            .or_else(|| match_weekday_interval(c, i, joiner))
            .or_else(|| {
                c.is(i, &["entre"])
                    .then(|| match_day_interval(c, i + 1, &["le"], &["et"], &["le"]))
                    .flatten()
            });
    }
    if c.is(i, &["du"]) {
        return match_day_interval(c, i + 1, &[], &["au"], &[])
            .or_else(|| match_weekday_interval(c, i, &["au"]));
    }
    None
}

/// The days of "[le] [mardi] 27 [mars] et|au [le] [jeudi] 31 mars [2022]" from `at`, the
/// word before each day being optional.
fn match_day_interval(
    c: &Cursor,
    at: usize,
    before_first: &[&str],
    joiner: &[&str],
    before_second: &[&str],
) -> Option<Match> {
    let skip = |index: usize, words: &[&str]| {
        let index = if c.is(index, words) { index + 1 } else { index };
        if c.weekday(index).is_some() {
            index + 1
        } else {
            index
        }
    };
    let first = skip(at, before_first);
    let day_from = c.day(first)?;
    let (month_from, next) = match c.month(first + 1) {
        Some(m) => (Some(m), first + 2),
        None => (None, first + 1),
    };
    if !c.is(next, joiner) {
        return None;
    }
    let second = skip(next + 1, before_second);
    let day_to = c.day(second)?;
    let month_to = c.month(second + 1)?;
    let year = c.year(second + 2);
    let end = if year.is_some() {
        second + 3
    } else if c.direction(second + 2) == Some(1) {
        // "du 3 au 5 juin prochain": the word stays in the span, and the days lie ahead
        // (the recogniser marks the candidate announced).
        second + 3
    } else {
        second + 2
    };
    Some((
        end,
        DateExpr::DayInterval {
            from: (day_from, month_from.unwrap_or(month_to)),
            to: (day_to, month_to),
            year,
            first_weekday: (first > at).then(|| c.weekday(first - 1)).flatten(),
        },
        "day_interval",
    ))
}

/// "entre mars 2021 et mars 2022", "de janvier à avril", "d'avril à juin 2023", "entre
/// mi-octobre et mi-novembre 2023", "de début mars à fin mai".
fn match_month_interval(c: &Cursor, i: usize, joiner: &[&str]) -> Option<Match> {
    // A month, possibly "mi-", "début" or "fin" of it: its number and the index past it.
    let month_at = |index: usize| -> Option<(u32, usize)> {
        let key = c.key(index);
        if let Some(rest) = key.strip_prefix("mi-") {
            return c.lexicon.months.get(rest).map(|&m| (m, index + 1));
        }
        if c.is(index, &["debut", "fin"]) {
            return c.month(index + 1).map(|m| (m, index + 2));
        }
        (key.len() >= 3)
            .then(|| c.month(index))
            .flatten()
            .map(|m| (m, index + 1))
    };
    let (from, next) = month_at(i + 1)?;
    let from_year = c.year(next);
    let at = if from_year.is_some() { next + 1 } else { next };
    if !c.is(at, joiner) {
        return None;
    }
    let (to, next) = month_at(at + 1)?;
    let to_year = c.year(next);
    let end = if to_year.is_some() { next + 1 } else { next };
    Some((
        end,
        DateExpr::MonthInterval {
            from: (from, from_year),
            to: (to, to_year),
        },
        "month_interval",
    ))
}

/// "de samedi à dimanche", "entre samedi soir et dimanche matin": two days of one week.
fn match_weekday_interval(c: &Cursor, i: usize, joiner: &[&str]) -> Option<Match> {
    let part = |index: usize| {
        if c.lexicon.day_parts.contains(c.key(index)) {
            index + 1
        } else {
            index
        }
    };
    let from = c.weekday(i + 1)?;
    let at = part(i + 2);
    if !c.is(at, joiner) {
        return None;
    }
    let to = c.weekday(at + 1)?;
    // "de lundi à vendredi 12 mars" is a day interval, read elsewhere.
    if c.day(at + 2).is_some() {
        return None;
    }
    Some((
        part(at + 2),
        DateExpr::Night {
            from,
            to,
            ahead: future_tense_before(c, i),
        },
        "weekday_interval",
    ))
}

/// "la veille", "le lendemain", "ce jour-là", "le jour même", "quatre jours après le
/// massacre", "deux jours plus tard", "une vingtaine de jours après": days from another date
/// of the text. "la veille du scrutin" (a named event, not a date) is left alone.
fn match_from_text_date(c: &Cursor, i: usize) -> Option<Match> {
    // "la veille" keeps its article; "le lendemain" drops it (as "le" always is). "la veille
    // de l'arrêt" is the day before the arrêt, dated earlier in the text; but the locutions
    // "à la veille de" and "au lendemain de" speak of an event, not of a day.
    let event_follows = |at: usize| c.is(at, &["de", "du", "d'", "des"]);
    let locution = |at: usize| at > 0 && c.is(at - 1, &["a", "au"]);
    if c.is(i, &["la"]) && c.is(i + 1, &["veille"]) && !(locution(i) && event_follows(i + 2)) {
        let end = if c.is(i + 2, &["au"]) && c.is(i + 3, &["soir", "matin"]) {
            i + 4
        } else {
            i + 2
        };
        return Some((end, DateExpr::FromTextDate(-1), "eve"));
    }
    if c.is(i, &["lendemain"]) {
        // "au lendemain d'une manifestation qui a réuni jeudi …": the day after an event
        // whose day its complement names; kept only when that date is found (see
        // `anchor_days_to_their_complement`).
        let rule = if locution(i) && event_follows(i + 1) {
            EVENT_NEXT_DAY
        } else {
            "next_day"
        };
        return Some((i + 1, DateExpr::FromTextDate(1), rule));
    }
    // "le surlendemain" (two days after), "l'avant-veille" (two days before; the elided
    // article stays, as "la" stays in "la veille").
    if c.is(i, &["surlendemain"]) && !(locution(i) && event_follows(i + 1)) {
        return Some((i + 1, DateExpr::FromTextDate(2), "next_day"));
    }
    if c.is(i, &["l'"]) && c.is(i + 1, &["avant-veille"]) && !event_follows(i + 2) {
        return Some((i + 2, DateExpr::FromTextDate(-2), "eve"));
    }
    // "quelques heures plus tard": the same day as the date told before.
    if c.is(i, &["quelques"])
        && c.is(i + 1, &["heures"])
        && c.is(i + 2, &["plus"])
        && c.is(i + 3, &["tard"])
    {
        return Some((i + 4, DateExpr::FromTextDate(0), "days_from_text_date"));
    }
    if c.is(i, &["ce"]) && c.is(i + 1, &["jour-la"]) {
        return Some((i + 2, DateExpr::FromTextDate(0), "that_day"));
    }
    if c.is(i, &["jour"]) && c.is(i + 1, &["meme"]) {
        return Some((i + 2, DateExpr::FromTextDate(0), "that_day"));
    }
    // "le même jour" ("le" left out, as always).
    if c.is(i, &["meme"]) && c.is(i + 1, &["jour"]) && !c.is(i + 2, &["de", "du", "d'"]) {
        return Some((i + 2, DateExpr::FromTextDate(0), "that_day"));
    }
    // "le jour suivant", "le jour précédent": "lendemain" and "veille" in other words.
    if c.is(i, &["jour"]) && c.is(i + 1, &["suivant", "precedent"]) {
        let offset = if c.key(i + 1) == "suivant" { 1 } else { -1 };
        return Some((i + 2, DateExpr::FromTextDate(offset), "next_day"));
    }
    // "[une vingtaine de | quatre] jours après|plus tard|avant [le massacre]".
    let approx = || {
        let approx = c
            .is(i, &["une"])
            .then(|| c.lexicon_approx(i + 1))
            .flatten()?;
        c.is(i + 2, &["de", "d'"]).then_some((approx, i + 3))
    };
    let (count, unit_at) = approx().or_else(|| c.small_number(i).filter(|(n, _)| *n > 0))?;
    // "un an plus tôt", "deux mois plus tard": the year or month of the date told before.
    let period = match c.key(unit_at) {
        "an" | "ans" | "annee" | "annees" => Some(PeriodUnit::Year),
        "mois" => Some(PeriodUnit::Month),
        _ => None,
    };
    if let Some(unit) = period {
        let at = unit_at + 1;
        if c.is(at, &["plus"]) && c.is(at + 1, &["tard", "tot"]) {
            let sign = if c.key(at + 1) == "tard" { 1 } else { -1 };
            let offset = sign * i64::from(count);
            return Some((
                at + 2,
                DateExpr::FromTextPeriod { unit, offset },
                "period_from_text_date",
            ));
        }
        return None;
    }
    let offset = match c.key(unit_at) {
        "jours" | "jour" => i64::from(count),
        "semaines" | "semaine" => i64::from(count) * 7,
        // "48 heures plus tard": whole days only.
        "heures" if count % 24 == 0 => i64::from(count / 24),
        _ => return None,
    };
    let at = unit_at + 1;
    let (sign, end) = if c.is(at, &["plus"]) && c.is(at + 1, &["tard", "tot"]) {
        let sign = if c.key(at + 1) == "tard" { 1 } else { -1 };
        (sign, at + 2)
    } else if c.is(at, &["apres", "avant"]) {
        let sign = if c.key(at) == "apres" { 1 } else { -1 };
        // The event it counts from: "après le massacre", "avant l'attaque".
        let noun = if c.is(at + 1, &["le", "la", "les", "l'", "cette", "ce", "cet"]) {
            at + 2
        } else {
            return None;
        };
        let is_word = c.kind(noun) == Some(Kind::Word) && !c.tokens[noun].capitalised;
        if !is_word {
            return None;
        }
        (sign, noun + 1)
    } else {
        return None;
    };
    Some((
        end,
        DateExpr::FromTextDate(sign * offset),
        "days_from_text_date",
    ))
}

/// "ces derniers jours", "au cours des derniers jours", "ces dernières semaines": a period
/// no calendar date bounds (value null). "ces" stays, "les"/"des" do not.
fn match_vague(c: &Cursor, i: usize) -> Option<Match> {
    let at = if c.is(i, &["ces"]) { i + 1 } else { i };
    let vague =
        c.is(at, &["derniers", "dernieres"]) && c.is(at + 1, &["jours", "semaines", "heures"]);
    // "les douze derniers mois" carries a count and is left alone.
    let counted = i > 0 && c.small_number(i - 1).is_some();
    (vague && !counted).then_some((at + 2, DateExpr::Vague, "vague"))
}

/// "les douze derniers mois", "ces six derniers mois", "les dix dernières années": the
/// months (years) counted back from the report. The span starts at the number ("les",
/// "des" are left out; "ces" stays, as in "ces derniers jours").
fn match_last_period(c: &Cursor, i: usize) -> Option<Match> {
    // "au cours des dernières 24 heures": whole days back from the report.
    if c.is(i, &["dernieres"]) && c.is(i + 2, &["heures"]) {
        let (hours, _) = c.small_number(i + 1)?;
        return (hours > 0 && hours % 24 == 0 && hours <= 96).then_some((
            i + 3,
            DateExpr::LastDays(hours / 24),
            "last_period",
        ));
    }
    let at = if c.is(i, &["ces"]) { i + 1 } else { i };
    let (count, next) = c.small_number(at)?;
    let expr = match (c.key(next), c.key(next + 1)) {
        ("derniers", "mois") if (2..=60).contains(&count) => DateExpr::LastMonths(count),
        ("dernieres", "annees") if (2..=50).contains(&count) => DateExpr::LastYears(count),
        ("dernieres", "heures") if count > 0 && count % 24 == 0 && count <= 96 => {
            DateExpr::LastDays(count / 24)
        }
        _ => return None,
    };
    Some((next + 2, expr, "last_period"))
}

/// Nouns for a part of the day that head a date ("matinée de ce dimanche 8 décembre", "au
/// matin du 3 mars", "le soir du scrutin" is no date).
const DAY_PARTS: [&str; 8] = [
    "matinee",
    "soiree",
    "apres-midi",
    "journee",
    "nuit",
    "aube",
    "matin",
    "soir",
];

/// "matinée de ce dimanche 8 décembre 2024", "soirée de mercredi", "premières heures de
/// dimanche": the date they belong to, the span from the part of the day. "dans la matinée",
/// "en fin d'après-midi", "en début de soirée": a part of the day without its date.
fn match_part_of_day(c: &Cursor, i: usize) -> Option<Match> {
    // "premières heures de", "dernières heures de".
    let inner = if c.is(i, &["premieres", "dernieres"]) && c.is(i + 1, &["heures"]) {
        i + 2
    } else {
        DAY_PARTS
            .iter()
            .find_map(|noun| article_before_part(c, i, noun))?
            + 1
    };
    if c.is(inner, &["de", "du", "d'"]) {
        let at = inner + 1;
        // "dans la nuit de ce vendredi 8 à samedi 9": the demonstrative opens the date.
        if c.is(inner - 1, &["nuit"]) && c.is(at, &["ce"]) {
            return None;
        }
        // The rule of the date inside is kept: a weekday date is evidence of publication.
        return match_weekday(c, at).or_else(|| match_day_month(c, at));
    }
    None
}

/// "dans la matinée": the article stays ("la matinée"). The evening, the afternoon and
/// parts of them ("en fin de journée") are mostly a time of the day already dated, and are
/// left alone.
fn match_part_of_day_alone(c: &Cursor, i: usize) -> Option<Match> {
    let alone = i > 0
        && c.is(i - 1, &["dans"])
        && c.is(i, &["la", "l'"])
        && c.is(i + 1, &["matinee"])
        && !c.is(i + 2, &["de", "du", "d'"]);
    alone.then_some((i + 2, DateExpr::PartOfDay, "part_of_day_alone"))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tense {
    Past,
    Future,
}

/// The first tense marked in the clause that goes on after token `end` (up to eight words,
/// to a semicolon, a colon or a "que"/"qui"): a past auxiliary or imperfect, or a future, a
/// conditional of schedule ("devrait") or a scheduling participle ("est prévue").
fn tense_after(c: &Cursor, end: usize) -> Option<Tense> {
    let sentence = c.tokens.get(end).map(|t| t.sentence)?;
    for (index, token) in c.tokens[end..]
        .iter()
        .enumerate()
        .map(|(k, t)| (end + k, t))
        .take_while(|(_, t)| t.sentence == sentence)
        .filter(|(_, t)| t.kind == Kind::Word || matches!(t.raw, ";" | ":"))
        .take(8)
    {
        let key = token.key.as_ref();
        if takes_place(c, index) {
            return Some(Tense::Future);
        }
        // "mais" opens another clause ("… de dimanche, mais il devra …").
        if matches!(token.raw, ";" | ":") || matches!(key, "que" | "qu'" | "qui" | "mais") {
            return None;
        }
        let future = !token.capitalised
            && ((key.ends_with("ra") && key.len() >= 4 && !NOT_FUTURE.contains(&key))
                || key == "ira"
                || key.ends_with("ront")
                || matches!(
                    key,
                    "doit"
                        | "doivent"
                        | "devrait"
                        | "devraient"
                        | "va"
                        | "vont"
                        | "prevu"
                        | "prevue"
                        | "prevus"
                        | "prevues"
                ));
        if future {
            return Some(Tense::Future);
        }
        if past_tense_word(key, token.raw) {
            return Some(Tense::Past);
        }
    }
    None
}

/// "nuit de vendredi à samedi", "nuit du vendredi au samedi", "nuit du 3 au 4 mai", "nuit du
/// mercredi 2 au jeudi 3 octobre 2024": one interval. A leading "la" stays unless a
/// preposition comes before it ("La nuit du 3 au 4 mai, …" but "dans la nuit du …").
fn match_night(c: &Cursor, i: usize) -> Option<Match> {
    let at = article_before_part(c, i, "nuit")?;
    if !c.is(at + 1, &["de", "du"]) {
        return None;
    }
    if let Some(from) = c.weekday(at + 2) {
        if c.is(at + 3, &["a", "au"]) {
            if let Some(to) = c.weekday(at + 4) {
                if c.day(at + 5).is_none() {
                    return Some((
                        at + 5,
                        DateExpr::Night {
                            from,
                            to,
                            ahead: false,
                        },
                        "night",
                    ));
                }
            }
        }
    }
    // "nuit du dimanche 9 au lundi 10 mars", "nuit de dimanche 9 à ce lundi 10 mars".
    let (end, expr, _) = match_day_interval(c, at + 2, &[], &["au", "a"], &["ce"])?;
    Some((end, expr, "night_days"))
}

/// The index of `noun` (a part of the day) when the span may start at `i`: on the noun
/// itself when no article comes before it or a preposition comes before the article ("dans
/// la nuit" → "nuit …"), on the article otherwise ("La nuit du 3 au 4 mai, …").
fn article_before_part(c: &Cursor, i: usize, noun: &str) -> Option<usize> {
    // "la nuit" keeps its article only where it opens the sentence ("La nuit du 3 au 4 mai,
    // …"); after a verb as after a preposition the span is the noun on ("ont été tués la
    // nuit de mardi à mercredi" → "nuit de mardi à mercredi"), as the real articles' gold
    // writes it.
    let left_out =
        |k: usize| article_is_left_out(c, k) || (noun == "nuit" && !c.tokens[k].capitalised);
    if c.is(i, &[noun]) {
        let previous = i.checked_sub(1).map(|p| c.key(p)).unwrap_or("");
        // An article that stays in the span was tried at its own position.
        return (!matches!(previous, "la" | "l'") || left_out(i - 1)).then_some(i);
    }
    if c.is(i, &["la", "l'"]) && c.is(i + 1, &[noun]) && !left_out(i) {
        return Some(i + 1);
    }
    None
}

/// Whether the article at `i` follows a preposition ("dans la nuit", "en fin de").
fn article_is_left_out(c: &Cursor, i: usize) -> bool {
    let previous = i.checked_sub(1).map(|p| c.key(p)).unwrap_or("");
    matches!(
        previous,
        "dans"
            | "pendant"
            | "durant"
            | "de"
            | "depuis"
            | "des"
            | "apres"
            | "avant"
            | "pour"
            | "toute"
            | "sur"
            | "vers"
            | "a"
            | "par"
    )
}

/// "[ce] mardi [18 janvier [2019]] [soir|dernier|prochain]".
fn match_weekday(c: &Cursor, i: usize) -> Option<Match> {
    let (this, at) = if c.is(i, &["ce"]) && c.weekday(i + 1).is_some() {
        (true, i + 1)
    } else {
        (false, i)
    };
    let weekday = c.weekday(at)?;
    // "comme chaque vendredi": a habit, no date.
    if at > 0 && c.is(at - 1, &["chaque"]) {
        return None;
    }
    let mut end = at + 1;
    let mut expr = None;
    // "vendredi 8 à samedi 9 septembre", "mardi 11 et mercredi 12 mars": two days, one
    // interval.
    if c.day(end).is_some() && c.month(end + 1).is_none() && c.is(end + 1, &["a", "au", "et"]) {
        if let Some((after, expr, _)) = match_day_interval(c, end, &[], &["a", "au", "et"], &[]) {
            return Some((after, expr, "weekday_day_interval"));
        }
    }
    // "mercredi 31/01/2024": the weekday stays with the numeric date.
    if let Some((after, DateExpr::Full(date), _)) = match_numeric(c, end) {
        return Some((after, DateExpr::Full(date), "weekday_full_date"));
    }
    // "samedi et dimanche": two days in a row, one interval; "samedi et lundi" are two
    // dates (an interval would take in the Sunday between them).
    if c.is(end, &["et"]) && c.day(end + 2).is_none() {
        if let Some(to) = c.weekday(end + 1).filter(|&to| to == weekday % 7 + 1) {
            return Some((
                end + 2,
                DateExpr::Night {
                    from: weekday,
                    to,
                    ahead: future_tense_before(c, i) || (i > 0 && c.is(i - 1, &["des"])),
                },
                "weekday_interval",
            ));
        }
    }
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
    } else if let Some(day) = c.day(end).filter(|_| lone_day_of_month(c, end)) {
        // "jeudi 13", "ce lundi 10": the month is the one around the anchor.
        expr = Some((DateExpr::WeekdayDay { weekday, day }, "weekday_day"));
        end += 1;
    }
    // "dès mardi" starts from the day to come ("a annoncé une grève dès lundi"), unless a
    // past infinitive tells it as gone ("dit avoir été prévenue dès lundi"); so does a
    // weekday bounding what the report tells in the present ("des averses sont attendues
    // jusqu'à mercredi", "à partir de lundi"), unless its clause is in a past tense ("les
    // pluies ont duré jusqu'à mercredi").
    // A past tense of a decision or an announcement keeps the bound ahead ("a prolongé la
    // fermeture jusqu'à lundi", "a annoncé une grève dès mardi"); another past verb tells
    // the day as gone ("ont revendiqué l'attaque dès jeudi"). "d'ici" always looks ahead.
    let past_before = past_tense_before(c, i);
    let gone = past_before && !decision_before(c, i);
    let from_next = i > 0 && c.is(i - 1, &["des"]) && !past_infinitive_before(c, i) && !gone;
    let by = i > 1 && c.is(i - 2, &["d'"]) && c.is(i - 1, &["ici"]);
    // The clause's tenses, each scanned once for the readings below.
    let after = tense_after(c, end);
    let bound_ahead = bounded(c, i) && (!gone || by);
    // "a convoqué les élus pour vendredi": a day set for what is to come; "a indiqué que le
    // dossier serait examiné mardi": a future told in the past.
    let set_for = i > 0 && c.is(i - 1, &["pour"]);
    let ahead = future_tense_before(c, i)
        || prospective_infinitive_before(c, i)
        || conditional_before(c, i)
        || set_for;
    let mut direction = if from_next || bound_ahead || ahead {
        FUTURE
    } else if this && !past_before && after != Some(Tense::Past) {
        // "ce jeudi" with no past tense: the Thursday of the report's week, ahead or gone.
        THIS_WEEK
    } else if !past_before && after == Some(Tense::Future) {
        // "Vendredi, les routiers bloqueront le port": the clause it opens is in the future.
        FUTURE
    } else {
        0
    };
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

/// Whether the clause before token `i` (back to a punctuation mark other than a quotation
/// mark, over at most eight words) holds a present conditional: in indirect speech, a
/// future told in the past ("a indiqué que le bilan serait publié mardi", "que la
/// commission examinerait le dossier mardi"). A past conditional ("aurait attaqué") tells
/// an alleged past and does not count.
fn conditional_before(c: &Cursor, i: usize) -> bool {
    (i.saturating_sub(8)..i)
        .rev()
        .take_while(|&k| c.tokens[k].kind != Kind::Punct || is_quote(c.tokens[k].raw))
        .any(|k| {
            let token = &c.tokens[k];
            let key = token.key.as_ref();
            token.kind == Kind::Word
                && !token.capitalised
                && (key.ends_with("rait") || key.ends_with("raient"))
                && key.chars().count() >= 6
                && !NOT_CONDITIONAL.contains(&key)
        })
}

/// Whether the day number at `index` stands alone after a weekday ("jeudi 13, les
/// syndicats…"), not as the count of a noun ("samedi 3 buts") nor an hour ("lundi 10 h").
fn lone_day_of_month(c: &Cursor, index: usize) -> bool {
    (c.kind(index) == Some(Kind::Number) || c.key(index) == "1er")
        && c.kind(index + 1) != Some(Kind::Number)
        && !count_noun_at(c, index + 1)
        // "samedi 3 buts": a plural word after the number is what it counts, even a word
        // the quantity stage does not count (scores).
        && !c.tokens.get(index + 1).is_some_and(|t| {
            t.kind == Kind::Word
                && !t.capitalised
                && t.key.ends_with(['s', 'x'])
                && !c.lexicon.function.contains(&*t.key)
                && !is_adverb(&t.key)
        })
        && !c.is(
            index + 1,
            &["h", "heures", "heure", "%", "a", "et", "ou", "-", ":", "/"],
        )
        // "a condamné mercredi 18 des 21 accusés": a number taking a partitive counts a
        // part of a group.
        && !c.is(index + 1, &["des", "de", "d'", "sur", "parmi"])
}

/// Nouns and adverbs that end like future-tense verbs.
const NOT_FUTURE: [&str; 10] = [
    "front", "affront", "camera", "cholera", "opera", "extra", "contra", "sahara", "mantra",
    "tiara",
];

/// Whether a future-tense verb or a scheduling word ("prévu", "doit") stands at most five
/// words before token `i`, in the same clause (a quotation mark does not end the clause).
fn future_tense_before(c: &Cursor, i: usize) -> bool {
    for back in 1..=5 {
        let Some(index) = i.checked_sub(back) else {
            return false;
        };
        let token = &c.tokens[index];
        if token.kind == Kind::Punct && !is_quote(token.raw) {
            return false;
        }
        let key = token.key.as_ref();
        if token.kind != Kind::Word || token.capitalised || NOT_FUTURE.contains(&key) {
            continue;
        }
        // "ira" (aller) is the one future shorter than four letters.
        let future_verb = (key.ends_with("ra") && key.len() >= 4)
            || key == "ira"
            || (key.ends_with("ront") && key.len() >= 6)
            || (key.ends_with("rons") && key.len() >= 6);
        let scheduled = matches!(
            key,
            "prevoit"
                | "prevoient"
                | "doit"
                | "doivent"
                | "devrait"
                | "devraient"
                // "les opérations devaient s'achever lundi": planned when told.
                | "devait"
                | "devaient"
        ) || key == "lieu" && index > 0 && takes_place(c, index - 1);
        // A participle schedules only in the present ("est prévue mardi", "des orages sont
        // attendus jeudi"); "était prévue mardi" tells of a day gone.
        let scheduled_participle = matches!(
            key,
            "prevu"
                | "prevue"
                | "prevus"
                | "prevues"
                | "programme"
                | "programmee"
                | "programmes"
                | "programmees"
                | "attendu"
                | "attendue"
                | "attendus"
                | "attendues"
        ) && !past_tense_before(c, index);
        if future_verb || scheduled || scheduled_participle {
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
/// The article "la" stays in the span, after a preposition too ("jusqu'à la fin de l'année",
/// "depuis la fin juillet", "dès la mi-mars"): the annotation guidelines leave out only a
/// leading "en", "le", "au", "depuis" ("depuis le début de l'année" → "début de l'année").
fn match_period_part(c: &Cursor, i: usize) -> Option<Match> {
    if c.is(i, &["la"])
        && c.tokens
            .get(i + 1)
            .is_some_and(|t| t.sentence == c.tokens[i].sentence)
    {
        let next = c.key(i + 1);
        let feminine_part = next == "fin" || next == "mi" || next.starts_with("mi-");
        return feminine_part.then(|| match_period_part(c, i + 1)).flatten();
    }
    let key = c.key(i);
    if let Some(rest) = key.strip_prefix("mi-") {
        let month = *c.lexicon.months.get(rest)?;
        return Some(month_with_year(c, i + 1, month, "mid_month"));
    }
    // "mi-2024": the year (the hyphen stands between two tokens).
    if key == "mi" && c.is(i + 1, &["-"]) && c.tokens[i + 1].start == c.tokens[i].end {
        let year = c.year(i + 2)?;
        return Some((i + 3, DateExpr::Year(year), "period_part_year"));
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
    // "la fin de 2025", "début de 2026": the year, its part in the span.
    if c.is(at, &["de"]) {
        if let Some(year) = c.year(at + 1) {
            return Some((at + 2, DateExpr::Year(year), "period_part_year"));
        }
    }
    // "fin du mois de mars": the named month.
    if c.is(at, &["du"]) && c.is(at + 1, &["mois"]) && c.is(at + 2, &["de", "d'"]) {
        if let Some(month) = c.month(at + 3) {
            return Some(month_with_year(c, at + 4, month, "period_part_month"));
        }
    }
    // "début des années 2000": the first (last) four years of the decade.
    if c.is(at, &["des"]) && c.is(at + 1, &["annees"]) {
        let decade = c.year(at + 2).filter(|y| y % 10 == 0)?;
        let (from, to) = match key {
            "debut" => (decade, decade + 3),
            "fin" => (decade + 6, decade + 9),
            _ => return None,
        };
        return Some((
            at + 3,
            DateExpr::YearInterval(from, to),
            "period_part_decade",
        ));
    }
    // "en début de semaine": the week of the report; "en début de semaine prochaine" the
    // next one ("la fin de semaine dernière" is the week-end in Québec usage, read by
    // `match_relative`).
    if c.is(at, &["de"]) && c.is(at + 1, &["semaine"]) {
        return match c.direction(at + 2) {
            None => Some((at + 2, DateExpr::RelativeWeek(0), "period_part_week")),
            Some(d) if key == "debut" => Some((
                at + 3,
                DateExpr::RelativeWeek(i64::from(d)),
                "period_part_week",
            )),
            Some(_) => None,
        };
    }
    // "début d'année", "fin d'année": the current year.
    if c.is(at, &["d'"]) && c.is(at + 1, &["annee"]) {
        return Some((at + 2, DateExpr::RelativeYear(0), "period_part_relative"));
    }
    // "fin de l'année 2023": the year written.
    if c.is(at, &["de"]) && c.is(at + 1, &["l'"]) && c.is(at + 2, &["annee"]) {
        if let Some(year) = c.year(at + 3) {
            return Some((at + 4, DateExpr::Year(year), "period_part_year"));
        }
    }
    // "de l'année", "de cette année", "de l'année dernière", "du mois", "du mois dernier",
    // "de l'an dernier", "de la semaine dernière".
    if c.is(at, &["de", "du"]) {
        let (end, expr, _) = match_relative(c, at + 1)
            .or_else(|| {
                // "du mois" on its own means the current month, "du mois dernier" the one
                // before.
                c.is(at, &["du"])
                    .then_some(())
                    .filter(|_| c.is(at + 1, &["mois"]))
                    .map(|_| match c.direction(at + 2) {
                        Some(d) => (at + 3, DateExpr::RelativeMonth(i64::from(d)), "month"),
                        None => (at + 2, DateExpr::RelativeMonth(0), "month"),
                    })
            })
            .or_else(|| {
                (c.is(at + 1, &["l'"]) && c.is(at + 2, &["annee", "an"])).then_some((
                    at + 3,
                    DateExpr::RelativeYear(0),
                    "year",
                ))
            })
            .or_else(|| {
                // "d'ici à la fin de la semaine": the week of the report.
                (c.is(at, &["de"])
                    && c.is(at + 1, &["la"])
                    && c.is(at + 2, &["semaine"])
                    && c.direction(at + 3).is_none())
                .then_some((at + 3, DateExpr::RelativeWeek(0), "week"))
            })?;
        return match expr {
            DateExpr::RelativeMonth(_)
            | DateExpr::RelativeYear(_)
            | DateExpr::Year(_)
            | DateExpr::RelativeWeek(_) => Some((end, expr, "period_part_relative")),
            DateExpr::MonthYear { .. } => Some((end, expr, "period_part_relative")),
            _ => None,
        };
    }
    None
}

/// The month of a part of a period with its year ("fin février 2019") or its direction
/// ("fin février dernier", "mi-décembre dernier": "dernier" stays in the span, as the
/// guidelines keep it).
fn month_with_year(c: &Cursor, at: usize, month: u32, rule: &'static str) -> Match {
    match (c.year(at), c.direction(at)) {
        (Some(year), _) => (at + 1, DateExpr::MonthYear { month, year }, rule),
        (None, Some(direction)) => (at + 1, DateExpr::Month { month, direction }, rule),
        (None, None) => (
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
    // "les 13, 14 et 17 janvier": from the first day listed to the last.
    if c.is(i + 1, &[","]) {
        let mut at = i + 2;
        while c.day(at).is_some() && c.is(at + 1, &[","]) {
            at += 2;
        }
        if c.day(at).is_some() && c.is(at + 1, &["et"]) {
            let last = c.day(at + 2)?;
            let month = c.month(at + 3)?;
            let year = c.year(at + 4);
            let end = if year.is_some() { at + 5 } else { at + 4 };
            return (last > day).then_some((
                end,
                DateExpr::DayInterval {
                    from: (day, month),
                    to: (last, month),
                    year,
                    first_weekday: None,
                },
                "listed_days",
            ));
        }
        return None;
    }
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
                first_weekday: None,
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
    // "4 oct. 2022": an abbreviated month with its period.
    if c.is(i + 2, &["."]) && c.tokens[i + 1].key.len() <= 5 {
        if let Some(year) = c.year(i + 3) {
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            return Some((i + 4, DateExpr::Full(date), "day_month_year"));
        }
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

/// "octobre de la même année" (the month of the year of the date told before), "la même
/// année" ("cette année-là" in other words).
fn match_same_year(c: &Cursor, i: usize) -> Option<Match> {
    let same_year = |at: usize| c.is(at, &["meme"]) && c.is(at + 1, &["annee"]);
    if let Some(month) = c.month(i) {
        return (c.is(i + 1, &["de"]) && c.is(i + 2, &["la"]) && same_year(i + 3)).then_some((
            i + 5,
            DateExpr::MonthOfTextYear(month),
            "month_of_that_year",
        ));
    }
    (c.is(i, &["la"]) && same_year(i + 1)).then_some((
        i + 3,
        DateExpr::FromTextPeriod {
            unit: PeriodUnit::Year,
            offset: 0,
        },
        "that_year",
    ))
}

/// A holiday of fixed date (`[holiday]` of `dates.txt`: "d'ici à Noël", "avant la
/// Toussaint"), placed as its day and month. Only after a preposition that makes it a time
/// ("à", "avant", "après", "depuis", "pour", "d'ici", the article of "la Toussaint" after
/// one), and not before a capitalised word: "Noël" is a first name too ("Noël Le Graët").
fn match_holiday(c: &Cursor, i: usize) -> Option<Match> {
    let &(day, month) = c.lexicon.holidays.get(c.key(i))?;
    let time_word = |k: usize| {
        c.is(
            k,
            &[
                "a", "avant", "apres", "depuis", "pour", "ici", "jusqu'a", "vers",
            ],
        )
    };
    let after_time_word = match i.checked_sub(1) {
        Some(p) if c.is(p, &["la", "l'"]) => p > 0 && time_word(p - 1),
        Some(p) => time_word(p),
        None => false,
    };
    let name_follows = c.tokens.get(i + 1).is_some_and(|t| t.capitalised);
    (after_time_word && !name_follows && c.tokens[i].capitalised).then_some((
        i + 1,
        DateExpr::DayMonth {
            day,
            month,
            direction: 0,
        },
        "holiday",
    ))
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
    // "Publié le 03/02 à 09h47", "Mis à jour le 03/02": a page's stamp writes day and
    // month alone; elsewhere two numbers with a slash are no date ("24/7", a score).
    if let [day, month] = parts[..] {
        let stamp = after_stamp(c, i);
        if !stamp || separator != '/' || day.len() > 2 || month.len() > 2 {
            return None;
        }
        let (day, month) = (day.parse().ok()?, month.parse().ok()?);
        NaiveDate::from_ymd_opt(2000, month, day)?;
        return Some((
            i + 1,
            DateExpr::DayMonth {
                day,
                month,
                direction: 0,
            },
            "stamp_day_month",
        ));
    }
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
    // "mois de mai [2024 | dernier]": the span starts at "mois".
    if c.is(i, &["mois"]) && c.is(i + 1, &["de", "d'"]) {
        let month = c.month(i + 2)?;
        if c.key(i + 2).len() < 3 {
            return None;
        }
        let (end, expr, _) = match_month(c, i + 2).unwrap_or((
            i + 3,
            DateExpr::Month {
                month,
                direction: 0,
            },
            "month",
        ));
        return Some((end, expr, "month_named"));
    }
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
    // Abbreviations ("oct", "nov", "sept") are too ambiguous on their own: "faisait état de
    // sept morts" counts seven. An abbreviation is a month word that begins a longer one.
    let key = c.key(i);
    let abbreviation = c
        .lexicon
        .months
        .keys()
        .any(|full| full.len() > key.len() && full.starts_with(key));
    if key.len() < 3 || abbreviation || !c.tokens[i].key.chars().all(char::is_alphabetic) {
        return None;
    }
    let previous = i.checked_sub(1).map(|p| c.key(p)).unwrap_or("");
    let after_mois_de = i >= 2 && c.is(i - 2, &["mois"]);
    // "en juin et juillet": the second month of a pair after a cue.
    let paired = matches!(previous, "et" | "ou")
        && i >= 3
        && c.month(i - 2).is_some()
        && c.key(i - 2).len() >= 3
        && c.lexicon.year_cues.contains(c.key(i - 3));
    if c.lexicon.year_cues.contains(previous) || after_mois_de || paired {
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

/// "premier trimestre [2018 | de l'année]", "dernier trimestre 2017", "second semestre":
/// months of one year. A "dernier trimestre" without year is left alone (the last one of
/// the year, or the last one past?).
fn match_quarter(c: &Cursor, i: usize) -> Option<Match> {
    let rank = match c.key(i) {
        "premier" | "1er" => 1,
        "deuxieme" | "second" | "2e" => 2,
        "troisieme" | "3e" => 3,
        "quatrieme" | "4e" => 4,
        "dernier" => 0,
        _ => return None,
    };
    let (months, last) = match c.key(i + 1) {
        "trimestre" => (3, 4),
        "semestre" => (6, 2),
        _ => return None,
    };
    let rank = if rank == 0 { last } else { rank };
    if rank > last {
        return None;
    }
    let (from, to) = ((rank - 1) * months + 1, rank * months);
    let at = i + 2;
    if let Some(year) = c.year(at) {
        let year = YearRef::Explicit(year);
        return Some((at + 1, DateExpr::MonthSpan { from, to, year }, "quarter"));
    }
    let of_year =
        c.is(at, &["de", "d'"])
            .then(|| match_relative(c, at + 1))
            .flatten()
            .or_else(|| {
                (c.is(at, &["de"]) && c.is(at + 1, &["l'"]) && c.is(at + 2, &["annee"]))
                    .then_some((at + 3, DateExpr::RelativeYear(0), "year"))
            });
    match of_year {
        Some((end, DateExpr::RelativeYear(offset), _)) => Some((
            end,
            DateExpr::MonthSpan {
                from,
                to,
                year: YearRef::Relative(offset),
            },
            "quarter",
        )),
        Some(_) => None,
        None if c.key(i) != "dernier" => Some((
            at,
            DateExpr::MonthSpan {
                from,
                to,
                year: YearRef::Relative(0),
            },
            "quarter",
        )),
        None => None,
    }
}

/// "l'été 2014", "l'hiver dernier", "printemps 2019".
fn match_season(c: &Cursor, i: usize) -> Option<Match> {
    let season = |k: usize| {
        c.tokens
            .get(k)
            .filter(|t| !t.capitalised)
            .and_then(|t| c.lexicon.seasons.get(t.key.as_ref()).copied())
    };
    // "cet été", "ce printemps": the season nearest the report.
    if c.is(i, &["cet", "ce"]) {
        let first_month = season(i + 1)?;
        let expr = DateExpr::Season {
            first_month,
            year: None,
            direction: THIS_WEEK,
        };
        return Some((i + 2, expr, "season"));
    }
    // The article stays in the span ("l'été 2014"), like "l'an dernier"; a leading "le" or
    // "au" does not ("depuis le printemps", "au printemps 2025"). "été" is also the
    // participle of "être": only "l'été" or "été" with a year is the season, and a season
    // word with neither article nor year nor direction ("en hiver", "chaque automne") tells
    // a time of every year.
    let (at, elided) = if c.is(i, &["l'"]) {
        (i + 1, true)
    } else {
        (i, false)
    };
    let first_month = season(at)?;
    let article_before = i > 0 && c.is(i - 1, &["le", "au", "du"]);
    let (end, year, direction) = if let Some(year) = c.year(at + 1) {
        (at + 2, Some(year), 0)
    } else if let Some(direction) = c.direction(at + 1) {
        (at + 2, None, direction)
    } else if elided || article_before && first_month != 6 {
        (at + 1, None, 0)
    } else {
        return None;
    };
    if first_month == 6 && !elided && year.is_none() {
        return None;
    }
    let direction = if direction == 0 && year.is_none() && announced(c, i) {
        FUTURE
    } else {
        direction
    };
    Some((
        end,
        DateExpr::Season {
            first_month,
            year,
            direction,
        },
        "season",
    ))
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
    // A leading "le" is left out of the span as the guidelines say ("le mois dernier" →
    // "mois dernier", "le week-end dernier" → "week-end dernier"); "la" and "l'" stay.
    if key == "le" {
        return None;
    }
    // "suivant", "précédent" count from the date the text told before, "dernier",
    // "prochain" from the report.
    let from_text = |index: usize| c.is(index, &["suivant", "suivante", "precedent", "precedente"]);
    let after_le = i > 0 && c.is(i - 1, &["le"]);
    if after_le {
        let direction = c.direction(i + 1)?;
        let expr = match key {
            "mois" if from_text(i + 1) => DateExpr::FromTextPeriod {
                unit: PeriodUnit::Month,
                offset: i64::from(direction),
            },
            "week-end" => DateExpr::Weekend(direction as i64),
            "mois" => DateExpr::RelativeMonth(direction as i64),
            _ => return None,
        };
        return Some((i + 2, expr, "relative_period"));
    }
    if demonstrative || article {
        // "cette fin de semaine", "la fin de semaine dernière": the weekend in Québec usage.
        let weekend_words =
            c.is(i + 1, &["fin"]) && c.is(i + 2, &["de"]) && c.is(i + 3, &["semaine"]);
        let (noun, skip) = if weekend_words {
            ("week-end", 2)
        } else {
            (c.key(i + 1), 0)
        };
        let direction = c.direction(i + 2 + skip);
        let this_end = i + 2 + skip;
        // "l'année suivante", "la semaine précédente", "cette année-là": from the text's date.
        let unit = match noun {
            "semaine" | "semaine-la" => Some(PeriodUnit::Week),
            "mois-la" => Some(PeriodUnit::Month),
            "annee" | "an" | "annee-la" => Some(PeriodUnit::Year),
            _ => None,
        };
        // "la saison dernière", "la campagne précédente": the season before the one the
        // text names across two years, whichever direction word says it.
        let season = matches!(noun, "saison" | "campagne") && key == "la";
        let unit = if season {
            Some(PeriodUnit::Season)
        } else {
            unit
        };
        let counted = match (unit, demonstrative, direction) {
            (Some(PeriodUnit::Season), false, Some(-1)) => Some((PeriodUnit::Season, -1, i + 3)),
            (Some(PeriodUnit::Season), _, _) => None,
            (Some(unit), false, Some(d)) if !weekend_words && from_text(i + 2) => {
                Some((unit, i64::from(d), i + 3))
            }
            (Some(unit), true, None) if noun.ends_with("-la") => Some((unit, 0, this_end)),
            _ => None,
        };
        if let Some((unit, offset, end)) = counted {
            return Some((
                end,
                DateExpr::FromTextPeriod { unit, offset },
                "period_from_text_date",
            ));
        }
        let (expr, end) = match (noun, demonstrative, direction) {
            ("matin" | "soir" | "apres-midi", true, None) => (DateExpr::RelativeDay(0), this_end),
            ("nuit", true, None) if key == "cette" => (DateExpr::RelativeDay(0), this_end),
            ("nuit", false, Some(-1)) if key == "la" => (DateExpr::LastNight, i + 3),
            ("semaine", true, None) => (DateExpr::RelativeWeek(0), this_end),
            ("semaine", false, Some(d)) => (DateExpr::RelativeWeek(d as i64), i + 3),
            ("week-end", true, None) => (DateExpr::Weekend(0), this_end),
            ("week-end", false, Some(d)) => (DateExpr::Weekend(d as i64), i + 3 + skip),
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
    // "voilà deux ans", "voici un an" say "il y a".
    let presentative = matches!(key, "voila" | "voici");
    let ago = key == "il" && c.is(i + 1, &["y"]) && c.is(i + 2, &["a"]) || presentative;
    if ago || key == "dans" {
        let mut at = match (ago, presentative) {
            (true, false) => i + 3,
            _ => i + 1,
        };
        let sign: i64 = if ago { 1 } else { -1 };
        let rule = if ago { "ago" } else { "in" };
        // "il y a seulement 12 jours", "il y a près de trois semaines".
        if ago {
            if c.is(at, &["pres", "plus", "moins"]) && c.is(at + 1, &["de", "d'"])
                || c.is(at, &["a"]) && c.is(at + 1, &["peine"])
                || c.is(at, &["tout"]) && c.is(at + 1, &["juste"])
            {
                at += 2;
            } else if c.is(
                at,
                &[
                    "seulement",
                    "environ",
                    "presque",
                    "deja",
                    "exactement",
                    "quelque",
                    "bientot",
                ],
            ) {
                at += 1;
            }
        }
        if c.is(at, &["quelques"]) && c.is(at + 1, &["heures", "minutes"]) {
            return Some((at + 2, DateExpr::RelativeDay(0), rule));
        }
        // "il y a une dizaine de jours": the collective noun's value.
        let approx = c
            .is(at, &["une", "un"])
            .then(|| c.lexicon_approx(at + 1))
            .flatten()
            .filter(|_| c.is(at + 2, &["de", "d'"]))
            .map(|value| (value, at + 3));
        let (count, unit_at) = approx.or_else(|| {
            c.small_number(at)
                .or_else(|| c.is(at, &["un", "une"]).then_some((1, at + 1)))
        })?;
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
    // "l'année 2024": the article stays, as in "l'an dernier".
    if c.is(i, &["l'"]) && c.is(i + 1, &["annee", "an"]) {
        let year = c.year(i + 2)?;
        return Some((i + 3, DateExpr::Year(year), "the_year"));
    }
    let year = c.year(i)?;
    // "n°1835", "numéro 2023": a number, not a year.
    let previous = i.checked_sub(1).map(|p| c.key(p)).unwrap_or("");
    if matches!(previous, "°" | "no" | "numero" | "n") {
        return None;
    }
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

/// Whether a word marks a past tense: an auxiliary of the passé composé or pluperfect ("a",
/// not the preposition "à"), or an imperfect ending that is no conditional ("disait", not
/// "dirait").
fn past_tense_word(key: &str, raw: &str) -> bool {
    let auxiliary = PAST_AUXILIARIES.contains(&key) && (key != "a" || raw == "a");
    let imperfect = (key.ends_with("ait") || key.ends_with("aient"))
        && !key.ends_with("rait")
        && !key.ends_with("raient")
        && key.chars().count() >= 5;
    auxiliary || imperfect
}
