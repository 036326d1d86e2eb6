//! Tables laid out at a width: an aligned grid when every cell fits on one
//! line (cells aligned as the table says), otherwise one record per block,
//! a `column: value` line per cell. Cells are never wrapped side by side:
//! the halves of a wrapped word would sit lines apart with other cells
//! between them. Never wider than asked.

use ratatui::text::{Line, Span};

use super::convert::Align;
use super::style::{self, ArticleStyles, Look};
use crate::text::width::str_width;
use crate::text::wrap::{Paragraph, ParagraphBuilder};

/// Below this width a record's wrapped lines are not indented.
const MIN_COLUMN: usize = 6;
const SEPARATOR: &str = " │ ";

#[derive(Debug, Clone, Default)]
pub(super) struct Table {
    rows: Vec<Row>,
    columns: usize,
}

/// One cell: whether it is a header cell, its alignment, its text.
#[derive(Debug, Clone)]
pub(super) struct TableCell {
    pub head: bool,
    pub align: Align,
    pub para: Paragraph<Look>,
}

#[derive(Debug, Clone)]
struct Row {
    head: bool,
    cells: Vec<TableCell>,
}

impl Table {
    pub(super) fn push_row(&mut self, cells: Vec<TableCell>) {
        let head = !cells.is_empty() && cells.iter().all(|c| c.head);
        self.columns = self.columns.max(cells.len());
        self.rows.push(Row { head, cells });
    }

    /// The table at `width` columns, in `styles`.
    pub(super) fn layout(&self, width: usize, styles: &ArticleStyles) -> Vec<Line<'static>> {
        if self.columns == 0 {
            return Vec::new();
        }
        match self.column_widths(width) {
            Some(widths) => self.grid(&widths, styles),
            None => self.records(width, styles),
        }
    }

    /// Column widths when every cell fits unwrapped in `width`.
    fn column_widths(&self, width: usize) -> Option<Vec<usize>> {
        let n = self.columns;
        let separators = str_width(SEPARATOR) * (n - 1);
        let room = width.checked_sub(separators)?;
        let natural: Vec<usize> = (0..n)
            .map(|c| {
                let cells = self.rows.iter().filter_map(|r| r.cells.get(c));
                cells.map(|c| c.para.width()).max().unwrap_or(0).max(1)
            })
            .collect();
        (natural.iter().sum::<usize>() <= room).then_some(natural)
    }

    fn grid(&self, widths: &[usize], styles: &ArticleStyles) -> Vec<Line<'static>> {
        let look = |look: Look| styles.style(look);
        let border = look(style::table_border());
        let mut out = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            let wrapped: Vec<Vec<Line<'static>>> = widths
                .iter()
                .enumerate()
                .map(|(c, &w)| {
                    row.cells
                        .get(c)
                        .map(|c| c.para.wrap_in(w, &look))
                        .unwrap_or_default()
                })
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
            for k in 0..height {
                let mut spans: Vec<Span<'static>> = Vec::new();
                for (c, &w) in widths.iter().enumerate() {
                    if c > 0 {
                        spans.push(Span::styled(SEPARATOR, border));
                    }
                    let cell = wrapped[c].get(k).cloned().unwrap_or_default();
                    let used: usize = cell.spans.iter().map(|s| str_width(&s.content)).sum();
                    let pad = w.saturating_sub(used);
                    let align = row.cells.get(c).map_or(Align::Left, |c| c.align);
                    let before = match align {
                        Align::Left => 0,
                        Align::Right => pad,
                        Align::Center => pad / 2,
                    };
                    if before > 0 {
                        spans.push(Span::raw(" ".repeat(before)));
                    }
                    spans.extend(cell.spans);
                    if c + 1 < widths.len() {
                        spans.push(Span::raw(" ".repeat(pad - before)));
                    }
                }
                trim_end(&mut spans);
                out.push(Line::from(spans));
            }
            let next_is_body = self.rows.get(i + 1).is_some_and(|r| !r.head);
            if row.head && next_is_body {
                out.push(head_rule(widths, border));
            }
        }
        out
    }

    /// One block per body row, one `column: value` line per non-empty
    /// cell (labelled by the first header row; unlabelled without one),
    /// wrapped lines indented; a blank line between records.
    fn records(&self, width: usize, styles: &ArticleStyles) -> Vec<Line<'static>> {
        let labels = self.rows.iter().find(|r| r.head);
        let indent = if width > MIN_COLUMN { 2 } else { 0 };
        let mut out = Vec::new();
        for row in &self.rows {
            if labels.is_some_and(|l| std::ptr::eq(l, row)) {
                continue;
            }
            if !out.is_empty() {
                out.push(Line::default());
            }
            for (c, cell) in row.cells.iter().enumerate() {
                if cell.para.is_empty() {
                    continue;
                }
                let mut b = ParagraphBuilder::new();
                let label = labels.and_then(|l| l.cells.get(c)).map(|l| &l.para);
                if let Some(label) = label.filter(|l| !l.is_empty()) {
                    b.push_paragraph(label);
                    b.push_glued(":", style::table_head());
                    b.push(" ", style::table_head());
                }
                b.push_paragraph(&cell.para);
                let para = b.finish();
                for (k, line) in para
                    .wrap_hanging_in(width, width - indent, &|look| styles.style(look))
                    .into_iter()
                    .enumerate()
                {
                    if k == 0 || indent == 0 {
                        out.push(line);
                    } else {
                        let mut spans = vec![Span::raw(" ".repeat(indent))];
                        spans.extend(line.spans);
                        out.push(Line::from(spans));
                    }
                }
            }
        }
        out
    }
}

/// Drops spaces at the end of a grid line (padding, an empty last cell).
fn trim_end(spans: &mut Vec<Span<'static>>) {
    while let Some(last) = spans.last_mut() {
        let kept = last.content.trim_end().len();
        if kept > 0 {
            last.content.to_mut().truncate(kept);
            return;
        }
        spans.pop();
    }
}

/// `───┼───` under a header row, matching the column widths exactly.
fn head_rule(widths: &[usize], border: ratatui::style::Style) -> Line<'static> {
    let dash = str_width("─").max(1);
    let fill = |w: usize| {
        let mut s = "─".repeat(w / dash);
        s.push_str(&" ".repeat(w % dash));
        s
    };
    let sep_width = str_width(SEPARATOR);
    let cross = str_width("┼");
    let junction = if cross + 2 * dash <= sep_width {
        let side = (sep_width - cross) / 2;
        format!("{}┼{}", fill(side), fill(sep_width - cross - side))
    } else {
        fill(sep_width)
    };
    let text = widths
        .iter()
        .map(|&w| fill(w))
        .collect::<Vec<_>>()
        .join(&junction);
    Line::styled(text, border)
}
