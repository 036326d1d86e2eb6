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
mod builder;
mod layout;
mod punct;
mod split;

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::width::{str_width, take_columns};
use atoms::Atom;
pub use builder::ParagraphBuilder;
use layout::Layout;

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

/// `text` wrapped to `width` columns, unstyled (titles, messages).
pub fn wrap_str(text: &str, width: usize) -> Vec<String> {
    Paragraph::<Style>::plain(text).wrap_plain(width)
}

#[cfg(test)]
mod tests;
