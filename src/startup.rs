//! Start-up and shut-down of a reading session: everything that outlives
//! one run (config, marks, metadata cache, live updates) set up in the
//! right order, for the reader to own.
//!
//! How the reader (`cli::read`, `tui::run`, `tui::live`) uses it:
//!
//! - [`Locations::config`] and the keymap with its config overrides first,
//!   before the terminal is set up, so a mistake prints plainly;
//! - [`Startup::open`]: ambiguous width, the library through the
//!   metadata cache beside the marks; then `tui::app_for` builds the `App`
//!   and the first frame is drawn;
//! - after the first frame, [`watch_roots`] on a thread of its own (live
//!   updates and the background recheck of the cache, one channel;
//!   watching lists every folder, minutes at a million files, and the
//!   reader answers keys meanwhile), and the cache written in the
//!   background when the library differs from it;
//! - every turn of the event loop (at least every 100 ms): each watcher
//!   event becomes `Action::Library` (`Changed(paths)` -> an
//!   `Effect::ScanChanges` that reads, parses and merges the files into a
//!   new article list on a worker, swapped in by `Action::ChangesMerged`
//!   keeping the selection by article id; `Rescan` -> the library loaded again on a thread, handed over as
//!   `Action::LibraryReloaded`; `Error` -> status line); the search
//!   index's progress becomes `Action::IndexProgress`; and, when the app
//!   has something to do then, `Action::Tick` brings the time: marks that
//!   are due go out as `Effect::SaveMarks`, written on the runner's marks
//!   thread (an error goes to the status line; it retries by itself);
//! - on quit, a terminating signal or a lost terminal:
//!   `Session::finish_saving` writes every mark change and waits for the
//!   disk; its messages are printed after leaving the alternate screen;
//!   nothing else is waited for. [`finish`] does the same for [`Marks`]
//!   kept outside the reader.

use std::path::PathBuf;

use crate::config::{Config, ConfigError};
use crate::library::{Library, Progress, Recheck};
use crate::marks::Marks;
use crate::search::history::{self, History};
use crate::watch::{self, LibraryWatcher};

/// Where a session keeps its files; [`Locations::standard`] for the
/// platform's folders, or temporary ones in tests.
#[derive(Debug, Clone, Default)]
pub struct Locations {
    /// `config.yaml`; `None`: defaults only.
    pub config_file: Option<PathBuf>,
    /// `marks.json`; `None`: marks live in memory only.
    pub marks_file: Option<PathBuf>,
    /// The metadata cache folder; `None`: no cache.
    pub cache_dir: Option<PathBuf>,
}

impl Locations {
    /// The platform's config, state and cache folders.
    pub fn standard() -> Locations {
        Locations {
            config_file: Config::default_path(),
            marks_file: Marks::default_path(),
            cache_dir: crate::cache::default_dir(),
        }
    }

    /// The config (defaults when there is no file). Load it before the
    /// terminal is set up, so an error prints plainly.
    pub fn config(&self) -> Result<Config, ConfigError> {
        match &self.config_file {
            Some(file) => Config::load(file),
            None => Ok(Config::default()),
        }
    }
}

/// What the reader needs to start, with the state it will own.
pub struct Startup {
    pub config: Config,
    pub library: Library,
    pub marks: Marks,
    /// Live updates (and the background recheck of the cache); `None` for
    /// the samples, or when the system refused (said in `notices`).
    pub watcher: Option<LibraryWatcher>,
    /// Messages to show once in the status line.
    pub notices: Vec<String>,
    /// Where the metadata cache lives, for reloading while running.
    pub cache_dir: Option<PathBuf>,
    /// The searches kept in earlier sessions, and their file (beside the
    /// marks; `None` when marks live in memory only).
    pub search_history: History,
    pub history_file: Option<PathBuf>,
}

impl Startup {
    /// Starts with the platform's folders. `paths` from the command line
    /// win over the config's `library:`; with neither, the samples.
    pub fn start(paths: &[PathBuf]) -> Result<Startup, ConfigError> {
        Startup::start_at(paths, &Locations::standard())
    }

    /// Starts with the given folders: [`Locations::config`],
    /// [`Startup::open`], then [`Startup::watch`] at once.
    pub fn start_at(paths: &[PathBuf], at: &Locations) -> Result<Startup, ConfigError> {
        let mut startup = Startup::open(at.config()?, paths, at);
        startup.watch();
        Ok(startup)
    }

