//! Live updates: follows the library folders while the reader runs and
//! hands over batches of changed paths for [`Library::apply_changes`].
//!
//! The operating system's events (through `notify`) are gathered until the
//! folders have been quiet for [`QUIET`] (at most [`MAX_DELAY`] after the
//! first), so a `git pull` of many files arrives as one batch well within a
//! second. The reader polls [`LibraryWatcher::try_recv`] on every tick of
//! its event loop; the tick must be shorter than a second.
//!
//! [`Library::apply_changes`]: crate::library::Library::apply_changes

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use notify::{Config, EventKind, EventKindMask, RecommendedWatcher, RecursiveMode, Watcher};

use crate::library::Recheck;
use crate::tree;

/// How long the folders must be quiet before a batch is sent.
pub const QUIET: Duration = Duration::from_millis(150);
/// The longest a change waits while events keep coming.
pub const MAX_DELAY: Duration = Duration::from_millis(500);

/// What the reader is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryEvent {
    /// Files or folders that were added, changed or removed: give them to
    /// `Library::apply_changes`.
    Changed(Vec<PathBuf>),
    /// Events were lost (the system's queue overflowed): reload the
    /// library (`Library::load_cached` is quick).
    Rescan,
    /// Live updates failed or stopped; show it, the reader still works.
    Error(String),
}

/// Watches library roots for as long as it lives.
pub struct LibraryWatcher {
    _watcher: RecommendedWatcher,
    events: Receiver<LibraryEvent>,
    sender: Sender<LibraryEvent>,
}

impl LibraryWatcher {
    /// Starts watching `roots` (folders recursively, files on their own).
    /// Roots that do not exist are skipped. Fails when the system refuses
    /// to watch (no inotify, too many watches): say so and go on without.
    pub fn start(roots: &[PathBuf]) -> Result<LibraryWatcher, String> {
        let (raw_tx, raw_rx) = mpsc::channel::<notify::Result<notify::Event>>();
        // Only changes, not accesses: with opens watched, the reader's own
        // reading of every body (the search index's first build) floods
        // the kernel's queue (16,384 events by default), which overflows
        // into a `Rescan`, a reload, and a new build that floods it again.
        let config = Config::default().with_event_kinds(EventKindMask::CORE);
        let mut watcher = RecommendedWatcher::new(
            move |event| {
                let _ = raw_tx.send(event);
            },
            config,
        )
        .map_err(|e| format!("live updates unavailable: {e}"))?;
        for root in roots.iter().filter(|r| r.exists()) {
            // A single file is watched through its folder: editors and
            // `git` replace files by renaming, which a watch on the file
            // itself would not survive.
            let (target, mode) = if root.is_dir() {
                (root.as_path(), RecursiveMode::Recursive)
            } else {
                let dir = root
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                (dir, RecursiveMode::NonRecursive)
            };
            watcher
                .watch(target, mode)
                .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
        }
        let (tx, events) = mpsc::channel();
        let sender = tx.clone();
        let roots = Roots::new(roots);
        thread::Builder::new()
            .name("inkstone-watch".into())
            .spawn(move || gather(&raw_rx, &tx, &roots))
            .map_err(|e| format!("live updates unavailable: {e}"))?;
        Ok(LibraryWatcher {
            _watcher: watcher,
            events,
            sender,
        })
    }

    /// The next batch, if one is ready; never blocks.
    pub fn try_recv(&self) -> Option<LibraryEvent> {
        self.events.try_recv().ok()
    }

    /// Waits up to `timeout` for the next batch (for tests and tools).
    pub fn recv_timeout(&self, timeout: Duration) -> Option<LibraryEvent> {
        self.events.recv_timeout(timeout).ok()
    }

    /// A sender into the same stream, so that other sources of changes
    /// (the cache recheck) reach the reader the same way.
    pub fn sender(&self) -> Sender<LibraryEvent> {
        self.sender.clone()
    }
}

/// Runs the cache recheck on a thread and sends what it finds (if
/// anything) as one `Changed` batch.
pub fn spawn_recheck(recheck: Recheck, to: Sender<LibraryEvent>) {
    if recheck.is_empty() {
        return;
    }
    let _ = thread::Builder::new()
        .name("inkstone-recheck".into())
        .spawn(move || {
            let changed = recheck.run();
            if !changed.is_empty() {
                let _ = to.send(LibraryEvent::Changed(changed));
            }
        });
}

