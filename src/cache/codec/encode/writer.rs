//! The record table, list words and string arena as they are built, one
//! file at a time.

use std::collections::HashMap;
use std::path::Path;

use super::{put_i64, put_ref, put_u32, put_u64};
use crate::article::AddressKey;
use crate::article::known::{ADDRESS_KEY_LEN, encode_key};
use crate::cache::codec::{FileRecord, RECORD_LEN, at, flag, url_tail};

/// A string arena, with the shared strings stored once. The strings are kept
/// as the library's own, in file order, and written out one after the
/// other: never copied into one buffer first (that buffer was most of the
/// memory a cold `list` touched for the cache, and fresh memory is slow to
/// fault in).
#[derive(Default)]
pub(super) struct Arena<'a> {
    pub(super) pieces: Vec<&'a [u8]>,
    /// The arena's length so far.
    pub(super) len: usize,
    /// foldhash, not std's `SipHash`: every string of every article is
    /// looked up here, and the strings are the library's, not an attacker's
    /// choice of collisions worth defending against at this cost.
    pub(super) interned: HashMap<&'a str, (u32, u32), foldhash::fast::RandomState>,
}

impl<'a> Arena<'a> {
    /// Appends `s`; `None` past 4 GiB.
    fn push(&mut self, s: &'a str) -> Option<(u32, u32)> {
        let at = u32::try_from(self.len).ok()?;
        let len = u32::try_from(s.len()).ok()?;
        at.checked_add(len)?;
        self.pieces.push(s.as_bytes());
        self.len += s.len();
        Some((at, len))
    }

    pub(super) fn intern(&mut self, s: &'a str) -> Option<(u32, u32)> {
        if let Some(&found) = self.interned.get(s) {
            return Some(found);
        }
        let placed = self.push(s)?;
        self.interned.insert(s, placed);
        Some(placed)
    }
}

/// The list words, strings, address keys and link targets of the file
/// as its records are made.
#[derive(Default)]
pub(super) struct Writer<'a> {
    /// Little-endian `u32` words.
    pub(super) lists: Vec<u8>,
    pub(super) arena: Arena<'a>,
    /// Titles, links and ids, stored as they come (see the layout: kept
    /// apart from the shared strings, which `tags` reads).
    pub(super) unshared: Arena<'a>,
    /// Every article's address keys, [`ADDRESS_KEY_LEN`] bytes each.
    pub(super) keys: Vec<u8>,
    /// Every body's link targets (none interned).
    pub(super) links: Arena<'a>,
}

