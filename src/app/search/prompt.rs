//! The `/` prompt over the list: its text, what to go back to, the
//! history recalled, and its own `update` for editing; what needs the rest
//! of the app (searching, keeping, cancelling, moving the list) comes back
//! as a [`PromptOutcome`].

use crate::app::{Action, Criterion, Cursor};
use crate::search::append_capped;
use crate::search::history::History;
use crate::text::sanitize;

/// The `/` prompt while it is open.
#[derive(Debug)]
pub struct Prompt {
    pub input: String,
    /// The search criterion before `/`, restored by Esc.
    pub(super) previous: Option<Criterion>,
    /// The list selection before `/`, restored by Esc.
    pub(super) cursor: Cursor,
    /// How far back Up has gone in the history (1: the newest entry);
    /// `None` while the text is the person's own.
    recalled: Option<usize>,
    /// What was typed before Up recalled older searches; Down past the
    /// newest entry brings it back.
    draft: String,
    /// The query changed since the selection last moved: the selection
    /// stays on the first match while results fill in.
    pub(super) on_first: bool,
}

/// What the app does after the prompt took an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PromptOutcome {
    /// Nothing changed.
    Stay,
    /// The text changed: search again (`cut`: it was cut to the query
    /// limit, say so).
    Edited { cut: bool },
    /// Enter: keep the search.
    Keep,
    /// Esc: back to what there was before `/`.
    Cancel,
    /// A move or a click for the list (`close`: the prompt closes first).
    ToList { close: bool },
}

impl Prompt {
    /// The prompt opened on `input`, to go back to the search `previous`
    /// and the selection `cursor` on Esc.
    pub(super) fn new(input: String, previous: Option<Criterion>, cursor: Cursor) -> Prompt {
        Prompt {
            input,
            previous,
            cursor,
            recalled: None,
            draft: String::new(),
            on_first: false,
        }
    }

    /// Takes `action`, with `history` the searches kept with Enter.
    pub(super) fn update(&mut self, action: &Action, history: &History) -> PromptOutcome {
        if matches!(
            action,
            Action::Insert(_) | Action::InsertText(_) | Action::DeleteChar | Action::ClearQuery
        ) {
            // Editing makes a recalled search the person's own text.
            self.recalled = None;
            self.draft.clear();
        }
        let cut = match action {
            Action::Insert(c) if !c.is_control() => {
                append_capped(&mut self.input, c.encode_utf8(&mut [0; 4]))
            }
            Action::InsertText(text) => {
                append_capped(&mut self.input, &sanitize::clean_inline(text))
            }
            Action::DeleteChar => {
                self.input.pop();
                false
            }
            Action::ClearQuery => {
                self.input.clear();
                false
            }
            Action::HistoryPrev | Action::HistoryNext => {
                if !recall(self, history, action_is_back(action)) {
                    return PromptOutcome::Stay;
                }
                false
            }
            Action::Apply | Action::Open => return PromptOutcome::Keep,
            Action::Back => return PromptOutcome::Cancel,
            Action::Click { .. } => return PromptOutcome::ToList { close: true },
            Action::MoveDown
            | Action::MoveUp
            | Action::PageDown
            | Action::PageUp
            | Action::First
            | Action::Last
            | Action::ScrollDown { .. }
            | Action::ScrollUp { .. } => {
                self.on_first = false;
                return PromptOutcome::ToList { close: false };
            }
            _ => return PromptOutcome::Stay,
        };
        PromptOutcome::Edited { cut }
    }
}

fn action_is_back(action: &Action) -> bool {
    matches!(action, Action::HistoryPrev)
}

/// Up (`back`) / Down at the prompt: the next older / newer kept search in
/// place of the text, Down past the newest giving back what was typed.
/// Says whether the text changed.
fn recall(prompt: &mut Prompt, history: &History, back: bool) -> bool {
    let now = prompt.recalled.unwrap_or(0);
    let next = if back {
        if now >= history.len() {
            return false;
        }
        now + 1
    } else if now == 0 {
        return false;
    } else {
        now - 1
    };
    if now == 0 {
        prompt.draft = std::mem::take(&mut prompt.input);
    }
    prompt.input = match next.checked_sub(1) {
        Some(n) => history.back(n).unwrap_or_default().to_owned(),
        None => std::mem::take(&mut prompt.draft),
    };
    prompt.recalled = (next > 0).then_some(next);
    true
}
