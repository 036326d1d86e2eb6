//! The command line with the user's state and config: `list --unread` and
//! `--starred` show the reader's marks, `config` prints the default and the
//! path, and a bad config is an error naming file, line and key. Each test
//! gets its own XDG folders.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use inkstone::marks::Marks;

mod common;
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
fn config_default_and_path() {
    let home = Home::new();
    let out = home.run(&["config", "--default"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), inkstone::config::DEFAULT_YAML);
    let out = home.run(&["config", "--path"]);
    assert_eq!(
        stdout(&out).trim_end(),
        home.config_file().to_str().unwrap()
    );
    // The printed default is a valid config.
    home.write_config(inkstone::config::DEFAULT_YAML);
    let out = home.run(&["config"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).ends_with(": ok\n"));
}

#[test]
fn bad_config_names_file_line_and_key() {
    let home = Home::new();
    home.write_config("mouse: true\ncolors:\n  unread: bold\n  titel: red\n");
    for args in [&["config"][..], &["list"]] {
        let out = home.run(args);
        assert!(!out.status.success());
        let expected = format!(
            "{}:4: colors.titel: unknown key `titel`",
            home.config_file().display()
        );
        assert!(
            stderr(&out).contains(&expected),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"));
    }
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

/// What the reader prints before refusing to start on these bindings in
/// config.yaml (see `reader_e2e::bad_config_keys_are_refused_...`).
fn refused_keys(home: &Home, line: usize, key: &str, message: &str) -> String {
    format!(
        "inkstone: {}:{line}: keys.{key}: {message}",
        home.config_file().display()
    )
}

#[test]
fn config_runs_the_readers_checks_of_keys() {
    let home = Home::new();
    for (text, line, key, message) in [
        (
            "keys:\n  list:\n    j: fly_away\n",
            3,
            "list.j",
            "unknown action `fly_away` (known: move_down,",
        ),
        (
            "mouse: true\nkeys:\n  lst:\n    j: quit\n",
            4,
            "lst.j",
            "unknown section `lst` (known: global, list, detail, picker, help, search, sources, timeline, prompt)",
        ),
        (
            "keys:\n  global:\n    Ctlr-q: quit\n",
            3,
            "global.Ctlr-q",
            "unknown key `Ctlr-q`",
        ),
    ] {
        home.write_config(text);
        let out = home.run(&["config"]);
        assert!(!out.status.success(), "{text:?}");
        let expected = refused_keys(&home, line, key, message);
        assert!(
            stderr(&out).starts_with(&expected),
            "{text:?}: {}",
            stderr(&out)
        );
        assert!(!stdout(&out).contains("ok"), "{}", stdout(&out));
    }
}

#[test]
fn config_checks_the_keymap_file_too() {
    let home = Home::new();
    home.write_config("mouse: true\n");
    let keymap = home.path("config/inkstone/keymap.yaml");
    fs::write(&keymap, "list:\n  j: move_down\n  x: fly_away\n").unwrap();
    let out = home.run(&["config"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).starts_with(&format!(
            "inkstone: {}: line 3: unknown action `fly_away`",
            keymap.display()
        )),
        "{}",
        stderr(&out)
    );
    fs::write(&keymap, "list:\n  x: [toggle_read\n").unwrap();
    let out = home.run(&["config"]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out),
        format!(
            "inkstone: {}: line 2: not valid YAML: a list opened with `[` is not closed with `]`\n",
            keymap.display()
        )
    );
    fs::write(&keymap, "list:\n  x: toggle_read\n").unwrap();
    let out = home.run(&["config"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "{}: ok\n{}: ok\n",
            keymap.display(),
            home.config_file().display()
        )
    );
}

#[test]
fn every_example_of_the_default_config_is_accepted() {
    let home = Home::new();
    let examples: Vec<&str> = inkstone::config::DEFAULT_YAML
        .lines()
        .map(|line| match line.strip_prefix('#') {
            Some(example) if example.starts_with("  ") => example,
            _ => line,
        })
        .collect();
    home.write_config(&examples.join("\n"));
    let out = home.run(&["config"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).ends_with(": ok\n"));
}

#[test]
fn yaml_mistakes_in_config_are_said_plainly() {
    let home = Home::new();
    home.write_config("mouse: true\ntheme: [unclosed\n");
    for args in [&["config"][..], &["list"]] {
        let out = home.run(args);
        assert!(!out.status.success());
        let expected = format!(
            "{}:2: not valid YAML: a list opened with `[` is not closed with `]`\n",
            home.config_file().display()
        );
        assert!(
            stderr(&out).ends_with(&expected),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("invalid type"), "{}", stderr(&out));
    }
}
