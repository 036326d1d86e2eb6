//! The metadata cache for trees that are not plain: a linked folder, a
//! looping or broken link, an unreadable file, a FIFO named like an
//! article. Each is cached (a warm start reads the cache and has nothing
//! to write), a warm load equals a cold one, and the problems are reported
//! on every start, by the command line as by the library.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, SystemTime};

use inkstone::library::Library;

mod common;
use common::archive::{age, article, write};
use common::home::{Home, stdout};

/// An archive of two folders, and a feed outside it that a link may bring
/// in.
struct Tree {
    _dir: tempfile::TempDir,
    root: PathBuf,
    outside: PathBuf,
    /// The cache of the library loaded in this process.
    cache: PathBuf,
    home: Home,
}

impl Tree {
    fn new() -> Tree {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("archive");
        let outside = dir.path().join("elsewhere/feed");
        for (sub, day) in [("2020", 1), ("2020", 2), ("2021", 3), ("2021", 4)] {
            let title = format!("{sub}-{day}");
            write(
                &root.join(sub).join(format!("{day}.md")),
                &article(&title, &format!("{sub}-01-0{day}")),
            );
        }
        write(&outside.join("f.md"), &article("feed", "2022-05-05"));
        let cache = dir.path().join("cache");
        Tree {
            _dir: dir,
            root,
            outside,
            cache,
            home: Home::new(),
        }
    }

    fn roots(&self) -> Vec<PathBuf> {
        vec![self.root.clone()]
    }

    /// Everything a minute old, so the cache trusts it.
    fn age(&self) {
        age(self.root.parent().unwrap(), Duration::from_secs(60));
    }

    fn list(&self, json: bool) -> Output {
        let root = self.root.to_str().unwrap();
        let args: &[&str] = if json {
            &["list", "--json", root]
        } else {
            &["list", root]
        };
        self.home.run(args)
    }

    fn cache_files(dir: &Path) -> usize {
        fs::read_dir(dir).map_or(0, |entries| {
            entries
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().ends_with(".bin"))
                .count()
        })
    }

    /// Loads the tree cold and warm, through the library and through the
    /// command line, and checks that the warm starts read the cache, that
    /// they give what the cold ones gave, and that `problem` (a path) is
    /// reported every time. Returns the warm library.
    fn warm_equals_cold(&self, problem: Option<&Path>) -> Library {
        let cold = Library::load(&self.roots());
        let first = Library::load_cached_checked(&self.roots(), Some(&self.cache));
        assert_eq!(Tree::cache_files(&self.cache), 1, "the tree is cached");
        let warm = Library::load_cached(&self.roots(), Some(&self.cache));
        assert!(warm.cache_current(), "a warm start has nothing to write");
        let checked = Library::load_cached_checked(&self.roots(), Some(&self.cache));
        for library in [&first, &warm, &checked] {
            assert_eq!(library.articles, cold.articles);
            assert_eq!(library.problems, cold.problems);
        }
        if let Some(path) = problem {
            assert!(
                cold.problems.iter().any(|p| p.path == path),
                "{} reported: {:?}",
                path.display(),
                cold.problems
            );
        }
        let cli_cold = (self.list(false), self.list(true));
        let cli_cache = self.home.path("cache/inkstone");
        assert_eq!(Tree::cache_files(&cli_cache), 1, "the command line caches");
        let cli_warm = (self.list(false), self.list(true));
        for (cold, warm) in [(&cli_cold.0, &cli_warm.0), (&cli_cold.1, &cli_warm.1)] {
            assert_eq!(stdout(warm), stdout(cold));
            assert_eq!(warm.stderr, cold.stderr);
            assert_eq!(warm.status.code(), cold.status.code());
        }
        checked
    }
}

#[test]
fn a_linked_folder_is_cached_and_changes_behind_it_are_seen() {
    let tree = Tree::new();
    symlink(&tree.outside, tree.root.join("2021/feed")).unwrap();
    tree.age();
    let warm = tree.warm_equals_cold(None);
    assert!(warm.articles.iter().any(|a| a.title.as_str() == "feed"));
    // Edited in place behind the link (its folder's time unchanged).
    let file = tree.outside.join("f.md");
    fs::write(&file, article("feed edited", "2022-05-05")).unwrap();
    fs::File::open(&file)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(30))
        .unwrap();
    assert!(stdout(&tree.list(false)).contains("feed edited"));
    // A file added behind the link.
    write(&tree.outside.join("g.md"), &article("added", "2022-06-06"));
    assert!(stdout(&tree.list(false)).contains("added"));
    tree.age();
    tree.warm_equals_cold(None);
}

