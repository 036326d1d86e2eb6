//! One record made into library parts: its path, article and problems,
//! with the labels and folders a worker has met kept so that text stored
//! once in the cache is read (and checked as UTF-8) once per worker.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::CachedFile;
use crate::article::{
    Article, BodyFormat, BodySource, KnownAddresses, KnownLinks, Label, LabelLists, SharedBytes,
    Urls,
};
use crate::cache::FileKey;
use crate::cache::codec::view::{FileView, View};
use crate::problem::{Problem, Severity};
use crate::text::decode::Encoding;
use mapped::Mapped;

type Fast = foldhash::fast::RandomState;

/// One worker's reading of records.
pub(super) struct Reader<'a> {
    view: &'a View,
    /// The mapped file, that the articles' links are read from in place
    /// (held once more behind a thin pointer, which every article's links
    /// share: see `Urls`).
    bytes: Arc<SharedBytes>,
    /// Labels by where their text lies in the arena: the cache stores each
    /// once, so one met again costs a hash of two words, not of its text.
    labels: HashMap<(u32, u32), Label, Fast>,
    /// Whether files of a folder are taken, by where the folder's part of
    /// their path lies (stored once, like labels).
    folders: HashMap<(u32, u32, bool), bool, Fast>,
    /// The path being put together.
    path: String,
}

impl<'a> Reader<'a> {
    pub(super) fn new(view: &'a View) -> Reader<'a> {
        Reader {
            view,
            bytes: Arc::new(view.shared_bytes()),
            labels: HashMap::default(),
            folders: HashMap::default(),
            path: String::new(),
        }
    }

    /// The file's path, in one allocation shared by its article and body.
    pub(super) fn path(&mut self, record: &FileView<'_>) -> Option<Arc<Path>> {
        let (prefix, name) = record.path()?;
        self.path.clear();
        self.path.push_str(prefix);
        self.path.push_str(name);
        Some(Arc::from(Path::new(&self.path)))
    }

    /// Whether `take` accepts the record's folder (asked once per folder
    /// and worker, with the folder's path).
    pub(super) fn taken(
        &mut self,
        record: &FileView<'_>,
        take: &(dyn Fn(&Path) -> bool + Sync),
    ) -> Option<bool> {
        let folder = record.folder_ref()?;
        if let Some(&taken) = self.folders.get(&folder) {
            return Some(taken);
        }
        let (prefix, name) = record.path()?;
        let path = format!("{prefix}{name}");
        let taken = Path::new(&path).parent().is_some_and(take);
        self.folders.insert(folder, taken);
        Some(taken)
    }

    /// The record's authors, categories and tags, in one list.
    fn label_lists(&mut self, record: &FileView<'_>) -> Option<LabelLists> {
        let (authors, categories, tags) = (
            record.author_refs()?,
            record.category_refs()?,
            record.tag_refs()?,
        );
        let (author_count, category_count) = (authors.len(), categories.len());
        // Sized exactly: collecting starts small and doubles, which at a
        // million articles held ~100 MB that no label used.
        let mut labels = Vec::with_capacity(author_count + category_count + tags.len());
        for at in authors.chain(categories).chain(tags) {
            let label = if let Some(label) = self.labels.get(&at) {
                label.clone()
            } else {
                let label = Label::new(self.view.text(at.0, at.1)?);
                self.labels.insert(at, label.clone());
                label
            };
            labels.push(label);
        }
        LabelLists::from_parts(
            labels,
            u32::try_from(author_count).ok()?,
            u32::try_from(category_count).ok()?,
        )
    }

    /// The record's article (it must have one), at `path`.
    pub(super) fn article(&mut self, record: &FileView<'_>, path: &Arc<Path>) -> Option<Article> {
        Some(Article {
            id: record.id()?.into(),
            path: Arc::clone(path),
            title: record.title()?.into(),
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
            labels: self.label_lists(record)?,
            urls: Urls::shared(
                &self.bytes,
                record.url_span().ok()?,
                record.original_url_span().ok()?,
            ),
            aliases: owned(record.aliases()?).into(),
            links: known(self.view.mapped(), record.links_span().ok()?),
            addresses: known_addresses(self.view.mapped(), record.addresses_span().ok()?),
            draft: record.draft(),
            format: BodyFormat::of_path(path),
            body_hash: record.body_hash(),
            body: BodySource::File {
                path: Arc::clone(path),
                offset: record.body_offset()?,
                encoding: match record.encoding().ok()? {
                    Some(name) => Some(Encoding::for_label(name.as_bytes())?),
                    None => None,
                },
            },
        })
    }

    /// The whole file, to be compared with the one on disk.
    pub(super) fn file(&mut self, record: &FileView<'_>) -> Option<CachedFile> {
        let path = self.path(record)?;
        let article = if record.has_article() {
            Some(self.article(record, &path)?)
        } else {
            None
        };
        Some(CachedFile {
            key: key(record)?,
            article,
            problems: problems(record, &path)?,
            path,
        })
    }
}

/// The file's size and time as recorded.
pub(super) fn key(record: &FileView<'_>) -> Option<FileKey> {
    Some(FileKey {
        size: record.size()?,
        mtime: record.mtime()?,
    })
}

/// The file's problems, at `path`.
pub(super) fn problems(record: &FileView<'_>, path: &Path) -> Option<Vec<Problem>> {
    Some(
        record
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
            .collect(),
    )
}

/// `Article::links` as stored: read in place from `file`.
fn known(file: &Arc<Mapped>, span: Option<Range<usize>>) -> KnownLinks {
    span.map_or_else(KnownLinks::default, |span| KnownLinks::in_place(file, span))
}

/// `Article::addresses` as stored: read in place from `file`.
fn known_addresses(file: &Arc<Mapped>, span: Option<Range<usize>>) -> KnownAddresses {
    span.map_or_else(KnownAddresses::default, |span| {
        KnownAddresses::in_place(file, span)
    })
}

/// Owned strings, for the aliases (rare: not worth interning).
fn owned(list: Vec<&str>) -> Vec<String> {
    list.into_iter().map(str::to_owned).collect()
}
