//! Normalisation of French news text that keeps a map back to the original byte offsets.
//!
//! The normaliser composes the text to NFC and folds the typographic variants that would
//! otherwise multiply every rule downstream: curly apostrophes become `'`, the many
//! no-break and thin spaces become `' '`, guillemets and curly double quotes become `"`,
//! presentation ligatures (`ﬁ`, `ﬂ`, …) are spelt out and Unicode hyphens become `-`.
//! `œ`, accents and dashes (`–`, `—`) are kept: they carry meaning in French.
//!
//! Nothing is ever deleted, so every original character has an image in the normalised
//! text and offsets map both ways. When nothing changes (plain ASCII, or French text that
//! is already typographically plain) the map is the identity and no edit is recorded.

use std::borrow::Cow;

use recoupe_model::Span;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Which way a quotation mark faces, as written in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteDirection {
    /// `«`, `“`, `„`, `‹`: opens a quotation.
    Open,
    /// `»`, `”`, `›`: closes a quotation.
    Close,
    /// A mark that may open or close (the fullwidth `＂`).
    Either,
}

/// Why a stretch of the original text was rewritten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditKind {
    /// A typographic apostrophe (`’`, `‘`, `ʼ`, …) became `'`.
    Apostrophe,
    /// A quotation mark became `"`; the note keeps its direction.
    Quote(QuoteDirection),
    /// A no-break, thin or zero-width space became `' '`.
    Space,
    /// A presentation ligature (`ﬁ`) was spelt out (`fi`).
    Ligature,
    /// A Unicode hyphen (`‐`, `‑`) became `-`.
    Hyphen,
    /// A sequence that was not in NFC was composed.
    Compose,
}

/// One rewritten stretch: `original[orig]` became `text[norm]`. Neither side is empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edit {
    /// Start of the rewritten stretch in the original text (byte offset).
    pub orig_start: usize,
    /// End (exclusive) of the rewritten stretch in the original text.
    pub orig_end: usize,
    /// Start of its replacement in the normalised text.
    pub norm_start: usize,
    /// End (exclusive) of its replacement in the normalised text.
    pub norm_end: usize,
    /// What was rewritten.
    pub kind: EditKind,
}

/// Normalised text plus the map back to the original byte offsets.
///
/// The map is piecewise: outside the recorded [`Edit`]s the two texts are byte-identical
/// and offsets differ by a constant. An offset that falls strictly inside an edit maps to
/// the edit's start ([`Normalized::to_original`]) or end (the end of a span in
/// [`Normalized::span_to_original`]), so a mapped span always covers whole characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    edits: Vec<Edit>,
    original_len: usize,
}

impl Normalized {
    /// Whether the normalised text is byte-identical to the original.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// The rewritten stretches, in text order.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Original byte offset of normalised byte offset `norm_byte`. Offsets inside a
    /// rewritten stretch map to its start; offsets past the end map to the original end.
    pub fn to_original(&self, norm_byte: usize) -> usize {
        map_floor(&self.edits, norm_byte).min(self.original_len)
    }

    /// Original span of the normalised span `[start, end)`: the start maps down and the
    /// end maps up, so the result covers every original character the normalised span
    /// was made from.
    pub fn span_to_original(&self, start: usize, end: usize) -> Span {
        let orig_start = self.to_original(start);
        let orig_end = if end <= start {
            orig_start
        } else {
            map_ceil(&self.edits, end).min(self.original_len)
        };
        Span::new(orig_start, orig_end.max(orig_start))
    }

    /// Normalised byte offset of original byte offset `orig_byte` (the inverse of
    /// [`Normalized::to_original`] on offsets outside rewritten stretches; inside one it
    /// maps to the stretch's normalised start).
    pub fn to_normalized(&self, orig_byte: usize) -> usize {
        let idx = self.edits.partition_point(|e| e.orig_end <= orig_byte);
        if let Some(edit) = self.edits.get(idx) {
            if edit.orig_start < orig_byte {
                return edit.norm_start;
            }
        }
        let shifted = match idx.checked_sub(1).map(|i| &self.edits[i]) {
            Some(prev) => orig_byte - prev.orig_end + prev.norm_end,
            None => orig_byte,
        };
        shifted.min(self.text.len())
    }
}

/// Normalises `original` (see the module documentation) and records the offset map.
pub fn normalize(original: &str) -> Normalized {
    let (text, edits) = normalize_cow(original);
    Normalized {
        text: text.into_owned(),
        edits,
        original_len: original.len(),
    }
}

