//! config.yaml's `keys:` on top of the keymap: the same sections, keys and
//! actions as a keymap file, checked here (the config module keeps them as
//! data) and reported with config.yaml's file, line and key.

use std::path::PathBuf;

use super::parse::SECTION_NAMES;
use super::{Key, Keymap, names};
use crate::config::{self, Config, ConfigError};

impl Keymap {
    /// These bindings with `config.keys` applied last (after keymap.yaml):
    /// an override replaces the key's binding in its section, `none`
    /// removes it. The first bad section, key or action is an error naming
    /// the line in config.yaml.
    pub fn with_config(mut self, config: &Config) -> Result<Keymap, ConfigError> {
        for o in &config.keys {
            let error = |message: String| ConfigError {
                path: config
                    .source
                    .clone()
                    .unwrap_or_else(|| PathBuf::from(config::FILE_NAME)),
                line: o.line,
                key: Some(format!("keys.{}.{}", o.section, o.key)),
                message,
            };
            let section = SECTION_NAMES
                .iter()
                .find(|(name, _)| *name == o.section)
                .map(|&(_, s)| s)
                .ok_or_else(|| {
                    let known: Vec<_> = SECTION_NAMES.iter().map(|(n, _)| *n).collect();
                    error(format!(
                        "unknown section `{}` (known: {})",
                        o.section,
                        known.join(", ")
                    ))
                })?;
            let key = Key::parse(&o.key).map_err(&error)?;
            let action = if o.action == "none" {
                None
            } else {
                Some(names::canonical(&o.action).ok_or_else(|| {
                    error(format!(
                        "unknown action `{}` (known: {}, none)",
                        o.action,
                        names::ACTION_NAMES.join(", ")
                    ))
                })?)
            };
            let at = self
                .bindings
                .iter()
                .position(|(s, k, _)| *s == section && *k == key);
            match (at, action) {
                (Some(i), Some(action)) => self.bindings[i].2 = action,
                (Some(i), None) => {
                    self.bindings.remove(i);
                }
                (None, Some(action)) => self.bindings.push((section, key, action)),
                (None, None) => {}
            }
        }
        self.lookup = self.bindings.iter().map(|&(s, k, a)| ((s, k), a)).collect();
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::app::Context;

    fn config(text: &str) -> Config {
        Config::parse(text, Path::new("/home/me/.config/inkstone/config.yaml")).unwrap()
    }

    fn resolve(keymap: &Keymap, context: Context, code: KeyCode) -> String {
        format!(
            "{:?}",
            keymap.resolve(context, &KeyEvent::new(code, KeyModifiers::NONE))
        )
    }

    #[test]
    fn overrides_replace_add_and_remove() {
        let keymap = Keymap::defaults()
            .with_config(&config(
                "keys:\n  list:\n    x: toggle_read\n    j: none\n  detail:\n    n: next_article\n",
            ))
            .unwrap();
        assert_eq!(
            resolve(&keymap, Context::List, KeyCode::Char('x')),
            "Some(ToggleRead)"
        );
        assert_eq!(resolve(&keymap, Context::List, KeyCode::Char('j')), "None");
        assert_eq!(
            resolve(&keymap, Context::List, KeyCode::Down),
            "Some(MoveDown)"
        );
        assert_eq!(
            resolve(&keymap, Context::Detail, KeyCode::Char('n')),
            "Some(NextArticle)"
        );
        let help = keymap.guide().help;
        assert!(
            help[0]
                .entries
                .iter()
                .any(|e| e.keys.starts_with('x') && e.description.contains("read")),
            "the help follows the overrides: {help:?}"
        );
    }

    #[test]
    fn mistakes_name_file_line_and_key() {
        let error = |text: &str| {
            Keymap::defaults()
                .with_config(&config(text))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            error("mouse: true\nkeys:\n  list:\n    j: fly_away\n"),
            "/home/me/.config/inkstone/config.yaml:4: keys.list.j: unknown action `fly_away` (known: "
                .to_owned()
                + &names::ACTION_NAMES.join(", ")
                + ", none)"
        );
        assert!(error("keys:\n  list:\n    Hyper-j: quit\n").starts_with(
            "/home/me/.config/inkstone/config.yaml:3: keys.list.Hyper-j: unknown key"
        ));
        assert_eq!(
            error("keys:\n  lists:\n    j: quit\n"),
            "/home/me/.config/inkstone/config.yaml:3: keys.lists.j: unknown section `lists` (known: global, list, detail, picker, help, search, sources, timeline, prompt)"
        );
    }
}
