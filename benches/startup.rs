//! Start-up to a ready `Library` on the full archive: cold (no cache: walk
//! and parse every file, then write the cache) and warm (read the cache,
//! check folder times), median of 5 runs each. Page cache warm throughout.
//!
//! Run: `cargo bench --bench startup`. Needs the full archive unpacked
//! under `target/corpus-full` (see BENCHMARKS.md), or
//! `INKSTONE_CORPUS=<folder>` (see `support::corpus`); skips when there is
//! none.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use inkstone::library::Library;
use inkstone::marks::Marks;

mod support;
use support::measure::ms;

const RUNS: usize = 5;

// The allocator the inkstone binary uses (src/main.rs), so figures match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// CPU time of every thread of this process so far (Linux), so that
/// figures taken on a shared, busy machine can be told apart from waiting.
fn cpu_time() -> Option<Duration> {
    let mut total = 0u64;
    for task in std::fs::read_dir("/proc/self/task").ok()?.flatten() {
        let stat = std::fs::read_to_string(task.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(Duration::from_nanos(total))
}

/// Times `run` (not the drop of what it returns: the reader keeps it).
fn measure<T: Count>(label: &str, mut setup: impl FnMut(), mut run: impl FnMut() -> T) {
    let mut times = Vec::with_capacity(RUNS);
    let mut cpu = Vec::with_capacity(RUNS);
    let mut count = 0;
    for _ in 0..RUNS {
        setup();
        let (start, cpu_start) = (Instant::now(), cpu_time());
        let result = run();
        times.push(start.elapsed());
        if let (Some(a), Some(b)) = (cpu_start, cpu_time()) {
            cpu.push(b.saturating_sub(a));
        }
        count = result.count();
        drop(result);
    }
    let all: Vec<String> = times.iter().map(|t| format!("{:.0}", ms(*t))).collect();
    let cpu = if cpu.is_empty() {
        String::new()
    } else {
        format!("cpu {:>6.1} ms  ", ms(median(cpu)))
    };
    println!(
        "{label:<44} median {:>7.1} ms  {cpu}runs [{}] ms  ({count})",
        ms(median(times)),
        all.join(", ")
    );
}

trait Count {
    fn count(&self) -> usize;
}

impl Count for Library {
    fn count(&self) -> usize {
        self.articles.len()
    }
}

impl Count for Marks {
    fn count(&self) -> usize {
        0
    }
}

impl Count for Vec<PathBuf> {
    fn count(&self) -> usize {
        self.len()
    }
}

fn main() {
    let Some(root) = support::corpus::full() else {
        support::corpus::skipped("startup");
        return;
    };
    let roots = vec![root];
    let cache = tempfile::tempdir().expect("temp dir");
    let cache_dir = cache.path().to_path_buf();
    let clear = || {
        let _ = std::fs::remove_dir_all(&cache_dir);
    };
    // Warm the page cache once.
    let _ = Library::load(&roots);

    measure(
        "cold: Library::load (no cache)",
        || {},
        || Library::load(&roots),
    );
    measure("cold: load_cached, no cache (list ready)", clear, || {
        Library::load_cached(&roots, Some(&cache_dir))
    });
    // Writing the cache after a first load (the reader does it at exit).
    let mut writes = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        clear();
        let mut cold = Library::load_cached(&roots, Some(&cache_dir));
        let start = Instant::now();
        cold.save_cache().expect("write the cache");
        writes.push(start.elapsed());
    }
    println!(
        "{:<44} median {:>7.1} ms",
        "cold: save_cache (at exit)",
        ms(median(writes))
    );
    let mut cold = Library::load_cached(&roots, Some(&cache_dir));
    cold.save_cache().expect("write the cache");
    drop(cold);
    // Let the kernel write back the cache files just written, as it has
    // long done by the time someone starts inkstone again.
    std::thread::sleep(Duration::from_secs(3));
    measure(
        "warm: load_cached (list ready)",
        || {},
        || Library::load_cached(&roots, Some(&cache_dir)),
    );
    let library = Library::load_cached(&roots, Some(&cache_dir));
    measure(
        "warm: background recheck (stat every file)",
        || {},
        || library.recheck().run(),
    );
    measure(
        "warm: load_cached_checked (CLI, exact)",
        || {},
        || Library::load_cached_checked(&roots, Some(&cache_dir)),
    );
    // Marks with every article read: the heaviest state file a user makes
    // (`R` on the whole archive).
    let state = tempfile::tempdir().expect("temp dir");
    let marks_file = state.path().join("marks.json");
    let (mut marks, _) = Marks::open(&marks_file);
    marks.mark_all_read(library.articles.iter().map(|a| a.id.as_str()));
    marks.save().expect("save marks");
    measure(
        "marks: open, every article read",
        || {},
        || Marks::open(&marks_file).0,
    );
    measure(
        "marks: save() one change, waits for disk",
        || {},
        || {
            let (mut marks, _) = Marks::open(&marks_file);
            marks.toggle_star(&library.articles[0].id);
            marks.save().expect("save marks");
            marks
        },
    );
    // What the reader's thread pays per save once the saving thread runs:
    // handing over the changes (the write happens beside it).
    let (mut marks, _) = Marks::open(&marks_file);
    marks.toggle_star(&library.articles[1].id);
    marks.save().expect("save marks");
    let mut handoff = Vec::new();
    for n in 0..21 {
        marks.toggle_star(&library.articles[n].id);
        let due = marks.save_due_at().expect("a change is due");
        // Let the saving thread settle, as between key presses.
        std::thread::sleep(Duration::from_millis(20));
        let start = Instant::now();
        marks.save_if_due(due).expect("save marks");
        handoff.push(start.elapsed());
        marks.save().expect("save marks");
    }
    println!(
        "{:<44} median {:>7.3} ms (of 21)",
        "marks: save_if_due on the reader's thread",
        ms(median(handoff))
    );
    let marks_size = std::fs::metadata(&marks_file).map_or(0, |m| m.len());
    println!("marks file: {:.1} MB", marks_size as f64 / 1e6);
    let size = std::fs::read_dir(&cache_dir)
        .ok()
        .and_then(|mut d| d.next())
        .and_then(|e| e.ok()?.metadata().ok())
        .map_or(0, |m| m.len());
    println!("cache file: {:.1} MB", size as f64 / 1e6);
}
