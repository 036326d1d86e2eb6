//! Issue 12's reading keys in the built binary in a pseudo-terminal, as a
//! person uses them over `tests/fixtures/in-archive` (six articles linking
//! to each other in every form a site writes its links): a chain of three
//! links inside the archive and back with `h`, Backspace and Left to the
//! very place, backlinks, find in the article, next-unread at the end of an
//! article, count prefixes and paging, and `y` checked in the raw bytes.
//!
//! Every wait is on what the screen shows, with a generous deadline: a
//! loaded machine is slow, never wrong.

mod common;
mod reader_archive_e2e {
    mod moving;
}

use std::path::Path;
use std::time::{Duration, Instant};

use base64::Engine;
use common::archive::fixtures;
use common::pty::{Pty, isolated};

/// Generous: CI machines are small and busy.
const PATIENCE: Duration = Duration::from_secs(60);
const COLS: u16 = 100;
const ROWS: u16 = 30;

const LEFT: &str = "\x1b[D";
const BACKSPACE: &str = "\x7f";

fn start(archive: &Path, home: &Path) -> Pty {
    let mut cmd = isolated(env!("CARGO_BIN_EXE_inkstone"), home);
    cmd.arg(archive);
    Pty::spawn(cmd, (COLS, ROWS)).patience(PATIENCE)
}

/// The reader over the in-archive fixtures, its list drawn.
fn reader(home: &Path) -> Pty {
    let r = start(&fixtures("in-archive"), home);
    r.wait_for(&["in-archive  6 articles", "1 / 6"]);
    r
}

/// The screen's rows as text, trailing blanks cut (cells drawn over with
/// spaces count as blank).
fn rows(r: &Pty) -> Vec<String> {
    let wire = r.wire();
    wire.screen
        .screen()
        .rows(0, COLS)
        .map(|row| row.trim_end().to_owned())
        .collect()
}

