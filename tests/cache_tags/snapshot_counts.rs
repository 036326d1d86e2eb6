//! The cache's own tag counts (`Snapshot::current_tag_counts`, which
//! `tags` answers from) against the library loaded from the same files:
//! equal while the cache is current, and no answer once it is not. Here
//! rather than beside the cache's code, because the cache sits below the
//! library that writes it and that these tests compare it with.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use inkstone::cache::Snapshot;
use inkstone::library::Library;

/// A library of three folders whose files carry tags, written and aged a
/// minute (the cache trusts nothing from its last seconds), with its cache
/// written by a script's load.
struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    cache: PathBuf,
}

fn article(title: &str, date: &str, tags: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\ntags: [{tags}]\n---\n\n正文。\n")
}

fn age(path: &Path) {
    let old = SystemTime::now() - Duration::from_secs(60);
    fs::File::open(path).unwrap().set_modified(old).unwrap();
}

/// Three folders of three tagged articles, a date each, and a broken file.
fn three_folders(root: &Path) {
    for (sub, date) in [
        ("a", "2019-06-12"),
        ("b", "2020-01-02"),
        ("c", "2021-03-04"),
    ] {
        fs::create_dir_all(root.join(sub)).unwrap();
        for n in 0..3 {
            let tags = if n == 0 { "香港, 選舉" } else { "香港" };
            fs::write(
                root.join(sub).join(format!("{n}.md")),
                article(&format!("{sub}{n}"), date, tags),
            )
            .unwrap();
        }
    }
    fs::write(root.join("c/broken.md"), "---\ntitle: [\n---\n").unwrap();
}

impl Fixture {
    fn new() -> Fixture {
        Fixture::of(three_folders)
    }

    /// The library `write` makes in the folder it is given.
    fn of(write: impl FnOnce(&Path)) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        write(&root);
        let fx = Fixture {
            cache: dir.path().join("cache"),
            _dir: dir,
            root,
        };
        fx.age_all();
        let _ = fx.load();
        fx
    }

    fn age_all(&self) {
        for entry in walkdir::WalkDir::new(&self.root) {
            age(entry.unwrap().path());
        }
    }

    fn roots(&self) -> Vec<PathBuf> {
        vec![self.root.clone()]
    }

    fn load(&self) -> Library {
        Library::load_cached_checked(&self.roots(), Some(&self.cache))
    }

    /// The cache as `tags` reads it: its records checked, the rest as read.
    fn snapshot(&self) -> Snapshot {
        let file =
            inkstone::cache::file_for(&self.cache, &inkstone::cache::absolute_roots(&self.roots()));
        Snapshot::read_for_records(&file, &self.roots()).expect("the cache was written")
    }

    /// Counts from the cache, sorted, or `None` when it is not current.
    fn counted(
        &self,
        keep: &(dyn Fn(Option<NaiveDate>) -> bool + Sync),
    ) -> Option<(Vec<(String, usize)>, usize)> {
        let snapshot = self.snapshot();
        let counts = snapshot.current_tag_counts(keep)?;
        let mut tags = counts.tags;
        tags.sort();
        Some((tags, counts.errors))
    }
}

/// The same counts from the library itself.
fn from_library(
    library: &Library,
    keep: &dyn Fn(Option<NaiveDate>) -> bool,
) -> (Vec<(String, usize)>, usize) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for article in library.articles.iter().filter(|a| keep(a.date)) {
        for tag in article.tags() {
            *counts.entry(tag.as_str().to_owned()).or_default() += 1;
        }
    }
    let mut tags: Vec<_> = counts.into_iter().collect();
    tags.sort();
    let errors = library
        .problems
        .iter()
        .filter(|p| p.severity == inkstone::problem::Severity::Error)
        .count();
    (tags, errors)
}

fn everything(_: Option<NaiveDate>) -> bool {
    true
}

#[test]
fn a_current_cache_counts_what_the_library_holds() {
    let fx = Fixture::new();
    let counted = fx.counted(&everything).expect("nothing changed");
    assert_eq!(counted, from_library(&fx.load(), &everything));
    assert_eq!(counted.0, [("選舉".to_owned(), 3), ("香港".to_owned(), 9)]);
    assert_eq!(counted.1, 1, "the broken file's error is counted");
    let since_2020 = |d: Option<NaiveDate>| d.is_some_and(|d| d.to_string().as_str() >= "2020");
    assert_eq!(
        fx.counted(&since_2020).unwrap(),
        from_library(&fx.load(), &since_2020)
    );
}

