//! The scripting commands run as real processes.

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

use inkstone::article::stable_id;
use inkstone::text::sanitize::is_unsafe;
use inkstone::text::width::str_width;
use serde_json::Value;

mod common;
use common::archive::fixtures;
use common::home::{json_lines, stdout};

fn inkstone(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_inkstone"))
        .args(args)
        .output()
        .expect("run inkstone")
}

fn fixture(name: &str) -> String {
    fixtures("hostile")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn list_json_over_hostile_fixtures() {
    let dir = fixtures("hostile").to_string_lossy().into_owned();
    let output = inkstone(&["list", &dir, "--json"]);
    assert!(output.status.success());
    let rows = json_lines(&output);
    assert_eq!(rows.len(), 10);
    for row in &rows {
        let mut keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "author",
                "categories",
                "date",
                "datetime",
                "draft",
                "duplicate_of",
                "id",
                "links_in_archive",
                "original_url",
                "path",
                "tags",
                "title",
                "updated",
                "url"
            ]
        );
        let title = row["title"].as_str().unwrap();
        assert!(!title.is_empty());
        assert!(!title.chars().any(is_unsafe), "{title:?}");
        for author in row["author"].as_array().unwrap() {
            assert!(!author.as_str().unwrap().chars().any(is_unsafe));
        }
    }
    let paths: Vec<&str> = rows.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert!(
        !paths
            .iter()
            .any(|p| p.ends_with("binary.md") || p.ends_with("secret.md"))
    );
    let crlf = rows
        .iter()
        .find(|r| r["path"].as_str().unwrap().ends_with("bom-crlf.md"))
        .unwrap();
    assert_eq!(crlf["title"], "BOM and CRLF 換行");
    assert_eq!(crlf["date"], "2018-05-08");
    assert_eq!(crlf["updated"], "2018-05-09 10:11:12");
    assert_eq!(crlf["author"], serde_json::json!(["Windows Editor"]));
    assert_eq!(crlf["categories"], serde_json::json!(["Desk"]));
    assert_eq!(crlf["tags"], serde_json::json!(["crlf", "bom"]));
    assert_eq!(crlf["url"], "https://example.org/crlf");
    assert_eq!(crlf["original_url"], "https://example.org/crlf-original");
    assert_eq!(crlf["id"], stable_id("link", "https://example.org/crlf"));
    // Newest first, undated last.
    assert_eq!(rows[0]["date"], "2023-04-05");
    assert_eq!(rows[rows.len() - 1]["date"], Value::Null);
}

