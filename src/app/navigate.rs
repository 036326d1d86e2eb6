//! Movement people type without thinking: counts before list movements
//! (`5j`, `10G`), half pages, `n` / `N` over the list's search results,
//! and the next unread article (Tab anywhere; Space at an article's end).

use super::cursor::signed;
use super::{App, Criterion, Effect, View};

/// Larger counts are cut to this (no list is longer).
const MAX_COUNT: usize = 10_000_000;

impl App {
    /// A digit typed in the list: the count grows, and says so.
    pub(super) fn push_count(&mut self, digit: u8) {
        let count = self
            .count
            .unwrap_or(0)
            .saturating_mul(10)
            .saturating_add(usize::from(digit))
            .min(MAX_COUNT);
        if count == 0 {
            // A leading 0 is no count.
            self.count = None;
            return;
        }
        self.count = Some(count);
        self.notify(format!("{count}  (then j, k, G, Space…)"));
    }

    /// `n` / `N` in the list: the next / previous listed article the kept
    /// search matches, going round at the ends.
    pub(super) fn list_match(&mut self, forward: bool, times: usize) {
        let Some(Criterion::Search { matches, text }) = self.filters.search() else {
            self.notify("No search to step through: / searches");
            return;
        };
        let len = self.list.visible.len();
        let hits: Vec<usize> = (0..len)
            .filter(|&k| matches.contains(self.list.visible[k]))
            .collect();
        if hits.is_empty() {
            self.notify(format!("No listed article matches /{text}"));
            return;
        }
        let mut at = self.list.cursor.selected;
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
        self.list.cursor.select(at, len, self.size.body_rows());
        let nth = hits.partition_point(|&k| k < at) + 1;
        self.notify(format!("{nth}/{} with /{text}", hits.len()));
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
