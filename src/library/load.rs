//! Loading the files a walk found: read in parallel, problems gathered,
//! duplicates dropped, and the library assembled (with, for the cache, the
//! size and time of each file read).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::gathered::{append, drop_duplicates};
use super::name::library_name;
use super::order::{ListKey, list_order, permute};
use super::{Library, LoadOptions, NotArticle, Problem, Progress, Skipped, duplicates, read};
use crate::article::Article;
use crate::tree::{self, FileKey, Found};

/// A file's size and time (`None`: it could not be looked at), with its
/// path: its article's own when it is one.
pub(super) type KeyedFile = (Option<FileKey>, Arc<Path>);

/// What a file gave besides its article: the article's problems or why
/// there is none, the file's size and time, its path when it gave no
/// article and keys are wanted, and its body's sample.
type FileOutcome = (
    Result<Vec<Problem>, NotArticle>,
    Option<FileKey>,
    Option<Arc<Path>>,
    Option<u64>,
);

impl Library {
    /// Loads the files the walk of each of `paths` found.
    pub(super) fn load_found(
        paths: &[PathBuf],
        found: Vec<Found>,
        options: LoadOptions,
        progress: &Progress,
    ) -> Library {
        Self::load_found_keyed(paths, found, options, progress, false).0
    }

    /// [`Library::load_found`]; with `want_keys`, also the size and time of
    /// each file of the walk (in the walk's order, folder by folder), taken
    /// from the open file (`None` for a file that could not be looked at),
    /// with the path its article holds if it is one (for the cache to
    /// share), else a copy of the walk's; and the paths left out as another
    /// path's copy of one file.
    pub(super) fn load_found_keyed(
        paths: &[PathBuf],
        found: Vec<Found>,
        options: LoadOptions,
        progress: &Progress,
        want_keys: bool,
    ) -> (Library, Vec<KeyedFile>, HashSet<PathBuf>) {
        let mut problems = Vec::new();
        let mut saw_link = false;
        let mut skipped = Skipped::default();
        // Each file with the root its archive path is taken inside.
        let mut files: Vec<(PathBuf, &Path)> = Vec::new();
        for (root, found) in paths.iter().zip(found) {
            match found {
                Found::Problem(p) => problems.push(p),
                Found::File(_) => files.push((root.clone(), Path::new(""))),
                Found::Folder(walk) => {
                    saw_link |= walk.saw_link();
                    problems.extend(walk.unreadable);
                    for scan in walk.scans {
                        skipped.other_files += scan.skipped;
                        skipped.hidden += scan.hidden;
                        problems.extend(scan.problems);
                        files.extend(
                            scan.files
                                .into_iter()
                                .map(|(path, _)| (path, root.as_path())),
                        );
                    }
                }
            }
        }
        progress.set_total(files.len());
        // One set of the samples met, for all threads.
        let seen = options
            .hash_bodies
            .then(|| Arc::new(duplicates::SeenSamples::for_files(files.len())));
        let new_reader = || {
            let mut reader = read::Reader::default();
            reader.seen.clone_from(&seen);
            reader
        };
        // On all cores, each result written straight into its place in two
        // lists sized up front (the articles, and what else each file gave):
        // gathering per thread and joining the lists grew and copied them
        // (with fresh pages to fault in) several times.
        let (walked, outcomes): (Vec<Option<Article>>, Vec<FileOutcome>) = files
            .into_par_iter()
            .map_init(new_reader, |reader, (path, root)| {
                let archive_path = tree::archive_path(&path, root);
                let result = read::load(&path, &archive_path, reader, options);
                let key = if want_keys {
                    reader.key.or_else(|| match &result {
                        // Could not be opened: its key as the walk would
                        // have seen it, so the error is cached with it.
                        Err(NotArticle::Failed(problem)) => FileKey::stat(&problem.path),
                        _ => None,
                    })
                } else {
                    None
                };
                progress.read(1);
                let (article, rest) = match result {
                    Ok((article, problems)) => (Some(article), Ok(problems)),
                    Err(not) => (None, Err(not)),
                };
                // An article holds its own path; only a file that gave none
                // needs the walk's kept (the walk's paths are freed here,
                // on all cores, not copied up front on one).
                let kept = (want_keys && article.is_none()).then(|| Arc::from(path));
                (article, (rest, key, kept, reader.sample))
            })
            .unzip();
        let mut keys = Vec::with_capacity(if want_keys { outcomes.len() } else { 0 });
        let mut problems_parsed = Vec::new();
        let mut site_pages = 0;
        // Each file's body sample, in walk order.
        let mut walk_samples = Vec::with_capacity(if options.hash_bodies {
            outcomes.len()
        } else {
            0
        });
        for ((rest, key, kept, sample), article) in outcomes.into_iter().zip(&walked) {
            if want_keys {
                // `kept` is there for every file that gave no article.
                if let Some(path) = article.as_ref().map(|a| Arc::clone(&a.path)).or(kept) {
                    keys.push((key, path));
                }
            }
            if options.hash_bodies {
                walk_samples.push(sample);
            }
            match rest {
                Ok(mut problems) => problems_parsed.append(&mut problems),
                Err(NotArticle::Failed(problem)) => problems_parsed.push(problem),
                Err(NotArticle::SitePage) => site_pages += 1,
            }
        }
        let (mut articles, samples) = in_list_order(walked, &walk_samples);
        drop(walk_samples);
        skipped.site_pages = site_pages;
        problems = append(problems, problems_parsed);
        // Before one file reached by two paths is kept once, while the
        // samples are beside their articles (such a file is hashed for
        // its other copy, which does no harm).
        if options.hash_bodies {
            duplicates::hash_colliding_sampled(&mut articles, &samples);
        }
        drop(samples);
        // In list order, unless one file reached by two paths had to be
        // found (that sorts the articles by path).
        let mut dropped = HashSet::new();
        let mut library = if saw_link || paths.len() > 1 {
            dropped = drop_duplicates(&mut articles, &mut problems);
            Self::assemble(library_name(paths), articles, problems)
        } else {
            Self::assemble_in_order(library_name(paths), articles, problems)
        };
        library.roots = paths.to_vec();
        library.skipped = skipped;
        (library, keys, dropped)
    }
}

