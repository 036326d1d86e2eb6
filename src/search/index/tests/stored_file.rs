//! The index with its bodies stored in a file: built once, opened at once
//! afterwards, rebuilt for changed files, ignored when damaged.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::super::*;
use crate::article::BodySource;

fn article_at(path: &Path, title: &str) -> Article {
    Article::bare(
        title.to_owned(),
        path.to_path_buf(),
        title.to_owned(),
        BodySource::File {
            path: path.into(),
            offset: 4,
            encoding: None,
        },
    )
}

/// Writes `body` after a 4-byte front matter, with a distinct time.
fn write(path: &Path, body: &str, age: u64) {
    fs::write(path, format!("---\n{body}")).unwrap();
    let time = SystemTime::now() - Duration::from_secs(1000 - age);
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}

struct Archive {
    _dir: tempfile::TempDir,
    files: Vec<PathBuf>,
    store: PathBuf,
}

fn archive() -> Archive {
    let dir = tempfile::tempdir().unwrap();
    let bodies = ["<p>香港國家安全法</p>", "Hong Kong **police**", "臺灣 選舉"];
    let files: Vec<PathBuf> = (0..bodies.len())
        .map(|n| dir.path().join(format!("{n}.md")))
        .collect();
    for (n, (file, body)) in files.iter().zip(bodies).enumerate() {
        write(file, body, n as u64);
    }
    let store = dir.path().join("cache/search.idx");
    Archive {
        _dir: dir,
        files,
        store,
    }
}

fn articles(archive: &Archive) -> Vec<Article> {
    (0..)
        .zip(&archive.files)
        .map(|(n, f)| article_at(f, &format!("title {n}")))
        .collect()
}

fn opened(archive: &Archive) -> SearchIndex {
    let index = SearchIndex::open_or_build(&articles(archive), Some(&archive.store));
    index.wait();
    index
}

fn found(index: &SearchIndex, query: &str) -> Vec<usize> {
    index.matches(&Query::parse(query)).indices().to_vec()
}

#[test]
fn bodies_are_stored_once_and_opened_afterwards() {
    let archive = archive();
    let first = opened(&archive);
    assert_eq!(found(&first, "国家安全"), [0]);
    assert_eq!(found(&first, "police"), [1]);
    let written = fs::metadata(&archive.store).unwrap().modified().unwrap();
    let second = opened(&archive);
    assert_eq!(found(&second, "国家安全"), [0]);
    assert_eq!(found(&second, "台湾"), [2]);
    assert_eq!(found(&second, "title 1 police"), [1]);
    assert_eq!(
        fs::metadata(&archive.store).unwrap().modified().unwrap(),
        written
    );
    assert!(second.progress().is_complete());
}

#[test]
fn articles_in_another_order_find_their_stored_bodies() {
    let archive = archive();
    opened(&archive);
    let written = fs::metadata(&archive.store).unwrap().modified().unwrap();
    let mut reversed = articles(&archive);
    reversed.reverse();
    let index = SearchIndex::open_or_build(&reversed, Some(&archive.store));
    index.wait();
    assert_eq!(found(&index, "国家安全"), [2]);
    assert_eq!(found(&index, "police"), [1]);
    assert_eq!(found(&index, "台湾"), [0]);
    assert_eq!(index.bodies().unwrap().covered, 3);
    assert_eq!(
        fs::metadata(&archive.store).unwrap().modified().unwrap(),
        written
    );
}

#[test]
fn a_changed_file_is_read_again_and_the_rest_kept() {
    let archive = archive();
    opened(&archive);
    write(&archive.files[1], "Hong Kong **elections** 選舉", 50);
    let index = opened(&archive);
    assert_eq!(found(&index, "police"), Vec::<usize>::new());
    assert_eq!(found(&index, "election"), [1]);
    assert_eq!(found(&index, "选举"), [1, 2]);
    assert_eq!(found(&index, "国家安全"), [0]);
    // The next start finds it all stored.
    let written = fs::metadata(&archive.store).unwrap().modified().unwrap();
    let again = opened(&archive);
    assert_eq!(found(&again, "election"), [1]);
    assert_eq!(
        fs::metadata(&archive.store).unwrap().modified().unwrap(),
        written
    );
}

#[test]
fn a_damaged_or_foreign_store_is_ignored_and_rebuilt() {
    let archive = archive();
    opened(&archive);
    let bytes = fs::read(&archive.store).unwrap();
    for damaged in [
        bytes[..bytes.len() / 2].to_vec(),
        b"not an index at all".to_vec(),
        Vec::new(),
    ] {
        fs::write(&archive.store, damaged).unwrap();
        let index = opened(&archive);
        assert_eq!(found(&index, "国家安全"), [0]);
        assert_eq!(fs::read(&archive.store).unwrap().len(), bytes.len());
    }
}

#[test]
fn without_a_writable_folder_bodies_are_searched_from_a_temporary_file_and_it_is_said() {
    let archive = archive();
    fs::write(
        archive.store.parent().unwrap().with_file_name("cache"),
        "a file",
    )
    .unwrap();
    let index = opened(&archive);
    assert_eq!(found(&index, "国家安全"), [0]);
    assert_eq!(found(&index, "police"), [1]);
    let problem = index.problem().expect("the failed save is reported");
    assert!(
        problem.starts_with("cannot save the search index in ")
            && problem.contains("search.idx")
            && problem.ends_with("it is rebuilt on every start"),
        "{problem}"
    );
    assert_eq!(index.view().unwrap().problem(), Some(&*problem));
    // Nothing of the bodies is held in memory: they are read from the
    // file as queries need them.
    let bodies = index.bodies().unwrap();
    assert!(!bodies.stored.is_in_memory());
    assert!(!archive.store.exists());
}

#[test]
fn a_saved_index_reports_no_problem() {
    let archive = archive();
    let index = opened(&archive);
    assert_eq!(index.problem(), None);
    assert_eq!(index.view().unwrap().problem(), None);
}

#[test]
fn progress_is_complete_only_once_every_body_is_searchable() {
    let archive = archive();
    let index = SearchIndex::open_or_build(&articles(&archive), Some(&archive.store));
    while !index.progress().is_complete() {
        std::thread::yield_now();
    }
    assert_eq!(index.matches(&Query::parse("国家安全")).pending(), 0);
    assert_eq!(found(&index, "国家安全"), [0]);
}
