//! The article list: a header, then one row per visible article.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::spans::{LineBuilder, count};
use super::theme::Theme;
use crate::app::{App, Command, Context, Size};
use crate::article::Article;
use crate::marks::ViewFilter;
use crate::search::Query;
use crate::text::width;
use crate::text::wrap::wrap_str;

/// The marker column: unread, starred, both (`●★`) or blank.
const STAR: &str = "★";
const UNREAD: &str = "●";
/// Before a draft's title.
const DRAFT: &str = "[draft] ";

pub fn draw(frame: &mut Frame, app: &App, size: Size, theme: &Theme) {
    frame.render_widget(
        header(app, usize::from(size.width), theme),
        size.header_area(),
    );
    let area = size.body_area();
    let visible = app.visible();
    if visible.is_empty() {
        let message = empty_message(app);
        let lines = wrap_str(&message, usize::from(area.width));
        for (row, line) in lines.iter().take(usize::from(area.height)).enumerate() {
            let mut b = LineBuilder::new(usize::from(area.width));
            b.push(line, theme.dim);
            frame.render_widget(b.build(), row_area(area, row));
        }
        return;
    }
    let cursor = app.list_cursor();
    let columns = Columns::new(usize::from(area.width), app);
    let query = app.search_query();
    for (row, position) in (cursor.offset..visible.len())
        .take(usize::from(area.height))
        .enumerate()
    {
        let index = visible[position];
        let Some(article) = app.articles().get(index) else {
            continue;
        };
        let marks = RowMarks {
            unread: !app.marks().is_read(index),
            starred: app.marks().is_starred(index),
            copies: app.copy_count(index),
        };
        let line = columns.row(
            app,
            article,
            marks,
            position == cursor.selected,
            query,
            theme,
        );
        frame.render_widget(line, row_area(area, row));
    }
}

/// What an empty list says, and how to get articles back.
fn empty_message(app: &App) -> String {
    let view_key = app
        .guide()
        .keys(Context::List, Command::CycleView)
        .first()
        .map(|key| format!("; {key} changes the view"))
        .unwrap_or_default();
    if app.search_prompt().is_some() {
        return "No article matches this search; Backspace deletes, Esc cancels.".to_owned();
    }
    match (app.view_filter(), app.filters().is_empty()) {
        (ViewFilter::All, true) => "No articles here.".to_owned(),
        (ViewFilter::All, false) => {
            "No article matches all the filters; Backspace clears them.".to_owned()
        }
        (view, true) => format!("No {} articles here{view_key}.", view.label()),
        (view, false) => format!(
            "No {} article matches all the filters; Backspace clears them{view_key}.",
            view.label()
        ),
    }
}

/// The one-line header: archive name, shown / total, active filters.
pub fn header(app: &App, width: usize, theme: &Theme) -> Line<'static> {
    let mut b = LineBuilder::new(width);
    let name = app.library().name.as_str();
    // A folder called `articles` is not named twice (`articles  49,118
    // articles`): the count says it.
    let named = !name.trim().eq_ignore_ascii_case("articles");
    if named {
        b.push(name, theme.header);
    }
    let shown = app.visible().len();
    let total = app.articles().len();
    let counts = if shown == total {
        format!("{} articles", count(total))
    } else {
        format!("{} / {} articles", count(shown), count(total))
    };
    b.push(if named { "  " } else { "" }, theme.dim);
    b.push(&counts, if named { theme.dim } else { theme.header });
    let unread = app.unread_listed();
    if unread > 0 {
        b.push(&format!("  {} unread", count(unread)), theme.unread);
    } else if shown > 0 {
        b.push("  all read", theme.dim);
    }
    push_chips(&mut b, app, theme, true);
    super::search::push_header(&mut b, app, theme);
    b.build()
}

/// The filter bar: the all/unread/starred view, then each criterion in
/// the order it was added, as chips (in reverse video, two spaces apart) (`remove_last_filter` takes off the
/// last). `with_dates`: the date range too (the timeline leaves it out,
/// having its own).
pub fn push_chips(b: &mut LineBuilder, app: &App, theme: &Theme, with_dates: bool) {
    let chip = theme
        .filter
        .add_modifier(ratatui::style::Modifier::REVERSED);
    if app.view_filter() != ViewFilter::All {
        b.push("  ", theme.dim);
        b.push(&format!("{} only", app.view_filter().label()), chip);
    }
    for criterion in app.filters().criteria() {
        if !with_dates && matches!(criterion, crate::app::Criterion::Dates(_)) {
            continue;
        }
        b.push("  ", theme.dim);
        b.push(&criterion.label(), chip);
    }
}

fn row_area(area: Rect, row: usize) -> Rect {
    Rect::new(area.x, area.y + row as u16, area.width, 1)
}

/// How an article is marked, for its row.
#[derive(Clone, Copy)]
struct RowMarks {
    unread: bool,
    starred: bool,
    /// Files holding this article (exact duplicates collapsed into it).
    copies: usize,
}

/// Column widths for one screen width.
struct Columns {
    width: usize,
    marker: usize,
    date: usize,
    source: usize,
}

impl Columns {
    fn new(width: usize, app: &App) -> Columns {
        // The source column takes at most a sixth of a narrow screen.
        let source = app.source_width().min((width / 6).max(4)).min(16);
        // The marks are ambiguous-width: two columns each on some terminals.
        let marker = width::str_width(STAR) + width::str_width(UNREAD) + 1;
        Columns {
            width,
            marker,
            date: app.date_width(),
            source,
        }
    }

    fn row(
        &self,
        app: &App,
        article: &Article,
        marks: RowMarks,
        selected: bool,
        query: Option<&Query>,
        theme: &Theme,
    ) -> Line<'static> {
        let patch = |style| theme.row_style(style, selected);
        let title_style = if marks.unread {
            theme.title.patch(theme.unread)
        } else {
            theme.title
        };
        let mut b = LineBuilder::new(self.width);
        let unread_width = width::str_width(UNREAD);
        let unread = if marks.unread { UNREAD } else { "" };
        b.push_fit(unread, unread_width, patch(title_style));
        let (star, star_style) = if marks.starred {
            (STAR, theme.star)
        } else {
            ("", theme.title)
        };
        b.push_fit(star, self.marker - unread_width, patch(star_style));
        b.push_fit(&app.date_text(article), self.date, patch(theme.date));
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
        if article.draft {
            b.push(DRAFT, patch(theme.source));
        }
        let mark = patch(title_style).patch(theme.found);
        super::search::push_title(&mut b, title, patch(title_style), query, mark);
        if marks.copies > 1 {
            b.push(&format!(" ×{}", marks.copies), patch(theme.source));
        }
        if b.left() >= 6 && !article.tags().is_empty() {
            let mut tags = String::from(" ");
            for tag in article.tags() {
                tags.push_str(" #");
                tags.push_str(tag);
            }
            let mark = patch(theme.tags).patch(theme.found);
            super::search::push_title(&mut b, &tags, patch(theme.tags), query, mark);
        }
        b.pad(patch(theme.title)).build()
    }
}
