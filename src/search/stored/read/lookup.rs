//! Answering from an open stored index: a key's posting list (through
//! the dictionary sample), a document's packed text, and the documents
//! containing a term.

use rayon::prelude::*;

use super::super::DICT_BLOCK;
use super::super::format::HEADER_LEN;
use super::super::postings::{decode, take_varint};
use super::StoredIndex;

impl StoredIndex {
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
        let (keys, exact) = super::super::term_keys(term);
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
                Some(docs) => super::super::postings::intersect(&docs, &list),
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
                        .any(|at| super::super::codes::is_aligned(&buf, at))
                })
            })
            .collect()
    }
}

thread_local! {
    /// A text read for checking, reused from one document to the next.
    static PACKED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}
