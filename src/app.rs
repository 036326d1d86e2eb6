//! The reader's state and the one function that changes it.
//!
//! Flow: terminal events -> `keymap` -> [`Action`] -> [`App::update`] ->
//! [`Effect`]s that the effect runner in `tui` performs (reading a body or
//! changed files, opening the search index, saving marks, opening a
//! browser), slow ones on worker threads, whose outcomes come back as
//! actions. `update` does no IO, reads no clock (time comes in
//! `Action::Tick`) and starts no thread; `ui::draw` only reads an `App`.
//!
//! The state is split into parts that own their data (private fields) and
//! their own `update`, which takes what it needs of other parts as
//! arguments and returns what only the app can do as an outcome (or a
//! `Reply` (`reply`): a message, a question, effects):
//! - `Catalog` (`catalog`): what the list derives from the articles (the
//!   default order, column widths, duplicates, label indexes), rebuilt when
//!   they change (`reload`);
//! - the list (`list`): the listed articles and the highlight, with the
//!   moves within it (`ListState::update`);
//! - [`Filters`] (`filter`, its keys in `filter/keys`): the criteria, and
//!   the filter keys given a `FilterContext`;
//! - [`SearchState`] (`search`): the index as last reported, the `/`
//!   prompt (a [`Prompt`] with its own `update`), sort orders; its
//!   updates (`search/update`, `search/results`) change it and the
//!   filters' search criterion and return a `Searched`;
//! - [`MarkState`] (`marks`): read and starred flags, the view, and when
//!   changes are due to be saved (`MarkState::update`, `answered`);
//! - [`ArchiveState`] (`archive`): the links between articles, and the
//!   link and backlink pickers' entries;
//! - the article view (`reading`): the open article ([`Detail`]: its
//!   layout and scroll), the back stack of links followed, and the find in
//!   it with its matches (`reading/find`), with its own `update`;
//! - pop-ups ([`Overlay`]: a [`Picker`], the help, the sources view, the
//!   timeline, each with its own `update`; `Overlay::update` routes to
//!   the open one), the one-line prompt ([`LineInput`]) and the yes/no
//!   question ([`Confirm`]);
//! - handing an article to the outside (`outside`: pager, clipboard,
//!   browser).
//!
//! `App` holds the parts and coordinates them, in few places: this file
//! (construction, messages), `queries` (what the screen reads), `update`
//! (`App::update`: routes each action to the part that has the keys, and
//! acts on its outcome; pop-ups in `update/overlays`, the list view and the
//! prompt in `update/views`, the article view in `update/detail`, which
//! hands `Reading` an `Opening`: what opening an article takes of the
//! library, catalog, options and marks), `listing` (what is listed:
//! refiltering after the filters, search or view changed) and `reload`
//! (live changes and reloads swapped in).
//!
//! Extension points for later features:
//! - a new way to narrow the list is a [`Criterion`] variant: `refilter`
//!   recomputes what is listed and keeps the selection;
//! - the articles may change under the reader (live updates, `reload`):
//!   anything derived from them belongs in the `Catalog`, rebuilt by
//!   `index_library`;
//! - a new key-bindable action is one entry in the `bindable` block of
//!   `action.rs` (name and help text; [`Command`] derives from it);
//! - messages for the person go through [`App::notify`] / [`App::fail`];
//! - work outside the process is a new [`Effect`], performed in
//!   `tui::effects` / `tui::Session::dispatch`, answered by an action.

mod action;
mod archive;
mod catalog;
mod command;
mod confirm;
mod context;
mod cursor;
pub mod dates;
mod detail;
mod effect;
mod filter;
mod geometry;
mod guide;
mod help_view;
mod index;
mod line_input;
mod list;
mod listing;
mod marks;
mod options;
mod outside;
mod overlay;
mod picker;
mod queries;
mod reading;
mod reload;
mod reply;
mod search;
mod sources_view;
mod timeline_view;
mod update;
mod url_check;

