//! Reading the cache in place: the file is mapped, its header and
//! checksum checked, and records are read where they lie, one at a time,
//! when asked for. Every offset is checked against the file, so a cache
//! that passed the checksum yet lies (written by a bug) reads as missing
//! parts, never as a panic.
//!
//! A page read through the map counts in the process's memory for as long
//! as the map lives (or until released), and at a million articles most of
//! the file's ~700 MB are links that a warm start leaves where they lie
//! (see `article::Urls::shared`): the checksum lets each block go once
//! summed, and the decoder the pages it has read.

mod bytes;
mod record;

use std::path::Path;
use std::sync::Arc;

use mapped::Mapped;

use super::checksum::Blocks;
use super::{
    ADDRESS_KEY_LEN, DIR_LEN, FORMAT, HEADER_LEN, MAGIC, RECORD_LEN, ROOT_LEN, header_crc,
};
use crate::article::SharedBytes;
use crate::cache::Stamp;
pub(super) use bytes::u32_at;
use bytes::{i64_at, part_span, u64_at};

pub use record::FileView;

/// A cache file, mapped and checked.
#[derive(Debug)]
pub struct View {
    /// Shared with the articles whose links are read from it in place.
    map: Arc<Mapped>,
    files: usize,
    dirs: usize,
    roots: usize,
    list_words: usize,
    dir_at: usize,
    root_at: usize,
    list_at: usize,
    string_at: usize,
    strings: usize,
    /// Where the strings stored as they come (titles, links, ids) start,
    /// and their bytes.
    unshared_at: usize,
    unshared: usize,
    /// Where the address keys start, and how many there are.
    keys_at: usize,
    keys: usize,
    /// Where the link targets start, and their bytes.
    links_at: usize,
    link_bytes: usize,
    /// Which parts of the file were found intact (every part, unless
    /// opened with [`View::open_checking_as_read`]).
    blocks: Blocks,
}

/// How much of the file is checked when it is opened.
#[derive(Clone, Copy)]
enum Check {
    Whole,
    /// The records, folders, roots and list words; the rest as it is read.
    AsRead,
}

impl View {
    /// Maps and checks the cache at `path`; `None` for anything but a
    /// complete, intact cache of this format.
    pub fn open(path: &Path) -> Option<View> {
        Self::open_checking(path, Check::Whole)
    }

    /// [`View::open`] for a reader of the records, the folders and a few
    /// strings (`tags`): the records, folders, roots, list words and shared
    /// strings are checked now, a block of the rest (titles, links, ids,
    /// address keys, link targets) only when something is first read from
    /// it (a damaged one reads as missing). At a million articles this sums
    /// ~230 MB of the ~750 instead of all, and leaves the rest where it
    /// lies, in the page cache or not.
    pub fn open_checking_as_read(path: &Path) -> Option<View> {
        Self::open_checking(path, Check::AsRead)
    }

    fn open_checking(path: &Path, check: Check) -> Option<View> {
        // A cache replaced by a FIFO or a link to /dev/zero is no cache.
        let file = crate::regular_file::open(path).ok()?;
        Self::check(Mapped::map(&file).ok()?, check)
    }

    fn check(map: Mapped, check: Check) -> Option<View> {
        let header = map.get(..HEADER_LEN)?;
        if &header[..8] != MAGIC || u32_at(header, 8)? != FORMAT {
            return None;
        }
        if header_crc(header) != u32_at(header, 84)? {
            return None;
        }
        let files = u32_at(header, 48)? as usize;
        let dirs = u32_at(header, 52)? as usize;
        let roots = u32_at(header, 56)? as usize;
        let list_words = usize::try_from(u64_at(header, 64)?).ok()?;
        let strings = usize::try_from(u64_at(header, 72)?).ok()?;
        let keys = u32_at(header, 60)? as usize;
        let link_bytes = usize::try_from(u64_at(header, 88)?).ok()?;
        let dir_at = HEADER_LEN.checked_add(files.checked_mul(RECORD_LEN)?)?;
        let root_at = dir_at.checked_add(dirs.checked_mul(DIR_LEN)?)?;
        let list_at = root_at.checked_add(roots.checked_mul(ROOT_LEN)?)?;
        let string_at = list_at
            .checked_add(list_words.checked_mul(4)?)?
            .next_multiple_of(8);
        let unshared = u32_at(header, 12)? as usize;
        let unshared_at = string_at.checked_add(strings)?.next_multiple_of(8);
        let keys_at = unshared_at.checked_add(unshared)?.next_multiple_of(8);
        let links_at = keys_at.checked_add(keys.checked_mul(ADDRESS_KEY_LEN)?)?;
        let body_end = links_at.checked_add(link_bytes)?.next_multiple_of(8);
        let sums = Blocks::count_over(HEADER_LEN, body_end).checked_mul(4)?;
        let end = body_end.checked_add(sums)?.next_multiple_of(8);
        if end != map.len()
            || crc32fast::hash(map.get(body_end..body_end + sums)?) != u32_at(header, 80)?
        {
            return None;
        }
        let blocks = Blocks::new(HEADER_LEN, body_end);
        let blocks = match check {
            Check::Whole => blocks.check_all(&map)?,
            Check::AsRead => blocks.check_part(&map, &(HEADER_LEN..unshared_at))?,
        };
        map.advise_random();
        Some(View {
            map: Arc::new(map),
            files,
            dirs,
            roots,
            list_words,
            dir_at,
            root_at,
            list_at,
            string_at,
            strings,
            unshared_at,
            unshared,
            keys_at,
            keys,
            links_at,
            link_bytes,
            blocks,
        })
    }

