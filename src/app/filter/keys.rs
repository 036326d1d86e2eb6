//! The filter keys as [`Filters`]' own update: the tag and category
//! pickers, tag digits, taking the last one off, clearing, a date range.
//! What it needs of other parts comes in a [`FilterContext`]; what only
//! the app can do (list again, open a picker) comes back as a
//! [`FilterOutcome`].

use super::{Criterion, Filters};
use crate::app::catalog::Catalog;
use crate::app::{Action, Choices, MarkState, PickerKind};
use crate::article::Article;
use crate::marks::ViewFilter;

/// What the filter keys read or change of the other parts.
pub(in crate::app) struct FilterContext<'a> {
    articles: &'a [Article],
    /// The pickers' entries come from its label indexes.
    catalog: &'a mut Catalog,
    /// The articles listed now, in list order.
    listed: &'a [usize],
    /// The open article, else the selected one.
    current: Option<usize>,
    /// Its all/unread/starred view is the filter bar's first chip.
    marks: &'a mut MarkState,
}

impl<'a> FilterContext<'a> {
    pub(in crate::app) fn new(
        articles: &'a [Article],
        catalog: &'a mut Catalog,
        listed: &'a [usize],
        current: Option<usize>,
        marks: &'a mut MarkState,
    ) -> Self {
        FilterContext {
            articles,
            catalog,
            listed,
            current,
            marks,
        }
    }
}

/// What a filter key asks of the app.
#[derive(Debug)]
pub(in crate::app) enum FilterOutcome {
    Stay,
    /// Nothing changed; say this.
    Say(String),
    /// Open the picker of `kind` with these entries.
    Pick(PickerKind, Choices),
    /// Add these criteria, list again, and say how many are listed.
    Add(Vec<Criterion>),
    /// The criteria changed: list again, then say `said` (with the
    /// count listed).
    Changed(Said),
}

/// What to say once the list is computed again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::app) enum Said {
    Nothing,
    Cleared,
    /// This chip was taken off.
    Removed(String),
}

impl Filters {
    /// The filter keys in the list and the article view, and
    /// `Action::FilterDates`.
    pub(in crate::app) fn update(
        &mut self,
        action: &Action,
        mut here: FilterContext<'_>,
    ) -> FilterOutcome {
        match action {
            Action::TagPicker => self.picker(PickerKind::Tags, &mut here),
            Action::CategoryPicker => self.picker(PickerKind::Categories, &mut here),
            Action::FilterByTag(n) => {
                let article = here.current.and_then(|i| here.articles.get(i));
                match article.and_then(|a| a.tags().get(usize::from(*n).wrapping_sub(1))) {
                    Some(tag) => FilterOutcome::Add(vec![Criterion::Tag(tag.as_str().to_owned())]),
                    None => FilterOutcome::Say(format!("This article has no tag {n}")),
                }
            }
            Action::ClearFilters if self.is_empty() => {
                FilterOutcome::Say("No filters to clear".to_owned())
            }
            Action::ClearFilters => {
                self.clear();
                FilterOutcome::Changed(Said::Cleared)
            }
            Action::RemoveLastFilter => self.remove_last(here.marks),
            Action::FilterDates(range) => {
                // Narrows the list to a date range (`--since`/`--until`).
                self.replace(Criterion::Dates(*range));
                FilterOutcome::Changed(Said::Nothing)
            }
            _ => FilterOutcome::Stay,
        }
    }

    /// The tag or category picker (`kind`), its counts over what is
    /// listed when a filter is on, so further labels narrow it down.
    fn picker(&self, kind: PickerKind, here: &mut FilterContext<'_>) -> FilterOutcome {
        let listed = (!self.is_empty()).then_some(here.listed);
        let choices = here.catalog.choices(here.articles, kind, listed);
        if choices.entries.is_empty() {
            return FilterOutcome::Say(format!("No {} here", kind.title().to_lowercase()));
        }
        FilterOutcome::Pick(kind, choices)
    }

    /// Takes the last chip off the filter bar: the newest criterion, else
    /// the all/unread/starred view.
    fn remove_last(&mut self, marks: &mut MarkState) -> FilterOutcome {
        let removed = match self.pop() {
            Some(criterion) => criterion.label(),
            None if marks.view() != ViewFilter::All => {
                let label = format!("{} only", marks.view().label());
                marks.set_view(ViewFilter::All);
                label
            }
            None => return FilterOutcome::Say("No filters to remove".to_owned()),
        };
        FilterOutcome::Changed(Said::Removed(removed))
    }
}
