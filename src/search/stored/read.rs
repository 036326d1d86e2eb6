//! Opening a stored index and reading its lists and texts.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use self::bytes::Store;
use super::codes::Codes;
use super::format::{DOC_LEN, DocRecord, HEADER_LEN, Header, SAMPLE_LEN, Sample};
use super::write::checksum;
use crate::cache::FileKey;

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

/// The stored bodies' file versions in document order, as read at
/// opening: for matching them to articles, without a path object each
/// (a million of them would hold some 150 MB).
#[derive(Debug, Default)]
pub(crate) struct DocTable {
    records: Vec<DocRecord>,
    /// Every path, one after the other (`records[d].path_end` ends `d`'s).
    paths: Vec<u8>,
}

impl DocTable {
    pub(crate) fn len(&self) -> usize {
        self.records.len()
    }

    /// Document `doc`'s path, as the bytes of its UTF-8.
    pub(crate) fn path(&self, doc: usize) -> &[u8] {
        let start = doc
            .checked_sub(1)
            .map_or(0, |d| self.records[d].path_end as usize);
        &self.paths[start..self.records[doc].path_end as usize]
    }

    pub(crate) fn key(&self, doc: usize) -> FileKey {
        self.records[doc].key
    }

    pub(crate) fn body_offset(&self, doc: usize) -> u64 {
        self.records[doc].body_offset
    }
}

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

    fn load(store: Store, len: u64) -> Option<(Arc<StoredIndex>, DocTable)> {
        let bytes = store.bytes();
        let mut head = [0; HEADER_LEN];
        bytes.read_exact_at(&mut head, 0).ok()?;
        let header = Header::parse(&head, len)?;
        if header.end - header.sample > MAX_TABLES {
            return None;
        }
        // Paths apart from the rest, so the table of documents keeps
        // them without a copy.
        let mut tables = vec![0; (header.paths_at - header.sample) as usize];
        bytes.read_exact_at(&mut tables, header.sample).ok()?;
        let mut paths = vec![0; (header.end - header.paths_at) as usize];
        bytes.read_exact_at(&mut paths, header.paths_at).ok()?;
        if checksum(&header, &[&tables, &paths]) != header.crc {
            return None;
        }
        let at = |offset: u64| (offset - header.sample) as usize;
        let sample: Vec<Sample> = tables[..at(header.codes_at)]
            .chunks_exact(SAMPLE_LEN)
            .map(Sample::parse)
            .collect();
        let chars: Option<Vec<char>> = tables[at(header.codes_at)..at(header.docs_at)]
            .chunks_exact(4)
            .map(|b| char::from_u32(u32::from_le_bytes(b.try_into().unwrap_or_default())))
            .collect();
        let codes = Codes::from_chars(chars?)?;
        let records: Vec<DocRecord> = tables[at(header.docs_at)..]
            .chunks_exact(DOC_LEN)
            .map(DocRecord::parse)
            .collect();
        drop(tables);
        let text_len = header.postings - HEADER_LEN as u64;
        let mut text_ends = Vec::with_capacity(records.len());
        let (mut path_start, mut text_start) = (0usize, 0u64);
        for r in &records {
            let path_end = r.path_end as usize;
            if path_end < path_start
                || path_end > paths.len()
                || r.text_end < text_start
                || r.text_end > text_len
            {
                return None;
            }
            text_ends.push(r.text_end);
            (path_start, text_start) = (path_end, r.text_end);
        }
        let docs = DocTable { records, paths };
        let index = StoredIndex {
            store,
            header,
            sample,
            codes,
            text_ends,
        };
        Some((Arc::new(index), docs))
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
mod lookup;
