//! The reader in a pseudo-terminal that misbehaves: bursts of mouse
//! events, pastes that never end, a terminal closed under it, signals.
//! Whatever happens, keys keep working and marks reach the disk.

#![cfg(unix)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod common;
use common::archive::numbered;
use common::pty::{Pty, isolated};

/// Generous: CI machines are small and busy. Before the fixes these cases
/// hung forever, so the limit only has to end the test.
const TIMEOUT: Duration = Duration::from_secs(30);

fn start(home: &Path, archive: &Path) -> Pty {
    start_as(home, archive, "xterm-256color")
}

fn start_as(home: &Path, archive: &Path, term: &str) -> Pty {
    let mut cmd = isolated(env!("CARGO_BIN_EXE_inkstone"), home);
    cmd.arg(archive);
    cmd.env("TERM", term);
    Pty::spawn(cmd, (80, 24)).patience(TIMEOUT)
}

/// Five dated articles, newest first as listed.
fn archive(dir: &Path) -> PathBuf {
    numbered(&dir.join("archive"), 5)
}

fn started() -> (tempfile::TempDir, Pty) {
    let dir = tempfile::tempdir().unwrap();
    let root = archive(dir.path());
    let term = start(dir.path(), &root);
    term.wait_for(&["第5篇新聞"]);
    (dir, term)
}

fn starred(home: &Path) -> usize {
    common::home::starred(home).len()
}

/// A pty the test holds the only master of, so dropping it closes the
/// terminal for real. The reader runs without a controlling terminal: it
/// sees the loss as its input failing, not as SIGHUP.
struct BarePty {
    master: Option<std::fs::File>,
    child: std::process::Child,
    output: Arc<Mutex<Vec<u8>>>,
}

impl BarePty {
    fn start(home: &Path, archive: &Path) -> BarePty {
        use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
        let master =
            openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        rustix::termios::tcsetwinsize(
            &master,
            rustix::termios::Winsize {
                ws_row: 24,
                ws_col: 80,
                ws_xpixel: 0,
                ws_ypixel: 0,
            },
        )
        .unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(name.to_str().unwrap())
            .unwrap();
        let child = common::home::command(home, &[])
            .arg(archive)
            .env("TERM", "xterm-256color")
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            // Printing to a closed terminal must not crash it either.
            .stderr(slave)
            .spawn()
            .unwrap();
        BarePty {
            master: Some(std::fs::File::from(master)),
            child,
            output: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// Reads what is there for `wait` (keeps the program from blocking on
    /// a full terminal).
    fn pump(&mut self, wait: Duration) {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let Some(master) = self.master.as_mut() else {
            return;
        };
        let until = Instant::now() + wait;
        while Instant::now() < until {
            let mut fds = [PollFd::new(&*master, PollFlags::IN)];
            let timeout = Timespec {
                tv_sec: 0,
                tv_nsec: 20_000_000,
            };
            if poll(&mut fds, Some(&timeout)).unwrap_or(0) > 0 {
                let mut buf = [0u8; 8192];
                match master.read(&mut buf) {
                    Ok(n) if n > 0 => self.output.lock().unwrap().extend_from_slice(&buf[..n]),
                    _ => return,
                }
            }
        }
    }

    /// The screen the output so far makes.
    fn screen(&self) -> String {
        let mut screen =
            vt100::Parser::new(24u16.try_into().unwrap(), 80u16.try_into().unwrap(), 0);
        screen.process(&self.output.lock().unwrap());
        screen.screen().contents()
    }

    /// Reads the output until the screen satisfies `done`; fails the test
    /// after the patience.
    fn pump_until(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "waited for {what}; the screen shows:\n{screen}"
            );
            self.pump(Duration::from_millis(50));
        }
    }
}

