//! Writing the cache's bytes (layout in the parent module).

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use crate::article::AddressKey;

use super::{
    DIR_LEN, FORMAT, FileRecord, HEADER_LEN, MAGIC, Meta, RECORD_LEN, ROOT_LEN, at, flag, url_tail,
};

/// The string arena, with the strings stored once.
#[derive(Default)]
struct Arena<'a> {
    bytes: Vec<u8>,
    /// foldhash, not std's `SipHash`: every string of every article is
    /// looked up here, and the strings are the library's, not an attacker's
    /// choice of collisions worth defending against at this cost.
    interned: HashMap<&'a str, (u32, u32), foldhash::fast::RandomState>,
}

impl<'a> Arena<'a> {
    /// Appends `s`; `None` past 4 GiB.
    fn push(&mut self, s: &str) -> Option<(u32, u32)> {
        let at = u32::try_from(self.bytes.len()).ok()?;
        let len = u32::try_from(s.len()).ok()?;
        at.checked_add(len)?;
        self.bytes.extend_from_slice(s.as_bytes());
        Some((at, len))
    }

    fn intern(&mut self, s: &'a str) -> Option<(u32, u32)> {
        if let Some(&found) = self.interned.get(s) {
            return Some(found);
        }
        let placed = self.push(s)?;
        self.interned.insert(s, placed);
        Some(placed)
    }
}

/// The growing file: fixed tables first, lists and strings beside.
struct Writer<'a> {
    records: Vec<u8>,
    /// Little-endian `u32` words.
    lists: Vec<u8>,
    arena: Arena<'a>,
}

