//! Where a stored index's bytes are, and reading a range of them.

use std::fs::File;
use std::io;

/// Where a stored index's bytes are.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Bytes<'a> {
    Memory(&'a [u8]),
    File(&'a File),
}

impl Bytes<'_> {
    /// Fills `buf` from `offset`; an error if the bytes end first.
    pub(crate) fn read_exact_at(&self, buf: &mut [u8], offset: u64) -> io::Result<()> {
        match self {
            Bytes::Memory(all) => {
                let start = usize::try_from(offset).unwrap_or(usize::MAX);
                let part = start
                    .checked_add(buf.len())
                    .and_then(|end| all.get(start..end))
                    .ok_or(io::ErrorKind::UnexpectedEof)?;
                buf.copy_from_slice(part);
                Ok(())
            }
            Bytes::File(file) => read_exact_at(file, buf, offset),
        }
    }
}

#[cfg(unix)]
pub(crate) fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
pub(crate) fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// The owner of a stored index's bytes.
#[derive(Debug)]
pub(super) enum Store {
    Memory(Vec<u8>),
    File(File),
}

impl Store {
    pub(super) fn bytes(&self) -> Bytes<'_> {
        match self {
            Store::Memory(all) => Bytes::Memory(all),
            Store::File(file) => Bytes::File(file),
        }
    }
}
