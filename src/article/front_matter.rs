//! Where front matter ends: a `---` first line (after an optional BOM) opens
//! it, and the next `---` or `...` line closes it. Works on a prefix of the
//! file so the loader can stop reading as soon as the closing line is seen.

use std::ops::Range;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How a file (or a prefix of one) divides into front matter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Split {
    /// The file does not open with `---`: all of it is body.
    NoFrontMatter { body_start: usize },
    /// Front matter in `yaml`; the body starts at `body_start`.
    Closed {
        yaml: Range<usize>,
        body_start: usize,
    },
    /// The prefix ends before a closing line; read more and ask again.
    NeedMore,
    /// The whole file was seen and no closing line exists.
    Unclosed { body_start: usize },
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
    match lines.next() {
        None if complete => return Split::NoFrontMatter { body_start: start },
        None => {
            // An unfinished first line can only matter if it could still be `---`.
            let head = &bytes[start..];
            return if is_marker_prefix(head) {
                Split::NeedMore
            } else {
                Split::NoFrontMatter { body_start: start }
            };
        }
        Some(first) if !is_marker(&bytes[first.clone()], b"---") => {
            return Split::NoFrontMatter { body_start: start };
        }
        Some(_) => {}
    }
    let yaml_start = lines.pos;
    while let Some(line) = lines.next() {
        let text = &bytes[line.clone()];
        if is_marker(text, b"---") || is_marker(text, b"...") {
            return Split::Closed {
                yaml: yaml_start..line.start,
                body_start: lines.pos,
            };
        }
    }
    if complete {
        Split::Unclosed { body_start: start }
    } else {
        Split::NeedMore
    }
}

/// A line that is exactly `marker`, allowing trailing blanks and a CR.
fn is_marker(line: &[u8], marker: &[u8]) -> bool {
    line.strip_prefix(marker)
        .is_some_and(|rest| rest.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')))
}

fn is_marker_prefix(head: &[u8]) -> bool {
    if head.len() <= 3 {
        head.iter().all(|&b| b == b'-')
    } else {
        is_marker(head, b"---")
    }
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
