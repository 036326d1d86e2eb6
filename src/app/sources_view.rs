//! The sources view: every source with its article and unread counts, as
//! newsboat lists feeds. Enter lists that source's articles; `R` marks the
//! whole source read (after a y/n question).

use super::{Action, App, Confirm, Criterion, Cursor, Effect, Overlay};
use crate::overview::{SourceCount, SourceSort, source_counts};

/// The view's rows and where the highlight is.
#[derive(Debug, Clone)]
pub struct SourcesView {
    pub rows: Vec<SourceCount>,
    pub sort: SourceSort,
    pub cursor: Cursor,
}

impl SourcesView {
    /// The highlighted source.
    pub fn selected(&self) -> Option<&SourceCount> {
        self.rows.get(self.cursor.selected)
    }
}

impl App {
    /// The articles the sources view counts: every article (duplicates
    /// once), whatever the list's filters.
    fn source_counts(&self, sort: SourceSort) -> Vec<SourceCount> {
        let duplicates = &self.catalog.duplicates;
        let counted = (0..self.library.articles.len()).filter(|&i| !duplicates.is_copy(i));
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
        self.close_article();
        self.overlay = Some(Overlay::Sources(SourcesView {
            rows,
            sort: SourceSort::Count,
            cursor,
        }));
    }

    pub(super) fn update_sources(&mut self, action: &Action) -> Vec<Effect> {
        let rows = self.size.body_rows();
        let Some(Overlay::Sources(view)) = self.overlay.as_mut() else {
            return Vec::new();
        };
        let len = view.rows.len();
        if view.cursor.follow(action, len, rows) {
            return Vec::new();
        }
        match action {
            Action::CycleSort => {
                let name = view.selected().map(|r| r.name.clone());
                view.sort = view.sort.next();
                view.sort.sort(&mut view.rows);
                let at = name.and_then(|n| view.rows.iter().position(|r| r.name == n));
                view.cursor.select(at.unwrap_or(0), len, rows);
                let label = view.sort.label();
                self.notify(format!("Sources sorted {label}"));
            }
            Action::Open | Action::Apply => {
                let Some(source) = view.selected().map(|r| r.name.clone()) else {
                    return Vec::new();
                };
                self.overlay = None;
                self.filters.replace(Criterion::Source(source.clone()));
                self.refilter();
                let shown = if source.is_empty() {
                    "(no source)"
                } else {
                    &source
                };
                self.notify(format!(
                    "{} listed from {shown}",
                    super::update_marks::plural(self.list.visible.len(), "article", "articles")
                ));
            }
            Action::MarkAllRead => {
                let Some(row) = view.selected() else {
                    return Vec::new();
                };
                if row.unread == 0 {
                    self.notify("Every article of this source is already read");
                } else {
                    self.confirm = Some(Confirm::MarkSourceRead {
                        source: row.name.clone(),
                        total: row.total,
                        unread: row.unread,
                    });
                }
            }
            Action::Back => self.overlay = None,
            _ => {}
        }
        Vec::new()
    }

    /// The y of the question: marks every article of `source` read.
    pub(super) fn mark_source_read(&mut self, source: &str) {
        let mut marked = 0;
        for article in 0..self.library.articles.len() {
            let from = self.library.articles[article].source().unwrap_or("");
            if from == source && self.marks.set_read(&self.library.articles, article, true) {
                marked += 1;
            }
        }
        if let Some(Overlay::Sources(view)) = self.overlay.as_mut() {
            let sort = view.sort;
            let cursor = view.cursor;
            let rows = self.source_counts(sort);
            self.overlay = Some(Overlay::Sources(SourcesView { rows, sort, cursor }));
        }
        self.notify(format!(
            "Marked {} of {} read",
            super::update_marks::plural(marked, "article", "articles"),
            if source.is_empty() {
                "(no source)"
            } else {
                source
            }
        ));
    }
}
