//! The screen shown while a slow load is under way: the library's name and
//! how many files have been read, of how many, so the terminal is never
//! left blank.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use crate::text::sanitize::clean_inline;
use crate::text::thousands::thousands;
use crate::text::width;

/// Draws the loading screen for the library `name` with `read` of `total`
/// files read (a total of 0: still counting).
pub fn draw_loading(frame: &mut Frame, name: &str, read: usize, total: usize) {
    let area = frame.area();
    let w = usize::from(area.width);
    let header = width::truncate(&format!("inkstone  {}", clean_inline(name)), w);
    let progress = if total == 0 {
        "Reading articles…".to_owned()
    } else {
        format!(
            "Reading articles: {} of {} files ({}%)",
            thousands(read),
            thousands(total),
            read * 100 / total.max(1)
        )
    };
    let lines = [
        Line::styled(header, Style::default().add_modifier(Modifier::BOLD)),
        Line::raw(""),
        Line::raw(width::truncate(&progress, w)),
        Line::raw(width::truncate("q quits", w)),
    ];
    for (row, line) in lines.into_iter().enumerate() {
        let y = area.y.saturating_add(row as u16);
        if y < area.bottom() {
            frame.render_widget(line, Rect::new(area.x, y, area.width, 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn screen(width: u16, name: &str, read: usize, total: usize) -> String {
        let mut t = Terminal::new(TestBackend::new(width, 6)).unwrap();
        t.draw(|f| draw_loading(f, name, read, total)).unwrap();
        let buffer = t.backend().buffer().clone();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol().to_owned())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn shows_files_read_of_total_and_a_clean_name() {
        let s = screen(60, "新聞\u{1b}[31m", 12_345, 49_118);
        assert!(
            s.contains("Reading articles: 12,345 of 49,118 files (25%)"),
            "{s}"
        );
        assert!(s.contains("inkstone  新"), "{s}");
        assert!(!s.contains('\u{1b}'), "no escape reaches the screen");
        let counting = screen(60, "news", 0, 0);
        assert!(counting.contains("Reading articles…"), "{counting}");
    }

    #[test]
    fn fits_a_narrow_terminal() {
        let s = screen(12, "news", 5, 10);
        assert!(s.lines().all(|l| width::str_width(l) <= 12), "{s}");
    }
}
