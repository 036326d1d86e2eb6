//! The effect runner: does the work `App::update` asks for and hands the
//! outcome back as an action. Slow work runs on a worker thread (reading a
//! body, reading changed files, opening the search index) or on the marks
//! writer's thread, and its action arrives through the session's one
//! inbound channel, which is also where browsers and live updates report.
//! The search index, once started, is looked at each turn and its progress
//! reported as an action. Tests and benchmarks run the same jobs inline, so
//! a key press and its outcome are one deterministic step.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

mod links;
mod marks;
mod search;

use marks::MarksWriter;

use crate::app::{Action, ChangeJob, SearchJob};
use crate::article::Article;
use crate::search::{IndexView, SearchIndex};

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
    /// The search index of the current articles once started, with the
    /// view of it last reported.
    index: Option<(u64, SearchIndex, Option<IndexView>)>,
    /// Writes marks: inline, or on a thread started at the first save.
    marks: MarksWriter,
    /// Runs queries: the newest only, on a thread of its own.
    searcher: search::Searcher,
    /// The link scan asked for, waiting for its turn (on workers; see
    /// `links`), and whether the search index is building meanwhile.
    held_links: Option<(Arc<Vec<Article>>, u64)>,
    index_building: bool,
}

impl Runner {
    pub fn new(workers: Workers) -> Runner {
        let (inbound_tx, inbound_rx) = channel();
        Runner {
            workers,
            inbound_tx,
            inbound_rx,
            running: Arc::default(),
            index: None,
            marks: MarksWriter::new(workers),
            searcher: search::Searcher::default(),
            held_links: None,
            index_building: false,
        }
    }

    pub fn set_workers(&mut self, workers: Workers) {
        self.workers = workers;
        self.marks = MarksWriter::new(workers);
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

    /// Whether a job on a worker has not answered yet (a query does not
    /// count: keys typed meanwhile are taken at once, and replace it).
    pub fn is_busy(&self) -> bool {
        self.running.load(Ordering::Acquire) > 0
    }

    /// Whether a job or a query has not answered yet.
    pub fn is_settling(&self) -> bool {
        self.is_busy() || self.searcher.is_busy()
    }

    /// `Effect::Search`: runs the query, inline or on the search thread
    /// (where a newer query replaces one not started).
    pub fn search(&mut self, job: SearchJob) -> Option<Action> {
        match self.workers {
            Workers::Inline => Some(search::answer(&job)),
            Workers::Threads => self.searcher.run(job, &self.inbound_tx),
        }
    }

    /// The next action, waiting until `deadline` while a job or a query
    /// runs.
    pub fn recv_while_busy(&self, deadline: Instant) -> Option<Action> {
        // A worker counts itself done just after sending: look again
        // shortly rather than wait out the deadline for nothing.
        const LOOK_AGAIN: Duration = Duration::from_millis(5);
        loop {
            if let Some(action) = self.try_recv() {
                return Some(action);
            }
            if !self.is_settling() {
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

    /// `Effect::ScanChanges`: reads, parses and merges the changed files.
    pub fn scan_changes(&self, job: Box<ChangeJob>) -> Option<Action> {
        self.run("changes", move || job.run())
    }

    /// `Effect::Release`: lets go of the articles on a worker (freeing
    /// them, if no one else holds them).
    pub fn release(&self, articles: Arc<Vec<Article>>) -> Option<Action> {
        self.run_quiet("release", move || {
            drop(articles);
            None
        })
    }

    /// `Effect::StartIndex`: opens or starts building the search index
    /// (which then grows on threads of its own).
    pub fn start_index(
        &mut self,
        generation: u64,
        articles: Arc<Vec<Article>>,
        store: Option<PathBuf>,
    ) -> Option<Action> {
        let started = self.run("index", move || Action::IndexStarted {
            generation,
            // Searching before the metadata is in would find more with
            // each key as it folds: the app starts from this view.
            view: SearchIndex::open_or_build_shared(&articles, store.as_deref()).wait_metadata(),
        });
        // Building until its progress is complete (on a worker).
        self.index_building = started.is_none();
        started
    }

    /// Takes note of an action on its way to the app: a new search index
    /// is the one whose progress is reported from now on.
    pub fn observe(&mut self, action: &Action) {
        if let Action::IndexStarted { generation, view } = action {
            self.index = Some((*generation, view.index().clone(), None));
        }
    }

    /// The index as it stands, when its progress or what it searches
    /// changed since last reported (nothing before its metadata is in).
    pub fn index_progress(&mut self) -> Option<Action> {
        let (generation, index, reported) = self.index.as_mut()?;
        let view = index.view()?;
        if reported.as_ref().is_some_and(|last: &IndexView| {
            last.progress() == view.progress() && last.same_as(&view)
        }) {
            return None;
        }
        *reported = Some(view.clone());
        let generation = *generation;
        if view.progress().is_complete() {
            // Nothing more will change: stop looking (and holding it).
            self.index = None;
            self.index_building = false;
        }
        Some(Action::IndexProgress { generation, view })
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

    #[test]
    fn on_workers_a_link_scan_is_held_until_the_index_is_built_and_then_started() {
        let mut runner = Runner::new(Workers::Threads);
        let articles: Arc<Vec<Article>> = Arc::default();
        assert!(runner.start_index(0, Arc::clone(&articles), None).is_none());
        assert!(runner.scan_links(Arc::clone(&articles), 3).is_empty());
        assert!(!runner.links_wait_for_session(), "the index builds");
        assert!(runner.start_held_links().is_none());
        assert!(runner.held_links.is_some(), "still held");

        let started = runner
            .inbound_rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .unwrap();
        runner.observe(&started);
        let progress = runner.index_progress().expect("the index's progress");
        assert!(matches!(progress, Action::IndexProgress { .. }));
        assert!(runner.links_wait_for_session(), "the index is built");
        assert!(runner.start_held_links().is_none(), "started");
        assert!(runner.held_links.is_none());
        let answer = runner
            .inbound_rx
            .recv_timeout(std::time::Duration::from_secs(10));
        assert!(matches!(
            answer,
            Ok(Action::LinksResolved { generation: 3, .. })
        ));
    }
}
