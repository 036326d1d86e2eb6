//! `App::update` in the list view and at the one-line prompt: routing the
//! keys to the list (`ListState::update`) or the prompt
//! (`LineInput::update`) and doing what they ask, which reaches the
//! article view, the search, the pop-ups and the marks.

use crate::app::line_input::{self, InputOutcome};
use crate::app::list::{Clicked, ListOutcome};
use crate::app::{Action, App, Effect, InputPurpose, LineInput};

impl App {
    /// Routes `action` to the list, then does what it asks; keys that are
    /// not the list's own go on to the views' common keys.
    pub(in crate::app) fn update_list(&mut self, action: Action) -> Vec<Effect> {
        let rows = self.size.body_rows();
        match self.list.update(&action, rows, self.filters.search()) {
            ListOutcome::Done => return Vec::new(),
            ListOutcome::Say(text) => {
                self.notify(text);
                return Vec::new();
            }
            ListOutcome::Other => {}
        }
        match action {
            Action::Open => return self.open_selected(),
            Action::Click { row, .. } => {
                let area = self.size.body_area();
                if !self.size.too_small() && self.list.click(row, area) == Clicked::Selected {
                    return self.open_selected();
                }
            }
            Action::ShowLinks => self.notify("Open an article first: its links are listed there"),
            Action::Search => return self.open_search(),
            Action::CycleSort => {
                let said = self.search.cycle_sort(&self.library.articles);
                self.refilter();
                self.notify(said);
            }
            Action::Sources => self.open_sources(),
            Action::Timeline => self.open_timeline(),
            Action::JumpToDate if self.list.visible().is_empty() => {
                self.notify("No articles listed");
            }
            Action::JumpToDate => {
                self.reading.close();
                self.input = Some(LineInput::new(InputPurpose::JumpToDate));
            }
            other => return self.update_common(&other),
        }
        Vec::new()
    }

    /// Opens the first unread listed article after the current one (the
    /// open one, else the selected one), going round to the top.
    pub(super) fn open_next_unread(&mut self) -> Vec<Effect> {
        let current = self.current_article();
        let found = self
            .list
            .next_unread(current, |article| self.marks.is_read(article));
        let Some((position, wrapped)) = found else {
            self.notify("No unread article left in the list");
            return Vec::new();
        };
        self.list.select(position, self.size.body_rows());
        self.reading.forget_back();
        let effects = self.open_article(self.list.visible()[position]);
        if wrapped {
            self.notify("Next unread: back at the top of the list");
        }
        effects
    }

    fn open_selected(&mut self) -> Vec<Effect> {
        match self.selected_article() {
            Some(article) => self.open_article(article),
            None => Vec::new(),
        }
    }

    /// The next (1) or previous (-1) listed article, from the article view.
    pub(super) fn step_article(&mut self, delta: isize) -> Vec<Effect> {
        if !self.list.step(delta, self.size.body_rows()) {
            self.notify(if delta > 0 {
                "This is the last article"
            } else {
                "This is the first article"
            });
            return Vec::new();
        }
        self.open_selected()
    }

    /// Routes `action` to the open prompt, then does what it asks.
    pub(in crate::app) fn update_input(&mut self, action: &Action) -> Vec<Effect> {
        let Some(input) = self.input.as_mut() else {
            return Vec::new();
        };
        match input.update(action, &self.pipe_history) {
            InputOutcome::Stay => Vec::new(),
            InputOutcome::Cancel => {
                self.input = None;
                Vec::new()
            }
            InputOutcome::Submit => {
                let Some(input) = self.input.take() else {
                    return Vec::new();
                };
                match input.purpose {
                    InputPurpose::Pipe { article } => {
                        let width = usize::from(self.size.text_area().width);
                        let history = &mut self.pipe_history;
                        let reply = line_input::pipe(history, article, input.text.trim(), width);
                        self.reply(reply)
                    }
                    InputPurpose::JumpToDate => {
                        let visible = self.list.visible();
                        match line_input::date_position(
                            &input.text,
                            visible,
                            &self.library.articles,
                        ) {
                            Ok((position, found)) => {
                                let listed = visible.len();
                                self.list.select(position, self.size.body_rows());
                                self.notify(line_input::jumped(position, listed, found));
                            }
                            Err(e) => self.fail(e),
                        }
                        Vec::new()
                    }
                }
            }
        }
    }
}
