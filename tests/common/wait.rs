//! Waiting on something a test can observe (a file, a process) instead of
//! sleeping for a fixed time: a loaded machine is slow, never wrong.

use std::time::{Duration, Instant};

/// Polls `check` every 20 ms until it gives a value, failing the test with
/// `what` (what was awaited) after `patience`.
pub fn until<T>(patience: Duration, what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(start.elapsed() < patience, "waited {patience:?} for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The text of the file at `path` once it exists and `done` holds for it.
pub fn for_file(path: &std::path::Path, patience: Duration, done: impl Fn(&str) -> bool) -> String {
    until(patience, &format!("{}", path.display()), || {
        std::fs::read_to_string(path).ok().filter(|text| done(text))
    })
}
