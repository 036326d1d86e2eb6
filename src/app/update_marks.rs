//! `App::update` for marks: read and starred, the all/unread/starred view,
//! the question before marking everything read, and when to save.

use std::time::Instant;

use super::{Action, App, Effect};
use crate::marks::SaveOutcome;
use crate::text::thousands::thousands;

/// A yes/no question waiting in the status line; any other key cancels it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Mark the `listed` articles read; `unread` of them are not yet.
    MarkAllRead { listed: usize, unread: usize },
    /// Mark the `total` articles of `source` read (sources view).
    MarkSourceRead {
        source: String,
        total: usize,
        unread: usize,
    },
}

impl Confirm {
    /// The question as the status line asks it.
    pub fn question(&self) -> String {
        match self {
            Confirm::MarkSourceRead {
                source,
                total,
                unread,
            } => format!(
                "Mark all {} of {} read ({} unread)? y/n",
                plural(*total, "article", "articles"),
                if source.is_empty() {
                    "(no source)"
                } else {
                    source
                },
                thousands(*unread)
            ),
            Confirm::MarkAllRead { listed, unread } => format!(
                "Mark {} read ({} unread)? y/n",
                if *listed == 1 {
                    "the listed article".to_owned()
                } else {
                    format!("all {} listed articles", thousands(*listed))
                },
                thousands(*unread)
            ),
        }
    }
}

/// `3 articles`, `1 article`, `49,118 articles`.
pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

impl App {
    /// `r`, `s`, `R` and `v` in the list and the article view.
    pub(super) fn update_marks(&mut self, action: &Action) -> Vec<Effect> {
        match action {
            Action::ToggleRead => self.toggle_read(),
            Action::ToggleStar => self.toggle_star(),
            Action::MarkAllRead => self.ask_mark_all_read(),
            Action::CycleView => self.cycle_view(),
            _ => {}
        }
        Vec::new()
    }

    fn toggle_read(&mut self) {
        let Some(article) = self.current_article() else {
            return;
        };
        let read = !self.marks.is_read(article);
        self.marks.set_read(&self.library.articles, article, read);
        self.notify(if read { "Marked read" } else { "Marked unread" });
    }

    fn toggle_star(&mut self) {
        let Some(article) = self.current_article() else {
            return;
        };
        let starred = self.marks.toggle_star(&self.library.articles, article);
        self.notify(if starred { "Starred" } else { "Unstarred" });
    }

    fn ask_mark_all_read(&mut self) {
        let unread = self.marks.count_unread(&self.list.visible);
        if unread == 0 {
            self.notify("Every listed article is already read");
            return;
        }
        self.confirm = Some(Confirm::MarkAllRead {
            listed: self.list.visible.len(),
            unread,
        });
    }

    /// `Action::Answer`: the reply to the pending question, if any.
    pub(super) fn answer(&mut self, yes: bool) {
        let Some(question) = self.confirm.take() else {
            return;
        };
        if !yes {
            self.notify("Nothing changed");
            return;
        }
        match question {
            Confirm::MarkSourceRead { source, .. } => self.mark_source_read(&source),
            Confirm::MarkAllRead { .. } => {
                let mut marked = 0;
                for &article in &self.list.visible {
                    if self.marks.set_read(&self.library.articles, article, true) {
                        marked += 1;
                    }
                }
                self.notify(format!(
                    "Marked {} read",
                    plural(marked, "article", "articles")
                ));
            }
        }
    }

    fn cycle_view(&mut self) {
        let view = self.marks.view().cycle();
        self.marks.set_view(view);
        self.refilter();
        self.notify(format!(
            "Showing {} articles: {} listed",
            view.label(),
            thousands(self.list.visible.len())
        ));
    }

    /// Marks the article read as it is opened.
    pub(super) fn mark_opened(&mut self, article: usize) {
        self.marks.set_read(&self.library.articles, article, true);
    }

    /// `Action::Tick`: the changes to save when they are due at `now`.
    pub(super) fn save_marks_if_due(&mut self, now: Instant) -> Option<Effect> {
        self.marks.save_if_due(now).map(Effect::SaveMarks)
    }

    /// `Action::FlushMarks`: every change, to save now.
    pub(super) fn flush_marks(&mut self) -> Vec<Effect> {
        self.marks
            .save_now()
            .map(Effect::SaveMarks)
            .into_iter()
            .collect()
    }

    /// `Action::MarksSaved`: takes in what a save found (another process's
    /// marks, a file that had to be set aside) or why it failed.
    pub(super) fn marks_saved(&mut self, outcome: SaveOutcome) {
        let saved = self.marks.saved(outcome);
        if let Some(notice) = self.marks.take_notices().into_iter().last() {
            self.fail(notice);
        }
        if let Err(e) = saved {
            self.fail(format!("{e} (will try again)"));
        }
        if self.marks.is_outdated() {
            self.marks.rebuild(&self.library.articles);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_and_counts_read_well() {
        assert_eq!(plural(1, "article", "articles"), "1 article");
        assert_eq!(plural(49_118, "article", "articles"), "49,118 articles");
        assert_eq!(
            Confirm::MarkAllRead {
                listed: 49_118,
                unread: 1_234
            }
            .question(),
            "Mark all 49,118 listed articles read (1,234 unread)? y/n"
        );
        assert_eq!(
            Confirm::MarkAllRead {
                listed: 1,
                unread: 1
            }
            .question(),
            "Mark the listed article read (1 unread)? y/n"
        );
    }
}
