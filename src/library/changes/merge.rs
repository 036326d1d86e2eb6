//! Merging a [`ChangeScan`] in two halves: [`ChangeScan::merge`] builds the
//! new article list and file keys from a snapshot of the library (O(n),
//! for a worker), and [`Library::take_merged`] swaps them in and updates
//! the problems and folders (no work per article), so that the reader's
//! `update` never copies the article list.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{ChangeScan, ChangeSummary};
use crate::article::Article;
use crate::library::{Library, NotArticle, Problem, compare_articles};
use crate::tree::{FileKey, Stamp};

/// Up to this many new articles are inserted in place; more are sorted.
pub(super) const INSERT_LIMIT: usize = 64;

/// What a merge reads of a library: shared, so cheap to take.
#[derive(Debug, Clone, Default)]
pub struct MergeBase {
    pub articles: Arc<Vec<Article>>,
    keys: Arc<Vec<(Arc<Path>, FileKey)>>,
    /// The files that failed to load (a changed one is "changed", not
    /// "new", in the summary).
    problem_paths: Vec<PathBuf>,
}

/// The merged articles and file keys, and what [`Library::take_merged`]
/// needs to finish the merge.
#[derive(Debug, Default)]
pub struct MergedArticles {
    pub articles: Arc<Vec<Article>>,
    keys: Arc<Vec<(Arc<Path>, FileKey)>>,
    pub summary: ChangeSummary,
    /// No file of the library was touched: nothing to swap in.
    untouched: bool,
    /// The articles and keys of the snapshot this was built from:
    /// swapping it in is right only while the library still holds them
    /// ([`Library::is_base_of`]).
    base_articles: Arc<Vec<Article>>,
    base_keys: Arc<Vec<(Arc<Path>, FileKey)>>,
    gone: HashSet<PathBuf>,
    fresh: HashSet<PathBuf>,
    listed: Vec<(PathBuf, Stamp)>,
    problems: Vec<Problem>,
}

impl Library {
    /// A snapshot for [`ChangeScan::merge`].
    pub fn merge_base(&self) -> MergeBase {
        MergeBase {
            articles: Arc::clone(&self.articles),
            keys: Arc::clone(&self.disk.keys),
            problem_paths: self.problems.iter().map(|p| p.path.clone()).collect(),
        }
    }

    /// Whether `merged` was built from the articles and files this library
    /// holds now (not from ones replaced since, by a reload or a merge).
    pub fn is_base_of(&self, merged: &MergedArticles) -> bool {
        Arc::ptr_eq(&self.articles, &merged.base_articles)
            && Arc::ptr_eq(&self.disk.keys, &merged.base_keys)
    }

    /// Finishes a merge built by [`ChangeScan::merge`] from this library
    /// (see [`Library::is_base_of`]): the article list and keys are swapped
    /// in; the problems and folders are updated (no work per article).
    pub fn take_merged(&mut self, merged: MergedArticles) -> ChangeSummary {
        let MergedArticles {
            articles,
            keys,
            summary,
            untouched,
            gone,
            fresh,
            listed,
            problems,
            ..
        } = merged;
        // Folders that are gone are forgotten; those listed again now get
        // their new times (a folder is only recorded when listed whole).
        self.disk
            .dirs
            .retain(|d, _| !d.ancestors().any(|a| gone.contains(a)));
        self.disk.dirs.extend(listed);
        if untouched {
            return ChangeSummary::default();
        }
        let affected = |p: &Path| fresh.contains(p) || p.ancestors().any(|a| gone.contains(a));
        self.articles = articles;
        self.disk.keys = keys;
        self.problems.retain(|p| !affected(&p.path));
        self.problems.extend(problems);
        self.problems.sort_by(|a, b| a.path.cmp(&b.path));
        self.disk.changed();
        summary
    }
}

impl ChangeScan {
    /// The slow half of a merge: the articles and file keys of `base` with
    /// this scan's changes, in list order (no file is read here).
    pub fn merge(self, base: &MergeBase) -> MergedArticles {
        let ChangeScan {
            gone,
            listed,
            present,
            parsed,
            walk_problems,
            hashes,
            ..
        } = self;
        let fresh: HashSet<PathBuf> = present.iter().map(|(p, _)| p.clone()).collect();
        let affected = |p: &Path| fresh.contains(p) || p.ancestors().any(|a| gone.contains(a));
        let before: HashSet<PathBuf> = base
            .articles
            .iter()
            .map(|a| &*a.path)
            .chain(base.problem_paths.iter().map(PathBuf::as_path))
            .chain(base.keys.iter().map(|(p, _)| &**p))
            .filter(|p| affected(p))
            .map(Path::to_path_buf)
            .collect();
        let mut merged = MergedArticles {
            base_articles: Arc::clone(&base.articles),
            base_keys: Arc::clone(&base.keys),
            ..MergedArticles::default()
        };
        if before.is_empty() && present.is_empty() {
            merged.untouched = true;
            merged.gone = gone;
            merged.listed = listed;
            return merged;
        }
        let mut articles: Vec<Article> = base
            .articles
            .iter()
            .filter(|a| !affected(&a.path))
            .cloned()
            .collect();
        let mut keys: Vec<(Arc<Path>, FileKey)> = base
            .keys
            .iter()
            .filter(|(p, _)| !affected(p))
            .cloned()
            .collect();
        merged.problems = walk_problems;
        let summary = &mut merged.summary;
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
                    merged.problems.extend(found);
                }
                Err(NotArticle::Failed(problem)) => {
                    summary.failed += 1;
                    merged.problems.push(problem);
                }
                Err(NotArticle::SitePage) => {}
            }
        }
        summary.removed = before.iter().filter(|p| !fresh.contains(*p)).count();
        insert_sorted(&mut articles, new_articles);
        if !hashes.is_empty() {
            let hashes: HashMap<&Path, u64> =
                hashes.iter().map(|(p, h)| (p.as_path(), *h)).collect();
            for article in &mut articles {
                if article.body_hash.is_none() {
                    article.body_hash = hashes.get(&*article.path).copied();
                }
            }
        }
        merged.articles = Arc::new(articles);
        merged.keys = Arc::new(keys);
        merged.gone = gone;
        merged.fresh = fresh;
        merged.listed = listed;
        merged
    }
}

/// Puts `new` in list order among `articles`, on this thread: a few are
/// inserted one by one, many are sorted and merged in.
fn insert_sorted(articles: &mut Vec<Article>, mut new: Vec<Article>) {
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
