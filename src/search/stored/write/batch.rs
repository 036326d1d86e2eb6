//! Sorted batches of keys set aside until the merge: a batch ends after
//! [`BATCH_DOCS`] documents or [`BATCH_PAIRS`] keys, whichever comes
//! first, so the keys held in memory stay under 16 MiB (and as much again
//! to sort them in, see [`radix`]) however long the bodies are.

use std::io::{self, Seek, Write};

use super::super::postings::put_varint;
use super::super::read::Bytes;
use super::Writer;
use super::output::TempFile;
use super::radix;

/// Documents in one batch at most: their numbers within it take 12 bits.
const BATCH_DOCS: u32 = 4096;
/// Keys (of all its documents) in one batch at most, unless one document
/// alone has more: 16 MiB of them. Some 900 news articles; smaller
/// batches only add a few bytes per key to the side and a reader to the
/// merge.
pub(super) const BATCH_PAIRS: usize = 2 << 20;

/// Where sorted batches wait for the merge: per batch, where it starts on
/// the side, its length and its first document.
pub(super) enum Side {
    Memory(Vec<u8>, Vec<(u64, u64, u32)>),
    File(TempFile, u64, Vec<(u64, u64, u32)>),
}

impl Side {
    pub(super) fn in_memory() -> Self {
        Side::Memory(Vec::new(), Vec::new())
    }

    pub(super) fn in_file(temp: TempFile) -> Self {
        Side::File(temp, 0, Vec::new())
    }

    pub(super) fn batches(&self) -> &[(u64, u64, u32)] {
        match self {
            Side::Memory(_, b) | Side::File(_, _, b) => b,
        }
    }

    pub(super) fn bytes(&self) -> Bytes<'_> {
        match self {
            Side::Memory(all, _) => Bytes::Memory(all),
            Side::File(temp, _, _) => Bytes::File(&temp.file),
        }
    }

    fn append(&mut self, bytes: &[u8], base: u32) -> io::Result<()> {
        match self {
            Side::Memory(all, batches) => {
                batches.push((all.len() as u64, bytes.len() as u64, base));
                all.extend_from_slice(bytes);
            }
            Side::File(temp, len, batches) => {
                temp.file.write_all(bytes)?;
                batches.push((*len, bytes.len() as u64, base));
                *len += bytes.len() as u64;
            }
        }
        Ok(())
    }
}

impl<W: Write + Seek> Writer<W> {
    /// Whether the batch must be set aside before a document with `keys`
    /// keys joins it.
    pub(super) fn batch_is_full(&self, keys: usize) -> bool {
        let docs = self.docs - self.batch_base;
        docs >= BATCH_DOCS || (!self.pairs.is_empty() && self.pairs.len() + keys > self.batch_pairs)
    }

    /// Sorts the batch's keys and appends them to the side: per key, the key
    /// (as a gap from the previous), the count and the documents (gaps).
    /// The next batch starts with the next document.
    pub(super) fn flush_batch(&mut self) -> io::Result<()> {
        let base = self.batch_base;
        self.batch_base = self.docs;
        if self.pairs.is_empty() {
            return Ok(());
        }
        radix::sort_pairs(&mut self.pairs, &mut self.sorted);
        let pairs = &mut self.pairs;
        let mut bytes = Vec::with_capacity(pairs.len() * 2);
        let mut previous_key = 0;
        let mut i = 0;
        while i < pairs.len() {
            let key = pairs[i] >> 12;
            let end = i + pairs[i..].partition_point(|p| p >> 12 == key);
            put_varint(key - previous_key, &mut bytes);
            put_varint((end - i) as u64, &mut bytes);
            let mut previous_doc = 0;
            for p in &pairs[i..end] {
                let doc = p & 0xFFF;
                put_varint(doc - previous_doc, &mut bytes);
                previous_doc = doc;
            }
            previous_key = key;
            i = end;
        }
        pairs.clear();
        self.side.append(&bytes, base)
    }
}
