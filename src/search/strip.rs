//! The visible text of an article body, cheaply: what search looks in.
//!
//! Not a renderer: one pass over the bytes that drops what a reader never
//! shows as text — HTML tags and attributes, comments, scripts, URLs (link
//! targets, image sources, bare links), Markdown syntax — and hands the
//! visible runs to a callback, borrowed from the body, with no allocation.
//! An image's alt text is kept: readers show it in place of the picture.

mod html;
mod lines;
mod links;

pub(super) use self::html::NAMED_ENTITIES;
use self::html::{Markup, entity_at, markup_at};

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

/// The top bit of each byte of a `u64`: all set in eight bytes of UTF-8
/// that are none of them ASCII.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

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
            let byte = self.bytes[at];
            if byte >= 0x80 {
                // No byte from 0x80 is special: text that is not ASCII (CJK)
                // is passed over eight bytes a step.
                at += 1;
                while let Some(word) = self.bytes.get(at..at + 8) {
                    let word = u64::from_ne_bytes(word.try_into().unwrap_or([0; 8]));
                    if word & HIGH_BITS != HIGH_BITS {
                        break;
                    }
                    at += 8;
                }
                continue;
            }
            if !SPECIAL[byte as usize] {
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
}

pub(super) fn starts_with_ignore_case(haystack: &[u8], prefix: &[u8]) -> bool {
    haystack.len() >= prefix.len() && haystack[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests;
