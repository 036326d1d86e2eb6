//! The parsed-metadata cache that makes a restart instant.
//!
//! One file per set of library roots in the platform's cache folder, holding
//! every file's path, size and modification time with the article (and
//! problems) parsed from it. A file whose size or time differs is parsed
//! again. A cache that is missing, truncated, damaged, of another format or
//! written by another build is ignored and rewritten, without a word.

mod codec;
mod scan;
mod snapshot;
mod write;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

pub use scan::{DirScan, list_dir, walk};
pub use snapshot::{CachedFile, Decoded, Snapshot};
pub use write::{WriteInput, write};

/// A modification time as seconds and nanoseconds since the Unix epoch
/// (negative seconds before it).
#[derive(
    Debug, Default, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Stamp(pub i64, pub u32);

impl Stamp {
    /// Recorded for a folder whose list must be read again: no real
    /// folder has this time.
    pub const UNTRUSTED: Stamp = Stamp(i64::MIN, 0);

    pub fn of(time: SystemTime) -> Stamp {
        match time.duration_since(UNIX_EPOCH) {
            Ok(d) => Stamp(
                i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
                d.subsec_nanos(),
            ),
            Err(before) => {
                let d = before.duration();
                Stamp(
                    -i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
                    d.subsec_nanos(),
                )
            }
        }
    }

    pub fn now() -> Stamp {
        Stamp::of(SystemTime::now())
    }

    /// Whether this time is too close to `written` to prove that nothing
    /// changed after the cache was written: a file changed twice within
    /// one timestamp tick (coarse on some file systems) keeps its time.
    pub fn is_racy(self, written: Stamp) -> bool {
        self.0 >= written.0.saturating_sub(2)
    }
}

/// What identifies one version of a file: its size and modification time.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileKey {
    pub size: u64,
    pub mtime: Stamp,
}

impl FileKey {
    pub fn of(meta: &fs::Metadata) -> FileKey {
        FileKey {
            size: meta.len(),
            mtime: meta.modified().map(Stamp::of).unwrap_or_default(),
        }
    }

    /// The key of the file at `path` now, following symlinks.
    pub fn stat(path: &Path) -> Option<FileKey> {
        fs::metadata(path).ok().map(|m| FileKey::of(&m))
    }
}

/// The default cache folder: the platform's (`$XDG_CACHE_HOME/inkstone`).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "inkstone").map(|d| d.cache_dir().to_path_buf())
}

/// The roots as the cache file is named: absolute, so `inkstone news` run
/// from two folders never shares a cache. (Article paths keep the form the
/// user gave and the cache stores them, and its roots, as they are: a cache
/// written for one spelling of a folder is rebuilt for another.)
pub fn absolute_roots(roots: &[PathBuf]) -> Vec<PathBuf> {
    roots
        .iter()
        .map(|r| std::path::absolute(r).unwrap_or_else(|_| r.clone()))
        .collect()
}

/// The cache file for a set of library roots (see [`absolute_roots`]):
/// named by a hash of the roots so that several archives each keep their
/// own.
pub fn file_for(cache_dir: &Path, roots: &[PathBuf]) -> PathBuf {
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for root in roots {
        for byte in root.to_string_lossy().bytes().chain([0]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    cache_dir.join(format!("library-{hash:016x}.bin"))
}

/// Identifies the running build (size and time of the executable), so a
/// rebuilt or upgraded inkstone never trusts a cache parsed by another.
pub fn build_stamp() -> Stamp {
    std::env::current_exe()
        .ok()
        .and_then(|exe| fs::metadata(exe).ok())
        .map(|m| {
            let key = FileKey::of(&m);
            Stamp(key.mtime.0, key.mtime.1 ^ (key.size as u32))
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_file_depends_on_roots() {
        let dir = Path::new("/c");
        let a = file_for(dir, &[PathBuf::from("/news")]);
        assert_eq!(a, file_for(dir, &[PathBuf::from("/news")]));
        assert_ne!(a, file_for(dir, &[PathBuf::from("/news2")]));
        assert_ne!(
            file_for(dir, &[PathBuf::from("/a"), PathBuf::from("b")]),
            file_for(dir, &[PathBuf::from("/ab")])
        );
    }

    #[test]
    fn stamps_before_the_epoch_are_negative() {
        let before = UNIX_EPOCH - std::time::Duration::from_secs(5);
        assert_eq!(Stamp::of(before), Stamp(-5, 0));
        assert!(Stamp(100, 0).is_racy(Stamp(101, 0)));
        assert!(!Stamp(90, 0).is_racy(Stamp(101, 0)));
    }
}
