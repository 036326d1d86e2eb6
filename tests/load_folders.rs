//! Loading folders made at test time: order, ids, long front matter,
//! symbolic link loops, special and unreadable files.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use inkstone::article::stable_id;
use inkstone::library::{self, Library, LoadOptions, Problem, Severity};

mod common;
mod load_folders {
    mod links_and_special_files;
}
use common::archive::write;

fn fixtures() -> PathBuf {
    common::archive::fixtures("hostile")
}

fn article_text(title: &str, date: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndate: {date}\n---\n\nbody\n")
}

#[test]
fn articles_are_newest_first_undated_last_ties_by_path() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("b.md"), &article_text("B", "2020-01-01"));
    write(&dir.path().join("a.md"), &article_text("A", "2020-01-01"));
    write(
        &dir.path().join("new.md"),
        &article_text("New", "2024-12-31"),
    );
    write(&dir.path().join("none.md"), "---\ntitle: None\n---\n");
    write(
        &dir.path().join("old.md"),
        &article_text("Old", "2001/02/03"),
    );
    let library = Library::load(&[dir.path().to_path_buf()]);
    let titles: Vec<&str> = library.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["New", "A", "B", "Old", "None"]);
}

#[test]
fn ids_come_from_links_else_paths_inside_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("2021/x.md"), "---\ntitle: X\n---\n");
    write(
        &dir.path().join("2021/y.md"),
        "---\ntitle: Y\nfrom: https://e.x/y\n---\n",
    );
    let library = Library::load(&[dir.path().to_path_buf()]);
    let ids: Vec<&str> = library.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            stable_id("path", "2021/x.md"),
            stable_id("link", "https://e.x/y")
        ]
    );
    let (single, _) = library::load_file(&dir.path().join("2021/x.md"), dir.path()).unwrap();
    assert_eq!(single.id, stable_id("path", "2021/x.md"));
}

#[test]
fn front_matter_longer_than_the_first_read() {
    let dir = tempfile::tempdir().unwrap();
    let tags: String = (0..600).fold(String::new(), |mut out, i| {
        let _ = writeln!(out, "  - \"標籤{i}\"");
        out
    });
    let text = format!("---\ntitle: \"Long\"\ntags:\n{tags}date: 2019-09-09\n---\n\n# Other\n");
    assert!(text.len() > 8 * 1024);
    let path = dir.path().join("long.md");
    write(&path, &text);
    let (article, problems) = library::load_file(&path, dir.path()).unwrap();
    assert_eq!(article.title, "Long");
    assert_eq!(article.tags().len(), 600);
    assert_eq!(
        article.date.map(|d| d.to_string()).as_deref(),
        Some("2019-09-09")
    );
    assert!(problems.is_empty());
    assert_eq!(library::read_body(&article.body).unwrap(), "\n# Other\n");
}

#[test]
fn title_from_a_heading_past_the_first_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("late.md");
    write(
        &path,
        &format!(
            "---\ndate: 2019-09-09\n---\n{}\n# Late heading\n",
            "filler line\n".repeat(800)
        ),
    );
    assert_eq!(
        library::load_file(&path, dir.path()).unwrap().0.title,
        "Late heading"
    );
}

#[test]
fn file_without_front_matter_is_all_body() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.md");
    write(&path, "# Just Markdown\n\ntext\n");
    let (article, problems) = library::load_file(&path, dir.path()).unwrap();
    assert_eq!(article.title, "Just Markdown");
    assert!(problems.is_empty());
    assert_eq!(
        library::read_body(&article.body).unwrap(),
        "# Just Markdown\n\ntext\n"
    );
}

#[test]
fn empty_file_is_titled_by_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("空白.md");
    write(&path, "");
    assert_eq!(
        library::load_file(&path, dir.path()).unwrap().0.title,
        "空白.md"
    );
}

#[test]
fn load_file_refuses_binary_and_missing_files() {
    let binary = fixtures().join("binary.md");
    let err: Problem = library::load_file(&binary, &fixtures()).unwrap_err();
    assert_eq!(err.path, binary);
    assert_eq!(err.severity, Severity::Error);
    let missing = fixtures().join("missing.md");
    let err = library::load_file(&missing, &fixtures()).unwrap_err();
    assert!(err.reason.starts_with("cannot read:"), "{}", err.reason);
}

#[test]
fn paths_given_explicitly() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("notes.txt");
    write(&txt, "not markdown");
    let missing = dir.path().join("nowhere");
    let md = fixtures().join("bom-crlf.md");
    let library = Library::load(&[txt.clone(), missing.clone(), md.clone(), md.clone()]);
    assert_eq!(
        library.articles.len(),
        1,
        "a file given twice is loaded once"
    );
    assert_eq!(*library.articles[0].path, *md);
    let by_path = |p: &Path| {
        library
            .problems
            .iter()
            .find(|x| x.path == p)
            .map(|x| x.severity)
    };
    assert_eq!(by_path(&txt), Some(Severity::Warning));
    assert_eq!(by_path(&missing), Some(Severity::Error));
}

#[test]
fn overlapping_paths_load_each_file_once() {
    let md = fixtures().join("bom-crlf.md");
    let library = Library::load(&[md.clone(), fixtures(), fixtures()]);
    assert_eq!(library.articles.len(), 10);
    assert_eq!(
        library.articles.iter().filter(|a| *a.path == *md).count(),
        1
    );
    let binary = library
        .problems
        .iter()
        .filter(|p| p.path.ends_with("binary.md"));
    assert_eq!(binary.count(), 1);
}

#[test]
fn verifying_bodies_finds_invalid_utf8_after_the_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = b"---\ntitle: Fine\n---\n".to_vec();
    text.extend(std::iter::repeat_n(b'x', 10_000));
    text.extend(b"\xff\xfe latin1 \xe9\n\0");
    fs::write(dir.path().join("late.md"), text).unwrap();
    let quick = Library::load(&[dir.path().to_path_buf()]);
    assert!(quick.problems.is_empty());
    let options = LoadOptions {
        verify_bodies: true,
        ..LoadOptions::default()
    };
    let checked = Library::load_with(&[dir.path().to_path_buf()], options);
    let reasons: Vec<&str> = checked.problems.iter().map(|p| p.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "NUL bytes in the body",
            "invalid UTF-8, decoded with replacement characters"
        ]
    );
    assert_eq!(checked.articles[0].title, "Fine");
}

#[test]
fn two_folders_with_one_name_are_told_apart_in_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("feeds/rfa/_posts");
    let b = dir.path().join("feeds/voa/_posts");
    write(&a.join("one.md"), &article_text("一", "2020-01-01"));
    write(&b.join("two.md"), &article_text("二", "2020-01-02"));
    assert_eq!(
        Library::load(&[a.clone(), b.clone()]).name,
        "rfa/_posts, voa/_posts"
    );
    assert_eq!(Library::load(&[a]).name, "_posts");
}
