//! Which bodies are read and hashed to tell duplicates: only those of
//! articles whose title, date and time match another's, and, where the
//! load took a [`sample`] of both bodies, whose samples match too (in the
//! real 49k archive 31,882 articles share their title and date with
//! another, but only 2,498 also share their body's length and first
//! 2 KiB; a load reads 4 KiB of each file, like the first-4 KiB floor).

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::sync::Mutex;

use chrono::{DateTime, FixedOffset, NaiveDate};
// foldhash, not SipHash: one lookup per article in the archive.
use foldhash::fast::RandomState;
use rayon::prelude::*;

use super::SameFile;
use super::body_hash;
use crate::article::Article;

/// How many bytes of a body its sample covers: enough to tell apart most
/// bodies of one length (feed mirrors keep copies that differ only in an
/// archive time stamp a little way into the body), and within the first
/// read of nearly every file.
pub(in crate::library) const SAMPLE_BYTES: usize = 2048;

/// What is known of a body before it is read whole: a hash of its length
/// (as [`body_hash`] takes it, at most `BODY_LIMIT`) and its first
/// [`SAMPLE_BYTES`]. Equal bodies have equal samples; `start` holds at
/// least the first `SAMPLE_BYTES` of the body, or all of it.
pub(in crate::library) fn sample(len: u64, start: &[u8]) -> u64 {
    let len = len.min(crate::library::BODY_LIMIT);
    let take = start.len().min(SAMPLE_BYTES).min(len as usize);
    xxhash_rust::xxh3::xxh3_64_with_seed(&start[..take], len)
}

/// The samples a load has met so far, with their titles, dates and times,
/// shared by its threads: a file whose sample was met before is read whole
/// at once, while it is open, since its body will be hashed anyway. Then
/// only the first file of each group is opened again to be hashed (in a
/// tree of copies, one file in many instead of every file).
#[derive(Default)]
pub struct SeenSamples {
    /// In shards by the key's top bits: every core notes every file's
    /// sample, and with one lock its cache line (and the set's) went from
    /// core to core at each.
    seen: [Mutex<HashSet<u64, RandomState>>; SHARDS],
    state: RandomState,
    /// The body hash of each file read whole so far in this load, by its
    /// identity and where its body starts: another path to the same file
    /// (a hard link) takes it instead of reading the body again (see
    /// [`SameFile`]).
    hashed: Mutex<HashMap<(SameFile, usize), u64, RandomState>>,
}

/// [`SeenSamples`] keeps its samples in `2^SHARD_BITS` sets.
const SHARD_BITS: u32 = 4;
const SHARDS: usize = 1 << SHARD_BITS;

impl SeenSamples {
    /// Room for the samples of `files` files, made once: grown by
    /// doubling, the set was rehashed under its lock while every core
    /// waited for it.
    pub(in crate::library) fn for_files(files: usize) -> SeenSamples {
        SeenSamples {
            seen: std::array::from_fn(|_| {
                Mutex::new(HashSet::with_capacity_and_hasher(
                    files / SHARDS + 1,
                    RandomState::default(),
                ))
            }),
            state: RandomState::default(),
            hashed: Mutex::default(),
        }
    }

    /// Notes `article`'s body `sample`; whether one like it was met before.
    /// A false match only costs a body read whole.
    pub(in crate::library) fn met_before(&self, article: &Article, sample: u64) -> bool {
        let key = self.state.hash_one((slot(article), sample));
        let shard = &self.seen[(key >> (64 - SHARD_BITS)) as usize];
        // A poisoned lock only loses the shortcut.
        shard.lock().is_ok_and(|mut seen| !seen.insert(key))
    }

    /// The hash of the body of `file` from `body_start` on, if another of
    /// its paths was hashed in this load.
    pub(in crate::library) fn hash_of(&self, file: &SameFile, body_start: usize) -> Option<u64> {
        self.hashed.lock().ok()?.get(&(*file, body_start)).copied()
    }

