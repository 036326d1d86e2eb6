//! What the list shows once the articles changed, computed on the merge
//! worker against its snapshot (every article looked at: O(n)): the list's
//! catalog, the read and starred flags, the order of the current sort, the
//! listed rows, and where each old article went. `update` only swaps it in
//! and mends what changed meanwhile (marks given while the merge was out,
//! and the new articles' marks: O(changes)). A merge computed for other
//! criteria, view, sort or marks than the app has now is stale: dropped and
//! asked for again, like one of replaced articles.

use std::collections::HashMap;
use std::sync::Arc;

use foldhash::fast::RandomState;

use super::super::catalog::{Catalog, ListOrder};
use super::super::{App, Criterion, Filters};
use crate::article::Article;
use crate::marks::ViewFilter;
use crate::search::{Matches, SortOrder};

/// Where an old article went: nowhere (removed).
const GONE: usize = usize::MAX;

/// What the list is computed from besides the articles, as the app had it
/// when the merge was asked for.
#[derive(Debug, Clone)]
pub struct ListingInputs {
    /// The criteria; a search's matches are left out (after the change
    /// they are unknown until the new index answers).
    filters: Filters,
    view: ViewFilter,
    sort: SortOrder,
    /// The flags of the snapshot's articles (shared, not copied).
    read: Arc<Vec<bool>>,
    starred: Arc<Vec<bool>>,
    /// `MarkBook::revision` the flags were built from.
    marks_revision: u64,
}

impl ListingInputs {
    /// The app's as they stand (O(criteria): no article is looked at).
    pub(super) fn of(app: &App) -> ListingInputs {
        let mut filters = Filters::default();
        for criterion in app.filters.criteria() {
            filters.add(unknown(criterion, 0));
        }
        let (read, starred) = app.marks.shared_flags();
        ListingInputs {
            filters,
            view: app.marks.view(),
            sort: app.sort_order(),
            read,
            starred,
            marks_revision: app.marks.marks().revision(),
        }
    }

    /// Whether what the list is computed from is still what `app` has
    /// (marks given meanwhile aside: those are mended by id).
    pub(super) fn hold_for(&self, app: &App) -> bool {
        let now = app.filters.criteria();
        self.view == app.marks.view()
            && self.sort == app.sort_order()
            && self.marks_revision == app.marks.marks().revision()
            && self.filters.criteria().len() == now.len()
            && self
                .filters
                .criteria()
                .iter()
                .zip(now)
                .all(|(then, now)| same_criterion(then, now))
    }
}

/// `criterion`, a search's matches unknown (none, `pending` to come).
pub(in crate::app) fn unknown(criterion: &Criterion, pending: usize) -> Criterion {
    match criterion {
        Criterion::Search { text, matches } => Criterion::Search {
            text: text.clone(),
            matches: Matches::new(matches.query().clone(), Vec::new(), pending),
        },
        other => other.clone(),
    }
}

/// The same criterion, a search's matches aside.
fn same_criterion(a: &Criterion, b: &Criterion) -> bool {
    match (a, b) {
        (
            Criterion::Search { text, matches },
            Criterion::Search {
                text: text_b,
                matches: matches_b,
            },
        ) => text == text_b && matches.query() == matches_b.query(),
        _ => a == b,
    }
}

/// The list of the new articles, computed off the UI thread.
#[derive(Debug)]
pub struct Relisted {
    pub(super) catalog: Catalog,
    /// Flags of the new articles (a new article's: unmarked, until
    /// `update` reads its marks).
    pub(super) read: Vec<bool>,
    pub(super) starred: Vec<bool>,
    /// The order of the sort in use, when it is not the default.
    pub(super) sorted: Option<ListOrder>,
    /// The listed articles, in list order.
    pub(super) listed: Vec<usize>,
    /// Where each old article went.
    pub(super) carried: Carried,
    /// New articles whose id no old article had: their marks are read by
    /// `update`.
    pub(super) fresh: Vec<usize>,
    pub(super) inputs: ListingInputs,
}

