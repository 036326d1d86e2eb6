//! Links inside the archive: which body links lead to another article of
//! the library, and what links to the open article (backlinks). The links
//! are found once, in the background (`Effect::ScanLinks`), by the pure
//! `archive_links` module. Following them is the article view's
//! (`reading`).

use std::sync::Arc;

use super::reading::Visited;
use super::{App, Choices, Effect, PickerEntry, PickerKind};
use crate::archive_links::{ArchiveLinks, LinkGraph};

/// What the reader knows of the links between its articles.
#[derive(Debug, Default)]
pub struct ArchiveState {
    /// Finds the article a link leads to; `None` until the scan answers.
    links: Option<Arc<ArchiveLinks>>,
    graph: Option<Arc<LinkGraph>>,
    /// Counts the library's changes, so an old scan's answer is dropped.
    generation: u64,
    /// Whether the scan for this generation was asked for.
    requested: bool,
}

impl ArchiveState {
    /// The articles changed: what was found no longer holds.
    pub(super) fn library_changed(&mut self) {
        self.links = None;
        self.graph = None;
        self.generation += 1;
        self.requested = false;
    }

    /// Whether the scan of links was asked for since the articles last
    /// changed (the next tick asks for it otherwise).
    pub(super) fn scan_asked(&self) -> bool {
        self.requested
    }
}

impl App {
    /// The link finder, once the background scan has answered (the body
    /// loader marks in-archive links with it).
    pub fn archive_links(&self) -> Option<Arc<ArchiveLinks>> {
        self.archive.links.clone()
    }

    /// The links between articles, once found.
    pub fn link_graph(&self) -> Option<&LinkGraph> {
        self.archive.graph.as_deref()
    }

    /// Articles the back key returns to, the most recent last.
    pub fn history(&self) -> &[Visited] {
        self.reading.back()
    }

    /// The article body link `[n]` of the open article leads to, if it
    /// is another article of the library.
    pub fn link_in_archive(&self, n: usize) -> Option<usize> {
        let detail = self.reading.open()?;
        let link = detail.links().get(n.checked_sub(1)?)?;
        let to = self.archive.links.as_ref()?.resolve(link)?;
        (to != detail.article).then_some(to)
    }

    /// Asks for the scan of links the first time the reader is idle after
    /// start-up (or after the articles changed).
    pub(super) fn scan_links_once(&mut self) -> Vec<Effect> {
        if self.archive.requested {
            return Vec::new();
        }
        self.archive.requested = true;
        vec![Effect::ScanLinks {
            articles: Arc::clone(&self.library.articles),
            generation: self.archive.generation,
        }]
    }

    pub(super) fn links_resolved(
        &mut self,
        generation: u64,
        links: Arc<ArchiveLinks>,
        graph: Arc<LinkGraph>,
        found: crate::library::FoundLinks,
    ) -> Vec<Effect> {
        if generation != self.archive.generation {
            return Vec::new();
        }
        // The targets read are kept in the articles (which the cache is
        // written from): here, not on the worker, so only `update`
        // changes what the app holds.
        self.library.store_links(found);
        self.archive.links = Some(links);
        self.archive.graph = Some(graph);
        // The open article was rendered without its ↩ marks: again. One
        // being read comes without them too: again once it is there (not
        // now, or the two reads could arrive in either order).
        self.reading
            .links_known()
            .map(|article| Effect::LoadBody { article })
            .into_iter()
            .collect()
    }

    /// `B`: a picker of the articles that link to the open one.
    pub(super) fn show_backlinks(&mut self) {
        let Some(detail) = self.reading.open() else {
            return;
        };
        let Some(graph) = self.link_graph() else {
            self.notify("Still finding the links between articles; try again in a moment");
            return;
        };
        let from = graph
            .back
            .get(detail.article)
            .map_or(&[][..], Vec::as_slice);
        if from.is_empty() {
            self.notify("No article of the archive links here");
            return;
        }
        let entries = from
            .iter()
            .filter_map(|&i| {
                let article = self.library.articles.get(i as usize)?;
                let date = self.date_text(article);
                Some(PickerEntry {
                    label: crate::text::sanitize::clean_inline(&format!(
                        "{date}  {}",
                        article.title
                    )),
                    count: i as usize,
                })
            })
            .collect();
        self.show_picker(PickerKind::Backlinks, Choices::new(entries));
    }
}
