//! The sources view, the timeline, the filter bar's chips and the pipe and
//! date prompts, as text, at three sizes, over the CJK fixtures
//! (tests/fixtures/reader).

use std::path::PathBuf;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use inkstone::app::{App, Options};
use inkstone::keymap::Keymap;
use inkstone::library::Library;
use inkstone::tui::Session;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::text::Span;

const SIZES: [(u16, u16); 3] = [(40, 12), (80, 24), (120, 40)];

fn session(width: u16, height: u16) -> Session<TestBackend> {
    let keymap = Keymap::defaults();
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader");
    let mut library = Library::load(&[folder]);
    library.name = "reader-fixtures".into();
    let app = App::new(library, keymap.guide(), Options::default());
    let mut session = Session::new(
        app,
        keymap,
        Terminal::new(TestBackend::new(width, height)).unwrap(),
    )
    .unwrap();
    session.draw().unwrap();
    session
}

fn press(session: &mut Session<TestBackend>, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        session.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
    session.draw().unwrap();
}

/// The screen as lines of text (wide characters once, trailing blanks cut).
fn text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            line.push_str(symbol);
            skip = Span::raw(symbol).width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn screen(session: &Session<TestBackend>) -> String {
    text(session.terminal().backend().buffer())
}

#[test]
fn sources_view() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        press(&mut s, "F");
        let shown = screen(&s);
        assert!(shown.contains("Sources"), "{shown}");
        insta::assert_snapshot!(format!("sources_{w}x{h}"), shown);
        // Enter lists the source's articles; its chip is in the header.
        press(&mut s, "\n");
        insta::assert_snapshot!(format!("sources_chosen_{w}x{h}"), screen(&s));
    }
}

#[test]
fn timeline_by_month_and_day() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        press(&mut s, "T");
        insta::assert_snapshot!(format!("timeline_{w}x{h}"), screen(&s));
        press(&mut s, "z");
        insta::assert_snapshot!(format!("timeline_days_{w}x{h}"), screen(&s));
        press(&mut s, "\n");
        let shown = screen(&s);
        insta::assert_snapshot!(format!("timeline_chosen_{w}x{h}"), shown);
    }
}

#[test]
fn chips_come_off_one_by_one() {
    let mut s = session(80, 24);
    // Unread only, a source, a month: three chips.
    press(&mut s, "vF\nT\n");
    insta::assert_snapshot!("chips_three_80x24", screen(&s));
    press(&mut s, "x");
    insta::assert_snapshot!("chips_two_80x24", screen(&s));
}

#[test]
fn pipe_and_date_prompts() {
    for (w, h) in SIZES {
        let mut s = session(w, h);
        press(&mut s, "|wc -c");
        insta::assert_snapshot!(format!("pipe_prompt_{w}x{h}"), screen(&s));
        let mut s = session(w, h);
        press(&mut s, "D2021-08");
        insta::assert_snapshot!(format!("date_prompt_{w}x{h}"), screen(&s));
        press(&mut s, "\n");
        insta::assert_snapshot!(format!("date_jumped_{w}x{h}"), screen(&s));
    }
}
