//! Config errors that name the file, the line and the key, as
//! `path:line: key: what is wrong`.

use std::fmt;
use std::path::PathBuf;

/// Something wrong with config.yaml. Displayed as
/// `/home/me/.config/inkstone/config.yaml:12: colors.unread: ...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based; `None` when the problem has no place (an unreadable file).
    pub line: Option<usize>,
    /// Dotted key, e.g. `colors.unread` or `keys.ctrl-d`.
    pub key: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(key) = &self.key {
            write!(f, ": {key}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// Turns `serde_yaml`'s `key.path: message at line L column C` into its
    /// parts. Unknown and duplicate keys get the offending key's own name
    /// and line, which `serde_yaml` does not always give.
    pub fn from_yaml(path: PathBuf, text: &str, error: &serde_yaml::Error) -> ConfigError {
        let full = error.to_string();
        let (body, has_place) = match full.rfind(" at line ") {
            Some(at) if full[at..].contains(" column ") && !full[at..].contains(',') => {
                (&full[..at], true)
            }
            _ => (full.as_str(), false),
        };
        let (mut key, mut message) = match body.split_once(": ") {
            Some((prefix, rest)) if looks_like_key_path(prefix) => {
                (Some(prefix.to_string()), rest.to_string())
            }
            _ => (None, body.to_string()),
        };
        for (marker, kind) in [
            ("unknown field `", "unknown key"),
            ("duplicate field `", "duplicate key"),
        ] {
            if let Some(name) = message
                .strip_prefix(marker)
                .and_then(|rest| rest.split('`').next())
            {
                let name = name.to_string();
                key = Some(key.map_or(name.clone(), |parent| format!("{parent}.{name}")));
                message = message.replacen(&marker[..marker.len() - 2], kind, 1);
            }
        }
        // Serde's names for what was expected, in the file's terms.
        let message = message
            .replace("struct RawConfig", "settings such as `mouse: true`")
            .replace(
                "struct ColorOverrides",
                "element: style lines such as `unread: bold`",
            );
        let found = key
            .as_deref()
            .and_then(|k| locate(text, &k.split('.').collect::<Vec<_>>()));
        let reported = error
            .location()
            .filter(|_| has_place || key.is_none())
            .map(|l| l.line());
        // serde_yaml points at the start of a mapping for key errors; our own
        // search finds the key's line, which is what a person looks for.
        let line = found.or(reported);
        ConfigError {
            path,
            line,
            key,
            message,
        }
    }
}

fn looks_like_key_path(prefix: &str) -> bool {
    !prefix.is_empty() && !prefix.contains(char::is_whitespace) && !prefix.contains('`')
}

/// The 1-based line where a nested block-style key is written, e.g.
/// `["colors", "unread"]`. `None` for keys in flow style (`{a: b}`).
pub fn locate(text: &str, path: &[&str]) -> Option<usize> {
    let (mut depth, mut parent_indent) = (0, 0);
    for (number, line) in text.lines().enumerate() {
        let content = line.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.len() - content.len();
        if depth > 0 && indent <= parent_indent {
            return None;
        }
        let at_level = if depth == 0 {
            indent == 0
        } else {
            indent > parent_indent
        };
        if at_level && starts_with_key(content, path.get(depth)?) {
            if depth + 1 == path.len() {
                return Some(number + 1);
            }
            depth += 1;
            parent_indent = indent;
        }
    }
    None
}

fn starts_with_key(content: &str, key: &str) -> bool {
    [
        format!("{key}:"),
        format!("\"{key}\":"),
        format!("'{key}':"),
    ]
    .iter()
    .any(|k| content.starts_with(k.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "library: []\n# colors:\ncolors:\n  # unread: x\n\n  title: red\n  unread: bold\nkeys:\n  \"j\": down\n";

    #[test]
    fn locates_nested_block_keys() {
        assert_eq!(locate(TEXT, &["colors"]), Some(3));
        assert_eq!(locate(TEXT, &["colors", "unread"]), Some(7));
        assert_eq!(locate(TEXT, &["keys", "j"]), Some(9));
        assert_eq!(locate(TEXT, &["colors", "down"]), None);
        assert_eq!(
            locate(TEXT, &["title"]),
            None,
            "nested keys are not top-level"
        );
    }

    #[test]
    fn display_has_every_part() {
        let e = ConfigError {
            path: "c.yaml".into(),
            line: Some(4),
            key: Some("mouse".into()),
            message: "bad".into(),
        };
        assert_eq!(e.to_string(), "c.yaml:4: mouse: bad");
    }
}
