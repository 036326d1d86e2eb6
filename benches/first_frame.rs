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
//! for one kind). Needs the archive unpacked at `target/corpus-full`, or
//! `INKSTONE_BENCH_CORPUS=<folder>`; skips when there is none.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use inkstone::keymap::Keymap;
use inkstone::library::Library;
use inkstone::marks::Marks;
use inkstone::startup::{Locations, Startup};
use inkstone::tui::{Session, app_for};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const RUNS: usize = 5;

fn corpus() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("INKSTONE_BENCH_CORPUS") {
        return Some(PathBuf::from(dir));
    }
    let unpacked = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/corpus-full/articles");
    unpacked.is_dir().then_some(unpacked)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn row(label: &str, values: &[f64]) {
    let all: Vec<String> = values.iter().map(|v| format!("{v:.0}")).collect();
    println!(
        "{label:<46} median {:>7.1} ms  runs [{}]",
        median(values.to_vec()),
        all.join(", ")
    );
}

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

/// CPU time used so far by the live threads of process `pid` (Linux; the
/// threads that already ended are not counted), in ms.
fn cpu_ms(pid: u32) -> Option<f64> {
    let mut total = 0u64;
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))
        .ok()?
        .flatten()
    {
        let stat = std::fs::read_to_string(task.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total as f64 / 1e6)
}

/// The load average over the last minute: the machine is shared.
fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_default()
}

/// Spawns the release binary in a pty and times until the header of the
/// list is on the screen (wall time, and the CPU time the process had
/// used); then quits it with `q` (which saves the cache).
fn start_in_pty(root: &Path, home: &Path) -> (f64, f64) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 160,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_inkstone"));
    cmd.arg(root);
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home);
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env("XDG_STATE_HOME", home.join("state"));
    cmd.env("XDG_CACHE_HOME", home.join("cache"));
    cmd.cwd(home);
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("inkstone starts");
    drop(pair.slave);
    let mut output = pair.master.try_clone_reader().expect("pty reader");
    let mut writer = pair.master.take_writer().expect("pty writer");
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        40u16.try_into().unwrap(),
        160u16.try_into().unwrap(),
        0,
    )));
    let sink = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        while let Ok(n) = output.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buf[..n]);
        }
    });
    let pid = child.process_id().expect("a process id");
    let (shown, cpu) = loop {
        let text = screen.lock().unwrap().screen().contents();
        if text.contains(" articles") && text.contains("● ") {
            break (started.elapsed(), cpu_ms(pid).unwrap_or(f64::NAN));
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no list after 2 minutes:\n{text}"
        );
        std::thread::sleep(Duration::from_micros(500));
    };
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let _ = child.wait();
    (ms(shown), cpu)
}

fn in_pty(root: &Path, home: &Path) {
    let cache = home.join("cache");
    for (label, cold) in [("cold (no cache)", true), ("warm (cache)", false)] {
        let (mut runs, mut cpu) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            if cold {
                let _ = std::fs::remove_dir_all(&cache);
            }
            let (wall, used) = start_in_pty(root, home);
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

fn main() {
    let Some(root) = corpus() else {
        println!(
            "first_frame bench: no corpus (target/corpus-full or INKSTONE_BENCH_CORPUS); skipped"
        );
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
    if !pty_only {
        in_process(&root, &at);
    }
    if !in_process_only {
        in_pty(&root, home.path());
    }
}
