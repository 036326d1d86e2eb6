//! Sorting the files of a cached library into those the cache still
//! vouches for and those to parse again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::cold::untrust;
use super::{DiskIndex, linked, parse_all};
use crate::article::Article;
use crate::cache::{CachedFile, Decoded, FileKey, Snapshot, Stamp};
use crate::library::Progress;
use crate::library::order::merge_sorted_tail;
use crate::library::{Library, NotArticle, library_name, sort_articles};
use crate::problem::Problem;
use crate::tree::{self, Keys};
use listing::Listing;

mod listing;

/// The files of a library: those the cache still vouches for, and those
/// to parse.
pub(super) struct Found {
    /// Files in folders whose time is unchanged, decoded into parts.
    taken: Decoded,
    /// Files listed again whose size and time match the cache.
    reused: Vec<CachedFile>,
    to_parse: Vec<(PathBuf, FileKey)>,
    dirs: HashMap<PathBuf, Stamp>,
    /// Found by the walk (folders listed again, paths given) and by
    /// folders that could not be listed.
    problems: Vec<Problem>,
    /// The symbolic links followed in the folders listed (every folder
    /// holding one is listed on every start: see `DirScan::unusual`).
    followed: Vec<PathBuf>,
    /// Folders listed this time, with the time the cache had for each.
    listed: Vec<(PathBuf, Option<Stamp>)>,
    written_at: Stamp,
    /// A folder is gone, or a file the cache knew is nowhere now.
    removed: bool,
}

impl Found {
    pub(super) fn collect(roots: &[PathBuf], snapshot: &Snapshot) -> Found {
        let mut problems = Vec::new();
        let mut root_files: Vec<(PathBuf, FileKey)> = Vec::new();
        let mut to_walk: Vec<PathBuf> = Vec::new();
        for root in roots {
            if root.is_dir() {
                if !snapshot.dirs.contains_key(root) {
                    to_walk.push(root.clone());
                }
            } else {
                // A file, a missing path or something else: as the loader
                // reports it (one stat).
                match tree::find(root, Keys::Read) {
                    tree::Found::File(key) => root_files.push((root.clone(), key)),
                    tree::Found::Problem(p) => problems.push(p),
                    // A folder made meanwhile: next time.
                    tree::Found::Folder(_) => {}
                }
            }
        }
        let Listing {
            clean,
            mut dirs,
            scans,
            problems: unlisted,
            untrusted,
            removed,
        } = Listing::of(roots, snapshot, to_walk);
        problems.extend(unlisted);
        let Some(mut taken) = snapshot.decode(&|dir| clean.contains(dir)) else {
            // A chunk that does not decode: the cache is as good as missing.
            return Found::collect(roots, &Snapshot::default());
        };
        let mut others: HashMap<Arc<Path>, CachedFile> = std::mem::take(&mut taken.others)
            .into_iter()
            .map(|f| (f.path.clone(), f))
            .collect();
        let mut reused = Vec::new();
        let mut to_parse = Vec::new();
        let mut followed = Vec::new();
        let mut listed = Vec::with_capacity(scans.len());
        let mut files = Vec::new();
        for scan in scans {
            // A folder with links or problems is listed on every start.
            let stamp = scan.recorded_stamp();
            listed.push((scan.dir.clone(), snapshot.dirs.get(&scan.dir).copied()));
            dirs.insert(scan.dir, stamp);
            problems.extend(scan.problems);
            followed.extend(scan.followed);
            files.extend(scan.files);
        }
        untrust(&mut dirs, untrusted);
        for (path, key) in files.into_iter().chain(root_files) {
            match others.remove(path.as_path()) {
                Some(cached) if cached.key == key && !key.mtime.is_racy(snapshot.written_at) => {
                    reused.push(cached);
                }
                _ => to_parse.push((path, key)),
            }
        }
        // Files the cache knew that are nowhere now were removed.
        let removed = removed || !others.is_empty();
        Found {
            taken,
            reused,
            to_parse,
            dirs,
            problems,
            followed,
            listed,
            written_at: snapshot.written_at,
            removed,
        }
    }

