//! Building the index: metadata at once, bodies in the background.

use std::borrow::Cow;
use std::fs::File;
use std::io::Read;
use std::sync::atomic::Ordering;
use std::sync::{PoisonError, Weak};

use rayon::prelude::*;

use super::{Arena, CHUNK, Chunk, Shared};
use crate::article::{Article, BodySource};
use crate::search::fold::Folder;
use crate::search::presence::{PresenceBuilder, RecordingSink};
use crate::search::strip::visible_text;

/// Per-thread buffers reused from one chunk to the next.
#[derive(Default)]
struct Scratch {
    presence: PresenceBuilder,
    file: Vec<u8>,
}

/// Folds the metadata of a chunk's articles.
pub(super) fn meta_chunk(articles: &[Article], presence: &mut PresenceBuilder) -> Chunk {
    let mut arena = Arena::default();
    for (i, article) in articles.iter().enumerate() {
        presence.start_article(i);
        arena.push_article(|text| {
            let fields = std::iter::once(&article.title)
                .chain(&article.authors)
                .chain(&article.categories)
                .chain(&article.tags);
            for (n, field) in fields.enumerate() {
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
        arena: arena.shrink(),
        presence: presence.take(),
    }
}

/// Reads, strips and folds the bodies of a chunk's articles.
fn body_chunk(sources: &[BodySource], scratch: &mut Scratch) -> Chunk {
    let Scratch { presence, file } = scratch;
    let mut arena = Arena::default();
    for (i, source) in sources.iter().enumerate() {
        let body = body_text(source, file);
        presence.start_article(i);
        arena.push_article(|text| {
            let mut sink = RecordingSink::new(text, &mut *presence);
            let mut folder = Folder::new(&mut sink);
            visible_text(&body, &mut |piece| folder.feed(piece, 0));
            folder.finish();
        });
    }
    Chunk {
        arena: arena.shrink(),
        presence: presence.take(),
    }
}

/// The body of `source` as `library::read_body` gives it, read into `file`
/// to spare an allocation and a copy per article. An unreadable body is
/// reported by the loader and `check`; search just finds nothing in it.
fn body_text<'a>(source: &'a BodySource, file: &'a mut Vec<u8>) -> Cow<'a, str> {
    let body: &[u8] = match source {
        BodySource::File { path, offset } => {
            file.clear();
            if File::open(path)
                .and_then(|mut f| f.read_to_end(file))
                .is_err()
            {
                return Cow::Borrowed("");
            }
            let start = usize::try_from(*offset)
                .unwrap_or(usize::MAX)
                .min(file.len());
            &file[start..]
        }
        BodySource::Embedded { bytes, offset } => &bytes[(*offset).min(bytes.len())..],
    };
    String::from_utf8_lossy(body)
}

/// The background build: bodies chunk by chunk on a pool of its own, so
/// queries on rayon's global pool never wait behind it.
pub(super) fn index_bodies(shared: &Weak<Shared>, sources: &[BodySource]) {
    let _finished = FinishOnDrop(shared.clone());
    let threads = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let work = || {
        let build = |scratch: &mut Scratch, (c, sources): (usize, &[BodySource])| {
            if shared.strong_count() == 0 {
                return;
            }
            let chunk = body_chunk(sources, scratch);
            if let Some(shared) = shared.upgrade() {
                if shared.bodies[c].set(chunk).is_ok() {
                    shared.indexed.fetch_add(sources.len(), Ordering::Relaxed);
                }
            }
        };
        sources
            .par_chunks(CHUNK)
            .enumerate()
            .for_each_init(Scratch::default, build);
    };
    match rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("search-index-{i}"))
        .build()
    {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
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
