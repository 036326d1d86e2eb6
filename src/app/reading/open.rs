//! Opening an article in the article view: from the list, by a link
//! followed (remembering the way back) or by Back. It takes what the
//! sub-state lacks (the articles, the catalog's duplicates, the options,
//! the marks) in an [`Opening`].

use super::{Reading, Visited};
use crate::app::catalog::Catalog;
use crate::app::{Detail, Effect, MarkState, Options, Reply};
use crate::article::Article;

/// What opening an article reads or changes of the other parts.
pub(in crate::app) struct Opening<'a> {
    articles: &'a [Article],
    /// Where the article's exact duplicates are.
    catalog: &'a Catalog,
    /// The header's date and time formats, the article's styles.
    options: &'a Options,
    /// The article opened is marked read.
    marks: &'a mut MarkState,
    /// The text area's width.
    width: usize,
    /// A search is kept: its first match is shown once the body is in.
    search_kept: bool,
}

impl<'a> Opening<'a> {
    pub(in crate::app) fn new(
        articles: &'a [Article],
        catalog: &'a Catalog,
        options: &'a Options,
        marks: &'a mut MarkState,
        width: usize,
        search_kept: bool,
    ) -> Self {
        Opening {
            articles,
            catalog,
            options,
            marks,
            width,
            search_kept,
        }
    }
}

impl Reading {
    /// Shows `article` (keeping the back stack), marks it read and asks
    /// for its body.
    pub(in crate::app) fn open_article(
        &mut self,
        article: usize,
        here: Opening<'_>,
    ) -> Vec<Effect> {
        let Opening {
            articles,
            catalog,
            options,
            marks,
            width,
            search_kept,
        } = here;
        let Some(meta) = articles.get(article) else {
            return Vec::new();
        };
        let mut detail = Detail::new(article);
        detail.date_format.clone_from(&options.date_format);
        detail.time_format.clone_from(&options.time_format);
        detail.copies = catalog
            .copies_of(article)
            .iter()
            .filter_map(|&i| articles.get(i as usize))
            .map(|copy| crate::text::sanitize::clean_inline(&copy.path.to_string_lossy()))
            .collect();
        detail.layout(meta, width, &options.article_styles());
        // Opened with a search kept: its first match is shown once the
        // body is in.
        self.show(detail, search_kept);
        marks.set_read(articles, article, true);
        vec![Effect::LoadBody { article }]
    }

    /// Opens `target` from the open article, remembering where the person
    /// was so Back returns there.
    pub(in crate::app) fn follow(&mut self, target: usize, here: Opening<'_>) -> Reply {
        let depth = self.leave_for_link();
        let effects = self.open_article(target, here);
        let reply = Reply::say(format!(
            "Opened from the archive ({depth} back: h, Backspace or Left)"
        ));
        effects.into_iter().fold(reply, Reply::and)
    }

    /// Back to the article a link was followed from, at the place the
    /// person was in it.
    pub(in crate::app) fn return_to(
        &mut self,
        visited: Visited,
        rows: usize,
        here: Opening<'_>,
    ) -> Vec<Effect> {
        let effects = self.open_article(visited.article, here);
        self.returned_to(visited, rows);
        effects
    }
}
