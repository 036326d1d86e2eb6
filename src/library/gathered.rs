//! What a load found, gathered from each file's result, and kept once when
//! several paths reach one file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{LoadResult, NotArticle};
use crate::article::Article;
use crate::problem::Problem;
use crate::tree;

/// What a load has found so far.
#[derive(Default)]
pub(super) struct Gathered {
    pub(super) articles: Vec<Article>,
    pub(super) problems: Vec<Problem>,
    pub(super) site_pages: usize,
}

impl Gathered {
    pub(super) fn add(&mut self, result: LoadResult) {
        match result {
            Ok((article, problems)) => {
                self.articles.push(article);
                self.problems.extend(problems);
            }
            Err(NotArticle::Failed(problem)) => self.problems.push(problem),
            Err(NotArticle::SitePage) => self.site_pages += 1,
        }
    }
}

/// `a` and `b` in one list, copying the shorter.
pub(super) fn append<T>(mut a: Vec<T>, mut b: Vec<T>) -> Vec<T> {
    if a.len() < b.len() {
        std::mem::swap(&mut a, &mut b);
    }
    a.append(&mut b);
    a
}

/// Keeps one copy of each file reached by several paths (through a symbolic
/// link, or named twice): the one with the smallest path. Returns the
/// other paths (of files reached twice; not those named twice).
pub(super) fn drop_duplicates(
    articles: &mut Vec<Article>,
    problems: &mut Vec<Problem>,
) -> HashSet<PathBuf> {
    // The same path twice (a file named twice, or inside two given folders).
    articles.sort_by(|a, b| a.path.cmp(&b.path));
    articles.dedup_by(|a, b| a.path == b.path);
    problems_once(problems);
    // Different paths to one file.
    let mut paths: Vec<&Path> = articles.iter().map(|a| &*a.path).collect();
    paths.extend(problems.iter().map(|p| p.path.as_path()));
    let dropped = tree::duplicates(paths);
    leave_out(&dropped, articles, problems);
    dropped
}

/// Each problem once (a file met through two given folders, or a link and
/// its target, reports the same problem twice).
pub(super) fn problems_once(problems: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    problems.retain(|p| seen.insert((p.path.clone(), p.severity, p.reason.clone())));
}

/// Removes the articles and problems of the `dropped` paths.
pub(super) fn leave_out(
    dropped: &HashSet<PathBuf>,
    articles: &mut Vec<Article>,
    problems: &mut Vec<Problem>,
) {
    if !dropped.is_empty() {
        articles.retain(|a| !dropped.contains(&*a.path));
        problems.retain(|p| !dropped.contains(&p.path));
    }
}
