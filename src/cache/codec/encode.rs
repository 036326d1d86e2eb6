//! Writing the cache's bytes (layout in the parent module).

mod writer;

use std::collections::HashMap;

use super::checksum::checksum_parts;
use super::{DIR_LEN, FORMAT, FileRecord, HEADER_LEN, MAGIC, Meta, RECORD_LEN, ROOT_LEN};
use writer::{Arena, Writer};

pub(super) fn put_u32(out: &mut [u8], at: usize, v: u32) {
    out[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

pub(super) fn put_u64(out: &mut [u8], at: usize, v: u64) {
    out[at..at + 8].copy_from_slice(&v.to_le_bytes());
}

pub(super) fn put_i64(out: &mut [u8], at: usize, v: i64) {
    out[at..at + 8].copy_from_slice(&v.to_le_bytes());
}

pub(super) fn put_ref(out: &mut [u8], at: usize, (offset, len): (u32, u32)) {
    put_u32(out, at, offset);
    put_u32(out, at + 4, len);
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
pub struct Encoded<'a> {
    header: [u8; HEADER_LEN],
    records: Vec<u8>,
    dir_table: Vec<u8>,
    roots: Vec<u8>,
    lists: Vec<u8>,
    /// The string arena, the library's strings in file order.
    strings: Vec<&'a [u8]>,
    strings_len: usize,
}

impl Encoded<'_> {
    /// The parts, padding included, in file order (the string arena as its
    /// strings, one part each).
    pub fn parts(&self) -> Vec<&[u8]> {
        let mut parts = Vec::with_capacity(self.strings.len() + 7);
        parts.extend([
            &self.header[..],
            &self.records,
            &self.dir_table,
            &self.roots,
            &self.lists,
            pad8(self.lists.len()),
        ]);
        parts.extend(self.strings.iter().copied());
        parts.push(pad8(self.strings_len));
        parts
    }
}

/// The whole file in one buffer (for tests).
#[cfg(test)]
pub fn encode(meta: &Meta<&str>, files: &[FileRecord<&str>]) -> Option<Vec<u8>> {
    encode_parts(meta, files).map(|e| e.parts().concat())
}

/// The whole file, as parts to write in order; `None` when it would not
/// fit the format (over 4 GiB of strings, or over 4 billion files).
pub fn encode_parts<'a>(
    meta: &Meta<&'a str>,
    files: &[FileRecord<&'a str>],
) -> Option<Encoded<'a>> {
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
            pieces: Vec::with_capacity(files.len() * 4),
            len: 0,
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
        strings: w.arena.pieces,
        strings_len: w.arena.len,
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
    put_u64(header, 72, encoded.strings_len as u64);
    let body = checksum_parts(&encoded.parts()[1..]);
    let header = &mut encoded.header;
    put_u32(header, 80, body);
    let own = crc32fast::hash(&header[..84]);
    put_u32(header, 84, own);
    Some(encoded)
}
