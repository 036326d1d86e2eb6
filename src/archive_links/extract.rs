//! The link targets written in a body, read with the parsers the renderer
//! uses (pulldown-cmark for Markdown, html5ever's tokenizer for HTML) but
//! without building or laying out anything.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
};
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::article::BodyFormat;

/// Every `href` of an `<a>` and every Markdown link destination in `body`,
/// in order, as written (relative ones unresolved).
pub fn hrefs(body: &str, format: BodyFormat) -> Vec<String> {
    match format {
        BodyFormat::Html => html_hrefs(body),
        BodyFormat::Markdown => markdown_hrefs(body),
    }
}

fn markdown_hrefs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut html = String::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => out.push(dest_url.into_string()),
            Event::Html(text) | Event::InlineHtml(text) => {
                html.push_str(&text);
                html.push('\n');
            }
            _ => {}
        }
    }
    if !html.is_empty() {
        out.extend(html_hrefs(&html));
    }
    out
}

/// `<a href>`s of an HTML text (nothing else is looked at).
fn html_hrefs(html: &str) -> Vec<String> {
    if !contains_ignoring_case(html, b"href") {
        return Vec::new();
    }
    let tokenizer = Tokenizer::new(
        Hrefs::default(),
        html5ever::tokenizer::TokenizerOpts::default(),
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.found.take()
}

fn contains_ignoring_case(haystack: &str, needle: &[u8]) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[derive(Default)]
struct Hrefs {
    found: RefCell<Vec<String>>,
}

impl TokenSink for Hrefs {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let TagToken(tag) = token {
            if tag.kind == StartTag && &*tag.name == "a" {
                if let Some(href) = tag.attrs.iter().find(|a| &*a.name.local == "href") {
                    self.found.borrow_mut().push(href.value.to_string());
                }
            }
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_links_and_raw_html_anchors_are_found() {
        let body = "見[上文](https://a.hk/article/123/x)及<a href='../b.md'>乙</a>。\n\n\
                    <div><a class=\"k\" href=\"/web/2021/https://a.hk/article/9/y\">丙</a></div>\n\n\
                    ![圖](https://img.hk/1.jpg) <https://c.hk/auto>\n";
        assert_eq!(
            hrefs(body, BodyFormat::Markdown),
            [
                "https://a.hk/article/123/x",
                "https://c.hk/auto",
                "../b.md",
                "/web/2021/https://a.hk/article/9/y"
            ]
        );
    }

    #[test]
    fn html_bodies_are_tokenized_whole() {
        let body = "<p>甲<A HREF=\"https://a.hk/1\">一</A><a>無</a><a href=x.html>二</a></p>";
        assert_eq!(hrefs(body, BodyFormat::Html), ["https://a.hk/1", "x.html"]);
        assert!(hrefs("<p>沒有連結</p>", BodyFormat::Html).is_empty());
    }
}
