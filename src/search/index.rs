//! The search index: the folded searchable text of every article, kept in
//! chunks of [`CHUNK`] articles. Metadata (title, authors, categories, tags)
//! is folded when the index is created; bodies are read, stripped and folded
//! on a background thread pool, chunk by chunk, each chunk published the
//! moment it is done. Queries run over the chunks in parallel.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError};

use rayon::prelude::*;

use self::build::{index_bodies, meta_chunk};
use super::presence::{CharPresence, PresenceBuilder};
use super::scan::{ChunkSet, Term, chunk_matches};
use super::{Matches, Query};
use crate::article::{Article, BodySource};

/// Articles per chunk: small enough to publish progress often and to spread
/// queries over threads, large enough that per-chunk costs vanish.
pub(crate) const CHUNK: usize = 256;

/// Folded text of a run of articles laid end to end. Article `i` is
/// `text[ends[i - 1]..ends[i]]`; each field ends with `'\n'`, which folding
/// never produces and no term contains, so no match spans two fields.
#[derive(Debug, Default)]
pub(crate) struct Arena {
    pub(crate) text: String,
    pub(crate) ends: Vec<u32>,
}

impl Arena {
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Where article `i` starts (`i == len()` gives the end of the text).
    pub(crate) fn start(&self, i: usize) -> usize {
        if i == 0 { 0 } else { self.ends[i - 1] as usize }
    }

    /// Appends one article written by `write` (which may call
    /// [`Arena::end_field`] between fields).
    pub(crate) fn push_article(&mut self, write: impl FnOnce(&mut String)) {
        write(&mut self.text);
        self.text.push('\n');
        // A chunk is far below 4 GiB; saturate rather than wrap if not.
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
    }

    fn bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * size_of::<u32>()
    }

    fn shrink(mut self) -> Self {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        self
    }
}

/// One chunk's folded text and which characters each article holds.
#[derive(Debug, Default)]
pub(crate) struct Chunk {
    pub(crate) arena: Arena,
    pub(crate) presence: CharPresence,
}

struct Shared {
    total: usize,
    meta: Vec<Chunk>,
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
    /// Folds the metadata now (tens of milliseconds for 50,000 articles) and
    /// starts indexing the bodies on a background thread pool. The index
    /// answers queries at once; until a body is indexed, its article is
    /// matched on metadata only and counted in [`Matches::pending`].
    pub fn build_in_background(articles: &[Article]) -> Self {
        let index = Self::metadata_only(articles);
        let sources: Vec<BodySource> = articles.iter().map(|a| a.body.clone()).collect();
        let weak = Arc::downgrade(&index.shared);
        let spawned = std::thread::Builder::new()
            .name("search-index".into())
            .spawn({
                let weak = weak.clone();
                move || index_bodies(&weak, &sources)
            });
        if spawned.is_err() {
            // No thread to be had: index here rather than never.
            let sources: Vec<BodySource> = articles.iter().map(|a| a.body.clone()).collect();
            index_bodies(&weak, &sources);
        }
        index
    }

    /// The index before any body is in (what queries see right after
    /// start-up).
    pub(crate) fn metadata_only(articles: &[Article]) -> Self {
        let meta: Vec<Chunk> = articles
            .par_chunks(CHUNK)
            .map_init(PresenceBuilder::default, |p, a| meta_chunk(a, p))
            .collect();
        let bodies = meta.iter().map(|_| OnceLock::new()).collect();
        let shared = Arc::new(Shared {
            total: articles.len(),
            meta,
            bodies,
            indexed: AtomicUsize::new(0),
            finished: Mutex::new(false),
            finished_signal: Condvar::new(),
        });
        SearchIndex { shared }
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
        for chunk in &self.shared.meta {
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
        let per_chunk: Vec<(Vec<usize>, usize)> = (0..shared.meta.len())
            .into_par_iter()
            .map(|c| {
                let base = c * CHUNK;
                let meta = &shared.meta[c];
                let body = shared.bodies[c].get();
                let pending = if body.is_some() || query.is_empty() {
                    0
                } else {
                    meta.arena.len()
                };
                let within = within.map(|ids| chunk_subset(ids, base, meta.arena.len()));
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

mod build;
#[cfg(test)]
mod tests;
