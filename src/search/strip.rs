//! The visible text of an article body, cheaply: what search looks in.
//!
//! Not a renderer: one pass over the bytes that drops what a reader never
//! shows as text — HTML tags and attributes, comments, scripts, URLs (link
//! targets, image sources, bare links), Markdown syntax — and hands the
//! visible runs to a callback, borrowed from the body, with no allocation.
//! An image's alt text is kept: readers show it in place of the picture.

mod html;

use memchr::memchr;

pub(super) use self::html::NAMED_ENTITIES;
use self::html::{Markup, entity_at, markup_at};

/// How far ahead a `[` looks for the `](` that makes it a link.
const MAX_LINK_TEXT: usize = 1024;
/// How long a link target `(...)` may be (archive URLs reach 3,000 bytes).
const MAX_LINK_TARGET: usize = 8 * 1024;
/// Nested `[` whose closing `]` is still ahead.
const MAX_LINK_DEPTH: usize = 8;

/// Bytes that may start something to drop; everything else is copied.
const fn special_bytes() -> [bool; 256] {
    let mut table = [false; 256];
    let specials = b"<&[]!*`|~\\\nhH";
    let mut i = 0;
    while i < specials.len() {
        table[specials[i] as usize] = true;
        i += 1;
    }
    table
}
pub(super) static SPECIAL: [bool; 256] = special_bytes();

/// Calls `emit` with each run of visible text of `body`, in order. Pieces
/// that separate words (block tags, line breaks) arrive as `" "`.
pub(crate) fn visible_text(body: &str, emit: &mut impl FnMut(&str)) {
    Stripper::new(body, false).run(&mut |piece| {
        emit(piece);
        true
    });
}

/// Like [`visible_text`], stopping as soon as `emit` returns false.
pub(crate) fn visible_text_while(body: &str, emit: &mut impl FnMut(&str) -> bool) {
    Stripper::new(body, false).run(emit);
}

/// Like [`visible_text_while`], with where each piece starts in `body`:
/// `None` for a stand-in (the space a block tag or a line break leaves, the
/// character a reference or an escape stands for), which is no part of it.
pub(crate) fn visible_spans_while(body: &str, emit: &mut impl FnMut(&str, Option<usize>) -> bool) {
    let base = body.as_ptr().addr();
    visible_text_while(body, &mut |piece| {
        // Visible runs (alt texts too) are slices of `body`; stand-ins are
        // static strings or a buffer on the stack, never inside it.
        let start = piece.as_ptr().addr().wrapping_sub(base);
        let inside = start <= body.len() && piece.len() <= body.len() - start;
        emit(piece, inside.then_some(start))
    });
}

/// What stands in for skipped bytes.
enum Replacement<'a> {
    Nothing,
    Space,
    Char(char),
    /// An image's alt text, raw: it is stripped in turn (references,
    /// URLs), but an image inside it adds no further alt.
    Alt(&'a str),
}

struct Stripper<'a> {
    body: &'a str,
    bytes: &'a [u8],
    /// Positions of the `]` that close links opened so far, innermost last.
    link_closes: Vec<usize>,
    /// Stripping an alt text: nested alt texts are dropped, which bounds
    /// the recursion at one level.
    in_alt: bool,
}

impl<'a> Stripper<'a> {
    fn new(body: &'a str, in_alt: bool) -> Self {
        Stripper {
            body,
            bytes: body.as_bytes(),
            link_closes: Vec::new(),
            in_alt,
        }
    }

    /// Emits the visible runs; false once `emit` asked to stop.
    fn run(&mut self, emit: &mut impl FnMut(&str) -> bool) -> bool {
        let len = self.bytes.len();
        let mut at = self.line_start(0);
        let mut run_from = at;
        while at < len {
            if !SPECIAL[self.bytes[at] as usize] {
                at += 1;
                continue;
            }
            let (resume, replacement) = self.special(at);
            if resume == at {
                at += 1;
                continue;
            }
            let go_on = emit(&self.body[run_from..at])
                && match replacement {
                    Replacement::Nothing => true,
                    Replacement::Space => emit(" "),
                    Replacement::Char(c) => emit(c.encode_utf8(&mut [0; 4])),
                    Replacement::Alt(text) => {
                        emit(" ") && Stripper::new(text, true).run(emit) && emit(" ")
                    }
                };
            if !go_on {
                return false;
            }
            at = resume;
            run_from = at;
        }
        emit(&self.body[run_from..len])
    }

    /// Looks at the special byte at `at`: returns where visible text resumes
    /// (`at` itself when the byte is plain text) and what stands in for the
    /// skipped bytes.
    fn special(&mut self, at: usize) -> (usize, Replacement<'a>) {
        let rest = &self.bytes[at..];
        let skip = |n: usize| (at + n, Replacement::Nothing);
        let keep = (at, Replacement::Nothing);
        match rest[0] {
            b'\n' => (self.line_start(at + 1), Replacement::Space),
            b'<' => match markup_at(self.body, at) {
                Markup::Text => keep,
                Markup::Skip {
                    end,
                    alt: Some(alt),
                    ..
                } if !self.in_alt => (end, Replacement::Alt(alt)),
                // An img is a separating element, alt or no alt.
                Markup::Skip {
                    end,
                    separates,
                    alt,
                } => {
                    let separates = separates || alt.is_some();
                    (
                        end,
                        if separates {
                            Replacement::Space
                        } else {
                            Replacement::Nothing
                        },
                    )
                }
            },
            b'&' => match entity_at(&self.body[at..]) {
                Some((c, len)) => (at + len, Replacement::Char(c)),
                None => keep,
            },
            b'!' if rest.get(1) == Some(&b'[') && self.open_link(at + 1) => skip(2),
            b'[' if self.open_link(at) => skip(1),
            b']' if self.closes_link(at) => (self.skip_link_target(at + 1), Replacement::Nothing),
            b'*' | b'`' => skip(1),
            b'~' if rest.get(1) == Some(&b'~') => skip(2),
            b'|' => (at + 1, Replacement::Space),
            b'\\' if rest.get(1).is_some_and(u8::is_ascii_punctuation) => {
                (at + 2, Replacement::Char(char::from(rest[1])))
            }
            b'h' | b'H' => (self.skip_url(at), Replacement::Nothing),
            _ => keep,
        }
    }

