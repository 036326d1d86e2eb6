//! Loading through the metadata cache (see `crate::cache`).
//!
//! A warm start reads the cache and checks only the folders' times: a
//! folder whose time is unchanged has the same files as before (adding,
//! removing or renaming an entry changes it), so only changed folders are
//! listed again and only new or changed files parsed. A file edited in
//! place keeps its folder's time; [`Library::recheck`] finds those by
//! checking every file's size and time, which takes longer than the start
//! itself on a large archive, so the reader runs it in the background and
//! applies what it finds like any live change.

mod cold;
mod found;
mod linked;
mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use super::{Library, LoadOptions, Progress};
use crate::cache::{self, FileKey, Snapshot, Stamp};
use cold::cold_load;

pub(super) use cold::{parse_all, root_of};
pub use write::CacheWrite;

/// What the library knows of the files it was loaded from, to update the
/// cache and to apply changes.
#[derive(Debug, Default)]
pub struct DiskIndex {
    /// The key of every file loaded (articles and files that failed).
    pub(super) keys: Arc<Vec<(Arc<Path>, FileKey)>>,
    /// Every folder listed or checked, with its time.
    pub(super) dirs: HashMap<PathBuf, Stamp>,
    /// Where the cache lives; `None` when this library is not cached.
    cache_file: Option<PathBuf>,
    /// Counts the changes since the load (0: the library is as the cache
    /// file says).
    version: u64,
    /// The version the cache file holds, set by a [`CacheWrite`] when it
    /// has written it (on its own thread).
    written: Arc<AtomicU64>,
    /// Whether some files were taken from the cache without a look (then
    /// [`Library::recheck`] has work to do).
    unseen: bool,
}

/// Checks files taken from the cache unseen; see [`Library::recheck`].
#[derive(Debug, Default)]
pub struct Recheck {
    /// The library's own list, shared rather than copied (40 bytes a file:
    /// 40 MB at a million, held while the check runs beside the start's
    /// other work).
    files: Arc<Vec<(Arc<Path>, FileKey)>>,
}

impl Recheck {
    /// The files whose size or time differ from the cache, or that are
    /// gone: give them to [`Library::apply_changes`].
    pub fn run(self) -> Vec<PathBuf> {
        self.run_except(&|_, _| false)
    }

