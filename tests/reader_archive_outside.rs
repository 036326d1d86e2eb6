//! Issue 12's checks that leave the article, in the built binary in a
//! pseudo-terminal over `tests/fixtures/in-archive` (the archive of
//! `reader_archive_e2e`): narrowing by source and by month, `--since` and
//! `--until`, and piping the article to `wc -c`.

mod common;

use std::path::Path;
use std::time::Duration;

use common::archive::fixtures;
use common::pty::{Pty, isolated};

/// Generous: CI machines are small and busy.
const PATIENCE: Duration = Duration::from_secs(60);

/// The reader over the in-archive fixtures with `args`.
fn start(home: &Path, args: &[&str]) -> Pty {
    let mut cmd = isolated(env!("CARGO_BIN_EXE_inkstone"), home);
    cmd.arg(fixtures("in-archive"));
    cmd.args(args);
    Pty::spawn(cmd, (100, 30)).patience(PATIENCE)
}

#[test]
fn narrowing_the_archive_by_source_and_by_month() {
    let home = tempfile::tempdir().unwrap();
    let mut r = start(home.path(), &[]);
    r.wait_for(&["in-archive  6 articles", "1 / 6"]);
    // The sources view starts on the selected article's source.
    r.send("F");
    r.wait_for(&["Sources  3 sources", "城市", "生活", "社區"]);
    r.send("\r");
    r.wait_for(&["  src:城市", "2 articles listed from 城市"]);
    let screen = r.wait_for(&["叮叮車一百二十年", "天星小輪的日常"]);
    assert!(!screen.contains("街市最後一個早上"), "{screen}");
    r.send("x");
    r.wait_for(&["Removed src:城市: 6 articles listed"]);
    // The timeline starts on the selected article's month; Enter narrows.
    r.send("T");
    r.wait_for(&["Timeline  by month  6 articles", "2024-03"]);
    r.send("\r");
    r.wait_for(&["  2024-03", "4 articles from 2024-03"]);
    let screen = r.wait_for(&["紅色小巴的規矩", "山頂纜車沿線散步"]);
    assert!(!screen.contains("Reading notes"), "{screen}");
    r.send("\x7f");
    r.wait_for(&["Filters cleared"]);
    r.quit_with("q");
}

#[test]
fn since_and_until_narrow_the_archive() {
    let home = tempfile::tempdir().unwrap();
    let mut r = start(home.path(), &["--since", "2019-05-21", "--until", "2019"]);
    let screen = r.wait_for(&["  2019-05-21..2019-12-31", "Reading notes"]);
    assert!(!screen.contains("街市最後一個早上"), "{screen}");
    assert!(!screen.contains("叮叮車"), "{screen}");
    r.quit_with("q");
}

#[test]
fn piping_an_article_to_wc_counts_its_plain_text() {
    let home = tempfile::tempdir().unwrap();
    let piped = home.path().join("piped.txt");
    let mut r = start(home.path(), &[]);
    r.wait_for(&["1 / 6"]);
    r.send("\r");
    r.wait_for(&["叮叮車一百二十年：從筲箕灣到堅尼地城", "第七段"]);
    r.send("|");
    r.wait_for(&["Pipe to: "]);
    r.send(format!("tee '{}' | wc -c\r", piped.display()));
    let screen = r.wait_for(&["press Enter to return to the reader"]);
    let shown: usize = screen
        .lines()
        .find_map(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("no byte count on the screen:\n{screen}"));
    let text = std::fs::read_to_string(&piped).unwrap();
    assert_eq!(text.len(), shown);
    assert!(
        text.contains("叮叮車一百二十年") && text.contains("第七段"),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "{text:?}");
    r.send("\r");
    r.wait_for(&[&format!("bytes to `tee '{}' | wc -c`", piped.display())]);
    r.send("h");
    r.wait_for(&["in-archive  6 articles"]);
    r.quit_with("q");
}