/// [`normalize`] without copying the text when nothing changes.
pub(crate) fn normalize_cow(original: &str) -> (Cow<'_, str>, Vec<Edit>) {
    let bytes = original.as_bytes();
    let len = bytes.len();
    let mut out: Option<String> = None;
    let mut copied_upto = 0;
    let mut edits = Vec::new();
    // Start of the current NFC segment: the last starter that nothing before it can
    // compose with. Composition never crosses such a starter, so segments normalise
    // independently.
    let mut segment_start = 0;
    let mut i = 0;
    while i < len {
        if bytes[i] < 0x80 {
            i = skip_ascii(bytes, i);
            segment_start = i - 1;
            continue;
        }
        let c = decode_at(original, i);
        let c_len = c.len_utf8();
        if let Some((replacement, kind)) = replacement(c) {
            let buffer = out.get_or_insert_with(|| String::with_capacity(len));
            buffer.push_str(&original[copied_upto..i]);
            let norm_start = buffer.len();
            buffer.push_str(replacement);
            edits.push(Edit {
                orig_start: i,
                orig_end: i + c_len,
                norm_start,
                norm_end: buffer.len(),
                kind,
            });
            i += c_len;
            copied_upto = i;
            segment_start = i;
            continue;
        }
        if is_stable_starter(c) {
            segment_start = i;
            i += c_len;
            continue;
        }
        // A combining mark or a character that may change under NFC: normalise the
        // segment from the last stable starter to the next one.
        let mut end = i + c_len;
        while end < len && bytes[end] >= 0x80 {
            let next = decode_at(original, end);
            if replacement(next).is_some() || is_stable_starter(next) {
                break;
            }
            end += next.len_utf8();
        }
        let segment_from = segment_start.max(copied_upto);
        let segment = &original[segment_from..end];
        if !segment.chars().nfc().eq(segment.chars()) {
            let composed: String = segment.chars().nfc().collect();
            // Record only the part that changed, so that a space or letter in front of a
            // combining sequence keeps its own offsets.
            let (prefix, suffix) = common_affixes(segment, &composed);
            let buffer = out.get_or_insert_with(|| String::with_capacity(len));
            buffer.push_str(&original[copied_upto..segment_from + prefix]);
            let norm_start = buffer.len();
            buffer.push_str(&composed[prefix..composed.len() - suffix]);
            edits.push(Edit {
                orig_start: segment_from + prefix,
                orig_end: end - suffix,
                norm_start,
                norm_end: buffer.len(),
                kind: EditKind::Compose,
            });
            buffer.push_str(&original[end - suffix..end]);
            copied_upto = end;
        }
        i = end;
    }
    match out {
        Some(mut buffer) => {
            buffer.push_str(&original[copied_upto..]);
            (Cow::Owned(buffer), edits)
        }
        None => (Cow::Borrowed(original), edits),
    }
}

/// Byte lengths of the longest common prefix and suffix (in whole chars) of two different
/// strings, leaving a non-empty differing middle on both sides.
fn common_affixes(a: &str, b: &str) -> (usize, usize) {
    let prefix: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let suffix: usize = a[prefix..]
        .chars()
        .rev()
        .zip(b[prefix..].chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    if prefix + suffix >= a.len() || prefix + suffix >= b.len() {
        // One side would be empty: keep the whole segment as the edit.
        return (0, 0);
    }
    (prefix, suffix)
}

/// Index of the first non-ASCII byte at or after `i` (or the length), scanning eight
/// bytes at a time: French prose is mostly ASCII.
#[inline]
fn skip_ascii(bytes: &[u8], mut i: usize) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    while i + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        if u64::from_le_bytes(word) & HIGH_BITS != 0 {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] < 0x80 {
        i += 1;
    }
    i
}

/// The char starting at byte `i` of `s` (which must be a char boundary).
#[inline]
pub(crate) fn decode_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or('\u{FFFD}')
}

/// A character that starts an NFC segment: nothing before it composes with it.
#[inline]
fn is_stable_starter(c: char) -> bool {
    // Latin-1 and Latin Extended-A/B letters are all precomposed starters; checking the
    // range first keeps accented French letters off the table lookups.
    if ('\u{00A0}'..='\u{024F}').contains(&c) {
        return true;
    }
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// The plain form of a typographic character, if the normaliser rewrites it.
#[inline]
pub(crate) fn replacement(c: char) -> Option<(&'static str, EditKind)> {
    let mapped = match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{201B}' | '\u{FF07}' => {
            ("'", EditKind::Apostrophe)
        }
        '\u{00AB}' | '\u{201C}' | '\u{201E}' | '\u{201F}' | '\u{2039}' => {
            ("\"", EditKind::Quote(QuoteDirection::Open))
        }
        '\u{00BB}' | '\u{201D}' | '\u{203A}' => ("\"", EditKind::Quote(QuoteDirection::Close)),
        '\u{FF02}' => ("\"", EditKind::Quote(QuoteDirection::Either)),
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200B}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{2060}'
        | '\u{3000}'
        | '\u{FEFF}'
        | '\u{180E}' => (" ", EditKind::Space),
        '\u{2010}' | '\u{2011}' => ("-", EditKind::Hyphen),
        '\u{FB00}' => ("ff", EditKind::Ligature),
        '\u{FB01}' => ("fi", EditKind::Ligature),
        '\u{FB02}' => ("fl", EditKind::Ligature),
        '\u{FB03}' => ("ffi", EditKind::Ligature),
        '\u{FB04}' => ("ffl", EditKind::Ligature),
        '\u{FB05}' | '\u{FB06}' => ("st", EditKind::Ligature),
        _ => return None,
    };
    Some(mapped)
}

