//! The pop-up that picks tags, categories or links, narrowed by fuzzy
//! matching as the person types (`rank`). A sub-state of the app with its
//! own `update` (`update`), whose outcome the app acts on.

mod choices;
mod rank;
mod update;

use std::sync::Arc;

use nucleo_matcher::{Config, Matcher, Utf32String};

pub use choices::{Choices, PickerEntry};
pub(super) use update::PickerOutcome;

use super::cursor::Cursor;

/// What a picker offers, and so what applying it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    /// Filter by tags (several marked: all of them).
    Tags,
    /// Filter by categories (several marked: all of them).
    Categories,
    /// Open one of the article's links.
    Links,
    /// Open one of the articles that link to the open one (`count` is
    /// its index).
    Backlinks,
}

impl PickerKind {
    pub fn title(self) -> &'static str {
        match self {
            PickerKind::Tags => "Tags",
            PickerKind::Categories => "Categories",
            PickerKind::Links => "Links",
            PickerKind::Backlinks => "Articles linking here",
        }
    }
}

pub struct Picker {
    pub kind: PickerKind,
    pub entries: Arc<[PickerEntry]>,
    pub query: String,
    /// Indices into `entries` that match the query, best first.
    pub matches: Vec<usize>,
    /// Position in `matches`.
    pub cursor: Cursor,
    /// Indices into `entries`, in the order they were marked.
    pub marked: Vec<usize>,
    matcher: Box<Matcher>,
    /// The folded labels as the matcher reads them, converted once.
    haystacks: Arc<[Utf32String]>,
    folded: Arc<[String]>,
    /// The query `matches` was ranked for.
    ranked_for: String,
}

impl std::fmt::Debug for Picker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Picker")
            .field("kind", &self.kind)
            .field("entries", &self.entries.len())
            .field("query", &self.query)
            .field("matches", &self.matches.len())
            .field("cursor", &self.cursor)
            .field("marked", &self.marked)
            .finish_non_exhaustive()
    }
}

impl Picker {
    pub fn new(kind: PickerKind, choices: Choices) -> Self {
        let matches = (0..choices.entries.len()).collect();
        Picker {
            kind,
            haystacks: choices.haystacks,
            folded: choices.folded,
            ranked_for: String::new(),
            entries: choices.entries,
            query: String::new(),
            matches,
            cursor: Cursor::default(),
            marked: Vec::new(),
            matcher: Box::new(Matcher::new(Config::DEFAULT)),
        }
    }

    /// The highlighted entry's index in `entries`.
    pub fn highlighted(&self) -> Option<usize> {
        self.matches.get(self.cursor.selected).copied()
    }

    /// Marks the highlighted entry, or unmarks it; says which happened.
    pub fn toggle_mark(&mut self) -> Option<bool> {
        let entry = self.highlighted()?;
        if let Some(pos) = self.marked.iter().position(|&m| m == entry) {
            self.marked.remove(pos);
            Some(false)
        } else {
            self.marked.push(entry);
            Some(true)
        }
    }

    /// What applying would use: the marked entries, else the highlighted one.
    pub fn chosen(&self) -> Vec<&PickerEntry> {
        if self.marked.is_empty() {
            self.highlighted()
                .and_then(|i| self.entries.get(i))
                .into_iter()
                .collect()
        } else {
            self.marked
                .iter()
                .filter_map(|&i| self.entries.get(i))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests;
