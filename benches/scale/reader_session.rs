//! One reader session in a pseudo-terminal, timed from outside: spawn to the
//! first drawn list, peak RSS once idle, keys to the changed screen, `q`
//! to the process gone.

use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use crate::support::measure::{cpu_ms, ms};
use crate::support::pty::{Pty, isolated};
use crate::{COLS, Home, ROWS, watch_rss};

/// One reader session's figures.
pub(crate) struct Reader {
    pub(crate) first_list: f64,
    pub(crate) peak_rss: f64,
    pub(crate) keys: Vec<f64>,
    pub(crate) quit: f64,
}

/// The reader in a pty: to the first drawn list, idle (search ready), some
/// `j` presses timed to the changed screen, then `q` to the process gone.
pub(crate) fn reader(home: &Home, root: &Path, keys: usize) -> Reader {
    let mut cmd = isolated(crate::support::binary(), home.path());
    cmd.arg(root);
    cmd.cwd(home.path());
    let started = Instant::now();
    let mut reader = Pty::spawn(cmd, (COLS, ROWS));
    reader.keep_only_tail(1 << 20);
    let pid = reader.pid().expect("a process id");
    let (peak, stop) = watch_rss(pid);
    let listed = reader.poll(
        Duration::from_secs(300),
        Duration::from_micros(300),
        |text| text.contains(" articles") && text.contains("● "),
    );
    let first_list = ms(started.elapsed());
    assert!(listed, "no list after 5 minutes:\n{}", reader.screen());
    // Idle: no CPU used for a second (search index built, cache written).
    let mut last = cpu_ms(pid).unwrap_or(0.0);
    let mut quiet_since = Instant::now();
    while quiet_since.elapsed() < Duration::from_secs(1)
        && started.elapsed() < Duration::from_secs(600)
    {
        std::thread::sleep(Duration::from_millis(100));
        let now = cpu_ms(pid).unwrap_or(last);
        if now - last > 15.0 {
            quiet_since = Instant::now();
        }
        last = now;
    }
    let mut times = Vec::new();
    for _ in 0..keys {
        let before = reader.screen();
        let pressed = Instant::now();
        reader.send(b"j");
        reader.poll(Duration::from_secs(5), Duration::from_micros(200), |now| {
            now != before
        });
        times.push(ms(pressed.elapsed()));
        std::thread::sleep(Duration::from_millis(20));
    }
    let peak_rss = peak.load(Ordering::Relaxed) as f64 / 1024.0;
    stop.store(1, Ordering::Relaxed);
    let asked = Instant::now();
    reader.send(b"q");
    // Stopped after 3 minutes: quitting has a 1 s budget (dropping the
    // `Pty` kills a reader still running).
    let _ = reader.exit_within(Duration::from_secs(180));
    let quit = ms(asked.elapsed());
    Reader {
        first_list,
        peak_rss,
        keys: times,
        quit,
    }
}
