//! Throughput of the JSONL and WARC readers on generated input.
//!
//! `cargo run --release -p recoupe-ingest --example ingest_bench [jsonl_docs] [warc_docs]`

use std::io::Write;
use std::time::Instant;

use recoupe_ingest::{read_path, IngestOptions};

const PARAGRAPH: &str = "Le conseil municipal s'est réuni mardi soir pour examiner le projet de budget, qui prévoit une hausse des dépenses d'investissement consacrées aux écoles et à la voirie, a indiqué le maire lors d'une conférence de presse.";

fn article(index: usize) -> String {
    (0..14)
        .map(|p| format!("{PARAGRAPH} (article {index}, paragraphe {p})"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn page(index: usize) -> String {
    let nav: String = (0..60)
        .map(|i| format!("<li><a href=\"/rubrique/{i}\">Rubrique {i}</a></li>"))
        .collect();
    let scripts: String = (0..20)
        .map(|i| {
            format!(
                "<script>var tracker{i} = {{id: {i}, data: '{}'}};</script>",
                "x".repeat(600)
            )
        })
        .collect();
    let paragraphs: String = article(index)
        .lines()
        .map(|line| format!("<p>{line}</p>\n"))
        .collect();
    let sidebar: String = (0..30)
        .map(|i| format!("<li><a href=\"/a/{i}\">Titre d'un autre article numéro {i}</a></li>"))
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Budget municipal {index} | La Gazette</title>\
         <meta property=\"og:site_name\" content=\"La Gazette\"><meta property=\"article:published_time\" content=\"2024-03-05T10:00:00+01:00\">\
         {scripts}</head><body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>Budget municipal {index}</h1>{paragraphs}</article></main>\
         <aside><ul>{sidebar}</ul></aside><footer><p>Mentions légales - Contact - Cookies</p></footer></body></html>"
    )
}

fn run(label: &str, path: &std::path::Path, opts: &IngestOptions) {
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let start = Instant::now();
    let (mut ok, mut errors) = (0usize, 0usize);
    for result in read_path(path, opts) {
        match result {
            Ok(_) => ok += 1,
            Err(_) => errors += 1,
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{label}: {ok} documents, {errors} errors, {:.1} MB in {seconds:.2} s = {:.0} documents/s, {:.1} MB/s",
        bytes as f64 / 1e6,
        ok as f64 / seconds,
        bytes as f64 / 1e6 / seconds
    );
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let opts = IngestOptions {
        detect_language: std::env::var_os("NO_LANG").is_none(),
        ..IngestOptions::default()
    };
    let jsonl_docs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let warc_docs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000);
    let dir = tempfile::tempdir()?;

    let jsonl = dir.path().join("bench.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&jsonl)?);
    for index in 0..jsonl_docs {
        let line = serde_json::json!({"id": format!("b{index}"), "pool": "general", "url": format!("https://gazette.example/{index}"),
            "outlet": "La Gazette", "published": "2024-03-05", "cluster": null, "text": article(index)});
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    drop(out);
    run("jsonl", &jsonl, &opts);

    let warc = dir.path().join("bench.warc");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&warc)?);
    for index in 0..warc_docs {
        let body = page(index);
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}", body.len());
        write!(
            out,
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://gazette.example/{index}\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        )?;
    }
    out.flush()?;
    drop(out);
    run("warc", &warc, &opts);
    Ok(())
}
