//! What a cache file means: the library's files with their keys, articles
//! and problems, and the folders with their times.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};

use rayon::prelude::*;

use super::codec::{self, FileRecord};
use super::{FileKey, Stamp, build_stamp};
use crate::article::{Article, BodyFormat, BodySource};
use crate::problem::{Problem, Severity};
use crate::text::decode::Encoding;

/// One file as the cache remembers it.
#[derive(Debug, Clone, PartialEq)]
pub struct CachedFile {
    pub path: PathBuf,
    pub key: FileKey,
    pub article: Option<Article>,
    pub problems: Vec<Problem>,
}

/// A cache file read and checked, its files not yet decoded: folders
/// first, so the caller can say which files it will take as they are.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub written_at: Stamp,
    /// Every folder with its recorded time ([`Stamp::UNTRUSTED`] when its
    /// list of files must be read again).
    pub dirs: HashMap<PathBuf, Stamp>,
    bytes: Vec<u8>,
    chunks: Vec<Range<usize>>,
}

/// The files of a snapshot, decoded and split by the caller's choice.
#[derive(Debug, Default)]
pub struct Decoded {
    /// Of the files taken as they are, in library order.
    pub articles: Vec<Article>,
    pub keys: Vec<(PathBuf, FileKey)>,
    pub problems: Vec<Problem>,
    /// The others, whole, to be compared with the files on disk.
    pub others: Vec<CachedFile>,
}

/// The largest cache read: a few times that of a million articles.
const CACHE_LIMIT: u64 = 2 << 30;

impl Snapshot {
    /// Reads the cache for `roots`; `None` when there is none usable.
    pub fn read(cache_file: &Path, roots: &[PathBuf]) -> Option<Snapshot> {
        // A cache replaced by a FIFO or a link to /dev/zero is no cache.
        let bytes = crate::regular_file::read(cache_file, CACHE_LIMIT).ok()?;
        let (meta, chunks) = codec::decode(&bytes)?;
        let same_roots = meta.roots.len() == roots.len()
            && meta
                .roots
                .iter()
                .zip(roots)
                .all(|(a, b)| Path::new(a) == b.as_path());
        if meta.build != build_stamp() || !same_roots {
            return None;
        }
        let dirs = meta
            .dirs
            .into_iter()
            .map(|d| (PathBuf::from(d.path), d.mtime))
            .collect();
        Some(Snapshot {
            written_at: meta.written_at,
            dirs,
            bytes,
            chunks,
        })
    }

    /// Decodes every file, chunks in parallel: those `take` accepts (by
    /// path) straight into library parts, the rest whole. `None` when a
    /// chunk does not decode (the cache is then as good as missing).
    pub fn decode(&self, take: &(dyn Fn(&Path) -> bool + Sync)) -> Option<Decoded> {
        let parts: Vec<Decoded> = self
            .chunks
            .par_iter()
            .map(|range| {
                let mut part = Decoded::default();
                for record in codec::decode_chunk(self.bytes.get(range.clone())?)? {
                    let file = from_record(record)?;
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

fn from_record(record: FileRecord<String>) -> Option<CachedFile> {
    let path = PathBuf::from(record.path);
    let article = match record.article {
        None => None,
        Some(a) => {
            let id = a.id.resolve(a.url.as_deref())?;
            let original_url = match a.original_url {
                Some(text) => Some(text.resolve(a.url.as_deref())?),
                None => None,
            };
            Some(Article {
                id,
                path: path.clone(),
                title: a.title,
                date: a.date.and_then(NaiveDate::from_num_days_from_ce_opt),
                datetime: match a.datetime {
                    Some((at, east)) => Some(
                        DateTime::from_timestamp(at.0, at.1)?
                            .with_timezone(&FixedOffset::east_opt(east)?),
                    ),
                    None => None,
                },
                updated: a
                    .updated
                    .and_then(|s| DateTime::from_timestamp(s.0, s.1))
                    .map(|t| t.naive_utc()),
                authors: a.authors,
                categories: a.categories,
                tags: a.tags,
                url: a.url,
                original_url,
                draft: a.draft,
                format: BodyFormat::of_path(&path),
                body_hash: a.body_hash,
                body: BodySource::File {
                    path: path.clone(),
                    offset: a.body_offset,
                    encoding: match a.encoding {
                        Some(name) => Some(Encoding::for_label(name.as_bytes())?),
                        None => None,
                    },
                },
            })
        }
    };
    let problems = record
        .problems
        .into_iter()
        .map(|p| Problem {
            path: path.clone(),
            severity: if p.error {
                Severity::Error
            } else {
                Severity::Warning
            },
            reason: p.reason,
        })
        .collect();
    Some(CachedFile {
        path,
        key: FileKey {
            size: record.size,
            mtime: record.mtime,
        },
        article,
        problems,
    })
}

#[cfg(test)]
mod tests;
