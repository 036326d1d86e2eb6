//! One file's record, read where it lies in the mapped file: its scalar
//! fields and strings here, its lists (labels, aliases, addresses,
//! problems) in `lists`.

mod lists;

use std::ops::Range;

use super::{View, u32_at, u64_at};
use crate::cache::Stamp;
use crate::cache::codec::{at, flag};

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
    /// The record at byte `at` of `view`.
    pub(super) fn new(view: &'a View, at: usize) -> FileView<'a> {
        FileView { view, at }
    }

    fn u32(&self, field: usize) -> Option<u32> {
        u32_at(&self.view.map, self.at + field)
    }

    fn str(&self, field: usize) -> Option<&'a str> {
        self.view.str_ref(self.at + field)
    }

    /// A string stored as it came (a title, link or id: see the layout).
    fn unshared(&self, field: usize) -> Option<&'a str> {
        self.view.unshared_str_ref(self.at + field)
    }

    fn flags(&self) -> u32 {
        self.u32(at::FLAGS).unwrap_or(0)
    }

    fn has(&self, f: u32) -> bool {
        self.flags() & f != 0
    }

    /// Where the path's folder part lies in the arena, and whether the
    /// name after it is empty: records with the same answer are files of
    /// the same folder (the folder part is stored once).
    pub fn folder_ref(&self) -> Option<(u32, u32, bool)> {
        let name_len = self.u32(at::NAME + 4)?;
        Some((
            self.u32(at::PREFIX)?,
            self.u32(at::PREFIX + 4)?,
            name_len == 0,
        ))
    }

    /// The path as found: its folder part and its name.
    pub fn path(&self) -> Option<(&'a str, &'a str)> {
        Some((self.str(at::PREFIX)?, self.str(at::NAME)?))
    }

    /// The path's folder part and name as bytes, not checked as UTF-8:
    /// to look the file up, a million times on a warm `tags`.
    pub fn path_bytes(&self) -> Option<(&'a [u8], &'a [u8])> {
        Some((
            self.view.bytes_ref(self.at + at::PREFIX)?,
            self.view.bytes_ref(self.at + at::NAME)?,
        ))
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
        self.unshared(at::TITLE)
    }

    pub fn url(&self) -> Result<Option<&'a str>, Damaged> {
        if self.has(flag::URL) {
            self.unshared(at::URL).map(Some).ok_or(Damaged)
        } else {
            Ok(None)
        }
    }

    /// Where the url lies in the file (see [`View::shared_bytes`]), not
    /// read: its bytes are not touched.
    pub fn url_span(&self) -> Result<Option<Range<usize>>, Damaged> {
        if !self.has(flag::URL) {
            return Ok(None);
        }
        let span = self.view.unshared_span(
            self.u32(at::URL).ok_or(Damaged)?,
            self.u32(at::URL + 4).ok_or(Damaged)?,
        );
        span.map(Some).ok_or(Damaged)
    }

    /// Where the original url lies in the file, like [`FileView::url_span`].
    pub fn original_url_span(&self) -> Result<Option<Range<usize>>, Damaged> {
        if !self.has(flag::ORIGINAL) {
            return Ok(None);
        }
        let start = self.u32(at::ORIGINAL).ok_or(Damaged)?;
        let span = if self.has(flag::ORIGINAL_TAIL) {
            let url = self.url_span()?.ok_or(Damaged)?;
            let from = url
                .start
                .checked_add(start as usize)
                .filter(|&s| s <= url.end);
            from.map(|from| from..url.end)
        } else {
            self.view
                .unshared_span(start, self.u32(at::ORIGINAL + 4).ok_or(Damaged)?)
        };
        span.map(Some).ok_or(Damaged)
    }

    /// A field stored either as its own string or as a tail of the url.
    fn url_or_own(&self, field: usize, tail: u32) -> Option<&'a str> {
        if self.has(tail) {
            self.url().ok()??.get(self.u32(field)? as usize..)
        } else {
            self.unshared(field)
        }
    }

    pub fn id(&self) -> Option<&'a str> {
        self.url_or_own(at::ID, flag::ID_TAIL)
    }

    /// The original url, read through [`FileView::original_url_span`].
    #[cfg(test)]
    pub fn original_url(&self) -> Result<Option<&'a str>, Damaged> {
        self.text_in(self.original_url_span()?)
    }

    /// The text at `span` of the file (none when there is no span), for
    /// the tests' readers of what is otherwise read in place.
    #[cfg(test)]
    fn text_in(&self, span: Option<std::ops::Range<usize>>) -> Result<Option<&'a str>, Damaged> {
        let Some(span) = span else {
            return Ok(None);
        };
        let bytes = self.view.map.get(span).ok_or(Damaged)?;
        std::str::from_utf8(bytes).map(Some).map_err(|_| Damaged)
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

    /// How many problems the file has.
    pub fn problem_count(&self) -> Option<u32> {
        self.u32(at::PROBLEMS + 4)
    }
}
