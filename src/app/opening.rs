//! Opening an article (from the list, a link, Back or next unread), its
//! body arriving, stepping to the next or previous listed article, and
//! closing it.

use super::{App, Body, Detail, Effect, View};

impl App {
    pub(super) fn open_selected(&mut self) -> Vec<Effect> {
        match self.selected_article() {
            Some(article) => self.open_article(article),
            None => Vec::new(),
        }
    }

    /// Shows `article` in the article view and asks for its body.
    pub(super) fn open_article(&mut self, article: usize) -> Vec<Effect> {
        let Some(meta) = self.library.articles.get(article) else {
            return Vec::new();
        };
        let mut detail = Detail::new(article);
        detail.date_format.clone_from(&self.options.date_format);
        detail.time_format.clone_from(&self.options.time_format);
        detail.copies = self
            .catalog
            .duplicates
            .copies_of(article)
            .iter()
            .filter_map(|&i| self.library.articles.get(i as usize))
            .map(|copy| crate::text::sanitize::clean_inline(&copy.path.to_string_lossy()))
            .collect();
        let width = usize::from(self.size.text_area().width);
        detail.layout(meta, width, &self.options.article_styles());
        self.detail = Some(detail);
        self.view = View::Detail;
        self.find = None;
        self.restore = None;
        self.search.hits = None;
        // Opened with a search kept: its first match is shown once the
        // body is in.
        self.first_match_due = self.search_query().is_some();
        self.mark_opened(article);
        vec![Effect::LoadBody { article }]
    }

    pub(super) fn body_loaded(
        &mut self,
        article: usize,
        path: &std::path::Path,
        result: Result<crate::render::Document, String>,
    ) -> Vec<Effect> {
        let styles = self.options.article_styles();
        let Some(detail) = self.detail.as_mut().filter(|d| d.article == article) else {
            return Vec::new(); // The person moved on before it arrived.
        };
        let Some(meta) = self
            .library
            .articles
            .get(article)
            .filter(|a| *a.path == *path)
        else {
            return Vec::new(); // The articles changed meanwhile; a new load is on its way.
        };
        detail.body = match result {
            Ok(document) => Body::Loaded(document),
            Err(reason) => Body::Failed(reason),
        };
        detail.layout(meta, detail.width, &styles);
        detail.scroll_by(0, self.size.body_rows());
        self.apply_restore();
        if std::mem::take(&mut self.first_match_due) {
            self.jump_to_match(true);
        }
        // Shown as it is meanwhile; the marked one follows.
        let again = self
            .detail
            .as_mut()
            .is_some_and(|d| std::mem::take(&mut d.unmarked_on_the_way));
        if again {
            vec![Effect::LoadBody { article }]
        } else {
            Vec::new()
        }
    }

    pub(super) fn close_article(&mut self) {
        self.view = View::List;
        self.detail = None;
        self.history.clear();
    }

    pub(super) fn step_article(&mut self, delta: isize) -> Vec<Effect> {
        let before = self.list.cursor.selected;
        self.list
            .cursor
            .move_by(delta, self.list.visible.len(), self.size.body_rows());
        self.history.clear();
        if self.list.cursor.selected == before {
            self.notify(if delta > 0 {
                "This is the last article"
            } else {
                "This is the first article"
            });
            return Vec::new();
        }
        self.open_selected()
    }
}