pub use action::Action;
pub use archive::ArchiveState;
pub use command::Command;
pub use confirm::Confirm;
pub use context::Context;
pub use cursor::Cursor;
pub use detail::{Body, Detail};
pub use effect::Effect;
pub use filter::{Criterion, Filters};
pub use geometry::{MAX_TEXT_WIDTH, MIN_HEIGHT, MIN_WIDTH, Size};
pub use guide::{HelpEntry, HelpLine, HelpSection, Hint, KeyGuide};
pub use help_view::HelpView;
pub use index::{Indexes, LabelIndex};
pub use line_input::{HISTORY_LIMIT, InputPurpose, LineInput};
pub use marks::MarkState;
pub use options::Options;
pub use overlay::Overlay;
pub use picker::{Choices, Picker, PickerEntry, PickerKind};
pub use reading::{Visited, find_in_lines};
pub use reload::{ChangeJob, MergedChanges};
pub use search::{Prompt, SearchJob, SearchState};
pub use sources_view::SourcesView;
pub use timeline_view::TimelineView;
pub use url_check::{HiddenHost, check_url, hidden_host};

use crate::library::Library;
use crate::marks::{MarkBook, Marks};
use crate::problem::Severity;
use catalog::Catalog;
use confirm::plural;
use list::ListState;
use reading::Reading;
use reply::Reply;

/// The main view underneath any pop-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    List,
    Detail,
}

/// A message in the status line until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    library: Library,
    /// What the list derives from the articles (order, columns,
    /// duplicates, label indexes).
    catalog: Catalog,
    filters: Filters,
    /// The listed articles and the highlight.
    list: ListState,
    /// The open article and the way back through links followed.
    reading: Reading,
    overlay: Option<Overlay>,
    status: Option<Status>,
    size: Size,
    options: Options,
    guide: KeyGuide,
    marks: MarkState,
    /// A yes/no question in the status line.
    confirm: Option<Confirm>,
    search: SearchState,
    /// Links between the library's articles.
    archive: ArchiveState,
    /// Changed files on their way to be read.
    changes: reload::PendingChanges,
    /// The one-line prompt in the status line, when open.
    input: Option<LineInput>,
    /// Pipe commands, oldest first (Up recalls the newest).
    pipe_history: Vec<String>,
}

impl App {
    pub fn new(library: Library, guide: KeyGuide, options: Options) -> Self {
        let pipe_history = options.pipe_history.clone();
        let mut app = App {
            catalog: Catalog::empty(&options),
            filters: Filters::default(),
            list: ListState::default(),
            reading: Reading::default(),
            overlay: None,
            status: None,
            size: Size::new(80, 24),
            options,
            guide,
            marks: MarkState::new(MarkBook::in_memory(), &[]),
            confirm: None,
            search: SearchState::default(),
            archive: ArchiveState::default(),
            changes: reload::PendingChanges::default(),
            input: None,
            pipe_history,
            library,
        };
        app.index_library();
        let listed = app.catalog.listed(None, &app.library.articles);
        app.list.replace(listed);
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

    /// The same app with the searches kept in earlier sessions.
    #[must_use]
    pub fn with_search_history(mut self, history: crate::search::history::History) -> Self {
        self.search.set_history(history);
        self
    }

    /// The bindings that apply now.
    pub fn context(&self) -> Context {
        match (&self.overlay, self.view()) {
            (Some(Overlay::Picker(_)), _) => Context::Picker,
            (Some(Overlay::Help(_)), _) => Context::Help,
            (Some(Overlay::Sources(_)), _) => Context::Sources,
            (Some(Overlay::Timeline(_)), _) => Context::Timeline,
            (None, _) if self.input.is_some() => Context::Input,
            (None, View::List) if self.search.prompting() => Context::Search,
            (None, View::Detail) if self.reading.find_typing() => Context::Search,
            (None, View::List) => Context::List,
            (None, View::Detail) => Context::Detail,
        }
    }

    /// The article the person is looking at: the open one, else the
    /// selected one.
    pub fn current_article(&self) -> Option<usize> {
        match self.reading.open() {
            Some(detail) => Some(detail.article),
            None => self.selected_article(),
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

    /// The article [`Self::current_article`] names.
    fn current_meta(&self) -> Option<&crate::article::Article> {
        self.library.articles.get(self.current_article()?)
    }

    /// Shows what a part's handler asked to say or ask; returns its
    /// effects.
    fn reply(&mut self, reply: Reply) -> Vec<Effect> {
        reply.shown(&mut self.status, &mut self.confirm)
    }

    /// Shows what a sub-state's update asked to say, if anything.
    fn say(&mut self, text: Option<String>) {
        if let Some(text) = text {
            self.notify(text);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
