//! Moving through the archive and the article: Space at an article's end
//! and Tab open the next unread, count prefixes move the selection, and the
//! half-page and page keys scroll.

use crate::{PATIENCE, ROWS, open_tram, reader, wait_place};

#[test]
fn space_at_the_end_opens_the_next_unread_and_tab_from_anywhere() {
    let home = tempfile::tempdir().unwrap();
    let mut r = reader(home.path());
    // The ferry story (second) is read already.
    r.send("jr");
    r.wait_for(&["6 articles  5 unread"]);
    r.send("g");
    r.wait_for(&["1 / 6"]);
    open_tram(&mut r);
    // Space pages down while there is more to read.
    r.send(" ");
    wait_place(&r, "a page down", |(first, _, _)| first > 1);
    r.wait_for(&["1 / 6"]);
    // At the end it opens the next unread article: the peak walk, past the
    // ferry story.
    r.send("G");
    wait_place(&r, "the bottom", |(_, last, total)| last == total);
    r.send(" ");
    r.wait_for(&["山頂纜車沿線散步", "3 / 6"]);
    // Tab goes to the next unread from the article view and from the list.
    r.send("\t");
    r.wait_for(&["紅色小巴的規矩", "4 / 6"]);
    r.send("q");
    r.wait_for(&["in-archive  6 articles  2 unread", "4 / 6"]);
    r.send("\t");
    r.wait_for(&["This page links to the other articles", "5 / 6"]);
    r.send("\t");
    r.wait_for(&["街市最後一個早上", "6 / 6"]);
    r.send("\t");
    r.wait_for(&["No unread article left"]);
    r.send("qq");
    assert!(r.wait_for_exit(PATIENCE).success());
}

#[test]
fn counts_and_paging_keys() {
    let home = tempfile::tempdir().unwrap();
    let mut r = reader(home.path());
    r.send("3j");
    r.wait_for(&["4 / 6"]);
    r.send("2k");
    r.wait_for(&["2 / 6"]);
    r.send("5G");
    r.wait_for(&["5 / 6"]);
    // More than there are: the last.
    r.send("10G");
    r.wait_for(&["6 / 6"]);
    r.send("g");
    r.wait_for(&["1 / 6"]);
    open_tram(&mut r);
    let rows = usize::from(ROWS) - 2;
    // Ctrl-d / Ctrl-u half a page, Ctrl-f / Ctrl-b a page.
    r.send("\x04");
    wait_place(&r, "half a page down", |(first, _, _)| {
        first == 1 + rows / 2
    });
    r.send("\x15");
    wait_place(&r, "half a page up", |(first, _, _)| first == 1);
    r.send("\x06");
    wait_place(&r, "a page down", |(first, last, total)| {
        first > 1 + rows / 2 && (last == total || first >= rows)
    });
    r.send("\x02");
    wait_place(&r, "a page up", |(first, _, _)| first == 1);
    r.send("qq");
    assert!(r.wait_for_exit(PATIENCE).success());
}
