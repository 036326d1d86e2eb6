//! Saving marks on a background thread: lock, re-read, merge this
//! process's changes, replace atomically. A marks file for a whole archive
//! is tens of megabytes; writing it must not stall the reader.

use std::collections::{BTreeSet, HashMap};
use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
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

/// One save: this process's changes since the last one.
#[derive(Debug)]
pub(super) struct Job {
    pub changes: HashMap<String, Change>,
}

/// How a save went.
#[derive(Debug)]
pub(super) struct Done {
    /// The job's changes, given back when the save failed.
    pub changes: HashMap<String, Change>,
    pub result: io::Result<Saved>,
}

#[derive(Debug)]
pub(super) struct Saved {
    /// The merged marks, when another process had changed the file (else
    /// the reader's own sets already equal what was written).
    pub merged: Option<(BTreeSet<String>, BTreeSet<String>)>,
    pub notices: Vec<String>,
    /// The file must not be written again (see `Marks::writable`).
    pub read_only: bool,
}

/// The saving thread, started at the first save.
#[derive(Debug)]
pub(super) struct Saver {
    jobs: Sender<Job>,
    pub done: Receiver<Done>,
}

impl Saver {
    /// `known` is what this process has in memory: the base when the file
    /// has gone missing, and how another process's changes are noticed.
    pub fn start(path: PathBuf, mut known: MarksFile) -> io::Result<Saver> {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (done_tx, done) = mpsc::channel();
        thread::Builder::new()
            .name("inkstone-marks".into())
            .spawn(move || {
                for job in job_rx {
                    let result = write_merged(&path, &mut known, &job.changes);
                    if done_tx
                        .send(Done {
                            changes: job.changes,
                            result,
                        })
                        .is_err()
                    {
                        return;
                    }
                }
            })?;
        Ok(Saver { jobs, done })
    }

    /// Hands over a job; gives it back if the thread is gone.
    pub fn send(&self, job: Job) -> Result<(), Job> {
        self.jobs.send(job).map_err(|e| e.0)
    }
}

fn write_merged(
    path: &Path,
    known: &mut MarksFile,
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
        Ok(None) => known.clone(),
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
            known.clone()
        }
    };
    let foreign = base != *known;
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
    *known = base;
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
