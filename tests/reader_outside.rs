//! The built binary in a pseudo-terminal: narrowing by source and by month,
//! `--since`/`--until`, piping the article to `wc -c`, `$PAGER`, and the
//! link copied with OSC 52 (checked in the raw byte stream).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// Generous: CI machines are small and busy.
const TIMEOUT: Duration = Duration::from_secs(60);

struct Reader {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    /// Every byte the program wrote, and the screen they make.
    wire: Arc<Mutex<(Vec<u8>, vt100::Parser)>>,
}

impl Reader {
    fn start(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Reader {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_inkstone"));
        cmd.arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", home);
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_CACHE_HOME", home.join("cache"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("HOME", home);
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("PAGER");
        for (name, value) in env {
            cmd.env(name, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("inkstone starts");
        drop(pair.slave);
        let mut output = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let wire = Arc::new(Mutex::new((
            Vec::new(),
            vt100::Parser::new(30u16.try_into().unwrap(), 100u16.try_into().unwrap(), 0),
        )));
        let sink = Arc::clone(&wire);
        std::thread::spawn(move || {
            let _master = pair.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = output.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut wire = sink.lock().unwrap();
                wire.0.extend_from_slice(&buf[..n]);
                wire.1.process(&buf[..n]);
            }
        });
        Reader {
            child,
            writer,
            wire,
        }
    }

    fn screen(&self) -> String {
        self.wire.lock().unwrap().1.screen().contents()
    }

    fn bytes(&self) -> Vec<u8> {
        self.wire.lock().unwrap().0.clone()
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits until the screen shows every one of `texts`.
    fn wait_for(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "waited for {texts:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen no longer shows `text`.
    fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while self.screen().contains(text) {
            assert!(
                start.elapsed() < TIMEOUT,
                "{text} stays:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn quit(&mut self) {
        self.send("q");
        let start = Instant::now();
        while self.child.try_wait().unwrap().is_none() {
            assert!(start.elapsed() < TIMEOUT, "inkstone did not quit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

#[test]
fn narrowing_by_source_and_by_month() {
    let home = tempfile::tempdir().unwrap();
    let mut r = Reader::start(home.path(), &[], &[]);
    r.wait_for(&["reader  7 articles", "1 / 7"]);
    // The sources view starts on the selected article's source (Tech).
    r.send("F");
    r.wait_for(&["Sources  7 sources, by count", "Tech", "港聞", "1 unread"]);
    r.send("S");
    r.wait_for(&["Sources sorted by name"]);
    r.send("\r");
    r.wait_for(&["1 / 7 articles", "  src:Tech", "1 article listed from Tech"]);
    r.send("x");
    r.wait_for(&["Removed src:Tech: 7 articles listed"]);
    // The timeline starts on the selected article's month; Enter narrows.
    r.send("T");
    r.wait_for(&["Timeline  by month  7 articles", "2024-01", "49 / 49"]);
    r.send("k\r");
    r.wait_for(&["1 / 7 articles", "  2023-12"]);
    r.send("Tj\r");
    r.wait_for(&["1 / 7 articles", "  2024-01", "1 article from 2024-01"]);
    r.send("\x7f");
    r.wait_for(&["Filters cleared"]);
    r.quit();
}

#[test]
fn since_and_until_narrow_the_reader_and_bad_dates_are_refused() {
    let home = tempfile::tempdir().unwrap();
    let mut r = Reader::start(home.path(), &["--since", "2023", "--until", "2023-12"], &[]);
    r.wait_for(&["3 / 7 articles", "  2023-01-01..2023-12-31"]);
    r.quit();

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_inkstone"))
        .args(["list", "--since", "2023-02-30"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(
        error.contains("'2023-02-30' is not a day of the calendar"),
        "{error}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_inkstone"))
        .args(["list", "--since", "2024", "--until", "2023"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(
        error.contains("--since 2024-01-01 is after --until 2023-12-31"),
        "{error}"
    );
}

#[test]
fn list_and_tags_take_since_and_until() {
    let archive = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader");
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_inkstone"))
            .args(args)
            .arg(&archive)
            .env("XDG_CONFIG_HOME", home.path())
            .env("XDG_STATE_HOME", home.path().join("state"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let listed = run(&["list", "--since", "2023-11", "--until", "2023-12-31"]);
    assert_eq!(listed.lines().count(), 2, "{listed}");
    assert!(
        listed.contains("2023-12-31") && listed.contains("2023-11-20"),
        "{listed}"
    );
    let tags = run(&["tags", "--until", "2020-01-01"]);
    assert!(tags.contains("安全"), "{tags}");
    assert!(!tags.contains("香港"), "{tags}");
}

#[test]
fn piping_to_wc_and_paging_show_the_article_as_plain_text() {
    let home = tempfile::tempdir().unwrap();
    let paged = home.path().join("paged.txt");
    let pager_command = format!("cat > '{}'", paged.display());
    let mut r = Reader::start(home.path(), &[], &[("PAGER", &pager_command)]);
    r.wait_for(&["1 / 7"]);
    r.send("|");
    r.wait_for(&["Pipe to: "]);
    r.send("wc -c\r");
    let screen = r.wait_for(&["press Enter to return to the reader"]);
    let shown: usize = screen
        .lines()
        .find_map(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("no byte count on the screen:\n{screen}"));
    assert!(shown > 200, "{shown}");
    r.send("\r");
    let with_commas = format!("{},{:03}", shown / 1000, shown % 1000);
    assert!((1000..1_000_000).contains(&shown), "{shown}");
    r.wait_for(&[&format!("Piped {with_commas} bytes to `wc -c`"), "1 / 7"]);

    // The command is in the history for next time (and in the state folder).
    r.send("|");
    r.wait_for(&["Pipe to: "]);
    r.send("\x1b[A");
    r.wait_for(&["Pipe to: wc -c"]);
    r.send("\x1b");
    r.wait_gone("Pipe to:");
    let history = std::fs::read_to_string(home.path().join("state/inkstone/pipe-history")).unwrap();
    assert_eq!(history, "wc -c\n");

    // `P` pages the same text: the title, the body, no escape sequences.
    r.send("P");
    r.wait_for(&["the pager"]);
    let text = std::fs::read_to_string(&paged).unwrap();
    assert_eq!(text.len(), shown);
    assert!(text.contains("AI 翻譯 app"), "{text}");
    assert!(!text.contains('\x1b'), "{text}");
    r.quit();
}

#[test]
fn y_copies_the_link_with_osc52_and_nothing_else() {
    let home = tempfile::tempdir().unwrap();
    let mut r = Reader::start(home.path(), &[], &[]);
    r.wait_for(&["1 / 7"]);
    r.send("y");
    r.wait_for(&["Copied https://tech.example.hk/2024/01/10/cantonese-subtitles"]);
    let link = "https://tech.example.hk/2024/01/10/cantonese-subtitles";
    let expected = format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(link)
    );
    let bytes = r.bytes();
    let wire = String::from_utf8_lossy(&bytes);
    assert_eq!(wire.matches("\x1b]52;").count(), 1, "one OSC 52");
    assert!(wire.contains(&expected), "{wire:?}");
    r.quit();
}
