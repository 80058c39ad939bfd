//! Transliteration-tolerant place matching within given countries (see
//! `Reference::loose_places`).

use std::hash::BuildHasher;
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashMap;

use crate::key::{key, key_into};
use crate::PlaceRecord;

/// Arabic article forms (and French elided articles) dropped when they open a name.
const LEADING_ARTICLES: &[&str] = &[
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
fn loose_of_words<'a>(words: impl Iterator<Item = &'a str>, out: &mut String) {
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
fn is_article(w: &str) -> bool {
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
struct KeyBuffers {
    folded: String,
    loose: String,
    scratch: String,
    skeleton: String,
}

impl KeyBuffers {
    /// Calls `found` with each key a place name is indexed under: its loose key when it has
    /// three letters or more, then its skeleton when that is long enough to be used.
    fn keys_of(&mut self, name: &str, mut found: impl FnMut(&str)) {
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

fn names_of(place: &PlaceRecord) -> impl Iterator<Item = &String> {
    std::iter::once(&place.name)
        .chain(&place.alt_names)
        .chain(place.name_en.as_ref())
}

fn hash_of(key: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(key)
}

/// The loose-key index of one country: for each hash of a key, its rows in a chain. Hashes
/// rather than the keys: a country's index is built for a few lookups, and one allocation
/// per key (with its own list of rows) cost more than the keys' whole computation. A
/// lookup checks the rows of a hash against the key itself, so two keys sharing a hash
/// find only their own rows.
#[derive(Debug, Default)]
pub(crate) struct CountryIndex {
    /// Hash of a key → the link of the last row added under it.
    heads: FxHashMap<u64, u32>,
    /// (row, link of the row added before it under the same hash, or `NONE`).
    links: Vec<(u32, u32)>,
}

const NONE: u32 = u32::MAX;

impl CountryIndex {
    /// Adds `row` under `hash`; rows come in increasing order, and a row added twice under a
    /// hash (two names of a place with one key) is kept once.
    fn add(&mut self, hash: u64, row: u32) {
        let next = self.links.len() as u32;
        match self.heads.entry(hash) {
            std::collections::hash_map::Entry::Occupied(mut head) => {
                let last = *head.get();
                if self.links[last as usize].0 != row {
                    self.links.push((row, last));
                    head.insert(next);
                }
            }
            std::collections::hash_map::Entry::Vacant(head) => {
                self.links.push((row, NONE));
                head.insert(next);
            }
        }
    }

    /// Rows of the places with a name indexed under `key` (see [`KeyBuffers::keys_of`]),
    /// in increasing order.
    pub(crate) fn rows(&self, key: &str, places: &[PlaceRecord]) -> Vec<u32> {
        let mut out = Vec::new();
        let mut link = self.heads.get(&hash_of(key)).copied().unwrap_or(NONE);
        let mut buffers = KeyBuffers::default();
        while link != NONE {
            let (row, before) = self.links[link as usize];
            let mut found = false;
            for name in names_of(&places[row as usize]) {
                buffers.keys_of(name, |k| found |= k == key);
                if found {
                    out.push(row);
                    break;
                }
            }
            link = before;
        }
        // the chain runs from the last row added
        out.reverse();
        out
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.links.is_empty()
    }
}

/// Loose-key indexes by country, built the first time a country is asked for: most
/// documents need two or three countries, and building all of them would cost start-up time.
#[derive(Default)]
pub(crate) struct LooseIndexes {
    by_country: Mutex<FxHashMap<String, Arc<CountryIndex>>>,
    /// Rows of the places of each country (its own or one it is shared with), made in one
    /// pass on first use: comparing every place's country for every country indexed
    /// would cost more than the index itself.
    rows: OnceLock<FxHashMap<String, Vec<u32>>>,
}

impl LooseIndexes {
    pub(crate) fn index(&self, country: &str, places: &[PlaceRecord]) -> Arc<CountryIndex> {
        // A poisoned lock only means another thread panicked while inserting; the map is
        // still a valid cache.
        let mut map = self
            .by_country
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(index) = map.get(country) {
            return Arc::clone(index);
        }
        let rows = self.rows.get_or_init(|| {
            let mut rows: FxHashMap<String, Vec<u32>> = FxHashMap::default();
            for (row, place) in places.iter().enumerate() {
                for c in std::iter::once(&place.country).chain(&place.countries) {
                    let of_country = match rows.get_mut(c.as_str()) {
                        Some(of_country) => of_country,
                        None => rows.entry(c.clone()).or_default(),
                    };
                    if of_country.last() != Some(&(row as u32)) {
                        of_country.push(row as u32);
                    }
                }
            }
            rows
        });
        let rows = rows.get(country).map(Vec::as_slice).unwrap_or_default();
        let mut index = CountryIndex::default();
        // about two keys a name and three names a place: growing a large country's table
        // step by step would rehash it many times over
        index.heads.reserve(rows.len() * 4);
        index.links.reserve(rows.len() * 4);
        let mut buffers = KeyBuffers::default();
        for &row in rows {
            for name in names_of(&places[row as usize]) {
                buffers.keys_of(name, |k| index.add(hash_of(k), row));
            }
        }
        let index = Arc::new(index);
        map.insert(country.to_string(), Arc::clone(&index));
        index
    }
}

#[cfg(test)]
mod tests {
    use super::{loose_key, skeleton_key, CountryIndex, LooseIndexes, LEADING_ARTICLES};
    use crate::PlaceRecord;

    fn place(name: &str, country: &str, countries: &[&str]) -> PlaceRecord {
        PlaceRecord {
            geonameid: None,
            subdivision: None,
            extra_id: None,
            name_en: None,
            countries: countries.iter().map(|c| c.to_string()).collect(),
            name: name.to_string(),
            alt_names: Vec::new(),
            country: country.to_string(),
            admin1: String::new(),
            kind: recoupe_model::PlaceKind::City,
            feature_class: "P",
            feature_code: "PPL",
            lat: None,
            lon: None,
            population: 0,
            division_word: None,
        }
    }

    #[test]
    fn a_country_index_holds_its_own_places_and_those_it_shares() {
        let places = [
            place("Qaim", "IQ", &[]),
            place("Rakka", "SY", &[]),
            // a river listed under its usual country and the others it crosses
            place("Furat", "TR", &["TR", "SY", "IQ"]),
            place("Salah ad-Din", "IQ", &[]),
        ];
        let indexes = LooseIndexes::default();
        let iraq = indexes.index("IQ", &places);
        assert_eq!(iraq.rows(&loose_key("al-Qaem"), &places), [0]);
        assert_eq!(iraq.rows(&loose_key("Rakka"), &places), []);
        assert_eq!(iraq.rows(&loose_key("Fourat"), &places), [2]);
        assert_eq!(iraq.rows(&skeleton_key("Salahudin").unwrap(), &places), [3]);
        let syria = indexes.index("SY", &places);
        assert_eq!(syria.rows(&loose_key("Raqqa"), &places), [1]);
        assert_eq!(syria.rows(&loose_key("Furat"), &places), [2]);
        // the usual country once, though it is also in the list
        let turkey = indexes.index("TR", &places);
        assert_eq!(turkey.rows(&loose_key("Furat"), &places), [2]);
        assert!(indexes.index("FR", &places).is_empty());
    }

    #[test]
    fn transliterations_share_a_loose_key() {
        let same = [
            ("al-Qaem", "Al Qa'im"),
            ("al-Qaem", "Qaim"),
            ("Ninive", "Nineveh"),
            ("al-Baghouz", "Baghuz"),
            ("Deir Ezzor", "Deir ez-Zor"),
            ("l'Euphrate", "Euphrate"),
            ("Chatt al-Arab", "Shatt al-Arab"),
        ];
        for (a, b) in same {
            assert_eq!(loose_key(a), loose_key(b), "{a} vs {b}");
        }
        assert_ne!(loose_key("Homs"), loose_key("Hama"));
        assert_eq!(skeleton_key("Salahudin"), skeleton_key("Salah ad-Din"));
        assert_eq!(skeleton_key("Hama"), None);
        assert_eq!(super::edit_distance("salahudin", "salahadin"), 1);
        assert_eq!(super::edit_distance("", "abc"), 3);
        assert_eq!(super::edit_distance("kitten", "sitting"), 3);
        assert_ne!(loose_key("Mossoul"), loose_key("Massoul"));
    }

    #[test]
    fn rows_of_a_hash_are_checked_against_the_key() {
        let places = [
            place("Bassora", "IQ", &[]),
            place("Mossoul", "IQ", &[]),
            place("Samarra", "IQ", &[]),
            place("Basora", "IQ", &[]),
        ];
        let (basra, mosul) = (loose_key("Bassora"), loose_key("Mossoul"));
        // two keys made to share a hash: each finds its own places only, in order
        let mut index = CountryIndex::default();
        for (hash, row) in [(7, 0), (7, 1), (9, 2), (7, 3), (7, 3)] {
            index.add(hash, row);
        }
        assert_eq!(
            index.links.len(),
            4,
            "a row added twice under a hash is kept once"
        );
        let under_seven = |key: &str| {
            let index = CountryIndex {
                links: vec![(0, super::NONE), (1, 0), (3, 1)],
                heads: [(super::hash_of(key), 2)].into_iter().collect(),
            };
            index.rows(key, &places)
        };
        assert_eq!(under_seven(&basra), [0, 3]);
        assert_eq!(under_seven(&mosul), [1]);
        // through the index's own hashing
        let indexes = LooseIndexes::default();
        let iraq = indexes.index("IQ", &places);
        assert_eq!(iraq.rows(&basra, &places), [0, 3]);
        assert_eq!(iraq.rows(&loose_key("Samara"), &places), [2]);
        assert_eq!(iraq.rows("#zzzz", &places), Vec::<u32>::new());
    }

    /// The loose key as first written, with iterator adapters: the statement
    /// `loose_of_words` must keep.
    fn reference_loose_of_words<'a>(words: impl Iterator<Item = &'a str> + Clone) -> String {
        let mut out = String::new();
        let mut words = words.filter(|w| !w.is_empty()).peekable();
        let mut ahead = words.clone();
        if ahead.next().is_some_and(|w| LEADING_ARTICLES.contains(&w)) && ahead.next().is_some() {
            words.next();
        }
        let mut chars = words
            .map(|w| match w.split_once('\'') {
                Some((head, tail)) if matches!(head, "l" | "d") && !tail.is_empty() => tail,
                _ => w,
            })
            .flat_map(|w| w.chars().filter(|c| c.is_alphanumeric()))
            .peekable();
        while let Some(c) = chars.next() {
            let next = chars.peek().copied().unwrap_or('\0');
            let (mapped, advance) = match (c, next) {
                ('o', 'u') => ('u', 2),
                ('c' | 's', 'h') => ('s', 2),
                ('k', 'h') => ('k', 2),
                ('g', 'h') => ('g', 2),
                ('p', 'h') => ('f', 2),
                ('t', 'h') => ('t', 2),
                ('d', 'h') => ('d', 2),
                ('d', 'j') => ('j', 2),
                ('c', 'k') => ('k', 2),
                ('q' | 'c', _) => ('k', 1),
                ('e' | 'i' | 'y', _) => ('i', 1),
                ('o' | 'u', _) => ('u', 1),
                _ => (c, 1),
            };
            if advance == 2 {
                chars.next();
            }
            if out.ends_with(mapped) {
                continue;
            }
            out.push(mapped);
        }
        if out.len() > 3 && out.ends_with('h') {
            out.pop();
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn loose_key_is_the_reference_mapping(
            s in "((al|el|as|ash|l'|d'|ou|ch|sh|kh|gh|ph|th|dh|dj|ck|q|c|e|i|y|o|u|h|a|k|s|t|d|'|-| |\\PC)){0,12}"
        ) {
            let folded = crate::key::key(&s);
            let mut fast = String::new();
            super::loose_of_words(folded.split(' '), &mut fast);
            proptest::prop_assert_eq!(fast, reference_loose_of_words(folded.split(' ')));
        }
    }

    /// Every key of the index of a few countries finds the rows the index of keys first
    /// written (a map from each key to its rows, keys computed by the reference mapping)
    /// holds, over the whole gazetteer.
    #[test]
    fn hashed_index_finds_the_rows_of_a_map_of_keys() {
        let places = &crate::Reference::embedded().places;
        let indexes = LooseIndexes::default();
        for country in ["IQ", "CD", "UA"] {
            let mut by_key: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
            for (row, place) in places.iter().enumerate() {
                if place.country != country && !place.countries.iter().any(|c| c == country) {
                    continue;
                }
                for name in super::names_of(place) {
                    let folded = crate::key::key(name);
                    let loose = reference_loose_of_words(folded.split(' '));
                    if loose.len() < 3 {
                        continue;
                    }
                    let kept = folded
                        .split(' ')
                        .filter(|w| !w.is_empty())
                        .enumerate()
                        .filter(|(i, w)| {
                            !(LEADING_ARTICLES.contains(w)
                                || (*i > 0 && matches!(*w, "ud" | "ul" | "al" | "el")))
                        })
                        .map(|(_, w)| w);
                    let mut skeleton = String::from("#");
                    let mut count = 1;
                    for (i, c) in reference_loose_of_words(kept).chars().enumerate() {
                        if i > 0 && matches!(c, 'a' | 'i' | 'u') {
                            continue;
                        }
                        if !skeleton.ends_with(c) {
                            skeleton.push(c);
                            count += 1;
                        }
                    }
                    let keys = std::iter::once(loose).chain((count > 4).then_some(skeleton));
                    for k in keys {
                        let rows = by_key.entry(k).or_default();
                        if rows.last() != Some(&(row as u32)) {
                            rows.push(row as u32);
                        }
                    }
                }
            }
            assert!(by_key.len() > 300, "{country}: {} keys", by_key.len());
            let index = indexes.index(country, places);
            for (key, rows) in &by_key {
                assert_eq!(&index.rows(key, places), rows, "{country} {key}");
            }
        }
    }

    /// `is_article` tests the length before the list.
    #[test]
    fn articles_are_short() {
        assert!(LEADING_ARTICLES.iter().all(|a| a.len() <= 3));
        assert!(super::is_article("ash") && !super::is_article("ashdod"));
    }
}
