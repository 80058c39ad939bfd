//! Prints the sentences (and with `--tokens`, the tokens) of the text read from stdin:
//! `cargo run -p recoupe-text --example segment -- [--tokens] < article.txt`.

use std::io::Read;

fn main() -> std::io::Result<()> {
    let show_tokens = std::env::args().any(|arg| arg == "--tokens");
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let analysis = recoupe_text::analyze(&text);
    for sentence in &analysis.sentences {
        let marker = if sentence.headline { "H" } else { " " };
        let slice = sentence.span.slice(&text).unwrap_or("");
        println!("{marker} {}", slice.replace('\n', "⏎"));
        if show_tokens {
            let line: Vec<String> = analysis
                .tokens
                .iter()
                .filter(|t| sentence.span.contains(&t.span))
                .map(|t| format!("{}/{:?}", t.span.slice(&text).unwrap_or(""), t.kind))
                .collect();
            println!("    {}", line.join("  "));
        }
    }
    Ok(())
}
