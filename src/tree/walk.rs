//! The one walk of a folder tree, behind a cold load, the check of a cache
//! and live changes: folders are listed in parallel, each with its own
//! time and the article files directly in it. Hidden entries are skipped;
//! symbolic links are followed but never round a loop; what cannot be
//! read, and special files named like articles, become [`Problem`]s.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{FileKey, Stamp, is_article_file, is_hidden};
use crate::problem::Problem;

/// Whether the walk reads each article file's size and time (one `stat`
/// per file): the cache needs them, a plain load does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    Read,
    Skip,
}

/// One folder as listed: its own modification time (which changes when an
/// entry is added, removed or renamed) and the article files directly in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirScan {
    pub dir: PathBuf,
    pub mtime: Stamp,
    /// Article files, with their keys (the default key under [`Keys::Skip`]).
    pub files: Vec<(PathBuf, FileKey)>,
    /// Folders to walk next (links to folders included, loops left out).
    pub subdirs: Vec<PathBuf>,
    /// Entries that are not articles (hidden ones are not counted).
    pub skipped: usize,
    /// Hidden entries (names starting with a dot), not walked.
    pub hidden: usize,
    /// What was wrong with entries: special files named like articles,
    /// broken links, loops, entries that could not be read.
    pub problems: Vec<Problem>,
    /// A symbolic link was followed: a file may be reached twice.
    pub links: bool,
    /// A link, a problem or a file whose key could not be read: the full
    /// loader handles these, so the cache steps aside.
    pub unusual: bool,
}

/// A folder and everything below it.
#[derive(Debug, Default)]
pub struct Walk {
    pub scans: Vec<DirScan>,
    /// Folders that could not be listed.
    pub unreadable: Vec<Problem>,
}

impl Walk {
    /// Whether the cache may vouch for this tree: no link, no special or
    /// unreadable entry (see [`DirScan::unusual`]).
    pub fn is_plain(&self) -> bool {
        self.unreadable.is_empty() && self.scans.iter().all(|s| !s.unusual)
    }

    /// Whether a symbolic link was followed somewhere.
    pub fn saw_link(&self) -> bool {
        self.scans.iter().any(|s| s.links)
    }

    /// Every article file found.
    pub fn files(&self) -> impl Iterator<Item = &(PathBuf, FileKey)> {
        self.scans.iter().flat_map(|s| &s.files)
    }

    /// Every problem met.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.unreadable
            .iter()
            .chain(self.scans.iter().flat_map(|s| &s.problems))
    }
}

/// What a path the user gave turned out to be.
#[derive(Debug)]
pub enum Found {
    Folder(Walk),
    /// An article file, with its key.
    File(FileKey),
    /// Missing, unreadable, not an article or not a regular file.
    Problem(Problem),
}

/// Looks at one path the user gave (one `stat`), walking it if it is a
/// folder.
pub fn find(root: &Path, keys: Keys) -> Found {
    match fs::metadata(root) {
        Err(e) => Found::Problem(Problem::error(root, format!("cannot read: {e}"))),
        Ok(meta) if meta.is_dir() => Found::Folder(walk(root, keys)),
        Ok(meta) if !meta.is_file() => {
            Found::Problem(Problem::warning(root, "not a regular file; skipped"))
        }
        Ok(_) if !is_article_file(root) => Found::Problem(Problem::warning(
            root,
            "not an article file (.md, .markdown, .html or .htm); skipped",
        )),
        Ok(meta) => Found::File(FileKey::of(&meta)),
    }
}

/// Folders nested deeper than this below a root are reported, not read:
/// real archives are a few levels deep, and each level costs stack.
pub const MAX_DEPTH: usize = 128;
/// The longest path the system opens (Linux's `PATH_MAX`); a longer one is
/// reported rather than failing with a less helpful error.
pub const MAX_PATH_BYTES: usize = 4096;

/// Lists `dir` and everything below it, folders in parallel.
pub fn walk(dir: &Path, keys: Keys) -> Walk {
    walk_below(dir, keys, None, 0)
}

