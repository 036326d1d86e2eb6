//! Reading one article file: only as far as the end of its front matter,
//! plus a little body when the title has to come from there.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::open::Opener;
use super::{LoadOptions, LoadResult, Problem, Severity, walk};
use crate::article::{self, Article, BodySource, Origin, Split};

/// Nearly all front matter fits in the first read.
const FIRST_READ: usize = 4096;
/// Front matter without a closing line stops being searched here.
const MAX_FRONT_MATTER: usize = 1 << 20;
/// How much body is searched for a heading when the title must come from it.
const TITLE_SEARCH: usize = 64 * 1024;

/// Loads one article file. `root` is the archive folder it belongs to (for
/// the id of an article without a link); pass the file's own folder when
/// there is none. `Err` means the file could not be read or is not an
/// article; otherwise the article comes with any problems found on the way.
pub fn load_file(path: &Path, root: &Path) -> Result<(Article, Vec<Problem>), Problem> {
    load(
        path.to_path_buf(),
        &walk::archive_path(path, root),
        &mut Reader::default(),
        LoadOptions::default(),
    )
}

/// What one thread keeps from file to file.
#[derive(Default)]
pub struct Reader {
    buf: Vec<u8>,
    opener: Opener,
}

/// [`load_file`] with a reusable reader and chosen options.
pub fn load(
    path: PathBuf,
    archive_path: &str,
    reader: &mut Reader,
    options: LoadOptions,
) -> LoadResult {
    let file = match reader.opener.open(&path) {
        Ok(file) => file,
        Err(e) => return Err(refused(path, format!("cannot read: {e}"))),
    };
    reader.buf.clear();
    let mut source = FileSource {
        buf: &mut reader.buf,
        file,
        complete: false,
    };
    let body_path = path.clone();
    let parsed = parse(&mut source, path.clone(), archive_path, options, |offset| {
        BodySource::File {
            path: body_path,
            offset: offset as u64,
        }
    });
    settle(parsed, path, |e| format!("cannot read: {e}"))
}

/// Parses an article held in memory in full (a compiled-in sample).
pub fn parse_embedded(
    bytes: &'static [u8],
    path: PathBuf,
    archive_path: &str,
    options: LoadOptions,
) -> LoadResult {
    let mut source = MemorySource(bytes);
    let parsed = parse(&mut source, path.clone(), archive_path, options, |offset| {
        BodySource::Embedded { bytes, offset }
    });
    settle(parsed, path, |e| e.to_string())
}

/// A parse outcome as a [`LoadResult`]: a refusal or a read error becomes
/// the file's error, worded by `read_error` for the latter.
fn settle(
    parsed: io::Result<Result<(Article, Vec<Problem>), String>>,
    path: PathBuf,
    read_error: impl FnOnce(io::Error) -> String,
) -> LoadResult {
    match parsed {
        Ok(Ok(found)) => Ok(found),
        Ok(Err(reason)) => Err(refused(path, reason)),
        Err(e) => Err(refused(path, read_error(e))),
    }
}

/// The error that keeps a file out of the library.
fn refused(path: PathBuf, reason: String) -> Problem {
    Problem {
        path,
        severity: Severity::Error,
        reason,
    }
}

/// The start of a file, extended on demand.
trait Source {
    fn bytes(&self) -> &[u8];
    /// Whether `bytes` is the whole file.
    fn complete(&self) -> bool;
    /// Reads until at least `len` bytes are held or the file ends.
    fn fill_to(&mut self, len: usize) -> io::Result<()>;
    /// Reads the rest of the file.
    fn fill_all(&mut self) -> io::Result<()>;
}

struct FileSource<'a> {
    buf: &'a mut Vec<u8>,
    file: File,
    complete: bool,
}

