//! The marks in memory: what is read and starred, and this process's
//! changes not yet saved. No clock, no thread, no file: saving is a
//! [`SaveJob`] taken from here and run by a [`super::Writer`] (on the
//! reader's effect runner, or [`super::Marks`]' own thread), whose
//! [`SaveOutcome`] comes back through [`MarkBook::finish_save`].

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::file::{self, MarksFile};
use super::saver::{self, SaveError, SaveJob, SaveOutcome};
use super::{Change, set_member};

/// The user's read and starred marks, as the reader keeps them.
#[derive(Debug)]
pub struct MarkBook {
    path: PathBuf,
    read: BTreeSet<String>,
    starred: BTreeSet<String>,
    /// This process's changes not yet saved: the value each field was last
    /// set to, so a save can apply exactly these over the file on disk.
    pending: HashMap<String, Change>,
    /// False when the file on disk must not be replaced (a newer format, or
    /// a bad file that could not be moved aside).
    writable: bool,
    notices: Vec<String>,
    /// Counts the times marks saved by another process were merged in, so
    /// the reader knows to look at every article's marks again.
    revision: u64,
    /// Whether a writer was given what this process knows of the file (the
    /// first job carries it; a writer keeps its own copy from then on).
    writer_has_base: bool,
}

impl MarkBook {
    /// Loads the marks at `path` (none yet is fine). A corrupt or unreadable
    /// file is renamed to `marks.json.corrupt-<time>` and the returned
    /// message says so; the caller shows it to the user.
    pub fn open(path: &Path) -> (MarkBook, Option<String>) {
        let mut book = MarkBook::empty(path.to_path_buf(), true);
        let message = match file::read(path) {
            Ok(Some(f)) => {
                book.read = f.read;
                book.starred = f.starred;
                None
            }
            Ok(None) => None,
            Err(bad) => {
                let (message, writable) = saver::set_aside(path, bad);
                book.writable = writable;
                Some(message)
            }
        };
        (book, message)
    }

    /// Marks that are never saved.
    pub fn in_memory() -> MarkBook {
        MarkBook::empty(PathBuf::new(), false)
    }

    fn empty(path: PathBuf, writable: bool) -> MarkBook {
        MarkBook {
            path,
            read: BTreeSet::new(),
            starred: BTreeSet::new(),
            pending: HashMap::new(),
            writable,
            notices: Vec::new(),
            revision: 0,
            writer_has_base: false,
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

    /// How many of the given articles are unread (for the list header).
    pub fn count_unread<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        ids.into_iter().filter(|id| !self.is_read(id)).count()
    }

    /// Whether some change waits to be handed to a writer.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Messages for the user that came up while saving (a bad file set
    /// aside, say). The caller shows them once.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
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

    /// Stars or unstars one article; returns whether anything changed.
    pub fn set_starred(&mut self, id: &str, starred: bool) -> bool {
        if self.is_starred(id) == starred {
            return false;
        }
        set_member(&mut self.starred, id, starred);
        self.record(id, |c| c.starred = Some(starred));
        true
    }

    fn record(&mut self, id: &str, apply: impl FnOnce(&mut Change)) {
        apply(self.pending.entry(id.to_string()).or_default());
    }

    /// The changes to write, handed over (`None`: nothing to write, or
    /// the file must not be written: then they are dropped, the user was
    /// told when the file was found unusable).
    pub fn take_save(&mut self) -> Option<SaveJob> {
        if self.pending.is_empty() {
            return None;
        }
        if !self.writable {
            self.pending.clear();
            return None;
        }
        let base = (!self.writer_has_base)
            .then(|| MarksFile::new(self.read.clone(), self.starred.clone()));
        self.writer_has_base = true;
        Some(SaveJob {
            path: self.path.clone(),
            changes: std::mem::take(&mut self.pending),
            base,
        })
    }

    /// The writer that had this book's base is gone (the book moves to
    /// another): the next job carries the base again.
    pub fn forget_writer(&mut self) {
        self.writer_has_base = false;
    }

    /// Takes back a job that never reached a writer (its thread is gone):
    /// the changes wait for the next save, with a new writer.
    pub fn give_back(&mut self, job: SaveJob) {
        self.writer_has_base = false;
        self.restore(job.changes);
    }

    /// Takes in how a save went: another process's marks merged in, notices
    /// to show; after a failure the changes wait for the next save.
    pub fn finish_save(&mut self, outcome: SaveOutcome) -> Result<(), SaveError> {
        match outcome.result {
            Ok(saved) => {
                self.apply_saved(saved);
                Ok(())
            }
            Err(source) => {
                if outcome.writer_stopped {
                    self.writer_has_base = false;
                }
                self.restore(outcome.changes);
                Err(SaveError {
                    path: self.path.clone(),
                    source,
                })
            }
        }
    }

    fn apply_saved(&mut self, saved: saver::Saved) {
        self.notices.extend(saved.notices);
        if saved.read_only {
            self.writable = false;
        }
        if let Some((read, starred)) = saved.merged {
            // Another process's marks, with this one's newer changes on top.
            self.read = read;
            self.starred = starred;
            self.revision += 1;
            for (id, change) in &self.pending {
                if let Some(value) = change.read {
                    set_member(&mut self.read, id, value);
                }
                if let Some(value) = change.starred {
                    set_member(&mut self.starred, id, value);
                }
            }
        }
    }

    /// Puts back the changes of a failed save under any made since.
    fn restore(&mut self, changes: HashMap<String, Change>) {
        for (id, old) in changes {
            let now = self.pending.entry(id).or_default();
            now.read = now.read.or(old.read);
            now.starred = now.starred.or(old.starred);
        }
    }
}
