//! What the keys do, as the help screen and status-line hints show it.
//! Built by the keymap from the active bindings, so it is always true.

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
    pub list_hints: Vec<Hint>,
    pub detail_hints: Vec<Hint>,
    pub picker_hints: Vec<Hint>,
    pub help_hints: Vec<Hint>,
    /// After the `/` prompt.
    pub search_hints: Vec<Hint>,
}

impl KeyGuide {
    /// The help screen as plain lines: a title line per section, then
    /// `keys  description` rows, a blank line between sections.
    pub fn help_len(&self) -> usize {
        self.help
            .iter()
            .map(|s| s.entries.len() + 2)
            .sum::<usize>()
            .saturating_sub(1)
    }
}