/// Lists one folder (hidden entries skipped). Links to folders are checked
/// for loops against `dir` only; [`walk`] checks every ancestor.
pub fn list_dir(dir: &Path, keys: Keys) -> io::Result<DirScan> {
    list(dir, keys, None)
}

/// The folders above the one being listed, as walked (through links).
struct Ancestors<'a> {
    dir: &'a Path,
    up: Option<&'a Ancestors<'a>>,
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

fn walk_below(dir: &Path, keys: Keys, up: Option<&Ancestors>, depth: usize) -> Walk {
    if let Some(reason) = too_deep(dir, depth) {
        return Walk {
            scans: Vec::new(),
            unreadable: vec![Problem::error(dir, reason)],
        };
    }
    match list(dir, keys, up) {
        Err(e) => Walk {
            scans: Vec::new(),
            unreadable: vec![Problem::error(dir, format!("cannot read: {e}"))],
        },
        Ok(scan) => {
            let here = Ancestors { dir, up };
            let below: Vec<Walk> = scan
                .subdirs
                .par_iter()
                .map(|sub| walk_below(sub, keys, Some(&here), depth + 1))
                .collect();
            let mut walk = Walk {
                scans: vec![scan],
                unreadable: Vec::new(),
            };
            for w in below {
                walk.scans.extend(w.scans);
                walk.unreadable.extend(w.unreadable);
            }
            walk
        }
    }
}

/// Why `dir`, `depth` folders below its root, is not read, if it is not.
fn too_deep(dir: &Path, depth: usize) -> Option<String> {
    if depth > MAX_DEPTH {
        Some(format!(
            "folder nested more than {MAX_DEPTH} levels deep; not read"
        ))
    } else if dir.as_os_str().len() >= MAX_PATH_BYTES {
        Some(format!("path longer than {MAX_PATH_BYTES} bytes; not read"))
    } else {
        None
    }
}

fn list(dir: &Path, keys: Keys, up: Option<&Ancestors>) -> io::Result<DirScan> {
    let mtime = fs::metadata(dir)?
        .modified()
        .map(Stamp::of)
        .unwrap_or_default();
    let mut scan = DirScan {
        dir: dir.to_path_buf(),
        mtime,
        files: Vec::new(),
        subdirs: Vec::new(),
        skipped: 0,
        hidden: 0,
        problems: Vec::new(),
        links: false,
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
        if is_hidden(&entry.file_name()) {
            scan.hidden += 1;
            continue;
        }
        let path = entry.path();
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
            Ok(meta) if meta.is_dir() => match here.looped_to(&path) {
                Some(ancestor) => {
                    let reason = format!(
                        "symbolic link loops back to {}; not followed",
                        ancestor.display()
                    );
                    self.problem(Problem::warning(path, reason));
                }
                None => self.subdirs.push(path),
            },
            Ok(_) if !is_article_file(&path) => self.skipped += 1,
            Ok(meta) if meta.is_file() => {
                let key = match keys {
                    Keys::Read => FileKey::of(&meta),
                    Keys::Skip => FileKey::default(),
                };
                self.files.push((path, key));
            }
            Ok(_) => self.problem(Problem::warning(path, "not a regular file; skipped")),
        }
    }
}

/// Of several paths that lead to the same regular file, every one but the
/// smallest. Folders are left alone: two links into one folder are not
/// duplicates, they were walked once each and their files are compared here.
pub fn duplicates(mut paths: Vec<&Path>) -> HashSet<PathBuf> {
    paths.sort_unstable();
    paths.dedup();
    let targets: Vec<Option<PathBuf>> = paths
        .par_iter()
        .map(|p| fs::canonicalize(p).ok().filter(|t| t.is_file()))
        .collect();
    let mut keeper: HashMap<&Path, &Path> = HashMap::new();
    let mut dropped = HashSet::new();
    // `paths` is sorted, so the first path seen for a target is the smallest.
    for (path, target) in paths.iter().zip(&targets) {
        if let Some(target) = target {
            if keeper.entry(target.as_path()).or_insert(path) != path {
                dropped.insert(path.to_path_buf());
            }
        }
    }
    dropped
}

#[cfg(test)]
mod tests;
