//! Read and starred marks, keyed by article id, kept in the state folder.
//!
//! The reader changes marks in memory and hands them to a saving thread
//! right after the action that made them ([`Marks::hand_over`]); the
//! thread writes what queued up meanwhile in one go, so a burst of marks
//! costs one write, and the reader never waits for the disk.
//! [`Marks::save_if_due`] on every tick takes the thread's reports in and
//! retries a failed save (or, for callers that do not hand over, saves
//! [`SAVE_DELAY`] after the first unsaved change). [`Marks::save`] at exit
//! writes the rest and waits for it; [`settle`] lets an exit that cannot
//! wait for the reader (the quit watchdog) wait for the thread instead.
//!
//! Every save takes an advisory lock, re-reads the file and applies only
//! this process's own changes since its last save on top of it, so two
//! inkstone processes never erase each other's marks. Marks of articles that
//! are no longer in the library are kept: the archive may come back.

mod file;
mod save;
mod saver;
mod view;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use saver::{SaveError, settle};
pub use view::ViewFilter;

/// How long after the first unsaved change the marks are written.
pub const SAVE_DELAY: Duration = Duration::from_millis(300);
/// How long to wait before trying again after a failed save.
const RETRY_DELAY: Duration = Duration::from_secs(5);

/// File name of the marks inside the state folder.
pub const FILE_NAME: &str = "marks.json";

/// The user's read and starred marks.
#[derive(Debug)]
pub struct Marks {
    path: PathBuf,
    read: BTreeSet<String>,
    starred: BTreeSet<String>,
    /// This process's changes not yet saved: the value each field was last
    /// set to, so a save can apply exactly these over the file on disk.
    pending: HashMap<String, Change>,
    first_unsaved: Option<Instant>,
    retry_at: Option<Instant>,
    /// False when the file on disk must not be replaced (a newer format, or
    /// a bad file that could not be moved aside).
    writable: bool,
    notices: Vec<String>,
    /// Started at the first save.
    saver: Option<saver::Saver>,
    /// Saves handed over and not yet reported back.
    in_flight: usize,
    /// Counts the times marks saved by another process were merged in, so
    /// the reader knows to look at every article's marks again.
    revision: u64,
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
        let mut marks = Marks::empty(path.to_path_buf(), true);
        let message = match file::read(path) {
            Ok(Some(f)) => {
                marks.read = f.read;
                marks.starred = f.starred;
                None
            }
            Ok(None) => None,
            Err(bad) => Some(marks.set_aside(bad)),
        };
        (marks, message)
    }

    /// An empty set of marks that is never saved (for `--no-state` style
    /// uses and for the built-in samples when there is no state folder).
    pub fn in_memory() -> Marks {
        Marks::empty(PathBuf::new(), false)
    }

    fn empty(path: PathBuf, writable: bool) -> Marks {
        Marks {
            path,
            read: BTreeSet::new(),
            starred: BTreeSet::new(),
            pending: HashMap::new(),
            first_unsaved: None,
            retry_at: None,
            writable,
            notices: Vec::new(),
            saver: None,
            in_flight: 0,
            revision: 0,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_read(&self, id: &str) -> bool {
        self.read.contains(id)
    }

    pub fn is_starred(&self, id: &str) -> bool {
        self.starred.contains(id)
    }

    /// How many articles are marked read (including ones no longer in the
    /// library).
    pub fn read_count(&self) -> usize {
        self.read.len()
    }

    pub fn starred_count(&self) -> usize {
        self.starred.len()
    }

    /// The ids marked read.
    pub fn read_ids(&self) -> impl ExactSizeIterator<Item = &str> {
        self.read.iter().map(String::as_str)
    }

    /// The ids starred.
    pub fn starred_ids(&self) -> impl ExactSizeIterator<Item = &str> {
        self.starred.iter().map(String::as_str)
    }

    /// Changes whenever marks written by another inkstone were merged in
    /// (by a save); marks this process set itself do not change it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Marks one article read or unread; returns whether anything changed.
    pub fn set_read(&mut self, id: &str, read: bool) -> bool {
        if self.is_read(id) == read {
            return false;
        }
        set_member(&mut self.read, id, read);
        self.record(id, |c| c.read = Some(read));
        true
    }

    /// Flips the read mark; returns the new value.
    pub fn toggle_read(&mut self, id: &str) -> bool {
        let now = !self.is_read(id);
        self.set_read(id, now);
        now
    }

    pub fn set_starred(&mut self, id: &str, starred: bool) -> bool {
        if self.is_starred(id) == starred {
            return false;
        }
        set_member(&mut self.starred, id, starred);
        self.record(id, |c| c.starred = Some(starred));
        true
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

    /// How many of the given articles are unread (for the list header).
    pub fn count_unread<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        ids.into_iter().filter(|id| !self.is_read(id)).count()
    }

    /// Whether there are changes not yet written.
    pub fn is_dirty(&self) -> bool {
        !self.pending.is_empty() || self.in_flight > 0
    }

    /// When the next save is due, for the event loop's poll timeout: `None`
    /// when there is nothing to save.
    pub fn save_due_at(&self) -> Option<Instant> {
        let first = self.first_unsaved?;
        let due = first + SAVE_DELAY;
        Some(self.retry_at.map_or(due, |r| r.max(due)))
    }

    /// Messages for the user that came up while saving (a bad file set
    /// aside, say). The caller shows them once.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    fn record(&mut self, id: &str, apply: impl FnOnce(&mut Change)) {
        apply(self.pending.entry(id.to_string()).or_default());
        self.first_unsaved.get_or_insert_with(Instant::now);
    }

    /// Sets a bad file aside and says what happened, in words for the user.
    fn set_aside(&mut self, bad: file::Unusable) -> String {
        let (message, writable) = saver::set_aside(&self.path, bad);
        self.writable = writable;
        message
    }
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
