//! Colours and styles, with a monochrome set for `NO_COLOR`, and the
//! person's overrides from config.yaml's `colors:` on top.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::app::App;
use crate::config::{ColorOverrides, Element};
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
    /// Patched over the title (and marker) of an unread article.
    pub unread: Style,
    /// The starred marker.
    pub star: Style,
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
                unread: bold,
                star: bold,
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
            unread: bold,
            star: bold.fg(Color::Yellow),
        }
    }

    /// The theme the app draws with: built-in for its `monochrome`
    /// setting, with config.yaml's `colors:` over it.
    pub fn for_app(app: &App) -> Theme {
        let options = app.options();
        Theme::new(options.monochrome).with_overrides(&options.colors, options.monochrome)
    }

    /// Each element's style replaced by the person's override (only its
    /// bold, dim, italic, underline and reverse when `monochrome`).
    #[must_use]
    pub fn with_overrides(mut self, colors: &ColorOverrides, monochrome: bool) -> Theme {
        for &element in Element::ALL {
            let style = match element {
                Element::Header => &mut self.header,
                Element::Filter => &mut self.filter,
                Element::Date => &mut self.date,
                Element::Source => &mut self.source,
                Element::Title => &mut self.title,
                Element::Tags => &mut self.tags,
                Element::Selected => &mut self.selected,
                Element::Dim => &mut self.dim,
                Element::Key => &mut self.key,
                Element::Error => &mut self.error,
                Element::Info => &mut self.info,
                Element::Border => &mut self.border,
                Element::Heading => &mut self.heading,
                Element::Query => &mut self.query,
                Element::Marked => &mut self.marked,
                Element::Unread => &mut self.unread,
                Element::Star => &mut self.star,
                // Article text: `Options::article_styles`.
                _ => continue,
            };
            *style = colors.apply(element, *style, monochrome);
        }
        self
    }

    /// `style` for a row, with the selection laid over it when the row is
    /// the selected one (list rows, picker entries, links).
    pub fn row_style(&self, style: Style, selected: bool) -> Style {
        if selected {
            style.patch(self.selected)
        } else {
            style
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn overrides(yaml: &str) -> ColorOverrides {
        Config::parse(yaml, std::path::Path::new("config.yaml"))
            .unwrap()
            .colors
    }

    #[test]
    fn overrides_replace_styles_and_mono_keeps_only_modifiers() {
        let colors = overrides("colors:\n  unread: bold white on blue\n  star: red\n");
        let theme = Theme::new(false).with_overrides(&colors, false);
        assert_eq!(
            theme.unread,
            Style::new().bold().fg(Color::White).bg(Color::Blue)
        );
        assert_eq!(theme.star, Style::new().fg(Color::Red));
        assert_eq!(theme.title, Theme::new(false).title, "others untouched");
        let mono = Theme::new(true).with_overrides(&colors, true);
        assert_eq!((mono.unread.fg, mono.unread.bg), (None, None));
        assert!(mono.unread.add_modifier.contains(Modifier::BOLD));
        assert_eq!(mono.star.fg, None);
    }
}
