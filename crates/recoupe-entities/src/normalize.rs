//! Text keys used for matching and for cross-article entity keys.
//!
//! Two levels: [`fold`] is an accent- and case-insensitive form used for lexicon and
//! gazetteer lookups; [`skeleton`] is a coarser, transliteration-tolerant key used to
//! group spellings of the same Arabic/Slavic name written by different outlets
//! ("Qassem/Qassim/Kassem", "Mosleh/Musleh", "Deir ez-Zor/Deir Ezzor", "Hachd/Hashd").

/// Maps one character to its unaccented lowercase ASCII-ish form, pushing the result into `out`.
/// Apostrophe variants become `'`, dashes become `-`.
fn push_folded(c: char, out: &mut String) {
    let mapped: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā' => {
            "a"
        }
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'ć' | 'č' | 'Č' | 'Ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ī' | 'ı' | 'İ' => "i",
        'ñ' | 'Ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō' => {
            "o"
        }
        'œ' | 'Œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'š' | 'Š' | 'ś' | 'ş' | 'Ş' => "s",
        'ž' | 'Ž' | 'ź' | 'ż' => "z",
        'ğ' | 'Ğ' => "g",
        'ł' | 'Ł' => "l",
        'ß' => "ss",
        '’' | '‘' | 'ʼ' | '`' | '´' | 'ʿ' | 'ʾ' => "'",
        '‐' | '‑' | '‒' | '–' | '—' => "-",
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push_str(mapped);
}

/// Accent- and case-insensitive form of `s` ("États-Unis" → "etats-unis", "l’Euphrate" → "l'euphrate").
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] appending into an existing buffer (avoids an allocation per token window).
pub fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            push_folded(c, out);
        }
    }
}

