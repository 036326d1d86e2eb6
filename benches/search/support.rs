//! Measuring helpers for the search bench.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use inkstone::article::BodySource;
use inkstone::library::{Library, read_body};

pub fn corpus() -> Option<PathBuf> {
    let root = std::env::var_os("INKSTONE_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/corpus-full/articles"),
        PathBuf::from,
    );
    root.is_dir().then_some(root)
}

pub fn prefixes(typed: &str) -> Vec<String> {
    typed
        .char_indices()
        .skip(1)
        .map(|(i, _)| typed[..i].to_owned())
        .chain([typed.to_owned()])
        .collect()
}

pub fn time<T>(f: impl FnOnce() -> T) -> Duration {
    let start = Instant::now();
    std::hint::black_box(f());
    start.elapsed()
}

pub fn median_p99(times: &mut [Duration]) -> (Duration, Duration) {
    times.sort();
    let p99 = ((times.len() * 99).div_ceil(100)).saturating_sub(1);
    (times[times.len() / 2], times[p99])
}

pub fn body_bytes_on_disk(library: &Library) -> usize {
    library
        .articles
        .iter()
        .map(|a| match &a.body {
            BodySource::File { path, offset, .. } => {
                std::fs::metadata(path).map_or(0, |m| m.len().saturating_sub(*offset) as usize)
            }
            BodySource::Embedded { bytes, offset } => bytes.len().saturating_sub(*offset),
        })
        .sum()
}

pub fn raw_bodies(library: &Library) -> String {
    let mut all = String::new();
    for article in library.articles.iter() {
        all.push_str(&read_body(&article.body).unwrap_or_default());
    }
    all
}

/// A `/proc/self/status` figure in KiB (0 where there is none).
pub fn rss_kib(field: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

pub fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20))
}
