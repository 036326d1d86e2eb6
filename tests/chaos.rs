//! Chaos: the reader in a pseudo-terminal for a fixed time, fed random
//! keys, pastes (some never ended), mouse-wheel bursts and resizes from 1x1
//! to 300x100, while its archive's files are added, changed, replaced and
//! deleted, and articles starred and unstarred now and then; each run ends
//! with `q`, SIGHUP, SIGTERM or the terminal closed at a random moment.
//! After every run: no panic, no screen row overflowing the terminal, `q`
//! answered in time, and the marks file valid and holding every star and
//! unstar made at least a second before the end.
//!
//! The reader runs under `setsid --ctty` (util-linux) on a pty only the
//! test holds, so resizes reach it as SIGWINCH and closing the pty closes
//! its terminal for real.
//!
//! `INKSTONE_CHAOS_SECS` sets the total time (default 60, as CI runs it);
//! `INKSTONE_CHAOS_SEED` replays a run (the seed is printed). An hour:
//! `INKSTONE_CHAOS_SECS=3600 cargo test --release --test chaos -- --nocapture`.

#![cfg(unix)]

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod common;
use common::home::starred;
use common::pty::home_env;

/// How long `q` may take to end the reader. The issue asks for 1 s; the
/// debug binary on a loaded 2-core CI machine gets some slack.
const QUIT_WITHIN: Duration =
    Duration::from_millis(if cfg!(debug_assertions) { 3000 } else { 1000 });

/// xorshift64*: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

struct Run {
    child: std::process::Child,
    /// Writes go through a thread: a reader that stopped reading must fail
    /// the checks, not hang the test.
    writer: Option<Sender<Vec<u8>>>,
    /// The master side kept for resizing; every copy of it is dropped to
    /// close the terminal.
    control: Option<File>,
    closing: Arc<AtomicBool>,
    threads: Vec<std::thread::JoinHandle<()>>,
    wire: Arc<Mutex<(vt100::Parser, Vec<u8>)>>,
}

