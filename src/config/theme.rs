//! Colours in config.yaml: the theme name, and per-element overrides in
//! the `"[styles] [colour] [on colour]"` syntax laid over the reader's own
//! styles (`ui::Theme`).

use std::str::FromStr;

use ratatui::style::{Color, Style};
use serde::{Deserialize, Deserializer};

use crate::render::{ArticleStyles, Role};

/// Declares the styled elements once: the enum, the config keys, and the
/// struct of overrides whose unknown keys serde rejects by name. The names
/// are the fields of the reader's `ui::Theme`, plus the read-state ones,
/// and `article_*` for the roles of article text (`render::Role`).
macro_rules! elements {
    ($($key:ident => $variant:ident),+ $(,)?) => {
        /// Something on screen with its own style.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Element { $($variant),+ }

        impl Element {
            pub const ALL: &[Element] = &[$(Element::$variant),+];

            /// The element's key under `colors:` in config.yaml.
            pub fn key(self) -> &'static str {
                match self { $(Element::$variant => stringify!($key)),+ }
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
    filter => Filter,
    date => Date,
    source => Source,
    title => Title,
    tags => Tags,
    selected => Selected,
    dim => Dim,
    key => Key,
    error => Error,
    info => Info,
    border => Border,
    heading => Heading,
    query => Query,
    marked => Marked,
    unread => Unread,
    star => Star,
    article_title => ArticleTitle,
    article_meta => ArticleMeta,
    article_label => ArticleLabel,
    article_tag => ArticleTag,
    article_heading => ArticleHeading,
    article_subheading => ArticleSubheading,
    article_link => ArticleLink,
    article_link_number => ArticleLinkNumber,
    article_quote => ArticleQuote,
    article_code => ArticleCode,
    article_bullet => ArticleBullet,
    article_media => ArticleMedia,
    article_caption => ArticleCaption,
    article_rule => ArticleRule,
    article_table_border => ArticleTableBorder,
    article_table_head => ArticleTableHead,
    article_problem => ArticleProblem,
}

impl Element {
    /// The element that styles article text of `role` (`article_*`).
    pub fn of_role(role: Role) -> Element {
        match role {
            Role::Title => Element::ArticleTitle,
            Role::Meta => Element::ArticleMeta,
            Role::Label => Element::ArticleLabel,
            Role::Tag => Element::ArticleTag,
            Role::Heading => Element::ArticleHeading,
            Role::Subheading => Element::ArticleSubheading,
            Role::Link => Element::ArticleLink,
            Role::LinkNumber => Element::ArticleLinkNumber,
            Role::Quote => Element::ArticleQuote,
            Role::Code => Element::ArticleCode,
            Role::Bullet => Element::ArticleBullet,
            Role::Media => Element::ArticleMedia,
            Role::Caption => Element::ArticleCaption,
            Role::Rule => Element::ArticleRule,
            Role::TableBorder => Element::ArticleTableBorder,
            Role::TableHead => Element::ArticleTableHead,
            Role::Problem => Element::ArticleProblem,
        }
    }
}

/// The built-in themes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    #[default]
    Default,
    Mono,
}

impl FromStr for ThemeName {
    type Err = String;
    fn from_str(name: &str) -> Result<Self, String> {
        match name {
            "default" => Ok(ThemeName::Default),
            "mono" => Ok(ThemeName::Mono),
            _ => Err(format!(
                "unknown variant `{name}`, expected `default` or `mono`"
            )),
        }
    }
}

impl<'de> Deserialize<'de> for ThemeName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A string, checked in the visitor so serde_yaml can tell the line;
        // anything else is "expected the theme's name", not serde's
        // wording for enums.
        deserializer.deserialize_str(super::raw::ParsedStr::<ThemeName>::new(
            "the theme's name, `default` or `mono`",
        ))
    }
}

impl ColorOverrides {
    /// `base` (the reader's style for `element`) with the user's override:
    /// the override replaces it; when `monochrome`, only the override's
    /// bold, dim, italic, underline and reverse are added, never a colour.
    pub fn apply(&self, element: Element, base: Style, monochrome: bool) -> Style {
        match self.get(element) {
            None => base,
            Some(spec) if monochrome => base.add_modifier(spec.0.add_modifier),
            Some(spec) => spec.0,
        }
    }
}

impl ColorOverrides {
    /// What article text looks like: the built-in style of each role (no
    /// colours when `monochrome`) with the `article_*` overrides applied.
    pub fn article_styles(&self, monochrome: bool) -> ArticleStyles {
        let mut styles = ArticleStyles::new(monochrome);
        for &role in Role::ALL {
            let style = self.apply(Element::of_role(role), styles.get(role), monochrome);
            styles.set(role, style);
        }
        styles
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
            // `bold "#5f87ff"`: quotes around one word, as YAML needs
            // around a whole value that has a `#` in it.
            let word = word.trim_matches(['"', '\'']);
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
        assert_eq!(
            "bold \"#5f87ff\"".parse::<StyleSpec>().unwrap().0,
            Style::new().bold().fg(Color::Rgb(0x5f, 0x87, 0xff))
        );
    }

    #[test]
    fn overrides_replace_but_mono_keeps_only_styles() {
        let overrides = ColorOverrides {
            unread: Some("bold red on blue".parse().unwrap()),
            ..Default::default()
        };
        let base = Style::new().fg(Color::Cyan);
        let colored = overrides.apply(Element::Unread, base, false);
        assert_eq!(colored, Style::new().bold().fg(Color::Red).bg(Color::Blue));
        let mono = overrides.apply(Element::Unread, Style::new(), true);
        assert_eq!((mono.fg, mono.bg), (None, None));
        assert!(mono.add_modifier.contains(Modifier::BOLD));
        assert_eq!(
            overrides.apply(Element::Star, base, false),
            base,
            "no override: the reader's style"
        );
    }

    #[test]
    fn article_overrides_reach_their_roles_only() {
        let overrides = ColorOverrides {
            article_link: Some("bold red".parse().unwrap()),
            ..Default::default()
        };
        let styles = overrides.article_styles(false);
        assert_eq!(styles.get(Role::Link), Style::new().bold().fg(Color::Red));
        assert_eq!(
            styles.get(Role::Quote),
            ArticleStyles::new(false).get(Role::Quote)
        );
        let mono = overrides.article_styles(true);
        assert_eq!(mono.get(Role::Link).fg, None);
        assert!(mono.get(Role::Link).add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn every_element_has_a_distinct_key() {
        let mut keys: Vec<_> = Element::ALL.iter().map(|e| e.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Element::ALL.len());
    }
}
