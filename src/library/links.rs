//! The links between articles: each body's link targets are read once
//! and each article's own address keys made once (`Article::links`,
//! `Article::addresses`, kept in the metadata cache), and the graph is made
//! from them by `archive_links`, which does the finding without any IO.

use rayon::prelude::*;

use super::Library;
use crate::archive_links::{ArchiveLinks, LinkGraph, address_keys, body_link_keys};
use crate::article::known::RELEASE_EVERY;
use crate::article::{AddressKey, Article};

/// What the link scan learnt about one article that it did not know.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Learnt {
    /// The body's link targets (`Article::links`), when read now.
    pub links: Option<Box<str>>,
    /// Its own address keys (`Article::addresses`), when made now.
    pub addresses: Option<Box<[AddressKey]>>,
}

/// [`Learnt`] by article index (ascending).
pub type FoundLinks = Vec<(usize, Learnt)>;

/// Reads the bodies of the articles whose link targets are not known yet
/// (`Article::links` unset), and makes the address keys not known yet
/// (`Article::addresses`), on rayon's threads; what was learnt by index,
/// ascending. An unreadable body is left out (tried again next time).
/// Nothing is set: see [`Library::store_links`].
pub fn read_missing_links(articles: &[Article]) -> FoundLinks {
    articles
        .par_iter()
        .enumerate()
        .filter_map(|(i, article)| learn(article).map(|learnt| (i, learnt)))
        .collect()
}

/// [`read_missing_links`] on the calling thread alone, one body at a
/// time: for a worker that must not take every core (the reader's, which
/// may read a million bodies while the person reads and searches).
pub fn read_missing_links_in_turn(articles: &[Article]) -> FoundLinks {
    articles
        .iter()
        .enumerate()
        .filter_map(|(i, article)| {
            let learnt = learn(article);
            // The links read in place to make address keys: their pages
            // let go as the pass goes (~430 MB at a million otherwise).
            if i % RELEASE_EVERY == RELEASE_EVERY - 1 || i + 1 == articles.len() {
                article.release_cache_pages();
            }
            learnt.map(|learnt| (i, learnt))
        })
        .collect()
}

/// How many articles the reader's link scan reads before it hands what
/// it learnt over ([`read_missing_links_in_parts`]): each part is stored
/// in the articles at once, so the cache written meanwhile keeps it (a
/// reader that quits mid-scan does not read those bodies again), and the
/// scan never holds more than a part of what it learnt.
pub const LINKS_PART: usize = 4096;

/// [`read_missing_links_in_turn`], handing what it learnt over every
/// `part` articles (`hand_over`, by article index, ascending) instead of
/// all at the end; stops early when `hand_over` says no (nobody is left
/// to take it). Returns whether anything was handed over.
pub fn read_missing_links_in_parts(
    articles: &[Article],
    part: usize,
    mut hand_over: impl FnMut(FoundLinks) -> bool,
) -> bool {
    let part = part.max(1);
    let mut handed = false;
    for (n, chunk) in articles.chunks(part).enumerate() {
        let first = n * part;
        let found = read_missing_links_in_turn(chunk)
            .into_iter()
            .map(|(i, learnt)| (first + i, learnt))
            .collect::<FoundLinks>();
        if found.is_empty() {
            continue;
        }
        handed = true;
        if !hand_over(found) {
            break;
        }
    }
    handed
}

/// What [`read_missing_links`] learns of one article, if anything.
fn learn(article: &Article) -> Option<Learnt> {
    // Known ones are not read: those in the cache's mapped file stay
    // where they lie.
    let addresses = (!article.addresses.is_known()).then(|| address_keys(article));
    let links = if article.links.is_known() {
        None
    } else {
        super::read_body(&article.body)
            .ok()
            .map(|body| body_link_keys(article, &body))
    };
    (links.is_some() || addresses.is_some()).then_some(Learnt { links, addresses })
}

/// The link finder for `articles` and the graph of their links, from the
/// stored targets (an article without them links nowhere). No IO, and no
/// work per link but hash lookups.
pub fn link_graph(articles: &[Article]) -> (ArchiveLinks, LinkGraph) {
    link_graph_with(articles, &[])
}

/// [`link_graph`], with the targets and address keys in `found` for
/// articles that have none stored.
pub fn link_graph_with(
    articles: &[Article],
    found: &[(usize, Learnt)],
) -> (ArchiveLinks, LinkGraph) {
    let learnt = |i: usize| {
        found
            .binary_search_by_key(&i, |(at, _)| *at)
            .ok()
            .map(|at| &found[at].1)
    };
    let links = ArchiveLinks::with_keys(articles, |i| learnt(i)?.addresses.as_deref());
    // One article's targets at a time, straight into the flat graph; the
    // pages of those read in place let go as the pass goes (they would
    // stay in the process's memory, ~90 MB at a million articles).
    let out = articles.iter().enumerate().map(|(i, a)| {
        let targets = a
            .link_targets()
            .or_else(|| learnt(i)?.links.as_deref())
            .map_or_else(Vec::new, |k| links.targets(i, k));
        if i % RELEASE_EVERY == RELEASE_EVERY - 1 || i + 1 == articles.len() {
            a.links.release_pages();
        }
        targets
    });
    let graph = LinkGraph::from_targets(out);
    (links, graph)
}

/// [`link_graph`] after [`read_missing_links`], with the targets read (for
/// [`Library::store_links`]).
pub fn scan_links(articles: &[Article]) -> (ArchiveLinks, LinkGraph, FoundLinks) {
    let found = read_missing_links(articles);
    let (links, graph) = link_graph_with(articles, &found);
    (links, graph, found)
}

impl Library {
    /// Keeps link targets read from bodies and address keys made (by
    /// [`read_missing_links`]) in the articles, so that the next cache write keeps them. The indices
    /// are of these articles: the caller drops targets read for articles
    /// since replaced.
    pub fn store_links(&mut self, found: FoundLinks) {
        let mut stored = false;
        for (i, found) in found {
            let Some(article) = self.articles.get(i) else {
                continue;
            };
            if let Some(keys) = found.links {
                stored |= article.links.set(keys).is_ok();
            }
            if let Some(keys) = found.addresses {
                stored |= article.addresses.set(keys).is_ok();
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
