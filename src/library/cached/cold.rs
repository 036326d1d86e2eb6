//! Loading without a cache to read: every file parsed, with the keys the
//! cache will be written with.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::DiskIndex;
use crate::cache::{FileKey, Stamp};
use crate::library::load::KeyedFile;
use crate::library::{Library, LoadOptions, LoadResult, Progress, read};
use crate::tree::{self, Found, Keys};

/// A first load: one walk, with every file's size and time taken from the
/// file as it is opened, before it is read (no `stat` of its own), so that
/// a file changed meanwhile is parsed again next time rather than cached
/// stale. Folders whose list must be read again on every start get an
/// untrusted time: those with links, problems or keys that could not be
/// read (see `DirScan::unusual`), those above a folder that could not be
/// listed, and those holding a copy of a file reached by another path.
pub(super) fn cold_load(paths: &[PathBuf], progress: &Progress) -> Library {
    let found: Vec<Found> = paths.iter().map(|p| tree::find(p, Keys::Skip)).collect();
    let mut dirs = HashMap::new();
    let mut untrusted: Vec<PathBuf> = Vec::new();
    for found in &found {
        if let Found::Folder(walk) = found {
            for scan in &walk.scans {
                dirs.insert(scan.dir.clone(), scan.recorded_stamp());
            }
            untrusted.extend(
                walk.unreadable
                    .iter()
                    .filter_map(|p| p.path.parent())
                    .map(Path::to_path_buf),
            );
        }
    }
    untrust(&mut dirs, untrusted);
    let (mut library, found_keys, dropped) =
        Library::load_found_keyed(paths, found, LoadOptions::default(), progress, true);
    let keys = shared_keys(found_keys, &dropped, &mut dirs);
    library.disk = DiskIndex {
        keys: keys.into(),
        dirs,
        version: 1,
        ..DiskIndex::default()
    };
    library
}

/// Marks the folders `dirs` holds among `untrusted` to be listed again.
pub(super) fn untrust(
    dirs: &mut HashMap<PathBuf, Stamp>,
    untrusted: impl IntoIterator<Item = PathBuf>,
) {
    for dir in untrusted {
        if let Some(stamp) = dirs.get_mut(&dir) {
            *stamp = Stamp::UNTRUSTED;
        }
    }
}

/// Each file's key, with the path its article holds when it has one (one
/// path a file instead of two: ~90 bytes a file, 4 MB at 49k and 90 MB at
/// a million, for as long as the reader runs). A file that could not be
/// looked at, or that is another path's copy of one file (`dropped`), has
/// no key and its folder is marked to be listed again: the copy is kept
/// out of the cache, which would otherwise say it is no article at all.
fn shared_keys(
    found_keys: Vec<KeyedFile>,
    dropped: &HashSet<PathBuf>,
    dirs: &mut HashMap<PathBuf, Stamp>,
) -> Vec<(Arc<Path>, FileKey)> {
    let mut keys = Vec::with_capacity(found_keys.len());
    for (key, path) in found_keys {
        match key {
            Some(key) if !dropped.contains(&*path) => keys.push((path, key)),
            // Gone, unreadable before it could be looked at, or a copy:
            // its folder is listed again next time.
            _ => {
                if let Some(stamp) = path.parent().and_then(|dir| dirs.get_mut(dir)) {
                    *stamp = Stamp::UNTRUSTED;
                }
            }
        }
    }
    keys
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
                path,
                &tree::archive_path(path, root),
                reader,
                LoadOptions::default(),
            );
            progress.read(1);
            result
        })
        .collect()
}

/// The root a path was found under (the path itself when it is under none,
/// as a file given as a root is).
pub(in crate::library) fn root_of<'a>(roots: &'a [PathBuf], path: &'a Path) -> &'a Path {
    roots
        .iter()
        .find(|r| path.starts_with(r))
        .map_or(path, PathBuf::as_path)
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::sync::Arc;

    use crate::library::Library;

    #[test]
    fn each_key_shares_its_articles_path() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        fs::create_dir_all(root.join("2020")).unwrap();
        for (name, title) in [("2020/a.md", "甲"), ("b.md", "乙")] {
            let text = format!("---\ntitle: {title}\ndate: 2020-01-02\n---\n正文\n");
            fs::write(root.join(name), text).unwrap();
        }
        fs::write(root.join("page.html"), "<html><body>頁</body></html>").unwrap();
        let library = Library::load_cached(&[root], Some(&dir.path().join("cache")));
        assert_eq!(library.articles.len(), 2);
        let keys = library.disk.file_keys();
        assert_eq!(keys.len(), 3, "the site page keeps its key");
        for article in library.articles.iter() {
            let (path, _) = keys.iter().find(|(p, _)| *p == article.path).unwrap();
            assert!(Arc::ptr_eq(path, &article.path), "{}", path.display());
        }
    }
}