impl Source for FileSource<'_> {
    fn bytes(&self) -> &[u8] {
        self.buf
    }

    fn complete(&self) -> bool {
        self.complete
    }

    fn fill_to(&mut self, len: usize) -> io::Result<()> {
        let mut filled = self.buf.len();
        if self.complete || filled >= len {
            return Ok(());
        }
        self.buf.resize(len, 0);
        let result = loop {
            match self.file.read(&mut self.buf[filled..]) {
                Ok(0) => {
                    self.complete = true;
                    break Ok(());
                }
                Ok(n) => {
                    filled += n;
                    if filled == len {
                        break Ok(());
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => break Err(e),
            }
        };
        self.buf.truncate(filled);
        result
    }

    /// Up to the body limit past what is held: what the reader would show.
    fn fill_all(&mut self) -> io::Result<()> {
        if !self.complete {
            let limit = super::BODY_LIMIT.saturating_add(self.buf.len() as u64);
            (&mut self.file).take(limit).read_to_end(self.buf)?;
            self.complete = true;
        }
        Ok(())
    }
}

struct MemorySource(&'static [u8]);

impl Source for MemorySource {
    fn bytes(&self) -> &[u8] {
        self.0
    }

    fn complete(&self) -> bool {
        true
    }

    fn fill_to(&mut self, _len: usize) -> io::Result<()> {
        Ok(())
    }

    fn fill_all(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The outer `Result` is an I/O failure; the inner `Err` a file that is not
/// an article at all.
fn parse(
    source: &mut impl Source,
    path: PathBuf,
    archive_path: &str,
    options: LoadOptions,
    body: impl FnOnce(usize) -> BodySource,
) -> io::Result<Result<(Article, Vec<Problem>), String>> {
    source.fill_to(FIRST_READ)?;
    if memchr::memchr(0, source.bytes()).is_some() {
        return Ok(Err(
            "binary file (contains NUL bytes), not an article".to_owned()
        ));
    }
    let mut warnings = Vec::new();
    let (yaml, body_start) = loop {
        match article::split(source.bytes(), source.complete()) {
            Split::NoFrontMatter { body_start } => break (None, body_start),
            Split::Closed { yaml, body_start } => break (Some(yaml), body_start),
            Split::Unclosed { body_start } => {
                warnings
                    .push("front matter has no closing `---` line; the whole file is read as body");
                break (None, body_start);
            }
            Split::NeedMore if source.bytes().len() >= MAX_FRONT_MATTER => {
                warnings.push(
                    "front matter has no closing `---` line in its first 1 MiB; read as body",
                );
                break (None, 0);
            }
            Split::NeedMore => source.fill_to(source.bytes().len() * 2)?,
        }
    };
    let mut invalid_utf8 = false;
    let origin = Origin {
        path,
        archive_path,
        body: body(body_start),
    };
    let mut problems = Vec::new();
    let yaml_text = yaml.map(|range| decode(&source.bytes()[range], true, &mut invalid_utf8));
    let mut article = article::from_front_matter_with(
        options.parser,
        yaml_text.as_deref(),
        origin,
        &mut problems,
    );
    drop(yaml_text);
    if article.needs_title() {
        source.fill_to(body_start + TITLE_SEARCH)?;
        let bytes = source.bytes();
        let end = bytes.len().min(body_start + TITLE_SEARCH);
        let complete = source.complete() && end == bytes.len();
        let text = bytes
            .get(body_start..end)
            .map(|b| decode(b, complete, &mut invalid_utf8));
        article.set_title_from_body(text.as_deref());
    }
    if options.verify_bodies {
        source.fill_all()?;
        let body = source.bytes().get(body_start..).unwrap_or_default();
        invalid_utf8 |= std::str::from_utf8(body).is_err();
        if memchr::memchr(0, body).is_some() {
            warnings.push("NUL bytes in the body");
        }
    }
    if invalid_utf8 {
        warnings.push("invalid UTF-8, decoded with replacement characters");
    }
    problems.extend(warnings.into_iter().map(|reason| Problem {
        path: article.path.clone(),
        severity: Severity::Warning,
        reason: reason.to_owned(),
    }));
    Ok(Ok((article, problems)))
}

/// Decodes UTF-8 lossily, noting real errors; a character cut off by the end
/// of a partial read is not one.
fn decode<'a>(bytes: &'a [u8], complete: bool, invalid: &mut bool) -> Cow<'a, str> {
    let bytes = if complete {
        bytes
    } else {
        &bytes[..bytes.len() - cut_tail(bytes)]
    };
    if let Ok(text) = std::str::from_utf8(bytes) {
        Cow::Borrowed(text)
    } else {
        *invalid = true;
        String::from_utf8_lossy(bytes)
    }
}

/// Length of an unfinished multi-byte sequence at the end of `bytes`.
pub(super) fn cut_tail(bytes: &[u8]) -> usize {
    for back in 1..=bytes.len().min(3) {
        let b = bytes[bytes.len() - back];
        if b & 0xC0 != 0x80 {
            let needed = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            return if needed > back { back } else { 0 };
        }
    }
    0
}
