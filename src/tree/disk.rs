//! What identifies one version of a file or folder on disk: its size and
//! modification time. The cache compares these to tell what changed.

use std::fs;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

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

    /// The stamp of the folder `dir` (none when it is not a folder or
    /// cannot be read): see [`Stamp::of_folder`].
    pub fn of_dir(dir: &std::path::Path) -> Option<Stamp> {
        let meta = std::fs::metadata(dir)
            .ok()
            .filter(std::fs::Metadata::is_dir)?;
        Some(Stamp::of_folder(&meta))
    }

    /// A folder's stamp: its modification time, which changes when an
    /// entry is added, removed or renamed, with the folder's identity
    /// (device and inode) folded into the nanoseconds, which changes when
    /// the path leads to another folder: a symbolic link pointed elsewhere,
    /// or a folder swapped for a copy with the same time. Only compared
    /// for equality, and by its seconds for being too recent
    /// ([`Stamp::is_racy`]).
    pub fn of_folder(meta: &fs::Metadata) -> Stamp {
        let time = meta.modified().map(Stamp::of).unwrap_or_default();
        #[cfg(unix)]
        let identity = {
            use std::os::unix::fs::MetadataExt;
            meta.ino() ^ meta.dev().rotate_left(32)
        };
        #[cfg(not(unix))]
        let identity = 0u64;
        let folded = (identity ^ (identity >> 32)) as u32;
        Stamp(time.0, time.1 ^ folded)
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

    /// The key of the file `name` in the open folder `folder` now,
    /// following symlinks, as [`FileKey::stat`] gives it for the whole
    /// path: the kernel looks up one name instead of every component of a
    /// long path. Asks `statx` for the size and time only.
    #[cfg(target_os = "linux")]
    pub fn stat_in(
        folder: std::os::fd::BorrowedFd<'_>,
        name: impl rustix::path::Arg,
    ) -> Option<FileKey> {
        use rustix::fs::{AtFlags, StatxFlags};
        let stat = rustix::fs::statx(
            folder,
            name,
            AtFlags::empty(),
            StatxFlags::SIZE | StatxFlags::MTIME,
        )
        .ok()?;
        Some(FileKey::of_statx(&stat))
    }

    /// The key in a `statx` that was asked for the size and time, as
    /// [`FileKey::of`] gives it from std's metadata of the same file.
    #[cfg(target_os = "linux")]
    pub fn of_statx(stat: &rustix::fs::Statx) -> FileKey {
        use std::time::Duration;
        let (secs, nanos) = (stat.stx_mtime.tv_sec, stat.stx_mtime.tv_nsec);
        // The time as std builds it from the same `statx`.
        let time = if secs >= 0 {
            UNIX_EPOCH + Duration::new(secs.unsigned_abs(), nanos)
        } else {
            UNIX_EPOCH - Duration::from_secs(secs.unsigned_abs())
                + Duration::from_nanos(nanos.into())
        };
        FileKey {
            size: stat.stx_size,
            mtime: Stamp::of(time),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_before_the_epoch_are_negative() {
        let before = UNIX_EPOCH - std::time::Duration::from_secs(5);
        assert_eq!(Stamp::of(before), Stamp(-5, 0));
        assert!(Stamp(100, 0).is_racy(Stamp(101, 0)));
        assert!(!Stamp(90, 0).is_racy(Stamp(101, 0)));
    }
}
