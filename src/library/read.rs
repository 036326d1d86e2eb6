//! Reading one article file: only as far as the end of its front matter,
//! plus a little body when the title has to come from there.

mod source;

use std::borrow::Cow;
use std::io;
use std::path::{Path, PathBuf};

use source::{FileSource, MemorySource, Source};

use super::open::Opener;
use super::{LoadOptions, LoadResult, NotArticle};
use crate::article::{self, Article, BodyFormat, BodySource, Origin, Split};
use crate::problem::{Problem, Severity};
use crate::text::decode::{self, Encoding};
use crate::tree::{self, FileKey};

/// Nearly all front matter fits in the first read.
const FIRST_READ: usize = 4096;
/// The first read when duplicates are looked for: three quarters of real
/// articles fit whole, and a body read whole is hashed at once instead of
/// being opened again should its title and date match another's.
const HASHING_READ: usize = 8192;
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
        &tree::archive_path(path, root),
        &mut Reader::default(),
        LoadOptions::default(),
    )
    .map_err(|not| match not {
        NotArticle::Failed(problem) => problem,
        NotArticle::SitePage => Problem::warning(path, SITE_PAGE),
    })
}

/// Why an HTML file without front matter is not listed.
const SITE_PAGE: &str = "a site page (HTML without front matter), not an article";

/// What one thread keeps from file to file.
#[derive(Default)]
pub struct Reader {
    buf: Vec<u8>,
    opener: Opener,
    /// The size and time of the file [`load`] last opened (`None` when it
    /// could not be opened): a cold load caches them without a `stat` of
    /// its own.
    pub key: Option<FileKey>,
}

/// [`load_file`] with a reusable reader and chosen options.
pub fn load(
    path: PathBuf,
    archive_path: &str,
    reader: &mut Reader,
    options: LoadOptions,
) -> LoadResult {
    reader.key = None;
    let file = match reader.opener.open_with_key(&path) {
        Ok((file, key)) => {
            reader.key = Some(key);
            file
        }
        Err(e) => {
            return Err(NotArticle::Failed(refused(
                path,
                format!("cannot read: {e}"),
            )));
        }
    };
    reader.buf.clear();
    let mut source = FileSource {
        buf: &mut reader.buf,
        file,
        complete: false,
        size: reader.key.map(|key| key.size),
    };
    let body_path: std::sync::Arc<std::path::Path> = path.as_path().into();
    let parsed = parse(
        &mut source,
        path.clone(),
        archive_path,
        options,
        |offset, encoding| BodySource::File {
            path: std::sync::Arc::clone(&body_path),
            offset: offset as u64,
            encoding,
        },
    );
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
    // Samples are UTF-8 (a test checks), so the encoding is never needed.
    let parsed = parse(
        &mut source,
        path.clone(),
        archive_path,
        options,
        |offset, _| BodySource::Embedded { bytes, offset },
    );
    settle(parsed, path, |e| e.to_string())
}

/// A parse outcome as a [`LoadResult`]: a refusal or a read error becomes
/// the file's error, worded by `read_error` for the latter.
fn settle(
    parsed: io::Result<Parsed>,
    path: PathBuf,
    read_error: impl FnOnce(io::Error) -> String,
) -> LoadResult {
    match parsed {
        Ok(Ok(found)) => Ok(found),
        Ok(Err(Refusal::Reason(reason))) => Err(NotArticle::Failed(refused(path, reason))),
        Ok(Err(Refusal::SitePage)) => Err(NotArticle::SitePage),
        Ok(Err(Refusal::NotUtf8)) => Err(NotArticle::Failed(refused(
            path,
            "not UTF-8 and no encoding found".to_owned(),
        ))),
        Err(e) => Err(NotArticle::Failed(refused(path, read_error(e)))),
    }
}

/// A parsed file: the article, or why the file is not one.
type Parsed = Result<(Article, Vec<Problem>), Refusal>;

/// Why a file that could be read is not an article.
enum Refusal {
    Reason(String),
    /// Not UTF-8: [`parse`] decodes it and tries again.
    NotUtf8,
    /// An HTML file that does not open with front matter.
    SitePage,
}

/// The error that keeps a file out of the library.
fn refused(path: PathBuf, reason: String) -> Problem {
    Problem {
        path,
        severity: Severity::Error,
        reason,
    }
}

