//! Where things sit on the screen. `update` needs the same numbers as
//! `ui::draw` (rows per page, which row a click hit, the article's wrap
//! width), so both take them from here.

use ratatui::layout::Rect;

use super::PickerKind;

/// The smallest terminal the reader draws in; below this it shows a
/// one-line notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// The widest an article's text gets: longer lines are hard to read.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// Rows used by the one-line header (top) and status line (bottom).
const CHROME_ROWS: u16 = 2;

/// The terminal size, in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Size {
    pub width: u16,
    pub height: u16,
}

impl Size {
    pub fn new(width: u16, height: u16) -> Self {
        Size { width, height }
    }

    pub fn area(self) -> Rect {
        Rect::new(0, 0, self.width, self.height)
    }

    pub fn too_small(self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }

    /// Rows between the header and the status line (list rows, article
    /// lines).
    pub fn body_rows(self) -> usize {
        usize::from(self.height.saturating_sub(CHROME_ROWS))
    }

    /// The screen row of the first list row / article line.
    pub fn body_top(self) -> u16 {
        1
    }

    /// The header line.
    pub fn header_area(self) -> Rect {
        Rect::new(0, 0, self.width, self.height.min(1))
    }

    /// The status line.
    pub fn status_area(self) -> Rect {
        Rect::new(
            0,
            self.height.saturating_sub(1),
            self.width,
            self.height.min(1),
        )
    }

    /// The list rows, or the whole article pane.
    pub fn body_area(self) -> Rect {
        Rect::new(0, self.body_top(), self.width, self.body_rows() as u16)
    }

    /// The article's text column: centred, at most [`MAX_TEXT_WIDTH`] wide,
    /// with at least one blank column either side.
    pub fn text_area(self) -> Rect {
        let body = self.body_area();
        let width = body.width.saturating_sub(2).clamp(1, MAX_TEXT_WIDTH);
        let left = (body.width.saturating_sub(width)) / 2;
        Rect::new(left, body.y, width, body.height)
    }

    /// The picker pop-up, border included. The link picker takes the
    /// screen: addresses are long.
    pub fn picker_area(self, kind: PickerKind) -> Rect {
        match kind {
            PickerKind::Links | PickerKind::Backlinks => {
                centered(self.area(), u16::MAX, u16::MAX, 1, 1)
            }
            PickerKind::Tags | PickerKind::Categories => centered(self.area(), 64, 24, 2, 1),
        }
    }

    /// The picker's entry rows inside its border (below the query line,
    /// above the hint line).
    pub fn picker_rows_area(self, kind: PickerKind) -> Rect {
        let outer = self.picker_area(kind);
        Rect::new(
            outer.x + 1,
            outer.y + 2,
            outer.width.saturating_sub(2),
            outer.height.saturating_sub(4),
        )
    }

    /// The help pop-up, border included: as wide as its `content` columns
    /// need, or as the screen allows.
    pub fn help_area(self, content: usize) -> Rect {
        let wanted = u16::try_from(content.saturating_add(2)).unwrap_or(u16::MAX);
        centered(self.area(), wanted, u16::MAX, 1, 1)
    }

    /// Rows of help text inside its border.
    pub fn help_rows(self) -> usize {
        usize::from(self.help_area(0).height.saturating_sub(2))
    }
}

/// A rectangle at most `max_w` x `max_h`, leaving `margin_x` columns and
/// `margin_y` rows free on each side when the screen is small.
fn centered(area: Rect, max_w: u16, max_h: u16, margin_x: u16, margin_y: u16) -> Rect {
    let width = area.width.saturating_sub(2 * margin_x).min(max_w);
    let height = area.height.saturating_sub(2 * margin_y).min(max_h);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_fit_inside_the_screen() {
        for (w, h) in [(40, 12), (80, 24), (120, 40), (300, 100)] {
            let size = Size::new(w, h);
            let screen = size.area();
            for rect in [
                size.body_area(),
                size.text_area(),
                size.picker_area(PickerKind::Tags),
                size.picker_rows_area(PickerKind::Tags),
                size.picker_area(PickerKind::Links),
                size.picker_rows_area(PickerKind::Links),
                size.help_area(0),
                size.help_area(usize::MAX),
                size.status_area(),
            ] {
                assert_eq!(screen.intersection(rect), rect, "{rect:?} in {w}x{h}");
            }
            assert!(size.text_area().width <= MAX_TEXT_WIDTH);
            assert!(size.picker_rows_area(PickerKind::Tags).height >= 4);
        }
        assert!(Size::new(39, 24).too_small());
        assert!(Size::new(80, 11).too_small());
        assert!(!Size::new(40, 12).too_small());
    }
}
