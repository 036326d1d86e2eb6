//! Listing one folder of the walk: its own time, the article files directly
//! in it (with their keys when asked), the folders to walk next, and what
//! was wrong with its entries. Links are followed here, checked for loops
//! against the folders above.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{DirScan, Keys};
use crate::problem::Problem;
use crate::tree::{FileKey, Stamp, is_article_file, is_hidden};

/// Lists one folder (hidden entries skipped). Links to folders are checked
/// for loops against `dir` only; [`walk`](super::walk) checks every ancestor.
pub fn list_dir(dir: &Path, keys: Keys) -> io::Result<DirScan> {
    list(dir, keys, None)
}

/// The folders above the one being listed, as walked (through links).
pub(super) struct Ancestors<'a> {
    pub(super) dir: &'a Path,
    pub(super) up: Option<&'a Ancestors<'a>>,
}

impl Ancestors<'_> {
    /// The ancestor `link` leads back to, if any.
    fn looped_to(&self, link: &Path) -> Option<&Path> {
        let target = fs::canonicalize(link).ok()?;
        let mut at = Some(self);
        while let Some(a) = at {
            if fs::canonicalize(a.dir).is_ok_and(|d| d == target) {
                return Some(a.dir);
            }
            at = a.up;
        }
        None
    }
}

pub(super) fn list(dir: &Path, keys: Keys, up: Option<&Ancestors>) -> io::Result<DirScan> {
    let mtime = Stamp::of_folder(&fs::metadata(dir)?);
    let mut scan = DirScan {
        dir: dir.to_path_buf(),
        mtime,
        files: Vec::new(),
        subdirs: Vec::new(),
        skipped: 0,
        hidden: 0,
        problems: Vec::new(),
        links: false,
        followed: Vec::new(),
        unusual: false,
    };
    let here = Ancestors { dir, up };
    for entry in fs::read_dir(dir)? {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                scan.problem(Problem::error(dir, format!("cannot read: {e}")));
                continue;
            }
        };
        // The name read from the path (`file_name` copies it).
        let path = entry.path();
        if path.file_name().is_some_and(is_hidden) {
            scan.hidden += 1;
            continue;
        }
        match entry.file_type() {
            Err(e) => {
                scan.unusual = true;
                if is_article_file(&path) {
                    scan.problem(Problem::error(path, format!("cannot read: {e}")));
                }
            }
            Ok(kind) if kind.is_symlink() => scan.follow(path, keys, &here),
            Ok(kind) if kind.is_dir() => scan.subdirs.push(path),
            Ok(_) if !is_article_file(&path) => scan.skipped += 1,
            Ok(kind) if kind.is_file() => {
                let key = match keys {
                    Keys::Skip => FileKey::default(),
                    // DirEntry::metadata uses fstatat on the open folder:
                    // cheaper than a lookup of the whole path.
                    Keys::Read => match entry.metadata() {
                        Ok(meta) if meta.is_file() => FileKey::of(&meta),
                        _ => {
                            scan.unusual = true;
                            FileKey::default()
                        }
                    },
                };
                scan.files.push((path, key));
            }
            Ok(_) => scan.problem(Problem::warning(path, "not a regular file; skipped")),
        }
    }
    Ok(scan)
}

impl DirScan {
    fn problem(&mut self, problem: Problem) {
        self.unusual = true;
        self.problems.push(problem);
    }

    /// A symbolic link: taken as what it leads to.
    fn follow(&mut self, path: PathBuf, keys: Keys, here: &Ancestors) {
        self.links = true;
        self.unusual = true;
        match fs::metadata(&path) {
            Err(e) if is_article_file(&path) => {
                self.problem(Problem::error(
                    path,
                    format!("cannot read: broken symbolic link ({e})"),
                ));
            }
            Err(_) => {}
            Ok(meta) if meta.is_dir() => {
                if let Some(ancestor) = here.looped_to(&path) {
                    let reason = format!(
                        "symbolic link loops back to {}; not followed",
                        ancestor.display()
                    );
                    self.problem(Problem::warning(path, reason));
                } else {
                    self.followed.push(path.clone());
                    self.subdirs.push(path);
                }
            }
            Ok(_) if !is_article_file(&path) => self.skipped += 1,
            Ok(meta) if meta.is_file() => {
                let key = match keys {
                    Keys::Read => FileKey::of(&meta),
                    Keys::Skip => FileKey::default(),
                };
                self.followed.push(path.clone());
                self.files.push((path, key));
            }
            Ok(_) => self.problem(Problem::warning(path, "not a regular file; skipped")),
        }
    }
}
