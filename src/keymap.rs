//! Keys to actions: the built-in bindings (`assets/keymap.yaml`), then the
//! person's `keymap.yaml` from the config folder, then config.yaml's
//! `keys:`. All three are read into one structure
//! ([`crate::config::KeyOverride`]s) and laid on top of each other by one
//! function ([`Keymap::overlay`]). The names of the actions and their help
//! texts come from [`Command`] (the `bindable` table of `app::Action`).
//! Also produces the help screen and the keys each command is bound to, from
//! which `ui` draws its hints.

mod key;
mod overlay;
mod section;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crossterm::event::KeyEvent;

pub use key::Key;

use crate::app::{Action, Command, Context, HelpEntry, HelpSection, KeyGuide};
use crate::config::Config;

/// The built-in bindings; also the documentation of the file format.
pub const DEFAULT_KEYMAP: &str = include_str!("../assets/keymap.yaml");

/// Keys that work everywhere and cannot be rebound, so a broken keymap can
/// never trap anyone.
const FIXED: [(char, Command); 2] = [('c', Command::Quit), ('z', Command::Suspend)];

/// A mistake in a keymap file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    /// The file, or "built-in keymap".
    pub source: String,
    /// 1-based; `None` when the mistake has no place (an unreadable file).
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}: line {line}: {}", self.source, self.message),
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

impl std::error::Error for KeymapError {}

/// The bindings in force.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    /// In file order (defaults first, then keys only later files bind):
    /// the help lists them this way.
    bindings: Vec<(Context, Key, Command)>,
    lookup: HashMap<(Context, Key), Command>,
}

impl Keymap {
    /// The built-in bindings only.
    pub fn defaults() -> Keymap {
        Keymap::from_texts(DEFAULT_KEYMAP, None).expect("the built-in keymap is valid")
    }

    /// The built-in bindings plus the user's file, if there is one.
    pub fn load() -> Result<Keymap, KeymapError> {
        let Some(path) = user_keymap_path() else {
            return Ok(Keymap::defaults());
        };
        match crate::regular_file::read_to_string(&path, crate::config::CONFIG_LIMIT) {
            Ok(text) => Keymap::from_texts(DEFAULT_KEYMAP, Some((&path, &text))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Keymap::defaults()),
            Err(e) => Err(KeymapError {
                source: path.display().to_string(),
                line: None,
                message: e.to_string(),
            }),
        }
    }

    /// What the reader runs with: [`Keymap::load`], then `config`'s `keys:`.
    /// The message is the one the reader prints before refusing to start;
    /// `inkstone config` prints the same.
    pub fn for_config(config: &Config) -> Result<Keymap, String> {
        Keymap::load()
            .map_err(|e| e.to_string())?
            .with_config(config)
            .map_err(|e| e.to_string())
    }

    /// `defaults` with `user` (its path, for messages, and text) on top: a
    /// user line replaces the default for the same section and key, or
    /// removes it when the action is `none`.
    pub fn from_texts(defaults: &str, user: Option<(&Path, &str)>) -> Result<Keymap, KeymapError> {
        let mut keymap = Keymap::default();
        keymap.overlay_file(defaults, Path::new("built-in keymap"))?;
        if let Some((path, text)) = user {
            keymap.overlay_file(text, path)?;
        }
        Ok(keymap)
    }

    /// What a key press means in `context`, if anything.
    pub fn resolve(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event);
        if let Some((_, command)) = FIXED.iter().find(|(c, _)| key == Key::ctrl(*c)) {
            return Some(command.action());
        }
        for section in context.sections() {
            if let Some(command) = self.lookup.get(&(*section, key)) {
                return Some(command.action());
            }
        }
        // In a picker or the search prompt, unbound printable keys type.
        if matches!(context, Context::Picker | Context::Search | Context::Input) {
            return key.typed_char().map(Action::Insert);
        }
        // In the list, unbound digits make a count for the next movement.
        if context == Context::List {
            if let Some(d) = key.typed_char().and_then(|c| c.to_digit(10)) {
                return Some(Action::Count(d as u8));
            }
        }
        None
    }

    /// Keys bound to `command` in `context` (own section first), in file
    /// order.
    pub fn keys_for(&self, context: Context, command: Command) -> Vec<Key> {
        let sections = context.sections();
        let mut keys = Vec::new();
        for section in sections {
            for (s, k, c) in &self.bindings {
                // A key the own section rebinds does not count for global.
                let shadowed = *s != sections[0] && self.lookup.contains_key(&(sections[0], *k));
                if s == section && *c == command && !shadowed && !keys.contains(k) {
                    keys.push(*k);
                }
            }
        }
        keys
    }

    /// The help screen, and the keys of every command in every context
    /// (the status-line hints show the first), for these bindings.
    pub fn guide(&self) -> KeyGuide {
        let mut help: Vec<HelpSection> = Context::HELP_SECTIONS
            .iter()
            .map(|&(title, context)| HelpSection {
                title: title.into(),
                entries: self.help_entries(context),
            })
            .collect();
        help.push(HelpSection {
            title: "Everywhere".into(),
            entries: FIXED
                .iter()
                .map(|(c, command)| HelpEntry {
                    keys: Key::ctrl(*c).to_string(),
                    description: command.help(Context::List).into_owned(),
                })
                .collect(),
        });
        let mut keys = HashMap::new();
        for &(_, context) in &Context::HELP_SECTIONS {
            for command in Command::all() {
                let bound = self.keys_for(context, command);
                if !bound.is_empty() {
                    let bound = bound.iter().map(ToString::to_string).collect();
                    keys.insert((context, command), bound);
                }
            }
        }
        KeyGuide { help, keys }
    }

    /// The help entries of one context, in file order.
    fn help_entries(&self, context: Context) -> Vec<HelpEntry> {
        let mut entries = Vec::new();
        let mut seen: Vec<Command> = Vec::new();
        for section in context.sections() {
            for &(s, _, command) in &self.bindings {
                if s == *section && !seen.contains(&command) {
                    seen.push(command);
                    let keys = self.keys_for(context, command);
                    if !keys.is_empty() {
                        entries.push(HelpEntry {
                            keys: join(&keys),
                            description: command.help(context).into_owned(),
                        });
                    }
                }
            }
        }
        if context == Context::List {
            entries.push(HelpEntry {
                keys: "0-9".into(),
                description: "a count before a movement: 5j five down, 10G the tenth".into(),
            });
        }
        entries.extend(typing_entry(context));
        entries
    }
}

/// What unbound keys do where they type (pickers and prompts).
fn typing_entry(context: Context) -> Option<HelpEntry> {
    let description = match context {
        Context::Picker => "type to narrow (fuzzy)",
        Context::Input => "type the command or the date",
        Context::Search => {
            "type: every word must occur, \"a phrase\" as written; \
             case, width and Traditional/Simplified do not matter"
        }
        _ => return None,
    };
    Some(HelpEntry {
        keys: "other keys".into(),
        description: description.into(),
    })
}

fn join(keys: &[Key]) -> String {
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where the person's keymap lives: `keymap.yaml` in inkstone's config
/// folder (`$XDG_CONFIG_HOME/inkstone` on Linux).
pub fn user_keymap_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "inkstone")
        .map(|dirs| dirs.config_dir().join("keymap.yaml"))
}

#[cfg(test)]
mod tests;