impl Relisted {
    /// Computes the list of `articles` (which replace `base`) with its
    /// `catalog` (labels indexed) for `inputs`: O(n), for workers.
    pub fn compute(
        base: &[Article],
        articles: &[Article],
        catalog: Catalog,
        inputs: ListingInputs,
    ) -> Relisted {
        let mut old_at: HashMap<&str, usize, RandomState> =
            HashMap::with_capacity_and_hasher(base.len(), RandomState::default());
        for (i, article) in base.iter().enumerate() {
            old_at.entry(article.id.as_str()).or_insert(i);
        }
        let mut carried = vec![GONE; base.len()];
        let mut read = Vec::with_capacity(articles.len());
        let mut starred = Vec::with_capacity(articles.len());
        let mut fresh = Vec::new();
        for (new, article) in articles.iter().enumerate() {
            // Marks are kept by id: an article with an old one's id has
            // its flags.
            let old = old_at.get(article.id.as_str()).copied();
            let flag = |flags: &[bool]| old.and_then(|i| flags.get(i)).copied() == Some(true);
            read.push(flag(&inputs.read));
            starred.push(flag(&inputs.starred));
            match old {
                Some(old) if carried[old] == GONE => carried[old] = new,
                Some(_) => {}
                None => fresh.push(new),
            }
        }
        // Old articles sharing an id go where the first of them went, as
        // looking the id up finds.
        for (old, article) in base.iter().enumerate() {
            if carried[old] == GONE {
                if let Some(&first) = old_at.get(article.id.as_str()) {
                    carried[old] = carried[first];
                }
            }
        }
        let sorted = (inputs.sort != SortOrder::default())
            .then(|| ListOrder::new(inputs.sort.sorted(articles)));
        let mut filters = Filters::default();
        for criterion in inputs.filters.criteria() {
            filters.add(unknown(criterion, articles.len()));
        }
        let listed = listing(
            &filters,
            articles,
            &catalog,
            (inputs.view, |i| admitted(inputs.view, &read, &starred, i)),
            sorted.as_ref(),
        );
        Relisted {
            catalog,
            read,
            starred,
            sorted,
            listed,
            carried: Carried(carried),
            fresh,
            inputs,
        }
    }
}

/// `self.0[old]`: the new index of the first article with the id article
/// `old` had, or [`GONE`].
#[derive(Debug)]
pub(super) struct Carried(Vec<usize>);

impl Carried {
    /// Where old article `old` went, if it is still there.
    pub(super) fn get(&self, old: usize) -> Option<usize> {
        self.0.get(old).copied().filter(|&new| new != GONE)
    }
}

/// Whether `view` lets article `i` be listed, by its flags.
pub(in crate::app) fn admitted(
    view: ViewFilter,
    read: &[bool],
    starred: &[bool],
    i: usize,
) -> bool {
    let flag = |flags: &[bool]| flags.get(i).copied().unwrap_or(false);
    match view {
        ViewFilter::All => true,
        ViewFilter::Unread => !flag(read),
        ViewFilter::Starred => flag(starred),
    }
}

/// The articles `filters` and the view (`admits`) let through, copies of
/// a duplicate left out, in the list's order (`sorted`, else the
/// catalog's).
pub(in crate::app) fn listing(
    filters: &Filters,
    articles: &[Article],
    catalog: &Catalog,
    (view, admits): (ViewFilter, impl Fn(usize) -> bool),
    sorted: Option<&ListOrder>,
) -> Vec<usize> {
    let mut listed = catalog.listed(Some(filters), articles);
    if view != ViewFilter::All {
        listed.retain(|&i| admits(i));
    }
    match sorted {
        Some(sorted) => sorted.arrange(listed, articles.len()),
        None => listed,
    }
}
