//! Reads every body once to find the links between the articles (see
//! `archive_links`, which does the finding without any IO).

use rayon::prelude::*;

use crate::archive_links::{ArchiveLinks, LinkGraph, hrefs};
use crate::article::Article;

/// The link finder for `articles` and the graph of their links, reading
/// the bodies on rayon's threads. An unreadable body links nowhere.
pub fn scan_links(articles: &[Article]) -> (ArchiveLinks, LinkGraph) {
    let links = ArchiveLinks::new(articles);
    let out = articles
        .par_iter()
        .enumerate()
        .map(|(i, article)| match super::read_body(&article.body) {
            Ok(body) => links.targets(i, article, &hrefs(&body, article.format)),
            Err(_) => Vec::new(),
        })
        .collect();
    (links, LinkGraph::from_out(out))
}
