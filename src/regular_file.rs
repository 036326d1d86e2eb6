//! Opening a file whose path came from outside (an article, the cache, the
//! marks file, config): only a regular file, and never more bytes than the
//! caller can hold. A FIFO would block the open or the first read forever,
//! `/dev/zero` or `/dev/urandom` never end, and a symbolic link can point at
//! any of them, so the check is made on the opened file (`fstat`), not on the
//! path, and the open itself cannot block (`O_NONBLOCK`).

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Opens `path` for reading if it is a regular file (after following
/// symbolic links); anything else is an [`io::ErrorKind::InvalidInput`]
/// error saying what it is.
pub fn open(path: &Path) -> io::Result<File> {
    open_with_metadata(path).map(|(file, _)| file)
}

/// [`open`], with the file's metadata from the `fstat` that checks it.
pub fn open_with_metadata(path: &Path) -> io::Result<(File, std::fs::Metadata)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO with no writer blocks `open` without it. Reads of a regular
        // file ignore the flag.
        options.custom_flags(libc::O_NONBLOCK);
    }
    ensure_regular_with_metadata(options.open(path)?)
}

/// [`open`], positioned `offset` bytes in (where an article's body starts).
pub fn open_at(path: &Path, offset: u64) -> io::Result<File> {
    let mut file = open(path)?;
    io::Seek::seek(&mut file, io::SeekFrom::Start(offset))?;
    Ok(file)
}

/// `file` back if it is a regular file, else the error [`open`] gives.
pub fn ensure_regular(file: File) -> io::Result<File> {
    ensure_regular_with_metadata(file).map(|(file, _)| file)
}

/// [`ensure_regular`], with the file's metadata from the same `fstat`
/// (a loader that needs sizes and times then needs no `stat` of its own).
pub fn ensure_regular_with_metadata(file: File) -> io::Result<(File, std::fs::Metadata)> {
    let meta = file.metadata()?;
    let kind = meta.file_type();
    if kind.is_file() {
        Ok((file, meta))
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("not a regular file ({})", describe(kind)),
        ))
    }
}

fn describe(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// Reads a whole regular file of at most `limit` bytes; a longer one is an
/// [`io::ErrorKind::FileTooLarge`] error (its start is not worth having).
pub fn read(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let (bytes, complete) = read_prefix(open(path)?, limit)?;
    if complete {
        Ok(bytes)
    } else {
        Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("larger than {}, the most read", size(limit)),
        ))
    }
}

/// [`read`] for text: invalid UTF-8 is an [`io::ErrorKind::InvalidData`] error.
pub fn read_to_string(path: &Path, limit: u64) -> io::Result<String> {
    String::from_utf8(read(path, limit)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "the file is not UTF-8 text"))
}

/// Reads at most `limit` bytes of `file`; the flag says whether that was
/// all of it. Memory grows with what is read, never with the size the file
/// claims (a sparse file may claim terabytes).
pub fn read_prefix(file: File, limit: u64) -> io::Result<(Vec<u8>, bool)> {
    let claimed = file.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::with_capacity(usize::try_from(claimed.min(limit)).unwrap_or(0));
    // One byte past the limit tells a file of exactly `limit` bytes from a
    // longer one.
    let mut taken = file.take(limit.saturating_add(1));
    taken.read_to_end(&mut bytes)?;
    let complete = bytes.len() as u64 <= limit;
    bytes.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    Ok((bytes, complete))
}

/// `limit` for a message: "16 MiB", "512 KiB", "100 bytes".
pub fn size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = KIB * KIB;
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes % KIB == 0 {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "新聞").unwrap();
        assert_eq!(read(&path, 6).unwrap(), "新聞".as_bytes());
        let err = read(&path, 5).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert_eq!(err.to_string(), "larger than 5 bytes, the most read");
        let (start, complete) = read_prefix(open(&path).unwrap(), 3).unwrap();
        assert_eq!((start.as_slice(), complete), ("新".as_bytes(), false));
    }

    #[test]
    fn refuses_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let err = read(dir.path(), 10).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(err.to_string(), "not a regular file (a folder)");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_fifo_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.md");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // No writer: a plain open would wait forever.
        let err = open(&fifo).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file (a FIFO)");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_link_to_an_endless_device() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("cache");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let err = read(&link, 1 << 30).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file (a character device)");
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(size(16 << 20), "16 MiB");
        assert_eq!(size(512 << 10), "512 KiB");
        assert_eq!(size(100), "100 bytes");
    }
}
