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
        // Sized before they are filled, not grown by doubling: at a million
        // articles the lists' spare room and the copies made while growing
        // and shrinking them were ~50 MB more for a moment, at the top of
        // the reader's peak after its first frame.
        let mut index = LabelIndex {
            starts: Vec::with_capacity(articles.len() + 1),
            labels: Vec::with_capacity(articles.iter().map(|a| of(a).len()).sum()),
            ..LabelIndex::default()
        };
        index.starts.push(0);
        for article in articles {
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
                    id
                };
                // An article listing a label twice still counts once.
                if !index.labels[first..].contains(&id) {
                    index.labels.push(id);
                }
            }
            index.starts.push(index.labels.len() as u32);
        }
        index.labels.shrink_to_fit();
        let mut counts = vec![0usize; index.names.len()];
        for &id in &index.labels {
            counts[id as usize] += 1;
        }
        index.postings = counts.into_iter().map(Vec::with_capacity).collect();
        for (i, ids) in index.starts.windows(2).enumerate() {
            for &id in &index.labels[ids[0] as usize..ids[1] as usize] {
                index.postings[id as usize].push(rank[i]);
            }
        }
        for list in &mut index.postings {
            list.sort_unstable();
        }
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
