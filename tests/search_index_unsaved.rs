//! A search index that cannot be saved (issue 10): the reader says so in
//! the status line and still searches the bodies, from a file of its own
//! rather than from memory.

mod common;

use std::time::Duration;

use common::archive::fixtures;
use common::pty::{Pty, isolated};

/// Generous: CI machines are small and busy.
const PATIENCE: Duration = Duration::from_secs(60);

#[test]
fn an_unwritable_cache_folder_is_reported_and_bodies_are_still_searched() {
    let home = tempfile::tempdir().unwrap();
    // A file where the cache folder should be: nothing can be saved there.
    std::fs::create_dir_all(home.path().join("cache")).unwrap();
    std::fs::write(home.path().join("cache/inkstone"), "not a folder").unwrap();
    let mut cmd = isolated(env!("CARGO_BIN_EXE_inkstone"), home.path());
    cmd.arg(fixtures("in-archive"));
    let mut r = Pty::spawn(cmd, (200, 30)).patience(PATIENCE);
    let screen = r.wait_for(&[
        "cannot save the search index in ",
        "it is rebuilt on every start",
    ]);
    assert!(screen.contains("cache/inkstone/"), "{screen}");
    // A word only in a body is found.
    r.send("/第七段\r");
    r.wait_gone("街市最後一個早上");
    let screen = r.wait_for(&["叮叮車一百二十年"]);
    assert!(!screen.contains("天星小輪的日常"), "{screen}");
    r.quit_with("q");
}
