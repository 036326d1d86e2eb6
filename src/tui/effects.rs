//! The effect runner: does the work `App::update` asks for and hands the
//! outcome back as an action. Slow work runs on a worker thread and its
//! action arrives through the session's one inbound channel, which is also
//! where browsers, the search index and live updates report. Tests and
//! benchmarks run the same jobs inline, so a key press and its outcome are
//! one deterministic step.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;

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
}

impl Runner {
    pub fn new(workers: Workers) -> Runner {
        let (inbound_tx, inbound_rx) = channel();
        Runner {
            workers,
            inbound_tx,
            inbound_rx,
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

    /// Runs `job`: inline, its action is returned now; on a worker, it
    /// arrives later through the inbound channel and `None` is returned.
    pub fn run(&self, name: &str, job: impl FnOnce() -> Action + Send + 'static) -> Option<Action> {
        match self.workers {
            Workers::Inline => Some(job()),
            Workers::Threads => {
                let tx = self.inbound_tx.clone();
                let spawned = thread::Builder::new()
                    .name(format!("inkstone-{name}"))
                    .spawn(move || {
                        // The session may be gone at exit: nothing to tell.
                        let _ = tx.send(job());
                    });
                match spawned {
                    Ok(_) => None,
                    Err(e) => Some(Action::Fail(format!("cannot start a worker ({name}): {e}"))),
                }
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
