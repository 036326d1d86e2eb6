//! The key help pop-up as a sub-state: how far it is scrolled, and the
//! keys that scroll or close it (`Overlay::update` routes them).

use super::Action;
use super::cursor::signed;

/// The help pop-up, scrolled to `scroll` (its first line shown).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HelpView {
    pub scroll: usize,
}

/// What a key in the help asks of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HelpOutcome {
    Stay,
    Close,
}

impl HelpView {
    /// Scrolls for `action` through `lines` lines with `rows` on screen,
    /// or asks to close (Esc, `?`); other keys do nothing.
    pub(super) fn update(&mut self, action: &Action, rows: usize, lines: usize) -> HelpOutcome {
        let page = signed(rows.max(1));
        let delta: isize = match action {
            Action::MoveDown | Action::ScrollDown { .. } => 1,
            Action::MoveUp | Action::ScrollUp { .. } => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::First => isize::MIN / 2,
            Action::Last => isize::MAX / 2,
            Action::Back | Action::Help => return HelpOutcome::Close,
            _ => 0,
        };
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.fit(rows, lines);
        HelpOutcome::Stay
    }

    /// Keeps the last screenful the furthest it scrolls (after a resize).
    pub(super) fn fit(&mut self, rows: usize, lines: usize) {
        self.scroll = self.scroll.min(lines.saturating_sub(rows));
    }
}
