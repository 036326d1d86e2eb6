//! CJK-aware line wrapping in display columns, used for every piece of
//! article text that is drawn (bodies, titles, link lists).
//!
//! Breaks come from UAX #14 (unicode-linebreak): between any two ideographs,
//! at spaces between Latin words, never inside a number or word unless it is
//! wider than the whole line. Closing punctuation never starts a line and
//! opening brackets never end one, grapheme clusters are never split, and no
//! line is ever wider than asked, whatever the width. A paragraph is analysed
//! once ([`Paragraph`]) and can then be laid out at any width in linear time.

mod atoms;
mod punct;
mod split;

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::sanitize::is_unsafe;
use super::width::{str_width, take_columns};
use atoms::{Atom, atoms};

/// Columns between tab stops when a tab is expanded.
const TAB_STOP: usize = 4;

/// Largest paragraph kept (atoms store 31-bit offsets); more is dropped.
const MAX_TEXT: usize = 1 << 30;

/// The longest prefix of `text` of at most `max` bytes (a tab may expand a
/// little past it; the cap keeps ample margin).
fn within_cap(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Characters taken as they are: no tab, line break or invisible control.
fn is_plain(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_control();
    }
    !is_unsafe(c) && !matches!(c, '\u{2028}' | '\u{2029}')
}

/// Builds a [`Paragraph`] from pieces of styled text. `S` is how a piece
/// is styled: a terminal `Style`, or anything a caller turns into one when
/// it lays the paragraph out (article text carries its role).
#[derive(Debug, Default, Clone)]
pub struct ParagraphBuilder<S = Style> {
    text: String,
    styles: Vec<(usize, S)>,
    glued: Vec<usize>,
    /// Where the current line starts, and a byte offset with the column it
    /// is at, for tab stops.
    line_start: usize,
    column_cache: (usize, usize),
}

impl<S: Copy + PartialEq + Default> ParagraphBuilder<S> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `text` in `style`. Tabs are expanded, `\n` (and U+2028/9)
    /// forces a line break, and control or invisible characters are dropped.
    pub fn push(&mut self, text: &str, style: S) {
        let text = within_cap(text, MAX_TEXT.saturating_sub(self.text.len()));
        if text.is_empty() {
            return;
        }
        if self.styles.last().is_none_or(|&(_, s)| s != style) {
            self.styles.push((self.text.len(), style));
        }
        if text.chars().all(is_plain) {
            self.text.push_str(text);
        } else {
            for c in text.chars() {
                self.push_special(c);
            }
        }
        // A style run that produced no text (all controls) is dropped.
        if let Some(&(start, _)) = self.styles.last() {
            if start == self.text.len() {
                self.styles.pop();
            }
        }
    }

    fn push_special(&mut self, c: char) {
        match c {
            '\t' => {
                let n = TAB_STOP - self.column() % TAB_STOP;
                self.text.extend(std::iter::repeat_n(' ', n));
            }
            '\n' | '\u{2028}' | '\u{2029}' => {
                self.text.push('\n');
                self.line_start = self.text.len();
            }
            // The joiner inside an emoji sequence is the one invisible
            // character sanitising keeps; it changes what is drawn.
            '\u{200D}' => self.text.push(c),
            c if is_unsafe(c) => {}
            c => self.text.push(c),
        }
    }

    /// The column the text has reached on its current line; remembers where
    /// it measured so a line of many tabs stays linear.
    fn column(&mut self) -> usize {
        let (at, col) = self.column_cache;
        let (from, base) = if at >= self.line_start {
            (at, col)
        } else {
            (self.line_start, 0)
        };
        let column = base + str_width(&self.text[from..]);
        self.column_cache = (self.text.len(), column);
        column
    }

    /// Appends `text` with no break allowed before it (a link's number
    /// stays with the link text).
    pub fn push_glued(&mut self, text: &str, style: S) {
        if !self.text.is_empty() && !text.is_empty() {
            self.glued.push(self.text.len());
        }
        self.push(text, style);
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Appends a whole paragraph, keeping its styles and glued places.
    pub fn push_paragraph(&mut self, p: &Paragraph<S>) {
        let offset = self.text.len();
        let mut glued = p.glued.iter().peekable();
        for (i, &(start, style)) in p.styles.iter().enumerate() {
            let end = p.styles.get(i + 1).map_or(p.text.len(), |&(s, _)| s);
            let mut at = start;
            // Re-split at glued offsets so each keeps its place.
            while let Some(&&g) = glued.peek() {
                if g >= end {
                    break;
                }
                if g > at {
                    self.push(&p.text[at..g], style);
                }
                if g > 0 || offset > 0 {
                    self.glued.push(self.text.len());
                }
                at = g.max(at);
                glued.next();
            }
            self.push(&p.text[at..end], style);
        }
    }

    /// The text so far, without styles.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Finds the break opportunities once.
    pub fn finish(self) -> Paragraph<S> {
        let atoms = atoms(&self.text, &self.glued);
        Paragraph {
            text: self.text,
            styles: self.styles,
            glued: self.glued,
            atoms,
        }
    }
}

