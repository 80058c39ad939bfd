//! `recoupe eval`: scores annotated documents against a gold corpus.
//!
//! A corpus directory holds `articles.jsonl` and `gold.jsonl` (shapes in the shared corpus's
//! FORMAT.md) and optionally `seeds/*.txt` (gold id `seed-000` ↔ `seeds/seed-000.txt`).
//! [`load_corpus`] reads it into [`Corpus`]; run the pipeline on `corpus.articles`; then
//! [`evaluate`] compares the annotated documents (matched to the gold by
//! `Metadata::external_id`) with the gold and returns a [`Report`].
//!
//! # Placing the gold
//! Gold items are strings, not offsets. Each list is placed in order with a cursor starting
//! at 0: an item is the first occurrence of its string at or after the cursor; the cursor
//! then moves to the item's end for lists keyed by `text` (entities, nationalities, dates,
//! quantities) and to just past the item's first character for lists keyed by `content`
//! (attributions, unsourced). An item that cannot be placed leaves the cursor alone, is
//! counted and listed in `unlocated_gold`, and is left out of every score.
//!
//! # What is scored
//! A layer is scored only when *every* evaluated document has it in `Document::produced`;
//! otherwise its entry is `{"status": "not_produced", …}` — never a zero that looks like a
//! result. Gold documents with no annotated document are listed in `missing_documents`
//! and their gold counts as not found.
//!
//! - **entities**: exact span and type, P/R/F1 overall and per type.
//! - **nationalities**: exact span and country.
//! - **alias_clustering**: B³ over gold `id`s across all articles, on the gold mentions a
//!   system mention matches with the exact span (type ignored); system cluster =
//!   `EntityMention::entity`. Unmatched gold mentions are left out of B³ (missing them is the
//!   entities score's business) and `matched_fraction` says how many were scored.
//! - **places**: a gold place (one per LOC id per article) is right when a system `Place`
//!   covers one of its gold mentions (`Place::span` equals a gold mention of the id, or
//!   `Place::entity` is the key of a system mention sitting exactly on one) and has the same
//!   country (both absent counts as same) and either the same normalised name (lowercase, no
//!   diacritics, punctuation as spaces; compared with the gold `name` and with the gold `id`
//!   read as words) or a point within 25 km of the gold `lat`/`lon`. `accuracy` is over gold
//!   places; `precision` counts system places right for some gold place over all system places.
//! - **dates**: found = exact span; `value` = value equal (gold `null` ↔ system `None`)
//!   over all placed gold dates, `value_on_found` over found ones.
//! - **quantities**: found = exact span; `value` = value and qualifier equal.
//! - For both, `found_overlap` and `value_overlap` score the same with overlapping spans:
//!   each gold item, in order, is paired with the system item of its exact span, else with
//!   the first unused system item overlapping it. `value` − `value_overlap` is what span
//!   boundaries alone cost; `--mismatches` lists such a pair once, as problem `span`.
//! - **attributions**: the gold `content` is only the first words; placed, it gives a span
//!   `[start, start + len)`. A system attribution matches when its content span contains the
//!   gold start or starts inside the gold first words; each gold is paired with the closest
//!   unused overlapping system attribution (closest start). Over matched pairs: `speaker`
//!   right when the system speaker entity maps to the gold speaker id (through the mention
//!   alignment below) or the system speaker span overlaps a gold mention of that id; for an
//!   unnamed gold speaker (`null`), when the system speaker is unnamed or has no entity and
//!   its text and the gold `speaker_text` are equal or one contains the other (normalised,
//!   on word boundaries). `chain`: the system `via` keys, mapped to gold ids, equal the gold
//!   `via` list in order. `hedged`, `kind`: equal.
//! - **unsourced**: a system sentence matches a gold item when it starts at the gold first
//!   words or only non-alphanumeric characters (quote, dash, space) lie between the two.
//!
//! - **events** (when `DIR/events.jsonl` exists): one record per gold story, scored as the
//!   `events` module says; until system stories exist, on the gold story membership
//!   (`"grouping": "gold_membership"`, a development mode).
//!
//! Mention alignment: a system entity key maps to the gold id with which it shares the most
//! exactly-matching mention spans in the same document, else across the corpus.
//!
//! # JSON shape
//! `serde_json::to_string(&report)` gives one object; every score is a number in `[0, 1]`
//! or `null` when its denominator is zero.
//! ```text
//! {
//!   "corpus": "DIR",
//!   "documents": 26,            // gold documents evaluated
//!   "gold_documents": 26,
//!   "missing_documents": ["v07"],   // gold documents without an annotated document
//!   "text_mismatches": [],          // annotated text differs from the corpus text
//!   "unlocated_gold": {
//!     "count": 0, "located": 812,
//!     "by_list": {"entities": 0, ...},       // only lists with a count
//!     "examples": [{"article": "v01", "list": "entities", "index": 3, "text": "…",
//!                   "reason": "not_in_text" | "empty"
//!                           | "only_before_cursor", "cursor": 120, "found_at": 40}]
//!   },
//!   "layers": {
//!     "entities":      {"status": "scored", "overall": PRF,
//!                       "by_type": {"LOC": PRF, "MISC": PRF, "ORG": PRF, "PER": PRF}},
//!     "nationalities": {"status": "scored", "found": PRF},
//!     "alias_clustering": {"status": "scored", "b_cubed": {"p": x, "r": x, "f1": x},
//!                          "gold_mentions": n, "matched_mentions": n, "matched_fraction": x},
//!     "places":        {"status": "scored", "accuracy": ACC, "precision": ACC},
//!     "dates":         {"status": "scored", "found": PRF, "value": ACC, "value_on_found": ACC,
//!                      "found_overlap": PRF, "value_overlap": ACC},
//!     "quantities":    {"status": "scored", "found": PRF, "value": ACC, "value_on_found": ACC,
//!                      "found_overlap": PRF, "value_overlap": ACC},
//!     "attributions":  {"status": "scored", "found": PRF, "speaker": ACC, "chain": ACC,
//!                       "hedged": ACC, "kind": ACC},
//!     "unsourced":     {"status": "scored", "found": PRF},
//!     // only when the corpus has events.jsonl (see the `events` module):
//!     "events":        {"status": "scored", "grouping": "gold_membership"|"system_stories",
//!                       "stories": n, "without_record": n, "type": ACC, "modes": PRF,
//!                       "actors": PRF, "recipients": PRF, "place": ACC, "date": ACC,
//!                       "fatalities": ACC, "responsibility": PRF,
//!                       "baseline_always_assault": ACC}
//!     // only when the corpus has stories.jsonl (see the `stories` module for the rules):
//!     "stories":       {"status": "scored", "pairwise": PRF, "b_cubed": {…}, "articles": n,
//!                       "gold_stories": n, "system_stories": n,
//!                       "baseline": {"method": "…", "threshold": x, "pairwise": PRF}},
//!     "copies":        {"status": "scored", "pairs": PRF, "baseline": {"method": "…", "pairs": PRF}},
//!     "facts":         {"status": "scored", "pairs": PRF, "baseline": {…}},
//!     "disagreements": {"status": "scored", "pairs": PRF, "baseline": {…}},
//!     "sources":       {"status": "scored", "right": ACC, "baseline": {"method": "…", "right": ACC}}
//!   },
//!   // only with --mismatches [LAYER,...]: one entry per disagreement with the gold
//!   "mismatches": [{"article": "v01", "layer": "attributions", "problem": "speaker",
//!                   "at": 1251, "text": "…", "expected": "gold id \"as written\"",
//!                   "got": "system key = gold id \"as written\""}]
//! }
//! PRF = {"p": x|null, "r": x|null, "f1": x|null, "tp": n, "fp": n, "fn": n}
//! ACC = {"accuracy": x|null, "right": n, "total": n}
//! not produced: {"status": "not_produced", "requires": ["places"],
//!                "documents_without": 3, "examples": ["v01", "v02", "v03"]}
//! ```
//! Layers appear in this order; `by_type` always has the four types.

