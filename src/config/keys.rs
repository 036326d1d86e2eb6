//! Key bindings as written: a keymap.yaml file and config.yaml's `keys:`
//! have one shape, `section -> key -> action`, read here by `serde_yaml`
//! into one structure ([`KeyOverride`]s in file order). The keymap
//! (`Keymap::overlay`, one function for both) decides which sections, keys
//! and actions exist and reports bad ones at the line found here.

use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::ConfigError;
use super::error::locate;

/// One `key: action` line of a keymap file or of config.yaml's `keys:`,
/// with where it was written for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// The keymap section: `global`, `list`, `detail`, `picker`, `help`,
    /// `search`.
    pub section: String,
    pub key: String,
    /// An action's name, or `none` (remove the binding).
    pub action: String,
    pub line: Option<usize>,
}

/// Reads a whole keymap file (`list:`, then `key: action` lines). A YAML
/// mistake is an error naming `path` and the line.
pub fn read_keymap_file(text: &str, path: &Path) -> Result<Vec<KeyOverride>, ConfigError> {
    super::syntax::check_syntax(text, path)?;
    let table: KeyTable = serde_yaml::from_str(text).map_err(|e| {
        // A mistake in a value (a section that is not a map, a missing
        // action) is at serde_yaml's place, not at its key's line.
        let line = e.location().map(|l| l.line());
        let error = ConfigError::from_yaml(path.to_path_buf(), text, &e);
        ConfigError {
            line: line.or(error.line),
            ..error
        }
    })?;
    Ok(table.located(text, &[]))
}

/// `section -> key -> action` in file order, kept as text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct KeyTable(pub Vec<(String, String, String)>);

impl KeyTable {
    /// The bindings with their lines in `text`, where the table sits under
    /// the keys `prefix` (`["keys"]` in config.yaml, none in keymap.yaml).
    pub fn located(self, text: &str, prefix: &[&str]) -> Vec<KeyOverride> {
        self.0
            .into_iter()
            .map(|(section, key, action)| {
                let mut path = prefix.to_vec();
                path.extend([section.as_str(), key.as_str()]);
                // In flow style (`list: {j: quit}`) the key itself cannot be
                // found by line: the nearest enclosing key that can is said.
                let line = (1..=path.len())
                    .rev()
                    .find_map(|n| locate(text, &path[..n]));
                KeyOverride {
                    section,
                    key,
                    action,
                    line,
                }
            })
            .collect()
    }
}

impl<'de> Deserialize<'de> for KeyTable {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SectionsVisitor;
        impl<'de> Visitor<'de> for SectionsVisitor {
            type Value = KeyTable;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("sections (global, list, detail, ...) of key: action")
            }
            fn visit_unit<E: de::Error>(self) -> Result<KeyTable, E> {
                Ok(KeyTable::default())
            }
            /// An empty file (or one of comments only).
            fn visit_none<E: de::Error>(self) -> Result<KeyTable, E> {
                Ok(KeyTable::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyTable, A::Error> {
                let mut all: Vec<(String, String, String)> = Vec::new();
                while let Some((section, Section(pairs))) = map.next_entry::<String, Section>()? {
                    if all.iter().any(|(s, _, _)| *s == section) {
                        return Err(de::Error::custom(format!(
                            "section `{section}` appears twice"
                        )));
                    }
                    all.extend(
                        pairs
                            .into_iter()
                            .map(|(key, action)| (section.clone(), key, action)),
                    );
                }
                Ok(KeyTable(all))
            }
        }
        deserializer.deserialize_any(SectionsVisitor)
    }
}

/// One section: `key: action` in file order.
struct Section(Vec<(String, String)>);

impl<'de> Deserialize<'de> for Section {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeysVisitor;
        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Section;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a section such as `list:` with `key: action` lines under it")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Section, E> {
                Ok(Section(Vec::new()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Section, E> {
                Err(E::custom(format!(
                    "expected a section such as `list:` with `key: action` lines under it, found `{v}`"
                )))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Section, A::Error> {
                let mut pairs: Vec<(String, String)> = Vec::new();
                while let Some(KeyName(key)) = map.next_key::<KeyName>()? {
                    let Some(action) = map.next_value::<Option<String>>()? else {
                        return Err(de::Error::custom(format!("missing action after `{key}:`")));
                    };
                    if pairs.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format!(
                            "`{key}` is bound twice in this section"
                        )));
                    }
                    pairs.push((key, action));
                }
                Ok(Section(pairs))
            }
        }
        deserializer.deserialize_any(KeysVisitor)
    }
}

/// A key name; YAML reads `1:` or `true:` as a number or boolean, which are
/// still fine key names.
struct KeyName(String);

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_yaml::Value::deserialize(deserializer)? {
            serde_yaml::Value::String(s) => Ok(KeyName(s)),
            serde_yaml::Value::Number(n) => Ok(KeyName(n.to_string())),
            serde_yaml::Value::Bool(b) => Ok(KeyName(b.to_string())),
            _ => Err(de::Error::custom(
                "a key name must be plain text such as `j` or `ctrl-d`",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Result<KeyTable, serde_yaml::Error> {
        serde_yaml::from_str(text)
    }

    #[test]
    fn keys_accept_numbers_and_keep_order() {
        let keys: Vec<_> = table("list:\n  z: quit\n  1: first\ndetail:\n  Ctrl-d: page_down\n")
            .unwrap()
            .0
            .iter()
            .map(|(s, k, _)| format!("{s}.{k}"))
            .collect();
        assert_eq!(keys, ["list.z", "list.1", "detail.Ctrl-d"]);
        assert!(table("list:\n  a: x\n  a: y\n").is_err());
        assert!(table("j: down\n").is_err(), "a section is needed");
    }

    #[test]
    fn a_keymap_file_is_read_with_lines() {
        let text = "# top\nlist:\n  j: move_down   # comment\n  \"?\": help\n  '#': 'quit'\n  Ctrl-d: none\n\ndetail:\n  \":\": back\n";
        let read = read_keymap_file(text, Path::new("keymap.yaml")).unwrap();
        let summary: Vec<_> = read
            .iter()
            .map(|o| {
                (
                    o.line,
                    o.section.as_str(),
                    o.key.as_str(),
                    o.action.as_str(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (Some(3), "list", "j", "move_down"),
                (Some(4), "list", "?", "help"),
                (Some(5), "list", "#", "quit"),
                (Some(6), "list", "Ctrl-d", "none"),
                (Some(9), "detail", ":", "back"),
            ]
        );
        assert!(read_keymap_file("", Path::new("k")).unwrap().is_empty());
        let flow = read_keymap_file("global: {}\nlist: {j: quit}\n", Path::new("k")).unwrap();
        assert_eq!(flow[0].line, Some(2), "the section's line: {flow:?}");
        assert!(
            read_keymap_file("# only\n", Path::new("k"))
                .unwrap()
                .is_empty()
        );
    }
}
