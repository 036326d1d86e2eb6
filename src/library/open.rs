//! Opening many files that live in a few folders. On Linux each folder is
//! opened once and its files relative to it (`openat`, through
//! `tree::FolderLookup`): the kernel then looks up one name per file
//! instead of every component of a long path, which is a good share of the
//! time to load a large archive.

use std::fs::File;
use std::io;
use std::path::Path;

use super::duplicates::SameFile;
use crate::tree::FileKey;
#[cfg(target_os = "linux")]
use crate::tree::FolderLookup;
#[cfg(target_os = "linux")]
use std::ffi::OsString;

/// Keeps the folder of the file opened last open (see
/// `tree::FolderLookup`); [`Opener::for_one_pass`] keeps several.
pub struct Opener {
    #[cfg(target_os = "linux")]
    /// Known by the folder's path as bytes: hashing a `Path` goes
    /// component by component, and every file is looked up.
    folders: FolderLookup<OsString>,
    /// Whether files are opened without updating their access time
    /// (`O_NOATIME`): the kernel then skips the access-time check on each
    /// read (~1% of a cold load's samples). Only a file's owner may ask;
    /// after one refusal files are opened as before.
    #[cfg(target_os = "linux")]
    noatime: bool,
}

impl Default for Opener {
    /// One folder: a thread's reader of bodies keeps its opener from one
    /// pass to the next, and must not look in a folder since made again.
    fn default() -> Self {
        Opener {
            #[cfg(target_os = "linux")]
            folders: FolderLookup::keeping(1),
            #[cfg(target_os = "linux")]
            noatime: true,
        }
    }
}

impl Opener {
    /// For one pass over files in library order, which visits many
    /// folders in turn (the recheck); dropped at the pass's end.
    pub fn for_one_pass() -> Self {
        Opener {
            #[cfg(target_os = "linux")]
            folders: FolderLookup::default(),
            #[cfg(target_os = "linux")]
            noatime: true,
        }
    }
}

impl Opener {
    /// Opens `path` for reading if it is a regular file, as
    /// [`crate::regular_file::open`] does, with the file's size and time from the `fstat`
    /// that checks it is a regular file: taken before anything is read, as
    /// the cache needs (a file changed after it is read again next time).
    pub fn open_with_key(&mut self, path: &Path) -> io::Result<(File, FileKey)> {
        let (file, meta) = self.open_with_metadata(path)?;
        Ok((file, FileKey::of(&meta)))
    }

    /// [`Opener::open_with_key`] with the whole `fstat`, for the file's
    /// identity besides its key (see `duplicates::SameFile`).
    pub fn open_with_metadata(&mut self, path: &Path) -> io::Result<(File, std::fs::Metadata)> {
        #[cfg(target_os = "linux")]
        let file = self.open_in_folder(path);
        #[cfg(not(target_os = "linux"))]
        let file = None;
        match file {
            Some(file) => crate::regular_file::ensure_regular_with_metadata(file?),
            None => crate::regular_file::open_with_metadata(path),
        }
    }

    /// [`Opener::open_with_key`] with the file's identity (see
    /// `duplicates::SameFile`), from one `statx` asked only for what they
    /// need: std's `metadata` asks for everything and builds all of it
    /// (~1% of a cold load's samples). Anything but a regular file, or a
    /// `statx` that fails, takes [`Opener::open_with_metadata`]'s way, and
    /// its error.
    pub(in crate::library) fn open_with_identity(
        &mut self,
        path: &Path,
    ) -> io::Result<(File, FileKey, Option<SameFile>)> {
        #[cfg(target_os = "linux")]
        if let Some(file) = self.open_in_folder(path) {
            let file = file?;
            if let Some(stat) = regular_statx(&file) {
                return Ok((
                    file,
                    FileKey::of_statx(&stat),
                    Some(SameFile::of_statx(&stat)),
                ));
            }
            let (file, meta) = crate::regular_file::ensure_regular_with_metadata(file)?;
            return Ok((file, FileKey::of(&meta), SameFile::of(&meta)));
        }
        let (file, meta) = self.open_with_metadata(path)?;
        Ok((file, FileKey::of(&meta), SameFile::of(&meta)))
    }

    /// The size and time of the file at `path` now, following symlinks, as
    /// [`FileKey::stat`] gives them (`None`: gone or unreadable), looked up
    /// in its folder as [`Opener::open_with_key`] opens files.
    pub fn key_of(&mut self, path: &Path) -> Option<FileKey> {
        #[cfg(target_os = "linux")]
        if let Some(key) = self.key_in_folder(path) {
            return Some(key);
        }
        // Also what tells a missing file: rare, so looked up twice.
        FileKey::stat(path)
    }

