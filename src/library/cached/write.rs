//! Writing the metadata cache for a loaded library, in the background or
//! at once.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::article::Article;
use crate::cache::{self, FileKey, Stamp};
use crate::library::{Library, Problem};

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
    /// The cache file this writes, to name it when the write fails.
    pub fn file(&self) -> &Path {
        &self.file
    }

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

    /// Whether a [`CacheWrite`] of this library has written its cache
    /// file since the load: a restart then starts warm, whatever the next
    /// write adds (the link targets learnt since, say).
    pub fn cache_written(&self) -> bool {
        self.disk.written.load(Ordering::Acquire) > 0
    }

    /// Whether the cache file holds this library as it is (or the library
    /// is not cached): nothing to write.
    pub fn cache_current(&self) -> bool {
        self.disk.cache_file.is_none() || !self.disk.stale()
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
