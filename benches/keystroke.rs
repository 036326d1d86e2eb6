//! Keystrokes timed from outside: the release binary in a 200x60
//! pseudo-terminal, from writing a key's bytes to the terminal until the
//! last byte of the frame it redraws, with the search's result count
//! settled. What a person waits for, scheduling and terminal output
//! included (`reader_search` times the same keys in process).
//!
//! - search keystrokes: each prefix of a few queries typed in the `/`
//!   prompt, once the stored index is ready (the header no longer says
//!   `indexing`): the frame that counts is the one whose header shows the
//!   prefix's final count (learned in an untimed first round) under the
//!   prompt showing the prefix;
//! - key to frame: `j`, `k`, Page Down and Page Up in the list, with no
//!   search and with `香港` kept.
//!
//! A frame is over when no byte has come for [`QUIET`] after the screen
//! shows what it should; its time is that of its last byte.
//!
//! Run: `cargo bench --bench keystroke` (the 49k archive, see
//! `support::corpus`), `-- --million` for `target/corpus-million`,
//! `-- --runs N` (default 11); `INKSTONE_BIN=<binary>` times another
//! build. The reader's home (its metadata cache and
//! stored index) is `INKSTONE_BENCH_HOME`, else
//! `target/bench-cache/keystroke-<tree>`: the first run builds the index
//! (minutes at 1M), later runs open it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod support;
use support::measure::{load, ms, percentile, runs_text};
use support::pty::{Pty, isolated};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
/// No byte for this long after the screen shows what it should: the frame
/// is over.
const QUIET: Duration = Duration::from_millis(60);
/// A key not answered within this long fails the bench.
const PATIENCE: Duration = Duration::from_secs(60);

/// Typed one character at a time, as in `reader_search`: CJK prefixes of
/// one to four characters, a very common word, a Simplified query over a
/// mostly Traditional archive, a Latin word, two words.
const TYPED: &[&str] = &["國家安全", "香港", "习近平", "police", "香港 民主"];

const DOWN: &[u8] = b"j";
const UP: &[u8] = b"k";
const PAGE_DOWN: &[u8] = b"\x1b[6~";
const PAGE_UP: &[u8] = b"\x1b[5~";
const ESC: &[u8] = b"\x1b";
const ENTER: &[u8] = b"\r";
const BACKSPACE: &[u8] = b"\x7f";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let million = args.iter().any(|a| a == "--million");
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1)?.parse().ok())
        .unwrap_or(11usize);
    let tree = if million {
        support::corpus::million()
    } else {
        support::corpus::full()
    };
    let Some(tree) = tree else {
        support::corpus::skipped("keystroke");
        return;
    };
    let home = std::env::var_os("INKSTONE_BENCH_HOME").map_or_else(
        || {
            support::corpus::repo()
                .join("target/bench-cache")
                .join(if million {
                    "keystroke-1m"
                } else {
                    "keystroke-49k"
                })
        },
        PathBuf::from,
    );
    std::fs::create_dir_all(&home).expect("the reader's home");
    let mut reader = start(&tree, &home);
    // A prefix's count is what the screen shows once it has been still
    // this long (a search over a million articles takes seconds at worst).
    let still = Duration::from_millis(if million { 6000 } else { 1500 });
    let (searched, listed) = (
        search_keystrokes(&mut reader, runs, still),
        list_keys(&mut reader, still),
    );
    println!(
        "\nrelease binary in a {WIDTH}x{HEIGHT} pty, {} (load average at the end {}), \
         times in ms from the key's bytes written to the last byte of its frame:",
        tree.display(),
        load()
    );
    println!("\n| key | listed | n | median | p95 | max | runs |\n|---|---|---|---|---|---|---|");
    for (what, listed, times) in searched.iter().chain(&listed) {
        println!(
            "| {what} | {listed} | {} | {:.1} | {:.1} | {:.1} | {} |",
            times.len(),
            percentile(times, 50),
            percentile(times, 95),
            percentile(times, 100),
            runs_text(times)
        );
    }
    let all: Vec<f64> = searched.iter().flat_map(|(_, _, t)| t.clone()).collect();
    println!(
        "\nevery search keystroke: median {:.1} ms, max {:.1} ms, n {}",
        percentile(&all, 50),
        percentile(&all, 100),
        all.len()
    );
    let moves: Vec<f64> = listed.iter().flat_map(|(_, _, t)| t.clone()).collect();
    println!(
        "every list key: median {:.1} ms, p95 {:.1} ms, n {}",
        percentile(&moves, 50),
        percentile(&moves, 95),
        moves.len()
    );
    reader.send(b"q");
    let _ = reader.exit_within(Duration::from_secs(60));
}

/// The reader on `tree`, once its list is drawn and its search index is
/// ready.
fn start(tree: &Path, home: &Path) -> Pty {
    let mut cmd = isolated(support::binary(), home);
    cmd.arg(tree);
    cmd.cwd(home);
    let started = Instant::now();
    let reader = Pty::spawn(cmd, (WIDTH, HEIGHT)).patience(Duration::from_secs(3600));
    reader.wait_for(&[" articles", "● "]);
    println!(
        "{}: list drawn after {:.0} ms (load average {})",
        tree.display(),
        ms(started.elapsed()),
        load()
    );
    // The index starts with the first tick; its progress is in the header.
    std::thread::sleep(Duration::from_secs(1));
    reader.wait_gone("indexing");
    println!(
        "search index ready after {:.1} s (load average {})",
        started.elapsed().as_secs_f64(),
        load()
    );
    reader
}

