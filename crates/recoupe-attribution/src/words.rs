//! A light word scanner over one sentence: words, elisions, clitics and punctuation with
//! byte offsets into the document text, each with its folded form for matching.

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    Word,
    /// "l'", "qu'", "d'": elided word with its apostrophe.
    Elision,
    /// "-t-il", "-elle" after a verb in an inverted incise.
    Clitic,
    Comma,
    /// ; : and dashes: clause boundaries.
    Colon,
    Stop,
    OpenQuote,
    CloseQuote,
    /// A straight double quote, whose direction is decided by pairing.
    StraightQuote,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub kind: WordKind,
    /// Lowercase, accents removed, typographic apostrophes as `'`.
    pub folded: String,
    /// Lowercase with accents kept ("affirmé" ≠ "affirme"), apostrophes unified.
    pub lower: String,
    /// First character is uppercase ("Muraselon", "Le").
    pub capitalised: bool,
}

/// Lowercases and unifies apostrophes, keeping accents.
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    lower_into(s, &mut out);
    out
}

/// [`lower`], appended to `out`.
fn lower_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
        return;
    }
    out.extend(
        s.chars()
            .map(|c| match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
                _ => c,
            })
            .flat_map(char::to_lowercase),
    );
}

/// Lowercases, strips diacritics and unifies apostrophes.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appended to `out`.
fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
        return;
    }
    for c in s.chars() {
        // The accented letters of French (and common transliterations) without the cost
        // of a full decomposition; anything else goes through NFD.
        let base = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => {
                'a'
            }
            'ç' | 'Ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => 'o',
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
            'ÿ' | 'ý' | 'Ÿ' | 'Ý' => 'y',
            'ñ' | 'Ñ' => 'n',
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            'œ' | 'Œ' => {
                out.push_str("oe");
                continue;
            }
            'æ' | 'Æ' => {
                out.push_str("ae");
                continue;
            }
            c if c.is_ascii() => c.to_ascii_lowercase(),
            c => {
                for d in std::iter::once(c).nfd() {
                    if !unicode_normalization::char::is_combining_mark(d) {
                        out.extend(d.to_lowercase());
                    }
                }
                continue;
            }
        };
        out.push(base);
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

const ELIDED: [&str; 13] = [
    "l", "d", "qu", "jusqu", "lorsqu", "puisqu", "s", "n", "m", "t", "c", "j", "quoiqu",
];
const TITLE_ABBREVIATIONS: [&str; 9] = ["M", "MM", "Mme", "Mmes", "Dr", "Pr", "Me", "Mgr", "St"];
const CLITICS: [&str; 6] = ["il", "elle", "ils", "elles", "on", "t"];

/// Scans `text[start..end]` into words (the stage scans into one reused vector,
/// [`scan_into`]; tests read single sentences).
#[cfg(test)]
pub fn scan(text: &str, start: usize, end: usize) -> Vec<Word> {
    let mut words = Vec::new();
    scan_into(text, start, end, &mut words);
    words
}

/// [`scan`] into `words`, whose words are overwritten in place: the sentences of a
/// document, scanned one after another into one vector, reuse the strings of the words
/// before (two allocations a word otherwise).
pub fn scan_into(text: &str, start: usize, end: usize, words: &mut Vec<Word>) {
    let mut words = Slots { words, n: 0 };
    let slice = &text[start..end];
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let abs = start + i;
        if c.is_alphanumeric() {
            let mut j = i + c.len_utf8();
            let mut last = c;
            while let Some(&(k, d)) = iter.peek() {
                let next = slice[k + d.len_utf8()..].chars().next();
                // A dot between lowercase letters with no space is inside an address
                // ("vie-publique.fr"), never a sentence end.
                let in_address = d == '.'
                    && (last.is_ascii_lowercase() || last.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_lowercase());
                let joins = d.is_alphanumeric()
                    || in_address
                    || ((d == '-' || is_apostrophe(d) || d == '.' || d == ',')
                        && next.is_some_and(|n| n.is_alphanumeric())
                        && (d != '.' && d != ',' || c.is_ascii_digit()));
                if !joins {
                    break;
                }
                j = k + d.len_utf8();
                last = d;
                iter.next();
            }
            // Title abbreviations keep their period ("M. Legault", "Dr. Tedros"): it does not
            // end a sentence or a speaker phrase.
            let run = &slice[i..j];
            if slice[j..].starts_with('.') && TITLE_ABBREVIATIONS.contains(&run) {
                j += 1;
                iter.next();
            }
            push_run(&mut words, text, abs, start + j);
        } else if c.is_whitespace() {
            continue;
        } else {
            let kind = match c {
                ',' => WordKind::Comma,
                ';' | ':' | '–' | '—' => WordKind::Colon,
                '.' | '!' | '?' | '…' => WordKind::Stop,
                '«' | '“' | '„' => WordKind::OpenQuote,
                '»' | '”' => WordKind::CloseQuote,
                '"' => WordKind::StraightQuote,
                _ => WordKind::Other,
            };
            words.put(
                (abs, abs + c.len_utf8(), kind, false),
                |folded| folded.push(c),
                |lower| lower.push(c),
            );
        }
    }
    let n = words.n;
    words.words.truncate(n);
}

/// The words of [`scan_into`]: the first `n` are the sentence's so far, those after are
/// the previous sentence's, whose strings the next words take over.
struct Slots<'w> {
    words: &'w mut Vec<Word>,
    n: usize,
}

