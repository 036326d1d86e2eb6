//! Reading and merging live changes off the UI thread: `update` asks with
//! `Effect::ScanChanges` carrying a [`ChangeJob`]; a worker reads and
//! parses the changed files, builds the new article list from the
//! library's snapshot, and the list's [`Catalog`], flags and rows for it
//! ([`Relisted`]; all O(n)), and answers with `Action::ChangesMerged`,
//! which `update` swaps in.

use std::path::PathBuf;

use super::relist::{ListingInputs, Relisted};
use crate::app::catalog::Catalog;
use crate::app::{Action, Options};
use crate::library::{ChangeScan, MergeBase, MergedArticles};

/// The changed paths of a library loaded from `roots`, to read and merge
/// into `base`.
#[derive(Debug)]
pub struct ChangeJob {
    roots: Vec<PathBuf>,
    paths: Vec<PathBuf>,
    pub(super) base: MergeBase,
    /// How many times the app's article list had been replaced when this
    /// was asked (which articles `base` holds, for comparing jobs).
    generation: u64,
    /// What the catalog is built with (fixed for a session).
    options: Options,
    /// What the list is computed from, besides the articles.
    listing: ListingInputs,
}

/// Two jobs are the same when they ask about the same paths of the same
/// articles: the same replacement of the article list (two apps given the
/// same actions hold equal lists, never the same one), compared without
/// looking at every article.
impl PartialEq for ChangeJob {
    fn eq(&self, other: &Self) -> bool {
        self.roots == other.roots
            && self.paths == other.paths
            && self.generation == other.generation
            && self.base.articles.len() == other.base.articles.len()
    }
}

impl Eq for ChangeJob {}

impl ChangeJob {
    /// Asks about `paths` of the library loaded from `roots`, to merge
    /// into `base` (the articles of replacement `generation`), listed for
    /// `listing`.
    pub(super) fn new(
        roots: Vec<PathBuf>,
        paths: Vec<PathBuf>,
        base: MergeBase,
        generation: u64,
        options: Options,
        listing: ListingInputs,
    ) -> ChangeJob {
        ChangeJob {
            roots,
            paths,
            base,
            generation,
            options,
            listing,
        }
    }

    /// The paths asked about.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// Reads, parses and merges (slow: for workers, never `update`).
    pub fn run(self) -> Action {
        let scan = ChangeScan::run(&self.roots, self.paths.clone(), &self.base.articles);
        let merged = scan.merge(&self.base);
        let relisted = (!merged.summary.is_empty()).then(|| {
            let mut catalog = Catalog::build(&merged.articles, &self.options);
            catalog.index_labels(&merged.articles);
            Box::new(Relisted::compute(
                &self.base.articles,
                &merged.articles,
                catalog,
                self.listing,
            ))
        });
        Action::ChangesMerged(Box::new(MergedChanges {
            paths: self.paths,
            merged,
            relisted,
        }))
    }
}

/// The answer to a [`ChangeJob`]: the merged articles, and their list
/// computed for the app as it was when it asked.
#[derive(Debug, Default)]
pub struct MergedChanges {
    pub(super) paths: Vec<PathBuf>,
    pub(super) merged: MergedArticles,
    /// Computed when something changed.
    pub(super) relisted: Option<Box<Relisted>>,
}
