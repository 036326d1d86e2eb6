//! Turns an article body into styled lines at a given width.
//!
//! PLACEHOLDER implementation (plain text, hard wrap) that fixes the public
//! API; the rendering issue replaces the internals.

use ratatui::text::Line;

use crate::article::Article;
use crate::text::{sanitize, width};

/// A parsed body, ready to be laid out at any width.
#[derive(Debug, Clone, Default)]
pub struct Document {
    paragraphs: Vec<String>,
    links: Vec<String>,
}

/// Parses a body (Markdown with raw HTML, or HTML) once.
/// `base_url` resolves relative links.
pub fn render_body(body: &str, _base_url: Option<&str>) -> Document {
    Document {
        paragraphs: sanitize::clean_block(body)
            .lines()
            .map(str::to_owned)
            .collect(),
        links: Vec::new(),
    }
}

impl Document {
    /// The numbered links, in order: link `[n]` in the text is `links()[n-1]`.
    pub fn links(&self) -> &[String] {
        &self.links
    }

    /// The body wrapped to `width` columns; no line is wider.
    pub fn layout(&self, width: usize) -> Vec<Line<'static>> {
        let width = width.max(1);
        let mut out = Vec::new();
        for p in &self.paragraphs {
            let mut rest = p.as_str();
            if rest.is_empty() {
                out.push(Line::default());
            }
            while !rest.is_empty() {
                let mut head = width::take_columns(rest, width);
                if head.is_empty() {
                    head = &rest[..rest.chars().next().map_or(0, char::len_utf8)];
                }
                out.push(Line::from(head.to_owned()));
                rest = &rest[head.len()..];
            }
        }
        out
    }
}

/// The article header at `width`: title (wrapped), date, author, categories,
/// tags numbered `[1] [2] ...`, link.
pub fn header(article: &Article, _width: usize) -> Vec<Line<'static>> {
    vec![Line::from(article.title.clone())]
}
