//! Writing the cache: the library's files with their keys, in list order.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

mod handoff;
mod plan;
mod records;

use super::codec::{self, DirRecord, Meta};
use super::{FileKey, Stamp, build_stamp};
use crate::article::known::RELEASE_EVERY;
use crate::article::{Article, SharedBytes};
use crate::durable::{self, Durability};
use crate::problem::Problem;
use handoff::Handoff;
use plan::Plan;
use records::to_record;

type Fold = foldhash::fast::RandomState;

/// What to write: the library as loaded, every file's key, and the folders
/// that were listed.
pub struct WriteInput<'a> {
    pub roots: &'a [PathBuf],
    pub dirs: &'a HashMap<PathBuf, Stamp>,
    pub keys: &'a [(Arc<Path>, FileKey)],
    pub articles: &'a [Article],
    pub problems: &'a [Problem],
}

/// Writes the cache atomically. Files that cannot be cached faithfully (a
/// path that is not UTF-8, a time too recent to trust, a file that could
/// not be read) are left out, and
/// their folder is marked untrusted so the next load lists it again.
pub fn write(cache_file: &Path, input: &WriteInput<'_>) -> std::io::Result<()> {
    let written_at = Stamp::now();
    // Paths are looked up by their bytes: they all come from one walk, so
    // one file is always spelled the same, and hashing bytes is several
    // times cheaper than hashing a `Path` component by component. foldhash,
    // not SipHash: a lookup per file, on the tail of a cold `list`.
    let mut problems_of: HashMap<&OsStr, Vec<&Problem>, Fold> = HashMap::default();
    for p in input.problems {
        problems_of.entry(p.path.as_os_str()).or_default().push(p);
    }
    // Where each file's key is in `input.keys` (the last one, if a path
    // is there twice). A file is written once, as an article or else with
    // its problems.
    let mut key_at: HashMap<&OsStr, usize, Fold> =
        HashMap::with_capacity_and_hasher(input.keys.len(), Fold::default());
    let mut keys_repeat = false;
    for (i, (path, _)) in input.keys.iter().enumerate() {
        keys_repeat |= key_at.insert(path.as_os_str(), i).is_some();
    }
    let Plan {
        articles: plan,
        rest,
        mut untrusted,
    } = Plan::make(input, &problems_of, &key_at, keys_repeat);
    if let Some(dir) = cache_file.parent() {
        fs::create_dir_all(dir)?;
    }
    // The mapped files the articles' links are read from in place (the old
    // cache's, one a load): their pages let go as the write passes them.
    let mapped = mapped_files(input.articles);
    let release = || mapped.iter().for_each(|file| file.release());
    // Each record encoded and written as it is made, never all held at once;
    // the bytes written out on a thread of their own (see `handoff`).
    durable::write_atomic_with(cache_file, Durability::RenameOnly, |out| {
        std::thread::scope(|scope| {
            let pipe = Handoff::start(scope, out);
            let mut encoder = codec::Encoder::new(pipe, key_at.len())?;
            encoder.release_with(release);
            let context = records::Context {
                keys: input.keys,
                problems_of: &problems_of,
                written_at,
                release: &release,
            };
            untrusted.extend(records::encode_articles(
                &mut encoder,
                input.articles,
                &plan,
                &context,
            )?);
            for (n, &(path, key, problems)) in rest.iter().enumerate() {
                if n % RELEASE_EVERY == RELEASE_EVERY - 1 {
                    release();
                }
                match to_record(path, key, None, problems, written_at) {
                    Some(record) => encoder.file(&record)?,
                    None => {
                        untrusted.insert(path.parent().unwrap_or(Path::new("")));
                    }
                }
            }
            // Every folder is recorded so that it is checked next time; one
            // whose list cannot be trusted gets a time that never matches, so
            // it is listed again.
            let dirs = input
                .dirs
                .iter()
                .filter_map(|(dir, mtime)| {
                    let trusted = !untrusted.contains(dir.as_path()) && !mtime.is_racy(written_at);
                    Some(DirRecord {
                        path: dir.to_str()?,
                        mtime: if trusted { *mtime } else { Stamp::UNTRUSTED },
                    })
                })
                .collect();
            let roots = input.roots.iter().filter_map(|r| r.to_str()).collect();
            let meta = Meta {
                build: build_stamp(),
                roots,
                written_at,
                dirs,
            };
            encoder.finish(&meta)?.close()
        })
    })?;
    // The old cache's pages read through the articles (links, link targets
    // and address keys read in place, all from one file) let go: written
    // out, they are not needed again soon.
    for file in &mapped {
        file.release();
    }
    if let Some(a) = input.articles.first() {
        a.release_cache_pages();
    }
    prune_old_caches(cache_file);
    Ok(())
}

/// The files the articles' links are read from in place, each once (one
/// for each load of the cache that articles still come from: a few).
fn mapped_files(articles: &[Article]) -> Vec<SharedBytes> {
    let mut files: Vec<SharedBytes> = Vec::new();
    for bytes in articles.iter().filter_map(|a| a.urls.shared_bytes()) {
        if !files
            .iter()
            .any(|f| std::ptr::addr_eq(Arc::as_ptr(f), Arc::as_ptr(bytes)))
        {
            files.push(Arc::clone(bytes));
        }
    }
    files
}

/// Cache files of libraries not written for this long are removed, so
/// archives opened once do not leave caches behind for ever.
const KEEP_UNUSED: Duration = Duration::from_secs(90 * 24 * 3600);

/// A temporary file this old was left by a writer that was stopped (the
/// reader quits without waiting for its background write).
const ABANDONED: Duration = Duration::from_secs(10 * 60);

fn prune_old_caches(kept: &Path) {
    // Those of writers whose process is gone at once; others once old.
    durable::remove_orphan_temps(kept);
    let Some(entries) = kept.parent().and_then(|dir| fs::read_dir(dir).ok()) else {
        return;
    };
    let temps = durable::temp_prefix(kept);
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok());
        if name.starts_with(&temps) && age.is_some_and(|age| age > ABANDONED) {
            let _ = fs::remove_file(&path);
            continue;
        }
        let ours = name.starts_with("library-") && name.ends_with(".bin");
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > KEEP_UNUSED));
        if ours && old && path != kept {
            let _ = fs::remove_file(path);
        }
    }
}
