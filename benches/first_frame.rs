//! Start-up to the first frame of the list on the full archive, cold (no
//! metadata cache) and warm (cache written by the previous start), median
//! of 5 each. Two ways:
//!
//! - in process: what `inkstone <archive>` does before its first frame —
//!   config, `Startup::open` (library through the cache beside the marks,
//!   watcher and background recheck started), the `App` with its indexes
//!   and marks, one frame drawn on ratatui's `TestBackend` at 200x60 — with
//!   each phase timed;
//! - the release binary in a pseudo-terminal (portable-pty + vt100), from
//!   spawning the process to the list's header on the screen.
//!
//! The state folder holds marks with every other article read, so the
//! flags and the unread count have real work to do.
//!
//! Run: `cargo bench --bench first_frame` (`-- --in-process` or `-- --pty`
//! for one kind). `-- --warm-ab BIN_A BIN_B [--runs N]` compares two
//! release binaries' warm starts in a pty, alternating A and B N times
//! (default 15) so the load of the moment hits both alike, each with its
//! own home (a cache is tied to its binary). Needs the archive unpacked at `target/corpus-full`, or
//! `INKSTONE_CORPUS=<folder>` (see `support::corpus`); skips when there is
//! none.

use std::path::Path;
use std::time::{Duration, Instant};

use inkstone::keymap::Keymap;
use inkstone::library::Library;
use inkstone::marks::Marks;
use inkstone::startup::{Locations, Startup};
use inkstone::tui::{Session, app_for};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const RUNS: usize = 5;

mod support;
use support::measure::{live_threads_cpu_ms, load, ms, row};
use support::pty::{Pty, isolated};

/// Per-phase times of one in-process start, in ms.
#[derive(Default, Clone)]
struct Phases {
    startup: f64,
    app: f64,
    frame: f64,
    total: f64,
}

fn start_in_process(root: &Path, at: &Locations) -> (Phases, usize) {
    let t0 = Instant::now();
    let config = at.config().expect("default config");
    let keymap = Keymap::defaults().with_config(&config).expect("keys");
    let startup = Startup::open(config, &[root.to_path_buf()], at);
    let t1 = Instant::now();
    let (app, live) = app_for(startup, &keymap);
    let t2 = Instant::now();
    let mut session = Session::new(
        app,
        keymap,
        Terminal::new(TestBackend::new(200, 60)).unwrap(),
    )
    .expect("a session");
    session.draw().expect("a frame");
    let t3 = Instant::now();
    let shown = session.app().visible().len();
    // Writes the cache when the start had to parse files, as quitting
    // does; not part of the time to the first frame.
    let _ = session.finish();
    drop(live);
    (
        Phases {
            startup: ms(t1 - t0),
            app: ms(t2 - t1),
            frame: ms(t3 - t2),
            total: ms(t3 - t0),
        },
        shown,
    )
}

fn in_process(root: &Path, at: &Locations) {
    let cache = at.cache_dir.clone().expect("a cache folder");
    for (label, cold) in [("cold (no cache)", true), ("warm (cache)", false)] {
        let mut runs = Vec::new();
        let mut shown = 0;
        for _ in 0..RUNS {
            if cold {
                let _ = std::fs::remove_dir_all(&cache);
            }
            let (phases, n) = start_in_process(root, at);
            shown = n;
            runs.push(phases);
        }
        let pick = |f: fn(&Phases) -> f64| runs.iter().map(f).collect::<Vec<_>>();
        println!(
            "in process, {label}: {shown} articles listed (load average {})",
            load()
        );
        row("  to first frame", &pick(|p| p.total));
        row(
            "    Startup::open (config, library, marks)",
            &pick(|p| p.startup),
        );
        row("    App (indexes, marks, theme)", &pick(|p| p.app));
        row("    first frame (200x60)", &pick(|p| p.frame));
    }
}

/// Spawns the release binary in a pty and times until the header of the
/// list is on the screen (wall time, and the CPU time the process had
/// used); then quits it with `q`. A cold start first waits for its cache
/// to be written (in the background after the first frame; a quit cuts
/// it short, by design), so that the warm starts after it are warm.
fn start_in_pty(root: &Path, home: &Path, cold: bool) -> (f64, f64) {
    start_bin_in_pty(Path::new(env!("CARGO_BIN_EXE_inkstone")), root, home, cold)
}

