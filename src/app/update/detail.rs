//! `App::update` in the article view: routing the keys to the article view
//! (`Reading::update`) and doing what it asks, which reaches the list,
//! the pickers and the marks; and handing `Reading` what opening an
//! article takes of the other parts (an `Opening`).

use crate::app::reading::{Opening, Reading, ReadingOutcome};
use crate::app::{Action, App, Effect, PickerKind};
use crate::article::Article;

impl App {
    /// Routes `action` to the article view, then does what it asks.
    pub(super) fn update_detail(&mut self, action: Action) -> Vec<Effect> {
        let rows = self.size.body_rows();
        match self.reading.update(&action, rows) {
            ReadingOutcome::Done => Vec::new(),
            ReadingOutcome::Close => {
                self.reading.close();
                Vec::new()
            }
            ReadingOutcome::Return(visited) => {
                let (reading, here) = self.opening();
                reading.return_to(visited, rows, here)
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
    pub(super) fn update_find_prompt(&mut self, action: &Action) -> Vec<Effect> {
        let rows = self.size.body_rows();
        let say = self.reading.update_find_prompt(action, rows, &self.filters);
        self.say(say);
        Vec::new()
    }

    /// `Action::BodyLoaded`: the body read for article number `article`
    /// (at `path`) goes to the article view, if that is still the article
    /// at that number.
    pub(super) fn body_loaded(
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
        let reply =
            self.reading
                .body_arrived(article, meta, result, (&styles, rows), &self.filters);
        self.reply(reply)
    }

    /// Shows `article` in the article view (keeping the back stack) and
    /// asks for its body.
    pub(super) fn open_article(&mut self, article: usize) -> Vec<Effect> {
        let (reading, here) = self.opening();
        reading.open_article(article, here)
    }

    /// Opens `target` from the open article, remembering where the person
    /// was so Back returns there.
    pub(super) fn follow(&mut self, target: usize) -> Vec<Effect> {
        let (reading, here) = self.opening();
        let reply = reading.follow(target, here);
        self.reply(reply)
    }

    /// The article view, and what opening an article in it takes of the
    /// other parts.
    fn opening(&mut self) -> (&mut Reading, Opening<'_>) {
        let width = usize::from(self.size.text_area().width);
        let search_kept = self.search_query().is_some();
        let here = Opening::new(
            &self.library.articles,
            &self.catalog,
            &self.options,
            &mut self.marks,
            width,
            search_kept,
        );
        (&mut self.reading, here)
    }
}
