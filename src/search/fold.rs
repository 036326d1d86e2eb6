//! Folding: the one normal form that both queries and searched text are put
//! in before they are compared.
//!
//! Each character is folded on its own — compatibility forms (NFKC: fullwidth
//! `Ａ１` to `a1`, halfwidth `ｶ` to `カ`), then lower case, then Traditional to
//! Simplified — so folding keeps a substring a substring: if the query occurs
//! in a text, its folding occurs in the text's folding. Phrase-level script
//! conversion would break that (a word converts differently alone than in its
//! sentence). The only context used is composing a combining mark with the
//! character before it, so `ｶﾞ` folds like `ガ`. Runs of whitespace become one
//! space, invisible characters (controls, zero-width, bidi) vanish.

use std::ops::Range;

pub(crate) use self::folder::{FoldSink, Folder};
#[cfg(test)]
use self::table::Folding;
pub(crate) use self::table::{CharFold, bmp_sources_of, char_fold};

/// The folding of `text`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folding of `text` to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    let mut folder = Folder::new(out);
    folder.feed(text, 0);
    folder.finish();
}

/// A folded text that remembers where each folded character came from, so a
/// match in the folding can be shown on the original.
#[derive(Debug, Default)]
pub(crate) struct MappedFold {
    pub(crate) text: String,
    /// Per folded character: its byte offset in `text` and its source range.
    spans: Vec<(usize, Range<usize>)>,
}

impl FoldSink for MappedFold {
    fn push(&mut self, c: char, source: Range<usize>) {
        self.spans.push((self.text.len(), source));
        self.text.push(c);
    }
}

impl MappedFold {
    pub(crate) fn new(source: &str) -> Self {
        let mut mapped = MappedFold::default();
        let mut folder = Folder::new(&mut mapped);
        folder.feed(source, 0);
        folder.finish();
        mapped
    }

    /// The source byte range covering folded bytes `folded`.
    pub(crate) fn source_range(&self, folded: Range<usize>) -> Option<Range<usize>> {
        if folded.is_empty() {
            return None;
        }
        let first = self
            .spans
            .partition_point(|(at, _)| *at <= folded.start)
            .checked_sub(1)?;
        let last = self
            .spans
            .partition_point(|(at, _)| *at < folded.end)
            .checked_sub(1)?;
        Some(self.spans[first].1.start..self.spans[last].1.end)
    }
}

mod folder;
mod table;
#[cfg(test)]
mod tests;
