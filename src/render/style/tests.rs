use super::*;

#[test]
fn the_built_in_styles_look_as_before_roles() {
    let colour = ArticleStyles::new(false);
    assert_eq!(
        colour.style(link()),
        Style::new()
            .fg(Color::Blue)
            .add_modifier(Modifier::UNDERLINED)
    );
    assert_eq!(
        colour.style(heading(1)),
        Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
    );
    // Emphasis inside a caption inside a link: the link's look, the
    // caption's and the emphasis' modifiers.
    let styled = caption().patch(link()).add_modifier(Modifier::BOLD);
    assert_eq!(
        colour.style(styled),
        Style::new()
            .fg(Color::Blue)
            .add_modifier(Modifier::ITALIC | Modifier::DIM | Modifier::UNDERLINED | Modifier::BOLD)
    );
    assert_eq!(
        colour.style(Look::PLAIN.add_modifier(Modifier::BOLD)),
        Style::new().bold()
    );
    assert_eq!(colour.style(Look::PLAIN), Style::new());
}

#[test]
fn code_takes_the_role_and_keeps_a_links_underline() {
    let code_in_link = for_marks(&[Mark::Link(String::new()), Mark::Code]);
    assert_eq!(code_in_link.role, Some(Role::Code));
    assert_eq!(
        ArticleStyles::new(false).style(code_in_link),
        Style::new()
            .fg(Color::Green)
            .add_modifier(Modifier::UNDERLINED)
    );
}

#[test]
fn monochrome_is_a_table_without_colours() {
    let mono = ArticleStyles::new(true);
    for &role in Role::ALL {
        let styled = mono.style(role.look().add_modifier(Modifier::ITALIC));
        assert_eq!((styled.fg, styled.bg), (None, None), "{role:?}");
        assert!(styled.add_modifier.contains(Modifier::ITALIC));
    }
}

#[test]
fn a_role_set_by_the_theme_replaces_the_built_in_look() {
    let mut styles = ArticleStyles::new(false);
    styles.set(
        Role::Link,
        Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    );
    let shown = styles.style(link().add_modifier(Modifier::ITALIC));
    assert_eq!(
        shown,
        Style::new()
            .fg(Color::Red)
            .add_modifier(Modifier::BOLD | Modifier::ITALIC),
        "no underline: the theme's link has none"
    );
}
