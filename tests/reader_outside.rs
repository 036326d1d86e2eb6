//! The built binary in a pseudo-terminal: narrowing by source and by month,
//! `--since`/`--until`, piping the article to `wc -c`, `$PAGER`, and the
//! link copied with OSC 52 (checked in the raw byte stream).

use std::path::Path;
use std::time::Duration;

use base64::Engine;

mod common;
use common::archive::fixtures;
use common::pty::{Pty, isolated};

/// Generous: CI machines are small and busy.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The reader over the `reader` fixtures with `args`, its folders in
/// `home`, no `$PAGER` unless `env` gives one.
fn start(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Pty {
    let mut cmd = isolated(env!("CARGO_BIN_EXE_inkstone"), home);
    cmd.arg(fixtures("reader"));
    cmd.args(args);
    cmd.env_remove("PAGER");
    for (name, value) in env {
        cmd.env(name, value);
    }
    Pty::spawn(cmd, (100, 30)).patience(TIMEOUT)
}

#[test]
fn narrowing_by_source_and_by_month() {
    let home = tempfile::tempdir().unwrap();
    let mut r = start(home.path(), &[], &[]);
    r.wait_for(&["reader  7 articles", "1 / 7"]);
    // The sources view starts on the selected article's source (Tech).
    r.send("F");
    r.wait_for(&["Sources  7 sources, by count", "Tech", "港聞", "1 unread"]);
    r.send("S");
    r.wait_for(&["Sources sorted by name"]);
    r.send("\r");
    r.wait_for(&["1 / 7 articles", "  src:Tech", "1 article listed from Tech"]);
    r.send("x");
    r.wait_for(&["Removed src:Tech: 7 articles listed"]);
    // The timeline starts on the selected article's month; Enter narrows.
    r.send("T");
    r.wait_for(&["Timeline  by month  7 articles", "2024-01", "49 / 49"]);
    r.send("k\r");
    r.wait_for(&["1 / 7 articles", "  2023-12"]);
    r.send("Tj\r");
    r.wait_for(&["1 / 7 articles", "  2024-01", "1 article from 2024-01"]);
    r.send("\x7f");
    r.wait_for(&["Filters cleared"]);
    r.quit_with("q");
}

#[test]
fn since_and_until_narrow_the_reader_and_bad_dates_are_refused() {
    let home = tempfile::tempdir().unwrap();
    let mut r = start(home.path(), &["--since", "2023", "--until", "2023-12"], &[]);
    r.wait_for(&["3 / 7 articles", "  2023-01-01..2023-12-31"]);
    r.quit_with("q");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_inkstone"))
        .args(["list", "--since", "2023-02-30"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(
        error.contains("'2023-02-30' is not a day of the calendar"),
        "{error}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_inkstone"))
        .args(["list", "--since", "2024", "--until", "2023"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(
        error.contains("--since 2024-01-01 is after --until 2023-12-31"),
        "{error}"
    );
}

#[test]
fn list_and_tags_take_since_and_until() {
    let archive = fixtures("reader");
    let home = common::home::Home::new();
    let run = |args: &[&str]| {
        let out = home.command(args).arg(&archive).output().unwrap();
        assert!(out.status.success(), "{}", common::home::stderr(&out));
        common::home::stdout(&out)
    };
    let listed = run(&["list", "--since", "2023-11", "--until", "2023-12-31"]);
    assert_eq!(listed.lines().count(), 2, "{listed}");
    assert!(
        listed.contains("2023-12-31") && listed.contains("2023-11-20"),
        "{listed}"
    );
    let tags = run(&["tags", "--until", "2020-01-01"]);
    assert!(tags.contains("安全"), "{tags}");
    assert!(!tags.contains("香港"), "{tags}");
}

#[test]
fn piping_to_wc_and_paging_show_the_article_as_plain_text() {
    let home = tempfile::tempdir().unwrap();
    let paged = home.path().join("paged.txt");
    let pager_command = format!("cat > '{}'", paged.display());
    let mut r = start(home.path(), &[], &[("PAGER", &pager_command)]);
    r.wait_for(&["1 / 7"]);
    r.send("|");
    r.wait_for(&["Pipe to: "]);
    r.send("wc -c\r");
    let screen = r.wait_for(&["press Enter to return to the reader"]);
    let shown: usize = screen
        .lines()
        .find_map(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("no byte count on the screen:\n{screen}"));
    assert!(shown > 200, "{shown}");
    r.send("\r");
    let with_commas = format!("{},{:03}", shown / 1000, shown % 1000);
    assert!((1000..1_000_000).contains(&shown), "{shown}");
    r.wait_for(&[&format!("Piped {with_commas} bytes to `wc -c`"), "1 / 7"]);

    // The command is in the history for next time (and in the state folder).
    r.send("|");
    r.wait_for(&["Pipe to: "]);
    r.send("\x1b[A");
    r.wait_for(&["Pipe to: wc -c"]);
    r.send("\x1b");
    r.wait_gone("Pipe to:");
    let history = std::fs::read_to_string(home.path().join("state/inkstone/pipe-history")).unwrap();
    assert_eq!(history, "wc -c\n");

    // `P` pages the same text: the title, the body, no escape sequences.
    r.send("P");
    r.wait_for(&["the pager"]);
    let text = std::fs::read_to_string(&paged).unwrap();
    assert_eq!(text.len(), shown);
    assert!(text.contains("AI 翻譯 app"), "{text}");
    assert!(!text.contains('\x1b'), "{text}");
    r.quit_with("q");
}

#[test]
fn y_copies_the_link_with_osc52_and_nothing_else() {
    let home = tempfile::tempdir().unwrap();
    let mut r = start(home.path(), &[], &[]);
    r.wait_for(&["1 / 7"]);
    r.send("y");
    r.wait_for(&["Copied https://tech.example.hk/2024/01/10/cantonese-subtitles"]);
    let link = "https://tech.example.hk/2024/01/10/cantonese-subtitles";
    let expected = format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(link)
    );
    let bytes = r.bytes();
    let wire = String::from_utf8_lossy(&bytes);
    assert_eq!(wire.matches("\x1b]52;").count(), 1, "one OSC 52");
    assert!(wire.contains(&expected), "{wire:?}");
    r.quit_with("q");
}