impl<'a> Writer<'a> {
    /// A writer with room for about `files` files.
    pub(super) fn with_room(files: usize) -> Writer<'a> {
        let mut writer = Writer::default();
        // A title, a link and often an id each; a name each (mostly new).
        writer.unshared.pieces.reserve(files * 3);
        writer.arena.pieces.reserve(files + files / 8);
        // Every file's name is looked up (most are new), and folders,
        // labels and problems beside them: sized once rather than grown
        // and rehashed on the way (an eighth more than the files grew the
        // table once in the 49k archive; a table's buckets are a power of
        // two, so this takes no more room than that did at a million).
        writer.arena.interned.reserve(files + files / 2);
        writer
    }

    /// How many list words are written.
    pub(super) fn words(&self) -> Option<u32> {
        u32::try_from(self.lists.len() / 4).ok()
    }

    fn push_words(&mut self, words: &[u32]) {
        for word in words {
            self.lists.extend_from_slice(&word.to_le_bytes());
        }
    }

    /// An interned string list; its (start, count) in the list words.
    fn list(&mut self, items: &[&'a str]) -> Option<(u32, u32)> {
        let start = self.words()?;
        for item in items {
            let (offset, len) = self.arena.intern(item)?;
            self.push_words(&[offset, len]);
        }
        Some((start, u32::try_from(items.len()).ok()?))
    }

    /// Address keys; their (first, count) in the address keys.
    fn addresses(&mut self, keys: &[AddressKey]) -> Option<(u32, u32)> {
        let first = u32::try_from(self.keys.len() / ADDRESS_KEY_LEN).ok()?;
        for k in keys {
            self.keys.extend_from_slice(&encode_key(k));
        }
        first.checked_add(u32::try_from(keys.len()).ok()?)?;
        Some((first, u32::try_from(keys.len()).ok()?))
    }

    /// `file`'s record, its lists and strings added.
    pub(super) fn file(&mut self, file: &FileRecord<&'a str>) -> Option<[u8; RECORD_LEN]> {
        // Split at the file name so both halves are shared with other files;
        // a path that does not end with its name is stored whole.
        let name = Path::new(file.path)
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| file.path.ends_with(n))
            .unwrap_or_default();
        let prefix = &file.path[..file.path.len() - name.len()];
        let mut r = [0u8; RECORD_LEN];
        put_ref(&mut r, at::PREFIX, self.arena.intern(prefix)?);
        put_ref(&mut r, at::NAME, self.arena.intern(name)?);
        put_u64(&mut r, at::SIZE, file.size);
        put_i64(&mut r, at::MTIME, file.mtime.0);
        put_u32(&mut r, at::MTIME_NANOS, file.mtime.1);
        let mut flags = 0;
        if let Some(a) = &file.article {
            flags |= flag::ARTICLE;
            if let Some(date) = a.date {
                flags |= flag::DATE;
                r[at::DATE..at::DATE + 4].copy_from_slice(&date.to_le_bytes());
            }
            if let Some((at, east)) = a.datetime {
                flags |= flag::DATETIME;
                put_i64(&mut r, at::DATETIME, at.0);
                put_u32(&mut r, at::DATETIME_NANOS, at.1);
                r[at::DATETIME_OFFSET..at::DATETIME_OFFSET + 4]
                    .copy_from_slice(&east.to_le_bytes());
            }
            if a.draft {
                flags |= flag::DRAFT;
            }
            if let Some(hash) = a.body_hash {
                flags |= flag::BODY_HASH;
                put_u64(&mut r, at::BODY_HASH, hash);
            }
            if let Some(encoding) = a.encoding {
                flags |= flag::ENCODING;
                put_ref(&mut r, at::ENCODING, self.arena.intern(encoding)?);
            }
            if let Some(updated) = a.updated {
                flags |= flag::UPDATED;
                put_i64(&mut r, at::UPDATED, updated.0);
                put_u32(&mut r, at::UPDATED_NANOS, updated.1);
            }
            put_ref(&mut r, at::TITLE, self.unshared.push(a.title)?);
            if let Some(url) = a.url {
                flags |= flag::URL;
                put_ref(&mut r, at::URL, self.unshared.push(url)?);
            }
            match url_tail(a.id, a.url) {
                Some(tail) => {
                    flags |= flag::ID_TAIL;
                    put_u32(&mut r, at::ID, tail);
                }
                None => put_ref(&mut r, at::ID, self.unshared.push(a.id)?),
            }
            if let Some(original) = a.original_url {
                flags |= flag::ORIGINAL;
                match url_tail(original, a.url) {
                    Some(tail) => {
                        flags |= flag::ORIGINAL_TAIL;
                        put_u32(&mut r, at::ORIGINAL, tail);
                    }
                    None => put_ref(&mut r, at::ORIGINAL, self.unshared.push(original)?),
                }
            }
            put_u64(&mut r, at::BODY_OFFSET, a.body_offset);
            put_ref(&mut r, at::TAGS, self.list(&a.tags)?);
            put_ref(&mut r, at::CATEGORIES, self.list(&a.categories)?);
            put_ref(&mut r, at::AUTHORS, self.list(&a.authors)?);
            put_ref(&mut r, at::ALIASES, self.list(&a.aliases)?);
            if let Some(links) = a.links {
                flags |= flag::LINKS;
                put_ref(&mut r, at::LINKS, self.links.push(links)?);
            }
            if let Some(addresses) = &a.addresses {
                flags |= flag::ADDRESSES;
                put_ref(&mut r, at::ADDRESSES, self.addresses(addresses)?);
            }
        }
        put_u32(&mut r, at::FLAGS, flags);
        let start = self.words()?;
        for p in &file.problems {
            let (offset, len) = self.arena.intern(p.reason)?;
            self.push_words(&[u32::from(p.error), offset, len]);
        }
        put_ref(
            &mut r,
            at::PROBLEMS,
            (start, u32::try_from(file.problems.len()).ok()?),
        );
        Some(r)
    }
}
