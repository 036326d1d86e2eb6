//! The reader on ratatui's `TestBackend`: the same `Session` the terminal
//! runs, keys in, the screen out as text.

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

/// The reader over `folder`, its library named `name` when given, one
/// frame drawn.
pub fn start(
    folder: PathBuf,
    (width, height): (u16, u16),
    options: Options,
    name: Option<&str>,
) -> Session<TestBackend> {
    let keymap = Keymap::defaults();
    let mut library = Library::load(&[folder]);
    if let Some(name) = name {
        library.name = name.into();
    }
    let app = App::new(library, keymap.guide(), options);
    let mut session = Session::new(
        app,
        keymap,
        Terminal::new(TestBackend::new(width, height)).unwrap(),
    )
    .unwrap();
    session.draw().unwrap();
    session
}

/// Types `keys`: `\n` is Enter, `\u{1b}` Esc, `\u{7f}` Backspace, any
/// other character its key. Draws nothing.
pub fn type_keys(session: &mut Session<TestBackend>, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            '\u{7f}' => KeyCode::Backspace,
            c => KeyCode::Char(c),
        };
        session.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

/// Presses Ctrl and `c` (`'n'`: Ctrl-n). Draws nothing.
pub fn type_ctrl(session: &mut Session<TestBackend>, c: char) {
    session.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

/// Types `keys` and draws the frame.
pub fn press(session: &mut Session<TestBackend>, keys: &str) {
    type_keys(session, keys);
    session.draw().unwrap();
}

/// The cells of row `y` as (symbol, cell), wide glyphs once.
pub fn row_cells(buffer: &Buffer, y: u16) -> Vec<&ratatui::buffer::Cell> {
    let mut out = Vec::new();
    let mut skip = 0;
    for x in 0..buffer.area.width {
        // A wide glyph covers the next cell, whatever that still holds.
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let cell = &buffer[(x, y)];
        skip = Span::raw(cell.symbol()).width().saturating_sub(1);
        out.push(cell);
    }
    out
}

/// The buffer as lines of text (wide characters once, trailing blanks cut).
pub fn text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let line: String = row_cells(buffer, y).iter().map(|c| c.symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The session's screen as text.
pub fn screen(session: &Session<TestBackend>) -> String {
    text(session.terminal().backend().buffer())
}

/// Waits (a few seconds at most) for the open article's body, which may
/// load on a worker, then draws the frame.
pub fn wait_for_body(session: &mut Session<TestBackend>) {
    for _ in 0..1000 {
        if session
            .app()
            .detail()
            .is_some_and(|d| matches!(d.body, inkstone::app::Body::Loaded(_)))
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        session.poll_reports();
    }
    session.draw().unwrap();
}

/// The session's screen as text, then one line per row holding text marked
/// by a search or a find: `row 3: [臺灣]` for a match, `[[臺灣]]` for the
/// one `n` went to (the theme's `found` and `found_focus` backgrounds).
pub fn marked_screen(session: &Session<TestBackend>) -> String {
    use ratatui::style::Color;
    use std::fmt::Write;
    let buffer = session.terminal().backend().buffer();
    let mut text = String::new();
    let mut marks = String::new();
    for y in 0..buffer.area.height {
        let row: Vec<(&str, Option<Color>)> = row_cells(buffer, y)
            .into_iter()
            .map(|cell| (cell.symbol(), Some(cell.bg)))
            .collect();
        let line: String = row.iter().map(|(s, _)| *s).collect();
        text.push_str(line.trim_end());
        text.push('\n');
        let mut runs = Vec::new();
        let mut run = String::new();
        let mut kind = None;
        for (symbol, bg) in row.iter().chain([("", None)].iter()) {
            let this = match bg {
                Some(Color::LightYellow) => Some(false),
                Some(Color::LightRed) => Some(true),
                _ => None,
            };
            if this != kind && !run.is_empty() {
                runs.push(if kind == Some(true) {
                    format!("[[{run}]]")
                } else {
                    format!("[{run}]")
                });
                run.clear();
            }
            kind = this;
            if this.is_some() {
                run.push_str(symbol);
            }
        }
        if !runs.is_empty() {
            writeln!(marks, "row {y}: {}", runs.join(" ")).unwrap();
        }
    }
    format!("{text}--- marked\n{marks}")
}
