//! The article view as a sub-state: the open article, the back stack of
//! articles links were followed from (with where the person was in each),
//! the scroll position waiting for the body of an article returned to,
//! and whether a kept search's first match is due once the body is in.
//! Its `update` scrolls and says what else a key asks ([`ReadingOutcome`]),
//! which `App::update_detail` acts on. The find in the open article and
//! its matches are here too (`find`). Opening an article is in `open`: it
//! takes the library, the options and the marks the sub-state lacks in an
//! `Opening`.

mod find;
mod hits;
mod open;

pub use hits::find_in_lines;
pub(super) use open::Opening;

use super::cursor::signed;
use super::{Action, Body, Detail, Effect, Filters, Reply};
use crate::article::Article;
use crate::render::{ArticleStyles, Document};

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
    /// Find in the open article (`/` in the article view).
    find: Option<find::Find>,
    /// The matches in the open article, for `n` / `N`.
    hits: Option<hits::DetailHits>,
}

/// What a key in the article view asks of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ReadingOutcome {
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

    /// Articles the back key returns to, the most recent last.
    pub(super) fn back(&self) -> &[Visited] {
        &self.back
    }

    /// Back to the list; the way back is forgotten.
    pub(super) fn close(&mut self) {
        self.open = None;
        self.back.clear();
    }

    /// The back stack no longer leads anywhere (a move in the list).
    pub(super) fn forget_back(&mut self) {
        self.back.clear();
    }

    /// The library's articles changed: the back stack and the matches
    /// found in the old ones are forgotten.
    pub(super) fn articles_changed(&mut self) {
        self.back.clear();
        self.hits = None;
    }

    /// Shows `detail` (keeping the back stack); `first_match_due`: a
    /// search is kept, whose first match is shown once the body is in.
    fn show(&mut self, detail: Detail, first_match_due: bool) {
        self.open = Some(detail);
        self.restore = None;
        self.first_match_due = first_match_due;
        self.find = None;
        self.hits = None;
    }

    /// Remembers the open article and the place in it before a link is
    /// followed; returns how many articles Back now leads through.
    fn leave_for_link(&mut self) -> usize {
        if let Some(detail) = self.open.as_ref() {
            if self.back.len() >= BACK_LIMIT {
                self.back.remove(0);
            }
            self.back.push(Visited {
                article: detail.article,
                scroll: detail.scroll,
            });
        }
        self.back.len()
    }

    /// Just shown again by Back: scroll to where the person was, now or
    /// once the body is in.
    fn returned_to(&mut self, visited: Visited, rows: usize) {
        self.first_match_due = false;
        self.restore = Some(visited);
        self.restore_scroll(rows);
    }

    /// The body of `meta` (article number `article`) arrived; lays it out
    /// and scrolls where due. Replies what the status line is to say, and
    /// the body's read again if it came without the archive's marks (none
    /// of it when the person moved on before it arrived).
    pub(super) fn body_arrived(
        &mut self,
        article: usize,
        meta: &Article,
        result: Result<Document, String>,
        layout: (&ArticleStyles, usize),
        filters: &Filters,
    ) -> Reply {
        let (styles, rows) = layout;
        let Some(detail) = self.open.as_mut().filter(|d| d.article == article) else {
            return Reply::done(); // The person moved on before it arrived.
        };
        detail.body = match result {
            Ok(document) => Body::Loaded(document),
            Err(reason) => Body::Failed(reason),
        };
        detail.layout(meta, detail.width, styles);
        detail.scroll_by(0, rows);
        // Shown as it is meanwhile; the marked one follows.
        let again = std::mem::take(&mut detail.unmarked_on_the_way);
        self.restore_scroll(rows);
        let say = if std::mem::take(&mut self.first_match_due) {
            self.jump_to_match(true, rows, filters)
        } else {
            None
        };
        let reply = say.map_or_else(Reply::done, Reply::say);
        if again {
            reply.and(Effect::LoadBody { article })
        } else {
            reply
        }
    }

    /// Scrolls for `action` with `rows` rows on screen, or says what it
    /// asks of the app.
    pub(super) fn update(&mut self, action: &Action, rows: usize) -> ReadingOutcome {
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
