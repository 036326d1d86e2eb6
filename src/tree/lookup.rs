//! Looking many files up by name in the folders that hold them, each
//! folder opened once for a pass (`openat`/`statx` relative to it): the
//! kernel then walks one name per file instead of every component of a
//! long path. One pass is one `FolderLookup`: the load's reads, the
//! recheck of files taken from the cache, and `tags`' check of the cache's
//! records all go through it.
//!
//! Files come in library order (newest first), which visits many folders
//! in turn: at a million articles the 20 copies of each day's articles
//! interleave, and keeping one folder open meant an `open` and a `close`
//! for every ~20 files (46,743 of each for 982,360 files). So a pass keeps
//! a few dozen folders open, and every lookup together holds at most
//! [`MOST_HELD`] descriptors, whatever the number of threads.
//!
//! A folder stays open only for its pass: one removed and made again under
//! the same name meanwhile is another folder, and its files would not be
//! found in the old one. A lookup that outlives passes (a thread's reader
//! of bodies) keeps one folder, [`FolderLookup::keeping`] one.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
#[cfg(target_os = "linux")]
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Folders one pass keeps open; when it needs one more, it closes them all.
const KEEP: usize = 64;

/// Folders kept open by all lookups together: well under the usual limit of
/// 1,024 descriptors, so a pass on many threads never makes another open fail.
const MOST_HELD: usize = 256;

/// Descriptors held by every [`FolderLookup`] now.
static HELD: AtomicUsize = AtomicUsize::new(0);

/// Folders opened for lookups by name, known by the caller's key (a path,
/// or where a path lies in the cache file).
pub struct FolderLookup<K> {
    /// How many folders it keeps open.
    keep: usize,
    /// `None`: the folder could not be opened (its files are then looked up
    /// by their whole path, which gives the error a user expects).
    #[cfg(target_os = "linux")]
    open: HashMap<K, Option<OwnedFd>, foldhash::fast::RandomState>,
    #[cfg(not(target_os = "linux"))]
    open: HashMap<K, (), foldhash::fast::RandomState>,
}

/// For one pass over many files.
impl<K> Default for FolderLookup<K> {
    fn default() -> Self {
        FolderLookup::keeping(KEEP)
    }
}

impl<K> Drop for FolderLookup<K> {
    fn drop(&mut self) {
        self.close_all();
    }
}

impl<K> FolderLookup<K> {
    /// A lookup that keeps at most `keep` folders open (at least one).
    pub fn keeping(keep: usize) -> Self {
        FolderLookup {
            keep: keep.max(1),
            open: HashMap::default(),
        }
    }

    fn close_all(&mut self) {
        #[cfg(target_os = "linux")]
        {
            let held = self.open.values().filter(|fd| fd.is_some()).count();
            HELD.fetch_sub(held, Ordering::Relaxed);
        }
        self.open.clear();
    }
}

#[cfg(target_os = "linux")]
impl<K: Hash + Eq> FolderLookup<K> {
    /// The folder known as `key`, opened from `path` when it is not open
    /// yet; `None` when it cannot be opened or too many are open.
    pub fn folder<Q>(&mut self, key: &Q, path: impl rustix::path::Arg) -> Option<BorrowedFd<'_>>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        use rustix::fs::{Mode, OFlags};
        if !self.open.contains_key(key) {
            if self.open.len() >= self.keep {
                self.close_all();
            }
            if HELD.fetch_add(1, Ordering::Relaxed) >= MOST_HELD {
                HELD.fetch_sub(1, Ordering::Relaxed);
                return None;
            }
            let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let fd = rustix::fs::open(path, flags, Mode::empty()).ok();
            if fd.is_none() {
                HELD.fetch_sub(1, Ordering::Relaxed);
            }
            self.open.insert(key.to_owned(), fd);
        }
        self.open.get(key)?.as_ref().map(AsFd::as_fd)
    }
}

#[cfg(test)]
#[cfg(target_os = "linux")]
mod tests {
    use super::*;
    use crate::tree::FileKey;

    #[test]
    fn many_folders_in_turn_give_what_stat_gives() {
        let dir = tempfile::tempdir().unwrap();
        let folders: Vec<_> = (0..KEEP + 5)
            .map(|n| {
                let folder = dir.path().join(format!("f{n}"));
                std::fs::create_dir(&folder).unwrap();
                std::fs::write(folder.join("a.md"), "x".repeat(n)).unwrap();
                folder
            })
            .collect();
        let mut lookup = FolderLookup::<usize>::default();
        // Twice round more folders than are kept open.
        for (n, folder) in folders.iter().enumerate().chain(folders.iter().enumerate()) {
            let fd = lookup.folder(&n, folder.as_path()).expect("opened");
            assert_eq!(
                FileKey::stat_in(fd, "a.md"),
                FileKey::stat(&folder.join("a.md"))
            );
            assert_eq!(FileKey::stat_in(fd, "a.md").unwrap().size, n as u64);
            assert!(lookup.open.len() <= KEEP);
        }
        assert!(
            lookup
                .folder(&usize::MAX, dir.path().join("none"))
                .is_none()
        );
        let held = HELD.load(Ordering::Relaxed);
        assert!(held >= lookup.open.len() - 1 && held <= MOST_HELD);
    }

    #[test]
    fn a_lookup_keeping_one_folder_sees_it_made_again() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        for folder in [&a, &b] {
            std::fs::create_dir(folder).unwrap();
            std::fs::write(folder.join("x.md"), "1").unwrap();
        }
        let mut lookup = FolderLookup::<std::path::PathBuf>::keeping(1);
        let size = |lookup: &mut FolderLookup<_>, folder: &std::path::Path| {
            let fd = lookup.folder(folder, folder).unwrap();
            FileKey::stat_in(fd, "x.md").map(|k| k.size)
        };
        assert_eq!(size(&mut lookup, &a), Some(1));
        assert_eq!(size(&mut lookup, &b), Some(1));
        std::fs::remove_dir_all(&a).unwrap();
        std::fs::create_dir(&a).unwrap();
        std::fs::write(a.join("x.md"), "22").unwrap();
        assert_eq!(size(&mut lookup, &a), Some(2), "a opened again, not kept");
        assert_eq!(lookup.open.len(), 1);
    }
}
