//! The article model: what the rest of inkstone knows about one file,
//! normalised from either archive format.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

/// One article's metadata. Every string here has been through
/// `text::sanitize::clean_inline`, so it is safe to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable identity for read marks: the link when there is one, else the
    /// path inside the archive.
    pub id: String,
    /// Where the article lives, for messages and `list --json`.
    pub path: PathBuf,
    pub title: String,
    /// Calendar date as written in the front matter (no time-zone shift).
    pub date: Option<NaiveDate>,
    /// `last_updated`, when present and readable.
    pub updated: Option<NaiveDateTime>,
    pub authors: Vec<String>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    /// The article's link: `url`, else `from`, else `link`, else `original_url`.
    pub url: Option<String>,
    /// `original_url` when it differs from `url`.
    pub original_url: Option<String>,
    /// Where the body is, so it can be read only when needed.
    pub body: BodySource,
}

/// Where to find an article's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodySource {
    /// A file on disk; the body starts `offset` bytes in (after front matter).
    File { path: PathBuf, offset: u64 },
    /// A sample article compiled into the binary.
    Embedded { bytes: &'static [u8], offset: usize },
}

impl Article {
    /// The first category, shown as the article's source in the list.
    pub fn source(&self) -> Option<&str> {
        self.categories.first().map(String::as_str)
    }
}