/// [`start_in_pty`] of the binary at `bin`.
fn start_bin_in_pty(bin: &Path, root: &Path, home: &Path, cold: bool) -> (f64, f64) {
    let mut cmd = isolated(bin, home);
    cmd.arg(root);
    cmd.cwd(home);
    let spawned_at = std::time::SystemTime::now();
    let started = Instant::now();
    let mut reader = Pty::spawn(cmd, (160, 40));
    let pid = reader.pid().expect("a process id");
    let mut shown = None;
    let listed = reader.poll(
        Duration::from_secs(120),
        Duration::from_micros(500),
        |text| {
            let done = text.contains(" articles") && text.contains("● ");
            if done && shown.is_none() {
                shown = Some((
                    started.elapsed(),
                    live_threads_cpu_ms(pid).unwrap_or(f64::NAN),
                ));
            }
            done
        },
    );
    assert!(listed, "no list after 2 minutes:\n{}", reader.screen());
    let (shown, cpu) = shown.expect("timed when listed");
    if cold {
        let written = wait_for_cache(&home.join("cache"), spawned_at);
        assert!(written, "no metadata cache written within a minute");
    }
    reader.send(b"q");
    let _ = reader.exit_within(Duration::from_secs(600));
    (ms(shown), cpu)
}

/// Waits (up to a minute) until a `.bin` file under `cache` was written
/// after `since`.
fn wait_for_cache(cache: &Path, since: std::time::SystemTime) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    let written = || {
        walkdir::WalkDir::new(cache).into_iter().flatten().any(|e| {
            e.path().extension().is_some_and(|x| x == "bin")
                && e.metadata()
                    .ok()
                    .and_then(|m| m.modified().ok())
                    .is_some_and(|t| t >= since)
        })
    };
    while Instant::now() < deadline {
        if written() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

fn in_pty(root: &Path, home: &Path) {
    let cache = home.join("cache");
    for (label, cold) in [("cold (no cache)", true), ("warm (cache)", false)] {
        let (mut runs, mut cpu) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            if cold {
                let _ = std::fs::remove_dir_all(&cache);
            }
            let (wall, used) = start_in_pty(root, home, cold);
            runs.push(wall);
            cpu.push(used);
        }
        println!(
            "release binary in a pty, {label} (load average {}):",
            load()
        );
        row("  list on screen (wall)", &runs);
        row("  CPU time used by then", &cpu);
    }
}

/// Warm starts of two binaries, alternating (see the file's comment).
fn warm_ab(root: &Path, marks: &Path, bins: [&Path; 2], runs: usize) {
    let homes = [(); 2].map(|()| tempfile::tempdir().expect("temp dir"));
    for (bin, home) in bins.iter().zip(&homes) {
        let state = home.path().join("state/inkstone");
        std::fs::create_dir_all(&state).expect("state folder");
        std::fs::copy(marks, state.join("marks.json")).expect("marks copied");
        // The first start writes the cache the warm ones read.
        start_bin_in_pty(bin, root, home.path(), true);
    }
    let mut figures = [(); 2].map(|()| (Vec::new(), Vec::new()));
    let before = load();
    for _ in 0..runs {
        for ((bin, home), (wall, cpu)) in bins.iter().zip(&homes).zip(&mut figures) {
            let (w, c) = start_bin_in_pty(bin, root, home.path(), false);
            wall.push(w);
            cpu.push(c);
        }
    }
    println!(
        "warm starts in a pty (160x40), A and B alternating; load average {} at the start, {} at the end",
        before,
        load()
    );
    for (name, (wall, cpu)) in ["A", "B"].iter().zip(&figures) {
        row(&format!("  {name}: list on screen (wall)"), wall);
        row(&format!("  {name}: CPU time used by then"), cpu);
    }
}

fn main() {
    let Some(root) = support::corpus::full() else {
        support::corpus::skipped("first_frame");
        return;
    };
    let args: Vec<String> = std::env::args().collect();
    let only = |flag: &str| args.iter().any(|a| a == flag);
    let (pty_only, in_process_only) = (only("--pty"), only("--in-process"));
    let home = tempfile::tempdir().expect("temp dir");
    let at = Locations {
        config_file: Some(home.path().join("config/inkstone/config.yaml")),
        marks_file: Some(home.path().join("state/inkstone/marks.json")),
        cache_dir: Some(home.path().join("cache/inkstone")),
    };
    // Every other article read: a realistic marks file (a few MB).
    let library = Library::load(std::slice::from_ref(&root));
    let (mut marks, _) = Marks::open(at.marks_file.as_deref().unwrap());
    marks.mark_all_read(library.articles.iter().step_by(2).map(|a| a.id.as_str()));
    marks.save().expect("marks saved");
    println!(
        "{} articles, {} marked read; page cache warm",
        library.articles.len(),
        marks.read_count()
    );
    drop(library);
    if let Some(at_ab) = args.iter().position(|a| a == "--warm-ab") {
        let bin = |i: usize| Path::new(args.get(at_ab + i).expect("--warm-ab BIN_A BIN_B"));
        let runs = args
            .iter()
            .position(|a| a == "--runs")
            .and_then(|i| args.get(i + 1)?.parse().ok())
            .unwrap_or(15);
        warm_ab(
            &root,
            at.marks_file.as_deref().unwrap(),
            [bin(1), bin(2)],
            runs,
        );
        return;
    }
    if !pty_only {
        in_process(&root, &at);
    }
    if !in_process_only {
        in_pty(&root, home.path());
    }
}