mod corpus;
mod evaluate;
mod events;
mod locate;
mod metrics;
mod oracle;
mod render;
mod stories;

pub use corpus::{
    load_corpus, Corpus, EvalError, Gold, GoldAttribution, GoldDate, GoldEntity, GoldNationality,
    GoldPlace, GoldQuantity,
};
pub use evaluate::{
    evaluate, evaluate_with, evaluate_with_layer, AliasScores, AttributionScores, EntityScores,
    EvalOptions, FoundScores, LayerOutcome, LayerReports, Mismatch, NotProduced, PlaceScores,
    Report, UnlocatedSummary, ValueScores, MISMATCH_TEXT_CHARS, PLACE_TOLERANCE_KM,
    UNLOCATED_EXAMPLES,
};
pub use events::{
    load_event_gold, score_events, EventGold, EventScores, GoldEvent, GoldResponsibility,
    GoldStory as GoldEventStory, StoryGrouping, SystemStory,
};
pub use locate::{
    locate_gold, locate_in_order, CursorRule, LocatedGold, Placements, Unlocated, UnlocatedItem,
};
pub use metrics::{b_cubed, haversine_km, normalise_name, Accuracy, BCubed, Prf};
pub use oracle::oracle_documents;
pub use stories::{
    score_stories, score_stories_of, GoldCopy, GoldFact, GoldReport, GoldStory, PairBaseline,
    PairScores, SourceBaseline, SourceScores, StoryBaseline, StoryReports, StoryScores,
    SystemLayer,
};
