//! Where front matter ends. A `---` first line (after an optional BOM)
//! opens YAML, closed by the next `---` or `...` line; `+++` opens TOML
//! (Hugo), closed by the next `+++`; a first line `{` (alone or followed
//! by a `"`) opens a JSON object (Hugo), which ends at its matching `}`.
//! Works on a prefix of the file so the loader can stop reading as soon as
//! the end is seen.

mod json;

use std::ops::Range;

use json::{json, opens_json};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The language front matter is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontKind {
    Yaml,
    Toml,
    Json,
}

impl FrontKind {
    /// How the closing line is named in messages.
    pub fn closing(self) -> &'static str {
        match self {
            FrontKind::Yaml => "`---` line",
            FrontKind::Toml => "`+++` line",
            FrontKind::Json => "`}`",
        }
    }
}

/// How a file (or a prefix of one) divides into front matter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Split {
    /// The file opens with no front matter: all of it is body.
    NoFrontMatter { body_start: usize },
    /// Front matter in `front` (for JSON, the object with its braces); the
    /// body starts at `body_start`.
    Closed {
        kind: FrontKind,
        front: Range<usize>,
        body_start: usize,
    },
    /// The prefix ends before the front matter does; read more and ask again.
    NeedMore,
    /// The whole file was seen and the front matter never ends.
    Unclosed { kind: FrontKind, body_start: usize },
}

/// Splits `bytes`, the start of a file; `complete` says whether it is the
/// whole file.
pub fn split(bytes: &[u8], complete: bool) -> Split {
    let start = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let mut lines = Lines {
        bytes,
        pos: start,
        complete,
    };
    let kind = match lines.next() {
        None if complete => return Split::NoFrontMatter { body_start: start },
        None => {
            // An unfinished first line can only matter if it could still open.
            let head = &bytes[start..];
            return if is_marker_prefix(head) || head == b"{" {
                Split::NeedMore
            } else if opens_json(head) {
                json(bytes, start, complete)
            } else {
                Split::NoFrontMatter { body_start: start }
            };
        }
        Some(first) => match &bytes[first] {
            line if is_marker(line, b"---") => FrontKind::Yaml,
            line if is_marker(line, b"+++") => FrontKind::Toml,
            line if opens_json(line) => return json(bytes, start, complete),
            _ => return Split::NoFrontMatter { body_start: start },
        },
    };
    let front_start = lines.pos;
    while let Some(line) = lines.next() {
        let text = &bytes[line.clone()];
        let closes = match kind {
            FrontKind::Yaml => is_marker(text, b"---") || is_marker(text, b"..."),
            _ => is_marker(text, b"+++"),
        };
        if closes {
            return Split::Closed {
                kind,
                front: front_start..line.start,
                body_start: lines.pos,
            };
        }
    }
    if complete {
        Split::Unclosed {
            kind,
            body_start: start,
        }
    } else {
        Split::NeedMore
    }
}

/// A line that is exactly `marker`, allowing trailing blanks and a CR.
fn is_marker(line: &[u8], marker: &[u8]) -> bool {
    line.strip_prefix(marker)
        .is_some_and(|rest| rest.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')))
}

/// Whether an unfinished first line may still become `---` or `+++`.
fn is_marker_prefix(head: &[u8]) -> bool {
    [b'-', b'+'].iter().any(|&c| {
        if head.len() <= 3 {
            head.iter().all(|&b| b == c)
        } else {
            is_marker(head, &[c; 3])
        }
    })
}

/// Complete lines of a prefix, as ranges without their `\n`. The last,
/// unterminated line counts only when the prefix is the whole file.
struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    complete: bool,
}

impl Iterator for Lines<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let rest = self.bytes.get(self.pos..)?;
        if let Some(n) = memchr::memchr(b'\n', rest) {
            let line = self.pos..self.pos + n;
            self.pos += n + 1;
            Some(line)
        } else if self.complete && !rest.is_empty() {
            let line = self.pos..self.bytes.len();
            self.pos = self.bytes.len();
            Some(line)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests;
