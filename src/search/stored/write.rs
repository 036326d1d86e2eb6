//! Writing a stored index: bodies are added in document order; the packed
//! text goes out at once, the keys are gathered in sorted batches (see
//! [`batch`]) kept on the side (a temporary file), and merged into posting
//! lists at the end; the document table and the paths, written last, are
//! set aside too (see [`spill`]), so memory stays bounded whatever the
//! archive's size.

use std::collections::HashMap;
use std::io::{self, Cursor, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Arc;

use self::batch::Side;
use self::spill::Spill;
use super::codes::Codes;
use super::format::{DOC_LEN, DocRecord, HEADER_LEN, Header, SAMPLE_LEN, content_version};
use crate::cache::FileKey;

/// Documents whose character counts number the codes.
const FIRST_DOCS: usize = 256;

/// Which file version a body was read from.
#[derive(Debug, Clone)]
pub(crate) struct DocSource {
    /// The file (its path valid UTF-8: the index keeps no other), the
    /// article's own path shared, not a copy (a million articles' paths
    /// are ~100 MB).
    pub(crate) path: Arc<Path>,
    pub(crate) key: FileKey,
    pub(crate) body_offset: u64,
}

/// No file: an empty path (a body compiled in, or a file gone).
impl Default for DocSource {
    fn default() -> Self {
        DocSource {
            path: Arc::from(Path::new("")),
            key: FileKey::default(),
            body_offset: 0,
        }
    }
}

/// Builds a stored index into `W`.
pub(crate) struct Writer<W: Write + Seek> {
    out: W,
    written: u64,
    codes: Option<Codes>,
    /// The first documents, held until their characters number the codes.
    first: Vec<(DocSource, String, Vec<u64>)>,
    /// Documents added.
    docs: u32,
    /// Their records, as written in the file.
    records: Spill,
    paths: Spill,
    /// `key << 12 | document - batch_base` for the current batch.
    pairs: Vec<u64>,
    /// Room for sorting `pairs`.
    sorted: Vec<u64>,
    batch_base: u32,
    /// [`batch::BATCH_PAIRS`], smaller in tests.
    batch_pairs: usize,
    side: Side,
    packed: Vec<u8>,
}

impl Writer<Cursor<Vec<u8>>> {
    /// A writer whose index stays in memory (tests, samples, small sets).
    pub(crate) fn in_memory() -> Self {
        let spills = [Spill::in_memory(), Spill::in_memory()];
        Writer::new(Cursor::new(Vec::new()), Side::in_memory(), spills)
    }

    /// An in-memory writer whose batches end after `pairs` keys.
    #[cfg(test)]
    pub(crate) fn in_memory_with_batches_of(pairs: usize) -> Self {
        Writer {
            batch_pairs: pairs,
            ..Writer::in_memory()
        }
    }
}

impl<W: Write + Seek> Writer<W> {
    /// `spills`: where the records and the paths are set aside.
    fn new(out: W, side: Side, spills: [Spill; 2]) -> Self {
        let [records, paths] = spills;
        Writer {
            out,
            written: 0,
            codes: None,
            first: Vec::new(),
            docs: 0,
            records,
            paths,
            pairs: Vec::new(),
            sorted: Vec::new(),
            batch_base: 0,
            batch_pairs: batch::BATCH_PAIRS,
            side,
            packed: Vec::new(),
        }
    }

    /// Adds the next document: where its body came from, its folded text
    /// and [`super::text_keys`] of it.
    pub(crate) fn add(&mut self, source: DocSource, text: &str, keys: &[u64]) -> io::Result<()> {
        if self.codes.is_none() {
            self.first.push((source, text.to_owned(), keys.to_vec()));
            if self.first.len() >= FIRST_DOCS {
                self.number_codes()?;
            }
            return Ok(());
        }
        self.put(&source, text, keys)
    }

    fn number_codes(&mut self) -> io::Result<()> {
        let mut counts: HashMap<char, u64> = HashMap::new();
        for (_, text, _) in &self.first {
            for c in text.chars() {
                *counts.entry(c).or_default() += 1;
            }
        }
        self.codes = Some(Codes::by_frequency(&counts));
        if self.written == 0 {
            self.out.write_all(&[0; HEADER_LEN])?;
            self.written = HEADER_LEN as u64;
        }
        for (source, text, keys) in std::mem::take(&mut self.first) {
            self.put(&source, &text, &keys)?;
        }
        Ok(())
    }

    fn put(&mut self, source: &DocSource, text: &str, keys: &[u64]) -> io::Result<()> {
        let Some(codes) = self.codes.as_mut() else {
            return Ok(());
        };
        self.packed.clear();
        codes.pack_extending(text, &mut self.packed);
        self.out.write_all(&self.packed)?;
        self.written += self.packed.len() as u64;
        if self.batch_is_full(keys.len()) {
            self.flush_batch()?;
        }
        self.paths
            .extend(source.path.as_os_str().as_encoded_bytes())?;
        let doc = self.docs;
        self.docs += 1;
        // The packed text's buffer is free again: the record goes through it.
        self.packed.clear();
        DocRecord {
            key: source.key,
            body_offset: source.body_offset,
            path_end: u32::try_from(self.paths.len()).unwrap_or(u32::MAX),
            text_end: self.written - HEADER_LEN as u64,
        }
        .put(&mut self.packed);
        self.records.extend(&self.packed)?;
        let local = u64::from(doc - self.batch_base);
        self.pairs.extend(keys.iter().map(|k| k << 12 | local));
        Ok(())
    }

    /// Writes the lists, dictionary, tables and header.
    pub(crate) fn finish(mut self) -> io::Result<W> {
        if self.codes.is_none() {
            self.number_codes()?;
        }
        self.flush_batch()?;
        // The last batch's keys are set aside: their room is not needed
        // while the lists are merged.
        self.pairs = Vec::new();
        self.sorted = Vec::new();
        let docs = self.docs;
        let postings = self.written;
        let (dict, sample, keys) = self.write_lists(docs)?;
        let codes = self.codes.take().unwrap_or_default();
        let mut header = Header {
            content: content_version(),
            docs,
            codes: codes.chars().len() as u32,
            keys,
            postings,
            ..Header::default()
        };
        // Every part's place is known before any is written, so the
        // checksum is taken as they go out (no copy of the tables).
        header.dict = self.written;
        header.sample = header.dict + dict.len() as u64;
        header.codes_at = header.sample + (sample.len() * SAMPLE_LEN) as u64;
        header.docs_at = header.codes_at + u64::from(header.codes) * 4;
        header.paths_at = header.docs_at + u64::from(docs) * DOC_LEN as u64;
        header.end = header.paths_at + self.paths.len();
        self.out.write_all(&dict)?;
        drop(dict);
        let mut checked = Checked::new(&header, &mut self.out);
        let mut part = Vec::with_capacity(64 * 1024);
        for s in &sample {
            s.put(&mut part);
        }
        checked.write(&mut part)?;
        for &c in codes.chars() {
            part.extend_from_slice(&u32::from(c).to_le_bytes());
        }
        checked.write(&mut part)?;
        self.records.drain(|part| checked.write(part))?;
        self.paths.drain(|part| checked.write(part))?;
        header.crc = checked.hasher.finalize();
        self.out.seek(SeekFrom::Start(0))?;
        self.out.write_all(&header.to_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Writes the parts read at opening and takes their checksum.
struct Checked<'a, W: Write> {
    out: &'a mut W,
    hasher: crc32fast::Hasher,
}

impl<'a, W: Write> Checked<'a, W> {
    fn new(header: &Header, out: &'a mut W) -> Self {
        Checked {
            out,
            hasher: header.checksum_start(),
        }
    }

    /// Writes and hashes `part`, and empties it.
    fn write(&mut self, part: &mut Vec<u8>) -> io::Result<()> {
        self.hasher.update(part);
        self.out.write_all(part)?;
        part.clear();
        Ok(())
    }
}

mod batch;
mod merge;
mod output;
mod radix;
mod spill;
