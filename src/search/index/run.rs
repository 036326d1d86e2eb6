//! Running a query over the index: the metadata chunk by chunk on all
//! cores, then the stored bodies' lists for the articles still in doubt.

use std::sync::Arc;

use rayon::prelude::*;

use super::{Bodies, CHUNK, NONE, SearchIndex};
use crate::search::scan::{ChunkSet, Term, chunk_matches};
use crate::search::{Matches, Query};

impl SearchIndex {
    pub(super) fn run(
        &self,
        bodies: Option<&Arc<Bodies>>,
        query: &Query,
        terms: &[Term<'_>],
        within: Option<&[usize]>,
    ) -> Matches {
        let shared = &*self.shared;
        if query.is_empty() {
            return Matches::new(query.clone(), (0..shared.total).collect(), 0);
        }
        let pending = shared.total - bodies.as_ref().map_or(0, |b| b.covered);
        let mut candidates = within.map(|ids| ArticleSet::of(ids, shared.total));
        for term in terms.iter().filter(|t| !t.known()) {
            let mut found = self.in_metadata(term, candidates.as_ref());
            if let Some(bodies) = bodies {
                let docs = candidates.as_ref().map(|set| {
                    let mut docs: Vec<u32> = set
                        .iter()
                        .filter(|&a| !found.contains(a))
                        .map(|a| bodies.article_doc[a])
                        .filter(|&d| d != NONE)
                        .collect();
                    docs.sort_unstable();
                    docs
                });
                for doc in bodies.stored.containing(term.text(), docs.as_deref()) {
                    if let Some(&article) = bodies.doc_article.get(doc as usize) {
                        if article != NONE {
                            found.insert(article as usize);
                        }
                    }
                }
            }
            candidates = Some(found);
        }
        let indices = match candidates {
            Some(set) => set.iter().collect(),
            None => within.map_or_else(|| (0..shared.total).collect(), <[usize]>::to_vec),
        };
        Matches::new(query.clone(), indices, pending)
    }

    /// The articles of `candidates` (any, if `None`) holding `term` in
    /// their metadata.
    fn in_metadata(&self, term: &Term<'_>, candidates: Option<&ArticleSet>) -> ArticleSet {
        let shared = &*self.shared;
        let per_chunk: Vec<Vec<usize>> = (0..shared.meta.len())
            .into_par_iter()
            .map(|c| {
                let base = c * CHUNK;
                let len = CHUNK.min(shared.total - base);
                let Some(meta) = shared.meta[c].get() else {
                    return Vec::new();
                };
                let within = candidates.map(|set| set.chunk(base, len));
                if within.is_some_and(|set| set.is_empty()) {
                    return Vec::new();
                }
                let set = chunk_matches(meta, None, std::slice::from_ref(term), within);
                set.iter().map(|i| base + i).collect()
            })
            .collect();
        let mut found = ArticleSet::new(shared.total);
        for i in per_chunk.into_iter().flatten() {
            found.insert(i);
        }
        found
    }
}

/// A set of articles, one bit each.
#[derive(Debug, Clone)]
struct ArticleSet(Vec<u64>);

impl ArticleSet {
    fn new(total: usize) -> Self {
        ArticleSet(vec![0; total.div_ceil(64)])
    }

    fn of(ids: &[usize], total: usize) -> Self {
        let mut set = ArticleSet::new(total);
        for &i in ids {
            set.insert(i);
        }
        set
    }

    fn insert(&mut self, i: usize) {
        if let Some(word) = self.0.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }

    fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        crate::search::scan::set_bits(&self.0)
    }

    /// The members in `base..base + len`, as a chunk's set.
    fn chunk(&self, base: usize, len: usize) -> ChunkSet {
        let mut set = ChunkSet::default();
        for i in 0..len {
            if self.contains(base + i) {
                set.insert(i);
            }
        }
        set
    }
}
