//! A map from 64-bit hashes to article indices kept as two sorted arrays:
//! 12 bytes an entry, where a hash map took ~17 a bucket and up to twice
//! the buckets it needed (at a million articles its three maps held
//! ~100 MB). Looking up is a binary search: ~20 steps at a million.

/// Hashes with the article each names, sorted by hash.
#[derive(Debug, Default)]
pub(super) struct SortedMap {
    hashes: Vec<u64>,
    articles: Vec<u32>,
}

impl SortedMap {
    /// The map of `pairs` (hash, article); where one hash names several
    /// articles, the first (lowest index) is kept.
    pub(super) fn new(mut pairs: Vec<(u64, u32)>) -> SortedMap {
        pairs.sort_unstable();
        pairs.dedup_by_key(|(hash, _)| *hash);
        SortedMap::from_sorted(pairs.into_iter())
    }

    /// The map of pairs already sorted by hash, each hash once.
    pub(super) fn from_sorted(pairs: impl ExactSizeIterator<Item = (u64, u32)>) -> SortedMap {
        let mut map = SortedMap {
            hashes: Vec::with_capacity(pairs.len()),
            articles: Vec::with_capacity(pairs.len()),
        };
        for (hash, article) in pairs {
            map.hashes.push(hash);
            map.articles.push(article);
        }
        map
    }

    pub(super) fn get(&self, hash: u64) -> Option<u32> {
        let at = self.hashes.binary_search(&hash).ok()?;
        self.articles.get(at).copied()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_article_of_a_hash_is_kept() {
        let map = SortedMap::new(vec![(7, 3), (2, 0), (7, 1), (9, 2)]);
        assert_eq!(map.get(7), Some(1));
        assert_eq!(map.get(2), Some(0));
        assert_eq!(map.get(9), Some(2));
        assert_eq!(map.get(8), None);
        assert!(SortedMap::default().is_empty());
    }
}
