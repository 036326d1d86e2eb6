//! The built binary in a pseudo-terminal, driven like a person would:
//! keys and mouse in, screen (vt100) and raw bytes out.

use std::path::{Path, PathBuf};
use std::time::Duration;

mod common;
mod reader_e2e {
    mod config;
    mod links;
    mod search;
}
use common::archive::fixtures;
use common::pty::{Pty, isolated};

/// Generous: CI machines are small and busy.
const TIMEOUT: Duration = Duration::from_secs(60);
const ROWS: u16 = 30;
const COLS: u16 = 100;

/// The reader over `archive` with its folders in `home`, `browser` as
/// `$BROWSER` (which finds `record` in `$RECORD_FILE`).
fn start(archive: &Path, home: &Path, browser: &Path, record: &Path) -> Pty {
    start_sized(archive, home, browser, record, (COLS, ROWS))
}

fn start_sized(
    archive: &Path,
    home: &Path,
    browser: &Path,
    record: &Path,
    size: (u16, u16),
) -> Pty {
    let mut cmd = isolated(env!("CARGO_BIN_EXE_inkstone"), home);
    cmd.arg(archive);
    cmd.env("BROWSER", browser);
    cmd.env("RECORD_FILE", record);
    cmd.env_remove("INKSTONE_BROWSER_TERMINAL");
    Pty::spawn(cmd, size).patience(TIMEOUT)
}

/// The reader with a browser that does nothing.
fn start_plain(archive: &Path, home: &Path) -> Pty {
    start_plain_sized(archive, home, (COLS, ROWS))
}

/// [`start_plain`] on a terminal of `size` (columns, rows).
fn start_plain_sized(archive: &Path, home: &Path, size: (u16, u16)) -> Pty {
    start_sized(archive, home, Path::new("/bin/true"), &home.join("x"), size)
}

/// What the stand-in browser recorded, once it has run.
fn wait_for_file(path: &Path) -> String {
    common::wait::for_file(path, TIMEOUT, |_| true)
}

