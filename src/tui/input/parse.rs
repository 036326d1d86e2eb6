//! Terminal bytes to events, for the input thread. crossterm's own reader
//! cannot be used: it stalls when more than 1 KB arrives at once (the rest
//! waits in the kernel until another byte comes), spins on a terminal that
//! hung up, and treats everything after an unterminated `ESC[200~` as
//! pasted text, Ctrl-c included. This parser is fed whatever was read and
//! told when the input went quiet ([`Parser::idle`]): an unfinished escape
//! sequence is then dropped and an unterminated paste ends.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// The most of one paste kept; the rest is dropped (a search holds far
/// less).
pub const PASTE_LIMIT: usize = 256 * 1024;
/// Longer escape sequences are not ones this reader asked for: dropped.
const MAX_SEQUENCE: usize = 64;

const ESC: u8 = 0x1B;
const PASTE_START: &[u8] = b"\x1B[200~";
const PASTE_END: &[u8] = b"\x1B[201~";

/// Bytes held over between reads.
#[derive(Debug, Default)]
pub struct Parser {
    /// The start of an escape sequence or of a UTF-8 character.
    pending: Vec<u8>,
    /// Inside a bracketed paste: what was pasted so far.
    paste: Option<Vec<u8>>,
}

impl Parser {
    /// Whether the parser waits for more bytes to finish something (so
    /// the reader should call [`Parser::idle`] if none come).
    pub fn waiting(&self) -> bool {
        !self.pending.is_empty() || self.paste.is_some()
    }

    /// Parses `bytes`, appending the events they complete to `out`.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        for &b in bytes {
            if self.paste.is_some() {
                self.feed_paste(b, out);
            } else {
                self.pending.push(b);
                self.parse_pending(out);
            }
        }
    }

    /// No byte came for a while: a lone ESC was the Esc key, an unfinished
    /// sequence or character is dropped, and a paste without its end ends
    /// here (so later keys are keys again).
    pub fn idle(&mut self, out: &mut Vec<Event>) {
        if let Some(paste) = self.paste.take() {
            // What looked like the start of the end marker is text after all.
            out.push(Event::Paste(String::from_utf8_lossy(&paste).into_owned()));
            self.pending.clear();
            return;
        }
        if self.pending == [ESC] {
            out.push(key(KeyCode::Esc, KeyModifiers::NONE));
        }
        self.pending.clear();
    }

    fn feed_paste(&mut self, b: u8, out: &mut Vec<Event>) {
        let Some(paste) = self.paste.as_mut() else {
            return;
        };
        // Ctrl-c always reaches the reader: it ends a paste that never
        // ended (terminals do not paste control characters as such).
        if b == 0x03 {
            let text = String::from_utf8_lossy(paste).into_owned();
            self.paste = None;
            self.pending.clear();
            out.push(Event::Paste(text));
            out.push(key(KeyCode::Char('c'), KeyModifiers::CONTROL));
            return;
        }
        if paste.len() < PASTE_LIMIT {
            paste.push(b);
        } else {
            // Full: keep only a possible end marker in view.
            self.pending.push(b);
            if !PASTE_END.starts_with(&self.pending) {
                self.pending.clear();
                if b == ESC {
                    self.pending.push(b);
                }
            }
            if self.pending == PASTE_END {
                self.pending.clear();
                let text = String::from_utf8_lossy(paste).into_owned();
                self.paste = None;
                out.push(Event::Paste(text));
            }
            return;
        }
        if paste.ends_with(PASTE_END) {
            paste.truncate(paste.len() - PASTE_END.len());
            let text = String::from_utf8_lossy(paste).into_owned();
            self.paste = None;
            out.push(Event::Paste(text));
        }
    }

    /// Turns `pending` into an event if it is a whole one.
    fn parse_pending(&mut self, out: &mut Vec<Event>) {
        match parse(&self.pending) {
            Parsed::Incomplete if self.pending.len() > MAX_SEQUENCE => self.pending.clear(),
            Parsed::Incomplete => {}
            Parsed::Invalid | Parsed::Ignored => self.pending.clear(),
            Parsed::Event(event) => {
                out.push(event);
                self.pending.clear();
            }
            Parsed::PasteStart => {
                self.pending.clear();
                self.paste = Some(Vec::new());
            }
            Parsed::EscThen => {
                // ESC followed by ESC: the first was the Esc key.
                out.push(key(KeyCode::Esc, KeyModifiers::NONE));
                self.pending.remove(0);
            }
        }
    }
}

