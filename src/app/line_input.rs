//! A one-line prompt in the status line: the command to pipe the article
//! to (`|`, with history) and the date to jump to.

use super::{Action, App, Effect};
use crate::overview::{End, parse_date};
use crate::text::thousands::thousands;

/// The most pipe commands kept in the history.
pub const HISTORY_LIMIT: usize = 100;
/// The longest text a prompt takes (a paste beyond it is cut).
const INPUT_LIMIT: usize = 4096;

/// What the typed line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputPurpose {
    /// A shell command to pipe `article` to, as plain text.
    Pipe { article: usize },
    /// A date to move the list's highlight to.
    JumpToDate,
}

impl InputPurpose {
    /// The prompt before the typed text.
    pub fn prompt(self) -> &'static str {
        match self {
            InputPurpose::Pipe { .. } => "Pipe to: ",
            InputPurpose::JumpToDate => "Go to date (YYYY-MM-DD): ",
        }
    }
}

/// The prompt's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineInput {
    pub purpose: InputPurpose,
    pub text: String,
    /// Which history entry Up/Down recalled (0: the newest).
    recalled: Option<usize>,
}

/// What a key at the prompt asks of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InputOutcome {
    /// Edited, or not a key of the prompt's.
    Stay,
    /// Esc: the prompt closes, nothing done.
    Cancel,
    /// Enter: do what the typed line is for.
    Submit,
}

impl LineInput {
    fn new(purpose: InputPurpose) -> LineInput {
        LineInput {
            purpose,
            text: String::new(),
            recalled: None,
        }
    }

    /// Edits the line for `action`; Up/Down at the pipe prompt recall the
    /// commands of `history` (newest last).
    fn update(&mut self, action: &Action, history: &[String]) -> InputOutcome {
        match action {
            Action::Insert(c) if !c.is_control() && self.text.len() < INPUT_LIMIT => {
                self.text.push(*c);
            }
            Action::InsertText(text) => {
                // A paste is one line: control characters (newlines) become spaces.
                for c in text.chars() {
                    if self.text.len() >= INPUT_LIMIT {
                        break;
                    }
                    self.text.push(if c.is_control() { ' ' } else { c });
                }
            }
            Action::DeleteChar => {
                self.text.pop();
            }
            Action::ClearQuery => self.text.clear(),
            Action::MoveUp | Action::MoveDown
                if matches!(self.purpose, InputPurpose::Pipe { .. }) && !history.is_empty() =>
            {
                let older = matches!(action, Action::MoveUp);
                let next = match (self.recalled, older) {
                    (None, true) => Some(0),
                    (None | Some(0), false) => None,
                    (Some(n), true) => Some((n + 1).min(history.len() - 1)),
                    (Some(n), false) => Some(n - 1),
                };
                self.recalled = next;
                self.text = next
                    .map(|n| history[history.len() - 1 - n].clone())
                    .unwrap_or_default();
            }
            Action::Back => return InputOutcome::Cancel,
            Action::Apply | Action::Open => return InputOutcome::Submit,
            _ => {}
        }
        InputOutcome::Stay
    }
}

/// Puts `command` last in `history` (once), keeping the newest
/// [`HISTORY_LIMIT`].
fn remember(history: &mut Vec<String>, command: &str) {
    history.retain(|c| c != command);
    history.push(command.to_owned());
    if history.len() > HISTORY_LIMIT {
        let extra = history.len() - HISTORY_LIMIT;
        history.drain(..extra);
    }
}

impl App {
    /// `|`: asks for a command to pipe the current article to.
    pub(super) fn ask_pipe(&mut self) {
        let Some(article) = self.current_article() else {
            self.notify("No article to pipe");
            return;
        };
        self.input = Some(LineInput::new(InputPurpose::Pipe { article }));
    }

    /// Asks for a date to jump the list to.
    pub(super) fn ask_date(&mut self) {
        if self.list.visible().is_empty() {
            self.notify("No articles listed");
            return;
        }
        self.reading.close();
        self.input = Some(LineInput::new(InputPurpose::JumpToDate));
    }

    /// The prompt in the status line, if one is open.
    pub fn line_input(&self) -> Option<&LineInput> {
        self.input.as_ref()
    }

    /// The pipe commands used before, newest last.
    pub fn pipe_history(&self) -> &[String] {
        &self.pipe_history
    }

    /// Routes `action` to the open prompt, then does what it asks.
    pub(super) fn update_input(&mut self, action: &Action) -> Vec<Effect> {
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
                    InputPurpose::Pipe { article } => self.pipe(article, input.text.trim()),
                    InputPurpose::JumpToDate => {
                        self.jump_to_date(&input.text);
                        Vec::new()
                    }
                }
            }
        }
    }

    fn pipe(&mut self, article: usize, command: &str) -> Vec<Effect> {
        if command.is_empty() {
            self.notify("Nothing piped: no command given");
            return Vec::new();
        }
        remember(&mut self.pipe_history, command);
        vec![
            Effect::SavePipeHistory(self.pipe_history.clone()),
            Effect::Pipe {
                article,
                command: Some(command.to_owned()),
                width: usize::from(self.size.text_area().width),
            },
        ]
    }

    /// Moves the list's highlight to the article dated nearest on or
    /// before the typed date (a month or year: its last day); in the
    /// newest-first order that is the first such article.
    fn jump_to_date(&mut self, text: &str) {
        let date = match parse_date(text, End::Finish) {
            Ok(date) => date,
            Err(e) => {
                self.fail(e);
                return;
            }
        };
        let mut best: Option<(usize, chrono::NaiveDate)> = None;
        for (position, &i) in self.list.visible().iter().enumerate() {
            let Some(d) = self.library.articles.get(i).and_then(|a| a.date) else {
                continue;
            };
            if d <= date && best.is_none_or(|(_, b)| d > b) {
                best = Some((position, d));
            }
        }
        match best {
            Some((position, found)) => {
                self.list.select(position, self.size.body_rows());
                self.notify(format!(
                    "Article {} of {}, dated {found}",
                    thousands(position + 1),
                    thousands(self.list.visible().len())
                ));
            }
            None => self.fail(format!("No listed article is dated on or before {date}")),
        }
    }
}
