//! Terminal bytes to events, for the input thread. crossterm's own reader
//! cannot be used: it stalls when more than 1 KB arrives at once (the rest
//! waits in the kernel until another byte comes), spins on a terminal that
//! hung up, and treats everything after an unterminated `ESC[200~` as
//! pasted text, Ctrl-c included. This parser is fed whatever was read and
//! told when the input went quiet ([`Parser::idle`]): an unfinished escape
//! sequence is then dropped and an unterminated paste ends.

mod sequences;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use sequences::{parse_csi, ss3};

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

    /// Parses `bytes` (one read), appending the events they complete to
    /// `out`.
    ///
    /// ESC followed by a key is Alt+key only when both came in one read, as
    /// a terminal sends them. A lone ESC that ended the previous read was
    /// the Esc key when this read starts with anything but `[` or `O`: a
    /// person typing Esc then `q` quickly, however late this thread reads,
    /// gets Esc and `q`, not Alt-q. `[` and `O` still continue it, because
    /// a long burst (mouse reports) can be split anywhere; this is also how
    /// crossterm's own reader decides.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        if self.paste.is_none()
            && self.pending == [ESC]
            && bytes.first().is_some_and(|b| !matches!(b, b'[' | b'O'))
        {
            out.push(key(KeyCode::Esc, KeyModifiers::NONE));
            self.pending.clear();
        }
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

#[cfg(test)]
mod tests;