impl Run {
    /// The reader on a pty whose master only this test holds (so closing
    /// it really closes the terminal), as its session's controlling
    /// terminal (so resizes send SIGWINCH and closing sends SIGHUP), via
    /// `setsid --ctty`.
    fn start(home: &Path, archive: &Path, (cols, rows): (u16, u16)) -> Run {
        use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
        let master =
            openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        let master = File::from(master);
        set_size(&master, cols, rows);
        // Writes must not block when the reader stops reading.
        let flags = rustix::fs::fcntl_getfl(&master).unwrap();
        rustix::fs::fcntl_setfl(&master, flags | rustix::fs::OFlags::NONBLOCK).unwrap();
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(name.to_str().unwrap())
            .unwrap();
        // Random bytes can type `|`, a command and Enter: with only `true`
        // on the PATH nothing they spell can run, and `P` finds no pager.
        let setsid = ["/usr/bin/setsid", "/bin/setsid"]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .expect("setsid (util-linux)");
        let child = std::process::Command::new(setsid)
            .arg("--ctty")
            .arg(env!("CARGO_BIN_EXE_inkstone"))
            .arg(archive)
            .env("TERM", "xterm-256color")
            .envs(home_env(home))
            .env("BROWSER", "true")
            .env("PATH", only_true(home))
            .env("RUST_BACKTRACE", "1")
            .stdin(slave.try_clone().unwrap())
            .stdout(slave.try_clone().unwrap())
            .stderr(slave)
            .spawn()
            .expect("setsid and inkstone start");
        let closing = Arc::new(AtomicBool::new(false));
        let (writer, to_write) = std::sync::mpsc::channel::<Vec<u8>>();
        let mut pty_writer = master.try_clone().unwrap();
        let stop = Arc::clone(&closing);
        let writing = std::thread::spawn(move || {
            for bytes in to_write {
                let mut rest = &bytes[..];
                while !rest.is_empty() {
                    if stop.load(Ordering::SeqCst) {
                        return;
                    }
                    match pty_writer.write(rest) {
                        Ok(n) => rest = &rest[n..],
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                            std::thread::sleep(Duration::from_millis(5));
                        }
                        Err(_) => return,
                    }
                }
            }
        });
        let wire = Arc::new(Mutex::new((
            vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0),
            Vec::new(),
        )));
        let sink = Arc::clone(&wire);
        let mut output = master.try_clone().unwrap();
        let stop = Arc::clone(&closing);
        let reading = std::thread::spawn(move || {
            use rustix::event::{PollFd, PollFlags, Timespec, poll};
            let mut buf = [0u8; 16384];
            while !stop.load(Ordering::SeqCst) {
                let mut fds = [PollFd::new(&output, PollFlags::IN)];
                let timeout = Timespec {
                    tv_sec: 0,
                    tv_nsec: 20_000_000,
                };
                if poll(&mut fds, Some(&timeout)).unwrap_or(0) == 0 {
                    continue;
                }
                let n = match output.read(&mut buf) {
                    Ok(0) => return,
                    Ok(n) => n,
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
                    // EIO: the reader ended and the slave side is closed.
                    Err(_) => return,
                };
                let mut wire = sink.lock().unwrap();
                wire.0.process(&buf[..n]);
                // Only the tail matters (a panic message at the end).
                wire.1.extend_from_slice(&buf[..n]);
                let len = wire.1.len();
                if len > 1 << 20 {
                    wire.1.drain(..len - (1 << 16));
                }
            }
        });
        Run {
            child,
            writer: Some(writer),
            control: Some(master),
            closing,
            threads: vec![writing, reading],
            wire,
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        // The reader may have gone (a signal): later writes just fail.
        if let Some(writer) = &self.writer {
            let _ = writer.send(bytes.to_vec());
        }
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.wire
            .lock()
            .unwrap()
            .0
            .screen_mut()
            .set_size(rows.try_into().unwrap(), cols.try_into().unwrap());
        if let Some(master) = &self.control {
            set_size(master, cols, rows);
        }
    }

    /// Closes the terminal: every copy of the master side is dropped.
    fn close(&mut self) {
        self.closing.store(true, Ordering::SeqCst);
        self.writer = None;
        self.control = None;
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }

    fn screen(&self) -> String {
        self.wire.lock().unwrap().0.screen().contents()
    }

    /// The bottom row (the status line).
    fn status_line(&self) -> String {
        let wire = self.wire.lock().unwrap();
        let screen = wire.0.screen();
        let (rows, cols) = screen.size();
        screen
            .rows(0, cols.get())
            .nth(usize::from(rows.get() - 1))
            .unwrap_or_default()
    }

    fn tail(&self) -> String {
        String::from_utf8_lossy(&self.wire.lock().unwrap().1).into_owned()
    }

    fn wait_exit(&mut self, within: Duration) -> Option<u32> {
        use std::os::unix::process::ExitStatusExt;
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                let code = status
                    .code()
                    .or_else(|| status.signal().map(|s| 128 + s))
                    .unwrap_or(255);
                return Some(code.unsigned_abs());
            }
            if start.elapsed() >= within {
                return None;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn signal(&self, name: &str) {
        let _ = std::process::Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status();
    }

    /// Rows the program wrote past the right edge (the terminal wrapped).
    fn wrapped_rows(&self) -> Vec<u16> {
        let wire = self.wire.lock().unwrap();
        let screen = wire.0.screen();
        let (rows, _) = screen.size();
        (0..rows.get()).filter(|&r| screen.row_wrapped(r)).collect()
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        self.close();
    }
}

/// A folder holding only a link to `true`, for the PATH.
fn only_true(home: &Path) -> PathBuf {
    let bin = home.join("only-true");
    if !bin.exists() {
        std::fs::create_dir_all(&bin).unwrap();
        let real = ["/bin/true", "/usr/bin/true"]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .expect("true");
        std::os::unix::fs::symlink(real, bin.join("true")).unwrap();
    }
    bin
}

