//! The folders of a cached tree as they are now: those whose time is as
//! the cache recorded it (their files are taken from it unseen), and those
//! listed again or walked for the first time, as the walk of their root
//! would list them.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cache::{Snapshot, Stamp};
use crate::library::cached::root_of;
use crate::problem::Problem;
use crate::tree::{self, DirScan, Keys};

#[derive(Default)]
pub(super) struct Listing<'s> {
    /// Folders whose time is as recorded.
    pub(super) clean: HashSet<&'s Path>,
    /// The clean folders with their times (the listed ones are added by
    /// the caller).
    pub(super) dirs: HashMap<PathBuf, Stamp>,
    pub(super) scans: Vec<DirScan>,
    /// Folders that could not be listed.
    pub(super) problems: Vec<Problem>,
    /// The folders above those: listed again next time, so that the
    /// folder is met (and reported) again.
    pub(super) untrusted: Vec<PathBuf>,
    /// A folder the cache knew is gone or could not be listed.
    pub(super) removed: bool,
}

impl<'s> Listing<'s> {
    /// Checks every folder `snapshot` knows, lists again those whose time
    /// changed (or was recorded untrusted), and walks `to_walk` and the
    /// folders they hold that it does not know.
    pub(super) fn of(
        roots: &[PathBuf],
        snapshot: &'s Snapshot,
        mut to_walk: Vec<PathBuf>,
    ) -> Listing<'s> {
        let checked: Vec<(&PathBuf, Stamp, Option<Stamp>)> = snapshot
            .dirs
            .par_iter()
            .map(|(dir, &recorded)| (dir, recorded, Stamp::of_dir(dir)))
            .collect();
        let mut listing = Listing::default();
        for (dir, recorded, now) in checked {
            match now {
                Some(now) if now == recorded && !now.is_racy(snapshot.written_at) => {
                    listing.clean.insert(dir);
                    listing.dirs.insert(dir.clone(), now);
                }
                Some(_) => match tree::list_dir_inside(dir, root_of(roots, dir), Keys::Read) {
                    Ok(scan) => {
                        let unknown = scan
                            .subdirs
                            .iter()
                            .filter(|s| !snapshot.dirs.contains_key(*s));
                        to_walk.extend(unknown.cloned());
                        listing.scans.push(scan);
                    }
                    Err(e) => {
                        listing
                            .problems
                            .push(Problem::error(dir, format!("cannot read: {e}")));
                        listing
                            .untrusted
                            .extend(dir.parent().map(Path::to_path_buf));
                        listing.removed = true;
                    }
                },
                None => listing.removed = true,
            }
        }
        let walked: Vec<_> = to_walk
            .par_iter()
            .map(|dir| tree::walk_inside(dir, root_of(roots, dir), Keys::Read))
            .collect();
        for walk in walked {
            let above = walk.unreadable.iter().filter_map(|p| p.path.parent());
            listing.untrusted.extend(above.map(Path::to_path_buf));
            listing.problems.extend(walk.unreadable);
            listing.scans.extend(walk.scans);
        }
        listing
    }
}