#[test]
fn a_file_edited_in_place_is_not_answered_from_the_cache() {
    let fx = Fixture::new();
    // Same folder time (an edit in place), new size and time.
    let file = fx.root.join("b/1.md");
    fs::write(&file, article("b1", "2020-01-02", "澳門")).unwrap();
    age(&file);
    age(file.parent().unwrap());
    assert_eq!(fx.counted(&everything), None);
    // The load sees the edit and rewrites the cache, which then answers.
    let library = fx.load();
    let counted = fx.counted(&everything).expect("current again");
    assert_eq!(counted, from_library(&library, &everything));
    assert!(counted.0.contains(&("澳門".to_owned(), 1)));
}

#[test]
fn added_removed_or_young_entries_are_not_answered_from_the_cache() {
    let fx = Fixture::new();
    fs::remove_file(fx.root.join("a/2.md")).unwrap();
    assert_eq!(fx.counted(&everything), None, "a removed file");

    let fx = Fixture::new();
    fs::create_dir(fx.root.join("d")).unwrap();
    fx.age_all();
    assert_eq!(fx.counted(&everything), None, "a new folder");

    let fx = Fixture::new();
    let file = fx.root.join("c/0.md");
    fs::write(&file, article("c0", "2021-03-04", "香港, 選舉")).unwrap();
    assert_eq!(fx.counted(&everything), None, "a file written just now");
}

#[test]
fn a_root_gone_is_not_answered_from_the_cache() {
    let fx = Fixture::new();
    let snapshot = fx.snapshot();
    fs::remove_dir_all(&fx.root).unwrap();
    assert!(snapshot.current_tag_counts(&everything).is_none());
}

/// Sets a folder's time back to what it was: then only its files can tell
/// what changed in it.
fn restore_time(folder: &Path, then: SystemTime) {
    fs::File::open(folder).unwrap().set_modified(then).unwrap();
}

#[test]
fn a_file_renamed_within_its_folder_is_not_answered_from_the_cache() {
    let fx = Fixture::new();
    let folder = fx.root.join("a");
    let then = fs::metadata(&folder).unwrap().modified().unwrap();
    fs::rename(folder.join("1.md"), folder.join("9.md")).unwrap();
    assert_eq!(fx.counted(&everything), None, "the folder's time changed");
    restore_time(&folder, then);
    assert_eq!(fx.counted(&everything), None, "the name recorded is gone");
}

/// More folders than one pass keeps open (64), visited in turn: the library
/// is newest first and each folder holds one article of each day.
fn many_folders(root: &Path) {
    for folder in 0..80 {
        let sub = root.join(format!("f{folder:02}"));
        fs::create_dir_all(&sub).unwrap();
        for day in 1..=3 {
            let title = format!("f{folder}-{day}");
            let date = format!("2020-01-0{day}");
            let tags = format!("t{folder}, 日{day}");
            fs::write(sub.join(format!("{day}.md")), article(&title, &date, &tags)).unwrap();
        }
    }
}

#[test]
fn edits_in_place_among_many_folders_in_turn_are_seen_by_tags_and_recheck() {
    let fx = Fixture::of(many_folders);
    let counted = fx.counted(&everything).expect("nothing changed");
    assert_eq!(counted, from_library(&fx.load(), &everything));
    assert!(counted.0.contains(&("日2".to_owned(), 80)));
    for (folder, day) in [(5, 2), (79, 1), (0, 3)] {
        let fx = Fixture::of(many_folders);
        let sub = fx.root.join(format!("f{folder:02}"));
        let then = fs::metadata(&sub).unwrap().modified().unwrap();
        let file = sub.join(format!("{day}.md"));
        fs::write(&file, article("edited", "2020-01-02", "澳門")).unwrap();
        age(&file);
        restore_time(&sub, then);
        assert_eq!(fx.counted(&everything), None, "f{folder}/{day}.md edited");
        let quick = Library::load_cached(&fx.roots(), Some(&fx.cache));
        assert_eq!(quick.recheck().run(), [file], "the recheck names it");
        let library = fx.load();
        assert!(
            from_library(&library, &everything)
                .0
                .contains(&("澳門".to_owned(), 1))
        );
    }
}
