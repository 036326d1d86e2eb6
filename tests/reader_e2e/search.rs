//! Searching in a real terminal: simplified finds traditional, the first
//! match is selected, and the history is kept across runs.

use std::path::Path;
use std::time::Duration;

use crate::common::archive::fixtures;
use crate::{COLS, start_plain};

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
