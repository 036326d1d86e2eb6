//! Search at archive scale: time until every body is searchable, latency
//! per keystroke, memory of the index.
//!
//! `cargo bench --bench search` over the full archive unpacked into
//! `target/corpus-full` (or the folder in `INKSTONE_CORPUS`):
//! `mkdir -p target/corpus-full && tar -I zstd -xf ../shared/corpus/hkcnews-full.tar.zst -C target/corpus-full`
//! (`SEARCH_BENCH_BUILD_ONLY=1` stops after the build figures).

// Cargo would take a file beside this one for a bench of its own.
#[path = "search/figures.rs"]
mod figures;
mod support;

use std::time::{Duration, Instant};

use inkstone::library::{Library, read_body};
use inkstone::search::{Query, SearchIndex, SearchSession, fold, searchable_text};
use memchr::memmem;
use rayon::prelude::*;

use self::figures::{body_bytes_on_disk, median_p99, mib, ms, prefixes, raw_bodies, time};
use self::support::measure::own_status_kib;

// The allocator the binary uses (src/main.rs), so memory figures match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Repetitions of each measured query.
const RUNS: usize = 41;

/// What a person types, one keystroke at a time: 1-, 2- and 4-character
/// CJK words (common and rare), a Simplified query over a Traditional
/// archive, a Latin word, two words.
const TYPED: &[&str] = &["國家安全", "国家安全", "雨傘運動", "police", "香港 民主"];
/// Queries measured on their own, without narrowing from a previous one.
const ALONE: &[&str] = &[
    "港",
    "香港",
    "國家安全",
    "雨傘運動",
    "鯨",
    "police",
    "xyzzy",
];

fn main() {
    let Some(root) = support::corpus::full() else {
        support::corpus::skipped("search");
        return;
    };
    println!("corpus: {}", root.display());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "load average at start: {}",
        load.split(' ').take(3).collect::<Vec<_>>().join(" ")
    );
    let started = Instant::now();
    let library = Library::load(std::slice::from_ref(&root));
    println!(
        "loaded {} articles in {:?}",
        library.articles.len(),
        started.elapsed()
    );
    let table = time(|| fold("Ａ"));

    let (returned, metadata_ready) = start_up_costs(&library);
    let rss_before = own_status_kib("VmRSS");
    let started = Instant::now();
    let index = SearchIndex::build_in_background(&library.articles);
    let partial = time(|| index.matches(&Query::parse("國家安全")));
    let partial_progress = index.progress();
    index.wait();
    let searchable = started.elapsed();
    let rss_after = own_status_kib("VmRSS");

    let body_bytes = body_bytes_on_disk(&library);
    println!("\n## Build");
    println!("| measure | value |\n|---|---|");
    println!(
        "| `build_in_background` returns (start-up cost; median of 7) | {} |",
        ms(returned)
    );
    println!(
        "| metadata searchable (titles, tags, authors, categories; median of 7) | {} |",
        ms(metadata_ready)
    );
    println!(
        "| folding table, built on first use (timed separately, before the index) | {} |",
        ms(table)
    );
    println!("| all bodies searchable | {} |", ms(searchable));
    println!(
        "| a query during the build ({}/{} bodies in) | {} |",
        partial_progress.indexed,
        partial_progress.total,
        ms(partial)
    );
    let memory = index.memory();
    println!("| index memory, total | {} |", mib(memory.total()));
    println!(
        "| - folded body text + offsets | {} |",
        mib(memory.body_text)
    );
    println!(
        "| - folded metadata + offsets | {} |",
        mib(memory.metadata_text)
    );
    println!("| - character presence | {} |", mib(memory.char_presence));
    println!(
        "| body bytes on disk (after front matter) | {} |",
        mib(body_bytes)
    );
    println!(
        "| RSS growth during the build | {} |",
        mib((rss_after - rss_before) * 1024)
    );

    if std::env::var_os("SEARCH_BENCH_BUILD_ONLY").is_some() {
        return;
    }
    typing(&index);
    alone(&index);
    let peak = own_status_kib("VmHWM");
    verify(&library, &index);

    println!("\n## Baseline: plain memmem over every raw body held in memory");
    let raw = raw_bodies(&library);
    println!("| query | median |\n|---|---|");
    for query in ["國家安全", "雨傘運動", "police"] {
        let finder = memmem::Finder::new(query);
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| time(|| finder.find_iter(raw.as_bytes()).count()))
            .collect();
        let (median, _) = median_p99(&mut times);
        println!("| `{query}` ({} MiB) | {} |", raw.len() >> 20, ms(median));
    }
    println!(
        "\nprocess peak RSS (before the baseline copy): {}",
        mib(peak * 1024)
    );
}

