//! `list --search` without a stored search index: the files the cache
//! vouches for are checked as the search reads them. Reading a body opens
//! its file, and the open takes the file's size and time (`fstat` of the
//! open file, no lookup by name); a file seen so with the size and time the
//! cache holds needs no second look. Only the files the search did not read
//! (their metadata held the words, or a filter left them out) are looked up
//! afterwards, as `list` looks up every file. That look at every file was
//! 13% of the command's CPU time.
//!
//! Anything changed: the changes are applied and the search is made again
//! over the library as it is now, as `list` would have made it, so the
//! output is the same either way.

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use super::{ListArgs, Listed, kept, list, selected, write};
use crate::article::BodySource;
use crate::cache::{self, FileKey};
use crate::cli::open::{self, CacheSaving};
use crate::cli::output::{refuse_missing, report_errors};
use crate::library::Library;
use crate::overview::DateRange;
use crate::search::{self, Query};

pub(super) fn run(args: &ListArgs, dates: DateRange) -> ExitCode {
    let paths = match open::paths(&args.paths) {
        Ok(paths) => paths,
        Err(code) => return code,
    };
    let cache_dir = cache::default_dir();
    let mut library = crate::cli::progress::with_bar(|progress| {
        Library::load_cached_reporting(&paths, cache_dir.as_deref(), progress)
    });
    if let Err(code) = refuse_missing(&library) {
        return code;
    }
    let stored = cache_dir
        .filter(|_| !library.roots.is_empty())
        .is_some_and(|dir| search::store_file(&dir, &library.roots).exists());
    // A stored index answers by the files' keys, which must be looked at
    // first: as `list` does.
    let changed = if stored {
        library.recheck().run()
    } else {
        let mut seen = HashMap::default();
        let articles = selected(args, dates, &library, &mut |articles, query| {
            searched_keeping_keys(articles, query, &mut seen)
        });
        let changed = library
            .recheck()
            .run_except(&|path, key| seen.get(&address(path)) == Some(&key));
        if changed.is_empty() {
            report_errors(&library);
            let saving = CacheSaving::start(&library);
            let code = write(args, &library, &articles);
            drop(articles);
            open::finish(library, saving);
            return code;
        }
        changed
    };
    if !changed.is_empty() {
        library.apply_changes(&changed);
    }
    report_errors(&library);
    let saving = CacheSaving::start(&library);
    let code = list(args, dates, &library);
    open::finish(library, saving);
    code
}

/// The files seen by the search, by where their path lies in memory: the
/// library's list of files and its articles share one path each.
type Seen = HashMap<usize, FileKey, foldhash::fast::RandomState>;

fn address(path: &Arc<Path>) -> usize {
    Arc::as_ptr(path).cast::<u8>().addr()
}

/// The articles matching `query`, every body read from its file (no
/// stored index), noting in `seen` the key of each file as it was opened.
fn searched_keeping_keys<'a>(
    articles: Vec<Listed<'a>>,
    query: &Query,
    seen: &mut Seen,
) -> Vec<Listed<'a>> {
    let refs: Vec<_> = articles.iter().map(|l| l.article).collect();
    let (found, keys) = search::matching_keyed(&refs, query, None, &|_| None);
    for (article, key) in refs.iter().zip(keys) {
        if let (BodySource::File { path, .. }, Some(key)) = (&article.body, key) {
            seen.insert(address(path), key);
        }
    }
    kept(articles, found)
}
