//! Chaos: the reader in a pseudo-terminal for a fixed time, fed random
//! keys, pastes (some never ended), mouse-wheel bursts and resizes from 1x1
//! to 300x100, while its archive's files are added, changed, replaced and
//! deleted; each run ends with `q`, SIGHUP or SIGTERM at a random moment.
//! After every run: no panic, no screen row overflowing the terminal, `q`
//! answered in time, and the marks file valid and holding the star made at
//! the start.
//!
//! `INKSTONE_CHAOS_SECS` sets the total time (default 60, as CI runs it);
//! `INKSTONE_CHAOS_SEED` replays a run (the seed is printed). An hour:
//! `INKSTONE_CHAOS_SECS=3600 cargo test --release --test chaos -- --nocapture`.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod common;
use common::home::starred;
use common::pty::{Pty, isolated};

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

/// A folder holding only a link to `true`, for the PATH.
fn only_true(home: &Path) -> std::path::PathBuf {
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

fn start(home: &Path, archive: &Path, size: (u16, u16)) -> Pty {
    let mut cmd = isolated(env!("CARGO_BIN_EXE_inkstone"), home);
    cmd.arg(archive);
    cmd.env("BROWSER", "true");
    // Random bytes can type `|`, a command and Enter: with no shell on the
    // PATH (only `true`, the browser) nothing they spell can run, and `P`
    // finds no pager either.
    cmd.env("PATH", only_true(home));
    cmd.env("RUST_BACKTRACE", "1");
    let mut run = Pty::spawn(cmd, size);
    run.queue_input();
    run.keep_only_tail(1 << 20);
    run
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

/// One run: start, star the newest article, chaos, end; checks it all.
fn one_run(rng: &mut Rng, run: usize, seconds: u64) {
    let dir = tempfile::tempdir().unwrap();
    let root = archive(dir.path());
    let mut r = start(dir.path(), &root, (100, 30));
    let start = Instant::now();
    while !r.screen().contains("最新的文章") {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "run {run}: never drew:\n{}",
            r.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // The star every run must keep: made well before the end.
    r.send(b"g");
    r.send(b"s");
    std::thread::sleep(Duration::from_millis(1100));
    let until = Instant::now() + Duration::from_millis(1000 * seconds);
    while Instant::now() < until {
        match rng.below(12) {
            0 => {
                let (cols, rows) = if rng.below(3) == 0 {
                    (1 + rng.below(4) as u16, 1 + rng.below(4) as u16)
                } else {
                    (1 + rng.below(300) as u16, 1 + rng.below(100) as u16)
                };
                r.resize(cols, rows);
            }
            1 => churn(rng, &root),
            _ => {
                // No mark keys: the star made above must survive as it is.
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
        std::thread::sleep(Duration::from_millis(rng.below(60)));
        if let Some(code) = r.exit_code_within(Duration::ZERO) {
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
    r.send(b"\x1b");
    std::thread::sleep(Duration::from_millis(600));
    let wrapped = r.wrapped_rows();
    assert!(
        wrapped.is_empty(),
        "run {run}: rows {wrapped:?} overflowed:\n{}",
        r.screen()
    );
    let ending = rng.below(4);
    let code = match ending {
        0 => {
            r.try_signal("HUP");
            r.exit_code_within(Duration::from_secs(15))
        }
        1 => {
            r.try_signal("TERM");
            r.exit_code_within(Duration::from_secs(15))
        }
        _ => {
            r.send(b"\x1b");
            std::thread::sleep(Duration::from_millis(100));
            r.send(b"q");
            let code = r.exit_code_within(QUIT_WITHIN);
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
        "run {run}: exit status {code}:\n{tail}"
    );
    let starred_ids = starred(dir.path());
    let newest = inkstone::article::stable_id("link", "https://chaos.example/newest");
    assert!(
        starred_ids.contains(&newest),
        "run {run}: the star was lost: {starred_ids:?}"
    );
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
