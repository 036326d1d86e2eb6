//! The commands a key can be bound to: the bindable part of [`Action`],
//! with the name a keymap file uses and the help text, declared once in
//! `action.rs` through [`bindable_actions!`]. The keymap, its errors, the
//! help screen and the status-line hints all read them from here, so a new
//! command is one entry in that table (plus its handling in `update`).

use std::borrow::Cow;

use super::{Action, Context};

/// Declares [`Action`] with its bindable variants listed first in a
/// `bindable { ... }` block, and derives [`Command`] (the same variants,
/// `Copy`, for the keymap to store), `From<Command> for Action`, the names
/// and the help texts from that block. An entry is
///
/// ```text
/// /// Doc comment (both enums).
/// Variant = "keymap_name" => "help text" { List | Search => "help text there" },
/// Numbered(n: u8 = 1..=9) = "name_" => "help with {n}",
/// ```
///
/// The `{ ... }` part (help text for particular contexts) is optional. A
/// numbered entry binds one name per number (`name_1` ... `name_9`).
macro_rules! bindable_actions {
    (
        $(#[$meta:meta])*
        $vis:vis enum $Action:ident {
            bindable {
                $(
                    $(#[$attr:meta])*
                    $Variant:ident $( ( $n:ident : $ty:ty = $lo:literal ..= $hi:literal ) )?
                        = $name:literal => $help:literal
                        $( { $( $($ctx:ident)|+ => $ctx_help:literal ),* $(,)? } )?
                ),* $(,)?
            }
            $($rest:tt)*
        }
    ) => {
        $(#[$meta])*
        $vis enum $Action {
            $( $(#[$attr])* $Variant $( ($ty) )?, )*
            $($rest)*
        }

        /// What a key can be bound to: the bindable [`Action`]s, without
        /// data beyond a number, so the keymap can store and copy them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Command {
            $( $(#[$attr])* $Variant $( ($ty) )?, )*
        }

        impl From<Command> for $Action {
            fn from(command: Command) -> Self {
                match command {
                    $( Command::$Variant $( ($n) )? => $Action::$Variant $( ($n) )?, )*
                }
            }
        }

        impl Command {
            /// Every command in table order, a numbered one once per number.
            #[allow(clippy::vec_init_then_push)] // one push per table entry
            pub fn all() -> Vec<Command> {
                let mut all = Vec::new();
                $( $crate::app::command::push_each!(all, $Variant $( ($lo ..= $hi) )?); )*
                all
            }

            /// The name's fixed part, and the number of a numbered command.
            pub(super) fn name_parts(self) -> (&'static str, Option<u8>) {
                match self {
                    $( Command::$Variant $( ($n) )? => {
                        let number: &[u8] = &[$($n)?];
                        ($name, number.first().copied())
                    } )*
                }
            }

            /// The help text in `context` (`{n}` not yet filled in).
            pub(super) fn help_parts(self, context: $crate::app::Context) -> (&'static str, Option<u8>) {
                match self {
                    $( Command::$Variant $( ($n) )? => {
                        let number: &[u8] = &[$($n)?];
                        $( $(
                            if matches!(context, $($crate::app::Context::$ctx)|+) {
                                return ($ctx_help, number.first().copied());
                            }
                        )* )?
                        let _ = context;
                        ($help, number.first().copied())
                    } )*
                }
            }
        }
    };
}

/// Pushes a plain command, or a numbered one once per number.
macro_rules! push_each {
    ($all:ident, $Variant:ident) => {
        $all.push(Command::$Variant);
    };
    ($all:ident, $Variant:ident ($range:expr)) => {
        $all.extend(($range).map(Command::$Variant));
    };
}

pub(crate) use {bindable_actions, push_each};

pub use super::action::Command;

impl Command {
    /// The name keymap files and config.yaml's `keys:` use:
    /// `move_down`, `filter_tag_3`.
    pub fn name(self) -> Cow<'static, str> {
        match self.name_parts() {
            (name, None) => Cow::Borrowed(name),
            (name, Some(n)) => Cow::Owned(format!("{name}{n}")),
        }
    }

    /// The command a keymap name stands for.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::all().into_iter().find(|c| c.name() == name)
    }

    /// Every name, in table order, for messages listing them.
    pub fn names() -> Vec<String> {
        Command::all()
            .into_iter()
            .map(|c| c.name().into_owned())
            .collect()
    }

    /// What the command does in `context`, for the help screen.
    pub fn help(self, context: Context) -> Cow<'static, str> {
        match self.help_parts(context) {
            (text, None) => Cow::Borrowed(text),
            (text, Some(n)) => Cow::Owned(text.replace("{n}", &n.to_string())),
        }
    }

    /// The action this command stands for.
    pub fn action(self) -> Action {
        self.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_maps_to_an_action_with_a_description() {
        for name in Command::names() {
            let command = Command::from_name(&name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(command.name(), name);
            for context in [
                Context::List,
                Context::Detail,
                Context::Picker,
                Context::Help,
                Context::Search,
            ] {
                assert!(!command.help(context).is_empty(), "{name}");
            }
        }
        assert!(Command::from_name("filter_tag_0").is_none());
        assert!(Command::from_name("filter_tag_10").is_none());
        assert!(Command::from_name("launch_missiles").is_none());
    }

    #[test]
    fn names_help_and_actions_come_from_the_one_table() {
        assert_eq!(Command::MoveDown.name(), "move_down");
        assert_eq!(Command::ShowLinks.name(), "links");
        assert_eq!(Command::FilterByTag(3).name(), "filter_tag_3");
        assert_eq!(Command::MoveDown.help(Context::Picker), "next entry");
        assert_eq!(Command::MoveDown.help(Context::Detail), "scroll down");
        assert_eq!(
            Command::FilterByTag(4).help(Context::Detail),
            "filter by the article's tag [4]"
        );
        assert_eq!(
            format!("{:?}", Command::FilterByTag(3).action()),
            "FilterByTag(3)"
        );
        let names = Command::names();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "no name twice: {names:?}");
    }
}
