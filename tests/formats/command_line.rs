//! The same archives through the built binary: `list` (text and JSON),
//! `check`'s closing summary, missing paths and exact duplicates.

use std::process::Command;

use crate::fixtures;

fn inkstone(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_inkstone"))
        .args(args)
        .env("NO_COLOR", "1")
        .env(
            "XDG_CACHE_HOME",
            std::env::temp_dir().join("inkstone-formats-test"),
        )
        .output()
        .expect("runs")
}

#[test]
fn list_json_gives_rfc3339_datetimes_and_the_text_list_times() {
    let dir = fixtures("_posts").to_string_lossy().into_owned();
    let output = inkstone(&["list", &dir, "--json"]);
    assert!(output.status.success());
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let datetimes: Vec<&str> = rows
        .iter()
        .map(|r| r["datetime"].as_str().unwrap_or("null"))
        .collect();
    assert_eq!(
        datetimes,
        [
            "2025-11-01T20:05:00+08:00",
            "2025-11-01T11:18:23+08:00",
            "2025-10-31T23:40:00+08:00",
            "2025-10-30T08:00:00Z",
        ]
    );
    assert_eq!(rows[0]["date"], "2025-11-01");

    let hugo = fixtures("hugo").to_string_lossy().into_owned();
    let output = inkstone(&["list", &hugo, "--json"]);
    let text = String::from_utf8_lossy(&output.stdout);
    let draft = text.lines().find(|l| l.contains("草稿")).unwrap();
    let draft: serde_json::Value = serde_json::from_str(draft).unwrap();
    assert_eq!(
        (&draft["datetime"], &draft["draft"]),
        (&serde_json::Value::Null, &serde_json::Value::Bool(true))
    );

    let output = inkstone(&["list", &dir]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .starts_with("2025-11-01 20:05  港島日報  維港夜景"),
        "{text}"
    );
    let output = inkstone(&["list", &hugo]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("[draft] 草稿：未完成的報道"), "{text}");
}

#[test]
fn check_ends_with_what_it_skipped_and_why() {
    let dir = fixtures("").to_string_lossy().into_owned();
    let output = inkstone(&["check", &dir]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        text.lines().last(),
        Some(
            "skipped: 1 files with other extensions, 2 site pages (.html/.htm without \
             front matter), 1 hidden files and folders (names starting with .)"
        ),
        "{text}"
    );
    assert!(text.contains("19 articles loaded"), "{text}");
    assert!(
        text.contains("big5.md: warning: not UTF-8: decoded as Big5"),
        "{text}"
    );
}

#[test]
fn a_missing_path_fails_with_status_2_naming_it() {
    let missing = fixtures("no-such-folder").to_string_lossy().into_owned();
    for command in ["list", "tags", "check"] {
        let output = inkstone(&[command, &missing]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!("{missing}: error: cannot read")),
            "{command}: {stderr}"
        );
        assert!(output.stdout.is_empty(), "{command}");
    }
    // One good path beside a missing one still fails.
    let good = fixtures("hugo").to_string_lossy().into_owned();
    assert_eq!(inkstone(&["list", &good, &missing]).status.code(), Some(2));
}

#[test]
fn exact_duplicates_are_one_row_and_json_names_the_kept_one() {
    let dir = fixtures("duplicates").to_string_lossy().into_owned();
    let output = inkstone(&["list", &dir]);
    let text = String::from_utf8_lossy(&output.stdout);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(rows[0].contains("告別讀者 ×3"), "{text}");
    assert!(!rows[1].contains('×'), "another body is not a copy: {text}");

    let output = inkstone(&["list", &dir, "--json"]);
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 4, "every file");
    let id_of = |file: &str| {
        rows.iter()
            .find(|r| r["path"].as_str().unwrap().ends_with(file))
            .unwrap()
    };
    let kept = id_of("copy-1.md");
    assert!(kept["duplicate_of"].is_null());
    for copy in ["copy-2.md", "copy-3.md"] {
        assert_eq!(id_of(copy)["duplicate_of"], kept["id"], "{copy}");
    }
    assert!(id_of("other-body.md")["duplicate_of"].is_null());
}
