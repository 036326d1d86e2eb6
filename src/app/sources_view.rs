//! The sources view: every source with its article and unread counts, as
//! newsboat lists feeds. Enter lists that source's articles; `R` marks the
//! whole source read (after a y/n question). The view owns its rows, order
//! and highlight, and its keys; it counts from the articles, the catalog
//! and the marks it is given, and `App` acts on what its keys ask.

use super::catalog::Catalog;
use super::{Action, Confirm, Cursor, MarkState};
use crate::article::Article;
use crate::overview::{SourceCount, SourceSort, source_counts};

/// The view's rows and where the highlight is.
#[derive(Debug, Clone)]
pub struct SourcesView {
    pub rows: Vec<SourceCount>,
    pub sort: SourceSort,
    pub cursor: Cursor,
}

/// What a key in the sources view asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum SourcesOutcome {
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
    /// The view of every source of `articles`, highlighting the source of
    /// article `current` (`rows` on screen); `None` without articles.
    pub(super) fn open(
        articles: &[Article],
        catalog: &Catalog,
        marks: &MarkState,
        current: Option<usize>,
        rows: usize,
    ) -> Option<SourcesView> {
        let sort = SourceSort::Count;
        let counts = counts(articles, catalog, marks, sort);
        if counts.is_empty() {
            return None;
        }
        // Start on the source of the selected article.
        let selected = current
            .and_then(|i| articles.get(i))
            .map(|a| a.source().unwrap_or(""));
        let mut cursor = Cursor::default();
        if let Some(at) = selected.and_then(|s| counts.iter().position(|r| r.name == s)) {
            cursor.select(at, counts.len(), rows);
        }
        Some(SourcesView {
            rows: counts,
            sort,
            cursor,
        })
    }

    /// Counts again after marks changed.
    pub(super) fn recount(&mut self, articles: &[Article], catalog: &Catalog, marks: &MarkState) {
        self.rows = counts(articles, catalog, marks, self.sort);
    }

    /// The highlighted source.
    pub fn selected(&self) -> Option<&SourceCount> {
        self.rows.get(self.cursor.selected)
    }

    /// Follows `action` with `rows` rows on screen.
    pub(super) fn update(&mut self, action: &Action, rows: usize) -> SourcesOutcome {
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

/// The rows of the view: every article (duplicates once), whatever the
/// list's filters, in `sort`'s order.
fn counts(
    articles: &[Article],
    catalog: &Catalog,
    marks: &MarkState,
    sort: SourceSort,
) -> Vec<SourceCount> {
    let counted = (0..articles.len()).filter(|&i| !catalog.is_copy(i));
    source_counts(articles, counted, |i| marks.is_read(i), sort)
}