/// Arabic article forms dropped from the skeleton (attached with a hyphen, or standalone).
const ARTICLES: &[&str] = &[
    "al", "el", "ez", "ad", "ed", "as", "es", "ach", "ech", "ash", "ar", "er", "an", "at", "et",
    "az", "ul",
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Consonant skeleton of one folded word: digraphs unified (ch/sh/sch → s, kh → k, q/c(hard)/ck → k,
/// dj → j, gh → g, ph → f, th → t, ou/w → v-less vowel), doubled consonants collapsed, and vowels
/// dropped after the first letter (vowels vary most between transliterations). A word that opens
/// with a vowel followed by a doubled consonant ("Ezzor", "Ennahda") is the Arabic article
/// assimilated to the next consonant, so that vowel is dropped too.
fn word_skeleton(word: &str, out: &mut String) {
    let b: Vec<u8> = word.bytes().filter(|c| c.is_ascii_alphanumeric()).collect();
    if b.is_empty() {
        return;
    }
    let mut i = 0;
    let mut last: u8 = 0;
    let mut first = true;
    if b.len() > 3 && is_vowel(b[0]) && !is_vowel(b[1]) && b[1] == b[2] {
        i = 1;
    }
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied().unwrap_or(0);
        let (code, adv) = match c {
            b's' if next == b'c' && b.get(i + 2) == Some(&b'h') => (b's', 3),
            b'c' if next == b'h' => (b's', 2),
            b's' if next == b'h' => (b's', 2),
            b'k' if next == b'h' => (b'k', 2),
            b'g' if next == b'h' => (b'g', 2),
            b'p' if next == b'h' => (b'f', 2),
            b't' if next == b'h' => (b't', 2),
            b'd' if next == b'h' => (b'd', 2),
            b'd' if next == b'j' => (b'j', 2),
            b'c' if next == b'k' => (b'k', 2),
            b'c' if matches!(next, b'e' | b'i' | b'y') => (b's', 1),
            b'c' | b'q' => (b'k', 1),
            b'z' => (b'z', 1),
            b'w' => (b'a', 1),
            b'x' => (b'k', 1),
            _ if is_vowel(c) => (b'a', 1),
            _ => (c, 1),
        };
        i += adv;
        if code == b'a' {
            if first {
                out.push('a');
                last = b'a';
            }
            first = false;
            // a vowel separates consonants, so "Mosleh" keeps its two l/h but "Hammam" collapses m
            if last != b'a' {
                last = b'|';
            }
            continue;
        }
        first = false;
        // the final "h" of "Mosleh/Moslah" is often dropped by other transliterations
        if code == b'h' && i >= b.len() && !out.is_empty() {
            continue;
        }
        if code == last {
            continue;
        }
        out.push(code as char);
        last = code;
    }
}

/// Transliteration-tolerant key of a name: folded, articles ("al-", "el-", "ez-") and a leading
/// "Abou/Abu" kept but unified, words reduced by [`word_skeleton`] and joined by spaces.
/// "Qassem Mosleh" and "Kassim Musleh" give the same key; so do "Deir ez-Zor" and "Deir Ezzor".
pub fn skeleton(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    for raw in folded.split(|c: char| c.is_whitespace() || c == '-' || c == '\'') {
        if raw.is_empty() || ARTICLES.contains(&raw) {
            continue;
        }
        let word = match raw {
            "abou" | "abu" | "abo" => "abu",
            "ben" | "bin" | "ibn" => "bn",
            other => other,
        };
        let mut piece = String::with_capacity(word.len());
        word_skeleton(word, &mut piece);
        if piece.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_accents_and_case() {
        assert_eq!(fold("États-Unis"), "etats-unis");
        assert_eq!(fold("l’Euphrate"), "l'euphrate");
        assert_eq!(fold("Hachd al-Chaabi"), "hachd al-chaabi");
    }

    #[test]
    fn skeleton_groups_transliterations() {
        let same = [
            ("Qassem Mosleh", "Kassim Musleh"),
            ("Qassem Mosleh", "Qassim Moslah"),
            ("Deir ez-Zor", "Deir Ezzor"),
            ("Hachd al-Chaabi", "Hashd al-Shaabi"),
            ("Hachd al-Chaabi", "Hached el-Chaabi"),
            ("Abou Bakr al-Baghdadi", "Abu Bakr Al-Baghdadi"),
            ("Mohammed", "Mouhammad"),
            ("Hussein", "Houssein"),
        ];
        for (a, b) in same {
            assert_eq!(skeleton(a), skeleton(b), "{a} vs {b}");
        }
        assert_ne!(skeleton("Qassem Mosleh"), skeleton("Qassem Soleimani"));
        assert_ne!(skeleton("Homs"), skeleton("Hama"));
    }
}

/// Other spellings under which a gazetteer may list an Arabic-script name: with or without the
/// article ("Baghouz" / "al-Baghouz"), the assimilated article split ("Ezzor" → "ez-Zor"),
/// "Bou-" as "Abou"/"Abu" ("Boukamal" → "Abu Kamal"), and French "ou" as "u" ("Baghouz" → "Baghuz").
/// Tried only for names the reference data does not know as written.
pub fn spelling_variants(surface: &str) -> Vec<String> {
    let words: Vec<&str> = surface.split(' ').collect();
    let mut out: Vec<String> = Vec::new();
    let push = |v: String, out: &mut Vec<String>| {
        if v != surface && !out.contains(&v) {
            out.push(v);
        }
    };
    // "St-Gall", "Ste-Foy", "St Moritz": the abbreviated saint of French and Swiss place
    // names, written out as the reference lists it ("Saint-Gall")
    for (short, long) in [
        ("St-", "Saint-"),
        ("Ste-", "Sainte-"),
        ("St ", "Saint-"),
        ("Ste ", "Sainte-"),
    ] {
        if let Some(rest) = surface.strip_prefix(short) {
            if rest.chars().next().is_some_and(char::is_uppercase) {
                push(format!("{long}{rest}"), &mut out);
            }
        }
    }
    // article added or removed on the first word
    let first = words[0];
    let lower = first.to_lowercase();
    let rest = words[1..].join(" ");
    let join = |w: &str| {
        if rest.is_empty() {
            w.to_string()
        } else {
            format!("{w} {rest}")
        }
    };
    let mut article_free = None;
    for prefix in ["al-", "el-", "al ", "el "] {
        if lower.starts_with(prefix) && first.len() > prefix.len() {
            let bare = &first[prefix.len()..];
            article_free = Some(bare.to_string());
            push(join(bare), &mut out);
            push(join(&format!("al-{bare}")), &mut out);
        }
    }
    if article_free.is_none() && words.len() == 1 {
        push(format!("al-{first}"), &mut out);
    }
    // "Bou" + consonant-initial rest: "Boukamal" → "Abu Kamal"
    let base = article_free.as_deref().unwrap_or(first);
    if let Some(tail) = base
        .strip_prefix("Bou")
        .or_else(|| base.strip_prefix("Abou"))
    {
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            if !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | '-' | ' ') {
                let cap: String = c.to_uppercase().chain(chars).collect();
                push(join(&format!("Abu {cap}")), &mut out);
                push(join(&format!("Abou {cap}")), &mut out);
            }
        }
    }
    // assimilated article inside a later word: "Deir Ezzor" → "Deir ez-Zor"
    for (k, w) in words.iter().enumerate().skip(1) {
        let b = w.as_bytes();
        if b.len() > 3
            && matches!(b[0], b'E' | b'A' | b'e' | b'a')
            && b[1] == b[2]
            && b[1].is_ascii_lowercase()
        {
            let split = format!(
                "{}{}-{}{}",
                (b[0] as char).to_ascii_lowercase(),
                b[1] as char,
                (b[2] as char).to_ascii_uppercase(),
                &w[3..]
            );
            let mut v = words.clone();
            v[k] = &split;
            push(v.join(" "), &mut out);
        }
    }
    // French "ou" for Arabic "u"
    let snapshot: Vec<String> = std::iter::once(surface.to_string())
        .chain(out.iter().cloned())
        .collect();
    for v in snapshot {
        if v.contains("ou") {
            push(v.replace("ou", "u"), &mut out);
        }
    }
    // Arabic final tā' marbūṭa written "-a" or "-ah" ("Hawija" / "Hawijah")
    let snapshot: Vec<String> = std::iter::once(surface.to_string())
        .chain(out.iter().cloned())
        .collect();
    for v in snapshot {
        if v.ends_with('a') && !v.ends_with(' ') {
            push(format!("{v}h"), &mut out);
        }
    }
    out.truncate(12);
    out
}

#[cfg(test)]
mod variant_tests {
    use super::spelling_variants;

    #[test]
    fn arabic_spelling_variants() {
        assert!(spelling_variants("Deir Ezzor").contains(&"Deir ez-Zor".to_string()));
        assert!(spelling_variants("Boukamal").contains(&"Abu Kamal".to_string()));
        assert!(spelling_variants("Anbar").contains(&"al-Anbar".to_string()));
        assert!(spelling_variants("al-Baghouz").contains(&"Baghuz".to_string()));
        assert!(spelling_variants("al-Baghouz").contains(&"Baghouz".to_string()));
    }

    #[test]
    fn abbreviated_saints_are_written_out() {
        assert_eq!(spelling_variants("St-Imier")[0], "Saint-Imier");
        assert_eq!(spelling_variants("Ste-Croix")[0], "Sainte-Croix");
        assert_eq!(spelling_variants("St Moritz")[0], "Saint-Moritz");
        // not a word that merely starts with the letters
        assert!(!spelling_variants("Stein")
            .iter()
            .any(|v| v.starts_with("Saint")));
        assert!(!spelling_variants("St-amour")
            .iter()
            .any(|v| v.starts_with("Saint")));
    }
}
