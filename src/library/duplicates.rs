//! Exact duplicates: articles with the same title, the same date (and
//! time) and the same body bytes, as feed mirrors keep them (one farewell
//! notice is in a real archive 537 times). The first of each group in list
//! order is kept; the list shows it once with a count, and the others point
//! at it. Found from body hashes, one pass with a hash map.
//!
//! Only articles whose title and date match another's can be duplicates,
//! so only their bodies are read and hashed, once the library is loaded
//! ([`hash_colliding`], told by a sample of each body the load took): a
//! load reads front matter only, and the hashes are kept in the cache.

use std::collections::HashMap;
use std::io::Read;

use chrono::{DateTime, FixedOffset, NaiveDate};
// foldhash, not SipHash: one lookup per article in the archive.
use crate::article::{Article, BodySource};
use foldhash::fast::RandomState;

mod colliding;
mod same_file;

pub(super) use same_file::SameFile;

pub(super) use colliding::{
    SAMPLE_BYTES, SeenSamples, hash_colliding, hash_colliding_sampled, hash_new_collisions, sample,
};

/// The duplicate groups of a list of articles (by index into it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Duplicates {
    /// For each article, the index of the one it copies (`None`: kept or
    /// unique). Empty when there are no duplicates at all.
    original: Vec<Option<u32>>,
    /// The copies of each kept article that has some, in list order.
    copies: HashMap<u32, Vec<u32>>,
}

/// What must be equal for two articles to be duplicates.
type Key<'a> = (
    u64,
    Option<NaiveDate>,
    Option<DateTime<FixedOffset>>,
    &'a str,
);

/// xxh3 of the body as the reader would show it (at most
/// `library::BODY_LIMIT` bytes of it); `buf` is reused between calls.
pub(super) fn body_hash(source: &BodySource, buf: &mut Vec<u8>) -> Option<u64> {
    match source {
        BodySource::File {
            path,
            offset,
            encoding: None,
        } => {
            let file = crate::regular_file::open_at(path, *offset).ok()?;
            buf.clear();
            file.take(super::BODY_LIMIT).read_to_end(buf).ok()?;
            Some(xxhash_rust::xxh3::xxh3_64(buf))
        }
        _ => super::read_body(source)
            .ok()
            .map(|text| xxhash_rust::xxh3::xxh3_64(text.as_bytes())),
    }
}

impl Duplicates {
    /// Finds the groups in `articles`, which are in list order (the first of
    /// a group is kept). Articles whose body was not hashed are never
    /// duplicates.
    pub fn find(articles: &[Article]) -> Duplicates {
        let mut first: HashMap<Key<'_>, u32, RandomState> =
            HashMap::with_capacity_and_hasher(articles.len(), RandomState::default());
        let mut found = Duplicates::default();
        for (i, article) in articles.iter().enumerate() {
            let Some(hash) = article.body_hash else {
                continue;
            };
            let key = (hash, article.date, article.datetime, article.title.as_str());
            let i = i as u32;
            let kept = *first.entry(key).or_insert(i);
            if kept != i {
                if found.original.is_empty() {
                    found.original = vec![None; articles.len()];
                }
                found.original[i as usize] = Some(kept);
                found.copies.entry(kept).or_default().push(i);
            }
        }
        found
    }

    /// The article `index` copies, if it is a copy.
    pub fn original_of(&self, index: usize) -> Option<usize> {
        self.original
            .get(index)
            .copied()
            .flatten()
            .map(|i| i as usize)
    }

    /// Whether `index` is a copy of an earlier article.
    pub fn is_copy(&self, index: usize) -> bool {
        self.original_of(index).is_some()
    }

    /// The copies of `index` (empty for a copy or a unique article).
    pub fn copies_of(&self, index: usize) -> &[u32] {
        u32::try_from(index)
            .ok()
            .and_then(|i| self.copies.get(&i))
            .map_or(&[], Vec::as_slice)
    }

    /// How many articles are copies.
    pub fn copy_count(&self) -> usize {
        self.copies.values().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BodySource;

    fn article(title: &str, day: u32, hash: Option<u64>) -> Article {
        Article {
            date: NaiveDate::from_ymd_opt(2022, 1, day),
            body_hash: hash,
            id: format!("{title}{day}{hash:?}").into(),
            ..Article::with_body(title, "")
        }
    }

    #[test]
    fn same_title_date_and_body_are_one_group_kept_first() {
        let articles = [
            article("告別", 3, Some(1)),
            article("告別", 3, Some(2)), // another body
            article("告別", 3, Some(1)),
            article("告別", 4, Some(1)), // another day
            article("再見", 3, Some(1)), // another title
            article("告別", 3, None),    // not hashed
            article("告別", 3, Some(1)),
        ];
        let d = Duplicates::find(&articles);
        assert_eq!(d.copies_of(0), [2, 6]);
        assert_eq!(d.original_of(2), Some(0));
        assert_eq!(d.original_of(6), Some(0));
        for unique in [0, 1, 3, 4, 5] {
            assert!(!d.is_copy(unique), "{unique}");
        }
        assert!(d.copies_of(1).is_empty());
        assert_eq!(d.copy_count(), 2);
    }

    #[test]
    fn only_bodies_of_matching_titles_and_dates_are_hashed() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, body: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, format!("---\ntitle: t\n---\n{body}")).unwrap();
            BodySource::File {
                path: path.into(),
                offset: 17,
                encoding: None,
            }
        };
        let mut articles = [
            Article {
                body: file("a.md", "同一"),
                ..article("告別", 3, None)
            },
            Article {
                body: file("b.md", "同一"),
                ..article("告別", 3, None)
            },
            Article {
                body: file("c.md", "另一"),
                ..article("告別", 3, None)
            },
            Article {
                body: file("d.md", "同一"),
                ..article("告別", 4, None) // another day: never a duplicate
            },
            Article {
                body: file("e.md", "同一"),
                ..article("告別", 3, Some(9)) // already hashed (from the cache)
            },
        ];
        hash_colliding(&mut articles);
        let hashes: Vec<Option<u64>> = articles.iter().map(|a| a.body_hash).collect();
        assert!(hashes[0].is_some());
        assert_eq!(hashes[0], hashes[1]);
        assert_ne!(hashes[0], hashes[2]);
        assert_eq!(hashes[3], None);
        assert_eq!(hashes[4], Some(9));
        let d = Duplicates::find(&articles);
        assert_eq!(d.copies_of(0), [1]);
        assert!(!d.is_copy(2) && !d.is_copy(3) && !d.is_copy(4));
    }

    #[test]
    fn no_duplicates_cost_no_table() {
        let d = Duplicates::find(&[article("a", 1, Some(1)), article("b", 1, Some(1))]);
        assert_eq!(d, Duplicates::default());
        assert_eq!(d.original_of(5), None);
    }
}
