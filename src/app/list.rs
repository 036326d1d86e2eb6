//! The article list as a sub-state: which articles are listed, in order,
//! the highlighted row, and a count being typed. It owns the moves within
//! the list (counts: `5j`, `10G`; half pages; `n` / `N` over the kept
//! search's matches); `App` decides what is listed (filters, view, sort)
//! and hands it over with [`ListState::show`]. `App::update_list` routes
//! the list view's keys to it and acts on its outcome; the list also
//! chooses what the article view opens next (the selected article, the
//! next or previous one, the next unread).

use ratatui::layout::Rect;

use super::cursor::signed;
use super::{Action, App, Criterion, Cursor, Effect};

/// Larger counts are cut to this (no list is longer).
const MAX_COUNT: usize = 10_000_000;

/// Rows the mouse wheel moves per notch (the list and the article view).
pub(super) const WHEEL_ROWS: isize = 3;

/// Where a click in the list landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clicked {
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
    /// A count typed in the list (`5` of `5j`), until the next key.
    count: Option<usize>,
    /// The count that applies to the action being handled.
    repeat: Option<usize>,
}

/// What a key in the list asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ListOutcome {
    /// Handled here.
    Done,
    /// Handled here; say this in the status line.
    Say(String),
    /// Not a list key: the app's to handle.
    Other,
}

impl ListState {
    /// The article under the highlight.
    pub(super) fn selected_article(&self) -> Option<usize> {
        self.visible.get(self.cursor.selected).copied()
    }

    /// A user's key arrives: a count typed before it applies to it (and
    /// only to it), unless it is a digit of the count.
    pub(super) fn start_key(&mut self, action: &Action) {
        self.repeat = if matches!(action, Action::Count(_)) {
            None
        } else {
            self.count.take()
        };
    }

    /// Follows `action` with `rows` rows on screen; `search` is the kept
    /// search, which `n` / `N` step through.
    fn update(&mut self, action: &Action, rows: usize, search: Option<&Criterion>) -> ListOutcome {
        let counted = self.repeat.take();
        if self.follow(action, rows, counted) {
            return ListOutcome::Done;
        }
        match action {
            Action::Count(digit) => self.push_count(*digit),
            Action::NextMatch => self.step_match(true, counted.unwrap_or(1), rows, search),
            Action::PrevMatch => self.step_match(false, counted.unwrap_or(1), rows, search),
            _ => ListOutcome::Other,
        }
    }

    /// Moves the highlight for a movement key or the wheel, `rows` being
    /// the rows on screen; says whether `action` was one.
    /// `count` (typed before the key: `5j`, `10G`) repeats a move; with
    /// it, `g` and `G` go to that row (from 1).
    fn follow(&mut self, action: &Action, rows: usize, count: Option<usize>) -> bool {
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

    /// A digit typed in the list: the count grows, and says so.
    fn push_count(&mut self, digit: u8) -> ListOutcome {
        let count = self
            .count
            .unwrap_or(0)
            .saturating_mul(10)
            .saturating_add(usize::from(digit))
            .min(MAX_COUNT);
        if count == 0 {
            // A leading 0 is no count.
            self.count = None;
            return ListOutcome::Done;
        }
        self.count = Some(count);
        ListOutcome::Say(format!("{count}  (then j, k, G, Space…)"))
    }

    /// `n` / `N` in the list: the next / previous listed article the kept
    /// search matches, going round at the ends.
    fn step_match(
        &mut self,
        forward: bool,
        times: usize,
        rows: usize,
        search: Option<&Criterion>,
    ) -> ListOutcome {
        let Some(Criterion::Search { matches, text }) = search else {
            return ListOutcome::Say("No search to step through: / searches".to_owned());
        };
        let len = self.visible.len();
        let hits: Vec<usize> = (0..len)
            .filter(|&k| matches.contains(self.visible[k]))
            .collect();
        if hits.is_empty() {
            return ListOutcome::Say(format!("No listed article matches /{text}"));
        }
        let mut at = self.cursor.selected;
        for _ in 0..times.min(hits.len()) {
            at = if forward {
                hits.iter().copied().find(|&k| k > at).unwrap_or(hits[0])
            } else {
                hits.iter()
                    .rev()
                    .copied()
                    .find(|&k| k < at)
                    .unwrap_or(hits[hits.len() - 1])
            };
        }
        self.cursor.select(at, len, rows);
        let nth = hits.partition_point(|&k| k < at) + 1;
        ListOutcome::Say(format!("{nth}/{} with /{text}", hits.len()))
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
    fn click(&mut self, row: u16, area: Rect) -> Clicked {
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

impl App {
    /// Routes `action` to the list, then does what it asks; keys that are
    /// not the list's own go on to the views' common keys.
    pub(super) fn update_list(&mut self, action: Action) -> Vec<Effect> {
        let rows = self.size.body_rows();
        match self.list.update(&action, rows, self.filters.search()) {
            ListOutcome::Done => return Vec::new(),
            ListOutcome::Say(text) => {
                self.notify(text);
                return Vec::new();
            }
            ListOutcome::Other => {}
        }
        match action {
            Action::Open => return self.open_selected(),
            Action::Click { row, .. } => {
                let area = self.size.body_area();
                if !self.size.too_small() && self.list.click(row, area) == Clicked::Selected {
                    return self.open_selected();
                }
            }
            Action::ShowLinks => self.notify("Open an article first: its links are listed there"),
            Action::Search => return self.open_search(),
            Action::CycleSort => self.cycle_sort(),
            Action::Sources => self.open_sources(),
            Action::Timeline => self.open_timeline(),
            Action::JumpToDate => self.ask_date(),
            other => return self.update_common(&other),
        }
        Vec::new()
    }

    /// Opens the first unread listed article after the current one (the
    /// open one, else the selected one), going round to the top.
    pub(super) fn open_next_unread(&mut self) -> Vec<Effect> {
        let current = self.current_article();
        let len = self.list.visible.len();
        let here = current.and_then(|a| self.list.visible.iter().position(|&i| i == a));
        let start = here.map_or(0, |p| p + 1);
        let found = (start..len).chain(0..start.min(len)).find(|&k| {
            Some(self.list.visible[k]) != current && !self.marks.is_read(self.list.visible[k])
        });
        let Some(position) = found else {
            self.notify("No unread article left in the list");
            return Vec::new();
        };
        let wrapped = here.is_some_and(|p| position <= p);
        self.list
            .cursor
            .select(position, len, self.size.body_rows());
        self.reading.forget_back();
        let effects = self.open_article(self.list.visible[position]);
        if wrapped {
            self.notify("Next unread: back at the top of the list");
        }
        effects
    }

    fn open_selected(&mut self) -> Vec<Effect> {
        match self.selected_article() {
            Some(article) => self.open_article(article),
            None => Vec::new(),
        }
    }

    /// The next (1) or previous (-1) listed article, from the article view.
    pub(super) fn step_article(&mut self, delta: isize) -> Vec<Effect> {
        let before = self.list.cursor.selected;
        self.list
            .cursor
            .move_by(delta, self.list.visible.len(), self.size.body_rows());
        if self.list.cursor.selected == before {
            self.notify(if delta > 0 {
                "This is the last article"
            } else {
                "This is the first article"
            });
            return Vec::new();
        }
        self.open_selected()
    }
}
