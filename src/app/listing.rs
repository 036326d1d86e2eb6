//! What is listed: the app's coordination of the filters, the marks' view,
//! the sort order and the catalog into the list's articles, kept whenever
//! one of them changes (`refilter`), and acting on what the filter keys
//! (`Filters::update`) and search (`SearchState`'s updates) ask.

use super::filter::{FilterContext, FilterOutcome, Said};
use super::search::Searched;
use super::{Action, App, Criterion, Effect, Filters, plural, reload};

impl App {
    /// Routes a filter key (or `Action::FilterDates`) to the filters, then
    /// does what they ask.
    pub(super) fn update_filters(&mut self, action: &Action) {
        let current = self.current_article();
        let here = FilterContext::new(
            &self.library.articles,
            &mut self.catalog,
            self.list.visible(),
            current,
            &mut self.marks,
        );
        match self.filters.update(action, here) {
            FilterOutcome::Stay => {}
            FilterOutcome::Say(text) => self.notify(text),
            FilterOutcome::Pick(kind, choices) => self.show_picker(kind, choices),
            FilterOutcome::Add(criteria) => self.apply_criteria(criteria),
            FilterOutcome::Changed(said) => {
                self.refilter();
                match said {
                    Said::Nothing => {}
                    Said::Cleared => self.notify("Filters cleared"),
                    Said::Removed(removed) => self.notify(format!(
                        "Removed {removed}: {} listed",
                        plural(self.list.visible().len(), "article", "articles")
                    )),
                }
            }
        }
    }

    /// Adds criteria, recomputes the list and shows it.
    pub(super) fn apply_criteria(&mut self, criteria: Vec<Criterion>) {
        let mut labels = Vec::new();
        for criterion in criteria {
            labels.push(criterion.label());
            self.filters.add(criterion);
        }
        self.refilter();
        self.reading.close();
        let shown = self.list.visible().len();
        self.notify(format!(
            "{shown} article{} with {}",
            if shown == 1 { "" } else { "s" },
            labels.join(" "),
        ));
    }

    /// Routes a key at the `/` prompt to search, then does what it asks
    /// (a move or a click goes on to the list).
    pub(super) fn update_search_prompt(&mut self, action: Action) -> Vec<Effect> {
        let file = self.options.search_history_file.as_ref();
        let searched = self.search.update_prompt(&action, &mut self.filters, file);
        if searched.to_list {
            return self.update_list(action);
        }
        self.searched(searched)
    }

    /// `/` in the list: the prompt, and the index unless it is on its way.
    pub(super) fn open_search(&mut self) -> Vec<Effect> {
        let searched = self
            .search
            .open_prompt(&mut self.filters, self.list.cursor());
        let mut effects = self.searched(searched);
        effects.extend(self.request_index());
        effects
    }

    /// An `Effect::StartIndex` for the current articles, unless one is
    /// there or on its way.
    pub(super) fn request_index(&mut self) -> Option<Effect> {
        let store = self.options.search_store.as_ref();
        self.search.request_index(&self.library.articles, store)
    }

    /// Does what a step of search asks: list again, put the highlight
    /// back, say something, say how many the kept search shows.
    pub(super) fn searched(&mut self, searched: Searched) -> Vec<Effect> {
        if searched.relist {
            self.refilter();
        }
        if let Some(cursor) = searched.cursor {
            self.list.put_cursor(cursor, self.size.body_rows());
        }
        if searched.status.is_some() {
            self.status = searched.status;
        }
        if searched.announce {
            self.announce_search();
        }
        searched.effects
    }

    /// Says how many articles the kept search shows.
    fn announce_search(&mut self) {
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

    /// Recomputes the visible list after the criteria changed, keeping the
    /// selected article (on the same screen row) when it is still listed,
    /// else selecting the one that followed it.
    pub(super) fn refilter(&mut self) {
        let listed = self.listed();
        let order = self.search.list_order(self.catalog.order());
        self.list.show(listed, order.rank(), self.size.body_rows());
    }

    /// The articles the criteria and the view let through, in the list's
    /// order.
    pub(super) fn listed(&self) -> Vec<usize> {
        self.listed_with(&self.filters)
    }

    /// [`Self::listed`] with other criteria.
    pub(super) fn listed_with(&self, filters: &Filters) -> Vec<usize> {
        reload::listing(
            filters,
            &self.library.articles,
            &self.catalog,
            (self.marks.view(), |i| self.marks.admits(i)),
            self.search.sorted(),
        )
    }
}
