//! Placing gold items in their article with FORMAT.md's cursor rule.

use recoupe_model::Span;
use serde::{Deserialize, Serialize};

use crate::corpus::Gold;

/// How far the cursor moves after an item has been found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CursorRule {
    /// Lists keyed by `text` (entities, nationalities, dates, quantities): spans never
    /// overlap, so the next item starts at or after this item's end.
    PastItem,
    /// Lists keyed by `content` (attributions, unsourced): spans may overlap, so the next
    /// item starts at or after the first character after this item's start.
    PastFirstChar,
}

/// Why a gold string could not be placed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Unlocated {
    /// The gold string is empty.
    Empty,
    /// The string occurs nowhere in the article.
    NotInText,
    /// The string occurs only before the cursor: the gold list is out of order (or the
    /// previous item was placed on a later occurrence than the annotator meant).
    OnlyBeforeCursor { cursor: usize, found_at: usize },
}

impl std::fmt::Display for Unlocated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unlocated::Empty => f.write_str("empty string"),
            Unlocated::NotInText => f.write_str("not in the article text"),
            Unlocated::OnlyBeforeCursor { cursor, found_at } => write!(
                f,
                "only before the cursor (cursor at byte {cursor}, found at byte {found_at})"
            ),
        }
    }
}

/// Locates `items` in `text` in order. Each item is the first occurrence of its string at
/// or after the cursor (which starts at 0); an item that cannot be found leaves the cursor
/// where it was, so one bad item does not push every later one out of place.
pub fn locate_in_order<'a, I>(
    text: &str,
    items: I,
    rule: CursorRule,
) -> Vec<Result<Span, Unlocated>>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut cursor = 0usize;
    items
        .into_iter()
        .map(|item| {
            if item.is_empty() {
                return Err(Unlocated::Empty);
            }
            // `cursor` is always on a char boundary: it is 0, an item end, or an item start
            // plus the length of the item's first char.
            match text[cursor..].find(item) {
                Some(offset) => {
                    let start = cursor + offset;
                    let span = Span::new(start, start + item.len());
                    cursor = match rule {
                        CursorRule::PastItem => span.end,
                        CursorRule::PastFirstChar => {
                            start + item.chars().next().map_or(1, char::len_utf8)
                        }
                    };
                    Ok(span)
                }
                None => Err(match text.find(item) {
                    Some(found_at) => Unlocated::OnlyBeforeCursor { cursor, found_at },
                    None => Unlocated::NotInText,
                }),
            }
        })
        .collect()
}

/// Where each item of one gold list was placed, parallel to the list.
pub type Placements = Vec<Result<Span, Unlocated>>;

/// Every gold list of one article placed in its text. Each vector runs parallel to the
/// corresponding list of [`Gold`].
#[derive(Debug, Clone, PartialEq)]
pub struct LocatedGold {
    pub entities: Placements,
    pub nationalities: Placements,
    pub dates: Placements,
    pub quantities: Placements,
    /// Span of the gold `content` (the first words only).
    pub attributions: Placements,
    /// Span of the gold first words.
    pub unsourced: Placements,
}

/// One gold item that could not be placed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnlocatedItem {
    pub article: String,
    /// Gold list name: `entities`, `nationalities`, `dates`, `quantities`, `attributions`, `unsourced`.
    pub list: String,
    /// Position of the item in its list (0-based).
    pub index: usize,
    pub text: String,
    #[serde(flatten)]
    pub reason: Unlocated,
}

impl LocatedGold {
    /// Every item that could not be placed, in list order.
    pub fn unlocated(&self, article: &str, gold: &Gold) -> Vec<UnlocatedItem> {
        let lists: [(&str, &Placements, Vec<&str>); 6] = [
            (
                "entities",
                &self.entities,
                gold.entities.iter().map(|e| e.text.as_str()).collect(),
            ),
            (
                "nationalities",
                &self.nationalities,
                gold.nationalities.iter().map(|n| n.text.as_str()).collect(),
            ),
            (
                "dates",
                &self.dates,
                gold.dates.iter().map(|d| d.text.as_str()).collect(),
            ),
            (
                "quantities",
                &self.quantities,
                gold.quantities.iter().map(|q| q.text.as_str()).collect(),
            ),
            (
                "attributions",
                &self.attributions,
                gold.attributions
                    .iter()
                    .map(|a| a.content.as_str())
                    .collect(),
            ),
            (
                "unsourced",
                &self.unsourced,
                gold.unsourced.iter().map(String::as_str).collect(),
            ),
        ];
        let mut out = Vec::new();
        for (list, located, texts) in lists {
            for (index, (result, text)) in located.iter().zip(texts).enumerate() {
                if let Err(reason) = result {
                    out.push(UnlocatedItem {
                        article: article.to_string(),
                        list: list.to_string(),
                        index,
                        text: text.to_string(),
                        reason: reason.clone(),
                    });
                }
            }
        }
        out
    }