    /// `range` of the file, if the blocks holding it are intact.
    fn intact(&self, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
        self.blocks.hold_intact(&self.map, &range).then_some(range)
    }

    fn stamp_at(&self, at: usize) -> Option<Stamp> {
        Some(Stamp(i64_at(&self.map, at)?, u32_at(&self.map, at + 8)?))
    }

    pub fn build(&self) -> Stamp {
        self.stamp_at(16).unwrap_or_default()
    }

    pub fn written_at(&self) -> Stamp {
        self.stamp_at(32).unwrap_or_default()
    }

    pub fn file_count(&self) -> usize {
        self.files
    }

    /// The file's bytes, to read strings from in place (see
    /// [`View::span`]) for as long as anything holds them.
    pub fn shared_bytes(&self) -> SharedBytes {
        Arc::clone(&self.map) as SharedBytes
    }

    /// The mapped file, for the articles' link targets and address keys
    /// read in place (see `article::known`).
    pub fn mapped(&self) -> &Arc<Mapped> {
        &self.map
    }

    /// Where `count` address keys from the `first` lie in the file.
    fn keys_span(&self, first: u32, count: u32) -> Option<std::ops::Range<usize>> {
        self.intact(part_span(
            self.keys_at,
            self.keys,
            first,
            count,
            ADDRESS_KEY_LEN,
        )?)
    }

    /// Where the link targets at (offset, len) lie in the file.
    fn links_span(&self, offset: u32, len: u32) -> Option<std::ops::Range<usize>> {
        self.intact(part_span(self.links_at, self.link_bytes, offset, len, 1)?)
    }

    /// Lets the pages read so far go from the process's memory (see
    /// `Mapped::release`): after a pass over every record.
    pub fn release(&self) {
        self.map.release();
    }

    /// Where the string at (offset, len) in the arena lies in the file.
    fn span(&self, offset: u32, len: u32) -> Option<std::ops::Range<usize>> {
        self.intact(part_span(self.string_at, self.strings, offset, len, 1)?)
    }

    /// Where the unshared string at (offset, len) lies in the file.
    fn unshared_span(&self, offset: u32, len: u32) -> Option<std::ops::Range<usize>> {
        self.intact(part_span(self.unshared_at, self.unshared, offset, len, 1)?)
    }

    /// The unshared string whose (offset, len) lies at byte `at`.
    fn unshared_str_ref(&self, at: usize) -> Option<&str> {
        let span = self.unshared_span(u32_at(&self.map, at)?, u32_at(&self.map, at + 4)?)?;
        simdutf8::basic::from_utf8(self.map.get(span)?).ok()
    }

    /// The string at (offset, len) in the arena (as a record's list
    /// refers to it).
    pub fn text(&self, offset: u32, len: u32) -> Option<&str> {
        self.str(offset, len)
    }

    /// The string at (offset, len) in the arena. Checked with simdutf8:
    /// std's check goes a byte at a time through CJK text, and was 7% of
    /// decoding the cache (every title, address and path of a warm load).
    fn str(&self, offset: u32, len: u32) -> Option<&str> {
        simdutf8::basic::from_utf8(self.map.get(self.span(offset, len)?)?).ok()
    }

    /// The bytes of the string at (offset, len) in the arena, not checked
    /// as UTF-8: for a file's name, which the kernel takes as bytes.
    fn bytes(&self, offset: u32, len: u32) -> Option<&[u8]> {
        self.map.get(self.span(offset, len)?)
    }

    fn bytes_ref(&self, at: usize) -> Option<&[u8]> {
        self.bytes(u32_at(&self.map, at)?, u32_at(&self.map, at + 4)?)
    }

    fn str_ref(&self, at: usize) -> Option<&str> {
        self.str(u32_at(&self.map, at)?, u32_at(&self.map, at + 4)?)
    }

    /// The library roots the cache was written for.
    pub fn roots(&self) -> Option<Vec<&str>> {
        (0..self.roots)
            .map(|i| self.str_ref(self.root_at + i * ROOT_LEN))
            .collect()
    }

    /// Every listed folder with its recorded time.
    pub fn dirs(&self) -> Option<Vec<(&str, Stamp)>> {
        (0..self.dirs)
            .map(|i| {
                let at = self.dir_at + i * DIR_LEN;
                Some((self.str_ref(at)?, self.stamp_at(at + 8)?))
            })
            .collect()
    }

    /// File `i`'s record, `None` past the end.
    pub fn file(&self, i: usize) -> Option<FileView<'_>> {
        (i < self.files).then(|| FileView::new(self, HEADER_LEN + i * RECORD_LEN))
    }

    /// `count` words of the list at `start`.
    fn words(&self, start: u32, count: usize) -> Option<impl Iterator<Item = u32> + '_> {
        let start = start as usize;
        if start.checked_add(count)? > self.list_words {
            return None;
        }
        let from = self.list_at + start * 4;
        let bytes = self.map.get(from..from + count * 4)?;
        Some(
            bytes
                .chunks_exact(4)
                .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]])),
        )
    }
}
