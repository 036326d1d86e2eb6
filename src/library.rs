//! A loaded archive: the articles found under the paths the user gave, and
//! every problem met on the way. Knows nothing of the terminal.
//!
//! Start-up reads front matter only, in parallel; bodies are read with
//! [`read_body`] when an article is opened.

mod read;
mod samples;
mod walk;

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering as AtomicOrdering};

use rayon::prelude::*;

use crate::article::{Article, BodySource, YamlParser};

pub use read::load_file;

/// One file's outcome: the article and its problems, or why it is not one.
pub type LoadResult = Result<(Article, Vec<Problem>), Problem>;
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
        let saw_link = AtomicBool::new(false);
        let mut problems = Vec::new();
        let mut results = Vec::new();
        // Files are loaded while the walk goes on, on all cores.
        let found: Vec<_> = walk::find(paths, &saw_link)
            .par_bridge()
            .map_init(Vec::new, |buf, found| match found {
                walk::Found::File(c) => Ok(read::load(c.path, &c.archive_path, buf, parser)),
                walk::Found::Problem(p) => Err(p),
            })
            .collect();
        for item in found {
            match item {
                Ok(result) => results.push(result),
                Err(problem) => problems.push(problem),
            }
        }
        if saw_link.load(AtomicOrdering::Relaxed) || paths.len() > 1 {
            drop_duplicates(&mut results);
        }
        Self::assemble(library_name(paths), results, problems)
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

    fn assemble(name: String, results: Vec<LoadResult>, mut problems: Vec<Problem>) -> Library {
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
        }
    }
}

/// Keeps one load of each file reached by several paths.
fn drop_duplicates(results: &mut Vec<LoadResult>) {
    let paths: Vec<&Path> = results
        .iter()
        .map(|r| match r {
            Ok((article, _)) => article.path.as_path(),
            Err(problem) => problem.path.as_path(),
        })
        .collect();
    let mut drop = vec![false; results.len()];
    for i in walk::duplicates(&paths) {
        drop[i] = true;
    }
    let mut index = 0;
    results.retain(|_| {
        index += 1;
        !drop[index - 1]
    });
}

/// The list order: newest first, undated last, ties by path.
pub fn compare_articles(a: &Article, b: &Article) -> Ordering {
    match (a.date, b.date) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    // Byte order of the path: cheaper than component order, and as stable.
    .then_with(|| a.path.as_os_str().cmp(b.path.as_os_str()))
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
