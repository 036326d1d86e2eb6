//! The article view as a sub-state: the open article, the back stack of
//! articles links were followed from (with where the person was in each),
//! the scroll position waiting for the body of an article returned to,
//! and whether a kept search's first match is due once the body is in.
//! Its `update` scrolls and says what else a key asks ([`ReadingOutcome`]),
//! which `App::update_detail` acts on. Opening an article is here too: it
//! takes the library, the options and the marks the sub-state lacks.

use super::cursor::signed;
use super::{Action, App, Body, Detail, Effect};
use crate::article::Article;
use crate::render::ArticleStyles;

/// More articles than this on the back stack forget the oldest.
const BACK_LIMIT: usize = 1000;

/// An article the person followed a link from, and where they were in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visited {
    pub article: usize,
    pub scroll: usize,
}

/// The open article and the way back through the links followed to it.
#[derive(Debug, Default)]
pub(super) struct Reading {
    open: Option<Detail>,
    /// Articles links were followed from, the most recent last.
    back: Vec<Visited>,
    /// Where to scroll once the article Back returned to is laid out.
    restore: Option<Visited>,
    /// Opened from the list with a search kept: scroll to its first match
    /// once the body is in.
    first_match_due: bool,
}

/// What a key in the article view asks of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReadingOutcome {
    /// Handled here (a scroll).
    Done,
    /// Back with no link followed: to the list.
    Close,
    /// Back to the article a link was followed from, at this place.
    Return(Visited),
    /// The next (1) or previous (-1) listed article; the back stack is
    /// forgotten.
    Step(isize),
    /// Space at the article's end: the next unread.
    NextUnread,
    /// Not a key of the article view's own: the app's to handle.
    Other,
}

impl Reading {
    /// The open article.
    pub(super) fn open(&self) -> Option<&Detail> {
        self.open.as_ref()
    }

    pub(super) fn open_mut(&mut self) -> Option<&mut Detail> {
        self.open.as_mut()
    }

    /// Articles the back key returns to, the most recent last.
    pub(super) fn back(&self) -> &[Visited] {
        &self.back
    }

    /// Back to the list; the way back is forgotten.
    pub(super) fn close(&mut self) {
        self.open = None;
        self.back.clear();
    }

    /// The back stack no longer leads anywhere (a move in the list, the
    /// articles changed).
    pub(super) fn forget_back(&mut self) {
        self.back.clear();
    }

    /// Scrolls for `action` with `rows` rows on screen, or says what it
    /// asks of the app.
    fn update(&mut self, action: &Action, rows: usize) -> ReadingOutcome {
        let Some(detail) = self.open.as_mut() else {
            return ReadingOutcome::Close;
        };
        if detail.update(action, rows) {
            return ReadingOutcome::Done;
        }
        match action {
            Action::Back => self
                .back
                .pop()
                .map_or(ReadingOutcome::Close, ReadingOutcome::Return),
            Action::PageOrNextUnread if detail.scroll < detail.max_scroll(rows) => {
                detail.scroll_by(signed(rows.max(1)), rows);
                ReadingOutcome::Done
            }
            Action::PageOrNextUnread => ReadingOutcome::NextUnread,
            Action::NextArticle | Action::PrevArticle => {
                self.back.clear();
                ReadingOutcome::Step(if matches!(action, Action::NextArticle) {
                    1
                } else {
                    -1
                })
            }
            _ => ReadingOutcome::Other,
        }
    }

    /// Puts the scroll position back once the article returned to has its
    /// body laid out.
    fn restore_scroll(&mut self, rows: usize) {
        let Some(visited) = self.restore else { return };
        let Some(detail) = self.open.as_mut().filter(|d| d.article == visited.article) else {
            self.restore = None;
            return;
        };
        detail.scroll_to(visited.scroll, rows);
        if !matches!(detail.body, Body::Loading) {
            self.restore = None;
        }
    }

