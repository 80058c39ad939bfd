//! Feature extraction. Features are hashed (FNV-1a, 64 bit) straight from the bytes of
//! the words, so tagging allocates nothing per token.

use crate::Upos;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn mix(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

#[inline]
fn template(id: u8) -> u64 {
    mix(FNV_OFFSET, &[id, 0xff])
}

/// Each word of a sentence lowercased as [`lower_into`] does.
pub fn lowered(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .map(|w| {
            let mut s = String::new();
            lower_into(w, &mut s);
            s
        })
        .collect()
}

/// Lowercases ASCII and the common accented capitals into `buf` (reused across calls).
pub fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            buf.extend(c.to_lowercase());
        }
    }
}

/// Word shape: X for capitals, x for lowercase, d for digits, other chars kept, runs
/// collapsed ("Deir" → "Xx", "al-Anbar" → "x-Xx", "10.000" → "d.d").
pub fn shape(word: &str, out: &mut Vec<u8>) {
    out.clear();
    for c in word.chars().take(12) {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'o'
        };
        if out.last() != Some(&s) {
            out.push(s);
        }
    }
}

fn suffix(word: &str, n: usize) -> &str {
    let mut idx = word.len();
    for _ in 0..n {
        match word[..idx].char_indices().next_back() {
            Some((i, _)) => idx = i,
            None => return word,
        }
    }
    &word[idx..]
}

fn prefix(word: &str, n: usize) -> &str {
    match word.char_indices().nth(n) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

/// Context for one position: the lowercased words around it and the two previous tags.
pub struct Context<'a> {
    pub word: &'a str,
    pub lower: &'a str,
    pub prev_lower: &'a str,
    pub prev2_lower: &'a str,
    pub next_lower: &'a str,
    pub next2_lower: &'a str,
    pub prev_tag: Option<Upos>,
    pub prev2_tag: Option<Upos>,
    pub sentence_initial: bool,
}

/// Pushes the hashed features of a position into `out` (cleared first): those of the word
/// alone ([`extract_word`]), then those of its context ([`extract_context`]).
pub fn extract(ctx: &Context<'_>, shape_buf: &mut Vec<u8>, out: &mut Vec<u64>) {
    extract_word(ctx.word, ctx.lower, ctx.sentence_initial, shape_buf, out);
    extract_context(ctx, out);
}

/// The features that depend on the word alone (as written, lowercased, and whether it
/// opens the sentence), into `out` (cleared first): the first ones [`extract`] pushes.
pub fn extract_word(
    word: &str,
    lower: &str,
    sentence_initial: bool,
    shape_buf: &mut Vec<u8>,
    out: &mut Vec<u64>,
) {
    out.clear();
    out.push(template(0));
    out.push(mix(template(1), lower.as_bytes()));
    out.push(mix(template(2), suffix(lower, 1).as_bytes()));
    out.push(mix(template(3), suffix(lower, 2).as_bytes()));
    out.push(mix(template(4), suffix(lower, 3).as_bytes()));
    out.push(mix(template(5), prefix(lower, 2).as_bytes()));
    shape(word, shape_buf);
    out.push(mix(template(6), shape_buf));
    out.push(mix(mix(template(7), shape_buf), &[sentence_initial as u8]));
}

/// The features of a position's context (words around, previous tags), appended to
/// `out`: the ones [`extract`] pushes after [`extract_word`]'s.
pub fn extract_context(ctx: &Context<'_>, out: &mut Vec<u64>) {
    let tag_byte = |t: Option<Upos>| t.map(|t| t as u8).unwrap_or(0xfe);
    out.push(mix(template(8), &[tag_byte(ctx.prev_tag)]));
    out.push(mix(
        template(9),
        &[tag_byte(ctx.prev_tag), tag_byte(ctx.prev2_tag)],
    ));
    out.push(mix(template(10), ctx.prev_lower.as_bytes()));
    out.push(mix(template(11), ctx.next_lower.as_bytes()));
    out.push(mix(template(12), ctx.prev2_lower.as_bytes()));
    out.push(mix(template(13), ctx.next2_lower.as_bytes()));
    out.push(mix(
        mix(template(14), &[tag_byte(ctx.prev_tag)]),
        ctx.lower.as_bytes(),
    ));
    out.push(mix(template(15), suffix(ctx.next_lower, 3).as_bytes()));
    out.push(mix(
        mix(template(16), ctx.prev_lower.as_bytes()),
        ctx.lower.as_bytes(),
    ));
    // The word as written: capitalised forms of common words ("Selon") differ from names.
    out.push(mix(template(17), ctx.word.as_bytes()));
}

/// A 64-bit hash of a word and whether it opens its sentence (the key of the tagger's
/// memory of word scores).
pub(crate) fn word_hash(word: &str, sentence_initial: bool) -> u64 {
    mix(mix(FNV_OFFSET, word.as_bytes()), &[sentence_initial as u8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes_handle_multibyte_words() {
        let mut buf = Vec::new();
        shape("al-Anbar", &mut buf);
        assert_eq!(buf, b"x-Xx");
        shape("10.000", &mut buf);
        assert_eq!(buf, b"d.d");
        assert_eq!(suffix("armée", 2), "ée");
        assert_eq!(prefix("État", 2), "Ét");
        assert_eq!(suffix("é", 3), "é");
    }
}