    /// Starts live updates and the background recheck of the cache (see
    /// [`start_watching`]); a refusal goes to `notices`.
    pub fn watch(&mut self) {
        if self.watcher.is_none() {
            self.watcher = start_watching(&self.library, &mut self.notices);
        }
    }

    /// Starts from a loaded config. Order matters: its process-wide
    /// settings before any text is measured, then the library from the
    /// cache beside the marks. Live updates are not started: the reader
    /// starts them after its first frame (setting up the watches walks
    /// every folder, and the recheck looks at every file), with
    /// [`start_watching`].
    pub fn open(config: Config, paths: &[PathBuf], at: &Locations) -> Startup {
        Startup::open_reporting(config, paths, at, &Progress::new())
    }

    /// The paths a start-up opens: those given, else the config's.
    pub fn paths(config: &Config, paths: &[PathBuf]) -> Vec<PathBuf> {
        if paths.is_empty() {
            config.library.clone()
        } else {
            paths.to_vec()
        }
    }

    /// [`Startup::open`], counting the files loaded in `progress`.
    pub fn open_reporting(
        config: Config,
        paths: &[PathBuf],
        at: &Locations,
        progress: &Progress,
    ) -> Startup {
        config.apply_globals();
        let paths = Startup::paths(&config, paths);
        // The marks file of a well-read archive is tens of megabytes: read
        // it beside the library rather than after it.
        let history_file = at.marks_file.as_deref().map(history::file_beside);
        let (library, (marks, message), (search_history, history_message)) =
            std::thread::scope(|scope| {
                let marks = scope.spawn(|| match &at.marks_file {
                    Some(file) => Marks::open(file),
                    None => (Marks::in_memory(), None),
                });
                let history = scope.spawn(|| match &history_file {
                    Some(file) => history::load(file),
                    None => (History::default(), None),
                });
                let library =
                    Library::load_cached_reporting(&paths, at.cache_dir.as_deref(), progress);
                let marks = marks
                    .join()
                    .unwrap_or_else(|_| (Marks::in_memory(), Some("cannot read the marks".into())));
                let history = history.join().unwrap_or_default();
                (library, marks, history)
            });
        // A path that is not there is said, not shown as an empty list.
        let mut notices: Vec<String> = library
            .missing_roots()
            .into_iter()
            .map(|p| {
                let path = crate::text::sanitize::clean_inline(&p.path.to_string_lossy());
                format!("{path}: {}", p.reason)
            })
            .collect();
        notices.extend(message);
        notices.extend(history_message);
        Startup {
            config,
            library,
            marks,
            watcher: None,
            notices,
            cache_dir: at.cache_dir.clone(),
            search_history,
            history_file,
        }
    }
}

/// Follows `library`'s folders and runs the recheck of the files the cache
/// vouched for, both reporting through the watcher's channel; `None` for
/// the samples, or when the system refuses (the reason goes to
/// `notices`).
pub fn start_watching(library: &Library, notices: &mut Vec<String>) -> Option<LibraryWatcher> {
    if library.roots.is_empty() {
        return None;
    }
    match watch_roots(&library.roots, library.recheck()) {
        Ok(watcher) => Some(watcher),
        Err(message) => {
            notices.push(message);
            None
        }
    }
}

/// [`start_watching`] from the library's roots and recheck, so it can run
/// on a thread of its own (the reader does: see `tui::live`).
pub fn watch_roots(roots: &[PathBuf], recheck: Recheck) -> Result<LibraryWatcher, String> {
    let watcher = LibraryWatcher::start(roots)?;
    watch::spawn_recheck(recheck, watcher.sender());
    Ok(watcher)
}

/// At exit: saves the marks. Returns messages to print once the terminal
/// is restored. The metadata cache is not written here: the reader writes
/// it in the background while it runs (see `tui::live`), and quitting never
/// waits for it; changes it had no time to save are found again by the next
/// start's checks.
pub fn finish(marks: &mut Marks) -> Vec<String> {
    finish_saving(marks).0
}

/// [`finish`], also saying whether the marks were saved (the exit status
/// then tells a script).
pub fn finish_saving(marks: &mut Marks) -> (Vec<String>, bool) {
    let mut messages = marks.take_notices();
    let saved = match marks.save() {
        Ok(()) => true,
        Err(e) => {
            messages.push(e.to_string());
            false
        }
    };
    messages.extend(marks.take_notices());
    (messages, saved)
}
