//! What keeps a running reader current: the start-up's settings and marks
//! put into the app, live updates from the library watcher (and the cache
//! recheck, which reports the same way), a full reload when the system lost
//! events, and the idle tick that saves marks.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use ratatui::backend::Backend;

use super::{Outside, Session};
use crate::app::{Action, App, Options};
use crate::keymap::Keymap;
use crate::library::Library;
use crate::startup::{self, Startup};
use crate::watch::{LibraryEvent, LibraryWatcher};

mod cache_write;

use cache_write::CacheWrites;

/// The live-update side of a reading session.
pub struct Live {
    watcher: Option<LibraryWatcher>,
    /// Whether watching has been started (after the first frame).
    started: bool,
    /// The watcher being set up on its own thread: watching a folder
    /// lists all of it, which takes seconds to minutes for a large
    /// archive, and the reader must answer keys (and quit) meanwhile.
    starting: Option<Receiver<Result<LibraryWatcher, String>>>,
    roots: Vec<PathBuf>,
    cache_dir: Option<PathBuf>,
    reload: Option<JoinHandle<()>>,
    /// The background writes of the metadata cache.
    cache: CacheWrites,
}

/// The reader's app for a start-up (config's theme and date format, the
/// marks, start-up notices in the status line) and what keeps it current.
pub fn app_for(startup: Startup, keymap: &Keymap) -> (App, Live) {
    let Startup {
        config,
        library,
        marks,
        watcher,
        notices,
        cache_dir,
        search_history,
        history_file,
    } = startup;
    let live = Live {
        cache: CacheWrites::new(library.cache_current()),
        started: watcher.is_some(),
        starting: None,
        watcher,
        roots: library.roots.clone(),
        cache_dir,
        reload: None,
    };
    let pipe_history_file = super::pipe::history_file(marks.path());
    let pipe_history = pipe_history_file
        .as_deref()
        .map(super::pipe::load_history)
        .unwrap_or_default();
    let options = Options {
        pipe_history,
        pipe_history_file,
        monochrome: config.monochrome(),
        colors: config.colors,
        date_format: config.date_format,
        time_format: config.time_format,
        collapse_duplicates: config.collapse_duplicates,
        search_store: live
            .cache_dir
            .as_deref()
            .filter(|_| !live.roots.is_empty())
            .map(|dir| crate::search::store_file(dir, &live.roots)),
        search_history_file: history_file,
    };
    let mut app = App::new(library, keymap.guide(), options)
        .with_marks(marks)
        .with_search_history(search_history);
    if !notices.is_empty() {
        app.update(Action::Fail(notices.join("; ")));
    }
    (app, live)
}

/// Starts [`startup::start_watching`] on a thread; `None` when there is
/// nothing to watch.
fn start_watching(library: &Library) -> Option<Receiver<Result<LibraryWatcher, String>>> {
    if library.roots.is_empty() {
        return None;
    }
    let (roots, recheck) = (library.roots.clone(), library.recheck());
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("inkstone-watch-setup".into())
        .spawn(move || {
            let _ = tx.send(startup::watch_roots(&roots, recheck));
        });
    spawned.ok().map(|_| rx)
}

/// How long the first turn of the loop waits for the watcher to be set up.
const WATCH_SETUP_WAIT: Duration = Duration::from_millis(200);

impl Live {
    /// Nothing to follow (tests, tools).
    pub fn none() -> Live {
        Live {
            watcher: None,
            started: true,
            starting: None,
            roots: Vec::new(),
            cache_dir: None,
            reload: None,
            cache: CacheWrites::new(true),
        }
    }

    /// Applies the changes reported since the last turn of the loop. Call
    /// once per turn (at least every 100 ms), the first time after the
    /// first frame: that is when watching starts.
    pub fn poll<B: Backend>(&mut self, session: &mut Session<B>) -> Vec<Outside>
    where
        B::Error: Send + Sync + 'static,
    {
        let mut outside = Vec::new();
        // The first turn waits a little, so a small library is watched
        // before anything else happens (changes right after the first
        // frame are not missed); later turns only look.
        let mut wait = Duration::ZERO;
        if !self.started {
            self.started = true;
            self.starting = start_watching(session.app().library());
            wait = WATCH_SETUP_WAIT;
            self.remove_orphan_temps();
        }
        if let Some(starting) = &self.starting {
            match starting.recv_timeout(wait) {
                Ok(Ok(watcher)) => {
                    self.watcher = Some(watcher);
                    self.starting = None;
                }
                Ok(Err(notice)) => {
                    outside.extend(session.dispatch(Action::Fail(notice)));
                    self.starting = None;
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => self.starting = None,
            }
        }
        self.cache.write_if_due(session.app());
        if session.links_wait() && self.cache.links_may_start(session.app().library()) {
            outside.extend(session.start_held_links());
        }
        while let Some(event) = self.watcher.as_ref().and_then(LibraryWatcher::try_recv) {
            if event == LibraryEvent::Rescan {
                self.start_reload(session.reporter());
            }
            outside.extend(session.dispatch(Action::Library(event)));
        }
        outside
    }

    /// Removes what writes of the cache and the search index left behind
    /// when an earlier reader quit (or was killed) in the middle of them:
    /// quitting waits for neither (see `tui::end_now`).
    fn remove_orphan_temps(&self) {
        if let Some(dir) = self.cache_dir.as_deref().filter(|_| !self.roots.is_empty()) {
            crate::durable::remove_orphan_temps(&crate::cache::file_for(dir, &self.roots));
            crate::durable::remove_orphan_temps(&crate::search::store_file(dir, &self.roots));
        }
    }

    /// Loads the library again on a thread (through the cache, so only
    /// changed files are parsed) and hands it over as an action.
    fn start_reload(&mut self, to: Sender<Action>) {
        if self.reload.as_ref().is_some_and(|r| !r.is_finished()) || self.roots.is_empty() {
            return;
        }
        let (roots, cache_dir) = (self.roots.clone(), self.cache_dir.clone());
        self.reload = std::thread::Builder::new()
            .name("inkstone-reload".into())
            .spawn(move || {
                let library = Library::load_cached_checked(&roots, cache_dir.as_deref());
                let _ = to.send(Action::LibraryReloaded(Box::new(library)));
            })
            .ok();
    }
}
