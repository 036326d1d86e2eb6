//! The bottom line: a message, else key hints; the position on the right.

mod fit;

pub use fit::fit_message;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::spans::{LineBuilder, count};
use super::theme::Theme;
use crate::app::{App, Context, Hint, Size};
use crate::text::width;

pub fn draw(frame: &mut Frame, app: &App, size: Size, theme: &Theme) {
    let area = size.status_area();
    let total = usize::from(area.width);
    let right = match app.context() {
        // Finding in the article (`/` there) counts its matches as you type.
        Context::Detail | Context::Search if app.view() == crate::app::View::Detail => {
            super::detail::position(app, size).unwrap_or_default()
        }
        Context::List | Context::Search if !app.visible().is_empty() => {
            format!(
                "{} / {}",
                count(app.list_cursor().selected + 1),
                count(app.visible().len())
            )
        }
        Context::Sources => match app.overlay() {
            Some(crate::app::Overlay::Sources(view)) => format!(
                "{} / {}",
                count(view.cursor.selected + 1),
                count(view.rows.len())
            ),
            _ => String::new(),
        },
        Context::Timeline => match app.overlay() {
            Some(crate::app::Overlay::Timeline(view)) => format!(
                "{} / {}",
                count(view.cursor.selected + 1),
                count(view.timeline.buckets.len())
            ),
            _ => String::new(),
        },
        _ => String::new(),
    };
    let right_width = width::str_width(&right);
    let left_width = if right_width + 2 < total {
        total - right_width - 2
    } else {
        total
    };
    let mut b = LineBuilder::new(left_width);
    if let Some(question) = app.confirm() {
        b.push(&question.question(), theme.key);
    } else if let Some(input) = app.line_input() {
        let start = b.left();
        b.push(input.purpose.prompt(), theme.key);
        // Keep the end, where the typing happens, in view.
        let room = b.left().saturating_sub(1);
        let mut shown = input.text.as_str();
        while width::str_width(shown) > room {
            let mut chars = shown.chars();
            chars.next();
            shown = chars.as_str();
        }
        b.push(shown, theme.query);
        let column = u16::try_from(start - b.left()).unwrap_or(u16::MAX);
        b.push(" ", theme.selected);
        frame.set_cursor_position((area.x.saturating_add(column), area.y));
    } else if let Some(input) = app
        .search_prompt()
        .filter(|_| app.context() == Context::Search)
    {
        let column = super::search::push_prompt(&mut b, input, app, theme);
        frame.set_cursor_position((area.x.saturating_add(column), area.y));
    } else if let Some(status) = app.status() {
        // Cells that are not safe to draw are replaced before measuring,
        // so the fitted text is what the line shows.
        let text = fit_message(&crate::text::cells::terminal_safe(&status.text), left_width);
        b.push(
            &text,
            if status.error {
                theme.error
            } else {
                theme.info
            },
        );
    } else {
        let hints = super::hints(app.guide(), app.context());
        // The link picker opens one link: it marks nothing.
        let links = matches!(
            app.overlay(),
            Some(crate::app::Overlay::Picker(p))
                if matches!(p.kind, crate::app::PickerKind::Links | crate::app::PickerKind::Backlinks)
        );
        let hints: Vec<Hint> = hints
            .into_iter()
            .filter(|h| !links || h.label != "mark")
            .collect();
        push_hints(&mut b, &hints, theme);
    }
    frame.render_widget(b.build(), Rect::new(area.x, area.y, left_width as u16, 1));
    if left_width < total {
        let x = area.x + (total - right_width) as u16;
        frame.render_widget(
            ratatui::text::Line::styled(right, theme.dim),
            Rect::new(x, area.y, right_width as u16, 1),
        );
    }
}

/// As many whole `key label` hints as fit.
fn push_hints(b: &mut LineBuilder, hints: &[Hint], theme: &Theme) {
    for (i, hint) in hints.iter().enumerate() {
        let gap = if i == 0 { 0 } else { 2 };
        let need = gap + width::str_width(&hint.key) + 1 + width::str_width(&hint.label);
        if need > b.left() {
            break;
        }
        b.push(&" ".repeat(gap), theme.dim);
        b.push(&hint.key, theme.key);
        b.push(" ", theme.dim);
        b.push(&hint.label, theme.dim);
    }
}
