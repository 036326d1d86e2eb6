//! The command line with the user's state and config: `list --unread` and
//! `--starred` show the reader's marks, `config` prints the default and the
//! path, and a bad config is an error naming file, line and key. Each test
//! gets its own XDG folders.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use inkstone::marks::Marks;

mod common;
mod cli_state {
    mod config_command;
}
use common::home::{Home, stderr, stdout};

/// An archive of three articles whose ids are their urls.
fn archive(home: &Home) -> PathBuf {
    let root = home.path("news");
    fs::create_dir_all(&root).unwrap();
    for (n, title) in ["one", "two", "three"].iter().enumerate() {
        let text = format!(
            "---\ntitle: \"{title}\"\ndate: \"2020-01-0{}\"\nurl: \"https://example.org/{title}\"\n---\n\nbody\n",
            n + 1
        );
        fs::write(root.join(format!("{title}.md")), text).unwrap();
    }
    root
}

fn titles(out: &Output) -> Vec<String> {
    assert!(out.status.success(), "{}", stderr(out));
    stdout(out)
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1).map(str::to_owned))
        .collect()
}

/// Marks articles (by title) as the reader would, by their ids.
fn mark(file: &Path, root: &Path, read: &[&str], starred: &[&str]) {
    let library = inkstone::library::Library::load(&[root.to_path_buf()]);
    let id = |title: &str| {
        library
            .articles
            .iter()
            .find(|a| a.title == title)
            .map(|a| a.id.clone())
            .unwrap()
    };
    let (mut marks, message) = Marks::open(file);
    assert!(message.is_none());
    for t in read {
        marks.set_read(&id(t), true);
    }
    for t in starred {
        marks.set_starred(&id(t), true);
    }
    marks.save().unwrap();
}

#[test]
fn list_unread_and_starred_follow_the_marks() {
    let home = Home::new();
    let archive = archive(&home);
    let root = archive.to_str().unwrap();
    assert_eq!(titles(&home.run(&["list", root])), ["three", "two", "one"]);
    assert_eq!(
        titles(&home.run(&["list", "--unread", root])),
        ["three", "two", "one"],
        "no marks yet"
    );
    mark(&home.marks_file(), &archive, &["two"], &["one"]);
    assert_eq!(
        titles(&home.run(&["list", "--unread", root])),
        ["three", "one"]
    );
    assert_eq!(titles(&home.run(&["list", "--starred", root])), ["one"]);
    let both = home.run(&["list", "--unread", "--starred", root]);
    assert!(!both.status.success(), "the flags exclude each other");
}

#[test]
fn list_sets_a_corrupt_marks_file_aside_with_a_message() {
    let home = Home::new();
    let root = archive(&home);
    fs::create_dir_all(home.marks_file().parent().unwrap()).unwrap();
    fs::write(home.marks_file(), "{\"inkstone_marks\": 1, \"read\": [").unwrap();
    let out = home.run(&["list", "--unread", root.to_str().unwrap()]);
    assert_eq!(titles(&out), ["three", "two", "one"]);
    assert!(stderr(&out).contains("moved it to"), "{}", stderr(&out));
    let aside: Vec<_> = fs::read_dir(home.marks_file().parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("marks.json.corrupt-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(
        fs::read_to_string(aside[0].path())
            .unwrap()
            .contains("\"read\": ["),
        "kept as it was"
    );
}

#[test]
fn plain_list_opens_the_configured_library() {
    let home = Home::new();
    archive(&home);
    home.write_config("library:\n  - ~/news\n");
    assert_eq!(titles(&home.run(&["list"])), ["three", "two", "one"]);
    home.write_config("library: []\n");
    let samples = titles(&home.run(&["list"]));
    assert!(samples.len() > 10, "the built-in samples: {samples:?}");
}

#[test]
fn second_list_uses_the_cache_and_sees_changes() {
    let home = Home::new();
    let root = archive(&home);
    let root_arg = root.to_str().unwrap();
    assert_eq!(
        titles(&home.run(&["list", root_arg])),
        ["three", "two", "one"]
    );
    assert!(
        fs::read_dir(home.path("cache/inkstone")).unwrap().count() > 0,
        "cache written"
    );
    fs::remove_file(root.join("two.md")).unwrap();
    fs::write(
        root.join("one.md"),
        "---\ntitle: \"uno\"\ndate: \"2020-01-01\"\n---\n\nbody\n",
    )
    .unwrap();
    assert_eq!(titles(&home.run(&["list", root_arg])), ["three", "uno"]);
}

#[test]
fn show_writes_dates_as_the_reader_does() {
    let home = Home::new();
    let root = archive(&home);
    let file = root.join("two.md");
    let show = |home: &Home| stdout(&home.run(&["show", "--width", "60", file.to_str().unwrap()]));
    let lines: Vec<String> = show(&home).lines().map(str::to_owned).collect();
    assert_eq!(lines[..2], ["two", "2020-01-02"], "{lines:?}");
    home.write_config("date_format: \"%d %b %Y\"\n");
    let lines: Vec<String> = show(&home).lines().map(str::to_owned).collect();
    assert_eq!(lines[..2], ["two", "02 Jan 2020"], "{lines:?}");
    // A config that cannot be read leaves `show` to its defaults.
    home.write_config("date_format: [\n");
    let out = home.run(&["show", "--width", "60", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("2020-01-02"));
}

#[test]
fn a_cache_that_cannot_be_written_is_reported_and_the_list_stands() {
    let home = Home::new();
    let root = archive(&home);
    let root_arg = root.to_str().unwrap();
    // The cache's folder is taken by a file: no cache can be written there.
    fs::create_dir_all(home.path("cache")).unwrap();
    fs::write(home.path("cache/inkstone"), "not a folder").unwrap();
    let out = home.run(&["list", root_arg]);
    assert_eq!(titles(&out), ["three", "two", "one"]);
    let err = stderr(&out);
    assert!(
        err.contains("metadata cache not written") && err.contains("cache/inkstone"),
        "{err}"
    );
}
