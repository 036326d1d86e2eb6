//! The links between articles: each body's link targets are read once
//! (`Article::links`, kept in the metadata cache), and the graph is made
//! from them by `archive_links`, which does the finding without any IO.

use rayon::prelude::*;

use super::Library;
use crate::archive_links::{ArchiveLinks, LinkGraph, body_link_keys};
use crate::article::Article;

/// Link targets read from bodies, by article index (ascending).
pub type FoundLinks = Vec<(usize, Box<str>)>;

/// Reads the bodies of the articles whose link targets are not known yet
/// (`Article::links` unset) on rayon's threads; their targets by index,
/// ascending. An unreadable body is left out (tried again next time).
/// Nothing is set: see [`Library::store_links`].
pub fn read_missing_links(articles: &[Article]) -> FoundLinks {
    articles
        .par_iter()
        .enumerate()
        .filter(|(_, a)| a.links.get().is_none())
        .filter_map(|(i, article)| {
            let body = super::read_body(&article.body).ok()?;
            Some((i, body_link_keys(article, &body)))
        })
        .collect()
}

/// The link finder for `articles` and the graph of their links, from the
/// stored targets (an article without them links nowhere). No IO, and no
/// work per link but hash lookups.
pub fn link_graph(articles: &[Article]) -> (ArchiveLinks, LinkGraph) {
    link_graph_with(articles, &[])
}

/// [`link_graph`], with the targets in `found` for articles that have
/// none stored.
pub fn link_graph_with(
    articles: &[Article],
    found: &[(usize, Box<str>)],
) -> (ArchiveLinks, LinkGraph) {
    let links = ArchiveLinks::new(articles);
    let out = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let read = || {
                found
                    .binary_search_by_key(&i, |(at, _)| *at)
                    .ok()
                    .map(|at| &*found[at].1)
            };
            a.link_targets()
                .or_else(read)
                .map_or_else(Vec::new, |k| links.targets(i, k))
        })
        .collect();
    (links, LinkGraph::from_out(out))
}

/// [`link_graph`] after [`read_missing_links`], with the targets read (for
/// [`Library::store_links`]).
pub fn scan_links(articles: &[Article]) -> (ArchiveLinks, LinkGraph, FoundLinks) {
    let found = read_missing_links(articles);
    let (links, graph) = link_graph_with(articles, &found);
    (links, graph, found)
}

impl Library {
    /// Keeps link targets read from bodies (by [`read_missing_links`]) in
    /// the articles, so that the next cache write keeps them. The indices
    /// are of these articles: the caller drops targets read for articles
    /// since replaced.
    pub fn store_links(&mut self, found: FoundLinks) {
        let mut stored = false;
        for (i, keys) in found {
            if let Some(article) = self.articles.get(i) {
                stored |= article.links.set(keys).is_ok();
            }
        }
        if stored {
            self.disk.changed();
        }
    }

    /// Reads the bodies whose link targets are not known yet (a warm start
    /// with a full cache reads none).
    pub fn fill_links(&mut self) {
        let found = read_missing_links(&self.articles);
        self.store_links(found);
    }
}
