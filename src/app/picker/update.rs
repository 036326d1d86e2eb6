//! A picker's own `update`: moving, typing, marking; what only the app
//! can do (apply, open a link, close, say something) comes back as a
//! [`PickerOutcome`].

use ratatui::layout::Rect;

use super::{Picker, PickerKind};
use crate::app::Action;
use crate::app::cursor::signed;
use crate::search::append_capped;
use crate::text::sanitize::clean_inline;

/// What the app does after a picker took an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::app) enum PickerOutcome {
    /// Nothing more.
    Stay,
    /// The typed query was cut to the query limit: say so.
    QueryCut,
    /// Close the picker (Esc).
    Close,
    /// Apply the chosen entries (see [`Picker::chosen`]).
    Apply,
    /// Link picker: open the link with this number (typed).
    OpenNumber(usize),
}

impl Picker {
    /// Takes `action`; the picker's rows fill `area` of the screen
    /// (`clickable`: the screen is big enough to have been drawn).
    pub(in crate::app) fn update(
        &mut self,
        action: &Action,
        area: Rect,
        clickable: bool,
    ) -> PickerOutcome {
        let rows = usize::from(area.height);
        if self.kind == PickerKind::Links {
            if let Action::Insert(c @ '0'..='9') = action {
                // Digits pick a link by its number.
                let digits = format!("{}{c}", self.query.trim());
                if digits.bytes().all(|b| b.is_ascii_digit()) {
                    let count = self.entries.len();
                    let n: usize = digits.parse().unwrap_or(0);
                    // Opens as soon as no longer number starts with these digits.
                    if (1..=count).contains(&n) && n.saturating_mul(10) > count {
                        return PickerOutcome::OpenNumber(n);
                    }
                    self.show_numbers(digits, rows);
                    return PickerOutcome::Stay;
                }
            }
        }
        let len = self.matches.len();
        let page = signed(rows.max(1));
        match action {
            Action::MoveDown | Action::ScrollDown { .. } => self.cursor.move_by(1, len, rows),
            Action::MoveUp | Action::ScrollUp { .. } => self.cursor.move_by(-1, len, rows),
            Action::PageDown => self.cursor.move_by(page, len, rows),
            Action::PageUp => self.cursor.move_by(-page, len, rows),
            Action::First => self.cursor.select(0, len, rows),
            Action::Last => self.cursor.select(len, len, rows),
            Action::Insert(_) | Action::InsertText(_) => {
                let mut query = self.query.clone();
                let cut = match action {
                    Action::Insert(c) => append_capped(&mut query, c.encode_utf8(&mut [0; 4])),
                    Action::InsertText(text) => append_capped(&mut query, &clean_inline(text)),
                    _ => false,
                };
                if query != self.query {
                    self.set_query(query, rows);
                }
                if cut {
                    return PickerOutcome::QueryCut;
                }
            }
            Action::DeleteChar => {
                let mut query = self.query.clone();
                query.pop();
                let number = !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit());
                if self.kind == PickerKind::Links && number {
                    self.show_numbers(query, rows);
                } else {
                    self.set_query(query, rows);
                }
            }
            Action::ClearQuery => self.set_query(String::new(), rows),
            Action::ToggleMark => {
                // One link is opened at a time: nothing to mark.
                if matches!(self.kind, PickerKind::Links | PickerKind::Backlinks) {
                    return PickerOutcome::Stay;
                }
                if self.toggle_mark() == Some(true) {
                    self.cursor.move_by(1, len, rows);
                }
            }
            Action::Apply | Action::Open => return PickerOutcome::Apply,
            Action::Back => return PickerOutcome::Close,
            Action::Click { column, row } => {
                let (column, row) = (*column, *row);
                let inside = (area.x..area.x + area.width).contains(&column)
                    && (area.y..area.y + area.height).contains(&row);
                if !inside || !clickable {
                    return PickerOutcome::Stay;
                }
                if let Some(index) = self.cursor.row_at(row, area, len) {
                    if index == self.cursor.selected {
                        return PickerOutcome::Apply;
                    }
                    self.cursor.select(index, len, rows);
                }
            }
            _ => {}
        }
        PickerOutcome::Stay
    }
}
