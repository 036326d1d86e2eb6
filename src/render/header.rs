//! The block above an article's body: title, date and authors, categories,
//! numbered tags, link.

use ratatui::text::{Line, Span};

use super::links::readable_url;
use super::style::{self, ArticleStyles, Look, Role};
use crate::article::Article;
use crate::text::sanitize::clean_inline;
use crate::text::width::str_width;
use crate::text::wrap::{Paragraph, ParagraphBuilder};

/// The article header at `width`: title (wrapped), `date` (already written
/// out in the person's format; `None`: no date) and authors, categories,
/// tags numbered `[1] [2] ...` (the order of `article.tags()`), link, then a
/// rule, each role in the look `styles` gives it. No line is wider than
/// `width`.
pub fn header(
    article: &Article,
    width: usize,
    date: Option<String>,
    styles: &ArticleStyles,
) -> Vec<Line<'static>> {
    let width = width.max(1);
    let look = |look: Look| styles.style(look);
    let mut out = Vec::new();
    let title = Role::Title.look();
    out.extend(Paragraph::styled(&clean_inline(&article.title), title).wrap_in(width, &look));

    let meta = Role::Meta.look();
    let mut facts = Vec::new();
    if article.draft {
        facts.push("[draft]".to_owned());
    }
    if let Some(date) = date.filter(|d| !d.is_empty()) {
        facts.push(date);
    }
    if let Some(updated) = article.updated {
        facts.push(format!("更新 {}", updated.format("%Y-%m-%d %H:%M")));
    }
    let authors = joined(article.authors());
    if !authors.is_empty() {
        facts.push(authors);
    }
    if !facts.is_empty() {
        out.extend(Paragraph::styled(&facts.join(" · "), meta).wrap_in(width, &look));
    }

    let label = Role::Label.look();
    let categories = joined(article.categories());
    if !categories.is_empty() {
        let mut b = ParagraphBuilder::<Look>::new();
        b.push("分類：", label);
        b.push(&categories, Look::PLAIN);
        out.extend(b.finish().wrap_in(width, &look));
    }
    if !article.tags().is_empty() {
        let mut b = ParagraphBuilder::<Look>::new();
        b.push("標籤：", label);
        for (i, tag) in article.tags().iter().enumerate() {
            if i > 0 {
                b.push("  ", Look::PLAIN);
            }
            b.push(&format!("[{}]", i + 1), style::link_number());
            // Keep the number on the tag's line.
            b.push_glued(&format!("\u{a0}{}", clean_inline(tag)), Role::Tag.look());
        }
        out.extend(b.finish().wrap_in(width, &look));
    }
    if let Some(url) = article.url() {
        let mut b = ParagraphBuilder::<Look>::new();
        b.push("連結：", label);
        b.push(&clean_inline(&readable_url(url)), style::link());
        out.extend(b.finish().wrap_in(width, &look));
    }
    let unit = str_width("─").max(1);
    out.push(Line::from(Span::styled(
        "─".repeat(width / unit),
        look(style::rule()),
    )));
    out
}

fn joined(items: &[crate::article::Label]) -> String {
    items
        .iter()
        .map(|s| clean_inline(s))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("、")
}
