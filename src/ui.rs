//! Drawing: turns an [`App`] into cells. Never changes the app; anything
//! costly (wrapping an article) was done by `App::update`, so a frame only
//! builds the rows that are on screen.

mod detail;
mod help;
mod list;
mod picker;
mod search;
mod spans;
mod status;
mod theme;

use ratatui::Frame;
use ratatui::text::Line;

pub use theme::Theme;

use crate::app::{App, MIN_HEIGHT, MIN_WIDTH, Overlay, Size, View};
use crate::text::width;

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let size = Size::new(area.width, area.height);
    let theme = Theme::for_app(app);
    if size.too_small() {
        let notice = format!(
            "Terminal too small ({}x{}); inkstone needs {MIN_WIDTH}x{MIN_HEIGHT}",
            area.width, area.height
        );
        let line = Line::styled(
            width::truncate(&notice, usize::from(area.width)),
            theme.error,
        );
        frame.render_widget(line, size.header_area());
        return;
    }
    match app.view() {
        View::List => list::draw(frame, app, size, &theme),
        View::Detail => detail::draw(frame, app, size, &theme),
    }
    status::draw(frame, app, size, &theme);
    if width::ambiguous_wide() {
        // Before pop-ups, which look at what is under their edges.
        spans::settle_spacers(frame.buffer_mut());
    }
    match app.overlay() {
        Some(Overlay::Picker(picker)) => picker::draw(frame, app, picker, size, &theme),
        Some(Overlay::Help { scroll }) => help::draw(frame, app, *scroll, size, &theme),
        None => {}
    }
    if width::ambiguous_wide() {
        spans::settle_spacers(frame.buffer_mut());
    }
}

/// Makes room for a pop-up at `area`: a wide character just left of it
/// would reach into its first column, and ratatui would then never send
/// the border cell it covers (the terminal keeps showing the glyph), so it
/// becomes a blank.
fn open_popup(frame: &mut Frame, area: ratatui::layout::Rect) {
    frame.render_widget(ratatui::widgets::Clear, area);
    if area.x == 0 {
        return;
    }
    let buffer = frame.buffer_mut();
    for y in area.y..area.y.saturating_add(area.height) {
        if let Some(cell) = buffer.cell_mut((area.x - 1, y)) {
            if width::str_width(cell.symbol()) > 1 {
                cell.set_symbol(" ")
                    .set_diff_option(ratatui::buffer::CellDiffOption::None);
            }
        }
    }
}

#[cfg(test)]
mod tests;