    /// Whether the `]` at `at` closes a link opened earlier.
    fn closes_link(&mut self, at: usize) -> bool {
        // Drop closes that were skipped over (inside a tag or a URL).
        while self.link_closes.last().is_some_and(|&close| close < at) {
            self.link_closes.pop();
        }
        if self.link_closes.last() == Some(&at) {
            self.link_closes.pop();
            return true;
        }
        false
    }

    /// Whether the `[` at `at` opens a link or image (`[text](target)`,
    /// `[text][label]`); if so, remembers where its `]` is.
    fn open_link(&mut self, at: usize) -> bool {
        if self.link_closes.len() >= MAX_LINK_DEPTH {
            return false;
        }
        let mut depth = 0usize;
        let window = &self.bytes[at..(at + MAX_LINK_TEXT).min(self.bytes.len())];
        for (i, &b) in window.iter().enumerate() {
            match b {
                b'[' => depth += 1,
                b']' => {
                    depth -= 1;
                    if depth == 0 {
                        let close = at + i;
                        let follows = self.bytes.get(close + 1);
                        if matches!(follows, Some(b'(' | b'[')) {
                            self.link_closes.push(close);
                            return true;
                        }
                        return false;
                    }
                }
                b'\n' if window.get(i + 1) == Some(&b'\n') => return false,
                _ => {}
            }
        }
        false
    }

    /// Skips the `(target "title")` or `[label]` after a link's `]`.
    fn skip_link_target(&self, at: usize) -> usize {
        let (open, close) = match self.bytes.get(at) {
            Some(b'(') => (b'(', b')'),
            Some(b'[') => (b'[', b']'),
            _ => return at,
        };
        let mut depth = 0usize;
        let window = &self.bytes[at..(at + MAX_LINK_TARGET).min(self.bytes.len())];
        for (i, &b) in window.iter().enumerate() {
            if b == open {
                depth += 1;
            } else if b == close {
                depth -= 1;
                if depth == 0 {
                    return at + i + 1;
                }
            } else if b == b'\n' {
                break;
            }
        }
        at
    }

    /// Skips a bare `http://` or `https://` URL starting at `at`.
    fn skip_url(&self, at: usize) -> usize {
        let rest = &self.bytes[at..];
        let scheme = if starts_with_ignore_case(rest, b"https://") {
            8
        } else if starts_with_ignore_case(rest, b"http://") {
            7
        } else {
            return at;
        };
        let len = rest[scheme..]
            .iter()
            .position(|&b| !b.is_ascii_graphic() || matches!(b, b'<' | b'>' | b'"'))
            .map_or(rest.len(), |i| scheme + i);
        at + len
    }

    /// Where the text of the line starting at `at` begins, past Markdown
    /// block syntax: heading marks, quote marks, list bullets. Lines that are
    /// all syntax (rules, table separators, link definitions) are skipped.
    fn line_start(&self, at: usize) -> usize {
        let line_end = memchr(b'\n', &self.bytes[at..]).map_or(self.bytes.len(), |i| at + i);
        let line = &self.bytes[at..line_end];
        let mut i = 0;
        let skip_spaces = |i: &mut usize| {
            while line.get(*i).is_some_and(|b| *b == b' ' || *b == b'\t') {
                *i += 1;
            }
        };
        skip_spaces(&mut i);
        if is_rule(&line[i..]) || is_link_definition(&line[i..]) {
            return line_end;
        }
        while line.get(i) == Some(&b'>') {
            i += 1;
            skip_spaces(&mut i);
        }
        let marks = line[i..].iter().take_while(|b| **b == b'#').count();
        if marks > 0 && matches!(line.get(i + marks), None | Some(b' ' | b'\t')) {
            i += marks;
        } else if matches!(line.get(i), Some(b'-' | b'+' | b'*'))
            && matches!(line.get(i + 1), Some(b' ' | b'\t'))
        {
            i += 1;
        }
        at + i
    }
}

/// `---`, `***`, `===`, `| --- | :-: |`: lines of syntax only.
fn is_rule(line: &[u8]) -> bool {
    let marks = line
        .iter()
        .filter(|b| matches!(b, b'-' | b'*' | b'_' | b'='))
        .count();
    marks >= 3
        && line.iter().all(|b| {
            matches!(
                b,
                b'-' | b'*' | b'_' | b'=' | b'|' | b':' | b' ' | b'\t' | b'\r'
            )
        })
}

/// `[label]: target`
fn is_link_definition(line: &[u8]) -> bool {
    line.first() == Some(&b'[')
        && memchr(b']', line).is_some_and(|close| line.get(close + 1) == Some(&b':'))
}

pub(super) fn starts_with_ignore_case(haystack: &[u8], prefix: &[u8]) -> bool {
    haystack.len() >= prefix.len() && haystack[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests;
