//! Writing a stored index: bodies are added in document order; the packed
//! text goes out at once, the keys are gathered in sorted batches of
//! [`BATCH_DOCS`] documents kept on the side (a temporary file), and merged
//! into posting lists at the end, so memory stays bounded whatever the
//! archive's size.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Cursor, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::codes::Codes;
use super::format::{DocRecord, HEADER_LEN, Header, content_version};
use super::postings::put_varint;
use super::read::Bytes;
use crate::cache::FileKey;

/// Documents whose keys are sorted together before going to the side file
/// (about 60 MB of keys for news articles).
const BATCH_DOCS: u32 = 4096;
/// Documents whose character counts number the codes.
const FIRST_DOCS: usize = 256;

/// Which file version a body was read from.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocSource {
    pub(crate) path: String,
    pub(crate) key: FileKey,
    pub(crate) body_offset: u64,
}

/// Builds a stored index into `W`.
pub(crate) struct Writer<W: Write + Seek> {
    out: W,
    written: u64,
    codes: Option<Codes>,
    /// The first documents, held until their characters number the codes.
    first: Vec<(DocSource, String, Vec<u64>)>,
    records: Vec<DocRecord>,
    paths: Vec<u8>,
    /// `key << 12 | document - batch_base` for the current batch.
    pairs: Vec<u64>,
    batch_base: u32,
    side: Side,
    packed: Vec<u8>,
}

/// Where sorted batches wait for the merge.
enum Side {
    Memory(Vec<u8>, Vec<(u64, u64, u32)>),
    File(TempFile, u64, Vec<(u64, u64, u32)>),
}

impl Writer<Cursor<Vec<u8>>> {
    /// A writer whose index stays in memory (tests, samples, small sets).
    pub(crate) fn in_memory() -> Self {
        Writer::new(
            Cursor::new(Vec::new()),
            Side::Memory(Vec::new(), Vec::new()),
        )
    }
}

/// A stored index being written to a temporary file beside its target,
/// renamed over it when done; removed if dropped before.
pub(crate) struct FileOutput {
    file: BufWriter<File>,
    temp: TempFile,
    target: PathBuf,
}

impl Writer<FileOutput> {
    /// A writer for the index at `target` (its folder is created).
    pub(crate) fn to_file(target: &Path) -> io::Result<Self> {
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir)?;
        }
        let temp = TempFile::beside(target, "tmp")?;
        let side = TempFile::beside(target, "side")?;
        let file = BufWriter::with_capacity(1 << 20, temp.file.try_clone()?);
        let out = FileOutput {
            file,
            temp,
            target: target.to_path_buf(),
        };
        Ok(Writer::new(out, Side::File(side, 0, Vec::new())))
    }

    /// Finishes the index and puts it in place atomically.
    pub(crate) fn commit(self) -> io::Result<()> {
        let mut out = self.finish()?;
        out.file.flush()?;
        drop(out.file);
        fs::rename(&out.temp.path, &out.target)?;
        out.temp.keep();
        Ok(())
    }
}

impl Write for FileOutput {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Seek for FileOutput {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.file.seek(pos)
    }
}

impl<W: Write + Seek> Writer<W> {
    fn new(out: W, side: Side) -> Self {
        Writer {
            out,
            written: 0,
            codes: None,
            first: Vec::new(),
            records: Vec::new(),
            paths: Vec::new(),
            pairs: Vec::new(),
            batch_base: 0,
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
        self.paths.extend_from_slice(source.path.as_bytes());
        let doc = self.records.len() as u32;
        self.records.push(DocRecord {
            key: source.key,
            body_offset: source.body_offset,
            path_end: u32::try_from(self.paths.len()).unwrap_or(u32::MAX),
            text_end: self.written - HEADER_LEN as u64,
        });
        let local = u64::from(doc - self.batch_base);
        self.pairs.extend(keys.iter().map(|k| k << 12 | local));
        if doc + 1 - self.batch_base >= BATCH_DOCS {
            self.flush_batch()?;
        }
        Ok(())
    }

    /// Sorts the batch's keys and appends them to the side: per key, the key
    /// (as a gap from the previous), the count and the documents (gaps).
    fn flush_batch(&mut self) -> io::Result<()> {
        let mut pairs = std::mem::take(&mut self.pairs);
        pairs.sort_unstable();
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
        let base = self.batch_base;
        match &mut self.side {
            Side::Memory(all, batches) => {
                batches.push((all.len() as u64, bytes.len() as u64, base));
                all.extend_from_slice(&bytes);
            }
            Side::File(temp, len, batches) => {
                temp.file.write_all(&bytes)?;
                batches.push((*len, bytes.len() as u64, base));
                *len += bytes.len() as u64;
            }
        }
        self.batch_base = self.records.len() as u32;
        pairs.clear();
        self.pairs = pairs;
        Ok(())
    }

    /// Writes the lists, dictionary, tables and header.
    pub(crate) fn finish(mut self) -> io::Result<W> {
        if self.codes.is_none() {
            self.number_codes()?;
        }
        if !self.pairs.is_empty() {
            self.flush_batch()?;
        }
        let docs = self.records.len() as u32;
        let mut header = Header {
            content: content_version(),
            docs,
            postings: self.written,
            ..Header::default()
        };
        let (dict, sample, keys) = self.write_lists(docs)?;
        header.keys = keys;
        header.dict = self.written;
        let mut tables = dict;
        header.sample = header.dict + tables.len() as u64;
        let checked_from = tables.len();
        for s in &sample {
            s.put(&mut tables);
        }
        header.codes_at = header.dict + tables.len() as u64;
        let codes = self.codes.take().unwrap_or_default();
        header.codes = codes.chars().len() as u32;
        for &c in codes.chars() {
            tables.extend_from_slice(&u32::from(c).to_le_bytes());
        }
        header.docs_at = header.dict + tables.len() as u64;
        for record in &self.records {
            record.put(&mut tables);
        }
        header.paths_at = header.dict + tables.len() as u64;
        tables.extend_from_slice(&self.paths);
        header.end = header.dict + tables.len() as u64;
        header.crc = checksum(&header, &tables[checked_from..]);
        self.out.write_all(&tables)?;
        self.out.seek(SeekFrom::Start(0))?;
        self.out.write_all(&header.to_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// The CRC-32 of the header (its own CRC as zero) and the parts read at
/// opening.
pub(crate) fn checksum(header: &Header, checked: &[u8]) -> u32 {
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&Header { crc: 0, ..*header }.to_bytes());
    hasher.update(checked);
    hasher.finalize()
}

mod merge;

/// A temporary file beside a target, removed on drop unless kept.
struct TempFile {
    path: PathBuf,
    file: File,
    keep: bool,
}

impl TempFile {
    fn beside(target: &Path, what: &str) -> io::Result<Self> {
        // Named by process and writer: a reader that starts a new index
        // (its library changed) while the old one is still being written
        // must not truncate, or on drop remove, the other's files.
        let path = crate::durable::unique_temp_path(target, what);
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)?;
        Ok(TempFile {
            path,
            file,
            keep: false,
        })
    }

    fn keep(&mut self) {
        self.keep = true;
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.keep {
            let _ = fs::remove_file(&self.path);
        }
    }
}

impl Side {
    fn batches(&self) -> &[(u64, u64, u32)] {
        match self {
            Side::Memory(_, b) | Side::File(_, _, b) => b,
        }
    }

    fn bytes(&self) -> Bytes<'_> {
        match self {
            Side::Memory(all, _) => Bytes::Memory(all),
            Side::File(temp, _, _) => Bytes::File(&temp.file),
        }
    }
}
