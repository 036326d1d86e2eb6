//! Saving marks on a background thread: lock, re-read, merge this
//! process's changes, replace atomically. A marks file for a whole archive
//! is tens of megabytes; writing it must not stall the reader.

use std::collections::{BTreeSet, HashMap};
use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

/// Saves handed to a saving thread and not yet on disk, in the whole
/// process: what [`settle`] waits for. Process-wide because the one who
/// waits (the quit watchdog, on its own thread, while the reader's thread
/// is stuck) cannot reach the reader's `Marks`.
static UNSAVED_JOBS: AtomicUsize = AtomicUsize::new(0);

/// Waits until every save handed to a saving thread is on disk, or
/// `within` passes; says whether they all were. For an exit that cannot
/// wait for the reader's own orderly save.
pub fn settle(within: Duration) -> bool {
    let until = Instant::now() + within;
    while UNSAVED_JOBS.load(Ordering::SeqCst) > 0 {
        if Instant::now() >= until {
            return false;
        }
        thread::sleep(Duration::from_millis(2));
    }
    true
}

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
                while let Ok(first) = job_rx.recv() {
                    // Jobs that queued up while the last write ran are
                    // written together: one write for a burst of marks.
                    let mut batch = vec![first];
                    batch.extend(job_rx.try_iter());
                    let mut changes: HashMap<String, Change> = HashMap::new();
                    for job in &batch {
                        for (id, change) in &job.changes {
                            let merged = changes.entry(id.clone()).or_default();
                            merged.read = change.read.or(merged.read);
                            merged.starred = change.starred.or(merged.starred);
                        }
                    }
                    let result = write_merged(&path, &mut known, &changes);
                    UNSAVED_JOBS.fetch_sub(batch.len(), Ordering::SeqCst);
                    // Each job gets its answer (the caller counts them);
                    // the first carries the notices and the merge.
                    let answers = answers(result, batch.len());
                    for (job, result) in batch.into_iter().zip(answers) {
                        let done = Done {
                            changes: job.changes,
                            result,
                        };
                        if done_tx.send(done).is_err() {
                            return;
                        }
                    }
                }
            })?;
        Ok(Saver { jobs, done })
    }

    /// Hands over a job; gives it back if the thread is gone.
    pub fn send(&self, job: Job) -> Result<(), Job> {
        UNSAVED_JOBS.fetch_add(1, Ordering::SeqCst);
        self.jobs.send(job).map_err(|e| {
            UNSAVED_JOBS.fetch_sub(1, Ordering::SeqCst);
            e.0
        })
    }
}

/// One write's outcome as `count` answers: the first is the outcome, the
/// others the same success (with nothing more to report) or failure.
fn answers(result: io::Result<Saved>, count: usize) -> Vec<io::Result<Saved>> {
    let mut out = Vec::with_capacity(count);
    let again = match &result {
        Ok(saved) => Ok(saved.read_only),
        Err(e) => Err((e.kind(), e.to_string())),
    };
    out.push(result);
    for _ in 1..count {
        out.push(match &again {
            Ok(read_only) => Ok(Saved {
                merged: None,
                notices: Vec::new(),
                read_only: *read_only,
            }),
            Err((kind, message)) => Err(io::Error::new(*kind, message.clone())),
        });
    }
    out
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
