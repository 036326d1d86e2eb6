//! Keys to actions: the built-in bindings (`assets/keymap.yaml`) with the
//! person's `keymap.yaml` from the config folder on top. Also produces the
//! help screen and status hints from the bindings in force.

mod key;
mod names;
mod overrides;
mod parse;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crossterm::event::KeyEvent;

pub use key::Key;
pub use parse::{KeymapError, Section};

use crate::app::{Action, Context, HelpEntry, HelpSection, Hint, KeyGuide};

/// The built-in bindings; also the documentation of the file format.
pub const DEFAULT_KEYMAP: &str = include_str!("../assets/keymap.yaml");

/// Keys that work everywhere and cannot be rebound, so a broken keymap can
/// never trap anyone.
const FIXED: [(char, &str); 2] = [('c', "quit"), ('z', "suspend")];

/// The bindings in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// In file order (defaults first, then keys only the user file binds):
    /// the help lists them this way.
    bindings: Vec<(Section, Key, &'static str)>,
    lookup: HashMap<(Section, Key), &'static str>,
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
                line: 0,
                message: e.to_string(),
            }),
        }
    }

    /// `defaults` with `user` (its path, for messages, and text) on top: a
    /// user line replaces the default for the same section and key, or
    /// removes it when the action is `none`.
    pub fn from_texts(defaults: &str, user: Option<(&Path, &str)>) -> Result<Keymap, KeymapError> {
        let mut bindings: Vec<(Section, Key, Option<&'static str>)> =
            parse::parse(defaults, "built-in keymap")?
                .into_iter()
                .map(|b| (b.section, b.key, b.action))
                .collect();
        if let Some((path, text)) = user {
            for b in parse::parse(text, &path.display().to_string())? {
                match bindings
                    .iter_mut()
                    .find(|(s, k, _)| *s == b.section && *k == b.key)
                {
                    Some(existing) => existing.2 = b.action,
                    None => bindings.push((b.section, b.key, b.action)),
                }
            }
        }
        let bindings: Vec<(Section, Key, &'static str)> = bindings
            .into_iter()
            .filter_map(|(s, k, a)| Some((s, k, a?)))
            .collect();
        let lookup = bindings.iter().map(|&(s, k, a)| ((s, k), a)).collect();
        Ok(Keymap { bindings, lookup })
    }

    /// What a key press means in `context`, if anything.
    pub fn resolve(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event);
        if let Some((_, name)) = FIXED.iter().find(|(c, _)| key == Key::ctrl(*c)) {
            return names::action(name);
        }
        for section in sections_for(context) {
            if let Some(name) = self.lookup.get(&(*section, key)) {
                return names::action(name);
            }
        }
        // In a picker or the search prompt, unbound printable keys type.
        if matches!(context, Context::Picker | Context::Search) {
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

    /// Keys bound to the action named `action` in `context` (own section
    /// first), in file order.
    pub fn keys_for(&self, context: Context, action: &str) -> Vec<Key> {
        let sections = sections_for(context);
        let mut keys = Vec::new();
        for section in sections {
            for (s, k, a) in &self.bindings {
                // A key the own section rebinds does not count for global.
                let shadowed = *s != sections[0] && self.lookup.contains_key(&(sections[0], *k));
                if s == section && *a == action && !shadowed && !keys.contains(k) {
                    keys.push(*k);
                }
            }
        }
        keys
    }

    /// The help screen and status hints for these bindings.
    pub fn guide(&self) -> KeyGuide {
        let mut help = Vec::new();
        for (title, context) in [
            ("List", Context::List),
            ("Article", Context::Detail),
            ("Search and find prompts (/)", Context::Search),
            ("Tag, category and link pickers", Context::Picker),
            ("Help", Context::Help),
        ] {
            let mut entries: Vec<HelpEntry> = Vec::new();
            let mut seen: Vec<&str> = Vec::new();
            for section in sections_for(context) {
                for &(s, _, name) in &self.bindings {
                    if s == *section && !seen.contains(&name) {
                        seen.push(name);
                        let keys = self.keys_for(context, name);
                        if let (false, Some(action)) = (keys.is_empty(), names::action(name)) {
                            entries.push(HelpEntry {
                                keys: join(&keys),
                                description: names::describe(&action, context),
                            });
                        }
                    }
                }
            }
            if context == Context::Picker {
                entries.push(HelpEntry {
                    keys: "other keys".into(),
                    description: "type to narrow (fuzzy)".into(),
                });
            }
            if context == Context::List {
                entries.push(HelpEntry {
                    keys: "0-9".into(),
                    description: "a count before a movement: 5j five down, 10G the tenth".into(),
                });
            }
            if context == Context::Search {
                entries.push(HelpEntry {
                    keys: "other keys".into(),
                    description: "type: every word must occur, \"a phrase\" as written; \
                                  case, width and Traditional/Simplified do not matter"
                        .into(),
                });
            }
            help.push(HelpSection {
                title: title.into(),
                entries,
            });
        }
        help.push(HelpSection {
            title: "Everywhere".into(),
            entries: FIXED
                .iter()
                .filter_map(|(c, name)| {
                    Some(HelpEntry {
                        keys: Key::ctrl(*c).to_string(),
                        description: names::describe(&names::action(name)?, Context::List),
                    })
                })
                .collect(),
        });
        KeyGuide {
            help,
            list_hints: self.hints(
                Context::List,
                &[
                    ("open", "open"),
                    ("search", "search"),
                    ("toggle_read", "read"),
                    ("toggle_star", "star"),
                    ("cycle_view", "view"),
                    ("tag_picker", "tags"),
                    ("help", "help"),
                    ("quit", "quit"),
                    ("category_picker", "categories"),
                    ("clear_filters", "clear"),
                ],
            ),
            detail_hints: self.hints(
                Context::Detail,
                &[
                    ("back", "back"),
                    ("next_article", "next"),
                    ("open_link", "browser"),
                    ("links", "links"),
                    ("filter_tag_1", "tag"),
                    ("help", "help"),
                ],
            ),
            picker_hints: self.hints(
                Context::Picker,
                &[
                    ("apply", "apply"),
                    ("toggle_mark", "mark"),
                    ("back", "cancel"),
                ],
            ),
            help_hints: self.hints(Context::Help, &[("move_down", "scroll"), ("back", "close")]),
            search_hints: self.hints(Context::Search, &[("apply", "keep"), ("back", "cancel")]),
        }
    }

    fn hints(&self, context: Context, wanted: &[(&str, &str)]) -> Vec<Hint> {
        wanted
            .iter()
            .filter_map(|(action, label)| {
                let key = self.keys_for(context, action).into_iter().next()?;
                // `1-9`: the digits stand for all nine tag filters.
                let key = match *action {
                    "filter_tag_1" => format!("{key}-9"),
                    _ => key.to_string(),
                };
                Some(Hint {
                    key,
                    label: (*label).to_owned(),
                })
            })
            .collect()
    }
}

/// The sections consulted in `context`, in priority order.
fn sections_for(context: Context) -> &'static [Section] {
    match context {
        Context::List => &[Section::List, Section::Global],
        Context::Detail => &[Section::Detail, Section::Global],
        Context::Picker => &[Section::Picker],
        Context::Help => &[Section::Help],
        Context::Search => &[Section::Search],
    }
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