    /// The archive's links became known: the open article, if its body is
    /// in, is to be read again with its in-archive marks (returned); one
    /// on its way is read again once it is there.
    pub(super) fn links_known(&mut self) -> Option<usize> {
        let detail = self.open.as_mut()?;
        match detail.body {
            Body::Loaded(_) => Some(detail.article),
            Body::Loading => {
                detail.unmarked_on_the_way = true;
                None
            }
            Body::Failed(_) => None,
        }
    }

    /// The open article is now at `article` in the changed library; says
    /// whether its body was still on its way (asked at the old place).
    pub(super) fn moved_to(&mut self, article: usize) -> bool {
        self.open.as_mut().is_some_and(|detail| {
            detail.article = article;
            matches!(detail.body, Body::Loading)
        })
    }

    /// Lays the open article out again for `width` columns (when that
    /// changed) and `rows` rows.
    pub(super) fn resize(
        &mut self,
        articles: &[Article],
        width: usize,
        rows: usize,
        styles: &ArticleStyles,
    ) {
        if let Some(detail) = self.open.as_mut() {
            if let Some(article) = articles.get(detail.article) {
                if detail.width != width {
                    detail.layout(article, width, styles);
                }
            }
            detail.scroll_by(0, rows);
        }
    }
}

impl App {
    /// Routes `action` to the article view, then does what it asks.
    pub(super) fn update_detail(&mut self, action: Action) -> Vec<Effect> {
        match self.reading.update(&action, self.size.body_rows()) {
            ReadingOutcome::Done => Vec::new(),
            ReadingOutcome::Close => {
                self.reading.close();
                Vec::new()
            }
            ReadingOutcome::Return(visited) => {
                // Back to where the person was, now or once the body is in.
                let effects = self.open_article(visited.article);
                self.reading.first_match_due = false;
                self.reading.restore = Some(visited);
                self.reading.restore_scroll(self.size.body_rows());
                effects
            }
            ReadingOutcome::Step(delta) => self.step_article(delta),
            ReadingOutcome::NextUnread => self.open_next_unread(),
            ReadingOutcome::Other => match action {
                Action::ShowLinks => {
                    self.show_links();
                    Vec::new()
                }
                Action::Backlinks => {
                    self.show_backlinks();
                    Vec::new()
                }
                Action::Search | Action::NextMatch | Action::PrevMatch => {
                    self.update_find(&action);
                    Vec::new()
                }
                Action::Open | Action::Click { .. } => Vec::new(),
                other => self.update_common(&other),
            },
        }
    }

    /// Shows `article` in the article view (keeping the back stack) and
    /// asks for its body.
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
        self.reading.open = Some(detail);
        self.reading.restore = None;
        // Opened with a search kept: its first match is shown once the
        // body is in.
        self.reading.first_match_due = self.search_query().is_some();
        self.find = None;
        self.search.hits = None;
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
        let rows = self.size.body_rows();
        let reading = &mut self.reading;
        let Some(detail) = reading.open.as_mut().filter(|d| d.article == article) else {
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
        detail.scroll_by(0, rows);
        // Shown as it is meanwhile; the marked one follows.
        let again = std::mem::take(&mut detail.unmarked_on_the_way);
        reading.restore_scroll(rows);
        if std::mem::take(&mut reading.first_match_due) {
            self.jump_to_match(true);
        }
        if again {
            vec![Effect::LoadBody { article }]
        } else {
            Vec::new()
        }
    }

    /// Opens `target` from the open article, remembering where the person
    /// was so Back returns there.
    pub(super) fn follow(&mut self, target: usize) -> Vec<Effect> {
        let back = &mut self.reading.back;
        if let Some(detail) = self.reading.open.as_ref() {
            if back.len() >= BACK_LIMIT {
                back.remove(0);
            }
            back.push(Visited {
                article: detail.article,
                scroll: detail.scroll,
            });
        }
        let depth = back.len();
        let effects = self.open_article(target);
        self.notify(format!(
            "Opened from the archive ({depth} back: h, Backspace or Left)"
        ));
        effects
    }
}
