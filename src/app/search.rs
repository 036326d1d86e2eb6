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
//! what a query finds depends only on the actions `update` was given. Search
//! changes only its own state and the filters' search criterion it is
//! given; the app lists again as the [`Searched`] it returns says. After the
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
use super::{Cursor, Effect, Status};
use crate::article::Article;
use crate::search::history::History;
use crate::search::{IndexView, Matches, Progress, SearchIndex, SortOrder};

/// A query out on a worker (`Effect::Search`), and what its result is for.
#[derive(Debug)]
struct Waiting {
    /// The text it was typed as (the filter bar's label).
    text: String,
    /// Enter kept the search before its result came: say how many
    /// articles it found once it does.
    announce: bool,
}

/// What a step of search asks of the app, in this order: list again (the
/// filters' search changed), put the highlight back, say something, say
/// how many articles the kept search shows; and the effects to return.
#[derive(Debug, Default)]
pub(in crate::app) struct Searched {
    pub(in crate::app) effects: Vec<Effect>,
    pub(in crate::app) relist: bool,
    pub(in crate::app) cursor: Option<Cursor>,
    pub(in crate::app) status: Option<Status>,
    pub(in crate::app) announce: bool,
    /// The key was a move or a click for the list: the list takes it.
    pub(in crate::app) to_list: bool,
}

impl Searched {
    fn say(&mut self, text: &str) {
        self.status = Some(Status {
            text: text.to_owned(),
            error: false,
        });
    }

    fn fail(&mut self, text: &str) {
        self.status = Some(Status {
            text: text.to_owned(),
            error: true,
        });
    }
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
    pub(super) fn request_index(
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

    /// What is typed at the `/` prompt, while it is open.
    pub(super) fn prompt_text(&self) -> Option<&str> {
        self.prompt.as_ref().map(|p| p.input.as_str())
    }

    /// The searches kept with Enter, oldest first.
    pub(super) fn history(&self) -> &History {
        &self.history
    }

    /// Takes the searches kept in earlier sessions.
    pub(super) fn set_history(&mut self, history: History) {
        self.history = history;
    }

    /// How far indexing has come, as last reported.
    pub(super) fn progress(&self) -> Option<Progress> {
        self.progress
    }

    /// The search index, once it arrived.
    pub(super) fn index(&self) -> Option<&SearchIndex> {
        self.index.as_ref()
    }

    /// The list order chosen with `S`.
    pub(super) fn sort(&self) -> SortOrder {
        self.sort
    }

    /// Whether the next tick is to ask for an index (none, none asked).
    pub(super) fn wants_index(&self) -> bool {
        self.index.is_none() && !self.requested
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
