//! Building lines that never exceed their width. All text drawn goes
//! through [`LineBuilder`] (or `app::detail`'s cached lines), which makes
//! it [`cells::terminal_safe`].

use std::borrow::Cow;
use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text::{cells, width};

/// A line being built left to right within a column budget: every push is
/// cut (with an ellipsis) to what is left, so the result never overflows.
pub struct LineBuilder {
    spans: Vec<Span<'static>>,
    left: usize,
    /// A push was cut: its ellipsis ends the text, nothing more is added.
    cut: bool,
}

impl LineBuilder {
    pub fn new(width: usize) -> Self {
        LineBuilder {
            spans: Vec::new(),
            left: width,
            cut: false,
        }
    }

    /// Columns still free.
    pub fn left(&self) -> usize {
        self.left
    }

    /// Appends `text`, cut to the room left; says whether all of it fit.
    /// After a cut nothing more is added (one ellipsis, at the end).
    pub fn push(&mut self, text: &str, style: Style) -> bool {
        let text = cells::terminal_safe(text);
        let text = text.as_ref();
        if self.left == 0 || self.cut || text.is_empty() {
            return text.is_empty();
        }
        let cut = width::truncate(text, self.left);
        let used = width::str_width(&cut);
        let whole = cut.len() == text.len();
        self.cut = !whole;
        self.left -= used.min(self.left);
        self.spans.push(Span::styled(cut, style));
        whole
    }

    /// Appends `text` padded or cut to exactly `columns` (or what is left).
    pub fn push_fit(&mut self, text: &str, columns: usize, style: Style) {
        let columns = columns.min(self.left);
        if columns > 0 {
            self.spans.push(Span::styled(
                width::fit(&cells::terminal_safe(text), columns),
                style,
            ));
            self.left -= columns;
        }
    }

    /// Fills the rest with spaces in `style` (for highlighted rows).
    pub fn pad(mut self, style: Style) -> Self {
        if self.left > 0 {
            self.spans.push(Span::styled(" ".repeat(self.left), style));
            self.left = 0;
        }
        self
    }

    pub fn build(self) -> Line<'static> {
        let mut line = Line::from(self.spans);
        if width::ambiguous_wide() {
            widen_spans(&mut line);
        }
        line
    }
}

/// `line` ready for ratatui when ambiguous characters are wide (see
/// [`cells::SPACER`]); `None` when it needs nothing.
pub fn widened(line: &Line<'static>) -> Option<Line<'static>> {
    if !width::ambiguous_wide() {
        return None;
    }
    let mut line = line.clone();
    widen_spans(&mut line);
    Some(line)
}

fn widen_spans(line: &mut Line<'static>) {
    for span in &mut line.spans {
        if let Cow::Owned(wide) = cells::widen_ambiguous(&span.content) {
            span.content = wide.into();
        }
    }
}

/// Turns each [`cells::SPACER`] after a widened character into the covered
/// second column of that character: ratatui then writes the character once
/// and never writes over its second column, where the terminal draws it. A
/// spacer left alone (what it followed was drawn over) becomes a blank.
pub fn settle_spacers(buffer: &mut Buffer) {
    let area = buffer.area;
    let spacer = cells::SPACER.to_string();
    let two = NonZeroU16::new(2).expect("2 is not zero");
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if buffer[(x, y)].symbol() != spacer {
                continue;
            }
            buffer[(x, y)].set_symbol(" ");
            if x == area.left() {
                continue;
            }
            let before = &mut buffer[(x - 1, y)];
            let mut chars = before.symbol().chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                if width::widened_by_ambiguous(c) {
                    before.set_diff_option(CellDiffOption::ForcedWidth(two));
                }
            }
        }
    }
}

/// `n` with thousands separators: 49118 -> "49,118".
pub use crate::text::thousands::thousands as count;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_wider_than_the_budget() {
        let mut b = LineBuilder::new(9);
        assert!(b.push("香港", Style::new()));
        assert!(!b.push(" 東京都", Style::new()));
        assert_eq!(b.left(), 1, "a wide character never straddles the edge");
        let line = b.build();
        assert_eq!(line.to_string(), "香港 東…");
        assert!(line.width() <= 9);
        let mut b = LineBuilder::new(9);
        b.push("香港 東京都", Style::new());
        assert!(!b.push("x", Style::new()), "nothing after a cut");
        assert_eq!(b.build().to_string(), "香港 東…");
        let mut b = LineBuilder::new(5);
        b.push_fit("中文字", 3, Style::new());
        assert_eq!(b.pad(Style::new()).build().to_string(), "中…  ");
    }

    #[test]
    fn counts_have_separators() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(49_118), "49,118");
        assert_eq!(count(1_234_567), "1,234,567");
    }
}
