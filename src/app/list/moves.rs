//! The list's own keys (`ListState::update`): movement keys and the
//! wheel, counts typed before them (`5j`, `10G`), and `n` / `N` over the
//! kept search's matches.

use super::{ListOutcome, ListState, WHEEL_ROWS};
use crate::app::cursor::signed;
use crate::app::{Action, Criterion};

/// Larger counts are cut to this (no list is longer).
const MAX_COUNT: usize = 10_000_000;

impl ListState {
    /// A user's key arrives: a count typed before it applies to it (and
    /// only to it), unless it is a digit of the count.
    pub(in crate::app) fn start_key(&mut self, action: &Action) {
        self.repeat = if matches!(action, Action::Count(_)) {
            None
        } else {
            self.count.take()
        };
    }

    /// Follows `action` with `rows` rows on screen; `search` is the kept
    /// search, which `n` / `N` step through.
    pub(in crate::app) fn update(
        &mut self,
        action: &Action,
        rows: usize,
        search: Option<&Criterion>,
    ) -> ListOutcome {
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
}
