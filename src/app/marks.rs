//! Read and starred marks as the reader uses them: the person's marks (a
//! [`MarkBook`], kept by `crate::marks`), a flag per article so drawing,
//! counting and the unread/starred views never look ids up, the view, and
//! when the changes are due to be saved (from the time ticks bring: the
//! writing itself is an `Effect::SaveMarks`; the schedule is in
//! `saving`, with the marks' side of saving: when to save, taking in a
//! save's answer). `App::update` routes the
//! marking keys and the saves' answers to it and acts on its outcome.

use std::sync::Arc;

mod flags;
mod saving;

use super::{Action, Confirm};
use crate::article::Article;
use crate::marks::{MarkBook, ViewFilter};
use flags::flags;
use saving::SaveSchedule;

/// What a marking key (`r`, `s`, `R`, `v`) asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum MarkOutcome {
    Stay,
    /// Say this in the status line.
    Say(&'static str),
    /// Ask this before doing it.
    Ask(Confirm),
    /// The view changed: list again, and say so.
    ViewChanged(ViewFilter),
}

/// The marks, with flags indexed like the library's articles.
#[derive(Debug)]
pub struct MarkState {
    marks: MarkBook,
    /// Shared with a merge on its way (copied only if a mark is given
    /// meanwhile).
    read: Arc<Vec<bool>>,
    starred: Arc<Vec<bool>>,
    /// The articles whose marks were given since a merge was asked for
    /// (`track_edits`), for it to mend: `None` when none is out.
    edited: Option<Vec<usize>>,
    view: ViewFilter,
    /// The `Marks::revision` the flags were built from: another process's
    /// marks merged in by a save show up as a new revision.
    revision: u64,
    /// When the changes are due to be saved.
    saving: SaveSchedule,
}

impl MarkState {
    pub fn new(marks: MarkBook, articles: &[Article]) -> MarkState {
        let mut state = MarkState {
            revision: marks.revision(),
            marks,
            read: Arc::default(),
            starred: Arc::default(),
            edited: None,
            view: ViewFilter::All,
            saving: SaveSchedule::default(),
        };
        state.rebuild(articles);
        state
    }

    /// `r`, `s`, `R` and `v` on the `current` article (the open one, else
    /// the selected one) of the `listed` ones.
    pub(super) fn update(
        &mut self,
        action: &Action,
        articles: &[Article],
        current: Option<usize>,
        listed: &[usize],
    ) -> MarkOutcome {
        match (action, current) {
            (Action::ToggleRead, Some(article)) => {
                let read = !self.is_read(article);
                self.set_read(articles, article, read);
                MarkOutcome::Say(if read { "Marked read" } else { "Marked unread" })
            }
            (Action::ToggleStar, Some(article)) => {
                let starred = self.toggle_star(articles, article);
                MarkOutcome::Say(if starred { "Starred" } else { "Unstarred" })
            }
            (Action::MarkAllRead, _) => match self.count_unread(listed) {
                0 => MarkOutcome::Say("Every listed article is already read"),
                unread => MarkOutcome::Ask(Confirm::MarkAllRead {
                    listed: listed.len(),
                    unread,
                }),
            },
            (Action::CycleView, _) => {
                self.view = self.view.cycle();
                MarkOutcome::ViewChanged(self.view)
            }
            _ => MarkOutcome::Stay,
        }
    }

    /// Reads every article's flags from the marks again (after the library
    /// or the marks changed underneath).
    pub fn rebuild(&mut self, articles: &[Article]) {
        self.read = Arc::new(flags(articles, self.marks.read_ids()));
        self.starred = Arc::new(flags(articles, self.marks.starred_ids()));
        self.revision = self.marks.revision();
    }

    /// The flags as they stand, shared (for a merge on a worker).
    pub(super) fn shared_flags(&self) -> (Arc<Vec<bool>>, Arc<Vec<bool>>) {
        (Arc::clone(&self.read), Arc::clone(&self.starred))
    }

    /// Notes the articles whose marks are given from now on, until
    /// [`Self::take_edits`].
    pub(super) fn track_edits(&mut self) {
        self.edited = Some(Vec::new());
    }

