//! The sources view: every source with its article and unread counts, as
//! newsboat lists feeds. Enter lists that source's articles; `R` marks the
//! whole source read (after a y/n question). The view owns its rows, order
//! and highlight, and its keys; `App` acts on what they ask.

use super::update_marks::plural;
use super::{Action, App, Confirm, Criterion, Cursor, Effect, Overlay};
use crate::overview::{SourceCount, SourceSort, source_counts, source_shown};

/// The view's rows and where the highlight is.
#[derive(Debug, Clone)]
pub struct SourcesView {
    pub rows: Vec<SourceCount>,
    pub sort: SourceSort,
    pub cursor: Cursor,
}

/// What a key in the sources view asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
enum SourcesOutcome {
    Stay,
    /// The rows were sorted again: say how.
    Sorted(&'static str),
    /// List the articles of this source.
    List(String),
    /// Ask before marking the source read; `None`: nothing is unread.
    MarkRead(Option<Confirm>),
    Close,
}

impl SourcesView {
    /// The highlighted source.
    pub fn selected(&self) -> Option<&SourceCount> {
        self.rows.get(self.cursor.selected)
    }

    /// Follows `action` with `rows` rows on screen.
    fn update(&mut self, action: &Action, rows: usize) -> SourcesOutcome {
        let len = self.rows.len();
        if self.cursor.follow(action, len, rows) {
            return SourcesOutcome::Stay;
        }
        match action {
            Action::CycleSort => {
                let name = self.selected().map(|r| r.name.clone());
                self.sort = self.sort.next();
                self.sort.sort(&mut self.rows);
                let at = name.and_then(|n| self.rows.iter().position(|r| r.name == n));
                self.cursor.select(at.unwrap_or(0), len, rows);
                SourcesOutcome::Sorted(self.sort.label())
            }
            Action::Open | Action::Apply => self.selected().map_or(SourcesOutcome::Stay, |r| {
                SourcesOutcome::List(r.name.clone())
            }),
            Action::MarkAllRead => match self.selected() {
                None => SourcesOutcome::Stay,
                Some(row) => {
                    SourcesOutcome::MarkRead((row.unread > 0).then(|| Confirm::MarkSourceRead {
                        source: row.name.clone(),
                        total: row.total,
                        unread: row.unread,
                    }))
                }
            },
            Action::Back => SourcesOutcome::Close,
            _ => SourcesOutcome::Stay,
        }
    }
}

impl App {
    /// The articles the sources view counts: every article (duplicates
    /// once), whatever the list's filters.
    fn source_counts(&self, sort: SourceSort) -> Vec<SourceCount> {
        let counted = (0..self.library.articles.len()).filter(|&i| !self.catalog.is_copy(i));
        source_counts(
            &self.library.articles,
            counted,
            |i| self.marks.is_read(i),
            sort,
        )
    }

    pub(super) fn open_sources(&mut self) {
        let rows = self.source_counts(SourceSort::Count);
        if rows.is_empty() {
            self.notify("No articles, so no sources");
            return;
        }
        // Start on the source of the selected article.
        let selected = self
            .current_article()
            .and_then(|i| self.library.articles.get(i))
            .map(|a| a.source().unwrap_or(""));
        let mut cursor = Cursor::default();
        if let Some(at) = selected.and_then(|s| rows.iter().position(|r| r.name == s)) {
            cursor.select(at, rows.len(), self.size.body_rows());
        }
        self.reading.close();
        self.overlay = Some(Overlay::Sources(SourcesView {
            rows,
            sort: SourceSort::Count,
            cursor,
        }));
    }

    /// Routes `action` to the sources view, then does what it asks.
    pub(super) fn update_sources(&mut self, action: &Action) -> Vec<Effect> {
        let rows = self.size.body_rows();
        let Some(Overlay::Sources(view)) = self.overlay.as_mut() else {
            return Vec::new();
        };
        match view.update(action, rows) {
            SourcesOutcome::Stay => {}
            SourcesOutcome::Sorted(label) => self.notify(format!("Sources sorted {label}")),
            SourcesOutcome::List(source) => {
                self.overlay = None;
                self.filters.replace(Criterion::Source(source.clone()));
                self.refilter();
                self.notify(format!(
                    "{} listed from {}",
                    plural(self.list.visible().len(), "article", "articles"),
                    source_shown(&source)
                ));
            }
            SourcesOutcome::MarkRead(Some(question)) => self.confirm = Some(question),
            SourcesOutcome::MarkRead(None) => {
                self.notify("Every article of this source is already read");
            }
            SourcesOutcome::Close => self.overlay = None,
        }
        Vec::new()
    }

    /// The y of the question: marks every article of `source` read.
    pub(super) fn mark_source_read(&mut self, source: &str) {
        let marked = self.marks.mark_source_read(&self.library.articles, source);
        if let Some(Overlay::Sources(view)) = self.overlay.as_ref() {
            let rows = self.source_counts(view.sort);
            if let Some(Overlay::Sources(view)) = self.overlay.as_mut() {
                view.rows = rows;
            }
        }
        self.notify(format!(
            "Marked {} of {} read",
            plural(marked, "article", "articles"),
            source_shown(source)
        ));
    }
}
