//! What a cache file means: the library's files with their keys, articles
//! and problems, and the folders with their times.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, FixedOffset, NaiveDate};

use rayon::prelude::*;

use super::codec::view::{FileView, View};
use super::{FileKey, Stamp, build_stamp};
use crate::article::{AddressKey, Article, BodyFormat, BodySource, Label, SharedBytes, Urls};
use crate::problem::{Problem, Severity};
use crate::text::decode::Encoding;

/// One file as the cache remembers it.
#[derive(Debug, Clone, PartialEq)]
pub struct CachedFile {
    /// Shared with the article's path.
    pub path: Arc<Path>,
    pub key: FileKey,
    pub article: Option<Article>,
    pub problems: Vec<Problem>,
}

/// A cache file mapped and checked, its files not yet read: folders
/// first, so the caller can say which files it will take as they are.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub written_at: Stamp,
    /// Every folder with its recorded time ([`Stamp::UNTRUSTED`] when its
    /// list of files must be read again).
    pub dirs: HashMap<PathBuf, Stamp>,
    /// The library roots it was written (and read) for.
    pub(super) roots: Vec<PathBuf>,
    pub(super) view: Option<View>,
}

/// The files of a snapshot, decoded and split by the caller's choice.
#[derive(Debug, Default)]
pub struct Decoded {
    /// Of the files taken as they are, in library order.
    pub articles: Vec<Article>,
    pub keys: Vec<(Arc<Path>, FileKey)>,
    pub problems: Vec<Problem>,
    /// The others, whole, to be compared with the files on disk.
    pub others: Vec<CachedFile>,
}

/// Files per piece of work when records are read in parallel.
const CHUNK: usize = 4096;

impl Snapshot {
    /// Maps the cache for `roots`; `None` when there is none usable.
    pub fn read(cache_file: &Path, roots: &[PathBuf]) -> Option<Snapshot> {
        let view = View::open(cache_file)?;
        let cached_roots = view.roots()?;
        let same_roots = cached_roots.len() == roots.len()
            && cached_roots
                .iter()
                .zip(roots)
                .all(|(a, b)| Path::new(a) == b.as_path());
        if view.build() != build_stamp() || !same_roots {
            return None;
        }
        let dirs = view
            .dirs()?
            .into_iter()
            .map(|(path, mtime)| (PathBuf::from(path), mtime))
            .collect();
        Some(Snapshot {
            written_at: view.written_at(),
            dirs,
            roots: roots.to_vec(),
            view: Some(view),
        })
    }

    /// Reads every file, in parallel: those `take` accepts (by path)
    /// straight into library parts, the rest whole. `None` when a record
    /// does not read (the cache is then as good as missing).
    pub fn decode(&self, take: &(dyn Fn(&Path) -> bool + Sync)) -> Option<Decoded> {
        let Some(view) = &self.view else {
            return Some(Decoded::default());
        };
        let starts: Vec<usize> = (0..view.file_count()).step_by(CHUNK).collect();
        let parts: Vec<Decoded> = starts
            .par_iter()
            .map(|&start| {
                let mut part = Decoded::default();
                let mut labels = LabelsSeen::default();
                let bytes = view.shared_bytes();
                for i in start..(start + CHUNK).min(view.file_count()) {
                    let file = from_record(view.file(i)?, &bytes, &mut labels)?;
                    if take(&file.path) {
                        part.articles.extend(file.article);
                        part.problems.extend(file.problems);
                        part.keys.push((file.path, file.key));
                    } else {
                        part.others.push(file);
                    }
                }
                Some(part)
            })
            .collect::<Option<_>>()?;
        // The articles keep the map for their links, which a start reads
        // a screenful of: the records and titles read above need not stay.
        view.release();
        let mut all = Decoded {
            articles: Vec::with_capacity(parts.iter().map(|p| p.articles.len()).sum()),
            keys: Vec::with_capacity(parts.iter().map(|p| p.keys.len()).sum()),
            ..Decoded::default()
        };
        for part in parts {
            all.articles.extend(part.articles);
            all.keys.extend(part.keys);
            all.problems.extend(part.problems);
            all.others.extend(part.others);
        }
        Some(all)
    }
}

