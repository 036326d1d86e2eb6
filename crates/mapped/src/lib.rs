//! A read-only memory map of a whole file.
//!
//! inkstone forbids unsafe code; mapping a file cannot be made safe in
//! general (another process may change or truncate the file under the
//! map), so the one call lives here, under the rule that makes it sound
//! enough for a cache: inkstone never writes its mapped files in place. It
//! writes a new file beside the old one and renames it over: the old inode,
//! and so the map, keeps its bytes until the map is dropped. A user who
//! truncates the file by hand while a reader maps it can still make the
//! reader fault, as with any program that maps files.

use std::fs::File;
use std::io;
use std::ops::Deref;

/// The bytes of a file, mapped read-only.
#[derive(Debug)]
pub struct Mapped {
    map: Option<memmap2::Mmap>,
}

impl Mapped {
    /// Maps `file` as it is now. An empty file maps to no bytes (mmap
    /// refuses a length of zero).
    ///
    /// # Errors
    /// When the file's size cannot be read or the system refuses the map.
    pub fn map(file: &File) -> io::Result<Mapped> {
        if file.metadata()?.len() == 0 {
            return Ok(Mapped { map: None });
        }
        // SAFETY: read-only map of a file that inkstone replaces only by
        // renaming a new file over it (see the crate comment); the bytes
        // are validated by the caller before any is trusted.
        #[allow(unsafe_code)]
        let map = unsafe { memmap2::Mmap::map(file)? };
        Ok(Mapped { map: Some(map) })
    }

    /// Hints the kernel that the bytes will be read in no particular order
    /// (no read-ahead beyond what is touched).
    pub fn advise_random(&self) {
        if let Some(map) = &self.map {
            let _ = map.advise(memmap2::Advice::Random);
        }
    }
}

impl Mapped {
    /// Lets the pages read so far go from this process's memory (they stay
    /// in the system's page cache): a later read of them fetches them
    /// again, with the same bytes. For a map that stays alive for a few
    /// reads after one pass over most of it.
    pub fn release(&self) {
        #[cfg(unix)]
        if let Some(map) = &self.map {
            // SAFETY: a shared, read-only map of a file (`Mmap::map`):
            // MADV_DONTNEED only drops this process's page table entries,
            // and a later access maps the file's page again, so every
            // borrow of the bytes still reads the file's bytes. (The
            // hazard of DONTNEED, pages reading back as zeros, is for
            // private or anonymous memory that was written.)
            #[allow(unsafe_code)]
            let _ = unsafe { map.unchecked_advise(memmap2::UncheckedAdvice::DontNeed) };
        }
    }

    /// [`Mapped::release`] for the pages holding `range` only (whole pages:
    /// a page partly outside it goes too, and is fetched again if read).
    pub fn release_range(&self, range: std::ops::Range<usize>) {
        #[cfg(unix)]
        if let Some(map) = self
            .map
            .as_ref()
            .filter(|m| range.start < range.end && range.end <= m.len())
        {
            // SAFETY: as in `release`.
            #[allow(unsafe_code)]
            let _ = unsafe {
                map.unchecked_advise_range(
                    memmap2::UncheckedAdvice::DontNeed,
                    range.start,
                    range.end - range.start,
                )
            };
        }
    }
}

impl AsRef<[u8]> for Mapped {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

impl Deref for Mapped {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        self.map.as_deref().unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn maps_bytes_and_empty_files() {
        let dir = std::env::temp_dir().join(format!("mapped-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("f");
        std::fs::File::create(&path)
            .unwrap()
            .write_all(b"abc")
            .unwrap();
        let map = Mapped::map(&File::open(&path).unwrap()).unwrap();
        assert_eq!(&map[..], b"abc");
        map.release();
        assert_eq!(&map[..], b"abc", "read again after release");
        map.release_range(1..2);
        map.release_range(2..9);
        assert_eq!(&map[..], b"abc", "read again after a partial release");
        std::fs::File::create(&path).unwrap();
        let empty = Mapped::map(&File::open(&path).unwrap()).unwrap();
        assert!(empty.is_empty());
        let _ = std::fs::remove_dir_all(dir);
    }
}
