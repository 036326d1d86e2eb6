//! Opening a stored index and reading its lists and texts.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::DICT_BLOCK;
use super::codes::Codes;
use super::format::{DOC_LEN, DocRecord, HEADER_LEN, Header, SAMPLE_LEN, Sample};
use super::postings::{decode, take_varint};
use super::write::checksum;
use crate::cache::FileKey;

/// The largest table opening will read (paths, documents, codes, sample
/// together): far above any real archive's, it keeps a hostile file from
/// making the reader allocate without bound.
const MAX_TABLES: u64 = 2 << 30;

/// Where a stored index's bytes are.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Bytes<'a> {
    Memory(&'a [u8]),
    File(&'a File),
}

impl Bytes<'_> {
    /// Fills `buf` from `offset`; an error if the bytes end first.
    pub(crate) fn read_exact_at(&self, buf: &mut [u8], offset: u64) -> io::Result<()> {
        match self {
            Bytes::Memory(all) => {
                let start = usize::try_from(offset).unwrap_or(usize::MAX);
                let part = start
                    .checked_add(buf.len())
                    .and_then(|end| all.get(start..end))
                    .ok_or(io::ErrorKind::UnexpectedEof)?;
                buf.copy_from_slice(part);
                Ok(())
            }
            Bytes::File(file) => read_exact_at(file, buf, offset),
        }
    }
}

#[cfg(unix)]
pub(crate) fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
pub(crate) fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// The owner of a stored index's bytes.
#[derive(Debug)]
enum Store {
    Memory(Vec<u8>),
    File(File),
}

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

/// One stored body's file version, for matching it to an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredDoc {
    pub(crate) path: PathBuf,
    pub(crate) key: FileKey,
    pub(crate) body_offset: u64,
}

impl StoredIndex {
    /// Opens the index at `path`: `None` if it is missing, not a regular
    /// file, or not a whole, sound index of this build's folding.
    pub(crate) fn open(path: &Path) -> Option<(Arc<StoredIndex>, Vec<StoredDoc>)> {
        // A FIFO or device in its place must not block or feed the reader.
        let file = crate::regular_file::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        Self::load(Store::File(file), len)
    }

    /// An index written to memory (see `Writer::in_memory`).
    pub(crate) fn from_bytes(bytes: Vec<u8>) -> Option<(Arc<StoredIndex>, Vec<StoredDoc>)> {
        let len = bytes.len() as u64;
        Self::load(Store::Memory(bytes), len)
    }

