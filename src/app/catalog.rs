//! What the list derives from the library's articles, rebuilt whenever
//! they change: the default order, the column widths, the duplicates, and
//! the tag and category indexes (those after the first frame). A
//! sub-state of `App` with its own data; `App` rebuilds it after live
//! changes and reloads (`reload`); the screen reads it through `App`'s
//! getters (`queries`).

use super::{Choices, Filters, Indexes, Options, PickerEntry, PickerKind, dates};
use crate::article::Article;
use crate::library::Duplicates;
use crate::text::width;

/// One list order: the article indices in order, and each one's position
/// in it (`rank[article]`). The default order and each sort order (`S`)
/// are one of these. Both are `u32` (a library's articles are numbered in
/// `u32` throughout): at a million articles `usize` would take 16 MB more
/// an order.
#[derive(Debug, Default)]
pub(super) struct ListOrder {
    order: Vec<u32>,
    rank: Vec<u32>,
}

impl ListOrder {
    /// The ranks of `order` (a permutation of the article indices).
    pub(super) fn new(order: Vec<usize>) -> ListOrder {
        let order: Vec<u32> = order.into_iter().map(|i| i as u32).collect();
        let mut rank = vec![0; order.len()];
        for (position, &i) in order.iter().enumerate() {
            rank[i as usize] = position as u32;
        }
        ListOrder { order, rank }
    }

    /// Each article's position in the order (`rank()[article]`).
    pub(super) fn rank(&self) -> &[u32] {
        &self.rank
    }

    /// The article indices in order.
    fn indices(&self) -> Vec<usize> {
        self.order.iter().map(|&i| i as usize).collect()
    }

    /// `visible` (article indices in the default order, `total` articles)
    /// in this order.
    pub(super) fn arrange(&self, visible: Vec<usize>, total: usize) -> Vec<usize> {
        if visible.len() == total {
            return self.indices();
        }
        let mut shown = vec![false; total];
        for i in visible {
            if let Some(slot) = shown.get_mut(i) {
                *slot = true;
            }
        }
        self.order
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| shown.get(i).copied().unwrap_or(false))
            .collect()
    }
}

/// The label indexes and the pickers' entries when no filter is active
/// (the common case), built once per library.
#[derive(Debug)]
struct Labels {
    index: Indexes,
    all_tags: Choices,
    all_categories: Choices,
}

/// What the list derives from the articles.
#[derive(Debug, Default)]
pub(super) struct Catalog {
    /// Newest first: the list's default order.
    order: ListOrder,
    /// Columns of the list's source column, from the widest source.
    source_width: usize,
    /// Columns of the list's date column, for the date format (and the
    /// time format when `has_times`).
    date_width: usize,
    /// Whether some article gives a time of day: then the list shows times.
    has_times: bool,
    /// Exact duplicates, found when `options.collapse_duplicates`: only the
    /// first of each group is listed.
    duplicates: Duplicates,
    /// Built by [`Catalog::index_labels`] (about 100 ms for 50,000
    /// articles): after the first frame, or before the first action that
    /// needs them.
    labels: Option<Labels>,
}

impl Catalog {
    /// Everything but the label indexes, for `articles` shown with
    /// `options`.
    pub(super) fn build(articles: &[Article], options: &Options) -> Catalog {
        // Newest first by instant; undated articles last, otherwise in
        // loading order.
        let mut order: Vec<usize> = (0..articles.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(articles[i].instant()));
        // One thread: this also runs in `App::update` after live changes,
        // which starts no thread (a few milliseconds for 50,000 articles).
        let source_width = articles
            .iter()
            .filter_map(Article::source)
            .map(width::str_width)
            .max()
            .unwrap_or(0);
        let has_times = articles.iter().any(|a| a.datetime.is_some());
        let date_width = dates::column_width(&options.date_format)
            + if has_times {
                dates::time_column_width(&options.time_format)
            } else {
                0
            };
        let duplicates = if options.collapse_duplicates {
            Duplicates::find(articles)
        } else {
            Duplicates::default()
        };
        Catalog {
            order: ListOrder::new(order),
            source_width,
            date_width,
            has_times,
            duplicates,
            labels: None,
        }
    }

