//! What the screen (`ui::draw`) and the terminal layer read from an
//! [`App`]: read-only views of its parts.

use std::sync::Arc;

use super::{
    App, Confirm, Cursor, Detail, Filters, KeyGuide, LineInput, MarkState, Options, Overlay, Size,
    Status, View, Visited, dates,
};
use crate::archive_links::{ArchiveLinks, LinkGraph};
use crate::article::Article;
use crate::library::Library;
use crate::marks::ViewFilter;
use crate::search::history::History;
use crate::search::{MatchPosition, Progress, Query, SearchIndex, SortOrder};

impl App {
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Read and starred flags, the marks behind them, and the view.
    pub fn marks(&self) -> &MarkState {
        &self.marks
    }

    /// All, unread only, or starred only.
    pub fn view_filter(&self) -> ViewFilter {
        self.marks.view()
    }

    /// How many listed articles are unread.
    pub fn unread_listed(&self) -> usize {
        self.marks.count_unread(self.list.visible())
    }

    /// The question waiting for y/n, if any.
    pub fn confirm(&self) -> Option<Confirm> {
        self.confirm.clone()
    }

    pub fn articles(&self) -> &[Article] {
        &self.library.articles
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// Indices of the listed articles, in list order.
    pub fn visible(&self) -> &[usize] {
        self.list.visible()
    }

    pub fn list_cursor(&self) -> Cursor {
        self.list.cursor()
    }

    /// The index of the article under the list selection.
    pub fn selected_article(&self) -> Option<usize> {
        self.list.selected_article()
    }

    /// The article view while an article is open, else the list.
    pub fn view(&self) -> View {
        if self.reading.open().is_some() {
            View::Detail
        } else {
            View::List
        }
    }

    pub fn detail(&self) -> Option<&Detail> {
        self.reading.open()
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The number the search index's answers (`Action::IndexStarted`,
    /// `Action::IndexProgress`) must carry to be taken: the one the last
    /// `Effect::StartIndex` asked with.
    pub fn index_generation(&self) -> u64 {
        self.search.generation()
    }

    pub fn size(&self) -> Size {
        self.size
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    pub fn guide(&self) -> &KeyGuide {
        &self.guide
    }

    /// The help pop-up at this size, border included.
    pub fn help_area(&self) -> ratatui::layout::Rect {
        self.size.help_area(self.guide.help_width())
    }

    /// Columns of help text inside the pop-up's border.
    pub fn help_text_width(&self) -> usize {
        usize::from(self.help_area().width.saturating_sub(2))
    }

    /// `articles[article]`'s date in the configured format ("" if none),
    /// with its time when the library has times.
    pub fn date_text(&self, article: &Article) -> String {
        let time = self
            .catalog
            .has_times()
            .then_some(self.options.time_format.as_str());
        dates::stamp(article, &self.options.date_format, time).unwrap_or_default()
    }

    /// How many files hold `article` (1 + its exact duplicates, which are
    /// not listed), when duplicates are collapsed.
    pub fn copy_count(&self, article: usize) -> usize {
        1 + self.catalog.copies_of(article).len()
    }

    /// Columns of the list's date column.
    pub fn date_width(&self) -> usize {
        self.catalog.date_width()
    }

    pub fn source_width(&self) -> usize {
        self.catalog.source_width()
    }

    /// The link finder, once the background scan has answered (the body
    /// loader marks in-archive links with it).
    pub fn archive_links(&self) -> Option<Arc<ArchiveLinks>> {
        self.archive.links().cloned()
    }

    /// The links between articles, once found.
    pub fn link_graph(&self) -> Option<&LinkGraph> {
        self.archive.graph()
    }

    /// Articles the back key returns to, the most recent last.
    pub fn history(&self) -> &[Visited] {
        self.reading.back()
    }

    /// The article body link `[n]` of the open article leads to, if it
    /// is another article of the library.
    pub fn link_in_archive(&self, n: usize) -> Option<usize> {
        self.archive.target(self.reading.open()?, n)
    }

    /// The prompt in the status line, if one is open.
    pub fn line_input(&self) -> Option<&LineInput> {
        self.input.as_ref()
    }

    /// The pipe commands used before, newest last.
    pub fn pipe_history(&self) -> &[String] {
        &self.pipe_history
    }

    /// What is typed at the `/` prompt (the list's search, or the open
    /// article's find), while it is open.
    pub fn search_prompt(&self) -> Option<&str> {
        match self.view() {
            View::Detail => self.reading.find_prompt(),
            View::List => self.search.prompt_text(),
        }
    }

    /// The searches kept with Enter, oldest first.
    pub fn search_history(&self) -> &History {
        self.search.history()
    }

    /// The active search (typed at the prompt or kept with Enter).
    pub fn search_query(&self) -> Option<&Query> {
        self.filters.search_query()
    }

    /// How far indexing has come, while some bodies are not searchable
    /// yet (as of the last tick).
    pub fn index_progress(&self) -> Option<Progress> {
        self.search.progress().filter(|p| !p.is_complete())
    }

    /// The search index, once it arrived (tests and benchmarks wait on it).
    pub fn search_index(&self) -> Option<&SearchIndex> {
        self.search.index()
    }

    pub fn sort_order(&self) -> SortOrder {
        self.search.sort()
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
    /// index, build the label indexes, save marks, ask for the links.
    pub fn needs_tick(&self) -> bool {
        self.search.wants_index()
            || !self.catalog.has_labels()
            || self.marks.needs_tick()
            || !self.archive.scan_asked()
    }
}
