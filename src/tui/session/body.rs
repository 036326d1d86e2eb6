//! Reading an article's body for the detail view: the `LoadBody` effect.

use crate::app::Action;
use crate::article::Article;
use crate::{library, render};

/// Reads and parses an article's body: the `LoadBody` effect.
pub fn load_body(index: usize, article: &Article) -> Action {
    load_body_marking(index, article, None)
}

/// [`load_body`], marking the links that lead to another article of the
/// library (`[3↩]`) when `links` can tell.
pub fn load_body_marking(
    index: usize,
    article: &Article,
    links: Option<&crate::archive_links::ArchiveLinks>,
) -> Action {
    let in_archive = |link: &str| {
        links
            .and_then(|l| l.resolve(link))
            .is_some_and(|to| to != index)
    };
    let result = library::read_body_bounded(&article.body).map(|body| {
        let mut doc = render::render_article_marking(article, &body.text, &in_archive);
        if body.cut {
            render::push_cut_notice(&mut doc, library::BODY_LIMIT);
        }
        doc
    });
    Action::BodyLoaded {
        article: index,
        path: article.path.to_path_buf(),
        result,
    }
}
