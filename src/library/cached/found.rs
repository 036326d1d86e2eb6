//! Sorting the files of a cached library into those the cache still
//! vouches for and those to parse again.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{DiskIndex, parse_all};
use crate::cache::{CachedFile, Decoded, FileKey, Snapshot, Stamp};
use crate::library::Progress;
use crate::library::{Library, NotArticle, library_name, sort_articles};
use crate::problem::Problem;
use crate::tree::{self, DirScan, Keys};

/// The files of a library: those the cache still vouches for, and those
/// to parse.
pub(super) struct Found {
    /// Files in folders whose time is unchanged, decoded into parts.
    taken: Decoded,
    /// Files listed again whose size and time match the cache.
    reused: Vec<CachedFile>,
    to_parse: Vec<(PathBuf, FileKey)>,
    dirs: HashMap<PathBuf, Stamp>,
    problems: Vec<Problem>,
    changed: bool,
}

impl Found {
    /// `None` when the tree holds something only the full loader handles.
    pub(super) fn collect(roots: &[PathBuf], snapshot: &Snapshot) -> Option<Found> {
        let mut problems = Vec::new();
        let mut dirs = HashMap::new();
        let mut scans: Vec<DirScan> = Vec::new();
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
        // Check every known folder's time; list again those that changed.
        let checked: Vec<(&PathBuf, Stamp, Option<Stamp>)> = snapshot
            .dirs
            .par_iter()
            .map(|(dir, &recorded)| (dir, recorded, Stamp::of_dir(dir)))
            .collect();
        let mut clean: HashSet<&Path> = HashSet::new();
        let mut gone_dirs = false;
        for (dir, recorded, now) in checked {
            match now {
                Some(now) if now == recorded && !now.is_racy(snapshot.written_at) => {
                    clean.insert(dir);
                    dirs.insert(dir.clone(), now);
                }
                Some(_) => {
                    let scan = tree::list_dir(dir, Keys::Read).ok()?;
                    to_walk.extend(
                        scan.subdirs
                            .iter()
                            .filter(|s| !snapshot.dirs.contains_key(*s))
                            .cloned(),
                    );
                    scans.push(scan);
                }
                None => gone_dirs = true,
            }
        }
        let walked: Vec<_> = to_walk
            .par_iter()
            .map(|d| tree::walk(d, Keys::Read))
            .collect();
        for walk in walked {
            if !walk.unreadable.is_empty() {
                return None;
            }
            scans.extend(walk.scans);
        }
        if scans.iter().any(|s| s.unusual) {
            return None;
        }
        // A folder listed again or gone has a new state to record, even if
        // no file changed.
        let mut changed = !scans.is_empty() || gone_dirs;
        let Some(mut taken) = snapshot.decode(&|dir| clean.contains(dir)) else {
            // A chunk that does not decode: the cache is as good as missing.
            return Found::collect(roots, &Snapshot::default());
        };
        let mut others: HashMap<std::sync::Arc<Path>, CachedFile> =
            std::mem::take(&mut taken.others)
                .into_iter()
                .map(|f| (f.path.clone(), f))
                .collect();
        let mut reused = Vec::new();
        let mut to_parse = Vec::new();
        let listed = scans.into_iter().flat_map(|scan| {
            dirs.insert(scan.dir, scan.mtime);
            scan.files
        });
        for (path, key) in listed.collect::<Vec<_>>().into_iter().chain(root_files) {
            match others.remove(path.as_path()) {
                Some(cached) if cached.key == key && !key.mtime.is_racy(snapshot.written_at) => {
                    reused.push(cached);
                }
                _ => to_parse.push((path, key)),
            }
        }
        // Files the cache knew that are nowhere now were removed.
        changed |= !to_parse.is_empty() || !others.is_empty();
        Some(Found {
            taken,
            reused,
            to_parse,
            dirs,
            problems,
            changed,
        })
    }

    pub(super) fn into_library(self, roots: &[PathBuf], progress: &Progress) -> Library {
        let Found {
            taken,
            reused,
            to_parse,
            dirs,
            mut problems,
            changed,
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
        for file in reused {
            keys.push((file.path, file.key));
            articles.extend(file.article);
            problems.extend(file.problems);
        }
        progress.set_total(keys.len() + to_parse.len());
        progress.read(keys.len());
        let to_parse_was_empty = to_parse.is_empty();
        let taken_count = articles.len();
        let parsed = parse_all(roots, &to_parse, progress);
        for ((path, key), result) in to_parse.into_iter().zip(parsed) {
            keys.push((path.as_path().into(), key));
            match result {
                Ok((article, found)) => {
                    articles.push(article);
                    problems.extend(found);
                }
                Err(NotArticle::Failed(problem)) => problems.push(problem),
                Err(NotArticle::SitePage) => {}
            }
        }
        // New articles may match others' titles and dates (taken ones
        // already have the hashes they need among themselves).
        if !to_parse_was_empty {
            crate::library::duplicates::hash_new_collisions(&mut articles, taken_count);
        }
        if changed {
            sort_articles(&mut articles);
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
