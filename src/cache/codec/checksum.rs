//! The CRC-32 that vouches for everything after the header, taken on all
//! cores from the map as it is read back (the writer sums what it writes
//! as it goes: see `encode::Encoder`).

use mapped::Mapped;
use rayon::prelude::*;

/// Bytes per piece of work.
const BLOCK: usize = 1 << 20;

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
