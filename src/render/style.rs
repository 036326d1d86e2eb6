//! Article text carries semantic roles, not colours. Each styled span's
//! style is its role's mark — the role in the foreground-colour slot, a
//! range of indexed colours only the renderer writes — with the role's
//! modifiers and inline ones (emphasis, strong, strike-out) on top. The
//! theme's [`ArticleStyles`] says what each role looks like and turns the
//! marks into real styles when the article's lines are assembled
//! ([`super::article_lines`]): config colours reach article text, and
//! monochrome is just another table.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::decorator::Mark;

/// The indexed colour of the first role's mark.
const MARK_BASE: u8 = 200;

macro_rules! roles {
    ($($(#[$doc:meta])* $variant:ident => $colour:expr, $modifiers:expr;)+) => {
        /// What a piece of article text is, for the theme to style.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Role { $($(#[$doc])* $variant),+ }

        impl Role {
            pub const ALL: &[Role] = &[$(Role::$variant),+];

            /// The built-in look: colour (none in monochrome) and modifiers.
            fn built_in(self) -> (Option<Color>, Modifier) {
                match self { $(Role::$variant => ($colour, $modifiers)),+ }
            }
        }
    };
}

roles! {
    /// The article's title above its body.
    Title => Some(Color::Yellow), Modifier::BOLD;
    /// Date, authors, and notes about the article (copies, loading).
    Meta => None, Modifier::DIM;
    /// `分類：`, `標籤：`, `連結：` in the header.
    Label => None, Modifier::DIM;
    /// A tag's name in the header.
    Tag => None, Modifier::empty();
    /// Headings of level 1 and 2.
    Heading => Some(Color::Yellow), Modifier::BOLD;
    /// Headings of level 3 and below.
    Subheading => Some(Color::Cyan), Modifier::BOLD;
    Link => Some(Color::Blue), Modifier::UNDERLINED;
    /// The `[3]` after a link's text, before a tag and in the link list.
    LinkNumber => Some(Color::Blue), Modifier::empty();
    /// Quoted text (indented, no bar).
    Quote => Some(Color::Green), Modifier::empty();
    /// Inline code and preformatted blocks.
    Code => Some(Color::Green), Modifier::empty();
    /// List bullets and numbers.
    Bullet => Some(Color::Yellow), Modifier::empty();
    /// `[圖]`, `[影片]` labels.
    Media => Some(Color::Magenta), Modifier::empty();
    /// Captions and alt text.
    Caption => None, Modifier::ITALIC.union(Modifier::DIM);
    /// Horizontal rules, under the header and above the link list.
    Rule => None, Modifier::DIM;
    TableBorder => None, Modifier::DIM;
    TableHead => None, Modifier::BOLD;
    /// Why the body could not be read.
    Problem => None, Modifier::BOLD;
}

impl Role {
    /// The style the renderer gives text of this role: its mark and its
    /// built-in modifiers.
    pub fn style(self) -> Style {
        // `ALL` lists the roles in declaration order.
        Style::new()
            .fg(Color::Indexed(MARK_BASE + self as u8))
            .add_modifier(self.built_in().1)
    }

    /// The role a style's mark names, if it has one.
    fn of(style: Style) -> Option<Role> {
        match style.fg {
            Some(Color::Indexed(n)) => Role::ALL
                .get(usize::from(n.checked_sub(MARK_BASE)?))
                .copied(),
            _ => None,
        }
    }
}

/// What each role looks like: the article part of a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleStyles {
    styles: Vec<Style>,
}

impl ArticleStyles {
    /// The built-in styles, without any colour when `monochrome`.
    pub fn new(monochrome: bool) -> ArticleStyles {
        let styles = Role::ALL
            .iter()
            .map(|role| {
                let (colour, modifiers) = role.built_in();
                let style = Style::new().add_modifier(modifiers);
                match colour {
                    Some(colour) if !monochrome => style.fg(colour),
                    _ => style,
                }
            })
            .collect();
        ArticleStyles { styles }
    }

    pub fn get(&self, role: Role) -> Style {
        self.styles[role as usize]
    }

    pub fn set(&mut self, role: Role, style: Style) {
        self.styles[role as usize] = style;
    }

    /// `style` with its role's mark replaced by what the role looks like:
    /// the role's colours, and its modifiers instead of the built-in ones
    /// (inline modifiers such as emphasis stay). Unmarked styles pass.
    pub fn resolve(&self, style: Style) -> Style {
        let Some(role) = Role::of(style) else {
            return style;
        };
        let look = self.get(role);
        Style {
            fg: look.fg,
            bg: look.bg,
            add_modifier: style.add_modifier.difference(role.built_in().1) | look.add_modifier,
            ..style
        }
    }

    /// `line` with every span's style resolved.
    pub fn line(&self, line: Line<'static>) -> Line<'static> {
        Line {
            style: self.resolve(line.style),
            alignment: line.alignment,
            spans: line
                .spans
                .into_iter()
                .map(|span| Span::styled(span.content, self.resolve(span.style)))
                .collect(),
        }
    }
}

impl Default for ArticleStyles {
    fn default() -> Self {
        ArticleStyles::new(false)
    }
}

pub(super) fn heading(level: u8) -> Style {
    match level {
        1 | 2 => Role::Heading.style(),
        _ => Role::Subheading.style(),
    }
}

pub(super) fn link() -> Style {
    Role::Link.style()
}

pub(super) fn link_number() -> Style {
    Role::LinkNumber.style()
}

pub(super) fn quote() -> Style {
    Role::Quote.style()
}

pub(super) fn bullet() -> Style {
    Role::Bullet.style()
}

pub(super) fn media_label() -> Style {
    Role::Media.style()
}

pub(super) fn caption() -> Style {
    Role::Caption.style()
}

pub(super) fn rule() -> Style {
    Role::Rule.style()
}

pub(super) fn table_border() -> Style {
    Role::TableBorder.style()
}

pub(super) fn table_head() -> Style {
    Role::TableHead.style()
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
        // Only the colour: code in a link stays underlined.
        Mark::Code | Mark::Preformat => Style {
            fg: Role::Code.style().fg,
            ..s
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_styles_look_as_before_roles() {
        let colour = ArticleStyles::new(false);
        assert_eq!(
            colour.resolve(link()),
            Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED)
        );
        assert_eq!(
            colour.resolve(heading(1)),
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
        );
        // Emphasis inside a caption inside a link: the link's look, the
        // caption's and the emphasis' modifiers.
        let styled = caption().patch(link()).add_modifier(Modifier::BOLD);
        assert_eq!(
            colour.resolve(styled),
            Style::new().fg(Color::Blue).add_modifier(
                Modifier::ITALIC | Modifier::DIM | Modifier::UNDERLINED | Modifier::BOLD
            )
        );
        assert_eq!(colour.resolve(Style::new().bold()), Style::new().bold());
    }

    #[test]
    fn monochrome_is_a_table_without_colours() {
        let mono = ArticleStyles::new(true);
        for &role in Role::ALL {
            let resolved = mono.resolve(role.style().add_modifier(Modifier::ITALIC));
            assert_eq!((resolved.fg, resolved.bg), (None, None), "{role:?}");
            assert!(resolved.add_modifier.contains(Modifier::ITALIC));
        }
    }

    #[test]
    fn a_role_set_by_the_theme_replaces_the_built_in_look() {
        let mut styles = ArticleStyles::new(false);
        styles.set(
            Role::Link,
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        );
        let resolved = styles.resolve(link().add_modifier(Modifier::ITALIC));
        assert_eq!(
            resolved,
            Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::BOLD | Modifier::ITALIC),
            "no underline: the theme's link has none"
        );
    }

    #[test]
    fn marks_stay_clear_of_other_roles() {
        for &role in Role::ALL {
            assert_eq!(Role::of(role.style()), Some(role));
        }
        assert_eq!(Role::of(Style::new().fg(Color::Indexed(3))), None);
    }
}