    /// [`Recheck::run`], taking as they are the files `seen(path, key)`
    /// says were just looked at with the size and time `key` the library
    /// holds (`list --search` opens most files to read their bodies, and
    /// the open takes their keys: a second look cost a tenth of its time).
    pub fn run_except(self, seen: &(dyn Fn(&Arc<Path>, FileKey) -> bool + Sync)) -> Vec<PathBuf> {
        // Each file looked up in its folder, kept open for this pass: not
        // every component of its path again (a tenth of `list --search`'s
        // time).
        self.files
            .par_iter()
            .map_init(super::Opener::for_one_pass, |opener, (path, key)| {
                (!seen(path, *key) && opener.key_of(path) != Some(*key)).then(|| path.to_path_buf())
            })
            .flatten()
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

impl DiskIndex {
    /// The size and time of every file loaded, as last looked at (by the
    /// load, its recheck or a live change).
    pub fn file_keys(&self) -> &[(Arc<Path>, FileKey)] {
        &self.keys
    }

    /// Records that the library no longer matches the cache file.
    pub(super) fn changed(&mut self) {
        self.version += 1;
    }

    /// Whether the cache file differs from this library.
    fn stale(&self) -> bool {
        self.written.load(Ordering::Acquire) < self.version
    }
}

impl Library {
    /// Loads `paths` using the cache in `cache_dir` (the samples when no
    /// path is given; no cache when `cache_dir` is `None`). Does not write
    /// the cache: that costs about a third of a cold load, so the caller
    /// does it when nobody waits, with [`Library::cache_write`] (the reader
    /// in the background after its first frame; scripts through
    /// [`Library::load_cached_checked`]). Follow with [`Library::recheck`].
    pub fn load_cached(paths: &[PathBuf], cache_dir: Option<&Path>) -> Library {
        Self::load_cached_reporting(paths, cache_dir, &Progress::new())
    }

    /// [`Library::load_cached`], counting files in `progress`.
    pub fn load_cached_reporting(
        paths: &[PathBuf],
        cache_dir: Option<&Path>,
        progress: &Progress,
    ) -> Library {
        if paths.is_empty() {
            return Library::samples();
        }
        let Some(cache_dir) = cache_dir else {
            return Library::load_reporting(paths, LoadOptions::default(), progress);
        };
        if roots_overlap(paths) {
            return Library::load_reporting(paths, LoadOptions::default(), progress);
        }
        let cache_file = cache::file_for(cache_dir, &cache::absolute_roots(paths));
        // The file is named by the absolute roots, but the paths inside it
        // are spelled as given: a cache written for `/home/me/news` must
        // not be read for `news` (every article would be found twice), so
        // the roots are compared as given.
        let snapshot = Snapshot::read(&cache_file, paths);
        let mut library = match &snapshot {
            None => cold_load(paths, progress),
            Some(snapshot) => found::Found::collect(paths, snapshot).into_library(paths, progress),
        };
        library.disk.cache_file = Some(cache_file);
        library
    }

    /// The cache [`Library::load_cached`] would read for `paths`, mapped,
    /// not decoded, and checked only in the parts read (see
    /// `Snapshot::read_for_records`); `None` when it would read none. For
    /// answers straight from the records (see `cache::Snapshot`).
    pub fn cache_snapshot(paths: &[PathBuf], cache_dir: &Path) -> Option<Snapshot> {
        if paths.is_empty() || roots_overlap(paths) {
            return None;
        }
        let cache_file = cache::file_for(cache_dir, &cache::absolute_roots(paths));
        Snapshot::read_for_records(&cache_file, paths)
    }

    /// The check of files taken from the cache unseen. The reader runs it
    /// on a thread and sends the result to its update loop; the command
    /// line runs it at once (see [`Library::load_cached_checked`]).
    pub fn recheck(&self) -> Recheck {
        // Files listed at start are checked again too: a few, and harmless.
        let files = if self.disk.unseen {
            Arc::clone(&self.disk.keys)
        } else {
            Arc::default()
        };
        Recheck { files }
    }

    /// [`Library::load_cached`] and its recheck at once: exact, for
    /// scripts, at the cost of a look at every file.
    pub fn load_cached_checked(paths: &[PathBuf], cache_dir: Option<&Path>) -> Library {
        Self::load_cached_checked_reporting(paths, cache_dir, &Progress::new())
    }

    /// [`Library::load_cached_checked`], counting files in `progress`.
    pub fn load_cached_checked_reporting(
        paths: &[PathBuf],
        cache_dir: Option<&Path>,
        progress: &Progress,
    ) -> Library {
        let mut library = Library::load_cached_exact_reporting(paths, cache_dir, progress);
        // Only a speed-up: a cache that cannot be written is not an error.
        let _ = library.save_cache();
        library
    }

    /// [`Library::load_cached_checked_reporting`] without writing the
    /// cache: the caller writes it with [`Library::cache_write`], e.g. on
    /// another thread while it prints.
    pub fn load_cached_exact_reporting(
        paths: &[PathBuf],
        cache_dir: Option<&Path>,
        progress: &Progress,
    ) -> Library {
        let mut library = Library::load_cached_reporting(paths, cache_dir, progress);
        let changed = library.recheck().run();
        library.disk.unseen = false;
        if !changed.is_empty() {
            library.apply_changes(&changed);
        }
        library
    }
}

/// Whether two roots are the same folder or one holds the other: then one
/// file has two archive paths, which the loader settles.
fn roots_overlap(paths: &[PathBuf]) -> bool {
    let real: Vec<PathBuf> = paths
        .iter()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
        .collect();
    real.iter().enumerate().any(|(i, a)| {
        real.iter()
            .skip(i + 1)
            .any(|b| a.starts_with(b) || b.starts_with(a))
    })
}
