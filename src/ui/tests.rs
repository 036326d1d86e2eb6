mod determinism;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::open_popup;

#[test]
fn a_popup_cuts_wide_characters_reaching_into_it() {
    let mut terminal = Terminal::new(TestBackend::new(12, 2)).unwrap();
    terminal
        .draw(|frame| {
            frame.render_widget(Line::from("中文字中文字"), Rect::new(0, 0, 12, 1));
            frame.render_widget(Line::from("abcdefghijkl"), Rect::new(0, 1, 12, 1));
            open_popup(frame, Rect::new(5, 0, 4, 2));
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    assert_eq!(
        buffer[(4, 0)].symbol(),
        " ",
        "字 at 4-5 would cover the pop-up's first column"
    );
    assert_eq!(buffer[(2, 0)].symbol(), "文");
    assert_eq!(buffer[(4, 1)].symbol(), "e");
}
