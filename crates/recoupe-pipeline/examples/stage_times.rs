//! Time spent in each stage over a JSONL corpus (one `{"text": …}` per line) or a directory
//! of `.txt` files, repeated until at least 1,000,000 words have gone through, after one
//! untimed pass that builds what the stages make on first need. Only the stages are timed:
//! no reading, no output, as a peer's `nlp.pipe` over texts in memory.
//!
//! Usage: cargo run --release -p recoupe-pipeline --example stage_times -- FILE.jsonl|DIR
//!
//! Wall time is what a peer's figure compares with; on a machine shared with other work
//! it counts the time the thread waited for a core, so the CPU time of the thread
//! (`CLOCK_THREAD_CPUTIME_ID`, Unix) is printed too: words per CPU-second is the
//! figure that a busy machine does not move.

use std::time::{Duration, Instant};

use recoupe_model::{Document, Metadata, Origin, OriginKind};

// The allocator of the recoupe binary, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "demo/articles.jsonl".into());
    let texts = if std::path::Path::new(&path).is_dir() {
        text_files(&path)
    } else {
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
                v["text"].as_str().expect("text field").to_string()
            })
            .collect()
    };
    assert!(!texts.is_empty(), "no texts in {path}");
    let started = Instant::now();
    let stages = recoupe_pipeline::standard_stages();
    // First document pays for loading the reference data; time it apart.
    let mut warm = doc(&texts[0]);
    for s in &stages {
        let t = Instant::now();
        s.run(&mut warm).expect("stage runs");
        println!(
            "first run   {:<14} {:>8.1} ms",
            s.name(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    println!(
        "start-up (stages built + first document): {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    // One untimed pass over every text: what a stage builds once on first need (the
    // gazetteer's loose-key index of each country a document names, the caches of reference
    // lookups and word scores) is made before the clock starts, as it is early in a long
    // ingest; the timed passes measure the steady state that a figure per word describes.
    let warm_started = Instant::now();
    for text in &texts {
        let mut d = doc(text);
        for s in &stages {
            s.run(&mut d).expect("stage runs");
        }
    }
    println!(
        "warm-up pass (untimed below): {:.1} ms",
        warm_started.elapsed().as_secs_f64() * 1e3
    );
    let words_per_pass: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let passes = (1_000_000 / words_per_pass.max(1)).max(1);
    let mut times = vec![Duration::ZERO; stages.len()];
    let cpu_started = thread_cpu();
    for _ in 0..passes {
        for text in &texts {
            let mut d = doc(text);
            for (k, s) in stages.iter().enumerate() {
                let t = Instant::now();
                s.run(&mut d).expect("stage runs");
                times[k] += t.elapsed();
            }
        }
    }
    let cpu = thread_cpu().saturating_sub(cpu_started);
    let words = (words_per_pass * passes) as f64;
    let total: Duration = times.iter().sum();
    for (s, t) in stages.iter().zip(&times) {
        println!(
            "{:<14} {:>8.0} ms  {:>10.0} words/s",
            s.name(),
            t.as_secs_f64() * 1e3,
            words / t.as_secs_f64()
        );
    }
    println!(
        "whole pipeline: {:.0} words in {:.2}s = {:.0} words/s on one core",
        words,
        total.as_secs_f64(),
        words / total.as_secs_f64()
    );
    if cpu > Duration::ZERO {
        println!(
            "whole pipeline, CPU time of the thread: {:.2}s = {:.0} words per CPU-second",
            cpu.as_secs_f64(),
            words / cpu.as_secs_f64()
        );
    }
}

/// CPU time of the calling thread (zero where the clock is not available).
fn thread_cpu() -> Duration {
    #[cfg(unix)]
    {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid timespec for the call to write into.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0 {
            return Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32);
        }
    }
    Duration::ZERO
}

/// The `.txt` files of a directory, in name order.
fn text_files(dir: &str) -> Vec<String> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {dir}: {e}"))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            std::fs::read_to_string(p)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
        })
        .collect()
}

fn doc(text: &str) -> Document {
    let mut d = Document::new(
        text.to_string(),
        Metadata::new(Origin {
            kind: OriginKind::Text,
            path: "bench".into(),
            record: None,
        }),
    );
    d.meta.published = Some(recoupe_model::Published {
        date: chrono::NaiveDate::from_ymd_opt(2019, 3, 1).expect("valid date"),
        source: recoupe_model::DateSource::Metadata,
        inferred_from: None,
    });
    d
}
