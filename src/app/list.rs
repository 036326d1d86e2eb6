//! The article list as a sub-state: which articles are listed, in order,
//! the highlighted row, and a count being typed. It owns the moves within
//! the list (`moves`, with its `update`: counts: `5j`, `10G`; half pages;
//! `n` / `N` over the kept search's matches); `App` decides what is listed (filters, view, sort)
//! and hands it over with [`ListState::show`]. `App::update_list`
//! (`update/views`) routes the list view's keys to it and acts on its
//! outcome; the list also
//! chooses what the article view opens next (the selected article, the
//! next or previous one, the next unread).

use ratatui::layout::Rect;

use super::Cursor;

mod moves;

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
    visible: Vec<usize>,
    cursor: Cursor,
    /// A count typed in the list (`5` of `5j`), until the next key.
    count: Option<usize>,
    /// The count that applies to the action being handled.
    repeat: Option<usize>,
}

/// What a key in the list asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ListOutcome {
    /// Handled here.
    Done,
    /// Handled here; say this in the status line.
    Say(String),
    /// Not a list key: the app's to handle.
    Other,
}

impl ListState {
    /// Indices of the listed articles, in list order.
    pub(super) fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// The highlight and the list's scroll.
    pub(super) fn cursor(&self) -> Cursor {
        self.cursor
    }

    /// Puts the highlight back to `cursor` (kept from before a prompt),
    /// shown within `rows` rows.
    pub(super) fn put_cursor(&mut self, cursor: Cursor, rows: usize) {
        self.cursor = cursor;
        self.cursor.reveal(self.visible.len(), rows);
    }

    /// Highlights list position `position`, shown within `rows` rows.
    pub(super) fn select(&mut self, position: usize, rows: usize) {
        self.cursor.select(position, self.visible.len(), rows);
    }

    /// Keeps the highlight on screen after the screen changed to `rows`
    /// rows.
    pub(super) fn reveal(&mut self, rows: usize) {
        self.cursor.reveal(self.visible.len(), rows);
    }

    /// The highlighted article and up to `followers - 1` listed after it,
    /// and the highlight's row on screen: what to select again after the
    /// articles changed.
    pub(super) fn anchor(&self, followers: usize) -> (Vec<usize>, usize) {
        let selected = self.visible[self.cursor.selected.min(self.visible.len())..]
            .iter()
            .take(followers)
            .copied()
            .collect();
        let row = self.cursor.selected.saturating_sub(self.cursor.offset);
        (selected, row)
    }

    /// Lists `visible` as it is (computed for the current order), the
    /// highlight left for [`Self::place`].
    pub(super) fn replace(&mut self, visible: Vec<usize>) {
        self.visible = visible;
    }

    /// Highlights list position `position` on screen row `row_on_screen`
    /// if it can, shown within `rows` rows.
    pub(super) fn place(&mut self, position: usize, row_on_screen: usize, rows: usize) {
        self.cursor.selected = position;
        self.cursor.offset = position.saturating_sub(row_on_screen);
        self.cursor.reveal(self.visible.len(), rows);
    }

    /// Takes list position `row` out of the list (an article the view no
    /// longer admits).
    pub(super) fn remove(&mut self, row: usize) {
        if row < self.visible.len() {
            self.visible.remove(row);
        }
    }

    /// The first listed article after `current` (its position if listed,
    /// else from the top) that is not read, going round; with whether it
    /// went round.
    pub(super) fn next_unread(
        &self,
        current: Option<usize>,
        is_read: impl Fn(usize) -> bool,
    ) -> Option<(usize, bool)> {
        let len = self.visible.len();
        let here = current.and_then(|a| self.visible.iter().position(|&i| i == a));
        let start = here.map_or(0, |p| p + 1);
        let found = (start..len)
            .chain(0..start.min(len))
            .find(|&k| Some(self.visible[k]) != current && !is_read(self.visible[k]))?;
        Some((found, here.is_some_and(|p| found <= p)))
    }

    /// Moves the highlight by `delta` rows; says whether it moved.
    pub(super) fn step(&mut self, delta: isize, rows: usize) -> bool {
        let before = self.cursor.selected;
        self.cursor.move_by(delta, self.visible.len(), rows);
        self.cursor.selected != before
    }

    /// The article under the highlight.
    pub(super) fn selected_article(&self) -> Option<usize> {
        self.visible.get(self.cursor.selected).copied()
    }

    /// Lists `visible` (in the order `rank` gives), keeping the selected
    /// article on the same screen row when it is still listed, else
    /// selecting the one that followed it.
    pub(super) fn show(&mut self, visible: Vec<usize>, rank: &[u32], rows: usize) {
        let previous = self.selected_article();
        let row_on_screen = self.cursor.selected.saturating_sub(self.cursor.offset);
        self.visible = visible;
        let position = previous
            .and_then(|article| self.position_by_rank(article, rank))
            .unwrap_or(0);
        self.cursor.selected = position.min(self.visible.len().saturating_sub(1));
        self.cursor.offset = self.cursor.selected.saturating_sub(row_on_screen);
        self.cursor.reveal(self.visible.len(), rows);
    }

    /// Where `article` is, or would be, in the list, found by its rank in
    /// the list's order (`rank[article]`; the list is in that order).
    pub(super) fn position_by_rank(&self, article: usize, rank: &[u32]) -> Option<usize> {
        let at = *rank.get(article)?;
        Some(
            self.visible
                .partition_point(|&i| rank.get(i).is_some_and(|&r| r < at)),
        )
    }

    /// A click on screen row `row` of the list shown in `area`: selects
    /// the row clicked, or says the selected one was clicked (to open it).
    pub(super) fn click(&mut self, row: u16, area: Rect) -> Clicked {
        let Some(index) = self.cursor.row_at(row, area, self.visible.len()) else {
            return Clicked::Outside;
        };
        if index == self.cursor.selected {
            return Clicked::Selected;
        }
        self.cursor
            .select(index, self.visible.len(), usize::from(area.height));
        Clicked::Other
    }
}
