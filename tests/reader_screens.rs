//! What the reader shows, as text, at several sizes, with CJK, mixed and
//! emoji fixtures (tests/fixtures/reader).

use std::path::PathBuf;

use crossterm::event::Event;
use inkstone::app::Options;
use inkstone::tui::Session;
use ratatui::backend::TestBackend;

mod common;
mod reader_screens {
    mod drawing;
    mod fitting;
}
use common::archive::fixtures;
use common::session::{press, screen, wait_for_body};

const SIZES: [(u16, u16); 3] = [(40, 12), (80, 24), (120, 40)];

fn session(width: u16, height: u16, monochrome: bool) -> Session<TestBackend> {
    session_named(width, height, monochrome, "reader-fixtures")
}

fn session_named(width: u16, height: u16, monochrome: bool, name: &str) -> Session<TestBackend> {
    session_of(fixtures("reader"), width, height, monochrome, name)
}

fn session_of(
    folder: PathBuf,
    width: u16,
    height: u16,
    monochrome: bool,
    name: &str,
) -> Session<TestBackend> {
    let options = Options {
        monochrome,
        ..Options::default()
    };
    common::session::start(folder, (width, height), options, Some(name))
}

#[test]
fn list_view() {
    for (w, h) in SIZES {
        let s = session(w, h, false);
        insta::assert_snapshot!(format!("list_{w}x{h}"), screen(&s));
    }
}

#[test]
fn detail_view() {
    for (w, h) in SIZES {
        let mut s = session(w, h, false);
        press(&mut s, "jjjj\n"); // the Traditional Chinese article
        insta::assert_snapshot!(format!("detail_zh_hant_{w}x{h}"), screen(&s));
    }
    for (name, moves) in [("emoji", "j"), ("ja", "jj"), ("mixed", ""), ("ko", "jjjjj")] {
        let mut s = session(80, 24, false);
        press(&mut s, &format!("{moves}\n"));
        insta::assert_snapshot!(format!("detail_{name}_80x24"), screen(&s));
    }
}

#[test]
fn tag_picker() {
    for (w, h) in SIZES {
        let mut s = session(w, h, false);
        press(&mut s, "t");
        insta::assert_snapshot!(format!("tag_picker_{w}x{h}"), screen(&s));
    }
    let mut s = session(80, 24, false);
    press(&mut s, "t香");
    insta::assert_snapshot!("tag_picker_query_80x24", screen(&s));
    press(&mut s, "\n");
    insta::assert_snapshot!("list_filtered_80x24", screen(&s));
}

#[test]
fn help_view() {
    for (w, h) in SIZES {
        let mut s = session(w, h, false);
        press(&mut s, "?");
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen(&s));
    }
}

#[test]
fn too_small_and_resizes() {
    let mut s = session(39, 12, false);
    assert_eq!(
        screen(&s).lines().take(3).collect::<Vec<_>>(),
        [
            "Terminal too small (39x12); inkstone",
            "needs 40x12. Enlarge it, or press q to",
            "quit."
        ]
    );
    for (w, h) in [(120, 40), (40, 12), (300, 100), (41, 13), (20, 5), (80, 24)] {
        s.terminal_mut().backend_mut().resize(w, h);
        s.handle_event(&Event::Resize(w, h));
        s.draw().unwrap();
        let buffer = s.terminal().backend().buffer();
        assert_eq!((buffer.area.width, buffer.area.height), (w, h));
        press(&mut s, "\n");
        press(&mut s, "\u{1b}");
    }
    assert!(screen(&s).starts_with("reader-fixtures  7 articles"));
}

#[test]
fn the_too_small_notice_fits_at_any_size() {
    for (w, h) in [(30, 8), (12, 3)] {
        let s = session(w, h, false);
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), screen(&s));
    }
    let mut s = session(30, 8, false);
    for w in 5..40 {
        for h in 1..12 {
            s.terminal_mut().backend_mut().resize(w, h);
            s.handle_event(&Event::Resize(w, h));
            s.draw().unwrap();
            let text = screen(&s);
            assert!(text.contains("40x12"), "{w}x{h}:\n{text}");
            assert!(!text.contains('…'), "{w}x{h}:\n{text}");
        }
    }
}

/// The screen redrawn from scratch: a test backend keeps cells a real
/// terminal clears (the right half of a wide character drawn over).
fn fresh_screen(session: &mut Session<TestBackend>) -> String {
    session.redraw_all().unwrap();
    screen(session)
}

