//! Every source (an article's first category) with its article and unread
//! counts, as newsboat lists its feeds.

use std::collections::HashMap;

use crate::article::Article;

/// One source and how many of the counted articles it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCount {
    /// The source as the articles give it; empty for articles without one.
    pub name: String,
    pub total: usize,
    pub unread: usize,
}

/// How the sources view orders its rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SourceSort {
    /// Most articles first, ties by name.
    #[default]
    Count,
    /// By name (code point order, which groups CJK by radical blocks).
    Name,
}

impl SourceSort {
    #[must_use]
    pub fn next(self) -> SourceSort {
        match self {
            SourceSort::Count => SourceSort::Name,
            SourceSort::Name => SourceSort::Count,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SourceSort::Count => "by count",
            SourceSort::Name => "by name",
        }
    }

    /// Orders `rows` this way.
    pub fn sort(self, rows: &mut [SourceCount]) {
        match self {
            SourceSort::Count => {
                rows.sort_unstable_by(|a, b| {
                    b.total.cmp(&a.total).then_with(|| a.name.cmp(&b.name))
                });
            }
            SourceSort::Name => rows.sort_unstable_by(|a, b| a.name.cmp(&b.name)),
        }
    }
}

/// A source's name as shown (the empty one is "(no source)").
pub fn source_shown(source: &str) -> &str {
    if source.is_empty() {
        "(no source)"
    } else {
        source
    }
}

/// The sources of `articles[i]` for every `i` in `counted`, with their
/// counts (`is_read(i)` says which are read), in `sort` order.
pub fn source_counts(
    articles: &[Article],
    counted: impl IntoIterator<Item = usize>,
    is_read: impl Fn(usize) -> bool,
    sort: SourceSort,
) -> Vec<SourceCount> {
    // foldhash: one lookup per article of the archive on every open.
    let mut by_name: HashMap<&str, (usize, usize), foldhash::fast::RandomState> =
        HashMap::default();
    for i in counted {
        let Some(article) = articles.get(i) else {
            continue;
        };
        let entry = by_name.entry(article.source().unwrap_or("")).or_default();
        entry.0 += 1;
        if !is_read(i) {
            entry.1 += 1;
        }
    }
    let mut rows: Vec<SourceCount> = by_name
        .into_iter()
        .map(|(name, (total, unread))| SourceCount {
            name: name.to_owned(),
            total,
            unread,
        })
        .collect();
    sort.sort(&mut rows);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::sample as article;

    #[test]
    fn sources_are_first_categories_with_counts() {
        let articles = vec![
            article("a", &["港聞", "國際"], &[]),
            article("b", &["港聞"], &[]),
            article("c", &["國際"], &[]),
            article("d", &[], &[]),
        ];
        let rows = source_counts(&articles, 0..4, |i| i == 1, SourceSort::Count);
        let seen: Vec<(&str, usize, usize)> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.total, r.unread))
            .collect();
        assert_eq!(seen, [("港聞", 2, 1), ("", 1, 1), ("國際", 1, 1)]);
        let rows = source_counts(&articles, [0, 2], |_| true, SourceSort::Name);
        let seen: Vec<(&str, usize, usize)> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.total, r.unread))
            .collect();
        assert_eq!(seen, [("國際", 1, 0), ("港聞", 1, 0)]);
    }
}