/// The outer `Result` is an I/O failure; the inner `Err` a file that is not
/// an article at all. A file that is not UTF-8 is read whole, decoded, and
/// parsed from memory.
fn parse(
    source: &mut impl Source,
    path: PathBuf,
    archive_path: &str,
    options: LoadOptions,
    body: impl Fn(usize, Option<&'static Encoding>) -> BodySource,
) -> io::Result<Parsed> {
    source.fill_to(if options.hash_bodies {
        HASHING_READ
    } else {
        FIRST_READ
    })?;
    if !decode::has_utf16_bom(source.bytes()) {
        // Nearly every file: only its front matter is checked for UTF-8,
        // and a file whose front matter is not UTF-8 is looked at again.
        match parse_text(
            source,
            path.clone(),
            archive_path,
            options,
            true,
            |offset| body(offset, None),
        )? {
            Err(Refusal::NotUtf8) => {}
            parsed => return Ok(parsed),
        }
    }
    source.fill_all()?;
    let decoded = decode::decode(source.bytes());
    let mut note = format!("not UTF-8: decoded as {}", decoded.encoding.name());
    if decoded.replaced {
        note.push_str("; some bytes fit no character and show as \u{FFFD}");
    }
    let encoding = decoded.encoding;
    let mut memory = MemorySource(decoded.text.as_bytes());
    let parsed = parse_text(&mut memory, path, archive_path, options, false, |offset| {
        body(offset, Some(encoding))
    })?;
    Ok(parsed.map(|(article, mut problems)| {
        problems.push(Problem {
            path: article.path.to_path_buf(),
            severity: Severity::Warning,
            reason: note,
        });
        (article, problems)
    }))
}

/// [`parse`] of a file read as UTF-8. With `may_refuse`, a file whose
/// front matter is not UTF-8 and whose start does not look like UTF-8 is
/// refused with [`Refusal::NotUtf8`], to be decoded from its encoding.
fn parse_text(
    source: &mut impl Source,
    path: PathBuf,
    archive_path: &str,
    options: LoadOptions,
    may_refuse: bool,
    body: impl FnOnce(usize) -> BodySource,
) -> io::Result<Parsed> {
    source.fill_to(FIRST_READ)?;
    if memchr::memchr(0, source.bytes()).is_some() {
        return Ok(Err(Refusal::Reason(
            "binary file (contains NUL bytes), not an article".to_owned(),
        )));
    }
    let mut warnings = Vec::new();
    let (front, body_start) = loop {
        match article::split(source.bytes(), source.complete()) {
            Split::NoFrontMatter { .. } if BodyFormat::of_path(&path) == BodyFormat::Html => {
                return Ok(Err(Refusal::SitePage));
            }
            Split::NoFrontMatter { body_start } => break (None, body_start),
            Split::Closed {
                kind,
                front,
                body_start,
            } => break (Some((kind, front)), body_start),
            Split::Unclosed { kind, body_start } => {
                warnings.push(format!(
                    "front matter has no closing {}; the whole file is read as body",
                    kind.closing()
                ));
                break (None, body_start);
            }
            Split::NeedMore if source.bytes().len() >= MAX_FRONT_MATTER => {
                warnings
                    .push("front matter does not end in its first 1 MiB; read as body".to_owned());
                break (None, 0);
            }
            Split::NeedMore => source.fill_to(source.bytes().len() * 2)?,
        }
    };
    if may_refuse {
        let bytes = source.bytes();
        let suspect = match &front {
            Some((_, range)) => std::str::from_utf8(&bytes[range.clone()]).is_err(),
            None => std::str::from_utf8(&bytes[..bytes.len() - cut_tail(bytes)]).is_err(),
        };
        if suspect && !decode::is_utf8(&bytes[..bytes.len() - cut_tail(bytes)]) {
            return Ok(Err(Refusal::NotUtf8));
        }
    }
    let mut invalid_utf8 = false;
    let origin = Origin {
        path,
        archive_path,
        body: body(body_start),
    };
    let mut problems = Vec::new();
    let front_text = front.map(|(kind, range)| {
        (
            kind,
            decode_utf8(&source.bytes()[range], true, &mut invalid_utf8),
        )
    });
    let mut article = article::from_front(
        options.parser,
        front_text
            .as_ref()
            .map(|(kind, text)| (*kind, text.as_ref())),
        origin,
        &mut problems,
    );
    drop(front_text);
    if article.needs_title() {
        source.fill_to(body_start + TITLE_SEARCH)?;
        let bytes = source.bytes();
        let end = bytes.len().min(body_start + TITLE_SEARCH);
        let complete = source.complete() && end == bytes.len();
        let text = bytes
            .get(body_start..end)
            .map(|b| decode_utf8(b, complete, &mut invalid_utf8));
        article.set_title_from_body(text.as_deref());
    }
    // A body already read whole costs next to nothing to hash (the others
    // are hashed later, only if they can be duplicates: see
    // `duplicates::hash_colliding`, which hashes the same bytes).
    if options.hash_bodies && source.complete() {
        let body = source.bytes().get(body_start..).unwrap_or_default();
        let body = &body[..body.len().min(super::BODY_LIMIT as usize)];
        article.body_hash = Some(xxhash_rust::xxh3::xxh3_64(body));
    }
    if options.verify_bodies {
        source.fill_all()?;
        let body = source.bytes().get(body_start..).unwrap_or_default();
        invalid_utf8 |= std::str::from_utf8(body).is_err();
        if memchr::memchr(0, body).is_some() {
            warnings.push("NUL bytes in the body".to_owned());
        }
    }
    if invalid_utf8 {
        warnings.push("invalid UTF-8, decoded with replacement characters".to_owned());
    }
    problems.extend(warnings.into_iter().map(|reason| Problem {
        path: article.path.to_path_buf(),
        severity: Severity::Warning,
        reason,
    }));
    Ok(Ok((article, problems)))
}

/// Decodes UTF-8 lossily, noting real errors; a character cut off by the end
/// of a partial read is not one.
fn decode_utf8<'a>(bytes: &'a [u8], complete: bool, invalid: &mut bool) -> Cow<'a, str> {
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
