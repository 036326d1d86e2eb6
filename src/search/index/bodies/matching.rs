//! Matching a stored index's documents to the articles whose bodies they
//! are, by file version.

use std::hash::BuildHasher;
use std::sync::Arc;

use rayon::prelude::*;

use super::super::{Bodies, NONE};
use crate::search::stored::{DocSource, DocTable, StoredIndex};

/// Which stored documents are the articles' bodies as they are now.
/// Documents are written in article order, so each article is looked for
/// first at the document after the last one found (the table is then read
/// in order, a window at a time), then at its own number; the paths are
/// hashed only when both fail. `version(i)` is article `i`'s file version
/// (of `count`), looked at a window of articles at a time on all cores
/// (a million of them held at once would be ~50 MB).
pub(crate) fn match_docs(
    stored: Arc<StoredIndex>,
    docs: &mut DocTable,
    count: usize,
    version: &(dyn Fn(usize) -> Option<DocSource> + Sync),
) -> Bodies {
    let mut by_path: Option<PathHashes> = None;
    let mut article_doc = vec![NONE; count];
    let mut doc_article = vec![NONE; docs.len()];
    let mut covered = 0;
    let mut next = 0;
    let mut versions = Vec::new();
    for article in 0..count {
        if article % VERSIONS_AT_ONCE == 0 {
            let end = count.min(article + VERSIONS_AT_ONCE);
            versions.clear();
            versions.par_extend((article..end).into_par_iter().map(version));
        }
        let Some(version) = &versions[article % VERSIONS_AT_ONCE] else {
            continue;
        };
        let path = version.path.as_os_str().as_encoded_bytes();
        let in_order = [next, article]
            .into_iter()
            .find(|&d| d < docs.len() && docs.path(d) == path);
        let d = if let Some(d) = in_order {
            d
        } else {
            let by_path = by_path.get_or_insert_with(|| PathHashes::of(&stored));
            let Some(d) = by_path.find(docs, path) else {
                continue;
            };
            d
        };
        next = d + 1;
        if docs.key(d) == version.key
            && docs.body_offset(d) == version.body_offset
            && doc_article[d] == NONE
        {
            article_doc[article] = d as u32;
            doc_article[d] = article as u32;
            covered += 1;
        }
    }
    Bodies {
        stored,
        article_doc,
        doc_article,
        covered,
    }
}

/// Articles whose file versions [`match_docs`] holds at once.
const VERSIONS_AT_ONCE: usize = 4096;

/// The documents by a hash of their path (12 bytes a document instead of
/// every path held), for matching articles that are not in order.
struct PathHashes {
    hasher: foldhash::fast::RandomState,
    /// Sorted `(hash, document)`.
    docs: Vec<(u64, u32)>,
}

impl PathHashes {
    fn of(stored: &Arc<StoredIndex>) -> Self {
        let hasher = foldhash::fast::RandomState::default();
        let mut table = DocTable::new(Arc::clone(stored));
        let mut docs: Vec<(u64, u32)> = (0..table.len())
            .map(|d| (hasher.hash_one(table.path(d)), d as u32))
            .collect();
        docs.sort_unstable();
        PathHashes { hasher, docs }
    }

    /// The last document whose path is `path` (as a map built in document
    /// order would keep).
    fn find(&self, table: &mut DocTable, path: &[u8]) -> Option<usize> {
        let hash = self.hasher.hash_one(path);
        let end = self.docs.partition_point(|&(h, _)| h <= hash);
        let start = self.docs[..end].partition_point(|&(h, _)| h < hash);
        self.docs[start..end]
            .iter()
            .rev()
            .map(|&(_, d)| d as usize)
            .find(|&d| table.path(d) == path)
    }
}
