//! The one function that lays a table of bindings (the built-in keymap,
//! the person's keymap.yaml, config.yaml's `keys:`) over the keymap, and
//! checks each binding's section, key and action on the way.

use std::path::{Path, PathBuf};

use super::{Key, Keymap, KeymapError};
use crate::app::Command;
use crate::app::Context;
use crate::config::{self, Config, ConfigError, KeyOverride};

/// What keys look like, said after an unknown one.
const KEY_SYNTAX: &str = "keys are a character or Enter, Esc, Space, Tab, Backspace, Up, Down, \
                          Left, Right, Home, End, PageUp, PageDown, F1-F24, with Ctrl-, Alt- or \
                          Shift- before";

/// A binding the keymap refuses, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingError {
    pub line: Option<usize>,
    pub section: String,
    pub key: String,
    pub message: String,
}

impl Keymap {
    /// Lays `table` over these bindings: a binding replaces the one for the
    /// same section and key (keeping its place, which the help follows),
    /// `none` removes it, a new key is added at the end. The first unknown
    /// section, key or action, or a key bound twice in `table`, is an error
    /// and leaves the bindings as they were before it.
    pub fn overlay(&mut self, table: &[KeyOverride]) -> Result<(), BindingError> {
        let mut seen: Vec<(Context, Key, Option<usize>)> = Vec::new();
        let mut bindings = self.bindings.clone();
        for o in table {
            let error = |message: String| BindingError {
                line: o.line,
                section: o.section.clone(),
                key: o.key.clone(),
                message,
            };
            let section = Context::from_section_name(&o.section).map_err(error)?;
            let key = Key::parse(&o.key).map_err(|m| error(format!("{m}; {KEY_SYNTAX}")))?;
            let command = match o.action.as_str() {
                "none" => None,
                name => Some(Command::from_name(name).ok_or_else(|| {
                    error(format!(
                        "unknown action `{name}` (known: {}, none)",
                        Command::names().join(", ")
                    ))
                })?),
            };
            if let Some((.., line)) = seen.iter().find(|(s, k, _)| *s == section && *k == key) {
                let also = line.map(|l| format!(" (also line {l})"));
                return Err(error(format!(
                    "`{key}` is bound twice in this section{}",
                    also.unwrap_or_default()
                )));
            }
            seen.push((section, key, o.line));
            let at = bindings
                .iter()
                .position(|(s, k, _)| *s == section && *k == key);
            match (at, command) {
                (Some(i), Some(command)) => bindings[i].2 = command,
                (Some(i), None) => {
                    bindings.remove(i);
                }
                (None, Some(command)) => bindings.push((section, key, command)),
                (None, None) => {}
            }
        }
        self.lookup = bindings.iter().map(|&(s, k, c)| ((s, k), c)).collect();
        self.bindings = bindings;
        Ok(())
    }

    /// A keymap file's `text` laid over these bindings; mistakes name
    /// `path` and the line.
    pub(super) fn overlay_file(&mut self, text: &str, path: &Path) -> Result<(), KeymapError> {
        let source = path.display().to_string();
        let table = config::read_keymap_file(text, path).map_err(|e| KeymapError {
            source: source.clone(),
            line: e.line,
            message: match e.key {
                Some(key) => format!("{key}: {}", e.message),
                None => e.message,
            },
        })?;
        self.overlay(&table).map_err(|e| KeymapError {
            source,
            line: e.line,
            message: e.message,
        })
    }

    /// These bindings with `config.keys` applied last (after keymap.yaml).
    /// A mistake names config.yaml's line and the key, as
    /// `keys.list.j`.
    pub fn with_config(mut self, config: &Config) -> Result<Keymap, ConfigError> {
        self.overlay(&config.keys).map_err(|e| ConfigError {
            path: config
                .source
                .clone()
                .unwrap_or_else(|| PathBuf::from(config::FILE_NAME)),
            line: e.line,
            key: Some(format!("keys.{}.{}", e.section, e.key)),
            message: e.message,
        })?;
        Ok(self)
    }
}

#[cfg(test)]
mod tests;
