//! Matching one chunk of articles: substring scans over its folded text.

use memchr::memmem::Finder;

use super::index::{Arena, CHUNK, Chunk};
use super::presence::Key;

/// One bit per article of a chunk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ChunkSet([u64; CHUNK / 64]);

impl ChunkSet {
    pub(crate) fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub(crate) fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    fn subtract(&mut self, other: &ChunkSet) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a &= !b;
        }
    }

    /// Runs of consecutive members, as ranges.
    fn runs(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let mut members = self.iter().peekable();
        std::iter::from_fn(move || {
            let start = members.next()?;
            let mut end = start + 1;
            while members.next_if_eq(&end).is_some() {
                end += 1;
            }
            Some(start..end)
        })
    }

    fn union_with(&mut self, other: &ChunkSet) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
    }

    fn intersect_with(&mut self, other: &ChunkSet) {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a &= b;
        }
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        set_bits(&self.0)
    }
}

/// The positions of the set bits of `words`, lowest first: the members of
/// a bit set (a chunk's here, the whole library's in the stored index).
pub(crate) fn set_bits(words: &[u64]) -> impl Iterator<Item = usize> + '_ {
    words.iter().enumerate().flat_map(|(w, &word)| {
        let mut bits = word;
        std::iter::from_fn(move || {
            if bits == 0 {
                return None;
            }
            let bit = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            Some(w * 64 + bit)
        })
    })
}

/// One query term, ready to look for.
pub(crate) struct Term<'q> {
    text: &'q str,
    finder: Finder<'q>,
    /// What an article must hold to contain the term (see [`Key`]).
    keys: Vec<Key>,
    /// Holding the keys means containing the term: no scan needed.
    exact: bool,
    /// Known to occur in every candidate (it was a term of the query whose
    /// result is being narrowed), so it needs no check.
    known: bool,
}

impl<'q> Term<'q> {
    pub(crate) fn new(term: &'q str, known: bool) -> Self {
        let (keys, exact) = Key::of_term(term);
        Term {
            text: term,
            finder: Finder::new(term),
            keys,
            exact,
            known,
        }
    }
}

impl Term<'_> {
    /// The term, folded.
    pub(crate) fn text(&self) -> &str {
        self.text
    }

    /// Whether it is known to occur in every candidate.
    pub(crate) fn known(&self) -> bool {
        self.known
    }
}

