//! Building the index in the background: metadata, then bodies (see
//! `bodies`).

use std::borrow::Cow;
use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;
use std::sync::{Arc, PoisonError, Weak};

use rayon::prelude::*;

use super::bodies::index_bodies;
use super::{Arena, CHUNK, Chunk, Shared};
use crate::article::{Article, BodySource};
use crate::cache::FileKey;
use crate::library;
use crate::search::fold::Folder;
use crate::search::presence::{PresenceBuilder, RecordingSink};
use crate::search::strip::visible_text;

/// What the background build works from.
pub(super) struct Unbuilt {
    /// Read a chunk at a time: their metadata, then their bodies.
    pub(super) articles: Arc<Vec<Article>>,
    /// Where the stored bodies live; `None`: in memory.
    pub(super) store: Option<PathBuf>,
}

impl Unbuilt {
    pub(super) fn of(articles: Arc<Vec<Article>>) -> Self {
        Unbuilt {
            articles,
            store: None,
        }
    }
}

/// A chunk's metadata as written (fields joined by `'\n'`, which
/// `clean_inline` leaves in none): per article its title, authors,
/// categories and tags, one per line.
pub(super) fn raw_metadata(articles: &[Article]) -> Arena {
    let bytes = articles
        .iter()
        .flat_map(metadata_fields)
        .map(|f| f.len() + 1)
        .sum();
    let mut raw = Arena {
        text: String::with_capacity(bytes),
        ends: Vec::with_capacity(articles.len()),
    };
    for article in articles {
        raw.push_article(|text| {
            for (n, field) in metadata_fields(article).enumerate() {
                if n > 0 {
                    text.push('\n');
                }
                text.push_str(field);
            }
        });
    }
    raw
}

/// What search looks in besides the body.
pub(in crate::search) fn metadata_fields(a: &Article) -> impl Iterator<Item = &str> {
    let rest = a.authors().iter().chain(a.categories()).chain(a.tags());
    std::iter::once(a.title.as_str()).chain(rest.map(crate::article::Label::as_str))
}

/// Per-thread buffers reused from one chunk to the next.
#[derive(Default)]
pub(super) struct Scratch {
    presence: PresenceBuilder,
    reader: BodyReader,
    arena: Arena,
}

thread_local! {
    // Thread-local rather than rayon's `map_init`, which may build one per
    // job split: the presence tables are 320 KiB to zero each time.
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// Runs `f` with this thread's scratch buffers.
pub(super) fn with_scratch<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        // Only reachable if `f` re-entered; fresh buffers are still right.
        Err(_) => f(&mut Scratch::default()),
    })
}

/// Folds a chunk's metadata, given as [`raw_metadata`] lays it out.
pub(super) fn meta_chunk(raw: &Arena) -> Chunk {
    with_scratch(|scratch| {
        let Scratch {
            presence, arena, ..
        } = scratch;
        for i in 0..raw.len() {
            presence.start_article(i);
            let article = raw.article_text(i);
            arena.push_article(|text| {
                for (n, field) in article.split('\n').enumerate() {
                    if n > 0 {
                        text.push('\n');
                    }
                    let mut sink = RecordingSink::new(&mut *text, &mut *presence);
                    let mut folder = Folder::new(&mut sink);
                    folder.feed(field, 0);
                    folder.finish();
                }
            });
        }
        Chunk {
            arena: arena.take_exact(),
            presence: presence.take(),
        }
    })
}

/// The folded visible text of `source`'s body.
pub(super) fn folded_body(source: &BodySource, scratch: &mut Scratch) -> String {
    let body = scratch.reader.text(source);
    let mut text = String::with_capacity(body.len());
    let mut folder = Folder::new(&mut text);
    visible_text(&body, &mut |piece| folder.feed(piece, 0));
    folder.finish();
    text
}

/// Reads bodies as `library::read_body` gives them, into a buffer reused
/// from one body to the next, opening files relative to their folder. An
/// unreadable body is reported by the loader and `check`; search just
/// finds nothing in it.
#[derive(Default)]
pub(crate) struct BodyReader {
    file: Vec<u8>,
    opener: library::Opener,
}

