//! The stored bodies' file versions in document order, read from the file
//! a window at a time when they are matched to articles: a million of them
//! held whole (records and paths) would be ~120 MB at the end of the
//! reader's start.

use std::sync::Arc;

use super::super::format::{DOC_LEN, DocRecord};
use super::StoredIndex;
use crate::cache::FileKey;

/// Documents read at a time when they are gone through in order.
const WINDOW: usize = 4096;

/// Far above any path a file system takes.
const MAX_PATH: usize = 64 * 1024;

/// The document table of an open stored index. Going through it in order
/// reads it [`WINDOW`] documents at a time; any other document is read on
/// its own. A document that cannot be read has an empty path and no
/// version, so it matches no article.
#[derive(Debug)]
pub(crate) struct DocTable {
    index: Arc<StoredIndex>,
    /// Documents `first..first + records.len()`.
    first: usize,
    records: Vec<DocRecord>,
    /// Their paths, from where document `first`'s starts.
    paths: Vec<u8>,
    /// Where document `first`'s path starts among all paths.
    paths_start: u32,
}

/// One document's file version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DocVersion<'a> {
    /// Its path, as the bytes of its UTF-8.
    pub(crate) path: &'a [u8],
    pub(crate) key: FileKey,
    pub(crate) body_offset: u64,
}

impl DocTable {
    pub(crate) fn new(index: Arc<StoredIndex>) -> Self {
        DocTable {
            index,
            first: 0,
            records: Vec::new(),
            paths: Vec::new(),
            paths_start: 0,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.index.header.docs as usize
    }

    /// Document `doc`'s path, as the bytes of its UTF-8.
    pub(crate) fn path(&mut self, doc: usize) -> &[u8] {
        self.get(doc).map_or(&[], |v| v.path)
    }

    pub(crate) fn key(&mut self, doc: usize) -> FileKey {
        self.get(doc).map(|v| v.key).unwrap_or_default()
    }

    pub(crate) fn body_offset(&mut self, doc: usize) -> u64 {
        self.get(doc).map_or(0, |v| v.body_offset)
    }

    /// Document `doc`'s version; `None` past the end or if it cannot be
    /// read.
    pub(crate) fn get(&mut self, doc: usize) -> Option<DocVersion<'_>> {
        if doc >= self.len() {
            return None;
        }
        let end = self.first + self.records.len();
        if !(self.first..end).contains(&doc) {
            // The next window when going through in order, else this one
            // document alone.
            let count = if doc == end { WINDOW } else { 1 };
            if !self.read(doc, count) {
                self.records.clear();
                return None;
            }
        }
        let i = doc - self.first;
        let record = self.records[i];
        let start = match i.checked_sub(1) {
            Some(p) => self.records[p].path_end,
            None => self.paths_start,
        };
        let path = self.paths.get(
            (start - self.paths_start) as usize..(record.path_end - self.paths_start) as usize,
        )?;
        Some(DocVersion {
            path,
            key: record.key,
            body_offset: record.body_offset,
        })
    }

    /// Reads documents `first..first + count` (fewer at the end) and
    /// their paths into the window; `false` if they cannot be read or do
    /// not hold together.
    fn read(&mut self, first: usize, count: usize) -> bool {
        let header = &self.index.header;
        let count = count.min(self.len() - first);
        // The document before `first` too: its path ends where `first`'s
        // starts.
        let from = first.saturating_sub(1);
        let mut part = vec![0; (first + count - from) * DOC_LEN];
        let bytes = self.index.bytes();
        if bytes
            .read_exact_at(&mut part, header.docs_at + (from * DOC_LEN) as u64)
            .is_err()
        {
            return false;
        }
        let mut records: Vec<DocRecord> =
            part.chunks_exact(DOC_LEN).map(DocRecord::parse).collect();
        let paths_start = if first > 0 {
            records.remove(0).path_end
        } else {
            0
        };
        // Checked at opening; checked again, as the file may have been
        // written to since, so a window never asks for more than its
        // documents' paths can take.
        let mut at = paths_start;
        for r in &records {
            if r.path_end < at {
                return false;
            }
            at = r.path_end;
        }
        if u64::from(at) > header.end - header.paths_at
            || (at - paths_start) as usize > records.len() * MAX_PATH
        {
            return false;
        }
        let mut paths = std::mem::take(&mut self.paths);
        paths.resize((at - paths_start) as usize, 0);
        if bytes
            .read_exact_at(&mut paths, header.paths_at + u64::from(paths_start))
            .is_err()
        {
            return false;
        }
        self.first = first;
        self.records = records;
        self.paths = paths;
        self.paths_start = paths_start;
        true
    }
}