/// The articles of one chunk that contain every term, in the metadata or
/// (when indexed) the body. `within`: only these articles can match (the
/// result of a query this one narrows); `None` means any article.
pub(crate) fn chunk_matches(
    meta: &Chunk,
    body: Option<&Chunk>,
    terms: &[Term<'_>],
    within: Option<ChunkSet>,
) -> ChunkSet {
    let mut set = within.unwrap_or_else(|| all(meta.arena.len()));
    // Character presence first: a few lookups that usually leave a small
    // fraction of the chunk to scan.
    for term in terms.iter().filter(|t| !t.known) {
        for &key in &term.keys {
            let mut holding = meta.presence.articles_with(key);
            if let Some(body) = body {
                holding.union_with(&body.presence.articles_with(key));
            }
            set.intersect_with(&holding);
            if set.is_empty() {
                return set;
            }
        }
    }
    for term in terms.iter().filter(|t| !t.known && !t.exact) {
        keep_containing(&mut set, &meta.arena, body.map(|b| &b.arena), &term.finder);
        if set.is_empty() {
            break;
        }
    }
    set
}

fn all(len: usize) -> ChunkSet {
    let mut set = ChunkSet::default();
    for i in 0..len {
        set.insert(i);
    }
    set
}

/// Keeps in `set` the articles containing `term` in their metadata or body.
fn keep_containing(set: &mut ChunkSet, meta: &Arena, body: Option<&Arena>, term: &Finder<'_>) {
    let in_meta = containing(meta, term, *set);
    let mut found = in_meta;
    if let Some(body) = body {
        let mut rest = *set;
        rest.subtract(&in_meta);
        found.union_with(&containing(body, term, rest));
    }
    *set = found;
}

/// The articles of `candidates` whose text in `arena` contains `term`.
/// Each run of consecutive candidates is scanned as one haystack, jumping
/// to the next article after a hit: a search call costs about as much as
/// scanning a few hundred bytes, so calls per article would dominate.
fn containing(arena: &Arena, term: &Finder<'_>, candidates: ChunkSet) -> ChunkSet {
    let text = arena.text.as_bytes();
    let mut found = ChunkSet::default();
    for run in candidates.runs() {
        let mut from = arena.start(run.start);
        let run_end = arena.start(run.end);
        let mut article = run.start;
        while let Some(i) = term.find(&text[from..run_end]) {
            let hit = from + i;
            // Terms hold no '\n', the separator, so a hit lies inside one
            // article: the first in the run ending past it.
            article += arena.ends[article..run.end].partition_point(|&end| end as usize <= hit);
            if article >= run.end {
                break;
            }
            found.insert(article);
            article += 1;
            from = arena.start(article);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold::FoldSink;
    use crate::search::presence::{PresenceBuilder, RecordingSink};

    fn chunk(articles: &[&str]) -> Chunk {
        let mut arena = Arena::default();
        let mut presence = PresenceBuilder::default();
        for (i, a) in articles.iter().enumerate() {
            presence.start_article(i);
            arena.push_article(|text| {
                let mut sink = RecordingSink::new(text, &mut presence);
                a.chars().for_each(|c| sink.push(c, 0..0));
            });
        }
        Chunk {
            arena,
            presence: presence.take(),
        }
    }

    fn ids(set: ChunkSet) -> Vec<usize> {
        set.iter().collect()
    }

    fn terms<'q>(terms: &[&'q str]) -> Vec<Term<'q>> {
        terms.iter().map(|t| Term::new(t, false)).collect()
    }

    #[test]
    fn every_term_must_occur_somewhere() {
        let meta = chunk(&["香港 新闻", "台湾", "香港"]);
        let body = chunk(&["", "香港 民主", "体育"]);
        let both = terms(&["香港", "民主"]);
        assert_eq!(ids(chunk_matches(&meta, Some(&body), &both, None)), [1]);
        assert_eq!(ids(chunk_matches(&meta, None, &both[..1], None)), [0, 2]);
        assert_eq!(
            ids(chunk_matches(&meta, Some(&body), &both[..1], None)),
            [0, 1, 2]
        );
    }

    #[test]
    fn characters_present_apart_are_not_a_match() {
        let meta = chunk(&["港香", "香 港", "香港"]);
        assert_eq!(
            ids(chunk_matches(&meta, None, &terms(&["香港"]), None)),
            [2]
        );
        assert_eq!(
            ids(chunk_matches(&meta, None, &terms(&["港"]), None)),
            [0, 1, 2]
        );
    }

    #[test]
    fn narrowing_looks_only_at_candidates() {
        let meta = chunk(&["abc", "abc", "abd"]);
        let mut within = ChunkSet::default();
        within.insert(1);
        within.insert(2);
        assert_eq!(
            ids(chunk_matches(&meta, None, &terms(&["ab"]), Some(within))),
            [1, 2]
        );
        // A known term is not checked again.
        let known = [Term::new("zz", true), Term::new("b", false)];
        assert_eq!(
            ids(chunk_matches(&meta, None, &known, Some(within))),
            [1, 2]
        );
    }

    #[test]
    fn runs_group_consecutive_members() {
        let mut set = ChunkSet::default();
        for i in [0, 1, 2, 5, 63, 64, 65, 255] {
            set.insert(i);
        }
        assert_eq!(
            set.runs().collect::<Vec<_>>(),
            [0..3, 5..6, 63..66, 255..256]
        );
    }

    #[test]
    fn hits_do_not_span_articles() {
        let meta = chunk(&["ab", "cd"]);
        assert!(chunk_matches(&meta, None, &terms(&["bc"]), None).is_empty());
    }

    #[test]
    fn no_terms_match_all() {
        let meta = chunk(&["a", "b", "c"]);
        assert_eq!(ids(chunk_matches(&meta, None, &[], None)), [0, 1, 2]);
    }
}
