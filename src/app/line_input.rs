//! A one-line prompt in the status line: the command to pipe the article
//! to (`|`, with history) and the date to jump to. The prompt owns the
//! typed line and its keys; what Enter does is done by the functions
//! here, given the history, the list and the articles they need.

use super::Action;
use super::{Effect, Reply};
use crate::article::Article;
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
pub(super) enum InputOutcome {
    /// Edited, or not a key of the prompt's.
    Stay,
    /// Esc: the prompt closes, nothing done.
    Cancel,
    /// Enter: do what the typed line is for.
    Submit,
}

impl LineInput {
    pub(super) fn new(purpose: InputPurpose) -> LineInput {
        LineInput {
            purpose,
            text: String::new(),
            recalled: None,
        }
    }

    /// Edits the line for `action`; Up/Down at the pipe prompt recall the
    /// commands of `history` (newest last).
    pub(super) fn update(&mut self, action: &Action, history: &[String]) -> InputOutcome {
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

/// Enter at the pipe prompt: pipes `article` (at `width` columns) to
/// `command`, which joins `history` (saved off the UI thread).
pub(super) fn pipe(
    history: &mut Vec<String>,
    article: usize,
    command: &str,
    width: usize,
) -> Reply {
    if command.is_empty() {
        return Reply::say("Nothing piped: no command given");
    }
    remember(history, command);
    Reply::effect(Effect::SavePipeHistory(history.clone())).and(Effect::Pipe {
        article,
        command: Some(command.to_owned()),
        width,
    })
}

/// Enter at the date prompt: the position in `visible` of the article
/// dated nearest on or before the typed date (a month or year: its last
/// day), and its date; in the newest-first order that is the first such
/// article. Else why not.
pub(super) fn date_position(
    text: &str,
    visible: &[usize],
    articles: &[Article],
) -> Result<(usize, chrono::NaiveDate), String> {
    let date = parse_date(text, End::Finish)?;
    let mut best: Option<(usize, chrono::NaiveDate)> = None;
    for (position, &i) in visible.iter().enumerate() {
        let Some(d) = articles.get(i).and_then(|a| a.date) else {
            continue;
        };
        if d <= date && best.is_none_or(|(_, b)| d > b) {
            best = Some((position, d));
        }
    }
    best.ok_or_else(|| format!("No listed article is dated on or before {date}"))
}

/// What the status line says after the jump to `position` (of `listed`),
/// dated `found`.
pub(super) fn jumped(position: usize, listed: usize, found: chrono::NaiveDate) -> String {
    format!(
        "Article {} of {}, dated {found}",
        thousands(position + 1),
        thousands(listed)
    )
}
