//! Runs `Effect::Search` jobs on one search thread that only ever runs
//! the newest job: keys typed (or pasted as keys) while a query runs
//! replace the one waiting, so a burst of keys costs one query more than
//! the one running, not one per key. The result comes back as
//! `Action::SearchDone` through the session's inbound channel; `update`
//! drops any but the last query asked for.

use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;

use crate::app::{Action, SearchJob};

/// The answer to a search job: its result, numbered.
pub fn answer(job: &SearchJob) -> Action {
    Action::SearchDone {
        generation: job.generation,
        matches: job.run(),
    }
}

/// The search thread, started with the first job.
#[derive(Default)]
pub(super) struct Searcher {
    shared: Option<Arc<Shared>>,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    wake: Condvar,
}

#[derive(Default)]
struct State {
    /// The newest job not started yet (an older one waiting is dropped).
    next: Option<SearchJob>,
    /// A job runs now; its answer is not sent yet.
    running: bool,
    /// The runner is gone: the thread ends.
    closed: bool,
}

impl Searcher {
    /// Hands `job` to the search thread (starting it the first time), in
    /// place of any job still waiting there; an error if no thread starts.
    pub(super) fn run(&mut self, job: SearchJob, tx: &Sender<Action>) -> Option<Action> {
        if self.shared.is_none() {
            let shared = Arc::new(Shared::default());
            let theirs = Arc::clone(&shared);
            let tx = tx.clone();
            let spawned = thread::Builder::new()
                .name("inkstone-search".into())
                .spawn(move || serve(&theirs, &tx));
            if let Err(e) = spawned {
                return Some(Action::Fail(format!("cannot start the search thread: {e}")));
            }
            self.shared = Some(shared);
        }
        let shared = self.shared.as_ref()?;
        lock(shared).next = Some(job);
        shared.wake.notify_one();
        None
    }

    /// Whether a job waits or runs (its answer not sent yet).
    pub(super) fn is_busy(&self) -> bool {
        self.shared.as_ref().is_some_and(|shared| {
            let state = lock(shared);
            state.running || state.next.is_some()
        })
    }
}

impl Drop for Searcher {
    fn drop(&mut self) {
        if let Some(shared) = &self.shared {
            lock(shared).closed = true;
            shared.wake.notify_all();
        }
    }
}

fn lock(shared: &Shared) -> std::sync::MutexGuard<'_, State> {
    shared.state.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The search thread: runs the newest job, sends its answer, again.
fn serve(shared: &Shared, tx: &Sender<Action>) {
    loop {
        let job = {
            let mut state = lock(shared);
            loop {
                if state.closed {
                    return;
                }
                if let Some(job) = state.next.take() {
                    state.running = true;
                    break job;
                }
                state = shared
                    .wake
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        };
        let sent = tx.send(answer(&job)).is_ok();
        lock(shared).running = false;
        if !sent {
            // The session is gone.
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{Query, SearchIndex};

    /// Jobs handed over faster than they run: the newest always runs, and
    /// its answer is the last to come.
    #[test]
    fn the_newest_job_is_answered_last() {
        let articles: Vec<_> = (0..200)
            .map(|i| crate::app::tests::article(&format!("台北第{i}篇"), &[], &["交通"]))
            .collect();
        let view = SearchIndex::build(&articles).wait_metadata();
        let (tx, rx) = std::sync::mpsc::channel();
        let mut searcher = Searcher::default();
        for generation in 1..=20 {
            let job = SearchJob {
                generation,
                view: view.clone(),
                query: Query::parse("台"),
                within: None,
            };
            assert!(searcher.run(job, &tx).is_none());
        }
        let mut last = 0;
        while last != 20 {
            let answer = rx.recv_timeout(std::time::Duration::from_secs(20));
            let Ok(Action::SearchDone { generation, .. }) = answer else {
                panic!("no answer: {answer:?}");
            };
            assert!(generation > last, "{generation} after {last}");
            last = generation;
        }
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while searcher.is_busy() {
            assert!(std::time::Instant::now() < deadline, "still busy");
            thread::yield_now();
        }
        assert!(rx.try_recv().is_err(), "nothing after the newest");
    }
}
