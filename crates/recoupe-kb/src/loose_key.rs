//! The transliteration-tolerant keys of place names (see `Reference::loose_key`), shared
//! by the loose indexes (`loose.rs`) and build.rs, which precomputes the keys of every
//! GeoNames place: the key function cannot drift between the two.

use crate::key::{key, key_into};

/// Arabic article forms (and French elided articles) dropped when they open a name.
pub(crate) const LEADING_ARTICLES: &[&str] = &[
    "al", "el", "ad", "ed", "as", "es", "ar", "er", "an", "at", "az", "ez", "ash", "ach", "ech",
];

/// See `Reference::loose_key`.
pub(crate) fn loose_key(surface: &str) -> String {
    let mut out = String::new();
    loose_of_words(key(surface).split(' '), &mut out);
    out
}

/// The loose key of the words of a match key (empty words skipped), written into `out`
/// (cleared first).
///
/// One pass over the characters, no iterator adapters: the per-country index computes the
/// key of every name of a country (tens of thousands for a large one), so this loop is
/// most of an index's cost. `tests::reference_loose_of_words` is the plain statement of the
/// same mapping, and a property test holds the two equal.
pub(crate) fn loose_of_words<'a>(words: impl Iterator<Item = &'a str>, out: &mut String) {
    out.clear();
    let mut writer = LooseWriter {
        out,
        pending: None,
        last: None,
    };
    // A leading article is dropped only when a word follows it: it waits here until then.
    let mut held_article: Option<&str> = None;
    let mut first = true;
    for w in words.filter(|w| !w.is_empty()) {
        if first {
            first = false;
            if is_article(w) {
                held_article = Some(w);
                continue;
            }
        } else {
            // a second word: the article held before it is dropped
            held_article = None;
        }
        writer.word(w);
    }
    if let Some(article) = held_article {
        writer.word(article);
    }
    writer.finish();
    // the final "h" of "Nineveh", "Mosleh" is dropped by other transliterations
    if out.len() > 3 && out.ends_with('h') {
        out.pop();
    }
}

/// The character mapping of [`loose_of_words`]: each alphanumeric character waits for the
/// next one (across words, as the characters of a name run on) to tell a digraph.
struct LooseWriter<'o> {
    out: &'o mut String,
    /// A character read, not yet written: the next one may make a digraph of it.
    pending: Option<char>,
    /// The last character written: doubled letters are written once.
    last: Option<char>,
}

impl LooseWriter<'_> {
    fn word(&mut self, w: &str) {
        // French elision ("l'Euphrate", "d'Alep") belongs to the sentence, not the name.
        let w = match w.split_at_checked(2) {
            Some(("l'" | "d'", tail)) if !tail.is_empty() => tail,
            _ => w,
        };
        for c in w.chars() {
            if c.is_alphanumeric() {
                self.char(c);
            }
        }
    }

    fn char(&mut self, c: char) {
        let Some(p) = self.pending.take() else {
            self.pending = Some(c);
            return;
        };
        let digraph = match (p, c) {
            ('o', 'u') => Some('u'),
            ('c' | 's', 'h') => Some('s'),
            ('k', 'h') => Some('k'),
            ('g', 'h') => Some('g'),
            ('p', 'h') => Some('f'),
            ('t', 'h') => Some('t'),
            ('d', 'h') => Some('d'),
            ('d', 'j') => Some('j'),
            ('c', 'k') => Some('k'),
            _ => None,
        };
        match digraph {
            Some(mapped) => self.write(mapped),
            None => {
                self.write(single(p));
                self.pending = Some(c);
            }
        }
    }

    fn finish(&mut self) {
        if let Some(p) = self.pending.take() {
            self.write(single(p));
        }
    }

    fn write(&mut self, mapped: char) {
        // doubled letters (gemination, "Ezzor") are written single by other spellings
        if self.last != Some(mapped) {
            self.out.push(mapped);
            self.last = Some(mapped);
        }
    }
}

/// A character of a loose key that starts no digraph with the one after it.
fn single(c: char) -> char {
    match c {
        'q' | 'c' => 'k',
        'e' | 'i' | 'y' => 'i',
        'o' | 'u' => 'u',
        _ => c,
    }
}

/// Coarser key, tried when the loose key finds nothing: articles inside the name dropped
/// too ("Salah ad-Din") and every vowel after the first letter, so that "Salahudin" and
/// "Salah ad-Din" meet. Only keys of at least four consonants are used: shorter skeletons
/// match too many names.
pub(crate) fn skeleton_key(surface: &str) -> Option<String> {
    let mut loose = String::new();
    let mut out = String::new();
    skeleton_of_key(&key(surface), &mut loose, &mut out).then_some(out)
}

/// Words the skeleton leaves out: Arabic articles anywhere, and linking particles after
/// the first word.
fn skeleton_drops(i: usize, w: &str) -> bool {
    is_article(w) || (i > 0 && matches!(w, "ud" | "ul" | "al" | "el"))
}

/// One of [`LEADING_ARTICLES`]; their length first, as most words are longer.
pub(crate) fn is_article(w: &str) -> bool {
    w.len() <= 3 && LEADING_ARTICLES.contains(&w)
}

/// [`skeleton_key`] of a match key, written into `out` (cleared first; `loose` is a
/// scratch buffer); false when the skeleton is too short to be used.
fn skeleton_of_key(folded: &str, loose: &mut String, out: &mut String) -> bool {
    let kept = folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .enumerate()
        .filter(|&(i, w)| !skeleton_drops(i, w))
        .map(|(_, w)| w);
    loose_of_words(kept, loose);
    skeleton_of_loose(loose, out)
}

/// The skeleton of the loose key of the words it keeps, written into `out` (cleared first);
/// false when it is too short to be used.
fn skeleton_of_loose(loose: &str, out: &mut String) -> bool {
    out.clear();
    out.push('#');
    let mut count = 1;
    let mut last = '#';
    for (i, c) in loose.chars().enumerate() {
        if i > 0 && matches!(c, 'a' | 'i' | 'u') {
            continue;
        }
        if last != c {
            out.push(c);
            last = c;
            count += 1;
        }
    }
    count > 4
}

/// Levenshtein distance over chars (names are short: the quadratic table is tiny).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// Buffers reused over the names of an index: a large country has tens of thousands.
#[derive(Default)]
pub(crate) struct KeyBuffers {
    folded: String,
    loose: String,
    scratch: String,
    skeleton: String,
}

impl KeyBuffers {
    /// Calls `found` with each key a place name is indexed under: its loose key when it has
    /// three letters or more, then its skeleton when that is long enough to be used.
    pub(crate) fn keys_of(&mut self, name: &str, mut found: impl FnMut(&str)) {
        key_into(name, &mut self.folded);
        loose_of_words(self.folded.split(' '), &mut self.loose);
        if self.loose.len() < 3 {
            return;
        }
        found(&self.loose);
        // Most names have no word the skeleton leaves out: it keeps every word, and a first
        // word that is no article, so its loose key is the one just made.
        let drops = self
            .folded
            .split(' ')
            .filter(|w| !w.is_empty())
            .enumerate()
            .any(|(i, w)| skeleton_drops(i, w));
        let usable = if drops {
            skeleton_of_key(&self.folded, &mut self.scratch, &mut self.skeleton)
        } else {
            skeleton_of_loose(&self.loose, &mut self.skeleton)
        };
        if usable {
            found(&self.skeleton);
        }
    }
}

/// Hash of a loose key in the indexes: FNV-1a, the same on every platform and in build.rs,
/// whose precomputed tables hold it.
pub(crate) fn hash_of(key: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}
