//! What the keys do, as the help screen and status-line hints show it.
//! Built by the keymap from the active bindings, so it is always true.

use std::collections::HashMap;

use super::{Command, Context};
use crate::text::width::str_width;
use crate::text::wrap::wrap_str;

/// One block of the help screen (a view and its keys).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpSection {
    pub title: String,
    pub entries: Vec<HelpEntry>,
}

/// Keys (already joined, e.g. `j Down`) and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpEntry {
    pub keys: String,
    pub description: String,
}

/// A short `key label` pair for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub key: String,
    pub label: String,
}

/// Everything the reader tells about keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyGuide {
    pub help: Vec<HelpSection>,
    /// The keys bound to each command in each context, as shown (`Ctrl-d`),
    /// in the keymap's order; commands without a key are absent.
    pub keys: HashMap<(Context, Command), Vec<String>>,
}

/// One line of the help screen at some width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Title(String),
    /// A line of an entry: its keys column (padded to the column's width)
    /// and its description; either may be a wrapped continuation or empty.
    Entry {
        keys: String,
        description: String,
    },
    Blank,
}

impl KeyGuide {
    /// The keys that run `command` in `context`, first the one to show.
    pub fn keys(&self, context: Context, command: Command) -> &[String] {
        self.keys
            .get(&(context, command))
            .map_or(&[], Vec::as_slice)
    }

    /// The keys column's width when nothing is cut: a leading space, the
    /// longest keys, a space.
    fn natural_keys_width(&self) -> usize {
        let keys = self.entries().map(|e| str_width(&e.keys)).max();
        keys.unwrap_or(0) + 2
    }

    fn entries(&self) -> impl Iterator<Item = &HelpEntry> {
        self.help.iter().flat_map(|s| s.entries.iter())
    }

    /// The width the help needs to show every line unwrapped.
    pub fn help_width(&self) -> usize {
        let descriptions = self.entries().map(|e| str_width(&e.description)).max();
        let titles = self.help.iter().map(|s| str_width(&s.title)).max();
        (self.natural_keys_width() + descriptions.unwrap_or(0)).max(titles.unwrap_or(0))
    }

    /// The help screen at `width` columns: a title line per section, then
    /// its entries (keys, then description), a blank line between
    /// sections. What does not fit its column wraps onto more lines.
    pub fn help_lines(&self, width: usize) -> Vec<HelpLine> {
        let width = width.max(2);
        let keys_width = self.natural_keys_width().min(width / 3).max(2);
        let description_width = width.saturating_sub(keys_width).max(1);
        let mut out = Vec::new();
        for (i, section) in self.help.iter().enumerate() {
            if i > 0 {
                out.push(HelpLine::Blank);
            }
            out.extend(
                wrap_str(&section.title, width)
                    .into_iter()
                    .map(HelpLine::Title),
            );
            for entry in &section.entries {
                let keys = wrap_str(&entry.keys, keys_width - 2);
                let description = wrap_str(&entry.description, description_width);
                for k in 0..keys.len().max(description.len()) {
                    let key = keys.get(k).map_or("", String::as_str);
                    let pad = (keys_width - 1).saturating_sub(str_width(key));
                    out.push(HelpLine::Entry {
                        keys: format!(" {key}{}", " ".repeat(pad)),
                        description: description.get(k).cloned().unwrap_or_default(),
                    });
                }
            }
        }
        out
    }

    /// How many lines [`Self::help_lines`] gives at `width`.
    pub fn help_len(&self, width: usize) -> usize {
        self.help_lines(width).len()
    }
}
