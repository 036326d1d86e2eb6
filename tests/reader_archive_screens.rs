//! Issue 12's reading keys as the screen shows them, at three sizes, over
//! the CJK fixtures of `tests/fixtures/in-archive`: links inside the
//! archive marked `[n↩]` in the text, the list of links and the link
//! picker; a followed link with its way back; backlinks; find in the
//! article with its count and marks; Space at the end of an article; a
//! count prefix; `y`'s message; and the whole help.
//!
//! Snapshots are the screen's text, then one line per row holding marked
//! text: `row 3: [電車]` for a match of the find, `[[電車]]` for the one
//! `n` went to.

mod common;

use std::path::PathBuf;

use common::session::{marked_screen, type_keys, wait_for_body};
use inkstone::app::Options;
use inkstone::tui::Session;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 3] = [(60, 20), (100, 30), (160, 48)];

/// The reader over the fixtures with the links between them resolved and
/// the search index built, as shortly after start-up.
fn session(width: u16, height: u16) -> Session<TestBackend> {
    // Relative to the package (cargo runs tests there), so the file links
    // the link list names read the same on every machine.
    let mut s = common::session::start(
        PathBuf::from("tests/fixtures/in-archive"),
        (width, height),
        Options::default(),
        Some("in-archive"),
    );
    s.tick();
    s.app().search_index().unwrap().wait();
    s.tick();
    assert!(s.app().link_graph().is_some(), "links resolved");
    s.redraw_all().unwrap();
    s
}

/// Types `keys`, waits for an article body they open, and draws a whole
/// new frame (`TestBackend` keeps the right half of a wide character a
/// later frame erased).
fn press(s: &mut Session<TestBackend>, keys: &str) {
    type_keys(s, keys);
    wait_for_body(s);
    s.redraw_all().unwrap();
}

#[test]
fn links_inside_the_archive_marked_followed_and_back() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        // The tram story at its end: the link list, `[1↩]` for the ferry.
        press(&mut s, "\nG");
        let shown = marked_screen(&s);
        assert!(shown.contains("[1↩] https://web.archive.org/"), "{shown}");
        insta::assert_snapshot!(format!("links_marked_{w}x{h}"), shown);
        press(&mut s, "u");
        insta::assert_snapshot!(format!("link_picker_{w}x{h}"), marked_screen(&s));
        press(&mut s, "1");
        let shown = marked_screen(&s);
        assert!(shown.contains("天星小輪的日常"), "{shown}");
        insta::assert_snapshot!(format!("link_followed_{w}x{h}"), shown);
        // Back: the tram story at its end again.
        press(&mut s, "h");
        insta::assert_snapshot!(format!("links_marked_{w}x{h}"), marked_screen(&s));
    }
}

#[test]
fn backlinks() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        // `3j`: the minibus rules, which two articles link to.
        press(&mut s, "3j\nB");
        let shown = marked_screen(&s);
        assert!(shown.contains("Articles linking here 2 / 2"), "{shown}");
        insta::assert_snapshot!(format!("backlinks_{w}x{h}"), shown);
    }
}

#[test]
fn find_in_the_article() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        press(&mut s, "\n/電車");
        let shown = marked_screen(&s);
        assert!(shown.contains("1/10"), "{shown}");
        insta::assert_snapshot!(format!("find_typing_{w}x{h}"), shown);
        press(&mut s, "\nnn");
        let shown = marked_screen(&s);
        assert!(shown.contains("3/10"), "{shown}");
        insta::assert_snapshot!(format!("find_third_{w}x{h}"), shown);
    }
}

#[test]
fn space_at_the_end_opens_the_next_unread() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        press(&mut s, "\nG ");
        let shown = marked_screen(&s);
        assert!(shown.contains("天星小輪的日常：八分鐘的維港"), "{shown}");
        insta::assert_snapshot!(format!("next_unread_{w}x{h}"), shown);
    }
}

#[test]
fn a_count_moves_that_many() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        press(&mut s, "3");
        press(&mut s, "j");
        insta::assert_snapshot!(format!("count_3j_{w}x{h}"), marked_screen(&s));
    }
}

#[test]
fn y_says_what_it_copied() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        press(&mut s, "\ny");
        let shown = marked_screen(&s);
        assert!(
            shown.contains("Copied https://") && shown.contains("tram-120-years (OSC 52)"),
            "{shown}"
        );
        insta::assert_snapshot!(format!("copied_{w}x{h}"), shown);
    }
}

/// Every line of the help at the middle size's width: every key of the
/// keymap, with issue 12's (links, backlinks, find, next unread, counts,
/// sources, timeline, dates, chips, pipe, pager, copy) among them.
#[test]
fn the_whole_help() {
    let s = session(100, 30);
    let guide = s.app().guide();
    let lines: Vec<String> = guide
        .help_lines(96)
        .into_iter()
        .map(|line| match line {
            inkstone::app::HelpLine::Title(title) => title,
            inkstone::app::HelpLine::Entry { keys, description } => {
                format!("{keys}{description}").trim_end().to_owned()
            }
            inkstone::app::HelpLine::Blank => String::new(),
        })
        .collect();
    insta::assert_snapshot!("help_all_96", lines.join("\n"));
}
