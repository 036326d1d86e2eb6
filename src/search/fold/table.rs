//! The folding of every character, computed once into a table.

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::text::sanitize::is_unsafe;

/// Table entries: a folded character, or one of these markers.
pub(super) const DROP: u32 = u32::MAX;
pub(super) const SPACE: u32 = u32::MAX - 1;
/// Set on a folded character that is a combining mark.
pub(super) const COMBINING: u32 = 1 << 30;
/// Set on an index into `FoldTable::expansions`.
pub(super) const EXPANSION: u32 = 1 << 29;
pub(super) const CHAR_BITS: u32 = (1 << 21) - 1;

/// Folding of every Basic Multilingual Plane character, computed once (a few
/// milliseconds) so folding the archive is one lookup per character.
pub(super) struct FoldTable {
    pub(super) bmp: Vec<u32>,
    pub(super) expansions: Vec<Box<str>>,
}

pub(super) static TABLE: LazyLock<FoldTable> = LazyLock::new(FoldTable::build);

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
pub(super) enum Folding {
    Drop,
    Space,
    Char(char),
    Expansion(String),
}

impl Folding {
    /// The folding computed from first principles (used to build the table,
    /// and for the rare characters outside the BMP).
    pub(super) fn of(c: char) -> Self {
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
