//! One file reached by several paths (hard links): the same device and
//! inode hold the same bytes, so a body hashed through one path need not
//! be read again through another. In a tree of hard-linked copies of an
//! archive (the 1M test tree: every file has 19 links) this saves reading
//! nearly every body whole; copies that are separate files are still read.

use std::fs::Metadata;

/// A file's identity while a load runs: its device and inode, with its
/// size and its modification and change times, so that a file written in
/// place between two of its paths' reads is not taken for the same bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SameFile {
    dev: u64,
    ino: u64,
    size: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl SameFile {
    /// `None` where the platform gives no inode.
    #[cfg(unix)]
    #[allow(clippy::unnecessary_wraps, reason = "None on platforms without inodes")]
    pub fn of(meta: &Metadata) -> Option<SameFile> {
        use std::os::unix::fs::MetadataExt;
        Some(SameFile {
            dev: meta.dev(),
            ino: meta.ino(),
            size: meta.size(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
        })
    }

    /// [`SameFile::of`] from a `statx` asked for the inode, size and
    /// times (std fills its metadata from the same fields).
    #[cfg(target_os = "linux")]
    pub fn of_statx(stat: &rustix::fs::Statx) -> SameFile {
        SameFile {
            dev: rustix::fs::makedev(stat.stx_dev_major, stat.stx_dev_minor),
            ino: stat.stx_ino,
            size: stat.stx_size,
            mtime: (stat.stx_mtime.tv_sec, stat.stx_mtime.tv_nsec.into()),
            ctime: (stat.stx_ctime.tv_sec, stat.stx_ctime.tv_nsec.into()),
        }
    }

    #[cfg(not(unix))]
    pub fn of(_meta: &Metadata) -> Option<SameFile> {
        None
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::fs;

    use super::*;

    fn of(path: &std::path::Path) -> SameFile {
        SameFile::of(&fs::metadata(path).unwrap()).unwrap()
    }

    #[test]
    fn hard_links_are_the_same_file_and_copies_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        fs::write(&a, "同一").unwrap();
        fs::hard_link(&a, dir.path().join("b.md")).unwrap();
        fs::copy(&a, dir.path().join("c.md")).unwrap();
        assert_eq!(of(&a), of(&dir.path().join("b.md")));
        assert_ne!(of(&a), of(&dir.path().join("c.md")));
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{AtFlags, StatxFlags};
            let file = fs::File::open(&a).unwrap();
            let stat = rustix::fs::statx(&file, "", AtFlags::EMPTY_PATH, StatxFlags::ALL).unwrap();
            assert_eq!(SameFile::of_statx(&stat), of(&a));
        }
    }
}
