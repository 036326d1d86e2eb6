//! A FIFO or a link to a device where the metadata cache should be: no
//! cache, and the library loads as without one, in bounded time.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use inkstone::library::Library;

use crate::{PATIENCE, mkfifo};

/// An archive of one article, its cache written, then the cache replaced.
fn archive_with_cache() -> (tempfile::TempDir, Vec<PathBuf>, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    fs::create_dir(&root).unwrap();
    fs::write(root.join("a.md"), "---\ntitle: 新聞\n---\n正文\n").unwrap();
    let cache_dir = dir.path().join("cache");
    let roots = vec![root];
    let library = Library::load_cached_checked(&roots, Some(&cache_dir));
    assert_eq!(library.articles.len(), 1);
    (dir, roots, cache_dir)
}

fn cache_file(cache_dir: &Path) -> PathBuf {
    fs::read_dir(cache_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.is_file() || p.is_symlink())
        .expect("a cache file")
}

/// Loads on a thread so a hang fails the test instead of stalling it.
fn load_in_time(roots: Vec<PathBuf>, cache_dir: PathBuf) -> Library {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(Library::load_cached(&roots, Some(&cache_dir)));
    });
    rx.recv_timeout(PATIENCE).expect("loading finished")
}

#[test]
fn a_cache_linked_to_dev_zero_is_no_cache() {
    let (_dir, roots, cache_dir) = archive_with_cache();
    let file = cache_file(&cache_dir);
    fs::remove_file(&file).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &file).unwrap();
    assert_eq!(load_in_time(roots, cache_dir).articles.len(), 1);
}

#[test]
fn a_fifo_in_place_of_the_cache_is_no_cache() {
    let (_dir, roots, cache_dir) = archive_with_cache();
    let file = cache_file(&cache_dir);
    fs::remove_file(&file).unwrap();
    mkfifo(&file);
    assert_eq!(load_in_time(roots, cache_dir).articles.len(), 1);
}
