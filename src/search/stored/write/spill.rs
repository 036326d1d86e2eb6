//! The document table and the paths as documents are added: they are
//! written last, after the lists, and at a million documents come to
//! ~120 MB, so a file writer sets them aside in temporary files (a buffer
//! at a time) instead of holding them until the end.

use std::io::{self, Write};

use super::super::read::Bytes;
use super::output::TempFile;

/// Bytes gathered before they go to the file.
const BUFFER: usize = 64 * 1024;
/// Bytes read back at a time.
const READ: usize = 1 << 20;

/// One part of the index set aside until it is written.
pub(super) struct Spill {
    /// Not yet in the file (everything, without a file).
    pending: Vec<u8>,
    file: Option<TempFile>,
    /// Bytes in the file.
    in_file: u64,
}

impl Spill {
    pub(super) fn in_memory() -> Self {
        Spill {
            pending: Vec::new(),
            file: None,
            in_file: 0,
        }
    }

    pub(super) fn in_file(temp: TempFile) -> Self {
        Spill {
            file: Some(temp),
            ..Spill::in_memory()
        }
    }

    /// Bytes set aside so far.
    pub(super) fn len(&self) -> u64 {
        self.in_file + self.pending.len() as u64
    }

    pub(super) fn extend(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.pending.extend_from_slice(bytes);
        if self.pending.len() >= BUFFER {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        if let Some(temp) = &mut self.file {
            temp.file.write_all(&self.pending)?;
            self.in_file += self.pending.len() as u64;
            self.pending.clear();
        }
        Ok(())
    }

    /// Hands everything set aside to `out`, in order, a buffer at a time
    /// (each emptied by `out`).
    pub(super) fn drain(
        &mut self,
        mut out: impl FnMut(&mut Vec<u8>) -> io::Result<()>,
    ) -> io::Result<()> {
        self.flush()?;
        if let Some(temp) = &self.file {
            let mut part = Vec::new();
            let mut at = 0;
            while at < self.in_file {
                let n = (self.in_file - at).min(READ as u64) as usize;
                part.resize(n, 0);
                Bytes::File(&temp.file).read_exact_at(&mut part, at)?;
                at += part.len() as u64;
                out(&mut part)?;
            }
        }
        out(&mut self.pending)
    }
}