/// Gathers raw events into batches until the watcher is dropped.
fn gather(
    raw: &Receiver<notify::Result<notify::Event>>,
    out: &Sender<LibraryEvent>,
    roots: &Roots,
) {
    while let Ok(first) = raw.recv() {
        let started = Instant::now();
        let mut batch = Batch::default();
        batch.add(first, roots);
        loop {
            let left = MAX_DELAY.saturating_sub(started.elapsed());
            match raw.recv_timeout(QUIET.min(left)) {
                Ok(event) if !left.is_zero() => batch.add(event, roots),
                Ok(event) => {
                    batch.add(event, roots);
                    break;
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        for event in batch.into_events() {
            if out.send(event).is_err() {
                return;
            }
        }
    }
}

#[derive(Default)]
struct Batch {
    paths: BTreeSet<PathBuf>,
    rescan: bool,
    errors: Vec<String>,
}

impl Batch {
    fn add(&mut self, event: notify::Result<notify::Event>, roots: &Roots) {
        match event {
            Err(e) => self.errors.push(format!("live updates: {e}")),
            Ok(event) if event.need_rescan() => self.rescan = true,
            Ok(event) if matches!(event.kind, EventKind::Access(_)) => {}
            Ok(event) => self
                .paths
                .extend(event.paths.iter().filter_map(|p| roots.relevant(p))),
        }
    }

    fn into_events(self) -> Vec<LibraryEvent> {
        let mut events: Vec<LibraryEvent> =
            self.errors.into_iter().map(LibraryEvent::Error).collect();
        if self.rescan {
            events.push(LibraryEvent::Rescan);
        } else if !self.paths.is_empty() {
            events.push(LibraryEvent::Changed(self.paths.into_iter().collect()));
        }
        events
    }
}

/// The roots as the library knows them and as the system reports them
/// (absolute: a relative root is reported under the working folder).
struct Roots(Vec<(PathBuf, PathBuf)>);

impl Roots {
    fn new(roots: &[PathBuf]) -> Roots {
        let cwd = std::env::current_dir().unwrap_or_default();
        Roots(roots.iter().map(|r| (r.clone(), cwd.join(r))).collect())
    }

    /// The path as the library names it, if it may matter: inside a root,
    /// not hidden (`.git` churns on every pull), and not an existing
    /// non-article file. A path that is gone may have been a folder of
    /// articles, so it is kept.
    fn relevant(&self, path: &Path) -> Option<PathBuf> {
        let (root, rel) = self
            .0
            .iter()
            .find_map(|(root, abs)| Some((root, path.strip_prefix(abs).ok()?)))?;
        if tree::has_hidden_part(rel) {
            return None;
        }
        let wanted = tree::is_article_file(path) || path.is_dir() || !path.exists();
        wanted.then(|| {
            if rel.as_os_str().is_empty() {
                root.clone()
            } else {
                root.join(rel)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_articles_folders_and_vanished_paths_only() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("a.md"), "x").unwrap();
        std::fs::write(root.join("notes.txt"), "x").unwrap();
        let roots = Roots::new(std::slice::from_ref(&root));
        assert_eq!(roots.relevant(&root.join("a.md")), Some(root.join("a.md")));
        assert!(roots.relevant(&root.join("sub")).is_some());
        assert!(roots.relevant(&root.join("gone-folder")).is_some());
        assert!(roots.relevant(&root.join("notes.txt")).is_none());
        assert!(roots.relevant(&root.join(".git/index")).is_none());
        assert!(roots.relevant(&root.join(".git")).is_none());
        assert!(roots.relevant(Path::new("/elsewhere/a.md")).is_none());
    }

    #[test]
    fn relative_roots_get_their_events_back_in_their_own_form() {
        let roots = Roots::new(&[PathBuf::from("archive")]);
        let reported = std::env::current_dir().unwrap().join("archive/x.md");
        assert_eq!(
            roots.relevant(&reported),
            Some(PathBuf::from("archive/x.md"))
        );
    }

    #[test]
    fn batches_dedupe_and_overflow_means_rescan() {
        let roots = Roots::new(&[PathBuf::from("/lib")]);
        let event = |p: &str| Ok(notify::Event::new(EventKind::Any).add_path(PathBuf::from(p)));
        let mut batch = Batch::default();
        batch.add(event("/lib/gone.md"), &roots);
        batch.add(event("/lib/gone.md"), &roots);
        assert_eq!(
            batch.into_events(),
            [LibraryEvent::Changed(vec![PathBuf::from("/lib/gone.md")])]
        );
        let mut batch = Batch::default();
        batch.add(event("/lib/gone.md"), &roots);
        batch.add(
            Ok(notify::Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan)),
            &roots,
        );
        assert_eq!(batch.into_events(), [LibraryEvent::Rescan]);
    }
}
