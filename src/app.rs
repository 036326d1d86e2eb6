//! The reader's state and the one function that changes it.
//!
//! Flow: terminal events -> `keymap` -> [`Action`] -> [`App::update`] ->
//! [`Effect`]s that `tui` performs (reading a body, opening a browser),
//! whose outcomes come back as actions. `ui::draw` only reads an `App`.
//!
//! Extension points for later features:
//! - a new way to narrow the list is a [`Criterion`] variant: `refilter`
//!   recomputes `visible` and keeps the selection;
//! - per-article marks (read, starred) live in [`MarkState`] (`marks`),
//!   with the all/unread/starred view applied after the criteria;
//! - the articles may change under the reader (live updates, `reload`):
//!   anything derived from them is rebuilt in `index_library`;
//! - a new key-bindable action is one entry in the `bindable` block of
//!   `action.rs` (name and help text; [`Command`] derives from it);
//! - messages for the person go through [`App::notify`] / [`App::fail`];
//! - work outside the process is a new [`Effect`].

mod action;
mod archive;
mod command;
mod cursor;
pub mod dates;
mod detail;
mod effect;
mod filter;
mod find;
mod geometry;
mod guide;
mod index;
mod marks;
mod navigate;
mod picker;
mod reload;
mod search;
mod update;
mod update_filters;
mod update_links;
mod update_marks;
mod update_overlay;
mod update_search;
mod url_check;

pub use action::Action;
pub use archive::{ArchiveState, Visited};
pub use command::Command;
pub use cursor::Cursor;
pub use detail::{Body, Detail};
pub use effect::Effect;
pub use filter::{Criterion, Filters};
pub use geometry::{MAX_TEXT_WIDTH, MIN_HEIGHT, MIN_WIDTH, Size};
pub use guide::{HelpEntry, HelpLine, HelpSection, Hint, KeyGuide};
pub use index::{Indexes, LabelIndex};
pub use marks::MarkState;
pub use picker::{Choices, Picker, PickerEntry, PickerKind};
pub use search::{Prompt, SearchState, find_in_lines};
pub use update_marks::Confirm;
pub use url_check::check_url;

use crate::article::Article;
use crate::library::{Duplicates, Library};
use crate::marks::{MarkBook, Marks, ViewFilter};
use crate::problem::Severity;

/// The main view underneath any pop-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    List,
    Detail,
}

/// A pop-up over the view; it takes the keys while open.
#[derive(Debug)]
pub enum Overlay {
    Picker(Picker),
    /// The key help, scrolled to this line.
    Help {
        scroll: usize,
    },
}

/// Which set of key bindings applies right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    List,
    Detail,
    Picker,
    Help,
    /// The `/` prompt over the list.
    Search,
}

/// A message in the status line until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Choices made at start-up.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// No colours, only bold/dim/reverse (`NO_COLOR`).
    pub monochrome: bool,
    /// config.yaml's `colors:`, laid over the built-in styles (only their
    /// bold, underline and such when `monochrome`).
    pub colors: crate::config::ColorOverrides,
    /// How dates are shown (strftime); empty: `YYYY-MM-DD`.
    pub date_format: String,
    /// How times are shown after the date (strftime); empty: `HH:MM`.
    /// The list shows them when some article has a time.
    pub time_format: String,
    /// List exact duplicates once, with a count (config.yaml's
    /// `collapse_duplicates`).
    pub collapse_duplicates: bool,
    /// The file the search index keeps the bodies in (beside the metadata
    /// cache, see [`crate::search::store_file`]); `None`: in memory.
    pub search_store: Option<std::path::PathBuf>,
}

impl Options {
    /// What article text looks like: the built-in styles for
    /// `monochrome`, with `colors:` over them.
    pub fn article_styles(&self) -> crate::render::ArticleStyles {
        self.colors.article_styles(self.monochrome)
    }
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    library: Library,
    /// Every article index, newest first: the list's order.
    order: Vec<usize>,
    /// `rank[article]` is its position in `order`.
    rank: Vec<usize>,
    filters: Filters,
    /// Tags and categories as numbers, for fast filters and counts; built
    /// after the first frame (`indexed` says when).
    index: Indexes,
    indexed: bool,
    /// The pickers' entries when no filter is active (the common case),
    /// built once.
    all_tags: Choices,
    all_categories: Choices,
    /// Indices of the articles the list shows, in `order`.
    visible: Vec<usize>,
    list: Cursor,
    view: View,
    detail: Option<Detail>,
    overlay: Option<Overlay>,
    status: Option<Status>,
    size: Size,
    options: Options,
    guide: KeyGuide,
    /// Columns of the list's source column, from the widest source.
    source_width: usize,
    /// Columns of the list's date column, for the date format (and the
    /// time format when `has_times`).
    date_width: usize,
    /// Whether some article gives a time of day: then the list shows times.
    has_times: bool,
    /// Exact duplicates, found when `options.collapse_duplicates`: only the
    /// first of each group is listed.
    duplicates: Duplicates,
    marks: MarkState,
    /// A yes/no question in the status line.
    confirm: Option<Confirm>,
    search: SearchState,
    /// A count typed in the list (`5` of `5j`), until the next key.
    count: Option<usize>,
    /// The count that applies to the action being handled.
    repeat: Option<usize>,
    /// Links between the library's articles.
    archive: ArchiveState,
    /// Articles links were followed from, for Back.
    history: Vec<Visited>,
    /// Where to scroll once the article Back returned to is laid out.
    restore: Option<Visited>,
    /// Find in the open article (`/` in the article view).
    find: Option<find::Find>,
    /// Opened from the list with a search kept: scroll to its first match
    /// once the body is in.
    first_match_due: bool,
    /// Changed files on their way to be read.
    changes: reload::PendingChanges,
}

