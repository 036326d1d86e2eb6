//! The CRC-32 that vouches for everything after the header, taken on all
//! cores: from the parts as they are written, and from the map as it is
//! read back.

use mapped::Mapped;
use rayon::prelude::*;

/// Bytes per piece of work.
const BLOCK: usize = 1 << 20;

/// CRC-32 of the parts one after the other: a large part in blocks on all
/// cores, the many small ones (the string arena's strings) here.
pub(super) fn checksum_parts(parts: &[&[u8]]) -> u32 {
    let mut all = crc32fast::Hasher::new();
    for part in parts {
        if part.len() < BLOCK {
            all.update(part);
        } else {
            all.combine(&hasher(part));
        }
    }
    all.finalize()
}

/// [`checksum`]'s state, to combine with others.
fn hasher(bytes: &[u8]) -> crc32fast::Hasher {
    combined(bytes.par_chunks(BLOCK).map(|block| {
        let mut h = crc32fast::Hasher::new();
        h.update(block);
        h
    }))
}

/// The blocks' states, in order, as one (CRC-32 combines).
fn combined(blocks: impl IndexedParallelIterator<Item = crc32fast::Hasher>) -> crc32fast::Hasher {
    let parts: Vec<crc32fast::Hasher> = blocks.collect();
    let mut all = crc32fast::Hasher::new();
    for part in &parts {
        all.combine(part);
    }
    all
}

/// CRC-32 of bytes `start..end` of `map`, each block let go from the
/// process's memory once summed (see `view`); `None` past the end.
pub(super) fn checksum_map(map: &Mapped, start: usize, end: usize) -> Option<u32> {
    map.get(start..end)?;
    let blocks: Vec<usize> = (start..end).step_by(BLOCK).collect();
    let all = combined(blocks.par_iter().map(|&from| {
        let block = from..end.min(from + BLOCK);
        let mut h = crc32fast::Hasher::new();
        h.update(&map[block.clone()]);
        map.release_range(block);
        h
    }));
    Some(all.finalize())
}
