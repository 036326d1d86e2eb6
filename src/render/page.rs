//! The article as the detail view and `inkstone show` present it: the
//! header, where its exact duplicates are, a blank line, then the body with
//! its numbered links (or what stands in for a body not there yet), in the
//! theme's styles. One assembly, so the reader and the command agree.

use ratatui::style::Style;
use ratatui::text::Line;

use super::document::Document;
use super::header::header;
use super::style::{ArticleStyles, Role};
use crate::article::Article;
use crate::text::sanitize;
use crate::text::width::truncate;

/// More duplicate paths than this are counted, not listed.
const COPIES_SHOWN: usize = 8;

/// Where an article's body is in its life.
#[derive(Debug, Clone, Copy)]
pub enum PageBody<'a> {
    Loading,
    /// It could not be read, and why.
    Failed(&'a str),
    Loaded(&'a Document),
}

/// An article and what goes with it on its page.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    pub article: &'a Article,
    /// The date as the person writes dates (see `app::dates::stamp`);
    /// `None`: no date.
    pub date: Option<String>,
    /// Where the article's exact duplicates are (paths, cleaned).
    pub copies: &'a [String],
    pub body: PageBody<'a>,
}

/// The page laid out at `width` columns (at least 1) in `styles`: header,
/// duplicates, a blank line, the body and its numbered links. A body with
/// no text says so.
pub fn article_lines(page: &Page<'_>, width: usize, styles: &ArticleStyles) -> Vec<Line<'static>> {
    let width = width.max(1);
    let look = |role: Role| styles.style(role.look());
    let mut lines = header(page.article, width, page.date.clone(), styles);
    push_copies(page.copies, &mut lines, width, look(Role::Meta));
    lines.push(Line::default());
    match page.body {
        PageBody::Loading => lines.push(Line::styled("Loading…", look(Role::Meta))),
        PageBody::Failed(reason) => lines.push(Line::styled(
            truncate(
                &format!(
                    "Could not read this article: {}",
                    sanitize::clean_inline(reason)
                ),
                width,
            ),
            look(Role::Problem),
        )),
        PageBody::Loaded(document) => {
            let body = document.layout_in(width, styles);
            if body
                .iter()
                .all(|l| l.spans.iter().all(|s| s.content.trim().is_empty()))
            {
                lines.push(Line::styled("(this article has no text)", look(Role::Meta)));
            } else {
                lines.extend(body);
            }
        }
    }
    lines
}

/// Under the header: where the exact duplicates of the article are.
fn push_copies(copies: &[String], lines: &mut Vec<Line<'static>>, width: usize, meta: Style) {
    if copies.is_empty() {
        return;
    }
    let line = |text: String| Line::styled(truncate(&text, width), meta);
    lines.push(line(format!(
        "×{} — the same article is also at:",
        copies.len() + 1
    )));
    for path in copies.iter().take(COPIES_SHOWN) {
        lines.push(line(format!("  {path}")));
    }
    if copies.len() > COPIES_SHOWN {
        lines.push(line(format!(
            "  … and {} more",
            copies.len() - COPIES_SHOWN
        )));
    }
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier, Style};

    use super::*;

    /// The article `標題` with `body`, dated `date`, laid out at 40 columns.
    fn laid_out(body: &str, date: Option<&str>, styles: &ArticleStyles) -> Vec<Line<'static>> {
        let a = Article {
            urls: crate::article::Urls::new(Some("https://news.example/a"), None),
            ..Article::with_body("標題", "")
        };
        let doc = super::super::render_article(&a, body);
        let page = Page {
            article: &a,
            date: date.map(str::to_owned),
            copies: &[],
            body: PageBody::Loaded(&doc),
        };
        article_lines(&page, 40, styles)
    }

    fn text(lines: &[Line<'_>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn header_blank_line_body_and_numbered_links() {
        let shown = text(&laid_out(
            "正文[連結](https://x.example/1)",
            Some("2024-01-02"),
            &ArticleStyles::default(),
        ));
        assert_eq!(shown[0], "標題");
        assert_eq!(shown[1], "2024-01-02");
        let blank = shown.iter().position(String::is_empty).unwrap();
        assert!(shown[blank - 1].starts_with('─'), "{shown:?}");
        assert_eq!(shown[blank + 1], "正文連結[1]");
        assert_eq!(shown.last().unwrap(), "[1] https://x.example/1");
    }

    #[test]
    fn an_empty_body_says_so() {
        let shown = text(&laid_out("  \n\n", None, &ArticleStyles::default()));
        assert_eq!(shown.last().unwrap(), "(this article has no text)");
    }

    #[test]
    fn the_theme_styles_every_role() {
        let body = "## 小標\n\n[鏈接文字](https://x.example/1)";
        let mut styles = ArticleStyles::new(false);
        styles.set(Role::Link, Style::new().fg(Color::Red));
        styles.set(Role::Heading, Style::new().fg(Color::Magenta));
        let lines = laid_out(body, None, &styles);
        let style_of = |needle: &str| {
            lines
                .iter()
                .flat_map(|l| &l.spans)
                .find(|s| s.content.contains(needle))
                .map_or_else(|| panic!("{needle} not shown"), |s| s.style)
        };
        assert_eq!(style_of("小標").fg, Some(Color::Magenta));
        assert_eq!(style_of("鏈接文字").fg, Some(Color::Red));
        assert!(
            !style_of("鏈接文字")
                .add_modifier
                .contains(Modifier::UNDERLINED)
        );
        assert_eq!(style_of("標題").fg, Some(Color::Yellow), "built-in title");
        let mono = laid_out(body, None, &ArticleStyles::new(true));
        assert!(
            mono.iter()
                .flat_map(|l| &l.spans)
                .all(|s| s.style.fg.is_none() && s.style.bg.is_none())
        );
    }
}
