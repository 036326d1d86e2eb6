//! The help pop-up, generated from the active keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders};

use super::spans::LineBuilder;
use super::theme::Theme;
use crate::app::{App, Size};

/// Columns for the keys before the description.
const KEYS_WIDTH: usize = 22;

pub fn draw(frame: &mut Frame, app: &App, scroll: usize, size: Size, theme: &Theme) {
    let outer = size.help_area();
    super::open_popup(frame, outer);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_set(Theme::border_set())
        .border_style(theme.border)
        .title(Line::styled(" Keys ", theme.header));
    frame.render_widget(block, outer);
    let width = usize::from(outer.width.saturating_sub(2));
    let keys_width = KEYS_WIDTH.min(width / 3);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (i, section) in app.guide().help.iter().enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        let mut b = LineBuilder::new(width);
        b.push(&section.title, theme.heading);
        lines.push(b.build());
        for entry in &section.entries {
            let mut b = LineBuilder::new(width);
            b.push_fit(&format!(" {}", entry.keys), keys_width, theme.key);
            b.push(" ", theme.dim);
            b.push(&entry.description, theme.title);
            lines.push(b.build());
        }
    }
    let rows = usize::from(outer.height.saturating_sub(2));
    for (row, line) in lines.iter().skip(scroll).take(rows).enumerate() {
        frame.render_widget(
            line,
            Rect::new(outer.x + 1, outer.y + 1 + row as u16, width as u16, 1),
        );
    }
}
