//! Transliteration-tolerant place matching within given countries (see
//! `Reference::loose_places`).

use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashMap;

pub(crate) use crate::loose_key::{edit_distance, hash_of, loose_key, skeleton_key, KeyBuffers};
#[cfg(test)]
pub(crate) use crate::loose_key::{is_article, loose_of_words, LEADING_ARTICLES};
use crate::PlaceRecord;

#[cfg(test)]
fn names_of(place: &PlaceRecord) -> impl Iterator<Item = &String> {
    std::iter::once(&place.name)
        .chain(&place.alt_names)
        .chain(place.name_en.as_ref())
}

/// What a loose index reads of a table of places, by row: `Reference`'s places read the
/// GeoNames rows from their text without parsing them (see `load::Places`).
pub(crate) trait PlaceTable {
    fn len(&self) -> usize;
    /// The row's name, alternate names and English name, in that order.
    fn names_of(&self, row: usize, f: impl FnMut(&str));
    /// The row's country, then every country it lies in (the first again among them).
    fn countries_of(&self, row: usize, f: impl FnMut(&str));
    /// How many rows (the first ones) build.rs indexed: no row below it is indexed at run
    /// time.
    fn precomputed_rows(&self) -> usize {
        0
    }
    /// The entries build.rs computed for `country`'s rows, in [`CountryIndex::geo`]'s form.
    fn precomputed(&self, _country: &str) -> &'static [u8] {
        &[]
    }
}

/// [`PlaceTable::names_of`] of a parsed place.
pub(crate) fn record_names(place: &PlaceRecord, mut f: impl FnMut(&str)) {
    f(&place.name);
    place.alt_names.iter().for_each(|n| f(n));
    if let Some(n) = &place.name_en {
        f(n);
    }
}

/// [`PlaceTable::countries_of`] of a parsed place.
pub(crate) fn record_countries(place: &PlaceRecord, mut f: impl FnMut(&str)) {
    f(&place.country);
    place.countries.iter().for_each(|c| f(c));
}

impl PlaceTable for [PlaceRecord] {
    fn len(&self) -> usize {
        <[PlaceRecord]>::len(self)
    }

    fn names_of(&self, row: usize, f: impl FnMut(&str)) {
        record_names(&self[row], f);
    }

    fn countries_of(&self, row: usize, f: impl FnMut(&str)) {
        record_countries(&self[row], f);
    }
}

/// The loose-key index of one country: for each hash of a key, its rows in a chain. Hashes
/// rather than the keys: a country's index is built for a few lookups, and one allocation
/// per key (with its own list of rows) cost more than the keys' whole computation. A
/// lookup checks the rows of a hash against the key itself, so two keys sharing a hash
/// find only their own rows.
#[derive(Debug, Default)]
pub(crate) struct CountryIndex {
    /// Entries computed by build.rs for the GeoNames rows: (hash, row) as little-endian u64
    /// and u32, sorted; their rows all come before those of the chains.
    geo: &'static [u8],
    /// Hash of a key → the link of the last row added under it.
    heads: FxHashMap<u64, u32>,
    /// (row, link of the row added before it under the same hash, or `NONE`).
    links: Vec<(u32, u32)>,
}

const NONE: u32 = u32::MAX;

/// Bytes of an entry of [`CountryIndex::geo`]: a u64 hash and a u32 row.
pub(crate) const GEO_ENTRY: usize = 12;