    fn bytes(&self) -> Bytes<'_> {
        match &self.store {
            Store::Memory(all) => Bytes::Memory(all),
            Store::File(file) => Bytes::File(file),
        }
    }

    fn load(store: Store, len: u64) -> Option<(Arc<StoredIndex>, Vec<StoredDoc>)> {
        let bytes = match &store {
            Store::Memory(all) => Bytes::Memory(all),
            Store::File(file) => Bytes::File(file),
        };
        let mut head = [0; HEADER_LEN];
        bytes.read_exact_at(&mut head, 0).ok()?;
        let header = Header::parse(&head, len)?;
        if header.end - header.sample > MAX_TABLES {
            return None;
        }
        let mut tables = vec![0; (header.end - header.sample) as usize];
        bytes.read_exact_at(&mut tables, header.sample).ok()?;
        if checksum(&header, &tables) != header.crc {
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
        let records: Vec<DocRecord> = tables[at(header.docs_at)..at(header.paths_at)]
            .chunks_exact(DOC_LEN)
            .map(DocRecord::parse)
            .collect();
        let paths = &tables[at(header.paths_at)..];
        let text_len = header.postings - HEADER_LEN as u64;
        let mut docs = Vec::with_capacity(records.len());
        let mut text_ends = Vec::with_capacity(records.len());
        let (mut path_start, mut text_start) = (0usize, 0u64);
        for r in &records {
            let path_end = r.path_end as usize;
            if path_end < path_start || r.text_end < text_start || r.text_end > text_len {
                return None;
            }
            let path = std::str::from_utf8(paths.get(path_start..path_end)?).ok()?;
            docs.push(StoredDoc {
                path: PathBuf::from(path),
                key: r.key,
                body_offset: r.body_offset,
            });
            text_ends.push(r.text_end);
            (path_start, text_start) = (path_end, r.text_end);
        }
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

    /// The size of the file's parts: packed text, lists, the rest.
    pub(crate) fn sizes(&self) -> (u64, u64, u64) {
        let h = &self.header;
        (
            h.postings - HEADER_LEN as u64,
            h.dict - h.postings,
            h.end - h.dict + HEADER_LEN as u64,
        )
    }

    /// The documents holding `key`, ascending (none if it is not there or
    /// cannot be read).
    pub(crate) fn postings(&self, key: u64) -> Vec<u32> {
        let block = self.sample.partition_point(|s| s.key <= key);
        let Some(first) = block.checked_sub(1).map(|b| self.sample[b]) else {
            return Vec::new();
        };
        let dict_end = self
            .sample
            .get(block)
            .map_or(self.header.sample - self.header.dict, |next| next.dict);
        let Some(len) = dict_end
            .checked_sub(first.dict)
            .filter(|&l| l <= DICT_BLOCK as u64 * 20)
        else {
            return Vec::new();
        };
        let mut entries = vec![0; len as usize];
        if self
            .bytes()
            .read_exact_at(&mut entries, self.header.dict + first.dict)
            .is_err()
        {
            return Vec::new();
        }
        let (mut at, mut block_key, mut list_at) = (0, first.key, first.postings);
        while let (Some(gap), Some(list_len)) = (
            take_varint(&entries, &mut at),
            take_varint(&entries, &mut at),
        ) {
            block_key += gap;
            if block_key == key {
                return self.read_list(list_at, list_len);
            }
            if block_key > key {
                break;
            }
            list_at += list_len;
        }
        Vec::new()
    }

    fn read_list(&self, at: u64, len: u64) -> Vec<u32> {
        let lists = self.header.dict - self.header.postings;
        if at.checked_add(len).is_none_or(|end| end > lists) {
            return Vec::new();
        }
        let mut bytes = vec![0; len as usize];
        if self
            .bytes()
            .read_exact_at(&mut bytes, self.header.postings + at)
            .is_err()
        {
            return Vec::new();
        }
        decode(&bytes, self.header.docs)
    }

    /// Reads document `doc`'s packed text into `buf` (empty if it cannot).
    pub(crate) fn packed_text(&self, doc: u32, buf: &mut Vec<u8>) {
        buf.clear();
        let i = doc as usize;
        let Some(&end) = self.text_ends.get(i) else {
            return;
        };
        let start = if i == 0 { 0 } else { self.text_ends[i - 1] };
        buf.resize((end - start) as usize, 0);
        if self
            .bytes()
            .read_exact_at(buf, HEADER_LEN as u64 + start)
            .is_err()
        {
            buf.clear();
        }
    }

    /// Document `doc`'s folded text.
    pub(crate) fn text(&self, doc: u32) -> String {
        let mut packed = Vec::new();
        self.packed_text(doc, &mut packed);
        let mut text = String::with_capacity(packed.len() * 2);
        self.codes.unpack(&packed, &mut text);
        text
    }
}

impl StoredIndex {
    /// The documents whose text contains `term` (folded, non-empty),
    /// ascending; only `candidates` (ascending) are looked at when given.
    pub(crate) fn containing(&self, term: &str, candidates: Option<&[u32]>) -> Vec<u32> {
        let Some(packed) = self.codes.pack(term) else {
            return Vec::new();
        };
        let (keys, exact) = super::term_keys(term);
        let mut docs: Option<Vec<u32>> = candidates.map(<[u32]>::to_vec);
        let mut lists: Vec<Vec<u32>> = Vec::with_capacity(keys.len());
        for key in keys {
            let list = self.postings(key);
            if list.is_empty() {
                return Vec::new();
            }
            lists.push(list);
        }
        lists.sort_by_key(Vec::len);
        for list in lists {
            docs = Some(match docs {
                Some(docs) => super::postings::intersect(&docs, &list),
                None => list,
            });
            if docs.as_ref().is_some_and(Vec::is_empty) {
                break;
            }
        }
        let docs = docs.unwrap_or_default();
        if exact {
            return docs;
        }
        let finder = memchr::memmem::Finder::new(&packed);
        docs.into_par_iter()
            .filter(|&doc| {
                PACKED.with(|buf| {
                    let mut buf = buf.borrow_mut();
                    self.packed_text(doc, &mut buf);
                    finder
                        .find_iter(&buf)
                        .any(|at| super::codes::is_aligned(&buf, at))
                })
            })
            .collect()
    }
}

thread_local! {
    /// A text read for checking, reused from one document to the next.
    static PACKED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

use rayon::prelude::*;
