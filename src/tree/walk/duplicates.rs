//! Paths that lead to one file: what the walk found twice through links.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// Of several paths that lead to the same regular file, every one but the
/// smallest. Folders are left alone: two links into one folder are not
/// duplicates, they were walked once each and their files are compared here.
pub fn duplicates(mut paths: Vec<&Path>) -> HashSet<PathBuf> {
    paths.sort_unstable();
    paths.dedup();
    let targets: Vec<Option<PathBuf>> = paths
        .par_iter()
        .map(|p| fs::canonicalize(p).ok().filter(|t| t.is_file()))
        .collect();
    let mut keeper: HashMap<&Path, &Path> = HashMap::new();
    let mut dropped = HashSet::new();
    // `paths` is sorted, so the first path seen for a target is the smallest.
    for (path, target) in paths.iter().zip(&targets) {
        if let Some(target) = target {
            if keeper.entry(target.as_path()).or_insert(path) != path {
                dropped.insert(path.to_path_buf());
            }
        }
    }
    dropped
}
