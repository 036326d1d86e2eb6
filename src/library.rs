//! A loaded archive: the articles found under the paths the user gave, and
//! every problem met on the way. Knows nothing of the terminal.

use std::path::PathBuf;

use crate::article::{Article, BodySource};

/// Everything loaded from one or more paths.
#[derive(Debug, Default)]
pub struct Library {
    /// Shown in the list header: the folder name, or "samples".
    pub name: String,
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

/// Something wrong with one file. Warnings leave the article loaded;
/// errors mean the file could not be read or parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub severity: Severity,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// Reads an article's body (everything after the front matter), decoding
/// invalid UTF-8 lossily.
pub fn read_body(source: &BodySource) -> Result<String, String> {
    match source {
        BodySource::File { path, offset } => {
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let start = usize::try_from(*offset)
                .unwrap_or(usize::MAX)
                .min(bytes.len());
            Ok(String::from_utf8_lossy(&bytes[start..]).into_owned())
        }
        BodySource::Embedded { bytes, offset } => {
            let start = (*offset).min(bytes.len());
            Ok(String::from_utf8_lossy(&bytes[start..]).into_owned())
        }
    }
}
