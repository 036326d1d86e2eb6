//! The reader's side of search: the index built in the background, the `/`
//! prompt, the list order (`S`) and the matches in the open article (`n` /
//! `N`). This file holds the state and what the screen reads from it;
//! its `update` (`update`: the prompt, the index's reports, `S`) and its
//! queries and their results (`results`) are the only code that changes it.
//!
//! The index is opened or built outside `update`: the first tick (or `/`)
//! asks for it with `Effect::StartIndex`, it arrives as
//! `Action::IndexStarted`, and views of it as `Action::IndexProgress` (the
//! effect runner sends one once the metadata is folded and whenever the
//! progress or the stored bodies in use change). Searches run over the
//! last view, never the growing index: until the first view the prompt
//! filters nothing; then titles, authors, tags and categories match, and
//! bodies as far as that view had them, with the header showing
//! "indexing n/N"; each new view runs the active search once more. So
//! what a query finds depends only on the actions `update` was given. After the
//! library's articles change (a reload), call
//! [`SearchState::library_changed`] and refilter: a new index is asked for,
//! and answers for the old articles (an older `generation`) are dropped.

use std::path::PathBuf;
use std::sync::Arc;

mod job;
mod prompt;
mod results;
mod update;

pub use job::SearchJob;
pub use prompt::Prompt;
use prompt::PromptOutcome;

use super::catalog::ListOrder;
use super::reload::unknown;
use super::{App, Effect};
use crate::article::Article;
use crate::search::history::History;
use crate::search::{IndexView, MatchPosition, Matches, Progress, Query, SearchIndex, SortOrder};

/// A query out on a worker (`Effect::Search`), and what its result is for.
#[derive(Debug)]
struct Waiting {
    /// The text it was typed as (the filter bar's label).
    text: String,
    /// Enter kept the search before its result came: say how many
    /// articles it found once it does.
    announce: bool,
}

/// Everything search keeps between actions.
#[derive(Debug, Default)]
pub struct SearchState {
    /// Asked for by the first tick (right after the first frame) or the
    /// first `/`, whichever comes first.
    index: Option<SearchIndex>,
    /// An index was asked for and has not arrived yet.
    requested: bool,
    /// Counts the times the articles changed: an index answers for the
    /// articles of the generation it was asked for.
    generation: u64,
    /// The last result that came back, on the current view: a query that
    /// narrows it only looks at its articles (`SearchJob::within`).
    last: Option<Matches>,
    /// The generation of the last query asked for (`Effect::Search`): a
    /// result of any other is stale and dropped.
    asked: u64,
    /// What the query asked for last is for, until its result comes.
    waiting: Option<Waiting>,
    /// The index as last reported (`Action::IndexProgress`): what every
    /// search runs over until the next report, so results change only
    /// when one arrives.
    view: Option<IndexView>,
    /// The index's progress as last reported: what the header shows and
    /// what the results were computed with.
    progress: Option<Progress>,
    prompt: Option<Prompt>,
    sort: SortOrder,
    /// The list order for each order other than the default (which is
    /// the catalog's), computed on first use.
    sorted: Vec<(SortOrder, ListOrder)>,
    /// The articles changed: searches kept must run again on a new index.
    stale: bool,
    /// The searches kept with Enter, for Up/Down at the prompt.
    history: History,
}

impl SearchState {
    /// Asks for an index of `articles` (bodies stored in `store` when
    /// given) unless there is one or one was asked for.
    fn request_index(
        &mut self,
        articles: &Arc<Vec<Article>>,
        store: Option<&PathBuf>,
    ) -> Option<Effect> {
        if self.index.is_some() || self.requested {
            return None;
        }
        self.requested = true;
        Some(Effect::StartIndex {
            generation: self.generation,
            articles: Arc::clone(articles),
            store: store.cloned(),
        })
    }

    /// Forgets everything computed from the old articles (the index, the
    /// article's matches), sorts `articles` again in the current order; a
    /// new index is asked for (at once when a search is kept, else by the
    /// next tick) and the kept search runs again when it arrives. The
    /// caller refilters.
    pub fn library_changed(&mut self, articles: &[Article]) {
        self.forget_articles();
        self.set_sort(self.sort, articles);
    }

