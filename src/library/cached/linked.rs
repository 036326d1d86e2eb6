//! One file reached by several paths through symbolic links, kept once on
//! a warm start as the loader keeps it (`gathered::drop_duplicates`: the
//! smallest path). The loader asks the system for every file's real path;
//! here it is worked out from the links': every path through a link
//! starts with a link followed (the cache lists every folder holding one
//! again on each start, so all are known), and the rest of the path holds
//! none. A few `realpath`s instead of one a file.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::library::gathered::{leave_out, problems_once};
use crate::problem::Problem;

/// Drops from `articles` and `problems` every path that reaches the same
/// regular file as a smaller one, and returns them. Nothing to do when no
/// link was `followed`.
pub(super) fn drop_copies(
    roots: &[PathBuf],
    followed: &[PathBuf],
    articles: &mut Vec<Article>,
    problems: &mut Vec<Problem>,
) -> HashSet<PathBuf> {
    if followed.is_empty() {
        return HashSet::new();
    }
    // As the loader does when it met a link: each problem once.
    problems_once(problems);
    let links: HashMap<&Path, PathBuf> = followed
        .iter()
        .filter_map(|link| Some((link.as_path(), fs::canonicalize(link).ok()?)))
        .collect();
    let real_roots: Vec<(&Path, PathBuf)> = roots
        .iter()
        .filter_map(|root| Some((root.as_path(), fs::canonicalize(root).ok()?)))
        .collect();
    // A link whose target is apart from every root and every other link's
    // target (a feed kept elsewhere, linked in) reaches files nothing else
    // reaches: its paths need no look, and most trees have no other kind.
    let overlapping: HashSet<&Path> = links
        .iter()
        .filter(|&(link, real)| {
            real_roots.iter().any(|(_, root)| nested(real, root))
                || links
                    .iter()
                    .any(|(other, to)| other != link && nested(real, to))
        })
        .map(|(&link, _)| link)
        .collect();
    if overlapping.is_empty() {
        return HashSet::new();
    }
    let paths: HashSet<&Path> = articles
        .iter()
        .map(|a| &*a.path)
        .chain(problems.iter().map(|p| p.path.as_path()))
        .collect();
    // The paths through links, by the real path they reach.
    let mut copies: HashMap<PathBuf, Vec<&Path>> = HashMap::new();
    for &path in &paths {
        if let Some((link, real)) = real_path(path, &links) {
            if overlapping.contains(link) {
                copies.entry(real).or_default().push(path);
            }
        }
    }
    let mut dropped = HashSet::new();
    for (real, mut group) in copies {
        // The path without a link to the same file, if the tree has it.
        for (root, real_root) in &real_roots {
            let Ok(rest) = real.strip_prefix(real_root) else {
                continue;
            };
            let plain = if rest.as_os_str().is_empty() {
                root.to_path_buf()
            } else {
                root.join(rest)
            };
            if let Some(&plain) = paths.get(plain.as_path()) {
                if !group.contains(&plain) {
                    group.push(plain);
                }
            }
        }
        // Folders and special files are not copies (as the loader has it).
        if group.len() < 2 || !real.is_file() {
            continue;
        }
        group.sort_unstable();
        dropped.extend(group[1..].iter().map(|p| p.to_path_buf()));
    }
    leave_out(&dropped, articles, problems);
    dropped
}

/// The real path `path` reaches, if it goes through one of `links` (each
/// with its real path): the deepest link on it, and that link resolved
/// with the rest of the path.
fn real_path<'a>(path: &Path, links: &HashMap<&'a Path, PathBuf>) -> Option<(&'a Path, PathBuf)> {
    path.ancestors().find_map(|above| {
        let (&link, real) = links.get_key_value(above)?;
        let real = match path.strip_prefix(above) {
            Ok(rest) if !rest.as_os_str().is_empty() => real.join(rest),
            _ => real.clone(),
        };
        Some((link, real))
    })
}

/// Whether one of two real paths holds the other (or they are the same).
fn nested(a: &Path, b: &Path) -> bool {
    a.starts_with(b) || b.starts_with(a)
}
