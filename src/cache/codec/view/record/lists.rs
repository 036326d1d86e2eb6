//! A record's lists, read where they lie: labels (tags, categories,
//! authors) as references into the string arena or read, aliases, and its
//! problems; and where its link targets and address keys lie.

use std::ops::Range;

use super::{Damaged, FileView};
#[cfg(test)]
use crate::article::AddressKey;
use crate::cache::codec::{at, flag};

impl<'a> FileView<'a> {
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

    /// Where each string of a list lies in the arena (see [`View::text`]),
    /// not read.
    fn list_refs(&self, field: usize) -> Option<impl ExactSizeIterator<Item = (u32, u32)> + 'a> {
        let count = self.u32(field + 4)? as usize;
        let mut words = self.view.words(self.u32(field)?, count.checked_mul(2)?)?;
        // Over a range, so the iterator tells its length and the decoder
        // sizes each list exactly (`words` holds all `2 * count` words).
        Some((0..count).map(move |_| {
            (
                words.next().unwrap_or_default(),
                words.next().unwrap_or_default(),
            )
        }))
    }

    pub fn tag_refs(&self) -> Option<impl ExactSizeIterator<Item = (u32, u32)> + 'a> {
        self.list_refs(at::TAGS)
    }

    pub fn category_refs(&self) -> Option<impl ExactSizeIterator<Item = (u32, u32)> + 'a> {
        self.list_refs(at::CATEGORIES)
    }

    pub fn author_refs(&self) -> Option<impl ExactSizeIterator<Item = (u32, u32)> + 'a> {
        self.list_refs(at::AUTHORS)
    }

    #[cfg(test)]
    pub fn tags(&self) -> Option<Vec<&'a str>> {
        self.list(at::TAGS)
    }

    #[cfg(test)]
    pub fn categories(&self) -> Option<Vec<&'a str>> {
        self.list(at::CATEGORIES)
    }

    #[cfg(test)]
    pub fn authors(&self) -> Option<Vec<&'a str>> {
        self.list(at::AUTHORS)
    }

    pub fn aliases(&self) -> Option<Vec<&'a str>> {
        self.list(at::ALIASES)
    }

    /// Where the body's link targets lie in the file (see
    /// [`super::super::View::mapped`]), when they were known; not read.
    pub fn links_span(&self) -> Result<Option<Range<usize>>, Damaged> {
        if !self.has(flag::LINKS) {
            return Ok(None);
        }
        let (offset, len) = (self.u32(at::LINKS), self.u32(at::LINKS + 4));
        let span = self
            .view
            .links_span(offset.ok_or(Damaged)?, len.ok_or(Damaged)?);
        span.map(Some).ok_or(Damaged)
    }

    /// Where the article's own address keys lie in the file, when they
    /// were known; not read.
    pub fn addresses_span(&self) -> Result<Option<Range<usize>>, Damaged> {
        if !self.has(flag::ADDRESSES) {
            return Ok(None);
        }
        let (first, count) = (self.u32(at::ADDRESSES), self.u32(at::ADDRESSES + 4));
        let span = self
            .view
            .keys_span(first.ok_or(Damaged)?, count.ok_or(Damaged)?);
        span.map(Some).ok_or(Damaged)
    }

    /// The body's link targets, when they were known.
    #[cfg(test)]
    pub fn links(&self) -> Result<Option<&'a str>, Damaged> {
        self.text_in(self.links_span()?)
    }

    /// The article's own address keys, when they were known.
    #[cfg(test)]
    pub fn addresses(&self) -> Result<Option<Vec<AddressKey>>, Damaged> {
        let Some(span) = self.addresses_span()? else {
            return Ok(None);
        };
        let bytes = self.view.map.get(span).ok_or(Damaged)?;
        Ok(Some(crate::article::known::decode_keys(bytes).collect()))
    }

    /// How many of the problems are errors, without reading their texts.
    pub fn error_count(&self) -> Option<usize> {
        let count = self.u32(at::PROBLEMS + 4)? as usize;
        let words = self
            .view
            .words(self.u32(at::PROBLEMS)?, count.checked_mul(3)?)?;
        Some(words.step_by(3).filter(|&error| error != 0).count())
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
