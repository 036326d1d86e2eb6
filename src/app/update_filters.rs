//! `App::update` for filters: the tag and category pickers, tag digits,
//! clearing.

use super::{App, Choices, Criterion, PickerEntry, PickerKind};

impl App {
    pub(super) fn open_picker(&mut self, kind: PickerKind) {
        let labels = self.catalog.index_labels(&self.library.articles);
        let (index, everything) = match kind {
            PickerKind::Categories => (&labels.index.categories, &labels.all_categories),
            _ => (&labels.index.tags, &labels.all_tags),
        };
        // Counts are over what is listed, so further tags narrow it down.
        let choices = if self.filters.is_empty() {
            everything.clone()
        } else {
            choices(index.counts(self.list.visible.iter().copied()))
        };
        if choices.entries.is_empty() {
            self.notify(format!("No {} here", kind.title().to_lowercase()));
            return;
        }
        self.show_picker(kind, choices);
    }

    pub(super) fn filter_by_nth_tag(&mut self, n: u8) {
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

    /// Adds criteria, recomputes the list and shows it.
    pub(super) fn apply_criteria(&mut self, criteria: Vec<Criterion>) {
        let mut labels = Vec::new();
        for criterion in criteria {
            labels.push(criterion.label());
            self.filters.add(criterion);
        }
        self.refilter();
        self.close_article();
        self.notify(format!(
            "{} article{} with {}",
            self.list.visible.len(),
            if self.list.visible.len() == 1 {
                ""
            } else {
                "s"
            },
            labels.join(" "),
        ));
    }

    pub(super) fn clear_filters(&mut self) {
        if self.filters.is_empty() {
            self.notify("No filters to clear");
            return;
        }
        self.filters.clear();
        self.refilter();
        self.notify("Filters cleared");
    }
}

/// Picker choices from `(label, count)` pairs.
pub(super) fn choices(counts: Vec<(&str, usize)>) -> Choices {
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
