//! The article list: a header, then one row per visible article.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::spans::{LineBuilder, count};
use super::theme::Theme;
use crate::app::{App, Size};
use crate::article::Article;
use crate::search::Query;

/// Columns of `YYYY-MM-DD`.
const DATE_WIDTH: usize = 10;

pub fn draw(frame: &mut Frame, app: &App, size: Size, theme: &Theme) {
    frame.render_widget(
        header(app, usize::from(size.width), theme),
        size.header_area(),
    );
    let area = size.body_area();
    let visible = app.visible();
    if visible.is_empty() {
        let message = if app.search_prompt().is_some() {
            "No article matches this search; Backspace deletes, Esc cancels."
        } else if app.filters().is_empty() {
            "No articles here."
        } else {
            "No article matches all the filters; Backspace clears them."
        };
        let mut b = LineBuilder::new(usize::from(area.width));
        b.push(message, theme.dim);
        frame.render_widget(b.build(), row_area(area, 0));
        return;
    }
    let cursor = app.list_cursor();
    let columns = Columns::new(usize::from(area.width), app.source_width());
    let query = app.search_query();
    for (row, position) in (cursor.offset..visible.len())
        .take(usize::from(area.height))
        .enumerate()
    {
        let Some(article) = app.articles().get(visible[position]) else {
            continue;
        };
        let line = columns.row(article, position == cursor.selected, query, theme);
        frame.render_widget(line, row_area(area, row));
    }
}

/// The one-line header: archive name, shown / total, active filters.
pub fn header(app: &App, width: usize, theme: &Theme) -> Line<'static> {
    let mut b = LineBuilder::new(width);
    b.push(&app.library().name, theme.header);
    let shown = app.visible().len();
    let total = app.articles().len();
    let counts = if shown == total {
        format!("  {} articles", count(total))
    } else {
        format!("  {} / {} articles", count(shown), count(total))
    };
    b.push(&counts, theme.dim);
    for criterion in app.filters().criteria() {
        b.push("  ", theme.dim);
        b.push(&criterion.label(), theme.filter);
    }
    super::search::push_header(&mut b, app, theme);
    b.build()
}

fn row_area(area: Rect, row: usize) -> Rect {
    Rect::new(area.x, area.y + row as u16, area.width, 1)
}

/// Column widths for one screen width.
struct Columns {
    width: usize,
    source: usize,
}

impl Columns {
    fn new(width: usize, widest_source: usize) -> Columns {
        // The source column takes at most a sixth of a narrow screen.
        let source = widest_source.min((width / 6).max(4)).min(16);
        Columns { width, source }
    }

    fn row(
        &self,
        article: &Article,
        selected: bool,
        query: Option<&Query>,
        theme: &Theme,
    ) -> Line<'static> {
        let patch = |style: ratatui::style::Style| {
            if selected {
                style.patch(theme.selected)
            } else {
                style
            }
        };
        let mut b = LineBuilder::new(self.width);
        let date = article
            .date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        b.push_fit(&date, DATE_WIDTH, patch(theme.date));
        b.push_fit(" ", 1, patch(theme.title));
        if self.source > 0 {
            b.push_fit(
                article.source().unwrap_or(""),
                self.source,
                patch(theme.source),
            );
            b.push_fit(" ", 1, patch(theme.title));
        }
        let title = if article.title.is_empty() {
            "(untitled)"
        } else {
            article.title.as_str()
        };
        let mark = patch(theme.title).patch(theme.found);
        super::search::push_title(&mut b, title, patch(theme.title), query, mark);
        if b.left() >= 6 && !article.tags.is_empty() {
            let mut tags = String::from(" ");
            for tag in &article.tags {
                tags.push_str(" #");
                tags.push_str(tag);
            }
            b.push(&tags, patch(theme.tags));
        }
        b.pad(patch(theme.title)).build()
    }
}
