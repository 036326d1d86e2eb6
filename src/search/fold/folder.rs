//! Folding text fed in pieces, into any sink of folded characters.

use std::ops::Range;

use unicode_normalization::char::{compose, is_combining_mark};

use super::table::{CHAR_BITS, COMBINING, DROP, EXPANSION, Folding, SPACE, TABLE};

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
