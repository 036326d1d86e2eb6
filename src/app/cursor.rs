//! A highlighted row in a scrolling list (the article list, a picker, the
//! sources view, the timeline).

use ratatui::layout::Rect;

use super::Action;
use super::list::WHEEL_ROWS;

/// Which row is highlighted and which row is at the top of the window.
/// Every method keeps `selected` inside the list and on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    /// Moves the highlight by `delta` rows, stopping at either end.
    pub fn move_by(&mut self, delta: isize, len: usize, rows: usize) {
        let target = self.selected.saturating_add_signed(delta);
        self.select(target, len, rows);
    }

    /// The row of a list of `len` rows shown in `area` that a click on
    /// screen row `row` hit, if any.
    pub fn row_at(&self, row: u16, area: Rect, len: usize) -> Option<usize> {
        if row < area.y || row >= area.y + area.height {
            return None;
        }
        let index = self.offset + usize::from(row - area.y);
        (index < len).then_some(index)
    }

    /// Highlights row `index` (clamped to the list).
    pub fn select(&mut self, index: usize, len: usize, rows: usize) {
        self.selected = index.min(len.saturating_sub(1));
        self.reveal(len, rows);
    }

    /// Scrolls the window by `delta` rows without moving the highlight,
    /// unless it would leave the window.
    pub fn scroll_by(&mut self, delta: isize, len: usize, rows: usize) {
        let max_offset = len.saturating_sub(rows.max(1));
        self.offset = self.offset.saturating_add_signed(delta).min(max_offset);
        let last_shown = self.offset + rows.max(1) - 1;
        self.selected = self
            .selected
            .clamp(self.offset, last_shown)
            .min(len.saturating_sub(1));
    }

    /// Follows a plain movement key or the wheel (a row, a page, either
    /// end) in a list of `len` rows with `rows` on screen; says whether
    /// `action` was one. The article list has its own, with counts.
    pub fn follow(&mut self, action: &Action, len: usize, rows: usize) -> bool {
        let page = signed(rows.max(1));
        match action {
            Action::MoveDown => self.move_by(1, len, rows),
            Action::MoveUp => self.move_by(-1, len, rows),
            Action::PageDown => self.move_by(page, len, rows),
            Action::PageUp => self.move_by(-page, len, rows),
            Action::ScrollDown { .. } => self.scroll_by(WHEEL_ROWS, len, rows),
            Action::ScrollUp { .. } => self.scroll_by(-WHEEL_ROWS, len, rows),
            Action::First => self.select(0, len, rows),
            Action::Last => self.select(len, len, rows),
            _ => return false,
        }
        true
    }

    /// Adjusts the window so the highlight is on screen, and never leaves
    /// blank rows at the bottom while there are rows above the window.
    pub fn reveal(&mut self, len: usize, rows: usize) {
        let rows = rows.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(len.saturating_sub(rows));
    }
}

/// A row count as a signed step (saturating; row counts are small).
pub fn signed(rows: usize) -> isize {
    isize::try_from(rows).unwrap_or(isize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_click_hits_the_row_under_it_inside_the_list_only() {
        let area = Rect::new(0, 2, 40, 5);
        let cursor = Cursor {
            selected: 12,
            offset: 10,
        };
        assert_eq!(cursor.row_at(2, area, 20), Some(10));
        assert_eq!(cursor.row_at(6, area, 20), Some(14));
        assert_eq!(cursor.row_at(1, area, 20), None, "above");
        assert_eq!(cursor.row_at(7, area, 20), None, "below");
        assert_eq!(cursor.row_at(5, area, 13), None, "past the last row");
    }

    #[test]
    fn selection_stays_on_screen() {
        let mut c = Cursor::default();
        c.move_by(5, 100, 10);
        assert_eq!((c.selected, c.offset), (5, 0));
        c.move_by(10, 100, 10);
        assert_eq!((c.selected, c.offset), (15, 6));
        c.move_by(-1000, 100, 10);
        assert_eq!((c.selected, c.offset), (0, 0));
        c.select(1000, 100, 10);
        assert_eq!((c.selected, c.offset), (99, 90));
        c.scroll_by(-3, 100, 10);
        assert_eq!((c.selected, c.offset), (96, 87));
        c.reveal(0, 10);
        assert_eq!((c.selected, c.offset), (0, 0));
    }

    #[test]
    fn a_shrinking_window_keeps_the_selection() {
        let mut c = Cursor {
            selected: 30,
            offset: 20,
        };
        c.reveal(100, 5);
        assert_eq!((c.selected, c.offset), (30, 26));
    }
}