    /// Number of gold items placed and not placed.
    pub fn counts(&self) -> (usize, usize) {
        let all = [
            &self.entities,
            &self.nationalities,
            &self.dates,
            &self.quantities,
            &self.attributions,
            &self.unsourced,
        ];
        let located = all
            .iter()
            .flat_map(|l| l.iter())
            .filter(|r| r.is_ok())
            .count();
        let total: usize = all.iter().map(|l| l.len()).sum();
        (located, total - located)
    }
}

/// Places every gold list of one article in `text`.
pub fn locate_gold(text: &str, gold: &Gold) -> LocatedGold {
    LocatedGold {
        entities: locate_in_order(
            text,
            gold.entities.iter().map(|e| e.text.as_str()),
            CursorRule::PastItem,
        ),
        nationalities: locate_in_order(
            text,
            gold.nationalities.iter().map(|n| n.text.as_str()),
            CursorRule::PastItem,
        ),
        dates: locate_in_order(
            text,
            gold.dates.iter().map(|d| d.text.as_str()),
            CursorRule::PastItem,
        ),
        quantities: locate_in_order(
            text,
            gold.quantities.iter().map(|q| q.text.as_str()),
            CursorRule::PastItem,
        ),
        attributions: locate_in_order(
            text,
            gold.attributions.iter().map(|a| a.content.as_str()),
            CursorRule::PastFirstChar,
        ),
        unsourced: locate_in_order(
            text,
            gold.unsourced.iter().map(String::as_str),
            CursorRule::PastFirstChar,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn name_inside_a_longer_name_is_skipped_by_the_cursor() {
        let text = "Les Kataëb Hezbollah et le Hezbollah libanais.";
        let located = locate_in_order(
            text,
            ["Kataëb Hezbollah", "Hezbollah"],
            CursorRule::PastItem,
        );
        let first = located[0].clone().unwrap();
        let second = located[1].clone().unwrap();
        assert_eq!(&text[first.start..first.end], "Kataëb Hezbollah");
        assert_eq!(&text[second.start..second.end], "Hezbollah");
        assert!(
            second.start >= first.end,
            "{second:?} must follow {first:?}"
        );
        assert_eq!(second.start, text.rfind("Hezbollah").unwrap());
    }

    #[test]
    fn content_lists_may_overlap() {
        // A quote nested inside a longer attributed statement: both start close together.
        let text = "Il a dit que « la ville est tombée » hier.";
        let located = locate_in_order(
            text,
            ["que « la ville", "« la ville est tombée"],
            CursorRule::PastFirstChar,
        );
        assert!(located.iter().all(Result::is_ok), "{located:?}");
        // With the text rule the second item would have been searched after the first's end.
        let strict = locate_in_order(
            text,
            ["que « la ville", "« la ville est tombée"],
            CursorRule::PastItem,
        );
        assert!(matches!(strict[1], Err(Unlocated::OnlyBeforeCursor { .. })));
    }

    #[test]
    fn same_string_twice_takes_successive_occurrences() {
        let text = "Daech ici, Daech là.";
        let located = locate_in_order(text, ["Daech", "Daech", "Daech"], CursorRule::PastItem);
        assert_eq!(located[0], Ok(Span::new(0, 5)));
        assert_eq!(located[1], Ok(Span::new(11, 16)));
        assert_eq!(
            located[2],
            Err(Unlocated::OnlyBeforeCursor {
                cursor: 16,
                found_at: 0
            })
        );
    }

    #[test]
    fn missing_and_empty_items_do_not_move_the_cursor() {
        let text = "Bagdad puis Damas.";
        let located = locate_in_order(text, ["Bagdad", "Homs", "", "Damas"], CursorRule::PastItem);
        assert_eq!(located[1], Err(Unlocated::NotInText));
        assert_eq!(located[2], Err(Unlocated::Empty));
        assert_eq!(located[3], Ok(Span::new(12, 17)));
    }

    proptest! {
        #[test]
        fn placed_spans_are_on_char_boundaries_and_match(
            text in "[aéà« »z ]{0,40}",
            items in proptest::collection::vec("[aéà«z ]{0,4}", 0..6),
            content_rule in any::<bool>(),
        ) {
            let rule = if content_rule { CursorRule::PastFirstChar } else { CursorRule::PastItem };
            let located = locate_in_order(&text, items.iter().map(String::as_str), rule);
            prop_assert_eq!(located.len(), items.len());
            for (span, item) in located.iter().zip(&items) {
                if let Ok(span) = span {
                    prop_assert_eq!(span.slice(&text), Some(item.as_str()));
                }
            }
        }
    }
}
