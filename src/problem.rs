//! What can be wrong with one file of the library: the type every layer
//! that reads files reports in (articles, the tree walk, the cache, the
//! loader). It sits on the ground floor and imports nothing of inkstone.

use std::path::PathBuf;

/// Something wrong with one file. Warnings leave the article loaded;
/// errors mean the file could not be read or parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub severity: Severity,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Problem {
    pub fn warning(path: impl Into<PathBuf>, reason: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            severity: Severity::Warning,
            reason: reason.into(),
        }
    }

    pub fn error(path: impl Into<PathBuf>, reason: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            severity: Severity::Error,
            reason: reason.into(),
        }
    }

    /// Whether the file could not be read (opened, listed or followed), as
    /// opposed to read and found wrong: such a failure can end without the
    /// file's size or time changing (its permissions fixed), so the cache
    /// never keeps it, and the file is tried again on every start.
    pub fn is_read_failure(&self) -> bool {
        self.severity == Severity::Error && self.reason.starts_with("cannot read")
    }
}
