//! Loading benchmark: the full hkcnews archive (49,118 files) into a
//! `Library`, median of 5 runs with a warm page cache, wall time and peak RSS.
//!
//! Unpack the archive first (from the repository root):
//!   mkdir -p target/corpus-full && tar -I zstd -xf ../shared/corpus/hkcnews-full.tar.zst -C target/corpus-full
//! Run: cargo bench --bench load
//!   `-- --serde`     the serde_yaml-only path, for comparison
//!   `-- --no-hash`   without reading whole bodies to hash them (duplicates)
//!   `-- --html`      the archive under `.html` names (target/corpus-html)
//!   `-- --baseline`  only walk the tree and read the first 4 KiB of every
//!                    file on all cores: the physical floor, measured alongside
//!
//! Besides wall time each run reports its CPU time (user + system), which
//! stays meaningful when other work shares the machine.
//!
//! Each run happens in a fresh child process so its peak RSS (`VmHWM`) is its
//! own and not the high-water mark of earlier runs.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use inkstone::article::YamlParser;
use inkstone::library::{Library, LoadOptions};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod support;
use support::measure::own_status_kib;

const RUNS: usize = 5;
const CHILD_FLAG: &str = "--child-run";

/// The full archive (`support::corpus`), or with `--html` the same files
/// hard-linked under `.html` names in `target/corpus-html` (see
/// BENCHMARKS.md), to compare the two formats' cost.
fn corpus() -> Option<PathBuf> {
    if std::env::args().any(|a| a == "--html") {
        let html = support::corpus::repo().join("target/corpus-html");
        html.is_dir().then_some(html)
    } else {
        support::corpus::full()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = if args.iter().any(|a| a == "--baseline") {
        Mode::Baseline
    } else if args.iter().any(|a| a == "--serde") {
        Mode::SerdeOnly
    } else {
        Mode::Load
    };
    if args.iter().any(|a| a == CHILD_FLAG) {
        child(mode);
        return;
    }
    let Some(root) = corpus() else {
        support::corpus::skipped("load");
        return;
    };
    let what = match mode {
        Mode::Load => "Library::load, fast path + serde_yaml fallback",
        Mode::SerdeOnly => "Library::load, serde_yaml only",
        Mode::Baseline => "baseline: walk + read first 4 KiB of every file",
    };
    println!(
        "load bench: {} ({what}), {} threads, {RUNS} runs after one warm-up",
        root.display(),
        rayon::current_num_threads()
    );
    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    let mut rsss = Vec::new();
    for run in 0..=RUNS {
        let (wall_ms, cpu_ms, rss_kb, summary) = run_child(mode);
        let label = if run == 0 {
            "warm-up".to_owned()
        } else {
            format!("run {run}")
        };
        println!(
            "  {label}: {wall_ms:.1} ms wall, {cpu_ms:.0} ms CPU, peak RSS {:.1} MB  [{summary}]",
            rss_kb as f64 / 1024.0
        );
        if run > 0 {
            walls.push(wall_ms);
            cpus.push(cpu_ms);
            rsss.push(rss_kb);
        }
    }
    walls.sort_by(f64::total_cmp);
    cpus.sort_by(f64::total_cmp);
    rsss.sort_unstable();
    println!(
        "median: {:.1} ms wall, {:.0} ms CPU, {:.1} MB peak RSS (budget: 400 ms wall, 150 MB)",
        walls[RUNS / 2],
        cpus[RUNS / 2],
        rsss[RUNS / 2] as f64 / 1024.0
    );
    println!(
        "least disturbed run: {:.1} ms wall, {:.0} ms CPU (on a shared machine the median includes waiting for a core)",
        walls[0], cpus[0]
    );
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Load,
    SerdeOnly,
    Baseline,
}

fn run_child(mode: Mode) -> (f64, f64, u64, String) {
    let exe = std::env::current_exe().expect("bench executable path");
    let mut command = Command::new(exe);
    command.arg(CHILD_FLAG);
    for flag in ["--no-hash", "--html"] {
        if std::env::args().any(|a| a == flag) {
            command.arg(flag);
        }
    }
    match mode {
        Mode::Load => {}
        Mode::SerdeOnly => {
            command.arg("--serde");
        }
        Mode::Baseline => {
            command.arg("--baseline");
        }
    }
    let output = command.output().expect("run bench child");
    assert!(
        output.status.success(),
        "child failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut fields = text.split_whitespace();
    let wall: f64 = fields
        .next()
        .and_then(|f| f.parse().ok())
        .expect("wall time");
    let cpu: f64 = fields
        .next()
        .and_then(|f| f.parse().ok())
        .expect("CPU time");
    let rss: u64 = fields
        .next()
        .and_then(|f| f.parse().ok())
        .expect("peak RSS");
    (wall, cpu, rss, fields.collect::<Vec<_>>().join(" "))
}

/// One measured run; prints `wall_ms cpu_ms peak_rss_kb summary`. The
/// figures are taken as soon as the work is done; the summary is computed
/// after.
fn child(mode: Mode) {
    let start = Instant::now();
    if mode == Mode::Baseline {
        let bytes = read_prefixes(&corpus().expect("the corpus"));
        let wall = start.elapsed().as_secs_f64() * 1000.0;
        let (cpu, rss) = (cpu_ms(), own_status_kib("VmHWM"));
        println!("{wall:.3} {cpu:.1} {rss} read {} MB", bytes / 1_000_000);
        return;
    }
    let parser = if mode == Mode::SerdeOnly {
        YamlParser::SerdeOnly
    } else {
        YamlParser::Auto
    };
    let options = LoadOptions {
        parser,
        hash_bodies: !std::env::args().any(|a| a == "--no-hash"),
        ..LoadOptions::default()
    };
    let library = Library::load_with(&[corpus().expect("the corpus")], options);
    let wall = start.elapsed().as_secs_f64() * 1000.0;
    let (cpu, rss) = (cpu_ms(), own_status_kib("VmHWM"));
    let untitled = library
        .articles
        .iter()
        .filter(|a| a.title.is_empty())
        .count();
    let ids: HashSet<&str> = library.articles.iter().map(|a| a.id.as_str()).collect();
    println!(
        "{wall:.3} {cpu:.1} {rss} articles={} problems={} untitled={untitled} distinct_ids={}",
        library.articles.len(),
        library.problems.len(),
        ids.len()
    );
}

/// The floor the corpus README measures: walk, then read the first 4 KiB
/// of every file on all cores.
fn read_prefixes(root: &std::path::Path) -> usize {
    use rayon::prelude::*;
    use std::io::Read;
    let files: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect();
    files
        .par_iter()
        .map_init(
            || vec![0u8; 4096],
            |buf, path| {
                std::fs::File::open(path)
                    .and_then(|mut f| f.read(buf))
                    .unwrap_or(0)
            },
        )
        .sum()
}

/// User + system CPU time of this process so far, from /proc (Linux).
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are 14 and 15.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Clock ticks are 100 per second on Linux (USER_HZ).
    (ticks(11) + ticks(12)) * 10.0
}