/// A stand-in browser that records the one argument it was given.
fn recording_browser(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let script = dir.join("record-browser");
    std::fs::write(&script, "#!/bin/sh\nprintf '%s' \"$1\" > \"$RECORD_FILE.tmp\" && mv \"$RECORD_FILE.tmp\" \"$RECORD_FILE\"\n")
        .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

#[test]
fn reading_filtering_and_opening_links_in_a_real_terminal() {
    let temp = tempfile::tempdir().unwrap();
    let record = temp.path().join("opened-url");
    let browser = recording_browser(temp.path());
    let archive = fixtures("reader");
    let mut r = start(&archive, temp.path(), &browser, &record);

    r.wait_for(&["reader  7 articles", "AI 翻譯 app", "1 / 7"]);
    r.press("j", &["2 / 7"]);

    // Open the emoji article; J/K move without leaving the view.
    r.press("\r", &["2 / 7  生活", "除夕夜維港兩岸"]);
    r.press("J", &["3 / 7  社会", "渋谷駅周辺"]);
    r.press("K", &["2 / 7  生活"]);

    // `o` hands exactly the article's link to $BROWSER.
    r.send("o");
    assert_eq!(
        wait_for_file(&record),
        "https://news.example.hk/2023/12/31/fireworks"
    );
    r.wait_for(&["Opened https://news.example.hk/2023/12/31/fireworks"]);

    // `1` filters by the article's first tag and returns to the list.
    r.press(
        "1",
        &["1 / 7 articles  all read  #煙花", "1 article with #煙花"],
    );
    r.press("\x7f", &["reader  7 articles", "Filters cleared"]);

    // The tag picker: type, narrow, apply.
    r.press("t", &["Tags 20 / 20"]);
    r.press("港鐵", &["Tags 1 / 20", "> 港鐵"]);
    r.press(
        "\r",
        &["1 / 7 articles  1 unread  #港鐵", "港鐵東鐵線過海段通車"],
    );
    r.press("\x7f", &["Filters cleared"]);

    // Mouse: a click selects a row, a second click opens it.
    r.press("g", &["1 / 7"]);
    r.press("\x1b[<0;5;4M\x1b[<0;5;4m", &["3 / 7"]);
    r.press("\x1b[<0;5;4M\x1b[<0;5;4m", &["渋谷駅周辺"]);
    r.press("\x1b", &["reader  7 articles"]);

    // The hostile article is last.
    r.press("G\r", &["Hostile body", "7 / 7  安全"]);
    r.press("q", &["reader  7 articles"]);
    r.press("?", &["Keys", "next article"]);
    r.send("q");
    r.quit_with("q");

    let wire = r.bytes();
    let contains = |needle: &[u8]| wire.windows(needle.len()).any(|w| w == needle);
    for payload in [
        &b"\x1b]"[..],
        b"\x1b[2J",
        b"\x1bP",
        b"\x07",
        b"\xe2\x80\xae",
        b"\xe2\x80\x8b",
    ] {
        assert!(
            !contains(payload),
            "{:?} reached the terminal",
            String::from_utf8_lossy(payload)
        );
    }
    let leaves = wire.windows(8).filter(|w| w == b"\x1b[?1049l").count();
    assert_eq!(
        leaves, 1,
        "only inkstone's own exit leaves the alternate screen"
    );
    let wire = r.wire();
    assert!(
        !wire.screen.screen().alternate_screen(),
        "the terminal is back to the main screen"
    );
}

/// `inkstone list` with a test's folders, as a script would run it.
fn list_command(home: &Path, args: &[&str]) -> String {
    let mut list = vec!["list"];
    list.extend_from_slice(args);
    let output = common::home::command(home, &list)
        .output()
        .expect("inkstone list runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The first `n` list rows of a screen (below the header).
fn rows(screen: &str, n: usize) -> Vec<String> {
    screen.lines().skip(1).take(n).map(str::to_owned).collect()
}

#[test]
fn marks_survive_quitting_and_a_kill() {
    let temp = tempfile::tempdir().unwrap();
    let home = temp.path();
    let archive = fixtures("reader");
    let start = || start_plain(&archive, home);

    let mut r = start();
    r.wait_for(&["reader  7 articles  7 unread"]);
    r.press("r", &["7 articles  6 unread", "Marked read"]);
    r.press("js", &["Starred"]);
    r.quit_with("q");

    let mut r = start();
    let screen = r.wait_for(&["reader  7 articles  6 unread"]);
    let shown = rows(&screen, 3);
    // The marker column holds both marks (`●★`) since 58b20d8.
    assert!(shown[0].starts_with("   2024-01-10"), "read: {shown:?}");
    assert!(shown[1].starts_with("●★ 2023-12-31"), "starred: {shown:?}");
    assert!(shown[2].starts_with("●  2023-11-20"), "unread: {shown:?}");
    // Scripts see the same marks.
    let archive_arg = archive.to_str().unwrap();
    assert_eq!(
        list_command(home, &[archive_arg, "--unread"])
            .lines()
            .count(),
        6
    );
    assert_eq!(
        list_command(home, &[archive_arg, "--starred"])
            .lines()
            .count(),
        1
    );

    // Marks are saved shortly after each change: a kill a moment later
    // loses nothing.
    // (The files as they were before the change: the save may be done by
    // the time the screen says so. A save while running appends to the
    // journal beside the marks file.)
    let saved = || {
        ["marks.json", "marks.json.journal"]
            .map(|name| std::fs::read(home.join("state/inkstone").join(name)).unwrap_or_default())
    };
    let before = saved();
    r.press("jjr", &["7 articles  5 unread", "Marked read"]);
    common::wait::until(TIMEOUT, "the mark saved", || {
        (saved() != before).then_some(())
    });
    r.kill();
    let _ = r.wait_for_exit(TIMEOUT);

    let mut r = start();
    r.wait_for(&["reader  7 articles  5 unread"]);
    r.quit_with("q");
}

#[test]
fn files_added_and_removed_while_running_show_up() {
    let temp = tempfile::tempdir().unwrap();
    let home = temp.path().join("home");
    let archive = temp.path().join("news");
    std::fs::create_dir_all(&archive).unwrap();
    std::fs::create_dir_all(&home).unwrap();
    let fixtures = fixtures("reader");
    for name in ["mixed.md", "zh-hant.md"] {
        std::fs::copy(fixtures.join(name), archive.join(name)).unwrap();
    }
    let mut r = start_plain(&archive, &home);
    r.wait_for(&["news  2 articles", "港鐵東鐵線過海段通車"]);
    // Select the second article; the selection must stay on it.
    r.press("j", &["2 / 2"]);

    std::fs::copy(fixtures.join("ja.md"), archive.join("ja.md")).unwrap();
    let screen = r.wait_for(&[
        "news  3 articles",
        "東京・渋谷の再開発",
        "Library updated: 1 new",
    ]);
    assert!(
        screen.contains("3 / 3"),
        "the selection followed its article:\n{screen}"
    );

    std::fs::remove_file(archive.join("mixed.md")).unwrap();
    let screen = r.wait_for(&["news  2 articles", "1 removed"]);
    assert!(!screen.contains("AI 翻譯"), "{screen}");
    r.quit_with("q");
}

#[test]
fn below_the_minimum_size_keys_mark_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let archive = fixtures("reader");
    let mut r = start_plain_sized(&archive, temp.path(), (30, 8));
    r.wait_for(&["Terminal too small (30x8);", "press q to quit."]);
    // Mark all read, yes; open, toggle read and star; nothing may happen.
    r.send("Ry\rrs");
    std::thread::sleep(Duration::from_millis(300));
    r.resize(100, 30);
    let screen = r.wait_for(&["reader  7 articles", "1 / 7"]);
    assert!(!screen.contains("all read"), "{screen}");
    assert!(!screen.contains("marked"), "{screen}");
    r.quit_with("q");
    let unread = list_command(temp.path(), &["--unread", archive.to_str().unwrap()]);
    assert_eq!(unread.lines().count(), 7, "{unread}");
}
