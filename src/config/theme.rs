//! Colours: the two built-in themes, the elements they style, and the
//! `"[styles] [colour] [on colour]"` override syntax.

use std::str::FromStr;

use ratatui::style::{Color, Style};
use serde::{Deserialize, Deserializer};

/// Declares the styled elements once: the enum, the config keys, and the
/// struct of overrides whose unknown keys serde rejects by name.
macro_rules! elements {
    ($($key:ident => $variant:ident),+ $(,)?) => {
        /// Something on screen with its own style.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Element { $($variant),+ }

        impl Element {
            pub const ALL: &[Element] = &[$(Element::$variant),+];

            /// The element's key under `colors:` in config.yaml.
            pub fn key(self) -> &'static str {
                let raw = match self { $(Element::$variant => stringify!($key)),+ };
                raw.trim_start_matches("r#")
            }
        }

        /// `colors:` in config.yaml.
        #[derive(Debug, Default, Clone, PartialEq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct ColorOverrides { $(#[serde(default)] pub $key: Option<StyleSpec>),+ }

        impl ColorOverrides {
            pub fn get(&self, element: Element) -> Option<StyleSpec> {
                match element { $(Element::$variant => self.$key),+ }
            }
        }
    };
}

elements! {
    header => Header,
    status => Status,
    title => Title,
    unread => Unread,
    selected => Selected,
    date => Date,
    source => Source,
    star => Star,
    tag => Tag,
    heading => Heading,
    link => Link,
    quote => Quote,
    code => Code,
    dim => Dim,
    error => Error,
    r#match => Match,
}

/// The built-in themes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Default,
    Mono,
}

/// Resolved styles for every element: what the reader draws with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    styles: Vec<Style>,
}

impl Theme {
    /// A built-in theme with the user's overrides applied; `mono` drops
    /// every colour, including overridden ones, and keeps only styles.
    pub fn resolve(monochrome: bool, overrides: &ColorOverrides) -> Theme {
        let styles = Element::ALL
            .iter()
            .map(|&e| {
                let base = if monochrome { mono(e) } else { colored(e) };
                match overrides.get(e) {
                    Some(spec) if monochrome => base.add_modifier(spec.0.add_modifier),
                    Some(spec) => spec.0,
                    None => base,
                }
            })
            .collect();
        Theme { styles }
    }

    pub fn style(&self, element: Element) -> Style {
        let index = Element::ALL.iter().position(|&e| e == element).unwrap_or(0);
        self.styles.get(index).copied().unwrap_or_default()
    }
}

fn colored(element: Element) -> Style {
    let s = Style::new();
    match element {
        Element::Header => s.fg(Color::Black).bg(Color::Cyan).bold(),
        Element::Status | Element::Dim | Element::Date => s.fg(Color::DarkGray),
        Element::Title => s,
        Element::Unread | Element::Heading => s.bold(),
        Element::Selected => s.fg(Color::Black).bg(Color::Yellow),
        Element::Source => s.fg(Color::Magenta),
        Element::Star => s.fg(Color::Yellow).bold(),
        Element::Tag => s.fg(Color::Green),
        Element::Link => s.fg(Color::Blue).underlined(),
        Element::Quote => s.fg(Color::Gray).italic(),
        Element::Code => s.fg(Color::Yellow),
        Element::Error => s.fg(Color::Red).bold(),
        Element::Match => s.fg(Color::Black).bg(Color::LightYellow).bold(),
    }
}

fn mono(element: Element) -> Style {
    let s = Style::new();
    match element {
        Element::Header | Element::Selected => s.reversed(),
        Element::Match => s.reversed().bold(),
        Element::Unread | Element::Star | Element::Heading | Element::Error => s.bold(),
        Element::Link => s.underlined(),
        Element::Quote => s.italic(),
        Element::Dim => s.dim(),
        Element::Status
        | Element::Title
        | Element::Date
        | Element::Source
        | Element::Tag
        | Element::Code => s,
    }
}

/// One override, e.g. `bold yellow on blue`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StyleSpec(pub Style);

impl FromStr for StyleSpec {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let mut style = Style::new();
        let mut words = text.split_whitespace();
        let mut fg_set = false;
        while let Some(word) = words.next() {
            let lower = word.to_ascii_lowercase();
            match lower.as_str() {
                "bold" => style = style.bold(),
                "dim" => style = style.dim(),
                "italic" => style = style.italic(),
                "underline" | "underlined" => style = style.underlined(),
                "reversed" | "reverse" => style = style.reversed(),
                "on" => {
                    let colour = words.next().ok_or("`on` must be followed by a colour")?;
                    style = style.bg(parse_color(colour)?);
                }
                _ if fg_set => {
                    return Err(format!("`{word}`: only one foreground colour is allowed"));
                }
                _ => {
                    style = style.fg(parse_color(word)?);
                    fg_set = true;
                }
            }
        }
        if style == Style::new() {
            return Err(
                "empty style: give a colour or bold, dim, italic, underline, reversed".into(),
            );
        }
        Ok(StyleSpec(style))
    }
}

fn parse_color(word: &str) -> Result<Color, String> {
    Color::from_str(word).map_err(|_| {
        format!("`{word}` is not a colour (a name such as red or lightblue, #rrggbb, or 0-255) nor a style")
    })
}

impl<'de> Deserialize<'de> for StyleSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Checked inside the visitor so serde_yaml can tell the line.
        deserializer.deserialize_str(super::raw::ParsedStr::<StyleSpec>::new(
            "a style such as `bold yellow on blue`",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn parses_override_syntax() {
        let spec: StyleSpec = "bold yellow on blue".parse().unwrap();
        assert_eq!(
            spec.0,
            Style::new().bold().fg(Color::Yellow).bg(Color::Blue)
        );
        let spec: StyleSpec = "#ff8800".parse().unwrap();
        assert_eq!(spec.0, Style::new().fg(Color::Rgb(255, 136, 0)));
        assert!(
            "bold chartreuse"
                .parse::<StyleSpec>()
                .unwrap_err()
                .contains("`chartreuse`")
        );
        assert!("red green".parse::<StyleSpec>().is_err());
        assert!("on".parse::<StyleSpec>().is_err());
        assert!("".parse::<StyleSpec>().is_err());
    }

    #[test]
    fn mono_keeps_styles_but_no_colours() {
        let overrides = ColorOverrides {
            unread: Some("bold red on blue".parse().unwrap()),
            ..Default::default()
        };
        let mono = Theme::resolve(true, &overrides);
        for &e in Element::ALL {
            let s = mono.style(e);
            assert_eq!((s.fg, s.bg), (None, None), "{e:?}");
        }
        assert!(
            mono.style(Element::Unread)
                .add_modifier
                .contains(Modifier::BOLD)
        );
        let colored = Theme::resolve(false, &overrides);
        assert_eq!(colored.style(Element::Unread).bg, Some(Color::Blue));
        assert_eq!(colored.style(Element::Star), super::colored(Element::Star));
    }

    #[test]
    fn every_element_has_a_distinct_key() {
        let mut keys: Vec<_> = Element::ALL.iter().map(|e| e.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Element::ALL.len());
        assert!(keys.contains(&"match"));
    }
}
