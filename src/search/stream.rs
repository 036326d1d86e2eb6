//! Searching articles without keeping an index (`inkstone list --search`):
//! the stored bodies' index answers for the bodies it holds as they are
//! now; every other body is read on all cores and dropped. Same matching as
//! the reader: every term in the metadata or the body. A body is ruled out
//! on its raw bytes when it can be (`raw_filter`), taken on a term written
//! out as it is where the stripper shows it (`literal`), and otherwise
//! stripped and folded.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::path::Path;

use rayon::prelude::*;

use self::literal::Literals;
use super::Query;
use super::fold::{FoldSink, Folder};
use super::index::NONE;
use super::index::bodies::{match_docs, version_known};
use super::index::build::{BodyReader, RawBody};
use super::raw_filter::RawFilter;
use super::stored::StoredIndex;
use super::strip::visible_text_while;
use crate::article::{Article, BodySource};
use crate::cache::FileKey;

/// The positions in `articles` of those matching `query`, ascending; the
/// stored index at `store` is used where it holds a body as it is now.
/// `known` gives a file's size and time when the caller has just looked
/// (`list` checks every file as it loads); other files are looked at.
pub fn matching(
    articles: &[&Article],
    query: &Query,
    store: Option<&Path>,
    known: &(dyn Fn(&Path) -> Option<FileKey> + Sync),
) -> Vec<usize> {
    matching_keyed(articles, query, store, known).0
}

/// [`matching`], with the size and time of each article's file as it was
/// opened to read its body (`None` when it was not read): a caller that
/// has not looked at the files yet need not look again at those.
pub fn matching_keyed(
    articles: &[&Article],
    query: &Query,
    store: Option<&Path>,
    known: &(dyn Fn(&Path) -> Option<FileKey> + Sync),
) -> (Vec<usize>, Vec<Option<FileKey>>) {
    let terms = query.terms();
    if terms.is_empty() {
        return ((0..articles.len()).collect(), vec![None; articles.len()]);
    }
    let stored = store.and_then(StoredIndex::open).map(|(stored, mut docs)| {
        let version = |i: usize| version_known(&articles[i].body, known);
        match_docs(stored, &mut docs, articles.len(), &version)
    });
    // Per term, which articles' stored bodies hold it.
    let in_stored: Vec<Vec<bool>> = match &stored {
        Some(bodies) => terms
            .iter()
            .map(|term| {
                let mut holds = vec![false; articles.len()];
                for doc in bodies.stored.containing(term, None) {
                    if let Some(&a) = bodies.doc_article.get(doc as usize).filter(|&&a| a != NONE) {
                        holds[a as usize] = true;
                    }
                }
                holds
            })
            .collect(),
        None => Vec::new(),
    };
    let all_terms: Vec<&str> = terms.iter().map(String::as_str).collect();
    let tests = BodyTests {
        filter: RawFilter::new(&all_terms),
        literals: Literals::new(&all_terms),
        terms: &all_terms,
    };
    let (held, keys): (Vec<bool>, Vec<Option<FileKey>>) =
        (0..articles.len())
            .into_par_iter()
            .map(|i| {
                let article = articles[i];
                let mut key = None;
                let held = with_terms_not_in_metadata(article, &all_terms, &tests.filter, |rest| {
                    match &stored {
                        _ if rest.is_empty() => true,
                        Some(bodies) if bodies.article_doc[i] != NONE => {
                            rest.iter().all(|&t| in_stored[t][i])
                        }
                        _ => tests.body_holds_all(&article.body, rest, &mut key),
                    }
                });
                (held, key)
            })
            .unzip();
    let found = (0..articles.len()).filter(|&i| held[i]).collect();
    (found, keys)
}

/// Calls `f` with the positions of those of `terms` the article's
/// metadata does not hold: its title, authors, categories and tags, folded
/// one field a line into a buffer kept from one article to the next.
/// `filter` (the raw-bytes test of `terms`) rules terms out on the fields
/// as they are first: most articles' metadata is then not folded at all.
fn with_terms_not_in_metadata<T>(
    article: &Article,
    terms: &[&str],
    filter: &RawFilter,
    f: impl FnOnce(&[usize]) -> T,
) -> T {
    thread_local! {
        static SCRATCH: RefCell<MetadataScratch> = RefCell::default();
    }
    SCRATCH.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        let MetadataScratch { raw, text, rest } = &mut *scratch;
        raw.clear();
        rest.clear();
        for field in super::index::build::metadata_fields(article) {
            raw.push_str(field);
            raw.push('\n');
        }
        // Terms past 63 have no bit in the filter: the folded text decides.
        let ruled_out = (0..terms.len().min(64))
            .filter(|&t| !filter.may_hold(raw.as_bytes(), 1 << t))
            .fold(0u64, |out, t| out | 1 << t);
        let is_out = |t: usize| t < 64 && ruled_out & (1 << t) != 0;
        if (0..terms.len()).any(|t| !is_out(t)) {
            text.clear();
            for field in super::index::build::metadata_fields(article) {
                let mut folder = Folder::new(&mut *text);
                folder.feed(field, 0);
                folder.finish();
                text.push('\n');
            }
        }
        rest.extend((0..terms.len()).filter(|&t| is_out(t) || !text.contains(terms[t])));
        f(rest)
    })
}

