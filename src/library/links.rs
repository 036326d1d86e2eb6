//! The links between articles: each body's link targets are read once
//! (`Article::links`, kept in the metadata cache), and the graph is made
//! from them by `archive_links`, which does the finding without any IO.

use rayon::prelude::*;

use super::Library;
use crate::archive_links::{ArchiveLinks, LinkGraph, address_keys, body_link_keys};
use crate::article::Article;

/// Reads the bodies of the articles whose link targets are not known yet
/// (`Article::links` unset) on rayon's threads and sets them, and the keys
/// of the articles' own addresses where those are not known
/// (`Article::addresses`); how many articles gained either. An unreadable
/// body is left unset (tried again next time).
pub fn read_missing_links(articles: &[Article]) -> usize {
    articles
        .par_iter()
        .filter(|article| {
            let addressed = article.addresses.get().is_none()
                && article.addresses.set(address_keys(article)).is_ok();
            if article.links.get().is_some() {
                return addressed;
            }
            let Ok(body) = super::read_body(&article.body) else {
                return addressed;
            };
            article.links.set(body_link_keys(article, &body)).is_ok() || addressed
        })
        .count()
}

/// The link finder for `articles` and the graph of their links, from the
/// stored targets (an article without them links nowhere). No IO, and no
/// work per link but hash lookups.
pub fn link_graph(articles: &[Article]) -> (ArchiveLinks, LinkGraph) {
    let links = ArchiveLinks::new(articles);
    let out = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            a.link_targets()
                .map_or_else(Vec::new, |k| links.targets(i, k))
        })
        .collect();
    (links, LinkGraph::from_out(out))
}

/// [`link_graph`] after [`read_missing_links`]; also how many bodies were
/// read (then the cache is out of date: see [`Library::links_read`]).
pub fn scan_links(articles: &[Article]) -> (ArchiveLinks, LinkGraph, usize) {
    let read = read_missing_links(articles);
    let (links, graph) = link_graph(articles);
    (links, graph, read)
}

impl Library {
    /// Notes that link targets were read into the articles (by
    /// [`read_missing_links`]), so that the next cache write keeps them.
    pub fn links_read(&mut self, count: usize) {
        if count > 0 {
            self.disk.changed();
        }
    }

    /// Reads the bodies whose link targets are not known yet (a warm start
    /// with a full cache reads none).
    pub fn fill_links(&mut self) {
        let read = read_missing_links(&self.articles);
        self.links_read(read);
    }
}