#[test]
fn closing_the_terminal_right_after_starring_keeps_the_stars() {
    let dir = tempfile::tempdir().unwrap();
    let root = archive(dir.path());
    let mut pty = BarePty::start(dir.path(), &root);
    pty.pump_until("the list", |screen| {
        screen.contains("5 unread") && screen.contains("第5篇新聞")
    });
    pty.master.as_mut().unwrap().write_all(b"sjsjs").unwrap();
    // Close as soon as the reader has taken the keys (keys it never read
    // are the terminal's to lose), before it could save on its own.
    pty.pump_until("three stars", |screen| screen.matches('★').count() == 3);
    pty.master = None;
    let start = Instant::now();
    let status = loop {
        if let Some(status) = pty.child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(15) {
            let _ = pty.child.kill();
            panic!("inkstone kept running after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(!status.success(), "ended by the terminal loss: {status:?}");
    let text = std::fs::read_to_string(dir.path().join("state/inkstone/marks.json"))
        .unwrap_or_else(|e| panic!("marks not saved ({e}); {status:?}"));
    let marks: serde_json::Value = serde_json::from_str(&text).expect("valid marks");
    assert_eq!(marks["starred"].as_array().map_or(0, Vec::len), 3);
}

#[test]
fn hang_up_saves_the_marks() {
    let (dir, mut term) = started();
    term.send(b"sjs");
    // Both stars taken before the hang-up (keys not yet read are lost
    // with the terminal).
    assert!(
        term.poll(TIMEOUT, Duration::from_millis(20), |screen| {
            screen.matches('★').count() == 2
        }),
        "two stars never showed:\n{}",
        term.screen()
    );
    term.signal("HUP");
    assert_eq!(term.wait_for_exit(Duration::from_secs(15)).exit_code(), 129);
    assert_eq!(starred(dir.path()), 2);
}

#[test]
fn marks_that_cannot_be_saved_make_the_exit_status_fail() {
    let dir = tempfile::tempdir().unwrap();
    let root = archive(dir.path());
    // The lock beside the marks file is a folder: every save fails (a way
    // to fail that works even for root).
    std::fs::create_dir_all(dir.path().join("state/inkstone/marks.json.lock")).unwrap();
    let mut term = start(dir.path(), &root);
    term.wait_for(&["第5篇新聞"]);
    term.send(b"s");
    std::thread::sleep(Duration::from_millis(200));
    term.send(b"q");
    assert_eq!(term.wait_for_exit(Duration::from_secs(15)).exit_code(), 1);
}

#[test]
fn a_dumb_terminal_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let root = archive(dir.path());
    let mut term = start_as(dir.path(), &root, "dumb");
    assert_eq!(term.wait_for_exit(Duration::from_secs(15)).exit_code(), 2);
    term.wait_for(&["TERM=dumb cannot show the full-screen reader"]);
}

#[test]
fn ctrl_l_repaints_without_asking_the_terminal_anything() {
    let (_dir, mut term) = started();
    term.send(b"\x0c");
    std::thread::sleep(Duration::from_millis(300));
    term.send(b"j\x0cq");
    assert_eq!(term.wait_for_exit(Duration::from_secs(10)).exit_code(), 0);
}

#[test]
fn ctrl_c_while_the_reader_is_busy_quits_within_a_second_and_keeps_the_marks() {
    let dir = tempfile::tempdir().unwrap();
    let root = archive(dir.path());
    // A long article (under the 4 MiB body cap): laying it out again for a
    // new width takes the reader's thread a good while, a real stall.
    let paragraph = "香港新聞測試段落，這是一個很長的句子，用來填滿版面。".repeat(8);
    let mut body = String::new();
    while body.len() < 3_500_000 {
        body.push_str(&paragraph);
        body.push_str("\n\n");
    }
    std::fs::write(
        root.join("0-long.md"),
        format!(
            "---\ntitle: 很長的文章\ndate: 2025-01-01\nurl: https://example.org/long\n---\n\n{body}"
        ),
    )
    .unwrap();
    let mut term = start(dir.path(), &root);
    term.wait_for(&["很長的文章"]);
    // Star two articles in the list, open the long one, star it too.
    term.send(b"jsjsg\r");
    term.wait_for(&["香港新聞測試段落"]);
    term.send(b"s");
    term.wait_for(&["Starred"]);
    // New widths: each means a new layout of the whole article, on the
    // reader's own thread, one after the other. They keep coming, faster
    // than any machine lays out 3.5 MB, before and after the Ctrl-c, so
    // the reader is busy however quick it is.
    let widths = [60u16, 100, 50, 90, 70, 110, 40, 80];
    let started = Instant::now();
    let mut pressed = None;
    let mut n = 0;
    let status = loop {
        term.resize(widths[n % widths.len()], 24);
        n += 1;
        std::thread::sleep(Duration::from_millis(5));
        if pressed.is_none() && started.elapsed() >= Duration::from_millis(150) {
            term.send(b"\x03");
            pressed = Some(Instant::now());
        }
        if let Some(status) = term.exit_within(Duration::ZERO) {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "Ctrl-c never ended the reader:\n{}",
            term.screen()
        );
    };
    let took = pressed.expect("Ctrl-c sent").elapsed();
    let code = status.exit_code();
    let screen = term.screen();
    // In what it wrote: resizes after the message may cut it on the screen.
    assert!(
        term.tail().contains("did not respond in time"),
        "the reader was not busy, so this proves nothing:\n{screen}"
    );
    assert_eq!(code, 130, "{screen}");
    // The issue's second; a loaded debug build gets a little slack.
    assert!(took < Duration::from_millis(1500), "took {took:?}");
    assert_eq!(
        starred(dir.path()),
        3,
        "{:?}",
        common::home::marks(dir.path())
    );
}