impl App {
    pub fn new(library: Library, guide: KeyGuide, options: Options) -> Self {
        let mut app = App {
            all_tags: Choices::new(Vec::new()),
            all_categories: Choices::new(Vec::new()),
            index: Indexes::default(),
            indexed: false,
            visible: Vec::new(),
            order: Vec::new(),
            rank: Vec::new(),
            filters: Filters::default(),
            list: Cursor::default(),
            view: View::List,
            detail: None,
            overlay: None,
            status: None,
            size: Size::new(80, 24),
            date_width: dates::column_width(&options.date_format),
            has_times: false,
            duplicates: Duplicates::default(),
            options,
            guide,
            source_width: 0,
            marks: MarkState::new(MarkBook::in_memory(), &[]),
            confirm: None,
            search: SearchState::default(),
            count: None,
            repeat: None,
            archive: ArchiveState::default(),
            history: Vec::new(),
            restore: None,
            find: None,
            first_match_due: false,
            changes: reload::PendingChanges::default(),
            library,
        };
        app.index_library();
        app.visible = app.order.clone();
        if app.duplicates.copy_count() > 0 {
            let duplicates = &app.duplicates;
            app.visible.retain(|&i| !duplicates.is_copy(i));
        }
        let errors = app
            .library
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        if errors > 0 {
            app.fail(format!(
                "{errors} file{} could not be read; `inkstone check` lists them",
                if errors == 1 { "" } else { "s" }
            ));
        }
        app
    }

    /// The same app with the person's marks (`Marks::in_memory` until then),
    /// which it saves from now on through `Effect::SaveMarks`.
    #[must_use]
    pub fn with_marks(mut self, marks: Marks) -> Self {
        self.marks = MarkState::new(marks.into_book(), &self.library.articles);
        self.refilter();
        self
    }

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
        self.marks.count_unread(&self.visible)
    }

    /// The question waiting for y/n, if any.
    pub fn confirm(&self) -> Option<Confirm> {
        self.confirm
    }

    /// `articles[article]`'s date in the configured format ("" if none),
    /// with its time when the library has times.
    pub fn date_text(&self, article: &Article) -> String {
        let time = self.has_times.then_some(self.options.time_format.as_str());
        dates::stamp(article, &self.options.date_format, time).unwrap_or_default()
    }

    /// How many files hold `article` (1 + its exact duplicates, which are
    /// not listed), when duplicates are collapsed.
    pub fn copy_count(&self, article: usize) -> usize {
        1 + self.duplicates.copies_of(article).len()
    }

    /// Columns of the list's date column.
    pub fn date_width(&self) -> usize {
        self.date_width
    }

    pub fn articles(&self) -> &[Article] {
        &self.library.articles
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// Indices of the listed articles, in list order.
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    pub fn list_cursor(&self) -> Cursor {
        self.list
    }

    /// The index of the article under the list selection.
    pub fn selected_article(&self) -> Option<usize> {
        self.visible.get(self.list.selected).copied()
    }

    pub fn view(&self) -> View {
        self.view
    }

    pub fn detail(&self) -> Option<&Detail> {
        self.detail.as_ref()
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
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

    pub fn source_width(&self) -> usize {
        self.source_width
    }

    /// The bindings that apply now.
    pub fn context(&self) -> Context {
        match (&self.overlay, self.view) {
            (Some(Overlay::Picker(_)), _) => Context::Picker,
            (Some(Overlay::Help { .. }), _) => Context::Help,
            (None, View::List) if self.search.prompt.is_some() => Context::Search,
            (None, View::Detail) if self.find.as_ref().is_some_and(|f| f.typing) => Context::Search,
            (None, View::List) => Context::List,
            (None, View::Detail) => Context::Detail,
        }
    }

    /// The article the person is looking at: the open one, else the
    /// selected one.
    pub fn current_article(&self) -> Option<usize> {
        match (&self.detail, self.view) {
            (Some(detail), View::Detail) => Some(detail.article),
            _ => self.selected_article(),
        }
    }

    /// Shows an informational message until the next key.
    pub fn notify(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    /// Shows an error message until the next key.
    pub fn fail(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    /// Recomputes the visible list after the criteria changed, keeping the
    /// selected article (on the same screen row) when it is still listed,
    /// else selecting the one that followed it.
    fn refilter(&mut self) {
        let previous = self.selected_article();
        let row_on_screen = self.list.selected.saturating_sub(self.list.offset);
        self.visible = self.listed();
        let rank = self.search.sorted().map_or(&self.rank, |s| &s.rank);
        let position = previous.map_or(0, |article| {
            let at = rank[article];
            self.visible.partition_point(|&i| rank[i] < at)
        });
        let rows = self.size.body_rows();
        self.list.selected = position.min(self.visible.len().saturating_sub(1));
        self.list.offset = self.list.selected.saturating_sub(row_on_screen);
        self.list.reveal(self.visible.len(), rows);
    }

    /// The articles the criteria and the view let through, in the list's
    /// order.
    fn listed(&self) -> Vec<usize> {
        let mut listed = self
            .filters
            .apply(&self.order, &self.library.articles, &self.index);
        if self.marks.view() != ViewFilter::All {
            listed.retain(|&i| self.marks.admits(i));
        }
        if self.duplicates.copy_count() > 0 {
            listed.retain(|&i| !self.duplicates.is_copy(i));
        }
        self.search
            .in_sort_order(listed, self.library.articles.len())
    }
}

#[cfg(test)]
pub(crate) mod tests;
