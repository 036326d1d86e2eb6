//! Saving marks on a background thread: lock, re-read, merge this
//! process's changes, replace atomically. A marks file for a whole archive
//! is tens of megabytes; writing it must not stall the reader.

use std::collections::{BTreeSet, HashMap};
use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::thread;

use super::file::{self, MarksFile, Unusable};
use super::{Change, set_member};
use crate::durable::{self, Durability};

/// Marks could not be written; they stay in memory and the next save
/// tries again.
#[derive(Debug, thiserror::Error)]
#[error("cannot save marks to {}: {source}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// One save: this process's changes since the last one, for the marks
/// file at `path`.
#[derive(Debug, PartialEq, Eq)]
pub struct SaveJob {
    pub(super) path: PathBuf,
    pub(super) changes: HashMap<String, Change>,
    /// What this process knows of the file, for a writer's first job (see
    /// [`Writer`]).
    pub(super) base: Option<MarksFile>,
}

/// How a save went, for [`super::MarkBook::finish_save`].
#[derive(Debug)]
pub struct SaveOutcome {
    /// The marks file.
    path: PathBuf,
    /// The job's changes, given back when the save failed.
    pub(super) changes: HashMap<String, Change>,
    pub(super) result: io::Result<Saved>,
    /// The writer is gone: the next job needs a new one.
    pub(super) writer_stopped: bool,
}

impl SaveOutcome {
    /// A job no writer took (its thread could not start, or stopped).
    pub fn not_taken(job: SaveJob, why: &str) -> SaveOutcome {
        SaveOutcome {
            path: job.path,
            changes: job.changes,
            result: Err(io::Error::other(why.to_owned())),
            writer_stopped: true,
        }
    }

    /// What to tell the person about this save, and whether it was written
    /// (for the messages printed at exit).
    pub fn report(&self) -> (Vec<String>, bool) {
        match &self.result {
            Ok(saved) => (saved.notices.clone(), true),
            Err(e) => (
                vec![format!("cannot save marks to {}: {e}", self.path.display())],
                false,
            ),
        }
    }
}

#[derive(Debug)]
pub(super) struct Saved {
    /// The merged marks, when another process had changed the file (else
    /// the reader's own sets already equal what was written).
    pub merged: Option<(BTreeSet<String>, BTreeSet<String>)>,
    pub notices: Vec<String>,
    /// The file must not be written again (see `MarkBook::writable`).
    pub read_only: bool,
}

/// Writes save jobs for one marks file, one after the other: lock, re-read,
/// merge, replace. Keeps what it last wrote, to notice another process's
/// changes and as the base when the file has gone missing.
#[derive(Debug, Default)]
pub struct Writer {
    known: Option<MarksFile>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    /// Writes `job` to its file (waits for the disk).
    pub fn write(&mut self, job: SaveJob) -> SaveOutcome {
        if let Some(base) = job.base {
            self.known = Some(base);
        }
        let result = write_merged(&job.path, &mut self.known, &job.changes);
        SaveOutcome {
            path: job.path,
            changes: job.changes,
            result,
            writer_stopped: false,
        }
    }

    /// A thread that writes each job handed to it with a [`Writer`] and
    /// tells `done` how it went (stopping when `done` says no one listens).
    pub fn spawn(done: impl Fn(SaveOutcome) -> bool + Send + 'static) -> io::Result<Saver> {
        let (jobs, job_rx) = mpsc::channel::<SaveJob>();
        let thread = thread::Builder::new()
            .name("inkstone-marks".into())
            .spawn(move || {
                let mut writer = Writer::new();
                for job in job_rx {
                    if !done(writer.write(job)) {
                        return;
                    }
                }
            })?;
        Ok(Saver { jobs, thread })
    }
}

/// A writer on a thread of its own (see [`Writer::spawn`]).
#[derive(Debug)]
pub struct Saver {
    jobs: Sender<SaveJob>,
    thread: thread::JoinHandle<()>,
}

impl Saver {
    /// Hands over a job; gives it back if the thread is gone.
    pub fn send(&self, job: SaveJob) -> Result<(), Box<SaveJob>> {
        self.jobs.send(job).map_err(|e| Box::new(e.0))
    }

    /// Waits until every job handed over is written (and told), then ends
    /// the thread.
    pub fn finish(self) {
        drop(self.jobs);
        // A writer that panicked has nothing more to tell.
        let _ = self.thread.join();
    }
}

fn write_merged(
    path: &Path,
    known: &mut Option<MarksFile>,
    changes: &HashMap<String, Change>,
) -> io::Result<Saved> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    // The marks file itself is replaced by rename, so the lock lives on a
    // companion file that is never replaced. Closing it unlocks.
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path(path))?;
    fs4::FileExt::lock(&lock)?;
    durable::remove_stale_temps(path);

    let mut notices = Vec::new();
    let mut base = match file::read(path) {
        Ok(Some(on_disk)) => on_disk,
        // Missing (first save, or deleted meanwhile): what we know is the
        // best base; starting empty would drop marks loaded earlier.
        Ok(None) => known.clone().unwrap_or_default(),
        Err(bad) => {
            let (notice, writable) = set_aside(path, bad);
            notices.push(notice.clone());
            if !writable {
                return Ok(Saved {
                    merged: None,
                    notices,
                    read_only: true,
                });
            }
            known.clone().unwrap_or_default()
        }
    };
    // Without a base (a writer started late), the file is taken as known.
    let foreign = known.as_ref().is_some_and(|known| base != *known);
    for (id, change) in changes {
        if let Some(value) = change.read {
            set_member(&mut base.read, id, value);
        }
        if let Some(value) = change.starred {
            set_member(&mut base.starred, id, value);
        }
    }
    durable::write_atomic(path, &base.to_bytes(), Durability::Synced)?;
    drop(lock);
    let merged = foreign.then(|| (base.read.clone(), base.starred.clone()));
    *known = Some(base);
    Ok(Saved {
        merged,
        notices,
        read_only: false,
    })
}

/// Sets a bad file aside and says what happened, in words for the user;
/// the flag is whether the file may still be written.
pub(super) fn set_aside(path: &Path, bad: Unusable) -> (String, bool) {
    let shown = path.display();
    match bad {
        Unusable::NewerFormat(v) => (
            format!(
                "{shown} was written by a newer inkstone (format {v}); marks will not be saved this time"
            ),
            false,
        ),
        Unusable::Corrupt(reason) => match file::move_aside(path) {
            Ok(aside) => (
                format!(
                    "{shown} was unusable ({reason}); moved it to {} and started afresh",
                    aside.display()
                ),
                true,
            ),
            Err(e) => (
                format!(
                    "{shown} is unusable ({reason}) and could not be moved aside ({e}); marks will not be saved"
                ),
                false,
            ),
        },
    }
}

fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{name}.lock"))
}
