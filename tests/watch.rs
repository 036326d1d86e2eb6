//! Live updates: a file added, changed or removed in a watched library
//! arrives as a batch and `apply_changes` brings the library up to date.
//! Timeouts are generous for a loaded machine; the batching itself waits
//! at most half a second.

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use inkstone::library::Library;
use inkstone::watch::{LibraryEvent, LibraryWatcher};

mod common;
use common::archive::{article, titles};

const PATIENCE: Duration = Duration::from_secs(10);

/// Collects batches until `done` holds for the library, applying each.
fn wait_until(
    watcher: &LibraryWatcher,
    library: &mut Library,
    done: impl Fn(&Library) -> bool,
) -> Duration {
    let start = Instant::now();
    while !done(library) {
        assert!(
            start.elapsed() < PATIENCE,
            "no update within {PATIENCE:?}: {:?}",
            titles(library)
        );
        match watcher.recv_timeout(Duration::from_millis(100)) {
            Some(LibraryEvent::Changed(paths)) => {
                library.apply_changes(&paths);
            }
            Some(LibraryEvent::Rescan) => *library = Library::load(&library.roots.clone()),
            Some(LibraryEvent::Error(e)) => panic!("watch error: {e}"),
            None => {}
        }
    }
    start.elapsed()
}

fn has(library: &Library, title: &str) -> bool {
    library.articles.iter().any(|a| a.title == title)
}

fn setup() -> (tempfile::TempDir, PathBuf, Library, LibraryWatcher) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    fs::create_dir_all(root.join("2020")).unwrap();
    fs::write(root.join("2020/a.md"), article("a", "2020-01-01")).unwrap();
    let library = Library::load(std::slice::from_ref(&root));
    let watcher = LibraryWatcher::start(std::slice::from_ref(&root)).unwrap();
    (dir, root, library, watcher)
}

#[test]
fn added_changed_and_removed_files_arrive() {
    let (_dir, root, mut library, watcher) = setup();
    fs::write(root.join("2020/b.md"), article("b", "2020-02-02")).unwrap();
    let took = wait_until(&watcher, &mut library, |l| has(l, "b"));
    eprintln!("added file seen after {took:?}");
    assert_eq!(titles(&library), ["b", "a"]);

    fs::write(root.join("2020/a.md"), article("a2", "2020-03-03")).unwrap();
    wait_until(&watcher, &mut library, |l| has(l, "a2"));
    assert_eq!(titles(&library), ["a2", "b"]);

    fs::remove_file(root.join("2020/b.md")).unwrap();
    wait_until(&watcher, &mut library, |l| !has(l, "b"));
    assert_eq!(titles(&library), ["a2"]);
}

#[test]
fn folders_copied_in_and_moved_out_arrive() {
    let (dir, root, mut library, watcher) = setup();
    // Built outside, then moved in whole, as a sync tool or `mv` does.
    let outside = dir.path().join("incoming");
    fs::create_dir_all(outside.join("deep")).unwrap();
    fs::write(outside.join("x.md"), article("x", "2021-01-01")).unwrap();
    fs::write(outside.join("deep/y.md"), article("y", "2021-02-02")).unwrap();
    fs::rename(&outside, root.join("2021")).unwrap();
    wait_until(&watcher, &mut library, |l| has(l, "x") && has(l, "y"));

    // A new folder created in place, then filled.
    fs::create_dir_all(root.join("2022")).unwrap();
    fs::write(root.join("2022/z.md"), article("z", "2022-01-01")).unwrap();
    wait_until(&watcher, &mut library, |l| has(l, "z"));

    fs::rename(root.join("2021"), dir.path().join("gone")).unwrap();
    wait_until(&watcher, &mut library, |l| !has(l, "x") && !has(l, "y"));
    assert_eq!(titles(&library), ["z", "a"]);
}

#[test]
fn hidden_and_other_files_send_nothing() {
    let (_dir, root, _library, watcher) = setup();
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::write(root.join(".git/index"), "x").unwrap();
    fs::write(root.join("notes.txt"), "x").unwrap();
    let event = watcher.recv_timeout(Duration::from_secs(1));
    // The folder holding them may be reported (its time changed); the
    // files themselves never are.
    if let Some(LibraryEvent::Changed(paths)) = &event {
        assert!(
            paths
                .iter()
                .all(|p| !p.starts_with(root.join(".git")) && !p.ends_with("notes.txt")),
            "{paths:?}"
        );
    }
}

#[test]
fn missing_root_is_skipped_not_an_error() {
    let watcher = LibraryWatcher::start(&[PathBuf::from("/no/such/inkstone/root")]);
    assert!(watcher.is_ok());
}

#[test]
fn a_single_file_root_survives_being_replaced_by_rename() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("one.md");
    fs::write(&file, article("first", "2020-01-01")).unwrap();
    let mut library = Library::load(std::slice::from_ref(&file));
    let watcher = LibraryWatcher::start(std::slice::from_ref(&file)).unwrap();
    for title in ["second", "third"] {
        // As editors save: write a new file, rename it over the old one.
        let tmp = dir.path().join(".one.md.swp");
        fs::write(&tmp, article(title, "2020-01-01")).unwrap();
        fs::rename(&tmp, &file).unwrap();
        wait_until(&watcher, &mut library, |l| has(l, title));
    }
    assert_eq!(titles(&library), ["third"]);
}

#[test]
fn a_pull_of_hundreds_of_files_arrives_whole() {
    let (_dir, root, mut library, watcher) = setup();
    fs::create_dir_all(root.join("2023")).unwrap();
    for n in 0..300 {
        let title = format!("bulk{n:03}");
        fs::write(
            root.join("2023").join(format!("{title}.md")),
            article(&title, "2023-05-05"),
        )
        .unwrap();
    }
    let took = wait_until(&watcher, &mut library, |l| l.articles.len() == 301);
    eprintln!("300 files seen after {took:?}");
    let mut sorted = library.articles.to_vec();
    inkstone::library::sort_articles(&mut sorted);
    assert_eq!(sorted, *library.articles, "still in list order");
}
