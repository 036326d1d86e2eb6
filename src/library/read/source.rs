//! Where the loader reads a file from: the start of a file on disk,
//! extended on demand, or bytes already in memory.

use std::fs::File;
use std::io::{self, Read};

/// The start of a file, extended on demand.
pub(super) trait Source {
    fn bytes(&self) -> &[u8];
    /// Whether `bytes` is the whole file.
    fn complete(&self) -> bool;
    /// Reads until at least `len` bytes are held or the file ends.
    fn fill_to(&mut self, len: usize) -> io::Result<()>;
    /// Reads the rest of the file.
    fn fill_all(&mut self) -> io::Result<()>;
    /// The file's size when it was opened, if known.
    fn size(&self) -> Option<u64>;
}

pub(super) struct FileSource<'a> {
    /// Read into as far as `len`; kept at its longest from file to file,
    /// so a read does not zero the room it is about to fill (4 KiB a file).
    /// Past `len` lie earlier files' bytes, never looked at.
    pub buf: &'a mut Vec<u8>,
    /// How much of `buf` is this file's.
    pub len: usize,
    pub file: File,
    pub complete: bool,
    /// The size the file had when it was opened (its `fstat`): once that
    /// much is read the file is taken as whole, without the extra `read`
    /// that would find its end (one system call a file for the three
    /// quarters of an archive that fit the first read). A file that grew
    /// since has another time too, so the cache parses it again.
    pub size: Option<u64>,
}

impl Source for FileSource<'_> {
    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    fn complete(&self) -> bool {
        self.complete
    }

    fn fill_to(&mut self, len: usize) -> io::Result<()> {
        let mut filled = self.len;
        if self.complete || filled >= len {
            return Ok(());
        }
        if self.buf.len() < len {
            self.buf.resize(len, 0);
        }
        let result = loop {
            match self.file.read(&mut self.buf[filled..len]) {
                Ok(0) => {
                    self.complete = true;
                    break Ok(());
                }
                Ok(n) => {
                    filled += n;
                    if self.size == Some(filled as u64) {
                        self.complete = true;
                        break Ok(());
                    }
                    if filled == len {
                        break Ok(());
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => break Err(e),
            }
        };
        self.len = filled;
        result
    }

    /// Up to the body limit past what is held: what the reader would show.
    fn fill_all(&mut self) -> io::Result<()> {
        if !self.complete {
            self.buf.truncate(self.len);
            let limit = crate::library::BODY_LIMIT.saturating_add(self.len as u64);
            let read = (&mut self.file).take(limit).read_to_end(self.buf);
            self.len = self.buf.len();
            read?;
            self.complete = true;
        }
        Ok(())
    }

    fn size(&self) -> Option<u64> {
        self.size
    }
}

/// A file held in memory in full.
pub(super) struct MemorySource<'a>(pub &'a [u8]);

impl Source for MemorySource<'_> {
    fn bytes(&self) -> &[u8] {
        self.0
    }

    fn complete(&self) -> bool {
        true
    }

    fn fill_to(&mut self, _len: usize) -> io::Result<()> {
        Ok(())
    }

    fn fill_all(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn size(&self) -> Option<u64> {
        Some(self.0.len() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_start(text: &str, size: Option<u64>, len: usize) -> (Vec<u8>, bool) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, text).unwrap();
        let mut buf = Vec::new();
        let mut source = FileSource {
            buf: &mut buf,
            len: 0,
            file: File::open(&path).unwrap(),
            complete: false,
            size,
        };
        source.fill_to(len).unwrap();
        let complete = source.complete();
        let held = source.bytes().to_vec();
        (held, complete)
    }

    #[test]
    fn a_file_read_to_its_size_is_whole() {
        let text = "---\ntitle: 新聞\n---\n正文";
        let size = Some(text.len() as u64);
        assert_eq!(read_start(text, size, 4096), (text.into(), true));
        assert_eq!(read_start(text, None, 4096), (text.into(), true));
        // Only the start asked for: not whole, whatever its size.
        assert_eq!(read_start(text, size, 4), (b"---\n".to_vec(), false));
        // A file that grew after its size was taken is still read to its end.
        assert_eq!(read_start(text, Some(5), 4096), (text.into(), true));
    }

    #[test]
    fn a_buffer_used_before_shows_only_the_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let (long, short) = (dir.path().join("long.md"), dir.path().join("short.md"));
        std::fs::write(&long, "x".repeat(10_000)).unwrap();
        std::fs::write(&short, "ab").unwrap();
        let mut buf = Vec::new();
        for (path, whole, want) in [
            (&long, true, 10_000),
            (&short, false, 2),
            (&long, false, 4096),
        ] {
            let mut source = FileSource {
                buf: &mut buf,
                len: 0,
                file: File::open(path).unwrap(),
                complete: false,
                size: None,
            };
            source.fill_to(4096).unwrap();
            if whole {
                source.fill_all().unwrap();
            }
            assert_eq!(source.bytes().len(), want);
            assert!(source.bytes().iter().all(|&b| b == b'x') || source.bytes() == b"ab");
        }
    }
}
