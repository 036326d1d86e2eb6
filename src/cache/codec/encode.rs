//! Writing the cache's bytes (layout in the parent module).

mod part;
mod writer;

use std::io::{self, Seek, SeekFrom, Write};

use super::{
    ADDRESS_KEY_LEN, CHECK_BLOCK, DIR_LEN, FORMAT, FileRecord, HEADER_LEN, MAGIC, Meta, ROOT_LEN,
    header_crc,
};
pub use part::Part;
use writer::Writer;

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

/// How many bytes of records or strings are summed and written at once.
const STRING_CHUNK: usize = 64 * 1024;

/// How many bytes of strings are written between two calls of the
/// release given to [`Encoder::release_with`].
const RELEASE_BYTES: usize = 16 * 1024 * 1024;

/// Zeros that pad a part to a multiple of 8 bytes.
const PAD: [u8; 8] = [0; 8];

fn pad8(len: usize) -> &'static [u8] {
    &PAD[..len.next_multiple_of(8) - len]
}

/// The cache file written as it is encoded, a chunk of records at a time
/// (64 KiB), to `out`: the record table is never held in memory (184 bytes
/// a file, and the records they are made from several times that; fresh
/// memory is slow to fault in, and the reader's first start writes the
/// cache while its search index builds). Only the list words and the
/// places of the arena's strings (the library's own, not copied) are kept
/// until [`Encoder::finish`] writes them after the records, then the
/// header at the start.
pub struct Encoder<'a, W: Sink> {
    out: Summed<W>,
    writer: Writer<'a>,
    files: u32,
    /// Records not yet written, summed and written a chunk at a time.
    pending: Vec<u8>,
    /// Lets the pages of mapped files the strings are read from go (see
    /// [`Encoder::release_with`]).
    release: Option<Box<dyn Fn() + Send + Sync + 'a>>,
}

/// Where the encoder's bytes go: any writer, or one that takes over whole
/// buffers instead of copying them (hundreds of megabytes of records and
/// strings at a million articles, copied once already into the encoder's
/// chunks).
pub trait Sink: Write + Seek {
    /// Writes `bytes`; gives back an empty buffer to fill next.
    fn put_buffer(&mut self, mut bytes: Vec<u8>) -> io::Result<Vec<u8>> {
        self.write_all(&bytes)?;
        bytes.clear();
        Ok(bytes)
    }
}

impl Sink for io::Cursor<Vec<u8>> {}

/// A writer that sums what goes through it: the CRC-32 of every
/// [`CHECK_BLOCK`] bytes after the header (see the layout).
struct Summed<W> {
    out: W,
    /// The block being summed, and how many of its bytes it has had.
    block: crc32fast::Hasher,
    filled: usize,
    /// The finished blocks' checksums, little-endian.
    sums: Vec<u8>,
}

impl<W: Sink> Summed<W> {
    fn new(out: W) -> Self {
        Summed {
            out,
            block: crc32fast::Hasher::new(),
            filled: 0,
            sums: Vec::new(),
        }
    }

    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.sum(bytes);
        self.out.write_all(bytes)
    }

    /// [`Summed::put`] of a whole buffer, handed over; an empty one back.
    fn put_buffer(&mut self, bytes: Vec<u8>) -> io::Result<Vec<u8>> {
        self.sum(&bytes);
        self.out.put_buffer(bytes)
    }

    fn sum(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while !rest.is_empty() {
            let (now, later) = rest.split_at(rest.len().min(CHECK_BLOCK - self.filled));
            self.block.update(now);
            self.filled += now.len();
            if self.filled == CHECK_BLOCK {
                self.end_block();
            }
            rest = later;
        }
    }

    fn end_block(&mut self) {
        let block = std::mem::replace(&mut self.block, crc32fast::Hasher::new());
        self.sums.extend_from_slice(&block.finalize().to_le_bytes());
        self.filled = 0;
    }

    /// Every block's checksum, the last (shorter) block's included.
    fn sums(&mut self) -> Vec<u8> {
        if self.filled > 0 {
            self.end_block();
        }
        std::mem::take(&mut self.sums)
    }
}

/// More than the format holds (over 4 GiB of strings, or over 4 billion
/// files).
fn too_large() -> io::Error {
    io::Error::other("the library does not fit the cache format")
}

impl<'a, W: Sink> Encoder<'a, W> {
    /// Starts the file at `out`'s position 0 (the header is written last),
    /// with room for about `files` files.
    pub fn new(mut out: W, files: usize) -> io::Result<Self> {
        out.write_all(&[0; HEADER_LEN])?;
        Ok(Encoder {
            out: Summed::new(out),
            writer: Writer::with_room(files),
            files: 0,
            pending: Vec::with_capacity(STRING_CHUNK),
            release: None,
        })
    }

    /// Calls `release` every [`RELEASE_BYTES`] of strings written out by
    /// [`Encoder::finish`]: strings read in place from the old cache's
    /// mapped file (links, link targets) would otherwise keep every page
    /// of it in the process's memory (~500 MB at a million articles).
    pub fn release_with(&mut self, release: impl Fn() + Send + Sync + 'a) {
        self.release = Some(Box::new(release));
    }

