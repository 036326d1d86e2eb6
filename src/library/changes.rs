//! Applying live changes (from the watcher, or a recheck of the cache) to a
//! loaded library, keeping the list order.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use super::cached::{parse_all, root_of};
use super::duplicates::body_hash;
use super::{Library, LoadResult, Problem};
use crate::article::Article;
use crate::tree::{self, FileKey, Keys, Stamp};

mod merge;

#[cfg(test)]
use merge::INSERT_LIMIT;
pub use merge::{MergeBase, MergedArticles};

/// What a batch of changes did, for the status line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ChangeSummary {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    /// Changed or new files that could not be loaded (see `problems`).
    pub failed: usize,
}

impl ChangeSummary {
    pub fn is_empty(&self) -> bool {
        *self == ChangeSummary::default()
    }
}

impl fmt::Display for ChangeSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = [
            (self.added, "new"),
            (self.updated, "changed"),
            (self.removed, "removed"),
            (self.failed, "unreadable"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        if parts.is_empty() {
            f.write_str("no changes")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// A batch of changed paths read and parsed: the slow half of
/// [`Library::apply_changes`] (file system and parsing), which the reader
/// runs on a worker; [`Library::merge_changes`] is the quick half.
#[derive(Debug, Default)]
pub struct ChangeScan {
    /// The paths asked about, as given.
    paths: Vec<PathBuf>,
    /// Paths (files or folders) that are gone.
    gone: HashSet<PathBuf>,
    /// Folders listed whole, with their times.
    listed: Vec<(PathBuf, Stamp)>,
    /// Article files that are there, sorted by path, each once.
    present: Vec<(PathBuf, FileKey)>,
    /// What parsing each of `present` gave, in the same order.
    parsed: Vec<LoadResult>,
    /// What the walk of the folders listed met (links that loop or are
    /// broken, special files, folders that could not be listed).
    walk_problems: Vec<Problem>,
    /// Body hashes of articles already in the library that a new article
    /// may duplicate (see [`ChangeScan::hash_collisions`]), by path.
    hashes: Vec<(PathBuf, u64)>,
}

impl ChangeScan {
    /// Reads what `paths` (files or folders, in any mix; a folder stands
    /// for everything under it) hold now, for a library loaded from
    /// `roots`: paths outside them, hidden ones and non-article files are
    /// passed over. Changed files are parsed here, and the bodies that
    /// tell duplicates among them and `existing` (the library's articles)
    /// are hashed.
    pub fn run(roots: &[PathBuf], paths: Vec<PathBuf>, existing: &[Article]) -> ChangeScan {
        let mut scan = ChangeScan::default();
        for path in paths.iter().filter(|p| is_inside(roots, p)) {
            match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => {
                    // Everything under it is gone unless listed again now.
                    scan.gone.insert(path.clone());
                    let walked = tree::walk_inside(path, root_of(roots, path), Keys::Read);
                    scan.walk_problems.extend(walked.unreadable);
                    for dir in walked.scans {
                        // As a load records it (see `DirScan::unusual`).
                        let stamp = dir.recorded_stamp();
                        scan.listed.push((dir.dir, stamp));
                        scan.present.extend(dir.files);
                        scan.walk_problems.extend(dir.problems);
                    }
                }
                Ok(meta) if meta.is_file() && tree::is_article_file(path) => {
                    scan.present.push((path.clone(), FileKey::of(&meta)));
                }
                Ok(_) => {}
                Err(_) => {
                    scan.gone.insert(path.clone());
                }
            }
        }
        scan.present.sort_by(|a, b| a.0.cmp(&b.0));
        scan.present.dedup_by(|a, b| a.0 == b.0);
        scan.parsed = parse_all(roots, &scan.present, &super::Progress::new());
        scan.paths = paths;
        scan.hash_collisions(existing);
        scan
    }

    /// Hashes the bodies duplicates are told by (as
    /// `duplicates::hash_colliding` does for a load): those of new articles
    /// whose title, date and time match another's, new or already listed,
    /// and those of the listed ones they match. Read here, on the worker,
    /// so that merging reads no file.
    fn hash_collisions(&mut self, existing: &[Article]) {
        let fresh: HashSet<&Path> = self.present.iter().map(|(p, _)| p.as_path()).collect();
        let gone = &self.gone;
        let replaced = |p: &Path| fresh.contains(p) || p.ancestors().any(|a| gone.contains(a));
        let mut new: Vec<&mut Article> = self
            .parsed
            .iter_mut()
            .filter_map(|r| r.as_mut().ok().map(|(article, _)| article))
            .collect();
        // Title, date and time: what must match besides the body.
        let key = |a: &Article| (a.date, a.datetime, a.title.clone());
        let mut count = HashMap::new();
        for article in &new {
            *count.entry(key(article)).or_insert(0usize) += 1;
        }
        if count.is_empty() {
            return;
        }
        let listed: Vec<&Article> = existing
            .iter()
            .filter(|a| !replaced(&a.path) && count.contains_key(&key(a)))
            .collect();
        for article in &listed {
            *count.entry(key(article)).or_default() += 1;
        }
        let mut buf = Vec::new();
        for article in &mut new {
            if count[&key(article)] > 1 && article.body_hash.is_none() {
                article.body_hash = body_hash(&article.body, &mut buf);
            }
        }
        for article in listed.into_iter().filter(|a| a.body_hash.is_none()) {
            if let Some(hash) = body_hash(&article.body, &mut buf) {
                self.hashes.push((article.path.to_path_buf(), hash));
            }
        }
    }

    /// The paths this scan was asked about.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// Gives back the paths asked about (to scan them again).
    pub fn into_paths(self) -> Vec<PathBuf> {
        self.paths
    }
}

impl Library {
    /// Brings the library up to date with `paths`: files or folders that
    /// were added, changed or removed (in any mix; a folder stands for
    /// everything under it). Changed files are parsed again, files that are
    /// gone are dropped, and the list order is kept. Paths outside the
    /// library, hidden ones and non-Markdown files are ignored. The reader
    /// keeps its selection by article id across this. The same as
    /// [`ChangeScan::run`] then [`Library::merge_changes`].
    pub fn apply_changes(&mut self, paths: &[PathBuf]) -> ChangeSummary {
        let scan = ChangeScan::run(&self.roots, paths.to_vec(), &self.articles);
        self.merge_changes(scan)
    }

    /// Takes in what a [`ChangeScan`] of this library's roots found (no
    /// file is read here): [`ChangeScan::merge`] then
    /// [`Library::take_merged`], on this thread.
    pub fn merge_changes(&mut self, scan: ChangeScan) -> ChangeSummary {
        let merged = scan.merge(&self.merge_base());
        self.take_merged(merged)
    }
}

/// Whether a path belongs to a library loaded from `roots`: under a root,
/// and not inside a hidden folder (such as `.git`) below it.
fn is_inside(roots: &[PathBuf], path: &Path) -> bool {
    roots.iter().any(|root| {
        path.strip_prefix(root)
            .is_ok_and(|rel| !tree::has_hidden_part(rel))
    })
}

#[cfg(test)]
mod tests;
