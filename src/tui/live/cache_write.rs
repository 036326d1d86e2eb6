//! The reader's background writes of the metadata cache: when one starts,
//! and how the link scan takes turns with them.

use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::app::App;
use crate::library::Library;

/// The reader's writes of the metadata cache.
pub(super) struct CacheWrites {
    /// The last write started, if any.
    writing: Option<CacheWriting>,
    /// Whether the cache file held the library as loaded (a warm start,
    /// or one after `list`): then no write is urgent.
    held_library: bool,
    /// Whether the last write was started for a link scan held until what
    /// was learnt is written (see [`CacheWrites::links_may_start`]).
    wrote_for_links: bool,
}

/// A background write of the metadata cache.
struct CacheWriting {
    job: JoinHandle<()>,
    started: Instant,
    /// How long it took, once seen finished.
    took: Option<Duration>,
}

/// The least time between two starts of a background cache write: live
/// changes come in bursts, and each write rewrites the whole file.
const CACHE_WRITE_GAP: Duration = Duration::from_secs(10);

/// The least time between two starts of a background cache write, as a
/// multiple of how long the last one took: a first start's link scan
/// hands over what it learns every few thousand articles, and at a
/// million articles each write takes seconds of a core and ~300 MB while
/// it runs; at most about a sixth of the time goes to writing.
const CACHE_WRITE_SHARE: u32 = 6;

impl CacheWrites {
    /// `held_library`: whether the cache file holds the library as loaded.
    pub(super) fn new(held_library: bool) -> Self {
        CacheWrites {
            writing: None,
            held_library,
            wrote_for_links: false,
        }
    }

    /// Whether a write is under way.
    fn is_running(&self) -> bool {
        self.writing.as_ref().is_some_and(|w| !w.job.is_finished())
    }

    /// Starts writing the metadata cache on a thread when the library
    /// differs from it and no write is under way (nor started in the last
    /// [`CACHE_WRITE_GAP`], or, while the link scan runs,
    /// [`CACHE_WRITE_SHARE`] times as long as the last write took). Nothing
    /// waits for the thread: quitting ends it, and the cache file is only
    /// ever replaced whole.
    ///
    /// Once the cache holds the library (this reader wrote it, or it was
    /// loaded from it), a later write (the link targets learnt on a first
    /// start) waits for the search index to be built: the two together
    /// were a first start's peak memory (BENCHMARKS.md "Reader memory,
    /// eighth session", and first13's section), and a restart is warm
    /// without it.
    pub(super) fn write_if_due(&mut self, app: &App) {
        if let Some(writing) = self.writing.as_mut() {
            if !writing.job.is_finished() {
                return;
            }
            let took = *writing
                .took
                .get_or_insert_with(|| writing.started.elapsed());
            // Parts of the link scan still to come: spaced by the share;
            // once the links are found, what is left is written soon.
            let gap = if app.archive_links().is_none() {
                CACHE_WRITE_GAP.max(took * CACHE_WRITE_SHARE)
            } else {
                CACHE_WRITE_GAP
            };
            if writing.started.elapsed() < gap {
                return;
            }
        }
        let library = app.library();
        if (self.held_library || library.cache_written()) && app.index_progress().is_some() {
            return;
        }
        self.start(library);
    }

    /// Whether a link scan held for the session (the search index built)
    /// may start now. What the scan learnt is written first, whatever the
    /// gaps: the scan that finds the links makes the link graph (~120 MB
    /// at a million articles), and a write meanwhile (~250 MB while it
    /// runs) added to it was a first start's peak (BENCHMARKS.md, mem14's
    /// section). One write is waited for, whether it succeeds or not.
    pub(super) fn links_may_start(&mut self, library: &Library) -> bool {
        if self.is_running() {
            return false;
        }
        if std::mem::take(&mut self.wrote_for_links) {
            return true;
        }
        self.wrote_for_links = self.start(library);
        !self.wrote_for_links
    }

    /// Starts writing the cache on a thread if the library differs from
    /// it; whether a write started.
    fn start(&mut self, library: &Library) -> bool {
        let Some(write) = library.cache_write() else {
            return false;
        };
        let spawned = std::thread::Builder::new()
            .name("inkstone-cache".into())
            .spawn(move || {
                // A failed write is not shown in the reader yet (the
                // commands print it: `cli::open::CacheSaving`); the next
                // start is then a cold one.
                let _ = write.run();
            });
        let Ok(job) = spawned else {
            return false;
        };
        self.writing = Some(CacheWriting {
            job,
            started: Instant::now(),
            took: None,
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::{Path, PathBuf};
    use std::time::SystemTime;

    use super::*;
    use crate::library::read_missing_links;

    /// Two articles, one linking to the other, aged so the cache keeps
    /// them; the roots.
    fn archive(root: &Path) -> Vec<PathBuf> {
        fs::create_dir_all(root).unwrap();
        for n in 0..2 {
            fs::write(
                root.join(format!("{n}.md")),
                format!(
                    "---\ntitle: t{n}\nurl: https://news.hk/a/{n}\n---\n\n\
                     [next](https://news.hk/a/{})\n",
                    n + 1
                ),
            )
            .unwrap();
        }
        let old = SystemTime::now() - Duration::from_secs(60);
        for path in [root.join("0.md"), root.join("1.md"), root.to_path_buf()] {
            fs::File::open(path).unwrap().set_modified(old).unwrap();
        }
        vec![root.to_path_buf()]
    }

    #[test]
    fn a_held_link_scan_waits_for_one_write_of_what_was_learnt() {
        let dir = tempfile::tempdir().unwrap();
        let (root, cache) = (dir.path().join("lib"), dir.path().join("cache"));
        let roots = archive(&root);
        // As `list` leaves it: the cache holds the library, no targets.
        Library::load_cached_checked(&roots, Some(&cache));
        let mut library = Library::load_cached(&roots, Some(&cache));
        let mut writes = CacheWrites::new(library.cache_current());
        assert!(
            writes.links_may_start(&library),
            "nothing learnt: the scan starts at once"
        );
        assert!(writes.writing.is_none());

        // The reading scan learnt the targets: written before the scan
        // that finds the links starts.
        let learnt = read_missing_links(&library.articles);
        library.store_links(learnt);
        assert!(!writes.links_may_start(&library), "the write goes first");
        let writing = writes.writing.take().expect("a write started");
        writing.job.join().unwrap();
        assert!(writes.links_may_start(&library), "its write is done");
        assert!(library.cache_written());
        assert!(writes.links_may_start(&library), "nothing left to write");
        assert!(writes.writing.is_none());
    }
}
