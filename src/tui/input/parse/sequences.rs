//! Escape sequences: SS3 (`ESC O`) and CSI (`ESC [`) keys, and SGR mouse
//! reports.

use crossterm::event::{Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::{PASTE_START, Parsed, key};

pub(super) fn ss3(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + c - b'P'),
        _ => return None,
    })
}

/// `ESC [` parameters, intermediates, one final byte.
pub(super) fn parse_csi(buf: &[u8]) -> Parsed {
    let body = &buf[2..];
    // X10 mouse: ESC [ M and three raw bytes.
    if body.first() == Some(&b'M') {
        return if body.len() < 4 {
            Parsed::Incomplete
        } else {
            Parsed::Ignored
        };
    }
    let Some((&last, params)) = body.split_last() else {
        return Parsed::Incomplete;
    };
    match last {
        0x20..=0x3F => return Parsed::Incomplete,
        0x40..=0x7E => {}
        _ => return Parsed::Invalid,
    }
    if params.iter().any(|b| !(0x20..=0x3F).contains(b)) {
        return Parsed::Invalid;
    }
    if buf == PASTE_START {
        return Parsed::PasteStart;
    }
    if let [b'<', rest @ ..] = params {
        return sgr_mouse(rest, last);
    }
    let numbers: Vec<u16> = std::str::from_utf8(params)
        .unwrap_or_default()
        .split(';')
        .map(|n| n.parse().unwrap_or(0))
        .collect();
    let modifiers = modifiers(numbers.get(1).copied().unwrap_or(1));
    let code = match last {
        b'A' | b'B' | b'C' | b'D' | b'H' | b'F' | b'P'..=b'S' => ss3(last),
        b'Z' => return Parsed::Event(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        b'~' => tilde(numbers.first().copied().unwrap_or(0)),
        b'u' => numbers
            .first()
            .and_then(|&n| char::from_u32(u32::from(n)))
            .map(KeyCode::Char),
        _ => None,
    };
    match code {
        Some(code) => Parsed::Event(key(code, modifiers)),
        None => Parsed::Ignored,
    }
}

fn tilde(n: u16) -> Option<KeyCode> {
    Some(match n {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((n - 10) as u8),
        17..=21 => KeyCode::F((n - 11) as u8),
        23..=26 => KeyCode::F((n - 12) as u8),
        _ => return None,
    })
}

/// xterm's modifier parameter: 1 + a bit mask.
fn modifiers(param: u16) -> KeyModifiers {
    let mask = param.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    for (bit, modifier) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
    ] {
        if mask & bit != 0 {
            m |= modifier;
        }
    }
    m
}

/// `ESC [ < button ; column ; row M` (press) or `m` (release).
fn sgr_mouse(params: &[u8], last: u8) -> Parsed {
    if last != b'M' && last != b'm' {
        return Parsed::Ignored;
    }
    let text = std::str::from_utf8(params).unwrap_or_default();
    let mut numbers = text.split(';').map(|n| n.parse::<u16>().ok());
    let (Some(Some(cb)), Some(Some(column)), Some(Some(row))) =
        (numbers.next(), numbers.next(), numbers.next())
    else {
        return Parsed::Ignored;
    };
    let button = (cb & 0b11) | ((cb & 0b1100_0000) >> 4);
    let dragging = cb & 0b10_0000 != 0;
    let kind = match (button, dragging, last) {
        (0, false, b'M') => MouseEventKind::Down(MouseButton::Left),
        (1, false, b'M') => MouseEventKind::Down(MouseButton::Middle),
        (2, false, b'M') => MouseEventKind::Down(MouseButton::Right),
        (0, false, _) => MouseEventKind::Up(MouseButton::Left),
        (1, false, _) => MouseEventKind::Up(MouseButton::Middle),
        (2, false, _) => MouseEventKind::Up(MouseButton::Right),
        (0, true, _) => MouseEventKind::Drag(MouseButton::Left),
        (1, true, _) => MouseEventKind::Drag(MouseButton::Middle),
        (2, true, _) => MouseEventKind::Drag(MouseButton::Right),
        (4, false, _) => MouseEventKind::ScrollUp,
        (5, false, _) => MouseEventKind::ScrollDown,
        (6, false, _) => MouseEventKind::ScrollLeft,
        (7, false, _) => MouseEventKind::ScrollRight,
        _ => MouseEventKind::Moved,
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [
        (0b100, KeyModifiers::SHIFT),
        (0b1000, KeyModifiers::ALT),
        (0b1_0000, KeyModifiers::CONTROL),
    ] {
        if cb & bit != 0 {
            modifiers |= modifier;
        }
    }
    Parsed::Event(Event::Mouse(MouseEvent {
        kind,
        column: column.saturating_sub(1),
        row: row.saturating_sub(1),
        modifiers,
    }))
}
