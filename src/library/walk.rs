//! Finding article files under the paths the user gave.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

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
    // Walked paths are `root` joined with more: a byte prefix, cheaper than
    // comparing components.
    let bytes = path.as_os_str().as_encoded_bytes();
    let rel = match bytes.strip_prefix(root.as_os_str().as_encoded_bytes()) {
        Some(rest)
            if !root.as_os_str().is_empty()
                && (rest.first() == Some(&(std::path::MAIN_SEPARATOR as u8))
                    || root
                        .as_os_str()
                        .as_encoded_bytes()
                        .ends_with(std::path::MAIN_SEPARATOR_STR.as_bytes())) =>
        {
            let rest = rest
                .strip_prefix(std::path::MAIN_SEPARATOR_STR.as_bytes())
                .unwrap_or(rest);
            (!rest.is_empty()).then(|| String::from_utf8_lossy(rest))
        }
        _ => path
            .strip_prefix(root)
            .ok()
            .filter(|r| !r.as_os_str().is_empty())
            .map(|r| r.to_string_lossy()),
    };
    match rel {
        Some(rel) if std::path::MAIN_SEPARATOR == '/' => rel.into_owned(),
        Some(rel) => rel.replace(std::path::MAIN_SEPARATOR, "/"),
        None => path
            .file_name()
            .unwrap_or(path.as_os_str())
            .to_string_lossy()
            .into_owned(),
    }
}

/// What the walk finds: a file to load, or a problem on the way.
pub enum Found {
    File(Candidate),
    Problem(Problem),
}

/// Every Markdown file under `paths` (files or folders, walked recursively,
/// hidden entries skipped, symbolic links followed but never round a loop),
/// lazily, so loading can start before the walk ends. `saw_link` is set when
/// a symbolic link was followed: a file may then be reached twice.
pub fn find<'a>(
    paths: &'a [PathBuf],
    saw_link: &'a AtomicBool,
) -> impl Iterator<Item = Found> + Send + 'a {
    paths
        .iter()
        .flat_map(move |root| -> Box<dyn Iterator<Item = Found> + Send + 'a> {
            let problem = |severity, reason: String| {
                Found::Problem(Problem {
                    path: root.clone(),
                    severity,
                    reason,
                })
            };
            match std::fs::metadata(root) {
                Err(e) => Box::new(std::iter::once(problem(
                    Severity::Error,
                    format!("cannot read: {e}"),
                ))),
                Ok(meta) if meta.is_dir() => Box::new(walk(root, saw_link)),
                Ok(meta) if !meta.is_file() => Box::new(std::iter::once(problem(
                    Severity::Warning,
                    "not a regular file; skipped".to_owned(),
                ))),
                Ok(_) if !is_markdown(root) => Box::new(std::iter::once(problem(
                    Severity::Warning,
                    "not a Markdown file (.md or .markdown); skipped".to_owned(),
                ))),
                Ok(_) => Box::new(std::iter::once(Found::File(Candidate {
                    path: root.clone(),
                    archive_path: archive_path(root, Path::new("")),
                }))),
            }
        })
}

/// Walks one folder.
fn walk<'a>(root: &'a Path, saw_link: &'a AtomicBool) -> impl Iterator<Item = Found> + Send + 'a {
    WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()))
        .filter_map(move |entry| match entry {
            Ok(entry) => {
                if entry.path_is_symlink() {
                    saw_link.store(true, Ordering::Relaxed);
                }
                let path = entry.path();
                if !is_markdown(path) || entry.file_type().is_dir() {
                    None
                } else if entry.file_type().is_file() {
                    Some(Found::File(Candidate {
                        archive_path: archive_path(path, root),
                        path: entry.into_path(),
                    }))
                } else {
                    Some(Found::Problem(Problem {
                        path: path.to_path_buf(),
                        severity: Severity::Warning,
                        reason: "not a regular file; skipped".to_owned(),
                    }))
                }
            }
            Err(err) => walk_error(&err, root).map(Found::Problem),
        })
}

fn walk_error(err: &walkdir::Error, root: &Path) -> Option<Problem> {
    let path = err.path().unwrap_or(root).to_path_buf();
    if let Some(ancestor) = err.loop_ancestor() {
        return Some(Problem {
            severity: Severity::Warning,
            reason: format!(
                "symbolic link loops back to {}; not followed",
                ancestor.display()
            ),
            path,
        });
    }
    if !(is_markdown(&path) || path.is_dir() || path == root) {
        return None;
    }
    let reason = match err.io_error() {
        Some(io)
            if std::fs::symlink_metadata(&path).is_ok() && std::fs::metadata(&path).is_err() =>
        {
            format!("cannot read: broken symbolic link ({io})")
        }
        Some(io) => format!("cannot read: {io}"),
        None => format!("cannot read: {err}"),
    };
    Some(Problem {
        path,
        severity: Severity::Error,
        reason,
    })
}

/// Of several paths that lead to the same regular file, every one but the
/// smallest. Folders are left alone: two links into one folder are not
/// duplicates, they were walked once each and their files are compared here.
pub fn duplicates(mut paths: Vec<&Path>) -> HashSet<PathBuf> {
    paths.sort_unstable();
    paths.dedup();
    let targets: Vec<Option<PathBuf>> = paths
        .par_iter()
        .map(|p| std::fs::canonicalize(p).ok().filter(|t| t.is_file()))
        .collect();
    let mut keeper: HashMap<&Path, &Path> = HashMap::new();
    let mut dropped = HashSet::new();
    // `paths` is sorted, so the first path seen for a target is the smallest.
    for (path, target) in paths.iter().zip(&targets) {
        if let Some(target) = target {
            if keeper.entry(target.as_path()).or_insert(path) != path {
                dropped.insert(path.to_path_buf());
            }
        }
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_paths_are_relative_and_slashed() {
        let root = Path::new("arch");
        assert_eq!(archive_path(Path::new("arch/2020/a.md"), root), "2020/a.md");
        assert_eq!(archive_path(Path::new("archive/a.md"), root), "a.md");
        assert_eq!(archive_path(Path::new("elsewhere/b.md"), root), "b.md");
        assert_eq!(archive_path(Path::new("c.md"), Path::new("")), "c.md");
        assert_eq!(
            archive_path(Path::new("arch/d.md"), Path::new("arch/")),
            "d.md"
        );
    }

    #[test]
    fn markdown_extensions_in_any_case() {
        for name in ["a.md", "b.MD", "c.markdown", "d.MarkDown"] {
            assert!(is_markdown(Path::new(name)), "{name}");
        }
        for name in ["e.txt", "f.mdx", "md", ".md.bak"] {
            assert!(!is_markdown(Path::new(name)), "{name}");
        }
    }
}
