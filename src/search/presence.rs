//! Which characters occur in which articles of a chunk: a per-chunk index
//! that answers one-character queries outright and narrows longer ones to
//! the articles holding all their characters, so scans touch a fraction of
//! the text. Scanning runs at memory speed (about 10 GB/s here); skipping
//! text is the only way to be faster.
//!
//! Latin words are made of a few common letters, so single letters narrow
//! little: pairs of adjacent ASCII letters and digits are recorded too.

use std::collections::BTreeMap;
use std::ops::Range;

use super::fold::FoldSink;
use super::scan::ChunkSet;

/// What presence is recorded for: a character, or a pair of adjacent ASCII
/// letters or digits (numbered above every character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Key(u32);

const PAIR_BASE: u32 = 0x20_0000;
const PAIRS: usize = 128 * 128;

impl Key {
    pub(crate) fn char(c: char) -> Key {
        Key(c as u32)
    }

    pub(crate) fn pair(a: char, b: char) -> Option<Key> {
        (a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric())
            .then_some(Key(PAIR_BASE | (a as u32) << 7 | b as u32))
    }

    /// The keys of every text containing `term` (sorted, distinct), and
    /// whether holding them all means containing `term` (one character, or
    /// one ASCII pair).
    pub(crate) fn of_term(term: &str) -> (Vec<Key>, bool) {
        let chars: Vec<char> = term.chars().collect();
        let pairs = chars.windows(2).filter_map(|w| Key::pair(w[0], w[1]));
        let mut keys: Vec<Key> = chars.iter().map(|&c| Key::char(c)).chain(pairs).collect();
        keys.sort_unstable();
        keys.dedup();
        let exact =
            chars.len() == 1 || (chars.len() == 2 && Key::pair(chars[0], chars[1]).is_some());
        (keys, exact)
    }
}

/// For each key present in a chunk, the set of its articles holding it.
/// Most characters of a chunk occur in one or two of its articles, so
/// those keep their article numbers in the slot itself; those in a few
/// more keep them as a list of bytes (fewer bytes than a full set's 32);
/// the others point at a full set.
#[derive(Debug, Default)]
pub(crate) struct CharPresence {
    /// Sorted.
    keys: Vec<Key>,
    /// Per key: `DENSE | index into dense`; `LISTED | count << 24 | where
    /// its article numbers start in listed`; or up to `MAX_INLINE` article
    /// numbers of 8 bits each with their count above them.
    slots: Vec<u32>,
    dense: Vec<ChunkSet>,
    /// The article numbers of the listed keys, a byte each.
    listed: Vec<u8>,
}

const DENSE: u32 = 1 << 31;
const LISTED: u32 = 1 << 30;
const MAX_INLINE: usize = 3;
/// A list of more article numbers takes as much room as a full set.
const MAX_LISTED: usize = size_of::<ChunkSet>() - 1;
/// Where a key's list starts, in the slot's low 24 bits.
const LISTED_AT: u32 = (1 << 24) - 1;
// Inline and listed article numbers are 8 bits.
const _: () = assert!(super::index::CHUNK <= 256);
// A list's count fits the 6 bits above its start.
const _: () = assert!(MAX_LISTED < 64);

impl CharPresence {
    /// The articles holding `key` (none when it occurs nowhere in the chunk).
    pub(crate) fn articles_with(&self, key: Key) -> ChunkSet {
        let Ok(i) = self.keys.binary_search(&key) else {
            return ChunkSet::default();
        };
        let slot = self.slots[i];
        let mut set = ChunkSet::default();
        if slot & DENSE != 0 {
            return self.dense[(slot & !DENSE) as usize];
        }
        if slot & LISTED != 0 {
            let at = (slot & LISTED_AT) as usize;
            let count = ((slot & !LISTED) >> 24) as usize;
            for &a in self.listed.get(at..at + count).unwrap_or_default() {
                set.insert(usize::from(a));
            }
            return set;
        }
        for n in 0..slot >> 24 {
            set.insert(((slot >> (8 * n)) & 0xFF) as usize);
        }
        set
    }

    pub(crate) fn bytes(&self) -> usize {
        self.keys.capacity() * size_of::<Key>()
            + self.slots.capacity() * size_of::<u32>()
            + self.dense.capacity() * size_of::<ChunkSet>()
            + self.listed.capacity()
    }

