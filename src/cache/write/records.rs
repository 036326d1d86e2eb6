//! The records of the articles, encoded in runs on all cores (see
//! `codec::Part`), and each file's record made from what the library holds.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io;
use std::path::Path;
use std::sync::Arc;

use chrono::Datelike;

use crate::article::known::RELEASE_EVERY;
use crate::article::{Article, BodySource, Label};
use crate::cache::codec::{ArticleRecord, Encoder, FileRecord, Part, ProblemRecord, Sink};
use crate::cache::{FileKey, Stamp};
use crate::problem::{Problem, Severity};

use super::Fold;

/// Where an article's key is in `WriteInput::keys` when it is written.
pub(super) type Planned = u32;

/// An article not written (its path met before, or without a key).
pub(super) const NOT_WRITTEN: Planned = u32::MAX;

/// What the records are made with, beside the articles.
pub(super) struct Context<'c, 'a> {
    pub(super) keys: &'a [(Arc<Path>, FileKey)],
    /// Each file's problems (foldhash: see `write`).
    pub(super) problems_of: &'c HashMap<&'a OsStr, Vec<&'a Problem>, Fold>,
    pub(super) written_at: Stamp,
    /// Lets the old cache's mapped pages go (see `write`).
    pub(super) release: &'c (dyn Fn() + Sync),
}

/// Fewer articles than this are encoded in one run, on one core.
const MIN_RUN: usize = 4096;
/// Runs of at most this many: a part's records are held until it is
/// appended (184 bytes a file), and each part stores its own copy of the
/// labels it uses.
const MAX_RUN: usize = 1 << 13;

/// Encodes `articles` (each with its plan, in list order) into `encoder`:
/// runs of them in turn, each other run encoded apart on another core
/// while the encoder takes the one before. The folders of articles that
/// cannot be cached faithfully are given back.
pub(super) fn encode_articles<'a, W: Sink + Send>(
    encoder: &mut Encoder<'a, W>,
    articles: &'a [Article],
    plan: &[Planned],
    context: &Context<'_, 'a>,
) -> io::Result<Vec<&'a Path>> {
    let run = if articles.len() < 2 * MIN_RUN {
        articles.len().max(1)
    } else {
        articles.len().div_ceil(2).min(MAX_RUN)
    };
    let mut runs = articles.chunks(run).zip(plan.chunks(run));
    let mut untrusted = Vec::new();
    while let Some((ours, our_plan)) = runs.next() {
        let theirs = runs.next();
        let (done, part) = rayon::join(
            || encode_run(ours, our_plan, context, |r| encoder.file(r)),
            || {
                theirs.map(|(articles, plan)| {
                    let mut part = Part::new(articles.len());
                    let untrusted = encode_run(articles, plan, context, |r| part.file(r))?;
                    Ok::<_, io::Error>((part, untrusted))
                })
            },
        );
        untrusted.extend(done?);
        if let Some(part) = part {
            let (part, more) = part?;
            encoder.append(part)?;
            untrusted.extend(more);
        }
    }
    Ok(untrusted)
}

/// Puts each planned article's record; gives back the folders of those
/// that cannot be cached faithfully. Calls `release` every
/// `RELEASE_EVERY` articles (see `write`'s mapped files).
fn encode_run<'a>(
    articles: &'a [Article],
    plan: &[Planned],
    context: &Context<'_, 'a>,
    mut put: impl FnMut(&FileRecord<&'a str>) -> io::Result<()>,
) -> io::Result<Vec<&'a Path>> {
    let mut untrusted = Vec::new();
    let no_problems: &[&Problem] = &[];
    for (n, (article, &at)) in articles.iter().zip(plan).enumerate() {
        if n % RELEASE_EVERY == RELEASE_EVERY - 1 {
            (context.release)();
        }
        let Some((_, key)) = context.keys.get(at as usize) else {
            continue;
        };
        let path = &*article.path;
        // Looked up here, on both cores, rather than planned: the plan
        // stays four bytes an article.
        let problems = if context.problems_of.is_empty() {
            no_problems
        } else {
            context
                .problems_of
                .get(path.as_os_str())
                .map_or(no_problems, Vec::as_slice)
        };
        match to_record(path, *key, Some(article), problems, context.written_at) {
            Some(record) => put(&record)?,
            None => untrusted.push(path.parent().unwrap_or(Path::new(""))),
        }
    }
    Ok(untrusted)
}

pub(super) fn to_record<'a>(
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