/// The (hash, row) of entry `i` of a precomputed table.
fn geo_entry(table: &[u8], i: usize) -> (u64, u32) {
    let at = i * GEO_ENTRY;
    let mut hash = [0u8; 8];
    hash.copy_from_slice(&table[at..at + 8]);
    let mut row = [0u8; 4];
    row.copy_from_slice(&table[at + 8..at + 12]);
    (u64::from_le_bytes(hash), u32::from_le_bytes(row))
}

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
    pub(crate) fn rows(&self, key: &str, places: &(impl PlaceTable + ?Sized)) -> Vec<u32> {
        let mut out = Vec::new();
        let hash = hash_of(key);
        let mut buffers = KeyBuffers::default();
        let mut has_key = |row: u32| {
            let mut found = false;
            places.names_of(row as usize, |name| {
                // (the names after the first that has the key are not keyed)
                if !found {
                    buffers.keys_of(name, |k| found |= k == key);
                }
            });
            found
        };
        let (mut low, mut high) = (0, self.geo.len() / GEO_ENTRY);
        while low < high {
            let middle = low + (high - low) / 2;
            if geo_entry(self.geo, middle).0 < hash {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        let mut geo_rows = Vec::new();
        for i in low..self.geo.len() / GEO_ENTRY {
            let (h, row) = geo_entry(self.geo, i);
            if h != hash {
                break;
            }
            if has_key(row) {
                geo_rows.push(row);
            }
        }
        let mut link = self.heads.get(&hash).copied().unwrap_or(NONE);
        while link != NONE {
            let (row, before) = self.links[link as usize];
            if has_key(row) {
                out.push(row);
            }
            link = before;
        }
        // the chain runs from the last row added; its rows come after the precomputed ones
        out.reverse();
        geo_rows.extend(out);
        geo_rows
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.links.is_empty() && self.geo.is_empty()
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
    pub(crate) fn index(
        &self,
        country: &str,
        places: &(impl PlaceTable + ?Sized),
    ) -> Arc<CountryIndex> {
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
            for row in places.precomputed_rows()..places.len() {
                places.countries_of(row, |c| {
                    let of_country = match rows.get_mut(c) {
                        Some(of_country) => of_country,
                        None => rows.entry(c.to_string()).or_default(),
                    };
                    if of_country.last() != Some(&(row as u32)) {
                        of_country.push(row as u32);
                    }
                });
            }
            rows
        });
        let rows = rows.get(country).map(Vec::as_slice).unwrap_or_default();
        let mut index = CountryIndex {
            geo: places.precomputed(country),
            ..CountryIndex::default()
        };
        // about two keys a name and three names a place: growing a large country's table
        // step by step would rehash it many times over
        index.heads.reserve(rows.len() * 4);
        index.links.reserve(rows.len() * 4);
        let mut buffers = KeyBuffers::default();
        for &row in rows {
            places.names_of(row as usize, |name| {
                buffers.keys_of(name, |k| index.add(hash_of(k), row));
            });
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
        let iraq = indexes.index("IQ", &places[..]);
        assert_eq!(iraq.rows(&loose_key("al-Qaem"), &places[..]), [0]);
        assert_eq!(iraq.rows(&loose_key("Rakka"), &places[..]), []);
        assert_eq!(iraq.rows(&loose_key("Fourat"), &places[..]), [2]);
        assert_eq!(
            iraq.rows(&skeleton_key("Salahudin").unwrap(), &places[..]),
            [3]
        );
        let syria = indexes.index("SY", &places[..]);
        assert_eq!(syria.rows(&loose_key("Raqqa"), &places[..]), [1]);
        assert_eq!(syria.rows(&loose_key("Furat"), &places[..]), [2]);
        // the usual country once, though it is also in the list
        let turkey = indexes.index("TR", &places[..]);
        assert_eq!(turkey.rows(&loose_key("Furat"), &places[..]), [2]);
        assert!(indexes.index("FR", &places[..]).is_empty());
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
                geo: &[],
                links: vec![(0, super::NONE), (1, 0), (3, 1)],
                heads: [(super::hash_of(key), 2)].into_iter().collect(),
            };
            index.rows(key, &places[..])
        };
        assert_eq!(under_seven(&basra), [0, 3]);
        assert_eq!(under_seven(&mosul), [1]);
        // through the index's own hashing
        let indexes = LooseIndexes::default();
        let iraq = indexes.index("IQ", &places[..]);
        assert_eq!(iraq.rows(&basra, &places[..]), [0, 3]);
        assert_eq!(iraq.rows(&loose_key("Samara"), &places[..]), [2]);
        assert_eq!(iraq.rows("#zzzz", &places[..]), Vec::<u32>::new());
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
        for country in ["IQ", "CD", "UA", "CH"] {
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
