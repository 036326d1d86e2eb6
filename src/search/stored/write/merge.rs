//! Merging the sorted batches into posting lists and the dictionary.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{self, Seek, Write};

use super::super::DICT_BLOCK;
use super::super::format::Sample;
use super::super::postings::{encode, put_varint, take_varint};
use super::super::read::Bytes;
use super::Writer;

/// Reads one batch from the side, a window at a time.
struct BatchReader<'a> {
    bytes: Bytes<'a>,
    /// Where `window` starts in the side, and where the batch ends.
    window_at: u64,
    end: u64,
    window: Vec<u8>,
    at: usize,
    base: u32,
    key: u64,
    count: u64,
}

/// Read from each batch at a time: the merge holds one window per batch
/// (about 1,100 batches at a million articles).
const WINDOW: usize = 16 * 1024;

impl BatchReader<'_> {
    fn varint(&mut self) -> io::Result<Option<u64>> {
        if self.window.len() - self.at < 10 {
            let from = self.window_at + self.at as u64;
            let len = (self.end - from).min(WINDOW as u64) as usize;
            self.window.resize(len, 0);
            self.bytes.read_exact_at(&mut self.window, from)?;
            self.window_at = from;
            self.at = 0;
        }
        Ok(take_varint(&self.window, &mut self.at))
    }

    /// Reads the next key and its count; false at the batch's end.
    fn next_key(&mut self) -> io::Result<bool> {
        let (Some(gap), Some(count)) = (self.varint()?, self.varint()?) else {
            return Ok(false);
        };
        self.key += gap;
        self.count = count;
        Ok(true)
    }
}

impl<W: Write + Seek> Writer<W> {
    /// Writes every key's list to the output; returns the dictionary, its
    /// sample and the number of keys.
    pub(super) fn write_lists(&mut self, docs: u32) -> io::Result<(Vec<u8>, Vec<Sample>, u64)> {
        let bytes = self.side.bytes();
        let mut readers: Vec<BatchReader<'_>> = self
            .side
            .batches()
            .iter()
            .map(|&(start, len, base)| BatchReader {
                bytes,
                window_at: start,
                end: start + len,
                window: Vec::new(),
                at: 0,
                base,
                key: 0,
                count: 0,
            })
            .collect();
        let mut heap = BinaryHeap::new();
        for (i, reader) in readers.iter_mut().enumerate() {
            if reader.next_key()? {
                heap.push(Reverse((reader.key, i)));
            }
        }
        let mut lists = Lists::default();
        let mut list: Vec<u32> = Vec::new();
        let mut current = None;
        while let Some(Reverse((key, i))) = heap.pop() {
            if current != Some(key) {
                if let Some(done) = current {
                    lists.push(done, &list, docs, &mut self.out)?;
                }
                list.clear();
                current = Some(key);
            }
            let reader = &mut readers[i];
            let mut doc = 0;
            for _ in 0..reader.count {
                doc += reader.varint()?.unwrap_or(0);
                list.push(reader.base + doc as u32);
            }
            if reader.next_key()? {
                heap.push(Reverse((reader.key, i)));
            }
        }
        if let Some(done) = current {
            lists.push(done, &list, docs, &mut self.out)?;
        }
        self.written += lists.postings;
        Ok((lists.dict, lists.sample, lists.keys))
    }
}

/// The dictionary being built as lists are written.
#[derive(Default)]
struct Lists {
    dict: Vec<u8>,
    sample: Vec<Sample>,
    keys: u64,
    /// Bytes of lists written.
    postings: u64,
    block_key: u64,
    encoded: Vec<u8>,
}

impl Lists {
    fn push(
        &mut self,
        key: u64,
        docs: &[u32],
        doc_count: u32,
        out: &mut impl Write,
    ) -> io::Result<()> {
        self.encoded.clear();
        encode(docs, doc_count, &mut self.encoded);
        if self.keys % DICT_BLOCK as u64 == 0 {
            self.sample.push(Sample {
                key,
                dict: self.dict.len() as u64,
                postings: self.postings,
            });
            self.block_key = key;
        }
        put_varint(key - self.block_key, &mut self.dict);
        put_varint(self.encoded.len() as u64, &mut self.dict);
        self.block_key = key;
        out.write_all(&self.encoded)?;
        self.postings += self.encoded.len() as u64;
        self.keys += 1;
        Ok(())
    }
}