/// Buffers of [`with_terms_not_in_metadata`], kept from one article to the
/// next.
#[derive(Default)]
struct MetadataScratch {
    /// The fields as they are, one a line.
    raw: String,
    /// The fields folded, one a line.
    text: String,
    rest: Vec<usize>,
}

/// Folded text is searched each time it grows by this many bytes, so a
/// body holding the terms early is not stripped and folded to its end.
const CHECK_EVERY: usize = 1024;

/// The tests a body goes through, built once for the query.
struct BodyTests<'q> {
    filter: RawFilter,
    literals: Literals,
    /// The query's terms, folded: `filter`'s and `literals`' term `t` is
    /// `terms[t]`.
    terms: &'q [&'q str],
}

impl BodyTests<'_> {
    /// Whether the body holds every one of the terms numbered `wanted`.
    /// Bodies the raw bytes rule out are not stripped or folded, nor are
    /// those showing every term written out; folding stops once all are
    /// found; an unreadable body holds none. `key` gets the file's size
    /// and time as it was opened, when it was read.
    fn body_holds_all(
        &self,
        source: &BodySource,
        wanted: &[usize],
        key: &mut Option<FileKey>,
    ) -> bool {
        if wanted.is_empty() {
            return true;
        }
        // Terms past 63 have no bit: the tests take them as possible and
        // the folded text decides.
        let mask = wanted
            .iter()
            .filter(|&&t| t < 64)
            .fold(0u64, |mask, &t| mask | 1 << t);
        thread_local! {
            static READER: RefCell<BodyReader> = RefCell::default();
        }
        READER.with(|reader| {
            let mut reader = reader.borrow_mut();
            let (raw, opened) = reader.raw_keyed(source);
            *key = opened;
            let body = match raw {
                RawBody::Utf8(bytes) if !self.filter.may_hold(bytes, mask) => return false,
                // Validating is cheaper than the lossy decoding it spares.
                RawBody::Utf8(bytes) => simdutf8::basic::from_utf8(bytes)
                    .map_or_else(|_| String::from_utf8_lossy(bytes), Cow::Borrowed),
                RawBody::Decoded(text) => text,
            };
            let sure = self.literals.surely_held(&body, mask);
            let left: Vec<&str> = wanted
                .iter()
                .filter(|&&t| t >= 64 || sure & (1 << t) == 0)
                .map(|&t| self.terms[t])
                .collect();
            left.is_empty() || folded_holds_all(&body, &left)
        })
    }
}

/// Whether the folded visible text of `body` holds every one of `terms`,
/// stripping and folding only as far as it takes to find them.
fn folded_holds_all(body: &str, terms: &[&str]) -> bool {
    let done = Cell::new(false);
    let mut sink = Checking::new(terms, &done);
    {
        let mut folder = Folder::new(&mut sink);
        // Stripping stops once every term is found.
        visible_text_while(body, &mut |piece| {
            folder.feed(piece, 0);
            !done.get()
        });
        folder.finish();
    }
    sink.check();
    sink.left.is_empty()
}

/// Folded text being searched as it grows.
struct Checking<'t, 'd> {
    left: Vec<&'t str>,
    /// Bytes a hit can start before the unchecked part.
    overlap: usize,
    text: String,
    /// Where the text not yet searched starts (less the overlap).
    checked: usize,
    done: &'d Cell<bool>,
}

impl<'t, 'd> Checking<'t, 'd> {
    fn new(terms: &[&'t str], done: &'d Cell<bool>) -> Self {
        Checking {
            left: terms.to_vec(),
            overlap: terms.iter().map(|t| t.len()).max().unwrap_or(0),
            text: String::with_capacity(CHECK_EVERY * 2),
            checked: 0,
            done,
        }
    }

    fn check(&mut self) {
        let mut from = self.checked.saturating_sub(self.overlap);
        while !self.text.is_char_boundary(from) {
            from -= 1;
        }
        let window = &self.text[from..];
        self.left.retain(|t| !window.contains(t));
        self.checked = self.text.len();
        if self.left.is_empty() {
            self.done.set(true);
        }
        // Only the overlap is needed from here on.
        if from > CHECK_EVERY * 4 {
            let mut keep = self.text.len() - self.overlap;
            while !self.text.is_char_boundary(keep) {
                keep -= 1;
            }
            self.text.drain(..keep);
            self.checked = self.text.len();
        }
    }
}

impl FoldSink for Checking<'_, '_> {
    fn push(&mut self, c: char, _source: Range<usize>) {
        if self.done.get() {
            return;
        }
        self.text.push(c);
        if self.text.len() - self.checked >= CHECK_EVERY {
            self.check();
        }
    }
}

mod literal;
#[cfg(test)]
mod tests;