    /// Notes the hash of the body of `file` from `body_start` on, just read whole.
    pub(in crate::library) fn note_hash(&self, file: SameFile, body_start: usize, hash: u64) {
        // A poisoned lock only loses the shortcut.
        if let Ok(mut hashed) = self.hashed.lock() {
            hashed.insert((file, body_start), hash);
        }
    }
}

/// What must be equal for two articles to be duplicates, besides the body.
type Slot<'a> = (Option<NaiveDate>, Option<DateTime<FixedOffset>>, &'a str);

fn slot(a: &Article) -> Slot<'_> {
    (a.date, a.datetime, a.title.as_str())
}

/// Hashes the body of every article whose title, date and time match
/// another article's and that has no hash yet, on all cores. An article
/// whose body cannot be read keeps no hash (and is nobody's duplicate).
pub(in crate::library) fn hash_colliding(articles: &mut [Article]) {
    hash_needed(articles, &[], 0);
}

/// [`hash_colliding`] told by `samples` (one per article; `None`: not
/// known): two articles whose samples are both known and differ cannot be
/// duplicates, so neither body is read for the other.
pub(in crate::library) fn hash_colliding_sampled(
    articles: &mut [Article],
    samples: &[Option<u64>],
) {
    hash_needed(articles, samples, 0);
}

/// [`hash_colliding`] after new articles were added from `new_from` on to
/// articles whose bodies were hashed as they needed (a load through the
/// cache): only groups holding a new article are looked at, since two old
/// articles without hashes were already found to differ.
pub(in crate::library) fn hash_new_collisions(articles: &mut [Article], new_from: usize) {
    hash_needed(articles, &[], new_from);
}

/// What one title, date and time has: its members, whether one's sample
/// is not known, and whether one is new.
#[derive(Default)]
struct Group {
    count: u32,
    unknown: bool,
    new: bool,
}

fn hash_needed(articles: &mut [Article], samples: &[Option<u64>], new_from: usize) {
    let needs = needing(articles, samples, new_from);
    articles
        .par_iter_mut()
        .zip(needs)
        .filter(|(a, needs)| *needs && a.body_hash.is_none())
        .for_each_init(Vec::new, |buf, (a, _)| {
            a.body_hash = body_hash(&a.body, buf);
        });
}

/// Which articles need their body hashed (see [`hash_needed`]). Each
/// title, date and time is hashed once, on all cores, and its group known
/// by that hash: two that differ but share their 64-bit hash would only
/// make one group, which costs a body read, never a wrong duplicate (those
/// are told by the whole key, see `Duplicates::find`).
fn needing(articles: &[Article], samples: &[Option<u64>], new_from: usize) -> Vec<bool> {
    let sample = |i: usize| samples.get(i).copied().flatten();
    let state = RandomState::default();
    let slots: Vec<u64> = articles
        .par_iter()
        .map(|a| state.hash_one(slot(a)))
        .collect();
    let mut index: HashMap<u64, u32, RandomState> =
        HashMap::with_capacity_and_hasher(articles.len(), RandomState::default());
    let mut groups: Vec<Group> = Vec::new();
    let group_of: Vec<u32> = slots
        .iter()
        .enumerate()
        .map(|(i, &slot)| {
            let at = *index.entry(slot).or_insert_with(|| {
                groups.push(Group::default());
                (groups.len() - 1) as u32
            });
            let group = &mut groups[at as usize];
            group.count += 1;
            group.unknown |= sample(i).is_none();
            group.new |= i >= new_from;
            at
        })
        .collect();
    drop((index, slots));
    let open = |g: &Group| g.count > 1 && g.new;
    // Within groups whose samples are all known, how many share each one.
    let mut same: HashMap<(u32, u64), u32, RandomState> = HashMap::default();
    for (i, &at) in group_of.iter().enumerate() {
        let group = &groups[at as usize];
        if let Some(s) = sample(i).filter(|_| open(group) && !group.unknown) {
            *same.entry((at, s)).or_default() += 1;
        }
    }
    group_of
        .iter()
        .enumerate()
        .map(|(i, &at)| {
            let group = &groups[at as usize];
            open(group) && (group.unknown || sample(i).is_some_and(|s| same[&(at, s)] > 1))
        })
        .collect()
}

#[cfg(test)]
mod tests;
