//! Issue 10's budgets, measured from outside the way a user meets them: the
//! release binary (`inkstone` and `inkstone list`/`tags`) as a child
//! process, the reader in a 200x60 pseudo-terminal (portable-pty + vt100),
//! each figure beside the physical floor measured in the same run:
//!
//! - floors: a stat-only walk of the tree (every folder listed and every
//!   file's metadata read, folders in parallel) and reading the first 4 KiB
//!   of every file on all cores;
//! - `list` cold (no metadata cache) and warm, `tags` warm: wall time and
//!   peak RSS;
//! - the reader cold and warm: spawn to the first drawn list, peak RSS once
//!   it has gone idle (search ready), key to frame (`j` until the screen
//!   changes), and `q` to the process gone.
//!
//! Run: `cargo bench --bench scale` (49k archive at `target/corpus-full`;
//! `INKSTONE_BIN=<binary>` measures another build),
//! `cargo bench --bench scale -- <folder>` for another tree, e.g. the 1M tree
//! that `scripts/build-million-tree.sh` builds at `target/corpus-million`
//! (used by default when it exists). `--runs N` (default 3) per figure;
//! `--lists` stops after the `list`/`tags` rows (e.g. to compare a tree of
//! `.html` files with the same tree as `.md`).
//! Linux only (peak RSS is `VmHWM` read from `/proc/<pid>/status` while the
//! process runs). The machine is shared: the load average is printed with
//! every figure.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

mod support;
mod scale {
    pub(crate) mod floors;
    pub(crate) mod reader_session;
}
use scale::floors::{first_4k, stat_walk};
use scale::reader_session::{Reader, reader};
use support::measure::{load, median, ms, peak_rss_kb, percentile, runs_text};
use support::pty::home_env;

const ROWS: u16 = 60;
const COLS: u16 = 200;

/// Keeps the highest `VmHWM` seen for `pid` until told to stop.
fn watch_rss(pid: u32) -> (Arc<AtomicU64>, Arc<AtomicU64>) {
    let peak = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicU64::new(0));
    let (p, s) = (Arc::clone(&peak), Arc::clone(&stop));
    std::thread::spawn(move || {
        while s.load(Ordering::Relaxed) == 0 {
            match peak_rss_kb(pid) {
                Some(kb) => {
                    p.fetch_max(kb, Ordering::Relaxed);
                }
                None => break,
            }
            std::thread::sleep(Duration::from_millis(3));
        }
    });
    (peak, stop)
}

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
    fn drop_cache(&self) {
        let _ = std::fs::remove_dir_all(self.path().join("cache"));
    }
    fn envs(&self) -> [(&'static str, PathBuf); 5] {
        home_env(self.path())
    }
}

/// Runs `inkstone <args> <root>` to the end: wall time, peak RSS.
fn command(home: &Home, args: &[&str], root: &Path) -> (f64, f64) {
    let start = Instant::now();
    let mut child = Command::new(support::binary())
        .args(args)
        .arg(root)
        .envs(home.envs())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("inkstone runs");
    let (peak, stop) = watch_rss(child.id());
    let mut out = child.stdout.take().unwrap();
    std::io::copy(&mut out, &mut std::io::sink()).unwrap();
    child.wait().unwrap();
    let wall = ms(start.elapsed());
    stop.store(1, Ordering::Relaxed);
    (wall, peak.load(Ordering::Relaxed) as f64 / 1024.0)
}