    /// An empty catalog whose date column fits `options`' format.
    pub(super) fn empty(options: &Options) -> Catalog {
        Catalog {
            date_width: dates::column_width(&options.date_format),
            ..Catalog::default()
        }
    }

    /// Whether some article gives a time of day (the list shows times).
    pub(super) fn has_times(&self) -> bool {
        self.has_times
    }

    /// Columns of the list's date column.
    pub(super) fn date_width(&self) -> usize {
        self.date_width
    }

    /// Columns of the list's source column.
    pub(super) fn source_width(&self) -> usize {
        self.source_width
    }

    /// The list's default order (newest first).
    pub(super) fn order(&self) -> &ListOrder {
        &self.order
    }

    /// The articles `filters` let through (every one when `None`), copies
    /// of a duplicate left out, in the default order (label filters see
    /// the label indexes once built).
    pub(super) fn listed(&self, filters: Option<&Filters>, articles: &[Article]) -> Vec<usize> {
        let mut listed = match filters {
            Some(filters) => {
                let unindexed = Indexes::default();
                let index = self.label_index().unwrap_or(&unindexed);
                filters.apply(&self.order.order, articles, index)
            }
            None => self.order.indices(),
        };
        self.leave_out_copies(&mut listed);
        listed
    }

    /// Takes the copies of a duplicate out of `listed`.
    fn leave_out_copies(&self, listed: &mut Vec<usize>) {
        if self.duplicates.copy_count() > 0 {
            listed.retain(|&i| !self.duplicates.is_copy(i));
        }
    }

    /// Whether article `i` is a copy of a duplicate (not listed).
    pub(super) fn is_copy(&self, i: usize) -> bool {
        self.duplicates.is_copy(i)
    }

    /// The other files that hold `article` (its exact duplicates).
    pub(super) fn copies_of(&self, article: usize) -> &[u32] {
        self.duplicates.copies_of(article)
    }

    /// Whether the label indexes are built.
    pub(super) fn has_labels(&self) -> bool {
        self.labels.is_some()
    }

    /// Builds the label indexes unless they are.
    pub(super) fn index_labels(&mut self, articles: &[Article]) {
        self.labels(articles);
    }

    fn labels(&mut self, articles: &[Article]) -> &Labels {
        self.labels.get_or_insert_with(|| {
            let index = Indexes::build(articles, &self.order.rank);
            Labels {
                all_tags: choices(index.tags.all_counts()),
                all_categories: choices(index.categories.all_counts()),
                index,
            }
        })
    }

    /// The tag or category picker's entries (`kind`) with their counts
    /// over `listed` (every article when `None`), building the label
    /// indexes unless they are.
    pub(super) fn choices(
        &mut self,
        articles: &[Article],
        kind: PickerKind,
        listed: Option<&[usize]>,
    ) -> Choices {
        let labels = self.labels(articles);
        let (index, everything) = match kind {
            PickerKind::Categories => (&labels.index.categories, &labels.all_categories),
            _ => (&labels.index.tags, &labels.all_tags),
        };
        match listed {
            None => everything.clone(),
            Some(listed) => choices(index.counts(listed.iter().copied())),
        }
    }

    /// The label indexes (none until built).
    fn label_index(&self) -> Option<&Indexes> {
        self.labels.as_ref().map(|l| &l.index)
    }
}

/// Picker choices from `(label, count)` pairs.
fn choices(counts: Vec<(&str, usize)>) -> Choices {
    Choices::new(
        counts
            .into_iter()
            .map(|(label, count)| PickerEntry {
                label: label.to_owned(),
                count,
            })
            .collect(),
    )
}
