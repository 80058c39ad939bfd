//! Golden tests: `tests/golden/*.txt` hold inputs with their expected tokens and
//! sentences; this one harness checks them all and reports every mismatch at once.
//!
//! File format — blocks separated by blank lines, `#` comments:
//!
//! ```text
//! input: L’armée a-t-elle tiré ?\nNon.
//! tokens: E:L’ | armée | a | C:-t-elle | tiré | P:? | Non | P:.
//! sentences: L’armée a-t-elle tiré ? ‖ Non.
//! ```
//!
//! In inputs and expectations, `\n`, `\t` and `\u{…}` are escapes. A token is `K:text` where `K` is the
//! kind initial (E elision, C clitic, N number, O ordinal, Q quote, P punct, S symbol);
//! words have no prefix. Sentences are separated by ` ‖ `; a headline is prefixed `H:`;
//! line breaks inside a sentence are written `\n`.

use std::fmt::Write as _;
use std::path::Path;

use recoupe_model::TokenKind;

fn unescape(raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let hex: String = chars
                    .by_ref()
                    .skip_while(|&c| c == '{')
                    .take_while(|&c| c != '}')
                    .collect();
                let code = u32::from_str_radix(&hex, 16)
                    .unwrap_or_else(|e| panic!("bad escape \\u{{{hex}}}: {e}"));
                out.push(char::from_u32(code).unwrap_or_else(|| panic!("bad char {hex}")));
            }
            other => panic!("unknown escape \\{other:?} in `{raw}`"),
        }
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('\n', "\\n")
}

fn kind_prefix(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Word => "",
        TokenKind::Elision => "E:",
        TokenKind::Clitic => "C:",
        TokenKind::Number => "N:",
        TokenKind::Ordinal => "O:",
        TokenKind::Quote => "Q:",
        TokenKind::Punct => "P:",
        TokenKind::Symbol => "S:",
    }
}

fn render_tokens(input: &str) -> String {
    recoupe_text::tokenize(input)
        .iter()
        .map(|t| {
            format!(
                "{}{}",
                kind_prefix(t.kind),
                escape(t.span.slice(input).unwrap())
            )
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn render_sentences(input: &str) -> String {
    recoupe_text::analyze(input)
        .sentences
        .iter()
        .map(|s| {
            let marker = if s.headline { "H:" } else { "" };
            format!("{marker}{}", escape(s.span.slice(input).unwrap()))
        })
        .collect::<Vec<_>>()
        .join(" ‖ ")
}

#[test]
fn golden_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no golden files in {}", dir.display());
    let mut failures = String::new();
    let mut checked = 0;
    for file in &files {
        let content = std::fs::read_to_string(file).unwrap();
        let mut input: Option<(usize, String)> = None;
        for (index, line) in content.lines().enumerate() {
            let line_no = index + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, value) = line
                .split_once(": ")
                .or_else(|| line.split_once(':'))
                .unwrap_or_else(|| panic!("{}:{line_no}: expected `key: value`", file.display()));
            let where_ = format!("{}:{line_no}", file.display());
            match key {
                "input" => input = Some((line_no, unescape(value))),
                "tokens" | "sentences" => {
                    let (_, text) = input
                        .as_ref()
                        .unwrap_or_else(|| panic!("{where_}: `{key}` before any `input`"));
                    let got = if key == "tokens" {
                        render_tokens(text)
                    } else {
                        render_sentences(text)
                    };
                    checked += 1;
                    let expected = unescape(value.trim()).replace('\n', "\\n");
                    if got != expected {
                        let _ = writeln!(
                            failures,
                            "{where_}: {key} mismatch\n  input:    {}\n  expected: {}\n  got:      {got}\n",
                            escape(text),
                            expected
                        );
                    }
                }
                other => panic!("{where_}: unknown key `{other}`"),
            }
        }
    }
    assert!(checked > 0, "golden files hold no expectations");
    assert!(failures.is_empty(), "golden mismatches:\n{failures}");
}