    #[cfg(target_os = "linux")]
    fn key_in_folder(&mut self, path: &Path) -> Option<FileKey> {
        let (fd, name) = self.folder_of(path)?;
        FileKey::stat_in(fd, name)
    }

    /// The folder of `path`, opened (kept from an earlier call), and the
    /// file's name in it. `None` when the folder cannot be opened: a plain
    /// open or `stat` then gives the error a user expects.
    #[cfg(target_os = "linux")]
    fn folder_of<'p>(
        &mut self,
        path: &'p Path,
    ) -> Option<(std::os::fd::BorrowedFd<'_>, &'p std::ffi::OsStr)> {
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty())?;
        let name = path.file_name()?;
        Some((self.folders.folder(folder.as_os_str(), folder)?, name))
    }

    /// `None` when the folder cannot be opened: `regular_file::open` then gives the
    /// error a user expects.
    #[cfg(target_os = "linux")]
    fn open_in_folder(&mut self, path: &Path) -> Option<io::Result<File>> {
        use rustix::fs::{Mode, OFlags, openat};
        let noatime = self.noatime;
        let (fd, name) = self.folder_of(path)?;
        let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
        let first = noatime.then(|| openat(fd, name, flags | OFlags::NOATIME, Mode::empty()));
        // Not the file's owner: opened as before, and so from now on.
        let refused = matches!(first, Some(Err(rustix::io::Errno::PERM)));
        let file = match first {
            Some(file) if !refused => file,
            _ => openat(fd, name, flags, Mode::empty()),
        };
        if refused {
            self.noatime = false;
        }
        Some(file.map(File::from).map_err(io::Error::from))
    }
}

/// The `statx` of `file` if it is a regular file and gave every field
/// [`Opener::open_with_identity`] needs.
#[cfg(target_os = "linux")]
fn regular_statx(file: &File) -> Option<rustix::fs::Statx> {
    use rustix::fs::{AtFlags, FileType, StatxFlags};
    let wanted = StatxFlags::TYPE
        | StatxFlags::SIZE
        | StatxFlags::MTIME
        | StatxFlags::CTIME
        | StatxFlags::INO;
    let stat = rustix::fs::statx(file, "", AtFlags::EMPTY_PATH, wanted).ok()?;
    let regular = FileType::from_raw_mode(stat.stx_mode.into()) == FileType::RegularFile;
    (regular && StatxFlags::from_bits_retain(stat.stx_mask).contains(wanted)).then_some(stat)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    impl Opener {
        fn open(&mut self, path: &Path) -> io::Result<File> {
            self.open_with_key(path).map(|(file, _)| file)
        }
    }

    #[test]
    fn opens_like_file_open() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        std::fs::write(&a, "A").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let b = dir.path().join("sub/b.md");
        std::fs::write(&b, "B").unwrap();
        let mut opener = Opener::default();
        for (path, want) in [(&a, "A"), (&b, "B"), (&a, "A")] {
            let mut text = String::new();
            opener
                .open(path)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            assert_eq!(text, want);
        }
        let missing = opener.open(&dir.path().join("none.md")).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        let in_missing_folder = opener.open(&dir.path().join("no/such.md")).unwrap_err();
        assert_eq!(in_missing_folder.kind(), io::ErrorKind::NotFound);
        assert!(opener.open(Path::new("relative-missing.md")).is_err());
    }

    #[test]
    fn keys_are_those_stat_gives() {
        use std::time::{Duration, UNIX_EPOCH};
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let a = dir.path().join("a.md");
        let b = dir.path().join("sub/b.md");
        std::fs::write(&a, "AAA").unwrap();
        std::fs::write(&b, "B").unwrap();
        // Before the epoch, with a fraction of a second.
        let old = UNIX_EPOCH - Duration::from_millis(1_500);
        std::fs::File::options()
            .write(true)
            .open(&b)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let mut opener = Opener::default();
        for path in [&a, &b, &a] {
            assert_eq!(opener.key_of(path), FileKey::stat(path));
            assert!(opener.key_of(path).is_some());
        }
        assert_eq!(opener.key_of(&b).unwrap().size, 1);
        assert_eq!(opener.key_of(&dir.path().join("none.md")), None);
        assert_eq!(opener.key_of(&dir.path().join("no/such.md")), None);
        #[cfg(unix)]
        {
            let link = dir.path().join("link.md");
            std::os::unix::fs::symlink(&b, &link).unwrap();
            assert_eq!(opener.key_of(&link), FileKey::stat(&b));
        }
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_fifo_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f.md");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let mut opener = Opener::default();
        let err = opener.open(&fifo).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file (a FIFO)");
    }
}
