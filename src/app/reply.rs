//! What a part's handler asks of the rest of the app once it has changed
//! its own state: a message in the status line, a yes/no question, work
//! outside (effects). Handlers take what they need of other parts as
//! arguments and return a [`Reply`]; `App::reply` shows it and hands the
//! effects on, so no handler reaches into the app's other fields.

use super::{Confirm, Effect, Status};

/// A handler's answer: at most one message, a question, effects.
#[derive(Debug, Default)]
pub(super) struct Reply {
    status: Option<Status>,
    confirm: Option<Confirm>,
    effects: Vec<Effect>,
}

impl Reply {
    /// Nothing to show, nothing to do.
    pub(super) fn done() -> Reply {
        Reply::default()
    }

    /// An informational message.
    pub(super) fn say(text: impl Into<String>) -> Reply {
        Reply::status(text.into(), false)
    }

    /// An error message.
    pub(super) fn fail(text: impl Into<String>) -> Reply {
        Reply::status(text.into(), true)
    }

    /// A question to ask before going on.
    pub(super) fn ask(question: Confirm) -> Reply {
        Reply {
            confirm: Some(question),
            ..Reply::default()
        }
    }

    /// Work to do outside.
    pub(super) fn effect(effect: Effect) -> Reply {
        Reply {
            effects: vec![effect],
            ..Reply::default()
        }
    }

    /// The same reply with `effect` to do too.
    pub(super) fn and(mut self, effect: Effect) -> Reply {
        self.effects.push(effect);
        self
    }

    /// Puts the message and the question where the app keeps them (each
    /// only if there is one); returns the effects.
    pub(super) fn shown(
        self,
        status: &mut Option<Status>,
        confirm: &mut Option<Confirm>,
    ) -> Vec<Effect> {
        if self.status.is_some() {
            *status = self.status;
        }
        if self.confirm.is_some() {
            *confirm = self.confirm;
        }
        self.effects
    }

    fn status(text: String, error: bool) -> Reply {
        Reply {
            status: Some(Status { text, error }),
            ..Reply::default()
        }
    }
}
