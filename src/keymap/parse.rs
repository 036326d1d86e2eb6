//! Reads a keymap file: YAML of the form
//!
//! ```yaml
//! list:            # a section: global, list, detail, picker, help, search,
//!                  # sources, timeline or prompt
//!   j: move_down   # key: action   (`none` removes a default binding)
//!   "?": help      # quote keys YAML treats specially
//! ```
//!
//! Only this block form is accepted, so every mistake can be reported
//! with its line number.

use std::fmt;

use super::Key;
use super::names;

/// The sections of a keymap file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// Keys for both the list and the article view (a binding in `list` or
    /// `detail` wins).
    Global,
    List,
    Detail,
    Picker,
    Help,
    /// The `/` search prompt.
    Search,
    /// The sources view.
    Sources,
    /// The timeline.
    Timeline,
    /// The pipe and go-to-date prompts.
    Prompt,
}

pub const SECTION_NAMES: [(&str, Section); 9] = [
    ("global", Section::Global),
    ("list", Section::List),
    ("detail", Section::Detail),
    ("picker", Section::Picker),
    ("help", Section::Help),
    ("search", Section::Search),
    ("sources", Section::Sources),
    ("timeline", Section::Timeline),
    ("prompt", Section::Prompt),
];

/// One `key: action` line. `action` is the action's name, `None` for
/// `none` (unbind).
#[derive(Debug, Clone)]
pub struct Binding {
    pub line: usize,
    pub section: Section,
    pub key: Key,
    pub action: Option<&'static str>,
}

/// A mistake in a keymap file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    /// The file, or "built-in keymap".
    pub source: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: line {}: {}", self.source, self.line, self.message)
    }
}

impl std::error::Error for KeymapError {}

/// Parses a whole file; the first mistake stops it.
pub fn parse(text: &str, source: &str) -> Result<Vec<Binding>, KeymapError> {
    let mut section = None;
    let mut bindings: Vec<Binding> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let error = |message: String| KeymapError {
            source: source.to_owned(),
            line,
            message,
        };
        let content = strip_comment(raw).trim_end();
        if content.trim().is_empty() {
            continue;
        }
        if content.starts_with('\t') || content.trim_start_matches(' ').starts_with('\t') {
            return Err(error("indent with spaces, not tabs".into()));
        }
        if !content.starts_with(' ') {
            let name = content
                .strip_suffix(':')
                .map(str::trim)
                .filter(|n| !n.contains(':'));
            let name = name.ok_or_else(|| {
                error(format!(
                    "expected a section like `list:`, found `{}`",
                    content.trim()
                ))
            })?;
            let found = SECTION_NAMES.iter().find(|(n, _)| *n == name);
            section = Some(found.map(|&(_, s)| s).ok_or_else(|| {
                let known: Vec<_> = SECTION_NAMES.iter().map(|(n, _)| *n).collect();
                error(format!(
                    "unknown section `{name}` (known: {})",
                    known.join(", ")
                ))
            })?);
            continue;
        }
        let Some(section) = section else {
            return Err(error(
                "a binding must be inside a section such as `list:`".into(),
            ));
        };
        let (key_text, action_text) = split_entry(content.trim()).map_err(error)?;
        let key = Key::parse(&key_text).map_err(|m| {
            error(format!("{m}; keys are a character or Enter, Esc, Space, Tab, Backspace, Up, Down, Left, Right, Home, End, PageUp, PageDown, F1-F24, with Ctrl-, Alt- or Shift- before"))
        })?;
        let action = if action_text == "none" {
            None
        } else {
            Some(names::canonical(&action_text).ok_or_else(|| {
                error(format!(
                    "unknown action `{action_text}` (known: {}, none)",
                    names::ACTION_NAMES.join(", ")
                ))
            })?)
        };
        if let Some(previous) = bindings
            .iter()
            .find(|b| b.section == section && b.key == key)
        {
            return Err(error(format!(
                "`{key}` is bound twice in this section (also line {})",
                previous.line
            )));
        }
        bindings.push(Binding {
            line,
            section,
            key,
            action,
        });
    }
    Ok(bindings)
}

