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
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{compose, is_combining_mark};

use crate::text::sanitize::is_unsafe;

/// Table entries: a folded character, or one of these markers.
const DROP: u32 = u32::MAX;
const SPACE: u32 = u32::MAX - 1;
/// Set on a folded character that is a combining mark.
const COMBINING: u32 = 1 << 30;
/// Set on an index into `FoldTable::expansions`.
const EXPANSION: u32 = 1 << 29;
const CHAR_BITS: u32 = (1 << 21) - 1;

/// Folding of every Basic Multilingual Plane character, computed once (a few
/// milliseconds) so folding the archive is one lookup per character.
struct FoldTable {
    bmp: Vec<u32>,
    expansions: Vec<Box<str>>,
}

static TABLE: LazyLock<FoldTable> = LazyLock::new(FoldTable::build);

impl FoldTable {
    fn build() -> Self {
        let mut bmp = vec![DROP; 0x1_0000];
        let mut expansions = Vec::new();
        for (code, slot) in (0u32..).zip(bmp.iter_mut()) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            *slot = match Folding::of(c) {
                Folding::Drop => DROP,
                Folding::Space => SPACE,
                Folding::Char(f) if is_combining_mark(f) => f as u32 | COMBINING,
                Folding::Char(f) => f as u32,
                Folding::Expansion(s) => {
                    expansions.push(s.into_boxed_str());
                    (expansions.len() - 1) as u32 | EXPANSION
                }
            };
        }
        FoldTable { bmp, expansions }
    }
}

/// What one character folds to.
#[derive(Debug, PartialEq, Eq)]
enum Folding {
    Drop,
    Space,
    Char(char),
    Expansion(String),
}

impl Folding {
    /// The folding computed from first principles (used to build the table,
    /// and for the rare characters outside the BMP).
    fn of(c: char) -> Self {
        if c.is_whitespace() {
            return Folding::Space;
        }
        if is_unsafe(c) {
            return Folding::Drop;
        }
        let mut folded = String::new();
        for compat in std::iter::once(c).nfkc() {
            for lower in compat.to_lowercase() {
                // fast2s converts per character when given one character
                // alone, with no neighbours to look at.
                let mut buf = [0; 4];
                folded.push_str(&fast2s::convert(lower.encode_utf8(&mut buf)));
            }
        }
        let mut chars = folded.chars();
        match (chars.next(), chars.next()) {
            (None, _) => Folding::Drop,
            (Some(f), None) if f.is_whitespace() => Folding::Space,
            (Some(f), None) => Folding::Char(f),
            _ => Folding::Expansion(folded),
        }
    }
}

/// What one character folds to, as the raw-bytes prefilter (`raw_filter`)
/// needs to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CharFold<'t> {
    /// Vanishes (controls, zero-width and bidi characters).
    Drop,
    /// Whitespace: one space at most between other characters.
    Space,
    /// One character; `true` when it is a combining mark, which may compose
    /// with the character before it.
    Char(char, bool),
    /// Several characters.
    Expansion(&'t str),
    /// Outside the Basic Multilingual Plane: not in the table.
    Astral,
}

/// How `c` folds, from the table.
pub(crate) fn char_fold(c: char) -> CharFold<'static> {
    let table = &*TABLE;
    match table.bmp.get(c as usize).copied() {
        None => CharFold::Astral,
        Some(DROP) => CharFold::Drop,
        Some(SPACE) => CharFold::Space,
        Some(e) if e & EXPANSION != 0 => {
            CharFold::Expansion(&table.expansions[(e & !EXPANSION) as usize])
        }
        Some(e) if e & COMBINING != 0 => {
            CharFold::Char(char::from_u32(e & CHAR_BITS).unwrap_or(c), true)
        }
        Some(e) => CharFold::Char(char::from_u32(e).unwrap_or(c), false),
    }
}

