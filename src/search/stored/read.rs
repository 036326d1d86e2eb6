//! Opening a stored index and reading its lists and texts.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use self::bytes::Store;
use super::codes::Codes;
use super::format::{DOC_LEN, DocRecord, HEADER_LEN, Header, SAMPLE_LEN, Sample};

pub(crate) use self::bytes::Bytes;

/// The largest table opening will read (paths, documents, codes, sample
/// together): far above any real archive's, it keeps a hostile file from
/// making the reader allocate without bound.
const MAX_TABLES: u64 = 2 << 30;

/// An open stored index. Holds the dictionary sample, the codes and where
/// each text ends; everything else is read when a query needs it.
#[derive(Debug)]
pub(crate) struct StoredIndex {
    store: Store,
    header: Header,
    sample: Vec<Sample>,
    codes: Codes,
    /// Where each document's packed text ends (relative to the texts).
    text_ends: Vec<u64>,
}

pub(crate) use self::docs::DocTable;

/// Bytes of the document table and paths read at a time at opening, so
/// checking them never holds them whole (at a million articles they are
/// ~120 MB).
const READ_STEP: usize = 1 << 20;

impl StoredIndex {
    /// Opens the index at `path`: `None` if it is missing, not a regular
    /// file, or not a whole, sound index of this build's folding.
    pub(crate) fn open(path: &Path) -> Option<(Arc<StoredIndex>, DocTable)> {
        // A FIFO or device in its place must not block or feed the reader.
        let file = crate::regular_file::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        Self::load(Store::File(file), len)
    }

    /// The index in `file` (as `Writer::commit` returns it).
    pub(crate) fn from_file(file: File) -> Option<(Arc<StoredIndex>, DocTable)> {
        let len = file.metadata().ok()?.len();
        Self::load(Store::File(file), len)
    }

    /// An index written to memory (see `Writer::in_memory`).
    pub(crate) fn from_bytes(bytes: Vec<u8>) -> Option<(Arc<StoredIndex>, DocTable)> {
        let len = bytes.len() as u64;
        Self::load(Store::Memory(bytes), len)
    }

    fn bytes(&self) -> Bytes<'_> {
        self.store.bytes()
    }

    /// Checks the header and the tables read at opening against the
    /// checksum, a part at a time, keeping the sample, the codes and where
    /// each text ends; the document table is read again when it is used
    /// (see [`DocTable`]).
    fn load(store: Store, len: u64) -> Option<(Arc<StoredIndex>, DocTable)> {
        let bytes = store.bytes();
        let mut head = [0; HEADER_LEN];
        bytes.read_exact_at(&mut head, 0).ok()?;
        let header = Header::parse(&head, len)?;
        if header.end - header.sample > MAX_TABLES {
            return None;
        }
        let mut hasher = header.checksum_start();
        let mut small = vec![0; (header.docs_at - header.sample) as usize];
        bytes.read_exact_at(&mut small, header.sample).ok()?;
        hasher.update(&small);
        let codes_at = (header.codes_at - header.sample) as usize;
        let sample: Vec<Sample> = small[..codes_at]
            .chunks_exact(SAMPLE_LEN)
            .map(Sample::parse)
            .collect();
        let chars: Option<Vec<char>> = small[codes_at..]
            .chunks_exact(4)
            .map(|b| char::from_u32(u32::from_le_bytes(b.try_into().unwrap_or_default())))
            .collect();
        drop(small);
        let codes = Codes::from_chars(chars?)?;
        let docs = u64::from(header.docs);
        let paths_len = header.end - header.paths_at;
        let text_len = header.postings - HEADER_LEN as u64;
        let mut text_ends = Vec::with_capacity(header.docs as usize);
        let (mut path_start, mut text_start) = (0u64, 0u64);
        let mut part = Vec::new();
        let step = (READ_STEP / DOC_LEN) as u64;
        for first in (0..docs).step_by(step as usize) {
            let n = step.min(docs - first);
            part.resize(n as usize * DOC_LEN, 0);
            let at = header.docs_at + first * DOC_LEN as u64;
            bytes.read_exact_at(&mut part, at).ok()?;
            hasher.update(&part);
            for r in part.chunks_exact(DOC_LEN).map(DocRecord::parse) {
                let path_end = u64::from(r.path_end);
                if path_end < path_start
                    || path_end > paths_len
                    || r.text_end < text_start
                    || r.text_end > text_len
                {
                    return None;
                }
                text_ends.push(r.text_end);
                (path_start, text_start) = (path_end, r.text_end);
            }
        }
        for at in (header.paths_at..header.end).step_by(READ_STEP) {
            part.resize(READ_STEP.min((header.end - at) as usize), 0);
            bytes.read_exact_at(&mut part, at).ok()?;
            hasher.update(&part);
        }
        if hasher.finalize() != header.crc {
            return None;
        }
        let index = Arc::new(StoredIndex {
            store,
            header,
            sample,
            codes,
            text_ends,
        });
        let docs = DocTable::new(Arc::clone(&index));
        Some((index, docs))
    }

    pub(crate) fn doc_count(&self) -> u32 {
        self.header.docs
    }

    /// Bytes this holds in memory.
    pub(crate) fn memory(&self) -> usize {
        let store = match &self.store {
            Store::Memory(all) => all.capacity(),
            Store::File(_) => 0,
        };
        store + self.sample.capacity() * size_of::<Sample>() + self.text_ends.capacity() * 8
    }

    /// Whether its bytes are held in memory rather than read from a file.
    #[cfg(test)]
    pub(crate) fn is_in_memory(&self) -> bool {
        matches!(self.store, Store::Memory(_))
    }

    /// The size of the file's parts: packed text, lists, the rest.
    pub(crate) fn sizes(&self) -> (u64, u64, u64) {
        let h = &self.header;
        (
            h.postings - HEADER_LEN as u64,
            h.dict - h.postings,
            h.end - h.dict + HEADER_LEN as u64,
        )
    }
}

mod bytes;
mod docs;
mod lookup;