/// The labels a chunk of records has met, by where their text lies in the
/// mapped file: the cache stores each label once, so a label met again
/// costs neither a hash of its text nor the shared table's lock.
#[derive(Default)]
struct LabelsSeen(HashMap<(usize, usize), Label>);

impl LabelsSeen {
    fn labels(&mut self, list: Vec<&str>) -> Vec<Label> {
        list.into_iter()
            .map(|text| {
                self.0
                    .entry((text.as_ptr() as usize, text.len()))
                    .or_insert_with(|| Label::new(text))
                    .clone()
            })
            .collect()
    }
}

/// `Article::links` as stored.
fn known(links: Option<&str>) -> OnceLock<Box<str>> {
    let known = OnceLock::new();
    if let Some(links) = links {
        let _ = known.set(Box::from(links));
    }
    known
}

/// `Article::addresses` as stored.
fn known_addresses(addresses: Option<Vec<AddressKey>>) -> OnceLock<Box<[AddressKey]>> {
    let known = OnceLock::new();
    if let Some(addresses) = addresses {
        let _ = known.set(addresses.into_boxed_slice());
    }
    known
}

/// Owned strings, for the aliases (rare: not worth interning).
fn owned(list: Vec<&str>) -> Vec<String> {
    list.into_iter().map(str::to_owned).collect()
}

/// The file at `record`; its links are read in place from `bytes` (the
/// mapped file), never copied.
fn from_record(
    record: FileView<'_>,
    bytes: &SharedBytes,
    seen: &mut LabelsSeen,
) -> Option<CachedFile> {
    let (prefix, name) = record.path()?;
    let path: Arc<Path> = PathBuf::from(format!("{prefix}{name}")).into();
    let article = if record.has_article() {
        // One copy of the path for the file, the article and its body.
        Some(Article {
            id: record.id()?.to_owned(),
            path: Arc::clone(&path),
            title: record.title()?.to_owned(),
            date: record.date().and_then(NaiveDate::from_num_days_from_ce_opt),
            datetime: match record.datetime() {
                Some((at, east)) => Some(
                    DateTime::from_timestamp(at.0, at.1)?
                        .with_timezone(&FixedOffset::east_opt(east)?),
                ),
                None => None,
            },
            updated: record
                .updated()
                .and_then(|s| DateTime::from_timestamp(s.0, s.1))
                .map(|t| t.naive_utc()),
            authors: seen.labels(record.authors()?),
            categories: seen.labels(record.categories()?),
            tags: seen.labels(record.tags()?),
            urls: Urls::shared(
                Arc::clone(bytes),
                record.url_span().ok()?,
                record.original_url_span().ok()?,
            ),
            aliases: owned(record.aliases()?),
            links: known(record.links().ok()?),
            addresses: known_addresses(record.addresses().ok()?),
            draft: record.draft(),
            format: BodyFormat::of_path(&path),
            body_hash: record.body_hash(),
            body: BodySource::File {
                path: Arc::clone(&path),
                offset: record.body_offset()?,
                encoding: match record.encoding().ok()? {
                    Some(name) => Some(Encoding::for_label(name.as_bytes())?),
                    None => None,
                },
            },
        })
    } else {
        None
    };
    let problems = record
        .problems()?
        .into_iter()
        .map(|(error, reason)| Problem {
            path: path.to_path_buf(),
            severity: if error {
                Severity::Error
            } else {
                Severity::Warning
            },
            reason: reason.to_owned(),
        })
        .collect();
    Some(CachedFile {
        path,
        key: FileKey {
            size: record.size()?,
            mtime: record.mtime()?,
        },
        article,
        problems,
    })
}

#[cfg(test)]
mod tests;
