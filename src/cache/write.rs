//! Writing the cache: the library's files with their keys, in list order.

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::Datelike;
use rayon::prelude::*;

mod handoff;

use super::codec::{self, ArticleRecord, DirRecord, FileRecord, Meta, ProblemRecord};
use super::{FileKey, Stamp, build_stamp};
use crate::article::known::RELEASE_EVERY;
use crate::article::{Article, BodySource, Label, SharedBytes};
use crate::durable::{self, Durability};
use crate::problem::{Problem, Severity};
use handoff::Handoff;

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
    // The articles' keys looked up on all cores: each lookup is a few
    // misses of the processor's cache (the table and the path it holds),
    // and the writer ends last in a cold `list`.
    let article_keys: Vec<Option<usize>> = input
        .articles
        .par_iter()
        .map(|a| key_at.get(a.path.as_os_str()).copied())
        .collect();
    if let Some(dir) = cache_file.parent() {
        fs::create_dir_all(dir)?;
    }
    // The mapped files the articles' links are read from in place (the old
    // cache's, one a load): their pages let go as the write passes them.
    let mapped = mapped_files(input.articles);
    // Each record encoded and written as it is made, never all held at once;
    // the bytes written out on a thread of their own (see `handoff`).
    durable::write_atomic_with(cache_file, Durability::RenameOnly, |out| {
        std::thread::scope(|scope| {
            let pipe = Handoff::start(scope, out);
            let mut encoder = codec::Encoder::new(pipe, key_at.len())?;
            let release = || mapped.iter().for_each(|file| file.release());
            encoder.release_with(release);
            let mut untrusted: HashSet<&Path> = HashSet::new();
            let mut written = vec![false; input.keys.len()];
            // Paths met without a key, each taken once (none in a load's own
            // library: every article's file has its key).
            let mut done_unkeyed: HashSet<&OsStr, Fold> = HashSet::default();
            // Articles in list order, then files that gave no article (parse
            // errors), which keep their problems. A key's own place is its
            // place in the table unless a path is there twice.
            let records = input
                .articles
                .iter()
                .zip(&article_keys)
                .map(|(a, &at)| (&*a.path, Some(a), at))
                .chain(input.keys.iter().enumerate().map(|(i, (p, _))| {
                    let at = if keys_repeat {
                        key_at.get(p.as_os_str()).copied()
                    } else {
                        Some(i)
                    };
                    (&**p, None, at)
                }));
            for (n, (path, article, at)) in records.enumerate() {
                if n % RELEASE_EVERY == RELEASE_EVERY - 1 {
                    release();
                }
                let key = match at {
                    Some(at) if written[at] => continue,
                    Some(at) => {
                        written[at] = true;
                        Some(input.keys[at].1)
                    }
                    None if !done_unkeyed.insert(path.as_os_str()) => continue,
                    None => None,
                };
                let problems = problems_of
                    .get(path.as_os_str())
                    .map_or(&[][..], Vec::as_slice);
                match key.and_then(|key| to_record(path, key, article, problems, written_at)) {
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

fn to_record<'a>(
    path: &'a Path,
    key: FileKey,
    article: Option<&'a Article>,
    problems: &[&'a Problem],
    written_at: Stamp,
) -> Option<FileRecord<&'a str>> {
    // A file that could not be read is tried again next time (see
    // `Problem::is_read_failure`).
    if key.mtime.is_racy(written_at) || problems.iter().any(|p| p.is_read_failure()) {
        return None;
    }
    let article = match article {
        None => None,
        Some(a) => Some(article_record(path, a)?),
    };
    let problems = problems
        .iter()
        .map(|p| ProblemRecord {
            error: p.severity == Severity::Error,
            reason: p.reason.as_str(),
        })
        .collect();
    Some(FileRecord {
        path: path.to_str()?,
        size: key.size,
        mtime: key.mtime,
        article,
        problems,
    })
}

/// `None` for an article the record cannot rebuild exactly.
fn article_record<'a>(path: &Path, a: &'a Article) -> Option<ArticleRecord<&'a str>> {
    let BodySource::File {
        path: body_path,
        offset,
        encoding,
    } = &a.body
    else {
        return None;
    };
    if **body_path != *path || *a.path != *path {
        return None;
    }
    let updated = a
        .updated
        .map(|t| t.and_utc())
        .map(|t| Stamp(t.timestamp(), t.timestamp_subsec_nanos()));
    Some(ArticleRecord {
        url: a.url(),
        id: a.id.as_str(),
        original_url: a.original_url(),
        title: &a.title,
        date: a.date.map(|d| d.num_days_from_ce()),
        datetime: a.datetime.map(|t| {
            let at = Stamp(t.timestamp(), t.timestamp_subsec_nanos());
            (at, t.offset().local_minus_utc())
        }),
        updated,
        authors: a.authors().iter().map(Label::as_str).collect(),
        categories: a.categories().iter().map(Label::as_str).collect(),
        tags: a.tags().iter().map(Label::as_str).collect(),
        draft: a.draft,
        body_offset: *offset,
        encoding: encoding.map(crate::text::decode::Encoding::name),
        body_hash: a.body_hash,
        aliases: a.aliases.iter().map(String::as_str).collect(),
        links: a.link_targets(),
        addresses: a.addresses.get().map(|k| k.to_vec()),
    })
}
