//! `App::update` while a pop-up is open: opening one, routing the keys to
//! it (`Overlay::update`) and acting on what it asks, which reaches the
//! list, the filters and the article view.

use crate::app::overlay::OverlayOutcome;
use crate::app::{
    Action, App, Choices, Criterion, Effect, Overlay, Picker, PickerKind, Reply, SourcesView,
    TimelineView, outside, plural,
};
use crate::overview::{DateRange, Timeline, Zoom};

impl App {
    pub(in crate::app) fn show_picker(&mut self, kind: PickerKind, choices: Choices) {
        self.overlay = Some(Overlay::Picker(Picker::new(kind, choices)));
    }

    /// `s` in the list: the sources view.
    pub(in crate::app) fn open_sources(&mut self) {
        let articles = &self.library.articles;
        let current = self.current_article();
        let rows = self.size.body_rows();
        let Some(view) = SourcesView::open(articles, &self.catalog, &self.marks, current, rows)
        else {
            self.notify("No articles, so no sources");
            return;
        };
        self.reading.close();
        self.overlay = Some(Overlay::Sources(view));
    }

    /// `t` in the list: the timeline, on the selected article's bar.
    pub(in crate::app) fn open_timeline(&mut self) {
        let date = self.current_meta().and_then(|a| a.date);
        let timeline = self.timeline(Zoom::Months);
        let Some(view) = TimelineView::open(timeline, date, self.size.body_rows()) else {
            self.notify("No dated articles to show on a timeline");
            return;
        };
        self.reading.close();
        self.overlay = Some(Overlay::Timeline(view));
    }

    /// The bars at `zoom` for what the timeline counts: the list as its
    /// filters make it, except the date range, so another period can be
    /// picked.
    fn timeline(&self, zoom: Zoom) -> Timeline {
        let mut filters = self.filters.clone();
        filters.replace(Criterion::Dates(DateRange::default()));
        Timeline::build(&self.library.articles, &self.listed_with(&filters), zoom)
    }

    /// Routes `action` to the open pop-up, then does what it asks.
    pub(in crate::app) fn update_overlay(&mut self, action: &Action) -> Vec<Effect> {
        let size = self.size;
        let (guide, help_width) = (&self.guide, self.help_text_width());
        let Some(overlay) = self.overlay.as_mut() else {
            return Vec::new();
        };
        let outcome = overlay.update(action, size, || guide.help_len(help_width));
        match outcome {
            OverlayOutcome::Stay => {}
            OverlayOutcome::Close => self.overlay = None,
            OverlayOutcome::Reply(reply) => return self.reply(reply),
            OverlayOutcome::Narrow { criterion, said } => {
                self.overlay = None;
                self.filters.replace(criterion);
                self.refilter();
                let listed = plural(self.list.visible().len(), "article", "articles");
                self.notify(format!("{listed}{said}"));
            }
            OverlayOutcome::Zoom(zoom) => {
                let timeline = self.timeline(zoom);
                if let Some(Overlay::Timeline(view)) = self.overlay.as_mut() {
                    *view = view.zoomed(timeline, size.body_rows());
                }
            }
            OverlayOutcome::Chosen {
                kind,
                labels,
                number,
            } => {
                self.overlay = None;
                return self.apply_choice(kind, labels, number);
            }
            OverlayOutcome::OpenNumber(n) => return self.open_link_number(n),
        }
        Vec::new()
    }

    /// The picker's choice of `kind`: `labels` chosen, `number` the first's.
    fn apply_choice(
        &mut self,
        kind: PickerKind,
        labels: Vec<String>,
        number: Option<usize>,
    ) -> Vec<Effect> {
        match kind {
            PickerKind::Links => self.open_link_number(number.unwrap_or(0)),
            PickerKind::Backlinks => match number {
                Some(article) => self.follow(article),
                None => Vec::new(),
            },
            PickerKind::Tags => {
                self.apply_criteria(labels.into_iter().map(Criterion::Tag).collect());
                Vec::new()
            }
            PickerKind::Categories => {
                self.apply_criteria(labels.into_iter().map(Criterion::Category).collect());
                Vec::new()
            }
        }
    }

    /// Closes the link picker and opens body link `[n]`: in the reader
    /// when it leads to another article of the library, else in the
    /// browser, exactly as written.
    fn open_link_number(&mut self, n: usize) -> Vec<Effect> {
        self.overlay = None;
        if let Some(target) = self.link_in_archive(n) {
            return self.follow(target);
        }
        let link = self
            .reading
            .open()
            .and_then(|d| n.checked_sub(1).and_then(|i| d.links().get(i)));
        let reply = match link {
            Some(link) => outside::open_url(link),
            None => Reply::fail(format!("There is no link [{n}]")),
        };
        self.reply(reply)
    }
}
