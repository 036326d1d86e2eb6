//! Markdown links and bare URLs: their text is kept, their targets are
//! skipped.

use super::{Stripper, starts_with_ignore_case};

/// How far ahead a `[` looks for the `](` that makes it a link.
const MAX_LINK_TEXT: usize = 1024;
/// How long a link target `(...)` may be (archive URLs reach 3,000 bytes).
const MAX_LINK_TARGET: usize = 8 * 1024;
/// Nested `[` whose closing `]` is still ahead.
const MAX_LINK_DEPTH: usize = 8;

impl Stripper<'_> {
    /// Whether the `]` at `at` closes a link opened earlier.
    pub(super) fn closes_link(&mut self, at: usize) -> bool {
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
    pub(super) fn open_link(&mut self, at: usize) -> bool {
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
    pub(super) fn skip_link_target(&self, at: usize) -> usize {
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
    pub(super) fn skip_url(&self, at: usize) -> usize {
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
}