    /// The articles whose marks were given since [`Self::track_edits`]
    /// (indices of the articles then), and stops noting them.
    pub(super) fn take_edits(&mut self) -> Vec<usize> {
        self.edited.take().unwrap_or_default()
    }

    /// Takes flags computed elsewhere for new articles (from the marks of
    /// the same revision, by id).
    pub(super) fn take_flags(&mut self, read: Vec<bool>, starred: Vec<bool>) {
        self.read = Arc::new(read);
        self.starred = Arc::new(starred);
    }

    /// Reads `articles[article]`'s flags from the marks again.
    pub(super) fn reread(&mut self, articles: &[Article], article: usize) {
        let Some(meta) = articles.get(article) else {
            return;
        };
        let (read, starred) = (
            self.marks.is_read(&meta.id),
            self.marks.is_starred(&meta.id),
        );
        if let Some(flag) = Arc::make_mut(&mut self.read).get_mut(article) {
            *flag = read;
        }
        if let Some(flag) = Arc::make_mut(&mut self.starred).get_mut(article) {
            *flag = starred;
        }
    }

    /// Whether saving merged in marks from another process since the flags
    /// were built.
    pub fn is_outdated(&self) -> bool {
        self.revision != self.marks.revision()
    }

    pub fn marks(&self) -> &MarkBook {
        &self.marks
    }

    /// Messages a save brought (a bad file set aside, say), once.
    pub fn take_notices(&mut self) -> Vec<String> {
        self.marks.take_notices()
    }

    pub fn view(&self) -> ViewFilter {
        self.view
    }

    pub fn set_view(&mut self, view: ViewFilter) {
        self.view = view;
    }

    pub fn is_read(&self, article: usize) -> bool {
        self.read.get(article).copied().unwrap_or(false)
    }

    pub fn is_starred(&self, article: usize) -> bool {
        self.starred.get(article).copied().unwrap_or(false)
    }

    /// Marks `articles[article]` read or unread; says whether it changed.
    pub fn set_read(&mut self, articles: &[Article], article: usize, read: bool) -> bool {
        let (Some(meta), Some(flag)) = (
            articles.get(article),
            Arc::make_mut(&mut self.read).get_mut(article),
        ) else {
            return false;
        };
        *flag = read;
        if let Some(edited) = self.edited.as_mut() {
            edited.push(article);
        }
        self.marks.set_read(&meta.id, read)
    }

    /// Stars or unstars `articles[article]`; returns the new state.
    pub fn toggle_star(&mut self, articles: &[Article], article: usize) -> bool {
        let (Some(meta), Some(flag)) = (
            articles.get(article),
            Arc::make_mut(&mut self.starred).get_mut(article),
        ) else {
            return false;
        };
        *flag = !self.marks.is_starred(&meta.id);
        if let Some(edited) = self.edited.as_mut() {
            edited.push(article);
        }
        self.marks.set_starred(&meta.id, *flag);
        *flag
    }

    /// Marks every article of `source` read; says how many were not.
    pub fn mark_source_read(&mut self, articles: &[Article], source: &str) -> usize {
        let of_source =
            (0..articles.len()).filter(|&i| articles[i].source().unwrap_or("") == source);
        self.mark_read(articles, of_source)
    }

    /// Marks `listed` (indices) read; says how many were not.
    pub fn mark_read(
        &mut self,
        articles: &[Article],
        listed: impl IntoIterator<Item = usize>,
    ) -> usize {
        listed
            .into_iter()
            .filter(|&i| self.set_read(articles, i, true))
            .count()
    }

    /// Whether the view lets `article` be listed.
    pub fn admits(&self, article: usize) -> bool {
        super::reload::admitted(self.view, &self.read, &self.starred, article)
    }

    /// How many of `articles` (indices) are unread.
    pub fn count_unread(&self, articles: &[usize]) -> usize {
        articles.iter().filter(|&&i| !self.is_read(i)).count()
    }
}

#[cfg(test)]
mod tests;
