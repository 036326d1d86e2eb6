//! A view of the index as it stood at one moment.

use std::sync::Arc;

use super::{Bodies, Progress, SearchIndex};
use crate::search::scan::Term;
use crate::search::{Matches, Query};

/// The index as it stood at one moment: the metadata (fixed once folded)
/// and the stored bodies in use then, with the progress reported then.
/// The reader searches a view, not the growing index, so what a query
/// finds changes only when a new view reaches `App::update`
/// (`Action::IndexProgress`), never between two keystrokes.
#[derive(Clone)]
pub struct IndexView {
    pub(super) index: SearchIndex,
    pub(super) bodies: Option<Arc<Bodies>>,
    pub(super) progress: Progress,
    /// [`SearchIndex::problem`] when this view was taken.
    pub(super) problem: Option<Arc<str>>,
}

impl std::fmt::Debug for IndexView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexView")
            .field("progress", &self.progress)
            .field("bodies", &self.bodies.as_ref().map(|b| b.covered))
            .finish_non_exhaustive()
    }
}

impl IndexView {
    /// The index this is a view of (which may have grown since).
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// How far indexing had come when this view was taken.
    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// Why bodies were not searchable as they should be when this view was
    /// taken (see [`SearchIndex::problem`]).
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Whether `other` searches the same things (the same index and
    /// stored bodies).
    pub fn same_as(&self, other: &IndexView) -> bool {
        Arc::ptr_eq(&self.index.shared, &other.index.shared)
            && match (&self.bodies, &other.bodies) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }

    /// [`SearchIndex::matches`] over this view.
    pub fn matches(&self, query: &Query) -> Matches {
        let terms: Vec<Term<'_>> = query.terms().iter().map(|t| Term::new(t, false)).collect();
        self.index.run(self.bodies.as_ref(), query, &terms, None)
    }

    /// [`SearchIndex::matches_within`] over this view.
    pub fn matches_within(&self, query: &Query, previous: &Matches) -> Matches {
        if previous.pending() > 0 || !query.narrows(previous.query()) {
            return self.matches(query);
        }
        let known = |t: &String| previous.query().terms().contains(t);
        let terms: Vec<Term<'_>> = query
            .terms()
            .iter()
            .map(|t| Term::new(t, known(t)))
            .collect();
        self.index.run(
            self.bodies.as_ref(),
            query,
            &terms,
            Some(previous.indices()),
        )
    }
}
