//! Which articles the list shows: a conjunction of criteria, with the
//! keys that change them (`keys`).
//!
//! Later criteria (unread only, starred only) become new [`Criterion`]
//! variants; everything else (header labels, recomputing the visible list,
//! keeping the selection) works unchanged.

mod keys;

pub(super) use keys::{FilterContext, FilterOutcome, Said};

use super::index::{Indexes, intersect};
use crate::article::Article;
use crate::overview::DateRange;
use crate::search::Matches;

/// One condition an article must meet to be listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Criterion {
    /// Carries this tag (exact match).
    Tag(String),
    /// Has this category (any of its categories, exact match).
    Category(String),
    /// Matches the search typed at `/` (`text`, as typed); `matches` holds
    /// the article indices, refreshed while the index is being built.
    Search { text: String, matches: Matches },
    /// Dated inside this range (a timeline bar, `--since`/`--until`).
    Dates(DateRange),
    /// Comes from this source (its first category; empty: none), as the
    /// sources view picks it.
    Source(String),
}

impl Criterion {
    /// Whether article number `index` (`article`) meets it.
    pub fn matches(&self, index: usize, article: &Article) -> bool {
        match self {
            Criterion::Tag(tag) => article.tags().iter().any(|t| t == tag),
            Criterion::Category(category) => article.categories().iter().any(|c| c == category),
            Criterion::Search { matches, .. } => matches.contains(index),
            Criterion::Dates(range) => range.contains(article.date),
            Criterion::Source(source) => article.source().unwrap_or("") == source,
        }
    }

    /// The list positions of the articles meeting it, ascending, when an
    /// index can answer (an unknown label: none).
    fn positions<'a>(&self, index: &'a Indexes) -> Option<&'a [u32]> {
        let found = match self {
            Criterion::Tag(tag) => index.tags.positions(tag),
            Criterion::Category(category) => index.categories.positions(category),
            // Checked per article instead: a bit test for the search, one
            // comparison for a date range or a source.
            Criterion::Search { .. } | Criterion::Dates(_) | Criterion::Source(_) => return None,
        };
        Some(found.unwrap_or(&[]))
    }

    /// How the filter bar shows it: `#tag`, `@category`, `/search`, a
    /// date range (`2019-06`, `≥2019-06-04`) or `src:source`.
    pub fn label(&self) -> String {
        match self {
            Criterion::Tag(tag) => format!("#{tag}"),
            Criterion::Category(category) => format!("@{category}"),
            Criterion::Search { text, .. } => format!("/{text}"),
            Criterion::Dates(range) => range.label(),
            Criterion::Source(source) if source.is_empty() => "src:(none)".to_owned(),
            Criterion::Source(source) => format!("src:{source}"),
        }
    }
}

/// The active criteria; an article is shown when it meets all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    criteria: Vec<Criterion>,
}

