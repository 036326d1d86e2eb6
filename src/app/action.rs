//! Everything that can happen to the reader, as data.

use crate::library::Library;
use crate::marks::SaveOutcome;
use crate::render::Document;
use crate::search::IndexView;
use crate::watch::LibraryEvent;

use super::command::bindable_actions;

bindable_actions! {
/// One thing that happened: a key the keymap translated, a mouse event, a
/// resize, or the outcome of an effect. [`crate::app::App::update`] is the
/// only consumer. Navigation actions mean what the current view makes of
/// them (`MoveDown` moves the list selection, scrolls an article, or moves
/// the picker highlight). Outcomes are moved in, never shared or copied:
/// an action is applied once.
///
/// The `bindable` block is the one table of what keys can do: each entry
/// gives the name keymap files use and the help screen's text (per context
/// where it differs); [`Command`] and the keymap's names derive from it.
#[derive(Debug)]
pub enum Action {
    bindable {
        MoveDown = "move_down" => "scroll down" {
            List | Search => "next article",
            Picker => "next entry",
            Sources => "next source",
            Timeline => "next (later) bar",
            Input => "newer command (pipe history)",
        },
        MoveUp = "move_up" => "scroll up" {
            List | Search => "previous article",
            Picker => "previous entry",
            Sources => "previous source",
            Timeline => "previous (earlier) bar",
            Input => "older command (pipe history)",
        },
        PageDown = "page_down" => "page down",
        PageUp = "page_up" => "page up",
        /// Half a page down / up (Ctrl-d / Ctrl-u).
        HalfPageDown = "half_page_down" => "half a page down",
        HalfPageUp = "half_page_up" => "half a page up",
        /// Article view: a page down, or at the end of the article the next
        /// unread one (Space, as in mutt and newsboat).
        PageOrNextUnread = "page_or_next_unread" => "page down; at the end, the next unread article",
        /// Open the next unread article of the list after the current one.
        NextUnread = "next_unread" => "open the next unread article",
        /// Article view: list the articles of the archive that link to this one.
        Backlinks = "backlinks" => "articles of the archive that link here (open one)",
        First = "first" => "top" { List | Picker => "first" },
        Last = "last" => "bottom" { List | Picker => "last" },
        /// List: open the selected article. Picker: same as `Apply`.
        Open = "open" => "open the article" {
            Picker => "apply",
            Sources => "list this source's articles",
            Timeline => "list this period's articles",
        },
        /// Leave the article, the picker or the help.
        Back = "back" => "back to the article a link came from, else to the list" {
            Picker => "close without applying",
            Search => "cancel: back to the list (or article) as it was",
            Help => "close the help",
            Sources => "back to the list",
            Timeline => "zoom out, else back to the list",
            Input => "cancel",
        },
        /// Next/previous article of the list without leaving the article view.
        NextArticle = "next_article" => "next article",
        PrevArticle = "prev_article" => "previous article",
        /// Hand the article's link (`OpenLink`) or original link to a browser.
        OpenLink = "open_link" => "open the article's link in the browser",
        OpenOriginal = "open_original" => "open the original link in the browser",
        /// Pick one of the article body's numbered links and open it.
        ShowLinks = "links" => "list the links in the article, open one (↩: in the archive)",
        TagPicker = "tag_picker" => "filter by tag (pick from a list)",
        CategoryPicker = "category_picker" => "filter by category (pick from a list)",
        /// Filter by the open article's n-th tag (1-based).
        FilterByTag(n: u8 = 1..=9) = "filter_tag_" => "filter by the article's tag [{n}]",
        ClearFilters = "clear_filters" => "clear all filters (search included)",
        /// Mark the current article read, or unread if it was read.
        ToggleRead = "toggle_read" => "mark read / unread",
        /// Star the current article, or unstar it.
        ToggleStar = "toggle_star" => "star / unstar",
        /// Mark every listed article read (asks first).
        MarkAllRead = "mark_all_read" => "mark every listed article read (asks first)" {
            Sources => "mark the whole source read (asks y/n)",
        },
        /// Show all articles, only unread ones, or only starred ones (in turn).
        CycleView = "cycle_view" => "show all / unread / starred articles",
        /// List: open the search prompt (`/`). Article view: find in the
        /// article's text.
        Search = "search" => "search titles, tags, authors, categories and text" {
            Detail => "find in the article's text",
        },
        /// List: switch to the next sort order (`S`).
        CycleSort = "cycle_sort" => "sort: newest first, oldest first, title, source" {
            Sources => "sort by count / by name",
        },
        /// Article view: scroll to the next / previous match of the find (or
        /// of the list's search). List: the next / previous matching article.
        NextMatch = "next_match" => "next match of the find (else of the search)" {
            List => "next article matching the search",
        },
        PrevMatch = "prev_match" => "previous match of the find (else of the search)" {
            List => "previous article matching the search",
        },
        /// Picker: mark or unmark the highlighted entry (marks combine with AND).
        ToggleMark = "toggle_mark" => "mark / unmark (marked entries combine with AND)",
        /// Picker: filter by the marked entries, or the highlighted one.
        Apply = "apply" => "apply the marked entries, or the highlighted one" {
            Search => "keep the search as a filter (Backspace in the list clears it); keep the find",
            Input => "run the command / go to the date",
        },
        /// Picker: remove the last character of the query.
        DeleteChar = "delete_char" => "delete the last typed character",
        /// Picker: empty the query.
        ClearQuery = "clear_query" => "clear what was typed",
        /// Take the last chip off the filter bar.
        RemoveLastFilter = "remove_last_filter" => "remove the last filter (the last chip)",
        /// Open the sources view (every source with its counts).
        Sources = "sources" => "sources: every source with article and unread counts",
        /// Open the timeline (articles per month).
        Timeline = "timeline" => "timeline: articles per month, Enter narrows to one",
        /// Timeline: into the highlighted month's days, or back out.
        Zoom = "zoom" => "zoom into the month's days / back out to months",
        /// Ask for a date and move the list's highlight to it.
        JumpToDate = "jump_to_date" => "go to a date (first article on or before it)",
        /// Ask for a command and pipe the article to it as plain text.
        Pipe = "pipe" => "pipe the article as plain text to a command",
        /// Show the article's plain text in `$PAGER`.
        Pager = "pager" => "show the article in $PAGER",
        /// Copy the article's link through the terminal (OSC 52).
        CopyLink = "copy_link" => "copy the article's link to the clipboard (OSC 52)",
        /// Search prompt: the previous (older) / next kept search in place
        /// of the text.
        HistoryPrev = "history_prev" => "the previous search kept (history)",
        HistoryNext = "history_next" => "the next search kept (history)",
        Help = "help" => "this help",
        /// Repaint the whole screen.
        Redraw = "redraw" => "redraw the screen",
        /// Restore the terminal and stop the process until `fg`.
        Suspend = "suspend" => "suspend (fg resumes)",
        Quit = "quit" => "quit",
    }
    /// Picker, search prompt: a typed character.
    Insert(char),
    /// List: a digit of a count typed before a movement (`5j`, `10G`).
    Count(u8),
    /// Search prompt: pasted text (bracketed paste).
    InsertText(String),
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
    /// The answer to a yes/no question in the status line.
    Answer(bool),
    /// Files in the library changed on disk (watcher or cache recheck).
    Library(LibraryEvent),
    /// The changed files, read, parsed and merged (`Effect::ScanChanges`).
    ChangesMerged(Box<crate::app::MergedChanges>),
    /// The library was loaded again from scratch on another thread.
    LibraryReloaded(Box<Library>),
    /// The search index for the articles of `generation` was opened or
    /// started (`Effect::StartIndex`); it fills in in the background. The
    /// view is of it once its metadata was folded: what searches run over
    /// until the first `IndexProgress`.
    IndexStarted { generation: u64, view: IndexView },
    /// That index as it stands now: how far it has come, and what a
    /// search finds in it until the next report (the effect runner looks
    /// each turn, and reports when either changed).
    IndexProgress {
        generation: u64,
        view: IndexView,
    },
    /// The result of query `generation` (`Effect::Search`); dropped unless
    /// it is the last query asked for.
    SearchDone {
        generation: u64,
        matches: crate::search::Matches,
    },
    /// A save of marks finished or failed (`Effect::SaveMarks`).
    MarksSaved(SaveOutcome),
    /// Save every mark change now, without waiting (at exit).
    FlushMarks,
    /// The links between the archive's articles were found (for the
    /// articles of `generation`; older results are dropped).
    LinksResolved {
        generation: u64,
        links: std::sync::Arc<crate::archive_links::ArchiveLinks>,
        graph: std::sync::Arc<crate::archive_links::LinkGraph>,
        /// The link targets read from bodies (by article index), which
        /// `update` stores in the articles for the cache to keep.
        found: crate::library::FoundLinks,
    },
    /// Link targets read from bodies and address keys made by the link
    /// scan of `generation`, one part of the articles (by index), which
    /// `update` stores in the articles for the cache to keep (dropped for
    /// older articles).
    LinksLearnt {
        generation: u64,
        found: crate::library::FoundLinks,
    },
    /// The link scan of `generation` read every body it had to and handed
    /// over what it learnt (`LinksLearnt`): `update` asks for the scan
    /// again, which now finds the links from what is stored.
    LinksRead { generation: u64 },
    /// Narrow the list to a date range (`--since`/`--until`).
    FilterDates(crate::overview::DateRange),
}
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
                | Action::ChangesMerged(_)
                | Action::LibraryReloaded(_)
                | Action::IndexStarted { .. }
                | Action::IndexProgress { .. }
                | Action::SearchDone { .. }
                | Action::MarksSaved(_)
                | Action::FlushMarks
                | Action::LinksResolved { .. }
                | Action::LinksLearnt { .. }
                | Action::LinksRead { .. }
                | Action::FilterDates(_)
        )
    }
}
