//! The few styles an article uses. Modest: bold, italic, underline, dim,
//! and a handful of colours that read on dark and light terminals.

use ratatui::style::{Color, Modifier, Style};

use super::decorator::Mark;

pub(super) fn heading(level: u8) -> Style {
    let s = Style::new().add_modifier(Modifier::BOLD);
    match level {
        1 | 2 => s.fg(Color::Yellow),
        _ => s.fg(Color::Cyan),
    }
}

pub(super) fn link() -> Style {
    Style::new()
        .fg(Color::Blue)
        .add_modifier(Modifier::UNDERLINED)
}

/// The `[3]` after a link's text.
pub(super) fn link_number() -> Style {
    Style::new().fg(Color::Blue)
}

/// Quoted text (indented, no bar).
pub(super) fn quote() -> Style {
    Style::new().fg(Color::Green)
}

pub(super) fn bullet() -> Style {
    Style::new().fg(Color::Yellow)
}

/// `[圖]`, `[影片]` labels.
pub(super) fn media_label() -> Style {
    Style::new().fg(Color::Magenta)
}

/// Captions and alt text.
pub(super) fn caption() -> Style {
    Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM)
}

pub(super) fn rule() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

pub(super) fn table_border() -> Style {
    Style::new().add_modifier(Modifier::DIM)
}

pub(super) fn table_head() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// The style html2text's annotations ask for.
pub(super) fn for_marks(marks: &[Mark]) -> Style {
    marks.iter().fold(Style::new(), |s, m| match m {
        Mark::Plain => s,
        Mark::Link(_) => s.patch(link()),
        Mark::Image(_) => s.patch(caption()),
        Mark::Emphasis => s.add_modifier(Modifier::ITALIC),
        Mark::Strong => s.add_modifier(Modifier::BOLD),
        Mark::Strikeout => s.add_modifier(Modifier::CROSSED_OUT),
        Mark::Code | Mark::Preformat => s.fg(Color::Green),
    })
}