impl Slots<'_> {
    /// Writes the next word: its (start, end, kind, capitalised), and its folded and
    /// lowercase forms appended by `folded` and `lower` to emptied strings.
    fn put(
        &mut self,
        (start, end, kind, capitalised): (usize, usize, WordKind, bool),
        folded: impl FnOnce(&mut String),
        lower: impl FnOnce(&mut String),
    ) {
        if self.n == self.words.len() {
            self.words.push(Word {
                start,
                end,
                kind,
                folded: String::new(),
                lower: String::new(),
                capitalised,
            });
        }
        let word = &mut self.words[self.n];
        word.start = start;
        word.end = end;
        word.kind = kind;
        word.capitalised = capitalised;
        word.folded.clear();
        folded(&mut word.folded);
        word.lower.clear();
        lower(&mut word.lower);
        self.n += 1;
    }
}

/// Splits an alphanumeric run into elision + word, verb + clitics.
fn push_run(words: &mut Slots<'_>, text: &str, start: usize, end: usize) {
    let run = &text[start..end];
    // Elision: "l'armée", "qu'elles", "jusqu'à".
    if let Some((idx, apos)) = run.char_indices().find(|(_, c)| is_apostrophe(*c)) {
        let head = fold(&run[..idx]);
        if ELIDED.contains(&head.as_str()) {
            let cut = start + idx + apos.len_utf8();
            words.put(
                (start, cut, WordKind::Elision, false),
                |folded| {
                    folded.push_str(&head);
                    folded.push('\'');
                },
                |lower| lower_into(&text[start..cut], lower),
            );
            if cut < end {
                push_run(words, text, cut, end);
            }
            return;
        }
    }
    // Inverted incise: "a-t-il", "dit-elle", "estime-t-on" (most words have no hyphen:
    // they are not split at all).
    if run.contains('-') {
        let parts: Vec<&str> = run.split('-').collect();
        let tail: Vec<String> = parts[1..].iter().map(|p| fold(p)).collect();
        let is_clitic_tail = tail.iter().all(|t| CLITICS.contains(&t.as_str()))
            && tail.last().is_some_and(|t| t != "t");
        if is_clitic_tail && !parts[0].is_empty() {
            let verb_end = start + parts[0].len();
            let capitalised = parts[0].chars().next().is_some_and(char::is_uppercase);
            words.put(
                (start, verb_end, WordKind::Word, capitalised),
                |folded| fold_into(parts[0], folded),
                |lower| lower_into(parts[0], lower),
            );
            let clitic = &run[parts[0].len()..];
            words.put(
                (verb_end, end, WordKind::Clitic, false),
                |folded| fold_into(clitic, folded),
                |lower| lower_into(clitic, lower),
            );
            return;
        }
    }
    // (an ASCII word has no accent to keep nor apostrophe to unify: both forms are one)
    let capitalised = run.chars().next().is_some_and(char::is_uppercase);
    words.put(
        (start, end, WordKind::Word, capitalised),
        |folded| fold_into(run, folded),
        |lower| lower_into(run, lower),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        scan(text, 0, text.len())
            .into_iter()
            .map(|w| w.folded)
            .collect()
    }

    #[test]
    fn splits_elisions_clitics_and_quotes() {
        assert_eq!(
            folded("« L’armée a frappé », a-t-il ajouté, qu'elles"),
            vec![
                "«", "l'", "armee", "a", "frappe", "»", ",", "a", "-t-il", "ajoute", ",", "qu'",
                "elles"
            ]
        );
        assert_eq!(
            folded("Deir ez-Zor, 10.000 et 1,5"),
            vec!["deir", "ez-zor", ",", "10.000", "et", "1,5"]
        );
        assert_eq!(folded("dit-elle."), vec!["dit", "-elle", "."]);
        assert_eq!(
            folded("le site vie-publique.fr. Il"),
            vec!["le", "site", "vie-publique.fr", ".", "il"]
        );
    }

    #[test]
    fn sentences_scanned_into_one_vector_equal_sentences_scanned_alone() {
        // a short sentence after a long one, elisions, clitics and accents in between:
        // the words overwritten in place are the words a fresh scan makes
        let text =
            "« L’Armée a frappé », a-t-elle ajouté jusqu'à Noël. Dit-il. Œuvre d'État, 10.000 !";
        let mut reused = Vec::new();
        let first_end = text.find(". Dit").expect("first stop") + 1;
        let dit = text.find("Dit").expect("second sentence");
        let last = text.find("Œuvre").expect("third sentence");
        for (start, end) in [
            (0, text.len()),
            (0, first_end),
            (dit, dit + 7),
            (0, text.len()),
            (last, text.len()),
        ] {
            scan_into(text, start, end, &mut reused);
            assert_eq!(reused, scan_fresh(text, start, end), "{start}..{end}");
        }
    }

    /// The words of `text[start..end]` into a new vector (no word to overwrite).
    fn scan_fresh(text: &str, start: usize, end: usize) -> Vec<Word> {
        let mut words = Vec::new();
        scan_into(text, start, end, &mut words);
        words
    }

    #[test]
    fn folded_and_lowered_forms_keep_their_rules() {
        assert_eq!(fold("L’ÉTAT Œuvre"), "l'etat oeuvre");
        assert_eq!(lower("L’ÉTAT Œuvre"), "l'état œuvre");
        assert_eq!(fold("ABC-d"), "abc-d");
        assert_eq!(lower("ABC-d"), "abc-d");
    }

    #[test]
    fn offsets_address_the_text() {
        let text = "Selon l’AFP, « c’est fini ».";
        for w in scan(text, 0, text.len()) {
            assert_eq!(fold(&text[w.start..w.end]), w.folded);
        }
    }
}
