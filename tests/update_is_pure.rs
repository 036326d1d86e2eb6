//! `App::update` does no IO, reads no clock and starts no thread: a check
//! over the source of `src/app` (what `update` is made of) and of what it
//! calls outside it to take in the workers' answers. The slow work it asks
//! for (a query, reading and merging changed files) is described in
//! `src/app` by two job types, run only by the effect runner in `src/tui`:
//! their files may name it, and nothing else in `src/app` may run them.

use std::fs;
use std::path::{Path, PathBuf};

/// What no code `update` reaches may name: file system, threads, rayon,
/// clocks, processes, sockets, and the slow entry points of loading,
/// searching and link finding.
const FORBIDDEN: &[&str] = &[
    "std::fs",
    "fs::",
    "File::",
    "std::thread",
    "thread::",
    "spawn(",
    "rayon",
    "par_iter",
    "Instant::now",
    "SystemTime",
    "std::process",
    "std::net",
    "search_in(",
    "matches_within(",
    ".matches(&",
    "ChangeScan::run",
    "scan_links(",
    "read_missing_links",
    "read_body",
    "open_or_build",
    "wait_metadata",
    "Library::load",
];

/// The jobs' own files, which describe the slow work for the runner.
const JOBS: &[&str] = &["src/app/search/job.rs", "src/app/reload/job.rs"];

/// Outside `src/app`, what `update` calls to take in answers.
const REACHED: &[&str] = &["src/library/changes/merge.rs", "src/library/links.rs"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            // Tests drive the app the way the runner does.
            if name != "tests" {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") && name != "tests.rs" {
            out.push(path);
        }
    }
}

/// The lines of `path` that are code (not comments), numbered, up to its
/// unit tests.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(path).unwrap();
    text.lines()
        .enumerate()
        .take_while(|(_, line)| *line != "mod tests {")
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(n, line)| (n + 1, line.to_owned()))
        .collect()
}

#[test]
fn nothing_update_reaches_does_io_reads_the_clock_or_starts_threads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/app"), &mut files);
    assert!(files.len() > 30, "src/app read: {}", files.len());
    let mut found = Vec::new();
    for path in &files {
        let relative = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let job = JOBS.contains(&relative.as_str());
        for (n, line) in code_lines(path) {
            for token in FORBIDDEN.iter().filter(|_| !job) {
                if line.contains(token) {
                    found.push(format!("{relative}:{n}: {token}: {}", line.trim()));
                }
            }
            // Only the runner runs the jobs.
            if !job && line.contains(".run()") {
                found.push(format!("{relative}:{n}: runs a job: {}", line.trim()));
            }
        }
    }
    // The library's merge half run by `update` (`take_merged`) and link
    // storing (`store_links`) sit beside the worker's halves, which read
    // files through `super::read_body` and use rayon: only those may.
    for relative in REACHED {
        for (n, line) in code_lines(&root.join(relative)) {
            for token in ["std::fs", "fs::", "thread", "Instant::now", "spawn("] {
                if line.contains(token) {
                    found.push(format!("{relative}:{n}: {token}: {}", line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The check itself finds what it looks for.
#[test]
fn the_check_sees_forbidden_code_but_not_comments() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.rs");
    fs::write(&file, "// std::fs in a comment\nlet t = Instant::now();\n").unwrap();
    let lines = code_lines(&file);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].1.contains("Instant::now"));
}