#[test]
fn a_folder_linked_twice_keeps_one_copy_warm_as_cold() {
    let tree = Tree::new();
    symlink(tree.root.join("2020"), tree.root.join("again")).unwrap();
    symlink(tree.root.join("2021/3.md"), tree.root.join("alias.md")).unwrap();
    tree.age();
    let warm = tree.warm_equals_cold(None);
    assert_eq!(warm.articles.len(), 4, "each file once");
    // The link removed: the copies it hid are the articles now.
    fs::remove_file(tree.root.join("alias.md")).unwrap();
    tree.age();
    tree.warm_equals_cold(None);
}

#[test]
fn two_links_to_one_folder_outside_keep_one_copy_warm_as_cold() {
    let tree = Tree::new();
    symlink(&tree.outside, tree.root.join("2020/feed")).unwrap();
    symlink(&tree.outside, tree.root.join("2021/feed")).unwrap();
    tree.age();
    let warm = tree.warm_equals_cold(None);
    let feeds: Vec<_> = warm
        .articles
        .iter()
        .filter(|a| a.title.as_str() == "feed")
        .collect();
    assert_eq!(feeds.len(), 1, "one copy");
    assert_eq!(&*feeds[0].path, tree.root.join("2020/feed/f.md"));
}

#[test]
fn a_link_that_changes_target_is_followed_to_the_new_one() {
    let tree = Tree::new();
    let link = tree.root.join("2021/feed");
    symlink(&tree.outside, &link).unwrap();
    let other = tree.outside.with_file_name("feed2");
    write(&other.join("o.md"), &article("other feed", "2023-01-01"));
    tree.age();
    tree.warm_equals_cold(None);
    // The new target has the very same time as the old one (both were
    // aged at once): only its identity tells them apart.
    assert_eq!(
        fs::metadata(&other).unwrap().modified().unwrap(),
        fs::metadata(&tree.outside).unwrap().modified().unwrap()
    );
    fs::remove_file(&link).unwrap();
    symlink(&other, &link).unwrap();
    let warm = tree.warm_equals_cold(None);
    assert!(
        warm.articles
            .iter()
            .any(|a| a.title.as_str() == "other feed")
    );
    assert!(warm.articles.iter().all(|a| a.title.as_str() != "feed"));
}

#[test]
fn a_looping_link_is_reported_on_every_start() {
    let tree = Tree::new();
    let up = tree.root.join("2020/up");
    symlink(&tree.root, &up).unwrap();
    tree.age();
    tree.warm_equals_cold(Some(&up));
}

#[test]
fn a_broken_link_is_reported_on_every_start() {
    let tree = Tree::new();
    // Aged first: a broken link has no time to set.
    tree.age();
    let broken = tree.root.join("2021/gone.md");
    symlink(tree.root.join("nowhere.md"), &broken).unwrap();
    tree.warm_equals_cold(Some(&broken));
    let out = tree.list(false);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("1 files could not be read"),
        "{out:?}"
    );
}

#[test]
fn a_fifo_named_like_an_article_is_reported_on_every_start() {
    let tree = Tree::new();
    // Aged first: opening a FIFO to set its time would wait for a writer.
    tree.age();
    let fifo = tree.root.join("2020/pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mkfifo failed");
        return;
    }
    tree.warm_equals_cold(Some(&fifo));
}

#[test]
fn an_unreadable_file_is_tried_again_on_every_start() {
    let tree = Tree::new();
    let locked = tree.root.join("2021/3.md");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        // Running as root: the file reads all the same.
        eprintln!("skipped: permissions do not stop this user");
        return;
    }
    tree.age();
    tree.warm_equals_cold(Some(&locked));
    // Readable again (its size and time unchanged): read at the next start.
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
    let warm = tree.warm_equals_cold(None);
    assert!(warm.problems.is_empty(), "{:?}", warm.problems);
    assert_eq!(warm.articles.len(), 4);
}