    /// Writes the next file's record (in list order).
    pub fn file(&mut self, file: &FileRecord<&'a str>) -> io::Result<()> {
        let record = self.writer.file(file).ok_or_else(too_large)?;
        self.files = self.files.checked_add(1).ok_or_else(too_large)?;
        if self.pending.len() + record.len() > STRING_CHUNK {
            let full = std::mem::take(&mut self.pending);
            self.pending = self.out.put_buffer(full)?;
        }
        self.pending.extend_from_slice(&record);
        Ok(())
    }

    /// Writes the folders, roots, list words and strings, then the header;
    /// gives `out` back.
    pub fn finish(mut self, meta: &Meta<&'a str>) -> io::Result<W> {
        let chunk = self.out.put_buffer(std::mem::take(&mut self.pending))?;
        let w = &mut self.writer;
        let mut dir_table = vec![0u8; meta.dirs.len() * DIR_LEN];
        for (d, dir) in dir_table.chunks_exact_mut(DIR_LEN).zip(&meta.dirs) {
            put_ref(d, 0, w.arena.intern(dir.path).ok_or_else(too_large)?);
            put_i64(d, 8, dir.mtime.0);
            put_u32(d, 16, dir.mtime.1);
        }
        let mut roots = vec![0u8; meta.roots.len() * ROOT_LEN];
        for (i, root) in meta.roots.iter().enumerate() {
            put_ref(
                &mut roots,
                i * ROOT_LEN,
                w.arena.intern(root).ok_or_else(too_large)?,
            );
        }
        let Writer {
            lists,
            arena,
            unshared,
            keys,
            links,
        } = std::mem::take(&mut self.writer);
        let out = &mut self.out;
        out.put(&dir_table)?;
        out.put(&roots)?;
        out.put(&lists)?;
        out.put(pad8(lists.len()))?;
        let release = self.release.as_deref().unwrap_or(&|| {});
        let chunk = put_pieces(out, &arena, chunk, release)?;
        let chunk = put_pieces(out, &unshared, chunk, release)?;
        // Whole keys of 24 bytes: a multiple of 8.
        out.put(&keys)?;
        put_pieces(out, &links, chunk, release)?;
        // The block checksums are not summed: the header vouches for them.
        let sums = out.sums();
        out.out.write_all(&sums)?;
        out.out.write_all(pad8(sums.len()))?;
        let too_many = |n: usize| u32::try_from(n).map_err(|_| too_large());
        let mut header = [0u8; HEADER_LEN];
        header[..8].copy_from_slice(MAGIC);
        put_u32(&mut header, 8, FORMAT);
        put_u32(&mut header, 12, too_many(unshared.len)?);
        put_i64(&mut header, 16, meta.build.0);
        put_u32(&mut header, 24, meta.build.1);
        put_i64(&mut header, 32, meta.written_at.0);
        put_u32(&mut header, 40, meta.written_at.1);
        put_u32(&mut header, 48, self.files);
        put_u32(&mut header, 52, too_many(meta.dirs.len())?);
        put_u32(&mut header, 56, too_many(meta.roots.len())?);
        put_u32(&mut header, 60, too_many(keys.len() / ADDRESS_KEY_LEN)?);
        put_u64(&mut header, 64, (lists.len() / 4) as u64);
        put_u64(&mut header, 72, arena.len as u64);
        put_u32(&mut header, 80, crc32fast::hash(&sums));
        put_u64(&mut header, 88, links.len as u64);
        let own = header_crc(&header);
        put_u32(&mut header, 84, own);
        let mut out = self.out.out;
        out.seek(SeekFrom::Start(0))?;
        out.write_all(&header)?;
        Ok(out)
    }
}

/// An arena's strings, then zeros to a multiple of 8 bytes, gathered in
/// `chunk` (empty; an empty one is given back). Gathered into chunks
/// first: summed and written a piece at a time, the checksum's and the
/// writer's cost per call made this a good part of the cache write
/// (hundreds of thousands of short strings). Each chunk is handed over
/// whole, not copied again.
fn put_pieces<W: Sink>(
    out: &mut Summed<W>,
    arena: &writer::Arena<'_>,
    mut chunk: Vec<u8>,
    release: &dyn Fn(),
) -> io::Result<Vec<u8>> {
    let mut since_release = 0;
    for piece in &arena.pieces {
        if chunk.len() + piece.len() > STRING_CHUNK {
            since_release += chunk.len();
            chunk = out.put_buffer(chunk)?;
            if since_release >= RELEASE_BYTES {
                release();
                since_release = 0;
            }
        }
        if piece.len() >= STRING_CHUNK {
            out.put(piece)?;
        } else {
            chunk.extend_from_slice(piece);
        }
    }
    chunk.extend_from_slice(pad8(arena.len));
    let chunk = out.put_buffer(chunk)?;
    release();
    Ok(chunk)
}

/// The whole file in one buffer (for tests).
#[cfg(test)]
pub fn encode(meta: &Meta<&str>, files: &[FileRecord<&str>]) -> Option<Vec<u8>> {
    let mut encoder = Encoder::new(io::Cursor::new(Vec::new()), files.len()).ok()?;
    for file in files {
        encoder.file(file).ok()?;
    }
    encoder.finish(meta).ok().map(io::Cursor::into_inner)
}