/// Whether `c` separates tokens: Unicode whitespace, plus the zero-width and other
/// invisible separators the normaliser turns into spaces. No token contains one.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(replacement(c), Some((_, EditKind::Space)))
}

/// Floor mapping of a normalised offset through sorted edits.
fn map_floor(edits: &[Edit], norm: usize) -> usize {
    let idx = edits.partition_point(|e| e.norm_end <= norm);
    if let Some(edit) = edits.get(idx) {
        if edit.norm_start < norm {
            return edit.orig_start;
        }
    }
    shift(edits, idx, norm)
}

/// Ceiling mapping of a normalised offset through sorted edits.
fn map_ceil(edits: &[Edit], norm: usize) -> usize {
    let idx = edits.partition_point(|e| e.norm_end <= norm);
    if let Some(edit) = edits.get(idx) {
        if edit.norm_start < norm {
            return edit.orig_end;
        }
    }
    shift(edits, idx, norm)
}

/// Offset of `norm` in the identical stretch after edit `idx - 1`.
#[inline]
fn shift(edits: &[Edit], idx: usize, norm: usize) -> usize {
    match idx.checked_sub(1).map(|i| &edits[i]) {
        Some(prev) => norm - prev.norm_end + prev.orig_end,
        None => norm,
    }
}

/// Maps a non-decreasing sequence of normalised offsets in one pass over the edits.
pub(crate) struct SequentialMapper<'e> {
    edits: &'e [Edit],
    next: usize,
}

impl<'e> SequentialMapper<'e> {
    pub(crate) fn new(edits: &'e [Edit]) -> Self {
        SequentialMapper { edits, next: 0 }
    }

    #[inline]
    fn advance(&mut self, norm: usize) {
        while self.next < self.edits.len() && self.edits[self.next].norm_end <= norm {
            self.next += 1;
        }
    }

    /// Like [`map_floor`]; offsets must not decrease between calls.
    #[inline]
    pub(crate) fn floor(&mut self, norm: usize) -> usize {
        self.advance(norm);
        match self.edits.get(self.next) {
            Some(edit) if edit.norm_start < norm => edit.orig_start,
            _ => shift(self.edits, self.next, norm),
        }
    }

    /// Like [`map_ceil`]; offsets must not decrease between calls.
    #[inline]
    pub(crate) fn ceil(&mut self, norm: usize) -> usize {
        self.advance(norm);
        match self.edits.get(self.next) {
            Some(edit) if edit.norm_start < norm => edit.orig_end,
            _ => shift(self.edits, self.next, norm),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_identity() {
        let n = normalize("Le président a déclaré lundi que l'armée était prête.");
        assert!(n.is_identity());
        assert_eq!(n.to_original(10), 10);
    }

    #[test]
    fn typographic_marks_are_folded() {
        let original = "«\u{a0}Nous l’avons dit\u{202f}!\u{a0}» – ﬁn";
        let n = normalize(original);
        assert_eq!(n.text, "\" Nous l'avons dit ! \" – fin");
        let kinds: Vec<EditKind> = n.edits().iter().map(|e| e.kind).collect();
        assert_eq!(kinds[0], EditKind::Quote(QuoteDirection::Open));
        assert!(kinds.contains(&EditKind::Quote(QuoteDirection::Close)));
        assert!(kinds.contains(&EditKind::Ligature));
    }

    #[test]
    fn oe_ligature_and_dashes_are_kept() {
        let n = normalize("cœur — œuvre – fin");
        assert!(n.is_identity());
    }

    #[test]
    fn decomposed_accents_are_composed_and_mapped_back() {
        let original = "e\u{301}te\u{301} l'ami";
        let n = normalize(original);
        assert_eq!(n.text, "été l'ami");
        // "été" in the normalised text covers the whole decomposed original.
        let span = n.span_to_original(0, "été".len());
        assert_eq!(&original[span.start..span.end], "e\u{301}te\u{301}");
        let ami = n.text.find("ami").unwrap();
        let span = n.span_to_original(ami, ami + 3);
        assert_eq!(&original[span.start..span.end], "ami");
    }

    #[test]
    fn offsets_inside_an_edit_map_to_its_edges() {
        let original = "a\u{202f}b";
        let n = normalize(original);
        assert_eq!(n.text, "a b");
        assert_eq!(n.to_original(1), 1);
        assert_eq!(n.to_original(2), 4);
        assert_eq!(n.to_normalized(4), 2);
        assert_eq!(n.to_normalized(2), 1);
        let ligature = normalize("xﬁy");
        assert_eq!(ligature.text, "xfiy");
        assert_eq!(ligature.span_to_original(2, 3), Span::new(1, 4));
    }
}