    pub(super) fn into_library(self, roots: &[PathBuf], progress: &Progress) -> Library {
        let Found {
            taken,
            reused,
            to_parse,
            mut dirs,
            mut problems,
            followed,
            listed,
            written_at,
            removed,
        } = self;
        let Decoded {
            mut articles,
            mut keys,
            problems: taken_problems,
            ..
        } = taken;
        // Files in unchanged folders were taken without a look at them.
        let unseen = !keys.is_empty();
        problems.extend(taken_problems);
        // Room for the rest at once: the decoded lists are sized to the
        // cache, and doubling them for one new file held a second copy of
        // every article (~350 MB at a million) while they moved.
        let more = reused.len() + to_parse.len();
        articles.reserve_exact(more);
        keys.reserve_exact(more);
        let decoded_count = articles.len();
        for file in reused {
            keys.push((file.path, file.key));
            articles.extend(file.article);
            problems.extend(file.problems);
        }
        progress.set_total(keys.len() + to_parse.len());
        progress.read(keys.len());
        let to_parse_was_empty = to_parse.is_empty();
        let taken_count = articles.len();
        let cached_count = keys.len();
        let unread = parse_into(
            roots,
            to_parse,
            progress,
            &mut articles,
            &mut keys,
            &mut problems,
        );
        untrust(&mut dirs, unread);
        // New articles may match others' titles and dates (taken ones
        // already have the hashes they need among themselves).
        if !to_parse_was_empty {
            crate::library::duplicates::hash_new_collisions(&mut articles, taken_count);
        }
        // One file reached by several paths is kept once, as the loader
        // keeps it; the others are left out of the cache (see `cold`).
        let dropped = linked::drop_copies(roots, &followed, &mut articles, &mut problems);
        let mut at = 0;
        let mut keys_changed = false;
        keys.retain(|(path, _)| {
            let cached = at < cached_count;
            at += 1;
            let keep = !dropped.contains(&**path);
            keys_changed |= keep != cached;
            keep
        });
        untrust(
            &mut dirs,
            dropped
                .iter()
                .filter_map(|p| p.parent())
                .map(Path::to_path_buf),
        );
        // A folder listed again has a new state to record, even if no file
        // changed, unless it is again one listed on every start.
        let changed = removed || keys_changed || relisted_differ(&listed, &dirs, written_at);
        // Unchanged: the files of folders listed on every start, each as
        // the cache had it, go back to their places.
        if changed {
            sort_articles(&mut articles);
        } else {
            merge_sorted_tail(&mut articles, decoded_count);
        }
        problems.sort_by(|a, b| a.path.cmp(&b.path));
        let mut disk = DiskIndex {
            keys: keys.into(),
            dirs,
            unseen,
            ..DiskIndex::default()
        };
        if changed {
            disk.changed();
        }
        Library {
            name: library_name(roots),
            roots: roots.to_vec(),
            articles: articles.into(),
            problems,
            disk,
            skipped: crate::library::Skipped::default(),
        }
    }
}

/// Parses `to_parse` into the library's lists. A file that could not be
/// read gets no key (the cache does not keep it: see
/// `Problem::is_read_failure`); the folders holding such files are
/// returned, to be listed again next time.
fn parse_into(
    roots: &[PathBuf],
    to_parse: Vec<(PathBuf, FileKey)>,
    progress: &Progress,
    articles: &mut Vec<Article>,
    keys: &mut Vec<(Arc<Path>, FileKey)>,
    problems: &mut Vec<Problem>,
) -> Vec<PathBuf> {
    let parsed = parse_all(roots, &to_parse, progress);
    let mut unread = Vec::new();
    for ((path, key), result) in to_parse.into_iter().zip(parsed) {
        match result {
            Err(NotArticle::Failed(problem)) if problem.is_read_failure() => {
                unread.extend(path.parent().map(Path::to_path_buf));
                problems.push(problem);
                continue;
            }
            Ok((article, found)) => {
                articles.push(article);
                problems.extend(found);
            }
            Err(NotArticle::Failed(problem)) => problems.push(problem),
            Err(NotArticle::SitePage) => {}
        }
        keys.push((path.as_path().into(), key));
    }
    unread
}

/// Whether a folder listed this time has a new state to record, even if
/// no file changed: a new time, or one too recent to trust yet. One listed
/// on every start (recorded untrusted, and again so) has none.
fn relisted_differ(
    listed: &[(PathBuf, Option<Stamp>)],
    dirs: &HashMap<PathBuf, Stamp>,
    written_at: Stamp,
) -> bool {
    listed.iter().any(|(dir, recorded)| {
        let now = dirs.get(dir).copied();
        now != *recorded || now.is_some_and(|now| now.is_racy(written_at))
    })
}
