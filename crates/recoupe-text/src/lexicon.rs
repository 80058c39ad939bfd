//! Language data of the text layer, compiled in from `resources/fr/` so the binary works
//! anywhere.

use std::collections::HashMap;
use std::sync::OnceLock;

const ABBREVIATIONS_TXT: &str = include_str!("../../../resources/fr/abbreviations.txt");
const ELISIONS_TXT: &str = include_str!("../../../resources/fr/elisions.txt");

/// How the period after an abbreviation behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbreviationClass {
    /// The period never ends a sentence ("M. Dupont", "av. de la Gare").
    Inner,
    /// The period ends nothing before a number ("p. 12", "art. 5") and is an ordinary
    /// period otherwise.
    BeforeNumber,
    /// The period ends the sentence when the next word starts one ("etc.", "J.-C.").
    Final,
}

/// A line of a data file that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {reason}: `{text}`")]
pub struct DataError {
    /// The data file.
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with the line.
    pub reason: &'static str,
    /// The offending line.
    pub text: String,
}

/// Abbreviation table: exact forms, plus the capitalised form of lowercase entries.
#[derive(Debug)]
pub struct Abbreviations {
    by_form: HashMap<String, AbbreviationClass>,
}

impl Abbreviations {
    /// Parses the `abbreviations.txt` format (see the file header).
    pub fn parse(file: &'static str, source: &str) -> Result<Abbreviations, DataError> {
        let mut by_form = HashMap::new();
        for (index, raw) in source.lines().enumerate() {
            let line = raw.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |reason| DataError {
                file,
                line: index + 1,
                reason,
                text: raw.to_string(),
            };
            let (form, class) = line
                .split_once('\t')
                .ok_or_else(|| error("expected `form<TAB>class`"))?;
            let class = match class.trim() {
                "inner" => AbbreviationClass::Inner,
                "number" => AbbreviationClass::BeforeNumber,
                "final" => AbbreviationClass::Final,
                _ => return Err(error("class must be `inner`, `number` or `final`")),
            };
            let form = form.trim();
            if form.is_empty() || form.ends_with('.') {
                return Err(error(
                    "form must be non-empty and written without its final period",
                ));
            }
            by_form.insert(form.to_string(), class);
            let mut chars = form.chars();
            if let Some(first) = chars.next() {
                if first.is_lowercase() {
                    let capitalised: String = first.to_uppercase().chain(chars).collect();
                    by_form.entry(capitalised).or_insert(class);
                }
            }
        }
        Ok(Abbreviations { by_form })
    }

    /// The class of `form` (the text before the period), if it is a known abbreviation.
    pub fn class(&self, form: &str) -> Option<AbbreviationClass> {
        self.by_form.get(form).copied()
    }

    /// Number of forms, capitalised variants included.
    pub fn len(&self) -> usize {
        self.by_form.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.by_form.is_empty()
    }
}

/// The built-in French abbreviation table (`resources/fr/abbreviations.txt`).
pub fn abbreviations() -> &'static Abbreviations {
    static TABLE: OnceLock<Abbreviations> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The file is compiled in and checked by a unit test, so a parse error here is a
        // build defect, not bad user input.
        Abbreviations::parse("resources/fr/abbreviations.txt", ABBREVIATIONS_TXT)
            .unwrap_or_else(|e| panic!("built-in abbreviation list is invalid: {e}"))
    })
}

/// Elided words, lowercase, without their apostrophe ("l", "qu", "jusqu").
pub fn elisions() -> &'static [String] {
    static LIST: OnceLock<Vec<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        ELISIONS_TXT
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(str::to_lowercase)
            .collect()
    })
}

/// Whether `word` (without apostrophe) is an elided form, case-insensitively.
#[inline]
pub(crate) fn is_elision(word: &str) -> bool {
    // Elided words are short ("lorsqu", "puisqu", "quoiqu"); most words are rejected here.
    if word.is_empty() || word.len() > 7 {
        return false;
    }
    elisions().iter().any(|e| eq_ignore_case(e, word))
}

/// Whether `word` equals `lower` (already lowercase) ignoring case.
pub(crate) fn eq_ignore_case(lower: &str, word: &str) -> bool {
    if word.is_ascii() {
        return lower.len() == word.len() && lower.eq_ignore_ascii_case(word);
    }
    let mut a = lower.chars();
    let mut b = word.chars().flat_map(char::to_lowercase);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_lists_parse() {
        assert!(abbreviations().len() > 50);
        assert_eq!(abbreviations().class("M"), Some(AbbreviationClass::Inner));
        assert_eq!(abbreviations().class("Cf"), Some(AbbreviationClass::Inner));
        assert_eq!(abbreviations().class("etc"), Some(AbbreviationClass::Final));
        assert_eq!(
            abbreviations().class("J.-C"),
            Some(AbbreviationClass::Final)
        );
        assert_eq!(
            abbreviations().class("art"),
            Some(AbbreviationClass::BeforeNumber)
        );
        assert_eq!(abbreviations().class("Paris"), None);
        assert!(elisions().iter().any(|e| e == "jusqu"));
    }

    #[test]
    fn elisions_match_case_insensitively() {
        assert!(is_elision("L"));
        assert!(is_elision("Qu"));
        assert!(is_elision("JUSQU"));
        assert!(!is_elision("aujourd"));
        assert!(!is_elision("quelqu"));
        assert!(!is_elision("Qa"));
    }

    #[test]
    fn malformed_lines_are_reported_with_their_text() {
        let err = Abbreviations::parse("test.txt", "# c\nM.\tinner\n").unwrap_err();
        assert!(err.to_string().contains("test.txt:2"), "{err}");
        assert!(err.to_string().contains("M."), "{err}");
        let err = Abbreviations::parse("test.txt", "M\tsometimes\n").unwrap_err();
        assert!(err.to_string().contains("sometimes"), "{err}");
    }
}
