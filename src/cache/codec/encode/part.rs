//! Records encoded apart from the encoder, on another core, then appended
//! after its own: the cache writer ends last in a cold `list`, and one
//! core encoding every record was most of its time. A part has its own
//! strings (a label both use is stored twice, once for each), list words,
//! address keys and link targets; appending moves its references past the
//! encoder's.

use std::io;

use super::writer::Writer;
use super::{Encoder, Sink, put_u32, too_large};
use crate::cache::codec::view::u32_at;
use crate::cache::codec::{ADDRESS_KEY_LEN, FileRecord, RECORD_LEN, at, flag};

/// A run of files' records, encoded on their own for [`Encoder::append`].
pub struct Part<'a> {
    writer: Writer<'a>,
    records: Vec<u8>,
    files: u32,
}

impl<'a> Part<'a> {
    /// A part with room for about `files` files.
    pub fn new(files: usize) -> Part<'a> {
        Part {
            writer: Writer::with_room(files),
            records: Vec::with_capacity(files * RECORD_LEN),
            files: 0,
        }
    }

    /// Encodes the next file's record (in list order).
    pub fn file(&mut self, file: &FileRecord<&'a str>) -> io::Result<()> {
        let record = self.writer.file(file).ok_or_else(too_large)?;
        self.files = self.files.checked_add(1).ok_or_else(too_large)?;
        self.records.extend_from_slice(&record);
        Ok(())
    }
}

/// How far a part's references move: past the encoder's shared and
/// unshared strings, list words, address keys and link targets.
struct Shift {
    strings: u32,
    unshared: u32,
    words: u32,
    keys: u32,
    links: u32,
}

impl<'a, W: Sink> Encoder<'a, W> {
    /// Writes `part`'s records after those written so far, its strings,
    /// lists, keys and links after this encoder's own.
    pub fn append(&mut self, part: Part<'a>) -> io::Result<()> {
        let Part {
            writer: mut theirs,
            mut records,
            files,
        } = part;
        let ours = &mut self.writer;
        let fits = |a: usize, b: usize| {
            a.checked_add(b)
                .filter(|&total| u32::try_from(total).is_ok())
                .and_then(|_| u32::try_from(a).ok())
                .ok_or_else(too_large)
        };
        let shift = Shift {
            strings: fits(ours.arena.len, theirs.arena.len)?,
            unshared: fits(ours.unshared.len, theirs.unshared.len)?,
            words: fits(ours.lists.len() / 4, theirs.lists.len() / 4)?,
            keys: fits(
                ours.keys.len() / ADDRESS_KEY_LEN,
                theirs.keys.len() / ADDRESS_KEY_LEN,
            )?,
            links: fits(ours.links.len, theirs.links.len)?,
        };
        for record in records.chunks_exact_mut(RECORD_LEN) {
            move_refs(record, &mut theirs.lists, &shift).ok_or_else(too_large)?;
        }
        ours.arena.pieces.append(&mut theirs.arena.pieces);
        ours.arena.len += theirs.arena.len;
        ours.unshared.pieces.append(&mut theirs.unshared.pieces);
        ours.unshared.len += theirs.unshared.len;
        ours.lists.append(&mut theirs.lists);
        ours.keys.append(&mut theirs.keys);
        ours.links.pieces.append(&mut theirs.links.pieces);
        ours.links.len += theirs.links.len;
        self.files = self.files.checked_add(files).ok_or_else(too_large)?;
        if !self.pending.is_empty() {
            let full = std::mem::take(&mut self.pending);
            self.pending = self.out.put_buffer(full)?;
        }
        // Handed over whole; what comes back is not needed.
        self.out.put_buffer(records)?;
        Ok(())
    }
}

/// Adds `by` to the word at byte `at` of `bytes`; `None` past the end or
/// past `u32::MAX`.
fn add(bytes: &mut [u8], at: usize, by: u32) -> Option<()> {
    let moved = u32_at(bytes, at)?.checked_add(by)?;
    put_u32(bytes, at, moved);
    Some(())
}

/// Moves one record's references, and the string offsets in its lists
/// (`lists`: the part's list words), by `shift`.
fn move_refs(record: &mut [u8], lists: &mut [u8], shift: &Shift) -> Option<()> {
    let flags = u32_at(record, at::FLAGS)?;
    let has = |f: u32| flags & f != 0;
    // A list of `stride` words an item at (start, count), whose word
    // `offset_at` of each item is a string offset.
    let mut list = |record: &mut [u8], field: usize, stride: usize, offset_at: usize| {
        let start = u32_at(record, field)? as usize;
        let count = u32_at(record, field + 4)? as usize;
        for item in 0..count {
            let at = start
                .checked_add(item.checked_mul(stride)?)?
                .checked_add(offset_at)?;
            add(lists, at.checked_mul(4)?, shift.strings)?;
        }
        add(record, field, shift.words)
    };
    add(record, at::PREFIX, shift.strings)?;
    add(record, at::NAME, shift.strings)?;
    if has(flag::ARTICLE) {
        add(record, at::TITLE, shift.unshared)?;
        if has(flag::ENCODING) {
            add(record, at::ENCODING, shift.strings)?;
        }
        if has(flag::URL) {
            add(record, at::URL, shift.unshared)?;
        }
        if !has(flag::ID_TAIL) {
            add(record, at::ID, shift.unshared)?;
        }
        if has(flag::ORIGINAL) && !has(flag::ORIGINAL_TAIL) {
            add(record, at::ORIGINAL, shift.unshared)?;
        }
        for field in [at::TAGS, at::CATEGORIES, at::AUTHORS, at::ALIASES] {
            list(record, field, 2, 0)?;
        }
        if has(flag::LINKS) {
            add(record, at::LINKS, shift.links)?;
        }
        if has(flag::ADDRESSES) {
            add(record, at::ADDRESSES, shift.keys)?;
        }
    }
    // Problems: (error flag, offset, length) each.
    list(record, at::PROBLEMS, 3, 1)
}
