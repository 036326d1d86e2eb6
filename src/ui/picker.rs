//! The tag / category / link picker pop-up.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear};

use super::spans::{LineBuilder, count};
use super::theme::Theme;
use crate::app::{App, Picker, PickerKind, Size};
use crate::text::width;

pub fn draw(frame: &mut Frame, app: &App, picker: &Picker, size: Size, theme: &Theme) {
    let outer = size.picker_area();
    frame.render_widget(Clear, outer);
    let title = format!(
        " {} {} / {} ",
        picker.kind.title(),
        count(picker.matches.len()),
        count(picker.entries.len())
    );
    let title = width::truncate(&title, usize::from(outer.width.saturating_sub(2)));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_set(Theme::border_set())
        .border_style(theme.border)
        .title(ratatui::text::Line::styled(title, theme.header));
    frame.render_widget(block, outer);
    let inner_width = usize::from(outer.width.saturating_sub(2));
    let x = outer.x + 1;

    let mut query = LineBuilder::new(inner_width);
    query.push("> ", theme.key);
    // Keep the end of a long query (where the typing happens) in view.
    let room = query.left().saturating_sub(1);
    let mut shown = picker.query.as_str();
    while width::str_width(shown) > room {
        let mut chars = shown.chars();
        chars.next();
        shown = chars.as_str();
    }
    query.push(shown, theme.query);
    query.push(" ", theme.selected);
    if !picker.marked.is_empty() {
        query.push(&format!("  {} marked", picker.marked.len()), theme.marked);
    }
    frame.render_widget(
        query.build(),
        Rect::new(x, outer.y + 1, inner_width as u16, 1),
    );

    let rows = size.picker_rows_area();
    let visible = picker
        .matches
        .iter()
        .enumerate()
        .skip(picker.cursor.offset)
        .take(usize::from(rows.height));
    let count_width = picker
        .matches
        .iter()
        .skip(picker.cursor.offset)
        .take(usize::from(rows.height))
        .filter_map(|&i| picker.entries.get(i))
        .map(|e| width::str_width(&count(e.count)))
        .max()
        .unwrap_or(0);
    for (row, (position, &entry_index)) in visible.enumerate() {
        let Some(entry) = picker.entries.get(entry_index) else {
            continue;
        };
        let selected = position == picker.cursor.selected;
        let patch = |style: ratatui::style::Style| {
            if selected {
                style.patch(theme.selected)
            } else {
                style
            }
        };
        let marked = picker.marked.contains(&entry_index);
        let mut b = LineBuilder::new(inner_width);
        b.push_fit(if marked { "* " } else { "  " }, 2, patch(theme.marked));
        if picker.kind == PickerKind::Links {
            b.push_fit(
                &format!("[{}]", entry.count),
                count_width + 3,
                patch(theme.dim),
            );
            b.push(&entry.label, patch(theme.title));
        } else {
            let label_width = b.left().saturating_sub(count_width + 2);
            b.push_fit(
                &entry.label,
                label_width,
                patch(if marked { theme.marked } else { theme.title }),
            );
            b.push_fit(
                &width::pad_left(&count(entry.count), count_width + 2),
                count_width + 2,
                patch(theme.dim),
            );
        }
        let line = b.pad(patch(theme.title)).build();
        frame.render_widget(line, Rect::new(rows.x, rows.y + row as u16, rows.width, 1));
    }
    if picker.matches.is_empty() {
        let mut b = LineBuilder::new(inner_width);
        b.push("  nothing matches", theme.dim);
        frame.render_widget(b.build(), Rect::new(rows.x, rows.y, rows.width, 1));
    }

    let mut hints = LineBuilder::new(inner_width);
    for (i, hint) in app.guide().picker_hints.iter().enumerate() {
        hints.push(if i == 0 { "" } else { "  " }, theme.dim);
        hints.push(&hint.key, theme.key);
        hints.push(&format!(" {}", hint.label), theme.dim);
    }
    frame.render_widget(
        hints.build(),
        Rect::new(
            x,
            outer.y + outer.height.saturating_sub(2),
            inner_width as u16,
            1,
        ),
    );
}
