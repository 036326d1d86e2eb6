//! `App::update` for handing the article to the outside: its text to a
//! pager, its link to the terminal's clipboard. (Piping to a command is in
//! `line_input`, which asks for the command.)

use super::{App, Effect, check_url};

impl App {
    /// Shows the current article's plain text in `$PAGER`.
    pub(super) fn page(&mut self) -> Vec<Effect> {
        let Some(article) = self.current_article() else {
            self.notify("No article to page");
            return Vec::new();
        };
        vec![Effect::Pipe {
            article,
            command: None,
            width: usize::from(self.size.text_area().width),
        }]
    }

    /// `y`: copies the article's link (checked, so only a web address goes
    /// out) through the terminal's clipboard.
    pub(super) fn copy_link(&mut self) -> Vec<Effect> {
        let Some(article) = self
            .current_article()
            .and_then(|i| self.library.articles.get(i))
        else {
            return Vec::new();
        };
        let Some(link) = article.url().or(article.original_url()) else {
            self.fail("This article has no link to copy");
            return Vec::new();
        };
        match check_url(link) {
            Ok(url) => {
                self.notify(format!(
                    "Copied {} (OSC 52)",
                    crate::text::width::truncate(&url, 200)
                ));
                vec![Effect::CopyToClipboard(url)]
            }
            Err(reason) => {
                self.fail(reason.replace("Refused to open", "Refused to copy"));
                Vec::new()
            }
        }
    }

    /// Takes the last chip off the filter bar: the newest criterion, else
    /// the all/unread/starred view.
    pub(super) fn remove_last_filter(&mut self) {
        let removed = match self.filters.pop() {
            Some(criterion) => criterion.label(),
            None if self.marks.view() != crate::marks::ViewFilter::All => {
                let label = format!("{} only", self.marks.view().label());
                self.marks.set_view(crate::marks::ViewFilter::All);
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
            super::update_marks::plural(self.list.visible.len(), "article", "articles")
        ));
    }

    /// Narrows the list to a date range (`--since`/`--until`).
    pub(super) fn filter_dates(&mut self, range: crate::overview::DateRange) {
        self.filters.replace(super::Criterion::Dates(range));
        self.refilter();
    }
}
