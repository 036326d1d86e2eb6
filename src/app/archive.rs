//! Links inside the archive: which body links lead to another article of
//! the library, and what links to the open article (backlinks). The links
//! are found once, in the background (`Effect::ScanLinks`), by the pure
//! `archive_links` module. The state owns what was found and the pickers'
//! entries made from it; following a link is the article view's
//! (`reading`).

use std::sync::Arc;

use super::{Body, Choices, Detail, Effect, PickerEntry};
use crate::archive_links::{ArchiveLinks, LinkGraph};
use crate::article::Article;

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

    /// The link finder, once the scan has answered.
    pub(super) fn links(&self) -> Option<&Arc<ArchiveLinks>> {
        self.links.as_ref()
    }

    /// The links between articles, once found.
    pub(super) fn graph(&self) -> Option<&LinkGraph> {
        self.graph.as_deref()
    }

    /// The article body link `[n]` of the open article (`detail`) leads
    /// to, if it is another article of the library.
    pub(super) fn target(&self, detail: &Detail, n: usize) -> Option<usize> {
        let link = detail.links().get(n.checked_sub(1)?)?;
        let to = self.links.as_ref()?.resolve(link)?;
        (to != detail.article).then_some(to)
    }

    /// Asks for the scan of `articles`' links the first time the reader
    /// is idle after start-up (or after the articles changed).
    pub(super) fn scan_once(&mut self, articles: &Arc<Vec<Article>>) -> Option<Effect> {
        if self.requested {
            return None;
        }
        self.requested = true;
        Some(Effect::ScanLinks {
            articles: Arc::clone(articles),
            generation: self.generation,
        })
    }

    /// Whether `generation` is of the current articles.
    pub(super) fn is_current(&self, generation: u64) -> bool {
        generation == self.generation
    }

    /// `Action::LinksRead`: the scan of `generation` read the bodies and
    /// handed over what it learnt; the scan again (which reads nothing
    /// now) finds the links, unless the articles changed meanwhile (their
    /// own scan is asked for).
    pub(super) fn scan_again(
        &mut self,
        generation: u64,
        articles: &Arc<Vec<Article>>,
    ) -> Option<Effect> {
        self.is_current(generation).then(|| Effect::ScanLinks {
            articles: Arc::clone(articles),
            generation,
        })
    }

    /// `Action::LinksResolved`: takes what the scan of `generation` found;
    /// says whether it was of the current articles (else it is dropped).
    pub(super) fn resolved(
        &mut self,
        generation: u64,
        links: Arc<ArchiveLinks>,
        graph: Arc<LinkGraph>,
    ) -> bool {
        if generation != self.generation {
            return false;
        }
        self.links = Some(links);
        self.graph = Some(graph);
        true
    }

    /// The link picker's entries for the open article (`detail`), or why
    /// there are none.
    pub(super) fn link_choices(&self, detail: &Detail) -> Result<Choices, &'static str> {
        let links = detail.links();
        if links.is_empty() {
            return Err(match detail.body {
                Body::Loading => "The article is still loading",
                _ => "This article has no links",
            });
        }
        // The label is what typing matches: the link's text and its address
        // as shown; the number (`count`) says which link it is.
        let entries = links
            .iter()
            .enumerate()
            .map(|(i, link)| PickerEntry {
                label: crate::text::sanitize::clean_inline(&format!(
                    "{}{} {}",
                    if self.target(detail, i + 1).is_some() {
                        "↩ "
                    } else {
                        ""
                    },
                    detail.link_text(i + 1),
                    crate::render::readable_url(link)
                )),
                count: i + 1,
            })
            .collect();
        Ok(Choices::new(entries))
    }

    /// `B`: the picker's entries for the articles that link to `article`
    /// (dated by `date_text`), or why there are none.
    pub(super) fn backlinks(
        &self,
        article: usize,
        articles: &[Article],
        date_text: impl Fn(&Article) -> String,
    ) -> Result<Choices, &'static str> {
        let Some(graph) = self.graph.as_deref() else {
            return Err("Still finding the links between articles; try again in a moment");
        };
        let from = graph.back(article);
        if from.is_empty() {
            return Err("No article of the archive links here");
        }
        let entries = from
            .iter()
            .filter_map(|&i| {
                let article = articles.get(i as usize)?;
                let date = date_text(article);
                Some(PickerEntry {
                    label: crate::text::sanitize::clean_inline(&format!(
                        "{date}  {}",
                        article.title
                    )),
                    count: i as usize,
                })
            })
            .collect();
        Ok(Choices::new(entries))
    }
}
