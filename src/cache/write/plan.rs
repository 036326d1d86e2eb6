//! Which files the cache writes, decided before any is encoded: each
//! once, in list order, so that runs of articles can then be encoded on
//! all cores (see `records`).

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::path::Path;

use rayon::prelude::*;

use super::records::{NOT_WRITTEN, Planned};
use super::{Fold, WriteInput};
use crate::cache::FileKey;
use crate::problem::Problem;

/// What the cache writes.
pub(super) struct Plan<'p, 'a> {
    /// Each article's key if it is written (four bytes an article: the
    /// reader's first start writes the cache too, at its peak).
    pub(super) articles: Vec<Planned>,
    /// Then the files that gave no article (parse errors), which keep
    /// their problems.
    pub(super) rest: Vec<(&'a Path, FileKey, &'p [&'a Problem])>,
    /// The folders of files met without a key: listed again next time.
    pub(super) untrusted: HashSet<&'a Path>,
}

impl<'p, 'a> Plan<'p, 'a> {
    /// The plan for `input`, with each file's problems in `problems_of`
    /// and its key's place in `key_at` (`keys_repeat`: some path is there
    /// twice).
    pub(super) fn make(
        input: &WriteInput<'a>,
        problems_of: &'p HashMap<&'a OsStr, Vec<&'a Problem>, Fold>,
        key_at: &HashMap<&'a OsStr, usize, Fold>,
        keys_repeat: bool,
    ) -> Plan<'p, 'a> {
        let no_problems: &[&Problem] = &[];
        // The articles' keys looked up on all cores: each lookup hashes the
        // path and is a few misses of the processor's cache (the table and
        // the path it holds), and the writer ends last in a cold `list`.
        let mut articles: Vec<Planned> = input
            .articles
            .par_iter()
            .map(|a| {
                key_at
                    .get(a.path.as_os_str())
                    .and_then(|&at| Planned::try_from(at).ok())
                    .unwrap_or(NOT_WRITTEN)
            })
            .collect();
        // Which articles are written, with which key (a path met twice is
        // written once): decided here, in list order.
        let mut written = vec![false; input.keys.len()];
        // Paths met without a key, each taken once (none in a load's own
        // library: every article's file has its key); their folders are
        // listed again next time.
        let mut done_unkeyed: HashSet<&'a OsStr, Fold> = HashSet::default();
        let mut untrusted: HashSet<&'a Path> = HashSet::new();
        let mut take = |path: &'a Path, at: Option<usize>| match at {
            Some(at) if written[at] => None,
            Some(at) => {
                written[at] = true;
                Some(at)
            }
            None => {
                if done_unkeyed.insert(path.as_os_str()) {
                    untrusted.insert(path.parent().unwrap_or(Path::new("")));
                }
                None
            }
        };
        for (a, at) in input.articles.iter().zip(&mut articles) {
            let found = (*at != NOT_WRITTEN).then_some(*at as usize);
            if take(&a.path, found).is_none() {
                *at = NOT_WRITTEN;
            }
        }
        // Then files that gave no article (parse errors), which keep their
        // problems. A key's own place is its place in the table unless a
        // path is there twice.
        let rest: Vec<(&Path, FileKey, &[&Problem])> = input
            .keys
            .iter()
            .enumerate()
            .filter_map(|(i, (p, _))| {
                let at = if keys_repeat {
                    key_at.get(p.as_os_str()).copied()
                } else {
                    Some(i)
                };
                let key = input.keys[take(p, at)?].1;
                let problems = problems_of
                    .get(p.as_os_str())
                    .map_or(no_problems, Vec::as_slice);
                Some((&**p, key, problems))
            })
            .collect();
        Plan {
            articles,
            rest,
            untrusted,
        }
    }
}
