//! The app's side of the article view: routing its keys, and opening an
//! article, which takes the library, the catalog's duplicates, the options
//! and the marks that `Reading` lacks.

use super::ReadingOutcome;
use crate::app::{Action, App, Detail, Effect, PickerKind};
use crate::article::Article;

impl App {
    /// Routes `action` to the article view, then does what it asks.
    pub(in crate::app) fn update_detail(&mut self, action: Action) -> Vec<Effect> {
        let rows = self.size.body_rows();
        match self.reading.update(&action, rows) {
            ReadingOutcome::Done => Vec::new(),
            ReadingOutcome::Close => {
                self.reading.close();
                Vec::new()
            }
            ReadingOutcome::Return(visited) => {
                let effects = self.open_article(visited.article);
                self.reading.returned_to(visited, rows);
                effects
            }
            ReadingOutcome::Step(delta) => self.step_article(delta),
            ReadingOutcome::NextUnread => self.open_next_unread(),
            ReadingOutcome::Other => match action {
                Action::ShowLinks | Action::Backlinks => {
                    let Some(detail) = self.reading.open() else {
                        return Vec::new();
                    };
                    let (kind, choices) = if matches!(action, Action::ShowLinks) {
                        (PickerKind::Links, self.archive.link_choices(detail))
                    } else {
                        let articles = &self.library.articles;
                        let date_text = |a: &Article| self.date_text(a);
                        let choices = self.archive.backlinks(detail.article, articles, date_text);
                        (PickerKind::Backlinks, choices)
                    };
                    match choices {
                        Ok(choices) => self.show_picker(kind, choices),
                        Err(why) => self.notify(why),
                    }
                    Vec::new()
                }
                Action::Search | Action::NextMatch | Action::PrevMatch => {
                    let say = self.reading.update_find(&action, rows, &self.filters);
                    self.say(say);
                    Vec::new()
                }
                Action::Open | Action::Click { .. } => Vec::new(),
                other => self.update_common(&other),
            },
        }
    }

    /// A key at the find prompt of the article view.
    pub(in crate::app) fn update_find_prompt(&mut self, action: &Action) -> Vec<Effect> {
        let rows = self.size.body_rows();
        let say = self.reading.update_find_prompt(action, rows, &self.filters);
        self.say(say);
        Vec::new()
    }

    /// Shows `article` in the article view (keeping the back stack) and
    /// asks for its body.
    pub(in crate::app) fn open_article(&mut self, article: usize) -> Vec<Effect> {
        let Some(meta) = self.library.articles.get(article) else {
            return Vec::new();
        };
        let mut detail = Detail::new(article);
        detail.date_format.clone_from(&self.options.date_format);
        detail.time_format.clone_from(&self.options.time_format);
        detail.copies = self
            .catalog
            .copies_of(article)
            .iter()
            .filter_map(|&i| self.library.articles.get(i as usize))
            .map(|copy| crate::text::sanitize::clean_inline(&copy.path.to_string_lossy()))
            .collect();
        let width = usize::from(self.size.text_area().width);
        detail.layout(meta, width, &self.options.article_styles());
        // Opened with a search kept: its first match is shown once the
        // body is in.
        let first_match_due = self.search_query().is_some();
        self.reading.show(detail, first_match_due);
        self.marks.set_read(&self.library.articles, article, true);
        vec![Effect::LoadBody { article }]
    }

    pub(in crate::app) fn body_loaded(
        &mut self,
        article: usize,
        path: &std::path::Path,
        result: Result<crate::render::Document, String>,
    ) -> Vec<Effect> {
        let Some(meta) = self
            .library
            .articles
            .get(article)
            .filter(|a| *a.path == *path)
        else {
            return Vec::new(); // The articles changed meanwhile; a new load is on its way.
        };
        let styles = self.options.article_styles();
        let rows = self.size.body_rows();
        let arrived =
            self.reading
                .body_arrived(article, meta, result, (&styles, rows), &self.filters);
        self.say(arrived.say);
        if arrived.again {
            vec![Effect::LoadBody { article }]
        } else {
            Vec::new()
        }
    }

    /// Opens `target` from the open article, remembering where the person
    /// was so Back returns there.
    pub(in crate::app) fn follow(&mut self, target: usize) -> Vec<Effect> {
        let depth = self.reading.leave_for_link();
        let effects = self.open_article(target);
        self.notify(format!(
            "Opened from the archive ({depth} back: h, Backspace or Left)"
        ));
        effects
    }
}