/// Every character of the Basic Multilingual Plane whose folding holds
/// `folded` (alone, or in an expansion), with whether it expands.
pub(crate) fn bmp_sources_of(folded: char) -> Vec<(char, bool)> {
    let table = &*TABLE;
    let mut sources = Vec::new();
    for (code, &e) in (0u32..).zip(&table.bmp) {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        match e {
            DROP | SPACE => {}
            e if e & EXPANSION != 0
                && table.expansions[(e & !EXPANSION) as usize].contains(folded) =>
            {
                sources.push((c, true));
            }
            e if e & EXPANSION == 0 && e & CHAR_BITS == folded as u32 => sources.push((c, false)),
            _ => {}
        }
    }
    sources
}

/// Receives folded characters, each with the byte range of the source text
/// it came from.
pub(crate) trait FoldSink {
    fn push(&mut self, c: char, source: Range<usize>);
}

impl FoldSink for String {
    fn push(&mut self, c: char, _source: Range<usize>) {
        String::push(self, c);
    }
}

/// Folds text fed to it in pieces (a markup stripper hands over visible runs
/// one by one); spaces collapse and marks compose across pieces. Call
/// [`Folder::finish`] after the last piece.
pub(crate) struct Folder<'s, S: FoldSink> {
    sink: &'s mut S,
    /// The last character, held back while a combining mark may still
    /// compose with it, so the sink only ever sees final characters.
    held: Option<(char, Range<usize>)>,
    /// Source start of the whitespace run not yet written.
    space_from: Option<usize>,
    wrote_any: bool,
}

impl<'s, S: FoldSink> Folder<'s, S> {
    pub(crate) fn new(sink: &'s mut S) -> Self {
        Folder {
            sink,
            held: None,
            space_from: None,
            wrote_any: false,
        }
    }

    /// Folds `piece`, which starts at byte `offset` of the source text.
    pub(crate) fn feed(&mut self, piece: &str, offset: usize) {
        let table = &*TABLE;
        for (i, c) in piece.char_indices() {
            let start = offset + i;
            let end = start + c.len_utf8();
            let entry = table.bmp.get(c as usize).copied();
            match entry {
                Some(DROP) => {}
                Some(SPACE) => self.space(start),
                Some(e) if e & EXPANSION != 0 => {
                    let expansion = &table.expansions[(e & !EXPANSION) as usize];
                    self.push_str(expansion, start..end);
                }
                Some(e) if e & COMBINING != 0 => {
                    self.mark(char::from_u32(e & CHAR_BITS).unwrap_or(c), start..end);
                }
                Some(e) => self.push(char::from_u32(e).unwrap_or(c), start..end),
                None => match Folding::of(c) {
                    Folding::Drop => {}
                    Folding::Space => self.space(start),
                    Folding::Char(f) if is_combining_mark(f) => self.mark(f, start..end),
                    Folding::Char(f) => self.push(f, start..end),
                    Folding::Expansion(s) => self.push_str(&s, start..end),
                },
            }
        }
    }

    /// Writes the character still held back; a trailing space is dropped.
    pub(crate) fn finish(mut self) {
        self.release();
    }

    fn release(&mut self) {
        if let Some((c, source)) = self.held.take() {
            self.sink.push(c, source);
        }
    }

    fn space(&mut self, start: usize) {
        self.release();
        if self.space_from.is_none() {
            self.space_from = Some(start);
        }
    }

    fn push(&mut self, c: char, source: Range<usize>) {
        self.release();
        if let Some(from) = self.space_from.take() {
            if self.wrote_any {
                self.sink.push(' ', from..source.start);
            }
        }
        self.held = Some((c, source));
        self.wrote_any = true;
    }

    fn mark(&mut self, mark: char, source: Range<usize>) {
        if let Some((base, held)) = &mut self.held {
            if let Some(composed) = compose(*base, mark) {
                *base = composed;
                held.end = source.end;
                return;
            }
        }
        self.push(mark, source);
    }

    fn push_str(&mut self, folded: &str, source: Range<usize>) {
        for f in folded.chars() {
            if f.is_whitespace() {
                self.space(source.start);
            } else {
                self.push(f, source.clone());
            }
        }
    }
}

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

#[cfg(test)]
mod tests;
