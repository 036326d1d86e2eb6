//! The cache file's bytes, written here and read in place through a memory
//! map ([`view`]): nothing is decoded up front.
//!
//! # Layout (little-endian, every part 8-byte aligned)
//! - a header of [`HEADER_LEN`] bytes: magic, format, the build and the
//!   time it was written, the counts and sizes of the parts below, a CRC-32
//!   of the block checksums (the last part), and a CRC-32 of the header
//!   itself;
//! - the file table: one fixed-width record of [`RECORD_LEN`] bytes per
//!   file, in library order (newest first), so the first screen is the
//!   first records;
//! - the folder table ([`DIR_LEN`] bytes each): every folder listed, with
//!   its time (a warm start checks it);
//! - the roots (string references);
//! - the list words: tag, category and author lists (pairs of string
//!   offset and length) and problem lists (triples: error flag, offset,
//!   length);
//! - the string arena: tags, categories, authors, aliases, file names,
//!   folder paths, encodings and problem reasons, interned (stored once,
//!   however many files use them, in each run of records the writer
//!   encoded apart: a text may lie in a few places, see `encode::Part`);
//! - the unshared strings: titles, links and ids, stored as they come
//!   (kept apart from the arena, so that `tags`, which reads file names,
//!   folder paths and tags, checks and touches ~5 MB of strings at a
//!   million articles, not ~500);
//! - the address keys: each article's own (`Article::addresses`: three
//!   64-bit hashes each, [`ADDRESS_KEY_LEN`] bytes, so a warm start
//!   decodes no address to find the links between articles);
//! - the link targets: each body's (`Article::links`, so a warm start
//!   reads no body to find them);
//! - the block checksums: a CRC-32 of every [`CHECK_BLOCK`] bytes after the
//!   header (the last block shorter), up to the block checksums. A reader of
//!   the whole file checks every block; `tags`, which reads the records,
//!   list words and arena only, checks those up front and a block of the
//!   rest only if it reads from it: the ~500 MB of titles, links and ids at
//!   a million articles are neither summed nor brought back into the page
//!   cache.
//!
//! The address keys and link targets are read in place by the articles (see `article::known`)
//! when the links between articles are found, in one pass each: kept
//! apart from the arena, that pass touches their pages only (~120 MB at a
//! million articles) instead of the whole arena's.

mod checksum;
mod encode;
pub mod view;

use super::Stamp;
use crate::article::AddressKey;
use crate::article::known::ADDRESS_KEY_LEN;

#[cfg(test)]
use encode::encode;
pub use encode::{Encoder, Part, Sink};

const MAGIC: &[u8; 8] = b"INKCACHE";
/// Bump when the layout below changes.
const FORMAT: u32 = 9;
const HEADER_LEN: usize = 96;
const RECORD_LEN: usize = 184;
const DIR_LEN: usize = 24;
const ROOT_LEN: usize = 8;
/// Bytes of the file summed by one block checksum.
const CHECK_BLOCK: usize = 64 * 1024;

/// The header's own CRC-32 (kept at byte 84): of every byte of it but
/// those four.
fn header_crc(header: &[u8]) -> u32 {
    let mut crc = crc32fast::Hasher::new();
    crc.update(header.get(..84).unwrap_or_default());
    crc.update(header.get(88..HEADER_LEN).unwrap_or_default());
    crc.finalize()
}

/// Record flags.
mod flag {
    // Record flags.
    pub const ARTICLE: u32 = 1;
    pub const DATE: u32 = 2;
    pub const UPDATED: u32 = 4;
    pub const URL: u32 = 8;
    pub const ORIGINAL: u32 = 16;
    /// The id is the url from byte `id.0` on.
    pub const ID_TAIL: u32 = 32;
    /// The original url is the url from byte `original.0` on.
    pub const ORIGINAL_TAIL: u32 = 64;
    pub const DATETIME: u32 = 128;
    pub const DRAFT: u32 = 256;
    pub const ENCODING: u32 = 512;
    pub const BODY_HASH: u32 = 1024;
    /// The body's link targets are known (`Article::links`).
    pub const LINKS: u32 = 2048;
    /// The article's own address keys are known (`Article::addresses`).
    pub const ADDRESSES: u32 = 4096;
}

