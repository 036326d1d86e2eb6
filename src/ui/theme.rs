//! The styles the reader draws with: the configurable elements from
//! config.yaml's theme and `colors:` (`config::Theme`, `NO_COLOR` already
//! applied), and a few fixed ones for the reader's own chrome.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

use crate::app::App;
use crate::config::{self, ColorOverrides, Element};
use crate::text::width;

/// Every style the reader draws with.
#[derive(Debug, Clone)]
pub struct Theme {
    pub header: Style,
    pub filter: Style,
    pub date: Style,
    pub source: Style,
    pub title: Style,
    /// Patched over the title (and marker) of an unread article.
    pub unread: Style,
    /// The starred marker.
    pub star: Style,
    pub tags: Style,
    pub selected: Style,
    pub dim: Style,
    /// Key hints and the position in the status line.
    pub status: Style,
    pub key: Style,
    pub error: Style,
    pub info: Style,
    pub border: Style,
    pub heading: Style,
    pub query: Style,
    pub marked: Style,
    /// Search matches.
    pub matched: Style,
}

impl Theme {
    /// The built-in theme: colours, or none at all.
    pub fn new(monochrome: bool) -> Theme {
        Theme::from_config(
            &config::Theme::resolve(monochrome, &ColorOverrides::default()),
            monochrome,
        )
    }

    /// The theme the app was started with (config.yaml), else the built-in
    /// one for its `monochrome` setting.
    pub fn for_app(app: &App) -> Theme {
        let options = app.options();
        match &options.theme {
            Some(styles) => Theme::from_config(styles, options.monochrome),
            None => Theme::new(options.monochrome),
        }
    }

    /// The configured elements from `styles`; the reader's own chrome
    /// (hint keys, pop-up borders, picker query) is fixed, without colour
    /// when `monochrome`.
    pub fn from_config(styles: &config::Theme, monochrome: bool) -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let colour = |style: Style, colour: Color| {
            if monochrome { style } else { style.fg(colour) }
        };
        Theme {
            header: styles.style(Element::Header),
            filter: colour(bold, Color::Yellow),
            date: styles.style(Element::Date),
            source: styles.style(Element::Source),
            title: styles.style(Element::Title),
            unread: styles.style(Element::Unread),
            star: styles.style(Element::Star),
            tags: styles.style(Element::Tag),
            selected: styles.style(Element::Selected),
            dim: styles.style(Element::Dim),
            status: styles.style(Element::Status),
            key: colour(bold, Color::Cyan),
            error: styles.style(Element::Error),
            info: colour(plain, Color::Green),
            border: colour(plain, Color::Cyan),
            heading: styles.style(Element::Heading),
            query: bold,
            marked: colour(bold, Color::Yellow),
            matched: styles.style(Element::Match),
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