/// `key: action`, either side optionally quoted.
fn split_entry(text: &str) -> Result<(String, String), String> {
    let (key, rest) = if let Some(quote) = text.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let (key, rest) = unquote(&text[1..], quote).ok_or("unclosed quote")?;
        let rest = rest
            .trim_start()
            .strip_prefix(':')
            .ok_or("expected `:` after the quoted key")?;
        (key, rest)
    } else {
        let colon = text
            .char_indices()
            .find(|&(i, c)| {
                c == ':' && text[i + 1..].chars().next().is_none_or(char::is_whitespace)
            })
            .map(|(i, _)| i)
            .ok_or_else(|| format!("expected `key: action`, found `{text}`"))?;
        (text[..colon].trim().to_owned(), &text[colon + 1..])
    };
    let value = rest.trim();
    let value = match value.chars().next() {
        Some(q @ ('"' | '\'')) => unquote(&value[1..], q)
            .map(|(v, _)| v)
            .ok_or("unclosed quote")?,
        _ => value.to_owned(),
    };
    if key.is_empty() {
        return Err("missing key before `:`".into());
    }
    if value.is_empty() {
        return Err(format!("missing action after `{key}:`"));
    }
    Ok((key, value))
}

/// The text up to the closing `quote` (YAML escapes: `''` in single
/// quotes, backslash in double quotes) and what follows it.
fn unquote(text: &str, quote: char) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == quote {
            if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
                out.push('\'');
                continue;
            }
            return Some((out, &text[i + 1..]));
        }
        if c == '\\' && quote == '"' {
            out.push(chars.next()?.1);
            continue;
        }
        out.push(c);
    }
    None
}

/// The line without a `#` comment (a `#` at the start or after a space,
/// outside quotes).
fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && previous.is_whitespace() => return &line[..i],
            _ => {}
        }
        previous = c;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        parse(text, "keymap.yaml").unwrap_err().to_string()
    }

    #[test]
    fn reads_sections_quotes_comments_and_none() {
        let text = "# top\nlist:\n  j: move_down   # comment\n  \"?\": help\n  '#': 'quit'\n  Ctrl-d: none\n\ndetail:\n  \":\": back\n";
        let bindings = parse(text, "x").unwrap();
        let summary: Vec<_> = bindings
            .iter()
            .map(|b| (b.line, b.section, b.key.to_string(), b.action.is_some()))
            .collect();
        assert_eq!(
            summary,
            [
                (3, Section::List, "j".into(), true),
                (4, Section::List, "?".into(), true),
                (5, Section::List, "#".into(), true),
                (6, Section::List, "Ctrl-d".into(), false),
                (9, Section::Detail, ":".into(), true),
            ]
        );
    }

    #[test]
    fn mistakes_name_the_line() {
        assert!(
            error_of("list:\n  j: move_dwn\n")
                .starts_with("keymap.yaml: line 2: unknown action `move_dwn` (known: move_down,")
        );
        assert!(
            error_of("list:\n\n  Hyper-j: quit\n")
                .starts_with("keymap.yaml: line 3: unknown key `Hyper-j`")
        );
        assert_eq!(
            error_of("lists:\n"),
            "keymap.yaml: line 1: unknown section `lists` (known: global, list, detail, picker, help, search, sources, timeline, prompt)"
        );
        assert_eq!(
            error_of("  j: quit\n"),
            "keymap.yaml: line 1: a binding must be inside a section such as `list:`"
        );
        assert_eq!(
            error_of("list:\n  j quit\n"),
            "keymap.yaml: line 2: expected `key: action`, found `j quit`"
        );
        assert_eq!(
            error_of("list:\n  j:\n"),
            "keymap.yaml: line 2: missing action after `j:`"
        );
        assert_eq!(
            error_of("list:\n  j: quit\n  j: help\n"),
            "keymap.yaml: line 3: `j` is bound twice in this section (also line 2)"
        );
        assert_eq!(
            error_of("list:\n\tj: quit\n"),
            "keymap.yaml: line 2: indent with spaces, not tabs"
        );
        assert_eq!(
            error_of("list:\n  \"j: quit\n"),
            "keymap.yaml: line 2: unclosed quote"
        );
    }
}
