//! The block checksums that vouch for everything after the header (see the
//! layout in `codec`; the writer sums what it writes as it goes: see
//! `encode::Encoder`): checked on all cores when the whole file is to be
//! read, or, for a reader of a few parts (`tags`), those parts up front and
//! any other block the first time something is read from it.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use mapped::Mapped;
use rayon::prelude::*;

use super::CHECK_BLOCK;

/// Blocks summed by one piece of work (1 MiB).
const BLOCKS_A_PIECE: usize = 16;

/// Where the summed blocks and their checksums lie, and which blocks were
/// found intact.
#[derive(Debug)]
pub(super) struct Blocks {
    /// Where the first block starts (the header's end) and the last ends,
    /// which is where the checksums lie (four bytes a block; see the layout).
    start: usize,
    end: usize,
    /// A bit a block, set once the block was found intact; `None` once
    /// every block was.
    intact: Option<Box<[AtomicU64]>>,
}

impl Blocks {
    /// How many blocks bytes `start..end` make.
    pub(super) fn count_over(start: usize, end: usize) -> usize {
        end.saturating_sub(start).div_ceil(CHECK_BLOCK)
    }

    /// The blocks over bytes `start..end`, their checksums from `end` on,
    /// none checked yet.
    pub(super) fn new(start: usize, end: usize) -> Blocks {
        let words = Self::count_over(start, end).div_ceil(64);
        Blocks {
            start,
            end,
            intact: Some((0..words).map(|_| AtomicU64::new(0)).collect()),
        }
    }

    fn count(&self) -> usize {
        Self::count_over(self.start, self.end)
    }

    /// Where `blocks` lie in the file.
    fn bytes_of(&self, blocks: Range<usize>) -> Range<usize> {
        let from = self.start + blocks.start * CHECK_BLOCK;
        from..self.end.min(self.start + blocks.end * CHECK_BLOCK)
    }

    /// The blocks holding bytes `range` of the file (none for bytes of the
    /// header, which has its own checksum).
    fn blocks_of(&self, range: &Range<usize>) -> Range<usize> {
        if range.end <= range.start.max(self.start) {
            return 0..0;
        }
        let first = range.start.saturating_sub(self.start) / CHECK_BLOCK;
        let last = (range.end - 1 - self.start) / CHECK_BLOCK;
        first..(last + 1).min(self.count())
    }

    fn sum_holds(&self, map: &Mapped, block: usize) -> bool {
        let at = self.end + block * 4;
        let (Some(bytes), Some(sum)) = (
            map.get(self.bytes_of(block..block + 1)),
            map.get(at..at + 4),
        ) else {
            return false;
        };
        sum.try_into()
            .is_ok_and(|sum| crc32fast::hash(bytes) == u32::from_le_bytes(sum))
    }

    /// Checks `blocks` on all cores, each piece's pages let go from the
    /// process's memory once summed (see `view`).
    fn check(&self, map: &Mapped, blocks: Range<usize>) -> bool {
        let pieces: Vec<usize> = blocks.clone().step_by(BLOCKS_A_PIECE).collect();
        pieces.par_iter().all(|&first| {
            let piece = first..blocks.end.min(first + BLOCKS_A_PIECE);
            let intact = piece.clone().all(|block| self.sum_holds(map, block));
            map.release_range(self.bytes_of(piece));
            intact
        })
    }

    /// Checks every block now; `None` when one is damaged.
    pub(super) fn check_all(mut self, map: &Mapped) -> Option<Blocks> {
        let intact = self.check(map, 0..self.count());
        self.intact = None;
        intact.then_some(self)
    }

    /// Checks the blocks holding bytes `range` now, and the others as they
    /// are read ([`Blocks::hold_intact`]); `None` when one is damaged.
    pub(super) fn check_part(self, map: &Mapped, range: &Range<usize>) -> Option<Blocks> {
        let blocks = self.blocks_of(range);
        if !self.check(map, blocks.clone()) {
            return None;
        }
        for block in blocks {
            self.mark(block);
        }
        Some(self)
    }

    fn mark(&self, block: usize) {
        if let Some(word) = self.intact.as_ref().and_then(|bits| bits.get(block / 64)) {
            word.fetch_or(1 << (block % 64), Ordering::Relaxed);
        }
    }

    /// Whether the blocks holding bytes `range` are intact, checking those
    /// not checked yet (the file's bytes never change under the map, so a
    /// block found intact once stays so).
    pub(super) fn hold_intact(&self, map: &Mapped, range: &Range<usize>) -> bool {
        let Some(bits) = &self.intact else {
            return true;
        };
        self.blocks_of(range).all(|block| {
            let marked = bits
                .get(block / 64)
                .is_some_and(|w| w.load(Ordering::Relaxed) & (1 << (block % 64)) != 0);
            marked || {
                let intact = self.sum_holds(map, block);
                if intact {
                    self.mark(block);
                }
                intact
            }
        })
    }
}
