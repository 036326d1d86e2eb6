//! Search in the reader as a person sees it: the prompt, the narrowed list
//! with matches marked, the article with its matches and `n` / `N`, the
//! sort in the header (fixtures: tests/fixtures/search-reader).
//!
//! Snapshots are the screen's text, then one line per row holding marked
//! text: `row 3: [臺灣]` for a match, `[[臺灣]]` for the one `n` went to.

use crossterm::event::Event;
use inkstone::app::{Context, Options};
use inkstone::tui::Session;
use ratatui::backend::TestBackend;

mod common;
use common::archive::fixtures;
use common::session::{marked_screen as screen, type_keys};

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

fn session(width: u16, height: u16) -> Session<TestBackend> {
    let mut session = common::session::start(
        fixtures("search-reader"),
        (width, height),
        Options::default(),
        Some("search-fixtures"),
    );
    // What the event loop does: the first tick starts the index; wait for
    // it so the screen does not depend on timing.
    session.tick();
    session.app().search_index().unwrap().wait();
    session.tick();
    session.redraw_all().unwrap();
    session
}

fn press(session: &mut Session<TestBackend>, keys: &str) {
    type_keys(session, keys);
    // A whole new frame: `TestBackend` is not a terminal, so the second
    // half of a wide character that a later frame erased would linger.
    session.redraw_all().unwrap();
}

#[test]
fn typing_a_search_narrows_the_list_and_marks_titles() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        press(&mut s, "/台");
        insta::assert_snapshot!(format!("search_typing_1_{w}x{h}"), screen(&s));
        press(&mut s, "湾");
        assert_eq!(s.app().context(), Context::Search);
        insta::assert_snapshot!(format!("search_typing_2_{w}x{h}"), screen(&s));
        press(&mut s, "\n");
        insta::assert_snapshot!(format!("search_kept_{w}x{h}"), screen(&s));
    }
}

#[test]
fn the_article_marks_matches_and_n_steps_through_them() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        press(&mut s, "/台湾\n\n");
        insta::assert_snapshot!(format!("search_detail_{w}x{h}"), screen(&s));
        // Opening showed match 1: two more `n` go to the third.
        press(&mut s, "nn");
        insta::assert_snapshot!(format!("search_detail_n3_{w}x{h}"), screen(&s));
        press(&mut s, "N");
        let shown = screen(&s);
        assert!(shown.contains("match 2/"), "{shown}");
    }
}

#[test]
fn nothing_matches_and_esc_restores() {
    let mut s = session(80, 24);
    press(&mut s, "jj/熊本x");
    insta::assert_snapshot!("search_no_match_80x24", screen(&s));
    press(&mut s, "\u{1b}");
    let shown = screen(&s);
    assert!(
        shown.starts_with("search-fixtures  6 articles  6 unread\n"),
        "{shown}"
    );
    assert!(shown.contains("3 / 6"), "the selection is back: {shown}");
}

#[test]
fn sort_order_shows_in_the_header() {
    let mut s = session(80, 24);
    press(&mut s, "SS");
    insta::assert_snapshot!("search_sorted_by_title_80x24", screen(&s));
    press(&mut s, "/taiwan\n");
    let shown = screen(&s);
    assert!(
        shown.starts_with("search-fixtures  1 / 6 articles  1 unread  /taiwan  sorted by title\n"),
        "{shown}"
    );
}

#[test]
fn pasted_text_goes_into_the_prompt() {
    let mut s = session(80, 24);
    press(&mut s, "/");
    s.handle_event(&Event::Paste("习近平\r\n".into()));
    s.redraw_all().unwrap();
    let shown = screen(&s);
    assert!(
        shown.contains("1 / 6 articles  1 unread  /习近平"),
        "{shown}"
    );
    assert!(shown.contains("[臺灣]海峽情勢升溫　[習近平]") || shown.contains("[習近平]"));
}

fn ctrl(session: &mut Session<TestBackend>, c: char) {
    common::session::type_ctrl(session, c);
    session.redraw_all().unwrap();
}

#[test]
fn a_new_query_starts_on_its_first_match_with_titles_and_tags_marked() {
    for (w, h) in [(80, 24), (40, 12), (120, 30)] {
        let mut s = session(w, h);
        press(&mut s, "/台湾");
        ctrl(&mut s, 'n');
        ctrl(&mut s, 'n');
        assert!(screen(&s).contains("3 / 3"), "{}", screen(&s));
        // Ctrl-u and a new query: the cursor on its first match.
        ctrl(&mut s, 'u');
        press(&mut s, "臺灣");
        let shown = screen(&s);
        assert!(shown.contains("1 / 3"), "{shown}");
        insta::assert_snapshot!(format!("search_new_query_first_match_{w}x{h}"), shown);
        // Kept, then `/` again: the old query, to edit.
        press(&mut s, "\n/");
        insta::assert_snapshot!(format!("search_reopened_{w}x{h}"), screen(&s));
    }
}
