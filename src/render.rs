//! Turns an article body into styled lines at a given width.
//!
//! One pipeline for both archive formats (feed posts are raw HTML, which is
//! also Markdown):
//! sanitise → Markdown to HTML (pulldown-cmark; shortcodes become links) →
//! guards (control character references, nesting depth) → html5ever DOM →
//! rewrite (figures, rules, media, tables become marked paragraphs) →
//! html2text annotated lines, rendered too wide to wrap → raw blocks
//! (indents, styles, resolved links) → tidy (repeated title and captions,
//! blank runs) → [`Document`]: paragraphs analysed once, then laid out at
//! any width by `text::wrap`, the CJK-aware wrapper. Text carries a
//! `style::Look` (its `Role` and modifiers), not colours; [`article_lines`]
//! assembles the page the detail view and `show` print, and lays it out in
//! the theme's [`ArticleStyles`], which say what each role looks like.

mod charref;
mod convert;
mod decorator;
mod document;
mod dom;
mod header;
mod links;
mod markdown;
mod nesting;
mod page;
mod plain;
mod shortcode;
mod style;
mod table;
mod tidy;

use std::borrow::Cow;

use html2text::config::ImageRenderMode;

pub use document::Document;
pub use header::header;
pub use links::readable_url;
pub use page::{Page, PageBody, article_lines};
pub use style::{ArticleStyles, Role};

use crate::archive_links::LinkBase;
use crate::article::{Article, BodyFormat};
use crate::text::sanitize;
use convert::RawBlock;
use decorator::Decorator;

/// Width handed to html2text: wide enough that it never wraps a paragraph
/// (we wrap, CJK-aware, at layout time).
const UNWRAPPED: usize = 1 << 24;

/// Bodies larger than this render their first part richly and the rest as
/// plain paragraphs. html2text costs up to a few microseconds a byte on
/// inline-heavy text, so this bounds the rich part to well under two
/// seconds; the largest real article is a fifth of it.
const RICH_LIMIT: usize = 512 * 1024;

/// Parses a Markdown body (with raw HTML) once.
/// `base_url` resolves relative links.
pub fn render_body(body: &str, base_url: Option<&str>) -> Document {
    let base = LinkBase::new(base_url, None);
    render(body, BodyFormat::Markdown, &base, None, &|_| false)
}

/// Parses an article's body in its format: like [`render_body`] with the
/// article's link as base, and without the title the body repeats at its
/// top (the header shows it).
pub fn render_article(article: &Article, body: &str) -> Document {
    render_article_marking(article, body, &|_| false)
}

/// [`render_article`], with the links `in_archive` says lead to another
/// article of the library numbered `[3↩]` (in the text and the list of
/// links) rather than `[3]`.
pub fn render_article_marking(
    article: &Article,
    body: &str,
    in_archive: &dyn Fn(&str) -> bool,
) -> Document {
    let base = LinkBase::of(article);
    render(
        body,
        article.format,
        &base,
        Some(&article.title),
        in_archive,
    )
}

/// Ends a document whose body was cut after its first `shown` bytes with a
/// line that says so.
pub fn push_cut_notice(doc: &mut Document, shown: u64) {
    let notice = format!(
        "[The rest of this article is not shown: only its first {} are read.]",
        crate::regular_file::size(shown)
    );
    doc.push_plain(plain::paragraphs(&notice));
}

fn render(
    body: &str,
    format: BodyFormat,
    base: &LinkBase,
    title: Option<&str>,
    in_archive: &dyn Fn(&str) -> bool,
) -> Document {
    let mut clean = sanitize::clean_block(body);
    if clean.contains(decorator::marker::is_text_marker) {
        clean.retain(|c| !decorator::marker::is_text_marker(c));
    }
    let (rich, rest) = plain::split_oversized(&clean, RICH_LIMIT);
    let mut doc = if let Some(raw) = rich_blocks(rich, format, base) {
        Document::assemble(tidy::tidy(raw, title), in_archive)
    } else {
        let mut doc = Document::default();
        doc.push_plain(plain::paragraphs(rich));
        doc
    };
    doc.push_plain(plain::paragraphs(rest));
    doc
}

/// The rich pipeline; `None` if html2text gave up. html2text and html5ever
/// hold `unimplemented!` and `expect` paths we have not seen hostile input
/// reach (fuzzed: no panic); should one be reached, the body still shows,
/// as plain paragraphs, instead of taking the reader down.
fn rich_blocks(body: &str, format: BodyFormat, base: &LinkBase) -> Option<Vec<RawBlock>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        html_blocks(body, format, base)
    }))
    .ok()
    .flatten()
}

fn html_blocks(body: &str, format: BodyFormat, base: &LinkBase) -> Option<Vec<RawBlock>> {
    // An HTML file's body is HTML as it stands: Markdown would turn its
    // indented lines into code and its `*` into emphasis.
    let html = match format {
        BodyFormat::Markdown => Cow::Owned(markdown::to_html(body)),
        BodyFormat::Html => Cow::Borrowed(body),
    };
    let html = charref::drop_control_refs(&html);
    let html = nesting::limit_nesting(&html);
    let config = html2text::config::with_decorator(Decorator)
        .empty_img_mode(ImageRenderMode::ShowAlways)
        .unicode_strikeout(false);
    let dom = config.parse_html(html.as_bytes()).ok()?;
    dom::rewrite(&dom);
    let tree = config.dom_to_render_tree(&dom).ok()?;
    let lines = config.render_to_lines(tree, UNWRAPPED).ok()?;
    Some(convert::convert(&lines, base))
}

#[cfg(test)]
mod tests;
