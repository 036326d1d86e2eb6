//! Listing library folders with each file's key, in parallel: the walk
//! behind both a cold load and the check of a cache.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{FileKey, Stamp};

/// One folder as listed: its own modification time (which changes when an
/// entry is added, removed or renamed) and the article files directly in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirScan {
    pub dir: PathBuf,
    pub mtime: Stamp,
    pub files: Vec<(PathBuf, FileKey)>,
    pub subdirs: Vec<PathBuf>,
    /// A symbolic link, a special file named like an article, or an entry
    /// that could not be read: the full loader handles these (it follows
    /// links round loops and reports every such entry), so the cache
    /// steps aside.
    pub unusual: bool,
}

/// Lists one folder. Hidden entries (`.git`, editor swap files) are
/// skipped, as the loader skips them. `wanted` says which file names are
/// articles.
pub fn list_dir(dir: &Path, wanted: &(dyn Fn(&Path) -> bool + Sync)) -> io::Result<DirScan> {
    let mtime = fs::metadata(dir)?
        .modified()
        .map(Stamp::of)
        .unwrap_or_default();
    let mut scan = DirScan {
        dir: dir.to_path_buf(),
        mtime,
        files: Vec::new(),
        subdirs: Vec::new(),
        unusual: false,
    };
    for entry in fs::read_dir(dir)? {
        let Ok(entry) = entry else {
            scan.unusual = true;
            continue;
        };
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            scan.unusual = true;
            continue;
        };
        let path = entry.path();
        if kind.is_symlink() {
            scan.unusual = true;
        } else if kind.is_dir() {
            scan.subdirs.push(path);
        } else if wanted(&path) {
            // DirEntry::metadata uses fstatat on the open folder: cheaper
            // than a lookup of the whole path.
            match entry.metadata() {
                Ok(meta) if meta.is_file() => scan.files.push((path, FileKey::of(&meta))),
                _ => scan.unusual = true,
            }
        }
    }
    Ok(scan)
}

/// Lists `dir` and everything below it, folders in parallel. Folders that
/// cannot be read are returned with their error.
pub fn walk(
    dir: &Path,
    wanted: &(dyn Fn(&Path) -> bool + Sync),
) -> (Vec<DirScan>, Vec<(PathBuf, io::Error)>) {
    match list_dir(dir, wanted) {
        Err(e) => (Vec::new(), vec![(dir.to_path_buf(), e)]),
        Ok(scan) => {
            let below: Vec<_> = scan
                .subdirs
                .par_iter()
                .map(|sub| walk(sub, wanted))
                .collect();
            let mut scans = vec![scan];
            let mut errors = Vec::new();
            for (s, e) in below {
                scans.extend(s);
                errors.extend(e);
            }
            (scans, errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_md(p: &Path) -> bool {
        p.extension().is_some_and(|e| e == "md")
    }

    #[test]
    fn walks_nested_folders_skipping_hidden_ones() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a/b")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        for f in [
            "x.md",
            "a/y.md",
            "a/b/z.md",
            "a/notes.txt",
            ".git/h.md",
            "a/.swp.md",
        ] {
            fs::write(root.join(f), "x").unwrap();
        }
        let (scans, errors) = walk(root, &is_md);
        assert!(errors.is_empty());
        let mut files: Vec<_> = scans
            .iter()
            .flat_map(|s| s.files.iter().map(|(p, _)| p.clone()))
            .collect();
        files.sort();
        assert_eq!(
            files,
            [
                root.join("a/b/z.md"),
                root.join("a/y.md"),
                root.join("x.md")
            ]
        );
        assert_eq!(scans.len(), 3);
        assert!(scans.iter().all(|s| !s.unusual));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_unusual() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x.md"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("x.md"), dir.path().join("y.md")).unwrap();
        assert!(list_dir(dir.path(), &is_md).unwrap().unusual);
    }

    #[test]
    fn missing_folder_is_an_error_not_a_panic() {
        let (scans, errors) = walk(Path::new("/no/such/folder/here"), &is_md);
        assert!(scans.is_empty());
        assert_eq!(errors.len(), 1);
    }
}
