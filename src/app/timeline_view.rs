//! The timeline: articles per month (per day of one month when zoomed in)
//! for the list's filters, as bars. Enter narrows the list to the bar's
//! period. The view owns its bars and highlight, and its keys; `App`
//! counts the articles and acts on what the keys ask.

use super::update_marks::plural;
use super::{Action, App, Criterion, Cursor, Effect, Overlay};
use crate::overview::{DateRange, Timeline, Zoom};

/// The bars and the highlighted one.
#[derive(Debug, Clone)]
pub struct TimelineView {
    pub timeline: Timeline,
    pub cursor: Cursor,
}

/// What a key in the timeline asks of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TimelineOutcome {
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

    /// Follows `action` with `rows` rows on screen.
    fn update(&mut self, action: &Action, rows: usize) -> TimelineOutcome {
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
    fn zoomed(&self, timeline: Timeline, rows: usize) -> TimelineView {
        let at = match (timeline.zoom, self.start()) {
            (Zoom::Days(_), _) => timeline.buckets.iter().position(|b| b.count > 0),
            (Zoom::Months, Some(start)) => timeline.position_of(start),
            (Zoom::Months, None) => None,
        };
        TimelineView::new(timeline, at.unwrap_or(0), rows)
    }
}

impl App {
    /// The bars at `zoom` for what the timeline counts: the list as its
    /// filters make it, except the date range, so another period can be
    /// picked.
    fn timeline(&self, zoom: Zoom) -> Timeline {
        let mut filters = self.filters.clone();
        filters.replace(Criterion::Dates(DateRange::default()));
        Timeline::build(&self.library.articles, &self.listed_with(&filters), zoom)
    }

    pub(super) fn open_timeline(&mut self) {
        let timeline = self.timeline(Zoom::Months);
        if timeline.buckets.is_empty() {
            self.notify("No dated articles to show on a timeline");
            return;
        }
        // Start on the bar of the selected article, else the latest.
        let date = self
            .current_article()
            .and_then(|i| self.library.articles.get(i))
            .and_then(|a| a.date);
        let at = date
            .and_then(|d| timeline.position_of(d))
            .unwrap_or(timeline.buckets.len() - 1);
        let view = TimelineView::new(timeline, at, self.size.body_rows());
        self.reading.close();
        self.overlay = Some(Overlay::Timeline(view));
    }

    /// Routes `action` to the timeline, then does what it asks.
    pub(super) fn update_timeline(&mut self, action: &Action) -> Vec<Effect> {
        let rows = self.size.body_rows();
        let Some(Overlay::Timeline(view)) = self.overlay.as_mut() else {
            return Vec::new();
        };
        match view.update(action, rows) {
            TimelineOutcome::Stay => {}
            TimelineOutcome::Zoom(zoom) => {
                let timeline = self.timeline(zoom);
                if let Some(Overlay::Timeline(view)) = self.overlay.as_mut() {
                    *view = view.zoomed(timeline, rows);
                }
            }
            TimelineOutcome::Narrow(range) => {
                self.overlay = None;
                self.filters.replace(Criterion::Dates(range));
                self.refilter();
                self.notify(format!(
                    "{} from {}",
                    plural(self.list.visible().len(), "article", "articles"),
                    range.label()
                ));
            }
            TimelineOutcome::Close => self.overlay = None,
        }
        Vec::new()
    }
}
