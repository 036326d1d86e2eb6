//! Loading without a cache to read: every file parsed, with the keys the
//! cache will be written with.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::DiskIndex;
use crate::cache::{FileKey, Stamp};
use crate::library::{Library, LoadOptions, LoadResult, Progress, read};
use crate::tree::{self, Found, Keys};

/// A first load: one walk, with every file's size and time taken from the
/// file as it is opened, before it is read (no `stat` of its own), so that
/// a file changed meanwhile is parsed again next time rather than cached
/// stale. `None` when the tree holds something the cache steps aside for
/// (see `DirScan::unusual`).
pub(super) fn cold_load(paths: &[PathBuf], progress: &Progress) -> Option<Library> {
    let found: Vec<Found> = paths.iter().map(|p| tree::find(p, Keys::Skip)).collect();
    if found
        .iter()
        .any(|f| matches!(f, Found::Folder(walk) if !walk.is_plain()))
    {
        return None;
    }
    let mut files: Vec<Arc<Path>> = Vec::new();
    let mut dirs = HashMap::new();
    for (root, found) in paths.iter().zip(&found) {
        match found {
            Found::Folder(walk) => {
                for scan in &walk.scans {
                    dirs.insert(scan.dir.clone(), scan.mtime);
                    files.extend(scan.files.iter().map(|(path, _)| Arc::from(path.as_path())));
                }
            }
            Found::File(_) => files.push(Arc::from(root.as_path())),
            Found::Problem(_) => {}
        }
    }
    let (mut library, found_keys) =
        Library::load_found_keyed(paths, found, LoadOptions::default(), progress, true);
    let mut keys = Vec::with_capacity(files.len());
    for (path, key) in files.into_iter().zip(found_keys) {
        match key {
            Some(key) => keys.push((path, key)),
            // Gone or unreadable before it could be looked at: its folder
            // is listed again next time.
            None => {
                if let Some(stamp) = path.parent().and_then(|dir| dirs.get_mut(dir)) {
                    *stamp = Stamp::UNTRUSTED;
                }
            }
        }
    }
    library.disk = DiskIndex {
        keys: keys.into(),
        dirs,
        version: 1,
        ..DiskIndex::default()
    };
    Some(library)
}

/// Parses files in parallel, each with the archive path inside its root.
pub(in crate::library) fn parse_all(
    roots: &[PathBuf],
    files: &[(PathBuf, FileKey)],
    progress: &Progress,
) -> Vec<LoadResult> {
    files
        .par_iter()
        .map_init(read::Reader::default, |reader, (path, _)| {
            let root = root_of(roots, path);
            let result = read::load(
                path.clone(),
                &tree::archive_path(path, root),
                reader,
                LoadOptions::default(),
            );
            progress.read(1);
            result
        })
        .collect()
}

/// The root a path was found under (the file's own path for a file root).
fn root_of<'a>(roots: &'a [PathBuf], path: &'a Path) -> &'a Path {
    roots
        .iter()
        .find(|r| path.starts_with(r))
        .map_or(path, PathBuf::as_path)
}
