//! The built binary in a pseudo-terminal, driven like a person would:
//! keys and mouse in, screen (vt100) and raw bytes out.

use std::path::{Path, PathBuf};
use std::time::Duration;

mod common;
use common::archive::{fixtures, write};
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
    start(archive, home, Path::new("/bin/true"), &home.join("x"))
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

#[test]
fn a_bad_keymap_is_refused_before_the_terminal_is_touched() {
    let temp = tempfile::tempdir().unwrap();
    write(
        &temp.path().join("config/inkstone/keymap.yaml"),
        "list:\n  j: move_down\n  x: fly_away\n",
    );
    let archive = fixtures("reader");
    let mut r = start_plain(&archive, temp.path());
    let status = r.wait_for_exit(TIMEOUT);
    assert_eq!(status.exit_code(), 2);
    r.wait_for(&["keymap.yaml: line 3: unknown action `fly_away`"]);
    assert!(!r.bytes().windows(8).any(|w| w == b"\x1b[?1049h"));
}

/// The reader refuses bad `keys:` in config.yaml with the message
/// `inkstone config` prints (`cli_state::config_runs_the_readers_checks_of_keys`).
#[test]
fn bad_config_keys_are_refused_with_the_config_commands_message() {
    let temp = tempfile::tempdir().unwrap();
    write(
        &temp.path().join("config/inkstone/config.yaml"),
        "mouse: true\nkeys:\n  lst:\n    j: quit\n",
    );
    let archive = fixtures("reader");
    // Wide, so the message (after a long temporary path) is on one row.
    let mut r = start_sized(
        &archive,
        temp.path(),
        Path::new("/bin/true"),
        &temp.path().join("x"),
        (400, 24),
    );
    let status = r.wait_for_exit(TIMEOUT);
    assert_eq!(status.exit_code(), 2);
    r.wait_for(&[
        "config.yaml:4: keys.lst.j: unknown section `lst` (known: global, list, detail, picker, help, search, sources, timeline, prompt)",
    ]);
    assert!(!r.bytes().windows(8).any(|w| w == b"\x1b[?1049h"));
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
    // (The file as it was before the change: the save may be done by the
    // time the screen says so.)
    let marks_file = home.join("state/inkstone/marks.json");
    let before = std::fs::read_to_string(&marks_file).unwrap_or_default();
    r.press("jjr", &["7 articles  5 unread", "Marked read"]);
    common::wait::for_file(&marks_file, TIMEOUT, |now| now != before);
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
fn searching_in_simplified_finds_the_traditional_article() {
    let temp = tempfile::tempdir().unwrap();
    let archive = fixtures("search-reader");
    let mut r = start_plain(&archive, temp.path());
    r.wait_for(&["search-reader  6 articles", "1 / 6"]);

    // Typed as UTF-8 bytes, as an input method hands them over.
    r.press("/", &["Enter keep  Esc cancel"]);
    r.send("习近平");
    let screen = r.wait_for(&[
        "search-reader  1 / 6 articles  1 unread  /习近平",
        "臺灣海峽情勢升溫",
    ]);
    assert!(!screen.contains("台湾旅游业"), "{screen}");
    // The match is marked in the title: 習近平 on a yellow background.
    {
        let wire = r.wire();
        let screen = wire.screen.screen();
        let row = 1;
        let marked: String = (0..COLS)
            .filter_map(|col| screen.cell(row, col))
            .filter(|cell| cell.bgcolor() == vt100::Color::Idx(11))
            .map(|cell| cell.contents().to_owned())
            .collect();
        assert_eq!(marked, "習近平");
    }
    r.press("\r", &["1 article with /习近平"]);

    // In the article, `n` goes to the matches.
    r.press("\r", &["國家主席習近平周日"]);
    // Opened from the search, the article shows its first match.
    r.wait_for(&["match 1/"]);
    r.press("n", &["match 2/"]);
    r.press(
        "\x1b",
        &["search-reader  1 / 6 articles  all read  /习近平"],
    );

    // Backspace clears the search like any filter.
    r.press("\x7f", &["search-reader  6 articles", "Filters cleared"]);

    // Esc while typing brings the list back as it was.
    r.press("/台湾", &["search-reader  3 / 6 articles  2 unread  /台湾"]);
    r.press("\x1b", &["search-reader  6 articles", "Enter open"]);

    // Pasted text (bracketed paste) is typed into the prompt.
    r.press("/", &["Enter keep  Esc cancel"]);
    r.press(
        "\x1b[200~熊本\x1b[201~",
        &["search-reader  1 / 6 articles  1 unread  /熊本"],
    );
    r.press("\r", &["1 article with /熊本"]);
    r.press("\x7f", &["Filters cleared"]);

    // `S` sorts; the header says how.
    r.press(
        "S",
        &["search-reader  6 articles  5 unread  sorted oldest first"],
    );
    r.quit_with("q");
}

#[test]
fn config_yaml_sets_keys_dates_and_mouse() {
    let temp = tempfile::tempdir().unwrap();
    write(
        &temp.path().join("config/inkstone/config.yaml"),
        "date_format: \"%d %b %Y\"\nmouse: false\ntheme: mono\nkeys:\n  list:\n    x: toggle_star\n",
    );
    let archive = fixtures("reader");
    let mut r = start_plain(&archive, temp.path());
    r.wait_for(&["reader  7 articles", "10 Jan 2024", "31 Dec 2023"]);
    r.press("x", &["Starred", "★ 10 Jan 2024"]);
    r.quit_with("q");
    let wire = r.bytes();
    let contains = |needle: &[u8]| wire.windows(needle.len()).any(|w| w == needle);
    assert!(!contains(b"\x1b[?1000h"), "mouse capture stays off");
    assert!(contains(b"\x1b[?1049h"), "the reader did run");
}

#[test]
fn a_bad_config_names_file_line_and_key_before_the_terminal_is_touched() {
    let temp = tempfile::tempdir().unwrap();
    write(
        &temp.path().join("config/inkstone/config.yaml"),
        "theme: default\nkeys:\n  list:\n    j: fly_away\n",
    );
    let archive = fixtures("reader");
    let mut r = start_plain(&archive, temp.path());
    assert_eq!(r.wait_for_exit(TIMEOUT).exit_code(), 2);
    r.wait_for(&["config.yaml:4: keys.list.j: unknown action `fly_away`"]);
    assert!(!r.bytes().windows(8).any(|w| w == b"\x1b[?1049h"));
}

#[test]
fn below_the_minimum_size_keys_mark_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let archive = fixtures("reader");
    let mut r = start_sized(
        &archive,
        temp.path(),
        Path::new("/bin/true"),
        &temp.path().join("x"),
        (30, 8),
    );
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

#[test]
fn a_failing_browser_is_reported_with_its_status_and_reason() {
    use std::os::unix::fs::PermissionsExt;
    let temp = tempfile::tempdir().unwrap();
    let browser = temp.path().join("fail-browser");
    std::fs::write(
        &browser,
        "#!/bin/sh\necho 'cannot reach display' >&2\nexit 3\n",
    )
    .unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let archive = fixtures("reader");
    let mut r = start(&archive, temp.path(), &browser, &temp.path().join("x"));
    r.wait_for(&["reader  7 articles"]);
    r.send("\ro");
    let screen = r.wait_for(&[
        "Could not open the link (fail-browser exited with status 3: cannot reach display)",
    ]);
    assert!(!screen.contains("Opened"), "{screen}");
    r.quit_with("qq");
}

#[test]
fn link_picker_digits_open_that_link_and_space_does_not() {
    let temp = tempfile::tempdir().unwrap();
    let record = temp.path().join("opened-url");
    let browser = recording_browser(temp.path());
    let archive = fixtures("links");
    let mut r = start(&archive, temp.path(), &browser, &record);
    r.wait_for(&["links  1 article"]);
    r.send("\r");
    // The body (and so its links) may load after the header shows.
    r.wait_for(&["立法會選舉連結整理", "選舉相關的報道整理如下"]);
    r.press("u", &["Links 12 / 12", "0-9 number"]);
    // Space and Tab neither open nor close.
    r.send(" \t");
    std::thread::sleep(Duration::from_millis(300));
    r.wait_for(&["Links 12 / 12"]);
    assert!(!record.exists(), "Space or Tab opened a link");
    // `1` could start 10, 11 or 12: it waits; `2` makes 12.
    r.press("1", &["Links 4 / 12"]);
    r.send("2");
    assert_eq!(
        wait_for_file(&record),
        "https://www.example.hk/guide/%E6%8C%87%E5%BC%95.pdf"
    );
    std::fs::remove_file(&record).unwrap();
    r.send("u5");
    assert_eq!(
        wait_for_file(&record),
        "https://web.archive.org/web/20220519053245if_/https://www.example.hk/news/2022/05/%E9%BB%9E%E7%A5%A8%E5%AE%89%E6%8E%92"
    );
    r.quit_with("qq");
}

#[test]
fn picker_space_types_and_tab_marks() {
    let temp = tempfile::tempdir().unwrap();
    let archive = fixtures("reader");
    let mut r = start_plain(&archive, temp.path());
    r.wait_for(&["reader  7 articles"]);
    r.press("t", &["Tags 20 / 20"]);
    r.send("港 鐵");
    let screen = r.wait_for(&["> 港 鐵"]);
    assert!(!screen.contains("marked"), "{screen}");
    r.press("\x15港鐵", &["Tags 1 / 20", "> 港鐵"]);
    r.press("\t", &["1 marked"]);
    r.send("\x1b");
    std::thread::sleep(Duration::from_millis(200));
    r.quit_with("q");
}

#[test]
fn a_link_with_a_name_before_at_shows_its_host_and_asks_first() {
    let temp = tempfile::tempdir().unwrap();
    let record = temp.path().join("opened-url");
    let browser = recording_browser(temp.path());
    let mut r = start(&fixtures("userinfo"), temp.path(), &browser, &record);
    r.wait_for(&["userinfo  1 article"]);
    r.press("\r", &["銀行通知", "官方網站"]);
    // `o`: a question naming the real host; `n` opens nothing.
    r.press(
        "o",
        &["This link goes to evil.example, not bank.example.hk", "y/n"],
    );
    r.press("n", &["Not opened"]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(!record.exists(), "n opened the link");
    // The link list says where each link goes.
    r.send("u");
    let screen = r.wait_for(&["Links 2 / 2", "goes to evil.example"]);
    assert_eq!(
        screen.matches("goes to evil.example").count(),
        1,
        "only the link with a name before @: {screen}"
    );
    // A digit asks too; `y` opens exactly that link.
    r.press(
        "1",
        &["This link goes to evil.example, not bank.example.hk:pw"],
    );
    r.send("y");
    assert_eq!(
        wait_for_file(&record),
        "https://bank.example.hk:pw@evil.example/a"
    );
    r.quit_with("qq");
}

#[test]
fn search_starts_on_the_first_match_and_keeps_a_history_across_runs() {
    let temp = tempfile::tempdir().unwrap();
    let archive = fixtures("search-reader");
    let start = |home: &Path| start_plain(&archive, home);
    let mut r = start(temp.path());
    r.wait_for(&["search-reader  6 articles", "1 / 6"]);
    // Down to the third match, then a new query: its first match.
    r.press("/台湾", &["1 / 3"]);
    r.press("\x0e\x0e", &["3 / 3"]);
    r.press("\x15台", &["/台 ", "1 / 4"]);
    r.press("\x15台湾\r", &["3 articles with /台湾"]);
    // `/` again starts from the kept query.
    r.press("/", &["/台湾 "]);
    r.press("\x15taiwan\r", &["1 article with /taiwan"]);
    r.quit_with("q");
    let saved = std::fs::read_to_string(temp.path().join("state/inkstone/search-history.txt"))
        .expect("the history is saved beside the marks");
    assert_eq!(saved, "台湾\ntaiwan\n");

    // The next run: Up walks back through the kept searches.
    let mut r = start(temp.path());
    r.wait_for(&["search-reader  6 articles"]);
    r.send("/");
    r.press("\x1b[A", &["/taiwan ", "1 / 1"]);
    r.press("\x1b[A", &["/台湾 ", "1 / 3"]);
    r.press("\x1b[B\x1b[B", &["1 / 6"]);
    r.send("\x1b");
    std::thread::sleep(Duration::from_millis(200));
    r.quit_with("q");
}
