//! Greedy line filling over a paragraph's atoms: where each line starts
//! and ends at the widths asked.

use std::ops::Range;

use super::atoms::Atom;
use super::split;

/// Greedy line filling over atoms.
pub(super) struct Layout<'a> {
    text: &'a str,
    first: usize,
    rest: usize,
    lines: Vec<Range<usize>>,
    /// Current line: where it starts, where its visible text ends, and the
    /// columns used including trailing spaces.
    open: Option<(usize, usize)>,
    used: usize,
}

impl<'a> Layout<'a> {
    pub(super) fn new(text: &'a str, first: usize, rest: usize) -> Self {
        Layout {
            text,
            first,
            rest,
            lines: Vec::new(),
            open: None,
            used: 0,
        }
    }

    fn room(&self) -> usize {
        if self.lines.is_empty() {
            self.first
        } else {
            self.rest
        }
    }

    // Called once per atom (a CJK body has one per character) by
    // `Paragraph::line_ranges`, which is generic and so compiled where it
    // is used: without `#[inline]` that is a call per atom.
    #[inline]
    pub(super) fn add(&mut self, start: usize, a: &Atom) {
        if self.open.is_some() && self.used + a.width() > self.room() && a.width() <= self.rest {
            self.close();
        }
        if self.used + a.width() <= self.room() {
            let line_start = self.open.map_or(start, |(s, _)| s);
            self.open = Some((line_start, a.content_end()));
            self.used += a.width() + a.space();
        } else {
            self.split(start, a);
        }
        if a.hard_break() {
            self.close_even_empty();
        }
    }

    /// An atom wider than a whole line: fill what is left of the current
    /// line, then whole lines, and keep the remainder open.
    fn split(&mut self, start: usize, a: &Atom) {
        let mut at = start;
        while at < a.content_end() {
            let room = self.room().saturating_sub(self.used);
            if room == 0 && self.open.is_some() {
                self.close();
                continue;
            }
            let piece = &self.text[at..a.content_end()];
            let (len, cols) = match split::fitting_prefix(piece, room.max(1)) {
                Some(cut) => cut,
                None if self.open.is_some() => {
                    self.close();
                    continue;
                }
                None => split::first_code_points(piece, room.max(1)),
            };
            let line_start = self.open.map_or(at, |(s, _)| s);
            at += len;
            self.open = Some((line_start, at));
            self.used += cols;
            if at < a.content_end() {
                self.close();
            }
        }
        self.used += a.space();
    }

    fn close(&mut self) {
        if let Some((s, e)) = self.open.take() {
            self.lines.push(s..e);
        }
        self.used = 0;
    }

    fn close_even_empty(&mut self) {
        if self.open.is_none() {
            let at = self.lines.last().map_or(0, |r| r.end);
            self.lines.push(at..at);
        }
        self.close();
    }

    pub(super) fn finish(mut self) -> Vec<Range<usize>> {
        self.close();
        if self.lines.is_empty() {
            self.lines.push(0..0);
        }
        self.lines
    }
}
