//! The metadata cache: a warm load equals a cold one, and a touched,
//! deleted, renamed or added file is never shown outdated.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use inkstone::library::Library;

mod common;
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
fn symlinked_trees_fall_back_to_the_loader() {
    let fx = Fixture::new();
    std::os::unix::fs::symlink(fx.root.join("2019"), fx.root.join("link")).unwrap();
    same(&fx.warm(), &fx.cold());
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

#[test]
fn the_sample_archives_load_the_same_through_the_cache() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let cache = tempfile::tempdir().unwrap();
    for roots in [
        vec![data.clone()],
        vec![data.join("feeds"), data.join("archive")],
    ] {
        let cold = Library::load(&roots);
        assert!(!cold.articles.is_empty());
        same(
            &Library::load_cached_checked(&roots, Some(cache.path())),
            &cold,
        );
        same(
            &Library::load_cached_checked(&roots, Some(cache.path())),
            &cold,
        );
        same(&Library::load_cached(&roots, Some(cache.path())), &cold);
    }
}

/// The 3,000-article sample with every oddity of the real archive:
/// `target/corpus` when unpacked there, else unpacked from
/// `../shared/corpus`; `None` (test skipped) when neither exists.
fn sample_corpus(scratch: &Path) -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let unpacked = manifest.join("target/corpus/articles");
    if unpacked.is_dir() {
        return Some(unpacked);
    }
    let archive = manifest.join("../shared/corpus/hkcnews-sample.tar.zst");
    if !archive.is_file() {
        return None;
    }
    let status = std::process::Command::new("tar")
        .args(["-I", "zstd", "-xf"])
        .arg(&archive)
        .arg("-C")
        .arg(scratch)
        .status()
        .ok()?;
    status.success().then(|| scratch.join("articles"))
}

#[test]
fn the_real_sample_corpus_loads_the_same_through_the_cache() {
    let scratch = tempfile::tempdir().unwrap();
    let Some(corpus) = sample_corpus(scratch.path()) else {
        eprintln!("sample corpus not found; skipped");
        return;
    };
    let roots = vec![corpus];
    let cache = tempfile::tempdir().unwrap();
    let cold = Library::load(&roots);
    assert!(cold.articles.len() >= 2900);
    let mut first = Library::load_cached(&roots, Some(cache.path()));
    same(&first, &cold);
    first.save_cache().unwrap();
    same(&Library::load_cached(&roots, Some(cache.path())), &cold);
}

#[test]
fn the_same_folder_spelled_another_way_never_shows_articles_twice() {
    // Under the working folder, so it can be named relatively too.
    let scratch = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    fs::create_dir_all(&scratch).unwrap();
    let dir = tempfile::tempdir_in(&scratch).unwrap();
    let absolute = dir.path().join("archive");
    fs::create_dir_all(&absolute).unwrap();
    for n in 0..3 {
        fs::write(
            absolute.join(format!("{n}.md")),
            article(&n.to_string(), "2020-01-01"),
        )
        .unwrap();
    }
    let cwd = std::env::current_dir().unwrap();
    let relative = absolute
        .strip_prefix(&cwd)
        .expect("under the working folder");
    let cache = dir.path().join("cache");
    for roots in [&absolute, &relative.to_path_buf(), &absolute] {
        let mut library = Library::load_cached(std::slice::from_ref(roots), Some(&cache));
        assert_eq!(library.articles.len(), 3, "{}", roots.display());
        library.save_cache().unwrap();
    }
}
