//! `App::update` for marks: routing the marking keys to `MarkState`
//! and acting on its outcome, the yes/no questions, marking an opened
//! article read, and when to save.

use std::time::Instant;

use super::marks::MarkOutcome;
use super::{Action, App, Effect, HiddenHost};
use crate::marks::SaveOutcome;
use crate::text::thousands::thousands;

/// A yes/no question waiting in the status line; any other key cancels it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Mark the `listed` articles read; `unread` of them are not yet.
    MarkAllRead { listed: usize, unread: usize },
    /// Open `url`, whose address names `hidden.shown_as` before an `@`
    /// while it goes to `hidden.host`.
    OpenLink { url: String, hidden: HiddenHost },
    /// Mark the `total` articles of `source` read (sources view).
    MarkSourceRead {
        source: String,
        total: usize,
        unread: usize,
    },
}

impl Confirm {
    /// The question as the status line asks it (for a link, the real host
    /// first, so a narrow status line still shows it).
    pub fn question(&self) -> String {
        match self {
            Confirm::OpenLink { hidden, .. } => format!(
                "This link goes to {}, not {} (named before @). Open it? y/n",
                hidden.host, hidden.shown_as
            ),
            Confirm::MarkSourceRead {
                source,
                total,
                unread,
            } => format!(
                "Mark all {} of {} read ({} unread)? y/n",
                plural(*total, "article", "articles"),
                crate::overview::source_shown(source),
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
        let current = self.current_article();
        let articles = &self.library.articles;
        match self
            .marks
            .update(action, articles, current, self.list.visible())
        {
            MarkOutcome::Stay => {}
            MarkOutcome::Say(text) => self.notify(text),
            MarkOutcome::Ask(question) => self.confirm = Some(question),
            MarkOutcome::ViewChanged(view) => {
                self.refilter();
                self.notify(format!(
                    "Showing {} articles: {} listed",
                    view.label(),
                    thousands(self.list.visible().len())
                ));
            }
        }
        Vec::new()
    }

    /// `Action::Answer`: the reply to the pending question, if any.
    pub(super) fn answer(&mut self, yes: bool) -> Vec<Effect> {
        let Some(question) = self.confirm.take() else {
            return Vec::new();
        };
        if !yes {
            self.notify(match question {
                Confirm::OpenLink { .. } => "Not opened",
                Confirm::MarkAllRead { .. } | Confirm::MarkSourceRead { .. } => "Nothing changed",
            });
            return Vec::new();
        }
        match question {
            Confirm::OpenLink { url, hidden } => {
                self.notify(format!(
                    "Opening {} (host {})",
                    crate::text::width::truncate(&url, 200),
                    hidden.host
                ));
                return vec![Effect::OpenUrl(url)];
            }
            Confirm::MarkSourceRead { source, .. } => self.mark_source_read(&source),
            Confirm::MarkAllRead { .. } => {
                let listed = self.list.visible().iter().copied();
                let marked = self.marks.mark_read(&self.library.articles, listed);
                self.notify(format!(
                    "Marked {} read",
                    plural(marked, "article", "articles")
                ));
            }
        }
        Vec::new()
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
