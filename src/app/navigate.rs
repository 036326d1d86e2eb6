//! The next unread article (Tab anywhere; Space at an article's end).
//! Counts, half pages and `n` / `N` in the list are the list's own
//! (`list`).

use super::cursor::signed;
use super::{App, Effect, View};

impl App {
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
        self.history.clear();
        let effects = self.open_article(self.list.visible[position]);
        if wrapped {
            self.notify("Next unread: back at the top of the list");
        }
        effects
    }

    /// Space in the article: a page down, or at its end the next unread.
    pub(super) fn page_or_next_unread(&mut self) -> Vec<Effect> {
        let rows = self.size.body_rows();
        match self.detail.as_mut() {
            Some(detail) if detail.scroll < detail.max_scroll(rows) => {
                detail.scroll_by(signed(rows.max(1)), rows);
                Vec::new()
            }
            Some(_) if self.view == View::Detail => self.open_next_unread(),
            _ => Vec::new(),
        }
    }
}
