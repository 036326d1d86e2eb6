//! The article view: a top line, then the lines laid out by `update`.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::spans::{LineBuilder, count};
use super::theme::Theme;
use crate::app::{App, Size};

pub fn draw(frame: &mut Frame, app: &App, size: Size, theme: &Theme) {
    let Some(detail) = app.detail() else { return };
    let mut top = LineBuilder::new(usize::from(size.width));
    top.push(&app.library().name, theme.header);
    let position = app.visible().iter().position(|&i| i == detail.article);
    if let Some(position) = position {
        top.push(
            &format!("  {} / {}", count(position + 1), count(app.visible().len())),
            theme.dim,
        );
    }
    if let Some(source) = app.articles().get(detail.article).and_then(|a| a.source()) {
        top.push("  ", theme.dim);
        top.push(source, theme.source);
    }
    if app.marks().is_starred(detail.article) {
        top.push("  ★ starred", theme.star);
    }
    if !app.marks().is_read(detail.article) {
        top.push("  unread", theme.unread);
    }
    for criterion in app.filters().criteria() {
        top.push("  ", theme.dim);
        top.push(&criterion.label(), theme.filter);
    }
    super::search::push_header(&mut top, app, theme);
    frame.render_widget(top.build(), size.header_area());

    let area = size.text_area();
    let rows = usize::from(area.height);
    let shown = detail.lines.iter().skip(detail.scroll).take(rows);
    let matches = super::search::visible_matches(app, &detail.lines, detail.scroll, rows);
    for (row, line) in shown.enumerate() {
        let row_area = Rect::new(area.x, area.y + row as u16, area.width, 1);
        let line =
            super::search::article_line(app, detail.scroll + row, line, matches.get(row), theme);
        // Ambiguous-width characters get their second cell (see spans).
        let line = super::spans::widened(&line).unwrap_or(line);
        frame.render_widget(line, row_area);
    }
}

/// `lines 1-40 / 212  18%` for the status line.
pub fn position(app: &App, size: Size) -> Option<String> {
    let detail = app.detail()?;
    let total = detail.lines.len();
    let rows = size.body_rows();
    let last = (detail.scroll + rows).min(total);
    let percent = if total <= rows {
        100
    } else {
        last * 100 / total
    };
    let found = app
        .match_position()
        .map(|(n, total)| format!("{}/{}  ", count(n), count(total)))
        .unwrap_or_default();
    Some(format!(
        "{found}{}-{} / {}  {percent}%",
        count(detail.scroll + 1),
        count(last),
        count(total)
    ))
}
