//! The help pop-up, generated from the active keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders};

use super::spans::LineBuilder;
use super::theme::Theme;
use crate::app::{App, HelpLine, Size};

pub fn draw(frame: &mut Frame, app: &App, scroll: usize, size: Size, theme: &Theme) {
    let outer = app.help_area();
    super::open_popup(frame, outer);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_set(Theme::border_set())
        .border_style(theme.border)
        .title(Line::styled(" Keys ", theme.header));
    frame.render_widget(block, outer);
    let width = app.help_text_width();
    let rows = size.help_rows();
    let lines = app.guide().help_lines(width);
    for (row, line) in lines.iter().skip(scroll).take(rows).enumerate() {
        let mut b = LineBuilder::new(width);
        match line {
            HelpLine::Title(title) => {
                b.push(title, theme.heading);
            }
            HelpLine::Entry { keys, description } => {
                b.push(keys, theme.key);
                b.push(description, theme.title);
            }
            HelpLine::Blank => {}
        }
        frame.render_widget(
            b.build(),
            Rect::new(outer.x + 1, outer.y + 1 + row as u16, width as u16, 1),
        );
    }
}
