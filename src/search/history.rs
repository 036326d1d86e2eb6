//! The searches the person kept (Enter at the `/` prompt), newest last,
//! for Up/Down at the prompt. Kept in the state folder beside the marks as
//! plain text, one query per line; the file is someone else's bytes by the
//! time it is read again, so every entry is sanitised and capped, and the
//! list is bounded.

use std::io;
use std::path::{Path, PathBuf};

use super::query::cap;
use crate::durable::{self, Durability};
use crate::text::sanitize;

/// How many searches are kept; older ones are forgotten.
pub const MAX_ENTRIES: usize = 200;
/// The most bytes read from the file: [`MAX_ENTRIES`] full-length queries
/// are far less; a larger file is not ours and is ignored.
const FILE_LIMIT: u64 = 4 << 20;
/// The history's file name in the state folder.
pub const FILE_NAME: &str = "search-history.txt";

/// The searches kept, oldest first, each at most one line, sanitised,
/// capped at [`super::MAX_QUERY_CHARS`], and no two alike.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
}

impl History {
    /// The history in `text` (the file's contents): one query per line,
    /// oldest first. Whatever a line holds comes out safe to show.
    pub fn parse(text: &str) -> History {
        let mut history = History::default();
        for line in text.lines() {
            history.push(line);
        }
        history
    }

    /// The file's contents.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        for entry in &self.entries {
            text.push_str(entry);
            text.push('\n');
        }
        text
    }

    /// Adds `query` as the newest entry (moved there if it was already
    /// kept); says whether the history changed. Blank queries are not kept.
    pub fn push(&mut self, query: &str) -> bool {
        let clean = sanitize::clean_inline(query);
        let entry = cap(clean.trim()).0;
        if entry.is_empty() || self.entries.last().is_some_and(|last| last == entry) {
            return false;
        }
        self.entries.retain(|e| e != entry);
        self.entries.push(entry.to_owned());
        if self.entries.len() > MAX_ENTRIES {
            let over = self.entries.len() - MAX_ENTRIES;
            self.entries.drain(..over);
        }
        true
    }

    /// The entries, oldest first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entry `n` counted back from the newest (0 is the newest).
    pub fn back(&self, n: usize) -> Option<&str> {
        let at = self.entries.len().checked_sub(n + 1)?;
        self.entries.get(at).map(String::as_str)
    }
}

/// Where the history lives: beside the marks file.
pub fn file_beside(marks_file: &Path) -> PathBuf {
    marks_file.with_file_name(FILE_NAME)
}

/// Reads the history at `path`. A missing file is an empty history; any
/// other failure (a special file, a huge one, not UTF-8) is an empty
/// history and the reason, for the status line.
pub fn load(path: &Path) -> (History, Option<String>) {
    match crate::regular_file::read(path, FILE_LIMIT) {
        Ok(bytes) => (History::parse(&String::from_utf8_lossy(&bytes)), None),
        Err(e) if e.kind() == io::ErrorKind::NotFound => (History::default(), None),
        Err(e) => {
            let shown = sanitize::clean_inline(&path.to_string_lossy());
            (
                History::default(),
                Some(format!("search history {shown} not read: {e}")),
            )
        }
    }
}

/// Replaces the file at `path` with `history` (atomically; the folder is
/// made if needed).
pub fn save(path: &Path, history: &History) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    durable::write_atomic(path, history.to_text().as_bytes(), Durability::RenameOnly)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_sanitised_capped_deduplicated_and_bounded() {
        let mut h = History::default();
        assert!(h.push("  警察  "));
        assert!(!h.push("警察"), "the newest again changes nothing");
        assert!(h.push("Carrie Lam"));
        assert!(h.push("警察"), "an older one moves to the end");
        assert_eq!(h.entries(), ["Carrie Lam", "警察"]);
        assert!(!h.push("   "));
        assert!(h.push("a\u{1b}[31mred\u{7}"));
        assert!(sanitize::is_clean(h.back(0).unwrap()), "{:?}", h.back(0));
        assert_eq!(h.back(1), Some("警察"));
        assert_eq!(h.back(3), None);
        h.push(&"長".repeat(5000));
        assert_eq!(
            h.back(0).unwrap().chars().count(),
            super::super::MAX_QUERY_CHARS
        );
        for i in 0..(MAX_ENTRIES + 50) {
            h.push(&format!("q{i}"));
        }
        assert_eq!(h.len(), MAX_ENTRIES);
        assert_eq!(h.back(0), Some(format!("q{}", MAX_ENTRIES + 49).as_str()));
    }

    #[test]
    fn a_hostile_file_reads_as_safe_entries() {
        let text = "ok\r\n\u{1b}]52;c;aGk=\u{7}paste\n\n\u{202e}evil\nok\n";
        let h = History::parse(text);
        assert!(h.entries().iter().all(|e| sanitize::is_clean(e)), "{h:?}");
        assert_eq!(h.back(0), Some("ok"));
        assert_eq!(History::parse(&h.to_text()), h, "a round trip");
    }

    #[test]
    fn saved_and_loaded_beside_the_marks() {
        let dir = tempfile::tempdir().unwrap();
        let path = file_beside(&dir.path().join("state/marks.json"));
        assert_eq!(load(&path), (History::default(), None), "none yet");
        let mut h = History::default();
        h.push("國安法");
        h.push("police");
        save(&path, &h).unwrap();
        assert_eq!(load(&path).0, h);
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        let (empty, why) = load(&path);
        assert!(empty.is_empty());
        assert!(why.is_some_and(|w| w.contains(FILE_NAME)));
    }
}