    /// [`Self::library_changed`] with the current sort's order of the new
    /// articles computed already (`None` for the default order), for
    /// `articles` new articles. The search Esc would go back to at the
    /// prompt is emptied (its matches were of the old articles, all
    /// `articles` pending now), and asked for again when Esc restores it.
    pub(super) fn library_changed_to(&mut self, sorted: Option<ListOrder>, articles: usize) {
        self.forget_articles();
        if let Some(sorted) = sorted {
            self.sorted.push((self.sort, sorted));
        }
        if let Some(previous) = self.prompt.as_mut().and_then(|p| p.previous.as_mut()) {
            *previous = unknown(previous, articles);
        }
    }

    /// Whether the `/` prompt is open over the list.
    pub(super) fn prompting(&self) -> bool {
        self.prompt.is_some()
    }

    /// The number the index's answers must carry to be taken.
    pub(super) fn generation(&self) -> u64 {
        self.generation
    }

    /// Forgets what was computed from the old articles.
    fn forget_articles(&mut self) {
        self.index = None;
        self.requested = false;
        self.generation += 1;
        self.view = None;
        self.progress = None;
        self.last = None;
        self.asked += 1;
        self.waiting = None;
        self.sorted.clear();
        self.stale = true;
    }

    /// The current list order, when it is not the default one.
    pub(super) fn sorted(&self) -> Option<&ListOrder> {
        self.sorted
            .iter()
            .find(|(sort, _)| *sort == self.sort)
            .map(|(_, sorted)| sorted)
    }

    /// The list's order now: the current sort's, else `default` (the
    /// catalog's).
    pub(super) fn list_order<'a>(&'a self, default: &'a ListOrder) -> &'a ListOrder {
        self.sorted().unwrap_or(default)
    }

    /// Switches to `sort`, computing its order the first time.
    fn set_sort(&mut self, sort: SortOrder, articles: &[Article]) {
        self.sort = sort;
        if sort != SortOrder::default() && self.sorted().is_none() {
            self.sorted
                .push((sort, ListOrder::new(sort.sorted(articles))));
        }
    }
}

impl App {
    /// What is typed at the `/` prompt (the list's search, or the open
    /// article's find), while it is open.
    pub fn search_prompt(&self) -> Option<&str> {
        match self.view() {
            super::View::Detail => self.reading.find_prompt(),
            super::View::List => self.search.prompt.as_ref().map(|p| p.input.as_str()),
        }
    }

    /// The searches kept with Enter, oldest first.
    pub fn search_history(&self) -> &History {
        &self.search.history
    }

    /// The same app with the searches kept in earlier sessions.
    #[must_use]
    pub fn with_search_history(mut self, history: History) -> Self {
        self.search.history = history;
        self
    }

    /// The active search (typed at the prompt or kept with Enter).
    pub fn search_query(&self) -> Option<&Query> {
        self.filters.search_query()
    }

    /// How far indexing has come, while some bodies are not searchable
    /// yet (as of the last tick).
    pub fn index_progress(&self) -> Option<Progress> {
        self.search.progress.filter(|p| !p.is_complete())
    }

    /// The search index, once it arrived (tests and benchmarks wait on it).
    pub fn search_index(&self) -> Option<&SearchIndex> {
        self.search.index.as_ref()
    }

    pub fn sort_order(&self) -> SortOrder {
        self.search.sort
    }

    /// The match `n` / `N` went to in the open article, if it is still
    /// the article and layout on screen.
    pub fn search_focus(&self) -> Option<&MatchPosition> {
        self.reading.search_focus(&self.filters)
    }

    /// The query the article view marks: the find's, else the list
    /// search's.
    pub fn article_query(&self) -> Option<&Query> {
        self.reading.article_query(&self.filters)
    }

    /// `(n, total)`: the match `n` / `N` went to last, of how many, in the
    /// open article as laid out now.
    pub fn match_position(&self) -> Option<(usize, usize)> {
        self.reading.match_position(&self.filters)
    }

    /// Whether an [`super::Action::Tick`] has anything to do: ask for the
    /// index, build the label indexes, save marks.
    pub fn needs_tick(&self) -> bool {
        let search = self.search.index.is_none() && !self.search.requested;
        search
            || !self.catalog.has_labels()
            || self.marks.needs_tick()
            || !self.archive.scan_asked()
    }
}

#[cfg(test)]
impl App {
    /// Search as it is shortly after start-up on a large archive: titles,
    /// tags, authors and categories searchable, every body pending.
    pub(crate) fn with_bodies_pending(&mut self) {
        let index = SearchIndex::metadata_only(&self.library.articles);
        let view = index.view().expect("the metadata is in");
        let generation = self.search.generation;
        self.update(super::Action::IndexStarted {
            generation,
            view: view.clone(),
        });
        self.update(super::Action::IndexProgress { generation, view });
    }
}
