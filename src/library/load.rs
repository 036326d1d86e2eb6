//! Loading the files a walk found: read in parallel, problems gathered,
//! duplicates dropped, and the library assembled (with, for the cache, the
//! size and time of each file read).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::gathered::{Gathered, append, drop_duplicates};
use super::name::library_name;
use super::{Library, LoadOptions, LoadResult, NotArticle, Progress, Skipped, duplicates, read};
use crate::tree::{self, FileKey, Found};

/// A file's size and time, with its article's path if it is one.
pub(super) type KeyedFile = (FileKey, Option<Arc<Path>>);

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
    /// from the open file, with the path its article holds if it is one
    /// (for the cache to share): `None` for a file that could not be looked at.
    pub(super) fn load_found_keyed(
        paths: &[PathBuf],
        found: Vec<Found>,
        options: LoadOptions,
        progress: &Progress,
        want_keys: bool,
    ) -> (Library, Vec<Option<KeyedFile>>) {
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
            .then(|| Arc::new(duplicates::SeenSamples::default()));
        let new_reader = || {
            let mut reader = read::Reader::default();
            reader.seen.clone_from(&seen);
            reader
        };
        // On all cores, each result written straight into its place in one
        // list sized up front: gathering per thread and joining the lists
        // grew and copied them (with fresh pages to fault in) several times.
        let results: Vec<(LoadResult, Option<FileKey>, Option<u64>)> = files
            .into_par_iter()
            .map_init(new_reader, |reader, (path, root)| {
                let archive_path = tree::archive_path(&path, root);
                let result = read::load(path, &archive_path, reader, options);
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
                (result, key, reader.sample)
            })
            .collect();
        let mut keys = Vec::with_capacity(if want_keys { results.len() } else { 0 });
        let mut gathered = Gathered {
            articles: Vec::with_capacity(results.len()),
            ..Gathered::default()
        };
        // Each article's body sample, beside it.
        let mut samples = Vec::with_capacity(if options.hash_bodies {
            results.len()
        } else {
            0
        });
        for (result, key, sample) in results {
            if options.hash_bodies && result.is_ok() {
                samples.push(sample);
            }
            if want_keys {
                let path = result.as_ref().ok().map(|(a, _)| Arc::clone(&a.path));
                keys.push(key.map(|key| (key, path)));
            }
            gathered.add(result);
        }
        let Gathered {
            mut articles,
            problems: parsed_problems,
            site_pages,
        } = gathered;
        skipped.site_pages = site_pages;
        problems = append(problems, parsed_problems);
        // Before one file reached by two paths is kept once, while the
        // samples are beside their articles (such a file is hashed for
        // its other copy, which does no harm).
        if options.hash_bodies {
            duplicates::hash_colliding_sampled(&mut articles, &samples);
        }
        drop(samples);
        if saw_link || paths.len() > 1 {
            drop_duplicates(&mut articles, &mut problems);
        }
        let mut library = Self::assemble(library_name(paths), articles, problems);
        library.roots = paths.to_vec();
        library.skipped = skipped;
        (library, keys)
    }
}
