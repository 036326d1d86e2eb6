//! Everything that can happen to the reader, as data.

use crate::library::{ChangeScan, Library};
use crate::marks::SaveOutcome;
use crate::render::Document;
use crate::search::{Progress, SearchIndex};
use crate::watch::LibraryEvent;

/// One thing that happened: a key the keymap translated, a mouse event, a
/// resize, or the outcome of an effect. [`crate::app::App::update`] is the
/// only consumer. Navigation actions mean what the current view makes of
/// them (`MoveDown` moves the list selection, scrolls an article, or moves
/// the picker highlight). Outcomes are moved in, never shared or copied:
/// an action is applied once.
#[derive(Debug)]
pub enum Action {
    MoveDown,
    MoveUp,
    PageDown,
    PageUp,
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
    /// List: open the search prompt (`/`).
    Search,
    /// List: switch to the next sort order (`S`).
    CycleSort,
    /// Article view: scroll to the next / previous match of the search.
    NextMatch,
    PrevMatch,
    /// Time passed (the event loop's tick, at least every 100 ms, while
    /// `App::needs_tick`): start the search index after the first frame,
    /// build the label indexes, save marks that are due at `now`
    /// (`App::update` reads no clock).
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
    /// The changed files, read and parsed (`Effect::ScanChanges`).
    ChangesScanned(Box<ChangeScan>),
    /// The library was loaded again from scratch on another thread.
    LibraryReloaded(Box<Library>),
    /// The search index for the articles of `generation` was opened or
    /// started (`Effect::StartIndex`); it fills in in the background.
    IndexStarted {
        generation: u64,
        index: SearchIndex,
    },
    /// How far that index has come (the effect runner looks each turn).
    IndexProgress {
        generation: u64,
        progress: Progress,
    },
    /// A save of marks finished or failed (`Effect::SaveMarks`).
    MarksSaved(SaveOutcome),
    /// Save every mark change now, without waiting (at exit).
    FlushMarks,
    /// Open the sources view (every source with its counts).
    Sources,
    /// Open the timeline (articles per month).
    Timeline,
    /// Timeline: into the highlighted month's days, or back out.
    Zoom,
    /// Take the last chip off the filter bar.
    RemoveLastFilter,
    /// Ask for a date and move the list's highlight to it.
    JumpToDate,
    /// Ask for a command and pipe the article to it as plain text.
    Pipe,
    /// Show the article's plain text in `$PAGER`.
    Pager,
    /// Copy the article's link through the terminal (OSC 52).
    CopyLink,
    /// Narrow the list to a date range (`--since`/`--until`).
    FilterDates(crate::overview::DateRange),
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
                | Action::ChangesScanned(_)
                | Action::LibraryReloaded(_)
                | Action::IndexStarted { .. }
                | Action::IndexProgress { .. }
                | Action::MarksSaved(_)
                | Action::FlushMarks
                | Action::FilterDates(_)
        )
    }
}