#[test]
fn list_text_aligns_columns_by_display_width() {
    let output = inkstone(&["list"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let rows = json_lines(&inkstone(&["list", "--json"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), rows.len());
    assert!(lines.len() >= 30);
    let mut title_columns = Vec::new();
    for (line, row) in lines.iter().zip(&rows) {
        let title = row["title"].as_str().unwrap();
        let at = line
            .find(title)
            .unwrap_or_else(|| panic!("{title} not in {line}"));
        title_columns.push(str_width(&line[..at]));
        assert!(line.starts_with(row["date"].as_str().unwrap_or("-")));
    }
    title_columns.dedup();
    assert_eq!(
        title_columns.len(),
        1,
        "titles start in one column: {title_columns:?}"
    );
}

#[test]
fn list_filters_by_every_tag_given() {
    let rows = json_lines(&inkstone(&[
        "list", "--json", "--tag", "香港", "--tag", "交通",
    ]));
    assert!(!rows.is_empty());
    for row in &rows {
        let tags = row["tags"].as_array().unwrap();
        assert!(tags.contains(&Value::from("香港")) && tags.contains(&Value::from("交通")));
    }
    let all = json_lines(&inkstone(&["list", "--json", "--tag", "香港"]));
    assert!(all.len() > rows.len());
    assert!(json_lines(&inkstone(&["list", "--json", "--tag", "no such tag"])).is_empty());
    // Tags fold like search: Simplified finds Traditional, width and case too.
    let traditional = json_lines(&inkstone(&["list", "--json", "--tag", "經濟"]));
    assert_eq!(traditional.len(), 6, "five 經濟 and one 经济");
    let simplified = json_lines(&inkstone(&["list", "--json", "--tag", "经济"]));
    assert_eq!(simplified, traditional);
    let wide = json_lines(&inkstone(&["list", "--json", "--tag", "ＣＬＩＭＡＴＥ"]));
    assert_eq!(wide.len(), 4);
}

#[test]
fn tags_counts_most_used_first() {
    let output = inkstone(&["tags"]);
    assert!(output.status.success());
    let counts: Vec<(usize, String)> = stdout(&output)
        .lines()
        .map(|l| {
            let (n, tag) = l.trim_start().split_once("  ").unwrap();
            (n.parse().unwrap(), tag.to_owned())
        })
        .collect();
    assert!(counts.len() > 10);
    assert!(counts.windows(2).all(|w| w[0].0 >= w[1].0));
    let rows = json_lines(&inkstone(&["list", "--json", "--tag", &counts[0].1]));
    assert_eq!(rows.len(), counts[0].0);
}

#[test]
fn check_names_every_broken_file_and_fails() {
    let dir = fixtures("hostile").to_string_lossy().into_owned();
    let output = inkstone(&["check", &dir]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    for (name, reason) in [
        ("binary.md", "error: binary file"),
        ("broken-yaml.md", "error: front matter is not valid YAML"),
        ("alias-bomb.md", "error: front matter refused"),
        (
            "control-chars-in-quoted-title.md",
            "warning: control characters",
        ),
        (
            "invalid-utf8.md",
            "warning: not UTF-8: decoded as windows-1252",
        ),
        ("empty-date.md", "warning: empty date"),
        ("no-closing-line.md", "warning: front matter has no closing"),
    ] {
        let line = format!("{}: {reason}", fixture(name));
        assert!(
            text.lines().any(|l| l.starts_with(&line)),
            "missing {line:?} in\n{text}"
        );
    }
    let listed = inkstone(&["list", &dir]);
    assert!(listed.status.success());
    assert_eq!(
        String::from_utf8_lossy(&listed.stderr),
        "inkstone: 3 files could not be read or parsed; `inkstone check` lists them\n"
    );
    let mut last = text.lines().rev();
    assert_eq!(
        last.next(),
        Some(
            "skipped: 1 files with other extensions, 1 hidden files and folders (names starting with .)"
        )
    );
    assert_eq!(
        last.next(),
        Some("10 articles loaded from hostile; 3 errors, 4 warnings in 7 files")
    );
}

#[test]
fn check_passes_when_only_warnings() {
    let output = inkstone(&["check", &fixture("bom-crlf.md"), &fixture("empty-date.md")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).ends_with(
        "2 articles loaded from bom-crlf.md, empty-date.md; 0 errors, 1 warnings in 1 files\n"
    ));
}

#[test]
fn check_of_a_missing_path_fails() {
    // Status 2, naming the path (issue 9): not an empty archive.
    let output = inkstone(&["check", "/nonexistent/inkstone-archive"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .starts_with("inkstone: /nonexistent/inkstone-archive: error: cannot read:")
    );
}

#[test]
fn samples_check_clean() {
    let output = inkstone(&["check"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output)
            .lines()
            .last()
            .unwrap()
            .contains("loaded from samples; 0 errors")
    );
}

#[test]
fn closed_pipe_ends_output_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3000 {
        let text = format!(
            "---\ntitle: \"第{i}篇 article with a longish title\"\ndate: 2020-01-01\ntags: [a, b]\n---\n"
        );
        std::fs::write(dir.path().join(format!("{i}.md")), text).unwrap();
    }
    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["tags"],
        vec!["check"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_inkstone"))
            .args(&args)
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reader is gone now, like `| head -1`.
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            output.status.success(),
            "{args:?}: {:?} {stderr}",
            output.status
        );
    }
}

#[test]
fn every_command_has_help() {
    for command in ["list", "tags", "check"] {
        let output = inkstone(&[command, "--help"]);
        assert!(output.status.success());
        assert!(stdout(&output).contains("Usage: inkstone"), "{command}");
    }
}

#[test]
fn show_prints_a_warning_as_check_does() {
    let path = fixture("empty-date.md");
    let shown = inkstone(&["show", &path, "--width", "40"]);
    assert!(shown.status.success());
    let checked = inkstone(&["check", &path]);
    let warning = stdout(&checked).lines().next().unwrap().to_owned();
    assert!(
        warning.starts_with(&format!("{path}: warning: ")),
        "{warning}"
    );
    assert_eq!(
        String::from_utf8_lossy(&shown.stderr),
        format!("{warning}\n")
    );
}
