//! Reading the cache in place: the file is mapped, its header and
//! checksum checked, and records are read where they lie, one at a time,
//! when asked for. Every offset is checked against the file, so a cache
//! that passed the checksum yet lies (written by a bug) reads as missing
//! parts, never as a panic.

use std::path::Path;

use mapped::Mapped;

use super::encode::checksum;
use super::{DIR_LEN, FORMAT, HEADER_LEN, MAGIC, RECORD_LEN, ROOT_LEN, at, flag};
use crate::article::AddressKey;
use crate::cache::Stamp;

/// A cache file, mapped and checked.
#[derive(Debug)]
pub struct View {
    map: Mapped,
    files: usize,
    dirs: usize,
    roots: usize,
    list_words: usize,
    dir_at: usize,
    root_at: usize,
    list_at: usize,
    string_at: usize,
    strings: usize,
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

fn i64_at(bytes: &[u8], at: usize) -> Option<i64> {
    Some(i64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

impl View {
    /// Maps and checks the cache at `path`; `None` for anything but a
    /// complete, intact cache of this format.
    pub fn open(path: &Path) -> Option<View> {
        // A cache replaced by a FIFO or a link to /dev/zero is no cache.
        let file = crate::regular_file::open(path).ok()?;
        Self::check(Mapped::map(&file).ok()?)
    }

    fn check(map: Mapped) -> Option<View> {
        let header = map.get(..HEADER_LEN)?;
        if &header[..8] != MAGIC || u32_at(header, 8)? != FORMAT {
            return None;
        }
        if crc32fast::hash(&header[..84]) != u32_at(header, 84)? {
            return None;
        }
        let files = u32_at(header, 48)? as usize;
        let dirs = u32_at(header, 52)? as usize;
        let roots = u32_at(header, 56)? as usize;
        let list_words = usize::try_from(u64_at(header, 64)?).ok()?;
        let strings = usize::try_from(u64_at(header, 72)?).ok()?;
        let dir_at = HEADER_LEN.checked_add(files.checked_mul(RECORD_LEN)?)?;
        let root_at = dir_at.checked_add(dirs.checked_mul(DIR_LEN)?)?;
        let list_at = root_at.checked_add(roots.checked_mul(ROOT_LEN)?)?;
        let string_at = list_at
            .checked_add(list_words.checked_mul(4)?)?
            .next_multiple_of(8);
        let end = string_at.checked_add(strings)?.next_multiple_of(8);
        if end != map.len() || checksum(&map[HEADER_LEN..]) != u32_at(header, 80)? {
            return None;
        }
        map.advise_random();
        Some(View {
            map,
            files,
            dirs,
            roots,
            list_words,
            dir_at,
            root_at,
            list_at,
            string_at,
            strings,
        })
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

    /// The string at (offset, len) in the arena.
    fn str(&self, offset: u32, len: u32) -> Option<&str> {
        let (offset, len) = (offset as usize, len as usize);
        if offset.checked_add(len)? > self.strings {
            return None;
        }
        let start = self.string_at + offset;
        std::str::from_utf8(self.map.get(start..start + len)?).ok()
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
        (i < self.files).then(|| FileView {
            view: self,
            at: HEADER_LEN + i * RECORD_LEN,
        })
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

/// A record that points outside the file (a cache written by a bug).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Damaged;

/// One file's record, read where it lies.
#[derive(Clone, Copy)]
pub struct FileView<'a> {
    view: &'a View,
    at: usize,
}

impl<'a> FileView<'a> {
    fn u32(&self, field: usize) -> Option<u32> {
        u32_at(&self.view.map, self.at + field)
    }

    fn str(&self, field: usize) -> Option<&'a str> {
        self.view.str_ref(self.at + field)
    }

    fn flags(&self) -> u32 {
        self.u32(at::FLAGS).unwrap_or(0)
    }

    fn has(&self, f: u32) -> bool {
        self.flags() & f != 0
    }

    /// The path as found: its folder part and its name.
    pub fn path(&self) -> Option<(&'a str, &'a str)> {
        Some((self.str(at::PREFIX)?, self.str(at::NAME)?))
    }

    pub fn size(&self) -> Option<u64> {
        u64_at(&self.view.map, self.at + at::SIZE)
    }

    pub fn mtime(&self) -> Option<Stamp> {
        self.view.stamp_at(self.at + at::MTIME)
    }

    pub fn has_article(&self) -> bool {
        self.has(flag::ARTICLE)
    }

    pub fn title(&self) -> Option<&'a str> {
        self.str(at::TITLE)
    }

    pub fn url(&self) -> Result<Option<&'a str>, Damaged> {
        if self.has(flag::URL) {
            self.str(at::URL).map(Some).ok_or(Damaged)
        } else {
            Ok(None)
        }
    }

    /// A field stored either as its own string or as a tail of the url.
    fn url_or_own(&self, field: usize, tail: u32) -> Option<&'a str> {
        if self.has(tail) {
            self.url().ok()??.get(self.u32(field)? as usize..)
        } else {
            self.str(field)
        }
    }

    pub fn id(&self) -> Option<&'a str> {
        self.url_or_own(at::ID, flag::ID_TAIL)
    }

