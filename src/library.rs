//! A loaded archive: the articles found under the paths the user gave, and
//! every problem met on the way. Knows nothing of the terminal.
//!
//! Start-up reads front matter only, in parallel; bodies are read with
//! [`read_body`] when an article is opened.

mod cached;
mod changes;
mod read;
mod samples;
mod walk;

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::article::{Article, BodySource, YamlParser};

pub use cached::Recheck;
pub use changes::ChangeSummary;
pub use read::load_file;
pub use walk::is_markdown;

/// Everything loaded from one or more paths.
#[derive(Debug, Default)]
pub struct Library {
    /// Shown in the list header: the folder name, or "samples".
    pub name: String,
    /// Newest first; undated articles last; ties in path order.
    pub articles: Vec<Article>,
    /// In path order.
    pub problems: Vec<Problem>,
    /// The paths it was loaded from (none for the samples), so that live
    /// changes can be parsed as the loader would.
    pub roots: Vec<PathBuf>,
    /// Sizes and times of the files, for the cache and live changes.
    disk: cached::DiskIndex,
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

impl Library {
    /// Loads every Markdown article under `paths` (files or folders).
    /// Never fails: unreadable and broken files become [`Problem`]s.
    pub fn load(paths: &[PathBuf]) -> Library {
        Self::load_with(paths, YamlParser::Auto)
    }

    /// [`Library::load`] with a chosen YAML parser (for tests and benches).
    pub fn load_with(paths: &[PathBuf], parser: YamlParser) -> Library {
        let mut problems = Vec::new();
        let candidates = walk::find(paths, &mut problems);
        let results: Vec<_> = candidates
            .par_iter()
            .map_init(Vec::new, |buf, c| {
                read::load(&c.path, &c.archive_path, buf, parser)
            })
            .collect();
        drop(candidates);
        let mut library = Self::assemble(library_name(paths), results, problems);
        library.roots = paths.to_vec();
        library
    }

    /// The sample articles compiled into the binary.
    pub fn samples() -> Library {
        Self::assemble(
            "samples".to_owned(),
            samples::load(YamlParser::Auto),
            Vec::new(),
        )
    }

    /// The articles under `paths`, or the samples when no path is given.
    pub fn open(paths: &[PathBuf]) -> Library {
        if paths.is_empty() {
            Self::samples()
        } else {
            Self::load(paths)
        }
    }

    /// Whether any file could not be read or parsed.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    fn assemble(
        name: String,
        results: Vec<Result<(Article, Vec<Problem>), Problem>>,
        mut problems: Vec<Problem>,
    ) -> Library {
        let mut articles = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok((article, found)) => {
                    articles.push(article);
                    problems.extend(found);
                }
                Err(problem) => problems.push(problem),
            }
        }
        sort_articles(&mut articles);
        problems.sort_by(|a, b| a.path.cmp(&b.path));
        Library {
            name,
            articles,
            problems,
            ..Library::default()
        }
    }
}

/// The list order: newest first, undated last, ties by path.
pub fn compare_articles(a: &Article, b: &Article) -> Ordering {
    match (a.date, b.date) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.path.cmp(&b.path))
}

/// Sorts into the list order (see [`compare_articles`]).
pub fn sort_articles(articles: &mut [Article]) {
    articles.par_sort_by(compare_articles);
}

/// The folder's name for one path; names joined for several.
fn library_name(paths: &[PathBuf]) -> String {
    let name = |p: &PathBuf| {
        let full = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        full.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    paths.iter().map(name).collect::<Vec<_>>().join(", ")
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

/// The id-relevant path of `path` inside `root`, as `load_file` uses it.
pub fn archive_path(path: &Path, root: &Path) -> String {
    walk::archive_path(path, root)
}