/// The articles of `walked` (each file's, in walk order) in list order,
/// with their body samples beside them (`walk_samples`: each file's, in
/// walk order; empty when bodies are not sampled).
///
/// They are put in order where they are: their positions sorted by keys
/// taken once (not in every comparison), the files without one after
/// them, each article moved into place by following the permutation's
/// cycles, then the list taken over as it is (`map_while` collects in
/// place). Gathering them into a second list and sorting that touched
/// twice the fresh memory, which is slow to fault in, and moved each
/// article more often.
fn in_list_order(
    mut walked: Vec<Option<Article>>,
    walk_samples: &[Option<u64>],
) -> (Vec<Article>, Vec<Option<u64>>) {
    let mut keyed: Vec<(ListKey, u32)> = walked
        .par_iter()
        .enumerate()
        .filter_map(|(i, a)| a.as_ref().map(|a| (ListKey::of(a), i as u32)))
        .collect();
    list_order(&mut keyed, |i| {
        walked[i as usize]
            .as_ref()
            .map_or(Path::new(""), |a| &a.path)
    });
    let samples: Vec<Option<u64>> = if walk_samples.is_empty() {
        Vec::new()
    } else {
        keyed
            .iter()
            .map(|&(_, i)| walk_samples[i as usize])
            .collect()
    };
    let mut order = Vec::with_capacity(walked.len());
    order.extend(keyed.iter().map(|&(_, i)| i as usize));
    drop(keyed);
    order.extend((0..walked.len()).filter(|&i| walked[i].is_none()));
    permute(&mut walked, order);
    let articles = walked.into_iter().map_while(|a| a).collect();
    (articles, samples)
}
