//! Saving marks on a background thread: lock, take in other processes'
//! marks, add this process's changes (see [`super::merge`]). A marks file
//! for a whole archive is tens of megabytes; saving must not stall the
//! reader.

use std::collections::{BTreeSet, HashMap};

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::{Duration, Instant};

/// Save jobs handed to a saving thread and not yet on disk, in the whole
/// process: what [`settle`] waits for. Process-wide because the one who
/// waits (the quit watchdog, on its own thread, while the reader's thread
/// is stuck) cannot reach the reader's runner.
static UNWRITTEN_JOBS: AtomicUsize = AtomicUsize::new(0);

/// Waits until every job handed to a saving thread is written, or
/// `within` passes; says whether they all were. For an exit that cannot
/// wait for the reader's own orderly save (the quit watchdog).
pub fn settle(within: Duration) -> bool {
    let until = Instant::now() + within;
    while UNWRITTEN_JOBS.load(Ordering::SeqCst) > 0 {
        if Instant::now() >= until {
            return false;
        }
        thread::sleep(Duration::from_millis(2));
    }
    true
}

use super::Change;
use super::file::{self, MarksFile, Unusable};
use super::merge::{self, Stamp};

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
    /// How much of the files on disk `known` holds (see [`merge`]).
    stamp: Option<Stamp>,
    /// The marks file last written, to compact its journal at the end.
    path: Option<PathBuf>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    /// Writes `job` to its file (waits for the disk).
    pub fn write(&mut self, job: SaveJob) -> SaveOutcome {
        if let Some(base) = job.base {
            self.known = Some(base);
            self.stamp = None;
        }
        self.path = Some(job.path.clone());
        let result = merge::write_merged(
            &job.path,
            &mut self.known,
            &mut self.stamp,
            &job.changes,
            false,
        );
        SaveOutcome {
            path: job.path,
            changes: job.changes,
            result,
            writer_stopped: false,
        }
    }

    /// Writes `jobs` (for one file, in order) as one save; each job gets
    /// its outcome, the first carrying what the save found.
    pub fn write_batch(&mut self, mut jobs: Vec<SaveJob>) -> Vec<SaveOutcome> {
        if jobs.len() < 2 {
            return jobs.into_iter().map(|job| self.write(job)).collect();
        }
        let mut changes: HashMap<String, Change> = HashMap::new();
        for job in &jobs {
            for (id, change) in &job.changes {
                let merged = changes.entry(id.clone()).or_default();
                merged.read = change.read.or(merged.read);
                merged.starred = change.starred.or(merged.starred);
            }
        }
        if let Some(base) = jobs.iter_mut().find_map(|job| job.base.take()) {
            self.known = Some(base);
            self.stamp = None;
        }
        let path = jobs[0].path.clone();
        self.path = Some(path.clone());
        let result = merge::write_merged(&path, &mut self.known, &mut self.stamp, &changes, false);
        let again = match &result {
            Ok(saved) => Ok(saved.read_only),
            Err(e) => Err((e.kind(), e.to_string())),
        };
        let mut first = Some(result);
        jobs.into_iter()
            .map(|job| SaveOutcome {
                path: job.path,
                changes: job.changes,
                result: first.take().unwrap_or_else(|| match &again {
                    Ok(read_only) => Ok(Saved {
                        merged: None,
                        notices: Vec::new(),
                        read_only: *read_only,
                    }),
                    Err((kind, message)) => Err(io::Error::new(*kind, message.clone())),
                }),
                writer_stopped: false,
            })
            .collect()
    }

    /// Folds the journal into the marks file, when this writer left lines
    /// in it, so the file alone holds every mark after an orderly exit. A
    /// failure leaves the journal, which still holds the marks.
    pub fn compact(&mut self) {
        if let Some(path) = self.path.clone()
            && self.stamp.is_some_and(|s| s.has_journal())
        {
            let _ = merge::write_merged(
                &path,
                &mut self.known,
                &mut self.stamp,
                &HashMap::new(),
                true,
            );
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
                while let Ok(first) = job_rx.recv() {
                    // Jobs that queued up during the last write are written
                    // together: a burst of marks costs one write.
                    let mut batch = vec![first];
                    batch.extend(job_rx.try_iter());
                    let count = batch.len();
                    let outcomes = writer.write_batch(batch);
                    UNWRITTEN_JOBS.fetch_sub(count, Ordering::SeqCst);
                    for outcome in outcomes {
                        if !done(outcome) {
                            writer.compact();
                            return;
                        }
                    }
                }
                // Every sender is gone: the process is done with marks.
                writer.compact();
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
        UNWRITTEN_JOBS.fetch_add(1, Ordering::SeqCst);
        self.jobs.send(job).map_err(|e| {
            UNWRITTEN_JOBS.fetch_sub(1, Ordering::SeqCst);
            Box::new(e.0)
        })
    }

    /// Waits until every job handed over is written (and told), then ends
    /// the thread.
    pub fn finish(self) {
        drop(self.jobs);
        // A writer that panicked has nothing more to tell.
        let _ = self.thread.join();
    }
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
