//! `App::update` for search: the `/` prompt, the index arriving and
//! results filling in while it is built, `S` (sort). `n` / `N` in the
//! article view are in `find`. `App::update` routes here; the rest of the
//! app reads the search through `SearchState`'s and `App`'s getters.

use super::{Prompt, PromptOutcome};
use crate::app::{Action, App, Criterion, Cursor, Effect};
use crate::search::{IndexView, QUERY_CUT_MESSAGE, Query, SortOrder};

impl App {
    /// `/` in the list: opens the prompt with the kept search, if any, to
    /// edit (else nothing typed, so the list shows what the other filters
    /// leave until the first keystroke).
    pub(in crate::app) fn open_search(&mut self) -> Vec<Effect> {
        let previous = self.filters.search().cloned();
        let input = match &previous {
            Some(Criterion::Search { text, .. }) => text.clone(),
            _ => String::new(),
        };
        self.search.prompt = Some(Prompt::new(input, previous, self.list.cursor()));
        let mut effects = self.run_search();
        effects.extend(self.request_index());
        effects
    }

    /// An `Effect::StartIndex` for the current articles, unless one is
    /// there or on its way.
    pub(in crate::app) fn request_index(&mut self) -> Option<Effect> {
        self.search
            .request_index(&self.library.articles, self.options.search_store.as_ref())
    }

    /// Routes `action` to the `/` prompt, then does what it asks.
    pub(in crate::app) fn update_search_prompt(&mut self, action: Action) -> Vec<Effect> {
        let Some(prompt) = self.search.prompt.as_mut() else {
            return Vec::new();
        };
        match prompt.update(&action, &self.search.history) {
            PromptOutcome::Stay => {}
            PromptOutcome::Edited { cut } => {
                if cut {
                    self.notify(QUERY_CUT_MESSAGE);
                }
                let effects = self.run_search();
                self.select_first_match();
                return effects;
            }
            PromptOutcome::Keep => return self.keep_search(),
            PromptOutcome::Cancel => return self.cancel_search(),
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
            self.list.put_cursor(prompt.cursor, rows);
        } else {
            prompt.on_first = true;
            self.list.put_cursor(Cursor::default(), rows);
        }
    }

    /// Narrows the list to what the prompt's text matches (every other
    /// filter still applies): at once when nothing is typed (or there is
    /// no index yet), else once the query's result comes back.
    fn run_search(&mut self) -> Vec<Effect> {
        let Some(prompt) = self.search.prompt.as_ref() else {
            return Vec::new();
        };
        let text = prompt.input.trim().to_owned();
        let query = Query::parse(&text);
        if self.search.view.is_none() || query.is_empty() {
            self.forget_search();
            self.filters.set_search(None);
            self.refilter();
            return Vec::new();
        }
        self.ask_search(text, query)
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
        match self.search.waiting.as_mut() {
            // The count is said when the result is in.
            Some(waiting) => waiting.announce = true,
            None => self.announce_search(),
        }
        effects
    }

    /// Esc: back to the search (and selection) there was before `/`.
    fn cancel_search(&mut self) -> Vec<Effect> {
        let Some(prompt) = self.search.prompt.take() else {
            return Vec::new();
        };
        self.forget_search();
        self.filters.set_search(prompt.previous);
        let effects = self.refresh_search(false);
        self.refilter();
        self.list.put_cursor(prompt.cursor, self.size.body_rows());
        effects
    }

    /// The search's answers from outside: the index (`IndexStarted`), a
    /// new view of it (`IndexProgress`), a query's result (`SearchDone`).
    pub(in crate::app) fn search_answered(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::IndexStarted { generation, view } => self.index_started(generation, view),
            Action::IndexProgress { generation, view } => self.index_progressed(generation, view),
            Action::SearchDone {
                generation,
                matches,
            } => self.search_done(generation, matches),
            _ => Vec::new(),
        }
    }

    /// `Action::IndexStarted`: the index for the current articles (one
    /// for older articles is dropped), searched as `view` shows it until
    /// the next report.
    fn index_started(&mut self, generation: u64, view: IndexView) -> Vec<Effect> {
        if generation != self.search.generation {
            return Vec::new();
        }
        self.search.index = Some(view.index().clone());
        self.search.requested = false;
        self.take_view(view)
    }

    /// `Action::IndexProgress`: a new view of the index. The active search
    /// is asked again on it (so results fill in while it is built), as is
    /// a search kept across a reload or typed before the index came.
    fn index_progressed(&mut self, generation: u64, view: IndexView) -> Vec<Effect> {
        if generation != self.search.generation || self.search.index.is_none() {
            return Vec::new();
        }
        let known = self.search.view.as_ref().and_then(IndexView::problem);
        if let Some(problem) = view.problem().filter(|&p| known != Some(p)) {
            self.fail(problem);
        }
        let progress = view.progress();
        let same = self.search.view.as_ref().is_some_and(|v| v.same_as(&view));
        if same && self.search.progress == Some(progress) && !self.search.stale {
            return Vec::new();
        }
        self.search.progress = Some(progress);
        self.take_view(view)
    }

    /// Searches from now on run over `view`: the query on its way again,
    /// else the active search when not final, or what is typed at the
    /// prompt when the index was not there to search it.
    fn take_view(&mut self, view: IndexView) -> Vec<Effect> {
        let same = self.search.view.as_ref().is_some_and(|v| v.same_as(&view));
        if !same {
            // The last result was of what the old view searched.
            self.search.last = None;
        }
        self.search.view = Some(view);
        let stale = std::mem::take(&mut self.search.stale);
        if self.search.waiting.is_some() {
            return if same { Vec::new() } else { self.ask_again() };
        }
        // What the list shows is not what is typed (no index then, or
        // the query was dropped with the old articles).
        let typed = self.search.prompt.as_ref().map(|p| p.input.trim());
        let shown = match self.filters.search() {
            Some(Criterion::Search { text, .. }) => Some(text.as_str()),
            _ => None,
        };
        if typed.is_some_and(|t| !t.is_empty() && Some(t) != shown) {
            return self.run_search();
        }
        self.refresh_search(stale)
    }

    /// `S`: the next list order, keeping the selected article.
    pub(in crate::app) fn cycle_sort(&mut self) {
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
