//! Reading one article file: only as far as the end of its front matter,
//! plus a little body when the title has to come from there.

mod parse;
mod source;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub(super) use parse::cut_tail;
use parse::{BodyNote, parse};
use source::{FileSource, MemorySource};

use super::duplicates::{SameFile, SeenSamples};
use super::open::Opener;
use super::{LoadOptions, LoadResult, NotArticle};
use crate::article::{Article, BodySource};
use crate::problem::{Problem, Severity};
use crate::tree::{self, FileKey};

/// Loads one article file. `root` is the archive folder it belongs to (for
/// the id of an article without a link); pass the file's own folder when
/// there is none. `Err` means the file could not be read or is not an
/// article; otherwise the article comes with any problems found on the way.
pub fn load_file(path: &Path, root: &Path) -> Result<(Article, Vec<Problem>), Problem> {
    load(
        path,
        &tree::archive_path(path, root),
        &mut Reader::default(),
        LoadOptions::default(),
    )
    .map_err(|not| match not {
        NotArticle::Failed(problem) => problem,
        NotArticle::SitePage => Problem::warning(path, SITE_PAGE),
    })
}

/// Why an HTML file without front matter is not listed.
const SITE_PAGE: &str = "a site page (HTML without front matter), not an article";

/// What one thread keeps from file to file.
#[derive(Default)]
pub struct Reader {
    buf: Vec<u8>,
    opener: Opener,
    /// The size and time of the file [`load`] last opened (`None` when it
    /// could not be opened): a cold load caches them without a `stat` of
    /// its own.
    pub key: Option<FileKey>,
    /// The sample of the body of the article [`load`] last read, when
    /// bodies are hashed and its length is known (see
    /// `duplicates::hash_colliding_sampled`).
    pub sample: Option<u64>,
    /// The samples this load has met, shared by its threads (see
    /// `duplicates::SeenSamples`); `None`: not gathered.
    pub seen: Option<Arc<SeenSamples>>,
    /// The identity of the file [`load`] last opened (see
    /// `duplicates::SameFile`).
    pub same_file: Option<SameFile>,
}

/// [`load_file`] with a reusable reader and chosen options. The path is
/// borrowed: a cold load keeps the walk's paths and copies one only for a
/// file that gives no article (an article holds its own shared path).
pub fn load(
    path: &Path,
    archive_path: &str,
    reader: &mut Reader,
    options: LoadOptions,
) -> LoadResult {
    reader.key = None;
    reader.sample = None;
    reader.same_file = None;
    let file = match reader.opener.open_with_identity(path) {
        Ok((file, key, same_file)) => {
            reader.key = Some(key);
            reader.same_file = same_file;
            file
        }
        Err(e) => {
            return Err(NotArticle::Failed(refused(
                path.to_path_buf(),
                format!("cannot read: {e}"),
            )));
        }
    };
    let mut source = FileSource {
        buf: &mut reader.buf,
        len: 0,
        file,
        complete: false,
        size: reader.key.map(|key| key.size),
    };
    let body_path: Arc<std::path::Path> = path.into();
    let mut note = BodyNote {
        seen: reader.seen.as_deref(),
        sample: None,
        same_file: reader.same_file,
    };
    let parsed = parse(
        &mut source,
        &body_path,
        archive_path,
        options,
        |offset, encoding| BodySource::File {
            path: Arc::clone(&body_path),
            offset: offset as u64,
            encoding,
        },
        &mut note,
    );
    reader.sample = note.sample;
    settle(parsed, path, |e| format!("cannot read: {e}"))
}

/// Parses an article held in memory in full (a compiled-in sample).
pub fn parse_embedded(
    bytes: &'static [u8],
    path: &Path,
    archive_path: &str,
    options: LoadOptions,
) -> LoadResult {
    let mut source = MemorySource(bytes);
    // Samples are UTF-8 (a test checks), so the encoding is never needed.
    let parsed = parse(
        &mut source,
        &path.into(),
        archive_path,
        options,
        |offset, _| BodySource::Embedded { bytes, offset },
        &mut BodyNote::default(),
    );
    settle(parsed, path, |e| e.to_string())
}

/// A parse outcome as a [`LoadResult`]: a refusal or a read error becomes
/// the file's error, worded by `read_error` for the latter.
fn settle(
    parsed: io::Result<Parsed>,
    path: &Path,
    read_error: impl FnOnce(io::Error) -> String,
) -> LoadResult {
    match parsed {
        Ok(Ok(found)) => Ok(found),
        Ok(Err(Refusal::Reason(reason))) => {
            Err(NotArticle::Failed(refused(path.to_path_buf(), reason)))
        }
        Ok(Err(Refusal::SitePage)) => Err(NotArticle::SitePage),
        Ok(Err(Refusal::NotUtf8)) => Err(NotArticle::Failed(refused(
            path.to_path_buf(),
            "not UTF-8 and no encoding found".to_owned(),
        ))),
        Err(e) => Err(NotArticle::Failed(refused(
            path.to_path_buf(),
            read_error(e),
        ))),
    }
}

/// A parsed file: the article, or why the file is not one.
type Parsed = Result<(Article, Vec<Problem>), Refusal>;

/// Why a file that could be read is not an article.
enum Refusal {
    Reason(String),
    /// Not UTF-8: [`parse`] decodes it and tries again.
    NotUtf8,
    /// An HTML file that does not open with front matter.
    SitePage,
}

/// The error that keeps a file out of the library.
fn refused(path: PathBuf, reason: String) -> Problem {
    Problem {
        path,
        severity: Severity::Error,
        reason,
    }
}
