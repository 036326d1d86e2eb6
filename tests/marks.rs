//! Marks on disk: a writer killed with SIGKILL in the middle of marking
//! leaves a file that parses and holds every mark its last finished save
//! started with (on a quick disk, every mark made a second before),
//! two writers merge instead of erasing each other, and a corrupt file is
//! set aside with a message.
//!
//! The writers are this test binary run again as a child process (see
//! `child_writer`), so the real save path runs in a real separate process.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use std::{fs, thread};

use inkstone::marks::{FILE_NAME, Marks, SAVE_DELAY};

mod common;
mod marks {
    mod in_one_process;
}

/// Generous: CI machines are small and busy.
const PATIENCE: Duration = Duration::from_secs(60);

const CHILD_ENV: &str = "INKSTONE_TEST_MARKS_CHILD";

/// Not a test of its own: the body of the child process. Marks ids
/// `<prefix>-0`, `<prefix>-1`, ... as fast as a person holding a key
/// would, saving when due, and reports `set N`, `saving` when a save
/// starts (it holds every mark set so far) and `saved` when one finished,
/// on stdout.
/// With a count it saves and exits after that many; else runs until
/// killed.
#[test]
fn child_writer() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut parts = spec.splitn(3, '|');
    let (file, prefix, count) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let count: usize = count.parse().unwrap_or(usize::MAX);
    let (mut marks, message) = Marks::open(Path::new(file));
    assert!(message.is_none(), "{message:?}");
    for n in 0..count {
        marks.set_read(&format!("{prefix}-{n}"), true);
        if n % 7 == 0 {
            marks.toggle_star(&format!("{prefix}-{n}"));
        }
        println!("set {n}");
        let now = Instant::now();
        let due = marks.save_due_at().is_some_and(|at| now >= at);
        if marks.save_if_due(now).unwrap() {
            println!("saved");
        }
        // Starting a save clears the due time; a save still in flight
        // holds the next one back.
        if due && marks.save_due_at().is_none() {
            println!("saving");
        }
        thread::sleep(Duration::from_millis(2));
    }
    marks.save().unwrap();
    println!("saved all");
}

fn spawn_writer(file: &Path, prefix: &str, count: Option<usize>) -> Child {
    let count = count.map_or_else(|| "forever".to_owned(), |n| n.to_string());
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_writer", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, format!("{}|{prefix}|{count}", file.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

/// Lines the child printed, each with when it arrived.
fn collect_lines(child: &mut Child) -> Arc<Mutex<Vec<(Instant, String)>>> {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let stdout = child.stdout.take().unwrap();
    let sink = Arc::clone(&lines);
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            sink.lock().unwrap().push((Instant::now(), line));
        }
    });
    lines
}

fn number(line: &str, word: &str) -> Option<usize> {
    line.strip_prefix(word)?.strip_prefix(' ')?.parse().ok()
}

fn state_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("state").join(FILE_NAME);
    (dir, file)
}

/// The last mark a killed writer must have saved, from what it printed
/// (`lines`, stamped as they arrived) before `killed_at`: every mark set
/// before its last finished save started, and every mark set a second or
/// more before the kill when saves are quick. A save appends a few lines
/// to the journal, so they are, except for a writer's first (it reads the
/// whole file to learn what is on disk; the kill comes after two saves,
/// so marks waiting for it are in the second). When the machine is so
/// loaded that even a small save takes longer, the second becomes the
/// delay before a save plus two saves (one in flight holds the next back).
fn must_have(lines: &[(Instant, String)], killed_at: Instant) -> usize {
    let last_saved = lines
        .iter()
        .rposition(|(_, l)| l == "saved")
        .expect("a save finished");
    let its_start = lines[..last_saved]
        .iter()
        .rposition(|(_, l)| l == "saving")
        .expect("the finished save started");
    let in_last_save = lines[..its_start]
        .iter()
        .filter_map(|(_, l)| number(l, "set"))
        .max()
        .expect("marks set before the save");
    // How long saves after the first took, start to finish.
    let mut longest = Duration::ZERO;
    let mut started = None;
    let mut first = true;
    for (at, line) in lines {
        match line.as_str() {
            "saving" => started = Some(*at),
            "saved" => {
                if let Some(start) = started.take()
                    && !std::mem::take(&mut first)
                {
                    longest = longest.max(at.duration_since(start));
                }
            }
            _ => {}
        }
    }
    let window = Duration::from_secs(1).max(SAVE_DELAY + longest * 2 + Duration::from_millis(500));
    let settled = lines
        .iter()
        .filter(|(at, _)| killed_at.duration_since(*at) >= window)
        .filter_map(|(_, l)| number(l, "set"))
        .max()
        .unwrap_or(0);
    in_last_save.max(settled)
}

