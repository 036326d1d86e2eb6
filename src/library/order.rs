//! The order of the article list: newest first (by instant, see
//! `Article::instant`), undated last, ties by path.

use std::cmp::{Ordering, Reverse};
use std::path::Path;

use rayon::prelude::*;

use crate::article::Article;

/// What the list order compares first: newest first by instant, undated
/// last. Equal keys are ordered by path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct ListKey {
    undated: bool,
    newest: Reverse<(i64, u32)>,
}

impl ListKey {
    pub(crate) fn of(article: &Article) -> ListKey {
        let instant = article.instant();
        ListKey {
            undated: instant.is_none(),
            newest: Reverse(instant.unwrap_or_default()),
        }
    }
}

/// The list order: newest first, undated last, ties by path.
pub fn compare_articles(a: &Article, b: &Article) -> Ordering {
    ListKey::of(a)
        .cmp(&ListKey::of(b))
        // Byte order of the path: cheaper than component order, and as stable.
        .then_with(|| a.path.as_os_str().cmp(b.path.as_os_str()))
}

/// `keyed` (each article's key and its position) sorted into the list
/// order, on all cores; `path` gives the path of the article at a
/// position, compared only when keys are equal. Keys are taken once, not
/// in every comparison, and the sort moves 24-byte entries, not articles.
///
/// The keys are sorted first, then each run of equal keys by path: most
/// articles share their key (an archive dated by the day: the real 49k
/// archive has 1,829 keys), and sorting by both at once compared paths,
/// two articles apart in memory, at most comparisons of the whole list.
pub(crate) fn list_order<'a>(keyed: &mut [(ListKey, u32)], path: impl Fn(u32) -> &'a Path + Sync) {
    keyed.par_sort_unstable_by_key(|&(key, _)| key);
    let runs: Vec<&mut [(ListKey, u32)]> = keyed
        .chunk_by_mut(|(a, _), (b, _)| a == b)
        .filter(|run| run.len() > 1)
        .collect();
    runs.into_par_iter().for_each(|run| {
        run.sort_unstable_by(|(_, i), (_, j)| path(*i).as_os_str().cmp(path(*j).as_os_str()));
    });
}

/// Sorts into the list order (see [`compare_articles`]). Articles are
/// large: their positions are sorted, then each article is moved into place
/// once, following the permutation's cycles (no second list). A list
/// already in order (a load that gathered it so) is only checked.
pub fn sort_articles(articles: &mut [Article]) {
    if articles.is_sorted_by(|a, b| compare_articles(a, b).is_le()) {
        return;
    }
    let mut keyed: Vec<(ListKey, u32)> = articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| (ListKey::of(a), i as u32))
        .collect();
    // Paths are unique, so no two articles compare equal: unstable is exact.
    list_order(&mut keyed, |i| &articles[i as usize].path);
    permute(
        articles,
        keyed.into_iter().map(|(_, i)| i as usize).collect(),
    );
}

/// Puts the articles from `from` on, sorted, among those before it (in
/// list order already): the files a warm start listed again among those
/// it took from the cache, a few next to many. Each finds its place by a
/// binary search, and only the articles after the first place move.
pub fn merge_sorted_tail(articles: &mut [Article], from: usize) {
    let (head, tail) = articles.split_at_mut(from);
    if tail.is_empty() {
        return;
    }
    sort_articles(tail);
    let places: Vec<usize> = tail
        .iter()
        .map(|a| head.partition_point(|b| compare_articles(b, a).is_lt()))
        .collect();
    if places.iter().all(|&at| at == from) {
        return;
    }
    let mut order = Vec::with_capacity(articles.len());
    let mut next = 0;
    for (j, &at) in places.iter().enumerate() {
        order.extend(next..at);
        order.push(from + j);
        next = at;
    }
    order.extend(next..from);
    permute(articles, order);
}

/// Puts `items[order[j]]` at `j` for every `j` (`order` holds each
/// position once), moving each item into place once, following the
/// permutation's cycles: no second list, no fresh memory.
pub(crate) fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    // `order[j]` is the item that belongs at `j`; a placed slot gets `order[j] == j`.
    for start in 0..order.len() {
        let mut j = start;
        while order[j] != start {
            let from = order[j];
            items.swap(j, from);
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
    fn a_sorted_tail_is_merged_into_its_places() {
        let dated = |path: &str, day: u32| article(path, Some((2020, 1, day)));
        let head = [
            dated("e", 9),
            dated("d", 7),
            dated("c", 5),
            article("u", None),
        ];
        let tails = [
            vec![dated("x", 6), dated("y", 10), article("t", None)],
            vec![dated("z", 1)],
            vec![dated("b", 8), dated("a", 8)],
        ];
        for tail in tails {
            let mut articles: Vec<Article> = head.iter().cloned().chain(tail).collect();
            let mut expected = articles.clone();
            expected.sort_by(compare_articles);
            merge_sorted_tail(&mut articles, head.len());
            assert_eq!(articles, expected);
        }
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