/// Byte offsets of a record's fields.
mod at {
    /// The path up to the file name (interned), then the name (interned):
    /// together, the path exactly as it was found.
    pub const PREFIX: usize = 0;
    pub const NAME: usize = 8;
    pub const SIZE: usize = 16;
    pub const MTIME: usize = 24;
    pub const MTIME_NANOS: usize = 32;
    pub const DATE: usize = 36;
    pub const UPDATED: usize = 40;
    pub const UPDATED_NANOS: usize = 48;
    pub const FLAGS: usize = 52;
    pub const TITLE: usize = 56;
    pub const ID: usize = 64;
    pub const URL: usize = 72;
    pub const ORIGINAL: usize = 80;
    pub const BODY_OFFSET: usize = 88;
    pub const TAGS: usize = 96;
    pub const CATEGORIES: usize = 104;
    pub const AUTHORS: usize = 112;
    pub const PROBLEMS: usize = 120;
    /// The instant (seconds, nanoseconds) and its offset east of UTC.
    pub const DATETIME: usize = 128;
    pub const DATETIME_NANOS: usize = 136;
    pub const DATETIME_OFFSET: usize = 140;
    /// The file's encoding by its WHATWG name (interned), when not UTF-8.
    pub const ENCODING: usize = 144;
    /// `Article::body_hash`, for finding duplicates without reading bodies.
    pub const BODY_HASH: usize = 152;
    /// `Article::links`: one string, the targets one a line, (offset,
    /// length) in the link targets.
    pub const LINKS: usize = 160;
    /// `Article::aliases` (a string list).
    pub const ALIASES: usize = 168;
    /// `Article::addresses`: (first, count) in the address keys.
    pub const ADDRESSES: usize = 176;
}

/// Everything but the files. `S` is `&str` when writing (borrowed from the
/// library, no copies).
#[derive(Debug)]
pub struct Meta<S> {
    /// Identifies the inkstone build that parsed these articles: a new
    /// build may parse differently, so its cache is not trusted.
    pub build: Stamp,
    /// The library roots as given, to reject a cache for other paths.
    pub roots: Vec<S>,
    /// When the cache was written; entries modified at or after this are
    /// re-checked (they may have changed again within the same tick).
    pub written_at: Stamp,
    pub dirs: Vec<DirRecord<S>>,
}

#[derive(Debug, Clone)]
pub struct DirRecord<S> {
    pub path: S,
    pub mtime: Stamp,
}

#[derive(Debug)]
pub struct FileRecord<S> {
    pub path: S,
    pub size: u64,
    pub mtime: Stamp,
    pub article: Option<ArticleRecord<S>>,
    pub problems: Vec<ProblemRecord<S>>,
}

/// An `Article` whose `path` and body path are the file's own path.
#[derive(Debug)]
pub struct ArticleRecord<S> {
    pub url: Option<S>,
    /// Usually the url or its tail: then stored as an offset into it.
    pub id: S,
    pub original_url: Option<S>,
    pub title: S,
    /// Days since 0001-01-01 (chrono's `num_days_from_ce`).
    pub date: Option<i32>,
    /// `Article::datetime`: the instant and its offset east of UTC in
    /// seconds.
    pub datetime: Option<(Stamp, i32)>,
    pub updated: Option<Stamp>,
    pub authors: Vec<S>,
    pub categories: Vec<S>,
    pub tags: Vec<S>,
    pub draft: bool,
    pub body_offset: u64,
    /// The file's encoding by its WHATWG name, when not UTF-8 (the body
    /// format comes from the path).
    pub encoding: Option<S>,
    /// `Article::body_hash`.
    pub body_hash: Option<u64>,
    /// `Article::aliases`.
    pub aliases: Vec<S>,
    /// `Article::links`.
    pub links: Option<S>,
    /// `Article::addresses`, when known.
    pub addresses: Option<Vec<AddressKey>>,
}

#[derive(Debug)]
pub struct ProblemRecord<S> {
    pub error: bool,
    pub reason: S,
}

/// Where `text` starts in `url` when it is a tail of it.
fn url_tail(text: &str, url: Option<&str>) -> Option<u32> {
    let url = url?;
    let at = url.len().checked_sub(text.len())?;
    (url.get(at..) == Some(text)).then(|| u32::try_from(at).ok())?
}

#[cfg(test)]
mod tests;
