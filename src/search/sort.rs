//! List orders, cycled with `S` in the reader and chosen with `--sort`.

use std::borrow::Borrow;
use std::cmp::Ordering;

use super::fold::fold;
use crate::article::Article;
use crate::library::compare_articles;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum SortOrder {
    /// Newest first (the default).
    #[default]
    Newest,
    /// Oldest first.
    Oldest,
    /// By title, ignoring case, width and script.
    Title,
    /// By source (first category), newest first within each.
    Source,
}

impl SortOrder {
    /// The order `S` switches to next.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            SortOrder::Newest => SortOrder::Oldest,
            SortOrder::Oldest => SortOrder::Title,
            SortOrder::Title => SortOrder::Source,
            SortOrder::Source => SortOrder::Newest,
        }
    }

    /// Shown in the list header.
    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Newest => "newest first",
            SortOrder::Oldest => "oldest first",
            SortOrder::Title => "title",
            SortOrder::Source => "source",
        }
    }

    /// Sorts `indices` (into `articles`) in this order. Both date orders put
    /// undated articles last; ties go by path, as in the loader's order.
    pub fn sort<A: Borrow<Article>>(self, articles: &[A], indices: &mut [usize]) {
        let at = |i: usize| articles[i].borrow();
        match self {
            SortOrder::Newest => indices.sort_by(|&a, &b| compare_articles(at(a), at(b))),
            SortOrder::Oldest => indices.sort_by(|&a, &b| oldest_first(at(a), at(b))),
            SortOrder::Title => {
                indices.sort_by(|&a, &b| compare_articles(at(a), at(b)));
                indices.sort_by_cached_key(|&i| fold(&at(i).title));
            }
            SortOrder::Source => indices.sort_by(|&a, &b| {
                let (a, b) = (at(a), at(b));
                match (a.source(), b.source()) {
                    (Some(x), Some(y)) => x.cmp(y),
                    (x, y) => y.is_some().cmp(&x.is_some()),
                }
                .then_with(|| compare_articles(a, b))
            }),
        }
    }

    /// `0..articles.len()` in this order.
    pub fn sorted<A: Borrow<Article>>(self, articles: &[A]) -> Vec<usize> {
        let mut indices: Vec<usize> = (0..articles.len()).collect();
        self.sort(articles, &mut indices);
        indices
    }
}

fn oldest_first(a: &Article, b: &Article) -> Ordering {
    match (a.instant(), b.instant()) {
        (Some(x), Some(y)) => x.cmp(&y),
        (x, y) => y.is_some().cmp(&x.is_some()),
    }
    .then_with(|| a.path.as_os_str().cmp(b.path.as_os_str()))
}

#[cfg(test)]
mod tests {

    use chrono::NaiveDate;

    use super::*;

    fn article(title: &str, date: Option<(i32, u32, u32)>, source: Option<&str>) -> Article {
        Article {
            date: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            labels: crate::article::LabelLists::new(
                Vec::new(),
                source.map(crate::article::Label::new).into_iter().collect(),
                Vec::new(),
            ),
            ..Article::at_path(title)
        }
    }

    fn titles(order: SortOrder, articles: &[Article]) -> Vec<&str> {
        order
            .sorted(articles)
            .into_iter()
            .map(|i| articles[i].title.as_str())
            .collect()
    }

    #[test]
    fn each_order_sorts_as_labelled() {
        let articles = [
            article("b middle", Some((2019, 5, 1)), Some("眾聞")),
            article("Ａ undated", None, Some("評論")),
            article("c newest", Some((2021, 1, 2)), None),
            article("a oldest", Some((2017, 1, 1)), Some("眾聞")),
        ];
        assert_eq!(
            titles(SortOrder::Newest, &articles),
            ["c newest", "b middle", "a oldest", "Ａ undated"]
        );
        assert_eq!(
            titles(SortOrder::Oldest, &articles),
            ["a oldest", "b middle", "c newest", "Ａ undated"]
        );
        assert_eq!(
            titles(SortOrder::Title, &articles),
            ["a oldest", "Ａ undated", "b middle", "c newest"]
        );
        assert_eq!(
            titles(SortOrder::Source, &articles),
            ["b middle", "a oldest", "Ａ undated", "c newest"]
        );
    }

    #[test]
    fn s_cycles_through_every_order() {
        let mut order = SortOrder::default();
        let mut seen = vec![order];
        for _ in 0..3 {
            order = order.next();
            seen.push(order);
        }
        assert_eq!(order.next(), SortOrder::default());
        assert_eq!(seen.len(), 4);
        assert!(seen.windows(2).all(|w| w[0] != w[1]));
    }
}
