//! `App::update` for queries and their results: a query is asked of a
//! worker (`Effect::Search`, numbered by `SearchState::asked`) and its
//! result taken when `Action::SearchDone` brings it, unless a newer query
//! was asked meanwhile. Until then the list shows the last result.

use super::{SearchJob, Waiting};
use crate::app::{App, Criterion, Cursor, Effect};
use crate::search::{Matches, Query};

impl App {
    /// Asks for `query` (typed as `text`) over the current view, to become
    /// the active search when it comes back. A result already at hand (the
    /// same query, complete) is taken at once instead.
    pub(super) fn ask_search(&mut self, text: String, query: Query) -> Vec<Effect> {
        let Some(view) = self.search.view.clone() else {
            return Vec::new();
        };
        self.search.asked += 1;
        self.search.waiting = Some(Waiting {
            text,
            announce: false,
        });
        if let Some(last) = &self.search.last {
            if *last.query() == query && last.pending() == 0 {
                let matches = last.clone();
                return self.search_done(self.search.asked, matches);
            }
        }
        // The last result is worth its copy only to a query that narrows
        // it (`IndexView::matches_within` searches everything otherwise).
        let within = self
            .search
            .last
            .as_ref()
            .filter(|last| last.pending() == 0 && query.narrows(last.query()))
            .cloned();
        vec![Effect::Search(SearchJob {
            generation: self.search.asked,
            view,
            query,
            within,
        })]
    }

    /// Forgets the query out on a worker: its result will be dropped.
    pub(super) fn forget_search(&mut self) {
        self.search.asked += 1;
        self.search.waiting = None;
    }

    /// `Action::SearchDone`: the result of query `generation`, taken as the
    /// active search if it is the last one asked for.
    pub(super) fn search_done(&mut self, generation: u64, matches: Matches) -> Vec<Effect> {
        if generation != self.search.asked {
            return Vec::new();
        }
        let Some(waiting) = self.search.waiting.take() else {
            return Vec::new();
        };
        self.search.last = Some(matches.clone());
        let same = matches!(
            self.filters.search(),
            Some(Criterion::Search { text, matches: now }) if *text == waiting.text && *now == matches
        );
        if !same {
            self.filters.set_search(Some(Criterion::Search {
                text: waiting.text,
                matches,
            }));
            self.refilter();
            // Matches filling in while indexing may come before the first
            // one: a query just typed keeps the selection on top.
            if self.search.prompt.as_ref().is_some_and(|p| p.on_first) {
                self.list
                    .put_cursor(Cursor::default(), self.size.body_rows());
            }
        }
        if waiting.announce {
            self.announce_search();
        }
        Vec::new()
    }

    /// Says how many articles the kept search shows.
    pub(super) fn announce_search(&mut self) {
        let Some(label) = self.filters.search().map(Criterion::label) else {
            return;
        };
        let shown = self.list.visible().len();
        let more = if self.index_progress().is_some() {
            " so far (still indexing)"
        } else {
            ""
        };
        self.notify(format!(
            "{shown} article{} with {label}{more}",
            if shown == 1 { "" } else { "s" },
        ));
    }

    /// Asks again for the active search when its result is not final (it
    /// was computed before every body was indexed, or on other articles:
    /// `stale`).
    pub(super) fn refresh_search(&mut self, stale: bool) -> Vec<Effect> {
        if self.search.view.is_none() {
            return Vec::new();
        }
        let Some(Criterion::Search { text, matches }) = self.filters.search() else {
            return Vec::new();
        };
        if matches.pending() == 0 && !stale {
            return Vec::new();
        }
        let (text, query) = (text.clone(), matches.query().clone());
        self.ask_search(text, query)
    }

    /// Asks again for the query on its way, over the view taken since (its
    /// result would be of the old one); keeps whether Enter is waiting.
    pub(super) fn ask_again(&mut self) -> Vec<Effect> {
        let Some(waiting) = self.search.waiting.take() else {
            return Vec::new();
        };
        let query = Query::parse(&waiting.text);
        let effects = self.ask_search(waiting.text, query);
        if let Some(now) = self.search.waiting.as_mut() {
            now.announce |= waiting.announce;
        } else if waiting.announce {
            // The result was at hand and taken already.
            self.announce_search();
        }
        effects
    }
}
