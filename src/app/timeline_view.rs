//! The timeline: articles per month (per day of one month when zoomed in)
//! for the list's filters, as bars. Enter narrows the list to the bar's
//! period. The view owns its bars and highlight, and its keys; `App`
//! counts the articles it shows (the list's, but for the date range) and
//! acts on what the keys ask.

use super::{Action, Cursor};
use crate::overview::{DateRange, Timeline, Zoom};

/// The bars and the highlighted one.
#[derive(Debug, Clone)]
pub struct TimelineView {
    pub timeline: Timeline,
    pub cursor: Cursor,
}

/// What a key in the timeline asks of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TimelineOutcome {
    Stay,
    /// Build the bars again at this zoom (into a month's days, or out).
    Zoom(Zoom),
    /// List the articles of this period.
    Narrow(DateRange),
    Close,
}

impl TimelineView {
    /// `timeline` with bar `at` highlighted, `rows` rows on screen.
    fn new(timeline: Timeline, at: usize, rows: usize) -> TimelineView {
        let mut cursor = Cursor::default();
        cursor.select(at, timeline.buckets.len(), rows);
        TimelineView { timeline, cursor }
    }

    /// The view of `timeline` on the bar of `date`, else the latest; `None`
    /// when nothing is dated.
    pub(super) fn open(
        timeline: Timeline,
        date: Option<chrono::NaiveDate>,
        rows: usize,
    ) -> Option<TimelineView> {
        let last = timeline.buckets.len().checked_sub(1)?;
        let at = date.and_then(|d| timeline.position_of(d)).unwrap_or(last);
        Some(TimelineView::new(timeline, at, rows))
    }

    /// Follows `action` with `rows` rows on screen.
    pub(super) fn update(&mut self, action: &Action, rows: usize) -> TimelineOutcome {
        let len = self.timeline.buckets.len();
        if self.cursor.follow(action, len, rows) {
            return TimelineOutcome::Stay;
        }
        match action {
            Action::Zoom => self.zoom(),
            Action::Open | Action::Apply => self
                .timeline
                .buckets
                .get(self.cursor.selected)
                .map_or(TimelineOutcome::Stay, |b| TimelineOutcome::Narrow(b.range)),
            Action::Back => match self.timeline.zoom {
                Zoom::Days(_) => self.zoom(),
                Zoom::Months => TimelineOutcome::Close,
            },
            _ => TimelineOutcome::Stay,
        }
    }

    /// Into the highlighted month's days, or back out to the months.
    fn zoom(&self) -> TimelineOutcome {
        let Some(start) = self.start() else {
            return TimelineOutcome::Stay;
        };
        TimelineOutcome::Zoom(match self.timeline.zoom {
            Zoom::Months => Zoom::Days(start),
            Zoom::Days(_) => Zoom::Months,
        })
    }

    /// The first day of the highlighted bar.
    fn start(&self) -> Option<chrono::NaiveDate> {
        let bucket = self.timeline.buckets.get(self.cursor.selected)?;
        bucket.range.since
    }

    /// The same view zoomed to `timeline`: on the first day with articles
    /// going in, on the month left coming out.
    pub(super) fn zoomed(&self, timeline: Timeline, rows: usize) -> TimelineView {
        let at = match (timeline.zoom, self.start()) {
            (Zoom::Days(_), _) => timeline.buckets.iter().position(|b| b.count > 0),
            (Zoom::Months, Some(start)) => timeline.position_of(start),
            (Zoom::Months, None) => None,
        };
        TimelineView::new(timeline, at.unwrap_or(0), rows)
    }
}