    fn from_sorted(found: Vec<(Key, ChunkSet)>) -> Self {
        let listed_len = |set: &ChunkSet| (MAX_INLINE + 1..=MAX_LISTED).contains(&set.len());
        let dense = found
            .iter()
            .filter(|(_, set)| set.len() > MAX_LISTED)
            .count();
        let listed: usize = found
            .iter()
            .map(|(_, set)| set.len())
            .filter(|&n| (MAX_INLINE + 1..=MAX_LISTED).contains(&n))
            .sum();
        let mut presence = CharPresence {
            keys: Vec::with_capacity(found.len()),
            slots: Vec::with_capacity(found.len()),
            dense: Vec::with_capacity(dense),
            listed: Vec::with_capacity(listed),
        };
        for (key, set) in found {
            let at = presence.listed.len();
            let slot = if set.len() <= MAX_INLINE {
                let numbers = set
                    .iter()
                    .enumerate()
                    .fold(0, |slot, (n, a)| slot | (a as u32) << (8 * n));
                numbers | (set.len() as u32) << 24
            } else if listed_len(&set) && at <= LISTED_AT as usize {
                presence.listed.extend(set.iter().map(|a| a as u8));
                LISTED | (set.len() as u32) << 24 | at as u32
            } else {
                presence.dense.push(set);
                (presence.dense.len() - 1) as u32 | DENSE
            };
            presence.keys.push(key);
            presence.slots.push(slot);
        }
        presence
    }
}

/// Collects a chunk's [`CharPresence`] while its text is folded.
pub(crate) struct PresenceBuilder {
    /// Per BMP character, then per ASCII pair: 1 + its index in `found`, or 0.
    slots: Vec<u32>,
    astral_slots: BTreeMap<Key, u32>,
    found: Vec<(Key, ChunkSet)>,
    article: usize,
}

impl Default for PresenceBuilder {
    fn default() -> Self {
        PresenceBuilder {
            slots: vec![0; 0x1_0000 + PAIRS],
            astral_slots: BTreeMap::new(),
            found: Vec::new(),
            article: 0,
        }
    }
}

impl PresenceBuilder {
    /// Keys recorded from now on belong to article `i` of the chunk.
    pub(crate) fn start_article(&mut self, i: usize) {
        self.article = i;
    }

    pub(crate) fn record(&mut self, key: Key) {
        let next = self.found.len() as u32 + 1;
        let slot = match Self::slot_index(key) {
            Some(i) => &mut self.slots[i],
            None => self.astral_slots.entry(key).or_insert(0),
        };
        if *slot == 0 {
            *slot = next;
            self.found.push((key, ChunkSet::default()));
        }
        self.found[*slot as usize - 1].1.insert(self.article);
    }

    fn slot_index(Key(key): Key) -> Option<usize> {
        match key {
            0..0x1_0000 => Some(key as usize),
            PAIR_BASE.. => Some(0x1_0000 + (key - PAIR_BASE) as usize),
            _ => None,
        }
    }

    /// The presence of everything recorded; the builder is emptied for the
    /// next chunk (its tables are worth reusing).
    pub(crate) fn take(&mut self) -> CharPresence {
        for (key, _) in &self.found {
            if let Some(i) = Self::slot_index(*key) {
                self.slots[i] = 0;
            }
        }
        self.astral_slots.clear();
        self.article = 0;
        let mut found = std::mem::take(&mut self.found);
        found.sort_unstable_by_key(|(key, _)| *key);
        CharPresence::from_sorted(found)
    }
}

/// Folded text going into an arena, its keys recorded on the way. One per
/// field, so no pair spans two fields.
pub(crate) struct RecordingSink<'a> {
    text: &'a mut String,
    presence: &'a mut PresenceBuilder,
    previous: Option<char>,
}

impl<'a> RecordingSink<'a> {
    pub(crate) fn new(text: &'a mut String, presence: &'a mut PresenceBuilder) -> Self {
        RecordingSink {
            text,
            presence,
            previous: None,
        }
    }
}

impl FoldSink for RecordingSink<'_> {
    fn push(&mut self, c: char, source: Range<usize>) {
        self.presence.record(Key::char(c));
        if let Some(pair) = self.previous.and_then(|p| Key::pair(p, c)) {
            self.presence.record(pair);
        }
        self.previous = Some(c);
        FoldSink::push(self.text, c, source);
    }
}

#[cfg(test)]
mod tests;
