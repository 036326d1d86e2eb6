//! The search index: the folded searchable text of every article, kept in
//! chunks of [`CHUNK`] articles. Metadata (title, authors, categories, tags)
//! is folded when the index is created; bodies are read, stripped and folded
//! on a background thread pool, chunk by chunk, each chunk published the
//! moment it is done. Queries run over the chunks in parallel.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError};

use rayon::prelude::*;

pub(crate) use self::arena::{Arena, Chunk};
#[cfg(test)]
use self::build::meta_chunk;
use self::build::{Unbuilt, build_all};
use super::scan::{ChunkSet, Term, chunk_matches};
use super::{Matches, Query};
use crate::article::Article;

/// Articles per chunk: small enough to publish progress often and to spread
/// queries over threads, large enough that per-chunk costs vanish.
pub(crate) const CHUNK: usize = 256;

struct Shared {
    total: usize,
    meta: Vec<OnceLock<Chunk>>,
    bodies: Vec<OnceLock<Chunk>>,
    /// Articles whose bodies are in `bodies`.
    indexed: AtomicUsize,
    finished: Mutex<bool>,
    finished_signal: Condvar,
}

/// Bytes held by the index (text and article offsets; character presence).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexMemory {
    pub metadata_text: usize,
    pub body_text: usize,
    pub char_presence: usize,
}

impl IndexMemory {
    pub fn total(&self) -> usize {
        self.metadata_text + self.body_text + self.char_presence
    }
}

/// How far the background build has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Articles whose bodies are searchable.
    pub indexed: usize,
    pub total: usize,
}

impl Progress {
    pub fn is_complete(&self) -> bool {
        self.indexed >= self.total
    }
}

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
    /// (copying the metadata takes a few milliseconds for 50,000 articles).
    /// Metadata is folded first (tens of milliseconds), then bodies. The
    /// index answers queries at once: an article whose body is not indexed
    /// yet matches on metadata only (nothing before that) and is counted in
    /// [`Matches::pending`].
    pub fn build_in_background(articles: &[Article]) -> Self {
        let (index, work) = Self::unbuilt(articles);
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
            build_all(&weak, Unbuilt::of(articles));
        }
        index
    }

    /// The index with nothing folded yet, and the work of building it.
    fn unbuilt(articles: &[Article]) -> (Self, Unbuilt) {
        let work = Unbuilt::of(articles);
        let shared = Arc::new(Shared {
            total: articles.len(),
            meta: work.raw_meta.iter().map(|_| OnceLock::new()).collect(),
            bodies: work.raw_meta.iter().map(|_| OnceLock::new()).collect(),
            indexed: AtomicUsize::new(0),
            finished: Mutex::new(false),
            finished_signal: Condvar::new(),
        });
        (SearchIndex { shared }, work)
    }

    /// The index with metadata folded and no body in (what queries see
    /// shortly after start-up).
    #[cfg(test)]
    pub(crate) fn metadata_only(articles: &[Article]) -> Self {
        let (index, work) = Self::unbuilt(articles);
        for (slot, raw) in index.shared.meta.iter().zip(&work.raw_meta) {
            let _ = slot.set(meta_chunk(raw));
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

    pub fn progress(&self) -> Progress {
        Progress {
            indexed: self
                .shared
                .indexed
                .load(Ordering::Relaxed)
                .min(self.shared.total),
            total: self.shared.total,
        }
    }

    /// Whether every article's metadata is searchable (shortly after start).
    pub fn metadata_ready(&self) -> bool {
        self.shared.meta.iter().all(|chunk| chunk.get().is_some())
    }

    /// Number of articles indexed (searchable or pending).
    pub fn len(&self) -> usize {
        self.shared.total
    }

    pub fn is_empty(&self) -> bool {
        self.shared.total == 0
    }

    /// Memory held by the index, by part.
    pub fn memory(&self) -> IndexMemory {
        let mut memory = IndexMemory::default();
        for chunk in self.shared.meta.iter().filter_map(OnceLock::get) {
            memory.metadata_text += chunk.arena.bytes();
            memory.char_presence += chunk.presence.bytes();
        }
        for chunk in self.shared.bodies.iter().filter_map(OnceLock::get) {
            memory.body_text += chunk.arena.bytes();
            memory.char_presence += chunk.presence.bytes();
        }
        memory
    }

    /// Every article containing all the query's terms, in index order. An
    /// empty query matches every article.
    pub fn matches(&self, query: &Query) -> Matches {
        let terms: Vec<Term<'_>> = query.terms().iter().map(|t| Term::new(t, false)).collect();
        self.run(query, &terms, None)
    }

    /// Like [`SearchIndex::matches`], but when `query` narrows the query of
    /// `previous` (see [`Query::narrows`]) only `previous`'s articles are
    /// looked at, and terms already in it are not checked again.
    pub fn matches_within(&self, query: &Query, previous: &Matches) -> Matches {
        if previous.pending() > 0 || !query.narrows(previous.query()) {
            return self.matches(query);
        }
        let known = |t: &String| previous.query().terms().contains(t);
        let terms: Vec<Term<'_>> = query
            .terms()
            .iter()
            .map(|t| Term::new(t, known(t)))
            .collect();
        self.run(query, &terms, Some(previous.indices()))
    }

    fn run(&self, query: &Query, terms: &[Term<'_>], within: Option<&[usize]>) -> Matches {
        let shared = &*self.shared;
        if query.is_empty() {
            return Matches::new(query.clone(), (0..shared.total).collect(), 0);
        }
        let per_chunk: Vec<(Vec<usize>, usize)> = (0..shared.meta.len())
            .into_par_iter()
            .map(|c| {
                let base = c * CHUNK;
                let len = CHUNK.min(shared.total - base);
                let body = shared.bodies[c].get();
                let pending = if body.is_some() { 0 } else { len };
                let Some(meta) = shared.meta[c].get() else {
                    return (Vec::new(), pending);
                };
                let within = within.map(|ids| chunk_subset(ids, base, len));
                if within.is_some_and(|set| set.is_empty()) {
                    return (Vec::new(), pending);
                }
                let set = chunk_matches(meta, body, terms, within);
                (set.iter().map(|i| base + i).collect(), pending)
            })
            .collect();
        let pending = per_chunk.iter().map(|(_, p)| p).sum();
        let indices = per_chunk.into_iter().flat_map(|(ids, _)| ids).collect();
        Matches::new(query.clone(), indices, pending)
    }
}

/// The members of sorted `ids` that fall in the chunk starting at `base`.
fn chunk_subset(ids: &[usize], base: usize, len: usize) -> ChunkSet {
    let from = ids.partition_point(|&i| i < base);
    let to = ids.partition_point(|&i| i < base + len);
    let mut set = ChunkSet::default();
    for &i in &ids[from..to] {
        set.insert(i - base);
    }
    set
}

mod arena;
mod build;
#[cfg(test)]
mod tests;
