//! Queries and their results: a query is asked of a worker
//! (`Effect::Search`, numbered by `SearchState::asked`) and its result
//! taken when `Action::SearchDone` brings it, unless a newer query was asked
//! meanwhile. Until then the list shows the last result. The result becomes
//! the filters' search criterion; what the list must do about it is noted
//! in a [`Searched`].

use super::{SearchJob, SearchState, Searched, Waiting};
use crate::app::{Criterion, Cursor, Effect, Filters};
use crate::search::{Matches, Query};

impl SearchState {
    /// Asks for `query` (typed as `text`) over the current view, to become
    /// the active search when it comes back. A result already at hand (the
    /// same query, complete) is taken at once instead.
    pub(super) fn ask_search(
        &mut self,
        text: String,
        query: Query,
        filters: &mut Filters,
        out: &mut Searched,
    ) -> Vec<Effect> {
        let Some(view) = self.view.clone() else {
            return Vec::new();
        };
        self.asked += 1;
        self.waiting = Some(Waiting {
            text,
            announce: false,
        });
        if let Some(last) = &self.last {
            if *last.query() == query && last.pending() == 0 {
                let matches = last.clone();
                return self.search_done(self.asked, matches, filters, out);
            }
        }
        // The last result is worth its copy only to a query that narrows
        // it (`IndexView::matches_within` searches everything otherwise).
        let within = self
            .last
            .as_ref()
            .filter(|last| last.pending() == 0 && query.narrows(last.query()))
            .cloned();
        vec![Effect::Search(SearchJob {
            generation: self.asked,
            view,
            query,
            within,
        })]
    }

    /// Forgets the query out on a worker: its result will be dropped.
    pub(super) fn forget_search(&mut self) {
        self.asked += 1;
        self.waiting = None;
    }

    /// `Action::SearchDone`: the result of query `generation`, taken as the
    /// active search if it is the last one asked for.
    pub(super) fn search_done(
        &mut self,
        generation: u64,
        matches: Matches,
        filters: &mut Filters,
        out: &mut Searched,
    ) -> Vec<Effect> {
        if generation != self.asked {
            return Vec::new();
        }
        let Some(waiting) = self.waiting.take() else {
            return Vec::new();
        };
        self.last = Some(matches.clone());
        let same = matches!(
            filters.search(),
            Some(Criterion::Search { text, matches: now }) if *text == waiting.text && *now == matches
        );
        if !same {
            filters.set_search(Some(Criterion::Search {
                text: waiting.text,
                matches,
            }));
            out.relist = true;
            // Matches filling in while indexing may come before the first
            // one: a query just typed keeps the selection on top.
            if self.prompt.as_ref().is_some_and(|p| p.on_first) {
                out.cursor = Some(Cursor::default());
            }
        }
        if waiting.announce {
            out.announce = true;
        }
        Vec::new()
    }

    /// Asks again for the active search when its result is not final (it
    /// was computed before every body was indexed, or on other articles:
    /// `stale`).
    pub(super) fn refresh_search(
        &mut self,
        stale: bool,
        filters: &mut Filters,
        out: &mut Searched,
    ) -> Vec<Effect> {
        if self.view.is_none() {
            return Vec::new();
        }
        let Some(Criterion::Search { text, matches }) = filters.search() else {
            return Vec::new();
        };
        if matches.pending() == 0 && !stale {
            return Vec::new();
        }
        let (text, query) = (text.clone(), matches.query().clone());
        self.ask_search(text, query, filters, out)
    }

    /// Asks again for the query on its way, over the view taken since (its
    /// result would be of the old one); keeps whether Enter is waiting.
    pub(super) fn ask_again(&mut self, filters: &mut Filters, out: &mut Searched) -> Vec<Effect> {
        let Some(waiting) = self.waiting.take() else {
            return Vec::new();
        };
        let query = Query::parse(&waiting.text);
        let effects = self.ask_search(waiting.text, query, filters, out);
        if let Some(now) = self.waiting.as_mut() {
            now.announce |= waiting.announce;
        } else if waiting.announce {
            // The result was at hand and taken already.
            out.announce = true;
        }
        effects
    }
}
