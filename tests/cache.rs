//! The metadata cache: a warm load equals a cold one, and a touched,
//! deleted, renamed or added file is never shown outdated.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use inkstone::library::Library;

mod common;
mod cache {
    mod whole_archives;
}
use common::archive::{age, article};

/// An archive whose files and folders look a minute old, so the cache
/// trusts them (entries from the last seconds are always checked again).
struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    cache: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("archive");
        let cache = dir.path().join("cache");
        for (i, sub) in ["2019", "2020", "2021"].iter().enumerate() {
            fs::create_dir_all(root.join(sub)).unwrap();
            for n in 0..5 {
                let date = format!("{sub}-0{}-1{n}", i + 1);
                fs::write(
                    root.join(sub).join(format!("{n}.md")),
                    article(&format!("{sub}-{n}"), &date),
                )
                .unwrap();
            }
        }
        let fx = Fixture {
            _dir: dir,
            root,
            cache,
        };
        fx.age_everything();
        fx
    }

    fn age_everything(&self) {
        age(&self.root, Duration::from_secs(60));
    }

    fn roots(&self) -> Vec<PathBuf> {
        vec![self.root.clone()]
    }

    fn warm(&self) -> Library {
        Library::load_cached_checked(&self.roots(), Some(&self.cache))
    }

    fn cold(&self) -> Library {
        Library::load(&self.roots())
    }
}

fn same(a: &Library, b: &Library) {
    assert_eq!(a.articles, b.articles);
    assert_eq!(a.problems, b.problems);
    assert_eq!(a.name, b.name);
}

fn set_mtime(path: &Path, ago: Duration) {
    fs::File::open(path)
        .unwrap()
        .set_modified(SystemTime::now() - ago)
        .unwrap();
}

#[test]
fn warm_load_equals_cold_load() {
    let fx = Fixture::new();
    let first = fx.warm();
    assert!(
        fs::read_dir(&fx.cache).unwrap().count() == 1,
        "the cache was written"
    );
    same(&first, &fx.cold());
    let second = Library::load_cached(&fx.roots(), Some(&fx.cache));
    same(&second, &fx.cold());
    assert!(
        !second.recheck().is_empty(),
        "files from the cache are rechecked"
    );
    assert!(second.recheck().run().is_empty(), "and nothing changed");
}

#[test]
fn touched_file_is_parsed_again() {
    let fx = Fixture::new();
    fx.warm();
    let file = fx.root.join("2020/3.md");
    // Same size, new content, new time: only the time tells.
    fs::write(&file, article("2020-X", "2020-02-13")).unwrap();
    set_mtime(&file, Duration::from_secs(30));
    // Without the recheck the folder's time is unchanged, so the quick
    // load cannot know; the recheck must report it.
    let quick = Library::load_cached(&fx.roots(), Some(&fx.cache));
    assert_eq!(quick.recheck().run(), std::slice::from_ref(&file));
    let warm = fx.warm();
    assert!(warm.articles.iter().any(|a| a.title == "2020-X"));
    same(&warm, &fx.cold());
}

#[test]
fn deleted_renamed_and_added_files_show_at_once() {
    let fx = Fixture::new();
    fx.warm();
    fs::remove_file(fx.root.join("2019/0.md")).unwrap();
    fs::rename(fx.root.join("2020/1.md"), fx.root.join("2021/moved.md")).unwrap();
    fs::write(fx.root.join("2021/new.md"), article("fresh", "2022-01-01")).unwrap();
    fs::create_dir_all(fx.root.join("2022/deep")).unwrap();
    fs::write(
        fx.root.join("2022/deep/x.md"),
        article("deep", "2022-02-02"),
    )
    .unwrap();
    // No recheck: folder times alone must catch all of this.
    let quick = Library::load_cached(&fx.roots(), Some(&fx.cache));
    same(&quick, &fx.cold());
    assert!(!quick.articles.iter().any(|a| a.path.ends_with("2019/0.md")));
    assert!(
        quick
            .articles
            .iter()
            .any(|a| a.path.ends_with("2021/moved.md"))
    );
    assert_eq!(quick.articles[0].title, "deep");
}

#[test]
fn removed_folder_and_root_are_handled() {
    let fx = Fixture::new();
    fx.warm();
    fs::remove_dir_all(fx.root.join("2021")).unwrap();
    same(
        &Library::load_cached(&fx.roots(), Some(&fx.cache)),
        &fx.cold(),
    );
    fs::remove_dir_all(&fx.root).unwrap();
    let gone = Library::load_cached(&fx.roots(), Some(&fx.cache));
    assert!(gone.articles.is_empty());
    same(&gone, &fx.cold());
}

#[test]
fn damaged_or_foreign_cache_is_rebuilt_silently() {
    let fx = Fixture::new();
    fx.warm();
    let file = fs::read_dir(&fx.cache)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let good = fs::read(&file).unwrap();
    for bad in [
        good[..good.len() / 3].to_vec(),
        b"garbage".to_vec(),
        Vec::new(),
        {
            let mut flipped = good.clone();
            let at = flipped.len() / 2;
            flipped[at] ^= 1;
            flipped
        },
    ] {
        fs::write(&file, &bad).unwrap();
        same(&fx.warm(), &fx.cold());
        assert_ne!(fs::read(&file).unwrap(), bad, "rewritten");
    }
}

#[test]
fn file_roots_and_missing_roots_match_the_loader() {
    let fx = Fixture::new();
    let roots = vec![
        fx.root.join("2019/1.md"),
        fx.root.join("missing"),
        fx.root.join("2020"),
    ];
    let cold = Library::load(&roots);
    let first = Library::load_cached_checked(&roots, Some(&fx.cache));
    same(&first, &cold);
    same(
        &Library::load_cached_checked(&roots, Some(&fx.cache)),
        &cold,
    );
    assert!(!cold.problems.is_empty(), "the missing root is reported");
}

#[cfg(unix)]
#[test]
fn symlinked_trees_are_cached_and_load_as_the_loader_does() {
    let fx = Fixture::new();
    std::os::unix::fs::symlink(fx.root.join("2019"), fx.root.join("link")).unwrap();
    same(&fx.warm(), &fx.cold());
    assert_eq!(fs::read_dir(&fx.cache).unwrap().count(), 1, "cached");
    same(&fx.warm(), &fx.cold());
}

#[test]
fn live_changes_saved_at_exit_make_a_correct_cache() {
    let fx = Fixture::new();
    let mut library = fx.warm();
    fs::remove_dir_all(fx.root.join("2019")).unwrap();
    fs::write(fx.root.join("2020/new.md"), article("new", "2020-06-06")).unwrap();
    fs::write(fx.root.join("2021/2.md"), article("2021-2b", "2021-03-12")).unwrap();
    let summary = library.apply_changes(&[
        fx.root.join("2019"),
        fx.root.join("2020/new.md"),
        fx.root.join("2021/2.md"),
    ]);
    assert_eq!((summary.added, summary.updated, summary.removed), (1, 1, 5));
    same(&library, &fx.cold());
    library.save_cache().unwrap();
    // Quick load (no recheck) from the cache written at exit.
    same(
        &Library::load_cached(&fx.roots(), Some(&fx.cache)),
        &fx.cold(),
    );
    same(&fx.warm(), &fx.cold());
}
