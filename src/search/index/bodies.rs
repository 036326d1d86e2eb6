//! The bodies' part of the background build: open the stored index, match
//! its documents to the articles by file version, and when some bodies are
//! missing write a new one (the bodies it had are copied, only the others
//! are read) and switch to it.

use std::io::{self, Seek, Write};
use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::{Arc, PoisonError, Weak};

use rayon::prelude::*;

use super::build::{folded_body, with_scratch};
use super::{Bodies, CHUNK, NONE, Shared};
use crate::article::{Article, BodySource};
use crate::cache::FileKey;
use crate::search::stored::{DocSource, DocTable, StoredIndex, Writer, text_keys};

pub(crate) use self::matching::match_docs;

/// Makes every body searchable: from the stored index at `store` where it
/// holds them, else by building one (written to `store`, or kept in memory
/// without one or when writing fails).
pub(super) fn index_bodies(shared: &Weak<Shared>, sources: &[Article], store: Option<&Path>) {
    let mut old = None;
    if let Some((stored, mut docs)) = store.and_then(StoredIndex::open) {
        let version = |i: usize| version_of(&sources[i].body);
        let bodies = Arc::new(match_docs(stored, &mut docs, sources.len(), &version));
        publish(shared, Arc::clone(&bodies), bodies.covered);
        if bodies.covered == sources.len() {
            return;
        }
        old = Some(bodies);
    }
    let job = Job {
        shared,
        sources,
        old: old.as_deref(),
    };
    let stored = match store {
        Some(path) => job.write_stored(path),
        None => job
            .write(Writer::in_memory())
            .ok()
            .flatten()
            .and_then(|writer| {
                let bytes = writer.finish().ok()?.into_inner();
                StoredIndex::from_bytes(bytes).map(|(stored, _)| stored)
            }),
    };
    if let Some(stored) = stored.filter(|s| s.doc_count() as usize == sources.len()) {
        // Written in article order: document i is article i.
        let identity: Vec<u32> = (0..sources.len() as u32).collect();
        let bodies = Bodies {
            stored,
            article_doc: identity.clone(),
            doc_article: identity,
            covered: sources.len(),
        };
        publish(shared, Arc::new(bodies), sources.len());
    }
}

/// The file version a body is read from; `None` for a body compiled in or
/// a file gone.
pub(crate) fn version_of(source: &BodySource) -> Option<DocSource> {
    version_known(source, &|_| None)
}

/// [`version_of`], with the size and time `known` gives for a file when
/// it gives one (looked at otherwise).
pub(crate) fn version_known(
    source: &BodySource,
    known: &dyn Fn(&Path) -> Option<FileKey>,
) -> Option<DocSource> {
    let BodySource::File { path, offset, .. } = source else {
        return None;
    };
    // The stored index keeps paths as UTF-8.
    path.to_str()?;
    Some(DocSource {
        path: Arc::clone(path),
        key: known(path).or_else(|| FileKey::stat(path))?,
        body_offset: *offset,
    })
}

/// Document `doc`'s text in the index in use.
fn old_text(old: Option<&Bodies>, doc: u32) -> String {
    old.map(|old| old.stored.text(doc)).unwrap_or_default()
}

fn publish(shared: &Weak<Shared>, bodies: Arc<Bodies>, indexed: usize) {
    if let Some(shared) = shared.upgrade() {
        *shared
            .bodies
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Some(bodies);
        shared.indexed.store(indexed, Ordering::Relaxed);
    }
}

/// Writing a new stored index of every article's body.
struct Job<'a> {
    shared: &'a Weak<Shared>,
    /// The articles whose bodies are indexed.
    sources: &'a [Article],
    /// The index in use, whose bodies are copied rather than read again.
    old: Option<&'a Bodies>,
}

