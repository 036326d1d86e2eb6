//! Parsing the start of an article file into an [`Article`]: only as far as
//! the end of its front matter, plus a little body when the title has to
//! come from there; a file that is not UTF-8 is decoded and parsed again.

use std::borrow::Cow;
use std::io;
use std::path::Path;
use std::sync::Arc;

mod hashing;

pub(in crate::library) use hashing::BodyNote;
use hashing::hash_or_sample;

use super::source::{MemorySource, Source};
use super::{Parsed, Refusal};
use crate::article::{self, BodyFormat, BodySource, FrontKind, Origin, Split};
use crate::library::LoadOptions;
use crate::problem::{Problem, Severity};
use crate::text::decode::{self, Encoding};

/// Nearly all front matter fits in the first read, and a body's sample
/// (see `duplicates::sample`) too: the first read of every file, like the
/// first-4 KiB floor the load is measured against. A body is read whole
/// later only when its sample matches another's (1,318 files of over 4 KiB
/// in the real 49k archive; reading every file of up to 64 KiB whole read
/// 326 MB instead of 190).
const FIRST_READ: usize = 4096;
/// Front matter without a closing line stops being searched here.
const MAX_FRONT_MATTER: usize = 1 << 20;
/// How much body is searched for a heading when the title must come from it.
const TITLE_SEARCH: usize = 64 * 1024;

