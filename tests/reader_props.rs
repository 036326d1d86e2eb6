//! Any sequence of keys, clicks and resizes, at any size: nothing panics,
//! the selection stays inside the list, and every drawn row fits.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use inkstone::app::Options;
use proptest::prelude::*;

mod common;
use common::archive::fixtures;

fn event() -> impl Strategy<Value = Event> {
    // No `o`, `O` or `u`: a browser must not start from a test.
    let keys = "jkgGJKtc123?qhl b \u{7f}香港東a";
    let key = prop::sample::select(keys.chars().collect::<Vec<_>>())
        .prop_map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    let named = prop::sample::select(vec![
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::PageDown,
        KeyCode::PageUp,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Tab,
    ])
    .prop_map(|code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    let mouse = (0u16..130, 0u16..45, 0u8..3).prop_map(|(column, row, kind)| {
        let kind = match kind {
            0 => MouseEventKind::Down(MouseButton::Left),
            1 => MouseEventKind::ScrollDown,
            _ => MouseEventKind::ScrollUp,
        };
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    });
    let resize = (1u16..=300, 1u16..=100).prop_map(|(w, h)| Event::Resize(w, h));
    prop_oneof![6 => key, 3 => named, 2 => mouse, 1 => resize]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_input_at_any_size_is_safe(events in prop::collection::vec(event(), 1..40)) {
        let mut session =
            common::session::start(fixtures("reader"), (80, 24), Options::default(), None);
        for event in &events {
            if let Event::Resize(w, h) = event {
                session.terminal_mut().backend_mut().resize(*w, *h);
            }
            session.handle_event(event);
            session.draw().unwrap();
            let app = session.app();
            let cursor = app.list_cursor();
            prop_assert!(app.visible().is_empty() || cursor.selected < app.visible().len());
            prop_assert!(cursor.offset <= cursor.selected || app.visible().is_empty());
        }
    }
}
