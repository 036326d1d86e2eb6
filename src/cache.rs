//! The parsed-metadata cache that makes a restart instant.
//!
//! One file per set of library roots in the platform's cache folder, holding
//! every file's path, size and modification time with the article (and
//! problems) parsed from it. A file whose size or time differs is parsed
//! again. A cache that is missing, truncated, damaged, of another format or
//! written by another build is ignored and rewritten, without a word.

mod codec;
mod current;
mod snapshot;
mod write;

use std::fs;
use std::path::{Path, PathBuf};

pub use crate::tree::{FileKey, Stamp};
pub use current::TagCounts;
pub use snapshot::{CachedFile, Decoded, Snapshot};
pub use write::{WriteInput, write};

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
}
