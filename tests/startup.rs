//! A reading session's state across runs, through the same start-up and
//! shut-down the reader uses: marks survive a restart, a cache recheck
//! reports files edited while inkstone was closed, config errors stop the
//! start. (The end-to-end test through the terminal comes with the reader.)

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant, SystemTime};

use inkstone::startup::{Locations, Startup, finish};
use inkstone::watch::LibraryEvent;

mod common;
use common::archive::{age, article};

struct Fixture {
    dir: tempfile::TempDir,
    at: Locations,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        fs::create_dir_all(&root).unwrap();
        for (title, date) in [("one", "2020-01-01"), ("two", "2020-01-02")] {
            fs::write(root.join(format!("{title}.md")), article(title, date)).unwrap();
        }
        age(&root, Duration::from_secs(60));
        let config = dir.path().join("config.yaml");
        fs::write(&config, "library: news\n").unwrap();
        let at = Locations {
            config_file: Some(config),
            marks_file: Some(dir.path().join("state/marks.json")),
            cache_dir: Some(dir.path().join("cache")),
        };
        Fixture { dir, at }
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("news")
    }
}

#[test]
fn marks_survive_a_restart() {
    let fx = Fixture::new();
    let mut s = Startup::start_at(&[], &fx.at).unwrap();
    assert_eq!(s.library.articles.len(), 2, "the config's library");
    assert!(s.notices.is_empty(), "{:?}", s.notices);
    let id = s.library.articles[0].id.clone();
    s.marks.set_read(&id, true);
    s.marks.toggle_star(&id);
    assert!(finish(&mut s.marks).is_empty());
    drop(s);

    let s = Startup::start_at(&[], &fx.at).unwrap();
    assert!(s.marks.is_read(&id) && s.marks.is_starred(&id));
    let unread: Vec<_> = s
        .library
        .articles
        .iter()
        .filter(|a| !s.marks.is_read(&a.id))
        .collect();
    assert_eq!(unread.len(), 1);
}

#[test]
fn file_edited_while_closed_arrives_through_the_watcher_channel() {
    let fx = Fixture::new();
    let mut s = Startup::start_at(&[], &fx.at).unwrap();
    // What the reader does in the background after its first frame.
    let write = s
        .library
        .cache_write()
        .expect("a first load differs from its cache");
    write.run().unwrap();
    assert!(
        s.library.cache_write().is_none(),
        "written: no longer stale"
    );
    finish(&mut s.marks);
    drop(s);
    // Edited in place: the folder's time does not change.
    let file = fx.root().join("one.md");
    fs::write(&file, article("uno", "2020-01-01")).unwrap();
    fs::File::open(&file)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(30))
        .unwrap();

    let mut s = Startup::start_at(&[], &fx.at).unwrap();
    let watcher = s.watcher.take().expect("watching");
    let start = Instant::now();
    while !s.library.articles.iter().any(|a| a.title == "uno") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the recheck never reported the edit"
        );
        if let Some(LibraryEvent::Changed(paths)) = watcher.recv_timeout(Duration::from_millis(100))
        {
            s.library.apply_changes(&paths);
        }
    }
}

#[test]
fn paths_given_win_over_the_config_and_bad_config_stops_the_start() {
    let fx = Fixture::new();
    let other = fx.dir.path().join("other");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join("x.md"), article("x", "2021-01-01")).unwrap();
    let s = Startup::start_at(std::slice::from_ref(&other), &fx.at).unwrap();
    assert_eq!(s.library.articles.len(), 1);

    fs::write(
        fx.at.config_file.as_ref().unwrap(),
        "library: news\nmouse: maybe\n",
    )
    .unwrap();
    let e = Startup::start_at(&[], &fx.at)
        .err()
        .expect("a config error");
    assert_eq!((e.line, e.key.as_deref()), (Some(2), Some("mouse")), "{e}");
}

#[test]
fn no_locations_means_defaults_samples_and_memory_only() {
    let s = Startup::start_at(&[], &Locations::default()).unwrap();
    assert!(s.library.articles.len() > 10, "the samples");
    assert!(s.watcher.is_none());
    assert!(s.notices.is_empty());
}

#[test]
fn a_missing_library_path_is_said_not_shown_as_an_empty_list() {
    let fx = Fixture::new();
    let missing = fx.dir.path().join("no-such-archive");
    let s = Startup::start_at(std::slice::from_ref(&missing), &fx.at).unwrap();
    assert!(s.library.articles.is_empty());
    let said = s.notices.join("; ");
    assert!(
        said.contains(&format!("{}: cannot read", missing.display())),
        "{said}"
    );
}
