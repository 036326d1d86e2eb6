//! Applying live changes (from the watcher, or a recheck of the cache) to a
//! loaded library, keeping the list order.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::cached::parse_all;
use super::duplicates::body_hash;
use super::{Library, LoadResult, NotArticle, compare_articles};
use crate::article::Article;
use crate::tree::{self, FileKey, Keys, Stamp};

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
                    for dir in tree::walk(path, Keys::Read).scans {
                        scan.listed.push((dir.dir, dir.mtime));
                        scan.present.extend(dir.files);
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
    /// file is read here).
    pub fn merge_changes(&mut self, scan: ChangeScan) -> ChangeSummary {
        let ChangeScan {
            gone,
            listed,
            present,
            parsed,
            hashes,
            ..
        } = scan;
        // Folders that are gone are forgotten; those listed again now get
        // their new times (a folder is only recorded when listed whole).
        self.disk
            .dirs
            .retain(|d, _| !d.ancestors().any(|a| gone.contains(a)));
        self.disk.dirs.extend(listed);
        let fresh: HashSet<&Path> = present.iter().map(|(p, _)| p.as_path()).collect();
        let affected = |p: &Path| fresh.contains(p) || p.ancestors().any(|a| gone.contains(a));

        let before: HashSet<PathBuf> = self
            .articles
            .iter()
            .map(|a| &*a.path)
            .chain(self.problems.iter().map(|p| p.path.as_path()))
            .chain(self.disk.keys.iter().map(|(p, _)| &**p))
            .filter(|p| affected(p))
            .map(Path::to_path_buf)
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
        for ((path, key), result) in present.iter().zip(parsed) {
            keys.push((path.as_path().into(), *key));
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
        self.insert_sorted(new_articles);
        if !hashes.is_empty() {
            let hashes: HashMap<&Path, u64> =
                hashes.iter().map(|(p, h)| (p.as_path(), *h)).collect();
            for article in Arc::make_mut(&mut self.articles).iter_mut() {
                if article.body_hash.is_none() {
                    article.body_hash = hashes.get(&*article.path).copied();
                }
            }
        }
        self.problems.sort_by(|a, b| a.path.cmp(&b.path));
        self.disk.changed();
        summary
    }

    /// Puts `new` in list order among the articles, on this thread (the
    /// reader merges changes in `App::update`, which starts no thread):
    /// a few are inserted one by one, many are sorted and merged in.
    fn insert_sorted(&mut self, mut new: Vec<Article>) {
        let articles = Arc::make_mut(&mut self.articles);
        if new.len() > INSERT_LIMIT {
            new.sort_unstable_by(compare_articles);
            let old = std::mem::take(articles);
            articles.reserve(old.len() + new.len());
            let mut new = new.into_iter().peekable();
            for article in old {
                while let Some(first) = new.next_if(|n| compare_articles(n, &article).is_lt()) {
                    articles.push(first);
                }
                articles.push(article);
            }
            articles.extend(new);
            return;
        }
        for article in new {
            let at = articles.partition_point(|a| compare_articles(a, &article).is_lt());
            articles.insert(at, article);
        }
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