fn default_tree() -> Option<PathBuf> {
    support::corpus::million().or_else(support::corpus::full)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut runs = 3;
    let mut lists_only = false;
    let mut tree = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--runs" => runs = it.next().and_then(|n| n.parse().ok()).unwrap_or(runs),
            "--bench" => {}
            "--lists" => lists_only = true,
            other if !other.starts_with('-') => tree = Some(PathBuf::from(other)),
            _ => {}
        }
    }
    let Some(root) = tree.or_else(default_tree) else {
        println!("scale bench: no tree (target/corpus-million, the full archive); skipped");
        support::corpus::skipped("scale");
        return;
    };
    // The reader runs in a temporary home folder.
    let root = std::fs::canonicalize(&root).expect("the tree exists");
    let home = Home::new();
    // Warm the page cache and count.
    let (_, files) = stat_walk(&root);
    first_4k(&root);
    println!(
        "tree {} ({files} files), {runs} runs each, load average {}",
        root.display(),
        load()
    );
    let mut walk_ms = Vec::new();
    let mut floor_ms = Vec::new();
    let mut cold_list = Vec::new();
    let mut cold_list_rss = Vec::new();
    let mut warm_list = Vec::new();
    let mut tags = Vec::new();
    for _ in 0..runs {
        walk_ms.push(ms(stat_walk(&root).0));
        floor_ms.push(ms(first_4k(&root)));
        home.drop_cache();
        let (wall, rss) = command(&home, &["list"], &root);
        cold_list.push(wall);
        cold_list_rss.push(rss);
        // The second list finds the cache the first one wrote.
        warm_list.push(command(&home, &["list"], &root).0);
        tags.push(command(&home, &["tags"], &root).0);
    }
    let walk = median(&walk_ms);
    let floor = median(&floor_ms);
    println!("| what | median | runs | floor | ratio | load |");
    println!("|---|---|---|---|---|---|");
    line("floor: stat-only walk", &walk_ms, None);
    line("floor: first 4 KiB of every file", &floor_ms, None);
    line("cold `list`", &cold_list, Some(("4 KiB", floor)));
    println!(
        "| cold `list` peak RSS | {:.0} MB | {} | | | |",
        median(&cold_list_rss),
        runs_text(&cold_list_rss)
    );
    line("warm `list`", &warm_list, Some(("walk", walk)));
    line("warm `tags`", &tags, None);
    if lists_only {
        return;
    }
    readers(&home, &root, runs, walk, floor);
}

/// A table row: median, runs, and the ratio to a floor.
fn line(what: &str, v: &[f64], floor: Option<(&str, f64)>) {
    let m = median(v);
    let (f, r) = floor.map_or((String::new(), String::new()), |(name, f)| {
        (format!("{name} {f:.0} ms"), format!("{:.2}x", m / f))
    });
    println!(
        "| {what} | {m:.0} ms | {} | {f} | {r} | {} |",
        runs_text(v),
        load()
    );
}

/// The reader's rows: cold and warm starts, memory, keys, quitting.
fn readers(home: &Home, root: &Path, runs: usize, walk: f64, floor: f64) {
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    for _ in 0..runs {
        home.drop_cache();
        cold.push(reader(home, root, 0));
        warm.push(reader(home, root, 50));
    }
    let pick = |rs: &[Reader], f: fn(&Reader) -> f64| rs.iter().map(f).collect::<Vec<f64>>();
    line(
        "reader cold: first drawn list",
        &pick(&cold, |r| r.first_list),
        Some(("4 KiB", floor)),
    );
    line(
        "reader warm: first drawn list",
        &pick(&warm, |r| r.first_list),
        Some(("walk", walk)),
    );
    for (what, rs) in [("cold", &cold), ("warm", &warm)] {
        let rss = pick(rs, |r| r.peak_rss);
        println!(
            "| reader {what}: peak RSS, idle (search ready) | {:.0} MB | {} | | | |",
            median(&rss),
            runs_text(&rss)
        );
        line(
            &format!("reader {what}: `q` to exit"),
            &pick(rs, |r| r.quit),
            None,
        );
    }
    let keys: Vec<f64> = warm.iter().flat_map(|r| r.keys.iter().copied()).collect();
    println!(
        "| reader warm: key `j` to changed screen, p50 / p95 / max | {:.1} / {:.1} / {:.1} ms | {} presses | | | {} |",
        percentile(&keys, 50),
        percentile(&keys, 95),
        percentile(&keys, 100),
        keys.len(),
        load()
    );
}
