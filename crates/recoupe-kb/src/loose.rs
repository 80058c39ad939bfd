//! Transliteration-tolerant place matching within given countries (see
//! `Reference::loose_places`).

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
fn loose_of_words<'a>(words: impl Iterator<Item = &'a str> + Clone, out: &mut String) {
    out.clear();
    let mut words = words.filter(|w| !w.is_empty()).peekable();
    let mut ahead = words.clone();
    if ahead.next().is_some_and(|w| LEADING_ARTICLES.contains(&w)) && ahead.next().is_some() {
        words.next();
    }
    let mut chars = words
        .map(|w| match w.split_once('\'') {
            // French elision ("l'Euphrate", "d'Alep") belongs to the sentence, not the name.
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
        // doubled letters (gemination, "Ezzor") are written single by other spellings
        if out.ends_with(mapped) {
            continue;
        }
        out.push(mapped);
    }
    // the final "h" of "Nineveh", "Mosleh" is dropped by other transliterations
    if out.len() > 3 && out.ends_with('h') {
        out.pop();
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

/// [`skeleton_key`] of a match key, written into `out` (cleared first; `loose` is a
/// scratch buffer); false when the skeleton is too short to be used.
fn skeleton_of_key(folded: &str, loose: &mut String, out: &mut String) -> bool {
    let kept = folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .enumerate()
        .filter(|(i, w)| {
            !(LEADING_ARTICLES.contains(w) || (*i > 0 && matches!(*w, "ud" | "ul" | "al" | "el")))
        })
        .map(|(_, w)| w);
    loose_of_words(kept, loose);
    out.clear();
    out.push('#');
    let mut count = 1;
    for (i, c) in loose.chars().enumerate() {
        if i > 0 && matches!(c, 'a' | 'i' | 'u') {
            continue;
        }
        if !out.ends_with(c) {
            out.push(c);
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

type CountryIndex = FxHashMap<Box<str>, Vec<u32>>;

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
        let mut index: CountryIndex = FxHashMap::default();
        // one fold per name and reused buffers: a large country has tens of thousands
        let (mut folded, mut loose, mut scratch, mut skeleton) =
            (String::new(), String::new(), String::new(), String::new());
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
        // at least one key a place: growing a large country's table step by step would
        // rehash it many times over
        index.reserve(rows.len());
        for &row in rows {
            let place = &places[row as usize];
            let names = std::iter::once(&place.name)
                .chain(&place.alt_names)
                .chain(place.name_en.as_ref());
            for name in names {
                key_into(name, &mut folded);
                loose_of_words(folded.split(' '), &mut loose);
                if loose.len() < 3 {
                    continue;
                }
                let with_skeleton = skeleton_of_key(&folded, &mut scratch, &mut skeleton);
                let keys = std::iter::once(loose.as_str())
                    .chain(with_skeleton.then_some(skeleton.as_str()));
                for k in keys {
                    let rows = match index.get_mut(k) {
                        Some(rows) => rows,
                        None => index.entry(Box::from(k)).or_default(),
                    };
                    if rows.last() != Some(&row) {
                        rows.push(row);
                    }
                }
            }
        }
        let index = Arc::new(index);
        map.insert(country.to_string(), Arc::clone(&index));
        index
    }
}

#[cfg(test)]
mod tests {
    use super::{loose_key, skeleton_key, LooseIndexes};
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
        assert_eq!(iraq.get(loose_key("al-Qaem").as_str()), Some(&vec![0]));
        assert_eq!(iraq.get(loose_key("Rakka").as_str()), None);
        assert_eq!(iraq.get(loose_key("Fourat").as_str()), Some(&vec![2]));
        assert_eq!(
            iraq.get(skeleton_key("Salahudin").unwrap().as_str()),
            Some(&vec![3])
        );
        let syria = indexes.index("SY", &places);
        assert_eq!(syria.get(loose_key("Raqqa").as_str()), Some(&vec![1]));
        assert_eq!(syria.get(loose_key("Furat").as_str()), Some(&vec![2]));
        // the usual country once, though it is also in the list
        let turkey = indexes.index("TR", &places);
        assert_eq!(turkey.get(loose_key("Furat").as_str()), Some(&vec![2]));
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
}
