//! The order of the article list: newest first (by instant, see
//! `Article::instant`), undated last, ties by path.

use std::cmp::Ordering;

use rayon::prelude::*;

use crate::article::Article;

/// The list order: newest first, undated last, ties by path.
pub fn compare_articles(a: &Article, b: &Article) -> Ordering {
    match (a.instant(), b.instant()) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    // Byte order of the path: cheaper than component order, and as stable.
    .then_with(|| a.path.as_os_str().cmp(b.path.as_os_str()))
}

/// Sorts into the list order (see [`compare_articles`]). Articles are
/// large: their positions are sorted, then each article is moved into place
/// once, following the permutation's cycles (no second list).
pub fn sort_articles(articles: &mut [Article]) {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    // Paths are unique, so no two articles compare equal: unstable is exact.
    order.par_sort_unstable_by(|&a, &b| compare_articles(&articles[a], &articles[b]));
    // `order[j]` is the article that belongs at `j`; a placed slot gets `order[j] == j`.
    for start in 0..order.len() {
        let mut j = start;
        while order[j] != start {
            let from = order[j];
            articles.swap(j, from);
            order[j] = j;
            j = from;
        }
        order[j] = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn article(path: &str, date: Option<(i32, u32, u32)>) -> Article {
        Article {
            date: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            ..Article::at_path(path)
        }
    }

    #[test]
    fn sort_is_newest_first_undated_last_then_by_path() {
        let mut articles = vec![
            article("c", None),
            article("b", Some((2020, 1, 1))),
            article("z", Some((2021, 5, 5))),
            article("a", Some((2020, 1, 1))),
            article("d", None),
            article("y", Some((1999, 12, 31))),
        ];
        sort_articles(&mut articles);
        let paths: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(paths, ["z", "a", "b", "y", "c", "d"]);
    }

    #[test]
    fn times_order_by_instant_across_offsets_and_date_only_is_midnight_utc() {
        let timed = |path: &str, stamp: &str| {
            let mut a = article(path, None);
            let t = chrono::DateTime::parse_from_rfc3339(stamp).unwrap();
            a.date = Some(t.date_naive());
            a.datetime = Some(t);
            a
        };
        let mut articles = vec![
            timed("a", "2025-11-01T11:18:23+08:00"), // 03:18:23Z
            timed("b", "2025-11-01T03:18:24+00:00"), // one second later
            timed("c", "2025-11-01T09:00:00+08:00"), // 01:00Z
            timed("e", "2025-10-31T20:00:00-05:00"), // 01:00Z: tie with c, by path
            article("d", Some((2025, 11, 1))),       // 00:00Z
            timed("f", "2025-11-01T00:30:00+08:00"), // Oct 31 16:30Z
        ];
        sort_articles(&mut articles);
        let paths: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(paths, ["b", "a", "c", "e", "d", "f"]);
    }

    #[test]
    fn sort_permutes_every_cycle() {
        // A reversed list and a rotation: long cycles and many short ones.
        for shift in [0usize, 1, 7] {
            let mut articles: Vec<Article> = (0..50)
                .map(|i| {
                    let day = u32::try_from((i + shift) % 50).unwrap_or(0) + 1;
                    article(
                        &format!("p{i:02}"),
                        Some((2000, 1 + day / 28, 1 + day % 28)),
                    )
                })
                .collect();
            let mut expected = articles.clone();
            expected.sort_by(compare_articles);
            sort_articles(&mut articles);
            assert_eq!(articles, expected);
        }
    }
}
