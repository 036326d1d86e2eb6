//! `App::update` for search: the `/` prompt, the index arriving and
//! results filling in while it is built, `S` (sort). `n` / `N` in the
//! article view are in `find`.

use super::search::{Prompt, PromptOutcome};
use super::{Action, App, Criterion, Effect};
use crate::search::{IndexView, QUERY_CUT_MESSAGE, Query, SortOrder};

impl App {
    /// `/` in the list: opens the prompt with the kept search, if any, to
    /// edit (else nothing typed, so the list shows what the other filters
    /// leave until the first keystroke).
    pub(super) fn open_search(&mut self) -> Vec<Effect> {
        let previous = self.filters.search().cloned();
        let input = match &previous {
            Some(Criterion::Search { text, .. }) => text.clone(),
            _ => String::new(),
        };
        self.search.prompt = Some(Prompt {
            input,
            previous,
            cursor: self.list.cursor,
            recalled: None,
            draft: String::new(),
            on_first: false,
        });
        self.run_search();
        self.request_index().into_iter().collect()
    }

    /// An `Effect::StartIndex` for the current articles, unless one is
    /// there or on its way.
    pub(super) fn request_index(&mut self) -> Option<Effect> {
        self.search
            .request_index(&self.library.articles, self.options.search_store.as_ref())
    }

    /// Routes `action` to the `/` prompt, then does what it asks.
    pub(super) fn update_search_prompt(&mut self, action: Action) -> Vec<Effect> {
        let Some(prompt) = self.search.prompt.as_mut() else {
            return Vec::new();
        };
        match prompt.update(&action, &self.search.history) {
            PromptOutcome::Stay => {}
            PromptOutcome::Edited { cut } => {
                if cut {
                    self.notify(QUERY_CUT_MESSAGE);
                }
                self.run_search();
                self.select_first_match();
            }
            PromptOutcome::Keep => return self.keep_search(),
            PromptOutcome::Cancel => self.cancel_search(),
            PromptOutcome::ToList { close } => {
                if close {
                    self.search.prompt = None;
                }
                return self.update_list(action);
            }
        }
        Vec::new()
    }

    /// After the query changed: the selection on the first match, at the
    /// top; with nothing typed, back where it was before `/`.
    fn select_first_match(&mut self) {
        let Some(prompt) = self.search.prompt.as_mut() else {
            return;
        };
        let rows = self.size.body_rows();
        if prompt.input.trim().is_empty() {
            prompt.on_first = false;
            self.list.cursor = prompt.cursor;
        } else {
            prompt.on_first = true;
            self.list.cursor = super::Cursor::default();
        }
        self.list.cursor.reveal(self.list.visible.len(), rows);
    }

    /// Narrows the list to what the prompt's text matches (every other
    /// filter still applies).
    fn run_search(&mut self) {
        let Some(prompt) = self.search.prompt.as_ref() else {
            return;
        };
        let text = prompt.input.trim().to_owned();
        let query = Query::parse(&text);
        let criterion = match self.search.view.as_ref() {
            Some(view) if !query.is_empty() => Some(Criterion::Search {
                text,
                matches: self.search.session.search_in(view, &query).clone(),
            }),
            _ => None,
        };
        self.filters.set_search(criterion);
        self.refilter();
    }

    /// Enter: the search stays as a filter, and joins the history (saved
    /// off the UI thread when there is a file for it).
    fn keep_search(&mut self) -> Vec<Effect> {
        let Some(prompt) = self.search.prompt.take() else {
            return Vec::new();
        };
        let mut effects = Vec::new();
        if self.search.history.push(&prompt.input) {
            if let Some(path) = &self.options.search_history_file {
                effects.push(Effect::SaveSearchHistory {
                    path: path.clone(),
                    history: self.search.history.clone(),
                });
            }
        }
        let Some(label) = self.filters.search().map(Criterion::label) else {
            return effects;
        };
        let shown = self.list.visible.len();
        let more = if self.index_progress().is_some() {
            " so far (still indexing)"
        } else {
            ""
        };
        self.notify(format!(
            "{shown} article{} with {label}{more}",
            if shown == 1 { "" } else { "s" },
        ));
        effects
    }

