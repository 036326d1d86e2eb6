//! Colours and styles, with a monochrome set for `NO_COLOR`.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::text::width;

/// Every style the reader draws with.
#[derive(Debug, Clone)]
pub struct Theme {
    pub header: Style,
    pub filter: Style,
    pub date: Style,
    pub source: Style,
    pub title: Style,
    pub tags: Style,
    pub selected: Style,
    pub dim: Style,
    pub key: Style,
    pub error: Style,
    pub info: Style,
    pub border: Style,
    pub heading: Style,
    pub query: Style,
    pub marked: Style,
    /// Text a search matched (list titles, article text).
    pub found: Style,
    /// The match `n` / `N` went to.
    pub found_focus: Style,
}

impl Theme {
    pub fn new(monochrome: bool) -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let dim = plain.add_modifier(Modifier::DIM);
        if monochrome {
            return Theme {
                header: bold,
                filter: bold,
                date: dim,
                source: plain,
                title: plain,
                tags: dim,
                selected: plain.add_modifier(Modifier::REVERSED),
                dim,
                key: bold,
                error: bold,
                info: plain,
                border: plain,
                heading: bold.add_modifier(Modifier::UNDERLINED),
                query: bold,
                marked: bold,
                found: bold.add_modifier(Modifier::UNDERLINED),
                found_focus: bold.add_modifier(Modifier::REVERSED),
            };
        }
        Theme {
            header: bold.fg(Color::Cyan),
            filter: bold.fg(Color::Yellow),
            date: plain.fg(Color::DarkGray),
            source: plain.fg(Color::Green),
            title: plain,
            tags: plain.fg(Color::DarkGray),
            selected: plain.bg(Color::Blue).fg(Color::White),
            dim,
            key: bold.fg(Color::Cyan),
            error: bold.fg(Color::Red),
            info: plain.fg(Color::Green),
            border: plain.fg(Color::Cyan),
            heading: bold.fg(Color::Yellow),
            query: bold,
            marked: bold.fg(Color::Yellow),
            found: bold.fg(Color::Black).bg(Color::LightYellow),
            found_focus: bold.fg(Color::Black).bg(Color::LightRed),
        }
    }

    /// Box-drawing lines are ambiguous-width: where they count two columns
    /// the pop-ups use ASCII so their borders stay straight.
    pub fn border_set() -> border::Set<'static> {
        if width::ambiguous_wide() {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            border::PLAIN
        }
    }
}
