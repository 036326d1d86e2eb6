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

mod found;

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use super::{Library, LoadOptions, LoadResult, Progress, read};
use crate::article::Article;
use crate::cache::{self, FileKey, Snapshot, Stamp};
use crate::library::Problem;
use crate::tree::{self, Found, Keys};

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
    files: Vec<(Arc<Path>, FileKey)>,
}

impl Recheck {
    /// The files whose size or time differ from the cache, or that are
    /// gone: give them to [`Library::apply_changes`].
    pub fn run(self) -> Vec<PathBuf> {
        // Each file looked up in its folder, kept open: not every
        // component of its path again (a tenth of `list --search`'s time).
        self.files
            .into_par_iter()
            .map_init(super::Opener::default, |opener, (path, key)| {
                (opener.key_of(&path) != Some(key)).then(|| path.to_path_buf())
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

/// Writing the cache for one version of a library, on any thread: it
/// shares the library's lists instead of copying them. A write cut short
/// (the process ended) leaves the old cache, and the next start does again
/// what it would have saved.
#[derive(Debug)]
pub struct CacheWrite {
    file: PathBuf,
    roots: Vec<PathBuf>,
    dirs: HashMap<PathBuf, Stamp>,
    keys: Arc<Vec<(Arc<Path>, FileKey)>>,
    articles: Arc<Vec<Article>>,
    problems: Vec<Problem>,
    version: u64,
    written: Arc<AtomicU64>,
}

impl CacheWrite {
    /// Writes the cache file (atomically: a new file renamed over the old).
    pub fn run(self) -> io::Result<()> {
        let input = cache::WriteInput {
            roots: &self.roots,
            dirs: &self.dirs,
            keys: &self.keys,
            articles: &self.articles,
            problems: &self.problems,
        };
        cache::write(&self.file, &input)?;
        self.written.fetch_max(self.version, Ordering::AcqRel);
        Ok(())
    }
}

impl Library {
    /// What writing the cache takes, if this library differs from its
    /// cache file (a first load, or changes since); `None` otherwise, or
    /// when the library is not cached.
    pub fn cache_write(&self) -> Option<CacheWrite> {
        let file = self.disk.cache_file.clone().filter(|_| self.disk.stale())?;
        Some(CacheWrite {
            file,
            roots: self.roots.clone(),
            dirs: self.disk.dirs.clone(),
            keys: Arc::clone(&self.disk.keys),
            articles: Arc::clone(&self.articles),
            problems: self.problems.clone(),
            version: self.disk.version,
            written: Arc::clone(&self.disk.written),
        })
    }

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
        let library = match &snapshot {
            None => cold_load(paths, progress),
            Some(snapshot) => {
                found::Found::collect(paths, snapshot).map(|f| f.into_library(paths, progress))
            }
        };
        // `None`: symbolic links or special files, which the loader's own
        // walk gets right; such a library is not cached.
        let Some(mut library) = library else {
            return Library::load_reporting(paths, LoadOptions::default(), progress);
        };
        library.disk.cache_file = Some(cache_file);
        library
    }

    /// The cache [`Library::load_cached`] would read for `paths`, mapped
    /// and checked but not decoded; `None` when it would read none. For
    /// answers straight from the records (see `cache::Snapshot`).
    pub fn cache_snapshot(paths: &[PathBuf], cache_dir: &Path) -> Option<Snapshot> {
        if paths.is_empty() || roots_overlap(paths) {
            return None;
        }
        let cache_file = cache::file_for(cache_dir, &cache::absolute_roots(paths));
        Snapshot::read(&cache_file, paths)
    }

    /// The check of files taken from the cache unseen. The reader runs it
    /// on a thread and sends the result to its update loop; the command
    /// line runs it at once (see [`Library::load_cached_checked`]).
    pub fn recheck(&self) -> Recheck {
        // Files listed at start are checked again too: a few, and harmless.
        let files = if self.disk.unseen {
            self.disk.keys.to_vec()
        } else {
            Vec::new()
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

    /// Writes the cache now if this library differs from it (a first
    /// load, or changes since): for scripts. The reader writes it in the
    /// background instead, with [`Library::cache_write`].
    pub fn save_cache(&mut self) -> io::Result<()> {
        match self.cache_write() {
            Some(write) => write.run(),
            None => Ok(()),
        }
    }
}

/// A first load: one walk, with every file's size and time taken from the
/// file as it is opened, before it is read (no `stat` of its own), so that
/// a file changed meanwhile is parsed again next time rather than cached
/// stale. `None` when the tree holds something the cache steps aside for
/// (see `DirScan::unusual`).
fn cold_load(paths: &[PathBuf], progress: &Progress) -> Option<Library> {
    let found: Vec<Found> = paths.iter().map(|p| tree::find(p, Keys::Skip)).collect();
    if found
        .iter()
        .any(|f| matches!(f, Found::Folder(walk) if !walk.is_plain()))
    {
        return None;
    }
    let mut files: Vec<Arc<Path>> = Vec::new();
    let mut dirs = HashMap::new();
    for (root, found) in paths.iter().zip(&found) {
        match found {
            Found::Folder(walk) => {
                for scan in &walk.scans {
                    dirs.insert(scan.dir.clone(), scan.mtime);
                    files.extend(scan.files.iter().map(|(path, _)| Arc::from(path.as_path())));
                }
            }
            Found::File(_) => files.push(Arc::from(root.as_path())),
            Found::Problem(_) => {}
        }
    }
    let (mut library, found_keys) =
        Library::load_found_keyed(paths, found, LoadOptions::default(), progress, true);
    let mut keys = Vec::with_capacity(files.len());
    for (path, key) in files.into_iter().zip(found_keys) {
        match key {
            Some(key) => keys.push((path, key)),
            // Gone or unreadable before it could be looked at: its folder
            // is listed again next time.
            None => {
                if let Some(stamp) = path.parent().and_then(|dir| dirs.get_mut(dir)) {
                    *stamp = Stamp::UNTRUSTED;
                }
            }
        }
    }
    library.disk = DiskIndex {
        keys: keys.into(),
        dirs,
        version: 1,
        ..DiskIndex::default()
    };
    Some(library)
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

/// Parses files in parallel, each with the archive path inside its root.
pub(super) fn parse_all(
    roots: &[PathBuf],
    files: &[(PathBuf, FileKey)],
    progress: &Progress,
) -> Vec<LoadResult> {
    files
        .par_iter()
        .map_init(read::Reader::default, |reader, (path, _)| {
            let root = root_of(roots, path);
            let result = read::load(
                path.clone(),
                &tree::archive_path(path, root),
                reader,
                LoadOptions::default(),
            );
            progress.read(1);
            result
        })
        .collect()
}

/// The root a path was found under (the file's own path for a file root).
pub(super) fn root_of<'a>(roots: &'a [PathBuf], path: &'a Path) -> &'a Path {
    roots
        .iter()
        .find(|r| path.starts_with(r))
        .map_or(path, PathBuf::as_path)
}
