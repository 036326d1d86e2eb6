//! What the reader shows, as text, at several sizes, with CJK, mixed and
//! emoji fixtures (tests/fixtures/reader).

use std::path::{Path, PathBuf};

use crossterm::event::Event;
use inkstone::app::Options;
use inkstone::config::Config;
use inkstone::tui::Session;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

mod common;
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
fn help_uses_the_width_and_wraps_instead_of_cutting() {
    for (w, h) in [(40, 12), (80, 24), (200, 60)] {
        let mut s = session(w, h, false);
        press(&mut s, "?");
        let mut seen = String::new();
        for _ in 0..80 {
            let text = screen(&s);
            for line in text.lines().filter(|l| l.matches('│').count() >= 2) {
                let inside = &line[line.find('│').unwrap()..line.rfind('│').unwrap()];
                assert!(!inside.contains('…'), "{w}x{h}: {line}");
                seen.push_str(inside);
                seen.push('\n');
            }
            press(&mut s, "j");
        }
        for needed in ["Ctrl-f", "PageDown", "page down", "this help", "Ctrl-d"] {
            assert!(
                seen.contains(needed),
                "{w}x{h}: {needed} missing in\n{seen}"
            );
        }
        if w >= 120 {
            // Wide enough: keys and what they do on one line.
            let on_one_line = |keys: &str, what: &str| {
                seen.lines()
                    .any(|l| l.contains(&format!(" {keys} ")) && l.trim_end().ends_with(what))
            };
            assert!(on_one_line("Space PageDown Ctrl-f", "page down"), "{seen}");
            assert!(on_one_line("Ctrl-d", "half a page down"), "{seen}");
        }
    }
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

#[test]
fn keys_do_nothing_while_the_terminal_is_too_small() {
    let mut s = session(80, 24, false);
    let before = screen(&s).lines().next().unwrap().to_owned();
    assert!(before.contains("unread"), "{before}");
    s.terminal_mut().backend_mut().resize(30, 8);
    s.handle_event(&Event::Resize(30, 8));
    press(&mut s, "Ry");
    press(&mut s, "\nrs");
    press(&mut s, "t\n");
    s.terminal_mut().backend_mut().resize(80, 24);
    s.handle_event(&Event::Resize(80, 24));
    s.draw().unwrap();
    let after = screen(&s);
    assert_eq!(after.lines().next().unwrap(), before);
    assert!(!after.contains("marked"), "{after}");
}

#[test]
fn no_color_draws_without_colours() {
    for keys in ["", "\n", "t", "?"] {
        let mut s = session(80, 24, true);
        press(&mut s, keys);
        let buffer = s.terminal().backend().buffer();
        for cell in buffer.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "after {keys:?}: {cell:?}"
            );
        }
    }
}

/// The article view of the links fixture, with config.yaml's `yaml`.
fn article_with_config(yaml: &str, monochrome: bool) -> Session<TestBackend> {
    let config = Config::parse(yaml, Path::new("config.yaml")).expect("config parses");
    let options = Options {
        monochrome,
        colors: config.colors,
        ..Options::default()
    };
    let mut s = common::session::start(fixtures("links"), (80, 24), options, Some("links"));
    press(&mut s, "\n");
    wait_for_body(&mut s);
    s
}

/// The text of the cells drawn in `colour`.
fn drawn_in(s: &Session<TestBackend>, colour: Color) -> String {
    let buffer = s.terminal().backend().buffer();
    buffer
        .content()
        .iter()
        .filter(|cell| cell.fg == colour)
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

#[test]
fn config_colours_reach_the_article_text() {
    let title = Color::Rgb(0xff, 0x88, 0x00);
    let link = Color::Rgb(0x00, 0xff, 0x88);
    let yaml = "colors:\n  article_title: \"bold #ff8800\"\n  article_link: \"#00ff88\"\n";
    let s = article_with_config(yaml, false);
    let shown = screen(&s);
    assert!(shown.contains("立法會選舉連結整理"), "{shown}");
    assert!(
        drawn_in(&s, title).contains("立法會選舉連結整理"),
        "the title in the configured colour:\n{shown}"
    );
    assert!(
        !drawn_in(&s, link).is_empty(),
        "links in the configured colour:\n{shown}"
    );
    // Without the config: the built-in colours.
    let plain = article_with_config("", false);
    assert!(drawn_in(&plain, title).is_empty());
    assert!(drawn_in(&plain, link).is_empty());
    // Monochrome is a theme too: the configured colours do not apply.
    let mono = article_with_config(yaml, true);
    assert!(drawn_in(&mono, title).is_empty());
    assert!(drawn_in(&mono, link).is_empty());
}

/// Characters that would act on a terminal instead of being shown.
fn terminal_control(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

#[test]
fn hostile_text_is_drawn_clean() {
    let mut s = session(120, 40, false);
    press(&mut s, "G\n");
    let shown = screen(&s);
    assert!(shown.contains("Hostile"), "{shown}");
    assert!(
        shown.chars().all(|c| c == '\n' || !terminal_control(c)),
        "{shown:?}"
    );
    press(&mut s, "\u{1b}t");
    let shown = screen(&s);
    assert!(
        shown.chars().all(|c| c == '\n' || !terminal_control(c)),
        "{shown:?}"
    );
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

#[test]
fn the_empty_list_message_wraps_instead_of_being_cut() {
    let mut s = session(40, 12, false);
    // Starred view, nothing starred.
    press(&mut s, "vv");
    let text = screen(&s);
    let body: String = text.lines().skip(1).take(4).collect::<Vec<_>>().join(" ");
    assert!(!body.contains('…'), "{text}");
    assert!(
        body.contains("No starred articles here; v changes the view."),
        "{text}"
    );
}

#[test]
fn a_long_filter_header_ends_in_one_ellipsis() {
    for w in 40..=70 {
        let mut s = session(w, 12, false);
        press(&mut s, "/\"香港特別行政區政府新聞公報全文及附件下載\"\n");
        let text = screen(&s);
        let header = text.lines().next().unwrap();
        assert_eq!(header.matches('…').count(), 1, "{w}: {header}");
        assert!(header.ends_with('…'), "{w}: {header}");
        // A query with ellipses of its own, cut at each of them somewhere.
        let mut s = session(w, 12, false);
        press(&mut s, "/\"港…特區…政府…新聞…公報…全文…附件…下載…\"\n");
        let text = screen(&s);
        let header = text.lines().next().unwrap();
        assert!(!header.contains("……"), "{w}: {header}");
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
