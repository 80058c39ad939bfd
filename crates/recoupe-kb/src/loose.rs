//! Transliteration-tolerant place matching within given countries (see
//! `Reference::loose_places`).

use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use crate::key::key;
use crate::PlaceRecord;

/// Arabic article forms (and French elided articles) dropped when they open a name.
const LEADING_ARTICLES: &[&str] = &[
    "al", "el", "ad", "ed", "as", "es", "ar", "er", "an", "at", "az", "ez", "ash", "ach", "ech",
];

/// See `Reference::loose_key`.
pub(crate) fn loose_key(surface: &str) -> String {
    let folded = key(surface);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() > 1 && LEADING_ARTICLES.contains(&words[0]) {
        words.remove(0);
    }
    let mut joined = String::with_capacity(folded.len());
    for w in words {
        // French elision ("l'Euphrate", "d'Alep") belongs to the sentence, not the name.
        let w = match w.split_once('\'') {
            Some((head, tail)) if matches!(head, "l" | "d") && !tail.is_empty() => tail,
            _ => w,
        };
        joined.extend(w.chars().filter(|c| c.is_alphanumeric()));
    }
    let chars: Vec<char> = joined.chars().collect();
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied().unwrap_or('\0');
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
        i += advance;
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
    out
}

/// Coarser key, tried when the loose key finds nothing: articles inside the name dropped
/// too ("Salah ad-Din") and every vowel after the first letter, so that "Salahudin" and
/// "Salah ad-Din" meet. Only keys of at least four consonants are used: shorter skeletons
/// match too many names.
pub(crate) fn skeleton_key(surface: &str) -> Option<String> {
    let folded = key(surface);
    let kept: Vec<&str> = folded
        .split(' ')
        .enumerate()
        .filter(|(i, w)| {
            let article =
                LEADING_ARTICLES.contains(w) || (*i > 0 && matches!(*w, "ud" | "ul" | "al" | "el"));
            !w.is_empty() && !article
        })
        .map(|(_, w)| w)
        .collect();
    let loose = loose_key(&kept.join(" "));
    let mut out = String::with_capacity(loose.len() + 1);
    out.push('#');
    for (i, c) in loose.chars().enumerate() {
        if i > 0 && matches!(c, 'a' | 'i' | 'u') {
            continue;
        }
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    (out.chars().count() > 4).then_some(out)
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
        for (row, place) in places.iter().enumerate() {
            if place.country != country && !place.countries.iter().any(|c| c == country) {
                continue;
            }
            let names = std::iter::once(&place.name)
                .chain(&place.alt_names)
                .chain(place.name_en.as_ref());
            for name in names {
                let k = loose_key(name);
                if k.len() < 3 {
                    continue;
                }
                for k in std::iter::once(k).chain(skeleton_key(name)) {
                    let rows = index.entry(k.into_boxed_str()).or_default();
                    if rows.last() != Some(&(row as u32)) {
                        rows.push(row as u32);
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
    use super::{loose_key, skeleton_key};

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
