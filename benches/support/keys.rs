//! Key presses timed through the reader in process: the same `Session`
//! the terminal runs, drawing into ratatui's `TestBackend`.

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use inkstone::tui::Session;
use ratatui::backend::TestBackend;

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

/// Times one key press through to the drawn frame.
pub fn press(session: &mut Session<TestBackend>, event: &Event) -> Duration {
    let start = Instant::now();
    session.handle_event(event);
    session.draw().expect("draw");
    start.elapsed()
}