/// The outer `Result` is an I/O failure; the inner `Err` a file that is not
/// an article at all. A file that is not UTF-8 is read whole, decoded, and
/// parsed from memory. When bodies are hashed, `note.sample` is set to the
/// body's sample where its length is known (not for a decoded file).
pub(super) fn parse(
    source: &mut impl Source,
    path: &Arc<Path>,
    archive_path: &str,
    options: LoadOptions,
    body: impl Fn(usize, Option<&'static Encoding>) -> BodySource,
    note: &mut BodyNote<'_>,
) -> io::Result<Parsed> {
    note.sample = None;
    // As much as the checks for a binary file and for another encoding
    // look at (see `parse_text`): the whole of what is held in memory.
    let sniff = if source.complete() {
        usize::MAX
    } else {
        FIRST_READ
    };
    source.fill_to(FIRST_READ)?;
    if !decode::has_utf16_bom(source.bytes()) {
        // Nearly every file: only its front matter is checked for UTF-8,
        // and a file whose front matter is not UTF-8 is looked at again.
        match parse_text(
            source,
            path,
            archive_path,
            options,
            Some(sniff),
            |offset| body(offset, None),
            note,
        )? {
            Err(Refusal::NotUtf8) => {}
            parsed => return Ok(parsed),
        }
    }
    source.fill_all()?;
    let decoded = decode::decode(source.bytes());
    let mut warning = format!("not UTF-8: decoded as {}", decoded.encoding.name());
    if decoded.replaced {
        warning.push_str("; some bytes fit no character and show as \u{FFFD}");
    }
    let encoding = decoded.encoding;
    let mut memory = MemorySource(decoded.text.as_bytes());
    // No sample: the hash of a decoded body is of its text, which a
    // sample of the file's bytes would not match.
    note.sample = None;
    let parsed = parse_text(
        &mut memory,
        path,
        archive_path,
        options,
        None,
        |offset| body(offset, Some(encoding)),
        &mut BodyNote::default(),
    )?;
    Ok(parsed.map(|(article, mut problems)| {
        problems.push(Problem {
            path: article.path.to_path_buf(),
            severity: Severity::Warning,
            reason: warning,
        });
        (article, problems)
    }))
}

/// [`parse`] of a file read as UTF-8. With `may_refuse` (how much of the
/// file's start to look at), a file whose front matter is not UTF-8 and
/// whose start does not look like UTF-8 is refused with
/// [`Refusal::NotUtf8`], to be decoded from its encoding. `note` as
/// [`parse`] sets it.
fn parse_text(
    source: &mut impl Source,
    path: &Arc<Path>,
    archive_path: &str,
    options: LoadOptions,
    may_refuse: Option<usize>,
    body: impl FnOnce(usize) -> BodySource,
    note: &mut BodyNote<'_>,
) -> io::Result<Parsed> {
    source.fill_to(FIRST_READ)?;
    // The checks for a binary file and for another encoding look at the
    // file's start as far as a first read of `may_refuse` bytes would reach,
    // or as far as the front matter was searched, not at all that a
    // whole-file read holds: what a file is taken for does not depend on
    // how much of it was read at once.
    let mut seen = source.bytes().len().min(may_refuse.unwrap_or(usize::MAX));
    if memchr::memchr(0, &source.bytes()[..seen]).is_some() {
        return Ok(Err(Refusal::Reason(
            "binary file (contains NUL bytes), not an article".to_owned(),
        )));
    }
    let mut warnings = Vec::new();
    let (front, body_start) = loop {
        match article::split(source.bytes(), source.complete()) {
            Split::NoFrontMatter { .. } if BodyFormat::of_path(path) == BodyFormat::Html => {
                return Ok(Err(Refusal::SitePage));
            }
            Split::NoFrontMatter { body_start } => break (None, body_start),
            Split::Closed {
                kind,
                front,
                body_start,
            } => {
                seen = seen.max(body_start);
                break (Some((kind, front)), body_start);
            }
            Split::Unclosed { kind, body_start } => {
                // Front matter searched to the end of the file.
                seen = source.bytes().len();
                warnings.push(format!(
                    "front matter has no closing {}; the whole file is read as body",
                    kind.closing()
                ));
                break (None, body_start);
            }
            Split::NeedMore if source.bytes().len() >= MAX_FRONT_MATTER => {
                seen = source.bytes().len();
                warnings
                    .push("front matter does not end in its first 1 MiB; read as body".to_owned());
                break (None, 0);
            }
            Split::NeedMore => {
                source.fill_to(source.bytes().len() * 2)?;
                seen = source.bytes().len();
            }
        }
    };
    // The front matter is checked for UTF-8 once, 16-32 bytes at a time
    // (`simdutf8`: several times faster than std's check on CJK text, and
    // this runs over every file's front matter): the check for another
    // encoding and its decoding share the answer.
    let front_utf8 = front
        .as_ref()
        .map(|(kind, range)| (*kind, utf8(&source.bytes()[range.clone()])));
    if may_refuse.is_some() && not_utf8(&source.bytes()[..seen], front_utf8.as_ref()) {
        return Ok(Err(Refusal::NotUtf8));
    }
    let mut invalid_utf8 = false;
    let origin = Origin {
        path: Arc::clone(path),
        archive_path,
        body: body(body_start),
    };
    let mut problems = Vec::new();
    let front_text = front.zip(front_utf8).map(|((kind, range), (_, checked))| {
        let lossy = || decode_utf8(&source.bytes()[range], true, &mut invalid_utf8);
        (kind, checked.map_or_else(lossy, Cow::Borrowed))
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
    if options.hash_bodies {
        note.sample = hash_or_sample(source, body_start, &mut article, note)?;
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

/// Whether a file whose start is `bytes` is not UTF-8: its front matter
/// (`front`: whether it is UTF-8, already checked), or its start when it
/// has none, is not, and the start does not look like UTF-8 either.
fn not_utf8(bytes: &[u8], front: Option<&(FrontKind, Option<&str>)>) -> bool {
    let start = &bytes[..bytes.len() - cut_tail(bytes)];
    let suspect = match front {
        Some((_, checked)) => checked.is_none(),
        None => utf8(start).is_none(),
    };
    suspect && !decode::is_utf8(start)
}

/// Decodes UTF-8 lossily, noting real errors; a character cut off by the end
/// of a partial read is not one.
fn decode_utf8<'a>(bytes: &'a [u8], complete: bool, invalid: &mut bool) -> Cow<'a, str> {
    let bytes = if complete {
        bytes
    } else {
        &bytes[..bytes.len() - cut_tail(bytes)]
    };
    if let Some(text) = utf8(bytes) {
        Cow::Borrowed(text)
    } else {
        *invalid = true;
        String::from_utf8_lossy(bytes)
    }
}

/// `bytes` as text if they are UTF-8: `simdutf8`, the same answer as std's
/// check, 16-32 bytes at a time.
fn utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// Length of an unfinished multi-byte sequence at the end of `bytes`.
pub(in crate::library) fn cut_tail(bytes: &[u8]) -> usize {
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

#[cfg(test)]
mod tests;
