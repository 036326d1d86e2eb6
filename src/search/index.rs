//! The search index: article metadata (title, authors, categories, tags)
//! folded in memory, chunk by chunk, with the characters each article
//! holds; bodies in the stored index (see [`super::stored`]), opened from
//! the cache folder when one is there and rebuilt in the background for
//! the bodies it lacks. Queries run over both.

use std::path::Path;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError, RwLock};

pub(crate) use self::arena::{Arena, Chunk};
use self::build::{Unbuilt, build_all};
#[cfg(test)]
use self::build::{meta_chunk, raw_metadata};
pub use self::status::{IndexMemory, Progress};
pub use self::view::IndexView;
use super::stored::StoredIndex;
use super::{Matches, Query};
use crate::article::Article;

/// Articles per chunk: small enough to publish progress often and to spread
/// queries over threads, large enough that per-chunk costs vanish.
pub(crate) const CHUNK: usize = 256;

struct Shared {
    total: usize,
    meta: Vec<OnceLock<Chunk>>,
    /// The stored bodies in use, once opened or built.
    bodies: RwLock<Option<Arc<Bodies>>>,
    /// Articles whose bodies are searchable, or read for the next build.
    indexed: AtomicUsize,
    finished: Mutex<bool>,
    finished_signal: Condvar,
    /// Why the bodies are not searchable as they should be (the stored
    /// index could not be saved), for the reader to say.
    problem: Mutex<Option<Arc<str>>>,
}

/// A stored index and which articles' bodies it holds.
#[derive(Debug)]
pub(crate) struct Bodies {
    pub(crate) stored: Arc<StoredIndex>,
    /// Per article, its document, or `NONE`.
    pub(crate) article_doc: Vec<u32>,
    /// Per document, its article, or `NONE` (a body since changed or gone).
    pub(crate) doc_article: Vec<u32>,
    pub(crate) covered: usize,
}

pub(crate) const NONE: u32 = u32::MAX;

/// A handle on the index of one library's articles (article `i` here is
/// `library.articles[i]`). Cheap to clone; the build stops early if every
/// handle is dropped.
#[derive(Clone)]
pub struct SearchIndex {
    shared: Arc<Shared>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("progress", &self.progress())
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Starts indexing on a background thread pool and returns at once
    /// (the articles are copied: see [`SearchIndex::open_or_build_shared`]
    /// for a reader that holds them shared). Metadata is folded first (tens of milliseconds), then bodies. The
    /// index answers queries at once: an article whose body is not indexed
    /// yet matches on metadata only (nothing before that) and is counted in
    /// [`Matches::pending`].
    pub fn build_in_background(articles: &[Article]) -> Self {
        Self::open_or_build(articles, None)
    }

    /// Like [`SearchIndex::build_in_background`], with the bodies stored in
    /// the file `store` (when given): opened from there, the bodies it holds
    /// are searchable as soon as it is read; those it lacks (new or changed
    /// files) are read and the file is written again, atomically, in the
    /// background. Without a file the stored index is kept in memory.
    pub fn open_or_build(articles: &[Article], store: Option<&Path>) -> Self {
        Self::open_or_build_shared(&Arc::new(articles.to_vec()), store)
    }

    /// [`SearchIndex::open_or_build`] over articles held shared: the build
    /// reads each chunk's metadata and bodies from them as it comes to it
    /// (a copy of every article's metadata and body source made up front
    /// was ~180 MB at a million articles).
    pub fn open_or_build_shared(articles: &Arc<Vec<Article>>, store: Option<&Path>) -> Self {
        let (index, mut work) = Self::unbuilt(articles);
        work.store = store.map(Path::to_path_buf);
        let weak = Arc::downgrade(&index.shared);
        let spawned = std::thread::Builder::new()
            .name("search-index".into())
            .spawn({
                let weak = weak.clone();
                move || build_all(&weak, work)
            });
        if spawned.is_err() {
            // No thread to be had (the work went with the closure): index
            // here rather than never.
            let mut work = Unbuilt::of(Arc::clone(articles));
            work.store = store.map(Path::to_path_buf);
            build_all(&weak, work);
        }
        index
    }