impl Filters {
    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }

    pub fn is_empty(&self) -> bool {
        self.criteria.is_empty()
    }

    /// Adds a criterion unless it is already active; says whether it was new.
    pub fn add(&mut self, criterion: Criterion) -> bool {
        if self.criteria.contains(&criterion) {
            return false;
        }
        self.criteria.push(criterion);
        true
    }

    pub fn clear(&mut self) {
        self.criteria.clear();
    }

    /// Removes the criterion added last (the filter bar's last chip).
    pub fn pop(&mut self) -> Option<Criterion> {
        self.criteria.pop()
    }

    /// The date range in force (open on both ends when there is none).
    pub fn dates(&self) -> DateRange {
        self.criteria
            .iter()
            .find_map(|c| match c {
                Criterion::Dates(range) => Some(*range),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Replaces the date range, or the source, by `criterion` (moving it
    /// last, as the newest chip); `Dates` with an open range removes it.
    pub fn replace(&mut self, criterion: Criterion) {
        let same_kind = |c: &Criterion| {
            matches!(
                (c, &criterion),
                (Criterion::Dates(_), Criterion::Dates(_))
                    | (Criterion::Source(_), Criterion::Source(_))
            )
        };
        self.criteria.retain(|c| !same_kind(c));
        if !matches!(&criterion, Criterion::Dates(range) if !range.is_set()) {
            self.criteria.push(criterion);
        }
    }

    pub fn matches(&self, index: usize, article: &Article) -> bool {
        self.criteria.iter().all(|c| c.matches(index, article))
    }

    /// The query of the active search (typed at the prompt or kept with
    /// Enter).
    pub fn search_query(&self) -> Option<&crate::search::Query> {
        match self.search() {
            Some(Criterion::Search { matches, .. }) => Some(matches.query()),
            _ => None,
        }
    }

    /// The search criterion, if one is active.
    pub fn search(&self) -> Option<&Criterion> {
        self.criteria
            .iter()
            .find(|c| matches!(c, Criterion::Search { .. }))
    }

    /// Replaces the search criterion (keeping its place among the others),
    /// or removes it with `None`.
    pub fn set_search(&mut self, search: Option<Criterion>) {
        let at = self
            .criteria
            .iter()
            .position(|c| matches!(c, Criterion::Search { .. }));
        match (at, search) {
            (Some(at), Some(search)) => self.criteria[at] = search,
            (Some(at), None) => {
                self.criteria.remove(at);
            }
            (None, Some(search)) => self.criteria.push(search),
            (None, None) => {}
        }
    }

    /// The indices from `order` (kept in that order) of articles that pass.
    /// Criteria an index answers are intersected first; the others are
    /// checked only on what is left.
    pub fn apply(&self, order: &[u32], articles: &[Article], index: &Indexes) -> Vec<usize> {
        let mut positions: Option<Vec<u32>> = None;
        let mut others = Vec::new();
        for criterion in &self.criteria {
            match criterion.positions(index) {
                Some(list) => {
                    positions = Some(match positions {
                        None => list.to_vec(),
                        Some(so_far) => intersect(&so_far, list),
                    });
                }
                None => others.push(criterion),
            }
        }
        let passes = |i: usize| {
            articles
                .get(i)
                .is_some_and(|a| others.iter().all(|c| c.matches(i, a)))
        };
        match positions {
            Some(positions) => positions
                .into_iter()
                .filter_map(|p| order.get(p as usize).map(|&i| i as usize))
                .filter(|&i| passes(i))
                .collect(),
            None => order
                .iter()
                .map(|&i| i as usize)
                .filter(|&i| passes(i))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::article;

    #[test]
    fn all_criteria_must_hold() {
        let articles = vec![
            article("a", &["港聞"], &["香港", "交通"]),
            article("b", &["港聞"], &["香港"]),
            article("c", &["國際"], &["交通"]),
        ];
        let order = [0, 1, 2];
        let index = Indexes::build(&articles, &[0, 1, 2]);
        let mut filters = Filters::default();
        assert_eq!(filters.apply(&order, &articles, &index), vec![0, 1, 2]);
        assert!(filters.add(Criterion::Tag("香港".into())));
        assert!(!filters.add(Criterion::Tag("香港".into())));
        assert_eq!(filters.apply(&order, &articles, &index), vec![0, 1]);
        filters.add(Criterion::Tag("交通".into()));
        assert_eq!(filters.apply(&order, &articles, &index), vec![0]);
        filters.clear();
        filters.add(Criterion::Category("國際".into()));
        assert_eq!(filters.apply(&order, &articles, &index), vec![2]);
        assert_eq!(filters.criteria()[0].label(), "@國際");
        filters.add(Criterion::Tag("無".into()));
        assert!(filters.apply(&order, &articles, &index).is_empty());
    }

    #[test]
    fn dates_and_sources_replace_their_own_kind_and_pop_last() {
        use crate::overview::DateRange;
        let mut articles = vec![
            article("a", &["港聞", "國際"], &["香港"]),
            article("b", &["國際"], &[]),
            article("c", &["國際"], &[]),
        ];
        articles[0].date = chrono::NaiveDate::from_ymd_opt(2019, 6, 4);
        articles[1].date = chrono::NaiveDate::from_ymd_opt(2019, 7, 1);
        let order = [0, 1, 2];
        let index = Indexes::build(&articles, &[0, 1, 2]);
        let june = DateRange::from_options(Some("2019-06"), Some("2019-06")).unwrap();
        let july = DateRange::from_options(Some("2019-07"), Some("2019-07")).unwrap();
        let mut filters = Filters::default();
        filters.replace(Criterion::Source("國際".into()));
        assert_eq!(filters.apply(&order, &articles, &index), vec![1, 2]);
        filters.add(Criterion::Tag("香港".into()));
        filters.replace(Criterion::Dates(june));
        filters.replace(Criterion::Source("港聞".into()));
        assert_eq!(filters.apply(&order, &articles, &index), vec![0]);
        filters.replace(Criterion::Dates(july));
        let labels: Vec<String> = filters.criteria().iter().map(Criterion::label).collect();
        assert_eq!(labels, ["#香港", "src:港聞", "2019-07"]);
        assert_eq!(filters.dates(), july);
        assert_eq!(filters.pop().map(|c| c.label()).as_deref(), Some("2019-07"));
        assert!(!filters.dates().is_set());
        filters.replace(Criterion::Dates(DateRange::default()));
        assert_eq!(filters.criteria().len(), 2);
    }
}
