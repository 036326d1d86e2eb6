//! Search's own `update`: the `/` prompt, the index arriving and results
//! filling in while it is built, `S` (sort). `n` / `N` in the article view
//! are in `find`. It changes the search state and the filters' search
//! criterion it is given; what the list and the status line must do comes
//! back as a [`Searched`] for the app to act on.

use std::path::PathBuf;

use super::{Prompt, PromptOutcome, SearchState, Searched};
use crate::app::{Action, Criterion, Cursor, Effect, Filters};
use crate::article::Article;
use crate::search::{IndexView, QUERY_CUT_MESSAGE, Query, SortOrder};

impl SearchState {
    /// `/` in the list: opens the prompt with the kept search, if any, to
    /// edit (else nothing typed, so the list shows what the other filters
    /// leave until the first keystroke); `cursor` is the list's selection,
    /// for Esc.
    pub(in crate::app) fn open_prompt(
        &mut self,
        filters: &mut Filters,
        cursor: Cursor,
    ) -> Searched {
        let previous = filters.search().cloned();
        let input = match &previous {
            Some(Criterion::Search { text, .. }) => text.clone(),
            _ => String::new(),
        };
        self.prompt = Some(Prompt::new(input, previous, cursor));
        let mut out = Searched::default();
        let effects = self.run_search(filters, &mut out);
        out.effects = effects;
        out
    }

    /// Takes `action` at the `/` prompt; Enter saves the history to
    /// `history_file` when there is one.
    pub(in crate::app) fn update_prompt(
        &mut self,
        action: &Action,
        filters: &mut Filters,
        history_file: Option<&PathBuf>,
    ) -> Searched {
        let mut out = Searched::default();
        let Some(prompt) = self.prompt.as_mut() else {
            return out;
        };
        let effects = match prompt.update(action, &self.history) {
            PromptOutcome::Stay => Vec::new(),
            PromptOutcome::Edited { cut } => {
                if cut {
                    out.say(QUERY_CUT_MESSAGE);
                }
                let effects = self.run_search(filters, &mut out);
                self.select_first_match(&mut out);
                effects
            }
            PromptOutcome::Keep => self.keep_search(history_file, &mut out),
            PromptOutcome::Cancel => self.cancel_search(filters, &mut out),
            PromptOutcome::ToList { close } => {
                if close {
                    self.prompt = None;
                }
                out.to_list = true;
                Vec::new()
            }
        };
        out.effects = effects;
        out
    }