    /// The index with nothing folded yet, and the work of building it.
    fn unbuilt(articles: &Arc<Vec<Article>>) -> (Self, Unbuilt) {
        let work = Unbuilt::of(Arc::clone(articles));
        let shared = Arc::new(Shared {
            total: articles.len(),
            meta: articles.chunks(CHUNK).map(|_| OnceLock::new()).collect(),
            bodies: RwLock::new(None),
            indexed: AtomicUsize::new(0),
            finished: Mutex::new(false),
            finished_signal: Condvar::new(),
            problem: Mutex::new(None),
        });
        (SearchIndex { shared }, work)
    }

    /// The index with metadata folded and no body in (what queries see
    /// shortly after start-up).
    #[cfg(test)]
    pub(crate) fn metadata_only(articles: &[Article]) -> Self {
        let (index, _) = Self::unbuilt(&Arc::new(articles.to_vec()));
        for (slot, chunk) in index.shared.meta.iter().zip(articles.chunks(CHUNK)) {
            let _ = slot.set(meta_chunk(&raw_metadata(chunk)));
        }
        index
    }

    /// Builds the whole index before returning (for `list --search`).
    pub fn build(articles: &[Article]) -> Self {
        let index = Self::build_in_background(articles);
        index.wait();
        index
    }

    /// Blocks until every body is indexed.
    pub fn wait(&self) {
        let mut finished = self
            .shared
            .finished
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        while !*finished {
            finished = self
                .shared
                .finished_signal
                .wait(finished)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Blocks until every article's metadata is searchable (or the build
    /// is over), and returns the index as it is then.
    pub fn wait_metadata(&self) -> IndexView {
        let mut finished = self
            .shared
            .finished
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        while !*finished && !self.metadata_ready() {
            finished = self
                .shared
                .finished_signal
                .wait(finished)
                .unwrap_or_else(PoisonError::into_inner);
        }
        drop(finished);
        self.view().unwrap_or_else(|| self.as_it_is())
    }

    /// Every article containing all the query's terms, in index order. An
    /// empty query matches every article.
    pub fn matches(&self, query: &Query) -> Matches {
        self.as_it_is().matches(query)
    }

    /// Like [`SearchIndex::matches`], but when `query` narrows the query of
    /// `previous` (see [`Query::narrows`]) only `previous`'s articles are
    /// looked at, and terms already in it are not checked again.
    pub fn matches_within(&self, query: &Query, previous: &Matches) -> Matches {
        self.as_it_is().matches_within(query, previous)
    }

    /// The index as it is now, once its metadata is folded (or the build
    /// is over): `None` before. See [`IndexView`].
    pub fn view(&self) -> Option<IndexView> {
        let progress = self.progress();
        (self.metadata_ready() || self.is_finished()).then(|| IndexView {
            progress,
            problem: self.problem(),
            ..self.as_it_is()
        })
    }

    /// A view of the bodies in use right now, metadata as far as folded.
    pub(crate) fn as_it_is(&self) -> IndexView {
        IndexView {
            index: self.clone(),
            bodies: self.bodies(),
            progress: Progress {
                indexed: 0,
                total: self.shared.total,
            },
            problem: None,
        }
    }

    /// Makes every body searchable before returning (tests that need an
    /// index to grow under a view taken before).
    #[cfg(test)]
    pub(crate) fn index_bodies_now(&self, articles: &[Article]) {
        bodies::index_bodies(&Arc::downgrade(&self.shared), articles, None);
    }

    /// The stored bodies in use, if any yet.
    pub(crate) fn bodies(&self) -> Option<Arc<Bodies>> {
        self.shared
            .bodies
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

mod arena;
pub(super) mod bodies;
pub(super) mod build;
mod run;
mod status;
#[cfg(test)]
mod tests;
mod view;
