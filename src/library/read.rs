//! Reading one article file: only as far as the end of its front matter,
//! plus a little body when the title has to come from there.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::{Problem, Severity, walk};
use crate::article::{self, Article, BodySource, Origin, Split, YamlParser};

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
    let mut buf = Vec::with_capacity(FIRST_READ);
    load(
        path,
        &walk::archive_path(path, root),
        &mut buf,
        YamlParser::Auto,
    )
}

/// [`load_file`] with a reusable buffer and a chosen YAML parser.
pub fn load(
    path: &Path,
    archive_path: &str,
    buf: &mut Vec<u8>,
    parser: YamlParser,
) -> Result<(Article, Vec<Problem>), Problem> {
    let error = |reason: String| Problem {
        path: path.to_path_buf(),
        severity: Severity::Error,
        reason,
    };
    let file = File::open(path).map_err(|e| error(format!("cannot read: {e}")))?;
    buf.clear();
    let mut source = FileSource {
        buf,
        file,
        complete: false,
    };
    parse(&mut source, path, archive_path, parser, |offset| {
        BodySource::File {
            path: path.to_path_buf(),
            offset: offset as u64,
        }
    })
    .map_err(|e| error(format!("cannot read: {e}")))?
    .map_err(error)
}

/// Parses an article held in memory in full (a compiled-in sample).
pub fn parse_embedded(
    bytes: &'static [u8],
    path: &Path,
    archive_path: &str,
    parser: YamlParser,
) -> Result<(Article, Vec<Problem>), Problem> {
    let mut source = MemorySource(bytes);
    let parsed = parse(&mut source, path, archive_path, parser, |offset| {
        BodySource::Embedded { bytes, offset }
    });
    match parsed {
        Ok(Ok(found)) => Ok(found),
        Ok(Err(reason)) => Err(Problem {
            path: path.to_path_buf(),
            severity: Severity::Error,
            reason,
        }),
        Err(e) => Err(Problem {
            path: path.to_path_buf(),
            severity: Severity::Error,
            reason: e.to_string(),
        }),
    }
}

/// The start of a file, extended on demand.
trait Source {
    fn bytes(&self) -> &[u8];
    /// Whether `bytes` is the whole file.
    fn complete(&self) -> bool;
    /// Reads until at least `len` bytes are held or the file ends.
    fn fill_to(&mut self, len: usize) -> io::Result<()>;
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
        while !self.complete && self.buf.len() < len {
            let want = len - self.buf.len();
            let got = (&mut self.file).take(want as u64).read_to_end(self.buf)?;
            if got < want {
                self.complete = true;
            }
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
}

/// The outer `Result` is an I/O failure; the inner `Err` a file that is not
/// an article at all.
fn parse(
    source: &mut impl Source,
    path: &Path,
    archive_path: &str,
    parser: YamlParser,
    body: impl FnOnce(usize) -> BodySource,
) -> io::Result<Result<(Article, Vec<Problem>), String>> {
    source.fill_to(FIRST_READ)?;
    if memchr::memchr(0, source.bytes()).is_some() {
        return Ok(Err(
            "binary file (contains NUL bytes), not an article".to_owned()
        ));
    }
    let mut problems = Vec::new();
    let mut warn = |reason: &str| {
        problems.push(Problem {
            path: path.to_path_buf(),
            severity: Severity::Warning,
            reason: reason.to_owned(),
        });
    };
    let (yaml, body_start) = loop {
        match article::split(source.bytes(), source.complete()) {
            Split::NoFrontMatter { body_start } => break (None, body_start),
            Split::Closed { yaml, body_start } => break (Some(yaml), body_start),
            Split::Unclosed { body_start } => {
                warn("front matter has no closing `---` line; the whole file is read as body");
                break (None, body_start);
            }
            Split::NeedMore if source.bytes().len() >= MAX_FRONT_MATTER => {
                warn("front matter has no closing `---` line in its first 1 MiB; read as body");
                break (None, 0);
            }
            Split::NeedMore => source.fill_to(source.bytes().len() * 2)?,
        }
    };
    let mut invalid_utf8 = false;
    let yaml_text =
        yaml.map(|range| decode(&source.bytes()[range], true, &mut invalid_utf8).into_owned());
    let origin = Origin {
        path,
        archive_path,
        body: body(body_start),
    };
    let mut article =
        article::from_front_matter_with(parser, yaml_text.as_deref(), origin, &mut problems);
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
    if invalid_utf8 {
        problems.push(Problem {
            path: path.to_path_buf(),
            severity: Severity::Warning,
            reason: "invalid UTF-8, decoded with replacement characters".to_owned(),
        });
    }
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
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => {
            *invalid = true;
            String::from_utf8_lossy(bytes)
        }
    }
}

/// Length of an unfinished multi-byte sequence at the end of `bytes`.
fn cut_tail(bytes: &[u8]) -> usize {
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