/// The header's count (`12,345 / 982,360`, or `982,360` unfiltered).
fn header_count(screen: &str) -> String {
    let first = screen.lines().next().unwrap_or_default();
    let Some(end) = first.find(" articles") else {
        return String::new();
    };
    let before = &first[..end];
    let from = before
        .rfind(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | ' ' | '/')))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    before[from..].trim().to_owned()
}

/// Sends `key`; waits until `shows` holds on the screen and no byte came
/// for [`QUIET`]; returns the time from the key to the last byte, in ms,
/// and the screen.
fn timed(reader: &mut Pty, key: &[u8], shows: impl Fn(&str) -> bool) -> (f64, String) {
    let before = reader.wire().received;
    let sent = Instant::now();
    reader.send(key);
    loop {
        let (received, last, screen) = {
            let wire = reader.wire();
            (
                wire.received,
                wire.last_byte,
                wire.screen.screen().contents(),
            )
        };
        if let Some(last) = last.filter(|_| received > before) {
            if last.elapsed() >= QUIET && shows(&screen) {
                return (ms(last.saturating_duration_since(sent)), screen);
            }
        }
        assert!(
            sent.elapsed() < PATIENCE,
            "no frame for {key:?} showing what it should within {PATIENCE:?}; the screen \
             shows:\n{screen}"
        );
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// Sends `key` and waits until its frame came and then nothing for
/// `quiet` (untimed steps); a key that draws nothing is given a second.
fn settle(reader: &mut Pty, key: &[u8], quiet: Duration) -> String {
    let before = reader.wire().received;
    let sent = Instant::now();
    reader.send(key);
    loop {
        let (received, last) = {
            let wire = reader.wire();
            (wire.received, wire.last_byte)
        };
        let answered = received > before || sent.elapsed() >= Duration::from_secs(1);
        if answered && last.is_none_or(|at| at.elapsed() >= quiet) {
            return reader.screen();
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

type Rows = Vec<(String, String, Vec<f64>)>;

/// Each prefix of each query of [`TYPED`], `runs` times after an untimed
/// round that learns each prefix's count (the screen still for `still`).
fn search_keystrokes(reader: &mut Pty, runs: usize, still: Duration) -> Rows {
    let mut rows = Rows::new();
    for typed in TYPED {
        let chars: Vec<char> = typed.chars().collect();
        let prefixes: Vec<String> = (1..=chars.len())
            .map(|n| chars[..n].iter().collect())
            .collect();
        // Twice: the first time a query's postings may still be on disk
        // (more than `still` at 1M on a busy machine).
        let mut counts = Vec::new();
        for _ in 0..2 {
            counts.clear();
            settle(reader, b"/", Duration::from_millis(300));
            for c in &chars {
                let screen = settle(reader, c.to_string().as_bytes(), still);
                counts.push(header_count(&screen));
            }
            settle(reader, ESC, Duration::from_millis(300));
        }
        let first = rows.len();
        for (prefix, count) in prefixes.iter().zip(&counts) {
            rows.push((format!("`{prefix}`"), count.clone(), Vec::new()));
        }
        for run in 0..runs {
            settle(reader, b"/", QUIET);
            for (n, c) in chars.iter().enumerate() {
                let prompt = format!("/{}", prefixes[n]);
                let count = &counts[n];
                let (time, _) = timed(reader, c.to_string().as_bytes(), |screen| {
                    header_count(screen) == *count
                        && screen.lines().any(|l| l.trim_start().starts_with(&prompt))
                });
                rows[first + n].2.push(time);
            }
            // Both ways out of the prompt, in turn.
            let out: &[&[u8]] = if run % 2 == 0 {
                &[ENTER, BACKSPACE]
            } else {
                &[BACKSPACE, ESC]
            };
            for key in out {
                settle(reader, key, Duration::from_millis(200));
            }
        }
    }
    rows
}

/// `j` / `k` / Page Down / Page Up in the list, 50 of each way, with no
/// search and with `香港` kept.
fn list_keys(reader: &mut Pty, still: Duration) -> Rows {
    let mut rows = Rows::new();
    for kept in [false, true] {
        if kept {
            settle(reader, "/香港".as_bytes(), still);
            settle(reader, ENTER, Duration::from_millis(500));
        }
        let listed = header_count(&reader.screen());
        let with = if kept { ", `香港` kept" } else { "" };
        for (name, there, back) in [
            ("`j` / `k`", DOWN, UP),
            ("Page Down / Up", PAGE_DOWN, PAGE_UP),
        ] {
            let mut times = Vec::new();
            for _ in 0..2 {
                for key in [there, back] {
                    for _ in 0..25 {
                        times.push(timed(reader, key, |_| true).0);
                    }
                }
            }
            rows.push((format!("{name}{with}"), listed.clone(), times));
        }
    }
    rows
}
