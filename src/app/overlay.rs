//! The pop-ups over the views. Each owns its state and its keys (a
//! [`Picker`], the help, the sources view, the timeline); [`Overlay::update`]
//! routes a key to the open one and turns what it asks into an
//! [`OverlayOutcome`], which `App::update` acts on.

use super::help_view::HelpOutcome;
use super::picker::PickerOutcome;
use super::sources_view::SourcesOutcome;
use super::timeline_view::TimelineOutcome;
use super::{
    Action, Criterion, HelpView, Picker, PickerKind, Reply, Size, SourcesView, TimelineView,
};
use crate::overview::{Zoom, source_shown};
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

/// What a key in a pop-up asks of the app.
#[derive(Debug)]
pub(super) enum OverlayOutcome {
    Stay,
    Close,
    /// Say or ask this; the pop-up stays.
    Reply(Reply),
    /// Close, list what `criterion` lets through (in place of one of its
    /// kind), and say how many articles, then `said`.
    Narrow {
        criterion: Criterion,
        said: String,
    },
    /// The timeline's bars again at this zoom.
    Zoom(Zoom),
    /// Close and apply the picker's choice: the labels chosen, the number
    /// of the first.
    Chosen {
        kind: PickerKind,
        labels: Vec<String>,
        number: Option<usize>,
    },
    /// Close the link picker and open body link `[n]`.
    OpenNumber(usize),
}

impl Overlay {
    /// Takes `action` on a screen of `size`; `help_lines` counts the
    /// help's lines at its width (asked only while the help is open).
    pub(super) fn update(
        &mut self,
        action: &Action,
        size: Size,
        help_lines: impl FnOnce() -> usize,
    ) -> OverlayOutcome {
        let rows = size.body_rows();
        match self {
            Overlay::Picker(picker) => {
                let area = size.picker_rows_area(picker.kind);
                match picker.update(action, area, !size.too_small()) {
                    PickerOutcome::Stay => OverlayOutcome::Stay,
                    PickerOutcome::QueryCut => OverlayOutcome::Reply(Reply::say(QUERY_CUT_MESSAGE)),
                    PickerOutcome::Close => OverlayOutcome::Close,
                    PickerOutcome::Apply => chosen(picker),
                    PickerOutcome::OpenNumber(n) => OverlayOutcome::OpenNumber(n),
                }
            }
            Overlay::Help(help) => match help.update(action, size.help_rows(), help_lines()) {
                HelpOutcome::Stay => OverlayOutcome::Stay,
                HelpOutcome::Close => OverlayOutcome::Close,
            },
            Overlay::Sources(view) => match view.update(action, rows) {
                SourcesOutcome::Stay => OverlayOutcome::Stay,
                SourcesOutcome::Sorted(label) => {
                    OverlayOutcome::Reply(Reply::say(format!("Sources sorted {label}")))
                }
                SourcesOutcome::List(source) => OverlayOutcome::Narrow {
                    said: format!(" listed from {}", source_shown(&source)),
                    criterion: Criterion::Source(source),
                },
                SourcesOutcome::MarkRead(Some(question)) => {
                    OverlayOutcome::Reply(Reply::ask(question))
                }
                SourcesOutcome::MarkRead(None) => OverlayOutcome::Reply(Reply::say(
                    "Every article of this source is already read",
                )),
                SourcesOutcome::Close => OverlayOutcome::Close,
            },
            Overlay::Timeline(view) => match view.update(action, rows) {
                TimelineOutcome::Stay => OverlayOutcome::Stay,
                TimelineOutcome::Zoom(zoom) => OverlayOutcome::Zoom(zoom),
                TimelineOutcome::Narrow(range) => OverlayOutcome::Narrow {
                    said: format!(" from {}", range.label()),
                    criterion: Criterion::Dates(range),
                },
                TimelineOutcome::Close => OverlayOutcome::Close,
            },
        }
    }

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

/// Enter in a picker: its choice, unless nothing matches (then it stays).
fn chosen(picker: &Picker) -> OverlayOutcome {
    let chosen = picker.chosen();
    if chosen.is_empty() {
        return OverlayOutcome::Reply(Reply::say(
            "Nothing matches; Backspace edits the query, Esc closes",
        ));
    }
    OverlayOutcome::Chosen {
        kind: picker.kind,
        number: chosen.first().map(|e| e.count),
        labels: chosen.iter().map(|e| e.label.clone()).collect(),
    }
}
