//! Finding article files under the paths the user gave.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::{Problem, Severity};

/// A Markdown file to load.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub path: PathBuf,
    /// The path inside the archive, `/`-separated (the id of a link-less article).
    pub archive_path: String,
}

/// `.md` and `.markdown`, in any case.
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Names starting with a dot: `.git`, `.obsidian`, editor backups.
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// `path` relative to `root`, `/`-separated; the file name when it is not
/// under `root`.
pub fn archive_path(path: &Path, root: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        _ => path
            .file_name()
            .unwrap_or(path.as_os_str())
            .to_string_lossy()
            .into_owned(),
    }
}

/// Every Markdown file under `paths` (files or folders, walked recursively,
/// hidden entries skipped, symbolic links followed but never round a loop).
/// A file reachable twice (two paths, or a link into the tree) is listed once.
pub fn find(paths: &[PathBuf], problems: &mut Vec<Problem>) -> Vec<Candidate> {
    let mut found = Vec::new();
    let mut saw_link = false;
    for root in paths {
        let problem = |severity, reason: String| Problem {
            path: root.clone(),
            severity,
            reason,
        };
        match std::fs::metadata(root) {
            Err(e) => problems.push(problem(Severity::Error, format!("cannot read: {e}"))),
            Ok(meta) if meta.is_dir() => saw_link |= walk(root, &mut found, problems),
            Ok(meta) if !meta.is_file() => {
                problems.push(problem(
                    Severity::Warning,
                    "not a regular file; skipped".to_owned(),
                ));
            }
            Ok(_) if !is_markdown(root) => problems.push(problem(
                Severity::Warning,
                "not a Markdown file (.md or .markdown); skipped".to_owned(),
            )),
            Ok(_) => found.push(Candidate {
                path: root.clone(),
                archive_path: archive_path(root, Path::new("")),
            }),
        }
    }
    if saw_link || paths.len() > 1 {
        dedup_by_target(&mut found);
    }
    found
}

/// Walks one folder; returns whether a symbolic link was followed.
fn walk(root: &Path, found: &mut Vec<Candidate>, problems: &mut Vec<Problem>) -> bool {
    let mut saw_link = false;
    let entries = WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in entries {
        match entry {
            Ok(entry) => {
                saw_link |= entry.path_is_symlink();
                let path = entry.path();
                if !is_markdown(path) {
                    continue;
                }
                if entry.file_type().is_file() {
                    found.push(Candidate {
                        archive_path: archive_path(path, root),
                        path: entry.into_path(),
                    });
                } else if !entry.file_type().is_dir() {
                    problems.push(Problem {
                        path: path.to_path_buf(),
                        severity: Severity::Warning,
                        reason: "not a regular file; skipped".to_owned(),
                    });
                }
            }
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                if let Some(ancestor) = err.loop_ancestor() {
                    problems.push(Problem {
                        severity: Severity::Warning,
                        reason: format!(
                            "symbolic link loops back to {}; not followed",
                            ancestor.display()
                        ),
                        path,
                    });
                } else if is_markdown(&path) || path.is_dir() || path == root {
                    let reason = match err.io_error() {
                        Some(io)
                            if std::fs::symlink_metadata(&path).is_ok()
                                && std::fs::metadata(&path).is_err() =>
                        {
                            format!("cannot read: broken symbolic link ({io})")
                        }
                        Some(io) => format!("cannot read: {io}"),
                        None => format!("cannot read: {err}"),
                    };
                    problems.push(Problem {
                        path,
                        severity: Severity::Error,
                        reason,
                    });
                }
            }
        }
    }
    saw_link
}

/// Keeps the first of several paths that lead to the same file.
fn dedup_by_target(found: &mut Vec<Candidate>) {
    let targets: Vec<PathBuf> = found
        .par_iter()
        .map(|c| std::fs::canonicalize(&c.path).unwrap_or_else(|_| c.path.clone()))
        .collect();
    let mut seen = std::collections::HashSet::with_capacity(targets.len());
    let mut keep = targets.into_iter().map(|t| seen.insert(t));
    found.retain(|_| keep.next().unwrap_or(true));
}
