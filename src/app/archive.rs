//! Links inside the archive: following a body link to another article of
//! the library (with a back stack that returns to the article and the
//! scroll position a link was followed from), and what links to the open
//! article (backlinks). The links are found once, in the background
//! (`Effect::ScanLinks`), by the pure `archive_links` module.

use std::sync::Arc;

use super::{App, Body, Choices, Effect, PickerEntry, PickerKind, View};
use crate::archive_links::{ArchiveLinks, LinkGraph};

/// More articles than this on the back stack forget the oldest.
const HISTORY_LIMIT: usize = 1000;

/// What the reader knows of the links between its articles.
#[derive(Debug, Default)]
pub struct ArchiveState {
    /// Finds the article a link leads to; `None` until the scan answers.
    pub(super) links: Option<Arc<ArchiveLinks>>,
    graph: Option<Arc<LinkGraph>>,
    /// Counts the library's changes, so an old scan's answer is dropped.
    pub(super) generation: u64,
    /// Whether the scan for this generation was asked for.
    pub(super) requested: bool,
}

impl ArchiveState {
    /// The articles changed: what was found no longer holds.
    pub(super) fn library_changed(&mut self) {
        self.links = None;
        self.graph = None;
        self.generation += 1;
        self.requested = false;
    }
}

/// An article the person followed a link from, and where they were in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visited {
    pub article: usize,
    pub scroll: usize,
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
        &self.history
    }

    /// The article body link `[n]` of the open article leads to, if it
    /// is another article of the library.
    pub fn link_in_archive(&self, n: usize) -> Option<usize> {
        let detail = self.detail.as_ref()?;
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
        match (&mut self.detail, self.view) {
            (Some(detail), View::Detail) if matches!(detail.body, Body::Loaded(_)) => {
                vec![Effect::LoadBody {
                    article: detail.article,
                }]
            }
            (Some(detail), View::Detail) if matches!(detail.body, Body::Loading) => {
                detail.unmarked_on_the_way = true;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Opens `target` from the open article, remembering where the person
    /// was so Back returns there.
    pub(super) fn follow(&mut self, target: usize) -> Vec<Effect> {
        if let Some(detail) = self.detail.as_ref() {
            if self.history.len() >= HISTORY_LIMIT {
                self.history.remove(0);
            }
            self.history.push(Visited {
                article: detail.article,
                scroll: detail.scroll,
            });
        }
        let effects = self.open_article(target);
        let depth = self.history.len();
        self.notify(format!(
            "Opened from the archive ({depth} back: h, Backspace or Left)"
        ));
        effects
    }

    /// Back in the article view: to the article a link was followed from,
    /// at the same place, else to the list.
    pub(super) fn go_back(&mut self) -> Vec<Effect> {
        let Some(visited) = self.history.pop() else {
            self.close_article();
            return Vec::new();
        };
        let history = std::mem::take(&mut self.history);
        let effects = self.open_article(visited.article);
        self.history = history;
        self.first_match_due = false;
        self.restore = Some(visited);
        self.apply_restore();
        effects
    }

    /// Puts the scroll position back once the article returned to has its
    /// body laid out.
    pub(super) fn apply_restore(&mut self) {
        let rows = self.size.body_rows();
        let Some(visited) = self.restore else { return };
        let Some(detail) = self
            .detail
            .as_mut()
            .filter(|d| d.article == visited.article)
        else {
            self.restore = None;
            return;
        };
        detail.scroll_to(visited.scroll, rows);
        if !matches!(detail.body, Body::Loading) {
            self.restore = None;
        }
    }

    /// `B`: a picker of the articles that link to the open one.
    pub(super) fn show_backlinks(&mut self) {
        let Some(detail) = self.detail.as_ref() else {
            return;
        };
        let Some(graph) = self.archive.graph.as_ref() else {
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