enum Parsed {
    Incomplete,
    Invalid,
    Ignored,
    Event(Event),
    PasteStart,
    /// The first byte was a lone ESC; parse the rest again.
    EscThen,
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn parse(buf: &[u8]) -> Parsed {
    match buf {
        [] | [ESC] | [ESC, b'O'] => Parsed::Incomplete,
        [ESC, ESC, ..] => Parsed::EscThen,
        [ESC, b'[', ..] => parse_csi(buf),
        [ESC, b'O', c, ..] => match ss3(*c) {
            Some(code) => Parsed::Event(key(code, KeyModifiers::NONE)),
            None => Parsed::Invalid,
        },
        [ESC, rest @ ..] => match parse(rest) {
            Parsed::Event(Event::Key(mut k)) => {
                k.modifiers |= KeyModifiers::ALT;
                Parsed::Event(Event::Key(k))
            }
            other => other,
        },
        [b, ..] => plain(*b, buf),
    }
}

fn plain(b: u8, buf: &[u8]) -> Parsed {
    let control = |c: char| Parsed::Event(key(KeyCode::Char(c), KeyModifiers::CONTROL));
    match b {
        b'\r' => Parsed::Event(key(KeyCode::Enter, KeyModifiers::NONE)),
        b'\t' => Parsed::Event(key(KeyCode::Tab, KeyModifiers::NONE)),
        0x7F | 0x08 => Parsed::Event(key(KeyCode::Backspace, KeyModifiers::NONE)),
        0x01..=0x1A => control(char::from(b - 1 + b'a')),
        0x1C..=0x1F => control(char::from(b - 0x1C + b'4')),
        0 => control(' '),
        _ => match std::str::from_utf8(buf) {
            Ok(s) => match s.chars().next() {
                Some(c) => {
                    let modifiers = if c.is_uppercase() {
                        KeyModifiers::SHIFT
                    } else {
                        KeyModifiers::NONE
                    };
                    Parsed::Event(key(KeyCode::Char(c), modifiers))
                }
                None => Parsed::Incomplete,
            },
            Err(e) if e.error_len().is_none() => Parsed::Incomplete,
            Err(_) => Parsed::Invalid,
        },
    }
}

fn ss3(c: u8) -> Option<KeyCode> {
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
fn parse_csi(buf: &[u8]) -> Parsed {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn events(chunks: &[&[u8]]) -> Vec<Event> {
        let mut parser = Parser::default();
        let mut out = Vec::new();
        for chunk in chunks {
            parser.feed(chunk, &mut out);
        }
        parser.idle(&mut out);
        out
    }

    fn k(code: KeyCode) -> Event {
        key(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> Event {
        key(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn keys_characters_and_control_bytes() {
        assert_eq!(
            events(&["q新".as_bytes(), b"\x03\r\x7f\tJ"]),
            [
                k(KeyCode::Char('q')),
                k(KeyCode::Char('新')),
                ctrl('c'),
                k(KeyCode::Enter),
                k(KeyCode::Backspace),
                k(KeyCode::Tab),
                key(KeyCode::Char('J'), KeyModifiers::SHIFT),
            ]
        );
    }

    #[test]
    fn a_character_split_across_reads_is_one() {
        let bytes = "聞".as_bytes();
        assert_eq!(
            events(&[&bytes[..1], &bytes[1..]]),
            [k(KeyCode::Char('聞'))]
        );
    }

    #[test]
    fn escape_sequences() {
        assert_eq!(
            events(&[b"\x1b[A\x1bOB\x1b[5~\x1b[1;5C\x1b[Z\x1bx"]),
            [
                k(KeyCode::Up),
                k(KeyCode::Down),
                k(KeyCode::PageUp),
                key(KeyCode::Right, KeyModifiers::CONTROL),
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
                key(KeyCode::Char('x'), KeyModifiers::ALT),
            ]
        );
    }

    #[test]
    fn a_lone_escape_is_esc_once_input_is_quiet() {
        let mut parser = Parser::default();
        let mut out = Vec::new();
        parser.feed(b"\x1b", &mut out);
        assert!(out.is_empty() && parser.waiting());
        parser.idle(&mut out);
        assert_eq!(out, [k(KeyCode::Esc)]);
        assert_eq!(
            events(&[b"\x1b\x1b[B"]),
            [k(KeyCode::Esc), k(KeyCode::Down)]
        );
    }

    #[test]
    fn mouse_wheel_bursts_split_anywhere() {
        let one = b"\x1b[<65;10;5M";
        let burst: Vec<u8> = one.repeat(200).into_iter().chain(*b"q").collect();
        // Read in pieces that cut sequences in the middle.
        let chunks: Vec<&[u8]> = burst.chunks(1000).collect();
        let got = events(&chunks);
        assert_eq!(got.len(), 201);
        assert!(got[..200].iter().all(|e| matches!(
            e,
            Event::Mouse(MouseEvent {
                kind: MouseEventKind::ScrollDown,
                column: 9,
                row: 4,
                ..
            })
        )));
        assert_eq!(got[200], k(KeyCode::Char('q')));
    }

    #[test]
    fn bracketed_paste_arrives_whole() {
        assert_eq!(
            events(&[b"\x1b[200~a\r\nb", "新\x1b[20".as_bytes(), b"1~x"]),
            [Event::Paste("a\r\nb新".into()), k(KeyCode::Char('x'))]
        );
    }

    #[test]
    fn an_unterminated_paste_ends_when_input_is_quiet() {
        let mut parser = Parser::default();
        let mut out = Vec::new();
        parser.feed(b"\x1b[200~pasted", &mut out);
        assert!(out.is_empty());
        parser.idle(&mut out);
        assert_eq!(out, [Event::Paste("pasted".into())]);
        out.clear();
        parser.feed(b"q", &mut out);
        assert_eq!(out, [k(KeyCode::Char('q'))], "later keys are keys");
    }

    #[test]
    fn ctrl_c_ends_an_unterminated_paste() {
        assert_eq!(
            events(&[b"\x1b[200~abc\x03q"]),
            [Event::Paste("abc".into()), ctrl('c'), k(KeyCode::Char('q'))]
        );
    }

    #[test]
    fn a_huge_paste_is_cut_and_still_ends() {
        let mut bytes = PASTE_START.to_vec();
        bytes.extend(std::iter::repeat_n(b'x', PASTE_LIMIT + 5000));
        bytes.extend_from_slice(PASTE_END);
        bytes.push(b'q');
        let got = events(&[&bytes]);
        assert_eq!(got.len(), 2);
        let Event::Paste(text) = &got[0] else {
            panic!("{:?}", got[0]);
        };
        assert_eq!(text.len(), PASTE_LIMIT);
        assert_eq!(got[1], k(KeyCode::Char('q')));
    }

    #[test]
    fn garbage_never_sticks() {
        // Invalid UTF-8, an overlong sequence, unknown sequences.
        let mut long = b"\x1b[".to_vec();
        long.extend(std::iter::repeat_n(b'1', 500));
        long.push(b'q');
        let got = events(&[b"\xff\xfe", &long, b"\x1b[99x", b"z"]);
        assert_eq!(got.last(), Some(&k(KeyCode::Char('z'))));
    }
}
