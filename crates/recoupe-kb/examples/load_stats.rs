//! Prints load time, table sizes and peak memory of the embedded reference data.
//!
//! `cargo run --release -p recoupe-kb --example load_stats`

use recoupe_kb::Reference;

/// Peak resident set size of this process in KiB (Linux), for the memory budget.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let reference = Reference::embedded();
    let load_time = Reference::load_time();
    println!("load_time_ms\t{:.1}", load_time.as_secs_f64() * 1000.0);
    match peak_rss_kib() {
        Some(kib) => println!("peak_rss_mib\t{:.1}", kib as f64 / 1024.0),
        None => println!("peak_rss_mib\tunknown"),
    }
    let s = reference.stats();
    println!("{s:#?}");
    println!("longest_entry_tokens\t{}", reference.longest_entry_tokens());
}