/// A body as read, before [`BodyReader::text`] makes it a string.
pub(crate) enum RawBody<'a> {
    /// The file's bytes after the front matter, UTF-8 or meant to be
    /// (invalid bytes read as U+FFFD).
    Utf8(&'a [u8]),
    /// A body in another encoding, decoded.
    Decoded(Cow<'a, str>),
}

impl BodyReader {
    /// The body of `source`.
    pub(crate) fn text<'a>(&'a mut self, source: &'a BodySource) -> Cow<'a, str> {
        match self.raw(source) {
            RawBody::Utf8(bytes) => String::from_utf8_lossy(bytes),
            RawBody::Decoded(text) => text,
        }
    }

    /// The body of `source` as read.
    pub(crate) fn raw<'a>(&'a mut self, source: &'a BodySource) -> RawBody<'a> {
        self.raw_keyed(source).0
    }

    /// [`BodyReader::raw`], with the file's size and time taken as it was
    /// opened (`None`: no file, or it could not be read).
    pub(crate) fn raw_keyed<'a>(
        &'a mut self,
        source: &'a BodySource,
    ) -> (RawBody<'a>, Option<FileKey>) {
        match source {
            BodySource::File {
                path,
                offset,
                encoding,
            } => {
                let file = &mut self.file;
                file.clear();
                // Read as far as the reader shows a body, no further.
                let limit = library::BODY_LIMIT.saturating_add(*offset);
                let Ok(key) = self.opener.open_with_key(path).and_then(|(f, key)| {
                    read_up_to(f, key.size, limit, file)?;
                    Ok(key)
                }) else {
                    return (RawBody::Utf8(&[]), None);
                };
                if encoding.is_some() {
                    let text = crate::text::decode::body_text(*encoding, file, *offset);
                    return (RawBody::Decoded(text), Some(key));
                }
                let start = usize::try_from(*offset)
                    .unwrap_or(usize::MAX)
                    .min(file.len());
                (RawBody::Utf8(&file[start..]), Some(key))
            }
            BodySource::Embedded { bytes, offset } => {
                (RawBody::Utf8(&bytes[(*offset).min(bytes.len())..]), None)
            }
        }
    }
}

/// Reads `file` into `into`, at most `limit` bytes. A read that reaches
/// `size`, the file's size when it was opened, is taken as its end: one
/// system call for most files, where reading to the end takes two. A file
/// that grew since is read as it was (it has another time too, so the
/// cache and the stored index read it again next time); one that says it
/// is empty (some special files do) is read to its end.
fn read_up_to(mut file: File, size: u64, limit: u64, into: &mut Vec<u8>) -> io::Result<()> {
    if size == 0 {
        return file.take(limit).read_to_end(into).map(drop);
    }
    let want = usize::try_from(size.min(limit)).unwrap_or(usize::MAX);
    into.resize(want, 0);
    let mut filled = 0;
    let result = loop {
        if filled == want {
            break Ok(());
        }
        match file.read(&mut into[filled..]) {
            Ok(0) => break Ok(()),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => break Err(e),
        }
    };
    into.truncate(filled);
    result
}

/// The background build, on a pool of its own so queries on rayon's global
/// pool never wait behind it: all metadata first, then bodies, each chunk
/// published the moment it is done. Stops early once no handle is left.
pub(super) fn build_all(shared: &Weak<Shared>, work: Unbuilt) {
    let _finished = FinishOnDrop(shared.clone());
    let threads = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let Unbuilt { articles, store } = work;
    let build = move || {
        // Each chunk's metadata is copied as it is folded, and the copy
        // dropped: copied all at once first, the raw copies (about the
        // folded text's size, ~140 MB at a million articles) and the
        // folded text were both held.
        let chunks = articles.len().div_ceil(CHUNK);
        (0..chunks).into_par_iter().for_each(|c| {
            if shared.strong_count() > 0 {
                let end = articles.len().min((c + 1) * CHUNK);
                let chunk = meta_chunk(&raw_metadata(&articles[c * CHUNK..end]));
                if let Some(shared) = shared.upgrade() {
                    let _ = shared.meta[c].set(chunk);
                }
            }
        });
        if let Some(shared) = shared.upgrade() {
            // Wakes `SearchIndex::wait_metadata` (under the lock it checks in).
            let _finished = shared
                .finished
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            shared.finished_signal.notify_all();
        }
        index_bodies(shared, &articles, store.as_deref());
    };
    match rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("search-index-{i}"))
        .build()
    {
        Ok(pool) => pool.install(build),
        Err(_) => build(),
    }
}

/// Marks the build finished however it ends, so `wait` never hangs.
struct FinishOnDrop(Weak<Shared>);

impl Drop for FinishOnDrop {
    fn drop(&mut self) {
        if let Some(shared) = self.0.upgrade() {
            *shared
                .finished
                .lock()
                .unwrap_or_else(PoisonError::into_inner) = true;
            shared.finished_signal.notify_all();
        }
    }
}
