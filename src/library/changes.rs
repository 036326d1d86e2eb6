//! Applying live changes (from the watcher, or a recheck of the cache) to a
//! loaded library, keeping the list order.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::cached::parse_all;
use super::{Library, NotArticle, compare_articles, sort_articles};
use crate::article::Article;
use crate::tree::{self, FileKey, Keys};

/// Up to this many new articles are inserted in place; more are sorted.
const INSERT_LIMIT: usize = 64;

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

impl Library {
    /// Brings the library up to date with `paths`: files or folders that
    /// were added, changed or removed (in any mix; a folder stands for
    /// everything under it). Changed files are parsed again, files that are
    /// gone are dropped, and the list order is kept. Paths outside the
    /// library, hidden ones and non-Markdown files are ignored. The reader
    /// keeps its selection by article id across this.
    pub fn apply_changes(&mut self, paths: &[PathBuf]) -> ChangeSummary {
        let mut gone: HashSet<PathBuf> = HashSet::new();
        let mut present: Vec<(PathBuf, FileKey)> = Vec::new();
        let mut listed = Vec::new();
        let inside: Vec<&PathBuf> = paths.iter().filter(|p| self.is_inside(p)).collect();
        for path in inside {
            match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => {
                    // Everything under it is gone unless listed again now.
                    gone.insert(path.clone());
                    for scan in tree::walk(path, Keys::Read).scans {
                        listed.push((scan.dir, scan.mtime));
                        present.extend(scan.files);
                    }
                }
                Ok(meta) if meta.is_file() && tree::is_article_file(path) => {
                    present.push((path.clone(), FileKey::of(&meta)));
                }
                Ok(_) => {}
                Err(_) => {
                    gone.insert(path.clone());
                }
            }
        }
        // Folders that are gone are forgotten; those listed again now get
        // their new times (a folder is only recorded when listed whole).
        self.disk
            .dirs
            .retain(|d, _| !d.ancestors().any(|a| gone.contains(a)));
        self.disk.dirs.extend(listed);
        present.sort_by(|a, b| a.0.cmp(&b.0));
        present.dedup_by(|a, b| a.0 == b.0);
        let fresh: HashSet<&Path> = present.iter().map(|(p, _)| p.as_path()).collect();
        let affected = |p: &Path| fresh.contains(p) || p.ancestors().any(|a| gone.contains(a));

        let before: HashSet<PathBuf> = self
            .articles
            .iter()
            .map(|a| &a.path)
            .chain(self.problems.iter().map(|p| &p.path))
            .chain(self.disk.keys.iter().map(|(p, _)| p))
            .filter(|p| affected(p))
            .cloned()
            .collect();
        if before.is_empty() && present.is_empty() {
            return ChangeSummary::default();
        }
        Arc::make_mut(&mut self.articles).retain(|a| !affected(&a.path));
        self.problems.retain(|p| !affected(&p.path));
        let keys = Arc::make_mut(&mut self.disk.keys);
        keys.retain(|(p, _)| !affected(p));

        let mut summary = ChangeSummary::default();
        let mut new_articles = Vec::new();
        for ((path, key), result) in
            present
                .iter()
                .zip(parse_all(&self.roots, &present, &super::Progress::new()))
        {
            keys.push((path.clone(), *key));
            match result {
                Ok((article, found)) => {
                    *(if before.contains(path) {
                        &mut summary.updated
                    } else {
                        &mut summary.added
                    }) += 1;
                    new_articles.push(article);
                    self.problems.extend(found);
                }
                Err(NotArticle::Failed(problem)) => {
                    summary.failed += 1;
                    self.problems.push(problem);
                }
                Err(NotArticle::SitePage) => {}
            }
        }
        summary.removed = before
            .iter()
            .filter(|p| !fresh.contains(p.as_path()))
            .count();
        let added = !new_articles.is_empty();
        self.insert_sorted(new_articles);
        if added {
            super::duplicates::hash_colliding(Arc::make_mut(&mut self.articles).as_mut_slice());
        }
        self.problems.sort_by(|a, b| a.path.cmp(&b.path));
        self.disk.changed();
        summary
    }

    fn insert_sorted(&mut self, new: Vec<Article>) {
        let articles = Arc::make_mut(&mut self.articles);
        if new.len() > INSERT_LIMIT {
            articles.extend(new);
            sort_articles(articles);
            return;
        }
        for article in new {
            let at = articles.partition_point(|a| compare_articles(a, &article).is_lt());
            articles.insert(at, article);
        }
    }

    /// Whether a path belongs to this library: under a root, and not
    /// inside a hidden folder (such as `.git`) below it.
    fn is_inside(&self, path: &Path) -> bool {
        self.roots.iter().any(|root| {
            path.strip_prefix(root)
                .is_ok_and(|rel| !tree::has_hidden_part(rel))
        })
    }
}

#[cfg(test)]
mod tests;
