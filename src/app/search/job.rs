//! A search query asked of a worker: `App::update` returns it as
//! `Effect::Search` instead of running it (running a query scans every
//! article's metadata on rayon's threads and looks bodies up in the stored
//! index), and the result comes back as `Action::SearchDone`.

use crate::search::{IndexView, Matches, Query};

/// One query over one view of the index. What it finds depends only on
/// these fields (the view is a snapshot), so the same job always gives the
/// same result, whenever and wherever it runs.
#[derive(Debug, Clone)]
pub struct SearchJob {
    /// Numbers the queries asked for: only the result of the last one asked
    /// is taken, so a runner may skip any but the newest (coalescing typed
    /// or pasted keys).
    pub generation: u64,
    pub view: IndexView,
    pub query: Query,
    /// The last result on the same view: when `query` narrows its query,
    /// only its articles are looked at (`IndexView::matches_within`).
    pub within: Option<Matches>,
}

impl SearchJob {
    /// Runs the query (slow: for workers, never `update`).
    pub fn run(&self) -> Matches {
        match &self.within {
            Some(last) => self.view.matches_within(&self.query, last),
            None => self.view.matches(&self.query),
        }
    }
}

/// Two jobs are the same when they ask the same of views that report the
/// same progress: two apps fed the same actions hold views of two indexes
/// of the same articles, which search alike (see `IndexView`).
impl PartialEq for SearchJob {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation
            && self.query == other.query
            && self.within == other.within
            && self.view.progress() == other.view.progress()
    }
}

impl Eq for SearchJob {}