    /// After the query changed: the selection on the first match, at the
    /// top; with nothing typed, back where it was before `/`.
    fn select_first_match(&mut self, out: &mut Searched) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        if prompt.input.trim().is_empty() {
            prompt.on_first = false;
            out.cursor = Some(prompt.cursor);
        } else {
            prompt.on_first = true;
            out.cursor = Some(Cursor::default());
        }
    }

    /// Narrows the list to what the prompt's text matches (every other
    /// filter still applies): at once when nothing is typed (or there is
    /// no index yet), else once the query's result comes back.
    fn run_search(&mut self, filters: &mut Filters, out: &mut Searched) -> Vec<Effect> {
        let Some(prompt) = self.prompt.as_ref() else {
            return Vec::new();
        };
        let text = prompt.input.trim().to_owned();
        let query = Query::parse(&text);
        if self.view.is_none() || query.is_empty() {
            self.forget_search();
            filters.set_search(None);
            out.relist = true;
            return Vec::new();
        }
        self.ask_search(text, query, filters, out)
    }

    /// Enter: the search stays as a filter, and joins the history (saved
    /// off the UI thread when there is a file for it).
    fn keep_search(&mut self, history_file: Option<&PathBuf>, out: &mut Searched) -> Vec<Effect> {
        let Some(prompt) = self.prompt.take() else {
            return Vec::new();
        };
        let mut effects = Vec::new();
        if self.history.push(&prompt.input) {
            if let Some(path) = history_file {
                effects.push(Effect::SaveSearchHistory {
                    path: path.clone(),
                    history: self.history.clone(),
                });
            }
        }
        match self.waiting.as_mut() {
            // The count is said when the result is in.
            Some(waiting) => waiting.announce = true,
            None => out.announce = true,
        }
        effects
    }

    /// Esc: back to the search (and selection) there was before `/`.
    fn cancel_search(&mut self, filters: &mut Filters, out: &mut Searched) -> Vec<Effect> {
        let Some(prompt) = self.prompt.take() else {
            return Vec::new();
        };
        self.forget_search();
        filters.set_search(prompt.previous);
        let effects = self.refresh_search(false, filters, out);
        out.relist = true;
        out.cursor = Some(prompt.cursor);
        effects
    }

    /// The search's answers from outside: the index (`IndexStarted`), a
    /// new view of it (`IndexProgress`), a query's result (`SearchDone`).
    pub(in crate::app) fn answered(&mut self, action: Action, filters: &mut Filters) -> Searched {
        let mut out = Searched::default();
        let effects = match action {
            Action::IndexStarted { generation, view } => {
                self.index_started(generation, view, filters, &mut out)
            }
            Action::IndexProgress { generation, view } => {
                self.index_progressed(generation, view, filters, &mut out)
            }
            Action::SearchDone {
                generation,
                matches,
            } => self.search_done(generation, matches, filters, &mut out),
            _ => Vec::new(),
        };
        out.effects = effects;
        out
    }

    /// `Action::IndexStarted`: the index for the current articles (one
    /// for older articles is dropped), searched as `view` shows it until
    /// the next report.
    fn index_started(
        &mut self,
        generation: u64,
        view: IndexView,
        filters: &mut Filters,
        out: &mut Searched,
    ) -> Vec<Effect> {
        if generation != self.generation {
            return Vec::new();
        }
        self.index = Some(view.index().clone());
        self.requested = false;
        self.take_view(view, filters, out)
    }

    /// `Action::IndexProgress`: a new view of the index. The active search
    /// is asked again on it (so results fill in while it is built), as is
    /// a search kept across a reload or typed before the index came.
    fn index_progressed(
        &mut self,
        generation: u64,
        view: IndexView,
        filters: &mut Filters,
        out: &mut Searched,
    ) -> Vec<Effect> {
        if generation != self.generation || self.index.is_none() {
            return Vec::new();
        }
        let known = self.view.as_ref().and_then(IndexView::problem);
        if let Some(problem) = view.problem().filter(|&p| known != Some(p)) {
            out.fail(problem);
        }
        let progress = view.progress();
        let same = self.view.as_ref().is_some_and(|v| v.same_as(&view));
        if same && self.progress == Some(progress) && !self.stale {
            return Vec::new();
        }
        self.progress = Some(progress);
        self.take_view(view, filters, out)
    }

    /// Searches from now on run over `view`: the query on its way again,
    /// else the active search when not final, or what is typed at the
    /// prompt when the index was not there to search it.
    fn take_view(
        &mut self,
        view: IndexView,
        filters: &mut Filters,
        out: &mut Searched,
    ) -> Vec<Effect> {
        let same = self.view.as_ref().is_some_and(|v| v.same_as(&view));
        if !same {
            // The last result was of what the old view searched.
            self.last = None;
        }
        self.view = Some(view);
        let stale = std::mem::take(&mut self.stale);
        if self.waiting.is_some() {
            return if same {
                Vec::new()
            } else {
                self.ask_again(filters, out)
            };
        }
        // What the list shows is not what is typed (no index then, or
        // the query was dropped with the old articles).
        let typed = self.prompt.as_ref().map(|p| p.input.trim());
        let shown = match filters.search() {
            Some(Criterion::Search { text, .. }) => Some(text.as_str()),
            _ => None,
        };
        if typed.is_some_and(|t| !t.is_empty() && Some(t) != shown) {
            return self.run_search(filters, out);
        }
        self.refresh_search(stale, filters, out)
    }

    /// `S`: the next list order (of `articles`); what to say about it.
    pub(in crate::app) fn cycle_sort(&mut self, articles: &[Article]) -> &'static str {
        let next = self.sort.next();
        self.set_sort(next, articles);
        match next {
            SortOrder::Newest => "Sorted newest first",
            SortOrder::Oldest => "Sorted oldest first",
            SortOrder::Title => "Sorted by title",
            SortOrder::Source => "Sorted by source, newest first within each",
        }
    }
}
