//! The effect runner: does the work `App::update` asks for and hands the
//! outcome back as an action. Slow work runs on a worker thread and its
//! action arrives through the session's one inbound channel, which is also
//! where browsers, the search index and live updates report. Tests and
//! benchmarks run the same jobs inline, so a key press and its outcome are
//! one deterministic step.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use crate::app::Action;

/// Where jobs run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workers {
    /// On the calling thread, at once (tests, benchmarks).
    Inline,
    /// On a thread each; the outcome comes through the inbound channel.
    Threads,
}

/// Runs jobs and gathers their outcomes.
pub struct Runner {
    workers: Workers,
    inbound_tx: Sender<Action>,
    inbound_rx: Receiver<Action>,
    /// Jobs on workers whose action has not been sent yet.
    running: Arc<AtomicUsize>,
}

impl Runner {
    pub fn new(workers: Workers) -> Runner {
        let (inbound_tx, inbound_rx) = channel();
        Runner {
            workers,
            inbound_tx,
            inbound_rx,
            running: Arc::default(),
        }
    }

    pub fn set_workers(&mut self, workers: Workers) {
        self.workers = workers;
    }

    /// A sender for other threads (watchers, browsers, workers) to hand
    /// actions to the session.
    pub fn sender(&self) -> Sender<Action> {
        self.inbound_tx.clone()
    }

    /// The next action that arrived, if any.
    pub fn try_recv(&self) -> Option<Action> {
        self.inbound_rx.try_recv().ok()
    }

    /// Whether a job on a worker has not answered yet.
    pub fn is_busy(&self) -> bool {
        self.running.load(Ordering::Acquire) > 0
    }

    /// The next action, waiting until `deadline` while a job runs.
    pub fn recv_while_busy(&self, deadline: Instant) -> Option<Action> {
        // A worker counts itself done just after sending: look again
        // shortly rather than wait out the deadline for nothing.
        const LOOK_AGAIN: Duration = Duration::from_millis(5);
        loop {
            if let Some(action) = self.try_recv() {
                return Some(action);
            }
            if !self.is_busy() {
                return None;
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            if let Ok(action) = self.inbound_rx.recv_timeout(left.min(LOOK_AGAIN)) {
                return Some(action);
            }
        }
    }

    /// Runs `job`: inline, its action is returned now; on a worker, it
    /// arrives later through the inbound channel and `None` is returned.
    pub fn run(&self, name: &str, job: impl FnOnce() -> Action + Send + 'static) -> Option<Action> {
        match self.workers {
            Workers::Inline => Some(job()),
            Workers::Threads => {
                let tx = self.inbound_tx.clone();
                let running = Arc::clone(&self.running);
                running.fetch_add(1, Ordering::AcqRel);
                let spawned = thread::Builder::new()
                    .name(format!("inkstone-{name}"))
                    .spawn(move || {
                        // The session may be gone at exit: nothing to tell.
                        let _ = tx.send(job());
                        running.fetch_sub(1, Ordering::AcqRel);
                    });
                match spawned {
                    Ok(_) => None,
                    Err(e) => {
                        self.running.fetch_sub(1, Ordering::AcqRel);
                        Some(Action::Fail(format!("cannot start a worker ({name}): {e}")))
                    }
                }
            }
        }
    }
}

impl Runner {
    /// Runs `job`, which answers only when there is something to say (a
    /// save that failed): inline, at once; on a worker, through the
    /// inbound channel. Such a job does not count as busy: nothing waits
    /// for it before the next key.
    pub fn run_quiet(
        &self,
        name: &str,
        job: impl FnOnce() -> Option<Action> + Send + 'static,
    ) -> Option<Action> {
        match self.workers {
            Workers::Inline => job(),
            Workers::Threads => {
                let tx = self.inbound_tx.clone();
                let spawned = thread::Builder::new()
                    .name(format!("inkstone-{name}"))
                    .spawn(move || {
                        if let Some(action) = job() {
                            let _ = tx.send(action);
                        }
                    });
                spawned
                    .err()
                    .map(|e| Action::Fail(format!("cannot start a worker ({name}): {e}")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_jobs_answer_at_once_and_workers_through_the_channel() {
        let inline = Runner::new(Workers::Inline);
        let answer = inline.run("t", || Action::Notify("done".into()));
        assert!(matches!(answer, Some(Action::Notify(t)) if t == "done"));

        let threads = Runner::new(Workers::Threads);
        assert!(
            threads
                .run("t", || Action::Notify("later".into()))
                .is_none()
        );
        let arrived = threads
            .inbound_rx
            .recv_timeout(std::time::Duration::from_secs(10));
        assert!(matches!(arrived, Ok(Action::Notify(t)) if t == "later"));
    }
}