#[test]
fn killed_writer_loses_at_most_the_last_second() {
    let (_dir, file) = state_file();
    // A big file makes each save take a while, so kills land mid-write.
    let (mut seed, _) = Marks::open(&file);
    // Ids as long as real archive links (about 200 bytes): a 4 MB file.
    let long = "https://archive.example/web/20210712015219/https://news.example/article/".repeat(2);
    let old: Vec<String> = (0..20_000).map(|n| format!("{long}{n}")).collect();
    seed.mark_all_read(old.iter().map(String::as_str));
    seed.save().unwrap();

    // After two saves, a little longer each round, so kills land at
    // different points of a save.
    for (round, extra) in [0u64, 170, 420].into_iter().enumerate() {
        let prefix = format!("r{round}");
        let mut child = spawn_writer(&file, &prefix, None);
        let lines = collect_lines(&mut child);
        common::wait::until(PATIENCE, "two saves by the writer", || {
            let saves = lines
                .lock()
                .unwrap()
                .iter()
                .filter(|(_, l)| l == "saved")
                .count();
            (saves >= 2).then_some(())
        });
        thread::sleep(Duration::from_millis(extra));
        let killed_at = Instant::now();
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();

        let (marks, message) = Marks::open(&file);
        assert!(
            message.is_none(),
            "round {round}: the file must parse: {message:?}"
        );
        assert!(
            old.iter().all(|id| marks.is_read(id)),
            "round {round}: older marks kept"
        );
        let lines = lines.lock().unwrap().clone();
        let must_have = must_have(&lines, killed_at);
        for n in 0..=must_have {
            assert!(
                marks.is_read(&format!("{prefix}-{n}")),
                "round {round}: lost {prefix}-{n} (must have 0..={must_have})"
            );
        }
        assert!(marks.is_starred(&format!("{prefix}-0")));
        for r in 0..round {
            assert!(
                marks.is_read(&format!("r{r}-0")),
                "round {round}: earlier rounds kept"
            );
        }
    }
    // The next save clears a killed writer's half-written temporary file.
    let (mut marks, _) = Marks::open(&file);
    marks.set_read("after", true);
    marks.save().unwrap();
    let leftovers: Vec<_> = fs::read_dir(file.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn two_processes_merge_their_marks() {
    let (_dir, file) = state_file();
    let (mut first, _) = Marks::open(&file);
    first.set_read("shared", true);
    first.save().unwrap();
    let mut writers: Vec<Child> = ["a", "b"]
        .iter()
        .map(|p| spawn_writer(&file, p, Some(400)))
        .collect();
    for w in &mut writers {
        assert!(w.wait().unwrap().success());
    }
    let (marks, message) = Marks::open(&file);
    assert!(message.is_none());
    for prefix in ["a", "b"] {
        let missing: BTreeSet<usize> = (0..400)
            .filter(|n| !marks.is_read(&format!("{prefix}-{n}")))
            .collect();
        assert!(missing.is_empty(), "{prefix} lost {missing:?}");
        assert!(marks.is_starred(&format!("{prefix}-7")));
    }
    assert!(marks.is_read("shared"));
}
