//! The article list as a sub-state: which articles are listed, in order,
//! and the highlighted row. It owns the moves within the list; `App`
//! decides what is listed (filters, view, sort) and hands it over with
//! [`ListState::show`].

use ratatui::layout::Rect;

use super::cursor::signed;
use super::{Action, Cursor};

/// Rows the mouse wheel moves per notch (the list and the article view).
pub(super) const WHEEL_ROWS: isize = 3;

/// Where a click in the list landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Clicked {
    /// Below the last row or outside the list.
    Outside,
    /// On the highlighted row (which opens it).
    Selected,
    /// On another row, now highlighted.
    Other,
}

/// The listed articles and the highlight.
#[derive(Debug, Default)]
pub(super) struct ListState {
    /// Indices of the articles the list shows, in list order.
    pub(super) visible: Vec<usize>,
    pub(super) cursor: Cursor,
}

impl ListState {
    /// The article under the highlight.
    pub(super) fn selected_article(&self) -> Option<usize> {
        self.visible.get(self.cursor.selected).copied()
    }

    /// Moves the highlight for a movement key or the wheel, `rows` being
    /// the rows on screen; says whether `action` was one.
    /// `count` (typed before the key: `5j`, `10G`) repeats a move; with
    /// it, `g` and `G` go to that row (from 1).
    pub(super) fn update(&mut self, action: &Action, rows: usize, count: Option<usize>) -> bool {
        let len = self.visible.len();
        let times = signed(count.unwrap_or(1));
        let page = signed(rows.max(1)).saturating_mul(times);
        let half = signed((rows / 2).max(1)).saturating_mul(times);
        let cursor = &mut self.cursor;
        match action {
            Action::MoveDown | Action::NextArticle => cursor.move_by(times, len, rows),
            Action::MoveUp | Action::PrevArticle => cursor.move_by(-times, len, rows),
            Action::PageDown | Action::PageOrNextUnread => cursor.move_by(page, len, rows),
            Action::PageUp => cursor.move_by(-page, len, rows),
            Action::HalfPageDown => cursor.move_by(half, len, rows),
            Action::HalfPageUp => cursor.move_by(-half, len, rows),
            Action::First => cursor.select(count.map_or(0, |n| n - 1), len, rows),
            Action::Last => cursor.select(count.map_or(len, |n| n - 1), len, rows),
            Action::ScrollDown { .. } => cursor.scroll_by(WHEEL_ROWS, len, rows),
            Action::ScrollUp { .. } => cursor.scroll_by(-WHEEL_ROWS, len, rows),
            _ => return false,
        }
        true
    }

    /// Lists `visible` (in the order `rank` gives), keeping the selected
    /// article on the same screen row when it is still listed, else
    /// selecting the one that followed it.
    pub(super) fn show(&mut self, visible: Vec<usize>, rank: &[usize], rows: usize) {
        let previous = self.selected_article();
        let row_on_screen = self.cursor.selected.saturating_sub(self.cursor.offset);
        self.visible = visible;
        let position = previous.map_or(0, |article| {
            let at = rank[article];
            self.visible.partition_point(|&i| rank[i] < at)
        });
        self.cursor.selected = position.min(self.visible.len().saturating_sub(1));
        self.cursor.offset = self.cursor.selected.saturating_sub(row_on_screen);
        self.cursor.reveal(self.visible.len(), rows);
    }

    /// A click on screen row `row` of the list shown in `area`: selects
    /// the row clicked, or says the selected one was clicked (to open it).
    pub(super) fn click(&mut self, row: u16, area: Rect) -> Clicked {
        if row < area.y || row >= area.y + area.height {
            return Clicked::Outside;
        }
        let index = self.cursor.offset + usize::from(row - area.y);
        if index >= self.visible.len() {
            return Clicked::Outside;
        }
        if index == self.cursor.selected {
            return Clicked::Selected;
        }
        self.cursor
            .select(index, self.visible.len(), usize::from(area.height));
        Clicked::Other
    }
}
