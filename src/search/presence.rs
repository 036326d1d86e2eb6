//! Which characters occur in which articles of a chunk: a per-chunk
//! character index that answers one-character queries outright and narrows
//! longer ones to the few articles holding all their characters, so scans
//! touch a fraction of the text. Scanning is bound by memory bandwidth
//! (about 10 GB/s here), so skipping text is the only way to be faster.

use super::fold::FoldSink;
use super::scan::ChunkSet;
use std::collections::BTreeMap;
use std::ops::Range;

/// For each character present in a chunk, the set of its articles holding
/// it. Sorted by character.
#[derive(Debug, Default)]
pub(crate) struct CharPresence {
    chars: Vec<char>,
    articles: Vec<ChunkSet>,
}

impl CharPresence {
    /// The articles holding `c` (none when it occurs nowhere in the chunk).
    pub(crate) fn articles_with(&self, c: char) -> ChunkSet {
        self.chars
            .binary_search(&c)
            .map_or_else(|_| ChunkSet::default(), |i| self.articles[i])
    }

    pub(crate) fn bytes(&self) -> usize {
        self.chars.capacity() * size_of::<char>() + self.articles.capacity() * size_of::<ChunkSet>()
    }
}

/// Collects a chunk's [`CharPresence`] while its text is folded.
pub(crate) struct PresenceBuilder {
    /// Per BMP character: 1 + its index in `found`, or 0.
    bmp_slot: Vec<u32>,
    astral_slot: BTreeMap<char, u32>,
    found: Vec<(char, ChunkSet)>,
    article: usize,
}

impl Default for PresenceBuilder {
    fn default() -> Self {
        PresenceBuilder {
            bmp_slot: vec![0; 0x1_0000],
            astral_slot: BTreeMap::new(),
            found: Vec::new(),
            article: 0,
        }
    }
}

impl PresenceBuilder {
    /// Characters recorded from now on belong to article `i` of the chunk.
    pub(crate) fn start_article(&mut self, i: usize) {
        self.article = i;
    }

    pub(crate) fn record(&mut self, c: char) {
        let next = self.found.len() as u32 + 1;
        let slot = match self.bmp_slot.get_mut(c as usize) {
            Some(slot) => slot,
            None => self.astral_slot.entry(c).or_insert(0),
        };
        if *slot == 0 {
            *slot = next;
            self.found.push((c, ChunkSet::default()));
        }
        self.found[*slot as usize - 1].1.insert(self.article);
    }

    /// The presence of everything recorded; the builder is emptied for the
    /// next chunk (its 256 KiB table is worth reusing).
    pub(crate) fn take(&mut self) -> CharPresence {
        for (c, _) in &self.found {
            if let Some(slot) = self.bmp_slot.get_mut(*c as usize) {
                *slot = 0;
            }
        }
        self.astral_slot.clear();
        self.article = 0;
        let mut found = std::mem::take(&mut self.found);
        found.sort_unstable_by_key(|(c, _)| *c);
        let (chars, articles) = found.into_iter().unzip();
        CharPresence { chars, articles }
    }
}

/// Folded text going into an arena, its characters recorded on the way.
pub(crate) struct RecordingSink<'a> {
    pub(crate) text: &'a mut String,
    pub(crate) presence: &'a mut PresenceBuilder,
}

impl FoldSink for RecordingSink<'_> {
    fn push(&mut self, c: char, source: Range<usize>) {
        self.presence.record(c);
        FoldSink::push(self.text, c, source);
    }

    fn replace_last(&mut self, c: char, source_end: usize) {
        // The replaced character stays recorded: a superset is still right.
        self.presence.record(c);
        FoldSink::replace_last(self.text, c, source_end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_each_character_per_article() {
        let mut builder = PresenceBuilder::default();
        for (i, text) in ["香港", "港口", "𠮷"].iter().enumerate() {
            builder.start_article(i);
            text.chars().for_each(|c| builder.record(c));
        }
        let presence = builder.take();
        let ids = |c| presence.articles_with(c).iter().collect::<Vec<_>>();
        assert_eq!(ids('港'), [0, 1]);
        assert_eq!(ids('香'), [0]);
        assert_eq!(ids('𠮷'), [2]);
        assert!(ids('x').is_empty());
        // The builder starts clean for the next chunk.
        builder.record('口');
        assert_eq!(builder.take().articles_with('港').iter().count(), 0);
    }
}
