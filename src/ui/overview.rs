//! The sources view and the timeline: full-screen lists over the article
//! list, with the list's header line and status line.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::spans::{LineBuilder, count};
use super::theme::Theme;
use crate::app::{App, Size, SourcesView, TimelineView};
use crate::overview::Zoom;
use crate::text::width;

/// Eighths of a cell, for bar ends: `▏` is one eighth, `█` eight.
const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

pub fn draw_sources(frame: &mut Frame, view: &SourcesView, size: Size, theme: &Theme) {
    let width = usize::from(size.width);
    let mut b = LineBuilder::new(width);
    b.push("Sources", theme.header);
    b.push(
        &format!(
            "  {} sources, {}",
            count(view.rows.len()),
            view.sort.label()
        ),
        theme.dim,
    );
    frame.render_widget(b.build(), size.header_area());
    let area = size.body_area();
    // Counts on the right: `12,345  1,234 unread`.
    let total_width = view
        .rows
        .iter()
        .map(|r| count(r.total).len())
        .max()
        .unwrap_or(1)
        .max(5);
    let unread_width = view
        .rows
        .iter()
        .map(|r| count(r.unread).len())
        .max()
        .unwrap_or(1)
        + " unread".len();
    let counts_width = 2 + total_width + 2 + unread_width + 1;
    let name_width = width.saturating_sub(counts_width + 2).max(4);
    for (row, position) in (view.cursor.offset..view.rows.len())
        .take(usize::from(area.height))
        .enumerate()
    {
        let source = &view.rows[position];
        let selected = position == view.cursor.selected;
        let patch = |style| theme.row_style(style, selected);
        let mut b = LineBuilder::new(width);
        b.push_fit(" ", 1, patch(theme.title));
        let name = crate::overview::source_shown(&source.name);
        let name_style = if source.unread > 0 {
            theme.title.patch(theme.unread)
        } else {
            theme.title
        };
        b.push_fit(name, name_width, patch(name_style));
        b.push_fit(
            &width::pad_left(&count(source.total), total_width + 2),
            total_width + 2,
            patch(theme.date),
        );
        let unread = if source.unread > 0 {
            format!("{} unread", count(source.unread))
        } else {
            "read".to_owned()
        };
        b.push_fit(
            &width::pad_left(&unread, unread_width + 2),
            unread_width + 2,
            patch(if source.unread > 0 {
                theme.unread
            } else {
                theme.dim
            }),
        );
        frame.render_widget(b.pad(patch(theme.title)).build(), row_area(area, row));
    }
}

pub fn draw_timeline(frame: &mut Frame, app: &App, view: &TimelineView, size: Size, theme: &Theme) {
    let width = usize::from(size.width);
    let timeline = &view.timeline;
    let total: usize = timeline.buckets.iter().map(|b| b.count).sum();
    let mut b = LineBuilder::new(width);
    b.push("Timeline", theme.header);
    let per = match timeline.zoom {
        Zoom::Months => "by month".to_owned(),
        Zoom::Days(month) => format!("{} by day", month.format("%Y-%m")),
    };
    let articles = if total == 1 { "article" } else { "articles" };
    b.push(&format!("  {per}  {} {articles}", count(total)), theme.dim);
    if timeline.undated > 0 {
        b.push(&format!("  {} undated", count(timeline.undated)), theme.dim);
    }
    super::list::push_chips(&mut b, app, theme, false);
    frame.render_widget(b.build(), size.header_area());
    let area = size.body_area();
    let label_width = timeline
        .buckets
        .first()
        .map_or(7, |b| width::str_width(&b.label(timeline.zoom)));
    let count_width = count(timeline.peak).len();
    let bar_width = width.saturating_sub(1 + label_width + 1 + 1 + count_width + 1);
    for (row, position) in (view.cursor.offset..timeline.buckets.len())
        .take(usize::from(area.height))
        .enumerate()
    {
        let bucket = &timeline.buckets[position];
        let selected = position == view.cursor.selected;
        let patch = |style| theme.row_style(style, selected);
        let mut b = LineBuilder::new(width);
        b.push_fit(" ", 1, patch(theme.title));
        b.push_fit(&bucket.label(timeline.zoom), label_width, patch(theme.date));
        b.push_fit(" ", 1, patch(theme.title));
        let bar = bar(bucket.count, timeline.peak, bar_width);
        b.push_fit(&bar, bar_width, patch(theme.source));
        b.push_fit(" ", 1, patch(theme.title));
        b.push_fit(
            &width::pad_left(&count(bucket.count), count_width),
            count_width,
            patch(if bucket.count == 0 {
                theme.dim
            } else {
                theme.title
            }),
        );
        frame.render_widget(b.pad(patch(theme.title)).build(), row_area(area, row));
    }
}

/// A bar `count / peak` of `columns` long: whole blocks and an eighth
/// block at the end; `#`s where block characters are ambiguous-width and
/// the terminal draws them two columns wide. A non-zero count shows at
/// least a sliver.
pub fn bar(count: usize, peak: usize, columns: usize) -> String {
    if peak == 0 || columns == 0 || count == 0 {
        return String::new();
    }
    let eighths = (count.min(peak) * columns * 8).div_ceil(peak).max(1);
    if width::ambiguous_wide() {
        return "#".repeat(eighths.div_ceil(8));
    }
    let mut text = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        text.push(EIGHTHS[eighths % 8 - 1]);
    }
    text
}

fn row_area(area: Rect, row: usize) -> Rect {
    Rect::new(area.x, area.y + row as u16, area.width, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_peak_in_eighths() {
        assert_eq!(bar(10, 10, 4), "████");
        assert_eq!(bar(5, 10, 4), "██");
        assert_eq!(bar(1, 16, 2), "▏");
        assert_eq!(bar(3, 16, 2), "▍");
        assert_eq!(bar(0, 10, 4), "");
        assert_eq!(bar(1, 1_000_000, 4), "▏");
    }
}
