//! Read and starred marks, keyed by article id, kept in the state folder.
//!
//! [`MarkBook`] holds the marks in memory and hands out [`SaveJob`]s; a
//! [`Writer`] writes them and its [`SaveOutcome`] goes back to the book.
//! The reader keeps a `MarkBook` in its state, decides when a save is due
//! from the time its ticks bring, and has its effect runner write on a
//! thread. [`Marks`] is the same book with its own clock and saving thread,
//! for tools and tests: [`Marks::save_if_due`] hands changes over
//! [`SAVE_DELAY`] after the first unsaved one, so a crash or `kill -9`
//! loses at most the last half second or so and nobody waits for the
//! disk; [`Marks::save`] writes the rest and waits for it.
//!
//! Every save takes an advisory lock, takes in what other processes saved
//! and adds only this process's own changes since its last save, so two
//! inkstone processes never erase each other's marks. A save appends those
//! changes to a journal beside the file (a few bytes, whatever the size of
//! the file); the file is rewritten whole when the journal grows and at
//! exit (see `journal`). Marks of articles that
//! are no longer in the library are kept: the archive may come back.

mod book;
mod file;
mod journal;
mod merge;
mod save;
mod saver;
mod view;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use book::MarkBook;
pub use saver::{SaveError, SaveJob, SaveOutcome, Saver, Writer, settle};
pub use view::ViewFilter;

/// How long after the first unsaved change the marks are written.
pub const SAVE_DELAY: Duration = Duration::from_millis(300);
/// How long to wait before trying again after a failed save.
pub const RETRY_DELAY: Duration = Duration::from_secs(5);

/// File name of the marks inside the state folder.
pub const FILE_NAME: &str = "marks.json";

/// The user's read and starred marks, saved by a thread of their own
/// (see the module doc). Reads go to the [`MarkBook`] inside.
#[derive(Debug)]
pub struct Marks {
    book: MarkBook,
    first_unsaved: Option<Instant>,
    retry_at: Option<Instant>,
    /// Started at the first save; its outcomes come back on `done`.
    saver: Option<(Saver, std::sync::mpsc::Receiver<SaveOutcome>)>,
    /// Saves handed over and not yet reported back.
    in_flight: usize,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Change {
    read: Option<bool>,
    starred: Option<bool>,
}

impl Marks {
    /// Where marks live by default: `marks.json` in the platform's state
    /// folder (data folder where there is no state folder). `None` when the
    /// platform gives no home folder.
    pub fn default_path() -> Option<PathBuf> {
        let dirs = directories::ProjectDirs::from("", "", "inkstone")?;
        let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
        Some(dir.join(FILE_NAME))
    }

    /// Loads the marks at `path` (none yet is fine). A corrupt or unreadable
    /// file is renamed to `marks.json.corrupt-<time>` and the returned
    /// message says so; the caller shows it to the user.
    pub fn open(path: &Path) -> (Marks, Option<String>) {
        let (book, message) = MarkBook::open(path);
        (Marks::from_book(book), message)
    }

    /// An empty set of marks that is never saved (for `--no-state` style
    /// uses and for the built-in samples when there is no state folder).
    pub fn in_memory() -> Marks {
        Marks::from_book(MarkBook::in_memory())
    }

    fn from_book(book: MarkBook) -> Marks {
        Marks {
            book,
            first_unsaved: None,
            retry_at: None,
            saver: None,
            in_flight: 0,
        }
    }

    /// The marks in memory, for the reader, which saves them itself (waits
    /// for saves under way first; unsaved changes stay in the book).
    pub fn into_book(mut self) -> MarkBook {
        // An error stays with the changes, which the reader saves again.
        let _ = self.take_finished(true);
        self.book.forget_writer();
        self.book
    }

    /// Marks one article read or unread; returns whether anything changed.
    pub fn set_read(&mut self, id: &str, read: bool) -> bool {
        let changed = self.book.set_read(id, read);
        self.changed(changed)
    }

    /// Flips the read mark; returns the new value.
    pub fn toggle_read(&mut self, id: &str) -> bool {
        let now = !self.is_read(id);
        self.set_read(id, now);
        now
    }

    pub fn set_starred(&mut self, id: &str, starred: bool) -> bool {
        let changed = self.book.set_starred(id, starred);
        self.changed(changed)
    }

    /// Flips the star; returns the new value.
    pub fn toggle_star(&mut self, id: &str) -> bool {
        let now = !self.is_starred(id);
        self.set_starred(id, now);
        now
    }

    /// Marks every given article read; returns how many were unread.
    pub fn mark_all_read<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        ids.into_iter().filter(|id| self.set_read(id, true)).count()
    }

    /// Messages for the user that came up while saving (a bad file set
    /// aside, say). The caller shows them once.
    pub fn take_notices(&mut self) -> Vec<String> {
        self.book.take_notices()
    }

    fn changed(&mut self, changed: bool) -> bool {
        if changed {
            self.first_unsaved.get_or_insert_with(Instant::now);
        }
        changed
    }

    /// Whether there are changes not yet written.
    pub fn is_dirty(&self) -> bool {
        self.book.has_pending() || self.in_flight > 0
    }

    /// When the next save is due, for the event loop's poll timeout: `None`
    /// when there is nothing to save.
    pub fn save_due_at(&self) -> Option<Instant> {
        let first = self.first_unsaved?;
        let due = first + SAVE_DELAY;
        Some(self.retry_at.map_or(due, |r| r.max(due)))
    }
}

impl std::ops::Deref for Marks {
    type Target = MarkBook;

    fn deref(&self) -> &MarkBook {
        &self.book
    }
}

/// The file named `<marks file name>.<suffix>` beside `marks` (its lock,
/// its journal).
fn beside(marks: &Path, suffix: &str) -> PathBuf {
    let name = marks
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    marks.with_file_name(format!("{name}.{suffix}"))
}

fn set_member(set: &mut BTreeSet<String>, id: &str, member: bool) {
    if member {
        set.insert(id.to_string());
    } else {
        set.remove(id);
    }
}

#[cfg(test)]
mod tests;