impl Job<'_> {
    /// Writes the new index to `path`. When that fails, the reader says
    /// so and writes it to a file of its own that lives until it quits
    /// (never to memory: at a million articles it would not fit); when
    /// that fails too, bodies are not searched. `None` if cancelled.
    fn write_stored(&self, path: &Path) -> Option<Arc<StoredIndex>> {
        let saved = Writer::to_file(path).and_then(|writer| match self.write(writer)? {
            Some(writer) => writer.commit().map(Some),
            None => Ok(None),
        });
        let error = match saved {
            Ok(file) => return StoredIndex::from_file(file?).map(|(stored, _)| stored),
            Err(error) => error,
        };
        let reason = format!(
            "cannot save the search index in {}: {error}",
            path.display()
        );
        let unnamed = Writer::to_unnamed_file().and_then(|writer| match self.write(writer)? {
            Some(writer) => writer.commit().map(Some),
            None => Ok(None),
        });
        let (problem, stored) = match unnamed {
            Ok(file) => (
                format!("{reason}; it is rebuilt on every start"),
                StoredIndex::from_file(file?).map(|(stored, _)| stored),
            ),
            Err(error) => (
                format!("{reason}; article bodies are not searched ({error})"),
                None,
            ),
        };
        if let Some(shared) = self.shared.upgrade() {
            *shared
                .problem
                .lock()
                .unwrap_or_else(PoisonError::into_inner) = Some(problem.into());
        }
        stored
    }

    /// Adds every body to `writer`, in article order, a chunk at a time,
    /// and hands it back; `None` if every handle on the index was dropped
    /// meanwhile. A chunk is read and folded on all cores while the one
    /// before it is written (packing its text and sorting its keys take
    /// about as long as reading it), so at most two chunks' bodies are
    /// held at once.
    fn write<W: Write + Seek + Send>(
        &self,
        mut writer: Writer<W>,
    ) -> io::Result<Option<Writer<W>>> {
        // From what the index in use covers (again, on a second try).
        if let Some(shared) = self.shared.upgrade() {
            let kept = self.old.map_or(0, |old| old.covered);
            shared.indexed.store(kept, Ordering::Relaxed);
        }
        // The kept bodies' versions are those they were matched with.
        let mut old_docs = self.old.map(|old| DocTable::new(Arc::clone(&old.stored)));
        let mut folded = Vec::new();
        for (c, chunk) in self.sources.chunks(CHUNK).enumerate() {
            if self.shared.strong_count() == 0 {
                return Ok(None);
            }
            let kept = self.kept(c * CHUNK, chunk.len(), old_docs.as_mut());
            let written;
            (folded, written) = rayon::join(
                || self.fold(chunk, kept),
                || self.add(&mut writer, std::mem::take(&mut folded)),
            );
            written?;
        }
        self.add(&mut writer, folded)?;
        Ok(Some(writer))
    }

    /// Per article of the chunk at `base`, the document that holds its
    /// body in the index in use and the file version it was read from.
    fn kept(
        &self,
        base: usize,
        len: usize,
        mut old_docs: Option<&mut DocTable>,
    ) -> Vec<Option<(u32, DocSource)>> {
        (base..base + len)
            .map(|article| {
                let old = self.old?;
                let doc = Some(old.article_doc[article]).filter(|&d| d != NONE)?;
                let version = old_docs.as_deref_mut()?.get(doc as usize)?;
                let BodySource::File { path, .. } = &self.sources[article].body else {
                    return None;
                };
                let source = DocSource {
                    path: Arc::clone(path),
                    key: version.key,
                    body_offset: version.body_offset,
                };
                Some((doc, source))
            })
            .collect()
    }

    /// A chunk's bodies, read (or copied from the index in use) and folded
    /// on all cores, with their keys; whether each was kept.
    fn fold(&self, chunk: &[Article], kept: Vec<Option<(u32, DocSource)>>) -> Vec<Folded> {
        chunk
            .par_iter()
            .zip(kept)
            .map(|(article, kept)| {
                let source = &article.body;
                let (version, text, kept) = match kept {
                    Some((doc, version)) => (version, old_text(self.old, doc), true),
                    // Looked at before the body is read: a file
                    // changed in between is read again next time.
                    None => (
                        version_of(source).unwrap_or_default(),
                        with_scratch(|scratch| folded_body(source, scratch)),
                        false,
                    ),
                };
                let mut keys = Vec::new();
                text_keys(&text, &mut keys);
                // Held with the chunk's other bodies until written:
                // room for the distinct keys only, not for two a
                // character before they were deduplicated (~10 MB of
                // a 49k first start's peak).
                keys.shrink_to_fit();
                Folded {
                    version,
                    text,
                    keys,
                    kept,
                }
            })
            .collect()
    }

    /// Writes a folded chunk and counts the bodies read for it.
    fn add<W: Write + Seek>(&self, writer: &mut Writer<W>, folded: Vec<Folded>) -> io::Result<()> {
        let mut read = 0;
        for doc in folded {
            writer.add(doc.version, &doc.text, &doc.keys)?;
            read += usize::from(!doc.kept);
        }
        if let Some(shared) = self.shared.upgrade() {
            shared.indexed.fetch_add(read, Ordering::Relaxed);
        }
        Ok(())
    }
}

/// One body, folded, on its way to the writer.
struct Folded {
    version: DocSource,
    text: String,
    keys: Vec<u64>,
    /// Copied from the index in use rather than read.
    kept: bool,
}

mod matching;
