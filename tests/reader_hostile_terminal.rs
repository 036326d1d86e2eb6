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
    common::home::marks(home)["starred"]
        .as_array()
        .map_or(0, Vec::len)
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

    fn shows(&self, text: &str) -> bool {
        String::from_utf8_lossy(&self.output.lock().unwrap()).contains(text)
    }
}

#[test]
fn closing_the_terminal_right_after_starring_keeps_the_stars() {
    let dir = tempfile::tempdir().unwrap();
    let root = archive(dir.path());
    let mut pty = BarePty::start(dir.path(), &root);
    let start = Instant::now();
    while !pty.shows("5 unread") {
        assert!(
            start.elapsed() < TIMEOUT,
            "the reader never drew: {:?}",
            String::from_utf8_lossy(&pty.output.lock().unwrap())
        );
        pty.pump(Duration::from_millis(50));
    }
    pty.master.as_mut().unwrap().write_all(b"sjsjs").unwrap();
    pty.pump(Duration::from_millis(100));
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
    term.wait_for(&["★"]);
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
