//! What `App::update` asks the outside world to do.

use std::path::PathBuf;
use std::sync::Arc;

use crate::article::Article;
use crate::marks::SaveJob;

/// Work that needs the terminal, the file system, other threads or other
/// processes. `App::update` returns these instead of doing them, so it
/// stays a pure state transition (no IO, no clock, no thread); the effect
/// runner in `tui` (`tui::effects`, driven by `tui::Session`) performs
/// them, slow ones on worker threads, and feeds each outcome back as an
/// [`crate::app::Action`] through its one inbound channel.
#[derive(Debug, PartialEq, Eq)]
pub enum Effect {
    /// Leave the program.
    Quit,
    /// Read and parse the body of `articles[article]`; answer with
    /// `Action::BodyLoaded`.
    LoadBody { article: usize },
    /// Hand an http(s) URL (already checked) to the browser; answer with
    /// `Action::Notify` or `Action::Fail`.
    OpenUrl(String),
    /// Restore the terminal and stop until resumed, then repaint.
    Suspend,
    /// Repaint every cell (the screen may hold someone else's output).
    Redraw,
    /// Read and parse what changed on disk under a library, and merge it
    /// into a new article list with its catalog (bodies a new article may
    /// duplicate are hashed too: `crate::library::ChangeScan::run`);
    /// answer with `Action::ChangesMerged`. One at a time: the app holds
    /// back later changes until the answer, so an older scan never lands
    /// last.
    ScanChanges(Box<crate::app::ChangeJob>),
    /// Open the stored search index (or build it) for these articles, in
    /// the background (`SearchIndex::open_or_build`); answer with
    /// `Action::IndexStarted`, then `Action::IndexProgress` as it grows.
    /// `generation` tells answers for articles since replaced.
    StartIndex {
        generation: u64,
        articles: Arc<Vec<Article>>,
        store: Option<PathBuf>,
    },
    /// Run this query (on a worker: it scans every article's metadata and
    /// the stored bodies); answer with `Action::SearchDone` carrying its
    /// generation. A runner may skip a job when a newer one came: only the
    /// newest result is taken.
    Search(crate::app::SearchJob),
    /// Write these mark changes to the marks file, on the writer thread;
    /// answer with `Action::MarksSaved`.
    SaveMarks(SaveJob),
    /// Find the links between `articles` (from their stored link targets,
    /// reading only the bodies whose targets are not known yet); answer
    /// with `Action::LinksResolved` carrying `generation`, or, when bodies
    /// were read, with what they taught in parts (`Action::LinksLearnt`)
    /// and then `Action::LinksRead`.
    ScanLinks {
        articles: Arc<Vec<Article>>,
        generation: u64,
    },
    /// Give `articles[article]` as plain text wrapped at `width` to the
    /// shell `command`, or to `$PAGER` (`None`), on the normal screen;
    /// answer with `Action::Notify` or `Action::Fail`.
    Pipe {
        article: usize,
        command: Option<String>,
        width: usize,
    },
    /// Keep these pipe commands (the whole history, oldest first).
    SavePipeHistory(Vec<String>),
    /// Put this link (a checked web address) on the terminal's clipboard.
    CopyToClipboard(String),
    /// Let go of an article list the app replaced (a merge, a reload), on
    /// a worker: freeing a million articles' strings takes longer than a
    /// frame. Whoever holds the list last frees it. No answer.
    Release(Arc<Vec<Article>>),
    /// Replace the search history file at `path` (off the UI thread); only
    /// a failure answers, with `Action::Fail`.
    SaveSearchHistory {
        path: std::path::PathBuf,
        history: crate::search::history::History,
    },
}