    /// Esc: back to the search (and selection) there was before `/`.
    fn cancel_search(&mut self) {
        let Some(prompt) = self.search.prompt.take() else {
            return;
        };
        self.filters.set_search(prompt.previous);
        self.refresh_search(false);
        self.refilter();
        self.list.cursor = prompt.cursor;
        self.list
            .cursor
            .reveal(self.list.visible.len(), self.size.body_rows());
    }

    /// `Action::IndexStarted`: the index for the current articles (one
    /// for older articles is dropped), searched as `view` shows it until
    /// the next report.
    pub(super) fn index_started(&mut self, generation: u64, view: IndexView) {
        if generation != self.search.generation {
            return;
        }
        self.search.index = Some(view.index().clone());
        self.search.requested = false;
        self.take_view(view);
    }

    /// `Action::IndexProgress`: a new view of the index. The active search
    /// runs again on it (so results fill in while it is built), as does a
    /// search kept across a reload or typed before the index came.
    pub(super) fn index_progressed(&mut self, generation: u64, view: IndexView) {
        if generation != self.search.generation || self.search.index.is_none() {
            return;
        }
        let progress = view.progress();
        let same = self.search.view.as_ref().is_some_and(|v| v.same_as(&view));
        if same && self.search.progress == Some(progress) && !self.search.stale {
            return;
        }
        self.search.progress = Some(progress);
        self.take_view(view);
    }

    /// Searches from now on run over `view`: the active search again, and
    /// one kept across a reload or typed before the index came.
    fn take_view(&mut self, view: IndexView) {
        if !self.search.view.as_ref().is_some_and(|v| v.same_as(&view)) {
            // The session's last result was of what the old view searched.
            self.search.session.reset();
        }
        self.search.view = Some(view);
        let stale = std::mem::take(&mut self.search.stale);
        if self.refresh_search(stale) {
            self.refilter();
            // Matches filling in while indexing may come before the
            // first one: a query just typed keeps the selection on top.
            if self.search.prompt.as_ref().is_some_and(|p| p.on_first) {
                self.list.cursor = super::Cursor::default();
            }
        }
        let typed = self
            .search
            .prompt
            .as_ref()
            .is_some_and(|p| !p.input.trim().is_empty());
        if typed && self.filters.search().is_none() {
            self.run_search();
            if self.search.prompt.as_ref().is_some_and(|p| p.on_first) {
                self.list.cursor = super::Cursor::default();
            }
        }
    }

    /// Recomputes a search criterion computed before every body was indexed
    /// (or on other articles: `stale`); says whether its result changed.
    fn refresh_search(&mut self, stale: bool) -> bool {
        let Some(view) = self.search.view.as_ref() else {
            return false;
        };
        if let (true, Some(prompt)) = (stale, self.search.prompt.as_mut()) {
            if let Some(Criterion::Search { matches, .. }) = prompt.previous.as_mut() {
                *matches = self.search.session.search_in(view, matches.query()).clone();
            }
        }
        let Some(Criterion::Search { text, matches }) = self.filters.search() else {
            return false;
        };
        if matches.pending() == 0 && !stale {
            return false;
        }
        let fresh = self.search.session.search_in(view, matches.query()).clone();
        if fresh == *matches {
            return false;
        }
        let text = text.clone();
        self.filters.set_search(Some(Criterion::Search {
            text,
            matches: fresh,
        }));
        true
    }

    /// `S`: the next list order, keeping the selected article.
    pub(super) fn cycle_sort(&mut self) {
        let next = self.search.sort.next();
        self.search.set_sort(next, &self.library.articles);
        self.refilter();
        self.notify(match next {
            SortOrder::Newest => "Sorted newest first",
            SortOrder::Oldest => "Sorted oldest first",
            SortOrder::Title => "Sorted by title",
            SortOrder::Source => "Sorted by source, newest first within each",
        });
    }
}
