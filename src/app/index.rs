//! Tags and categories as numbers, built once per library, so filtering
//! 50,000 articles or counting their tags touches small arrays instead of
//! every article's strings (which are scattered over the heap).

use std::collections::HashMap;

use crate::article::{Article, Label};

/// The label indexes the filters and pickers use.
#[derive(Debug, Default)]
pub struct Indexes {
    pub tags: LabelIndex,
    pub categories: LabelIndex,
}

impl Indexes {
    pub fn build(articles: &[Article], rank: &[u32]) -> Indexes {
        Indexes {
            tags: LabelIndex::build(articles, rank, |a| a.tags()),
            categories: LabelIndex::build(articles, rank, |a| a.categories()),
        }
    }
}

/// One kind of label (tags, or categories) over all articles.
#[derive(Debug, Default)]
pub struct LabelIndex {
    names: Vec<String>,
    /// foldhash, not std's `SipHash`: built on the UI thread at the first
    /// tick or key (a key waits for it), with one lookup per label of every
    /// article; labels come from the person's own archive (no collision
    /// attack to fear).
    ids: HashMap<String, u32, foldhash::fast::RandomState>,
    /// `postings[id]`: list positions (ranks) of the articles carrying the
    /// label, ascending.
    postings: Vec<Vec<u32>>,
    /// Labels of article `i` are `labels[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    labels: Vec<u32>,
}

impl LabelIndex {
    /// Indexes `of(article)` for every article; `rank[i]` is article `i`'s
    /// position in the list order.
    pub fn build(articles: &[Article], rank: &[u32], of: fn(&Article) -> &[Label]) -> LabelIndex {
        let mut index = LabelIndex {
            starts: Vec::with_capacity(articles.len() + 1),
            ..LabelIndex::default()
        };
        index.starts.push(0);
        for (i, article) in articles.iter().enumerate() {
            let first = index.labels.len();
            for label in of(article) {
                if label.is_empty() {
                    continue;
                }
                let id = if let Some(&id) = index.ids.get(label.as_str()) {
                    id
                } else {
                    let id = index.names.len() as u32;
                    index.names.push(label.as_str().to_owned());
                    index.ids.insert(label.as_str().to_owned(), id);
                    index.postings.push(Vec::new());
                    id
                };
                // An article listing a label twice still counts once.
                if !index.labels[first..].contains(&id) {
                    index.labels.push(id);
                    index.postings[id as usize].push(rank[i]);
                }
            }
            index.starts.push(index.labels.len() as u32);
        }
        // Grown by doubling: the room left over is up to half of each
        // list (tens of MB at a million articles), given back.
        for list in &mut index.postings {
            list.sort_unstable();
            list.shrink_to_fit();
        }
        index.labels.shrink_to_fit();
        index
    }

    /// The list positions of the articles carrying `label` (ascending), or
    /// `None` if no article does.
    pub fn positions(&self, label: &str) -> Option<&[u32]> {
        self.ids
            .get(label)
            .map(|&id| self.postings[id as usize].as_slice())
    }

    /// Every label with how many of `articles` carry it, most used first,
    /// ties alphabetical.
    pub fn counts(&self, articles: impl Iterator<Item = usize>) -> Vec<(&str, usize)> {
        let mut counts = vec![0usize; self.names.len()];
        for i in articles {
            let (Some(&start), Some(&end)) = (self.starts.get(i), self.starts.get(i + 1)) else {
                continue;
            };
            for &id in &self.labels[start as usize..end as usize] {
                counts[id as usize] += 1;
            }
        }
        let mut out: Vec<(&str, usize)> = counts
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .map(|(id, n)| (self.names[id].as_str(), n))
            .collect();
        out.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        out
    }

    /// [`Self::counts`] over all articles, from the postings.
    pub fn all_counts(&self) -> Vec<(&str, usize)> {
        let mut out: Vec<(&str, usize)> = self
            .names
            .iter()
            .zip(&self.postings)
            .map(|(name, list)| (name.as_str(), list.len()))
            .collect();
        out.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        out
    }
}

/// The positions in both ascending lists.
pub fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .copied()
        .filter(|x| large.binary_search(x).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::article;

    #[test]
    fn postings_and_counts() {
        let articles = vec![
            article("a", &[], &["香港", "交通", "香港"]),
            article("b", &[], &["香港"]),
            article("c", &[], &["東京", ""]),
        ];
        // List order: c, a, b.
        let rank = [1, 2, 0];
        let index = LabelIndex::build(&articles, &rank, |a| a.tags());
        assert_eq!(index.positions("香港"), Some(&[1, 2][..]));
        assert_eq!(index.positions("東京"), Some(&[0][..]));
        assert_eq!(index.positions(""), None);
        assert_eq!(index.all_counts(), [("香港", 2), ("交通", 1), ("東京", 1)]);
        assert_eq!(
            index.counts([0, 2].into_iter()),
            [("交通", 1), ("東京", 1), ("香港", 1)]
        );
        assert_eq!(intersect(&[1, 3, 5, 7], &[3, 4, 7]), [3, 7]);
    }
}
