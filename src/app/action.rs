//! Everything that can happen to the reader, as data.

use crate::render::Document;
use crate::watch::LibraryEvent;

/// One thing that happened: a key the keymap translated, a mouse event, a
/// resize, or the outcome of an effect. [`crate::app::App::update`] is the
/// only consumer. Navigation actions mean what the current view makes of
/// them (`MoveDown` moves the list selection, scrolls an article, or moves
/// the picker highlight).
#[derive(Debug, Clone)]
pub enum Action {
    MoveDown,
    MoveUp,
    PageDown,
    PageUp,
    /// Half a page down / up (Ctrl-d / Ctrl-u).
    HalfPageDown,
    HalfPageUp,
    /// Article view: a page down, or at the end of the article the next
    /// unread one (Space, as in mutt and newsboat).
    PageOrNextUnread,
    /// Open the next unread article of the list after the current one.
    NextUnread,
    /// List: a digit of a count typed before a movement (`5j`, `10G`).
    Count(u8),
    /// Article view: list the articles of the archive that link to this one.
    Backlinks,
    First,
    Last,
    /// List: open the selected article. Picker: same as `Apply`.
    Open,
    /// Leave the article, the picker or the help.
    Back,
    Quit,
    /// Next/previous article of the list without leaving the article view.
    NextArticle,
    PrevArticle,
    /// Hand the article's link (`OpenLink`) or original link to a browser.
    OpenLink,
    OpenOriginal,
    /// Pick one of the article body's numbered links and open it.
    ShowLinks,
    TagPicker,
    CategoryPicker,
    /// Filter by the open article's n-th tag (1-based).
    FilterByTag(u8),
    ClearFilters,
    Help,
    /// Restore the terminal and stop the process until `fg`.
    Suspend,
    /// Repaint the whole screen.
    Redraw,
    /// Picker: mark or unmark the highlighted entry (marks combine with AND).
    ToggleMark,
    /// Picker: filter by the marked entries, or the highlighted one.
    Apply,
    /// Picker: remove the last character of the query.
    DeleteChar,
    /// Picker: empty the query.
    ClearQuery,
    /// Picker, search prompt: a typed character.
    Insert(char),
    /// Search prompt: pasted text (bracketed paste).
    InsertText(String),
    /// List: open the search prompt (`/`). Article view: find in the
    /// article's text.
    Search,
    /// List: switch to the next sort order (`S`).
    CycleSort,
    /// Article view: scroll to the next / previous match of the find (or
    /// of the list's search). List: the next / previous article.
    NextMatch,
    PrevMatch,
    /// Time passed (the event loop's tick, at least every 100 ms): look at
    /// background work such as the search index's progress, save marks
    /// that are due at `now` (`App::update` reads no clock).
    Tick {
        now: std::time::Instant,
    },
    /// The terminal has a new size (columns, rows).
    Resize {
        width: u16,
        height: u16,
    },
    /// Mouse wheel at a screen position.
    ScrollDown {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    /// Left click at a screen position.
    Click {
        column: u16,
        row: u16,
    },
    /// An article body was read and parsed (or could not be). `path` is
    /// the file it came from: a result for an article no longer open (or
    /// no longer at that index after live changes) is dropped.
    BodyLoaded {
        article: usize,
        path: std::path::PathBuf,
        result: Result<Document, String>,
    },
    /// An effect finished; show this in the status line.
    Notify(String),
    /// An effect failed; show this in the status line as an error.
    Fail(String),
    /// Mark the current article read, or unread if it was read.
    ToggleRead,
    /// Star the current article, or unstar it.
    ToggleStar,
    /// Mark every listed article read (asks first).
    MarkAllRead,
    /// Show all articles, only unread ones, or only starred ones (in turn).
    CycleView,
    /// The answer to a yes/no question in the status line.
    Answer(bool),
    /// Files in the library changed on disk (watcher or cache recheck).
    Library(LibraryEvent),
    /// The library was loaded again from scratch on another thread.
    LibraryReloaded(super::reload::Reloaded),
    /// The links between the archive's articles were found (for the
    /// articles of `generation`; older results are dropped).
    LinksResolved {
        generation: u64,
        links: std::sync::Arc<crate::archive_links::ArchiveLinks>,
        graph: std::sync::Arc<crate::archive_links::LinkGraph>,
    },
}

impl Action {
    /// Whether this comes from the person at the keyboard or mouse, which
    /// replaces whatever message the status line was showing.
    pub fn is_user_input(&self) -> bool {
        !matches!(
            self,
            Action::Resize { .. }
                | Action::BodyLoaded { .. }
                | Action::Notify(_)
                | Action::Fail(_)
                | Action::Redraw
                | Action::Tick { .. }
                | Action::Library(_)
                | Action::LibraryReloaded(_)
                | Action::LinksResolved { .. }
        )
    }
}