fn put_u32(out: &mut [u8], at: usize, v: u32) {
    out[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

fn put_u64(out: &mut [u8], at: usize, v: u64) {
    out[at..at + 8].copy_from_slice(&v.to_le_bytes());
}

fn put_i64(out: &mut [u8], at: usize, v: i64) {
    out[at..at + 8].copy_from_slice(&v.to_le_bytes());
}

fn put_ref(out: &mut [u8], at: usize, (offset, len): (u32, u32)) {
    put_u32(out, at, offset);
    put_u32(out, at + 4, len);
}

impl<'a> Writer<'a> {
    /// How many list words are written.
    fn words(&self) -> Option<u32> {
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

    /// Address keys, six words each; their (start, count).
    fn addresses(&mut self, keys: &[AddressKey]) -> Option<(u32, u32)> {
        let start = self.words()?;
        for k in keys {
            for hash in [k.key, k.host, k.id] {
                self.push_words(&[hash as u32, (hash >> 32) as u32]);
            }
        }
        Some((start, u32::try_from(keys.len()).ok()?))
    }

    fn file(&mut self, file: &FileRecord<&'a str>) -> Option<()> {
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
            put_ref(&mut r, at::TITLE, self.arena.push(a.title)?);
            if let Some(url) = a.url {
                flags |= flag::URL;
                put_ref(&mut r, at::URL, self.arena.push(url)?);
            }
            match url_tail(a.id, a.url) {
                Some(tail) => {
                    flags |= flag::ID_TAIL;
                    put_u32(&mut r, at::ID, tail);
                }
                None => put_ref(&mut r, at::ID, self.arena.push(a.id)?),
            }
            if let Some(original) = a.original_url {
                flags |= flag::ORIGINAL;
                match url_tail(original, a.url) {
                    Some(tail) => {
                        flags |= flag::ORIGINAL_TAIL;
                        put_u32(&mut r, at::ORIGINAL, tail);
                    }
                    None => put_ref(&mut r, at::ORIGINAL, self.arena.push(original)?),
                }
            }
            put_u64(&mut r, at::BODY_OFFSET, a.body_offset);
            put_ref(&mut r, at::TAGS, self.list(&a.tags)?);
            put_ref(&mut r, at::CATEGORIES, self.list(&a.categories)?);
            put_ref(&mut r, at::AUTHORS, self.list(&a.authors)?);
            put_ref(&mut r, at::ALIASES, self.list(&a.aliases)?);
            if let Some(links) = a.links {
                flags |= flag::LINKS;
                put_ref(&mut r, at::LINKS, self.arena.push(links)?);
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
        self.records.extend_from_slice(&r);
        Some(())
    }
}

/// Zeros that pad a part to a multiple of 8 bytes.
const PAD: [u8; 8] = [0; 8];

fn pad8(len: usize) -> &'static [u8] {
    &PAD[..len.next_multiple_of(8) - len]
}

/// The file's bytes as the parts it is made of, in order: written one
/// after the other, never copied into one buffer (that buffer and its
/// growth were most of the memory a cold `list` touched, and fresh memory
/// is slow to fault in).
pub struct Encoded {
    header: [u8; HEADER_LEN],
    records: Vec<u8>,
    dir_table: Vec<u8>,
    roots: Vec<u8>,
    lists: Vec<u8>,
    strings: Vec<u8>,
}

impl Encoded {
    /// The parts, padding included, in file order.
    pub fn parts(&self) -> [&[u8]; 8] {
        [
            &self.header,
            &self.records,
            &self.dir_table,
            &self.roots,
            &self.lists,
            pad8(self.lists.len()),
            &self.strings,
            pad8(self.strings.len()),
        ]
    }
}

/// The whole file in one buffer (for tests).
#[cfg(test)]
pub fn encode(meta: &Meta<&str>, files: &[FileRecord<&str>]) -> Option<Vec<u8>> {
    encode_parts(meta, files).map(|e| e.parts().concat())
}

/// The whole file, as parts to write in order; `None` when it would not
/// fit the format (over 4 GiB of strings, or over 4 billion files).
pub fn encode_parts(meta: &Meta<&str>, files: &[FileRecord<&str>]) -> Option<Encoded> {
    // Room for every string that is not interned, so the arena is never
    // moved while it grows (interned ones are few, and share one copy).
    let loose: usize = files
        .iter()
        .filter_map(|f| f.article.as_ref())
        .map(|a| {
            a.title.len()
                + a.url.map_or(0, str::len)
                + a.id.len()
                + a.original_url.map_or(0, str::len)
                + a.links.map_or(0, str::len)
        })
        .sum();
    let listed: usize = files
        .iter()
        .map(|f| {
            f.article.as_ref().map_or(0, |a| {
                8 * (a.tags.len() + a.categories.len() + a.authors.len() + a.aliases.len())
                    + 24 * a.addresses.as_ref().map_or(0, Vec::len)
            }) + 12 * f.problems.len()
        })
        .sum();
    let mut w = Writer {
        records: Vec::with_capacity(files.len() * RECORD_LEN),
        lists: Vec::with_capacity(listed),
        arena: Arena {
            bytes: Vec::with_capacity(loose + (loose >> 3)),
            interned: HashMap::default(),
        },
    };
    for file in files {
        w.file(file)?;
    }
    let mut dir_table = vec![0u8; meta.dirs.len() * DIR_LEN];
    for (d, dir) in dir_table.chunks_exact_mut(DIR_LEN).zip(&meta.dirs) {
        put_ref(d, 0, w.arena.intern(dir.path)?);
        put_i64(d, 8, dir.mtime.0);
        put_u32(d, 16, dir.mtime.1);
    }
    let mut roots = vec![0u8; meta.roots.len() * ROOT_LEN];
    for (i, root) in meta.roots.iter().enumerate() {
        put_ref(&mut roots, i * ROOT_LEN, w.arena.intern(root)?);
    }
    let mut encoded = Encoded {
        header: [0u8; HEADER_LEN],
        records: w.records,
        dir_table,
        roots,
        lists: w.lists,
        strings: w.arena.bytes,
    };
    let header = &mut encoded.header;
    header[..8].copy_from_slice(MAGIC);
    put_u32(header, 8, FORMAT);
    put_i64(header, 16, meta.build.0);
    put_u32(header, 24, meta.build.1);
    put_i64(header, 32, meta.written_at.0);
    put_u32(header, 40, meta.written_at.1);
    put_u32(header, 48, u32::try_from(files.len()).ok()?);
    put_u32(header, 52, u32::try_from(meta.dirs.len()).ok()?);
    put_u32(header, 56, u32::try_from(meta.roots.len()).ok()?);
    put_u64(header, 64, (encoded.lists.len() / 4) as u64);
    put_u64(header, 72, encoded.strings.len() as u64);
    let body = checksum_parts(&encoded.parts()[1..]);
    let header = &mut encoded.header;
    put_u32(header, 80, body);
    let own = crc32fast::hash(&header[..84]);
    put_u32(header, 84, own);
    Some(encoded)
}

/// CRC-32 of the parts one after the other.
fn checksum_parts(parts: &[&[u8]]) -> u32 {
    let mut all = crc32fast::Hasher::new();
    for part in parts {
        all.combine(&hasher(part));
    }
    all.finalize()
}

/// CRC-32 of `bytes`, blocks in parallel (combined in order).
pub(super) fn checksum(bytes: &[u8]) -> u32 {
    hasher(bytes).finalize()
}

/// [`checksum`]'s state, to combine with others.
fn hasher(bytes: &[u8]) -> crc32fast::Hasher {
    const BLOCK: usize = 1 << 20;
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
