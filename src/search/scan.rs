//! Matching one chunk of articles: substring scans over its folded text.

use memchr::memmem::Finder;

use super::index::{Arena, CHUNK};

/// One bit per article of a chunk.
#[derive(Clone, Copy, Default)]
pub(crate) struct ChunkSet([u64; CHUNK / 64]);

impl ChunkSet {
    pub(crate) fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn remove(&mut self, i: usize) {
        self.0[i / 64] &= !(1 << (i % 64));
    }

    fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
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
}

/// The articles of one chunk that contain every term, in the metadata or
/// (when indexed) the body. `within`: only these articles can match (the
/// result of a query this one narrows); `None` means any article.
pub(crate) fn chunk_matches(
    meta: &Arena,
    body: Option<&Arena>,
    terms: &[Finder<'_>],
    within: Option<ChunkSet>,
) -> ChunkSet {
    let Some((first, rest)) = terms.split_first() else {
        return within.unwrap_or_else(|| all(meta.len()));
    };
    let mut set = match within {
        Some(set) => {
            let mut set = set;
            keep_containing(&mut set, meta, body, first);
            set
        }
        None => {
            // A full scan finds each article's first hit and jumps to the
            // next article, so common terms cost little.
            let mut set = ChunkSet::default();
            scan(meta, first, &mut set);
            if let Some(body) = body {
                scan(body, first, &mut set);
            }
            set
        }
    };
    for term in rest {
        if set.is_empty() {
            break;
        }
        keep_containing(&mut set, meta, body, term);
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

/// Adds every article of `arena` containing `term` to `set`.
fn scan(arena: &Arena, term: &Finder<'_>, set: &mut ChunkSet) {
    let text = arena.text.as_bytes();
    let mut from = 0;
    let mut article = 0;
    while let Some(i) = term.find(&text[from..]) {
        let hit = from + i;
        // Terms hold no '\n', the article separator, so a hit lies inside
        // one article: the first whose end is past it.
        article += arena.ends[article..].partition_point(|&end| end as usize <= hit);
        if article >= arena.ends.len() {
            break;
        }
        set.insert(article);
        from = arena.ends[article] as usize;
        article += 1;
    }
}

/// Removes from `set` the articles containing `term` nowhere.
fn keep_containing(set: &mut ChunkSet, meta: &Arena, body: Option<&Arena>, term: &Finder<'_>) {
    let candidates = *set;
    for i in candidates.iter() {
        let found = term.find(meta.article(i)).is_some()
            || body.is_some_and(|body| term.find(body.article(i)).is_some());
        if !found {
            set.remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arena(articles: &[&str]) -> Arena {
        let mut arena = Arena::default();
        for a in articles {
            arena.push_article(|text| text.push_str(a));
        }
        arena
    }

    fn ids(set: ChunkSet) -> Vec<usize> {
        set.iter().collect()
    }

    #[test]
    fn every_term_must_occur_somewhere() {
        let meta = arena(&["香港 新闻", "台湾", "香港"]);
        let body = arena(&["", "香港 民主", "体育"]);
        let terms = [Finder::new("香港"), Finder::new("民主")];
        assert_eq!(ids(chunk_matches(&meta, Some(&body), &terms, None)), [1]);
        assert_eq!(ids(chunk_matches(&meta, None, &terms[..1], None)), [0, 2]);
        assert_eq!(
            ids(chunk_matches(&meta, Some(&body), &terms[..1], None)),
            [0, 1, 2]
        );
    }

    #[test]
    fn narrowing_looks_only_at_candidates() {
        let meta = arena(&["abc", "abc", "abd"]);
        let mut within = ChunkSet::default();
        within.insert(1);
        within.insert(2);
        let terms = [Finder::new("ab")];
        assert_eq!(
            ids(chunk_matches(&meta, None, &terms, Some(within))),
            [1, 2]
        );
    }

    #[test]
    fn hits_do_not_span_articles() {
        let meta = arena(&["ab", "cd"]);
        assert!(chunk_matches(&meta, None, &[Finder::new("bc")], None).is_empty());
    }

    #[test]
    fn no_terms_match_all() {
        let meta = arena(&["a", "b", "c"]);
        assert_eq!(ids(chunk_matches(&meta, None, &[], None)), [0, 1, 2]);
    }
}
