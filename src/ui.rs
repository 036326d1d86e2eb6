//! Drawing: turns an [`App`] into cells. Never changes the app; anything
//! costly (wrapping an article) was done by `App::update`, so a frame only
//! builds the rows that are on screen.

mod detail;
mod help;
mod hints;
mod list;
mod loading;
mod overview;
mod picker;
mod search;
mod spans;
mod status;
mod theme;

pub use hints::hints;

use ratatui::Frame;
use ratatui::text::Line;

pub use loading::draw_loading;
pub use theme::Theme;

use crate::app::{App, MIN_HEIGHT, MIN_WIDTH, Overlay, Size, View};
use crate::text::width;
use crate::text::wrap::wrap_str;

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let size = Size::new(area.width, area.height);
    let theme = Theme::for_app(app);
    if size.too_small() {
        draw_too_small(frame, size, &theme);
        return;
    }
    match (app.overlay(), app.view()) {
        (Some(Overlay::Sources(view)), _) => overview::draw_sources(frame, view, size, &theme),
        (Some(Overlay::Timeline(view)), _) => {
            overview::draw_timeline(frame, app, view, size, &theme);
        }
        (_, View::List) => list::draw(frame, app, size, &theme),
        (_, View::Detail) => detail::draw(frame, app, size, &theme),
    }
    status::draw(frame, app, size, &theme);
    if width::ambiguous_wide() {
        // Before pop-ups, which look at what is under their edges.
        spans::settle_spacers(frame.buffer_mut());
    }
    match app.overlay() {
        Some(Overlay::Picker(picker)) => picker::draw(frame, app, picker, size, &theme),
        Some(Overlay::Help(view)) => help::draw(frame, app, view.scroll, size, &theme),
        Some(Overlay::Sources(_) | Overlay::Timeline(_)) | None => {}
    }
    if width::ambiguous_wide() {
        spans::settle_spacers(frame.buffer_mut());
    }
}

/// The longest notice that fits, wrapped, in what there is; the shortest
/// one cut to the width if even that does not.
fn draw_too_small(frame: &mut Frame, size: Size, theme: &Theme) {
    let (w, h) = (usize::from(size.width), usize::from(size.height));
    let notices = [
        format!(
            "Terminal too small ({w}x{h}); inkstone needs {MIN_WIDTH}x{MIN_HEIGHT}. \
             Enlarge it, or press q to quit."
        ),
        format!("Terminal too small ({w}x{h}); inkstone needs {MIN_WIDTH}x{MIN_HEIGHT}"),
        format!("Too small: {w}x{h}, needs {MIN_WIDTH}x{MIN_HEIGHT}"),
        format!("Needs {MIN_WIDTH}x{MIN_HEIGHT}"),
        format!("{MIN_WIDTH}x{MIN_HEIGHT}"),
    ];
    let wrapped = notices
        .iter()
        .map(|n| wrap_str(n, w.max(1)))
        .find(|lines| lines.len() <= h && lines.iter().all(|l| width::str_width(l) <= w))
        .unwrap_or_else(|| vec![width::truncate(&notices[notices.len() - 1], w)]);
    for (row, text) in wrapped.into_iter().enumerate().take(h) {
        let area = ratatui::layout::Rect::new(0, row as u16, size.width, 1);
        frame.render_widget(Line::styled(text, theme.error), area);
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
