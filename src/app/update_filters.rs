//! `App::update` for filters: the tag and category pickers, tag digits,
//! taking the last one off, clearing, a date range.

use super::update_marks::plural;
use super::{Action, App, Criterion, PickerKind};
use crate::marks::ViewFilter;

impl App {
    /// The filter keys in the list and the article view, and
    /// `Action::FilterDates`.
    pub(super) fn update_filters(&mut self, action: &Action) {
        match action {
            Action::TagPicker => self.open_picker(PickerKind::Tags),
            Action::CategoryPicker => self.open_picker(PickerKind::Categories),
            Action::FilterByTag(n) => self.filter_by_nth_tag(*n),
            Action::ClearFilters => self.clear_filters(),
            Action::RemoveLastFilter => self.remove_last_filter(),
            Action::FilterDates(range) => {
                // Narrows the list to a date range (`--since`/`--until`).
                self.filters.replace(Criterion::Dates(*range));
                self.refilter();
            }
            _ => {}
        }
    }

    fn open_picker(&mut self, kind: PickerKind) {
        // Counts are over what is listed, so further tags narrow it down.
        let listed = (!self.filters.is_empty()).then_some(self.list.visible());
        let choices = self.catalog.choices(&self.library.articles, kind, listed);
        if choices.entries.is_empty() {
            self.notify(format!("No {} here", kind.title().to_lowercase()));
            return;
        }
        self.show_picker(kind, choices);
    }

    fn filter_by_nth_tag(&mut self, n: u8) {
        let article = self
            .current_article()
            .and_then(|i| self.library.articles.get(i));
        let Some(tag) = article.and_then(|a| a.tags.get(usize::from(n).wrapping_sub(1))) else {
            self.notify(format!("This article has no tag {n}"));
            return;
        };
        let tag = tag.as_str().to_owned();
        self.apply_criteria(vec![Criterion::Tag(tag)]);
    }

    /// Takes the last chip off the filter bar: the newest criterion, else
    /// the all/unread/starred view.
    fn remove_last_filter(&mut self) {
        let removed = match self.filters.pop() {
            Some(criterion) => criterion.label(),
            None if self.marks.view() != ViewFilter::All => {
                let label = format!("{} only", self.marks.view().label());
                self.marks.set_view(ViewFilter::All);
                label
            }
            None => {
                self.notify("No filters to remove");
                return;
            }
        };
        self.refilter();
        self.notify(format!(
            "Removed {removed}: {} listed",
            plural(self.list.visible().len(), "article", "articles")
        ));
    }

    /// Adds criteria, recomputes the list and shows it.
    pub(super) fn apply_criteria(&mut self, criteria: Vec<Criterion>) {
        let mut labels = Vec::new();
        for criterion in criteria {
            labels.push(criterion.label());
            self.filters.add(criterion);
        }
        self.refilter();
        self.reading.close();
        self.notify(format!(
            "{} article{} with {}",
            self.list.visible().len(),
            if self.list.visible().len() == 1 {
                ""
            } else {
                "s"
            },
            labels.join(" "),
        ));
    }

    fn clear_filters(&mut self) {
        if self.filters.is_empty() {
            self.notify("No filters to clear");
            return;
        }
        self.filters.clear();
        self.refilter();
        self.notify("Filters cleared");
    }
}
