//! The timeline: articles per month (per day of one month when zoomed in)
//! for the list's filters, as bars. Enter narrows the list to the bar's
//! period.

use super::{Action, App, Criterion, Cursor, Effect, Overlay};
use crate::overview::{Timeline, Zoom};

/// The bars and the highlighted one.
#[derive(Debug, Clone)]
pub struct TimelineView {
    pub timeline: Timeline,
    pub cursor: Cursor,
}

impl App {
    /// What the timeline counts: the list as its filters make it, except
    /// the date range, so another period can be picked.
    fn timeline_articles(&self) -> Vec<usize> {
        let mut filters = self.filters.clone();
        filters.replace(Criterion::Dates(crate::overview::DateRange::default()));
        self.listed_with(&filters)
    }

    pub(super) fn open_timeline(&mut self) {
        let counted = self.timeline_articles();
        let timeline = Timeline::build(&self.library.articles, &counted, Zoom::Months);
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
        let mut cursor = Cursor::default();
        cursor.select(at, timeline.buckets.len(), self.size.body_rows());
        self.close_article();
        self.overlay = Some(Overlay::Timeline(TimelineView { timeline, cursor }));
    }

    pub(super) fn update_timeline(&mut self, action: &Action) -> Vec<Effect> {
        let rows = self.size.body_rows();
        let Some(Overlay::Timeline(view)) = self.overlay.as_mut() else {
            return Vec::new();
        };
        let len = view.timeline.buckets.len();
        if view.cursor.follow(action, len, rows) {
            return Vec::new();
        }
        match action {
            Action::Zoom => self.zoom_timeline(),
            Action::Open | Action::Apply => {
                let Some(bucket) = view.timeline.buckets.get(view.cursor.selected).copied() else {
                    return Vec::new();
                };
                self.overlay = None;
                self.filters.replace(Criterion::Dates(bucket.range));
                self.refilter();
                self.notify(format!(
                    "{} from {}",
                    super::update_marks::plural(self.list.visible.len(), "article", "articles"),
                    bucket.range.label()
                ));
            }
            Action::Back => match view.timeline.zoom {
                Zoom::Days(_) => self.zoom_timeline(),
                Zoom::Months => self.overlay = None,
            },
            _ => {}
        }
        Vec::new()
    }

    /// Into the highlighted month's days, or back out to the months.
    fn zoom_timeline(&mut self) {
        let rows = self.size.body_rows();
        let Some(Overlay::Timeline(view)) = self.overlay.as_ref() else {
            return;
        };
        let Some(start) = view
            .timeline
            .buckets
            .get(view.cursor.selected)
            .and_then(|b| b.range.since)
        else {
            return;
        };
        let zoom = match view.timeline.zoom {
            Zoom::Months => Zoom::Days(start),
            Zoom::Days(_) => Zoom::Months,
        };
        let counted = self.timeline_articles();
        let timeline = Timeline::build(&self.library.articles, &counted, zoom);
        let at = match zoom {
            // The first day with articles.
            Zoom::Days(_) => timeline.buckets.iter().position(|b| b.count > 0),
            Zoom::Months => timeline.position_of(start),
        };
        let mut cursor = Cursor::default();
        cursor.select(at.unwrap_or(0), timeline.buckets.len(), rows);
        self.overlay = Some(Overlay::Timeline(TimelineView { timeline, cursor }));
    }
}