    pub fn original_url(&self) -> Result<Option<&'a str>, Damaged> {
        if self.has(flag::ORIGINAL) {
            self.url_or_own(at::ORIGINAL, flag::ORIGINAL_TAIL)
                .map(Some)
                .ok_or(Damaged)
        } else {
            Ok(None)
        }
    }

    /// Days since 0001-01-01.
    pub fn date(&self) -> Option<i32> {
        if !self.has(flag::DATE) {
            return None;
        }
        let bytes = self
            .view
            .map
            .get(self.at + at::DATE..self.at + at::DATE + 4)?;
        Some(i32::from_le_bytes(bytes.try_into().ok()?))
    }

    /// The instant and its offset east of UTC in seconds.
    pub fn datetime(&self) -> Option<(Stamp, i32)> {
        if !self.has(flag::DATETIME) {
            return None;
        }
        let at = self.view.stamp_at(self.at + at::DATETIME)?;
        let from = self.at + at::DATETIME_OFFSET;
        let east = i32::from_le_bytes(self.view.map.get(from..from + 4)?.try_into().ok()?);
        Some((at, east))
    }

    pub fn draft(&self) -> bool {
        self.has(flag::DRAFT)
    }

    pub fn body_hash(&self) -> Option<u64> {
        if !self.has(flag::BODY_HASH) {
            return None;
        }
        u64_at(&self.view.map, self.at + at::BODY_HASH)
    }

    /// The encoding's name, when not UTF-8.
    pub fn encoding(&self) -> Result<Option<&'a str>, Damaged> {
        if self.has(flag::ENCODING) {
            self.str(at::ENCODING).map(Some).ok_or(Damaged)
        } else {
            Ok(None)
        }
    }

    pub fn updated(&self) -> Option<Stamp> {
        if !self.has(flag::UPDATED) {
            return None;
        }
        self.view.stamp_at(self.at + at::UPDATED)
    }

    pub fn body_offset(&self) -> Option<u64> {
        u64_at(&self.view.map, self.at + at::BODY_OFFSET)
    }

    fn list(&self, field: usize) -> Option<Vec<&'a str>> {
        let count = self.u32(field + 4)? as usize;
        let words: Vec<u32> = self
            .view
            .words(self.u32(field)?, count.checked_mul(2)?)?
            .collect();
        words
            .chunks_exact(2)
            .map(|w| self.view.str(w[0], w[1]))
            .collect()
    }

    pub fn tags(&self) -> Option<Vec<&'a str>> {
        self.list(at::TAGS)
    }

    pub fn categories(&self) -> Option<Vec<&'a str>> {
        self.list(at::CATEGORIES)
    }

    pub fn authors(&self) -> Option<Vec<&'a str>> {
        self.list(at::AUTHORS)
    }

    pub fn aliases(&self) -> Option<Vec<&'a str>> {
        self.list(at::ALIASES)
    }

    /// The body's link targets, when they were known.
    pub fn links(&self) -> Result<Option<&'a str>, Damaged> {
        if self.has(flag::LINKS) {
            self.str(at::LINKS).map(Some).ok_or(Damaged)
        } else {
            Ok(None)
        }
    }

    /// The article's own address keys, when they were known.
    pub fn addresses(&self) -> Result<Option<Vec<AddressKey>>, Damaged> {
        if !self.has(flag::ADDRESSES) {
            return Ok(None);
        }
        let count = self.u32(at::ADDRESSES + 4).ok_or(Damaged)? as usize;
        let start = self.u32(at::ADDRESSES).ok_or(Damaged)?;
        let mut words = self
            .view
            .words(start, count.checked_mul(6).ok_or(Damaged)?)
            .ok_or(Damaged)?;
        let mut hash = || {
            let low = words.next().unwrap_or_default();
            u64::from(low) | u64::from(words.next().unwrap_or_default()) << 32
        };
        Ok(Some(
            (0..count)
                .map(|_| AddressKey {
                    key: hash(),
                    host: hash(),
                    id: hash(),
                })
                .collect(),
        ))
    }

    /// (is an error, reason) of each problem.
    pub fn problems(&self) -> Option<Vec<(bool, &'a str)>> {
        let count = self.u32(at::PROBLEMS + 4)? as usize;
        let words: Vec<u32> = self
            .view
            .words(self.u32(at::PROBLEMS)?, count.checked_mul(3)?)?
            .collect();
        words
            .chunks_exact(3)
            .map(|w| Some((w[0] != 0, self.view.str(w[1], w[2])?)))
            .collect()
    }
}