/// Waits until the rows satisfy `done`, failing the test after the
/// patience with `what` and the screen; returns the rows.
fn wait_rows(r: &Pty, what: &str, mut done: impl FnMut(&[String]) -> bool) -> Vec<String> {
    let start = Instant::now();
    loop {
        let shown = rows(r);
        if done(&shown) {
            return shown;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "waited for {what}; the screen shows:\n{}",
            shown.join("\n")
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The article view's place in the status line, `first-last / total`.
fn position(rows: &[String]) -> Option<(usize, usize, usize)> {
    let status = rows.last()?;
    let (before, after) = status.rsplit_once(" / ")?;
    let number = |s: &str| s.replace(',', "").parse::<usize>().ok();
    let (first, last) = before.split_whitespace().last()?.split_once('-')?;
    let total = after.split_whitespace().next()?;
    Some((number(first)?, number(last)?, number(total)?))
}

/// Waits until the article view's place satisfies `done` and the frame
/// is whole (the same twice in a row); returns the article as shown: the
/// rows between the header (which shows progress) and the status line.
fn wait_place(r: &Pty, what: &str, done: impl Fn((usize, usize, usize)) -> bool) -> Vec<String> {
    let mut last = Vec::new();
    let shown = wait_rows(r, what, |rows| {
        let settled = rows == last.as_slice();
        last = rows.to_vec();
        settled && position(rows).is_some_and(&done)
    });
    shown[1..shown.len() - 1].to_vec()
}

/// Waits until the article shows `expected` (see `wait_place`).
fn wait_page(r: &Pty, what: &str, expected: &[String]) {
    wait_rows(r, what, |rows| rows[1..rows.len() - 1] == *expected);
}

/// Opens the selected article, the tram story, and waits for its body
/// (keys that scroll before it is there have nothing to scroll).
fn open_tram(r: &mut Pty) {
    r.send("\r");
    r.wait_for(&["叮叮車一百二十年：從筲箕灣到堅尼地城", "第七段"]);
}

#[test]
fn a_chain_of_three_links_and_back_to_each_place() {
    let home = tempfile::tempdir().unwrap();
    let mut r = reader(home.path());
    // The tram story, half a page down: its link to the ferry story (a
    // web.archive.org `id_` wrapper of another slug, percent-encoded, with
    // `www.`) is marked once the links are resolved in the background.
    open_tram(&mut r);
    r.send("\x04");
    r.wait_for(&["天星小輪的日常[1↩]"]);
    let tram = wait_place(&r, "the tram story", |_| true);
    r.send("u");
    r.wait_for(&["[1↩] 天星小輪的日常", "[2]  外部資料"]);
    r.send("1");
    r.wait_for(&[
        "天星小輪的日常：八分鐘的維港",
        "(1 back: h, Backspace or Left)",
    ]);

    // Five lines down the ferry story, then its relative link to a file
    // (`../features/peak.md`).
    r.send("jjjjj");
    let ferry = wait_place(&r, "five lines down", |(first, _, _)| first == 6);
    r.send("u");
    r.wait_for(&["[2↩] 山頂纜車沿線散步"]);
    r.send("2");
    r.wait_for(&["山頂纜車沿線散步", "(2 back: h, Backspace or Left)"]);

    // The bottom of the peak walk, then its link to the minibus rules,
    // whose article has no `url` but `link:` (here with `www.` and a
    // trailing slash).
    r.send("G");
    let peak = wait_place(&r, "the bottom", |(_, last, total)| last == total);
    r.send("u");
    r.wait_for(&["[1↩] 紅色小巴的規矩"]);
    r.send("1");
    r.wait_for(&["紅色小巴的規矩", "(3 back: h, Backspace or Left)"]);

    // Back, three ways, each to the article and the line it was left at.
    r.send("h");
    wait_page(&r, "the peak walk at its bottom", &peak);
    r.send(BACKSPACE);
    wait_page(&r, "the ferry story five lines down", &ferry);
    r.send(LEFT);
    wait_page(&r, "the tram story half a page down", &tram);
    // Nothing further back: the list.
    r.send("h");
    r.wait_for(&["in-archive  6 articles", "1 / 6"]);
    r.send("q");
    assert!(r.wait_for_exit(PATIENCE).success());
}

#[test]
fn backlinks_list_what_links_here_and_open_it() {
    let home = tempfile::tempdir().unwrap();
    let mut r = reader(home.path());
    // `4j`: the fifth article, the reading notes; its links in every form
    // are marked once the links are resolved in the background.
    r.send("4j");
    r.wait_for(&["5 / 6"]);
    r.send("\r");
    r.wait_for(&[
        "街市[1↩]",
        "電車[2↩]",
        "渡輪[3↩]",
        "纜車[4↩]",
        "小巴[5↩]",
        "別處[6]",
    ]);
    // `K`: the article before it, the minibus rules; `B` lists the peak
    // walk and the reading notes, which link here.
    r.send("K");
    r.wait_for(&["紅色小巴的規矩", "4 / 6"]);
    r.send("B");
    r.wait_for(&[
        "Articles linking here 2 / 2",
        "山頂纜車沿線散步",
        "Reading notes 讀書筆記",
    ]);
    r.send("\x0e\r");
    r.wait_for(&["This page links to the other articles", "(1 back"]);
    r.send("h");
    r.wait_for(&["紅色小巴的規矩", "Fares can change with the weather"]);
    r.send("qq");
    assert!(r.wait_for_exit(PATIENCE).success());
}

/// The runs of text drawn on a coloured background (find's marks) in the
/// article's rows.
fn marked(r: &Pty) -> Vec<String> {
    let wire = r.wire();
    let screen = wire.screen.screen();
    let mut runs = Vec::new();
    for row in 1..ROWS - 1 {
        let mut run = String::new();
        for col in 0..COLS {
            let cell = screen.cell(row, col);
            if cell.is_some_and(vt100::Cell::is_wide_continuation) {
                continue;
            }
            match cell.filter(|c| c.bgcolor() != vt100::Color::Default) {
                Some(cell) => run.push_str(cell.contents()),
                None if !run.is_empty() => runs.push(std::mem::take(&mut run)),
                None => {}
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
    }
    runs
}

#[test]
fn find_in_the_article_marks_counts_and_steps_through_matches() {
    let home = tempfile::tempdir().unwrap();
    let mut r = reader(home.path());
    open_tram(&mut r);
    // Typing counts the matches (the tag in the header and nine in the
    // body) and marks every one in view.
    r.send("/電車");
    r.wait_for(&["/電車", "1/10"]);
    let shown = marked(&r);
    assert!(
        shown.len() >= 4 && shown.iter().all(|m| m == "電車"),
        "{shown:?}\n{}",
        r.screen()
    );
    // Enter keeps the find; n and N step, round at the ends.
    r.send("\r");
    r.wait_for(&["1/10"]);
    r.send("n");
    r.wait_for(&["2/10"]);
    r.send("N");
    r.wait_for(&["1/10"]);
    r.send("N");
    r.wait_for(&["10/10", "第十五段。結語"]);
    wait_place(&r, "the last match in view", |(_, last, total)| {
        last == total
    });
    r.send("n");
    r.wait_for(&["1/10"]);
    r.send("qq");
    assert!(r.wait_for_exit(PATIENCE).success());
}

#[test]
fn y_sends_the_link_in_one_osc52_and_nothing_of_the_article() {
    let home = tempfile::tempdir().unwrap();
    let mut r = start(&fixtures("clipboard"), home.path());
    r.wait_for(&["剪貼簿測試：copy the link, only the link", "1 / 1"]);
    // The body tries its own OSC 52, OSC 0, OSC 8 and a C1 OSC.
    r.send("\r");
    r.wait_for(&["正文：只有文章的連結可以複製到剪貼簿"]);
    r.send("y");
    let link = "https://news.example.hk/article/2001/copy-me?ref=rss&x=1";
    r.wait_for(&[&format!("Copied {link} (OSC 52)")]);
    let expected = format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(link)
    );
    let bytes = r.bytes();
    let wire = String::from_utf8_lossy(&bytes);
    assert_eq!(wire.matches(&expected).count(), 1, "{wire:?}");
    // Ours is the only operating-system command and the only bell; the
    // body's payloads never arrive, not even as text.
    assert_eq!(wire.matches("\x1b]").count(), 1, "{wire:?}");
    assert_eq!(wire.matches('\x07').count(), 1, "{wire:?}");
    assert!(
        !wire.contains('\u{9d}') && !wire.contains("\x1bP"),
        "{wire:?}"
    );
    for payload in ["cm0gLXJmIH4=", "ZXZpbA==", "OWNED", "evil.example"] {
        assert!(!wire.contains(payload), "{payload} reached the terminal");
    }
    r.send("qq");
    assert!(r.wait_for_exit(PATIENCE).success());
}
