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

use rayon::prelude::*;

use super::{Library, LoadOptions, LoadResult, read};
use crate::cache::{self, FileKey, Snapshot, Stamp};
use crate::tree::{self, Found, Keys};

/// What the library knows of the files it was loaded from, to update the
/// cache and to apply changes.
#[derive(Debug, Default)]
pub struct DiskIndex {
    /// The key of every file loaded (articles and files that failed).
    pub(super) keys: Vec<(PathBuf, FileKey)>,
    /// Every folder listed or checked, with its time.
    pub(super) dirs: HashMap<PathBuf, Stamp>,
    /// Where the cache lives; `None` when this library is not cached.
    cache_file: Option<PathBuf>,
    /// Whether the cache file differs from this library.
    pub(super) stale: bool,
    /// Whether some files were taken from the cache without a look (then
    /// [`Library::recheck`] has work to do).
    unseen: bool,
}

/// Checks files taken from the cache unseen; see [`Library::recheck`].
#[derive(Debug, Default)]
pub struct Recheck {
    files: Vec<(PathBuf, FileKey)>,
}

impl Recheck {
    /// The files whose size or time differ from the cache, or that are
    /// gone: give them to [`Library::apply_changes`].
    pub fn run(self) -> Vec<PathBuf> {
        self.files
            .into_par_iter()
            .filter(|(path, key)| FileKey::stat(path) != Some(*key))
            .map(|(p, _)| p)
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

impl Library {
    /// Loads `paths` using the cache in `cache_dir` (the samples when no
    /// path is given; no cache when `cache_dir` is `None`). Does not write
    /// the cache: that costs about a third of a cold load, so the caller
    /// does it when nobody waits, with [`Library::save_cache`] (the reader
    /// at exit; scripts through [`Library::load_cached_checked`]). Follow
    /// with [`Library::recheck`].
    pub fn load_cached(paths: &[PathBuf], cache_dir: Option<&Path>) -> Library {
        if paths.is_empty() {
            return Library::samples();
        }
        let Some(cache_dir) = cache_dir else {
            return Library::load(paths);
        };
        if roots_overlap(paths) {
            return Library::load(paths);
        }
        let cache_file = cache::file_for(cache_dir, &cache::absolute_roots(paths));
        // The file is named by the absolute roots, but the paths inside it
        // are spelled as given: a cache written for `/home/me/news` must
        // not be read for `news` (every article would be found twice), so
        // the roots are compared as given.
        let snapshot = Snapshot::read(&cache_file, paths);
        let library = match &snapshot {
            None => cold_load(paths),
            Some(snapshot) => found::Found::collect(paths, snapshot).map(|f| f.into_library(paths)),
        };
        // `None`: symbolic links or special files, which the loader's own
        // walk gets right; such a library is not cached.
        let Some(mut library) = library else {
            return Library::load(paths);
        };
        library.disk.cache_file = Some(cache_file);
        library
    }

    /// The check of files taken from the cache unseen. The reader runs it
    /// on a thread and sends the result to its update loop; the command
    /// line runs it at once (see [`Library::load_cached_checked`]).
    pub fn recheck(&self) -> Recheck {
        // Files listed at start are checked again too: a few, and harmless.
        let files = if self.disk.unseen {
            self.disk.keys.clone()
        } else {
            Vec::new()
        };
        Recheck { files }
    }

    /// [`Library::load_cached`] and its recheck at once: exact, for
    /// scripts, at the cost of a look at every file.
    pub fn load_cached_checked(paths: &[PathBuf], cache_dir: Option<&Path>) -> Library {
        let mut library = Library::load_cached(paths, cache_dir);
        let changed = library.recheck().run();
        library.disk.unseen = false;
        if !changed.is_empty() {
            library.apply_changes(&changed);
        }
        // Only a speed-up: a cache that cannot be written is not an error.
        let _ = library.save_cache();
        library
    }

    /// Writes the cache if this library differs from it (a first load, or
    /// live changes since). The reader calls it at exit, after leaving the
    /// terminal; it may also call it when idle.
    pub fn save_cache(&mut self) -> io::Result<()> {
        let Some(file) = self.disk.cache_file.as_deref().filter(|_| self.disk.stale) else {
            return Ok(());
        };
        let input = cache::WriteInput {
            roots: &self.roots,
            dirs: &self.disk.dirs,
            keys: &self.disk.keys,
            articles: &self.articles,
            problems: &self.problems,
        };
        cache::write(file, &input)?;
        self.disk.stale = false;
        Ok(())
    }
}

/// A first load: one walk, with every file's size and time taken before
/// it is parsed, so that a file changed meanwhile is parsed again next time
/// rather than cached stale. `None` when the tree holds something the cache
/// steps aside for (see `DirScan::unusual`).
fn cold_load(paths: &[PathBuf]) -> Option<Library> {
    let found: Vec<Found> = paths.iter().map(|p| tree::find(p, Keys::Read)).collect();
    if found
        .iter()
        .any(|f| matches!(f, Found::Folder(walk) if !walk.is_plain()))
    {
        return None;
    }
    let mut keys = Vec::new();
    let mut dirs = HashMap::new();
    for (root, found) in paths.iter().zip(&found) {
        match found {
            Found::Folder(walk) => {
                for scan in &walk.scans {
                    dirs.insert(scan.dir.clone(), scan.mtime);
                    keys.extend(scan.files.iter().cloned());
                }
            }
            Found::File(key) => keys.push((root.clone(), *key)),
            Found::Problem(_) => {}
        }
    }
    let mut library = Library::load_found(paths, found, LoadOptions::default());
    library.disk = DiskIndex {
        keys,
        dirs,
        cache_file: None,
        stale: true,
        unseen: false,
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
pub(super) fn parse_all(roots: &[PathBuf], files: &[(PathBuf, FileKey)]) -> Vec<LoadResult> {
    files
        .par_iter()
        .map_init(read::Reader::default, |reader, (path, _)| {
            let root = root_of(roots, path);
            read::load(
                path.clone(),
                &tree::archive_path(path, root),
                reader,
                LoadOptions::default(),
            )
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