/// Median time for `build_in_background` to return, and until metadata is
/// searchable, over a few builds abandoned once metadata is in.
fn start_up_costs(library: &Library) -> (Duration, Duration) {
    let mut returned = Vec::new();
    let mut metadata = Vec::new();
    for _ in 0..7 {
        let started = Instant::now();
        let index = SearchIndex::build_in_background(&library.articles);
        returned.push(started.elapsed());
        while !index.metadata_ready() {
            std::thread::sleep(Duration::from_micros(200));
        }
        metadata.push(started.elapsed());
        drop(index);
        // Let the abandoned build notice and stop.
        std::thread::sleep(Duration::from_millis(300));
    }
    (median_p99(&mut returned).0, median_p99(&mut metadata).0)
}

/// Latency per keystroke as the reader sees it: one session, narrowing.
fn typing(index: &SearchIndex) {
    println!("\n## Typing, one keystroke at a time (search-as-you-type session)");
    println!("| typed | matches | median | p99 |\n|---|---|---|---|");
    for typed in TYPED {
        let prefixes: Vec<String> = prefixes(typed);
        let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); prefixes.len()];
        let mut counts = vec![0; prefixes.len()];
        for _ in 0..RUNS {
            let mut session = SearchSession::default();
            for (n, prefix) in prefixes.iter().enumerate() {
                let query = Query::parse(prefix);
                let start = Instant::now();
                counts[n] = session.search(index, &query).len();
                samples[n].push(start.elapsed());
            }
        }
        for ((prefix, mut times), count) in prefixes.iter().zip(samples).zip(counts) {
            let (median, p99) = median_p99(&mut times);
            println!("| `{prefix}` | {count} | {} | {} |", ms(median), ms(p99));
        }
    }
}

/// Latency of each query from scratch.
fn alone(index: &SearchIndex) {
    println!("\n## Each query alone (full search, no narrowing)");
    println!("| query | matches | median | p99 |\n|---|---|---|---|");
    for query in ALONE {
        let parsed = Query::parse(query);
        let count = index.matches(&parsed).len();
        let mut times: Vec<Duration> = (0..RUNS).map(|_| time(|| index.matches(&parsed))).collect();
        let (median, p99) = median_p99(&mut times);
        println!("| `{query}` | {count} | {} | {} |", ms(median), ms(p99));
    }
}

/// Checks the index against brute force (fold everything, look for each
/// term) on a few queries, so the fast paths are known to miss nothing.
fn verify(library: &Library, index: &SearchIndex) {
    let folded: Vec<String> = library
        .articles
        .par_iter()
        .map(|a| {
            let body = read_body(&a.body).unwrap_or_default();
            let mut fields: Vec<&str> = vec![&a.title];
            fields.extend(
                a.authors()
                    .iter()
                    .chain(a.categories())
                    .chain(a.tags())
                    .map(inkstone::article::Label::as_str),
            );
            let mut all = fields
                .iter()
                .map(|f| fold(f))
                .collect::<Vec<_>>()
                .join("\n");
            all.push('\n');
            all.push_str(&fold(&searchable_text(&body)));
            all
        })
        .collect();
    println!("\n## Checked against brute force");
    println!("| query | index | brute force |\n|---|---|---|");
    for query in [
        "香港 民主",
        "國家安全",
        "雨傘",
        "police",
        "鯨",
        "\"hong kong\"",
        "ＡＢＣ",
    ] {
        let parsed = Query::parse(query);
        let expected: Vec<usize> = (0..folded.len())
            .into_par_iter()
            .filter(|&i| {
                parsed
                    .terms()
                    .iter()
                    .all(|t| folded[i].contains(t.as_str()))
            })
            .collect();
        let found = index.matches(&parsed);
        println!("| `{query}` | {} | {} |", found.len(), expected.len());
        assert_eq!(found.indices(), expected, "{query}");
    }
}