fn set_size(master: &File, cols: u16, rows: u16) {
    let _ = rustix::termios::tcsetwinsize(
        master,
        rustix::termios::Winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        },
    );
}

fn article(n: u64, day: u64, extra: &str) -> String {
    format!(
        "---\ntitle: 混沌測試第{n}篇\ndate: 2020-01-{:02}\nurl: https://chaos.example/{n}\ntags: [測試, t{}]\n---\n\n# 標題\n\n正文{extra}\n\n[連結](https://chaos.example/link/{n})\n",
        1 + day % 28,
        n % 5
    )
}

/// The archive: one fixed newest article (the one starred) and churn.
fn archive(dir: &Path) -> PathBuf {
    let root = dir.join("archive");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(
        root.join("newest.md"),
        "---\ntitle: 最新的文章\ndate: 2030-01-01\nurl: https://chaos.example/newest\n---\n\n正文\n",
    )
    .unwrap();
    for n in 0..30 {
        std::fs::write(root.join(format!("a{n}.md")), article(n, n, "")).unwrap();
    }
    root
}

fn churn(rng: &mut Rng, root: &Path) {
    let n = rng.below(40);
    let path = if rng.below(2) == 0 {
        root.join(format!("a{n}.md"))
    } else {
        root.join("sub").join(format!("b{n}.md"))
    };
    match rng.below(5) {
        0 => {
            let _ = std::fs::remove_file(&path);
        }
        1 => {
            // Replaced by rename, as editors and sync tools do.
            let tmp = root.join(format!(".tmp{n}"));
            let _ = std::fs::write(&tmp, article(n, rng.below(28), "替換"));
            let _ = std::fs::rename(&tmp, &path);
        }
        2 => {
            let body: Vec<u8> = (0..rng.below(3000)).map(|_| rng.below(256) as u8).collect();
            let _ = std::fs::write(&path, body);
        }
        _ => {
            let _ = std::fs::write(
                &path,
                article(n, rng.below(28), &"長".repeat(rng.below(500) as usize)),
            );
        }
    }
}

const KEYS: &[&[u8]] = &[
    b"j",
    b"k",
    b"J",
    b"K",
    b"\r",
    b"\x1b",
    b"/",
    b"t",
    b"c",
    b"v",
    b"S",
    b"?",
    b"l",
    b"g",
    b"G",
    b" ",
    b"n",
    b"N",
    b"\x1b[A",
    b"\x1b[B",
    b"\x1b[5~",
    b"\x1b[6~",
    b"\x7f",
    b"\x0c",
    b"x",
    b"1",
    "新".as_bytes(),
    b"\t",
];

fn random_input(rng: &mut Rng) -> Vec<u8> {
    match rng.below(10) {
        0 => {
            // A paste, now and then one that never ends.
            let mut paste = b"\x1b[200~".to_vec();
            for _ in 0..rng.below(4000) {
                paste.extend(
                    rng.pick(&["新聞", "abc", " ", "\n", "\x1b", "q"])
                        .as_bytes(),
                );
            }
            if rng.below(4) != 0 {
                paste.extend(b"\x1b[201~");
            }
            paste
        }
        1 => {
            let mut burst = Vec::new();
            for _ in 0..rng.below(300) {
                let button = if rng.below(2) == 0 { 64 } else { 65 };
                burst.extend(
                    format!(
                        "\x1b[<{button};{};{}M",
                        1 + rng.below(80),
                        1 + rng.below(30)
                    )
                    .as_bytes(),
                );
            }
            burst
        }
        2 => (0..rng.below(64)).map(|_| rng.below(256) as u8).collect(),
        _ => rng.pick(KEYS).to_vec(),
    }
}

/// The id of the article a title on screen belongs to (every version of
/// article `n` has the link `https://chaos.example/n`).
fn id_for_title(title: &str) -> String {
    let link = match title
        .strip_prefix("混沌測試第")
        .and_then(|t| t.strip_suffix('篇'))
    {
        Some(n) => format!("https://chaos.example/{n}"),
        None => "https://chaos.example/newest".to_owned(),
    };
    inkstone::article::stable_id("link", &link)
}