#[test]
fn list_with_read_unread_and_starred_rows() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut s = session(w, h, false);
        // First read; second starred; third read and starred; rest unread.
        press(&mut s, "rjsjrsjj");
        insta::assert_snapshot!(format!("list_marks_{w}x{h}"), fresh_screen(&mut s));
        let buffer = s.terminal().backend().buffer();
        let bold_in_row = |y: u16| {
            (0..w).any(|x| {
                buffer[(x, y)]
                    .modifier
                    .contains(ratatui::style::Modifier::BOLD)
            })
        };
        assert!(!bold_in_row(1), "a read article is plain");
        assert!(bold_in_row(4), "an unread article stands out");
    }
    let mut s = session(80, 24, false);
    press(&mut s, "s\n");
    assert!(screen(&s).starts_with("reader-fixtures  1 / 7  Tech  ★ starred\n"));
    press(&mut s, "r");
    assert!(screen(&s).starts_with("reader-fixtures  1 / 7  Tech  ★ starred  unread\n"));
}

#[test]
fn views_and_the_mark_all_question() {
    let mut s = session(80, 24, false);
    press(&mut s, "rjsjr");
    press(&mut s, "v");
    insta::assert_snapshot!("list_unread_view_80x24", fresh_screen(&mut s));
    press(&mut s, "v");
    insta::assert_snapshot!("list_starred_view_80x24", fresh_screen(&mut s));
    press(&mut s, "vR");
    insta::assert_snapshot!("list_mark_all_question_80x24", fresh_screen(&mut s));
    press(&mut s, "y");
    assert!(fresh_screen(&mut s).contains("reader-fixtures  7 articles  all read"));
    press(&mut s, "v");
    insta::assert_snapshot!("list_unread_view_empty_80x24", fresh_screen(&mut s));
}

#[test]
fn a_folder_called_articles_is_not_named_twice() {
    let s = session_named(80, 24, false, "articles");
    let header = screen(&s).lines().next().unwrap().to_owned();
    assert_eq!(header, "7 articles  7 unread");
}

#[test]
fn a_starred_unread_article_shows_both_marks() {
    for (w, h) in [(40, 12), (80, 24)] {
        let mut s = session(w, h, false);
        press(&mut s, "s");
        let text = screen(&s);
        let row = text.lines().nth(1).unwrap();
        assert!(row.starts_with("●★ 2024-01-10"), "{w}x{h}: {row}");
        let next = text.lines().nth(2).unwrap();
        assert!(next.starts_with("●  2023-12-31"), "{w}x{h}: {next}");
    }
}

fn link_picker(w: u16, h: u16) -> Session<TestBackend> {
    let folder = fixtures("links");
    let mut s = session_of(folder, w, h, false, "links");
    press(&mut s, "\n");
    // The body may load on a worker: wait for it before asking for links.
    wait_for_body(&mut s);
    press(&mut s, "u");
    s
}

#[test]
fn the_link_picker_uses_the_screen_and_shows_text_and_readable_addresses() {
    for (w, h) in [(40, 12), (80, 24), (120, 40), (200, 60)] {
        let s = link_picker(w, h);
        let text = screen(&s);
        insta::assert_snapshot!(format!("link_picker_{w}x{h}"), text);
        let top = text.lines().find(|l| l.contains("Links 12 / 12")).unwrap();
        assert!(
            width_of(top) >= usize::from(w) - 2,
            "{w}x{h}: the box takes the screen\n{text}"
        );
        assert!(!text.contains("%E8"), "decoded:\n{text}");
        assert!(
            !text.contains("mark"),
            "no marking in the link picker:\n{text}"
        );
        if w >= 80 {
            let row = text.lines().find(|l| l.contains("[3] ")).unwrap();
            assert!(row.contains(" 華盛頓為何取消  https://web.arch"), "{text}");
            // Long addresses are cut in the middle: their end stays.
            assert_eq!(row.contains('…'), w < 200, "{row}");
            assert!(
                row.trim_end_matches([' ', '│'])
                    .ends_with("/news/2022/05/華盛頓為何取消"),
                "{row}"
            );
            assert!(
                text.contains(" 選舉指引  https://www.example.hk/guide/指引.pdf"),
                "{text}"
            );
            assert!(text.contains("[11] https://fb.com/34dot "), "{text}");
        }
    }
}

fn width_of(line: &str) -> usize {
    inkstone::text::width::str_width(line)
}
