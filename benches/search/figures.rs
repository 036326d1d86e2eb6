//! Measuring helpers of the search bench alone (the shared ones are in
//! `benches/support`).

use std::time::{Duration, Instant};

use inkstone::article::BodySource;
use inkstone::library::{Library, read_body};

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

pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

pub fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20))
}