/// The article titles on screen, each once.
fn titles_on(screen: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for line in screen.lines() {
        let mut rest = line;
        while let Some(at) = rest.find("混沌測試第") {
            let tail = &rest[at..];
            let Some(end) = tail.find('篇') else { break };
            let title = &tail[..end + '篇'.len_utf8()];
            if !found.iter().any(|t| t == title) {
                found.push(title.to_owned());
            }
            rest = &tail[end..];
        }
        if line.contains("最新的文章") && !found.iter().any(|t| t == "最新的文章") {
            found.push("最新的文章".to_owned());
        }
    }
    found
}

/// Esc, then F12 (bound to nothing). A lone Esc byte waits to see whether
/// a sequence follows, so a key sent soon after it is read as Alt+key when
/// the reader's input thread runs late (a loaded machine); a complete
/// sequence after it makes it the Esc key whatever the timing.
fn escape(r: &mut Run) {
    r.send(b"\x1b\x1b[24~");
}

/// Back to the list, where `q` quits: Esc until the status line shows the
/// list's hints (they name `quit`; a status message hides them for a
/// while). Gives up after a few tries; the `q` check then shows the screen.
fn back_to_the_list(r: &mut Run) {
    for _ in 0..6 {
        escape(r);
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(3) {
            if r.status_line().contains("quit") {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Brings the reader back to a known state, opens the selected article
/// and stars or unstars it with `s`; when the screen tells which article
/// that was and the status line what became of it, returns its id and
/// whether it is now starred (`None`: `s` was sent, the answer not seen).
fn mark_step(r: &mut Run) -> Option<(String, Option<bool>)> {
    r.resize(100, 30);
    r.send(b"\x1b[201~");
    for _ in 0..3 {
        std::thread::sleep(Duration::from_millis(80));
        escape(r);
    }
    std::thread::sleep(Duration::from_millis(120));
    r.send(b"\r");
    std::thread::sleep(Duration::from_millis(300));
    let titles = titles_on(&r.screen());
    let [title] = titles.as_slice() else {
        return None;
    };
    let id = id_for_title(title);
    r.send(b"s");
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        let status = r.status_line();
        if status.contains("Unstarred") {
            return Some((id, Some(false)));
        }
        if status.contains("Starred") {
            return Some((id, Some(true)));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Some((id, None))
}

/// What the marks file must say about each article starred or unstarred:
/// the state and when it was set; `None` when a step got no answer (that
/// article is not checked).
type Expected = HashMap<String, Option<(bool, Instant)>>;

/// Checks the marks file against every mark made at least a second before
/// `end`.
fn check_marks(home: &Path, expected: &Expected, end: Instant, run: usize) {
    let starred_ids = starred(home);
    let mut checked = 0;
    for (id, state) in expected {
        let Some((star, at)) = state else { continue };
        if end.saturating_duration_since(*at) < Duration::from_secs(1) {
            continue;
        }
        checked += 1;
        assert_eq!(
            starred_ids.contains(id),
            *star,
            "run {run}: article {id} should be {}starred: {starred_ids:?}",
            if *star { "" } else { "un" }
        );
    }
    println!("run {run}: {checked} marks checked");
}

/// One random thing: a resize, a file changed, a star or unstar, or
/// input (keys, a paste, a wheel burst, noise).
fn random_event(rng: &mut Rng, r: &mut Run, root: &Path, expected: &mut Expected) {
    match rng.below(16) {
        0 => {
            let (cols, rows) = if rng.below(3) == 0 {
                (1 + rng.below(4) as u16, 1 + rng.below(4) as u16)
            } else {
                (1 + rng.below(300) as u16, 1 + rng.below(100) as u16)
            };
            r.resize(cols, rows);
        }
        1 => churn(rng, root),
        2 => {
            if let Some((id, state)) = mark_step(r) {
                expected.insert(id, state.map(|star| (star, Instant::now())));
            }
        }
        _ => {
            // Marks are made by `mark_step` only, so each is known.
            let input = random_input(rng);
            let input: Vec<u8> = input
                .into_iter()
                .map(|b| {
                    if matches!(
                        b,
                        b's' | b'r' | b'u' | b'q' | b'm' | b'R' | b'o' | 0x1a | 0x03
                    ) {
                        b'x'
                    } else {
                        b
                    }
                })
                .collect();
            r.send(&input);
        }
    }
}

/// One run: start, star the newest article, chaos with stars and unstars
/// made now and then, end; checks it all.
fn one_run(rng: &mut Rng, run: usize, seconds: u64) {
    let dir = tempfile::tempdir().unwrap();
    let root = archive(dir.path());
    let mut r = Run::start(dir.path(), &root, (100, 30));
    let start = Instant::now();
    while !r.screen().contains("最新的文章") {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "run {run}: never drew:\n{}",
            r.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut expected = Expected::new();
    // The first star: the newest article, at the top.
    r.send(b"g");
    r.send(b"s");
    expected.insert(id_for_title("最新的文章"), Some((true, Instant::now())));
    std::thread::sleep(Duration::from_millis(300));
    let until = Instant::now() + Duration::from_millis(1000 * seconds);
    while Instant::now() < until {
        random_event(rng, &mut r, &root, &mut expected);
        std::thread::sleep(Duration::from_millis(rng.below(60)));
        if let Some(code) = r.wait_exit(Duration::ZERO) {
            panic!(
                "run {run}: the reader ended by itself ({code}):\n{}",
                r.tail()
            );
        }
    }
    // Settle at a sane size and check the screen.
    r.resize(100, 30);
    r.send(b"\x1b[201~");
    std::thread::sleep(Duration::from_millis(150));
    escape(&mut r);
    std::thread::sleep(Duration::from_millis(600));
    let wrapped = r.wrapped_rows();
    assert!(
        wrapped.is_empty(),
        "run {run}: rows {wrapped:?} overflowed:\n{}",
        r.screen()
    );
    // Now and then a last mark just before the end: it may be lost, but
    // must not spoil the file.
    if rng.below(3) == 0 {
        if let Some((id, state)) = mark_step(&mut r) {
            expected.insert(id, state.map(|star| (star, Instant::now())));
        }
    }
    let ending = rng.below(5);
    let end = Instant::now();
    let code = match ending {
        0 => {
            r.signal("HUP");
            r.wait_exit(Duration::from_secs(15))
        }
        1 => {
            r.signal("TERM");
            r.wait_exit(Duration::from_secs(15))
        }
        2 => {
            r.close();
            r.wait_exit(Duration::from_secs(15))
        }
        _ => {
            back_to_the_list(&mut r);
            r.send(b"q");
            let code = r.wait_exit(QUIT_WITHIN);
            assert!(
                code.is_some(),
                "run {run}: q not answered in {QUIT_WITHIN:?}:\n{}",
                r.screen()
            );
            code
        }
    };
    let tail = r.tail();
    assert!(!tail.contains("panicked"), "run {run}: panic:\n{tail}");
    let code = code.unwrap_or_else(|| panic!("run {run}: did not exit (ending {ending})"));
    assert!(
        [0, 129, 143].contains(&code),
        "run {run}: exit status {code} (ending {ending}):\n{tail}"
    );
    check_marks(dir.path(), &expected, end, run);
}

#[test]
fn the_reader_survives_chaos() {
    let total: u64 = std::env::var("INKSTONE_CHAOS_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let seed: u64 = std::env::var("INKSTONE_CHAOS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    println!("chaos: INKSTONE_CHAOS_SEED={seed} INKSTONE_CHAOS_SECS={total}");
    eprintln!("chaos: INKSTONE_CHAOS_SEED={seed} INKSTONE_CHAOS_SECS={total}");
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(total);
    let mut run = 0;
    while Instant::now() < deadline {
        let seconds = 2 + rng.below(5);
        one_run(&mut rng, run, seconds);
        run += 1;
    }
    println!("chaos: {run} runs passed");
}
