//! Answers straight from the mapped cache, without building the library,
//! when the cache still vouches for every file on disk: every folder's
//! time and every file's size and time are as recorded (the same check a
//! script's load makes, see `Library::load_cached_exact_reporting`), so the
//! library would be exactly the records. At a million articles this reads
//! ~170 MB of records in place instead of decoding a million `Article`s.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::codec::view::{FileView, View};
use super::{FileKey, Snapshot, Stamp};

/// Records per piece of work: each is checked with a `stat`.
const CHUNK: usize = 4096;

/// Pieces of work between two releases of the pages read (~30 MB).
const RELEASE_EVERY: usize = 32;

/// Tags counted over the records, with the library's error count.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TagCounts {
    /// Each tag with how many articles carry it (any order).
    pub tags: Vec<(String, usize)>,
    /// Problems of severity error, as `Library::problems` would hold them.
    pub errors: usize,
}

impl Snapshot {
    /// Counts the tags of the articles whose date `keep` accepts, if the
    /// cache is current (see the module); `None` otherwise, and the caller
    /// loads the library as usual.
    pub fn current_tag_counts(
        &self,
        keep: &(dyn Fn(Option<NaiveDate>) -> bool + Sync),
    ) -> Option<TagCounts> {
        let view = self.view.as_ref()?;
        if !self.folders_current() {
            return None;
        }
        let starts: Vec<usize> = (0..view.file_count()).step_by(CHUNK).collect();
        let done = AtomicUsize::new(0);
        let parts: Vec<Counted> = starts
            .par_iter()
            .map_init(Folders::default, |folders, &start| {
                let records = start..(start + CHUNK).min(view.file_count());
                let counted = count_chunk(view, records, folders, keep);
                // Let the pages read go now and then rather than hold the
                // ~230 MB of records and lists by the end; not after every
                // chunk: each release (of the whole map, on both cores) and
                // the page faults it causes the other thread cost ~5% of
                // `tags` at a million articles.
                if done.fetch_add(1, Ordering::Relaxed) % RELEASE_EVERY == RELEASE_EVERY - 1 {
                    view.release();
                }
                counted
            })
            .collect::<Option<_>>()?;
        let mut all: HashMap<(u32, u32), usize, foldhash::fast::RandomState> = HashMap::default();
        let mut errors = 0;
        for part in parts {
            errors += part.errors;
            for (tag, n) in part.tags {
                *all.entry(tag).or_default() += n;
            }
        }
        let tags = tag_texts(view, all)?;
        Some(TagCounts { tags, errors })
    }

    /// Every root is a folder the cache lists, and every folder listed has
    /// the time recorded, not too close to the write to be trusted (a
    /// folder's time changes when an entry is added, removed or renamed).
    fn folders_current(&self) -> bool {
        let roots = &self.roots;
        if roots.is_empty() || !roots.iter().all(|r| self.dirs.contains_key(r)) {
            return false;
        }
        let written_at = self.written_at;
        self.dirs.par_iter().all(|(dir, &recorded)| {
            recorded != Stamp::UNTRUSTED
                && !recorded.is_racy(written_at)
                && Stamp::of_dir(dir) == Some(recorded)
        })
    }
}

/// One chunk's counts, tags by where their text lies in the arena: the
/// cache stores each tag once (once in each run of records the writer
/// encoded apart, see `codec::Part`), so this hashes two words, not the
/// text, and reads each stored text once at the end.
#[derive(Default)]
struct Counted {
    tags: HashMap<(u32, u32), usize, foldhash::fast::RandomState>,
    errors: usize,
}

/// The tags' texts, read in the order they lie in the file and copied,
/// the pages let go as they are passed: a cache written by `list` keeps
/// its tags far apart, and reading 15,000 of them in place held 350 MB of
/// the map (the kernel maps pages around each one read) until the end.
/// A text stored in several places is counted once, with their counts.
fn tag_texts(
    view: &View,
    counts: HashMap<(u32, u32), usize, foldhash::fast::RandomState>,
) -> Option<Vec<(String, usize)>> {
    /// Texts read between two releases.
    const BATCH: usize = 1024;
    let mut counts: Vec<((u32, u32), usize)> = counts.into_iter().collect();
    counts.sort_unstable_by_key(|&(at, _)| at);
    let mut tags = Vec::with_capacity(counts.len());
    for batch in counts.chunks(BATCH) {
        for &((offset, len), n) in batch {
            tags.push((view.text(offset, len)?.to_owned(), n));
        }
        view.release();
    }
    Some(merged(tags))
}

/// `counts` with each text once, with the sum of its counts.
fn merged(mut counts: Vec<(String, usize)>) -> Vec<(String, usize)> {
    counts.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    counts.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 += later.1;
        }
        same
    });
    counts
}

/// `None` when a file is not as recorded or a record does not read.
fn count_chunk(
    view: &View,
    records: std::ops::Range<usize>,
    folders: &mut Folders,
    keep: &(dyn Fn(Option<NaiveDate>) -> bool + Sync),
) -> Option<Counted> {
    let mut counted = Counted::default();
    for i in records {
        let record = view.file(i)?;
        if !folders.unchanged(&record)? {
            return None;
        }
        counted.errors += record.error_count()?;
        if !record.has_article() {
            continue;
        }
        if !keep(record.date().and_then(NaiveDate::from_num_days_from_ce_opt)) {
            continue;
        }
        for tag in record.tag_refs()? {
            *counted.tags.entry(tag).or_default() += 1;
        }
    }
    Some(counted)
}

/// The folders of the records being checked, kept open for the pass (see
/// `tree::FolderLookup`), known by where their path lies in the arena
/// (the cache stores a folder's path once): each file is then looked up
/// by its name alone, not by every component of its path again, which was
/// most of the time `tags` took.
#[derive(Default)]
struct Folders {
    #[cfg(target_os = "linux")]
    open: crate::tree::FolderLookup<(u32, u32)>,
    /// A reused buffer for a whole path.
    path: String,
}

impl Folders {
    /// Whether the file has the size and time its record holds. `None`
    /// when the record does not read.
    fn unchanged(&mut self, record: &FileView<'_>) -> Option<bool> {
        let recorded = FileKey {
            size: record.size()?,
            mtime: record.mtime()?,
        };
        #[cfg(target_os = "linux")]
        {
            let (prefix, name) = record.path_bytes()?;
            let (offset, len, whole) = record.folder_ref()?;
            if !(whole || prefix.is_empty() || name.contains(&b'/'))
                && let Some(folder) = self.open.folder(&(offset, len), prefix)
            {
                return Some(FileKey::stat_in(folder, name) == Some(recorded));
            }
        }
        let (prefix, name) = record.path()?;
        self.path.clear();
        self.path.push_str(prefix);
        self.path.push_str(name);
        Some(FileKey::stat(Path::new(self.path.as_str())) == Some(recorded))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_text_stored_twice_is_counted_once() {
        let counts = vec![
            ("b".to_owned(), 2),
            ("a".to_owned(), 1),
            ("b".to_owned(), 3),
        ];
        assert_eq!(
            super::merged(counts),
            [("a".to_owned(), 1), ("b".to_owned(), 5)]
        );
    }
}
