//! Article text carries semantic roles, not colours. The renderer gives
//! each piece of text a [`Look`]: its [`Role`] (what it is: a heading, a
//! link, a quote…) and modifiers (the role's built-in ones, those of the
//! roles it sits in, and inline emphasis, strong and strike-out). The
//! theme's [`ArticleStyles`] says what each role looks like and turns a
//! look into a terminal style when the article is laid out
//! ([`super::article_lines`]): config colours reach article text, and
//! monochrome is just another table.

use ratatui::style::{Color, Modifier, Style};

use super::decorator::Mark;

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
    /// The look the renderer gives text of this role: the role and its
    /// built-in modifiers.
    pub fn look(self) -> Look {
        Look {
            role: Some(self),
            modifiers: self.built_in().1,
        }
    }
}

/// How the renderer styles a piece of article text, before the theme says
/// what that looks like on a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Look {
    /// What the text is; `None`: plain text.
    pub role: Option<Role>,
    /// The role's built-in modifiers, those of the roles it sits in (a
    /// caption inside a link stays italic), and inline ones.
    pub modifiers: Modifier,
}

impl Default for Look {
    fn default() -> Self {
        Look::PLAIN
    }
}

impl Look {
    /// Plain text: no role, no modifiers.
    pub const PLAIN: Look = Look {
        role: None,
        modifiers: Modifier::empty(),
    };

    /// `other` on top of this look: its role if it has one, and the
    /// modifiers of both.
    #[must_use]
    pub fn patch(self, other: Look) -> Look {
        Look {
            role: other.role.or(self.role),
            modifiers: self.modifiers | other.modifiers,
        }
    }

    #[must_use]
    pub fn add_modifier(self, modifier: Modifier) -> Look {
        Look {
            modifiers: self.modifiers | modifier,
            ..self
        }
    }
}

/// A piece of article text in a look (list bullets and quote indents,
/// which stand beside wrapped text rather than in it).
#[derive(Debug, Clone, PartialEq)]
pub struct LookSpan {
    pub content: String,
    pub style: Look,
}

impl LookSpan {
    pub fn styled(content: impl Into<String>, style: Look) -> LookSpan {
        LookSpan {
            content: content.into(),
            style,
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

    /// What `look` is on the terminal: its role's colours, and its
    /// modifiers with the role's own built-in ones replaced by the
    /// role's look (inline modifiers such as emphasis stay).
    pub fn style(&self, look: Look) -> Style {
        let Some(role) = look.role else {
            return Style::new().add_modifier(look.modifiers);
        };
        let styled = self.get(role);
        Style {
            fg: styled.fg,
            bg: styled.bg,
            add_modifier: look.modifiers.difference(role.built_in().1) | styled.add_modifier,
            ..Style::new()
        }
    }
}

impl Default for ArticleStyles {
    fn default() -> Self {
        ArticleStyles::new(false)
    }
}

pub(super) fn heading(level: u8) -> Look {
    match level {
        1 | 2 => Role::Heading.look(),
        _ => Role::Subheading.look(),
    }
}

pub(super) fn link() -> Look {
    Role::Link.look()
}

pub(super) fn link_number() -> Look {
    Role::LinkNumber.look()
}

pub(super) fn quote() -> Look {
    Role::Quote.look()
}

pub(super) fn bullet() -> Look {
    Role::Bullet.look()
}

pub(super) fn media_label() -> Look {
    Role::Media.look()
}

pub(super) fn caption() -> Look {
    Role::Caption.look()
}

pub(super) fn rule() -> Look {
    Role::Rule.look()
}

pub(super) fn table_border() -> Look {
    Role::TableBorder.look()
}

pub(super) fn table_head() -> Look {
    Role::TableHead.look()
}

/// The style html2text's annotations ask for.
pub(super) fn for_marks(marks: &[Mark]) -> Look {
    marks.iter().fold(Look::PLAIN, |s, m| match m {
        Mark::Plain => s,
        Mark::Link(_) => s.patch(link()),
        Mark::Image(_) => s.patch(caption()),
        Mark::Emphasis => s.add_modifier(Modifier::ITALIC),
        Mark::Strong => s.add_modifier(Modifier::BOLD),
        Mark::Strikeout => s.add_modifier(Modifier::CROSSED_OUT),
        // Only the role: code in a link stays underlined.
        Mark::Code | Mark::Preformat => Look {
            role: Some(Role::Code),
            ..s
        },
    })
}

#[cfg(test)]
mod tests;
