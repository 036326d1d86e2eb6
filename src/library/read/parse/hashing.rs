//! What a load notes of each body so that duplicates are found reading
//! as little as it can: the body's hash when it was read whole anyway, and
//! otherwise its sample (see `duplicates::sample`).

use std::io;

use super::super::source::Source;
use crate::article;
use crate::library::duplicates::{self, SAMPLE_BYTES, SameFile, SeenSamples};

/// A body already read whole costs next to nothing to hash (the others
/// are hashed later, only if they can be duplicates: see
/// `duplicates::hash_colliding`, which hashes the same bytes), nor does one
/// whose sample was met before in this load (`seen`), read whole now,
/// unless another path to the same file (`same_file`, a hard link) was
/// read whole already: its hash is taken. Returns the body's sample, which
/// tells which bodies to read whole later, when its length is known (rarely
/// read past the first read).
pub(super) fn hash_or_sample(
    source: &mut impl Source,
    body_start: usize,
    article: &mut article::Article,
    note: &BodyNote<'_>,
) -> io::Result<Option<u64>> {
    source.fill_to(body_start + SAMPLE_BYTES)?;
    let held = source.bytes().get(body_start..).unwrap_or_default();
    let len = if source.complete() {
        Some(held.len() as u64)
    } else {
        source
            .size()
            .and_then(|size| size.checked_sub(body_start as u64))
            .filter(|&len| len >= held.len() as u64)
    };
    let sample = len.map(|len| duplicates::sample(len, held));
    let read_now = match (sample, note.seen) {
        (Some(sample), Some(seen)) => seen.met_before(article, sample),
        _ => false,
    };
    // Another path to this very file (a hard link) was read whole already:
    // the same bytes, so its hash, without reading them again.
    let linked = note.seen.zip(note.same_file);
    if let Some(hash) = linked
        .filter(|_| read_now)
        .and_then(|(seen, file)| seen.hash_of(&file, body_start))
    {
        article.body_hash = Some(hash);
        return Ok(sample);
    }
    if read_now {
        // To the size the open gave, when the body fits the limit: one
        // read, none to find the end.
        let end = len
            .filter(|&len| len <= crate::library::BODY_LIMIT)
            .and_then(|len| usize::try_from(len).ok());
        match end {
            Some(len) => source.fill_to(body_start + len)?,
            None => source.fill_all()?,
        }
    }
    if source.complete() {
        let held = source.bytes().get(body_start..).unwrap_or_default();
        let body = &held[..held.len().min(crate::library::BODY_LIMIT as usize)];
        let hash = xxhash_rust::xxh3::xxh3_64(body);
        article.body_hash = Some(hash);
        if let Some((seen, file)) = linked.filter(|_| read_now) {
            seen.note_hash(file, body_start, hash);
        }
    }
    Ok(sample)
}

/// What parsing notes of a body for duplicates (see [`hash_or_sample`]).
#[derive(Default)]
pub(in crate::library) struct BodyNote<'a> {
    /// The samples met so far in this load, if they are gathered.
    pub seen: Option<&'a SeenSamples>,
    /// The body's sample, set by `parse`.
    pub sample: Option<u64>,
    /// The identity of the file read (see `duplicates::SameFile`).
    pub same_file: Option<SameFile>,
}
