//! Which articles the list shows: a conjunction of criteria.
//!
//! Later criteria (a search query, unread only, starred only) become new
//! [`Criterion`] variants; everything else (header labels, recomputing the
//! visible list, keeping the selection) works unchanged.

use crate::article::Article;

/// One condition an article must meet to be listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Criterion {
    /// Carries this tag (exact match).
    Tag(String),
    /// Has this category (any of its categories, exact match).
    Category(String),
}

impl Criterion {
    pub fn matches(&self, article: &Article) -> bool {
        match self {
            Criterion::Tag(tag) => article.tags.iter().any(|t| t == tag),
            Criterion::Category(category) => article.categories.iter().any(|c| c == category),
        }
    }

    /// How the header shows it: `#tag` or `@category`.
    pub fn label(&self) -> String {
        match self {
            Criterion::Tag(tag) => format!("#{tag}"),
            Criterion::Category(category) => format!("@{category}"),
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

    pub fn matches(&self, article: &Article) -> bool {
        self.criteria.iter().all(|c| c.matches(article))
    }

    /// The indices from `order` (kept in that order) of articles that pass.
    pub fn apply(&self, order: &[usize], articles: &[Article]) -> Vec<usize> {
        if self.criteria.is_empty() {
            return order.to_vec();
        }
        order
            .iter()
            .copied()
            .filter(|&i| articles.get(i).is_some_and(|a| self.matches(a)))
            .collect()
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
        let mut filters = Filters::default();
        assert_eq!(filters.apply(&order, &articles), vec![0, 1, 2]);
        assert!(filters.add(Criterion::Tag("香港".into())));
        assert!(!filters.add(Criterion::Tag("香港".into())));
        assert_eq!(filters.apply(&order, &articles), vec![0, 1]);
        filters.add(Criterion::Tag("交通".into()));
        assert_eq!(filters.apply(&order, &articles), vec![0]);
        filters.clear();
        filters.add(Criterion::Category("國際".into()));
        assert_eq!(filters.apply(&order, &articles), vec![2]);
        assert_eq!(filters.criteria()[0].label(), "@國際");
    }
}
