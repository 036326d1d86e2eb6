//! What a cache file means: the library's files with their keys, articles
//! and problems, and the folders with their times.

mod decode;
mod record;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::codec::view::View;
use super::{FileKey, Stamp, build_stamp};
use crate::article::Article;
use crate::problem::Problem;

/// One file as the cache remembers it.
#[derive(Debug, Clone, PartialEq)]
pub struct CachedFile {
    /// Shared with the article's path.
    pub path: Arc<Path>,
    pub key: FileKey,
    pub article: Option<Article>,
    pub problems: Vec<Problem>,
}

/// A cache file mapped and checked, its files not yet read: folders
/// first, so the caller can say which files it will take as they are.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub written_at: Stamp,
    /// Every folder with its recorded time ([`Stamp::UNTRUSTED`] when its
    /// list of files must be read again).
    pub dirs: HashMap<PathBuf, Stamp>,
    /// The library roots it was written (and read) for.
    pub(super) roots: Vec<PathBuf>,
    pub(super) view: Option<View>,
}

/// The files of a snapshot, decoded and split by the caller's choice.
#[derive(Debug, Default)]
pub struct Decoded {
    /// Of the files taken as they are, in library order.
    pub articles: Vec<Article>,
    pub keys: Vec<(Arc<Path>, FileKey)>,
    pub problems: Vec<Problem>,
    /// The others, whole, to be compared with the files on disk.
    pub others: Vec<CachedFile>,
}

impl Snapshot {
    /// Maps the cache for `roots`; `None` when there is none usable.
    pub fn read(cache_file: &Path, roots: &[PathBuf]) -> Option<Snapshot> {
        Self::of_view(View::open(cache_file)?, roots)
    }

    /// [`Snapshot::read`] for answers straight from the records (see
    /// `current`): the cache's other parts are checked only if read (see
    /// [`View::open_checking_as_read`]).
    pub fn read_for_records(cache_file: &Path, roots: &[PathBuf]) -> Option<Snapshot> {
        Self::of_view(View::open_checking_as_read(cache_file)?, roots)
    }

    fn of_view(view: View, roots: &[PathBuf]) -> Option<Snapshot> {
        let cached_roots = view.roots()?;
        let same_roots = cached_roots.len() == roots.len()
            && cached_roots
                .iter()
                .zip(roots)
                .all(|(a, b)| Path::new(a) == b.as_path());
        if view.build() != build_stamp() || !same_roots {
            return None;
        }
        let dirs = view
            .dirs()?
            .into_iter()
            .map(|(path, mtime)| (PathBuf::from(path), mtime))
            .collect();
        Some(Snapshot {
            written_at: view.written_at(),
            dirs,
            roots: roots.to_vec(),
            view: Some(view),
        })
    }
}

#[cfg(test)]
mod tests;
