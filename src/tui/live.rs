//! What keeps a running reader current: the start-up's settings and marks
//! put into the app, live updates from the library watcher (and the cache
//! recheck, which reports the same way), a full reload when the system lost
//! events, and the idle tick that saves marks.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use ratatui::backend::Backend;

use super::{Outside, Session};
use crate::app::{Action, App, Options};
use crate::keymap::Keymap;
use crate::library::Library;
use crate::startup::{self, Startup};
use crate::watch::{LibraryEvent, LibraryWatcher};

/// The live-update side of a reading session.
pub struct Live {
    watcher: Option<LibraryWatcher>,
    /// Whether watching has been set up (after the first frame).
    started: bool,
    roots: Vec<PathBuf>,
    cache_dir: Option<PathBuf>,
    reload: Option<JoinHandle<()>>,
    /// The background write of the metadata cache, when one was started.
    cache_write: Option<(JoinHandle<()>, Instant)>,
}

/// The least time between two starts of a background cache write: live
/// changes come in bursts, and each write rewrites the whole file.
const CACHE_WRITE_GAP: Duration = Duration::from_secs(10);

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
    } = startup;
    let live = Live {
        started: watcher.is_some(),
        watcher,
        roots: library.roots.clone(),
        cache_dir,
        reload: None,
        cache_write: None,
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
    };
    let mut app = App::new(library, keymap.guide(), options).with_marks(marks);
    if !notices.is_empty() {
        app.update(Action::Fail(notices.join("; ")));
    }
    (app, live)
}

impl Live {
    /// Nothing to follow (tests, tools).
    pub fn none() -> Live {
        Live {
            watcher: None,
            started: true,
            roots: Vec::new(),
            cache_dir: None,
            reload: None,
            cache_write: None,
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
        if !self.started {
            self.started = true;
            let mut notices = Vec::new();
            self.watcher = startup::start_watching(session.app().library(), &mut notices);
            if !notices.is_empty() {
                outside.extend(session.dispatch(Action::Fail(notices.join("; "))));
            }
        }
        self.write_cache_if_due(session.app().library());
        while let Some(event) = self.watcher.as_ref().and_then(LibraryWatcher::try_recv) {
            if event == LibraryEvent::Rescan {
                self.start_reload(session.reporter());
            }
            outside.extend(session.dispatch(Action::Library(event)));
        }
        outside
    }

    /// Starts writing the metadata cache on a thread when the library
    /// differs from it and no write is under way (nor started in the last
    /// [`CACHE_WRITE_GAP`]). Nothing waits for the thread: quitting ends it,
    /// and the cache file is only ever replaced whole.
    fn write_cache_if_due(&mut self, library: &Library) {
        if self
            .cache_write
            .as_ref()
            .is_some_and(|(job, started)| !job.is_finished() || started.elapsed() < CACHE_WRITE_GAP)
        {
            return;
        }
        let Some(write) = library.cache_write() else {
            return;
        };
        self.cache_write = std::thread::Builder::new()
            .name("inkstone-cache".into())
            .spawn(move || {
                // Only a speed-up: a cache that cannot be written is not
                // worth a word.
                let _ = write.run();
            })
            .ok()
            .map(|job| (job, Instant::now()));
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
