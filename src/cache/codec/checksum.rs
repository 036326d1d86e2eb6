//! The CRC-32 that vouches for everything after the header, taken on all
//! cores: from the parts as they are written, and from the file as it is
//! read back.

use std::fs::File;

use rayon::prelude::*;

/// Bytes per piece of work.
const BLOCK: usize = 1 << 20;

/// CRC-32 of the parts one after the other.
pub(super) fn checksum_parts(parts: &[&[u8]]) -> u32 {
    let mut all = crc32fast::Hasher::new();
    for part in parts {
        all.combine(&hasher(part));
    }
    all.finalize()
}

/// CRC-32 of `bytes`, blocks in parallel (combined in order).
#[cfg(not(unix))]
pub(super) fn checksum(bytes: &[u8]) -> u32 {
    hasher(bytes).finalize()
}

/// [`checksum`]'s state, to combine with others.
fn hasher(bytes: &[u8]) -> crc32fast::Hasher {
    let parts: Vec<crc32fast::Hasher> = bytes
        .par_chunks(BLOCK)
        .map(|block| {
            let mut h = crc32fast::Hasher::new();
            h.update(block);
            h
        })
        .collect();
    let mut all = crc32fast::Hasher::new();
    for part in &parts {
        all.combine(part);
    }
    all
}

/// CRC-32 of bytes `start..end` of `file`, read with `pread` a block at a
/// time rather than through a map of it (see `view`); `None` when the file
/// cannot be read whole.
#[cfg(unix)]
pub(super) fn checksum_file(file: &File, start: usize, end: usize) -> Option<u32> {
    use std::os::unix::fs::FileExt;
    let blocks: Vec<usize> = (start..end).step_by(BLOCK).collect();
    let parts: Option<Vec<crc32fast::Hasher>> = blocks
        .par_iter()
        .map_init(
            || vec![0u8; BLOCK],
            |buf, &from| {
                let buf = &mut buf[..BLOCK.min(end - from)];
                file.read_exact_at(buf, from as u64).ok()?;
                let mut h = crc32fast::Hasher::new();
                h.update(buf);
                Some(h)
            },
        )
        .collect();
    let mut all = crc32fast::Hasher::new();
    for part in &parts? {
        all.combine(part);
    }
    Some(all.finalize())
}

/// [`checksum_file`] where there is no `pread`: through a map.
#[cfg(not(unix))]
pub(super) fn checksum_file(file: &File, start: usize, end: usize) -> Option<u32> {
    let map = mapped::Mapped::map(file).ok()?;
    Some(checksum(map.get(start..end)?))
}
