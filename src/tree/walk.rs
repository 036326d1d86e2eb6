//! The one walk of a folder tree, behind a cold load, the check of a cache
//! and live changes: folders are listed in parallel, each with its own
//! time and the article files directly in it. Hidden entries are skipped;
//! symbolic links are followed but never round a loop; what cannot be
//! read, and special files named like articles, become [`Problem`]s.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{FileKey, Stamp, is_article_file};
use crate::problem::Problem;

mod duplicates;
mod folder;

pub use duplicates::duplicates;
pub use folder::list_dir;
use folder::{Ancestors, list};

/// Whether the walk reads each article file's size and time (one `stat`
/// per file): the cache needs them, a plain load does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    Read,
    Skip,
}

/// One folder as listed: its own stamp (its modification time, which
/// changes when an entry is added, removed or renamed, and its identity:
/// see `Stamp::of_folder`) and the article files directly in it.
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
    /// A symbolic link was met (followed or not): a file may be reached
    /// twice.
    pub links: bool,
    /// The symbolic links followed (to folders walked and to article
    /// files): every path through a link starts with one of them.
    pub followed: Vec<PathBuf>,
    /// A link, a problem or a file whose key could not be read: the cache
    /// lists such a folder again on every start (its time is recorded as
    /// untrusted), so its problems are found again and every link in the
    /// tree is known.
    pub unusual: bool,
}

/// A folder and everything below it.
#[derive(Debug, Default)]
pub struct Walk {
    pub scans: Vec<DirScan>,
    /// Folders that could not be listed.
    pub unreadable: Vec<Problem>,
}

impl DirScan {
    /// The stamp a cache records for this folder: untrusted for an unusual
    /// one, so that it is listed again on every start.
    pub fn recorded_stamp(&self) -> Stamp {
        if self.unusual {
            Stamp::UNTRUSTED
        } else {
            self.mtime
        }
    }
}

impl Walk {
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

/// [`walk`] of `dir`, a folder below `root`, as the walk of `root` would
/// list it: links are checked for loops against every folder from `root`
/// down, and the depth counts from `root`.
pub fn walk_inside(dir: &Path, root: &Path, keys: Keys) -> Walk {
    let above = folders_above(dir, root);
    with_ancestors(&above, None, |up| walk_below(dir, keys, up, above.len()))
}

/// [`list_dir`] of `dir`, a folder below `root`, as the walk of `root`
/// would list it (see [`walk_inside`]).
pub fn list_dir_inside(dir: &Path, root: &Path, keys: Keys) -> std::io::Result<DirScan> {
    let above = folders_above(dir, root);
    with_ancestors(&above, None, |up| list(dir, keys, up))
}

/// The folders from `root` down to `dir`'s parent, as the walk spells
/// them (none when `dir` is `root` or not below it).
fn folders_above<'a>(dir: &'a Path, root: &Path) -> Vec<&'a Path> {
    if !dir.starts_with(root) {
        return Vec::new();
    }
    let mut above: Vec<&Path> = dir
        .ancestors()
        .skip(1)
        .take_while(|a| a.starts_with(root))
        .collect();
    above.reverse();
    above
}

/// Calls `then` with `chain` (outermost first) as the ancestors below `up`.
fn with_ancestors<R>(
    chain: &[&Path],
    up: Option<&Ancestors>,
    then: impl FnOnce(Option<&Ancestors>) -> R,
) -> R {
    match chain.split_first() {
        None => then(up),
        Some((dir, rest)) => {
            let here = Ancestors { dir, up };
            with_ancestors(rest, Some(&here), then)
        }
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

#[cfg(test)]
mod tests;
