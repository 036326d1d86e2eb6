//! Answers straight from the mapped cache, without building the library,
//! when the cache still vouches for every file on disk: every folder's
//! time and every file's size and time are as recorded (the same check a
//! script's load makes, see `Library::load_cached_exact_reporting`), so the
//! library would be exactly the records. At a million articles this reads
//! ~170 MB of records in place instead of decoding a million `Article`s.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use rayon::prelude::*;

use super::codec::view::{FileView, View};
use super::{FileKey, Snapshot, Stamp};

/// Records per piece of work: each is checked with a `stat`.
const CHUNK: usize = 4096;

/// Tags counted over the records, with the library's error count.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TagCounts<'a> {
    /// Each tag with how many articles carry it (any order).
    pub tags: Vec<(&'a str, usize)>,
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
    ) -> Option<TagCounts<'_>> {
        let view = self.view.as_ref()?;
        if !self.folders_current() {
            return None;
        }
        let starts: Vec<usize> = (0..view.file_count()).step_by(CHUNK).collect();
        let parts: Vec<Counted> = starts
            .par_iter()
            .map(|&start| {
                let counted =
                    count_chunk(view, start..(start + CHUNK).min(view.file_count()), keep);
                // The file names read lie all over the file: let the pages
                // go rather than hold the whole file by the end.
                view.release();
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
        let tags = all
            .into_iter()
            .map(|((offset, len), n)| Some((view.text(offset, len)?, n)))
            .collect::<Option<_>>()?;
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
/// cache stores each tag once, so this hashes two words, not the text, and
/// reads each text once at the end.
#[derive(Default)]
struct Counted {
    tags: HashMap<(u32, u32), usize, foldhash::fast::RandomState>,
    errors: usize,
}

/// `None` when a file is not as recorded or a record does not read.
fn count_chunk(
    view: &View,
    records: std::ops::Range<usize>,
    keep: &(dyn Fn(Option<NaiveDate>) -> bool + Sync),
) -> Option<Counted> {
    let mut counted = Counted::default();
    let mut folder = Folder::default();
    for i in records {
        let record = view.file(i)?;
        if !folder.unchanged(&record)? {
            return None;
        }
        counted.errors += record
            .problems()?
            .iter()
            .filter(|(error, _)| *error)
            .count();
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

/// The folder of the records being checked, opened once for the run of
/// its files (records of one folder lie together): each file is then
/// looked up by its name alone, not by every component of its path again,
/// which was most of the time `tags` took.
#[derive(Default)]
struct Folder {
    /// Where the folder's path lies in the arena, and the folder opened
    /// (`None` when it cannot be: its files are then looked up whole).
    #[cfg(target_os = "linux")]
    open: Option<((u32, u32), Option<std::os::fd::OwnedFd>)>,
    /// A reused buffer for a whole path.
    path: String,
}

impl Folder {
    /// Whether the file has the size and time its record holds. `None`
    /// when the record does not read.
    fn unchanged(&mut self, record: &FileView<'_>) -> Option<bool> {
        let (prefix, name) = record.path()?;
        let recorded = FileKey {
            size: record.size()?,
            mtime: record.mtime()?,
        };
        #[cfg(target_os = "linux")]
        if let Some(folder) = self.opened(record, prefix, name) {
            use std::os::fd::AsFd;
            return Some(FileKey::stat_in(folder.as_fd(), name) == Some(recorded));
        }
        self.path.clear();
        self.path.push_str(prefix);
        self.path.push_str(name);
        Some(FileKey::stat(Path::new(self.path.as_str())) == Some(recorded))
    }

    /// The record's folder, opened, when its path is a folder and a name
    /// (`None` when the whole path must be looked up).
    #[cfg(target_os = "linux")]
    fn opened(
        &mut self,
        record: &FileView<'_>,
        prefix: &str,
        name: &str,
    ) -> Option<&std::os::fd::OwnedFd> {
        use rustix::fs::{Mode, OFlags};
        let (offset, len, whole) = record.folder_ref()?;
        if whole || prefix.is_empty() || name.contains('/') {
            return None;
        }
        if self
            .open
            .as_ref()
            .is_none_or(|(at, _)| *at != (offset, len))
        {
            let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
            let fd = rustix::fs::open(prefix, flags, Mode::empty()).ok();
            self.open = Some(((offset, len), fd));
        }
        self.open.as_ref().and_then(|(_, fd)| fd.as_ref())
    }
}
