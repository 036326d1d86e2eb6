//! The pop-ups over the views, and `App::update` while a picker or the
//! help is open.

use super::picker::PickerOutcome;
use super::{
    Action, App, Choices, Criterion, Effect, HelpView, Picker, PickerKind, Size, SourcesView,
    TimelineView,
};
use crate::search::QUERY_CUT_MESSAGE;

/// A pop-up over the view; it takes the keys while open.
#[derive(Debug)]
pub enum Overlay {
    Picker(Picker),
    /// The key help.
    Help(HelpView),
    /// Every source with its counts (takes the screen).
    Sources(SourcesView),
    /// Articles per month or day as bars (takes the screen).
    Timeline(TimelineView),
}

impl Overlay {
    /// Keeps the highlight (or the help's scroll) within the pop-up after
    /// the screen changed to `size`; the help has `help_lines` lines at
    /// its new width.
    pub(super) fn fit(&mut self, size: Size, help_lines: usize) {
        match self {
            Overlay::Picker(picker) => {
                let rows = usize::from(size.picker_rows_area(picker.kind).height);
                picker.cursor.reveal(picker.matches.len(), rows);
            }
            Overlay::Help(help) => help.fit(size.help_rows(), help_lines),
            Overlay::Sources(view) => view.cursor.reveal(view.rows.len(), size.body_rows()),
            Overlay::Timeline(view) => {
                view.cursor
                    .reveal(view.timeline.buckets.len(), size.body_rows());
            }
        }
    }
}

impl App {
    pub(super) fn show_picker(&mut self, kind: PickerKind, choices: Choices) {
        self.overlay = Some(Overlay::Picker(Picker::new(kind, choices)));
    }

    /// Routes `action` to the open picker, then does what it asks.
    pub(super) fn update_picker(&mut self, action: &Action) -> Vec<Effect> {
        let Some(Overlay::Picker(picker)) = self.overlay.as_mut() else {
            return Vec::new();
        };
        let area = self.size.picker_rows_area(picker.kind);
        match picker.update(action, area, !self.size.too_small()) {
            PickerOutcome::Stay => {}
            PickerOutcome::QueryCut => self.notify(QUERY_CUT_MESSAGE),
            PickerOutcome::Close => self.overlay = None,
            PickerOutcome::Apply => return self.apply_picker(),
            PickerOutcome::OpenNumber(n) => return self.open_link_number(n),
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
}
