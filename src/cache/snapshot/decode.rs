//! Reading every record of a snapshot into library parts, on all cores,
//! each part written straight into its place in one list: gathering lists
//! per worker and joining them held every article twice at the peak (at a
//! million articles, ~350 MB more), with fresh pages to fault in.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::record::{Reader, key, problems};
use super::{CachedFile, Decoded, Snapshot};
use crate::article::Article;
use crate::cache::FileKey;
use crate::cache::codec::view::View;
use crate::problem::Problem;

/// Records a worker reads between letting go of the pages it has read.
const CHUNK: usize = 4096;

/// A taken file: its article, if it has one, and its path and key.
type Taken = (Option<Article>, Option<(Arc<Path>, FileKey)>);

/// What a file adds beside the taken lists: a taken file's problems, or
/// a file not taken, whole.
enum Aside {
    Nothing,
    Problems(Vec<Problem>),
    Other(Box<CachedFile>),
}

impl Snapshot {
    /// Reads every file, in parallel: those in folders `take` accepts (it
    /// is asked with each folder) straight into library parts, the rest
    /// whole. `None` when a record
    /// does not read (the cache is then as good as missing).
    pub fn decode(&self, take: &(dyn Fn(&Path) -> bool + Sync)) -> Option<Decoded> {
        let Some(view) = &self.view else {
            return Some(Decoded::default());
        };
        let damaged = AtomicBool::new(false);
        let mut articles: Vec<Option<Article>> = Vec::new();
        let mut keys: Vec<Option<(Arc<Path>, FileKey)>> = Vec::new();
        (0..view.file_count())
            .into_par_iter()
            .with_min_len(CHUNK)
            .map_init(
                || (Reader::new(view), 0),
                |(reader, read), i| {
                    *read += 1;
                    if *read % CHUNK == 0 {
                        // The articles keep the map for their links, which
                        // a start reads a screenful of: the records and
                        // texts read so far need not stay.
                        view.release();
                    }
                    taken(view, i, reader, take).unwrap_or_else(|| {
                        damaged.store(true, Ordering::Relaxed);
                        (None, None)
                    })
                },
            )
            .unzip_into_vecs(&mut articles, &mut keys);
        let aside: Vec<Aside> = (0..view.file_count())
            .into_par_iter()
            .with_min_len(CHUNK)
            .map_init(
                || (Reader::new(view), 0),
                |(reader, read), i| {
                    *read += 1;
                    if *read % CHUNK == 0 {
                        // As above: this second pass reads every record
                        // again (~180 MB at a million files), which held
                        // in memory added that much to the start's peak.
                        view.release();
                    }
                    aside(view, i, reader, take)
                },
            )
            .filter(|added| !matches!(added, Some(Aside::Nothing)))
            .collect::<Option<_>>()?;
        view.release();
        if damaged.load(Ordering::Relaxed) {
            return None;
        }
        // In place, not a second list: an `Option<Article>` is as large as
        // an `Article`, and std collects `filter_map` (not `flatten`) into
        // the list it consumes.
        #[allow(clippy::filter_map_identity)]
        let mut all = Decoded {
            articles: articles.into_iter().filter_map(|a| a).collect(),
            keys: keys.into_iter().filter_map(|k| k).collect(),
            ..Decoded::default()
        };
        for part in aside {
            match part {
                Aside::Problems(found) => all.problems.extend(found),
                Aside::Other(file) => all.others.push(*file),
                Aside::Nothing => {}
            }
        }
        Some(all)
    }
}

/// Record `i` if its folder is taken; `None` when it does not read.
fn taken(
    view: &View,
    i: usize,
    reader: &mut Reader<'_>,
    take: &(dyn Fn(&Path) -> bool + Sync),
) -> Option<Taken> {
    let record = view.file(i)?;
    if !reader.taken(&record, take)? {
        return Some((None, None));
    }
    let path = reader.path(&record)?;
    let article = if record.has_article() {
        Some(reader.article(&record, &path)?)
    } else {
        None
    };
    Some((article, Some((path, key(&record)?))))
}

/// What record `i` adds beside [`taken`]'s lists; `None` when it does
/// not read.
fn aside(
    view: &View,
    i: usize,
    reader: &mut Reader<'_>,
    take: &(dyn Fn(&Path) -> bool + Sync),
) -> Option<Aside> {
    let record = view.file(i)?;
    if !reader.taken(&record, take)? {
        return Some(Aside::Other(Box::new(reader.file(&record)?)));
    }
    if record.problem_count()? == 0 {
        return Some(Aside::Nothing);
    }
    let path = reader.path(&record)?;
    Some(Aside::Problems(problems(&record, &path)?))
}
