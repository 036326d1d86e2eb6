use super::*;
use crate::render::markdown::to_html;

fn cut_blocks(body: &str) -> Vec<&str> {
    find(body)
        .into_iter()
        .map(|(start, indent, end)| &body[start + indent..end])
        .collect()
}

#[test]
fn a_block_lasts_until_its_closing_tag_across_blank_and_indented_lines() {
    let body =
        "<div class=\"a\">\n<p>一</p>\n\n\t<dl>\n\t<dt>二</dt>\n\n\t</dl>\n</div>\n\n**後**\n";
    assert_eq!(
        cut_blocks(body),
        ["<div class=\"a\">\n<p>一</p>\n\n\t<dl>\n\t<dt>二</dt>\n\n\t</dl>\n</div>\n"]
    );
    let html = to_html(body);
    assert!(!html.contains("<pre>") && !html.contains("&lt;"), "{html}");
    assert!(html.contains("\t<dt>二</dt>"), "{html}");
    assert!(
        html.contains("<strong>後</strong>"),
        "Markdown after the block: {html}"
    );
}

#[test]
fn nested_elements_of_the_same_name_are_counted() {
    let body = "<div>\n<div>\n\n    內\n</div>\n\n    仍在\n</div>\n\n    code\n";
    assert_eq!(
        cut_blocks(body),
        ["<div>\n<div>\n\n    內\n</div>\n\n    仍在\n</div>\n"]
    );
    assert!(
        to_html(body).contains("<pre><code>code"),
        "real code still is"
    );
}

#[test]
fn comments_last_until_their_end() {
    let body = "<!--1605174977000\n\n    still comment -->\n文字\n";
    assert_eq!(
        cut_blocks(body),
        ["<!--1605174977000\n\n    still comment -->\n"]
    );
    let html = to_html(body);
    assert!(!html.contains("<pre>"), "{html}");
    assert!(html.contains("<p>文字</p>"), "{html}");
}

#[test]
fn comments_inside_a_block_do_not_close_it() {
    let body = "<div><!-- </div> -->\n\n\t<p>x</p>\n</div>\n";
    assert_eq!(cut_blocks(body), [body]);
}

#[test]
fn span_elements_and_void_elements_stay_markdown() {
    assert!(cut_blocks("<img src=\"a.jpg\"> 圖\n\n<a href=\"x\">連</a> **b**\n").is_empty());
    assert!(cut_blocks("<hr>\n").is_empty());
    assert!(to_html("<span>a</span> **b**\n").contains("<strong>b</strong>"));
}

#[test]
fn code_stays_code() {
    let fenced = "```\n<div>\n\n    x\n```\n";
    assert!(cut_blocks(fenced).is_empty());
    assert!(to_html(fenced).contains("&lt;div&gt;"));
    assert!(
        cut_blocks("    <div>\n\n    x\n").is_empty(),
        "indented code"
    );
    let span = to_html("文字 `<p>` 與 `&#37;`\n");
    assert!(span.contains("<code>&lt;p&gt;</code>"), "{span}");
    assert!(span.contains("<code>&amp;#37;</code>"), "{span}");
}

#[test]
fn an_unclosed_block_runs_to_the_end() {
    let body = "<div>\n一\n\n\t二\n";
    assert_eq!(cut_blocks(body), [body]);
    assert!(!to_html(body).contains("<pre>"));
}

#[test]
fn raw_text_elements_end_only_at_their_closing_tag() {
    let body = "<pre>\n<div>\n\n\tx\n</pre>\n後\n";
    assert_eq!(cut_blocks(body), ["<pre>\n<div>\n\n\tx\n</pre>\n"]);
}

#[test]
fn text_after_the_closing_tag_on_its_line_belongs_to_the_block() {
    let body = "<div>a\n</div> tail\nnext\n";
    assert_eq!(cut_blocks(body), ["<div>a\n</div> tail\n"]);
}

#[test]
fn blocks_in_lists_keep_their_indent_and_reference_links_resolve() {
    let body = "- item\n\n  <div>\n\n\t內\n  </div>\n\n[ref]\n\n[ref]: https://example.org/r\n";
    let html = to_html(body);
    assert!(
        html.contains("<a href=\"https://example.org/r\">ref</a>"),
        "{html}"
    );
    assert!(!html.contains("<pre>"), "{html}");
}

#[test]
fn only_our_placeholders_are_restored() {
    let blocks = Blocks::cut("<div>\nx\n</div>\n");
    assert_eq!(blocks.restore(&placeholder(0)), Some("<div>\nx\n</div>\n"));
    assert_eq!(blocks.restore(&placeholder(1)), None);
    assert_eq!(blocks.restore("<!--0-->"), None);
}

#[test]
fn uppercase_and_attributes_spanning_lines() {
    let body = "<DIV\n  class=\"x\">\n\n\ty\n</Div>\n";
    assert_eq!(cut_blocks(body), [body]);
}
