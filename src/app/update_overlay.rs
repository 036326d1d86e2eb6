//! `App::update` while a pop-up (picker or help) is open.

use super::{Action, App, Choices, Criterion, Effect, Overlay, Picker, PickerKind};
use crate::search::{QUERY_CUT_MESSAGE, append_capped};

impl App {
    pub(super) fn show_picker(&mut self, kind: PickerKind, choices: Choices) {
        self.overlay = Some(Overlay::Picker(Picker::new(kind, choices)));
    }

    pub(super) fn update_picker(&mut self, action: &Action) -> Vec<Effect> {
        let Some(Overlay::Picker(picker)) = self.overlay.as_mut() else {
            return Vec::new();
        };
        let area = self.size.picker_rows_area(picker.kind);
        let rows = usize::from(area.height);
        if picker.kind == PickerKind::Links {
            if let Action::Insert(c @ '0'..='9') = action {
                // Digits pick a link by its number.
                let digits = format!("{}{c}", picker.query.trim());
                if digits.bytes().all(|b| b.is_ascii_digit()) {
                    let count = picker.entries.len();
                    let n: usize = digits.parse().unwrap_or(0);
                    // Opens as soon as no longer number starts with these digits.
                    if (1..=count).contains(&n) && n.saturating_mul(10) > count {
                        return self.open_link_number(n);
                    }
                    picker.show_numbers(digits, rows);
                    return Vec::new();
                }
            }
        }
        let len = picker.matches.len();
        let page = super::cursor::signed(rows.max(1));
        match action {
            Action::MoveDown | Action::ScrollDown { .. } => picker.cursor.move_by(1, len, rows),
            Action::MoveUp | Action::ScrollUp { .. } => picker.cursor.move_by(-1, len, rows),
            Action::PageDown => picker.cursor.move_by(page, len, rows),
            Action::PageUp => picker.cursor.move_by(-page, len, rows),
            Action::First => picker.cursor.select(0, len, rows),
            Action::Last => picker.cursor.select(len, len, rows),
            Action::Insert(_) | Action::InsertText(_) => {
                let mut query = picker.query.clone();
                let cut = match action {
                    Action::Insert(c) => append_capped(&mut query, c.encode_utf8(&mut [0; 4])),
                    Action::InsertText(text) => {
                        append_capped(&mut query, &crate::text::sanitize::clean_inline(text))
                    }
                    _ => false,
                };
                if query != picker.query {
                    picker.set_query(query, rows);
                }
                if cut {
                    self.notify(QUERY_CUT_MESSAGE);
                }
            }
            Action::DeleteChar => {
                let mut query = picker.query.clone();
                query.pop();
                let number = !query.is_empty() && query.bytes().all(|b| b.is_ascii_digit());
                if picker.kind == PickerKind::Links && number {
                    picker.show_numbers(query, rows);
                } else {
                    picker.set_query(query, rows);
                }
            }
            Action::ClearQuery => picker.set_query(String::new(), rows),
            Action::ToggleMark => {
                // One link is opened at a time: nothing to mark.
                if matches!(picker.kind, PickerKind::Links | PickerKind::Backlinks) {
                    return Vec::new();
                }
                if picker.toggle_mark() == Some(true) {
                    picker.cursor.move_by(1, len, rows);
                }
            }
            Action::Apply | Action::Open => return self.apply_picker(),
            Action::Back => self.overlay = None,
            Action::Click { column, row } => {
                let (column, row) = (*column, *row);
                let inside = (area.x..area.x + area.width).contains(&column)
                    && (area.y..area.y + area.height).contains(&row);
                if !inside || self.size.too_small() {
                    return Vec::new();
                }
                let index = picker.cursor.offset + usize::from(row - area.y);
                if index < len {
                    if index == picker.cursor.selected {
                        return self.apply_picker();
                    }
                    picker.cursor.select(index, len, rows);
                }
            }
            _ => {}
        }
        Vec::new()
    }

    fn apply_picker(&mut self) -> Vec<Effect> {
        let Some(Overlay::Picker(picker)) = self.overlay.as_ref() else {
            return Vec::new();
        };
        let chosen: Vec<String> = picker.chosen().iter().map(|e| e.label.clone()).collect();
        let number = picker.chosen().first().map(|e| e.count);
        let kind = picker.kind;
        if chosen.is_empty() {
            self.notify("Nothing matches; Backspace edits the query, Esc closes");
            return Vec::new();
        }
        self.overlay = None;
        match kind {
            PickerKind::Links => self.open_link_number(number.unwrap_or(0)),
            PickerKind::Backlinks => match number {
                Some(article) => self.follow(article),
                None => Vec::new(),
            },
            PickerKind::Tags => {
                self.apply_criteria(chosen.into_iter().map(Criterion::Tag).collect());
                Vec::new()
            }
            PickerKind::Categories => {
                self.apply_criteria(chosen.into_iter().map(Criterion::Category).collect());
                Vec::new()
            }
        }
    }

    pub(super) fn update_help(&mut self, action: &Action) {
        let rows = self.size.help_rows();
        let max = self
            .guide
            .help_len(self.help_text_width())
            .saturating_sub(rows);
        let page = super::cursor::signed(rows.max(1));
        let Some(Overlay::Help { scroll }) = self.overlay.as_mut() else {
            return;
        };
        let delta: isize = match action {
            Action::MoveDown | Action::ScrollDown { .. } => 1,
            Action::MoveUp | Action::ScrollUp { .. } => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::First => isize::MIN / 2,
            Action::Last => isize::MAX / 2,
            Action::Back | Action::Help => {
                self.overlay = None;
                return;
            }
            _ => 0,
        };
        *scroll = scroll.saturating_add_signed(delta).min(max);
    }
}