/// Styled text ready to be wrapped at any width.
#[derive(Debug, Clone, Default)]
pub struct Paragraph<S = Style> {
    text: String,
    /// Byte offset where each style starts, ascending, the first at 0.
    styles: Vec<(usize, S)>,
    glued: Vec<usize>,
    atoms: Vec<Atom>,
}

impl<S: Copy + PartialEq + Default> Paragraph<S> {
    /// Unstyled text.
    pub fn plain(text: &str) -> Self {
        Self::styled(text, S::default())
    }

    /// Text in one style.
    pub fn styled(text: &str, style: S) -> Self {
        let mut b = ParagraphBuilder::new();
        b.push(text, style);
        b.finish()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The text as styled pieces, in order.
    pub fn pieces(&self) -> impl Iterator<Item = (&str, S)> + '_ {
        self.styles.iter().enumerate().map(|(i, &(start, style))| {
            let end = self.styles.get(i + 1).map_or(self.text.len(), |&(s, _)| s);
            (&self.text[start..end], style)
        })
    }

    /// Columns the text takes unwrapped (its widest forced line).
    pub fn width(&self) -> usize {
        let mut widest = 0;
        let mut line = 0;
        for a in &self.atoms {
            widest = widest.max(line + a.width());
            line += a.width() + a.space();
            if a.hard_break() {
                line = 0;
            }
        }
        widest
    }

    /// Columns of the widest piece that cannot be broken.
    pub fn min_width(&self) -> usize {
        self.atoms.iter().map(|a| a.width()).max().unwrap_or(0)
    }

    /// Lines of at most `width` columns, each piece in the terminal style
    /// `look` gives for its style.
    pub fn wrap_in(&self, width: usize, look: &impl Fn(S) -> Style) -> Vec<Line<'static>> {
        self.wrap_hanging_in(width, width, look)
    }

    /// Lines of at most `first` columns for the first line and `rest` for
    /// the others (room left beside a bullet or a label), each piece in the
    /// terminal style `look` gives for its style.
    pub fn wrap_hanging_in(
        &self,
        first: usize,
        rest: usize,
        look: &impl Fn(S) -> Style,
    ) -> Vec<Line<'static>> {
        self.line_ranges(first, rest)
            .into_iter()
            .enumerate()
            .map(|(i, r)| self.styled_line(r, if i == 0 { first } else { rest }, look))
            .collect()
    }

    /// Lines as plain strings.
    pub fn wrap_plain(&self, width: usize) -> Vec<String> {
        self.line_ranges(width, width)
            .into_iter()
            .map(|r| fit_plain(&self.text[r], width.max(1)).to_owned())
            .collect()
    }

    /// Byte ranges of the lines (trailing spaces excluded).
    pub fn line_ranges(&self, first: usize, rest: usize) -> Vec<Range<usize>> {
        let mut lines = Layout::new(&self.text, first.max(1), rest.max(1));
        let mut start = 0;
        for a in &self.atoms {
            lines.add(start, a);
            start = a.end();
        }
        lines.finish()
    }

    fn styled_line(
        &self,
        range: Range<usize>,
        width: usize,
        look: &impl Fn(S) -> Style,
    ) -> Line<'static> {
        let width = width.max(1);
        let mut spans = Vec::new();
        let first = self.styles.partition_point(|&(s, _)| s <= range.start);
        let mut i = first.saturating_sub(1);
        while i < self.styles.len() && self.styles[i].0 < range.end {
            let from = self.styles[i].0.max(range.start);
            let to = self
                .styles
                .get(i + 1)
                .map_or(range.end, |&(s, _)| s.min(range.end));
            if from < to {
                spans.push(Span::styled(
                    self.text[from..to].to_owned(),
                    look(self.styles[i].1),
                ));
            }
            i += 1;
        }
        let line = Line::from(spans);
        if spans_width(&line) <= width {
            line
        } else {
            // Only reachable when one code point is wider than the line.
            Line::from(fit_plain(&self.text[range], width).to_owned())
        }
    }
}

impl Paragraph<Style> {
    /// Lines of at most `width` columns.
    pub fn wrap(&self, width: usize) -> Vec<Line<'static>> {
        self.wrap_in(width, &|style| style)
    }

    /// Lines of at most `first` columns for the first line and `rest` for
    /// the others (room left beside a bullet or a label).
    pub fn wrap_hanging(&self, first: usize, rest: usize) -> Vec<Line<'static>> {
        self.wrap_hanging_in(first, rest, &|style| style)
    }
}

fn spans_width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| str_width(&s.content)).sum()
}

fn fit_plain(s: &str, width: usize) -> &str {
    if str_width(s) <= width {
        s
    } else {
        take_columns(s, width)
    }
}

/// Greedy line filling over atoms.
struct Layout<'a> {
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
    fn new(text: &'a str, first: usize, rest: usize) -> Self {
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

    fn add(&mut self, start: usize, a: &Atom) {
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

    fn finish(mut self) -> Vec<Range<usize>> {
        self.close();
        if self.lines.is_empty() {
            self.lines.push(0..0);
        }
        self.lines
    }
}

/// `text` wrapped to `width` columns, unstyled (titles, messages).
pub fn wrap_str(text: &str, width: usize) -> Vec<String> {
    Paragraph::<Style>::plain(text).wrap_plain(width)
}

#[cfg(test)]
mod tests;
